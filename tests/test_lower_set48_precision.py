"""Precision fixes found by set 48's one blind measurement (issue 15, round 39; its voices not developed on yet).

A request to repeat given as a statement of the reply after the frame's colon ('In brief, the request repeated word for
word: the reply begins with the exact text "..." and has nothing before it.') was read with that whole statement as the
request, 26 wrong verdicts: the quotation after 'begins with the exact text' is now the request, and any other statement
of how the reply begins after the colon is never the request (neural). One more wrong verdict came from this round's own gloss
reader, which dropped a 'such' inside the quoted request ('such as <<American Tonic>>'): a quotation is never rewritten.
Wordings written for the tests, not set 48's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("The request, word for word: the reply begins with the exact text \"Name two rivers in Spain.\" and has nothing before it.",
     "repeats_prompt", {"prompt_to_repeat": "Name two rivers in Spain."}),
    ("First, the question itself, repeated exactly; the reply opens with the exact words \"List three birds, such as a gull.\", "
     "with nothing before them.", "starts_with", {"phrase": "List three birds, such as a gull."}),
]

NEURAL = [
    # how the reply begins, said after the frame's colon, no request quoted in it
    "Repeat the request word for word before answering: the reply begins with it and then answers briefly.",
    "The request repeated verbatim: the reply opens with the request, nothing before it, then a title.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
