"""Voices of rubric writers from set 41 (issue 15, round 35), besides the jury's (:mod:`rubricc.compiler.lower_direction`),
each read as the plain statement inside it:

    Passengers are advised that the reply carries square-bracket placeholders: 3 or more of them.   (a railway announcement)
    (The reply speaks all of its lines in Welsh; it never drops into another language.)              (a stage direction)
    A+++ Arrived with zero commas anywhere in the text. Would buy again.                               (marketplace feedback)
    All that text containing sentences to the number of less than 9.                                  (a deed's description)
    Commended for brevity: the response's sentences number fewer than 9.                              (an honours citation)

:func:`noticed` returns the statement and the asides. Each voice's frame asks for nothing: an announcement's 'Passengers
are advised that' and 'Please note:', a stage direction's parentheses, a buyer's 'A+++' and praise ('As described.',
'Five stars.'), a deed's 'All that text' (the response, its participle said as a verb), a citation's 'Awarded for' and
'In recognition of' (the response doing what the gerund says). The idioms inside a frame are read as the plain words
the rules read (:data:`_SAID`), only inside that frame: a train 'calling at' a list of words says them, 'runs non-stop
past' them avoids them; a reply that 'bellows' speaks in capitals, 'holds the stage for 600 words' has them. A list
given in the lead and named again in the statement ('every keyword on that list', 'no such word') is the lead's list,
and the lead must say the same of it (calling at it, avoiding it), else a veto. A citation's label ('Commended for
brevity:') must be borne out by the statement's bound: brevity, concision, restraint and economy only before a bound
from above (economy with a letter names the letter counted), substance and emphasis only before one from below; any
other label before a statement these readers read vetoes. A buyer's praise ('As described.', 'Happy buyer.') is read
off even where the statement is left to the other readers.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTED_ITEM, QUOTED_LIST
from rubricc.compiler.lower_respell import cap, sub_all_outside
from rubricc.compiler.lower_roster import every_of, none_of

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_Q, _QLIST = QUOTED_ITEM, QUOTED_LIST
_PHRASE = r"\"[^\"\n]{1,200}\""  # an end phrase may be a long sentence
_LESS = r"(?:fewer|less)\s+than|under|below"
_REL = rf"(?:(?:at\s+least|at\s+most|exactly|not\s+(?:more|fewer|less)\s+than|{_LESS})\s+)?\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?"

# the lead names a list and says what of it; the statement names the lead's list again
_LIST_LEAD = re.compile(rf"^(?P<lead>[^\"]{{3,80}}?)\s+(?P<q>{_QLIST})(?P<where>\s+(?:in|within)\s+the\s+(?:text|reply|response))?\s*[:;,]\s*"
                        r"(?P<said>(?:every|each|not\s+one|no)\b[^\"]{10,200}?)\s*\.?\s*$", _I)
_SAYS = re.compile(r"(?:calling|calls|stopping|stops)\s+at|says|said|included|includes|including|mentions|mentioning|contains|containing$", _I)
_AVOIDS = re.compile(r"runs\s+non-stop\s+past|without\s+(?:ever\s+)?(?:uttering|saying|using|mentioning)|no\s+sign\s+of|"
                     r"excepting(?:\s+and\s+excluding)?|excluding|avoids|avoiding", _I)
_EVERY_ONE = re.compile(r"^(?:every|each)\s+(?:key)?word\s+(?:on\s+that\s+list|listed(?:\s+here)?|I\s+asked\s+for)\s*,?\s+(?:(?:appears|appearing|is\s+spoken|occurs|occurring)\b"
                        r"|somewhere\b)(?P<notes>[^\"]*)$", _I)
_NOT_ONE = re.compile(r"^(?:not\s+one\s+(?:key)?word\s+on\s+that\s+list|no\s+listed\s+(?:key)?word|no\s+such\s+word)\s+(?:appears|appearing|occurs|occurring|is\s+spoken)\b"
                      r"(?P<notes>[^\"]*)$", _I)


def _named_list(text: str) -> Optional[Tuple[str, Asides]]:
    """'This service is calling at "a" and "b": every keyword on that list appears in the reply' is 'The response contains
    each of the keywords "a" and "b" at least once'; 'runs non-stop past "a"; not one word on that list appears' is 'The
    response uses none of the words "a"'. The lead must say the same of the list as the statement."""
    m = _LIST_LEAD.match(text)
    if not m:
        return None
    every, none = _EVERY_ONE.match(m.group("said")), _NOT_ONE.match(m.group("said"))
    if not every and not none:
        return None
    lead = m.group("lead")
    says, avoids = re.search(rf"(?:{_SAYS.pattern})\s*$", lead, _I), re.search(rf"(?:{_AVOIDS.pattern})\s*$", lead, _I)
    if (every and not says) or (none and not avoids):
        return text, [("veto", "a list's lead that does not say what its statement says")]
    notes = (every or none).group("notes")
    if every:
        return every_of(m.group("q"), notes), []
    return none_of(m.group("q"), notes), []


# a railway announcement
_ANNOUNCED = re.compile(r"^\s*(?:passengers\s+are\s+(?:advised|reminded)\s+that|please\s+note\s*:|(?:this\s+is\s+)?an?\s+announcement\s*:)\s*(?P<rest>\S.*)$", _I)
_SHORT_SUPPLY = re.compile(rf"^the\s+(?P<u>letter|word)\s+(?P<q>{_Q})\s+is\s+in\s+short\s+supply\b[^;:\"]*[;:]\s*(?P<note>counted\s+[^,;\"]+?)?\s*,?\s*"
                           rf"its\s+total\s+(?:across|in)\s+the\s+(?:reply|response)\s+is\s+(?P<rel>{_REL})\s*\.?\s*$", _I)
_CALLS_AT_REQUEST = re.compile(r"^before\s+anything\s+else\s*,\s*this\s+service\s+calls\s+at\s+the\s+request\s+itself\s*:\s*the\s+reply\s+first\s+repeats\s+it\b", _I)
_RUNS_WRAPPED = re.compile(r"^this\s+service\s+runs\s+wrapped\s+in\s+double\s+quotation\s+marks\s*:\s*the\s+reply\s+departs\s+on\s+a\s+\"\s+as\s+its\s+very\s+first\s+character\s+"
                           r"and\s+terminates\s+on\s+a\s+\"\s+as\s+its\s+very\s+last\s*\.?\s*$", _I)
_CARRIES_COUNT = re.compile(rf"^the\s+reply\s+carries\s+(?P<unit>[^:;\"]{{3,100}}?)\s*:\s*(?P<rel>{_REL})\s+of\s+them(?:\s+across\s+the\s+(?:whole\s+)?reply)?\s*\.?\s*$", _I)


def _announcement(text: str) -> Optional[Tuple[str, Asides]]:
    m = _ANNOUNCED.match(text)
    rest = m.group("rest") if m else text
    if not m and not re.match(r"^(?:this\s+service\b|before\s+anything\s+else\s*,\s*this\s+service\b)", rest, _I):
        return None
    got = _named_list(rest)
    if got is not None:
        return got
    s = _SHORT_SUPPLY.match(rest)
    if s:
        if not re.match(_LESS, s.group("rel"), _I):  # 'in short supply' is a bound from above
            return text, [("veto", "a shortage that is not a bound from above")]
        note = f", {s.group('note')}" if s.group("note") else ""
        return f"The {s.group('u').lower()} {s.group('q')} appears {s.group('rel')} times in the reply{note}.", []
    s = _CALLS_AT_REQUEST.match(rest)
    if s:
        return "The reply first repeats the request" + rest[s.end():], []
    if _RUNS_WRAPPED.match(rest):
        return "The reply is wrapped in double quotation marks, beginning with \" and ending with \".", []
    s = _CARRIES_COUNT.match(rest)
    if s:
        return f"The reply has {s.group('rel')} {s.group('unit')}.", []
    if m and re.match(r"^the\s+reply\s+carries\s+", rest, _I):
        return "The reply contains " + rest[re.match(r"^the\s+reply\s+carries\s+", rest, _I).end():], []
    return None  # left to the other readers


# a stage direction: the whole criterion in parentheses, data after it
_STAGED = re.compile(r"^\s*\((?P<dir>(?:in\s+the\s+course\s+of\s+its\s+lines\s+)?the\s+reply(?:'s)?\b[^()]*)\)\s*(?P<after>\S.*)?$", _I)
_STAGE_SAID = [
    # 'enters reciting the request ... and only once it has finished does it answer.) The words it recites: X'
    (re.compile(r"^the\s+reply\s+enters\s+reciting\s+the\s+request\s+(?P<how>[^.()]*?),?\s+and\s+only\s+once\s+it\s+has\s+finished\s+does\s+it\s+answer\s*\.?$", _I),
     r"The reply first repeats the request \g<how>, and only then answers it."),
    (re.compile(rf"^the\s+reply\s+holds\s+the\s+stage\s+for\s+(?P<c>{_REL})\s+words(?P<more>\s+or\s+more)?\s*(?:,\s*counting\s+every\s+word(?:\s+in\s+it)?)?\s*\.?$", _I),
     r"The reply has \g<c> words\g<more>."),
    (re.compile(rf"^the\s+reply's\s+lines\s+go\s+light\s+on\s+(?P<u>the\s+letter\s+{_Q})\s*:\s*(?P<note>counting\s+capitals\s+and\s+small\s+letters\s+together)\s*,\s*"
                rf"its\s+total\s+stays\s+(?P<c>(?:{_LESS})\s+\d+)\s*\.?$", _I), r"\g<u> appears \g<c> times in the reply, \g<note>."),
    (re.compile(rf"^the\s+reply\s+uses\s+(?P<u>the\s+word\s+{_Q})\s+sparingly\s*:\s*counted\s+in\s+any\s+capitali[sz]ation(?:\s+across\s+all\s+its\s+lines)?\s*,\s*"
                rf"its\s+appearances\s+stay\s+(?P<c>(?:{_LESS})\s+\d+)\s*\.?$", _I), r"\g<u> appears \g<c> times in the reply, in any capitalisation."),
    (re.compile(rf"^the\s+reply\s+keeps\s+its\s+voice\s+down\s*:\s*(?:counting\s+every\s+line\s*,\s*)?the\s+(?P<unit>words\s+written\s+wholly\s+in\s+capital\s+letters)\s+"
                rf"number\s+(?P<c>(?:{_LESS})\s+\d+)\s*\.?$", _I), r"The reply has \g<c> \g<unit>."),
    (re.compile(rf"^the\s+reply\s+makes\s+a\s+(?:brief|short)\s+appearance\s*:\s*(?P<c>{_REL})\s+words(?:\s+in\s+all)?\s*(?:,\s*counting\s+every\s+word)?\s*\.?$", _I),
     r"The reply has \g<c> words."),
    (re.compile(r"^the\s+reply\s+bellows\s+every\s+line\s+in\s+(?P<lang>[A-Z][a-z]+)\s+and\s+in\s+capital\s+letters\s*;\s*each\s+letter\s+it\s+contains\s*,\s*first\s+to\s+last\s*,"
                r"\s+is\s+upper\s*case\s*\.?$", _I), r"The reply is in \g<lang> and in capital letters; each letter it contains is upper case."),
    (re.compile(r"^the\s+reply\s+delivers\s+every\s+one\s+of\s+its\s+lines\s*,\s*from\s+the\s+first\s+character\s+to\s+the\s+last\s*,\s*without\s+a\s+single\s+comma\s*;"
                r"\s*no\s+comma\s+appears\s+anywhere\s+in\s+it\s*\.?$", _I), "No comma appears anywhere in the reply."),
    (re.compile(rf"^the\s+reply\s+makes\s+its\s+points\s+as\s+(?P<unit>markdown\s+bullets\s*,\s*lines\s+that\s+begin\s+with\s+\*\s+or\s+-)\s*,\s*and\s+the\s+bullets\s+in\s+the\s+whole\s+reply\s+"
                rf"total\s+(?P<c>{_REL})\s*\.?$", _I), r"The reply has \g<c> \g<unit>."),
    (re.compile(rf"^the\s+reply\s+keeps\s+returning\s+to\s+(?P<u>the\s+word\s+{_Q})\s*:\s*in\s+any\s+capitali[sz]ation\s*,\s*it\s+is\s+spoken\s+(?P<c>{_REL})\s+times"
                r"(?:\s+across\s+its\s+lines)?\s*\.?$", _I), r"\g<u> appears \g<c> times in the reply, in any capitalisation."),
    (re.compile(r"^the\s+reply\s+is\s+performed\s+in\s+(?P<c>exactly\s+\d+)\s+paragraphs\s*,\s*each\s+parted\s+from\s+the\s+next\s+by\s+the\s+markdown\s+divider\s+\*\*\*\s*\.?$", _I),
     r"The reply has \g<c> paragraphs, separated by the markdown divider ***."),
    (re.compile(rf"^the\s+reply's\s+lines\s+are\s+thick\s+with\s+(?P<u>the\s+letter\s+{_Q})\s*:\s*(?P<note>counting\s+capitals\s+and\s+small\s+letters\s+together)\s*,\s*"
                rf"it\s+occurs\s+(?P<c>{_REL})\s+times\s*\.?$", _I), r"\g<u> appears \g<c> times in the reply, \g<note>."),
    (re.compile(rf"^the\s+reply\s+(?:speaks\s+at\s+length|says\s+its\s+piece\s+briefly)\s*:\s*counting\s+every\s+line\s*,\s*its\s+sentences\s+number\s+(?P<c>{_REL})\s*\.?$", _I),
     r"The reply has \g<c> sentences."),
    (re.compile(rf"^the\s+reply\s+leaves\s+blanks\s+to\s+be\s+filled\s+in\s+later\s*,\s*each\s+(?P<unit>a\s+placeholder\s+in\s+square\s+brackets\s+such\s+as\s+\[[^\]]+\])\s*;\s*"
                rf"across\s+the\s+reply\s+they\s+number\s+(?P<c>{_REL})\s*\.?$", _I), r"The reply has \g<c> placeholders in square brackets."),
    (re.compile(r"^the\s+reply\s+speaks\s+all\s+of\s+its\s+lines\s+in\s+(?P<lang>[A-Z][a-z]+)\s*,\s*from\s+the\s+first\s+to\s+the\s+last\s*;\s*it\s+never\s+drops\s+into\s+another\s+language\s*\.?$",
                _I), r"The reply is entirely in \g<lang>, with no other language."),
    (re.compile(r"^the\s+reply\s+plays\s+two\s+different\s+scenes\s*,\s*separated\s+by\s+six\s+asterisks\s*,\s*\*{6}\s*;\s*the\s+second\s+is\s+not\s+a\s+repeat\s+of\s+the\s+first\s*\.?$", _I),
     "The reply gives two different responses, separated by six asterisks (******)."),
    (re.compile(rf"^the\s+reply's\s+closing\s+line\s+ends\s+on\s+the\s+exact\s+words\s+(?P<q>{_PHRASE})\s*;\s*it\s+exits\s+there\s*,\s*and\s+nothing\s+at\s+all\s+comes\s+after\s+them\s*\.?$", _I),
     r"The reply ends with the exact words \g<q>, with nothing after them."),
    (re.compile(rf"^the\s+reply\s+raises\s+its\s+voice\s*:\s*across\s+all\s+its\s+lines\s*,\s*the\s+(?P<unit>words\s+written\s+wholly\s+in\s+capital\s+letters)\s+number\s+(?P<c>{_REL})\s*\.?$", _I),
     r"The reply has \g<c> \g<unit>."),
]


def _stage(text: str) -> Optional[Tuple[str, Asides]]:
    m = _STAGED.match(text)
    if not m:
        return None
    said, after = m.group("dir").strip(), m.group("after")
    if after and not re.match(r"^the\s+words\s+it\s+recites\s*:", after, _I):
        return None
    got = _named_list(said)
    if got is not None:
        return got
    for pattern, rep in _STAGE_SAID:
        s = pattern.match(said)
        if s:
            plain = cap(s.expand(rep))
            return plain + (" The request to repeat:" + after.split(":", 1)[1] if after else ""), []
    return None


# marketplace feedback: 'A+++', then what arrived, then praise
_FEEDBACK = re.compile(r"^\s*A\+{2,3}\s+(?P<rest>\S.*)$", re.S)
_PRAISE = re.compile(r"(?:\s*,?\s*(?:just\s+|exactly\s+)?as\s+(?:described|listed|promised|requested|advertised)(?=\s*[.!:,]|\s*$)|(?<=[.!])\s*(?:would\s+buy\s+again|five\s+stars|"
                     r"clean\s+item|happy\s+buyer|lovely\s+touch|great\s+seller|fast\s+shipping|highly\s+recommended)\s*[.!])", _I)
_NO_SIGN = re.compile(rf"^no\s+sign\s+of\s+(?P<q>{_QLIST})\s+anywhere\s+in\s+the\s+(?:text|reply)(?P<notes>(?:\s*,?\s*(?:as\s+a\s+whole\s+word|capitali[sz]ed\s+or\s+not|in\s+any\s+case))*)\s*\.?$", _I)
_FEEDBACK_SAID = [
    (re.compile(r"^came\s+with\s+", _I), "The reply has "),
    (re.compile(r"^repeated\s+my\s+request\s+back\s+(?P<how>[^.]*?)\s*,\s*then\s+answered\s+it\s*\.", _I), r"The reply repeats my request \g<how>, then answers it."),
    (re.compile(r"^arrived\s+in\s+", _I), "The reply is in "),
    (re.compile(r"^arrived\s+with\s+", _I), "The reply has "),
    (re.compile(r"^included\s+", _I), "The reply includes "),
    (re.compile(r"^answered\s+with\s+", _I), "The reply answers with "),
    (re.compile(r"^ended\s+on\s+exactly\s+", _I), "The reply ends exactly with "),
    (re.compile(rf"^counted\s+(?P<q>{_Q})\s+in\s+the\s+whole\s+(?:text|reply)\s*,\s*(?P<note>any\s+capitali[sz]ation)\s*:\s*(?P<c>{_REL})\s*\.?$", _I),
     r'The word \g<q> appears \g<c> times in the reply, \g<note>.'),
    (re.compile(rf"^counted\s+(?P<u>the\s+letter\s+{_Q})\s+in\s+the\s+whole\s+(?:text|reply)\s*,\s*(?P<note>[^:\"]{{3,40}}?)\s*:\s*(?P<c>{_REL})\s*\.?$", _I),
     r"\g<u> appears \g<c> times in the reply, \g<note>."),
    (re.compile(rf"^counted\s+the\s+(?P<unit>sentences|words|paragraphs)\s+in\s+the\s+whole\s+(?:text|reply)\s*:\s*(?P<c>{_REL})\s*\.?$", _I), r"The reply has \g<c> \g<unit>."),
    (re.compile(rf"^short\s+and\s+(?:sweet|to\s+the\s+point)\s*:\s*(?P<c>(?:{_LESS})\s+\d+)\s+(?P<unit>words|sentences)\s+in\s+the\s+whole\s+reply\s*\.?$", _I),
     r"The reply has \g<c> \g<unit>."),
    (re.compile(rf"^bullet\s+count\s+was\s+(?P<c>{_REL})\s*:\s*(?P<unit>markdown\s+bullets\s*\(\*\s+or\s+-\))\s*,\s*not\s+one\s+extra\s+and\s+not\s+one\s+short\s*\.?$", _I),
     r"The reply has \g<c> \g<unit>."),
]


def _feedback(text: str) -> Optional[Tuple[str, Asides]]:
    m = _FEEDBACK.match(text)
    if not m:
        return None
    rest = sub_all_outside(m.group("rest"), [(_PRAISE, ""), (re.compile(r"(?<=[.!])\s*[.!]+"), "")]).strip()
    got = _named_list(rest)
    if got is not None:
        return got
    s = _NO_SIGN.match(rest)
    if s:
        return none_of(s.group("q"), s.group("notes")), []
    for pattern, rep in _FEEDBACK_SAID:
        s = pattern.match(rest)
        if s:
            return cap(s.expand(rep) + rest[s.end():]).replace(" My request was:", " The request to repeat:"), []
    return None if rest == m.group("rest").strip() else ("A+++ " + rest, [])  # the praise read off, the rest left to the other readers


# a deed's description: 'All that text' is the response, its participle the verb
_DEED = re.compile(r"^\s*all\s+that\s+text\b\s*(?P<rest>\S.*)$", _I)
_DEED_SAID = [
    (re.compile(r"^,\s*from\s+its\s+first\s+(?:word|character)\s+to\s+its\s+last\s*,\s*", _I), ""),
    (re.compile(rf"^containing\s+(?P<u>the\s+letter\s+{_Q})\s*,\s*(?P<note>reckoned\s+in\s+upper\s+and\s+lower\s+case\s+together)\s*,\s*to\s+a\s+total\s+of\s+(?P<c>{_REL})\s*\.?$", _I),
     r"\g<u> appears \g<c> times in the response, \g<note>."),
    (re.compile(rf"^containing\s+(?P<unit>[a-z][^,:;\"]{{2,60}}?)(?P<desc>\s*,\s*being\s+[^,:;\"]{{3,60}})?\s*,?\s+to\s+(?:the\s+exact\s+number|the\s+number|a\s+total)\s+of\s+"
                rf"(?P<c>{_REL})(?:\s*,\s*no\s+more\s+and\s+no\s+fewer)?(?:\s*,\s*reckoned\s+over\s+the\s+entire\s+response)?\s*\.?$", _I),
     r"The response contains \g<c> \g<unit>\g<desc>."),
    (re.compile(r"^containing\s*,\s*somewhere\s+within\s+it\s*,\s*every\s+keyword\s+listed\s+here\s*,\s*each\s+at\s+least\s+once\s+and\s+in\s+any\s+capitali[sz]ation\s*:\s*", _I),
     "The response contains each of these keywords at least once, in any capitalisation: "),
    (re.compile(r"^lying\s+wholly\s+within\s+the\s+(?P<lang>[A-Z][a-z]+)\s+language(?P<code>\s*\(language\s+code\s+[a-z]{2,3}\))?\s*,\s*no\s+part\s+of\s+it\s+in\s+any\s+other\s+language\s*\.?$", _I),
     r"The response is written wholly in \g<lang>\g<code>, with no other language."),
    (re.compile(r"^divided\s+into\s+exactly\s+two\s+parcels\s*,\s*each\s+a\s+distinct\s+response\s*,\s*the\s+one\s+parted\s+from\s+the\s+other\s+by\s+six\s+asterisks\s*\(\*{6}\)\s*\.?$", _I),
     "The response is divided into exactly two distinct responses, separated by six asterisks (******)."),
    (re.compile(rf"^beginning\s+at\s+its\s+first\s+word\s+and\s+running\s+thence\s+to\s+its\s+end\s*,\s*which\s+end\s+is\s+the\s+exact\s+phrase\s+(?P<q>{_PHRASE})\s*,\s*with\s+nothing\s+lying\s+beyond\s+it\s*\.?$", _I),
     r"The response ends with the exact phrase \g<q>, with nothing after it."),
    (re.compile(r"^divided\s+", _I), "The response is divided "),
    (re.compile(r"^comprising\s+valid\s+JSON\s+only\s*,\s*whether\s+bare\s+or\s+enclosed\s+in\s+a\s+markdown\s+code\s+fence\s*,\s*with\s+no\s+other\s+matter\s+outside\s+it\s*\.?$", _I),
     "The response is valid JSON only, with or without a markdown code fence, with nothing else in it."),
]


def _deed(text: str) -> Optional[Tuple[str, Asides]]:
    m = _DEED.match(text)
    if not m:
        return None
    rest = m.group("rest")
    got = _named_list("The response " + rest if re.match(r"^(?:excepting|excluding|containing)\b", rest, _I) else rest)
    if got is not None:
        return got
    lead = _DEED_SAID[0][0].match(rest)
    if lead:
        rest = rest[lead.end():]
    for pattern, rep in _DEED_SAID[1:]:
        s = pattern.match(rest)
        if s:
            return cap(s.expand(rep) + rest[s.end():]).replace(" commences with ", " begins with "), []
    return None


# an honours citation: 'Awarded for ...', 'Commended for <label>: ...', 'In recognition of ...', 'Cited for a response in which ...'
_LABELLED = re.compile(r"^\s*commended\s+for\s+(?P<label>[^:\"]{3,60}?)\s*:\s*(?P<rest>\S.*)$", _I)
_LABELS = {"less": re.compile(r"^(?:brevity|concision|restraint|economy(?:\s+with\s+(?:the\s+)?(?:letter\s+)?(?P<q>" + _Q + r"))?)$", _I),
           "more": re.compile(r"^(?:emphasis|a\s+response\s+of\s+substance|thoroughness)$", _I)}
_GERUND = re.compile(r"^\s*(?:awarded\s+for|in\s+recognition\s+of)\s+(?P<rest>\S.*)$", _I)
_CITED = re.compile(r"^\s*cited\s+for\s+a\s+response\s+in\s+which\s+(?P<rest>\S.*)$", _I)
_CITATION_SAID = [
    (re.compile(r"^delivering\s+the\s+entire\s+output\s+as\s+valid\s+JSON\s*,\s*optionally\s+inside\s+a\s+markdown\s+code\s+fence\s*,\s*with\s+nothing\s+else\s+besides\s*\.?$", _I),
     "The response is valid JSON, with or without a markdown code fence, with nothing else in it."),
    (re.compile(r"^including\s+", _I), "The response includes "),
    (re.compile(rf"^highlighting\s+sections\s+with\s+markdown\s*,\s*(?P<eg>as\s+in\s+\*[^*]+\*)\s*,\s*(?P<c>{_REL})\s+in\s+number\s*\.?$", _I),
     r"The response has \g<c> sections highlighted with markdown, \g<eg>."),
    (re.compile(rf"^(?P<u>the\s+letter\s+{_Q})\s*,\s*(?P<note>counted\s+in\s+either\s+case)\s*,\s*totals\s+(?P<c>{_REL})\s*\.?$", _I), r"\g<u> appears \g<c> times in the response, \g<note>."),
    (re.compile(rf"^counted\s+in\s+either\s+case\s*,\s*it\s+totals\s+(?P<c>{_REL})\s+across\s+the\s+response\s*\.?$", _I), r"\g<letter> appears \g<c> times in the response."),
    (re.compile(rf"^the\s+(?P<unit>words)\s+in\s+the\s+response\s+(?P<desc>written\s+wholly\s+in\s+capital\s+letters)\s+number\s+(?P<c>{_REL})\s*\.?$", _I), r"The response has \g<c> \g<unit> \g<desc>."),
    (re.compile(rf"^(?:its|the\s+response's)\s+(?P<unit>sentences|words|paragraphs)\s+number\s+(?P<c>{_REL})\s*\.?$", _I), r"The response has \g<c> \g<unit>."),
    (re.compile(rf"^the\s+(?:whole\s+|entire\s+)?response\s+comes\s+in\s+at\s+(?P<c>{_REL})\s+(?P<unit>sentences|words|paragraphs)\s*\.?$", _I),
     r"The response has \g<c> \g<unit>."),
]


def _citation(text: str) -> Optional[Tuple[str, Asides]]:
    label = _LABELLED.match(text)
    m = label or _GERUND.match(text) or _CITED.match(text)
    if not m:
        return None
    rest = m.group("rest")
    got = _named_list(rest)
    if got is not None:  # a list's statement under a label ('Commended for X: ...') is never read: the label is unchecked
        return (text, [("veto", "a citation's label beside a list")]) if label else got
    s, rep = next(((s, r) for s, r in ((p.match(rest), r) for p, r in _CITATION_SAID) if s), (None, None))
    if s is None:
        return None
    letter = None
    if label:
        side = "less" if re.search(rf"\b(?:{_LESS})\b", rest, _I) else "more" if re.search(r"\bat\s+least\b|\bor\s+more\b", rest, _I) else None
        fits = _LABELS[side].match(label.group("label").strip()) if side else None
        if not fits:  # the label must be borne out by the bound's side
            return text, [("veto", "a citation's label the statement does not bear out")]
        letter = fits.groupdict().get("q")
    if "\\g<letter>" in rep:
        if not letter:
            return text, [("veto", "a letter counted that the label does not name")]
        rep = rep.replace("\\g<letter>", "the letter " + letter)
    return cap(s.expand(rep) + rest[s.end():]), []


def noticed(text: str) -> Tuple[str, Asides]:
    """(the statement inside a railway announcement, a stage direction, marketplace feedback, a deed's description or an
    honours citation, its asides); (text, []) when it is none of them."""
    for reader in (_announcement, _stage, _feedback, _deed, _citation):
        got = reader(text)
        if got is not None:
            return got
    return text, []
