"""GazetteerGeocoder as a geopy provider, its online fallback (against a fake Nominatim), and the CLI."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest
from click.testing import CliRunner
from geopy.location import Location

from dashboard.geocode import (
    ONLINE_ENV,
    GazetteerGeocoder,
    GeocodeCache,
    OnlineFallback,
    normalise_query,
)
from dashboard.records import Place

GEODATA = Path(__file__).resolve().parents[1] / "geodata"

PLACES = [
    Place("gn:706483", "Kharkiv", 49.98081, 36.25272, "city", "UA", "Kharkiv", 1430885, 1, "geonames"),
    Place("cur:ua-kharkiv-oblast", "Kharkiv Oblast", 49.5, 36.45, "admin1", "UA", "", 0, 3, "curated"),
    Place("gn:1", "Kupiansk", 49.7106, 37.6156, "city", "UA", "Kharkiv", 27000, 1, "geonames"),
    Place("gn:2", "Izium", 49.2103, 37.2562, "city", "UA", "Kharkiv", 45000, 1, "geonames"),
    # Same name in two countries: Russia's is the bigger, so it wins without a bias.
    Place("gn:3", "Pervomaisk", 48.6296, 38.5487, "city", "UA", "Luhansk", 38000, 1, "geonames"),
    Place("gn:4", "Pervomaisk", 54.8667, 43.8, "city", "RU", "Nizhny Novgorod", 14000, 1, "geonames"),
    Place("gn:5", "Pervomaisk", 47.0, 29.0, "city", "RU", "Other", 60000, 1, "geonames"),
    Place("cur:river-dnipro", "Dnipro River", 46.67, 32.73, "river", "", "", 0, 3, "curated"),
    Place("gn:6", "Dnipro", 48.4593, 35.0386, "city", "UA", "Dnipropetrovsk", 968502, 1, "geonames"),
]
ALIASES = {"kharkiv region": "cur:ua-kharkiv-oblast", "dnieper": "cur:river-dnipro"}


class GazetteerDouble:
    """The Gazetteer API the geocoder relies on, over a handful of places (exact names + a few aliases)."""

    def __init__(self, places: list[Place]) -> None:
        self.places = list(places)

    def __len__(self) -> int:
        return len(self.places)

    def place(self, i: int) -> Place:
        return self.places[i]

    def get(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def candidates(self, name, country=None, features=None, limit=10):
        wanted = normalise_query(name)
        hits = [p for p in self.places if normalise_query(p.name) == wanted or ALIASES.get(wanted) == p.id]
        hits = [
            p
            for p in hits
            if (not country or p.country == country) and (not features or p.feature in features)
        ]
        return sorted(hits, key=lambda p: (-p.population, p.id))[:limit]


@pytest.fixture
def gazetteer() -> GazetteerDouble:
    return GazetteerDouble(PLACES)


# --- forward geocoding ---------------------------------------------------------------------------------
def test_geocode_returns_a_geopy_location_with_the_place_as_raw(gazetteer):
    loc = GazetteerGeocoder(gazetteer).geocode("kharkiv")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == (49.98081, 36.25272)
    assert loc.address == "Kharkiv, Kharkiv, UA"
    assert loc.raw["id"] == "gn:706483" and loc.raw["feature"] == "city"
    assert loc.raw["population"] == 1430885 and loc.raw["precision"] == 1 and loc.raw["source"] == "geonames"


def test_geocode_finds_aliases_and_lists_when_asked(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer)
    assert geocoder.geocode("Kharkiv region").raw["id"] == "cur:ua-kharkiv-oblast"
    assert geocoder.geocode("Dnieper").raw["feature"] == "river"
    found = geocoder.geocode("Pervomaisk", exactly_one=False)
    assert [loc.raw["id"] for loc in found] == ["gn:5", "gn:3", "gn:4"]
    assert geocoder.geocode("Pervomaisk", exactly_one=False, limit=2) == found[:2]


def test_unknown_or_empty_names_give_none_or_empty(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer)
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("   ") is None
    assert geocoder.geocode("Atlantis", exactly_one=False) == []


def test_country_bias_changes_the_ranking_but_keeps_the_rest(gazetteer):
    plain = GazetteerGeocoder(gazetteer).geocode("Pervomaisk", exactly_one=False)
    biased = GazetteerGeocoder(gazetteer, country_bias="ua").geocode("Pervomaisk", exactly_one=False)
    assert plain[0].raw["country"] == "RU"
    assert biased[0].raw["id"] == "gn:3"
    assert {loc.raw["id"] for loc in biased} == {loc.raw["id"] for loc in plain}


def test_country_bias_needs_a_place_of_that_very_name_and_keeps_the_home_order():
    places = [
        Place("gn:10", "Moscow", 55.75, 37.62, "city", "RU", "Moscow", 10_000_000, 1, "geonames"),
        Place("gn:11", "Moskovka", 49.0, 36.0, "city", "UA", "Kharkiv", 900, 1, "geonames"),
        Place("gn:12", "Mykolaiv", 46.97, 31.99, "city", "UA", "Mykolaiv", 480_000, 1, "geonames"),
        Place("gn:13", "Mykolaiv", 49.5, 26.0, "settlement", "UA", "Khmelnytskyi", 0, 1, "katottg"),
    ]

    class Double(GazetteerDouble):
        def candidates(self, name, country=None, features=None, limit=10):
            hits = {"moscow": ["gn:10", "gn:11"], "mykolaiv": ["gn:12", "gn:13"]}[normalise_query(name)]
            return [self.get(h) for h in hits if not country or self.get(h).country == country][:limit]

    geocoder = GazetteerGeocoder(Double(places), country_bias="UA")
    assert geocoder.geocode("Moscow").raw["id"] == "gn:10"  # Moskovka only lists the name
    assert geocoder.geocode("Mykolaiv").raw["id"] == "gn:12"  # the city stays ahead of the hamlet


def test_country_codes_and_features_filter(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer)
    assert [
        loc.raw["id"] for loc in geocoder.geocode("Pervomaisk", exactly_one=False, country_codes="UA")
    ] == ["gn:3"]
    both = geocoder.geocode("Pervomaisk", exactly_one=False, country_codes=["ua", "ru"])
    assert len(both) == 3
    assert geocoder.geocode("Kharkiv", features=["admin1"]) is None


# --- reverse -------------------------------------------------------------------------------------------
def test_reverse_gives_the_nearest_point_place(gazetteer):
    geocoder = GazetteerGeocoder(gazetteer)
    loc = geocoder.reverse("49.70, 37.60")  # just outside Kupiansk
    assert loc.raw["id"] == "gn:1" and 0 < loc.raw["distance_km"] < 3
    near = geocoder.reverse((49.5, 36.45), exactly_one=False, limit=3)
    assert [loc.raw["id"] for loc in near] == ["gn:706483", "gn:2", "gn:1"]  # the oblast centroid is skipped
    assert near[0].raw["distance_km"] < near[1].raw["distance_km"] < near[2].raw["distance_km"]
    assert geocoder.reverse((49.5, 36.45), features=None).raw["id"] == "cur:ua-kharkiv-oblast"
    assert geocoder.reverse((0.0, 0.0), max_km=100) is None


def test_reverse_breaks_distance_ties_by_record_order():
    twins = [
        Place("gn:20", "Bakhmut", 48.5953, 38.0003, "city", "UA", "Donetsk", 70000, 1, "geonames"),
        Place("ua:20", "Bakhmut", 48.5953, 38.0003, "settlement", "UA", "Donetsk", 0, 1, "katottg"),
        Place("gn:21", "Soledar", 48.6833, 38.0833, "city", "UA", "Donetsk", 10000, 1, "geonames"),
    ]
    geocoder = GazetteerGeocoder(GazetteerDouble(twins))
    for _ in range(3):
        assert geocoder.reverse((48.6, 38.0)).raw["id"] == "gn:20"
    assert [loc.raw["id"] for loc in geocoder.reverse((48.6, 38.0), exactly_one=False, limit=2)] == [
        "gn:20",
        "ua:20",
    ]


# --- online fallback against a fake Nominatim ----------------------------------------------------------
class FakeNominatim(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict]] = []

    def do_GET(self):
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).requests.append({"path": url.path, **params, "agent": self.headers.get("User-Agent", "")})
        body = []
        if params.get("q", "").lower() == "chasiv yar":
            body = [
                {
                    "place_id": 1,
                    "osm_type": "relation",
                    "osm_id": 123,
                    "lat": "48.5869",
                    "lon": "37.8356",
                    "display_name": "Chasiv Yar, Bakhmut Raion, Donetsk Oblast, Ukraine",
                    "name": "Chasiv Yar",
                    "class": "place",
                    "type": "town",
                    "addresstype": "town",
                    "importance": 0.5,
                    "address": {"town": "Chasiv Yar", "state": "Donetsk Oblast", "country_code": "ua"},
                }
            ]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def nominatim():
    FakeNominatim.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, FakeNominatim.requests
    server.shutdown()
    server.server_close()
    thread.join()


def make_fallback(server, cache_path: Path) -> OnlineFallback:
    host, port = server.server_address
    return OnlineFallback(
        cache_path=cache_path, domain=f"{host}:{port}", scheme="http", min_delay_seconds=0, proxies={}
    )


def test_fallback_is_asked_only_when_the_gazetteer_has_nothing_and_answers_are_cached(
    gazetteer, nominatim, tmp_path
):
    server, requests = nominatim
    cache = tmp_path / "cache.sqlite"
    fallback = make_fallback(server, cache)
    geocoder = GazetteerGeocoder(gazetteer, fallback=fallback)

    assert geocoder.geocode("Kharkiv").raw["source"] == "geonames"
    assert requests == []  # the gazetteer knew it

    loc = geocoder.geocode("Chasiv Yar")
    assert (loc.latitude, loc.longitude) == (48.5869, 37.8356)
    assert (
        loc.raw["source"] == "nominatim"
        and loc.raw["country"] == "UA"
        and loc.raw["id"] == "osm:relation/123"
    )
    assert geocoder.geocode("Nowhereville") is None  # a negative answer, also cached
    assert [r["q"] for r in requests] == ["Chasiv Yar", "Nowhereville"]
    assert requests[0]["path"] == "/search" and requests[0]["agent"].startswith("strikemap/")
    fallback.close()
    rows = sqlite3.connect(cache).execute("SELECT key, answer FROM answers ORDER BY key").fetchall()
    assert [k for k, _ in rows] == ["chasiv yar|", "nowhereville|"] and json.loads(rows[1][1]) == []

    again = make_fallback(server, cache)  # a new process, the same cache file
    second = GazetteerGeocoder(gazetteer, fallback=again)
    assert second.geocode("  CHASIV   yar ").raw["id"] == "osm:relation/123"
    assert second.geocode("nowhereville") is None
    assert len(requests) == 2 and again.requests_made == 0
    again.close()


def test_fallback_is_off_by_default(gazetteer, nominatim, monkeypatch):
    monkeypatch.delenv(ONLINE_ENV, raising=False)
    _server, requests = nominatim
    assert OnlineFallback.from_env() is None
    assert GazetteerGeocoder(gazetteer).geocode("Chasiv Yar") is None
    assert requests == []


def test_fallback_is_switched_on_by_the_environment(gazetteer, nominatim, tmp_path):
    server, requests = nominatim
    host, port = server.server_address
    env = {
        ONLINE_ENV: "1",
        "STRIKEMAP_GEOCODE_CACHE": str(tmp_path / "c.sqlite"),
        "STRIKEMAP_NOMINATIM_DOMAIN": f"{host}:{port}",
        "STRIKEMAP_NOMINATIM_SCHEME": "http",
    }
    fallback = OnlineFallback.from_env(env, min_delay_seconds=0, proxies={})
    assert GazetteerGeocoder(gazetteer, fallback=fallback).geocode("chasiv yar").raw["name"] == "Chasiv Yar"
    assert len(requests) == 1 and (tmp_path / "c.sqlite").exists()
    fallback.close()


def test_a_failing_service_is_not_cached_as_not_found(gazetteer, tmp_path):
    fallback = OnlineFallback(
        cache_path=tmp_path / "c.sqlite",
        domain="127.0.0.1:9",
        scheme="http",
        min_delay_seconds=0,
        timeout=2,
        proxies={},
    )
    assert GazetteerGeocoder(gazetteer, fallback=fallback).geocode("Chasiv Yar") is None
    assert fallback.cache.get("Chasiv Yar", None) is None
    fallback.close()


def test_cache_keys_ignore_case_accents_and_spacing(tmp_path):
    cache = GeocodeCache(tmp_path / "c.sqlite")
    cache.put("Kryvyi  Rih", "UA", [{"lat": "1", "lon": "2"}])
    assert cache.get("kryvyi rih", "ua") == [{"lat": "1", "lon": "2"}]
    assert cache.get("Kryvyi Rih", None) is None  # another country filter is another question
    cache.close()


# --- CLI -------------------------------------------------------------------------------------------------
@pytest.fixture
def cli_with(gazetteer, monkeypatch):
    """The CLI, with Gazetteer.load answering from the double unless the test points it elsewhere."""
    gz = pytest.importorskip("dashboard.gazetteer")
    from dashboard.cli import cli

    real_load = gz.Gazetteer.load.__func__
    monkeypatch.setattr(
        gz.Gazetteer,
        "load",
        classmethod(lambda cls, path=None: gazetteer if path is None else real_load(cls, path)),
    )
    monkeypatch.delenv("STRIKEMAP_GAZETTEER", raising=False)
    monkeypatch.delenv(ONLINE_ENV, raising=False)
    return cli


def test_cli_prints_a_table_of_ranked_candidates(cli_with):
    result = CliRunner().invoke(cli_with, ["geocode", "Pervomaisk", "--limit", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "id",
        "name",
        "lat",
        "lon",
        "feature",
        "admin1",
        "country",
        "population",
        "precision",
        "source",
    ]
    assert [line.split()[0] for line in lines[1:]] == ["gn:5", "gn:3"]
    assert "48.6296" in lines[2] and "geonames" in lines[2]


def test_cli_json_with_filters(cli_with):
    result = CliRunner().invoke(cli_with, ["geocode", "pervomaisk", "--country", "UA", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows == [
        {
            "id": "gn:3",
            "name": "Pervomaisk",
            "lat": 48.6296,
            "lon": 38.5487,
            "feature": "city",
            "admin1": "Luhansk",
            "country": "UA",
            "population": 38000,
            "precision": 1,
            "source": "geonames",
        }
    ]
    result = CliRunner().invoke(cli_with, ["geocode", "Kharkiv", "--feature", "admin1", "--json"])
    assert json.loads(result.output) == []


def test_cli_explains_a_missing_or_corrupt_gazetteer(cli_with, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli_with, ["geocode", "Kharkiv", "--gazetteer", str(tmp_path)])
    assert result.exit_code == 2
    assert "gazetteer" in result.output and "strikemap gazetteer build" in result.output
    assert "Traceback" not in result.output
    for name in ("gazetteer.json", "places.parquet", "names.parquet"):
        (tmp_path / name).write_bytes(b"not what it should be")
    result = runner.invoke(cli_with, ["geocode", "Kharkiv", "--gazetteer", str(tmp_path)])
    assert result.exit_code == 2 and "unreadable" in result.output and "Traceback" not in result.output


def test_cli_asks_online_only_with_online(cli_with, nominatim, tmp_path, monkeypatch):
    server, requests = nominatim
    host, port = server.server_address
    monkeypatch.setenv("STRIKEMAP_NOMINATIM_DOMAIN", f"{host}:{port}")
    monkeypatch.setenv("STRIKEMAP_NOMINATIM_SCHEME", "http")
    monkeypatch.setenv("STRIKEMAP_GEOCODE_CACHE", str(tmp_path / "c.sqlite"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    runner = CliRunner()
    assert json.loads(runner.invoke(cli_with, ["geocode", "Chasiv Yar", "--json"]).output) == []
    assert requests == []
    result = runner.invoke(cli_with, ["geocode", "Chasiv Yar", "--json", "--online"])
    assert result.exit_code == 0, result.output
    assert [row["source"] for row in json.loads(result.output)] == ["nominatim"] and len(requests) == 1


# --- the real gazetteer, once built ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_gazetteer():
    gz = pytest.importorskip("dashboard.gazetteer")
    directory = Path(os.environ.get("STRIKEMAP_GAZETTEER") or GEODATA)
    if not (directory / "places.parquet").exists():
        pytest.skip(f"gazetteer not built in {directory} (make gazetteer)")
    return gz.Gazetteer.load(directory)


def test_real_gazetteer_places_ukrainian_towns_and_regions(real_gazetteer):
    geocoder = GazetteerGeocoder(real_gazetteer, country_bias="UA")
    kharkiv = geocoder.geocode("Kharkiv")
    assert kharkiv.raw["country"] == "UA" and abs(kharkiv.latitude - 49.99) < 0.1
    assert geocoder.geocode("Kharkiv region").raw["feature"] == "admin1"
    assert geocoder.geocode("Харківській області").raw["id"] == "cur:ua-kharkiv-oblast"
    assert geocoder.geocode("Siverskyi Donets").raw["feature"] == "river"
    near = geocoder.reverse((48.5953, 38.0003))  # Bakhmut's centre
    assert near.raw["distance_km"] < 5
