"""Helpers of the lowering rules for what is counted and where (issue 15, round 2).

What a count is about decides the check: a single quoted character counted is a letter (IFEval's
letter_frequency counts it case-insensitively anywhere in the text), not a one-letter word; a requirement
scoped to a part of the response ('no commas in the list items') is not about the whole response; a
count stated as 'the number of <kind> ... is REL N' names its unit with more words than the rules'
'<REL> N <unit>' form. Used by :mod:`rubricc.compiler.lower_rules`.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from rubricc.compiler.lower_parse import stated_count

# parts of a response a requirement may be scoped to
PART_OF_RESPONSE = re.compile(
    r"\b(?:items?|lists?|bullets?|titles?|headings?|headers?|paragraphs?|sentences?|sections?|lines?|names?|numbers?|"
    r"dates?|tables?|code|keys?|values?|fields?|addresses|lyrics|greeting|signature|subject|conclusions?|introductions?|intro|"
    r"summary|opening|closing|ending|captions?|footnotes?|body)\b")


# the ways of naming a word written in capitals, read as one unit 'capwords'
CAPWORDS = re.compile(
    r"\bwords?\s+(?:that\s+are\s+|which\s+are\s+|are\s+|is\s+)?(?:written\s+|typed\s+|set\s+|spelled\s+|printed\s+)?"
    r"(?:entirely\s+|fully\s+|completely\s+|wholly\s+)?in\s+(?:all\s+)?(?:capital letters|capitals|caps|upper ?case(?: letters)?|"
    r"upper-case(?: letters)?|block capitals|block letters)\b"
    r"|\b(?:all[- ]caps|all[- ]capitals?|all[- ]capital[- ]letters?|all[- ]upper ?case|all[- ]upper-case|fully[- ]capitali[sz]ed|"
    r"fully[- ]upper ?case|fully[- ]upper-case|entirely[- ]upper ?case|completely[- ]capitali[sz]ed|upper ?case|upper-case)\s+words?\b"
    r"|\bcapitali[sz]ed\s+words?\s*\((?:with\s+)?(?:all letters (?:upper ?case|capitali[sz]ed|capitals?|in caps)|in all caps|all caps|"
    r"fully (?:capitali[sz]ed|upper ?case)|every letter (?:upper ?case|capitali[sz]ed))\)"
    r"|\bwords?\s+(?:that\s+are\s+|which\s+are\s+|are\s+)?(?:written\s+)?(?:entirely|fully|completely|all)\s+(?:capitali[sz]ed|upper ?case|upper-case|in caps)\b"
    r"|\bwords?\s+(?:in which|where|whose)\s+(?:every|each|all(?: the)?)\s+(?:letters?|characters?)\s+(?:is|are)\s+(?:capitali[sz]ed|upper ?case|in caps|capitals?)\b")


# what else may be the thing in quotation marks ('the entire title', 'the whole dialogue'): not the response
_QUOTED_PART = re.compile(r"\b(?:title|heading|dialogue|dialog|quote|citation|name|term|word|phrase|sentence|paragraph|item|list|section|"
                          r"line|speech|conversation|lyrics|slogan|tagline|code|poem|story|question|example)s?\b")
_QUOTE_MARKS = re.compile(r"\b(?:double[- ]quot(?:e|es|ation)(?:[- ](?:marks?|characters?|symbols?))?|quot(?:ation|e)[- ](?:marks?|characters?|symbols?)|quotes)\b")


def quoted_part(low: str) -> bool:
    """True when a criterion about quotation marks names a part of the response as what is quoted."""
    return _QUOTED_PART.search(_QUOTE_MARKS.sub(" ", low)) is not None


def one_character(ch: str, rel: str, n: int) -> Tuple[str, Dict[str, Any]]:
    """A single quoted character counted, not named a word: a letter count (IFEval's letter_frequency,
    case-insensitive), or a count of that character ('#', '!'); 'a', 'A' and 'I' are words as well as
    letters, so without a 'letter'/'word' cue they are left to the judge ("neural")."""
    if ch in ("a", "A", "I"):
        return "neural", {}
    return "letter_frequency", {"letter": ch.lower() if ch.isalpha() else ch, "relation": rel, "n": n}


# 'the number of parts of the text emphasized as highlighted sections with markdown is at least 5'
_HIGHLIGHT_SUBJECT = (r"\bnumber of (?:(?!(?:per|each|every|in|within)\b)[a-z-]+ ){0,8}?(?:highlighted|emphasi[sz]ed|italici[sz]ed) "
                      r"(?:sections?|parts?|passages?|phrases?|spans?|portions?)(?: (?:with|in|using) (?:markdown|asterisks))?")


def highlights_stated(norm: str) -> Optional[Tuple[str, int]]:
    """(relation, N) of a highlight count stated with a long subject; an example after 'e.g.' is cut."""
    norm = re.sub(r",?\s*\b(?:e\.g\.|for example|such as|like)\s*,?\s*[\w \"-]{1,40}?,(?=\s*(?:is|are)\b)", "", norm)
    return stated_count(norm, _HIGHLIGHT_SUBJECT)


# a count of the whole response must be about the whole response: 'The title is under 8 words' and 'The
# first sentence is under 20 words' are about a part of it
_PART_NOUNS = (r"titles?|headings?|headers?|headlines?|subject line|introduction|intro|conclusion|abstract|captions?|taglines?|slogans?|"
               r"bios?|signature|greeting|opening|closing|first|last|final|second|third|each|every|per|items?|bullets?|lines?|"
               r"sections?|tables?|code|quotes?|quotations?|lists?|names?")
_UNIT_NOUN = {"word_count": r"paragraphs?|sentences?", "sentence_count": r"paragraphs?", "paragraph_count": r"sentences?"}
# a relation phrase that contains a negation word ('no more than'), and exactness restated ('no more and no fewer')
_NEGATED_RELATION = re.compile(
    r"\b(?:no|not)\s+(?:more|fewer|less|greater|longer|shorter|over|under|above|below)(?:\s+than)?\b"
    r"(?:\s*(?:,|and|or)\s*(?:no|not)\s+(?:more|fewer|less)(?:\s+than)?\b)?|\bnot exceeding\b|\bnot to exceed\b",
    re.IGNORECASE)


# counts whose relation a stray negation would invert ('The letter "x" should not appear more than 2 times')
_NEG_CHECKED = {"word_count", "sentence_count", "paragraph_count", "keyword_frequency", "letter_frequency",
                "capital_word_frequency", "placeholder_count", "highlighted_sections", "bullet_count", "section_count"}
_PART_CHECKED = dict(_UNIT_NOUN, keyword_frequency=r"paragraphs?|sentences?", letter_frequency=r"paragraphs?|sentences?|words?")


# a counted unit that a clause right after it restricts ('At least 20 sentences are in all caps', 'at least 3
# paragraphs written in French', '5 sentences that end with a question mark'): a count of the units that have
# some property, not of all of them; the plain count would be a wrong program (precision first)
_UNIT_OF = {"word_count": r"words?", "sentence_count": r"sentences?", "paragraph_count": r"paragraphs?",
            "bullet_count": r"bullet(?:s| points?)|points?|items?", "section_count": r"sections?"}
_WHERE = r"(?:(?:in|of|within)\s+(?:the|your|this|its)\s+(?:response|answer|reply|text|output|essay|piece)\s+|in total\s+|overall\s+)?"
# what the units are said to be ('are in all caps', 'are questions'): a property, not a relation ('is exactly 3')
_PROPERTY = (r"(?:in\s+(?:all\s+)?(?:caps|capitals?|capital letters|upper|lower|bold|italics?|quot)|(?:written|typed|set|composed|phrased)\s+"
             r"(?:in|as|entirely|fully|all)\b(?!\s+markdown)|(?:entirely|fully|completely|all)\s+(?:in|capital|upper|lower)|about\b|"
             r"questions?\b|exclamations?\b|(?:longer|shorter)\s+than\b|capitali[sz]ed|upper ?case|lower ?case|bold(?:ed)?\b|italic|"
             r"highlighted|quoted|numbered|rhym|in\s+(?:english|french|spanish|german|italian|portuguese|russian|chinese|japanese|korean|"
             r"arabic|hindi|[a-z]+ish)\b)")
_QUALIFIER = (rf"\s+{_WHERE}(?:"
              r"(?:that|which|who|where|each of which)\b"
              rf"|(?:are|is|must be|should be|will be|be|being)\s+(?:all\s+|each\s+)?{_PROPERTY}|{_PROPERTY}"
              r"|(?:mention|contain|end|use|include|feature|reference|cite|discuss|describe|address|refer|repeat|rhyme)(?:s|ing)?\b"
              r"|(?:devoted|dedicated|focused|related)\b|each\s+(?!(?:one\s+)?(?:is\s+)?(?:separated|divided|split)\b))")
# 'each section starts with SECTION X' is what a section count checks; other units starting with something are restricted
_STARTS = r"\s+(?:start|begin)(?:s|ning|ing)?\b"


def unit_qualified(name: str, low: str) -> bool:
    """True when the counted unit of a length/count check is restricted by the clause after it, or a
    'with ...' phrase for words and sentences ('at least 5 sentences with a question mark')."""
    unit = _UNIT_OF.get(name)
    if unit is None:
        return False
    if re.search(rf"\b(?:{unit})(?:{_QUALIFIER})", low):
        return True
    if name != "section_count" and re.search(rf"\b(?:{unit}){_STARTS}", low):
        return True
    return name in ("word_count", "sentence_count") and re.search(rf"\b(?:{unit})\s+{_WHERE}(?:with|containing|using)\b", low) is not None


def second_count(name: str, low: str) -> bool:
    """True when a word, sentence or paragraph count's text also counts another unit ('20-word')."""
    other = {"word_count": r"sentences?|paragraphs?", "sentence_count": r"words?|paragraphs?",
             "paragraph_count": r"words?|sentences?"}.get(name)
    return bool(other) and re.search(rf"\b\d+(?:\s+|-)(?:{other})\b", low) is not None


def count_misread(name: str, text: str, args: Dict[str, Any] = {}) -> bool:
    """True when a whole-response length count read from ``text`` (quotations blanked) may not be what it
    asks: a negation outside a relation phrase ('does not have more than 5 sentences' is at most 5, which
    the relation read as 'more than' would invert), or a part of the response as its subject."""
    if name not in _NEG_CHECKED or (name == "bullet_count" and args.get("n") == 0):
        return False  # 'Does not use bullet points' is a count of 0
    low = _NEGATED_RELATION.sub(" ", text.lower())
    if args.get("relation") == "exactly":  # an exact count said exactly again ('exactly 3: not one more, not one less')
        low = re.sub(r"\bnot\s+one\s+(?:more|fewer|less)\b(?!\s+than)", " ", low)
    # how paragraphs are separated is not a part: 'each separated by ***', 'from each other', 'blank lines'
    low = re.sub(r"\beach other\b|\bone another\b|\bbetween (?:each|every|any) (?:pair of |two )?(?:(?:neighbou?ring|adjacent|consecutive|successive) )?(?:paragraphs|sections)\b|\beach\s+(?:one\s+)?(?:is\s+)?(?:separated|divided|split|set apart)\b"
                 r"|\bbetween (?:each|every) (?:one|paragraph|section) and the (?:next|following)(?: one)?\b"
                 r"|\beach\s+pair\s+of\s+(?:(?:neighbou?ring|adjacent|consecutive|successive)\s+)?(?:paragraphs|sections)\s+(?:is\s+|are\s+)?(?:separated|divided|split)\b"
                 r"|\b(?:blank|empty|new|single|double|separate)[- ]?lines?\b|\bline[- ]?breaks?\b|\bnewlines?\b", " ", low)
    if re.search(r"\b(?:no|not|never|without|none|nor|neither)\b|n't\b", low):
        return True
    if unit_qualified(name, low):
        return True
    if second_count(name, low):
        return True  # a second count of another unit ('under the 20-word limit, with fewer than 20 sentences')
    return name in _PART_CHECKED and re.search(rf"\b(?:{_PART_NOUNS}|{_PART_CHECKED[name]})\b", low) is not None
