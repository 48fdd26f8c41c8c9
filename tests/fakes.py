"""Test doubles: a tiny stand-in for the extraction pipeline, and article factories.

The real pipeline is someone else's module; the store and ingest tests only need ArticleResults
with plausible places, events and quotes, made deterministically from the article text.
"""

from __future__ import annotations

import re

from dashboard.articles import article_id
from dashboard.records import (
    PRECISION_REGION,
    Article,
    ArticleResult,
    Event,
    Mention,
    Place,
    Quote,
    ResolvedMention,
    Sentence,
)

PLACES = {
    "Kyiv": Place("gn:703448", "Kyiv", 50.4547, 30.5238, "city", "UA", "Kyiv City", 2_900_000),
    "Kharkiv": Place("gn:706483", "Kharkiv", 49.9808, 36.2527, "city", "UA", "Kharkiv Oblast", 1_400_000),
    "Odesa": Place("gn:698740", "Odesa", 46.4775, 30.7326, "city", "UA", "Odesa Oblast", 1_000_000),
    "Київ": Place("gn:703448", "Kyiv", 50.4547, 30.5238, "city", "UA", "Kyiv City", 2_900_000),
    "Donbas": Place("cur:donbas", "Donbas", 48.0, 38.0, "region", "UA", "", 0, PRECISION_REGION),
    "Lisbon": Place("gn:2267057", "Lisbon", 38.7167, -9.1333, "city", "PT", "Lisbon", 500_000),
}
TYPE_WORDS = {
    "missile": "missile_strike",
    "drone": "drone_strike",
    "shelling": "shelling",
    "killed": "casualties",
    "power": "infrastructure_damage",
    "talks": "diplomacy",
}


def make_article(text: str, title: str = "", published: str | None = "2024-03-05", outlet: str = "Test News",
                 url: str = "") -> Article:
    return Article(id=article_id(text), text=text, title=title, url=url, published=published, outlet=outlet)


def fake_process(article: Article) -> ArticleResult:
    """Places are the PLACES names found in the text; every sentence naming a place and a TYPE_WORD
    is an event there; 'could' makes it threatened; 'N killed' sets killed; “...” is a quote."""
    if "RAISE" in article.text:
        raise RuntimeError("pipeline exploded on purpose")
    mentions, events = [], []
    for match in re.finditer(r"[^.!?]+[.!?]?", article.text):
        sentence_text = match.group(0)
        start = match.start() + (len(sentence_text) - len(sentence_text.lstrip()))
        sentence = Sentence(len(events), start, match.end(), article.text[start : match.end()])
        types = tuple(t for word, t in TYPE_WORDS.items() if word in sentence.text.lower())
        killed = re.search(r"(\d+) (?:people )?killed", sentence.text)
        quotes = tuple(
            Quote(q.group(1), q.start(), q.end(), speaker="a spokesman", role="military")
            for q in re.finditer(r"“([^”]+)”", sentence.text)
        )
        for name, place in PLACES.items():
            for found in re.finditer(re.escape(name), sentence.text):
                mention = Mention(start + found.start(), start + found.end(), name)
                mentions.append(ResolvedMention(mention, place, 0.9, "site" if types else "mentioned"))
                if types:
                    events.append(
                        Event(
                            article_id=article.id,
                            place=place,
                            types=types,
                            modality="threatened" if "could" in sentence.text else "reported",
                            sentence=sentence,
                            mention=mention,
                            event_date=article.published,
                            killed=int(killed.group(1)) if killed else None,
                            quotes=quotes,
                        )
                    )
    if "Nowhere" in article.text:
        pos = article.text.index("Nowhere")
        mentions.append(ResolvedMention(Mention(pos, pos + 7, "Nowhere"), None, 0.0))
    return ArticleResult(article=article, mentions=tuple(mentions), events=tuple(events))


def numbered_article(i: int) -> Article:
    """The i-th of many small distinct articles, each with exactly two events (for counting)."""
    return make_article(f"Article {i}: a missile hit Kyiv. Drone debris fell in Odesa. Nothing else.",
                        title=f"Report {i}")

