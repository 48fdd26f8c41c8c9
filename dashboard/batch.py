"""Run the pipeline over many articles on several processes: bulk `ingest` and `extract` use the
machine's cores rather than one.

Workers are forked once the pipeline is loaded, so the gazetteer (the costly part: about a second
and 250 MB) is built once and shared copy-on-write. Articles go to the workers and results come
back by pickling, which costs little beside extraction. Results come back in input order, and an
article the pipeline fails on gives a `Failed` in its place: one bad article never stops a batch.
With one job, or where fork is unavailable, everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .records import Article, ArticleResult

if TYPE_CHECKING:
    from .pipeline import Pipeline


@dataclass(frozen=True)
class Failed:
    """The pipeline raised on this article: what an error report needs, and nothing unpicklable."""

    article_id: str
    message: str  # "ValueError: ..."


Outcome = ArticleResult | Failed


def process_one(process, article: Article, then=None) -> Outcome:
    """`process(article)` (then `then(result)`), with an exception turned into a Failed."""
    try:
        result = process(article)
        return then(result) if then is not None else result
    except Exception as exc:  # noqa: BLE001 - the pipeline is foreign code to a batch
        return Failed(article.id, f"{type(exc).__name__}: {exc}")


def resolve_jobs(jobs: int) -> int:
    """0 means one job per core."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


class Workers:
    """A pool of forked processes that each hold the pipeline; `map` keeps input order.

        with Workers(pipeline, jobs=4) as workers:
            outcomes = workers.map(articles)

    `then`, if given, is applied to each result in the worker (`extract` turns results into their
    JSON lines there, so the parent process only writes them out).
    """

    def __init__(self, pipeline: Pipeline, jobs: int = 1, chunksize: int = 4, then=None) -> None:
        self.pipeline = pipeline
        self.then = then
        self.jobs = resolve_jobs(jobs)
        self.chunksize = chunksize
        self._pool = None

    def __enter__(self) -> Workers:
        if self.jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            gc.collect()
            gc.freeze()  # the pipeline's objects stay out of the workers' collections: fewer pages copied
            ctx = multiprocessing.get_context("fork")
            self._pool = ctx.Pool(self.jobs, initializer=_adopt, initargs=(self.pipeline, self.then))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            gc.unfreeze()

    def map(self, articles: list[Article]) -> list[Outcome]:
        if self._pool is None:
            return [process_one(self.pipeline.process, a, self.then) for a in articles]
        return self._pool.map(_work, articles, self.chunksize)

    def imap(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Like map, as a stream. The pool reads `articles` from a thread of its own, so the
        iterable must not touch objects bound to this thread (an SQLite connection)."""
        if self._pool is None:
            return (process_one(self.pipeline.process, a, self.then) for a in articles)
        return self._pool.imap(_work, articles, self.chunksize)


# Each worker's own copy of the pipeline (and `then`), set once when the worker starts; never in
# the parent process.
_worker: tuple = ()


def _adopt(pipeline: Pipeline, then) -> None:
    global _worker
    _worker = (pipeline, then)


def _work(article: Article) -> Outcome:
    pipeline, then = _worker
    return process_one(pipeline.process, article, then)
