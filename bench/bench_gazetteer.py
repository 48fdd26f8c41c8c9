"""The cached gazetteer: size on disk, time to first lookup, memory, records and names per country.

    python bench/bench_gazetteer.py [--runs 5]

Each load is timed in a fresh Python process (what a user waits for when the CLI or the dashboard
starts), and memory is that process's peak resident size minus the same process's before loading.
Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEODATA = ROOT / "geodata"
FOCUS = ("UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "IL", "PS", "LB", "SY", "IQ", "IR", "YE", "SD")

_PROBE = """
import resource, time, json, sys
sys.path.insert(0, {root!r})
import numpy, pyarrow.parquet  # imported by any user of the package anyway
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from dashboard.gazetteer import Gazetteer
g = Gazetteer.load()
g.candidates("Kharkiv")
t1 = time.perf_counter()
mid = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from dashboard.toponyms import MentionFinder
MentionFinder(g)
t2 = time.perf_counter()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
mb = {{"gaz_mb": (mid - before) / 1024, "mb": (after - before) / 1024}}
print(json.dumps({{"load": t1 - t0, "finder": t2 - t1, **mb}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for p in GEODATA.iterdir() if p.is_file())
    total = sum(p.stat().st_size for p in files)
    print(f"size on disk: {total / 1e6:.2f} MB  ({', '.join(f'{p.name} {p.stat().st_size / 1e6:.2f}' for p in files)})")
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _PROBE.format(root=str(ROOT))],
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    load = statistics.median(r["load"] for r in runs)
    print(f"load to first lookup: median {load:.2f} s over {args.runs} fresh processes")
    print(f"mention finder (name table) build: median {statistics.median(r['finder'] for r in runs):.2f} s")
    print(f"peak memory added by the gazetteer: median {statistics.median(r['gaz_mb'] for r in runs):.0f} MB; "
          f"with the mention finder's name table: {statistics.median(r['mb'] for r in runs):.0f} MB")
    meta = json.loads((GEODATA / "gazetteer.json").read_text(encoding="utf-8"))
    print(f"records {meta['records']:,}, index names {meta['names']:,}")
    print("by feature: " + ", ".join(f"{k} {v:,}" for k, v in meta["by_feature"].items()))
    print("records / names per country (full-detail countries):")
    for cc in FOCUS:
        c = meta["by_country"].get(cc, {"records": 0, "names": 0})
        print(f"  {cc}  {c['records']:>7,} records  {c['names']:>8,} names")
    rest = {cc: c for cc, c in meta["by_country"].items() if cc not in FOCUS}
    print(f"  other {len(rest)} countries: {sum(c['records'] for c in rest.values()):,} records, "
          f"{sum(c['names'] for c in rest.values()):,} names")


if __name__ == "__main__":
    main()
