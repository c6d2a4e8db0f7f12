"""Voices of rubric writers from set 37 (issue 15, round 32), each read as the plain statement inside it:

    RESPONSE HAS EXACTLY 3 MARKDOWN BULLET POINTS STOP EACH A LINE STARTING WITH * OR - STOP    (a telegram)
    Sentences, whole response ... 50 OR MORE. Counted and checked.                              (a pilot's checklist)
    Ruled good: the response runs to at least 50 sentences.                                     (a referee's ruling)
    Refrain. Text. The word 'knot' recurs through the work 2 times or more.                     (a museum wall label)
    Sentence totals across the response: at least 50 recorded.                                  (a weather bulletin)
    Structure: exactly 2 paragraphs, each parted from the next by the markdown divider ***.     (a tasting note)

:func:`reported` returns the statement and the asides. A telegram's capitals are the telegram's, not the field's: its
words are read in small letters, except a word in capitals written after 'with', 'like', 'headed' ... and before a number
('EACH BEGINS WITH SECTION AND A NUMBER LIKE SECTION 1': a section marker the checker matches by case) and a language's
name, which keeps its capital; quoted text keeps its case. A checklist's challenge ('Sentences, whole response') names
what is counted or said, its response in capitals the value, and the sign-off ('Counted and checked.') asks for nothing;
a checklist with more than a sign-off after its last response is left whole. A ruling's, a bulletin's and a tasting
note's leads ask for nothing; a wall label's title is a ``label`` aside, which must name no other check
(:func:`rubricc.compiler.lower._aside_agrees`), and so is its medium, unless the medium names a language ('English text,
set in upper case'): then it is said of the work. Words of these voices are respelled as the readers read them
(:data:`_RESPELL`), only in a statement read out of one of them.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_attest import said_of_response
from rubricc.compiler.lower_parse import COUNT_RELATION, LANGUAGES, QUOTE_RE
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans, sub_all_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_STOP = re.compile(r"\s*\bSTOP\b\s*")
_CAPS = re.compile(r"(?<![\w'])([A-Z][A-Z'\-]*)(?![\w'])")
_COUNTED = re.compile(rf"^(?:{COUNT_RELATION}|\d+)\b", _I)


def _small(text: str, keep: set) -> str:
    """The words in capitals outside quotes in small letters, but for ``keep`` and a language's name (capitalised)."""
    spans = quote_spans(text)

    def one(m: re.Match) -> str:
        word = m.group(1)
        if in_quotes(spans, m.start()) or word in keep or "." in word:
            return word
        low = word.lower()
        return low.capitalize() if low in LANGUAGES else low
    return _CAPS.sub(one, text)


def _markers(text: str) -> set:
    """Words in capitals written after 'with', 'like', 'headed' ... and before a number ('BEGINS WITH SECTION AND A NUMBER
    LIKE SECTION 1'): a section marker, which the checker matches by case, kept as written."""
    return {w for w in re.findall(r"\b([A-Z]{2,})\s+\d", text)
            if re.search(rf"\b(?i:with|like|headed|marked|label+ed|as|by)\s+{w}\b", text)}


_AGAIN = re.compile(r"^(?:every|each|all)(?:\s+one)?(?:\s+of\s+them)?\s+(?:appears?|is\s+present|are\s+present|present|included|used|occurs?)\.?$", _I)


def _telegram(text: str) -> str:
    """'RESPONSE HAS AT LEAST 3 SECTIONS STOP EACH BEGINS WITH SECTION ...' -> 'The response has at least 3 sections. Each ...'."""
    keep = _markers(text)
    said = []
    for part in _STOP.split(text):
        part = _small(part.strip(), keep)
        if not part:
            continue
        part = re.sub(r"^(?:the\s+)?(response|reply|answer)\b", r"the \1", part)
        if said and _AGAIN.match(part) and re.search(r"\b(?:includes|contains|uses|has)\b", said[-1], _I):
            continue  # 'INCLUDES KEYWORDS "a" AND "b" STOP EVERY ONE APPEARS': said again
        if said and re.match(r"each\s+(?!one\b)", part, _I):
            said[-1] = said[-1][:-1] + ", " + part + ("" if part[-1] in ".!?" else ".")  # 'STOP EACH A LINE STARTING WITH *'
            continue
        said.append(cap(part) + ("" if part[-1] in ".!?" else "."))
    return " ".join(said)


def _is_telegram(text: str) -> bool:
    if not re.search(r"\bSTOP\b", text):
        return False
    bare = re.sub(r"[^A-Za-z]", "", QUOTE_RE.sub(" ", text))
    return len(bare) >= 10 and sum(c.isupper() for c in bare) >= 0.6 * len(bare)


# a checklist line: the challenge, a row of dots, the response ('Paragraphs ... EXACTLY 6, separated by blank lines')
_DOTS = re.compile(r"\s+(?:\.{3,}|\u2026)\s+")
_SIGN_OFF = re.compile(r"^(?:counted\s+and\s+|counted,\s+|crosschecked\s+and\s+)?(?:checked|confirmed|verified|set|crosschecked)\b"
                       r"(?:\s+throughout|\s+from\s+[^.:;]{3,60}|\s+and\s+(?:confirmed|verified))?\.?$", _I)
_SCOPE = r"(?:,\s*(?:the\s+)?(?:whole|entire|full)\s+(?:response|reply|text))?"
_LETTER_ITEM = re.compile(rf"^(?P<unit>(?:the\s+)?(?:letter|word|keyword)\s+(?:'[^']+'|\"[^\"]+\"|\S+)){_SCOPE}$", _I)
_LANGUAGE_ITEM = re.compile(rf"^language{_SCOPE}$", _I)
_FIRST_WORD_ITEM = re.compile(r"^(?P<what>(?:the\s+)?(?:paragraph|section|line)\s+\d+|(?:the\s+)?\w+\s+paragraph),\s*first\s+word$", _I)
_ENDING_ITEM = re.compile(r"^(?:closing|final|last|ending)\s+(?:words?|phrase|line)$", _I)
_UNIT_ITEM = re.compile(rf"^(?P<unit>[a-z][a-z\- ]{{2,40}}?){_SCOPE}$", _I)


def _checked(item: str, value: str) -> str:
    """One challenge and its response said as a statement about the response."""
    item = item.strip()
    m = _LETTER_ITEM.match(item)
    if m and _COUNTED.match(value):
        count = re.sub(r"\s+times\b", "", value, count=1)
        head, _, rest = count.partition(",")
        return f"The {m.group('unit')} appears {head.strip()} times" + (", " + rest.strip() if rest else "")
    if _LANGUAGE_ITEM.match(item):
        return "The response is in " + value
    m = _FIRST_WORD_ITEM.match(item)
    if m:
        return f"{cap(m.group('what'))} starts with the word {value}"
    if _ENDING_ITEM.match(item):
        return "The response ends with " + value
    m = _UNIT_ITEM.match(item)
    if m and _COUNTED.match(value) and "," not in m.group("unit"):
        head, sep, rest = value.partition(",")
        return f"The response has {head.strip()} {m.group('unit').lower()}{sep}{rest}"
    return f"{item}: {value}"


def _checklist(text: str) -> str:
    """'Sentences, whole response ... 50 OR MORE. Counted and checked.' -> 'The response has 50 or more sentences.'"""
    keep = _markers(text)
    pieces = _DOTS.split(text)
    said, item = [], pieces[0]
    for i, piece in enumerate(pieces[1:], 1):
        value, following = _split_value(piece, last=i == len(pieces) - 1)
        said.append(_checked(item, _small(value.strip(), keep).rstrip(".")))
        item = following
    tail = item.strip()
    if tail and not _SIGN_OFF.match(tail):
        return text  # what follows the last response is more than a sign-off ('Crosschecked against the request: ...')
    return ". ".join(said) + "."


def _split_value(piece: str, last: bool) -> Tuple[str, str]:
    """A response and what follows it: the next challenge ('EXACTLY 6, separated by blank lines. Paragraph 2, first
    word'), cut at the last sentence's end, or after the last response, the sign-off, cut at the first."""
    cut = [m for m in re.finditer(r"\.\s+(?=[A-Z])", piece) if not in_quotes(quote_spans(piece), m.start())]
    if not cut:
        return piece, ""
    at = cut[0] if last else cut[-1]
    return piece[:at.start()], piece[at.end():]


def _is_checklist(text: str) -> bool:
    return bool(re.match(r"^[A-Z][^.:;]{1,80}?\s+(?:\.{3,}|\u2026)\s+\S", QUOTE_RE.sub('"q"', text)))


# a referee's ruling, a bulletin's reading and a tasting note's heading: leads that ask for nothing
_RULING = re.compile(r"^\s*(?:ruled\s+(?:good|in|fair|valid)|good\s+call|clean\s+play|fair\s+play|the\s+call\s+stands|play\s+is\s+good|"
                     r"play\s+stands|called\s+(?:good|fair|in)|on\s+review|after\s+review|upheld)\s*:\s*(?P<rest>\S.+)$", _I)
_BULLETIN = re.compile(r"^\s*(?:(?:current|present|latest)\s+)?(?P<what>(?:[a-z\-]+\s+){0,2}?)(?:conditions|readings?|totals?|counts?|levels?|observations?)"
                       r"(?:\s+recorded)?\s+(?P<where>across|over|throughout|for|at\s+the\s+(?:start|end)\s+of)\s+the\s+(?:response|reply|text)\s*:\s*(?P<rest>\S.+)$", _I)
_TASTING = re.compile(r"^\s*(?:nose|palate|body|structure|finish|label|attack|mouthfeel|aroma|bouquet)\s*:\s*(?P<rest>\S.+)$", _I)
_LABEL = re.compile(r"^\s*(?P<title>[A-Z][^.:;\"]{2,60})\.\s+(?P<medium>[A-Z][^.:;\"]{1,40})\.\s+(?P<rest>(?=.*\b(?i:the\s+work)\b)[A-Z].+)$", re.S)


# a statement with no subject said of the response: a verb ('ends precisely on "x"'), an adjective ('entirely clear of
# commas'), a count ('zero occurrences of "a"'), a quoted word or letter counted ("'l' at least 15 times")
_VERB = re.compile(r"^(?:ends|closes|finishes|opens|starts|begins|contains|has|includes|uses|keeps|runs|goes|reads|avoids|never|"
                   r"stays|carries|wraps|repeats|restates)\b", _I)
_STATE = re.compile(r"^(?:(?:entirely|completely|wholly|fully|altogether)\s+)?(?:free|clear|clean|rich|written|set|composed|all|devoid|"
                    r"empty)\b", _I)
_QUOTED_COUNT = re.compile(r"^(?P<q>'[^']{1,40}'|\"[^\"]{1,40}\")\s*,?\s+(?:appearing\s+)?(?P<c>(?:strictly\s+)?(?:at\s+least|at\s+most|fewer\s+than|"
                           r"less\s+than|under|below|over|more\s+than|exactly)\s+\d+|\d+\s+or\s+(?:more|fewer|less))\s+(?:occurrences|times|appearances)\b", _I)
# a tasting note's word or letter: 'a persistent note of', 'only a light touch of', 'rich in the letter': the counted one
_NOTE_OF = re.compile(r"^(?:only\s+)?(?:an?\s+)?(?:[a-z]+\s+)?(?:note|hint|trace|touch|streak)\s+of\s+(?=['\"])|"
                      r"^(?:rich|heavy|generous|sparing|light)\s+(?:in|with|on)\s+the\s+(?P<unit>letter|word)\s+(?=['\"])", _I)
_NOTES_OF = re.compile(r"^(?:notes?|hints?|traces?)\s+of\s+(?P<q>[\"'][^:]{1,200}?[\"'])\s*:\s*(?:every|each|all)\s+(?:one\s+)?of\s+them\s+(?:is\s+|are\s+)?present\b", _I)


def _said(rest: str, unit: str = "") -> str:
    """A statement with no subject said of the response."""
    rest = rest.strip()
    m = _NOTE_OF.match(rest)
    if m:
        rest, unit = rest[m.end():], m.group("unit") or unit
    m = _QUOTED_COUNT.match(rest)
    if m:
        what = "letter" if "letter" in unit or len(m.group("q")) == 3 else "word"
        return f"The {what} {m.group('q')} appears {m.group('c')} times" + rest[m.end():]
    m = _NOTES_OF.match(rest)
    if m:
        return f"Every one of {m.group('q')} is present" + rest[m.end():]
    if re.match(r"^(?:zero|no|none|not\s+one)\b", rest, _I) or _COUNTED.match(rest):
        return said_of_response(rest)
    if _VERB.match(rest):
        return "The response " + rest
    if _STATE.match(rest):
        return "The response is " + rest
    return said_of_response(rest)


def _bulletin(m: re.Match) -> str:
    what, rest = m.group("what").strip().lower(), m.group("rest").strip()
    rest = re.sub(r",?\s+recorded(?=\s*(?:[.,;]|$|at\b|from\b))", "", rest).rstrip(". ")
    unit = re.sub(r"\s+(?:count|totals?)$", "", what)
    if m.group("where").lower().startswith("at the start"):
        return cap(rest)
    if unit in ("keyword", "word") and rest[:1] in "\"'":
        return "The response contains " + rest
    if unit and _COUNTED.match(rest) and unit not in ("keyword", "letter", "word"):
        head, sep, tail = rest.partition(",")
        count = head.strip()
        plural = unit if unit.endswith("s") else unit + "s"
        if not re.search(rf"\b{re.escape(unit)}", count, re.I):
            return f"The response has {count} {plural}{sep}{tail}"
        return f"The response has {count}{sep}{tail}"
    return _said(rest, unit)


# words of these voices said as the readers read them (only in a statement read out of one of them)
_RESPELL = [
    # 'pours out as valid JSON' is 'is valid JSON'
    (re.compile(r"\b(?:pours|comes|flows)\s+out\s+as\s+(?=(?:valid\s+)?json\b)", _I), "is "),
    # 'goes the whole distance without', 'is composed from its opening word to its last without' are 'is written without'
    (re.compile(r"\b(?:goes|runs|gets)\s+the\s+(?:whole|full|entire)\s+distance\s+without\b", _I), "is written without"),
    (re.compile(r"\bis\s+(?:composed|written|set)\s+from\s+its\s+(?:opening|first)\s+word\s+to\s+its\s+(?:last|closing|final)(?:\s+one)?\s+without\s+the\s+comma\b", _I),
     "is written without a comma"),
    (re.compile(r"\b(?:entirely|completely|wholly)\s+clear\s+of\b", _I), "entirely free of"),
    (re.compile(r"\bfree\s+of\s+any\s+trace\s+of\b", _I), "free of"),
    # a negated word list restated: '; none of these words appears in the response' after 'free of' / 'avoids' / 'never uses'
    (re.compile(r"(\b(?:free\s+of|avoids|keeps\s+clear\s+of|never\s+uses)\b[^;]{3,300}?)\s*;\s*none\s+of\s+(?:these|those|them|the)(?:\s+(?:key)?words)?\s+appears?"
                r"(?:\s+as\s+a\s+(?:whole\s+)?word)?(?:\s+anywhere)?(?:\s+in\s+(?:it|the\s+response))?(?=\s*\.?\s*$)", _I), r"\1"),
    # 'ends precisely on "x", not a word after it' is 'ends with "x", nothing after'
    (re.compile(r"\bends\s+(?:precisely\s+|exactly\s+)?on\s+(?=[\"\u201c])", _I), "ends with "),
    (re.compile(r"(?<=[\"\u201d])\s*,\s*not\s+a\s+(?:single\s+)?(?:word|character)\s+after\s+it(?=\s*\.?\s*$)", _I), ", nothing after"),
    # 'each line opening with * or -' is 'beginning with'; 'parted from the next by' is 'separated from the next by'
    (re.compile(r"\b(each\s+line)\s+opening\s+with\b", _I), r"\1 beginning with"),
    (re.compile(r"\bparted\s+from\b", _I), "separated from"),
    # a tasting note's English: 'forceful and English from start to finish, ..., no lowercase letter on the palate'
    (re.compile(r"\bis\s+([a-z]+\s+and\s+)?english\s+(?=from\s+start\s+to\s+finish\b|throughout\b)", _I), r"is \1in English "),
    (re.compile(r"\s+on\s+the\s+palate\b", _I), ""),
    # 'clean and comma-free': a taster's word for free of (a quality word, 'forceful', stays: it asks for more)
    (re.compile(r"\bis\s+(?:clean|crisp|pure|spotless)\s+and\s+(?=comma-free\b|free\s+of\b)", _I), "is "),
    (re.compile(r"\bfrom\s+the\s+first\s+sip\s+to\s+the\s+finish\s+of\b", _I), "anywhere in"),
    # a boundary called: 'exactly 50 is on the line and counts' is 'exactly 50 counts'; 'reaching 10 would be out' is
    # 'exactly 10 does not meet the standard'; 'keeps its X strictly under 10' is 'has fewer than 10 X'
    (re.compile(r"\b(exactly\s+\d+)\s+is\s+on\s+the\s+line\s+and\s+(counts|is\s+good|is\s+in)\b", _I), r"\1 counts"),
    (re.compile(r"\b(?:reaching|hitting|landing\s+on)\s+(\d+)\s+(?:would\s+be|is)\s+out\b", _I), r"exactly \1 does not meet the standard"),
    (re.compile(r"\bkeeps\s+its\s+(?P<x>[a-z][a-z ,-]{2,40}?)\s+(?:strictly\s+)?(?:under|below)\s+(?P<n>\d+)\b", _I), r"has fewer than \g<n> \g<x>"),
    # ', from start to finish' after 'throughout' says it again
    (re.compile(r"\bthroughout\s*,\s*from\s+start\s+to\s+finish\b", _I), "throughout"),
]


def _read(text: str) -> Tuple[str, Asides]:
    if _is_telegram(text):
        return _telegram(text), []
    if _is_checklist(text):
        return _checklist(text), []
    m = _RULING.match(text)
    if m:
        return cap(m.group("rest")), []
    m = _BULLETIN.match(text)
    if m:
        return _bulletin(m), []
    m = _TASTING.match(text) or _NOTES_OF.match(text)
    if m:
        return _said(m.group("rest") if "rest" in m.groupdict() else text), []
    m = _LABEL.match(text)
    if m:
        rest = cap(re.sub(r"\bthe\s+work\b", "the response", m.group("rest"), flags=re.I))
        medium = m.group("medium")
        if any(w.lower() in LANGUAGES for w in re.findall(r"[A-Za-z]+", medium)):
            return f"{medium}. {rest}", [("label", m.group("title"))]  # 'English text, set in upper case': said of the work
        return rest, [("label", m.group("title")), ("label", medium)]
    return text, []


def reported(text: str) -> Tuple[str, Asides]:
    """(the statement inside a telegram, a checklist line, a ruling, a wall label, a bulletin or a tasting note, its
    asides); (text, []) when it is none of them."""
    said, asides = _read(text)
    return (text, []) if said == text else (sub_all_outside(said, _RESPELL), asides)
