"""Frames around a criterion read off before the lowering rules (issue 15, round 4): the grader's,
the requirement writer's and the checklist's voice.

A rubric item is often the criterion wrapped in what the grader should do with it: 'Award the point if
...', 'Full marks only when ...', 'Mark YES if ...', '...; mark YES if so', 'Check that ...', an
acceptance criterion's id and modal ('AC3: The output SHALL ...', 'Given the response, it MUST ...'), a
count-then-decide pair ('Count the words in the response. Mark YES if the total is below 20.') or a
user's own voice ('i want "x" in there at least 3 times', 'no "x" anywhere'). :func:`unframe` returns the
criterion inside: the frame is decoration, the inner criterion alone decides what is checked (a
semantic inner criterion stays neural). Only frames that grant the point on the criterion are read
off: a failure or penalty frame ('Mark NO if', 'Deduct a point if', 'Fail if', 'No credit if') is left
as it is (its 'if' keeps it neural), and so is a grader frame whose inner criterion speaks of the grader
('Mark YES if you think ...') or is followed by a clause on what loses the point. Used by
:func:`rubricc.compiler.lower_canon.canonical`; quoted material is never rewritten.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_parse import NUMBER_WORD, QUOTE_RE
from rubricc.compiler.lower_voices import unvoice

_I = re.IGNORECASE

_DOC = r"(?:response|answer|reply|output|text|essay|story|poem|email|message|submission)"
_YES = r"[\"'\u201c\u2018]?(?:yes|y|true|pass(?:ed)?|1|correct|met|satisfied|ok|\u2713|\u2714)[\"'\u201d\u2019]?"
_IF = r"(?:only\s+|just\s+)?(?:if|when|whenever|provided(?:\s+that)?|in case)\b(?:\s+and\s+only\s+(?:if|when)\b)?"
_POINT = r"(?:the\s+|a\s+|one\s+|1\s+|full\s+|this\s+|the\s+full\s+)?(?:points?|marks?|credit|score|tick|check ?mark|pass|criterion|item)"
_MARK_YES = rf"(?:mark|answer|label|rate|score|grade|tick|record|return|say|respond|select|choose|put)\s*:?\s+(?:it\s+|this\s+(?:item\s+|criterion\s+|check\s+)?|the\s+(?:item|criterion|check|response|answer)\s+)?(?:(?:as|with)\s+)?{_YES}"

# a decision that grants the point: 'mark YES if', 'award the point when', 'the item passes if', 'YES if'
_GRANT = (rf"(?:{_MARK_YES}|(?:award|give|grant|assign)\s+{_POINT}|(?:full|1|one)\s+(?:marks?|credit|points?|score)|"
          r"(?:it|(?:the|this)\s+(?:[a-z]+\s+)?(?:item|criterion|check|requirement)|the\s+(?:response|answer|reply))\s+(?:passes|is met|is satisfied|"
          r"is fulfilled|gets the (?:point|mark)|scores (?:a|one|the|1) (?:point|mark))|"
          r"(?:yes|pass|true))")
_DECIDE = rf"{_GRANT}\s*:?\s+{_IF}"

# a frame that grants the point when the criterion holds, at the start: 'Award the point if', 'Full marks
# only when', 'Mark YES if', 'Pass if', 'The item is met if', 'A point is given when'
_LEAD = re.compile(
    rf"^\s*(?:(?:you|graders?|raters?|annotators?|reviewers?)\s+(?:should|must|can|may|will)\s+|please\s+|only\s+)?"
    rf"(?:(?:award|give|grant|assign)\s+{_POINT}\s+{_IF}"
    rf"|(?:full|1|one)\s+(?:marks?|credit|points?|score)\s+(?:(?:is|are)\s+(?:given|awarded|earned)\s+)?{_IF}"
    rf"|(?:a|the|one)\s+(?:point|mark)\s+(?:is|will be)\s+(?:given|awarded|earned)\s+{_IF}"
    rf"|{_MARK_YES}\s+{_IF}"
    rf"|(?:yes|pass|passes|passed|true|met|satisfied|ok|okay|lgtm|acceptable|correct|good|valid|fine|success|approved|compliant)\s*:?\s+{_IF}"
    rf"|(?:the\s+)?(?:item|criterion|check|requirement|constraint|condition|rule|test)\s+(?:passes|(?:is\s+)?met|(?:is\s+)?satisfied|(?:is\s+)?fulfilled|holds|"
    rf"is (?:considered|counted as|marked(?: as)?) (?:met|satisfied|passed|fulfilled|correct))\s+{_IF}"
    rf"|(?:the\s+)?{_DOC}\s+(?:passes|gets (?:the|a|full) (?:point|mark|marks|credit)|earns (?:the|a|full) (?:point|mark|marks|credit)|"
    rf"receives (?:the|a|full) (?:point|mark|marks|credit)|scores (?:a|one|the|1) (?:point|mark)|is (?:correct|acceptable|accepted))\s+{_IF}"
    rf"|(?:accept|approve)\s+(?:(?:it|the\s+{_DOC})\s+)?{_IF}"
    r"|(?:\+?1|one|full)\s+(?:points?|marks?)\s*[:\u2013\u2014-](?=\s))\s*,?\s*", _I)
# the same decision after the criterion: 'If the reply has 3 paragraphs, mark YES.'
_LEAD_IF = re.compile(rf"^\s*if\s+(?P<inner>.+?)\s*(?:,|\s+then\b|\u2192|->|=>)\s*(?:then\s+)?(?:{_GRANT}|award\s+it|give\s+it\s+the\s+point)\s*[.!]?\s*$", _I)
# a grader frame that fails or penalises: never read off (the criterion keeps its 'if' and stays neural)
_PENALTY = re.compile(r"\b(?:lose[sd]?|loses it|forfeit|no (?:credit|marks?|points?)|zero (?:credit|marks?|points?)|deduct|penali[sz]|"
                      r"fails?\b|failed|not (?:awarded|given)|gets? (?:no|zero|0)|disqualif|reject)", _I)

# a frame that asks the grader to decide, after the criterion: '...; mark YES if so', '. Mark YES if it is
# present', ' - is it there?', ' - are they there?'
_TRAIL = re.compile(
    rf"(?:\s*[;.,:]\s*|\s+)if\s+(?:so|yes|it does|it is|they are|true|that is the case),?\s+(?:then\s+)?(?:{_GRANT}|award it)\s*[.!]?\s*$"
    rf"|(?:\s*[;.,:]\s*|\s+)(?:(?:and|then)\s+)?{_DECIDE}\s*(?:so|that is (?:so|the case|true)|this (?:is (?:so|the case|true)|holds)|"
    r"it (?:is|does)(?: (?:present|there|the case|true|so))?|they (?:are|do)(?: (?:present|there|all present))?|it holds|yes)\s*[.!]?\s*$"
    r"|\s*(?:[-\u2013\u2014,;]\s*|\s+)(?:is it|are they|is that|are those|is this)\s+(?:there|present|in there|the case|all there|done)\s*\?\s*$", _I)
# the other branch of a grant: '; otherwise NO', ', else mark it 0'
_OTHERWISE = re.compile(r"\s*(?:[,;.]\s*|\s+)(?:otherwise|else|if not)\s*,?\s*(?:(?:mark|answer|score|give|rate|label)\s+(?:it\s+)?)?[\"']?(?:no|n|false|fail|0|zero)[\"']?"
                        r"(?:\s+(?:points?|marks?))?\s*[.!]?\s*$", _I)
# an answer-format label: 'Yes/No: ...', 'Pass/Fail - ...', 'Y/N: ...'
_YES_NO = re.compile(r"^\s*\(?(?:yes\s*/\s*no|y\s*/\s*n|true\s*/\s*false|pass\s*/\s*fail)\)?\s*[:\-\u2013\u2014]\s*", _I)
# a question about a statement: 'Is it true that ...?', 'Can you confirm that ...?'
_IS_IT_TRUE = re.compile(r"^\s*(?:is it (?:true|the case) that|can (?:you|we|one) (?:confirm|verify|say) that|would you agree that|do you agree that)\s+", _I)
# an LLM rubric's labelled frame: 'Keyword Frequency: Evaluates whether ...' (a reason after it is cut off as a reason,
# which the driver checks: 'since the user asked for ...'); without its label the frame is left as it is ('whether'
# keeps it neural: unlabelled, it mostly wraps content criteria)
_EVALUATES = re.compile(r"^\s*[A-Z][\w'-]*(?:\s+(?:[A-Z&][\w'-]*|of|by|via|and|in|for|to|the|a|on))*\s*:\s*(?:this\s+(?:criterion|item|check)\s+)?"
                        r"(?:evaluates|assesses|checks|verifies|determines|examines|tests|confirms|measures)\s+(?:whether|if|that)\s+(?:or not\s+)?", _I)
_REASON_TAIL = re.compile(r"\s*,\s*(?=(?:since|because|given that|as (?:the|your|this) (?:user|prompt|request|instructions?|task|brief)|"
                          r"matching|satisfying|meeting|fulfilling|honou?ring|respecting|in line with|in keeping with)\b)(?![^\"\u201c\u201d]*[\"\u201c\u201d])", _I)
# where the grader should look, before the decision: 'Look at the end of the response.'
_LOOK_AT = re.compile(rf"^\s*(?:look at|check|examine|inspect|read)\s+(?:the\s+)?(?:(?:very\s+)?(?:end|ending|start|beginning|opening)|"
                      rf"(?:last|first|final|opening|closing)\s+(?:part|line|words?|sentence))\s+of\s+(?:the|this|your)\s+{_DOC}\s*[.;:]\s*", _I)
# the checklist's imperative before a statement: 'Check that ...', 'Verify that ...'
_CHECK_THAT = re.compile(r"^\s*(?:check|verify|confirm|ensure|make sure)\s+that\s+", _I)

# what a count-then-decide pair requires of the count: '(there are) fewer than 3', '(the total is) 600 or more'
_COND = (r"(?:(?:there\s+(?:are|is)|(?:the|its|their)\s+(?:total|count|number|sum|tally|result)(?:\s+of\s+them)?\s+is|it\s+is|they\s+(?:are|number|total)|"
         r"(?:the\s+)?(?:total|count|number)\s+is)\s+)?")
_REQ = (r"(?P<REQ>(?:[a-z]+\s+){0,5}?\d[\d,]*(?:\s+or\s+(?:more|fewer|less|greater|higher|above|below|under|over|lower))?)"
        r"(?:\s+(?:in total|in all|overall|of them))?")
# a count then a decision: 'Count the words in the response. Mark YES if the total is below 20.'
_COUNT_DECIDE = re.compile(
    rf"^\s*(?:count|tally|how many)\s+(?P<np>[^.;:?]+?)\s*[.;:?]\s*(?:then\s+)?(?:{_DECIDE}\s*{_COND}{_REQ.replace('REQ', 'req')}\s*[.!]?|"
    rf"if\s+{_COND}{_REQ.replace('REQ', 'req2')}\s*,\s*(?:then\s+)?{_GRANT}\s*[.!]?)\s*$", _I)
_TIMES_NP = re.compile(r"^how many times\s+(?P<x>.+?)\s+(?:appears?|occurs?|is used|shows? up|is written|is mentioned)\b(?P<rest>.*)$"
                       r"|^(?:(?:the|every|each|all(?: the)?)\s+)?(?:occurrences?|appearances?|instances?|uses)\s+of\s+(?P<y>.+?)(?P<rest2>(?:\s+in\b.*|\s*,.*|\s*\(.*)?)$", _I)
_IN_DOC = re.compile(rf"\s*(?:,\s*)?\b(?:in|within|throughout|across)\s+(?:the|this|your)\s+(?:(?:entire|whole|complete|full)\s+)?{_DOC}\b", _I)
_CASE = re.compile(r"\s*(?:,\s*|\(\s*)(?:ignoring case|regardless of case|case[- ]insensitive(?:ly)?|case does not matter|in any case|"
                   r"(?:counting )?(?:upper|capital) and (?:lower|small) (?:case|forms?)(?: (?:together|alike))?)\s*\)?", _I)

# a search then a decision on what was searched for: 'Search the response for "a" or "b". Mark YES if
# none of them occurs.', 'Check for the keywords "a" and "b"; mark YES only if all of them are present.'
_SEARCH_DECIDE = re.compile(
    rf"^\s*(?:check|search|scan|look)(?:\s+(?:the|this|your)\s+{_DOC})?\s+for\s+(?P<x>[^.;:]+?)\s*[.;:]\s*(?:then\s+)?{_DECIDE}\s*"
    r"(?:(?P<q>all|none|each|every one|both|not one|neither)\s+of\s+(?:them|these|those)|(?:it|they)(?=\s+(?:all\s+|each\s+|both\s+)?(?:appears?|occurs?|is|are|do|does)\b))"
    r"\s+(?P<y>[^.;]+?)\s*[.!]?\s*$", _I)

# a user's own voice: 'i want "x" in there at least 3 times', 'i asked for at least two bits highlighted'
_USER_WANT = re.compile(r"^\s*(?:i|we)\s+(?:want|need|asked for|requested|would like|'d like|expect)\s+(?P<x>.+?)\s*$", _I)
_IN_THERE = re.compile(rf"\s+in\s+(?:there|it|the\s+(?:{_DOC}|thing))\b", _I)
_NONE_ANYWHERE = re.compile(rf"^\s*(?:no|zero)\s+(?P<x>.+?)\s+(?:anywhere|at all)(?:\s+in\s+(?:the|your|this)\s+(?:{_DOC}|thing)|\s+in\s+it)?\s*[.!]?\s*$", _I)

# acceptance criteria: an id label ('AC1:', 'REQ-LEN-01:', '[TC-4]') and 'Given the output, it SHALL ...'
_AC_ID = re.compile(r"^\s*\[?(?=[A-Za-z0-9_.-]*\d)[A-Z][A-Za-z]*(?:[-_.]?[A-Z0-9]+)*\]?\s*[:.)\]-]\s+(?=\S)")
_GIVEN = re.compile(rf"^\s*given\s+(?:the|a|an)\s+(?:(?:final|complete|whole|entire|generated|full)\s+)?(?:{_DOC})\s*[,:]\s*", _I)


# what the grader does with a topic before the decision on it: 'Check for a postscript note: mark YES if ...'
_CHECK_FOR = re.compile(rf"^\s*(?:check|look|search)(?:\s+(?:the|this|your)\s+{_DOC})?\s+for\s+(?P<x>(?:an?\s+|the\s+)?[a-z][a-z -]{{0,40}}?)\s*[.;:]\s*"
                        rf"(?={_DECIDE}\s*(?:the|this|your)\s+{_DOC}\b)", _I)
# a penalty clause after the criterion that restates it as what loses the point: '; any lowercase letter loses it'
_PENALTY_CLAUSE = re.compile(r"\s*[;,]\s*(?:and\s+)?(?:any|a single|even one|one|a|every)\s+(?P<x>[a-z][a-z -]{0,40}?)\s+"
                             r"(?:loses|costs|forfeits|takes away)\s+(?:it|the (?:point|mark|marks|credit))\s*[.!]?\s*$", _I)
# the grader's search as the criterion: 'you cannot find any comma in the whole response'
_GRADER_FINDS = re.compile(rf"^\s*you\s+(?:cannot|can ?not|can't|do not|don't|will not|won't)\s+(?:find|see|spot|detect|locate)\s+"
                           rf"(?:any|a single|even one|one)\s+(?P<x>[a-z][a-z -]{{0,30}}?)(?:\s+(?:anywhere\s+)?(?:in|within|throughout)\s+"
                           rf"(?:the|this)\s+(?:(?:whole|entire|full|complete)\s+)?(?P<doc>{_DOC}))?(?=\s*(?:[,.;]|$))", _I)
_GRADER_SEES = re.compile(rf"^\s*you\s+(?:can\s+)?(?:find|see|count|spot|detect|locate)\s+(?!(?:the|this|your)\s+{_DOC}\b|it\b|that\b|them\b)(?=[a-z0-9\"'])", _I)
_FUNCTION = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "with", "that", "is", "are", "it", "any", "response",
             "answer", "reply", "output", "text", "note", "if", "yes", "mark", "only", "so", "check", "look", "search"}


def _content(s: str):
    return [w for w in re.findall(r"[a-z]+", s.lower()) if w not in _FUNCTION and len(w) > 2]


def _penalty_as_requirement(inner: str) -> str:
    """'...; any lowercase letter loses it' read as '... and contains no lowercase letter' (the driver's clause
    guard then sees a second requirement, if it is one)."""
    m = _PENALTY_CLAUSE.search(inner)
    if m is None or not _outside_quotes(inner, m.start(), m.end()):
        return inner
    return inner[:m.start()].rstrip() + f" and contains no {m.group('x')}."


# a count of a quoted string's occurrences: 'contains fewer than 3 occurrences of "x"'
_OCCURRENCES = re.compile(rf"\b(?P<v>contains?|has|have|includes?|uses?)\s+(?P<req>(?:[a-z]+\s+){{0,5}}?(?:\d[\d,]*|{NUMBER_WORD})(?:\s+or\s+(?:more|fewer|less|greater))?)\s+"
                          r"(?:occurrences|instances|appearances|uses|mentions)\s+of\s+(?P<the>the\s+(?:letter|character|word)\s+)?(?P<q>\"[^\"\n]{1,60}\"|'[^'\n]{1,60}'|\u201c[^\u201d\n]{1,60}\u201d)", _I)


def _outside_quotes(text: str, start: int, end: int) -> bool:
    """True when text[start:end] holds no quotation mark (a frame is never read inside data)."""
    return not re.search(r"[\"\u201c\u201d]", text[start:end])


def _subject(inner: str) -> str:
    """The inner criterion with the response as its subject where the frame had it as 'it' or the student."""
    inner = re.sub(r"^it\s+(?=[a-z])", "The response ", inner, flags=_I)
    inner = re.sub(r"^its\s+(?=[a-z])", "The response's ", inner, flags=_I)
    return inner[:1].upper() + inner[1:]


def unframe(text: str) -> str:
    """``text`` with a grader, acceptance or checklist frame read off (the inner criterion), else as it is."""
    text = unvoice(text)
    m = _AC_ID.match(text)
    if m:
        text = text[m.end():]
    m = _OTHERWISE.search(text)
    if m and _outside_quotes(text, m.start(), m.end()) and re.search(_DECIDE, text[:m.start()], _I):
        text = text[:m.start()].rstrip() + "."  # '..., mark YES if X; otherwise NO': the grant says it all
    m = _GIVEN.match(text)
    if m:
        text = _subject(text[m.end():])
    m = _COUNT_DECIDE.match(text)
    if m and _outside_quotes(text, m.end("np"), m.end()):
        got = _count_decide(m.group("np").strip(), m.group("req") or m.group("req2"))
        if got is not None:
            return got
    m = _SEARCH_DECIDE.match(text)
    if m and _outside_quotes(text, m.end("x"), m.end()):
        if m.group("q"):
            return f"{m.group('q')[:1].upper()}{m.group('q')[1:]} of {m.group('x')} {m.group('y')}."
        return f"{m.group('x')[:1].upper()}{m.group('x')[1:]} {m.group('y')}."
    m = _CHECK_FOR.match(text)
    if m and _outside_quotes(text, m.start(), m.end("x")) and set(_content(m.group("x"))) & set(_content(text[m.end():])):
        text = text[m.end():]  # 'Check for a postscript: mark YES if the response contains a postscript ...'
    m = _TRAIL.search(text)
    if m and _outside_quotes(text, m.start(), m.end()):
        text = text[:m.start()].rstrip() + "."
        c = _CHECK_THAT.match(text)
        if c:
            text = _subject(text[c.end():])
    m = _YES_NO.match(text)
    if m:
        text = text[m.end():]
    m = _IS_IT_TRUE.match(text)
    if m:
        text = _subject(re.sub(r"\?\s*$", ".", text[m.end():]))
    m = _EVALUATES.match(text)
    if m:
        text = _subject(_REASON_TAIL.sub(lambda r: ", as required" + r.group(0), text[m.end():], count=1))
    m = _LEAD_IF.match(text)
    if m and _outside_quotes(text, m.end("inner"), m.end()):
        text = "Mark YES if " + m.group("inner") + "."
    m = _LOOK_AT.match(text)
    if m and _LEAD.match(text[m.end():]):
        text = text[m.end():]  # 'Look at the end of the response. Mark YES if it finishes with ...'
    m = _LEAD.match(text)
    if m:
        inner = _penalty_as_requirement(text[m.end():])
        inner = _GRADER_FINDS.sub(lambda g: f"The {g.group('doc') or 'response'} contains no {g.group('x')}", inner)
        # 'you count at least 5 ...', 'you see a title ...': what the grader finds is what the response has (not a
        # judgement of the response: 'you find the response convincing', 'you find that ...')
        inner = _GRADER_SEES.sub("The response has ", inner)
        # the grader as the subject ('Mark YES if you ...'), or a clause on what loses the point: left as it is
        if re.match(r"\s*(?:you|we|i|the grader|the rater|the annotator|the reviewer)\b", inner, _I) or _PENALTY.search(QUOTE_RE.sub(" ", inner)):
            return text
        text = _subject(inner.strip())
    m = _OCCURRENCES.search(text)
    if m:  # 'contains fewer than 3 occurrences of "x"': uses "x" fewer than 3 times
        verb = {"contains": "uses", "has": "uses", "includes": "uses", "uses": "uses"}.get(m.group("v").lower(), "use")
        text = text[:m.start()] + f"{verb} {m.group('the') or ''}{m.group('q')} {m.group('req')} times" + text[m.end():]
    m = _USER_WANT.match(text)
    if m:
        x = _IN_THERE.sub("", m.group("x"), count=1)
        text = f"The response includes {x}"
    m = _NONE_ANYWHERE.match(text)
    if m:
        text = f"The response contains no {m.group('x')}."
    return text


def _count_decide(np: str, req: str):
    """The criterion of a count-then-decide pair: '<x> appears <req> times' or 'The response has <req> <units>'."""
    t = _TIMES_NP.match(np)
    if t:
        x = t.group("x") or t.group("y")
        rest = t.group("rest") if t.group("x") else t.group("rest2")
        rest = _CASE.sub("", _IN_DOC.sub("", rest or "")).strip(" ,")
        x = _CASE.sub("", _IN_DOC.sub("", x)).strip(" ,")
        if rest:
            return None  # more than what is counted: left as it is
        return f"{x} appears {req} times in the response."
    np = _IN_DOC.sub("", np, count=1).strip(" ,")
    if _CASE.search(np):
        return None
    m = re.match(r"^(?:(?:the|all(?: the)?)\s+)?(?P<np>.+)$", np, _I)
    np = m.group("np")
    m = re.match(r"^(?:every|each)\s+(?P<head>[a-z]+)\b(?P<rest>.*)$", np, _I)
    if m:
        head = m.group("head")
        np = (head + ("es" if re.search(r"(?:s|sh|ch|x)$", head) else "s")) + re.sub(r"^(\s+(?:that|which|who))\s+is\b", r"\1 are", m.group("rest"))
    return f"The response has {req} {np}."
