"""The topic said first (issue 15, round 23, from held-out set 29 after its one measurement): a rubric writer names
the aspect, then says the requirement of the reply, its pronouns standing for the aspect.

    As for commas, the response uses none at all.                    -> The response uses no commas at all.
    As for bullets, the response has exactly 3 of them, ...          -> The response has exactly 3 bullets, ...
    When it comes to the word schedule, the response uses it 6 or more times.
                                                                     -> The response uses the word "schedule" 6 or more times.
    As for the words sleep, cook, feed, the response avoids all of them.
                                                                     -> The response avoids each of "sleep", "cook", "feed".
    As for paragraphs, the response has exactly 2, with the divider *** between them.
                                                                     -> The response has exactly 2 paragraphs, ...
    As for a postscript, the response has one, and it starts with P.S.
                                                                     -> The response has a postscript, ...

:func:`topical` returns the requirement and the topic as a ``topic`` aside. The topic is never dropped unread:
:func:`topic_agrees` keeps the lowered check only when the topic names what the check is about ('As for length, the reply
has no commas' stays neural) or is the data the check reads (the word, the letter, the listed words). A topic that narrows
the reply to a part of it ('As for the first paragraph, ...', 'As for the conclusion, ...') or names a quality ('As for
tone, ...') vetoes the requirement after it: a check of the whole reply would not be what it asks.
"""
from __future__ import annotations

import re
from typing import Any, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans
from rubricc.compiler.lower_review import _ABOUT, name_agrees
from rubricc.compiler.lower_voices4 import Asides

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|text|completion)"
_FRAME = re.compile(r"^\s*(?:as\s+(?:for|to|regards)|when\s+it\s+comes\s+to|regarding|concerning|with\s+(?:regard|respect)\s+to|"
                    r"in\s+terms\s+of|on\s+the\s+(?:subject|matter|question)\s+of|speaking\s+of|on)\s+(?=\S)", _I)
_SUBJECT = re.compile(rf"(?:the|your|its)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC}\b(?!['\u2019]s)", _I)
# a topic that narrows the reply to a part of it
_NARROW = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|closing|\d+(?:st|nd|rd|th)|"
                     r"conclusion|introduction|intro|body|middle|each|every|some|most|part|portion|half|line|lines|heading|"
                     r"headings|list|table|code|example|examples|tone|content|substance|accuracy|quality|style)\b", _I)
# aspects a check is about, beyond the names a review gives a check (:func:`rubricc.compiler.lower_review.name_agrees`)
_ASPECTS = [
    (r"opening|beginning|start", ("starts_with", "repeats_prompt")),
    (r"punctuation", ("no_commas", "wrapped_in_quotes")),
    (r"structure|layout", ("two_responses", "section_count", "paragraph_count", "paragraph_first_word")),
    (r"vocabulary|word\s+choice|wording", ("keywords_present", "keywords_absent", "keyword_frequency")),
    (r"format(?:ting)?", ("is_json", "bullet_count", "has_title", "highlighted_sections", "section_count", "two_responses",
                          "wrapped_in_quotes", "any_phrase_present")),
]
# a topic that names something a check is about: a review's names for a check (:data:`rubricc.compiler.lower_review._ABOUT`)
# and the aspects above, one list for both
_KNOWN = re.compile(r"\b(?:" + "|".join(pat for pat, _ in _ABOUT + _ASPECTS) + ")", _I)
_WHOLE = re.compile(rf"^\s*(?:the\s+)?(?:(?:whole|entire)\s+)?{_DOC}(?:\s+itself|\s+as\s+a\s+whole)?\s*$", _I)
# the listed words of a topic: 'the words sleep, cook, feed', 'the word schedule', 'the terms "a" and "b"'
_WORDS = re.compile(r"^(?:the\s+)?(?P<k>words?|terms?|keywords?)\s+(?P<l>[^\s\"'\u201c].*)$", _I)
# counts said by a pronoun or left bare, given the topic's noun
_N_OF_THEM = re.compile(r"\b(?P<n>\d[\d,]*(?:\s+or\s+(?:more|fewer|less))?)\s+of\s+them\b", _I)
_ALL_OF_THEM = re.compile(r"\b(?:all|each|every\s+one|both)\s+of\s+them\b", _I)
_NONE = re.compile(r"\b(?P<v>uses|has|contains|includes|features|shows)\s+none(?:\s+of\s+them)?\b", _I)
_BARE = re.compile(r"\b(?P<r>(?:has|contains|includes|stays|remains|keeps)\s+(?:(?:exactly|precisely|only|at\s+least|at\s+most|under|below|"
                   r"fewer\s+than|less\s+than|no\s+more\s+than)\s+)?)(?P<n>\d[\d,]*)(?P<after>\s+or\s+(?:more|fewer|less))?(?=\s*(?:[,.;]|$))", _I)
# the unit a topic names: a plural noun phrase, or an aspect said as a measure
_UNIT_OF = [(r"^(?:length\s+in\s+sentences|sentence\s+count|number\s+of\s+sentences)$", "sentences"),
            (r"^(?:length|word\s+count|length\s+in\s+words|number\s+of\s+words)$", "words"),
            (r"^(?:paragraph\s+count|number\s+of\s+paragraphs)$", "paragraphs")]
_PLURAL = re.compile(r"^(?:[a-z-]+\s+){0,2}[a-z-]+s(?:\s+(?:in|with|of)\s+[a-z -]+)?$", _I)


def _unit(topic: str) -> Optional[str]:
    """The noun a bare count of the topic counts ('bullets', 'all-caps words', 'sentences' for 'length in sentences')."""
    t = re.sub(r"\s+", " ", topic.strip()).lower()
    for pat, unit in _UNIT_OF:
        if re.match(pat, t):
            return unit
    if QUOTE_RE.search(t) or re.match(r"the\s+(?:words?|terms?|keywords?)\b", t) or _NARROW.search(t) or not _PLURAL.match(t) \
            or t in ("keywords", "words"):
        return None
    return t


def _quote_words(topic: str) -> str:
    """'the words sleep, cook, feed' -> 'the words "sleep", "cook", "feed"' (a topic's unquoted words as data)."""
    m = _WORDS.match(topic.strip())
    if not m or QUOTE_RE.search(topic):
        return topic
    items = [w.strip() for w in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("l")) if w.strip()]
    if not items or any(not re.fullmatch(r"[\w'-]+", w) for w in items):
        return topic
    return f"the {m.group('k')} " + ", ".join(f'"{w}"' for w in items)


def counted(tail: str, unit: Optional[str]) -> str:
    """``tail`` with counts of ``unit`` said by a pronoun or left bare given the unit ('has exactly 3 of them', 'uses none',
    'has exactly 2,' -> 'has exactly 3 bullets', 'uses no commas', 'has exactly 2 paragraphs,')."""
    if unit is None:
        return tail
    tail = _N_OF_THEM.sub(lambda n: f"{n.group('n')} {unit}", tail)
    tail = _NONE.sub(lambda n: f"{n.group('v')} no {unit}", tail)
    return _BARE.sub(lambda n: f"{n.group('r')}{n.group('n')} {unit}{n.group('after') or ''}", tail, count=1)


def unit_named(noun_phrase: str) -> Optional[str]:
    """The unit a plural noun phrase names ('the paragraphs' -> 'paragraphs'), or None."""
    return _unit(re.sub(r"^the\s+", "", noun_phrase.strip(), flags=_I))


def topical(text: str) -> Optional[Tuple[str, Asides]]:
    """('The response X' with the topic's pronouns and bare counts resolved, [('topic', topic)]) for a criterion said
    with its topic first, else None."""
    m = _FRAME.match(text)
    if not m:
        return None
    spans = quote_spans(text)
    comma = next((c for c in re.finditer(r",\s+", text) if c.start() > m.end() and not in_quotes(spans, c.start())
                  and _SUBJECT.match(text, c.end())), None)
    if comma is None:
        return None
    topic = text[m.end():comma.start()].strip()
    if _grading_only(topic):  # 'On inspection, the response ...', 'On review, ...': a grader's frame, no topic
        return cap(text[comma.end():].strip()), []
    return about(topic, text[comma.end():])


def _grading_only(topic: str) -> bool:
    from rubricc.compiler.lower_meta import GLUE, META

    words = re.findall(r"[a-z]+", topic.lower())
    return bool(words) and all(w in META for w in words) and not all(w in GLUE for w in words) and not QUOTE_RE.search(topic)


def about(topic: str, tail: str) -> Optional[Tuple[str, Asides]]:
    """('The response X' with the topic's pronouns and bare counts resolved, [('topic', topic)]) for a requirement ``tail``
    said of ``topic``, else None."""
    from rubricc.compiler.lower_wish import resolve

    if not topic:
        return None
    if _NARROW.search(QUOTE_RE.sub(" ", topic)):
        return cap(tail.strip()), [("veto", topic)]  # 'As for the conclusion, the reply has no commas': about a part only
    topic = _quote_words(topic)
    tail = counted(tail, _unit(topic))
    if re.match(r"the\s+(?:(?:word|term|keyword)\s+\"[^\"]+\"|letter\s+\"?[a-z]\"?)$", topic, _I):
        # 'it appears at least 6 times', 'counting both cases, it occurs ...': the word (the letter) does
        tail = re.sub(r"^(?P<pre>\s*(?:(?:counting|ignoring|regardless\s+of|whether)\b[^,]*,\s*)?)it\s+(?=(?:appears|occurs|is\s+used|shows\s+up|"
                      r"turns\s+up|comes\s+up)\b)", lambda m: (m.group("pre") + topic + " ") if m.group("pre") else cap(topic) + " ",
                      tail, count=1, flags=_I)
    listed = re.match(r"the\s+(?P<k>words|terms|keywords)\s+(?P<d>\".*\")$", topic, _I)
    if listed:  # 'avoids all of them' -> 'avoids the words "a", "b"' (read as a list, its notes with it)
        tail = _ALL_OF_THEM.sub(f"the {listed.group('k')} {listed.group('d')}", tail)
    said = resolve(tail, topic)
    if said is None:
        return None
    return cap(said.strip()), [("topic", topic)]


def known_topic(topic: str) -> bool:
    """True when a topic or a requirement's name says what it is about in words the checks are known by ('keyword',
    'paragraph', 'length'); 'the tone requirement' says nothing a check is about."""
    bare = QUOTE_RE.sub(" ", topic)
    return bool(_KNOWN.search(bare))


def topic_agrees(name: str, args: Any, topic: str) -> bool:
    """True when the topic names what the check ``name`` is about, or is the data it reads (a word, a letter, listed
    words); a topic that names nothing known agrees with no check."""
    bare = QUOTE_RE.sub(" ", topic)
    if _WHOLE.match(bare):
        return True  # 'As for the answer itself, ...': the topic is the reply
    for pat, checks in _ASPECTS:
        if re.search(rf"\b(?:{pat})\b", bare, _I):
            return name in checks
    if known_topic(bare):
        return name_agrees(name, topic)
    data = [q.group(0)[1:-1].lower() for q in QUOTE_RE.finditer(topic)]
    if not data or not re.match(r"(?:the\s+)?(?:words?|terms?|keywords?)\s", topic.strip(), _I):
        return False
    held = {str(v).lower() for v in (args or {}).values() if isinstance(v, str)}
    held |= {str(w).lower() for v in (args or {}).values() if isinstance(v, list) for w in v}
    return name in ("keywords_present", "keywords_absent", "keyword_frequency") and all(d in held for d in data)
