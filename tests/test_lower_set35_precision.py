"""Precision fix found by set 35's one blind measurement (issue 15, round 29; its voices not developed on yet): a
competency descriptor's repeat frame followed by the observed fact after a colon ('Can restate a request verbatim
before answering: this response begins by repeating "..." word for word') had everything after the colon read as the
request to repeat, so the copy was wanted with the fact's own words around it (wrong verdicts on the request family);
now a statement of the response after the colon is not the request: the quotation inside it is, and with none the
criterion stays neural. Wordings written for the tests, not set 35's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Can echo a question before answering it: this reply starts by repeating \"What is the tallest tree on Earth?\" word for "
     "word, then answers.", "repeats_prompt", {"prompt_to_repeat": "What is the tallest tree on Earth?"}),
    ("Can restate the task verbatim first: the response begins by restating \"Draft a short memo about parking.\" exactly and "
     "only then responds.", "repeats_prompt", {"prompt_to_repeat": "Draft a short memo about parking."}),
]

NEURAL = [
    # a statement of the response after the colon, with no request quoted in it
    "Can restate a request verbatim before answering: this response begins by repeating it word for word.",
    "Can copy a prompt exactly before replying: the reply starts by copying it, unchanged.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
