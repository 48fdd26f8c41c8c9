"""Find place mentions in article text: character spans of gazetteer names, with context cues.

Approach: capitalised word sequences (the way English, Ukrainian and Russian write proper names)
are looked up, longest first, in the gazetteer's key table over length-preserving folded text, so
spans map back to the article exactly. Names written otherwise than the key table writes them
(declined, Russian-spelt, misspelt) are matched by spellings.py. What is not a place here is filtered by
rules that generalise rather than by a list of cases (notplaces.py): everyday words at the start of a
sentence, weekdays and months, people (a title before, or a surname-like word after), and everyday words
mid-sentence that name only a small town somewhere ("Mobile", "Split") unless the context says place
("in Split").
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .notplaces import (
    CALENDAR,
    FEATURE_CUES,
    NEXT,
    POSSESSIVE,
    NotPlaceRules,
    Token,
    place_context,
)
from .records import Mention
from .spellings import FUZZY_COUNTRIES, SpellingMatcher, cyrillic_stems
from .textnorm import fold
from .textnorm import key as name_key

MAX_TOKENS = 6
_COUNTRIES_KEPT = 50_000
# Connectors allowed inside multi-word names ("Sea of Azov", "Rostov-on-Don", "Bab el-Mandeb").
_CONNECTORS = frozenset("of the de del la le el al upon on am an der di da du".split())
# Region names that are everyday words first (admin1 names in several countries).
_GENERIC_REGIONS = frozenset(
    "centre center central north south east west northern southern eastern western coast "
    "northeast northwest southeast southwest".split()
) | {"north east", "north west", "south east", "south west"}  # "South-West", folded
# A region's office named after its capital, speaking ("the Kherson regional administration said", "the
# Kharkiv Regional Military Administration, Oleh Syniehubov, said"), or a person's title before it ("head of").
_OFFICE_SPEAKS = re.compile(
    r"\s+regional(?:\s+[\w-]+){0,2}?\s+(?:administration|council|authorities|government|governor|head|police)"
    r"(?:\s*,[^,.;]{1,60},|(?-i:\s+[A-Z][\w'’-]+){0,3})\s+(?:said|says|reported|reports|announced|told|wrote"
    r"|stated|confirmed|added|warned)\b",
    re.IGNORECASE,
)
_GOVERNOR = re.compile(r" (?:governor|gov\.?)(?![\w-])")
_OFFICIAL_OF = re.compile(r"(?:head|chief|spokes\w+|press service|governor|officials?)\s+of\s+(?:the\s+)?$", re.I)
# A compass point before "of" makes the name after it a reference point ("southwest of Kurakhove"), unless
# the text is inside it ("in the south of Lysychansk").
_COMPASS_OF = frozenset(
    "north south east west northeast northwest southeast southwest north-east north-west south-east south-west "
    "northeastern northwestern southeastern southwestern outskirts".split()
)
_IN_THE_PART = re.compile(r"(?<![\w-])(?:in|across|throughout)\s+the\s+[\w-]+\s+of\s+$", re.IGNORECASE)
# Feature cues in the words before a name ("village of X", "near X", "outskirts of X"); those in the word
# after it are notplaces.FEATURE_CUES ("the Dnipro river").
_CROSSINGS = frozenset("bridge bridges crossing crossings ferry pontoon dam".split())
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

# Capitalised words only: the regex engine skips everything else at C speed. The pattern opens with
# the capital's character class (the engine's fast scan); then a dotted abbreviation ("U.S."), the
# "St." of "St. Louis" (also "Ft.", "Mt.") before a name, or a word whose first letter follows no
# letter or apostrophe.
_CAPITAL = re.compile(
    r"[A-ZÀ-ÞĀ-žА-ЯЁІЇЄҐ](?:(?<=[A-Z])(?:\.[A-Z])+\.|(?<![\w'’ʼ´ʹ].)(?<=[SFM])t\.(?= [A-Z])"
    r"|(?<![\w'’ʼ´ʹ].)[^\W\d_]*(?:['’ʼ´ʹ\-][^\W\d_]+)*)"
)
_LOWER_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|near|at|from|outside|of|to|into|around)\s+(?=\S{5})([a-zа-яіїєґё][^\W\d_]+(?:['’ʼ´ʹ\-][^\W\d_]+)*)"
)  # (five characters at least, as the towns it is for have: "of the" costs no Python step)
_NAME = r"[A-ZА-ЯІЇЄҐ][^\W\d_]*(?:['’ʼ´ʹ\-][^\W\d_]+)*(?: [A-ZА-ЯІЇЄҐ][^\W\d_]*)?"
_PLURALS = "regions|oblasts|directions|districts|provinces|raions|governorates"  # shared by two names
_PLURAL_WORDS = _PLURALS.split("|")
# "the Kherson and Mykolaiv regions", "the Lviv, Ivano-Frankivsk and Zaporizhzhia regions", "over Odesa,
# Mykolaiv, and Kherson oblasts": the names before "and" are in group 1 (read with _LISTED), the last two in 2 and 3.
_COORDINATED = re.compile(rf"((?:{_NAME},\s+){{0,8}})({_NAME}),? and ({_NAME}) ({_PLURALS})\b")
_LISTED = re.compile(rf"({_NAME}),\s+")
LIST_GAPS = frozenset((", ", " and ", ", and ", " or ", ", or "))  # between two names of a list
# Words: letters with inner apostrophes/hyphens ("Kam'yanske", "Ivano-Frankivsk"), or dotted
# abbreviations ("U.S.", "U.K.").


def _token(m: re.Match, group: int = 0) -> Token:
    t = m.group(group)
    return Token(m.start(group), m.end(group), t, t[:1].isupper())


class MentionFinder:
    """Finds Mentions of gazetteer names; build once per gazetteer and reuse (it holds the key table)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.flags = gazetteer.key_flags()
        for k in self.flags.keys() & _GENERIC_REGIONS:  # (a set either way; frozenset & keys is typed frozenset)
            # "Centre", "Western", "South-West": regions of Cameroon or Uganda, words first everywhere
            self.flags[k] = (self.flags[k] | 4) & ~(8 | 32)
        self.gazetteer = gazetteer
        # A name's most plausible country (see _only_elsewhere), kept across articles up to a bound.
        self._countries: dict[tuple[bool, str], str | None] = {}
        self.common_words = gazetteer.common_words
        self.given_names = gazetteer.given_names
        # Every word-prefix of a multi-word key ("sea", "sea of"): extending a span stops as soon as
        # no key can start with it, so a capitalised word costs one or two lookups.
        self.prefixes: set[str] = set()
        # ... and the words that can follow each first word ("sea" -> {"of", ...}): a capitalised
        # "In" or "President" whose next word continues no key is decided without a window.
        self.second: dict[str, set[str]] = {}
        for k in self.flags:
            parts = k.split(" ")
            for n in range(1, len(parts)):
                self.prefixes.add(" ".join(parts[:n]))
            if len(parts) > 1:
                self.second.setdefault(parts[0], set()).add(parts[1].rstrip("."))
        # What says a matched name is no place here: people, titles, venues, streets ... (notplaces.py).
        self.rules = NotPlaceRules(self.flags, self.common_words, self.given_names, gazetteer.surnames)
        # Names the key table lacks as written: misspelt or Russian-spelt war-zone towns (spellings.py).
        war_zone = gazetteer.keys_of(FUZZY_COUNTRIES, ("city", "settlement"))
        self.spellings = SpellingMatcher(self.flags, war_zone, self.common_words)
        # Names that may be matched even in lower case, after a locative word: war-zone towns only
        # (field notes write "smoke over mariupol"; "damage to metro depot" is no city in Indonesia).
        self.lower_ok = {k for k in war_zone if " " not in k}

    def find(self, text: str) -> list[Mention]:
        folded = fold(text)
        mentions: list[Mention] = []
        # Words this text uses in people's names ("Salah", "Allen"): True for a surname after a known
        # given name ("Jenny Palma"), the surest kind.
        people: dict[str, bool] = {}
        done = 0
        shared = self._coordinated(text, folded)
        unknown: list[re.Match] = []  # capitalised words no key starts with: maybe misspelt towns
        tokens: list[Token | None]
        match: tuple[int, int, int, str] | None  # (last token, end, flags, key) of a name found
        key_flags, prefixes = self.flags, self.prefixes  # (locals: this loop runs once per capital)
        for m in _CAPITAL.finditer(text):
            start, stop = m.span()
            if start < done:
                continue  # inside the previous name
            word = m.group()
            if word == "The" or not word[:1].isupper():
                continue  # "The United States" starts after "The"
            if start in shared:
                end, key, cue = shared[start]
                mentions.append(Mention(start, end, text[start:end], cue, key))
                done = end
                continue
            w = folded[start:stop]
            simple = "'" not in w and "-" not in word and word < "\u0400"  # no apostrophe, hyphen or Cyrillic
            plain = simple and w[-1:] != "s"  # ... nor an "s" that may make a plural of an everyday word
            abbreviation = text[stop : stop + 1] == "." and w + "." in key_flags
            if simple and w not in key_flags and w not in prefixes and not abbreviation:
                if len(w) >= 5:
                    unknown.append(m)  # most capitalised words are no place: decided in one lookup
                continue
            flags = key_flags.get(w) if plain else None
            n = None
            if simple and not abbreviation and w in prefixes:
                n = NEXT.match(text, stop)
                if n is None or (n.group(2).isalpha() and folded[n.start(2) : n.end(2)] not in self.second[w]):
                    # The next word continues no key that starts with this one (and is no possessive or
                    # hyphenated word that may end one: "New York's", "Los Angeles-based"): a one-word
                    # name or none.
                    if flags is None and (plain or w not in key_flags):
                        unknown.append(m)
                        continue
                    w_is_prefix = False
                else:
                    w_is_prefix = True
            else:
                w_is_prefix = w in prefixes
            if flags is not None and not w_is_prefix:
                # The common case, a one-word name no longer key starts with: the word and the
                # word after it (for the context rules) are all the window there is.
                if n is None:
                    n = NEXT.match(text, stop)
                tokens = [None, Token(start, stop, word, True)] + ([_token(n, 2)] if n else [])
                match = (1, stop, flags, "")
            else:
                tokens = self._window(text, folded, m)
                match = self._longest(tokens, text, folded)
            if abbreviation and match and match[1] == stop and text[max(0, start - 2) : start] == ", ":
                # "Churchill, Man.", "Hinton, Alta.": after a town, a region's abbreviation, not "Man"
                match = (1, stop + 1, key_flags[w + "."], w + ".")
            if match is None:
                unknown.append(m)
                continue
            if self._add(mentions, tokens, match, text, people):
                done = mentions[-1].end
                if text[done : done + 1] == "-" and done < stop:
                    done = self._hyphen_parts(text, folded, done + 1, stop, mentions)
        added = False
        war_zone: bool | None = None  # whether the text may be about the war zone (read when first needed)
        for m in unknown:  # misspelt war-zone towns, in place contexts only (see SpellingMatcher.misspelt)
            low = m.group().lower()
            if len(low) < 5 or not low.isalpha() or low in self.common_words or low in CALENDAR:
                continue  # cheap rejections before any window is built
            listed = self._listed_after(text, folded, m.start(), mentions)
            if not listed and not place_context(text, m.start(), m.end()):
                continue  # most unknown words: decided before a window is built
            if war_zone is None:
                war_zone = not self._only_elsewhere(mentions)
            if not war_zone:
                break
            if any(x.start <= m.start() < x.end for x in mentions):
                continue
            tokens = self._window(text, folded, m)
            match = self.spellings.misspelt(tokens, text)
            if match is not None:
                added = self._add(mentions, tokens, match, text, people) or added
        if added:
            mentions.sort(key=lambda x: x.start)
        return self._lowercase(text, folded, mentions)

    def _only_elsewhere(self, mentions: list[Mention]) -> bool:
        """Whether the text names places and every one of them, read as it most plausibly is, lies
        outside the war zone. In a story about Makurdi, Oaxaca or Tipperary an unknown name is a local
        place the gazetteer lacks or a person ("in Abagana", "in Matias Romero", "in Portroe"), not a
        misspelt Russian or Ukrainian village; a one-line report that names nothing else may still be one."""
        if not mentions:
            return False
        for demonym, k in {(x.cue == "demonym", x.key or name_key(x.surface)) for x in mentions}:
            if (demonym, k) in self._countries:
                country = self._countries[demonym, k]
            else:
                if len(self._countries) > _COUNTRIES_KEPT:
                    self._countries.clear()
                country = self._countries[demonym, k] = self.gazetteer.best_country(k, demonym=demonym)
            if country in FUZZY_COUNTRIES:
                return False
        return True

    def clear_cache(self) -> None:
        """Forget the names read so far (benchmarks replaying the same texts call it between rounds)."""
        self._countries.clear()

    def _listed_after(self, text: str, folded: str, start: int, mentions: list[Mention]) -> bool:
        """Whether the word at `start` continues a list after a war-zone town: "in the area of Ugledar
        and Novodarovka", "Pisky, Opytne": the first name's place context carries over to the next
        (not after "Essex and", where "Herts" is no misspelt Hertsa)."""
        joint = _LIST_JOINT.search(text, max(0, start - 8), start)
        if joint is None:
            return False
        return any(x.end == joint.start() and (x.key or folded[x.start : x.end] in self.lower_ok) for x in mentions)

    def _add(self, mentions: list[Mention], tokens: list, match, text: str, people: dict[str, bool]) -> bool:
        j, end, flags, key = match
        if not self.rules.accept(tokens, j, end, flags, text, people):
            return False
        first = tokens[1]
        cue = self._cue(tokens, j, text, flags)
        if not key and self._regions_office(text, first.start, end):
            key, cue = name_key(text[first.start : end]) + " region", "region"
        elif not cue and mentions and self._near_list(mentions[-1], text, first.start):
            cue = "near"
        mentions.append(Mention(first.start, end, text[first.start : end], cue, key))
        return True

    @staticmethod
    def _near_list(before: Mention, text: str, start: int) -> bool:
        """Whether the name at `start` goes on a list that "near" opened: "near Synkivka, Petropavlivka and
        Kruhliakivka" (not "in the Bakhmut direction, Chasiv Yar was shelled")."""
        return (before.cue == "near" and text[before.end : start] in LIST_GAPS
                and before.surface.rpartition(" ")[2].lower() not in FEATURE_CUES)

    def _regions_office(self, text: str, start: int, end: int) -> bool:
        """Whether the town's name at start:end names its region's office, which speaks for the region:
        "Belgorod Governor Vyacheslav Gladkov" (governors govern regions), "the Kherson regional
        administration said", "head of the Donetsk regional military administration". What such an office
        reports happened somewhere in the region, not in its capital. (The building of "the Kharkiv
        Regional State Administration", when it is hit, stands in the city.)"""
        after = text[end : end + 10].lower()
        if not after.startswith((" gov", " regional")) or name_key(text[start:end]) + " region" not in self.flags:
            return False
        if not after.startswith(" regional"):
            return _GOVERNOR.match(after) is not None  # "Governor", "Gov.", not "Government"
        return bool(_OFFICE_SPEAKS.match(text, end) or _OFFICIAL_OF.search(text, max(0, start - 30), start))

    def _hyphen_parts(self, text: str, folded: str, pos: int, end: int, mentions: list[Mention]) -> int:
        """The places after the first in a hyphenated pair ("Russia-Turkey ties", "EU-Canada deal",
        "Turkish-Russian relations"): each capitalised part that is a name of its own. Returns end."""
        for part in text[pos:end].split("-"):
            k = folded[pos : pos + len(part)]
            flags = self.flags.get(k.replace("'", ""), 0) if part[:1].isupper() else 0
            if flags and (not flags & 4 or flags & 24):  # no everyday words ("Anglo-Saxon Chronicle")
                cue = "demonym" if flags & 2 and not flags & 1 else ""
                mentions.append(Mention(pos, pos + len(part), part, cue, ""))
            pos += len(part) + 1
        return end

    def _coordinated(self, text: str, folded: str) -> dict[int, tuple[int, str, str]]:
        """"the Kherson and Mykolaiv regions", "Yuzhno-Donetsk and Zaporozhye directions", "the Lviv,
        Ivano-Frankivsk and Zaporizhzhia regions": a plural feature word shared by the names of a list
        makes each name that feature. start -> (end, key, cue)."""
        out: dict[int, tuple[int, str, str]] = {}
        if not any(w in text for w in _PLURAL_WORDS):
            return out  # most texts: a substring scan for the plural words, not one match attempt per capital
        for m in _COORDINATED.finditer(text):
            singular = m.group(4).lower()[:-1]
            spans = [n.span(1) for n in _LISTED.finditer(text, m.start(1), m.end(1))] + [m.span(2), m.span(3)]
            for a, b in spans:
                k = " ".join(folded[a:b].split()) + " " + singular
                if k in self.flags:
                    out[a] = (b, k, FEATURE_CUES.get(singular, ""))
        return out

    def _lowercase(self, text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
        """Field notes and captions write towns in lower case ("smoke rising in mariupol"): after a
        locative word, a lower-case war-zone town name that is no English word is still a place."""
        extra = []
        taken = None
        for m in _LOWER_AFTER_LOCATIVE.finditer(text):
            k = folded[m.start(1) : m.end(1)]
            if k not in self.lower_ok or len(k) < 5 or k in self.common_words:
                continue
            word = m.group(1)
            if taken is None:
                taken = [(x.start, x.end) for x in mentions]
            if any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue
            extra.append(Mention(m.start(1), m.end(1), word, "", ""))
        return sorted(mentions + extra, key=lambda x: x.start) if extra else mentions

    def _window(self, text: str, folded: str, m: re.Match) -> list[Token | None]:
        """[previous word or None, the capitalised word, the following words while a key can still
        continue, plus one word of look-ahead]."""
        tokens: list[Token | None] = [None, _token(m)]  # the previous word is found on demand
        pos = m.end()
        for _ in range(MAX_TOKENS):
            if " ".join(folded[m.start() : pos].split()) not in self.prefixes:
                n = NEXT.match(text, pos)  # the look-ahead word only
                if n is not None:
                    tokens.append(_token(n, 2))
                break
            n = NEXT.match(text, pos)
            if n is None:
                break
            token = _token(n, 2)
            dotted = text[token.end : token.end + 1] == "."
            if dotted and " ".join(folded[m.start() : token.end + 1].split()) in self.prefixes:
                token = Token(token.start, token.end + 1, token.text + ".", token.upper)  # "Fort St. John"
            tokens.append(token)
            pos = token.end
        return tokens

    # --- matching --------------------------------------------------------------------------------
    def _longest(self, tokens: list, text: str, folded: str) -> tuple[int, int, int, str] | None:
        """The longest gazetteer key starting at tokens[1]: (last token index, end offset, flags)."""
        start = tokens[1].start
        last = 1
        for j in range(2, len(tokens)):
            gap = text[tokens[j - 1].end : tokens[j].start]
            prefix = " ".join(folded[start : tokens[j - 1].end].split())
            if gap not in (" ", "-") or prefix not in self.prefixes:
                break
            last = j
        for j in range(last, 0, -1):
            tj = tokens[j]
            if j > 1 and not tj.upper and tj.text.lower() in _CONNECTORS:
                continue  # a name does not end on "of"
            end = tj.end
            k = " ".join(folded[start:end].split())
            flags = self.flags.get(k)
            if flags is None and "'" in k and not POSSESSIVE.search(tj.text):
                k = k.replace("'", "")  # "Berdyans'k" for Berdyansk (but "Steele's" is no Steeles)
                flags = self.flags.get(k)
            if flags is None and j == 1 and text[end : end + 1] == "." and k + "." in self.flags:
                end, k = end + 1, k + "."  # an abbreviation with its full stop ("Ky.", "Calif.")
                flags = self.flags[k]
            if flags is None and j > 1 and "-" in tj.text:  # "New York-based": the name before the hyphen
                cut = tj.start + tj.text.index("-")
                if (flags := self.flags.get(" ".join(folded[start:cut].split()))) is not None:
                    return j, cut, flags, ""
            if flags is None and POSSESSIVE.search(tj.text):
                end -= 2
                k = " ".join(folded[start:end].split())
                flags = self.flags.get(k)
            if flags is not None:
                return j, end, flags, "" if k == " ".join(folded[start:end].split()) else k
        first = tokens[1]
        if "-" in first.text:
            # "Kamyanka-Dniprovsk": a misspelt two-part war-zone name, matched whole ...
            whole = fold(first.text).replace("'", "")
            ties = self.spellings.misspelt_compound(whole) if whole.count(" ") == 1 else None
            if ties:
                return (1, first.end, *ties)
            # ... else the name before the hyphen ("Russian-backed", "Syrian-Turkish")
            end = first.start + first.text.index("-")
            k = folded[first.start : end]
            if k in self.flags:
                return 1, end, self.flags[k], ""
        if first.text[:1] >= "\u0400":  # Ukrainian and Russian decline names: "у Харкові", "Києва"
            for stem in cyrillic_stems(fold(first.text)):
                if stem in self.flags:
                    return 1, first.end, self.flags[stem], stem
        return None

    def _cue(self, tokens: list, j: int, text: str, flags: int) -> str:
        if flags & 2 and not flags & 1:
            return "demonym"
        last = tokens[j].text.lower()
        if last in FEATURE_CUES and j > 1:
            return FEATURE_CUES[last]
        nxt = tokens[j + 1].text.lower() if j + 1 < len(tokens) else ""
        if nxt in FEATURE_CUES and text[tokens[j].end : tokens[j + 1].start] == " ":
            return FEATURE_CUES[nxt]
        before = text[max(0, tokens[1].start - 30) : tokens[1].start].lower().split()[-3:]
        if before[-1:] == ["the"]:
            before = before[:-1]
        if len(before) >= 2 and before[-1] in ("over", "across") and before[-2] in _CROSSINGS:
            return "river"  # "Bridge over Dnipro at Nova Kakhovka": the river, not the city
        if len(before) >= 2 and before[-1] == "of" and before[-2] in _COMPASS_OF and not _IN_THE_PART.search(
            text, max(0, tokens[1].start - 40), tokens[1].start
        ):
            return "near"  # "advanced southwest of Kurakhove": by the town, not in it ("in the south of" is in it)
        for w in reversed(before):
            if w in _BEFORE_CUES:
                return _BEFORE_CUES[w]
            if w[-1:] in ",;:.)" or w[:1] == "(":
                break  # a cue before punctuation is another name's: "city of Irbid, Jordan", "MEXICO CITY (AP)"
        return ""


_LIST_JOINT = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+$|,\s*$")
