"""More voices around a criterion read off before the frames of :mod:`rubricc.compiler.lower_frames` (issue 15,
round 5): an LLM judge's system prompt ('You are grading a reply. Output 1 if ...; otherwise output 0.'), a QA
test case ('Then the reply ...', 'Expected result: ...'), a house style ('Copy must ...', 'Pieces must ...'),
a paper's passive definition ('A response is deemed compliant when ...', 'Compliance is defined as the
response being ...') and an audit question about the model ('Did the model ...?').

:func:`unvoice` rewrites only the frame and the writer's name for the response ('the assistant's reply',
'the model', 'the copy', 'the piece'); the inner criterion alone decides what is checked. A failure frame
('Output 0 if ...', 'Return FAIL if ...') is never read off, and a grant's other branch is cut only when it is
the plain complement ('otherwise output 0', 'If any is missing, output 0', 'Return FAIL if any of them does').
Quoted material is never rewritten.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_parse import EXPECTED_LABEL
from rubricc.compiler.lower_relative import FINITE

_I = re.IGNORECASE
_DOC = r"(?:response|answer|reply|output|text|completion|generation)"
_WHO = r"(?:assistant|model|ai|llm|chatbot|system|bot)"

# a judge's preamble sentence: 'You are grading an assistant's reply.'
_PREAMBLE = re.compile(rf"^\s*you\s+are\s+(?:grading|evaluating|judging|assessing|reviewing|scoring|checking)\s+(?:an?|the)\s+"
                       rf"(?:(?:{_WHO})(?:'s)?\s+)?{_DOC}\s*\.\s+", _I)
# the grant's other branch, when it is the plain complement
_FAIL_WORD = r"[\"']?(?:0|zero|fail|no|false)[\"']?"
_OUT = r"(?:output|return|print|emit|answer|respond with|reply with|mark|score|rate|grade|label)"
_LESSER = (r"it\s+is\s+(?:any\s+)?(?:shorter|smaller|longer|larger|fewer|less|more|greater|lower|higher)|it\s+(?:does|is)\s+not|not|"
           r"any\s+(?:of\s+them\s+)?(?:is|are)\s+(?:missing|absent)|any\s+of\s+them\s+(?:does|do|is|are)|there\s+are\s+more\s+or\s+fewer")
_COMPLEMENT = re.compile(
    rf"\s*(?:[;,.]\s*|\s+)(?:(?:otherwise|else|if\s+not)\s*,?\s*(?:{_OUT}\s+(?:it\s+|the\s+{_DOC}\s+)?(?:as\s+)?)?{_FAIL_WORD}"
    rf"|(?:and\s+)?(?:{_OUT}\s+(?:it\s+)?)?{_FAIL_WORD}\s+(?:otherwise|if\s+not)"
    rf"|(?:if\s+(?:{_LESSER})\s*,?\s*{_OUT}\s+{_FAIL_WORD})"
    rf"|{_OUT}\s+{_FAIL_WORD}\s+(?:if|when)\s+(?:{_LESSER}))\s*[.!]?\s*$", _I)
# the judge's grant: 'Output 1 if', 'Return PASS only if', 'Print YES when'
_GRANT = re.compile(rf"^\s*(?:(?:output|return|print|emit|respond\s+with|reply\s+with|answer)\s+|(?:score|rate|grade|label)\s+(?:(?:it|the\s+{_DOC})\s+)?(?:as\s+)?)"
                    rf"[\"']?(?:1|pass|yes|true)[\"']?\s+(?:only\s+)?(?:if|when|iff)\b(?:\s+and\s+only\s+if\b)?\s*", _I)
# a definition of compliance: 'A response is deemed compliant when', 'Compliance is defined as', 'Compliance requires that'
_COMPLIANT = re.compile(rf"^\s*(?:(?:an?|the)\s+{_DOC}\s+is\s+(?:deemed|considered|counted\s+as|judged|regarded\s+as|treated\s+as|taken\s+to\s+be|"
                        rf"classed\s+as|classified\s+as)\s+(?:compliant|correct|acceptable|passing|conforming|a\s+pass)\s+(?:only\s+)?(?:if|when|iff)\b"
                        rf"|(?:an?|the)\s+{_DOC}\s+(?:is\s+(?:compliant|correct|acceptable)|passes(?:\s+(?:this|the)\s+(?:check|test|criterion|item))?)\s+(?:only\s+)?iff\b"
                        rf"|(?:an?|the)\s+{_DOC}\s+passes\s+(?:this|the)\s+(?:check|test|criterion|item)\s+(?:only\s+)?(?:if|when)\b"
                        rf"(?:\s+and\s+only\s+if\b)?\s*,?\s*)", _I)
_DEFINED = re.compile(r"^\s*(?:compliance|success|a\s+pass|passing)\s+(?:is\s+defined\s+as|means|is)\s+(?:(?P<cnt>(?:the\s+)?(?:number|count|total)\s+of\s+[^\"\u201c]+?)\s+(?P<be>being)\b|"
                      r"(?P<np>the\s+(?:response|reply|answer|output)|the\s+(?:response|reply|answer)'s\s+[a-z ]+?)\s+"
                      r"(?P<ing>being|containing|having|terminating|ending|starting|beginning|opening|closing|including|using|consisting|"
                      r"comprising|finishing)\b)", _I)
# a test case's step or expectation: 'Then the reply ...', 'Expected result: the response ...', 'Verify that ...'
_STEP = re.compile(rf"^\s*(?:(?:and\s+)?then\s+|{EXPECTED_LABEL}\s*|(?:verify|assert|confirm|check)\s+that\s+|(?:evaluate|judge|determine|assess|decide|check|measure|test|examine|verify)\s+(?:whether|if)\s+"
                   r"|(?:evaluates|assesses|checks|measures|determines|verifies|tests|examines|judges|gauges|confirms)\s+(?:whether|if|that)\s+"
                   r"|(?:verify|assert|confirm)\s+(?=the\s+(?:detected\s+|main\s+)?language\s+of\b))"
                   rf"(?=(?:the|its)\s+(?:(?:whole|entire|full|complete)\s+)?{_DOC}\b|the\s+{_DOC}'s\b|the\s+(?:count|number|total)\s+of\b"
                   r"|the\s+(?:detected\s+|main\s+)?language\s+of\b|(?:each|every\s+one|all|both)\s+of\s+[\"\u201c']|the\s+(?:model|assistant)\s+(?=(?:first\s+|always\s+|never\s+)?[a-z]+s\b)"
                   r"|the\s+(?:word|letter|character|keyword|term|phrase)\s+[\"\u201c'])", _I)
# an expectation: "Expect the output's word count to be at least 100" is "The output's word count is at least 100"
_EXPECT = re.compile(rf"^\s*expect\s+(?P<np>(?:the|its)\s+(?:(?:whole|entire|full|complete)\s+)?{_DOC}(?:'s\s+[a-z]+(?:\s+[a-z]+)?)?|the\s+(?:count|number|total)\s+of\s+[a-z][a-z -]{{0,40}}?)"
                     r"\s+to\s+be\s+(?=\S)", _I)
# the writer's names for the response: 'the assistant's reply', 'the model', 'the copy', 'a piece'
_NAMES = [
    # the response a rubric describes: 'A strong response ...', 'An ideal response ...', 'The best response ...'
    (re.compile(r"^\s*(?:an?|the)\s+(?:strong|ideal|good|great|excellent|high[- ]quality|best|top|perfect|exemplary|model|winning|successful|"
                r"compliant|correct|passing|acceptable)\s+(?:response|answer|reply|completion|output)\s+(?=[a-z])", _I), "The response "),
    (re.compile(rf"\bthe\s+{_WHO}'s\s+((?:entire\s+|whole\s+|full\s+|complete\s+)?){_DOC}\b", _I), r"the \1response"),
    (re.compile(rf"^\s*(did|does|has|is|was)\s+the\s+{_WHO}\s+(?=[a-z])", _I), r"\1 it "),
    (re.compile(rf"^\s*the\s+{_WHO}\s+(?=[a-z]+s\b|has\b|did\b|does\b|must\b|should\b)", _I), "The response "),
    (re.compile(r"^\s*(?:the\s+)?(?:copy|pieces?|every\s+piece|each\s+piece|a\s+piece|contributors|writers|authors)\s+(?=(?:must|should|shall|has\s+to|is\s+to|needs?\s+to)\b)", _I),
     "The response "),
]


# spelling variants of a requirement, read anywhere outside quotations
_VARIANTS = [
    # 'each of "a" and "b" occurs somewhere in the output': the output contains each of them
    (re.compile(rf"^\s*(?:each|every\s+one|all|both)\s+of\s+(?P<x>(?:[\"\u201c][^\"\u201d]{{1,60}}[\"\u201d](?:,?\s+and\s+|\s*,\s*)?)+?)\s+"
                rf"(?:occurs?|appears?|is\s+present|shows?\s+up)\s+(?:somewhere\s+)?in\s+the\s+(?P<d>{_DOC})\b", _I), r"The \g<d> contains each of \g<x>", True),
    # 'is nothing but valid JSON': entirely; 'is concise: fewer than 100 words', 'is concise, at fewer than 701 words', 'is concise, using fewer than 10 sentences' (the brevity defined by the count): has
    (re.compile(r"\bis\s+nothing\s+but\s+(?=(?:valid\s+)?json\b)", _I), "is entirely "),
    (re.compile(r"\bis\s+(?:concise|brief|short|succinct)\s*(?::|,\s*(?:at|using))\s*(?=(?:fewer|less|under|at\s+most|no\s+more)\s+(?:than\s+)?\d)", _I), "has "),
    # 'all-caps words are limited to fewer than 10': number fewer than 10
    (re.compile(r"\bare\s+limited\s+to\s+(?=(?:(?:fewer|less)\s+than|at\s+most|no\s+more\s+than)\s+\d)", _I), "number "),
    # 'the count of X' is the number of X; "the response's count of X" is the number of X in the response
    (re.compile(rf"\bthe\s+{_DOC}'s\s+(?:count|number|total)\s+of\s+([a-z][a-z -]{{0,40}}?)(?=\s+(?:is|equals|are)\b|\s*\()", _I), r"the number of \1 in the response"),
    (re.compile(r"\bthe\s+(?:count|total)\s+of\s+(?=[a-z])", _I), "the number of "),
    (re.compile(r"\b(the\s+number\s+of\s+[^\"\u201c;]{1,80}?)\s+equals\s+(?=\d)", _I), r"\1 is exactly "),
    # what a bullet is, explained in passing: '(lines beginning with "* " or "- ")', ', i.e. lines starting with a hyphen,'
    (re.compile(rf"(\bbullet(?:\s+(?:points?|items?))?s?(?:\s+in\s+the\s+{_DOC})?)\s*(?:\(\s*(?:i\.e\.,?\s*|that is,?\s*)?lines?\s+(?:beginning|starting|that (?:begin|start))\s+with\s+[^()]{{1,40}}\)"
                r"|,\s*(?:i\.e\.,?|that is,?)\s+lines?\s+(?:beginning|starting|that (?:begin|start))\s+with\s+(?:an?\s+)?(?:asterisk|hyphen|dash|\*|-)(?:\s+or\s+(?:an?\s+)?(?:asterisk|hyphen|dash|\*|-))?\s*,)", _I),
     r"\1", True),
    # ', each a markdown item starting with * or -', ', written as markdown list items starting with * or -'
    (re.compile(r"(\bbullet(?:\s+(?:points?|items?))?s?)\s*,\s*(?:each(?:\s+(?:one|being))?|written\s+as|as)\s+(?:an?\s+)?(?:markdown\s+)?(?:list\s+)?"
                r"(?:items?|lines?|bullets?)?\s*(?:starting|beginning|that\s+(?:starts?|begins?))\s+with\s+(?:an?\s+)?(?:\*|-|asterisk|hyphen|dash)"
                r"(?:\s+or\s+(?:an?\s+)?(?:\*|-|asterisk|hyphen|dash))?(?=\s*[.;]?\s*$)", _I), r"\1", True),
    # an end phrase: 'close on', 'terminate with'; 'with no subsequent content' is nothing after it
    (re.compile(r"\b(?:close|finish|terminate)\s+(?:on|with)\b(?=\s+(?:the\s+)?(?:exact\s+)?(?:phrase|words?|sentence|line)?\s*[\"\u201c])", _I), "end with"),
    (re.compile(r"\b(?:closes|finishes|terminates)\s+(?:on|with)\b(?=\s+(?:the\s+)?(?:exact\s+)?(?:phrase|words?|sentence|line)?\s*[\"\u201c])", _I), "ends with"),
    (re.compile(r"\bwith\s+no\s+(?:subsequent|further|following|trailing|additional)\s+(?:content|text|material|words|characters)(?:\s+after(?:wards)?)?(?=\s*[.;]?\s*$)", _I),
     "with nothing after it"),
    # '3+ occurrences' is at least 3; 'ALL-CAPS words: 3 minimum' is at least 3
    (re.compile(r"\b(\d+)\s*\+\s*(?=(?:occurrences|times|uses|mentions|instances)\b)", _I), r"at least \1 "),
    (re.compile(r"\b(\d+)\s+(?:or\s+more\s+)?occurrences(?=\s*[.;]?\s*$)", _I), lambda m: m.group(0).replace("occurrences", "times")),
    (re.compile(r":\s*(\d+)\s+minimum\s*(?=[.;]?\s*$)", _I), r": at least \1"),
    (re.compile(r":\s*(\d+)\s+maximum\s*(?=[.;]?\s*$)", _I), r": at most \1"),
    # 'as a whole word' after a negated keyword list: whole words are what an absent keyword is checked as
    (re.compile(r"(\b(?:none\s+of|not\s+(?:a\s+single\s+)?one\s+of|(?:is|are)\s+free\s+of|does\s+not\s+(?:contain|use|include)|never\s+use|must\s+not\s+(?:contain|use|include))\b.{0,80}?)"
                r"\s+as\s+(?:an?\s+)?(?:(?:whole|separate|standalone|complete|full)\s+)?words?\b", _I), r"\1", True),
    # 'steer clear of' is avoid; 'Required keywords (all, any case):' is the list's label
    (re.compile(r"\bsteer(s|ed)?\s+clear\s+of\b", _I), r"avoid\1"),
    (re.compile(r"\s*\((?:all|both|each|every one)(?:\s*,\s*(?:any\s+case|in\s+any\s+case|case[- ]insensitive|ignoring\s+case))?\)\s*(?=:)", _I), ""),
    # an example of a placeholder after its brackets: 'square brackets (e.g. [name])'
    (re.compile(r"(\bsquare\s+brackets)\s*\((?:e\.g\.,?|for\s+example,?|such\s+as|like)\s*\[[^\[\]()\"]{1,30}\]\)", _I), r"\1"),
    # the audit's verb for a count: 'the response writes exactly 4 paragraphs', ', starting the second one with'
    (re.compile(r"^(\s*the\s+response)\s+(?:writes|wrote|produces|produced)\s+(?=(?:exactly|at\s+least|at\s+most|fewer\s+than|more\s+than|less\s+than|\d))", _I),
     r"\1 has "),
    (re.compile(r"(\bparagraphs\b[^;]{0,80}?),\s*starting\s+the\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
                r"(?:one|paragraph)\s+with\b", _I), r"\1, and the \2 paragraph starts with"),
    # 'each of these keywords appears in the response: "a" and "b"', 'every listed keyword ("a" and "b") is found in its text'
    (re.compile(rf"^\s*(?:each|every\s+one|all|every)\s+of\s+(?:these|the\s+following)\s+(key ?words|words|terms|phrases)\s+(?:appears?|occurs?|is\s+found|"
                rf"are\s+found|is\s+present|are\s+present)\s+(?:somewhere\s+)?in\s+the\s+response(?P<case>\s*,\s*(?:ignoring|regardless\s+of|irrespective\s+of)\s+case)?\s*:\s*", _I),
     lambda m: f"The response includes each of the {m.group(1)}" + (m.group("case") or "") + ": "),
    (re.compile(r"^\s*(?:every|each|all(?:\s+the)?)\s+(?:listed|required|following|given)\s+(key ?words?|words?|terms?)\s*\((?P<x>[^()]{1,120})\)\s+(?:is|are)\s+"
                r"(?:found|present|included|used)\s+(?:somewhere\s+)?in\s+(?:its|the)\s+(?:text|response)\b", _I),
     lambda m: f"The response includes the keywords {m.group('x')}", True),
    # a case note before a keyword list's colon: 'in any letter case: a, b' (keyword checks ignore case)
    (re.compile(r"\s*,\s*(?:in\s+any\s+(?:letter\s+)?case|ignoring\s+case|regardless\s+of\s+case|irrespective\s+of\s+case|case[- ]insensitive(?:ly)?)\s*(?=:)", _I), ""),
    # 'parseable as JSON' is valid JSON
    (re.compile(r"\bis\s+(?:parseable|parsable)\s+as\s+(?:valid\s+)?json\b", _I), "is valid JSON"),
    # 'work in "a" and "b"' is include them
    (re.compile(r"\bwork\s+in\b(?=\s*[\"\u201c])", _I), "include"),
    (re.compile(r"\bworks\s+in\s+(?=(?:the\s+)?(?:(?:key)?words?|terms?|phrases?)?\s*[\"\u201c])", _I), "includes "),
]
# an emphatic restatement of a negation after it: '...free of commas: not a single one is permitted anywhere'
_NOT_ONE = re.compile(r"\s*[:;,]\s*not\s+(?:a\s+single|even\s+one|one)(?:\s+one)?\s+(?:is|may\s+be|can\s+be|will\s+be)\s+(?:permitted|allowed|acceptable|tolerated|used)"
                      r"(?:\s+(?:anywhere|at\s+all))?(?:\s+in\s+(?:the|this)\s+[a-z]+)?\s*[.!]?\s*$", _I)
# the same failure restated after it: '...avoids commas entirely; a single comma anywhere is enough to fail it', '... zero
# commas. One comma anywhere and it should fail.' (the thing named must be the one the criterion is about)
_ONE_FAILS = re.compile(r"\s*(?:[;,]|[.!](?=\s+[A-Z]))\s*(?:a\s+single|one|even\s+one|any)\s+(?P<unit>[a-z]+)(?:\s+anywhere)?(?:\s+in\s+(?:the|this)\s+(?:text|response|reply|answer|output))?\s+"
                        r"(?:is\s+(?:enough|sufficient)\s+to\s+fail\s+(?:it|this|the\s+(?:item|criterion|check))|and\s+it\s+(?:should\s+|must\s+|will\s+)?fails?|fails\s+it)\s*[.!]?\s*$", _I)
# a terse label: 'Commas: none.', 'Ending: exactly "x".'
_NONE_LABEL = re.compile(r"^\s*(?P<x>[a-z][a-z -]{1,30}?s)\s*:\s*(?:none|zero|0|not (?:allowed|permitted)|forbidden|banned)\s*[.!]?\s*$", _I)
_END_LABEL = re.compile(r"^\s*(?:ending|end|final\s+words|closing\s+(?:words|line|phrase)|last\s+words)\s*:\s*(?=(?:exactly\s+)?[\"\u201c])", _I)


def _outside_quotes(text: str, start: int, end: int) -> bool:
    return not re.search(r"[\"\u201c\u201d]", text[start:end])


def unvoice(text: str) -> str:
    """``text`` with a judge, test-case, house-style, definition or audit frame read off, else as it is."""
    text = _variants(text)
    m = _PREAMBLE.match(text)
    if m:
        text = text[m.end():]
    m = _GRANT.match(text)
    if m and not re.match(r"\s*(?:you|we|i|the\s+(?:grader|rater|annotator|reviewer))\b", text[m.end():], _I):
        rest = text[m.end():]
        c = _COMPLEMENT.search(rest)
        if c and _outside_quotes(rest, c.start(), c.end()):
            rest = rest[:c.start()].rstrip() + "."
        bare = re.sub(r"\"[^\"]*\"", " ", rest)
        if not re.search(rf"\b{_OUT}\s+[\"']?(?:0|1|zero|one|fail|pass|no|yes|false|true)\b|\b(?:otherwise|else|unless)\b", bare, _I):
            text = _subject(rest)
    m = _COMPLIANT.match(text)
    if m:
        text = _subject(text[m.end():])
    m = _DEFINED.match(text)
    if m and _outside_quotes(text, m.start(), m.end()):
        np, ing = (m.group("cnt"), "being") if m.group("cnt") else (m.group("np"), m.group("ing"))
        text = np[:1].upper() + np[1:] + " " + FINITE[ing.lower()] + text[m.end():]
    m = _STEP.match(text)
    if m:
        rest = text[m.end():]
        if re.search(r"\bwhether\s*$", m.group(0), _I):  # 'Checks whether X and whether Y'
            rest = re.sub(r"\s+and\s+whether\s+", " and ", rest, flags=_I)
        text = _subject(rest)
    m = _EXPECT.match(text)
    if m:
        text = _subject(f"{m.group('np')} is {text[m.end():]}")
    m = _NOT_ONE.search(text)
    if m and _outside_quotes(text, m.start(), m.end()) and re.search(r"\b(?:free\s+of|no|without|zero|never|not)\b", text[:m.start()], _I):
        text = text[:m.start()].rstrip() + "."
    m = _ONE_FAILS.search(text)
    if m and _outside_quotes(text, m.start(), m.end()) and re.search(rf"\b{re.escape(m.group('unit'))}(?:s|es)?\b", text[:m.start()], _I) and \
            re.search(r"\b(?:no|zero|without|free\s+of|avoids?|not|never)\b", text[:m.start()], _I):
        text = text[:m.start()].rstrip() + "."
    m = _NONE_LABEL.match(text)
    if m:
        text = f"The response contains no {m.group('x').lower()}."
    m = _END_LABEL.match(text)
    if m and re.fullmatch(r"\s*(?:exactly\s+)?(?:\"[^\"]+\"|\u201c[^\u201d]+\u201d)\s*(?:[,;]\s*(?:with\s+)?nothing\s+(?:else\s+)?(?:after|following)(?:\s+it)?)?\s*[.!]?\s*",
                             text[m.end():]):
        text = "The response ends with " + text[m.end():]
    for pat, rep in _NAMES:
        n = pat.search(text)
        if n and _outside_quotes(text, n.start(), n.end()) and not re.search(r"[\"\u201c\u201d]", text[:n.start()]):
            text = pat.sub(rep, text, count=1)
    return text


def _variants(text: str) -> str:
    """``text`` with :data:`_VARIANTS` rewritten where they start and end outside its quotations."""
    for pat, rep, *quotes in _VARIANTS:
        text = pat.sub(lambda m: (rep(m) if callable(rep) else m.expand(rep)) if (quotes or _outside_quotes(m.string, m.start(), m.end()))
                       and not re.search(r"[\"\u201c\u201d]", "".join(re.split(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d", m.string[:m.start()])))
                       else m.group(0), text)
    return text


def _subject(inner: str) -> str:
    inner = inner.strip()
    inner = re.sub(r"^it\s+(?=[a-z])", "The response ", inner, flags=_I)
    inner = re.sub(r"^its\s+(?=[a-z])", "The response's ", inner, flags=_I)
    return inner[:1].upper() + inner[1:]
