"""Filters, the place summary, the map data, the URL round trip, and the quote panel's escaping."""

from __future__ import annotations

import json
import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard import mapview, panel
from dashboard.mapview import ViewState
from dashboard.records import EVENT_TYPES, MODALITIES
from tests.evidence_fixture import HOSTILE_TEXT, hostile_evidence, sample_evidence


def places_of(df: pd.DataFrame) -> set[str]:
    return set(df["place_name"])


def test_default_view_shows_reported_events_only():
    shown = mapview.filter_evidence(sample_evidence(), ViewState())
    assert set(shown["modality"]) == {"reported"}
    assert {"Donbas", "Minsk"}.isdisjoint(places_of(shown))  # threatened / expected
    everything = mapview.filter_evidence(sample_evidence(), ViewState(modalities=MODALITIES))
    assert {"Donbas", "Minsk"} <= places_of(everything)


def test_type_filter_keeps_places_with_any_selected_type():
    no_explosions = ViewState(types=tuple(t for t in EVENT_TYPES if t != "explosion"))
    shown = mapview.filter_evidence(sample_evidence(), no_explosions)
    assert "Poltava" not in places_of(shown)  # explosion only
    assert {"Kyiv", "Kharkiv"} <= places_of(shown)  # have other types too


def test_precision_date_article_and_search_filters():
    df = sample_evidence()
    everything = ViewState(modalities=MODALITIES)
    assert "Donbas" not in places_of(mapview.filter_evidence(df, everything.with_(max_precision=2)))
    assert "Kherson" not in places_of(mapview.filter_evidence(df, everything.with_(max_precision=1)))
    one_day = mapview.filter_evidence(df, everything.with_(date_from="2022-12-15", date_to="2022-12-15"))
    assert places_of(one_day) == {"Kherson"}
    assert mapview.filter_evidence(df, everything.with_(articles=("nope",))).empty
    assert places_of(mapview.filter_evidence(df, everything.with_(query="  khar "))) == {"Kharkiv"}


def test_places_summary_one_row_per_place_with_dominant_type():
    places = mapview.places_summary(sample_evidence())
    assert places["place_id"].is_unique
    kyiv = places.set_index("place_name").loc["Kyiv"]
    assert kyiv.n_events == 1 and kyiv.n_evidence == 2 and kyiv.dominant_type == "missile_strike"
    assert places.set_index("place_name").loc["Donbas"].precision == 3


def test_region_level_place_keeps_its_region_point():
    geo = mapview.places_geojson(mapview.places_summary(sample_evidence()))
    donbas = next(f for f in geo["features"] if f["properties"]["n"] == "Donbas")
    assert donbas["geometry"]["coordinates"] == [38.3, 48.2] and donbas["properties"]["p"] == 3


def test_map_data_is_escaped_and_cannot_close_its_script():
    df = hostile_evidence()
    df.loc[0, "place_name"] = "</script><img src=x onerror=alert(1)>"
    parts = mapview.map_parts(mapview.places_summary(df))
    assert "</script" not in parts.places_json and "<img" not in parts.places_json
    name = json.loads(parts.places_json)["features"][0]["properties"]["n"]
    assert name == "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"


def test_map_script_has_one_layer_for_all_places_and_no_per_place_markers():
    fmap = mapview.build_map(mapview.places_summary(sample_evidence()))
    html = fmap.get_root().render()
    assert html.count("L.geoJSON(") == 1 and "L.marker(latlng" in html
    assert "Heat (events)" in html and "sm-legend" in html


def test_map_payload_is_compact_and_carries_no_evidence():
    """The places document travels with every new map: no sentences or quotes, short coordinates."""
    df = sample_evidence()
    geo = mapview.places_geojson(mapview.places_summary(df))
    kharkiv = next(f for f in geo["features"] if f["properties"]["n"] == "Kharkiv")
    assert all(len(str(c).split(".")[-1]) <= 5 for c in kharkiv["geometry"]["coordinates"])
    assert set(kharkiv["properties"]) <= {"n", "t", "c", "e", "a", "k", "p", "l"}
    assert EVENT_TYPES[kharkiv["properties"]["t"]] == mapview.places_summary(df).set_index(
        "place_name").loc["Kharkiv", "dominant_type"]
    text = json.dumps(geo)
    for sentence in df["sentence"]:
        assert sentence[:40] not in text


def test_clicked_marker_position_finds_its_place():
    places = mapview.places_summary(sample_evidence())
    assert mapview.place_at(places, 49.9935, 36.2304) == "gn:706483"
    assert mapview.place_at(places, 10.0, 10.0) is None


def test_url_round_trip_and_junk_tolerance():
    view = ViewState(types=("shelling", "explosion"), modalities=("reported", "denied"),
                     date_from="2022-12-01", date_to="2022-12-31", articles=("a1", "a2"), max_precision=2,
                     query="Khar",
                     place="gn:706483", center=(49.99, 36.23), zoom=9)
    assert ViewState.from_query(view.to_query()) == view
    assert ViewState().to_query() == {}
    junk = ViewState.from_query({"types": "bogus,shelling", "prec": "x", "from": "not a date", "z": "?"})
    assert junk.types == ("shelling",) and junk.max_precision == 3
    assert junk.date_from is None and junk.zoom is None


@given(st.dictionaries(st.sampled_from(["types", "mod", "from", "to", "art", "prec", "q", "place", "lat",
                                        "lon", "z"]), st.text(max_size=30)))
def test_any_query_string_gives_a_view(query):
    view = ViewState.from_query(query)
    assert set(view.types) <= set(EVENT_TYPES) and view.max_precision in (1, 2, 3)


def test_panel_highlights_the_place_and_shows_quotes_and_sources():
    df = sample_evidence()
    html = panel.place_panel_html(df[df["place_name"] == "Kharkiv"])
    assert "<mark>Kharkiv</mark>, the second largest city" in html
    assert "colossal" in html and "mayor of Kharkiv" in html
    assert 'href="https://example.org/energy-strikes"' in html and "Example News" in html


def test_panel_escapes_every_hostile_field():
    html = panel.place_panel_html(hostile_evidence())
    body = html.split("</style>", 1)[1]
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", body))
    assert tags <= {"div", "h3", "span", "mark"}, tags  # no script, img, a, b from the article
    assert "javascript:" not in re.sub(r"&[a-z]+;", "", "".join(re.findall(r'href="([^"]*)"', body)))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "&lt;/div&gt;" in body
    assert "<mark>Kharkiv</mark>" in body
    assert HOSTILE_TEXT.count("<") == body.split("<mark>")[0].count("&lt;") + body.split("</mark>")[1] \
        .split('<div class="quote">')[0].count("&lt;")


def test_only_http_urls_become_links():
    assert panel.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "", None,
                "http://exa mple.org"):
        assert panel.safe_url(bad) is None, bad


def test_panel_falls_back_when_offsets_do_not_match_the_sentence():
    row = sample_evidence().iloc[3].copy()
    row["mention_start"] = row["mention_start"] + 500
    assert panel.highlighted_sentence(row).startswith("<mark>Kharkiv</mark>")


def test_a_quote_names_its_speaker_once():
    df = sample_evidence().head(1).copy()
    df["quotes"] = json.dumps([{"text": "colossal.", "speaker": "Its mayor", "role": "mayor"},
                               {"text": "We hold.", "speaker": "Mykhailo Shamanov", "role": "military spokesman"}])
    html = panel.place_panel_html(df)
    assert "— Its mayor</span>" in html and "— Mykhailo Shamanov, military spokesman</span>" in html


def test_a_busy_place_shows_its_newest_evidence_and_says_what_is_left():
    row = sample_evidence().iloc[[0]]
    many = pd.concat([row] * (panel.PANEL_MAX_EVIDENCE + 50), ignore_index=True)
    many["event_date"] = [f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}" for n in range(len(many))]
    many["evidence_id"] = [f"e{n}" for n in range(len(many))]
    html = panel.place_panel_html(many)
    assert html.count('<div class="ev"') == panel.PANEL_MAX_EVIDENCE
    assert f"Showing the {panel.PANEL_MAX_EVIDENCE} newest of 250 evidence sentences" in html
    assert "Date: 2026-12-28" in html and "Date: 2026-01-01" not in html  # the newest ones
    assert "Showing" not in panel.place_panel_html(many.head(3))
