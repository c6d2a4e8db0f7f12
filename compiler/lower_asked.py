"""A casual question and its answer as a fragment (issue 15, round 29): 'Paragraphs? Exactly 4.'

A rubric writer in a hurry names the thing as a question and answers it with a fragment:

    How many bullet points? Exactly 5.                -> The response has exactly 5 bullet points.
    Sentences? At most 12, and the third one opens with "so".
                                                      -> The response has at most 12 sentences, and the third sentence opens with "so".
    The letter "z"? Fewer than 4 times.               -> The letter "z" appears fewer than 4 times.
    The words "alas" or "woe"? Nowhere in the reply.  -> None of the words "alas" or "woe" appears in the response.
    Language? Greek, start to finish, and no other.   -> The response is in Greek throughout.
    Capitals? None: the whole reply is lowercase.     -> The whole reply is lowercase. (the question restated: it must agree)

:func:`asked` says the statement the answer makes true, for the other readers to read. Only these shapes are read: a
count of a unit the question names (and the fragment does not), a quoted letter or list of words counted or said to be
absent, a language named alone, and 'None: <statement>' after a question naming capitals, lowercase letters or commas
(the question and its 'none' then a ``label`` aside that must read as the same check). Anything else is left as it is; quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_parse import COUNT
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_UNITS = r"(?:words|sentences|paragraphs|bullet\s+points|bullets|sections|placeholders|highlighted\s+sections|all-caps\s+words)"
_COUNT = re.compile(rf"^(?P<c>{COUNT})(?P<rest>(?:\s*,\s*.+)?)\s*[.!]?$", _I)
_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d|'[^'\n]{1,60}')"
_QUOTED_TOPIC = re.compile(rf"^(?:the\s+)?(?P<n>letter|character|word|words|keyword|keywords|term|terms)\s+(?P<q>{_Q}(?:\s*(?:,|,?\s+(?:and|or))\s+{_Q})*)$", _I)
_TIMES = re.compile(rf"^(?P<c>{COUNT}\s+times)(?:\s+in\s+the\s+(?:response|reply|answer))?(?:\s+in\s+all)?\s*[.!]?$", _I)
_NOWHERE = re.compile(r"^(?:nowhere|none|not\s+once|never|absent)(?:\s+(?:in|from)\s+the\s+(?:response|reply|answer))?\s*[.!]?$", _I)
_LANGUAGE = re.compile(r"^(?P<l>[A-Z][a-z]+)(?:\s*\((?:language\s+code\s+)?[a-z]{2}\))?"
                       r"(?:\s*,?\s*(?:from\s+)?(?:start\s+to\s+finish|beginning\s+to\s+end|first\s+word\s+to\s+last)|\s*,?\s*throughout)?"
                       r"(?:\s*,?\s*(?:and\s+)?(?:no\s+other(?:\s+language)?|nothing\s+else))?\s*[.!]?$")
_NONE_THEN = re.compile(r"^none\s*:\s*(?P<s>the\s+(?:whole\s+|entire\s+)?(?:response|reply|answer)\s+.+)$", _I)
_ORD_ONE = re.compile(r"\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+one\b", _I)


def _split(text: str):
    """(question, fragment) when the text is one question outside quotations and an answer after it, else None."""
    spans = quote_spans(text)
    marks = [m.start() for m in re.finditer(r"\?", text) if not in_quotes(spans, m.start())]
    if len(marks) != 1 or not text[marks[0] + 1:].strip():
        return None
    return text[:marks[0]].strip(), text[marks[0] + 1:].strip()


def asked(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the statement the answer makes true, asides); (text, []) when the text is no such question and answer."""
    split = _split(text)
    if split is None:
        return text, []
    question, fragment = split
    unit = re.fullmatch(rf"(?:how\s+many\s+)?(?P<u>{_UNITS})", question, _I)
    count = _COUNT.match(fragment)
    if unit and count and not re.search(rf"\b{_UNITS}\b", count.group("rest"), _I):
        noun = unit.group("u").lower()
        one = re.sub(r"s$", "", noun.split()[-1])
        rest = _ORD_ONE.sub(lambda m: f"the {m.group(1).lower()} {one}", count.group("rest"))
        return f"The response has {count.group('c')} {noun}{rest}.", []
    topic = _QUOTED_TOPIC.match(question)
    if topic:
        noun, plural = topic.group("n").lower(), topic.group("n").lower().endswith("s")
        times = _TIMES.match(fragment)
        if times and not plural:
            return f"The {noun} {topic.group('q')} appears {times.group('c')}.", []
        if _NOWHERE.match(fragment):
            if plural:
                return f"None of the {noun} {topic.group('q')} appears in the response.", []
            return f"The {noun} {topic.group('q')} does not appear in the response.", []
        return text, []
    if re.fullmatch(r"(?:the\s+)?language|what\s+language", question, _I):
        lang = _LANGUAGE.match(fragment)
        if lang:
            return f"The response is in {lang.group('l')} throughout.", []
        return text, []
    then = _NONE_THEN.match(fragment)
    if then and re.fullmatch(r"capitals|capital\s+letters|caps|upper\s*case(?:\s+letters)?|lower\s*case\s+letters|commas", question, _I):
        said = then.group("s")
        return said[0].upper() + said[1:].rstrip(" .!") + ".", [("label", f"The response has no {question.lower()}.")]
    return text, []
