"""Clauses a rubric writer hangs a plain statement of the reply on (issue 15, round 26, from held-out set 31 after its one
measurement), said plainly:

- a reward item's description: 'This item rewards the response for containing no commas at all.' -> 'The response
  contains no commas at all.' (every '-ing' verb of the description said as the finite verb: 'for having exactly 6
  paragraphs ... and for starting the second paragraph with ...' -> 'has exactly 6 paragraphs ... and starts the second
  paragraph with ...'; 'for not using' -> 'does not use');
- a means clause after a requirement's name: 'The response satisfies the keyword requirement by using every one of these
  keywords: "a"' -> 'The response uses every one of these keywords: "a"', the name a ``topic`` aside that must name
  what the check is about (read only where the name says something known: 'the tone requirement' is no format);
- a contrast said first: 'Rather than stopping short, the response runs to at least 600 words.' -> 'The response runs
  to at least 600 words.', the alternative a ``rather`` aside: one way the response could have gone that must read as
  no other check and be said in surface words ('Rather than including a title, ...' asks for more);
- 'one in which / whose / that / with / written ...': 'The response is one in which no comma appears.' -> 'In the
  response, no comma appears.'; 'one whose length is ...' -> "The response's length is ..."; 'one written in English in
  which every letter is a capital letter' -> 'The response is written in English, and in it every letter is ...';
- a result clause: 'The response is written so that none of the words "a" appears in it.' -> 'None of the words "a"
  appears in the response.' ('it' and 'its' the response; a bare quoted word counted there is 'the word "x"');
- a possessive attribute that is the response itself or a count: "The response's wording contains X" -> 'The response
  contains X'; "The response's language, throughout, is Russian" -> "The response's language is Russian throughout";
  "The response's paragraph count (...) is exactly 6, and ..." -> 'The response has exactly 6 paragraphs (...), and ...'.

Each function returns the statement (with its asides), or None when ``text`` is not in its form. Nothing else changes:
the other readers decide whether the statement is a check. Every rewrite stops at the colon data may follow (a request
to repeat is data however long).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_respell import cap, first_outside, sub_outside

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE
_DOC = r"(?:response|reply|answer|output)"

# the '-ing' verbs descriptions use, as the finite verb (one not listed keeps the text neural)
FINITE = {
    "being": "is", "having": "has", "doing": "does", "going": "goes", "putting": "puts", "using": "uses", "including": "includes",
    "containing": "contains", "comprising": "comprises", "terminating": "ends", "beginning": "begins", "starting": "starts", "opening": "opens", "ending": "ends",
    "finishing": "finishes", "closing": "closes", "concluding": "concludes", "enclosing": "encloses", "wrapping": "wraps",
    "avoiding": "avoids", "omitting": "omits", "excluding": "excludes", "leaving": "leaves", "highlighting": "highlights",
    "marking": "marks", "keeping": "keeps", "staying": "stays", "giving": "gives", "offering": "offers", "providing": "provides",
    "presenting": "presents", "writing": "writes", "making": "makes", "adding": "adds", "dividing": "divides",
    "splitting": "splits", "separating": "separates", "breaking": "breaks", "running": "runs", "consisting": "consists",
    "repeating": "repeats", "copying": "copies", "echoing": "echoes", "mentioning": "mentions", "featuring": "features",
    "placing": "places", "formatting": "formats", "limiting": "limits", "sticking": "sticks", "answering": "answers",
    "responding": "responds", "producing": "produces", "holding": "holds", "carrying": "carries", "reaching": "reaches",
    "totalling": "totals", "totaling": "totals", "numbering": "numbers", "listing": "lists", "showing": "shows",
    "appearing": "appears", "sitting": "sits", "parsing": "parses", "labelling": "labels", "labeling": "labels",
}
_GERUND = "|".join(sorted(FINITE, key=len, reverse=True))


def _base(finite: str) -> str:
    """The bare verb of a finite one ('uses' -> 'use', 'finishes' -> 'finish', 'copies' -> 'copy', 'has' -> 'have')."""
    if finite in ("is", "has", "does", "goes"):
        return {"is": "be", "has": "have", "does": "do", "goes": "go"}[finite]
    if finite.endswith("ies"):
        return finite[:-3] + "y"
    if re.search(r"(?:sh|ch|x|ss|o)es$", finite):
        return finite[:-2]
    return finite[:-1]


def _verb(gerund: str, negated: bool) -> str:
    """'using' -> 'uses'; negated: 'does not use' ('is not' for 'being')."""
    verb = FINITE[gerund.lower()]
    if not negated:
        return verb
    return "is not" if verb == "is" else f"does not {_base(verb)}"


_FIRST_ING = re.compile(rf"^(?P<neg>not\s+)?(?P<g>{_GERUND})\b", _I)
# later '-ing' verbs joined to the first: ', and opening', ' and for starting'
_JOINED_ING = re.compile(rf"(?P<j>,?\s+and\s+)(?:for\s+)?(?P<neg>not\s+)?(?P<g>{_GERUND})\b", _I)


def finite(clause: str) -> Optional[str]:
    """'-ing' clause -> the clause with its verbs finite ('not using' -> 'does not use'); None when it opens with none."""
    m = _FIRST_ING.match(clause)
    if m is None:
        return None
    rest = sub_outside(clause[m.end():], _JOINED_ING, lambda j: j.group("j") + _verb(j.group("g"), bool(j.group("neg"))),
                       before_data=True)
    return _verb(m.group("g"), bool(m.group("neg"))) + rest


# 'This item rewards the response for X-ing ...'
_REWARDS = re.compile(rf"^\s*(?:this|the)\s+(?:rubric\s+)?(?:item|criterion|check|line|point)\s+(?:rewards|credits|"
                      rf"gives\s+(?:credit|a\s+point|points)\s+to|awards\s+(?:credit|a\s+point|points|the\s+point)\s+to)\s+"
                      rf"(?:the|a|any)\s+(?P<doc>{_DOC})\s+for\s+(?=\S)", _I)


def rewarded(text: str) -> Optional[str]:
    """'This item rewards the response for containing no commas.' -> 'The response contains no commas.', else None."""
    m = _REWARDS.match(text)
    said = finite(text[m.end():]) if m else None
    return f"The {m.group('doc').lower()} {said}" if said is not None else None


# 'The response satisfies the keyword requirement by using ...'
_MEANS = re.compile(rf"^\s*(?:the|your|its)\s+(?P<doc>{_DOC})\s+(?:follows|meets|satisfies|respects|honou?rs|fulfil?ls|obeys|"
                    rf"observes|keeps\s+to|complies\s+with|sticks\s+to|stays\s+within|adheres\s+to)\s+the\s+"
                    r"(?P<name>[a-z][a-z' -]{0,40}?)\s+(?:instruction|requirement|limit|ban|constraint|rule|request|restriction|"
                    r"cap|minimum|maximum|spec|specification)\s+by\s+(?=\S)", _I)


def means(text: str) -> Optional[Tuple[str, Asides]]:
    """'The response meets the length requirement by running to at least 600 words.' -> ('The response runs to at least
    600 words.', [('topic', 'length')]) where the name says what it is about (else None: read as it was)."""
    from rubricc.compiler.lower_topic import known_topic

    m = _MEANS.match(text)
    if m is None or not known_topic(m.group("name")):
        return None
    said = finite(text[m.end():])
    return (f"The {m.group('doc').lower()} {said}", [("topic", m.group("name"))]) if said is not None else None


# 'Rather than X, the response Y'
_RATHER = re.compile(r"^\s*(?:rather\s+than|instead\s+of)\s+(?=\S)", _I)
_RATHER_SUBJECT = re.compile(rf"\s*,\s*(?=(?:the|its|your)\s+(?:whole\s+|entire\s+)?{_DOC}\b)", _I)


def rather(text: str) -> Optional[Tuple[str, Asides]]:
    """'Rather than stopping short, the response runs to 600 words.' -> ('The response runs to 600 words.',
    [('rather', 'stopping short')]), else None."""
    m = _RATHER.match(text)
    cut = first_outside(_RATHER_SUBJECT, text, m.end(), before_data=True) if m else None
    if cut is None:
        return None
    from rubricc.compiler.lower_wish import resolve

    alternative = text[m.end():cut.start()].strip()
    said = resolve(cap(text[cut.end():].strip()), alternative)  # 'Rather than using 'l' sparingly, ... includes it ...'
    return (said, [("rather", alternative)]) if said is not None else None


# words that say how a response could go wrong without naming content ('Rather than wrapping up early', 'any old way')
_MANNER = {"early", "late", "ordinary", "old", "everywhere", "anywhere", "unmarked", "plain", "sparingly", "alone", "straight",
           "short", "long", "loosely", "casually", "carelessly", "halfway", "partway", "midway", "often", "freely", "heavily",
           "lightly", "overly", "too", "way", "haphazardly", "randomly", "arbitrarily", "needlessly", "excessively"}


def manner_only(alternative: str, unknown: List[str]) -> bool:
    """True when the words of a contrast's alternative the format vocabulary does not know (``unknown``) are its head verb
    ('relying', 'jumping') or say how ('early', 'any old way'): it names no content the response must avoid."""
    head = re.match(r"\s*(?:not\s+)?(?P<v>[a-z]+ing)\b", alternative, _I)
    return all(w in _MANNER or head is not None and w == head.group("v").lower() for w in unknown)


# 'The response is one in which / whose / that / with / written ...'
_ONE = re.compile(rf"^\s*(?:the|your|its)\s+(?P<doc>{_DOC})\s+is\s+one\s+(?P<how>in\s+which|whose|that|which|with|"
                  r"(?P<part>written|divided|split|set|kept|made|broken|laid\s+out|[a-z]+ed)\b)\s*", _I)
_IN_WHICH = re.compile(r",?\s+in\s+which\s+(?=\S)", _I)


def one_which(text: str) -> Optional[str]:
    """'The response is one in which X' -> 'In the response, X' (and the forms above), else None."""
    m = _ONE.match(text)
    if m is None:
        return None
    doc, rest, how = m.group("doc").lower(), text[m.end():], m.group("how").lower()
    if how == "in which":
        return f"In the {doc}, {rest}"
    if how == "whose":
        return f"The {doc}'s {rest}"
    if how in ("that", "which"):
        return f"The {doc} {rest}"
    if how == "with":
        return f"The {doc} has {rest}"
    # a participle, and what holds in it after 'in which'
    said = f"The {doc} is {m.group('part')} {rest}"
    return sub_outside(said, _IN_WHICH, ", and in it ", before_data=True)


# 'The response is written so that X'
_SO_THAT = re.compile(rf"^\s*(?:the|your|its)\s+(?P<doc>{_DOC})\s+is\s+(?:written|formatted|composed|structured|arranged|worded|"
                      r"crafted|built|laid\s+out|set\s+out|put\s+together|kept\s+[a-z]+|made\s+[a-z]+)\s+so\s+that\s+(?=\S)", _I)
# what a result clause may be said of: the response, its parts or counts, the data ('a child understands it' is no format)
_RESULT_SUBJECT = re.compile(r"(?:it|its|the\s+(?:response|reply|answer|output|word|words|letter|character|phrase|total|number|count)|"
                             r"none|no|not|never|every|each|all|any|at\s+least|at\s+most|exactly|fewer|more|less|only|"
                             r"(?=[\"\u201c']))(?![a-z])", _I)
_IT = re.compile(r"\b(?P<w>it|its|itself)\b", _I)
_BARE_WORD = re.compile(r'^(?P<q>"[^"\n]{1,40}"|\u201c[^\u201d\n]{1,40}\u201d)\s+(?=(?:appears|occurs|turns\s+up|shows\s+up|is\s+used)\b)', _I)


def so_that(text: str) -> Optional[str]:
    """'The response is written so that none of the words "a" appears in it.' -> 'None of the words "a" appears in the
    response.', else None."""
    m = _SO_THAT.match(text)
    if m is None or not _RESULT_SUBJECT.match(text, m.end()):
        return None
    doc, rest = m.group("doc").lower(), text[m.end():]
    rest = sub_outside(rest, _IT, lambda w: {"it": f"the {doc}", "its": f"the {doc}'s", "itself": f"the {doc}"}[w.group("w").lower()],
                       before_data=True)
    rest = _BARE_WORD.sub(r"The word \g<q> ", rest)
    return cap(rest)


# "The response's wording contains ...", "The response's language, throughout, is ...", "The response's paragraph count is ..."
_WORDING = re.compile(rf"^\s*(?:the|your)\s+(?P<doc>{_DOC})'s\s+(?:wording|text|prose|writing|content|words)\s+(?=(?:contains|includes|uses|"
                      r"avoids|has|features|mentions)\b)", _I)
_ASIDE_ADVERB = re.compile(rf"^\s*(?P<np>(?:the|your)\s+{_DOC}'s\s+language)\s*,\s*(?P<adv>throughout|overall|from\s+start\s+to\s+finish|"
                           r"in\s+full|everywhere)\s*,\s*(?P<v>is)\s+(?P<rest>[^,;]+?)(?P<end>[.!]?\s*)$", _I)
_UNIT_COUNT = re.compile(rf"^\s*(?:the|your)\s+(?P<doc>{_DOC})'s\s+(?P<unit>paragraph|sentence|word|section|bullet(?:[- ]point)?|placeholder)\s+"
                         r"count\s*(?P<paren>\([^()\"]{1,80}\))?\s+is\s+(?P<rel>exactly|at\s+least|at\s+most|fewer\s+than|less\s+than|"
                         r"more\s+than|no\s+more\s+than|no\s+fewer\s+than)\s+(?P<n>\d+)\b", _I)


def possessive(text: str) -> Optional[str]:
    """"The response's wording contains X" -> 'The response contains X' (and the forms above), else None."""
    m = _WORDING.match(text)
    if m:
        return f"The {m.group('doc').lower()} {text[m.end():]}"
    m = _ASIDE_ADVERB.match(text)
    if m:
        return f"{cap(m.group('np'))} is {m.group('rest')} {m.group('adv')}{m.group('end') or '.'}"
    m = _UNIT_COUNT.match(text)
    if m:
        paren = f" {m.group('paren')}" if m.group("paren") else ""
        return f"The {m.group('doc').lower()} has {m.group('rel')} {m.group('n')} {m.group('unit')}s{paren}{text[m.end():]}"
    return None


def relative(text: str) -> Optional[Tuple[str, Asides]]:
    """The statement inside any of the clauses above, with its asides, else None."""
    said = rewarded(text) or one_which(text) or so_that(text) or possessive(text)
    if said is not None:
        return said, []
    return means(text) or rather(text)
