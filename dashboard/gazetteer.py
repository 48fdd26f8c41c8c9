"""The cached gazetteer: load geodata/ and look names up.

The files are built by `strikemap gazetteer build` (dashboard/gazetteer_build.py). Lookups use a
sorted key array and binary search, so loading is reading two parquet files (well under a second)
and costs a few tens of MB, with no index to build at start-up.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from .gazetteer_build import FULL_DETAIL, WORLD_MIN_POPULATION
from .records import Place
from .textnorm import key, variants

GEODATA_DIR = Path(__file__).resolve().parent.parent / "geodata"
REBUILD_HINT = "rebuild it with `make gazetteer` (or `strikemap gazetteer build`)"

# Admin and physical features outrank a same-named village; population breaks remaining ties.
_FEATURE_WEIGHT = {
    "country": 9.0,
    "admin1": 1.0,  # plus log10 of its population: Texas beats a town, a Jamaican parish does not beat Portland
    "sea": 7.0,
    "river": 6.5,
    "region": 6.5,
    "area": 6.0,
    "strait": 6.0,
    "peninsula": 6.0,
    "reservoir": 6.0,
    "lake": 5.5,
    "island": 5.0,
    "facility": 7.0,
    "admin2": 5.0,  # a raion whose people are not counted (counties with theirs: see prior)
    "city": 0.0,
    "settlement": 0.0,
}
_COUNTY_WEIGHT = 4.0
TOWN_FEATURES = frozenset(("city", "settlement"))



class GazetteerError(Exception):
    """The gazetteer files are missing or unreadable; the message says how to rebuild them."""


class Gazetteer:
    def __init__(self, places, names, meta: dict, path: Path) -> None:
        self.path = path
        self.meta = meta
        self._id = places["id"]
        self._name = places["name"]
        self._lat = places["lat"]
        self._lon = places["lon"]
        self._feature = places["feature"]
        self._country = places["country"]
        self._admin1 = places["admin1"]
        self._population = places["population"]
        self._precision = places["precision"]
        self._source = places["source"]
        self._seat = places.get("seat")  # older builds lack it: no region is mapped at a capital
        self._keys = names["key"]
        self._place = names["place"]
        self._primary = names["primary"]
        self._demonym = names["demonym"]
        self._common = names["common"]
        self._person = names.get("person", np.zeros(len(self._keys), dtype=bool))  # older builds lack it
        self.common_words: frozenset[str] = frozenset()
        self.given_names: frozenset[str] = frozenset()
        self.surnames: frozenset[str] = frozenset()
        # Regions where strikes are reported most: a small prior for a town of an ambiguous name.
        self.region_prior: dict[tuple[str, str], float] = {}
        self._by_id = {pid: i for i, pid in enumerate(self._id)}
        self._places: dict[int, Place] = {}
        # Python lists beside the arrays: the resolver reads single values tens of thousands of times
        # per MB of text, and a list item is several times cheaper to read than a numpy scalar.
        self._id_l = self._id.tolist()
        self._name_l = self._name.tolist()
        self._precision_l = self._precision.tolist()
        self._source_l = self._source.tolist()
        self._feature_l = self._feature.tolist()
        self._country_l = self._country.tolist()
        self._admin1_l = self._admin1.tolist()
        self._population_l = self._population.tolist()
        self._lat_l = self._lat.tolist()
        self._lon_l = self._lon.tolist()
        self._keys_l = self._keys.tolist()
        self._place_l = self._place.tolist()
        self._primary_l = self._primary.tolist()
        self._demonym_l = self._demonym.tolist()
        # Each admin1 region by (country, its name), the name its towns carry: "Washington" the state
        # is found so even though the bare key "washington" is left to the capital.
        self._regions = {
            (c, a): i for i, (f, c, a) in enumerate(zip(self._feature_l, self._country_l, self._admin1_l))
            if f == "admin1"
        }

    # --- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None) -> Gazetteer:
        """Load the gazetteer directory (default: the repository's geodata/)."""
        directory = Path(path) if path else GEODATA_DIR
        if directory.is_file():
            directory = directory.parent
        try:
            import pyarrow.parquet as pq

            meta = json.loads((directory / "gazetteer.json").read_text(encoding="utf-8"))
            p = pq.read_table(directory / "places.parquet")
            n = pq.read_table(directory / "names.parquet")
            places = {c: _column(p, c) for c in p.column_names}
            names = {c: _column(n, c) for c in n.column_names}
            required = {"id", "name", "lat", "lon", "feature", "country", "admin1", "population", "precision"}
            if not required <= places.keys() or not {"key", "place", "primary", "demonym", "common"} <= names.keys():
                raise ValueError("columns missing")
            if len(names["key"]) and int(names["place"].max()) >= len(places["id"]):
                raise ValueError("name index points past the place table")
        except FileNotFoundError as exc:
            raise GazetteerError(f"gazetteer file missing: {exc.filename}; {REBUILD_HINT}") from exc
        except Exception as exc:  # corrupt parquet/JSON: say what and how to fix it
            raise GazetteerError(f"gazetteer in {directory} is unreadable ({exc}); {REBUILD_HINT}") from exc
        gaz = cls(places, names, meta, directory)
        words = directory / "common_words.txt"
        if words.exists():
            gaz.common_words = frozenset(words.read_text(encoding="utf-8").split())
        given = directory / "given_names.txt"
        if given.exists():
            gaz.given_names = frozenset(given.read_text(encoding="utf-8").split())
        surnames = directory / "surnames.txt"
        if surnames.exists():
            gaz.surnames = frozenset(surnames.read_text(encoding="utf-8").split())
        gaz.region_prior = _region_prior(directory / "curated" / "conflict_regions.csv")
        return gaz

    # --- lookups ---------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._id)

    def place(self, i: int) -> Place:
        found = self._places.get(i)
        if found is None:  # built once per place (records are frozen): the resolver asks again and again
            found = self._places[i] = self._build_place(i)
        return found

    def _build_place(self, i: int) -> Place:
        return Place(
            id=str(self._id_l[i]),
            name=str(self._name_l[i]),
            lat=float(self._lat_l[i]),
            lon=float(self._lon_l[i]),
            feature=str(self._feature_l[i]),
            country=str(self._country_l[i]),
            admin1=str(self._admin1_l[i]),
            population=int(self._population_l[i]),
            precision=int(self._precision_l[i]),
            source=str(self._source_l[i]),
        )

    def get(self, place_id: str) -> Place | None:
        i = self._by_id.get(place_id)
        return None if i is None else self.place(i)

    def indices(self, name_key: str, demonym: bool = False) -> list[tuple[int, bool]]:
        """(place index, is the place's primary name) for one exact index key.

        Demonym rows ("Ukrainian" -> Ukraine) are separate: asked for with demonym=True only.
        """
        keys = self._keys_l
        lo = bisect_left(keys, name_key)
        hi = bisect_right(keys, name_key, lo)
        place, primary, dem = self._place_l, self._primary_l, self._demonym_l
        return [(place[j], primary[j]) for j in range(lo, hi) if dem[j] == demonym]

    def key_flags(self) -> dict[str, int]:
        """Every index key with flags for the mention finder.

        1 names a place; 2 is a demonym; 4 is also an everyday English word ("mobile", "china");
        8 names a city of 100,000 or more; 16 names a country, continent, admin1 region or a
        reviewed (curated) area, sea or river: names that news capitalise only as places; 32 is
        the city's own name, not one of its alternates ("Mobile" is; "Kilo", for Kiel, is not);
        64 names only minor towns (under WORLD_MIN_POPULATION, outside the full-detail countries),
        whose names are as often people's and firms' ("Newman", "Alcoa"): the finder wants a place
        context for them; 128 names at least one town or settlement ("Split" does; "Store", only a
        Slovenian region, does not); 256 is a common given name or surname that names towns only as an
        alternate name ("Julia" for Plovdiv, "Levy" for Lévis), or else only minor towns ("Adams": Pulandian
        and a Massachusetts town): like 64, it wants a place context.
        """
        city = (self._feature == "city") & (self._population >= 100_000)
        # A region counts as big unless it is a parish of a few thousand people ("Michael", Isle of Man;
        # "Saint John", Barbados): those are read like minor towns. (Unknown populations count as big
        # in the full-detail countries only.)
        full = np.isin(self._country, list(FULL_DETAIL))
        admin1 = (self._feature == "admin1") & ((self._population >= WORLD_MIN_POPULATION) | full)
        broad_place = np.isin(self._feature, ["country", "continent"]) | (self._source == "curated")
        big = city[self._place] | (admin1[self._place] & ~self._common)  # "Western": a region, a word first
        own = big & self._primary
        broad = broad_place[self._place]
        flags: dict[str, int] = {}
        for k, dem, com, b, r, o in zip(
            self._keys_l, self._demonym_l, self._common.tolist(), big.tolist(), broad.tolist(), own.tolist(),
        ):
            flags[k] = flags.get(k, 0) | (2 if dem else 1) | (4 if com else 0) | (8 if b else 0) | (16 if r else 0) | (
                32 if o else 0)
        townlike = np.isin(self._feature, ["city", "settlement"])
        minor = townlike & (self._population < WORLD_MIN_POPULATION) & ~full
        other = ~minor[self._place] | self._demonym  # a row naming something else than a minor town
        starts = np.flatnonzero(np.r_[True, self._keys[1:] != self._keys[:-1]])  # the names table is sorted by key
        for k in self._keys[starts[~np.logical_or.reduceat(other, starts)]].tolist():
            flags[k] |= 64
        town = townlike[self._place] & ~self._demonym
        for k in self._keys[starts[np.logical_or.reduceat(town, starts)]].tolist():
            flags[k] |= 128
        # Rows that name neither a minor town nor a town by an alternate that is a person's name (nor a
        # parish named like a person: "Michael", "Patrick" on the Isle of Man).
        parish = (self._feature == "admin1") & ~admin1
        alias = ((~self._primary & townlike[self._place]) | parish[self._place]) & self._person
        other = ~(minor[self._place] | alias) | self._demonym
        wants_cue = ~np.logical_or.reduceat(other, starts) & np.logical_or.reduceat(alias, starts)
        for k in self._keys[starts[wants_cue]].tolist():
            flags[k] |= 256
        return flags

    def keys_of(self, countries: Iterable[str], features: Iterable[str]) -> set[str]:
        """Every index key naming a place of these features in these countries."""
        ok = np.isin(self._country, list(countries)) & np.isin(self._feature, list(features))
        return set(self._keys[ok[self._place] & ~self._demonym].tolist())

    def feature(self, i: int) -> str:
        return self._feature_l[i]

    def country(self, i: int) -> str:
        return self._country_l[i]

    def population(self, i: int) -> int:
        return self._population_l[i]

    def admin1(self, i: int) -> str:
        return self._admin1_l[i]

    def point(self, i: int) -> tuple[float, float]:
        return self._lat_l[i], self._lon_l[i]

    def has_key(self, name_key: str) -> bool:
        lo = bisect_left(self._keys_l, name_key)
        return lo < len(self._keys_l) and self._keys_l[lo] == name_key

    def prior(self, i: int, primary: bool) -> float:
        """Context-free plausibility of place i: feature, then log population, then primary name."""
        feature = self._feature_l[i]
        pop = self._population_l[i]
        if feature == "admin2" and pop:
            # A county: its people count half, so that the state a text names, not size, decides
            # among the seventeen Monroe Counties, while Kent (1.4 million) still outweighs Kent, Ohio.
            return _COUNTY_WEIGHT + 0.5 * math.log10(pop + 1) + (0.5 if primary else 0.0)
        weight = _FEATURE_WEIGHT.get(feature, 0.0)
        return weight + math.log10(pop + 1) + (0.5 if primary else 0.0)

    def base_scores(self, cands: list[tuple[int, bool]]) -> dict[int, float]:
        """Context-free score of each candidate of one name.

        Where a country has a place of this very name, its places that merely list the name among
        historical or foreign-language alternates are much less likely meant ("Oleksandrivka" is
        not Donetsk) -- unless that place is 200 times their size ("Zaporizhzhia": the city of
        700,000, not the village of 656 whose GeoNames name is spelt that way). So are they where a place
        of any country a hundred times their size bears the name as its own.
        """
        country, population = self._country_l, self._population_l
        owners: dict[str, int] = {}
        for i, primary in cands:
            if primary:
                cc = country[i]
                owners[cc] = max(owners.get(cc, 0), population[i])
        biggest_owner = max(owners.values(), default=0)
        out = {}
        for i, primary in cands:
            score = self.prior(i, primary)
            cc = country[i]
            if not primary and (
                (cc in owners and population[i] < 200 * max(owners[cc], 1000))
                # "Novorossiysk": the port of 240,000, not a village of 737 that was once so named
                or (biggest_owner >= 100_000 and population[i] * 100 < biggest_owner
                    and self._feature_l[i] in TOWN_FEATURES)
            ):
                score -= 3.0
            out[i] = score
        return out

    def best_country(self, name_key: str, demonym: bool = False) -> str | None:
        """The country of a key's most plausible context-free reading (None for an unknown key)."""
        rows = self.indices(name_key, demonym)
        if not rows:
            return None
        base = self.base_scores(rows)
        return self._country_l[max(base, key=lambda i: (base[i], -i))]

    def seat(self, place: Place) -> Place | None:
        """Where a report that names only this region is mapped, as ACLED codes such events (geo-
        precision 3, at the provincial capital): the town the build chose (gazetteer_build._seats),
        or None for anything but an admin1 region with a town known."""
        i = self._by_id.get(place.id)
        j = -1 if i is None or self._seat is None else int(self._seat[i])
        return None if j < 0 else self.place(j)

    def region(self, country: str, admin1: str) -> Place | None:
        """The admin1 region of this country that its towns name as their admin1, if it is known."""
        i = self._regions.get((country, admin1))
        return None if i is None else self.place(i)

    def candidates(
        self,
        name: str,
        country: str | None = None,
        features: Iterable[str] | None = None,
        limit: int = 10,
    ) -> list[Place]:
        """Places a name may refer to, most plausible first; `country` filters, when given."""
        found: dict[int, bool] = {}
        for k in variants(name) | {key(name)}:
            for i, primary in self.indices(k):
                found[i] = found.get(i, False) or primary
        wanted = set(features) if features else None
        cc = country.upper() if country else None
        base = self.base_scores(list(found.items()))
        scored = [
            (base[i], i)
            for i in found
            if (cc is None or self._country[i] == cc) and (wanted is None or self._feature[i] in wanted)
        ]
        scored.sort(key=lambda t: (-t[0], str(self._id[t[1]])))
        return [self.place(i) for _, i in scored[:limit]]


def _region_prior(path: Path) -> dict[tuple[str, str], float]:
    """(country, admin1) -> weight from geodata/curated/conflict_regions.csv, if present."""
    import csv

    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {(r["country"], r["admin1"]): float(r["weight"]) for r in csv.DictReader(f)}


def _column(table, name: str):
    col = table.column(name)
    if hasattr(col.type, "value_type"):  # dictionary-encoded strings
        col = col.cast(col.type.value_type)
    return col.to_numpy(zero_copy_only=False)
