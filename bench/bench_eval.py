"""Quality and speed of the extraction pipeline on the team's evaluation sets.

    python bench/bench_eval.py [--eval-dir ../shared/eval] [--sets geowebnews,trnews,...] [--keep DIR]

Runs the same code as `strikemap extract` over each dev set, scores it with the team's score.py
(read from the eval folder, never copied here) and prints the figures; then measures throughput
(MB of text per second on one core, after loading) and the sample article's end-to-end time.
Prints figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.articles import parse_date  # noqa: E402
from dashboard.pipeline import Pipeline, to_eval_record  # noqa: E402
from dashboard.records import Article  # noqa: E402

SETS = ("geowebnews", "trnews", "strikes-cir", "strikes-ucdp")
FIGURES = {
    "toponyms": ("overlap_precision", "overlap_recall", "overlap_f1", "exact_f1", "acc_at_161km",
                 "median_error_km", "auc", "end_to_end_acc_at_161km"),
    "events": ("site_hit_at_25km", "site_precision_at_25km", "type_hit_rate", "site_hit_at_161km",
               "median_error_km", "predicted_sites"),
}


def load_docs(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def to_article(doc: dict) -> Article:
    return Article(
        id=str(doc["id"]),
        text=doc["text"],
        title=doc.get("title") or "",
        url=doc.get("url") or "",
        published=parse_date(doc.get("published")),
    )


def score(eval_dir: Path, name: str, pipeline: Pipeline, keep: Path | None) -> dict:
    gold = eval_dir / "dev" / f"{name}.jsonl"
    docs = load_docs(gold)
    out_dir = keep or Path(tempfile.mkdtemp(prefix="strikemap-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{name}.system.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(to_eval_record(pipeline.process(to_article(doc)))) + "\n")
    res = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), str(gold), str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(res.stdout)


def cpu_rounds(pipeline: Pipeline, run, rounds: int = 3) -> list[float]:
    """CPU seconds of `run()` in each round, the name caches cleared before each (every round reads the
    texts as new: no names known yet). CPU time of this process: on a shared machine, wall time would
    measure the neighbours too."""
    seconds = []
    for _ in range(rounds):
        pipeline.clear_cache()
        t0 = time.process_time()
        run()
        seconds.append(time.process_time() - t0)
    return seconds


def throughput(eval_dir: Path, pipeline: Pipeline, rounds: int = 3) -> tuple[float, int]:
    """Median MB/s over all dev texts (after loading), and the bytes per round."""
    articles = [to_article(d) for name in SETS for d in load_docs(eval_dir / "dev" / f"{name}.jsonl")]
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    seconds = cpu_rounds(pipeline, lambda: [pipeline.process(a) for a in articles], rounds)
    return statistics.median(size / s / 1e6 for s in seconds), size


def per_set(eval_dir: Path, pipeline: Pipeline) -> dict[str, tuple[float, float, float]]:
    """Per dev set: (MB/s, texts/s, mean bytes a text), best of 3 rounds. One-line reports and 2.5 KB news
    articles cost very differently per byte: the mixed figure hides which is which."""
    out = {}
    for name in SETS:
        articles = [to_article(d) for d in load_docs(eval_dir / "dev" / f"{name}.jsonl")]
        size = sum(len(a.text.encode("utf-8")) for a in articles)
        best = min(cpu_rounds(pipeline, lambda articles=articles: [pipeline.process(a) for a in articles]))
        out[name] = (size / best / 1e6, len(articles) / best, size / len(articles))
    return out


def stage_split(eval_dir: Path, pipeline: Pipeline) -> dict[str, float]:
    """MB/s of place finding and resolution alone over all dev texts (best of 3): where the whole
    pipeline's time goes, since the rest is the per-sentence event and quote analysis."""
    texts = [d["text"] for name in SETS for d in load_docs(eval_dir / "dev" / f"{name}.jsonl")]
    size = sum(len(t.encode("utf-8")) for t in texts)
    mentions = [pipeline.finder.find(t) for t in texts]
    stages = {
        "find mentions": lambda: [pipeline.finder.find(t) for t in texts],
        "resolve places": lambda: [pipeline.resolver.resolve(t, m) for t, m in zip(texts, mentions)],
    }
    return {name: size / min(cpu_rounds(pipeline, run)) / 1e6 for name, run in stages.items()}


def sample_time(pipeline: Pipeline) -> tuple[float, float]:
    """Cold (first) and warm (median of 5) seconds to process the sample article."""
    from dashboard.articles import load_path

    article = load_path(ROOT / "seeds" / "ukraine-energy-strikes.txt")[0]
    t0 = time.perf_counter()
    pipeline.process(article)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        pipeline.process(article)
        warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--keep", type=Path, help="keep system outputs in this folder")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not (args.eval_dir / "score.py").exists():
        sys.exit(f"no evaluation data at {args.eval_dir} (pass --eval-dir)")
    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    print(f"pipeline load: {time.perf_counter() - t0:.2f} s")
    for name in args.sets.split(","):
        result = score(args.eval_dir, name, pipeline, args.keep)
        kind = "events" if "site_hit_at_25km" in result else "toponyms"
        cells = "  ".join(
            f"{k}={result[k]:.3f}" if isinstance(result[k], float) else f"{k}={result[k]}"
            for k in FIGURES[kind] if result.get(k) is not None
        )
        print(f"{name:14s} docs={result['docs']}  {cells}")
    if not args.no_speed:
        rate, size = throughput(args.eval_dir, pipeline)
        print(f"throughput: {rate:.2f} MB/s on one core (median of 3 rounds over {size / 1e6:.2f} MB)")
        for name, (mb, docs, mean) in per_set(args.eval_dir, pipeline).items():
            print(f"  {name}: {mb:.2f} MB/s, {docs:,.0f} texts/s (texts of {mean:,.0f} bytes on average)")
        for stage, stage_rate in stage_split(args.eval_dir, pipeline).items():
            print(f"  {stage}: {stage_rate:.2f} MB/s alone")
        cold, warm = sample_time(pipeline)
        print(f"sample article: first run {cold * 1000:.0f} ms, warm {warm * 1000:.1f} ms")


if __name__ == "__main__":
    main()
