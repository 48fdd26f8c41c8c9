"""Evidence tables shaped like `Store.evidence()`, built from the sample article for dashboard tests.

Offsets are computed from the real article text, so sentence/mention offsets behave like the
store's: mention offsets are article offsets, sentence_start is the sentence's article offset.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-energy-strikes.txt"

EVIDENCE_COLUMNS = [
    "evidence_id", "event_id", "article_id", "place_id", "place_name", "lat", "lon", "feature", "country",
    "admin1", "precision", "types", "primary_type", "modality", "event_date", "sentence", "sentence_start",
    "sentence_end", "mention_start", "mention_end", "surface", "killed", "injured", "quotes", "title", "url",
    "outlet", "published", "n_sources",
]

PLACES = {
    # place_id: (name, lat, lon, feature, admin1, precision)
    "gn:703448": ("Kyiv", 50.4501, 30.5234, "city", "Kyiv City", 1),
    "gn:706483": ("Kharkiv", 49.9935, 36.2304, "city", "Kharkiv Oblast", 1),
    "gn:696643": ("Poltava", 49.5883, 34.5514, "city", "Poltava Oblast", 1),
    "gn:706448": ("Kherson", 46.6354, 32.6169, "city", "Kherson Oblast", 2),
    "cur:donbas": ("Donbas", 48.2, 38.3, "region", "", 3),
    "gn:712451": ("Bakhmut", 48.5956, 38.0003, "city", "Donetsk Oblast", 1),
    "gn:625144": ("Minsk", 53.9, 27.5667, "city", "Minsk City", 1),
}


def _row(text, article, n, event_id, place_id, sentence_part, surface, types, modality="reported",
         killed=None, injured=None, quotes=(), event_date="2022-12-16", n_sources=1):
    start = text.index(sentence_part)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    sentence = text[line_start:line_end]
    m = text.index(surface, line_start)
    name, lat, lon, feature, admin1, precision = PLACES[place_id]
    return {
        "evidence_id": f"{article['id']}:{n}", "event_id": event_id, "article_id": article["id"],
        "place_id": place_id, "place_name": name, "lat": lat, "lon": lon, "feature": feature,
        "country": "UA" if not place_id.endswith("625144") else "BY", "admin1": admin1,
        "precision": precision, "types": ";".join(types), "primary_type": types[0], "modality": modality,
        "event_date": event_date, "sentence": sentence, "sentence_start": line_start,
        "sentence_end": line_end, "mention_start": m, "mention_end": m + len(surface), "surface": surface,
        "killed": killed, "injured": injured, "quotes": json.dumps(list(quotes)),
        "title": article["title"], "url": article["url"], "outlet": article["outlet"],
        "published": article["published"], "n_sources": n_sources,
    }


def sample_evidence() -> pd.DataFrame:
    """What the pipeline should make of seeds/ukraine-energy-strikes.txt (hand-written expectation)."""
    text = SEED.read_text(encoding="utf-8")
    article = {"id": "a-sample", "title": text.splitlines()[0], "url": "https://example.org/energy-strikes",
               "outlet": "Example News", "published": "2022-12-16"}
    colossal = {"text": "colossal.", "speaker": "mayor of Kharkiv", "role": "mayor"}
    shamanov = {"text": "It is one of the biggest Russian bombardments since the beginning of the war,",
                "speaker": "Mykhalilo Shamanov", "role": "military spokesman in Kyiv"}
    rows = [
        _row(text, article, 1, "e-kyiv", "gn:703448", "Explosions have been reported", "Kyiv",
             ["missile_strike", "explosion"], n_sources=2),
        _row(text, article, 2, "e-kyiv", "gn:703448", "three large missiles hit power plants", "Kyiv",
             ["missile_strike", "infrastructure_damage"], quotes=[shamanov], n_sources=2),
        _row(text, article, 3, "e-kharkiv-blast", "gn:706483", "Explosions have been reported", "Kharkiv",
             ["explosion"]),
        _row(text, article, 4, "e-kharkiv-power", "gn:706483", "has run out of electricity", "Kharkiv",
             ["infrastructure_damage"], quotes=[colossal]),
        _row(text, article, 5, "e-poltava", "gn:696643", "Explosions have been reported", "Poltava",
             ["explosion"]),
        _row(text, article, 6, "e-kherson", "gn:706448", "more than 40 missiles rained down", "Kherson",
             ["missile_strike"], event_date="2022-12-15"),
        _row(text, article, 7, "e-donbas", "cur:donbas", "the offensive could start in the eastern Donbas",
             "Donbas", ["ground_fighting"], modality="threatened", event_date=None),
        _row(text, article, 8, "e-bakhmut", "gn:712451", "to take the town of Bakhmut", "Bakhmut",
             ["ground_fighting"]),
        _row(text, article, 9, "e-minsk", "gn:625144", "scheduled to visit Minsk", "Minsk",
             ["diplomacy"], modality="expected", event_date="2022-12-19"),
    ]
    return as_evidence_frame(rows)


def as_evidence_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    for column in ("killed", "injured", "n_sources", "precision", "sentence_start", "sentence_end",
                   "mention_start", "mention_end"):
        df[column] = df[column].astype("Int64")
    return df


HOSTILE_TEXT = (
    'Shelling hit <script>alert(1)</script> Kharkiv again <img src=x onerror=alert(1)> overnight '
    '</div><a href="javascript:alert(1)">click</a> said "stay <b>calm</b>".'
)


def hostile_evidence() -> pd.DataFrame:
    """One evidence row whose every text field is an attack on the page."""
    text = HOSTILE_TEXT
    m = text.index("Kharkiv")
    name, lat, lon, feature, admin1, precision = PLACES["gn:706483"]
    row = {
        "evidence_id": "a-evil:1", "event_id": "e-evil", "article_id": "a-evil", "place_id": "gn:706483",
        "place_name": name, "lat": lat, "lon": lon, "feature": feature, "country": "UA", "admin1": admin1,
        "precision": precision, "types": "shelling", "primary_type": "shelling", "modality": "reported",
        "event_date": "2022-12-17", "sentence": text, "sentence_start": 0, "sentence_end": len(text),
        "mention_start": m, "mention_end": m + 7, "surface": "Kharkiv", "killed": 1, "injured": None,
        "quotes": json.dumps([{"text": "<script>alert(2)</script></div>",
                               "speaker": "<img src=x onerror=alert(3)>", "role": "</div>"}]),
        "title": "<script>alert(4)</script>Evil</div>", "url": "javascript:alert(5)",
        "outlet": "<img src=x onerror=alert(6)>", "published": "2022-12-17", "n_sources": 1,
    }
    return as_evidence_frame([row])
