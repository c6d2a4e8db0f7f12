"""Vetoes of the nearest-phrasing stage (:mod:`rubricc.compiler.lower_nearest`): what a typed extractor
must not read as its family's check, whatever the nearest phrasing says.

Each veto is a general reading rule, not a list of known criteria: a criterion that trips one stays neural.
:func:`veto` is called with the criterion less its decorations, its lower-cased form and that form with the
quotations blanked (``unquoted``, the criterion's own words). The coarse vetoes (a condition, vague wording,
a part of the response, a cue of another family) apply to every family; the family vetoes say what the one
check can express (a whole-response quotation, JSON as the whole response, all-caps words, markdown
highlights, an exhaustive word list, one count). :func:`plain` removes, before those vetoes read the
criterion, the words they would misread: idioms ('separated from each other', 'no more and no fewer'), a
case-insensitivity note where the check ignores case anyway, and a family's own words about itself.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_keywords import some_missing
from rubricc.compiler.lower_parse import CASE_INCLUDED, CASE_SCOPE, CONDITION_PHRASES, LANGUAGE_SAID, LANGUAGES, _symbols_to_words, languages_named

# a condition, an exception or a comparison the check cannot express
CONDITION = re.compile(r"\b(?:unless|except|excepting|other than|apart from|if|when|whenever|only when|otherwise|" + CONDITION_PHRASES + "|"
                       r"but|however|although|though|while|whereas|at least one of|either|compared|than the|"
                       r"more than the|approximately|about|around|roughly|nearly|almost|ideally|preferably|mostly|"
                       r"generally|largely|mainly|some of|most of)\b", re.IGNORECASE)
# wording about relevance, correctness or form beyond what the check measures
VAGUE = re.compile(r"\b(?:relat\w*|relevan\w*|proper\w*|format\w*|consistent\w*|demonstrat\w*|understand\w*|"
                   r"quality|good|well|better|best|poor\w*|strong|weak|valid(?!\s+json)|meaningful|naturally|smooth\w*|"
                   r"specific|specified|required|directly|relevant|topic|content|context|"
                   r"ideas?|features?|requirements?|details?)\b", re.IGNORECASE)
# a part of the response: the check reads the whole response
PART = re.compile(r"\b(?:each|every|per|first|second|third|last|final|opening|closing|beginning|start|end|title|"
                  r"open|opens|begin|begins|starts|ends|ending|"
                  r"heading|headings|header|introduction|intro|conclusion|summary|table|code|bullet|bullets|list|"
                  r"paragraph|paragraphs|sentence|sentences|section|sections|line|lines|item|items|step|steps|"
                  r"subject line|signature|caption|quote|quotes|dialogue)\b", re.IGNORECASE)
# parts of the response a family's own criterion names legitimately
OWN_PARTS = {
    "sentence_count": {"sentence", "sentences"}, "paragraph_count": {"paragraph", "paragraphs"},
    "bullet_count": {"bullet", "bullets", "list", "item", "items"}, "section_count": {"section", "sections"},
    "ends_with": {"end", "ends", "ending", "last", "final", "closing"},
    # 'begins and ends with "', 'the first and last characters are "'
    "wrapped_in_quotes": {"start", "starts", "begin", "begins", "end", "ends", "beginning", "quote", "quotes", "first", "last"},
    "postscript": {"end", "beginning", "begins", "start", "starts"},  # 'a postscript beginning with "P.S."'
    "has_title": {"title"}, "is_json": {"code"}, "two_responses": set(),
    "highlighted_sections": {"section", "sections"},
}
FOREIGN = {  # strong cues of another check: their presence means a second constraint
    "json": r"\bjson\b", "comma": r"\bcommas?\b", "case": r"\blower[- ]?case\b|\bupper[- ]?case\b|\ball[- ]caps\b",
    "title": r"<<|angular", "ps": r"\bp\.\s?(?:p\.\s?)?s\b|postscript", "divider": r"\*\*\*", "quote": r"\bquotation",
    "lang": r"\b(?:" + "|".join(n for n in LANGUAGES if n != "english") + r")\b",
}
OWN_FOREIGN = {
    "is_json": {"json", "quote"}, "no_commas": {"comma"}, "all_lowercase": {"case", "lang"}, "all_uppercase": {"case", "lang"},
    "has_title": {"title"}, "postscript": {"ps"}, "paragraph_count": {"divider"}, "two_responses": {"divider"},
    "wrapped_in_quotes": {"quote"}, "response_language": {"lang"}, "capital_word_frequency": {"case"},
}

# --- general reading rules, each a reason to stay neural ---------------------------------------------

# a quotation that opens or closes on a space is a quote mark as a character ('opens with " and closes
# with "'), not quoted data: what lies between the marks is the criterion's own words
_QUOTATION = re.compile(r"\"([^\"\n]*)\"|\u201c([^\u201d\n]*)\u201d")  # paired left to right
# the two cases named together ('no uppercase or lowercase distinction'): a criterion about case, not one case
_BOTH_CASES = re.compile(r"\b(?:upper|lower)[- ]?case\s*(?:or|and|nor|/|and/or|vs\.?|versus)\s*(?:upper|lower)[- ]?case\b|"
                         r"\bmix\w* (?:of )?(?:upper|lower)", re.IGNORECASE)
# one case named and the other too, anywhere ('set entirely in capitals; lower-case letters are not
# permitted'): the stage's vote cannot tell which case is asked for and which forbidden (blind set 6 gave
# all_lowercase for exactly that sentence), so a case check with both named is the rules' to read or neural
_UPPER_WORD = re.compile(r"\bupper[- ]?case\b|\bcapital(?:s|i[sz]\w*)?\b|\ball[- ]caps\b|\bcaps\b|\bblock (?:letters|capitals)\b",
                         re.IGNORECASE)
_LOWER_WORD = re.compile(r"\blower[- ]?case\b|\bsmall letters?\b|\bminuscule\b|\bnon-?capital", re.IGNORECASE)
# a case word is forbidden when a negation comes shortly before it ('with no capital letters', 'without any
# uppercase') or a ban right after it ('lower-case letters are not permitted')
_NEG_BEFORE = re.compile(r"\b(?:no|not|nor|without|zero|never|avoid\w*|free of|refrain\w*|forbid\w*|ban\w*)\b[^.;:,]{0,24}$|n't\b[^.;:,]{0,24}$"
                         # or a negated subject opening the clause ('No part of the response contains lowercase
                         # letters', 'None of the response is in lowercase', 'Not a single letter is lowercase')
                         r"|(?:^|[.;:]\s*)(?:no\s+(?:\w+\s+){0,2}(?:of|in)\b|none\s+of\b|not\s+(?:a\s+single|one|any)\b|nothing\s+in\b)[^.;:]*$",
                         re.IGNORECASE)
_BAN_AFTER = re.compile(r"^(?:\s+letters?|\s+characters?)?\s*(?:(?:are|is|being)\s+)?(?:(?:not|never)\s+(?:permitted|allowed|accepted|used|ok|okay)|"
                        r"forbidden|banned|prohibited|disallowed)\b"
                        # an inspector's tally: 'Capital letters found in the reply: none'
                        r"|^(?:\s+letters?|\s+characters?)?(?:\s+(?:found|spotted|counted|seen|present|used))?"
                        r"(?:\s+(?:in|on)\s+(?:it|(?:the|its|this)\s+\w+))?\s*:\s*(?:none|0|zero|nil|not\s+one)\b", re.IGNORECASE)


# a case not asked of the whole response: letters of a case said present ('contains lowercase letters'), or the whole
# negated ('is not entirely in lowercase', 'not all caps')
_PARTIAL_CASE = re.compile(r"\b(?:contains?|has|have|uses?|includes?|there\s+(?:is|are))\s+(?:some|any|a\s+few|at\s+least\s+one|one\s+or\s+more|an?)?\s*"
                           r"(?:upper ?case|upper-case|lower ?case|lower-case|capital|small)\s+(?:letters?|characters?)"
                           r"|\bnot\s+(?:\w+\s+){0,2}(?:entirely|completely|fully|wholly|all|only|exclusively|100%)\b", re.IGNORECASE)


def required_case(unquoted: str) -> Optional[str]:
    """The case a criterion asks the whole response to be in, from the case words it names and which of them it
    forbids: 'upper' or 'lower' when the words agree ('lowercase only, no capital letters'; 'set in capitals;
    lower-case letters are not permitted'; 'no uppercase letters' alone is lowercase), None when they do not
    say one case (both asked for, both forbidden, or none named)."""
    asked, banned = set(), set()
    for case, rx in (("upper", _UPPER_WORD), ("lower", _LOWER_WORD)):
        for m in rx.finditer(unquoted):
            neg = _NEG_BEFORE.search(unquoted[:m.start()]) or _BAN_AFTER.match(unquoted[m.end():])
            (banned if neg else asked).add(case)
    if banned & asked or len(asked) > 1 or len(banned) > 1:
        return None
    if asked:
        return next(iter(asked)) if not banned or banned != asked else None
    if banned:
        return "lower" if banned == {"upper"} else "upper"
    return None
# a property asked of named content ('uppercase words for the drug names'): a scope the check cannot see
_WHOLE = r"(?:(?:whole|entire|full|complete)\b|(?:response|answer|reply|output|text|message|writing)\b)"
_FOR_SCOPE = re.compile(rf"\bfor (?:the|all|each|every|its|their|any|some|these|those)\s+(?!{_WHOLE})[a-z]", re.IGNORECASE)
# a template slot for the writer to fill ('[Name]', '{name}', '<your name>'): not the exact words
_SLOT = re.compile(r"\[[^\[\]]+\]|\{[^{}]+\}|(?<!<)<[^<>]+>(?!>)")

# wrapped_in_quotes: what is put in quotes must be the whole response ('puts the drug names in double
# quotes', 'the entire quote is in quotes' are about a part)
_WHOLE_THING = re.compile(rf"^(?:the |its |your |their |his |her |my )?(?:(?:whole|entire|full|complete|final)\s+)?"
                          rf"(?:response|answer|reply|output|text|message|writing|piece|it|everything|all of it|all)$")
_QUOTE_VERB_OBJECT = re.compile(r"\b(?:puts?|putting|wraps?|wrapping|wrapped|encloses?|enclosing|places?|placing|surrounds?|"
                                r"surrounding|sets?|keeps?|writes?|writing|renders?|presents?|gives?)\s+(?P<obj>[a-z' -]{1,60}?)\s+"
                                r"(?:in|inside|within|between|into|with|by)\s+(?:a pair of\s+|\w+\s+)?(?:double\s+|single\s+)?"
                                r"(?:quot|\")", re.IGNORECASE)
_QUOTES_AROUND = re.compile(r"\b(?:quot\w*(?: marks?)?|\")\s+(?:around|round|about)\s+(?P<obj>[a-z' -]{1,60}?)(?=[,.;:?!]|$| so\b| from\b)",
                            re.IGNORECASE)
_QUOTE_SUBJECT = re.compile(r"^(?P<obj>[a-z' -]{1,60}?)\s+(?:is|are|was|were|sits?|appears?|stays?)\s+(?:\w+\s+){0,2}?"
                            r"(?:in|inside|within|enclosed|wrapped|surrounded|placed|put|quoted|between)\b", re.IGNORECASE)

# is_json: JSON that is one thing in the response ('includes a JSON example'), not the response
_JSON_INSIDE = re.compile(r"\b(?:includ|contain|provid|giv|show|add|embed|attach|offer|present|has|have|with)\w*\s+"
                          r"(?:a|an|one|some|any|the following)\b(?:\s+[\w-]+){0,2}?\s+json\b|(?<!for )\bexamples?\b|"
                          r"\b(?:samples?|snippets?|excerpts?|fragments?|schema|field|fields|keys?|request|payload)\b", re.IGNORECASE)

# capital_word_frequency: IFEval counts words in all capital letters; 'capitalized words', 'words
# starting with capital letters' are words with an initial capital
_ALL_CAPS_CUE = re.compile(r"\ball[- ]?caps\b|\ball[- ](?:capital|upper)|\ball capitals\b|\ball (?:of )?(?:its |the )?letters\b|"
                           r"\bfully\b|\bentirely\b|\bevery letter\b|\bupper[- ]?case\b|\bblock capitals\b|\bshouting\b",
                           re.IGNORECASE)
_INITIAL_CAPITAL = re.compile(r"\b(?:start\w*|begin\w*|open\w*|lead\w*)\s+with\b|\binitial\b|\bfirst letters?\b|\btitle[- ]case\b",
                              re.IGNORECASE)

# highlighted_sections: IFEval counts markdown *highlights*; 'sections are highlighted' alone may be colour,
# bold headings or a summary of key points
_MARKDOWN_CUE = re.compile(r"\bmarkdown\b|\*|\basterisks?\b|\bitalic\w*\b|\bemphas\w*\b", re.IGNORECASE)

# keyword lists: words given as examples of a class ('avoids words like "cure"') are no exhaustive list
_EXAMPLES = re.compile(r"\b(?:like|such as|similar|e\.g|for example|for instance|including|etc|kinds? of|types? of|"
                       r"sorts? of|synonyms?|variants?|variations?|forms? of|related)\b", re.IGNORECASE)
# a negated absence is a presence (or nothing): '"x" is not absent', 'not free of'
_NOT_ABSENT = re.compile(r"\b(?:not|n't|never)\s+(?:be\s+|been\s+|being\s+)?(?:absent|missing|avoided|excluded|omitted|left out|"
                         r"banned|forbidden|prohibited|free of|without)\b", re.IGNORECASE)
# keywords_present: the words must be asked for by a verb or 'present' ('Keywords: "cat", "dog".' names
# the words and not what to do with them)
_PRESENT_VERB = re.compile(r"\b(?:includ\w*|contain\w*|mention\w*|us(?:e|es|ed|ing)|featur\w*|incorporat\w*|appear\w*|present|"
                           r"occur\w*|work\w* in|weav\w*|say\w*|said|show\w* up|has|have|had|with|in there)\b", re.IGNORECASE)


# 'json' among the words a list names after a colon: a word of the data, not the format
_JSON_LISTED = re.compile(r"\b(?:words?|keywords?|terms?|names?)\b[^:]{0,60}:[^:]*\bjson\b", re.IGNORECASE)


def _whole(obj: str) -> bool:
    return _WHOLE_THING.match(obj.strip().lower()) is not None


# a criterion whose subject is the user or the prompt, and that names no response: about them, not the response
_OTHER_PARTY = re.compile(r"^\s*(?:it(?:\s+is|'s|\s+was)\s+[^,;:]{1,60}?\s+that\s+)?(?:the\s+|a\s+)?(?:user|users|prompt|question|request|instructions?|customer|client|student|task|"
                          r"source\s+text|original\s+text|input)\b", re.IGNORECASE)
_OF_RESPONSE = re.compile(r"\b(?:response|reply|answer|output|completion|assistant|model)\b", re.IGNORECASE)
# a property of another party's text ('The user's message has at most 4 sentences', 'The prompt contains no commas')
_OTHER_TEXT = re.compile(r"^\s*(?:the\s+)?(?:(?:user|customer|client|student|human)(?:'s|\u2019s)\s+(?:own\s+)?(?:message|prompt|question|request|input|text|query|essay|draft)"
                         r"|(?:prompt|request|question|query|input|instructions?)(?:\s+itself)?\s+(?=(?:has|have|contains?|is|are|uses?|ends?|begins?|starts?|includes?)\b))",
                         re.IGNORECASE)


def other_text(unquoted: str) -> bool:
    """True when the criterion states a property of the user's or the prompt's text and names no response."""
    return bool(_OTHER_TEXT.match(unquoted)) and not _OF_RESPONSE.search(unquoted)


def veto(check: str, text: str, low: str, unquoted: str) -> Optional[str]:
    """Why ``check`` must not be read from the criterion (a short name), or None when no veto applies.
    ``text``: the criterion less its decorations; ``low``: lower-cased; ``unquoted``: quotations blanked."""
    if any((q[:1].isspace() or q[-1:].isspace()) for m in _QUOTATION.finditer(text) for q in [m.group(1) or m.group(2) or ""]):
        return "quote marks as characters"
    if _BOTH_CASES.search(unquoted):
        return "both cases"
    if _OTHER_PARTY.match(unquoted) and not _OF_RESPONSE.search(unquoted):
        return "said of another party"  # 'The user asked the question in French': nothing said of the response
    if _FOR_SCOPE.search(unquoted):
        return "scoped to named content"
    if check in ("all_lowercase", "all_uppercase") and (_UPPER_WORD.search(unquoted) or _LOWER_WORD.search(unquoted)) \
            and required_case(unquoted) != check[4:9]:
        return "another case"  # the case words ask for the other case, or for no one case
    if check in ("all_lowercase", "all_uppercase") and CASE_SCOPE.search(CASE_INCLUDED.sub(" ", unquoted)):
        return "scoped to named content"  # 'Drug names are in all lowercase', 'The title is all caps'
    if check in ("all_lowercase", "all_uppercase") and any(not _NEG_BEFORE.search(unquoted[:m.start()]) for m in _PARTIAL_CASE.finditer(unquoted)):
        return "not the whole response"  # 'contains lowercase letters', 'is not entirely in lowercase'
    if check in ("all_lowercase", "all_uppercase", "response_language") and LANGUAGE_SAID.search(unquoted) and \
            not languages_named(unquoted.lower()):
        return "a language not read"  # 'lang == zz AND output is all uppercase': never dropped
    if check.startswith("keywords_") and some_missing(unquoted):
        return "some missing"  # 'omits any of these keywords': not all absent
    if check == "wrapped_in_quotes":
        for rx in (_QUOTE_VERB_OBJECT, _QUOTES_AROUND):
            for m in rx.finditer(unquoted):
                if not _whole(m.group("obj")):
                    return "quotes around a part"
        m = _QUOTE_SUBJECT.match(unquoted.strip())
        if m and not _whole(m.group("obj")):
            return "quotes around a part"
    elif check == "is_json" and _JSON_LISTED.search(unquoted):
        return "json as a listed word"  # 'These words are in the answer: flea, json.'
    elif check == "is_json" and _JSON_INSIDE.search(unquoted):
        return "json inside the response"
    elif check == "capital_word_frequency" and (not _ALL_CAPS_CUE.search(unquoted) or _INITIAL_CAPITAL.search(unquoted)):
        return "initial capitals"
    elif check == "highlighted_sections" and not _MARKDOWN_CUE.search(unquoted):
        return "highlight without markdown"
    elif check == "ends_with" and _SLOT.search(text):
        return "template slot"
    if check in ("keywords_present", "keywords_absent", "keyword_frequency"):
        if _EXAMPLES.search(unquoted):
            return "words as examples"
        if _NOT_ABSENT.search(unquoted):
            return "negated absence"
        if check == "keywords_absent" and re.search(r"\bnone\s+of\s+them\s+(?:omitted|missing|left\s+out)\b", unquoted, re.IGNORECASE):
            return "presence restated"  # 'none of them omitted': every word is there
        if check == "keywords_present" and not _PRESENT_VERB.search(unquoted):
            return "no verb for the words"
    return None


# --- what the extractors read past (rubricc.compiler.lower_nearest._extract) -------------------------

# idioms whose words the coarse vetoes would misread: 'separated from each other' names no part, 'from start to
# finish' is the whole response, 'no more and no fewer' restates 'exactly'
IDIOMS = re.compile(r"\b(?:from\s+)?each\s+other\b|\b(?:from\s+)?one\s+another\b|\b(?:from\s+)?(?:start|beginning)\s+to\s+(?:finish|end)\b|"
                     r"[,(;]?\s*\b(?:no|not|nothing)\s+(?:more|fewer|less)\s*(?:,|and|or|nor)?\s*(?:no|not|nothing)?\s*(?:more|fewer|less)\b\)?", re.IGNORECASE)
# a case-insensitive count or word list said to be one ('either case counts', 'irrespective of case'): what the
# check does anyway
ANY_CASE = re.compile(r"\(?\s*\b(?:(?:counting|in|of)\s+)?(?:both|either|any)\s+(?:upper(?:[- ]?case)?\s+(?:and|or|/)\s+lower[- ]?case|"
                       r"case|capitali[sz]ation)s?(?:\s+counts?|\s+count)?\b\s*\)?|\bcase[- ]insensitive(?:ly)?\b|"
                       r"\b(?:irrespective|regardless)\s+of\s+(?:letter\s+)?case\b|\bignoring\s+case\b|\bwhatever\s+the\s+case\b", re.IGNORECASE)
CASELESS = {"letter_frequency", "keyword_frequency", "keywords_present", "keywords_absent"}
# 'each of the (following) keywords': the list, not a part of the response
EACH_OF = re.compile(r"\b(?:each|every\s+one|all)\s+of\s+(?:the|these|those)(?:\s+following)?\s+(?=(?:key)?words?\b|terms?\b|phrases?\b)")
# the one number a two-responses criterion names ('two different responses', 'six asterisks')
TWO_RESPONSES_NUMBERS = re.compile(r"\b2\s+(?:\w+\s+)?(?:responses?|answers?|replies|versions?|alternatives?|takes?)\b|\b6[\s-]+asterisks?\b")


# what a family's own criterion says of itself in words the coarse vetoes read as a part, a condition or vague
OWN_WORDS = {
    # the fence the check allows, and 'nothing else' ('may be enclosed in a ``` code block but contains nothing else')
    "is_json": re.compile(r"[;,(]?\s*(?:it\s+|optionally\s+)?(?:may|can|might)\s+(?:optionally\s+)?be\s+(?:enclosed|wrapped|fenced|placed|put)\s+"
                         r"in\s+(?:a\s+)?(?:markdown\s+)?(?:`{3}\s*)?(?:json\s+)?code\s+(?:block|fence)\)?|[;,]?\s*\b(?:but|and)\s+"
                         r"(?:contains|has|includes)\s+nothing\s+else\b|\bwell[- ]formed\s+(?=json\b)"),
    # 'each beginning with a "SECTION X" marker': how the sections are marked
    "section_count": re.compile(r"[,;]?\s*(?:with\s+)?(?:and\s+)?each\s+(?:one\s+|section\s+|part\s+|of\s+them\s+)?(?:beginning|starting|opening|begins|"
                               r"starts|opens|headed|labell?ed|marked|introduced)\s+(?:with|by)\b"),
    # 'with each paragraph separated from the next by ***'
    "paragraph_count": re.compile(r"\b(?:with\s+)?each\s+(?:paragraph\s+|one\s+)?(?:is\s+)?(?=(?:separated|divided|split)\s+from\s+the\s+next\b)"),
    # '(lines starting with * or -)', '(e.g. * item)': markdown bullets described
    "bullet_count": re.compile(r"\([^()]*[*\u2022-][^()]*\)"),
    # 'every letter in it is lowercase': the whole response
    "all_lowercase": re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:letter|character)\b"),
    "all_uppercase": re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:letter|character)\b"),
    # 'with no further content following it': what ends_with means
    "ends_with": re.compile(r"[,;]?\s*(?:and\s+)?(?:with\s+)?(?:no|nothing|not\s+(?:add|write|put)\s+anything)\s+(?:further|more|other|additional|else)?\s*"
                           r"(?:content|text|words?|characters?)?\s*(?:following|after|afterwards?)(?:\s+(?:it|this|that|the\s+phrase))?\b"),
    # 'not using other language'
    "response_language": re.compile(r"\b(?:not|never)\s+(?:\w+\s+){0,2}(?:any\s+)?(?:other|another)\s+languages?\b"),
}


def plain(unquoted: str, check: str) -> str:
    """The criterion's own words with what the extractors' vetoes must not read removed (see above)."""
    t = IDIOMS.sub(" ", _symbols_to_words(unquoted))
    if check in OWN_WORDS:
        t = OWN_WORDS[check].sub(" ", t)
    if check in CASELESS:
        t = ANY_CASE.sub(" ", t)
    if check in ("keywords_present", "keywords_absent"):
        t = EACH_OF.sub("the ", t)
    return t
