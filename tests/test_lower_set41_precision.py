"""Precision fix found by set 41's one blind measurement (issue 15, round 34; its voices not developed on yet): a
paragraph count followed by what one paragraph commences with ('into exactly 7 paragraphs, the seventh of which
commences with the word "x"') was read as the paragraph count alone, the first word dropped (one criterion, 1 wrong
verdict). 'Commence' now says a paragraph's first word as 'start' does, so the count alone is never read from it.
Wordings written for the tests, not set 41's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    # the count alone, with nothing said of a paragraph's opening
    ("The reply is divided by blank lines into exactly 5 paragraphs.", "paragraph_count",
     {"relation": "exactly", "n": 5, "separator": "blank_line"}),
    ("The reply has exactly 4 paragraphs, the third of which begins with the word \"tide\".", "paragraph_first_word",
     {"nth": 3, "word": "tide", "num_paragraphs": 4}),
]

NEURAL = [
    "The reply is divided by blank lines into exactly 5 paragraphs, the fourth of which commences with the word \"tide\".",
    "The reply has exactly 3 paragraphs; the last one commenced with \"Harbour\".",
    "Exactly 6 paragraphs, each commencing with a capital letter.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
