"""The date of the event a sentence reports, from the article's publication date and date cues.

News give event dates relative to publication ("on Friday", "overnight", "yesterday") or as
day-month without a year, so the publication date anchors everything; with no cue the event is
dated to publication, which is what analysts expect from a one-day news cycle.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

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
_DIGIT = re.compile(r"\d")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
# Every English relative cue contains one of these ("yesterday", "overnight", "Friday", "days ago").
_RELATIVE_HINTS = ("day", "night", "morning", "afternoon", "evening")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _parse_published(published: str | None) -> date | None:
    if not published or not isinstance(published, str):
        return None
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


def _absolute(sentence: str, published: date | None) -> date | None:
    if not _DIGIT.search(sentence):
        return None  # every absolute date has a digit; most sentences have none
    m = _ISO.search(sentence)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            return d
    m = _NUMERIC.search(sentence)
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year += 2000 if year < 100 else 0
        # Dots are day.month.year; with slashes, month/day when the second number cannot be a month.
        day, month = (b, a) if m.group(2) == "/" and b > 12 else (a, b)
        d = _safe_date(year, month, day)
        if d:
            return d
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(sentence):
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


def _relative(sentence: str, published: date) -> date | None:
    low = sentence.lower()
    if not any(word in low for word in _RELATIVE_HINTS) and not _CYRILLIC.search(low):
        return None
    m = _RELATIVE.search(sentence)
    if m:
        if m.group(1):
            return published - timedelta(days=2)
        if m.group(2):
            return published - timedelta(days=1)
        if m.group(3):
            return published  # "overnight" is the night ending on the publication day
        n = m.group(4).lower()
        return published - timedelta(days=int(n) if n.isdigit() else _WORD_NUMBERS[n])
    m = _WEEKDAY.search(sentence)
    if m:
        target = _WEEKDAYS[m.group(2).lower()]
        back = (published.weekday() - target) % 7
        if back == 0 and (m.group(1) or "").lower().strip() == "last":
            back = 7
        return published - timedelta(days=back)
    return None


def resolve_event_date(sentence: str, published: str | None) -> str | None:
    """ISO date of the event `sentence` reports; None when neither a date nor publication is known."""
    try:
        pub = _parse_published(published)
        text = sentence if isinstance(sentence, str) else ""
        d = _absolute(text, pub)
        if d is None and pub is not None:
            d = _relative(text, pub) or pub
        return d.isoformat() if d else None
    except (ValueError, OverflowError, KeyError):
        return None
