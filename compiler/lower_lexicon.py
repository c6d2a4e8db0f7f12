"""The words surface requirements are said in (issue 15): a guard against a compound criterion whose second clause
asks for something no program checks.

'The response is fewer than 100 words and is polite', 'Fewer than 10 sentences and cites a source', 'Fewer than 100
words, written politely.': a rule reads the count, and the clause beside it is read by no rule at all, so the guards
that catch a second *check* never see it. A clause after 'and' / 'but', a comma, a semicolon, a full stop or
'that' / 'which' that opens with a verb saying what the response is or does (:data:`_PREDICATE`: 'is', 'cites',
'written', 'names', ...) is a further predicate on the response; it is let through only when no rule reads it as
another check and every word of it is one that surface requirements are said in: the vocabulary of the development
phrasing sets' templates (fifty-five sets written by different hands, and the IFBench phrasings; placeholders,
quotations and examples such as '<<Spring>>' removed; ``compiler/format_words.txt``, written by ``python
bench/format_words.py``), number and ordinal words, a few words of layout and nesting, and language names. 'and
uses no other language', 'and separate them with the markdown divider ***' pass; 'is polite', 'cites a source',
'avoids jargon', 'is written for a child' do not, and the criterion stays neural. A clause that does not open
with such a verb is part of the first requirement's own description ('in order to satisfy the request', 'where both
cases are counted', 'and no other language shall be used therein') and is not judged: on blind set 13 judging
every clause vetoed 380 correct lowerings (0.076 of its coverage) and caught no wrong one. Judged the same way: the
first clause with its subject ('The response is polite and contains at least 200 words'), a clause opening with
'with' / 'without' ('..., with a warm greeting') or with a participle of a verb of content ('a title in double
angular brackets naming the city'), and a bare word or two after a first clause with a copula ('is under 50 words
and funny').

A language named beside a check that is not about language scopes or adds to it ('Responses written in French must
have 3 paragraphs'): also neural (English beside a case check is the case check's own wording).

Words are compared by their Snowball stem (``snowballstemmer``), British spellings read as American ('organise',
'organizes'; 'heading', 'headings'). The vocabulary is data, never code.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List

from rubricc.compiler.lower_parse import LANGUAGES, QUOTE_RE, languages_named

WORDS_FILE = Path(__file__).with_name("format_words.txt")

_WORD = re.compile(r"[a-z]+")
# a template field, and an example given in the notation it illustrates ('<<Spring>>', '[address]', '*like this*')
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|<<[^<>\n]{0,80}>>|\[[^\[\]\n]{0,80}\]|(?<![*\w])\*[^*\n]{1,80}\*(?![*\w])|`[^`\n]{1,80}`")
_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand once twice thrice "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth last st nd rd th").split()
# words of layout and nesting the phrasing sets happen not to use
_LAYOUT_WORDS = ("adjacent consecutive successive neighbouring neighboring preceding previous nested nest nesting level "
                 "levels deep depth bracket brackets brace braces parenthesis parentheses pair pairs "
                 # and of how a copy can fail to be verbatim
                 "paraphrase paraphrases paraphrased paraphrasing preface prefaces prefaced reword rewords reworded").split()
# a clause beside the one a rule read: joined by 'and' / 'but', after a comma, a semicolon or a full stop, or a
# relative clause ('a title in double angular brackets that names the disease')
# ('a title in double angular brackets naming the city': a participle of a verb of content opens one too)
_PARTICIPLE = (r"naming|describing|covering|explaining|mentioning|recommending|thanking|discussing|addressing|citing|giving|"
               r"providing|summari[sz]ing|stating|praising|warning|encouraging|suggesting|answering|apologi[sz]ing|greeting|"
               r"inviting|referencing|emphasi[sz]ing|acknowledging|offering|telling|focusing|highlighting\s+(?:the|a|an|its|why|how)")
_JOIN = re.compile(r"\s*(?:[,;]\s+|[.!?]\s+|\b(?:and|but|that|which|who)\b|(?=\b(?:" + _PARTICIPLE + r")\b))\s*", re.IGNORECASE)
# a clause that is a further predicate on the response: it opens with a verb saying what the response is or does
# ('is polite', 'cites a source', 'written politely', 'that names the disease'), not with a fragment of the first
# requirement's own description ('in order to ...', 'where both cases are counted', 'no other language ...')
_PREDICATE = re.compile(
    r"^(?:(?:it|also|then|still|always)\s+)*(?:is|are|was|be|has|have|uses?|cites?|avoids?|sounds?|thanks?|mentions?|remains?|"
    r"stays?|keeps?|written|addressed|aimed|targeted|names?|describes?|explains?|gives?|provides?|includes?|offers?|shows?|"
    r"maintains?|addresses|references?|recommends?|suggests?|discusses|covers?|focuses|feels?|seems?|looks?|tells?|"
    r"asks?|answers?|responds?|notes?|states?|emphasi[sz]es|acknowledges?|apologi[sz]es|speaks?|sticks?|reflects?|"
    r"praises?|warns?|encourages?|thank|greets?|closes?|signs?|invites?|cite|mention|explain|describe|name|" + _PARTICIPLE + r")\b",
    re.IGNORECASE)
# the subject of a first clause ('The response is polite and contains at least 200 words'): what follows is a predicate
_SUBJECT = re.compile(r"^(?:the|its|your|each|every|this|a|an)?\s*(?:entire\s+|whole\s+|final\s+)?(?:response|answer|reply|replies|"
                      r"output|text|essay|copy|message|completion|submission|story|poem|post|email|letter|it)\s+"
                      r"(?:(?:must|should|shall|will|needs\s+to|has\s+to|is\s+to)\s+)?", re.IGNORECASE)
_PART_SUBJECT = re.compile(r"^(?:the|its|each|every|this)\s+(?:[a-z-]+\s+)?(?:title|heading|header|headline|section|paragraph|bullet|postscript|"
                           r"sentence|word|list|signature|greeting|ending|opening|summary)s?\s+(?:must|should|shall|needs\s+to|has\s+to)\s+", re.IGNORECASE)
# a later clause whose subject is one part of the response by its place ('the seventh one', 'the last paragraph', 'its
# second line'): whatever its verb, something is said of that part (a first or last character is left to the checks
# that read it: 'its first character being "')
_ORDINAL_PART = re.compile(r"^(?:and\s+|but\s+)?(?:the|its|their)\s+(?:very\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                           r"tenth|eleventh|twelfth|last|final|closing|opening|\d+(?:st|nd|rd|th))\s+(?:one|paragraph|part|section|line|sentence|"
                           r"bullet|item|block|chunk|piece|stanza|verse)\b", re.IGNORECASE)
# a clause beside the first that describes the response by a prepositional phrase ('..., with a warm greeting')
_WITH = re.compile(r"^(?:with|without)\b", re.IGNORECASE)
# a copula in the first clause: an adjective after 'and' describes the response ('is under 50 words and funny')
_COPULA = re.compile(r"\b(?:is|are|be|stays?|remains?|keeps?)\b", re.IGNORECASE)
_OR = re.compile(r"\bor\b(?:\s+(?:if\s+)?it\b)?", re.IGNORECASE)
# verbs of surface checks that open a second branch ('is rude or contains fewer than 200 words')
_OR_VERB = re.compile(r"^(?:contains?|consists?|ends?|starts?|begins?|repeats?|wraps?|highlights?|exceeds?|goes|falls|runs?|"
                      r"does|doesn't|fails?|lacks?|misses|omits?)\b", re.IGNORECASE)
# two verbs sharing one object are one predicate ('starts with or contains a title')
_SHARED_OBJECT = re.compile(r"\b(?:with|in|of|to|by|on|at|for|from|contains?|includes?|has|have|uses?|starts?|begins?|ends?)\s*$",
                            re.IGNORECASE)
_CASE_CHECKS = ("all_lowercase", "all_uppercase")


@lru_cache(maxsize=None)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """The word's Snowball stem, British spellings read as American ('organised', 'organizes' -> 'organ';
    'heading', 'headings' -> 'head')."""
    return _stemmer().stemWord(re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word))


def words_of(text: str) -> List[str]:
    """The lower-cased words of ``text`` outside quotations and ``{placeholders}``."""
    return _WORD.findall(QUOTE_RE.sub(" ", _PLACEHOLDER.sub(" ", text)).lower())


# words of judgement a set's reason clause or chat brought into the vocabulary ('shouting in caps reads as rude to our users'):
# never the words of a surface requirement ('The response is rude, and the response is in English' asks for more)
_JUDGEMENT = ("rude", "polite", "offensive", "respectful", "friendly", "kind", "funny", "helpful", "accurate", "correct",
              # a rubric lead's chat ('Pretty simple one: ...') brought these; 'uses simple vocabulary' is about content
              "simple", "pretty",
              # set 30's classifications and target talk brought these ('counts as properly closed', 'clean of the banned
              # words'); 'cites its sources correctly', 'a clean design' are judgements
              "correctly", "properly", "clean",
              # set 41's honours citation ('Cited for a response in which ...') and set 42's advertisement brought these;
              # 'cites a source', 'a suitable example', 'a great story', 'a calm tone' are judgements
              "cited", "suitable", "great", "calm", "talkative",
              # set 43's etiquette manual and horoscope brought these; 'a thoughtful reply', 'an honest answer' are judgements
              "honest", "thoughtful", "considerate", "humility", "modesty", "virtue", "civility", "curt", "perfectly",
              # set 44's angling rules, dispensing label and field log brought these ('A legal reply', 'Active ingredients',
              # 'continuous comma-free text'); 'gives legal advice', 'in the active voice', 'continuous prose', 'a loose
              # structure', 'a diagnostic answer', 'protected information' are about content or style
              "legal", "active", "continuous", "loose", "diagnostic", "protected",
              # set 45's seed packet, press release and road test brought these ('Vigorous grower', 'refined', 'smooth run',
              # 'official', 'roomy cabin'); 'a nice reply', 'a smooth, refined style', 'an official tone', 'showcases the
              # product', 'a native speaker's English' are judgements or content
              "nice", "refined", "smooth", "vigorous", "official", "roomy", "native", "showcases",
              # set 46's referee's letter and obituary brought these ('I was impressed that', 'A modest soul', 'A COPIOUS
              # REPLY'); 'a modest answer', 'shows confidence', 'is fond of cats', 'holds the
              # reader's interest' are judgements or content
              "modest", "copious", "large", "fond", "impressed", "glad", "approval", "pleasure", "completeness",
              "interest", "confidence", "exaggeration", "mattered",
              # set 47's school report brought these ('Excellent progress.', 'Creative writing:'); 'an excellent answer', 'a
              # creative story', 'shows progress in its argument' are judgements or content
              "excellent", "creative", "progress",
              # set 48's trailer voice-over and liner notes brought these ('An epic reply ... Every one of them earned', 'at
              # least 5 unforgettable moments'); 'a sad story', 'an unforgettable answer', 'every word earned' are judgements
              "sad", "unforgettable", "earned", "epic",
              # with set 48's wedding invitation's 'greetings' in the vocabulary, 'with a warm greeting' would pass: 'warm' is tone
              "warm",
              # set 49's adoption profile, fairy tale and magician's write-up brought these ('Meet Hugs! ... snug', 'a wise old
              # reply', 'a calm and gentle reply', 'Loves collecting words!'); 'a fun answer', 'a wise reply', 'a gentle tone',
              # 'a tidy layout', 'a glowing review', 'safe advice', 'gives a translation' are judgements or content
              "fun", "favourite", "gentle", "glowing", "mighty", "wise", "tidy", "super", "safe", "secure", "snug", "fussy",
              "picky", "mad", "happily", "translation", "magic", "sparkle",
              # set 50's film review, scout's report, stat block and pledge brought these ('Bookended beautifully', 'a calm,
              # civil reply', 'elite stamina'); 'a civil tone', 'a cold reply', 'legendary flair', 'shows imagination' are
              # judgements or content
              "beautifully", "civil", "cold", "soft", "elite", "flair", "legendary", "disciplined", "imagination", "versatility",
              "temperament", "hazard", "danger", "mercifully", "proudly", "breathless",
              # set 51's dictionary entry, gossip column and DJ brought these ('tactful, adj.', 'playing it cool', 'in full
              # markdown glam', 'mellow'); 'a tactful reply', 'a mellow tone' are judgements ('worldly' and 'loving' are not
              # listed: their stems are 'world' and 'love', and 'In a world full of commas', 'Loves collecting words!' lost
              # their readings in round 43's precision run)
              "tactful", "mellow", "cool", "glam",
              # set 52's restaurant menu, yearbook and nature documentary brought these ('Delicately prepared', 'a hearty
              # portion', 'vivid', 'most famous for'); 'a vivid description', 'an authentic voice', 'a bright tone' are
              # judgements ('distinctive' and 'remarkably' are not listed: their stems are 'distinct' and 'remark')
              "authentic", "bright", "hearty", "vivid", "delicately", "famous", "deserves", "cautiously", "leisurely",
              "loudest", "quietest",
              # set 53's group chat brought these ('which is cute', 'very chill'): 'a cute title', 'a chill tone' are judgements
              "cute", "chill",
              # set 54's TV pitch brought these ('Compact and convenient', 'handy', 'quotable', 'Neatly laid out'): 'a handy
              # reply', 'neatly formatted' are judgements ('loaded' is not listed: its stem is 'load', as in 'load it with a
              # JSON parser')
              "convenient", "handy", "quotable", "neatly")


def is_judgement(word: str) -> bool:
    """Whether ``word`` is one of the judgement words never in the vocabulary ('nice', 'funny', 'polite')."""
    return normal(word) in {normal(w) for w in _JUDGEMENT}


@lru_cache(maxsize=1)
def format_words() -> frozenset:
    """The vocabulary (normalised) a clause no rule reads must be said in."""
    listed: Iterable[str] = ()
    if WORDS_FILE.exists():
        listed = (w.strip() for w in WORDS_FILE.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    return frozenset(normal(w) for w in (*listed, *_NUMBER_WORDS, *_LAYOUT_WORDS, *LANGUAGES)) - {normal(w) for w in _JUDGEMENT}


def unknown_words(text: str) -> List[str]:
    """The words of ``text`` outside :func:`format_words`."""
    known = format_words()
    return [w for w in words_of(text) if normal(w) not in known]


def asks_more(meaning: str, check: str, args: Dict[str, Any], reads) -> bool:
    """True when the criterion (its own words, quoted data removed: ``meaning``) asks for more than ``check`` with
    ``args``: a further predicate on the response (a clause after 'and' / 'but', a comma, a semicolon, a full stop or
    'that' / 'which', opening with a verb) that ``reads`` (the rules) does not read is said in other words than
    surface requirements are (the check's own unquoted data aside: a section marker, a first word) or opens with a verb
    of content whose object is no data ('and mentions the user's name', in whatever words), the check is one
    branch of a disjunction of predicates ('or is off-topic'), or a language is named beside a check not about
    language."""
    # a disjunction of predicates ('is rude or contains fewer than 200 words', '... or is off-topic'): the check is one
    # branch of it, never the criterion (and under a negative frame its complement would drop the other branch)
    for m in _OR.finditer(meaning):
        after, before = meaning[m.end():].strip(), meaning[:m.start()]
        if (_PREDICATE.match(after) or _OR_VERB.match(after)) and not _SHARED_OBJECT.search(before):
            return True
    if _FOR_READER.search(meaning):
        return True  # 'written so that a child understands it and no comma appears': what a reader gets is content
    parts = [p for p in _JOIN.split(meaning) if p.strip()]
    if any((_content_clause(p) or _part_content_clause(p) if i else _first_content_clause(p)) and not reads(p)
           for i, p in enumerate(parts) if i or len(parts) > 1):
        return True  # 'contains "a" and mentions the user's name', 'The reply names the species and ...': a verb of content with an object no data stands for
    if check != "paragraph_first_word" and any(i and _ORDINAL_PART.match(p.strip()) and not reads(p) for i, p in enumerate(parts)):
        return True  # 'Exactly 7 paragraphs, ..., and the seventh one pulls away with the word "x"': a part of its own said of
    data = data_words(args)
    if len(parts) > 1 and any(_further(p, i, parts[0]) and not reads(p) and set(map(normal, unknown_words(p))) - data
                              for i, p in enumerate(parts)):
        return True
    named = languages_named(meaning.lower()) - data
    named = {n for n in named if LANGUAGES[n] != args.get("language")}  # the check's own language ('in French, all lowercase')
    if check == "response_language" or not named:
        return False
    return not (check in _CASE_CHECKS and named == {"english"})


# a later clause opening with a verb of content ('mentions the user's name', 'explains the cause'): a further predicate
# whatever its words, unless its object is the data a check reads (a pronoun or a quantifier for it, a word, a letter, a
# count: 'mentions it twice', 'mentions each of them', 'mentions the word 3 times')
_CONTENT_VERB = re.compile(r"^(?:(?:it|also|then|still|always)\s+)*(?:mentions?|mentioning|discuss(?:es|ing)?|explains?|explaining|describes?|"
                           r"describing|names|naming|cites?|citing|recommends?|recommending|address(?:es|ing)|covers?|covering|praises?|"
                           r"warns?|encourages?|suggests?|thanks|thanking|greets?|apologi[sz]es|acknowledges?|references|emphasi[sz]es|"
                           r"tells?|offers?|gives?|giving|provides?|providing|showcases?|showcasing|promotes?|promoting|advertises?|advertising|"
                           r"celebrates?|celebrating)\s+(?=\S)", re.IGNORECASE)
_DATA_REF = re.compile(r"\b(?:it|them|each|every|all|both|none|any|either|neither|keywords?|words?|terms?|phrases?|letters?|once|"
                       r"twice|thrice|times?|nothing|no)\b|\d", re.IGNORECASE)


# a result clause about a person, not the text ('so that the reader feels welcome', 'so a child understands it')
_FOR_READER = re.compile(r"\bso\s+(?:that\s+)?(?:(?:the|a|an|any|every|its|their|your)\s+)?(?:(?:young|new|typical|average|general|"
                         r"non-?expert|lay)\s+)?(?:readers?|users?|child|children|kids?|audiences?|customers?|clients?|listeners?|"
                         r"recipients?|beginners?|novices?|laypersons?|laypeople|students?|people|anyone|someone|everyone|"
                         r"nobody|no\s+one)\b", re.IGNORECASE)


def _content_clause(part: str) -> bool:
    m = _CONTENT_VERB.match(part.strip())
    return bool(m) and bool(words_of(part.strip()[m.end():])) and not _DATA_REF.search(part)


# a first clause's verb that says what the response is about, whatever its object ('The reply names the species and has no
# commas'); 'gives', 'provides', 'offers' are left out: 'The response gives two different responses, ...' is the check
_FIRST_CONTENT_VERB = re.compile(r"^(?:mentions?|discuss(?:es)?|explains?|describes?|names|cites?|recommends?|address(?:es)?|praises?|warns?|"
                                 r"encourages?|suggests?|thanks|greets?|apologi[sz]es|acknowledges?|references|emphasi[sz]es|showcases?|promotes?|advertises?|celebrates?)\s+(?=\S)", re.IGNORECASE)


# a verb of content in its base form after a part's modal ('The title must name the city', 'Each section should mention ...')
_BASE_CONTENT_VERB = re.compile(r"^(?:name|mention|discuss|explain|describe|cite|recommend|address|cover|praise|warn|encourage|suggest|thank|"
                                r"greet|apologi[sz]e|acknowledge|reference|emphasi[sz]e|tell|give|offer|provide|refer\s+to|be\s+about)\s+(?=\S)", re.IGNORECASE)


def _part_content_clause(part: str) -> bool:
    """A later clause about a part of the response with its own subject and modal whose verb is one of content and whose
    object is no data ('The title must name the city': every word of it may be one surface requirements are said in)."""
    m = _PART_SUBJECT.match(part.strip())
    if m is None:
        return False
    rest = part.strip()[m.end():]
    v = _BASE_CONTENT_VERB.match(rest)
    return bool(v) and bool(words_of(rest[v.end():])) and not _DATA_REF.search(rest)


def _first_content_clause(part: str) -> bool:
    """:func:`_content_clause` for a compound criterion's first clause, its subject read off, with the verbs of
    :data:`_FIRST_CONTENT_VERB` only."""
    rest = _SUBJECT.sub("", part.strip(), count=1)
    return rest != part.strip() and bool(_FIRST_CONTENT_VERB.match(rest)) and _content_clause(rest)


def data_words(args: Dict[str, Any]) -> set:
    """The normalised words of a check's own string arguments (a keyword, a marker): data, never foreign words."""
    return {normal(w) for v in args.values() for x in (v if isinstance(v, (list, tuple)) else [v]) if isinstance(x, str)
            for w in _WORD.findall(x.lower())}


def _further(part: str, i: int, first: str) -> bool:
    """Whether clause ``i`` of a compound criterion (``first`` its first) is a predicate on the response of its own: a
    first clause with its subject ('The response is polite'), a later one opening with a verb ('cites a source') or
    with 'with' / 'without' ('with a warm greeting'), or a bare word or two after a first clause with a copula ('is
    under 50 words and funny')."""
    part = part.strip()
    if i == 0:
        m = _SUBJECT.match(part)
        return bool(m) and bool(_PREDICATE.match(part[m.end():]))
    if _PREDICATE.match(part) or _WITH.match(part):
        return True
    # a later sentence about a part of the response with its own subject and modal ('The title must mention the beach')
    m = _PART_SUBJECT.match(part)
    if m and _PREDICATE.match(part[m.end():]):
        return True
    return len(words_of(part)) <= 2 and len(words_of(part)) == len(unknown_words(part)) and bool(_COPULA.search(first))


def build(texts: Iterable[str]) -> List[str]:
    """The sorted vocabulary of ``texts`` (templates), without the words added at load time."""
    base = {*_NUMBER_WORDS, *_LAYOUT_WORDS, *LANGUAGES}
    return sorted({w for t in texts for w in words_of(t)} - base)
