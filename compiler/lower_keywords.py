"""The keyword lowering rules: words or phrases that must appear or must not appear, quoted ('Includes
the keywords "cat" and "dog"', 'The keywords "a", "b" are absent') or as a plain word list ending the
criterion ('Does not use the words sleep, cook, feed'). Part of :data:`rubricc.compiler.lower_rules.RULES`.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_parse import NEGATION, QUOTE_RE, CriterionText, quoted

_KW_CUE = r"(?:key ?words?|words?|terms?|phrases?|strings?|names?)"


def r_keywords(c: CriterionText):
    if not c.quotes:
        return _unquoted_keywords(c)
    # the quotes must come right after a cue noun (optionally with ':' or a python-style list), or right
    # after 'all of the following:' / 'mentions' when the rest is only the quoted list
    m = re.search(rf"\b{_KW_CUE}(?:\s+(?:present|required|included|to include))?\s*(?::|\(|\[)?\s*[\"'\u201c`\[]", c.text, flags=re.IGNORECASE)
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
    return "keywords_present", {"keywords": kws}


_NEG_VERBS = r"\b(excludes?|avoids?|omits?|lacks?|steers? clear of|stays? away from|none of)\b"
_ABSENT_AFTER = re.compile(
    r"[\s,.;:]*(?:(?:are|is|should be|must be|remain|remains)\s+(?:absent|missing|excluded|avoided|omitted|not (?:used|present|included|mentioned))"
    r"|(?:do|does|should|must|may|can)\s*(?:not|n't)\s+(?:appear|occur|be used|be included|be mentioned)|never (?:appear|occur)s?)"
    r"(?:\s+(?:anywhere\s+)?(?:from|in) the (?:response|answer|reply|output|text))?[\s.]*$")
_STOP = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "those", "it", "its", "is", "are",
         "be", "for", "with", "as", "by", "from", "which", "who", "their", "they", "them", "you", "your", "not", "any"}


_WORD_LIST = re.compile(
    r"\b(?P<cue>the (?:following )?(?:key ?words|words|terms)|(?:key ?words|words|terms):)\s*:?\s*"
    r"(?P<list>[a-z][\w'-]*(?:\s*,\s*(?:and\s+|or\s+)?[a-z][\w'-]*|\s+(?:and|or)\s+[a-z][\w'-]*)*)\s*\.?$", re.IGNORECASE)


def unquoted_word_list(text: str):
    """(match, words) for a list of single words that runs to the end of the criterion right after 'the
    (key)words/terms' ('Does not use the words sleep, cook, feed.'), else None. One word alone needs the cue
    'keyword(s)' or 'following'; no item may be a function word or an adverb ('the terms correctly')."""
    m = _WORD_LIST.search(text.strip())
    if not m:
        return None
    kws = [w for w in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("list")) if w]
    if not kws or any(w.lower() in _STOP or w.lower().endswith("ly") for w in kws):
        return None
    if len(kws) == 1 and not re.search(r"key ?words?|following", m.group("cue"), re.IGNORECASE):
        return None
    return m, kws


def _unquoted_keywords(c: CriterionText):
    """'Does not use the words sleep, cook, feed.' / 'Includes the keywords cat and dog.'"""
    found = unquoted_word_list(c.text)
    if found is None:
        return None
    m, kws = found
    head = c.text.strip()[:m.start()].lower()
    if re.search(NEGATION, head) or re.search(_NEG_VERBS, head):
        return "keywords_absent", {"keywords": kws}
    if re.search(r"\b(includ|contain|mention|use|uses|using|feature|incorporat|has|have|appear)", head):
        return "keywords_present", {"keywords": kws}
    return None
