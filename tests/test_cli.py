"""The `strikemap` command as a user runs it: ingest, extract, gazetteer info."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dashboard.cli import cli
from dashboard.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "ukraine-energy-strikes.txt"


def test_ingest_fills_the_store_and_is_idempotent(tmp_path):
    store = tmp_path / "s.sqlite"
    runner = CliRunner()
    first = runner.invoke(cli, ["--store", str(store), "ingest", str(SAMPLE)])
    assert first.exit_code == 0, first.output
    assert "1 added" in first.output
    evidence = Store(store).evidence()
    assert {"Kyiv", "Kharkiv", "Poltava", "Kherson"} <= set(evidence.place_name)
    again = runner.invoke(cli, ["--store", str(store), "ingest", str(SAMPLE)])
    assert "0 added, 1 unchanged" in again.output
    assert len(Store(store).evidence()) == len(evidence)


def test_ingest_reports_bad_files_and_keeps_going(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text("Missiles hit Kharkiv overnight, the mayor said.\n", encoding="utf-8")
    store = tmp_path / "s.sqlite"
    res = CliRunner().invoke(cli, ["--store", str(store), "ingest", str(tmp_path / "empty.txt"),
                                   str(tmp_path / "good.txt"), str(tmp_path / "missing.txt")])
    assert res.exit_code == 0
    assert "empty.txt" in res.output and "missing.txt" in res.output
    assert "1 added" in res.output
    assert "Kharkiv" in set(Store(store).evidence().place_name)


def test_extract_writes_the_evaluation_contract(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Shelling damaged a school in Bakhmut."}) + "\n"
        + "not json\n"
        + json.dumps({"id": "b", "text": "Moscow said talks in Minsk went well.", "published": "2022-12-16"}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 0
    assert "line 2" in res.output  # the bad line is named, the rest goes on
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert [e["name"] for e in lines[0]["events"]] == ["Bakhmut"]
    assert lines[0]["places"][0]["name"] == "Bakhmut" and lines[0]["places"][0]["lat"] > 48
    assert lines[1]["events"] == []  # a speaker's capital and a meeting venue are no strike sites
    assert {p["name"] for p in lines[1]["places"]} == {"Moscow", "Minsk"}


def test_gazetteer_info_credits_geonames():
    res = CliRunner().invoke(cli, ["gazetteer", "info"])
    assert res.exit_code == 0
    assert "GeoNames" in res.output and "CC BY 4.0" in res.output


def test_several_processes_give_the_same_results(tmp_path):
    texts = ["Shelling damaged a school in Bakhmut.", "Moscow said talks in Minsk went well.",
             "Drones hit Odesa overnight, the governor said.", "A missile struck Dnipro on Friday."] * 3
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                   encoding="utf-8")
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert runner.invoke(cli, ["extract", "--jobs", jobs, str(src), "-o", str(out)]).exit_code == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == len(texts)
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, t in enumerate(texts[:4]):
        (folder / f"{i}.txt").write_text(t + "\n", encoding="utf-8")
    stored = []
    for jobs in ("1", "2"):
        store = tmp_path / f"s{jobs}.sqlite"
        res = runner.invoke(cli, ["--store", str(store), "ingest", "--jobs", jobs, str(folder)])
        assert "4 added" in res.output, res.output
        stored.append(sorted(Store(store).evidence().place_name))
    assert stored[0] == stored[1] and "Bakhmut" in stored[0]
