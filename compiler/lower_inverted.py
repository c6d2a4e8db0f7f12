"""Word orders a rubric writer puts a plain statement of the reply in (issue 15, round 25, from held-out set 30 after its
one measurement), said in the plain order:

- the predicate first and the subject last:
  'Present in the response are at least 20 words written in capitals.' -> 'At least 20 words written in capitals are
  present in the response.';
  'Absent from the response, in any capitalisation, is every one of the words "a" and "b".' -> 'The response contains
  none of the words "a" and "b", in any capitalisation.' ('every comma' -> 'no comma');
  'Found at the very end of the response, with nothing following it, is the exact phrase "x".' -> 'The response ends
  with the exact phrase "x", with nothing following it.';
  'Opening the second of exactly 6 paragraphs in the response is the word "x".' -> 'The second of exactly 6 paragraphs
  in the response opens with the word "x".' (and that, like any such statement, -> 'The response has exactly 6
  paragraphs, and the second one starts with the word "x".');
  'Appearing in the response at least 3 times is the word "x".' -> 'The word "x" appears in the response at least 3
  times.'; data after a colon in the subject ('is the request itself: <prompt>') stays last;
- a 'With ...' opener: 'With 600 or more words, the response passes this item.' -> 'The response has 600 or more words.';
  a quoted letter or word counted there is said as counted ("With 'l' appearing 15 or more times" -> "The letter 'l' appears
  in the response 15 or more times").

Each function returns the statement, or None when ``text`` is not in its order. Nothing else changes: the other readers
decide whether the statement is a check.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from rubricc.compiler.lower_respell import cap, data_colon, first_outside

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|text|completion)"
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|final|"
            r"\d+(?:st|nd|rd|th))")

# a predicate said first: a participle or an adjective of presence, place or form
_PREDICATE = re.compile(r"^\s*(?P<w>present|absent|missing|found|included|contained|written|used|appearing|occurring|opening|closing|"
                        r"starting|beginning|ending|separated|divided|split|marked(?:\s+off)?|highlighted|wrapped|enclosed|placed|"
                        r"parseable|parsable|set\s+off)\b", _I)
# the copula before the subject, and how a subject opens
_COPULA = re.compile(r"(?:\s*,\s*|\s+)(?P<c>is|are)\s+(?=(?:the|every|each|all|at\s+least|at\s+most|exactly|precisely|fewer|less|more|"
                     r"no|none|one|a|an|its|zero|\d)\b)", _I)
# '-ing' predicates said as the verb they are
_VERB = {"appearing": "appear", "occurring": "occur", "opening": "open", "closing": "close", "starting": "start",
         "beginning": "begin", "ending": "end"}
_POSITION = ("open", "close", "start", "begin", "end")
# a place at an end of the reply: 'found at the very start of the response'
_AT_END = re.compile(rf"^(?:found|placed|located|set)\s+at\s+the\s+(?:very\s+)?(?P<e>start|beginning|end|top|bottom)\s+of\s+"
                     rf"(?:the|your)\s+{_DOC}\b\s*,?\s*", _I)
# what is absent, quantified: 'every one of the words', 'every comma', 'all of the keywords', 'each of'
_EVERY = re.compile(r"^(?:every|each|all|any)\s+(?:one\s+)?of\s+(?=the\b)|^(?:every|each|any)\s+(?=[a-z])", _I)
_ABSENT = re.compile(rf"^(?:absent|missing)\s+from\s+(?:the|your)\s+{_DOC}\b\s*", _I)


def inverted(text: str) -> Optional[str]:
    """'Present in the response are X.' -> 'X are present in the response.' (the forms above), else None."""
    m = _PREDICATE.match(text)
    if not m:
        return None
    # (the subject opens before any data colon: a request to repeat is data however long)
    cop = first_outside(_COPULA, text, m.end(), before_data=True)
    if cop is None:
        return None
    predicate = text[m.start():cop.start()].strip().rstrip(",")
    subject = text[cop.end():].strip()
    stop = data_colon(subject)
    subject, data = subject[:stop].strip().rstrip("."), subject[stop:].strip()
    if not subject or not predicate:
        return None
    predicate = predicate[:1].lower() + predicate[1:]
    plural = cop.group("c").lower() == "are"
    said = _absent(predicate, subject) or _at_end(predicate, subject)
    if said is None:
        word = m.group("w").lower()
        if word in _VERB and _VERB[word] in _POSITION:  # 'Opening X is Y' -> 'X opens with Y'
            said = f"{predicate[len(word):].strip()} {_VERB[word]}s with {subject}"
        elif word in _VERB:  # 'Appearing in X are Y' -> 'Y appear in X'
            said = f"{subject} {_VERB[word] + ('' if plural else 's')} {predicate[len(word):].strip()}"
        else:
            said = f"{subject} {cop.group('c').lower()} {predicate}"
    said = cap(said.strip().rstrip(",")) + "."
    return f"{said[:-1]}{data}" if data else said


def _absent(predicate: str, subject: str) -> Optional[str]:
    """'absent from the response, in any case' + 'every one of the words "a"' -> 'The response contains none of the words
    "a", in any case'."""
    a, e = _ABSENT.match(predicate), _EVERY.match(subject)
    if not a or not e:
        return None
    rest = subject[e.end():]
    what = f"none of {rest}" if e.group(0).rstrip().lower().endswith("of") else f"no {rest}"
    notes = predicate[a.end():].strip()
    return f"The response contains {what}" + (f" {notes}" if notes.startswith(",") else f", {notes}" if notes else "")


def _at_end(predicate: str, subject: str) -> Optional[str]:
    """'found at the very end of the response, with nothing following it' + 'the exact phrase "x"' -> 'The response ends
    with the exact phrase "x", with nothing following it'."""
    a = _AT_END.match(predicate)
    if not a:
        return None
    verb = "ends" if a.group("e").lower() in ("end", "bottom") else "starts"
    notes = re.sub(r"^and\s+", "", predicate[a.end():].strip().rstrip(","), flags=_I)
    return f"The response {verb} with {subject}" + (f", {notes}" if notes else "")


# 'the second of exactly 6 blank-line-separated paragraphs in the response opens with' -> 'the response has exactly 6
# blank-line-separated paragraphs, and the second one starts with'
_NTH_OF = re.compile(rf"^\s*the\s+(?P<nth>{_ORDINAL})\s+of\s+(?P<np>(?:exactly|precisely)\s+\S+\s+(?:[\w-]+\s+){{0,3}}?paragraphs(?:\s*\([^()]{{1,60}}\))?)"
                     rf"(?:\s+in\s+(?:the|your)\s+{_DOC})?\s+(?:opens|starts|begins|leads\s+off)\s+with\s+(?=\S)", _I)


def nth_of(text: str) -> Optional[str]:
    """'The second of exactly 6 paragraphs in the response opens with the word "x".' -> 'The response has exactly 6
    paragraphs, and the second one starts with the word "x".', else None."""
    m = _NTH_OF.match(text)
    if not m:
        return None
    return f"The response has {m.group('np')}, and the {m.group('nth')} one starts with {text[m.end():].strip()}"


# 'With X, the response passes this item.' (also 'meets / satisfies / clears this item', 'earns the point')
_ITEM = r"(?:this|the)\s+(?:rubric\s+)?(?:item|criterion|check|requirement|test)"
_PASSES = re.compile(rf"\s*,\s*(?:the|this|your)\s+{_DOC}\s+(?:(?:passes|meets|satisfies|fulfils|fulfills|clears)\s+{_ITEM}|"
                     rf"(?:earns|gets|scores|receives)\s+(?:the|this|a|full)\s+(?:point|mark|credit))\s*[.!]?", _I)
_WITH = re.compile(r"^\s*with\s+(?=\S)", _I)
# the same decision failing the reply: 'With fewer than 250 words, the response loses the point.'
_FAILS = re.compile(rf"\s*,\s*(?:the|this|your)\s+{_DOC}\s+(?:fails|loses|forfeits|gets\s+(?:no|zero)|earns\s+(?:no|nothing|zero)|"
                    rf"is\s+(?:penali[sz]ed|marked\s+down|rejected|disqualified))\b", _I)
# a quoted letter or word counted: "'l' appearing 15 or more times", '"forest" occurring 3 or more times'
_COUNTED = re.compile(r"^(?P<q>['\"\u2018\u201c](?P<x>[^'\"\u2018\u2019\u201c\u201d\s]+)['\"\u2019\u201d])\s+(?:appearing|occurring|showing\s+up|used)\s+(?=\S)")


def _decided(text: str, decision: "re.Pattern[str]") -> Optional[Tuple[str, str]]:
    """(X, what follows the decision) for 'With X, <decision>...', the decision outside quotations and before any data
    colon; else None."""
    m = _WITH.match(text)
    d = first_outside(decision, text, m.end(), before_data=True) if m else None
    return (text[m.end():d.start()].strip(), text[d.end():].strip()) if d is not None else None


def with_failing(text: str) -> Optional[str]:
    """'With X, the response loses the point.' -> 'The response has X.' (a failure, which the caller vetoes), else None."""
    got = _decided(text, _FAILS)
    return f"The response has {got[0]}." if got is not None else None


def with_opener(text: str) -> Optional[str]:
    """'With X, the response passes this item.' -> 'The response has X.' (what follows the decision, such as the data a
    repeat names, stays after it), else None."""
    got = _decided(text, _PASSES)
    if got is None:
        return None
    said, rest = got
    if not said or rest and not re.match(r"[A-Z]", rest):
        return None  # ('..., the response passes this item only if ...': the decision has a condition of its own)
    counted = _COUNTED.match(said)
    if counted:
        unit = "letter" if len(counted.group("x")) == 1 else "word"
        said = f"The {unit} {counted.group('q')} appears in the response {said[counted.end():]}."
    else:
        said = f"The response has {said}."
    return f"{said} {rest}" if rest else said
