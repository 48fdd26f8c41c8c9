"""The role of a place named in a sentence: where something happened, or who spoke, acted or gave there.

Roles: `site` (where a strike, its damage or fighting happened, "missiles struck Kharkiv"), `origin`
("drones launched from Kursk"), `speaker` ("Moscow said", the source credited after a headline's
dash), `dateline` (where a wire story is filed from: "KYIV, Ukraine (AP) —"), `venue` (talks held
there), `actor` (a state or its forces acting, "Russia has launched", "the Armed Forces of Ukraine"),
`donor` and `aid_site` (aid given, aid delivered), and `mentioned` for the rest (comparisons, rivers,
"the President of Belarus", where people fled to, the ends of a route). The role decides which of the
sentence's types the place takes (clauses.place_types): a site the event types, a venue diplomacy, a
donor or an aid site aid, the others none. The cues are patterns over the words just before and after the name, read
with the sentence's analysis (events.py); those before it are tested on the reversed text (see
regexmirror.py), one position tried instead of a search.
"""

from __future__ import annotations

import re

from dashboard.events import sentence_analysis, sentence_cache
from dashboard.records import TYPE_GROUPS
from dashboard.regexmirror import mirror
from dashboard.textscan import contains_any

# States, capitals and blocs: the names that news use metonymically for a government.
_STATES = frozenset((
    "russia", "ukraine", "belarus", "moscow", "kremlin", "the kremlin", "kyiv", "kiev", "minsk", "washington",
    "united states", "the united states", "us", "u.s.", "usa", "america", "uk", "u.k.", "britain",
    "great britain", "united kingdom", "the united kingdom", "london", "germany", "berlin", "france", "paris",
    "poland", "warsaw", "china", "beijing", "turkey", "ankara", "iran", "tehran", "nato", "european union",
    "the european union", "eu", "the eu", "brussels", "the west", "israel", "japan", "tokyo", "canada",
    "ottawa", "italy", "rome", "russian federation", "the russian federation",
))
_LOCATION_BEFORE = re.compile(
    r"(?<![\w-])(?:in|on|at|near|nearby|outside|around|over|into|inside|across|toward|towards|to|of|against"
    r"|from|hit|hitting|hits|struck|striking|strike|strikes|shelled|shelling|bombed|bombing"
    r"|targeted|targeting"
    r"|attacked|attacking|attack|attacks|invaded|invading|entered|entering|captured|capture|liberated"
    r"|liberate|took|take|taking|seized|reached|approach\w*|outskirts of|north of|south of|east of|west of"
    r"|km from|kilometres from|kilometers from|miles from|between|and|or|,)"
    r"\s+(?:the\s+)?(?:(?:capital|city|town|village|region|oblast|settlement|district|port city|port|centre"
    r"|center|north|south|east|west|northern|southern|eastern|western|central|occupied|besieged|frontline"
    r"|front-line|key|strategic|embattled|nearby|ukrainian|russian|southern|small|large)\s+(?:of\s+)?)*$"
)
_ORIGIN_BEFORE = re.compile(
    r"(?<![\w-])(?:launch\w*|fired|fire|firing|shot|attack\w*|strikes?|struck|flew|flying|flown"
    r"|entered|entering|crossed|crossing|took off|taking off|invad\w*|advanc\w*|sent|moved|moving)\s+"
    r"(?:[^\s]+\s+){0,5}?from\s+(?:the\s+)?(?:territory of\s+|directions?(?:\s+of)?:?\s+|area of\s+|side of\s+)?$"
)
_SPEAKER_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:[^\s]+\s+){0,2}?(?:said|says|say|saying|claim\w*|stated|states|announced|announces"
    r"|reported|reports|accus\w+|denied|denies|insist\w*|warned|warns|told|tells|believes?|alleged|alleges"
    r"|confirm\w*|declared|added|noted|argued|responded|blamed|condemned|is trying|tries|has said"
    r"|maintains?|spokes\w+|officials?|authorities|government|administration|ministry|correspondent|reporter"
    r"|envoy|ambassador|embassy|press service|mayor|governor|leadership|regime)(?![\w])"
)
_SPEAKER_BEFORE = re.compile(
    r"(?<![\w-])(?:spokes\w+|officials?|correspondent|reporter|journalist|authorities|government|ministry"
    r"|envoy|ambassador|embassy|sources?|analysts?|commentators?|diplomats?|leaders?|warnings?|statements?"
    r"|claims?|accusations?|according to|said by|comments?|message|appeal)\s+(?:in|from|of|by|to)?\s*"
    r"(?:the\s+)?$"
)
_VENUE_BEFORE = re.compile(
    r"(?<![\w-])(?:visit\w*|visit to|trip to|travel\w* to|arriv\w* in|talks in|meeting in|meet\w* in"
    r"|summit in|negotiations in|hosted|host|held in|met in|conference in|gathered in|flew to|flies to)"
    r"\s+(?:the\s+)?$"
)
_TITLE_OF_BEFORE = re.compile(
    r"(?<![\w-])(?:president|prime minister|premier|leader|minister|king|queen|head|chief|ambassador|embassy"
    r"|government|people|citizens|parliament|capital|flag|anthem|foreign minister"
    r"|defen[cs]e minister)\s+of\s+"
    r"(?:the\s+)?$"
)
# "by the Armed Forces of Ukraine", "units of the army of Russia": the place names whose forces act.
_FORCES_OF_BEFORE = re.compile(
    r"(?<![\w-])(?:armed forces|forces|army|troops|military|navy|air force|soldiers|servicemen"
    r"|units|militants"
    r"|formations|general staff)\s+of\s+(?:the\s+)?$"
)
# "smoke rising from", "footage from", "reports from": the place is where the event is seen, not a
# launch origin, even after a verb of firing earlier in the sentence.
_SEEN_FROM_BEFORE = re.compile(
    r"(?<![\w-])(?:smoke|flames|fire|footage|videos?|images?|photos?|imagery|pictures|reports?|sounds?"
    r"|heard|seen|visible|rising|coming up|billowing|pouring|filmed"
    r"|captured)(?:\s+\S+)?\s+from\s+(?:the\s+)?$"
)
_INSIDE_BEFORE = re.compile(r"(?<![\w-])(?:in|at|inside)\s+(?:the\s+)?$")
_RECIPIENT_BEFORE = re.compile(r"(?<![\w-])(?:to|for|into)\s+(?:the\s+)?$")
_DONOR_AFTER = re.compile(
    r"^(?:['’]s)?[^.;]{0,60}?(?<![\w-])(?:announc\w+|pledg\w+|will send|sends?|sent|provid\w+|donat\w+"
    r"|agreed to|approved|gave|gives|offer\w*|supplies|supplied|deliver\w*|promis\w+|train\w*|will expand)"
    r"(?![\w])"
)
_DONOR_BEFORE = re.compile(r"(?<![\w-])(?:from|by|of)\s+(?:the\s+)?$")
_ACTOR_AFTER = re.compile(
    r"^(?:['’]s\s+(?:[^\s]+\s+){0,2}?(?:recruits|troops|forces|army|military|allies|president|government"
    r"|leaders?|citizens|soldiers|navy|air force|offensive|invasion|war|attacks?|strikes?|missiles?|drones?)"
    r"|,?\s*(?:has|have|had|is|was|were|are|will|would|could|can|may|might|continues?|continued|also"
    r"|appears?|seems?|launch\w*|attack\w*|struck|fired|invad\w*|shell\w*|bomb\w*|us\w+|hopes?|wants?"
    r"|plans?|planned|prepar\w*|tried|tries|mobili\w+|deploy\w*|sent|sends|keeps?|began|begins?|started"
    r"|and\s+[^\s]+\s+(?:have|are|were|has)))(?![\w])"
)
_ACTOR_BEFORE = re.compile(
    r"(?<![\w-])(?:by|accus\w+|blamed|condemned|urged|called on|warned|is"
    r"|was)\s+(?:the\s+)?$"
)
_PASSIVE_AFTER = re.compile(
    r"^\s*(?:[^\s]+\s+){0,3}?(?:hit|struck|attacked|shelled|bombed|targeted|damaged|destroyed"
    r"|affected|plunged"
    r"|left|rocked|pounded|run out|ran out|lost|without|under (?:fire|attack)|came under|suffered)(?![\w])"
)
_RIVER_AFTER = re.compile(r"^\s*(?:river|river's|river’s|riverbank|estuary)(?![\w])")
_COMPARE_BEFORE = re.compile(
    r"(?<![\w-])(?:than|like|such as|compared (?:to|with)|similar to|unlike|born in|native of"
    r"|based in|named after|rather than|bigger than|larger than|second to)\s+(?:the\s+)?$"
)
# Where people flee to or are treated, and the ends of a route: places passed through, not where anything
# happened ("fled to Mykolaiv and Odesa", "treated in a hospital in Dnipro", "a train from Kyiv to Przemysl").
_PASSAGE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:fled|flee|flees|fleeing|evacuated|relocated|transferred|deported|treated|hospitali[sz]ed"
    r"|taken to (?:a )?hospital)(?:\s+[^\s.;,]+){0,4}?\s+(?:to|in|into)"
    r"|(?:trains?|flights?|bus(?:es)?|routes?|roads?|highway|motorway|journey|trip|ferry)\s+(?:from|to|between)"
    r"(?:(?:\s+[^\s.;,]+){1,3}?\s+(?:to|and))?)(?:\s+(?:the|a|an))?\s+$"
)
_DIRECTION_WORDS = ("direction", "axis", "sector", "front", "bridgehead")
_DIRECTION_AFTER = re.compile(rf"^\s*(?:{'|'.join(_DIRECTION_WORDS)})(?![\w])")

EVENT_SITE_TYPES = frozenset(TYPE_GROUPS["strikes"] + TYPE_GROUPS["effects"] + TYPE_GROUPS["ground"])

# The *_BEFORE cues as tests on the reversed text before a name (see regexmirror.py).
_ORIGIN_ENDS = mirror(_ORIGIN_BEFORE).match
_SEEN_FROM_ENDS = mirror(_SEEN_FROM_BEFORE).match
_INSIDE_ENDS = mirror(_INSIDE_BEFORE).match
_LOCATION_ENDS = mirror(_LOCATION_BEFORE).match
_RECIPIENT_ENDS = mirror(_RECIPIENT_BEFORE).match
_DONOR_ENDS = mirror(_DONOR_BEFORE).match
_ACTOR_ENDS = mirror(_ACTOR_BEFORE).match
# The cues _place_role tries first, in its order, as one test: the name of the first that matches.
_FIRST_CUES = (("compare", _COMPARE_BEFORE), ("passage", _PASSAGE_BEFORE), ("speaker", _SPEAKER_BEFORE),
               ("venue", _VENUE_BEFORE), ("forces_of", _FORCES_OF_BEFORE), ("title_of", _TITLE_OF_BEFORE))
_FIRST_CUE_ENDS = re.compile("|".join(f"(?P<{name}>{mirror(p).pattern})" for name, p in _FIRST_CUES)).match


def _is_state(name: str) -> bool:
    return name.strip() in _STATES


def place_role(text: str, start: int, end: int) -> str:
    """Role of the place named at text[start:end] within the one sentence `text` (see module docs)."""
    if not text or not isinstance(text, str) or not (0 <= start < end <= len(text)):
        return "mentioned"
    return _place_role(text, start, end)


# Words of a source credited after a headline's dash ("... - Kyiv Post", "... - VGA Energodar").
_SOURCE_WORDS = frozenset(
    "post independent times news tv radio agency ministry administration headquarters governor mayor "
    "council police service staff command media channel telegram pravda inform ukrinform tass ria interfax".split()
)


# What follows the place of a wire story's dateline: its region or country, the date, the agency, then a
# dash ("KYIV, Ukraine (AP) —", "KHARKIV, Nov 20 (Reuters) -", "Kherson, November 20 (Ukrinform) –").
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2}(?=[\s,(]))?"
    rf"(?P<date>,?\s*(?:(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s*\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}))?"
    r"\s*(?P<agency>\([^()\n]{1,40}\))?"
    r"\s*[-–—]{1,2}\s",
    re.IGNORECASE,
)


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the place opening the sentence is the story's dateline: where the reporter files from, not
    where anything happened ("KYIV, Ukraine (AP) — A Russian missile slammed into Sumy"). A name in mixed
    case counts only with the date or the agency, so that "Kharkiv - explosions reported" stays a headline."""
    m = _DATELINE_AFTER.match(text, end)
    if m is None:
        return False
    name = text[start:end]
    return name.isupper() and len(name) > 2 or bool(m.group("date") or m.group("agency"))


def _in_attribution(text: str, low: str, start: int, end: int) -> bool:
    """Whether the place stands in the source credited at the end of a headline ("Missiles hit Odesa -
    Kyiv Post", "One died in Kamianka - VGA Energodar"): a short tail after a dash, with an outlet's or
    an office's word or initials beside the name. "... - Kyiv and Lviv" is a list, not a source."""
    lo = max(0, start - 80)  # a credit is a few words long: no need to search a long sentence back to its start
    dash = max(low.rfind(" - ", lo, start), low.rfind(" – ", lo, start), low.rfind(" — ", lo, start))
    if dash < 0:
        return False
    tail = text[dash + 3 :].rstrip(" .")
    words = tail.split()
    if len(words) > 5 or "," in tail or " and " in tail.lower():
        return False
    others = (text[dash + 3 : start] + " " + text[end:]).split()
    return any(w.lower().strip(".") in _SOURCE_WORDS or (w.isupper() and 2 <= len(w) <= 5) for w in others)


# A name listed after another ("from the Kursk region and the Black Sea"): the conjunction before it,
# and the words a name before it may have besides capitalised ones.
_CONJUNCTION_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")
_NAME_WORDS = frozenset("the region oblast krai province district sea".split())
_LIST_ENDS = (" and ", ", ", " or ", " and the ", ", the ")
# Every _PASSAGE_BEFORE match has one of these: most lists are decided without reading back along them.
_PASSAGE_WORDS = ("fle", "evacuat", "relocat", "transfer", "deport", "treat", "hospital", "train", "flight", "bus",
                  "route", "road", "highway", "motorway", "journey", "trip", "ferry")


def _before_list(text: str, start: int) -> list[str]:
    """When the place continues a list ("from the Kursk region and the Black Sea", "fled to Mykolaiv and
    Odesa"), the lower-cased text before the list's first name, for each way of reading the capitalised
    words before the conjunction as that name (at most eight: "from the directions: Kursk, Oryol, ..."); else
    nothing."""
    before = text[max(0, start - 100) : start]
    conj = _CONJUNCTION_BEFORE.search(before)
    if conj is None:
        return []
    words = before[: conj.start()].split()
    out = []
    for k in range(1, min(8, len(words)) + 1):
        word = words[-k]
        if not (word[:1].isupper() or word.lower() in _NAME_WORDS):
            break
        out.append(" ".join(words[:-k]).lower() + " ")
    return out


def _listed_origin(text: str, start: int) -> bool:
    """Whether the place continues a list of launch origins: "missiles launched from the Kursk region
    and the Black Sea" (the names before it, capitalised words, are skipped back to the "from")."""
    return any(_ORIGIN_BEFORE.search(rest) and not _SEEN_FROM_BEFORE.search(rest) for rest in _before_list(text, start))


def _listed_passage(text: str, start: int) -> bool:
    """Whether the place continues a list of places passed through: "fled to Mykolaiv and Odesa"."""
    return any(_PASSAGE_BEFORE.search(rest) for rest in _before_list(text, start))


@sentence_cache
def _place_role(text: str, start: int, end: int) -> str:
    low, found = sentence_analysis(text)
    name = low[start:end]
    before = low[max(0, start - 100):start]
    after = low[end:end + 100]
    # What the *_ENDS tests read. (Each cue spans a few words at most, 11 for the origin: searching just
    # those last words found the same, at less cost, until the tests were mirrored to try one position.)
    back = before[::-1]
    has_event = not EVENT_SITE_TYPES.isdisjoint(found)
    state = _is_state(name) or _is_state(name.removeprefix("the "))

    # Descriptive mentions: rivers, hyphenated compounds ("the Ukraine-Belarus border"), comparisons.
    lead = after.lstrip()  # the _RIVER_AFTER and _DIRECTION_AFTER words come first in it
    if name.endswith(" river") or after.startswith("-") or before.endswith("-") or (
        lead.startswith(("river", "estuary")) and _RIVER_AFTER.match(after)
    ):
        return "mentioned"
    if _in_attribution(text, low, start, end):
        return "speaker"
    if start == 0 and _dateline(text, start, end):  # (a sentence starts at its first word)
        return "dateline"
    cue = _FIRST_CUE_ENDS(back)
    first = cue.lastgroup if cue is not None else None
    if first in ("compare", "passage") or (
        before.endswith(_LIST_ENDS) and contains_any(before, _PASSAGE_WORDS) and _listed_passage(text, start)
    ):
        return "mentioned"
    if "from" in before and (
        (_ORIGIN_ENDS(back) and not _SEEN_FROM_ENDS(back)) or _listed_origin(text, start)
    ):
        return "origin"
    if first == "speaker":
        return "speaker"
    if name in ("kremlin", "the kremlin") and not _INSIDE_ENDS(back):
        return "speaker"
    if first == "venue":
        return "venue"
    if first == "forces_of":
        return "actor"
    if first == "title_of":
        # "Alexander Lukashenko, the President of Belarus"; "said Pavlo Kyrylenko, head of the Donetsk regional
        # military administration": an office's place, which speaks, is no site of what the sentence reports
        return "speaker" if _SPEAKER_AFTER.match(after) else "mentioned"
    if state and _ACTOR_AFTER.match(after) and after[:1] in "'’":
        return "actor"  # "half of Russia’s 300,000 new recruits"
    located = _LOCATION_ENDS(back) is not None
    if lead.startswith(_DIRECTION_WORDS) and _DIRECTION_AFTER.match(after):
        return "site"
    if "aid" in found and not has_event:
        if located and _RECIPIENT_ENDS(back):
            return "mentioned"
        if state and _DONOR_ENDS(back):
            return "donor"
        if located and not before.rstrip().endswith((",", "and", "or")):
            return "aid_site"
        if state and _DONOR_AFTER.match(after):
            return "donor"
    if located and not before.rstrip().endswith((",", "and", "or")):
        if has_event:
            return "site"
        if "diplomacy" in found:
            return "venue"
        return "mentioned"
    if _SPEAKER_AFTER.match(after):
        if state or not has_event:
            return "speaker"
        return "site"
    if state:
        if _PASSIVE_AFTER.match(after) and has_event:
            return "site"
        if _ACTOR_AFTER.match(after) or _ACTOR_ENDS(back):
            return "actor"
        if "aid" in found and _DONOR_AFTER.match(after):
            return "donor"
    if has_event:
        return "site"
    if "diplomacy" in found and located:
        return "venue"
    return "actor" if state and _ACTOR_AFTER.match(after) else "mentioned"
