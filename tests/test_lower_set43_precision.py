"""Precision fix found by set 43's one blind measurement (issue 15, round 35; its voices not developed on yet): a bound's
label before a bare count ('Minimum reps: 20 sentences. The reply hits 20 or more.') was read as exactly 20 (5
criteria, 5 wrong verdicts): the bare count took the default 'exactly' with the label's 'minimum' unread. A bound's
label (minimum, maximum, min, max, cap, limit, ceiling, floor) right before a bare count now keeps it from being read
as an exact count; a relation said with the count is still read. Wordings written for the tests, not set 43's
sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Minimum reps: at least 12 sentences.", "sentence_count", {"relation": "at least", "n": 12}),
    ("Minimum length: 300 words.", "word_count", {"relation": "at least", "n": 300}),
    ("The reply has 12 sentences.", "sentence_count", {"relation": "exactly", "n": 12}),
]

NEURAL = [
    "Minimum reps: 12 sentences.",
    "Cap: 80 words.",
    "Word limit for the reply: 80 words.",
    "Floor: 12 sentences in the reply.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
