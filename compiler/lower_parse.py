"""Reading a criterion's text for the lowering rules: numbers written as words, '<relation> N <unit>'
requirements, quotations, negation and named languages.

Shared by the rules (:mod:`rubricc.compiler.lower_rules`) and the driver (:mod:`rubricc.compiler.lower`);
nothing here decides a check.
"""
from __future__ import annotations

import re
from typing import List, Optional, Set, Tuple

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
# conditions said as a phrase ('as long as the topic is sports, ...', 'holds once the reply ...'): one list for the rules'
# semantic guard (lower._SEMANTIC) and the nearest stage's veto (lower_nearest_vetoes.CONDITION)
CONDITION_PHRASES = (r"as long as|so long as|as soon as|in case(?![-\w])|"
                     r"(?<!least )once(?=\s+(?:the|its|it|all|every|each(?!\s*[.,;)]|\s*$)|there|this|that|they|these|those|fully|some|both)\b)")
# a count said with its relation ('at least 3', 'under 20', '5 or more'): one fragment for the voice readers that cut a
# count out of a statement (lower_asked, lower_dashes, lower_method, lower_lettered)
COUNT_RELATION = (r"(?:at\s+least|at\s+most|exactly|precisely|fewer\s+than|less\s+than|more\s+than|no\s+(?:more|fewer|less)\s+than|"
                  r"under|over|below|above)")
COUNT = rf"(?:{COUNT_RELATION}\s+)?\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?"
# a count in words, one to twenty ('six occurrences', 'fifteen instances')
NUMBER_WORD = "(?:" + "|".join(sorted([k for k in _UNITS if k not in ("zero", "no", "a single", "single")] + ["twenty"], key=len, reverse=True)) + ")"
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1,
}

LANGUAGES = {
    "english": "en", "spanish": "es", "portuguese": "pt", "arabic": "ar", "hindi": "hi", "french": "fr",
    "russian": "ru", "german": "de", "japanese": "ja", "italian": "it", "bengali": "bn", "ukrainian": "uk",
    "thai": "th", "urdu": "ur", "tamil": "ta", "telugu": "te", "bulgarian": "bg", "korean": "ko", "polish": "pl",
    "hebrew": "he", "persian": "fa", "farsi": "fa", "vietnamese": "vi", "nepali": "ne", "swahili": "sw",
    "kannada": "kn", "marathi": "mr", "gujarati": "gu", "punjabi": "pa", "malayalam": "ml", "finnish": "fi",
    "dutch": "nl", "swedish": "sv", "turkish": "tr", "greek": "el", "indonesian": "id", "czech": "cs",
    "romanian": "ro", "hungarian": "hu", "danish": "da", "norwegian": "no",
}

NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"
# a relation written as a sign ('>= 4', '\u2264 100'): its words
REL_SIGNS = {"\u2265": "at least", ">=": "at least", "=>": "at least", "\u2264": "at most", "<=": "at most", "=<": "at most",
             "<": "less than", ">": "more than"}


# a bound's words for the side of a count, one place for the readers that check a metaphor's side against its bound
# ('Brief in life' beside 'fewer than 50 words'; 'What never stops short of 50 sentences?' beside 'at least 50')
BOUND_LESS = re.compile(r"\b(?:fewer|less)\s+than\b|\bunder\b(?!\s+an?\s+(?!hundred|thousand|dozen|score|few|couple)[a-z]+\b(?!-))|\bbelow\b|\bat\s+most\b|\bno\s+more\s+than\b", re.IGNORECASE)
BOUND_MORE = re.compile(r"\bat\s+least\b|\bor\s+more\b|\b(?:no|not)\s+fewer\s+than\b|\b(?:no|not)\s+less\s+than\b", re.IGNORECASE)


# a figure's words for a side of a count ('used sparingly', 'a short reply', 'an epic reply'): the bound must bear it out
SIDE_WORDS = {"less": ("sparingly", "sparing", "seldom", "rarely", "hardly", "easy on", "light on", "short(?!\\s+of)", "brief", "terse", "small(?!\\s+(?:talk|letters?)\\b)",
                       "little", "tiny", "few", "quiet", "restraint", "restrained", "economical", "compact"),
              "more": ("long(?![\\s,]+(?:long[\\s,]+)?(?:ago|time|before|after|since)\\b)", "lengthy", "epic", "loud", "big", "generous", "plenty", "many", "copious", "rich in", "floor",
                       "minimum", "min")}
# a bound's own name ('Floor: 12 sentences', 'Ceiling: ...'): the side the count must be on
SIDE_WORDS["less"] += ("ceiling", "maximum", "max", "cap")


# a place or a form for listed words ('... turns up in bold', '... in the title', '... in its first sentence'): more than a
# keyword check says (the nearest stage's keyword veto and :mod:`rubricc.compiler.lower_wordlist`)
KEYWORD_PLACES = (r"bold|italics?|underlin\w*|headings?|headers?|titles?|bullets?|tables?|code|fonts?|emojis?|links?|paragraphs?|sections?|"
                  r"sentences?|lines?|json|markdown|highlight\w*|placeholders?|postscript|brackets?|first|last|opening|closing|final|beginning|"
                  r"next\s+to|before|after|together|adjacent|near|between|followed")


def bound_bears_out(side: str, said: str) -> bool:
    """Whether the statement ``said`` gives a bound on the ``side`` ('less' or 'more') a metaphor or a title names."""
    return (BOUND_LESS if side == "less" else BOUND_MORE).search(said) is not None


# 'that word', 'that character' pointing back to the one quotation a criterion gives ('What keeps "a" below 2? A reply whose
# count of that character ... is under 2'); 'the word appears' too, when no quotation or count noun follows
_POINTED = re.compile(r"\b(?:that|this|the\s+same|the)\s+(?P<unit>word|character|letter)\b(?!\s*(?:[\"'\u201c]|count|limit|length|level))", re.IGNORECASE)


def point_back(text: str, quotes) -> str:
    """``text`` with 'that word' / 'that character' (or 'the word' with no quotation after it) said as the one quotation
    ``quotes`` holds ('the character "a"'); as it is when ``quotes`` holds not exactly one."""
    quotes = set(quotes)
    if len(quotes) != 1:
        return text
    q = next(iter(quotes))
    spans = [m.span() for m in QUOTE_RE.finditer(text)]  # (a quotation is data: never rewritten)
    return _POINTED.sub(lambda m: m.group(0) if any(a <= m.start() < b for a, b in spans) else f'the {m.group("unit").lower()} "{q}"', text)


def number_words_to_digits(s: str) -> str:
    """'three hundred' -> '300', 'twenty-five' -> '25', 'twice' -> 'two times' (on lower-cased text)."""
    s = re.sub(r"\btwice\b", "2 times", s)
    s = re.sub(r"\bonce\s+upon\s+a\s+time\b", " ", s)  # a fairy tale's opening, no count
    # 'once' is one time, unless it opens a clause ('holds once the reply reaches 10 sentences': when)
    s = re.sub(r"(?<!least )\bonce\b(?=\s+(?:the|its|it|a|an|all|every|each(?!\s*[.,;)]|\s*$)|there|this|that|they|these|those|fully|some|both|we|you|i)\b|\s+[\"'\u201c])",
               "when", s)
    s = re.sub(r"\bonce\b", "1 times", s)
    s = re.sub(r"\bthrice\b", "3 times", s)
    s = re.sub(r"\ba dozen\b", "12", s)
    s = re.sub(r"\b(\d[\d,]*)\+", r"at least \1", s)
    units = "|".join(sorted((k for k in _UNITS if k not in ("no", "a single", "single")), key=len, reverse=True))
    tens = "|".join(_TENS)
    pat = re.compile(
        rf"\b(?:(?P<h>{units}) hundred(?: and)?\s*)?(?:(?P<t>{tens})(?:[- ](?P<tu>{units}))?|(?P<u>{units}))?\b"
        rf"(?P<hund> hundred)?"
    )

    def repl(m: "re.Match[str]") -> str:
        if not m.group(0).strip():
            return m.group(0)
        total = 0
        if m.group("h"):
            total += _UNITS[m.group("h")] * 100
        if m.group("t"):
            total += _TENS[m.group("t")] + (_UNITS[m.group("tu")] if m.group("tu") else 0)
        if m.group("u"):
            total += _UNITS[m.group("u")]
        if m.group("hund"):
            total *= 100
        trail = " " if m.group(0).endswith(" ") else ""
        return str(total) + trail

    s = pat.sub(repl, s)
    s = re.sub(r"(\d) thousand\b", r"\g<1>000", s)
    s = re.sub(r"\b(\d[\d,]*)\+(?=\s|$)", r"at least \1", s)  # a number in words with '+': 'five+ words'
    return s


def _symbols_to_words(s: str) -> str:
    """'>= 3' -> 'at least 3', '< 5' -> 'less than 5', 'max 100' -> 'at most 100' (before a number only)."""
    for sym, words in ((r"\u2265|>=|=>", "at least"), (r"\u2264|<=|=<", "at most"), (r"(?<![<>=])<(?![<=])", "less than"),
                       (r"(?<![<>=])>(?![>=])", "more than"), (r"\bmax\.?|\bmaximum", "at most"), (r"\bmin\.?|\bminimum", "at least")):
        s = re.sub(rf"(?:{sym})\s*(?=\d)", words + " ", s)
    return s


def _int(s: str) -> int:
    return int(s.replace(",", ""))


# relation phrase immediately before a number
_REL_BEFORE = [
    # stopping before a number is staying under it ('take it off the heat before it reaches 10 sentences'): before 'reaches'
    (r"before\s+(?:it\s+|they\s+|the\s+(?:response|reply|answer|text)\s+)?(?:reach(?:es|ed)?|gets?\s+to|hits?)|(?:stops?|stays?|falls?)\s+short\s+of",
     "less than"),
    # a negated comparison is the other side ('no shorter than 600 words' is at least 600): before the bare ones
    (r"at least|no fewer than|no less than|not fewer than|not less than|(?:no|not) (?:shorter|smaller) than|not (?:under|below)|"
     r"at or (?:above|over|more than|greater than)|"
     r"a minimum of|minimum of|minimum|reach(?:es|ed)?|gets? to|hits?|"
     r"more than or equal to|greater than or equal to|upwards of|(?:a )?minimum (?:length|word count) of", "at least"),
    (r"at most|no more than|not more than|(?:no|not) (?:longer|greater|larger|bigger) than|not (?:over|above)|"
     r"at or (?:below|under|less than|fewer than)|"
     r"a maximum of|maximum of|maximum|up to|not exceeding|within|(?:a )?maximum (?:length|word count) of|"
     r"less than or equal to|fewer than or equal to", "at most"),
    (r"less than|fewer than|under|below|shorter than|smaller than|lower than", "less than"),
    (r"more than|greater than|over|above|longer than|larger than|bigger than|higher than", "more than"),
    (r"exactly|precisely|just|only", "exactly"),
]
# after the unit: '3 paragraphs or more', '20 sentences min.' (a bare count there would read as exactly 20)
_REL_AFTER = [(r"or more|or greater|or above|at minimum|at the least|or over|or higher|or longer|minimum|min", "at least"),
              (r"or fewer|or less|or under|at most|at maximum|at the most|or lower|or below|or shorter|maximum|max", "at most")]
_MID_REL = re.compile(r"^(or more|or greater|or above|or over|or higher|or fewer|or less|or under|or lower|or below)\s")


def _not_a_requirement(before: str, after: str, prefix: str = "") -> bool:
    """The number is a position ('the first 2 sentences'), a reference ('the two sentences'), an
    approximation or a range: not a count requirement."""
    if re.search(r"(?:^|\b)(?:first|last|final|opening|initial|closing|the|these|those|both|all|each|its|their|"
                 r"approximately|about|around|roughly|nearly|almost|some|between|from)$", before):
        return True
    if re.search(r"\d\s*(?:-|\u2013|to|or|and)\s*$", prefix) or re.search(r"\b(?:first|last)\s*$", prefix):
        return True
    return re.match(r"\s*(?:to|-|\u2013|or|and)\s*\d", after) is not None or re.match(r"\s*%", after) is not None


def _relation(before: str, after: str) -> Optional[str]:
    """The relation word right before the number ('at least 3') or right after the unit ('3 or more',
    which wins); None when there is neither."""
    rel = None
    for words, r in _REL_BEFORE:
        if re.search(rf"(?:^|\b)(?:{words})$", before):
            rel = r
            break
    for words, r in _REL_AFTER:
        if re.match(rf"\s*(?:(?:long|in\s+length)\s+)?(?:{words})\b", after):  # '20 sentences long or longer'
            rel = r
    return rel


def _requirement(norm: str, m: "re.Match[str]") -> Optional[Tuple[Optional[str], int]]:
    """(relation or None, N) for a match of '<words> N <mid words> <unit><after>' in ``norm``; None when
    the number is not a count requirement. A relation between the number and the unit ('20 or more
    sentences') counts as one after it."""
    before = (m.group("rel") or "").strip()
    if _not_a_requirement(before, norm[m.end(2):m.end(2) + 12], norm[:m.start(2)]):
        return None
    if re.match(r"\s*(?:or|and|nor|but)\s+(?:(?:more|fewer|less|greater|longer|shorter)\s+than|at\s+(?:least|most)|exactly|over|under|above|below)\s+\d",
                norm[m.start("after"):m.start("after") + 40] if m.group("after") is not None else ""):
        return None  # a second comparison after the unit ('fewer than 3 bullets or more than 5'): two counts, not one
    mid = _MID_REL.match((m.groupdict().get("mid") or "") + " ")
    after = mid.group(1) if mid else m.group("after")
    if re.search(r"\bthan$", before) and _relation(before, after) is None:
        return None  # a comparison no relation reads ('fewer than'-like words unknown): never a bare, exact count
    if re.search(r"\b(?:cap|ceiling|limit|maximum|max|minimum|min|floor|budget|quota|threshold|bound|allowance)\s+of$", before) and \
            _relation(before, after) is None:
        return None  # a limit no relation reads ('stays under a cap of 11 words'): a bound, never an exact count
    if re.search(r"\b(?:cap|ceiling|limit|maximum|max|minimum|min|floor)\b[a-z ]{0,25}:\s*$", norm[:m.start(2)]) and _relation(before, after) is None:
        return None  # a bound's label before a bare count ('minimum reps: 20 sentences'): a bound, never an exact count
    return _relation(before, after), _int(m.group(2))


# '<unit> count is at least N', 'the number of <unit> is below N', 'occurrences of X: at least N'
_STATED = (r"(?:\s+(?:in|of|within|across|throughout) (?:the|this) (?:(?:whole|entire|full) )?(?:response|answer|reply|text))?"
           r"\s*(?:is|are|of|:|=|should be|must be|stays?|remains?|kept|reaches(?=\s+[a-z])|totals?)?\s*(?P<rel>(?:[a-z]+ ){0,5}?)")


# a second bound after a first ('... at least 200 and at most 300', 'above 200 but below 300')
_SECOND_BOUND = re.compile(r"\s*,?\s*(?:and|but|or|yet)\s+(?:(?:is|are|stays?|remains?|no)\s+)?(?:at\s+(?:most|least|or)|no\s+(?:more|fewer|less)|"
                           r"not\s+(?:more|fewer|less|over|under|above|below)|above|below|under|over|more\s+than|fewer\s+than|less\s+than|up\s+to)\b"
                           r"[^.;:\d]{0,20}\d")


def stated_count(norm: str, subject: str) -> Optional[Tuple[str, int]]:
    """(relation, N) when ``norm`` ends a '<subject> <is|:> <relation> N' statement, the relation required
    (a bare number here is too weak a cue); None otherwise or when there are several."""
    found = []
    for m in re.finditer(rf"{subject}{_STATED}{NUM}\b(?P<after>[a-z ]{{0,20}})", norm):
        rel = _relation(m.group("rel").strip(), m.group("after"))
        if rel is None or _SECOND_BOUND.match(norm[m.end(2):]):
            return None  # a second bound follows ('word count at least 200 and at most 300'): a range, not one bound
        found.append((rel, _int(m.group(2))))
    return found[0] if len(set(found)) == 1 else None


def count_of(norm: str, unit: str, default: Optional[str] = "exactly") -> Optional[Tuple[str, int]]:
    """Find '<relation> N <unit>' in the normalised text (``default`` when no relation word is given;
    None: no default). None if absent or ambiguous."""
    found = []
    for m in re.finditer(rf"(?:(?P<rel>[a-z ]+?)\s+)?{NUM}\s+(?P<mid>(?:[\w\[\]*]+[- ]){{0,2}}?){unit}\b(?P<after>[a-z ]{{0,20}})", norm):
        if re.search(r"\b(?:per|each|every|a|an)\b", m.group("mid") or ""):
            return None  # '5 per paragraph' is a rate, not a count of paragraphs
        req = _requirement(norm, m)
        if req is None:
            return None
        after = re.sub(r"^\s*(?:(?:of|in) (?:the|your|its) (?:response|answer|reply|output|text)|of text)\b", " ", m.group("after"))
        if re.match(r"\s*(?:of|that|which|about|on|from|like|describing|related|explaining|covering|per|each|maintaining|preserving|reflecting|demonstrating|showing|illustrating|discussing|addressing|"
                     r"comparing|analy[sz]ing|summari[sz]ing|providing|offering|giving|listing|mentioning|including|containing)\b", after):
            return None  # "2 words of encouragement", "3 paragraphs about X": kinds of units, not a length
        rel = req[0] or default
        if rel is None:
            return None
        found.append((rel, req[1]))
    # 'word count of 600 or higher', 'the number of sentences is below 10'
    # '<unit>: at least N' (a label, then the requirement)
    stated = stated_count(norm, rf"\b(?:(?:{unit})\s+count|number of (?:[\w-]+ )?(?:{unit})|(?:{unit})(?=\s*:))\b")
    if not found:
        return stated
    if len(set(found)) != 1 or stated is not None and stated != found[0]:
        return None  # two readings ('word count stays under 300; a response of 300 or more words earns nothing')
    return found[0]


def count_times(norm: str) -> Optional[Tuple[str, int]]:
    """'<relation> N times' (frequency), relation also allowed after ('N times or more'); default exactly."""
    m = re.search(rf"(?:(?P<rel>[a-z ]+?)\s+)?{NUM}\s+(?P<mid>or (?:more|fewer|less|greater|higher)\s+)?"
                  rf"(?:separate\s+|different\s+)?times\b(?P<after>[a-z ]{{0,20}})", norm)
    if m is None:
        # 'occurrences of the letter l: at least 15', 'the count of "q" is below 4'
        # 'the number of times the letter "q" occurs in the response is below 4'
        # 'the character "a", in either case, totals under 5'; 'I counted the character "l" ..., and the total is 15 or more'
        return stated_count(norm, r"(?:\b(?:occurrences|appearances|instances|frequency|count|number of times|total)\b"
                             r"|\b(?:letter|character|symbol)\b[^.:;0-9]{0,40}?(?=\s+totals?\s))"
                             r"(?:(?!\b(?:each|every|per|first|last|paragraphs?|sentences?|sections?|lines?|titles?|headings?|lists?|bullets?|items?)\b)[^.:;0-9]){0,60}?")
    req = _requirement(norm, m)
    if req is None:
        return None
    return req[0] or "exactly", req[1]


QUOTE_RE = re.compile(
    r"\"([^\"\n]{1,300})\"|\u201c([^\u201d\n]{1,300})\u201d|(?<![\w])'([^'\n]{1,200}?)'(?![\w])|`([^`\n]{1,200})`"
)


def sentences(text: str) -> List[str]:
    """``text``'s sentences, each stripped, cut after '.', '?' or '!' and a space, never inside a quotation or a parenthesis
    nor after an abbreviation ('e.g.', 'i.e.', 'P.S.', 'P.P.S.', 'U.S.')."""
    masked = QUOTE_RE.sub(lambda m: "\0" * len(m.group(0)), text)
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group(0)), masked)
    cuts = [m.end() for m in re.finditer(r"(?<![A-Z]\.[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bP\.S)(?<!\bP\.P\.S)[.?!]\s+(?=\S)", masked, re.I)]
    out, last = [], 0
    for c in cuts + [len(text)]:
        if text[last:c].strip():
            out.append(text[last:c].strip())
        last = c
    return out


def quoted(text: str) -> List[str]:
    """The non-blank quoted strings of ``text`` (straight, curly, single quotes or backticks), in order."""
    out = []
    for m in QUOTE_RE.finditer(text):
        q = next(g for g in m.groups() if g is not None)
        if q.strip():
            out.append(q)
    return out


# what negates a requirement ('lacks a title', 'is missing a title', 'fails to include "x"' say what the response does not do)
NEGATION = r"(?:\bno\b|\bnot\b|n't\b|\bwithout\b|\bnever\b|\bfree of\b|\bavoid|\brefrain|\bzero\b|\bnone\b|\bomit|\bexclud|\bforbid|\bprohibit|\bdevoid of\b" \
           r"|\black(?:s|ing)?\s+(?:a|an|any|the)\b|\b(?:is|are)\s+missing\b|\bmissing\s+(?:a|an|any|the)\b|\bfail(?:s|ed|ing)?\s+to\b)"

# commas allowed in some places only ('contains commas only in lists: not in numbers'): no statement that there are none
COMMAS_ONLY = re.compile(r"\bcommas?\s+(?:\w+\s+)?(?:only|just|solely|except)\b|\bonly\s+(?:\w+\s+)?commas?\b|"
                         r"\b(?:uses?|contains?|has|includes?)\s+commas?\b(?!\s*[.!]?$)", re.IGNORECASE)

# a negation negated ('does not avoid commas', "doesn't lack a title", 'never omits the keyword'): read by no rule
# a plain list of single words ('sleep, cook and feed'), matched case-insensitively
WORD_LIST = r"[a-z][\w'-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w'-]*|\s+(?:and|or)\s+[a-z][\w'-]*)*"
# one quoted item (straight double, single or curly quotes) and a list of them ('"a", "b" and "c"'), as data
QUOTED_ITEM = r"(?:\"[^\"\n]{1,60}\"|'[^'\n]{1,60}'|\u201c[^\u201d\n]{1,60}\u201d)"
QUOTED_LIST = rf"{QUOTED_ITEM}(?:\s*,?\s*(?:and\s+|or\s+)?{QUOTED_ITEM})*"


def quoted_words(words: List[str]) -> str:
    """Plain words said as quoted data: ['dog', 'day', 'cat'] -> '"dog", "day" and "cat"'."""
    q = [f'"{w.strip()}"' for w in words]
    return q[0] if len(q) == 1 else ", ".join(q[:-1]) + " and " + q[-1]


def counted_unit(quote: str) -> str:
    """What a quoted item counted alone is: a letter when it is one character between its quotes, else a word."""
    return "letter" if len(quote) == 3 else "word"

# a test case's label before its expectation: 'Expected behavior:', 'Expected result:', 'Expected:'
EXPECTED_LABEL = r"expected(?:\s+(?:result|outcome|behaviou?r))?\s*:"

# a word that forbids or denies ('banned', 'removed', 'nobody', 'not'): a lead's side, to agree with its statement's
FORBIDS = re.compile(rf"{NEGATION}|\b(?:banned|barred|forbidden|prohibited|contraindicated|excluded|taboo|off-limits|nobody|no\s+one|nothing|"
                     r"clear\s+of|removed|dropped|struck|left\s+out|cut)\b", re.IGNORECASE)
DOUBLE_NEGATION = re.compile(r"(?:\b(?:not|never|no)\b|n't\b)\s+(?:\w+\s+)?(?:avoid|omit|exclud|refrain|forbid|prohibit|lack|miss\b|"
                             r"missing|fail\w*\s+to|skip)", re.IGNORECASE)

# a statement denied whole ('It is not true that the reply contains no commas', 'Not true: ...'): the rules read the
# statement inside and would keep it, so the rules leave it; what reads a negated requirement as its complement may
DENIED = re.compile(r"^\s*(?:it\s+(?:is|'s)\s+(?:not|n't)\s+(?:true|the\s+case|so|correct)|it\s+isn't\s+(?:true|the\s+case|so|correct)|"
                    r"it\s+(?:is|'s)\s+(?:false|untrue|incorrect|wrong)|(?:not\s+true|not\s+so|false|untrue)\s*[:\u2014\u2013-])", re.IGNORECASE)

_NOT_NEGATION = re.compile(
    r"\bwith\s+or\s+without\b|"  # 'with or without a fence': either way
    r"\(\s*(?:with\s+)?(?:nothing(?:\s+else)?|no\s+(?:further|other|more)\s+(?:words|text))(?:\s+(?:comes?\s+)?(?:after|following|follows))?(?:\s+(?:it|that|this))?\s*\)|"
    r"(?:with\s+)?(?:and\s+)?(?:no|nothing|not any)\s+other\s+(?:words?|text|characters?|content|language|languages)"
    r"(?:\s+(?:is\s+|are\s+)?(?:allowed|after|following|follows?|afterwards?|should follow)(?:\s+(?:it|this|that))?)?"
    r"|nothing (?:else )?(?:after|following) (?:it|this|that)"
    r"|(?:and\s+)?(?:has|have|with) no (?:other )?(?:text|words|content|characters) (?:after|following|afterwards?)(?: (?:it|this|that|them))?"
    r"|(?:do not|don't) (?:add|write|include) anything(?: else)? after(?:wards)?(?: (?:it|this|that))?"
    # exactness restated: 'with no prose outside the JSON', 'without switching to any other language'
    r"|(?:with\s+|and\s+)?(?:no|without any)\s+(?:other\s+)?(?:prose|text|content|commentary|explanation|words)\s+(?:outside|around|before or after)"
    r"(?:\s+of)?\s+(?:it|them|the json(?: object)?|the quot\w+(?: marks)?|the code block)"
    r"|without (?:switching|changing|moving|slipping|drifting|lapsing) (?:to|into) (?:any )?(?:other|another) languages?"
    r"|without (?:using |mixing in )?(?:any )?(?:other|another) languages?|not using (?:any )?(?:other|another) languages?"
    r"|(?:and\s+)?not\s+in\s+(?:some|any|an|another)\s+other\s+languages?|(?:and\s+)?no\s+other\s+languages?"
)


def outer_quotes(text: str) -> Optional[Tuple[int, int]]:
    """(first, last): the first opening and the last closing double quote (straight or curly), or None.
    Everything between them is quoted material, however the quotations nest."""
    first = min((i for i in (text.find('"'), text.find("\u201c")) if i >= 0), default=-1)
    last = max(text.rfind('"'), text.rfind("\u201d"))
    return (first, last) if 0 <= first < last else None


class CriterionText:
    """A criterion's text read once for every rule: lower-cased, numbers as digits, quotations, negation."""

    def __init__(self, text: str):
        self.text = text
        low = text.lower().replace("\u2019", "'")
        self.low = low
        # counts are read outside quotations ("Once upon a time" is not a frequency)
        self.norm = _symbols_to_words(number_words_to_digits(QUOTE_RE.sub('"q"', low)))
        self.quotes = quoted(text)
        # "with no other words after it" / "no other language" restate exactness, they are not negations
        self.neg = re.search(NEGATION, re.sub(_NOT_NEGATION, " ", low)) is not None


_LANGUAGE_NAME = re.compile(r"\b(" + "|".join(LANGUAGES) + r")\b")


# a language said, by the word or as what the response is written in ('lang == zz', 'written in Klingon'): a check
# that reads no language from it must not drop it
LANGUAGE_SAID = re.compile(r"\blang(?:uage)?\b|\b(?:written|typed|composed)\s+in\s+(?!(?:all\s+|only\s+|an?\s+)?(?:upper|lower|capital|small|caps|block|plain|markdown|json|the\s+form))",
                           re.IGNORECASE)


def languages_named(low: str) -> Set[str]:
    """The language names (keys of :data:`LANGUAGES`) named in lower-cased ``low``."""
    return set(_LANGUAGE_NAME.findall(low))


def language_in(low: str) -> Optional[str]:
    """The ISO code of the one language named in ``low``; None when none or several are named."""
    codes = {LANGUAGES[x] for x in languages_named(low)}
    return codes.pop() if len(codes) == 1 else None


# the cue before an unquoted end phrase: 'ends exactly with:', 'the final words are exactly:',
# '(ends|finish your response) with this exact phrase', 'concludes with the following phrase:'
_END_VERB = r"\b(?:ends?|ending|finish(?:es)?|finishing|conclud(?:e|es|ing)|closes?|closing)\s+(?:\w+\s+){0,3}?with\s+"
_END_CUE = re.compile(
    r"\b(?:ends?|finish(?:es)?|conclud(?:e|es)|closes?)\s+(?:exactly|verbatim)\s+with\s*:\s*"
    r"|\b(?:final|last|closing)\s+(?:words?|phrase|sentence|line)\s+(?:of the (?:response|answer|reply)\s+)?"
    r"(?:is|are|should be|must be|reads?)\s*(?:exactly|verbatim)\s*:?\s*"
    r"|(?P<colon>\b(?:final|last|closing)\s+(?:words?|phrase|sentence|line)\s+(?:of the (?:response|answer|reply)\s+)?(?:is|are|should be|must be|reads?)\s*:)"
    rf"|{_END_VERB}(?:(?:this|the)\s+(?:exact|verbatim)\s+(?:phrase|sentence|words|line)\s*:?|exactly\s+this\s+(?:phrase|sentence|line)\s*:?"
    r"|(?:this|the following)\s+(?:phrase|sentence|words|line)\s*:)\s*",
    re.IGNORECASE)
# no cue word, but the phrase is a capitalised sentence and a clause says nothing may follow it:
# 'Ends with Is there anything else I can help with? and nothing after it.'
# ('Finishes with exactly That is all you need!, with nothing after it.', 'ends with: Peace!, with nothing after.')
_END_BARE = re.compile(r"(?i:\b(?:ends?|ending|finish(?:es)?|finishing|conclud(?:e|es|ing)|closes?|closing)\s+(?:\w+\s+){0,3}?with\s*:?\s+(?:exactly\s+)?)"
                       r"(?=[A-Z][^\"\u201c\u201d]*[.!?]\s*(?:,\s*)?(?:and|with)\s+(?:nothing|no other))")
# a clause after the phrase restating that nothing may follow it
_NOTHING_AFTER = re.compile(
    r"\s*(?:[,;]\s*|(?<=[.!?])\s+)?(?:(?:and|with)\s+)?(?:then\s+)?(?:(?:do not|don't)\s+(?:add|write|include)\s+anything(?:\s+else)?\s+after(?:wards)?(?:\s+(?:it|this|that))?"
    r"|nothing(?:\s+else)?\s+(?:comes\s+)?(?:after|following|follows)(?:\s+(?:it|this|that|(?:the|this|that)\s+phrase))?|nothing\s+else"
    r"|(?:adds?|adding|writes?|writing|puts?|putting|appends?|appending|includes?|including|places?|placing|says?|saying)\s+nothing"
    r"(?:\s+(?:else|more|further))?\s+(?:after(?:wards?)?|following|beyond)(?:\s+(?:it|this|that|(?:the|this|that)\s+phrase))?"
    r"|no (?:other |more |further )?(?:words|text)(?:\s+(?:should|may|must|can))?\s+(?:comes?\s+)?(?:follows?|after|following)"
    r"(?:\s+(?:it|this|that|(?:the|this|that)\s+phrase))?)\s*\.?\s*$",
    re.IGNORECASE)
# a joiner left after the phrase's own end mark once 'nothing else after it' is read off ('Peace! and then')
_DANGLING = re.compile(r"(?<=[.!?])\s+(?:and\s+then|and|then)\s*$", re.IGNORECASE)
# exactness restated between an end cue and the colon before the phrase: ', and after it nothing more is
# written:', 'and nothing comes after it:', '(nothing may follow):'
_NOTHING_BEFORE_COLON = re.compile(
    r"[,;(\u2013\u2014-]?\s*(?:and\s+|with\s+)?(?:(?:after|following)\s+(?:it|this|that|the phrase),?\s+)?"
    r"(?:nothing(?:\s+(?:more|else|further))?|no\s+(?:other|more|further)\s+(?:words?|text|content))"
    r"(?:\s+(?:is|are|may be|should be|must be|can be|gets?)\s+(?:written|added|included|placed|put))?"
    r"(?:\s+(?:comes?|follows?|may follow|should follow|must follow|can follow|may come|should come|is allowed|at all))?"
    r"(?:\s+(?:after(?:wards)?|following)(?:\s+(?:it|this|that|the phrase))?)?\s*\)?\s*:\s*", re.IGNORECASE)
# phrases that describe the ending instead of quoting it ('the exact phrase the user asked for')
_DESCRIBED = re.compile(r"^(?:that|which|who|whatever|used|given|requested|provided|specified|mentioned|from|of|for|to|as)\b"
                        r"|\b(?:the user|the prompt|the request|the question|specified|requested|provided by|mentioned in)\b")


def _without_tail(rest: str) -> str:
    """An end phrase less the clause after it saying nothing may follow, and a joiner that clause left ('Peace! and then')."""
    return _DANGLING.sub("", _NOTHING_AFTER.sub("", rest).strip())


# an unquoted end phrase closed by a parenthesised 'nothing after' note: 'Finishes with exactly Peace! (no further words
# after it)', 'ends with: Peace! (nothing after)'; the note bounds the phrase
_END_PAREN = re.compile(r"\b(?:ends?|finish(?:es)?|conclud(?:es?)|closes?)\s+with(?:\s+exactly)?\s*(?::\s*|\s)(?P<p>[^()\"\u201c\u201d\[\]<>{}]{1,150}?)\s*"
                        r"\((?:with\s+)?(?:nothing(?:\s+else)?|no\s+(?:further|other|more)\s+(?:words|text))(?:\s+(?:comes?\s+)?(?:after|following|follows))?"
                        r"(?:\s+(?:it|that|this))?\)\s*\.?\s*$", re.IGNORECASE)


def unquoted_end_phrase(text: str) -> Optional[Tuple[int, str]]:
    """(start of the cue, phrase) for an end phrase given without quotes after an explicit 'exact' cue
    ('Concludes with this exact phrase: Peace!', 'End your response with the exact phrase Is there anything
    else I can help with? and do not add anything after it'); the phrase runs to the end of the criterion,
    less a clause saying nothing may follow it. None when there is no such cue, the rest is quoted, or it
    reads as a description rather than the words themselves."""
    paren = _END_PAREN.search(text)
    if paren and not re.match(r"(?i:a|an|the|some|any|one|its|their|his|her|your|my|our)\b", paren.group("p")) and \
            not _DESCRIBED.search(paren.group("p")):
        return paren.start(), paren.group("p")
    m = _END_CUE.search(text)
    bare = None if m else _END_BARE.search(text)
    if bare is not None:
        rest = _without_tail(text[bare.end():].strip())
        return (bare.start(), rest) if rest != text[bare.end():].strip() and re.search(r"[.!?]$", rest) and \
            not _DESCRIBED.search(rest) and len(rest) <= 150 else None
    if not m:
        return None
    rest = text[m.end():].strip()
    if re.match(r"[,;(\u2013\u2014-]|and\b", rest, re.IGNORECASE):
        # a clause between the cue and the phrase is never the phrase's start: only exactness restated,
        # then a colon ('with this exact phrase, and after it nothing more is written: X')
        c = _NOTHING_BEFORE_COLON.match(rest)
        if c is None:
            return None
        rest = rest[c.end():].strip()
    if re.search(r":\s", rest):
        # a colon left after the cue: the phrase may start after it or the words before it may be the
        # frame's ('with the exact phrase below, with no other words following it: X', blind set 7): neural
        return None
    rest = _without_tail(rest)
    if re.search(r",\s*(?:and|with|but)\s+(?:nothing|no|not|without)\b|\b(?:comes?|follows?)\s+(?:after\s+)?(?:it|that|this)\b"
                 r"|[.!?]\s+(?:(?:and|but)\s+(?:then\s+)?(?:adds?|writes?|says?|puts?|includes?|appends?|goes|continues|signs?|closes?|ends?)"
                 r"|then|adding|followed)\b", rest, re.IGNORECASE):
        return None  # a clause after the phrase no reading above took off: where the phrase ends is not known
    if rest[-2:] in ("!.", "?.", ".."):
        rest = rest[:-1]  # the criterion's own full stop after the phrase's
    # 'The last words of the response are: a question': after a bare colon, a phrase that opens with a
    # determiner describes the ending instead of quoting it
    if m.group("colon") and (re.match(r"(?i:a|an|the|some|any|one|its|their|his|her|your|my|our)\b|(?:this|that)\b", rest) or
                             re.search(r"[\[\]<>{}]", rest)):  # '... are: Sincerely, [Name]' has a slot to fill
        return None
    if not rest or len(rest) > 150 or re.search(r"[\"\u201c\u201d]", rest) or rest[0] in "'\u2018`" or QUOTE_RE.fullmatch(rest) or \
            _DESCRIBED.search(rest):
        return None
    return m.start(), rest


# what a case rule says it covers too ('names and sentence openings included', 'even titles'): the whole response still
_CASE_PART = r"(?:(?:proper\s+)?names?|titles?|headings?|headers?|acronyms?|sentence\s+(?:openings?|starts?|beginnings?)|the\s+first\s+word)"
_CASE_LIST = rf"{_CASE_PART}(?:(?:\s*,\s*|\s+and\s+){_CASE_PART})*"
CASE_INCLUDED = re.compile(rf"(?:,\s*{_CASE_LIST}\s+(?:included|too|as\s+well)|\b(?:including|even)\s+{_CASE_LIST})(?=\s*[.,;)]|\s*$)", re.IGNORECASE)
# the parts a case rule may be said of alone ('Drug names are in all lowercase'): a scope the check cannot see
CASE_SCOPE = re.compile(r"\b(?:names?|titles?|headings?|headers?|acronyms?|first\s+letters?)\b", re.IGNORECASE)
