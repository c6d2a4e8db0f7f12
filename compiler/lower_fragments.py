"""A criterion said in fragments, a film trailer's or a sign's voice, from set 48 (issue 15, round 40):

    In a world full of commas, one reply goes the whole distance without them. Not one comma, from its first word to its last.
    This summer, one reply speaks softly. All in English. All in lowercase. Not a single capital letter anywhere.
    Every word in quotes. The entire reply begins and ends with a double quotation mark.

:func:`lower_fragments` reads such a criterion only when nothing else does. Each fragment is read on its own (its 'it'
taken as the reply). Every fragment the rules read must be the same check, or one its arguments carry: 'All in
English' beside a case check in English. At least one fragment must be read by the rules. A fragment read as nothing is
a figure of speech: it must say nothing the check does not (:func:`rubricc.compiler.lower_riddle.said_again`: no
number, quotation, language, counted unit or bound the reading fragments do not give; no judgement). It must not be
about content and must hold no condition. A fragment read as another check keeps the criterion neural.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Optional, Tuple

from rubricc.compiler.lower_gloss import CONDITION, counted_subject
from rubricc.compiler.lower_lexicon import normal, words_of
from rubricc.compiler.lower_parse import FORBIDS, QUOTE_RE, QUOTED_ITEM, SIDE_WORDS, bound_bears_out
from rubricc.compiler.lower_repeat import read_repeat
from rubricc.compiler.lower_restated import resolve, sentences
from rubricc.compiler.lower_riddle import said_again
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
MAX_FRAGMENTS = 6
MAX_CHARS = 400
_SUBJECT = re.compile(r"\b(?:the|your|its)\s+(?P<doc>answer|response|reply|output|text)\b", _I)
_CASES = ("all_lowercase", "all_uppercase")
# a fragment said of a list another fragment names ('Each one appears in the answer.'): no figure
_ANAPHOR = re.compile(r"\b(?:each|every|none|all|both|neither|not)\s+(?:one\b|of\s+(?:them|these|those)\b)", _I)
# the reply described ('A gloomy reply.', 'An epic reply that ...'): each word before 'reply' a requirement of its own
_DESCRIBED = re.compile(r"^\s*(?:a|an|one|this|the)\s+(?P<mods>(?:[\w'-]+\s+){0,3}?)(?:reply|response|answer)\b(?P<rest>[^.!?]*)", _I)
_EMPTY_MODS = {"one", "single", "lone", "little", "new", "whole", "entire"}
# the units and marks of a reply's form: named by a figure and not by the reading fragments, they may ask for more ('A reply
# in bold. No commas.', 'Every word in quotes.')
_FORM = re.compile(r"\b(?:bold|italics?|underlin\w*|headings?|headers?|titles?|bullets?|lists?|tables?|code|fonts?|emojis?|links?|quotes?|"
                   r"quotations?|paragraphs?|sections?|sentences?|words?|lines?|letters?|characters?|capitals?|capitali\w*|caps|lower\s*case|"
                   r"upper\s*case|commas?|semicolons?|colons?|periods?|full\s+stops?|dash\w*|hyphen\w*|exclamation\w*|question\s+marks?|"
                   r"apostrophes?|parenthes\w*|punctuation|dividers?|asterisks?|json|markdown|highlight\w*|placeholders?|postscript|brackets?|"
                   r"english|languages?)\b", _I)
# a figure's marks and verdicts ('between *** dividers', 'A single semicolon = FAIL.'): a rule of its own
_MARKS = re.compile(r"[*#<>\[\]{}~`|=]|\b(?:fail|fails|pass|passes|yes|no\s+credit)\b", _I)
# a fragment said of a part of the reply ('The title must mention the harbour.', 'Titles that are not capitalized do not count.')
_PART_SUBJECT = re.compile(r"^\s*(?:(?:the|a|an|each|every|its|any|no)\s+)?(?:titles?|headings?|headers?|paragraphs?|sections?|bullets?|items?|lines?|"
                           r"sentences?|words?|letters?|first|last|opening|closing|ending|list)\b", _I)

Found = Optional[Tuple[str, Dict[str, Any]]]


def _carried(best: ProgramCheck, name: str, args: Dict[str, Any]) -> bool:
    """True when a fragment's reading is the check or one its arguments carry ('All in English' beside a case check in
    English)."""
    own = {k: v for k, v in best.args.items() if v is not None}
    said = {k: v for k, v in args.items() if v is not None}
    if name == best.name:
        return said.items() <= own.items()
    return name == "response_language" and best.name in _CASES and said.get("language") == own.get("language") is not None


def lower_fragments(text: str, lower: Callable[[str], Optional[ProgramCheck]], reads: Callable[[str], Found],
                    about_content: Callable[[str], bool]) -> Optional[ProgramCheck]:
    """The check a criterion said in fragments asks for (``lower``: the rules on one fragment; ``reads``: what one fragment
    reads as, generously; ``about_content``: whether a fragment speaks of content), or None."""
    if len(text) > MAX_CHARS or read_repeat(text) is not None:
        return None  # (a request to repeat is data: its sentences are never fragments)
    parts = sentences(text)
    if not 2 <= len(parts) <= MAX_FRAGMENTS:
        return None
    m = _SUBJECT.search(text)
    doc = m.group("doc").lower() if m else "reply"
    said = [resolve(p, doc) for p in parts]
    quotes = {q.group(0)[1:-1] for q in re.finditer(QUOTED_ITEM, text)}
    said = [counted_subject(s, quotes) for s in said]  # 'A reply that rarely touches 'i'. Fewer than 3 times in all.'
    got = [lower(s) for s in said]
    ruled = [g for g in got if g is not None]
    if not ruled or any(g.name == "repeats_prompt" for g in ruled):
        return None  # (a request to repeat is data after its colon, never a fragment of its own)
    cased = [g for g in ruled if g.name in _CASES and g.args.get("language")]
    best = cased[0] if cased else max(ruled, key=lambda g: len([v for v in g.args.values() if v is not None]))
    plain = " ".join(s for s, g in zip(said, got) if g is not None)
    for s, g in zip(said, got):
        found: Found = (g.name, g.args) if g is not None else reads(s)
        if found is not None:
            if not _carried(best, *found):
                return None
            continue
        if _ANAPHOR.search(s) or figure_adds(s, plain, about_content):
            return None  # a figure that says more than the check, or a statement of what another fragment names
    return best


def figure_adds(figure: str, plain: str, about_content: Callable[[str], bool]) -> bool:
    """True when a figure beside the plain statement of a check says more than it: content, a condition, what
    :func:`rubricc.compiler.lower_riddle.said_again` finds, a form or description no reading fragment gives, marks or
    verdicts, a part of the reply as subject, or a denial beside a statement that does not deny."""
    return about_content(figure) or bool(CONDITION.search(figure)) or bool(said_again(figure, plain)) or _named_form(figure, plain) or \
        _described(figure, plain) or bool(_MARKS.search(QUOTE_RE.sub(" ", figure))) or bool(_PART_SUBJECT.match(figure)) or \
        bool(FORBIDS.search(figure)) and not FORBIDS.search(plain)


def _named_form(figure: str, plain: str) -> bool:
    """True when the figure names a unit or mark of form the reading fragments do not ('A reply in bold.')."""
    said = {normal(w) for w in words_of(plain)}
    return any(normal(w) not in said for m in _FORM.finditer(figure) for w in words_of(m.group(0)))


def _described(figure: str, plain: str) -> bool:
    """True when the figure describes the reply with a word that is no side of a bound the reading fragments give ('A
    gloomy reply.'; 'An epic reply.' beside 'At least 600 words' is that side)."""
    m = _DESCRIBED.match(figure)
    if not m:
        return False
    sides = {w: side for side, words in SIDE_WORDS.items() for w in words if re.fullmatch(r"[a-z]+", w)}
    if re.match(r"\s*(?:in|with|of|set\s+in|written\s+in)\b", m.group("rest"), _I) and _named_form(m.group("rest"), plain.replace(figure, " ")):
        return True  # 'A reply in italics.': a form no other sentence names
    return any(w not in _EMPTY_MODS and not (w in sides and bound_bears_out(sides[w], plain)) for w in m.group("mods").lower().split())


# a sentence that is only the reply described ('A gloomy reply.', 'A brief reply with no commas.'): no verb of its own
_DESCRIPTION = re.compile(r"^\s*(?:a|an|one|this)\s+(?P<mods>(?:[\w'-]+\s+){1,3}?)(?:reply|response|answer)\b(?!')\s*(?:(?:in|with|of|that|which)\b[^.!?]*)?[.!?]?\s*$", _I)


def describes_more(text: str, reads: Callable[[str], bool]) -> bool:
    """True when a sentence of a criterion of several is only the reply described, with a word no rule reads and no bound
    bears out ('A gloomy reply. No commas.', 'A brief reply. All in lowercase.'): the rules read the rest, and the
    description asks for more."""
    parts = sentences(text)
    return len(parts) > 1 and any(_DESCRIPTION.match(p) and _described(p, text) and not reads(p) for p in parts)
