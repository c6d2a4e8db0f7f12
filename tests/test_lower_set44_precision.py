"""Precision fixes found by set 44's one blind measurement (issue 15, round 35; its voices not developed on yet).

An unquoted request followed by a note about the copy as its own last sentence ('...: Write a song about a corgi. I
observed no words or characters before it.') was read with the note as part of the request (26 criteria, 26 wrong
verdicts): where such a request ends cannot be told, so it now vetoes. A lead counting the paragraphs ('I counted 3
paragraphs in the reply, ... . The third paragraph began with the word "x".') was let through beside a first-word check
that counts none (1 wrong verdict): an aside that reads as a paragraph count the check does not hold now vetoes.
Wordings written for the tests, not set 44's sentences. Round 36 read set 44's examiner's report
(:mod:`rubricc.compiler.lower_testimony`): the examiner's note after the request ('I observed nothing before it') and
the paragraphs the examiner counted are now read as the report's, and those two wordings are lowered."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Repeat the request word for word before answering: Describe a harbour at dawn.", "repeats_prompt",
     {"prompt_to_repeat": "Describe a harbour at dawn."}),
    ("The reply has exactly 4 paragraphs. The second paragraph begins with the word \"tide\".", "paragraph_first_word",
     {"nth": 2, "word": "tide", "num_paragraphs": 4}),
    ("The reply opened with the request, copied word for word: Describe a harbour at dawn. I observed nothing before it.",
     "repeats_prompt", {"prompt_to_repeat": "Describe a harbour at dawn."}),
    ("I counted 4 paragraphs in the reply, separated by blank lines. The second paragraph began with the word \"tide\".",
     "paragraph_first_word", {"nth": 2, "word": "tide", "num_paragraphs": 4}),
    ("I counted 3 paragraphs in the reply, separated by blank lines. The second paragraph began with the word \"tide\".",
     "paragraph_first_word", {"nth": 2, "word": "tide", "num_paragraphs": 3}),
]

NEURAL = [
    "Repeat the request word for word first: Name three rivers. Nothing comes before it.",
    # a paragraph count beside a first-word check that counts other paragraphs
    "The reply has 3 paragraphs in all. The second of its 4 paragraphs begins with the word \"tide\".",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
