"""Canonical rewrites from set 54's voices (issue 15, round 46), a part of :data:`rubricc.compiler.lower_canon._REWRITES`
(spliced into it in this order, outside quotations): a language a reply 'talks' 'all of it, start to finish'; 'Not a word
came out in any other language'; a postscript 'and begin it with' its marker; blanks in square brackets (placeholders);
a searcher who found none ('I looked for a capital anywhere in it and came up empty'); letters that 'have no place in
it'; a word that 'turns up'; 'every word on my list'; the list said again with a case note ('Upper case or lower, each one
was there.'); an exact count said again after a colon or with its 'exactly' after it; 'never once says'; a child's
'little ones' (lowercase letters).
"""
from __future__ import annotations

import re
from typing import Callable, List, Tuple

from rubricc.compiler.lower_parse import LANGUAGES

# an exact count said again after it: ', no more, no less', ', neither more nor fewer', ', not one more and not one less'
EXACT_AGAIN = (r"\s*,\s*(?:no\s+more\s*(?:,|and|or)?\s*no\s+(?:less|fewer)|neither\s+more\s+nor\s+(?:less|fewer)|"
               r"not\s+one\s+more\s*(?:,|and|or)?\s*not\s+one\s+(?:less|fewer))")

VOICE_REWRITES: List[Tuple["re.Pattern[str]", "str | Callable[[re.Match[str]], str]"]] = [
    # 'in Hindi, all of it, start to finish': in Hindi throughout
    (re.compile(r"\b([A-Z][a-z]+)\s*,\s*all\s+of\s+it\s*,\s*(?:from\s+)?(?:start\s+to\s+finish|beginning\s+to\s+end|top\s+to\s+bottom)(?=\s*[.,;!]|\s*$)"),
     lambda m: f"{m.group(1)} throughout" if m.group(1).lower() in LANGUAGES else m.group(0)),
    # no other language, said of its words: 'Not a word came out in any other language.'
    (re.compile(r"\bnot\s+(?:a|one)\s+(?:single\s+)?word\s+(?:comes\s+out|came\s+out|is|was|appears|appeared|is\s+written|was\s+written)\s+in\s+"
                r"any\s+other\s+language\b", re.IGNORECASE), "no other language is used"),

    # 'add a postscript to your reply and begin it with "P.S."': a postscript starting with it ('it', the postscript)
    (re.compile(r"\b(postscript(?:\s+(?:to|in|at\s+the\s+end\s+of)\s+(?:your|the|my)\s+(?:reply|response|answer))?)\s*,?\s+and\s+(?:then\s+)?"
                r"(?:begin|start|open|head)s?\s+it\s+with\b", re.IGNORECASE), r"\1 starting with"),

    # 'three or more blanks with square brackets around them': placeholders in square brackets (set 54's child)
    (re.compile(r"\b(blanks?|gaps?|slots?)\s+(?:with\s+square\s+brackets\s+(?:around|round)\s+(?:them|it)|(?:in|inside|within|wrapped\s+in|enclosed\s+in)\s+square\s+brackets)\b",
                re.IGNORECASE), lambda m: "placeholders in square brackets" if m.group(1).lower().endswith("s") else "placeholder in square brackets"),

    # a searcher who found none (set 54's private eye): 'I looked for a capital anywhere in it and came up empty', 'I
    # couldn't find a lowercase one in the bunch' are 'there is no capital letter in it'; 'Lowercase letters have no place in it'
    (re.compile(r"\bI\s+(?:looked|look|searched|search|hunted|hunt)\s+for\s+(?:a|an|any|a\s+single)\s+(?P<x>capital|lowercase|upper\s*case|small|comma)"
                r"(?:\s+(?:letter|one))?\s+(?:anywhere\s+)?(?:in\s+it\s+)?(?:anywhere\s+)?and\s+(?:came|come)\s+up\s+(?:empty(?:-handed)?|with\s+nothing)\b",
                re.IGNORECASE), lambda m: "there is no comma in it" if m.group("x").lower() == "comma" else f"there is no {m.group('x')} letter in it"),
    (re.compile(r"\bI\s+(?:couldn't|could\s+not|can't|cannot)\s+find\s+(?:a|an|any|a\s+single)\s+(?P<x>capital|lowercase|upper\s*case|small)\s+(?:one|letter)"
                r"(?:\s+(?:anywhere|in\s+the\s+bunch|in\s+it))*\b", re.IGNORECASE), lambda m: f"there is no {m.group('x')} letter in it"),
    (re.compile(r"(?:^|(?<=[.!?]\s))(?P<x>(?:lowercase|lower-case|capital|upper-case|uppercase|small)\s+letters|commas)\s+have\s+no\s+place\s+in\s+"
                r"(?P<d>it|the\s+reply|your\s+reply)\b", re.IGNORECASE), lambda m: f"There are no {m.group('x').lower()} in {m.group('d')}"),
    # a word that 'turns up' or 'shows up' in the reply appears in it; 'every word on my list' is on the list (set 54)
    (re.compile(r"\b(?:turns|turned|shows|showed)\s+up(?=\s+(?:somewhere|anywhere|in\b|at\s+least|\d))", re.IGNORECASE), "appears"),
    (re.compile(r"\b(every|each)\s+word\s+on\s+(?:my|our|your)\s+list\b", re.IGNORECASE), r"\1 word on the list"),
    # the list said again with a case note as a sentence of its own: 'Upper case or lower, each one was there.'
    (re.compile(r"(?<=[.!]\s)(?:upper\s*case|capitals?|big(?:\s+letters)?)\s+or\s+(?:lower(?:\s*case)?|small(?:\s+letters)?)\s*,\s*(?:each|every)\s+(?:single\s+)?"
                r"one\s+(?:was|is)\s+there\s*[.!]?\s*$", re.IGNORECASE), ""),
    # an exact count said again after a colon ('exactly 3 bullet points: not one more, not one less'), or its 'exactly'
    # after it ('the count was 3, exactly: not one more, not one less'): said after a comma, before the count
    (re.compile(r"\s*:\s*(?=(?:no|not\s+one)\s+more\s*,?\s*(?:and\s+|or\s+)?(?:no|not\s+one)\s+(?:less|fewer)\b)", re.IGNORECASE), ", "),
    (re.compile(r"\b(\d+)\s*,\s*exactly(?=\s*[:,]\s*(?:no|not\s+one)\s+more\b)", re.IGNORECASE), r"exactly \1"),
    (re.compile(rf"(\b(?:count|total|tally|number)\s+(?:is|was|came\s+to|comes\s+to)\s+exactly\s+\d+){EXACT_AGAIN}(?=\s*(?:[.;!]|$))", re.IGNORECASE), r"\1"),
    # 'never once says': never says (the emphasis asks nothing more)
    (re.compile(r"\bnever\s+once\s+(?=(?:says|said|uses|used|mentions|mentioned|writes|wrote|includes|included)\b)", re.IGNORECASE), "never "),
    # a child's 'little ones' (set 54): 'all the letters are little ones' is 'all the letters are lowercase'
    (re.compile(r"\b((?:all|every\s+one)\s+(?:of\s+)?(?:the\s+|its\s+|my\s+)?letters\s+(?:in\s+it\s+)?are\s+)little\s+ones\b", re.IGNORECASE), r"\1lowercase"),
]
