"""Voices of rubric writers from set 39 (issue 15, round 33), each read as the plain statement inside it:

    ! Careful play: the response steers clear of "a" and "b".                    (a chess annotation)
    0800. Sentences logged in the response: 12 or more.                          (a ship's log entry)
    Sentences declared: at least 12. Count on inspection: 12 or more.            (a customs declaration)
    OK as set: the response carries no commas anywhere.                          (a proof mark)
    Measures exactly: four markdown bullet points, with * or - at the start of each.  (a tailor's fitting note)
    Full value credited: the response is written in English, all in uppercase.   (a gymnastics judge's note)

:func:`logged` returns the statement and the asides. A chess glyph ('!', '!!', '(!)') asks for nothing; the comment
before a colon is a ``skill`` aside once its chess idiom is read off ('A quiet, correct move' is 'A move': it must be
about no content and read as no other check). A log's watch time ('0800.', 'Noon.') and its survey ('Response surveyed
bow to stern;') ask for nothing; what it logs, counts or sights is said of the response. A declaration's line ('X
declared: at least 12') is the count said of the response; the inspection after it ('Count on inspection: 12 or
more.', 'Both found as declared.') must say the same again or nothing, else the line is left whole. A proof mark ('OK
as set:', 'Dele checked:'), a fitting note's verdict ('Fits as ordered:') and a judge's credit ('Full value
credited:') are ``name`` / ``skill`` asides. Words of these voices are respelled as the readers read them
(:data:`_RESPELL`), only in a statement read out of one of them, never inside quotations.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_attest import said_of_response
from rubricc.compiler.lower_parse import COUNT, QUOTED_ITEM, QUOTED_LIST, counted_unit, quoted_words
from rubricc.compiler.lower_respell import cap, sub_all_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
_DOC = r"(?:the\s+)?(?:response|reply)"
_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_COUNTED = rf"(?:{COUNT}|(?:exactly\s+|at\s+least\s+|fewer\s+than\s+)?{_NUMBER_WORDS}|under\s+\d+)"

# a chess annotation: its glyphs, and the idiom of its comment
_GLYPH_LEAD = re.compile(r"^\s*(?:!!|!\?|\?!|!)\s+(?=[A-Z'\"])")
_GLYPH = re.compile(r"\s*\((?:!!|!|!\?|\?!)\)")
_ENDGAME = re.compile(r"\s+from\s+the\s+opening\s+to\s+the\s+endgame\s*!\s*$", _I)
# a chess comment's adjectives judge the move, not the response ('A quiet, correct move', 'Economical', 'Loud play')
_IDIOM = re.compile(r"\b(?:only\s+)?(?:quiet|correct|precise|careful|accurate|best|strong|sharp|sound|solid|neat|loud|economical|compact)\b"
                    r"\s*,?\s*(?:and\s+)?", _I)
_COMMENT = re.compile(r"^(?P<label>[A-Z][^:\"]{2,60}?)\s*:\s*(?P<rest>\S.+)$", re.S)
# 'Sparing with 'z': fewer than 4 occurrences in the response', 'The letter 'z' is everywhere: it occurs at least 4 times'
_SPARING = re.compile(rf"^(?:sparing|generous|heavy|light)\s+(?:with|on)\s+(?P<q>{_Q})$", _I)
_EVERYWHERE = re.compile(rf"^the\s+(?P<unit>letter|word)\s+(?P<q>{_Q})\s+is\s+(?:everywhere|all\s+over\s+the\s+board|scarce|rare)$", _I)

# a ship's log: the watch time, the survey
_WATCH = re.compile(r"^\s*(?:(?:[01]\d|2[0-3])[0-5]\d|noon|midnight|dawn|dusk)(?:\s*hours|\s*hrs)?\s*[.:]\s+(?P<rest>[A-Z'\"].+)$", _I)
_SURVEYED = re.compile(r"^(?:response|reply)\s+(?:surveyed|swept|searched|checked|inspected)(?:\s+(?:from\s+)?(?:bow\s+to\s+stern|end\s+to\s+end|stem\s+to\s+stern))?\s*;\s*"
                       r"(?P<rest>\S.+)$", _I)
_SWEPT = re.compile(rf"^(?:response|reply)\s+(?:swept|searched|checked)\s+for\s+(?P<q>{_QLIST})\s*:\s*none\s+of\s+(?:these|them|the)(?:\s+words)?\s+"
                    r"(?:aboard|sighted|found)\s*\.?\s*$", _I)
_UNIT_LOGGED = re.compile(rf"^(?P<unit>[A-Z][^:'\"]{{2,60}}?)\s+(?:counted|logged|sighted|tallied|recorded)(?:\s+in\s+{_DOC})?(?P<note>\s*,\s*[^:]{{1,40}}?)?\s*:\s*"
                          rf"(?P<c>{COUNT})(?:\s+(?:aboard|in)\s+{_DOC})?(?P<tail>(?:\s*,\s*[^.]{{1,120}})?)\s*\.?\s*$", re.S)
_WORD_LOGGED = re.compile(rf"^(?:tally\s+of\s+)?(?P<q>{_Q})\s+(?:counted\s+in|(?:throughout|in|across))\s+{_DOC}(?P<note>\s*,\s*[^:]{{1,40}}?)?\s*:\s*"
                          rf"(?P<c>{COUNT})(?:\s+times)?(?P<more>\s+or\s+(?:more|fewer|less))?\s*\.?\s*$", _I)
_KEYWORDS_LOGGED = re.compile(rf"^key\s*words?\s+(?:sighted|logged|found|counted)\s+in\s+{_DOC}\s*,\s*each\s+at\s+least\s+once\s*:\s*(?P<q>{_QLIST})\s*\.?\s*$", _I)
_FINAL_ENTRY = re.compile(rf"^final\s+entry\s+in\s+{_DOC}\s*:\s*(?P<q>{_Q})(?P<rest>.*)$", _I)

# a customs declaration: 'X declared: COUNT, ...', then the inspection
_DECLARED = re.compile(rf"^(?P<unit>[A-Z][^:\"]{{2,60}}?)\s+declared\s*:\s*(?P<c>{_COUNTED})(?P<rest>[^.]*?)\s*\.(?:\s+(?P<more>\S.*))?$", re.S)
_KEYWORDS_DECLARED = re.compile(rf"^key\s*words?\s+declared\s*:\s*(?P<q>{_QLIST})\s*\.\s*(?:each|every|all)(?:\s+one)?(?:\s+of\s+them)?\s+found\s+in\s+{_DOC}\s*\.?\s*$", _I)
_PROHIBITED = re.compile(r"^prohibited\s+(?:words|items|terms)\s*:\s*(?P<words>[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*){0,19})\s*\.\s*quantity\s+found\s+in\s+(?:the\s+)?"
                         r"(?:response|reply)\s*:\s*(?:0|zero|none)(?:\s+of\s+each)?\s*\.?\s*$", _I)
_SEPARATOR = re.compile(r"^separator\s*:\s*(?P<sep>[^.]{2,60})\.(?:\s+(?P<more>\S.*))?$", _I | re.S)
_NTH_DECLARED = re.compile(rf"^first\s+word\s+of\s+the\s+(?P<nth>[a-z]+)\s+paragraph\s+declared\s*:\s*(?P<q>{_Q})\s*\.(?:\s+(?P<more>\S.*))?$", _I | re.S)
# what an inspection says again: nothing new, or the count as declared
_AS_DECLARED = re.compile(rf"^(?:(?:both|all|each(?:\s+one)?|every\s+one)\s+found\s+(?:as\s+declared|in\s+{_DOC})|found\s+as\s+declared|"
                          rf"(?:count\s+on\s+inspection\s*:\s*|split\s+on\s+\S+\s*,\s*{_DOC}\s+(?:gives|holds|has)\s+|{_DOC}\s+(?:holds|has|gives)\s+)"
                          rf"(?P<c>{_COUNTED})(?:\s+[a-z-]+)?(?:\s+in\s+{_DOC})?)\s*\.?\s*$", _I)

# a proof mark, a fitting note, a judge's credit: a lead that asks for nothing
_SET_TIMES = re.compile(rf"^(?P<q>{_Q})\s+(?:set|marked)\s+(?P<c>{COUNT})\s+times\s+in\s+{_DOC}(?P<rest>.*)$", _I)
_MARK = re.compile(r"^\s*(?P<lead>ok\s+as\s+set|stet|dele(?:\s+checked)?|caps\s+throughout(?:\s*,\s*as\s+marked)?|l\.c\.(?:\s+throughout)?|ital\.|copyfit|"
                   r"fits(?:\s+(?:as\s+ordered|clean|true|well))?|measures\s+(?:up|true|exactly)|cut\s+(?:lean|clean|true|close)|kept\s+(?:light|lean|trim)|"
                   r"all\s+the\s+trimmings|taken\s+in|let\s+out|full\s+value(?:\s+credited)?|(?:letter\s+count|element)\s+credited|"
                   r"clean\s+execution(?:\s*,\s*full\s+value)?|stuck\s+landing)\s*:\s*(?P<rest>\S.+)$", _I)


# words of these voices said as the readers read them (only in a statement read out of one of them)
_RESPELL = [
    (re.compile(r"\u00b6\u00b6|\u00b6s\b"), "paragraphs"),
    (re.compile(r"^\u00b6\s+count\s+(\d+)\b", _I), r"The response has \1 paragraphs"),
    (re.compile(r"\u00b6"), "paragraph"),
    # a log's sightings: 'not one comma sighted anywhere aboard' is 'appears anywhere in the response'
    (re.compile(r"\bsighted\s+(?:anywhere\s+aboard|from\s+bow\s+to\s+stern|anywhere)\b", _I), "appears anywhere in the response"),
    (re.compile(r"\s*,\s*lists\s+and\s+numbers\s+included(?=\s*\.?\s*$)", _I), ""),
    (re.compile(r"^(?:the\s+)?(?:response|reply)\s+logged\s+in\b", _I), "The response is in"),
    (re.compile(r"^(?:the\s+)?(?:response|reply)\s+stowed\s+inside\s+double\s+quotation\s+marks(?:\s*:\s*\"\s+at\s+the\s+first\s+character\s+and\s+\"\s+at\s+the\s+last)?", _I),
     "The response is wrapped in double quotation marks"),
    (re.compile(r"\bnothing\s+logged\s+after\s+it\b", _I), "nothing after it"),
    (re.compile(r"\s*,?\s*from\s+(?:the\s+)?first\s+line\s+to\s+(?:the\s+)?last(?=\s*\.?\s*$)", _I), " throughout"),
    # a chess comment's and a fitting note's ways of saying it
    (re.compile(r"\bsteers\s+clear\s+of\b(?P<w>[^;]{3,300}?)\s*;\s*none\s+of\s+(?:these|those|them|the)(?:\s+words)?\s+appears?(?=\s*,|\s*\.?\s*$)", _I), r"avoids\g<w>"),
    (re.compile(r"\bis\s+tailored\s+in\b", _I), "is in"),
    (re.compile(r"\s*,\s*capitals\s+nowhere\s+in\s+the\s+cut(?=\s*\.?\s*$)", _I), ", with no capitals anywhere"),
    (re.compile(r"\s*,\s*with\s+\*\s+or\s+-\s+at\s+the\s+start\s+of\s+each\b", _I), ", each starting with * or -"),
    (re.compile(rf"\bworks\s+in\s+(?P<q>{_QLIST})\s*,\s*every\s+one\s+of\s+them(?=\s*\.?\s*$)", _I), r"contains each of the keywords \g<q>"),
    (re.compile(r"\bworked\s+into\b", _I), "appears in"),
    (re.compile(r"^the\s+response\s+measures\s+(?P<c>(?:at\s+least|fewer\s+than|exactly)\s+\d+)\s+of\s+the\s+letter\s+(?P<q>'[^']{1,3}')\s+across\s+the\s+response\b", _I),
     r"The letter \g<q> appears \g<c> times in the response"),
    (re.compile(r"\bheld\s+in\s+(upper|lower)-?case\s+from\s+the\s+first\s+letter\s+to\s+the\s+last\b", _I), r"in \1case"),
    # a proof mark's: 'set' / 'marked' for a word in the text, 'l.c.' for lowercase, 'set as a capital'
    (re.compile(rf"^(?P<q>{_Q})\s+(?:set|marked)\s+(?=(?:at\s+least|fewer\s+than|exactly|more\s+than|under)\s+\d)", _I), r"\g<q> appears "),
    (re.compile(r"\bcaps\s+and\s+l\.c\.\s+counted\s+alike\b", _I), "in either case"),
    (re.compile(r"\bis\s+english\s+text\s+with\s+every\s+letter\s+set\s+as\s+a\s+capital\b", _I), "is in English with every letter a capital"),
    (re.compile(r"\s*,\s*in\s+lists\s*,\s*numbers\s+and\s+quotations\s+alike(?=\s*\.?\s*$)", _I), ""),
    (re.compile(r"\bwhatever\s+their\s+capitali[sz]ation\b", _I), "in any capitalisation"),
    (re.compile(r"(\bparagraph)\s+set\s+with\s+(?=['\"])", _I), r"\1 starts with "),
]


def _chess(text: str) -> Tuple[str, Asides]:
    said = _GLYPH.sub("", _GLYPH_LEAD.sub("", text))
    said = _ENDGAME.sub(" throughout.", said)
    if said == text:
        return text, []
    m = _COMMENT.match(said)
    if not m:
        return said, []
    label, rest = m.group("label"), m.group("rest")
    q = re.search(_Q, label)
    named = re.match(r"^the\s+(?:word|keyword|letter)\b(?!\s*['\"\u201c])", rest, _I)
    if q and named:  # '! Keeps pressing with 'x': the word appears at least 6 times': the word the comment names
        return f"{rest[:named.end()]} {q.group(0)}{rest[named.end():]}", []
    if q and not _SPARING.match(label) and not _EVERYWHERE.match(label):
        return text, []  # a comment with data of its own
    s = _SPARING.match(label)
    if s and re.match(rf"^{_COUNTED}\s+occurrences\b", rest, _I):
        return f"The {counted_unit(s.group('q'))} {s.group('q')} appears " + re.sub(r"\s+occurrences\b", " times", rest, count=1), []
    e = _EVERYWHERE.match(label)
    if e and re.match(r"^it\s+(?:occurs|appears)\b", rest, _I):
        return f"The {e.group('unit').lower()} {e.group('q')} " + rest[3:], []
    return said_of_response(rest), [("skill", _IDIOM.sub("", label))]


def _log(rest: str) -> str:
    m = _SWEPT.match(rest)
    if m:
        return f"The response contains none of {m.group('q')}."
    m = _SURVEYED.match(rest)
    if m:
        return cap(m.group("rest"))
    m = _KEYWORDS_LOGGED.match(rest)
    if m:
        return f"The response contains each of the keywords {m.group('q')} at least once."
    m = _FINAL_ENTRY.match(rest)
    if m:
        return f"The response ends with {m.group('q')}{m.group('rest')}"
    m = _WORD_LOGGED.match(rest)
    if m:
        return f"The {counted_unit(m.group('q'))} {m.group('q')} appears {m.group('c')} times{m.group('more') or ''} in the response{m.group('note') or ''}."
    m = _UNIT_LOGGED.match(rest)
    if m:
        return f"The response has {m.group('c')} {m.group('unit').lower()}{m.group('note') or ''}{m.group('tail')}."
    return rest


def _bound(count: str) -> Tuple[str, str]:
    """(relation, number) of a count as said ('50 or more' and 'at least 50' are one bound)."""
    low = count.lower()
    n = re.search(r"\d+|" + _NUMBER_WORDS, low)
    rel = ">=" if re.search(r"at\s+least|or\s+more|no\s+fewer|no\s+less", low) else \
        "<" if re.search(r"fewer|less|under|below", low) else ">" if re.search(r"more\s+than|over|above", low) else \
        "<=" if re.search(r"at\s+most|or\s+fewer|or\s+less|no\s+more", low) else "="
    return rel, n.group(0) if n else ""


def _inspected(more: str, count: str) -> bool:
    """True when what follows a declaration says it again: nothing new, or the same count."""
    m = _AS_DECLARED.match(more.strip())
    return bool(m) and (m.group("c") is None or _bound(m.group("c")) == _bound(count))


def _declared(text: str) -> str:
    m = _KEYWORDS_DECLARED.match(text)
    if m:
        return f"The response contains each of the keywords {m.group('q')}."
    m = _PROHIBITED.match(text)
    if m:
        return "The response contains none of the words " + quoted_words(m.group("words").split(",")) + "."
    m = _DECLARED.match(text)
    if not m:
        return text
    unit, count = m.group("unit"), m.group("c").rstrip(", ")
    tail = m.group("rest") if m.group("c") == count else "," + m.group("rest")
    q = re.search(_Q, unit)
    if q and re.match(r"^\s*occurrences\b", tail):
        said = f"The {counted_unit(q.group(0))} {q.group(0)} appears {count} times" + re.sub(r"^\s*occurrences", "", tail)
    elif q:
        return text
    else:
        rest = re.sub(r"\s*,\s*and\s+found\s+in\s+(?:the\s+)?(?:response|reply)\s*$", "", tail)
        said = f"The response has {count} {unit.lower()}{rest}"
    more = m.group("more") or ""
    while more:
        sep = _SEPARATOR.match(more)
        nth = _NTH_DECLARED.match(more)
        if sep:
            said, more = said + f", separated by {sep.group('sep').strip()}", sep.group("more") or ""
        elif nth:
            said, more = said + f", and the first word of the {nth.group('nth')} paragraph is {nth.group('q')}", nth.group("more") or ""
        elif _inspected(more, count):
            more = ""
        else:
            return text
    return said + "."


def _read(text: str) -> Tuple[str, Asides]:
    m = _WATCH.match(text)
    if m:
        said = _log(m.group("rest"))
        return re.sub(r"^(?:response|reply)\b", "The response", said, flags=re.I), []
    said = _declared(text)
    if said != text:
        return said, []
    m = _MARK.match(text)
    if m:
        lead, rest = m.group("lead"), m.group("rest")
        if re.match(r"measures\s+exactly", lead, _I) and re.match(rf"^{_NUMBER_WORDS}\b|^\d", rest, _I):
            rest = "exactly " + rest
        kind = "name" if re.match(r"caps|l\.c\.", lead, _I) else "skill"
        return said_of_response(rest), [(kind, lead)]
    m = _SET_TIMES.match(text)
    if m:
        return f"The {counted_unit(m.group('q'))} {m.group('q')} appears {m.group('c')} times in the response{m.group('rest')}", []
    m = re.match(r"^fits\s+in\s+(?P<c>exactly\s+\S+)\s+paragraphs\s*,\s*joined\s+like\s+panels\s*:\s*the\s+markdown\s+divider\s+\*\*\*\s+sits\s+at\s+each\s+seam"
                 r"\s+between\s+one\s+paragraph\s+and\s+the\s+next\s*\.?\s*$", text, _I)
    if m:
        return f"The response has {m.group('c')} paragraphs, separated by the markdown divider ***.", []
    return _chess(text)


def logged(text: str) -> Tuple[str, Asides]:
    """(the statement inside a chess annotation, a log entry, a declaration, a proof mark, a fitting note or a judge's
    credit, its asides); (text, []) when it is none of them."""
    said, asides = _read(text)
    if said == text:  # a proof's pilcrow ('Exactly 4 \u00b6\u00b6, divided by *** rules') is its paragraph
        return (sub_all_outside(text, _RESPELL), []) if "\u00b6" in text else (text, [])
    return sub_all_outside(said, _RESPELL), asides
