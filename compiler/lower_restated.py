"""A criterion said in short sentences, each saying the same requirement again (an easy-read guide's style).

    The answer has no commas. Not one comma is anywhere in it, from the first word to the last.
    The answer is in Kannada. All of it is in Kannada.

:func:`lower_restated` reads such a criterion only when the rules read no check in it as a whole: every sentence, its
pronouns taken as the response ('it' -> 'the answer') and an idiom for the whole response read past ('from the first
word to the last'), must read as one check, the same one, and at least one sentence must be read by the rules; a
sentence read as another check, as the same check with other arguments, or as no check at all keeps the criterion
neural ('The answer has no commas. It is polite.' asks for more). A sentence that only defines a unit the check
counts is not read here: each sentence must stand as the requirement.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import in_quotes, quote_spans
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_DOC = r"(?:answer|response|reply|output|text)"
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-Z])")
_SUBJECT = re.compile(rf"\b(?:the|your|its)\s+(?P<doc>{_DOC})\b", _I)
# 'it' standing for the response, where it is the response's sentence: 'Not one comma is anywhere in it', 'All of it'
_IT = re.compile(r"\b(?P<it>it|its)\b(?!\s+(?:is|was)\s+(?:not\s+)?(?:a|an|the)\b)", _I)
# an idiom for the whole response: what a check of the whole response reads anyway
_WHOLE = re.compile(r",?\s*\bfrom\s+(?:the\s+)?(?:very\s+)?(?:first|start|beginning)(?:\s+(?:word|letter|line|character))?\s+to\s+"
                    r"(?:the\s+)?(?:very\s+)?(?:last|end|finish)(?:\s+(?:word|letter|line|character|one))?\b", _I)
MAX_SENTENCES = 3
MAX_CHARS = 300

Found = Optional[Tuple[str, Dict[str, Any]]]


def sentences(text: str) -> List[str]:
    """The sentences of ``text`` (split outside quotations), or [text]."""
    spans = quote_spans(text)
    cuts = [m.start() for m in _SENTENCE_END.finditer(text) if not in_quotes(spans, m.start())]
    parts, last = [], 0
    for c in cuts:
        parts.append(text[last:c].strip())
        last = c
    parts.append(text[last:].strip())
    return [p for p in parts if p]


def lower_restated(text: str, lower: Callable[[str], Optional[ProgramCheck]], reads: Callable[[str], Found]) -> Optional[ProgramCheck]:
    """The check every sentence of a criterion says again (``lower``: the rules on one sentence; ``reads``: the check
    one sentence reads as, generously), or None."""
    if len(text) > MAX_CHARS or QUOTE_RE.search(text) and ":" in QUOTE_RE.sub(" ", text):
        return None
    parts = sentences(text)
    if not 2 <= len(parts) <= MAX_SENTENCES:
        return None
    m = _SUBJECT.search(QUOTE_RE.sub(" ", parts[0]))
    doc = m.group("doc").lower() if m else "response"
    said = [resolve(p, doc) for p in parts]
    said = said[:1] + [_such(s, said[0]) for s in said[1:]]
    got = [lower(s) for s in said]
    ruled = [g for g in got if g is not None]
    if not ruled:
        return None
    listed = next((g.args["keywords"] for g in ruled if isinstance(g.args.get("keywords"), list)), None)
    if listed:  # 'Each one is there at least once', 'None of them is used': said of the words the list names
        said = [_of_list(s, listed, doc) if g is None else s for s, g in zip(said, got)]
        got = [lower(s) if g is None else g for s, g in zip(said, got)]
    best = max(ruled, key=lambda g: len([v for v in g.args.values() if v is not None]))
    own = {k: v for k, v in best.args.items() if v is not None}
    for s, g in zip(said, got):
        found: Found = (g.name, g.args) if g is not None else reads(s)
        if found is None or found[0] != best.name:
            return None
        if not {k: v for k, v in found[1].items() if v is not None}.items() <= own.items():
            return None
    return best


def resolve(sentence: str, doc: str) -> str:
    """The sentence with 'it' as the response and the whole-response idiom read past."""
    out = _WHOLE.sub("", sentence)
    spans = quote_spans(out)
    out = _IT.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else f"the {doc}'s" if m.group("it").lower() == "its"
                  else f"the {doc}", out)
    return out[:1].upper() + out[1:]


# 'such words', 'such sections' in a later sentence: the unit the first sentence counts, with its description
_SUCH = re.compile(r"\bsuch\s+(?P<u>words|sections|placeholders|bullet\s+points|bullets|paragraphs|sentences|letters)\b", _I)


def _such(sentence: str, first: str) -> str:
    """'The reply has 10 or more such words.' -> '... 10 or more words written entirely in capital letters.', the
    description taken from the first sentence ('at least 10 words written entirely in capital letters'); the sentence as
    it is when the first sentence does not describe the unit."""
    m = _SUCH.search(sentence)
    if m is None:
        return sentence
    unit = re.escape(m.group("u")).replace(r"\ ", r"\s+")
    said = re.search(rf"\b{unit}\s+(?P<d>(?:written|highlighted|in|with|wrapped|marked|set|that|which)\b[^,;.:()]*)", first, _I)
    if said is None:
        return sentence
    return sentence[:m.start()] + m.group("u") + " " + said.group("d").strip() + sentence[m.end():]


# a sentence said of the words a list names: 'Each one is there at least once.', 'None of them is used.'
_LIST_ANAPHOR = re.compile(r"^\s*(?P<q>each|every|none|all|neither)(?:\s+one|\s+of\s+them)\s+(?P<v>is\s+used|are\s+used|gets\s+used|is|are|appears?|occurs?|shows\s+up)"
                           r"(?P<where>\s+there|\s+anywhere|\s+somewhere)?\b", _I)


def _of_list(sentence: str, words: List[str], doc: str) -> str:
    """'Each one is there at least once' -> 'Each of the words "a" and "b" appears in the answer at least once'; the
    sentence as it is when it is not said of the list."""
    m = _LIST_ANAPHOR.match(sentence)
    if m is None:
        return sentence
    q = {"every": "each", "all": "each"}.get(m.group("q").lower(), m.group("q").lower())
    named = ", ".join(f'"{w}"' for w in words[:-1]) + (" and " if len(words) > 1 else "") + f'"{words[-1]}"'
    return f"{q.capitalize()} of the words {named} appears in the {doc}" + sentence[m.end():]
