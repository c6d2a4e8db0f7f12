"""An examiner's report of what the reply was found to be, from set 44's sixth voice (issue 15, round 36), read as the
plain statement it reports:

    At 09:40 hrs I examined the reply in full, from its first character to its last. No commas were found anywhere in the text.
    I counted the words in the reply. The total was below 300.
    I searched the reply for the following: a, b. No listed word was found in it as a whole word, in any case.

The report speaks in the first person and the past tense ('I counted', 'I observed', 'I examined the reply and found it
...', 'On examination the reply was ...'); what it reports found is what the reply must be. :func:`testimony` says it
in the present: a time stamp is read off, a sentence saying only that the reply was examined is dropped, a count and
the total said after it become one statement ('The number of words in the reply is below 300'), a search and what it
found become a statement of the listed words, and the past tense of the reply's verbs becomes the present. A report
sentence in the first person that none of these reads vetoes: what the examiner did is not known to be a requirement.
A criterion with no such report sentence is left as it is. Set 54's private eye and child (round 46) add a search of the
whole reply that found none ('I went over the reply like a cop ..., and not a single comma turned up anywhere'), a count
'and there were N' (or 'came up with N', 'N at the very least', 'N of them') and 'I counted how many times my reply says
"x" ..., and it's less than six'.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTED_LIST, WORD_LIST
from rubricc.compiler.lower_restated import sentences
from rubricc.compiler.lower_respell import in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_REPLY = r"(?:reply|response|answer|text)"
_SEEN = r"(?:observed|found|saw|noted|confirmed|recorded)"
_STAMP = re.compile(r"^\s*at\s+\d{1,2}[:.]?\d{2}\s*(?:hrs|hours|h)\b\.?\s*,?\s*", _I)
# a report sentence: the examiner's own act ('I counted ...', 'On examination ...')
_WITNESS = re.compile(rf"^(?:I\s+(?:examined|inspected|counted|searched|{_SEEN}|checked)\b|on\s+examination\b)", _I)
_VETO = [("veto", "an examiner's report sentence no reader reads")]
# the examiner's own view beside what was counted ('... and felt it was too long'): a judgement, not a finding
_OPINION = re.compile(r"\b(?:felt|feel|thought|think|believed?|seemed|seems|wondered|considered|judged|liked|disliked|hoped)\b", _I)

# 'I examined the reply in full, from its first character to its last.': what was done, nothing found
_EXAMINED = re.compile(rf"^I\s+(?:examined|inspected|read|checked)\s+the\s+{_REPLY}(?:\s+(?:in\s+full|carefully|closely|in\s+its\s+entirety|throughout))?"
                       r"(?:\s*,\s*from\s+its\s+first\s+\w+\s+to\s+its\s+last(?:\s+\w+)?)?\s*\.?$", _I)
# 'I examined the reply and found it written entirely in French.', 'I examined the reply and found that it consisted ...'
_FOUND_IT = re.compile(rf"^(?:I\s+(?:examined|inspected|checked)\s+the\s+{_REPLY}\s+and\s+|I\s+)found\s+(?:that\s+)?it\s+(?P<rest>.+)$", _I)
_PARTICIPLE = re.compile(r"^(?:written|enclosed|composed|set|wrapped|formatted|divided|separated|typed|given|presented|laid\s+out|free|entirely|wholly|all)\b", _I)
# 'I observed that the reply was ...', 'On examination the reply was ...'
_THAT = re.compile(rf"^(?:I\s+{_SEEN}\s+that|on\s+examination\s*,?)\s+(?P<s>the\s+{_REPLY}\b.+)$", _I)
# 'I counted the words in the reply.' then 'The total was below 300.' (or ', and the count came to 5 or more')
_COUNTED = re.compile(r"^I\s+counted\s+(?P<u>(?:the|every|each|all)\b[^0-9]+?)\s*\.?$", _I)
_COUNTED_AND = re.compile(r"^I\s+counted\s+(?P<u>(?:the|every|each|all)\b[^0-9]+?)\s*,?\s+and\s+(?:found|recorded|noted|came\s+up\s+with|got|ended\s+up\s+with|"
                          r"there\s+(?:was|were|are|is)|(?:the\s+(?:total|count)\s+(?:was|came\s+to)))"
                          r"\s+(?:a\s+total\s+of\s+)?(?P<rel>[^.!]*\d[^.!]*?)\s*[.!]?$", _I)
_TOTAL = re.compile(r"^(?:the\s+(?:total|count|number|tally|figure)\s+(?:was|came\s+to|stood\s+at)|there\s+(?:was|were))\s+(?P<rel>[^.]*\d[^.]*?)\s*\.?$", _I)
# 'I counted exactly 4 paragraphs in the reply, ...', 'I observed 3 or more sections of the reply highlighted ...'
_REL = (r"(?:exactly|precisely|at\s+least|at\s+most|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than)")
_COUNTED_N = re.compile(rf"^I\s+(?:counted|{_SEEN})\s+(?P<c>(?:{_REL}\s+)?\d+(?:\s+or\s+(?:more|fewer|less))?)\s+(?P<rest>[a-z].+)$", _I)
_EXACT = re.compile(r"\s*,?\s*no\s+more\s+and\s+no\s+fewer\b\s*,?", _I)
# 'I observed a postscript beginning with P.S. in the reply.', 'I observed no capital letter anywhere in the text.'
_SEEN_A = re.compile(rf"^I\s+{_SEEN}\s+(?P<q>a|an|no|one)\s+(?P<rest>.+)$", _I)
# 'I searched the reply for "a" and "b" and found every listed word in it at least once.'
_SEARCH_FOUND = re.compile(rf"^I\s+searched\s+the\s+{_REPLY}\s+for\s+(?P<w>.+?)\s+and\s+found\s+(?:every|each|all)\s+(?:of\s+the\s+)?(?:listed\s+)?(?:words?|terms?)"
                           r"(?:\s+in\s+it)?(?P<tail>(?:\s*,?\s*at\s+least\s+once)?)\s*\.?$", _I)
_WORDS = re.compile(rf"{QUOTED_LIST}|{WORD_LIST}", _I)  # what was searched for: a list of words, quoted or plain
# 'I searched the reply for the following: a, b.' then 'No listed word was found in it as a whole word, in any case.'
_SEARCH = re.compile(rf"^I\s+searched\s+the\s+{_REPLY}\s+for\s+(?:the\s+following(?:\s+words)?\s*:\s*)?(?P<w>.+?)\s*\.?$", _I)
_NONE_FOUND = re.compile(r"^(?:no|none\s+of\s+the)\s+(?:listed\s+)?words?\s+(?:was|were)\s+found(?:\s+in\s+it)?(?P<tail>[^.]*?)\s*\.?$", _I)
_ALL_FOUND = re.compile(r"^(?:every|each|all)\s+(?:listed\s+)?words?\s+(?:was|were)\s+found(?:\s+in\s+it)?(?P<tail>[^.]*?)\s*\.?$", _I)
# 'The reply began with the request, ...: REQ I observed no words or characters before it.'
_REPEAT = re.compile(rf"^the\s+{_REPLY}\s+(?:began|opened|started)\s+with\s+(?P<rest>the\s+(?:request|prompt)\b.+?)\s+I\s+{_SEEN}\s+(?:nothing|no\s+(?:other\s+)?"
                     r"(?:words?|text|characters?)(?:\s+or\s+(?:words?|characters?|text))?)\s+before\s+it\s*\.?\s*$", _I)

# 'I counted how many times my reply says "x", with big or small letters, and it's less than six.' (set 54's child)
_HOW_MANY = re.compile(rf"^I\s+counted\s+how\s+many\s+times\s+(?:my|the)\s+{_REPLY}\s+(?:says|said|uses|used)\s+(?P<q>\"[^\"]+\")(?P<notes>[^.!]*?)\s*,?\s+"
                       r"and\s+(?:it's|it\s+is|it\s+was|the\s+answer\s+(?:is|was))\s+(?P<rel>[^.!]+?)\s*[.!]?$", _I)
# 'I went over the reply like a cop dusting for prints, every line of it, and not a single comma turned up anywhere.' (set
# 54's private eye): a search of the whole reply (a simile and 'every line of it' at most beside it) and the thing not found
_WENT_OVER = re.compile(rf"^I\s+(?:went\s+over|combed(?:\s+through)?|read\s+through|searched|scanned|checked|examined)\s+the\s+{_REPLY}"
                        r"(?:\s+(?:carefully|closely|line\s+by\s+line|word\s+by\s+word|from\s+top\s+to\s+bottom))?(?:\s+like\s+an?\s+[a-z]+(?:\s+[a-z]+){0,4})?"
                        r"(?:\s*,\s*every\s+(?:line|word|inch|page)\s+of\s+it)?\s*,?\s+and\s+(?P<none>not\s+(?:a|one)\s+(?:single\s+)?|no\s+)"
                        r"(?P<x>comma|capital\s+letter|lowercase\s+letter)s?\s+(?:turned\s+up|showed\s+up|appeared|was\s+found)(?:\s+anywhere)?\s*[.!]?$", _I)

_PRESENT = {"was": "is", "were": "are", "contained": "contains", "began": "begins", "ended": "ends", "bore": "bears",
            "consisted": "consists", "had": "has", "used": "uses", "included": "includes", "opened": "opens",
            "closed": "closes", "appeared": "appears", "followed": "follows", "came": "comes", "started": "starts",
            "finished": "finishes", "carried": "carries", "wore": "wears", "gave": "gives", "showed": "shows", "ran": "runs",
            "reached": "reaches", "parsed": "parses", "spoke": "speaks", "fell": "falls", "lived": "lives"}
_PAST = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)\b(" + "|".join(_PRESENT) + r")\b", re.IGNORECASE)


def testimony(text: str) -> Tuple[str, Asides]:
    """(the statement an examiner's report makes of the reply, its asides); (text, []) when it is no such report."""
    body = _STAMP.sub("", text, count=1)
    m = _REPEAT.match(body.strip())
    if m:
        return f"The reply begins with {m.group('rest')}", []
    m = _WENT_OVER.match(body.strip())
    if m:
        return f"Not a single {m.group('x').lower()} appears anywhere in the reply.", []
    parts = sentences(body)
    if not any(_WITNESS.match(p) for p in parts) and body == text:
        return text, []
    out: List[str] = []
    i = 0
    while i < len(parts):
        said, used = _read(parts[i], parts[i + 1] if i + 1 < len(parts) else None)
        if said is None:
            return text, _VETO
        if said:
            out.append(said)
        i += used
    if not out:
        return text, _VETO
    return " ".join(out), []


def _read(s: str, after: Optional[str]) -> Tuple[Optional[str], int]:
    """(the present-tense statement of report sentence ``s``, '' to drop it, None when it is not read; sentences used)."""
    s = s.strip()
    if _OPINION.search(s):
        return None, 1
    if _EXAMINED.match(s):
        return "", 1
    m = _HOW_MANY.match(s)
    if m:
        return f"The word {m.group('q')} appears {m.group('rel')} times in the reply{m.group('notes')}.", 1
    m = _COUNTED_AND.match(s)
    if m and re.search(rf"\b(?:in|of|across)\s+(?:the|my)\s+(?:whole\s+|entire\s+)?{_REPLY}\b", m.group("u"), _I):
        return _number_of(m.group("u"), m.group("rel")), 1
    m = _COUNTED.match(s)
    if m and not re.search(rf"\b(?:in|of|across)\s+(?:the|my)\s+(?:whole\s+|entire\s+)?{_REPLY}\b", m.group("u"), _I):
        return None, 1  # a count of something else than the reply ('the sentences in the user's message')
    t = _TOTAL.match(after.strip()) if m and after else None
    if t:
        return _number_of(m.group("u"), t.group("rel")), 2
    m = _COUNTED_N.match(s)
    if m:
        count, rest = m.group("c"), m.group("rest")
        if _EXACT.search(rest):
            rest = _EXACT.sub("", rest)
            count = count if re.match(r"\d", count) is None else f"exactly {count}"
        return f"The reply has {count} {_not_in_reply(rest)}", 1
    m = _SEARCH_FOUND.match(s)
    if m and _WORDS.fullmatch(m.group("w")):
        return f"The reply contains every one of the words {m.group('w')}{m.group('tail')}.", 1
    m = _SEARCH.match(s)
    if m and after and _WORDS.fullmatch(m.group("w")):
        n = _NONE_FOUND.match(after.strip())
        if n:
            return f"None of the following words appears in the reply{n.group('tail')}: {m.group('w')}.", 2
        a = _ALL_FOUND.match(after.strip())
        if a:
            return f"The reply contains every one of the words {m.group('w')}{a.group('tail')}.", 2
    m = _FOUND_IT.match(s)
    if m:
        rest = m.group("rest")
        return ("The reply is " + rest) if _PARTICIPLE.match(rest) else ("The reply " + present_tense(rest)), 1
    m = _THAT.match(s)
    if m:
        return present_tense(m.group("s")[0].upper() + m.group("s")[1:]), 1
    m = _SEEN_A.match(s)
    if m:
        return f"The reply has {m.group('q').lower()} {_not_in_reply(present_tense(m.group('rest')))}", 1
    if _WITNESS.match(s):
        return None, 1
    return present_tense(s), 1


# the total said with a pronoun or an emphasis the count does not need: 'at least 400 of them', '5 of them or more',
# '3 at the very least', 'fewer than 10, all told'
_OF_THEM = re.compile(r"\s+of\s+them\b", _I)
_VERY_LEAST = re.compile(r"^(?P<n>\d+)\s+at\s+the\s+very\s+least$", _I)
_ALL_TOLD = re.compile(r"\s*,?\s*(?:all\s+told|in\s+all|in\s+total|altogether)$", _I)


def _number_of(unit: str, rel: str) -> str:
    """The statement of a count and the total found: 'The reply has below 300 words.', 'The number of occurrences of
    the letter 'q' in the reply, in either case, is less than 3.'"""
    rel = _ALL_TOLD.sub("", _OF_THEM.sub("", rel.strip()))
    rel = _VERY_LEAST.sub(r"at least \g<n>", rel)
    unit = re.sub(r"^(?:(?:the|every|each|all)\s+|occurrences?\s+of\s+)+", "", unit.strip(), flags=re.I)
    if re.match(r"(?:letter|character)\b", unit, re.I):
        return f"The number of occurrences of the {unit} is {rel.strip()}."
    if re.match(r"[\"'\u201c]", unit):
        return f"The number of occurrences of {unit} is {rel.strip()}."
    return f"The reply has {rel.strip()} {_not_in_reply(unit).rstrip(' ,')}."


def _not_in_reply(rest: str) -> str:
    """``rest`` without its first 'in the reply' / 'of the reply' (the reply is the statement's subject)."""
    return re.sub(rf"\s+(?:in|of)\s+(?:the|my)\s+{_REPLY}\b", "", rest, count=1, flags=re.I)


def present_tense(s: str) -> str:
    """``s`` with its past-tense verbs in the present, quotations left as they are."""
    spans = quote_spans(s)
    return _PAST.sub(lambda m: m.group(0) if in_quotes(spans, m.start()) else _cased(_PRESENT[m.group(0).lower()], m.group(0)), s)


def _cased(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word
