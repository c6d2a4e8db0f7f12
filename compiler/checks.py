"""The closed, typed library of deterministic check primitives (DESIGN section 5, stage 5 "lower").

Each primitive has a name, a pydantic model for its arguments (:mod:`rubricc.compiler.check_args`) and a
pure function ``fn(response, prompt, args) -> bool``. A criterion is lowered to a primitive only through
:func:`validate_check`, so neither a rule nor an LLM can ask for anything the library does not contain,
and no text is ever executed as code.

Semantics follow the official IFEval checkers (google-research ``instruction_following_eval``) so that
the verdicts agree with the official strict ones; words, sentences and paragraphs are counted as IFEval
counts them (:mod:`rubricc.compiler.text_units`).

Hostile text cannot stall a check: every check runs in time linear in the text (no pattern here, and
none from a rubric, backtracks: those that could run on RE2 through :mod:`rubricc.compiler.safe_regex`),
and no check reads more than :data:`MAX_CHECK_TEXT` characters of a response or of a prompt: a longer one
is judged on its first ``MAX_CHECK_TEXT`` characters, except by the checks that look at its end
(``ends_with``, ``wrapped_in_quotes``), which see its first and last halves of that budget, joined.

Every primitive has its exact complement, named ``not:<name>`` with the same arguments: it holds exactly when the
primitive fails. A penalty item names the mistake ('Penalize if the response lacks a title in << >>'), met when the
response makes it: ``not:has_title``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Type

from pydantic import BaseModel, ValidationError

from rubricc.compiler.check_args import (CaseArgs, CountArgs, ExactDefaultCountArgs, KeywordFrequencyArgs,
                                         KeywordsAbsentArgs, KeywordsArgs, LanguageArgs, LetterFrequencyArgs,
                                         NoArgs, ParagraphCountArgs, ParagraphFirstWordArgs, PhraseArgs,
                                         PhrasesArgs, PostscriptArgs, RegexArgs, RepeatPromptArgs, SectionArgs)
from rubricc.compiler.safe_regex import compile_regex
from rubricc.compiler.text_units import (compare, count_sentences, count_words, split_paragraphs_blank,
                                         split_paragraphs_stars, word_tokens)
from rubricc.formats import ProgramCheck

MAX_CHECK_TEXT = 200_000  # characters of a response (and of a prompt) a check examines, at most
_TAIL_CHECKS = frozenset({"ends_with", "wrapped_in_quotes"})  # checks that read the end of a response


def cap_text(text: str, tail: bool = False) -> str:
    """``text`` cut to :data:`MAX_CHECK_TEXT` characters: its head, or its head and tail joined."""
    if len(text) <= MAX_CHECK_TEXT:
        return text
    if tail:
        half = MAX_CHECK_TEXT // 2
        return text[:half] + text[-half:]
    return text[:MAX_CHECK_TEXT]


# ----------------------------------------------------------------------------------------------
# Check functions: (response, prompt, args) -> bool
# ----------------------------------------------------------------------------------------------
def _langdetect(text: str) -> Optional[str]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        return detect(text)
    except LangDetectException:
        return None


def _word_count(r: str, p: str, a: CountArgs) -> bool:
    return compare(count_words(r), a.relation, a.n)


def _sentence_count(r: str, p: str, a: CountArgs) -> bool:
    return compare(count_sentences(r), a.relation, a.n)


def _paragraph_count(r: str, p: str, a: ParagraphCountArgs) -> bool:
    if a.separator == "***":
        n = split_paragraphs_stars(r)
        return n is not None and compare(n, a.relation, a.n)
    n = sum(1 for x in split_paragraphs_blank(r) if x.strip())
    return compare(n, a.relation, a.n)


def _paragraph_first_word(r: str, p: str, a: ParagraphFirstWordArgs) -> bool:
    paragraphs = split_paragraphs_blank(r)
    n = sum(1 for x in paragraphs if x.strip())
    if a.nth > n:
        return False
    para = paragraphs[a.nth - 1].strip()
    if not para:
        return False
    word = para.split()[0].strip().lstrip("'").lstrip('"')
    first = ""
    for ch in word:
        if ch in ".,?!'\"":
            break
        first += ch.lower()
    if a.num_paragraphs is not None and n != a.num_paragraphs:
        return False
    return first == a.word.lower()


def _kw_pattern(kw: str, whole_word: bool) -> "re.Pattern[str]":
    body = re.escape(kw)
    if whole_word:
        body = r"(?<!\w)" + body + r"(?!\w)"
    return re.compile(body, re.IGNORECASE)


def _keywords_present(r: str, p: str, a: KeywordsArgs) -> bool:
    return all(_kw_pattern(k, a.whole_word).search(r) for k in a.keywords)


def _keywords_absent(r: str, p: str, a: KeywordsAbsentArgs) -> bool:
    return not any(_kw_pattern(k, a.whole_word).search(r) for k in a.keywords)


def _keyword_frequency(r: str, p: str, a: KeywordFrequencyArgs) -> bool:
    return compare(len(_kw_pattern(a.keyword, a.whole_word).findall(r)), a.relation, a.n)


def _letter_frequency(r: str, p: str, a: LetterFrequencyArgs) -> bool:
    if a.case_sensitive:
        n = r.count(a.letter)
    else:
        n = r.lower().count(a.letter.lower())
    return compare(n, a.relation, a.n)


def _no_commas(r: str, p: str, a: NoArgs) -> bool:
    return "," not in r


def _in_language(text: str, language: Optional[str]) -> bool:
    """True when no language is asked for, or langdetect finds it (or cannot tell, as IFEval counts it)."""
    if not language:
        return True
    lang = _langdetect(text)
    return lang is None or lang == language


def _all_lowercase(r: str, p: str, a: CaseArgs) -> bool:
    return r.islower() and _in_language(r, a.language)


def _all_uppercase(r: str, p: str, a: CaseArgs) -> bool:
    return r.isupper() and _in_language(r, a.language)


def _capital_word_frequency(r: str, p: str, a: CountArgs) -> bool:
    return compare(sum(1 for w in word_tokens(r) if w.isupper()), a.relation, a.n)


def _bullet_count(r: str, p: str, a: ExactDefaultCountArgs) -> bool:
    # on RE2: with Python re, ^\s* over thousands of blank lines is quadratic
    stars = compile_regex(r"^\s*\*[^\*].*$", multiline=True)
    dashes = compile_regex(r"^\s*-.*$", multiline=True)
    return compare(len(stars.findall(r)) + len(dashes.findall(r)), a.relation, a.n)


def _highlighted_sections(r: str, p: str, a: CountArgs) -> bool:
    n = sum(1 for h in re.findall(r"\*[^\n\*]*\*", r) if h.strip("*").strip())
    # **bold** spans count too (as in the current official checker)
    n += sum(1 for h in re.findall(r"\*\*[^\n\*]*\*\*", r) if h[2:-2].strip())
    return compare(n, a.relation, a.n)


def _section_count(r: str, p: str, a: SectionArgs) -> bool:
    parts = re.split(r"\s?" + re.escape(a.splitter.strip()) + r"\s?\d+\s?", r)
    return compare(len(parts) - 1, a.relation, a.n)


def _has_title(r: str, p: str, a: NoArgs) -> bool:
    # on RE2: with Python re, a line of thousands of '<' is quadratic
    return any(t.lstrip("<").rstrip(">").strip() for t in compile_regex(r"<<[^\n]+>>").findall(r))


def _is_json(r: str, p: str, a: NoArgs) -> bool:
    v = r.strip()
    for prefix in ("```json", "```Json", "```JSON", "```"):
        if v.startswith(prefix):
            v = v[len(prefix):]
            break
    if v.endswith("```"):
        v = v[:-3]
    try:
        json.loads(v.strip())
    except (ValueError, RecursionError):  # RecursionError: thousands of nested brackets
        return False
    return True


def _postscript(r: str, p: str, a: PostscriptArgs) -> bool:
    v = r.lower()
    marker = a.marker.strip()
    # IFEval's patterns are r"\s*p\.\s?p\.\s?s.*$" (MULTILINE); for a search the leading \s* (quadratic
    # on long runs of spaces) and the trailing .*$ (always matches) change nothing, so they are dropped
    if marker in ("P.P.S", "P.P.S."):
        return re.search(r"p\.\s?p\.\s?s", v) is not None
    if marker in ("P.S.", "P.S"):
        return re.search(r"p\.\s?s\.", v) is not None
    return marker.lower() in v


def count_placeholders(text: str) -> int:
    """``len(re.findall(r"\\[.*?\\]", text))`` in linear time: per line, each '[' up to the next ']'.

    The regex is quadratic on a line of many '[' with no ']' (40,000 '[' took 22 s).
    """
    n = 0
    for line in text.split("\n"):  # '.' stops only at a line feed
        pos = 0
        while True:
            i = line.find("[", pos)
            if i < 0:
                break
            j = line.find("]", i + 1)
            if j < 0:  # no later '[' on this line can close either
                break
            n += 1
            pos = j + 1
    return n


def _placeholder_count(r: str, p: str, a: CountArgs) -> bool:
    return compare(count_placeholders(r), a.relation, a.n)


def _starts_with(r: str, p: str, a: PhraseArgs) -> bool:
    flags = 0 if a.case_sensitive else re.IGNORECASE
    return re.match(r"\s*" + re.escape(a.phrase.strip()), r, flags=flags) is not None


def _ends_with(r: str, p: str, a: PhraseArgs) -> bool:
    v = r.strip().strip('"')
    phrase = a.phrase.strip()
    if not a.case_sensitive:
        v, phrase = v.lower(), phrase.lower()
    return v.endswith(phrase)


def _wrapped_in_quotes(r: str, p: str, a: NoArgs) -> bool:
    v = r.strip()
    return len(v) > 1 and v[0] == '"' and v[-1] == '"'


def _response_language(r: str, p: str, a: LanguageArgs) -> bool:
    return _in_language(r, a.language)


def _repeats_prompt(r: str, p: str, a: RepeatPromptArgs) -> bool:
    target = a.prompt_to_repeat if a.prompt_to_repeat is not None else p
    return bool(target.strip()) and r.strip().lower().startswith(target.strip().lower())


def _two_responses(r: str, p: str, a: NoArgs) -> bool:
    valid = []
    parts = r.split("******")
    for i, part in enumerate(parts):
        if not part.strip():
            if i != 0 and i != len(parts) - 1:
                return False
        else:
            valid.append(part)
    return len(valid) == 2 and valid[0].strip() != valid[1].strip()


def _phrase_present(r: str, p: str, a: PhraseArgs) -> bool:
    return (a.phrase in r) if a.case_sensitive else (a.phrase.lower() in r.lower())


def _phrase_absent(r: str, p: str, a: PhraseArgs) -> bool:
    return not _phrase_present(r, p, a)


def _any_phrase_present(r: str, p: str, a: PhrasesArgs) -> bool:
    v = r.strip()
    return any(x in v for x in a.phrases)


def _regex_match(r: str, p: str, a: RegexArgs) -> bool:
    found = compile_regex(a.pattern, a.ignore_case, a.multiline).search(r) is not None
    return found if a.must_match else not found


# ----------------------------------------------------------------------------------------------
# The library
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckSpec:
    name: str
    args_model: Type[BaseModel]
    fn: Callable[[str, str, Any], bool]
    description: str


_SPECS = [
    CheckSpec("word_count", CountArgs, _word_count, "number of words (runs of letters/digits) compared with n"),
    CheckSpec("sentence_count", CountArgs, _sentence_count, "number of sentences compared with n"),
    CheckSpec("paragraph_count", ParagraphCountArgs, _paragraph_count,
              "number of paragraphs, separated by blank lines or by the markdown divider ***, compared with n"),
    CheckSpec("paragraph_first_word", ParagraphFirstWordArgs, _paragraph_first_word,
              "paragraph nth (1-based, blank-line separated) starts with word; optionally exactly num_paragraphs"),
    CheckSpec("keywords_present", KeywordsArgs, _keywords_present,
              "every keyword appears (case-insensitive; substring unless whole_word)"),
    CheckSpec("keywords_absent", KeywordsAbsentArgs, _keywords_absent,
              "none of the keywords appears (case-insensitive; whole words unless whole_word=false)"),
    CheckSpec("keyword_frequency", KeywordFrequencyArgs, _keyword_frequency,
              "occurrences of keyword (case-insensitive) compared with n"),
    CheckSpec("letter_frequency", LetterFrequencyArgs, _letter_frequency,
              "occurrences of a single character (case-insensitive by default) compared with n"),
    CheckSpec("no_commas", NoArgs, _no_commas, "the response contains no comma"),
    CheckSpec("all_lowercase", CaseArgs, _all_lowercase,
              "no capital letters anywhere; optionally also written in the given language (ISO 639-1)"),
    CheckSpec("all_uppercase", CaseArgs, _all_uppercase,
              "no lowercase letters anywhere; optionally also written in the given language (ISO 639-1)"),
    CheckSpec("capital_word_frequency", CountArgs, _capital_word_frequency,
              "number of words written entirely in capital letters compared with n"),
    CheckSpec("bullet_count", ExactDefaultCountArgs, _bullet_count,
              "number of markdown bullet points (lines starting with * or -) compared with n"),
    CheckSpec("highlighted_sections", CountArgs, _highlighted_sections,
              "number of markdown-highlighted spans like *text* compared with n"),
    CheckSpec("section_count", SectionArgs, _section_count,
              "number of sections headed '<splitter> <number>' (e.g. 'Section 1') compared with n"),
    CheckSpec("has_title", NoArgs, _has_title, "contains a title wrapped in double angular brackets, <<like this>>"),
    CheckSpec("is_json", NoArgs, _is_json, "the whole response (optionally in ``` fences) is valid JSON"),
    CheckSpec("postscript", PostscriptArgs, _postscript, "contains a postscript line starting with marker (P.S. or P.P.S)"),
    CheckSpec("placeholder_count", CountArgs, _placeholder_count,
              "number of square-bracket placeholders like [name] compared with n"),
    CheckSpec("starts_with", PhraseArgs, _starts_with, "the response starts with phrase (leading whitespace ignored)"),
    CheckSpec("ends_with", PhraseArgs, _ends_with, "the response ends with phrase (trailing whitespace and quotes ignored)"),
    CheckSpec("wrapped_in_quotes", NoArgs, _wrapped_in_quotes, "the whole response is wrapped in double quotation marks"),
    CheckSpec("response_language", LanguageArgs, _response_language,
              "the response is written in the language with this ISO 639-1 code (langdetect)"),
    CheckSpec("repeats_prompt", RepeatPromptArgs, _repeats_prompt,
              "the response begins by repeating the request word for word (prompt_to_repeat, or the prompt itself)"),
    CheckSpec("two_responses", NoArgs, _two_responses,
              "exactly two different responses separated by six asterisks ******"),
    CheckSpec("phrase_present", PhraseArgs, _phrase_present, "the phrase appears (case-insensitive by default)"),
    CheckSpec("phrase_absent", PhraseArgs, _phrase_absent, "the phrase does not appear (case-insensitive by default)"),
    CheckSpec("any_phrase_present", PhrasesArgs, _any_phrase_present, "at least one of the phrases appears verbatim"),
    CheckSpec("regex_match", RegexArgs, _regex_match,
              "a bounded, backtracking-safe regular expression matches (or, with must_match=false, does not)"),
]

from rubricc.compiler.checks_ifbench import specs as _ifbench_specs  # noqa: E402  (IFBench families)

_SPECS += _ifbench_specs(CheckSpec)
CHECKS: Dict[str, CheckSpec] = {s.name: s for s in _SPECS}


NOT = "not:"  # the prefix of a primitive's exact complement


def _base(name: str) -> str:
    """The primitive a check name runs: ``name`` less one :data:`NOT` prefix."""
    return name[len(NOT):] if name.startswith(NOT) else name


def _parse(name: str, args: Dict[str, Any]) -> BaseModel:
    spec = CHECKS.get(_base(name))
    if spec is None:
        raise ValueError(f"unknown check {name!r}; known: {', '.join(sorted(CHECKS))}")
    if not isinstance(args, dict):
        raise ValueError(f"check {name!r}: args must be an object, got {type(args).__name__}")
    try:
        return spec.args_model.model_validate(args)
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(x) for x in err.get("loc", ())) or "<args>"
        raise ValueError(f"check {name!r}: bad args at {loc}: {err.get('msg', 'invalid')}") from None


def validate_check(name: str, args: Optional[Dict[str, Any]] = None) -> ProgramCheck:
    """A validated, normalised ProgramCheck; ValueError with a clear message otherwise."""
    parsed = _parse(name, {} if args is None else args)
    return ProgramCheck(name=name, args=parsed.model_dump())


def bind_check(check: ProgramCheck) -> Callable[[str, str], bool]:
    """The check as a callable ``(response, prompt) -> bool``, its arguments validated once, here (so a
    hand-edited rubric cannot smuggle anything in); ValueError when they do not validate. The callable
    reads at most :data:`MAX_CHECK_TEXT` characters of the response and of the prompt (see the module
    docstring)."""
    parsed = _parse(check.name, check.args)
    base = _base(check.name)
    fn, tail, negate = CHECKS[base].fn, base in _TAIL_CHECKS, base != check.name
    return lambda response, prompt="": bool(fn(cap_text(response, tail), cap_text(prompt), parsed)) != negate


def run_check(check: ProgramCheck, response: str, prompt: str = "") -> bool:
    """Run one program check once (see :func:`bind_check`)."""
    return bind_check(check)(response, prompt)


def library_description() -> List[Dict[str, Any]]:
    """Name, one-line description and JSON schema of the args of every primitive (shown to an LLM)."""
    return [
        {"name": s.name, "description": s.description, "args_schema": s.args_model.model_json_schema()}
        for s in _SPECS
    ]
