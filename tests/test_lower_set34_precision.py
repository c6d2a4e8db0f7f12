"""Precision fix found by set 34's one blind measurement (issue 15, round 28; its voices not developed on yet): a paragraph
count beside a clause about a paragraph's first word said as 'the initial word of paragraph 7 is X' was read as the
count alone (the clause was not seen as a paragraph_first_word requirement, so one wrong verdict); now 'initial',
'opening' and 'leading' word read as the first word, 'paragraph N' as the Nth paragraph, and a count beside any clause
about a paragraph's first or last word is never the count alone. Wordings written for the tests, not set 34's
sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The answer has exactly 5 paragraphs, and the initial word of paragraph 3 is \"meanwhile\".", "paragraph_first_word",
     {"nth": 3, "word": "meanwhile", "num_paragraphs": 5}),
    ("The reply has exactly 4 paragraphs, and the opening word of the 2nd paragraph is \"however\".", "paragraph_first_word",
     {"nth": 2, "word": "however", "num_paragraphs": 4}),
    ("The reply has exactly 4 paragraphs, and the first word of paragraph 4 is \"finally\".", "paragraph_first_word",
     {"nth": 4, "word": "finally", "num_paragraphs": 4}),
]

NEURAL = [
    # a clause about a paragraph's word no rule reads: never the paragraph count alone
    "The answer has exactly 3 paragraphs, and the last word of paragraph 2 is \"done\".",
    "The reply has exactly 6 paragraphs, and the closing word of the final paragraph is \"goodbye\".",
    "The answer is split into exactly 2 paragraphs, and the leading word of each paragraph is capitalised.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
