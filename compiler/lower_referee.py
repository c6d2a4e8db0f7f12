"""A referee's letter of recommendation, from set 46's fifth voice (issue 15, round 38), read as the plain statement it
vouches for:

    I can confirm that the reply is written entirely in Russian, and that no other language appears anywhere in it.
    I am happy to report that the reply contains at least 1 placeholder in square brackets.
    You may rest assured that the reply avoids "a" and "b" entirely, capitalised or not; I searched it through and found no such word.
    I counted the markdown bullet points in the reply, the lines that begin with * or -, and I can confirm that there are exactly 3 of them.

:func:`vouched` returns the statement and the asides. The referee's lead ('I can confirm that', 'I am pleased to say',
'It is my pleasure to confirm that', 'You may rest assured that', 'I note with approval that') is the writer's stance
and asks for nothing; what follows is said of the reply. What the referee did to find it out ('I have read the reply
closely from its first character to its last, and ...') is read off when it is reading the whole reply, as a check
does, and vetoes otherwise; a count said after it ('I counted the U in the reply, ..., and I can confirm that there are
exactly 3 of them') is a count of the U. A finding after a semicolon is kept as a ``finding`` aside, which must be one
the check's own result bears out (:func:`finding_agrees`). A letter in no form here is left to the other readers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_parse import LANGUAGES
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_GLAD = r"(?:happy|glad|pleased|delighted)"
_SAY = r"(?:confirm|say|report|state|note|add|vouch|attest|record|observe)"
# the referee's lead: a stance, nothing asked
_LEAD = re.compile(
    r"^\s*(?:"
    rf"I\s+(?:can|could|must|should|would|may)\s+(?:also\s+)?(?:{_SAY}|mention|assure\s+you|draw\s+your\s+attention\s+to\s+the\s+fact)(?:\s+with\s+(?:confidence|certainty))?\s+that"
    rf"|I\s+am\s+{_GLAD}\s+to\s+{_SAY}(?:\s+that)?"
    rf"|I\s+was\s+{_GLAD}\s+to\s+(?:see|find|note|confirm|say)(?:\s+that)?"
    r"|I\s+was\s+(?:impressed|struck|gratified)\s+(?:that|to\s+(?:see|find|note)\s+that)"
    rf"|I\s+have\s+no\s+hesitation\s+in\s+(?:confirming|saying|stating|reporting)\s+that"
    rf"|it\s+is\s+my\s+(?:pleasure|privilege)\s+to\s+{_SAY}\s+that"
    r"|(?:you\s+may\s+rest\s+assured|rest\s+assured|I\s+(?:can\s+)?assure\s+you)\s+that"
    rf"|I\s+(?:note|observe|record)(?:\s+with\s+(?:approval|pleasure|satisfaction))?\s+that"
    r"|in\s+my\s+(?:assessment|judgement|judgment|experience)\s*,?"
    rf"|without\s+exaggeration\s*,?\s+I\s+can\s+{_SAY}\s+that"
    r")\s+(?P<rest>\S.*)$", _I)
# 'I would draw your attention to the reply's use of emphasis: X': the topic a lead, X the statement
_ATTENTION = re.compile(r"^\s*I\s+would\s+(?:draw\s+your\s+attention\s+to|point\s+to|single\s+out)\s+the\s+(?:reply|response)'s\s+(?P<topic>use\s+of\s+[a-z ]{2,30}?)\s*:\s+(?P<rest>\S.*)$", _I)
# what the referee did, then what was found: 'I have read the reply closely ..., and I can state with confidence that X'
_DONE = re.compile(r"^\s*(?P<done>I\s+(?:have\s+)?(?:read|examined|inspected|gone\s+through|checked)\s+the\s+(?:reply|response)[^;:\"]{0,80}?)\s*,\s*and\s+"
                   r"(?P<lead>I\s+(?:can|could)\s+(?:state|confirm|say|report)(?:\s+with\s+(?:confidence|certainty))?\s+that)\s+(?P<rest>\S.*)$", _I)
# reading the whole reply, the way a check reads it: nothing asked
_WHOLE = re.compile(r"^I\s+(?:have\s+)?(?:read|examined|inspected|gone\s+through|checked)\s+the\s+(?:reply|response)"
                    r"(?:\s+(?:closely|carefully|in\s+full|in\s+its\s+entirety|throughout|word\s+by\s+word|line\s+by\s+line))?"
                    r"(?:\s*,?\s*from\s+its\s+(?:very\s+)?first\s+(?:character|word|line|letter)\s+to\s+its\s+(?:very\s+)?last(?:\s+(?:character|word|line|letter))?)?$", _I)
# a count and its total: 'I (have) counted the U in the reply(, D), and I can confirm that there are exactly 3 of them'
# ('I counted its U, and there are at least 10 of them': its, the reply's; the confirmation may go unsaid)
_COUNTED = re.compile(r"^\s*I\s+(?:have\s+)?counted\s+(?:the|its)\s+(?P<unit>[^,;:\"]{3,60}?)(?:\s+in\s+the\s+(?:reply|response))?(?P<desc>\s*,\s*[^;\"]{3,80}?)?\s*,?\s*and\s+"
                      rf"(?:I\s+(?:can\s+(?:confirm|report|say)|am\s+{_GLAD}\s+to\s+(?:report|confirm|say))\s+that\s+)?"
                      r"(?:there\s+(?:are|is)|the\s+(?:reply|response)\s+(?:contains|has))\s+(?P<count>[^,;.]{1,40}?)\s+of\s+them\s*\.?\s*$", _I)
# a finding after the statement: 'I searched it through and found no such word', 'every one of them appears in it at least once'
_FINDINGS = [
    (re.compile(r"^I\s+searched\s+it\s+(?:through|thoroughly|carefully)\s+and\s+found\s+(?:no\s+such\s+word|none\s+of\s+them|not\s+one\s+of\s+them)$", _I),
     ("keywords_absent",)),
    (re.compile(r"^I\s+found\s+no\s+(?:capital|upper-?case)\s+letters?\s+anywhere\s+in\s+it$", _I), ("all_lowercase",)),
    (re.compile(r"^I\s+found\s+no\s+(?:small|lower-?case)\s+letters?\s+anywhere\s+in\s+it$", _I), ("all_uppercase",)),
    (re.compile(r"^I\s+found\s+no\s+commas?\s+anywhere\s+in\s+it$", _I), ("no_commas",)),
    # what the statement rules out, said again of the whole reply ('from its first word to its last, it never once uses one')
    (re.compile(r"^(?:from\s+its\s+first\s+word\s+to\s+its\s+last\s*,\s*)?it\s+never\s+(?:once\s+)?uses\s+(?:one|any|them)$", _I),
     ("no_commas", "keywords_absent", "all_lowercase", "all_uppercase")),
    # the language said again ('every word of it is in Russian'): the check's own language
    (re.compile(r"^every\s+word\s+of\s+it\s+is\s+in\s+(?P<lang>[A-Z][a-z]+)$"), ("response_language",)),
    (re.compile(r"^(?:every\s+one|each\s+one|each)\s+(?:of\s+them\s+)?appears\s+in\s+(?:it|the\s+reply)(?:\s+at\s+least\s+once|\s+somewhere)?$", _I),
     ("keywords_present",)),
    # a school report's findings ('I found each one'; 'I could not find one anywhere in its work')
    (re.compile(r"^I\s+found\s+(?:(?:each|every|all)\s+(?:one|of\s+them)|them\s+all)$", _I), ("keywords_present",)),
    (re.compile(r"^I\s+could\s+not\s+find\s+(?:one|any|a\s+single\s+one)\s+anywhere(?:\s+in\s+it)?$", _I),
     ("no_commas", "keywords_absent", "all_lowercase", "all_uppercase")),
]
_FINDING_TAIL = re.compile(r"\s*[;:]\s*(?P<f>[^;:\"]{5,80}?)\s*\.?\s*$")


def vouched(text: str) -> Tuple[str, Asides]:
    """(the statement a referee's letter vouches for, its asides); (text, []) when the criterion is no such letter."""
    got = _vouched(text)
    return got if got is not None else (text, [])


def _vouched(text: str) -> Optional[Tuple[str, Asides]]:
    m = _COUNTED.match(text)
    if m:
        desc = m.group("desc") or ""
        return f"The reply has {m.group('count')} {m.group('unit')}{desc}.", []
    asides: Asides = []
    m = _DONE.match(text)
    if m:
        if not _WHOLE.match(m.group("done")):  # what was read was the whole reply, else what was done is unknown
            asides.append(("veto", m.group("done")))
        rest = re.sub(r"^it\s+(?=contains|has|is|uses)", "the reply ", m.group("rest"), flags=_I)
    else:
        m = _ATTENTION.match(text) or _LEAD.match(text)
        if m is None:
            return None
        if "topic" in m.groupdict():
            asides.append(("lead", m.group("topic")))
        rest = m.group("rest")
    rest, found = findings(rest)
    asides += found
    # ', and that no other language appears ...': the second thing vouched for, said as one statement
    rest = re.sub(r",\s+and\s+that\s+", ", and ", rest)
    # 'the reply is careful to begin ...': it begins
    rest = re.sub(r"^(the\s+(?:reply|response))\s+(?:is\s+careful|takes\s+care|makes\s+sure)\s+to\s+([a-z]+)\b",
                  lambda c: f"{c.group(1)} {third(c.group(2))}", rest, flags=_I)
    return cap(rest.strip()) + ("" if rest.strip().endswith((".", "!", "?")) else "."), asides


def findings(statement: str) -> Tuple[str, Asides]:
    """(the statement without a finding said after a semicolon, the finding as a ``finding`` aside) ('...; I searched it
    through and found no such word'); (statement, []) when no finding ends it."""
    tail = _FINDING_TAIL.search(statement)
    if tail and any(p.match(tail.group("f")) for p, _ in _FINDINGS):
        return statement[:tail.start()], [("finding", tail.group("f"))]
    return statement, []


def finding_agrees(name: str, args: dict, finding: str) -> bool:
    """Whether a finding the referee reports is one the check's own result bears out ('I searched it through and found
    no such word' beside keywords_absent; 'every word of it is in Russian' beside the check for Russian)."""
    for pattern, names in _FINDINGS:
        m = pattern.match(finding.strip())
        if m and name in names:
            lang = m.groupdict().get("lang")
            return lang is None or LANGUAGES.get(lang.lower()) == args.get("language")
    return False
