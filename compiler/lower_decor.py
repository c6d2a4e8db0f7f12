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
from rubricc.compiler.lower_penalty import penalised

_I = re.IGNORECASE

# a reason or purpose ending the criterion: ', so that ...', '; this ensures ...', ', in order to ...'
_REASON = re.compile(
    r"(?<!\s)\s*[,;]\s*(?:(?:so that|so as to|so|in order (?:to|that)|to (?:ensure|make sure|guarantee|satisfy|meet|comply with|honou?r|respect|keep|avoid)|"
    r"which (?:ensures|means|keeps|makes|satisfies|guarantees)|(?:this|that) (?:ensures|means|keeps|makes|satisfies|guarantees)|ensuring|"
    r"as (?:required|requested|instructed|asked|specified|demanded)|per the (?:instructions?|request|prompt|user))\b)"
    r"(?P<reason>[^\"\u201c\u201d]*)$", _I)

# a reason given a label of its own after the requirement ('... in it. Reason: to preserve the approved finish.')
_REASON_LABEL = re.compile(r"(?<=[.!?])\s+(?:reason|rationale|purpose|motivation)\s*:\s*(?P<reason>[^\"\u201c\u201d:]*)$", _I)

# the bound restated as met: ', meeting the stipulated minimum', ', staying below the required cap' (the bound the
# criterion already states; a bound with a figure of its own is no restatement and stays)
_MET_BOUND = re.compile(r"(?<!\s)\s*,\s*(?:thereby\s+|so\s+)?(?:meeting|satisfying|reaching|honou?ring|respecting|clearing|(?:staying|keeping|"
                        r"remaining)\s+(?:below|under|within))\s+the\s+(?:stipulated|specified|required|requested|stated|given|set)\s+"
                        r"(?:minimum|maximum|cap|limit|floor|ceiling|threshold|bound)(?=\s*[.]?\s*$)", _I)

# a clause that only broadens the scope: 'not even in headings or quoted text', 'even at the start of
# sentences and in names', 'not even once' (never 'even though' / 'even if', which set a condition)
_EVEN = re.compile(r"(?<!\s)\s*(?:[,;]\s*)?(?:and\s+)?(?:not\s+)?even\s+(?:once|one time|a single time|at all|(?:in|at|inside|within|on|for)\s+[^.;,\"\u201c()]*"
                   r"(?:,\s*(?:and|or)\s+(?:in|at|inside|within|on|for)\s+[^.;,\"\u201c()]*)*)(?=\s*(?:[.;?!,)]|$))", _I)

_EVEN_PAREN = re.compile(r"(?<!\s)\s*\(\s*(?:and\s+)?(?:not\s+)?even\s+(?:once|in|at|inside|within|on|for)\b[^()\"\u201c]*\)", _I)
# '(no further text)', '(nothing else)': exactness of an end phrase restated in parentheses
_NOTHING_PAREN = re.compile(r"(?<!\s)\s*\(\s*(?:and\s+)?(?:nothing(?:\s+else)?|no (?:further|other|more|additional|extra|trailing) (?:words?|text|content|characters?))"
                            r"(?:\s+(?:after(?:wards)?|following|may follow|should follow|must follow|can follow|follows))?\s*\)", _I)
# the end phrase as the subject: 'The phrase "X" is the last thing in the response', '"X" comes at the very end'
_END_SUBJECT = re.compile(r"^\s*(?:the\s+)?(?:(?:exact|closing|final)\s+)?(?:(?:phrase|sentence|words?|line|text)\s+)?(?P<q>\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d)\s+"
                          r"(?:is|are|comes?|appears?|must be|should be|sits?|is placed|is written)\s+(?:(?:the\s+)?(?:very\s+)?(?:last|final)\s+(?:thing|words?|text|line|sentence|part)"
                          r"|at the (?:very\s+)?end)\s+(?:in|of)\s+the\s+(?:response|answer|reply|output)(?=\s*(?:[.,;]|$))", _I)
# a label for the end phrase: 'Ending: "X"', 'Closing phrase: "X"'
_END_LABEL = re.compile(r"^\s*(?:ending|end|ends with|closing(?: phrase| line| words)?|end phrase|final phrase|sign-?off)\s*:\s*(?=[\"\u201c])", _I)
# an unquoted word list read as data: 'the words bad, ugly and evil are absent', 'the forbidden words (bad, ugly, evil)'
_PLAIN_LIST = re.compile(r"\b(?P<cue>(?:key ?words|words|terms))\s+(?P<open>\(\s*)?(?P<list>[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)*\s*,?\s+(?:and|or)\s+[a-z][\w'-]*"
                         r"|[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)+(?=\s*\)))(?(open)\s*\))(?=\s+(?:are|is|must|should|do|does|never|all|both|each|appear|remain|stay|may|can|will)\b)", _I)
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "those", "it", "its", "is", "are", "be",
         "for", "with", "as", "by", "from", "which", "who", "their", "they", "them", "you", "your", "not", "any", "used", "given",
         "listed", "above", "below", "mentioned", "provided", "specified", "such", "other", "all", "both", "each", "same"}

# whole-response scope said in other words: made the phrase the rules read ('from start to finish')
_SPAN = re.compile(r"\bfrom (?:the |its )?(?:very )?(?:first|opening|start|beginning|top)(?: (?:character|letter|word|line|symbol))? "
                   r"(?:to|through|until) (?:the |its )?(?:very )?(?:last|final|closing|end|finish|bottom)(?: (?:one|character|letter|word|line|symbol))?\b", _I)

# exactness of an end phrase restated: '(nothing after)', 'and wrote nothing after that', '; no further words
# come after it', 'with no more text following', '(no text after it)'
_NOTHING_AFTER = re.compile(
    r"(?<!\s)\s*(?:[,;]\s*|\(\s*)?(?:(?:and|with)\s+)?(?:(?:the response\s+|it\s+|you\s+)?(?:wrote|writes|write|adds?|added|puts?|includes?|included|"
    r"has|had|says?|said|there (?:is|are|was|were))\s+)?"
    r"(?:nothing|no (?:(?:further|other|more|additional|extra|following|trailing) )?(?:words?|text|content|characters?|sentences?|lines?)"
    r"|not (?:another|a single|one more|one) (?:words?|thing|character))(?:\s+else)?"
    r"(?:\s+(?:comes?|came|follows?|followed|appears?|is|are|was|were)(?:\s+(?:written|added|included|placed))?)?"
    r"\s+(?:after(?:wards)?|following|beyond|past)(?:\s+(?:it|this|that|them|those|these|(?:the|this|that) (?:phrase|sentence|line|quote)|those words))?\s*\)?"
    r"(?=\s*(?:[.;]|$))", _I)

# a note on case for checks that ignore case already (keywords, letters, end and start phrases); the two cases named
# together ('capitals or lowercase both count', 'in any mix of upper and lower case', 'big ones and small ones alike',
# 'capital or small letters, either is fine'), one case 'or otherwise', both denied ('not in capitals, not in lowercase')
_UP = r"(?:upper ?case|upper|capitals?|capital letters?|caps|big(?: letters| ones)?|great letters|tall letters|the big ones)"
_LOW = r"(?:lower ?case|lower|small(?: letters| ones)?|little(?: letters| ones)|the small ones)"
CASE_PAIR = (rf"(?:(?:in|with|written in|whether in)\s+)?(?:(?:any|a) mix of\s+)?(?:{_UP}\s*(?:,|and|or)\s*(?:the\s+)?{_LOW}|{_LOW}\s*(?:,|and|or)\s*(?:the\s+)?{_UP})"
              r"(?:\s+(?:letters|case|forms?))?(?:\s*,?\s*(?:(?:are|is)\s+)?(?:alike|together|both\s+count(?:ed)?|counted(?:\s+(?:together|alike))?|"
              r"(?:both|either)(?:\s+one)?\s+(?:is|are)\s+fine|either\s+(?:one\s+)?counts|(?:either\s+way|both)\s+counts?))?")
_CASE_OTHER = rf"(?:in\s+)?{_UP}\s+or\s+otherwise|not\s+in\s+{_UP}\s*,?\s*(?:and\s+|or\s+|nor\s+)?not\s+in\s+{_LOW}|{_UP}\s+included"
_CASE_NOTE = re.compile(r"(?<!\s)\s*(?:,\s*|\(\s*|;\s*)(?:(?:counted|counting|matched|compared)\s+)?(?:" + CASE_PAIR + "|" + _CASE_OTHER + r"|ignoring case|(?:the\s+)?match(?:ing)?\s+(?:ignores|disregards)\s+(?:letter\s+)?case|case[- ]insensitive(?:ly)?|in any case|"
                        r"regardless of case|irrespective of case|without regard to case|in any (?:letter )?case|case not counted|(?:whether\s+)?(?:capital|upper ?case|big|tall) or (?:small|lower ?case)|(?:whether\s+)?(?:small|lower ?case) or (?:tall|big|capital|upper ?case)|in any capitali[sz]ation|upper or lower case|(?:caps|capitals?|capital letters) or not|caps count(?:ed)? too|"
                        r"(?:upper|capital|big|great)(?: ?case)? (?:and|or) (?:lower|small)(?: ?case)?(?: forms?| letters?)?(?: (?:(?:are|is) )?(?:alike|together|both counted|both counting|counted together|counted alike|both count|counted))?)"
                        r"\s*\)?(?=\s*(?:[.;,?!]|:\s|$|is\b|are\b))", _I)

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


# a rubric item's label: 'Essential Criteria: ...', 'Criterion 3: ...', 'Requirement: ...' (a pitfall label
# names what a response must not do: never lowered)
_ITEM_LABEL = re.compile(r"^\s*(?:(?:essential|important|required|mandatory|optional|key|hard|format(?:ting)?)\s+)?"
                         r"(?:criteria|criterion|requirements?|constraints?|rubric item|check(?:list item)?)\s*(?:#?\d+)?\s*[:.-]\s*(?=\S)", _I)
_PITFALL = re.compile(r"^\s*(?:(?:pitfalls?|penalt(?:y|ies)|penali[sz]e|negative|deductions?|deduct|red flags?|bad|wrong|incorrect|fail(?:ure|s)?|"
                      r"undesirable|unacceptable|not acceptable|anti-?patterns?|mistakes?|errors?)\b[^:]{0,30}"
                      r"|[\u2717\u2718\u274c\u274e]\s*[^:]{0,30}|0|zero|-\s*\d+)\s*(?:points?|marks?)?\s*:", _I)

# a criterion that opens by penalising ('Penalize responses that are not entirely in lowercase', 'Deduct a point when
# ...'): what it names is the mistake, met when the response makes it (a negative-form rubric item, given a negative
# weight), never the requirement. The mistake said as a condition on the response is the criterion ('Penalize if the
# response uses even one comma' is met when the response has a comma: :mod:`rubricc.compiler.lower_penalty`); any other
# form is never lowered
_PENALISES = re.compile(r"^\s*(?:penali[sz]e[sd]?|punish(?:es)?|deduct(?:s)?|dock(?:s)?|downgrade[sd]?|down-?rank(?:s)?|mark\s+down)\b", _I)
# RaR's pitfall label over a pitfall phrased as what to avoid ('Pitfall Criteria: Does not use commas'): the item is met
# when the response avoids it, as the importer reads a RaR record (the label cut off, the weight kept), so the label is
# no penalty; over a pitfall phrased as the mistake itself ('Pitfall Criteria: Uses commas') it stays one
_RAR_AVOIDS = re.compile(r"^\s*pitfall\s+criteri(?:a|on)\s*:\s*(?=(?:does|do)\s+not\b|doesn't\b|never\b|avoids\b|refrains\b|"
                         r"(?:contains|has|uses|includes)\s+no\b)", _I)


def rar_avoids(text: str) -> Optional[str]:
    """The body of a RaR pitfall item phrased as what to avoid ('Pitfall Criteria: Does not ...' -> 'Does not ...'), else None."""
    m = _RAR_AVOIDS.match(text)
    return text[m.end():] if m else None


# exactness restated at the end: ' - exactly like that', ', written exactly as shown', ', word for word'
_EXACT_TAIL = re.compile(r"\s*[-\u2013\u2014,;]\s*(?:(?:written|spelled|given|used)\s+)?(?:exactly|verbatim|word for word|word-for-word|character for character)"
                         r"(?:\s+(?:like|as)\s+(?:that|this|shown|given|written|above|listed))?\s*[.!]?\s*$", _I)
# the form of a markdown bullet shown in parentheses: '(lines starting with * or -)', "(lines beginning with '* ')"
# (set 53: '(* or -)' alone, ', being lines that begin with * or -,')
_BULLET_FORM = re.compile(r"(?:(?<=\bbullets)|(?<=bullet points)|(?<=bullet items))(?:\s*\((?:i\.e\.,?\s*|e\.g\.,?\s*)?(?:lines?|items?|entries)\s+"
                          r"(?:starting|beginning|that start|that begin)\s+with\s+[^()]{1,40}\)|\s*\(\s*[*-]\s+or\s+[*-]\s*\))"
                          r"|(?:(?<=bullet points of the reply)|(?<=bullet points of the response))\s*,\s*being\s+(?:lines?|items?)\s+that\s+"
                          r"(?:start|begin)\s+with\s+[*-]\s+or\s+[*-]\s*,"
                          # (set 54: 'in markdown bullet points, lines starting with * or -, and the count was 3')
                          r"|(?<=bullet points)\s*,\s*(?:lines?|items?)\s+(?:starting|beginning|that\s+start|that\s+begin)\s+with\s+[*-]\s+or\s+[*-]\s*(?=,)", _I)
# a negation restated at the end of a negated criterion: ', none of them', ', not a single one of them'
# (set 53: ', none of those words at all')
_NONE_OF_THEM = re.compile(r"\s*[,;:]\s*(?:(?:and\s+)?none of (?:them|th[eo]se(?:\s+words)?)|not (?:a single |even )?one of (?:them|th[eo]se(?:\s+words)?)|"
                           r"not any of (?:them|th[eo]se(?:\s+words)?))(?:\s+(?:appears?|occurs?|"
                           r"is\s+used|shows\s+up|turns\s+up)(?:\s+anywhere)?(?:\s+in\s+(?:it|the\s+(?:response|text|answer|reply)))?(?:\s+anywhere)?)?"
                           r"(?:\s+at\s+all)?\s*(?=[.!]?\s*$)", _I)
# each of a list restated at the end of an inclusion: ', every one of them at least once'
_EACH_ONCE = re.compile(r"\s*,\s*(?:and\s+)?(?:every|each)\s+(?:single\s+)?(?:one\s+)?of\s+them\s+(?:at\s+least\s+once|present|included)\s*(?=[.!]?\s*$)", _I)
_INCLUSION_HEAD = re.compile(r"\b(?:includes?|uses?|contains?|mentions?|incorporates?|features?)\s+(?:each|every(?:\s+one)?|all)\s+of\s+the\s+"
                             r"(?:listed\s+|specified\s+|required\s+|given\s+)?(?:key\s?words|words|terms)\b", _I)
_NEGATED_HEAD = re.compile(r"\b(?:not|never|no|none|without|avoids?|avoiding)\b|n't\b", _I)
# ', every one of them' after a list left out or put in: the scope the list already has ('leave the words "a" and "b"
# out of your reply, every one of them')
_EVERY_ONE = re.compile(r"\s*,\s*(?:and\s+)?(?:every|each)\s+(?:single\s+)?one\s+of\s+them\s*(?=[.!]?\s*$)", _I)
_LIST_HEAD = re.compile(r"\b(?:leav(?:e|es|ing)|keep(?:s|ing)?)\b.*\bout\b|\b(?:omit(?:s|ting)?|exclud(?:e|es|ing)|avoids?|avoiding|"
                        r"includes?|including|uses?|using|contains?)\b", _I)

_MAX_CHARS = 800


# a count negated as a whole: 'Does not contain 10 or more words in all caps' is fewer than 10, 'Does not use more than 3
# bullets' at most 3; one object and one count (no 'and' / 'or' beside it), else left as it is
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_NEGATED_COUNT = re.compile(
    r"^(?:the\s+(?:response|reply|answer|output)\s+)?(?:does\s+not|doesn't|never)\s+(?P<verb>contain|have|use|include|let)\s+"
    r"(?P<mid>(?:[^.;:,()\"'\u201c\d]|\"[^\"\n]{1,60}\"|'[^'\n]{1,30}'|\u201c[^\u201d\n]{1,60}\u201d){0,80}?)"
    r"(?:(?P<n1>" + _NUM + r")\s+or\s+more|(?P<rel>more\s+than|fewer\s+than|less\s+than|at\s+least)\s+(?P<n2>" + _NUM + r"))\b"
    r"(?P<rest>[^.;:,()\"'\u201c]*(?:\([^()]{0,80}\))?\s*[.!]?\s*)$", _I)
_FLIPPED = {"more than": "at most", "fewer than": "at least", "less than": "at least", "at least": "fewer than"}


def _negated_count(text: str) -> str:
    m = _NEGATED_COUNT.match(text)
    if m is None:
        return text
    said = m.group("mid") + " " + re.sub(r"\([^()]*\)", " ", m.group("rest"))  # a note in brackets is the rules' to read
    if re.search(r"\b(?:and|or|not|no|never|nor|but)\b", QUOTE_RE.sub(" ", said), _I):
        return text
    rel = "fewer than" if m.group("n1") else _FLIPPED[re.sub(r"\s+", " ", m.group("rel").lower())]
    count = f"{rel} {m.group('n1') or m.group('n2')}"
    if m.group("verb").lower() == "let":  # 'Does not let the character 'i' appear 3 or more times'
        what = re.match(r"(?P<x>.+?)\s+appear\s+$", m.group("mid"), _I)
        return f"{what.group('x')[:1].upper()}{what.group('x')[1:]} appears {count}{m.group('rest')}" if what else text
    verb = {"have": "has"}.get(m.group("verb").lower(), m.group("verb").lower() + "s")
    return f"The response {verb} {m.group('mid')}{count}{m.group('rest')}"


def undecorate(text: str) -> Tuple[Optional[str], List[str]]:
    """(text with its decorations read off, the reasons cut off); (None, []) when a decoration contradicts
    the requirement (a language code that is not the named language's) or names the criterion a pitfall."""
    if len(text) > _MAX_CHARS:
        return text, []  # longer than any criterion lowered (the driver's limit): read as it is, in bounded time
    avoids, mistake = rar_avoids(text), penalised(text)
    if avoids is not None:
        text = avoids
    elif mistake is not None:
        text = mistake
    elif _PITFALL.match(text) or _PENALISES.match(text):
        return None, []
    text = _ITEM_LABEL.sub("", text, count=1)
    text = text[:1].upper() + text[1:]
    text = _negated_count(text)
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
    text = _BULLET_FORM.sub("", text)
    m = _END_SUBJECT.match(text)
    if m:
        text = f"The response ends with {m.group('q')}" + text[m.end():]
    text = _END_LABEL.sub("The response ends with ", text)
    m = _PLAIN_LIST.search(text)
    if m and not QUOTE_RE.search(text):
        items = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s*,?\s+(?:and|or)\s+", m.group("list")) if w]
        joiner = " or " if re.search(r"\bor\b", m.group("list"), _I) else " and "
        if len(items) >= 2 and not any(w.lower() in _STOP for w in items):
            listed = ", ".join(f'"{w}"' for w in items[:-1]) + joiner + f'"{items[-1]}"'
            text = text[:m.start("list") - (len(m.group("open") or ""))] + listed + text[m.end():]
    # where a divider goes is not a count: 'between every two adjacent paragraphs' is 'between paragraphs'
    text = re.sub(r"\bbetween (?:each|every|any|all) (?:pair of |two |2 )?(?:(?:neighbou?ring|adjacent|consecutive|successive) )?(paragraphs|sections)\b",
                  r"between \1", text, flags=_I)
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
            s = _EVEN.sub("", _EVEN.sub("", _EVEN_PAREN.sub("", s)))
            s = _NOTHING_PAREN.sub(", with nothing after it", s)
            s = _SPAN.sub("from start to finish", s)
            s = _NOTHING_AFTER.sub(", with nothing after it", s)
            s = _CASE_NOTE.sub("", s)
            s = _ADVERB_COLON.sub(":", s)
            if i == len(pieces) - 1:
                s = _EXACT_TAIL.sub("", s)  # 'one of: A. / B. - exactly like that'
            restated = _NONE_OF_THEM.search(s) if i == len(pieces) - 1 else None
            if restated and _NEGATED_HEAD.search("".join(out) + s[:restated.start()]):
                s = s[:restated.start()]  # 'does not use the words a, b, none of them': the negation restated
            if i == len(pieces) - 1 and spans and _LIST_HEAD.search(QUOTE_RE.sub(" ", "".join(out) + s)):
                s = _EVERY_ONE.sub("", s)
            if i == len(pieces) - 1 and _INCLUSION_HEAD.search("".join(out) + s):
                s = _EACH_ONCE.sub("", s)  # 'includes each of the keywords "a", "b", every one of them at least once'
            if i == len(pieces) - 1:
                s = _MET_BOUND.sub("", s)
                r = _REASON.search(s) or _REASON_LABEL.search(s)
                if r is not None and (r.start() > 0 or i > 0):
                    reasons.append(r.group("reason"))
                    s = s[:r.start()] + "."
        out.append(s)
    text = "".join(out)
    text = re.sub(r"\s+([.;,?])", r"\1", text)
    text = re.sub(r"([.?!])\s*\.$", r"\1", text.strip())
    return text, reasons
