"""A label and a short summary before the statement, from set 44's voices (issue 15, round 36), read as the statement:

    Minimum size: 50 sentences. A legal reply measures at least 50 sentences.
    Dose: under 701 words. The reply is dispensed at fewer than 701 words in total.
    Parts in box: 3 bullet points (markdown, * or -). Count them: the reply should have exactly three ...

A field label ('Minimum size', 'Dose', 'Parts in box') and a few words summing up the requirement come first, the
statement after. :func:`summarised` returns the statement, the label and the summary as label asides (each must read as no other
check; the summary's numbers are checked here). The summary must not say more than the statement: every number in it must be
the statement's, and a bound the label or summary names ('under', 'Minimum size', 'Max. dose') must be on the
statement's side; else it vetoes. A summary with no number in it, of more than a dozen words, or with a quotation, is
left to the other readers. :func:`rubricc.compiler.lower.lower_rules_only` tries this reading only when nothing is read
with the lead in (the summary may be the requirement and the sentence after it a note: 'More is acceptable.').
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE, number_words_to_digits

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_LEAD = re.compile(r"^\s*(?P<label>[A-Z][\w'-]*\.?(?:,?\s+(?:[\w'-]+\.?|\"[^\"\n]{1,30}\"|'[^'\n]{1,30}'|\u201c[^\u201d\n]{1,30}\u201d)){0,5})\s*:\s*(?P<summary>[^.;:\"\u201c\n]{1,90}?)\s*\.\s+(?P<said>[A-Z].*)$", re.S)
_LESS = re.compile(r"\b(?:under|below|fewer|less|max|maximum|limit|cap|ceiling|at\s+most|no\s+more|up\s+to)\b", _I)
_MORE = re.compile(r"\b(?:minimum|min|at\s+least|or\s+more|over|no\s+fewer|no\s+less|floor)\b", _I)
_REL_LESS = re.compile(r"\b(?:under|below|(?<!no\s)(?<!not\s)(?:fewer|less)\s+than|at\s+most|no\s+(?:more|higher)\s+than|not\s+(?:more|higher)\s+than|up\s+to|or\s+fewer|or\s+less|maximum|max)\b", _I)
_REL_MORE = re.compile(r"\b(?:at\s+least|or\s+(?:more|higher|above|greater)|(?:no|not)\s+(?:fewer|less|lower)\s+than|minimum|(?<!no\s)(?<!not\s)more\s+than|over)\b", _I)
_VETO = [("veto", "a summary that says more than its statement")]


def summarised(text: str) -> Tuple[str, Asides]:
    """(the statement after a label and its summary, its asides); (text, []) when the text has no such lead."""
    got = _summarised(text)
    return got if got is not None else (text, [])


def _summarised(text: str) -> Optional[Tuple[str, Asides]]:
    m = _LEAD.match(text)
    if not m or len(m.group("summary").split()) > 12:
        return None
    summary, said = m.group("summary"), m.group("said")
    numbers = set(re.findall(r"\d+", number_words_to_digits(summary.lower())))
    if not numbers:
        return None  # 'Obs.: the tone seemed friendly throughout. Commas seen: none.': no count summed up, maybe a requirement
    if not numbers <= set(re.findall(r"\d+", number_words_to_digits(said.lower()))):
        return text, _VETO
    if not set(QUOTE_RE.findall(m.group("label"))) <= set(QUOTE_RE.findall(said)):
        return text, _VETO  # 'Minimum catch of "tide": 6. ... count of "schedule" ...': the label's data is not the statement's
    lead = f"{m.group('label')} {summary}"
    if numbers and (_LESS.search(lead) and not _REL_LESS.search(said) or _MORE.search(lead) and not _REL_MORE.search(said)):
        return text, _VETO
    return said, [("label", m.group("label")), ("label", summary)]
