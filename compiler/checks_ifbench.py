"""Check primitives for IFBench's deterministic constraint families (allenai/IFBench, Apache-2.0), the
ones a rubric writer would state: word-count ranges, unique words, numbers, pronouns, conjunctions,
repeated words, a keyword in the n-th sentence, one word per line, no whitespace, title case, the
answer being one of fixed options or exactly a given text, palindromes and bracket nesting.

Written here from IFBench's documented checking semantics (its ``check_following`` methods), with
generalised arguments (a relation and n where IFBench fixes one). Pure functions of the text, linear
time, no dependency beyond the standard library: the reward imports them through
:mod:`rubricc.compiler.checks`, which registers them in the closed library.
"""
from __future__ import annotations

import re
import string
from collections import Counter
from typing import List

from pydantic import Field, model_validator

from rubricc.compiler.check_args import MAX_COUNT, NoArgs, Phrase, Relation, _Args
from rubricc.compiler.text_units import compare, count_words, split_sentences

_STRIP = string.punctuation + " "
_NO_PUNCT = str.maketrans("", "", string.punctuation)


# ----------------------------------------------------------------------------------------------
# Argument models
# ----------------------------------------------------------------------------------------------
class RangeArgs(_Args):
    min_words: int = Field(ge=0, le=MAX_COUNT)
    max_words: int = Field(ge=0, le=MAX_COUNT)

    @model_validator(mode="after")
    def _ordered(self):
        if self.min_words > self.max_words:
            raise ValueError("min_words must not exceed max_words")
        return self


class AtLeastArgs(_Args):
    relation: Relation = "at least"
    n: int = Field(ge=0, le=MAX_COUNT)


class ExactArgs(_Args):
    relation: Relation = "exactly"
    n: int = Field(ge=0, le=MAX_COUNT)


class MaxRepeatArgs(_Args):
    n: int = Field(ge=1, le=MAX_COUNT)


class PalindromeArgs(_Args):
    min_length: int = Field(default=5, ge=2, le=100)
    relation: Relation = "at least"
    n: int = Field(ge=0, le=MAX_COUNT)


class DepthArgs(_Args):
    n: int = Field(ge=1, le=1000)


class SentenceKeywordArgs(_Args):
    keyword: Phrase
    nth: int = Field(ge=1, le=10_000)


class OptionsArgs(_Args):
    options: List[Phrase] = Field(min_length=2, max_length=50)


class ExactTextArgs(_Args):
    text: Phrase


# ----------------------------------------------------------------------------------------------
# Check functions: (response, prompt, args) -> bool
# ----------------------------------------------------------------------------------------------
def _words_lower(text: str) -> List[str]:
    """Lower-cased, punctuation removed, split on whitespace (IFBench ``_split_words``)."""
    return text.lower().translate(_NO_PUNCT).split()


def word_count_range(r: str, p: str, a: RangeArgs) -> bool:
    return a.min_words <= count_words(r) <= a.max_words


def unique_word_count(r: str, p: str, a: AtLeastArgs) -> bool:
    unique = {w.strip(_STRIP) for w in r.lower().split()}
    return compare(len(unique), a.relation, a.n)


_CONJUNCTIONS = frozenset({"and", "but", "for", "nor", "or", "so", "yet"})


def conjunction_count(r: str, p: str, a: AtLeastArgs) -> bool:
    used = {w.strip(_STRIP).lower() for w in r.split()} & _CONJUNCTIONS
    return compare(len(used), a.relation, a.n)


def number_count(r: str, p: str, a: ExactArgs) -> bool:
    return compare(len(re.findall(r"\d+", r.translate(_NO_PUNCT))), a.relation, a.n)


_PRONOUNS = frozenset("""
i me we us you he him she her it they them my mine our ours your yours his hers its their theirs myself ourselves
yourself yourselves himself herself itself themselves this that these those who whom whose which what whoever
whomever whatever whichever anybody anyone anything everybody everyone everything nobody nothing somebody someone
something each either neither both all some any none""".split())


def pronoun_count(r: str, p: str, a: AtLeastArgs) -> bool:
    tokens = re.findall(r"[a-z]+", r.lower().replace("/", " "))
    return compare(sum(1 for t in tokens if t in _PRONOUNS), a.relation, a.n)


def max_word_repeats(r: str, p: str, a: MaxRepeatArgs) -> bool:
    counts = Counter(_words_lower(r))
    return all(c <= a.n for c in counts.values())


def keyword_in_sentence(r: str, p: str, a: SentenceKeywordArgs) -> bool:
    sentences = split_sentences(r)
    if len(sentences) < a.nth:
        return False
    return re.search(r"\b" + re.escape(a.keyword) + r"\b", sentences[a.nth - 1], re.IGNORECASE) is not None


def one_word_per_line(r: str, p: str, a: NoArgs) -> bool:
    v = r.translate(_NO_PUNCT).strip()
    lines = [x for x in v.split("\n") if x]
    return bool(v) and len(lines) == len(v.split())


def no_whitespace(r: str, p: str, a: NoArgs) -> bool:
    return bool(r) and not any(ch.isspace() for ch in r)


def no_consecutive_first_letter(r: str, p: str, a: NoArgs) -> bool:
    words = [w for w in _words_lower(r) if w]
    return all(words[i][0] != words[i + 1][0] for i in range(len(words) - 1))


def title_case(r: str, p: str, a: NoArgs) -> bool:
    """Every word starts with a capital letter and is otherwise lower case (one-letter words capital)."""
    for w in re.findall(r"[^\W\d_][\w'-]*", r):
        if len(w) == 1:
            if w.islower():
                return False
        elif w[0].islower():
            return False
    return bool(re.search(r"[^\W\d_]", r))


def answer_is_option(r: str, p: str, a: OptionsArgs) -> bool:
    v = r.strip(_STRIP).lower()
    return any(o.strip(_STRIP).lower() == v for o in a.options)


def response_equals(r: str, p: str, a: ExactTextArgs) -> bool:
    return r.strip().lower() == a.text.strip().lower()


def palindrome_count(r: str, p: str, a: PalindromeArgs) -> bool:
    words = _words_lower(r)
    return compare(sum(1 for w in words if len(w) >= a.min_length and w == w[::-1]), a.relation, a.n)


_OPEN = {"(": ")", "[": "]", "{": "}"}


def bracket_depth(r: str, p: str, a: DepthArgs) -> bool:
    """Correctly closed brackets ((), [], {}) nested at least n deep; a mismatch starts over."""
    stack: List[str] = []
    deepest = 0
    for ch in r:
        if ch in _OPEN:
            stack.append(_OPEN[ch])
            deepest = max(deepest, len(stack))
        elif ch in ")]}":
            if stack and stack[-1] == ch:
                stack.pop()
                if deepest >= a.n:
                    return True
            else:
                stack, deepest = [], 0
    return False


def specs(make) -> list:
    """The IFBench primitives as ``make(name, args_model, fn, description)`` specs."""
    return [
        make("word_count_range", RangeArgs, word_count_range, "number of words is between min_words and max_words (inclusive)"),
        make("unique_word_count", AtLeastArgs, unique_word_count, "number of distinct words (case-insensitive) compared with n"),
        make("conjunction_count", AtLeastArgs, conjunction_count,
             "number of different coordinating conjunctions (and, but, for, nor, or, so, yet) compared with n"),
        make("number_count", ExactArgs, number_count, "number of numbers (digit runs, punctuation removed) compared with n"),
        make("pronoun_count", AtLeastArgs, pronoun_count, "number of English pronouns compared with n"),
        make("max_word_repeats", MaxRepeatArgs, max_word_repeats, "no word (case-insensitive) appears more than n times"),
        make("keyword_in_sentence", SentenceKeywordArgs, keyword_in_sentence, "sentence nth (1-based) contains keyword as a whole word"),
        make("one_word_per_line", NoArgs, one_word_per_line, "every word is on its own line"),
        make("no_whitespace", NoArgs, no_whitespace, "the response contains no whitespace at all"),
        make("no_consecutive_first_letter", NoArgs, no_consecutive_first_letter,
             "no two consecutive words start with the same letter"),
        make("title_case", NoArgs, title_case, "every word starts with a capital letter (title case)"),
        make("answer_is_option", OptionsArgs, answer_is_option,
             "the whole response is one of the options (case and surrounding punctuation ignored)"),
        make("response_equals", ExactTextArgs, response_equals, "the whole response is exactly text (case-insensitive)"),
        make("palindrome_count", PalindromeArgs, palindrome_count,
             "number of palindrome words of at least min_length letters compared with n"),
        make("bracket_depth", DepthArgs, bracket_depth, "correctly closed (), [] or {} brackets nested at least n deep"),
    ]


# IFBench instruction id -> the primitive that decides it (the others have none: see bench/ifbench_checks.py)
IFBENCH_PRIMITIVE = {
    "count:word_count_range": "word_count_range", "count:unique_word_count": "unique_word_count",
    "count:conjunctions": "conjunction_count", "count:numbers": "number_count", "count:pronouns": "pronoun_count",
    "words:repeats": "max_word_repeats", "sentence:keyword": "keyword_in_sentence", "format:newline": "one_word_per_line",
    "format:no_whitespace": "no_whitespace", "words:no_consecutive": "no_consecutive_first_letter",
    "format:title_case": "title_case", "format:options": "answer_is_option", "repeat:repeat_simple": "response_equals",
    "words:palindrome": "palindrome_count", "format:parentheses": "bracket_depth",
    "custom:character_reverse": "phrase_present",
}
