"""A dictionary entry for the property, from set 51's first voice (issue 15, round 43), read as the statement it defines:

    tactful, adj. (of a reply) Never using any of the words "a" or "b"; none of them appears anywhere in it. The reply is tactful in this sense.
    laconic, adj. (of a reply) Having fewer than 10 sentences. The reply is laconic by this measure.
    brief, adj. (of a reply) Fewer than 701 words long. The reply's word count is under 701.

:func:`dictionary_entry` returns the definition said of the reply ('The reply never uses any of the words ...') with any
later sentence that restates it left in place for the readers that read restatements, and a sentence that only points
back to the entry ('The reply is tactful in this sense.', 'This reply answers to the definition.') read off as a
``riddle`` aside: every word of it must be the headword's, the definition's or a word that points back, and its numbers,
quotations, units and sides are held to the definition's (:func:`rubricc.compiler.lower_riddle.said_again`). The
headword is defined by the entry, so its everyday sense ('tactful') asks for nothing. A definition that is a noun
phrase ('An opening that ...') is left as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_lexicon import words_of
from rubricc.compiler.lower_restated import sentences
from rubricc.compiler.lower_riddle import said_again

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_ENTRY = re.compile(r"^\s*(?P<head>[^\s,.()\"]{1,40}(?:\s[^\s,.()\"]{1,20}){0,2}),\s+(?:adj|n|v|vb|adv)\.\s+"
                    r"\(\s*of\s+an?\s+(?:reply|response|answer)(?:\s*,\s*[^()]{1,40})?\s*\)\s+(?P<body>\S.*)$", _I)
# the third person of a definition's opening -ing word ('Containing' -> 'contains')
_THIRD = {"containing": "contains", "having": "has", "using": "uses", "running": "runs", "consisting": "consists",
          "beginning": "begins", "ending": "ends", "opening": "opens", "closing": "closes", "including": "includes",
          "mentioning": "mentions", "giving": "gives", "repeating": "repeats", "keeping": "keeps", "staying": "stays",
          "showing": "shows", "naming": "names", "finishing": "finishes", "starting": "starts", "carrying": "carries"}
_ING = re.compile(rf"^(?P<never>never\s+)?(?P<v>{'|'.join(_THIRD)})\b", _I)
# a definition said as what the reply is: a participle, an adjective or a bound ('Written in English ...', 'Fewer than 9 words long')
_IS = re.compile(r"^(?:written|wrapped|divided|made|separated|split|composed|set|kept|framed|enclosed|free|devoid|entirely|wholly)\b", _I)
# a bound said bare ('At least 300 words in length', 'Fewer than 9 words long'): read as it is
_BOUND = re.compile(r"^(?:fewer|less|more|at\s+least|at\s+most|exactly|under|over|no\s+more|no\s+fewer)\b", _I)
# the words a sentence pointing back to the entry may use besides the headword's and the definition's own
_BACK = frozenset("the this that these those reply response answer is it its in of so thus by to a an such sense definition "
                  "measure description fits fit answers meets matches satisfies has gives qualifies counts as all them one "
                  "entry term word".split())


def _statement(definition: str) -> str:
    """The definition said of the reply, or '' when it is a noun phrase."""
    d = definition.strip()
    m = _ING.match(d)
    if m:
        return "The reply " + (m.group("never") or "").lower() + _THIRD[m.group("v").lower()] + d[m.end():]
    if re.match(r"^in\s+which\b", d, _I):
        return "In the reply," + d[len("in which"):]
    if _BOUND.match(d):
        return d
    if _IS.match(d):
        return "The reply is " + d[:1].lower() + d[1:]
    return ""


def dictionary_entry(text: str) -> Tuple[str, Asides]:
    """(the definition said of the reply, with the rest of the entry; a ``riddle`` aside for each sentence that points back
    to the entry) for a dictionary entry defining the property; (text, []) for anything else."""
    m = _ENTRY.match(text)
    if not m:
        return text, []
    parts = sentences(m.group("body"))
    said = _statement(parts[0])
    if not said:
        return text, []
    own = set(words_of(m.group("head"))) | set(words_of(parts[0]))
    kept, asides = [said], []
    for part in parts[1:]:
        if set(words_of(part)) - own - _BACK:
            kept.append(part)  # a restatement, or more: read by the readers after this one
        else:  # (the headword is the entry's own term, defined by it: its everyday sense, 'tactful', is no judgement here)
            part = re.sub(rf"(?<![\w-]){re.escape(m.group('head'))}(?![\w-])", "so", part, flags=_I)
            asides.append(("riddle", part))
            asides += said_again(part, said)
    return " ".join(kept), asides
