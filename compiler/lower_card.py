"""A personal trainer's workout card, from set 43's voices (issue 15, round 35), read as the plain statement in it:

    Minimum reps: "tide" x3. Count every use in the reply, any case; 3 or more.
    Cap: under 9 sentences total. Count every sentence in the reply and finish below 9.
    Banned moves: cheap, deal. None of these words appears in the reply as a whole word, any case. Zero uses.

:func:`carded` returns the statement and the asides. A card's line is a label ('Minimum reps:', 'Cap:', 'Drill:',
'Warm-up:', 'Banned moves:', 'Checklist set:', 'Language:'), the exercise, and the count said again as the trainer
tallies it; the label's side (a minimum from below, a cap from above) and the count said again must be the label's
bound, else a veto. What the card says of the reply is read as the rules read it; a line in any other form is left to
the other readers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTED_ITEM, quoted_words

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q = QUOTED_ITEM
_WORDS = r"[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*){0,19}"
_VETO = [("veto", "a card's count said again as another bound")]

# 'Minimum reps: <what> xN. <tally>; N or more.' / 'Minimum reps: N sentences. The reply hits N or more.'
_MINIMUM = re.compile(r"^\s*minimum\s+reps\s*:\s*(?:(?P<what>(?:the\s+)?(?:letter\s+)?" + _Q + r"|all-caps\s+words)\s+x\s*(?P<n>\d+)|(?P<n2>\d+)\s+(?P<unit>sentences|words|paragraphs))"
                      r"\s*\.\s*(?P<tally>[^;]*?)[;,]?\s*(?:(?:and\s+)?hit\s+|the\s+reply\s+hits\s+)?(?P<again>\d+)\s+or\s+more\s*\.?\s*$", _I)
# 'Cap: <what> under N (times). <tally> and stay/finish below N.' / 'Cap: all-caps words stay under N.'
_CAP = re.compile(r"^\s*cap\s*:\s*(?P<what>(?:the\s+)?(?:letter\s+)?" + _Q + r"|all-caps\s+words(?:\s+stay)?|under)\s*(?:under\s+)?(?P<n>\d+)(?:\s+times)?(?P<unit>\s+(?:sentences|words)(?:\s+total)?)?"
                  r"\s*\.\s*(?P<tally>[^.]*?)\s*,?\s*(?:and\s+)?(?:stay|finish|stop)\s+(?:below|under|before)\s+(?P<again>\d+)\s*\.?\s*$", _I)
_BANNED = re.compile(rf"^\s*banned\s+moves\s*:\s*(?P<w>{_WORDS})\s*\.\s*none\s+of\s+these\s+words\s+appears\s+in\s+the\s+reply(?P<notes>[^.]*)\.\s*(?:zero\s+uses\s*\.?)?\s*$", _I)
_CHECKLIST = re.compile(rf"^\s*checklist\s+set\s*:\s*(?P<w>{_WORDS})\s*\.\s*every\s+one\s+of\s+these\s+words\s+shows\s+up\s+in\s+the\s+reply\s+at\s+least\s+once(?P<notes>[^.]*)\.?\s*$", _I)
_WARM_UP = re.compile(r"^\s*warm-up\s*:\s*the\s+very\s+first\s+thing\s+in\s+the\s+reply\s+is\s+the\s+request\s+copied\s+out\s+word\s+for\s+word\s*:\s*"
                      r"\"(?P<req>\S.*)\"\s*\.\s*no\s+words\s+before\s+it\s*,\s*no\s+changes\s+in\s+it\s*\.\s*main\s+set\s+after\s+that\s*:\s*the\s+answer\s*\.?\s*$", _I)
_LANGUAGE = re.compile(r"^\s*language\s*:\s*(?P<lang>[A-Z][a-z]+)\s+only\s*\.\s*whole\s+reply\s+in\s+(?P=lang)\s*,\s*start\s+to\s+finish\s*;\s*no\s+switching\s*\.?\s*$", _I)
_DRILL = re.compile(r"^\s*drill\s*:\s*comma-free\s*\.\s*whole\s+reply\s*,\s*first\s+word\s+to\s+last\s*,\s*zero\s+commas\s*\.\s*the\s+set\s+only\s+counts\s+at\s+0\s*\.?\s*$", _I)
_FORMAT = re.compile(r"^\s*format\s+drill\s*:\s*whole\s+reply\s*=\s*valid\s+JSON\s*\.\s*optional\s+```\s+fences\s+around\s+it\s*;\s*zero\s+text\s+outside\s*\.?\s*$", _I)
_CASE_SET = re.compile(r"^\s*(?P<set>low-intensity|max-effort)\s+set\s*:\s*(?P<lang>[A-Z][a-z]+)\s*,?\s+(?:the\s+whole\s+way\s*,\s*lowercase\s+letters\s+only|all\s+caps\s*,\s*start\s+to\s+finish)"
                       r"\s*\.\s*(?:capital\s+letters\s+from\s+first\s+rep\s+to\s+last|every\s+letter\s+uppercase\s*;\s*lowercase\s+letters)\s*:\s*0\s*\.?\s*$", _I)


def _notes(notes: str) -> str:
    whole = " as a whole word" if re.search(r"\bwhole\s+word\b", notes, _I) else ""
    case = ", in any case" if re.search(r"\bany\s+case\b", notes, _I) else ""
    return whole + case


def _counted(what: str, rel: str) -> str:
    if re.match(r"all-caps\s+words", what, _I):
        return f"The reply has {rel} words in all capital letters."
    q = re.search(_Q, what).group()
    unit = "letter" if re.search(r"\bletter\b", what, _I) else "word"
    return f"The {unit} {q} appears {rel} times in the reply, in any case."


def carded(text: str) -> Tuple[str, Asides]:
    """(the statement on a workout card's line, its asides); (text, []) when it is none."""
    got = _card(text)
    return got if got is not None else (text, [])


def _card(text: str) -> Optional[Tuple[str, Asides]]:
    m = _MINIMUM.match(text)
    if m:
        n = m.group("n") or m.group("n2")
        if m.group("again") != n:
            return text, _VETO
        if m.group("unit"):
            return f"The reply has {n} or more {m.group('unit').lower()}.", []
        return _counted(m.group("what"), f"{n} or more"), []
    m = _CAP.match(text)
    if m:
        if m.group("again") != m.group("n"):
            return text, _VETO
        what = m.group("what")
        if m.group("unit"):
            return f"The reply has fewer than {m.group('n')} {m.group('unit').split()[0].lower()}.", []
        return (_counted(what, f"fewer than {m.group('n')}"), []) if what.lower() != "under" else None
    m = _BANNED.match(text)
    if m:
        return f"The reply uses none of the words {quoted_words(m.group('w').split(','))}{_notes(m.group('notes'))}.", []
    m = _CHECKLIST.match(text)
    if m:
        return f"The reply contains each of the keywords {quoted_words(m.group('w').split(','))} at least once{_notes(m.group('notes'))}.", []
    m = _WARM_UP.match(text)
    if m:
        return ("The reply first repeats the request word for word, with no words before it and no changes in it, then gives the answer. "
                f"The request to repeat: {m.group('req')}"), []
    m = _LANGUAGE.match(text)
    if m:
        return f"The reply is entirely in {m.group('lang')}, with no other language.", []
    if _DRILL.match(text):
        return "The reply has no commas.", []
    if _FORMAT.match(text):
        return "The whole reply is valid JSON, with or without a code fence, with nothing else in it.", []
    m = _CASE_SET.match(text)
    if m:
        case = "every letter lowercase, no capital letters" if m.group("set").lower() == "low-intensity" else "every letter uppercase, no lowercase letters"
        return f"The reply is in {m.group('lang')}, {case}.", []
    return None
