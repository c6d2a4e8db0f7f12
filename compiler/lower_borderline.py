"""A refined rubric item's borderline case and a comparison's reference (issue 15, round 11): read off before the voices.

A proposer LLM that refines a criterion by comparing two strong responses says what a near-miss gets wrong: 'The
response has strictly fewer than 10 sentences; a response with exactly 10 sentences does not meet this.',
'... square-bracket placeholders like [name]; placeholders written with curly braces do not count.' A criterion
elicited from a pairwise comparison points at the response preferred: '... , as the preferred response did.'

- the borderline case (after a semicolon, or a sentence of its own that opens with 'A response' / 'Responses') is a
  ``borderline`` aside: the driver accepts it only when, as a disqualifying condition, it lowers to the same check
  with no more arguments, or when no rule reads it as any check and it is said in the words surface requirements are
  said in (:mod:`rubricc.compiler.lower_lexicon`); anything else keeps the criterion neural (a near-miss can add a
  requirement: '; a response with 3 bullet points but no introduction does not meet this');
- the reference ', as the preferred (, more concise) response did.' ends the criterion and names no requirement: it is
  dropped; one that goes on ('did by using periods and short sentences instead') says how, and is a ``means`` aside:
  accepted only when it reads as no other check and is said in the words surface requirements are said in.

Since round 13 a near-miss may also end '... fails (it)', '... breaks it', '... is still a violation', '... is not
enough', '... is already one too many' (with an 'even if ...' concession), several near-misses in one clause ('A does not
count, and B fails it', '..., and neither does B'); and what a criterion says is counted anyway ('capitalizing it
still counts as using it', 'acronyms are not exempt', 'does not dodge the count') is a ``counted`` aside, accepted only
beside a check that counts every occurrence (:func:`counted_alike`).

A failure said as a condition at the end ('...; if it's in any other language, it's not met') is a ``fail_branch``
aside, checked as a pass/fail spec's failure branch is.

Quoted material is never read.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_lexicon import normal, words_of
from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE
_NOT_MET = (r"(?:(?:(?:does|do)\s+not|doesn't|don't)\s+(?:meet|satisfy|pass|count|qualify)(?:\s+(?:this|it|the\s+(?:criterion|requirement|check|standard)))?"
            # a loophole closed: '...; any extra bullet line breaks it', '... is still a violation', 'being near 5 is not enough'
            r"|(?:fails|breaks|violates)\s+(?:it|this|the\s+(?:criterion|requirement|check|rule))|fails(?=\s*[.!]?\s*$)"
            r"|(?:already\s+)?miss(?:es)?\s+(?:it|this|the\s+(?:standard|criterion|requirement|check))"
            # 'one lowercase letter and it fails', 'fewer than 5 and it's not met'
            r"|and\s+(?:it|this)\s+fails|and\s+(?:it's|it\s+is|this\s+is)\s+not\s+met|and\s+(?:it|this)\s+isn't\s+met"
            r"|(?:is|are)\s+(?:still\s+|already\s+)?(?:a\s+)?(?:violation|failure|fail|regression|bug)|(?:is|are)\s+not\s+enough|(?:is|are)\s+(?:already\s+)?enough\s+to\s+(?:miss|fail|break|lose)\s+(?:it|this|the\s+(?:item|criterion|point|check))"
            r"|(?:is|are)\s+(?:already\s+)?(?:one\s+)?too\s+many|(?:is|are)\s+not\s+counted(?:\s+separately)?)"
            # and the thing itself restated after it: '... do not count, only the word itself'
            r"(?:\s*,\s*only\s+the\s+(?:word|keyword|letter|character|phrase|marker)\s+itself"
            r"(?:\s+in\s+any\s+(?:case|capitali[sz]ation|letter\s+case))?)?")
# what a near-miss fails regardless of ('... does not count, even if the content otherwise feels complete'): no condition
_REGARDLESS = r"(?:\s*,?\s*(?:even\s+(?:if|when|though)|no\s+matter|whatever|however)\b[^;:\"\u201c]{0,160}?)?"
# two near-misses in one clause: 'A does not count, and B fails it', 'A does not count, and neither does B'
_NEITHER = re.compile(r"(\s+(?:does|do)\s+not\s+(?:count|qualify))\s*,?\s+(?:and\s+)?neither\s+(?:does|do)\s+([^;:.\"\u201c]{3,160}?)\s*([.!]?)\s*$", re.IGNORECASE)
# what is counted anyway ('...; capitalizing it, or putting it in quotes, still counts as using it', 'headings and sign-offs
# are all part of the tally', 'acronyms are not exempt from the rule', 'switching to the capital form does not dodge the count')
_COUNTED = re.compile(r"(?:\s*;\s+|\s*,\s*and\s+)(?P<c>[^;:]{3,200}?)\s+(?:still\s+counts?(?:\s+(?:as\s+(?:using|a\s+use\s+of)\s+it|toward(?:s)?\s+the\s+"
                      r"(?:total|count|tally|limit)))?|(?:is|are)\s+(?:all\s+)?(?:part\s+of|included\s+in)\s+the\s+(?:tally|count|total|word\s+count)"
                      r"|(?:is|are)\s+not\s+exempt(?:\s+from\s+(?:the\s+)?[a-z -]{1,40})?|(?:does|do)\s+not\s+(?:dodge|escape|evade|get\s+around)\s+the\s+"
                      r"(?:count|rule|check|limit))\s*[.!]?\s*$", _I)
# parts of the text named as counted too, at the end: ', lists, figures and quotations included', ', including any inside lists'
_PART_NOUN = r"(?:lists?|figures|numbers|quotations?|quotes|headings?|titles?|tables?|captions?|footnotes?)"
_INCLUDED = re.compile(rf"\s*,\s*(?P<c>(?:{_PART_NOUN}\s*,\s*)*{_PART_NOUN}(?:\s*,?\s+and\s+{_PART_NOUN})?)\s+included\s*[.!]?\s*$"
                       rf"|\s*,\s*including\s+(?P<c2>(?:any|those|ones)\s+(?:inside|in|within)\s+(?:{_PART_NOUN}\s*,\s*)*{_PART_NOUN}(?:\s*,?\s+(?:and|or)\s+{_PART_NOUN})?)\s*[.!]?\s*$", re.IGNORECASE)
# a failure said as a condition at the end: '; if it's in any other language, it's not met', '; if any is missing, it fails'
_IF_FAILS = re.compile(r"\s*;\s+if\s+(?P<c>[^;:\"\u201c]{3,160}?),\s+(?:(?:it's|it\s+is|this\s+is)\s+not\s+met|(?:it|this)\s+(?:fails|isn't\s+met))\s*[.!]?\s*$", _I)
_NEXT = re.compile(r"\s+" + _NOT_MET + r"\s*,?\s+and\s+", re.IGNORECASE)
# '; <a near-miss> does not meet this.' at the end, or a last sentence 'A response that ... does not meet this.'
# (a last sentence of its own first: '...; the request is: X. A response that paraphrases it does not meet this.')
_BORDERLINE_SENTENCE = re.compile(r"(?<=[.!?\"'\u201d)])\s+(?=(?:a|any)\s+(?:response|reply|answer)s?\b|responses\b)"
                                  r"(?P<c>[^;.!?]{3,240}?)\s+" + _NOT_MET + _REGARDLESS + r"\s*[.!]?\s*$", _I)
_BORDERLINE = re.compile(r"\s*;\s+(?P<c>[^;:]{3,240}?)\s+" + _NOT_MET + _REGARDLESS + r"\s*[.!]?\s*$", _I)
_REFERENCE = re.compile(r"\s*,\s*as\s+the\s+preferred(?:\s*,\s*[a-z -]{1,30}?,?)?\s+(?:response|reply|answer)\s+did\s*(?=[.!]?\s*$)", _I)
# how the preferred response met it: ', as the preferred response did by using periods and short sentences instead.'
_MEANS = re.compile(r"\s*,\s*as\s+the\s+preferred(?:\s*,\s*[a-z -]{1,30}?,?)?\s+(?:response|reply|answer)\s+did\s+by\s+"
                    r"(?P<m>[a-z][^.;:\"\u201c]{2,160}?)\s*[.!]?\s*$", _I)
# the near-miss as a condition on the response: 'a response with X' -> 'the response has X'
_AS_CONDITION = [
    (re.compile(r"^(?:(?:a|any)\s+(?:response|reply|answer)|one)\s+(?:with|of)\s+", _I), "the response has "),
    (re.compile(r"^(?:a|any)\s+(?:response|reply|answer)\s+(?:that|which)\s+", _I), "the response "),
]


def included(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(``text`` without the parts of the text it names as counted too at its end, the ``counted`` aside): ', lists, figures
    and quotations included', ', including any inside lists, numbers or quotations'; (text, []) when it names none."""
    inc = _INCLUDED.search(text)
    if inc is None or in_quotes(quote_spans(text), inc.start()):
        return text, []
    return text[:inc.start()].rstrip(" ;,") + ".", [("counted", (inc.group("c") or inc.group("c2")).strip(" ,"))]


def read_borderline(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the criterion without its borderline case and comparison reference, the ``borderline`` asides read off)."""
    asides: List[Tuple[str, str]] = []
    n = _NEITHER.search(text)
    if n and not in_quotes(quote_spans(text), n.start()):
        text = text[:n.start()] + f"{n.group(1)}, and {n.group(2)} does not count{n.group(3)}"
    text, counted = included(text)  # ', lists, figures and quotations included': what the count takes in anyway
    asides += counted
    c = _COUNTED.search(text)
    if c and not in_quotes(quote_spans(text), c.start()):
        asides.append(("counted", c.group("c").strip(" ,")))
        text = text[:c.start()].rstrip(" ;,") + "."
    f = _IF_FAILS.search(text)  # '; if it's in any other language, it's not met': a way to fail it, said as a condition
    if f and not in_quotes(quote_spans(text), f.start()):
        asides.append(("fail_branch", re.sub(r"\b(it|that|this)'s\b", r"\1 is", f.group("c").strip(), flags=_I)))
        text = text[:f.start()].rstrip(" ;,") + "."
    m = _BORDERLINE_SENTENCE.search(text) or _BORDERLINE.search(text)
    if m and not in_quotes(quote_spans(text), m.start()):
        for cond in _NEXT.split(m.group("c").strip()):
            cond = cond.strip(" ,")
            for pat, repl in _AS_CONDITION:
                cond = pat.sub(repl, cond, count=1)
            asides.append(("borderline", _one_named(cond, text[:m.start()])))
        text = text[:m.start()].rstrip(" ;,")
        if not text.endswith((".", "!", "?", '"', "'", "\u201d", ")")):
            text += "."
    r = _MEANS.search(text)
    if r and not in_quotes(quote_spans(text), r.start()):
        asides.append(("means", re.sub(r"\s+instead\s*$", "", r.group("m").strip(), flags=_I)))  # 'instead' of what it did not do
        text = text[:r.start()].rstrip(" ,") + "."
    r = _REFERENCE.search(text)
    if r and not in_quotes(quote_spans(text), r.start()):
        text = text[:r.start()].rstrip(" ,") + text[r.end():]
        if not text.rstrip().endswith((".", "!", "?")):
            text = text.rstrip() + "."
    return text, asides


# 'no comma at all; a single one anywhere breaks it': the one is one of the things banned
_ONE = re.compile(r"^(?P<q>(?:a\s+single|even(?:\s+a\s+single)?|just|only)\s+)?one(?=\s+(?:anywhere|at\s+all|in\s+it)\s*$|\s*$)", _I)
_BANNED_NOUN = re.compile(r"\bno\s+(?P<n>[a-z]+?)s?\s+(?:at\s+all|anywhere|whatsoever)\s*[.!]?\s*$", _I)


def _one_named(cond: str, said: str) -> str:
    """A near-miss's pronoun 'one' after a ban ('no comma at all; a single one anywhere') as the thing banned."""
    one, ban = _ONE.match(cond), _BANNED_NOUN.search(QUOTE_RE.sub(" ", said))
    if one is None or ban is None:
        return cond
    return (one.group("q") or "a ") + ban.group("n") + cond[one.end():]


_NUMBER = re.compile(r"\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", _I)
# 'even one', 'a single one', 'once': how little of something a near-miss has, not a count beside the check's
_EVEN_ONE = re.compile(r"\beven\s+(?:a\s+single|one)\b|\bone\s+of\s+them\b|\bonce\b", _I)
_EXAMPLES = [  # a near-miss count -> the counts it names (checked against the check's own bound)
    (re.compile(r"\b(?:(?:coming|getting|being)\s+)?(?:close\s+to|near(?:ly)?|almost|just\s+under|just\s+below)\s+(\d+)", _I), lambda k: (k - 1,)),
    (re.compile(r"\bshort\s+of\s+(\d+)", _I), lambda k: (k - 1,)),
    (re.compile(r"\bmore\s+or\s+fewer\b[^0-9]*?\bthan\s+(\d+)", _I), lambda k: (k - 1, k + 1)),
    (re.compile(r"\bexactly\s+(\d+)(?:\s+\S+){0,3}?\s+or\s+more\b", _I), lambda k: (k, k + 1)),
    (re.compile(r"\b(?:exactly\s+)?(\d+)(?:\s+\S+){0,3}?\s+or\s+more\b|\bat\s+least\s+(\d+)", _I), lambda k: (k, k + 1)),
    (re.compile(r"\b(?:more|longer)\s+than\s+(\d+)", _I), lambda k: (k + 1,)),
    (re.compile(r"\b(?:fewer|less|shorter)\s+than\s+(\d+)|\b(?:under|below)\s+(\d+)", _I), lambda k: (k - 1,)),
    (re.compile(r"\bexactly\s+(\d+)", _I), lambda k: (k,)),
]


def names_a_count(aside: str) -> bool:
    return bool(_NUMBER.search(_EVEN_ONE.sub(" ", QUOTE_RE.sub(" ", aside))))


def count_example_fails(aside: str, args: dict) -> bool:
    """Whether every count a near-miss names ('a response with exactly 10 sentences', 'fewer than 4 times') fails the
    count check with ``args`` ({relation, n}); False when it names a count this cannot read."""
    rel, n = args.get("relation"), args.get("n")
    if rel not in ("less than", "at least", "exactly") or not isinstance(n, int):
        return False
    said = _EVEN_ONE.sub(" ", QUOTE_RE.sub(" ", aside))
    for pat, counts in _EXAMPLES:
        m = pat.search(said)
        if not m:
            continue
        k = int(next(g for g in m.groups() if g).replace(",", ""))
        rest = said[:m.start()] + " " + said[m.end():]
        if _NUMBER.search(rest) or k != n:
            return False  # another count beside it, or a bound the criterion does not state
        return all((v >= n) if rel == "less than" else (v < n) if rel == "at least" else (v != n) for v in counts(k))
    return False


# an example a near-miss gives of itself ('..., such as a lowercase title or sign-off', 'for example in a list or in a
# number like 1,000'): an illustration of the near-miss, not a further condition
_ITS_EXAMPLES = re.compile(r",?\s*\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.|like|including)\b[^;]*$", _I)
# checks a response can fail only one way each: a near-miss about the same thing is a way to fail it
_WHOLE = {"no_commas", "is_json", "two_responses", "wrapped_in_quotes", "all_lowercase", "all_uppercase"}  # not a title: it has content
_OPPOSITE = {"all_lowercase": "all_uppercase", "all_uppercase": "all_lowercase"}


def without_examples(aside: str) -> str:
    """The near-miss without the examples it gives of itself (never inside quotes)."""
    m = _ITS_EXAMPLES.search(aside)
    if m is None or in_quotes(quote_spans(aside), m.start()):
        return aside
    return aside[:m.start()].rstrip(" ,") or aside


# 'a response that is valid JSON but has no keys': what comes after the contrast is what fails it
_CONTRAST = re.compile(r"\b(?:but|yet|while|although|though|except\s+that)\b", _I)
# what a near-miss about JSON names of the JSON's content is a further requirement ('a JSON object without a "name" field')
_JSON_CONTENT = re.compile(r"\b(?:keys?|fields?|propert(?:y|ies)|attributes?|values?|entr(?:y|ies)|schema|objects?|arrays?|"
                           r"lists?|strings?|numbers?|items?|elements?)\b", _I)


def split_contrast(aside: str) -> Tuple[str, str]:
    """(what a near-miss grants, what it says fails it) around its last contrast ('otherwise well punctuated but slips
    in a comma'), or ('', the whole) without one."""
    m = None
    for m in _CONTRAST.finditer(aside):
        pass
    if m is None or in_quotes(quote_spans(aside), m.start()):
        return "", aside
    return aside[:m.start()].strip(" ,"), aside[m.end():].strip(" ,")


def further_data(name: str, aside: str, own: set) -> bool:
    """True when a near-miss quotes words that are not the check's own data (``own``: normalised words) or, beside a
    JSON check, names what the JSON holds ('a JSON object without a "name" field'): a further requirement."""
    for q in QUOTE_RE.finditer(aside):
        if set(map(normal, words_of(q.group(0)))) - own:
            return True
    return name == "is_json" and bool(_JSON_CONTENT.search(aside))


def fails_alike(name: str, args: dict, read: Tuple[str, dict]) -> bool:
    """True when a near-miss read as the check ``read`` is, by what it names, a way to fail ``name`` (args): the same
    check of a kind a response fails one way only (commas, JSON, two responses, quotes, letter case), the opposite
    letter case, or a response language other than the one asked for."""
    other, other_args = read
    if name in _WHOLE and (other == name and not any(v is not None for v in other_args.values()) or _OPPOSITE.get(name) == other):
        return True
    if name == "response_language" and other == name:
        lang = other_args.get("language")
        return lang is not None and lang != args.get("language")
    return False


# what a response that fails a one-way check has, named: a comma, a capital letter, a lowercase word
_FAILS_BY = {"no_commas": r"\bcommas?\b", "all_lowercase": r"\b(?:capital|capitali[sz]ed|upper ?case|upper-case)\b",
             "all_uppercase": r"\b(?:lower ?case|lower-case|small\s+letters?)\b",
             # the nth paragraph's first word with another paragraph count, or the count with another word
             "paragraph_first_word": r"\b(?:different|wrong|another|other)\s+(?:paragraph\s+count|number\s+of\s+paragraphs|count|opening\s+word|first\s+word|word)\b",
             # between *** dividers an empty paragraph fails the count (between blank lines there is none)
             "paragraph_count": r"\bempty\s+(?:paragraph|part|block|section)s?\b",
             # a response in any other language than the one asked for
             "response_language": r"\b(?:any|an|some)\s+(?:other|different)\s+language\b|\banother\s+language\b"}
_NEGATED = re.compile(r"\b(?:no|not|without|never|zero|free|lacks?|lacking|missing|avoids?|avoiding|none)\b|n't\b", _I)


# checks that count every occurrence in the whole response, or every letter: what a writer says is counted anyway is
# counted by them, unless it is not the literal thing (a synonym, a plural) or its case where they match case
_COUNTS_ALL = {"keywords_absent", "keywords_present", "keyword_frequency", "letter_frequency", "all_lowercase", "all_uppercase",
               "capital_word_frequency", "word_count", "sentence_count", "no_commas"}
_NOT_LITERAL = re.compile(r"\b(?:synonyms?|paraphras\w*|plurals?|abbreviat\w*|translat\w*|misspell\w*|variants?|derivatives?|inflect\w*|"
                          r"pronouns?\s+(?:standing|used)|other\s+forms?|related\s+words?)\b", _I)
_CASE_WORDS = re.compile(r"\b(?:capital\w*|upper\s*case|lower\s*case|case|caps)\b", _I)


def counted_alike(name: str, args: dict, aside: str) -> bool:
    """True when what a criterion says is counted anyway ('capitalizing it, or putting it in quotes or a heading') is
    counted by the ``name`` check as it stands."""
    said = QUOTE_RE.sub(" ", aside)
    if name not in _COUNTS_ALL or _NOT_LITERAL.search(said) or judged(aside):
        return False
    if re.search(r"\b(?:response|reply|answer|output|text)s?\b", said, _I):
        return False  # a kind of response ('a rude reply still counts as using it'), not a part or a form counted
    if name == "capital_word_frequency" and re.search(r"\blower", said, _I):
        return False  # 'lowercase words still count': not what an all-caps count counts
    return not (_CASE_WORDS.search(said) and args.get("case_sensitive") is True)


# presence checks: a near-miss read as the same check that lacks what it needs ('a closing note that lacks the P.S. label')
_PRESENCE = {"postscript", "has_title", "keywords_present", "starts_with", "ends_with", "section_count"}
_LACKS = re.compile(r"\b(?:lacks?|lacking|without|missing|omits?|omitting)\b", _I)


def lacks_alike(name: str, args: dict, read, part: str) -> bool:
    """True when a near-miss read as the ``name`` presence check itself (no other arguments), or as no check, says it
    lacks the check's own thing."""
    other, other_args = read if read is not None else (None, {})
    said = {k: v for k, v in other_args.items() if v is not None}
    m = _LACKS.search(QUOTE_RE.sub(" ", part))
    if name not in _PRESENCE or other is not None and (other != name or not said.items() <= args.items()) or m is None:
        return False
    # what it lacks is the check's own thing (its label, marker, brackets, the words), not something more ('a title that
    # lacks a capital letter', 'a postscript without a signature' ask for more)
    after = part[m.end():].lower()
    own = {w.lower() for v in args.values() for x in (v if isinstance(v, (list, tuple)) else [v]) if isinstance(x, str) for w in x.split()}
    own_things = r"label|marker|prefix|brackets?|key\s*words?|words?|them|it|one\s+of|any\s+of" + (r"|(?:a\s+)?number" if name == "section_count" else "")
    return bool(re.search(rf"\b(?:{own_things})\b", after)) or \
        any(w in after for w in own)


# what each check is about: a near-miss that reads as no check must be about it ('a response with any commas' beside a
# word count is another requirement, however surface its words)
_ABOUT = {
    "word_count": r"words?|length|long|longer|short|shorter|tally|count",
    "sentence_count": r"sentences?|long|longer|short|shorter|count",
    "paragraph_count": r"paragraphs?|dividers?|separators?|blank|blocks?|count",
    "paragraph_first_word": r"paragraphs?|words?|count",
    "bullet_count": r"bullets?|lists?|items?|lines?|markers?|numbered",
    "highlighted_sections": r"highlight\w*|emphasis|asterisks?|italics?|bold\w*|spans?|sections?",
    "placeholder_count": r"placeholders?|brackets?|braces|underscores?",
    "keywords_present": r"words?|keywords?|terms?|synonyms?|them|it|some",
    "keywords_absent": r"words?|keywords?|terms?|synonyms?|them|it",
    "keyword_frequency": r"words?|keywords?|terms?|synonyms?|pronouns?|it|uses|instances?|occurrences?",
    "letter_frequency": r"letters?|characters?|instances?|occurrences?|capital|case",
    "capital_word_frequency": r"words?|caps|capitals?|acronyms?|upper\s*case|tokens?",
    "all_lowercase": r"letters?|capitals?|capitali[sz]\w*|case|upper\s*case|headings?|sentences?|names?|acronyms?|words?",
    "all_uppercase": r"letters?|capitals?|capitali[sz]\w*|case|lower\s*case|headings?|sentences?|names?|words?",
    "response_language": r"languages?|phrases?|words?|english|translat\w*",
    "no_commas": r"commas?",
    "is_json": r"json|prose|text|fences?|blocks?",
    "has_title": r"titles?|headings?|brackets?",
    "postscript": r"postscripts?|notes?|markers?|labels?|afterthoughts?",
    "ends_with": r"phrases?|words?|wording|text|sign-?offs?|signatures?|after",
    "starts_with": r"phrases?|words?|wording|text|before|preamble|introduct\w*",
    "repeats_prompt": r"requests?|cop(?:y|ies)|paraphras\w*|prompts?|text|lines?|wording|preamble|introduct\w*",
    "two_responses": r"responses?|answers?|parts?|blocks?|separators?",
    "wrapped_in_quotes": r"quot\w*|text",
    "section_count": r"sections?|headings?|labels?|markers?|numbers?",
    "any_phrase_present": r"phrases?|options?|answers?|paraphras\w*",
}
# which way a near-miss departs ('anything shorter', 'a longer response'): it must be the way that fails the bound
_LOWER = re.compile(r"\b(?:shorter|fewer|less|smaller|under|below)\b", _I)
_HIGHER = re.compile(r"\b(?:longer|more|greater|larger|over|above|extra|additional)\b", _I)


def about_check(name: str, args: dict, aside: str) -> bool:
    """True when a near-miss that reads as no check is about the ``name`` check (its own things, or its data), and any
    direction it departs in fails the check's bound."""
    said = QUOTE_RE.sub(" ", aside)
    own = {w for v in args.values() for x in (v if isinstance(v, (list, tuple)) else [v]) if isinstance(x, str)
           for w in re.findall(r"[a-z]{3,}", x.lower())} - {"the", "and", "for", "with", "that", "this", "from"}
    if name not in _ABOUT or not (re.search(rf"\b(?:{_ABOUT[name]})\b", said, _I) or any(re.search(rf"\b{w}\b", aside.lower()) for w in own)):
        return False
    rel = args.get("relation")
    if rel in ("less than", "at most") and _LOWER.search(said) or rel in ("at least", "more than") and _HIGHER.search(said):
        return False  # 'Keep it under 80 words; anything shorter fails': a shorter one passes the bound
    return True


def lacks_more(aside: str) -> bool:
    """True when a near-miss that reads as no check says what it lacks ('a postscript without a signature'): what it lacks
    is a further requirement (the check's own thing lacked is read by :func:`lacks_alike` first)."""
    return bool(_LACKS.search(QUOTE_RE.sub(" ", aside)))


def names_failure(name: str, part: str) -> bool:
    """True when a near-miss's failing part says it has what fails ``name`` ('has one comma', 'a lowercase sign-off'),
    not negated."""
    pat = _FAILS_BY.get(name)
    said = QUOTE_RE.sub(" ", part)
    if pat is None or not re.search(pat, said, _I) or _NEGATED.search(said):
        return False
    # a count above one suggests fewer would do ('a response with two commas'): not read ('between two dividers' is where)
    said = re.sub(r"\bbetween\s+(?:two|2)\s+(?:dividers|separators|markers)\b", " ", said, flags=_I)
    return not names_a_count(re.sub(r"\b(?:one|1|a\s+single|single)\b", " ", said, flags=_I))


# a degree judged ('a title that is too long', 'overly formal'): a further requirement, whatever words it is said in
_JUDGED = re.compile(r"\b(?:too|overly|excessively|insufficiently|enough|sufficiently|very|rather|fairly|quite|verbose|wordy|"
                     r"long-winded|rambling|padded|bloated)\b", _I)


def judged(aside: str) -> bool:
    return bool(_JUDGED.search(QUOTE_RE.sub(" ", aside)))


# a fail branch that restates the failure by reference ('fail if no such title is present', 'if any one of these
# keywords is missing', 'if it does not parse'); 'more or fewer' only beside an exact count
_RESTATED = re.compile(r"^(?:(?:there\s+(?:is|are)\s+)?(?:no|none\s+of\s+(?:the|these|those))\s+(?:such\s+)?[a-z*<> -]{0,30}?\s*(?:(?:is|are)\s+)?"
                       r"(?:present|appears?|found|given|included|shown)"
                       r"|(?:any|any\s+one|one|some)\s+(?:of\s+)?(?:these|those|them|the)\s*[a-z -]{0,20}?\s+(?:is|are)\s+(?:missing|absent|not\s+(?:present|found|included))"
                       r"|(?:the\s+response\s+|it\s+)?(?:does\s+not|doesn't|fails\s+to)\s+parse"
                       r"|(?:anything|everything)\s+else|any\s+other\s+(?:response|answer|reply|output))\s*$", _I)
_SIDE = re.compile(r"^(?:(?:the\s+response|it)\s+(?:has|is|contains|uses|runs(?:\s+to)?)\s+|anything\s+|any\s+(?:response|reply|answer)\s+)?"
                   r"(?P<s>fewer|less|shorter|more|longer)(?:\s+than\s+(?:that|this))?\s*$", _I)
_MORE_OR_FEWER = re.compile(r"^(?:there\s+are\s+)?(?:more\s+or\s+fewer|fewer\s+or\s+more|any\s+other\s+number(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?"
                            r"(?:\s*,\s*(?:higher|more|greater)\s+or\s+(?:lower|fewer|less))?)\s*$", _I)


# beside a check that words be absent: 'fail if any of them appears'; beside a language: 'if it is in any other language'
_ANY_APPEARS = re.compile(r"^(?:any|any\s+one|one|some)\s+of\s+(?:them|these|those|the\s+(?:words|keywords|terms))(?:\s+(?:words|keywords|terms))?\s+"
                          r"(?:appears?|is\s+used|are\s+used|occurs?|shows?\s+up)(?:\s+(?:anywhere|at\s+all))?"
                          # the ban's own matching restated: 'as a word, in any case'
                          r"(?:\s+as\s+a\s+(?:whole\s+)?word)?(?:\s*,\s*in\s+any\s+case)?\s*$", _I)
_ANY_MISSING = re.compile(r"^(?:(?:a\s+response\s+|one\s+|it\s+)?(?:missing|lacking|omitting|without)\s+(?:any|any\s+one|one|some)\s+of\s+(?:them|these|those|"
                          r"the\s+(?:words|keywords|terms))|(?:(?:any|any\s+one|one)\s+of\s+them|either(?:\s+(?:one|of\s+them))?)\s+(?:is\s+|are\s+)?"
                          r"(?:missing|absent|left\s+out)|(?:any|a|one)\s+(?:listed|given|required)\s+(?:key\s*word|word|term)\s+is\s+(?:missing|absent|left\s+out))\s*$", _I)
# beside a request repeated first: 'anything comes before the copy, or the copy departs from the wording'
_COPY_MISSED = re.compile(r"^(?:anything|something|any\s+text|other\s+text)\s+comes\s+before\s+(?:the\s+copy|it)(?:\s*,?\s*or\s+the\s+copy\s+"
                          r"(?:departs|differs|deviates|strays)\s+from\s+the\s+(?:wording|request|original))?\s*$", _I)
# beside an end phrase: 'the phrase is missing, altered, or followed by more text'
_END_MISSED = re.compile(r"^the\s+(?:phrase|words|sentence)\s+(?:is|are)\s+(?:missing|absent|altered|changed)(?:\s*,\s*(?:missing|absent|altered|changed))*"
                         r"(?:\s*,?\s*or\s+(?:followed\s+by\s+(?:more|other|further|extra)\s+(?:text|words|content)|altered|changed|missing))?\s*$", _I)
_OTHER_LANGUAGE = re.compile(r"^(?:(?:the\s+response|it)\s+is\s+)?(?:written\s+)?in\s+(?:any|some|an|a)?\s*(?:other|different)\s+language\s*$", _I)


def restates_failure(branch: str, args: dict, name: str = "") -> bool:
    """True when a fail branch only restates, by reference, that the ``name`` check is not met."""
    said = branch.strip().rstrip(".")
    if _MORE_OR_FEWER.match(said):
        return args.get("relation") == "exactly"
    side = _SIDE.match(said)
    if side:  # 'fail if it has fewer' beside 'at least N': the other side of the count's bound, by ellipsis
        return args.get("relation") in (("at least", "more than") if side.group("s").lower() in ("fewer", "less", "shorter") else ("less than", "at most"))
    if name == "keywords_absent" and _ANY_APPEARS.match(said):
        return True
    if name == "keywords_present" and _ANY_MISSING.match(said):
        return True
    if name == "repeats_prompt" and _COPY_MISSED.match(said):
        return True
    if name == "ends_with" and _END_MISSED.match(said):
        return True
    if name == "response_language" and args.get("language") and _OTHER_LANGUAGE.match(said):
        return True
    return bool(_RESTATED.match(said))
