"""Direct quotations in an article and who said them.

Analysts weigh a claim by its source, so each quote carries the speaker's name and role when the
article gives them: "said the military spokesman in Kyiv, Mykhalilo Shamanov", a later "Reznikov
said" (resolved to the full name and title given earlier), "he says" (the most recently named
speaker) and a quote-only paragraph that continues the previous paragraph's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from dashboard.records import Quote
from dashboard.textscan import matches_at, offsets

# Opening mark -> closing marks it accepts.
_CLOSERS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’", "”": "”"}
_QUOTE_CHARS = "“”„\"«»‘’\n"
_OPENERS = tuple(c for c in _CLOSERS if c != "”")  # the marks a quotation can open with
_MAX_QUOTE = 4000

_VERBS = (
    r"said|says|say|added|adds|told|tells|stated|states|explained|explains|noted|notes|wrote|writes"
    r"|reported|reports|declared|declares|insisted|insists|warned|warns|stressed|stresses|emphasi[sz]ed"
    r"|continued|continues|asked|asks|replied|replies|claimed|claims|announced|announces|commented"
    r"|comments|remarked|recalled|recalls|argued|argues|points out|pointed out|concluded|admitted"
    r"|acknowledged|confirmed|posted|tweeted|according to|explain"
)
_UPPER = "A-ZА-ЯІЇЄҐ"
_NAME_TOKEN = rf"[{_UPPER}](?:[\w'’-]+|\.)?"
# "…,” said the military spokesman in Kyiv, Mykhalilo Shamanov."  /  "…,” says Zhanna Bezpiatchuk."
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:{_VERBS})\s+(?P<who>[^.;!?\n“”\"«»]+?)\s*"
    rf"(?=[.;!?\n“\"«]|,\s*(?:adding|who|whose|as|in an?|on|at|during|when|while)\b|$)"
)
# "…,” Reznikov said."  /  "…,” he says."
_AFTER_WHO_FIRST = re.compile(
    rf"^[\s,]*(?P<who>(?:{_NAME_TOKEN}\s+){{0,4}}{_NAME_TOKEN}|he|she|they|we|i|it|(?:the|its|his|her|their|a|an)"
    rf"\s+[\w\s'’-]{{1,60}}?)\s*,?\s+(?:{_VERBS})(?![\w])"
)
# "General Valery Zaluzhny, said: “…”"  /  "Its mayor said that the damage caused is “colossal.”"
_SPEECH_VERB = re.compile(rf"(?<![\w])(?:{_VERBS})(?![\w])")
_PRONOUNS = frozenset(("he", "she", "they", "we", "i", "it"))

def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_TITLE_WORDS = _words(
    """president vice prime minister ministers general gen. gen colonel col. lt. lieutenant major maj. captain
    capt. sergeant mayor governor spokesman spokeswoman spokesperson commander chief head secretary ambassador
    deputy defense defence foreign interior economy energy finance justice health ukrainian russian belarusian
    american british german french polish military army adviser advisor analyst correspondent official senior
    top former acting presidential press service security council national armed forces staff the
    chairman chairwoman speaker director envoy representative mr. mrs. ms. dr. prof. sir lord marshal admiral
    kremlin pentagon white house state department ministry of"""
)
_ROLE_NOUNS = re.compile(
    r"(?<![\w])(?:spokes(?:man|woman|person)|correspondent|minister|president|mayor|governor|commander|chief"
    r"|head|adviser|advisor|analyst|official|reporter|journalist|general|ambassador|secretary|director"
    r"|leader|expert|deputy|aide|representative|editor|professor|researcher|resident|witness|soldier"
    r"|doctor|envoy|chairman|chairwoman|colonel|lieutenant|officer|commentator|blogger)s?(?![\w])",
    re.IGNORECASE,
)
_ORG_WORDS = _words(
    """service ministry union states forces army agency council republic oblast region office department
    committee news times post press tass reuters guard command staff bureau nations kingdom war reich"""
)
# Capitalised words that start sentences or name days and months, never part of a person's name.
_NOT_NAME = _words(
    """is on in at by to of for from with without and but or as if so both the a an it its this that these
    those separately additionally therefore although until while after before during since next previous
    another half allies what how why where who when monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december i we he she they
    there here then now later meanwhile earlier however also today yesterday overnight"""
)
# Two to six capitalised words. Written as (?<![\w'’-])(?:{_NAME_TOKEN} ){1,5}{_NAME_TOKEN}(?![\w'’-]) but with
# the first capital before the lookbehind (which then looks at the character before it): a pattern that
# starts with a character class lets the regex engine skip to the next capital instead of trying every
# position of the article.
_CAP_RUN = re.compile(
    rf"[{_UPPER}](?<![\w'’-].)(?:[\w'’-]+|\.)? (?:{_NAME_TOKEN} ){{0,4}}{_NAME_TOKEN}(?![\w'’-])"
)
_ASCII_CAP_RUN = re.compile(_CAP_RUN.pattern.replace(f"[{_UPPER}]", "[A-Z]", 1))  # same, in ASCII text
_LEADING_DET = re.compile(r"^(?:the|a|an|its|his|her|their|our)\s+", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"[.!?…][\"”’»]?\s+|\n")
_CLAUSE_STOPS = ".!?\n“”\"«»:"
_APPOSITIVE_STOPS = ",.!?;:\n“”\"«»"


class _Person(NamedTuple):
    pos: int
    name: str
    role: str

    @property
    def surname(self) -> str:
        return _surname(self.name)


def _marks(text: str) -> list[int]:
    """Offsets of the quotation marks and line breaks in `text`, in order (str.find skips to each at C speed;
    in ASCII text only '"' can be a quotation mark)."""
    return offsets(text, '"\n' if text.isascii() else _QUOTE_CHARS)


def _spans(text: str) -> list[tuple[int, int]]:
    """(inner start, inner end) of each quotation; a quote never crosses a line break."""
    spans: list[tuple[int, int]] = []
    open_char, open_pos = "", -1
    for i in _marks(text):
        c = text[i]
        if c == "\n":
            open_char = ""
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_char:
            if i - open_pos > _MAX_QUOTE:
                open_char = ""
            elif c in _CLOSERS[open_char] and _can_close(c, prev, nxt):
                spans.append((open_pos + 1, i))
                open_char = ""
                continue
            else:
                continue
        if c in _CLOSERS and c != "”" and _can_open(c, prev, nxt):
            open_char, open_pos = c, i
    return spans


def _can_open(c: str, prev: str, nxt: str) -> bool:
    if nxt.isspace():
        return False
    if c in "\"‘":
        return prev.isspace() or prev in "([{—–-/:;,"
    return True


def _can_close(c: str, prev: str, nxt: str) -> bool:
    if c in "\"’":
        return not prev.isspace() and not nxt.isalnum()  # "it’s" is an apostrophe, not a closing mark
    return True


_APPOSITIVE_AFTER = re.compile(r"\s*,\s*((?:the|a|an)\s+[^,.;:!?\n“”\"«»]{2,80})")
_DETERMINER = re.compile(r"(?<![\w])(?:the|a|an|his|her|its|their)\s", re.IGNORECASE)


def _after_last(text: str, stops: str) -> str:
    """The part of `text` after the last of the `stops` characters."""
    cut = max(text.rfind(c) for c in stops)
    return text[cut + 1:]


def _appositive_before(head: str) -> str:
    """"the military spokesman in Kyiv" from "… said the military spokesman in Kyiv, " (else "")."""
    head = head.rstrip()
    if not head.endswith(","):
        return ""
    return _after_last(head[:-1], _APPOSITIVE_STOPS).strip()


def _noun_phrase(chunk: str) -> str:
    """The role-like noun phrase ending a clause: "… meet with his Belarusian counterpart" -> "Belarusian
    counterpart"; "The Kyiv correspondent of the Ukrainian Service" stays whole (minus "The")."""
    words = chunk.split()[-8:]
    tail = " ".join(words)
    det = _DETERMINER.search(tail)
    if det:
        tail = tail[det.start():]
    return _LEADING_DET.sub("", tail.strip())


def _split_title(phrase: str) -> tuple[str, str]:
    """"Ukrainian Defense Minister Oleksii Reznikov" -> ("Oleksii Reznikov", "Ukrainian Defense Minister")."""
    tokens = phrase.split()
    last = len(tokens) - 1
    first = 0
    while first < last and tokens[first].lower().strip(",") in _NOT_NAME:
        first += 1  # "Later Mayor Ihor Terekhov": "Later" is neither title nor name
    i = first
    while i < last and tokens[i].lower().strip(",") in _TITLE_WORDS:
        i += 1
    return " ".join(tokens[i:]), " ".join(tokens[first:i])


def _looks_like_name(phrase: str) -> bool:
    tokens = phrase.split()
    if not 2 <= len(tokens) <= 4:
        return False
    for t in tokens:  # a plain loop: this runs for every run of capitalised words in a quoting article
        if not t[:1].isupper():
            return False
    for t in tokens:
        low = t.lower()
        if low in _TITLE_WORDS or low in _NOT_NAME or low.strip(".,") in _ORG_WORDS:
            return False
    return True


def _people(text: str) -> list[_Person]:
    """Every named person with the role the article gives them, in order of appearance."""
    people: list[_Person] = []
    read: dict[str, tuple[str, str, bool]] = {}  # phrase -> (name, title, looks like a name), for this text
    for m in (_ASCII_CAP_RUN if text.isascii() else _CAP_RUN).finditer(text):
        phrase = m.group()
        known = read.get(phrase)
        if known is None:
            name, title = _split_title(phrase)
            known = read[phrase] = (name, title, _looks_like_name(name))
        name, title, is_name = known
        if not is_name:
            continue
        role = title
        # Appositive before: "the military spokesman in Kyiv, Mykhalilo Shamanov"
        head = text[max(0, m.start() - 120):m.start()]
        app = _appositive_before(head)
        if app and _ROLE_NOUNS.search(app):
            role = _noun_phrase(app)
            role = f"{title}, {role}" if title and title.lower() not in role.lower() else role
        # Appositive after: "Alexander Lukashenko, the President of Belarus"
        tail = None if role else _APPOSITIVE_AFTER.match(text, m.end())
        if tail and _ROLE_NOUNS.search(tail.group(1)):
            role = _LEADING_DET.sub("", tail.group(1).strip())
        people.append(_Person(m.end() - len(name), name, role))
    # A later bare mention ("says Zhanna Bezpiatchuk") keeps the role given at an earlier one.
    roles: dict[str, str] = {}
    for person in people:
        roles.setdefault(person.name, person.role) if person.role else None
    return [p if p.role or not roles.get(p.name) else p._replace(role=roles[p.name]) for p in people]


_People = Callable[[], list[_Person]]  # the people of the text (read the first time they are asked for)


def _resolve(who: str, pos: int, people_of: _People, quote_at: int) -> tuple[str, str]:
    """(speaker, role) for an attribution phrase found at `pos`, for the quote opening at `quote_at`."""
    who = who.strip().strip(",")
    if not who:
        return "", ""
    people = people_of()
    if who.lower() in _PRONOUNS:
        last = _last_person(people, quote_at)  # "he says": the last person named before the quote
        return (last.name, last.role) if last else ("", "")
    parts = [p.strip() for p in who.split(",") if p.strip()]
    # A name among comma-separated parts: "the commander of the armed forces, General Valery Zaluzhny"
    for k in range(len(parts) - 1, -1, -1):
        name, title = _split_title(parts[k])
        known = _find(name, pos, people)
        if _looks_like_name(name) or known:
            full = known.name if known else name
            described = [_LEADING_DET.sub("", p) for p in parts[:k] if _ROLE_NOUNS.search(p)]
            described += [_LEADING_DET.sub("", p) for p in parts[k + 1:] if _ROLE_NOUNS.search(p)]
            role = described[-1] if described else ""
            if title and not role:
                role = title
            elif title and title.lower() not in role.lower():
                role = f"{title}, {role}"
            if not role and known:
                role = known.role
            return full, role
    phrase = parts[-1]
    role_noun = _ROLE_NOUNS.search(phrase)
    bare = _LEADING_DET.sub("", phrase)
    if bare[:1].isupper() and not role_noun:
        return bare, ""  # an organisation: "the UK Ministry of Defense"
    if role_noun and phrase[:1].islower() or _LEADING_DET.match(phrase):
        # "the correspondent for the Ukrainian Service": the person named earlier with that role noun.
        if role_noun:
            noun = role_noun.group().lower().rstrip("s")
            for person in reversed(people):
                if person.pos < pos and noun in person.role.lower():
                    return person.name, _LEADING_DET.sub("", phrase)
        return phrase, _LEADING_DET.sub("", phrase)
    return phrase, ""


@lru_cache(maxsize=4096)
def _surname(name: str) -> str:
    """Lower-cased last word of a name; cached because long articles ask about the same people often."""
    return name.lower().split()[-1]


def _find(name: str, pos: int, people: list[_Person]) -> _Person | None:
    """The person named `name` (full or surname only), preferring mentions before `pos`."""
    if not name:
        return None
    if not name.split():
        return None
    wanted = _surname(name)
    best = None
    for person in people:
        # Equal full names have equal surnames, so comparing surnames covers both cases.
        if person.surname == wanted and len(person.name) >= len(name):
            if person.pos <= pos:
                if best is None or best.pos > pos or len(person.role) >= len(best.role):
                    best = person
            elif best is None:
                best = person
    return best


def _last_person(people: list[_Person], pos: int) -> _Person | None:
    """The last person named before `pos` (people are in order of appearance)."""
    i = bisect_left(people, pos, key=_position)
    return people[i - 1] if i else None


def _position(person: _Person) -> int:
    return person.pos


def find_quotes(text: str) -> list[Quote]:
    """Direct quotations in an article with their speakers; offsets delimit the text inside the marks."""
    if not text or not isinstance(text, str):
        return []
    spans = _spans(text) if any(mark in text for mark in _OPENERS) else []
    if not spans:
        return []  # most reports quote nobody: skip the search for speakers
    people: list[_Person] = []
    read = False

    def people_of() -> list[_Person]:
        # Named people are looked for only once a quote's attribution needs them: many quotes have none.
        nonlocal read
        if not read:
            people.extend(_people(text))
            read = True
        return people

    quotes: list[Quote] = []
    speakers_by_paragraph: dict[int, tuple[str, str]] = {}
    paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]

    def paragraph_of(pos: int) -> int:
        lo, hi = 0, len(paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if paragraph_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    prev_end, prev_speaker = -1, ("", "")
    for inner_start, inner_end in spans:
        start, end = inner_start, inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
            end -= 1
        if end <= start:
            continue
        speaker, role = _attribute(text, inner_start - 1, inner_end + 1, people_of)
        para = paragraph_of(start)
        if not speaker and prev_end >= 0 and paragraph_of(prev_end) == para:
            speaker, role = prev_speaker  # a later quote in the same paragraph continues the speaker
        if not speaker and para > 0:
            p_start = paragraph_starts[para]
            p_end = paragraph_starts[para + 1] if para + 1 < len(paragraph_starts) else len(text)
            outside = (text[p_start:inner_start - 1] + text[inner_end + 1:p_end]).strip(" \n,.;”\"»")
            if not outside:
                speaker, role = speakers_by_paragraph.get(para - 1, ("", "")) or ("", "")
                if not speaker:
                    speaker, role = _paragraph_speaker(text, paragraph_starts, para - 1, people_of)
        quotes.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker, role=role))
        if speaker:
            speakers_by_paragraph[para] = (speaker, role)
        prev_end, prev_speaker = inner_end, (speaker, role)
    return quotes


def _paragraph_speaker(text: str, starts: list[int], para: int, people_of: _People) -> tuple[str, str]:
    """The person a paragraph reports speaking ("…, Zhanna Bezpiatchuk, reports that …"), if any."""
    if para < 0:
        return "", ""
    p_start = starts[para]
    p_end = starts[para + 1] if para + 1 < len(starts) else len(text)
    body = text[p_start:p_end]
    if not _SPEECH_VERB.search(body):
        return "", ""
    people = people_of()
    inside = [p for p in people if p_start <= p.pos < p_end]
    if not inside:
        return "", ""
    person = _find(inside[-1].name, inside[-1].pos, people) or inside[-1]
    return person.name, person.role


def _last_sentence_end(text: str) -> int:
    """Where the last match of _SENTENCE_END.finditer(text) ends (0 if none), matching only where one can
    start, each found with str.find (a regex search would try every position of the text)."""
    found = matches_at(_SENTENCE_END, text, offsets(text, ".!?…\n"))
    return found[-1].end() if found else 0


def _attribute(text: str, open_pos: int, close_end: int, people_of: _People) -> tuple[str, str]:
    """Speaker and role from the words right after the closing mark, else right before the opening one."""
    after = text[close_end:close_end + 200]
    m = _AFTER_VERB_FIRST.match(after)
    if m:
        return _resolve(m.group("who"), close_end, people_of, open_pos)
    m = _AFTER_WHO_FIRST.match(after)
    if m:
        return _resolve(m.group("who"), close_end, people_of, open_pos)
    head = text[max(0, open_pos - 300):open_pos]
    clause = head[_last_sentence_end(head):]
    # "General Valery Zaluzhny, said: “"  /  "Its mayor said that the damage caused is “"
    for verb in reversed(list(_SPEECH_VERB.finditer(clause))):
        rest = clause[verb.end():]
        if len(rest) >= 120 or any(c in rest for c in _CLAUSE_STOPS.replace(":", "")):
            continue
        before = clause[:verb.start()]
        if not before[-1:].isspace():
            continue
        who = _after_last(before, _CLAUSE_STOPS).strip().rstrip(",").strip()
        if who:
            return _resolve(who, open_pos, people_of, open_pos)
    return "", ""
