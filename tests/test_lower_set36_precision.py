"""Precision fixes found by set 36's one blind measurement (issue 15, round 30; its voices not developed on yet): a
badge's quoted name ("The 'Brevity' badge is earned by ...") was read as a keyword to count, so a word-count criterion
became a keyword count (wrong verdicts on the word-count family); the name is a label now, never data. A further
requirement after a label's colon said with a verb the rules know only respelled ('the seventh paragraph leads with the
word "x"') went unseen, so the paragraph count alone was read; the compound check now reads the criterion respelled past
the colon too (it can only keep a criterion neural). Wordings written for the tests, not set 36's sentences; a
criterion in NOT_THE_COUNT may stay neural or be read whole, never as the paragraph count alone."""
import pytest

from rubricc.compiler.lower import lower_criterion
from lowering_cases import lowering_tests

LOWERED = [
    ("The 'Concise' badge is earned by a reply whose total word count stays under 150.", "word_count",
     {"relation": "less than", "n": 150}),
    ("The \"Wordsmith\" achievement goes to a reply of at least 400 words.", "word_count", {"relation": "at least", "n": 400}),
    ("The third paragraph leads with the word \"finally\", and the reply has exactly 3 paragraphs separated by blank lines.",
     "paragraph_first_word", {"nth": 3, "word": "finally", "num_paragraphs": 3}),
]

NEURAL = [
    "Reward the 'Concise' badge to a reply that is short and clear.",
]

# a further requirement after a label's colon, said with 'leads with' / 'kicks off with'
NOT_THE_COUNT = [
    ("Checklist: 5 paragraphs exactly, split by blank lines; the second paragraph leads with the word \"however\".",
     {"nth": 2, "word": "however", "num_paragraphs": 5}),
    ("Layout: exactly 4 paragraphs, separated by empty lines; the fourth one kicks off with the word \"overall\".",
     {"nth": 4, "word": "overall", "num_paragraphs": 4}),
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)


@pytest.mark.parametrize("text,whole", NOT_THE_COUNT)
def test_not_the_count_alone(text, whole):
    got = lower_criterion(text)
    assert got is None or got.name == "paragraph_first_word" and got.args.items() >= whole.items(), (text, got)
