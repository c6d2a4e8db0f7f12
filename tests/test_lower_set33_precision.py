"""Precision fixes found by set 33's one blind measurement (issue 15, round 27; its voices not developed on yet): a letter
named only in a bracketed example ('(e.g. for the letter a, both 'A' and 'a')') is no letter of the criterion's own (it had
been read as the letter counted); a limit no relation word reads ('stays under a cap of 11 words') is a bound, never an
exact count (it had been read as exactly 11). Wordings written for the tests, not set 33's sentences; NEURAL must stay
neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The letter k appears at least 6 times, both cases counted (for example 'K' and 'k').", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 6}),
    ("The reply contains the letter 'z' fewer than 3 times, capitals included (e.g. for the letter b, 'B' and 'b' both count).",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 3}),
    ("The reply uses fewer than 4 exclamation marks (such as in 'Great!').", "letter_frequency",
     {"letter": "!", "relation": "less than", "n": 4}),
    ("The answer has a minimum of 250 words.", "word_count", {"relation": "at least", "n": 250}),
    ("The answer respects a limit of at most 9 sentences.", "sentence_count", {"relation": "at most", "n": 9}),
    # the letter the criterion names, the example only showing how case is counted (round 28: an example that agrees
    # with the check is read off, rubricc.compiler.lower_example)
    ("The reply contains 'k' at least 6 times, both cases counted (e.g. for the letter a, 'A' and 'a').", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 6}),
]

NEURAL = [
    # the letter only in the example
    "The reply contains the letter at least 6 times, both cases counted (e.g. for the letter a, 'A' and 'a').",
    # a bound no relation word reads
    "The reply stays under a cap of 9 sentences.",
    "The answer keeps to a ceiling of 5 words written in all capitals.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
