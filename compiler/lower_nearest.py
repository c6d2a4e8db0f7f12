"""Second lowering stage: the nearest phrasings decide the family, typed extractors read the arguments.

For a criterion the rules (:mod:`rubricc.compiler.lower`) leave neural, :func:`lower_nearest` embeds it
with the bundled MiniLM and compares it with an index of labelled sentences: the templates of the
development phrasing sets (``bench/phrasings``), each labelled with its IFEval family, and semantic rubric
criteria labelled ``neural`` (BiGGen-Bench criteria and a quarter of HealthBench / WritingBench, picked by
a hash of the text; the other three quarters are what ``bench/false_lowering.py`` may measure unseen). The
best family is accepted only when its nearest sentence is similar enough (:data:`SIM_MIN`) and beats every
other label, ``neural`` included, by :data:`MARGIN_MIN`. Then a typed, wording-agnostic extractor reads
the family's arguments (one number and one relation word next to it, quoted words, a language name or ISO
code, one quoted letter, the marker, the splitter word) and vetoes what the check cannot express (negation
of a positive family, a condition or exception, a part of the response, a second constraint): any doubt
leaves the criterion neural. The check is one the rules could produce, validated by ``validate_check``.

The index is shipped as ``nearest_index.npz`` (int8 embeddings, labels; built by ``bench/lower_cross.py
--write-index``). torch and sentence-transformers are imported on first use only; without them the stage
returns None (the criterion stays neural), as it does without the index file. :data:`ENABLED` (on by default;
:func:`switched` for a block, ``rubricc compile --no-nearest``) turns the stage off; off, ``lower_criterion``
uses the rules alone. The general vetoes live in :mod:`rubricc.compiler.lower_nearest_vetoes`.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np

from rubricc.compiler.lower_counted import second_count, unit_qualified
from rubricc.compiler.lower_decor import rar_avoids
from rubricc.compiler.lower_nearest_vetoes import CONDITION as _CONDITION
from rubricc.compiler.lower_nearest_vetoes import FOREIGN as _FOREIGN
from rubricc.compiler.lower_nearest_vetoes import OWN_FOREIGN as _OWN_FOREIGN
from rubricc.compiler.lower_nearest_vetoes import OWN_PARTS as _OWN_PARTS
from rubricc.compiler.lower_nearest_vetoes import PART as _PART
from rubricc.compiler.lower_nearest_vetoes import VAGUE as _VAGUE
from rubricc.compiler.lower_nearest_vetoes import veto
from rubricc.compiler.lower_nearest_vetoes import ANY_CASE as _ANY_CASE
from rubricc.compiler.lower_nearest_vetoes import CASELESS as _CASELESS
from rubricc.compiler.lower_nearest_vetoes import IDIOMS as _IDIOMS
from rubricc.compiler.lower_nearest_vetoes import OWN_WORDS as _OWN_WORDS
from rubricc.compiler.lower_nearest_vetoes import TWO_RESPONSES_NUMBERS as _TWO_RESPONSES_NUMBERS
from rubricc.compiler.lower_nearest_vetoes import plain as _plain
from rubricc.compiler.lower_parse import (COMMAS_ONLY, KEYWORD_PLACES, LANGUAGES, NEGATION, number_words_to_digits, _symbols_to_words, outer_quotes,
                                          quoted)

# on by default since 2026-12-01 (declared before blind set 10 was read; off: ``ENABLED = False``,
# ``switched(False)`` or ``rubricc compile --no-nearest``). With the general vetoes (lower_nearest_vetoes) it
# lowers none of the near-misses of the lowering tests (253 when measured, 16 before the vetoes;
# tests/test_lower_nearest_safety.py); leave-one-set-out on sets 4, 5, 6 and 9 (bench/lower_cross.py, the
# index without the set measured) its 666 lowered criteria all agree with IFEval's verdicts; and it lowers
# no semantic rubric criterion (bench/false_lowering.py --nearest on: the same 5 of 17,037 as the rules).
# History: on blind set 6, before the vetoes, it gave wrong programs (all_lowercase for "set entirely in
# capitals; lower-case letters are not permitted") where the rules alone were exact; the stage's failure is
# a wrong program, not a neural fallback, so every new blind set is measured with it as shipped.
ENABLED = True
SIM_MIN = 0.60  # cosine similarity of the nearest template of the family
MARGIN_MIN = 0.02  # over the nearest sentence of any other label (another family or neural)
MAX_CHARS = 400  # longer criteria are not embedded at all
INDEX_PATH = Path(__file__).resolve().parent / "nearest_index.npz"
NEURAL = "neural"
# families an embedding cannot tell apart (a polarity: 'uses' / 'never uses'; a case) and whose typed extractors
# exclude each other (a negation is required by one and refused by the other; the case words say which case): the
# margin is taken over the labels outside the pair, and the extractor that reads the criterion decides
TWINS = ({"keywords:existence", "keywords:forbidden_words"}, {"change_case:english_lowercase", "change_case:english_capital"})
# the checks of a pair the stage may switch to against the nearest phrasing: their extractors need the criterion to
# say it (a negation for the absent words, the case words for a case); 'contains "yes" / "no"' nearest to forbidden
# words is not read as present words
_TWIN_STRICT = {"keywords_absent", "all_lowercase", "all_uppercase"}

_index = None  # (labels: np.ndarray[str], emb: np.ndarray[float32, n x d]) once loaded
_model = None


@contextmanager
def switched(on: Optional[bool]) -> Iterator[None]:
    """The stage on (True) or off (False) inside the block, :data:`ENABLED` restored after it; None keeps
    the library default (``rubricc compile --nearest/--no-nearest``)."""
    global ENABLED
    old = ENABLED
    if on is not None:
        ENABLED = bool(on)
    try:
        yield
    finally:
        ENABLED = old


# --- the index -------------------------------------------------------------------------------------

def _encoder():
    global _model
    if _model is None:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        from rubricc.compiler.dedupe import backbone_path, quiet_model_loading

        with quiet_model_loading():
            _model = SentenceTransformer(backbone_path(), device="cpu")
    return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-norm MiniLM embeddings of the texts as the stage sees them (:func:`embed_text`)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return _encoder().encode([embed_text(t) for t in texts], batch_size=64, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False).astype(np.float32)


def embed_text(text: str) -> str:
    """What is embedded: the criterion without its data (quoted text as "X", a long tail after a colon cut)."""
    t = _strip(text[:MAX_CHARS]) or text[:MAX_CHARS]
    return re.sub(r"\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d", '"X"', t)


def save_index(path: Path, labels: Sequence[str], emb: np.ndarray) -> None:
    """int8 embeddings (scale 127) and labels: a small, deterministic file."""
    q = np.clip(np.round(emb * 127.0), -127, 127).astype(np.int8)
    np.savez_compressed(path, labels=np.array(list(labels)), emb=q)


def set_index(labels: Sequence[str], emb: np.ndarray) -> None:
    """Use this index (the bench's leave-one-set-out runs); :func:`reset_index` goes back to the file."""
    global _index
    emb = np.asarray(emb, dtype=np.float32)
    _index = (np.array(list(labels)), emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9))


def reset_index() -> None:
    global _index
    _index = None


def _load_index():
    global _index
    if _index is None:
        z = np.load(INDEX_PATH, allow_pickle=False)
        set_index(z["labels"], z["emb"].astype(np.float32) / 127.0)
    return _index


def nearest_family(text: str, vec: Optional[np.ndarray] = None) -> Tuple[Optional[str], float, float]:
    """(family or None, best similarity, margin over the best other label)."""
    labels, emb = _load_index()
    v = embed([text])[0] if vec is None else vec
    sims = emb @ v
    best: Dict[str, float] = {}
    for lab, s in zip(labels.tolist(), sims.tolist()):
        if s > best.get(lab, -2.0):
            best[lab] = s
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None, 0.0, 0.0
    top, s1 = ranked[0]
    twin = next((g for g in TWINS if top in g), {top})
    s2 = max((s for lab, s in ranked if lab not in twin), default=-1.0)
    if top == NEURAL or s1 < SIM_MIN or s1 - s2 < MARGIN_MIN:
        return None, s1, s1 - s2
    return top, s1, s1 - s2


# --- reading the text --------------------------------------------------------------------------------

# a reason or a note that restates the requirement: '(Justification: ...)', ', as the user asked.'
_JUSTIFY = re.compile(r"\s*\((?:justification|rationale|reason|note)\s*:[^()]{0,300}\)\s*", re.IGNORECASE)
_REASON = re.compile(r"\s*[,;]\s*(?:as|since|because|satisfying|meeting|matching|per|in line with|which is what|"
                     r"following|in keeping with|consistent with|honou?ring|respecting|complying with)\b"
                     r"(?:(?![\"\u201c]).){0,160}$", re.IGNORECASE)
_LABEL = re.compile(r"^(?:[A-Z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,4})\s*:\s+(?=[A-Z])")
# a requirement's or a test case's id ('AC1:', 'TC-12:', 'REQ-3.', 'R2)'): a name, not a number of anything
_ID_LABEL = re.compile(r"^\s*\[?(?:[A-Z]{1,5}[-_ .]?\d{1,4}(?:\.\d{1,3})?)\]?\s*[:.)\]]\s+(?=\S)")
_EVALUATES = re.compile(r"^(?:evaluates|checks|assesses|verif(?:y|ies)|determines)\s+(?:whether|if|that)\s+", re.IGNORECASE)

_QUOTE_ANY = re.compile(r"\"[^\"\n]{0,300}\"|\u201c[^\u201d\n]{0,300}\u201d|(?<![\w])'[^'\n]{0,200}?'(?![\w])")

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_REL_WORDS = [  # longest first; a phrase right before the number, or right after it (up to 3 words between)
    (r"no fewer than|no less than|not fewer than|not less than|(?:no|not) (?:shorter|smaller) than|not under|not below|"
     r"(?:a |the )?minimum (?:length|word count|count|number|total|size) of|a minimum of|minimum of|at minimum|at the least|"
     r"at least|or more|or greater|or above|or over|or higher|or longer|and up|and above|minimum", "at least"),
    (r"no more than|not more than|(?:no|not) (?:longer|greater|larger|bigger) than|not over|not above|"
     r"(?:a |the )?maximum (?:length|word count|count|number|total|size) of|a maximum of|maximum of|at the most|at most|or fewer|or less|or under|or lower|"
     r"or below|or shorter|up to|not exceeding|does not exceed|maximum|max", "at most"),
    (r"fewer than|less than|under|below|shorter than|beneath", "less than"),
    (r"more than|greater than|over|above|longer than|exceeding|exceeds", "more than"),
    (r"exactly|precisely|just|only", "exactly"),
]
_REL_RE = re.compile("|".join(rf"(?P<r{i}>\b(?:{w})\b)" for i, (w, _) in enumerate(_REL_WORDS)))


def _strip(text: str) -> str:
    """The criterion less its decorations: a reason in parentheses or after a comma, a leading label,
    'Evaluates whether'."""
    t = _ID_LABEL.sub("", _JUSTIFY.sub(" ", text).strip())
    for _ in range(2):
        t = _REASON.sub("", t).strip()
    m = _LABEL.match(t)
    if m and not _NUMBER.search(m.group(0)) and not re.search(r"\b(?:no|not|commas?|lowercase|uppercase|P\.)", m.group(0), re.I):
        t = t[m.end():]
    t = _EVALUATES.sub("", t).strip()
    return t.rstrip(" .?!;")


def _reasons(text: str) -> List[str]:
    """The reason tails :func:`_strip` cuts off (', as the user asked')."""
    t, out = _JUSTIFY.sub(" ", text).strip(), []
    for _ in range(2):
        m = _REASON.search(t)
        if m:
            out.append(re.sub(r"^\W*(?:as|since|because)\b", " ", m.group(0), flags=re.IGNORECASE))
            t = t[:m.start()]
    return out


def _norm(text: str) -> str:
    """Lower case, quotations as "q", numbers as digits, '>= 3' as 'at least 3'."""
    low = _QUOTE_ANY.sub('"q"', text.lower().replace("\u2019", "'"))
    return _symbols_to_words(number_words_to_digits(low))


def count_req(norm: str) -> Optional[Tuple[str, int]]:
    """(relation, N): exactly one number outside quotations and exactly one relation next to it."""
    nums = {int(m.group(0).replace(",", "")) for m in _NUMBER.finditer(norm)}
    if len(nums) != 1:
        return None
    n = nums.pop()
    rels = set()
    for m in _NUMBER.finditer(norm):
        before = norm[max(0, m.start() - 30):m.start()]
        after = norm[m.end():m.end() + 50]
        for rm in _REL_RE.finditer(before):
            if not before[rm.end():].strip(" :"):  # right before the number
                rels.add(_rel_of(rm))
        rm = re.match(r"\s*(?:[\w*-]+\s+){0,3}?(?P<w>or (?:more|greater|above|over|higher|longer|fewer|less|under|lower|below|shorter)|and (?:up|above))\b", after)
        if rm:
            rels.add(_rel_of(_REL_RE.search(rm.group("w"))))
    rels.discard(None)
    if len(rels) != 1:
        return None
    return rels.pop(), n


def _rel_of(m) -> Optional[str]:
    if m is None:
        return None
    for i, (_, rel) in enumerate(_REL_WORDS):
        if m.group(f"r{i}"):
            return rel
    return None


def _negated(low: str) -> bool:
    """A negation outside the relation phrases ('no fewer than', 'does not exceed') and quotations."""
    low = _REL_RE.sub(" ", _QUOTE_ANY.sub(" ", low))
    low = re.sub(r"\b(?:no|without|nothing)\s+(?:other|further|additional|extra)\b|\bnot even\b|\bno exceptions?\b|"
                 r"\bnot (?:just|only)\b|\bwith or without\b", " ", low)
    return re.search(NEGATION, low) is not None


# the cue words a family's criterion must contain, and cues of other families that mean a second constraint
_CUES = {
    # (not a word-compound modifier: 'single-word answers' counts answers; '100-word' is a length)
    "word_count": r"(?<![a-z]-)\bwords?\b|\bword count\b", "sentence_count": r"\bsentences?\b",
    "paragraph_count": r"\bparagraphs?\b", "bullet_count": r"\bbullet", "highlighted_sections": r"\bhighlight",
    "placeholder_count": r"\bplaceholders?\b|square brackets", "capital_word_frequency": r"\b(?:capital|upper|caps)",
    "letter_frequency": r"\b(?:letter|character)\b", "keyword_frequency": r"\b(?:times|occurrences?|instances?|repeat|mention|appear|used|uses?)\b",
    "no_commas": r"\bcommas?\b", "all_lowercase": r"\blower[- ]?case|\bsmall letters\b|\bno capital|\bnot (?:a single|one|any) capital",
    "all_uppercase": r"\bupper[- ]?case|\bcapital letters\b|\ball[- ]caps\b|\bcapitali[sz]ed\b|\bblock capitals\b",
    "has_title": r"<<|angular|angle brackets|chevrons", "is_json": r"\bjson\b", "postscript": r"\bp\.\s?(?:p\.\s?)?s\b|postscript",
    "wrapped_in_quotes": r"\bquot", "response_language": r"\blanguage\b|\bin [a-z]+\b", "two_responses": r"\*{6}|six asterisks",
    "ends_with": r"\b(?:end|ends|ending|ended|finish|finishes|conclude|concludes|close|closes|last|final)\b",
    "section_count": r"\bsections?\b|\bparts?\b", "keywords_present": r"\b(?:words?|keywords?|terms?|include|includes|mention|mentions|contains?|uses?)\b",
    "keywords_absent": r"\b(?:words?|keywords?|terms?|say|says|use|uses|using|write|writes|mention|mentions|utter|utters)\b", "any_phrase_present": r"my answer is",
}
# 'final' or 'last' naming a part of the content, not the response's end ('The final answer is "42"')
_CONTENT_FINAL = re.compile(r"\b(?:final|last)\s+(?:answer|result|value|number|output|score|verdict|choice|option|step|solution|total|"
                            r"price|figure|grade|decision|recommendation|count|amount|estimate|conclusion)s?\b")
_FAMILY_CHECK = {
    "length_constraints:number_words": "word_count", "length_constraints:number_sentences": "sentence_count",
    "length_constraints:number_paragraphs": "paragraph_count", "detectable_format:number_bullet_lists": "bullet_count",
    "detectable_format:number_highlighted_sections": "highlighted_sections", "detectable_content:number_placeholders": "placeholder_count",
    "change_case:capital_word_frequency": "capital_word_frequency", "keywords:letter_frequency": "letter_frequency",
    "keywords:frequency": "keyword_frequency", "punctuation:no_comma": "no_commas", "change_case:english_lowercase": "all_lowercase",
    "change_case:english_capital": "all_uppercase", "detectable_format:title": "has_title", "detectable_format:json_format": "is_json",
    "detectable_content:postscript": "postscript", "startend:quotation": "wrapped_in_quotes", "language:response_language": "response_language",
    "combination:two_responses": "two_responses", "startend:end_checker": "ends_with", "detectable_format:multiple_sections": "section_count",
    "keywords:existence": "keywords_present", "keywords:forbidden_words": "keywords_absent",
    "detectable_format:constrained_response": "any_phrase_present", "combination:repeat_prompt": "repeats_prompt",
}
_COUNTED = {"word_count", "sentence_count", "paragraph_count", "bullet_count", "highlighted_sections", "placeholder_count",
            "capital_word_frequency", "letter_frequency", "keyword_frequency", "section_count"}
_NEG_OK = {"no_commas", "keywords_absent", "all_lowercase", "all_uppercase"}  # stated by a negation
_NEG_REQUIRED = {"no_commas", "keywords_absent"}
_POSITIVE_KW = re.compile(r"\b(?:includes?|including|contains?|mentions?|uses?|features?|incorporates?|appears?|present)\b")
# a place or a form for the words ('... turns up in bold'): more than a keyword check (the text is lowercased: no flag)
_KW_PLACED = re.compile(rf"\b(?:{KEYWORD_PLACES})\b")


def _extract(check: str, text: str) -> Optional[Dict[str, Any]]:
    """The typed arguments of ``check`` read from ``text`` (decorations stripped), or None."""
    if check == "response_language":
        text = _drop_other_language(text)
    elif check in _CASELESS:  # '(case-insensitive)' is no word list
        text = _ANY_CASE.sub(" ", text)
    norm = _norm(_IDIOMS.sub(" ", text))
    if check in ("keywords_present", "keywords_absent"):
        norm = re.sub(r"\bevery\s+1\s+of\b", "all of", norm)  # 'every one of the keywords'
    if check in _NEG_REQUIRED:  # 'not one comma', 'not even one', 'can't have even one': no number of them
        norm = re.sub(r"\b(?:(?:not|no|never|without)\s+(?:even\s+)?|even\s+)1\b(?!\s*(?:of|or|to)\b)", " no ", norm)
    low = re.sub(r"\bcannot\b", "can not", text.lower().replace("\u2019", "'"))
    unquoted = _plain(_QUOTE_ANY.sub(" ", low), check)
    if check in ("keywords_present", "keywords_absent"):
        listed = _word_list(text, spans=True)
        if listed:
            unquoted = unquoted[:listed[0]] + " the words " + unquoted[listed[1]:]
    if not re.search(_CUES[check], unquoted if check not in ("response_language", "any_phrase_present") else low):
        return None
    from rubricc.compiler.lower import _SEMANTIC

    if _CONDITION.search(unquoted) or _SEMANTIC.search(unquoted) or _VAGUE.search(unquoted) or re.search(r"[^\x00-\x7f]", unquoted):
        return None
    parts = {w.lower() for w in _PART.findall(unquoted)} - _OWN_PARTS.get(check, set())
    if parts:
        return None
    own = _OWN_FOREIGN.get(check, set())
    for name, cue in _FOREIGN.items():
        if name not in own and re.search(cue, unquoted):
            return None
    if veto(check, text, low, unquoted) is not None:
        return None  # a general reading rule (lower_nearest_vetoes) says the check does not express it
    neg = _negated(_OWN_WORDS["response_language"].sub(" ", _IDIOMS.sub(" ", low)) if check == "response_language"
                   else _IDIOMS.sub(" ", low))
    if neg and check not in _NEG_OK:
        return None
    if check in _NEG_REQUIRED and not neg and not re.search(r"\b(?:zero|free of|omits?|excludes?|banned|forbidden|prohibited)\b", unquoted):
        return None
    if check in _COUNTED:
        if len(_NUMBER.findall(norm)) > 1:
            return None  # a count stated twice is two requirements ('"kind" at least 3 times and peace at least 3 times')
        req = count_req(norm)
        if req is None:
            return None
        rel, n = req
        args: Dict[str, Any] = {"relation": rel, "n": n}
        if check == "paragraph_count":
            args["separator"] = "***" if re.search(r"\*\*\*|three asterisks|markdown divider", low) else "blank_line"
        elif check == "letter_frequency":
            q = [x for x in quoted(text) if len(x.strip()) == 1]
            m = re.findall(r"\b(?:letter|character)\s+([a-z])\b", _QUOTE_ANY.sub(lambda z: z.group(0).strip("'\"\u201c\u201d"), low))
            letters = {x.lower() for x in q} | set(m)
            if len(letters) != 1 or not next(iter(letters)).isalpha() or len(quoted(text)) > 1:
                return None
            args.update(letter=letters.pop(), case_sensitive=False)
        elif check == "keyword_frequency":
            q = quoted(text)
            if len(q) > 1:
                return None
            # the word named after 'word', never a verb or a function word ('the word appears at least 6 times' names none)
            # ('that word number fewer than 2': a word pointed back to names none here, and 'numbers', 'totals' are verbs)
            words = q or re.findall(r"(?<!\bthat )(?<!\bthis )(?<!\bsame )(?<!\bsuch )(?<!\beach )(?<!\bevery )"
                                    r"\b(?:word|keyword|term)\s+(?!(?:appears?|occurs?|is|are|was|shows?|turns?|must|should|has|have|needs?|gets?|"
                                    r"comes?|used|itself|counts?|in|of|and|or|at|that|which|it|numbers?|totals?|tallies|tally|reaches|reach|"
                                    r"stays?|remains?|falls?|runs?|sits?)\b)([a-z][a-z'-]*)\b", low)
            # one word of two letters at least: a single quoted character is a letter (or a word: ambiguous)
            if len(words) != 1 or not re.fullmatch(r"[A-Za-z][\w' -]{1,40}", words[0].strip()):
                return None
            args.update(keyword=words[0].strip(), whole_word=False)
        elif check == "section_count":
            q = [x.strip() for x in quoted(text)]
            # the word after 'marker' as written, a capital first ('a marker reading SECTION X': SECTION, never 'reading')
            m = re.findall(r"\b(?:word|label|header|heading|marker)\s+(?:(?:reading|reads|saying|says|showing|shows)\s+)?([A-Z][A-Za-z]+)\b",
                           _QUOTE_ANY.sub(lambda z: z.group(0).strip("'\"\u201c\u201d"), text))
            cands = {x.split()[0] for x in q if x} | set(m)
            if len(cands) != 1 or not re.fullmatch(r"[A-Za-z]{2,29}", next(iter(cands))):
                return None
            args = {"splitter": cands.pop(), "relation": rel, "n": n}
        elif quoted(text):
            return None  # quoted data the count families do not take
        return args
    if check == "two_responses":
        norm = _TWO_RESPONSES_NUMBERS.sub(" ", norm)
    elif check == "any_phrase_present":
        norm = re.sub(r"\b1\s+of\b", " ", norm)  # 'one of these phrases'
    if any(m.group(0) != "0" or check != "no_commas" for m in _NUMBER.finditer(norm)):
        return None  # a number is a second requirement for the families without a count
    if check == "no_commas" and COMMAS_ONLY.search(low):
        return None  # commas allowed in some places only
    if check in ("no_commas", "has_title", "is_json", "wrapped_in_quotes", "two_responses"):
        return {}
    if check in ("all_lowercase", "all_uppercase"):
        lang = _language(low)
        return {"language": lang} if lang in (None, "en") else None
    if check == "response_language":
        lang = _language(low)
        return {"language": lang} if lang else None
    if check == "postscript":
        marks = {re.sub(r"\s+", "", m).rstrip(".").upper() for m in re.findall(r"\bP\.\s?(?:P\.\s?)?S\b\.?", text, re.IGNORECASE)}
        if len(marks) != 1:
            return None
        mark = marks.pop()
        return {"marker": mark}
    if check == "ends_with":
        span = outer_quotes(text)
        if span is None or len(quoted(text)) != 1 or span[1] - span[0] < 3:
            return None
        if _CONTENT_FINAL.search(unquoted) and not re.search(r"\b(?:end|ends|ending|ended|finish\w*|conclud\w*|close|closes|closing)\b", unquoted):
            return None  # 'The final answer is "42"': what the answer is, not how the response ends
        return {"phrase": text[span[0] + 1:span[1]], "case_sensitive": False}
    if check in ("keywords_present", "keywords_absent"):
        words = _word_list(text)
        if _KW_PLACED.search(unquoted):
            return None
        if not words or (check == "keywords_present" and re.search(r"\b(?:any of|one of|either|at least one|some of|or)\b|(?<!\S)/(?!\S)", unquoted)):
            return None
        if check == "keywords_absent" and _POSITIVE_KW.search(
                re.sub(r"(?:\b(?:never|not|no|without|avoid\w*|refrain\w*(?:\s+from)?)|n't)\s+(?:\w+\s+){0,2}", " ", unquoted)):
            return None  # a verb asking for words outside the negation: some words are asked for ('mentions "a", never "b"')
        return {"keywords": words, "whole_word": check == "keywords_absent"}
    if check == "any_phrase_present":
        opts = re.findall(r"my answer is (yes|no|maybe)\.?", low)
        if sorted(set(opts)) != ["maybe", "no", "yes"] or len(opts) != 3:
            return None
        return {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}
    return None


def _drop_other_language(text: str) -> str:
    """'... in Russian rather than English or another language' -> '... in Russian'."""
    names = "|".join(LANGUAGES)
    return re.sub(rf"\b(?:rather than|instead of|not in|and not|, not|other than)\s+(?:in\s+)?(?:{names})"
                  r"(?:\s+or\s+(?:any\s+)?(?:an)?other(?:\s+languages?)?)?", " ", text, flags=re.IGNORECASE)


def _language(low: str) -> Optional[str]:
    """The one language the text asks for, by name or ISO code ('(ru)'); 'rather than English' dropped."""
    names = "|".join(LANGUAGES)
    low = _drop_other_language(low)
    found = {LANGUAGES[m] for m in re.findall(rf"\b({names})\b", low)}
    codes = set(re.findall(r"\((?:iso(?: 639-1)?(?: code)?:?\s*)?([a-z]{2})\)", low)) & set(LANGUAGES.values())
    allc = found | codes
    return allc.pop() if len(allc) == 1 else None


def _word_list(text: str, spans: bool = False):
    """Quoted words (each at most 3 words), or an unquoted list in parentheses or after a colon (with
    ``spans``: the (start, end) of an unquoted list, None for quoted ones)."""
    q = [x.strip() for x in quoted(text)]
    if q:
        if spans:
            return None
        return q if all(0 < len(x.split()) <= 3 and re.fullmatch(r"[\w' -]+", x) for x in q) else None
    # a list in parentheses opens after a space: 'word(s)' is a plural, not a list
    m = re.search(r"(?:(?<!\w)\(|:\s*)([a-z][a-z'-]*(?:\s*,\s*(?:and |or )?[a-z][a-z'-]*)+)\)?\s*$|(?<!\w)\(([a-z][a-z'-]*(?:\s*,\s*[a-z][a-z'-]*)*)\)", text)
    if not m:
        return None
    if spans:
        return m.span()
    items = [x.strip() for x in re.split(r",\s*(?:and\s+|or\s+)?", m.group(1) or m.group(2)) if x.strip()]
    return items or None


# --- the stage ---------------------------------------------------------------------------------------

def lower_nearest(text: str, vec: Optional[np.ndarray] = None):
    """A validated program check for a criterion the rules left neural, or None (stays neural)."""
    if not ENABLED or not text or len(text) > MAX_CHARS or text.count("\n") > 2:
        return None
    from rubricc.compiler.checks import validate_check

    core = _strip(text.strip())
    if not core or len(core) < 8:
        return None
    from rubricc.compiler.lower import _SEMANTIC

    if re.match(r"\W*(?:pitfall|penalty|negative|undesirable|bad)\b", text, re.IGNORECASE) and rar_avoids(text) is None:
        return None  # a rubric item that penalises what it names
    if any(_SEMANTIC.search(n) or _VAGUE.search(n) or _NUMBER.search(n) for n in _JUSTIFY.findall(text) + _reasons(text)):
        return None  # a justification about content or quality, as the rules treat a reason (lower_decor)
    # the typed extractors are cheap and decide most criteria alone: embed only when some family's reads
    candidates = {c for c in set(_FAMILY_CHECK.values()) - {"repeats_prompt"} if _extract(c, core) is not None}
    if not candidates:
        return None
    try:
        family, _, _ = nearest_family(text, vec)
    except (ImportError, OSError, ValueError, KeyError, RuntimeError):
        return None  # no compile extra (sentence-transformers, MiniLM), no or a bad index file: stays neural
    check = _FAMILY_CHECK.get(family or "")
    if check is None:
        return None
    if check == "repeats_prompt":
        return None  # the driver reads a repeat criterion itself (from :func:`unlabel`)
    twin = next((g for g in TWINS if family in g), None)
    if twin is not None and check not in candidates:  # the pair's other check, where its extractor is strict
        read = [c for c in sorted({_FAMILY_CHECK[f] for f in twin}) if c in candidates and c in _TWIN_STRICT]
        check = read[0] if len(read) == 1 else check
    if check not in candidates:
        return None
    args = _extract(check, core)
    if args is None or unit_qualified(check, core.lower()) or second_count(check, core.lower()):
        return None  # a count of the units that have some property, or of two units ('20-word ... 5 sentences')
    try:
        return validate_check(check, args)
    except ValueError:
        return None


def unlabel(text: str) -> str:
    """The criterion less a '(Justification: ...)' note, a leading label ('Prompt Repetition: ') and
    'Evaluates whether' (the driver reads a repeat-the-request criterion again from this)."""
    t = _JUSTIFY.sub(" ", text).strip()
    m = _LABEL.match(t)
    if m and not _NUMBER.search(m.group(0)):
        t = t[m.end():]
    t = _EVALUATES.sub("", t).strip()
    return t[:1].upper() + t[1:]
