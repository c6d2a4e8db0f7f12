"""Frames a rubric writer puts around a statement of the reply (issue 15, round 23, from held-out set 29 after its one
measurement), said as the statement itself:

- a 'That ...' clause as the subject: 'That the response contains no commas is what this item requires.' -> 'The response
  contains no commas.' (also '... is all this item asks', '... is the requirement', '... is what decides this item');
- a concessive opening, a free choice that restricts nothing: 'Whatever it contains, the reply begins with ...' -> 'The
  reply begins with ...'; 'However much the reply discusses it, the word "x" appears in it less than 2 times' -> 'The word
  "x" appears in the reply less than 2 times';
- a hypothetical observer: what a rater, a reader or a tool would find, said as the grader's instruction the grader reader
  reads ('Counting the bullet lines in the reply, a rater would get exactly 3.' -> 'Count the bullet lines in the reply.
  Pass if the count is exactly 3.'), or as the statement it makes true ('Anyone searching the reply for a comma would come
  up empty.' -> 'The reply contains no comma.'; 'A language detector run on the reply would identify it as Russian.' -> 'The
  reply is in Russian.').

Each function returns the statement, or None when ``text`` is not in its frame. Nothing else is changed: the other
readers decide whether the statement is a check.
"""
from __future__ import annotations

import re
from typing import Optional

from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|text|completion)"
_ITEM = r"(?:(?:this|the)\s+(?:rubric\s+)?(?:item|criterion|check|point|requirement))"
# '..., is what this item requires / checks / asks (for) / decides', 'is all this item asks', 'is the requirement', 'is what
# decides this item', 'is what earns the point'
_THAT_END = re.compile(rf",?\s+is\s+(?:all|exactly|precisely|just|simply)?\s*(?:what\s+{_ITEM}\s+(?:requires|checks(?:\s+for)?|asks(?:\s+for)?|"
                       rf"tests(?:\s+for)?|wants|needs|looks\s+for|demands|is\s+about)|what\s+(?:decides|settles|earns|passes)\s+{_ITEM}|"
                       rf"the\s+(?:whole\s+|only\s+|sole\s+)?(?:requirement|criterion|condition|test|check|point)(?:\s+(?:here|of\s+{_ITEM}))?|"
                       rf"(?<=all\s){_ITEM}\s+(?:requires|checks(?:\s+for)?|asks(?:\s+for)?|wants|needs|looks\s+for))\s*[.!]?\s*$", _I)
_THAT = re.compile(rf"^\s*that\s+(?=(?:the|its|each|every|no|none|all|a|an|at\s+least|exactly|fewer|more)\b)", _I)


def that_clause(text: str) -> Optional[str]:
    """'That X is what this item requires.' -> 'X.', else None."""
    m = _THAT.match(text)
    if not m:
        return None
    spans = quote_spans(text)
    end = next((e for e in _THAT_END.finditer(text) if not in_quotes(spans, e.start())), None)
    if end is None or end.start() <= m.end():
        return None
    return cap(text[m.end():end.start()].strip().rstrip(",")) + "."


# 'Whatever it contains, ', 'However the rest is styled, ', 'No matter what the topic is, ', 'Regardless of its content, '
_CONCESSIVE = re.compile(r"^\s*(?:whatever|however|no\s+matter|regardless\s+of|irrespective\s+of|whichever|whoever|whenever)\b", _I)
_MAIN = re.compile(rf"(?:the|its|your)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC}\b|the\s+(?:word|letter|phrase|keyword|term)s?\b|it\s+"
                   r"(?:is|has|contains|uses|ends|begins|starts|opens|closes|includes|stays|remains|consists|must|should)\b", _I)
# what a concessive clause must never be: a condition or a narrowing ('Whatever the first paragraph says' is free; 'However
# long it is, if ...' is not)
_NOT_FREE = re.compile(r"\b(?:if|unless|only|when|provided|except)\b", _I)


def concessive(text: str) -> Optional[str]:
    """'Whatever it contains, the reply X' -> 'The reply X', else None. 'it' after the main clause's verb stands for the
    reply when the concessive clause names it ('However much the reply discusses it, the word "x" appears in it ...')."""
    if not _CONCESSIVE.match(text):
        return None
    spans = quote_spans(text)
    comma = next((c for c in re.finditer(r",\s+", text) if not in_quotes(spans, c.start())), None)
    if comma is None or not _MAIN.match(text, comma.end()):
        return None
    free, said = text[:comma.start()], text[comma.end():]
    if _NOT_FREE.search(free):
        return None
    named = re.search(r"\bthe\s+(?P<u>(?:paragraphs|sections|bullets|bullet\s+points|sentences|placeholders))\b", free, _I)
    if named:  # 'Whatever the paragraphs contain, the reply has precisely 2 of them'
        from rubricc.compiler.lower_topic import counted, unit_named

        said = counted(said, unit_named(named.group("u")))
    doc = re.search(rf"\b(?:the\s+)?{_DOC}\b", free, _I)
    if doc and not re.match(rf"(?:the|its|your)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC}\b|it\s", said, _I):
        noun = re.sub(r"^the\s+", "", doc.group(0), flags=_I).lower()
        said = re.sub(r"\b(in|of|from|throughout|across)\s+it\b", lambda i: f"{i.group(1)} the {noun}", said, count=1)
    return cap(said.strip())


# ---- a hypothetical observer ---------------------------------------------------------------------------------------
_WHO = r"(?:a\s+(?:rater|reader|grader|reviewer|checker|human|person)|someone|anyone|one|you|they)"
_LOOKING = (r"(?:counting|tallying|searching|checking|reading(?:\s+to\s+the\s+end\s+of)?|looking\s+(?:at|over|through)|scanning|going\s+through|"
            r"skimming|inspecting|examining)")
_REL_RESULT = re.compile(r"^(?:(?:get|reach|count|arrive\s+at|end\s+up(?:\s+(?:at|with))?|come\s+out(?:\s+at)?|find|land\s+on)\s+)?(?:a\s+(?:number|total|count|tally)\s+(?:of\s+)?)?"
                         r"(?P<r>(?:exactly\s+|at\s+least\s+|at\s+most\s+|fewer\s+than\s+|less\s+than\s+|more\s+than\s+|under\s+|below\s+|above\s+|over\s+)?"
                         r"\d[\d,]*(?:\s+or\s+(?:more|higher|fewer|less|lower|above|below))?)(?:\s+of\s+them)?\s*[.!]?\s*$", _I)
# 'Counting X in the reply, a rater would get 3' / 'A rater counting X in the reply would reach 3' / 'A word count of the reply would
# come out at 600 or higher'
_COUNT_FIRST = re.compile(rf"^\s*(?P<g>counting|tallying)\s+(?P<x>.+?\b(?:in|of)\s+the\s+{_DOC}\b.*?)\s*,\s*{_WHO}\s+would\s+(?P<res>.+)$", _I | re.S)
_COUNT_WHO = re.compile(rf"^\s*{_WHO}\s+(?P<g>counting|tallying)\s+(?P<x>.+?\b(?:in|of)\s+the\s+{_DOC}\b.*?)\s+would\s+(?P<res>.+)$", _I | re.S)
_A_COUNT = re.compile(rf"^\s*an?\s+(?P<u>word|sentence|paragraph)\s+count\s+(?:of|on|for)\s+the\s+{_DOC}\s+would\s+(?P<res>.+)$", _I | re.S)
# 'Anyone searching the reply for a comma would come up empty'; 'Someone checking the reply for "cat" would find each of them'
_FOR = re.compile(rf"^\s*{_WHO}\s+(?:searching|checking|reading|scanning|combing)\s+the\s+{_DOC}\s+for\s+(?P<x>.+?)\s+would\s+(?P<res>.+)$", _I | re.S)
_EMPTY = re.compile(r"^(?:come\s+up\s+empty|find\s+(?:nothing|none)|turn\s+up\s+nothing|not\s+find\s+(?:any|one)(?:\s+of\s+them)?(?:\s+used)?)\b(?P<rest>.*)$", _I | re.S)
_CONDITION = re.compile(r"\b(?:if|when|unless|whether)\b", _I)  # a search 'for' a condition is no search for data
_EACH = re.compile(r"^find\s+(?:each|all|every\s+one|both)\s+of\s+them(?:\s+in\s+it)?\b(?P<rest>.*)$", _I | re.S)
# 'Someone reading the reply would see / find / spot X'; 'Someone looking at the reply would see it start with ...'
_SEE = re.compile(rf"^\s*(?:{_WHO}|an?\s+\w+)\s+{_LOOKING}\s+the\s+{_DOC}\s+would\s+(?:see|find|spot|notice|come\s+across|encounter|read)\s+(?P<x>.+)$", _I | re.S)
_IT_VERB = re.compile(r"^it\s+(?P<v>start(?:ing|s)?|begin(?:ning|s)?|open(?:ing|s)?|end(?:ing|s)?|clos(?:e|es|ing)|finish(?:es|ing)?|conclud(?:e|es|ing))\b(?P<rest>.*)$", _I | re.S)
_STEMS = {"start": "starts", "begin": "begins", "open": "opens", "end": "ends", "clos": "closes", "finish": "finishes", "conclud": "concludes"}


# 'A language detector run on the reply would identify it as Russian (ru).'
_DETECTOR = re.compile(rf"^\s*an?\s+language\s+(?:detector|identifier|classifier|id\s+tool)\s+(?:run\s+on|applied\s+to|given)\s+the\s+{_DOC}\s+would\s+"
                       r"(?:identify|classify|label|detect|tag)\s+(?:it|the\s+\w+)\s+as\s+(?P<x>.+)$", _I | re.S)
_ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last"
_RELATION_WORDS = {"under": "below", "over": "above"}


# 'Splitting the reply at each *** divider would yield exactly 2 paragraphs' -> 'The reply has exactly 2 paragraphs separated by ***
# divider'; 'Feeding the reply to a JSON parser would succeed' -> 'The reply is valid JSON'
_SPLIT = re.compile(rf"^\s*splitting\s+the\s+{_DOC}\s+(?:at|on|by)\s+(?:each\s+|every\s+|the\s+)?(?P<x>.+?)\s+would\s+(?:yield|give|leave|produce|result\s+in)\s+"
                    r"(?P<q>.*?\b(?:paragraphs|parts|sections|pieces|blocks|chunks))\b(?P<rest>.*)$", _I | re.S)
_PARSER = re.compile(rf"^\s*(?:feeding|passing|giving|running)\s+the\s+{_DOC}\s+(?:to|through|into)\s+an?\s+(?:standard\s+|strict\s+)?json\s+"
                     r"(?:parser|validator|loader|decoder)(?P<note>.*?)\s*,?\s+would\s+(?:succeed|work|pass|go\s+through)(?:\s+without\s+(?:an?\s+)?errors?)?\s*[.!]?\s*$", _I | re.S)


def _third(verb: str) -> str:
    """'closing' / 'close' / 'closes' -> 'closes'."""
    v = verb.lower()
    return next(t for k, t in _STEMS.items() if v.startswith(k))


def _pass_if(procedure: str, result: str) -> Optional[str]:
    """'Count X' and 'would reach 6 or more' -> 'Count X. Pass if the count is 6 or more.' (None: a result no count)."""
    r = _REL_RESULT.match(result.strip())
    if r is None:
        return None
    rel = re.sub(r"^(under|over)\b", lambda w: _RELATION_WORDS[w.group(1).lower()], r.group("r").strip(), flags=_I)
    return f"{procedure.rstrip(' ,.')}. Pass if the count is {rel}."


def observed(text: str) -> Optional[str]:
    """What a rater, a reader or a tool would find in the reply, said as the grader's instruction or the statement it
    makes true, else None."""
    m = _COUNT_FIRST.match(text) or _COUNT_WHO.match(text)
    if m:  # 'every 'l'' is its occurrences
        x = re.sub(r"^every\s+(?=['\"\u201c])", "the occurrences of ", m.group("x"), flags=_I)
        return _pass_if(f"Count {x}", m.group("res"))
    m = _A_COUNT.match(text)
    if m:
        return _pass_if(f"Count the {m.group('u').lower()}s in the reply", m.group("res"))
    m = _FOR.match(text)
    if m and not _CONDITION.search(m.group("x")):
        res = m.group("res").strip()
        e = _EMPTY.match(res)
        if e:
            x = m.group("x")
            a = re.match(r"(?:an?|any|one|a\s+single)\s+(?P<n>[a-z][\w -]*)$", x, _I)
            said = f"no {a.group('n')}" if a else f"none of {x}"
            return f"The reply contains {said}{e.group('rest')}".rstrip(" .") + "."
        e = _EACH.match(res)
        if e:
            return f"The reply contains each of {m.group('x')}{e.group('rest')}".rstrip(" .") + "."
        return None
    m = _SEE.match(text)
    if m:
        x = re.sub(r"^in\s+it\s+", "", m.group("x").strip(), flags=_I)
        v = _IT_VERB.match(x)
        if v:
            rest = re.sub(r"\band\s+(start|begin|open|end|close|finish|conclude)\b", lambda a: f"and {_third(a.group(1))}", v.group("rest"), flags=_I)
            return f"The reply {_third(v.group('v'))}{rest}"
        if re.match(r"it\b", x, _I):
            return None  # 'would find it helpful': a judgement of the reply
        if re.match(r"(?:an?|one|the|exactly|at\s+least|\d)\b", x, _I):
            return f"The reply contains {x}"
        return f"The reply is {x}"
    m = _SPLIT.match(text)
    if m:
        rest = re.sub(r"\bwould\s+(not\s+)?be\b", lambda b: ("are " if re.search(r"(?:parts|pieces|they)\s*$", m.group("rest")[:b.start()]) else "is ")
                      + (b.group(1) or ""), m.group("rest"), flags=_I).replace("  ", " ")
        if re.search(r"\bparagraphs\b", m.group("q"), _I):  # 'the first word of the second' is of the second paragraph
            rest = re.sub(rf"\b(the\s+(?:{_ORDINALS}))\b(?!\s+(?:paragraph|part|section|word|one)s?\b)", r"\1 paragraph", rest, flags=_I)
        return f"The reply has {m.group('q')} separated by {m.group('x')}{rest}"
    m = _PARSER.match(text)
    if m:
        return f"The reply is valid JSON{m.group('note').rstrip(' ,')}."
    m = _DETECTOR.match(text)
    if m:
        return f"The reply is in {m.group('x')}"
    return None
