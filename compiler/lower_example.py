"""An example a rubric writer gives of what a criterion means, read off as an ``example`` aside that must agree.

    The response is at least 300 words long (everything in it counts toward the total, e.g. headings as well as body text).
    The response is English in all lowercase, names and sentence openings included (e.g. 'i visited paris in june.').
    The response is English written wholly in capitals, e.g. 'THE MEETING STARTS AT NOON.' rather than 'The meeting starts at noon.'
    The response has exactly 3 markdown bullets, each written like '* This is a point.' or '- This is a point.'
    The response includes 5 or more words typed in all capitals (for instance IMPORTANT, NASA or OK each count as one).

An annotation guide defines by example. The example illustrates the check; it must never be a further condition. So the
aside agrees with the check the criterion lowers to only when:

- what it quotes is a sample the check itself can be run on, and the check gives the verdict the example says it should
  (a sample said to pass passes, one said to fall short, 'rather than' / 'instead of' / 'not' it, fails), or a unit the
  check counts and which it counts as one ('a short one such as 'It works.' counts as one'; a bullet line written like
  '* This is a point.'); a check on which a quoted sample means nothing (a keyword, a phrase) takes no quoted example;
- what it says outside quotations is said in the words surface requirements are said in, is not about content, reads
  as no other check, and narrows nothing ('except headings', 'only in the body', 'not counting ...'): a scope the
  check would not honour. A negation is read only where it is one of the check's own ('no signature comes after it'
  beside an end phrase) or names a word the check does not count ('a word like Monday does not' beside capital words).

Anything else keeps the criterion neural (the aside disagrees), as does an example with no check to illustrate.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import in_quotes, quote_spans
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_MARK = r"(?:e\.\s?g\.|eg\.|for\s+example|for\s+instance|such\s+as|like|say)"
# a parenthesis last, holding an example marker: '(e.g. ...)', '(a short one such as ... counts as one)'
_PAREN = re.compile(r"\s*\((?P<x>[^()]*\b" + _MARK + r"(?![a-z])[^()]*)\)\s*(?P<end>[.!]?)\s*$", _I)
# a clause last: ', e.g. ...', ', for instance ...', ', each written like ...'
_CLAUSE = re.compile(r"\s*[,;:\u2014\u2013-]\s*(?P<x>(?:" + r"(?:e\.\s?g\.|eg\.|for\s+example|for\s+instance)\s*,?|"
                     r"(?:each|every\s+one)\s+(?:written|formatted|typed|styled|looking)\s+like)\s+.+?)\s*(?P<end>[.!]?)\s*$", _I)

# the main clause going on after an example said in its middle ('..., for example in a date, does not meet this')
# (set 53: 'a title in double angular brackets, for example <<poem of joy>>, appears in the reply')
_GOES_ON = re.compile(r",\s*(?:is|are|was|were|does|do|did|has|have|meets?|fails?|counts?|passes|earns?|gets?|must|should|appears?|"
                      r"shows?\s+up|turns?\s+up)\b"
                      # a permission note with an example in it ('(markdown ticks such as ``` are allowed)')
                      r"|\s(?:is|are)\s+(?:also\s+)?(?:allowed|fine|ok|okay|acceptable|permitted|optional)\b", _I)
# an allowance after the example ('..., e.g. {...}, optionally inside a ```json fence'): the criterion's own words
_ALLOWANCE = re.compile(r"\s*,\s*(?=(?:optionally|possibly|with\s+or\s+without)\b)", _I)
# what narrows the check's scope (a note the check would not honour)
_NARROW = re.compile(r"\b(?:except|excluding|excludes?|excluded|exclusive|ignor\w*|disregard\w*|only|unless|other\s+than|apart\s+from|"
                     r"aside\s+from|besides|but\s+not|not\s+(?:count\w*|includ\w*)|(?:don't|doesn't|do\s+not|does\s+not|never)\s+count\w*|"
                     r"without\s+counting|skip\w*|omit\w*|leav\w+\s+out|left\s+out|at\s+most|at\s+least|up\s+to|per\b|each\s+paragraph|"
                     r"each\s+section)\b", _I)
# a place said in an example ('e.g. in the title') scopes the check unless the example says it counts wherever it is
_PLACE = re.compile(r"\b(?:in|within|inside|under|on)\s+(?:the|a|an|its|each|every|one|any)\b", _I)
_INCLUSIVE = re.compile(r"\b(?:every|everything|all|any|too|also|as\s+well|included|including|counts?|counted|total|anywhere|whole|entire)\b", _I)
_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|nor|without)\b|n't\b", _I)
# the check's own negations: nothing after an end phrase; a word like X does not (count)
_OWN_NEGATION = {
    "ends_with": re.compile(r"\b(?:no|nothing)\b[^.;]*\b(?:after|follows?|comes?\s+after|trails?)\b(?:\s+(?:it|this|that|the\s+phrase))?"
                           r"(?:\s*,?\s*not\s+even\s+(?:an?|one|a\s+single)\s+[a-z]+(?:\s+or\s+(?:an?\s+)?[a-z]+)?)?", _I),
}
_NOT_COUNTED = re.compile(r"\b(?:a\s+word|one)\s+(?:such\s+as|like)\s+(?P<w>[A-Za-z][\w'-]*)\s+(?:does|do|is|would)\s+not\b(?:\s+count)?", _I)
# what a quoted sample is said to be the opposite of
_CONTRA = re.compile(r"\b(?:rather\s+than|instead\s+of|not|never|unlike|but\s+not|as\s+opposed\s+to)\s*(?:writing\s+|saying\s+)?$", _I)

# checks a quoted sample is run on (a property of any text), and checks that count one unit a quoted sample is
_SAMPLED = ("no_commas", "all_lowercase", "all_uppercase", "postscript", "is_json")
# a check whose sample is the whole response with its quotation marks ('e.g. "Here is my answer."')
_MARKED = ("wrapped_in_quotes",)
# a JSON sample, unquoted ('e.g. {"summary": "..."}')
_JSON_SAMPLE = re.compile(r"(?<![\w\]}])(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\[[^\[\]]*\])")
_UNIT = {"sentence_count": "sentence", "bullet_count": "bullet", "capital_word_frequency": "word"}


def cut_example(text: str) -> Tuple[str, List[Tuple[str, str]]]:
    """(the criterion without its example, [("example", the example)]), or (text, []) when it gives none."""
    spans = quote_spans(text)
    for pat in (_PAREN, _CLAUSE):
        m = pat.search(text)
        if m is None or in_quotes(spans, m.start()) or in_quotes(spans, m.start("x")):
            continue
        if pat is _CLAUSE and _inside_paren(text, m.start()):
            continue
        example, allowed = m.group("x"), ""
        bare = re.sub(r"\b(?:e\.\s?g|i\.\s?e|etc|eg|vs|cf)\.", " ", QUOTE_RE.sub('"x"', example), flags=_I)
        if re.search(r"[.!?]\s+\S", bare) or _GOES_ON.search(bare):
            continue  # the sentence goes on after the example ('e.g. *this one*, is at least 2'), or another begins
        tail = _ALLOWANCE.search(example)
        if tail is not None and not in_quotes(quote_spans(example), tail.start()):
            example, allowed = example[:tail.start()], ", " + example[tail.end():].strip()  # an allowance said after it is the criterion's
        core = text[:m.start()].rstrip(" ,;") + allowed + (m.group("end") or ".")
        if len(core.split()) < 3:
            continue
        return core, [("example", example.strip())]
    return text, []


def _inside_paren(text: str, i: int) -> bool:
    before = QUOTE_RE.sub(" ", text[:i])
    return before.count("(") > before.count(")")


def example_agrees(got: ProgramCheck, aside: str, surface: Callable[[ProgramCheck, str], bool],
                   other_check: Callable[[str], Optional[str]]) -> bool:
    """True when the example illustrates ``got`` and asks for nothing else (the rules above). ``surface`` says whether
    text is said in surface words and is not about content; ``other_check`` names the check a clause reads as (or None)."""
    if got.name == "is_json":  # the JSON it shows is its sample, quotation marks and all
        samples = [(j.group(0), _said_against(aside, j.start())) for j in _JSON_SAMPLE.finditer(aside)]
        aside = _JSON_SAMPLE.sub(" ", aside)
        if QUOTE_RE.search(aside) or not samples:
            return False
    else:
        keep = got.name in _MARKED
        samples = [(q.group(0) if keep else q.group(0)[1:-1], _said_against(aside, q.start())) for q in QUOTE_RE.finditer(aside)]
    if samples and not _samples_agree(got, aside, samples):
        return False
    # the samples are read: the words that set one against another go with them ('rather than', 'instead of')
    said = re.sub(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|unlike|but\s+not|not)\s*(?=\x00)", " ", QUOTE_RE.sub("\x00", aside), flags=_I)
    said = said.replace("\x00", " ")
    if got.name == "capital_word_frequency":  # the capital words it names are its samples: none may be ordinary words
        caps = re.findall(r"\b[A-Z][A-Z0-9]+\b", said)
        if any(not w.isupper() for w in caps):
            return False
        said = re.sub(r"\b[A-Z][A-Z0-9]+\b", " ", said)
        m = _NOT_COUNTED.search(said)
        if m is not None:
            if m.group("w").isupper():
                return False
            said = said[:m.start()] + " " + said[m.end():]
    own = _OWN_NEGATION.get(got.name)
    if own is not None:
        said = own.sub(" ", said)
    if _NARROW.search(said) or _NEGATION.search(said) or _PLACE.search(said) and not _INCLUSIVE.search(said):
        return False  # a scope, a negation, or a place the check is said of alone ('e.g. in the title')
    read = other_check(said)
    if read is not None and read != got.name:
        return False
    return surface(got, said)


def _said_against(aside: str, at: int) -> bool:
    """True when the quoted sample at ``at`` is given as what the check rules out ('rather than ...')."""
    return bool(_CONTRA.search(QUOTE_RE.sub(" ", aside[:at])[-40:]))


def _samples_agree(got: ProgramCheck, aside: str, samples: List[Tuple[str, bool]]) -> bool:
    from rubricc.compiler.checks import run_check
    from rubricc.compiler.text_units import count_sentences

    if got.name in _SAMPLED + _MARKED:
        sample_check = ProgramCheck(name=got.name, args={k: v for k, v in got.args.items() if k != "language"})
        try:
            return all(run_check(sample_check, s) != against for s, against in samples)
        except ValueError:
            return False
    if got.name == "letter_frequency":
        letter = str(got.args.get("letter", "")).lower()
        if letter and all(not against and letter in s.lower() for s, against in samples):
            return True  # where the character is found ('such as in 'Great!'')
        # the case of a letter, shown: one letter in both its forms, as the check counts it
        return not got.args.get("case_sensitive") and all(len(s) == 1 and s.isalpha() and not against for s, against in samples) \
            and len({s for s, _ in samples}) == 2 and len({s.lower() for s, _ in samples}) == 1
    if got.name == "section_count":  # a section's opening, shown: the splitter word and a number
        splitter = re.escape(str(got.args.get("splitter", "")))
        return all(re.fullmatch(rf"{splitter}\s+\d+", s) and not against for s, against in samples)
    unit = _UNIT.get(got.name)
    if unit is None or any(against for _, against in samples):
        return False
    if unit == "sentence":
        return all(count_sentences(s) == 1 for s, _ in samples)
    if unit == "bullet":
        one = ProgramCheck(name="bullet_count", args={"relation": "exactly", "n": 1})
        return all(run_check(one, s) for s, _ in samples)
    return all(re.fullmatch(r"[A-Z][A-Z0-9]+", s) for s, _ in samples)
