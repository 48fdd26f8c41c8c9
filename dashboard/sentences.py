"""Split article text into sentences with character offsets.

Offsets matter more than elegance here: every map point links back to `article.text[start:end]`,
so each Sentence.text is exactly that slice (surrounding whitespace excluded by offsets).
A rule-based splitter is used because news prose is regular enough and it must run at many MB/s.
"""

from __future__ import annotations

import re

from dashboard.records import Sentence
from dashboard.textscan import matches_at, offsets

# Abbreviations whose full stop never ends a sentence (compared lower-cased, without the final dot).


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_TITLES = _words(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig rep sen gov pres st mt ft rev hon
    jr sr vs v etc al approx est dept univ corp inc ltd co fig vol art para ch
    г гг ул обл им пгт р-н с м вул просп пл
    """
)
# Dotted acronyms that nearly always continue ("the U.S. State Department").
_ACRONYMS = _words("u.s u.k u.n e.g i.e")
# Month abbreviations continue before a day number ("Dec. 16") and end a sentence otherwise.
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")

# A terminator run: ., !, ?, … (one or more), then any closing quotes/brackets, then whitespace/end.
_TERMINATOR = re.compile(r"""(?:[.!?…]+|\.\.\.)["'”’»)\]]*(?=\s|$)""")
_NEXT_WORD = re.compile(r"""\s*["'“‘«(\[]*(\S)""")
# What _NEXT_WORD skips before the first character of the next word (besides whitespace).
_OPENERS = frozenset("\"'“‘«([")


def _is_boundary(text: str, dot_start: int, term: str, after: int) -> bool:
    """Whether the terminator `term` at text[dot_start:after] ends a sentence."""
    # The next word's first character: mostly right after one space, else found by _NEXT_WORD.
    first = text[after + 1:after + 2]
    if not first or text[after] != " " or first in _OPENERS or first.isspace():
        nxt = _NEXT_WORD.match(text, after)
        if nxt is None:
            return True
        first = nxt.group(1)
    if first.islower():
        return False  # "etc. and", "... and then", "e.g. drones"
    if term[0] != ".":
        return True
    if term.startswith(".."):
        return True  # ellipsis followed by a capital or digit
    chunk = text[max(0, dot_start - 40):dot_start].rsplit(None, 1)
    if not chunk:
        return True
    word = chunk[-1].lstrip("\"'“‘«([{").lower().strip("-")
    if not word:
        return True
    if word in ("no", "nos", "nr", "nrs", "num"):
        return not first.isdigit()  # "No. 3", "school nr. 6", but "the answer is no."
    if word in _TITLES or word in _ACRONYMS:
        return False
    if word in ("a.m", "p.m"):
        return True
    if word in _MONTHS:
        return not first.isdigit()  # "on Dec. 16"
    if "." in word and all(len(p) <= 1 for p in word.split(".")):
        return False  # other dotted acronyms and initials run together: "J.R.", "U.S.A"
    return not (len(word) == 1 and word.isalpha())  # initials: "J. Smith"


def _terminators(text: str) -> list[re.Match[str]]:
    """The matches of _TERMINATOR.finditer(text), found faster: a regex search tests every character of the
    article, while str.find skips to the characters a terminator can start with at C speed."""
    return matches_at(_TERMINATOR, text, offsets(text, ".!?" if text.isascii() else ".!?…"))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; newlines always end a sentence (headlines have no full stop)."""
    sentences: list[Sentence] = []
    if not text:
        return sentences
    cuts = [m.end() for m in _terminators(text) if _is_boundary(text, m.start(), m.group(), m.end())]
    cuts.extend(offsets(text, "\n"))
    cuts.append(len(text))
    cuts.sort()
    pos = 0
    for cut in cuts:
        if cut <= pos:
            continue
        piece = text[pos:cut]
        rest = piece.lstrip()
        if rest:
            body = rest.rstrip()
            start = cut - len(rest)
            sentences.append(Sentence(len(sentences), start, start + len(body), body))
        pos = cut
    return sentences
