"""Voices of rubric writers from set 36 (issue 15, round 31), each read as the plain statement inside it:

    This is to certify that the keywords "dog" and "day" all appear in the response.   (an attestation)
    Affirms that the response includes each of the words "dog" and "day".              (a finding)
    Task: steer clear of the listed words. Standard: zero occurrences of "a" or "b".   (Task / Condition / Standard)
    Field marks: the words "dog" and "day" all turn up in the response.                 (a field guide's note)
    A response comprising each of the keywords "dog" and "day".                         (a patent claim)

:func:`attested` returns the statement and the asides: an attestation's or a finding's lead asks for nothing (it is
dropped); the task and the condition of a Task / Condition / Standard objective and a field guide's lead ('Identified by
its opening:') are ``skill`` asides, which must be about no content and read as no other check
(:func:`rubricc.compiler.lower._aside_agrees`). A patent claim's preamble ('A response comprising X, wherein Y') is said
of the response ('The response includes X, wherein Y'); 'A response wherein Y' is Y. Rules that search a criterion read
these voices already; the keyword frames (:mod:`rubricc.compiler.lower_kwframes`) read a criterion whole, and need the
statement alone.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import COUNT_RELATION, LANGUAGES
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
# what a statement about the response starts with
_SUBJECT = r"(?=(?:the|this|its|it|every|each|all|none|not|no|zero|neither|both|one|at|exactly|a|an|\d)\b)"
_ATTEST = re.compile(r"^\s*(?:this\s+is\s+to\s+certify\s+that|(?:i|we)\s+(?:hereby\s+)?(?:certify|attest|affirm|declare)\s+that|"
                     r"it\s+is\s+(?:hereby\s+)?certified\s+that|certified(?:\s+that|\s*:)|"
                     r"(?:(?:the\s+)?(?:reviewer|examiner|auditor|inspector)\s+)?(?:affirms|notes|observes|recogni[sz]es|records|finds|confirms|attests)\s+that)"
                     rf"\s+{_SUBJECT}(?P<rest>.+)$", _I)
_TASK = re.compile(r"^\s*task\s*:\s*(?P<task>[^:]{3,120}?)\s*[.;]\s+(?:conditions?\s*:\s*(?P<cond>[^:]{3,160}?)\s*[.;]\s+)?"
                   r"standards?\s*:\s*(?P<rest>\S.+)$", _I)
_FIELD = re.compile(r"^\s*(?P<lead>field\s+marks?|distinguishing\s+(?:features?|marks?)|diagnostic\s+features?|"
                    r"(?:identified|recogni[sz]ed|known|told\s+apart)\s+by\s+(?:its|what)\s+[^:\"\u201c]{2,60}?)\s*:\s+(?P<rest>\S.+)$", _I)
# a standard or a field mark said as a bare count ('exactly 3 markdown bullets, ...'): what the response has
_COUNTED = re.compile(rf"^(?:{COUNT_RELATION}|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s+of\b)", _I)
# a field mark naming the unit before the colon and counting it after ('Identified by its numbered sections: at least four of
# them'): the unit is kept ('Numbered sections: at least four of them')
_OF_THEM = re.compile(r"\b(?:of\s+them|that\s+many)\b", _I)
_ITS = re.compile(r"^\s*(?:identified|recogni[sz]ed|known|told\s+apart)\s+by\s+its\s+(?P<unit>[^:]{2,60}?)\s*(?P<rest>[:,]\s+\S.+)$", _I)
_CLAIM = re.compile(r"^\s*an?\s+(?:response|reply|answer|output)\s+(?P<how>comprising|containing|including|consisting\s+of|made\s+up\s+of|divided\s+into|"
                    r"characteri[sz]ed\s+in\s+that\s+it|wherein|in\s+which)\s+(?P<rest>\S.+)$", _I)
_CLAIM_SAID = {"comprising": "The response includes ", "containing": "The response contains ", "including": "The response includes ",
               "consisting of": "The response consists of ", "made up of": "The response is made up of ",
               "divided into": "The response is divided into ", "characterised in that it": "The response ",
               "characterized in that it": "The response "}


def said_of_response(said: str, counted: bool = True) -> str:
    """A statement that is a bare count said of the response ('exactly 3 bullets' -> 'The response has exactly 3 bullets')."""
    said = said.strip()
    first = re.match(r"[A-Z][a-z]+\b", said)
    if first and first.group(0).lower() in LANGUAGES and not re.match(r"[A-Z][a-z]+\s+(?:is|are|must|should)\b", said):
        return "The response is in " + said  # 'Bengali (bn) throughout the entire response'
    return "The response has " + said if counted and _COUNTED.match(said) else cap(said)


def attested(text: str) -> Tuple[str, Asides]:
    """(the statement inside an attestation, a finding, a Task / Condition / Standard objective, a field guide's note or
    a patent claim, its asides); (text, []) when it is none of them."""
    m = _ATTEST.match(text)
    if m:
        return cap(m.group("rest")), []
    m = _TASK.match(text)
    if m:
        asides = [("skill", m.group("task"))] + ([("skill", m.group("cond"))] if m.group("cond") else [])
        return said_of_response(m.group("rest")), asides
    m = _ITS.match(text)
    if m and ('"' not in m.group("unit") and (_OF_THEM.search(m.group("rest")) or m.group("rest").startswith(",")) or
              '"' in m.group("unit") and m.group("rest").startswith(":") and _COUNTED.match(m.group("rest")[1:].strip())):
        # 'Identified by its two paragraphs, exactly that many, ...' -> 'The response has two paragraphs, ...'
        unit = m.group("unit")
        if m.group("rest").startswith(","):
            return "The response has " + unit + m.group("rest"), []
        return cap(unit) + m.group("rest"), []
    m = _FIELD.match(text)
    if m:
        lead = re.sub(r"^(?:identified|recogni[sz]ed|known|told\s+apart)\s+by\s+(?:its\s+)?", "", m.group("lead"), flags=_I)
        return said_of_response(m.group("rest"), counted=False), [("skill", lead)]  # 'Identified by its language': 'language'
    m = _CLAIM.match(text)
    if m:
        how = re.sub(r"\s+", " ", m.group("how").lower())
        rest = m.group("rest")
        if how in ("wherein", "in which"):
            return (cap(rest), []) if re.match(_SUBJECT, rest, _I) else (text, [])
        return _CLAIM_SAID[how] + rest, []
    return text, []
