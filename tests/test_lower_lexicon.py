"""A compound criterion whose second clause no rule reads stays neural unless that clause is said in the words surface
requirements are said in (:mod:`rubricc.compiler.lower_lexicon`); a language named beside a check not about language
keeps it neural. The wordings are written for the tests; the wrong lowerings in NEURAL were the library's before."""
import sys
from pathlib import Path

import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_lexicon import asks_more, format_words, normal, unknown_words

NEURAL = [
    # a count joined to a clause about content (each lowered to the count before)
    "The response is fewer than 100 words and is polite.",
    "The response has fewer than 100 words and is polite.",
    "Fewer than 10 sentences and cites a source.",
    "Uses fewer than 100 words and avoids jargon.",
    "The response is under 100 words and sounds friendly.",
    "Stays under 300 words and thanks the user.",
    "The response contains no commas and is written for a child.",
    "Has exactly 3 bullet points and mentions a deadline.",
    "The reply is written entirely in lowercase letters but remains courteous.",
    # ... or beside it after a comma, a semicolon or a full stop
    "Fewer than 100 words, written politely.",
    "No commas; uses simple vocabulary.",
    "Fewer than 50 words. Mentions the dosage.",
    "The answer is in French, addressed to a child.",
    # ... or in a relative clause
    "Has a title in double angular brackets that names the disease.",
    "The response has exactly 3 bullet points that each describe a symptom.",
    # a language scoping or added to another check
    "Responses written in French must have 3 paragraphs.",
    "Responses written in French must have 3 paragraphs separated by ***.",
    "The response is in Spanish and contains no commas.",
    # a predicate before the check, in the first clause with its subject (each lowered to the check before)
    "The response is polite and contains at least 200 words.",
    "The reply is friendly, and the entire reply is in lowercase.",
    "The answer cites a source and has fewer than 80 words.",
    # a bare adjective after a copula's check, and a description of the response by 'with'
    "The answer is under 50 words and funny.",
    "The reply is written in lowercase and upbeat.",
    "Replies in fewer than 100 words, with a warm greeting.",
    "Has exactly 3 bullet points, with a citation after each.",
    # a participle of a verb of content after the check's object
    "Includes a title in double angular brackets naming the city.",
    "Has at least 3 sections highlighting the main findings.",
]

LOWERED = [
    # clauses said in the words surface requirements are said in
    ("Does the answer begin and end with a double quote (\")?", "wrapped_in_quotes"),
    ("The whole answer is in Bengali and uses no other language.", "response_language"),
    ("Lowercase English: the full text is in English and contains no upper-case letters.", "all_lowercase"),
    ("Write exactly 6 paragraphs and separate them with the markdown divider ***.", "paragraph_count"),
    ("Give two different responses, and separate them with exactly six asterisks: ******.", "two_responses"),
    ("The whole response is valid JSON; wrapping it in a markdown code fence is fine.", "is_json"),
    ("Exactly 4 paragraphs, separated by the markdown divider ***.", "paragraph_count"),
    ("The response is in all lowercase letters. No capital letters at all.", "all_lowercase"),
    # the check's own unquoted data is no foreign word ('Audience'), British spelling and inflection are one word
    ("Uses 2 sections, each introduced by the word Audience and its number.", "section_count"),
    ("Organise the reply into at least 3 sections and open each with the heading Chapter plus its number: Chapter 1, Chapter 2, and so on.",
     "section_count"),
    # English beside a case check is the case check's own wording; a language as keyword data
    ("The response is in English and uses only capital letters.", "all_uppercase"),
    ('The reply contains the word "English" at least twice.', "keyword_frequency"),
    ("The response is fewer than 100 words.", "word_count"),
    # a first clause that is the check itself, a 'with' clause and a short tail said in surface words
    ("The response is in all lowercase, and no capital letters are used.", "all_lowercase"),
    ("The entire response is in lowercase letters, with no capital letters at all.", "all_lowercase"),
    ("The response has at least 300 words in total.", "word_count"),
    ("The answer is fewer than 40 words, nothing else.", "word_count"),
]


@pytest.mark.parametrize("text", NEURAL)
def test_compound_with_unread_clause_stays_neural(text):
    assert lower_criterion(text) is None


@pytest.mark.parametrize("text,name", LOWERED)
def test_surface_compound_is_lowered(text, name):
    got = lower_criterion(text)
    assert got is not None and got.name == name


def test_vocabulary_and_stems():
    words = format_words()
    assert normal("organised") == normal("organizes") and normal("heading") == normal("headings")
    assert {normal(w) for w in ("paragraphs", "separate", "quotation", "twelfth", "bengali")} <= words
    assert {normal(w) for w in ("polite", "jargon", "child", "friendly")}.isdisjoint(words)
    assert unknown_words('is polite and says "courteous things"') == ["polite"]  # quotations are data


def test_asks_more_reads_parts_and_languages():
    reads = lambda part: False  # noqa: E731  (no rule reads any part)
    assert asks_more("has 3 paragraphs and is polite", "paragraph_count", {"n": 3}, reads)
    assert not asks_more("has 3 paragraphs and separates them with ***", "paragraph_count", {"n": 3}, reads)
    assert asks_more("written in french, has 3 paragraphs", "paragraph_count", {"n": 3}, reads)
    assert not asks_more("written in french", "response_language", {"language": "fr"}, reads)
    assert not asks_more("mentions french twice", "keyword_frequency", {"keyword": "French"}, reads)


def test_vocabulary_file_is_what_the_sets_give():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.format_words import main

    assert main(["--check"]) == 0, "compiler/format_words.txt is stale: python bench/format_words.py"


@pytest.mark.parametrize("text", [
    "The response is rude or contains fewer than 200 words.",
    "Entries are disqualified if the response is off-topic or contains fewer than 200 words.",
    "Entries are disqualified if the response contains fewer than 200 words or is off-topic.",
    "Fail if the response has more than 3 paragraphs or it ignores the question; pass otherwise.",
])
def test_a_check_in_one_branch_of_a_disjunction_stays_neural(text):
    assert lower_criterion(text) is None


def test_two_verbs_sharing_one_object_are_one_predicate():
    got = lower_criterion("The response starts with or contains a title formatted as <<title>>.")
    assert got is not None and got.name == "has_title"
