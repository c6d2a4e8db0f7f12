"""Spellings read beside the voices of :mod:`rubricc.compiler.lower_voices2` (issue 15, round 6), outside quotations
and before any colon that data may follow: a count said as the number of units ('the number of placeholders in square
brackets is 2 or more' is 'has 2 or more placeholders ...'; never the number of a part: 'in the title', 'per
paragraph'), a terse spec ('minimum sentence count 50'), a quoted word or letter counted ('the reply needs "x" 3 or
more times', 'Count the "x" in the reply: the total has to be less than 3'), a note that a letter is counted in either
case (those counts ignore case already), a code fence allowed around JSON, exactness restated before an end phrase's
colon, a quoted example of a format ('bullets such as "* point"'), listed words named by their list ('every keyword from
this list: "a"'), and a localisation checklist's 'target text' (the
response, only under a checklist label). Each rewrites a requirement into the words the rules already read; none
adds one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE

_I = re.IGNORECASE
DOC = r"(?:reply|response|answer|output)"


@lru_cache(maxsize=8192)
def quote_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Where the quotations of ``text`` are (start, end): asked for hundreds of times per criterion by the readers, so
    kept for recent texts."""
    return tuple((m.start(), m.end()) for m in QUOTE_RE.finditer(text))


def in_quotes(spans, i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def first_outside(pat: "re.Pattern[str]", text: str, start: int = 0, before_data: bool = False) -> Optional["re.Match[str]"]:
    """The first match of ``pat`` from ``start`` that starts outside quotations (and, with ``before_data``, ends before the
    first colon data may follow), else None."""
    spans = quote_spans(text)
    stop = data_colon(text) if before_data else len(text)
    return next((m for m in pat.finditer(text, start, stop) if not in_quotes(spans, m.start())), None)


def sub_outside(text: str, pat: "re.Pattern[str]", rep, before_data: bool = False) -> str:
    """``pat`` replaced by ``rep`` (a template or a function of the match) wherever it starts outside quotations (and,
    with ``before_data``, before the first colon data may follow: a request to repeat is data however long)."""
    stop = data_colon(text) if before_data else len(text)
    spans = quote_spans(text)
    return pat.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else (rep(m) if callable(rep) else m.expand(rep)),
                   text[:stop]) + text[stop:]


def sub_all_outside(text: str, rewrites) -> str:
    """Each ``(pattern, replacement)`` of ``rewrites`` applied in turn with :func:`sub_outside` (a match may run on across
    a quotation, never start inside one): a voice reader's respelling list."""
    for pattern, rep in rewrites:
        text = sub_outside(text, pattern, rep)
    return text


@lru_cache(maxsize=8192)
def data_colon(text: str) -> int:
    """Where the first colon outside quotations is (data may follow it), else len(text)."""
    spans = quote_spans(text)
    for m in re.finditer(r":(?=\s|$)", text):
        if not in_quotes(spans, m.start()):
            return m.start()
    return len(text)


def cap(s: str) -> str:
    s = s.strip()
    return s[:1].upper() + s[1:]


# the localisation checklist's subject: 'the target text' is the response (only under a checklist label)
_TARGET_TEXT = [
    (re.compile(r"\bthe\s+((?:whole|entire|full|complete)\s+)?target\s+text\b", _I), r"the \1response"),
    (re.compile(r"\bin\s+its\s+entirety\b", _I), "from start to finish"),
]
# a note that a letter or word is counted in either case (those counts ignore case already): 'case-insensitive
# count of "x"', 'counting capitals and lowercase alike', '(either case)'
_CASE_NOTES = [
    (re.compile(r"\bcase[- ]insensitive\s+(?=(?:count|occurrences|number|tally|frequency)\s+of\s*$)", _I), ""),
    (re.compile(r"\s*,?\s*(?:counting|with)\s+(?:capitals|capital\s+letters|upper\s*case)\s+and\s+(?:lower\s*case|small\s+letters)\s+(?:alike|together|both)\b", _I), ""),
    (re.compile(r"^\s*\(\s*(?:in\s+)?either\s+case\s*\)", _I), ""),
    # ', uppercase and lowercase together,' between commas: the same note
    (re.compile(r"\s*,\s*(?:upper\s*case|capitals|capital\s+letters)\s+and\s+(?:lower\s*case|small\s+letters)\s+(?:alike|together)\s*(?=,)", _I), ""),
    # '(case does not matter)', '(letter case aside)', '(capitalisation may differ)': the checks that read a case note ignore case already
    (re.compile(r"\s*\(\s*(?:(?:letter\s+)?case|capitali[sz]ation)\s+(?:aside|does\s+not\s+matter|doesn't\s+matter|is\s+ignored|ignored|"
                r"may\s+differ|can\s+differ|may\s+vary)\s*\)", _I), ""),
    # 'in small or big letters', 'in upper or lower case' after a word list: either case (the word checks ignore case)
    (re.compile(r"\s*,\s*(?:written\s+)?in\s+(?:small\s+or\s+big|big\s+or\s+small|upper\s*case\s+or\s+lower\s*case|lower\s*case\s+or\s+upper\s*case|"
                r"capitals\s+or\s+small\s+letters|small\s+letters\s+or\s+capitals)(?:\s+letters)?(?=\s*[.;]?\s*$)", _I), ""),
    # whitespace around the response is stripped by every check it could matter to (start, end, quotes, JSON, repeat):
    # '(trailing whitespace ignored)', ', stripped of surrounding whitespace,', ', ignoring leading whitespace and letter case,'
    (re.compile(r"\s*\(\s*(?:leading|trailing|surrounding|outer)(?:\s+(?:and|or)\s+(?:leading|trailing))?\s+white\s*space\s+(?:ignored|aside|stripped|"
                r"removed|excluded|does\s+not\s+count)\s*\)", _I), ""),
    (re.compile(r"\s*,\s*(?:once\s+)?(?:stripped|trimmed)\s+of\s+(?:its\s+|any\s+)?(?:leading|trailing|surrounding|outer)(?:\s+(?:and|or)\s+(?:leading|trailing))?"
                r"\s+white\s*space\s*,", _I), ""),
    (re.compile(r"\s*,\s*ignoring\s+(?:any\s+)?(?:leading|trailing|surrounding|outer)(?:\s+(?:and|or)\s+(?:leading|trailing))?\s+white\s*space"
                r"(?=\s*[.;]|\s*$)", _I), ""),
    # a code fence allowed around JSON: ', with or without a markdown ``` fence around it'
    (re.compile(r"\s*,?\s*(?:with\s+or\s+without|optionally\s+with|optionally\s+(?:fenced|wrapped|enclosed)\s+(?:as|in))\s+(?:an?\s+)?(?:markdown\s+)?(?:```\s*)?(?:markdown\s+)?(?:code\s+)?(?:fence|block)"
                r"(?:\s+around\s+it)?(?=\s*[.;]?\s*$)", _I), " (a markdown code fence around it is fine)"),
    # ', whether bare or wrapped in a markdown code fence', '; a wrapping markdown ``` code block is acceptable': the same allowance
    (re.compile(r"\s*,\s*whether\s+bare\s+or\s+(?:wrapped|fenced|enclosed)\s+in\s+an?\s+(?:markdown\s+)?(?:```\s*)?(?:code\s+)?(?:fence|block)(?=\s*[.;]?\s*$)", _I),
     " (a markdown code fence around it is fine)"),
    # ', with nothing outside it except, at most, a markdown code fence': the same allowance
    # (', with nothing outside it except, optionally, ``` markdown fences enclosing it')
    (re.compile(r"\s*,\s*with\s+nothing\s+outside\s+it\s+(?:except|but|save)\s*,?\s*(?:(?:at\s+most|optionally)\s*,?\s*)?(?:an?\s+)?(?:```\s*)?(?:markdown\s+)?(?:```\s*)?(?:code\s+)?"
                r"(?:fences?|blocks?)(?:\s+(?:enclosing|around|wrapping)\s+it)?(?=\s*[.;]?\s*$)", _I), " (a markdown code fence around it is fine)"),
    # '(ignoring an optional surrounding ``` code block)': the same allowance
    (re.compile(r"\s*\(\s*(?:ignoring|disregarding|not\s+counting)\s+(?:an?\s+|the\s+|any\s+)?(?:optional\s+)?(?:(?:surrounding|enclosing|wrapping)\s+)?"
                r"(?:markdown\s+)?(?:```\s*(?:json\s+)?)?(?:markdown\s+)?(?:code\s+)?(?:fence|block)\s*\)(?=\s*[.;?]?\s*$)", _I),
     " (a markdown code fence around it is fine)"),
]
# an end phrase after a colon, with exactness restated before it: 'the exact phrase below, with nothing written after it:',
# 'the following exact phrase, and no text follows it:' (the words the end cue reads)
_END_SPELLINGS = [
    (re.compile(r"\b(?:this|the\s+following|the)\s+exact\s+(phrase|sentence|words|line)(?:\s+(?:below|here|that\s+follows))?(?=\s*[,:])", _I), r"this exact \1"),
    (re.compile(r"\b(?:nothing|no\s+(?:other\s+|more\s+|further\s+)?(?:text|words?|content))\s+(?:(?:is\s+)?(?:written|added|placed|put)\s+after|follows?|comes?\s+after)"
                r"\s+(?:it|this|that|the\s+phrase)(?=\s*:)", _I), "nothing after it"),
    # 'in markdown style' names the format; 'lower than 3' is less than 3; '600 or higher' is 600 or more
    (re.compile(r"\bin\s+markdown[- ]style\b|\bin\s+markdown\s+style\b", _I), "in markdown"),
    (re.compile(r"\b(?:must|should|has\s+to|needs\s+to)\s+be\s+lower\s+than\b(?=\s+\d)", _I), "is less than"),
    (re.compile(r"\blower\s+than\b(?=\s+\d)", _I), "less than"),
    (re.compile(r"(?<=\d)\s+or\s+(?:higher|greater)\b", _I), " or more"),
    # 'leads with', 'kicks off with' are 'begins with' ('the seventh paragraph leads with the word "x"')
    (re.compile(r"\b(?:leads|kicks\s+off)\s+with\b", _I), "begins with"),
    (re.compile(r"\b(?:leading|kicking\s+off)\s+with\b", _I), "beginning with"),
    # 'the whole response begins with' is 'the response begins with'; 'racks up' is 'has'; 'parses as valid JSON' is 'is valid JSON'
    (re.compile(rf"\bthe\s+(?:whole|entire|full|complete)\s+({DOC})\s+(begins|starts)\s+with\b", _I), r"the \1 \2 with"),
    (re.compile(r"\b(?:racks|clocks|notches|chalks)\s+up\b", _I), "has"),
    (re.compile(r"\bparses\s+as\s+(?:valid\s+)?json\b", _I), "is valid JSON"),
    # 'each opening with the marker SECTION followed by that section's number': its number
    (re.compile(r"\bfollowed\s+by\s+that\s+section's\s+number\b", _I), "followed by its number"),
    # 'not one capital letter' is 'no capital letter' (never 'not one of')
    (re.compile(r"\bnot\s+(?:a\s+single|one)\s+(?!of\b)(?=(?:capital|upper|lower|comma|bullet|placeholder|letter)\w*\b)", _I), "no "),
    # 'gets all the way through without using' is 'does not use'
    (re.compile(r"\bgets\s+(?:all\s+the\s+way\s+)?through(?:\s+(?:its|the)\s+(?:entire|whole)\s+text)?\s+without\s+using\b", _I), "does not use"),
    # an example of the form said as a style: ', in the *like this* style'; what an all-caps word is: '(every letter of the word a capital)'
    (re.compile(r"\s*,?\s*in\s+the\s+\*[^*\n]{1,30}\*\s+(?:style|form|fashion)\b", _I), ""),
    (re.compile(r"\s*\(\s*(?:every|each)\s+letter\s+of\s+the\s+word\s+(?:is\s+)?(?:a\s+capital|(?:in\s+)?upper\s*case)\s*\)", _I), ""),
    # 'every letter a capital' is 'every letter is a capital'
    (re.compile(r"\b(every\s+letter)\s+(?=a\s+capital\b|(?:in\s+)?(?:upper|lower)\s*case\b)", _I), r"\1 is "),
    # 'occurs fewer times than 6' is 'fewer than 6 times'
    (re.compile(r"\b(fewer|less|more)\s+times\s+than\s+(\d+)\b", _I), r"\1 than \2 times"),
    # 'each of these keywords has to show up in the reply: ...' is 'includes each of the keywords: ...'
    (re.compile(rf"^\s*(?:every\s+one|each|all)\s+of\s+(?:these|the\s+following|the)\s+(key ?words|words|terms)\s+(?:has|have|must|should|needs?)?\s*(?:to\s+)?"
                rf"(?:show\s+up|appear|be\s+present|be\s+used|be\s+included|occur)(?:\s+(?:somewhere\s+)?in\s+the\s+{DOC})?\s*(?=:)", _I),
     r"The response includes each of the \1"),
    # an auditor's finding: 'the response proves to be / turns out to be / is found to be X' is 'the response is X'
    (re.compile(rf"\b(the\s+(?:(?:whole|entire|full|complete|final)\s+)?{DOC})\s+(?:turns\s+out|proves|is\s+(?:found|shown|confirmed))\s+to\s+be\b", _I),
     r"\1 is"),
    # a list said as the subject: 'These words are in the answer: a, b' / 'These words are not in the answer: a, b'
    (re.compile(rf"^\s*(?:these|the\s+following)\s+(key ?words|words|terms)\s+(?:are|appear|occur|show\s+up)\s+in\s+the\s+{DOC}\s*(?=:)", _I),
     r"The response includes each of the \1"),
    (re.compile(rf"^\s*(?:these|the\s+following)\s+(key ?words|words|terms)\s+(?:are\s+not|do\s+not\s+(?:appear|occur|show\s+up))\s+in\s+the\s+{DOC}\s*(?=:)", _I),
     r"The response contains none of the \1"),
    # 'ought to' and 'is required to' are 'must' (never negated: 'is not required to' makes it optional)
    (re.compile(r"\bought\s+to\b", _I), "must"),
    (re.compile(r"\b(?:is|are)\s+(?:required|obliged|expected|supposed)\s+to\b", _I), "must"),
    # 'not even one comma' is not a single one; 'the whole response begins and ends with' needs no 'whole'
    (re.compile(r"\b(not\b[^.;:]{0,30}?)\beven\s+one\b", _I), r"\1a single"),
    (re.compile(rf"\bthe\s+(?:whole|entire|full|complete)\s+({DOC})\s+(begins|starts)\s+and\s+ends\s+with\b", _I), r"the \1 \2 and ends with"),
]
# a count stated as the number of units: 'the number of placeholders written in square brackets is 1 or more' is 'has 1
# or more placeholders ...' (units spoken of outside quotations, not of a part: no 'in the title', 'per paragraph')
_REL = (r"(?P<rel>(?:at\s+least|at\s+most|exactly|(?:no|not)\s+(?:more|fewer|less)\s+than|fewer\s+than|less\s+than|lower\s+than|more\s+than|"
        r"greater\s+than|higher\s+than|below|under|above|over)\s+)?(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
        r"(?:\s+or\s+(?P<dir>more|fewer|less|higher|lower|greater|above|below))?")
_NUMBER_OF = re.compile(rf"^\s*(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\s+(?P<x>[a-z][^\"\u201c\u201d;:]{{1,80}}?)(?:\s+(?:in|within)\s+the\s+(?:{DOC}|text))?\s+"
                        rf"(?:is|must\s+be|should\s+be|has\s+to\s+be|needs\s+to\s+be|shall\s+be|will\s+be|equals|is\s+equal\s+to)\s+{_REL}(?P<ex>\s+exactly)?\s*[.!]?\s*$", _I)
_HAS_NUMBER_OF = re.compile(rf"\b(?P<v>has|have|contains?)\s+a\s+(?:total\s+)?number\s+of\s+(?P<x>[a-z][a-z -]{{1,40}}?)\s+{_REL}(?=\s*[.!]?\s*$)", _I)
_WORDS_REL = {"lower than": "less than", "higher than": "more than", "greater than": "more than", "below": "less than", "under": "less than",
              "above": "more than", "over": "more than"}
# a number said to be avoided ('a number of bullet points other than 3'): no count requirement of its own
_EXCEPT = re.compile(r"\b(?:other|except|but|besides|apart|aside|different|anything|unlike)\b", _I)
_PART = re.compile(r"\b(?:in|of|within|per|inside)\s+(?:the|each|every|its|a|any|one|your)\b|\bper\b", _I)


def _req(m) -> str:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").strip().lower())
    rel = _WORDS_REL.get(rel, rel)
    d = (m.group("dir") or "").lower()
    d = {"higher": "more", "greater": "more", "above": "more", "lower": "fewer", "below": "fewer"}.get(d, d)
    return f"{rel + ' ' if rel else ''}{m.group('n')}{' or ' + d if d else ''}"


_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
_TIMES = rf"\s+{_REL}\s+times\b"
# a quoted word or letter counted: 'the reply needs "x" 15 or more times', '"x" needs to be in the reply 6 or more times',
# 'Count the "x" in the reply, upper and lower case together: the total has to be less than 3'
_NEEDS_Q = re.compile(rf"\b(the\s+(?:(?:whole|entire|full)\s+)?{DOC})\s+needs\s+(?={_Q}{_TIMES})", _I)
_Q_NEEDS = re.compile(rf"^\s*(?P<q>{_Q})\s+(?:needs?\s+to|has\s+to|must|should)\s+(?:be\s+(?:in|used\s+in|included\s+in|present\s+in|mentioned\s+in)|"
                      rf"appear\s+in|show\s+up\s+in|occur\s+in)\s+the\s+{DOC}(?={_TIMES})", _I)
_COUNT_Q = re.compile(rf"^\s*count\s+(?:the\s+)?(?P<q>{_Q})(?:'?s)?\s+in\s+the\s+{DOC}\s*(?:,?\s*(?:upper\s+and\s+lower\s*case|capitals\s+and\s+lowercase)"
                      rf"(?:\s+(?:together|alike|both\s+count(?:ed)?))?|,?\s*ignoring\s+case|,?\s*case[- ]insensitive(?:ly)?)?\s*[:;,.]\s*(?:the\s+)?(?:total|count|number|result)\s+"
                      rf"(?:has\s+to|must|should|needs\s+to)\s+be\s+{_REL}\s*[.!]?\s*$", _I)
# a totality adverb after a negated word list: 'avoid the words "a" or "b" entirely'
_LIST_ADVERB = re.compile(r"(?<=[\"\u201d])\s+(?:entirely|completely|altogether|at\s+all|whatsoever)(?=\s*[.!]?\s*$)", _I)
_NEGATIVE = re.compile(r"\b(?:avoids?|not|never|no|none|without|free\s+of)\b", _I)


# a word or letter counted, named bare as the whole subject ('war occurs fewer than 3 times in the response', 'sarah
# used < 3x'): the word quoted, never a pronoun or a unit the response is counted in ('commas appear ...', 'it appears')
_BARE_COUNTED = re.compile(r"^\s*(?P<w>[A-Za-z][a-z'-]*)\s+(?P<v>(?:occurs|appears|shows\s+up|is\s+used|used)\b(?:\s+in\s+the\s+" + DOC + r")?)"
                           r"(?P<rest>\s+(?:(?:at\s+least|at\s+most|fewer\s+than|less\s+than|more\s+than|exactly)\s+\d+\s+times|\d+\s+or\s+(?:more|fewer|less)\s+times|"
                           r"(?:<=?|>=?|==?|\u2264|\u2265)\s*\d+\s*x)(?:\s+(?:or\s+(?:more|fewer|less)\s+)?in\s+the\s+" + DOC + r")?"
                           r"(?:\s*,\s*counting\s+(?:either|both)\s+cases?|\s*\(case[- ]insensitive\))?\s*[.!]?\s*)$", _I)
_NOT_A_WORD = re.compile(r"^(?:it|this|that|these|those|each|every|which|what|one|something|anything|nothing|everything|none|all|"
                         r"commas?|periods?|words?|letters?|sentences?|paragraphs?|bullets?|lines?|sections?|placeholders?|capitals?|"
                         r"highlights?|asterisks?|hashtags?|emojis?|numbers?|digits?|characters?|questions?|exclamations?|"
                         r"titles?|headings?|headers?|quotes?|quotations?|brackets?|keywords?|names?|dashes|hyphens?)$", _I)


def _counted_quote(text: str) -> str:
    m = _BARE_COUNTED.match(text)
    if m and not _NOT_A_WORD.match(m.group("w")):
        text = f'"{m.group("w")}" {m.group("v")}{m.group("rest")}'
    m = _COUNT_Q.match(text)
    if m:
        return f"{m.group('q')} appears {_req(m)} times in the response."
    m = _Q_NEEDS.match(text)
    if m:
        text = f"The response uses {m.group('q')}" + text[m.end():]
    text = _NEEDS_Q.sub(r"\1 uses ", text, count=1)
    m = _LIST_ADVERB.search(text)
    if m and _NEGATIVE.search(QUOTE_RE.sub(" ", text[:m.start()])):
        text = text[:m.start()] + text[m.end():]
    return text


# a terse spec: 'minimum sentence count 50', 'maximum length 80 words'
_SPEC = re.compile(r"^\s*(?P<rel>minimum|min\.?|maximum|max\.?)\s+(?:(?P<unit>word|sentence|paragraph|bullet|section)\s+count|length)\s+(?P<n>\d[\d,]*)"
                   r"(?:\s+(?P<unit2>words|sentences|paragraphs|bullets|sections))?\s*[.!]?\s*$", _I)


def quantity(text: str) -> str:
    m = _SPEC.match(text)
    if m and (m.group("unit") or m.group("unit2")) and not (m.group("unit") and m.group("unit2") and m.group("unit2").lower() != m.group("unit").lower() + "s"):
        unit = m.group("unit2") or m.group("unit") + "s"
        return f"The response has {'at least' if m.group('rel').lower().startswith('min') else 'at most'} {m.group('n')} {unit.lower()}."
    m = _NUMBER_OF.match(text)
    if m and not _PART.search(m.group("x")) and not _EXCEPT.search(m.group("x")) and not (m.group("ex") and (m.group("rel") or m.group("dir"))):
        return f"The response has {'exactly ' if m.group('ex') else ''}{_req(m)} {m.group('x').strip()}."
    m = _HAS_NUMBER_OF.search(text)
    if m and not _PART.search(m.group("x")) and not _EXCEPT.search(m.group("x")) and not in_quotes(quote_spans(text), m.start()):
        return text[:m.start()] + f"{m.group('v')} {_req(m)} {m.group('x').strip()}" + text[m.end():]
    return text


# listed words named by their list: 'every keyword from this list: "a"', 'each word on the following list', 'every term listed'
_LIST_SPELLINGS = [
    (re.compile(r"\b(?:every|each|all(?:\s+of)?(?:\s+the)?)\s+(?P<n>keyword|word|term)s?\s+(?:(?:from|in|on|of)\s+(?:this|the|that)\s+"
                r"(?:following\s+)?list|listed)\b", _I), r"every one of the \g<n>s"),
    # the list in brackets after it, unquoted: 'every one of the keywords (dog, day)' -> 'every one of the keywords "dog", "day"'
    (re.compile(r"\b(every\s+one\s+of\s+the\s+(?:keywords|words|terms))\s+\((?P<l>[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)*)\)", _I),
     lambda m: m.group(1) + " " + ", ".join(f'"{w.strip()}"' for w in m.group("l").split(","))),
]

# a quoted example of a format after its noun ('bullets such as "* This is a point."'): an illustration, not a word
_EXAMPLE = re.compile(r"(\b(?:bullets?|bullet\s+points?|list\s+items?|highlighted\s+sections?|placeholders?|titles?)),?\s*\(?(?:such\s+as|like|e\.g\.,?|"
                      r"for\s+example,?)\s*(?:\"[^\"\n]{1,80}\"|\u201c[^\u201d\n]{1,80}\u201d)\)?", _I)


def _spell(text: str, rewrites, past_colon: bool = False) -> str:
    """``rewrites`` applied outside quotations, before any colon that data may follow (everywhere with ``past_colon``)."""
    stop = len(text) if past_colon else min(data_colon(text) + 1, len(text))  # the colon itself is read (a cue may end at it)
    out, last = [], 0
    for a, b in quote_spans(text[:stop]):
        out.append(_apply(text[last:a], rewrites))
        out.append(text[a:b])
        last = b
    out.append(_apply(text[last:stop], rewrites))
    return "".join(out) + text[stop:]


def _apply(s: str, rewrites) -> str:
    for pat, rep in rewrites:
        s = pat.sub(rep, s)
    return s


def respelled_throughout(text: str) -> str:
    """``text`` with the case, end and list spellings rewritten outside quotations everywhere, past a colon too (only to
    find a further check a criterion asks for: 'Label: ...; the seventh paragraph leads with the word "x"')."""
    return _spell(text, _CASE_NOTES + _END_SPELLINGS + _LIST_SPELLINGS, past_colon=True)


# a quoted comma denied: 'not one ',' appears' is 'no comma appears' (read across its quotation)
_NO_QUOTED_COMMA = re.compile(r"\b(?:not\s+(?:a\s+single|one|even\s+one)|no)\s+(?:comma\s+)?(?:character\s+)?(?:'\s*,\s*'|\"\s*,\s*\")(?:\s+character)?", _I)


def respell(text: str, checklist: bool = False) -> str:
    """``text`` with the spellings above rewritten (the target text read as the response under a ``checklist`` label)."""
    if checklist:
        text = _spell(text, _TARGET_TEXT)
    text = _NO_QUOTED_COMMA.sub("no comma", text)
    stop = data_colon(text)
    text = _EXAMPLE.sub(r"\1", text[:stop]) + text[stop:]
    text = _counted_quote(quantity(text))
    return cap(_spell(text, _CASE_NOTES + _END_SPELLINGS + _LIST_SPELLINGS))
