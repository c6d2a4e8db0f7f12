"""What a criterion says beside its requirement, read off before the lowering rules (issue 15, round 3).

Rubric writers decorate a requirement with words that do not change what is checked: a reason or purpose
('..., so that emphasis is not overused'), a clause that broadens the scope to the whole response ('not
even in headings', 'even at the start of sentences', 'not even once'), exactness restated in another form
('(nothing after)', 'and wrote nothing after that', 'no further words come after it'), a note on case for
checks that ignore case anyway (', ignoring case'), the ISO code of a language named beside it ('Russian
(ISO code ru)'), or a label form ('Minimum length: 600 words', "'knot': at least 2 occurrences").

:func:`undecorate` rewrites these into the plain words the rules read, and returns the reasons it cut
off: the driver (:mod:`rubricc.compiler.lower`) lowers the criterion only when no reason asks for another
check of its own (a reason is not a requirement, so one that reads as a requirement leaves the criterion
to the judge). Nothing here adds a requirement, and quoted material is never touched.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import LANGUAGES, QUOTE_RE

_I = re.IGNORECASE

# a reason or purpose ending the criterion: ', so that ...', '; this ensures ...', ', in order to ...'
_REASON = re.compile(
    r"\s*[,;]\s*(?:(?:so that|so as to|so|in order (?:to|that)|to (?:ensure|make sure|guarantee|satisfy|meet|comply with|honou?r|respect|keep|avoid)|"
    r"which (?:ensures|means|keeps|makes|satisfies|guarantees)|(?:this|that) (?:ensures|means|keeps|makes|satisfies|guarantees)|ensuring|"
    r"as (?:required|requested|instructed|asked|specified|demanded)|per the (?:instructions?|request|prompt|user))\b)"
    r"(?P<reason>[^\"\u201c\u201d]*)$", _I)

# a clause that only broadens the scope: 'not even in headings or quoted text', 'even at the start of
# sentences and in names', 'not even once' (never 'even though' / 'even if', which set a condition)
_EVEN = re.compile(r"\s*[,;]?\s*(?:and\s+)?(?:not\s+)?even\s+(?:once|one time|a single time|at all|(?:in|at|inside|within|on|for)\s+[^.;,\"\u201c]*"
                   r"(?:,\s*(?:and|or)\s+(?:in|at|inside|within|on|for)\s+[^.;,\"\u201c]*)*)(?=\s*(?:[.;?!,]|$))", _I)

# whole-response scope said in other words: made the phrase the rules read ('from start to finish')
_SPAN = re.compile(r"\bfrom (?:the )?(?:very )?(?:first|opening|start|beginning|top)(?: (?:character|letter|word|line|symbol))? "
                   r"(?:to|through|until) (?:the )?(?:very )?(?:last|final|closing|end|finish|bottom)(?: (?:one|character|letter|word|line|symbol))?\b", _I)

# exactness of an end phrase restated: '(nothing after)', 'and wrote nothing after that', '; no further words
# come after it', 'with no more text following'
_NOTHING_AFTER = re.compile(
    r"\s*(?:[,;]\s*|\(\s*)?(?:(?:and|with)\s+)?(?:(?:the response\s+|it\s+|you\s+)?(?:wrote|writes|write|adds?|added|puts?|includes?|included|"
    r"has|had|says?|said|there (?:is|are|was|were))\s+)?"
    r"(?:nothing|no (?:further|other|more|additional|extra|following|trailing) (?:words?|text|content|characters?|sentences?|lines?))(?:\s+else)?"
    r"(?:\s+(?:comes?|came|follows?|followed|appears?|is|are|was|were)(?:\s+(?:written|added|included|placed))?)?"
    r"\s+(?:after(?:wards)?|following|beyond|past)(?:\s+(?:it|this|that|them|those|these|(?:the|this|that) (?:phrase|sentence|line|quote)|those words))?\s*\)?"
    r"(?=\s*(?:[.;]|$))", _I)

# a note on case for checks that ignore case already (keywords, letters, end and start phrases)
_CASE_NOTE = re.compile(r"\s*(?:,\s*|\(\s*)(?:ignoring case|case[- ]insensitive(?:ly)?|in any case|regardless of case|upper or lower case)\s*\)?(?=\s*(?:[.;,?]|$|is\b|are\b))", _I)

# a totality adverb between a list's cue and its colon: 'avoid the following words entirely: a, b'
_ADVERB_COLON = re.compile(r"\s+(?:entirely|completely|altogether|at all|whatsoever|in full|throughout)\s*:", _I)

# the ISO code of a named language: 'Russian (ISO code ru)', 'Hindi (hi)', 'German (ISO 639-1: de)'
_LANG_CODE = re.compile(r"\b(?P<name>[a-z]+)\s*\(\s*(?:(?:iso(?:[- ]?639(?:-1)?)?|language)\s*)?(?:code\s*)?[:=]?\s*[\"'`]?(?P<code>[a-z]{2})[\"'`]?\s*\)", _I)

# label forms: 'Minimum length: 600 words', 'Max word count: 100', "'knot': at least 2 occurrences"
_LENGTH_LABEL = re.compile(r"^\s*(?:(?:the\s+)?(?:response|answer|reply|output)(?:'s)?\s+)?(?P<rel>minimum|min\.?|maximum|max\.?)\s+"
                           r"(?:length|size|word count|word length|number of words)\s*(?:[:=-]|is)\s*(?P<n>\d[\d,]*)\s+words?\s*\.?\s*$", _I)
_COUNT_LABEL = re.compile(r"^\s*(?P<q>\"[^\"\n]{1,60}\"|'[^'\n]{1,60}'|\u201c[^\u201d\n]{1,60}\u201d)\s*(?::|-|\u2014)\s*"
                          r"(?P<count>(?:[a-z]+\s+){0,3}\d[\d,]*)\s+(?:occurrences?|times|mentions?|uses|appearances?|instances?)"
                          r"(?:\s+in (?:the|this) (?:response|answer|reply|output|text))?\s*\.?\s*$", _I)


def undecorate(text: str) -> Tuple[Optional[str], List[str]]:
    """(text with its decorations read off, the reasons cut off); (None, []) when a decoration contradicts
    the requirement (a language code that is not the named language's)."""
    for m in _LANG_CODE.finditer(text):
        name = m.group("name").lower()
        if name in LANGUAGES:
            if LANGUAGES[name] != m.group("code").lower():
                return None, []
            text = text[:m.start()] + m.group("name") + text[m.end():]
            break
    m = _LENGTH_LABEL.match(text)
    if m:
        rel = "at least" if m.group("rel").lower().startswith("min") else "at most"
        text = f"The response has {rel} {m.group('n')} words."
    m = _COUNT_LABEL.match(text)
    if m:
        q = m.group("q")
        text = f"The response uses {q} {m.group('count')} times."
    # 'the second one' is the second of the units named last ('... 4 paragraphs ... began the 2 one with')
    m = re.search(r"\b(the|its)\s+(\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+one\b", text, _I)
    if m:
        units = re.findall(r"(?<!blank )(?<!empty )(?<!new )\b(paragraph|sentence|section|line|bullet|item)s\b", text[:m.start()], _I)
        if units and len({u.lower() for u in units}) == 1:
            text = text[:m.start()] + f"{m.group(1)} {m.group(2)} {units[0].lower()}" + text[m.end():]
    # the bracket form named in brackets: 'Placeholders in [square brackets]'
    text = re.sub(r"\[((?:square |angle |curly )?brackets?)\]", r"\1", text, flags=_I)
    # an answer among options: 'includes the phrase "A", "B", or "C" as its answer'
    text = re.sub(r"(?<=[\"\u201d])\s+as (?:its|the|your) (?:final |only |whole |entire )?(?:answer|reply|verdict)(?=\s*[.?]?\s*$)", "", text, flags=_I)
    # a lone double quote named as what the response starts or ends with: 'starts with " and ends with "'
    text = re.sub(r"(?<=\bwith )[\"\u201c\u201d](?=\s+and\b|\s*[.,;]?\s*$)", "a double quote", text)
    reasons: List[str] = []
    out = []
    # decorations are read outside quotations only
    spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    pieces, prev = [], 0
    for a, b in spans:
        pieces.append(("t", text[prev:a]))
        pieces.append(("q", text[a:b]))
        prev = b
    pieces.append(("t", text[prev:]))
    for i, (kind, s) in enumerate(pieces):
        if kind == "t":
            s = _EVEN.sub("", _EVEN.sub("", s))
            s = _SPAN.sub("from start to finish", s)
            s = _NOTHING_AFTER.sub(", with nothing after it", s)
            s = _CASE_NOTE.sub("", s)
            s = _ADVERB_COLON.sub(":", s)
            if i == len(pieces) - 1:
                r = _REASON.search(s)
                if r is not None and (r.start() > 0 or i > 0):
                    reasons.append(r.group("reason"))
                    s = s[:r.start()] + "."
        out.append(s)
    text = "".join(out)
    text = re.sub(r"\s+([.;,?])", r"\1", text)
    text = re.sub(r"([.?!])\s*\.$", r"\1", text.strip())
    return text, reasons
