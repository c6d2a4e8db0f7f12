"""Set 26's first voice, developed on after its one blind measurement (issue 15, round 21): an acceptance scenario
('Given the reply, when its words are counted, then the total comes out below N'), read as the instruction to a grader
it is. Wordings written for the tests, not set 26's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Given the answer, when its sentences are counted, then the total comes out below 12.", "sentence_count",
     {"relation": "less than", "n": 12}),
    ("When the words of the answer are tallied, then there are 250 or more of them.", "word_count",
     {"relation": "at least", "n": 250}),
    ('Given the response, when "harbor" is searched for regardless of case, then it turns up 4 or more times.',
     "keyword_frequency", {"keyword": "harbor", "relation": "at least", "n": 4}),
    ('Given the response, when it is searched for "lantern" and "harbor" regardless of case, then each one is found.',
     "keywords_present", {"keywords": ["lantern", "harbor"]}),
    ('Given the answer, when it is scanned case-insensitively for "comet" or "orbit" as whole words, then no match is found.',
     "keywords_absent", {"keywords": ["comet", "orbit"]}),
    ("Given the response, when bracketed placeholders such as [city] are counted, then there are at least 2.",
     "placeholder_count", {"relation": "at least", "n": 2}),
    ("Given the answer, when it is read through, then it is in English and every letter in it is lowercase.",
     "all_lowercase", {"language": "en"}),
]

NEURAL = [
    # a 'then' clause that asks for more than the count, or for a judgment
    "Given the answer, when its sentences are counted, then the count is below 12 and the tone is friendly.",
    "Given the answer, when it is read through, then it feels encouraging.",
    # a scenario about something else than the answer
    "Given the user's question, when its words are counted, then the total comes out below 50.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
