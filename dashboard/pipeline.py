"""Article -> ArticleResult: the whole extraction, one direction, stage by stage.

sentences (sentences.py) -> place mentions (toponyms.py, with notplaces.py and spellings.py) -> one
place each (resolve.py) -> per sentence and place: role, event types, modality, date (events.py,
placerole.py, clauses.py, dates.py) -> quotes (quotes.py) attached to the events whose sentences they
stand in or follow.
"""

# mypy: disable-error-code="union-attr"
# (rm.place is Place | None; mentions without a place never reach the event code)

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .clauses import place_modality, place_types
from .dates import resolve_event_date
from .events import classify_sentence, count_before_place
from .gazetteer import Gazetteer
from .placerole import place_role
from .quotes import find_quotes
from .records import (
    EVENT_TYPES,
    PRECISION_REGION,
    Article,
    ArticleResult,
    Event,
    Place,
    Quote,
    ResolvedMention,
    Sentence,
)
from .resolve import Resolver
from .sentences import split_sentences
from .toponyms import LIST_GAPS, MentionFinder

_AT_CAPITAL = "@capital"  # a region's events' site: the region, placed at its capital (Pipeline.site)
# Features that can locate an event but are rarely its site when a town is named beside them.
_WATER = frozenset({"river", "sea", "lake", "reservoir", "strait"})
_BROAD = frozenset({"country", "continent"})
_REGIONAL = frozenset({"admin1", "admin2", "region", "area"})
_BROAD_OR_WATER = _BROAD | _WATER
_QUOTE_OPENERS = ('"', "“", "«", "„")
_ANAPHOR = re.compile(r"(?<![\w-])(?:the|this) (?:city|capital|town|port city|port|village)(?![\w-])", re.IGNORECASE)
_LIST_GAPS = LIST_GAPS | {" and the ", ", and the "}  # between listed names (a place may follow "the")
_NOT_PRECISE = _WATER | _BROAD | _REGIONAL


@dataclass
class Pipeline:
    """Holds what is expensive to build (gazetteer, name table) and processes articles with it."""

    gazetteer: Gazetteer
    finder: MentionFinder
    resolver: Resolver

    def site(self, place: Place) -> Place:
        """Where an event at this place is mapped. A report that names only a region ("shelling in
        the Kharkiv region") is mapped at the region's capital, as ACLED codes it (precision 3, the
        provincial capital): the capital is where such reports most often happened, and the
        region's middle is often a place nothing happened. The mentions keep the region's own point."""
        capital = self.gazetteer.seat(place) if place.feature == "admin1" else None
        if capital is None:
            return place
        return replace(place, id=place.id + _AT_CAPITAL, lat=capital.lat, lon=capital.lon, precision=PRECISION_REGION)

    def clear_cache(self) -> None:
        """Forget what was learnt of names across articles (benchmarks replaying texts call it between rounds)."""
        self.finder.clear_cache()
        self.resolver.clear_cache()

    @classmethod
    def load(cls, gazetteer_path: Path | str | None = None, country_bias: str | None = None) -> Pipeline:
        gazetteer = Gazetteer.load(gazetteer_path)
        return cls(gazetteer, MentionFinder(gazetteer), Resolver(gazetteer, country_bias))

    def process(self, article: Article) -> ArticleResult:
        text = article.text
        sentences = split_sentences(text)
        resolved = self.resolver.resolve(text, self.finder.find(text), home=outlet_country(article.url))
        quotes = tuple(find_quotes(text))
        mentions: list[ResolvedMention] = []
        events: list[Event] = []
        by_sentence = _group(resolved, sentences)
        for idx, here in by_sentence.items():  # sentences naming a place, in text order
            sentence = sentences[idx]
            if all(rm.place is None or rm.mention.cue == "demonym" for rm in here):
                mentions.extend(here)  # nothing to locate an event at: no need to read the sentence
                continue
            signals = classify_sentence(sentence.text)
            found: list[tuple[ResolvedMention, tuple[str, ...], str]] = []
            unassigned: list[ResolvedMention] = []
            for rm in here:
                if rm.place is None or rm.mention.cue == "demonym":
                    mentions.append(rm)
                    continue
                a, b = rm.mention.start - sentence.start, rm.mention.end - sentence.start
                role = place_role(sentence.text, a, b)
                if role != rm.role:  # (built directly: dataclasses.replace is slow)
                    rm = ResolvedMention(mention=rm.mention, place=rm.place, score=rm.score, role=role)
                mentions.append(rm)
                types = place_types(sentence.text, a, b, signals)
                if types:
                    found.append((rm, types, place_modality(sentence.text, a, b, signals)))
                elif role == "mentioned" or (role == "dateline" and _ANAPHOR.search(sentence.text, b)):
                    # "KHARKIV (AP) — A bomb hit a building in the city": the dateline's city is the one the lead
                    # speaks of, when it names no other
                    unassigned.append(rm)
            if not found or all(rm.place.feature in _BROAD_OR_WATER for rm, _, _ in found):
                found = found + _sole_place(unassigned, signals)  # (a country or sea named too locates nothing)
            found = _one_per_place(_drop_locators(_drop_possessors(found, sentence)))
            if not found:
                continue
            date = resolve_event_date(sentence.text, article.published)
            context = _quotes_for(text, idx, sentences, by_sentence, quotes)
            if len({rm.place.id for rm, _, _ in found}) == 1:
                context = _its_speakers(context, sentence.end, found[0][0].place.name)
            shared = len({rm.place.id for rm, types, _ in found if "casualties" in types}) > 1
            for rm, types, modality in found:
                killed, injured = _casualties(sentence, rm.mention, types, signals, here if shared else None)
                events.append(
                    Event(
                        article_id=article.id,
                        place=self.site(rm.place),  # type: ignore[arg-type]
                        types=types,
                        modality=modality,
                        sentence=sentence,
                        mention=rm.mention,
                        event_date=date,
                        killed=killed,
                        injured=injured,
                        quotes=context,
                    )
                )
        events = _with_speaker_quotes(events, mentions, by_sentence, sentences, quotes)
        return ArticleResult(article=article, mentions=tuple(mentions), events=tuple(events), quotes=quotes)


# Country-code domains whose code is not the ISO code, and generic ones that say nothing.
_TLD_COUNTRY = {"uk": "GB", "su": "RU"}
_GENERIC_TLDS = frozenset("com org net info biz news edu gov mil int eu io co tv me ms ai app online".split())


def outlet_country(url: str) -> str | None:
    """The country an outlet's web address belongs to ("https://www.lfpress.ca/..." -> "CA")."""
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


def _group(resolved: list[ResolvedMention], sentences: list[Sentence]) -> dict[int, list[ResolvedMention]]:
    """Mentions by the index of the sentence they stand in (both lists are in text order)."""
    out: dict[int, list[ResolvedMention]] = {}
    s = 0
    for rm in resolved:
        while s < len(sentences) and sentences[s].end <= rm.mention.start:
            s += 1
        if s < len(sentences) and sentences[s].start <= rm.mention.start:
            out.setdefault(s, []).append(rm)
    return out


def _with_speaker_quotes(events, mentions, by_sentence, sentences, quotes):
    """Add to each event the quotes of people the article places there ("said the military
    spokesman in Kyiv, ..."): the voices an analyst wants beside the sentence about the place."""
    speaker_at = {id(rm.mention): rm.place.id for rm in mentions if rm.role == "speaker" and rm.place}
    voiced: dict[str, list[Quote]] = {}
    for idx, here in by_sentence.items():
        places = {speaker_at[id(rm.mention)] for rm in here if id(rm.mention) in speaker_at}
        if not places:
            continue
        s = sentences[idx]
        for q in quotes:
            if q.start < s.end and q.end > s.start:
                for place_id in places:
                    if q not in voiced.setdefault(place_id, []):
                        voiced[place_id].append(q)
    if not voiced:
        return events
    out = []
    for ev in events:
        if ev.modality != "reported":
            out.append(ev)
            continue
        extra = tuple(q for q in voiced.get(ev.place.id, ()) if q not in ev.quotes)
        out.append(replace(ev, quotes=ev.quotes + extra) if extra else ev)
    return out


def _casualties(sentence: Sentence, mention, types, signals, shared) -> tuple[int | None, int | None]:
    """(killed, injured) at one event site: the sentence's counts when it is the only site with casualties;
    where several share the sentence (`shared`: its mentions), only a count it gives that place alone
    ("killed two people in Kostiantynivka and one in Pokrovsk"), since its total is theirs together; not
    for a place that a list goes on from ("five killed in Kherson and Beryslav": five in both)."""
    if "casualties" not in types:
        return None, None
    if shared is None:
        return signals.killed, signals.injured
    after = [rm.mention.start for rm in shared if rm.mention.start >= mention.end]
    if after and sentence.text[mention.end - sentence.start : min(after) - sentence.start] in _LIST_GAPS:
        return None, None
    own = count_before_place(sentence.text, mention.start - sentence.start)
    if own is None:
        return None, None
    kind, n = own
    return (n, None) if kind == "killed" else (None, n)


def _sole_place(unassigned: list[ResolvedMention], signals) -> list:
    """A sentence reports a strike, damage or fighting but ties it to no place, and names one
    place only ("Strike on school nr. 6 in Kostyantynivka, Donetsk"): the event happened there.
    Countries, seas and speakers never qualify; several candidate places leave it undecided."""
    types = tuple(t for t in signals.types if t not in ("diplomacy", "aid"))
    if not types:
        return []
    candidates = [rm for rm in unassigned if rm.place.feature not in _BROAD_OR_WATER]
    towns = [rm for rm in candidates if rm.place.feature not in _REGIONAL]
    pick = towns if towns else candidates
    if len({rm.place.id for rm in pick}) != 1:
        return []
    return [(pick[0], types, signals.modality)]


def _drop_possessors(found, sentence: Sentence):
    """"Moscow's Krasnogorsk suburb", "Russia's Kursk region": a place before a possessive only locates the
    place named right after it, which is the site."""
    starts = {rm.mention.start for rm, _, _ in found}
    text, base = sentence.text, sentence.start
    kept = [f for f in found
            if not (f[0].mention.end + 3 in starts and text.startswith(("'s ", "’s "), f[0].mention.end - base))]
    return kept if len(kept) < len(found) else found


def _drop_locators(found):
    """In one sentence, a region, country or river named beside a town locates the town; it is not
    a second site ("Oleksandrivka, Donetsk region"; "Kharkiv, Ukraine"; "Kherson on the Dnipro")."""
    # A country is too vague to map a strike at; it stays a site only for aid and diplomacy.
    found = [f for f in found if f[0].place.feature not in _BROAD or not set(f[1]) - {"aid", "diplomacy"}]
    precise = [rm.place for rm, _, _ in found if rm.place.feature not in _NOT_PRECISE]
    if not precise:
        water_or_region = [f for f in found if f[0].place.feature not in _BROAD]
        return water_or_region or found
    keep = []
    for item in found:
        place = item[0].place
        if place.feature in _WATER or (place.feature in _BROAD and set(item[1]) - {"aid", "diplomacy"}):
            continue
        if place.feature in _REGIONAL:
            # A region whose towns take its every type only locates them; one with a type of its own is a
            # site too ("air strikes across the Gaza Strip, as troops pressed on in Rafah")
            towns = [f for f in found if f[0].place.feature not in _NOT_PRECISE
                     and f[0].place.admin1 and f[0].place.admin1 == place.admin1]
            if towns and set(item[1]) <= {t for f in towns for t in f[1]}:
                continue
        keep.append(item)
    return keep


def _its_speakers(quotes: tuple[Quote, ...], after: int, place: str) -> tuple[Quote, ...]:
    """"Kharkiv has run out of electricity. Its mayor said ...": in the sentences after the one naming
    the place (and only it), "its mayor" is that place's mayor, and the panel should say so."""
    return tuple(
        replace(q, speaker=f"{place}'s {q.speaker[4:]}")
        if q.start >= after and q.speaker[:4].lower() == "its " and len(q.speaker) > 4 else q
        for q in quotes
    )


def _one_per_place(found):
    """One event per place and modality in a sentence, with the types of all its mentions: "PARIS, Mo."
    and "Dublin [Gomel Region]" name one place twice (the town falls back to its region)."""
    out: dict[tuple[str, str], tuple] = {}
    for rm, types, modality in found:
        key = (rm.place.id, modality)
        if key in out:
            merged = set(out[key][1]) | set(types)
            out[key] = (out[key][0], tuple(t for t in EVENT_TYPES if t in merged), modality)
        else:
            out[key] = (rm, types, modality)
    return list(out.values()) if len(out) < len(found) else found


def _quotes_for(text, idx, sentences, by_sentence, quotes) -> tuple[Quote, ...]:
    """Quotes in the sentence, and in the sentences after it until another place is named: in the same
    paragraph ("Kharkiv has run out of electricity. Its mayor said the damage is "colossal"."), and in a
    next paragraph that opens with a quotation (the official's words after the report: "... in Lviv, Mayor
    Andriy Sadovyi said.\n"Critical infrastructure was hit," Sadovyi wrote.")."""
    sentence = sentences[idx]
    end = sentence.end
    j = idx + 1
    crossed = False
    while j < len(sentences) and j not in by_sentence:
        if "\n" in text[sentences[j - 1].end : sentences[j].start]:
            if crossed or not sentences[j].text.startswith(_QUOTE_OPENERS):
                break
            crossed = True
        end = sentences[j].end
        j += 1
    return tuple(q for q in quotes if q.start < end and q.end > sentence.start)


def to_eval_record(result: ArticleResult) -> dict:
    """The `strikemap extract` line for one article (format: ../shared/eval/README.md)."""
    places = [
        {
            "start": rm.mention.start,
            "end": rm.mention.end,
            "name": rm.mention.surface,
            "lat": rm.place.lat if rm.place else None,
            "lon": rm.place.lon if rm.place else None,
            "place_id": rm.place.id if rm.place else None,
            "feature": rm.place.feature if rm.place else None,
            "precision": rm.place.precision if rm.place else None,
            "role": rm.role,
            "kind": "demonym" if rm.mention.cue == "demonym" else "toponym",
        }
        for rm in result.mentions
    ]
    sites: dict[str, dict] = {}
    for ev in result.events:
        if ev.modality != "reported" or ev.place.feature in _BROAD:
            continue
        if not (set(ev.types) - {"diplomacy", "aid"}):
            continue
        site = sites.setdefault(
            ev.place.id,
            {
                "lat": ev.place.lat,
                "lon": ev.place.lon,
                "name": ev.place.name,
                "place_id": ev.place.id,
                "admin1": ev.place.admin1,
                "precision": ev.place.precision,
                "types": [],
                "date": ev.event_date,
                "sentence": ev.sentence.text,
            },
        )
        site["types"] = sorted(set(site["types"]) | set(ev.types))
    return {"id": result.article.id, "places": places, "events": list(sites.values())}

