"""A horoscope's sign and its advice before the statement, from set 43's voices (issue 15, round 35):

    Virgo (Aug 23 - Sep 22): A day for unbroken thoughts. Your reply has no commas.

:func:`motto` returns the statement and the asides. The sign and its dates ask for nothing; a saying of one sentence
before a statement whose subject is the reply ('Your reply ...', 'The reply ...', 'The word "x" appears in it ...')
is a ``skill`` aside, so a saying in words of judgement ('Choose your words carefully.') vetoes as any skill aside
does; 'Your reply' is the reply. The advice is read off only after a sign: a saying before a statement elsewhere ('A
good reply is brief. The reply has no commas.') may be a requirement of its own, so it is left whole. No rule may read
the advice on its own, and a statement that refers back to it ('here they are', 'a single one') is not read.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_respell import first_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_SIGNS = r"(?:Aries|Taurus|Gemini|Cancer|Leo|Virgo|Libra|Scorpio|Sagittarius|Capricorn|Aquarius|Pisces)"
_SIGN = re.compile(rf"^\s*{_SIGNS}\s*\([A-Za-z]{{3}}\.?\s+\d{{1,2}}\s*[-\u2013]\s*[A-Za-z]{{3}}\.?\s+\d{{1,2}}\)\s*:\s*", re.S)
# the statement after a saying: its subject is the reply, or a word or letter said to appear in it
_SUBJECT = re.compile(r"^(?:your|the)\s+(?:whole\s+|entire\s+)?(?:reply|response)(?:'s)?\b|^the\s+(?:word|letter)\s+[\"']", _I)
_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# a statement that refers back to the saying has nothing of its own to read
_YOUR = re.compile(r"^your\s+", _I)  # 'Your reply' is the reply
_BACK = re.compile(r"\b(?:here\s+they\s+are|a\s+single\s+one|of\s+them|these|those|such)\b", _I)


def _split(text: str) -> Optional[Tuple[str, str]]:
    """(the saying, the statement) when ``text`` is one sentence followed by a statement about the reply."""
    m = first_outside(_END, text)
    if not m:
        return None
    saying, rest = text[:m.start()].strip(), text[m.end():].strip()
    if not _SUBJECT.match(rest) or re.search(r"\d|\"", saying) or _END.search(saying):
        return None
    return saying, rest


def _read_alone(saying: str) -> bool:
    """True when a rule reads the saying on its own: it is a requirement, not a saying."""
    from rubricc.compiler.lower_clauses import first_rule  # the rules import the voice readers: import when read
    from rubricc.compiler.lower_rules import CriterionText
    return first_rule(CriterionText(saying)) is not None


def motto(text: str) -> Tuple[str, Asides]:
    """(the statement after a horoscope's sign and its advice, its asides); (text, []) when it is none."""
    sign = _SIGN.match(text)
    if not sign:
        return text, []
    body = text[sign.end():]
    got = _split(body)
    if got is None:  # no advice: the sign alone read off
        return _YOUR.sub("The ", body.strip()), []
    saying, rest = got
    if _read_alone(saying) or (_BACK.search(rest) and not re.search(r"\"", rest)):
        return text, []
    return _YOUR.sub("The ", rest), [("skill", saying)]
