"""More voices and idioms read before those of :mod:`rubricc.compiler.lower_voices5` (issue 15, round 10): terse notes,
style-guide rules, test-case descriptions and spec statements.

:func:`respeak` rewrites only the wording into words the frames and rules already read, and never adds a requirement:

- shorthand: 'w/' is 'with', 'kw:' / 'kws:' before a list is 'keywords:', 'lang' is 'language', 'N paras' is 'N
  paragraphs' and 'para #2' is 'paragraph 2' ('the word para' is data); a quoted item followed by 'xN or more / fewer' is counted N times
  (''j' x20 or more' -> ''j' appears 20 or more times'; a bare 'xN' is left alone). Elsewhere: 'N+' with N in words is
  'at least N' (:mod:`rubricc.compiler.lower_parse`), and 'a | b | c' after 'one of' is an options list like 'a / b / c'
  (:func:`rubricc.compiler.lower_rules.r_constrained`);
- a test-case description's 'checks that X' / 'verifies that X' is X (any clause, not only one opening with 'the');
- a style guide's names for the response: 'every piece', 'each piece', 'this piece', 'the piece', and 'the copy' outside
  a repeat frame (where 'the copy' is the copy of the request) are 'the response';
- verbs in other words: 'stay clear of' is 'avoid'; 'work / weave / fit the following terms into the response' is
  'include the following terms in the response'; 'call out' passages with asterisks or markdown is 'highlight' them,
  and a bare ', markdown style' is ', in markdown'; 'let nothing follow it' is 'nothing after it'; in a repeat frame
  (a repeat verb and an exactness cue) 'the brief' is 'the request', 'no preamble' / 'no preface' / 'no intro' (and 'no words or characters preceding it', 'not saying
  anything before it') is 'nothing before it', and '(nothing before it)' is ', with nothing before it';
- a parenthesised list of bare single words right after a keyword noun ('every required keyword (a, b)', 'the forbidden
  words (a, b)') is the word list (one word only after a noun said to be a list: 'required', 'forbidden', ...), and
  'every required keyword "a", "b" is present' is 'each of the keywords "a", "b" is present';
- a second sentence or clause that only restates the first's bound adds no requirement and is dropped: 'Not one more,
  not one less.' after 'exactly N'; 'anything shorter does not meet the brief' after a minimum (and 'anything longer'
  after a maximum); 'Do not use them.' after a banned-words list; 'No passages in any other language.' / ', no other
  lang' after a language said with 'only' / 'all in'; '; prose before or after it is not' after JSON-only with a fence
  allowed. A second sentence saying anything else ('Each must cite a source.', 'Use them sparingly.') is kept, and
  the criterion stays neural;
- '<Language> only.' as a whole criterion is the response-language check ('Hindi only in the greeting' is not);
- a count said in a second sentence of 'such' items ('Call out key passages by ... . Each piece needs a minimum of 2
  such highlights.') is the count of what the first sentence's verb asks for: moved right after that verb; the same
  count per part of the response ('Each section needs at least 2 such highlights.'), or one of a plain unit left unmerged
  ('Use short sentences. The response needs at least 5 such sentences.': the count is of things only the first
  sentence describes),
  is a veto (:func:`read_voice`).

:func:`read_voice` is :func:`rubricc.compiler.lower_voices5.read_voice` on the respoken text. Quoted material, and
anything after a colon data may follow, are never rewritten (except a restating sentence after a bare word list).
"""
from __future__ import annotations

import re
from typing import Tuple

from rubricc.compiler.lower_code import respell_code
from rubricc.compiler.lower_parse import QUOTE_RE, language_in
from rubricc.compiler.lower_respell import cap, data_colon
from rubricc.compiler.lower_voices4 import FAIL_BRANCH, Asides
from rubricc.compiler.lower_voices5 import _free, _start, _sub_outside, read_voice as _read_voice5

_I = re.IGNORECASE
_Q = r"(?:\"[^\"\n]{1,60}\"|\u201c[^\u201d\n]{1,60}\u201d|'[^'\n]{1,40}')"
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_DOC = r"(?:response|reply|answer|output|text|piece|copy)"

# ---- shorthand ------------------------------------------------------------------------------------------------------
_SHORT = [
    (re.compile(r"(?<![\w/])w/(?=\s)", _I), "with"),
    (re.compile(r"(?<![\w/])w/o(?=\s)", _I), "without"),
    (re.compile(r"^\s*incl\.?(?=\s+(?:key\s*words?|keywords?|kws?|words?|terms?)\b)", _I), "includes"),  # 'incl. keywords: a, b'
    (re.compile(r"\bkws?\b(?=\s*(?::|$))", _I), "keywords"),  # a label before a list ('uses kw: a, b'), not 'kw stuffing'
    (re.compile(r"\blang\b(?=\s*(?:[,.;]|$|\s+(?:used|allowed|permitted|at\s+all|anywhere)\b))", _I), "language"),
    # 'para' as a unit only: after a count ('exactly 3 paras') or before a number ('para #2'); 'the word para' is data
    (re.compile(rf"\b({_NUM})\s+paras\b", _I), r"\1 paragraphs"),
    (re.compile(r"(?<![\"'\u201c])\b(?:para|paragraph)\b\.?\s*#\s*(?=\d)", _I), "paragraph "),
]
# a quoted item followed by 'xN' ('"j" x20 or more', '"the" x 3'): counted N times
_TIMES_X = re.compile(rf"^\s*(?P<q>{_Q})\s+(?:x|\u00d7)\s?(?P<n>\d[\d,]*)\b(?P<dir>\s+or\s+(?:more|fewer|less))(?!\s*(?:times|[x*]))", _I)

# ---- a test-case description: 'checks that X' -----------------------------------------------------------------------
_TEST_THAT = re.compile(r"^\s*(?:ensures|checks|verifies|asserts|tests|confirms|validates)\s+that\s+(?=\S)", _I)

# ---- names for the response ----------------------------------------------------------------------------------------
_PIECE = [
    (re.compile(r"^\s*(?:every|each)\s+piece\b(?=\s+(?:carries|has|contains|includes|uses|is|must|should|shall|needs|features|ends|starts|begins)\b)", _I),
     "The response"),
    (re.compile(r"\b(?:this|the)\s+(?:(whole|entire|full)\s+)?piece\b(?!\s+of\b)", _I), lambda m: f"the {m.group(1) + ' ' if m.group(1) else ''}response"),
]
_THE_COPY = re.compile(r"\b(in|into|across|throughout|to)\s+the\s+copy\b", _I)
_REPEAT_FRAME = re.compile(r"\b(?:repeat|restat|cop(?:y|ies|ied|ying)\b|reproduc|echo|recit|duplicat)", _I)
_EXACT = re.compile(r"\b(?:word for word|word-for-word|verbatim|exact(?:ly)?|unchanged|character for character)\b", _I)

# ---- verbs in other words -----------------------------------------------------------------------------------------
_CLEAR_OF = re.compile(r"\b(stay|stays|staying|keep|keeps|keeping|steer|steers|steering)\s+clear\s+of\b", _I)
_WORK_INTO = re.compile(r"^\s*(?P<v>work|weave|fit|build|slip)\s+(?P<x>(?:all\s+|each\s+|every\s+one\s+)?(?:of\s+)?(?:the\s+)?(?:following\s+)?(?:key\s*words|keywords|words|terms))"
                        r"\s+(?:in)?to\s+the\s+(?:response|reply|answer|text)\b", _I)
_CALL_OUT = re.compile(r"^\s*call\s+out\b(?=[^.;]*\b(?:asterisks?|markdown)\b)", _I)
_MD_STYLE = re.compile(r",\s*markdown[- ]style\b", _I)
_LET_NOTHING = re.compile(r"\blet\s+nothing\s+(?:follow|come\s+after)\s+it\b", _I)
_BRIEF = re.compile(r"\b(the|this)\s+brief\b", _I)
_PREAMBLE = re.compile(r"\b(?:and\s+)?no\s+(?:preamble|preface|intro(?:duction)?|lead-in)\b|\b(?:and\s+)?(?:(?:with\s+)?no\s+words\s+or\s+characters\s+(?:preceding|before)\s+it"
                       r"|without\s+any\s+preceding\s+words\s+or\s+characters|not\s+saying\s+anything\s+before\s+it)\b", _I)
_PAREN_NOTHING = re.compile(r"\s*\(\s*(?:with\s+)?nothing\s+(?:before|ahead\s+of|in\s+front\s+of)\s+it\s*\)", _I)

# ---- a bare word list in parentheses after a keyword noun --------------------------------------------------------------
_WORD = r"[A-Za-z][\w'-]*(?:\s[A-Za-z][\w'-]*){0,2}"
_PAREN_LIST = re.compile(rf"\b(?P<noun>(?:key\s*words?|keywords?|words?|terms?))\s+\(\s*(?P<list>{_WORD}(?:\s*,\s*{_WORD})*)\s*\)", _I)
_LISTED = re.compile(r"\b(?:required|listed|given|specified|target|forbidden|banned|prohibited|excluded|disallowed)\s+$", _I)
_STOPWORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "these", "those", "it", "its", "is", "are", "be", "for",
              "with", "as", "by", "from", "see", "above", "below", "listed", "given", "optional", "etc", "bold", "italics", "plural", "singular",
              "all", "any", "each", "both", "every", "none", "required", "exact", "exactly", "verbatim", "whole", "only"}

# ---- restating second sentences or clauses ---------------------------------------------------------------------------
_EXACTLY = re.compile(rf"\b(?:exactly|precisely)\s+{_NUM}\b", _I)
_NOT_ONE_MORE = re.compile(r"(?<=[^\s.])\s*[.;,]\s+(?:and\s+)?(?:(?:not|no)\s+(?:one\s+|a\s+single\s+one\s+)?more\s*,?\s*(?:and\s+|or\s+|nor\s+)?(?:not|no)\s+(?:one\s+)?(?:less|fewer)"
                           rf"|neither\s+more\s+nor\s+(?:less|fewer)(?:\s+than\s+{_NUM})?)\s*[.!]?\s*$", _I)
_MIN = re.compile(rf"\b(?:minimum|at\s+least|no\s+(?:fewer|less)\s+than|or\s+more|{_NUM}\+)", _I)
_MAX = re.compile(rf"\b(?:maximum|at\s+most|no\s+more\s+than|(?:fewer|less)\s+than|under|below|or\s+(?:fewer|less))\b", _I)
_FAILS = (r"(?:(?:does\s+not|doesn't|will\s+not|won't|fails?\s+to|cannot|can't)\s+(?:meet|satisfy|pass|count|fulfil|fulfill|qualify)"
          r"(?:\s+(?:the|this|our)\s+(?:brief|requirement|bar|spec|specification|criterion|standard|rule))?|fails|is\s+(?:not\s+(?:acceptable|enough|ok|okay)|a\s+fail(?:ure)?))")
_SHORTER = re.compile(rf"(?<=[^\s.;])\s*[.;,]\s+(?:anything|any\s+(?:response|reply|answer|text|piece))\s+(?P<d>shorter|less|fewer|longer|more)(?:\s+than\s+that)?\s+{_FAILS}\s*[.!]?\s*$", _I)
_DO_NOT_USE_THEM = re.compile(r"^(?P<head>\s*(?:banned|forbidden|prohibited|off-limits|excluded|disallowed)\s+(?:key\s*words|keywords|words|terms)\s*:\s*[A-Za-z][\w' -]*(?:,\s*[A-Za-z][\w' -]*)*)"
                              r"\s*\.\s+(?:do\s+not|don't|never)\s+use\s+(?:them|any\s+of\s+them|these|those|any\s+of\s+these)(?:\s+(?:at\s+all|anywhere))?\s*[.!]?\s*$", _I)
_SCOPE = re.compile(r"(?<=words|terms)\s+(?:for|in)\s+the\s+response(?=\s*(?::|$))", _I)
_LANG_ONLY = re.compile(r"^\s*(?P<x>[A-Z][a-z]+)\s+only\s*(?:[.!]|$)(?P<rest>.*)$", re.S)
_OTHER_LANG = re.compile(r"^\s*(?:(?:and\s+)?no|not\s+a\s+single)\s+(?:passages?|text|words?|sentences?|parts?|lines?|content|phrases?)?\s*(?:in|of|from)?\s*(?:any\s+)?other\s+languages?\s*[.!]?\s*$"
                         r"|^\s*no\s+other\s+languages?(?:\s+(?:at\s+all|anywhere|whatsoever))?\s*[.!]?\s*$", _I)
_JSON_PROSE = re.compile(r"\s*;\s*(?:but\s+)?(?:any\s+)?(?:prose|text|commentary|explanations?|anything(?:\s+else)?|other\s+text|words)\s+(?:before\s+or\s+after|around|outside)\s+it\s+"
                         r"(?:is|are)\s+not(?:\s+(?:fine|ok|okay|allowed|permitted|acceptable))?\s*[.!]?\s*$", _I)

# ---- a count of 'such' items in a second sentence --------------------------------------------------------------------
_SUCH = re.compile(rf"^(?P<s1>[^.;]+?)\s*\.\s+(?:(?:each|every|the)\s+(?:piece|response|reply|answer|text)\s+(?:needs|must\s+have|should\s+have|requires|must\s+contain|should\s+contain|must\s+include|"
                   rf"should\s+include)|(?:it|you)\s+(?:needs?|must\s+have|should\s+have))\s+(?P<rel>a\s+minimum\s+of|at\s+least|no\s+fewer\s+than|a\s+maximum\s+of|at\s+most|"
                   rf"no\s+more\s+than|exactly)\s+(?P<n>{_NUM})\s+such\s+[a-z]+s\s*[.!]?\s*$", _I)
_VERB_OBJ = re.compile(r"^\s*(?P<v>highlight|mark|emphasi[sz]e|use|include|add|write|leave|give|list|bold|italici[sz]e|wrap)\s+(?=(?:key\s+|important\s+|the\s+key\s+)?[a-z]+s\b)", _I)
_REL_WORDS = {"a minimum of": "at least", "no fewer than": "at least", "a maximum of": "at most", "no more than": "at most"}


# a bare word list after a use verb and a colon ('must not use: sleep, cook, feed'): the words, when none of them names
# a mark, a unit or a format ('must not use: commas, markdown' is about the characters and the format). Named here, not
# by the whole vocabulary: a metaphor a phrasing set uses for a unit ('Nights booked' for sentences) is still a word
_FORMAT_NOUNS = frozenset("""comma commas markdown bullet bullets capital capitals caps uppercase lowercase json header headers
heading headings emoji emojis list lists table tables bold italic italics asterisk asterisks quote quotes quotation quotations
hashtag hashtags punctuation exclamation exclamations letter letters number numbers digit digits dash dashes hyphen hyphens
bracket brackets placeholder placeholders section sections paragraph paragraphs sentence sentences word words title titles
postscript code html xml yaml csv latex symbols symbol colon colons semicolon semicolons period periods""".split())
_USE_COLON = re.compile(r"^\s*(?P<v>(?:must|should)\s+(?:not\s+)?(?:use|include|contain|mention)|(?:never|do\s+not|don't)\s+use)\s*:\s*"
                        r"(?P<list>[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*)*)\s*[.!]?\s*$", _I)


def _use_colon(text: str) -> str:
    m = _USE_COLON.match(text)
    if m is None:
        return text
    words = [w.strip() for w in m.group("list").split(",")]
    if any(w.lower() in _FORMAT_NOUNS or language_in(w.lower()) for w in words):
        return text
    return f"{m.group('v')} the words: {m.group('list')}"


def _shorthand(text: str) -> str:
    text = _use_colon(respell_code(text))
    for pat, rep in _SHORT:
        text = _sub_outside(text, pat, rep)
    m = _TIMES_X.match(text)
    if m:
        text = f"{m.group('q')} appears {m.group('n')}{m.group('dir') or ''} times" + text[m.end():]
    return text


def _names(text: str) -> str:
    m = _start(text, _TEST_THAT)
    if m:
        text = cap(text[m.end():])
    for pat, rep in _PIECE:
        text = _sub_outside(text, pat, rep)
    head = text[:data_colon(text)]
    repeat = bool(_REPEAT_FRAME.search(head) and _EXACT.search(head))
    if not repeat:
        text = _sub_outside(text, _THE_COPY, r"\1 the response")
    else:
        text = _sub_outside(text, _BRIEF, r"\1 request")
        # the label of the request after the frame's own sentence ('... no preamble. The brief: ...')
        text = _sub_outside(text, _PREAMBLE, lambda p: ("and " if p.group(0).lower().startswith("and") else "") + "with nothing before it")
        text = _sub_outside(text, _PAREN_NOTHING, ", with nothing before it")
    return text


def _verbs(text: str) -> str:
    text = _sub_outside(text, _CLEAR_OF, lambda m: {"stay": "avoid", "keep": "avoid", "steer": "avoid"}.get(m.group(1).lower(), "avoids" if m.group(1).lower().endswith("s") else "avoiding"))
    m = _start(text, _WORK_INTO)
    if m:
        text = f"Include {m.group('x')} in the response" + text[m.end():]
    m = _start(text, _CALL_OUT)
    if m:
        text = "Highlight" + text[m.end():]
    text = _sub_outside(text, _MD_STYLE, ", in markdown")
    return _sub_outside(text, _LET_NOTHING, "nothing after it")


def _lists(text: str) -> str:
    head = text[:data_colon(text)]
    m = _PAREN_LIST.search(head)
    if not m or not _free(text, m.start(), m.end()) or QUOTE_RE.search(text):
        return text
    items = [x.strip() for x in m.group("list").split(",") if x.strip()]
    # single words, none a function word; one word only after a noun said to be a list ('required keyword (moon)')
    # a note on a label before its list ('Mandatory terms (all, case-insensitive): a, b') is no word list
    if re.match(r"\s*:", head[m.end():] + text[len(head):len(head) + 1]) or any(x.lower().startswith("case") for x in items):
        return text
    if any(" " in x or x.lower() in _STOPWORDS for x in items) or (len(items) == 1 and not _LISTED.search(head[:m.start("noun")])):
        return text
    quoted = ", ".join(f'"{x}"' for x in items)
    open_, close = text.rfind("(", 0, m.start("list")), text.find(")", m.end("list"))
    text = text[:open_].rstrip() + " " + quoted + text[close + 1:]
    e = re.search(r"\b(?:every|each)\s+(?:(?:required|listed|given|specified|target)\s+)?(?P<n>key\s*word|keyword|word|term)\s+(?=\")", text, _I)
    if e is not None:
        text = text[:e.start()] + f"each of the {e.group('n')}s " + text[e.end():]
    return text


def _restated(text: str) -> str:
    m = _NOT_ONE_MORE.search(text)
    if m and _free(text, m.start(), m.end()) and _EXACTLY.search(QUOTE_RE.sub(" ", text[:m.start()])):
        text = text[:m.start()] + "."
    m = _SHORTER.search(text)
    if m and _free(text, m.start(), m.end()):
        before = QUOTE_RE.sub(" ", text[:m.start()])
        shorter = m.group("d").lower() in ("shorter", "less", "fewer")
        if (_MIN.search(before) and not _MAX.search(before)) if shorter else (_MAX.search(before) and not _MIN.search(before)):
            text = text[:m.start()] + "."
    m = _DO_NOT_USE_THEM.match(_sub_outside(text, _SCOPE, ""))
    if m:
        text = m.group("head").strip() + "."
    m = _LANG_ONLY.match(text)
    if m and language_in(m.group("x").lower()) is not None and (not m.group("rest").strip() or _OTHER_LANG.match(m.group("rest"))):
        text = f"The response is in {m.group('x')} only."
    m = re.search(r",\s*(?P<r>no\s+other\s+languages?)\s*[.!]?\s*$", text, _I)
    if m and re.search(r"\b(?:all|entirely|only|wholly|exclusively)\s+in\s+[A-Z][a-z]+\s*$", text[:m.start()]) and language_in(text[:m.start()].lower()):
        text = text[:m.start()] + ", with no other language."
    low = QUOTE_RE.sub(" ", text).lower()
    if re.search(r"\b(?:only|pure(?:ly)?|solely|entirely|wholly)\b[^.;]{0,40}\bjson\b|\bjson\b[^.;]{0,20}\bonly\b", low) and re.search(r"\b(?:fence|code\s+block)\b", low):
        m = _JSON_PROSE.search(text)
        if m and _free(text, m.start(), m.end()):
            text = text[:m.start()] + "."
    return text


def _such(text: str) -> str:
    m = _SUCH.match(text)
    if not m or QUOTE_RE.search(m.group("s1")) or re.search(rf"\b{_NUM}\b", m.group("s1"), _I):
        return text
    v = _VERB_OBJ.match(m.group("s1"))
    if not v:
        return text
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    return f"{m.group('s1')[:v.end()]}{_REL_WORDS.get(rel, rel)} {m.group('n')} {m.group('s1')[v.end():]}."


def respeak(text: str) -> str:
    """``text`` with the voices above rewritten into words the frames and rules read; the same text when none applies."""
    said = _shorthand(text)
    said = _names(said)
    said = _verbs(said)
    said = _lists(said)
    said = _restated(said)
    said = _such(said)
    return said


# a count of 'such' items per part of the response ('... . Each section needs at least 2 such highlights.'): not a count
# over the whole response, whatever the first sentence asks for
_PER_PART_SUCH = re.compile(rf"[.;]\s+(?:each|every|any|per)\s+(?:section|paragraph|part|bullet|item|line|stanza|chapter|point|sentence|heading|list)\b"
                            rf"[^.;]{{0,40}}?\b{_NUM}\s+such\b", _I)


# ... of a plain unit the rules count by itself ('5 such sentences' after 'Use short sentences'); 'such highlighted
# sections' names its own surface form
_SUCH_LEFT = re.compile(rf"\b{_NUM}\s+(?:or\s+(?:more|fewer|less)\s+)?such\s+(?:sentences|words|paragraphs|lines|bullets|bullet\s+points|items|"
                        rf"list\s+items|sections|parts|points)\b", _I)


def read_voice(text: str) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices5.read_voice` on the criterion respoken by :func:`respeak`; a count of 'such'
    items per part of the response is a veto."""
    m = _PER_PART_SUCH.search(text)
    if m and _free(text, m.start(), m.end()):
        return text, [("veto", text)]
    said = respeak(text)
    m = _SUCH_LEFT.search(said)
    branch = FAIL_BRANCH.search(said)  # a fail branch's 'such' is the pass condition's
    if m and _free(said, m.start(), m.end()) and not (branch and m.start() > branch.start()):
        return said, [("veto", text)]  # 'N such X' not merged: the count is of things described elsewhere ('short sentences')
    return _read_voice5(said)
