"""More voices read before the outcome frames of :mod:`rubricc.compiler.lower_voices4` (issue 15, round 9): chat notes,
grading specs with an outcome said as points or compliance, and terse spec notation.

:func:`respeak` rewrites only the voice into words the frames and rules already read, and never adds a requirement:

- a chatty lead-in is no requirement: 'heads up:', 'fyi,', 'quick reminder -', 'just so you know:', 'PS:'
  (a lead-in naming a unit or a check is left alone: it may be a label the driver compares);
- an outcome said as points or compliance is a positive outcome frame ('Pass if'): 'Points awarded if X', 'Full marks
  are given only when X', 'Responses are compliant only if they X', 'A reply is acceptable provided that it X'. Its
  condition then goes through the same frame reading (another branch, a grader condition, a semantic condition keep it
  neural); a plural 'they' / 'their' in it is the response ('they contain' -> 'the response contains');
- names for the response as the subject: 'the submission', 'the essay', 'the bot's reply', plural 'Responses need',
  'replies should' ('The response needs'), and the bot as the speaker of a prohibition on words ('bot can't say "x"'
  -> 'The response must not say "x"'); a prohibition said with 'can't' / 'cannot' / 'may not' is 'must not';
- terse notation: a relation symbol before a number ('"x" >= 6 times', 'word count <= 300', 'sentences < 10'), 'the
  count of "x" is below 3', 'keep "x" to under 2 mentions', 'language = Thai (th)', 'para 2';
- restatements in other words: 'zero caps' (no capital letters), a second sentence forbidding what the first already
  rules out ('... all lowercase letters. Do not use any capital letters.' -> ', with no capital letters'; the driver
  checks it restates the same check), 'contains nothing else' beside whole-response JSON, a code fence excluded from
  the JSON, 'with each paragraph separated from the next by', 'between each one', "the response's final words are
  exactly "X"" (it ends with X), 'contains at least N occurrences of the letter "x"'.

:func:`read_voice` is :func:`rubricc.compiler.lower_voices4.read_voice` on the respoken text. Quoted material, and
anything after a colon data may follow, are never rewritten.
"""
from __future__ import annotations

import re
from typing import Callable, List, Tuple, Union

from rubricc.compiler.lower_parse import QUOTE_RE, REL_SIGNS, language_in
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans
from rubricc.compiler.lower_voices4 import _HEAD_POS, Asides, read_voice as _read_voice4

_I = re.IGNORECASE
_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d|'[^'\n]{1,40}')"
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_DOCS = r"(?:responses|replies|answers|outputs|submissions|completions|essays)"
_DOC1 = r"(?:response|reply|answer|output|submission|completion|essay)"
_WHO = r"(?:bot|chatbot|model|assistant|ai|llm)"

# ---- chatty lead-ins ----------------------------------------------------------------------------------------------
_LEAD_IN = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|oh|and|also|hey|alright|right|one\s+more\s+thing)\s*[,!]?\s+)*"
    r"(?:heads[- ]?up|fyi|f\.y\.i\.?|btw|by\s+the\s+way|psa|n\.?b\.?|just\s+so\s+you\s+know|for\s+the\s+record|"
    r"(?:a\s+|one\s+)?(?:quick|small|little|friendly|gentle|important|final|last)?\s*(?:note|reminder)|just\s+a\s+(?:note|reminder)|"
    r"important|remember|keep\s+in\s+mind|please\s+note|note\s+well)"
    r"\s*(?::|\u2014|\u2013|-|,|!|\.\.\.|\u2026)\s*(?=[a-z\"\u201c'])", _I)

# ---- outcome frames said as points or compliance -------------------------------------------------------------------
_IF = r"(?:only\s+)?(?:if|when|whenever|iff|provided(?:\s+that)?)\b(?:\s+and\s+only\s+if\b)?"
_POINTS_IF = re.compile(
    rf"^\s*(?:(?:full|the|a|one|1|\+1)\s+)?(?:points?|marks?|credit)\s+(?:(?:is|are|will\s+be|get|gets)\s+)?(?:awarded|given|earned|granted)\s+{_IF}\s*,?\s*", _I)
_COMPLIANT_IF = re.compile(
    rf"^\s*(?:(?:a|an|the|all|any)\s+)?(?P<doc>{_DOCS}|{_DOC1})\s+(?:is|are)\s+(?:(?:deemed|considered|counted\s+as|judged|regarded\s+as|treated\s+as|rated(?:\s+as)?)\s+)?"
    r"(?:compliant|acceptable|conforming|passing|a\s+pass|satisfactory)\s+" + _IF + r"\s*,?\s*", _I)
_PASS_IF = re.compile(rf"^\s*(?:(?:a|an|the|all|any)\s+)?(?:{_DOCS}|{_DOC1})\s+(?:pass|passes|get\s+credit|gets\s+credit|earn\s+credit|earns\s+credit)\s+{_IF}\s*,?\s*", _I)

# ---- the subject ----------------------------------------------------------------------------------------------------
_BE_HAVE = {"are": "is", "have": "has", "do": "does", "were": "was", "don't": "doesn't", "aren't": "isn't", "haven't": "hasn't"}
_MODAL = r"(?:must|should|shall|will|would|can|could|may|might|need\s+to|have\s+to|ought\s+to|cannot|can't|mustn't|shouldn't|won't)"
_THEY = re.compile(r"^\s*they\s+(?P<v>[a-z']+)\b", _I)
_AND_VERB = re.compile(r"\b(and|or|but)\s+(contain|use|include|have|are|do|end|start|begin|avoid|mention|keep|stay|consist|repeat|wrap|put|cite|"
                      r"explain|give|provide|follow|list|answer)\b", _I)
_THEIR = re.compile(r"\btheir\b", _I)
_VERBS = (r"(?:are|have|do|don't|aren't|must|mustn't|should|shouldn't|shall|will|won't|can|can't|cannot|may|need|contain|use|include|end|start|"
          r"begin|avoid|consist|stay|keep|mention|open|close|finish|feature|repeat|wrap|put|say)")
_PLURAL_SUBJ = re.compile(rf"^\s*(?:(?:all|the|your)\s+)?(?:{_DOCS}|{_WHO}\s+(?:replies|responses|answers))\s+(?P<v>{_VERBS})\b", _I)
_NAMES = [
    (re.compile(rf"\bthe\s+{_WHO}'s\s+(?:(?P<w>whole|entire|full|complete)\s+)?(?:reply|response|answer|output|message)\b", _I), "the response"),
    (re.compile(rf"\b(?:the|this|your)\s+submission(?='s\b|\s+{_VERBS}\b|\s+(?:is|has|does|doesn't|contains|uses|includes|ends|starts|begins|marks|"
                r"highlights|consists|needs|mentions|says|avoids|keeps|stays|gives|puts|wraps|repeats|lists|features|separates|divides)\b|\s*[,.;)]|\s*$)", _I),
     "the response"),
    (re.compile(r"^\s*(?:the|this|your)\s+essay(?='s\b|\s+(?:has|is|must|should|contains|uses|consists|ends|starts|begins)\b)", _I), "The response"),
]
# the bot as the speaker of a prohibition on words: 'bot can't say "x"', 'The assistant must never use "x"'
_WHO_MUST_NOT = re.compile(rf"^\s*(?:the\s+)?{_WHO}\s+(?:can't|cannot|can\s+not|must\s+not|mustn't|should\s+not|shouldn't|may\s+not|won't|will\s+not|"
                           rf"must\s+never|should\s+never|never|is\s+not\s+allowed\s+to|isn't\s+allowed\s+to)\s+(?P<v>say|use|write|mention|type|print|output)\b", _I)
_CANT = re.compile(r"\b(?:can't|cannot|can\s+not|may\s+not|mustn't|shouldn't)\s+(?=(?:have|contain|include|use|feature)\b)", _I)

# ---- terse notation -------------------------------------------------------------------------------------------------
_REL = REL_SIGNS
_SYM = r"(?:\u2265|>=|=>|\u2264|<=|=<|<|>)"
_Q_SYM = re.compile(rf"^\s*(?P<q>{_Q})\s*(?P<r>{_SYM})\s*(?P<n>\d[\d,]*)\s*(?:times|occurrences|uses|mentions|x)?(?P<rest>\s*(?:in\s+the\s+response)?\s*[.;]?\s*)$", _I)
_COUNT_Q = re.compile(rf"^\s*(?:the\s+)?(?:count|number|frequency|tally)\s+of\s+(?P<q>{_Q})\s*(?:(?:is|must\s+be|should\s+be)\s+)?"
                      rf"(?:(?P<r>{_SYM})|(?P<w>at\s+least|at\s+most|less\s+than|fewer\s+than|more\s+than|under|below|over|above))\s*(?P<n>\d[\d,]*)\s*[.;]?\s*$", _I)
_NP_SYM = re.compile(rf"^\s*(?P<np>(?:the\s+)?(?:(?:total\s+)?(?:word|sentence|paragraph)\s+count|number\s+of\s+(?:words|sentences|paragraphs|bullets?|bullet\s+points|highlighted\s+sections|sections)))\s*(?P<r>{_SYM})\s*(?P<n>\d[\d,]*)\s*[.;]?\s*$", _I)
_UNIT_SYM = re.compile(rf"^\s*(?P<u>words|sentences|paragraphs|bullet\s+points|bullets|highlighted\s+sections|sections)\s*(?P<r>{_SYM})\s*(?P<n>\d[\d,]*)\s*[.;]?\s*$", _I)
_WORD_REL = {"under": "less than", "below": "less than", "over": "more than", "above": "more than", "fewer than": "less than"}
_KEEP = re.compile(rf"^\s*keep\s+(?P<q>(?:the\s+(?:word|term|keyword|letter|character)\s+)?{_Q})\s+(?:(?:to|at)\s+)?"
                   rf"(?P<r>(?:(?:fewer|less)\s+than|under|below|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s+{_NUM})\s+(?:mentions|uses|occurrences|appearances|times)\b", _I)
_LANG = re.compile(r"^\s*(?:(?:the\s+)?response\s+)?lang(?:uage)?\s*(?:=|:|\u2192|->)\s*(?P<x>[A-Za-z][A-Za-z ]{1,30}?)\s*(?P<code>\(\s*[a-z]{2,3}(?:-[A-Za-z]{2})?\s*\))?(?P<only>\s+only)?\s*[.;]?\s*$", _I)
_PARA = re.compile(r"\bparas?\b\.?(?=\s*#?\d)", _I)

# ---- restatements ---------------------------------------------------------------------------------------------------
_CAPS = re.compile(r"(?P<c>,\s*)?\b(?P<w>zero|no|without(?:\s+any)?|not\s+any)\s+caps\b(?!\s+lock)", _I)
# a second sentence forbidding capital letters after a lowercase requirement
_LOWER_THEN_NO_CAPS = re.compile(r"(?P<a>\blower\s*-?case\b[^.;\"]*?)\s*[.;]\s+(?:please\s+)?(?:do\s+not|don't|never)\s+use\s+(?:any\s+)?(?P<u>capital\s+letters|capitals|upper\s*-?case\s+letters)\s*[.!]?\s*$", _I)
_JSON_ONLY = re.compile(r"\s*,?\s*(?:but|and)\s+(?:it\s+)?(?:contains|has|includes)\s+nothing\s+else(?=\s*[.;]?\s*$)", _I)
_FENCE_EXCLUDED = re.compile(r"\s*,\s*(?:excluding|ignoring|not\s+counting|apart\s+from|setting\s+aside|aside\s+from)\s+(?:any|a|the)\s+(?:surrounding|enclosing|wrapping|outer)\s+"
                             r"(?:markdown\s+)?(?:```\s*)?(?:code\s+)?(?:fence|block)s?\s*,", _I)
_EACH_SEP = re.compile(r",\s*with\s+each\s+(?:paragraph|section|part)\s+(?=(?:separated|divided|split)\s+from\s+the\s+next\s+by\b)", _I)
_BETWEEN_EACH = re.compile(r"\bbetween\s+(?:each\s+(?:one|pair|two)|each|every\s+two|every\s+pair)\b(?=\s*[.;]?\s*$)", _I)
_FINAL_WORDS = re.compile(r"^\s*the\s+response's\s+(?:final|last|closing|ending)\s+(?:words?|phrase)\s+(?:is|are|must\s+be|should\s+be)\s+(?:exactly\s+)?(?=[\"\u201c])", _I)
_OCCURRENCES = re.compile(rf"^\s*the\s+response\s+(?:must\s+|should\s+|shall\s+|has\s+to\s+|needs\s+to\s+)?(?:contains?|has|have|includes?)\s+(?P<r>(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|at\s+most|no\s+more\s+than|"
                          rf"(?:fewer|less|more)\s+than|exactly))\s+(?P<n>{_NUM})\s+(?:occurrences|instances|appearances)\s+of\s+(?P<x>the\s+(?:letter|character|word|keyword)\s+{_Q})", _I)
_CASE_NOTE = re.compile(r"\s*,\s*(?:irrespective|regardless)\s+of\s+(?:letter\s+)?case(?=\s*[.;]?\s*$)", _I)

Rewrite = Tuple["re.Pattern[str]", Union[str, Callable[["re.Match[str]"], str]]]


def _sing(verb: str) -> str:
    v = verb.lower()
    if v in _BE_HAVE:
        return _BE_HAVE[v]
    if re.fullmatch(_MODAL, v) or v.endswith("ed") or "'" in v:
        return v
    if v in ("need",):
        return "needs"
    return v + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", v) else v + "s"


def _free(text: str, start: int, end: int) -> bool:
    spans = quote_spans(text)
    return not any(in_quotes(spans, i) for i in (start, max(start, end - 1)))


def _sub_outside(text: str, pat: "re.Pattern[str]", rep) -> str:
    """``pat`` replaced in the text outside quotations (before any data colon)."""
    stop = data_colon(text)
    head, tail = text[:stop], text[stop:]
    out, last = [], 0
    for m in QUOTE_RE.finditer(head):
        out.append(pat.sub(rep, head[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(pat.sub(rep, head[last:]))
    return "".join(out) + tail


def _start(text: str, pat: "re.Pattern[str]"):
    m = pat.match(text)
    return m if m and _free(text, m.start(), m.end()) else None


def _subject(core: str, framed: bool) -> str:
    """A plural response noun as the subject (or, in a frame's condition, 'they') as 'the response' with a singular verb."""
    core = re.sub(r"^\s*they(?:'re|\u2019re)\b", "they are", core, flags=_I) if framed else core
    m = _THEY.match(core) if framed else None
    if m:
        core = f"the response {_sing(m.group('v'))}" + _sub_outside(core[m.end():], _AND_VERB, lambda a: f"{a.group(1)} {_sing(a.group(2))}")
    m = _PLURAL_SUBJ.match(core)
    if m:
        core = f"The response {_sing(m.group('v'))}" + core[m.end():]
    return _sub_outside(core, _THEIR, "the response's") if framed else core


def respeak(text: str) -> str:
    """``text`` with the voices above rewritten into words the frames and rules read; the same text when none applies."""
    m = _start(text, _LEAD_IN)
    if m:
        text = cap(text[m.end():])
    frame = ""
    for pat in (_POINTS_IF, _COMPLIANT_IF, _PASS_IF):
        m = _start(text, pat)
        if m:
            frame, text = "Pass if ", text[m.end():]
            break
    for pat, rep in _NAMES:
        text = _sub_outside(text, pat, rep)
    text = _subject(text, bool(frame))
    m = _start(text, _WHO_MUST_NOT)
    if m:
        verb = m.group("v").lower()
        text = f"The response must not {verb if verb in ('say', 'use', 'mention') else 'use'}" + text[m.end():]
    text = _sub_outside(text, _CANT, "must not ")
    text = _terse(text)
    text = _restated(text)
    return frame + text


def _terse(text: str) -> str:
    m = _Q_SYM.match(text)
    if m:
        return f"{m.group('q')} appears {_REL[m.group('r')]} {m.group('n')} times{m.group('rest').rstrip(' .;')}."
    m = _COUNT_Q.match(text)
    if m:
        rel = _REL[m.group("r")] if m.group("r") else _WORD_REL.get(re.sub(r"\s+", " ", m.group("w").lower()), m.group("w").lower())
        return f"{m.group('q')} appears {rel} {m.group('n')} times."
    m = _NP_SYM.match(text)
    if m and _free(text, m.start("r"), m.end("r")):
        return f"{cap(m.group('np'))} is {_REL[m.group('r')]} {m.group('n')}."
    m = _UNIT_SYM.match(text)
    if m:
        return f"The response has {_REL[m.group('r')]} {m.group('n')} {m.group('u').lower()}."
    m = _KEEP.match(text)
    if m:
        rel = re.sub(r"\s+", " ", m.group("r"))
        rel = re.sub(r"^(?:under|below)\b", "less than", rel, flags=_I)
        rel = re.sub(r"^a\s+maximum\s+of\b", "at most", rel, flags=_I)
        return f"{cap(m.group('q'))} appears {rel} times" + text[m.end():]
    m = _LANG.match(text)
    if m and language_in(m.group("x").lower()) is not None:
        return f"The response is in {m.group('x').strip()}" + (f" {m.group('code')}" if m.group("code") else "") + (m.group("only") or "") + "."
    return _sub_outside(text, _PARA, "paragraph")


def _restated(text: str) -> str:
    text = _sub_outside(text, _CAPS, lambda m: (", with no" if m.group("c") else "no" if m.group("w").lower() in ("zero", "no") else m.group("w"))
                        + " capital letters")
    m = _LOWER_THEN_NO_CAPS.search(text)
    if m and _free(text, m.start(), m.end()) and not QUOTE_RE.search(text):
        text = text[:m.start()] + f"{m.group('a')}, with no {m.group('u')}."
    low = QUOTE_RE.sub(" ", text).lower()
    if re.search(r"\b(?:entirely|entire|whole|only|pure(?:ly)?|solely|wholly|valid|well[- ]formed)\b[^.;]{0,40}\bjson\b|\bjson\b[^.;]{0,20}\bonly\b", low):
        text = _sub_outside(text, _JSON_ONLY, "")
        text = _sub_outside(text, _FENCE_EXCLUDED, " (a markdown code fence around it is fine)")
    text = _sub_outside(text, _EACH_SEP, ", each ")
    if "paragraph" in low or "section" in low:
        text = _sub_outside(text, _BETWEEN_EACH, "between them")
    m = _start(text, _FINAL_WORDS)
    if m:
        text = "The response ends with the exact phrase " + text[m.end():]
    m = _start(text, _OCCURRENCES)
    if m:
        rel = re.sub(r"\s+", " ", m.group("r").lower())
        rel = {"no fewer than": "at least", "no less than": "at least", "no more than": "at most"}.get(rel, rel)
        rest = _CASE_NOTE.sub("", text[m.end():])
        text = f"{cap(m.group('x'))} appears {rel} {m.group('n')} times{rest}"
    return text


# a positive outcome frame whose condition is the user's or the prompt's ('Pass if the user asked for JSON'), or that
# names another credit ('; partial points for 2', 'a bonus point if ...'): not a check on the response
_NOT_RESPONSE = re.compile(r"^\s*(?:the\s+|a\s+)?(?:user|user's|prompt|prompt's|request|question|instructions?|task|customer|client|asker|reader)\b", _I)
_OTHER_CREDIT = re.compile(r"\b(?:partial|half|some|extra|bonus|[2-9]\d*|\d*\.\d+)\s+(?:points?|credit|marks?)\b|\b(?:deduct\w*|penali[sz]\w*|bonus)\b", _I)


def read_voice(text: str) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices4.read_voice` on the criterion respoken by :func:`respeak`; a positive outcome
    frame whose condition is not about the response, or that names another credit, is a veto."""
    said = respeak(text)
    m = _HEAD_POS.match(said)
    if m and _free(said, m.start(), m.end()):
        cond = said[m.end():]
        if _NOT_RESPONSE.match(cond) or _OTHER_CREDIT.search(QUOTE_RE.sub(" ", cond)):
            return cond, [("veto", text)]
    return _read_voice4(said)
