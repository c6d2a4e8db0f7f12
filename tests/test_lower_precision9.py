"""Two wrong programs blind set 9 found (measured once: 0.868 coverage, 0.9912 agreement), fixed as general
precision rules: a negated comparison is the other side of it, and a language criterion that also asks for
something else is not the language alone."""
import pytest

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower import lower_criterion


@pytest.fixture(params=[False, True], ids=["rules", "nearest"])
def stage(request, monkeypatch):
    monkeypatch.setattr(lower_nearest, "ENABLED", request.param)
    return request.param


@pytest.mark.parametrize("text,rel,n", [
    ("Acceptance: the reply is no shorter than 600 words.", "at least", 600),
    ("The reply is not shorter than 250 words.", "at least", 250),
    ("The answer is no longer than 80 words.", "at most", 80),
    ("The answer is not longer than 80 words.", "at most", 80),
    ("The reply is shorter than 600 words.", "less than", 600),
    ("The reply is longer than 600 words.", "more than", 600),
])
def test_a_negated_comparison_is_the_other_side(stage, text, rel, n):
    got = lower_criterion(text)
    assert got is not None and got.name == "word_count" and got.args == {"relation": rel, "n": n}, (text, got)


@pytest.mark.parametrize("text", [
    "Replies should be in English and typed fully in upper case.",
    "The manuscript needs to be entirely in English and entirely in lower case: please remove every capital letter.",
    "The answer is written only in Spanish and has no commas.",
    "The reply is entirely in French and under 100 words.",
])
def test_language_beside_another_requirement_is_not_the_language_alone(text):
    got = lower_criterion(text)
    assert got is None or got.name != "response_language", (text, got)


@pytest.mark.parametrize("text,lang", [("The response is written entirely in French.", "fr"),
                                       ("Respond only in German, no other language.", "de")])
def test_language_alone_still_lowers(text, lang):
    got = lower_criterion(text)
    assert got is not None and got.name == "response_language" and got.args == {"language": lang}
