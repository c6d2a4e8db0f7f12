"""Keyword criteria read as a frame: the list of words is cut out of the criterion and what is left (the
frame) must be, as a whole, one of the ways people say "these words must appear" or "these words must
not appear" ('Does the response avoid using "a" or "b"?', 'None of the following words are used: "a",
"b"', 'Forbidden words ("a", "b") are not used.', 'Each of the keywords "a", "b" is used at least once.').

A frame is matched in full, so any further requirement, condition or description in the criterion
leaves it to the judge (precision first). Part of :func:`rubricc.compiler.lower_keywords.r_keywords`.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE

# --- the pieces of a frame ------------------------------------------------------------------------
_DOC = r"(?:response|answer|reply|output|text|essay|story|poem|letter|email|e-mail|summary|post|article|message|description)"
_SUBJ = rf"(?:(?:(?:the|your|this|its|an?) )?(?:(?:entire|whole|full|final|generated) )?{_DOC} |it )?"
_IN_DOC = rf"(?: (?:somewhere|anywhere|at all))?(?: (?:in|within|throughout|inside|from|anywhere in) (?:(?:the|your|this|its) (?:(?:entire|whole|full) )?{_DOC}|it))?(?: (?:somewhere|anywhere|at all))?"
_ONCE = r"(?: (?:(?:(?:each|all|each one|every one of them|all of them) )?(?:at least once|at least one time|one or more times)(?: each)?|somewhere|anywhere))?"
_NOUN = r"(?:key ?words?|key-words?|words?|terms?|phrases?|expressions?|strings?|tokens?)"
_DET = r"(?:(?:the|these|those|this|following|the following|these following|all the|both the) )?"
_QUANT = r"(?:(?:all|each|every one|every single one|both|any|either) of )?"
_QUANT_ALL = r"(?:(?:all|each|every one|every single one|both) of )?"
_ALL = r"(?:(?:all|each|both|every one of them) )?"
_LIST = r"(?:(?:the )?(?:following )?(?:list|set) of )?"
_POS_V3 = (r"(?:has used|has included|has mentioned|has employed|includes|contains|uses|mentions|features|incorporates|has|employs|says|cites|names|lists|shows|brings up|works in|weaves in|makes use of|utili[sz]es|"
           r"included|used|mentioned|featured|incorporated|employed|worked in|wove in|made use of|utili[sz]ed)")
_POS_V = r"(?:include|contain|use|mention|feature|incorporate|have|employ|say|cite|name|work in|weave in|make use of|utili[sz]e)"
_MODAL = r"(?:must|should|shall|will|needs? to|has to|have to|is (?:required|expected|supposed) to|ought to)"
_NEG_MODAL = (r"(?:does not|doesn't|do not|don't|did not|must not|mustn't|should not|shouldn't|shall not|will not|won't|"
              r"cannot|can't|can not|may not|is not (?:allowed|permitted) to|never|must never|should never|will never|"
              r"is (?:forbidden|prohibited|not allowed) (?:from|to))")
_APPEAR = (r"(?:appears?|is present|are present|is used|are used|is included|are included|is mentioned|are mentioned|"
           r"occurs?|shows? up|turns? up|is found|are found|can be found|is featured|are featured|gets? used|are all used|"
           r"all appear|each appear|appear each|appear somewhere)")
_APPEAR_BASE = r"(?:appear|occur|show up|turn up|be used|be included|be mentioned|be present|be found|get used|be featured)"
_ABSENT = (r"(?:absent|missing|excluded|avoided|omitted|forbidden|banned|prohibited|not used|not present|not included|"
           r"not mentioned|not allowed|not permitted|disallowed|off-limits|off limits|never used|left out|nowhere to be found)")
_AVOID = (r"(?:avoids?|avoiding|excludes?|excluding|omits?|omitting|steers? clear of|stays? away from|refrains? from|"
          r"leaves? out|left out|kept clear of|avoided|excluded|omitted|keeps? clear of|is free of|is devoid of|is free from|has no|contains no|uses no|includes no|"
          r"mentions none of|uses none of|contains none of|includes none of|lacks)")
_AVOID_BASE = r"(?:avoid|exclude|omit|steer clear of|stay away from|refrain from|leave out|keep clear of|be free of|be free from|be devoid of)"
_AVOID_ING = r"(?: (?:using|mentioning|including|saying|the use of|use of|any use of|writing))?"
_ENSURE = r"(?:(?:ensure|make sure|check|verify|confirm)(?: that)? )?"
_Q = rf"(?:does|do|did|will|can) (?:(?:the|your|this|its) (?:(?:entire|whole|full|final|generated) )?{_DOC}|it)"  # 'does the response'
_ADJ = r"(?:(?:forbidden|banned|prohibited|listed|given|specified|required|target) )?"
_KWS = rf"{_QUANT}(?:both |all |either )?{_DET}{_LIST}(?:{_ADJ}{_NOUN} )?(?:(?:below|listed|provided|given) )?(?:: )?KW"
_KWS_ALL = _KWS.replace(_QUANT, _QUANT_ALL)

_POSITIVE = [
    # 'The response includes the keywords KW', 'Must contain KW', 'Make sure the answer mentions all of KW'
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?(?:{_POS_V3}|{_POS_V}) {_KWS_ALL}{_ONCE}{_IN_DOC}{_ONCE}",
    # 'Include the following keywords in your response: KW', 'Mentions each required keyword: KW', 'The response has the
    # words KW in it'
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?(?:{_POS_V3}|{_POS_V}) {_QUANT_ALL}(?:(?:each|every|all) )?{_DET}(?:(?:required|listed|given|specified|target) )?{_NOUN}(?: (?:used|included|mentioned|present){_ONCE})?{_IN_DOC} : KW",
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?(?:has|have|contains?|includes?) {_KWS_ALL} in it",
    # 'Does the response use the keywords KW?'
    rf"{_Q} (?:{_POS_V}) {_KWS_ALL}{_ONCE}{_IN_DOC}{_ONCE}",
    # 'The keywords KW (all) appear in the response', 'Each of the keywords KW is used at least once'
    rf"{_ENSURE}{_QUANT_ALL}{_DET}{_NOUN} (?:: )?KW (?:{_MODAL} )?{_ALL}(?:{_APPEAR}|{_APPEAR_BASE}){_ONCE}{_IN_DOC}{_ONCE}",
    rf"{_ENSURE}{_QUANT_ALL}{_DET}{_NOUN} (?:: )?KW (?:are|is) (?:all |each )?(?:present|included|used|mentioned){_ONCE}{_IN_DOC}{_ONCE}",
    # 'All of these keywords appear in the answer: KW'
    rf"{_ENSURE}(?:all|each|every one) of (?:the|these|the following) (?:(?:required|listed|specified|given|target) )?{_NOUN} (?:{_APPEAR}|{_APPEAR_BASE}){_IN_DOC} : KW",
    rf"(?:presence|inclusion|inclusive|use|usage|mention) of (?:all of |each of |both of )?(?:{_DET}{_NOUN} (?:: )?)?KW{_IN_DOC}",
    # 'Every listed keyword (KW) shows up at least once in the reply'
    rf"{_ENSURE}(?:each|every|all(?: the)?) {_ADJ}{_NOUN} (?:: )?KW (?:{_MODAL} )?{_ALL}(?:{_APPEAR}|{_APPEAR_BASE}){_ONCE}{_IN_DOC}{_ONCE}",
    # 'There is at least one occurrence of every listed keyword (KW) in the reply'
    rf"there (?:is|are|must be|should be) (?:at least one|one or more) (?:occurrences?|instances?|uses?|mentions?) of (?:each|every|all(?: of)?(?: the)?) "
    rf"{_ADJ}{_NOUN} (?:: )?KW{_IN_DOC}",
    # 'Checked keyword by keyword against the list KW, the reply contains each one'
    rf"(?:checked|compared|matched) (?:(?:key ?word|word|term) by (?:key ?word|word|term) |one by one )?against {_DET}(?:list|{_NOUN}) (?:: )?KW "
    rf"{_SUBJ}(?:{_MODAL} )?(?:{_POS_V3}|{_POS_V}) (?:each|every|all)(?: one| of them)?{_IN_DOC}",
    # 'Each keyword in KW appears in the response'
    rf"{_ENSURE}(?:each|every|all) (?:of the )?{_NOUN} (?:in|from|of) (?:the list )?KW (?:{_MODAL} )?(?:{_APPEAR}|{_APPEAR_BASE}){_ONCE}{_IN_DOC}{_ONCE}",
    # 'Every keyword from this list appears in the output: KW'
    rf"{_ENSURE}(?:each|every|all)(?: of the)? {_NOUN} (?:in|from|on|of) (?:the|this|that|the following|the given) list (?:{_MODAL} )?"
    rf"(?:{_APPEAR}|{_APPEAR_BASE}){_ONCE}{_IN_DOC}{_ONCE} : KW",
    rf"(?:must include|must use|must mention|must contain|required|include|mandatory) : KW",
    # 'Keywords present: KW', 'Required keywords: KW', 'Keywords to include (KW)'
    rf"(?:required|mandatory|must-have|must-use|must-include|target|included) {_NOUN} (?:[:-] )?KW",
    rf"{_NOUN} (?:present|required|to include|to use|to mention|that must appear|included|used) (?:[:-] )?KW",
    # 'KW all appear in the response', 'KW are both mentioned'
    # 'The following words must be present: KW', 'These terms should appear in the answer: KW'
    rf"{_ENSURE}{_DET}{_NOUN} (?:{_MODAL} )?(?:be )?(?:{_APPEAR}|{_APPEAR_BASE}|present|included|used|mentioned){_IN_DOC} : KW",
    rf"KW (?:{_MODAL} )?{_ALL}(?:{_APPEAR}|{_APPEAR_BASE}){_ONCE}{_IN_DOC}{_ONCE}",
    rf"KW (?:are|is) (?:all |each |both )?(?:present|included|used|mentioned){_ONCE}{_IN_DOC}{_ONCE}",
    # 'KW, each one present in the reply', 'Inclusions: KW, each one present in the reply' (a heading of no negative word)
    rf"(?:(?!(?:[a-z]+ )*?(?:forbid|ban|avoid|exclu|prohibit|never|no|not|absent|missing|omit))[a-z]+(?: [a-z]+){{0,2}} : )?KW (?:each|each one|every one|all of them|both) (?:present|included|used|mentioned|found){_ONCE}{_IN_DOC}{_ONCE}",
]

_NEGATIVE = [
    # 'The response does not contain the words KW', 'Never uses KW', 'Must not mention any of KW'
    rf"{_ENSURE}{_SUBJ}{_NEG_MODAL} (?:{_POS_V3}|{_POS_V}) {_KWS}{_IN_DOC}",
    # 'Avoids using any of the following words: KW', 'The answer is free of the words KW'
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?(?:{_AVOID}|{_AVOID_BASE}){_AVOID_ING} {_KWS}{_IN_DOC}",
    # 'Without using the words KW', 'The response is written without the words KW'
    rf"{_ENSURE}{_SUBJ}(?:(?:is |must be |should be )?(?:written |composed )?)?without{_AVOID_ING} {_KWS}{_IN_DOC}",
    # 'Does the response avoid (using) KW?', 'Does the response not use KW?'
    rf"{_Q} (?:{_AVOID_BASE}){_AVOID_ING} {_KWS}{_IN_DOC}",
    rf"{_Q} (?:not|never) {_POS_V} {_KWS}{_IN_DOC}",
    # 'None of these words appear in the answer: KW', 'None of the following words are used: KW'
    rf"{_ENSURE}(?:none|not one|no one) of (?:the|these|those|the following) (?:(?:forbidden|banned|prohibited|listed|specified|given) )?{_NOUN} "
    rf"(?:{_APPEAR}|{_APPEAR_BASE}){_IN_DOC} : KW",
    # 'The response kept the words KW out of the response (entirely)', 'Keeps KW out of the answer'
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?(?:keeps?|kept|keep|leaves?|left|leave) {_KWS} out(?: of (?:the|your|this|its) (?:(?:entire|whole|full) )?{_DOC})?"
    rf"(?: (?:entirely|completely|altogether|fully))?",
    # 'None of the words KW appear (in the response)', 'No words from KW are used'
    rf"{_ENSURE}(?:none|not one|no one) of {_DET}(?:{_ADJ}{_NOUN} )?(?:: )?KW (?:{_APPEAR}|{_APPEAR_BASE}|is|are|may|can|should|must|will)?"
    rf"(?: (?:{_APPEAR_BASE}|used|included|mentioned|present))?{_IN_DOC}",
    # 'The words KW do not appear / are absent (from the response)'
    rf"{_ENSURE}{_QUANT}{_DET}(?:{_NOUN} )?:? ?KW (?:{_NEG_MODAL}|do not|does not|don't|doesn't) {_APPEAR_BASE}{_IN_DOC}",
    rf"{_ENSURE}{_QUANT}{_DET}(?:{_NOUN} )?:? ?KW (?:are|is|remain|remains|must be|should be|stay|stays) {_ABSENT}{_IN_DOC}",
    rf"{_ENSURE}{_QUANT}{_DET}(?:{_NOUN} )?:? ?KW (?:never|nowhere) (?:{_APPEAR}|{_APPEAR_BASE}){_IN_DOC}",
    # 'Forbidden words: KW', 'Banned terms (KW) are not used', 'Excluded words: KW'
    rf"(?:forbidden|banned|prohibited|excluded|disallowed|blocked|taboo|off-limits|avoided|restricted|negative) {_NOUN} (?:[:-] )?KW"
    rf"(?: (?:are|is|remain|must be|should be) {_ABSENT}{_IN_DOC}| (?:do not|does not|don't|doesn't|never|must not|should not) {_APPEAR_BASE}{_IN_DOC})?",
    rf"{_NOUN} to avoid (?:[:-] )?KW",
    # 'The following words must not appear: KW', 'These terms are forbidden in the answer: KW'
    rf"{_ENSURE}{_DET}{_NOUN} (?:{_NEG_MODAL}|do not|does not|don't|doesn't) {_APPEAR_BASE}{_IN_DOC} : KW",
    rf"{_ENSURE}{_DET}{_NOUN} (?:are|is|must be|should be) {_ABSENT}{_IN_DOC} : KW",
    rf"(?:forbidden|banned|prohibited|excluded|disallowed|not allowed|avoid|do not use|don't use|must not include|must not use|never use) : KW",
    rf"{_ENSURE}{_SUBJ}(?:{_MODAL} )?{_NEG_MODAL} (?:{_POS_V3}|{_POS_V}) {_QUANT}{_DET}{_NOUN}{_IN_DOC} : KW",
    # 'No use of (the words) KW', 'There are no occurrences of KW'
    rf"(?:there (?:are|is|should be|must be) |{_SUBJ}(?:{_MODAL} )?(?:contains?|has|have|includes?|shows?|makes?|contained|had|included|showed|made) )?"
    rf"(?:no|zero) (?:(?:whole-word|whole word|standalone) )?(?:use|uses|usage|mention|mentions|occurrences?|instances?|appearances?) (?:of|for) (?:any of )?{_KWS}(?: as (?:an? )?(?:whole |separate |standalone )?words?)?"
    rf"(?: (?:{_APPEAR}|{_APPEAR_BASE}|(?:is|are) (?:made|found)))?{_IN_DOC}",
    rf"(?:absence|avoidance|exclusion|omission|non-use|nonuse) of {_KWS}{_IN_DOC}",
    rf"{_ENSURE}{_SUBJ}(?:{_POS_V3}|{_POS_V}) neither (?:of )?{_DET}(?:{_NOUN} )?(?:: )?KW{_IN_DOC}",
    # 'Neither "a" nor "b" appears (in the response)'
    rf"{_ENSURE}neither (?:of )?{_DET}(?:{_NOUN} )?(?:: )?KW (?:{_APPEAR}|{_APPEAR_BASE}|is used|are used){_IN_DOC}",
]
_EACH_AGAIN = re.compile(r" (?:(?:wherein|where|with|and|;) )?(?:(?:each|every one|every single one|all) of them (?:appears?|occurs?|is used|are used|is present|"
                         r"are present|shows? up|turns? up)(?: (?:in the response|somewhere))?(?: at least once| at least one time)(?: each)?"
                         r"|(?:with |leaving )?none of them (?:omitted|missing|left out)|leaving none (?:of them )?out"
                         r"|each (?:one )?(?:(?:can be|is) found|appears)(?: somewhere)?(?: in it| in the (?:response|reply))?)$")
_KW_EACH = re.compile(r"(?<=KW) each one$")  # 'with KW in it, each one' (right after the list, never 'the reply contains each one')
_POS_RE = re.compile("|".join(f"(?:{p})" for p in _POSITIVE))
_NEG_RE = re.compile("|".join(f"(?:{p})" for p in _NEGATIVE))

_BETWEEN = re.compile(r"\s*(?:[,;/]\s*)?(?:(?:and|or|nor|&|as well as|plus)\s+)?", re.IGNORECASE)


def quoted_list(text: str) -> Optional[Tuple[int, int, List[str]]]:
    """(start, end, items) of the one run of quoted strings in ``text`` ('"a", "b" and "c"'), with a
    bracket around it ('("a", "b")', '["a", "b"]') included; None when the quotations are not one run."""
    ms = list(QUOTE_RE.finditer(text))
    if not ms:
        return None
    for a, b in zip(ms, ms[1:]):
        if not _BETWEEN.fullmatch(text[a.end():b.start()]):
            return None
    start, end = ms[0].start(), ms[-1].end()
    m_open = re.search(r"[(\[]\s*$", text[:start])
    m_close = re.match(r"\s*,?\s*[)\]]", text[end:])
    if m_open and m_close:
        start, end = m_open.start(), end + m_close.end()
    items = [next(g for g in m.groups() if g is not None).strip() for m in ms]
    if not all(items) or any(len(x) > 80 or "\n" in x for x in items):
        return None
    return start, end, items


def frame_of(text: str, start: int, end: int) -> str:
    """The criterion with its word list cut out as KW: lower-cased, commas dropped, a colon as its own
    token, single spaces, end punctuation off."""
    frame = (text[:start].lower() + " KW " + text[end:].lower()).replace("\u2019", "'")
    frame = re.sub(r"\s*\((?:case[- ]insensitive|in any case|any case|ignoring case)\)", "", frame)
    frame = re.sub(r"[.!?;]+\s*$", "", frame.strip())
    frame = frame.replace(",", " ").replace(":", " : ")
    return re.sub(r"\s+", " ", frame).strip()


def keyword_frame(text: str, items: Optional[List[str]] = None, span: Optional[Tuple[int, int]] = None):
    """("keywords_present" | "keywords_absent", {"keywords": [...]}) when, the word list cut out, the
    criterion is one whole 'must appear' or 'must not appear' frame; else None."""
    if span is None:
        found = quoted_list(text)
        if found is None:
            return None
        start, end, items = found
    else:
        start, end = span
    frame = frame_of(text, start, end)
    frame = re.sub(r"^(?:is|are) there ", "", frame)
    # politeness and imperatives: 'Please include ...', 'Be sure not to use ...'
    frame = re.sub(r"^please ", "", frame)
    frame = re.sub(r"^(?:be sure|make sure|remember|take care) not to ", "do not ", frame)
    frame = re.sub(r"^(?:be sure|make sure|remember|take care) to ", "", frame)
    # questions as statements: 'Is the response free of KW?', 'Are the keywords KW present?'
    frame = re.sub(rf"^(is|are|was|were) ((?:the|this|your) (?:generated )?{_DOC}|it) ", r"\2 \1 ", frame)
    frame = re.sub(r"^(is|are) (.*?KW) ((?:all |both |each )?(?:present|included|used|mentioned|found|absent|missing|avoided|excluded|omitted|"
                   r"not used|never used)\b.*)$", r"\2 \1 \3", frame)
    if frame.count("KW") != 1:
        return None
    # every listed word asked for again: 'KW, wherein every one of them appears at least once', 'KW, none of them omitted'
    # (only a presence frame may say so)
    said_again = _EACH_AGAIN.search(frame) or _KW_EACH.search(frame)
    if said_again:
        frame = frame[:said_again.start()]
    # 'includes "a" or "b"' asks for one of them, not all: only a negative frame may join with 'or'
    joiners = re.findall(r"\b(?:or|nor|either)\b", QUOTE_RE.sub(" ", text[start:end]).lower()) if len(items) > 1 else []
    pos = _POS_RE.fullmatch(frame) is not None and not joiners
    neg = _NEG_RE.fullmatch(frame) is not None and not said_again
    if pos == neg:
        return None
    return ("keywords_present" if pos else "keywords_absent"), {"keywords": list(dict.fromkeys(items))}
