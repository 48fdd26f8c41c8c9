"""The date of the event a sentence reports, from the article's publication date and date cues.

News give event dates relative to publication ("on Friday", "overnight", "yesterday") or as
day-month without a year, so the publication date anchors everything; with no cue the event is
dated to publication, which is what analysts expect from a one-day news cycle. A sentence that sets
its event in a vaguer past ("last week", "in December 2022") has no day we can know: no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from dashboard.textscan import contains_any

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # Russian and Ukrainian genitive month names ("12 сентября", "12 вересня").
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12, "січня": 1, "лютого": 2, "березня": 3,
    "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10,
    "листопада": 11, "грудня": 12,
}
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_MONTH = "|".join(sorted((m for m in _MONTHS if m.isascii()), key=len, reverse=True))
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
_DAY_MONTH = re.compile(
    rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({_MONTH_ALT})\.?(?:,? (\d{{4}}))?(?![\w])", re.IGNORECASE
)
_MONTH_DAY = re.compile(
    rf"(?<![\w])({_MONTH_ALT})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?(?![\w\d])", re.IGNORECASE
)
_WEEKDAY = re.compile(rf"(?<![\w])(last |this |on |в |у )?({_WEEKDAY_ALT})(?![\w])", re.IGNORECASE)
_RELATIVE = re.compile(
    r"(?<![\w])(?:(day before yesterday)|(yesterday|last night|вчера|учора|вчора)"
    r"|(today|tonight|this morning|this afternoon|this evening|overnight"
    r"|сегодня|сьогодні|этой ночью|цієї ночі)"
    r"|(\d{1,2}|two|three|four|five|six|seven) days ago)(?![\w])",
    re.IGNORECASE,
)
# Cues of a past the sentence dates no closer than a week: its event's day is unknown, and surely not the
# publication day ("last week", "two months ago", "in December 2022", "since 2022").
_VAGUE_PAST = re.compile(
    r"(?<![\w])(?:last (?:week|month|year|spring|summer|autumn|fall|winter)|earlier this (?:week|month|year)"
    r"|(?:\d+|a|one|two|three|four|five|six|several|few|a few) (?:weeks?|months?|years?) ago"
    rf"|(?:in|since|during) (?:early |late |mid-)?(?:(?P<month>{_EN_MONTH})\.?,? )?(?P<year>(?:19|20)\d\d)"
    rf"(?![\w-]))",
    re.IGNORECASE,
)
# Every _VAGUE_PAST match contains one of these (a sentence without any is decided by one scan).
_VAGUE_HINTS = ("last ", "earlier this", " ago", "19", "20")
_DIGIT = re.compile(r"\d")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
# Every English relative cue contains one of these ("yesterday", "overnight", "Friday", "days ago").
_RELATIVE_HINTS = ("day", "night", "morning", "afternoon", "evening")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# --- pre-checks -------------------------------------------------------------------------------------
# A search with the patterns above tries every position of a sentence, and most sentences carry no date
# cue at all. So each search first runs a cheap pattern that every match implies, on a "probe": the
# sentence lower-cased, with typographic punctuation folded to ASCII one for one (offsets hold). It says
# whether the full pattern can match and where it can first start. This is exact only when the probe is
# all ASCII: then digits are 0-9, the Cyrillic alternatives cannot match and IGNORECASE is plain
# lower-casing. Any other sentence gets the full searches, from its start.
_FOLD = (("’", "'"), ("‘", "'"), ("‚", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'),
         ("–", "-"), ("—", "-"), ("‒", "-"), ("…", "."))
_ASCII_DIGITS = "0123456789"
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Cheap patterns that every match of a pattern above contains, to find where that one can first start.
_ISO_HINT = re.compile(r"[0-9][0-9][0-9][0-9]-[0-9]")
_NUMERIC_HINT = re.compile(r"[0-9][./][0-9]")  # a match starts at most 1 character before this
_DAY_MONTH_HINT = re.compile(rf"[0-9](?:st|nd|rd|th)?(?: of)? (?:{_EN_MONTH})")  # and before this
_MONTH_DAY_HINT = re.compile(rf"(?:{_EN_MONTH})\.? [0-9]")
# A _RELATIVE match starts at most 11 characters before one of these ("day before yesterday"), a _WEEKDAY
# match at most 5 before one of those ("last Friday").
_RELATIVE_WORDS = ("yesterday", "last night", "today", "tonight", "this morning", "this afternoon", "this evening",
                   "overnight", "days ago")
_WEEKDAY_WORDS = tuple(w for w in _WEEKDAYS if w.isascii())


def _probe(sentence: str) -> str | None:
    """The sentence lower-cased with punctuation folded to ASCII, if that leaves it all ASCII (else None)."""
    if not sentence.isascii():
        for mark, plain in _FOLD:  # str.replace per mark: str.translate is slow on text it mostly keeps
            if mark in sentence:
                sentence = sentence.replace(mark, plain)
        if not sentence.isascii():
            return None
    return sentence.lower()


def _hint_at(probe: str, hint: re.Pattern[str], back: int) -> int:
    """Where `hint` first matches in the probe, less `back` (-1: nowhere)."""
    m = hint.search(probe)
    return -1 if m is None else max(0, m.start() - back)


def _first_at(probe: str, words: tuple[str, ...], back: int) -> int:
    """Where the first of `words` occurs in the probe, less `back` (-1: none occurs)."""
    first = -1
    for word in words:
        at = probe.find(word)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first if first < 0 else max(0, first - back)


def _parse_published(published: str | None) -> date | None:
    if not published or not isinstance(published, str):
        return None
    return _published_date(published)


# Every event sentence of an article asks for the same publication date, and most of them are dated to it:
# these two small caches (keyed by the date, never by text) spare reading and writing it each time.
@lru_cache(maxsize=64)
def _published_date(published: str) -> date | None:
    m = _ISO.match(published.strip())
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _without_year(month: int, day: int, published: date | None) -> date | None:
    """A day-month takes the year that puts it on or before publication."""
    if published is None:
        return None
    d = _safe_date(published.year, month, day)
    if d is None:
        return _safe_date(published.year - 1, month, day)  # 29 February in a later non-leap year
    if d > published:
        return _safe_date(published.year - 1, month, day)
    return d


def _absolute(sentence: str, published: date | None, probe: str | None) -> date | None:
    # Where each pattern can first match (-1: nowhere).
    if probe is None:
        if not _DIGIT.search(sentence):
            return None  # every absolute date has a digit; most sentences have none
        iso_at = numeric_at = day_month_at = month_day_at = 0
    else:
        if not contains_any(probe, _ASCII_DIGITS):
            return None
        iso_at = _hint_at(probe, _ISO_HINT, 0) if "-" in probe else -1
        # Day.month.year or month/day/year: the same separator twice.
        numeric_at = _hint_at(probe, _NUMERIC_HINT, 1) if probe.count(".") > 1 or probe.count("/") > 1 else -1
        day_month_at = month_day_at = -1
        if contains_any(probe, _MONTH_STEMS):
            day_month_at = _hint_at(probe, _DAY_MONTH_HINT, 1)
            month_day_at = _hint_at(probe, _MONTH_DAY_HINT, 0)
    m = _ISO.search(sentence, iso_at) if iso_at >= 0 else None
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    m = _NUMERIC.search(sentence, numeric_at) if numeric_at >= 0 else None
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year += 2000 if year < 100 else 0
        # Dots are day.month.year; with slashes, month/day when the second number cannot be a month.
        day, month = (b, a) if m.group(2) == "/" and b > 12 else (a, b)
        d = _safe_date(year, month, day)
        if d:
            return d
    for pattern, start, day_group, month_group in ((_DAY_MONTH, day_month_at, 1, 2), (_MONTH_DAY, month_day_at, 2, 1)):
        if start < 0:
            continue
        for m in pattern.finditer(sentence, start):
            month = _MONTHS[m.group(month_group).lower()]
            day = int(m.group(day_group))
            if m.group(month_group) in ("may", "MAY"):
                continue  # the verb, not the month: "strikes may 5 times"; the month is written "May"
            if m.group(3):
                d = _safe_date(int(m.group(3)), month, day)
            else:
                d = _without_year(month, day, published)
            if d:
                return d
    return None


def _relative(sentence: str, published: date, probe: str | None) -> date | None:
    if probe is None:
        low = sentence.lower()
        if not any(word in low for word in _RELATIVE_HINTS) and not _CYRILLIC.search(low):
            return None
        relative_at = 0
    else:
        if not contains_any(probe, _RELATIVE_HINTS):
            return None
        relative_at = _first_at(probe, _RELATIVE_WORDS, 11)
    m = _RELATIVE.search(sentence, relative_at) if relative_at >= 0 else None
    if m:
        if m.group(1):
            return published - timedelta(days=2)
        if m.group(2):
            return published - timedelta(days=1)
        if m.group(3):
            return published  # "overnight" is the night ending on the publication day
        n = m.group(4).lower()
        return published - timedelta(days=int(n) if n.isdigit() else _WORD_NUMBERS[n])
    if probe is None:
        weekday_at = 0
    else:
        weekday_at = _first_at(probe, _WEEKDAY_WORDS, 5) if "day" in probe else -1
    m = _WEEKDAY.search(sentence, weekday_at) if weekday_at >= 0 else None
    if m:
        target = _WEEKDAYS[m.group(2).lower()]
        back = (published.weekday() - target) % 7
        if back == 0 and (m.group(1) or "").lower().strip() == "last":
            back = 7
        return published - timedelta(days=back)
    return None


def _vague_past(sentence: str, published: date, probe: str | None) -> bool:
    """Whether the sentence puts its event in a past no closer than a week ("last week", "two months ago",
    "in December 2022", "since 2022"); a month and year, or a year, that are publication's own do not."""
    if probe is not None and not contains_any(probe, _VAGUE_HINTS):
        return False
    for m in _VAGUE_PAST.finditer(sentence):
        if m.group("year") is None:
            return True
        year = int(m.group("year"))
        month = _MONTHS[m.group("month").lower()] if m.group("month") else None
        if year < published.year or (month is not None and year == published.year and month < published.month):
            return True
    return False


_isoformat = lru_cache(maxsize=64)(date.isoformat)


def resolve_event_date(sentence: str, published: str | None) -> str | None:
    """ISO date of the event `sentence` reports; None when neither a date nor publication is known."""
    try:
        pub = _parse_published(published)
        text = sentence if isinstance(sentence, str) else ""
        probe = _probe(text)
        d = _absolute(text, pub, probe)
        if d is None and pub is not None:
            d = _relative(text, pub, probe)
            if d is None and _vague_past(text, pub, probe):
                return None  # "Strikes on Odesa in December 2022 ...": some day, not the publication's
            d = d or pub
        return _isoformat(d) if d else None
    except (ValueError, OverflowError, KeyError):
        return None
