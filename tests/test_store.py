"""The event store: idempotent adds, the evidence view, migrations, refusal of foreign files,
and survival of concurrent writers and SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.records import EVENT_TYPES, Event, Mention, Sentence
from dashboard.store import EVIDENCE_COLUMNS, SCHEMA_VERSION, Store, StoreError
from tests.fakes import PLACES, fake_process, make_article, numbered_article

WORKER = Path(__file__).parent / "store_worker.py"
ROOT = Path(__file__).parent.parent

TEXT = (
    "Russia fired a missile at Kyiv. 2 people killed in Kharkiv by shelling. "
    "“It was terrible,” he said in Kyiv about the drone. Nowhere is safe."
)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "data" / "store.sqlite") as opened:
        yield opened


def test_new_store_creates_folder_and_schema(tmp_path):
    path = tmp_path / "a" / "b" / "store.sqlite"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.articles().empty
        assert list(store.evidence().columns) == EVIDENCE_COLUMNS
    assert path.exists()


def test_add_is_idempotent_and_keeps_text(store):
    result = fake_process(make_article(TEXT, title="Strikes"))
    assert store.add(result) is True
    assert store.add(result) is False
    assert store.counts()["articles"] == 1
    assert len(store.evidence()) == 3
    assert store.article_text(result.article.id) == TEXT
    assert store.has_article(result.article.id)
    assert not store.has_article("nope")
    with pytest.raises(KeyError):
        store.article_text("nope")
    article = store.articles().iloc[0]
    assert (article.title, article.outlet, article.n_chars) == ("Strikes", "Test News", len(TEXT))


def test_changed_result_replaces_rows(store):
    result = fake_process(make_article(TEXT))
    store.add(result)
    fewer = replace(result, events=result.events[:1])
    assert store.add(fewer) is True
    assert len(store.evidence()) == 1
    assert store.counts()["articles"] == 1


def test_evidence_row_contents(store):
    result = fake_process(make_article(TEXT, url="https://example.org/a"))
    store.add(result)
    ev = store.evidence().set_index("place_name")
    kharkiv = ev.loc["Kharkiv"]
    assert kharkiv.types == "shelling;casualties"
    assert kharkiv.primary_type == "shelling"
    assert kharkiv.killed == 2 and ev.loc["Kyiv"].iloc[0].killed is not None
    assert TEXT[kharkiv.sentence_start : kharkiv.sentence_end] == kharkiv.sentence
    assert TEXT[kharkiv.mention_start : kharkiv.mention_end] == kharkiv.surface == "Kharkiv"
    assert (kharkiv.lat, kharkiv.lon, kharkiv.country, kharkiv.precision) == (49.9808, 36.2527, "UA", 1)
    assert kharkiv.url == "https://example.org/a" and kharkiv.n_sources == 1
    quoted = ev[ev.quotes != "[]"].iloc[0]
    assert json.loads(quoted.quotes) == [{"text": "It was terrible,", "speaker": "a spokesman", "role": "military"}]
    assert str(ev["killed"].dtype) == "Int64"


def test_types_are_ordered_by_taxonomy(store):
    article = make_article("Kyiv was hit.")
    place = PLACES["Kyiv"]
    event = Event(article.id, place, ("casualties", "drone_strike", "air_strike"), "reported",
                  Sentence(0, 0, 13, "Kyiv was hit."), Mention(0, 4, "Kyiv"))
    store.add(fake_process(article).__class__(article=article, events=(event,)))
    row = store.evidence().iloc[0]
    assert row.types == "air_strike;drone_strike;casualties"
    assert row.primary_type == "air_strike" == EVENT_TYPES[0]


def test_corroborating_articles_share_one_event(store):
    first = fake_process(make_article("A missile hit Kyiv this morning.", outlet="One"))
    second = fake_process(make_article("Kyiv was struck by a missile, officials said.", outlet="Two"))
    other_day = fake_process(make_article("Another missile hit Kyiv.", published="2024-03-06"))
    for result in (first, second, other_day):
        store.add(result)
    ev = store.evidence()
    assert len(ev) == 3
    same = ev[ev.published == "2024-03-05"]
    assert same.event_id.nunique() == 1 and set(same.n_sources) == {2}
    assert set(same.outlet) == {"One", "Two"}
    assert ev[ev.published == "2024-03-06"].n_sources.item() == 1
    assert ev.evidence_id.is_unique


def test_undated_reports_corroborate_nothing(store):
    """Two articles without a date may tell of two strikes a year apart: each keeps its own event."""
    for text in ("A missile hit Kyiv.", "Kyiv was struck by a missile."):
        store.add(fake_process(make_article(text, published=None)))
    ev = store.evidence()
    assert len(ev) == 2 and ev.event_date.isna().all()
    assert ev.event_id.nunique() == 2 and set(ev.n_sources) == {1}


def test_places_lists_resolved_mentions_only(store):
    store.add(fake_process(make_article(TEXT)))
    places = store.places()
    assert "Nowhere" not in set(places.surface)
    assert set(places.name) == {"Kyiv", "Kharkiv"}
    assert {"site"} == set(places.role)
    assert store.counts()["mentions"] == len(places) + 1  # the unplaced name is still stored


def test_cyrillic_round_trip(store):
    text = "Київ: ракетний удар (missile) по Київ, загинули 3 people killed."
    store.add(fake_process(make_article(text, title="Удар по Києву")))
    assert store.article_text(make_article(text).id) == text
    assert store.articles().title.item() == "Удар по Києву"
    assert set(store.evidence().surface) == {"Київ"}


def test_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    content = b"my precious notes, not a database\n" * 10
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite-wal").exists()


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE customers (name TEXT)")
        db.execute("INSERT INTO customers VALUES ('x')")
    db.close()
    with pytest.raises(StoreError, match="not a strikemap store"):
        Store(path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name FROM customers").fetchall() == [("x",)]
    db.close()


def test_folder_and_newer_schema_are_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
    path = tmp_path / "future.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer strikemap"):
        Store(path)


def _build_version_1(path: Path) -> None:
    """A store as schema version 1 wrote it: no outlet, n_chars or result_hash columns."""
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
            published TEXT, path TEXT NOT NULL DEFAULT '', ingested_at TEXT NOT NULL, text TEXT NOT NULL);
        CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
            feature TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', admin1 TEXT NOT NULL DEFAULT '',
            precision INTEGER NOT NULL DEFAULT 1, population INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '');
        CREATE TABLE mentions (article_id TEXT NOT NULL, mention_start INTEGER NOT NULL,
            mention_end INTEGER NOT NULL, surface TEXT NOT NULL, place_id TEXT, score REAL NOT NULL DEFAULT 0,
            role TEXT NOT NULL DEFAULT 'mentioned');
        CREATE TABLE events (evidence_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, article_id TEXT NOT NULL,
            place_id TEXT NOT NULL, types TEXT NOT NULL, primary_type TEXT NOT NULL, modality TEXT NOT NULL,
            event_date TEXT, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL, mention_start INTEGER NOT NULL, mention_end INTEGER NOT NULL,
            surface TEXT NOT NULL, killed INTEGER, injured INTEGER, quotes TEXT NOT NULL DEFAULT '[]');
        INSERT INTO articles VALUES ('old1', 'Old report', 'https://old.example', '2023-01-02', 'old.txt',
            '2023-01-03T00:00:00+00:00', 'Shelling hit Kharkiv.');
        INSERT INTO places VALUES ('gn:706483', 'Kharkiv', 49.98, 36.25, 'city', 'UA', 'Kharkiv Oblast', 1,
            1400000, 'geonames');
        INSERT INTO mentions VALUES ('old1', 14, 21, 'Kharkiv', 'gn:706483', 0.9, 'site');
        INSERT INTO events VALUES ('ev1', 'e1', 'old1', 'gn:706483', 'shelling', 'shelling', 'reported',
            '2023-01-02', 'Shelling hit Kharkiv.', 0, 21, 14, 21, 'Kharkiv', 1, NULL, '[]');
        PRAGMA user_version = 1;
        """
    )
    db.close()


def test_version_1_store_is_migrated_not_dropped(tmp_path):
    path = tmp_path / "old.sqlite"
    _build_version_1(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        old = store.articles().set_index("id").loc["old1"]
        assert (old.title, old.outlet, old.n_chars) == ("Old report", "", len("Shelling hit Kharkiv."))
        assert store.article_text("old1") == "Shelling hit Kharkiv."
        ev = store.evidence()
        assert ev.evidence_id.tolist() == ["ev1"] and ev.killed.tolist() == [1]
        assert store.places().surface.tolist() == ["Kharkiv"]
        new = fake_process(make_article("Shelling and a missile in Kharkiv.", outlet="New Outlet"))
        assert store.add(new)
        assert store.articles().set_index("id").loc[new.article.id].outlet == "New Outlet"
        assert store.add(new) is False  # the new fingerprint column works
    with Store(path) as again:  # reopening a migrated store is a no-op
        assert again.counts()["articles"] == 2


def test_failed_add_leaves_stored_data(store):
    good = fake_process(make_article(TEXT))
    store.add(good)
    broken_event = replace(good.events[0], place=replace(good.events[0].place, id="x:1", name=None))  # NOT NULL
    with pytest.raises(StoreError):
        store.add(replace(good, events=(broken_event,)))
    assert len(store.evidence()) == 3
    assert store.add(good) is False


def _run_worker(path, first, last, pause=0.0, go_file=None):
    env = {**os.environ, "STRIKEMAP_TEST_GO_FILE": str(go_file or "")}
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(first), str(last), str(pause)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip


def _finish(proc, timeout=120):
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    return proc.returncode, out, err


def _assert_whole(store: Store, expected: int) -> None:
    """Exactly `expected` articles, each with its two events and three mentions, nothing repeated."""
    counts = store.counts()
    assert counts["articles"] == expected
    assert counts["events"] == 2 * expected
    assert counts["mentions"] == 2 * expected
    ev = store.evidence()
    assert ev.evidence_id.is_unique
    assert (ev.groupby("article_id").size() == 2).all()


def test_two_processes_ingest_at_once_while_a_reader_reads(tmp_path):
    path = tmp_path / "store.sqlite"
    Store(path).close()
    go = tmp_path / "go"
    a, b = _run_worker(path, 0, 300, go_file=go), _run_worker(path, 100, 400, go_file=go)  # 200 shared
    reads = 0
    try:
        with Store(path) as reader:
            deadline = time.monotonic() + 60
            while not all((tmp_path / f"go.ready.{n}").exists() for n in (0, 100)):
                assert time.monotonic() < deadline and a.poll() is None and b.poll() is None
                time.sleep(0.01)
            go.touch()  # both are at the start line: their writes now really overlap
            while a.poll() is None or b.poll() is None:
                reader.evidence()
                reader.articles()
                reads += 1
                time.sleep(0.01)
        results = [_finish(a), _finish(b)]
    finally:
        for proc in (a, b):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for code, out, err in results:
        assert code == 0, err
        assert "locked" not in err and out.strip() == "done"
    assert reads > 0
    with Store(path) as store:
        _assert_whole(store, 400)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_ingest_then_rerun_completes(tmp_path):
    path = tmp_path / "store.sqlite"
    Store(path).close()
    total = 300
    proc = _run_worker(path, 0, total, pause=0.005)
    try:
        deadline = time.monotonic() + 60
        with Store(path) as watcher:
            while watcher.counts()["articles"] < 40 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
        assert proc.poll() is None, "worker finished before it could be killed; raise `total`"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        done = store.counts()["articles"]
        assert 40 <= done < total
        _assert_whole(store, done)  # every committed article is complete
        for i in (0, done - 1):
            assert store.has_article(numbered_article(i).id)
    code, _out, err = _finish(_run_worker(path, 0, total))
    assert code == 0, err
    with Store(path) as store:
        _assert_whole(store, total)
