"""Direct quotes and their speakers, on the sample article and small cases."""

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import dashboard.quotes as quotes
from dashboard.quotes import find_quotes

SAMPLE_PATH = Path(__file__).resolve().parents[1] / "seeds" / "ukraine-energy-strikes.txt"
SAMPLE = SAMPLE_PATH.read_text(encoding="utf-8")


def quote_starting(quotes, prefix):
    found = [q for q in quotes if q.text.startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def test_sample_article_speakers():
    quotes = find_quotes(SAMPLE)
    shamanov = quote_starting(quotes, "It is one of the biggest Russian bombardments")
    assert (shamanov.speaker, shamanov.role) == ("Mykhalilo Shamanov", "military spokesman in Kyiv")
    assert shamanov.text.endswith("since the beginning of the war")  # no trailing comma or marks
    reznikov = quote_starting(quotes, "The Kremlin is trying")
    assert (reznikov.speaker, reznikov.role) == ("Oleksii Reznikov", "Ukrainian Defense Minister")
    zaluzhny = quote_starting(quotes, "I have no doubt")
    assert zaluzhny.speaker == "Valery Zaluzhny"
    assert "commander of the Ukrainian armed forces" in zaluzhny.role
    for prefix in ("On the eastern bank", "Ukrainians have gotten used", "The fighting is not only",
                   "Authorities have had to balance", "That’s the big fear", "Until now, Russia"):
        assert quote_starting(quotes, prefix).speaker == "Zhanna Bezpiatchuk", prefix


def test_one_word_quote_with_a_role_only_speaker():
    colossal = quote_starting(find_quotes(SAMPLE), "colossal")
    assert colossal.text == "colossal."
    assert colossal.role == "mayor"
    assert colossal.speaker


def test_quote_spanning_sentences_and_apostrophes():
    quotes = find_quotes(SAMPLE)
    dnipro = quote_starting(quotes, "On the eastern bank")
    assert dnipro.text.endswith("all trains stopped.")
    ukrainians = quote_starting(quotes, "Ukrainians have gotten used")
    assert "it’s part of their resistance" in ukrainians.text  # the apostrophe does not close the quote


def test_offsets_slice_the_quote_text():
    for q in find_quotes(SAMPLE):
        assert SAMPLE[q.start:q.end] == q.text


def test_quote_mark_styles():
    text = ('Officials said «Kyiv is safe». Mayor Ivan Petrenko said: „We hold.“ '
            "The envoy called it ‘a provocation’ and said \"no comment\" today.")
    got = [q.text for q in find_quotes(text)]
    assert got == ["Kyiv is safe", "We hold.", "a provocation", "no comment"]
    assert find_quotes(text)[1].speaker == "Ivan Petrenko"


def test_unattributed_quote_keeps_empty_speaker():
    (q,) = find_quotes("The so-called “special military operation” continues.")
    assert (q.text, q.speaker, q.role) == ("special military operation", "", "")


def test_pronoun_takes_most_recent_speaker():
    text = ("Governor Oleh Synehubov described the night. “Two people were killed,” he said. "
            "Later Mayor Ihor Terekhov spoke. “We have no power,” he said.")
    first, second = find_quotes(text)
    assert first.speaker == "Oleh Synehubov" and first.role == "Governor"
    assert second.speaker == "Ihor Terekhov"


def test_unclosed_quote_is_dropped_at_line_break():
    assert find_quotes("He said “this never closes\nNext paragraph.") == []


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n“”„«»\"‘’'Kyiv said he")), max_size=200))
def test_offsets_valid_on_arbitrary_text(text):
    previous = 0
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous
        previous = q.end


@given(st.text(max_size=300))
def test_never_crashes(text):
    assert isinstance(find_quotes(text), list)


# --- the shortcuts behind the stage's speed find exactly what plain regex searches find --------------
_PIECES = st.sampled_from([
    " ", " ", "  ", "\n", ",", ".", "!", "?", "…", "”", "“", "„", "\"", "«", "»", "‘", "’", "'", "-", "(", "é",
    "Anna", "Kyiv", "Mr.", "J.", "O’Brien", "Bezpiatchuk", "Київ", "Їжак", "said", "the", "x", "a1", "_",
])
_PLAIN_CAP_RUN = re.compile(rf"(?<![\w'’-])(?:{quotes._NAME_TOKEN} ){{1,5}}{quotes._NAME_TOKEN}(?![\w'’-])")


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_shortcuts_match_plain_searches(text):
    runs = [m.span() for m in _PLAIN_CAP_RUN.finditer(text)]
    assert [m.span() for m in quotes._CAP_RUN.finditer(text)] == runs
    if text.isascii():
        assert [m.span() for m in quotes._ASCII_CAP_RUN.finditer(text)] == runs
    assert quotes._marks(text) == [m.start() for m in re.finditer(r"[“”„\"«»‘’\n]", text)]
    ends = [m.end() for m in quotes._SENTENCE_END.finditer(text)]
    assert quotes._last_sentence_end(text) == (ends[-1] if ends else 0)
