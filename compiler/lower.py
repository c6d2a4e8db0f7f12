"""Rule-based lowering of a natural-language criterion to a deterministic program check.

``lower_criterion(text)`` returns a validated :class:`rubricc.formats.ProgramCheck` when the criterion
states, unambiguously, a surface property the check library can decide (length, counts, keywords given
in quotes, case, punctuation, format markers, language, ...), and ``None`` otherwise: the criterion then
stays ``neural``. Precision comes before recall: each rule needs an explicit cue (a number with a unit
and a relation word, a quoted keyword next to "word"/"phrase", a named format marker), and long or
multi-part criteria are never lowered.

This module is the driver: which criteria may be lowered at all, the first rule that fires
(:mod:`rubricc.compiler.lower_rules`), and the compound-criterion guard. The text reading shared by the
rules lives in :mod:`rubricc.compiler.lower_parse`.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from rubricc.compiler.checks import validate_check
from rubricc.compiler.lower_parse import QUOTE_RE, CriterionText, outer_quotes, unquoted_end_phrase
from rubricc.compiler.lower_keywords import unquoted_word_list
from rubricc.compiler.lower_rules import RULES
from rubricc.formats import ProgramCheck

MAX_CRITERION_CHARS = 400

# criteria about content, reasoning or quality are never lowered even if a rule's cue words appear
_SEMANTIC = re.compile(
    r"\b(explain|explains|describ|discuss|justif|accurate|accurately|correct(ly)?|appropriate|recommend|advis|"
    r"suggest|clarif|acknowledg|identif|empath|tone|factual|relevant|helpful|safe|harm|risk|diagnos|"
    r"symptom|treatment|medication|dose|patient|doctor|clinic|why|because|reason|incorrect|grammar|error|"
    r"whether|how well|how effectively|evaluat|assess|quality|depth|coheren|natural|flow|clarity|concise|"
    r"creative|engaging|comprehensive|forced|effective|insight|persuasive|approximately|roughly|followed by|"
    r"successfully|properly|adequate|sufficient|meaningful|clear|clearly|logical|style|instead|rather than|while|"
    r"even though|although|unless|(?<!as )if|when|summar|but not|except)",
    re.IGNORECASE,
)

# first-person notes, per-item criteria ("Each slogan ..."): not a single check on the response
_NOT_A_RUBRIC_ITEM = re.compile(r"^(?:i|we|you)\b|^(?:each|every)\b(?! (?:single )?word (?:of|in) the (?:response|answer|reply|output)\b)",
                                re.IGNORECASE)

# checks that a criterion for the first may also trigger without being a second requirement
_COMPATIBLE = {
    "all_lowercase": ("response_language",),
    "all_uppercase": ("response_language", "capital_word_frequency"),
    "capital_word_frequency": ("all_uppercase", "word_count"),
    "paragraph_first_word": ("paragraph_count", "keywords_present", "starts_with"),
    "keyword_frequency": ("keywords_present", "letter_frequency"),
    "letter_frequency": ("keyword_frequency", "keywords_present", "no_commas"),
    "repeats_prompt": tuple(),
    "section_count": ("paragraph_count",),
    "postscript": ("ends_with", "starts_with"),
    "any_phrase_present": ("keywords_present",),
    "two_responses": ("paragraph_count",),
    "keyword_in_sentence": ("keywords_present", "keyword_frequency"),
}


def lower_criterion(text: str) -> Optional[ProgramCheck]:
    """A validated program check for an unambiguous surface criterion, else None (stays neural)."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if len(_blank_outer_quotes(stripped)) > MAX_CRITERION_CHARS:
        return None
    # a single requirement: no more than two sentences, no enumerations
    # an example block after "such as:" illustrates the format, it is not a further requirement
    stripped = re.split(r"(?:such as|e\.g\.|for example|like this|i\.e\.)\s*:\s*\n", stripped, maxsplit=1)[0].strip()
    if stripped.count("\n") > 2:
        return None
    if _SEMANTIC.search(_meaning(stripped)) or _NOT_A_RUBRIC_ITEM.search(stripped):
        return None
    found = _first_rule(CriterionText(stripped))
    if found is None:
        return None
    name, args = found
    # a compound criterion ("starts with "X" and includes the word "Y"): another rule fires on the text
    # with the quoted material blanked out and asks for a different check -> leave it to the judge
    blank_text = _blank_outer_quotes(stripped) if name == "repeats_prompt" else stripped
    end = unquoted_end_phrase(blank_text) if name == "ends_with" else None
    if end is not None:
        blank_text = blank_text[:end[0]] + 'ends with "x"'  # an unquoted end phrase is data too
    blank = CriterionText(QUOTE_RE.sub('"x"', blank_text))
    for rule in RULES:
        other = rule(blank)
        if other is not None and other[0] != name and other[0] not in _COMPATIBLE.get(name, ()):
            return None
    try:
        return validate_check(name, args)
    except ValueError:
        return None


def _first_rule(c: CriterionText) -> Optional[Tuple[str, Dict[str, Any]]]:
    """(check name, args) of the first rule that fires, or None."""
    for rule in RULES:
        got = rule(c)
        if got is not None:
            return got
    return None


def _meaning(text: str) -> str:
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
    # a section marker: 'labelled with SECTION followed by its number'
    unquoted = re.sub(r"\bfollowed by (?:its|the|a) (?:section )?number\b", " and its number", unquoted, flags=re.IGNORECASE)
    unquoted = re.sub(r"\b(?:word|term|keyword|letter|character)\s+\S+(?=\s+(?:should|must|appears?|occurs?|is used))",
                      " ", unquoted, flags=re.IGNORECASE)
    return re.sub(r"\bwith (?:the )?word\s+\w+", " ", unquoted, flags=re.IGNORECASE)


def _blank_outer_quotes(text: str) -> str:
    """Everything from the first to the last double quote replaced by "x" (nested quotations)."""
    span = outer_quotes(text)
    return text if span is None else text[:span[0]] + '"x"' + text[span[1] + 1:]
