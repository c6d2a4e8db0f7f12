"""A criterion decomposed into lettered conditions that must all hold (a rubric engineer's voice).

    Both hold: (a) the response is written in Bengali; (b) that is true of the whole response, not just part of it.
    Conditions: (a) occurrences of "knot" are counted over the whole response, ignoring case; (b) the total is at least 2.
    Passes only if (a) the entire output is valid JSON and (b) there is no text outside the JSON.

:func:`lettered` reads such a criterion only behind a lead that says every condition is required ('Both hold:', 'All of
the following hold:', 'Conditions:', 'Two conditions, both required:', 'Requires all of:', 'Passes only if'); a lead that
asks for one of them ('Either holds', 'At least one of', 'Any of') or turns them around ('None of the following') is
never read. The conditions, in order (a), (b), (c), ..., become one statement the rules read: a condition that says
what is counted ('occurrences of "knot" are counted over the whole response, ignoring case') and the next that gives the
count ('the total is at least 2', 'there are fewer than 31 of them') are said as one ('The number of occurrences of
"knot" over the whole response, ignoring case, is at least 2'); the conditions that read as a check are joined by 'and'
into the statement; a condition that reads as no check ('that goes for every capitalisation') is a ``condition`` aside
that must ask for nothing else (:func:`condition_agrees`): no other check, the words surface requirements are said in,
and any matching note one the check already keeps.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import COUNT_RELATION
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE

# the lead: every condition is required (and nothing else is said before them)
_LEAD = re.compile(
    r"^\s*(?:(?:it\s+)?(?:is\s+)?(?:met|passes|satisfied|true|holds|passed|scored\s+as\s+met)\s+(?:only\s+)?(?:when|if|once)\s*)?"
    r"(?:(?:both|all(?:\s+(?:three|four|five))?|all\s+of\s+(?:the\s+following|these|them)|each\s+of\s+the\s+following|the\s+following)"
    r"(?:\s+(?:conditions|points|requirements|criteria|statements))?\s+(?:hold|must\s+hold|apply|are\s+(?:met|true|required|satisfied))"
    r"|(?:(?:two|three|four|five)\s+)?conditions(?:,\s+(?:both|all)\s+(?:required|must\s+hold|needed))?"
    r"|requires\s+(?:all\s+of|both\s+of|each\s+of|all|both)|required(?:\s+conditions)?|checks?|met\s+when\s+both\s+hold)?"
    r"\s*(?::|,)?\s*$", _I)
_NOT_ALL = re.compile(r"\b(?:either|one\s+of|any|none|neither|not|no|or|fails?|unless|except|some|most|majority)\b", _I)
_MARK = re.compile(r"\((?P<l>[a-h])\)\s*")
_TRAIL = re.compile(r"(?:\s*[;,]\s*(?:and\s+)?|\s+and\s*|\s*\.\s*)$", _I)
MAX_CONDITIONS = 4
MAX_CHARS = 420

# 'X is/are counted ...' then 'the total is N', 'the count reaches N', 'their number is N', 'there are N of them'
_COUNTED = re.compile(r"^(?P<np>.+?)\s+(?:is|are)\s+counted\b(?P<how>.*)$", _I)
_TOTAL = re.compile(r"^(?:the\s+(?:total|count|number|tally|sum)|their\s+(?:number|count|total)|that\s+(?:total|count|number))\s+"
                    r"(?:(?:is|comes\s+to|must\s+be|reaches|totals|stands\s+at|amounts\s+to)\s+)?(?P<rel>(?:at|no|fewer|less|more|exactly|under|over|below|above|\d)"
                    r".*)$", _I)
_THERE = re.compile(r"^there\s+(?:are|is)\s+(?P<rel>.+?)\s+of\s+(?:them|these|those)(?P<tail>.*)$", _I)
_EVERY = re.compile(r"^(?:every|each|any)\s+(?P<n>word|sentence|paragraph|letter|character|bullet|placeholder|section)\b", _I)
_LETTER = re.compile(r"^the\s+(?=(?:letter|character|word|keyword|phrase|term)\s)", _I)


def _split(text: str) -> Optional[Tuple[str, List[str]]]:
    """(the lead, the conditions in order) or None when the text is no lettered list."""
    spans = quote_spans(text)
    marks = [m for m in _MARK.finditer(text) if not in_quotes(spans, m.start())]
    if len(marks) < 2 or [m.group("l") for m in marks] != [chr(ord("a") + i) for i in range(len(marks))]:
        return None
    conds = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        part = _TRAIL.sub("", text[m.end():end].strip())
        if not part:
            return None
        conds.append(part)
    return text[:marks[0].start()], conds


def _counted(what: str, total: str) -> Optional[str]:
    """'occurrences of "knot" are counted over the whole response, ignoring case' + 'the total is at least 2' -> the
    number of them said as one statement; None when the two are no such pair."""
    c = _COUNTED.match(what)
    if c is None:
        return None
    t, there = _TOTAL.match(total), _THERE.match(total)
    if t is None and (there is None or there.group("tail").strip(" ,.")):
        return None
    rel = (t or there).group("rel").strip().rstrip(".")
    np = c.group("np").strip()
    every = _EVERY.match(np)
    if every:
        np = every.group("n").lower() + "s" + np[every.end():]
    np = _LETTER.sub("occurrences of the ", np)
    how = c.group("how").strip().strip(",").strip()
    if not how:
        return f"The number of {np} in the response is {rel}"
    return f"The number of {np} {how}, is {rel}" if "," in how else f"The number of {np} {how} is {rel}"


def lettered(text: str) -> Tuple[str, Asides]:
    """(the statement the conditions make, the conditions that read as no check as ``condition`` asides); (text, []) when
    the text is no lettered list of conditions that must all hold."""
    if len(text) > MAX_CHARS + 2000 * bool(re.search(r"\b(?:request|prompt)\b", text, _I)):
        return text, []
    split = _split(text)
    if split is None:
        return text, []
    lead, conds = split
    if not _LEAD.match(lead) or _NOT_ALL.search(lead) or len(conds) > MAX_CONDITIONS or \
            any(re.search(r"(?:\bor|,)$", c, _I) for c in conds[:-1]):
        return text, []
    from rubricc.compiler.lower_clauses import clause_check, rules_read as reads

    merged: List[str] = []
    i = 0
    while i < len(conds):
        pair = _counted(conds[i], conds[i + 1]) or _numbered(conds[i], conds[i + 1]) if i + 1 < len(conds) else None
        merged.append(pair if pair is not None else conds[i])
        i += 2 if pair is not None else 1
    statements, notes = [], []  # type: List[str], List[str]
    for part in merged:
        (statements if reads(cap(part) + ".") or clause_check(part) else notes).append(part)
    if not statements:
        return text, []
    for note in list(notes):  # a condition no check reads alone that changes what the statement reads ('the paragraphs
        said = reads(_joined(statements + [note]))  # are separated by ***') is part of it
        if said is not None and said != reads(_joined(statements)):
            statements.append(note)
            notes.remove(note)
    asides: Asides = [("condition", n) for n in notes]
    for k in range(len(statements), 0, -1):  # the most conditions said as one, each other one a restatement of it
        for chosen in combinations(range(len(statements)), k):
            said = _joined([statements[j] for j in chosen])
            if reads(said) is not None:
                rest = [("restated", statements[j]) for j in range(len(statements)) if j not in chosen]
                return said, rest + asides
    return _joined(statements), asides  # (for the nearest stage, as a whole)


_HAS = re.compile(r"^(?P<s>(?:the|its)\s+(?:(?:whole|entire)\s+)?(?:response|answer|reply|output))\s+(?P<v>uses|has|contains|includes|gives|features|"
                  r"shows|carries|provides)\s+(?P<np>(?!(?:a|an|one|no|any|the|at|exactly|\d)\b)[a-z].*)$", _I)
_COUNT = re.compile(rf"^(?P<c>(?:{COUNT_RELATION}\s+)?\d+)(?P<rest>.*)$", _I)


def _numbered(has: str, total: str) -> Optional[str]:
    """'the response uses placeholders in square brackets' + 'there are at least 1 of them' -> 'the response uses at least
    1 placeholders in square brackets'; None when the two are no such pair."""
    h = _HAS.match(has)
    t, there = _TOTAL.match(total), _THERE.match(total)
    if h is None or t is None and (there is None or there.group("tail").strip(" ,.")):
        return None
    c = _COUNT.match((t or there).group("rel").strip().rstrip("."))
    if c is None:
        return None
    return f"{h.group('s')} {h.group('v')} {c.group('c')} {h.group('np')}{c.group('rest')}"


def _joined(parts: List[str]) -> str:
    """The conditions said as one statement: 'X and Y' ('it' of a later one said of the first one's subject)."""
    said = parts[0]
    for p in parts[1:]:
        said += " and " + re.sub(r"^(?:it|they)\s+(?=(?:ends?|begins?|starts?|has|have|contains?|uses?|is|are)\b)", "", p, flags=_I)
    return cap(said.strip()) + "."


def condition_agrees(got, kind: str, aside: str, no_other_check, surface, note_agrees) -> bool:
    """True when a condition asks for nothing else beside ``got``: read as no check (``condition``), no other check,
    surface words only, and a matching note ('in any capitalisation') the check keeps; read as a check (``restated``),
    the same check with arguments ``got`` has."""
    if kind == "restated":
        from rubricc.compiler.lower_clauses import clause_check

        found = clause_check(aside)
        own = {k: v for k, v in got.args.items() if v is not None}
        return found is not None and found[0] == got.name and {k: v for k, v in found[1].items() if v is not None}.items() <= own.items()
    return no_other_check(got, aside) and surface(got, aside) and note_agrees(got, aside)
