"""Exports: ACLED-style table, CSV safe against formula and row injection, GeoJSON."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.exports import ACLED_COLUMNS, FORMULA_STARTS, to_acled_frame, to_csv_bytes, to_geojson
from dashboard.store import EVIDENCE_COLUMNS, Store
from tests.fakes import fake_process, make_article

NUMERIC = {"latitude", "longitude", "geo_precision", "fatalities", "n_sources"}


def _evidence(tmp_path, *results):
    with Store(tmp_path / "store.sqlite") as store:
        for result in results:
            store.add(result)
        return store.evidence()


def _read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_event_with_sources_joined(tmp_path):
    evidence = _evidence(
        tmp_path,
        fake_process(make_article("A missile hit Kyiv; 5 people killed.", outlet="One", url="https://one.example/1")),
        fake_process(make_article("Kyiv: missile strike, 3 killed.", outlet="Two", url="https://two.example/2")),
        fake_process(make_article("Shelling in Kharkiv.", published=None)),
    )
    frame = to_acled_frame(evidence)
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 2
    kyiv = frame.set_index("location").loc["Kyiv"]
    assert (kyiv.event_type, kyiv.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert kyiv.source == "One; Two" and kyiv.source_url == "https://one.example/1; https://two.example/2"
    assert kyiv.n_sources == 2 and kyiv.fatalities == 3  # the most conservative figure
    assert kyiv.event_date == "2024-03-05" and kyiv.geo_precision == 1
    assert "missile_strike" in kyiv.notes and "A missile hit Kyiv" in kyiv.notes
    kharkiv = frame.set_index("location").loc["Kharkiv"]
    assert kharkiv.fatalities == 0 and kharkiv.event_date == ""  # unknown: ACLED's 0, no date


def test_empty_evidence_gives_header_only(tmp_path):
    evidence = pd.DataFrame(columns=EVIDENCE_COLUMNS)
    assert list(to_acled_frame(evidence).columns) == ACLED_COLUMNS
    assert _read_csv(to_csv_bytes(evidence)) == []
    assert to_geojson(evidence) == {"type": "FeatureCollection", "features": []}


def test_csv_neutralises_formulas_but_keeps_negative_longitudes_numeric(tmp_path):
    evil = make_article("=HYPERLINK(\"http://x\") missile hit Lisbon.", title="@SUM(1)", outlet="-2+3",
                        url="+cmd")  # fmt: skip
    evidence = _evidence(tmp_path, fake_process(evil))
    data = to_csv_bytes(evidence)
    (row,) = _read_csv(data)
    assert row["source"] == "'-2+3"
    assert row["source_url"] == "'+cmd"
    assert row["notes"].startswith("'=HYPERLINK")
    assert float(row["longitude"]) == -9.1333  # numeric, not neutralised
    assert b'-9.1333,' in data  # unquoted in the file: a number to spreadsheets


def test_csv_keeps_cyrillic(tmp_path):
    evidence = _evidence(tmp_path, fake_process(make_article("Київ: missile, Київ.", outlet="Укрінформ")))
    (row,) = _read_csv(to_csv_bytes(evidence))
    assert row["source"] == "Укрінформ" and "Київ" in row["notes"]


def test_geojson_features(tmp_path):
    text = "“We saw it,” a man said after the missile hit Kyiv. 2 killed in Lisbon by a drone."
    evidence = _evidence(tmp_path, fake_process(make_article(text)))
    collection = json.loads(json.dumps(to_geojson(evidence), allow_nan=False))
    assert collection["type"] == "FeatureCollection"
    by_name = {f["properties"]["place_name"]: f for f in collection["features"]}
    assert set(by_name) == {"Kyiv", "Lisbon"}
    assert by_name["Lisbon"]["geometry"] == {"type": "Point", "coordinates": [-9.1333, 38.7167]}
    assert by_name["Lisbon"]["properties"]["killed"] == 2 and by_name["Kyiv"]["properties"]["killed"] is None
    kyiv_source = by_name["Kyiv"]["properties"]["sources"][0]
    assert kyiv_source["quotes"][0]["text"] == "We saw it,"
    assert by_name["Kyiv"]["properties"]["types"] == ["missile_strike"]


def _frame_with_text(value: str) -> pd.DataFrame:
    row = {c: value for c in EVIDENCE_COLUMNS}
    row.update(event_id="e1", evidence_id="v1", article_id="a1", lat=50.0, lon=-30.5, precision=1,
               primary_type="shelling", types="shelling", killed=pd.NA, injured=pd.NA, n_sources=1,
               quotes="[]", event_date=None)  # fmt: skip
    frame = pd.DataFrame([row], columns=EVIDENCE_COLUMNS)
    frame["killed"] = frame["killed"].astype("Int64")
    return frame


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
       | st.sampled_from(["=1+1", " =1", "\t=1", "\r=1", "-1", "+1", "@x", "a\r=1", "a\n=1", "\r\n-2"]))
def test_no_csv_text_cell_starts_with_a_formula_character(value):
    data = to_csv_bytes(_frame_with_text(value))
    rows = _read_csv(data)
    assert len(rows) == 1  # no row injection through CR/LF in text
    for column, cell in rows[0].items():
        if column in NUMERIC:
            float(cell)
        else:
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
            assert not cell.lstrip().startswith(FORMULA_STARTS), (column, cell)
    assert rows[0]["longitude"] == "-30.5"
