"""An it-cleft and a corpus linguist's register (issue 15, round 29): said in the words the rules read.

A rubric writer who stresses the requirement puts it in an it-cleft; one trained in corpus linguistics names words,
letters and occurrences in that field's terms:

    It is at most 9 sentences that the reply consists of.            -> The reply consists of at most 9 sentences.
    It is in Welsh that the whole answer is written.                 -> The whole answer is written in Welsh.
    It is 4 or more paragraphs that make up the reply.               -> 4 or more paragraphs make up the reply.
    The lexical item "tide" is attested at least twice in the text.  -> The word "tide" appears at least twice in the text.
    The text is monolingual Welsh throughout.                        -> The text is in Welsh throughout.

:func:`uncleft` moves the stressed part back to its place in the clause (after the verb phrase, before a trailing
participle or absolute clause set off by a comma); it reads only a stressed part that is a count, a quotation, a
quantifier or a prepositional phrase ('It is true that ...' and 'It is not X that ...' are left as they are).
:func:`register` respells the register's words and the emphasis that restates a relation ('at least 600 words, and not
one fewer'; 'every one of the keywords ..., not just some'). Neither adds a requirement; quoted material is never
rewritten.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_respell import in_quotes, quote_spans, sub_all_outside

_I = re.IGNORECASE
_CLEFT = re.compile(r"^\s*it(?:\s+is|'s)\s+(?=\S)", _I)
_STRESSED = re.compile(r"^(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than|no\s+more\s+than|no\s+fewer\s+than|only|just)\s+)?"
                       r"\d|^(?:in|with|without|within|on|by|under|over|from)\s+\S|^(?:every|each|all|none|both|any)\b|^[\"\u201c]", _I)
_SUBJECT = re.compile(r"^(?:the|its|this|every|each)\b", _I)
# the clause's subject is the response, or a part of it named as the response's
_RESPONSE = re.compile(r"^(?:the|this)\s+(?:(?:whole|entire|full|final)\s+)?(?:response|reply|answer|output|text)\b"
                       r"|^the\s+[a-z]+\s+of\s+the\s+(?:response|reply|answer)'s\b", _I)


def uncleft(text: str) -> str:
    """'It is X that S V(, tail)' as 'S V X(, tail)'; 'It is X that V ...' (X the subject) as 'X V ...'; else the text."""
    m = _CLEFT.match(text)
    if not m:
        return text
    spans = quote_spans(text)
    that = next((t for t in re.finditer(r"\s+that\s+", text[m.end():]) if not in_quotes(spans, m.end() + t.start())), None)
    if that is None:
        return text
    stressed = text[m.end():m.end() + that.start()].strip()
    rest = re.sub(r"\s*[.!]\s*$", "", text[m.end() + that.end():])
    if not _STRESSED.search(stressed) or re.search(r"\bthat\b", rest[:1]):
        return text
    if not _SUBJECT.match(rest):  # the stressed part is the subject: 'It is 5 or more sentences that make up the response'
        return stressed[0].upper() + stressed[1:] + " " + rest + "."
    if not _RESPONSE.match(rest):
        return text  # said of something else ('It is in French that the user asked')
    spans = quote_spans(rest)
    comma = next((c for c in re.finditer(r",\s+", rest) if not in_quotes(spans, c.start())), None)
    clause, tail = (rest[:comma.start()], rest[comma.start():]) if comma else (rest, "")
    return clause[0].upper() + clause[1:] + " " + stressed + tail + "."


_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
_SPELLINGS = [
    (re.compile(r"\b(is|are)\s+attested\b", _I), lambda m: "appears" if m.group(1).lower() == "is" else "appear"),
    (re.compile(r"\blexical\s+items\b", _I), "words"),
    (re.compile(r"\blexical\s+item\b", _I), "word"),
    (re.compile(r"\bgrapheme\b", _I), "letter"),
    (re.compile(r"^\s*tokens\s+(?=(?:written|set|typed|printed)\s+(?:wholly|entirely|fully|all)\s+in\s+(?:upper\s*case|capitals|capital\s+letters)\b)", _I),
     "Words "),
    (re.compile(r"\bterminates\s+with\b", _I), "ends with"),
    (re.compile(r",?\s*and\s+no\s+further\s+(?:material|text|content)\s+follows\b", _I), ", and nothing follows"),
    (re.compile(r"\bis\s+monolingual\s+(?=[A-Z])"), "is in "),
    # a count of list items each marked with a bullet: the bullet points
    (re.compile(r"\b(\d+)\s+list\s+items\s*,?\s*each\s+(?:marked|introduced|preceded)\s+(?:with|by)\s+a\s+markdown\s+bullet\b", _I),
     r"\1 markdown bullet points"),
    # '350 words at the very least': at least 350 words
    (re.compile(r"\b(\d[\d,]*\s+[a-z]+(?:\s+[a-z]+)?)\s*,?\s+at\s+the\s+(?:very\s+)?(least|most)\b", _I), r"at \2 \1"),
    # exactness of a bound restated: 'at least 600 words, and not one fewer'
    (re.compile(r"\b(at\s+least\s+\d[\d,]*\s+[a-z]+(?:\s+[a-z]+)?)\s*,?\s*(?:and\s+)?not\s+(?:one|a\s+single\s+one)\s+(?:fewer|less)\b", _I), r"\1"),
    (re.compile(r"\b(at\s+most\s+\d[\d,]*\s+[a-z]+(?:\s+[a-z]+)?)\s*,?\s*(?:and\s+)?not\s+(?:one|a\s+single\s+one)\s+more\b", _I), r"\1"),
]
# 'every one of the keywords "a" and "b", not just some': all of them, said twice
_NOT_JUST_SOME = re.compile(rf"(\b(?:every\s+one|each|all)\s+of\s+the\s+(?:key\s*words|words|terms)\s+{_Q}(?:\s*(?:,|,?\s+and)\s+{_Q})*)"
                            r"\s*,\s*not\s+just\s+(?:some|a\s+few|one)(?:\s+of\s+them)?\b", _I)


# 'the second of the response's exactly 6 paragraphs begins with ...': the count, then the paragraph
_NTH_OF = re.compile(r"^\s*the\s+(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+of\s+the\s+(?P<d>response|reply|answer)'s\s+"
                     r"(?P<c>(?:exactly\s+)?\d+)\s+paragraphs\s+(?P<v>begins|opens|starts)\b", _I)
# the register's 'the text' is the response, when the criterion names no response beside it
_TEXT = re.compile(r"^\s*the\s+(?P<w>(?:whole\s+|entire\s+)?)text\s+(?=(?:is|contains|has|uses|ends|begins|starts|terminates)\b)", _I)


def register(text: str) -> str:
    """``text`` with the register's words respelled outside quotations; the same text when nothing applies."""
    text = sub_all_outside(text, _SPELLINGS)
    text = _NTH_OF.sub(lambda m: f"The {m.group('d').lower()} has {m.group('c')} paragraphs, and the {m.group('o').lower()} paragraph "
                       f"{m.group('v').lower()}", text, count=1)
    if not re.search(r"\b(?:response|reply|answer|output)\b", text, _I):
        text = _TEXT.sub(lambda m: f"The {m.group('w').lower()}response ", text, count=1)
    return _NOT_JUST_SOME.sub(r"\1", text)
