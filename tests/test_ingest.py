"""Ingest: files, uploads and pasted text into the store, with a report naming every problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashboard.articles import MAX_ARTICLE_BYTES
from dashboard.ingest import IngestReport, ingest_paths, ingest_text, ingest_uploads
from dashboard.records import ArticleResult
from dashboard.store import Store
from tests.fakes import fake_process

SEEDS = Path(__file__).parent.parent / "seeds"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "more").mkdir(parents=True)
    (folder / "a.txt").write_text("Missile on Kyiv\n\nA missile hit Kyiv. 2 people killed.", encoding="utf-8")
    (folder / "more" / "b.md").write_text("# Drones\n\nA drone fell in Odesa.", encoding="utf-8")
    (folder / "photo.txt").write_bytes(PNG)
    (folder / "feed.jsonl").write_text(
        "\n".join([
            json.dumps({"text": "Shelling hit Kharkiv.", "published": "xyz"}),
            json.dumps({"title": "missing text"}),
            json.dumps({"text": "RAISE inside the pipeline, Kyiv missile."}),
            json.dumps({"text": "A missile hit Kyiv. 2 people killed."}),  # same text as a.txt
        ]),
        encoding="utf-8",
    )  # fmt: skip
    return folder


def test_ingest_folder_reports_every_problem_and_goes_on(tmp_path, store):
    calls = []
    report = ingest_paths([_folder(tmp_path), tmp_path / "gone.txt"], store, fake_process,
                          progress=lambda done, total, name: calls.append((done, total, Path(name).name)))
    assert report.added == 3 and report.unchanged == 0
    errors = {(Path(source.split(" [")[0]).name, message.split(":")[0]) for source, message in report.errors}
    assert errors == {
        ("photo.txt", "binary file (a PNG image), not text"),
        ("feed.jsonl", "extraction failed"),
        ("gone.txt", "no such file or directory"),
    }
    warnings = [message for _, message in report.warnings]
    assert "line 1 bad date 'xyz' ignored" in warnings
    assert "line 2 skipped: missing 'text'" in warnings
    assert any(message.startswith("same text as") and "a.txt" in message for message in warnings)
    assert [c[2] for c in calls] == ["a.txt", "feed.jsonl", "photo.txt", "b.md", "gone.txt"]
    assert calls[-1][:2] == (5, 5)
    assert store.counts()["articles"] == 3 and len(report.article_ids) == 3
    assert "3 added, 0 unchanged, 3 errors" in report.summary()
    assert any(line.startswith("error: ") and "photo.txt" in line for line in report.lines())


def test_reingest_changes_nothing(tmp_path, store):
    folder = _folder(tmp_path)
    ingest_paths([folder], store, fake_process)
    before = store.evidence()
    report = ingest_paths([folder], store, fake_process)
    assert report.added == 0 and report.unchanged == 3
    after = store.evidence()
    assert after.evidence_id.tolist() == before.evidence_id.tolist()
    reprocessed = ingest_paths([folder], store, fake_process, reprocess=True)
    assert reprocessed.added == 0 and reprocessed.unchanged == 3  # same results: nothing rewritten


def test_failing_pipeline_never_touches_stored_data(tmp_path, store):
    (tmp_path / "a.txt").write_text("A missile hit Kyiv.", encoding="utf-8")
    ingest_paths([tmp_path / "a.txt"], store, fake_process)
    before = store.evidence()

    def broken(article):
        raise ValueError("model missing")

    report = ingest_paths([tmp_path / "a.txt"], store, broken, reprocess=True)
    assert report.errors == [(str(tmp_path / "a.txt"), "extraction failed: ValueError: model missing")]
    assert store.evidence().equals(before)

    def wrong(article):
        return ArticleResult(article=article.__class__(id="other", text="x"))

    report = ingest_paths([tmp_path / "a.txt"], store, wrong, reprocess=True)
    assert "another article" in report.errors[0][1]
    assert store.evidence().equals(before)


def test_uploads(store):
    files = [
        ("../../etc/passwd", b"root:x:0:0"),
        ("..\\..\\report.txt", "Київ\n\nРакета (missile) влучила в Київ.".encode("cp1251")),
        ("pic.txt", PNG),
        ("big.txt", b""),
    ]
    report = ingest_uploads(files, store, fake_process)
    assert report.added == 1
    assert [source for source, _ in report.errors] == ["passwd", "pic.txt", "big.txt"]
    article = store.articles().iloc[0]
    assert article.title == "Київ" and article.path == "report.txt"
    assert store.evidence().surface.tolist() == ["Київ"]


def test_pasted_text(store):
    report = ingest_text("Shelling in Kharkiv overnight.", store, fake_process, title="Pasted")
    assert report.added == 1 and report.ok
    assert store.articles().title.tolist() == ["Pasted"]
    assert ingest_text("  \n ", store, fake_process).errors == [("pasted text", "file holds only whitespace")]


def test_seed_article_ingests(store):
    report = ingest_paths([SEEDS], store, fake_process)
    assert report.ok and report.added == 1
    assert set(store.evidence().place_name) >= {"Kyiv", "Kharkiv"}


def test_report_defaults():
    report = IngestReport()
    assert report.ok and report.summary() == "0 added, 0 unchanged, 0 errors"


def test_a_jsonl_archive_is_read_a_line_at_a_time(tmp_path, store):
    """An archive over the one-article limit is ingested line by line: a line over the limit is skipped
    with a warning, the rest are stored, and progress is told within the file."""
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "A missile hit Kyiv. 2 people killed."}) + "\n")
        f.write(json.dumps({"text": "x" * MAX_ARTICLE_BYTES}) + "\n")
        for n in range(1_100):
            f.write(json.dumps({"text": f"Report {n}: a drone fell in Odesa."}) + "\n")
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    calls = []
    report = ingest_paths([path], store, fake_process, progress=lambda *call: calls.append(call))
    assert report.added == 1_101 and not report.errors
    assert ("archive.jsonl", "line 2 skipped: over the 20 MB limit of one article") in [
        (Path(source).name, message) for source, message in report.warnings]
    assert [(done, total, Path(name).name) for done, total, name in calls] == [
        (0, 1, "archive.jsonl · 500"), (0, 1, "archive.jsonl · 1,000"), (1, 1, "archive.jsonl")]
