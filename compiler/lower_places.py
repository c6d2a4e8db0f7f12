"""Places a comma is said not to be in, read past (issue 15, round 43, from set 51's voices):

    The reply contains no comma at any point in its text: not in lists, not in numbers, not in quotations.
    This reply runs from start to finish without one single comma. Not in a list, not in a number, nowhere!
    Our sources checked every line, lists and numbers included, and found not one comma anywhere.

A reply without a comma has none in its lists, numbers or quotations either: naming such places after a statement that
the reply has no comma adds nothing, and :func:`places_read_past` drops them. Only a text that speaks of commas and says
there are none is touched; a place said where a comma is, or a place named beside any other requirement, is left alone.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE
_PLACE = r"(?:(?:a|an|any|the)\s+)?(?:lists?|numbers?|figures?|quotations?|quotes?|dates?|headings?|titles?|names?|addresses?|sentences?|lines?)"
_NOT_IN = rf"(?:not|nor)\s+(?:even\s+)?in\s+{_PLACE}"
# ': not in lists, not in numbers, not in quotations' after the statement, ending it
_AFTER = re.compile(rf"\s*[:;,\u2014-]\s*{_NOT_IN}(?:\s*,\s*(?:and\s+|or\s+)?{_NOT_IN})*(?:\s*,\s*(?:and\s+)?nowhere(?:\s+else)?)?\s*(?=[.!]|$)", _I)
# 'Not in a list, not in a number, nowhere!' as a sentence of its own
_SENTENCE = re.compile(rf"(?<=[.!])\s+{_NOT_IN}(?:\s*,\s*(?:and\s+|or\s+)?{_NOT_IN})+(?:\s*,\s*(?:and\s+)?nowhere(?:\s+else)?)?\s*[.!]+(?=\s|$)", _I)
# ', lists and numbers included,'
_INCLUDED = re.compile(rf",\s*{_PLACE}(?:\s*,\s*{_PLACE})*(?:\s*,?\s*and\s+{_PLACE})?\s+included\s*,", _I)
# the statement that there is no comma: 'no comma', 'without (one|a) (single) comma', 'not one comma', 'comma-free'
_NO_COMMA = re.compile(r"\b(?:no|zero|without\s+(?:a|one|any)(?:\s+single)?|not\s+(?:a|one)(?:\s+single)?)\s+commas?\b|\bcomma-free\b", _I)


def places_read_past(text: str) -> str:
    """``text`` less the places it says a comma is not in, when it says the reply has no comma; else ``text``."""
    if not _NO_COMMA.search(text):
        return text
    out = _SENTENCE.sub("", text)
    out = _AFTER.sub("", out)
    out = _INCLUDED.sub(",", out)
    return out
