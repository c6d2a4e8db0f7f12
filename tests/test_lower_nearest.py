"""The nearest-phrasing lowering stage: new wordings it lowers, near-misses it leaves neural, determinism,
the switch, the repeat-request colon fix, and a check library that stays light."""
import importlib.util
import subprocess
import sys

import pytest

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower import lower_criterion, lower_rules_only

needs_model = pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None
                                 or not lower_nearest.INDEX_PATH.exists(), reason="compile extra or index absent")


@pytest.fixture(autouse=True)
def _enabled():
    old = lower_nearest.ENABLED
    lower_nearest.ENABLED = True
    yield
    lower_nearest.ENABLED = old


# wordings of my own, in voices the rules were not written for (labels, 'Evaluates whether', reasons)
LOWERED = [
    ("Word Budget: Evaluates whether the piece comes in at fewer than 120 words, because the user set a hard cap.",
     "word_count", {"relation": "less than", "n": 120}),
    ("Language Check: Evaluates whether the full response is in Finnish (fi), since the user requires that language.",
     "response_language", {"language": "fi"}),
    ("Vocabulary Restriction: Evaluates whether the text omits all of the banned words (budget, cheap), since the user prohibited them.",
     "keywords_absent", {"keywords": ["budget", "cheap"], "whole_word": True}),
]

NEURAL = [
    "Keyword Relevance: Keywords must be directly related to \"AI marketing\" and show understanding of the topic.",
    "Contains exactly 5 features presented in proper markdown list format using \u25c6 as bullet points.",
    "Word Budget: Evaluates whether the introduction comes in at fewer than 120 words.",  # a part of the response
    "Sentence Tally: Evaluates whether the reply runs to about 12 sentences, as the user required.",  # approximate
    "Length Check: Evaluates whether the reply has fewer than 120 words unless the user asked for more.",  # condition
    "Length Check: Evaluates whether the reply has fewer than 120 words and is in Finnish.",  # two constraints
    "Language Check: Evaluates whether the response is in Finnish or Swedish, as the user allows either.",  # two languages
    "Evaluates whether the answer explains the side effects of the medication accurately.",
    "Fails to stay under 100 words, as the user asked.",
]


@needs_model
@pytest.mark.parametrize("text,name,args", LOWERED)
def test_new_wordings_lower_via_the_stage(text, name, args):
    assert lower_rules_only(text) is None  # the rules leave it neural: the stage lowers it
    c = lower_criterion(text)
    assert c is not None and c.name == name, (text, c)
    for k, v in args.items():
        assert c.args[k] == v, (text, c.args)


@needs_model
@pytest.mark.parametrize("text", NEURAL)
def test_near_misses_stay_neural(text):
    assert lower_criterion(text) is None, text


@needs_model
def test_deterministic_and_switchable():
    text = LOWERED[0][0]
    a, b = lower_criterion(text), lower_criterion(text)
    assert a is not None and a.model_dump() == b.model_dump()
    lower_nearest.ENABLED = False
    assert lower_criterion(text) is None


def test_extractors_without_the_model():
    assert lower_nearest.count_req("the piece has fewer than 120 words") == ("less than", 120)
    assert lower_nearest.count_req("at least 3 or fewer than 5 words") is None  # two numbers
    assert lower_nearest.count_req("has 120 words") is None  # no relation
    assert lower_nearest._extract("response_language", "the whole answer is in Russian rather than English") == {"language": "ru"}
    assert lower_nearest._extract("word_count", "the piece does not have fewer than 120 words") is None  # negated
    assert lower_nearest.unlabel("Prompt Repetition: Evaluates whether the reply repeats") == "The reply repeats"


def test_repeat_request_with_its_own_colon():
    text = ("Does the response open with the exact text of the following request, repeated word for word? Generate two "
            "alternative product descriptions: The product is a new type of paper that can be used to wrap food.")
    c = lower_rules_only(text)
    assert c is not None and c.name == "repeats_prompt"
    assert c.args["prompt_to_repeat"].startswith("Generate two alternative product descriptions: The product")
    # an announced request keeps the colon as the frame's
    c = lower_rules_only("Before answering, the response first repeats the request word for word, unchanged. "
                         "The request reads: Write a story: about a man.")
    assert c is not None and c.args["prompt_to_repeat"] == "Write a story: about a man."


def test_check_library_stays_light():
    code = ("import sys, rubricc.compiler.checks, rubricc.compiler.lower; "
            "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
