"""Precision fix found by set 42's one blind measurement (issue 15, round 35; its voices not developed on yet): 'at or
above 5' was read as 'above 5' (more than 5), the 'at or' dropped (6 criteria, 6 wrong verdicts). 'At or above' and
'at or over' now read as at least, 'at or below' and 'at or under' as at most. Found beside it (none of set 42's
criteria): a stated count followed by a second bound ('Word count at least 200 and at most 300') was read as the first
bound alone; a range is no one bound, and stays neural. Wordings written for the tests, not set 42's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The reply's sentence count is at or above 6.", "sentence_count", {"relation": "at least", "n": 6}),
    ("Word count at or over 250.", "word_count", {"relation": "at least", "n": 250}),
    ("The reply has a word count at or below 90.", "word_count", {"relation": "at most", "n": 90}),
    ("Keep the sentence count at or under 4.", "sentence_count", {"relation": "at most", "n": 4}),
    # the bare comparisons keep their meaning
    ("The reply has above 6 sentences.", "sentence_count", {"relation": "more than", "n": 6}),
    ("The reply has below 90 words.", "word_count", {"relation": "less than", "n": 90}),
]

NEURAL = [
    # a range or an approximation is no bound
    "The reply's sentence count is at or around 6.",
    "Word count at or above 200 and at or below 300.",
    "Word count at least 200 and at most 300.",
    "Sentence count above 4 but below 9.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
