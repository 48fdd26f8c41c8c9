"""Plain records passed between pipeline stages, and the shared vocabulary (event types, modality).

Every stage takes and returns these frozen dataclasses so that each stage can be tested alone and
no stage reaches into another's internals. The ids here are the ones used in the store, the
dashboard's filters, the exports and the `strikemap extract` output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The event taxonomy (see the README); order is the legend's order.
EVENT_TYPES: tuple[str, ...] = (
    "air_strike",
    "drone_strike",
    "missile_strike",
    "shelling",
    "explosion",
    "interception",
    "infrastructure_damage",
    "casualties",
    "ground_fighting",
    "military_movement",
    "diplomacy",
    "aid",
)

# How the dashboard groups the event-type filter.
TYPE_GROUPS: dict[str, tuple[str, ...]] = {
    "strikes": ("air_strike", "drone_strike", "missile_strike", "shelling", "explosion", "interception"),
    "effects": ("infrastructure_damage", "casualties"),
    "ground": ("ground_fighting", "military_movement"),
    "political": ("diplomacy", "aid"),
}

# Types that make a place a strike site (what the evaluation calls an event site).
STRIKE_TYPES: frozenset[str] = frozenset(TYPE_GROUPS["strikes"] + TYPE_GROUPS["effects"])

# reported: it happened; threatened/expected: warnings and speculation; denied: said not to have happened.
MODALITIES: tuple[str, ...] = ("reported", "threatened", "expected", "denied")

# ACLED-style geographic precision: 1 the named town itself, 2 near a town / part of a region,
# 3 only a region (oblast, "Donbas", "the south"), a country, a sea or a river.
PRECISION_TOWN, PRECISION_NEAR, PRECISION_REGION = 1, 2, 3


@dataclass(frozen=True)
class Article:
    """One news article; `id` is a hash of its content so re-ingesting it changes nothing."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: str | None = None  # ISO date YYYY-MM-DD
    outlet: str = ""
    path: str = ""


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # character offsets into Article.text
    end: int
    text: str


@dataclass(frozen=True)
class Place:
    """A gazetteer record, as the rest of the pipeline sees it."""

    id: str  # "gn:703448" for GeoNames, "ua:<katottg id>", "cur:<slug>" for curated records
    name: str
    lat: float
    lon: float
    feature: str  # city | admin1 | admin2 | country | region | river | sea | settlement ...
    country: str  # ISO 3166-1 alpha-2, "" for seas and international areas
    admin1: str = ""
    population: int = 0
    precision: int = PRECISION_TOWN
    source: str = ""


@dataclass(frozen=True)
class Mention:
    """A span of article text that names a place."""

    start: int
    end: int
    surface: str  # the text exactly as in the article: text[start:end]
    cue: str = ""  # a feature hint from context: "river", "region", "village", "city", ...
    key: str = ""  # gazetteer key(s) matched when not the surface's own: "Popasana" -> "popasna" ("|" between several)


@dataclass(frozen=True)
class ResolvedMention:
    mention: Mention
    place: Place | None  # None: recognised as a place name, but not placed
    score: float = 0.0
    role: str = "mentioned"  # site | origin | speaker | dateline | venue | donor | aid_site | actor | mentioned


@dataclass(frozen=True)
class Quote:
    """A direct quotation in the article and who said it, when the article says."""

    text: str
    start: int
    end: int
    speaker: str = ""
    role: str = ""  # "military spokesman in Kyiv", "Defense Minister", ...


@dataclass(frozen=True)
class Event:
    """One thing that happened (or was threatened) at one place, with the sentence that says so."""

    article_id: str
    place: Place
    types: tuple[str, ...]
    modality: str
    sentence: Sentence
    mention: Mention
    event_date: str | None = None  # ISO date
    killed: int | None = None
    injured: int | None = None
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class ArticleResult:
    """Everything the pipeline found in one article: the input to the store."""

    article: Article
    mentions: tuple[ResolvedMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())
