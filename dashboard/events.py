"""Per-sentence event signals: event types, modality and casualty counts.

Everything here is keyword/pattern lexicons (lexicon.py) over lower-cased text with word boundaries,
compiled once at import: the stage runs over every sentence of every article, so it must stay fast and
predictable, and an analyst must be able to see *why* a type was given (`type_cues`).
One Aho-Corasick pass finds where any pattern can start; only those patterns are then tried.

Conventions worth knowing:
- A strike whose weapon is not named ("Strike on Kyiv TV tower", "the bombardment") is typed
  `explosion`, the taxonomy's catch-all for blasts of unknown origin, so it still shows as a strike.
- Facilities (power plants, bridges, railways) are infrastructure damage only when struck or damaged;
  blackouts and power/water cuts are infrastructure damage on their own.
- Modality qualifies events: a sentence with no event type is "reported" (there is nothing to qualify).
  `clauses.place_modality` narrows it to the relative clause naming a place.

What each place named in the sentence takes of these is decided apart: its role (placerole.py), and
the types and modality of its own clause (clauses.py); both read the cached analysis made here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from dashboard.lexicon import EVENT_RULES, MOD, NUM, NUM_WORDS, RULES
from dashboard.records import EVENT_TYPES, TYPE_GROUPS

_QUESTION = re.compile(r"\?\s*[\"'”’»]?\s*$")


def _literal_prefixes(pattern: str) -> set[str]:
    """Literal strings one of which every match of `pattern` starts with ("" when unknown).

    Feeds the Aho-Corasick prefilter: a rule's regex only runs on sentences that contain one of
    its prefixes, which is what keeps classification fast on text that mentions no event at all.
    """
    if pattern.startswith("(?:"):
        depth, j = 0, 0
        alts: list[str] = []
        cur: list[str] = []
        for j, ch in enumerate(pattern):
            if ch == "(" and (j == 0 or pattern[j - 1] != "\\"):
                depth += 1
                if depth == 1:
                    continue
            elif ch == ")" and pattern[j - 1] != "\\":
                depth -= 1
                if depth == 0:
                    break
            if depth == 1 and ch == "|":
                alts.append("".join(cur))
                cur = []
            elif depth >= 1:
                cur.append(ch)
        alts.append("".join(cur))
        alts[0] = alts[0].removeprefix("?:")
        rest = pattern[j + 1:]
        out: set[str] = set()
        if rest[:1] in ("?", "*") or rest.startswith("{0"):
            return _literal_prefixes(rest.lstrip("?*")) | {p for a in alts for p in _literal_prefixes(a)}
        follow = _literal_prefixes(rest) if rest and rest[0] not in "+{" else {""}
        for alt in alts:
            for prefix in _literal_prefixes(alt):
                # A wholly literal alternative continues with what follows the group: "new attempt".
                out |= {prefix + f for f in follow} if prefix == alt else {prefix}
        return out
    lit: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            nxt = pattern[i + 1:i + 2]
            if nxt.isalnum() or not nxt:
                break
            lit.append(nxt)
            i += 2
            continue
        if ch in "?*{":
            if lit:
                lit.pop()
            break
        if ch in ".[(|^$+":
            break
        lit.append(ch)
        i += 1
    return {"".join(lit)}


def _compile_one(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])")


_Entry = tuple[str, re.Pattern[str]]
# Rules that only qualify events already found (modality); they are matched only when there is one.
_QUALIFIER_RULES = frozenset(("denied", "threatened", "expected", "reported_frame"))
_PUNCT = re.compile(r"[^\w ]")
# _PUNCT.sub(" ", ·) for ASCII text, as a byte table (a regex substitution tests every character slowly).
_ASCII_BLANKS = bytes(c if chr(c).isalnum() or chr(c) in "_ " else 32 for c in range(128)) + b" " * 128


def _blank_punctuation(low: str) -> str:
    """`low` with every character that is neither a word character nor a space replaced by a space."""
    if low.isascii():
        return low.encode().translate(_ASCII_BLANKS).decode()
    return _PUNCT.sub(" ", low)


def _build_matcher() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton, tuple[_Entry, ...]]:
    """Aho-Corasick automata from each pattern's literal prefixes to (rule, anchored regex): one for the
    event rules, one for the qualifiers and vetoes, which matter only once what they qualify or veto is
    found (most sentences naming a place report no event: their "in", "for", "will" are never tried).

    Matching a sentence is then one C-speed pass for the prefixes plus a few anchored regex
    matches where a prefix occurs at a word start, instead of one big alternation per rule.
    Patterns without a usable literal prefix are returned apart and searched in full.
    """
    table: dict[str, list[_Entry]] = {}
    unanchored: list[_Entry] = []
    for rule, (pos, _veto) in RULES.items():
        for pattern in pos:
            entry = (rule, _compile_one(pattern))
            prefixes = _literal_prefixes(pattern)
            if any(not p.strip() for p in prefixes):
                unanchored.append(entry)
                continue
            for prefix in prefixes:
                table.setdefault(prefix, []).append(entry)
    keyed: dict[str, list[_Entry]] = {}
    for prefix, entries in table.items():
        keyed.setdefault(" " + _PUNCT.sub(" ", prefix), []).extend(entries)
    events, later = ahocorasick.Automaton(), ahocorasick.Automaton()
    for key, entries in keyed.items():
        unique = tuple(dict.fromkeys(entries))
        event = tuple(e for e in unique if e[0] not in _QUALIFIER_RULES and not e[0].startswith("veto:"))
        after = tuple(e for e in unique if e[0] in _QUALIFIER_RULES or e[0].startswith("veto:"))
        if event:
            events.add_word(key, (len(key), event))
        if after:
            later.add_word(key, (len(key), after))
    events.make_automaton()
    later.make_automaton()
    return events, later, tuple(unanchored)


_MATCHER, _LATER, _UNANCHORED = _build_matcher()


def _find_rules(low: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of every rule's positive patterns in a lower-cased sentence (vetoes not yet applied).

    Qualifiers are matched only when an event rule is found, and a rule's vetoes only when the rule is.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    # Keys start with a space and punctuation is blanked one-for-one, so every hit is at a word start.
    blanked = " " + _blank_punctuation(low)
    for end, (size, event) in _MATCHER.iter(blanked):
        start = end - size + 1
        for rule, rx in event:
            m = rx.match(low, start)
            if m is not None:
                found.setdefault(rule, []).append(m.span())
    if found:
        qualify = not EVENT_RULES.isdisjoint(found)
        for end, (size, entries) in _LATER.iter(blanked):
            start = end - size + 1
            for rule, rx in entries:
                if rule in _QUALIFIER_RULES:
                    if not qualify:
                        continue
                elif rule[5:] not in found:  # "veto:<rule>"
                    continue
                m = rx.match(low, start)
                if m is not None:
                    found.setdefault(rule, []).append(m.span())
    for rule, rx in _UNANCHORED:
        for m in rx.finditer(low):
            found.setdefault(rule, []).append(m.span())
    for rule, spans in found.items():
        if len(spans) > 1:
            found[rule] = sorted(set(spans))
    return found


def _lower(text: str) -> str:
    """Lower-case without changing length, so spans found in it are spans of `text`."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --- casualty counts ------------------------------------------------------------------------------
_PEOPLE_GAP = r"(?:[a-zа-яіїєґ'’-]+ |\d{1,3}-year-old ){0,4}?"  # "two people", "a 54-year-old man"
_KILL_WORDS = (
    r"(?:killed|dead|died|die|perished|slain|lost their lives|погибл\w*|погиб\w*|убит\w*"
    r"|загинул\w*)"
)
_INJ_WORDS = r"(?:injured|wounded|hurt|hospitali[sz]ed|injuries|ранен\w*|поранен\w*|травм\w*)"
_AUX = r"(?:(?:were|was|have been|has been|had been|are|is|got|being|reportedly|been|also) )*"
# Each count pattern with words one of which every match contains, and whether a match starts with it: a
# search runs only when one of them occurs, and then from the first that starts a match.
_COUNT_KILLED = (
    (re.compile(rf"(?<![\w,.])({MOD}{NUM}) {_PEOPLE_GAP}{_AUX}{_KILL_WORDS}(?![\w])"),
     ("killed", "dead", "die", "perished", "slain", "lost their lives", "погиб", "убит", "загинул"), False),
    (re.compile(rf"(?<![\w-])(?:killed|killing|kills|kill|killed at least) ({MOD}{NUM})(?![\w])"), ("kill",), True),
    # "загинули двоє людей", "погибли три человека": the verb before the count
    (re.compile(rf"(?<![\w-])(?:загину\w*|загинул\w*|погибл\w*|погиб\w*|убит\w*|вбит\w*) ({NUM})(?![\w])"),
     ("загин", "погиб", "убит", "вбит"), True),
    (re.compile(rf"(?<![\w-])death toll (?:\w+ ){{0,4}}?(?:to|at|is|of|reached|stands at|hit) ({MOD}{NUM})"
                r"(?![\w])"), ("death toll",), True),
    (re.compile(rf"(?<![\w-])(?:destroyed|eliminated|neutrali[sz]ed) ({MOD}{NUM}) (?:\w+ )?"
                r"(?:soldiers|servicem[ae]n|personnel|militants|fighters|mercenaries|troops|nationalists)"),
     ("destroyed", "eliminated", "neutrali"), True),
)
_COUNT_INJURED = (
    (re.compile(rf"(?<![\w,.])({MOD}{NUM}) {_PEOPLE_GAP}{_AUX}(?:were |was )?{_INJ_WORDS}(?![\w])"),
     ("injur", "wounded", "hurt", "hospitali", "ранен", "травм"), False),
    (re.compile(rf"(?<![\w-])(?:injuring|wounding|injured|wounded) ({MOD}{NUM})(?![\w])"), ("injur", "wound"), True),
    (re.compile(rf"(?<![\w-])(?:поранен\w*|ранен\w*|травмован\w*|постраждал\w*|пострадал\w*) ({NUM})(?![\w])"),
     ("поранен", "ранен", "травмован", "постраждал", "пострадал"), True),
)
_NOT_PEOPLE = re.compile(
    r"(?<![\w-])(?:missiles?|drones?|rockets?|shells?|bombs?|uavs?|strikes?|attacks?|explosions?|km|kilomet"
    r"\w*|miles?|hours?|days?|minutes?|times?|percent|per cent|%|buildings?|houses?|homes?|cities|towns"
    r"|villages?|settlements?|regions?|years?|months?|weeks?|tanks?|vehicles?)(?![\w])"
)
_MOD_STRIP = re.compile(r"^" + MOD)
_NUM_SPLIT = re.compile(r"[- ]")


def _parse_number(s: str) -> int | None:
    s = _MOD_STRIP.sub("", s.strip()).strip()
    if not s:
        return None
    if s[0].isdigit():
        try:
            return int(s.replace(",", ""))
        except ValueError:
            return None
    if s in NUM_WORDS:
        return NUM_WORDS[s]
    parts = _NUM_SPLIT.split(s)
    if len(parts) == 2 and parts[0] in NUM_WORDS and parts[1] in NUM_WORDS:
        return NUM_WORDS[parts[0]] + NUM_WORDS[parts[1]]
    return None


def _count(low: str, patterns: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]) -> int | None:
    best: int | None = None
    for pat, words, leading in patterns:
        start = -1
        for word in words:
            at = low.find(word)
            if at >= 0 and (start < 0 or at < start):
                start = at
        if start < 0:
            continue  # no match is possible
        for m in pat.finditer(low, start if leading else 0):
            between = low[m.end(1):m.end()] if m.start(1) == m.start() else ""
            if between and _NOT_PEOPLE.search(between):
                continue
            n = _parse_number(m.group(1))
            if n is not None and n < 1_000_000 and (best is None or n > best):
                best = n
    return best


# "killed two people in Kostiantynivka and one in Pokrovsk": a count standing right before a place it
# belongs to (matched on the lower-cased text before the place).
_COUNT_BEFORE_PLACE = re.compile(
    rf"(?<![\w,.])({MOD}{NUM})((?: [a-zа-яіїєґ'’-]+){{0,3}}?) (?:(?:were |was |have been |has been )?"
    rf"({_KILL_WORDS}|{_INJ_WORDS}) )?(?:in|near|at|on) (?:the )?"
    r"(?:(?:city|town|village|settlement|community|district|region) (?:of )?)?$"
)
_INJURY_WORD = re.compile(rf"{_INJ_WORDS}|injur|wound")
_KILL_OR_INJURY = re.compile(rf"(?<![\w-])(?:kill\w*|{_KILL_WORDS}|{_INJ_WORDS}|injur\w*|wound\w*)(?![\w])")


def count_before_place(text: str, start: int) -> tuple[str, int] | None:
    """("killed" or "injured", n) for a casualty count standing right before the place at `start` ("killed
    two people in Kostiantynivka and one in Pokrovsk": 2 and 1), else None. The kind is the count's own
    verb, else the last casualty word before it."""
    low = text[max(0, start - 80) : start].lower()
    m = _COUNT_BEFORE_PLACE.search(low)
    if m is None or _NOT_PEOPLE.search(m.group(2)):
        return None
    n = _parse_number(m.group(1))
    verb = m.group(3) or next(reversed(_KILL_OR_INJURY.findall(low, 0, m.start())), None)
    if n is None or verb is None:
        return None
    return ("injured" if _INJURY_WORD.match(verb) else "killed"), n


# --- public API -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SentenceSignals:
    types: tuple[str, ...]  # taxonomy ids from records.EVENT_TYPES, ordered as EVENT_TYPES
    modality: str  # one of records.MODALITIES
    killed: int | None
    injured: int | None


def _analyse(low: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of every rule (event types and modality cues) found in a lower-cased sentence."""
    found = _find_rules(low)
    for rule in [r for r in found if r.startswith("veto:")]:
        vetoes = found.pop(rule)
        target = rule[5:]
        if target in found:
            kept = [sp for sp in found[target] if not any(a <= sp[0] and sp[1] <= b for a, b in vetoes)]
            if kept:
                found[target] = kept
            else:
                del found[target]
    _refine(low, found)
    return found


# Per-sentence caches. The pipeline asks about one sentence several times in a row (its signals, then
# the role, types and modality of each place in it); analysing it once is most of the stage's speed.
# They are small on purpose: reuse is within a sentence, memory stays flat over any number of articles,
# and benchmarks that replay the same texts measure work, not cache hits. `clear_caches` empties them.
_CACHE_SIZE = 32
_CACHES: list = []  # every function made with sentence_cache: here, in placerole.py and in clauses.py


def sentence_cache(func):
    """`func` with a per-sentence cache (see above), one that clear_caches empties."""
    cached = lru_cache(maxsize=_CACHE_SIZE)(func)
    _CACHES.append(cached)
    return cached


@sentence_cache
def sentence_analysis(text: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """(lower-cased text, rule -> spans) for one sentence. The result is shared: read it, never change it."""
    low = _lower(text)
    return low, _analyse(low)


def clear_caches() -> None:
    """Forget every cached sentence analysis (those of placerole.py and clauses.py too)."""
    for cached in _CACHES:
        cached.cache_clear()


def type_cues(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans (into `text`) of the words that justify each event type: shown to analysts as evidence."""
    found = sentence_analysis(text)[1]
    return {t: list(found[t]) for t in EVENT_TYPES if t in found}


_GENERIC_DAMAGE = re.compile(
    r"(?:damage[ds]?|destroy\w*|destruction|ruins?|ruined|rubble|collapsed?|wreck\w*|burn\w*(?: down)?"
    r"|gutted|razed|levell?ed|flattened|aftermath|on fire|in flames|engulfed|fires?|smoke"
    r"|разруш\w*|поврежд\w*|пошкодж\w*)"
)


# Weapon platforms named without any attack verb are a military presence, not a strike
# ("Russian Ka-52 helicopters were spotted in Alchevsk", "Iskander missile systems at a training ground").
_PLATFORM_RE = re.compile(
    r"(?<![\w-])(?:helicopters?|jets?|aircraft|warplanes?|planes?|su[- ]?\d\d\w*|ka-?5\d\w*"
    r"|mi-\d+\w*|artillery"
    r"|howitzers?|mlrs|msta(?:-s)?|tos[- ]?1a?|grads?|uragans?|smerch|himars|iskanders?"
    r"|missiles?|systems?|mortars?"
    r"|launchers?|bm-\d+|m777s?|tanks?|russian|ukrainian|heavy|\w+ missile)(?![\w])"
)
_ATTACK_WORDS = (
    r"(?:fir(?:e|ed|es|ing)|shell\w*|strik\w*|struck|attack\w*|bomb\w*|launch\w*|hit"
    r"|hits|shot|shoot\w*"
    r"|destroy\w*|explo\w+|blast\w*|rockets?|impact\w*|target\w*|rained|fell|pound\w*|barrage\w*|salvo\w*"
    r"|raids?|airstrikes?|strikes?|mission|sortie\w*|operations?|assault|kill\w*|damag\w*"
    r"|missiles? (?:hit|fell))"
)
_ATTACK_RE = re.compile(rf"(?<![\w-]){_ATTACK_WORDS}(?![\w])")
_ATTACK_STARTS = tuple(sorted(_literal_prefixes(_ATTACK_WORDS)))  # every match starts with one of these


def _attack_word(low: str) -> bool:
    """Whether `low` has a word of attack (_ATTACK_RE), searched only from where one can first start."""
    first = -1
    for start in _ATTACK_STARTS:
        at = low.find(start)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first >= 0 and _ATTACK_RE.search(low, first) is not None


def _platforms_to_movement(low: str, cues: dict[str, list[tuple[int, int]]]) -> None:
    weapon_types = ("air_strike", "missile_strike", "shelling")
    present = [t for t in weapon_types if t in cues]
    if not present or any(t in cues for t in ("drone_strike", "explosion", "interception", "casualties")):
        return
    if _attack_word(low):
        return
    for t in present:
        spans = cues[t]
        if all(_PLATFORM_RE.fullmatch(low, a, b) for a, b in spans):
            cues.setdefault("military_movement", []).extend(spans)
            del cues[t]


_STRIKE_RULES = frozenset(TYPE_GROUPS["strikes"])
_SECTOR_BEFORE = re.compile(
    r"(?:in|on|at|along|towards?|near|the|and)\s+(?:the\s+)?[\w'’-]+(?:\s+and\s+[\w'’-]+)?\s+$"
)


_PASSIVE_GAP = re.compile(r"\s*(?:(?:was|were|is|are|been|being|has|have|had|got|reportedly|completely|partially|"
                          r"totally|also)\s+)*")


def _damaged_is_military(low: str, damage: list[tuple[int, int]], military: list[tuple[int, int]]) -> bool:
    """Whether the thing a damage word is about is military: named after it ("destruction of a Russian
    tank", "destroyed two BMPs") or just before it ("tanks were destroyed"). Soldiers elsewhere in the
    sentence do not make a town's ruins military ("Russian troops showing off the destruction in X")."""
    for a, b in damage:
        for s, e in military:
            if b <= s <= b + 50 or (e <= a and _PASSIVE_GAP.fullmatch(low, e, a)):
                return True
    return False


def _refine(low: str, cues: dict[str, list[tuple[int, int]]]) -> None:
    """Cross-type rules that single lexicons cannot express."""
    infra = cues.get("infrastructure_damage")
    if infra:
        # Damage words alone ("destroyed", "fire") mean infrastructure only when the damaged thing is
        # not purely military ("Destruction of Russian tank" is a strike, not infrastructure damage).
        specific = [s for s in infra if not _GENERIC_DAMAGE.fullmatch(low, s[0], s[1])]
        if not specific:
            civil = "civil" in cues or "energy_infra" in cues
            military = "military" in cues and _damaged_is_military(low, infra, cues["military"])
            people = "casualties" in cues and "people" in cues
            if not civil and (military or people or "interception" in cues):
                del cues["infrastructure_damage"]
    if "no_casualties" in cues:
        cues.pop("casualties", None)
    ground = cues.get("ground_fighting")
    if ground:
        # "direction" is a front sector only after a place: "in the Kupyansk direction".
        kept = [sp for sp in ground if not low.startswith("direction", sp[0])
                or _SECTOR_BEFORE.search(low, max(0, sp[0] - 60), sp[0])]
        if kept:
            cues["ground_fighting"] = kept
        else:
            del cues["ground_fighting"]
    _platforms_to_movement(low, cues)
    generic = cues.pop("generic_strike", None)
    fire = cues.pop("fire", None)
    strike = not _STRIKE_RULES.isdisjoint(cues)
    if not strike and "ground_fighting" not in cues and (
        generic or (fire and "military_movement" not in cues)
    ):
        cues["explosion"] = generic or fire  # type: ignore[assignment]
        strike = True
    if strike and "infrastructure_damage" not in cues:
        # A strike on a utility or transport facility ("missiles hit power plants"), or on a civilian
        # building when nobody is reported hurt ("Strike on school nr. 6"), is infrastructure damage.
        hit = cues.get("energy_infra") or (None if "casualties" in cues else cues.get("structure"))
        if hit:
            cues["infrastructure_damage"] = hit
    positions = cues.pop("positions", None)
    if positions and not strike and "ground_fighting" not in cues:
        cues.setdefault("military_movement", []).extend(positions)
    if "aid" in cues:
        # "plans to send the advanced Patriot anti-aircraft missiles": weapons given as aid are no strike.
        aid_spans = cues["aid"]
        for t in ("missile_strike", "air_strike", "shelling", "drone_strike", "military_movement"):
            if t in cues:
                kept = [sp for sp in cues[t] if not any(a <= sp[0] <= b + 60 for a, b in aid_spans)]
                if kept:
                    cues[t] = kept
                else:
                    del cues[t]


def modality_of(
    low: str, found: dict[str, list[tuple[int, int]]], lo: int = 0, hi: int | None = None
) -> str:
    """Modality from the cues lying within low[lo:hi] (the whole sentence by default)."""
    hi = len(low) if hi is None else hi
    if not ("denied" in found or "threatened" in found or "expected" in found):
        return "expected" if hi >= len(low) and "?" in low and _QUESTION.search(low) else "reported"

    def within(rule: str) -> list[tuple[int, int]]:
        return [sp for sp in found.get(rule, ()) if lo <= sp[0] and sp[1] <= hi]

    if within("denied"):
        return "denied"
    if within("threatened"):
        return "threatened"
    frames = within("reported_frame")
    expected = [sp for sp in within("expected") if not any(a <= sp[0] < b for a, b in frames)]
    if expected or (hi >= len(low) and _QUESTION.search(low)):
        return "expected"
    return "reported"


# Which casualty cues make a count worth looking for.
_KILL_CUE = re.compile(r"kill|dead|died|death|perish|slain|lost|destroy|elimin|neutrali|погиб|убит|вбит|загин")
_INJURY_CUE = re.compile(r"injur|wound|hurt|hospital|ранен|поранен|травм|постраждал|пострадал")


def classify_sentence(text: str) -> SentenceSignals:
    """Event types, modality and casualty counts reported by one sentence."""
    if not text or not isinstance(text, str):
        return SentenceSignals((), "reported", None, None)
    return _classify(text)


@sentence_cache
def _classify(text: str) -> SentenceSignals:
    low, found = sentence_analysis(text)
    types = tuple(filter(found.__contains__, EVENT_TYPES))
    killed = injured = None
    if "casualties" in found:
        words = " ".join(low[a:b] for a, b in found["casualties"])
        if _KILL_CUE.search(words):
            killed = _count(low, _COUNT_KILLED)
        if _INJURY_CUE.search(words):
            injured = _count(low, _COUNT_INJURED)
    return SentenceSignals(types, modality_of(low, found), killed, injured)
