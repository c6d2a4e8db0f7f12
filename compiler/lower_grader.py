"""Instructions to a grader (issue 15, round 16): how to look, when to say yes, when to say no, in any order of
sentences.

An annotation guideline tells the rater what to do before it says when the item is met: 'Count the words in the
response. Give credit if there are 600 or more words; no credit if there are fewer than 600.', 'Look at the end of the
response. Mark YES if it finishes with a postscript that starts with P.S.; mark NO if there is no such postscript.',
'Count how often "x" appears in the response, ignoring capitalization. Mark YES if it appears 6 or more times, NO if
fewer.' :func:`read_grader` splits such an item into its clauses and keeps it only when every clause is one of three
kinds:

- one **decision** ('Mark YES (only) if', 'Give credit if', 'Rate as pass if', 'Mark as met if', 'The criterion is
  met if', 'The item passes only if'): its condition is what the response must do;
- **procedures** before it ('Count ...', 'Look at ...', 'Check ...', 'Split ...', 'Tally ...'): how to look. A
  condition that names no unit of its own ('the total is below 600', 'there are 5 or more', 'it appears 6 or more
  times') takes what the procedure counts; otherwise the procedure is only returned for the driver to judge (it must
  be said in surface words and name no part of the response the check does not read);
- **failure branches** after it ('no credit if Y', 'Mark NO if Y', 'NO otherwise', 'Y is enough for NO', 'Y does not
  meet it', 'Y fails', 'Y means NO', 'Otherwise no credit'): one way to fail the same check, respelled as the frame
  readers' own 'fail if Y' (:mod:`rubricc.compiler.lower_voices4`), which the driver checks against the check.

The item is then 'Pass if <condition>; fail if <Y>.' for the rules to read. Words are moved, never added; quoted
material is never rewritten; anything else in the item leaves it as it is (None).
"""
from __future__ import annotations

import re
import threading
from typing import Callable, List, Optional, Tuple

from rubricc.compiler.lower_grader_speech import impersonal
from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_method import method_first
from rubricc.compiler.lower_scenario import scenario, then_said
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_DECISION = re.compile(
    r"^(?:(?:mark|rate|score|grade|label|answer)\s+(?:it\s+|this\s+|the\s+(?:item|criterion|response)\s+)?(?:as\s+)?(?:a\s+)?(?:yes|met|pass(?:ed)?|satisfied)"
    r"|(?:give|award)\s+(?:it\s+)?(?:full\s+)?(?:credit|the\s+point)|yes|pass(?:\s+it)?"
    r"|(?:the\s+)?(?:criterion|item|check|requirement|rubric\s+item)\s+(?:is\s+(?:met|satisfied)|passes)"
    r"|(?:it|this)\s+(?:is\s+met|passes))\s+(?:only\s+)?(?:if|when)\s+(?P<cond>\S.*)$"
    r"|^(?:check|verify|ensure|confirm)\s+that\s+(?P<cond2>\S.*)$", _I | re.DOTALL)
_FAIL_IF = re.compile(
    r"^(?:(?:mark|rate|score|grade|label|answer)\s+(?:it\s+|this\s+)?(?:as\s+)?(?:a\s+)?(?:no|fail(?:ed)?|not\s+met|unsatisfied)|(?:give\s+|award\s+)?no\s+credit"
    r"|fail(?:\s+it)?|(?:it|this)\s+fails|no|(?:the\s+)?(?:criterion|item)\s+(?:is\s+not\s+met|fails))\s+(?:if|when)\s+(?P<y>\S.*)$", _I | re.DOTALL)
_OTHERWISE = re.compile(r"^(?:otherwise,?\s+(?:(?:mark|rate)\s+(?:it\s+)?(?:as\s+)?)?(?:no|fail|no\s+credit|it\s+fails|not\s+met)"
                        r"|(?:(?:mark|rate)\s+(?:it\s+)?(?:as\s+)?)?(?:no|fail|no\s+credit)\s+otherwise)$", _I)
_FAIL_SAID = re.compile(
    r"^(?P<y>\S.*?)\s+(?:is\s+(?:enough|sufficient)\s+for\s+(?:a\s+)?(?:no|fail(?:ure)?)|(?:all\s+)?means?\s+(?:a\s+)?(?:no|fail(?:ure)?|no\s+credit)"
    r"|(?:does\s+not|doesn't|do\s+not|don't)\s+(?:meet\s+it|meet\s+the\s+criterion|pass|count|qualify)|fails|is\s+not\s+met|is\s+(?:a\s+)?fail(?:ure)?)$",
    _I | re.DOTALL)
# a question with no unit of its own after a procedure ('Count the sentences. Does the response have at least 50?',
# 'Is the total less than 3?'): the decision, its condition the count the procedure makes
_CMP = r"(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|below|under|above|over)\s+)?\d[\d,]*(?:\s+or\s+(?:more|fewer|less|higher|lower))?"
_QUESTION = re.compile(r"^(?:is|was)\s+the\s+(?P<u>count|total|number|tally|result)\s+(?P<c1>\S.*?)\s*\?$"
                       rf"|^(?:does|do)\s+(?:the\s+(?:response|reply|answer|output)|it)\s+(?:have|contain|include)\s+(?P<c2>{_CMP})\s*\?$"
                       rf"|^are\s+there\s+(?P<c3>{_CMP})\s*\?$", _I)
_PROCEDURE = re.compile(r"^(?:count|tally|look\s+at|look\s+for|check|split|search|scan|strip|remove|read|determine|find|inspect|examine|go\s+through"
                        r"|copy\s+out)\b", _I)
# a condition with no unit of its own: the count the procedure makes
_ELLIPTIC = re.compile(
    r"^(?:(?:the|that)\s+(?:count|total|number|tally|result)\s+(?:is\s+(?P<c1>.+?)|reaches\s+(?P<c2>.+?))"
    r"|there\s+(?:are|is)\s+(?P<c3>(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|under|below)\s+)?"
    r"\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?)(?:\s+such\s+[a-z]+)?"
    r"|it\s+appears\s+(?P<c4>.+?)\s+times)\s*$", _I | re.DOTALL)
_COUNTED = re.compile(r"^(?:count|tally)\s+(?P<what>\S.*)$", _I | re.DOTALL)
# what is counted when it is the occurrences of one word or letter ('how often "x" appears in the response, ignoring
# capitalization', 'how many times the letter 'i' occurs anywhere in the response', 'every occurrence of 'x' in ...')
_OCCURS = re.compile(r"^(?:how\s+(?:often|many\s+times)\s+(?P<a>.+?)\s+(?:occurs|appears|is\s+used)"
                     r"|(?:(?:every|each|all(?:\s+the)?|the)\s+)?(?:occurrences?|instances?|uses?)\s+of\s+(?P<b>.+?)(?=\s+in\s+the\s+response\b|\s*[,(]|$)"
                     # 'every 'i'', 'each "x"': every occurrence of the quoted thing
                     r"|(?:every|each)\s+(?P<c>'[^'\n]{1,30}'|\"[^\"\n]{1,40}\"|\u201c[^\u201d\n]{1,40}\u201d)(?=\s*[,(]|\s+(?:regardless|ignoring|in\s+any|in\s+the\s+(?:response|reply))\b|$))"
                     r"(?P<notes>.*)$", _I | re.DOTALL)
# a condition about the procedure's referent ('every one of them appears', 'none of them appears anywhere in it')
_THEM = re.compile(r"^(?:(?:every|each|all)(?:\s+one)?\s+of\s+them\s+(?:appears?|(?:is|are)\s+found|occurs?)|(?P<none>none)\s+of\s+them\s+(?:appears?|is\s+found|occurs))"
                   r"(?:\s+(?:anywhere\s+)?in\s+(?:it|the\s+response))?(?:\s+anywhere(?:\s+in\s+it)?)?(?(none)|(?:\s+at\s+least\s+once)?)$", _I)
_FOR = re.compile(r"^(?:search|check|scan|look\s+(?:in\s+the\s+response\s+)?)\s*(?:the\s+(?:response|reply|answer)\s+)?"
                  r"(?:case[- ]insensitively\s+)?for\s+(?P<x>\S.*)$", _I | re.DOTALL)  # (the checks it is read for ignore case)
_PARSES = re.compile(r"^(?:it|the\s+(?:response|rest|remainder)|what\s+remains|everything\s+(?:left|that\s+remains))\s+parses(?P<json>\s+as\s+(?:valid\s+)?json)?$", _I)
# a code fence taken off before the parse: 'Remove any ``` markdown fence from the start and end of the reply'
_FENCE_OFF = re.compile(r"^(?:remove|strip)\s+(?:any|the|an?)\s+(?:optional\s+)?(?:```\s*(?:json\s*)?)?(?:markdown\s+)?(?:code\s+)?fences?"
                        r"(?:\s+(?:from\s+around|from|around)\s+(?:the\s+(?:start\s+and\s+end|beginning\s+and\s+end)\s+of\s+)?the\s+(?:reply|response|answer))?$", _I)
# a procedure that looks at a part of the response by its place: the part a decision's 'they' / 'both' speaks of
_PART = re.compile(r"^(?:copy\s+out|look\s+at|read|find)\s+(?P<part>the\s+(?:(?:very\s+)?(?:first|last|final|opening|closing)(?:\s+and\s+(?:very\s+)?(?:first|last|final))?\s+)"
                   r"(?:words|characters|sentence|line)\s+of\s+the\s+(?:reply|response|answer))\s*$", _I)
_UNIT_NOTES = re.compile(r"\s+(?:in|across)\s+the\s+(?:(?:whole|entire|full)\s+)?(?:response|reply)\b", _I)


def _clauses(text: str) -> List[str]:
    """The item's sentences and ';' clauses (quotations and parentheses kept whole), and a colon before a decision."""
    masked = QUOTE_RE.sub(lambda m: "\0" * len(m.group(0)), text)
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group(0)), masked)
    cuts = [m.end() for m in re.finditer(r"(?<![A-Z]\.[A-Z])(?<!\be\.g)(?<!\bi\.e)[.;?]\s+(?=\S)|:\s+(?=(?:mark|give|rate|pass|award)\b)", masked, _I)]
    out, last = [], 0
    for c in cuts + [len(text)]:
        piece = re.sub(r"\s*(?:[;:]|(?<![A-Z]\.[A-Z])\.)\s*$", "", text[last:c].strip())
        if piece:
            out.append(piece)
        last = c
    return out


def _statement(cond: str, procedures: List[str]) -> Optional[str]:
    """The decision's condition as what the response must do (an elliptic count takes the last procedure's unit)."""
    m = _ELLIPTIC.match(cond)
    if m is None:
        last = procedures[-1] if procedures else ""
        them = _THEM.match(cond)
        if them:  # 'Search the response for each of these keywords: "a", "b". Mark YES only if every one of them appears.'
            x = _FOR.match(last)
            if x is None:
                return None
            x = x.group("x").strip()
            if them.group("none") and re.match(r"the\s+(?:whole\s+)?(?:words?|terms?|keywords?)\b", x, _I):
                return f"the response does not contain {x}"  # 'Search the reply for the whole words "a" or "b". ... if none of them is found'
            return f"the response contains {'none of ' if them.group('none') else ''}{x}"
        parses = _PARSES.match(cond)
        if parses:  # 'Strip any code fence, then try to parse the response as JSON. Mark YES if it parses'
            said_parse = re.search(r"\bparse\b", last, _I) and re.search(r"\bjson\b", last, _I)
            if not said_parse and not (parses.group("json") and _FENCE_OFF.match(last)):
                return None  # (the decision may name JSON itself after a fence taken off: 'Remove any ``` fence ... Answer Yes if
                # everything left parses as valid JSON'; never after anything else taken off: 'Remove the first paragraph ...')
            return "the response is valid JSON" + ("; a surrounding code fence is acceptable" if re.search(r"\bfences?\b", last, _I) else "")
        part = _PART.match(last)
        if part:  # 'Copy out the final words of the reply. ... if they read exactly "x"': they are the final words
            both = re.match(r"^both\s+are\s+(?=\S)", cond, _I)
            if both:  # 'look at the first and last characters of the reply. ... if both are double quotation marks'
                return f"{part.group('part')} are both {cond[both.end():]}"
            if re.match(r"^(?:it|they)\s+(?=[a-z])", cond, _I):
                return re.sub(r"^(?:it|they)\s+", part.group("part") + " ", cond, flags=_I)
        return re.sub(r"^(?:it|they)\s+(?=[a-z])", "the response ", cond, flags=_I)
    cmp = next(g for g in m.groups() if g is not None).strip()
    counted = _COUNTED.match(procedures[-1]) if procedures else None
    if counted is None:
        return None  # a count of nothing said
    what = counted.group("what").strip()
    o = _OCCURS.match(what)
    if o:
        notes = re.sub(r"^\s*(?:anywhere\s+)?in\s+the\s+(?:response|reply)\b", "", o.group("notes")).rstrip()
        return f"{(o.group('a') or o.group('b') or o.group('c')).strip()} appears {cmp} times in the response{notes}"
    if m.group("c4"):
        return None  # 'it appears N times' of a count that is not of occurrences
    every = re.match(r"^(?:every|each)\s+(?P<x>[a-z][a-z -]*?[a-z])(?P<rest>(?:\s+(?:in|across)\s+the\s+.*|\s*[(,].*)?)$", what, _I)
    if every:  # 'every word in the response': the words
        what = every.group("x") + ("" if every.group("x").endswith("s") else "s") + every.group("rest")
    what = re.sub(r"^(?:the|all(?:\s+the)?)\s+", "", what, flags=_I)
    return f"the response has {cmp} {_UNIT_NOTES.sub('', what, count=1)}"


def _asked(question: str) -> Optional[str]:
    """A question after a procedure as a decision's condition ('Is the total less than 3?' -> 'the total is less than
    3'), or None."""
    q = _QUESTION.match(question)
    if q is None:
        return None
    return f"the {q.group('u')} is {q.group('c1')}" if q.group("c1") else f"there are {q.group('c2') or q.group('c3')}"


def read_grader(text: str) -> Optional[Tuple[str, List[str]]]:
    """('Pass if <condition>; fail if <Y>.', the procedures the driver must judge) for an instruction to a grader, or
    None when ``text`` is not one in the three kinds of clause above."""
    read = _read(text)
    return None if read is None else read[:2]


def _read(text: str) -> Optional[Tuple[str, List[str], Optional[str]]]:
    """:func:`read_grader`'s reading and, for a question after a procedure followed by its decision ('Does the response
    have at least 50? Answer Yes if the count is 50 or more.'), that decision's own frame, which must read the same."""
    # a grader speaking for itself, an acceptance scenario, a method said first: the instruction
    spoken = impersonal(text) or scenario(text) or method_first(text)
    parts = _clauses((spoken or text).strip())
    also = None
    q = next((i for i, p in enumerate(parts) if _asked(p) is not None), None)
    if q is not None and q > 0:
        if q + 1 < len(parts) and _DECISION.match(parts[q + 1]):
            also = _read(" ".join(p if p.endswith("?") else p + "." for p in parts[:q] + parts[q + 1:]))
            if also is None or also[2] is not None:
                return None
        parts = parts[:q] + [f"Pass if {_asked(parts[q])}"] + parts[q + 1 + (also is not None):]
    decisions = [i for i, p in enumerate(parts) if _DECISION.match(p)]
    if len(decisions) != 1 or len(parts) < 2 and spoken is None:  # (a grader's own decision may stand alone)
        return None
    d = decisions[0]
    procedures, fails, otherwise = parts[:d], [], False
    if not all(_PROCEDURE.match(p) for p in procedures):
        return None
    decision = parts[d]
    # 'Mark YES if ..., NO otherwise' / ', NO if fewer' inside the decision's own clause
    tail = re.search(r",\s+(?P<t>(?:no|fail)\s+(?:otherwise|if\s+\S.*))$", decision, _I)
    if tail and not any(a < tail.start() < b for a, b in ((q.start(), q.end()) for q in QUOTE_RE.finditer(decision))):
        parts = parts[:d] + [decision[:tail.start()], tail.group("t")] + parts[d + 1:]
        decision = parts[d]
    for p in parts[d + 1:]:
        if _OTHERWISE.match(p):
            otherwise = True
            continue
        m = _FAIL_IF.match(p) or _FAIL_SAID.match(p)
        if m is None:
            return None
        fails.append(m.group("y").strip().rstrip(",").strip())
    dm = _DECISION.match(decision)
    cond = (dm.group("cond") or re.sub(r"\band\s+that\s+", "and ", dm.group("cond2") or "")).strip()
    said = _statement(cond, procedures)
    if said is None or len(fails) > 1:
        return None
    frame = f"Pass if {said}"
    if fails:
        y = fails[0]
        elided = re.fullmatch(r"(?:there\s+are\s+|it\s+appears\s+)?(?P<d>fewer|less|more)(?:\s+times)?", y, _I)
        if elided:  # 'NO if fewer': the complement of the decision's own bound, or nothing read
            up = re.search(r"\bor\s+more\b|\bat\s+least\b", said, _I)
            down = re.search(r"\b(?:fewer|less)\s+than\b|\bbelow\b|\bunder\b", said, _I)
            if not ((elided.group("d").lower() != "more" and up and not down) or (elided.group("d").lower() == "more" and down and not up)):
                return None
        else:
            frame += f"; fail if {y}"
    elif otherwise:
        frame += "; otherwise fail"
    used = _ELLIPTIC.match(cond) or _THEM.match(cond) or _PARSES.match(cond) or \
        procedures and _PART.match(procedures[-1]) and re.match(r"^(?:both\s+are|it|they)\s", cond, _I)
    return frame + ".", [p for p in procedures if not (used and p is procedures[-1])], also[0] if also else None


# ---- a procedure the decision does not use must only say how to look at what the check reads -----------------------
_HOW = set("count tally look at for check split search scan read inspect examine go through the a an of in on into "
           "response reply answer output text whole entire full very all every each and carefully then it its".split())
_FAMILY_WORDS = {
    "word_count": "word words", "sentence_count": "sentence sentences", "ends_with": "end ending final last closing words",
    "postscript": "end ending final last closing", "repeats_prompt": "start beginning opening first words",
    "starts_with": "start beginning opening first words", "section_count": "structure sections section headers labels",
    "bullet_count": "bullet bullets points lines list items markdown", "placeholder_count": "placeholders square brackets",
    "has_title": "title titles top start", "no_commas": "commas comma punctuation", "is_json": "json format structure",
    "response_language": "language languages", "all_lowercase": "letters letter case capitals capitalization",
    "all_uppercase": "letters letter case capitals capitalization", "wrapped_in_quotes": "start end quotes quotation marks",
    "paragraph_first_word": "paragraphs paragraph blank lines line two consecutive newlines double breaks",
    "capital_word_frequency": "words capitalized capital uppercase", "highlighted_sections": "highlights highlighted sections spans",
}
# the default paragraph separator restated ('Split the response on blank lines (two consecutive newlines)')
_BLANK_LINES = "paragraphs paragraph blank lines line two consecutive newlines double breaks"


def restates(name: str, args: dict, procedure: str) -> bool:
    """Whether ``procedure`` says only how to look at what check ``name`` reads ('Count the words in the response'
    beside word_count; 'Look at the end of the response' beside postscript), nothing that would narrow or change it
    ('Count the words in the title', 'Count the paragraphs as the chunks between *** dividers')."""
    if re.search(r"[^\w\s,().'-]|\d", procedure) or QUOTE_RE.search(procedure):
        return False
    family = _FAMILY_WORDS.get(name, "")
    if name == "paragraph_count" and args.get("separator") == "blank_line":
        family = _BLANK_LINES
    words = set(re.findall(r"[a-z]+", procedure.lower()))
    return bool(family) and words <= _HOW | set(family.split())


_READING = threading.local()  # the frame an item is read as is read once, never as an item of its own again


def lower_graded(text: str, lower: Callable[[str], Optional[ProgramCheck]]) -> Optional[ProgramCheck]:
    """The check for an instruction to a grader (:func:`read_grader`), read with ``lower``, when every procedure it
    does not use only says how to look (:func:`restates`); else None."""
    if getattr(_READING, "inside", False):
        return None
    graded = _read(text)
    if graded is None or graded[0] == text:
        return _read_whole(text, lower)
    _READING.inside = True
    try:
        got = lower(graded[0])
        again = lower(graded[2]) if graded[2] is not None and got is not None else None
    finally:
        _READING.inside = False
    if graded[2] is not None and (again is None or (again.name, again.args) != (got.name, got.args)):
        return None  # the question and the decision after it must ask the same
    if got is None:  # the decision alone read as nothing: the instruction read whole, else the 'then' of the reply
        return _read_whole(text, lower)
    if not all(restates(got.name, got.args, p) for p in graded[1]):
        return _as_said(then_said(text), lower)  # a procedure beyond how to look, unless it looks at the whole reply
    return got


def _read_whole(text: str, lower: Callable[[str], Optional[ProgramCheck]]) -> Optional[ProgramCheck]:
    """A scenario's (or a method-first item's) instruction read whole, else a scenario's 'then' said of the reply
    (:func:`_as_said` of each)."""
    return _as_said(scenario(text), lower) or _as_said(method_first(text), lower) or _as_said(then_said(text), lower)


def _as_said(spoken: Optional[str], lower: Callable[[str], Optional[ProgramCheck]]) -> Optional[ProgramCheck]:
    """An acceptance scenario's instruction ('Count the occurrences of "x" ignoring case. Pass if there are fewer than
    2.') read whole by ``lower`` when its decision, read alone, says nothing the rules read."""
    if spoken is None:
        return None
    _READING.inside = True
    try:
        return lower(spoken)
    finally:
        _READING.inside = False
