"""Precision fix found by set 38's one blind measurement (issue 15, round 32; its voices not developed on yet): a count
said as a point to stop before ('take it off the heat before it reaches 10 sentences') was read as reaching it (at
least 10), 15 criteria so read, 28 wrong verdicts; stopping before a number, or short of it, is staying under it now.
'Until it reaches' is still reaching it. Wordings written for the tests, not set 38's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Stop writing before the reply reaches 12 sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("Pull it from the oven before it hits 250 words: the finished reply is shorter than that.", "word_count",
     {"relation": "less than", "n": 250}),
    ("The reply stops short of 40 words.", "word_count", {"relation": "less than", "n": 40}),
    ("The reply keeps going until it reaches 12 sentences.", "sentence_count", {"relation": "at least", "n": 12}),
    ("The reply reaches 12 sentences.", "sentence_count", {"relation": "at least", "n": 12}),
]

NEURAL = [
    # stopping before something that is no count
    "Take it off the heat before it burns: the finished reply is short.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
