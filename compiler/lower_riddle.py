"""A riddle whose answer is the reply, from set 47's sixth voice (issue 15, round 39), read as the answer's statement:

    What never stops short of 50 sentences? A reply containing at least 50 sentences.
    What keeps "a" below 2 from first to last? A reply whose count of that character, capitals and lowercase together, is under 2.
    What carries "cat" inside it without fail? A reply that includes "cat", leaving none of them out.

:func:`riddle` returns the answer ('A reply ...') as the statement, with 'that word' / 'that character' in it put back as
the one quotation the question gives, and the question as a ``riddle`` aside (it asks for nothing: one about content
vetoes in :func:`rubricc.compiler.lower._aside_agrees`). The question is a metaphor
of the answer, so what it says plainly must be the answer's too: every number it gives, every quotation, every language
it names, every unit it counts, and the side of a bound it states ('below 2', 'or more'), else a veto. A question answered by anything but
a reply leaves the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_lexicon import is_judgement, words_of
from rubricc.compiler.lower_parse import (BOUND_LESS, BOUND_MORE, QUOTED_ITEM, SIDE_WORDS, bound_bears_out, languages_named,
                                          number_words_to_digits, point_back)
from rubricc.compiler.lower_wager import COUNT_UNITS

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_RIDDLE = re.compile(r"^\s*(?P<q>What\s+[^?]{3,300}\?)\s+(?P<a>An?\s+(?:reply|response|answer)\b[^?]*)$", _I)
# a figure's words for the lower side of a count
_FIGURE_LESS = ("sparingly", "sparing", "seldom", "rarely", "hardly", "easy on", "light on")
# 'that word', 'that character' in the answer: the question's quotation
_THAT = re.compile(r"\b(?:that|this|the\s+same)\s+(?P<unit>word|character|letter|phrase|term)\b", _I)


def riddle(text: str) -> Tuple[str, Asides]:
    """(the answer's statement, with the question as a ``riddle`` aside and any veto); (text, []) when the criterion is no
    riddle answered by a reply."""
    m = _RIDDLE.match(text)
    if not m:
        return text, []
    question, answer = m.group("q").strip(), m.group("a").strip()
    asides: Asides = [("riddle", question)]
    quotes = [q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, question)]
    if _THAT.search(answer):
        if len(set(quotes)) != 1:
            return text, []  # 'that word' with no one word to point back to: left as it is
        answer = point_back(answer, quotes)
    answer = re.sub(r"^An?\s+(reply|response|answer)\s+that\s+", r"The \1 ", answer, flags=_I)  # 'A reply that includes' -> 'The reply includes'
    asides += said_again(question, answer)
    return answer, asides


def said_again(figure: str, plain: str) -> Asides:
    """Vetoes for what a figure of speech (a riddle's question, a metaphor before its plain statement) says plainly that
    the plain statement does not: a number, a quotation, a language, a unit it counts, the side of a bound, an exact
    count (a bound beside it); and a judgement. No vetoes when the plain statement says it all."""
    asides: Asides = []
    question, answer = figure, plain
    quotes = [q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, question)]
    # ('once' and 'one' are no count here: 'never once stops', 'one more thing to add')
    said_q, said_a = (number_words_to_digits(re.sub(r"\b(?:once|one)\b", " ", s.lower())) for s in (question, answer))
    if not set(re.findall(r"\d+", said_q)) <= set(re.findall(r"\d+", said_a)):
        asides.append(("veto", "a number the answer does not give"))
    if not set(quotes) <= {q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, answer)}:
        asides.append(("veto", "a quotation the answer does not give"))
    counted = {u for u, said in COUNT_UNITS.items() if re.search(rf"\d+\s+(?:[\w*-]+\s+){{0,3}}?{said}", said_q)}  # '5 or more words'; not 'the last word'
    if counted - {u for u, said in COUNT_UNITS.items() if re.search(rf"\b{said}", said_a)}:
        asides.append(("veto", "a unit the answer does not count"))
    if not languages_named(said_q) <= languages_named(said_a):
        asides.append(("veto", "a language the answer does not name"))
    for side, bound in (("less", BOUND_LESS), ("more", BOUND_MORE)):
        if bound.search(question) and not bound_bears_out(side, answer):
            asides.append(("veto", "a bound the answer does not give"))
    for word in _FIGURE_LESS:  # 'used sparingly', 'hardly ever raises its voice': a side the bound must bear out
        if re.search(rf"\b{word}\b", said_q) and not bound_bears_out("less", answer):
            asides.append(("veto", f"'{word}' the bound does not bear out"))
    for side, words in SIDE_WORDS.items():  # 'An epic reply.', 'A brief reply.' beside a count: the same side
        for word in words:
            if re.search(rf"\b{word}\b", said_q) and not bound_bears_out(side, answer) and not re.search(rf"\b{word}\b", answer.lower()):
                asides.append(("veto", f"'{word}' the bound does not bear out"))
    if re.search(r"\bexactly\s+\d", said_q) and (BOUND_LESS.search(answer) or BOUND_MORE.search(answer)):
        asides.append(("veto", "an exact count the answer does not give"))
    if _markers(question) - _markers(answer):  # 'beginning with the marker P.P.S; the reply contains such a postscript'
        asides.append(("veto", "a postscript marker the answer does not give"))
    if any(is_judgement(w) for w in words_of(re.sub(QUOTED_ITEM, " ", question))):
        asides.append(("veto", "a judgement in the question"))
    return asides


_MARKER = re.compile(r"\bp\.\s?p\.\s?s\b|\bp\.\s?s\b", re.IGNORECASE)


def _markers(text: str) -> set:
    """The postscript markers a text names, unquoted ('P.P.S', 'P.S.'): data no other veto sees."""
    return {re.sub(r"[\s.]", "", m).lower() for m in _MARKER.findall(re.sub(QUOTED_ITEM, " ", text))}
