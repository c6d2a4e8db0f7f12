"""Voices of rubric writers from set 42 (issue 15, round 35), each read as the plain statement inside it:

    Contains: "oats" and "honey", each somewhere in the reply.                      (a food-packaging label)
    Seeking a reply that mentions "oats", somewhere along the way.                   (a lonely-hearts advertisement)
    The successful candidate will present exactly 4 bullet points in markdown.       (a job advert's person specification)
    Removed: the words "oats". None of them appears anywhere in the reply.           (software release notes)
    Paragraphs, go: exactly 3, split by ***, Flight.                                  (a mission-control go/no-go poll)
    And the word oats shall be said at the least 2 times in the reply.               (an archaic prayer-book rubric)

:func:`labelled` returns the statement and the asides. A label's 'Contains:' and 'Free from:' say what the reply holds
and what it does not; an advertisement's 'Seeking a reply that X' is 'The reply X'; a person specification's 'The
successful candidate will X' is the reply doing X, and its adjective ('Seeking a calm reply: fewer than 4 words in
capitals') must be borne out by the bound's side and unit, else a veto; release notes' 'Removed: the words X.' avoids them when the note
says so; a poll's call ('Flight, Paragraphs are go:', 'Keywords, go:', ', Flight.') asks for nothing, its topic the unit a
bare count counts ('Paragraphs, go: exactly 3'); a rubric's 'shall' is the statement ('And the reply shall end with
these words, X, and after them nothing more shall be said' ends with X). Each reading is anchored on its voice's whole
frame; what is not read is left to the other readers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import LANGUAGES, QUOTED_ITEM, QUOTED_LIST, SIDE_WORDS, number_words_to_digits, quoted_words
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
_N = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_REL = rf"(?:(?:at\s+least|at\s+the\s+least|at\s+most|exactly|strictly\s+(?:below|under|fewer\s+than|less\s+than)|not\s+(?:more|fewer|less)\s+than|fewer\s+than|less\s+than|under|below)\s+)?{_N}(?:\s+or\s+(?:more|fewer|less))?"
_WORDS = r"[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*){0,19}"
_REQUEST = r"(?P<req>\S.*)$"


def _request(said: str, req: str) -> str:
    return f"{said} The request to repeat: {req}"


# a food-packaging label
_FOOD = [
    (re.compile(rf"^contains\s*,\s*first\s+of\s+all\s*:\s*the\s+request\s+repeated\s+word\s+for\s+word\s*,\s*with\s+nothing\s+ahead\s+of\s+it\s*:\s*{_REQUEST}", _I),
     lambda m: _request("The reply first repeats the request word for word, with nothing before it.", m.group("req"))),
    (re.compile(rf"^contains\s*:\s*(?P<q>{_QLIST})\s*,\s*each\s+somewhere\s+in\s+the\s+reply\s*\.?\s*$", _I),
     lambda m: f"The reply contains {m.group('q')}."),
    (re.compile(rf"^free\s+from\s*:\s*(?P<w>{_WORDS})\s*\.\s*not\s+found\s+anywhere\s+in\s+the\s+reply\s*,\s*in\s+any\s+case\s*\.?\s*$", _I),
     lambda m: f"The reply uses none of the words {quoted_words(m.group('w').split(','))} anywhere, in any capitalisation."),
]

# a lonely-hearts advertisement: 'Seeking a reply that/who X'
_SEEKING = re.compile(r"^\s*seeking\s+a\s+reply\s+(?:(?:that|who)\s+|(?=of\s))(?P<x>\S.*)$", _I)
_AD = [
    (re.compile(rf"^listens\s*:\s*it\s+opens\s+by\s+repeating\s+my\s+request\s+word\s+for\s+word\s*,\s*with\s+nothing\s+said\s+before\s+it\s*:\s*{_REQUEST}", _I),
     lambda m: _request("The reply opens by repeating my request word for word, with nothing said before it.", m.group("req"))),
    (re.compile(rf"^can't\s+stop\s+saying\s+(?P<q>{_Q})\s*:\s*(?P<c>{_REL})\s+times(?P<more>\s+or\s+more)?\s*\.?\s*$", _I),
     lambda m: f"The reply says {m.group('q')} {m.group('c')} times{m.group('more') or ''}."),
    (re.compile(r"^speaks\s+(?P<lang>[A-Z][a-z]+)\s+and\s+only\s+(?P=lang)\s*,\s*from\s+first\s+word\s+to\s+last\s*\.?\s*$", _I),
     lambda m: f"The reply is in {m.group('lang')} and only {m.group('lang')}, from first word to last."),
    (re.compile(r"^speaks\s+English\s+and\s+says\s+it\s+loud\s*:\s*(?P<x>every\s+letter\s+a\s+capital\s*,\s*not\s+one\s+lowercase\s+letter\s+anywhere)\s*\.?\s*$", _I),
     lambda m: f"The reply is in English, {m.group('x')}."),
    (re.compile(rf"^mentions\s+(?P<q>{_QLIST})\s*,\s*somewhere\s+along\s+the\s+way\s*\.?\s*$", _I), lambda m: f"The reply mentions {m.group('q')}."),
    (re.compile(rf"^is\s+sparing\s+with\s+(?P<u>the\s+letter\s+{_Q})\s*:\s*(?P<c>(?:fewer|less)\s+than\s+\d+)\s+of\s+them\s*,\s*(?P<note>upper\s+or\s+lower\s+case)\s*\.?\s*$", _I),
     lambda m: f"{cap(m.group('u'))} appears {m.group('c')} times in the reply, {m.group('note')}."),
    (re.compile(r"^(?:is\s+)?of\s+few\s+words\s*:\s*(?P<c>(?:fewer|less)\s+than\s+\d+)\s+sentences\s*,\s*all\s+told\s*\.?\s*$", _I),
     lambda m: f"The reply has {m.group('c')} sentences."),
]

# a job advert's person specification
_SPEC = [
    (re.compile(r"^person\s+specification\s*:\s*responds\s+in\s+(?P<lang>English)\s*,\s*keeping\s+every\s+letter\s+of\s+the\s+reply\s+lowercase\s*,\s*capitals\s+nowhere\s*\.?\s*$", _I),
     lambda m: f"The reply is in {m.group('lang')}, every letter lowercase, no capitals."),
    (re.compile(rf"^the\s+successful\s+candidate\s+will\s+present\s+(?P<c>exactly\s+{_N})\s+bullet\s+points\s+in\s+markdown\s*,\s*using\s+\*\s+or\s+-\s+at\s+the\s+start\s+of\s+each\s*\.?\s*$", _I),
     lambda m: f"The reply has {m.group('c')} markdown bullet points, lines that start with * or -."),
    (re.compile(r"^the\s+successful\s+candidate\s+will\s+present\s+", _I), lambda m: "The reply has "),
    (re.compile(rf"^the\s+successful\s+candidate\s+will\s+structure\s+the\s+reply\s+as\s+(?P<c>exactly\s+{_N})\s+paragraphs\s*,\s*divided\s+by\s+markdown\s+\*\*\*\s+lines\s*\.?\s*$", _I),
     lambda m: f"The reply has {m.group('c')} paragraphs, separated by the markdown divider ***."),
    (re.compile(rf"^the\s+successful\s+candidate\s+will\s+complete\s+the\s+reply\s+without\s+using\s+any\s+of\s+the\s+words\s+(?P<q>{_QLIST})\s*\.?\s*$", _I),
     lambda m: f"The reply uses none of the words {m.group('q')}."),
    (re.compile(rf"^the\s+successful\s+candidate\s+will\s+write\s+(?P<c>exactly\s+{_N})\s+paragraphs\s+separated\s+by\s+two\s+newlines\s*,\s*starting\s+paragraph\s+(?P<nth>\d+)\s+"
                rf"with\s+the\s+word\s+(?P<q>{_Q})\s*\.?\s*$", _I),
     lambda m: f"The reply has {m.group('c')} paragraphs separated by two newlines, and paragraph {m.group('nth')} begins with the word {m.group('q')}."),
    (re.compile(rf"^the\s+successful\s+candidate\s+will\s+keep\s+(?P<u>the\s+letter\s+{_Q})\s+to\s+(?P<c>(?:fewer|less)\s+than\s+\d+)\s+occurrences\s+in\s+the\s+reply\s*,\s*"
                r"(?P<note>counting\s+both\s+cases)\s*\.?\s*$", _I),
     lambda m: f"{cap(m.group('u'))} appears {m.group('c')} times in the reply, {m.group('note')}."),
]

# software release notes
_NOTES = [
    (re.compile(rf"^removed\s*:\s*the\s+words?\s+(?P<q>{_QLIST})\s*\.\s*none\s+of\s+them\s+appears\s+anywhere\s+in\s+the\s+reply\s*\.?\s*$", _I),
     lambda m: f"The reply uses none of the words {m.group('q')} anywhere."),
    (re.compile(rf"^new\s*:\s*echo-first\s+replies\s*\.\s*the\s+reply\s+now\s+opens\s+with\s+an\s+exact\s*,\s*word-for-word\s+copy\s+of\s+the\s+request\s*,\s*nothing\s+before\s+it\s*:\s*{_REQUEST}", _I),
     lambda m: _request("The reply opens with an exact, word-for-word copy of the request, with nothing before it.", m.group("req"))),
]

# a mission-control go/no-go poll: 'Flight, <Topic> is go: X', '<Topic>, go: X, Flight.'
_POLL = re.compile(r"^\s*(?:(?i:flight)\s*,\s*)?(?P<topic>[A-Z][a-z]+(?:\s+count)?)\s*(?:,\s*go|(?:is|are)\s+go)\s*:\s*(?P<x>\S.*?)\s*\.?\s*$", re.S)
_FLIGHT = re.compile(r"\s*,\s*flight\b(?=\s*(?:,|\.|$))", re.I)
_POLL_SAID = {
    "case": (re.compile(r"^reply\s+in\s+(?P<lang>English)\s*,\s*every\s+letter\s+lowercase\s*,\s*zero\s+capitals(?:\s+on\s+the\s+board)?$", _I),
             lambda m: f"The reply is in {m.group('lang')}, every letter lowercase, zero capitals."),
    "vocabulary": (re.compile(rf"^(?P<q>{_QLIST})\s+not\s+used\s+anywhere\s+in\s+the\s+reply$", _I), lambda m: f"The reply uses none of the words {m.group('q')} anywhere."),
    "paragraphs": (re.compile(rf"^(?P<c>exactly\s+{_N})\s*,\s*(?:split\s+by\s+\*\*\*(?:\s*,\s*none\s+of\s+them\s+empty)?|(?P<blank>blank-line\s+separated)\s*;\s*paragraph\s+(?P<nth>\d+)\s+leads\s+with\s+"
                             rf"(?P<q>{_Q}))$", _I),
                   lambda m: (f"The reply has {m.group('c')} paragraphs, separated by blank lines, and paragraph {m.group('nth')} begins with the word {m.group('q')}."
                              if m.group("blank") else f"The reply has {m.group('c')} paragraphs, separated by the markdown divider ***.")),
    "keywords": (re.compile(rf"^(?P<q>{_QLIST})\s+present\s+in\s+the\s+reply$", _I), lambda m: f"The reply contains {m.group('q')}."),
    "keyword": (re.compile(rf"^(?P<q>{_Q})\s+counted\s+(?P<c>strictly\s+below\s+\d+)\s+in\s+the\s+reply$", _I),
                lambda m: f"The word {m.group('q')} appears {m.group('c')} times in the reply."),
    "letter count": (re.compile(rf"^(?P<q>{_Q})\s+(?P<c>under\s+\d+)\s+in\s+the\s+reply\s*,\s*strictly\s+fewer\s*,\s*either\s+case$", _I),
                     lambda m: f"The letter {m.group('q')} appears {m.group('c')} times in the reply, in either case."),
    "sections": (re.compile(rf"^(?P<c>{_N}\s+or\s+more)\s+numbered\s+(?P<s>[A-Za-z]+)\s+headings\s+in\s+the\s+reply\s*\((?P=s)\s+1\s*,\s*(?P=s)\s+2\s*,\s*and\s+on\)$", re.S),
                 lambda m: f"The reply has {m.group('c')} sections marked {m.group('s')} X."),
    "language": (re.compile(r"^the\s+reply\s+is\s+all\s+(?P<lang>[A-Z][a-z]+)\s*,\s*no\s+other\s+language(?:\s+on\s+the\s+loop)?$", re.S),
                 lambda m: f"The reply is entirely in {m.group('lang')}, with no other language."),
}


def _poll(text: str) -> Optional[Tuple[str, Asides]]:
    m = _POLL.match(text)
    if not m:
        return None
    topic = m.group("topic").lower()
    said = _POLL_SAID.get(topic)
    if said is None:
        return None
    s = said[0].match(_FLIGHT.sub("", m.group("x")).rstrip(". "))
    return (said[1](s), []) if s else None


# an archaic prayer-book rubric: 'And ... shall ...'
_RUBRIC = [
    (re.compile(rf"^first\s+shall\s+the\s+request\s+be\s+repeated\s+word\s+for\s+word\s*,\s*without\s+change\s+and\s+with\s+nothing\s+said\s+before\s+it\s*,\s*in\s+these\s+words\s*:\s*{_REQUEST}", _I),
     lambda m: _request("The reply first repeats the request word for word, without change and with nothing said before it.", m.group("req"))),
    (re.compile(rf"^and\s+in\s+the\s+reply\s+shall\s+be\s+said\s+these\s+words\s*:\s*(?P<w>{_WORDS})\s*\.?\s*$", _I),
     lambda m: f"The reply contains each of these keywords: {quoted_words(m.group('w').split(','))}."),
    (re.compile(r"^then\s+shall\s+the\s+whole\s+reply\s+be\s+said\s+in\s+the\s+(?P<lang>[A-Z][a-z]+)\s+tongue\s*,\s*and\s+in\s+none\s+other\s*\.?\s*$", _I),
     lambda m: f"The whole reply is in {m.group('lang')}, and in no other language."),
    (re.compile(rf"^and\s+note\s*,\s*that\s+the\s+reply\s+shall\s+contain\s+(?P<c>at\s+least\s+{_N})\s+places\s+left\s+to\s+be\s+filled\s*,\s*(?P<how>each\s+set\s+within\s+square\s+brackets\s*,\s*as\s+\[[^\]]+\])\s*\.?\s*$", _I),
     lambda m: f"The reply contains {m.group('c')} placeholders, {m.group('how')}."),
    (re.compile(r"^here\s+shall\s+two\s+several\s+answers\s+be\s+given\s*,\s*differing\s+one\s+from\s+the\s+other\s*,\s*and\s+between\s+them\s+shall\s+be\s+set\s+six\s+asterisks\s*,\s*thus\s*:\s*\*{6}\s*\.?\s*$", _I),
     lambda m: "The reply gives two different responses, separated by six asterisks ******."),
    (re.compile(rf"^and\s+the\s+words\s+written\s+wholly\s+in\s+capital\s+letters\s+shall\s+number\s+(?P<c>{_REL})\s+in\s+the\s+reply\s*\.?\s*$", _I),
     lambda m: f"The reply has {m.group('c')} words written wholly in capital letters."),
    (re.compile(rf"^and\s+it\s+is\s+to\s+be\s+noted\s+that\s+the\s+reply\s+shall\s+contain\s+(?P<c>{_N})\s+bullet\s+points?\s+in\s+markdown\s*,\s*and\s+neither\s+more\s+nor\s+fewer\s*\.?\s*$", _I),
     lambda m: f"The reply contains exactly {m.group('c')} bullet points in markdown."),
    (re.compile(r"^and\s+the\s+reply\s+shall\s+end\s+with\s+these\s+words\s*,\s*(?P<p>[^\"\n]{1,200}?)\s*,\s*and\s+after\s+them\s+nothing\s+more\s+shall\s+be\s+said\s*\.?\s*$", _I),
     lambda m: f"The reply ends with the words \"{m.group('p')}\", and nothing more after them."),
    (re.compile(rf"^then\s+shall\s+the\s+reply\s+be\s+set\s+out\s+in\s+(?P<c>{_N})\s+paragraphs\s*,\s*neither\s+more\s+nor\s+fewer\s*,\s*and\s+between\s+each\s+paragraph\s+and\s+the\s+next\s+"
                r"shall\s+be\s+placed\s+the\s+divider\s+\*\*\*\s*\.?\s*$", _I),
     lambda m: f"The reply has exactly {m.group('c')} paragraphs, separated by the divider ***."),
    (re.compile(rf"^and\s+the\s+letter\s+(?P<l>[^\s\"'])\s+shall\s+be\s+found\s+in\s+the\s+reply\s+(?P<c>{_REL})\s+times\s*,\s*whether\s+great\s+or\s+small\s*\.?\s*$", _I),
     lambda m: f"The letter \"{m.group('l')}\" appears {m.group('c')} times in the reply, in either case."),
    (re.compile(rf"^and\s+the\s+word\s+(?P<w>[A-Za-z][\w'-]*)\s+shall\s+be\s+said\s+(?P<c>{_REL})\s+times\s+in\s+the\s+reply\s*\.?\s*$", _I),
     lambda m: f"The word \"{m.group('w')}\" appears {m.group('c').replace('at the least', 'at least')} times in the reply."),
]


def _read(text: str, table) -> Optional[Tuple[str, Asides]]:
    for pattern, said in table:
        m = pattern.match(text)
        if m:
            out = said(m)
            return (out + text[m.end():], []) if out.endswith(" ") else (out, [])
    return None


# 'The reply is all Arabic.' (what is left of a poll's language call once its 'no other language' is read off)
_ALL_LANGUAGE = re.compile(r"^(?i:the\s+(?P<doc>reply|response)\s+is\s+all)\s+(?P<lang>[A-Z][a-z]+)\s*\.?\s*$", re.S)


# an advertisement's adjective before its statement: borne out by the bound's side and unit, else a veto
_SEEKING_A = re.compile(r"^\s*seeking\s+an?\s+(?P<adj>[a-z]+)\s+reply\s*:\s*(?P<x>\S.*)$", _I)
_ADJECTIVES = {"calm": ("less", r"capitals?"), "quiet": ("less", r"capitals?"), "talkative": ("more", r"sentences|words"),
               "chatty": ("more", r"sentences|words"), "brief": ("less", r"sentences|words"), "short": ("less", r"sentences|words")}


def _seeking_a(text: str) -> Optional[Tuple[str, Asides]]:
    m = _SEEKING_A.match(text)
    if not m or m.group("adj").lower() not in _ADJECTIVES:
        return None
    side, unit = _ADJECTIVES[m.group("adj").lower()]
    x = m.group("x")
    less = re.search(r"\b(?:fewer|less)\s+than\b|\bunder\b|\bbelow\b", x, _I) is not None
    more = re.search(r"\bor\s+more\b|\bat\s+least\b", x, _I) is not None
    if less == more or (side == "less") != less or not re.search(rf"\b(?:{unit})\b", x, _I):
        return text, [("veto", "an advertisement's adjective the statement does not bear out")]
    x = x.strip().rstrip(".")
    return ("The reply has " + x + "." if re.match(r"^(?:fewer|less)\s+than\s+\d|^\d", x, _I) else cap(x) + "."), []


def labelled(text: str) -> Tuple[str, Asides]:
    """(the statement inside a food label, a lonely-hearts advertisement, a person specification, release notes, a go/no-go
    poll or a prayer-book rubric, its asides); (text, []) when it is none of them."""
    stripped = text.strip()
    seeking = _SEEKING.match(stripped)
    got = (_read(seeking.group("x"), _AD) if seeking else None) or _seeking_a(stripped) or _read(stripped, _FOOD) or _read(stripped, _SPEC) or \
        _read(stripped, _NOTES) or _poll(stripped) or _read(stripped, _RUBRIC)
    if got is None:
        m = _ALL_LANGUAGE.match(stripped)
        if m and m.group("lang").lower() in LANGUAGES:
            got = (f"The {m.group('doc')} is entirely in {m.group('lang')}.", [])
    return got if got is not None else (text, [])


# a label that limits the statement ('Only for lists:', 'If asked in French:', 'Except the title:'): it may hold only there
_LIMITING = re.compile(r"^\s*(?:only|for)\b|\b(?:if|unless|except|excepting|when|whenever|other\s+than|apart\s+from)\b", _I)
# a number that names the label's place, not a count ('Rule 2', 'Q3', '#4', 'Step 1')
_NUMBERING = re.compile(r"\b(?:rule|item|criterion|question|q|step|test|check|point|part|no|number|section|task|requirement|level|"
                        r"tier|round|line|case|phase|stage|clause|article|box|field|row|id|condition|class|exhibit|lot|entry|exercise|"
                        r"problem)\.?\s*#?\s*\d+[a-z]?\b|#\s*\d+|^\s*\d+[.)]", _I)
# a label that is one word and a number is a place ('Condition 16', 'Plate 4'), unless the word is a unit the checks count
_PLACE = re.compile(r"^\s*(?P<w>[A-Za-z]+)\s+(?:#?\d+[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*[.:]?\s*$", _I)
_UNITS = re.compile(r"(?:words?|sentences?|paragraphs?|bullets?|sections?|highlights?|letters?|capitals?|times?|placeholders?|lines?|"
                    r"items?|points?|commas?|characters?|chars?|parts?|tokens?|mentions?|uses?|occurrences?|answers?|responses?|minimum|maximum|"
                    r"min|max|under|over|below|above|least|most|exactly|about)", _I)


def place_number(label: str) -> bool:
    """True for a label that is one word and the number of its place ('Condition 16', 'Class 2.'), the word no unit."""
    m = _PLACE.match(label)
    return m is not None and not _UNITS.fullmatch(m.group("w"))


# the counts a check implies without an argument ('Two distinct answers:' heads two_responses)
_IMPLIED = {"two_responses": {"2"}}


def label_limits(label: str, name: str, args) -> bool:
    """True when a label asks for more than the check it heads: it limits the statement to a case, or it gives a count
    the check does not ('Gules, four roundels: the reply has exactly 3 bullet points')."""
    bare = re.sub(QUOTED_ITEM, " ", label)
    if _LIMITING.search(bare):
        return True
    said = set() if place_number(bare) else \
        set(re.findall(r"\d+", number_words_to_digits(_NUMBERING.sub(" ", re.sub(r"\b(?:once|one)\b", " ", bare.lower())))))
    given = {str(v) for v in (args or {}).values() if isinstance(v, int) and not isinstance(v, bool)} | _IMPLIED.get(name, set()) | \
        {str(len(v)) for v in (args or {}).values() if isinstance(v, list)}  # 'Choose from three varieties:' beside three phrases
    if not said <= given:
        return True
    side = {"less than": "less", "at most": "less", "at least": "more", "more than": "more"}.get((args or {}).get("relation"))
    return side is not None and any(re.search(rf"\b{w}\b", bare, _I) for other, words in SIDE_WORDS.items() if other != side for w in words)


# a heading of one word and a number before the statement ('Class 16. ', 'Condition 4: ')
_HEADING = re.compile(r"^\s*(?P<h>[A-Za-z]+\s+#?\d+[a-z]?[.:])\s+(?=[A-Z\"\u201c])")
# a programme's billing before the statement: 'Effect: the Vanishing Comma. ', 'The reveal: the Three-Way Prediction. '
_BILLED = re.compile(r"^\s*(?:[Tt]he\s+)?[A-Za-z]+\s*:\s*(?P<title>the\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*)\s*[.!]\s+(?=[A-Z\"\u201c])")


def headed(text: str) -> Tuple[str, Asides]:
    """(the statement after a numbered heading or a billed title, the heading or title as a label); (text, []) when it has
    neither. A heading's number names its place, never a count; a title is a name, said of by the statement."""
    asides: Asides = []
    m = _HEADING.match(text)
    if m and place_number(m.group("h")) and not re.match(r"\s*(?:step|stage|phase)\b", m.group("h"), _I):  # a procedure's step: its reader's
        asides.append(("label", m.group("h")))
        text = text[m.end():]
    m = _BILLED.match(text)
    if m:
        asides.append(("label", m.group("title")))
        text = text[m.end():]
    return text, asides


# a label's place in a numbered document, in brackets after it ('Format (section 9): ...', 'Packaging (section 14, transport
# information): ...'): the number names where the line stands, never a count
_SECTIONED = re.compile(r"^\s*(?P<label>[A-Z][^():.;\"\u201c\n]{1,60}?)\s*\((?P<place>(?:section|part|clause|article|chapter|schedule|annex|"
                        r"appendix|item|no\.?|ref\.?)\s*#?\d+[a-z]?(?:\s*,\s*[A-Za-z][A-Za-z ]{0,40})?)\)(?=\s*[:.]\s)", _I)


def sectioned(text: str) -> Tuple[str, Asides]:
    """(the text with a leading label's bracketed place read off, the place as a label); (text, []) when it has none."""
    m = _SECTIONED.match(text)
    if not m:
        return text, []
    return text[:m.end("label")] + text[m.end():], [("label", m.group("place"))]


# a reader sent along the whole reply before the statement ('Start at the reply's first character and follow it to the
# last.'): the reply read whole, which every check does
_WALKED = re.compile(r"^\s*(?P<lead>(?:start|begin)\s+(?:at|with|from)\s+the\s+reply's\s+(?:very\s+)?first\s+(?:word|line|sentence|character|letter|paragraph)\s+and\s+"
                     r"(?:follow|read|go|continue|work)\s+(?:it\s+|on\s+|through\s+)?(?:to|until)\s+(?:the|its)\s+(?:very\s+)?last(?:\s+one)?)\s*\.\s+(?=[A-Z])", _I)


def walked(text: str) -> Tuple[str, Asides]:
    """(the statement after a lead that walks the whole reply, the lead as an aside); (text, []) when it has none."""
    m = _WALKED.match(text)
    return (text, []) if m is None else (text[m.end():], [("lead", m.group("lead"))])


# a lead naming what it is said of, the statement after it saying 'it' ('Economical with the character "i": it appears in the
# reply fewer than 3 times'): the statement said of what the lead names, the lead a label (its side words must agree)
_NAMED_IT = re.compile(rf"^\s*(?P<lead>[A-Z][^:\"\u201c\n]{{0,40}}?)\s+(?:with|on|about|for)\s+(?P<np>the\s+(?:character|letter|word|keyword)\s+(?:{QUOTED_ITEM}|[a-z]\b))"
                       r"\s*[:!]\s*it\s+(?=(?:appears|occurs|shows\s+up|turns\s+up|is\s+used|comes\s+up)\b)"
                       # a show's pick ('Letter of the day is l! It shows up ...', set 51)
                       rf"|^\s*(?P<lead2>(?P<unit>letter|word|character)\s+of\s+the\s+(?:day|week|night|show|hour))\s+is\s+(?P<x>{QUOTED_ITEM}|[a-z]\b)"
                       r"\s*[:!.]\s*it\s+(?=(?:appears|occurs|shows\s+up|turns\s+up|is\s+used|comes\s+up)\b)", _I)


def named_it(text: str) -> Tuple[str, Asides]:
    """(the statement with 'it' said as what its lead names, the lead as a label); (text, []) when it is no such pair."""
    m = _NAMED_IT.match(text)
    if m is None:
        return text, []
    np = m.group("np") or f"the {m.group('unit').lower()} {m.group('x')}"
    return cap(np) + " " + text[m.end():], [("label", m.group("lead") or m.group("lead2"))]


def billed(text: str) -> Optional[Tuple[str, str]]:
    """(the title a programme bills before the statement, the text with the title kept as its first sentence) ('Effect: the
    Cut Deck. X' -> ('the Cut Deck', 'The Cut Deck. X'): the title a figure before the statement), else None."""
    m = _BILLED.match(text)
    return None if m is None else (m.group("title"), cap(text[m.start("title"):]))
