"""Spellings of a place name other than the gazetteer's: declined, Russian-spelt or misspelt.

News write war-zone towns in many ways the key table lacks: Ukrainian and Russian decline names
("у Харкові", "Києва"), Russian spellings stand for Ukrainian names ("Stepnoye" for Stepne, "Malaya
Rohan" for Mala Rohan), and reports misspell small towns ("Popasana" for Popasna). The finder
(toponyms.py) tries these only once no key matches as written; the fuzzy tables make a misspelling
cost a few array operations, not a comparison with every town.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from .notplaces import FEATURE_CUES
from .textnorm import fold

FUZZY_COUNTRIES = ("UA", "RU", "BY", "MD")
FUZZY_CUTOFF = 85.0  # rapidfuzz ratio: one or two letters off in a name of eight

# Case endings of Ukrainian and Russian nouns, longest first, and the stem's nominative forms.
_CYR_ENDINGS = ("ами", "ями", "ові", "еві", "ом", "ем", "єм", "ою", "ею", "ої", "ей", "ах", "ях",
                "а", "я", "у", "ю", "і", "ї", "е", "и", "ы")
_ALTERNATION = {"о": "і", "е": "і", "є": "і"}  # Харкова -> Харків, Києва -> Київ (ї folds to і)


def cyrillic_stems(word: str) -> list[str]:
    """Nominative forms a declined Cyrillic name may come from (folded, as index keys are)."""
    out = []
    for ending in _CYR_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out += [stem, stem + "а", stem + "я", stem + "е", stem + "і"]
            for k in range(len(stem) - 1, max(len(stem) - 3, 0), -1):  # the stem's last vowel
                if stem[k] in _ALTERNATION:
                    alt = stem[:k] + _ALTERNATION[stem[k]] + stem[k + 1 :]
                    out.append(alt)
                    break
    return out


# Russian endings of Ukrainian place names and their Ukrainian forms, longest first
# (Stepnoye -> Stepne, Kamenskoye -> Kamenske, Yakovlevka -> Yakovlivka, Rubtsy -> Rubtsi).
_RU_ENDINGS = (("skoye", "ske"), ("skoe", "ske"), ("noye", "ne"), ("noe", "ne"), ("oye", "e"), ("aya", "a"),
               ("ovka", "ivka"), ("evka", "ivka"), ("iy", "yi"), ("oy", "e"), ("y", "i"))


# Russian adjectives that open two-word Ukrainian place names, and their Ukrainian forms.
_RU_ADJECTIVES = {
    "malaya": "mala", "maloye": "male", "maloe": "male", "maly": "malyi", "malyy": "malyi", "malyi": "malyi",
    "bolshaya": "velyka", "bolshoye": "velyke", "bolshoe": "velyke", "bolshoy": "velykyi",
    "velikaya": "velyka", "velikoye": "velyke", "velikoe": "velyke", "veliky": "velykyi", "velikiy": "velykyi",
    "novaya": "nova", "novoye": "nove", "novoe": "nove", "novy": "novyi", "novyy": "novyi",
    "staraya": "stara", "staroye": "stare", "staroe": "stare", "stary": "staryi", "staryy": "staryi",
}


def _ukrainian_spellings(q: str) -> list[str]:
    """Ukrainian spellings a Russian-spelt name may stand for: its ending rewritten, and the Russian
    "i" written "y" as Ukrainian transliteration writes и ("Prishib" -> "Pryshyb")."""
    out = []
    for ru, uk in _RU_ENDINGS:
        if q.endswith(ru) and len(q) - len(ru) >= 3:
            out.append(q[: -len(ru)] + uk)
            break
    for v in [q, *out]:
        if "i" in v[1:]:
            out.append(v[0] + v[1:].replace("i", "y"))
    return out


def _letter_set(word: str) -> int:
    """The a-z letters a word uses, as bits (other characters ignored)."""
    bits = 0
    for ch in set(word):
        bits |= _LETTER_BIT.get(ch, 0)
    return bits


_LETTER_BIT = {chr(97 + i): 1 << i for i in range(26)}


class _FuzzyBucket(NamedTuple):
    keys: list[str]  # sorted by length
    letter_sets: np.ndarray  # uint32 bits of a-z, one per key
    starts: list[int]  # starts[n]: index of the first key of n letters or more (the last: len(keys))


def _fuzzy_table(by_letter: dict[str, list[str]]) -> dict[str, _FuzzyBucket]:
    """first letter -> its keys sorted by length, their letter sets, and where each length starts."""
    out = {}
    for letter, keys in by_letter.items():
        keys = sorted(keys, key=lambda k: (len(k), k))
        lengths = [len(k) for k in keys]
        starts = [bisect.bisect_left(lengths, n) for n in range(lengths[-1] + 2)]
        out[letter] = _FuzzyBucket(keys, np.array([_letter_set(k) for k in keys], dtype=np.uint32), starts)
    return out


class SpellingMatcher:
    """Matches a name the key table lacks to the war zone's towns it may stand for: build once per key
    table and reuse (it holds the fuzzy tables)."""

    def __init__(self, flags: dict[str, int], war_zone: set[str], common_words: frozenset[str]) -> None:
        self.flags = flags
        # Misspelt towns of the war zone ("Popasana", "Komyshuvaka"): one-word ASCII names grouped by
        # first letter and sorted by length, with their letter counts (see misspelt).
        by_letter: dict[str, list[str]] = {}
        for k in war_zone:
            if len(k) >= 5 and k.isalpha() and k.isascii() and k not in common_words:
                by_letter.setdefault(k[0], []).append(k)
        self.fuzzy = _fuzzy_table(by_letter)
        self.war_zone_words = {k for keys in by_letter.values() for k in keys}
        compound: dict[str, list[str]] = {}  # two-part names ("kamianka dniprovska")
        for k in war_zone:
            parts = k.split(" ")
            if len(parts) == 2 and all(x.isalpha() and x.isascii() for x in parts) and len(k) >= 9:
                compound.setdefault(k[0], []).append(k)
        self.fuzzy_compound = _fuzzy_table(compound)

    def misspelt(self, tokens: list, text: str) -> tuple[int, int, int, str] | None:
        """A one-word name the gazetteer lacks, in a place context ("in Popasana", "Popsana, Luhansk
        Oblast"), matched to a war-zone town of nearly the same spelling. MentionFinder.find has already
        kept only such words: five letters or more, no everyday word, in a place context."""
        word = tokens[1]
        low = word.text.lower()
        nxt = tokens[2].text.lower() if len(tokens) > 2 else ""
        q = fold(low)
        if q in _RU_ADJECTIVES and len(tokens) > 2 and tokens[2].upper and text[word.end : tokens[2].start] == " ":
            # "Malaya Rohan", "Bolshaya Pisarevka": a Russian adjective before a Ukrainian name
            noun = fold(tokens[2].text.lower())
            for k in (f"{_RU_ADJECTIVES[q]} {v}" for v in (noun, *_ukrainian_spellings(noun))):
                if k in self.flags:
                    return 2, tokens[2].end, self.flags[k], k
        for v in _ukrainian_spellings(q):  # "Rubtsy", "Prishib": Russian spellings of Ukrainian names
            if v in self.war_zone_words:
                return 1, word.end, self.flags[v], v
        found = _near_spellings(q, self.fuzzy)
        if not found:
            return None
        if nxt in FEATURE_CUES:  # "Donestk oblast" -> "donetsk oblast"
            for k, score in found:
                if score >= found[0][1] - 3 and f"{k} {nxt}" in self.flags:
                    return 2, tokens[2].end, self.flags[f"{k} {nxt}"], f"{k} {nxt}"
        return (1, word.end, *self._near_ties(found))

    def misspelt_compound(self, word: str) -> tuple[int, str] | None:
        """(flags, "key|key") of the two-part war-zone names that a folded hyphenated name ("kamyanka
        dniprovsk", from "Kamyanka-Dniprovsk") misspells, or None."""
        found = _near_spellings(word, self.fuzzy_compound)
        return self._near_ties(found) if found else None

    def _near_ties(self, found: list[tuple[str, float]]) -> tuple[int, str]:
        """(flags, "key|key") of the spellings within 3 points of the best: the context chooses among them."""
        keys = [k for k, score in found if score >= found[0][1] - 3]
        flags = 0
        for k in keys:
            flags |= self.flags[k]
        return flags, "|".join(keys)


def _near_spellings(q: str, table: dict[str, _FuzzyBucket]) -> list[tuple[str, float]]:
    """Keys of the table within the fuzzy cut-off of q, best first: [(key, score)]."""
    if not q.isascii() or q[:1] not in table:
        return []  # the fuzzy tables hold ASCII names only
    # Names of the same first letter and nearly the same length ...
    keys, letter_sets, starts = table[q[0]]
    n, last = len(q), len(starts) - 1
    lo, hi = starts[min(max(n - 2, 0), last)], starts[min(n + 3, last)]
    # ... and of nearly the same letters: a letter that one word has and the other lacks costs at least
    # one inserted or deleted letter, so the count of such letters is a lower bound of the Indel distance
    # behind fuzz.ratio, and most names are dropped at array speed (9 of 1,400 are left on average).
    most = int((1 - FUZZY_CUTOFF / 100) * (2 * n + 2) + 1e-9)  # the distance allowed the longest (n + 2)
    near = np.flatnonzero(np.bitwise_count(letter_sets[lo:hi] ^ _letter_set(q)) <= most)
    if not len(near):
        return []
    names = [keys[i] for i in (near + lo).tolist()]
    found = process.extract(q, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8)
    return sorted(((k, score) for k, score, _ in found), key=lambda t: (-t[1], t[0]))  # ties: stable order
