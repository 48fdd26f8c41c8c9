"""Pipeline throughput of this checkout against another revision, measured side by side.

    python bench/bench_ab.py [--base REV] [--pairs 3] [--sets geowebnews,trnews,...] [--eval-dir ../shared/eval]

This machine's speed drifts by a third or more within an hour, so two figures taken at different
times compare the host, not the code. This checks REV out into a temporary git worktree, then runs
both sides alternately (base, this, base, this ...), each in a fresh process that loads its own
code and times the best of 3 rounds of Pipeline.process over the same dev texts (CPU time, after
loading). It prints every run and the median ratio this/base. Prints figures only; nothing is asserted.

    python bench/bench_ab.py --instructions [--base REV] [--every 4]

counts instead the machine instructions each side executes to process every Nth dev text (after
loading, with valgrind's callgrind; `apt-get install valgrind`). The count does not drift with the
host's load: one run a side settles a 2% difference that timing cannot. It takes a minute or two a side.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a child process with the side's checkout first on sys.path: its own code, the same texts.
_LOAD = """
import json, os, subprocess, sys, time
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
"""
_CHILD = _LOAD + """
best = float("inf")
for _ in range(3):
    getattr(pipeline, "clear_cache", getattr(pipeline.resolver, "clear_cache", lambda: None))()  # texts read as new
    t0 = time.process_time()
    for a in articles:
        pipeline.process(a)
    best = min(best, time.process_time() - t0)
print(size / best / 1e6, len(articles) / best)
"""
# Under callgrind with instrumentation off: switched on only around the processing (not the loading).
_CHILD_IR = _LOAD + """
articles = articles[:: int(sys.argv[4])]
pipeline.process(articles[0])  # first-call work (compiling patterns) is loading, not processing
getattr(pipeline, "clear_cache", getattr(pipeline.resolver, "clear_cache", lambda: None))()
subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
for a in articles:
    pipeline.process(a)
subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)
print(sum(len(a.text.encode("utf-8")) for a in articles), len(articles))
"""


def run_side(root: Path, eval_dir: Path, sets: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(root), str(eval_dir), sets], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def count_side(root: Path, eval_dir: Path, sets: str, every: int) -> tuple[int, int, int]:
    """(instructions, bytes, texts) to process every `every`-th dev text with root's code."""
    with tempfile.TemporaryDirectory(prefix="strikemap-ir-") as tmp:
        res = subprocess.run(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={tmp}/out",
             sys.executable, "-c", _CHILD_IR, str(root), str(eval_dir), sets, str(every)],
            capture_output=True, text=True, check=True,
        )
    found = re.search(r"Collected : (\d+)", res.stderr)
    if found is None:
        sys.exit(f"callgrind reported no count:\n{res.stderr[-2000:]}")
    size, texts = res.stdout.split()
    return int(found.group(1)), int(size), int(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD~1", help="revision to compare against (default HEAD~1)")
    ap.add_argument("--pairs", type=int, default=3, help="alternating base/this pairs (default 3)")
    ap.add_argument("--sets", default="geowebnews,trnews,strikes-cir,strikes-ucdp")
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--instructions", action="store_true", help="count instructions (callgrind), not time")
    ap.add_argument("--every", type=int, default=4, help="with --instructions: every Nth text (default 4)")
    args = ap.parse_args()
    if not (args.eval_dir / "dev").is_dir():
        sys.exit(f"no evaluation data at {args.eval_dir} (pass --eval-dir)")
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind: apt-get install -y valgrind")
    with tempfile.TemporaryDirectory(prefix="strikemap-ab-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base], check=True)
        try:
            if args.instructions:
                b_ir, size, texts = count_side(base, args.eval_dir, args.sets, args.every)
                t_ir, _, _ = count_side(ROOT, args.eval_dir, args.sets, args.every)
                print(f"{texts} texts, {size / 1e6:.3f} MB (every {args.every}th of {args.sets})")
                print(f"base {args.base}: {b_ir / 1e6:,.0f} M instructions ({b_ir / size:,.0f} per byte)")
                print(f"this checkout: {t_ir / 1e6:,.0f} M instructions ({t_ir / size:,.0f} per byte)")
                print(f"this/base {t_ir / b_ir:.3f} (below 1: this does less work)")
                return
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
