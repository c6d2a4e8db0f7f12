"""Readings added on blind set 14 as a development set (:mod:`rubricc.compiler.lower_voices8`): a linter rule's
documentation, a funder's guidelines with their rejection clause, an operator's house rules for replies, a paper
appendix's definitions, and a metric's explicit 0-branch; what a voice restates beside the requirement must be the
exact complement (or the same check). The wordings are written for the tests, not taken from the set."""
import pytest

from rubricc.compiler.lower import lower_criterion

POSITIVE = [
    # a linter rule: the complement of what it flags, a count's relation flipped exactly
    ("The rule raises an error if the text has fewer than 250 words.", "word_count", {"relation": "at least", "n": 250}),
    ("This rule reports an error whenever the document contains 9 or more sentences.", "sentence_count", {"relation": "less than", "n": 9}),
    ("This rule counts sentences and reports an error if there are 14 or more.", "sentence_count", {"relation": "less than", "n": 14}),
    ("This rule counts occurrences of the letter k, ignoring case, and reports an error if the count is below 3.",
     "letter_frequency", {"letter": "k", "relation": "at least", "n": 3}),
    ("This rule counts case-insensitive matches of \"harbor\" anywhere in the text and reports an error if there are 5 or more.",
     "keyword_frequency", {"keyword": "harbor", "relation": "less than", "n": 5}),
    ("This rule flags each comma in the document. A text passes only if no comma is found.", "no_commas", {}),
    ("This rule flags the text as soon as its length reaches 80 words. Keep it under 80 words.", "word_count", {"relation": "less than", "n": 80}),
    ("This rule reports an error if the language of the text is not German.", "response_language", {"language": "de"}),
    ("This rule reports an error for each of the words \"moss\" and \"fern\" that does not appear in the document.",
     "keywords_present", {"keywords": ["moss", "fern"]}),
    # a funder's guideline and its rejection clause, the exact complement
    ("Applications must contain at least 40 sentences. Applications with fewer will be rejected.", "sentence_count", {"relation": "at least", "n": 40}),
    ("Submissions must be under 300 words. Submissions of 300 words or more will be returned without review.",
     "word_count", {"relation": "less than", "n": 300}),
    ("Proposals must run to no fewer than 450 words; proposals under 450 words will be returned without review.",
     "word_count", {"relation": "at least", "n": 450}),
    ("Proposals must contain fewer than 20 sentences. Longer proposals will be returned without review.", "sentence_count", {"relation": "less than", "n": 20}),
    ("Applications must be written entirely in Italian. Applications in any other language will be rejected.", "response_language", {"language": "it"}),
    ("Proposals must be written in English using only lowercase letters. Any capital letter will result in the proposal being rejected.",
     "all_lowercase", {"language": "en"}),
    ("Proposals must avoid the words \"synergy\" and \"paradigm\". Proposals containing any of them, ignoring case, will be rejected.",
     "keywords_absent", {"keywords": ["synergy", "paradigm"], "whole_word": True}),
    ("Proposals must contain exactly 4 bullet points in markdown. Proposals with a different number of bullet points will be rejected.",
     "bullet_count", {"relation": "exactly", "n": 4}),
    # a house rule for replies, its product reason read as a reason
    ("Replies stay below 120 words; the widget truncates longer text.", "word_count", {"relation": "less than", "n": 120}),
    ("Replies always mention \"refund\"; the support team tracks that term.", "keywords_present", {"keywords": ["refund"]}),
    # a paper appendix's definition
    ("Let n(r) be the number of sentences in r. The constraint holds iff n(r) >= 7.", "sentence_count", {"relation": "at least", "n": 7}),
    ("Let w(r) denote the number of words in r. The constraint holds iff w(r) < 55.", "word_count", {"relation": "less than", "n": 55}),
    ("Let k(r) be the number of case-insensitive occurrences of \"orbit\" in r. The constraint holds iff k(r) ≥ 2.",
     "keyword_frequency", {"keyword": "orbit", "relation": "at least", "n": 2}),
    ("Let r denote the response. The constraint holds iff no comma occurs anywhere in r.", "no_commas", {}),
    ("The constraint holds iff r is written in English and every cased character in r is uppercase.", "all_uppercase", {"language": "en"}),
    # a metric's explicit 0-branch, the exact complement
    ("Each response is scored 1 if it has fewer than 90 words, and 0 if it has 90 words or more.", "word_count", {"relation": "less than", "n": 90}),
    ("A response receives 1 if every one of the keywords \"tide\" and \"moon\" appears in it, and 0 if any of them is missing.",
     "keywords_present", {"keywords": ["tide", "moon"]}),
]


@pytest.mark.parametrize("text,name,args", POSITIVE)
def test_reads(text, name, args):
    got = lower_criterion(text)
    assert got is not None, text
    assert got.name == name, (text, got.name, got.args)
    assert args.items() <= got.args.items(), (text, got.args)


NEGATIVE = [
    # a rejection clause that is not the exact complement of the requirement
    "Proposals must be at least 600 words long. Proposals under 500 words will be returned without review.",
    "Proposals must be fewer than 300 words long. Proposals of 250 words or more will be returned without review.",
    "Proposals must contain at least 10 sentences. Proposals without a title will be returned without review.",
    "Proposals must list exactly 3 bullet points. Proposals with fewer will be returned without review.",
    "Proposals must contain fewer than 20 sentences. Shorter proposals will be returned without review.",
    "Proposals must be written entirely in Hindi. Proposals in any other format will be returned without review.",
    # a metric's 0-branch that is not the complement of its 1-branch
    "Each response is scored 1 if it has fewer than 90 words, and 0 if it has 80 words or more.",
    "Each response is scored 1 if it contains no commas, and 0 if it has a title.",
    # a linter rule whose complement has no program, or whose passing sentence asks for something else
    "This rule reports an error if the text is hard to read.",
    "This rule flags every passive sentence in the document.",
    "This rule flags every comma in the text. A document passes only when it is written in French.",
    "This rule flags the document once its length reaches 100 words. Keep it under 90 words.",
    "This rule reports an error when the document has fewer than 100 words or no title.",
    # an appendix defining something else, or a condition not on the defined function
    "Let w(r) be the number of words in r. The constraint holds iff v(r) < 50.",
    "Let w(r) be the number of words in the title of r. The constraint holds iff w(r) < 8.",
    "Let w(r) be the number of words in r. The constraint holds iff w(r) < 50 and r is in English.",
    "Let r' be r without its first line. The constraint holds iff r' contains no commas.",
    # a house rule's reason that adds a requirement
    "Replies stay under 80 words; legal asks for a title.",
    "Replies stay under 80 words; the reply also contains a title.",
    "Replies stay under 80 words; this client wants full write-ups, not quick answers.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_stays_neural(text):
    assert lower_criterion(text) is None, text


def test_linter_flips_the_right_way():
    a = lower_criterion("This rule reports an error when the document has fewer than 30 sentences.")
    b = lower_criterion("This rule reports an error when the document has 30 or more sentences.")
    assert a is not None and (a.args["relation"], a.args["n"]) == ("at least", 30)
    assert b is not None and (b.args["relation"], b.args["n"]) == ("less than", 30)


def test_negated_linter_condition_is_not_flipped_here():
    # 'reports an error if no postscript appears' is not read by this voice as a disqualification of 'a postscript appears'
    got = lower_criterion("This rule reports an error if the text does not mention \"otter\".")
    assert got is None or (got.name == "keywords_present" and got.args["keywords"] == ["otter"])


def test_a_zero_first_metric_on_a_count_stays_neural():
    # 'scored 0 if X, and 1 otherwise' is read as a disqualification only for a condition with no count and no negation
    assert lower_criterion("Each reply is scored 0 if it contains 12 or more sentences, and 1 otherwise.") is None
    got = lower_criterion("Each response is scored 0 if it uses the word \"lava\" or \"ash\", and 1 otherwise.")
    assert got is None or got.name == "keywords_absent"
