"""A text adventure's transcript, from set 45's voices (issue 15, round 37): a parser command, then the game's answer in
the second person, said of the reply:

    > SEARCH REPLY FOR COMMA. You search every line of the reply. There is no comma here, not a single one.
    > SEARCH REPLY. You find each of the words "cat" and "dog" somewhere in the text of the reply.
    > EXAMINE BRACKETS. You find at least 2 placeholders in square brackets, such as [name], scattered about the reply.

:func:`transcript` reads the command off (a label: the rules check it names nothing else) and says the game's answer as
a statement about the reply: a search of the whole reply is only how to look; 'There is no X here' and 'You see no X'
are the reply having no X; 'You count the X in the reply.' then 'There are exactly 3.' is the reply having exactly 3 X
(any other sentence after it vetoes); 'You find X (somewhere) in the reply' is the reply containing X. Any other sentence
of the answer is left for the rules to read as it is; a sentence in the second person that is none of these vetoes
('> READ REPLY. You find the reply rude. There are no commas here.' stays neural).
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import sentences

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
# the command: '>' and words in capitals, a quoted word among them ('> COUNT "schedule".')
_COMMAND = re.compile(r"^\s*>\s*(?P<cmd>[A-Z]+(?:\s+(?:[A-Z]+|\"[^\"\n]{1,40}\"|'[^'\n]{1,40}'))*)\s*[.!]\s+(?P<rest>\S.*)$", re.S)
_REPLY = r"(?:the\s+(?:(?:whole|entire|full)\s+)?(?:reply|response))"
# how to look at the whole reply: 'You search every line of the reply.'
_LOOKING = re.compile(rf"^you\s+(?:search|examine|read|scan|check|look\s+(?:at|over|through)|go\s+through)\s+(?:every\s+line\s+of\s+|all\s+of\s+|through\s+)?{_REPLY}\s*\.?$", _I)
# 'There is no comma here, not a single one.'
_NONE_HERE = re.compile(r"^there\s+(?:is|are)\s+no\s+(?P<x>[a-z][a-z -]{0,40}?)\s+(?:here|in\s+it|anywhere)(?P<more>\s*,\s*not\s+(?:a\s+single|even\s+one)(?:\s+one)?)?\s*\.?$", _I)
# 'You see no lowercase letter anywhere.'
_SEE_NO = re.compile(r"^you\s+(?:see|find|spot|notice)\s+no\s+(?P<x>\S.*?)\s*\.?$", _I)
# 'You count the markdown bullet points in the reply (...).' then 'There are exactly 3.': one count
_COUNT_THEN = re.compile(rf"^you\s+count\s+the\s+(?P<x>[a-z][^.]*?)\s+in\s+{_REPLY}(?P<note>\s*\([^()]*\))?\s*\.?$", _I)
_THERE_ARE = re.compile(r"^there\s+(?:are|is)\s+(?P<c>(?:exactly\s+|at\s+least\s+|fewer\s+than\s+|no\s+more\s+than\s+)?\d+(?:\s+or\s+(?:more|fewer))?)\s*\.?$", _I)
# 'You find X somewhere in the text of the reply.', 'You count X in the reply.'
_FIND = re.compile(rf"^you\s+(?:find|see|spot|count)\s+(?P<x>\S.*?)\s*,?\s+(?:(?:somewhere|anywhere)\s+)?(?:in\s+the\s+text\s+of|in|(?:scattered\s+)?(?:about|around|across|throughout))\s+{_REPLY}\s*\.?$", _I)


def transcript(text: str) -> Tuple[str, Asides]:
    """(the game's answer said of the reply, the command as a label); (text, []) when it is no transcript."""
    m = _COMMAND.match(text)
    if not m:
        return text, []
    out: List[str] = []
    counted = None
    for sentence in sentences(m.group("rest")):
        bare = sentence.strip()
        if counted is not None:  # the count said after 'You count the X in the reply.'
            there = _THERE_ARE.match(bare)
            if there is None:
                return text, [("veto", "a count the game's answer does not give")]
            out.append(f"The reply has {there.group('c')} {counted.group('x')}{counted.group('note') or ''}.")
            counted = None
            continue
        if _LOOKING.match(bare):
            continue
        if _COUNT_THEN.match(bare):
            counted = _COUNT_THEN.match(bare)
            continue
        see_no = _SEE_NO.match(bare)
        if see_no:
            out.append(f"The reply has no {see_no.group('x')}.")
            continue
        none = _NONE_HERE.match(bare)
        found = _FIND.match(bare)
        if none:
            out.append(f"The reply has no {none.group('x')}.")
        elif found:
            out.append(f"The reply contains {found.group('x')}.")
        elif re.match(r"you\b", bare, _I):
            return text, [("veto", "a game's answer no reader reads")]  # a second-person sentence no rule here reads
        else:
            out.append(bare if re.search(r"[.!?\"\u201d']$", bare) else bare + ".")
    if not out or counted is not None:
        return text, [] if not out and counted is None else [("veto", "a count the game's answer does not give")]
    return " ".join(out), [("label", m.group("cmd"))]
