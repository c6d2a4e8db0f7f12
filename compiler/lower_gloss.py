"""A figure of speech glossed by a plain statement of the reply, from set 47's map-sheet and school-report voices (issue
15, round 39):

    The sheet runs to at least 50 sentences; the reply has 50 or more sentences in all.
    Features picked out in markdown highlighting, *like this*; the reply has 5 or more such highlighted sections.
    The sheet shows "cat" and "dog"; each appears somewhere in the reply.        (the sheet, glossed: the reply)
    The reply has used "cat" in its work; I found each one.                     (its work: the reply)

    Argent, plain and uncharged by any comma: the comma character (,) appears nowhere in the reply.   (set 48: a colon)
    Semé of "schedule": that word appears at least 6 times in the reply.        ('that word': the figure's one quotation)

:func:`renamed` says the reply's other names plainly; :func:`glossed` returns the plain statement (what follows the
semicolon, said of 'the reply'; or what follows a colon, when it names the reply) with the figure as a ``riddle`` aside,
and a veto for anything the figure says plainly that the statement does not
(:func:`rubricc.compiler.lower_riddle.said_again`) and for a condition in the figure ('Only for lists: ...'). A criterion that names the reply and a sheet speaks of one thing:
'on the sheet' is 'in the reply'. 'its work' and 'the work' in a school report are the reply. Anything else is left as
it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans
from rubricc.compiler.lower_parse import FORBIDS, QUOTED_ITEM, point_back
from rubricc.compiler.lower_riddle import said_again

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_REPLY = re.compile(r"\bthe\s+reply\b", _I)
# the figure, then the plain statement of the reply after a semicolon, or after a colon when the statement names the reply
# ('Argent, plain and uncharged by any comma: the comma character (,) appears nowhere in the reply')
_GLOSSED = re.compile(r"^(?P<figure>[^;]{5,200}?)\s*;\s+(?P<plain>(?:the\s+reply\b|its\s+(?:occurrences|count)\b)[^;]*)$"
                      r"|^(?P<figure2>[^;:]{5,200}?)\s*[;:]\s+(?P<plain2>[^;:]*\b(?:the\s+(?:(?:whole|entire)\s+)?(?:reply|response)|its\s+text)\b[^:]*)$", _I)
# a plain statement that opens with its count, its subject the figure's one quotation ('fewer than 2 times in the reply')
_COUNT_LED = re.compile(r"^(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|under|over)\s+)?\d+\s+times\b", _I)
# a condition or an exception in the figure: the plain statement may hold only under it
CONDITION = re.compile(r"\b(?:if|unless|except|excepting|only|when|whenever|provided|apart\s+from|other\s+than|but|save)\b", _I)
# 'such' after a count: the figure's items ('5 or more such highlighted sections')
_SUCH = re.compile(r"(\d+\s+(?:or\s+(?:more|fewer)\s+)?)such\s+", _I)
# the reply's other names when the criterion names the reply too (a map sheet, a pupil's work)
_NAMES = [
    (re.compile(r"\b(?:on|in|across)\s+(?:the|this)\s+(?:whole\s+)?sheet\b", _I), "in the reply"),
    (re.compile(r"\b(?:the|this)\s+sheet\b", _I), "the reply"),
    (re.compile(r"\bin\s+(?:its|the)\s+work\b", _I), "in it"),
    (re.compile(r"\bthe\s+reply's\s+work\b", _I), "the reply"),
    (re.compile(r"\bthe\s+mark\s+(?=[\"\u201c])", _I), "the character "),  # 'the mark "a"' on a sheet: a character
]


def glossed(text: str) -> Tuple[str, Asides]:
    """(the plain statement, with the figure as a ``riddle`` aside and any veto); (text, []) when no figure is glossed.
    The driver reads it only when the criterion as a whole reads as nothing: the figure may hold part of the
    requirement ('all text on the sheet is set in English, ...; the reply contains not one capital letter')."""
    m = _GLOSSED.match(text)
    if not m or _REPLY.search(m.group("figure") or m.group("figure2")):
        return text, []
    figure = (m.group("figure") or m.group("figure2")).strip()
    plain = (m.group("plain") or m.group("plain2")).strip()
    quotes = {q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, figure)}
    if re.match(r"its\s+(?:occurrences|count)\b", plain, _I) and len(quotes) == 1:  # 'its occurrences': of the figure's one word
        plain = re.sub(r"^its\s+(occurrences|count)\b", lambda t: f'the {t.group(1).lower()} of "{next(iter(quotes))}"', plain, flags=_I)
    plain = counted_subject(plain, quotes)  # 'The monogram 'a' is used with restraint: fewer than 2 times in the reply'
    plain = point_back(plain, quotes)  # 'Semé of "schedule": that word appears at least 6 times'
    spans = quote_spans(plain)  # '5 or more such highlighted sections': the figure's (never inside a quotation)
    said = cap(renamed(_SUCH.sub(lambda t: t.group(0) if in_quotes(spans, t.start()) else t.group(1), plain)))
    bare, said_bare = re.sub(QUOTED_ITEM, " ", figure), re.sub(QUOTED_ITEM, " ", said)
    veto = [("veto", "a condition in the figure")] if CONDITION.search(bare) else []
    if FORBIDS.search(bare) and not FORBIDS.search(said_bare):
        veto.append(("veto", "a figure that forbids or denies beside a statement that does not"))  # 'Forbidden words: "a", each one present'
    if re.search(r"\(\s*[a-z1-9]\s*\)", said):
        veto.append(("veto", "an enumeration"))  # 'None of the following holds: (a) ...; (b) ...'
    return said, [("riddle", figure)] + said_again(figure, said) + veto


def counted_subject(statement: str, quotes) -> str:
    """A statement that opens with its count ('fewer than 2 times in the reply') said of the one quotation ``quotes``
    holds ('"a" appears fewer than 2 times ...'); as it is otherwise."""
    if not _COUNT_LED.match(statement) or len(set(quotes)) != 1:
        return statement
    return f'"{next(iter(set(quotes)))}" appears {statement[:1].lower()}{statement[1:]}'


def renamed(text: str) -> str:
    """``text`` with the reply's other names said plainly ('on the sheet' -> 'in the reply') when it names the reply."""
    if not _REPLY.search(text):
        return cap(text)
    for pattern, plain in _NAMES:
        spans = quote_spans(text)
        text = pattern.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else plain, text)
    return cap(text)
