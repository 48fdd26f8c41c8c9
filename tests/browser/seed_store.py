"""Fill a temporary store for the browser tests.

Final state: when the extraction pipeline is on the branch, the sample article is really ingested
(`dashboard.ingest`), so the browser tests check the whole chain. Until then the store is filled
with the hand-written expectation in tests/evidence_fixture.py, through the real `Store.add`.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd

from dashboard.records import Article, ArticleResult, Event, Mention, Place, Quote, Sentence
from tests.evidence_fixture import HOSTILE_TEXT, SEED, hostile_evidence, sample_evidence

REGION_TEXT = "Drone strike in the Sumy region\n\nIn the Sumy region, a drone strike injured three people overnight.\n"


def pipeline_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("dashboard.pipeline", "dashboard.ingest"))


def results_from_evidence(df: pd.DataFrame, texts: dict[str, str]) -> list[ArticleResult]:
    """Turn evidence rows back into the records `Store.add` takes (one ArticleResult per article)."""
    results = []
    for article_id, rows in df.groupby("article_id", sort=False):
        first = rows.iloc[0]
        article = Article(id=article_id, text=texts[article_id], title=first["title"], url=first["url"],
                          published=first["published"], outlet=first["outlet"])
        events = []
        for _, r in rows.iterrows():
            place = Place(id=r["place_id"], name=r["place_name"], lat=float(r["lat"]), lon=float(r["lon"]),
                          feature=r["feature"], country=r["country"], admin1=r["admin1"],
                          precision=int(r["precision"]))
            quotes = tuple(Quote(text=q["text"], start=0, end=0, speaker=q.get("speaker", ""),
                                 role=q.get("role", "")) for q in json.loads(r["quotes"]))
            events.append(Event(
                article_id=article_id, place=place, types=tuple(r["types"].split(";")),
                modality=r["modality"],
                sentence=Sentence(index=0, start=int(r["sentence_start"]), end=int(r["sentence_end"]),
                                  text=r["sentence"]),
                mention=Mention(start=int(r["mention_start"]), end=int(r["mention_end"]),
                                surface=r["surface"]),
                event_date=r["event_date"], killed=None if pd.isna(r["killed"]) else int(r["killed"]),
                injured=None if pd.isna(r["injured"]) else int(r["injured"]), quotes=quotes))
        results.append(ArticleResult(article=article, events=tuple(events)))
    return results


def fill_store(path: Path, *, hostile: bool = False) -> str:
    """Put the sample article (and optionally the hostile one) into the store; says how."""
    from dashboard.store import Store

    store = Store(path)
    try:
        if pipeline_available():
            from dashboard.ingest import ingest_text
            from dashboard.pipeline import Pipeline

            process = Pipeline.load().process
            ingest_text(SEED.read_text(encoding="utf-8"), store, process)
            if hostile:
                ingest_text(HOSTILE_TEXT, store, process)
            ingest_text(REGION_TEXT, store, process)  # a report that names only a region
            return "pipeline"
        texts = {"a-sample": SEED.read_text(encoding="utf-8"), "a-evil": HOSTILE_TEXT}
        frames = [sample_evidence()] + ([hostile_evidence()] if hostile else [])
        for result in results_from_evidence(pd.concat(frames, ignore_index=True), texts):
            store.add(result)
        return "fixture"
    finally:
        store.close()
