"""A refined rubric item's near-miss ('; a response with exactly 10 sentences does not meet this') and a pairwise
comparison's reference (', as the preferred response did') (:mod:`rubricc.compiler.lower_borderline`). Wordings
written for the tests (blind set 15's voices, not its sentences); NEURAL are near-misses that must stay neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_borderline import count_example_fails, read_borderline

LOWERED = [
    ("The answer has fewer than 6 sentences; an answer with exactly 6 sentences does not meet this.", "sentence_count",
     {"relation": "less than", "n": 6}),
    ("The reply is under 250 words; a reply of 250 words or more does not meet this.", "word_count",
     {"relation": "less than", "n": 250}),
    ("The response is at least 400 words long; a response that falls even one word short of 400 does not meet this.",
     "word_count", {"relation": "at least", "n": 400}),
    ("The response has exactly 4 bullet points; a response with more or fewer bullet points than 4 does not meet this.",
     "bullet_count", {"relation": "exactly", "n": 4}),
    ('The response does not use the words "cheap" or "free"; a response that uses even one of them does not meet this.',
     "keywords_absent", {"keywords": ["cheap", "free"]}),
    # a sentence of its own opening with 'A response'
    ("The response contains no commas. A response with even a single comma does not meet this.", "no_commas", {}),
    # the comparison's reference names no requirement
    ("Keeps the answer under 120 words, as the preferred response did.", "word_count", {"relation": "less than", "n": 120}),
    ("Writes fewer than 8 sentences, as the preferred, tighter response did.", "sentence_count",
     {"relation": "less than", "n": 8}),
]

NEURAL = [
    # a near-miss that adds a requirement
    "The response has at least 3 bullet points; a response with 3 bullet points but no introduction does not meet this.",
    "The response uses at least 300 words; a response that is vague does not meet this.",
    # a near-miss whose count the check passes, or a bound the criterion does not state
    "The response has fewer than 100 words; a response of 90 words does not meet this.",
    "The response has exactly 3 paragraphs; a response with exactly 3 paragraphs does not meet this.",
    "The response has at least 300 words; a response that stops one word short of 250 does not meet this.",
    "The response has no commas; a response with two commas does not meet this.",
    # a reference that goes on to ask for more
    "Stays under 100 words, as the preferred response did while still covering every step.",
]


@pytest.mark.parametrize("text,name,args", LOWERED)
def test_lowered(text, name, args):
    got = lower_criterion(text)
    assert got is not None and got.name == name and args.items() <= got.args.items(), (text, got)


@pytest.mark.parametrize("text", NEURAL)
def test_stays_neural(text):
    assert lower_criterion(text) is None, text


def test_reads_the_near_miss_off_as_a_condition():
    said, asides = read_borderline("Has under 50 words; a response with exactly 50 words does not meet this.")
    assert said == "Has under 50 words." and asides == [("borderline", "the response has exactly 50 words")]
    # quoted material is never read
    said, asides = read_borderline('Ends with "a reply that rambles does not meet this"')
    assert asides == []


def test_count_examples_must_fail_the_bound():
    assert count_example_fails("the response has exactly 10 sentences", {"relation": "less than", "n": 10})
    assert count_example_fails("the response has fewer than 10 sentences", {"relation": "at least", "n": 10})
    assert not count_example_fails("the response has exactly 9 sentences", {"relation": "less than", "n": 10})
    assert not count_example_fails("the response has 10 or more words and 3 paragraphs", {"relation": "less than", "n": 10})


# other readings added on set 15 (own wordings): a request in parentheses after a repeat frame, '(no text after it)',
# 'each required keyword: ...'
MORE = [
    ("Repeats the request verbatim at the very start (request: Write a limerick (five lines) about a cat.).",
     "repeats_prompt", {"prompt_to_repeat": "Write a limerick (five lines) about a cat."}),
    ("Begins with a word-for-word copy of the request (Plan a trip to Rome, please) before anything else.",
     "repeats_prompt", {"prompt_to_repeat": "Plan a trip to Rome, please"}),
    # the request's own words are data, never requirements ('<<title>>' is no title check)
    ("Begins by restating the request exactly (Write a title in double angular brackets, i.e. <<title>>.) before answering.",
     "repeats_prompt", {"prompt_to_repeat": "Write a title in double angular brackets, i.e. <<title>>."}),
    ('Begins by restating the request exactly ("Name a "lucky" number.") before giving the answer.', "repeats_prompt",
     {"prompt_to_repeat": 'Name a "lucky" number.'}),
    ('Ends with the exact phrase "See you soon." (no text after it).', "ends_with", {"phrase": "See you soon."}),
    ('Mentions each required keyword: "harbor" and "tide".', "keywords_present", {"keywords": ["harbor", "tide"]}),
]


@pytest.mark.parametrize("text,name,args", MORE)
def test_more_readings(text, name, args):
    got = lower_criterion(text)
    assert got is not None and got.name == name and args.items() <= got.args.items(), (text, got)


@pytest.mark.parametrize("text", [
    # the parenthesis sits inside a request delimited by a colon: the whole rest is the request
    "The response repeats the request word for word first. The request to repeat is: Is rust (the oxide) a metal?",
    # the parenthesis is in a request that starts after the frame's own sentence
    "Does the response open with the exact text of the following request, repeated word for word? Is rust (the oxide) a metal?",
    # ... or that runs on from a frame without punctuation (dictation)
    "ok so the response has to repeat my request word for word exactly the request is Is rust (the oxide) a metal?",
    # a forbidden list is never read as one to mention
    'Mentions each forbidden word: "harbor" and "tide".',
])
def test_more_near_misses(text):
    got = lower_criterion(text)
    assert got is None or got.name == "repeats_prompt" and got.args["prompt_to_repeat"] == "Is rust (the oxide) a metal?"
