"""The keyword lowering rules: words or phrases that must appear or must not appear, quoted ('Includes
the keywords "cat" and "dog"', 'The keywords "a", "b" are absent') or as a plain word list ending the
criterion ('Does not use the words sleep, cook, feed'). Part of :data:`rubricc.compiler.lower_rules.RULES`.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_kwframes import keyword_frame, quoted_list
from rubricc.compiler.lower_parse import NEGATION, QUOTE_RE, WORD_LIST, CriterionText, quoted

_KW_CUE = r"(?:key ?words?|words?|terms?|phrases?|strings?|names?)"


# some of the words missing ('omits any of these keywords', 'lacks one of the words'): not all of them absent, and no check
_SOME_MISSING = re.compile(r"\b(?:omit(?:s|ting)?|lack(?:s|ing)?|miss(?:es|ing)?|fail(?:s|ing)?\s+to\s+(?:include|use|mention|contain))\s+"
                           r"(?:any|one|some|either|at least one|a single one)\b")


def some_missing(text: str) -> bool:
    """True when ``text`` (quotations blanked) says some of the words are missing ('omits any of these keywords')."""
    return _SOME_MISSING.search(text.lower()) is not None


def r_keywords(c: CriterionText):
    found = _r_keywords(c)
    if found is not None and not all(re.search(r"\w", k) for k in found[1]["keywords"]):
        return None  # a punctuation mark ('no ","') is no word: a whole-word search never finds it
    return found


def _r_keywords(c: CriterionText):
    if some_missing(QUOTE_RE.sub(" ", c.low)):
        return None
    if not c.quotes:
        return _unquoted_keywords(c)
    if len(c.quotes) > 1 and re.search(r"[\"\u201d]\s*/\s*[\"\u201c]", c.text):
        return None  # 'contains "a" / "b" / "c"': options, not all of them
    if any(" " in q and q.rstrip()[-1:] in ".!?" for q in c.quotes) and \
            re.search(r"\b(?:phrases|options|answers|choices|sentences|replies)\b", QUOTE_RE.sub(" ", c.low)):
        return None  # 'the required phrases "My answer is yes.", ...': fixed answers, found verbatim, not keywords
    framed = keyword_frame(c.text)
    if framed is not None:
        return framed
    # the quotes must come right after a cue noun (optionally with ':' or a python-style list), or right
    # after 'all of the following:' / 'mentions' when the rest is only the quoted list
    inside = [q.span() for q in QUOTE_RE.finditer(c.text)]
    m = next((x for x in re.finditer(rf"(?<!word for )(?<!word-for-)\b{_KW_CUE}(?:\s+(?:present|required|included|to include))?\s*(?::|\(|\[)?\s*[\"'\u201c`\[]",
                                     c.text, flags=re.IGNORECASE)
              if not any(a <= x.start() < b for a, b in inside)), None)  # a cue noun inside a quotation is data
    if not m:
        m = re.search(r"\b(?:(?:all|each|every|any|none) of (?:the following|these)(?: words| terms)?|mentions?|includes?|contains?)"
                      r"\s*:?\s*(?=[\"\u201c])", c.text, flags=re.IGNORECASE)
        if not m or QUOTE_RE.sub("", c.text[m.end():]).strip(" ,.;:andor") != "":
            return None
    tail = c.text[m.start():]
    kws = quoted(tail)
    if not kws:
        return None
    head = c.low[:m.start()]
    verbs_text = QUOTE_RE.sub(" ", c.low)
    negative = re.search(NEGATION, head) is not None or re.search(_NEG_VERBS, head) is not None
    # a negation after the list ('the keywords "a", "b" are absent'): only in a plain form, and not twice
    after = QUOTE_RE.sub(" ", c.low[m.start():][max(x.end() for x in QUOTE_RE.finditer(c.low[m.start():])):])
    if re.search(rf"{NEGATION}|\b(?:absent|missing|excluded|avoided|forbidden|banned|prohibited|omitted)\b", after):
        label = re.fullmatch(r"\s*(?:forbidden|banned|prohibited) (?:key ?words|words|terms)\s*:?\s*\W?", c.low[:m.end()])  # 'Forbidden words: ...'
        if (negative and not label) or not _ABSENT_AFTER.match(after):
            return None
        return "keywords_absent", {"keywords": kws}
    if not negative and not re.search(r"\b(includ|contain|mention|use|uses|using|feature|incorporat|has|have|keywords|appear|say|state)", verbs_text):
        return None
    if negative:
        return "keywords_absent", {"keywords": kws}
    found = quoted_list(tail)
    if len(kws) > 1 and found is not None and re.search(r"\b(?:or|either)\b", QUOTE_RE.sub(" ", tail[found[0]:found[1]]), re.IGNORECASE):
        return None  # 'mentions "a" or "b"' asks for one of them, not all
    return "keywords_present", {"keywords": kws}


def keywords_strict(c: CriterionText):
    """The keyword check when the criterion is nothing but a keyword requirement: a whole keyword frame
    (quoted list) or a word list ending the criterion; else None. :func:`r_keywords` reads more loosely,
    which the driver's compound-criterion guard needs to see a keyword requirement beside another."""
    return keyword_frame(c.text) if c.quotes else _unquoted_keywords(c)


def present_once(text: str, name: str, args) -> bool:
    """True for a count of one word 'at least once' that is, read whole, the frame of that word being present ('every listed
    keyword ("cat") shows up at least once in the reply'): the same check, whatever its count's scope looked like."""
    return name == "keyword_frequency" and args["relation"] == "at least" and args["n"] == 1 and \
        keywords_strict(CriterionText(text)) == ("keywords_present", {"keywords": [args["keyword"]]})


_NEG_VERBS = r"\b(excludes?|avoids?|omits?|lacks?|steers? clear of|stays? away from|none of)\b"
_ABSENT_AFTER = re.compile(
    r"[\s,.;:]*(?:(?:are|is|should be|must be|remain|remains)\s+(?:absent|missing|excluded|avoided|omitted|not (?:used|present|included|mentioned))"
    r"|(?:do|does|should|must|may|can)\s*(?:not|n't)\s+(?:appear|occur|be used|be included|be mentioned)|never (?:appear|occur)s?)"
    r"(?:\s+(?:anywhere\s+)?(?:from|in) the (?:response|answer|reply|output|text))?[\s.]*$")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "those", "it", "its", "is", "are",
         "be", "for", "with", "as", "by", "from", "which", "who", "their", "they", "them", "you", "your", "not", "any"}


_WORD_LIST = re.compile(
    r"\b(?P<cue>(?:the |these |those )?(?:following )?(?:key ?words|words|terms)\s*:?|(?:key ?words|words|terms):|"
    r"(?:all|each|any|none|every one) of (?:the following|these)\s*:)\s*"
    rf"(?P<list>{WORD_LIST})\s*\.?$", re.IGNORECASE)
_WORD_LIST_AFTER = re.compile(
    r"\b(?P<cue>(?:key ?words?|words?|terms?)\b[^:\"\u201c\n]{1,60}:)\s*"
    rf"(?P<list>{WORD_LIST})\s*\.?$", re.IGNORECASE)
# words that describe the words instead of being them ('Avoids the words mentioned', 'Uses the terms given')
_DESCRIPTIVE = {"above", "below", "here", "there", "given", "provided", "listed", "mentioned", "specified", "requested", "required",
                "shown", "needed", "themselves", "itself", "properly", "well", "less", "more", "sparingly", "carefully", "wisely",
                "again", "too", "often", "everywhere", "anywhere", "elsewhere", "instead", "only", "too", "accordingly", "above-mentioned"}


def unquoted_word_list(text: str):
    """(match, words) for a list of single words that runs to the end of the criterion right after 'the
    (key)words/terms' ('Does not use the words sleep, cook, feed.'), else None. No item may be a function
    word. A single word needs a cue ('keywords', 'following', a colon: 'Avoids the words jargon' names a kind
    of word) and must not describe ('the keyword given'); an adverb ('the terms correctly') is an item only
    after such a cue or among at least two other words ('the words economy, demand, supply'), and then
    the whole criterion must be a keyword frame (:func:`rubricc.compiler.lower_kwframes.keyword_frame`)."""
    m = _WORD_LIST.search(text.strip())
    if not m:
        # the list after a colon that ends a frame naming the words: 'All of the required keywords appear
        # in the output: cat.' (then the whole criterion must be a keyword frame)
        m = _WORD_LIST_AFTER.search(text.strip())
        if not m:
            return None
        kws = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("list")) if w]
        if not kws or any(w.lower() in _STOP for w in kws) or (len(kws) == 1 and kws[0].lower() in _DESCRIPTIVE) or \
                keyword_frame(text.strip(), kws, (m.start("list"), m.end("list"))) is None:
            return None
        return m, kws
    kws = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("list")) if w]
    if not kws or any(w.lower() in _STOP for w in kws) or (len(kws) == 1 and kws[0].lower() in _DESCRIPTIVE):
        return None
    # a cue is strong when it names a list: 'keywords', 'the following', a colon, 'all of the words'
    strong = re.search(r"key ?words?|following|:", m.group("cue"), re.IGNORECASE) is not None or \
        re.search(r"\b(?:all|each|every\s+one|none)\s+of\s+$", text.strip()[:m.start("cue")], re.IGNORECASE) is not None and \
        re.match(r"(?:the\s+)?(?:words|terms)\b", m.group("cue"), re.IGNORECASE) is not None
    adverb = any(w.lower().endswith("ly") for w in kws)
    # 'the terms correctly and consistently' are adverbs; 'the words economy, demand, supply' a list
    # one word after a plain 'the words' may name a kind of word ('Avoids the words jargon'): left to the judge
    if (adverb and not strong and sum(not w.lower().endswith("ly") for w in kws) < 2) or (len(kws) == 1 and not strong):
        return None
    if adverb or (len(kws) == 1 and not strong):
        if keyword_frame(text.strip(), kws, (m.start("list"), m.end("list"))) is None:
            return None
    return m, kws


# how the listed words are matched, noted after an unquoted list: '(whole words, any capitalisation)'
_LIST_NOTE = re.compile(r"\s*\(\s*(?P<w>whole\s+words?(?:\s+only)?|as\s+whole\s+words)?\s*,?\s*(?:(?:in\s+)?any\s+(?:capitali[sz]ation|case)|case[- ]insensitive(?:ly)?|ignoring\s+case)?\s*\)"
                        r"(?=\s*\.?\s*$)", re.IGNORECASE)


def _unquoted_keywords(c: CriterionText):
    """'Does not use the words sleep, cook, feed.' / 'Includes the keywords cat and dog.' (a note on how the words are
    matched after the list: whole words only beside words that must be absent, as the absence check matches them)"""
    note = _LIST_NOTE.search(c.text)
    if note is not None and note.group(0).strip(" ()"):
        found = _unquoted_keywords(CriterionText(c.text[:note.start()] + c.text[note.end():]))
        return None if found is None or note.group("w") and found[0] != "keywords_absent" else found
    found = unquoted_word_list(c.text)
    if found is None:
        return None
    m, kws = found
    framed = keyword_frame(c.text.strip(), kws, (m.start("list"), m.end("list")))
    if framed is not None:
        return framed
    head = c.text.strip()[:m.start()].lower()
    if re.search(NEGATION, head) or re.search(_NEG_VERBS, head):
        return "keywords_absent", {"keywords": kws}
    if len(kws) > 1 and re.search(r"\bor\b", m.group("list"), re.IGNORECASE):
        return None  # 'includes the words cat or dog': one of them
    if re.search(r"\b(includ|contain|mention|use|uses|using|feature|incorporat|has|have|appear)", head):
        return "keywords_present", {"keywords": kws}
    return None
