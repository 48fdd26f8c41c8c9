"""Pipeline throughput of this checkout against another revision, measured side by side.

    python bench/bench_ab.py [--base REV] [--pairs 3] [--sets geowebnews,trnews,...] [--eval-dir ../shared/eval]

This machine's speed drifts by a third or more within an hour, so two figures taken at different
times compare the host, not the code. This checks REV out into a temporary git worktree, then runs
both sides alternately (base, this, base, this ...), each in a fresh process that loads its own
code and times the best of 3 rounds of Pipeline.process over the same dev texts (CPU time, after
loading). It prints every run and the median ratio this/base. Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a child process with the side's checkout first on sys.path: its own code, the same texts.
_CHILD = """
import json, sys, time
root, eval_dir, sets = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
sys.path.insert(0, root)
from dashboard.articles import parse_date
from dashboard.pipeline import Pipeline
from dashboard.records import Article
pipeline = Pipeline.load()
articles = []
for name in sets:
    with open(f"{eval_dir}/dev/{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                articles.append(Article(id=str(d["id"]), text=d["text"], title=d.get("title") or "",
                                        url=d.get("url") or "", published=parse_date(d.get("published"))))
size = sum(len(a.text.encode("utf-8")) for a in articles)
best = float("inf")
for _ in range(3):
    getattr(pipeline.resolver, "clear_cache", lambda: None)()  # each round reads the texts as new
    t0 = time.process_time()
    for a in articles:
        pipeline.process(a)
    best = min(best, time.process_time() - t0)
print(size / best / 1e6, len(articles) / best)
"""


def run_side(root: Path, eval_dir: Path, sets: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), str(eval_dir), sets], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD~1", help="revision to compare against (default HEAD~1)")
    ap.add_argument("--pairs", type=int, default=3, help="alternating base/this pairs (default 3)")
    ap.add_argument("--sets", default="geowebnews,trnews,strikes-cir,strikes-ucdp")
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    args = ap.parse_args()
    if not (args.eval_dir / "dev").is_dir():
        sys.exit(f"no evaluation data at {args.eval_dir} (pass --eval-dir)")
    with tempfile.TemporaryDirectory(prefix="strikemap-ab-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            ratios = []
            for i in range(args.pairs):
                b_mb, b_docs = run_side(base, args.eval_dir, args.sets)
                t_mb, t_docs = run_side(ROOT, args.eval_dir, args.sets)
                ratios.append(t_mb / b_mb)
                print(f"pair {i + 1}: base {b_mb:.3f} MB/s ({b_docs:.0f} docs/s)   "
                      f"this {t_mb:.3f} MB/s ({t_docs:.0f} docs/s)   this/base {t_mb / b_mb:.2f}")
            print(f"median this/base over {args.pairs} pairs: {statistics.median(ratios):.2f} "
                  f"(base = {args.base}, sets = {args.sets})")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)


if __name__ == "__main__":
    main()
