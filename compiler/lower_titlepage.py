"""An early-modern book's title page, from set 46's sixth voice (issue 15, round 38), read as the plain statement its
description of the reply makes:

    A REPLY, Entirely free of "a" and "b", in great Letters or small, from the first Word to the last.
    A SPARING REPLY, Wherein the Word "x" occurreth fewer than two Times in all, in Letters great or small.
    A REPLY IN SEVERAL SECTIONS; Not fewer than three in Number, every one of them marked at its Beginning with SECTION ...
    THE TITLED REPLY; Or, A Reply bearing a Title inclosed in double angular Brackets, after this Fashion: <<poem>>.

:func:`title_page` returns the statement and the title as a ``title`` aside (a name: no content, and no other check:
:func:`rubricc.compiler.lower._aside_agrees`). The title is the capitalised run before the first stop, naming a reply, a
response, an answer or an account; its adjective for a count's side ('A SPARING REPLY', 'A QUIET REPLY', 'A LARGE
REPLY') must be borne out by the bound, else a veto, and a bare count after it counts the unit it names ('IN SEVERAL
SECTIONS; Not fewer than three in Number'). The description is said of the reply ('Wherein X' is X, 'Entirely free of
X' is the reply being free of X, 'Concluding with X' is the reply concluding with X, 'Set down wholly in X' is the
reply set down in X), in today's words ('appeareth', 'therein', 'whether or no', 'the Russian Tongue', 'in Letters great
or small'); quotations and a request after 'viz.' are left as they are. Anything else is left to the other readers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_canon import third
from rubricc.compiler.lower_parse import bound_bears_out
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_CAPS = r"(?:[A-Z][A-Z'-]*|'[^'\s]'|\"[^\"\s]\")"
# the title: capitals naming the reply ('A REPLY IN JSON', 'THE COMMA-LESS REPLY'), or a printer's line ('NEWLY COMPOSED.')
_TITLE = re.compile(rf"^\s*(?P<title>{_CAPS}(?:\s+{_CAPS})*)\s*(?P<stop>[,;:.])\s+(?P<rest>\S.*)$", re.S)
_NAMES_REPLY = re.compile(r"\b(?:REPLY|RESPONSES?|ANSWER|ACCOUNT)\b")
_SUBTITLE = re.compile(r"^(?:or\s*,\s*)?(?:being\s+)?an?\s+(?:reply|response|answer)\s*,?\s+(?=\S)", _I)
_SIDES = {"SPARING": "less", "QUIET": "less", "SHORT": "less", "BRIEF": "less", "LARGE": "more", "COPIOUS": "more", "LONG": "more"}
_UNIT = re.compile(r"\bIN\s+(?:SEVERAL|MANY|DIVERS)\s+(?P<u>SECTIONS|PARAGRAPHS|PARTS)\b")
# how the description opens, said of the reply
_OPENINGS = [
    (re.compile(r"^(?:wherein|in\s+which|which)\s+", _I), ""),
    (re.compile(r"^(?=entirely\s+free\s+of\b|free\s+of\b|inclosed\b|enclosed\b|set\s+(?:down|forth)\b|printed\b|composed\b|written\b)", _I),
     "the reply is "),
    (re.compile(r"^(?P<v>concluding|beginning|ending|running|bearing|containing|opening|closing)\s+", _I), None),
    (re.compile(r"^with\s+(?=an?\s|blanks\b)", _I), "the reply has "),
    (re.compile(r"^(?:of|in)\s+(?=(?:exactly|not\s+fewer|no\s+fewer|fewer|at\s+least|\d))", _I), "the reply has "),
    (re.compile(r"^(?=in\s+the\s+[A-Z][a-z]+\s+(?i:tongue)\b)", re.S), "the reply is "),
    (re.compile(r"^the\s+whole\s+of\s+it\s+(?=valid\b)", _I), "the whole reply is "),
]
# today's words for the title page's ('appeareth', 'therein', 'in Letters great or small')
_TODAY = [
    (r"\bappeareth\b", "appears"), (r"\boccurreth\b", "occurs"), (r"\bbeginneth\b", "begins"), (r"\bendeth\b", "ends"),
    (r"\bcontaineth\b", "contains"), (r"\bis\s+to\s+be\s+found\b", "is found"), (r"\bbe\s+set\b", "is set"),
    (r"\bwhether\s+or\s+no\b", "whether or not"), (r"\binclosed\b", "enclosed"), (r"\btherein\b", "in it"),
    (r"\bthereof\b", "of it"), (r"\bwhereof\b", "of which"), (r"\bis\s+employed\b", "is used"),
    (r"\bthe\s+(?P<lang>[A-Z][a-z]+)\s+Tongue\b", r"\g<lang>"), (r"\bin\s+no\s+other\s+language\s+whatsoever\b", "in no other language"),
    (r"\b(?:in\s+)?(?:great\s+letters\s+or\s+small|letters\s+great\s+or\s+small)\b", "in any case"),
    (r"\bwhether\s+capital\s+or\s+small\b", "in any case"), (r"\bparted\b", "separated"),
    (r"\bafter\s+the\s+manner\s+of\b", "such as"), (r"\bafter\s+this\s+fashion\s*:", "such as"),
    (r"\bafter\s+the\s+markdown\s+fashion\b", "in markdown"), (r"\bthe\s+said\s+postscript\b", "the postscript"),
    (r"\bset\s+down\b", "written"), (r"\bset\s+forth\s+in\b", "made up of"), (r"\bno\s+letter\s+of\s+the\s+small\s+sort\b", "no lowercase letter"),
    (r"\bsmall\s+letters\b", "lowercase letters"), (r"\bis\s+found\b(?!\s+in\b)", "is found in the reply"),
    (r"\s*,?\s+viz\.\s+(?=[\"\u201c])", ": "), (r"\bnothing\s+further\s+is\s+(?:set\s+down|written)\b", "nothing follows"),
]


def title_page(text: str) -> Tuple[str, Asides]:
    """(the statement a title page's description makes of the reply, with the title as an aside); (text, []) when the
    criterion is no title page."""
    got = _title_page(text)
    return got if got is not None else (text, [])


def _title_page(text: str) -> Optional[Tuple[str, Asides]]:
    m = _TITLE.match(text)
    if m is None or len(m.group("title").split()) < 2 and not _NAMES_REPLY.search(m.group("title")):
        return None
    title, rest = m.group("title"), m.group("rest")
    if not _NAMES_REPLY.search(title):  # a printer's line first ('NEWLY COMPOSED. A Reply wherein ...')
        if not _SUBTITLE.match(rest):
            return None
        title = ""
    head, data = _split_data(rest)
    head = _SUBTITLE.sub("", head, count=1)
    said = _opened(head, title)
    tongue = re.search(r"\bIN\s+THE\s+(?P<lang>[A-Z]+)\s+TONGUE\b", title)
    if said is not None and tongue and said.lower().startswith("the reply is "):  # 'A REPLY IN THE ENGLISH TONGUE, Set down ...'
        said = f"the reply is in {tongue.group('lang').capitalize()} and is {said[len('the reply is '):]}"
    if said is None:
        return None
    for pattern, repl in _TODAY:
        said = _outside_quotes(said, pattern, repl)
    said = cap(said.strip()) + (" " + data if data else "")
    named = re.sub(r"\b(?:" + "|".join(_SIDES) + r")\s+", "", title).lower()  # (its side borne out below)
    asides: Asides = [("title", named)] if title else []
    for word, side in _SIDES.items():
        if re.search(rf"\b{word}\b", title) and not bound_bears_out(side, said):
            asides.append(("veto", f"a title's '{word.lower()}' its bound does not bear out"))
    return said, asides


def _opened(head: str, title: str) -> Optional[str]:
    unit = _UNIT.search(title)
    count = re.match(r"^(?P<c>(?:not|no)\s+fewer\s+than\s+\w+|at\s+least\s+\w+|exactly\s+\w+)\s+in\s+number\s*,\s*", head, _I)
    if unit and count:  # 'IN SEVERAL SECTIONS; Not fewer than three in Number, every one of them ...'
        return f"the reply has {count.group('c')} {unit.group('u').lower()}, {head[count.end():]}"
    two = re.match(r"^exactly\s+(?P<n>two|three|\d+)\s*,\s*and\s+", head, _I)
    if two and re.search(r"\bRESPONSES\b", title):  # 'TWO RESPONSES IN ONE REPLY, Exactly Two, and differing ...'
        return f"the reply has exactly {two.group('n').lower()} responses, {head[two.end():]}"
    of = re.search(r"\bOF\s+THE\s+(?P<x>(?:CHARACTER|LETTER|WORD)\s+(?:'[^']+'|\"[^\"]+\"))", title)
    if of and re.match(r"which\s+", head, _I):  # 'A REPLY SPARING OF THE CHARACTER 'i', Which appeareth therein ...'
        unit, quoted = of.group("x").split(None, 1)
        return f"the {unit.lower()} {quoted} {head[len('which '):]}"
    for pattern, prefix in _OPENINGS:
        m = pattern.match(head)
        if m:
            if prefix is None:  # 'Concluding with these very Words': the reply concludes
                return f"the reply {third(_base(m.group('v')))} {head[m.end():]}"
            return prefix + head[m.end():]
    return None


def _base(ing: str) -> str:
    word = ing.lower()[:-3]
    return {"runn": "run", "beginn": "begin", "clos": "close", "conclud": "conclude"}.get(word, word)


def _split_data(rest: str) -> Tuple[str, str]:
    """The description and a request given after 'viz.' (data, left as it is)."""
    m = re.search(r"\bviz\.\s+(?=[A-Z\"'\u201c])", rest)
    if m and not re.search(r"[\"\u201c]", rest[m.end():m.end() + 1]):
        return rest[:m.end()].rstrip(), rest[m.end():]
    return rest, ""


def _outside_quotes(text: str, pattern: str, repl: str) -> str:
    spans = quote_spans(text)
    return re.sub(pattern, lambda m: m.group(0) if in_quotes(spans, m.start()) else m.expand(repl), text,
                  flags=re.IGNORECASE if not pattern.startswith(r"\bthe\s+(?P<lang>") else 0)
