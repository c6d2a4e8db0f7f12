"""Outcome frames read off a criterion before the other voices (issue 15, round 8): the annotation guideline's and
the reward spec's way of saying what a criterion decides.

- a positive outcome, a condition, and optionally the other outcome: 'reward 1 iff X; 0 otherwise', 'returns True
  when X', 'passes if X; fails otherwise', 'Rate as passing only when X', 'Answer Yes only if X', 'Raters should check
  that X'. X is the criterion;
- the negative mirror: 'Mark No if X; otherwise mark Yes', 'reward 0 if X; 1 otherwise'. The criterion is not-X: an
  'any ...' subject is read as 'no ...' ('any of these words appears' -> 'none of these words appears'), else the
  check lowered from X is replaced by its exact complement where the library has one (:func:`polarity`: one keyword
  present / absent, a phrase present / absent; a count's relation flipped only with :data:`FLIP_COUNTS`) and the
  criterion stays neural where it has none. A negative outcome with no positive branch ('Mark No if the response mentions X') says nothing of when
  the criterion is met: neural;
- the other branch must be the complement of the first: an 'otherwise' (or 'else', 'if not') naming the opposite
  outcome, 'a response in any other language gets No' beside a language, 'False if any is missing' beside a list of
  keywords that must all appear, 'any capital letter gives 0' (it must read as a check, and the driver checks it is the
  same one: a ``label``). An 'otherwise' with
  the same or another outcome ('0.5 otherwise', 'otherwise ask a reviewer') or any other failure branch is a veto.

:func:`read_voice` wraps :func:`rubricc.compiler.lower_voices2.read_voice`: the frame is read off first, the core goes
through the other voices. The aside kinds are those of :mod:`rubricc.compiler.lower_voices2`, plus ``invert`` (the
core's check must be complemented: :func:`polarity`, called by the driver). Quoted material is never read as a frame.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from rubricc.compiler.checks import NOT, validate_check
from rubricc.compiler.lower_parse import QUOTE_RE, CriterionText, language_in
from rubricc.compiler.lower_rules import RULES
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans
from rubricc.compiler.lower_voices2 import read_voice as _read_voice2
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
Asides = List[Tuple[str, str]]

# ---- outcomes -----------------------------------------------------------------------------------------------------
_Q = r"[\"'\u201c\u2018]?"
_QE = r"[\"'\u201d\u2019]?"
_ONE = r"(?:1(?:\.0)?|\+1|one)"
_ZERO = r"(?:0(?:\.0)?|zero)"
_WHO = r"(?:the\s+)?(?:check|test|criterion|item|function|reward\s+function|grader|verifier|scorer|metric|predicate|it)\s+"
_RATE = r"(?:rate|mark|grade|label|score|classify|judge|count)\s+(?:it\s+|this\s+(?:item\s+|criterion\s+)?|the\s+(?:response|answer|reply|output|item)\s+)?(?:as\s+)?"
_SAY = r"(?:answer|mark|label|say|respond|output|select|choose|tick|record|put)\s+(?:it\s+)?(?:as\s+|with\s+)?"


def _outcome(good: str, num: str, boolean: str, rated: str, said: str, verb: str) -> str:
    return (rf"(?:(?:the\s+)?(?:reward|score)(?:\s+(?:is|of))?\s*(?:=|:)?\s*{num}(?!\.?\d)"
            rf"|(?:give|assign|award)\s+(?:a\s+)?(?:reward|score)\s+(?:of\s+)?{num}(?!\.?\d)"
            rf"|(?:{_WHO})?returns?\s+{_Q}(?:{boolean}|{num}(?!\.?\d)){_QE}"
            rf"|(?:{_WHO}|(?:the\s+)?(?:response|answer|reply|output)\s+)?{verb}"
            rf"|{_RATE}{_Q}{rated}{_QE}"
            rf"|{_SAY}{_Q}{said}{_QE}"
            rf"|{_Q}(?:{good}|{num}(?!\.?\d)){_QE})")


_POS = _outcome(r"(?:yes|true|pass)", _ONE, r"true|yes|pass",
                r"(?:passing|pass(?:ed)?|yes|correct|acceptable|compliant|true|met|satisfied|1)",
                r"(?:yes|pass|true|1)", r"(?:pass(?:es)?(?:\s+(?:it|this|the\s+(?:response|answer|reply|output|item)))?|is\s+(?:passed|passing|met|satisfied)|succeeds)")
_NEG = _outcome(r"(?:no|false|fail)", _ZERO, r"false|no|fail",
                r"(?:failing|fail(?:ed)?|no|incorrect|unacceptable|non-?compliant|false|not\s+met|0)",
                r"(?:no|fail|false|0)", r"(?:fails?(?:\s+(?:it|this|the\s+(?:response|answer|reply|output|item)))?|is\s+(?:failed|failing|not\s+met)|does\s+not\s+pass)")
_POS_RE = re.compile(rf"^\s*{_POS}\s*[.!]?\s*$", _I)
_NEG_RE = re.compile(rf"^\s*{_NEG}\s*[.!]?\s*$", _I)

# who is told to decide: 'Raters should ...', 'Annotators must ...'
_PEOPLE = r"(?:(?:raters?|annotators?|graders?|reviewers?|labell?ers?|evaluators?|you)\s+(?:should|must|will|can|may|are\s+to)\s+)"
_IF_POS = r"(?:if\s+and\s+only\s+if|iff|only\s+if|only\s+when|if|when|whenever|exactly\s+when|just\s+when|provided(?:\s+that)?)\b"
_IF_NEG = r"(?:if\s+and\s+only\s+if|iff|if|when|whenever)\b"
_HEAD_POS = re.compile(rf"^\s*{_PEOPLE}?{_POS}\s+{_IF_POS}\s*,?\s*(?=\S)", _I)
_HEAD_NEG = re.compile(rf"^\s*{_PEOPLE}?{_NEG}\s+{_IF_NEG}\s*,?\s*(?=\S)", _I)
_HEAD_CHECK = re.compile(rf"^\s*{_PEOPLE}(?:check|verify|confirm|ensure|make\s+sure)\s+that\s+(?=\S)", _I)
# the condition must be about the response, not the grader's judgement
_GRADER = re.compile(r"^\s*(?:you|we|i|they|the\s+(?:grader|rater|annotator|reviewer|evaluator)s?|in\s+doubt|unsure|unclear)\b", _I)

# ---- the other branch ------------------------------------------------------------------------------------------------
_SEP = r"(?:\s*[;,.]\s*|\s+[\u2014\u2013-]\s*|\s*[\u2014\u2013]\s*)(?:and\s+|but\s+)?"
_ELSE = r"(?:otherwise|else|if\s+not|(?:if|when)\s+(?:it|they|this|that)\s+(?:does|do|is|are)\s*(?:not|n't)|in\s+(?:all|any)\s+other\s+cases|for\s+(?:anything|everything)\s+else)"
_TAIL_ELSE = re.compile(rf"{_SEP}(?:{_ELSE}\s*,?\s*(?P<a>[^;,]{{1,60}}?)|(?P<b>[^;,]{{1,60}}?)\s+{_ELSE})\s*[.!]?\s*$", _I)
# 'a response in any other language gets No'
_TAIL_OTHER = re.compile(rf"{_SEP}(?:a|an|any)\s+(?:response|reply|answer|output|text)\s+(?:in|with|using|of|that\s+(?:is\s+in|has|uses))\s+(?:any|some)\s+"
                         rf"other\s+(?P<unit>[a-z]+(?:\s+[a-z]+)?)\s+(?:gets|receives|scores|earns|is\s+(?:rated|marked|scored|given|labell?ed))\s+(?P<o>{_NEG})\s*[.!]?\s*$", _I)
# 'False if any is missing'
_TAIL_MISSING = re.compile(rf"{_SEP}(?P<o>{_NEG})\s+(?:if|when)\s+any\s+(?:one\s+)?(?:of\s+them\s+)?(?:is|are)\s+(?:missing|absent|not\s+(?:present|found))\s*[.!]?\s*$", _I)
# 'any capital letter gives 0'
_TAIL_ANY = re.compile(rf"{_SEP}(?:any|a\s+single|even\s+one|one)\s+(?P<unit>[a-z][a-z -]{{1,40}}?)(?:\s+(?:anywhere|in\s+it|in\s+the\s+(?:response|reply|answer|output|text)))?"
                       rf"(?:\s+(?:gives|yields|scores|earns|means|results\s+in|leads\s+to|gets|makes\s+it)\s+(?P<o>{_NEG})"
                       r"|\s+is\s+(?:enough|sufficient)\s+to\s+fail\s+(?:it|this|the\s+(?:item|criterion|check))|\s+and\s+it\s+(?:should\s+)?fails?)\s*[.!]?\s*$", _I)
# 'Pass if X; fail if Y': Y must be one way to fail the same check (a ``fail_branch`` aside, checked by the driver: the
# same check as a disqualifying rule, a one-way check or a count that fails its bound, or the failure restated)
_FAIL_IF = r"\s*;\s*(?:and\s+|but\s+)?(?P<o>fails?)\s+(?:if|when|whenever)\b"
_TAIL_FAIL_IF = re.compile(_FAIL_IF + r"\s+(?P<y>[^;]{3,200}?)\s*[.!]?\s*$", _I)
# what must not stay in the core once the frame is read: another outcome or branch
_LEFT = re.compile(rf"\b(?:otherwise|iff)\b|(?:[;,]\s*|\bor\s+)else\b|\b(?:gives|gets|scores|earns|yields|receives|returns?|reward|award)\s+{_Q}(?:{_ZERO}|{_ONE}|no|yes|true|false|full|partial|half)\b"
                   r"|\b(?:output|answer|mark|label|rate|say|score)\s+(?:it\s+)?(?:as\s+)?[\"'\u201c\u2018]?(?:0|1|yes|no|true|false|pass|fail)\b"
                   r"|\b(?:fail|fails|failing|passes|passing)\b|\b(?:partial|half)\s+(?:credit|marks?|points?)\b", _I)
_EACH_KEYWORD = re.compile(r"\b(?:each|every|all|both)\b.*\b(?:keywords?|words?|terms?|phrases?|strings?)\b|\b(?:keywords?|words?|terms?|phrases?)\b.*\b(?:each|every|all|both)\b", _I)

# a negative condition with an 'any' subject read as its negation: 'any of these words appears' -> 'none of ...'
_ANY_OF = re.compile(r"^\s*any\s+of\s+(?=\S)", _I)
# a negation inside a condition about any one of several things (its complement is not 'none of ...')
_NEGATED = re.compile(r"\b(?:not|never|missing|absent|without|lacks?|omit(?:s|ted)?|fails?)\b|n't\b", _I)
_ANY = re.compile(r"^\s*(?:any|a\s+single)\s+(?=[a-z])(?!other\b|one\s+of\b)", _I)
_HAS_ANY = re.compile(r"^(?P<s>\s*(?:the\s+)?(?:(?:whole|entire|full)\s+)?(?:response|reply|answer|output)\s+(?:contains|includes|uses|mentions|has))\s+any\s+(?P<of>of\s+)?(?=\S)", _I)


def _free(text: str, start: int) -> bool:
    return not in_quotes(quote_spans(text), start)


def _polarity_of(outcome: str) -> Optional[bool]:
    outcome = outcome.strip()
    if _POS_RE.match(outcome):
        return True
    if _NEG_RE.match(outcome):
        return False
    return None


def _unit_in(unit: str, core: str) -> bool:
    """The unit an 'any other ...' branch names is the one the core speaks of."""
    low = QUOTE_RE.sub(" ", core).lower()
    if re.match(r"languages?$", unit.strip(), _I):
        return language_in(low) is not None
    stem = unit.strip().lower().split()[-1].rstrip("s")
    return len(stem) > 2 and re.search(rf"\b{re.escape(stem)}", low) is not None


# a grading team's spec line: 'PASS: 5 or more *highlighted* sections. FAIL: fewer than 5.'
_PASS_FAIL = re.compile(r"^\s*pass(?:es)?\s*[:\u2013\u2014-]\s*(?P<x>[^;]+?)\s*[.;]\s+fail(?:s)?\s*[:\u2013\u2014-]\s*(?P<y>[^;]+?)\s*[.!]?\s*$", _I)
# where a fail branch starts, in either spelling (what follows it is read against the pass condition)
FAIL_BRANCH = re.compile(_FAIL_IF + r"|[.;]\s+fails?\s*[:\u2013\u2014-]", _I)
_CLAUSE_VERB = re.compile(r"\b(?:is|are|appears?|has|have|contains?|starts?|ends?|begins?|opens?|uses?|includes?|present|missing|absent|"
                          r"parses?|follows?|precedes?)\b", _I)


def _spec_line(text: str) -> str:
    """'PASS: X. FAIL: Y.' as 'Pass if X; fail if Y.' (a noun phrase X or Y is what the response has)."""
    m = _PASS_FAIL.match(text)
    if m is None or not _free(text, m.start("y")) or not _free(text, m.end("x")):
        return text
    x, y = (g if _CLAUSE_VERB.search(QUOTE_RE.sub(" ", g)) else f"the response has {g}" for g in (m.group("x"), m.group("y")))
    return f"Pass if {x}; fail if {y}."


# a score line's sign ('+1 point if ...') and a table row's name before its pass condition ('All caps | Pass only if')
_PLUS_ONE = re.compile(r"^\s*\+\s*(?=(?:1|one)\s+(?:points?|pts?|marks?)\b)", _I)
_ROW_LABEL = re.compile(r"^\s*(?P<label>[A-Z][^|\n]{0,60}?)\s*\|\s*(?=\S)")


# a points line: '1 point if X; 0 otherwise.' is 'Pass only if X.', '1 point if X; 0 if Y.' is 'Pass if X; fail if Y.'
# (what follows its full stop, a request to repeat, is kept)
_POINTS = re.compile(r"^\s*(?:1|one)\s+(?:points?|pts?|marks?)\s+(?:only\s+)?(?:if|when)\s+(?P<x>[^;]+?)\s*;\s*"
                     r"(?:(?:otherwise|else),?\s+0(?:\s+points?)?|0(?:\s+points?)?\s+otherwise|0(?:\s+points?)?\s+(?:if|when)\s+(?P<y>[^;]+?)|"
                     r"(?P<z>[^;]+?)\s+(?:earns|gets|scores|receives|is\s+worth)\s+0(?:\s+points?)?)"
                     r"\s*(?:(?P<end>[.!])(?P<rest>\s+\S.*)?)?$", _I | re.DOTALL)


def _points(text: str) -> str:
    m = _POINTS.match(text)
    if m is None or QUOTE_RE.match(text, m.start("x")) or not _free(text, m.end("x")) or \
            any(g and g.count("(") != g.count(")") for g in (m.group("x"), m.group("y"), m.group("z"))):
        return text  # a ';' inside a quotation or a parenthesis is not the branch's
    y = m.group("y") or m.group("z")
    said = f"Pass if {m.group('x')}; fail if {y}." if y else f"Pass only if {m.group('x')}."
    return said + (m.group("rest") or "")


def read_frame(text: str) -> Optional[Tuple[str, Asides, bool]]:
    """(the core, asides, negative) of an outcome frame; None when ``text`` has none. A frame read with a branch
    that is no complement comes back with a ``veto`` aside."""
    text = _spec_line(text)
    label = _ROW_LABEL.match(text)  # a rubric table row 'All caps | Pass only if ...': the name must agree
    if label and (_HEAD_POS.match(text[label.end():]) or _HEAD_NEG.match(text[label.end():])):
        got = read_frame(text[label.end():])
        return None if got is None else (got[0], got[1] + [("label", label.group("label"))], got[2])
    neg = False
    m = _HEAD_POS.match(text) or _HEAD_CHECK.match(text)
    if m is None:
        m = _HEAD_NEG.match(text)
        neg = m is not None
    if m is None or QUOTE_RE.match(text, m.start()) or not _free(text, m.end() - 1):
        return None
    core, asides = text[m.end():], []
    if _GRADER.match(core):
        return None  # the grader as the condition ('Mark YES if you cannot find ...'): left to the other voices
    other = None  # the polarity of the other branch, when there is one
    t = _TAIL_ELSE.search(core)
    colon = data_colon(core)
    if t and colon < t.start() and re.search(r"[.!?]\s", core[colon + 1:t.start()]):
        t = None  # after data with sentences in it (a prompt to repeat): not read as a branch
    if t and _free(core, t.start()):
        other = _polarity_of(t.group("a") or t.group("b"))
        if other is None or other == (not neg) or QUOTE_RE.search(core[t.start():]):
            return core, [("veto", text)], neg  # '0.5 otherwise', 'otherwise ask a reviewer', '1 if X; 1 otherwise'
        core = core[:t.start()]
    elif not neg:
        for pat in (_TAIL_OTHER, _TAIL_MISSING, _TAIL_ANY, _TAIL_FAIL_IF):
            t = pat.search(core)
            if t and _free(core, t.start()):
                head = core[:t.start()]
                if pat is _TAIL_OTHER and not _unit_in(t.group("unit"), head):
                    return core, [("veto", text)], neg
                if pat is _TAIL_MISSING and not _EACH_KEYWORD.search(QUOTE_RE.sub('"x"', head)):
                    return core, [("veto", text)], neg
                if pat is _TAIL_ANY:  # must read as a check, the same one as the core's (whatever its arguments)
                    restate = f"The response contains no {t.group('unit')}."
                    if not any(rule(CriterionText(restate)) for rule in RULES):
                        return core, [("veto", text)], neg
                    asides.append(("label", restate))
                if pat is _TAIL_FAIL_IF:
                    if QUOTE_RE.search(t.group("y")) and not _free(core, t.start("y")):
                        return core, [("veto", text)], neg
                    asides.append(("fail_branch", re.sub(r"^\s*(?:it|they)\s+(?=[a-z])", "the response ", t.group("y").strip(), flags=_I)))
                other, core = False, head
                break
    if neg and other is None:
        return core, [("veto", text)], neg  # 'Mark No if X' says nothing of when the criterion is met
    if _LEFT.search(QUOTE_RE.sub(" ", core)):
        # another outcome or branch left in the condition, not read here ('. If any is missing, output 0'): the frame
        # is left to the other voices (a negative one is never lowered)
        return (core, [("veto", text)], neg) if neg else None
    # 'it' is the response (before the 'any' subject is read: 'Fail it if it contains any comma; otherwise it passes')
    core = re.sub(r"^it\s+(?=[a-z])", "the response ", core.strip(), flags=_I)
    if neg and (_ANY_OF.match(core) or _HAS_ANY.match(core) or _ANY.match(core)) and _NEGATED.search(QUOTE_RE.sub(" ", core)):
        return core, [("veto", text)], neg  # 'any of X does not appear': 'none of X does not appear' is no reading of it
    if neg:
        a = _HAS_ANY.match(core)
        if _ANY_OF.match(core):
            core, neg = "None of " + core[_ANY_OF.match(core).end():], False
        elif a:
            core, neg = f"{a.group('s')} {'none of ' if a.group('of') else 'no '}" + core[a.end():], False
        elif _ANY.match(core):
            core, neg = "No " + core[_ANY.match(core).end():], False
    core = cap(core)
    if not core.endswith((".", "!", "?", '"', "\u201d", "'")):
        core += "."
    if neg:
        asides.append(("invert", text))
    return core, asides, neg


# notes beside a JSON requirement that restate what the check does: a code fence around it is stripped, and any prose
# outside the JSON fails to parse ('; a surrounding ``` or ```json code block is acceptable, but any extra prose outside
# the JSON fails')
_FENCE_OK = re.compile(r"\s*[;,]\s*(?:(?:wrapping|putting|enclosing|placing)\s+it\s+in\s+(?=(?:a|an)\s))?(?:only\s+)?(?:a|an|any)\s+(?:optional\s+)?(?:(?:surrounding|enclosing|wrapping)\s+)?(?:markdown\s+)?"
                       r"(?:`{3}\s*(?:json\s*)?(?:(?:or|/)\s+`{3}\s*(?:json\s*)?)?)?(?:markdown\s+)?"
                       r"(?:code\s+)?(?:block|fence|tick|backtick)s?\s+(?:(?:around|surrounding|enclosing)\s+(?:it|the\s+json)\s+)?(?:is|are)\s+"
                       r"(?:acceptable|allowed|fine|ok(?:ay)?|permitted|tolerated)(?=\s*(?:[,;.]|$))"
                       # 'with nothing outside the JSON except optional markdown ``` fences'
                       r"|(?<=json)\s+except\s+(?:for\s+)?(?:an?\s+)?(?:optional\s+)?(?:markdown\s+)?(?:`{3}\s*(?:json\s*)?)?(?:code\s+)?"
                       r"(?:fences?|ticks|backticks)(?=\s*[,;.?]|\s*$)", _I)
_PROSE_FAILS = re.compile(r"\s*[;,]?\s*(?:but|and)\s+any\s+(?:extra|other|additional)\s+(?:prose|text|content|commentary)\s+(?:outside|around)\s+(?:of\s+)?"
                          r"the\s+json(?:\s+object)?\s+(?:fails|is\s+(?:a\s+fail(?:ure)?|not\s+(?:allowed|acceptable)))(?=\s*[.;]?\s*$)"
                          r"|\s*,\s*(?:but\s+)?(?:extra|other|additional)\s+(?:prose|text|commentary)\s+is\s+not(?:\s+(?:allowed|acceptable))?(?=\s*[.;]?\s*$)", _I)
_JSON = re.compile(r"\b(?:parses|parse|parsed|valid|parseable|parsable)\s+(?:as\s+)?json\b|\bjson\s+format\b", _I)
# a divider of asterisks quoted where a split is spoken of: "splitting the response on '******'" (a marker, not a word)
_QUOTED_STARS = re.compile(r"(?<![\w'\"])'(\*{3,})'(?![\w'])|\"(\*{3,})\"")
_SPLIT = re.compile(r"\b(?:split(?:s|ting)?|separat\w+|divid\w+|delimit\w+)\b", _I)


# the boundary of a strict count restated: 'below 300 (exactly 300 words is a fail)'
_BOUNDARY = re.compile(r"\s*\(\s*exactly\s+(?P<n>\d[\d,]*)\s+[a-z]+\s+(?:is|counts\s+as|would\s+be)\s+(?:a\s+)?fail(?:ure|ing)?\s*\)", _I)
# a limit as what to keep a letter or word to: 'Keep the letter 'i' to fewer than three occurrences in the whole response.'
_KEEP = re.compile(r"^\s*keep\s+(?P<x>the\s+(?:letter|character|word|keyword)\s+(?:'[^'\n]{1,30}'|\"[^\"\n]{1,30}\"|\u201c[^\u201d\n]{1,30}\u201d|[a-z]))\s+"
                   r"(?:to|at|under|below)\s+(?P<req>(?:(?:fewer|less)\s+than|at\s+most|no\s+more\s+than)\s+[a-z0-9]+)\s+(?:occurrences|appearances|uses|times)\b", _I)
# the request to repeat given after its own label: 'Must open with the request copied word for word, with no words or
# characters before it. Request: ...'
_OPEN_WITH = re.compile(r"^\s*(?:the\s+response\s+)?(?:must|should|has\s+to|needs\s+to)\s+(?:open|start|begin)\s+with\s+the\s+(?P<what>request|prompt|question|instruction|task)\s+"
                        r"(?:copied|repeated|restated|reproduced)\s+(?:word\s+for\s+word|verbatim|exactly)(?:\s*,\s*with\s+no\s+(?:words?|text|characters?)"
                        r"(?:\s+or\s+(?:words?|characters?|text))?\s+before\s+it)?\s*\.\s+(?P<label>request|prompt|question|instruction|task)\s*:\s*(?=\S)", _I)
# a pitfall label over a requirement whose failure is restated: "Pitfall: the letter 'l' must appear at least 15 times
# ...; fewer occurrences fail this criterion"
_PITFALL = re.compile(r"^\s*pitfall\s*:\s*(?P<body>.+?)\s*;\s*(?P<dir>fewer|more|less)\s+(?:occurrences|words|sentences|paragraphs|times|uses|mentions)\s+"
                      r"(?:fail|fails)(?:\s+(?:this|the)\s+(?:criterion|check|requirement)|\s+it)?\s*[.!]?\s*$", _I)


def _notes(text: str) -> str:
    m = _BOUNDARY.search(text)
    if m and _free(text, m.start()) and re.search(rf"\b(?:below|under|(?:less|fewer|more|greater)\s+than|above|over)\s+{re.escape(m.group('n'))}\b",
                                                  QUOTE_RE.sub(" ", text[:m.start()]), _I):
        text = text[:m.start()] + text[m.end():]
    m = _KEEP.match(text)
    if m:
        text = f"{cap(m.group('x'))} appears {m.group('req')} times" + text[m.end():]
    m = _OPEN_WITH.match(text)
    if m and m.group("what").lower() == m.group("label").lower():
        text = "The response starts with the following text repeated verbatim before anything else: " + text[m.end():]
    m = _PITFALL.match(text)
    if m and _free(text, m.start("dir")) and re.search(r"\b(?:must|has\s+to|needs\s+to)\b", QUOTE_RE.sub(" ", m.group("body")), _I):
        body = QUOTE_RE.sub(" ", m.group("body"))
        low = re.search(r"\bat\s+least\b|\bor\s+more\b", body, _I) and not re.search(r"\bat\s+most\b|\bor\s+fewer\b|\b(?:fewer|less|more)\s+than\b", body, _I)
        high = re.search(r"\bat\s+most\b|\bor\s+fewer\b|\b(?:fewer|less)\s+than\b", body, _I) and not re.search(r"\bat\s+least\b|\bor\s+more\b|\bmore\s+than\b", body, _I)
        if (m.group("dir").lower() in ("fewer", "less") and low) or (m.group("dir").lower() == "more" and high):
            text = cap(m.group("body")) + "."
    if _JSON.search(text) and (_FENCE_OK.search(text) or _PROSE_FAILS.search(text)):
        text = _FENCE_OK.sub("", text)
        text = _PROSE_FAILS.sub(", with no prose outside the JSON", text)
    if _SPLIT.search(QUOTE_RE.sub(" ", text)):
        text = _QUOTED_STARS.sub(lambda m: m.group(1) or m.group(2), text)
    return text


def read_voice(text: str) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices2.read_voice` on the criterion inside its outcome frame, if it has one."""
    text = _points(_PLUS_ONE.sub("", _notes(text)))
    got = read_frame(text)
    if got is None:
        return _read_voice2(text)
    core, asides, _ = got
    if any(k == "veto" for k, _ in asides):
        return core, asides
    inner, more = _read_voice2(core)
    if more and any(k == "invert" for k, _ in asides):
        return core, [("veto", text)]  # an aside of the negated condition would be read against the complement
    return inner, asides + more


# ---- the complement of a check ------------------------------------------------------------------------------------
_FLIP = {"at least": "less than", "less than": "at least", "at most": "more than", "more than": "at most"}
# counts compared with their relation, defined on every response (the complement flips the relation)
_COUNTS = {"word_count", "sentence_count", "keyword_frequency", "letter_frequency", "capital_word_frequency", "placeholder_count",
           "highlighted_sections", "bullet_count", "section_count"}
_SWAP = {"keywords_present": "keywords_absent", "keywords_absent": "keywords_present", "phrase_present": "phrase_absent",
         "phrase_absent": "phrase_present"}


# a count's complement (its relation flipped) is exact, but a failure branch on a count ('Return FAIL if the reply has
# fewer than 50 words; otherwise return PASS.') is kept neural by the round-5 tests (tests/test_lower_voices.py NEURAL):
# off until that policy changes
FLIP_COUNTS = False


def complement(check: ProgramCheck, counts: Optional[bool] = None) -> Optional[ProgramCheck]:
    """The check that holds exactly when ``check`` fails: a swapped primitive where the library has one (a phrase
    present / absent, a count's flipped relation), else the primitive's ``not:`` complement. A count's only with
    ``counts`` (default :data:`FLIP_COUNTS`), else None."""
    args: Dict[str, Any] = dict(check.args)
    name = check.name
    if name in _COUNTS:
        if not (FLIP_COUNTS if counts is None else counts):
            return None
        rel = _FLIP.get(args.get("relation", ""))
        if rel is not None:
            args["relation"] = rel
        else:
            name = NOT + name  # 'exactly 3': no flipped relation
    elif name in _SWAP and not (name.startswith("keywords") and len(args.get("keywords", ())) != 1):
        name = _SWAP[name]  # (all of several present: its complement, some one missing, is the 'not:' one)
    else:  # the library's exact complement of any primitive (rubricc.compiler.checks.NOT), and back
        name = name[len(NOT):] if name.startswith(NOT) else NOT + name
    try:
        return validate_check(name, args)
    except ValueError:
        return None


def polarity(got: Optional[ProgramCheck], asides: Asides) -> Tuple[Optional[ProgramCheck], Asides]:
    """The check for the criterion, given the check lowered from its core: complemented for a negative frame (None
    where no exact complement exists), with the ``invert`` aside read off."""
    if not any(k in ("invert", "negate") for k, _ in asides):
        return got, asides
    rest = [(k, a) for k, a in asides if k not in ("invert", "negate")]
    # 'negate' (a disqualifying rule, :mod:`rubricc.compiler.lower_voices7`): the only way to fail, a count's flip is exact
    counts = True if any(k == "negate" for k, _ in asides) else None
    return (complement(got, counts) if got is not None else None), rest
