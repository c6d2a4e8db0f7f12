"""A primary-school teacher's end-of-term report on the reply as a pupil, from set 47's fourth voice (issue 15, round
39), read as the plain statement in its comment:

    Punctuation: I am pleased to report that the reply has written its whole piece without a single comma. I could not
    find one anywhere in its work.
    Vocabulary: the reply has used "cat" and "dog" in its work; I found each one.
    Writing: the reply has learned to be concise, using fewer than 10 sentences in all.
    Modern languages: the reply has written its whole answer in Russian, and only in Russian. Excellent progress.

:func:`school_report` returns the comment said of the reply, with the subject heading (one of a school's subjects) as a
``label`` aside: the teacher's lead ('I am pleased to report that') is read as a referee's
(:func:`rubricc.compiler.lower_referee.vouched`), the pupil's 'work' is the reply, what it 'has learned to' or
'remembers to' do it does, and praise after it ('Excellent progress.', 'Keep it up.') asks for nothing. A finding said
after it ('I found each one', 'I could not find one anywhere in its work') is a ``finding`` aside the check must bear out.
A heading that is no school subject leaves the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_referee import vouched
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
# a school's subjects, as a report's headings name them
_SUBJECTS = (r"(?:Punctuation|Handwriting|Vocabulary|Organisation|Organization|Presentation|Letter\s+writing|Modern\s+languages|"
             r"(?:Extended\s+|Creative\s+)?[Ww]riting|Listening|Speaking|Comprehension|Computing|Spelling|Grammar|Reading|English|"
             r"French|Spanish|German|Art|Music|Mathematics|Maths|Science|History|Geography)")
_REPORT = re.compile(rf"^\s*(?P<subject>{_SUBJECTS})\s*:\s+(?P<comment>\S.*)$", re.S)
# praise after the comment: asks for nothing
_PRAISE = re.compile(r"\s*(?:(?:Excellent|Good|Great|Very\s+good|Pleasing)\s+progress|Keep\s+it\s+up|Well\s+done|A\s+fine\s+effort)\s*[.!]\s*$", _I)
# what the pupil has learned to do, remembers to do, now does: it does
_LEARNED = re.compile(r"^(the\s+reply)\s+(?:has\s+learned\s+to|has\s+learnt\s+to|remembers\s+to|now\s+(?=\w+s\b))\s*(?P<verb>[a-z]+)\b", _I)
# the pupil's work is the reply
_WORK = [(re.compile(r"\bin\s+(?:its|the)\s+work\b", _I), "in it"), (re.compile(r"\bthe\s+reply's\s+work\b", _I), "the reply"),
         (re.compile(r"\bits\s+work\b", _I), "it")]
# a finding after the comment, in its own sentence or after a semicolon
_FINDING = re.compile(r"\s*(?:;|\.)\s+(?P<f>I\s+(?:found\s+(?:each|every|all)\s+(?:one|of\s+them)|found\s+them\s+all|could\s+not\s+find\s+"
                      r"(?:one|any|a\s+single\s+one)\s+anywhere(?:\s+in\s+it)?))\s*\.?\s*$", _I)


def school_report(text: str) -> Tuple[str, Asides]:
    """(the comment said of the reply, with the subject as a ``label`` aside and any finding); (text, []) when the
    criterion is no school report's line."""
    m = _REPORT.match(text)
    if not m:
        return text, []
    comment = _PRAISE.sub("", m.group("comment").strip())
    for pattern, plain in _WORK:
        comment = pattern.sub(plain, comment)
    asides: Asides = [("label", m.group("subject"))]
    found = _FINDING.search(comment)
    if found:
        comment = comment[:found.start()] + "."
        asides.append(("finding", found.group("f")))
    said, lead = vouched(comment)
    said = _LEARNED.sub(lambda t: f"{t.group(1)} {'is' if t.group('verb').lower() == 'be' else third(t.group('verb'))}", said.strip(), count=1)
    if said == m.group("comment").strip() and len(asides) == 1:
        return text, []  # nothing of a report read: as it is
    return cap(said), asides + lead
