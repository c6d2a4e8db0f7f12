"""Hearsay and address read past, from set 51's gossip column and video voices (issue 15, round 43): who reports the
statement, and whom it is said to, ask nothing of the reply.

    Sources say the reply is keeping a few details under wraps: at least 2 placeholders in square brackets ...
    The reply couldn't stop talking, say our spies: at least 50 sentences from start to finish.
    The reply just can't get enough of the letter l, say sources: it appears at least 15 times ...
    The reply's parting words, we can reveal, were exactly "x", and nothing came after them.

:func:`hearsay` drops an attribution said with a reporting verb ('sources say', 'our spies report', 'insiders tell us',
'we're told', 'according to insiders') at the start of the criterion or set off by commas, and leaves everything else
as it is; quoted text is never touched. A town crier's formula ('Hear ye!', 'Oyez!', 'Be it known that', 'Know ye that')
before the statement is read past too (set 53). 'Sources' with no reporting verb ('cites three sources') is no attribution.
:func:`unaddressed` drops the audience addressed ('Okay guys, ...', ', folks!', ', my
friend.'), only where the address is set off by a comma or follows an interjection ('people', 'friends' and 'team' are
never taken as an address: they may be what the reply names). An address before a colon ('..., folks: the reply ...')
is left to the readers of the lead it closes (:mod:`rubricc.compiler.lower_listing`).
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_canon import SMALL_LETTER
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_WHO = r"(?:(?:our|the|my)\s+)?(?:sources|spies|insiders|informants|tipsters)"
_VERB = r"(?:say|says|said|confirm|confirms|confirmed|report|reports|reported|reveal|whisper|whispers|swear|swears|insist|insists|tell\s+us|told\s+us|agree)"
# 'Sources say the reply ...', 'Word on the street is the reply ...', 'We hear the reply ...', 'Rumour has it that ...'
_LEADING = re.compile(rf"^\s*(?:{_WHO}\s+{_VERB}|word\s+on\s+the\s+street\s+is|we\s+hear|rumou?r\s+has\s+it|according\s+to\s+{_WHO})\s*(?:that\s+|,\s*|:\s*)?"
                      r"(?=(?:the|this|its)\s+reply\b)", _I)
# a crier's proclamation formula before the statement (set 53): 'Hear ye, hear ye!', 'Oyez!', 'Be it known that', 'Know ye that'
_CRIER = re.compile(r"^\s*(?:(?:(?:hear\s+ye|oyez)(?:\s*,\s*(?:hear\s+ye|oyez))*\s*!|good\s+people\s*,\s*attend\s*!|take\s+notice\s*:)\s*)?"
                    r"(?:(?:god\s+save\s+the\s+(?:king|queen)\s*,\s*and\s+)?(?:be\s+it|let\s+it\s+be)\s+(?:known|proclaimed)\s+(?:to\s+all\s+)?that|"
                    r"know\s+ye\s+(?:all\s+)?that|know\s+all\s+(?:men|people)\s+by\s+these\s+presents\s+that|let\s+every\s+citizen\s+know\s+that)?\s*"
                    r"(?=\S)", _I)
# an air-traffic sign-off after the statement (set 53): 'Readback correct, Reply.', 'Roger.', 'Wilco.'
_SIGN_OFF = re.compile(r"(?<=[.!])\s+(?:readback\s+correct|roger(?:\s+that)?|wilco|affirm(?:ative)?|copy\s+that)(?:\s*,\s*reply)?\s*[.!]?\s*$", _I)
# ', sources say', ', say our spies', ', we're told', ', we can reveal', ', according to insiders' (set off by commas or ending a clause)
_SET_OFF = re.compile(rf"\s*,\s*(?:{_WHO}\s+{_VERB}|{_VERB}\s+{_WHO}|we(?:'re|\s+are)\s+told|we\s+can\s+(?:reveal|confirm)|according\s+to\s+{_WHO})"
                      r"\s*(?=[,.:;!]|$)", _I)


def hearsay(text: str) -> str:
    """``text`` without the attributions of its statement; the same text when it has none."""
    m = _CRIER.match(text)
    if m and m.end() > 0 and m.end() < len(text):
        rest = text[m.end():]
        text = rest[:1].upper() + rest[1:]
        # the crier's letters: 'great letters' are capitals, a 'small letter' a lowercase one
        text = SMALL_LETTER.sub(r"\1 lowercase letter\2", re.sub(r"\bgreat\s+letters\b", "capital letters", text, flags=_I))
    m = _SIGN_OFF.search(text)
    if m and not in_quotes(quote_spans(text), m.start()):
        text = text[:m.start()]
    m = _LEADING.match(text)
    if m:
        rest = text[m.end():]
        text = rest[:1].upper() + rest[1:]
    spans = quote_spans(text)
    # (both commas go when the attribution sits inside the clause: 'the reply, sources say, came in at ...')
    cut = [(m.start(), m.end() + (text[m.end():m.end() + 1] == ",")) for m in _SET_OFF.finditer(text) if not in_quotes(spans, m.start())]
    for a, b in reversed(cut):
        text = text[:a] + text[b:]
    return text


_WHOM = r"(?:guys|folks|everyone|everybody|y'all|you\s+guys|fam|chat|my\s+friends?)"
_ADDRESS = re.compile(rf"\s*,\s*{_WHOM}(?=\s*[,.!?;]|\s*$)|(?P<i>\b(?:okay|ok|alright|so|well|hey|hi|oh))\s+{_WHOM}\b|^\s*(?:my|dear)\s+friends\s*,\s*", _I)


def unaddressed(text: str) -> str:
    """``text`` without the audience its statement is said to; the same text when it addresses none."""
    spans = quote_spans(text)
    return _ADDRESS.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else (m.group("i") or ""), text)
