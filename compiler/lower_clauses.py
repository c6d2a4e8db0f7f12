"""The clauses and the own words of a criterion (issue 15, round 29: moved out of :mod:`rubricc.compiler.lower`).

:func:`clauses` splits a compound criterion at 'and' (or a full stop before a second predicate said of the response);
:func:`clause_check` reads what one clause asks for, generously (it can only keep a criterion neural); :func:`first_rule`
is the first rule that fires; :func:`rules_read` what the rules alone read of a statement; :func:`meaning` is the criterion without its data (quoted material, an unquoted word list or
end phrase, a counted word), the words searched for semantic cues; :func:`blank_data` and :func:`blank_outer_quotes`
blank its quotations.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower_canon import canonical
from rubricc.compiler.lower_keywords import unquoted_word_list
from rubricc.compiler.lower_parse import QUOTE_RE, CriterionText, outer_quotes, unquoted_end_phrase
from rubricc.compiler.lower_respell import cap
from rubricc.compiler.lower_rules import RULES


# 'and' (or ', and it') joining a second predicate: 'is valid JSON and contains no commas'; a semicolon or a full stop
# before one said of the response again ('stays under 80 words; it also ends with "Thanks!"')
AND_CLAUSE = re.compile(
    r"(?:\s*,?\s*\b(?:and|but)\s+(?:it\s+|also\s+|then\s+|additionally\s+)?|\s*[;.]\s+(?:it|the\s+(?:response|answer|reply))\s+"
    r"(?:also\s+|then\s+|additionally\s+)?)(?=(?:is|has|have|contains?|uses?|includes?|ends?|starts?|begins?|"
    r"was|had|used|included|ended|started|began|opened|closed|finished|concluded|wrote|gave|put|kept|added|avoided|separated|divided|"
    r"opens?|closes?|finish(?:es)?|conclud(?:es?)|highlights?|mentions?|answers?|responds?|does|do|never|avoids?|gives?|writes?|wraps?|"
    r"puts?|stays?|keeps?|consists?|features?|provides?|lists?|repeats?|restates?|says?|separates?|divides?|organi[sz]es?|"
    r"adds?|appends?|contains?|lacks?|omits?|excludes?|refrains?)\b)", re.IGNORECASE)


def clauses(text: str) -> list:
    """The predicate clauses of a criterion joined by 'and' (quotations blanked), or [] for one clause."""
    blank = QUOTE_RE.sub('"x"', text)
    parts = [p.strip() for p in AND_CLAUSE.split(blank) if p.strip()]
    return parts if len(parts) > 1 else []


def clause_check(clause: str) -> Optional[Tuple[str, Dict[str, Any]]]:
    """(check name, args) a clause of a compound criterion asks for, read generously, since it can only keep the
    criterion neural: the rules on it as said and canonicalised, then the nearest stage ('The answer is in lowercase.
    It also ends with "Thanks!"': the rules read only the end phrase)."""
    got = first_rule(CriterionText(clause)) or first_rule(CriterionText(canonical(clause.rstrip(".") + ".")))
    if got is None and lower_nearest.ENABLED:
        near = lower_nearest.lower_nearest(cap(clause.strip().rstrip(".")) + ".")
        got = (near.name, near.args) if near is not None else None
    return got


def rules_read(said: str) -> Optional[Tuple[str, Dict[str, Any]]]:
    """(check name, args) the rules alone lower ``said`` to (:func:`rubricc.compiler.lower.lower_rules_only`), else None:
    how a voice reader (:mod:`rubricc.compiler.lower_lettered`, :mod:`rubricc.compiler.lower_glossary`) tells which of
    its statements the rules read."""
    from rubricc.compiler.lower import lower_rules_only  # (the rules import the voice readers)
    got = lower_rules_only(said)
    return (got.name, got.args) if got is not None else None


def first_rule(c: CriterionText) -> Optional[Tuple[str, Dict[str, Any]]]:
    """(check name, args) of the first rule that fires, or None."""
    for rule in RULES:
        got = rule(c)
        if got is not None:
            return got
    return None


def meaning(text: str) -> str:
    """The criterion without its data: quoted material (possibly nested) and the named word of "the word
    X should appear", so that only the criterion's own words are searched for semantic cues."""
    span = outer_quotes(text)
    unquoted = text if span is None else text[:span[0]] + " " + text[span[1] + 1:]
    unquoted = QUOTE_RE.sub(" ", unquoted)
    # data given without quotes: a word list ending the criterion, a phrase the response must end with
    words = unquoted_word_list(unquoted)
    if words is not None:
        unquoted = unquoted.strip()[:words[0].start()] + " the words "
    end = unquoted_end_phrase(unquoted)
    if end is not None:
        unquoted = unquoted[:end[0]] + " ends with x"
    unquoted = re.sub(r"\bsteers? clear of\b", "avoids", unquoted, flags=re.IGNORECASE)
    # 'Mentions dose at least 5 times': the word counted is data
    unquoted = re.sub(r"^((?:the )?(?:response |answer |reply )?(?:must |should )?(?:mentions?|says?|writes?|repeats?))\s+[A-Za-z][\w'-]*"
                      r"(?=\s+(?:[a-z]+\s+){0,3}[\w-]+\s+times\b)", r"\1 the word", unquoted.strip(), flags=re.IGNORECASE)
    # 'the exact request "...", unchanged, followed by the response': the answer comes after the copy
    unquoted = re.sub(r"\b(?:then |and then )?followed by (?:the|your|its|an?) (?:response|answer|reply)\b", " ", unquoted, flags=re.IGNORECASE)
    # a section marker: 'labelled with SECTION followed by its number'
    unquoted = re.sub(r"\bfollowed by (?:its|the|a) (?:section )?number\b", " and its number", unquoted, flags=re.IGNORECASE)
    unquoted = re.sub(r"\b(?:word|term|keyword|letter|character)\s+\S+(?=\s+(?:should|must|appears?|occurs?|is used|shows? up|is (?:mentioned|said|repeated))|\s+[^.;:]{0,30}\btimes\b)",
                      " ", unquoted, flags=re.IGNORECASE)
    return re.sub(r"\bwith (?:the )?word\s+\w+", " ", unquoted, flags=re.IGNORECASE)


def blank_data(text: str) -> str:
    """Quoted material replaced by "x", except a quoted single character ('the character ","')."""
    span = outer_quotes(text)
    if span is not None and span[1] - span[0] > 2:
        text = text[:span[0]] + '"x"' + text[span[1] + 1:]
    return QUOTE_RE.sub(lambda m: m.group(0) if len(m.group(0)) <= 3 else '"x"', text)


def blank_outer_quotes(text: str) -> str:
    """Everything from the first to the last double quote replaced by "x" (nested quotations)."""
    span = outer_quotes(text)
    return text if span is None else text[:span[0]] + '"x"' + text[span[1] + 1:]
