"""Argument models of the check primitives: typed, ranges validated, extra fields forbidden.

A rule or an LLM reaches a primitive only through these models (``checks.validate_check``), so no
argument outside the stated ranges, and no regular expression that can backtrack catastrophically
(:func:`check_regex_safe`), ever reaches a check function.
"""
from __future__ import annotations

import re
from typing import Annotated, List, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

Relation = Literal["at least", "at most", "less than", "more than", "exactly"]

MAX_COUNT = 100_000
MAX_PHRASE = 500
MAX_REGEX = 200


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


def _phrase_ok(v: str) -> str:
    if not v or not v.strip():
        raise ValueError("must be a non-empty string")
    if len(v) > MAX_PHRASE:
        raise ValueError(f"must be at most {MAX_PHRASE} characters")
    return v


Phrase = Annotated[str, AfterValidator(_phrase_ok)]  # a keyword or phrase: non-blank, at most MAX_PHRASE


class NoArgs(_Args):
    pass


class CountArgs(_Args):
    relation: Relation = "at least"
    n: int = Field(ge=0, le=MAX_COUNT)


class ExactDefaultCountArgs(_Args):
    relation: Relation = "exactly"
    n: int = Field(ge=0, le=MAX_COUNT)


class ParagraphCountArgs(_Args):
    relation: Relation = "exactly"
    n: int = Field(ge=0, le=MAX_COUNT)
    separator: Literal["***", "blank_line"] = "blank_line"


class ParagraphFirstWordArgs(_Args):
    nth: int = Field(ge=1, le=1000)
    word: str
    num_paragraphs: Optional[int] = Field(default=None, ge=1, le=1000)

    @field_validator("word")
    @classmethod
    def _w(cls, v: str) -> str:
        v = v.strip()
        if not re.fullmatch(r"[^\s]{1,100}", v):
            raise ValueError("must be a single word")
        return v


class KeywordsArgs(_Args):
    keywords: List[Phrase] = Field(min_length=1, max_length=50)
    whole_word: bool = False


class KeywordsAbsentArgs(KeywordsArgs):
    whole_word: bool = True


class KeywordFrequencyArgs(_Args):
    keyword: Phrase
    relation: Relation = "at least"
    n: int = Field(ge=0, le=MAX_COUNT)
    whole_word: bool = False


class LetterFrequencyArgs(_Args):
    letter: str = Field(min_length=1, max_length=1)
    relation: Relation = "at least"
    n: int = Field(ge=0, le=MAX_COUNT)
    case_sensitive: bool = False


class CaseArgs(_Args):
    language: Optional[str] = Field(default=None, pattern=r"^[a-z]{2,3}(-[a-z]{2})?$")


class SectionArgs(_Args):
    splitter: str = Field(default="Section", pattern=r"^[A-Za-z][A-Za-z ]{0,29}$")
    relation: Relation = "at least"
    n: int = Field(ge=0, le=1000)


class PostscriptArgs(_Args):
    marker: str = Field(default="P.S.", min_length=1, max_length=20)


class PhraseArgs(_Args):
    phrase: Phrase
    case_sensitive: bool = False


class PhrasesArgs(_Args):
    phrases: List[Phrase] = Field(min_length=1, max_length=50)


class LanguageArgs(_Args):
    language: str = Field(pattern=r"^[a-z]{2,3}(-[a-z]{2})?$")


class RepeatPromptArgs(_Args):
    prompt_to_repeat: Optional[str] = Field(default=None, max_length=10_000)


class RegexArgs(_Args):
    pattern: str = Field(min_length=1, max_length=MAX_REGEX)
    must_match: bool = True
    ignore_case: bool = False
    multiline: bool = False

    @field_validator("pattern")
    @classmethod
    def _safe(cls, v: str) -> str:
        check_regex_safe(v)
        return v


def check_regex_safe(pattern: str) -> None:
    """Reject patterns that can backtrack catastrophically or that are not plain regular expressions.

    Refused: backreferences, lookarounds, conditionals, inline flags, any quantified group that itself
    contains a quantifier or an alternation (``(a+)+``, ``(a|aa)*``), more than three unbounded
    repeats, and repeat counts over 1000. The pattern must compile.
    """
    if len(pattern) > MAX_REGEX:
        raise ValueError(f"regex longer than {MAX_REGEX} characters")
    if re.search(r"\\[1-9]|\(\?P=|\(\?[=!<]|\(\?\(|\(\?[aiLmsux-]", pattern):
        raise ValueError("regex uses backreferences, lookarounds, conditionals or inline flags")
    unbounded = len(re.findall(r"(?<!\\)[*+]|\{\d+,\}", pattern))
    if unbounded > 3:
        raise ValueError("regex has more than 3 unbounded repeats (polynomial backtracking)")
    for m in re.finditer(r"\{(\d+)(?:,(\d*))?\}", pattern):
        if int(m.group(1)) > 1000 or (m.group(2) and int(m.group(2)) > 1000):
            raise ValueError("regex repeat count over 1000")
    # scan groups: a group containing a quantifier or '|' may not itself be quantified
    stack: List[bool] = []  # per open group: contains quantifier/alternation
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            i += 1
            continue
        if c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            stack.append(False)
        elif c == ")":
            if not stack:
                raise ValueError("unbalanced parenthesis in regex")
            risky = stack.pop()
            nxt = pattern[i + 1:i + 2]
            if risky and nxt in ("*", "+", "?", "{"):
                raise ValueError("regex has a quantified group containing a quantifier or alternation")
            if stack and (risky or nxt in ("*", "+", "{")):
                stack[-1] = True
        elif c in "*+{|" or (c == "?" and i > 0 and pattern[i - 1] not in "("):
            if stack:
                stack[-1] = True
        i += 1
    try:
        re.compile(pattern)
    except re.error as e:
        raise ValueError(f"invalid regex: {e}") from None
