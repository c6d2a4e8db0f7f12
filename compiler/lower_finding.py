"""Voices of rubric writers from set 38 (issue 15, round 33), each read as the plain statement inside it:

    Obs.: read the reply line by line. Commas seen: none.                                   (a lab notebook)
    Meets code section 17.3 (Length): the response is at least 600 words long.               (a code citation)
    Keywords in text: dog, day (each occurs at least once, any case).                        (a catalogue note)
    It's done when the response has no commas left in it at all.                             (a doneness cue)
    Eligible: responses containing at least 10 all-caps words.                               (a bounty's scope rule)
    We find that the response contains at least 600 words.                                   (an abstract's result claim)

:func:`found` returns the statement and the asides. A notebook's procedure ('went through the whole response character
by character.') asks for nothing when a finding follows it ('Commas found: 0.'); its tally ('Tally for the word "x" (any
case): 6 or more occurrences in the response.') is the count said of the word. A code citation's section asks for nothing
and its title is a ``name`` aside, which must say what the lowered check is about
(:func:`rubricc.compiler.lower_review.name_agrees`: '(Length)' beside a comma ban is not lowered). A catalogue's keyword
field quotes its plain words; its language field's code must be the language's own. A doneness cue's 'done when' and an
abstract's 'we show that' ask for nothing; a finding said as a noun phrase ('We find exactly 3 bullet points in the
response') is said of the response. A scope rule's 'Eligible:' is a label, and its subject ('responses containing X', 'a
submission giving X') is the response. Words of these voices are respelled as the readers read them (:data:`_RESPELL`),
only in a statement read out of one of them, never inside quotations.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import COUNT, LANGUAGES, QUOTED_ITEM, QUOTED_LIST, quoted_words
from rubricc.compiler.lower_respell import cap, sub_all_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
# a count as a finding states it: a relation and a number, or none at all
_FOUND_COUNT = rf"(?:{COUNT}|none|zero|no|nil)"

# a lab notebook: the procedure, then what was found ('Obs.: went through the whole response. Commas found: 0.')
_PROCEDURE = r"(?:went\s+through|read|checked|scanned|searched|counted|looked\s+(?:at|over|through)|inspected|examined|split|tallied)\b[^.\"]{0,100}\."
_NOTEBOOK = re.compile(rf"^\s*obs(?:ervation)?\.?\s*:\s*(?:{_PROCEDURE}\s+)?(?P<unit>[A-Za-z][A-Za-z -]{{1,40}}?)\s+(?:found|seen|counted|recorded|observed)"
                       rf"\s*:\s*(?P<count>{_FOUND_COUNT})\s*\.?\s*$", _I)
_SEARCHED = re.compile(rf"^\s*searched\s+(?:the\s+(?:response|reply|text)|it)\s+for\s+(?P<q>{_QLIST})(?P<note>\s*,\s*[^:\"]{{1,60}}?)?\s*:\s*"
                       r"(?:each|every|all)(?:\s+one|\s+of\s+them)?\s+(?:turns?\s+up|appears?|occurs?|shows?\s+up|is\s+present|are\s+present)\s+"
                       r"at\s+least\s+once\s*\.?\s*$", _I)
_TALLY = re.compile(rf"^\s*(?:tally|count)\s+for\s+the\s+(?P<unit>word|keyword|letter)\s+(?P<q>{_Q})(?P<note>\s*\([^()]{{1,40}}\))?\s*:\s*"
                    rf"(?P<c>{COUNT})\s+(?:occurrences|times|hits|instances)\s+in\s+the\s+(?:response|reply|text)\s*\.?\s*$", _I)
_LETTER_COUNT = re.compile(rf"^\s*(?P<unit>letter|word|keyword)\s+count\s+for\s+(?P<q>{_Q})(?P<note>\s*,\s*[^:\"]{{1,60}}?)?\s*:\s*(?P<c>{COUNT})"
                           r"\s+in\s+the\s+(?:response|reply|text)\s*\.?\s*$", _I)
_LANGUAGE_OF = re.compile(r"^\s*(?i:language\s+of\s+the\s+(?:response|reply|text)(?:\s*,\s*read\s+[a-z ]{1,40}?)?)\s*:\s*(?P<rest>[A-Z][a-z]+\b.*)$", re.S)

# a code citation: 'Conforms to Sec. 6.3 (Letter case):', 'Meets code section 17.3 (Length):', 'Found compliant with §6.4
# (Letter case) on inspection:', 'Inspected under Sec. 5.4 (Enclosure) and found satisfactory:'
_CODE = re.compile(r"^\s*(?:conforms\s+to|complies\s+with|meets|satisfies|passes\s+inspection\s+under|(?:found|certified|deemed)\s+compliant\s+with|"
                   r"inspected\s+under)\s+(?:the\s+)?(?:code\s+)?(?:sec(?:tion|t)?\.?|\u00a7{1,2}|article|clause|para(?:graph)?\.?)\s*\d+(?:\.\d+)*"
                   r"(?:\s*\((?P<name>[^()\"]{1,40})\))?(?:\s+on\s+inspection|\s+and\s+(?:was\s+)?found\s+(?:satisfactory|compliant|acceptable|in\s+order))?"
                   r"\s*:\s*(?P<rest>\S.+)$", _I)

# a catalogue note: 'Keywords in text: dog, day (each occurs at least once, any case).', 'Text in Russian throughout
# (language code ru).', 'Words set in full capitals number fewer than 10 in the text.'
_KEYWORDS_FIELD = re.compile(r"^\s*(?i:key\s*words?\s+in\s+(?:the\s+)?text)\s*:\s*(?P<words>[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*){0,9})\s*"
                             r"(?:\(\s*(?i:each\s+(?:occurs|appears|present)\s+at\s+least\s+once)(?P<note>\s*,\s*[^()]{1,40})?\s*\))?\s*\.?\s*$", re.S)
_LANGUAGE_FIELD = re.compile(r"^\s*(?i:text\s+in)\s+(?P<lang>[A-Z][a-z]+)(?P<rest>[^()\"]{0,60}?)\s*\(\s*(?i:language\s+code)\s+(?P<code>[a-z]{2,3})\s*\)\s*\.?\s*$", re.S)
_NUMBER = re.compile(rf"^\s*(?P<unit>[A-Z][a-z][a-z -]{{2,60}}?)\s+number\s+(?P<c>{COUNT})\s+in\s+the\s+(?:text|response|work)\s*\.?\s*$", re.S)

# a doneness cue: 'Done when X', "It's ready when X", "You'll know it's done when X", 'Take it off the heat only once X'
_DONE = re.compile(r"^\s*(?:(?:it'?s|it\s+is|you'll\s+know\s+it'?s|you\s+will\s+know\s+it\s+is|it'll\s+be)\s+)?(?:done|ready|cooked|finished)"
                   r"(?:\s+to\s+(?:serve|plate|eat))?\s+(?:only\s+)?(?:when|once|as\s+soon\s+as)\s+(?P<rest>\S.+)$"
                   r"|^\s*take\s+it\s+off\s+the\s+heat\s+(?:only\s+)?(?:once|when|as\s+soon\s+as)\s+(?P<rest2>\S.+)$", _I)

# a scope rule: 'Eligible:', 'In scope:', 'In scope for payout:'; its subject, 'responses containing X', 'a submission
# giving X', 'A valid submission first restates X'
_SCOPE = re.compile(r"^\s*(?P<label>eligible|in\s+scope(?:\s+for\s+(?:payout|reward|a\s+bounty|the\s+bounty))?|qualifies|qualifying)\s*:\s*(?P<rest>\S.+)$", _I)
_VALID = re.compile(r"^\s*an?\s+(?:valid|eligible|qualifying|in-scope)\s+(?:submission|report|entry|response)\s+(?=[a-z])", _I)
_SUBJECT = re.compile(r"^(?:an?\s+|any\s+|every\s+)?(?:(?:valid|eligible|qualifying)\s+)?(?:responses?|submissions?|reports?|entries|entry)\s+"
                      r"(?:(?:that|which)\s+(?P<verb>[a-z]+)|(?P<ing>[a-z]+ing)|(?P<with>with)|(?P<ed>wrapped|written|set|composed|enclosed|formatted))\b", _I)
_PRESENT = {"contain": "contains", "include": "includes", "use": "uses", "have": "has", "are": "is", "begin": "begins", "start": "starts",
            "open": "opens", "end": "ends", "close": "closes", "give": "gives", "avoid": "avoids", "repeat": "repeats",
            "restate": "restates", "hold": "holds", "carry": "carries", "show": "shows"}
_ING = {"containing": "contains", "including": "includes", "giving": "gives", "having": "has", "using": "uses",
        "beginning": "begins", "starting": "starts", "opening": "opens", "ending": "ends", "closing": "closes",
        "avoiding": "avoids", "repeating": "repeats", "restating": "restates", "holding": "holds", "carrying": "carries",
        "featuring": "features", "offering": "offers", "providing": "provides", "presenting": "presents", "showing": "shows"}
# 'responses in which none of these words is used as a whole word, case ignored: a, b' (the list after the colon)
_IN_WHICH = re.compile(r"^(?:an?\s+|any\s+)?(?:responses?|submissions?)\s+in\s+which\s+(?P<rest>none\s+of\s+(?:these|the\s+following)\s+words\s+"
                       r"(?:is|are)\s+used\b.+)$", _I)

# an abstract's result claim: 'We find that X', 'Here we show that X', 'Our analysis shows that X'; 'We find exactly 3
# bullet points in the response', 'Our analysis identifies no fewer than 5 sections within the response'
_CLAIM = re.compile(r"^\s*(?:here\s+)?(?:we|our\s+(?:analysis|analyses|results|counts|data|measurements|findings|inspection|study))\s+"
                    r"(?:find|finds|show|shows|demonstrate|demonstrates|report|reports|observe|observes|confirm|confirms|establish|establishes|"
                    r"reveal|reveals|indicate|indicates|identify|identifies|count|counts)\s+(?P<that>that\s+)?(?P<rest>\S.+)$", _I)
_IN_RESPONSE = re.compile(r"\s+(?:in|within|across|throughout)\s+the\s+(?:response|reply|text)\b", _I)


# words of these voices said as the readers read them (only in a statement read out of one of them)
_RESPELL = [
    # a doneness cue's arrivals: 'has found its way into', 'have gone into', 'shows up in' are 'appear(s) in'
    (re.compile(r"\bhas\s+(?:found\s+its\s+way|gone)\s+into\b", _I), "appears in"),
    (re.compile(r"\bhave\s+(?:found\s+their\s+way|gone)\s+into\b", _I), "appear in"),
    # 'Every one of these appears in the response at least once: "a" and "b"' names them first
    (re.compile(rf"^(every\s+one|each|all)\s+of\s+these\s+(appears?\s+in\s+the\s+(?:response|reply|answer|text)\s+at\s+least\s+once)\s*:\s*(?P<q>{_QLIST})\s*\.?\s*$", _I),
     r"\1 of \g<q> \2."),
    # 'has no trace of "a"' is 'contains no occurrence of "a"'
    (re.compile(r"\bhas\s+no\s+trace\s+of\b", _I), "contains no occurrence of"),
    # 'has no commas left in it at all, not one from the first word to the last' is 'has no commas at all'
    (re.compile(r"\b(has\s+no\s+[a-z]+)\s+left\s+in\s+it\b", _I), r"\1"),
    (re.compile(r"\s*,\s*not\s+(?:a\s+single\s+)?one\s+from\s+the\s+first\s+word\s+to\s+the\s+last(?=\s*\.?\s*$)", _I), ""),
    # 'terminates in / with the exact phrase' is 'ends with'
    (re.compile(r"\bterminates\s+(?:in|with)\b", _I), "ends with"),
    # 'restates the request exactly as written' is 'repeats the request word for word'
    (re.compile(r"\brestates\s+the\s+(request|prompt|question|instruction)\s+exactly\s+as\s+(?:written|given|asked)\b", _I), r"repeats the \1 word for word"),
    # 'wrapped from end to end in double quotation marks' is 'wrapped in'
    (re.compile(r"\b(wrapped|enclosed)\s+from\s+end\s+to\s+end\s+(?=in\b)", _I), r"\1 "),
    # the wrapping said again: 'in double quotation marks, i.e. the text begins with " and ends with "'
    (re.compile(r"(\bdouble\s+quotation\s+marks)\s*,?\s*(?:i\.e\.|that\s+is|meaning)\s*,?\s+(?:the\s+(?:text|response)\s+)?(?:begins|starts|opens)\s+"
                r"with\s+\"\s+and\s+(?:ends|closes)\s+with\s+\"(?=\s*\.?\s*$)", _I), r"\1"),
    # an all-caps word defined again ('at least 10 all-caps words, meaning words in which every letter is uppercase')
    (re.compile(r"(\ball-caps\s+words|\bwords\s+(?:set|written)\s+in\s+(?:full|all)\s+capitals?(?:\s+letters)?)\s*,\s*(?:i\.e\.|meaning|that\s+is)\s*,?\s+"
                r"words\s+(?:in\s+which\s+every\s+letter\s+is|whose\s+letters\s+are\s+all)\s+(?:upper-?case|capitals?|in\s+capitals)(?=\s*\.?\s*$)", _I), r"\1"),
]


def _count_said(count: str) -> str:
    return "no" if count.lower() in ("none", "zero", "nil", "no", "0") else count


def _notebook(text: str) -> str:
    m = _NOTEBOOK.match(text)
    if m:
        return f"The response has {_count_said(m.group('count'))} {m.group('unit').strip().lower()}."
    m = _SEARCHED.match(text)
    if m:
        return f"The response contains each of {m.group('q')} at least once{m.group('note') or ''}."
    m = _TALLY.match(text) or _LETTER_COUNT.match(text)
    if m:
        note = (m.group("note") or "")
        return f"The {m.group('unit').lower()} {m.group('q')} appears {m.group('c')} times in the response{note}."
    m = _LANGUAGE_OF.match(text)
    if m and m.group("rest").split()[0].strip(",.").lower() in LANGUAGES:
        return "The response is in " + m.group("rest")
    return text


def _catalogue(text: str) -> str:
    m = _KEYWORDS_FIELD.match(text)
    if m:
        words = [w.strip() for w in m.group("words").split(",")]
        if any(w.lower() in ("none", "nil", "n/a", "tbd") for w in words):
            return text
        listed = quoted_words(words)
        note = f" ({m.group('note').strip(' ,')})" if m.group("note") else ""
        return f"The response contains each of the keywords {listed} at least once{note}."
    m = _LANGUAGE_FIELD.match(text)
    if m:
        lang = m.group("lang").lower()
        return f"The response is in {m.group('lang')}{m.group('rest')}." if LANGUAGES.get(lang) == m.group("code") else text
    m = _NUMBER.match(text)
    if m:
        return f"The response has {m.group('c')} {m.group('unit').lower()}."
    return text


def _scoped(rest: str) -> str:
    """A scope rule's subject said as the response ('responses containing X' -> 'The response contains X')."""
    m = _IN_WHICH.match(rest)
    if m:
        said = m.group("rest")
        return cap(re.sub(r"\bused\b", "used in the response", said, count=1, flags=_I))
    m = _SUBJECT.match(rest)
    if not m:
        return rest
    tail = rest[m.end():]
    if m.group("verb"):
        verb = m.group("verb").lower()
        said = _PRESENT.get(verb, verb if verb.endswith("s") else None)
        return "The response " + said + tail if said else rest
    if m.group("ing"):
        said = _ING.get(m.group("ing").lower())
        return "The response " + said + tail if said else rest
    if m.group("with"):
        return "The response has" + tail
    return "The response is " + m.group("ed") + tail


def _claimed(m: re.Match) -> str:
    rest = m.group("rest")
    if m.group("that"):
        return cap(rest)
    if not re.match(rf"(?:{_FOUND_COUNT})\b", rest, _I):
        return m.string
    # a finding said as a noun phrase: its count said of the response, the place it was found in dropped
    place = _IN_RESPONSE.search(rest)
    if place is None:
        return m.string
    return "The response has " + rest[:place.start()] + rest[place.end():]


def _read(text: str) -> Tuple[str, Asides]:
    m = _CODE.match(text)
    if m:
        return cap(m.group("rest")), ([("name", m.group("name").strip())] if m.group("name") else [])
    m = _DONE.match(text)
    if m:
        return cap(m.group("rest") or m.group("rest2")), []
    m = _SCOPE.match(text)
    if m:
        said = _scoped(m.group("rest"))
        return (said, [("label", m.group("label"))]) if said != m.group("rest") else (text, [])
    m = _VALID.match(text)
    if m:
        return "The response " + text[m.end():], []
    m = _CLAIM.match(text)
    if m:
        return _claimed(m), []
    said = _notebook(text)
    if said != text:
        return said, []
    return _catalogue(text), []


def found(text: str) -> Tuple[str, Asides]:
    """(the statement inside a notebook observation, a code citation, a catalogue note, a doneness cue, a scope rule or
    a result claim, its asides); (text, []) when it is none of them."""
    said, asides = _read(text)
    return (text, []) if said == text else (sub_all_outside(said, _RESPELL), asides)
