"""Ingest: load articles, run the extraction pipeline on each, store the results, report.

Used by `strikemap ingest` and by the dashboard's upload box and paste box. The pipeline is a
parameter (`process`), so this module knows nothing of how extraction works. One bad file or one
article that crashes the pipeline is reported and the batch goes on; what is already stored is
never touched by a failing article (each article is one store transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.articles import (
    ArticleError,
    Warnings,
    collect_files,
    display_path,
    iter_jsonl,
    load_bytes,
    load_path,
    parse_text,
    safe_name,
)
from dashboard.batch import Failed, Outcome, process_one
from dashboard.records import Article, ArticleResult
from dashboard.store import Store, StoreError

Process = Callable[[Article], ArticleResult]
Run = Callable[[list[Article]], list[Outcome]]  # many articles at once, results in order (batch.Workers.map)
Progress = Callable[[int, int, str], None]
_TICK = 500  # articles of a collection between progress reports


@dataclass
class IngestReport:
    """What an ingest did; errors and warnings are (file or article label, message) pairs."""

    added: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line for a status bar or the CLI."""
        parts = [f"{self.added} added", f"{self.unchanged} unchanged", f"{len(self.errors)} errors"]
        if self.warnings:
            parts.append(f"{len(self.warnings)} warnings")
        return ", ".join(parts)

    def lines(self) -> list[str]:
        """The summary, then every error and warning, each naming its file."""
        return (
            [self.summary()]
            + [f"error: {source}: {message}" for source, message in self.errors]
            + [f"warning: {source}: {message}" for source, message in self.warnings]
        )


class _Batch:
    """Runs articles through the pipeline into the store, filling one report.

    Articles wait in `pending` until `chunk` of them can go to `run` together (one at a time
    unless a pool of workers runs them); each result is then stored in the order read."""

    def __init__(self, store: Store, process: Process, reprocess: bool, run: Run | None = None, chunk: int = 64):
        self.store, self.reprocess = store, reprocess
        self.run: Run = run or (lambda articles: [process_one(process, a) for a in articles])
        self.chunk = chunk if run is not None else 1
        self.pending: list[tuple[str, Article]] = []
        self.report = IngestReport()
        self.seen: dict[str, str] = {}  # article id -> label where this batch first saw it

    def load(self, label: str, loader: Callable[[Warnings], list[Article]]) -> None:
        """Run one source's loader: queue its articles, or report why it could not be read."""
        warnings: Warnings = []
        try:
            articles = loader(warnings)
        except ArticleError as exc:
            self.report.errors.append((exc.source, exc.reason))
        else:
            self.add_articles(label, articles)
        self.report.warnings.extend(warnings)

    def stream(self, label: str, read: Callable[[Warnings], Iterable[Article]], tick: Callable[[int], None]) -> None:
        """Queue a collection's articles as they are read (a JSON Lines archive of any size), calling
        `tick(n)` every _TICK articles; a collection that cannot be read at all is reported."""
        warnings: Warnings = []
        try:
            for n, article in enumerate(read(warnings), 1):
                self.add_article(f"{label} [{(article.title or article.id)[:60]}]", article)
                if n % _TICK == 0:
                    tick(n)
        except ArticleError as exc:
            self.report.errors.append((exc.source, exc.reason))
        self.report.warnings.extend(warnings)

    def add_articles(self, label: str, articles: list[Article]) -> None:
        for article in articles:
            name = label if len(articles) == 1 else f"{label} [{(article.title or article.id)[:60]}]"
            self.add_article(name, article)

    def add_article(self, name: str, article: Article) -> None:
        report = self.report
        if article.id in self.seen:
            report.warnings.append((name, f"same text as {self.seen[article.id]}; skipped"))
            return
        self.seen[article.id] = name
        try:
            if not self.reprocess and self.store.has_article(article.id):
                report.unchanged += 1
                report.article_ids.append(article.id)
                return
        except Exception as exc:  # noqa: BLE001 - a store failure is reported like any other
            report.errors.append((name, f"store unavailable: {exc}"))
            return
        self.pending.append((name, article))
        if len(self.pending) >= self.chunk:
            self.flush()

    def flush(self) -> IngestReport:
        """Run and store every queued article; the report is complete once this returns."""
        pending, self.pending = self.pending, []
        if pending:
            for (name, article), result in zip(pending, self.run([a for _, a in pending]), strict=True):
                self._store(name, article, result)
        return self.report

    def _store(self, name: str, article: Article, result: Outcome) -> None:
        report = self.report
        if isinstance(result, Failed):
            report.errors.append((name, f"extraction failed: {result.message}"))
            return
        if not isinstance(result, ArticleResult) or result.article.id != article.id:
            report.errors.append((name, "extraction failed: the pipeline returned a result for another article"))
            return
        report.warnings.extend((name, str(message)) for message in result.warnings)
        try:
            added = self.store.add(result)
        except StoreError as exc:
            report.errors.append((name, f"not stored: {exc}"))
            return
        if added:
            report.added += 1
        else:
            report.unchanged += 1
        report.article_ids.append(article.id)


def _tell(progress: Progress | None, done: int, total: int, name: str) -> None:
    if progress is not None:
        progress(done, total, name)


def ingest_paths(
    paths: Iterable[Path | str],
    store: Store,
    process: Process,
    progress: Progress | None = None,
    reprocess: bool = False,
    run: Run | None = None,
) -> IngestReport:
    """Ingest files and folders (walked recursively). Articles already stored are skipped unless
    `reprocess`, in which case their results are recomputed and replaced when they changed.
    `progress(done, total, name)` is called after each file. `run`: process many articles at once
    (a pool of workers) instead of calling `process` on each."""
    batch = _Batch(store, process, reprocess, run)
    files = collect_files(Path(p) for p in paths)
    for done, item in enumerate(files, 1):
        if isinstance(item, ArticleError):
            batch.report.errors.append((item.source, item.reason))
            _tell(progress, done, len(files), item.source)
            continue
        label = display_path(item)
        if item.suffix.lower() == ".jsonl":
            batch.stream(label, lambda warnings, item=item: iter_jsonl(item, warnings),
                         lambda n, done=done, label=label: _tell(progress, done - 1, len(files), f"{label} · {n:,}"))
        else:
            batch.load(label, lambda warnings, item=item: load_path(item, warnings))
        _tell(progress, done, len(files), label)
    return batch.flush()


def ingest_uploads(
    files: Iterable[tuple[str, bytes]],
    store: Store,
    process: Process,
    progress: Progress | None = None,
    reprocess: bool = False,
) -> IngestReport:
    """Ingest uploaded (name, bytes) pairs. Names only choose the parser and label the report."""
    batch = _Batch(store, process, reprocess)
    uploads = list(files)
    for done, (name, data) in enumerate(uploads, 1):
        label = safe_name(name)
        batch.load(label, lambda warnings, name=name, data=data: load_bytes(name, data, warnings))
        _tell(progress, done, len(uploads), label)
    return batch.flush()


def ingest_text(text: str, store: Store, process: Process, title: str = "", reprocess: bool = False) -> IngestReport:
    """Ingest pasted text as one article (read like a .txt file unless `title` is given)."""
    batch = _Batch(store, process, reprocess)
    batch.load("pasted text", lambda warnings: parse_text(text, title=title, warnings=warnings))
    return batch.flush()
