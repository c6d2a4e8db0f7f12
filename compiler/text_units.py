"""Text units counted the way the official IFEval checkers count them: words, sentences, word tokens,
paragraphs, and the five relation words (``compare``).

The two places where IFEval needs NLTK (sentence splitting with punkt, word tokenisation for capital
words) are regex approximations written here, so the check library needs no NLTK data. Separate from
:mod:`rubricc.compiler.checks` because these are plain text functions, usable without the typed library.
"""
from __future__ import annotations

import re
from typing import List, Optional


def compare(actual: int, relation: str, n: int) -> bool:
    """``actual <relation> n`` for the five relation words."""
    if relation == "at least":
        return actual >= n
    if relation == "at most":
        return actual <= n
    if relation == "less than":
        return actual < n
    if relation == "more than":
        return actual > n
    if relation == "exactly":
        return actual == n
    raise ValueError(f"unknown relation {relation!r}")


_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Words as IFEval counts them: runs of word characters."""
    return len(_WORD.findall(text))


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "inc", "ltd",
    "co", "corp", "no", "vol", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.k", "a.m", "p.m", "ph.d", "cf", "al",
    "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "rev", "ave", "blvd", "p.s", "p.p.s",
}
_PUNCT_RUN = re.compile(r"[.!?]+")
_CLOSERS = "\"'\u201d\u2019)]"  # closing quotes/brackets that may follow terminal punctuation
_NEXT_CHAR = re.compile(r"\s*(\S)")


def _sentence_ends(text: str):
    r"""(start, end, punctuation, closers) of each sentence end, as ``finditer`` of
    ``([.!?]+)(["'\u201d\u2019)\]]*)(?=\s|$)`` finds them, in linear time (the regex backtracks
    quadratically on a long run of '.' not followed by white space)."""
    n = len(text)
    for m in _PUNCT_RUN.finditer(text):
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            end += 1
        if end == n or text[end].isspace():
            yield m.start(), end, m.group(), text[m.end():end]


def _token_before(text: str, start: int, at: int) -> str:
    r"""The run of non-space characters that ends at ``at`` (not before ``start``), as
    ``re.search(r"(\S+)$", text[start:at])`` finds it, without copying or rescanning the text."""
    i = at
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:at]


def split_sentences(text: str) -> List[str]:
    """A regex sentence splitter that approximates NLTK's English punkt model (used by IFEval).

    Like punkt it breaks only after ``.``, ``!`` or ``?`` followed by whitespace (a line break alone is
    not a sentence end), and not after known abbreviations, single initials, or a number followed by a
    lower-case word. Linear in the text ("Mr. " x 20,000 took over 60 s when each end rescanned the
    text since the last break).
    """
    sentences: List[str] = []
    start = 0
    for m_start, end, punct, closers in _sentence_ends(text):
        if punct == "." and not closers:
            word = _token_before(text, start, m_start).lower().lstrip("(\"'[")
            if word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
            if re.fullmatch(r"\d+", word):  # "1." before a lower-case word is an enumeration, not an end
                nxt = _NEXT_CHAR.match(text, end)
                if nxt and nxt.group(1).islower():
                    continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def count_sentences(text: str) -> int:
    return len(split_sentences(text))


_CONTRACTION = re.compile(r"(?i)(n't|'s|'m|'re|'ve|'ll|'d)$")
_EDGE_PUNCT = "\"'`()[]{}<>.,;:!?*_#~\u201c\u201d\u2018\u2019"


def word_tokens(text: str) -> List[str]:
    """A regex approximation of NLTK's treebank ``word_tokenize`` (hyphenated words stay one token)."""
    out: List[str] = []
    for raw in text.split():
        core = raw.strip(_EDGE_PUNCT)
        if not core:
            continue
        m = _CONTRACTION.search(core)
        if m and m.start() > 0:
            out.append(core[: m.start()])
            out.append(core[m.start():])
        else:
            out.append(core)
    return out


def split_paragraphs_stars(text: str) -> Optional[int]:
    """Paragraphs separated by the markdown divider ``***``; None if an inner paragraph is empty."""
    parts = re.split(r"\s?\*\*\*\s?", text)
    n = len(parts)
    for i, p in enumerate(parts):
        if not p.strip():
            if i == 0 or i == len(parts) - 1:
                n -= 1
            else:
                return None
    return n


def split_paragraphs_blank(text: str) -> List[str]:
    return re.split(r"\n\n", text)
