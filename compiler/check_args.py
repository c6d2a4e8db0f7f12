"""Argument models of the check primitives: typed, ranges validated, extra fields forbidden.

A rule or an LLM reaches a primitive only through these models (``checks.validate_check``), so no
argument outside the stated ranges, and no regular expression that cannot run in linear time
(:func:`check_regex_safe`), ever reaches a check function.
"""
from __future__ import annotations

import re
from typing import Annotated, List, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from rubricc.compiler.safe_regex import compile_regex

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

    @model_validator(mode="after")
    def _runs(self) -> "RegexArgs":
        compile_regex(self.pattern, self.ignore_case, self.multiline)  # the flags can grow the program
        return self


def check_regex_safe(pattern: str) -> None:
    """Reject a pattern that cannot run in guaranteed linear time (ValueError, one line).

    Patterns run on RE2 with Python ``re`` semantics (:mod:`rubricc.compiler.safe_regex`), so
    backtracking cannot happen; refused are what RE2 cannot run (backreferences, lookarounds,
    conditionals, inline flags), patterns over :data:`MAX_REGEX` characters, and patterns whose expanded
    program would make even linear matching slow (``a{0,999}a{0,999}b``).
    """
    if len(pattern) > MAX_REGEX:
        raise ValueError(f"regex longer than {MAX_REGEX} characters")
    compile_regex(pattern)
