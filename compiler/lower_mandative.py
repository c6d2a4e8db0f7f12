"""A requirement said impersonally with the subjunctive (issue 15, round 22): 'It is necessary that the whole response be
enclosed in double quotation marks' is 'The whole response is enclosed in double quotation marks'.

:func:`indicative` returns the clause after 'It is necessary / essential / important / required / vital / crucial /
imperative / mandatory / expected that', its subjunctive verb said in the indicative ('be' -> 'is' or 'are', 'occur' ->
'occurs', 'not contain' -> 'does not contain'); a clause whose verb is already finite ('contains', 'must contain') is
returned as it is. A negated frame ('It is not necessary that ...') is not read here (None): the requirement is waived.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_canon import third

_I = re.IGNORECASE
_FRAME = re.compile(r"^\s*(?:it\s+is|it's)\s+(?:(?:absolutely|strictly|really|very)\s+)?(?:required|mandatory|essential|necessary|expected|"
                    r"important|vital|crucial|imperative|critical|key)\s+that\s+(?P<clause>\S.*)$", _I | re.S)
# verbs a requirement's clause uses, in their base form
_BASE = {"be", "occur", "appear", "contain", "include", "use", "have", "end", "begin", "start", "open", "consist", "stay",
         "remain", "avoid", "show", "mention", "repeat", "follow", "finish", "close", "come", "keep", "feature", "carry", "hold",
         "wrap", "provide", "give", "offer", "list", "say", "run", "go", "turn", "reach", "exceed", "stick", "steer", "refrain",
         "fit", "read", "make", "put", "place", "separate"}
_DETERMINER = {"the", "a", "an", "its", "their", "this", "that", "each", "every", "any", "no", "of", "to", "for", "in", "on"}
_PLURAL_SUBJECT = re.compile(r"^(?:(?:at\s+(?:least|most)|exactly|no\s+(?:more|fewer|less)\s+than|fewer\s+than|more\s+than|less\s+than|"
                             r"over|under|up\s+to)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|all|both|many|several)\s+", _I)


def indicative(text: str) -> Optional[str]:
    """The clause of an impersonal requirement in the indicative, or None when ``text`` is not one."""
    m = _FRAME.match(text)
    if m is None:
        return None
    clause = m.group("clause")
    words = list(re.finditer(r"[A-Za-z']+|\"[^\"]*\"|'[^']*'|\S", clause))
    for i, w in enumerate(words):
        token = w.group(0)
        low = token.lower()
        if i == 0 or low not in _BASE and low != "not":
            if low in ("must", "should", "shall", "will", "can", "may", "is", "are", "does", "do", "has") or \
                    re.fullmatch(r"[a-z]+(?:s|ed)", low) and i > 0 and low not in _BASE and _verbish(low):
                return clause  # a finite verb first: already indicative
            continue
        prev = words[i - 1].group(0).lower()
        if prev in _DETERMINER:
            continue  # 'the use of', 'to begin with': not the clause's verb
        if low != "not" and i + 1 < len(words) and words[i + 1].group(0).lower() in _BASE | {"not"}:
            continue  # 'the word list stay short': a noun before the verb
        subject = clause[:w.start()].rstrip(", ")
        plural = bool(_PLURAL_SUBJECT.match(subject))
        if low == "not":
            if i + 1 >= len(words) or words[i + 1].group(0).lower() not in _BASE:
                return None
            verb = words[i + 1].group(0).lower()
            said = ("are not" if plural else "is not") if verb == "be" else ("do not " if plural else "does not ") + verb
            return subject + " " + said + clause[words[i + 1].end():]
        said = ("are" if plural else "is") if low == "be" else (low if plural else third(low))
        return subject + " " + said + clause[w.end():]
    return None


def _verbish(word: str) -> bool:
    """A word ending in -s or -ed whose stem is one of the clause verbs ('contains', 'occurred', 'ends')."""
    for stem in (word[:-1], word[:-2], word[:-3] if word.endswith("ies") else "", word[:-2] + "e" if word.endswith("ed") else ""):
        if stem in _BASE:
            return True
    return False
