"""Measure the text stages on the evaluation sets beside the project (never copied into it).

    PYTHONPATH=. python bench/text_stages.py [../shared/eval/dev] [--misses CLASS]

Prints, for strikes-cir (the only set with gold classes), the share of reports whose predicted
types include a type the scorer accepts for the gold class (per class and overall), the mean number
of types predicted, and the throughput of split_sentences + classify_sentence (and of find_quotes)
in MB/s; with the gazetteer present, also each text stage as the pipeline runs it (best of 5 rounds
of CPU time, so a loaded machine disturbs it less). Timings are printed, never asserted.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from dashboard.clauses import place_modality, place_types
from dashboard.dates import resolve_event_date
from dashboard.events import classify_sentence, clear_caches
from dashboard.placerole import place_role
from dashboard.quotes import find_quotes
from dashboard.sentences import split_sentences

# Same mapping as the scorer's GOLD_TYPES (score.py), restated so this script needs no import from it.
GOLD_TYPES = {
    "strike": {"air_strike", "missile_strike", "drone_strike", "shelling", "explosion"},
    "air_or_drone_strike": {"air_strike", "drone_strike"},
    "shelling_or_missile": {"shelling", "missile_strike"},
    "explosion": {"explosion", "shelling", "missile_strike", "air_strike", "drone_strike"},
    "interception": {"interception"},
    "infrastructure_damage": {"infrastructure_damage"},
    "casualties": {"casualties"},
    "ground_fighting": {"ground_fighting"},
    "military_presence": {"military_movement"},
}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def type_hits(rows: list[dict], misses: str | None) -> None:
    hit, total, n_types = Counter(), Counter(), 0
    for row in rows:
        gold = row["event"]["types"]
        if not gold:
            continue
        wanted = set().union(*(GOLD_TYPES.get(g, {g}) for g in gold))
        got = set(classify_sentence(row["text"]).types)
        n_types += len(got)
        ok = bool(wanted & got)
        for g in gold:
            total[g] += 1
            hit[g] += ok
            if misses == g and not ok:
                print(f"  MISS {sorted(got)} | {row['text'][:150]}")
    n = sum(total.values())
    for g in sorted(total):
        print(f"  {g:24s} {hit[g] / total[g]:.3f}  ({hit[g]}/{total[g]})")
    print(f"  {'overall':24s} {sum(hit.values()) / n:.3f}  mean types/report {n_types / n:.2f}")


def throughput(texts: list[str], min_bytes: int = 5_000_000) -> float:
    blob = "\n\n".join(texts)
    reps = max(1, min_bytes // max(1, len(blob.encode())))
    size = len(blob.encode()) * reps
    t0 = time.perf_counter()
    for _ in range(reps):
        for s in split_sentences(blob):
            classify_sentence(s.text)
    return size / (time.perf_counter() - t0) / 1e6


def pipeline_stages(texts: list[str]) -> None:
    """MB/s of each text stage over the inputs the pipeline gives it (places found by the gazetteer)."""
    try:
        from dashboard.pipeline import Pipeline, _group
        pipeline = Pipeline.load()
    except (OSError, ValueError) as exc:
        print(f"(no per-stage figures: {exc})")
        return
    size = sum(len(t.encode()) for t in texts)
    work = []
    for text in texts:
        sentences = split_sentences(text)
        by_sentence = _group(pipeline.resolver.resolve(text, pipeline.finder.find(text)), sentences)
        for idx, here in by_sentence.items():
            s = sentences[idx]
            spans = [(rm.mention.start - s.start, rm.mention.end - s.start)
                     for rm in here if rm.place is not None and rm.mention.cue != "demonym"]
            work.append((s.text, spans))

    def events() -> None:
        for text, spans in work:
            signals = classify_sentence(text)
            for a, b in spans:
                place_role(text, a, b)
                if place_types(text, a, b, signals):
                    place_modality(text, a, b, signals)

    stages = {
        "split_sentences": lambda: [split_sentences(t) for t in texts],
        "events (classify, role, types, modality)": events,
        "resolve_event_date": lambda: [resolve_event_date(t, "2023-05-01") for t, _ in work],
        "find_quotes": lambda: [find_quotes(t) for t in texts],
        "whole pipeline (Pipeline.process)": lambda: [
            pipeline.process(_article(i, t)) for i, t in enumerate(texts)
        ],
    }
    for name, run in stages.items():
        best = float("inf")
        for _ in range(5):
            clear_caches()
            t0 = time.process_time()
            run()
            best = min(best, time.process_time() - t0)
        print(f"  {name:42s} {size / best / 1e6:6.2f} MB/s")


def _article(i: int, text: str):
    from dashboard.records import Article

    return Article(id=str(i), text=text, title="", url="", published="2023-05-01")


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    misses = argv[argv.index("--misses") + 1] if "--misses" in argv else None
    if misses in args:
        args.remove(misses)
    root = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
    cir = load(root / "strikes-cir.jsonl")
    print(f"strikes-cir type hit rate ({len(cir)} reports):")
    type_hits(cir, misses)
    texts = [r["text"] for r in cir] + [r["text"] for r in load(root / "strikes-ucdp.jsonl")]
    texts += [d["text"] for d in load(root / "geowebnews.jsonl")]
    print(f"split_sentences + classify_sentence: {throughput(texts):.2f} MB/s")
    size = sum(len(t.encode()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        find_quotes(text)
    print(f"find_quotes: {size / (time.perf_counter() - t0) / 1e6:.2f} MB/s")
    print("per stage, as the pipeline runs it:")
    pipeline_stages(texts)


if __name__ == "__main__":
    main(sys.argv[1:])
