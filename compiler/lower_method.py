"""A method said first, then what a grader finds (issue 15, round 29): read as the grader's instruction.

A rubric writer who describes the check as it is done puts the method in a participle clause and the outcome after it:

    Counting the words one at a time, a marker gets to 250 or more.
    Splitting the answer into its sentences, a reviewer counts at most 12.
    Looking through the reply for "ebb" and "flow", a grader finds each of them.
    Scanning the reply for "alas" or "woe", a grader finds nothing.

:func:`method_first` says it as the instruction :mod:`rubricc.compiler.lower_grader` reads ('Count the words one at a
time. Pass if there are 250 or more.'), the procedure in the imperative, the outcome as the decision; the grader reader
then keeps the item only when the procedure says nothing but how to look at what the check reads. Only a few outcome
shapes are read (a count with its relation, every one found, none found); anything else is None: left as it is. A
language identified 'and nothing else' is said of the response. Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_parse import COUNT
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_WHO = r"(?:a|the|any|each)\s+(?:grader|marker|reviewer|checker|rater|judge|annotator|evaluator|assessor|reader)"
_METHOD = re.compile(r"^\s*(?P<ing>counting|tallying|searching|scanning|looking\s+through|breaking|splitting|picking\s+out|"
                     r"going\s+through|running|checking)\s+(?P<obj>.+?)\s*,\s+" + _WHO + r"\s+(?P<out>.+?)\s*[.!]?\s*$", _I | re.S)
_VERB = {"counting": "Count", "tallying": "Count", "picking out": "Count", "searching": "Search", "scanning": "Search",
         "looking through": "Search", "checking": "Search"}
_REL = COUNT
# the outcome: a count reached ('arrives at 600 or more for the response', 'stays under 3', 'gets fewer than 2 hits')
_COUNT = re.compile(r"^(?:arrives\s+at|reaches|finds|counts|gets|ends\s+up\s+with|comes\s+to|lands\s+on|records|stays|gets\s+to|totals)\s+"
                    rf"(?P<c>{_REL})(?:\s+(?:of\s+them|hits|matches|in\s+all|in\s+total))?(?:\s+(?:in|for)\s+the\s+(?:response|reply|answer))?$", _I)
_EVERY = re.compile(r"^finds\s+(?:every|each|all)\s+(?:one\s+)?of\s+them$", _I)
_NONE = re.compile(r"^(?:comes\s+up\s+empty(?:\s+every\s+time|\s+each\s+time)?|finds\s+(?:none\s+of\s+them|nothing|no\s+match(?:es)?))$", _I)
_UNDER = {"under": "fewer than", "below": "fewer than", "over": "more than", "above": "more than"}
_UNITS = re.compile(r"^(?:the\s+|its\s+)?(?:(?:whole|entire)\s+)?(?:response|reply|answer)\s+into\s+(?:its\s+)?(?:individual\s+|separate\s+)?"
                    r"(?P<u>sentences|paragraphs|words)$", _I)
_THROUGH = re.compile(r"^the\s+(?P<u>words|sentences|lines)\s+and\s+(?:noting|marking|counting|picking\s+out)\s+each\s+one\s+(?P<d>.+)$", _I)
_RUN_SEARCH = re.compile(r"^a\s+case-insensitive\s+search\s+for\s+(?P<q>\"[^\"]+\"|\u201c[^\u201d]+\u201d)\s+(?:over|across|through|of)\s+"
                         r"the\s+(?:whole\s+|entire\s+)?(?:response|reply|answer)$", _I)
_RUN_LANGUAGE = re.compile(r"^language\s+identification\s+(?:over|on|across)\s+the\s+(?:whole\s+|entire\s+)?(?:response|reply|answer)$", _I)
_GETS_LANGUAGE = re.compile(r"^(?:gets|finds|sees|identifies)\s+(?P<l>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+and\s+nothing\s+else$")


_QUOTES = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d)"
_EACH_OF = re.compile(rf"^the\s+(?:response|reply|answer)\s+for\s+(?:each|every\s+one)\s+of\s+(?P<q>{_QUOTES}(?:\s*(?:,|,?\s+and)\s+{_QUOTES})*)"
                      r"(?:\s+in\s+turn|\s+one\s+by\s+one)?$", _I)
_EVERY_LETTER = re.compile(r"^(?:every|each)\s+(?P<q>\"[A-Za-z]\"|\u201c[A-Za-z]\u201d)\s+in\s+the\s+(?:response|reply|answer)\s*,\s*"
                           r"(?:capital\s+(?:or|and)\s+small(?:\s+alike)?|upper\s*case\s+(?:or|and)\s+lower\s*case(?:\s+alike)?)$", _I)
# the response as the subject: 'Tallying every word it contains, the response stays below 701 words'
_SELF = re.compile(r"^\s*(?:counting|tallying)\s+(?:every|each|all|the|its)\s+(?P<u>word|sentence|paragraph)s?(?:\s+(?:it\s+contains|in\s+it|of\s+it|"
                   r"one\s+by\s+one|one\s+at\s+a\s+time))?\s*,\s+(?P<s>the\s+(?:response|reply|answer)\s+.+?)\s*[.!]?\s*$", _I | re.S)


def method_first(text: str) -> Optional[str]:
    """A method-first item as 'Procedure. Pass if <outcome>.' (or, for a language, the statement it makes), or None
    when ``text`` is not one."""
    spans = quote_spans(text)
    own = _SELF.match(text)
    if own and not spans and re.search(rf"\b\d[\d,]*\s+{own.group('u')}s\b", own.group("s"), _I):
        return own.group("s")[0].upper() + own.group("s")[1:] + "."  # the count said of the response, in its own unit
    m = _METHOD.match(text)
    if not m or in_quotes(spans, m.end("obj")) or in_quotes(spans, m.start("out")):
        return None
    ing, obj, out = re.sub(r"\s+", " ", m.group("ing").lower()), m.group("obj").strip(), m.group("out").strip()
    if ing == "running":
        if _RUN_LANGUAGE.match(obj) and _GETS_LANGUAGE.match(out):
            return f"The whole response is in {_GETS_LANGUAGE.match(out).group('l')} and nothing else."
        s = _RUN_SEARCH.match(obj)
        if s is None:
            return None
        verb, obj = "Count", f"the occurrences of {s.group('q')} in the response, ignoring case"
    elif ing in ("breaking", "splitting"):
        u = _UNITS.match(obj)
        if u is None:
            return None
        verb, obj = "Count", f"the {u.group('u').lower()} of the response"
    elif ing == "going through":
        t = _THROUGH.match(obj)
        if t is None:
            return None
        verb, obj = "Count", f"the {t.group('u').lower()} {t.group('d')}"
    else:
        verb = _VERB[ing]
    each, letter = _EACH_OF.match(obj), _EVERY_LETTER.match(obj)
    if verb == "Search" and each and _EVERY.match(out):
        return f"The response contains each of {each.group('q')}."
    if verb == "Count" and letter:
        obj = f"each occurrence of the letter {letter.group('q')} in the response, capital and small alike"
    c = _COUNT.match(out)
    if c is not None:
        count = c.group("c")
        word = re.match(r"^(under|below|over|above)\s+", count, _I)
        if word:
            count = _UNDER[word.group(1).lower()] + count[word.end(1):]
        return f"{verb} {obj}. Pass if there are {count}."
    if verb == "Search" and _EVERY.match(out):
        return f"{verb} {obj}. Pass if every one of them appears."
    if verb == "Search" and _NONE.match(out):
        return f"{verb} {obj}. Pass if none of them appears."
    return None
