"""A magazine interview with the reply, from set 46's second voice (issue 15, round 38), read as the plain statement its
answer makes:

    Do you keep it short? — Fewer than 10 sentences, all told.          -> The reply has fewer than 10 sentences, all told.
    How do you sign off? — With the exact phrase "Bye". Nothing comes after it.
                                                                           -> The reply signs off with the exact phrase "Bye". ...
    Do you have a title? — I do, in double angular brackets.            -> The reply has a title, in double angular brackets.
    Is it true you arrive in quotation marks? — It is. My very first character is a double quotation mark, ...
                                                                           -> The reply's very first character is ...

:func:`interviewed` returns the answer said of the reply, with the question as a ``lead`` aside (it may name what the
answer is about, never another check). The reply answers in the first person: 'I', 'me', 'my' are the reply
('I'm written in English' -> 'the reply is written in English'), outside quotations and before a colon that gives
data ('My opening words are exactly these: <request>'). A bare word answering a yes-or-no question ('Yes.', 'Not one.',
'It is.', 'Hardly:', 'Because') is read off when a statement follows; 'I do' takes the question's verb ('Do you have a
title? — I do, ...'); a fragment takes the question's verb ('How do you begin? — By repeating ...') or, when it is a
bare count, is a count the reply has ('Exactly 3: markdown bullets, ...', 'There are exactly 4 of them' of the question's
unit). The answer 'No' and a question to someone other than the reply leave the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_parse import COUNT_RELATION, NUMBER_WORD
from rubricc.compiler.lower_referee import findings
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
# a question, then its answer after a dash
_QA = re.compile(r"^\s*(?P<q>[^?]{3,120}\?)\s*(?:\u2014|\u2013|--)\s*(?P<a>\S.*)$", _I)
# the question's own verb: 'How do you begin?', 'What do you highlight?', 'Which language do you speak?', 'What are you made of?'
_HOW = re.compile(r"^\s*(?:so\s*,\s*)?how\s+do\s+you\s+(?P<v>[a-z]+(?:\s+(?:off|up|out))?)\s*\?$", _I)
_WHAT_DO = re.compile(r"^\s*(?:so\s*,\s*)?(?:what|which)(?:\s+(?P<n>[a-z]+(?:\s+[a-z]+)?))?\s+(?:do|did)\s+you\s+(?P<v>[a-z]+(?:\s+sure\s+to\s+[a-z]+)?)(?:\s+in)?\s*\?$", _I)
_MADE = re.compile(r"^\s*what\s+are\s+you\s+(?P<v>made|written|composed)\s+(?P<p>of|in)\s*\?$", _I)
_DO_YOU = re.compile(r"^\s*do\s+you\s+(?P<v>have|use|include|keep|contain|end|begin|start)\s+(?P<o>[^?]{1,60}?)\s*\?$", _I)
_ORGANISED = re.compile(r"^\s*how\s+are\s+you\s+(?P<v>organi[sz]ed|arranged|divided|laid\s+out|structured)\s*\?$", _I)
_YOUR_UNIT = re.compile(r"^\s*how\s+are\s+your\s+(?P<u>paragraphs|sections|bullet\s+points|bullets|sentences)\s+(?:arranged|organi[sz]ed|laid\s+out)\s*\?$", _I)
# the reply addressed: a question to it says 'you' or 'your', or names only what is counted ('How many paragraphs?')
_TO_REPLY = re.compile(r"\b(?:you|your|yourself)\b|^\s*(?:so\s*,\s*|and\s+)?(?:how\s+many|what|which|anything|why|the\s+(?:character|letter|word)s?)\b", _I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|me|my|myself)\b")
# 'How many paragraphs?': the unit a bare count in the answer counts
_HOW_MANY = re.compile(r"^\s*how\s+many\s+(?P<u>(?!times\b)[a-z][a-z -]{1,30}?)(?:\s+(?:do|did)\s+you\s+(?:have|use|contain|include))?\s*\?$", _I)
# 'And the character 'a'? — It appears ...': 'it' is what the question names
_TIMES = re.compile(r"^\s*how\s+many\s+times\s+(?:does|do)\s+(?P<x>(?:the\s+(?:letter|character|word)\s+)?(?:'[^'\n]{1,30}'|\"[^\"\n]{1,30}\"))\s+(?:appear|occur|come\s+up|show\s+up)\s+in\s+you\s*\?$", _I)
_AND_THE = re.compile(r"^\s*(?:and\s+)?(?P<x>the\s+(?:character|letter|word)\s+\S+?)\s*\?$", _I)
# a bare word answering a yes-or-no question, a statement following it
_BARE = re.compile(r"^(?:yes|indeed|certainly|of\s+course|not\s+one|none|never|it\s+is|it\s+does|they\s+do|hardly|because)\b\s*[.,:;!]?\s+(?=\S)", _I)
_NO = re.compile(r"^no\b\s*[.,:;!]", _I)
_I_DO = re.compile(r"^I\s+do\s*[,.:;]\s*(?P<rest>\S.*)$", _I)
_COUNT = rf"(?:(?:{COUNT_RELATION}|under|over)\s+)?(?:\d[\d,]*|{NUMBER_WORD})(?:\s+or\s+(?:more|fewer|less))?"
# 'Exactly 3: markdown bullets, ...', 'Exactly two: two responses that ...', 'Under 300: fewer than 300 words in all'
_COUNT_COLON = re.compile(rf"^(?P<c>{_COUNT})\s*:\s*(?P<rest>\S.*)$", _I)
_OF_THEM = re.compile(rf"^(?:there\s+(?:are|is)\s+)?(?P<c>{_COUNT})\s+of\s+them\b(?:\s*,\s*each\s+an?\s+(?P<u>[a-z]+))?(?P<rest>.*)$", _I)
_BARE_COUNT = re.compile(rf"^(?P<c>{_COUNT})\s+(?!of\b)(?P<rest>[a-z].*)$", _I)
_FIND = re.compile(r"^you\s+(?:won't|will\s+not|can't|cannot)\s+find\s+(?P<x>.+?)\s+anywhere\s+in(?=\s)", _I)
_PREP = re.compile(r"^(?:by|with|into|in)\s+\S", _I)


def interviewed(text: str) -> Tuple[str, Asides]:
    """(the statement an interview answer makes of the reply, with the question as a lead); (text, []) when the
    criterion is no interview with the reply, or its answer is not read here."""
    m = _QA.match(text)
    if m is None or not (_TO_REPLY.search(m.group("q")) or _FIRST_PERSON.search(m.group("a"))) or _NO.match(m.group("a")):
        return text, []
    q, a = m.group("q").strip(), m.group("a").strip()
    said_a = _first_person(a)
    said = _answer(q, said_a)
    if said is None:  # the question names what the answer counts ('How often do you say "x"? At least 3 times'): one text
        return f"{q} {cap(said_a)}", []
    if said.startswith("the reply "):  # named by the question ('How are your paragraphs arranged?'): 'its' after
        again = _answer(q, _first_person(a, named=True))
        said = again if again and again.startswith("the reply ") else said
    said, found = findings(said)  # '...; each one appears in me somewhere'
    said = re.sub(r"(^|[.!?]\s+)(the(?=\s+(?:reply|whole\s+reply)\b)|its?|all)\b", lambda t: t.group(1) + cap(t.group(2)), said)
    return cap(said), [("lead", q)] + found


def _answer(q: str, a: str) -> Optional[str]:
    bare_word = _BARE.match(a)
    if bare_word:
        a = a[bare_word.end():]
    a = _FIND.sub(lambda f: f"none of {f.group('x')} appears anywhere in", a)  # 'You won't find "a" or "b" anywhere in it'
    a = a[:1].lower() + a[1:] if re.match(rf"(?:{_COUNT}|with|by|into|in|all|each|every|at|exactly|under|over|fewer|less|more)\b", a, _I) else a
    times = _TIMES.match(q)
    if times and re.match(rf"{_COUNT}\s+times\b", a, _I):  # 'How many times does 'a' appear in you? — At least 3 times, ...'
        x = times.group("x")
        unit = "" if re.match(r"the\s", x, _I) else ("the letter " if len(x) == 3 else "the word ")
        return f"{unit}{x} appears {a}"
    and_the = _AND_THE.match(q)
    if and_the and re.match(r"it\s", a, _I):  # 'And the character 'a'? — It appears fewer than 3 times in me'
        return f"{and_the.group('x')}{a[2:]}"
    i_do = _I_DO.match(a)
    do_you = _DO_YOU.match(q)
    if i_do:  # 'Do you have a title? — I do, in double angular brackets'
        return f"the reply {third(do_you.group('v'))} {do_you.group('o')}, {i_do.group('rest')}" if do_you else None
    unit = _YOUR_UNIT.match(q)
    of_them = _OF_THEM.match(a)
    if of_them and (unit or of_them.group("u")):  # 'There are exactly 6 of them', 'At least 3 of them, each a placeholder'
        noun = unit.group("u") if unit else of_them.group("u") + "s"
        return f"the reply has {of_them.group('c')} {noun}{of_them.group('rest')}"
    counted = _COUNT_COLON.match(a)
    if counted:  # 'Exactly 3: markdown bullets, ...': the count, then what is counted (or the count said again)
        c, rest = counted.group("c"), counted.group("rest")
        again = re.match(rf"(?P<c>{_COUNT})\s+(?!of\b)", rest, _I)
        if again:  # 'Exactly two: two responses ...' (the number again), 'Under 300: fewer than 300 words in all'
            said_again = re.match(rf"(?:{COUNT_RELATION})\s", again.group("c"), _I)
            return f"the reply has {rest}" if said_again else f"the reply has {c} {rest[again.end():]}"
        if re.match(r"that\s+many\b", rest, _I):  # 'At least 10: that many of my words are ...'
            return c + rest[len("that many"):]
        return f"the reply has {c} {rest}"
    how_many = _HOW_MANY.match(q)
    bare = re.match(rf"(?P<c>{_COUNT})(?P<rest>\s*(?:[,;.]|$).*)$", a, _I)
    if how_many and bare:  # 'How many paragraphs? — Exactly 3, with the markdown divider ***'
        return f"the reply has {bare.group('c')} {how_many.group('u')}{bare.group('rest')}"
    for form, verb in ((_HOW, lambda g: _third(g.group("v"))),
                       (_ORGANISED, lambda g: "is " + g.group("v")), (_MADE, lambda g: f"is {g.group('v')} {g.group('p')}")):
        g = form.match(q)
        if g and (_PREP.match(a) or form is _MADE):  # 'How do you begin? — By repeating ...', 'What are you made of? — JSON, ...'
            return f"the reply {verb(g)} {a}"
    what = _WHAT_DO.match(q)
    if what and not re.match(r"the\s+reply\b", a, _I):  # 'Which words did you make sure to use? — All of "a"'
        if re.match(r"languages?$", what.group("n") or "", _I) and re.match(r"[A-Z][a-z]+\b", a):
            return f"the reply is in {a}"  # 'Which language do you speak? — Russian, and only Russian, ...'
        verb = re.sub(r"^make\s+sure\s+to\s+", "", what.group("v"), flags=_I)  # 'did you make sure to use': uses
        return f"the reply {_third(verb)} {a}"
    if _BARE_COUNT.match(a):  # 'Fewer than 10 sentences, all told'; a count of times needs what the question names
        return None if re.match(rf"{_COUNT}\s+times\b", a, _I) else f"the reply has {a}"
    return a


def _third(verb: str) -> str:
    """A verb phrase said of the reply ('sign off' -> 'signs off')."""
    first, _, rest = verb.partition(" ")
    return third(first) + (" " + rest if rest else "")


def _first_person(a: str, named: bool = False) -> str:
    """The answer with the reply's 'I', 'me', 'my' said of the reply (the first time by name, then 'it', 'its'), outside
    quotations and before a colon giving data."""
    stop = data_colon(a)
    if not re.search(r"\b(?:these|this|follows|following|request|prompt|below)\s*$", a[:stop], _I):
        stop = len(a)  # a colon before no data ('At least 10: that many of my words ...')
    head, tail = a[:stop], a[stop:]
    spans = quote_spans(head)
    named = [named]

    def name(m: "re.Match[str]") -> str:
        if in_quotes(spans, m.start()):
            return m.group(0)
        word = m.group(0).lower()
        first = not named[0]
        named[0] = True
        if word in ("i'm", "i am"):
            return "the reply is" if first else "it is"
        if word in ("i've", "i have"):
            return "the reply has" if first else "it has"
        if word.startswith("i "):
            return ("the reply " if first else "it ") + third(m.group(0).split()[1])
        if word == "the whole of me":
            return "the whole reply" if first else "all of it"
        if word == "my":
            return "the reply's" if first else "its"
        return "the reply" if first else "it"  # 'me', 'myself'

    verb = r"(?!(?:do|did|can|could|will|would|shall|should|may|might|must|am)\b)[a-z]+"
    head = re.sub(rf"\bI'm\b|\bI\s+am\b|\bI've\b|\bI\s+have\b|\bI\s+{verb}\b|\bthe\s+whole\s+of\s+me\b|\bmyself\b|\bme\b|\bmy\b",
                  name, head, flags=re.IGNORECASE)
    return head + tail
