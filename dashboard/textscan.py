"""Scanning text at C speed: where literals occur, and regex matches tried only there.

A regex search tries every position of an article; str.find skips to the few characters a match can
start with. The sentence splitter, the quote finder and the clause splitter of events.py all scan
this way, so they share these functions; the date and role cues use `contains_any` as a pre-check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def offsets(text: str, needles: Iterable[str], start: int = 0) -> list[int]:
    """Offsets of every occurrence of each needle in `text` from `start` on, in order."""
    out: list[int] = []
    for needle in needles:
        i = text.find(needle, start)
        while i >= 0:
            out.append(i)
            i = text.find(needle, i + 1)
    out.sort()
    return out


def contains_any(text: str, parts: Iterable[str]) -> bool:
    """Whether any of `parts` occurs in `text` (a plain loop: cheaper than any() over a generator)."""
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """The matches pattern.finditer(text) would give, when a match can start only at `starts` (sorted):
    each is tried at those starts that lie past the previous match."""
    out: list[re.Match[str]] = []
    match = pattern.match
    end = 0
    for at in starts:
        if at >= end:  # else inside the previous match
            m = match(text, at)
            if m is not None:
                out.append(m)
                end = m.end()
    return out
