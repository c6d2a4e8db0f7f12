"""A bookmaker's settlement rules, from set 46's third voice (issue 15, round 38), read as the plain statement in them:

    Under 701 words: pays out if the reply contains fewer than 701 words.
    Exact bullet count 3: this bet wins if the reply contains exactly 3 markdown bullet points ...; any other number loses.
    If the reply runs to 600 words or more, bets on '600 or more words' are settled as winners.
    Comma market. 'None' is settled as the winning selection if the reply contains no comma (,) anywhere in its text.
    'Titled' wins if the reply contains a title wrapped in double angular brackets, such as <<poem of joy>>.

:func:`wagered` returns the condition a bet is settled on, said of the reply, and the market's name as a ``market``
aside: a name asks for nothing, but one naming a count unit the condition does not speak of, or a number it does not
give, vetoes (:func:`market_agrees`); a name about content is left to :func:`rubricc.compiler.lower._aside_agrees`.
'; any other number loses' after an exact count says the count again and is read off; after anything else it is kept as
a veto. A settlement in no form here leaves the criterion as it is.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from rubricc.compiler.lower_lexicon import unknown_words
from rubricc.compiler.lower_parse import number_words_to_digits
from rubricc.compiler.lower_respell import cap

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE | re.S
_NAME = r"'[^'\n]{1,40}'"
# the market's name before the settlement ('Under 701 words:', "Language market, 'Russian':", 'Comma market.')
_MARKET = rf"(?P<market>(?:[A-Z\"'][^:.!?\n]{{1,58}}?|[^:.!?\n]{{1,40}}\s+market))"
# the settlement said before its condition: 'pays out if', 'this bet wins if', 'winners are paid if', 'settled as a winner if'
_PAYS = (rf"(?:(?P<sel>{_NAME})\s+is\s+settled\s+as\s+the\s+winning\s+selection|pays\s+out|wins|"
         r"(?:the\s+|this\s+)?(?:bet|selection)\s+wins|bets\s+win|winners(?:\s+are\s+paid)?|a\s+winning\s+bet|"
         r"(?:it\s+is\s+)?settled\s+as\s+a\s+winner|(?:every\s+leg\s+must\s+land\s*,\s*so\s+)?the\s+bet\s+wins)")
# the settlement said after its condition: 'the bet wins', "bets on '600 or more words' are settled as winners"
_WON = (rf"(?:the\s+|this\s+)?(?:bet|selection)\s+(?:wins|is\s+a\s+winner|is\s+settled\s+as\s+a\s+winner|pays\s+out)"
        rf"|bets\s+on\s+(?P<on>{_NAME})\s+(?:are\s+settled\s+as\s+winners|are\s+winners|win|pay\s+out)"
        rf"|the\s+(?P<the>{_NAME})\s+bet\s+(?:wins|is\s+a\s+winner)")
_IF = r"(?:if|where|provided\s+that|so\s+long\s+as)"
_LOSES = re.compile(r"\s*[;,.]\s*(?:and\s+)?any\s+other\s+(?:number|count|total|result)\s+loses\s*\.?\s*$", _I)

_FORMS = [
    # 'Under 701 words: pays out if X', "Comma market. 'None' is settled as the winning selection if X"
    re.compile(rf"^\s*{_MARKET}\s*[:.,]\s+{_PAYS}\s+{_IF}\s+(?P<x>\S.*)$", _I),
    # 'Exact paragraphs 2: if X, the bet wins', "If X, bets on '600 or more words' are settled as winners."
    re.compile(rf"^\s*(?:{_MARKET}\s*:\s+)?{_IF}\s+(?P<x>\S.*?)\s*,\s+(?:{_WON})(?P<after>\s*(?:[.;]\s*\S.*)?)\s*\.?\s*$", _I),
    # "'Titled' wins if X", "Bets on 'Wrapped in quotes' win if X"
    re.compile(rf"^\s*(?:bets\s+on\s+)?(?P<sel>{_NAME})\s+(?:wins?|pays?\s+out|is\s+a\s+winner)\s+{_IF}\s+(?P<x>\S.*)$", _I),
]
# the betting trade's words for a market ('Format special', 'Keyword accumulator', "'Clean sheet' market")
_TRADE = {"special", "specials", "accumulator", "acca", "double", "treble", "each-way", "handicap", "shouty", "leg", "legs"}
_TRADE_PHRASES = re.compile(r"\bclean\s+sheet\b")
_RANKING = re.compile(r"\b(?:best|worst|better|worse|top|favou?rites?)\b")
# the count units a market's name may name (and a riddle's question, lower_riddle): a name naming one the condition does not speak of is another market
COUNT_UNITS = {"word": r"words?\b", "sentence": "sentence", "paragraph": "paragraph", "bullet": "bullet", "section": "section",
          "comma": "comma", "placeholder": "placeholder", "highlight": "highlight", "letter": "(?:letter|character)"}


def wagered(text: str) -> Tuple[str, Asides]:
    """(the condition a bet is settled on, said of the reply, with the market's names as asides); (text, []) when the
    criterion is no settlement rule."""
    for form in _FORMS:
        m = form.match(text)
        if m:
            return _settled(m)
    return text, []


def _settled(m: "re.Match[str]") -> Tuple[str, Asides]:
    x = m.group("x").strip()
    groups = m.groupdict()
    after = (groups.get("after") or "").strip(" ;.")
    if after and not _LOSES.match("; " + after):  # what follows the settlement: another sentence of the condition
        x, after = f"{x.rstrip(' .')}. {cap(after)}", ""
    lost = _LOSES.search(x)
    if lost:
        x, after = x[:lost.start()], "any other number loses"
    asides: Asides = []
    if after and not re.search(r"\bexactly\b", x, _I):
        asides.append(("veto", after))  # 'any other number loses' beside a bound: which numbers lose is unclear
    names = [n.strip(" '") for n in (groups.get("market"), groups.get("sel"), groups.get("on"), groups.get("the")) if n]
    for name in names:
        asides.append(("market", name) if market_agrees(name, x) else ("veto", name))
    x = re.sub(r"^that\s+", "", x.strip(), flags=_I)
    return cap(x) + ("" if x.endswith((".", "!", "?")) else "."), asides  # (a request repeated ends as given)


def market_agrees(name: str, condition: str) -> bool:
    """Whether a market's name asks for nothing its condition does not: it is said in the words of format and of the
    betting trade ('Keyword accumulator', 'Clean sheet'; not 'Best joke', 'Funniest story'), and every count unit it
    names and every number it gives are in the condition ('Under 701 words' beside 'fewer than 701 words'; not 'Under
    700 words')."""
    low_name, low_cond = number_words_to_digits(name.lower()), number_words_to_digits(condition.lower())
    trade = _TRADE_PHRASES.sub(" ", low_name)
    if _RANKING.search(trade) or any(w.lower() not in _TRADE for w in unknown_words(trade)):
        return False
    named = {u for u, said in COUNT_UNITS.items() if re.search(rf"\b{said}", low_name)}
    spoken = {u for u, said in COUNT_UNITS.items() if re.search(rf"\b{said}", low_cond)}
    if named and spoken and not named & spoken:
        return False
    return set(re.findall(r"\d+", low_name)) <= set(re.findall(r"\d+", low_cond))
