"""Set 16's remaining voices, developed on after its one blind measurement (issue 15, round 13): RaR's pitfall label
over what to avoid ('Pitfall Criteria: Does not ...'), a count negated as a whole ('does not contain 10 or more'),
loophole-closing clauses ('...; A does not count, and B fails it', 'X still counts as using it', 'is not exempt',
'being near N is not enough'), an annotator's shorthand ('resp', '>= 4', '6x', "count('i') < 3", "any ',' = fail"),
and fail branches restated by reference ('fail if any of them appears', 'if it is in any other language'). Wordings
written for the tests in set 16's voices, not its sentences; NEURAL must stay neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_borderline import counted_alike, restates_failure
from rubricc.compiler.lower_decor import rar_avoids

LOWERED = [
    # RaR's pitfall label over what to avoid, and a count negated as a whole
    ('Pitfall Criteria: Does not use the words "storm" or "thunder" anywhere.', "keywords_absent",
     {"keywords": ["storm", "thunder"]}),
    ("Pitfall Criteria: Does not contain 6 or more words written in all capital letters.", "capital_word_frequency",
     {"relation": "less than", "n": 6}),
    ("Pitfall Criteria: Does not let the letter 'z' appear 4 or more times.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4, "case_sensitive": False}),
    ("Does not use more than 4 bullet points.", "bullet_count", {"relation": "at most", "n": 4}),
    ("The reply does not contain fewer than 8 sentences.", "sentence_count", {"relation": "at least", "n": 8}),
    ("The response does not have more than 5 sentences.", "sentence_count", {"relation": "at most", "n": 5}),
    ("Pitfall Criteria: Does not contain a single uppercase letter, and the reply is in English.", "all_lowercase",
     {"language": "en"}),
    # loophole-closing clauses: near-misses said to fail, and what is counted anyway
    ("The reply must be English and in capitals throughout; capitalizing only the first line does not count, and one "
     "lowercase letter anywhere fails it.", "all_uppercase", {"language": "en"}),
    ("The reply must hold at least 250 words; coming close to 250 does not count, even if it feels finished.",
     "word_count", {"relation": "at least", "n": 250}),
    ("The reply must have fewer than 6 sentences; writing exactly 6 sentences is already one too many.",
     "sentence_count", {"relation": "less than", "n": 6}),
    ("The reply must contain at least 3 sentences; a shorter reply does not count even if it answers the question.",
     "sentence_count", {"relation": "at least", "n": 3}),
    ('No banned word from this list may appear, in any letter case: storm, thunder; putting it in a heading still '
     'counts as using it.', "keywords_absent", {"keywords": ["storm", "thunder"]}),
    ("Every letter of the reply must be lowercase and the language must be English; acronyms and names are not exempt "
     "from the rule.",
     "all_lowercase", {"language": "en"}),
    ("Occurrences of 'k' must total fewer than 5 across the whole reply, ignoring case; switching to the capital form "
     "does not dodge the count.", "letter_frequency", {"letter": "k", "relation": "less than", "n": 5, "case_sensitive": False}),
    ('The reply must use "harbor" at least 3 times; synonyms standing in for it do not count, only the word itself.',
     "keyword_frequency", {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("The reply must have exactly 3 paragraphs split by *** dividers; an empty paragraph between two dividers fails it.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    # an annotator's shorthand
    ("no storm, thunder (whole word, case-insens.)", "keywords_absent", {"keywords": ["storm", "thunder"]}),
    ("count('k'), case-insens. < 5", "letter_frequency", {"letter": "k", "relation": "less than", "n": 5,
                                                          "case_sensitive": False}),
    ("'k' \u00d7 \u22653 (any case)", "letter_frequency", {"letter": "k", "relation": "at least", "n": 3,
                                                           "case_sensitive": False}),
    ("PASS: 'k' occurs >= 3 times (any case). FAIL: fewer than 3 occurrences.", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 3, "case_sensitive": False}),
    ('PASS: "harbor" occurs at least 3 times (case-insensitive). FAIL: it occurs fewer than 3 times.',
     "keyword_frequency", {"keyword": "harbor", "relation": "at least", "n": 3}),
    ('whole resp wrapped in "..."', "wrapped_in_quotes", {}),
    # fail branches restated by reference
    ('Pass if none of "storm" or "thunder" appears as a whole word; fail if any of them appears.', "keywords_absent",
     {"keywords": ["storm", "thunder"]}),
    ("Pass if the reply is written in French; fail if it is written in any other language.", "response_language",
     {"language": "fr"}),
]

NEURAL = [
    # a pitfall phrased as the mistake, or a label that is a penalty
    "Pitfall Criteria: Uses commas.",
    "Pitfall: Does not use commas.",
    "Pitfall Criteria: Does not mention that the dose can be doubled.",
    # a negated count beside a second requirement or about a part
    "Does not use more than 2 exclamation marks or any emoji.",
    "Does not contain more than 300 words in the introduction.",
    # what is counted anyway that the check does not count: not the literal word, the opposite case
    'The reply must include the word "harbor"; synonyms still count.',
    "The reply has fewer than 3 words in all caps; lowercase words still count.",
    'No word from this list may appear: harbor; a rude reply still counts as using it.',
    # a near-miss count the bound does not fail, one the other way ('anything shorter' beside a maximum), another
    # surface feature beside a count
    "The reply must have fewer than 6 sentences; coming close to 6 does not count.",
    "Keep the reply under 120 words; anything shorter fails.",
    "The reply has fewer than 120 words; a reply with any commas fails.",
    # a fail branch that passes the check or adds to it
    'Pass if the reply contains "harbor" and "lantern"; fail if any of them appears.',
    "Pass if the reply is written in French; fail if it is written in any other language or is too long.",
]


@pytest.mark.parametrize("text,name,args", LOWERED)
def test_lowered(text, name, args):
    got = lower_criterion(text)
    assert got is not None, text
    assert got.name == name
    assert {k: v for k, v in got.args.items() if v is not None and k != "whole_word"} == args


@pytest.mark.parametrize("text", NEURAL)
def test_neural(text):
    assert lower_criterion(text) is None, text


def test_rar_avoids():
    assert rar_avoids("Pitfall Criteria: Does not use commas.") == "Does not use commas."
    assert rar_avoids("Pitfall Criteria: Avoids the word x.") == "Avoids the word x."
    assert rar_avoids("Pitfall Criteria: Uses commas.") is None
    assert rar_avoids("Pitfall: Does not use commas.") is None


def test_counted_alike():
    assert counted_alike("keywords_absent", {"keywords": ["x"]}, "capitalizing it or putting it in quotes")
    assert not counted_alike("keyword_frequency", {"keyword": "x"}, "synonyms of it")
    assert not counted_alike("letter_frequency", {"letter": "x", "case_sensitive": True}, "the capital form")
    assert not counted_alike("has_title", {}, "a bolded heading")


def test_restated_by_reference():
    assert restates_failure("any of them appears", {"keywords": ["a"]}, "keywords_absent")
    assert not restates_failure("any of them appears", {"keywords": ["a"]}, "keywords_present")
    assert restates_failure("it is written in any other language", {"language": "fr"}, "response_language")
