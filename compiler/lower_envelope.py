"""The envelope a rubric writer puts around a criterion: a severity tag, a JSON rubric object, a reason said first, score
anchors.

    [Critical] The answer contains no commas.
    {"criterion": "No comma characters appear anywhere in the answer.", "weight": 5, "type": "format"}
    Since the user doesn't want "x" overused, the reply must use it less than 3 times.
    Good: 10 or more markdown highlights. Bad: fewer than 10 highlighted sections.
    Whether the reply contains at least 2 sections, each starting with 'SECTION' followed by its number.
    The sentence limit is respected only when the reply stays below 26 sentences.

:func:`envelope` returns the criterion inside (its pronouns taken from the reason, as a user's wish's are:
:func:`rubricc.compiler.lower_wish.resolve`) and the asides it must agree with: the reason and a JSON object's name are
labels that must read as no other check. A criterion said as the question a grader decides ('Whether X', a score
rubric's criteria field) is the statement X. A requirement said to hold when a clause does ('The <name> requirement
holds / is met / is satisfied only when X') is X, its pronouns taken from the name ('the frequency limit on "x" holds
only if the reply mentions it ...'), the name kept as a ``name`` aside that must say what the check is about
(:func:`rubricc.compiler.lower_review.name_agrees`). A test question with its answer key ('Q: How many sentences does
the reply contain? Key: 50 or more.') is the statement the key makes true (:mod:`rubricc.compiler.lower_question`), and
so is a tally-sheet line with its pass value ('Commas in the reply: ___ (pass only at 0)',
:mod:`rubricc.compiler.lower_tally`). A purpose said first ('To earn this item, the reply must X') is the requirement X. A
past-tense report of the model and a criterion with the user as the subject are said of the reply
(:mod:`rubricc.compiler.lower_report`). A topic said first ('As for bullets, the reply has exactly 3 of them') is the requirement with the
topic for its pronouns, the topic a ``topic`` aside that must name what the check is about (:mod:`rubricc.compiler.lower_topic`). A
reward item's description ('This item rewards the response for X-ing'), a means clause after a requirement's name, a
contrast said first ('Rather than X, the response Y': X a ``rather`` aside), 'The response is one in which ...', a result
clause and a possessive attribute are the plain statement inside (:mod:`rubricc.compiler.lower_relative`). A
quality-control spec line ('Spec: word count, lower limit 600 (inclusive). The response is within spec.') is the
statement of its parts (:mod:`rubricc.compiler.lower_spec`); 'Compliance means X', 'The response and the instruction
agree on T: X' (T a ``topic`` aside) and 'The response does indeed V' are X, V (:mod:`rubricc.compiler.lower_affirm`). A
frame of grading words only before a statement ('It is confirmed here that the reply X') is the statement
(:mod:`rubricc.compiler.lower_meta`). A severity or priority tag is a weight, not a requirement. A JSON object is
read only as a rubric item: one text field, the other keys among those rubric files carry (weight, type, category,
...), and no key or value that turns the item around ('penalty', 'negative'); any other JSON, or text that only looks
like JSON, returns None (it stays neural: its keys are no requirement, and a check read off them would be wrong).
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable, List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE

# '[Critical] ', '(Major) ', '[P1] ', '[must-have]': a weight in brackets before the criterion
_SEVERITY = re.compile(r"^\s*[\[(]\s*(?:critical|major|minor|high|medium|low|severe|moderate|blocker|essential|important|optional|"
                       r"must(?:[- ]have)?|should(?:[- ]have)?|nice[- ]to[- ]have|required|bonus|p[0-4]|sev[- ]?[0-4]|"
                       r"(?:high|medium|low)[- ]priority|priority\s*:\s*\w+|severity\s*:\s*\w+)\s*[\])]\s*[:\u2013\u2014-]?\s*(?=\S)", _I)

# a JSON rubric item: the field that holds the criterion, a name for it, and the keys rubric files carry beside them
_TEXT_KEYS = ("criterion", "description", "requirement", "text", "check", "rule", "item", "statement", "criteria")
_NAME_KEYS = ("name", "title", "label", "short_name")
_OTHER_KEYS = {"weight", "points", "score", "type", "category", "importance", "severity", "priority", "tags", "tag", "axis",
               "dimension", "level", "id", "key", "group", "section", "aspect", "max_points", "max_score"}
_TURNED = re.compile(r"penal|negativ|pitfall|deduct|violat|anti-?pattern|undesir|red[- ]flag", _I)

# a reason first: 'Because the user ..., the reply must ...', 'Since the prompt ..., the output must ...' (never a condition:
# 'As long as the topic is sports, the reply must ...' is not read here)
_REASON = re.compile(r"^\s*(?:because|since|given\s+that|seeing\s+that|as(?!\s+(?:long|soon|if|though|well|much|far|far\s+as|for|to|regards)\b))\s+(?=\S)", _I)
_REQUIRED = re.compile(r"(?:the|your|its)\s+(?:(?:whole|entire|full|final|complete)\s+)?(?:reply|response|answer|output|completion|text)\s+"
                       r"(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|ought\s+to|is\s+(?:required|expected)\s+to|cannot|can't|may\s+not)\b", _I)


def envelope(text: str) -> Tuple[Optional[str], Asides]:
    """(the criterion inside its envelope, the asides it must agree with); (text, []) when there is none; (None, [])
    for JSON that is no rubric item."""
    inner, asides = text, []  # type: str, Asides
    m = _SEVERITY.match(inner)
    if m:
        inner = inner[m.end():]
    if inner.lstrip().startswith("{"):
        got = _json_item(inner)
        if got is None:
            return None, []
        inner, asides = got
        m = _SEVERITY.match(inner)
        inner = inner[m.end():] if m else inner
    said = _whether(inner) or _holds_when(inner) or _keyed(inner) or _tallied(inner) or _for_credit(inner) or \
        _relative(inner) or _spec(inner) or _affirmed(inner) or _respoken(inner) or _classed(inner) or _with_failing(inner) or _topic_first(inner) or \
        _reason_first(inner) or _meta_framed(inner)
    if said is not None:
        inner, asides = said[0], asides + said[1]
    anchored = _anchors(inner)
    if anchored is not None:
        inner, asides = anchored[0], asides + anchored[1]
    return (inner.strip(), asides) if inner != text else (text, [])


# score anchors: 'Good: 10 or more highlights. Bad: fewer than 10.' (the criterion is the good anchor; the bad one names
# the failure, a fail branch that must agree); data the writer puts last ('... The request: <prompt>') is the good one's
_ANCHOR_GOOD = re.compile(r"^\s*(?:good|pass|passes|acceptable|meets)\s*:\s*(?=\S)", _I)
_ANCHOR_BAD = re.compile(r"(?<=[.!?;])\s+(?:bad|fail|fails|unacceptable|does\s+not\s+meet)\s*:\s*(?=\S)", _I)
_ANCHOR_DATA = re.compile(r"(?<=[.!?])\s+(?=the\s+(?:request|prompt|original\s+request|phrase|question)\s*:)", _I)


def _anchors(text: str) -> Optional[Tuple[str, Asides]]:
    """(the good anchor, with any data the bad one carries last; the bad anchor as a ``fail_branch``) or None."""
    good = _ANCHOR_GOOD.match(text)
    spans = quote_spans(text)
    bad = next((m for m in _ANCHOR_BAD.finditer(text) if not in_quotes(spans, m.start())), None) if good else None
    if bad is None:
        return None
    failing, data = text[bad.end():], ""
    cut = next((m for m in _ANCHOR_DATA.finditer(failing) if not in_quotes(quote_spans(failing), m.start())), None)
    if cut is not None:
        failing, data = failing[:cut.start()], " " + failing[cut.end():]
    return cap(text[good.end():bad.start()].strip()) + data, [("fail_branch", failing.strip().rstrip("."))]


# the object as an LLM often writes it, the text field's inner quotes unescaped: '{"criterion": "Uses "x" twice", "weight": 2}'
_LOOSE = re.compile(r'^\{\s*"(?P<k>[a-z_]+)"\s*:\s*"(?P<v>.*?)"\s*(?P<rest>(?:,\s*"[a-z_]+"\s*:\s*(?:-?\d+(?:\.\d+)?|"[^"\\]*"|true|false|null)\s*)*)\}$', re.S)


def enveloped(text: str, lower: Callable[[str], Any], agrees: Callable[[Any, str, str], bool]) -> Tuple[bool, Any]:
    """(True, ``lower`` of the criterion inside its envelope when every aside ``agrees`` with it, else None) when the text
    has an envelope; (False, None) when it has none, or when a reason or tag's inside reads as nothing (the whole text is
    then read as it was; never a JSON object's)."""
    if not text or not text.strip():
        return False, None
    inner, asides = envelope(text.strip())
    if inner is None:
        return True, None  # JSON that is no rubric item
    if inner == text.strip():
        return False, None
    got = lower(inner)
    if got is None and not text.lstrip().startswith("{") and _anchors(text.strip()) is None and not _definite(text.strip()):
        return False, None  # (never for anchors: read whole, the bad one would be read as the criterion)
    return True, got if got is not None and all(agrees(got, kind, aside) for kind, aside in asides) else None


def _definite(text: str) -> bool:
    """True for a frame whose statement is all it asks, so that a statement read as no check leaves the whole neural: a
    spec line and a grader's affirmation ('Compliance means the answer is polite and has no commas' is not read whole
    as the comma check alone)."""
    from rubricc.compiler.lower_affirm import affirmed
    from rubricc.compiler.lower_spec import spec

    return spec(text) is not None or affirmed(text) is not None


def _json_item(text: str) -> Optional[Tuple[str, Asides]]:
    try:
        obj = json.loads(text.strip())
    except ValueError:
        m = _LOOSE.match(text.strip())
        if m is None or m.group("k") not in _TEXT_KEYS:
            return None
        try:
            obj = {m.group("k"): m.group("v"), **json.loads("{" + m.group("rest").strip().lstrip(",") + "}")}
        except ValueError:
            return None
    if not isinstance(obj, dict):
        return None
    texts = [obj[k] for k in _TEXT_KEYS if k in obj]
    if len(texts) != 1 or not isinstance(texts[0], str) or not texts[0].strip():
        return None
    asides: Asides = []
    for key, value in obj.items():
        k = key.lower()
        if k in _TEXT_KEYS:
            continue
        if k in _NAME_KEYS and isinstance(value, str):
            if _TURNED.search(value):
                return None
            asides.append(("label", value))
        elif k in _OTHER_KEYS:
            values = value if isinstance(value, list) else [value]
            if any(isinstance(v, (dict, list)) or isinstance(v, str) and _TURNED.search(v) for v in values):
                return None  # a penalty item or a nested structure: not this reader's
        else:
            return None  # a key no rubric item carries ('negate', 'pass_if'): it may turn the item around
    return texts[0], asides


# 'Whether X', 'Whether or not X', 'X, or not': the statement X; a grader's 'For me to pass this, X' and a verifier's
# 'Claim: X': X
_WHETHER = re.compile(r"^\s*(?:whether(?:\s+or\s+not)?\s+|(?:claim|statement|assertion)\s*:\s*|for\s+me\s+to\s+(?:pass|accept|mark)\s+(?:this|it)(?:\s+as\s+met)?\s*,\s+)(?=\S)", _I)
_OR_NOT = re.compile(r",?\s+or\s+not(?=\s*[.?]?\s*(?:$|\s+the\s+(?:request|prompt|phrase)\s*:))", _I)
# 'The all-caps limit holds only when X', 'The frequency limit on "x" is satisfied only if X', 'The placeholder
# requirement is satisfied once X': the name (what the requirement is about) and the clause X
_HOLDS = re.compile(r"^\s*(?:the|this)\s+(?P<name>[^.;:!?]{0,60}?\b(?:requirement|rule|limit|cap|constraint|criterion|condition|"
                    r"restriction|minimum|maximum|check|test|item)(?:\s+(?:on|for)\s+[^.;:!?]{1,60}?)?)\s+"
                    r"(?:holds|is\s+(?:met|satisfied|fulfilled|respected|honou?red|observed|passed|kept)|passes)\s+"
                    r"(?:only\s+)?(?:when|if|once|provided(?:\s+that)?|so\s+long\s+as|as\s+long\s+as)\s+(?=\S)", _I)
# the name's thing as a possessive: 'its case-insensitive count in the reply' -> 'the case-insensitive count of 'a' ...'
_ITS = re.compile(r"\bits\s+(?P<n>(?:[\w-]+\s+)?(?:count|number\s+of\s+occurrences|frequency|tally))\b", _I)


def _whether(text: str) -> Optional[Tuple[str, Asides]]:
    """'Whether the reply contains no commas.' -> ('The reply contains no commas.', []), else None."""
    m = _WHETHER.match(text)
    if not m:
        return None
    said = text[m.end():]
    spans = quote_spans(said)
    cut = next((o for o in _OR_NOT.finditer(said) if not in_quotes(spans, o.start())), None)
    if cut is not None:
        said = said[:cut.start()] + said[cut.end():]
    return cap(said.strip()), []


# a purpose said first: 'To earn this item, the reply must X', 'For this item to be awarded, ...', 'For credit, ...': the
# requirement after it (only one said of the response)
_FOR_CREDIT = re.compile(r"^\s*(?:(?:in\s+order\s+)?to\s+(?:earn|get|receive|gain|score|be\s+(?:given|awarded))|for)\s+(?:this\s+|the\s+|a\s+|full\s+)?"
                         r"(?:item|point|points|mark|marks|credit|criterion|pass)(?:\s+to\s+be\s+(?:awarded|given|earned|granted|met))?\s*,\s+"
                         r"(?=(?:the|your)\s+(?:(?:whole|entire|full|final)\s+)?(?:reply|response|answer|output)\b)", _I)


def _for_credit(text: str) -> Optional[Tuple[str, Asides]]:
    """'To earn this item, the reply must X.' -> ('The reply must X.', []), else None."""
    m = _FOR_CREDIT.match(text)
    return (cap(text[m.end():].strip()), []) if m else None


def _relative(text: str) -> Optional[Tuple[str, Asides]]:
    """A reward item's description, a means clause after a requirement's name, 'Rather than X, ...', 'one in which ...',
    a result clause, a possessive attribute (:mod:`rubricc.compiler.lower_relative`), else None."""
    from rubricc.compiler.lower_relative import relative

    return relative(text)


def _spec(text: str) -> Optional[Tuple[str, Asides]]:
    """A quality-control spec line said as the statement of its parts (:mod:`rubricc.compiler.lower_spec`), else None."""
    from rubricc.compiler.lower_spec import spec

    said = spec(text)
    return (said, []) if said is not None else None


def _affirmed(text: str) -> Optional[Tuple[str, Asides]]:
    """'Compliance means X', 'The response and the instruction agree on T: X', 'The response does indeed V'
    (:mod:`rubricc.compiler.lower_affirm`), else None."""
    from rubricc.compiler.lower_affirm import affirmed

    return affirmed(text)


def _meta_framed(text: str) -> Optional[Tuple[str, Asides]]:
    """The statement after a frame of grading words only ('It is confirmed here that the reply X')
    (:mod:`rubricc.compiler.lower_meta`), else None."""
    from rubricc.compiler.lower_meta import meta_framed

    said = meta_framed(text)
    return (said, []) if said is not None else None


def _respoken(text: str) -> Optional[Tuple[str, Asides]]:
    """A past-tense report of the model ('The model wrote ...') or the user as the subject ('The user receives a reply
    with ...'), said of the reply (:mod:`rubricc.compiler.lower_report`); an outcome (:mod:`rubricc.compiler.lower_outcome`);
    a 'That ...' clause as the subject, a concessive opening or an observer (:mod:`rubricc.compiler.lower_framed`); a team-chat
    note (:mod:`rubricc.compiler.lower_chat`); the predicate first or a 'With ...' opener (:mod:`rubricc.compiler.lower_inverted`);
    a product person's target talk (:mod:`rubricc.compiler.lower_target`); else None."""
    from rubricc.compiler.lower_outcome import outcome
    from rubricc.compiler.lower_report import from_user, present

    from rubricc.compiler.lower_chat import chat
    from rubricc.compiler.lower_framed import concessive, observed, that_clause
    from rubricc.compiler.lower_inverted import inverted, nth_of, with_opener
    from rubricc.compiler.lower_target import plainly, target

    said = present(text) or from_user(text) or outcome(text) or that_clause(text) or concessive(text) or observed(text) or \
        chat(text) or inverted(text) or with_opener(text) or nth_of(text) or target(text) or \
        plainly(text)
    return (said, []) if said is not None else None


def _classed(text: str) -> Optional[Tuple[str, Asides]]:
    """'The response counts as keyword-complete: it contains each of "cat".' -> ('The response contains each of "cat".',
    [('class', 'keyword-complete')]) (:func:`rubricc.compiler.lower_target.classed`), else None."""
    from rubricc.compiler.lower_target import classed

    return classed(text)


def _with_failing(text: str) -> Optional[Tuple[str, Asides]]:
    """'With X, the response loses the point.' -> ('The response has X.', [('veto', ...)]): a failure said after the
    condition; whatever X lowers to, the criterion stays neural (:func:`rubricc.compiler.lower_inverted.with_failing`)."""
    from rubricc.compiler.lower_inverted import with_failing

    said = with_failing(text)
    return (said, [("veto", "a failure after a 'With ...' opener")]) if said is not None else None


def _topic_first(text: str) -> Optional[Tuple[str, Asides]]:
    """'As for bullets, the reply has exactly 3 of them' -> ('The reply has exactly 3 bullets', [('topic', 'bullets')])
    (:func:`rubricc.compiler.lower_topic.topical`), else None."""
    from rubricc.compiler.lower_topic import topical

    return topical(text)


def _keyed(text: str) -> Optional[Tuple[str, Asides]]:
    """'Q: How many sentences does the reply contain? Key: 50 or more.' -> ('The reply contains 50 or more sentences.',
    []) (:func:`rubricc.compiler.lower_question.answered`), else None."""
    from rubricc.compiler.lower_question import answered

    said = answered(text)
    return (said, []) if said is not None else None


def _tallied(text: str) -> Optional[Tuple[str, Asides]]:
    """'Commas in the reply: ___ (pass only at 0)' -> ('The reply contains no commas.', [])
    (:func:`rubricc.compiler.lower_tally.tallied`), else None."""
    from rubricc.compiler.lower_tally import tallied

    said = tallied(text)
    return (said, []) if said is not None else None


# 'Your reply is right on track as long as it has no commas': the reply itself said to be fine when it does X
_FINE_WHEN = re.compile(r"^\s*(?:the|your|my|this)\s+(?P<doc>reply|response|answer)\s+is\s+(?:(?:right|well|all|only)\s+)?(?:on\s+track|fine|good|"
                        r"okay|ok|in\s+good\s+shape|set|acceptable|golden)\s+(?:only\s+)?(?:as\s+long\s+as|so\s+long\s+as|provided(?:\s+that)?|if)\s+"
                        r"it\s+(?P<x>(?:is|has|does|contains|uses|includes|ends|begins|starts|stays|keeps|avoids)\b.+)$", _I | re.S)


def _holds_when(text: str) -> Optional[Tuple[str, Asides]]:
    """'The <name> requirement holds only when X' -> (X with its pronouns resolved, [('name', name)]); 'Your reply is
    on track as long as it X' -> ('The reply X', []); else None."""
    from rubricc.compiler.lower_wish import resolve

    f = _FINE_WHEN.match(text)
    if f:
        return f"The {f.group('doc').lower()} {f.group('x')}", []
    m = _HOLDS.match(text)
    if not m or in_quotes(quote_spans(text), m.end() - 1):
        return None
    name, clause = m.group("name"), text[m.end():]
    data = list(QUOTE_RE.finditer(name))
    if len(data) == 1:
        clause = _ITS.sub(lambda i: f"the {i.group('n')} of {data[0].group(0)}", clause)
    said = resolve(clause, name)
    return (cap(said.strip()), [("name", name)]) if said is not None else None


def _reason_first(text: str) -> Optional[Tuple[str, Asides]]:
    """'Because X, the reply must Y' -> ('The reply must Y' with X's pronouns resolved, [('label', X)]), else None."""
    from rubricc.compiler.lower_wish import resolve

    m = _REASON.match(text)
    if not m:
        return None
    spans = quote_spans(text)
    for comma in re.finditer(r",\s+", text):
        if in_quotes(spans, comma.start()) or not _REQUIRED.match(text, comma.end()):
            continue
        reason, tail = text[m.end():comma.start()].strip(), text[comma.end():]
        said = resolve(tail, reason)
        if not reason or said is None:
            return None  # a pronoun standing for nothing, or the reason's data not the requirement's
        return cap(said), [("label", text[:comma.start()].strip())]
    return None
