"""A newspaper obituary of the reply, from set 46's fourth voice (issue 15, round 38), read as the plain statement its
life story makes:

    The reply lived its whole life without a comma: from its first word to its last, it never once used one.
    Generous to the end, the reply left at least three blanks for others to fill in: placeholders in square brackets.
    The word "tide" was never far from the reply's lips: it appeared at least six times.
    The reply seldom raised its voice: fewer than 4 of its words were written entirely in capital letters.

:func:`obituary` returns the statement in the present tense, said of the reply, and the asides. The life and its
metaphors are read off ('all its life', 'lived ... without', 'never once uttered', 'was found among the reply's
effects', 'went by a title'); an epithet before the reply ('Generous to the end, the reply ...') is a ``lead``, which
must not be a judgement. A metaphor that says which way a count goes ('never far from the reply's lips', 'was fond of',
'seldom raised its voice', 'sparingly', 'was rare', 'Brief in life', 'a long life') must be borne out by the bound it
comes with, else a veto. A criterion with no such metaphor, or not in the past tense of a life, is left as it is.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_lexicon import is_judgement
from rubricc.compiler.lower_parse import QUOTED_ITEM, bound_bears_out, number_words_to_digits
from rubricc.compiler.lower_referee import findings
from rubricc.compiler.lower_respell import cap
from rubricc.compiler.lower_testimony import present_tense

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q = QUOTED_ITEM
_X = rf"the\s+(?:character|letter|word)\s+{_Q}"
# an epithet before the reply: 'Generous to the end, the reply ...', 'A modest soul, the reply ...'
_EPITHET = re.compile(r"^\s*(?P<e>(?:[Aa]n?\s+)?[A-Za-z][a-z]+(?:\s+[a-z]+){0,3})\s*,\s+(?=the\s+reply\b)", re.S)
# (pattern, replacement, the side of the count it says or None); each read only in an obituary's words
_LIFE = [
    (re.compile(r"^those\s+who\s+knew\s+the\s+reply\s+will\s+remember\s+that\s+it\s+", _I), "the reply ", None),
    (re.compile(rf"^the\s+word\s+(?P<q>{_Q})\s+was\s+never\s+far\s+from\s+the\s+reply's\s+lips\s*:\s*it\s+appeared\b", _I),
     r"the word \g<q> appeared in the reply", "more"),
    (re.compile(rf"^the\s+reply\s+was\s+fond\s+of\s+(?P<x>{_X})\s*,\s*which\s+appeared\s+in\s+it\b", _I), r"\g<x> appeared in the reply", "more"),
    (re.compile(rf"^(?P<x>{_X})\s+was\s+rare\s+in\s+the\s+reply\s*:\s*it\s+appeared\b", _I), r"\g<x> appeared in the reply", "less"),
    (re.compile(rf"\bused\s+the\s+word\s+(?P<q>{_Q})\s+sparingly\s*:\s*", _I), r"used the word \g<q> ", "less"),
    (re.compile(r"^the\s+reply\s+was\s+given\s+to\s+emphasis\s*:\s*", _I), "", "more"),
    (re.compile(r"^the\s+reply\s+seldom\s+raised\s+its\s+voice\s*:\s*", _I), "", "less"),
    (re.compile(r"^the\s+reply\s+liked\s+to\s+underline\s+what\s+mattered\s*:\s*", _I), "", "more"),
    (re.compile(r"^the\s+reply's\s+life\s+was\s+short\s*:\s*it\b", _I), "the reply", "less"),
    (re.compile(r"^the\s+reply's\s+life\s+was\s+long\s*:\s*it\b", _I), "the reply", "more"),
    (re.compile(r"^the\s+reply's\s+life\s+(?:fell\s+into|consisted\s+of|was\s+made\s+up\s+of)\b", _I), "the reply had", None),
    (re.compile(r"\blived\s+a\s+long\s+life\s+of\b", _I), "had", "more"),
    (re.compile(r"\blived\s+a\s+short\s+life\s+of\b", _I), "had", "less"),
    (re.compile(r"^the\s+reply\s+kept\s+itself\s+wrapped\s+up(?:\s+all\s+its\s+life)?\s*:\s*its\b", _I), "the reply's", None),
    (re.compile(r"^the\s+reply\s+was\s*,\s*in\s+truth\s*,\s*two\s*:\s*", _I), "the reply had ", None),
    (re.compile(r"^the\s+reply\s+was\s+JSON\s+through\s+and\s+through\s*:\s*the\s+whole\s+of\s+it\b", _I), "the whole reply", None),
    (re.compile(r"\b(?:lived|spent)\s+(?:its\s+whole\s+life|all\s+its\s+life|its\s+life)\s+without\s+(?:an?\s+|any\s+)?", _I), "had no ", None),
    (re.compile(r"\bspoke\s+(?P<lang>[A-Z][a-z]+)\s+all\s+its\s+life\b", re.S), r"was in \g<lang>", None),
    (re.compile(r"\bnever\s+once\s+uttered\b", _I), "never used", None),
    (re.compile(r"\bwas\s+found\s+among\s+the\s+reply's\s+effects\b", _I), "was found in the reply", None),
    (re.compile(r"\bwent\s+by\s+a\s+title\b", _I), "had a title", None),
    (re.compile(r"\bbegan\s+life\s+by\b", _I), "began by", None),
    (re.compile(r"\bthe\s+request\s+that\s+brought\s+it\s+into\s+the\s+world\s*:", _I), "the request:", None),
    (re.compile(r"\breached\s+a\s+length\s+of\b", _I), "had", None),
    (re.compile(r"\bwas\s+laid\s+out\s+in\b", _I), "was divided into", None),
    (re.compile(r"\bset\s+out\s+(?=exactly|at\s+least|at\s+most|fewer|\d)", _I), "had ", None),
]
# the colon before a request given as data ('the request that brought it into the world: <request>')
_DATA = re.compile(r"\b(?:request|prompt)\b[^:\"]{0,60}:\s*")
# an epithet's or a metaphor's word for the side of a count
_EPITHET_SIDE = {"brief": "less", "short": "less", "sparing": "less", "quiet": "less", "generous": "more", "long": "more"}
# an obituary's stock epithets, no judgement of the reply's content ('A modest soul, the reply spoke ... in lowercase')
_EPITHET_WORDS = {"modest", "orderly", "plain", "speaking"}


def obituary(text: str) -> Tuple[str, Asides]:
    """(the statement an obituary of the reply makes, in the present tense, with its asides); (text, []) when the
    criterion is no obituary."""
    got = _obituary(text)
    return got if got is not None else (text, [])


def _obituary(text: str) -> Optional[Tuple[str, Asides]]:
    asides: Asides = []
    text = text.strip()
    data = _DATA.search(text)  # a request given after a colon is data: nothing in it is read or changed
    said, tail = (text[:data.end()], text[data.end():]) if data else (text, "")
    sides: List[str] = []
    read = False
    m = _EPITHET.match(said)
    if m:
        epithet = m.group("e")
        if not re.search(r"\b(?:to\s+the\s+(?:end|last)|in\s+life|soul|known\s+for)\b", epithet, _I):
            return None  # not an obituary's epithet
        if any(is_judgement(w) and w not in _EPITHET_SIDE and w not in _EPITHET_WORDS for w in re.findall(r"[a-z]+", epithet.lower())):
            asides.append(("veto", epithet))
        sides += [side for word, side in _EPITHET_SIDE.items() if re.search(rf"\b{word}\b", epithet, _I)]
        asides.append(("lead", epithet))
        said, read = said[m.end():], True
    for pattern, repl, side in _LIFE:
        if pattern.search(said):
            said, read = pattern.sub(repl, said, count=1), True
            sides += [side] if side else []
    if not read:
        return None
    said = re.sub(r"\s*,?\s+(?:all\s+its\s+life|its\s+whole\s+life|throughout\s+its\s+life)\b", "", said, flags=_I)
    said = re.sub(r"\b(?:of|in)\s+its\s+words\b", lambda m: m.group(0).split()[0] + " the reply's words", said, flags=_I)
    # 'at least one of its sections': a count of the reply's units ('one of' alone may be 'one of the phrases')
    said = re.sub(r"^(at\s+least|fewer\s+than|exactly|at\s+most)\s+(\S+)\s+of\s+its\b",
                  lambda m: f"{m.group(1)} {number_words_to_digits(m.group(2))} of the reply's", said, flags=_I)
    for side in set(sides):
        if not bound_bears_out(side, said):
            asides.append(("veto", "a metaphor its bound does not bear out"))
    said, found = findings(present_tense(said)) if not tail else (present_tense(said), [])  # '...; every one of them appears in it'
    return cap(said) + (" " + tail if tail else ""), asides + found
