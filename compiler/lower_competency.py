"""A competency framework's 'Can ...' descriptor followed by the observed fact about this response; a preference
judge's principle ('Choose the response that X'); a badge's name.

    Can stay brief when asked: this response has fewer than 3 sentences.
    Can write around banned words: this response uses none of "a", "b" or "c", in any capitalisation.
    Can answer in Bengali when asked: this whole response is in Bengali.

:func:`competency` reads the fact after the colon as the requirement, said of the response ('this response' -> 'the
response'), when it is said of the response (its subject, or 'in this response'); the descriptor before the colon is a
``skill`` aside: it must be about no content (a descriptor that asks for a clear explanation keeps the criterion neural)
and read as no other check (:func:`rubricc.compiler.lower._aside_agrees`). A descriptor that is negated ('Cannot ...') and
a fact of another party's text ('the user's message has ...') are vetoes; a fact not said of the response is not read.

:func:`preferred` reads a principle addressed to a preference judge: 'Choose / Prefer / Pick / Select the response that
X' is 'The response X'; '... the response in which the count of "x" is N' is 'The number of occurrences of "x" in the
response is N'. A principle to avoid or reject a response ('Reject the response that ...', 'Choose the response that
does not ...' is kept as it is: the rules read its negation) is not turned around here.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_nearest_vetoes import other_text
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE
_DOC = r"(?:response|reply|answer|output)"
_CAN = re.compile(r"^\s*(?:the\s+(?:model|writer|assistant|learner)\s+)?can\s+(?!not\b)(?P<skill>[^:;\"\u201c\u201d]{3,90}?)\s*:\s+(?P<fact>\S.*)$", _I | re.S)
_CANNOT = re.compile(r"^\s*(?:the\s+(?:model|writer|assistant|learner)\s+)?(?:cannot|can't|can\s+not)\s+[^:;]{3,90}:\s", _I)
_THIS = re.compile(rf"\bthis\s+(?P<w>(?:(?:whole|entire|full)\s+)?{_DOC})\b", _I)
_SAID_OF = re.compile(rf"^(?:the|this)\s+(?:(?:whole|entire|full)\s+)?{_DOC}\b|\b(?:in|of)\s+(?:the|this)\s+(?:(?:whole|entire|full)\s+)?{_DOC}\b", _I)


def competency(text: str) -> Tuple[str, Asides]:
    """(the observed fact said of the response, the descriptor as a ``skill`` aside); (text, []) otherwise."""
    if _CANNOT.match(text):
        return text, [("veto", "a negated descriptor")]
    m = _CAN.match(text)
    if m is None:
        return text, []
    fact = m.group("fact").strip()
    if other_text(re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", " ", fact)):
        return text, [("veto", "a fact of another party's text")]
    spans = quote_spans(fact)
    said = _THIS.sub(lambda t: t.group(0) if in_quotes(spans, t.start()) else "the " + t.group("w"), fact)
    if not _SAID_OF.search(re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", " ", said)):
        return text, []
    return cap(said), [("skill", "Can " + m.group("skill").strip())]


# a gamified rubric's name for what it awards: "The 'Brevity' badge is earned by ..." (a name, never a keyword)
_BADGE = re.compile(r"(?P<q>['\"\u2018\u201c][A-Z][^'\"\u2019\u201d\n]{0,40}['\"\u2019\u201d])\s+(?P<n>badge|achievement|trophy|award|medal|perk|rank|star)\b", _I)
# the name after the noun: "Achievement 'Comma-Free' unlocks when ..."
_BADGE_AFTER = re.compile(r"^\s*(?P<n>(?:the\s+)?(?:badge|achievement|trophy|award|medal|perk))\s+(?P<q>['\"\u2018\u201c][A-Z][^'\"\u2019\u201d\n]{0,40}['\"\u2019\u201d])"
                          r"(?=\s+(?:unlocks|is\s+unlocked|is\s+earned|is\s+awarded|is\s+granted|goes\s+to)\b)", _I)


def badge(text: str) -> Tuple[str, Asides]:
    """The text with a badge's quoted name read off as a ``label`` aside ("The 'Brevity' badge" -> 'The badge'); (text,
    []) when it names none."""
    m = _BADGE_AFTER.match(text)
    if m is not None:
        return m.group("n") + text[m.end():], [("label", m.group("q")[1:-1])]
    m = _BADGE.search(text)
    if m is None:
        return text, []
    return text[:m.start()] + text[m.start("n"):], [("label", m.group("q")[1:-1])]


_PICK = re.compile(r"^\s*(?:please\s+)?(?:of\s+the\s+(?:candidate\s+|two\s+|available\s+)?(?:responses|replies|answers)\s*,\s*)?"
                   r"(?:choose|prefer|pick|select|favou?r)\s+(?:the\s+)?(?:(?:assistant|candidate|model)\s+)?(?:response|reply|answer|one)"
                   r"(?:\s+(?:of\s+the\s+(?:candidates|two)))?\s+(?P<rel>that|which|in\s+which|where)\s+(?P<rest>\S.*)$", _I | re.S)
_COUNT_OF = re.compile(r"^the\s+(?:count|number|total)\s+of\s+(?:occurrences\s+of\s+)?(?P<what>(?:the\s+(?:word|letter|keyword|character|phrase)\s+)?"
                       r"(?:\"[^\"]{1,40}\"|\u201c[^\u201d]{1,40}\u201d))", _I)


_REJECT = re.compile(r"^\s*(?:please\s+)?(?:reject|avoid|penali[sz]e|disfavou?r|down-?rank|rank\s+lower|(?:do\s+not|don't|never)\s+(?:choose|prefer|pick|select))"
                     r"\s+(?:the\s+|any\s+|a\s+)?(?:(?:assistant|candidate|model)\s+)?(?:response|reply|answer|one)\b", _I)


def preferred(text: str) -> Tuple[str, Asides]:
    """(the principle's requirement said of the response, []); a principle to reject a response is a ``veto`` (never
    turned around here); (text, []) when it is no such principle."""
    if _REJECT.match(text):
        return text, [("veto", "a principle to reject the response")]
    m = _PICK.match(text)
    if m is None:
        return text, []
    rest = m.group("rest")
    if m.group("rel").lower() in ("that", "which"):
        return "The response " + rest, []
    c = _COUNT_OF.match(rest)
    if c is None:
        return text, []
    return f"The number of occurrences of {c.group('what')} in the response" + rest[c.end():], []
