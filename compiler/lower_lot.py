"""An auction catalogue's lot entry, from set 43's voices (issue 15, round 35), read as the plain statement in it:

    Lot 12. A reply rich in the letter 'z': no fewer than 4 occurrences, capitals and lowercase counted together.
    Lot 7. A template reply with no fewer than 2 blanks left for completion, each in square brackets, as [name].

:func:`lot` returns the statement and the asides. The lot number asks for nothing; the lot described ('A reply ...')
is the reply. The cataloguer's words for a count are read as its side: 'rich in' a letter before a bound from below,
'economical with' it, 'using the word sparingly', 'compact' and 'of restrained emphasis' before a bound from above; a
description whose words do not bear out its bound vetoes. A lot in any other form is left to the other readers, its
number read off.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTED_ITEM, QUOTED_LIST

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
_LOT = re.compile(r"^\s*lot\s+\d+\s*\.\s*(?P<rest>a\s+\S.*)$", _I)
_LESS = r"(?:fewer|less)\s+than\s+\d+"
_MORE = r"(?:no\s+fewer|not\s+fewer|no\s+less|not\s+less)\s+than\s+\d+|at\s+least\s+\d+|\d+\s+or\s+more"
_VETO = [("veto", "a lot's description its bound does not bear out")]

_LOT_SAID = [
    # (pattern, the side its words say or None, the statement)
    (re.compile(rf"^a\s+reply\s+rich\s+in\s+(?P<u>the\s+letter\s+{_Q})\s*:\s*(?P<c>[^,]+?)\s+occurrences\s*,\s*(?P<note>capitals\s+and\s+lowercase\s+counted\s+together)\s*\.?\s*$", _I),
     "more", lambda m: f"{m.group('u')[0].upper()}{m.group('u')[1:]} appears {m.group('c')} times in the reply, {m.group('note')}."),
    (re.compile(rf"^a\s+reply\s+economical\s+with\s+(?P<u>the\s+letter\s+{_Q})\s*:\s*it\s+occurs\s+(?P<c>[^,]+?)\s+times\s+across\s+the\s+whole\s+text\s*,\s*"
                r"(?P<note>capitals\s+and\s+lowercase\s+counted\s+together)\s*\.?\s*$", _I),
     "less", lambda m: f"{m.group('u')[0].upper()}{m.group('u')[1:]} appears {m.group('c')} times in the reply, {m.group('note')}."),
    (re.compile(rf"^a\s+reply\s+using\s+the\s+word\s+(?P<q>{_Q})\s+sparingly\s*:\s*(?P<c>[^,]+?)\s+occurrences\s+in\s+the\s+text\s*,\s*every\s+capitali[sz]ation\s+counted\s*\.?\s*$", _I),
     "less", lambda m: f"The word {m.group('q')} appears {m.group('c')} times in the reply, in any capitalisation."),
    (re.compile(r"^a\s+compact\s+reply\s+of\s+(?P<c>[^,]+?)\s+words(?:\s+in\s+total)?\s*\.?\s*$", _I),
     "less", lambda m: f"The reply has {m.group('c')} words."),
    (re.compile(r"^a\s+reply\s+of\s+restrained\s+emphasis\s*:\s*the\s+words\s+set\s+wholly\s+in\s+capital\s+letters\s+number\s+(?P<c>.+?)\s+across\s+the\s+entire\s+text\s*\.?\s*$", _I),
     "less", lambda m: f"The reply has {m.group('c')} words set wholly in capital letters."),
    (re.compile(rf"^a\s+reply\s+in\s+which\s+each\s+of\s+the\s+words\s+(?P<q>{_QLIST})\s+is\s+found\s+at\s+least\s+once\s*;\s*capitali[sz]ation\s+immaterial\s*\.?\s*$", _I),
     None, lambda m: f"The reply contains each of the words {m.group('q')} at least once, in any capitalisation."),
    (re.compile(r"^a\s+reply\s+in\s+(?P<lang>[A-Z][a-z]+)\s*,\s*lettered\s+throughout\s+in\s+lower\s+case\s*;\s*on\s+inspection\s+no\s+capital\s+letter\s+is\s+found\s+anywhere\s*,"
                r"\s*not\s+at\s+the\s+start\s+of\s+a\s+sentence\s+and\s+not\s+in\s+a\s+name\s*\.?\s*$", _I),
     None, lambda m: f"The reply is in {m.group('lang')}, in lower case throughout, with no capital letter anywhere."),
    (re.compile(r"^a\s+comma-free\s+reply\s*,\s*offered\s+without\s+a\s+single\s+comma\s+from\s+its\s+first\s+line\s+to\s+its\s+last\s*;\s*the\s+condition\s+report\s+finds\s+none"
                r"\s+in\s+lists\s*,\s*numbers\s+or\s+quotations\s*\.?\s*$", _I),
     None, lambda m: "The reply has no commas."),
    (re.compile(r"^a\s+reply\s+listing\s+exactly\s+(?P<n>\d+)\s+points\s*,\s*each\s+a\s+markdown\s+bullet\s+beginning\s+with\s+\*\s+or\s+-\s*\.\s*the\s+set\s+is\s+complete\s+at\s+"
                r"(?P<again>\d+)\s*:\s*no\s+more\s+and\s+no\s+fewer\s*\.?\s*$", _I),
     None, lambda m: f"The reply has exactly {m.group('n')} markdown bullet points, lines beginning with * or -." if m.group("n") == m.group("again") else None),
    (re.compile(r"^a\s+template\s+reply\s+with\s+(?P<c>[^,]+?)\s+blanks\s+left\s+for\s+completion\s*,\s*each\s+shown\s+in\s+square\s+brackets\s+after\s+the\s+manner\s+of\s+(?P<eg>\[[^\]]+\])\s*\.?\s*$", _I),
     "more", lambda m: f"The reply has {m.group('c')} placeholders in square brackets, such as {m.group('eg')}."),
]


def lot(text: str) -> Tuple[str, Asides]:
    """(the statement in an auction catalogue's lot entry, its asides); (text, []) when it is none."""
    got = _lot(text)
    return got if got is not None else (text, [])


def _lot(text: str) -> Optional[Tuple[str, Asides]]:
    m = _LOT.match(text)
    if not m:
        return None
    rest = m.group("rest")
    for pattern, side, said in _LOT_SAID:
        s = pattern.match(rest)
        if not s:
            continue
        count = s.groupdict().get("c")
        if side and not re.fullmatch(_LESS if side == "less" else _MORE, (count or "").strip(), _I):
            return text, _VETO
        out = said(s)
        return (out, []) if out else (text, _VETO)
    return rest, []  # the lot number read off, the description left to the other readers
