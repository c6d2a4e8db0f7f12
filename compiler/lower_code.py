"""A rubric engineer's code-like notation (issue 15, round 16), respelled into the terse notation the voices read
(:mod:`rubricc.compiler.lower_voices5`): identifiers for counts ('word_count < 701', 'num_sentences >= 50',
'len(words) >= 600'), call forms around a quoted word or letter ('freq("hughes") < 2', "count('i', ignore case) < 3"),
the language as a function or a bare ISO code ('lang(output) == ru', 'lang == en AND ...', 'en; no uppercase chars'),
'==' after a unit ('bullets (* / -) == 3'), a quoted comma as the character ("zero ',' chars"), and list labels
('banned: a, b -> 0 occurrences', 'contains all of: a, b', 'mentions each of a, b at least once'), the whole response
named by its parts, and a note that a count breaks its bound ('fewer than 50 sentences, failing the required minimum',
kept when it names the other bound). Each rewrite only renames; what a rewritten criterion asks is read, and judged, by
the rules as before.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_parse import LANGUAGES

_I = re.IGNORECASE
_Q = r"(?:\"[^\"\n]{1,60}\"|'[^'\n]{1,40}')"
_CODES = {code: name.capitalize() for name, code in LANGUAGES.items()}
_UNITS = r"(?:bullets?|bullet\s+points|paragraphs|paras|sections|words|sentences|placeholders|highlighted\s+sections)"
_WORDS = r"[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*)*"


def _code(m: "re.Match[str]") -> str:
    code = m.group("code").lower()
    return m.group(0) if code not in _CODES else m.group(0)[:m.start("code") - m.start(0)] + _CODES[code] + m.group(0)[m.end("code") - m.start(0):]


def _restated(m: "re.Match[str]") -> str:
    same = m.group("n") == m.group("m") or LANGUAGES.get(m.group("n").lower(), 0) == LANGUAGES.get(m.group("m").lower(), 1)
    return m.group("n") if same else m.group(0)


_REWRITES = [
    # identifiers of a count
    (re.compile(r"\b(?:word_count|num_words|n_words|wordcount|len\(\s*words\s*\))(?=\s*(?:[<>=\u2264\u2265]))", _I), "word count"),
    (re.compile(r"\b(?:sentence_count|num_sentences|n_sentences|len\(\s*sentences\s*\))(?=\s*(?:[<>=\u2264\u2265]))", _I), "sentence count"),
    (re.compile(r"\b(?:paragraph_count|num_paragraphs|n_paragraphs|len\(\s*paragraphs\s*\))(?=\s*(?:[<>=\u2264\u2265]))", _I), "paragraph count"),
    (re.compile(r"(?<![\w#])#\s*(?=all[- ]caps\s+words\b)", _I), ""),  # '#ALL-CAPS words < 5'
    # a quoted word or letter counted by a call: the case note is the count's own (these counts ignore case)
    (re.compile(rf"\b(?:freq|frequency|count|occurrences)\(\s*(?P<q>{_Q})\s*(?:,\s*(?:ignore\s*case|any\s+case|case[- ]?insensitive|ignorecase=true))?\s*\)", _I),
     lambda m: f"count({m.group('q')})"),
    (re.compile(rf"^\s*occurrences\s+of\s+(?P<q>{_Q})\s*(?:\((?:any|either)\s+case\)|,\s*(?:any|either)\s+case)?\s*(?=[<>\u2264\u2265])", _I),
     lambda m: m.group("q") + " "),
    # the language
    (re.compile(r"\blang(?:uage)?\s*\(\s*(?:output|response|resp|text|answer)\s*\)", _I), "lang"),
    (re.compile(r"\blang(?:uage)?\s*==?\s*(?P<code>[a-z]{2})\b", _I), lambda m: "lang = " + m.group("code")),
    (re.compile(r"\blang\s*=\s*(?P<code>[a-z]{2})\b(?!\s*\))", _I), _code),
    (re.compile(r"^\s*(?P<code>[a-z]{2})(?=\s*(?:;|,|\s+only\b))"), _code),
    (re.compile(r"\b(?P<n>[A-Z][a-z]+)\s*\((?P<m>[A-Z][a-z]+)\)"), _restated),  # 'lang = Hindi (Hindi)', 'Farsi (Persian)': the name restated
    (re.compile(r"^\s*lang\s*=\s*(?P<l>[A-Z][a-z]+)\s*(?:,\s*|\(\s*)(?:the\s+)?(?:whole|entire|full|complete)\s+(?:response|output|text)\s*\)?\s*$"),
     lambda m: f"whole response in {m.group('l')}"),
    (re.compile(r"\bchars\b", _I), "characters"),
    # the request to repeat named by '=': 'starts w/ verbatim repeat of request, then answer. request = ...'
    (re.compile(r"(?<=[.;]\s)(?:the\s+)?request\s*=\s*(?=\S)", _I), "Request: "),
    # a paragraph's first word by its number ('para #1 first word = weekend')
    (re.compile(r"\b(?:para(?:graph)?)\s*#\s*(?P<n>\d+)\s+first\s+word\s*==?\s*(?P<w>[A-Za-z][\w'-]*)\s*$", _I),
     lambda m: f"paragraph {m.group('n')} starts with the word {m.group('w')}"),
    # '==' after a unit, with its note
    (re.compile(rf"^\s*(?P<u>{_UNITS})(?P<note>\s*\([^()]*\))?\s*==?\s*(?P<n>\d[\d,]*)\s*$", _I),
     lambda m: f"exactly {m.group('n')} {m.group('u')}{m.group('note') or ''}"),
    (re.compile(rf"^\s*(?P<u>{_UNITS})\s*==?\s*(?P<n>\d[\d,]*)(?P<note>\s*\([^()]*\))?(?=\s*(?:;|$))", _I),
     lambda m: f"exactly {m.group('n')} {m.group('u')}{m.group('note') or ''}"),
    # '"schedule" x6+ occurrences': 6 or more
    (re.compile(rf"(?P<q>{_Q})\s+x\s*(?P<n>\d+)\+(?=\s+(?:occurrences|times|uses|mentions)\b)", _I), lambda m: f"{m.group('q')} {m.group('n')}+"),
    # the comma character quoted
    (re.compile(r"\b(?P<z>zero|no)\s+','\s+(?:characters?)\b", _I), lambda m: f"{m.group('z')} commas"),
    # list labels
    (re.compile(rf"^\s*(?:banned|forbidden)\s*:\s*(?P<l>{_WORDS})\s*(?:->|=>|\u2192)\s*0\s+(?:occurrences|uses|hits)\s*$", _I),
     lambda m: f"banned words: {m.group('l')}"),
    (re.compile(rf"^\s*(?:banned|forbidden)\s*:\s*(?=(?:{_WORDS})\s*$)", _I), "banned words: "),
    (re.compile(rf"^\s*(?:contains?|includes?|has)\s+all\s+of\s*:\s*(?=(?:{_WORDS})\s*$)", _I), "includes the keywords: "),
    # a bare list bounded by 'each of' and 'at least once' ('Mentions each of cat, dog at least once.')
    (re.compile(rf"\b(?P<v>mentions|includes|uses|contains)\s+each\s+of\s+(?P<l>{_WORDS})\s+at\s+least\s+once(?=\s*[.!]?\s*$)", _I),
     lambda m: f"{m.group('v')} the keywords: {m.group('l')}"),
    # the whole response named by its parts ('Every part of the response is in English and in uppercase')
    (re.compile(r"(?<![\w-])(?P<e>every|each|all)\s+parts?\s+of\s+the\s+(?=(?:response|reply|answer|output)\b)", _I),
     lambda m: "The entire " if m.group("e")[0].isupper() else "the entire "),
]
# a note after a count saying that it breaks the bound ('Response contains fewer than 50 sentences, failing the
# required minimum'): dropped when it names the bound the count is on the wrong side of
_BOUND_NOTE = re.compile(r"\s*,\s*(?:thus\s+|so\s+|which\s+is\s+)?(?P<v>failing|missing|falling\s+short\s+of|short\s+of|below|under|exceeding|over|above|breaking|"
                         r"violating|past)\s+the\s+(?:(?:required|stated|allowed|permitted|given)\s+)?(?P<b>minimum|maximum|limit|cap)(?:\s+(?:length|count))?\s*(?P<end>[.!]?)\s*$", _I)


def _bound_note(text: str) -> str:
    m = _BOUND_NOTE.search(text)
    if m is None:
        return text
    head = text[:m.start()]
    fewer = re.search(r"\b(?:fewer|less)\s+than\b|\bunder\b|\bbelow\b", head, _I)
    more = re.search(r"\bor\s+more\b|\bmore\s+than\b|\bat\s+least\b|\bover\b|\bexceeds?\b", head, _I)
    low_bound = m.group("b").lower() == "minimum" or m.group("v").lower() in ("below", "under", "falling short of", "short of", "missing")
    if (fewer and not more and low_bound and m.group("b").lower() != "maximum") or \
            (more and not fewer and m.group("b").lower() in ("maximum", "limit", "cap") and m.group("v").lower() in ("exceeding", "over", "above", "breaking", "violating", "past")):
        return head + (m.group("end") or ".")
    return text


# 'w/', 'w/o' (before any data: a quotation, or what follows a colon, is never rewritten)
_WITH = re.compile(r"(?<![\w/])w/(?P<o>o)?(?=\s)", _I)


def respell_code(text: str) -> str:
    """``text`` with its code-like notation said in the voices' terse notation (unchanged when it has none)."""
    for pat, rep in _REWRITES:
        text = pat.sub(rep, text)
    head = re.split(r":\s|[\"\u201c]", text, maxsplit=1)[0]
    text = _WITH.sub(lambda m: "without" if m.group("o") else "with", head) + text[len(head):]
    return _bound_note(text)
