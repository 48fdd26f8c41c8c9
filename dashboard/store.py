"""The SQLite event store: one file holding articles, resolved mentions and events.

Why it is built the way it is:
- one transaction per article, so a crash (even SIGKILL) leaves every committed article whole and
  nothing half-written; re-running an ingest completes the rest;
- WAL journal + busy timeout + `BEGIN IMMEDIATE`, so two ingests can write at once (they queue)
  and the dashboard can read while an ingest writes;
- ids are content hashes, so re-adding an article replaces its rows instead of duplicating them;
- the schema version lives in `PRAGMA user_version` and older stores are migrated step by step
  (`MIGRATIONS`), never dropped; a file that is not our database is refused, never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import pandas as pd

from dashboard.records import EVENT_TYPES, ArticleResult, Event

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000

# MIGRATIONS[i] takes a store from schema version i to i + 1. Append, never edit a released step.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles, places, mentions, events
    (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            published TEXT,
            path TEXT NOT NULL DEFAULT '',
            ingested_at TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        """CREATE TABLE places (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            feature TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            admin1 TEXT NOT NULL DEFAULT '',
            precision INTEGER NOT NULL DEFAULT 1,
            population INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL,
            mention_start INTEGER NOT NULL,
            mention_end INTEGER NOT NULL,
            surface TEXT NOT NULL,
            place_id TEXT,
            score REAL NOT NULL DEFAULT 0,
            role TEXT NOT NULL DEFAULT 'mentioned'
        )""",
        "CREATE INDEX mentions_article ON mentions(article_id)",
        """CREATE TABLE events (
            evidence_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            place_id TEXT NOT NULL,
            types TEXT NOT NULL,
            primary_type TEXT NOT NULL,
            modality TEXT NOT NULL,
            event_date TEXT,
            sentence TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            mention_start INTEGER NOT NULL,
            mention_end INTEGER NOT NULL,
            surface TEXT NOT NULL,
            killed INTEGER,
            injured INTEGER,
            quotes TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_event ON events(event_id)",
    ),
    # 2: outlet and size per article; a fingerprint of the stored result so unchanged re-adds are no-ops
    (
        "ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN n_chars INTEGER NOT NULL DEFAULT 0",
        "UPDATE articles SET n_chars = length(text)",
        "ALTER TABLE articles ADD COLUMN result_hash TEXT NOT NULL DEFAULT ''",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
OUR_TABLES = {"articles", "places", "mentions", "events"}

ARTICLE_COLUMNS = ["id", "title", "url", "outlet", "published", "path", "ingested_at", "n_chars"]
PLACE_COLUMNS = [
    "article_id", "start", "end", "surface", "place_id", "name", "lat", "lon", "feature", "country",
    "admin1", "precision", "role",
]  # fmt: skip
EVIDENCE_COLUMNS = [
    "evidence_id", "event_id", "article_id", "place_id", "place_name", "lat", "lon", "feature",
    "country", "admin1", "precision", "types", "primary_type", "modality", "event_date", "sentence",
    "sentence_start", "sentence_end", "mention_start", "mention_end", "surface", "killed", "injured",
    "quotes", "title", "url", "outlet", "published", "n_sources",
]  # fmt: skip
_INT_COLUMNS = {"precision", "sentence_start", "sentence_end", "mention_start", "mention_end",
                "start", "end", "n_sources", "n_chars"}  # fmt: skip
_NULLABLE_INT_COLUMNS = {"killed", "injured"}
_FLOAT_COLUMNS = {"lat", "lon"}


class StoreError(Exception):
    """The store cannot be opened or written; the message names the file and says why."""


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def ordered_types(types: tuple[str, ...] | list[str]) -> list[str]:
    """Types in the taxonomy's order (unknown ones last, alphabetically), each once."""
    unique = set(types)
    known = [t for t in EVENT_TYPES if t in unique]
    return known + sorted(unique - set(EVENT_TYPES))


def event_key(place_id: str, event_date: str | None, primary_type: str, modality: str, article_id: str) -> str:
    """Same place, day, main type and modality = one event, however many articles report it. An event of
    no known day is one article's own: two undated reports of shelling in Kharkiv corroborate nothing."""
    return _hash("event", place_id, event_date or f"undated:{article_id}", primary_type, modality)


def evidence_key(article_id: str, sentence_start: int, mention_start: int, place_id: str, primary: str) -> str:
    return _hash("evidence", article_id, sentence_start, mention_start, place_id, primary)


def _event_row(event: Event, article_id: str) -> dict:
    types = ordered_types(event.types)
    primary = types[0] if types else ""
    quotes = [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in event.quotes]
    return {
        "evidence_id": evidence_key(article_id, event.sentence.start, event.mention.start, event.place.id, primary),
        "event_id": event_key(event.place.id, event.event_date, primary, event.modality, article_id),
        "article_id": article_id,
        "place_id": event.place.id,
        "types": ";".join(types),
        "primary_type": primary,
        "modality": event.modality,
        "event_date": event.event_date,
        "sentence": event.sentence.text,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "mention_start": event.mention.start,
        "mention_end": event.mention.end,
        "surface": event.mention.surface,
        "killed": event.killed,
        "injured": event.injured,
        "quotes": json.dumps(quotes, ensure_ascii=False),
    }


class Store:
    """An event store in one SQLite file; safe to share between threads of one process."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._check_file()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from None
        try:
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            # NORMAL is safe in WAL against process crashes; only a power cut may lose the last commits.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a usable SQLite database ({exc})") from None
        except StoreError:
            self._db.close()
            raise

    def _check_file(self) -> None:
        """Refuse, before SQLite touches it, a path that holds something other than a database."""
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        if not self.path.exists():
            return
        try:
            with self.path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read ({exc.strerror or exc})") from None
        if head and head != SQLITE_MAGIC:
            raise StoreError(f"{self.path}: not a SQLite database; refusing to use or overwrite it")

    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                version = self._db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: written by a newer strikemap (schema {version}, "
                        f"this one knows {SCHEMA_VERSION}); upgrade strikemap"
                    )
                if version == 0:
                    tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                    if tables - OUR_TABLES:
                        raise StoreError(f"{self.path}: a SQLite database, but not a strikemap store")
                for step in range(version, SCHEMA_VERSION):
                    for statement in MIGRATIONS[step]:
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._db.execute("PRAGMA user_version").fetchone()[0]

    # --- writing -----------------------------------------------------------------------------------

    def add(self, result: ArticleResult) -> bool:
        """Store one article's results in one transaction. Re-adding replaces that article's rows;
        returns False (writing nothing) when the identical result was already stored."""
        article = result.article
        if not article.id:
            raise StoreError(f"{self.path}: article without an id")
        events = {}
        for event in result.events:
            row = _event_row(event, article.id)
            events.setdefault(row["evidence_id"], row)  # same evidence twice: keep the first
        places = {e.place.id: e.place for e in result.events}
        places.update({m.place.id: m.place for m in result.mentions if m.place is not None})
        mentions = [
            (article.id, m.mention.start, m.mention.end, m.mention.surface,
             m.place.id if m.place else None, float(m.score), m.role)
            for m in result.mentions
        ]  # fmt: skip
        article_row = (article.id, article.title, article.url, article.outlet, article.published,
                       article.path, article.text, len(article.text))  # fmt: skip
        fingerprint = _hash(
            json.dumps([article_row, mentions, sorted(events.items()),
                        sorted((p.id, repr(p)) for p in places.values())], ensure_ascii=False, default=str)
        )  # fmt: skip
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot write ({exc})") from None
            try:
                stored = self._db.execute("SELECT result_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
                if stored is not None and stored[0] == fingerprint:
                    self._db.execute("ROLLBACK")
                    return False
                self._db.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
                self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article.id,))
                self._db.execute(
                    """INSERT OR REPLACE INTO articles
                       (id, title, url, outlet, published, path, text, n_chars, ingested_at, result_hash)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (*article_row, datetime.now(UTC).isoformat(timespec="seconds"), fingerprint),
                )
                self._db.executemany(
                    """INSERT INTO places (id, name, lat, lon, feature, country, admin1, precision,
                                           population, source)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET name=excluded.name, lat=excluded.lat,
                         lon=excluded.lon, feature=excluded.feature, country=excluded.country,
                         admin1=excluded.admin1, precision=excluded.precision,
                         population=excluded.population, source=excluded.source""",
                    [(p.id, p.name, float(p.lat), float(p.lon), p.feature, p.country, p.admin1,
                      int(p.precision), int(p.population), p.source) for p in places.values()],
                )  # fmt: skip
                self._db.executemany(
                    """INSERT INTO mentions (article_id, mention_start, mention_end, surface, place_id,
                                             score, role) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    mentions,
                )
                columns = list(next(iter(events.values())).keys()) if events else []
                if columns:
                    self._db.executemany(
                        f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        [tuple(row[c] for c in columns) for row in events.values()],
                    )
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"{self.path}: could not store article {article.id} ({exc})") from None
                raise
        return True

    # --- reading -----------------------------------------------------------------------------------

    def _frame(self, sql: str, params: tuple, columns: list[str]) -> pd.DataFrame:
        with self._lock:
            try:
                rows = self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: cannot read ({exc})") from None
        frame = pd.DataFrame(rows, columns=columns)
        for column in columns:
            if column in _FLOAT_COLUMNS:
                frame[column] = frame[column].astype("float64")
            elif column in _INT_COLUMNS:
                frame[column] = frame[column].astype("int64")
            elif column in _NULLABLE_INT_COLUMNS:
                frame[column] = frame[column].astype("Int64")
            else:
                frame[column] = frame[column].astype("object")
        return frame

    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def articles(self) -> pd.DataFrame:
        """One row per stored article, newest ingest first."""
        return self._frame(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY ingested_at DESC, id", (), ARTICLE_COLUMNS
        )

    def article_text(self, article_id: str) -> str:
        with self._lock:
            row = self._db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise KeyError(f"no article {article_id!r} in {self.path}")
        return row[0]

    def evidence(self) -> pd.DataFrame:
        """One row per piece of event evidence, with its place, article and corroboration count."""
        sql = """
            SELECT e.evidence_id, e.event_id, e.article_id, e.place_id, p.name, p.lat, p.lon, p.feature,
                   p.country, p.admin1, p.precision, e.types, e.primary_type, e.modality, e.event_date,
                   e.sentence, e.sentence_start, e.sentence_end, e.mention_start, e.mention_end, e.surface,
                   e.killed, e.injured, e.quotes, a.title, a.url, a.outlet, a.published, s.n_sources
            FROM events e
            JOIN articles a ON a.id = e.article_id
            JOIN places p ON p.id = e.place_id
            JOIN (SELECT event_id, COUNT(DISTINCT article_id) AS n_sources FROM events GROUP BY event_id) s
                 ON s.event_id = e.event_id
            ORDER BY e.event_id, a.published, e.article_id, e.sentence_start, e.mention_start
        """
        return self._frame(sql, (), EVIDENCE_COLUMNS)

    def places(self) -> pd.DataFrame:
        """Every resolved place mention (unplaced names are stored but not listed here)."""
        sql = """
            SELECT m.article_id, m.mention_start, m.mention_end, m.surface, m.place_id, p.name, p.lat,
                   p.lon, p.feature, p.country, p.admin1, p.precision, m.role
            FROM mentions m JOIN places p ON p.id = m.place_id
            ORDER BY m.article_id, m.mention_start, m.mention_end
        """
        return self._frame(sql, (), PLACE_COLUMNS)

    def counts(self) -> dict[str, int]:
        """Row counts per table, for reports and tests."""
        with self._lock:
            return {t: self._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in sorted(OUR_TABLES)}

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
