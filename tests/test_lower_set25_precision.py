"""Precision fixes found by set 25's one blind measurement (issue 15, round 20; its voices not developed on yet): score
anchors ('Good: ... Bad: ...') are read for the good side, the bad one a failure that must agree (read whole, the bad side
was lowered as the criterion); 'once' that opens a clause is a condition, as 'when' is, not a count of one; 'reaches N' is at least N.
Wordings written for the tests, not set 25's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Good: at least 4 markdown highlights like *this*. Bad: fewer than 4 highlighted sections.", "highlighted_sections",
     {"relation": "at least", "n": 4}),
    ("Good: the answer contains no commas. Bad: a single comma anywhere.", "no_commas", {}),
    ('The answer mentions "harbor" once.', "keyword_frequency", {"keyword": "harbor", "relation": "exactly", "n": 1}),
    ("The answer reaches 250 words.", "word_count", {"relation": "at least", "n": 250}),
    # (a condition, as 'when' is: neural in round 20, read since round 21 as the requirement that holds when it does)
    ('The keyword item holds once the answer uses "harbor" at least 3 times.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
]

NEURAL = [
    # the bad anchor is never the criterion
    "Good: the answer is warm and specific. Bad: fewer than 3 highlighted sections.",
    "Good: the answer is in English. Bad: the answer has more than 3 paragraphs.",
    "Good: the reply starts by restating the request exactly. Bad: the restatement paraphrases it. The request: Tell me a joke.",
    # 'once' opening a clause is no count
    "The all-caps item holds once the answer is finished.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
