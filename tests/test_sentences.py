"""Sentence splitting: offsets that trace back to the article, and the abbreviations news use."""

from hypothesis import given
from hypothesis import strategies as st

from dashboard.sentences import _TERMINATOR, _terminators, split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_headline_without_full_stop_ends_at_line_break():
    text = "Russia launches worst wave of airstrikes\n\nRussia has launched a new wave. It is big."
    assert texts(text) == [
        "Russia launches worst wave of airstrikes",
        "Russia has launched a new wave.",
        "It is big.",
    ]


def test_abbreviations_titles_and_initials_do_not_end_sentences():
    text = (
        "Gen. J. Smith met Lt. Col. Brown and Dr. Ivanova at St. Sophia in the U.S. capital on Jan. 5. "
        "Then he left."
    )
    assert texts(text) == [
        "Gen. J. Smith met Lt. Col. Brown and Dr. Ivanova at St. Sophia in the U.S. capital on Jan. 5.",
        "Then he left.",
    ]


def test_decimals_numbers_and_times():
    text = "School No. 3 was hit at 5 a.m. Damage cost 1.5 million. The answer is no. Fine."
    assert texts(text) == [
        "School No. 3 was hit at 5 a.m.", "Damage cost 1.5 million.", "The answer is no.", "Fine."
    ]


def test_closing_quotes_and_guillemets_stay_with_their_sentence():
    text = "“It is big,” he said. He said: “Go.” Then? «Yes!» Ok… Next one... and more."
    assert texts(text) == [
        "“It is big,” he said.", "He said: “Go.”", "Then?", "«Yes!»", "Ok…", "Next one... and more."
    ]


def test_cyrillic():
    assert texts("Обстрел г. Харькова продолжается. Погибли двое.") == [
        "Обстрел г. Харькова продолжается.",
        "Погибли двое.",
    ]


def test_offsets_point_into_the_text_and_indexes_count_up():
    text = "  First one.  Second one?\n\n Third "
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [text[s.start:s.end] for s in sentences] == ["First one.", "Second one?", "Third"]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_offsets_valid_ordered_non_overlapping(text):
    previous_end = 0
    for i, s in enumerate(split_sentences(text)):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        previous_end = s.end


@given(st.lists(st.sampled_from(["Gen.", "U.S.", "a.m.", "1.5", "J.", "said.", "”", "«", "»", "...", "?",
                                 "\n",
                                 " ", "Kyiv", "hit", "No.", "3", "Dec.", "16"]), max_size=60))
def test_no_text_is_lost_between_sentences(tokens):
    text = " ".join(tokens)
    sentences = split_sentences(text)
    covered = "".join(s.text for s in sentences)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


@given(st.lists(st.sampled_from(["a", "B", " ", "\n", ".", "..", "!", "?", "…", "”", "’", ")", "»", "\t", "\xa0"]),
                max_size=40).map("".join))
def test_terminators_are_those_a_regex_search_finds(text):
    assert [m.span() for m in _terminators(text)] == [m.span() for m in _TERMINATOR.finditer(text)]
