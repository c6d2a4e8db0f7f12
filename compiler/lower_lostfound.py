"""A lost-property notice describing the reply, from set 47's third voice (issue 15, round 39), read as the plain
statements in it:

    LOST: a reply of at least 600 words. Any reply shorter than 600 words is not the one we are looking for.
    FOUND: a reply written in English and entirely in capital letters. You will know it because not one lowercase
    letter appears in it, from start to finish.
    LOST: a reply in exactly 4 paragraphs, each parted from the next by a blank line. You will know it by its first
    paragraph, which starts with the word "weekend".
    FOUND: a reply marked with capitalised words. Identify it by count: its words written entirely in capital letters
    total 10 or more.

:func:`lost_property` returns the description ('A reply of at least 600 words.') and each further sentence said plainly: the
notice's ways of pointing at a mark ('Distinguishing marks:', 'You will know it by its ..., which ...', 'Identify it
by count:', 'It can be told by ...:') are read off, and a reply said not to be the one sought ('Any reply shorter than
600 words is not the one', 'Anything of 60 words or more is not ours') is a reply that fails, which the driver checks
as the complement of the description. An adjective of size before 'reply' ('a short reply', 'a quiet reply') is a side
of a count that the description's bound must bear out, else a veto. 'LOST' and 'FOUND' ask for nothing. A notice in no
form here leaves the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_lexicon import is_judgement, words_of
from rubricc.compiler.lower_parse import QUOTED_ITEM, bound_bears_out, point_back
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_NOTICE = re.compile(r"^\s*(?:LOST|FOUND)\s*:\s+(?P<body>an?\s.*)$", re.S)  # the heading in capitals, as notices print it
# the description: 'a reply ...', 'a short reply, under 60 words', 'a quiet reply'
_DESCRIBED = re.compile(r"^an?\s+(?:(?P<adj>short|quiet|small|brief|long|loud)\s+)?(?P<noun>reply|response|answer)\b\s*,?\s*(?P<rest>.*)$", _I | re.S)
# a description's metaphor for the side of a count ('that seldom, if ever, says "x"', 'that goes easy on "a"')
_LEAD_SIDES = {"seldom": "less", "rarely": "less", "hardly": "less", "sparingly": "less", "easy on": "less", "sparing": "less"}
# a metaphor a later sentence says again: dropped ('LOST: a reply that goes easy on "l". It can be told by the count: ...')
_METAPHOR = re.compile(rf"^that\s+goes\s+easy\s+on\s+{QUOTED_ITEM}\s*\.?\s*$", _I)
# 'in sections, at least 3 of them' -> 'divided into at least 3 sections'
_SECTIONS = re.compile(r"^in\s+(?P<unit>sections|paragraphs|parts),\s+(?P<rel>(?:at\s+least|exactly|fewer\s+than|under|no\s+more\s+than)\s+\d+|\d+\s+or\s+more)\s+of\s+them\b", _I)
_SIDES = {"short": "less", "quiet": "less", "small": "less", "brief": "less", "long": "more", "loud": "more"}
# a sentence break outside quotations: a full stop, then a capital
_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# the notice's ways of pointing at a mark, read off
_POINTING = [
    (re.compile(r"^(?:Distinguishing\s+marks?|Identify\s+it\s+by\s+(?:count|its\s+\w+)|It\s+can\s+be\s+(?:identified|told|known|recognised|recognized)"
                r"\s+by\s+(?:its|the)\s+[\w\s]{1,30}?|Count\s+them)\s*:\s*", _I), ""),
    (re.compile(r"^You\s+will\s+know\s+it\s+because\s+", _I), ""),
    # 'You will know it by its first paragraph, which starts with ...' -> 'Its first paragraph starts with ...'
    (re.compile(r"^You\s+will\s+know\s+it\s+by\s+its\s+(?P<part>[^,]{1,60}?),\s+which\s+", _I), r"Its \g<part> "),
]
# a reply said not to be the one sought: 'Any reply shorter than 600 words is not the one (we are looking for)'
_NOT_OURS = re.compile(r"^(?:Any\s+(?:other\s+)?(?:reply|response)|Anything|A\s+reply)\s+(?P<cond>.+?)\s+is\s+not\s+(?:the\s+one(?:\s+we\s+are\s+"
                       r"(?:looking|searching)\s+for)?|ours|it)\s*\.?\s*$", _I | re.S)
# 'Its opening words run: <request>': the request given as data
_OPENING = re.compile(r"^(?:Its|The\s+reply's)\s+opening\s+words\s+(?:run|are|read)\s*:\s*(?P<data>.+)$", _I | re.S)


def lost_property(text: str) -> Tuple[str, Asides]:
    """(the notice's statements, said of the reply, with a veto where a size word is not borne out); (text, []) when
    the criterion is no lost-property notice of a reply."""
    m = _NOTICE.match(text)
    d = _DESCRIBED.match(m.group("body").strip()) if m else None
    if not d:
        return text, []
    parts = _BREAK.split(d.group("rest").strip(), maxsplit=0)
    opening = next((i for i, p in enumerate(parts) if _OPENING.match(p)), None)
    data = ""
    if opening is not None:  # the request repeated after the description: data, never split or rewritten
        data = _OPENING.match(" ".join(parts[opening:])).group("data")
        parts = parts[:opening]
    quotes = {q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, text)}
    first, sides = _described(parts[0] if parts else "", quotes)
    said = [first]
    for part in parts[1:]:
        not_ours = _NOT_OURS.match(part)
        if not_ours:
            said.append(f"A reply {not_ours.group('cond')} fails.")
            continue
        for pattern, repl in _POINTING:
            part = pattern.sub(repl, part, count=1)
        said.append(cap(point_back(part.strip(), quotes)))
    statement = " ".join(s for s in said if s)
    if data:
        statement = statement.rstrip(" .") + ": " + data
    asides: Asides = []
    sides += [_SIDES[d.group("adj").lower()]] if d.group("adj") else []
    for side in set(sides):
        if side == "judgement" or not bound_bears_out(side, statement):
            asides.append(("veto", "a judgement, or a size word the bound does not bear out"))
    return statement, asides


def _described(rest: str, quotes) -> Tuple[str, List[str]]:
    """(the description said of the reply, the sides of a count its metaphors name): 'that speaks only Russian' -> 'The
    reply speaks only Russian.'; 'wrapped in ...' -> 'The reply is wrapped in ...'; 'answering to "a"' -> 'The reply
    contains "a"'; 'in sections, at least 3 of them' -> 'The reply is divided into at least 3 sections.'; a metaphor then
    a colon ('that seldom, if ever, says "x": its count of that word is below 2') -> what follows the colon. A metaphor
    alone ('that goes easy on "a"', nothing) is said again by a later sentence, and dropped."""
    rest = rest.strip()
    sides = [side for word, side in _LEAD_SIDES.items() if re.search(rf"\b{word}\b", rest, _I)]
    colon = re.match(r"^(?P<lead>[^:]{3,120}?):\s+(?P<said>(?:its|that|the)\b.*)$", rest, _I | re.S)
    if colon:
        if any(is_judgement(w) for w in words_of(re.sub(QUOTED_ITEM, " ", colon.group("lead")))):
            sides.append("judgement")  # (a veto, whatever the bound)
        return cap(point_back(colon.group("said"), quotes)), sides
    if not rest or _METAPHOR.match(rest):
        return "", sides
    rest = _SECTIONS.sub(r"divided into \g<rel> \g<unit>", rest)
    if re.match(r"that\s+", rest, _I):
        return "The reply " + rest[5:].lstrip(), sides
    if re.match(r"answering\s+to\s+", rest, _I):
        return "The reply contains " + re.sub(r"^answering\s+to\s+", "", rest, flags=_I), sides
    if re.match(r"(?:wrapped|written|made|identified|divided|set|tied|laid|split|carrying|bearing)\b", rest, _I):
        return "The reply is " + rest, sides
    return "A reply " + rest, sides
