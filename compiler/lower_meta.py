"""A grader's frame of words about grading only, put before a plain statement of the reply (issue 15, round 27): 'It is
confirmed here that the response has no commas', 'The requirement is met: the answer contains at least 300 words',
'Award the point when the reply ends with "Bye."' are the statement after the frame.

The frame is every word before the statement's subject ('the response', 'the reply', ...), and each of its words must be
one of :data:`META`, at least one of them more than a function word: words about an item, a grade or the instruction
that say the item is met ('If the response ...' is a condition, not such a frame; never a negation, a
failure, a penalty, a person or a topic: 'It is not true that the reply ...', 'Deduct a point if the reply ...', 'When
the user asks, the reply ...' are no such frame). No quotation and no number may sit in the frame. Nothing after the
subject is changed: the other readers decide whether the statement is a check.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, data_colon

_I = re.IGNORECASE
_SUBJECT = re.compile(r"\b(?:the|this|its|your)\s+(?:(?:whole|entire|full|final|complete)\s+)?(?:response|reply|answer|output|completion|"
                      r"submission)\b", _I)
# the frame's words that are not about grading: a frame of these alone ('If the response ...', 'When the reply ...') is a
# condition, not a grader's frame
GLUE = frozenset("""
a an the this that these it its is are be been being was were does do did has have here so then also indeed truly really
actually fully certainly clearly simply just only and on in with to of for by as per when whenever if iff once where
""".split())
# words about grading that say the item is met, and the words that join them
META = GLUE | frozenset("""
item items criterion criteria check checks requirement requirements rubric point points credit mark marks score grade
rating instruction instructions request prompt spec specification task brief constraint rule test standard box
satisfies satisfied satisfy satisfying meets met meet meeting passes passed pass passing fulfils fulfills fulfilled fulfil
fulfill complies comply compliant compliance adherence adheres adhere conforms conform conformance conformity means mean
confirmed confirm confirms verified verify verifies true yes correct earns earned earn awarded award awards given give
gives granted grant full requires required holds held counts counted considered deemed judged regarded treated
inspection inspected examination examined review reviewed checking checked reading upon closer
""".split())


# what a grader's verdict or scale says after the statement (read by the voice readers, whole: never here)
_VERDICT = re.compile(r"\b(?:otherwise|else|unless|partial|half|deduct\w*|penal\w*|fail\w*|lose\w*|loses|mark\s+(?:it\s+)?(?:no|yes|pass|fail)|"
                      r"no\s+(?:credit|points?|marks?)|zero)\b", _I)


def meta_framed(text: str) -> Optional[str]:
    """The statement after a frame of grading words only, else None (also when a voice reader reads the criterion, or a
    verdict or scale follows the statement)."""
    from rubricc.compiler.lower_wish import read_voice

    head = text[:data_colon(text)]
    if _VERDICT.search(QUOTE_RE.sub(" ", head)):
        return None
    core, asides = read_voice(text)
    if asides or core.strip() != text.strip():
        return None
    quotes = [q.span() for q in QUOTE_RE.finditer(head)]
    for m in _SUBJECT.finditer(head):
        if m.start() == 0 or any(a <= m.start() < b for a, b in quotes):
            continue
        frame = text[:m.start()]
        if QUOTE_RE.search(frame) or re.search(r"\d", frame):
            return None
        words = re.findall(r"[a-z]+(?:'[a-z]+)?", frame.lower())
        if not words or any(w not in META for w in words) or all(w in GLUE for w in words) or re.search(r"[^\w\s,:;\u2014\u2013-]", frame):
            return None
        return cap(text[m.start():].strip())
    return None
