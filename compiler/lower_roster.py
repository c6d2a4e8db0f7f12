"""A list given in a lead and a statement of it after, from set 44's voices (issue 15, round 36), read as one statement:

    Active ingredients: "a", "b" and "c". Every listed ingredient appears in the reply at least once.
    Contraindicated: a, b, c. Dispensed free of everything listed: no listed word appears in the reply as a whole word.
    Important: "a" or "b" must not be used. Check the whole reply; no listed word appears in it as a whole word.
    Legal reply: contains every listed word ("a", "b") at least once; any capitalisation counts.

    Featuring "a": each of these appears somewhere in the reply.                     (set 48: the list pointed back to)
    Struck from the menu: "a" and "b". Not one of them occurs in the reply as a whole word.
    Waypoints: "a" and "b". The reply's route passes every one of these keywords at least once.     (set 50: the reply the subject)
    Vocabulary: deep. The reply works in every one of these keywords at least once: "a" and "b".   (set 50: the list last)

The lead is a label and a list of words (quoted or plain), or a lead naming a quoted list in its own words; the statement after it speaks of the list ('every listed
word', 'no listed word', 'everything on the list') and says whether each word is present or none is, with its notes
on matching (as a whole word, in any capitalisation). :func:`roster` returns that statement with the words in it. The
label must not say the other side: a label that forbids ('must not be used', 'banned') beside a statement that every
word appears vetoes, and so does a label that requires ('required', 'must include') beside one that none does. A
statement said of the user's text is left as it is, and so is a pointed-back one that says more of the words than where
they are ('each of them appears in bold'); a label that limits the statement or gives a count vetoes (:func:`rubricc.compiler.lower_label.label_limits`).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import FORBIDS, KEYWORD_PLACES, NEGATION, QUOTE_RE, QUOTED_ITEM, QUOTED_LIST, WORD_LIST, quoted_words
from rubricc.compiler.lower_label import label_limits
from rubricc.compiler.lower_respell import in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_LIST = rf"(?P<q>{QUOTED_LIST})|(?P<w>{WORD_LIST})"
# 'Label: LIST.' / 'Label: LIST;' / 'Label: LIST must not be used.', then the statement
_LEAD = re.compile(rf"^\s*(?P<label>[A-Z](?:[^:\"'\n]|(?<=\w)'(?=\w)){{1,40}}?)\s*:\s*(?:the\s+(?:words|terms)\s+(?=[\"\u201c]))?(?:{_LIST})\s*(?P<tail>(?:must|should|may|are|is)\s+(?:not|never)\s+(?:be\s+)?\w+|"
                   r"(?:must|should)\s+(?:all\s+)?(?:be\s+)?\w+)?\s*[.;]\s+(?P<said>\S.+)$"
                   # a lead that names the quoted list in its own words, then the statement after a colon or a stop
                   # ('Featuring "a": each of these appears ...', 'Guests are assured that "a" and "b" will not be heard: none ...')
                   rf"|^\s*(?P<label2>[A-Z][^:;.\"'\u201c\n]{{1,60}}?)\s*:?\s+(?P<q2>{QUOTED_LIST})\s*(?P<tail2>(?:will|must|should|may|shall|are|is)\s+(?:not\s+|never\s+)?(?:be\s+)?\w+)?"
                   r"\s*[.;:]\s+(?P<said2>\S.+)$", _I)
# 'Label: ... every listed word ("a", "b") ...': the list inside the statement, after the words that refer to it
_INLINE = re.compile(rf"^\s*(?P<label>[A-Z][^:\"'\n]{{1,40}}?)\s*:\s*(?P<said>[^()]*?\blisted\s+(?:word|keyword|term)s?\s*\(\s*(?P<q>{QUOTED_LIST})\s*\)[^()]*)$", _I)
_REFERS = re.compile(r"(?i:\b(?:every|each|any|no|a|the)\s+listed\s+\w+|\beverything\s+(?:on\s+the\s+list|listed)\b|\bevery\s+one\s+of\s+them\b|"
                     r"\b(?:every|each)\s+(?:word|item|entry|one)\s+on\s+the\s+list\b)")
# the list pointed back to after its lead ('each of these', 'none of them', 'not one of them', 'each one')
_POINTS = re.compile(r"^(?:(?:each|every\s+one|none|not\s+one|all)\s+of\s+(?:them|(?:these|those)(?:\s+(?:key\s*)?(?:words|keywords|terms))?)|each\s+one)\b", _I)
_PRESENT = re.compile(r"\b(?:appears?|occurs?|turns?\s+up|shows?\s+up|is\s+(?:found|used|present|included|mentioned)|are\s+(?:found|used|present)|uses?|"
                      r"contains?|includes?|mentions?|found)\b", _I)
# the noun a pointer to the list may end with ('each of these keywords', 'none of those terms')
_LIST_NOUN = r"(?:\s+(?:key\s*)?words|\s+keywords|\s+terms)?"
# a statement whose subject is the reply and whose object points to the list ('the reply works in every one of these
# keywords', 'the reply's route passes each of these'): the verb a way of saying the words are in it
_SUBJECT = re.compile(r"^the\s+reply(?:'s\s+[a-z]+)?\s+(?:will\s+)?(?:(?:works?|weaves?|slips?|fits?|drops?|brings?)\s+in|includes?|uses?|contains?|"
                      r"mentions?|features?|pass(?:es)?(?:\s+through)?|visits?|hits?)\s+(?P<which>each|every\s+one|all|none|not\s+one)\s+of\s+(?:these|those)"
                      + _LIST_NOUN + r"\b", _I)
# the same said negated ('The reply doesn't use a single one of them', set 51): no listed word
_SUBJECT_NOT = re.compile(r"^the\s+reply\s+(?P<which>does\s+not|doesn't|did\s+not|didn't|never|will\s+not|won't)\s+(?:use|mention|contain|include|say|feature)s?\s+"
                          r"(?:a\s+single\s+one|any(?:\s+one)?|one|either)\s+of\s+(?:them|these|those)" + _LIST_NOUN + r"\b", _I)
# the list last, after a statement pointing to it that is not said with the reply as its subject ('As you read, notice that
# each of these words appears in the reply: "a", "b". Every one of them is there.', set 51), a restatement after it
_FORWARD_POINTS = re.compile(rf"^(?P<label>[^\"\u201c:]*?)(?P<said>\b(?:each|every\s+one|all|none|not\s+one)\s+of\s+(?:these|those){_LIST_NOUN}"
                             rf"\s+[^:\"\u201c]*?)\s*:\s*(?:(?P<q>{QUOTED_LIST})|(?P<w>{WORD_LIST}))\s*(?:[.!]\s*(?P<post>[^\"\u201c:]*))?$", _I)
# a piece after the statement that only says again that all of the words are there ('All of them, every single one.',
# 'Each one shows up at least once.'), or none ('none of these words is heard anywhere'): read off with the same side
_AGAIN = re.compile(r"^(?:(?:all\s+of\s+them|every\s+(?:single\s+)?one(?:\s+of\s+them)?|each\s+and\s+every\s+one|no\s+exceptions)"
                    r"(?:\s*,\s*(?:all\s+of\s+them|every\s+(?:single\s+)?one(?:\s+of\s+them)?|each\s+and\s+every\s+one|no\s+exceptions))*|"
                    r"(?P<p>(?:each|every|all|none|not)(?:\s+(?:single\s+)?one)?(?:\s+of\s+(?:them|these|those)" + _LIST_NOUN + r")?)"
                    r"\s+(?:is|are)?\s*(?:there|heard|seen|present|found|used|appears?|shows?\s+up|turns?\s+up|occurs?)"
                    r"(?:\s+(?:anywhere|somewhere|in\s+(?:it|the\s+reply)|at\s+least\s+once))*)\s*[.!]*$", _I)


# the list last, after the statement that points to it ('I hear you: the reply will include each of these ...: a, b.')
_FORWARD = re.compile(rf"^(?P<label>[^\"\u201c]*?)(?P<said>\b[Tt]he\s+reply\b[^:\"\u201c]*?)\s*:\s*(?:(?P<q>{QUOTED_LIST})|(?P<w>{WORD_LIST}))\s*\.?\s*$", re.S)
_OTHER = re.compile(r"\b(?:user|prompt|question|request|message|instruction)s?\b", _I)
_FORBIDS = FORBIDS
_REQUIRES = re.compile(r"\b(?:required|requires?|must\s+(?:include|use|contain|mention|appear)|needed|include|featur\w*|starring|includ\w*|"
                       r"contain\w*|uses?|used|mention\w*|says?|said|present\w*|appear\w*|bearing|spotted|attending|(?:are|is)\s+(?:in|found))\b", _I)
_WHOLE_WORD = re.compile(r"\bas\s+(?:a\s+)?whole\s+words?\b", _I)
_ANY_CASE = re.compile(r"\b(?:in\s+any\s+capitali[sz]ation|whatever\s+(?:its\s+|the\s+)?(?:capitali[sz]ation|case)|capitali[sz]ed\s+or\s+not|(?:in\s+)?any\s+(?:letter\s+)?case|"
                       r"any\s+capitali[sz]ation(?:\s+counts)?|(?:whether\s+)?(?:in\s+)?(?:upper|capitals)\s+or\s+lower\s+case|in\s+either\s+case|capitali[sz]ation\s+aside|"
                       r"case\s+not\s+mattering|"
                       r"(?:whether\s+)?in\s+capitals\s+or\s+(?:in\s+)?small\s+letters)\b", _I)
# a note that a word counts inside a longer one ('even if only as part of a longer word'): the check's own matching
_LONGER = r"even\s+(?:if\s+only\s+)?(?:as\s+part\s+of|inside|within)\s+(?:a\s+)?longer\s+words?"
_VETO = [("veto", "a list's label that says the other side of its statement")]
# what a statement of the list may say besides the list: where the words are, that each is there (once at least), how they
# are matched; anything left over asks for more
_LEFT = re.compile(r"(?i:\b(?:every|each|any|no|a|the)\s+listed\s+\w+|\beverything\s+(?:on\s+the\s+list|listed)\b|\bevery\s+one\s+of\s+them\b|"
                   r"\b(?:every|each)\s+(?:word|item|entry|one)\s+on\s+the\s+list\b|"
                   r"\b(?:appears?|occurs?|turns?\s+up|shows?\s+up|is|are|found|used|present|included|mentioned|uses?|contains?|includes?|mentions?|gets?\s+a\s+mention)\b|"
                   r"\b(?:somewhere|anywhere)\b|\b(?:in|within|inside)\s+(?:the\s+(?:(?:whole|entire)\s+)?(?:reply|response|answer|text)|it)\b|"
                   r"\bthe\s+(?:(?:whole|entire)\s+)?(?:reply|response|answer)\b|"
                   r"\bat\s+least\s+once\b|\b(?:one|1)\s+(?:time\s+)?or\s+more(?:\s+times)?\b|\bas\s+(?:a\s+)?whole\s+words?\b|\bfree\s+of\s+everything\b|"
                   r"\bin\s+(?:upper|lower)\s+or\s+(?:upper|lower)\s+case\b|\bupper\s+or\s+lower\s+case\b|"
                   rf"{_ANY_CASE.pattern}|\b{_LONGER}\b|\bcapitals\s+count\b|\bcase\s+does\s+not\s+matter\b|\b(?:and|or|nor|not|never|none|of|them|these)\b)")
_ZERO = re.compile(r"^(?:zero|no|0|none)\s+(?:uses|occurrences|hits|matches|instances)\s*\.?$", _I)
_PIECE_END = re.compile(r"(?:[.!?](?=\s+[A-Z])|;)")
_PROCEDURE = re.compile(r"^(?:check|look|search|scan|read|go)\b[^;]*$", _I)  # 'Check the whole reply'
_NOTE = re.compile(rf"(?:{_WHOLE_WORD.pattern}|{_ANY_CASE.pattern}|{_LONGER}|any\s+capitali[sz]ation\s+counts|capitals\s+count|case\s+does\s+not\s+matter)"
                   r"(?:\s*,?\s*(?:and\s+)?(?:in\s+)?(?:any|either)\s+case)?", _I)


# a booking's field for the list ('Occurrences of any of these in the reply, as whole words ...: 0.', 'Status: each one
# present somewhere in the reply.'): the statement it makes of the listed words
_FIELDS = [
    (re.compile(r"^occurrences\s+of\s+(?:any\s+of\s+these|the\s+listed\s+words)(?P<notes>[^:]*?)\s*:\s*(?:0|zero|none)\s*\.?\s*$", _I),
     lambda m: f"no listed word appears{m.group('notes')}."),
    (re.compile(r"^status\s*:\s*(?:each|every)\s+one\s+(?:is\s+)?present\b(?P<rest>[^:]*)$", _I),
     lambda m: f"every listed word is present{m.group('rest')}"),
]


def every_of(q: str, notes: str) -> str:
    """'The response contains each of the keywords "a" and "b" at least once', in any capitalisation where the notes
    say so."""
    case = ", in any capitalisation" if _ANY_CASE.search(notes) else ""
    return f"The response contains each of the keywords {q} at least once{case}."


def none_of(q: str, notes: str) -> str:
    """'The response uses none of the words "a" and "b"', as a whole word and in any case where the notes say so."""
    whole = " as a whole word" if _WHOLE_WORD.search(notes) else ""
    case = ", in any capitalisation" if _ANY_CASE.search(notes) else ""
    return f"The response uses none of the words {q}{whole}{case}."


def roster(text: str) -> Tuple[str, Asides]:
    """(the statement a listed lead and its statement make, its asides); (text, []) when the text is no such pair."""
    got = _roster(text)
    return got if got is not None else (text, [])


def _lead(text: str) -> Optional[Tuple[dict, str, bool]]:
    """(the lead's groups: label and list; the statement; whether it points to the list) of a list given and said of, the
    list first or (after the statement's 'each of these', at the end) last; None when the text is no such pair."""
    f = _FORWARD.match(text)
    s = f and _SUBJECT.match(f.group("said"))
    if s and not re.search(QUOTED_ITEM, f.group("label")):  # 'The reply works in every one of these keywords ...: "a", "b".'
        said = _listed(s.group("which")) + " appears" + f.group("said")[s.end():]
        return {"label": f.group("label"), "q": f.group("q"), "w": f.group("w")}, said + ".", True
    f = _FORWARD_POINTS.match(text)
    if f and not re.search(QUOTED_ITEM, f.group("label")) and _again_says(f.group("post") or "", _listed(f.group("said"))):
        pointer = re.match(r"\S+(?:\s+one)?\s+of\s+(?:these|those)" + _LIST_NOUN, f.group("said"), _I)
        said = _listed(f.group("said")) + f.group("said")[pointer.end():] + "."  # 'each of these words appears' -> 'every listed word appears'
        return {"label": f.group("label"), "q": f.group("q"), "w": f.group("w")}, said, True
    m = _LEAD.match(text) or _INLINE.match(text)
    if not m:
        return None
    g = m.groupdict()
    stated = g.get("said") or g.get("said2")
    bare = re.sub(r"^[A-Z][\w ]{1,30}:\s+(?=\w)", "", stated)  # 'Checked after: none of these ...'
    p = _POINTS.match(bare)
    s = None if p or re.search(QUOTED_ITEM, bare) else (_SUBJECT.match(bare) or _SUBJECT_NOT.match(bare))  # 'The reply's route passes every one of these keywords'
    if g.get("said2") is not None and not (p or s):
        return None
    if p:  # the list pointed back to: 'each of these' is every listed word, 'none of them' no listed word
        stated = _listed(p.group(0)) + bare[p.end():]
        stated = re.sub(r"^(every listed word)\s+(?=(?:present|there)\b)", r"\1 is ", stated)  # 'each one present in the reply'
    elif s:
        stated = _listed(s.group("which")) + " appears" + bare[s.end():]
    return g, stated, bool(p or s)


def _listed(pointer: str) -> str:
    """The list as a pointer to it says it: 'none of these', 'not one of them' is no listed word; else every listed word."""
    return "no listed word" if re.match(r"(?:none|not|never|does(?:n't|\s+not)|did(?:n't|\s+not)|won't|will\s+not)\b", pointer, _I) else "every listed word"


def _again_says(piece: str, listed: str) -> bool:
    """Whether ``piece`` is empty or only says again what the statement says of the list (:data:`_AGAIN`), on its side."""
    if not piece.strip():
        return True
    m = _AGAIN.match(piece.strip())
    return bool(m) and (_listed(m.group("p")) if m.group("p") else "every listed word") == listed


def _roster(text: str) -> Optional[Tuple[str, Asides]]:
    lead = _lead(text)
    if lead is None:
        return None
    g, stated, p = lead
    field = next((f for f in _FIELDS if f[0].match(stated)), None)
    stated = field[1](field[0].match(stated)) if field else stated
    if not _REFERS.search(stated) or _OTHER.search(stated):
        return None
    said, rest = _pieces(stated)
    if p and re.search(r"\w", _LEFT.sub(" ", QUOTE_RE.sub(" ", said))):
        return None  # a list pointed back to, said more of than where its words are ('each of them appears in bold')
    q = g.get("q") or g.get("q2") or quoted_words(re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", g["w"].strip()))
    refer = _REFERS.search(said)
    bare = _ANY_CASE.sub(" ", QUOTE_RE.sub(" ", stated))  # every piece: '...each listed word ("a"); none identified' is not a presence
    before = said[:refer.start()] + " " + refer.group(0)
    absent = bool(re.search(NEGATION, before, _I)) or bool(re.search(r"\bfree\s+of\s+everything\b", said, _I))
    if not absent and re.search(NEGATION, bare, _I):
        return None  # 'searched for each listed word ...; none identified': a negation after the list, left to the other readers
    if not absent and not _PRESENT.search(said):
        return None
    label = (g.get("label") or g.get("label2") or "") + " " + (g.get("tail") or g.get("tail2") or "")
    if p and re.search(rf"\b(?:{KEYWORD_PLACES})\b", label, _I):
        return text, [("veto", "a list's label that places its words")]
    if (not absent and _FORBIDS.search(label)) or (absent and _REQUIRES.search(label) and not _FORBIDS.search(label)):
        return text, _VETO
    if label_limits(label, "keywords_present", {}):
        return text, [("veto", "a list's label that limits its statement or counts")]
    notes = stated  # the matching notes of every piece ('...; any capitalisation counts')
    rest = [r for r in rest if not (absent and _ZERO.match(r))]  # 'Zero uses.': the absence tallied
    rest = [r for r in rest if not _again_says(r, "no listed word" if absent else "every listed word")]  # 'All of them, every single one.'
    return " ".join([none_of(q, notes) if absent else every_of(q, notes)] + rest), []


def _pieces(said: str) -> Tuple[str, List[str]]:
    """(the sentence or semicolon piece of ``said`` that speaks of the list, the other pieces that may ask for more).
    A matching note ('any capitalisation counts') or a grader's procedure before it ('Check the whole reply') is read
    off; any other piece is kept, to be read with the statement ('...; the reply explains the tides' asks for more)."""
    spans = quote_spans(said)
    cuts = [0] + [m.end() for m in _PIECE_END.finditer(said) if not in_quotes(spans, m.start())] + [len(said)]
    pieces = [said[a:b].strip(" ;") for a, b in zip(cuts, cuts[1:]) if said[a:b].strip(" ;.")]
    at = next(i for i, p in enumerate(pieces) if _REFERS.search(p))
    rest = [p for i, p in enumerate(pieces) if i != at and not (i < at and _PROCEDURE.match(p)) and not _NOTE.fullmatch(p.strip(" ."))]
    return pieces[at], [p if p.endswith((".", "!", "?")) else p + "." for p in rest]
