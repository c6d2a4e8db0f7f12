"""A wedding toast raised to the reply and a birth announcement of it, from set 52's fifth and first voices (issue 15,
round 44), read as the plain statement each makes:

    I have always admired how this reply stays true to its roots: the whole of it is written in Russian.
    I promised to keep this short, and so did the reply: it contains fewer than 701 words.
    Raise a glass to a reply that never holds back: I counted its words written entirely in capitals, and there are at least 10 of them.
    We are delighted to announce a reply born in at least 3 sections, each one marked at its start by SECTION followed by its number.
    We are pleased to announce a reply born wrapped in double quotation marks: it begins with " and ends with ".

:func:`toasted` returns the statement and the asides. A toast's lead is the speaker's story of the reply, said in the
first person or as the toast's own formula ('Raise a glass to', 'To the reply!'), up to the colon or semicolon after
which the statement is said of the reply; a wish or a plan for the reply ('I want the reply to', "I'll split the reply"),
the request, a part or a unit of the reply named in it make it no story. The lead is kept as a ``lead`` aside and, said of the reply, a ``story`` aside: it must read
as no check, or the same one, and no content word (:data:`rubricc.compiler.lower._SEMANTIC`). A lead with a number in it is
no lead (it may be the requirement); a lead that names one word ('If this reply has a catchphrase, it is "x"') or
ends with a list ('everyone on the guest list, "a", "b"') gives the statement its data. The speaker's own feelings
('I am proud to say', 'and I mean that kindly') are read off; a lead's word for brevity ('I will keep this brief')
must be borne out by the bound (a veto otherwise).

:func:`announced` reads a birth announcement: 'We are delighted to announce (that) X' and 'The proud parents note that
X' say X; 'a reply born in / of / with N units' is the reply having them; 'a reply born X: Y' says Y, X its label ('Baby's first words were the request itself: Y' too).
A criterion in neither voice is left as it is.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_lexicon import is_judgement
from rubricc.compiler.lower_parse import QUOTED_ITEM, bound_bears_out
from rubricc.compiler.lower_referee import vouched
from rubricc.compiler.lower_respell import cap, first_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q = QUOTED_ITEM
_REPLY = re.compile(r"\b(?:this|the|a|our)\s+reply\b", _I)
# the toast said in the first person, or as the toast's own formula
_TOAST = re.compile(r"\b(?:I|I've|I'm|I'd)\b|\braise\s+(?:a|your|our)\s+glass(?:es)?\b|"
                    r"^\s*(?:now\s*,\s*)?(?:this|the)\s+reply\s+(?:has\s+(?:always|never)\s+been|knows\s+when|never\s+)|"
                    r"^\s*ask\s+(?:this|the)\s+reply\b", _I)
# the speaker's own feelings, no word about the reply
_FEELINGS = re.compile(r"\b(?:I\s+am\s+proud\s+to\s+say|and\s+I\s+mean\s+that\s+kindly|proud\s+parents(?:\s+report)?)\b", _I)
# closing words of a toast: nothing asked
_CLOSERS = re.compile(r"(?:\s*\bTo\s+the\s+reply\s*!|\s*\bCheers\s*!|\s*,\s*and\s+believe\s+me\s*,\s*I\s+looked)\s*\.?\s*$", _I)
# what no story of the reply says: the request, a wish, a demand or a plan for the reply ('I want the reply to ...', 'I asked
# for the reply to ...', 'The reply will ...', "I'll split the reply at ..."), a part of it or a unit ('only', 'the first
# paragraph'), a second sentence: such a lead may be the requirement, or limit it
_NOT_STORY = re.compile(r"\b(?:request|prompt|repeat\w*|verbatim|word\s+for\s+word|only|just|first|last|"
                        r"paragraphs?|sections?|lines?|sentences?|words?|letters?|characters?|bullets?|titles?|headings?)\b|"
                        r"\bI\s*(?:'ll|will|shall|am\s+going\s+to|'m\s+going\s+to)\s+(?!always\b|never\b|keep\b)|(?<!I\s)\b(?:will|shall|must|should)\b|[.?!]\s|"
                        r"\bI\s+(?:asked|told|instructed|required)\b|"
                        r"\bI\s+(?:want|need|expect|require|wish|prefer|would\s+(?:like|prefer|want)\s+(?:the|this|a)\s+reply|'d\s+(?:like|prefer|want)\s+(?:the|this|a)\s+reply)\b", _I)
_NUMBER = re.compile(r"\d|\bone\b(?!\s+(?:for|to|who|like)\b)|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|once|twice)\b", _I)
# the lead's data: one word it names, or a list it ends with
_NAMED = re.compile(rf"\b(?:catchphrase|favou?rite\s+word|signature\s+word)\s*,?\s+(?:it\s+is|is)\s+(?P<q>{_Q})\s*$", _I)
_LIST_END = re.compile(rf",\s*(?P<items>{_Q}(?:\s*(?:,|,?\s+and|,?\s+or)\s+{_Q})*)\s*$", _I)
# how the reply began, said in the lead ('I will always remember how this reply began: with the request itself, ...')
_BEGAN = re.compile(r"\bhow\s+(?:this|the)\s+reply\s+(?:began|opened|started)\s*$", _I)
# the referee's 'and I can tell you (that) X' after the speaker's story: X the statement
_TELL = re.compile(r"^(?P<lead>[^:;\"]{10,120}?)\s*,\s*and\s+I\s+can\s+tell\s+you\s+(?:that\s+)?(?P<rest>\S.*)$", _I)
# the speaker watched the reply grow into its units ('I have watched this reply grow into exactly 6 paragraphs, ..., and I am
# proud to say its second paragraph ...'): the reply has them
_GREW = re.compile(r"^I\s+have\s+watched\s+(?:this|the)\s+reply\s+grow\s+into\s+(?P<x>(?:exactly|at\s+least|at\s+most|fewer\s+than|no\s+more\s+than|\d)[^:;\"]*?)\s*,\s*and\s+I\s+am\s+proud\s+to\s+say\s+(?:that\s+)?(?P<y>\S.*)$", _I)
_SEPARATOR = re.compile(r"[:;]")
_COUNTED_AND = re.compile(r"^I\s+counted\s*,\s*and\s+", _I)
_COUNTED_ITS = re.compile(r"^I\s+(?:have\s+)?counted\b", _I)


def _split(text: str) -> Optional[Tuple[str, str]]:
    """(the lead, the statement) at the first colon or semicolon outside quotations; None when there is none."""
    m = first_outside(_SEPARATOR, text)
    return (text[:m.start()], text[m.end():]) if m else None


def toasted(text: str) -> Tuple[str, Asides]:
    """(the statement a toast to the reply makes, its asides); (text, []) when the criterion is no toast."""
    got = _toasted(text)
    return got if got is not None else (text, [])


def _toasted(text: str) -> Optional[Tuple[str, Asides]]:
    text = _CLOSERS.sub(".", text.strip())
    grew = _GREW.match(text)
    if grew:
        return f"The reply has {grew.group('x')}, and {grew.group('y')}", []
    parts = _split(text)
    m = _TELL.match(text)
    if m and (parts is None or len(m.group("lead")) < len(parts[0])):
        parts = (m.group("lead"), m.group("rest"))
    if parts is None:
        return None
    lead, said = parts[0].strip(), parts[1].strip()
    bare = re.sub(_Q, " ", _NAMED.sub(" ", lead))
    if not said or not _REPLY.search(lead) or not (_TOAST.search(lead) or _COUNTED_ITS.match(said)) or _NUMBER.search(bare) or _NOT_STORY.search(bare):
        return None
    quotes = re.findall(_Q, lead)
    said = _COUNTED_AND.sub("", said)
    named, listed = _NAMED.search(lead), _LIST_END.search(lead)
    if named:
        lead = lead[:named.start()]
        said = re.sub(r"^it\b", f"the word {named.group('q')}", said, flags=re.I)
    elif listed:
        lead = lead[:listed.start()]
        said = f"The words {listed.group('items')}: {said}"
    elif quotes or re.search(r"[\"\u201c\u201d]", lead):
        return None  # a quotation inside the story: it may be data the statement does not say
    if _BEGAN.search(lead) and re.match(r"with\s+the\s+(?:request|prompt)\b", said, re.I):
        said = "The reply begins " + said
    said, counted = vouched(said) if _COUNTED_ITS.match(said) else (said, [])  # 'I counted its U, and there are N of them'
    asides: Asides = [("lead", lead), ("story", _said_of_reply(lead))] + counted
    story = _FEELINGS.sub(" ", lead)
    if any(is_judgement(w) for w in re.findall(r"[a-z]+", story.lower())):
        asides.append(("veto", lead))
    side = _side(story)
    if side and not bound_bears_out(side, said):
        asides.append(("veto", "a toast's word for length its bound does not bear out"))
    return cap(said), asides


def _said_of_reply(lead: str) -> str:
    """The story from its first mention of the reply on, said of the reply ('I have always admired how this reply speaks
    French' -> 'The reply speaks French'), so that a check it asks for is read as the rules read it."""
    m = _REPLY.search(lead)
    return "The reply" + lead[m.end():] if m else lead


def _side(story: str) -> Optional[str]:
    """The side of a count a toast's story says ('keep this brief': less; 'never one for short speeches': more)."""
    if not re.search(r"\b(?:short|brief)\b", story, _I):
        return None
    return "more" if re.search(r"\bnever\b[^,;:]*\b(?:short|brief)\b", story, _I) else "less"


_ANNOUNCE = re.compile(r"^\s*(?:we\s+are|we're)\s+(?:so\s+|very\s+|absolutely\s+)?(?:delighted|thrilled|pleased|proud|happy|overjoyed)\s+to\s+"
                       r"(?:announce|share|report|introduce)\s+(?:that\s+)?(?:the\s+(?:arrival|birth)\s+of\s+)?(?P<rest>\S.*)$"
                       r"|^\s*the\s+(?:proud\s+|happy\s+)?parents\s+(?:note|report|announce|are\s+pleased\s+to\s+report)\s+that\s+(?P<rest2>\S.*)$", _I)
# 'a reply born in / of / with N units': the reply has them
_BORN = re.compile(r"^an?\s+reply\s+(?:born\s+)?(?:in|of|with)\s+(?=(?:exactly|at\s+least|at\s+most|fewer\s+than|no\s+more\s+than|\d))", _I)
# 'a reply born X: Y', 'the reply's verdict: Y': Y the statement, X a label
_BORN_LABEL = re.compile(r"^(?P<x>(?:an?\s+reply\s+born\b|the\s+reply's\s+verdict\b|baby's\s+first\s+words?\b)[^:;\"]*?)\s*:\s*(?P<y>\S.*)$", _I)


def announced(text: str) -> Tuple[str, Asides]:
    """(the statement a birth announcement of the reply makes, its asides); (text, []) when it is none."""
    m = _ANNOUNCE.match(text.strip())
    if m is None and not re.match(r"\s*baby's\s+first\s+words?\b", text, re.I):
        return text, []
    rest = (m.group("rest") or m.group("rest2")).strip() if m else text.strip()
    born = _BORN.match(rest)
    if born:
        return "The reply has " + rest[born.end():], []
    labelled = _BORN_LABEL.match(rest)
    if labelled:
        x = labelled.group("x")
        asides: Asides = [("lead", x), ("story", x)]
        if any(is_judgement(w) for w in re.findall(r"[a-z]+", _FEELINGS.sub(" ", x).lower())):
            asides.append(("veto", x))
        return cap(labelled.group("y")), asides
    if re.match(r"(?:the|this)\s+reply\b", rest, re.I):
        return cap(rest), []
    return text, []
