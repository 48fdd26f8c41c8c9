"""Exports of the store's evidence: an ACLED-style table (CSV) and GeoJSON, one record per event.

Cells hold text taken from articles, which is untrusted: a CSV cell starting with `=`, `+`, `-`,
`@`, tab or carriage return can run as a formula when opened in a spreadsheet, so text cells are
prefixed with a single quote (OWASP's CSV-injection advice). Numeric columns stay numeric.
"""

from __future__ import annotations

import csv
import json
import math
from typing import Any

import pandas as pd

from dashboard.records import EVENT_TYPES

ACLED_COLUMNS = [
    "event_date", "event_type", "sub_event_type", "location", "admin1", "country", "latitude",
    "longitude", "geo_precision", "source", "source_url", "notes", "fatalities", "modality", "n_sources",
]  # fmt: skip

# Our event types -> ACLED (event_type, sub_event_type); see ARCHITECTURE.md. Types ACLED has no
# sub-event for (damage, casualties alone, aid) are "Strategic developments / Other", with our
# types kept in `notes`.
_REMOTE, _STRATEGIC = "Explosions/Remote violence", "Strategic developments"
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "air_strike": (_REMOTE, "Air/drone strike"),
    "drone_strike": (_REMOTE, "Air/drone strike"),
    "missile_strike": (_REMOTE, "Shelling/artillery/missile attack"),
    "shelling": (_REMOTE, "Shelling/artillery/missile attack"),
    "explosion": (_REMOTE, "Remote explosive/landmine/IED"),
    "interception": (_STRATEGIC, "Disrupted weapons use"),
    "infrastructure_damage": (_STRATEGIC, "Other"),
    "casualties": (_STRATEGIC, "Other"),
    "ground_fighting": ("Battles", "Armed clash"),
    "military_movement": (_STRATEGIC, "Other"),
    "diplomacy": (_STRATEGIC, "Agreement"),
    "aid": (_STRATEGIC, "Other"),
}
assert set(ACLED_TYPES) == set(EVENT_TYPES), "every event type needs an ACLED mapping"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMERIC_ACLED = ("latitude", "longitude", "geo_precision", "fatalities", "n_sources")


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and value is not pd.NA


def _unique(values) -> list[str]:
    """Distinct non-empty strings, first-seen order."""
    seen: dict[str, None] = {}
    for value in values:
        if _present(value) and str(value).strip():
            seen.setdefault(str(value).strip(), None)
    return list(seen)


def _fatalities(killed) -> int:
    known = [int(k) for k in killed if _present(k)]
    return min(known) if known else 0


def _events(evidence: pd.DataFrame) -> list[list[dict]]:
    """Evidence rows grouped by event_id, in first-seen order (one pass over plain records:
    a pandas group per event made exports take seconds on a few thousand events)."""
    groups: dict[str, list[dict]] = {}
    for row in evidence.to_dict("records"):
        groups.setdefault(row["event_id"], []).append(row)
    return list(groups.values())


def to_acled_frame(evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per event_id in ACLED's columns, all its sources joined with '; '.

    event_date is the event's own date, else the earliest publication date of its sources.
    fatalities follows ACLED's conventions: the lowest figure any source gives (the most
    conservative), and 0 when no source gives one (ACLED codes unknown fatalities as 0).
    """
    rows = []
    if evidence.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in ACLED_COLUMNS})
    for group in _events(evidence):
        first = group[0]
        event_type, sub_event = ACLED_TYPES.get(first["primary_type"], (_STRATEGIC, "Other"))
        published = sorted(_unique(r["published"] for r in group))
        notes = " | ".join(_unique(r["sentence"] for r in group))
        if first["types"]:
            notes = f"{notes} [types: {str(first['types']).replace(';', ', ')}]"
        rows.append(
            {
                "event_date": first["event_date"] if _present(first["event_date"]) else (published or [""])[0],
                "event_type": event_type,
                "sub_event_type": sub_event,
                "location": first["place_name"],
                "admin1": first["admin1"],
                "country": first["country"],
                "latitude": float(first["lat"]),
                "longitude": float(first["lon"]),
                "geo_precision": int(first["precision"]),
                "source": "; ".join(_unique(r["outlet"] for r in group) or _unique(r["title"] for r in group)),
                "source_url": "; ".join(_unique(r["url"] for r in group)),
                "notes": notes,
                "fatalities": _fatalities([r["killed"] for r in group]),
                "modality": first["modality"],
                "n_sources": len({r["article_id"] for r in group}),
            }
        )
    frame = pd.DataFrame(rows, columns=ACLED_COLUMNS)
    return frame.sort_values(["event_date", "location"], kind="stable", ignore_index=True)


def neutralise_cell(value: Any) -> Any:
    """A text cell made safe for spreadsheets; other values unchanged."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)):
        return "'" + value
    return value


def to_csv_bytes(evidence: pd.DataFrame) -> bytes:
    """UTF-8 CSV of `to_acled_frame`, text cells neutralised against formula injection.

    Written with a byte-order mark so spreadsheet programs read Cyrillic correctly; every text
    cell is quoted, so a carriage return inside article text cannot start a new row.
    """
    frame = to_acled_frame(evidence)
    for column in frame.columns:
        if column not in _NUMERIC_ACLED:
            frame[column] = frame[column].map(neutralise_cell).astype("object")
    return frame.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def _jsonable(value: Any) -> Any:
    if not _present(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_geojson(evidence: pd.DataFrame) -> dict:
    """A FeatureCollection with one Point per event_id, carrying every source's sentence and quotes."""
    features = []
    for group in _events(evidence):
        first = group[0]
        sources = []
        for row in group:
            try:
                quotes = json.loads(row["quotes"]) if _present(row["quotes"]) else []
            except (TypeError, ValueError):
                quotes = []
            sources.append(
                {
                    "evidence_id": row["evidence_id"],
                    "article_id": row["article_id"],
                    "title": _jsonable(row["title"]),
                    "url": _jsonable(row["url"]),
                    "outlet": _jsonable(row["outlet"]),
                    "published": _jsonable(row["published"]),
                    "sentence": row["sentence"],
                    "surface": row["surface"],
                    "quotes": quotes,
                }
            )
        killed = [int(r["killed"]) for r in group if _present(r["killed"])]
        injured = [int(r["injured"]) for r in group if _present(r["injured"])]
        features.append(
            {
                "type": "Feature",
                "id": first["event_id"],
                "geometry": {"type": "Point", "coordinates": [float(first["lon"]), float(first["lat"])]},
                "properties": {
                    "event_id": first["event_id"],
                    "place_id": first["place_id"],
                    "place_name": first["place_name"],
                    "admin1": _jsonable(first["admin1"]),
                    "country": _jsonable(first["country"]),
                    "precision": int(first["precision"]),
                    "types": [t for t in str(first["types"]).split(";") if t],
                    "primary_type": first["primary_type"],
                    "modality": first["modality"],
                    "event_date": _jsonable(first["event_date"]),
                    "killed": min(killed) if killed else None,
                    "injured": min(injured) if injured else None,
                    "n_sources": len({r["article_id"] for r in group}),
                    "sources": sources,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
