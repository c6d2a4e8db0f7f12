"""The lowering rules, one per check family: each reads a :class:`CriterionText` and returns
(check name, args) when the criterion states that family's requirement unambiguously, else None.

``RULES`` is ordered, more specific first; the driver (:mod:`rubricc.compiler.lower`) takes the first
rule that fires and validates its answer against the check library.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from rubricc.compiler.lower_counted import CAPWORDS as _CAPWORDS, PART_OF_RESPONSE, highlights_stated, one_character, quoted_part
from rubricc.compiler.lower_ifbench import IFBENCH_RULES
from rubricc.compiler.lower_keywords import r_keywords
from rubricc.compiler.lower_repeat import r_repeat_prompt
from rubricc.compiler.lower_parse import (CASE_INCLUDED, COMMAS_ONLY, LANGUAGE_SAID, LANGUAGES, NEGATION, ORDINALS, QUOTE_RE, CriterionText,
                                          count_of, count_times, language_in, unquoted_end_phrase)

Rule = Callable[[CriterionText], Optional[Tuple[str, Dict[str, Any]]]]


def r_two_responses(c: CriterionText):
    # 'two parts that differ' (the check's own description: two non-empty parts, not the same)
    two = re.search(r"\btwo\b|\b2\b", c.low)
    if two and re.search(r"\b(responses|answers|replies|versions)\b|\bparts\b(?=.*\b(?:differ|different|distinct|not\s+identical|not\s+the\s+same)\b)", c.low) and \
            re.search(r"\*{6}|six asterisk|6 asterisk", c.low):
        # 'does not consist of two different responses divided by ******': the requirement negated, no check
        return None if re.search(NEGATION, c.low[:two.start()]) else ("two_responses", {})
    return None


# 'contains either "A", "B" or "C"': the whole criterion is the verb and the quoted options
# or '(answers|responds) with "A", "B" or "C"' (alternatives joined by 'or')
_EITHER = re.compile(r"(?:(?:does|do|is|will)\s+)?(?:the\s+)?(?:response\s+|answer\s+|reply\s+)?(?:must\s+|should\s+)?"
                     r"(?:contains?|includes?|uses?|says?|states?|gives?|is|be|reads?|"
                     r"(?:answers?|responds?|repl(?:y|ies))\s+(?:only\s+)?(?:with|using))\s+(?:(?:the\s+(?:exact\s+)?(?:phrase|option|sentence|line)|one of the\s+(?:exact\s+)?(?:phrases|options|sentences))\s+)?(?:either\s*:?\s*(?:\"q\"\s*,?\s*(?:or\s+)?)+"
                     r"|(?:\"q\"\s*(?:,\s*|\s+or\s+))*\"q\"\s*,?\s+or\s+\"q\")\s*[.?]?"
                     # 'Chooses among "A", "B" and "C"', 'Answer options: "A", "B", "C"'
                     r"|(?:the\s+)?(?:response\s+|answer\s+|reply\s+)?(?:must\s+|should\s+)?(?:chooses?|picks?|selects?)\s+"
                     r"(?:(?:an?|one|its)\s+(?:answer|option|reply)\s+)?(?:from\s+|among\s+)(?:the\s+(?:options|choices|answers)\s*:?\s*)?"
                     r"\(?(?:\"q\"\s*,?\s*(?:(?:and|or)\s+)?){2,}\)?\s*[.?]?"
                     r"|(?:answer\s+options|answer\s+choices|allowed\s+answers|allowed\s+options|valid\s+answers|permitted\s+answers)\s*:\s*"
                     r"(?:\"q\"\s*,?\s*(?:(?:and|or)\s+)?){2,}\s*\.?")


# 'any of the strings "A", "B", "C" occurs in the response' (exact strings: the check's own description)
_ANY_STRING = re.compile(r"(?:at\s+least\s+one|any)\s+of\s+the\s+(?:exact\s+)?strings\s*:?\s*(?:\"q\"\s*,?\s*(?:or\s+)?){2,}"
                         r"(?:occurs?|appears?|is\s+present)\s+(?:somewhere\s+)?in\s+the\s+response\s*\.?")


def r_constrained(c: CriterionText):
    if re.search(NEGATION, re.split(r"[\"'\u201c:(]|\bone of\b|\beither\b", c.low, maxsplit=1)[0]):
        return None  # 'does not answer with one of ...' (the options themselves may say 'no')
    # options that are words ('uses "yes" or "no"'): whole words in any case, not strings found verbatim ("no" in "not");
    # (the driver's guards blank quotations to "x": still options there)
    words = all(re.fullmatch(r"[\w'-]+", q) for q in c.quotes) and set(c.quotes) != {"x"}
    if len(c.quotes) >= 2 and (_EITHER.fullmatch(c.norm.strip()) or _ANY_STRING.fullmatch(c.norm.strip())):
        return ("neural", {}) if words else ("any_phrase_present", {"phrases": c.quotes})
    # ('every one of "a" and "b"' is each of them, not one option)
    if not re.search(r"(?<!every )(?<!each )\bone of\b|\b(?:from|among) the (?:following |fixed )?(?:options|choices|answers)\b|\bfixed options\b"
                     r"|\bany of the (?:required |allowed |permitted |fixed |following )?(?:phrases|options|answers|choices)\b"
                     r"|\ban? exact (?:option|choice)\s*:", c.low):
        return None
    if len(c.quotes) >= 2:
        return ("neural", {}) if words else ("any_phrase_present", {"phrases": c.quotes})
    # unquoted: 'one of: A / B / C' (or 'A | B | C') or 'one of the phrases A, B, or C' with sentence-like options
    m = re.search(r"(?:one of(?: these| those| the following| the| the three| the fixed| the allowed| the possible)?"
                  r"(?: options| choices| phrases| answers| replies| responses| sentences)?|an? exact (?:option|choice)|options|choices|phrases)"
                  r"(?:[^:]*:)?\s*(.+)$",
                  c.text.strip(), flags=re.IGNORECASE)
    if m:
        opts = [x.strip() for x in re.split(r"\s+[/|]\s+|,\s*(?:or\s+|and\s+)?|\s+or\s+", m.group(1).rstrip(".")) if x.strip()]
        opts = [x if x.endswith((".", "!", "?")) else x + "." for x in opts]
        if len(opts) >= 2 and all(re.fullmatch(r"[A-Z][\w' ]{2,60}[.!?]", x) for x in opts):
            return "any_phrase_present", {"phrases": opts}
    return None


def r_title(c: CriterionText):
    low = QUOTE_RE.sub(" ", c.low)
    if re.search(r"\btitle\b", low) and re.search(r"<<|double angular|double angle|double chevron", low):
        # a place no title keeps ('appears in the reply's last line'): a condition of its own
        if c.neg or re.search(r"\b(?:last|final|closing|second|third|fourth|middle)\s+(?:line|paragraph|sentence|section|bullet)\b", low):
            return None
        return "has_title", {}
    return None


_WHOLE_QUOTED = re.compile(
    r"(?:(?:ensure|make sure|check|verify|confirm)(?:\s+that)?\s+)?(?:(?:is|was)\s+(?=the\s|your\s))?(?:the\s+|your\s+)?(?:whole\s+|entire\s+|complete\s+|full\s+)?"
    r"(?:response|answer|reply|output|text)?\s*(?:is\s+|should be\s+|must be\s+|needs to be\s+|has to be\s+)?"
    r"(?:enclosed|wrapped|surrounded|encased)\s+(?:in|with|by|between)\s+(?:a pair of\s+)?(?:double\s+)?"
    r"(?:quotation marks|quotes|quote marks)(?:\s*\(\S+\))?\s*[.?]?"
    r"|(?:the\s+)?(?:response|answer|reply)?\s*(?:starts|begins)\s+and\s+ends\s+with\s+(?:a\s+)?(?:double\s+)?"
    r"(?:quotation marks?|quotes?(?: characters?| marks?)?|\\?\")(?:\s+characters?)?\.?"
    # 'begins with " and ends with "', 'starts with a double quote and ends with one'
    r"|(?:the\s+)?(?:response\s+|answer\s+|reply\s+)?(?:text\s+)?(?:starts|begins)\s+with\s+(?:a\s+)?(?:double\s+)?(?:quotation mark|quote(?: character| mark)?|\")"
    r"(?:\s+character)?(?:\s+as\s+its\s+(?:very\s+)?first\s+character)?,?\s+and\s+ends\s+with\s+(?:one|another(?: one)?|a\s+(?:double\s+)?"
    r"(?:quotation mark|quote(?: character| mark)?)|\")(?:\s+character)?(?:\s+as\s+its\s+(?:very\s+)?(?:last|final)\s+character)?\s*\.?")


_QUOTE_ENDS = re.compile(r"^(?:pass\s+if\s+)?(?:its|the)\s+(?:very\s+)?first\s+and\s+(?:very\s+)?last\s+characters\s+of\s+the\s+(?:response|reply|answer)\s+(?:are\s+both|are|both\s+are)\s+"
                         r"(?:a\s+|the\s+)?double\s+quotation\s+marks?(?:\s*\(\s*\"\s*\))?\s*[.]?\s*$")


def r_quotes_wrap(c: CriterionText):
    if _WHOLE_QUOTED.fullmatch(c.low.strip()) and not c.neg:
        return "wrapped_in_quotes", {}
    if _QUOTE_ENDS.search(c.low) and not c.neg:  # 'the first and last characters of the reply are both double quotation marks (")'
        return "wrapped_in_quotes", {}
    if re.search(r"\b(wrap|wrapped|wraps|wrapping|enclose|enclosed|encloses|enclosing|surround|surrounded|surrounds|surrounding|inside|within|in|around)\b", c.low) \
            and re.search(r"double quot|double-quot|quotation marks|double quotes|\b(?:placed|put|set|written) (?:with)?in (?:double )?quotes\b", c.low) \
            and re.search(r"\b(entire|entirely|whole|entirety|all of|full|complete|everything)\b|\bfrom (?:start|beginning) to (?:finish|end)\b"
                          r"|\bat the (?:very )?(?:beginning|start)\b[^.;]{0,30}\bat the (?:very )?end\b"
                          r"|^(?:the )?(?:response|answer|reply) (?:is|should be|must be) (?:placed|put|set|written|enclosed|wrapped) (?:with)?in (?:double )?quot", c.low) \
            and not c.neg and not quoted_part(QUOTE_RE.sub(" ", c.low)):
        return "wrapped_in_quotes", {}
    return None


# a fence allowed either way: 'with or without a surrounding ``` fence'
_EITHER_FENCE = re.compile(r"[,(]?\s*with\s+or\s+without\s+(?:an?\s+)?(?:(?:surrounding|enclosing|wrapping)\s+)?(?:```(?:json)?\s*|markdown\s+)*"
                           r"(?:code\s+)?(?:block|fence)(?:\s+around\s+it)?\s*\)?")


def r_json(c: CriterionText):
    if not re.search(r"\bjson\b", QUOTE_RE.sub(" ", c.low)) or c.neg:
        return None  # a quoted "json" is data (a word to avoid), not the format
    if re.search(r"\b(?:xml|yaml|csv|html|files?|convert\w*|represent\w*|mirror\w*|translat\w*)\b", c.low):
        return None  # about a conversion between formats, not the response's own format
    low = re.sub(r"[,(]?\s*(?:optionally|possibly)?\s*(?:placed\s+|put\s+)?(?:inside|in|within|wrapped in)\s+(?:a\s+)?(?:```(?:json)?\s+|markdown\s+|json\s+)?"
                 r"(?:code\s+)?(?:block|fence)(?:\s+is\s+(?:fine|ok|okay|allowed))?\)?", " ", c.low)
    low = re.sub(r"\((?:a\s+)?markdown code fence around it is fine\)", " ", low)
    low = _EITHER_FENCE.sub(" ", low)
    low = re.sub(r"\(\s*(?:(?:an?|the)\s+)?(?:optional\s+)?(?:(?:surrounding|enclosing|wrapping)\s+)?(?:```(?:json)?\s+|markdown\s+)*(?:code\s+)?(?:block|fence)"
                 r"(?:\s+around\s+it)?\s+is\s+(?:fine|ok|okay|allowed|acceptable|permitted)\s*\)", " ", low)
    if re.search(r"\b(key|keys|field|fields|property|properties|schema|example|snippet|block|includes?|contains?)\b", low):
        return None
    if re.search(r"\b(?:titles?|headings?|headers?|headlines?|sections?|paragraphs?|sentences?|postscript|signature|footnotes?|captions?|bullets?)\b", low):
        return None  # a part of the response in JSON ('The title is valid JSON'), not the whole response
    if re.search(r"\b(entire|whole|entirely|wrapped|all of|only|valid|well-formed|formatted|format|pure|parsed|parses|parseable|parsable|everything|solely|exclusively|in the form of|loads|loaded|loadable)\b"
                 r"|\ba single json (?:object|document|value) and nothing else\b", low):
        return "is_json", {}
    return None


def r_postscript(c: CriterionText):
    if not re.search(r"postscript|post-script|\bp\.\s?s\b|\bp\.\s?p\.\s?s\b", c.low) or c.neg:
        return None
    if re.search(r"\bp\.\s?p\.\s?s\b", c.low):
        return "postscript", {"marker": "P.P.S"}
    return "postscript", {"marker": "P.S."}


def r_placeholders(c: CriterionText):
    if not re.search(r"placeholder", c.low):
        return None
    # the example is not a kind of placeholder ('8 placeholders like [name]')
    norm = re.sub(r",?\s*(?:such as|like|e\.g\.,?|i\.e\.,?|for example,?)\s*\[[^\]]*\]", "", c.norm)
    # '[placeholder] fields', 'placeholders in square brackets: at least 3': one unit, the brackets are its form
    norm = re.sub(r",?\s*(?:of|in) the form\s*\[[^\]]*\]", "", norm)
    norm = re.sub(r"\[(placeholders?)\]", r"\1", norm)
    norm = re.sub(r"\bplaceholders?\s+(?:fields?|slots?|tokens?|markers?|variables?|blanks?)\b", "placeholders", norm)
    norm = re.sub(r"\b(placeholders?)\s+(?:in|inside|within|using|with|enclosed in|wrapped in)\s+(?:square\s+)?brackets\b", r"\1", norm)
    cnt = count_of(norm, r"(?:placeholders?|[a-z -]*placeholders?)", default="at least")
    if cnt is None:
        if re.search(r"\d", norm):
            return None  # a number that is not a plain count ('between 2 and 4 placeholders')
        if re.search(r"\b(a|one) placeholder|placeholders? (?:such as|like|e\.g\.)|\bany placeholders?\b|contains? placeholders", c.norm) and not c.neg:
            return "placeholder_count", {"relation": "at least", "n": 1}
        return None
    rel, n = cnt
    return "placeholder_count", {"relation": rel, "n": n}


# 'starts with', 'opening on the word': how a paragraph's first word is introduced
_OPENS_WITH = r"(?:starts?|begins?|opens?|starting|beginning|opening|started|began|opened)\s+(?:with|on(?=\s+the\s+word\b))"


def r_two_part_paragraph(c: CriterionText):
    if re.search(r"\b(?:does\s+not|doesn't|do\s+not|don't|did\s+not|never|fails?\s+to|is\s+not|isn't|lacks?)\b", QUOTE_RE.sub(" ", c.low)):
        return None  # 'does not have exactly 4 paragraphs, or its first does not start with "x"' asks the opposite
    m = re.search(r"\b(?:paragraph (\d+)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|\d+(?:st|nd|rd|th)) paragraph)\b"
                  r"[^.;]*?\b" + _OPENS_WITH + r"\s+(?:the\s+)?(?:word\s+)?"
                  r"[\"'\u201c]?([A-Za-z][\w-]*)[\"'\u201d]?", c.norm)
    if not m and re.search(r"\bparagraphs\b", c.norm):
        m = re.search(r"\b()(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)"
                      r"(?: one| of which| of them)?\s+(?:\w+\s+)?" + _OPENS_WITH + r"\b", c.norm)
    if not m:
        return None
    if m.group(1):
        nth = int(m.group(1))
    else:
        w = m.group(2)
        nth = ORDINALS.get(w) if w in ORDINALS else int(re.match(r"\d+", w).group(0))
    w = re.search(r"\b" + _OPENS_WITH + r"\s+(?:the\s+)?(?:word\s+)?"
                  r"[\"'\u201c]?([A-Za-z][\w-]*)", c.text, flags=re.IGNORECASE)
    if not w or (not re.search(r"[\"'\u201c]\w+$", w.group(0)) and (w.group(1).lower() in ("a", "an", "one", "this", "that", "some", "its", "their", "his", "her", "my", "your", "our")
                                                           or not re.match(r"\s*(?:[.,;!?]|$|and\b|followed\b)", c.text[w.end():]))):
        return None  # unquoted: one word and nothing more ('starts with a question' names no word)
    args: Dict[str, Any] = {"word": w.group(1)}
    # 'As for paragraphs, the response has exactly 3 of them': the count said by a pronoun
    norm = re.sub(r"\b(\d+) of them\b", r"\1 paragraphs", c.norm) if re.search(r"\bparagraphs\b.*\b\d+ of them\b", c.norm) else c.norm
    cnt = count_of(norm, r"paragraphs", default="exactly")
    if cnt is None and re.search(r"\d+\s+(?:[\w-]+\s+){0,2}paragraphs\b|\b(?:exactly|precisely|just|only)\s+\d+\b", norm):
        return None  # a paragraph count not read is never dropped
    if cnt is not None:
        if cnt[0] != "exactly":
            return None
        args["num_paragraphs"] = cnt[1]
    if nth == -1:
        if "num_paragraphs" not in args:
            return None
        nth = args["num_paragraphs"]
    args["nth"] = nth
    return "paragraph_first_word", args


def r_paragraphs(c: CriterionText):
    if not re.search(r"\bparagraphs?\b", c.low) or re.search(r"\b(?:(?:start|begin|open)(?:s|ed|ing)?|commenc(?:e|es|ed|ing))\s+(?:\w+\s+){0,4}?with\b|\bbegan\s+(?:\w+\s+){0,4}?with\b|\b(?:first|initial|opening|starting|beginning|leading|last|final|closing)\s+word\b", c.low):
        return None  # 'and started the seventh paragraph with ...' is a paragraph_first_word requirement
    cnt = count_of(c.norm, r"paragraphs?", default="exactly")
    if cnt is None:
        return None
    rel, n = cnt
    sep = "***" if re.search(r"\*\*\*|divider|three asterisks|3 asterisks", c.low) else "blank_line"
    return "paragraph_count", {"relation": rel, "n": n, "separator": sep}


def r_sections(c: CriterionText):
    if not re.search(r"\bsections?\b|\bparts?\b", c.low) or re.search(r"highlight", c.low):
        return None
    # the splitter: "<Word> X", "<Word> 1", or a quoted "<Word> X"
    m = re.search(r"(?:[\"'\u201c]|\bwith\s+|\bas\s+|\blabel(?:l?ed)?\s+|\bheaded\s+|\bby\s+|\bmarked\s+|\bof\s+the\s+form\s+)([A-Za-z]+)\s+(?:X|N|\d+|#)\b", c.text) or \
        re.search(r"\b([A-Za-z]+) 1\b[^.;]{0,30}?\b\1 (?:2|N|X|\d+)\b", c.text)  # 'headings SECTION 1 to SECTION 3'
    if not m:
        m = re.search(r"(?:\b(?:the word|the label|the marker)\s+[\"'\u201c]?|\b(?:with|by|marked|labell?ed|reads?|reading|says?|saying|headed|titled|as)\s+[\"'\u201c]?)([A-Za-z]+)[\"'\u201d]?\s+"
                      r"(?:and|plus|with|followed by)\s+(?:its|the|a)\s+(?:section\s+)?number\b", c.text)
    if not m:
        return None
    splitter = m.group(1)
    if splitter.lower() in ("the", "a", "an", "with", "each", "of", "its", "their"):
        return None
    unit = r"(?:sections?|parts?)"
    # a bare 'N sections' marked '<Word> X' is IFEval's convention, where N is a minimum; the markers
    # themselves ('SECTION 1 to SECTION 3') are not counts
    norm = re.sub(rf"\b{re.escape(splitter.lower())}\s+(?:x|n|\d+|#)\b", "marker", c.norm)
    norm = re.sub(r"\beach\s+of\s+(?:its|the)\s+(?=\d)", "", norm)  # 'Labels each of its 3 sections as "Day" ...'
    cnt = count_of(norm, unit, default="at least")
    if cnt is None:
        return None
    rel, n = cnt
    return "section_count", {"splitter": splitter, "relation": rel, "n": n}


_IN_ASTERISKS = r"(?:wrapped|enclosed|surrounded|placed|set)\s+(?:in|by|between|with(?:in)?)\s+(?:single\s+)?asterisks"


def r_highlight(c: CriterionText):
    if not re.search(rf"highlight|emphasi[sz]|italici[sz]|{_IN_ASTERISKS}", c.low):
        return None
    if not re.search(r"markdown|\*[^*\s][^*]*\*|asterisk|italic|bold", c.low):
        return None
    # '*highlighted* sections', '(markdown, *like this*)', ', as in *highlighted section*,': examples and markers, not the count
    norm = re.sub(r"\s*,?\s*\bas\s+in\s+\*+[^*\n]+\*+\s*,?", " ", c.norm)
    norm = re.sub(r"\s*\([^()]*\)", "", re.sub(r"\*(\w[\w -]*)\*", r"\1", norm))
    # what a highlight is, restated: not empty, within one line (IFEval's own definition)
    norm = re.sub(r"\bnon-?\s?(?:empty|blank)\s+|\s*,?\s*(?:(?:with)?in|on)\s+(?:a\s+single|one|the\s+same)\s+line\b", " ", norm)
    norm = re.sub(r"\s+(?=[.,;])", "", re.sub(r"\s+", " ", norm))
    cnt = count_of(norm, r"(?:(?:markdown[- ])?(?:highlighted|emphasi[sz]ed)\s+)?(?:sections?|parts?|passages?|phrases?|spans?|portions?|highlights?|bits|pieces|segments)",
                   default="at least")
    if cnt is None:
        cnt = highlights_stated(norm)
    if cnt is None:
        return None
    rel, n = cnt
    return "highlighted_sections", {"relation": rel, "n": n}


# lines said to start with the bullet markers themselves ('3 lines begin with * or -'): markdown bullets
_MARKER_LINES = re.compile(r"\blines?\s+(?:(?:in|of)\s+the\s+(?:response|answer|reply|output)\s+)?(?:that\s+|which\s+)?(?:start|begin)(?:s|ning|ing)?\s+"
                           r"with\s+(?:an?\s+)?(?P<q>[\"'\u201c]?)(?:\*\s*(?P=q)\s+or\s+(?:an?\s+)?(?P=q)-|-\s*(?P=q)\s+or\s+(?:an?\s+)?(?P=q)\*)\s*(?P=q)"
                           r"(?:\s*,?\s*and\s+no\s+other\s+lines?\s+(?:does|do))?", re.IGNORECASE)


def r_bullets(c: CriterionText):
    if not re.search(r"bullet", c.low):
        said = _MARKER_LINES.sub("bullet points", c.low)
        if said == c.low or re.search(r"\b(?:per|each|every)\b", said):
            return None
        cnt = count_of(CriterionText(said).norm, r"bullet points", default="exactly")
        return ("bullet_count", {"relation": cnt[0], "n": cnt[1]}) if cnt is not None else None
    # an example in parentheses ('(lines starting with * or -)') is not a further requirement
    norm = re.sub(r"\s*\((?![^()]*\b(?:per|each|every|section|paragraph)\b)[^()]*\)", "", c.norm)
    # what a bullet is, restated ('each beginning with a markdown bullet marker'): no distribution
    norm = re.sub(r",?\s*(?:each|every\s+one)\s+(?:beginning|starting|opening|marked)\s+(?:with|by)\s+(?:an?\s+|the\s+)?(?:markdown\s+)?"
                  r"(?:bullet(?:[- ]point)?\s+)?(?:marker|symbol|character|dash|hyphen|asterisk)s?\b", " ", norm)
    if re.search(r"\b(?:per|each|every)\b", norm):
        return None  # 'one per section': a distribution, not only a count
    cnt = count_of(norm, r"(?:markdown\s+)?bullet(?:ed)?(?:[- ]points?|[- ]lists?(?:[- ]items?)?|[- ]items?|s)?", default="exactly")
    if cnt is None:  # 'exactly 3 lines start (that begin) with a markdown bullet marker'
        lines = re.sub(r"\blines\s+(?:(?:in|of)\s+the\s+(?:response|answer|reply|output)\s+)?(?:that\s+)?(start|begin)(?:s|ning|ing)?\b", r"lines \1", norm)
        cnt = count_of(lines, r"lines?(?=\s+(?:start|begin)s?\s+with\s+(?:an?\s+)?(?:markdown\s+)?bullet)", default="exactly")
    if cnt is None and re.search(r"\bbullet(?:ed)? list (?:with|of) \S+ (?:items|points|entries)\b", c.norm):
        cnt = count_of(c.norm, r"(?:items|points|entries)", default="exactly")
    if cnt is None:
        if re.fullmatch(r"(?:the\s+)?(?:response\s+|answer\s+)?(?:does\s+not|doesn't|do\s+not|should\s+not|must\s+not)\s+"
                        r"(?:use|contain|include|have)\s+(?:any\s+)?bullet(?:ed)?(?:[- ]points?| lists?|s)?\.?"
                        r"|(?:the\s+)?(?:response\s+)?(?:uses|contains|has)\s+no\s+bullet(?:ed)?(?:[- ]points?| lists?|s)?\.?",
                        c.low.strip()):
            return "bullet_count", {"relation": "exactly", "n": 0}
        return None
    rel, n = cnt
    return "bullet_count", {"relation": rel, "n": n}


def r_capital_words(c: CriterionText):
    if not re.search(r"capital|upper ?case|all caps|all-caps", c.low):
        return None
    # scoped ('for the drug names', 'one per heading', 'to emphasize warnings'): not a count over the response
    canon = _CAPWORDS.sub("capwords", c.norm)
    if re.search(r"\b(?:for|per|each|every|names?|headings?|titles?|acronyms?|abbreviations?|when|emphasi[sz]\w*|only in)\b", canon):
        return None
    if re.search(r"\bcapitali[sz]ed words?\s*\((?:e\.g\.,?|like|such as|i\.e\.,?)\s+[A-Z]{2,}\)", c.text):  # 'capitalized words (like THIS)'
        canon = re.sub(r"\bcapitali[sz]ed words?\s*\((?:e\.g\.,?|like|such as|i\.e\.,?)\s+[a-z]{2,}\)", "capwords", canon)
    if "capwords" in canon and len(re.findall(r"\bcapwords\b", canon)) == 1:
        cnt = count_of(canon, r"capwords", default="exactly") if not re.search(r"\btimes\b", canon) else count_times(canon)
        if cnt is not None:
            return "capital_word_frequency", {"relation": cnt[0], "n": cnt[1]}
    if not re.search(r"\bwords?\b", c.low) or not re.search(r"all[- ]cap|upper ?case|upper-case|capital letters|capitals\b", c.low) or \
            re.search(r"\b(?:starts?|starting|begins?|beginning|first letter|initial)\b", c.low):
        return None  # 'Capitalized words appear 3 times' may mean a capital initial: left to the judge
    cnt = count_times(c.norm) or count_of(c.norm, r"words?", default=None)
    if cnt is None:
        cnt = count_of(c.norm, r"(?:words?|[a-z ,-]*words)", default=None)
    if cnt is None:
        return None
    rel, n = cnt
    return "capital_word_frequency", {"relation": rel, "n": n}


def r_case(c: CriterionText):
    no_upper = re.search(r"\b(?:no|not (?:one|a single)|without(?: using| writing)?(?: any| a single| a| one| even a(?: single)?| even one)?|zero)\s+(?:upper ?case|upper-case|capitals?|caps)(?:\s+(?:letters?|characters?)\b|\s*(?:[).,;]|$)|\s+(?:anywhere|at all|whatsoever)\b)"
                         r"|\b(?:upper ?case|upper-case|capital) (?:letters|characters) are (?:not allowed|not permitted|forbidden|prohibited)\b"
                         r"|\bno (?:single )?(?:letter|character) (?:in it )?is (?:an? )?(?:upper ?case|upper-case|capital)\b"
                         r"|,\s*none (?:of them )?(?:in )?(?:upper ?case|upper-case|capitals?)\b", c.low)
    no_lower = re.search(r"\b(?:no|not (?:one|a single)|without(?: using| writing)?(?: any| a single| a| one| even a(?: single)?| even one)?|zero)\s+(?:lower ?case|lower-case|small)(?:\s+(?:letters?|characters?)\b|\s*(?:[).,;]|$)|\s+(?:anywhere|at all|whatsoever)\b)"
                         r"|,\s*none (?:of them )?(?:in )?(?:lower ?case|lower-case)\b", c.low)
    if no_upper and no_lower:
        return None
    lower = no_upper or (not no_lower and re.search(r"lower ?case|lower-case|small letters", c.low))
    upper = no_lower or (not no_upper and re.search(r"upper ?case|upper-case|all capital|capital letters|capitals\b|all caps|all-caps|block letters|"
                                                    r"\b(?:letter|character) of it is a capital\b", c.low))
    # (a count forbids nothing here but the other case: 'zero lowercase letters')
    if not (lower or upper) or re.search(r"\d", re.sub(r"\b0\s+(?:upper ?case|upper-case|lower ?case|lower-case|capitals?|caps|small)\b", " ", c.norm)):
        return None
    # 'every word in uppercase' is every letter ('every word capitalized' may be title case: not read)
    every = r"\bevery (?:single )?(?:(?:letter|character)\b|word(?=\s+(?:(?:is|are)\s+)?(?:(?:written|typed|set|kept)\s+)?(?:in\s+)?" \
            r"(?:all\s+)?(?:upper ?case|upper-case|lower ?case|lower-case|capitals|caps|capital letters)\b))"
    if not (no_upper or no_lower) and not re.search(
            r"\b(entire|entirely|all|whole|only|exclusively|completely|wholly|throughout|everything)\b|" + every, c.low):
        return None
    # a scoped case rule ("all capital letters for warnings", "drug names in lowercase") is not about the response
    low = CASE_INCLUDED.sub(" ", re.sub(every, " ", c.low))
    if re.search(r"\b(for|names?|titles?|headings?|headers?|acronyms?|first letter|each|every|some|when)\b", low):
        return None
    lang = language_in(c.low)
    if lang is None and LANGUAGE_SAID.search(QUOTE_RE.sub(" ", c.low)):
        return None  # a language said and not read ('lang == zz AND all uppercase'): never dropped
    args = {"language": lang} if lang else {}
    # 'is not entirely in lowercase' is no case check ('..., not even at the start of sentences' restates it)
    if lower and not upper and (no_upper or not re.search(r"(?:\bnot\b|n't\b|\bnever\b)\s+(?:\w+\s+){0,3}(?:lower ?case|lower-case|small letters)", c.low)):
        return "all_lowercase", args
    if upper and not lower and (no_lower or not c.neg):
        return "all_uppercase", args
    return None


# an example in brackets ('(e.g. for the letter a, both 'A' and 'a')'): it names no letter of the criterion's own
_EXAMPLE = re.compile(r"\(\s*(?:e\.\s?g\.|eg\b|for\s+example|for\s+instance|such\s+as|say\b|like\b)[^()]*\)", re.IGNORECASE)


def r_letter_frequency(c: CriterionText):
    text = _EXAMPLE.sub(" ", c.text)
    m = re.search(r"\b(?:letter|character|symbol)\s+[\"'\u201c`]?(\S)[\"'\u201d`]?(?=[\s,.:]|$)", text, flags=re.IGNORECASE)
    ch = None
    if m:
        ch = m.group(1)
    else:
        named = {"exclamation mark": "!", "exclamation point": "!", "question mark": "?", "hashtag": "#",
                 "hash sign": "#", "semicolon": ";", "colon": ":", "comma": ",", "dollar sign": "$", "at sign": "@"}
        for k, v in named.items():
            if re.search(rf"\b{k}s?\b", text.lower()):
                ch = v
                break
        if ch is None:
            return None
    if re.search(r"\b(?:or|and)\s+(?:any|an?|even\s+one|some)\s+(?!(?:of\s+)?(?:them|times?|case)\b)[a-z]", QUOTE_RE.sub(" ", c.low)):
        return None  # a second thing counted or forbidden beside it ('more than 2 exclamation marks or any emoji')
    cnt = count_times(c.norm)
    if cnt is None:
        cnt = count_of(c.norm, r"(?:exclamation marks|exclamation points|question marks|hashtags|commas|semicolons|colons|dollar signs|at signs|hash signs)", default=None)
    if cnt is None:
        return None
    rel, n = cnt
    return "letter_frequency", {"letter": ch, "relation": rel, "n": n}


def r_no_commas(c: CriterionText):
    norm = re.sub(r"\b0 commas?(?: characters?| signs?| marks?)?\b", "commas", c.norm)
    comma = re.search(r"\bcommas?\b", c.low) or (c.quotes == [","] and re.search(r"\b(?:character|use|used|uses|using|any)\b", c.low))
    negated = c.neg or re.search(r"\bcomma-free\b|\bcommaless\b|\bcommas? (?:are|is) (?:absent|missing)(?: (?:from|in) (?:the|your) "
                                 r"(?:(?:entire|whole) )?(?:response|answer|reply|text|output))?\s*\.?$", c.low)
    # scoped ('no commas in the list items', '... in the title'): not about the whole response; commas allowed somewhere
    # ('contains commas only in lists: not in numbers'): the negation is the places a comma is not in
    if comma and negated and not re.search(r"\d", norm) and not PART_OF_RESPONSE.search(c.low) and not COMMAS_ONLY.search(c.low):
        return "no_commas", {}
    if not negated and _HAS_COMMA.fullmatch(c.low.strip()):
        return "phrase_present", {"phrase": ","}  # a penalty item's mistake: 'the response uses even one comma'
    return None


# a comma present, said as the whole criterion (the exact complement of no_commas)
_HAS_COMMA = re.compile(r"(?:the\s+(?:response|answer|reply|output)\s+)?(?:uses|contains|has|includes)\s+(?:even\s+)?(?:a|one|any|a single|"
                        r"at least one)?\s*(?:single\s+)?commas?(?:\s+(?:anywhere|at all))?(?:\s+(?:anywhere\s+)?in\s+(?:the|its)\s+"
                        r"(?:response|answer|reply|output|text))?\s*[.!]?")


_FREQ_STOP = {"it", "this", "that", "them", "these", "those", "something", "things", "each", "every", "all",
              "both", "one", "more", "less", "less than", "no", "not", "nothing", "anything", "everything", "words", "names",
              "numbers", "examples", "sources", "steps", "points", "items", "things", "people", "questions", "at", "under", "over"}


def r_keyword_frequency(c: CriterionText):
    cnt = count_times(c.norm)
    if cnt is None:
        return None
    kw = None
    if len(c.quotes) == 1:
        kw = c.quotes[0]
    else:
        m = re.search(r"\b(?:word|term|keyword|phrase)\s+([A-Za-z][\w'-]*)\s+(?:should |must |will |to )?(?:appear|appears|occur|occurs|be used|is used|show up|shows up)", c.text, flags=re.IGNORECASE)
        if m:
            kw = m.group(1)
        else:
            # unquoted after a verb that names a word: 'Mentions forest at least 3 times', 'Says sorry fewer than 2 times'
            # ('Uses emojis 3 times' names a kind of thing, not a word: left to the judge)
            m = re.fullmatch(r"(?:(?:the\s+)?(?:response|answer|reply)\s+(?:must\s+|should\s+)?)?(?:mentions?|says?|writes?|repeats?)\s+"
                             r"([a-z][\w'-]*)\s+(?:(?:at|no|not|a|fewer|less|more|exactly|just|precisely|under|over|below|above|minimum|maximum|least|most|than|of|up|to)\s+){0,3}\d+\s+(?:or \w+\s+)?times(?:\s+or \w+)?(?:\s+in (?:the|your) (?:response|answer|reply))?\s*\.?",
                             c.norm.strip())
            if m and m.group(1) not in _FREQ_STOP:
                kw = re.search(rf"\b{re.escape(m.group(1))}\b", c.text, flags=re.IGNORECASE).group(0)
    if kw is None:
        # 'Use the word schedule at least 6 times': unquoted right after 'the word'
        m = re.fullmatch(r"(?:(?:the\s+)?(?:response|answer|reply)\s+)?(?:(?:must|should)\s+)?(?:use|uses|using|include|includes|mention|mentions|"
                         r"say|says|repeat|repeats|contain|contains|write|writes)\s+the\s+(?:word|term|keyword)\s+([a-z][\w'-]*)\s+"
                         r"(?:(?:at|no|not|a|fewer|less|more|exactly|just|precisely|under|over|below|above|minimum|maximum|least|most|than|of|up|to)\s+){0,3}"
                         r"\d+\s+(?:or \w+\s+)?times(?:\s+or \w+)?(?:\s+in (?:the|your) (?:response|answer|reply))?\s*\.?", c.norm.strip())
        if m:
            kw = re.search(rf"\b{re.escape(m.group(1))}\b", c.text, flags=re.IGNORECASE).group(0)
    if kw is None or not re.search(r"\b(word|term|keyword|phrase|mention|mentions|mentioned|use|uses|used|appear|appears|occur|occurs|say|says|said|"
                                   r"include|includes|included|contains?|contained|repeat|repeats|repeated|occurrences?|instances?|appearances?|frequency|count|shows? up|turns? up)\b", c.low):
        return None
    rel, n = cnt
    if len(kw.strip()) == 1 and not re.search(r"\b(?:word|term|keyword|token)\b", QUOTE_RE.sub(" ", c.low)):
        return one_character(kw.strip(), rel, n)
    # IFEval counts keywords as case-insensitive substrings; a one- or two-letter word ("I", "a")
    # would then count letters, so those are counted as whole words
    return "keyword_frequency", {"keyword": kw, "relation": rel, "n": n, "whole_word": len(kw.strip()) <= 2}


_DQ = re.compile(r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d")


def r_ends_with(c: CriterionText):
    if c.neg or re.search(r"\boptional\b", QUOTE_RE.sub(" ", c.low)):
        return None  # 'Ending: "Bye." is optional' requires nothing
    last = re.search(r"\b(?:the\s+)?(?:very\s+)?(?:final|last|closing|ending)\s+(?:words?|phrase|sentence|line|text)\s+(?:of the (?:response|answer|reply)\s+)?"
                     r"(?:is|are|should be|must be|reads?)\s*(?:exactly\s*)?:?\s*(?:the (?:exact )?(?:phrase|words|sentence|line)\s*:?\s*)?", c.low) or \
        re.search(r"'s (?:very\s+)?(?:final|last|closing|ending) (?:words?|phrase|sentence|line) (?:is|are|should be|must be)\s*(?:exactly\s*)?:?\s*", c.low) or \
        re.match(r"\s*(?:the\s+)?(?:(?:response|answer|reply)'s\s+)?(?:very\s+)?(?:final|last|closing|ending|end)\s+(?:words?|phrase|sentence|line)"
                 r"(?:\s+of the (?:response|answer|reply))?\s*:\s*", c.low) or \
        re.match(r"\s*(?:the\s+)?very end of the (?:response|answer|reply) (?:is|should be|must be) (?:the (?:phrase|words|sentence)\s*:?\s*)?", c.low)
    if last:
        rest = c.text[last.end():].strip()
        q = QUOTE_RE.match(rest)
        if q:
            tail = rest[q.end():].strip(" .")
            if not tail or re.fullmatch(r"[,;]?\s*(?:with |and )?(?:nothing(?: else)?|no other (?:words|text)) (?:after|following|follows)(?: (?:it|them|this|that))?", tail, re.I):
                return "ends_with", {"phrase": next(g for g in q.groups() if g is not None)}
            return None
    # unquoted, only after an explicit 'exact' cue ('Concludes with this exact phrase: Peace!')
    found = unquoted_end_phrase(c.text)
    if found is not None:
        return "ends_with", {"phrase": found[1]}
    if last or not re.search(r"\b(ends?|ending|ended|finish(es|ed)?|finishing|conclud(e|es|ed|ing)|close[sd]?|wraps? up|signs? off)\s+(?:\w+\s+){0,4}?with\b"
                             r"|\bends? (?:in|on) (?:exactly )?(?=[\"'\u201c])", c.low) or re.search(r"\bnumber of\b", QUOTE_RE.sub(" ", c.low)):
        return None  # not 'the number of lines ending with "?"'
    m = _DQ.search(c.text)
    if m and len(set(c.quotes)) > 1:
        return None  # two phrases ('ends with "A", and then "B"'): not one end
    if m:
        return "ends_with", {"phrase": m.group(1) or m.group(2)}
    # single quotes right after 'with (the exact phrase)': "Finishes with the phrase 'Peace!'."
    m = re.search(r"\b(?:with|in|on)\s+(?:(?:this|the)\s+(?:exact\s+)?(?:phrase|words|sentence|line)\s*:?\s*)?'([^'\n]+)'(?=\s*(?:[.,;]|$|and\b|with\b))",
                  c.text, flags=re.IGNORECASE)
    if m and len(c.quotes) == 1 and (re.search(r"\b(?:phrase|words|sentence|line)\s*:?\s*'", m.group(0)) or re.match(
            r"(?:(?:the|your)\s+(?:response|answer|reply|output|text)\s+(?:must\s+|should\s+)?)?(?:ends?|finish(?:es)?|conclud(?:e|es)|"
            r"closes?|wraps? up|signs? off)\b", c.low.strip())):  # not 'names that end with 'r''
        return "ends_with", {"phrase": m.group(1)}
    return None


def r_starts_with(c: CriterionText):
    if not re.search(r"\b(starts?|starting|begins?|beginning|opens?|opening)\s+(?:\w+\s+){0,4}?with\b", c.low):
        return None
    if re.search(r"\bparagraph|\bsentence|\blines?\b|\bsection|\bbullet|\bitems?\b|\beach\b|\bevery\b|\bnumber of\b", re.sub(r"\"[^\"]*\"", " ", c.low)):
        return None
    m = _DQ.search(c.text)
    if not m or c.neg or re.search(r"\boptional\b", QUOTE_RE.sub(" ", c.low)) or len(set(c.quotes)) > 1:
        return None  # (two phrases, 'starts with "A", and then "B"', are not one start)
    return "starts_with", {"phrase": m.group(1) or m.group(2)}


# a second requirement beside the language ('in English and typed fully in upper case'): not the language alone
_ALSO_ASKED = re.compile(r"\b(?:upper|lower)[- ]?case|\bcapital|\bcaps\b|\bcommas?\b|\bwords?\b|\bsentences?\b|\bparagraphs?\b|\bbullets?\b|"
                         r"\btitle|\bquot|\bjson\b|\bsections?\b|\bpostscript|\bhighlight|\bplaceholder|\bkeywords?\b|\bletters?\b")
_EVERY_WORD = re.compile(r"\bevery word of (?:it|the (?:response|answer|reply))\b")  # the whole reply ('every word of it is in Russian'), no count


def r_language(c: CriterionText):
    codes = set(LANGUAGES.values())
    m = re.search(r"\blanguage(?: of the (?:response|answer|reply))?\s*(?:is|:|=|code(?: is)?)\s*[\"'`]?([a-z]{2})[\"'`]?"
                  r"(?:\s*\(iso[ -]?639(?:-1)?(?: code)?\))?\s*\.?$", c.low.strip())
    if m and m.group(1) in codes and not c.neg:
        return "response_language", {"language": m.group(1)}
    lang = language_in(c.low)
    if lang is None or c.neg:
        return None
    names = "|".join(LANGUAGES)
    if re.fullmatch(rf"(?:response )?language\s*:\s*({names})(?:\s+(?:only|throughout|exclusively))?\.?", c.low.strip()):
        return "response_language", {"language": lang}
    if re.search(r"\b(entire|entirely|whole|only|exclusively|wholly|solely|fully|no other language|all of the (?:response|answer|reply)|"
                 r"every word of (?:it|the (?:response|answer|reply)))\b", c.low) and \
            not _ALSO_ASKED.search(_EVERY_WORD.sub(" ", QUOTE_RE.sub(" ", c.low))) and \
            (re.search(rf"\b(in|into)\s+(?:the\s+)?({names})\b", c.low) or  # or 'uses only Russian, no other language'
             re.search(rf"\b(?:uses?|using|writes?|speaks?)\s+(?:only\s+|exclusively\s+|solely\s+)?(?:the\s+)?({names})(?:\s+language)?(?:\s+only)?\s*(?:[,.;?]|$)", c.low)):
        return "response_language", {"language": lang}
    if re.search(rf"^(?:the\s+)?(?:response|answer|reply|output)\s+(?:is\s+|should be\s+|must be\s+)?(?:(?:written|composed|delivered)\s+)?in\s+(?:the\s+)?({names})"
                 rf"(?:\s+language)?(?:\s+(?:throughout|from start to finish|entirely|only|exclusively))?\.?$|^(?:the\s+)?(?:response|answer|reply|output)(?:'s)?\s+language\s+(?:is|should be|must be)\s+({names})"
                 rf"|^(?:the\s+)?(?:detected\s+)?language\s+of\s+the\s+(?:(?:whole|entire|full|complete)\s+)?(?:response|answer|reply|output)\s+(?:is|should be|must be)\s+({names})"
                 r"(?:\s+(?:from start to finish|throughout|entirely|only|exclusively))?\.?$", c.low.strip()) or \
            re.search(rf"^(?:is|was)\s+the\s+(?:generated\s+)?(?:response|answer|reply|output|text)\s+(?:written\s+)?(?:entirely\s+|only\s+)?in\s+"
                      rf"({names})(?:\s+language)?\s*\??$", c.low.strip()):
        return "response_language", {"language": lang}
    if re.search(rf"^(?:the\s+)?(?:response|answer|reply|output)?\s*(?:uses|is in|is written in)\s+({names})\s+only\.?$", c.low.strip()):
        return "response_language", {"language": lang}
    if re.search(rf"^(?:responds|replies|answers|is written|writes|written|composed|is|be)\s+in\s+(?:the\s+)?({names})(?:\s+language)?\.?$", c.low.strip()):
        return "response_language", {"language": lang}
    return None


def r_words(c: CriterionText):
    if not re.search(r"\bwords?\b", c.low) or c.quotes:
        return None
    if re.search(r"capital|upper ?case|lower ?case|all caps|all-caps|(?:unique|distinct|different) words|\w-words?\b", c.low):
        return None  # a count of words of some kind, not of all words
    cnt = count_of(c.norm, r"words?(?:\s+long|\s+in length)?", default=None)
    if cnt is None:
        return None
    rel, n = cnt
    return "word_count", {"relation": rel, "n": n}


def r_sentences(c: CriterionText):
    if not re.search(r"\bsentences?\b", c.low) or c.quotes:
        return None
    cnt = count_of(c.norm, r"sentences?", default="exactly")
    if cnt is None:
        return None
    rel, n = cnt
    return "sentence_count", {"relation": rel, "n": n}


RULES: List[Rule] = [r_repeat_prompt] + IFBENCH_RULES + [
    r_two_responses, r_constrained, r_title, r_quotes_wrap, r_json, r_postscript,
    r_placeholders, r_two_part_paragraph, r_highlight, r_sections, r_paragraphs, r_bullets, r_capital_words, r_case,
    r_letter_frequency, r_no_commas, r_keyword_frequency, r_ends_with, r_starts_with, r_keywords, r_language,
    r_words, r_sentences,
]
