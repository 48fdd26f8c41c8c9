"""Find place mentions in article text: character spans of gazetteer names, with context cues.

Approach: capitalised word sequences (the way English, Ukrainian and Russian write proper names)
are looked up, longest first, in the gazetteer's key table over length-preserving folded text, so
spans map back to the article exactly. What is not a place here is filtered by rules that generalise
rather than by a list of cases: everyday words at the start of a sentence, weekdays and months,
people (a title before, or a surname-like word after), and everyday words mid-sentence that name
only a small town somewhere ("Mobile", "Split") unless the context says place ("in Split").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .records import Mention
from .textnorm import fold

MAX_TOKENS = 6

# Words: letters with inner apostrophes/hyphens ("Kam'yanske", "Ivano-Frankivsk"), or dotted
# abbreviations ("U.S.", "U.K.").
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")

_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "christmas easter ramadan".split()
)
# Words that make the next capitalised word a person, not a place ("President Zelensky").
_TITLES = frozenset(
    "mr mrs ms dr president gen general minister premier governor mayor sen senator rep col colonel lt "
    "sgt sergeant capt captain cmdr commander adm admiral chancellor king queen prince princess pope "
    "father bishop sheikh emir ayatollah judge justice secretary spokesman spokeswoman spokesperson "
    "correspondent lord lady sir saint st. officer chief deputy ambassador envoy prosecutor reporter "
    "analyst professor prof dame".split()
)
# Connectors allowed inside multi-word names ("Sea of Azov", "Rostov-on-Don", "Bab el-Mandeb").
_CONNECTORS = frozenset("of the de del la le el al upon on am an der di da du".split())
# Cues before a name that make a place reading likely even for an everyday word ("in Split").
_LOCATIVE = frozenset(
    "in near at from to outside around across into towards toward via of outskirts between inside "
    "village town city settlement region oblast district province".split()
)
# Nouns that introduce a named organisation or outlet, not a place ("the Russian agency Tass").
_ORG_INTRODUCERS = frozenset(
    "agency newspaper daily outlet broadcaster channel company firm magazine website newswire network "
    "group brand operator tabloid".split()
)
# Feature cues in the word after a name ("the Dnipro river", "the Bakhmut direction") ...
_FEATURE_CUES = {
    "river": "river",
    "village": "settlement",
    "town": "settlement",
    "city": "city",
    "settlement": "settlement",
    "hamlet": "settlement",
    "region": "region",
    "oblast": "region",
    "province": "region",
    "district": "region",
    "raion": "region",
    "governorate": "region",
    "direction": "near",
    "area": "near",
    "outskirts": "near",
    "vicinity": "near",
}
# ... and in the words before it ("village of X", "near X", "outskirts of X").
_BEFORE_CUES = {
    "village": "settlement",
    "town": "settlement",
    "settlement": "settlement",
    "hamlet": "settlement",
    "city": "city",
    "river": "river",
    "near": "near",
    "outside": "near",
    "outskirts": "near",
    "vicinity": "near",
    "direction": "near",
}


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    upper: bool  # starts with a capital letter


class MentionFinder:
    """Finds Mentions of gazetteer names; build once per gazetteer and reuse (it holds the key table)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.flags = gazetteer.key_flags()
        self.common_words = gazetteer.common_words

    def find(self, text: str) -> list[Mention]:
        folded = fold(text)
        tokens = [
            _Token(m.start(), m.end(), m.group(), m.group()[:1].isupper())
            for m in _TOKEN.finditer(text)
        ]
        mentions: list[Mention] = []
        self._people: set[str] = set()  # words this text uses in people's names ("Salah", "Allen")
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i]
            if not tok.upper or tok.text == "The":  # "The United States": the span starts after "The"
                i += 1
                continue
            match = self._longest(tokens, i, text, folded)
            if match is None:
                i += 1
                continue
            j, end, flags = match
            if self._accept(tokens, i, j, end, flags, text):
                mentions.append(Mention(tok.start, end, text[tok.start:end], self._cue(tokens, i, j, text, flags)))
                i = j + 1
            else:
                i += 1
        return mentions

    # --- matching --------------------------------------------------------------------------------
    def _longest(self, tokens: list[_Token], i: int, text: str, folded: str) -> tuple[int, int, int] | None:
        """The longest gazetteer key starting at token i: (last token index, end offset, flags)."""
        best = None
        last = i
        for j in range(i, min(len(tokens), i + MAX_TOKENS)):
            if j > i:
                gap = text[tokens[j - 1].end : tokens[j].start]
                if gap not in (" ", "-"):
                    break
            last = j
        for j in range(last, i - 1, -1):
            tj = tokens[j]
            if j > i and not tj.upper and tj.text.lower() in _CONNECTORS:
                continue  # a name does not end on "of"
            end = tj.end
            k = " ".join(folded[tokens[i].start : end].split())
            flags = self.flags.get(k)
            if flags is None and _POSSESSIVE.search(tj.text):
                end -= 2
                k = " ".join(folded[tokens[i].start : end].split())
                flags = self.flags.get(k)
            if flags is not None:
                best = (j, end, flags)
                break
        return best

    def _accept(self, tokens: list[_Token], i: int, j: int, end: int, flags: int, text: str) -> bool:
        first = tokens[i]
        word = first.text.lower()
        single = i == j
        if single and word in _CALENDAR:
            return False
        prev = tokens[i - 1] if i > 0 else None
        adjacent_prev = prev is not None and text[prev.end : first.start] == " "
        if adjacent_prev and prev.text.lower().rstrip(".") in _TITLES:
            return False  # "President Kharkiv"-style: a title makes a person
        if adjacent_prev and prev.text.lower() in _ORG_INTRODUCERS:
            return False  # "the agency Tass"
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        adjacent_next = nxt is not None and text[end : nxt.start] == " " and end == tokens[j].end
        if (
            adjacent_next
            and nxt.upper
            and nxt.text.lower() not in self.common_words
            and nxt.text.lower() not in _FEATURE_CUES
            and self.flags.get(fold(nxt.text).strip()) is None
        ):
            self._people.add(word)
            return False  # "Volodymyr Zelensky": a given name before a surname
        if (
            adjacent_prev
            and prev.upper
            and not _sentence_start(text, prev.start)
            and prev.text.lower() not in self.common_words
            and self.flags.get(fold(prev.text)) is None
        ):
            self._people.add(word)
            return False  # "George Washington": a surname after a given name
        if single and word in self._people and not flags & 24:
            return False  # "Mohamed Salah ... Salah scored": the same person again
        common = bool(flags & 4) and single
        if not common or flags & 16:
            return True  # countries ("China", "Turkey") even where the word is everyday
        if _sentence_start(text, first.start):
            return False  # "Reading the report..." / "Split between..."
        if prev is not None and prev.text.lower() in _LOCATIVE:
            return True  # "in Split"
        # A big city or a region capitalised mid-sentence, unless it opens a longer name ("Central Bank").
        return bool(flags & 8) and not (adjacent_next and nxt.upper)

    def _cue(self, tokens: list[_Token], i: int, j: int, text: str, flags: int) -> str:
        if flags & 2 and not flags & 1:
            return "demonym"
        last = tokens[j].text.lower()
        if last in _FEATURE_CUES and j > i:
            return _FEATURE_CUES[last]
        nxt = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
        if nxt in _FEATURE_CUES and text[tokens[j].end : tokens[j + 1].start] == " ":
            return _FEATURE_CUES[nxt]
        before = [t.text.lower() for t in tokens[max(0, i - 3) : i]]
        for w in reversed(before):
            if w in _BEFORE_CUES:
                return _BEFORE_CUES[w]
        return ""


def _sentence_start(text: str, pos: int) -> bool:
    """Whether pos starts a sentence, headline or quotation (nothing but openers before it)."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'«(—–-*•":
        k -= 1
    return k < 0 or text[k] in ".!?:\n\r…"
