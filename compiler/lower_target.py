"""A classification and a product person's target talk around a plain statement of the reply (issue 15, round 25, from
held-out set 30 after its one measurement):

- a classification with its grounds after a colon: 'The response qualifies as keyword-complete: it contains each of
  "cat".' -> 'The response contains each of "cat".'; the class is kept as a ``class`` aside that must name what the check
  is about (:func:`class_agrees`: 'counts as a formal letter: it has no commas' stays neural);
- a target or a cap with the count restated after a colon: 'The response clears the bar of 600 words: 600 or more.' ->
  'The response has 600 or more words.'; 'stays under the cap for "x": strictly fewer than 2 uses' -> 'uses "x" strictly
  fewer than 2 times'; the number named must be the number restated;
- a target said with its relation: 'hits the target of at least 20 all-caps words' -> 'has at least 20 all-caps words';
- an idiom of the verb: 'lands on exactly 3 bullet points' -> 'has exactly 3 ...', 'lands on the exact closer "x"' ->
  'ends with the exact phrase "x"', 'kicks off with' -> 'starts with', 'ships as' -> 'is', 'stays clear of the off-limits
  words' -> 'contains none of the words', 'hits every keyword on the list:' -> 'contains each of the keywords',
  'nails the brief of X' -> 'is X';
- an idiom whose object names the aspect, then the statement: 'The response nails the opener: it leads off with ...' ->
  'The response leads off with ...', the object a ``class`` aside as above.

Each function returns the statement (and the asides) or None. A target without its relation ('hits the target of 5
sections') is left as it is: whether reaching it is enough is not said.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE, language_in
from rubricc.compiler.lower_respell import cap, data_colon, sub_outside
from rubricc.compiler.lower_review import _ABOUT
from rubricc.compiler.lower_topic import _ASPECTS
from rubricc.compiler.lower_voices4 import Asides

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|completion)"
_SUBJECT = re.compile(rf"^\s*(?:the|your|this)\s+{_DOC}\s+", _I)

# ---- a classification -----------------------------------------------------------------------------------------------
_CLASS = re.compile(r"(?:counts|qualifies|passes|rates|registers|is\s+(?:classed|classified|rated|graded|considered|deemed|judged))\s+as\s+"
                    r"(?P<label>[^:;\"\u201c\u201d]{1,60}?)\s*:\s*(?=\S)", _I)
# an idiom whose object names the aspect: 'nails the opener:', 'gets the ending right:'
_IDIOM = re.compile(r"(?:nails|aces|gets|hits|lands|handles)\s+the\s+(?P<label>[a-z][a-z -]{0,40}?)(?:\s+right)?\s*:\s*(?=it\s)", _I)
_IT = re.compile(r"^it\s+", _I)
_OPENING_IS = re.compile(r"^the\s+response's\s+(?:opening|first)\s+(?:text|words?|line)\s+(?:is|are)\s+", _I)
_ITS = re.compile(r"^its\s+", _I)
_IN_IT = re.compile(r"\b(in|of|from|throughout|inside|across)\s+it\b", _I)
# a single quoted letter said first: "'a' appears in it"
_LETTER_FIRST = re.compile(r"^(['\u2018][A-Za-z]['\u2019])\s+(?=(?:appears|occurs|shows\s+up|is\s+used)\b)", _I)
_COUNT_FIRST = re.compile(r"^(?:exactly|precisely|at\s+least|at\s+most|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|zero|no|\d)", _I)
_FINITE = re.compile(r"\b(?:is|are|appears?|occurs?|has|have|contains?|starts?|begins?|ends?|opens?|parses?|sits?)\b", _I)


def classed(text: str) -> Optional[Tuple[str, Asides]]:
    """'The response counts as X: <grounds>' -> (<grounds> said of the response, [('class', X)]), else None."""
    s = _SUBJECT.match(text)
    if not s:
        return None
    m = _CLASS.match(text, s.end()) or _IDIOM.match(text, s.end())
    if not m:
        return None
    body = text[m.end():].strip()
    if _IT.match(body):
        body = "The response " + body[_IT.match(body).end():]
    elif _ITS.match(body):
        body = "The response's " + body[_ITS.match(body).end():]
        body = _OPENING_IS.sub("The response opens with ", body)
    elif _LETTER_FIRST.match(body):
        body = "The letter " + body
    elif _COUNT_FIRST.match(body) and not _FINITE.search(QUOTE_RE.sub(" ", body.split(",")[0])):
        body = "The response has " + body  # grounds said as what it has: 'exactly 6 paragraphs divided by blank lines, ...'
    body = sub_outside(body, _IN_IT, r"\1 the response", before_data=True)
    return cap(body), [("class", m.group("label").strip())]


# words of a class that say only that the reply conforms, and the words that name what a check is about beyond those
# of :data:`rubricc.compiler.lower_review._ABOUT` and the topic aspects
_CONFORMS = {"a", "an", "the", "of", "with", "having", "response", "answer", "reply", "output", "text", "properly", "correctly",
             "fully", "duly", "clean", "complete", "compliant", "conforming", "valid", "pure", "within", "meeting", "limit", "quota",
             "cap", "target", "bar", "threshold", "enough", "free", "all", "in"}
_NAMES = {"ends_with": {"closed", "closing", "closer", "close"}, "starts_with": {"opener", "opening"},
          "repeats_prompt": {"opener", "opening", "then", "answer", "request"}, "two_responses": {"two", "answer", "answers", "responses"},
          "placeholder_count": {"fill", "template"}, "any_phrase_present": {"constrained", "answer", "fixed", "options"},
          "word_count": {"long", "short", "words"}, "sentence_count": {"long", "short"},
          "keywords_present": {"words"}, "keywords_absent": {"words"}, "keyword_frequency": {"words"}}


def class_agrees(name: str, args: Any, label: str) -> bool:
    """True when every word of the class says the reply conforms, names what the check ``name`` is about, or is its
    data (a number, its language); a class with any other word ('a formal letter', 'well-written') agrees with no
    check."""
    for word in re.findall(r"[a-z]+|\d+", label.lower()):
        if word in _CONFORMS or word.isdigit() or word in _NAMES.get(name, ()):
            continue
        if language_in(word) is not None and name in ("response_language", "all_lowercase", "all_uppercase"):
            continue
        about = [checks for pat, checks in _ABOUT + _ASPECTS if re.match(rf"(?:{pat})", word)]
        if not about or not all(name in checks for checks in about):
            return False
    return True


# ---- a target or a cap --------------------------------------------------------------------------------------------
_TARGET = (r"(?:(?:hits|reaches|meets|clears|makes|achieves)\s+the\s+(?:[a-z-]+\s+)?(?:target|bar|quota|mark|threshold|minimum)|"
           r"(?:stays|keeps|comes\s+in|remains)\s+(?:under|below|within)\s+the\s+(?:[a-z-]+\s+)?(?:cap|limit|ceiling|maximum))")
_RESTATED = re.compile(rf"^{_TARGET}(?:\s+(?:of|for)\s+(?P<what>[^:]+?))?\s*:\s*(?P<rel>[^:]+?)\s*[.!]?\s*$", _I)
_WITH_REL = re.compile(rf"^(?:hits|reaches|meets|clears|makes|achieves)\s+the\s+(?:[a-z-]+\s+)?(?:target|bar|quota|mark|threshold)\s+of\s+"
                       r"(?=(?:at\s+least|at\s+most|exactly|no\s+fewer\s+than|fewer\s+than|more\s+than)\s+\d)", _I)
_REL = re.compile(r"^(?P<r>(?:strictly\s+)?(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+fewer\s+than)\s+"
                  r"(?P<n>\d[\d,]*)|(?P<n2>\d[\d,]*)\s+or\s+(?:more|fewer|less))(?P<unit>\s+.*)?$", _I)
_N_FOR = re.compile(r"^(?P<n>\d[\d,]*)\s+for\s+(?P<x>.+)$", _I)
_N_UNIT = re.compile(r"^(?P<n>\d[\d,]*)\s+(?P<u>\S.*)$", _I)


def _target(rest: str) -> Optional[str]:
    """What follows 'The response' in a target or cap restated after a colon, said plainly; else None."""
    w = _WITH_REL.match(rest)
    if w:
        return "has " + rest[w.end():]
    m = _RESTATED.match(rest)
    if not m:
        return None
    what, rel = (m.group("what") or "").strip(), m.group("rel").strip()
    r = _REL.match(rel)
    if not r:
        return None
    n = r.group("n") or r.group("n2")
    unit = (r.group("unit") or "").strip()
    if re.fullmatch(r"(?:uses|times|occurrences|mentions)", unit, _I) and QUOTE_RE.fullmatch(what):
        return f"uses {what} {rel[:len(rel) - len(unit)].strip()} times"  # 'for "x": strictly fewer than 2 uses'
    if not what:
        return f"has {rel}" if unit else None
    named = _N_FOR.match(what) or _N_UNIT.match(what)
    if not named or named.group("n") != n:
        return None  # the number named is not the number restated
    if unit:
        return f"has {rel}"
    noun = f"occurrences of {named.group('x')}" if named.re is _N_FOR else named.group("u")
    return f"has {rel} {noun}"


# ---- idioms of the verb -------------------------------------------------------------------------------------------
_IDIOMS = [
    (re.compile(r"^lands\s+on\s+the\s+exact\s+(?:closer|closing\s+line|sign-?off|ending)\s+", _I), "ends with the exact phrase "),
    (re.compile(r"^lands\s+on\s+the\s+exact\s+(?:opener|opening\s+line)\s+", _I), "starts with the exact phrase "),
    (re.compile(r"^lands\s+on\s+(?=(?:exactly|precisely|at\s+least|fewer\s+than)\s)", _I), "has "),
    (re.compile(r"^lands\s+on\s+(?=one\s+of\s)", _I), "contains "),
    (re.compile(r"^lands\s+(?=(?:a|an|exactly|precisely)\s)", _I), "has "),
    (re.compile(r"^ships\s+as\s+(?:clean,?\s+)?", _I), "is "),
    (re.compile(r"^nails\s+the\s+brief\s+of\s+", _I), "is "),
    (re.compile(r"^stays\s+clear\s+of\s+(?:the\s+)?(?:off-limits|banned|forbidden|blocked|blacklisted)\s+(?=words?\b|terms?\b)", _I), "contains none of the "),
    (re.compile(r"^hits\s+every\s+(?:keyword|term)\s+on\s+the\s+list\s*:\s*", _I), "contains each of the keywords "),
]


def target(text: str) -> Optional[str]:
    """'The response clears the bar of 600 words: 600 or more.' -> 'The response has 600 or more words.' (the forms
    above), else None."""
    s = _SUBJECT.match(text)
    if not s:
        return None
    head, rest = text[:s.end()], text[s.end():].strip()
    said = _target(rest)
    if said is None:
        for pat, plain in _IDIOMS:
            if pat.match(rest):
                said = pat.sub(plain, rest, count=1)
                break
    if said is None:
        return None
    return cap(head.strip() + " " + said.strip())


# plain words for a product person's: 'kicks off with' / 'leads off with' -> 'starts with', 'zero capitals' -> 'no
# capitals', 'end to end' -> 'from start to finish', 'the exact sentence "a", "b" or "c"' -> 'one of the exact sentences
# ...'; a note that a count under a cap may be zero ('fewer than 2 times (possibly not at all)') says nothing more
_PLAIN = [
    (re.compile(r"\b(?:kicks|leads)\s+off\s+with\b", _I), "starts with"),
    (re.compile(r"\bzero\s+(?=(?:capitals?|capital\s+letters|upper-?case\s+letters|lower-?case\s+letters|commas?)\b)", _I), "no "),
    (re.compile(r"\b(?:from\s+)?end\s+to\s+end\b", _I), "from start to finish"),
    (re.compile(r"\bthe\s+exact\s+(?P<u>sentence|phrase|answer|line)\s+(?=[\"\u201c][^\"\u201c\u201d]+[\"\u201d](?:\s*,\s*[\"\u201c][^\"\u201c\u201d]+[\"\u201d])*\s*,?\s+or\s+[\"\u201c])", _I),
     r"one of the exact \g<u>s "),
    (re.compile(r"(?P<c>\b(?:fewer|less)\s+than\s+\d[\d,]*\s+(?:times|uses|occurrences|mentions))\s*\(\s*(?:possibly|perhaps|maybe|or|even)?\s*"
                r"(?:not\s+at\s+all|zero(?:\s+times)?(?:\s+(?:is\s+fine|counts|included|is\s+allowed))?|including\s+zero|none\s+at\s+all(?:\s+is\s+fine)?)\s*\)", _I),
     r"\g<c>"),
]


def plainly(text: str) -> Optional[str]:
    """``text`` in the plain words above (outside quotations, before any data colon), or None when it has none of those
    idioms."""
    said = text
    for pat, plain in _PLAIN:
        said = sub_outside(said, pat, plain, before_data=True)
    return said if said != text else None
