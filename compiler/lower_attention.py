"""A reader's attention sent to a unit of the reply, then the count, from set 51's guided meditation (issue 15, round 43):

    Count the sentences of the reply one by one, like breaths. There are at least 50 of them.
    Let your attention rest on the highlighted parts of the reply, each marked in markdown like *highlighted section*. There are at least 5 of them.
    Breathe in, and gently count the words in the reply that are written wholly in capital letters. You will find 10 of them, or more.

and from set 53's scavenger hunt (round 44), the task and its total after a colon:

    Count every "war" in the reply: your tally reaches 8 or more.
    Letter hunt: count every 'l' in the reply, capital or lowercase. You'll find 15 or more.
    Count the sentences in the reply: the total stays under 31.
    Word hunt! Find "moss" and "fern" in the reply: every word on the list is in there at least once.

:func:`attended` says it as one statement of the reply ('The reply has at least 50 sentences.', 'The reply has at least 5
highlighted parts, each marked in markdown like *highlighted section*.'), the unit and its description as the first
sentence names them, the count and its side as the second gives them. How the reader is told to count ('slowly',
'one by one', 'like breaths', 'one per breath') asks nothing of the reply and is dropped; a tail after the count must
say its side again ('or more', 'perhaps more' beside 'at least'; 'not one more and not one less' beside 'exactly'), else
the text is left as it is. Every quoted item counted is a word, or a letter when it is one character.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import QUOTED_ITEM, QUOTED_LIST

_I = re.IGNORECASE | re.S
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_REL = rf"(?P<rel>(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|under|over|below|above)\s+)?(?P<n>{_N})"
_UNIT = (r"(?:sentences|bullet\s+points|bullets|paragraphs|words|sections|placeholders|highlighted\s+(?:parts|sections|passages)|"
         r"markdown\s+bullets|all-caps\s+words|capitali[sz]ed\s+words)")
_LOOK = (r"(?:(?:breathe\s+(?:in|out)|as\s+you\s+breathe\s+(?:in|out)|as\s+you\s+read)\s*,?\s*(?:and\s+)?)?(?:(?:gently|slowly|softly|now|quietly)\s+)?"
         r"(?:count|notice|observe|let\s+your\s+attention\s+rest\s+on|bring\s+your\s+attention\s+to|turn\s+your\s+attention\s+to|look\s+at)")
# a scavenger hunt's label before the task ('Letter hunt: ', 'Bonus find! '): no condition on the reply
_HUNT = r"(?:(?:(?:word|letter|bonus|final|next|last)\s+)?(?:hunt|find|clue|challenge)\s*[!:]\s+)?"
_TASK = (rf"^\s*{_HUNT}{_LOOK}\s+(?:the\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<unit>{_UNIT})|every\s+(?P<q>{QUOTED_ITEM})|every\s+(?P<one>word|sentence|paragraph))"
         rf"(?:\s+(?:of|in)\s+the\s+reply\b(?!'))?")
# the task ends with its sentence ('... like breaths. There are ...'; a colon inside it is the task's own), or with a colon
# before the total ('Count every "x" in the reply: your tally reaches ...')
_FIRSTS = (re.compile(rf"{_TASK}(?P<desc>[^.!?]*)[.!]\s+", _I), re.compile(rf"{_TASK}(?P<desc>[^.!?:]*):\s+", _I))
_SECOND = re.compile(rf"^(?:there\s+(?:are|is)|you\s+will\s+(?:find|count)|you'll\s+(?:find|count)|the\s+reply\s+has|"
                     rf"(?:your\s+(?:tally|total|count)|the\s+(?:tally|total|count)|you)\s+(?:(?:should|will)\s+)?(?:reach(?:es)?|comes?\s+to|stays?|"
                     rf"ends?\s+up\s+(?:with|at)|end\s+up\s+(?:with|at)))\s+{_REL}(?:\s+of\s+them)?(?P<tail>[^.!?]*)[.!]?\s*$", _I)
# how the reader is told to count: no condition on the reply
_MANNER = re.compile(r"\s*,?\s*\b(?:slowly|gently|softly|quietly|one\s+by\s+one|one\s+at\s+a\s+time|one\s+per\s+breath|breath\s+by\s+breath|"
                     r"like\s+breaths|with\s+each\s+breath)\b", _I)
# a tail after the count that says its side again (only a bound from below has one: 'or more', 'perhaps more')
_OR_MORE = re.compile(r"^\s*,?\s*(?:or\s+(?:more|higher|above|greater)|perhaps\s+more|maybe\s+more|if\s+not\s+more)(?:\s+of\s+them)?\s*$", _I)
# a tail after an exact count that says it is exact ('exactly 3, not one more and not one less')
_EXACT_TAIL = re.compile(r"^\s*,?\s*(?:not\s+one\s+more\s+(?:and|or|nor)\s+not\s+one\s+(?:less|fewer)|no\s+more\s+(?:and|or)\s+no\s+(?:less|fewer)|"
                         r"neither\s+more\s+nor\s+(?:less|fewer))\s*$", _I)


# a word hunt: the list to find, then that every word of it is there ('Word hunt! Find "a" and "b" in the reply: every word on
# the list is in there at least once.')
_FIND = re.compile(rf"^\s*{_HUNT}find\s+(?P<list>{QUOTED_LIST})\s+in\s+the\s+reply\s*:\s*(?:every|each)\s+(?:word|one)\s+(?:on|of|from)\s+the\s+list\s+"
                   r"is\s+(?:in\s+there|in\s+it|there)(?:\s+at\s+least\s+once)?\s*[.!]?\s*$", _I)


def attended(text: str) -> Optional[str]:
    """The statement a sentence sending the reader to a unit and a sentence giving its count make, or None."""
    found = _FIND.match(text)
    if found:
        return f"The reply contains each of the words {found.group('list')} at least once."
    for first in _FIRSTS:
        m = first.match(text)
        s = _SECOND.match(text[m.end():]) if m else None
        if s:
            break
    else:
        return None
    rel = re.sub(r"\s+", " ", (s.group("rel") or "").strip().lower())
    tail = s.group("tail").strip()
    if tail and rel == "exactly" and _EXACT_TAIL.match(tail):
        tail = ""  # ('exactly 3, not one more and not one less': the same count said again)
    if tail:
        if rel not in ("", "at least") or not _OR_MORE.match(tail):
            return None
        rel = "at least"  # ('You will find 10 of them, or more.': the side said by the tail alone)
    if not rel:
        return None  # 'You will find 10 of them': no side said
    desc = _MANNER.sub("", m.group("desc")).rstrip(" ,:;")
    if re.search(r"\S", desc) and not re.match(r"\s*[,:]", desc):
        desc = " " + desc.strip()
    if m.group("q"):  # 'Count every "war" in the reply: your tally reaches 8 or more.'
        unit = "letter" if len(m.group("q")) == 3 else "word"
        return re.sub(r"\s+", " ", f"The {unit} {m.group('q')} appears in the reply {rel} {s.group('n')} times{desc}.")
    unit = f"{m.group('mods')}{m.group('unit')}" if m.group("unit") else m.group("one") + "s"
    said = f"The reply has {rel} {s.group('n')} {unit}{desc}."
    return re.sub(r"\s+", " ", said)
