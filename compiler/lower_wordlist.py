"""A list of words said to be in the reply, or not, whatever the frame around it (issue 15, round 41):

    Production: from somewhere in the reply the magician brings out each of the words "a" and "b"; every one appears.
    Loves collecting words! Every one of "a" and "b" can be found somewhere in this reply, capitals or not.
    Quirks: Ziggy is a fussy one, and you won't hear him say "a" or "b" anywhere in this reply.
    Once upon a time, under a spell that forbade certain words, nowhere in the reply did "a" or "b" appear.

Keyword lists were read only inside frames written for them (:mod:`rubricc.compiler.lower_kwframes`,
:mod:`rubricc.compiler.lower_roster`), and every new voice brought its own. :func:`word_list` reads the one quoted list
of single words in the criterion and the clause that holds it: a quantifier over the list ('each of the words', 'every
one of', 'none of the words') or a verb of saying or showing right before it, and the clause's one negation, or none and
a verb of presence, give the side. Notes on matching (as a whole word, in any letter case) are read off first. Every
other clause is a figure and must add nothing to the plain statement (:func:`rubricc.compiler.lower_fragments.figure_adds`:
no number, quotation, form, condition, judgement or verdict); and nothing in the criterion may place the words (in
bold, in the title, in the first sentence), count them, give a choice among them ('any of', 'or' for presence) or speak
of the user's text. Precision first: what is not read whole is left to the other readers and the judge.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from rubricc.compiler.lower_label import place_number
from rubricc.compiler.lower_parse import FORBIDS, KEYWORD_PLACES, QUOTED_ITEM, QUOTED_LIST
from rubricc.compiler.lower_respell import in_quotes, quote_spans

_I = re.IGNORECASE | re.S
Found = Optional[Tuple[str, dict]]

# notes on how the words are matched: read off before the clauses are read
_NOTES = re.compile(
    r",?\s*(?:(?:not\s+)?as\s+(?:a\s+)?whole\s+words?|(?:(?:written|set|spelled|spelt)\s+)?(?:not\s+)?in\s+(?:any\s+)?(?:letter\s+)?case|"
    r"(?:(?:written|set)\s+)?(?:in\s+)?(?:capitals|upper\s*case|upper|lower\s*case|lower|small\s+letters|caps)(?:\s+letters)?\s+or\s+(?:in\s+)?"
    r"(?:capitals|upper\s*case|upper|lower\s*case|lower|small\s+letters|caps|not)(?:\s+(?:letters|case))?|"
    r"not\s+in\s+(?:capitals|upper\s*case|lower\s*case|small\s+letters)(?:\s*,\s*not\s+in\s+(?:capitals|upper\s*case|lower\s*case|small\s+letters))?|"
    r"in\s+any\s+(?:letter\s+)?case|at\s+least\s+once|whatever\s+(?:the|its)\s+case|in\s+either\s+case|any\s+capitali[sz]ation(?:\s+counts)?)(?=\s*[,.;:!]|\s*$)", _I)
_WHOLE = re.compile(r"\bwhole\s+words?\b", _I)
# the quantifier or verb that takes the list as its object
_TAKES = re.compile(r"(?:\b(?:each|every\s+one|every\s+single\s+one|all|none|not\s+one|any)\s+of\s+(?:the\s+)?(?:(?:key\s*)?words|keywords|terms)?|"
                    r"\b(?:the\s+)?(?:(?:key\s*)?words|keywords|terms)|\b(?:say|says|said|saying|utter|utters|write|writes|use|uses|using|"
                    r"include|includes|contain|contains|mention|mentions|did|do|does|will|would|shall|should))\s*:?\s*$", _I)
# a part of the list ('one of the words', 'some of', 'two of'): a choice, not each word
_SOME = re.compile(r"(?<!\bevery\s)(?<!\bnot\s)(?<!\bno\s)\b(?:one|some|two|three|four|five|a\s+few|few|several|most|half|either|any\s+one)\s+of\b", _I)
_NEGATORS = re.compile(r"\bnone\b|\bnot\s+one\b|\bnowhere\b|\bnever\b|n't\b|\bnot\b|\bno\b|\bwithout\b|\bnor\b", _I)
_PRESENT = re.compile(r"\b(?:appears?|appeared|appearing|occurs?|occurred|turns?\s+up|turned\s+up|shows?\s+up|showed\s+up|(?:be|is|are|was|were)\s+found|"
                      r"brings?\s+out|brought\s+out|pulls?\s+out|pulled\s+out|produces?|produced|comes?\s+up|came\s+up|includes?|included|contains?|contained|uses?|used|mentions?|mentioned|says?|said|present)\b", _I)
_ABSENT_VERB = re.compile(r"\b(?:appears?|occurs?|turns?\s+up|shows?\s+up|found|be\s+heard|hear|say|said|use|used|include|mention|contain)\b", _I)
# what places, counts or chooses among the words, and what speaks of another text: more than a keyword check
_MORE = re.compile(rf"\b(?:{KEYWORD_PLACES}|lists?|start|only|exactly|times|twice|thrice|more|fewer|"
                   r"less|most|least|several|many|few|some|either|any|order|alphabetical\w*|rhym\w*|user|prompt|question|request|"
                   r"instructions?|plural|singular|synonyms?|translat\w*|spell(?:ing|ed|t)|capitali[sz]ed|uppercase|lowercase|capitals?|"
                   r"definitions?|define\w*|explain\w*|quotes?|quotation\w*|hashtags?|tags?|\d+|if|unless|when|whenever|except|provided|errors?|"
                   r"fail\w*|pass|passes|penal\w*|deduct\w*|scor\w*|points?|marks?|credit|award\w*|reject\w*|flag\w*|warn\w*)\b|"
                   r"\bonce\s+(?:each|apiece|only|or|and|in|per)\b|\b(?:appears?|appeared|used|occurs?|said|mentioned|found|up|out|them|it)\s+once\b", _I)
# what may follow the list in its clause: where the words are, that they are there, and nothing else
_TAIL_OK = set("""is are be to can could had has have been was were will shall must should may did does do appear appears appeared appearing
occur occurs occurred turn turns turned show shows showed up found used present included mentioned heard said written seen spotted somewhere
anywhere nowhere at all in within inside from on the this its it reply response answer text whole entire each all every one of them any
either anyone anybody you""".split())
# words ending in -ly the clause may hold ('reply' is no adverb): any other says how the words are used ('consistently')
_ADVERBS_OK = {"reply", "only", "fully", "wholly", "entirely", "finally", "really", "truly", "happily", "merely", "simply"}
_CLAUSE_END = re.compile(r"[.!?;:](?=\s|$)|,\s+(?:and|but|so|yet)\s+(?:so\s+)?|\s+and\s+so\s+", _I)


def word_list(text: str, figure_adds: Callable[[str, str], bool]) -> Found:
    """("keywords_present" | "keywords_absent", args) when the criterion says its one quoted list of words is in the reply
    (or none of it is), and every other clause is a figure that adds nothing (``figure_adds(clause, plain)``), else None."""
    lists = list(re.finditer(QUOTED_LIST, text))
    if len(lists) != 1 or len(re.findall(QUOTED_ITEM, text)) != len(re.findall(QUOTED_ITEM, lists[0].group(0))):
        return None
    listed = lists[0]
    words = [q[1:-1].strip() for q in re.findall(QUOTED_ITEM, listed.group(0))]
    if not words or any(not re.fullmatch(r"[A-Za-z][\w'-]*", w) for w in words):
        return None
    joiners = re.sub(QUOTED_ITEM, " ", listed.group(0))
    said = text[:listed.start()] + " LISTED " + text[listed.end():]
    whole = bool(_WHOLE.search(said))
    said = re.sub(r"\bonce\s+upon\s+a\s+time\b", " ", _NOTES.sub("", said), flags=_I)  # a tale's opening, no count
    if _MORE.search(said.replace("LISTED", " ")) or re.search(r"\b(?:every|each)\s+one\b", joiners, _I):
        return None
    clauses = _clauses(said)
    holds = [c for c in clauses if "LISTED" in c]
    if len(holds) != 1:
        return None
    clause = holds[0]
    before = clause[:clause.index("LISTED")]
    if not _TAKES.search(before) or _SOME.search(before):
        return None  # the list is no object of a quantifier or a verb of saying ('the names "a" and "b" ...')
    after = clause[clause.index("LISTED") + len("LISTED"):]
    if any(w.lower() not in _TAIL_OK for w in re.findall(r"[A-Za-z']+", after)) or \
            any(w.lower() not in _ADVERBS_OK for w in re.findall(r"\b\w+ly\b", clause)):
        return None  # the words said of more than where they are ('uses the terms "a", "b" consistently')
    negators = _NEGATORS.findall(clause)
    if len(negators) > 1:
        return None
    absent = len(negators) == 1
    if absent and not _ABSENT_VERB.search(clause) or not absent and not _PRESENT.search(clause):
        return None
    if not absent and (re.search(r"\bor\b", joiners, _I) or FORBIDS.search(said) or re.search(r"\bbans?\b", said, _I)):
        return None  # a choice among the words, or a figure that forbids beside a statement that every word appears
    name = "keywords_absent" if absent else "keywords_present"
    plain = f'The reply {"uses none" if absent else "contains each"} of the words {listed.group(0)}.'
    for other in clauses:
        if other is clause or not re.search(r"[A-Za-z]", other) or place_number(other):
            continue
        if _NEGATORS.search(other) and not absent or figure_adds(other, plain):
            return None
    return name, {"keywords": words, "whole_word": absent or whole}


def _clauses(said: str) -> List[str]:
    spans = quote_spans(said)
    cuts = [0]
    for m in _CLAUSE_END.finditer(said):
        if not in_quotes(spans, m.start()):
            cuts += [m.start(), m.end()]
    cuts.append(len(said))
    return [said[a:b].strip(" ,") for a, b in zip(cuts[::2], cuts[1::2]) if said[a:b].strip(" ,.;:!?")]
