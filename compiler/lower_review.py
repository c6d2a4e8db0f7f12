"""A reward engineer's review comment as a criterion: the check it asks the reward code to make.

    nit: this reward should only pay out when the completion has zero ',' characters.
    Length check: pass when the completion has 100 words or more; landing on exactly 100 counts as a pass.
    Keyword reward should require every one of "a" and "b" to appear in the completion (case-insensitive).
    End check should be an exact suffix match: the completion must end with "x" and nothing may come after it.

:func:`review` rewrites the comment into the frame the outcome readers read ('Pass only if ...', 'The completion ...'):
the comment's marker ('nit:'), the name of the check it is about ('Length check:', 'Caps check should ...', 'This should
...') kept as a ``name`` aside that must say what the lowered check is about (:func:`name_agrees`), 'pay out' / 'pass once' as passing, 'require X to appear' as X
appearing, 'just needs X' as having X; a case-insensitivity asked for ('Suggest we make the keyword check
case-insensitive:', 'lowercase the text first') as the note '(case-insensitive)'; a boundary note kept only when it
says what the comparison already says ('(strict <, not <=)' beside 'fewer than', '(>=, so exactly 5 is fine)' beside 'at
least'), else the comment is left as it is. Anything else is left to the other readers.
"""
from __future__ import annotations

import re
from typing import Tuple

from rubricc.compiler.lower_respell import cap
from rubricc.compiler.lower_voices4 import Asides

_I = re.IGNORECASE
_NAME = r"(?:[A-Za-z][\w-]*\s+){0,2}?(?:check|reward|gate|count|test|grader|scorer|metric|rule)"
_MARK = re.compile(r"^\s*(?:nit|nb|note|fyi|suggestion|minor)\s*[:,-]\s*", _I)
# a sentence about the code before the request: 'Sentence-count gate looks off to me.'
_OFF = re.compile(rf"^\s*(?:the\s+|this\s+)?{_NAME}\s+(?:looks|seems|is)\s+(?:off|wrong|broken|buggy|too\s+loose|too\s+strict)(?:\s+to\s+me)?\s*[.!]\s+", _I)
# 'Suggest we make the keyword check case-insensitive:' / 'For the letter-count reward, lowercase the text first and'
_CASELESS = re.compile(rf"^\s*(?:(?:i\s+)?suggest(?:ion)?:?\s+(?:we\s+|that\s+we\s+)?make\s+the\s+{_NAME}\s+case[- ]insensitive\s*[:;,.-]\s*"
                       rf"|for\s+the\s+{_NAME}\s*,\s*lower-?case\s+the\s+(?:text|completion|response|output)\s+first\s+(?:and|then)\s+)", _I)
# the check named as the subject: 'Caps check should ', 'The length check here should only ', 'This should ', 'Should '
_SUBJECT = re.compile(rf"^\s*(?:(?:the|this|our)\s+)?(?:(?P<name>{_NAME})(?:\s+here)?\s*(?::\s*)?|this|it)?\s*(?:should|must|needs\s+to|has\s+to|ought\s+to)\s+"
                      r"(?:(?P<only>only)\s+)?(?=(?:pass|pay\s+out|fire|return\s+true|give\s+credit|fail|require|count|split|strip|check)\b)", _I)
_LETS = re.compile(r"^\s*let's\s+(?=pass\b)", _I)
# the name as a label: 'Length check: ', 'Title check = ', 'Bullet reward is an exact-count check: ', 'End check should be an
# exact suffix match: '
_LABEL = re.compile(rf"^\s*(?P<label>(?:the\s+)?{_NAME})\s*(?:[:=]|\s+(?:is|should\s+be)\s+an?\s+[\w -]{{1,30}}?(?:check|match)\s*:)\s*(?=\S)", _I)
_PAY = re.compile(r"^(?:pay\s+out|fire|return\s+true|give\s+credit)\b", _I)
_ONCE = re.compile(r"^pass\s+(?:once|whenever|as\s+soon\s+as)\b", _I)
_REQUIRE = re.compile(r"^require\s+(?P<x>.+?)\s+to\s+(?P<v>appear|occur|be\s+present|show\s+up)\b", _I)
_NEEDS = re.compile(r"^(?:just\s+|only\s+)?needs\s+(?=an?\s)", _I)
# boundary notes: what they say of the boundary, and what the comparison must then be
_STRICT = re.compile(r"\s*\(\s*(?:strict(?:ly)?\s*(?:<|fewer|less)(?:\s+than)?\s*(?:,\s*not\s*<=)?|<\s*,\s*not\s*<=|strictly\s+fewer,?\s+so\s+exactly\s+\d+"
                     r"(?:\s+[a-z]+)?\s+fails)\s*\)", _I)
_INCLUSIVE = re.compile(r"\s*(?:\(\s*>=\s*(?:,\s*so\s+exactly\s+\d+\s+(?:is\s+fine|passes|counts(?:\s+as\s+a\s+pass)?))?\s*\)"
                        r"|;\s*(?:landing\s+on\s+)?exactly\s+\d+(?:\s+[a-z]+)?\s+(?:counts\s+as\s+a\s+pass|passes|is\s+fine|is\s+(?:a\s+)?pass))(?=\s*[.;]?\s*$)", _I)
_FEWER = re.compile(r"\b(?:fewer|less)\s+than\b|\bunder\s+\d", _I)
_AT_LEAST = re.compile(r"\bat\s+least\s+\d|\b\d[\d,]*\s+(?:[a-z]+\s+)?or\s+more\b", _I)


# what a check's name says it is about, and the checks that are about that
_ABOUT = [
    (r"caps|capital|upper-?case|lower-?case|case", ("all_uppercase", "all_lowercase", "capital_word_frequency")),
    (r"json", ("is_json",)), (r"title", ("has_title",)), (r"comma", ("no_commas",)), (r"bullet", ("bullet_count",)),
    (r"section", ("section_count",)), (r"paragraph", ("paragraph_count", "paragraph_first_word")),
    (r"sentence", ("sentence_count",)), (r"placeholder", ("placeholder_count",)), (r"highlight", ("highlighted_sections",)),
    (r"postscript|p\.?s", ("postscript",)), (r"quot", ("wrapped_in_quotes",)), (r"letter", ("letter_frequency",)),
    (r"language|lang", ("response_language", "all_uppercase", "all_lowercase")),
    (r"end|ending|suffix", ("ends_with",)), (r"start|prefix|repeat|echo", ("starts_with", "repeats_prompt")),
    (r"keyword|banned|forbidden", ("keywords_present", "keywords_absent", "keyword_frequency")),
    (r"length|word-?count", ("word_count", "sentence_count", "paragraph_count", "word_count_range")),
]


def name_agrees(check_name: str, name: str) -> bool:
    """False when the check's name says it is about something the lowered check is not ('Caps check' beside a sentence
    count); a name that says nothing known agrees."""
    for pat, checks in _ABOUT:
        if re.search(rf"\b(?:{pat})", name, _I):
            return check_name in checks
    return True


def review(text: str) -> Tuple[str, Asides]:
    """(the check a review comment asks for, its label); (text, []) when the text is no such comment."""
    said = _OFF.sub("", _MARK.sub("", text), count=1)
    asides: Asides = []
    caseless = _CASELESS.match(said)
    if caseless:
        said = said[caseless.end():]
    m = _LABEL.match(said)
    if m and re.search(r"\b(?:pass(?:es)?|fails?|must|should|requires?|has\s+to|needs?\s+to)\b", said[m.end():], _I):  # a decision follows
        # ('Maximum word count: 150 words.' is a labelled value, read elsewhere)
        asides.append(("name", m.group("label")))
        said = said[m.end():]
    m = _SUBJECT.match(said) or _LETS.match(said)
    if m and m.groupdict().get("name"):
        asides.append(("name", m.group("name")))
    if m:
        if m.groupdict().get("only"):
            said = "only " + said[m.end():]
        else:
            said = said[m.end():]
    said = said.strip()
    rest = re.sub(r"^only\s+", "", said, flags=_I)
    only = rest != said
    if _PAY.match(rest):
        rest = _PAY.sub("pass", rest, count=1)
    rest = _ONCE.sub("pass when", rest, count=1)
    r = _REQUIRE.match(rest)
    if r:
        rest = f"pass only if {r.group('x')} {r.group('v')}" + rest[r.end():]
    n = _NEEDS.match(rest)
    if n:
        rest = "pass only if the completion has " + rest[n.end():]
    if only and re.match(r"pass\s+(?:when|if|whenever)\b", rest, _I):
        rest = re.sub(r"^pass\s+", "pass only ", rest, flags=_I)
    said = rest
    for note, wants in ((_STRICT, _FEWER), (_INCLUSIVE, _AT_LEAST)):
        b = note.search(said)
        if b:
            if not wants.search(said[:b.start()]):
                return text, []
            said = said[:b.start()] + said[b.end():]
    said = re.sub(r"\bis\s+detected\s+as\s+(?=[A-Z][a-z]+\b)", "is in ", said)
    if caseless:
        said = re.sub(r"\s*[.!]?\s*$", " (case-insensitive).", said, count=1)
    said = cap(said)
    return (text, []) if said == cap(text.strip()) else (said, asides)
