"""More voices around a criterion read off before the frames of :mod:`rubricc.compiler.lower_frames` (issue 15,
round 5): an LLM judge's system prompt ('You are grading a reply. Output 1 if ...; otherwise output 0.'), a QA
test case ('Then the reply ...', 'Expected result: ...'), a house style ('Copy must ...', 'Pieces must ...'),
a paper's passive definition ('A response is deemed compliant when ...', 'Compliance is defined as the
response being ...') and an audit question about the model ('Did the model ...?').

:func:`unvoice` rewrites only the frame and the writer's name for the response ('the assistant's reply',
'the model', 'the copy', 'the piece'); the inner criterion alone decides what is checked. A failure frame
('Output 0 if ...', 'Return FAIL if ...') is never read off, and a grant's other branch is cut only when it is
the plain complement ('otherwise output 0', 'If any is missing, output 0', 'Return FAIL if any of them does').
Quoted material is never rewritten.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE
_DOC = r"(?:response|answer|reply|output|text|completion|generation)"
_WHO = r"(?:assistant|model|ai|llm|chatbot|system|bot)"

# a judge's preamble sentence: 'You are grading an assistant's reply.'
_PREAMBLE = re.compile(rf"^\s*you\s+are\s+(?:grading|evaluating|judging|assessing|reviewing|scoring|checking)\s+(?:an?|the)\s+"
                       rf"(?:(?:{_WHO})(?:'s)?\s+)?{_DOC}\s*\.\s+", _I)
# the grant's other branch, when it is the plain complement
_FAIL_WORD = r"[\"']?(?:0|zero|fail|no|false)[\"']?"
_OUT = r"(?:output|return|print|emit|answer|respond with|reply with|mark|score)"
_COMPLEMENT = re.compile(
    rf"\s*(?:[;,.]\s*|\s+)(?:(?:otherwise|else|if\s+not)\s*,?\s*(?:{_OUT}\s+)?{_FAIL_WORD}"
    rf"|(?:if\s+(?:it\s+(?:does|is)\s+not|not|any\s+(?:of\s+them\s+)?(?:is|are)\s+(?:missing|absent)|any\s+of\s+them\s+(?:does|do|is|are)|"
    rf"there\s+are\s+more\s+or\s+fewer)\s*,?\s*{_OUT}\s+{_FAIL_WORD})"
    rf"|{_OUT}\s+{_FAIL_WORD}\s+(?:if|when)\s+(?:it\s+(?:does|is)\s+not|not|any\s+(?:of\s+them\s+)?(?:is|are)\s+(?:missing|absent)|"
    rf"any\s+of\s+them\s+(?:does|do|is|are)|there\s+are\s+more\s+or\s+fewer))\s*[.!]?\s*$", _I)
# the judge's grant: 'Output 1 if', 'Return PASS only if', 'Print YES when'
_GRANT = re.compile(rf"^\s*(?:output|return|print|emit|respond\s+with|reply\s+with)\s+[\"']?(?:1|pass|yes|true)[\"']?\s+"
                    rf"(?:only\s+)?(?:if|when)\b(?:\s+and\s+only\s+if\b)?\s*", _I)
# a definition of compliance: 'A response is deemed compliant when', 'Compliance is defined as', 'Compliance requires that'
_COMPLIANT = re.compile(rf"^\s*(?:(?:an?|the)\s+{_DOC}\s+is\s+(?:deemed|considered|counted\s+as|judged|regarded\s+as|treated\s+as|taken\s+to\s+be|"
                        rf"classed\s+as|classified\s+as)\s+(?:compliant|correct|acceptable|passing|conforming|a\s+pass)\s+(?:only\s+)?(?:if|when)\b"
                        rf"(?:\s+and\s+only\s+if\b)?\s*,?\s*)", _I)
_DEFINED = re.compile(r"^\s*(?:compliance|success|a\s+pass|passing)\s+(?:is\s+defined\s+as|means|is)\s+(?P<np>the\s+(?:response|reply|answer|output)|"
                      r"(?:the\s+)?(?:number|count|total)\s+of\s+[^\"\u201c]+?|the\s+(?:response|reply|answer)'s\s+[a-z ]+?)\s+"
                      r"(?P<ing>being|containing|having|terminating|ending|starting|beginning|opening|closing|including|using|consisting|"
                      r"comprising|finishing)\b", _I)
_ING = {"being": "is", "containing": "contains", "having": "has", "terminating": "ends", "ending": "ends", "starting": "starts",
        "beginning": "begins", "opening": "opens", "closing": "closes", "including": "includes", "using": "uses",
        "consisting": "consists", "comprising": "comprises", "finishing": "finishes"}
# a test case's step or expectation: 'Then the reply ...', 'Expected result: the response ...', 'Verify that ...'
_STEP = re.compile(rf"^\s*(?:(?:and\s+)?then\s+|expected(?:\s+(?:result|outcome|behaviou?r))?\s*:\s*|(?:verify|assert|confirm|check)\s+that\s+)"
                   rf"(?=(?:the|its)\s+(?:(?:whole|entire|full|complete)\s+)?{_DOC}\b|the\s+{_DOC}'s\b)", _I)
# the writer's names for the response: 'the assistant's reply', 'the model', 'the copy', 'a piece'
_NAMES = [
    (re.compile(rf"\bthe\s+{_WHO}'s\s+((?:entire\s+|whole\s+|full\s+|complete\s+)?){_DOC}\b", _I), r"the \1response"),
    (re.compile(rf"^\s*(did|does|has|is|was)\s+the\s+{_WHO}\s+(?=[a-z])", _I), r"\1 it "),
    (re.compile(rf"^\s*the\s+{_WHO}\s+(?=[a-z]+s\b|has\b|did\b|does\b|must\b|should\b)", _I), "The response "),
    (re.compile(r"^\s*(?:the\s+)?(?:copy|pieces?|every\s+piece|each\s+piece|a\s+piece)\s+(?=(?:must|should|shall|has\s+to|is\s+to|needs?\s+to)\b)", _I),
     "The response "),
]


def _outside_quotes(text: str, start: int, end: int) -> bool:
    return not re.search(r"[\"\u201c\u201d]", text[start:end])


def unvoice(text: str) -> str:
    """``text`` with a judge, test-case, house-style, definition or audit frame read off, else as it is."""
    m = _PREAMBLE.match(text)
    if m:
        text = text[m.end():]
    m = _GRANT.match(text)
    if m:
        rest = text[m.end():]
        c = _COMPLEMENT.search(rest)
        if c and _outside_quotes(rest, c.start(), c.end()):
            rest = rest[:c.start()].rstrip() + "."
        if not re.search(rf"\b{_OUT}\s+{_FAIL_WORD}\b", re.sub(r"\"[^\"]*\"", " ", rest), _I):
            text = _subject(rest)
    m = _COMPLIANT.match(text)
    if m:
        text = _subject(text[m.end():])
    m = _DEFINED.match(text)
    if m and _outside_quotes(text, m.start(), m.end("np")):
        np = m.group("np")
        text = np[:1].upper() + np[1:] + " " + _ING[m.group("ing").lower()] + text[m.end():]
    m = _STEP.match(text)
    if m:
        text = _subject(text[m.end():])
    for pat, rep in _NAMES:
        n = pat.search(text)
        if n and _outside_quotes(text, n.start(), n.end()) and not re.search(r"[\"\u201c\u201d]", text[:n.start()]):
            text = pat.sub(rep, text, count=1)
    return text


def _subject(inner: str) -> str:
    inner = inner.strip()
    inner = re.sub(r"^it\s+(?=[a-z])", "The response ", inner, flags=_I)
    inner = re.sub(r"^its\s+(?=[a-z])", "The response's ", inner, flags=_I)
    return inner[:1].upper() + inner[1:]
