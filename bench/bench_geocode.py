"""How many Ukrainian towns from strike reports GazetteerGeocoder's top answer puts within 10 km.

Gold coordinates are read at run time from the evaluation set beside the project (never copied in):
for each name, the median of the hand-geolocated sites of the reports about that name. Prints
figures and misses; asserts nothing.

    PYTHONPATH=. python bench/bench_geocode.py [--eval-dir ../shared/eval] [--gazetteer geodata]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from geopy.distance import great_circle

from dashboard.gazetteer import Gazetteer, GazetteerError
from dashboard.geocode import GazetteerGeocoder

REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = ("dev/strikes-cir.jsonl", "dev/strikes-ucdp.jsonl")
HIT_KM = 10.0

# Towns as strike reports spell them (Ukrainian-official and Russian-style transliterations mixed).
TOWNS = [
    "Mariupol",
    "Kharkiv",
    "Donetsk",
    "Kyiv",
    "Mykolaiv",
    "Kherson",
    "Severodonetsk",
    "Izyum",
    "Borodyanka",
    "Chernihiv",
    "Popasna",
    "Zaporizhzhia",
    "Bucha",
    "Lyman",
    "Bakhmut",
    "Rubizhne",
    "Avdiivka",
    "Dnipro",
    "Irpin",
    "Makariv",
    "Volnovakha",
    "Chuhuiv",
    "Okhtyrka",
    "Slovyansk",
    "Nova Kakhovka",
    "Lysychansk",
    "Enerhodar",
    "Odesa",
    "Alchevsk",
    "Soledar",
    "Kramatorsk",
    "Horlivka",
    "Luhansk",
    "Lviv",
    "Svatove",
    "Kupyansk",
    "Vinnytsia",
    "Chasiv Yar",
    "Vorzel",
    "Merefa",
    "Vuhledar",
    "Tokmak",
    "Orikhiv",
    "Marinka",
    "Hostomel",
    "Makiivka",
    "Bila Tserkva",
    "Bilohorivka",
    "Slavutych",
    "Shakhtarsk",
    "Pokrovsk",
    "Nikopol",
    "Lozova",
    "Derhachi",
    "Trostyanets",
    "Toretsk",
    "Ochakiv",
    "Yasynuvata",
    "Kremenchuk",
    "Kostyantynivka",
]


def gold_points(eval_dir: Path, names: list[str]) -> dict[str, tuple[float, float, int]]:
    """name -> (median lat, median lon, reports) over the reports whose event.name is that name."""
    wanted = {n.casefold(): n for n in names}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for rel in GOLD_FILES:
        path = eval_dir / rel
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                event = json.loads(line).get("event") or {}
                name = wanted.get(str(event.get("name", "")).strip().casefold())
                if name and event.get("lat") is not None and event.get("lon") is not None:
                    points[name].append((float(event["lat"]), float(event["lon"])))
    return {
        n: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts), len(pts))
        for n, pts in points.items()
    }


def run(geocoder: GazetteerGeocoder, gold: dict[str, tuple[float, float, int]]) -> tuple[int, list[str]]:
    hits, misses = 0, []
    for name, (lat, lon, _) in gold.items():
        loc = geocoder.geocode(name)
        if loc is None:
            misses.append(f"  {name:16} not found")
            continue
        km = great_circle((lat, lon), (loc.latitude, loc.longitude)).km
        if km <= HIT_KM:
            hits += 1
        else:
            raw = loc.raw
            misses.append(
                f"  {name:16} {km:8.1f} km  -> {raw['id']} {raw['name']} ({raw['feature']}, "
                f"{raw['admin1'] or '-'}, {raw['country'] or '-'})"
            )
    return hits, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--gazetteer", type=Path, default=None, help="gazetteer directory (default geodata/)")
    args = parser.parse_args(argv)

    gold = gold_points(args.eval_dir, TOWNS)
    absent = [n for n in TOWNS if n not in gold]
    if not gold:
        print(f"no gold found under {args.eval_dir} ({', '.join(GOLD_FILES)})", file=sys.stderr)
        return 1
    try:
        started = time.perf_counter()
        gazetteer = Gazetteer.load(args.gazetteer)
        load_s = time.perf_counter() - started
    except GazetteerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"gazetteer: {len(gazetteer):,} records, loaded in {load_s:.2f} s")
    print(
        f"towns with gold: {len(gold)} of {len(TOWNS)} (from {sum(g[2] for g in gold.values())} reports)"
        + (f"; absent: {', '.join(absent)}" if absent else "")
    )
    for label, geocoder in (
        ("top-1, no bias", GazetteerGeocoder(gazetteer)),
        ("top-1, country_bias=UA", GazetteerGeocoder(gazetteer, country_bias="UA")),
    ):
        started = time.perf_counter()
        hits, misses = run(geocoder, gold)
        per_query_ms = (time.perf_counter() - started) / len(gold) * 1000
        print(
            f"\n{label}: {hits}/{len(gold)} within {HIT_KM:g} km ({hits / len(gold):.0%}); "
            f"{per_query_ms:.2f} ms per query"
        )
        if misses:
            print("misses:")
            print("\n".join(misses))
    run_reverse(GazetteerGeocoder(gazetteer), gold)
    return 0


def run_reverse(geocoder: GazetteerGeocoder, gold: dict[str, tuple[float, float, int]]) -> None:
    """reverse() at each gold point: how often the nearest point-like place is the town itself."""
    started = time.perf_counter()
    geocoder.reverse((50.45, 30.52))  # builds the point index
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    same = 0
    for name, (lat, lon, _) in gold.items():
        loc = geocoder.reverse((lat, lon))
        forward = geocoder.geocode(name)
        same += bool(loc and forward and loc.raw["id"] == forward.raw["id"])
    per_query_ms = (time.perf_counter() - started) / len(gold) * 1000
    print(
        f"\nreverse: index built in {build_s:.2f} s; {per_query_ms:.2f} ms per reverse+geocode pair; "
        f"nearest place is the top-1 forward answer for {same}/{len(gold)} gold points"
    )


if __name__ == "__main__":
    sys.exit(main())
