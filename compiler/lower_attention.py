"""A reader's attention sent to a unit of the reply, then the count, from set 51's guided meditation (issue 15, round 43):

    Count the sentences of the reply one by one, like breaths. There are at least 50 of them.
    Let your attention rest on the highlighted parts of the reply, each marked in markdown like *highlighted section*. There are at least 5 of them.
    Breathe in, and gently count the words in the reply that are written wholly in capital letters. You will find 10 of them, or more.

:func:`attended` says it as one statement of the reply ('The reply has at least 50 sentences.', 'The reply has at least 5
highlighted parts, each marked in markdown like *highlighted section*.'), the unit and its description as the first
sentence names them, the count and its side as the second gives them. How the reader is told to count ('slowly',
'one by one', 'like breaths', 'one per breath') asks nothing of the reply and is dropped; a tail after the count must
say its side again ('or more', 'perhaps more' beside 'at least'), else the text is left as it is.
"""
from __future__ import annotations

import re
from typing import Optional

_I = re.IGNORECASE | re.S
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_REL = rf"(?P<rel>(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|under|over)\s+)?(?P<n>{_N})"
_UNIT = (r"(?:sentences|bullet\s+points|bullets|paragraphs|words|sections|placeholders|highlighted\s+(?:parts|sections|passages)|"
         r"markdown\s+bullets|all-caps\s+words|capitali[sz]ed\s+words)")
_LOOK = (r"(?:(?:breathe\s+(?:in|out)|as\s+you\s+breathe\s+(?:in|out)|as\s+you\s+read)\s*,?\s*(?:and\s+)?)?(?:(?:gently|slowly|softly|now|quietly)\s+)?"
         r"(?:count|notice|observe|let\s+your\s+attention\s+rest\s+on|bring\s+your\s+attention\s+to|turn\s+your\s+attention\s+to|look\s+at)")
_FIRST = re.compile(rf"^\s*{_LOOK}\s+the\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<unit>{_UNIT})\s+(?:of|in)\s+the\s+reply\b(?P<desc>[^.!?]*)[.!]\s+", _I)
_SECOND = re.compile(rf"^(?:there\s+(?:are|is)|you\s+will\s+(?:find|count)|you'll\s+(?:find|count))\s+{_REL}(?:\s+of\s+them)?(?P<tail>[^.!?]*)[.!]?\s*$", _I)
# how the reader is told to count: no condition on the reply
_MANNER = re.compile(r"\s*,?\s*\b(?:slowly|gently|softly|quietly|one\s+by\s+one|one\s+at\s+a\s+time|one\s+per\s+breath|breath\s+by\s+breath|"
                     r"like\s+breaths|with\s+each\s+breath)\b", _I)
# a tail after the count that says its side again (only a bound from below has one: 'or more', 'perhaps more')
_OR_MORE = re.compile(r"^\s*,?\s*(?:or\s+more|perhaps\s+more|maybe\s+more|if\s+not\s+more)\s*$", _I)


def attended(text: str) -> Optional[str]:
    """The statement a sentence sending the reader to a unit and a sentence giving its count make, or None."""
    m = _FIRST.match(text)
    if not m:
        return None
    s = _SECOND.match(text[m.end():])
    if not s:
        return None
    rel = re.sub(r"\s+", " ", (s.group("rel") or "").strip().lower())
    tail = s.group("tail").strip()
    if tail:
        if rel not in ("", "at least") or not _OR_MORE.match(tail):
            return None
        rel = "at least"  # ('You will find 10 of them, or more.': the side said by the tail alone)
    if not rel:
        return None  # 'You will find 10 of them': no side said
    desc = _MANNER.sub("", m.group("desc")).rstrip(" ,:;")
    if re.search(r"\S", desc) and not re.match(r"\s*[,:]", desc):
        desc = " " + desc.strip()
    said = f"The reply has {rel} {s.group('n')} {m.group('mods')}{m.group('unit')}{desc}."
    return re.sub(r"\s+", " ", said)
