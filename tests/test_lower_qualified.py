"""Counts of units restricted by a clause stay neural (issue 15, precision): 'At least 20 sentences are in
all caps' is not a sentence count, and 'under the 20-word limit, with fewer than 20 sentences' is two counts.
The plain counts around them still lower. Both the rules and the nearest-phrasing stage are checked."""
import pytest

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower import lower_criterion

STAY_NEURAL = [
    "At least 20 sentences in the response are in all caps.",
    "At least 3 paragraphs are written in French.",
    "At least 5 sentences mention the word cat.",
    "At least 5 sentences end with a question mark.",
    "Use fewer than 20 sentences that are questions.",
    "Exactly 3 bullet points written in all caps.",
    "Exactly 3 bullet points, each starting with a verb.",
    "At least 12 sentences written in German.",
    "Under the 20-word limit, with fewer than 20 sentences.",
    "The response stays under the 20-word limit, with fewer than 20 sentences.",
    "Exactly 4 paragraphs of at least 50 words each.",
]

STILL_LOWERED = [
    ("The response has at least 5 sentences.", "sentence_count"),
    ("At least 5 sentences are required.", "sentence_count"),
    ("At least 12 sentences should be present in the answer.", "sentence_count"),
    ("The number of sentences in the output is strictly under 10.", "sentence_count"),
    ("The answer must be at least 300 words long.", "word_count"),
    ("Does the answer have exactly 3 bullet point(s) written in markdown?", "bullet_count"),
    ("Exactly 3 bullet points are used.", "bullet_count"),
    ("There should be 3 paragraphs; paragraphs are separated with ***.", "paragraph_count"),
    ("The response is divided into 4 sections, and each section starts with 'SECTION X'.", "section_count"),
]


@pytest.fixture(params=[False, True], ids=["rules", "rules+nearest"])
def stage(request):
    with lower_nearest.switched(request.param):
        yield request.param


@pytest.mark.parametrize("text", STAY_NEURAL)
def test_restricted_counts_stay_neural(stage, text):
    assert lower_criterion(text) is None


@pytest.mark.parametrize("text,name", STILL_LOWERED)
def test_plain_counts_still_lower(stage, text, name):
    check = lower_criterion(text)
    assert check is not None and check.name == name


@pytest.mark.parametrize("text,relation,n", [
    ("twenty sentences min.", "at least", 20),  # blind set 12 had it read as exactly 20
    ("3 paragraphs max", "at most", 3),
    ("150 words max.", "at most", 150),
    ("Use 20 sentences", "exactly", 20),
])
def test_a_limit_after_the_unit(text, relation, n):
    got = lower_criterion(text)
    assert got is not None and got.args["relation"] == relation and got.args["n"] == n, (text, got)
