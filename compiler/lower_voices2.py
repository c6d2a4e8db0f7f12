"""Voices read off a criterion before anything else (issue 15, round 6): the parts of a rubric item that, by the
voice's own structure, are not requirements, and the grant frames of graders who are not LLM judges.

- a user story: 'As a <role>, I want the reply to <requirement>, so that <benefit>.' The role and the benefit
  are never acceptance criteria; 'I want the reply to run to ...' is 'The reply runs to ...';
- a frustrated user: 'why is every answer an essay?? The whole reply has to stay under 80 words.' Leading
  sentences in the user's own voice (I / it never / why / asked for ...) are the complaint, the rest the
  requirement;
- a test name or a checklist label: 'test_no_commas: ...', 'QA item 3 — Punctuation: ...', 'Target text: ...';
- a grader's grant: 'Rate as Meets if ...', 'The result Meets the requirement when ...', 'Credit is given only
  where ...', "Candidates' answers are accepted only if ...", a docstring's 'Ensures ...' / 'should ...';
- the other branch of the grant, when it restates the criterion's complement: '; otherwise Fails to Meet',
  '; any other number of bullets Fails', '; a response of 80 words or longer Fails', '; QA fails if any capital
  letter appears'.

:func:`read_voice` returns the criterion inside and what it cut off as asides, each with the test the driver
(:mod:`rubricc.compiler.lower`) applies to it: an ``aside`` (role, benefit, name, label) must not read as another
check; a ``lead`` (a complaint) neither, nor be about content; a ``label`` may name the same check with other
arguments; a ``restate`` (a failure branch naming a unit, a checklist's spec) must read as the same check; a
``complement`` (a failure branch about a count) must read as the exact complement of the check lowered; a ``veto``
(a penalty as the predicate, a label naming another unit) keeps the criterion neural. Nothing here adds a requirement;
quoted material and data after a colon are never rewritten; a frame that is not read whole leaves the text as it is.
The spellings read beside these voices (counts as 'the number of ...', quoted words counted, case notes) are in
:mod:`rubricc.compiler.lower_respell`.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import DOC as _DOC, cap as _cap, data_colon as _data_colon, in_quotes as _in_quotes, quantity as _quantity
from rubricc.compiler.lower_respell import quote_spans as _quote_spans, respell
from rubricc.compiler.lower_voices3 import read_decision, read_language, read_not_required, read_topic, spell_forms

_I = re.IGNORECASE
Asides = List[Tuple[str, str]]


def _third(verb: str) -> str:
    v = verb.lower()
    if v in ("be", "are"):
        return "is"
    if v == "were":
        return "was"
    if v in ("must", "should", "shall", "will", "would", "can", "could", "may", "might"):
        return v
    if v == "have":
        return "has"
    if re.search(r"[^aeiou]y$", v):
        return v[:-1] + "ies"
    return v + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", v) else v + "s"


# ---- a test name or a checklist label ------------------------------------------------------------------------
# 'test_no_commas: ...', 'test_paragraph_2_starts_with_word: ...' (a snake_case identifier: its words are an aside)
_TEST_NAME = re.compile(r"^\s*\[?(?P<name>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|test(?:[A-Z][a-z0-9]*)+)(?:\(\))?\]?\s*:\s+(?=\S)")
# 'QA item 3 — Punctuation: ...', 'QA item 2 — the entire ...', after an optional header sentence ('Target language: X.')
_ITEM = re.compile(r"^(?P<hdr>[^\"\u201c:]{0,80}:[^\"\u201c:.]{1,60}\.\s+)?\s*(?:(?:l?qa|check(?:list)?|review|audit|test)\s+)?(?:item|check|point)\s+#?\d+[a-z]?"
                   r"(?:\s+[\u2014\u2013-]\s+(?P<title>(?-i:[A-Z])[\w'/-]*(?:\s+[\w'/-]+){0,4})\s*:|\s*:|\s+[\u2014\u2013-])\s+(?=\S)", _I)
# 'Target text: ...' (a localisation checklist's subject is the target text: the response)
_TARGET = re.compile(r"^\s*target\s+(?:text|copy|translation|file|output)\s*:\s+(?=\S)", _I)


# a topic before a checklist's spec: 'mandatory terminology — ...', 'structure check — ...'
_TOPIC = re.compile(r"^\s*(?P<topic>[a-z][a-z-]*(?:\s+[a-z-]+){0,3})\s+[\u2014\u2013]\s+(?=\S)", _I)
_QUANTITY_HEAD = re.compile(r"(?:(?:at\s+least|at\s+most|exactly|no\s+(?:more|fewer|less)\s+than|fewer\s+than|more\s+than|less\s+than)\s+)\d", _I)


# ---- a user story -----------------------------------------------------------------------------------------------
_STORY = re.compile(r"^\s*as\s+(?:an?\b|the\b|one\s+of\s+the\b|someone\b|somebody\b)?(?P<role>[^,;:\"\u201c]{1,80}?),\s*(?:i|we)\s+"
                    r"(?:want|need|would\s+like|'d\s+like|require|expect|would\s+love|wish)\s+(?P<x>.+)$", _I | re.S)
_BENEFIT = re.compile(r",\s*(?:so\s+that|so|in\s+order\s+(?:to|that))\s+(?=\S)", _I)
_NP = (rf"(?:the|every|each|my|our|any)\s+(?:(?:whole|entire|full|complete|final)\s+)?{_DOC}|(?:all|the|my|our)\s+(?:replies|responses|answers|outputs)|it"
       r"|the\s+(?:character|letter|word|keyword|term|phrase|string)\s+(?:\"[^\"]{1,60}\"|\u201c[^\u201d]{1,60}\u201d)"
       r"|the\s+(?:number|count|total)\s+of\s+[^,;:]{1,80}?")
_WANT_TO = re.compile(rf"^(?P<np>{_NP})\s+(?:(?P<neg>never|not)\s+)?to\s+(?P<adv>(?:first|only|also|always|never|just)\s+)?(?P<verb>[a-z]+)\b", _I)
_WANT_PP = re.compile(rf"^(?P<np>(?:the|every|each|my|our)\s+(?:(?:whole|entire|full|complete|final)\s+)?{_DOC})\s+"
                      r"(?P<pp>written|wrapped|split|divided|enclosed|formatted|kept|given|presented|laid\s+out|structured|broken)\b", _I)
_WANT_COUNT = re.compile(rf"^(?P<q>(?:(?:at\s+least|at\s+most|exactly|no\s+(?:more|fewer|less)\s+than|fewer\s+than|more\s+than|less\s+than)\s+)?"
                         rf"\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?)\s+(?P<unit>[a-z][a-z -]{{0,30}}?)\s+of\s+(?:the|my|your)\s+{_DOC}\s+(?=[a-z])", _I)


def _want(x: str) -> Optional[str]:
    """'the reply to run to fewer than 80 words' -> 'The reply runs to fewer than 80 words', or None."""
    m = _WANT_TO.match(x)
    if m:
        np = re.sub(rf"^(?:every|each|my|our|any)\s+", "the ", m.group("np"), flags=_I)
        np = re.sub(r"^(?:all|the|my|our)\s+(?:replies|responses|answers|outputs)$|^it$", "the response", np, flags=_I)
        neg = m.group("neg")
        verb = m.group("verb")
        if neg and neg.lower() == "not":
            head = f"{np} {'is not' if verb.lower() == 'be' else 'does not ' + verb}"
        else:
            head = f"{np} {(neg + ' ') if neg else ''}{m.group('adv') or ''}{_third(verb)}"
        return _cap(head + x[m.end():])
    m = _WANT_PP.match(x)
    if m:
        np = re.sub(rf"^(?:every|each|my|our)\s+", "the ", m.group("np"), flags=_I)
        return _cap(f"{np} is {m.group('pp')}" + x[m.end():])
    m = _WANT_COUNT.match(x)
    if m:
        return _cap(f"The response has {m.group('q')} {m.group('unit')} " + x[m.end():])
    return None


def _story(text: str, asides: Asides) -> str:
    m = _STORY.match(text)
    if not m:
        return text
    x = m.group("x")
    spans = _quote_spans(x)
    stop = _data_colon(x)
    b = next((b for b in _BENEFIT.finditer(x) if b.start() < stop and not _in_quotes(spans, b.start())), None)
    tail = ""
    if b is not None:
        end = next((e.start() for e in re.finditer(r"[.;:!?](?=\s|$)", x) if e.start() > b.end() and not _in_quotes(spans, e.start())), len(x))
        benefit, tail, x = x[b.end():end], x[end:], x[:b.start()]
        if re.search(r"[\"\u201c\u201d]", benefit):
            return text  # a benefit with quoted material may carry data: left as it is
        asides.append(("aside", benefit))
    inner = _want(x.strip())
    if inner is None:
        return text
    if m.group("role").strip():
        asides.append(("aside", m.group("role")))
    return inner + tail


# ---- a frustrated user's complaint before the requirement -------------------------------------------------------
_COMPLAINT = re.compile(
    r"^(?:(?:seriously|honestly|ugh+|ok(?:ay)?|so|again|come\s+on|lol)[,!.]*\s+)*"
    r"(?:(?:i|we|i'm|i've|i'd|my|me)\b"
    r"|(?:it|the\s+(?:bot|model|assistant|ai|chatbot|thing|tool)|this\s+(?:bot|thing|model|tool))\s+(?:always|never|keeps|kept|just|still|again|"
    r"ignores|ignored|refuses|won't|doesn't|didn't|can't|cannot|adds|added|gave|gives|got|uses|used|dropped|drops|forgets|forgot)\b"
    r"|why\b|how\s+hard\b|(?:asked|told|said|begged|requested)\b|(?:way\s+)?too\s+(?:many|much)\b|stop\b|ugh+\b|lol\b|smh\b|every\s+(?:single\s+)?time\b"
    r"|(?:this\s+is|that's|it's)\s+the\s+(?:second|third|fourth|fifth|\w+th|\d+(?:st|nd|rd|th))\s+time\b|for\s+the\s+(?:second|third|fourth|fifth|\w+th)\s+time\b"
    r"|nobody\s+(?:asked|wants|needs)\b|no\s+matter\s+how\b|(?:so|really)\s+(?:tired|annoyed|frustrated|sick)\b)", _I)
_SENT = re.compile(r"(?<!\b[A-Za-z])(?!(?<=\b[Nn]o)\.\s+\d)[.!?]+(?=\s+\S)")  # not after an initial ('P.S.', 'e.g.'), nor 'no. 2'


def _complaint(text: str, asides: Asides) -> str:
    """Leading sentences in the user's own voice cut off as a ``lead`` aside, when a requirement follows."""
    spans = _quote_spans(text)
    stop = _data_colon(text)
    start, cut = 0, 0
    for m in _SENT.finditer(text):
        if m.start() >= stop:
            break
        if _in_quotes(spans, m.start()):
            continue
        sentence = text[start:m.end()].strip()
        if not _COMPLAINT.match(sentence) or _MODAL.search(sentence) or _I_WANT.match(sentence) and _want(sentence[_I_WANT.match(sentence).end():]):
            break
        cut = m.end()
        start = cut
    rest = text[cut:].strip()
    want = _I_WANT.match(rest) if cut else None
    inner = _want(rest[want.end():]) if want else None
    if inner is not None:
        rest = inner  # '... and got none. I need the reply to have 3 bullets.'
    elif not rest or _COMPLAINT.match(rest):
        return text
    # complaint sentences after the requirement: 'The reply must be under 80 words. I'm so tired of essays.'
    spans = _quote_spans(rest)
    stop = _data_colon(rest)
    ends = [m.end() for m in _SENT.finditer(rest) if m.start() < stop and not _in_quotes(spans, m.start())]
    for end in ends:
        after = rest[end:].strip()
        if after and not re.search(r"[:\"\u201c\u201d]", after) and all(_GRIPE.match(x.strip()) and not _MODAL.search(x) for x in _sentences(after)):
            asides.append(("lead", after))
            rest = rest[:end].strip()
            break
    if cut == 0 and rest == text.strip():
        return text
    if cut:
        asides.append(("lead", text[:cut].strip()))
    return _cap(rest)


# a complaint after the requirement must sound like one (a plain 'I ...' or 'my request was' may be data or a second ask)
_GRIPE = re.compile(r"^(?:(?:seriously|honestly|ugh+|lol|smh)\b|i'?m\s+(?:so\s+|really\s+)?(?:tired|sick|fed\s+up|done)\b|"
                    r"(?:this\s+is|that's|it's)\s+the\s+\w+\s+time\b|why\b|(?:it|the\s+(?:bot|model|assistant))\s+(?:always|never|keeps)\b|"
                    r"every\s+(?:single\s+)?time\b|no\s+matter\s+how\b|nobody\s+asked\b)", _I)
_I_WANT = re.compile(r"^\s*(?:i|we)\s+(?:really\s+|just\s+)?(?:want|need|would\s+like|'d\s+like|expect)\s+(?=\S)", _I)
_MODAL = re.compile(r"\b(?:must|has\s+to|have\s+to|needs?\s+to|should|shall)\b", _I)


def _sentences(text: str):
    spans = _quote_spans(text)
    out, start = [], 0
    for m in _SENT.finditer(text + " x"):
        if not _in_quotes(spans, m.start()):
            out.append(text[start:m.end()])
            start = m.end()
    tail = text[start:].strip()
    return out + ([tail] if tail else [])


# ---- a grader's grant ---------------------------------------------------------------------------------------------
_IF = r"(?:only\s+)?(?:if|when|where|provided(?:\s+that)?)\b(?:\s+and\s+only\s+(?:if|when)\b)?"
_GRANTS = [
    # search-quality rater: 'Rate as Meets if', 'Rate it Fully Meets when'
    re.compile(rf"^\s*(?:rate|mark|grade|score|label|classify)\s+(?:it\s+|this\s+|the\s+(?:result|response|reply|answer)\s+)?(?:as\s+)?[\"']?"
               rf"(?:fully\s+)?meets(?:\s+the\s+requirements?)?[\"']?\s+{_IF}\s*", _I),
    re.compile(rf"^\s*[\"']?(?:fully\s+)?meets[\"']?\s*(?::\s*|\s+{_IF}\s*)(?=[a-z])", _I),
    re.compile(rf"^\s*(?:(?:the|an?)\s+)?(?:result|response|reply|answer|output|item|submission|it)\s+(?:fully\s+)?meets\s+(?:the|this|all|our)\s+"
               rf"(?:requirements?|criteri(?:on|a)|standards?|bar|specs?|specification)\s+{_IF}\s*", _I),
    # an exam board: 'Credit is given only where', "Candidates' answers are accepted only if"
    re.compile(rf"^\s*(?:full\s+)?(?:credit|marks?|the\s+mark|a\s+mark|the\s+point|a\s+point|points?)\s+(?:is|are|will\s+be|may\s+be)\s+"
               rf"(?:given|awarded|earned|granted)\s+{_IF}\s*", _I),
    re.compile(rf"^\s*(?:award|give|grant|assign)\s+(?:[1-9]\d*|one|two|three|full)\s+(?:marks?|points?)\s+{_IF}\s*", _I),
    re.compile(rf"^\s*(?:the\s+)?(?:candidate|student|pupil|examinee)(?:s'|'s|s)?\s+(?:answers?|scripts?|responses?|work|submissions?)\s+"
               rf"(?:is|are|will\s+be)\s+(?:accepted|credited|passed)\s+{_IF}\s*", _I),
    # a gamified rubric's unlock: 'Unlocks when ...', 'Achievement unlocked once ...', 'The badge is earned when ...' (a
    # badge's quoted name is read off before: :func:`rubricc.compiler.lower_competency.badge`)
    re.compile(rf"^\s*(?:(?:(?:the\s+|this\s+)?(?:achievement|badge|trophy|award|medal|perk|reward|bonus)\s+)?(?:unlocks|is\s+unlocked|unlocked|"
               rf"is\s+earned|earned|is\s+awarded|is\s+granted|pops|triggers)|(?:quest|level|challenge|mission)\s+(?:complete|completed|cleared))\s+(?:{_IF}|once)\s*(?=(?:the|its|it|every|all|no)\b)", _I),
    # a definition of done: 'Done when ...', 'Accepted only if ...'
    re.compile(rf"^\s*(?:(?:this\s+(?:item|story|task|ticket)\s+is\s+)?(?:done|complete|completed|finished|accepted|ready))\s+{_IF}\s*(?=(?:the|its|it|every|all|no)\b)", _I),
    # a test's docstring: 'Ensures the output ...'
    re.compile(r"^\s*(?:ensures|checks|verifies|asserts|tests|confirms|validates)\s+(?:that\s+)?(?=(?:the|its)\s)", _I),
]
_EXAM = re.compile(r"^\s*(?:full\s+)?(?:credit|marks?|the\s+mark|a\s+mark|the\s+point|a\s+point|points?)\s+(?:is|are|will|may)\b|^\s*(?:the\s+)?(?:candidate|student|pupil|examinee)"
                   r"|^\s*(?:award|give|grant|assign)\s+(?:[1-9]\d*|one|two|three|full)\s+(?:marks?|points?)\b", _I)
# the candidates as the subject: 'Candidates must write ...' (the exam board's name for what the response must do)
_CANDIDATES = re.compile(r"^\s*(?:the\s+)?(?:candidates?|students?|examinees?)\s+(?=(?:must|should|shall|are\s+(?:required|expected)\s+to|need\s+to|have\s+to)\b)", _I)
# the exam board's name for the response
_SCRIPT = re.compile(r"\b(?:the|their|his\s+or\s+her|her|his)?\s*(?:candidate's\s+|student's\s+)?((?:whole|entire|full|complete)\s+)?script('s)?(?=\s|$|[.,;])", _I)
# 'they ...' after "Candidates' answers are accepted only if"; 'written entirely in ...' without a subject
_THEY = re.compile(r"^\s*they\s+(?P<v>[a-z]+)\b", _I)
_BARE_PP = re.compile(r"^\s*(?P<pp>written|wrapped|enclosed|formatted|presented|split|divided)\b", _I)
# an rspec docstring: 'should end the response with ...', 'should include a title ...'
_SHOULD = re.compile(rf"^\s*should\s+(?P<neg>not\s+)?(?!(?:the|a|an|it|its|this|we|i|you|they)\b)(?P<verb>[a-z]+)(?P<obj>\s+the\s+{_DOC}\b)?", _I)


# a Gherkin scenario: 'Given a user prompt, when the model replies, then the reply ...' (the given and the when are the
# setting, read as asides: only a prompt given and the response being produced)
_GHERKIN = re.compile(r"^\s*(?:scenario\s*:[^.\n]{0,60}[.\n]\s*)?given\s+(?P<given>(?:a|an|any|the)\s+(?:user(?:'s)?\s+)?(?:prompt|request|question|message|input|task|query)"
                      r"(?:\s+from\s+the\s+user)?)\s*,?\s+(?:and\s+)?when\s+(?P<when>(?:the|an?)\s+(?:model|assistant|bot|system|ai|llm|chatbot)\s+"
                      r"(?:replies|responds|answers|generates\s+(?:a|its|the)\s+(?:reply|response|answer)|writes\s+(?:a|its|the)\s+(?:reply|response|answer)))"
                      r"\s*,?\s+then\s+(?=(?:the|its)\s)", _I)
# a house rule as the subject of 'requires that' with a subjunctive: 'Our house style requires that the reply contain no commas'
_REQUIRES_THAT = re.compile(rf"^\s*(?:(?:our|the|this)\s+)?(?:house\s+)?(?:style(?:\s+guide)?|policy|guideline|brief|spec(?:ification)?|template|format|client|editor)\s+"
                            rf"(?:requires|demands|mandates|stipulates)\s+that\s+(?P<np>the\s+(?:(?:whole|entire|full)\s+)?{_DOC})\s+(?P<neg>not\s+)?(?P<verb>[a-z]+)\b", _I)


def _grant(text: str) -> str:
    m = _GHERKIN.match(text)
    if m:
        return _cap(text[m.end():])
    m = _REQUIRES_THAT.match(text)
    if m:
        verb = m.group("verb")
        head = f"{m.group('np')} {'does not ' + verb if m.group('neg') and verb.lower() != 'be' else ('is not' if m.group('neg') else _third(verb))}"
        return _cap(head + text[m.end():])
    for pat in _GRANTS:
        m = pat.match(text)
        if not m:
            continue
        exam = bool(_EXAM.match(text))
        inner = text[m.end():]
        if exam:
            inner = _exam_names(inner)
            t = _THEY.match(inner)
            if t:
                inner = "The response " + _third(t.group("v")) + inner[t.end():]
            elif _BARE_PP.match(inner):
                inner = "The response is " + inner.lstrip()
        return _cap(inner)
    m = _CANDIDATES.match(text)
    if m:
        inner = _exam_names(text[m.end():])
        inner = re.sub(r"^are\s+(?:required|expected)\s+to\b|^need\s+to\b|^have\s+to\b", "must", inner.strip(), flags=_I)
        return "The response " + inner
    m = _SHOULD.match(text)
    if m and m.group(0)[:1].islower() or (m and m.group("obj")):
        verb = m.group("verb")
        if m.group("obj") and verb.lower() in ("keep", "make", "get", "hold"):
            verb = "be"
        return f"The response should {m.group('neg') or ''}{verb}" + text[m.end():]
    return text


def _exam_names(text: str) -> str:
    """'the script', "the candidate's script" read as the response (only inside an exam board's frame)."""
    spans = _quote_spans(text)
    return _SCRIPT.sub(lambda s: s.group(0) if _in_quotes(spans, s.start()) else f"the {s.group(1) or ''}response{s.group(2) or ''}", text)


# ---- the grant's other branch ----------------------------------------------------------------------------------------
_TAIL_SEP = r"\s*(?:;|,|\s[\u2014\u2013-]|[\u2014\u2013])\s*(?:and\s+)?"
_OTHERWISE = re.compile(rf"{_TAIL_SEP}otherwise\s*,?\s*(?:(?:rate|mark|score|grade)\s+(?:it\s+)?(?:as\s+)?)?(?:it\s+)?(?:fails?(?:\s+to\s+meet)?|no\s+credit|"
                        r"(?:is\s+)?not\s+met|does\s+not\s+meet)\s*[.!]?\s*$", _I)
_FAILS = re.compile(rf"{_TAIL_SEP}(?P<x>[^;:\"\u201c\u201d\u2014\u2013]{{2,80}}?)\s+(?:fails?(?:\s+to\s+meet)?|(?:receives?|gets?|earns?|scores?)\s+no\s+(?:credit|marks?|points?)|"
                    r"(?:is|are)\s+(?:rejected|not\s+accepted|not\s+credited))\s*[.!]?\s*$", _I)
_QA_FAILS = re.compile(rf"{_TAIL_SEP}(?:the\s+)?(?:qa|check|item|review|test)\s+fails\s+(?:if|when|whenever|on)\s+(?P<x>[^;:\"\u201c\u201d]{{2,60}}?)\s*[.!]?\s*$", _I)
# what the failure branch names: the complement ('any other number of bullets', 'missing any one of them') ...
_OTHER = re.compile(r"^(?:(?:a|an|any)\s+(?:response|reply|answer|output|script|text)\s+(?:in|with|using|of)\s+)?(?:any|every|all)\s+other\b|^missing\s+any\b|"
                    r"^anything\s+else\b|"
                    r"^(?:a|any)\s+missing\s+(?:one|key ?word|word|term)\b", _I)
# ... a response with the complementary count ('a response of 80 words or longer', 'scripts of 80 words or more') ...
_DOC_OF = re.compile(r"^(?:(?:a|an|any)\s+(?:response|reply|answer|output|script|text)|(?:responses|replies|answers|outputs|scripts|texts))\s+"
                     r"(?:of|with|containing|that\s+(?:has|have|contains?))\s+(?P<rest>.+)$", _I)
# ... or a unit that must not appear ('any lowercase letter', 'any capital letter appears')
_ANY_UNIT = re.compile(r"^any\s+(?P<unit>[a-z][a-z -]{1,40}?)(?:\s+(?:appears?|occurs?|is\s+(?:used|present|found)))?$", _I)
_STOPS = {"the", "a", "an", "of", "in", "on", "any", "response", "reply", "answer", "output", "text", "script", "target", "all", "its", "is",
          "are", "and", "or", "with", "to", "that", "every", "entire", "whole", "only"}


def _stems(s: str):
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", s.lower()) if w not in _STOPS and len(w) > 2}


def _tail(text: str, asides: Asides) -> str:
    """The grant's other branch read off when it restates the complement (checked by the driver)."""
    spans = _quote_spans(text)
    colon = _data_colon(text)

    def free(m) -> bool:
        if _in_quotes(spans, m.start()):
            return False
        if colon < m.start():  # after a colon only quoted data may stand before the branch
            between = QUOTE_RE.sub("", text[colon + 1:m.start()])
            return not re.search(r"[a-z]", re.sub(r"\b(?:and|or)\b", "", between), _I)
        return True

    m = _OTHERWISE.search(text)
    if m and free(m):
        return text[:m.start()].rstrip() + "."
    m = _QA_FAILS.search(text) or _FAILS.search(text)
    if not m or not free(m):
        return text
    x, head = m.group("x").strip(), text[:m.start()].rstrip()
    if _OTHER.match(x):
        return head + "."
    d = _DOC_OF.match(x)
    if d:
        rest = re.sub(r"\bor\s+(?:longer|greater|higher|above)\b", "or more", d.group("rest"), flags=_I)
        rest = re.sub(r"\bor\s+(?:shorter|lower|below)\b", "or fewer", rest, flags=_I)
        asides.append(("complement", f"The response has {rest}."))
        return head + "."
    u = _ANY_UNIT.match(x)
    if u:  # the unit the head speaks of may read as no check; another one must read as the same check
        asides.append(("aside" if _stems(u.group("unit")) & _stems(head) else "restate", f"The response contains no {u.group('unit')}."))
        return head + "."
    return text


# the checklist's pass condition after a terse spec: 'minimum length 600 words; QA passes only if the word count is
# 600 or higher' (the condition is the criterion, the spec an aside)
_QA_PASSES = re.compile(rf"{_TAIL_SEP}(?:the\s+)?(?:qa|check|item|review|test)\s+(?:passes|is\s+passed|is\s+met)\s+(?:only\s+)?(?:if|when|where)\s+(?P<y>[^;:\"\u201c\u201d]{{2,120}}?)\s*[.!]?\s*$", _I)


def _qa_passes(text: str, asides: Asides) -> str:
    m = _QA_PASSES.search(text)
    if not m or _in_quotes(_quote_spans(text), m.start()) or _data_colon(text) < m.start():
        return text
    asides.append(("restate", _quantity(_cap(text[:m.start()]))))
    return _cap(m.group("y")) + "."


# a grader's penalty as the criterion's own predicate: 'No credit is given where ...', '... receives no credit' (the
# criterion describes a failure: the driver keeps it neural)
_PENALTY = re.compile(r"\b(?:no|zero)\s+(?:credit|marks|points)\s+(?:is|are|will\s+be|should\s+be|may\s+be)\s+(?:given|awarded|earned|granted)\b"
                      r"|\b(?:receives?|gets?|earns?|scores?|is\s+given|is\s+awarded|are\s+given|are\s+awarded)\s+(?:no|zero|0)\s+(?:credit|marks?|points?)\b"
                      r"|\b(?:award|give|grant|assign)\s+(?:0|zero|no|nil)\s+(?:credit|marks?|points?)\b"
                      r"|\b(?:is|are)\s+(?:rejected|not\s+accepted|not\s+credited|penali[sz]ed)\b", _I)
# the count units a checklist label may name: a label naming one the item does not speak of is a contradiction
_UNITS = ("word", "sentence", "paragraph", "bullet", "section", "comma", "placeholder")


def _label_units_agree(label: str, body: str) -> bool:
    """False when the label names count units and the body names others only ('Sentence count: ... 10 words')."""
    named = {u for u in _UNITS if re.search(rf"\b{u}s?\b", label, _I)}
    spoken = {u for u in _UNITS if re.search(rf"\b{u}s?\b", body, _I)}
    return not named or not spoken or bool(named & spoken)


def read_voice(text: str) -> Tuple[str, Asides]:
    """(the criterion inside the voice, the asides cut off with their kinds); (text, []) when no voice is read."""
    asides: Asides = []
    m = _TEST_NAME.match(text)
    if m:
        label = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", m.group("name")).replace("_", " ").lower()
        asides.append(("label", label) if _label_units_agree(label, text[m.end():]) else ("veto", label))
        text = _cap(text[m.end():])
    m = _ITEM.match(text)
    qa = False
    if m:
        qa = True
        for part in ("hdr", "title"):
            if m.group(part):
                label = m.group(part)
                asides.append(("label", label) if _label_units_agree(label, text[m.end():]) else ("veto", label))
        text = _cap(text[m.end():])
    m = _TARGET.match(text)
    if m:
        qa = True
        text = text[m.end():]
        t = _TOPIC.match(text)  # 'Target text: placeholder count — no fewer than 3 placeholders ...'
        if t:
            asides.append(("label", t.group("topic")) if _label_units_agree(t.group("topic"), text[t.end():]) else ("veto", t.group("topic")))
            text = text[t.end():]
            if _QUANTITY_HEAD.match(text):
                text = "The response has " + text
        text = _cap(text)
    if qa:
        text = _qa_passes(text, asides)
    text = read_decision(read_language(read_not_required(text, asides), asides), asides)
    if not qa and not asides:
        text = read_topic(text, asides)
    text = _complaint(text, asides)
    text = _story(text, asides)
    text = _grant(text)
    text = _tail(text, asides)
    if _PENALTY.search(QUOTE_RE.sub(" ", text[:_data_colon(text)])):
        asides.append(("veto", text))
    return respell(spell_forms(text), qa), asides
