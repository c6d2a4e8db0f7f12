"""Hearsay and address read past, from set 51's gossip column and video voices (issue 15, round 43): who reports the
statement, and whom it is said to, ask nothing of the reply.

    Sources say the reply is keeping a few details under wraps: at least 2 placeholders in square brackets ...
    The reply couldn't stop talking, say our spies: at least 50 sentences from start to finish.
    The reply just can't get enough of the letter l, say sources: it appears at least 15 times ...
    The reply's parting words, we can reveal, were exactly "x", and nothing came after them.

:func:`hearsay` drops an attribution said with a reporting verb ('sources say', 'our spies report', 'insiders tell us',
'we're told', 'according to insiders') at the start of the criterion or set off by commas, and leaves everything else
as it is; quoted text is never touched. A town crier's formula ('Hear ye!', 'Oyez!', 'Be it known that', 'Know ye that')
before the statement is read past too (set 53), and so are set 54's openers: a report by a body or in the passive with
'that' ('It was minuted that ...', 'Members confirmed that ...', also after a minute's label), a greeting or a minute's
opening sentence ('Good evening.', 'Structure was discussed.'), a pitchman's 'But wait, there's more:', a newsreader's
'In other news,', and the speaker's assurance after the statement ('I counted!', 'I used every one of them', never after
a list said to be left out). 'Sources' with no reporting verb ('cites three sources') is no attribution.
:func:`unaddressed` drops the audience addressed ('Okay guys, ...', ', folks!', ', my
friend.'), only where the address is set off by a comma or follows an interjection ('people', 'friends' and 'team' are
never taken as an address: they may be what the reply names). An address before a colon ('..., folks: the reply ...')
is left to the readers of the lead it closes (:mod:`rubricc.compiler.lower_listing`), but for a pitch's lead of plain words
before a count or the reply ('... with this reply, folks: at least 300 words'); a letter's salutation ('Dear Puzzled in
Leeds: ...') is dropped too.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_canon import SMALL_LETTER
from rubricc.compiler.lower_decor import CASE_PAIR
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_WHO = r"(?:(?:our|the|my)\s+)?(?:sources|spies|insiders|informants|tipsters)"
_VERB = r"(?:say|says|said|confirm|confirms|confirmed|report|reports|reported|reveal|whisper|whispers|swear|swears|insist|insists|tell\s+us|told\s+us|agree)"
# 'Sources say the reply ...', 'Word on the street is the reply ...', 'We hear the reply ...', 'Rumour has it that ...'
_LEADING = re.compile(rf"^\s*(?:{_WHO}\s+{_VERB}|word\s+on\s+the\s+street\s+is|we\s+hear|rumou?r\s+has\s+it|according\s+to\s+{_WHO})\s*(?:that\s+|,\s*|:\s*)?"
                      r"(?=(?:the|this|its)\s+reply\b)", _I)
# a report of the statement by a body or in the passive, with 'that' (set 54's minutes and news anchor): 'It was minuted
# that ...', 'Members confirmed that ...', 'Reporting from the text, our team confirms that ...'
_BODY = r"(?:(?:the|our)\s+)?(?:members|committee|board|panel|team|chair|officials|correspondents?|reporters?|newsroom)|we"
_REPORTED_THAT = re.compile(r"^\s*(?:reporting\s+(?:live\s+)?from\s+[^,.:;\"]{1,30},\s*)?"
                            rf"(?:it\s+(?:was|is|has\s+been|had\s+been)\s+(?:minuted|recorded|noted|confirmed|reported|agreed|resolved|established|"
                            rf"observed)|(?:{_BODY})\s+(?:can\s+)?(?:confirm(?:s|ed)?|report(?:s|ed)?|note[sd]?|record(?:s|ed)?|agreed|found))\s+that\s+(?=\S)", _I)
_MINUTE_LABEL = re.compile(r"^\s*[A-Z][^:\"\u201c.!?]{0,40}:\s+")
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


# the speaker's assurance after the statement (set 54's child): 'I counted!', 'I checked the whole thing from top to bottom!',
# 'I counted the big ones and the small ones together.' (the counts read ignore case already)
_ASSURED = re.compile(r"(?<=[.!])\s+I\s+(?:(?:really|even|also)\s+)?(?:counted|checked|double-checked|looked|made\s+sure)"
                      r"(?:\s+(?:them|it|twice|carefully|again|the\s+whole\s+thing|everything|all\s+of\s+them|them\s+all|every\s+(?:single\s+)?(?:one|word)|"
                      r"(?:the\s+)?(?:big|capital)\s+ones\s+and\s+(?:the\s+)?(?:small|little)\s+ones(?:\s+(?:together|alike|both))?))*"
                      r"(?:\s+from\s+(?:top\s+to\s+bottom|start\s+to\s+finish|beginning\s+to\s+end))?\s*[.!]+\s*$|"
                      # (after a list the reply has: 'I used every one of them, and big letters or small letters both count.')
                      rf"(?<=[.!])\s+I\s+used\s+(?:every|each|all)\s+(?:single\s+)?(?:one\s+)?of\s+them(?:\s*,\s*(?:and\s+)?{CASE_PAIR})?\s*[.!]+\s*$", _I)


# a greeting or a minute's opening sentence before the statement (set 54): 'Good evening.', 'Structure was discussed.'
_OPENING = re.compile(r"^\s*(?:[Gg]ood\s+(?:evening|morning|afternoon)(?:\s*,\s*(?:everyone|everybody|all))?|"
                      r"[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+(?:was|were)\s+(?:discussed|considered|raised|reviewed|taken\s+up))\s*[.!]\s+(?=[A-Z])|"
                      # a pitchman's 'But wait, there's more:', 'And that's not all:'
                      r"^\s*(?:[Bb]ut\s+wait\s*,\s*there(?:'s|\s+is)\s+more|(?:[Aa]nd\s+)?[Tt]hat(?:'s|\s+is)\s+not\s+all)\s*[:!.]\s*(?=the\s+reply\b)|"
                      # a newsreader's segue before the reply: 'In other news, the reply ...', 'In a story still unfolding, the reply ...'
                      r"^\s*In\s+(?:(?:other|breaking|related|late|today's)\s+news|a\s+(?:story|development|twist|turn)(?:\s+[a-z]+){0,3})\s*,\s*(?=the\s+reply\b)")


def hearsay(text: str) -> str:
    """``text`` without the attributions of its statement; the same text when it has none."""
    m = _OPENING.match(text)
    if m:
        text = text[m.end():]
        text = text[:1].upper() + text[1:]
    m = _ASSURED.search(text)
    if m and not in_quotes(quote_spans(text), m.start()) and \
            not (re.match(r"\s*I\s+used\b", m.group(0)) and re.search(r"\b(?:no|not|none|never|without)\b|n't\b", _unquoted(text[:m.start()]), _I)):
        text = text[:m.start()]  # (never 'I used every one of them' after a list said to be left out)
    m = _CRIER.match(text)
    if m and m.end() > 0 and m.end() < len(text):
        rest = text[m.end():]
        text = rest[:1].upper() + rest[1:]
        # the crier's letters: 'great letters' are capitals, a 'small letter' a lowercase one
        text = SMALL_LETTER.sub(r"\1 lowercase letter\2", re.sub(r"\bgreat\s+letters\b", "capital letters", text, flags=_I))
    m = _SIGN_OFF.search(text)
    if m and not in_quotes(quote_spans(text), m.start()):
        text = text[:m.start()]
    m = _LEADING.match(text) or _REPORTED_THAT.match(text)
    if m:
        rest = text[m.end():]
        text = rest[:1].upper() + rest[1:]
    label = _MINUTE_LABEL.match(text)  # a minute's label keeps its place: 'Excluded terms: it was recorded that ...'
    if label and _REPORTED_THAT.match(text[label.end():]):
        text = text[:label.end()] + text[label.end() + _REPORTED_THAT.match(text[label.end():]).end():]
    elif label and re.match(r"(?:confirmed|recorded|noted|minuted)\s+as\s+(?=[A-Z])", text[label.end():]):
        text = text[:label.end()] + re.sub(r"^\w+\s+as\s+", "", text[label.end():])  # 'Language of the reply: confirmed as Hindi ...'
    spans = quote_spans(text)
    # (both commas go when the attribution sits inside the clause: 'the reply, sources say, came in at ...')
    cut = [(m.start(), m.end() + (text[m.end():m.end() + 1] == ",")) for m in _SET_OFF.finditer(text) if not in_quotes(spans, m.start())]
    for a, b in reversed(cut):
        text = text[:a] + text[b:]
    return text


_WHOM = r"(?:guys|folks|everyone|everybody|y'all|you\s+guys|fam|chat|my\s+friends?)"
_ADDRESS = re.compile(rf"\s*,\s*{_WHOM}(?=\s*[,.!?;]|\s*$)|(?P<i>\b(?:okay|ok|alright|so|well|hey|hi|oh))\s+{_WHOM}\b|^\s*(?:my|dear)\s+friends\s*,\s*", _I)


# a letter's salutation before the statement (set 54's agony aunt): 'Dear Comma-Shy in Cleveland: your reply ...'
_SALUTATION = re.compile(r"^\s*[Dd]ear\s+[A-Z][\w'-]*(?:\s+[\w'-]+){0,4}\s*[:,]\s+(?=[a-z])", re.S)


def _unquoted(text: str) -> str:
    spans = quote_spans(text)
    return "".join(" " if in_quotes(spans, i) else ch for i, ch in enumerate(text))


# the audience addressed before a lead's colon, when the lead is a pitch's words only ('You get 300 words or more with this
# reply, folks: at least 300 words'): never after data or a tour guide's pointing ('Notice the *** dividers, folks: ...',
# which the listing readers veto)
_FOLKS_COLON = re.compile(r"\s*,\s*(?:folks|guys|y'all)(?=\s*:\s+(?:at\s+least|at\s+most|exactly|fewer|less|more|no|not|every|each|all|it|"
                          r"the\s+reply)\b)", _I)


def unaddressed(text: str) -> str:
    """``text`` without the audience its statement is said to; the same text when it addresses none."""
    f = _FOLKS_COLON.search(text)
    if f and re.fullmatch(r"[A-Za-z0-9' ,-]+", text[:f.start()]) and not re.match(r"\s*(?:notice|see|look|watch|spot|keep)\b", text, _I):
        text = text[:f.start()] + text[f.end():]
    m = _SALUTATION.match(text)
    if m and '"' not in m.group(0):
        text = text[m.end()].upper() + text[m.end() + 1:]
    spans = quote_spans(text)
    return _ADDRESS.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else (m.group("i") or ""), text)
