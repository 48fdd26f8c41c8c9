"""A geopy geocoder over the offline gazetteer, with an optional, cached online fallback.

`GazetteerGeocoder` behaves like any geopy provider (`geocode`, `reverse`, `Location` out), so code
and people who know geopy can use it as one more provider, while every answer stays offline and
traceable to a gazetteer record (`Location.raw` is the Place as a dict). Only when the gazetteer has
nothing, and only if switched on, it asks Nominatim, politely (one request a second) and once per
name: every answer, negative ones too, is kept in a local SQLite cache.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .records import PRECISION_NEAR, PRECISION_REGION, PRECISION_TOWN, Place

log = logging.getLogger(__name__)

ONLINE_ENV = "STRIKEMAP_ONLINE_GEOCODER"
CACHE_ENV = "STRIKEMAP_GEOCODE_CACHE"
DOMAIN_ENV = "STRIKEMAP_NOMINATIM_DOMAIN"
SCHEME_ENV = "STRIKEMAP_NOMINATIM_SCHEME"
DEFAULT_CACHE = Path("data/geocode-cache.sqlite")
DEFAULT_DOMAIN = "nominatim.openstreetmap.org"

# What `reverse` answers with unless told otherwise: places that are points, not areas whose
# representative point is an arbitrary centroid.
POINT_FEATURES = ("city", "settlement", "facility", "island")
EARTH_RADIUS_KM = 6371.0088


def user_agent() -> str:
    """'strikemap/<version>', as Nominatim's usage policy asks every client to identify itself."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"strikemap/{version('strikemap')}"
    except PackageNotFoundError:
        return "strikemap/dev"


def normalise_query(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive form of a name, for comparing and caching."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("ʼ", "'")
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", stripped)).strip()


def place_location(place: Place, source: str = "gazetteer") -> Location:
    """A geopy Location for a Place; `raw` is the Place as a dict plus where it came from."""
    raw = dataclasses.asdict(place)
    raw["source"] = place.source or source
    address = ", ".join(part for part in (place.name, place.admin1, place.country) if part)
    return Location(address, Point(place.lat, place.lon), raw)


class GazetteerGeocoder(Geocoder):
    """geopy provider answering from the local gazetteer (see the module docstring)."""

    def __init__(
        self, gazetteer, *, country_bias: str | None = None, fallback: OnlineFallback | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("user_agent", user_agent())
        super().__init__(**kwargs)
        self.gazetteer = gazetteer
        self.country_bias = country_bias.upper() if country_bias else None
        self.fallback = fallback
        # reverse()'s index: built on first use, kept for this geocoder's life (the gazetteer never changes).
        self._points = None  # (lat radians, lon radians, feature) arrays over every record
        self._rows_by_features: dict[frozenset, Any] = {}  # feature filter -> (rows, lats, lons)

    # --- forward ---------------------------------------------------------------------------------
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        features: Iterable[str] | None = None,
        limit: int = 10,
        timeout=None,
    ):
        """Ranked places named `query`: one Location, a list (exactly_one=False), or None.

        `country_codes` keeps only those countries; `country_bias` (set at construction) keeps all
        but puts the bias country's places first when one of them has exactly that name.
        """
        query = (query or "").strip()
        if not query:
            return None if exactly_one else []
        wanted = _country_set(country_codes)
        limit = 1 if exactly_one else max(1, int(limit))
        places = self.candidates(query, countries=wanted, features=features, limit=limit)
        locations = [place_location(p) for p in places]
        if not locations and self.fallback is not None:
            locations = self._ask_online(query, wanted, limit, timeout)
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def candidates(
        self,
        query: str,
        *,
        countries: set[str] | None = None,
        features: Iterable[str] | None = None,
        limit: int = 10,
    ) -> list[Place]:
        """The gazetteer's candidates for `query`, filtered by `countries` and re-ranked by the bias."""
        features = list(features) if features else None
        single = next(iter(countries)) if countries and len(countries) == 1 else None
        pool = max(limit * 5, 50) if (self.country_bias or (countries and not single)) else limit
        found = self.gazetteer.candidates(query, country=single, features=features, limit=pool)
        if countries:
            found = [p for p in found if p.country in countries]
        if self.country_bias:
            found = self._biased(query, found)
        return found[:limit]

    def _biased(self, query: str, found: list[Place]) -> list[Place]:
        """The bias country's places first, in the gazetteer's order, if one of them bears this very name.

        Requiring the name keeps a village that merely lists "Moscow" among its alternate names from
        jumping ahead of Moscow, while the gazetteer's own ranking still decides within the country.
        """
        wanted = normalise_query(query)
        home = [p for p in found if p.country == self.country_bias]
        if not any(normalise_query(p.name) == wanted for p in home):
            return found
        return home + [p for p in found if p.country != self.country_bias]

    def _ask_online(self, query: str, countries: set[str] | None, limit: int, timeout) -> list[Location]:
        country = ",".join(sorted(countries)) if countries else None
        try:
            answers = self.fallback.lookup(query, country=country, timeout=timeout)
        except GeopyError as exc:  # offline or refused: the gazetteer's silence stands, nothing cached
            log.warning("online geocoder failed for %r: %s", query, exc)
            return []
        return [place_location(p, "nominatim") for p in answers[:limit]]

    # --- reverse ---------------------------------------------------------------------------------
    def reverse(
        self,
        query,
        *,
        exactly_one: bool = True,
        features: Iterable[str] | None = POINT_FEATURES,
        limit: int = 10,
        max_km: float | None = None,
        timeout=None,
    ):
        """Nearest gazetteer places to a point ("lat, lon", (lat, lon) or a geopy Point).

        By default only point-like places (towns, settlements, facilities, islands) answer; pass
        features=None for every record. Each Location's raw carries `distance_km`.
        """
        import numpy as np

        point = Point(query)
        lat_r, lon_r, feature = self._point_index()
        wanted = frozenset(features or ())
        if wanted not in self._rows_by_features:
            keep = np.isin(feature, list(wanted)) if wanted else np.ones(len(lat_r), dtype=bool)
            idx = np.nonzero(keep)[0]
            self._rows_by_features[wanted] = (idx, lat_r[idx], lon_r[idx])
        idx, lats, lons = self._rows_by_features[wanted]
        if not len(idx):
            return None if exactly_one else []
        dist = _haversine_km(math.radians(point.latitude), math.radians(point.longitude), lats, lons)
        count = min(len(idx), 1 if exactly_one else max(1, int(limit)))
        # Every row no farther than the count-th nearest (ties included), then by distance and record order.
        cutoff = np.partition(dist, count - 1)[count - 1]
        nearest = np.nonzero(dist <= cutoff)[0]
        order = nearest[np.lexsort((idx[nearest], dist[nearest]))][:count]
        out = []
        for j in order:
            if max_km is not None and dist[j] > max_km:
                break
            location = place_location(self.gazetteer.place(int(idx[j])))
            location.raw["distance_km"] = round(float(dist[j]), 3)
            out.append(location)
        if exactly_one:
            return out[0] if out else None
        return out

    def _point_index(self):
        """Coordinates of every record as radians arrays; built once per geocoder (explicit cache)."""
        if self._points is None:
            import numpy as np

            places = [self.gazetteer.place(i) for i in range(len(self.gazetteer))]
            self._points = (
                np.radians(np.array([p.lat for p in places], dtype=float)),
                np.radians(np.array([p.lon for p in places], dtype=float)),
                np.array([p.feature for p in places], dtype=object),
            )
        return self._points


def _haversine_km(lat, lon, lats, lons):
    import numpy as np

    a = np.sin((lats - lat) / 2) ** 2 + math.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _country_set(country_codes) -> set[str] | None:
    if not country_codes:
        return None
    if isinstance(country_codes, str):
        country_codes = country_codes.split(",")
    codes = {c.strip().upper() for c in country_codes if c and c.strip()}
    return codes or None


# --- online fallback -----------------------------------------------------------------------------------
_NOMINATIM_PRECISION = {
    "city": PRECISION_TOWN,
    "town": PRECISION_TOWN,
    "village": PRECISION_TOWN,
    "hamlet": PRECISION_TOWN,
    "suburb": PRECISION_TOWN,
    "neighbourhood": PRECISION_TOWN,
    "municipality": PRECISION_NEAR,
    "county": PRECISION_NEAR,
    "district": PRECISION_NEAR,
    "state": PRECISION_REGION,
    "region": PRECISION_REGION,
    "country": PRECISION_REGION,
}


def nominatim_place(raw: Mapping[str, Any]) -> Place:
    """A Place from one Nominatim search result (jsonv2 with addressdetails)."""
    address = raw.get("address") or {}
    kind = raw.get("addresstype") or raw.get("type") or ""
    name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0].strip()
    return Place(
        id=f"osm:{raw.get('osm_type', '')}/{raw.get('osm_id', '')}",
        name=name,
        lat=float(raw["lat"]),
        lon=float(raw["lon"]),
        feature=str(kind),
        country=str(address.get("country_code", "")).upper(),
        admin1=str(address.get("state", "")),
        population=0,
        precision=_NOMINATIM_PRECISION.get(kind, PRECISION_NEAR),
        source="nominatim",
    )


class GeocodeCache:
    """Persistent answers of the online geocoder, keyed by normalised query and country."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, query TEXT NOT NULL, "
            "country TEXT NOT NULL, answer TEXT NOT NULL, fetched_at REAL NOT NULL)"
        )
        self._db.commit()

    @staticmethod
    def key(query: str, country: str | None) -> str:
        return f"{normalise_query(query)}|{(country or '').lower()}"

    def get(self, query: str, country: str | None) -> list[dict] | None:
        """The stored raw answers (an empty list is a stored 'nothing found'), or None if never asked."""
        row = self._db.execute(
            "SELECT answer FROM answers WHERE key = ?", (self.key(query, country),)
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, query: str, country: str | None, answers: list[dict]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO answers (key, query, country, answer, fetched_at) VALUES (?, ?, ?, ?, ?)",
            (
                self.key(query, country),
                query,
                country or "",
                json.dumps(answers, ensure_ascii=False),
                time.time(),
            ),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class OnlineFallback:
    """Nominatim behind a rate limiter and a persistent cache: each name is asked once, ever.

    Off unless created; `from_env()` creates it only when STRIKEMAP_ONLINE_GEOCODER=1.
    """

    def __init__(
        self,
        *,
        cache_path: Path | str = DEFAULT_CACHE,
        domain: str = DEFAULT_DOMAIN,
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        max_results: int = 5,
        **nominatim_kwargs,
    ) -> None:
        nominatim_kwargs.setdefault("user_agent", user_agent())
        self.cache = GeocodeCache(cache_path)
        self.max_results = max_results
        self.nominatim = Nominatim(domain=domain, scheme=scheme, timeout=timeout, **nominatim_kwargs)
        # Errors propagate (swallow_exceptions=False) so that a failure is never cached as "not found".
        self._search = RateLimiter(
            self.nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self.requests_made = 0

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, force: bool = False, **kwargs
    ) -> OnlineFallback | None:
        """The fallback configured from the environment, or None when it is not switched on."""
        env = os.environ if environ is None else environ
        if not force and env.get(ONLINE_ENV, "").strip().lower() not in {"1", "true", "yes", "on"}:
            return None
        kwargs.setdefault("cache_path", env.get(CACHE_ENV) or DEFAULT_CACHE)
        kwargs.setdefault("domain", env.get(DOMAIN_ENV) or DEFAULT_DOMAIN)
        kwargs.setdefault("scheme", env.get(SCHEME_ENV) or "https")
        return cls(**kwargs)

    def lookup(self, query: str, country: str | None = None, timeout=None) -> list[Place]:
        """Places Nominatim knows by this name, from the cache when it was asked before."""
        answers = self.cache.get(query, country)
        if answers is None:
            self.requests_made += 1
            found = self._search(
                query,
                exactly_one=False,
                limit=self.max_results,
                addressdetails=True,
                country_codes=country.split(",") if country else None,
                **({"timeout": timeout} if timeout else {}),
            )
            answers = [loc.raw for loc in found or []]
            self.cache.put(query, country, answers)
        return [nominatim_place(raw) for raw in answers]

    def close(self) -> None:
        self.cache.close()
