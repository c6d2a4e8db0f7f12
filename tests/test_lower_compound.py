"""Compound criteria whose second requirement sits in another sentence or after a semicolon, and a disqualifying frame
around a negated 'any of' (:mod:`rubricc.compiler.lower`, :mod:`rubricc.compiler.lower_voices4`). The NEURAL wordings
were each lowered to one of their checks before (found reviewing the eleventh round); written for the tests."""
import pytest

from rubricc.compiler.lower import lower_criterion

NEURAL = [
    # a second check said of the response again after a semicolon or a full stop
    'The answer stays under 80 words; it also ends with "Thanks!".',
    'The answer has under 80 words. It ends with "Thanks!".',
    'The answer ends with "Thanks!". It also stays under 80 words.',
    'The reply is written in all capital letters; the reply also contains at least 3 bullet points.',
    # ... or a clause only the nearest-phrasing stage reads ('is in lowercase')
    'The answer is in lowercase. It also ends with "Thanks!".',
    'The answer is in lowercase and ends with "Thanks!".',
    # 'any of X does not appear' under a disqualifying frame: its complement is 'each of X appears', never 'none of X'
    'Entries are disqualified if any of the keywords "cat" does not appear anywhere in the response.',
    'Entries are disqualified if any of the keywords "cat" and "dog" does not appear in the response.',
]

LOWERED = [
    # a second sentence restating the same check
    ("The response is in lowercase. It uses no capital letters.", "all_lowercase", {}),
    ("The whole answer is in Bengali and uses no other language.", "response_language", {"language": "bn"}),
    # a disqualification on any one of several words present is the ban on all of them
    ('Entries are disqualified if any of the words "cat" or "dog" appears in the response.', "keywords_absent",
     {"keywords": ["cat", "dog"]}),
    ("Entries are disqualified if the response contains any comma.", "no_commas", {}),
]


@pytest.mark.parametrize("text", NEURAL)
def test_stays_neural(text):
    assert lower_criterion(text) is None, text


@pytest.mark.parametrize("text,name,args", LOWERED)
def test_lowered(text, name, args):
    got = lower_criterion(text)
    assert got is not None and got.name == name and args.items() <= got.args.items(), (text, got)
