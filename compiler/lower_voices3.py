"""Voices read off a criterion beside :mod:`rubricc.compiler.lower_voices2` (issue 15, round 7): the crowd
annotator's question-then-decision and the checklist item's topic label.

- a question, then the decision on it: 'Check whether the response is free of commas. Label yes only if not one
  comma appears.' The question is the criterion ('Check whether' read off); the decision's condition is an aside
  the driver checks (:mod:`rubricc.compiler.lower`): it must not read as another check nor be about content, and
  it must have the question's polarity and no number the question lacks, else it has to read as the very same
  check (a ``restate``: 'in capital letters only. Label yes if no lowercase letter appears'). A question with no
  decision after it is left as it is ('whether' keeps it neural), and so is a count before a decision ('Count the
  words ... Label yes if ...': :mod:`rubricc.compiler.lower_frames` reads that pair);
- a checklist item's topic label: 'Paragraph count: precisely 2 paragraphs ...', 'Keyword inclusion: all of the
  following words appear in the text: a, b.' The label (one to four plain words) is an aside that may name the same
  check only; a label that forbids ('Forbidden words:') is read off only before a negated statement, one that
  requires ('Keyword inclusion:') only before a statement that is not negated; a bare quantity after it is the
  response's ('precisely 2 paragraphs' -> 'The response has precisely 2 paragraphs'), and so is a bare letter after
  a label naming letters ('Letter frequency: j shows up 20 or more times').

Quoted material is never rewritten and a frame is never read inside a quotation.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_decor import _PITFALL
from rubricc.compiler.lower_mandative import indicative
from rubricc.compiler.lower_parse import LANGUAGES, NEGATION, QUOTE_RE, language_in
from rubricc.compiler.lower_respell import _spell, cap, in_quotes, quote_spans

_I = re.IGNORECASE
Asides = List[Tuple[str, str]]

# ---- a question, then the decision on it ----------------------------------------------------------------------
_ASK = re.compile(r"^\s*(?:please\s+)?(?:check|verify|confirm|determine|decide|see|judge)\s+(?:whether|if)\s+(?!or\s+not\b)", _I)
_DECISION = re.compile(
    r"(?P<sep>\s*[.;?]\s+|\s*;\s*)(?:then\s+)?(?:label|mark|answer|rate|score|return|output|say)\s+(?:it\s+|the\s+(?:item|response|answer)\s+)?"
    r"[\"'\u201c\u2018]?(?:yes|pass|true|met)[\"'\u201d\u2019]?\s+(?:only\s+)?(?:if|when)\s+(?P<c>[^.;\"\u201c\u201d]+?)\s*[.!]?\s*$", _I)
# the mirror: 'Is X? Answer No if C.' (C one way to fail X: a ``fail_branch`` aside the driver checks)
_NO_DECISION = re.compile(
    r"(?P<sep>\s*[.;?]\s+|\s*;\s*)(?:then\s+)?(?:label|mark|answer|rate|score|return|output|say)\s+(?:it\s+|the\s+(?:item|response|answer)\s+)?"
    r"[\"'\u201c\u2018]?(?:no|fail|false)[\"'\u201d\u2019]?\s+(?:if|when)\s+(?P<c>[^.;\"\u201c\u201d]+?)\s*[.!]?\s*$", _I)
# 'Is X? ...; Y means No.': Y one way to fail X, as above
_MEANS_NO = re.compile(r"(?P<sep>\s*[.;?]\s+)(?P<c>[^.;\"\u201c\u201d]+?)\s+means\s+(?:a\s+)?[\"'\u201c\u2018]?(?:no|fail)[\"'\u201d\u2019]?\s*[.!]?\s*$", _I)
# what 'it' is in that condition: the word or letter the question counts, else the response
_COUNTED = re.compile(r"^\s*(?:does|do|is|are)\s+(?P<s>the\s+(?:word|keyword|letter|phrase|term)\s+(?:\"[^\"]+\"|'[^']+'))\s+", _I)
# a statement's subject: the head of a question once 'Check whether' is read off
_SUBJECT = re.compile(r"^\s*(?:the|your|its|every|each|all|none|no|at\s+least|at\s+most|exactly|fewer|more|less|[\"\u201c]|\d)", _I)
_NOT_NEG = re.compile(r"\bno\s+(?:fewer|more|less|later|earlier|sooner)\s+than\b|\bnot\s+only\b", _I)
_NEG_EXTRA = r"|\bmissing\b|\babsent\b|\blacks?\b|\bnot\s+one\b"
_NUMBER = re.compile(r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b", _I)


_QUESTION = re.compile(r"^\s*(?:does|do|is|are|has|have|will|can)\s+(?:the|your|its|this|all|each|every|both)\s+", _I)


def _negated(text: str) -> bool:
    return re.search(NEGATION + _NEG_EXTRA, _NOT_NEG.sub(" ", QUOTE_RE.sub(" ", text)), _I) is not None


def _numbers(text: str) -> set:
    text = re.sub(r"\b(?:not|no|even|a\s+single|any)\s+one\b", " ", QUOTE_RE.sub(" ", text), flags=_I)  # 'not one comma': none
    return {n.lower() for n in _NUMBER.findall(text)}


# words a decision's condition may add to the question's: pronouns, quantifiers, 'present', 'holds', 'the count'
_REFERS = {"it", "its", "they", "them", "this", "that", "these", "those", "such", "so", "the", "a", "an", "of", "is", "are", "does", "do",
           "all", "both", "each", "every", "any", "none", "not", "no", "one", "single", "only", "there", "present", "appears", "appear",
           "occurs", "occur", "holds", "hold", "true", "the", "count", "total", "number", "exactly", "in", "response", "answer"}


def _words(text: str) -> set:
    return {w[:5] for w in re.findall(r"[a-z]+", QUOTE_RE.sub(" ", text).lower()) if w not in _REFERS}


def read_decision(text: str, asides: Asides) -> str:
    """'Check whether X. Label yes only if C.' -> 'X.' with C an aside; else ``text`` as it is."""
    m = _DECISION.search(text)
    fails = m is None
    if fails:
        m = _NO_DECISION.search(text) or _MEANS_NO.search(text)
    if m is None or in_quotes(quote_spans(text), m.start()):
        return text
    head, cond = text[:m.start()].strip() + ("?" if "?" in m.group("sep") else ""), m.group("c").strip()
    if fails:
        if not (_QUESTION.match(head) and (head.endswith("?") or m.re is _MEANS_NO and "?" in head)):
            return text  # 'Mark No if' after a question only: what it is met on is the question
        counted = _COUNTED.match(head)
        cond = re.sub(r"\bor\s+if\s+", "or ", cond, flags=_I)
        cond = re.sub(r"^(?:it|they)\s+(?=[a-z])", (counted.group("s") if counted else "the response") + " ", cond, flags=_I)
        asides.append(("fail_branch", re.sub(r"\bor\s+(?:it|they)\s+(?=[a-z])", "or the response ", cond, flags=_I)))
        return cap(head)
    ask = _ASK.match(head)
    if ask:
        head = head[ask.end():]
        head = re.sub(r",?\s+and\s+(?:check\s+)?whether\s+", " and ", head, flags=_I)  # 'whether A and whether B'
    question = _QUESTION.match(head) and head.endswith("?")
    if not (_SUBJECT.match(head) or question) or re.search(r"\bwhether\b", QUOTE_RE.sub(" ", head), _I):
        return text  # an imperative ('Count the words ...') or a question left open: not read here
    same = _negated(cond) == _negated(head) and _numbers(cond) <= _numbers(head) and _words(cond) <= _words(head)
    asides.append(("lead" if same else "restate", cond))
    return cap(head) + ("" if head.rstrip().endswith((".", "?", "!")) else ".")


# ---- a language named by its code, and the decision's other branch naming another language ----------------------
# 'the language with ISO 639-1 code bn' is Bengali (a code the library knows only)
_BY_CODE = re.compile(r"\bthe\s+language\s+(?:with|whose|that\s+has|of)\s+(?:the\s+)?(?:iso(?:[- ]?639(?:-1)?)?\s+)?(?:language\s+)?"
                      r"code\s+(?:is\s+)?[\"'`]?(?P<code>[a-z]{2})\b[\"'`]?", _I)
_NAME_OF = {}
for _name, _code in LANGUAGES.items():
    _NAME_OF.setdefault(_code, _name.capitalize())
# '; label no if it is mainly in another language': the complement of the one language the criterion names
_NO_OTHER_LANGUAGE = re.compile(r"\s*[;,.]\s*(?:and\s+|otherwise\s+)?(?:label|mark|answer|rate)\s+(?:it\s+)?[\"']?no[\"']?\s+if\s+(?P<c>(?:it|the\s+(?:response|answer|reply))\s+"
                                r"is\s+(?:(?:mainly|mostly|largely|partly|written|entirely|wholly)\s+)*in\s+(?:another|a\s+different|any\s+other|some\s+other|other)\s+"
                                r"languages?)\s*[.!]?\s*$", _I)


def read_language(text: str, asides: Asides) -> str:
    """'... in the language with ISO 639-1 code bn; label no if it is mainly in another language' -> '... in Bengali'."""
    m = _BY_CODE.search(text)
    if m and m.group("code").lower() in _NAME_OF and not in_quotes(quote_spans(text), m.start()):
        text = text[:m.start()] + _NAME_OF[m.group("code").lower()] + text[m.end():]
    m = _NO_OTHER_LANGUAGE.search(text)
    if m and not in_quotes(quote_spans(text), m.start()) and language_in(QUOTE_RE.sub(" ", text[:m.start()]).lower()):
        asides.append(("aside", m.group("c")))
        text = text[:m.start()].rstrip() + "."
    return text


# ---- what is not required ---------------------------------------------------------------------------------------
_NOT_REQUIRED = re.compile(r"^\s*(?:it\s+is|it's)\s+(?:not|no\s+longer|never)\s+(?:required|mandatory|essential|necessary|needed|expected)\s+that\b"
                           r"|^\s*(?:it\s+is|it's)\s+optional\s+(?:that|whether|to)\b", _I)


def read_not_required(text: str, asides: Asides) -> str:
    """'It is not required that the response has no commas.' asks for nothing: a veto (no stage may read its clause)."""
    if _NOT_REQUIRED.match(text):
        asides.append(("veto", text))
    return text


# ---- a checklist item's topic label -----------------------------------------------------------------------------
# (the label may be set in bold, as an LLM writes its rubric items: '**Sufficient length**: ...', '**Closing phrase:** ...';
# its words may be abbreviated: 'Max. dose: ...', 'Sig.: ...'; a stat block's 'Reaction — Echo: ...' names its entry)
_TOPIC = re.compile(r"^\s*(?P<b>\*\*|__)?(?P<label>(?-i:[A-Z])[a-z]+\.?(?:(?:[ -]|\s[\u2014\u2013]\s)[A-Za-z]+\.?){0,3}(?:\s+#?\d+[a-z]?)?)(?(b)(?:(?P=b)\s*:|\s*:\s*(?P=b))|\s*:)\s+(?P<rest>(?-i:[a-z\"\u201c]|The\s+(?:response|answer|reply|output)\b|(?:None|No|All|Every|Each)\s+(?:of\s+)?[a-z]).*)$", _I | re.S)
_FORBIDS = re.compile(r"\b(?:forbidden|banned|prohibited|disallowed|excluded|no|avoid(?:ed)?|without)\b", _I)
_REQUIRES = re.compile(r"\b(?:inclusion|included|required|mandatory|must|includes?|presence)\b", _I)
_QUANTITY = re.compile(r"^(?:precisely|exactly|at\s+least|at\s+most|no\s+(?:more|fewer|less)\s+than|fewer\s+than|more\s+than|less\s+than|"
                       r"a\s+minimum\s+of|a\s+maximum\s+of)\s+\d+(?:,\d{3})*\s+(?-i:[a-z])", _I)  # a unit after the number
_BARE_LETTER = re.compile(r"^(?P<l>[a-z])\s+(?=(?:shows?\s+up|appears?|occurs?|is\s+used)\b)", _I)
_UNITS = ("word", "sentence", "paragraph", "bullet", "section", "(?:letter|character)", "placeholder", "line")
_STATEMENT = re.compile(r"^(?:the|a|an|all|none|no|every|each|its|your|at\s+least|[\"\u201c])\b", _I)


# a rule's own label: 'Style rule:', 'Style guide:', 'House style:', 'Rule 3:', 'Formatting:'
_META = re.compile(r"^(?:(?:house\s+)?style(?:\s+(?:rule|guide|note|requirement))?|rules?|guidelines?|formatting(?:\s+rule)?|format(?:\s+rule)?|"
                   r"constraints?|requirements?|policy|instructions?)$", _I)
# a label naming a part of the response: what follows is about that part unless it names the whole response
_PART = re.compile(r"\b(?:title|heading|header|headline|subject|greeting|signature|intro|introduction|conclusion|summary|opening|closing|ending|"
                   r"first|last|final|caption|tagline|slogan|list|table|code|quote|name|bio|abstract)\b", _I)
_WHOLE = r"(?:response|answer|reply|output|text|essay|piece|story|letter|poem|email|message|article)"


def read_topic(text: str, asides: Asides) -> str:
    """'Paragraph count: precisely 2 paragraphs ...' -> 'The response has precisely 2 paragraphs ...' with the
    label an aside; else ``text`` as it is (data after the colon, a label whose polarity the statement lacks)."""
    m = _TOPIC.match(text)
    if m is None or _PITFALL.match(text):
        return text  # 'Bad: ...', 'Penalty: ...' names what loses the point: left to the driver's pitfall guard
    label, rest = m.group("label"), m.group("rest").strip()
    if _QUANTITY.match(rest):
        rest = "The response has " + rest
    elif _BARE_LETTER.match(rest) and re.search(r"\bletters?\b", label, _I):
        rest = "The letter " + rest
    elif _META.match(label):
        pass  # 'Style rule: never use commas.': a rule's own label, whatever the rule's form
    elif not _STATEMENT.match(rest) or not re.search(r"\s(?:is|are|has|have|appears?|occurs?|contains?|includes?|uses?|mentions?|ends?|starts?|begins?|"
                                                     r"finish(?:es)?|opens?|shows?|runs?|stays?|gives?|must|should|shall|needs?\s+to)\b",
                                                     QUOTE_RE.sub(" ", rest), _I):
        return text  # data after the colon ('Forbidden words: "a", "b"'), or no statement: left as it is
    if _PART.search(label) and not re.match(rf"(?:the|your|its)\s+(?:(?:whole|entire|full|complete)\s+)?{_WHOLE}\b", rest, _I):
        return text  # 'Title: all of the words are capitalised' is about the title, not the response
    negated = _negated(rest)
    if (_FORBIDS.search(label) and not negated) or (_REQUIRES.search(label) and negated):
        asides.append(("veto", label))  # 'Banned words: all of the following appear': a contradiction, no later stage reads it
        return text
    # (a unit's layout is no count of it: 'Section layout: exactly 6 paragraphs')
    named = {u for u in _UNITS if re.search(rf"\b{u}s?\b(?!\s+(?:layout|structure|format|plan|arrangement)\b)", label, _I)}
    spoken = {u for u in _UNITS if re.search(rf"\b{u}s?\b", QUOTE_RE.sub(" ", rest), _I)}
    asides.append(("veto" if named and spoken and not named & spoken else "label", label))  # 'Sentence count: ... 10 words'
    return cap(rest)


# ---- a unit's form restated beside it ---------------------------------------------------------------------------
# each rewrites a requirement into the words the rules already read, outside quotations; none adds or drops one
_CAPS = r"(?:all[- ]caps|all\s+capitals|capital\s+letters|capitals|caps|upper ?case|uppercase)"
_FORMS = [
    # the count as the subject: 'At least 20 words in the response are in all caps'
    (re.compile(r"^(?P<q>(?:at\s+least|at\s+most|exactly|fewer\s+than|more\s+than|less\s+than|no\s+(?:more|fewer|less)\s+than)\s+\d+)\s+(?P<u>words?)\s+"
                rf"(?:in|of)\s+(?:the|your)\s+(?:response|answer|reply|output)\s+(?:are|is)\s+(?=(?:written\s+)?in\s+(?:all\s+)?{_CAPS}\b)", _I),
     r"The response has \g<q> \g<u> "),
    # JSON's exactness restated: 'with no extra text around it' is 'with nothing around it'
    (re.compile(r"(\bjson\b[^.;\"]*?)\s*,?\s+with\s+no\s+(?:extra\s+|other\s+|additional\s+|further\s+)?(?:text|prose|commentary|words|content)\s+"
                r"(?:around|before\s+or\s+after|outside)\s+it\b", _I), r"\1, with nothing around it"),
    # a section marker named as such: 'each beginning with the marker Section X' is 'each beginning with Section X'
    (re.compile(r"(\b(?:beginning|starting|opening|headed|introduced|marked)\s+(?:with|by)\s+)(?:the|a)\s+(?:marker|label|heading|header)\s+"
                r"(?=[A-Za-z]+\s+(?:X|N|\{?n\}?|<n>|#)\b)"), r"\1"),
    # a limit restated by its count: 'comes in under the 20-word limit, with strictly fewer than 20 words'
    (re.compile(r"\b(?:comes?\s+in|stays?|remains?|keeps?|is)\s+(?:under|below|within)\s+(?:the|a|its)\s+(?P<n>\d+)[- ]word\s+(?:limit|cap|maximum|ceiling)"
                r"\s*,\s*with\s+(?=(?:strictly\s+)?(?:fewer|less)\s+than\s+(?P=n)\s+words\b)", _I), "has "),
    # a language's exclusivity restated: 'in French, and MUST NOT use any other language'
    (re.compile(rf"(\bin\s+(?:{'|'.join(LANGUAGES)})\b)\s*,?\s*(?:and\s+)?(?:(?:must|should|shall|does|do|will|may|can)\s*(?:not|n't)|never)\s+"
                r"(?:use|contain|include|switch\s+to|mix\s+in|be\s+in)\s+(?:any\s+)?other\s+languages?\b", _I), r"\1, with no other language"),
    # the same said with a participle: 'in Russian, never switching to another language'
    (re.compile(rf"(\bin\s+(?:{'|'.join(LANGUAGES)})\b)\s*,?\s*(?:never|without|not)\s+(?:switching\s+to|using|mixing\s+in|drifting\s+into|"
                r"slipping\s+into)\s+(?:any\s+other|another|a\s+second|other)\s+languages?\b", _I), r"\1, with no other language"),
    # a case said as a clause: ', and no letter (in it) is capitalized' is ', with no capitalized letter'
    (re.compile(r",?\s+and\s+no\s+(?P<u>letter|character)s?\s+(?:in\s+it\s+)?(?:is|are)\s+(?P<c>capitali[sz]ed|upper-?case|lower-?case)\b", _I),
     r", with no \g<c> \g<u>"),
    # the same said of its letters: ', and not one of its letters is a capital' is ', with no capitalized letter'
    (re.compile(r",?\s+and\s+(?:not\s+(?:a\s+single|one)|none)\s+of\s+its\s+(?:letters|characters)\s+(?:is|are)\s+(?:a\s+)?(?:capital(?:\s+letter)?|"
                r"capitali[sz]ed|upper-?case(?:\s+letter)?)\b", _I), ", with no capitalized letter"),
    # 'each of these keywords at least once: ...' is 'each of these keywords: ...' (each present is each at least once)
    (re.compile(r"(\beach\s+of\s+(?:these|the\s+following|the\s+listed)\s+(?:key ?words|words|terms))\s+at\s+least\s+once\b(?=[^\"\n:]{0,40}:)", _I), r"\1"),
    # 'works in each of these keywords' is 'includes each of these keywords'
    (re.compile(r"\bworks?\s+in\s+(?=(?:each|every\s+one|all)\s+of\s+(?:these|the\s+following|the\s+listed)\s+(?:key ?words|words|terms)\b)", _I), "includes "),
    # 'the reply as a whole begins with ...' is 'the reply begins with ...' (its start and end are the whole reply's; elsewhere
    # 'as a whole' says the whole reply and is kept: 'the output as a whole is parseable JSON')
    (re.compile(r"\b(the\s+(?:reply|response|answer|output))\s+as\s+a\s+whole\s+(?=(?:begins|starts|opens|ends|closes)\b)", _I), r"\1 "),
    # an unquoted example after a counted unit: 'the words written entirely in capital letters (e.g. URGENT)'
    (re.compile(r"(\b(?:words?|letters|capitals|caps|placeholders?|sections?|bullets?|points?))\s*\((?:e\.g\.|for\s+example|such\s+as|like)\s*,?\s*"
                r"[A-Za-z0-9][\w'-]{0,20}\)", _I), r"\1"),
    # 'clear of' is 'free of': 'the response is clear of "x" or "y"'
    (re.compile(r"\b(is|are|stays?|remains?|be|being)\s+clear\s+of\b", _I), r"\1 free of"),
    # a number said twice: 'five (5) words' is '5 words'
    (re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                r"eighteen|nineteen|twenty|thirty|forty|fifty|hundred)\s*\((\d+)\)", _I), r"\1"),
    # 'without one capital letter' is 'without a single capital letter' (not a count of one)
    (re.compile(r"\bwithout\s+one\s+(?=[a-z])", _I), "without a single "),
    # a bullet's form after the unit: ', each on a line that starts with a markdown bullet such as * or -'
    (re.compile(r"(\bbullet\s+(?:points?|items?)|\bbullets)\s*,\s*each\s+(?:(?:on|in)\s+(?:a|its\s+own)\s+line\s+(?:that\s+)?|(?:a\s+)?line\s+that\s+)?"
                r"(?:starts|begins|starting|beginning)\s+with\s+(?:(?:a\s+)?(?:markdown\s+)?(?:bullet(?:\s+(?:marker|symbol|character))?|marker|symbol)"
                r"(?:\s*,?\s*(?:such\s+as|like|e\.g\.,?)?\s*[*+\u2022-](?:\s*(?:or|,|/)\s*[*+\u2022-])*)?|[*-]\s+or\s+[*-])(?=\s*[.;]?\s*$)", _I), r"\1"),
    # capitals restated after a capital-word unit: 'words in all caps, with every letter upper case'
    (re.compile(rf"(\bwords?\s+(?:written\s+)?in\s+(?:all\s+)?{_CAPS}|\b{_CAPS}\s+words?)\s*,?\s*(?:with\s+)?(?:every|each|all(?:\s+the)?)\s+"
                r"(?:letters?|characters?)\s+(?:(?:is|are|being)\s+)?(?:in\s+)?(?:upper ?case|capitali[sz]ed|capitals?|caps)\b", _I), r"\1"),
    # why capital words are used: 'all-caps words for emphasis'
    (re.compile(rf"(\b{_CAPS}\s+words?|\bwords?\s+(?:written\s+)?in\s+(?:all\s+)?{_CAPS})\s+(?:used\s+)?for\s+emphasis\b", _I), r"\1"),
]


# a plain keyword list before where it goes: 'Include keywords dog, day in the response.' (a strong cue only: 'keywords',
# 'the following words'; 'the words jargon in the response' may name a kind of word)
_LIST_IN_DOC = re.compile(r"\b(?P<cue>key ?words|(?:the\s+)?following\s+(?:words|terms))\s*:?\s+"
                          r"(?P<list>[a-z][\w'-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w'-]*)*(?:\s*,?\s+(?:and|or)\s+[a-z][\w'-]*)?)"
                          r"(?=\s+(?:in|within)\s+(?:the|your|this)\s+(?:response|answer|reply|output|text)\s*[.!]?\s*$)", _I)
_FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "those", "it", "its", "is", "are", "be",
                   "for", "with", "as", "by", "from", "which", "who", "their", "they", "them", "you", "your", "not", "any", "used", "given",
                   "listed", "above", "below", "mentioned", "provided", "specified", "such", "other", "all", "both", "each", "same", "only"}


def _quote_list(text: str) -> str:
    m = _LIST_IN_DOC.search(text)
    if m is None or QUOTE_RE.search(text):
        return text
    items = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s*,?\s+(?:and|or)\s+", m.group("list")) if w]
    if not items or any(w.lower() in _FUNCTION_WORDS for w in items):
        return text
    if any(w.lower().endswith("ly") for w in items) and sum(not w.lower().endswith("ly") for w in items) < 2:
        return text  # 'Include keywords correctly in the response': an adverb, not a list
    joiner = " or " if re.search(r"\bor\b", m.group("list"), _I) else " and "
    listed = '"' + items[0] + '"' if len(items) == 1 else ", ".join(f'"{w}"' for w in items[:-1]) + joiner + f'"{items[-1]}"'
    return text[:m.start("list")] + listed + text[m.end("list"):]


# a list named by what it is for, ending the criterion: 'never uses the banned words jock' (the adjective makes one word a list)
_NAMED_LIST_END = re.compile(r"\b(?P<cue>(?:banned|forbidden|prohibited|disallowed|required|mandatory)\s+(?:key ?words|words|terms))\s*:?\s+"
                             r"(?P<list>[a-z][\w'-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w'-]*)*(?:\s*,?\s+(?:and|or)\s+[a-z][\w'-]*)?)\s*[.!]?\s*$", _I)
_DESCRIBING = {"here", "there", "themselves", "again", "too", "often", "anywhere", "everywhere", "instead", "correctly", "properly", "below",
               "above", "given", "listed", "mentioned", "provided", "specified", "requested", "shown", "earlier", "previously"}
# each of a quoted list at least once: 'uses each of the required words "x" at least once' is 'uses all of the required words "x"'
_EACH_ONCE = re.compile(r"\beach\s+of\s+the\s+(?P<cue>(?:(?:required|following|listed|given|specified)\s+)?(?:key ?words|words|terms))\s+"
                        r"(?P<list>[\"\u201c][^\"\u201d\n]{1,60}[\"\u201d](?:\s*(?:,|\band\b|,\s*and\b)\s*[\"\u201c][^\"\u201d\n]{1,60}[\"\u201d])*)"
                        r"\s+at\s+least\s+once\b(?=\s*[.!]?\s*$)", _I)


# a plain list after a colon that ends the criterion, named as a list of words: '... each of these keywords at least once
# (case doesn't matter): cat, dog.'
_COLON_LIST = re.compile(r"\b(?:these|the\s+following|the\s+listed)\s+(?:key ?words|words|terms)\b[^:\"\n]{0,60}:\s+"
                         r"(?P<list>[a-z][\w'-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w'-]*)*(?:\s*,?\s+(?:and|or)\s+[a-z][\w'-]*)?)\s*[.!]?\s*$", _I)


def _named_list(text: str) -> str:
    m = _NAMED_LIST_END.search(text) or _COLON_LIST.search(text)
    if m is not None and not QUOTE_RE.search(text):
        items = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s*,?\s+(?:and|or)\s+", m.group("list")) if w]
        if items and not any(w.lower() in _FUNCTION_WORDS or w.lower() in _DESCRIBING for w in items):
            joiner = " or " if re.search(r"\bor\b", m.group("list"), _I) else " and "
            listed = ", ".join(f'"{w}"' for w in items[:-1]) + (joiner if len(items) > 1 else "") + f'"{items[-1]}"'
            return text[:m.start("list")] + listed + text[m.end("list"):]
    m = _EACH_ONCE.search(text)
    if m is not None and not _negated(text[:m.start()]):  # 'never uses each of ...' is not 'never uses all of ...'
        return text[:m.start()] + f"all of the {m.group('cue')} {m.group('list')}" + text[m.end():]
    return text


def spell_forms(text: str) -> str:
    """``text`` with a unit's form restated beside it read as the unit alone (outside quotations), and a plain
    keyword list before where it goes quoted."""
    said = indicative(text)  # 'It is necessary that the reply be ...' -> 'The reply is ...' (never 'is not necessary')
    return _named_list(_quote_list(_spell(cap(said) if said is not None else text, _FORMS)))
