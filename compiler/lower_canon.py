"""A criterion's wording made canonical before the lowering rules read it (issue 15, round 2).

Rubric writers say the same requirement in many voices: second person feedback ('You wrote at least 600
words'), 'the output' for the response, optional plurals ('at least 3 time(s)'), 'strictly less than'.
:func:`canonical` rewrites only these voice and spelling variants into the words the rules already read
('The response ... at least 600 words', 'the response', 'times', 'less than'); it never adds a
requirement. Quoted material, and an unquoted phrase the response must end with, are data and are left
exactly as they are. Used by the driver (:mod:`rubricc.compiler.lower`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, List, Tuple

from rubricc.compiler.lower_canon_voices import EXACT_AGAIN as _EXACT_AGAIN, VOICE_REWRITES
from rubricc.compiler.lower_frames import unframe
from rubricc.compiler.lower_parse import COUNT, COUNT_RELATION, LANGUAGES, NUMBER_WORD, QUOTE_RE, REL_SIGNS, WORD_LIST, unquoted_end_phrase

_DOC = r"(?:response|answer|reply|output|text|essay|story|poem|email|message)"  # not "letter": "the letter q"
# a crier's 'small letter' (set 53): a lowercase one (also read by lower_hearsay after a crier's formula)
SMALL_LETTER = re.compile(r"\b(not\s+one|no|a\s+single|any|one)\s+small\s+letter(s?)\b", re.IGNORECASE)

_ING_BASE = {"using": "use", "having": "have", "containing": "contain", "including": "include", "mentioning": "mention",
             "finishing": "finish", "ending": "end", "starting": "start", "beginning": "begin", "writing": "write", "giving": "give",
             "concluding": "conclude", "closing": "close", "opening": "open", "featuring": "feature", "avoiding": "avoid"}
_ING = "|".join(_ING_BASE)

# (pattern, replacement) applied in order to the text outside quotations
_REWRITES: List[Tuple["re.Pattern[str]", "str | Callable[[re.Match[str]], str]"]] = [
    # optional plurals: 'time(s)', 'placeholder(s)', 'keyword(s)', 'bullet point(s)'
    (re.compile(r"(?<=[a-z])\((s|es)\)", re.IGNORECASE), r"\1"),
    # politeness and requests: 'pls ...', 'Please ...', 'can you not say ...', 'Could you ...'
    (re.compile(r"^\s*(?:pls|plz|please|kindly)\s+(?=[a-z])", re.IGNORECASE), ""),
    (re.compile(r"^\s*(?:can|could|would|will) you\s+(?:please\s+|pls\s+)?not\s+", re.IGNORECASE), "Do not "),
    (re.compile(r"^\s*(?:can|could|would|will) you\s+(?:please\s+|pls\s+)?(?=[a-z])", re.IGNORECASE), ""),
    # a reply described, as a catalogue lists it: 'A reply that includes X', 'A reply enclosed in X', 'A reply in English, ...'
    (re.compile(r"^\s*(?:a|an|one)\s+(reply|response|answer)\s+(?:that|which)\s+(?=(?:does|is|has|uses|includes|contains|ends|starts|begins|opens|"
                r"closes|keeps|mentions|avoids|repeats|gives|puts|wraps|runs|stays|comes|carries|bears|holds|shows|spells|says)\b)", re.IGNORECASE), r"The \1 "),
    (re.compile(r"^\s*(?:a|an|one)\s+(reply|response|answer)\s+(?=(?:written|enclosed|wrapped|set|presented|shown|staged|formatted|composed|laid\s+out|"
                r"structured|divided|split|given|delivered|kept|in)\b)", re.IGNORECASE), r"The \1 is "),
    (re.compile(r"^\s*(?:a|an|one)\s+(reply|response|answer)\s+(?:containing|including|featuring)\b", re.IGNORECASE), r"The \1 contains"),
    # terse requests: 'all in spanish', 'answer in json', 'no bullet points'
    (re.compile(r"^\s*(?:all|everything)\s+in\s+", re.IGNORECASE), "The entire response is in "),
    (re.compile(r"^\s*(?:answer|respond|reply|write it|output it)\s+in\s+(?=json\b)", re.IGNORECASE), "The entire response is in "),
    (re.compile(r"^\s*(?:no|without(?: any)?)\s+(?=bullet)", re.IGNORECASE), "The response uses no "),
    # the grader not finding it inside a clause: 'is in English and you cannot find one uppercase letter in it'
    (re.compile(r"\band\s+you\s+(?:can(?:not|'t)|could\s+not)\s+(?:find|see|spot|detect)\s+(?:a\s+single|one|any|even\s+one)\s+(?=[a-z])", re.IGNORECASE),
     "and the response has no "),
    # an inspector's tally of what must be absent: 'Commas found in the reply: 0', 'Capital letters found: none'
    (re.compile(rf"\b(?P<what>(?:(?:upper|lower)[- ]?case|capital|small)\s+(?:letters|characters)|other\s+languages|commas|"
                rf"comma\s+characters)\s+(?:found|spotted|counted|seen|present)(?P<where>\s+(?:in|on)\s+(?:it|(?:the|its|this)\s+{_DOC}))?"
                rf"\s*:\s*(?:none|0|zero|nil)\b", re.IGNORECASE),
     lambda m: f"no {m.group('what')} in the response"),
    # second person, as feedback or instruction: 'You wrote ...', 'You kept your reply ...'
    (re.compile(r"^\s*you\s+(?=[a-z])", re.IGNORECASE), "The response "),
    (re.compile(rf"\byour\s+((?:whole\s+|entire\s+|full\s+|complete\s+)?{_DOC})\b", re.IGNORECASE), r"the \1"),
    # yes/no questions as statements: 'Does the answer begin and end with ...?', 'Is the whole answer valid JSON?'
    (re.compile(rf"^\s*(?:does|did)\s+(?:the|this|your)\s+((?:whole\s+|entire\s+)?{_DOC})\s+([a-z]+)(?:\s+and\s+([a-z]+))?\b", re.IGNORECASE),
     lambda m: f"The {m.group(1)} {third(m.group(2))}" + (f" and {third(m.group(3))}" if m.group(3) else "")),
    (re.compile(rf"^\s*(is|was)\s+(?:the|this|your)\s+((?:whole\s+|entire\s+)?{_DOC})\s+", re.IGNORECASE),
     lambda m: f"The {m.group(2)} {m.group(1).lower()} "),
    (re.compile(rf"^\s*(is|was)\s+(the\s+{_DOC}'s(?:\s+[a-z]+){{1,3}})\s*$", re.IGNORECASE), lambda m: f"The {m.group(2)[4:]} {m.group(1).lower()} "),
    # 'all letters in the response are capitalized' is upper case (a 'capitalized word' alone may be a capital initial)
    (re.compile(r"\b(all (?:the )?(?:letters|characters)\b[^.;\d]{0,40}?)\bcapitali[sz]ed\b", re.IGNORECASE), r"\1uppercase"),
    (re.compile(r"\b(every (?:single )?(?:letter|character)\b[^.;\d]{0,40}?)\b(?:is |are )?capitali[sz]ed\b", re.IGNORECASE), r"\1is uppercase"),
    # requirement modals: 'SHALL NOT contain' is 'must not contain'; 'SHALL equal 3' is 'is exactly 3'
    (re.compile(r"\b(?:shall|must)\s+not\b", re.IGNORECASE), "must not"),
    (re.compile(r"\b(?:shall|must)\s+(?:be\s+)?equal(?:\s+to)?\s+(?=\d)", re.IGNORECASE), "is exactly "),
    (re.compile(r"\bSHALL\b|\bMUST\b"), "must"),
    # 'are (all) required to appear': must (all) appear
    (re.compile(r"\b(?:are|is)\s+(all\s+|each\s+)?(?:required|expected)\s+to\s+(?=(?:appear|occur|be\s+(?:used|included|present|mentioned))\b)", re.IGNORECASE),
     r"must \1"),
    (re.compile(r"\bshall\b"), "must"),
    # a reviewer's name for the response: 'the submission'
    (re.compile(r"\b(?:the|this)\s+submission\b", re.IGNORECASE), "the response"),
    # a language said as what the response uses: 'uses Russian from start to finish' is 'is in Russian ...' (or speaks: set 54)
    (re.compile(rf"\b((?:the|this)\s+(?:(?:whole|entire)\s+)?{_DOC}|it)\s+(?:uses|employs|stays\s+in|sticks\s+to|keeps\s+to|talks|talked|speaks|spoke)\s+"
                rf"(?=(?:{'|'.join(sorted((k for k in LANGUAGES if re.fullmatch(r'[a-z]+', k)), key=len, reverse=True))})"
                r"(?=\s*(?:[.,;(]|$|throughout\b|from\s+start\b|only\b|exclusively\b|and\s+only\b|all\s+the\s+way\b)))", re.IGNORECASE), r"\1 is in "),
    # letters set in a case: 'writes every one of its letters in lowercase' is 'every letter in it is lowercase'
    (re.compile(r"\b(?:sets|writes|puts|renders|types|keeps)\s+(?:every\s+one\s+of\s+its|all\s+(?:of\s+)?its|each\s+of\s+its)\s+letters\s+in\s+"
                r"(upper|lower)case\b", re.IGNORECASE), r"every letter in it is \1case"),
    # 'sits wholly inside double quotation marks' is 'is wrapped in double quotation marks'
    (re.compile(r"\b(?:sits|stays|lies|is\s+set)\s+(?:wholly|entirely|completely|fully)\s+(?:inside|within)\s+(?=double\s+quot)", re.IGNORECASE),
     "is wrapped in "),
    # 'keeps every comma out of its text' is 'contains no commas'
    (re.compile(r"\bkeeps\s+(?:every|each|all|any)\s+commas?\s+out\s+of\s+(?:its|the)\s+(?:text|writing|prose)\b", re.IGNORECASE), "contains no commas"),
    # 'keeps its uses of the word x to fewer than 2' is 'uses the word x fewer than 2 times'
    (re.compile(r"\bkeeps\s+its\s+uses\s+of\s+(the\s+word\s+[^\s,.;]+)\s+(?:to\s+|at\s+)?(fewer\s+than|under|below|at\s+most)\s+(\d+)\b(?!\s+times)",
                re.IGNORECASE), r"uses \1 \2 \3 times"),
    # 'an exact, unchanged copy' is 'an exact copy'
    (re.compile(r"\ban\s+exact,?\s+(?:unchanged|unaltered|verbatim|word-for-word|faithful)\s+copy\b", re.IGNORECASE), "an exact copy"),
    # the forbidden words named as given: 'the specified forbidden words' are 'the forbidden words'
    (re.compile(r"\b(?:specified|stipulated|listed|given)\s+(?=(?:forbidden|banned|prohibited)\s+(?:words|terms|keywords)\b)", re.IGNORECASE), ""),
    # a conformity note between clauses: 'exactly 6 paragraphs, as stipulated, and its second ...'
    (re.compile(r"\s*,\s*as\s+(?:stipulated|specified|required|requested|instructed)\s*,\s*(?=and\b)", re.IGNORECASE), ", "),
    # a reviewer's 'stipulated' is 'specified': 'the stipulated keywords', 'the stipulated forbidden words'
    (re.compile(r"\bstipulated\b", re.IGNORECASE), "specified"),
    # the writer as the response: "the student's answer", 'the student added a postscript', 'the whole thing'
    (re.compile(rf"\bthe\s+(?:student|writer|author|candidate|examinee|respondent)'s\s+{_DOC}\b", re.IGNORECASE), "the response"),
    (re.compile(r"\bthe\s+(?:student|writer|author|candidate|examinee|respondent)\s+(?=(?:has\s+|have\s+)?(?:added|adds|provides|provided|"
                r"writes|wrote|uses|used|includes|included|gives|gave|highlighted|highlights|puts|put|ends|ended|starts|started)\b)", re.IGNORECASE),
     "the response "),
    (re.compile(r"\bthe\s+whole\s+thing\b", re.IGNORECASE), "the whole response"),
    # a non-native writer's verb forms: 'The text have', 'is not using', 'are appearing', 'is having'
    (re.compile(rf"\b(the\s+(?:(?:whole|entire)\s+)?{_DOC})\s+have\b", re.IGNORECASE), r"\1 has"),
    (re.compile(rf"\b((?:the|this)\s+(?:(?:whole|entire)\s+)?{_DOC}|it)\s+is\s+(not\s+|never\s+)?({_ING})\b", re.IGNORECASE),
     lambda m: f"{m.group(1)} " + (f"does {m.group(2).strip()} {_ING_BASE[m.group(3).lower()]}" if m.group(2) else third(_ING_BASE[m.group(3).lower()]))),
    (re.compile(r"\b(key ?words|words|terms|phrases)\s+are\s+(not\s+)?appearing\b", re.IGNORECASE),
     lambda m: f"{m.group(1)} " + ("do not appear" if m.group(2) else "appear")),
    # exactness restated before quoted options: 'includes, word for word, "A" or "B"'
    (re.compile(r"\s*,\s*(?:word for word|word-for-word|verbatim|exactly|character for character)\s*,\s*$", re.IGNORECASE), " "),
    # a keyword list's note that restates it: '"a" and "b", with each listed keyword present at least once'
    (re.compile(r"\A\s*,\s*(?:with\s+)?(?:each|every)\s+(?:(?:listed|given|required|one\s+of\s+the)\s+)?(?:key\s*words?|words?|terms?)(?:\s+(?:(?:is\s+)?present|used|included|appearing|"
                r"showing\s+up|occurring|mentioned))?\s+at\s+least\s+once\b", re.IGNORECASE), ""),
    # 'counting every occurrence in any capitalization': every occurrence is what a count counts
    (re.compile(r"\bcounting\s+every\s+(?:single\s+)?occurrence\s+(?=in\s+any\b)", re.IGNORECASE), ""),
    (re.compile(r",\s*counting\s+every\s+(?:single\s+)?occurrence(?=\s*[.,;(]|\s*$)", re.IGNORECASE), ""),
    # ', with no listed keyword left out': the list restated
    (re.compile(r"\A\s*,\s*with\s+no\s+(?:listed|given|required)\s+(?:key\s*word|word|term|one)\s+(?:left\s+out|missing|omitted)(?=\s*[,.;]|\s*$)", re.IGNORECASE), ""),
    # ', every listed one': the list restated
    (re.compile(r"\A\s*,\s*(?:each|every)\s+(?:listed|given|required)\s+one(?:\s+at\s+least\s+once)?(?=\s*[,.;]|\s*$)", re.IGNORECASE), ""),
    # 'every keyword, "a" and "b", ...': each of the keywords
    (re.compile(r"\b(?:every|each)\s+(key\s*word|word|term)\s*,\s*$", re.IGNORECASE), r"each of the \1s "),
    # an expert's shorthand: 'kw present: a, b (all, any case)'
    (re.compile(r"^\s*(?:kws?|key\s*words?)\s+present\s*:\s*(?=[a-z])", re.IGNORECASE), "The response includes each of the keywords: "),
    (re.compile(r"\s*\(\s*all(?:\s+of\s+them)?\s*,\s*any\s+case\s*\)\s*$", re.IGNORECASE), ", in any case"),
    # 'every one of the words': each of them
    (re.compile(r"\b(?:every|each)(?:\s+single)?\s+one\s+of\s+(?=the\b|these\b|those\b)", re.IGNORECASE), "each of "),
    # '5 sections which are highlighted': 5 highlighted sections
    (re.compile(r"\b(\d+|[a-z]+)\s+(sections|parts|passages|phrases|bits|pieces|spans|segments|portions)\s+(?:which|that)\s+(?:are|were)\s+"
                r"(highlighted|emphasi[sz]ed|italici[sz]ed)\b", re.IGNORECASE), r"\1 \3 \2"),
    # 'reaches 100 words or goes beyond': reaches them (at least)
    (re.compile(r"\b(reach(?:es|ed)?\s+\d+(?:\s+[a-z]+)?)\s+or\s+(?:goes\s+|go\s+)?(?:beyond|over|above|more|past)(?:\s+(?:it|that))?\b", re.IGNORECASE), r"\1"),
    # 'every letter in it, from start to finish, is a capital': the whole reply's letters, as a check reads them
    (re.compile(r"\b(every\s+(?:single\s+)?(?:letter|character|word)\s+(?:in|of)\s+(?:it|the\s+reply|the\s+response))\s*,\s*(?:from\s+start\s+to\s+finish|"
                r"from\s+beginning\s+to\s+end|from\s+its\s+first\s+word\s+to\s+its\s+last|throughout)\s*,\s*(?=(?:is|are)\b)", re.IGNORECASE), r"\1 "),
    # a crier's tongues and counts (set 53): 'spoken wholly in the Russian tongue', 'in no other', '600 words or more, not one
    # fewer than 600'
    (re.compile(r"\bthe\s+([A-Z][a-z]+)\s+tongue\b"), lambda m: m.group(1) if m.group(1).lower() in LANGUAGES else m.group(0)),
    (re.compile(r"\b(?:is|are)\s+spoken\s+(wholly|entirely|only)\s+in\b(?=\s+[A-Z][a-z]+)"), r"is written \1 in"),
    (re.compile(r"\band\s+in\s+no\s+other(?=\s*[.]?\s*$)", re.IGNORECASE), "and in no other language"),
    (re.compile(r"(\b(\d+)\s+([a-z]+)\s+or\s+more)\s*,\s*not\s+one\s+(?:fewer|less)\s+than\s+\2\b", re.IGNORECASE), r"\1"),
    # what a word in capitals is, said again ('..., that is, words whose every letter is uppercase'): no other check
    (re.compile(r"(\bwords\s+(?:in|written\s+in)\s+(?:all\s+)?(?:capital\s+letters|capitals|upper\s*case(?:\s+letters)?))\s*,?\s*(?:that\s+is|i\.e\.)\s*,?\s+"
                r"words\s+(?:whose|in\s+which)\s+every\s+letter\s+is\s+(?:an?\s+)?(?:upper\s*case|upper-case|capital(?:i[sz]ed)?)\b", re.IGNORECASE), r"\1"),
    # 'written in Bengali, throughout': throughout it
    (re.compile(r"(?<=[a-z)])\s*,\s*throughout(?=\s*[.]?\s*$)", re.IGNORECASE), " throughout"),
    # 'precisely 10 lines of this answer are markdown bullets': the answer has 10 markdown bullet points
    (re.compile(r"^\s*(?P<r>(?:precisely|exactly|at\s+least|at\s+most|fewer\s+than|more\s+than)\s+)?(?P<n>\d+)\s+lines\s+of\s+(?:this|the)\s+(?P<d>answer|response|reply|output)\s+"
                r"are\s+(?P<m>markdown\s+)?bullets(?:\s+points)?\b", re.IGNORECASE), r"The \g<d> has \g<r>\g<n> \g<m>bullet points"),
    # a speaker's stock opening before the statement ('Let me be clear: the reply ...', 'Make no mistake: ...'): no requirement
    (re.compile(r"^\s*(?:let\s+me\s+be\s+(?:clear|plain|frank|honest)|make\s+no\s+mistake)\s*[:,]\s*(?=(?:the\s+reply|you\s+will|I\s+(?:promise|pledge|guarantee|vow))\b)", re.IGNORECASE), ""),
    # a pledge before the statement ('I promise you the reply will ...', 'I promise you will hear ...', 'I stand before you to
    # pledge a reply ...'): the statement
    (re.compile(r"^\s*I\s+(?:stand\s+before\s+you\s+(?:to|and)\s+)?(?:promise|pledge|guarantee|vow)\s+(?:you\s+(?=(?:the|a)\s+reply\b)|that\s+)?"
                r"(?=(?:the\s+reply|a\s+reply|you\s+will)\b)", re.IGNORECASE), ""),
    # a counting note after the statement ('...; count every occurrence, upper or lower case'): how the check counts
    (re.compile(r"\s*;\s*count\s+every\s+(?:occurrence|one|instance)(?:\s*,\s*(?=\w)|\s*(?=[.]?\s*$))", re.IGNORECASE),
     lambda m: ", " if m.group(0).rstrip().endswith(",") else ""),
    # a separator named as the break between the parts ('with six asterisks (******) as the intermission between them'): separated by it
    (re.compile(r",\s*with\s+(?P<x>[^,;:]{1,40}?)\s+as\s+the\s+(?:intermission|interval|break|divider|separator|boundary|partition)\s+between\s+them\b", re.IGNORECASE),
     r", separated by \g<x>"),
    # the reader told what they will meet in the reply ('you will hear the word x at least 6 times in the reply', 'in the reply you
    # will pass the word x ...'): the reply contains it
    (re.compile(r"\b(?:(?:in|over|across)\s+the\s+(?:whole\s+|entire\s+)?reply\s*,?\s+)?(?:you|the\s+response)\s+will\s+(?:hear|pass|meet|see|come\s+across|encounter|find)\s+(?=the\s+(?:word|character|letter)\s)", re.IGNORECASE),
     "the reply contains "),
    # the whole reply said as a span from its first unit to its last ('the whole reply is in Russian, from the first sentence to the
    # last', 'every letter in it, from the first line to the last, is a capital', '600 or more words from the reply's first word
    # to its last'):
    # the reply, which the check reads whole
    (re.compile(r"\s+from\s+the\s+reply's\s+(?:very\s+)?first\s+(?P<u>word|line|sentence|character|letter|paragraph)\s+to\s+its\s+(?:very\s+)?last(?:\s+(?P=u)|\s+one)?\b",
                re.IGNORECASE), " in the reply"),
    (re.compile(r"\s*,\s*(?:from\s+(?:its\s+|the\s+)?(?:very\s+)?first\s+(?P<u>word|line|sentence|character|letter|paragraph)\s+to\s+(?:its\s+|the\s+)?(?:very\s+)?"
                r"last(?:\s+(?P=u)|\s+one)?)\s*(?:,\s*|(?=[.;]?\s*$))", re.IGNORECASE), lambda m: " " if m.group(0).rstrip().endswith(",") else ""),
    # 'nowhere in this answer, from its first character to its last, is there a comma': the answer contains no comma
    # (its span 'from its first character to its last' is read off by the rule above)
    (re.compile(r"^\s*nowhere\s+in\s+(?:this|the)\s+(?P<d>answer|response|reply|output)\s+is\s+there\s+"
                r"(?:an?|any|a\s+single)\s+", re.IGNORECASE), r"The \g<d> contains no "),
    # 'the comma character (,) appears nowhere in the reply (, from the first character to the last)': no comma in it
    (re.compile(rf"(?:^|(?<=[;:]))\s*(?:the\s+|a\s+)?comma(?:s|\s+(?:character|sign|mark)s?)?(?:\s*\(\s*,\s*\))?\s+"
                rf"(?:appears?|occurs?|is\s+found|are\s+found|shows?\s+up|turns?\s+up|is\s+used|are\s+used|is|are)\s+nowhere\s+"
                rf"(?:in|on)\s+(?:the\s+(?:(?:whole|entire)\s+)?{_DOC}|its\s+text|it)(?=\s*(?:[,.!;]|$))", re.IGNORECASE), " The response contains no commas"),
    # a count said as its units' verb ('Sentences in the reply total less than 31', 'the words of the reply written wholly in
    # capitals number at least 10'): the response has that many of them
    (re.compile(rf"(?:^|(?<=:\s))\s*(?:the\s+)?(?P<unit>(?:[a-z][\w-]*\s+){{0,3}}?(?:sentences|words|paragraphs|placeholders|bullet\s+points|sections))"
                rf"(?:\s+(?:in|of|across)\s+(?:the|this)\s+(?:(?:whole|entire)\s+)?{_DOC})?(?P<desc>\s+(?:written|set|typed)\s+(?:wholly|entirely|fully|all)\s+in\s+"
                rf"(?:capitals|capital\s+letters|upper\s*case))?\s+(?:number|total|come\s+to|add\s+up\s+to|amount\s+to)\s+(?P<c>{COUNT}|(?:{COUNT_RELATION}\s+)?{NUMBER_WORD})"
                rf"(?:\s+(?:in|on|across)\s+(?:the|this)\s+(?:(?:whole|entire)\s+)?{_DOC})?(?P<tail>{_EXACT_AGAIN})?(?=\s*(?:[.;!]|$))", re.IGNORECASE),
     lambda m: m.group(0) if m.group("tail") and not re.fullmatch(rf"(?:(?:exactly|precisely)\s+)?(?:\d+|{NUMBER_WORD})", m.group("c"), re.IGNORECASE)
     else f"The response has {m.group('c')} {m.group('unit')}{m.group('desc') or ''}"),
    # 'exactly 3 tracks, listed as markdown bullet points': that many bullet points ('tracks' the writer's name for them)
    (re.compile(r"\b(?P<c>(?:exactly|at\s+least|at\s+most|fewer\s+than|more\s+than)\s+\d+)\s+[a-z]+s\s*,\s*(?:listed|set\s+out|laid\s+out|written|given)\s+as\s+"
                r"(?P<md>markdown\s+)?bullet\s+points\b", re.IGNORECASE), r"\g<c> \g<md>bullet points"),
    # 'at least 1 blanks left for the listener to complete, each a placeholder in square brackets': placeholders
    (re.compile(r"\b(?P<c>(?:exactly|at\s+least|at\s+most|fewer\s+than|more\s+than)\s+\d+)\s+blanks(?:\s+left\s+(?:for|to)\s+[a-z ]{1,40}?)?\s*,\s*each\s+(?:one\s+)?"
                r"a\s+placeholder\s+in\s+square\s+brackets\b", re.IGNORECASE), r"\g<c> placeholders in square brackets"),
    # 'a title, in double angular brackets after the style of <<poem of joy>>': like it
    # (set 53's bill: 'in the style <<poem of joy>>')
    (re.compile(r"\b(?:after\s+the\s+(?:style|fashion|manner)\s+of|in\s+the\s+(?:style|manner|fashion)(?:\s+of)?)\s+(?=<<)", re.IGNORECASE), "like "),
    # 'valid JSON ..., with no loose text outside it' / ', no chat outside it': JSON as the whole reply, said again
    (re.compile(r"(?<=\S)\s*,\s*(?:with\s+)?(?:no|nothing)\s+(?:(?:loose|other|extra|stray|further)\s+)?(?:text|chat|prose|commentary|words)\s+(?:else\s+)?"
                r"(?:outside|around|beyond)\s+(?:it|the\s+json)(?=\s*[.!]?\s*$)", re.IGNORECASE), ""),
    # '..., with nothing outside it except, at most, markdown code fences (```)': what the JSON check allows anyway
    (re.compile(r"(?<=\S)\s*,\s*(?:with\s+)?nothing\s+(?:else\s+)?(?:outside|around)\s+(?:it|the\s+json)\s+(?:except|but|save|apart\s+from)\s*,?\s*"
                r"(?:at\s+most\s*,?\s*|optionally\s*,?\s*)?(?:an?\s+)?(?:pair\s+of\s+)?(?:markdown\s+)?(?:code\s+)?(?:fences?|backticks|ticks)"
                r"(?:\s*\(\s*```\s*\))?(?=\s*[.!]?\s*$)", re.IGNORECASE), ""),
    # 'parses as valid JSON': is valid JSON
    (re.compile(r"\bparses\s+as\s+(?:valid\s+)?json\b", re.IGNORECASE), "is valid JSON"),
    # 'exactly 2 paragraphs ..., *** between them, and no empty paragraph between dividers': what the divider count does anyway
    (re.compile(r"\s*,?\s*(?:and\s+)?(?:with\s+)?no\s+empty\s+paragraphs?\s+(?:between|among)\s+(?:the\s+)?(?:\*\*\*\s+)?dividers(?=\s*[.;]?\s*$)", re.IGNORECASE), ""),
    # a record's 'at least 10 on the reply': in it
    (re.compile(rf"(?<=\d)\s+on\s+(?:the|this)\s+(?={_DOC}\b)", re.IGNORECASE), " in the "),
    # a record's 'on the reply' ('appears anywhere on the reply', 'number at least 10 on the reply'): in it
    (re.compile(rf"\b(appears?|occurs?|is|are|found|used|anywhere|nowhere|somewhere|number|totals?)\s+on\s+(?:the|this)\s+(?={_DOC}\b)", re.IGNORECASE),
     r"\1 in the "),
    # 'sections that open with 'SECTION' plus a number': sections, each opening with it
    (re.compile(r"\b(sections|parts|chapters)\s+(?:that|which)\s+(?:open|start|begin)\s+with\s*$", re.IGNORECASE), r"\1, each opening with "),
    # 'marks at least five sections with markdown': highlights them
    (re.compile(r"\bmark(s|ed|ing)?\s+(?=(?:(?:at\s+least|at\s+most|exactly|no\s+fewer\s+than|fewer\s+than|more\s+than)\s+)?(?:\d+|[a-z]+)\s+"
                r"(?:sections|parts|passages|phrases|spans|segments)\s+(?:with|in|using)\s+markdown\b)", re.IGNORECASE), r"highlight\1 "),
    # '6 paragraphs which are separated by ...': 6 paragraphs separated by ...
    (re.compile(r"\b(\d+|[a-z]+)\s+(paragraphs|sections|parts)\s+(?:which|that)\s+(?:are|were)\s+(?=(?:separated|divided|split|delimited)\b)", re.IGNORECASE),
     r"\1 \2 "),
    # 'it has to end on ...', 'it should say ...': the response
    (re.compile(r"^\s*it\s+(?=(?:has to|have to|must|should|needs to|need to|ought to|shall|will|is to)\s+[a-z])", re.IGNORECASE), "The response "),
    # 'In the answer there are minimum 5 sections': the response has
    (re.compile(rf"^\s*(?:in|inside|within)\s+(?:the|this|your)\s+{_DOC},?\s+there\s+(?:are|is)\s+", re.IGNORECASE), "The response has "),
    (re.compile(rf"^\s*(?:in|inside|within)\s+(?:the|this|your)\s+{_DOC}\s*,\s*(?=(?:all|each|every|none|both)\b)", re.IGNORECASE), ""),
    # 'Has the writer highlighted ...?', 'Did it split into ...?': the response
    (re.compile(r"^\s*(?:has|have)\s+(?:the\s+(?:writer|author|student|respondent)|it)\s+(?=[a-z]+ed\b)", re.IGNORECASE), "The response has "),
    (re.compile(r"^\s*(?:does|did)\s+it\s+([a-z]+)\b", re.IGNORECASE), lambda m: f"The response {third(m.group(1))}"),
    # 'the output', 'the completion' are the response
    (re.compile(r"\b(the|this|whole|entire|full|complete)\s+(?:output|completion)\b", re.IGNORECASE), r"\1 response"),
    (re.compile(r"^\s*(?:output|completion)\b", re.IGNORECASE), "Response"),
    # 'and that no text follows it': nothing after it
    (re.compile(r"\b(?:and\s+)?(?:that\s+)?no\s+(?:other\s+|more\s+|further\s+)?(?:text|words?|content|characters?)\s+(?:follows?|comes?\s+after)\s+(it|them|this|that)\b",
                re.IGNORECASE), r"and nothing follows \1"),
    # ', with no words or characters following it', ', followed by nothing': nothing after it
    (re.compile(r",?\s*with\s+no(?:thing|\s+(?:other\s+|more\s+|further\s+)?(?:text|words?|content|characters?)(?:\s+or\s+(?:text|words?|content|characters?))?)"
                r"\s+(?:following|after)\s+(it|them|this|that)\b|,\s*followed\s+by\s+nothing(?:\s+(?:else|at\s+all|more))?\b", re.IGNORECASE),
     lambda m: f" and nothing follows {m.group(1) or 'it'}"),
    # 'Closed by the exact phrase ...': ends with it; 'At its very end, the reply finishes with ...': the end said twice
    (re.compile(r"^\s*closed\s+(?:off\s+)?(?:by|with)\s+(?=(?:the\s+)?(?:exact\s+)?(?:phrase|words?|sentence|line)\b)", re.IGNORECASE), "Ends with "),
    (re.compile(r"^\s*at\s+(?:its|the)\s+(?:very\s+)?end\s*,\s*(?=(?:the|its)\s+(?:reply|response|answer)\s+(?:finishes|ends|closes|concludes)\b)", re.IGNORECASE), ""),
    # an emphatic adverb between the reply and its verb ('it actually uses every one of these words'): the statement
    (re.compile(rf"^(\s*(?:(?:the|this)\s+{_DOC}|it)\s+)(?:actually|literally|really|truly|definitely|genuinely)\s+(?=[a-z]+s\b)", re.IGNORECASE), r"\1"),
    # a crier's 'great letters' and 'small letters' (set 53): capital and lowercase ones
    (re.compile(r"\bin\s+great\s+letters\b", re.IGNORECASE), "in capital letters"),
    (SMALL_LETTER, r"\1 lowercase letter\2"),
    *VOICE_REWRITES,  # set 54's voices (rubricc.compiler.lower_canon_voices)
    # a lowercase reply's capitals denied at sentence and name starts: said of every letter already
    (re.compile(r"(?:\s*,\s*and\s+|\s*:\s*)not\s+even\s+a\s+sentence\s+or\s+a\s+name\s+(?:begins|starts)\s+with\s+a\s+capital(?:\s+letter)?\b", re.IGNORECASE),
     ", even at the start of a sentence or a name"),
    # 'eight times or even more': or more (blind set 54 read it as exactly eight)
    (re.compile(r"\bor\s+(?:even|perhaps|maybe|possibly)\s+(more|fewer|less)\b", re.IGNORECASE), r"or \1"),
    # 'not one more or fewer': exactly
    (re.compile(r"\bnot\s+one\s+more\s+or\s+(?:one\s+)?(?:fewer|less)\b", re.IGNORECASE), "no more and no fewer"),
    # 'Low on all-caps, with fewer than ten ...': the count says it
    (re.compile(r"^\s*(?:low|light|sparing|easy)\s+on\s+[\w-]+(?:\s+[\w-]+)?\s*,\s*(?=with\s+(?:fewer|less|at\s+most|no\s+more)\b)", re.IGNORECASE), ""),
    # paragraphs split by ***: an empty one between dividers fails the count already
    (re.compile(r"(\*\*\*[^.;]{0,40}?),?\s*with\s+no\s+empty\s+paragraphs?(?:\s+(?:between|among)\s+(?:the\s+)?(?:dividers|separators|them))?", re.IGNORECASE), r"\1"),
    # a non-native writer's 'avoids to use', 'starts from the word'
    (re.compile(r"\b(avoids?|avoided|avoiding)\s+to\s+(us|includ|mention|writ)e?\b", re.IGNORECASE), r"\1 \2ing"),
    (re.compile(r"\b(starts?|begins?|started|began|starting|beginning)\s+from\s+(?=the\s+word\b)", re.IGNORECASE), r"\1 with "),
    # 'every letter is a capital letter': uppercase
    (re.compile(rf"\b((?:every|each)\s+(?:single\s+)?(?:letter|character)(?:\s+in\s+(?:it|the\s+{_DOC}))?\s+is)\s+(?:a\s+)?capital(?:\s+letter|\s+one)?\b(?!\s+[a-z])", re.IGNORECASE),
     r"\1 uppercase"),
    # a reason naming the user's request: 'as the user asked for', 'for the emphasis the user asked for' (read as a reason)
    (re.compile(r",\s*(?:as\s+(?:the\s+)?|for\s+the\s+(?:emphasis|format(?:ting)?|structure|length|brevity)\s+(?:that\s+)?(?:the\s+)?)"
                r"(user|prompt|request|instructions?)\s+(asked|requested|required)(?:\s+for)?(?=\s*[.;]?\s*$)", re.IGNORECASE), r", as the \1 \2"),
    # 'paragraph #2' is paragraph 2
    (re.compile(r"\b(paragraph|sentence|section|line|bullet)\s+(?:#|no\.\s*|number\s+)(\d+)\b", re.IGNORECASE), r"\1 \2"),
    # 'the 2 paragraph' is the 2nd; 'the first word of the 2nd paragraph is "X"' is what it starts with
    (re.compile(r"\b(the|its|their)\s+(\d+)\s+(paragraph|sentence|section|line|bullet)\b(?!-)", re.IGNORECASE),
     lambda m: f"{m.group(1)} {m.group(2)}{_suffix(int(m.group(2)))} {m.group(3)}"),
    (re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:first|initial|opening|leading)\s+word\s+(?:of|in)\s+((?:the|its|their)\s+[\w-]+\s+paragraph|paragraph\s+\d+)\s+"
                r"(?:is|should be|must be|will be|has to be|reads)\s*(?:the\s+word\s*)?:?\s*", re.IGNORECASE), r"\1 starts with the word "),
    # 'the first paragraph's first word should be "X"'
    (re.compile(r"\b(?:the|its|their)\s+([\w-]+)\s+paragraph's\s+(?:very\s+)?first\s+word\s+(?:is|should be|must be|will be|has to be|reads)\s*(?:the\s+word\s*)?:?\s*",
                re.IGNORECASE), r"the \1 paragraph starts with the word "),
    # an unquoted word list in the middle of the sentence: 'None of the words a, b occur in the response' (the word-list
    # reader wants the list at the end)
    (re.compile(rf"^\s*none\s+of\s+the\s+(?:following\s+)?(?:key ?words|words|terms)\s+({WORD_LIST})\s+(?:occurs?|appears?|(?:is|are)\s+used|shows?\s+up)"
                rf"(?:\s+(?:anywhere\s+)?in\s+the\s+({_DOC}))?\b", re.IGNORECASE),
     lambda m: f"The {m.group(2) or 'response'} does not contain the keywords {m.group(1)}"),
    # 'with not one uppercase letter': with no uppercase letter
    (re.compile(r"\bwith\s+not\s+(?:one|a\s+single)\s+(?=[a-z])", re.IGNORECASE), "with no "),
    # '3 sections that each start with SECTION and a number': each starting with
    (re.compile(r"\b(sections|parts)\s+(?:that|which)\s+each\s+(?:start|begin|open)s?\s+with\b", re.IGNORECASE), r"\1, each starting with"),
    # '5 paragraphs, each pair divided by ***': separated by ***
    (re.compile(r"\b(paragraphs|sections|parts),?\s+(?:each|every)\s+(?:pair|two(?:\s+consecutive)?)(?:\s+of\s+them)?\s+(?:divided|separated|split)\s+by\b", re.IGNORECASE),
     r"\1 separated by"),
    # '4 blank-line-separated paragraphs': paragraphs separated by blank lines
    (re.compile(r"\b(?:blank|empty)[- ]line[- ](?:separated|delimited)\s+(paragraphs|sections|blocks)\b", re.IGNORECASE), r"\1 separated by blank lines"),
    # 'with the divider *** separating each one from the next': separating them
    (re.compile(r"\bseparating\s+(?:each\s+one|each|every\s+one)\s+from\s+the\s+next\b", re.IGNORECASE), "separating them"),
    # 'with the markdown divider *** between one paragraph and the next': between each
    (re.compile(r"\bbetween\s+one\s+(paragraph|section|part)\s+and\s+the\s+next\b", re.IGNORECASE), r"between each \1 and the next"),
    # 'at least 10 of the reply's words': of the words in the reply
    (re.compile(r"\bof\s+the\s+(reply|response|answer)'s\s+(words|sentences|paragraphs|letters)\b", re.IGNORECASE), r"of the \2 in the \1"),
    # 'keeps to exactly 4 paragraphs': has
    (re.compile(r"\b(?:keeps?|keeping|sticks?|sticking)\s+to\s+(?=(?:exactly|precisely|at\s+most|no\s+more\s+than|\d)\b)", re.IGNORECASE), "has "),
    # 'started the 7th paragraph with "X"', 'begin paragraph 2 with "X"'
    (re.compile(r"\b(?:start|begin|open)(?:s|ed)?\s+((?:the|its|their)\s+[\w-]+\s+paragraph|paragraph\s+\d+)\s+with\b", re.IGNORECASE),
     r"\1 starts with"),
    (re.compile(r"\bbegan\s+((?:the|its|their)\s+[\w-]+\s+paragraph|paragraph\s+\d+)\s+with\b", re.IGNORECASE), r"\1 starts with"),
    # informal negations: 'dont', 'doesnt', 'cant', 'wont'
    (re.compile(r"\b(do|does|did|should|must|could|would|is|are|was|were|has|have)nt\b", re.IGNORECASE), r"\1 not"),
    (re.compile(r"\bcant\b", re.IGNORECASE), "can not"),
    (re.compile(r"\bwont\b", re.IGNORECASE), "will not"),
    # 'does not exceed 120 words' is at most 120; 'exceeds 120 words' is more than 120
    (re.compile(r"\b(?:(?:does|do|must|should|will|shall|may|can|is to)\s*(?:not|n't)|never|cannot|can't|won't)\s+(?:go\s+)?(?:exceed|go over|surpass|pass)(?:s|ing)?\b"
                r"(?:\s+(?:a\s+)?(?:(?:total|length|count|maximum|limit)\s+of\s+))?", re.IGNORECASE), "is at most"),
    # 'adheres to the 300-word limit', 'within a 50-word cap': a maximum; 'a 400-word minimum': a minimum
    # ('below the 100-word limit' may be strict or not: left as it is)
    (re.compile(r"(?<!below )(?<!under )(?<!beneath )(?<!than )\b(?:an?|the|its|their)\s+(\d[\d,]*)[- ](word|sentence|paragraph)\s+"
                r"(?:limit|maximum|cap|ceiling)\b", re.IGNORECASE), r"at most \1 \2s"),
    (re.compile(r"\b(?:an?|the|its|their)\s+(\d[\d,]*)[- ](word|sentence|paragraph)\s+(?:minimum|floor)\b", re.IGNORECASE), r"at least \1 \2s"),
    # 'Limit your answer to 3 paragraphs', 'capped to 100 words': a maximum
    (re.compile(r"\b((?:limit|cap|restrict)(?:s|ed|ing)?\s+(?:(?:it|itself|this|the\s+\w+|your\s+\w+)\s+)?to)\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|one hundred)\b)", re.IGNORECASE), r"\1 at most "),
    # 'contains zero uppercase letters', 'has 0 commas': none ('zero or more' is no count)
    (re.compile(r"\b(contains?|containing|has|have|having|uses?|using|includes?|including|with|features?)\s+(?:exactly\s+)?(?:zero|0)\s+"
                r"(?!(?:or|and|to|times?)\b)(?=[a-z])", re.IGNORECASE), r"\1 no "),
    # 'no capitals anywhere, including names and headings': the parts named are in the whole already
    (re.compile(r"\b(anywhere|everywhere|throughout(?:\s+the\s+response)?|at\s+all)\s*,\s*(?:including|even(?:\s+in)?)\s+[^.;:)\"]*", re.IGNORECASE),
     r"\1"),
    # the purpose after a count of all-caps words: 'at least 10 times for emphasis' (not a scope: 'for the warnings')
    (re.compile(r"(\ball[- ]caps\s+words?\b.{0,60}?\b(?:\d+|times|or\s+more))\s+(?:for|as|to\s+add)\s+emphasis(?=\s*[.!]?\s*$)", re.IGNORECASE), r"\1"),
    # a gloss on what an all-caps word is: 'all-caps words (every letter uppercase)', 'fully uppercase words (every letter a
    # capital)', 'words in full capitals, where a word counts when every letter in it is uppercase'
    (re.compile(r"\b((?:(?:fully|entirely|completely)\s+)?(?:all[- ]caps|upper ?case|upper-case|capitali[sz]ed)\s+words?|words?\s+(?:written\s+)?in\s+"
                r"(?:all|full)\s+(?:caps|capitals))\s*(?:\((?:with\s+|i\.e\.,?\s+|meaning\s+)?|,\s*where\s+a\s+word\s+counts\s+(?:only\s+)?(?:when|if)\s+)"
                r"(?:every|each|all)\s+(?:of\s+its\s+)?(?:letters?|characters?)(?:\s+in\s+it)?\s+(?:is\s+|are\s+|in\s+)?(?:an?\s+)?"
                r"(?:upper ?case|upper-case|capitali[sz]ed|capitals?)(?:\s+letters?)?(?:\)|(?=\s*[.;]?\s*$))", re.IGNORECASE), r"\1"),
    # 'does not contain a single uppercase letter', 'does not use any commas': none
    # ('must not contain any uppercase letters': 'must contain no uppercase letters')
    (re.compile(r"\b(?:(?:does\s+not|doesn't)|(?P<modal>must|should|shall)\s+not)\s+(?P<v>contain|have|use|include)\s+"
                r"(?:a\s+single|any|even\s+(?:a|one)(?:\s+single)?|one\s+single)\s+(?!of\b)(?=[a-z])", re.IGNORECASE),
     lambda m: f"{m.group('modal')} {m.group('v')} no " if m.group("modal") else f"{third(m.group('v'))} no "),
    # 'None of these words used: a, b' (a checklist's shorthand): the list's words are not used
    (re.compile(r"^\s*none\s+of\s+(?:these|the\s+following|the\s+listed)\s+(?:words|terms|keywords)\s+(?:is\s+|are\s+)?(?:used|present|appear|included|mentioned)\s*:",
                re.IGNORECASE), "Do not use any of these words:"),
    # 'entirely free of "a" and "b"': free of the quoted words (a rewrite sees the text up to a quotation)
    (re.compile(r"\b(?:entirely\s+|wholly\s+|completely\s+)?free\s+of\s*$", re.IGNORECASE), "free of the words "),
    # 'Not one of the following appears in the reply as a word, in any case: "a", "b"': the quoted words are not used
    (re.compile(r"^\s*(?:none|not\s+(?:a\s+single\s+)?one)\s+of\s+(?:these|the\s+following|the\s+listed)(?:\s+(?:words|terms|keywords))?\s+"
                r"(?:appears|occurs|is\s+(?:used|found|present))\s+(?:anywhere\s+)?in\s+the\s+(?:reply|response|answer)(?P<note>\s*,[^:\"\u201c]{1,60})?\s*:\s*$",
                re.IGNORECASE),  # (the quoted words follow: a rewrite sees the text up to a quotation)
     lambda m: f"Do not use any of these words{m.group('note') or ''}: "),
    # 'Each of the following words appears in the reply at least once, in any capitalisation: a, b': the reply contains each
    (re.compile(r"^\s*each\s+of\s+(?:these|the\s+following|the\s+listed)\s+(?P<w>words|terms|keywords)\s+(?:appears|occurs|is\s+(?:used|present|found))\s+"
                r"(?:somewhere\s+)?in\s+the\s+(?:reply|response|answer)(?P<once>\s+at\s+least\s+once)?(?P<note>\s*,[^:\"\u201c]{1,60})?\s*:", re.IGNORECASE),
     lambda m: f"The response contains each of the following {m.group('w')}{m.group('note') or ''}:"),  # (once is each present)
    # 'No banned word from this list may appear: a, b': the list's words are not used
    (re.compile(r"^\s*no\s+(?:banned\s+|forbidden\s+|listed\s+)?words?\s+(?:from|in|on)\s+(?:this|the\s+following|the)\s+list\s+"
                r"(?:may|can|should|must|is\s+to)\s+(?:appear|be\s+used)\s*:", re.IGNORECASE), "Do not use any of these words:"),
    # a terse requirement without its subject: 'Must be in Kannada', 'Response must contain ...'
    (re.compile(r"^\s*(?=(?:must|should|has\s+to|needs\s+to)\s+[a-z])", re.IGNORECASE), "The response "),
    (re.compile(r"^\s*(?:response|reply|answer)\s+(?=(?:must|should|has\s+to|needs\s+to|is|has|uses|contains|includes|ends|starts|begins)\b)",
                re.IGNORECASE), "The response "),
    # a formal obligation: 'The response is to contain ...' is 'The response must contain ...'
    (re.compile(r"\b((?:the|your|its)\s+(?:(?:whole|entire|full|final)\s+)?(?:response|reply|answer|output|text))\s+is\s+to\s+(?=[a-z]+\b)(?!be\s+(?:judged|graded|read|checked|scored|evaluated|compared)\b)",
                re.IGNORECASE), r"\1 must "),
    # 'in Kannada, not in any other language': the language restated
    # 'in Russian, all of it, not a mix with English or anything else', 'with no English or other language mixed in',
    # 'every word of it'
    (re.compile(r"(\bin\s+[A-Z][a-z]+),?\s+(?:every\s+word|all)\s+of\s+it\b(?=\s*[.;]?\s*$)"), r"\1"),
    (re.compile(r"(\bin\s+[A-Z][a-z]+)(?:,?\s+(?:all|every\s+word)\s+of\s+it)?,?\s+(?:and\s+)?(?:not\s+(?:in\s+)?any\s+other\s+language\b|"
                r"not\s+(?:a\s+)?mix(?:ed)?\s+(?:with|of)\s+(?:[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?|another\s+language|other\s+languages)"
                r"(?:\s+or\s+(?:anything\s+else|any\s+other(?:\s+language)?|other\s+languages?|another\s+language))?\b|"
                r"with\s+no\s+[A-Z][a-z]+\s+or\s+(?:any\s+)?other\s+languages?\s+mixed\s+in\b|"
                r"(?:with\s+)?no\s+part\s+of\s+it\s+in\s+(?:any\s+other|another)\s+language\b|"
                r"with\s+no\s+switching\s+(?:in)?to\s+(?:another|any\s+other)\s+language\b)"), r"\1"),
    # the whole said as its content: 'There is nothing in the reply except valid JSON', 'Valid JSON makes up the entire reply'
    (re.compile(rf"^\s*there\s+is\s+nothing\s+in\s+the\s+({_DOC})\s+(?:except|but|other\s+than|besides)\s+(?=[a-z])", re.IGNORECASE), r"The \1 is nothing but "),
    (re.compile(rf"^\s*((?:valid\s+)?json(?:\s+(?:object|data))?)\s+makes\s+up\s+the\s+(?:entire|whole)\s+({_DOC})\b", re.IGNORECASE), r"The entire \2 is \1"),
    # JSON alone: 'with no prose before or after (it)' is what the check asks already
    (re.compile(r"(\bjson\b[^;.]{0,80}?),?\s*(?:with\s+no\s+(?:prose|text|commentary|explanation|other\s+(?:text|content))\s+(?:before\s+or\s+after(?:\s+it)?|around\s+it|"
                r"outside\s+(?:of\s+)?(?:it|the\s+json))|(?:but|and)\s+nothing\s+else\s+(?:lies|is|appears|sits)\s+outside\s+(?:of\s+)?(?:it|the\s+json))(?=\s*[.;]?\s*$)",
                re.IGNORECASE), r"\1"),
    # a count said after what it counts: 'Counting every line that begins with a bullet (* or -), the reply has exactly three'
    (re.compile(rf"^\s*counting\s+(?:every|each|all(?:\s+the)?)\s+(?P<n>line|word|sentence|paragraph|section|bullet(?:\s+point)?)\s+(?P<rest>(?:that|which|whose)\s+[^,;\"]{{3,80}}?),\s+"
                rf"the\s+(?P<d>{_DOC})\s+has\s+(?P<q>(?:exactly\s+|at\s+least\s+|at\s+most\s+|fewer\s+than\s+|less\s+than\s+|more\s+than\s+)?(?:\d+|[a-z]+)(?:\s+or\s+(?:more|fewer))?)"
                r"(?:\s+of\s+them)?(?=\s*\.?\s*$)", re.IGNORECASE),
     lambda m: f"The {m.group('d')} has {m.group('q')} {m.group('n')}s " + re.sub(r"^(?:that|which)\s+(begin|start|end|open|contain|appear)s\b", r"that \1", m.group("rest"))),
    # the one language said as the subject or a use: 'Russian is the only language used, from start to finish', 'There is no
    # language other than Russian in the reply', 'Use of Russian for the entire reply'
    (re.compile(rf"^\s*(?:(?P<a>[A-Z][a-z]+)\s+is\s+the\s+only\s+language\s+(?:used|spoken|written)(?:\s+in\s+the\s+(?P<d1>{_DOC}))?(?:,?\s+from\s+start\s+to\s+finish)?"
                rf"|[Tt]here\s+is\s+no\s+language\s+other\s+than\s+(?P<b>[A-Z][a-z]+)\s+(?:used\s+)?in\s+the\s+(?P<d2>{_DOC})"
                rf"|[Uu]se\s+of\s+(?P<c>[A-Z][a-z]+)\s+for\s+the\s+(?:entire|whole)\s+(?P<d3>{_DOC}))(?=\s*[,.;]|\s*$)"),
     lambda m: (f"The entire {m.group('d1') or m.group('d2') or m.group('d3') or 'response'} is in {m.group('a') or m.group('b') or m.group('c')}"
                if (m.group("a") or m.group("b") or m.group("c")).lower() in LANGUAGES else m.group(0))),
    # 'the language of the response is Hindi': the response is in Hindi
    (re.compile(r"\bthe\s+(?:main\s+|primary\s+)?language\s+of\s+the\s+(response|answer|reply|output)\s+is\s+(?=[A-Z][a-z]+\b)"), r"the \1 is in "),
    # 'At least 15 occurrences of 'l'': the response has them
    (re.compile(r"^\s*(?=(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+\d+\s+"
                r"(?:occurrences|instances)\s+of\s*$)", re.IGNORECASE), "The response has "),
    # '...; no text may follow': nothing after it
    (re.compile(r"\s*;\s*no\s+(?:other\s+|more\s+|further\s+)?(?:text|words?|content|characters?)\s+(?:may|can|should|must)\s+(?:follow|come\s+after)(?:\s+it)?\b",
                re.IGNORECASE), " and nothing follows it"),
    # an annotator's shorthand: 'resp', 'case-insens.', 'sep. by', '>= 4', '6x', "any ',' = fail"
    (re.compile(r"\bresp\b\.?", re.IGNORECASE), "response"),
    (re.compile(r"\bcase[- ]insens\.", re.IGNORECASE), "case-insensitive"),
    (re.compile(r"\bsep\.\s+(?=by\b)", re.IGNORECASE), "separated "),
    (re.compile(r"(?:\u2265|>=)\s*(?=\d)"), "at least "),
    (re.compile(r"(?:\u2264|<=)\s*(?=\d)"), "at most "),
    (re.compile(r"(?<![<\w])<\s*(?=\d)"), "less than "),
    (re.compile(r"(?<![>\w-])>\s*(?=\d)"), "more than "),
    (re.compile(r"(?<=\d)x(?!\w)"), " times"),
    (re.compile(r"\s*\u00d7\s*(at least|at most|less than|more than|exactly)?\s*(\d+)\b(?!\s*times)"),
     lambda m: f" appears {m.group(1) + ' ' if m.group(1) else 'exactly '}{m.group(2)} times"),
    (re.compile(r"\s*=\s*fail(?:s|ed)?\b", re.IGNORECASE), " fails it"),
    # 'contains even one capital letter' (a condition to fail): any ('a single' alone may be exactly one)
    (re.compile(r"\b(contains?|has|have|uses?|includes?)\s+even\s+(?:a\s+single|one)\s+(?=[a-z])", re.IGNORECASE), r"\1 any "),
    # '(ignoring surrounding whitespace)': what the start, end and quotation checks do already
    (re.compile(r"\s*\((?:ignoring|not\s+counting|apart\s+from|aside\s+from|excluding)\s+(?:any\s+)?(?:surrounding|leading(?:\s+(?:and|or)\s+trailing)?|"
                r"trailing|outer)\s+(?:white\s*space|spaces)\)", re.IGNORECASE), ""),
    # 'the marker P.S. followed by its text': a postscript has its text
    (re.compile(r"(\bmarker\s+[A-Za-z.]{2,8})\s+followed\s+by\s+(?:its|some|the)\s+(?:text|content|note|message|body)\b", re.IGNORECASE), r"\1"),
    # 'kw "x"': the keyword
    (re.compile(r"^\s*(?:kw|key\s*words?)\s+$", re.IGNORECASE), "The keyword "),
    # a closing ', zero capitals': with none
    (re.compile(r",\s*(?:zero|0)\s+(?=[a-z]+(?:\s+[a-z]+)?\s*[.!]?\s*$)", re.IGNORECASE), ", with no "),
    # '10+ words': 10 or more
    (re.compile(r"(?<![\w.+])(\d+)\+(?=\s+[a-z])", re.IGNORECASE), r"\1 or more"),
    # a strict bound restated: 'Shorter than 701 words overall: strictly under the limit, not equal to it'
    (re.compile(r"(\b(?:(?:fewer|less|shorter)\s+than|under|below)\s+[\d,]+\s+[a-z]+(?:\s+(?:overall|in\s+total|total|long))?)\s*[:;,]\s*"
                r"(?:(?:strictly\s+)?(?:under|below|less\s+than)\s+(?:the|that|this)\s+(?:limit|cap|maximum|bound|number)(?:\s*,\s*not\s+(?:equal\s+to|at)\s+it)?"
                r"|not\s+equal\s+to\s+it)(?=\s*[.;]?\s*$)", re.IGNORECASE), r"\1"),
    # 'strictly less than 5', 'strictly under 10': the relation is strict already
    (re.compile(r"\bstrictly\s+(?=(?:less|fewer|under|below|more|greater|over|above)\b)", re.IGNORECASE), ""),
]


def third(verb: str) -> str:
    """The third person singular of a verb after 'does': 'begin' -> 'begins', 'have' -> 'has'."""
    v = verb.lower()
    if v in ("not", "never", "only", "also", "ever"):
        return v
    if v == "have":
        return "has"
    return v + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", v) else v + "s"


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


# 'Keeps mentions of "hughes" below 2', 'the count of 'a' characters is under 3': a count of occurrences, said without
# 'times' (across the quotation, so read on the whole text)
_OCCURRENCES = re.compile(r"(\b(?:mentions|occurrences|instances|appearances|uses|usages|count|number)\s+of\s+(?:the\s+(?:word|term|keyword)\s+)?"
                          r"(?:\"[^\"\n]{1,60}\"|'[^'\n]{1,60}'|\u201c[^\u201d\n]{1,60}\u201d)(?:\s+(?:characters?|letters?))?(?:\s*\([^()\n]{1,40}\))?"
                          r"(?:\s+in\s+the\s+(?:response|reply|answer|output))?(?:\s*,\s*[a-z ]{1,40},)?"
                          r"\s+(?:(?:is|are|stays?|remains?|kept)\s+)?(?:below|under|fewer\s+than|less\s+than|at\s+most|at\s+least|above|over|"
                          r"more\s+than)\s+\d+)\b(?!\s*(?:times|%|per))", re.IGNORECASE)


# an annotator's shorthand across a quotation: "count('i'), case-insens. < 3", 'whole resp wrapped in "..."'
_COUNT_OF = re.compile(r"^\s*count\(\s*(?P<q>'[^'\n]{1,20}'|\"[^\"\n]{1,40}\")\s*\)\s*(?:,\s*(?P<note>[a-z][a-z .-]{0,29}?))?\s*"
                       r"(?P<rel><=|>=|<|>|\u2264|\u2265|=)\s*(?P<n>\d+)\s*\.?\s*$", re.IGNORECASE)
_REL_SIGN = {**REL_SIGNS, "=": "exactly"}
# 'with "weekend" (any case) as the first word of the first paragraph': that paragraph starts with it
_AS_FIRST_WORD = re.compile(r"(?:,\s*|\s+)(?:with|and)\s+(?P<q>\"[^\"\n]{1,40}\"|\u201c[^\u201d\n]{1,40}\u201d)(?P<note>\s*\((?:any|either)\s+case\))?\s+as\s+"
                            r"the\s+(?:very\s+)?first\s+word\s+of\s+the\s+(?P<nth>[\w-]+)\s+paragraph\b", re.IGNORECASE)
_ELLIPSIS_QUOTED = re.compile(r"\b(wrapped|enclosed)\s+in\s+\"(?:\.\.\.|\u2026)\"", re.IGNORECASE)


# a number restated in digits after itself ('at least 600 (600) words'), a bare letter's count ('q count >= 4'), a word
# and its minimum as 'xN+' ('schedule x6+')
_SAME_NUMBER = re.compile(r"\b(\d+)\s*\(\s*\1\s*\)")
_LETTER_COUNT = re.compile(r"^\s*(?P<l>[a-z])\s+count\b(?=\s*(?:<=|>=|<|>|=|\u2264|\u2265)\s*\d+\s*(?:\([a-z ,-]{1,40}\))?\s*\.?\s*$)", re.IGNORECASE)
_TIMES_PLUS = re.compile(r"^\s*(?P<w>\"[^\"\n]{1,40}\"|[A-Za-z][\w'-]*)\s+x\s?(?P<n>\d+)\+\s*\.?\s*$")


# the counted thing as the subject: 'At least six occurrences of "x" appear in the reply' -> the response has them
_COUNT_SUBJECT = re.compile(r"^\s*(?P<rel>(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+"
                            rf"(?:\d+|{NUMBER_WORD})\s+(?:occurrences|instances|uses|mentions)\s+of\s+(?:the\s+(?:word|letter|character)\s+)?"
                            r"(?:\"[^\"\n]{1,40}\"|\u201c[^\u201d\n]{1,40}\u201d))\s*,?\s+(?:appear|occur|show\s+up|turn\s+up|are\s+found|are\s+present)\s+"
                            rf"(?:anywhere\s+)?in\s+the\s+{_DOC}(?P<end>\s*[.!]?)\s*$", re.IGNORECASE)


def _shorthand(text: str) -> str:
    text = _COUNT_SUBJECT.sub(lambda m: f"The response has {m.group('rel')[:1].lower()}{m.group('rel')[1:]}{m.group('end')}", text)
    text = _LETTER_COUNT.sub(lambda m: f"letter {m.group('l')} count", _SAME_NUMBER.sub(r"\1", text))
    m = _TIMES_PLUS.match(text)
    if m:
        w = m.group("w") if m.group("w").startswith('"') else f'"{m.group("w")}"'
        return f"{w} appears at least {m.group('n')} times."
    m = _COUNT_OF.match(text)
    if m:
        note = f", {m.group('note').strip()}" if m.group("note") else ""
        return f"{m.group('q')} appears {_REL_SIGN[m.group('rel')]} {m.group('n')} times{note}."
    text = _AS_FIRST_WORD.sub(lambda m: f", and the {m.group('nth')} paragraph starts with the word {m.group('q')}{m.group('note') or ''}", text)
    return _ELLIPSIS_QUOTED.sub(r"\1 in double quotes", text)


@lru_cache(maxsize=8192)
def canonical(text: str) -> str:
    """``text`` with voice and spelling variants rewritten outside its data (quotations, an unquoted end
    phrase); the same text when nothing applies. A pure function of the text, asked for several times per criterion
    as the voice readers re-read it: kept for recent texts."""
    text = _shorthand(unframe(text))
    text = _OCCURRENCES.sub(lambda m: re.sub(r"^number(?=\s+of\b)", "count", m.group(1)) + " times", text)
    # a quote character named and shown: 'a double quote character (")' (the shown one is not a quotation)
    text = re.sub(r"(quot\w*(?:\s+(?:marks?|characters?))?)\s*\(\s*[\"\u201c\u201d]\s*\)", r"\1", text, flags=re.IGNORECASE)
    # a closing 'pls' / ', thanks' (not when the text ends in a word list: 'Avoid the words: sorry, please')
    if not re.search(r"\b(?:words?|terms?|key ?words?|phrases?)\b|:", text, re.IGNORECASE):
        text = re.sub(r"[,\s]+(?:pls|plz|please|thanks|thx|thank you)\s*[.!]*\s*$", "", text, flags=re.IGNORECASE)
    end = unquoted_end_phrase(text)
    stop = end[0] if end is not None else len(text)
    head, tail = text[:stop], text[stop:]
    out, last = [], 0
    for m in QUOTE_RE.finditer(head):
        out.append(("t", head[last:m.start()]))
        out.append(("q", m.group(0)))
        last = m.end()
    out.append(("t", head[last:]))
    parts = []
    for i, (kind, s) in enumerate(out):
        if kind == "t":
            for pat, rep in _REWRITES:
                if i == 0 or not pat.pattern.startswith("^"):  # a start-of-text rewrite only at the start
                    s = pat.sub(rep, s)
        parts.append(s)
    out_text = "".join(parts) + tail
    if re.match(r"\s*(?:does|did|is|was)\b", text, re.IGNORECASE) and re.match(r"\s*The\b", out_text) and not tail:
        out_text = re.sub(r"\?\s*$", ".", out_text)  # the question read as a statement
    return out_text
