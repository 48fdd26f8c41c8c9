"""Whether a gazetteer name found in text is a place there: the rules that say it is not.

A capitalised word that is a gazetteer key is often no place: a person ("Volodymyr Zelensky", "George
Washington", "Noma said"), a title's bearer ("President ..."), an outlet ("the agency Tass"), a venue
or a street named after a town ("Gagarin Stadium in Chernihiv", "Atlantic Avenue"), an acronym ("the
OAS"), a weekday or month, or an everyday word ("Split between ..."). The rules read the words around
the name and generalise rather than list cases. Kept apart from the scanner (toponyms.py), which asks
NotPlaceRules.accept about every name it matches; the word lists and the readers of nearby words
(Token, previous_word) it shares with the scanner live here too.
"""

# mypy: disable-error-code="union-attr"
# (prev and nxt are Token | None; the rules test adjacent_prev / adjacent_next, which imply not None)

from __future__ import annotations

import re
from typing import NamedTuple

from .textnorm import fold

# The word after a position, with the space or hyphen before it (group 2), or initials ("U.S.").
NEXT = re.compile(r"([ \-]?)([^\W\d_]+(?:['’ʼ´ʹ\-][^\W\d_]+)*|(?:[A-Z]\.){2,})")
POSSESSIVE = re.compile(r"['’]s$")  # "Kharkiv's"
# Weekdays, months and feasts: capitalised, and some of them are towns somewhere ("May", "Easter").
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "christmas easter ramadan".split()
)
# Words that make the next capitalised word a person, not a place ("President Zelensky").
_TITLES = frozenset(
    "mr mrs ms dr president gen general minister premier governor gov mayor sen senator rep col colonel lt "
    "sgt sergeant capt captain cmdr commander adm admiral chancellor king queen prince princess pope "
    "father bishop sheikh emir ayatollah judge justice secretary spokesman spokeswoman spokesperson "
    "correspondent lord lady sir saint st. officer chief deputy ambassador envoy prosecutor reporter "
    "analyst professor prof dame archbishop cardinal imam rabbi pastor reverend patriarch cleric councillor "
    "councilman councilwoman alderman sheriff commissioner lawmaker congressman congresswoman mp mep".split()
)
_CONTRACTION = re.compile(r"\w+['’](?:ve|ll|re|d|m)|(?:here|there|that|what|it|let|who|where|he|she)['’]s")
# Cues before a name that make a place reading likely even for an everyday word ("in Split").
LOCATIVE = frozenset(
    "in near at from to outside around across into towards toward via of outskirts between inside "
    "village town city settlement region oblast district province".split()
)
# News agencies and armed groups whose names are also places' ("Xinhua" is a county of Henan as well;
# GeoNames lists "Hamas" among the names of Hamm, in Germany).
_ORGANISATIONS = frozenset("xinhua anadolu hamas".split())
# Nouns that introduce a named organisation or outlet, not a place ("the Russian agency Tass").
_ORG_INTRODUCERS = frozenset(
    "agency newspaper daily outlet broadcaster channel company firm magazine website newswire network "
    "group brand operator tabloid battalion brigade regiment squadron detachment".split()  # "battalion Sparta"
)
# Capitalised nouns after a place name that make it a facility's or a unit's name, not a person's
# ("Chuhuiv Airbase", "Kharkiv Oblast", "Azov Regiment").
_NAMED_AFTER = frozenset(
    "airbase airfield airport aerodrome port harbour harbor seaport station railway bridge dam plant refinery "
    "depot mine factory works hospital school university academy stadium square street avenue prospekt "
    "district raion oblast region province city town village hromada council administration regiment "
    "brigade battalion front direction sea river lake reservoir island spit peninsula highway road nuclear "
    "npp tpp chp hpp lavra monastery cathedral church mosque synagogue museum theatre theater".split()
)
# Compass words: before another name they qualify it ("North London", "Southern Europe").
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
# Venues named after people, events or other towns ("Gagarin Stadium", "Peremoha cinema", "Gorky
# Park"): followed by the town they stand in, the name is the venue's, not a place of its own.
_VENUES = frozenset(
    "stadium arena park cinema theatre theater square university college institute school lyceum gymnasium "
    "hospital clinic church cathedral monastery lavra mosque synagogue museum library market mall centre center "
    "palace hotel complex".split()
)
# A venue's name of up to two more capitalised words after the place's: "Olympic Sports Center",
# "Enerhetyk Sports Complex".
_VENUE_AFTER = re.compile(r" (?:[A-Z][\w'’\-]* ){1,2}(?i:" + "|".join(sorted(_VENUES)) + r")(?![\w])")
_IN_ANOTHER_PLACE = re.compile(
    r"(?:,| in| at| near) (?:the )?[A-ZА-ЯІЇЄҐ][\w'’\-]*+(?! (?:[Oo]blast|[Rr]egion|[Pp]rovince|[Dd]istrict|[Rr]aion))"
)  # ... but "Polohy factory, Zaporizhzhia Oblast" is Polohy's factory: a region after it, not a town
# "the city of Bam": a settlement word before "of" makes the name after it a town's.
_SETTLEMENT_OF = re.compile(r"\b(?:city|town|village|settlement|hamlet|port|capital|suburb)\s+$", re.IGNORECASE)
# Surnames that are also nouns of places: "Lincoln Park", "Chelsea Green" may be places themselves.
_PLACE_NOUNS = frozenset(
    "park hill hills wood woods green hall field fields lake lakes ford brook brooks bridge bridges cross "
    "church bay bank banks beach rivers island islands valley heights springs mills port castle gate gates "
    "street square garden gardens fort marsh moor heath dale vale grove forest mountain".split()
)
# A kinship word before a name makes it a relative's ("and wife, Tonya,").
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow|fianc[ée]e?|grandson|granddaughter"
    r"|nephew|niece|cousin|stepson|stepdaughter|sons|daughters|brothers|sisters)(?:,\s*|\s+)$"
)
# Abbreviations that continue a longer name ("Kherson Int. Airport"); an initial; particles of surnames.
_ABBREVIATIONS = frozenset("int intl natl univ hosp dept govt corp inc ltd co assn reg inst acad".split())
_INITIAL = re.compile(r"[A-Z]\.")
_PARTICLES = frozenset("de da di du del della van von der den ter le la dos das bin ibn".split()) | {"Bin", "Ibn"}
# (Arabic patronymics are capitalised as often as not: "Mohammed Bin Salman"; a capital "De" or "Van"
# is as often a surname's first word as a particle.)
# Words after a name that make it a street's name ("Atlantic Avenue", "Victoria St.").
_STREETS = frozenset("street st avenue ave road rd drive dr boulevard blvd lane ln".split())
# "X district of Y" ("X District, Y"): a city's district when Y (group 1) is a city, a raion when Y is a region (a
# region's name, or a region word after it: group 2).
_CITY_DISTRICT = re.compile(
    r"\s+[Dd]istrict(?:\s+of\s+(?:the\s+)?|,\s+)([A-ZА-ЯІЇЄ][\w'’\-]*)"
    r"(\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Gg]overnorate|[Pp]eople's|[Cc]ounty))?"
)
# Feature cues in the word after a name ("the Dnipro river", "the Bakhmut direction"): they keep a name a
# place here, and the finder reads them as the place's kind (the words before it: toponyms._BEFORE_CUES).
FEATURE_CUES = {
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


# Last words of multi-word place names that no given name ends with.
_FEATURE_ENDS = frozenset(FEATURE_CUES) | frozenset(
    "county state parish island islands prefecture borough municipality territory republic kingdom valley "
    "mountains lake bay sea ocean peninsula coast canton".split()
)


class Token(NamedTuple):  # a tuple: built tens of thousands of times per MB of text
    start: int
    end: int
    text: str
    upper: bool  # starts with a capital letter


class NotPlaceRules:
    """The rules over one finder's key table and word lists (see MentionFinder)."""

    def __init__(
        self,
        flags: dict[str, int],
        common_words: frozenset[str],
        given_names: frozenset[str],
        surnames: frozenset[str] = frozenset(),
    ) -> None:
        self.flags = flags
        self.common_words = common_words
        self.given_names = given_names
        # Common surnames that are also words ("Smith", "Brown", "Young"): after a given name they
        # make a person, not a longer place name ("Michael Smith" is no sheading of the Isle of Man).
        self.word_surnames = frozenset(n for n in surnames if n in common_words) - _PLACE_NOUNS
        self.surnames = surnames

    def accept(self, tokens: list, j: int, end: int, flags: int, text: str, people: dict[str, bool]) -> bool:
        """Whether the key matched over tokens[1..j] (ending at `end`, with its `flags`) names a place
        here. Fills in tokens[0], the previous word; adds to `people` the words it finds in people's names."""
        first = tokens[1]
        word = first.text.lower()
        single = j == 1
        if single and (word in CALENDAR or _CONTRACTION.fullmatch(word) or word in _ORGANISATIONS):
            return False  # "I've", "Here's": no Ive, no Heres; "Xinhua reported": no county in China
        prev = tokens[0] = previous_word(text, first.start)
        after_locative = prev is not None and prev.text.lower() in LOCATIVE  # "in", "near", "of" ...
        if single and _dateline(first.text, text, first.start, end):
            return True  # "BOSTON (Reuters) -", "WASHINGTON Barack Obama...": the story's dateline
        adjacent_prev = prev is not None and text[prev.end : first.start] == " "
        if adjacent_prev and prev.text.lower().rstrip(".") in _TITLES:
            return False  # "President Kharkiv"-style: a title makes a person
        if adjacent_prev and prev.text.lower() in _ORG_INTRODUCERS:
            return False  # "the agency Tass"
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        adjacent_next = nxt is not None and text[end : nxt.start] == " " and end == tokens[j].end
        district = _CITY_DISTRICT.match(text, end)
        if district and district.group(2) is None and not self.flags.get(fold(district.group(1)), 0) & 16:
            return False  # "the Kievsky District of Donetsk": a part of the city named after it, not a town
        if adjacent_next and nxt.upper and nxt.text.lower() in _STREETS:
            return False  # "Atlantic Avenue" is a street, not the ocean
        if adjacent_next and nxt.text.lower() in _VENUES and _IN_ANOTHER_PLACE.match(text, nxt.end):
            return False  # "Gagarin Stadium in Chernihiv", "Gorky Park, Kharkiv": a venue's name, in that town
        if adjacent_next and nxt.upper and (venue := _VENUE_AFTER.match(text, end)) and _IN_ANOTHER_PLACE.match(
            text, venue.end()
        ):
            return False  # "Olympic Sports Center ... in Chernihiv": the same with a longer venue name
        if single and word in _COMPASS and adjacent_next and nxt.upper and fold(nxt.text) in self.flags:
            return False  # "North London": the name after it is the place
        if single and not flags & 16 and _KIN_BEFORE.search(text, max(0, first.start - 16), first.start):
            return False  # "and wife, Tonya,", "her son Kurt": a relative's name
        if single and _acronym(first.text, prev, nxt, text, end) and not flags & 16:
            return False  # "the OAS", "the CHU in Montpellier": an organisation's initials
        if (
            adjacent_next
            and nxt.upper
            and (single or not flags & 16)  # "the Holy See Mikayel Minasyan": a country is no given name
            and (flags & 3 != 2)  # nor a demonym ("Egyptian Arabic")
            and (single or tokens[j].text.lower() not in _FEATURE_ENDS)  # nor "Montgomery County" (Democrats)
            and not (nxt.text.isupper() and len(nxt.text) <= 4)  # "Kyiv TV", "Zaporizhzhia NPP"
            and (not self._noun_after_name(nxt.text, text, nxt.end) or self._full_name(word, nxt.text, flags))
            # nor a region's, country's or big city's name before a plural noun ("Kentucky State Troopers"),
            # unless it is a given name and the plural a surname ("Dallas Mavericks", but "Austin Powers")
            and not (flags & 26 and self._plural_noun(nxt.text)
                     and (not self._given(first.text) or nxt.text.lower() not in self.surnames))
            and (self.flags.get(fold(nxt.text).strip()) is None or self._given_name(word, flags))
        ):
            people.setdefault(word, False)
            return False  # "Volodymyr Zelensky": a given name before a surname
        if (
            adjacent_prev
            and prev.upper
            and not prev.text.endswith(".")  # "... in Texas. Paris has grown": a sentence ended
            and not prev.text.rpartition("-")[2].islower()  # "Russian-occupied Kherson": an adjective
            and not (prev.text.isupper() and len(prev.text) >= 3)  # "CTV Winnipeg": an outlet's initials
            and not POSSESSIVE.search(prev.text)  # "Dolan's Canadian drama", "Prate's Paris office"
            and (not flags & 16 or self._given(prev.text))  # "Nazi Germany", "Costco Canada"; "Michael Jordan"
            and (not _sentence_start(text, prev.start) or self._given(prev.text))
            and (prev.text.lower() not in self.common_words  # "Marco Rubio", "Eric Campbell": Webster's
                 or (prev.text.lower() in self.given_names and not _sentence_start(text, prev.start)))  # lists them
            and (self.flags.get(fold(prev.text)) is None or self._given_name(prev.text.lower(), 0))
        ):
            # A surname after a known given name ("Jenny Palma") is the surest sign of a person.
            people[word] = people.get(word, False) or self._given(prev.text)
            return False  # "George Washington": a surname after a given name
        if single and prev is not None and not flags & 16 and self._surname_after(text, prev):
            people[word] = True
            return False  # "Jon R. Taylor", "Mike de Kock", "Lin-Manuel Miranda"
        base = POSSESSIVE.sub("", word)
        if single and base in people:
            if not flags & 24:
                return False  # "Mohamed Salah ... Salah scored": the same person again
            if (base in self.given_names or (people[base] and not flags & 16)) and not after_locative:
                # "Georgia Stevens ... said Georgia": the text has made the country a girl's name;
                # "Jenny Palma ... Palma said": and a city's name a surname.
                return False
        if (
            single
            and not flags & 24
            and not after_locative  # "soldiers in Bakhmut said"
            and _speaks(text, first.start, end)
        ):
            people.setdefault(word, False)
            return False  # "Noma said", "said Chen": a small town does not speak; a person does
        if single and flags & 64 and flags & 4 and not flags & 16 and not self._comma_place(text, end):
            # "Damage to Bridge over Dnipro": an everyday word that names only small towns is one only
            # before its region ("Wainwright, Alta.")
            return False
        if flags & 320 and not self._minor_town_context(text, first.start, end):
            # "Kyle Newman", "Notre Dame's star", "Alcoa has signed": a minor town wants a place cue; so
            # does a town's alternate name that is a person's ("Rozen's wife, Julia": no Plovdiv)
            return False
        # An everyday word, or its plural (the dictionary lists none): "Cars destroyed in Borodyanka" is
        # no Kars, in Turkey.
        common = single and bool(
            flags & 4 or (word[-1:] == "s" and word[:-1] in self.common_words and not flags & 8)  # not "Paris"
        )
        if not common or flags & 16:
            return True  # countries ("China", "Turkey") even where the word is everyday
        if _sentence_start(text, first.start):
            return False  # "Reading the report..." / "Split between..."
        if adjacent_prev and prev.upper and not _sentence_start(text, prev.start):
            return False  # "the Convention Centre": the last word of a longer name
        # A title after it makes it the place the office is of ("Manila Archbishop", "Nice Mayor").
        titled = adjacent_next and nxt.upper and nxt.text.lower() in _TITLES
        if adjacent_next and nxt.upper and nxt.text.lower() not in FEATURE_CUES and not titled:
            return False  # "near Sigma Software": an everyday word opening a longer name
        if after_locative and (
            prev.text.lower() != "of" or _SETTLEMENT_OF.search(text, max(0, prev.start - 12), prev.start)
        ):
            # "in Split", "the city of Bam" (but "the Palace of Culture" names no Kültür, in Turkey, and
            # "damage to Store in Maryinka" no Slovenian region: an everyday word after a locative is a
            # town or nothing)
            return bool(flags & 128)
        # A big city or a region capitalised mid-sentence, unless it opens a longer name ("Central Bank").
        return bool(flags & 32) and (titled or not (adjacent_next and nxt.upper))

    def _minor_town_context(self, text: str, start: int, end: int) -> bool:
        """A place context strong enough for a minor town's name, which is as often a surname: a
        locative before it or a feature word after it (see place_context), or after a comma a place
        ("Allendale, N.J.", "Hugo, Oklahoma"), not just any comma ("said Ray Payette, referring to")."""
        if text[end : end + 1] != ",":
            return place_context(text, start, end)
        return self._comma_place(text, end) or place_context(text, start, end, comma=False)

    def _comma_place(self, text: str, end: int) -> bool:
        """Whether a comma and a place follow `end` ("Allendale, N.J.", "Hugo, Oklahoma")."""
        if text[end : end + 1] != ",":
            return False
        n = NEXT.match(text, end + 1)
        return n is not None and n.group(1) == " " and n.group(2)[:1].isupper() and (
            fold(n.group(2)) in self.flags or fold(n.group(2)) + "." in self.flags)

    def _surname_after(self, text: str, prev: Token) -> bool:
        """Whether the word after `prev` ends a person's name the surname branch of accept misses: after
        a given name and an initial ("Jon R. Taylor") or a particle ("Mike de Kock", "Ursula von der Leyen")."""
        before = prev
        if _INITIAL.fullmatch(prev.text):
            before = previous_word(text, prev.start)
        else:
            for _ in range(2):  # "de", "von der"
                if before is None or before.text not in _PARTICLES or text[before.end : before.end + 1] != " ":
                    break
                before = previous_word(text, before.start)
            if before is prev:
                return False
        return (
            before is not None and before.upper and text[before.end : before.end + 1] == " "
            and before.text.lower() in self.given_names
        )

    def _full_name(self, word: str, nxt: str, flags: int) -> bool:
        """A given name and a common surname that Webster's also lists ("Michael Smith", "Paul Young",
        "Charlotte Green"): a person, though the surname is a word. Countries keep their reading."""
        return word in self.given_names and not flags & 16 and nxt.lower() in self.word_surnames

    def _plural_noun(self, word: str) -> bool:
        """The plural of an everyday noun ("Troopers", "Playboys", "Protestants"): after a region, country
        or demonym that is nobody's given name it names members or things of the place ("Kentucky State
        Troopers", "American Protestants"), not a surname (the dictionary lists no plurals)."""
        low = word.lower()
        words = self.common_words
        return low[-1:] == "s" and (low[:-1] in words or (low[-2:] == "es" and low[:-2] in words))

    def _given(self, word: str) -> bool:
        """A known given name, or a hyphenated one ending in one ("Lin-Manuel", "Jean-Claude")."""
        low = word.lower()
        if low in self.given_names:
            return True
        parts = word.split("-")
        return len(parts) > 1 and all(p[:1].isupper() for p in parts) and parts[-1].lower() in self.given_names

    def _given_name(self, word: str, flags: int) -> bool:
        """A common given name that is also a town's ("Kobe Bryant", "Taras Shevchenko", "Charlotte
        Smith"): before a surname it is the person's. Countries and regions keep their reading
        ("Georgia", "Jordan")."""
        return word in self.given_names and not flags & 16

    def _noun_after_name(self, word: str, text: str, end: int) -> bool:
        """Whether a capitalised word after a name makes the name a place in a longer name, not a
        given name: an everyday noun ("Washington Post's", "Kerala Police"), a weekday or month, a
        feature word ("Kharkiv Oblast") or a title ("Oklahoma Gov. Mary Fallin")."""
        low = POSSESSIVE.sub("", word.lower()).partition("-")[0]  # "President-elect"
        if low in _ABBREVIATIONS and text[end : end + 1] == ".":
            return True  # "Kherson Int. Airport", "Kyiv Natl. University": a longer name, abbreviated
        if low in self.common_words or low in FEATURE_CUES or low in _NAMED_AFTER or low in CALENDAR:
            return True  # ... or a date ("met in Moscow, Russia Thursday")
        return low in _TITLES or (text[end : end + 1] == "." and low + "." in _TITLES)


def _acronym(word: str, prev: Token | None, nxt: Token | None, text: str, end: int) -> bool:
    """An all-capitals word of up to five letters outside an all-capitals headline or dateline
    ("OAS", "CHU"; not "KYIV, Ukraine", "CAIRO -", "STRIKES ON KYIV", nor the abbreviation "B.C.")."""
    if not (word.isupper() and len(word) <= 5) or "." in word:
        return False
    if text[end : end + 1] == "," or text[end : end + 2] in (" -", " —", " –"):
        return False
    if _sentence_start(text, end - len(word)):
        return False
    return not any(t is not None and len(t.text) > 1 and t.text.isupper() for t in (prev, nxt))


_SAID_AFTER = re.compile(r"[’']?s? (?:said|says|told|added|explained|wrote|tweeted|recalled|admitted)\b")
_SAID_BEFORE = re.compile(r"(?:said|says|told|added|explained|wrote|tweeted)\s*$")


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end speaks: "Noma said", "," said Chen"."""
    return _SAID_AFTER.match(text, end) is not None or _SAID_BEFORE.search(text, max(0, start - 12), start) is not None


def _dateline(word: str, text: str, start: int, end: int) -> bool:
    """An all-capitals place opening a line and followed by its region, the agency or a dash:
    "BOSTON (Reuters) -", "MANILA, Philippines -", "BERLIN —", "WASHINGTON Barack Obama..."."""
    if len(word) < 4 or not word.isupper():
        return False
    after = text[end : end + 3]
    marked = after[:1] in (",", "(") or after[:2] in (" (", " -", " —", " –", " ,")
    before = text[max(0, start - 20) : start].strip(" \t").rpartition("\n")[2]  # the line before the word
    if before:
        # Mid-line, only after a byline's or caption's full stop, and with the dateline's mark:
        # "By Nate Raymond. BOSTON (Reuters) -", "Photo by ... /Rappler. MANILA, Philippines -".
        return before.endswith(".") and marked
    return marked or (after[:1] == " " and after[1:2].isupper() and after[2:3].islower())  # no all-caps headline


def previous_word(text: str, pos: int) -> Token | None:
    """The word before pos (with a trailing full stop, for titles such as "Gen."), or None."""
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    end = k + 1
    if k >= 0 and text[k] == ".":
        k -= 1
    while k >= 0 and (text[k].isalpha() or text[k] in "'’ʼ´ʹ-"):
        k -= 1
    word = text[k + 1 : end]
    if not word or not word[0].isalpha():
        return None
    return Token(k + 1, end, word, word[0].isupper())


def _sentence_start(text: str, pos: int) -> bool:
    """Whether pos starts a sentence, headline or quotation (nothing but openers before it), or a
    caption after its timestamp ("00:34 Tank firing at...", "0:00- 1:06 Russian forces...")."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'«(—–-*•":
        k -= 1
    if k < 0 or text[k] in ".!?:\n\r…":
        return True
    if not text[k].isdigit():
        return False
    line_start = text.rfind("\n", max(0, pos - 24), pos) + 1  # a timestamp is short: look back a little
    if line_start == 0 and pos > 24:
        return False
    return _TIMESTAMP.fullmatch(text, line_start, pos) is not None


_TIMESTAMP = re.compile(r"[\s(]*\d{1,2}:\d{2}(?:\s*[-–]\s*\d{1,2}:\d{2})?[\s)\-–:]*")


def place_context(text: str, start: int, end: int, comma: bool = True) -> bool:
    """Whether the word at start:end stands where a place would: after a locative ("in Popasana"),
    before a feature word ("Popasana district") or, unless `comma` is False, before a comma
    ("Popasana, Luhansk Oblast")."""
    if comma and text[end : end + 1] == ",":
        return True
    n = NEXT.match(text, end)
    if n is not None and n.group(2).lower() in FEATURE_CUES:
        return True
    prev = previous_word(text, start)
    return prev is not None and (prev.text.lower() in LOCATIVE or prev.text.lower() in ("on", "over"))
