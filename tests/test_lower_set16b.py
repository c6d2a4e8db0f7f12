"""Set 16's voices, developed on after its one blind measurement (issue 15, round 12): a grading team's pass/fail spec
('Pass if X; fail if Y'), whose fail branch must be one way to fail the same check (the same check as a disqualifying
rule, a one-way check read again, a count that fails the bound, the failure restated by reference: 'if no such title
is present'); and a precision fix the measurement found ('Give credit only when the word count stays under 300; a
response of 300 or more words earns nothing here' was read as at least 300: two readings of a count now keep it
neural). Wordings written for the tests in set 16's voices, not its sentences; NEURAL must stay neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_borderline import restates_failure
from rubricc.compiler.lower_parse import count_of

LOWERED = [
    ("Pass if the reply has fewer than 6 words in all capital letters; fail if it has 6 or more.",
     "capital_word_frequency", {"relation": "less than", "n": 6}),
    ("Pass if the reply is in English and has no lowercase letters; fail if any lowercase letter appears or the reply "
     "is not in English.", "all_uppercase", {"language": "en"}),
    ("Pass if a postscript starting with P.S. is included; fail if no such postscript is present.", "postscript",
     {"marker": "P.S."}),
    ("Pass if the whole reply is valid JSON; fail if it does not parse.", "is_json", {}),
    ('Pass if the reply contains "harbor" and "lantern"; fail if any one of these keywords is missing.',
     "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("Pass if the reply contains a title wrapped in double angular brackets; fail if no such title is present.",
     "has_title", {}),
    ("Pass if there are 2 or more [bracketed] placeholders in the reply; fail if there are fewer than 2.",
     "placeholder_count", {"relation": "at least", "n": 2}),
    # the spec line as 'PASS: X. FAIL: Y.' (a noun phrase is what the response has), '10+'
    ("PASS: 4 or more *highlighted* parts. FAIL: fewer than 4.", "highlighted_sections", {"relation": "at least", "n": 4}),
    ("PASS: 6+ words in ALL CAPS. FAIL: fewer than 6 such words.", "capital_word_frequency",
     {"relation": "at least", "n": 6}),
    # an instruction to the grader: 'this criterion', what 'you see / count / find' is what the response has
    ("Award this criterion only if the reply is written in English and entirely in capital letters.", "all_uppercase",
     {"language": "en"}),
    ("Mark as met if you count at least 2 placeholders in square brackets.", "placeholder_count",
     {"relation": "at least", "n": 2}),
    ("Give credit when you see a title set between << and >>.", "has_title", {}),
    ('Award this criterion only if you can find every keyword, "harbor" and "lantern", in the reply.',
     "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("Give credit when the reply is in English and you cannot find one uppercase letter in it.", "all_lowercase",
     {"language": "en"}),
    # an expert's shorthand, an example marked 'as in', bullets counted as lines
    ("kw present: harbor, lantern (all, any case)", "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("Important Criteria: The count of sections highlighted with markdown asterisks, as in *a key point*, is two or more.",
     "highlighted_sections", {"relation": "at least", "n": 2}),
    ("Exactly 4 lines start with a markdown bullet marker (* or -).", "bullet_count", {"relation": "exactly", "n": 4}),
    # a quoted request after 'word for word,'
    ('Essential Criteria: Begins by repeating the request word for word, "Write a haiku about rain.", before anything '
     'else.', "repeats_prompt", {"prompt_to_repeat": "Write a haiku about rain."}),
]

NEURAL = [
    # a fail branch that adds a requirement, or one that passes the check
    "Pass if the reply has fewer than 100 words; fail if it is rude.",
    "Pass if the reply has a title in double angular brackets; fail if the title is not in English.",
    "Pass if the reply has a title in double angular brackets; fail if the title is too long.",
    "Pass if the reply has fewer than 100 words; fail if it has 90 words.",
    "Pass if the reply is in English and has no lowercase letters; fail if any lowercase letter appears or the reply is rude.",
    "Pass if the reply has at least 3 bullet points; fail if there are more or fewer.",
    'Pass if the reply contains "harbor"; fail if it mentions "storm".',
    # the grader's judgement, not what the response has
    "Give credit when you see a polite greeting.",
    "Mark as met if you find the response convincing.",
    "Mark as met if you find at least 3 factual errors.",
    "PASS: a friendly tone. FAIL: fewer than 5.",
    "PASS: under 100 words. FAIL: a rude reply.",
    # a 'return FAIL' branch that is no count example
    "Return PASS if the reply is in English; return FAIL when it sounds robotic.",
    # two readings of one count
    "Give credit only when the reply's word count stays under 300; a reply of 300 or more words earns nothing here.",
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


def test_restated_failure():
    assert restates_failure("no such title is present", {})
    assert restates_failure("any one of these keywords is missing", {})
    assert restates_failure("there are more or fewer", {"relation": "exactly", "n": 3})
    assert not restates_failure("there are more or fewer", {"relation": "at least", "n": 3})
    assert not restates_failure("the title is too long", {})


def test_two_readings_of_a_count():
    assert count_of("the word count stays under 300; a reply of 300 or more words earns nothing.", r"words?") is None
    assert count_of("the reply has fewer than 300 words.", r"words?") == ("less than", 300)
