"""Set 50's wrong verdicts, fixed after its one blind measurement (issue 15, round 41): 26, all from one voice's request to
repeat, framed by a colon and then given a label of its own after a statement of the reply ('I will repeat your request
word for word: the reply will begin with that request, ... Your request was: <request>'): everything after the first
colon, the statement included, was read as the request. The request after its own later label is the request, the
statement between is read as the frame. Wordings written for the tests, not set 50's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("First thing, I will say your request back to you word for word: the reply will open with that request. Your request "
     "was: Write a limerick about a cat.", "repeats_prompt", {"prompt_to_repeat": "Write a limerick about a cat."}),
]

NEURAL = [
    # the statement between the colon and the request's label says more than where the copy stands
    "I will repeat your request word for word: the reply will begin with that request in capitals. Your request was: "
    "Write a limerick about a cat.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
