"""Voices of rubric writers from set 41 (issue 15, round 35), each read as the plain statement inside it:

    Members of the jury, if you are sure that the response has no comma, you must find this item proved.   (a jury direction)
    Members of the jury, count the sentences in the response. If the count is 5 or more, find this item proved.

:func:`directed` returns the statement and the asides. A judge's direction to a jury states its requirement as the
thing the jury must be sure of before it finds the item proved: 'if you are sure that X, you must find this item
proved' is X; 'you must be sure that X; if it does, find this item proved', 'you must decide whether X. If you are sure
that it does, the item is proved' and 'the question for you is whether X ...' are X; 'you must be sure of two things:
that A, and that B. If both are proved, ...' is 'A, and B'. A count directed ('count the sentences in the response. If
the count is 5 or more, you must find this item proved') is the count said of the response, and a converse restated
('...; if it is 3 or more, you must not') must be the same bound's other side, else a veto. A split directed ('split
the response at the markdown dividers ***. If that yields exactly 4 paragraphs, ...') is the paragraph count with its
separator. The verdict clause must find the item proved: a direction to find it not proved, or any verdict these
readers do not know, vetoes; the condition the direction states is the requirement, never a condition on it.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import COUNT_RELATION, QUOTED_ITEM
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q = QUOTED_ITEM
_DOC = r"(?:the\s+)?(?:(?:whole|entire)\s+)?(?:response|reply|answer|output)"

# the jury addressed: asks for nothing
_ADDRESS = re.compile(r"^\s*(?:(?:members|ladies\s+and\s+gentlemen)\s+of\s+the\s+jury|jurors|members\s+of\s+the\s+panel)\s*,\s*", _I)
# the verdict a direction ends on: the item proved
_PROVED = r"(?:(?:then\s+)?you\s+(?:must|should|may|will)\s+|then\s+)?(?:find\s+(?:this|the)\s+(?:item|criterion|point|matter)\s+proved|(?:this|the)\s+(?:item|criterion)\s+is\s+proved)"
# any other verdict: the direction is not one these readers know
_VERDICT = re.compile(r"\b(?:find|found|is|be)\s+(?:(?:this|the|it)\s+)?(?:item|criterion|point|matter|it)?\s*(?:not\s+)?(?:proved|proven|made\s+out|established)\b", _I)
_REL = rf"(?:strictly\s+)?(?:(?:{COUNT_RELATION})\s+)?\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?"

_SURE_THAT = re.compile(rf"^if\s+you\s+are\s+(?:sure|satisfied)\s+that\s+(?P<x>\S.*?)\s*,\s*{_PROVED}(?P<data>\s*:\s*\S.*?)?\s*\.?\s*$", _I)
_TWO_THINGS = re.compile(rf"^you\s+must\s+be\s+(?:sure|satisfied)\s+of\s+(?:two|both)\s+things\s*:\s*that\s+(?P<a>\S.*?)\s*,?\s+and\s+that\s+(?P<b>\S.*?)\s*[.;]\s+"
                         rf"if\s+(?:both\s+are\s+proved|you\s+are\s+sure\s+of\s+both)\s*,\s*{_PROVED}\s*\.?\s*$", _I)
_MUST_BE_SURE = re.compile(rf"^you\s+must\s+be\s+(?:sure|satisfied)\s+that\s+(?P<x>\S.*?)(?:\s*;\s*if\s+(?:it|they)\s+(?:does|do|is|are|has|have)|\s*\.\s+if\s+so"
                           rf"|\s*\.\s+if\s+you\s+are\s+(?:sure|satisfied)(?:\s+that\s+(?:it|they)\s+(?:does|do|is|are|has|have))?)\s*,\s*{_PROVED}\s*\."
                           r"(?P<rest>\s+\S.*)?\s*$", _I)
_WHETHER = re.compile(rf"^(?:you\s+must\s+decide\s+whether|the\s+question\s+for\s+you\s+is\s+whether)\s+(?P<x>\S.*?)\s*\.\s+if\s+you\s+are\s+(?:sure|satisfied)\s+that\s+"
                      rf"(?:it|they)\s+(?:does|do|is|are|has|have)\s*,\s*{_PROVED}\s*\.(?P<rest>\s+\S.*)?\s*$", _I)
_COUNT = re.compile(rf"^count\s+(?P<what>\S.*?)\s*\.\s+if(?:\s*,\s*and\s+only\s+if\s*,)?\s+(?:(?:that|the)\s+(?:count|total|number)\s+is|there\s+are)\s+"
                    rf"(?P<rel>{_REL})(?:\s+of\s+them)?\s*,\s*{_PROVED}(?:\s*;\s*if\s+(?:it|that|the\s+(?:count|total))\s+is\s+(?P<rel2>{_REL})\s*,\s*"
                    r"you\s+must\s+not)?\s*\.?\s*$", _I)
_SPLIT = re.compile(rf"^split\s+{_DOC}\s+(?P<how>(?:into\s+paragraphs\s+)?at\s+the\s+[^.\"]{{3,60}}?)\s*\.\s+if\s+(?:there\s+are|that\s+(?:yields|gives))\s+"
                    rf"(?P<rel>{_REL})\s+paragraphs(?P<more>\s*,?\s+and\s+the\s+[a-z]+\s+(?:one|paragraph)\s+(?:begins|starts)\s+with\s+the\s+word\s+{_Q})?\s*,\s*"
                    rf"{_PROVED}\s*\.?\s*$", _I)

# what a count directed counts, said of the response
_HOW_OFTEN = re.compile(rf"^how\s+(?:often|many\s+times)\s+(?P<u>the\s+(?:word|letter|phrase)\s+{_Q})\s+(?:appears|occurs)\s+in\s+{_DOC}(?P<note>\s*,\s*[^.;\"]{{1,40}})?$", _I)
_OCCURRENCE = re.compile(rf"^(?:every|each)\s+occurrence\s+of\s+(?P<u>the\s+(?:word|letter)\s+{_Q})\s+in\s+{_DOC}(?P<note>\s*,\s*[^.;\"]{{1,40}})?$", _I)
_UNITS = re.compile(r"^the\s+(?P<unit>[a-z][^.;]{2,160})$", _I)
_THAT_BEGIN = re.compile(r"^(?P<u>sections|parts|paragraphs)\s+that\s+(?:begin|start)\s+with\b", _I)
_IN_DOC = re.compile(rf"\s*,?\s+(?:in|of|across)\s+{_DOC}\b", _I)


def _bound(rel: str) -> Optional[Tuple[str, int]]:
    """('less', n) or ('more', n): the side a bound allows, for a bound and its converse; None for exactly."""
    n = int(re.search(r"\d[\d,]*", rel).group().replace(",", ""))
    if re.search(r"\b(?:less|fewer|under|below)\b", rel, _I) and not re.search(r"\bor\s+(?:less|fewer)|no\s+(?:more|fewer|less)|at\s+most", rel, _I):
        return ("less", n)
    if re.search(r"\bor\s+more\b|\bat\s+least\b", rel, _I):
        return ("more", n)
    return None


def _counted(what: str, rel: str) -> Optional[str]:
    """The statement a count directed makes: 'the sentences in the response' and '5 or more' are 'The response has 5 or
    more sentences'; 'how often the word "x" appears in the response' is 'The word "x" appears 5 or more times ...'."""
    m = _HOW_OFTEN.match(what) or _OCCURRENCE.match(what)
    if m:
        return f"{cap(m.group('u'))} appears {rel} times in the response{m.group('note') or ''}."
    m = _UNITS.match(what)
    if not m:
        return None
    unit = _IN_DOC.sub("", m.group("unit"), count=1).strip(" ,")
    unit = _THAT_BEGIN.sub(r"\g<u>, each beginning with", unit)  # 'sections that begin with SECTION X' as the rules read it
    return f"The response has {rel} {unit}."


def _jury(text: str) -> Optional[Tuple[str, Asides]]:
    address = _ADDRESS.match(text)
    rest = text[address.end():] if address else text
    if not address and not re.search(_PROVED, rest, _I):
        return None
    m = _SURE_THAT.match(rest)
    if m:
        return cap(m.group("x")) + (m.group("data") or "").rstrip(". ") + ".", []
    m = _TWO_THINGS.match(rest)
    if m:
        return cap(m.group("a")) + ", and " + m.group("b").rstrip(". ") + ".", []
    m = _MUST_BE_SURE.match(rest) or _WHETHER.match(rest)
    if m:
        return cap(m.group("x")).rstrip(". ") + "." + (m.group("rest") or ""), []
    m = _SPLIT.match(rest)
    if m:
        more = (", and" + m.group("more").split("and", 1)[1]) if m.group("more") else ""
        return f"The response has {m.group('rel')} paragraphs, split {m.group('how')}{more}.", []
    m = _COUNT.match(rest)
    if m:
        if m.group("rel2"):  # the converse must be the same bound's other side
            one, other = _bound(m.group("rel")), _bound(m.group("rel2"))
            if not one or not other or one[1] != other[1] or one[0] == other[0]:
                return text, [("veto", "a converse that is not the bound's other side")]
        said = _counted(m.group("what"), m.group("rel"))
        return (said, []) if said else (text, [("veto", "a count directed of something unread")])
    if address and _VERDICT.search(rest):  # a direction to the jury in a form not read above
        return text, [("veto", "a jury direction not read")]
    return None


def directed(text: str) -> Tuple[str, Asides]:
    """(the statement inside a jury direction, its asides); (text, []) when it is none."""
    got = _jury(text)
    return got if got is not None else (text, [])
