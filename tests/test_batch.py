"""Batch runs on several processes: same results, same order, one failure never stops the rest."""

from __future__ import annotations

import os

from dashboard.batch import Failed, Workers
from dashboard.records import Article, ArticleResult


class _PidPipeline:
    """Stands in for the pipeline: records which process handled each article."""

    def process(self, article: Article) -> ArticleResult:
        if "RAISE" in article.text:
            raise ValueError("broken article")
        return ArticleResult(article=article, warnings=(str(os.getpid()),))


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text="RAISE" if i == 5 else f"text {i}") for i in range(n)]


def test_workers_keep_order_and_report_failures_in_place():
    articles = _articles(40)
    with Workers(_PidPipeline(), jobs=2, chunksize=2) as workers:
        outcomes = workers.map(articles)
        streamed = list(workers.imap(iter(articles)))
    assert [getattr(o, "article", None) and o.article.id for o in outcomes if not isinstance(o, Failed)] == [
        a.id for a in articles if a.id != "a5"
    ]
    assert outcomes[5] == Failed("a5", "ValueError: broken article")
    assert [type(o) for o in streamed] == [type(o) for o in outcomes]
    pids = {o.warnings[0] for o in outcomes if isinstance(o, ArticleResult)}
    assert str(os.getpid()) not in pids  # the work ran in the worker processes


def test_one_job_runs_here():
    with Workers(_PidPipeline(), jobs=1) as workers:
        outcomes = workers.map(_articles(6))
    assert {o.warnings[0] for o in outcomes if isinstance(o, ArticleResult)} == {str(os.getpid())}
    assert isinstance(outcomes[5], Failed)
