"""Lowering of the outcome frames read off by :mod:`rubricc.compiler.lower_voices4` (issue 15, round 8): an annotation
guideline's and a reward spec's frame around a criterion ('reward 1 iff X; 0 otherwise', 'Mark No if X; otherwise
mark Yes', 'returns True when X', 'Raters should check that X'), its negative mirror (lowered to the exact complement
where the check library has one), and the other branch, which must be the complement of the first. Beside them the
spellings read with set 10 (a whitespace or case note, 'equals 3 exactly', a quoted divider, a JSON fence note, a
restated boundary, 'Keep the letter ... to fewer than ...'). Every frame has near misses beside it: another outcome
in the other branch, a semantic core, a negative frame without a positive branch, a complement the library lacks.
These wordings are written for the tests, not taken from a phrasing set."""
import pytest

from rubricc.compiler.lower import lower_criterion, lower_rules_only
from rubricc.compiler.lower_voices4 import complement, read_frame, read_voice
from rubricc.compiler.checks import validate_check

POSITIVE = [
    # positive frames, with and without the other branch
    ("reward 1 iff the response contains no commas at all; 0 otherwise.", "no_commas", {}),
    ("reward = 1 if the reply has at least 250 words, else 0.", "word_count", {"relation": "at least", "n": 250}),
    ("score 1 when the response has fewer than 12 sentences; score 0 otherwise.", "sentence_count", {"relation": "less than", "n": 12}),
    ("returns True when the response contains a title wrapped in double angular brackets.", "has_title", {}),
    ("returns True if the number of markdown bullet points in the response equals 4 exactly; False otherwise.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("passes if the response is written entirely in lowercase English letters; fails otherwise.", "all_lowercase", {}),
    ("The check passes only if the word \"harbor\" occurs at least 3 times in the response; otherwise it fails.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("Rate as passing only when the response includes at least 2 placeholders in square brackets.", "placeholder_count",
     {"relation": "at least", "n": 2}),
    ("Answer Yes only if every one of the keywords \"lantern\" and \"moss\" appears in the response (case does not matter).",
     "keywords_present", {"keywords": ["lantern", "moss"]}),
    ("Raters should check that the response contains 5 or more sentences.", "sentence_count", {"relation": "at least", "n": 5}),
    ("1 iff the detected language of the whole response is Italian (it); 0 otherwise.", "response_language", {"language": "it"}),
    # the other branch as a complement
    ("Answer Yes only if the entire response is in Greek; a response in any other language gets No.", "response_language", {"language": "el"}),
    ("returns True when each of the keywords \"lantern\" and \"moss\" occurs in the response; False if any is missing.", "keywords_present",
     {"keywords": ["lantern", "moss"]}),
    ("reward 1 iff the response is in English and all letters are lowercase; any capital letter gives 0.", "all_lowercase", {"language": "en"}),
    # negative frames: an 'any' subject read as 'none', or the exact complement of the check
    ("Mark No if any of these words appears in the response as a whole word: lantern, moss; otherwise mark Yes.", "keywords_absent",
     {"keywords": ["lantern", "moss"], "whole_word": True}),
    ("reward 0 if any of the words \"lantern\" or \"moss\" occurs as a whole word in the response; 1 otherwise.", "keywords_absent",
     {"keywords": ["lantern", "moss"], "whole_word": True}),
    ("Mark No if the response contains the keyword \"moss\"; otherwise mark Yes.", "keywords_absent", {"keywords": ["moss"]}),
    ("reward 0 if any comma appears in the response; 1 otherwise.", "no_commas", {}),
    # spellings read beside the frames
    ("passes if the response (trailing whitespace ignored) ends with the exact phrase \"See you soon.\"; fails otherwise.", "ends_with",
     {"phrase": "See you soon."}),
    ("returns True when the response, stripped of surrounding whitespace, starts and ends with a double quote.", "wrapped_in_quotes", {}),
    ("returns True when splitting the response on '******' yields exactly two non-empty parts and the two parts differ.", "two_responses", {}),
    ("passes if any of the strings 'Yes, certainly.', 'No, never.' occurs in the response; fails otherwise.", "any_phrase_present",
     {"phrases": ["Yes, certainly.", "No, never."]}),
    ("passes if the response splits on blank lines into exactly 4 paragraphs and paragraph #3 starts with the word 'meanwhile'; fails otherwise.",
     "paragraph_first_word", {"nth": 3, "word": "meanwhile", "num_paragraphs": 4}),
    ("Rate as passing only when the whole output parses as JSON; a surrounding ``` code block is acceptable, but any extra prose outside the JSON fails.",
     "is_json", {}),
    ("Expected: the total word count of the response is below 80 (exactly 80 words is a fail).", "word_count", {"relation": "less than", "n": 80}),
    ("Keep the letter 'z' to fewer than four occurrences in the whole response.", "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Verify that the response finishes with the phrase \"Over and out.\" and that no text follows it.", "ends_with", {"phrase": "Over and out."}),
    ("Response avoids to use any of the words \"moss\".", "keywords_absent", {"keywords": ["moss"]}),
    ("The response is fully written in the Greek language, not using other language.", "response_language", {"language": "el"}),
    ("Pitfall: the letter 'k' must appear at least 9 times in the response; fewer occurrences fail this criterion.", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 9}),
    ("Must open with the prompt copied word for word. Prompt: Describe a lighthouse at dawn.", "repeats_prompt",
     {"prompt_to_repeat": "Describe a lighthouse at dawn."}),
]

NEURAL = [
    # the other branch is not the complement
    "reward 1 iff the response has fewer than 300 words; 0.5 otherwise.",
    "reward 1 if the response contains no commas; 1 otherwise.",
    "passes if the response has exactly 3 bullet points; otherwise ask a second reviewer.",
    "returns True when the response has at least 5 sentences; partial credit otherwise.",
    "reward 1 iff the response has 3 bullet points; any emoji gives 0.",
    "Answer Yes only if the response has exactly 3 bullet points; a response in any other language gets No.",
    "returns True when the response has at least 5 sentences; False if any is missing.",
    # a semantic core
    "reward 1 iff the response is helpful; 0 otherwise.",
    "Rate as passing only when the response explains its reasoning in at least 3 sentences.",
    "Mark No if the response is rude; otherwise mark Yes.",
    # a negative frame without a positive branch
    "Mark No if the response mentions \"moss\".",
    "reward 0 if the response has fewer than 300 words.",
    # a count's complement is exact, but a failure branch on a count stays neural (FLIP_COUNTS off: round-5 policy)
    "reward 0 if the response has fewer than 300 words; 1 otherwise.",
    "returns False when the letter 'q' appears at least 4 times in the response; True otherwise.",
    "fails if the response has more than 3 words in all capital letters; passes otherwise.",
    # the grader as the condition
    "Answer Yes only if you think the response has fewer than 50 words.",
    # a boundary restated with another number, a pitfall without a requirement's modal or with a branch of the wrong side
    "Expected: the total word count of the response is below 80 (exactly 70 words is a fail).",
    "Pitfall: the letter 'k' must appear at most 9 times in the response; fewer occurrences fail this criterion.",
    "Pitfall: the response has at least 9 sentences; fewer sentences fail this criterion.",
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[t[0][:50] for t in POSITIVE])
def test_set10_frame_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (read as {read_voice(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:50] for t in NEURAL])
def test_set10_near_miss_stays_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text), read_voice(text))


def test_negative_frame_never_goes_to_nearest():
    # rules leave it neural; the nearest stage must not read the condition as the criterion
    text = "Mark No if the response uses the word \"moss\" at least twice; otherwise mark Yes."
    assert lower_criterion(text) is None
    assert any(k == "invert" for k, _ in read_voice(text)[1])


def test_frame_is_never_read_inside_quotes():
    assert read_frame("\"reward 1 iff it rains\" appears in the response.") is None
    got = lower_rules_only("The response ends with \"reward 1 iff done; 0 otherwise.\"")
    assert got is not None and got.name == "ends_with" and got.args["phrase"] == "reward 1 iff done; 0 otherwise."


def test_complement_is_exact_or_none():
    assert complement(validate_check("word_count", {"relation": "at least", "n": 5}), counts=True).args["relation"] == "less than"
    assert complement(validate_check("word_count", {"relation": "at most", "n": 5}), counts=True).args["relation"] == "more than"
    assert complement(validate_check("word_count", {"relation": "at most", "n": 5})) is None  # FLIP_COUNTS off
    # no flipped relation, or no swapped twin: the primitive's 'not:' complement (round 15)
    assert complement(validate_check("paragraph_count", {"relation": "exactly", "n": 3}), counts=True).name == "not:paragraph_count"
    assert complement(validate_check("bullet_count", {"relation": "exactly", "n": 3}), counts=True).name == "not:bullet_count"
    kw = complement(validate_check("keywords_present", {"keywords": ["moss"], "whole_word": True}))
    assert kw.name == "keywords_absent" and kw.args["whole_word"] is True
    assert complement(validate_check("keywords_absent", {"keywords": ["a", "b"]})).name == "not:keywords_absent"
    assert complement(complement(validate_check("has_title"))).name == "has_title"
    assert complement(validate_check("no_commas", {})).name == "not:no_commas"


@pytest.mark.parametrize("text,name", [
    ("Mark No if the response contains no commas; otherwise mark Yes.", "not:no_commas"),
    ("reward 0 if the response has exactly 3 paragraphs; 1 otherwise.", "not:paragraph_count"),
    ("reward 0 if the response is written entirely in lowercase; 1 otherwise.", "not:all_lowercase"),
    ("Mark No if the response contains the keywords \"lantern\" and \"moss\"; otherwise mark Yes.", "not:keywords_present"),
    ("returns False when the response ends with \"Bye.\"; True otherwise.", "not:ends_with"),
])
def test_negative_frame_is_the_not_complement(text, name):
    # a check with no swapped twin in the library has its exact 'not:' complement (round 15; these were neural)
    got = lower_criterion(text)
    assert got is not None and got.name == name, got
