"""Set 18's voices, developed on after its one blind measurement (issue 15, round 15), and the polarity bugs found on
the way: a penalty item read as the mistake it names ('Penalize if the response uses even one comma' is met when the
response has a comma; 'Penalize if the response lacks a title' is the ``not:`` complement of has_title), a bolded
rubric label ('**Required keywords**: ...'), a label before a repeat-the-request criterion (it was read as the repeat's
frame, and the criterion's own sentence as the request: 26 wrong verdicts), and shorthand. Wordings written for the
tests in set 18's voices, not its sentences; NEURAL must stay neural."""
import pytest

from rubricc.compiler.checks import run_check, validate_check
from rubricc.compiler.lower import lower_criterion
from lowering_cases import lowering_tests
from rubricc.compiler.lower_penalty import affirmed, penalised

LOWERED = [
    # a penalty item: met on the mistake it names
    ("Penalize if the response contains even a single comma.", "phrase_present", {"phrase": ","}),
    ("Penalize if the response runs shorter than 250 words.", "word_count", {"relation": "less than", "n": 250}),
    ("Deduct points if the reply contains 12 or more sentences.", "sentence_count", {"relation": "at least", "n": 12}),
    ("Penalize if fewer than 4 words in the response are fully capitalized.", "capital_word_frequency",
     {"relation": "less than", "n": 4}),
    ('Penalize if the response uses "lagoon" or "reef".', "not:keywords_absent", {"keywords": ["lagoon", "reef"]}),
    ("Penalize if the response lacks a title in double angular brackets, such as <<x>>.", "not:has_title", {}),
    ("Penalize if there is no postscript starting with P.S. in the response.", "not:postscript", {"marker": "P.S."}),
    ("Penalize if the response is not wrapped in double quotation marks from beginning to end.", "not:wrapped_in_quotes", {}),
    ("Penalize if the response is not written in Swahili (for example, if it answers in French).", "not:response_language",
     {"language": "sw"}),
    ("Penalize if the number of markdown bullet points in the response is anything other than 5.", "not:bullet_count",
     {"relation": "exactly", "n": 5}),
    ("Penalize if the response does not have exactly 3 paragraphs separated by *** dividers.", "not:paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Penalize if the response is not entirely valid JSON, e.g. it has prose before the JSON.", "not:is_json", {}),
    # a bolded rubric label
    ("**Minimum length**: The response is 450 words or longer.", "word_count", {"relation": "at least", "n": 450}),
    ('**Required terms**: The response mentions each of the following: "orbit" and "comet".', "keywords_present",
     {"keywords": ["orbit", "comet"]}),
    ("**Banned words**: None of the following words appear in the response: rain, snow.", "keywords_absent",
     {"keywords": ["rain", "snow"]}),
    ("**Sign-off:** The response finishes with exactly \"Cheers!\", and nothing comes after it.", "ends_with",
     {"phrase": "Cheers!"}),
    # a label before a repeat-the-request criterion; exactness restated in parentheses
    ("**Repeating the prompt**: The response opens with an exact copy of the request below, then answers it.\n"
     "Request: Describe a lighthouse at night.", "repeats_prompt", {"prompt_to_repeat": "Describe a lighthouse at night."}),
    ("begins w/ verbatim copy of request (no preamble, no edits), then answers. request: Name three rivers.",
     "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    # shorthand
    ("English, ALL CAPS throughout (zero lowercase letters)", "all_uppercase", {"language": "en"}),
    ("lang = Swahili (sw) only", "response_language", {"language": "sw"}),
    ("z count >= 7 (any case)", "letter_frequency", {"relation": "at least", "n": 7, "case_sensitive": False}),
    ("harbor x3+", "keyword_frequency", {"relation": "at least", "n": 3}),
    ("Is the response at least 250 (250) words long?", "word_count", {"relation": "at least", "n": 250}),
]

NEURAL = [
    # polarity: these were lowered to the requirement they negate
    # (the ones a single negation scopes over are now read as the exact complement: COMPLEMENTS below)
    "The response contains lowercase letters.",
    "The response does not avoid commas.",
    "The response never omits the keyword \"cat\".",
    # a penalty item whose mistake is not read, or is judged
    "Penalize if the response is rude.",
    "Penalize if the response does not mention the side effects.",
    "Penalize if the response does not avoid commas.",
    "Penalise any response containing a comma.",
    # shorthand that is not a letter's count; a list of two requirements
    "a count >= 3 of the options",
    "All lowercase, at most 3 sentences.",
    # a bolded label over a judged requirement
    "**Tone**: The response is polite.",
    # a later sentence about a part, with its own subject, asking for content (was has_title: the helper's find)
    "The response contains a title wrapped in << and >>. The title must mention the harbor.",
    "PASS if the response contains a title wrapped in << and >>. The title must name the city.",
]


# polarity: these were lowered to the requirement they negate; since round 16 a requirement stated negated is read as
# its exact complement (rubricc.compiler.lower_penalty.lower_negated)
COMPLEMENTS = [
    ("The response is not entirely in lowercase.", "not:all_lowercase", {}),
    ("The response omits any of these keywords: cat, dog.", "not:keywords_present", {"keywords": ["cat", "dog"]}),
    ("The response lacks a title wrapped in double angular brackets.", "not:has_title", {}),
    ("The response does not consist of two different responses divided by ******.", "not:two_responses", {}),
    # words said as options are whole words in any case, not strings found verbatim ("no" inside "not")
    ('The response contains "yes" or "no".', "not:keywords_absent", {"keywords": ["yes", "no"], "whole_word": True}),
]


test_lowered, test_neural = lowering_tests(LOWERED + COMPLEMENTS, NEURAL)


def test_a_repeat_frame_as_label_keeps_its_request():
    # a 'label' that is a verb saying what to do is the repeat's own frame: the request follows its colon
    got = lower_criterion("Repeat the request verbatim: Write a story about a cat.")
    assert got is not None and got.args["prompt_to_repeat"] == "Write a story about a cat."


def test_not_is_the_exact_complement():
    for name, args, yes, no in [("has_title", {}, "<<A>> hi", "hi"), ("no_commas", {}, "a b", "a, b"),
                                ("word_count", {"relation": "at least", "n": 3}, "one two three", "one two")]:
        check, negated = validate_check(name, args), validate_check("not:" + name, args)
        for text in (yes, no):
            assert run_check(negated, text) == (not run_check(check, text))
    with pytest.raises(ValueError):
        validate_check("not:not:has_title")
    with pytest.raises(ValueError):
        validate_check("not:no_such_check")


def test_penalty_reading_moves_words_only():
    assert penalised("Penalize if the response uses even one comma.") == "The response uses even one comma."
    assert penalised("Penalize responses that are not in English.") == "The response is not in English."
    assert penalised("The response uses no commas.") is None
    assert affirmed("The response does not end with the phrase X.") == "The response ends with the phrase X."
    assert affirmed("There is no postscript in the response.") == "The response has a postscript."
    assert affirmed("The response does not avoid commas.") is None  # negated twice
