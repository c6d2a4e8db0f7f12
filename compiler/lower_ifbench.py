"""Lowering rules for the IFBench constraint families of :mod:`rubricc.compiler.checks_ifbench`.

Same contract as :mod:`rubricc.compiler.lower_rules`: each rule reads a :class:`CriterionText` and
returns (check name, args) only on an explicit cue (the family's noun phrase with a number and a
relation, or a fixed wording), else None. They run before the IFEval rules, whose cues some of these
criteria share ("at least 150 unique words" is not a word count).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from rubricc.compiler.lower_parse import NUM, ORDINALS, CriterionText, count_of, outer_quotes, quoted

Found = Optional[Tuple[str, Dict[str, Any]]]
_ORD = "|".join(k for k in ORDINALS if k != "last")


def r_word_range(c: CriterionText) -> Found:
    m = re.search(rf"\b(?:between|from|in the range(?: of)?)\s+{NUM}\s+(?:and|to|-)\s+{NUM}\s+words\b", c.norm) or \
        re.search(rf"\bwords?\b[^.;]{{0,30}}?\b(?:between|from|in the range(?: of)?)\s+{NUM}\s*(?:and|to|-|\u2013)\s*{NUM}"
                  r"(?:\s+words\b|\s*(?=[.,;)]|$))", c.norm) or \
        re.search(rf"(?<![\d,]){NUM}\s*(?:-|\u2013|to)\s*{NUM}\s+words\b", c.norm)
    if not m:
        return None
    lo, hi = (int(x.replace(",", "")) for x in m.groups())
    return ("word_count_range", {"min_words": lo, "max_words": hi}) if lo <= hi else None


def _counted(c: CriterionText, unit: str, name: str, default: Optional[str]) -> Found:
    cnt = count_of(c.norm, unit, default=default)
    if cnt is None:
        return None
    return name, {"relation": cnt[0], "n": cnt[1]}


def r_unique_words(c: CriterionText) -> Found:
    if not re.search(r"\b(?:unique|distinct|different) words\b", c.low):
        return None
    return _counted(c, r"(?:unique|distinct|different) words", "unique_word_count", None)


def r_conjunctions(c: CriterionText) -> Found:
    if not re.search(r"\bconjunctions\b", c.low):
        return None
    return _counted(c, r"(?:(?:different|distinct|unique)\s+)?(?:coordinating\s+)?conjunctions", "conjunction_count", None)


def r_numbers(c: CriterionText) -> Found:
    if not re.search(r"\bnumbers\b", c.low) or re.search(r"\b(?:phone|page|version|reference|line)\s+numbers\b", c.low):
        return None
    return _counted(c, r"numbers", "number_count", "exactly")


def r_pronouns(c: CriterionText) -> Found:
    if not re.search(r"\bpronouns\b", c.low):
        return None
    return _counted(c, r"pronouns", "pronoun_count", None)


def r_repeats(c: CriterionText) -> Found:
    m = re.search(rf"\b(?:not|never|no)\b[^.;]{{0,20}}\brepeats?\s+(?:any|a|the same)\s+word\s+more than\s+{NUM}\s+times\b", c.norm) or \
        re.search(rf"\bno (?:single )?word (?:is |gets )?(?:used|repeated|appears|occurs)\s+more than\s+{NUM}\s+times\b", c.norm)
    return ("max_word_repeats", {"n": int(m.group(1).replace(",", ""))}) if m and int(m.group(1).replace(",", "")) >= 1 else None


def r_sentence_keyword(c: CriterionText) -> Found:
    qs = quoted(c.text)
    m = re.search(rf"\bin (?:the )?(?:(\d+)(?:-th|th|st|nd|rd)|({_ORD})) sentence\b|\bsentence (?:number )?(\d+)\b", c.low)
    if not m or len(qs) != 1 or not re.search(r"\b(?:keyword|word|term)\b", c.low):
        return None
    digits = m.group(1) or m.group(3)
    nth = int(digits) if digits else ORDINALS[m.group(2)]
    if re.search(r"\b(?:not|never|no)\b|\bstarts?\b|\bbegins?\b|\bends?\b|\bfirst word\b|\blast word\b", _unquoted(c)):
        return None
    return "keyword_in_sentence", {"keyword": qs[0], "nth": nth}


def _unquoted(c: CriterionText) -> str:
    """The criterion (lower-cased) without its quoted material."""
    span = outer_quotes(c.text)
    return c.low if span is None else c.low[:span[0]] + " " + c.low[span[1] + 1:]


def r_one_word_per_line(c: CriterionText) -> Found:
    if re.search(r"\b(?:each|every) word\b[^.;]{0,30}\b(?:on|in) (?:a |its )?(?:own |new |separate |single )+line\b|"
                 r"\bone word per line\b|\bevery word (?:of the response )?is on its own line\b", c.low) and not c.neg:
        return "one_word_per_line", {}
    return None


def r_no_whitespace(c: CriterionText) -> Found:
    if re.search(r"\b(?:trailing|leading|extra|excess|double|redundant)\b", c.low):
        return None
    if re.search(r"\b(?:no|not (?:contain|include|use|have) any|without(?: any)?)\s+whitespace\b|"
                 r"\bno (?:spaces|whitespace) (?:or|and) (?:line breaks|newlines)\b", c.low):
        return "no_whitespace", {}
    return None


def r_no_consecutive(c: CriterionText) -> Found:
    if re.search(r"\bno two (?:consecutive|adjacent) words\b[^.;]{0,30}\bsame (?:first )?letter\b|"
                 r"\b(?:consecutive|adjacent) words (?:never|do not|don't|cannot|can't|must not) (?:share|start with|begin with)"
                 r" the same (?:first )?letter\b|\bno two words in a row (?:begin|start) with the same letter\b", c.low):
        return "no_consecutive_first_letter", {}
    return None


def r_title_case(c: CriterionText) -> Found:
    scoped = re.search(r"\b(?:for|headings?|headers?|titles|names?|section|first word)\b", c.low)
    if re.search(r"\btitle case\b", c.low) and re.search(r"\b(?:entire|whole|all|every)\b", c.low) and not scoped and not c.neg:
        return "title_case", {}
    if re.search(r"^(?:the\s+)?(?:response|answer)?\s*(?:every|each) word (?:of the (?:response|answer) )?(?:starts|begins) "
                 r"with (?:a )?(?:capital|uppercase|upper-case) letter\.?$", c.low.strip()):
        return "title_case", {}
    return None


_ONLY = re.compile(r"\b(?:do not|don't|without|no)\s+(?:give |provide |include |add )?(?:any |an )?explanation|"
                   r"\bnothing else\b|\b(?:just|only) (?:one of|with one of)\b|\bis only one of\b|"
                   r"\b(?:whole|entire) (?:response|answer|reply) is one of\b")


def parse_options(text: str) -> Optional[List[str]]:
    """'yes/no/maybe', 'I know or I don't know', 'A, B, or C', or quoted options -> the list."""
    qs = quoted(text)
    if len(qs) >= 2:
        return qs
    m = re.search(r"(?:options?|one of)\s*(?:the\s+(?:following\s*)?(?:options?\s*)?)?:?\s*(.+?)(?:[.,;]\s*(?:with|and|do|don't|no|nothing)\b.*)?\.?$",
                  text.strip(), flags=re.IGNORECASE)
    if not m:
        return None
    body = m.group(1).strip().rstrip(".")
    sep = "/" if "/" in body else (r"\s+or\s+" if re.search(r"\s+or\s+", body) else ",")
    opts = [o.strip() for o in re.split(sep, body) if o.strip()]
    opts = [re.sub(r"^(?:or|and)\s+", "", o) for o in opts]
    if len(opts) < 2 or any(len(o) > 60 or not re.search(r"\w", o) for o in opts):
        return None
    return opts


def r_options(c: CriterionText) -> Found:
    if not re.search(r"\bone of\b|\boptions?\b", c.low) or not _ONLY.search(c.low):
        return None
    opts = parse_options(c.text)
    return ("answer_is_option", {"options": opts}) if opts else None


def r_response_equals(c: CriterionText) -> Found:
    qs = quoted(c.text)
    if len(qs) != 1:
        return None
    t = _unquoted(c).strip()
    if re.fullmatch(r"(?:the\s+)?(?:whole\s+|entire\s+)?(?:response|answer|reply|output)\s+(?:is|consists of)\s+(?:exactly|only|just)\s*"
                    r"(?:the\s+(?:text|sentence|phrase|word)\s+)?\.?", t) or \
            re.fullmatch(r"(?:only\s+)?(?:outputs?|responds?\s+with|replies\s+with|says?)\s+(?:only|exactly|just)\s*"
                         r"(?:the\s+(?:text|sentence|phrase|word)\s*)?(?:and nothing else)?\s*\.?", t):
        return "response_equals", {"text": qs[0]}
    return None


def r_palindromes(c: CriterionText) -> Found:
    if not re.search(r"\bpalindromes\b", c.low):
        return None
    m = re.search(rf"\b(?:each|all)?\s*(?:at least|of)\s+{NUM}\s+(?:or more\s+)?(?:characters|letters)\b", c.norm)
    norm = c.norm if not m else c.norm[:m.start()] + c.norm[m.end():]
    cnt = count_of(norm, r"(?:single-word\s+)?palindromes", default=None)
    if cnt is None:
        return None
    return "palindrome_count", {"min_length": int(m.group(1)) if m else 2, "relation": cnt[0], "n": cnt[1]}


def r_bracket_depth(c: CriterionText) -> Found:
    if not re.search(r"\b(?:parentheses|brackets)\b", c.low) or not re.search(r"\bnest", c.low):
        return None
    m = re.search(rf"\b(?:at least|{NUM} or more)\s*{NUM}?\s*levels? deep\b", c.norm)
    if not m:
        return None
    n = m.group(1) or m.group(2)
    return ("bracket_depth", {"n": int(n)}) if n else None


IFBENCH_RULES = [r_word_range, r_unique_words, r_conjunctions, r_numbers, r_pronouns, r_repeats, r_sentence_keyword,
                 r_one_word_per_line, r_no_whitespace, r_no_consecutive, r_title_case, r_options, r_response_equals,
                 r_palindromes, r_bracket_depth]
