"""A list of words said as items on a sheet, read as the plain keyword statement.

    Every word of this list is spoken in the reply at least once: "a" and "b".                (a town crier)
    Required items ("a" and "b"): all included in the reply, each at least once.              (a bill's itemised list)
    Restricted items screened ("a" and "b"): none found. Not one of these words appears anywhere in the reply.
    it uses every one of these words: "a" and "b". each shows up at least once               (a group chat)

The list is quoted; the label before a bracketed list names it with words from a closed set (required, restricted,
banned, items ...), so a label that places or scopes the list ('Items in the title') is never read past; the
statement after it is one of a few closed forms. Anything else is left to the other readers.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import QUOTED_LIST

_I = re.IGNORECASE
_IN_REPLY = r"(?:somewhere\s+|anywhere\s+)?in\s+the\s+(?:reply|response)"
_ONCE = r"(?:\s*,?\s*(?:each\s+)?at\s+least\s+once)?"
# 'Every word of this list is spoken in the reply at least once: LIST'
_LIST_SUBJECT = re.compile(
    rf"^\s*(?:every|each)\s+(?:single\s+)?(?:word|one|term|item)\s+(?:of|on|from|in)\s+(?:this|the(?:\s+following)?)\s+list\s+"
    rf"(?:(?:is|gets)\s+(?:spoken|used|found|present|included|written|said|heard)|appears|shows\s+up|turns\s+up)\s+{_IN_REPLY}{_ONCE}"
    rf"\s*:\s*(?P<list>{QUOTED_LIST})\s*[.!]?\s*$", _I)
# a label naming the list ('Required items', 'Restricted items screened'): its words from a closed set only
_LABEL_WORDS = frozenset("required restricted forbidden banned prohibited excluded mandatory needed must-have key items words keywords "
                         "terms list listed screened checked contents".split())
_LABELLED = re.compile(rf"^\s*(?P<label>[A-Za-z][\w-]*(?:\s+[\w-]+){{0,3}})\s*\(\s*(?P<list>{QUOTED_LIST})\s*\)\s*:\s*(?P<said>.+?)\s*$", _I)
_ALL_IN = re.compile(rf"^all\s+(?:included|present|found|used|there)(?:\s+{_IN_REPLY}){_ONCE}\s*[.!]?$", _I)
_NONE_FOUND = re.compile(rf"^none\s+(?:found|present|used|there)(?:\s+{_IN_REPLY})?\s*[.!]"
                         rf"(?:\s+(?:not\s+one|none)\s+of\s+(?:these|them|the(?:se)?\s+words)(?:\s+words)?\s+(?:appears?|is\s+used|occurs?)"
                         rf"(?:\s+anywhere)?(?:\s+{_IN_REPLY})?(?:\s+anywhere)?\s*[.!]?)?$", _I)
# each word of a list said again as a sentence of its own after the inclusion ('... "b". each shows up at least once')
_EACH_AGAIN = re.compile(r"(?<=[.!])\s+each\s+(?:one\s+)?(?:shows\s+up|appears|turns\s+up|is\s+(?:there|used|included))\s+at\s+least\s+once\s*[.!]?\s*$", _I)
_INCLUSION = re.compile(rf"\b(?:uses|contains|includes|mentions)\s+(?:every\s+one|each|all)\s+of\s+these\s+words\s*:\s*{QUOTED_LIST}\s*[.!]$", _I)


def itemised(text: str) -> Optional[str]:
    """The plain keyword statement a list said as items on a sheet makes, or None."""
    m = _LIST_SUBJECT.match(text)
    if m:
        return f"The reply contains each of the words {m.group('list')} at least once."
    m = _LABELLED.match(text)
    if m and set(m.group("label").lower().split()) <= _LABEL_WORDS:
        if _ALL_IN.match(m.group("said")):
            return f"The reply contains each of the words {m.group('list')} at least once."
        if _NONE_FOUND.match(m.group("said")):
            return f"The reply contains none of the words {m.group('list')}."
    m = _EACH_AGAIN.search(text)
    if m and _INCLUSION.search(text[:m.start()]):
        return text[:m.start()]
    return None
