"""Event dates from the publication date and the sentence's date cues."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.dates import _absolute, _parse_published, _probe, _relative, _vague_past, resolve_event_date

FRIDAY = "2022-12-16"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Friday three large missiles hit power plants.", "2022-12-16"),  # same day counts
        ("On Thursday, more than 40 missiles rained down on Kherson.", "2022-12-15"),
        ("Putin will visit Minsk on Monday.", "2022-12-12"),
        ("Strikes overnight knocked out power.", "2022-12-16"),
        ("Explosions were heard last night.", "2022-12-15"),
        ("Yesterday the city was shelled.", "2022-12-15"),
        ("The day before yesterday a drone hit the port.", "2022-12-14"),
        ("Today sirens sounded.", "2022-12-16"),
        ("This morning a missile hit.", "2022-12-16"),
        ("Three days ago a convoy was seen.", "2022-12-13"),
        ("The bridge was hit on 12 September.", "2022-09-12"),
        ("The bridge was hit on September 12.", "2022-09-12"),
        ("The bridge was hit on the 12th of September.", "2022-09-12"),
        ("Report dated 12.09.2022 says the bridge was hit.", "2022-09-12"),
        ("The strike on Dec. 16 hit a substation.", "2022-12-16"),
        ("A strike on Dec. 20 is remembered.", "2021-12-20"),  # not after publication
        ("Satellite images from 2022-10-10 show craters.", "2022-10-10"),
        ("Drones hit Odesa on 10 October 2022.", "2022-10-10"),
        ("Drones may strike again, officials said.", "2022-12-16"),  # "may" is not the month
        ("A drone hit the depot.", "2022-12-16"),
        ("Обстрел 12 сентября повредил мост.", "2022-09-12"),
        # a vaguer past has no day we can know, and surely not the publication's
        ("Drones hit Odesa last week.", None),
        ("Strikes on Odesa in December 2021 left the city without power.", None),
        ("Russia has struck Odesa repeatedly since 2014.", None),
        ("The plant was shelled two months ago.", None),
        ("Drones hit Odesa in December 2022.", "2022-12-16"),  # the publication's own month
        ("In 2022 drones hit Odesa on Friday.", "2022-12-16"),  # a day cue wins
        ("Shells from 2021 stocks hit Odesa.", "2022-12-16"),  # a year, not when
    ],
)
def test_cues(sentence, expected):
    assert resolve_event_date(sentence, FRIDAY) == expected


def test_without_publication_only_absolute_dates_count():
    assert resolve_event_date("On Friday missiles hit Kyiv.", None) is None
    assert resolve_event_date("Missiles hit Kyiv on 10 October 2022.", None) == "2022-10-10"
    assert resolve_event_date("Missiles hit Kyiv on 10 October.", None) is None


def test_bad_publication_dates_are_ignored():
    assert resolve_event_date("Missiles hit Kyiv.", "not a date") is None
    assert resolve_event_date("Missiles hit Kyiv.", "2022-13-45") is None
    assert resolve_event_date("Missiles hit Kyiv.", "2022-12-16T08:00:00Z") == "2022-12-16"


def test_impossible_dates_fall_back_to_publication():
    assert resolve_event_date("Strikes on 31 February hit.", FRIDAY) == FRIDAY
    assert resolve_event_date("On 30.02.2022 a drone hit.", FRIDAY) == FRIDAY


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=30), st.dates().map(str)))
def test_never_raises(sentence, published):
    got = resolve_event_date(sentence, published)
    assert got is None or (len(got) == 10 and got[4] == "-")


# Words and marks that make up date cues, to build sentences that come close to matching them.
_CUE_BITS = st.sampled_from([
    " ", " ", ", ", ".", "/", "-", "’", "“", "—", "…", "é", "Д", "٣", "ſ", "0", "1", "2", "12", "31", "2022",
    "st", "th", " of", "May", "may", "Sept", "sep", "December", "dec", "Friday", "friday", "Fri", "on ",
    "last ", "this ", "yesterday", "day before ", "days ago", "three", "tonight", "overnight", "morning",
    "Monday", "сентября", "вчера", "market", "decided", "(", "Kyiv", "in ", "since ", "2021", "weeks", " ago",
    "earlier this week", "last month",
])


@given(st.lists(_CUE_BITS, max_size=14).map("".join))
def test_prechecks_never_change_the_date(sentence):
    """The cheap pre-checks only skip searches that cannot match: the same dates as searching everything."""
    published = _parse_published(FRIDAY)
    probe = _probe(sentence)
    assert _absolute(sentence, published, probe) == _absolute(sentence, published, None)
    assert _relative(sentence, published, probe) == _relative(sentence, published, None)
    assert _vague_past(sentence, published, probe) == _vague_past(sentence, published, None)
