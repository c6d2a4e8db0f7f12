"""Blind set 14's outcome frames, read in wordings of our own (not the set's): a metric's 'scored 1 if', a dataset
card's 'a completion satisfies this constraint (only) if' after a family label, a definition's 'the constraint holds
iff'; the condition is lowered as it would be alone, and a condition no check expresses keeps the criterion neural."""
import pytest

from rubricc.compiler.lower import lower_criterion

READ = [
    ("Every answer is scored 1 if it has fewer than 80 words, and 0 otherwise.", "word_count", {"relation": "less than", "n": 80}),
    ("An output earns one point only if it contains no commas at all.", "no_commas", {}),
    ("Lowercase (case) — a response satisfies this constraint only if it is written entirely in lowercase letters.",
     "all_lowercase", {}),
    ("A completion meets the requirement if it ends with the exact phrase \"See you soon.\"", "ends_with",
     {"phrase": "See you soon."}),
    ("The condition holds if and only if the response contains at least 4 sentences.", "sentence_count",
     {"relation": "at least", "n": 4}),
]


@pytest.mark.parametrize("text,name,args", READ)
def test_outcome_frames_read_their_condition(text, name, args):
    got = lower_criterion(text)
    assert got is not None and got.name == name, got
    for k, v in args.items():
        assert got.args[k] == v, got.args


@pytest.mark.parametrize("text", [
    "Every answer is scored 1 if it is accurate and has fewer than 80 words, and 0 otherwise.",
    "A completion satisfies this constraint if it explains the idea clearly.",
    "The constraint holds iff the response is polite.",
    "Every answer is scored 0 if it has 80 or more words, and 1 otherwise.",  # the frame is the failure: not read
    "Every answer is scored 1 if it has fewer than 80 words or is off-topic, and 0 otherwise.",
    "Tone (style) — a completion satisfies this constraint only if it sounds friendly.",
])
def test_outcome_frames_keep_what_no_check_expresses_neural(text):
    assert lower_criterion(text) is None
