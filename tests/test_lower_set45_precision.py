"""Precision fix found by set 45's one blind measurement (issue 15, round 36; its voices not developed on yet).

'Exactly 7 paragraphs, split by blank lines, and the seventh one pulls away with the word "x".' was read as the
paragraph count alone (1 criterion, 1 wrong verdict): the clause about the seventh paragraph opens with no verb the
lexicon knows, so it was not taken for a predicate. A later clause whose subject is one part of the response by its
place ('the seventh one', 'the last paragraph', 'its second line') now asks for more beside any check but the
paragraph first-word check. Wordings written for the tests, not set 45's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The reply has exactly 4 paragraphs, separated by blank lines.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "blank_line"}),
    ("The reply has exactly 4 paragraphs. The second paragraph begins with the word \"tide\".", "paragraph_first_word",
     {"nth": 2, "word": "tide", "num_paragraphs": 4}),
]

NEURAL = [
    "Exactly 5 paragraphs, split by blank lines, and the fifth one drifts off on the word \"harbour\".",
    "The reply has exactly 4 paragraphs separated by blank lines, and the last one closes with a question.",
    "The reply has no commas, and the first sentence is short.",
    "Fewer than 120 words, and its second line rhymes with the first.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
