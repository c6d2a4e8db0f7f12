"""Two voices that speak of the reply through someone else (issue 15, round 22), said as the other readers read them.

- A **past-tense report** of what the model did: 'The model wrote the entire reply without a single comma', 'The
  model's answer contained "x" at least 6 times', 'The model wrote exactly 2 paragraphs and opened the second with
  "so"'. :func:`present` says it in the present tense ('The model writes ...'), as the readers of the model's voice
  read it. Only the verbs of :data:`_PAST` after the model (or its answer) and after 'and' are changed; a report that
  says what the model did not do ('The model did not ...', 'never') is None: not read here.
- The **user as the subject**: 'The user receives a reply with no commas', 'The user sees the letter l 5 or more times
  in the reply', 'The last thing the user reads is the exact phrase "x"'. :func:`from_user` says it of the reply or of
  the model that gives it ('The model gives a reply with no commas', 'The reply contains the letter l 5 or more
  times', 'The reply ends with the exact phrase "x"'). A negated verb ('The user does not see ...', 'never sees') and
  a user who does something with the reply beyond receiving or reading it ('The user can act on it') are None.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans
from rubricc.compiler.lower_wish import PAST_TENSE

_I = re.IGNORECASE
# the verbs of a report: the self-check's (lower_wish.PAST_TENSE) and those a report of the model adds
_PAST = {**PAST_TENSE, "produced": "produces", "ran": "runs", "worked": "works", "said": "says", "contained": "contains",
         "left": "leaves", "returned": "returns", "steered": "steers", "made": "makes", "included": "includes",
         "labelled": "labels", "labeled": "labels", "marked": "marks", "placed": "places", "inserted": "inserts",
         "listed": "lists", "delivered": "delivers", "replied": "replies", "refrained": "refrains", "restricted": "restricts",
         "held": "holds", "had": "has", "was": "is", "were": "are", "did": "does", "came": "comes", "went": "goes",
         "showed": "shows"}
_MODEL = re.compile(r"^\s*(?P<s>(?:the|this)\s+(?:model|assistant|policy|system|chatbot|bot|ai)(?:'s\s+(?:(?:whole|entire|full|final)\s+)?"
                    r"(?:answer|reply|response|output|text))?)\s+(?P<v>[a-z]+)\b", _I)
_NEGATED = re.compile(r"\b(?:not|never|n't|no\s+longer)\b", _I)


# the participles a present-perfect report uses where they differ from the past tense ('The assistant has written ...')
_PARTICIPLES = {"written": "writes", "begun": "begins", "given": "gives", "chosen": "chooses", "done": "does", "shown": "shows",
                "come": "comes", "gone": "goes", "made": "makes", "run": "runs"}


def present(text: str) -> Optional[str]:
    """A past-tense report of what the model did (or a present-perfect one: 'The assistant has kept ...'), said in the
    present tense; None when ``text`` is not one."""
    text = _perfect(text)
    m = _MODEL.match(text)
    if m is None or m.group("v").lower() not in _PAST or m.group("v").lower() in ("did",):
        return None
    head = text[:m.start("v")] + _PAST[m.group("v").lower()]
    rest = text[m.end("v"):]
    spans = quote_spans(rest)
    if re.match(r"\s*(?:not|never)\b", rest, _I):
        return None  # 'The model wrote not a single ...' / 'never': not read here

    marks = [i for i, ch in enumerate(rest) if ch in "\"\u201c\u201d"]

    def later(v: re.Match) -> str:
        if in_quotes(spans, v.start()) or marks and marks[0] < v.start() < marks[-1]:
            return v.group(0)  # (between the first and last quotation mark: quoted data, nested quotations and all)
        return v.group(1) + _PAST[v.group(2).lower()]

    stop = data_colon(rest)  # the data after a colon (a request to repeat) is quoted as it is
    rest = re.sub(r"(,?\s+and\s+(?:then\s+)?)(" + "|".join(_PAST) + r")\b", later, rest[:stop], flags=_I) + rest[stop:]
    return head + rest


_DOC = r"(?:reply|response|answer|output|text)"
_USER = r"(?:the\s+)?(?:user|reader|asker|requester|person\s+asking)"
# 'The user receives / gets / is handed X' -> 'The model gives X'
_RECEIVES = re.compile(rf"^\s*{_USER}\s+(?:receives|gets|is\s+(?:handed|given|sent|shown|served)|obtains|ends\s+up\s+with)\s+(?P<x>\S.*)$", _I | re.S)
# 'The user receives a reply that is X' -> 'The reply is X'
_RECEIVES_DOC = re.compile(rf"^(?:a|an|the)\s+(?:(?P<lang>[A-Z][a-z]+)\s+)?(?P<doc>{_DOC})\s+(?:that|which)\s+(?P<x>(?:is|has|contains|uses|ends|begins|starts)\b.*)$", re.S)
_RECEIVES_LANG = re.compile(rf"^(?:a|an)\s+(?P<lang>[A-Z][a-z]+)\s+{_DOC}\s+in\s+which\s+(?P<x>\S.*)$", re.S)
# 'The user sees / finds / comes across / runs into X (in the reply)' -> 'The reply contains X'
_SEES = re.compile(rf"^\s*(?:(?:when\s+)?reading\s+the\s+{_DOC}\s*,\s*)?{_USER}\s+(?:can\s+)?(?:sees|see|finds|find|comes\s+across|come\s+across|meets|"
                   r"runs\s+into|encounters|spots|spot|notices|reads|counts)\s+(?P<x>\S.*?)"
                   rf"(?:\s+(?:anywhere\s+|somewhere\s+)?in\s+the\s+{_DOC})?(?P<rest>(?:\s*,[^.]*)?)\s*[.]?\s*$", _I | re.S)
# 'The first / last thing the user sees / reads is X' -> 'The reply begins / ends with X'; 'What the user reads runs to X'
_FIRST_LAST = re.compile(rf"^\s*the\s+(?P<end>first|last|final|opening|closing)\s+(?:thing|words?|text|line)\s+{_USER}\s+(?:sees|reads|gets)"
                         rf"(?:\s+in\s+the\s+{_DOC})?\s+(?:is|are)\s+(?P<x>\S.*)$", _I | re.S)
_WHAT = re.compile(rf"^\s*what\s+{_USER}\s+(?:reads|receives|gets|sees)\s+(?P<x>(?:runs|is|has|contains|comes)\b.*)$", _I | re.S)


def from_user(text: str) -> Optional[str]:
    """A criterion with the user as the subject, said of the reply or the model that gives it; None when it is not
    one."""
    t = text.strip()
    if _NEGATED.search(QUOTE_RE.sub("", t.split(",")[0][:60])) and re.search(rf"{_USER}\s+(?:does\s+not|doesn't|never|cannot|can't)", t, _I):
        return None
    m = _FIRST_LAST.match(t)
    if m:
        verb = "begins" if m.group("end").lower() in ("first", "opening") else "ends"
        return f"The reply {verb} with {m.group('x')}"
    m = _WHAT.match(t)
    if m:
        return f"The reply {m.group('x')}"
    m = _RECEIVES.match(t)
    if m:
        x = m.group("x")
        x = re.sub(r",?\s+and\s+can\s+(?:load|parse|read|open)\s+it\s+with\s+a\s+json\s+parser", "", x, flags=_I)
        d = _RECEIVES_LANG.match(x)
        if d:
            return f"The reply is in {d.group('lang')}, and {d.group('x')}"
        d = _RECEIVES_DOC.match(x)
        if d:
            lang = f", in {d.group('lang')}," if d.group("lang") else ""
            return f"The {d.group('doc')}{lang} {d.group('x')}"
        return f"The model gives {x}"
    m = _SEES.match(t)
    if m and not re.match(r"(?:none|nothing|anything)\b", m.group("x"), _I):
        return cap(f"the reply contains {m.group('x')}{m.group('rest')}".rstrip(" ,")) + "."
    return None


_PERFECT = re.compile(r"(?P<aux>\b(?:has|have)\s+)(?P<v>[a-z]+)\b", _I)


def _perfect(text: str) -> str:
    """A present-perfect report of the model in the past tense ('The assistant has kept X out and has begun Y' -> 'The
    assistant kept X out and began Y'); ``text`` as it is when it is not one (the auxiliary right after the model, and
    after 'and', outside quotations)."""
    m = _MODEL.match(text)
    if m is None or m.group("v").lower() not in ("has", "have"):
        return text
    spans = quote_spans(text)
    past = {v: k for k, v in _PAST.items()}

    def simple(p: re.Match) -> str:
        v = p.group("v").lower()
        if in_quotes(spans, p.start()) or not (p.start() == m.start("v") or re.search(r"(?:,\s*|\s)and\s+$", text[:p.start()])):
            return p.group(0)
        if v in _PAST and v not in ("had", "was", "were", "did"):
            return p.group("v")
        return past.get(_PARTICIPLES[v], p.group(0)) if v in _PARTICIPLES else p.group(0)

    stop = data_colon(text)
    return _PERFECT.sub(simple, text[:stop]) + text[stop:]
