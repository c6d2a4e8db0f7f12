"""A mark scheme's notes to the marker (issue 15, round 29): 'Accept ... . Ignore X. Allow no Y.'

An exam board's mark scheme states what is accepted, then tells the marker what to ignore and what to allow:

    Accept answers of at least 12 sentences. Ignore the length of individual sentences.
    Accept only answers wholly in Welsh. Allow no sentences in any other language.
    Accept answers using "tide" 3 or more times. Disregard case: a capitalised form still counts.

The notes after the accepting sentence ('Ignore ...', 'Disregard ...', 'Do not penalise ...', 'Allow ...', 'Do not
allow ...') are read off as asides (:func:`cut_notes`), and the driver keeps the check only when each agrees with it
(:func:`rubricc.compiler.lower._aside_agrees`):

- ``ignore``: what the marker may disregard must be something the check does not depend on (:func:`ignore_agrees`):
  letter case beside a check that ignores case; how long each unit is; where a thing sits, beside a check that reads
  no position; what a part says, beside a check that reads no wording; which answer is better or how good it is; the
  things the check does not count ('the lines that are not bullet points', 'other punctuation marks', 'quotation marks
  inside it' beside a whole-text quotation, 'words that merely begin with a capital' beside a count of words in
  capitals). Anything else keeps the criterion neural;
- ``strict``: what is allowed none of must be what the check already forbids (:func:`strict_agrees`): another language
  beside a language check; anything after the phrase beside an ending; a rewording beside an exact phrase; a comma
  beside a comma ban;
- 'Allow a repeated X to count each time', 'X still counts (as ...)': a ``counted`` aside, as a near-miss's is;
  'only words in capitals throughout count': an ``only_counted`` aside, agreeing only where it names what the check
  counts;
- 'no use at all also qualifies': a ``zero_passes`` aside, agreeing only with a bound that zero meets;
- ', with no passages in any other language' at the end: a ``strict`` aside, when it is one of those above.

A permission that is none of these ('Allow more than 5.', 'Allow any label inside the brackets.') leaves the criterion
as it is, for the readers that read such sentences whole. The accepting sentence is said of the response ('Accept a
response that X' -> 'The response X', :func:`accepted`).

Quoted material is never read as a note.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_respell import in_quotes, quote_spans
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_LEAD = r"(?:ignore|disregard|do\s+not\s+penali[sz]e|don't\s+penali[sz]e|allow|do\s+not\s+allow|don't\s+allow|permit\s+no)"
# a note sentence: after a sentence's end (or a closing quotation mark), one of the marker's verbs
_NOTE = re.compile(rf"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d])|(?<=[\"\u201d]))\s+(?={_LEAD}\b)", _I)
# the zero case said to pass after a semicolon: '; no use at all also qualifies', '; zero occurrences are also accepted'
_ZERO = re.compile(r"\s*[;,]\s+(?:and\s+)?(?P<z>(?:no\s+(?:use|uses|occurrences?|mention)|none|zero(?:\s+(?:uses|occurrences|times))?|"
                   r"not\s+using\s+it)(?:\s+at\s+all)?)\s+(?:also\s+|still\s+)?(?:qualifies|counts|passes|is\s+(?:also\s+)?(?:accepted|fine|acceptable))"
                   r"\s*[.!]?\s*$", _I)
_WITH_NO = re.compile(r"\s*,\s+(?:and\s+)?with\s+no\s+(?P<s>[a-z][a-z ]{2,60}?)\s*[.!]?\s*$", _I)
_STILL = re.compile(r"^(?P<c>.+?)\s+still\s+counts?(?:\s+as\s+(?:a|an|the)\s+[a-z ]{1,30}?)?$", _I)
_ONLY = re.compile(r"^only\s+(?P<c>.+?)\s+(?:counts?|are\s+counted|is\s+counted)$", _I)
_ALLOW_COUNT = re.compile(r"^allow\s+(?P<c>(?:an?\s+|the\s+)?repeated\s+[a-z ]{1,40}?)\s+to\s+count\s+(?:each|every)\s+time"
                          r"(?:\s+it\s+(?:occurs|appears|is\s+used))?$", _I)
_ALLOW_NONE = re.compile(r"^(?:allow\s+(?:no|nothing)\b|do\s+not\s+allow\b|don't\s+allow\b|permit\s+no\b)\s*(?P<s>.*)$", _I)
_IGNORE = re.compile(r"^(?:ignore|disregard|do\s+not\s+penali[sz]e|don't\s+penali[sz]e)\s+(?P<t>.+)$", _I)


def cut_notes(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the accepting sentence, the marker's notes after it as asides); (text, []) when there is none. A note that
    reads as none of the kinds above is a ``veto`` aside: the criterion stays neural."""
    spans = quote_spans(text)
    cuts = [m.start() for m in _NOTE.finditer(text) if not in_quotes(spans, m.start())]
    asides: List[Tuple[str, str]] = []
    if cuts:
        notes = [text[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(text)])]
        if any(_permits(note) for note in notes):
            return text, []  # a permission ('Allow more than 3.'): the criterion as it is, for the readers of permissions
        text = text[:cuts[0]].rstrip()
        for note in notes:
            asides += _read_note(note)
    spans = quote_spans(text)
    z = _ZERO.search(text)
    if z and not in_quotes(spans, z.start()):
        asides.append(("zero_passes", z.group("z")))
        text = text[:z.start()].rstrip(" ,;") + "."
    w = _WITH_NO.search(text)  # ', with no passages in any other language': what the check already forbids, said again
    if w and not in_quotes(quote_spans(text), w.start()) and any(p.match(w.group("s")) for p in _STRICT.values()):
        asides.append(("strict", w.group("s")))
        text = text[:w.start()].rstrip(" ,;") + "."
    if asides and not text.rstrip().endswith((".", "!", "?", '"', "'", "\u201d")):
        text = text.rstrip() + "."
    return accepted(text), asides


# the accepting sentence said of the response: 'Accept a response that X' -> 'The response X'
_ACCEPT = re.compile(r"^\s*(?:accept|credit)\s+(?:only\s+)?(?:(?:a|an|the|any)\s+(?P<d>response|answer|reply)\s+(?:only\s+)?"
                     r"(?P<w>(?:only\s+)?if\s+it|that|which|whose|with|containing|of|written|shorter|longer)"
                     r"|(?P<p>responses|answers|replies)\s+(?P<pw>whose|with|containing|of|written|shorter|longer))\b\s*(?=\S)", _I)
_SINGULAR = {"responses": "response", "answers": "answer", "replies": "reply"}
_ACCEPTED = {"if it": "The {d} ", "only if it": "The {d} ", "that": "The {d} ", "which": "The {d} ", "whose": "The {d}'s ",
             "with": "The {d} has ", "containing": "The {d} contains ", "of": "The {d} has ", "written": "The {d} is written ",
             "shorter": "The {d} is shorter ", "longer": "The {d} is longer "}


def accepted(text: str) -> str:
    """'Accept (only) a response that X' said of the response ('The response X'); else the text as it is."""
    m = _ACCEPT.match(text)
    if not m:
        return text
    w, d = (m.group("w"), m.group("d")) if m.group("d") else (m.group("pw"), _SINGULAR[m.group("p").lower()])
    said = _ACCEPTED[re.sub(r"\s+", " ", w.lower())].format(d=d.lower())
    return said + text[m.end():]


def _permits(note: str) -> bool:
    """True for a permission note ('Allow digits as they are'), other than one on what is counted or allowed none of."""
    head = re.split(r"\s*[:;]\s+", note.strip(" .!"))[0]
    return bool(re.match(r"^allow\b", head, _I)) and not _ALLOW_COUNT.match(head) and not _ALLOW_NONE.match(head) \
        and not re.search(r"\bto\s+count\b", head, _I)  # 'Allow X to count once only': read, and vetoed, as a note


def _read_note(note: str) -> List[Tuple[str, str]]:
    """The asides of one note: its parts after a colon or a semicolon are notes on what is counted."""
    spans = quote_spans(note)
    parts = [p.strip(" .!") for p in re.split(r"\s*[:;]\s+", note)] if not spans else [note.strip(" .!")]
    head, rest = parts[0], parts[1:]
    out: List[Tuple[str, str]] = []
    m = _ALLOW_COUNT.match(head)
    if m:
        out.append(("counted", m.group("c")))
    elif _ALLOW_NONE.match(head):
        out.append(("strict", _ALLOW_NONE.match(head).group("s")))
    elif _IGNORE.match(head):
        out.append(("ignore", _IGNORE.match(head).group("t")))
    else:
        out.append(("veto", head))
    for part in rest:
        s, o = _STILL.match(part), _ONLY.match(part)
        out.append(("counted", s.group("c")) if s else ("only_counted", o.group("c")) if o else ("veto", part))
    return out


# ---- what may be ignored ----------------------------------------------------------------------------------------------
_UNIT = r"(?:sentences?|paragraphs?|bullet\s+points?|bullets?|items?|sections?|lines?|words?|points?|parts?|responses?|answers?)"
_CASE_NOTE = re.compile(r"^(?:the\s+)?(?:letter\s+)?(?:capitali[sz]ation|case|casing)(?:\s+of\s+(?:that|the|this|each|the\s+chosen)\s+(?:word|words|keyword|letter|phrase))?"
                        r"(?:\s+when\s+(?:counting|matching|comparing|checking))?$", _I)
_LENGTH_EACH = re.compile(rf"^(?:how\s+(?:long|short)(?:\s+or\s+(?:long|short))?\s+(?:each|every|any|an\s+individual|the\s+individual)\s+{_UNIT}\s+is"
                          rf"|the\s+lengths?\s+of\s+(?:each|every|any|individual|the\s+individual)\s+{_UNIT})$", _I)
_PLACE = re.compile(r"^(?:where(?:\s+in\s+the\s+(?:response|answer|text))?\s+(?:the|it|its|that)\s*(?P<t>[a-z ]{0,30}?)\s*"
                    r"(?:sits|appears|is\s+placed|is\s+put|goes|is|falls|comes|occurs)|the\s+position\s+of\s+the\s+(?P<u>[a-z ]{1,30}))$", _I)
_CONTENT = re.compile(r"^(?:what\s+(?:the|its|that)\s+(?P<t>[a-z ]{1,30}?)\s+(?:says|contains|is\s+about)"
                      r"|the\s+(?:content|contents|wording|subject|topic)\s+of\s+(?:the|its|that)\s+(?P<u>[a-z ]{1,30}))$", _I)
_QUALITY = re.compile(r"^(?:which\s+(?:of\s+the\s+(?:two|responses|answers)|one|answer|response)\s+is\s+(?:better|best|stronger)"
                      r"|how\s+good\s+(?:it|the\s+(?:response|answer|writing))\s+is|the\s+quality\s+of\s+(?:the\s+)?(?:writing|response|answer|answers|responses))$", _I)
# checks that read no position of their thing in the response, and checks that read no wording
_PLACELESS = {"has_title", "keywords_present", "keywords_absent", "keyword_frequency", "letter_frequency", "capital_word_frequency",
              "placeholder_count", "highlighted_sections", "no_commas"}
_WORDLESS = {"has_title", "postscript", "word_count", "sentence_count", "paragraph_count", "bullet_count", "highlighted_sections",
             "placeholder_count", "section_count", "two_responses", "no_commas", "capital_word_frequency", "wrapped_in_quotes"}
# what each check counts, named as a kind of line or part ('the lines that are not bullet points')
_COUNTED_UNIT = {"bullet_count": r"bullet\s+points?|bullets?|bulleted\s+(?:lines?|items?)|list\s+items?",
                 "paragraph_count": r"paragraphs?", "sentence_count": r"sentences?", "section_count": r"sections?",
                 "highlighted_sections": r"highlighted\s+(?:sections?|parts?|spans?)|highlights?",
                 "placeholder_count": r"placeholders?"}
_NOT_UNIT = re.compile(r"^(?:the\s+|any\s+|all\s+)?(?:lines?|parts?|text|items?|paragraphs?)\s+(?:that\s+(?:are|is)\s+not|other\s+than)\s+(?P<u>[a-z ]{2,30})$", _I)
_NOT_COUNTED = {
    "no_commas": re.compile(r"^(?:all\s+|any\s+)?other\s+(?:punctuation(?:\s+marks?)?|marks|symbols)$", _I),
    "wrapped_in_quotes": re.compile(r"^(?:any\s+|the\s+)?quot(?:ation|e)\s+marks\s+(?:used\s+)?(?:inside|within)\s+(?:it|the\s+(?:response|answer|text))$", _I),
    "capital_word_frequency": re.compile(r"^(?:any\s+|the\s+)?words\s+that\s+(?:merely|only|just)\s+(?:begin|start)\s+with\s+a\s+capital(?:\s+letter)?$", _I),
}


def ignore_agrees(got: ProgramCheck, thing: str, case_agrees) -> bool:
    """True when what the marker may ignore is something ``got`` does not depend on; ``case_agrees(got, note)`` says
    whether a case-insensitivity note agrees with the check."""
    thing = re.sub(r"\s+", " ", thing.strip(" .!"))
    if _CASE_NOTE.match(thing):
        return case_agrees(got, "ignoring capitalization")
    if _LENGTH_EACH.match(thing) or _QUALITY.match(thing):
        return True
    if _PLACE.match(thing):
        return got.name in _PLACELESS
    if _CONTENT.match(thing):
        return got.name in _WORDLESS
    m = _NOT_UNIT.match(thing)
    if m:
        unit = _COUNTED_UNIT.get(got.name)
        return unit is not None and re.fullmatch(unit, m.group("u"), _I) is not None
    own = _NOT_COUNTED.get(got.name)
    return own is not None and own.match(thing) is not None


# ---- what is allowed none of ------------------------------------------------------------------------------------------
_STRICT = {
    "response_language": re.compile(r"^(?:passages?|words?|sentences?|parts?|text|phrases?|lines?)?\s*(?:in\s+)?(?:(?:any\s+)?other|another)\s+languages?"
                                    r"(?:\s+(?:anywhere|at\s+all))?$", _I),
    "ends_with": re.compile(r"^(?:else\s+)?after\s+(?:it|the\s+phrase|that|the\s+ending)(?:\s*,\s*not\s+even\s+(?:one|a\s+single)\s+(?:more\s+)?"
                            r"(?:word|character|line))?$", _I),
    "no_commas": re.compile(r"^(?:comma|commas|single\s+comma)(?:\s+(?:anywhere|at\s+all))?$", _I),
}
_REWORDING = re.compile(r"^(?:rewording|paraphras(?:e|ing)|variation|change|alteration|departure)s?\s+(?:of|to|in|from)\s+(?:the\s+)?(?:chosen\s+|exact\s+)?"
                        r"(?:option|options|phrase|wording|sentence|answer|request|words)$", _I)
_EXACT = {"any_phrase_present", "ends_with", "starts_with", "repeats_prompt"}


def strict_agrees(got: ProgramCheck, said: str) -> bool:
    """True when what the marker may allow none of is what ``got`` already forbids."""
    said = re.sub(r"\s+", " ", said.strip(" .!"))
    if _REWORDING.match(said):
        return got.name in _EXACT
    own = _STRICT.get(got.name)
    return own is not None and own.match(said) is not None


# ---- what alone is counted, and the zero case ------------------------------------------------------------------------
_ONLY_COUNTED = {"capital_word_frequency": re.compile(r"^words\s+(?:written\s+|set\s+)?(?:in\s+(?:all\s+)?(?:capitals|caps|capital\s+letters|upper\s*case)|"
                                                      r"(?:entirely|fully|wholly)\s+in\s+(?:capitals|caps|capital\s+letters))(?:\s+throughout)?$", _I)}


def only_counted_agrees(got: ProgramCheck, said: str) -> bool:
    """True when 'only X count' names what ``got`` counts."""
    own = _ONLY_COUNTED.get(got.name)
    return own is not None and own.match(re.sub(r"\s+", " ", said.strip())) is not None


def zero_passes_agrees(got: ProgramCheck) -> bool:
    """True when zero occurrences meet ``got``: a ban, or an upper bound above zero."""
    if got.name in ("keywords_absent", "phrase_absent", "no_commas"):
        return True
    relation, n = got.args.get("relation"), got.args.get("n")
    return isinstance(n, int) and (relation == "less than" and n >= 1 or relation == "at most" and n >= 0)


def marker_agrees(got: ProgramCheck, kind: str, aside: str, case_agrees) -> bool:
    """The driver's test of a mark scheme's note of ``kind`` (``ignore``, ``strict``, ``only_counted``, ``zero_passes``)."""
    if kind == "ignore":
        return ignore_agrees(got, aside, case_agrees)
    if kind == "strict":
        return strict_agrees(got, aside)
    if kind == "only_counted":
        return only_counted_agrees(got, aside)
    return zero_passes_agrees(got)


MARKER_KINDS = ("ignore", "strict", "only_counted", "zero_passes")
