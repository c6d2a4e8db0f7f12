"""Whether a near-miss said to fail, or a pass/fail spec's failure branch, asks for nothing beyond the check it is
said beside (issue 15): one way to fail the same check, said in the words surface requirements are said in. Split out
of :mod:`rubricc.compiler.lower`, which passes in the readers it owns (:class:`Readers`)."""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, NamedTuple, Optional, Tuple

from rubricc.compiler.lower_borderline import (about_check, count_example_fails, fails_alike, further_data, judged, lacks_alike,
                                              lacks_more, names_a_count, names_failure, restates_failure, split_contrast,
                                              without_examples)
from rubricc.compiler.lower_lexicon import data_words
from rubricc.compiler.lower_parse import QUOTE_RE, language_in
from rubricc.formats import ProgramCheck


class Readers(NamedTuple):
    """The rules' readers these tests use: the same check said as a condition to fail (``same_when(got, kind, text)``),
    one clause's check (``clause_check``), surface words only (``surface(got, text)``), a failure named (``failure``)."""
    same_when: Callable[[ProgramCheck, str, str], bool]
    clause_check: Callable[[str], Optional[Tuple[str, Dict[str, Any]]]]
    surface: Callable[[ProgramCheck, str], bool]
    failure: Callable[[str], bool]


def borderline_agrees(got: ProgramCheck, aside: str, r: Readers) -> bool:
    """A near-miss said to fail asks for nothing else when it is one way to fail the same check, or when it reads as no
    check, is not about content, and is said in the words surface requirements are said in (the check's data aside).
    What follows a contrast is what makes it fail ('otherwise tidy but has one comma'): when that fails the check, what
    it grants does not matter; when it does not ('valid JSON but has no keys', 'lowercase but rude'), it asks for more.
    One that quotes other data, or names what the JSON holds, asks for more
    (:func:`rubricc.compiler.lower_borderline.further_data`); so does one that says what it lacks when that is not the
    check's own thing ('a title that lacks a capital letter'), and one read as no check that is not about the check or
    departs the wrong way ('a response with any commas' beside a word count; 'anything shorter' beside a maximum)."""
    if r.same_when(got, "fails", aside) or restates_failure(aside, got.args, got.name):
        return True
    aside = without_examples(aside)
    if further_data(got.name, aside, data_words(got.args)):
        return False
    granted, failing = split_contrast(aside)
    read = r.clause_check(failing)
    if _names_a_failure(got, failing, read):
        return r.surface(got, failing)  # 'two identical responses', 'predominantly in English', 'has one comma'
    if granted:  # what makes it fail must fail the check ('lowercase but rude' asks for more), a count its bound
        return names_a_count(failing) and count_example_fails(failing, got.args) and r.clause_check(granted) is None \
            and r.surface(got, granted)
    if names_a_count(aside):  # 'a response with exactly 10 sentences': the count it names must fail the check
        return count_example_fails(aside, got.args)
    if r.clause_check(aside) is not None or r.failure(aside) or judged(aside) or \
            lacks_more(aside) and not lacks_alike(got.name, got.args, None, aside):
        return False  # another check, a failure, a degree judged, or something it must have ('a title that lacks a capital')
    return r.surface(got, aside) and about_check(got.name, got.args, aside)


def fail_branch_agrees(got: ProgramCheck, branch: str, r: Readers) -> bool:
    """A fail branch ('; fail if it has 10 or more') asks for nothing else only when it is one way to fail the same
    check: the same check as a disqualifying rule, a one-way check read again, a count that fails the check's bound, or
    the failure restated by reference. Unlike a near-miss, one that reads as no check is not enough ('fail if it is rude')."""
    branch = without_examples(branch)
    parts = [p for p in re.split(r"\s*,?\s+or\s+(?=the\s+(?:response|reply|answer|output|text)\b|it\b|any\b|there\b|a\b|an\b)", branch) if p.strip()]
    if len(parts) > 1 and not QUOTE_RE.search(branch):  # 'any lowercase letter appears or the response is not in English'
        return all(fail_branch_agrees(got, p, r) or _not_in_language(got, p) for p in parts)
    if r.same_when(got, "fails", branch):
        return True
    if further_data(got.name, branch, data_words(got.args)) or judged(branch):
        return False
    if restates_failure(branch, got.args, got.name):
        return True
    if _names_a_failure(got, branch, r.clause_check(branch)):
        return r.surface(got, branch)
    return names_a_count(branch) and count_example_fails(branch, got.args)


def _names_a_failure(got: ProgramCheck, part: str, read: Optional[Tuple[str, Dict[str, Any]]]) -> bool:
    """True when ``part`` (read as ``read``) names one way to fail ``got``'s check: a one-way check read again, the
    opposite case, another language (:func:`rubricc.compiler.lower_borderline.fails_alike`), or what fails it, named
    ('has one comma')."""
    return read is not None and (fails_alike(got.name, got.args, read) or lacks_alike(got.name, got.args, read, part)) \
        or names_failure(got.name, part)


def _not_in_language(got: ProgramCheck, part: str) -> bool:
    """'the response is not in English' beside a check that asks for English (a case check with its language)."""
    lang = got.args.get("language")
    m = re.fullmatch(r"\s*(?:the\s+(?:response|reply|answer|output|text)|it)\s+is\s+not\s+(?:written\s+)?in\s+(.+?)\s*\.?\s*", part, re.IGNORECASE)
    return bool(lang and m and language_in(m.group(1).lower()) == lang)
