"""A grader's procedure with its decision (issue 15, round 14): read before the other voices.

A rubric writer who addresses the grader often says how to check and then when to pass: 'Count the lines that begin
with a markdown bullet (* or -); the criterion is met only if there are exactly 3.', 'Search the response for "a" or
"b" as whole words, ignoring case; fail it if any of them occurs.', 'Look for a title between << and >>; pass if at
least one is present.', 'Split the response at each *** divider; give credit only if this yields exactly 2
paragraphs.' :func:`procedure` rewrites such a sentence into the statement about the response it decides ('The
response has exactly 3 lines that begin with a markdown bullet (* or -).'), which the rules then read as they read any
other: it only moves words, never adds a requirement, and leaves the sentence as it is when the procedure and its
decision are not one of these shapes (a decision with a second condition is the rules' to judge, as said). The second
grader's voice (set 18) puts the decision in a sentence of its own ('... . PASS if the count is 10 or more.'), or first,
with notes that only restate what the check counts or fails; a FAIL branch is dropped only when it is the complement.

Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE

_I = re.IGNORECASE
# the decision: 'give credit (only) if', 'pass only if', 'mark this met only if', 'the criterion is met only if'
_DECIDE = (r"(?:(?:give|award)\s+(?:it\s+)?(?:credit|the\s+point)|pass(?:\s+it)?|mark\s+(?:(?:this|it|the\s+criterion)\s+)?(?:as\s+)?met"
           r"|(?:the\s+criterion|this|it)\s+is\s+met|it\s+passes)\s+(?:only\s+)?(?:if|when)\s+")
_WHOLE = r"(?:the\s+(?:(?:full|whole|entire|complete)\s+)?(?:response|reply|answer|output|text))"
_QUOTED = r"(?:'[^'\n]{1,40}'|\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
# a count named by the decision: 'there are 5 or more', 'the count is below 2', 'the total is less than 3'
_COUNT_SAID = re.compile(r"^(?:there\s+(?:are|is)|the\s+(?:count|total|number|tally)\s+is|you\s+(?:find|count|get))\s+(?P<cmp>.+?)\s*[.!]?\s*$", _I)
_CMP = re.compile(r"^(?:(?:exactly|precisely|at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|fewer\s+than|less\s+than|more\s+than|"
                  r"under|below|over|above)\s+)?(?:\d[\d,]*|[a-z]+)(?:\s+or\s+(?:more|fewer|less|above|below))?$", _I)
_COUNT = re.compile(r"^(?:count|tally)\s+(?P<what>.+?)\s*;\s*" + _DECIDE + r"(?P<said>.+)$", _I)
# 'occurrences of 'x' regardless of case (...)', 'case-insensitive occurrences of 'x', including ...', "every 'i' in the response"
_OCCURRENCES = re.compile(r"^(?P<pre>case-insensitive\s+)?(?:occurrences|instances|uses)\s+of\s+(?P<q>" + _QUOTED + r")(?P<notes>.*)$"
                          r"|^every\s+(?P<q2>'[^'\n]{1,5}')\s+in\s+" + _WHOLE + r"(?P<notes2>.*)$", _I)
_SEARCH = re.compile(r"^(?:search|scan)\s+" + _WHOLE + r"\s+for\s+(?P<x>.+?)\s*;\s*fail\s+(?:it|this|the\s+(?:response|criterion))\s+if\s+"
                     r"(?:any\s+(?:one\s+)?of\s+them|it|one\s+of\s+them)\s+(?:occurs|appears|is\s+(?:found|used|present))\s*[.!]?\s*$", _I)
_FIND = re.compile(r"^(?:search\s+" + _WHOLE + r"\s+for|look\s+(?:in\s+" + _WHOLE + r"\s+)?for)\s+(?P<x>.+?)\s*;\s*" + _DECIDE +
                   r"(?:(?:at\s+least\s+)?one(?:\s+of\s+them)?|any\s+(?:one\s+)?of\s+them|it)\s+(?:is\s+present|appears|occurs|is\s+found)"
                   r"(?:\s+in\s+" + _WHOLE + r")?\s*[.!]?\s*$", _I)
_SCAN = re.compile(r"^(?:scan|read|check|go\s+through)\s+" + _WHOLE + r"\s+and\s+" + _DECIDE + r"(?P<cond>.+)$", _I)
_STRIP_PARSE = re.compile(r"^strip\s+(?:any|the|an?)\s+(?:optional\s+)?(?:surrounding\s+|enclosing\s+)?(?:markdown\s+)?(?:`{3}\s*(?:json\s*)?(?:(?:or|/)\s+`{3}\s*)?)?"
                          r"(?:code\s+)?fences?\s+and\s+(?:try\s+to\s+)?parse\s+(?:the\s+)?(?:remainder|rest|remaining\s+text)\s+as\s+json\s*;\s*"
                          + _DECIDE + r"it\s+parses\s*[.!]?\s*$", _I)
# (a worksheet's decision too, said after a full stop: 'Split the reply at ... (***). Answer Yes if that gives exactly 2 paragraphs')
_SPLIT = re.compile(r"^split\s+" + _WHOLE + r"\s+(?:at|on)\s+(?P<sep>.+?)\s*(?:[;:]|\.(?=\s+answer\s+yes\b))\s*(?:" + _DECIDE + r"|answer\s+yes\s+(?:only\s+)?if\s+)"
                    r"(?:(?:this|it|that)\s+(?:yields|gives)|there\s+are|you\s+get)\s+(?P<n>(?:exactly\s+|at\s+least\s+)?(?:\d+|[a-z]+))\s+"
                    r"(?P<unit>(?:non-empty\s+)?(?:paragraphs|parts|sections|blocks|responses|answers))(?P<rest>.*)$", _I)


def _free(text: str, start: int, end: int) -> bool:
    return not any(m.start() < end and start < m.end() for m in QUOTE_RE.finditer(text))


def _in_it(s: str) -> str:
    """'in it' / 'it' as the response."""
    s = re.sub(r"\b(?:in|from)\s+it\b", "in the response", s, flags=_I)
    return re.sub(r"^\s*it\b", "the response", s, flags=_I)


def procedure(text: str, asides: List[Tuple[str, str]]) -> str:
    """The statement a grader's procedure decides, or ``text`` as it is."""
    t = text.strip()
    m = _COUNT.match(t)
    if m and _free(t, m.start("said"), m.end("said")):
        said = _COUNT_SAID.match(m.group("said"))
        if said is None or not _CMP.match(said.group("cmp").strip()):
            return text
        cmp, what = said.group("cmp").strip(), m.group("what").strip()
        o = _OCCURRENCES.match(what)
        if o:
            q = o.group("q") or o.group("q2")
            notes = (o.group("notes") or o.group("notes2") or "").rstrip(" .")
            pre = ", case-insensitively" if o.group("pre") else ""
            return f"{q} appears {cmp} times in the response{pre}{notes}."
        what = re.sub(r"^(?:the|all(?:\s+the)?|every)\s+", "", what, flags=_I)
        what = re.sub(r"\s+in\s+" + _WHOLE + r"(?=\s*(?:\(|,|$))", "", what, flags=_I)
        return f"The response has {cmp} {what}."
    m = _SEARCH.match(t)
    if m:
        return f"The response does not contain {m.group('x')}."
    m = _FIND.match(t)
    if m:
        return f"The response contains {m.group('x')}."
    m = _SCAN.match(t)
    if m and _free(t, m.start("cond"), m.start("cond") + 1):
        cond = _in_it(m.group("cond").strip())
        return cond[:1].upper() + cond[1:]
    if _STRIP_PARSE.match(t):
        return "The response is valid JSON; a surrounding code fence is acceptable."
    said = _second_grader(t)
    if said is not None:
        return said
    m = _SPLIT.match(t)
    if m and _free(t, m.start("n"), m.end("unit")):
        sep = m.group("sep").strip()
        if re.match(r"(?:each|every)\s", sep, _I):  # 'at each *** divider': the dividers
            sep = re.sub(r"^(?:each|every)\s+", "", sep, flags=_I)
            head, paren = re.match(r"^(.*?)(\s*\([^()]*\))?$", sep).groups()  # 'markdown divider (***)': the noun before the parenthesis
            sep = head + ("" if head.endswith("s") else "s") + (paren or "")
        rest = m.group("rest")
        # what may follow the count: nothing, the nth one's first word, empty ones, two parts not the same
        if not re.match(r"\s*(?:[.!]?\s*$|,?\s*and\s+the\s+[\w-]+\s+(?:one|paragraph)\s+(?:begins|starts|opens)\s+with\b|,?\s*with\s+no\s+empty\b"
                        r"|\s*that\s+are\s+not\s+(?:identical|the\s+same)\b|\s*,\s*none\s+of\s+them\s+empty\s*[.!]?\s*$"
                        r"|\s*,\s*both\s+filled\s+in\s+and\s+not\s+(?:identical|the\s+same)(?:\s+to\s+each\s+other)?\s*[.!]?\s*$)", rest, _I):
            return text
        unit = m.group("unit").lower().replace("non-empty ", "")
        # 'with no empty ones between dividers': an empty one between them fails (a near-miss, for the driver to judge)
        empty = re.match(r"\s*,?\s*with\s+no\s+empty\s+ones(?:\s+between\s+(?:the\s+)?(?:dividers|separators))?\s*(?=[.!]?\s*$)", rest, _I)
        if empty:
            rest = f"; an empty {unit[:-1]} between dividers does not count" + rest[empty.end():]
        return f"The response has {m.group('n')} {m.group('unit')} separated by {sep}{rest}"
    return text


# ---- the second grader's voice (set 18): the procedure in one sentence, its decision ('PASS if ...') in the next,
# or the decision first with notes that only restate what the check counts or fails.
_NUM = r"(?:\d[\d,]*)"
_PASS = r"(?:(?:mark\s+)?pass|the\s+criterion\s+is\s+met)\s+(?:only\s+)?(?:if|when)\s+"
# the count a decision names: 'the count is 10 or more', 'that number is less than 10', 'the total reaches 4',
# 'there are at least 50', 'there are at least 3 such headers', 'it appears at least 6 times', 'the total is strictly less than 10'
_SAID = re.compile(r"^(?:(?:the|that)\s+(?:count|total|number|tally)\s+(?:is\s+(?P<c1>.+?)|reaches\s+(?P<reach>" + _NUM + r"))"
                   r"|there\s+(?:are|is)\s+(?P<c2>.+?)(?:\s+such\s+[a-z]+)?|it\s+appears\s+(?P<c3>.+?)\s+times?)$", _I)
_AT_LEAST = re.compile(r"^(?:at\s+least\s+(?P<a>" + _NUM + r")|(?P<b>" + _NUM + r")\s+or\s+more)$", _I)
_LESS = re.compile(r"^(?:strictly\s+)?(?:less\s+than|fewer\s+than|below|under)\s+(?P<a>" + _NUM + r")$", _I)
_EXACTLY = re.compile(r"^exactly\s+(?P<a>" + _NUM + r")$", _I)
# a FAIL branch that is the complement of 'at least n' / 'less than n' / any decision ('otherwise FAIL')
_FAIL_FEWER = re.compile(r"^(?:FAIL\s+if\s+(?:there\s+are\s+|it\s+is\s+|the\s+(?:count|total)\s+is\s+)?(?:fewer|less)(?:\s+than\s+(?P<a>" + _NUM + r"))?)$", _I)
_FAIL_MORE = re.compile(r"^(?:FAIL\s+(?:if\s+(?:it|the\s+(?:count|total))\s+is|at)\s+(?P<a>" + _NUM + r")\s+or\s+(?:higher|above|more)"
                        r"|(?P<b>" + _NUM + r")\s+[a-z]+\s+is\s+already\s+too\s+many\s+\(FAIL\))$", _I)
_OTHERWISE = re.compile(r"^(?:otherwise,?\s+FAIL|FAIL\s+otherwise)$", _I)
# what a count's own note restates: headers of another form do not count
_COUNT_NOTE = re.compile(r"^headers\s+that\s+use\s+a\s+different\s+word\s+or\s+have\s+no\s+number\s+do\s+not\s+count$", _I)
# the second grader's count and its decision, in two sentences
_COUNT2 = re.compile(r"^(?:count|tally)\s+(?P<what>[^.]+?(?:\([^()]*\)[^.]*?)?)\.\s+" + _PASS + r"(?P<said>.+)$", _I)
# a counted thing's parenthetical that restates the check (dropped): 'every letter of the word capitalized', '*text* or **text**'
_RESTATED = re.compile(r"\s*\((?:every\s+letter\s+of\s+the\s+word\s+capitali[sz]ed|\*text\*\s+or\s+\*\*text\*\*(?:;\s*empty\s+ones\s+don't\s+count)?"
                       r"|anything\s+of\s+the\s+form\s+\[\.\.\.\])\)", _I)
# an unquoted word or character counted: 'occurrences of schedule anywhere in the response (case does not matter)',
# 'every occurrence of a in the response, case-insensitive, including inside words', 'how many times x occurs in the response, ...'
_OCC2 = re.compile(r"^(?:(?:every\s+)?occurrences?\s+of\s+(?P<x>\S+)\s+(?:anywhere\s+)?in\s+the\s+response"
                   r"|how\s+many\s+times\s+(?P<y>\S+)\s+occurs\s+in\s+the\s+response)(?P<notes>.*)$", _I)
_CASE_NOTE = r"(?:case\s+does\s+not\s+matter|uppercase\s+and\s+lowercase\s+both\s+count|case-insensitive|ignoring\s+capitali[sz]ation)"
_OCC_NOTES = re.compile(r"^(?:[\s,()]|" + _CASE_NOTE + r"|including\s+inside\s+words)*$", _I)
# 'Look for a postscript introduced by P.P.S (...). PASS if one is present; FAIL if there is no such postscript.'
_LOOK2 = re.compile(r"^look\s+for\s+(?P<x>[^;]+?)\.\s+" + _PASS + r"(?:one|it)\s+is\s+present(?:\s*[;,]\s*(?:FAIL\s+if\s+there\s+is\s+no\s+such\s+[\w-]+"
                    r"|FAIL\s+if\s+(?:it|one)\s+is\s+(?:missing|absent)|FAIL\s+otherwise|otherwise\s+FAIL))?\s*\.?$", _I)
# 'Search the response for each of these keywords (case-insensitive): a, b. PASS only if every one of them appears.'
_EACH2 = re.compile(r"^search\s+the\s+response\s+for\s+(?P<x>each\s+of\s+(?:these|the\s+following)\s+keywords[^.;]+?)\.\s+" + _PASS +
                    r"(?:every|each)\s+(?:one\s+)?of\s+them\s+appears\s*\.?$", _I)
# 'Check the response for the banned words a, b (whole words, case-insensitive). PASS if none of them appears; a single
# occurrence of any of them is a FAIL.' (the note is keywords_absent's own reading)
_BANNED2 = re.compile(r"^check\s+the\s+response\s+for\s+the\s+banned\s+words\s+(?P<x>[^.;()]+?)\s+\(whole\s+words,\s+case-insensitive\)\.\s+" + _PASS +
                      r"none\s+of\s+them\s+appears(?:\s*;\s*a\s+single\s+occurrence\s+of\s+any\s+of\s+them\s+is\s+a\s+FAIL)?\s*\.?$", _I)
# 'Determine the language of the response as a whole. PASS if it is Hindi; FAIL if it is written in any other language (e.g. English).'
_LANG2 = re.compile(r"^determine\s+the\s+language\s+of\s+the\s+response(?:\s+as\s+a\s+whole)?\.\s+" + _PASS + r"it\s+is\s+(?:written\s+in\s+)?(?P<lang>(?-i:[A-Z][a-z]+))"
                    r"(?:\s*[;,]\s*FAIL\s+(?:otherwise|if\s+it\s+is\s+(?:written\s+)?in\s+any\s+other\s+language(?:\s+\(e\.g\.\s+(?P<eg>[A-Z][a-z]+)\))?))?\s*\.?$", _I)
# 'Split the response on the *** dividers. PASS if that gives exactly 2 non-empty paragraphs, with no empty chunk between
# two dividers; FAIL otherwise. Paragraph breaks made only with blank lines don't count as separators here.' (the check fails an empty chunk)
_STARS2 = re.compile(r"^split\s+the\s+response\s+on\s+the\s+\*\*\*\s+dividers?\.\s+" + _PASS + r"(?:that|this)\s+(?:gives|yields)\s+(?P<n>exactly\s+(?:\d+|[a-z]+))\s+"
                     r"non-empty\s+paragraphs(?:,\s*with\s+no\s+empty\s+chunk\s+between\s+(?:two|the)\s+dividers)?(?:\s*;\s*FAIL\s+otherwise)?\s*\."
                     r"(?:\s+paragraph\s+breaks\s+made\s+only\s+with\s+blank\s+lines\s+(?:don't|do\s+not)\s+count(?:\s+as\s+separators)?(?:\s+here)?\.)?$", _I)
# 'Split the response on the ****** separator (six asterisks). PASS if this yields exactly two non-empty responses and the two
# are not identical; FAIL if the separator is missing, if there are more or fewer than two responses, or if both responses are the same.'
_TWO2 = re.compile(r"^split\s+the\s+response\s+on\s+the\s+\*{6}\s+separator(?:\s+\(six\s+asterisks\))?\.\s+" + _PASS + r"(?:this|that)\s+(?:yields|gives)\s+"
                   r"exactly\s+two\s+non-empty\s+responses\s+and\s+the\s+two\s+are\s+not\s+identical(?:\s*;\s*FAIL\s+(?P<fail>.+?))?\s*\.?$", _I)
_TWO_FAIL = re.compile(r"^(?:(?:,\s*|\s+)(?:or\s+)?(?:if\s+)?(?:the\s+separator\s+is\s+missing|there\s+are\s+more\s+or\s+fewer\s+than\s+two\s+responses"
                       r"|both\s+responses\s+are\s+the\s+same|the\s+two\s+are\s+identical))+$", _I)
# 'Strip any surrounding ``` or ```json fence and try to parse what remains as JSON. PASS if it parses; FAIL if there is any
# explanatory text before or after it, or if the JSON is malformed.'
_JSON2 = re.compile(r"^strip\s+any\s+surrounding\s+```\s*(?:or\s+```json\s+)?fences?\s+and\s+(?:try\s+to\s+)?parse\s+what\s+remains\s+as\s+json\.\s+" + _PASS +
                    r"it\s+parses(?:\s*;\s*FAIL\s+(?:otherwise|if\s+there\s+is\s+any\s+explanatory\s+text\s+before\s+or\s+after\s+it(?:,?\s+or\s+if\s+the\s+json\s+is\s+malformed)?"
                    r"|if\s+the\s+json\s+is\s+malformed))?\s*\.?$", _I)
# 'Scan the full response for capital letters. PASS if there are none and the text is in English; FAIL on any uppercase character.'
_NONE2 = re.compile(r"^scan\s+the\s+(?:full\s+|whole\s+|entire\s+)?response\s+for\s+(?P<x>capital|uppercase|lowercase)\s+letters\.\s+" + _PASS +
                    r"there\s+are\s+none(?:\s+and\s+the\s+(?:text|response)\s+is\s+(?:written\s+)?in\s+(?P<lang>English))?"
                    r"(?:\s*;\s*FAIL\s+(?:on|if\s+there\s+is)\s+any\s+(?P<y>capital|uppercase|lowercase)\s+(?:character|letter))?\s*\.?$", _I)
# 'Check how the response ends. PASS if its final text is exactly Is there anything else I can help with? (trailing whitespace
# aside); FAIL if the phrase is altered, missing, or followed by any additional text such as a signature.'
_END2 = re.compile(r"^check\s+how\s+the\s+response\s+ends\.\s+" + _PASS + r"its\s+final\s+text\s+is\s+exactly\s+(?P<x>[^\"\n]+?)\s+\(trailing\s+whitespace\s+aside\)"
                   r"(?:\s*;\s*FAIL\s+if\s+the\s+phrase\s+is\s+altered,\s+missing,\s+or\s+followed\s+by\s+any\s+(?:additional|other|more)\s+text(?:\s+such\s+as\s+[^.;\"]+)?)?\s*\.?$", _I)
# 'Split the response into paragraphs on blank lines (\n\n). PASS only if there are exactly 6 paragraphs AND paragraph #2
# begins with the word president (ignoring case and any leading quote mark). If either condition fails, FAIL.'
_NTH2 = re.compile(r"^split\s+the\s+response\s+into\s+paragraphs\s+on\s+blank\s+lines(?:\s+\((?:\\n\\n|\n\n)\))?\.\s+" + _PASS + r"there\s+are\s+(?P<n>exactly\s+\d+)\s+"
                   r"paragraphs\s+and\s+paragraph\s+#(?P<k>\d+)\s+begins\s+with\s+the\s+word\s+(?P<w>[A-Za-z][\w'-]*)(?:\s+\(ignoring\s+case\s+and\s+any\s+leading\s+quote\s+mark\))?\."
                   r"(?:\s+if\s+either\s+condition\s+fails,\s+FAIL\.)?$", _I)
# the decision first, then notes that only restate what the check counts or fails: (the condition, its allowed notes,
# the condition as the rules read it: 'not one comma anywhere' is 'no commas'; None: as it is)
_FIRST = [
    (re.compile(r"^pass\s+(?:only\s+)?if\s+(?P<c>the\s+response\s+contains\s+a\s+(?:non-empty\s+)?title\s+wrapped\s+in\s+<<\s+and\s+>>(?:\s+on\s+a\s+single\s+line)?"
                r"(?:,\s+e\.g\.\s+<<[^<>\n]+>>)?)\.(?P<notes>.*)$", _I),
     re.compile(r"^titles\s+given\s+only\s+as\s+(?:(?:,\s*|\s+)?(?:or\s+)?(?:markdown\s+headings|(?:in\s+)?bold|(?:in\s+)?single\s+brackets|(?:in\s+)?italics))+\s+do\s+not\s+count$", _I), None),
    (re.compile(r"^pass\s+(?:only\s+)?if\s+(?P<c>there\s+is\s+not\s+(?:one|a\s+single)\s+comma\s+anywhere\s+in\s+the\s+response)\.(?P<notes>.*)$", _I),
     re.compile(r"^(?:check\s+(?:(?:,\s*|\s+)?(?:and\s+)?(?:lists|numbers(?:\s+like\s+[\d,.]+)?|quoted\s+text|headings|code))+\s+too|(?:a\s+single|any|even\s+one)\s+comma\s*=\s*FAIL)$", _I),
     "The response contains no commas."),
    (re.compile(r"^pass\s+(?:only\s+)?if\s+(?P<c>the\s+very\s+first\s+character\s+of\s+the\s+response\s+is\s+a\s+double\s+quote\s+\(\"\)\s+and\s+the\s+very\s+last\s+character"
                r"\s+is\s+also\s+a\s+double\s+quote(?:\s+\(ignoring\s+surrounding\s+whitespace\))?)\.(?P<notes>.*)$", _I),
     re.compile(r"^(?:(?:,\s*|\s+)?(?:or\s+)?(?:single\s+quotes|quoting\s+only\s+part\s+of\s+the\s+(?:text|response)))+,?\s*=\s*FAIL$", _I),
     "The response is wrapped in double quotation marks."),
]


def _relation(cmp: str):
    """('at least'|'less than'|'exactly', n, the comparison as the rules read it) of a decision's count, or None."""
    for pat, rel, say in ((_AT_LEAST, "at least", "at least"), (_LESS, "less than", "fewer than"), (_EXACTLY, "exactly", "exactly")):
        m = pat.match(cmp.strip())
        if m:
            n = m.group("a") or m.groupdict().get("b")
            return rel, n, f"{say} {n}"
    return None


def _complement(clause: str, rel: str, n: str) -> bool:
    """Whether a FAIL clause is the decision's complement (or a note restating the count), so that dropping it adds nothing."""
    c = clause.strip().rstrip(".")
    if _OTHERWISE.match(c) or _COUNT_NOTE.match(c):
        return True
    m = _FAIL_FEWER.match(c)
    if m:
        return rel == "at least" and m.group("a") in (None, n)
    m = _FAIL_MORE.match(c)
    return bool(m) and rel == "less than" and (m.group("a") or m.group("b")) == n


def _count2(t: str):
    m = _COUNT2.match(t)
    if not m:
        return None
    said, _, rest = (re.split(r"(\s*;\s*|,\s+|\.\s+)", m.group("said").strip().rstrip("."), maxsplit=1) + ["", ""])[:3]
    s = _SAID.match(said.strip())
    if not s:
        return None
    got = ("at least", s.group("reach"), f"at least {s.group('reach')}") if s.group("reach") else _relation(s.group("c1") or s.group("c2") or s.group("c3"))
    if got is None or not all(_complement(c, got[0], got[1]) for c in re.split(r"\s*;\s*|,\s+|\.\s+", rest) if c.strip()):
        return None
    what = m.group("what").strip()
    o = _OCC2.match(what)
    if o:
        x, notes = o.group("x") or o.group("y"), o.group("notes")
        if not _OCC_NOTES.match(notes) or not re.search(_CASE_NOTE, notes, _I):
            return None  # a count said case-sensitive, or with another condition: as it is
        if len(x) == 1:
            subject = f"The letter {x}" if x.isalpha() else f"'{x}'"
        elif re.fullmatch(r"[A-Za-z][A-Za-z'-]*", x):
            subject = f"The word {x}"
        else:
            return None
        return f"{subject} appears {got[2]} times in the response, case-insensitively."
    if s.group("c3"):
        return None  # 'it appears N times' of a count that is not of occurrences
    what = _RESTATED.sub("", what)
    what = re.sub(r"^(?:the|all(?:\s+the)?)\s+", "", what, flags=_I)
    what = re.sub(r"\s+(?:in|across)\s+(?:the\s+)?(?:(?:full|whole|entire)\s+)?response(?=\s*(?:\(|$))", "", what, flags=_I)
    every = re.match(r"every\s+(?P<x>[a-z][a-z -]*?[a-z])(?P<rest>\s*(?:[(,].*)?)$", what, _I)
    if every:  # 'every word': the words; 'every markdown bullet line (...)': the markdown bullet lines (...)
        what = every.group("x") + ("" if every.group("x").endswith("s") else "s") + every.group("rest")
    return f"The response has {got[2]} {what}."


def _second_grader(t: str):
    """The statement the second grader's procedure decides, or None."""
    if _JSON2.match(t):
        return "The response is valid JSON; a surrounding code fence is acceptable."
    if QUOTE_RE.search(t):
        return None  # quoted material is never rewritten
    got = _count2(t)
    if got is not None:
        return got
    m = _LOOK2.match(t) or _EACH2.match(t)
    if m:
        return f"The response contains {m.group('x')}."
    m = _BANNED2.match(t)
    if m:  # one word is quoted to be read as a word
        x = m.group("x")
        return f'The response does not contain the word "{x}".' if re.fullmatch(r"[A-Za-z][\w'-]*", x) else \
            f"The response does not contain any of the words {x}."
    m = _LANG2.match(t)
    if m and m.group("lang") != m.group("eg"):
        return f"The response is written in {m.group('lang')}."
    m = _STARS2.match(t)
    if m:
        return f"The response has {m.group('n')} non-empty paragraphs separated by the *** dividers."
    m = _TWO2.match(t)
    if m and (m.group("fail") is None or _TWO_FAIL.match(" " + m.group("fail"))):
        return "The response has exactly two non-empty responses separated by the ****** separator (six asterisks) and the two are not identical."
    m = _NONE2.match(t)
    if m and (m.group("y") is None or (m.group("y").lower() == "lowercase") == (m.group("x").lower() == "lowercase")):
        return f"The response contains no {m.group('x').lower()} letters" + (" and is in English." if m.group("lang") else ".")
    m = _END2.match(t)
    if m:
        return f'The response ends with the exact phrase "{m.group("x")}".'
    m = _NTH2.match(t)
    if m:
        return f"The response has {m.group('n')} paragraphs separated by blank lines and paragraph #{m.group('k')} begins with the word {m.group('w')}."
    for cond, note, plain in _FIRST:
        m = cond.match(t)
        if m and all(note.match(n.rstrip(".")) for n in re.split(r"(?<=\.)\s+", m.group("notes").strip()) if n):
            c = m.group("c")
            return plain or c[:1].upper() + c[1:] + "."
    return None
