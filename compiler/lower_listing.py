"""Voices of rubric writers from set 40 (issue 15, round 34), each read as the plain statement inside it:

    Findings: sentences counted across the response; 12 or more identified. Impression: long report.  (a radiology report)
    Count the bullet points with me, everyone: the reply has exactly 3 of them, not one more.          (a tour guide)
    Features square-bracket placeholders such as [address], at least 2 of them.                        (an estate agent)
    Markings: the standard calls for fewer than ten words in all capital letters.                      (a breed standard)
    Steered clear all the way! Not a single use of the word "x" anywhere in the response!              (a play-by-play call)
    Work each keyword on this list into the reply at least once: cat, dog.                             (a knitting pattern)

:func:`listed` returns the statement and the asides. A report's findings are said of the response ('X counted across
the response; 10 or more identified' is 'The response has 10 or more X'; 'X identified in the response' is 'The
response contains X'); its procedure ('the entire response reviewed character by character.') asks for nothing when a
finding follows, and its impression is a ``skill`` aside. A tour guide's address ('everyone', 'ladies and gentlemen')
and pointing ('Notice', 'Keep an eye out for', "you'll see") ask for nothing; the thing pointed at is what a count
'of them' counts, else a ``name`` aside the check must be about; a lead with data the statement does not read ('Notice
the *** dividers') vetoes. A listing's feature ('Features X, at least 2 of them') is said of the response, its headline
('Boasts X:', 'Presented entirely in Swahili:') a ``skill`` aside; 'Compact and bijou' is said only of a length at
most. A breed standard's 'calls for' states the requirement, and a bound said again must be the same bound. A call's
exclamation before the statement is a ``skill`` aside, and a call in words no rubric uses vetoes ('Brilliant
analysis!'), its commentator's idioms read off first (:data:`_CALL_IDIOM`). A pattern's 'Work X' is said of the reply,
its 'count check' must rule out what the row rules out. Words of these voices are respelled as the readers read them
(:data:`_RESPELL`), only in a statement read out of one of them, never inside quotations.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_lexicon import unknown_words
from rubricc.compiler.lower_parse import COUNT, LANGUAGES, QUOTE_RE, QUOTED_ITEM, QUOTED_LIST, quoted_words
from rubricc.compiler.lower_respell import cap, data_colon, sub_all_outside, sub_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
_DOC = r"(?:the\s+)?(?:(?:whole|entire)\s+)?(?:response|reply|text)"
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                                         "seventeen eighteen nineteen twenty".split())}
_WORDS = "(?:" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_COUNTED = rf"(?:{COUNT}|(?:exactly\s+|at\s+least\s+|fewer\s+than\s+|at\s+most\s+)?{_WORDS})"
_UNIT = rf"(?:[^;:\"]|{_Q}){{3,160}}?"
_WORD_LIST = r"[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*){0,19}"

# a radiology report: 'Findings: ... Impression: ...'
_REPORT = re.compile(r"^\s*findings\s*:\s*(?P<body>\S.*?)(?:(?<=[.;])\s+impression\s*:\s*(?P<imp>[^:\"]{1,80}?)\s*\.?)?\s*$", _I)
_PROCEDURE = re.compile(rf"^{_DOC}\s+(?:reviewed|read|examined|scanned|inspected|checked)\b[^.;\"]{{0,80}}[.;]\s+(?=\S)", _I)
_SEARCHED = re.compile(rf"^{_DOC}\s+searched\s+for\s+each\s+listed\s+(?:word|keyword|term)s?\s*\(\s*(?P<q>{_QLIST})\s*\)\s*;\s*"
                       r"none\s+(?:is\s+|was\s+)?identified", _I)
_COUNTED_ACROSS = re.compile(rf"^(?P<unit>{_UNIT})\s+counted(?:\s+(?:across|throughout|in)\s+{_DOC})?(?P<note>\s*,\s*[^;:\"]{{1,60}}?)?\s*[;:]\s*"
                             rf"(?:the\s+total\s+is\s+)?(?P<c>{_COUNTED})(?:\s+(?P<noun>(?!identified\b)[a-z]+))?(?:\s+identified)?"
                             r"(?P<again>\s*,\s*strictly\s+(?:fewer|less)\s+than\s+(?P<n2>\d+))?\s*(?=[.;]|$)", _I)
_COUNT_IDENTIFIED = re.compile(rf"^(?P<c>{_COUNTED}\s+[a-z][a-z -]{{1,40}}?)\s+identified\b", _I)
_IDENTIFIED_IN = re.compile(rf"^(?P<what>(?!{_DOC}\b)(?:[^;\"]|{_Q}){{3,200}}?),?\s+identified\s+(?:in|within|across|throughout)\s+{_DOC}", _I)
_NONE_IDENTIFIED = re.compile(r"\b(?P<no>no|not\s+one)\s+(?P<what>[a-z][\w -]{0,40}?)\s+(?:is\s+|was\s+)?identified\b", _I)
_LISTED = re.compile(rf"\bevery\s+listed\s+(?:key)?word\s*\(\s*(?P<q>{_QLIST})\s*\)", _I)
_LANGUAGE_TEXT = re.compile(r"^(?P<lang>[A-Z][a-z]+)-language\s+text\b")

# words of these voices said as the readers read them (only in a statement read out of one of them)
_RESPELL = [
    # 'fully capitalised words, every letter of each in upper case' are words in all capital letters
    (re.compile(r"\bfully\s+capitali[sz]ed\s+words(?:\s*,\s*every\s+letter\s+of\s+each\s+in\s+upper\s*case\b)?", _I), "words in all capital letters"),
    # 'every listed keyword, "a" and "b",' is 'each of the keywords "a" and "b"'
    (re.compile(rf"\bevery\s+listed\s+(?:key)?word\s*,\s*(?P<q>{_QLIST})\s*,?", _I), r"each of the keywords \g<q>"),
    # 'no listed word ("a" and "b") appears' is 'none of "a" and "b" appears'
    (re.compile(rf"\bno\s+listed\s+(?:key)?words?\s*\(\s*(?P<q>{_QLIST})\s*\)\s+appears\b", _I), r"none of \g<q> appears"),
    # 'Not a single use of the word "a" or "b" anywhere in the response' is 'The response uses none of the words "a" or "b" anywhere'
    (re.compile(rf"^not\s+a\s+single\s+use\s+of\s+the\s+words?\s+(?P<q>{_QLIST})\s+anywhere\s+in\s+the\s+(?P<doc>response|reply)\b", _I),
     r"The \g<doc> uses none of the words \g<q> anywhere"),
    # 'no capital letter anywhere, sentence starts and names included': 'anywhere' says it
    (re.compile(r"(\banywhere)\s*,\s*(?:sentence\s+starts|the\s+first\s+word)\s+and\s+names\s+included\b", _I), r"\1"),
    # 'valid JSON, code fence or not' allows a fence
    (re.compile(r"(\bvalid\s+JSON)\s*,\s*(?:code\s+fence\s+or\s+not|fenced\s+or\s+not)(?=\s*[,.]|\s*$)", _I), r"\1, with or without a code fence"),
    (re.compile(r"\s*,?\s*and\s+there's\s+nothing\s+else\s+in\s+there\b", _I), ", with nothing else in it"),
    # 'bracketed blanks like [address]' are placeholders
    (re.compile(r"\b(bracketed|square-bracket(?:ed)?)\s+blanks\b", _I), r"\1 placeholders"),
    # 'from its first sentence to its last' is 'throughout'
    (re.compile(r"\s*,?\s*from\s+(?:its|the)\s+(?:very\s+)?(?:first|opening)\s+(?:sentence|line|word|character)\s+to\s+(?:its|the)\s+(?:very\s+)?(?:last|final)"
                r"(?:\s+(?:one|sentence|line|word|character))?\b", _I), " throughout"),
    # 'valid JSON ...; no extra prose appears' is 'valid JSON ..., with nothing else in it'
    (re.compile(r"\s*;\s*(?:there\s+is\s+)?no\s+(?:extra|other|additional|further)\s+(?:prose|text)(?:\s+appears)?(?=\s*\.?\s*$)", _I), ", with nothing else in it"),
]


def _bound(count: str) -> str:
    """'below 10' is 'fewer than 10', 'above 10' 'more than 10'."""
    count = re.sub(r"^(?:below|under)\s+", "fewer than ", count, flags=_I)
    return re.sub(r"^(?:above|over)\s+", "more than ", count, flags=_I)


def _finding(body: str) -> Optional[str]:
    """A radiology report's findings said of the response; None when they are not read."""
    body = _PROCEDURE.sub("", body)
    body = _LISTED.sub(r"each of \g<q>", body)
    m = _SEARCHED.match(body)
    if m:
        return f"None of {m.group('q')} appears in the response" + body[m.end():]
    m = _COUNTED_ACROSS.match(body)
    if m:
        unit, count = m.group("unit").strip(), _bound(m.group("c"))
        if m.group("noun") and m.group("noun").lower().rstrip("s") not in unit.lower():
            return None  # '3 or more sections identified' counts what the unit names
        said_n = re.search(r"\d+", count)
        if m.group("again") and (not said_n or said_n.group(0) != m.group("n2")):
            return None
        return f"The response has {count} {unit}{m.group('note') or ''}{body[m.end():]}"
    m = _COUNT_IDENTIFIED.match(body)
    if m:
        return "The response has " + m.group("c") + body[m.end():]
    m = _IDENTIFIED_IN.match(body)
    if m:
        return "The response contains " + m.group("what").strip() + body[m.end():]
    m = _LANGUAGE_TEXT.match(body)
    if m and m.group("lang").lower() in LANGUAGES:
        return "The response is " + body
    if re.search(rf"\b{_DOC}\b", body, _I) and not re.search(r"\bidentified\b", _NONE_IDENTIFIED.sub("", body), _I):
        return cap(body)  # a finding said as a statement: 'the final words of the response are exactly "x".'
    return None


def _report(text: str) -> Optional[Tuple[str, Asides]]:
    m = _REPORT.match(text)
    if not m:
        return None
    said = _finding(m.group("body").strip())
    if said is None:
        return None
    said = sub_all_outside(said, [(_NONE_IDENTIFIED, lambda n: f"{n.group('no')} {n.group('what')} appears")])
    return said, ([("skill", m.group("imp"))] if m.group("imp") else [])


# a tour guide: the address, the pointing, and the thing pointed at ('Count the bullet points with me, everyone: ...')
_VOCATIVE = re.compile(r"\s*,?\s*\b(?:everyone|ladies\s+and\s+gentlemen|folks)\b(?=\s*[:,])", _I)
_TOURING = re.compile(r"\b(?:with\s+me|as\s+we\s+(?:go|walk)\s+(?:through|along)|along\s+the\s+way|on\s+our\s+way)\b", _I)
_WALK = re.compile(r"^(?:as\s+you\s+can\s+see|if\s+you\s+look\s+closely|as\s+we\s+walk\s+through)\b[^,:\"]{0,80},\s*(?P<rest>\S.+)$", _I)
_POINTED = re.compile(r"^(?:keep\s+an\s+eye\s+out\s+for|notice|count|look\s+at|take\s+a\s+look\s+at)\s+the\s+(?:little\s+)?(?P<unit>[^:,\"]+?)"
                      rf"(?:\s+(?:with\s+me|as\s+we\s+go\s+through\s+{_DOC}|dotted\s+through\s+{_DOC}|along\s+the\s+way|here))*"
                      r"(?P<desc>\s*,\s*[^:\"]+)?$", _I)
_OF_THEM = re.compile(r"^(?P<pre>[^:\"]*?)(?:\s*,\s*|\s+)?(?:and\s+)?(?:you'll\s+count|you\s+(?:can|will)\s+count|there\s+are|"
                      rf"the\s+(?:reply|response)\s+has|you'll\s+reach)\s+(?P<c>{_COUNTED})(?P<them>\s+of\s+them)?(?P<post>.*)$", _I)
_COUNT_LETTER = re.compile(rf"^(?:count|keep\s+count\s+of|keep\s+an\s+eye\s+on)\s+the\s+(?P<u>letter|word)\s+(?P<q>{_Q})(?:\s+with\s+me)?(?:\s+as\s+we\s+go(?:\s+along)?)?(?P<note>\s*,\s*[^:\"]{{1,40}})?$", _I)
_FIND_IT = re.compile(rf"^(?:across\s+{_DOC}\s+)?(?:you'll\s+find\s+it|it\s+(?:turns\s+up|shows\s+up|appears))\s+(?P<c>{COUNT})\s+times?"
                      r"(?:\s+in\s+the\s+(?:reply|response))?\s*\.?\s*$", _I)
_YOU_SEE = re.compile(r"^(?:as\s+we\s+(?:move|go|walk)\s+through\s+the\s+(?:reply|response)\s*,?\s+)?you'll\s+see\s+the\s+(?P<np>[^:\"]{2,60})$", _I)
_POINTING = re.compile(r"^(?:and\s+)?(?:you'll|you\s+(?:can|will))\s+(?:see|notice|spot|find)\s+(?:that\s+)?", _I)
# a guide's pronouns ('search it', 'in it'), asides ('and carries on from there') and counts said last, as the rules read them
_TOUR_RESPELL = [
    (re.compile(r"^search\s+it\s+as\s+you\s+like\s*,\s*you\s+won't\s+find\s+", _I), "The reply does not contain "),
    (re.compile(r"\banywhere\s+in\s+it\b", _I), "anywhere"),
    (re.compile(r"^(?:there\s+isn't|there\s+is\s+not)\s+(?P<what>a\s+single\s+[a-z]+)\s+in\s+it\b", _I), r"there isn't \g<what> in the reply"),
    (re.compile(r"^it\s+(?=opens|begins|starts|ends|closes)", _I), "The reply "),
    (re.compile(r"\s+and\s+carries\s+on\s+from\s+there\b", _I), ""),
    (re.compile(r"\s+right\s+there\s+in\s+the\s+(reply|response)\s*,\s*word\s+for\s+word\s*:", _I), r" word for word in the \1:"),
    (re.compile(r"^there(?:'s|\s+is)\s+a\s+row\s+of\s+six\s+asterisks\s*,\s*\*{6}\s*,\s*and\s+on\s+(?:either|each)\s+side\s+of\s+it\s+a\s+different\s+"
                r"response\s*,\s*two\s+in\s+all\b", _I), "The reply gives two different responses, separated by six asterisks ******"),
    (re.compile(r"\s*,\s*and\s+notice\s+that\s+", _I), ", and "),
    (re.compile(r"\binto\s+(?P<u>[a-z]+)(?P<d>,[^\"]*?),\s*(?P<n>\d+)\s+of\s+them\s+at\s+the\s+very\s+least\b", _I), r"into at least \g<n> \g<u>\g<d>"),
    (re.compile(r"^keep\s+an\s+eye\s+out(?:\s+along\s+the\s+way)?\s+and\s+you'll\s+spot\s+(?P<what>every\s+(?:word|keyword)\s+on\s+this\s+list)"
                r"(?:\s+in\s+the\s+(?:reply|response))?\s*:", _I), r"The reply contains \g<what>:"),
    (re.compile(r"^(?:the\s+reply\s+)?opens\s+with\s+(?P<q>a\s+double\s+quotation\s+mark|a\s+double\s+quote)\s+and\s+closes\s+with\s+(?:one|(?P=q))"
                r"(?:\s*,\s*so\s+the\s+(?:entire|whole)\s+(?:thing|reply)\s+sits\s+inside\s+(?:double\s+quotes|them))?", _I),
     "The reply is wrapped in double quotation marks"),
]
# a tour guide's leads that point at nothing to check
_EMPTY_LEAD = re.compile(r"^(?:here's\s+the\s+(?:interesting|remarkable)\s+thing\s+about\s+this\s+(?:reply|response)|notice\s+the\s+lettering\s+here|"
                         r"(?:take\s+a\s+)?look\s+at\s+(?:both\s+ends|the\s+(?:start|end|beginning|middle))\s+of\s+the\s+(?:reply|response)|"
                         r"don't\s+miss\s+the\s+little\s+extra\s+here)$", _I)


def _of_them(unit: str, desc: str, statement: str) -> Optional[str]:
    """'the bullet points' and 'the reply has exactly 3 of them, not one more' -> 'The response has exactly 3 bullet points'."""
    m = _OF_THEM.match(statement)
    if not m:
        return None
    pre, count, post = m.group("pre").strip(" ,"), m.group("c"), m.group("post")
    if count.endswith(","):  # 'there are exactly 6, and ...'
        count, post = count.rstrip(","), "," + post
    counted = re.match(r"^count\s+the\s+(?P<u>[a-z][a-z ]{1,30}?)(?:\s+and)?$", pre, _I)
    if counted and not unit:
        unit, pre = counted.group("u"), ""
    if not unit:
        return None
    least = re.match(r"^\s+at\s+the\s+very\s+least(?:\s*,\s*perhaps\s+more)?", post, _I)
    if least:
        if not re.fullmatch(r"\d+|" + _WORDS, count, _I):
            return None
        count, post = "at least " + count, post[least.end():]
    post = re.sub(r"^\s+in\s+the\s+(?:reply|response)\b", "", post, flags=_I)
    again = re.match(r"^\s*,\s*not\s+one\s+more\b", post, _I)
    if again and count.lower().startswith("exactly"):
        post = post[again.end():]
    said = f"The response has {count} {unit.strip()}" + (f", {desc.strip(' ,')}" if desc else "") + (f", {pre}" if pre else "")
    return said + post


def _tour(text: str) -> Optional[Tuple[str, Asides]]:
    head = text[:data_colon(text) + 1]  # the address and the touring are said before any data ('... with me.' may be data)
    bare = QUOTE_RE.sub(" ", head)
    if not _VOCATIVE.search(bare) and not _TOURING.search(bare):
        return None
    plain = sub_outside(head, _VOCATIVE, "")
    plain += text[len(head):]
    m = _WALK.match(plain)
    if m:
        lead, statement = "", m.group("rest")
    else:
        colon = data_colon(plain)
        if colon == len(plain):
            return None
        lead, statement = plain[:colon].strip(), plain[colon + 1:].strip()
    unit, found = _COUNT_LETTER.match(lead), _FIND_IT.match(statement)
    if unit and found:  # 'Count the letter "c" with me, upper or lower case: you'll find it at least 5 times in the reply.'
        return f"The {unit.group('u').lower()} {unit.group('q')} appears {found.group('c')} times in the reply{unit.group('note') or ''}.", []
    seen, they = _YOU_SEE.match(lead), re.match(r"^they\s+(?P<verb>[a-z]+)\s+it\b", statement, _I)
    if seen and they:  # 'you'll see the *** dividers: they split it into exactly 2 paragraphs'
        return f"The {seen.group('np')} {they.group('verb')} the reply{statement[they.end():]}", []
    pointed = _POINTED.match(lead) if lead else None
    said = _of_them(pointed.group("unit") if pointed else "", (pointed.group("desc") or "") if pointed else "", statement)
    if said is not None:  # the count of what is pointed at; a lead that points at nothing a skill aside
        return said, ([] if pointed or not lead or _EMPTY_LEAD.match(lead) else [("skill", lead)])
    data = lead and statement[:1] in "\"\u201c"  # 'you'll spot every word on this list: "a" and "b"'
    said = cap(sub_all_outside(_POINTING.sub("", lead + ": " + statement if data else statement), _TOUR_RESPELL))
    if data or not lead or _EMPTY_LEAD.match(lead):
        return said, []
    if re.search(r"\d|[\"*#<\[]", lead):  # what it points at is data the statement does not read ('the *** dividers')
        return text, [("veto", "a tour guide's lead with data of its own")]
    return said, [("skill", lead)] + ([("name", pointed.group("unit"))] if pointed else [])  # what it points at: what the check is about


# an estate agent's listing: 'Features X, at least 2 of them.', 'Boasts a comma-free interior: X', 'Offered free of "a": ...'
_FEATURES = re.compile(r"^\s*(?:features|boasts|comes\s+with)\s+(?P<rest>[^:]+)$", _I)
_FEATURE_COUNT = re.compile(rf"^(?P<unit>(?:[^,\"]|{_Q}){{3,120}}?)(?P<desc>(?:\s*,\s*(?:[^,\"]|{_Q}){{3,80}}?)?)\s*,\s*(?P<c>{_COUNTED})\s+of\s+them\s*\.?\s*$", _I)
_HEADLINE = re.compile(r"^\s*(?P<label>(?:offered|presented|boasts)\b[^:\"]{0,60}|compact\s+and\s+bijou)"
                       r"\s*:\s*(?P<rest>\S.+)$", _I)
_FREE_OF = re.compile(rf"^\s*offered\s+(?:entirely\s+|completely\s+)?free\s+of\s+(?P<q>{_QLIST})\s*:\s*no\s+listed\s+(?:key)?word\s+appears\s+", _I)
_AT_MOST = re.compile(r"\b(?:fewer\s+than|less\s+than|under|at\s+most|no\s+more\s+than)\s+\d+\s+(?:words|sentences)\b", _I)


def _listing(text: str) -> Optional[Tuple[str, Asides]]:
    m = _FREE_OF.match(text)
    if m:
        return f"None of {m.group('q')} appears " + text[m.end():], []
    m = _HEADLINE.match(text)
    if m:
        label, rest = m.group("label").strip(), m.group("rest")
        if re.match(r"compact\s+and\s+bijou$", label, _I):  # small: said only of a length at most
            return cap(rest), ([] if _AT_MOST.search(rest) else [("veto", "a listing's 'compact' said of no length at most")])
        return cap(rest), [("skill", label)]
    m = _FEATURES.match(text)
    if not m:
        return None
    rest = re.sub(r"\s*,\s*each\s+one\s+appearing\s+somewhere\s+in\s+the\s+(?:response|reply)(?=\s*\.?\s*$)", "", m.group("rest"), flags=_I)
    counted = _FEATURE_COUNT.match(rest)
    if counted:
        return f"The response has {counted.group('c')} {counted.group('unit').strip()}{counted.group('desc')}.", []
    return "The response has " + rest, []


# a breed standard: '[Markings:] the standard calls for X' states X of the response
_STANDARD = re.compile(r"^\s*(?:(?P<label>[A-Z][a-z]+(?:\s+[a-z]+)?)\s*:\s*)?(?i:the\s+standard\s+calls\s+for)\s+(?P<rest>\S.+)$", re.S)
_IN_WHICH = re.compile(r"^an?\s+(?:response|reply)\s+in\s+which\s+", _I)
_LANGUAGE_RESPONSE = re.compile(r"^an?\s+(?P<lang>[A-Z][a-z]+)\s+(?:response|reply)\s+(?=in\b|with\b|written\b)")
_TO_APPEAR = re.compile(r"^(?P<np>(?:[^\"]|{q}){{3,160}}?)\s+to\s+appear\s+(?:somewhere\s+)?in\s+the\s+(?:response|reply)\s*\.?\s*$".format(q=_Q), _I)
_NUMBERING = re.compile(rf"^(?P<unit>(?:[^;\"]|{_Q}){{3,160}}?)\s*,?\s+numbering\s+(?P<c>{_COUNTED})(?P<where>\s+anywhere\s+in\s+the\s+(?:response|reply))?"
                        r"(?:\s*;\s*more\s+are\s+acceptable)?\s*\.?\s*$", _I)
_STAYS_BELOW = re.compile(r"\s*;\s*the\s+count\s+stays\s+strictly\s+below\s+(?P<n>\d+)\s*\.?\s*$", _I)


def _number(said: str) -> Optional[int]:
    m = re.search(r"\d+|\b(?:" + "|".join(_NUMBERS) + r")\b", said, _I)
    return None if m is None else int(m.group(0)) if m.group(0).isdigit() else _NUMBERS[m.group(0).lower()]


def _standard(text: str) -> Optional[Tuple[str, Asides]]:
    m = _STANDARD.match(text)
    if not m:
        return None
    rest, asides = m.group("rest"), ([("label", m.group("label"))] if m.group("label") else [])
    below = _STAYS_BELOW.search(rest)
    if below:  # 'fewer than ten X; the count stays strictly below 10': the bound said again
        if not re.match(r"(?:fewer|less)\s+than\s", rest, _I) or _number(rest[:below.start()]) != int(below.group("n")):
            return text, [("veto", "a breed standard's bound said again as another")]
        rest = rest[:below.start()]
    in_which = _IN_WHICH.match(rest)
    if in_which:
        said = cap(rest[in_which.end():])
        return re.sub(r"\banywhere\b(?!\s+in\s+the\s+(?:response|reply))", "anywhere in the response", said, count=1), asides
    lang = _LANGUAGE_RESPONSE.match(rest)
    if lang and lang.group("lang").lower() in LANGUAGES:
        return f"The response is in {lang.group('lang')} and " + rest[lang.end():], asides
    appear = _TO_APPEAR.match(rest)
    if appear:
        return "The response contains " + appear.group("np"), asides
    numbering = _NUMBERING.match(rest)
    if numbering:
        return f"The response has {numbering.group('c')} {numbering.group('unit')}", asides
    if re.match(rf"{_COUNTED}\s", rest, _I):
        return "The response has " + rest, asides
    return None


# a play-by-play call: exclamations, one of them the statement ('Steered clear all the way! Not a single use of ...!')
_CALLED = [
    # 'Bullet count: exactly 3! Markdown bullets with * or -, ...!' -> 'The response has exactly 3 markdown bullets with * or -, ...'
    (re.compile(rf"^(?P<u>[A-Z][a-z]+)\s+count\s*:\s*(?P<c>{_COUNTED})\s*!\s+(?P<rest>[A-Z].+)$"), lambda m: f"The response has {m.group('c')} {m.group('rest')[0].lower()}{m.group('rest')[1:]}"),
    # 'Section after section! At least 3 of them, each ...!' -> 'The response has at least 3 sections, each ...'
    (re.compile(rf"^(?P<u>[A-Z][a-z]+)\s+after\s+(?P=u)\s*!\s+(?P<c>{_COUNTED})\s+of\s+them\b(?P<rest>.*)$", _I),
     lambda m: f"The response has {m.group('c')} {m.group('u').lower()}s{m.group('rest')}"),
    # 'The letter "l" is everywhere! At least 15 appearances in the response, ...!'
    (re.compile(rf"^the\s+(?P<u>letter|word)\s+(?P<q>{_Q})\s+is\s+everywhere\s*!\s+(?P<c>{_COUNTED})\s+appearances\b(?P<rest>.*)$", _I),
     lambda m: f"The {m.group('u').lower()} {m.group('q')} appears {m.group('c').lower()} times{m.group('rest')}"),
    # 'And the keywords are all in! "a" and "b": each one shows up in the response!'
    (re.compile(rf"^(?:and\s+)?the\s+keywords\s+are\s+all\s+in\s*!\s+(?P<q>{_QLIST})\s*:\s*each\s+one\s+(?P<rest>(?:shows\s+up|appears)\b.*)$", _I),
     lambda m: f"Each of {m.group('q')} {m.group('rest')}"),
    # 'Straight off the line it repeats the request word for word, "...", not a word changed, and then it goes into the answer!'
    (re.compile(r"^straight\s+off\s+the\s+line\s+it\s+repeats\s+(?P<rest>the\s+(?:request|prompt)\s+word\s+for\s+word\b.*?)(?:\s*,\s*not\s+a\s+word\s+changed)?"
                r"(?:\s*,\s*and\s+then\s+it\s+goes\s+into\s+the\s+answer)?\s*!?\s*$", _I), lambda m: f"The response first repeats {m.group('rest')}."),
]
_CALL = re.compile(r"^(?P<call>[A-Z][^!\"]{2,60}!)\s+(?P<rest>[A-Z][^!]*(?:\"[^\"]*\"[^!]*)*!)\s*$", re.S)
_STEERED = re.compile(r"^(?:steered|stayed|kept)\s+(?:well\s+)?(?:clear|away)\b(?:\s+(?:all\s+the\s+way|of\s+them))?\s*!$", _I)
# a commentator's idioms, which judge nothing ('Highlights galore!', 'Short and sweet!', 'Lowercase all the way home!')
_CALL_IDIOM = re.compile(r"\b(?:short\s+and\s+(?:sweet|sharp)|galore|all\s+the\s+way\s+home|for\s+the\s+price\s+of\s+one|clean\s+(?=json\b))", _I)
_AGAIN = re.compile(r"\s*,\s*(?:not\s+one\s+more\s*,\s*not\s+one\s+less|every\s+word\s+counted|and\s+there's\s+nothing\s+else\s+in\s+there)(?=\s*(?:in\s+the\s+whole|!|$))"
                    r"|\s*!?\s*not\s+one\s+more\s*,\s*not\s+one\s+less\s*!?\s*$", _I)


def _play(text: str) -> Optional[Tuple[str, Asides]]:
    for pattern, said in _CALLED:
        m = pattern.match(text.strip())
        if m:
            return _AGAIN.sub("", said(m)).rstrip("! ") + ".", []
    if not text.rstrip().endswith("!"):
        return None
    plain = _AGAIN.sub("", text.strip())
    if plain != text.strip() and re.match(rf"^(?:{_COUNTED})\s", plain, _I):  # 'Exactly 2 paragraphs, ...! Not one more, not one less!'
        return "The response has " + plain[0].lower() + plain[1:].rstrip("! ") + ".", []
    m = _CALL.match(plain if plain.endswith("!") else plain + "!")
    if not m or re.search(r"\d|\"", m.group("call")):
        return None
    if unknown_words(_CALL_IDIOM.sub(" ", m.group("call"))):  # a call in words no rubric uses ('Brilliant analysis!')
        return text, [("veto", "a call that judges")]
    rest = m.group("rest").rstrip("! ") + "."
    if _STEERED.match(m.group("call")) and re.search(r"\bnone\b|\bno\b|\bnot\b|n't\b", rest, _I):
        return rest, []  # an avoidance idiom before an absence: no judgement ('clear' is not the response's clarity)
    return rest, [("skill", _CALL_IDIOM.sub(" ", m.group("call")).rstrip("! "))]


# a knitting pattern's row: 'Work the reply X', 'Work each keyword on this list into the reply: a, b'; its count check
_WORK_INTO = re.compile(rf"^\s*work\s+(?:each|every)\s+(?:key)?word\s+on\s+this\s+list\s+into\s+the\s+(?:reply|response)(?:\s+at\s+least\s+once)?\s*:\s*"
                        rf"(?P<words>{_WORD_LIST})\s*\.?\s*$", _I)
_WORK_WITHOUT = re.compile(rf"^\s*work\s+the\s+(?:reply|response)\s+without\s+using\s+any\s+word\s+on\s+this\s+list\s*:\s*(?P<words>{_WORD_LIST})\s*"
                           r"(?:;\s*count\s+check\s*:\s*0\s+of\s+each)?(?P<note>\s*,\s*[^;:\"]{1,40}?)?\s*\.?\s*$", _I)
_FIRST_ROW = re.compile(r"^\s*row\s+1\s*:\s*(?P<rest>before\s+anything\s+else\s*,\s*repeat\s+the\s+(?:request|prompt)\b[^.:\"]*?[;,]\s*)"
                        r"then\s+work\s+the\s+answer(?P<more>\s*\.\s*request\s+to\s+repeat\s*:.+)$", _I)
_COUNT_CHECK = re.compile(rf"^\s*count\s+check\s*:\s*(?P<c>{COUNT})\s+of\s+the\s+(?P<u>letter|word)\s+(?P<q>{_Q})(?P<note>\s*,\s*[^,\"]{{1,30}}?)?\s*,?\s+"
                          r"in\s+the\s+(?:whole\s+|entire\s+)?(?:reply|response)\s*\.?\s*$", _I)
_WORK_IN = re.compile(r"^\s*(?i:work\s+the\s+(?:(?:whole|entire)\s+)?(?:reply|response))\s+in\s+(?P<lang>[A-Z][a-z]+)\s+(?P<how>(?:using|in)\s+(?:capital|lowercase|uppercase|small)"
                      r"\s+letters\s+only)\s*;\s*count\s+check\s*:\s*0\s+(?P<none>lowercase|capital|uppercase)\s+letters\s*\.?\s*$", re.S)


def _pattern(text: str) -> Optional[Tuple[str, Asides]]:
    m = _FIRST_ROW.match(text)
    if m:  # 'Row 1: before anything else, repeat the request ...; then work the answer. Request to repeat: ...'
        return cap(m.group("rest")) + "then give the answer" + m.group("more"), []
    m = _COUNT_CHECK.match(text)
    if m:
        return f"The {m.group('u').lower()} {m.group('q')} appears {m.group('c')} times in the reply{m.group('note') or ''}.", []
    m = _WORK_INTO.match(text)
    if m:
        return f"The reply contains each of these keywords at least once: {quoted_words(m.group('words').split(','))}.", []
    m = _WORK_WITHOUT.match(text)
    if m:
        return f"The reply uses none of these words: {quoted_words(m.group('words').split(','))}{m.group('note') or ''}.", []
    m = _WORK_IN.match(text)
    if m and m.group("lang").lower() in LANGUAGES:
        upper = re.search(r"capital|uppercase", m.group("how"), _I) is not None
        if upper == bool(re.match(r"capital|uppercase", m.group("none"), _I)):  # the count check must rule out the other case
            return text, [("veto", "a count check against the case asked for")]
        return f"The reply is in {m.group('lang')} and {m.group('how')}.", []
    return None


def listed(text: str) -> Tuple[str, Asides]:
    """(the statement inside a radiology report, a tour guide's pointer, a listing's feature, a breed standard, a
    play-by-play call or a knitting pattern's row, its asides); (text, []) when it is none of them."""
    for reader in (_report, _tour, _listing, _standard, _play, _pattern):
        got = reader(text)
        if got is not None:
            return sub_all_outside(got[0], _RESPELL), got[1]
    return text, []
