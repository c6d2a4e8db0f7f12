"""Set 49's wrong verdicts, fixed after its one blind measurement (issue 15, round 40): 44 came from a fairy tale's opening,
'Once upon a time', read as a count of one ('... said it at least 6 times' lowered to exactly 1); two from a request to
repeat given after a colon in the reader's own words ('She always starts by saying your request back to you word for
word. Her first words are: <request>'), the request's own 'should have 45 or less words' read as the criterion's count.
A request to repeat, said and then given after a colon, is data unless the repeat check is what is read. Wordings written
for the tests, not set 49's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Once upon a time a reply used the word \"lantern\" over and over, at least 5 times in all.", "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 5}),
    ("Once upon a time there was a reply that scattered the letter 'k' about, at least 9 times, capital or small.",
     "letter_frequency", {"letter": "k", "relation": "at least", "n": 9}),
    ("The word \"owl\" appears once in the reply.", "keyword_frequency", {"keyword": "owl", "relation": "exactly", "n": 1}),
    # a request to repeat given after a colon: read as the repeat check, its words never the criterion's count
    ("Our echo always says your request back to you word for word before anything else. What it says first: Write a short "
     "poem about rain. Your whole answer should be under 40 words.", "repeats_prompt",
     {"prompt_to_repeat": "Write a short poem about rain. Your whole answer should be under 40 words."}),
]

# set 49's own two repeat cases are held by the held-out guard (tests/test_ifeval_bench.py: agreement 1.000)
NEURAL = []

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
