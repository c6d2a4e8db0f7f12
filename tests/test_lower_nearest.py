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
    # ("Fails to stay under 100 words, as the user asked." is word_count at least 100 since round 17: tests/test_lower_set20.py)
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


# each general veto (compiler/lower_nearest_vetoes.py) on a wording of its own, and a wording it lets through
VETOED = [
    ("wrapped_in_quotes", "The reply wraps the product names in double quotes"),  # a part, not the whole
    ("wrapped_in_quotes", "It puts quotation marks around every citation"),
    ("wrapped_in_quotes", "The headline is in double quotes"),
    ("is_json", "Provides a JSON sample of the configuration file"),  # JSON inside the response
    ("capital_word_frequency", "Capitalized words appear fewer than 4 times"),  # initial capitals
    ("capital_word_frequency", "Words beginning with an uppercase letter appear at least 4 times"),
    ("highlighted_sections", "At least 4 parts are highlighted"),  # no markdown named
    ("keywords_absent", 'Steers clear of terms such as "miracle" and "risk-free"'),  # examples of a class
    ("keywords_absent", 'The banned words "miracle" and "cheap" are not missing'),  # a negated absence
    ("keywords_present", 'Topic words: "tide", "moon"'),  # no verb: what to do with the words is unsaid
    ("keyword_frequency", 'Says "i" at least 4 times'),  # one character: a letter or a word
    ("keyword_frequency", 'Uses "tide" at least 4 times and "moon" at least 4 times'),  # two counts
    ("ends_with", 'Closes with "Regards, {sender}"'),  # a slot to fill
    ("all_lowercase", "Makes no lowercase/uppercase distinction"),  # both cases
    ("all_lowercase", "Written wholly in capitals, with no lower-case letter anywhere"),  # both named: which is asked?
    ("all_uppercase", "Uses small letters throughout; block capitals are not allowed"),
    ("word_count", "Keeps at most 40 words for the product names"),  # scoped to named content
]
KEPT = [
    ("wrapped_in_quotes", "Puts the whole response in double quotation marks"),
    ("wrapped_in_quotes", "Encloses the whole answer in double quotes"),
    ("is_json", "The output is a single JSON object and nothing else"),
    ("capital_word_frequency", "Uses fewer than 4 words in all capital letters"),
    ("highlighted_sections", "Highlights at least 4 sections with markdown"),
    ("keywords_absent", 'Never uses the words "miracle" or "cheap"'),
    ("keywords_present", 'Mentions the words "tide" and "moon"'),
    ("keyword_frequency", 'Uses "tide" at least 4 times'),
]


@pytest.mark.parametrize("check,text", VETOED)
def test_general_vetoes(check, text):
    assert lower_nearest._extract(check, text) is None, (check, text)


@pytest.mark.parametrize("check,text", KEPT)
def test_what_the_vetoes_let_through(check, text):
    assert lower_nearest._extract(check, text) is not None, (check, text)


def test_stays_neural_without_the_index(monkeypatch, tmp_path):
    monkeypatch.setattr(lower_nearest, "INDEX_PATH", tmp_path / "absent.npz")
    lower_nearest.reset_index()
    try:
        assert lower_criterion(LOWERED[0][0]) is None
    finally:
        lower_nearest.reset_index()


def test_stays_neural_without_sentence_transformers(monkeypatch):
    monkeypatch.setattr(lower_nearest, "_model", None)
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import raises ImportError
    assert lower_criterion(LOWERED[0][0]) is None


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
