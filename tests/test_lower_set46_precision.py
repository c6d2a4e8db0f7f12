"""Precision fix found by set 46's one blind measurement (issue 15, round 37; its voices not developed on yet).

'A REPLY, Beginning with the Request itself, repeated Word for Word ..., viz. Generate two alternative product
descriptions: The product is ...' was read with the request cut at its own colon ('The product is ...'), 1 criterion and
1 wrong verdict: 'viz.' was not known to introduce the request, so the first colon was taken for the frame's. A request
introduced by 'viz.', 'videlicet' or 'to wit' now starts after that word, and a colon after it is the request's.
Wordings written for the tests, not set 46's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The reply opens by copying the request word for word, viz. List two rivers: one in Spain and one in France.",
     "repeats_prompt", {"prompt_to_repeat": "List two rivers: one in Spain and one in France."}),
    ("The reply begins with the request repeated exactly, to wit, Name three birds: one of them a gull.",
     "repeats_prompt", {"prompt_to_repeat": "Name three birds: one of them a gull."}),
    # 'viz.' beside no repeat frame is 'namely': the brevity defined by the count (neural until round 38's rotation put
    # 'viz' in the vocabulary; the reading is the criterion's meaning)
    ("The reply is short, viz. under 50 words: no more.", "word_count", {"relation": "less than", "n": 50}),
]

NEURAL = [
    # 'viz.' before a count of another part: not the reply's own count
    "The reply is short, viz. its title is under 5 words.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
