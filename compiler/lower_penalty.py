"""Penalty items (issue 15, round 15): a criterion in the negative form, met when the response makes the mistake it
names ('Penalize if the response uses even one comma.', 'Penalize responses that are not in English', 'Deduct points
if the response lacks a title'), the form rubric writers give a negative weight.

:func:`penalised` reads the mistake off as a statement about the response ('The response uses even one comma.'), which
the rules then read as any other criterion (:func:`rubricc.compiler.lower_decor.undecorate` calls it). A mistake that
no rule reads because it is a requirement negated ('The response does not end with the exact phrase X', 'There is no
postscript starting with P.S.', 'The number of bullet points is anything other than 3') is read by
:func:`lower_penalty` as the exact complement of the requirement it negates (:func:`affirmed`, then
:func:`rubricc.compiler.lower_voices4.complement`: a primitive's ``not:`` complement); a requirement that still holds
a negation, or any other form, stays neural.
"""
from __future__ import annotations

import re
import threading
from typing import Callable, Optional

from rubricc.compiler.checks import validate_check
from rubricc.compiler.lower_parse import COUNT, NEGATION, QUOTE_RE, language_in
from rubricc.compiler.lower_respell import data_colon
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_PENALISED_IF = re.compile(r"^\s*(?:penali[sz]e|deduct\s+(?:a\s+point|points)|dock\s+(?:a\s+point|points))\s+"
                           r"(?:(?:the\s+)?(?:response|answer|reply|output)\s+)?(?:if|when|whenever)\s+(?P<x>\S.*)$", _I | re.DOTALL)
_PENALISED_THAT = re.compile(r"^\s*penali[sz]e\s+(?:any\s+)?(?:responses|answers|replies|outputs)\s+(?:that|which)\s+(?P<verb>[a-z]+)\b(?P<x>.*)$",
                             _I | re.DOTALL)
_AGREE = {"are": "is", "do": "does", "have": "has", "contain": "contains", "use": "uses", "include": "includes", "lack": "lacks",
          "omit": "omits", "end": "ends", "start": "starts", "begin": "begins", "exceed": "exceeds", "run": "runs", "fall": "falls"}


def penalised(text: str) -> Optional[str]:
    """The mistake a penalty item names, as the condition on the response it is met on ('Penalize if the response
    uses even one comma.' -> 'The response uses even one comma.', 'Penalize responses that are not in English' -> 'The
    response is not in English'), else None."""
    m = _PENALISED_IF.match(text)
    if m:
        x = m.group("x").strip()
        return x[:1].upper() + x[1:]
    m = _PENALISED_THAT.match(text)
    if m and m.group("verb").lower() in _AGREE:
        return "The response " + _AGREE[m.group("verb").lower()] + m.group("x")
    return None


_SUBJECT = r"(?:(?:the\s+)?(?:response|answer|reply|output)|it)"
_DOES_NOT = re.compile(rf"^{_SUBJECT}\s+(?:does\s+not|doesn't)\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$", _I | re.DOTALL)
_IS_NOT = re.compile(rf"^{_SUBJECT}\s+(?:is\s+not|isn't)\b(?P<rest>.*)$", _I | re.DOTALL)
_LACKS = re.compile(rf"^{_SUBJECT}\s+(?:lacks|is\s+missing)\b(?P<rest>.*)$", _I | re.DOTALL)
# 'has no title ...' (one of a thing, not 'has no commas'): the complement of having one
_HAS_NO = re.compile(rf"^{_SUBJECT}\s+(?:has|contains|includes)\s+no\s+(?P<x>[a-z][\w-]*[^s\W])\b(?P<rest>.*)$", _I | re.DOTALL)
_FAILS_TO = re.compile(rf"^{_SUBJECT}\s+fails\s+to\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$", _I | re.DOTALL)
_A_NUMBER_OTHER = re.compile(rf"^{_SUBJECT}\s+(?:has|contains|includes)\s+(?:a|any)\s+(?:number|count)\s+of\s+(?P<x>.+?)\s+(?:anything\s+)?other\s+than\s+"
                             r"(?P<n>\d+)(?:\s*\((?:either\s+)?(?:more\s+or\s+fewer|fewer\s+or\s+more|more\s+or\s+less|too\s+many\s+or\s+too\s+few)\))?(?P<end>\s*[.!]?)$", _I | re.DOTALL)
# leaving out any one of several ('omits any of these keywords: a, b'): the complement of including all of them
_OMITS_ANY = re.compile(rf"^{_SUBJECT}\s+(?:omits|leaves\s+out|misses|skips)\s+(?:any|one|one\s+or\s+more|at\s+least\s+one)\s+of\b(?P<rest>.*)$", _I | re.DOTALL)
_THERE_IS_NO = re.compile(r"^there\s+(?P<be>is|are)\s+no\s+(?P<x>.+?)(?:\s+(?:anywhere\s+)?in\s+the\s+(?:response|answer|reply|output))?(?P<end>\s*[.!]?)$",
                          _I | re.DOTALL)
_OTHER_THAN = re.compile(r"^the\s+(?:number|count)\s+of\s+(?P<x>.+?)\s+(?:in\s+the\s+(?:response|answer|reply|output)\s+)?is\s+"
                         r"(?:anything\s+)?other\s+than\s+(?P<n>\d+)(?P<end>\s*[.!]?)$", _I | re.DOTALL)
# 'The response is written, wholly or partly, in a language other than Hindi': not written entirely in Hindi
_OTHER_LANGUAGE = re.compile(rf"^{_SUBJECT}\s+is\s+(?:written)?\s*,?\s*(?:(?:wholly|entirely|fully|in\s+whole)\s+or\s+(?:partly|partially|in\s+part)|"
                             r"(?:at\s+least\s+)?(?:partly|partially|in\s+part))?,?\s*in\s+(?:a|any|some)\s+language\s+other\s+than\s+"
                             r"(?P<lang>[A-Z][a-z]+(?:\s+\([^()]*\))?)(?P<end>\s*[.!]?)$", _I)
# an example of the mistake ('(for example, if it answers in English)', ', e.g. it has text outside the JSON'): it
# illustrates the mistake and is no part of it
_EXAMPLES = re.compile(r"\s*\((?:e\.g\.|for example|for instance|such as)[^()]*\)|\s*[,;]\s*(?:e\.g\.|for example|for instance)[,:]?\s[^.]*", _I)
# a mistake of using any of several words ('uses "youngins" or "damn"'): one of them present, as whole words in any
# case, the exact complement of none of them present
_USES_ANY = re.compile(r"^(?:(?:the\s+)?(?:response|answer|reply|output)|it)\s+(?:uses|contains|includes|says|mentions)\s+(?:any\s+of\s+)?(?:the\s+)?(?:(?:banned|forbidden|prohibited|disallowed)\s+)?(?:words?\s+)?"
                       r"(?P<list>\"[\w'-]+\"(?:\s*,\s*\"[\w'-]+\")*(?:\s*,?\s+or\s+\"[\w'-]+\"))\s*[.!]?$", _I)
# 'includes any of the banned words "key"': one word named as any of them
_USES_ANY_ONE = re.compile(r"^(?:(?:the\s+)?(?:response|answer|reply|output)|it)\s+(?:uses|contains|includes|says|mentions)\s+any\s+of\s+the\s+"
                           r"(?:(?:banned|forbidden|prohibited|disallowed)\s+)?words?\s+(?P<list>\"[\w'-]+\")\s*[.!]?$", _I)
_IRREGULAR = {"have": "has", "do": "does", "be": "is", "go": "goes"}


def _third_person(verb: str) -> str:
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if re.search(r"(?:s|sh|ch|x|z|o)$", v):
        return v + "es"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "s"


def affirmed(mistake: str) -> Optional[str]:
    """The requirement a mistake negates, said plainly ('The response does not end with X' -> 'The response ends with X',
    'There is no postscript starting with P.S. in the response' -> 'The response has a postscript starting with P.S.'),
    or None when the mistake is not a requirement negated once."""
    t = _EXAMPLES.sub("", mistake.strip())
    g = _OTHER_LANGUAGE.match(t)
    if g and language_in(g.group("lang").lower()) is not None:
        return f"The response is written entirely in {g.group('lang')}{g.group('end')}"
    m = _DOES_NOT.match(t)
    n = _IS_NOT.match(t) or _LACKS.match(t)
    o = _THERE_IS_NO.match(t)
    e = _OTHER_THAN.match(t) or _A_NUMBER_OTHER.match(t)
    f = _FAILS_TO.match(t)
    h = _HAS_NO.match(t)
    a = _OMITS_ANY.match(t)
    if a:
        said = f"The response includes all of{a.group('rest')}"
    elif h:
        x = h.group("x")
        said = f"The response has {'an' if x[0].lower() in 'aeiou' else 'a'} {x}{h.group('rest')}"
    elif m or f:
        said = f"The response {_third_person((m or f).group('verb'))}{(m or f).group('rest')}"
    elif n:
        said = ("The response is" if n.re is _IS_NOT else "The response has") + n.group("rest")
    elif o:
        said = f"The response has {'a ' if o.group('be').lower() == 'is' else ''}{o.group('x')}{o.group('end')}"
    elif e:
        said = f"The response has exactly {e.group('n')} {e.group('x')}{e.group('end')}"
    else:
        return None
    # a requirement negated twice ('does not avoid commas'), or with another mistake beside it ('..., or if any text
    # follows that phrase': the requirement's own words would run into it), is not read
    said_head, t_head = said, t
    if _repeats(said):  # the request to repeat after the colon is data, not read here
        said_head, t_head = said[:data_colon(said)], t[:data_colon(t)]
    plain = QUOTE_RE.sub(" ", said_head)
    if re.search(NEGATION, plain) or re.search(r"\bor\s+(?:if|when|where)\b", plain, _I):
        return None
    if re.search(rf":[^:]*?\b{COUNT}", plain, _I):
        return None  # 'does not say much: fewer than 10 sentences': the count after the colon is said, not negated
    # a negation scopes over one requirement: beside a second clause ('is not rude, and is in English') it is not
    # the whole statement's
    return None if _SECOND_CLAUSE.search(QUOTE_RE.sub(" ", t_head)) else said


def _repeats(text: str) -> bool:
    """Whether ``text`` asks for a repeat of a request it gives after a colon."""
    from rubricc.compiler.lower_repeat import read_repeat

    return data_colon(text) < len(text) and isinstance(read_repeat(text), dict)


_SECOND_CLAUSE = re.compile(r"[,;]\s*(?:and|but|or|while|whereas)\s+(?=[a-z])|;\s|\b(?:and|but|or)\s+(?:the\s+(?:response|answer|reply|output)|it)\s+"
                            r"(?:is|are|does|has|contains|uses|includes|ends|starts|begins)\b|\b(?:and|but)\s+(?:is|are|does|has|contains|uses|includes)\b", _I)


def lower_penalty(text: str, lower: Callable[[str], Optional[ProgramCheck]]) -> Optional[ProgramCheck]:
    """The check for a penalty item ``text`` (met when the response makes the mistake), read with ``lower`` (the
    driver's whole lowering); None when ``text`` is no penalty item or its mistake is not read."""
    from rubricc.compiler.lower_voices4 import complement  # (the voices import the rules, which import this module)

    mistake = penalised(text)
    if mistake is None:
        return None
    got = lower(mistake)
    if got is not None:
        return got
    used = any_used(mistake)
    if used is not None:
        return used
    said = affirmed(mistake) or avoided_all(mistake)
    required = lower(said) if said is not None else None
    return complement(required, True) if required is not None else None


def any_used(mistake: str) -> Optional[ProgramCheck]:
    """'The response uses "youngins" or "damn"': met when one of the words is present (whole words, any case), the
    exact complement of keywords_absent; None for any other form."""
    from rubricc.compiler.lower_voices4 import complement

    m = _USES_ANY.match(mistake.strip()) or _USES_ANY_ONE.match(mistake.strip())
    if m is None:
        return None
    words = re.findall(r'"([^"]+)"', m.group("list"))
    return complement(validate_check("keywords_absent", {"keywords": words, "whole_word": True}), True)


# a checklist item with its subject implicit ('Lacks a title ...', 'Either does not have exactly 4 paragraphs ..., or
# ...'): the response is its subject. Not a question ('Is the response free of ...?')
_SUBJECTLESS = re.compile(r"^(?:either\s+)?(?=(?:is|are|does|doesn't|has|contains|uses|includes|lacks|omits|leaves\s+out|fails\s+to|misses|"
                          r"skips|ends|starts|begins|opens|gives|writes|says|mentions|falls|runs|exceeds)\b)", _I)


def _with_subject(text: str) -> str:
    m = _SUBJECTLESS.match(text)
    if m is None or text[:data_colon(text)].rstrip().endswith("?") or re.match(r"^(?:is|are|does|has)\s+(?:the|your|it|this|there)\b", text[m.end():], _I):
        return text
    if m.end() and not re.search(r",\s+or\b", QUOTE_RE.sub(" ", text), _I):
        return text  # 'Either ...' with no second alternative
    rest = text[m.end():]
    return "The response " + rest[:1].lower() + rest[1:]


_BY_DESCRIPTION = re.compile(r"\b(?:adher\w*|compl(?:y|ies|ying)|respects?|meets?|satisf\w*|observes?|honou?rs?|obeys?|"
                             r"violates?|breaks?|stays?\s+within)\b", _I)
_DEPTH = threading.local()  # a negated statement's reading reads its affirmed form once, never a negation of that again


def lower_negated(text: str, lower: Callable[[str], Optional[ProgramCheck]]) -> Optional[ProgramCheck]:
    """The check for a requirement stated negated, as a statement about the response ('The response does not end with
    the exact phrase X', 'Response contains lowercase letters or is not written in English'): the exact complement of
    the requirement it negates (:func:`affirmed`, :func:`avoided_all`), read with ``lower``; None when there is none."""
    from rubricc.compiler.lower_voices4 import complement

    if getattr(_DEPTH, "inside", False):
        return None
    text = _with_subject(text)
    used = any_used(text)
    if used is not None:
        return used
    _DEPTH.inside = True
    try:
        said = affirmed(text) or avoided_all(text)
        if said is not None and _BY_DESCRIPTION.search(said):
            said = None  # 'does not adhere to the 3-paragraph limit': a requirement named, not said
        required = lower(said) if said is not None else None
    finally:
        _DEPTH.inside = False
    return complement(required, True) if required is not None else None


# several mistakes named in one item ('contains any capital letter, or is not written in English'; 'does not end with
# the exact phrase X, or if any text follows that phrase'): met when any one is made, so the exact complement of the
# requirement that every one is avoided (De Morgan). Only the first sentence is split: what follows ('The request:
# ...') is the items' data
_OR = re.compile(r"\s*,\s*(?:or\s+)?(?:if|when)\s+|\s*,?\s+or\s+(?:if\s+|when\s+)?", _I)
_VERB_FIRST = re.compile(r"^(?:is|are|does|doesn't|has|have|contains|uses|includes|lacks|omits|ends|starts|begins|opens|"
                         r"runs|falls|exceeds|says|mentions|gives|writes)\b", _I)
# a mistake of having something ('contains any capital letter', 'any text follows that phrase', 'anything comes
# before the repeated request'), avoided when there is none of it
_HAS_ANY = re.compile(r"^(?P<s>.+?)\s+(?P<v>contains|has|uses|includes)\s+(?:any|even\s+one|a\s+single|at\s+least\s+one|an?)?\s*(?P<x>\S.*)$",
                      _I | re.DOTALL)
_ANY_SUBJECT = re.compile(r"^(?:any(?P<thing>thing)?|some(?P<thing2>thing)?)\b\s*(?P<x>.*)$", _I | re.DOTALL)
_PART_DOES_NOT = re.compile(r"^(?P<s>(?:its|the)\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|"
                            r"opening|closing|\d+(?:st|nd|rd|th))\s+)?(?:paragraph|sentence|line|word|title|section|ending|opening))\s+"
                            r"(?:does\s+not|doesn't)\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$", _I | re.DOTALL)
_ADDS_AFTER = re.compile(r"^(?:the\s+(?:response|answer|reply|output)\s+)?(?:adds|puts|writes|appends|includes|has|places|continues\s+with)\s+"
                         r"(?:(?:any|some|more|extra|other|additional|further)\s+)*(?:text|anything|words|content|material)\s+(?:after|following)\s+"
                         r"(?P<o>it|that|this|(?:the|that|this)\s+phrase)$", _I)
_ANY_PART = re.compile(r"^(?:any|some)\s+(?:part|portion|section)\s+of\s+the\s+(?:response|answer|reply|output)\b", _I)
_IS = re.compile(r"^(?P<s>.+?)\s+(?P<v>is|are)\s+(?P<x>(?!not\b|no\b)\S.*)$", _I | re.DOTALL)
_COUNT_IS_NOT = re.compile(r"^(?:the\s+)?(?:response's\s+)?(?P<unit>paragraph|sentence|word|section|placeholder|bullet(?:\s+point)?)\s+count\s+"
                           r"is\s+not\s+(?:exactly\s+)?(?P<n>\d+)$", _I)
_PARTS_ARE_NOT = re.compile(r"^(?P<s>(?:the|its)\s+(?:paragraphs|sentences|sections|bullet\s+points|bullets))\s+(?P<v>are)\s+not\s+(?P<x>\S.*)$", _I | re.DOTALL)


def _avoided(mistake: str) -> Optional[str]:
    """One mistake said avoided, or None when that cannot be said exactly."""
    t = _ANY_PART.sub("the response", mistake.strip())  # any part of it has X: it has X
    spans = [(q.start(), q.end()) for q in QUOTE_RE.finditer(t)]
    if not QUOTE_RE.sub("", t).strip(" ,.;") or (spans and spans[0][0] == 0):
        return None  # a quotation, no mistake of its own ('"B" or "C"' of a list)
    if _VERB_FIRST.match(t):
        t = "the response " + t
    said = affirmed(t[:1].upper() + t[1:])
    if said is not None:
        return said
    m = _PART_DOES_NOT.match(t)
    if m:  # 'its first paragraph does not start with "x"': one definite part, no quantifier
        said = f"{m.group('s')} {_third_person(m.group('verb'))}{m.group('rest')}"
        return None if re.search(NEGATION, QUOTE_RE.sub(" ", said)) else said
    m = _COUNT_IS_NOT.match(t)
    if m:  # 'paragraph count is not 2': the response has exactly 2 paragraphs
        return f"the response has exactly {m.group('n')} {m.group('unit')}s"
    m = _PARTS_ARE_NOT.match(t)
    if m:  # 'the paragraphs are not separated by ***': they are
        said = f"{m.group('s')} {m.group('v')} {m.group('x')}"
        return None if re.search(NEGATION, QUOTE_RE.sub(" ", said)) else said
    if re.search(NEGATION, QUOTE_RE.sub(" ", t)):
        return None
    m = _ANY_SUBJECT.match(t)
    if m and m.group("x"):
        if m.group("thing") or m.group("thing2"):
            return "nothing " + m.group("x")
        text = re.match(r"(?:other\s+|more\s+|further\s+)?(?:text|words?|content)\s+(?P<x>(?:comes|follows|appears)\b.*)$", m.group("x"), _I | re.DOTALL)
        return "nothing " + text.group("x") if text else "no " + m.group("x")
    m = _ADDS_AFTER.match(t)
    if m:  # 'adds text after it': something follows it
        return f"nothing follows {m.group('o')}"
    m = _HAS_ANY.match(t)
    if m:
        return f"{m.group('s')} {m.group('v')} no {m.group('x')}"
    m = _IS.match(t)
    if m:
        return f"{m.group('s')} {m.group('v')} not {m.group('x')}"
    return None


def avoided_all(mistake: str) -> Optional[str]:
    """The requirement that every one of several mistakes in ``mistake`` is avoided ('The response contains any
    capital letter, or is not written in English.' -> 'The response contains no capital letter, and the response is
    written in English.'), or None when it names one mistake or one cannot be said avoided."""
    mistake = mistake.strip()
    masked = QUOTE_RE.sub(lambda q: "\0" * len(q.group(0)), mistake)  # a quotation's own full stops end no sentence
    first = re.match(r"(?P<h>.*?[^.!?])(?P<d>[.!?](?:\s+(?P<rest>[A-Z].*))?)?$", masked, re.DOTALL)
    if first is None:
        return None
    head = mistake[:first.end("h")]
    data = mistake[first.start("rest"):] if first.group("rest") else ""
    if QUOTE_RE.search(head) is None and '"' in head:
        return None
    parts = [p for p in _OR.split(QUOTE_RE.sub(lambda q: q.group(0).replace(",", "\0").replace(" or ", " \1 "), head)) if p]
    parts = [p.replace("\0", ",").replace(" \1 ", " or ") for p in parts]
    if len(parts) < 2:
        return None
    said = [_avoided(p) for p in parts]
    if any(x is None for x in said):
        return None
    said = [said[0]] + [re.sub(r"^The\b", "the", x) for x in said[1:]]
    joined = ", ".join(said[:-1]) + ", and " + said[-1]
    return joined[:1].upper() + joined[1:] + "." + (" " + data if data else "")
