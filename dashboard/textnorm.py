"""Name normalisation and transliteration shared by the gazetteer index and the mention finder.

`fold` is length-preserving (one character in, one character out) so that a match found in folded
text has the same offsets in the original article: the whole offset bookkeeping of the pipeline
rests on that. `variants` makes the extra spellings that folding cannot (apostrophes dropped,
Cyrillic transliterated the Ukrainian and the Russian way), and is only used when indexing names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’ʼʹ`´‘ʻ′"
_DASHES = "-‐‑‒–—―"
_SPACES = "\u00a0\u2009\u202f\t\n\r"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES or ch in _SPACES:
        return " "
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low == "ё":
        return "е"
    if low.isascii():
        return low
    base = unicodedata.normalize("NFD", low)[0]
    if low == "й":  # the breve makes a different letter; ї folds to і like Latin ï to i
        return low
    return base if len(base) == 1 else low


def fold(text: str) -> str:
    """Lowercase, strip diacritics, unify apostrophes and dashes; same length as the input.

    What _TABLE does, done faster for the texts news are: ASCII with a few curly quotes, dashes or
    accented letters. str.translate looks every character up in a dict once the text is not ASCII;
    str.lower and one str.replace per distinct non-ASCII character run at memory speed."""
    if text.isascii():
        return _ascii_fold(text.lower())
    if len(text) < 200:
        return text.translate(_TABLE)  # a name: the table's lookups cost less than the set built below
    low = _ascii_fold(text.lower())
    for ch in {c for c in set(text) if c > "\x7f"}:
        swap = _lower_then(ch)
        if swap is None:  # a character whose lower case the table does not follow: the table itself
            return text.translate(_TABLE)
        if swap[0] != swap[1]:
            low = low.replace(*swap)
    return low


_ASCII_TABLE = str.maketrans({"`": "'", "-": " ", "\t": " ", "\n": " ", "\r": " "})  # what _ascii_fold does


def _ascii_fold(low: str) -> str:
    return low.replace("`", "'").replace("-", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")


@lru_cache(maxsize=4096)
def _lower_then(ch: str) -> tuple[str, str] | None:
    """(ch.lower(), what _TABLE makes of ch) when replacing the first by the second in lower-cased text
    is what _TABLE does to every character that lower-cases to it, else None."""
    low, target = ch.lower(), _TABLE.get(ord(ch), ch)
    if ch == "Σ" or len(low) != 1 or (low.isascii() and low != target):  # (str.lower makes a final Σ "ς")
        return None
    if _TABLE.get(ord(low), low) != target or _TABLE.get(ord(target), target) != target:
        return None  # the table treats ch and its lower case apart ("Ա" is kept, "ա" too), or refolds
    return low, target


_TABLE_END = 0x0530
_TABLE = {i: _fold_char(chr(i)) for i in range(_TABLE_END)}
_TABLE.update({ord(c): _fold_char(c) for c in _APOSTROPHES + _DASHES + _SPACES})


def key(name: str) -> str:
    """The index key of a name: folded, with runs of spaces collapsed and stripped."""
    return " ".join(fold(name).split())


# Ukrainian national transliteration (2010 Cabinet resolution), the one Ukrainian media use.
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "ы": "y", "э": "e",
    "ъ": "",
}
# At the start of a word the 2010 rules write є ї й ю я as ye yi y yu ya.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian BGN/PCGN-like romanisation, the one older and Russian-sourced reports use (Kharkov, Ugledar).
_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye",
    "ґ": "g", "'": "",
}
_RU_ALT = {"ая": "aya", "ий": "iy", "ый": "yy", "ое": "oye", "ье": "ye"}


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def translit_uk(name: str) -> str:
    """Ukrainian Cyrillic to Latin by the national system: Харків -> kharkiv, Київ -> kyiv."""
    out, prev_letter = [], False
    low = name.lower().replace("зг", "zgh")
    for ch in low:
        if not prev_letter and ch in _UK_INITIAL:
            out.append(_UK_INITIAL[ch])
        else:
            out.append(_UK.get(ch, ch))
        prev_letter = ch.isalpha() or ch == "'"
    return "".join(out)


def translit_ru(name: str) -> str:
    """Russian Cyrillic to Latin the way Russian-sourced reports spell it: Угледар -> ugledar."""
    low = name.lower()
    for cyr, lat in _RU_ALT.items():
        low = low.replace(cyr + " ", lat + " ")
        if low.endswith(cyr):
            low = low[: -len(cyr)] + lat
    out = []
    for i, ch in enumerate(low):
        if ch == "е" and (i == 0 or not low[i - 1].isalpha() or low[i - 1] in "аеёиоуыэюяьъ"):
            out.append("ye")
        else:
            out.append(_RU.get(ch, ch))
    return "".join(out)


def variants(name: str) -> set[str]:
    """Index keys for one name: the folded name, without apostrophes, and transliterations."""
    base = key(name)
    if not base:
        return set()
    out = {base}
    if "'" in base:
        out.add(base.replace("'", ""))
    if is_cyrillic(base):
        for lat in (translit_uk(base), translit_ru(base)):
            k = key(lat)
            if k:
                out.add(k)
                if "'" in k:
                    out.add(k.replace("'", ""))
        # Latin spellings with "ia"/"ya" and "yi"/"i" both occur in English reports.
        for k in list(out):
            if not is_cyrillic(k):
                out.add(k.replace("ia", "ya"))
                out.add(k.replace("iu", "yu"))
    # Adjectival district names ("Volnovakhskyi raion"): English reports also write the Russian-style
    # endings "-sky" and "-skiy" ("the Volnovakhsky district"). One-word names keep their spelling:
    # the misspelt-town matcher compares those, and more forms would only add false near-matches.
    for k in list(out):
        if "sk" in k and " " in k and not is_cyrillic(k):
            adj = _ADJECTIVE_END.sub(r"\1sky", k)
            if adj != k:
                out.add(adj)
                out.add(_ADJECTIVE_END.sub(r"\1skiy", k))
    return {v for v in out if v}


_ADJECTIVE_END = re.compile(r"(\w)sk(?:yi|iy|yy|ij)\b")
