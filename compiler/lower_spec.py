"""A quality-control spec line (issue 15, round 27, from held-out set 32 after its one measurement), said as the plain
statement the other readers decide on:

'Spec: word count, lower limit 600 (inclusive). The response is within spec.' -> 'The response has at least 600 words.'

The spec is a list of parts, split at semicolons; every part must be one of the forms below, or the line is not read
here (None) and the other readers see it whole:

- a measured quantity and its limit: '<quantity>, lower limit N (inclusive)' (at least N), 'upper limit below N
  (exclusive)' (fewer than N), 'upper limit N' (at most N), 'nominal N, tolerance zero' or 'count exactly N' (exactly
  N); the quantity a count ('word count' -> words), occurrences ('occurrences of the word x' -> 'the word "x" appears
  ... times') or a plural noun phrase ('markdown bullet points (...)');
- 'language English', 'response language Russian (ISO code ru), whole text'; 'letter case 100% uppercase across the
  full text';
- '0 commas permitted anywhere in the text'; 'forbidden words "a" and "b"' (with 'permitted occurrences 0 each');
  'required keywords "a"' (with 'each present at least once');
- 'first word of paragraph 2 = president'; 'final text = "x" (exact phrase, no trailing content)'; 'title present, ...';
- 'full output parseable as JSON' (with 'optional ```json fence allowed', 'no surrounding prose'); 'response prefix must
  equal the request below, character for character' (with 'nothing may precede it').

A limit that says both ways ('upper limit below 10 (inclusive)') or a tolerance other than zero is not read. Data after
the line ('Request: ...') is kept as it is.
"""
from __future__ import annotations

import re
from typing import List, Optional

from rubricc.compiler.lower_parse import ORDINALS
from rubricc.compiler.lower_respell import cap

_I = re.IGNORECASE
_DOC = r"(?:response|reply|answer|output|text)"
_LINE = re.compile(r"^\s*spec(?:ification)?\s*:\s*(?P<body>\S.*?)\s*[.;]?\s+(?:the|this)\s+" + _DOC +
                   r"(?:'s\s+[a-z][a-z -]{0,60}?)?\s+(?:is|are|falls|stays|sits)\s+(?:within|in)\s+spec(?:ification)?\s*[.!]?"
                   r"(?P<tail>(?:\s+\S.*)?)$", _I | re.S)
# data the writer puts after the line: 'Request: <prompt>'
_TAIL = re.compile(r"^\s*(?:the\s+)?(?:request|prompt|original\s+request|request\s+to\s+repeat)\s*:\s*\S", _I)

_LIMIT = re.compile(r"^(?P<q>\S.*?),\s+(?:(?P<lo>lower\s+limit|minimum|min\.?)|(?P<hi>upper\s+limit|maximum|max\.?))\s+(?P<below>below\s+)?"
                    r"(?P<n>\d+)(?:\s+(?P<unit>[a-z]+))?\s*(?:\((?P<inc>inclusive|exclusive)\b[^()]*\))?$", _I)
_EXACT = re.compile(r"^(?P<q>\S.*?),\s+(?:nominal\s+(?P<n>\d+),\s+tolerance\s+(?:zero|0|\u00b1\s*0|\+/-\s*0)|"
                    r"count\s+(?:exactly\s+)?(?P<m>\d+))$", _I)
_OCCURRENCES = re.compile(r"^occurrences\s+of\s+the\s+(?P<what>word|keyword|letter|character)\s+(?P<x>[^\s\"(),;]+)"
                          r"(?P<case>\s*\(case[- ]insensitive\))?$", _I)
_COUNT = re.compile(r"^(?P<unit>word|sentence|paragraph|section|bullet\s+point|placeholder|highlight)\s+count$", _I)
_PLURAL = re.compile(r"^(?P<np>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}s)\b(?P<rest>.*)$", _I)
_LANGUAGE = re.compile(r"^(?:(?P<whole>response\s+)?language)\s+(?P<lang>[A-Z][a-z]+)(?:\s*\(ISO\s+code\s+[a-z]{2,3}\))?"
                       r"(?P<w2>,\s+(?:whole|entire|full)\s+text)?$")
_CASE = re.compile(r"^letter\s+case\s+(?:100\s*%\s+|all\s+)?(?P<case>upper|lower)case(?:\s+across\s+the\s+(?:full|whole|entire)\s+text)?"
                   r"(?:,\s+zero\s+(?:capitals|lowercase\s+letters))?$", _I)
_NONE_PERMITTED = re.compile(r"^(?:0|zero|no)\s+(?P<np>[a-z]+s)\s+(?:permitted|allowed)(?P<rest>(?:\s+anywhere(?:\s+in\s+the\s+(?:text|response))?)?)$", _I)
_FORBIDDEN = re.compile(r"^(?:forbidden|banned|prohibited)\s+(?:words|keywords|terms)\s*:?\s+(?P<l>\".*\")$", _I)
_FORBIDDEN_NOTE = re.compile(r"^permitted\s+occurrences\s+(?:0|zero|none)(?:\s+each)?$", _I)
_REQUIRED = re.compile(r"^required\s+(?:words|keywords|terms)\s*:?\s+(?P<l>\".*\")$", _I)
_REQUIRED_NOTE = re.compile(r"^each\s+present\s+at\s+least\s+once$", _I)
_FIRST_WORD = re.compile(r"^first\s+word\s+of\s+paragraph\s+(?P<k>\d+)\s*=\s*(?P<w>[^\s\"]+)$", _I)
_FINAL = re.compile(r"^final\s+text\s*=\s*(?P<q>\"[^\"]+\")\s*\(exact\s+phrase,\s+no\s+trailing\s+(?:content|text)\)$", _I)
_PRESENT = re.compile(r"^(?P<np>title|postscript)\s+present(?P<rest>,.*)?$", _I)
_JSON = re.compile(r"^(?:full|whole|entire)\s+(?:output|response|text)\s+(?:parseable|parsable|valid)\s+(?:as\s+)?JSON$", _I)
_JSON_NOTE = re.compile(r"^(?:optional\s+(?:```json|markdown|code)(?:\s+code)?\s+fences?\s+(?:allowed|permitted|accepted)|"
                        r"no\s+surrounding\s+(?:prose|text|commentary))$", _I)
_PREFIX = re.compile(r"^(?:response\s+)?prefix\s+must\s+(?:equal|match)\s+the\s+request(?:\s+below)?,\s+character\s+for\s+character"
                     r"(?:,\s+case[- ]insensitive)?$", _I)
_PREFIX_NOTE = re.compile(r"^nothing\s+(?:may|can|is\s+allowed\s+to)\s+precede\s+it$", _I)
_ORD = {n: w for w, n in ORDINALS.items() if 0 < n <= 10}  # the ordinal word of paragraphs 1-10


def _relation(m: re.Match) -> Optional[str]:
    """The relation a limit says, or None where its words disagree."""
    inc = (m.group("inc") or "").lower()
    if m.group("lo"):
        if m.group("below"):
            return None
        return "more than" if inc == "exclusive" else "at least"
    if m.group("below"):
        return None if inc == "inclusive" else "fewer than"
    return "fewer than" if inc == "exclusive" else "at most"


def _quantity(q: str, rel: str, n: str, unit: Optional[str]) -> Optional[str]:
    """'<quantity>' with its relation and number said as a statement of the response, or None."""
    m = _OCCURRENCES.match(q)
    if m:
        if unit and unit.lower() != "times":
            return None
        case = " (case-insensitive)" if m.group("case") else ""
        return f'the {m.group("what").lower()} "{m.group("x")}" appears {rel} {n} times in the response{case}'
    m = _COUNT.match(q)
    if m:
        return f"the response has {rel} {n} {m.group('unit').lower()}s" if not unit else None
    m = _PLURAL.match(q)
    if m and (not unit or unit.lower() in m.group("np").lower().split()):
        return f"the response has {rel} {n} {m.group('np')}{m.group('rest')}"
    return None


def _part(part: str, before: List[str]) -> Optional[str]:
    """One part of the spec said as a clause; '' for a note the part before already says; None when unread."""
    m = _LIMIT.match(part)
    if m:
        rel = _relation(m)
        return _quantity(m.group("q"), rel, m.group("n"), m.group("unit")) if rel else None
    m = _EXACT.match(part)
    if m:
        return _quantity(m.group("q"), "exactly", m.group("n") or m.group("m"), None)
    m = _LANGUAGE.match(part)
    if m:
        return f"the response is written in {m.group('lang')}"
    m = _CASE.match(part)
    if m:
        return f"every letter of the response is {m.group('case').lower()}case"
    m = _NONE_PERMITTED.match(part)
    if m:
        return f"the response contains no {m.group('np')}{m.group('rest')}"
    m = _FORBIDDEN.match(part)
    if m:
        return f"the response contains none of the words {m.group('l')}"
    if _FORBIDDEN_NOTE.match(part):
        return "" if before and before[-1].startswith("the response contains none of") else None
    m = _REQUIRED.match(part)
    if m:
        return f"the response includes every one of the keywords {m.group('l')}"
    if _REQUIRED_NOTE.match(part):
        return "" if before and before[-1].startswith("the response includes every one of") else None
    m = _FIRST_WORD.match(part)
    if m:
        k = int(m.group("k"))
        return f"the {_ORD[k]} paragraph begins with the word {m.group('w')}" if k in _ORD else None
    m = _FINAL.match(part)
    if m:
        return f"the response ends with the exact phrase {m.group('q')}, with nothing after it"
    if _JSON.match(part):
        return "the entire response is valid JSON"
    if _JSON_NOTE.match(part):
        return "" if before and before[-1] == "the entire response is valid JSON" else None
    if _PREFIX.match(part):
        return "the response opens by repeating the request below word for word"
    if _PREFIX_NOTE.match(part):
        return "" if before and before[-1].startswith("the response opens by repeating") else None
    m = _PRESENT.match(part)
    if m:
        return f"the response contains a {m.group('np').lower()}{m.group('rest') or ''}"
    return None


def spec(text: str) -> Optional[str]:
    """'Spec: <parts>. The response is within spec.' said as the statement of its parts, else None."""
    m = _LINE.match(text)
    if m is None:
        return None
    tail = m.group("tail").strip()
    if tail and not _TAIL.match(tail):
        return None
    said: List[str] = []
    for part in re.split(r"\s*;\s*", m.group("body").strip().rstrip(".")):
        got = _part(part.strip(), said)
        if got is None:
            return None
        if got:
            said.append(got)
    if not said:
        return None
    out = ", and ".join(said)
    return cap(out) + "." + (f" {tail}" if tail else "")
