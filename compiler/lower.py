"""Rule-based lowering of a natural-language criterion to a deterministic program check.

``lower_criterion(text)`` returns a validated :class:`rubricc.formats.ProgramCheck` when the criterion
states, unambiguously, a surface property the check library can decide (length, counts, keywords given
in quotes, case, punctuation, format markers, language, ...), and ``None`` otherwise: the criterion then
stays ``neural``. Precision comes before recall: each rule needs an explicit cue (a number with a unit
and a relation word, a quoted keyword next to "word"/"phrase", a named format marker), and long or
multi-part criteria are never lowered.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from rubricc.compiler.checks import validate_check
from rubricc.formats import ProgramCheck

MAX_CRITERION_CHARS = 400

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a single": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1,
}

LANGUAGES = {
    "english": "en", "spanish": "es", "portuguese": "pt", "arabic": "ar", "hindi": "hi", "french": "fr",
    "russian": "ru", "german": "de", "japanese": "ja", "italian": "it", "bengali": "bn", "ukrainian": "uk",
    "thai": "th", "urdu": "ur", "tamil": "ta", "telugu": "te", "bulgarian": "bg", "korean": "ko", "polish": "pl",
    "hebrew": "he", "persian": "fa", "farsi": "fa", "vietnamese": "vi", "nepali": "ne", "swahili": "sw",
    "kannada": "kn", "marathi": "mr", "gujarati": "gu", "punjabi": "pa", "malayalam": "ml", "finnish": "fi",
    "dutch": "nl", "swedish": "sv", "turkish": "tr", "greek": "el", "indonesian": "id", "czech": "cs",
    "romanian": "ro", "hungarian": "hu", "danish": "da", "norwegian": "no",
}

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)"


def _number_words_to_digits(s: str) -> str:
    """'three hundred' -> '300', 'twenty-five' -> '25', 'twice' -> 'two times' (on lower-cased text)."""
    s = re.sub(r"\btwice\b", "2 times", s)
    s = re.sub(r"\bonce\b", "1 times", s)
    s = re.sub(r"\bthrice\b", "3 times", s)
    s = re.sub(r"\ba dozen\b", "12", s)
    s = re.sub(r"\b(\d[\d,]*)\+", r"at least \1", s)
    units = "|".join(sorted((k for k in _UNITS if k not in ("no", "a single", "single")), key=len, reverse=True))
    tens = "|".join(_TENS)
    pat = re.compile(
        rf"\b(?:(?P<h>{units}) hundred(?: and)?\s*)?(?:(?P<t>{tens})(?:[- ](?P<tu>{units}))?|(?P<u>{units}))?\b"
        rf"(?P<hund> hundred)?"
    )

    def repl(m: "re.Match[str]") -> str:
        if not m.group(0).strip():
            return m.group(0)
        total = 0
        if m.group("h"):
            total += _UNITS[m.group("h")] * 100
        if m.group("t"):
            total += _TENS[m.group("t")] + (_UNITS[m.group("tu")] if m.group("tu") else 0)
        if m.group("u"):
            total += _UNITS[m.group("u")]
        if m.group("hund"):
            total *= 100
        trail = " " if m.group(0).endswith(" ") else ""
        return str(total) + trail

    s = pat.sub(repl, s)
    s = re.sub(r"(\d) thousand\b", r"\g<1>000", s)
    return s


def _int(s: str) -> int:
    return int(s.replace(",", ""))


# relation phrase immediately before a number
_REL_BEFORE = [
    (r"at least|no fewer than|no less than|not fewer than|not less than|a minimum of|minimum of|minimum|"
     r"more than or equal to|greater than or equal to|upwards of", "at least"),
    (r"at most|no more than|not more than|a maximum of|maximum of|maximum|up to|not exceeding|within|"
     r""
     r"less than or equal to|fewer than or equal to", "at most"),
    (r"less than|fewer than|under|below|shorter than", "less than"),
    (r"more than|greater than|over|above|longer than", "more than"),
    (r"exactly|precisely|just|only", "exactly"),
]
_REL_AFTER = [(r"or more|or greater|or above|at minimum|at the least|or over", "at least"),
              (r"or fewer|or less|or under|at most|at maximum|at the most", "at most")]


def _not_a_requirement(before: str, after: str, prefix: str = "") -> bool:
    """The number is a position ('the first 2 sentences'), a reference ('the two sentences'), an
    approximation or a range: not a count requirement."""
    if re.search(r"(?:^|\b)(?:first|last|final|opening|initial|closing|the|these|those|both|all|each|its|their|"
                 r"approximately|about|around|roughly|nearly|almost|some|between|from)$", before):
        return True
    if re.search(r"\d\s*(?:-|\u2013|to|or|and)\s*$", prefix) or re.search(r"\b(?:first|last)\s*$", prefix):
        return True
    return re.match(r"\s*(?:to|-|\u2013|or|and)\s*\d", after) is not None or re.match(r"\s*%", after) is not None


def _count(norm: str, unit: str, default: Optional[str] = "exactly") -> Optional[Tuple[str, int]]:
    """Find '<relation> N <unit>' in the normalised text. None if absent or ambiguous."""
    found = []
    for m in re.finditer(rf"(?:(?P<rel>[a-z ]+?)\s+)?{_NUM}\s+(?:\w+[- ]){{0,2}}?{unit}\b(?P<after>[a-z ]{{0,20}})", norm):
        n = _int(m.group(2))
        before = (m.group("rel") or "").strip()
        if _not_a_requirement(before, norm[m.end(2):m.end(2) + 12], norm[:m.start(2)]):
            return None
        if re.match(r"\s*(?:of|that|which|about|on|from|like|describing|related|explaining|covering|per|each)\b", m.group("after")):
            return None  # "2 words of encouragement", "3 paragraphs about X": kinds of units, not a length
        rel = None
        for words, r in _REL_BEFORE:
            if re.search(rf"(?:^|\b)(?:{words})$", before):
                rel = r
                break
        after = m.group("after")
        for words, r in _REL_AFTER:
            if re.match(rf"\s*(?:{words})\b", after):
                rel = r
        if rel is None:
            rel = default
        if rel is None:
            return None
        found.append((rel, n))
    if len(set(found)) != 1:
        return None
    return found[0]


def _count_times(norm: str) -> Optional[Tuple[str, int]]:
    """'<relation> N times' (frequency), relation also allowed after ('N times or more')."""
    m = re.search(rf"(?:(?P<rel>[a-z ]+?)\s+)?{_NUM}\s+(?:separate\s+|different\s+)?times\b(?P<after>[a-z ]{{0,20}})", norm)
    if not m:
        return None
    before = (m.group("rel") or "").strip()
    if _not_a_requirement(before, norm[m.end(2):m.end(2) + 12], norm[:m.start(2)]):
        return None
    rel = None
    for words, r in _REL_BEFORE:
        if re.search(rf"(?:^|\b)(?:{words})$", before):
            rel = r
            break
    for words, r in _REL_AFTER:
        if re.match(rf"\s*(?:{words})\b", m.group("after")):
            rel = r
    return (rel or "exactly", _int(m.group(2)))


_QUOTE_RE = re.compile(
    r"\"([^\"\n]{1,300})\"|\u201c([^\u201d\n]{1,300})\u201d|(?<![\w])'([^'\n]{1,200}?)'(?![\w])|`([^`\n]{1,200})`"
)


def _quoted(text: str) -> List[str]:
    out = []
    for m in _QUOTE_RE.finditer(text):
        q = next(g for g in m.groups() if g is not None)
        if q.strip():
            out.append(q)
    return out


_NEG = r"(?:\bno\b|\bnot\b|n't\b|\bwithout\b|\bnever\b|\bfree of\b|\bavoid|\brefrain|\bzero\b|\bnone\b|\bomit|\bexclud|\bforbid|\bprohibit|\bdevoid of\b)"


_NOT_NEGATION = re.compile(
    r"(?:with\s+)?(?:and\s+)?(?:no|nothing|not any)\s+other\s+(?:words?|text|characters?|content|language|languages)"
    r"(?:\s+(?:is\s+|are\s+)?(?:allowed|after|following|follows?|afterwards?|should follow)(?:\s+(?:it|this|that))?)?"
    r"|nothing (?:else )?(?:after|following) (?:it|this|that)"
)


class _Ctx:
    def __init__(self, text: str):
        self.text = text
        low = text.lower().replace("\u2019", "'")
        self.low = low
        # counts are read outside quotations ("Once upon a time" is not a frequency)
        self.norm = _number_words_to_digits(_QUOTE_RE.sub('"q"', low))
        self.quotes = _quoted(text)
        # "with no other words after it" / "no other language" restate exactness, they are not negations
        self.neg = re.search(_NEG, re.sub(_NOT_NEGATION, " ", low)) is not None


Rule = Callable[[_Ctx], Optional[Tuple[str, Dict[str, Any]]]]


def _lang_in(low: str) -> Optional[str]:
    names = "|".join(LANGUAGES)
    m = re.findall(rf"\b({names})\b", low)
    codes = {LANGUAGES[x] for x in m}
    return codes.pop() if len(codes) == 1 else None


# --- rules (order matters: more specific first) -------------------------------------------------
def r_repeat_prompt(c: _Ctx):
    if not re.search(r"\brepeat", c.low) or not re.search(r"\b(request|prompt|question|instruction|query)\b", c.low):
        return None
    if not re.search(r"word for word|verbatim|exactly|without change|unchanged|as is\b|word-for-word", c.low):
        return None
    first = min((i for i in (c.text.find('"'), c.text.find("\u201c")) if i >= 0), default=-1)
    if first >= 0:
        last = max(c.text.rfind('"'), c.text.rfind("\u201d"))
        if last > first + 1:
            return "repeats_prompt", {"prompt_to_repeat": c.text[first + 1:last]}
    if re.search(r"\b(the|this|your|user's) (request|prompt|question)\b", c.low):
        return "repeats_prompt", {}
    return None


def r_two_responses(c: _Ctx):
    if re.search(r"\btwo\b|\b2\b", c.low) and re.search(r"\b(responses|answers|replies|versions)\b", c.low) and \
            re.search(r"\*{6}|six asterisk|6 asterisk", c.low):
        return "two_responses", {}
    return None


def r_constrained(c: _Ctx):
    if re.search(r"one of the (following )?(options|phrases|answers|choices|responses)|one of these", c.low) and len(c.quotes) >= 2:
        return "any_phrase_present", {"phrases": c.quotes}
    return None


def r_title(c: _Ctx):
    if re.search(r"\btitle\b", c.low) and re.search(r"<<|double angular|double angle|double chevron", c.low):
        if c.neg:
            return None
        return "has_title", {}
    return None


def r_quotes_wrap(c: _Ctx):
    if re.search(r"\b(wrap|wrapped|wraps|enclose|enclosed|encloses|surround|surrounded|surrounds|inside|within|in)\b", c.low) \
            and re.search(r"double quot|double-quot|quotation marks|double quotes", c.low) \
            and re.search(r"\b(entire|whole|entirety|all of|full)\b", c.low) and not c.neg:
        return "wrapped_in_quotes", {}
    return None


def r_json(c: _Ctx):
    if not re.search(r"\bjson\b", c.low) or c.neg:
        return None
    if re.search(r"\b(key|keys|field|fields|property|properties|schema|example|snippet|block|includes?|contains?)\b", c.low):
        return None
    if re.search(r"\b(entire|whole|entirely|wrapped|all of|only|valid|formatted|format)\b", c.low):
        return "is_json", {}
    return None


def r_postscript(c: _Ctx):
    if not re.search(r"postscript|post-script|\bp\.\s?s\b|\bp\.\s?p\.\s?s\b", c.low) or c.neg:
        return None
    if re.search(r"\bp\.\s?p\.\s?s\b", c.low):
        return "postscript", {"marker": "P.P.S"}
    return "postscript", {"marker": "P.S."}


def r_placeholders(c: _Ctx):
    if not re.search(r"placeholder", c.low):
        return None
    cnt = _count(c.norm, r"(?:placeholders?|[a-z -]*placeholders?)", default="at least")
    if cnt is None:
        if re.search(r"\b(a|one) placeholder|placeholders? (?:such as|like|e\.g\.)|\bany placeholders?\b|contains? placeholders", c.norm) and not c.neg:
            return "placeholder_count", {"relation": "at least", "n": 1}
        return None
    rel, n = cnt
    return "placeholder_count", {"relation": rel, "n": n}


def r_two_part_paragraph(c: _Ctx):
    m = re.search(r"\b(?:paragraph (\d+)|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|\d+(?:st|nd|rd|th)) paragraph)\b"
                  r"[^.;]*?\b(?:starts?|begins?|opens?|starting|beginning|opening)\s+with\s+(?:the\s+)?(?:word\s+)?"
                  r"[\"'\u201c]?([A-Za-z][\w-]*)[\"'\u201d]?", c.norm)
    if not m:
        return None
    if m.group(1):
        nth = int(m.group(1))
    else:
        w = m.group(2)
        nth = _ORDINALS.get(w) if w in _ORDINALS else int(re.match(r"\d+", w).group(0))
    w = re.search(r"\b(?:starts?|begins?|opens?|starting|beginning|opening)\s+with\s+(?:the\s+)?(?:word\s+)?"
                  r"[\"'\u201c]?([A-Za-z][\w-]*)", c.text, flags=re.IGNORECASE)
    if not w:
        return None
    args: Dict[str, Any] = {"word": w.group(1)}
    cnt = _count(c.norm, r"paragraphs", default="exactly")
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


def r_paragraphs(c: _Ctx):
    if not re.search(r"\bparagraphs?\b", c.low):
        return None
    cnt = _count(c.norm, r"paragraphs?", default="exactly")
    if cnt is None:
        return None
    rel, n = cnt
    sep = "***" if re.search(r"\*\*\*|divider|three asterisks|3 asterisks", c.low) else "blank_line"
    return "paragraph_count", {"relation": rel, "n": n, "separator": sep}


def r_sections(c: _Ctx):
    if not re.search(r"\bsections?\b|\bparts?\b", c.low) or re.search(r"highlight", c.low):
        return None
    # the splitter: "<Word> X", "<Word> 1", or a quoted "<Word> X"
    m = re.search(r"(?:[\"'\u201c]|\bwith\s+|\bas\s+|\blabel(?:l?ed)?\s+|\bheaded\s+|\bby\s+)([A-Za-z]+)\s+(?:X|N|\d+|#)\b", c.text)
    if not m:
        return None
    splitter = m.group(1)
    if splitter.lower() in ("the", "a", "an", "with", "each", "of"):
        return None
    unit = r"(?:sections?|parts?)"
    cnt = _count(c.norm, unit, default="exactly")
    if cnt is None:
        return None
    rel, n = cnt
    return "section_count", {"splitter": splitter, "relation": rel, "n": n}


def r_highlight(c: _Ctx):
    if not re.search(r"highlight", c.low):
        return None
    if not re.search(r"markdown|\*[^*\s][^*]*\*|asterisk|italic|bold", c.low):
        return None
    cnt = _count(c.norm, r"(?:highlighted\s+)?(?:sections?|parts?|passages?|phrases?|spans?|portions?)", default="at least")
    if cnt is None:
        return None
    rel, n = cnt
    return "highlighted_sections", {"relation": rel, "n": n}


def r_bullets(c: _Ctx):
    if not re.search(r"bullet", c.low):
        return None
    cnt = _count(c.norm, r"(?:markdown\s+)?bullet(?:ed)?(?:[- ]points?| lists?| items?|s)?", default="exactly")
    if cnt is None:
        if re.fullmatch(r"(?:the\s+)?(?:response\s+|answer\s+)?(?:does\s+not|doesn't|do\s+not|should\s+not|must\s+not)\s+"
                        r"(?:use|contain|include|have)\s+(?:any\s+)?bullet(?:ed)?(?:[- ]points?| lists?|s)?\.?"
                        r"|(?:the\s+)?(?:response\s+)?(?:uses|contains|has)\s+no\s+bullet(?:ed)?(?:[- ]points?| lists?|s)?\.?",
                        c.low.strip()):
            return "bullet_count", {"relation": "exactly", "n": 0}
        return None
    rel, n = cnt
    return "bullet_count", {"relation": rel, "n": n}


def r_capital_words(c: _Ctx):
    if not re.search(r"capital|upper ?case|all caps|all-caps", c.low):
        return None
    if not re.search(r"\bwords?\b", c.low):
        return None
    cnt = _count_times(c.norm)
    if cnt is None:
        cnt = _count(c.norm, r"(?:words?|[a-z ,-]*words)", default=None)
    if cnt is None:
        return None
    rel, n = cnt
    return "capital_word_frequency", {"relation": rel, "n": n}


def r_case(c: _Ctx):
    lower = re.search(r"lower ?case|lower-case|small letters|no capital letters|without (?:any )?capital", c.low)
    upper = re.search(r"upper ?case|upper-case|all capital|capital letters|all caps|all-caps|block letters", c.low)
    if not (lower or upper) or re.search(r"\d", c.norm):
        return None
    if not re.search(r"\b(entire|entirely|all|whole|only|exclusively|no capital|completely|wholly|throughout)\b", c.low):
        return None
    # a scoped case rule ("all capital letters for warnings", "drug names in lowercase") is not about the response
    if re.search(r"\b(for|names?|titles?|headings?|headers?|acronyms?|first letter|each|every|some|when)\b", c.low):
        return None
    lang = _lang_in(c.low)
    args = {"language": lang} if lang else {}
    if lower and not (upper and not re.search(r"no capital|without (?:any )?capital", c.low)):
        return "all_lowercase", args
    if upper and not lower and not c.neg:
        return "all_uppercase", args
    return None


def r_letter_frequency(c: _Ctx):
    m = re.search(r"\b(?:letter|character|symbol)\s+[\"'\u201c`]?(\S)[\"'\u201d`]?(?=[\s,.]|$)", c.text, flags=re.IGNORECASE)
    ch = None
    if m:
        ch = m.group(1)
    else:
        named = {"exclamation mark": "!", "exclamation point": "!", "question mark": "?", "hashtag": "#",
                 "hash sign": "#", "semicolon": ";", "colon": ":", "comma": ",", "dollar sign": "$", "at sign": "@"}
        for k, v in named.items():
            if re.search(rf"\b{k}s?\b", c.low):
                ch = v
                break
        if ch is None:
            return None
    cnt = _count_times(c.norm)
    if cnt is None:
        cnt = _count(c.norm, r"(?:exclamation marks|exclamation points|question marks|hashtags|commas|semicolons|colons|dollar signs|at signs|hash signs)", default=None)
    if cnt is None:
        return None
    rel, n = cnt
    return "letter_frequency", {"letter": ch, "relation": rel, "n": n}


def r_no_commas(c: _Ctx):
    if re.search(r"\bcommas?\b", c.low) and c.neg and not re.search(r"\d", c.norm):
        return "no_commas", {}
    return None


def r_keyword_frequency(c: _Ctx):
    cnt = _count_times(c.norm)
    if cnt is None:
        return None
    kw = None
    if len(c.quotes) == 1:
        kw = c.quotes[0]
    else:
        m = re.search(r"\b(?:word|term|keyword|phrase)\s+([A-Za-z][\w'-]*)\s+(?:should |must |will |to )?(?:appear|appears|occur|occurs|be used|is used|show up|shows up)", c.text, flags=re.IGNORECASE)
        if m:
            kw = m.group(1)
    if kw is None or not re.search(r"\b(word|term|keyword|phrase|mention|mentions|use|uses|appear|appears|occur|occurs|say|says|include|includes|repeat|repeats)\b", c.low):
        return None
    rel, n = cnt
    # IFEval counts keywords as case-insensitive substrings; a one- or two-letter word ("I", "a")
    # would then count letters, so those are counted as whole words
    return "keyword_frequency", {"keyword": kw, "relation": rel, "n": n, "whole_word": len(kw.strip()) <= 2}


_KW_CUE = r"(?:key ?words?|words?|terms?|phrases?|strings?|names?)"


def r_keywords(c: _Ctx):
    if not c.quotes:
        return None
    # the quotes must come right after a cue noun (optionally with ':' or a python-style list)
    m = re.search(rf"\b{_KW_CUE}\s*(?::|\(|\[)?\s*[\"'\u201c`\[]", c.text, flags=re.IGNORECASE)
    if not m:
        return None
    tail = c.text[m.start():]
    kws = _quoted(tail)
    if not kws:
        return None
    head = c.low[:m.start()]
    verbs_text = _QUOTE_RE.sub(" ", c.low)
    negative = re.search(_NEG, head) is not None or re.search(r"\b(excludes?|avoids?|omits?|lacks?)\b", head) is not None
    if not negative and not re.search(r"\b(includ|contain|mention|use|uses|using|feature|incorporat|has|have|keywords|appear|say|state)", verbs_text):
        return None
    if negative:
        return "keywords_absent", {"keywords": kws}
    return "keywords_present", {"keywords": kws}


_DQ = re.compile(r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d")


def r_ends_with(c: _Ctx):
    if not re.search(r"\b(ends?|ending|finish(es)?|finishing|conclud(e|es|ing)|close[sd]?)\s+(?:\w+\s+){0,4}?with\b", c.low):
        return None
    m = _DQ.search(c.text)
    if m and not c.neg:
        return "ends_with", {"phrase": m.group(1) or m.group(2)}
    # unquoted: "... with this exact phrase Any other questions?. No other words should follow this phrase."
    m = re.search(r"\bexact phrase:?\s+(.+?)\s+(?:no|nothing) other (?:words|text)", c.text, flags=re.IGNORECASE | re.DOTALL)
    if m:
        phrase = m.group(1).strip()
        phrase = phrase[:-1] if phrase.endswith(".") else phrase
        return ("ends_with", {"phrase": phrase}) if phrase else None
    return None


def r_starts_with(c: _Ctx):
    if not re.search(r"\b(starts?|starting|begins?|beginning|opens?|opening)\s+(?:\w+\s+){0,4}?with\b", c.low):
        return None
    if re.search(r"\bparagraph|\bsentence|\bline\b|\bsection", c.low):
        return None
    m = _DQ.search(c.text)
    if not m or c.neg:
        return None
    return "starts_with", {"phrase": m.group(1) or m.group(2)}


def r_language(c: _Ctx):
    lang = _lang_in(c.low)
    if lang is None or c.neg:
        return None
    names = "|".join(LANGUAGES)
    if re.search(r"\b(entire|entirely|whole|only|exclusively|wholly|solely|fully|no other language)\b", c.low) and \
            re.search(rf"\b(in|into)\s+(?:the\s+)?({names})\b", c.low):
        return "response_language", {"language": lang}
    if re.search(rf"^(?:the\s+)?(?:response|answer|reply|output)\s+(?:is\s+)?(?:written\s+)?in\s+({names})(?:\s+language)?\.?$", c.low.strip()):
        return "response_language", {"language": lang}
    if re.search(rf"^(?:responds|replies|answers|is written|writes)\s+in\s+(?:the\s+)?({names})(?:\s+language)?\.?$", c.low.strip()):
        return "response_language", {"language": lang}
    return None


def r_words(c: _Ctx):
    if not re.search(r"\bwords?\b", c.low) or c.quotes:
        return None
    cnt = _count(c.norm, r"words?(?:\s+long|\s+in length)?", default=None)
    if cnt is None:
        m = re.search(rf"\b{_NUM}[- ]word\b", c.norm)
        if m and re.search(r"\b(at least|minimum|or more|at most|maximum|or fewer|or less|under|less than|fewer than|exactly|more than|over)\b", c.norm):
            return None  # relation not adjacent: ambiguous
        return None
    rel, n = cnt
    return "word_count", {"relation": rel, "n": n}


def r_sentences(c: _Ctx):
    if not re.search(r"\bsentences?\b", c.low) or c.quotes:
        return None
    cnt = _count(c.norm, r"sentences?", default="exactly")
    if cnt is None:
        return None
    rel, n = cnt
    return "sentence_count", {"relation": rel, "n": n}


RULES: List[Rule] = [
    r_repeat_prompt, r_two_responses, r_constrained, r_title, r_quotes_wrap, r_json, r_postscript,
    r_placeholders, r_two_part_paragraph, r_highlight, r_sections, r_paragraphs, r_bullets, r_capital_words, r_case,
    r_letter_frequency, r_no_commas, r_keyword_frequency, r_ends_with, r_starts_with, r_keywords, r_language,
    r_words, r_sentences,
]

# criteria about content, reasoning or quality are never lowered even if a rule's cue words appear
_SEMANTIC = re.compile(
    r"\b(explain|explains|describ|discuss|justif|accurate|accurately|correct(ly)?|appropriate|recommend|advis|"
    r"suggest|clarif|acknowledg|identif|empath|tone|factual|relevant|helpful|safe|harm|risk|diagnos|"
    r"symptom|treatment|medication|dose|patient|doctor|clinic|why|because|reason|incorrect|grammar|error|"
    r"whether|how well|how effectively|evaluat|assess|quality|depth|coheren|natural|flow|clarity|concise|"
    r"creative|engaging|comprehensive|forced|effective|insight|persuasive|approximately|roughly|followed by|"
    r"successfully|properly|adequate|sufficient|meaningful|clear|clearly|logical|style|instead|rather than|while|"
    r"even though|although|unless|(?<!as )if|when|summar)",
    re.IGNORECASE,
)


def lower_criterion(text: str) -> Optional[ProgramCheck]:
    """A validated program check for an unambiguous surface criterion, else None (stays neural)."""
    if not text or not text.strip():
        return None
    stripped = text.strip()
    if len(_blank_outer_quotes(stripped, always=True)) > MAX_CRITERION_CHARS:
        return None
    # a single requirement: no more than two sentences, no enumerations
    # an example block after "such as:" illustrates the format, it is not a further requirement
    stripped = re.split(r"(?:such as|e\.g\.|for example|like this|i\.e\.)\s*:\s*\n", stripped, maxsplit=1)[0].strip()
    if stripped.count("\n") > 2:
        return None
    c = _Ctx(stripped)
    unquoted = stripped
    first = min((i for i in (stripped.find('"'), stripped.find("\u201c")) if i >= 0), default=-1)
    last = max(stripped.rfind('"'), stripped.rfind("\u201d"))
    if 0 <= first < last:  # quoted material (possibly nested) is data, not the criterion's meaning
        unquoted = stripped[:first] + " " + stripped[last + 1:]
    unquoted = _QUOTE_RE.sub(" ", unquoted)
    unquoted = re.sub(r"\b(?:word|term|keyword|letter|character)\s+\S+(?=\s+(?:should|must|appears?|occurs?|is used))",
                      " ", unquoted, flags=re.IGNORECASE)
    unquoted = re.sub(r"\bwith (?:the )?word\s+\w+", " ", unquoted, flags=re.IGNORECASE)
    if _SEMANTIC.search(unquoted):
        return None
    if _NOT_A_RUBRIC_ITEM.search(stripped):
        return None
    found = None
    for rule in RULES:
        got = rule(c)
        if got is not None:
            found = got
            break
    if found is None:
        return None
    name, args = found
    # a compound criterion ("starts with "X" and includes the word "Y"): another rule fires on the text
    # with the quoted material blanked out and asks for a different check -> leave it to the judge
    blank_text = _blank_outer_quotes(stripped, always=True) if name == "repeats_prompt" else stripped
    blank = _Ctx(_QUOTE_RE.sub('"x"', blank_text))
    for rule in RULES:
        other = rule(blank)
        if other is not None and other[0] != name and other[0] not in _COMPATIBLE.get(name, ()):
            return None
    try:
        return validate_check(name, args)
    except ValueError:
        return None


# checks that a criterion for the first may also trigger without being a second requirement
_COMPATIBLE = {
    "all_lowercase": ("response_language",),
    "all_uppercase": ("response_language", "capital_word_frequency"),
    "capital_word_frequency": ("all_uppercase", "word_count"),
    "paragraph_first_word": ("paragraph_count", "keywords_present", "starts_with"),
    "keyword_frequency": ("keywords_present", "letter_frequency"),
    "letter_frequency": ("keyword_frequency", "keywords_present", "no_commas"),
    "repeats_prompt": tuple(),
    "section_count": ("paragraph_count",),
    "postscript": ("ends_with", "starts_with"),
    "any_phrase_present": ("keywords_present",),
    "two_responses": ("paragraph_count",),
}
# first-person notes, per-item criteria ("Each slogan ..."): not a single check on the response
_NOT_A_RUBRIC_ITEM = re.compile(r"^(?:i|we|you)\b|^(?:each|every)\b", re.IGNORECASE)


def _blank_outer_quotes(text: str, always: bool = False) -> str:
    """Replace everything from the first to the last double quote by "x" (nested quotations)."""
    first = min((i for i in (text.find('"'), text.find("\u201c")) if i >= 0), default=-1)
    last = max(text.rfind('"'), text.rfind("\u201d"))
    if 0 <= first < last and (always or text.count('"') > 2 or last - first > 300):
        return text[:first] + '"x"' + text[last + 1:]
    return text
