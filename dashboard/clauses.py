"""The event types and the modality that a sentence gives each place it names: read in its own clause.

A sentence can report different events at different places ("Missiles hit Kharkiv, while shelling
went on near Bakhmut") and qualify only part of itself ("a stalemate could be reached ..., where
Russian forces are holding an offensive to take the town of Bakhmut": Bakhmut is reported). The
sentence is cut into clauses at punctuation and at "but", "while", ...; a relative clause ("..., where
missiles fell") joins the clause before it. A type whose every cue lies in a clause naming another
place is that place's; a where/which/who clause carries its own modality. The sentence-level
analysis these read is events.py's; the place's role, placerole.py's.
"""

from __future__ import annotations

import re
from itertools import pairwise

from dashboard.events import SentenceSignals, modality_of, sentence_analysis, sentence_cache
from dashboard.placerole import EVENT_SITE_TYPES, place_role
from dashboard.textscan import matches_at, offsets

# Clause boundaries.
_SEGMENT_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s|(?<![\w-])(?:but|while|whereas|although)(?![\w])")
_RELATIVE_START = re.compile(r"^\s*(?:where|which|whose|when|who|that|as|after|with|killing|injuring|wounding"
                             r"|leaving|causing|damaging|destroying)(?![\w])")
_PLACE_AFTER_PREP = re.compile(
    r"(?<![\w-])(?:in|on|at|near|of|to|over|into|outside|around)\s+(?:the\s+)?[A-ZА-ЯІЇЄҐ][\w'’-]+"
)


# Where a _SEGMENT_BREAK match can start: at one of these, or just before a "-".
_BREAK_STARTS = tuple(",;:()[]") + ("but", "while", "whereas", "although")
_BREAK_STARTS_NON_ASCII = ("–", "—")


@sentence_cache
def _breaks(text: str) -> tuple[int, ...]:
    """Start offsets of the matches of _SEGMENT_BREAK.finditer(text), found faster: a regex search tries
    every position of the sentence, while str.find skips to the few where a break can start."""
    candidates = offsets(text, _BREAK_STARTS if text.isascii() else _BREAK_STARTS + _BREAK_STARTS_NON_ASCII)
    candidates += [i - 1 for i in offsets(text, "-", 1)]  # "\s-\s"
    candidates.sort()
    return tuple(m.start() for m in matches_at(_SEGMENT_BREAK, text, candidates))


@sentence_cache
def _segments(text: str) -> tuple[tuple[int, int], ...]:
    """Clauses of a sentence; a relative clause ("…, where missiles fell") joins the clause before it."""
    cuts = [0, *_breaks(text), len(text)]
    raw = [(a, b) for a, b in pairwise(cuts) if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in raw:
        body = text[a:b].lstrip(",;:()[]–—- ")
        if merged and (not body.strip() or _RELATIVE_START.match(body)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return tuple(merged)


def _own_segment(segments: tuple[tuple[int, int], ...], start: int) -> tuple[int, int]:
    for a, b in segments:
        if a <= start < b:
            return a, b
    return 0, 0


@sentence_cache
def _named_after_prep(text: str) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
    """Each clause with the offsets of the capitalised names it puts after a preposition ("in Kharkiv")."""
    return tuple(
        (a, b, tuple(m.start() for m in _PLACE_AFTER_PREP.finditer(text, a, b))) for a, b in _segments(text)
    )


_WH_WORDS = ("where", "which", "whose", "who")


@sentence_cache
def _wh_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Clauses opened by where/which/whose/who: they carry their own modality (see place_modality)."""
    if "wh" not in text:
        return ()  # _RELATIVE_START is case-sensitive: such a clause starts with a lower-case "wh"
    cuts = [0, *_breaks(text), len(text)]
    out = []
    for a, b in pairwise(cuts):
        body = text[a:b].lstrip(",;:()[]–—- ")
        if _RELATIVE_START.match(body) and body.split(None, 1)[0].lower() in _WH_WORDS:
            out.append((a, b))
    return tuple(out)


def place_types(text: str, start: int, end: int, signals: SentenceSignals) -> tuple[str, ...]:
    """The sentence's event types that apply to the place at text[start:end], given its role."""
    role = place_role(text, start, end)
    if role == "venue":
        return ("diplomacy",)
    if role in ("aid_site", "donor"):
        return ("aid",)
    if role != "site":
        return ()
    site_types = [t for t in signals.types if t in EVENT_SITE_TYPES]
    if len(site_types) <= 1:
        return tuple(site_types)
    found = sentence_analysis(text)[1]
    own = _own_segment(_segments(text), start)
    # Clauses that name another place: a type whose every cue lies in them belongs to that place.
    claimed = [
        (a, b) for a, b, names in _named_after_prep(text)
        if (a, b) != own and any(n < start or n >= end for n in names)
    ]
    kept = []
    for t in site_types:
        spans = found.get(t, [])
        elsewhere = spans and all(any(a <= s < b for a, b in claimed) for s, _e in spans)
        if not elsewhere:
            kept.append(t)
    return tuple(kept or site_types)


def place_modality(text: str, start: int, end: int, signals: SentenceSignals | None = None) -> str:
    """Modality for the place at text[start:end]: the sentence's, unless the place sits in a relative
    clause with its own ("a stalemate could be reached …, where Russian forces are holding an offensive
    to take the town of Bakhmut": Bakhmut is reported)."""
    low, found = sentence_analysis(text)
    sentence = signals.modality if signals is not None else modality_of(low, found)
    if not (0 <= start < end <= len(text)):
        return sentence
    for a, b in _wh_clauses(text):
        if a <= start < b:
            return modality_of(low, found, a, b)
    return sentence
