"""Mirror images of regular expressions anchored at the end: a search becomes one match at the start.

A pattern anchored at the end ($) of a text, searched for, is tried at every position of that text;
its mirror image matched at the start of the reversed text is tried at one position, and succeeds
exactly when the search would. The role cues of placerole.py (the words before a place name, "fired
from", "the President of") are tested this way. `mirror` writes the mirror image from the parsed
pattern (literals, classes, groups, alternatives, repeats, lookarounds) and refuses what it cannot mirror.
"""

from __future__ import annotations

import re
from re import _constants as _sre  # type: ignore[attr-defined]  # private, not in typeshed
from re import _parser as _sre_parse  # type: ignore[attr-defined]

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_SINGLE = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)


def _char(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _mirror_items(items) -> str:
    return "".join(_mirror_item(op, av) for op, av in reversed(items))


def _mirror_item(op, av) -> str:
    if op is _sre.LITERAL:
        return _char(av)
    if op is _sre.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op is _sre.ANY:
        return "."
    if op is _sre.IN:
        negate, members = "", []
        for kind, value in av:
            if kind is _sre.NEGATE:
                negate = "^"
            elif kind is _sre.LITERAL:
                members.append(_char(value))
            elif kind is _sre.RANGE:
                members.append(f"{_char(value[0])}-{_char(value[1])}")
            elif kind is _sre.CATEGORY:
                members.append(_CATEGORIES[value])
            else:
                raise ValueError(f"cannot mirror {kind} in a class")
        return f"[{negate}{''.join(members)}]"
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_mirror_items(alt) for alt in av[1]) + ")"
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
        return f"(?:{_mirror_items(av[3])})"
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        low, high, item = av
        body = _mirror_items(item) if len(item) == 1 and item[0][0] in _SINGLE else f"(?:{_mirror_items(item)})"
        bounds = f"{{{low},}}" if high is _sre.MAXREPEAT else f"{{{low},{high}}}"
        return body + bounds + ("?" if op is _sre.MIN_REPEAT else "")
    if op is _sre.ASSERT or op is _sre.ASSERT_NOT:
        behind, item = av[0] < 0, av[1]  # a lookbehind reads, mirrored, as a lookahead, and vice versa
        opener = ("(?=" if behind else "(?<=") if op is _sre.ASSERT else ("(?!" if behind else "(?<!")
        return f"{opener}{_mirror_items(item)})"
    if op is _sre.AT and av in (_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY):
        return r"\b" if av is _sre.AT_BOUNDARY else r"\B"
    raise ValueError(f"cannot mirror {op} {av}")


def mirror(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The mirror image of `pattern`, which must end with $: `mirror(p).match(s[::-1])` succeeds exactly
    when `p.search(s)` does. ($ also matches before a final newline: hence the leading optional one.)"""
    items = list(_sre_parse.parse(pattern.pattern, pattern.flags).data)
    if not items or items[-1] != (_sre.AT, _sre.AT_END):
        raise ValueError(f"not anchored at the end: {pattern.pattern!r}")
    return re.compile("\\n?" + _mirror_items(items[:-1]), pattern.flags)
