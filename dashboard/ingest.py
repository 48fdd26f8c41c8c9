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
    load_bytes,
    load_path,
    parse_text,
    safe_name,
)
from dashboard.records import Article, ArticleResult
from dashboard.store import Store, StoreError

Process = Callable[[Article], ArticleResult]
Progress = Callable[[int, int, str], None]


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
    """Runs articles through the pipeline into the store, filling one report."""

    def __init__(self, store: Store, process: Process, reprocess: bool):
        self.store, self.process, self.reprocess = store, process, reprocess
        self.report = IngestReport()
        self.seen: dict[str, str] = {}  # article id -> label where this batch first saw it

    def load(self, label: str, loader: Callable[[Warnings], list[Article]]) -> None:
        """Run one source's loader: store its articles, or report why it could not be read."""
        warnings: Warnings = []
        try:
            articles = loader(warnings)
        except ArticleError as exc:
            self.report.errors.append((exc.source, exc.reason))
        else:
            self.add_articles(label, articles)
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
        try:
            result = self.process(article)
        except Exception as exc:  # noqa: BLE001 - the pipeline is foreign code; one article must not stop the batch
            report.errors.append((name, f"extraction failed: {type(exc).__name__}: {exc}"))
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
) -> IngestReport:
    """Ingest files and folders (walked recursively). Articles already stored are skipped unless
    `reprocess`, in which case their results are recomputed and replaced when they changed.
    `progress(done, total, name)` is called after each file."""
    batch = _Batch(store, process, reprocess)
    files = collect_files(Path(p) for p in paths)
    for done, item in enumerate(files, 1):
        if isinstance(item, ArticleError):
            batch.report.errors.append((item.source, item.reason))
            _tell(progress, done, len(files), item.source)
            continue
        label = display_path(item)
        batch.load(label, lambda warnings, item=item: load_path(item, warnings))
        _tell(progress, done, len(files), label)
    return batch.report


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
    return batch.report


def ingest_text(text: str, store: Store, process: Process, title: str = "", reprocess: bool = False) -> IngestReport:
    """Ingest pasted text as one article (read like a .txt file unless `title` is given)."""
    batch = _Batch(store, process, reprocess)
    batch.load("pasted text", lambda warnings: parse_text(text, title=title, warnings=warnings))
    return batch.report
