"""The nearest stage's typed extractors: idioms the coarse vetoes must not misread, and which case a case
criterion asks for (compiler/lower_nearest.py ``_plain``, compiler/lower_nearest_vetoes.py ``required_case``).

Wordings of my own (none from a phrasing set); no model needed: the extractors are plain functions.
"""
import pytest

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower_nearest_vetoes import required_case

READ = [
    ("all_lowercase", "Everything is typed in lowercase letters, and there are no capital letters at all"),
    ("all_uppercase", "The piece is set in uppercase; lowercase letters are never allowed"),
    ("bullet_count", "Exactly four bullet points appear, no more and no less"),
    ("paragraph_count", "Exactly four paragraphs, split from one another by ***"),
    ("letter_frequency", 'The letter "q" shows up at least 3 times (either case counts)'),
    ("keyword_frequency", 'The word "lantern" appears fewer than 4 times, case-insensitively'),
    ("keywords_present", 'Uses each of the following terms: "harbor", "tide"'),
    ("word_count", "\u2264 250 words"),
    ("is_json", "The whole reply is well-formed JSON"),
    ("two_responses", "Gives two separate answers, divided by six asterisks (******)"),
    ("any_phrase_present", 'Contains one of the phrases "My answer is yes.", "My answer is no.", "My answer is maybe."'),
    ("no_commas", "Not one comma appears in the text, from beginning to end"),
    ("no_commas", "The reply cannot have even one comma in it"),
    ("keywords_absent", "Must not contain any of the following word(s): dusk, ember"),  # 'word(s)' is no list
    ("keywords_present", "Includes each of these keywords (case-insensitive): dusk, ember"),  # the note is no list
    ("word_count", "Meets a minimum length of 300 words"),
    ("is_json", "The answer is JSON only; it may be wrapped in a ``` code block but contains nothing else"),
    ("section_count", 'Has at least 3 sections, each beginning with the word "Part"'),
    ("paragraph_count", "Exactly 3 paragraphs, with each paragraph separated from the next by ***"),
    ("bullet_count", "Exactly 5 bullet points (lines starting with * or -)"),
    ("all_lowercase", "Every letter of the reply is lowercase"),
    ("ends_with", 'Concludes with the exact phrase "See you soon.", with no further text after it'),
    ("postscript", 'Adds a postscript beginning with "P.S."'),
    ("wrapped_in_quotes", "The reply begins and ends with a double quotation mark"),
    ("response_language", "Written fully in German, not using any other language"),
    ("two_responses", "Two distinct responses separated by a six-asterisk delimiter (******)"),
    ("keywords_absent", 'The bot cannot say "sleet" or "hail" anywhere in its reply'),
]
ARGS = {  # the arguments read, where a row's are worth stating
    "Exactly four bullet points appear, no more and no less": {"relation": "exactly", "n": 4},
    "Exactly four paragraphs, split from one another by ***": {"relation": "exactly", "n": 4, "separator": "***"},
    'The letter "q" shows up at least 3 times (either case counts)':
        {"relation": "at least", "n": 3, "letter": "q", "case_sensitive": False},
    "\u2264 250 words": {"relation": "at most", "n": 250},
    "Must not contain any of the following word(s): dusk, ember": {"keywords": ["dusk", "ember"], "whole_word": True},
    "Includes each of these keywords (case-insensitive): dusk, ember": {"keywords": ["dusk", "ember"], "whole_word": False},
    'Uses each of the following terms: "harbor", "tide"': {"keywords": ["harbor", "tide"], "whole_word": False},
    "Meets a minimum length of 300 words": {"relation": "at least", "n": 300},
    'Has at least 3 sections, each beginning with the word "Part"': {"splitter": "Part", "relation": "at least", "n": 3},
    "Written fully in German, not using any other language": {"language": "de"},
}

NEURAL = [
    ("all_lowercase", "The reply contains no lowercase letters"),  # asks for the other case
    ("all_lowercase", "Uses no capital letters and no lowercase letters"),  # both forbidden
    ("all_uppercase", "Lowercase letters only; capitals are not permitted"),
    ("all_lowercase", "Set entirely in capitals; lower-case letters are not permitted"),
    ("bullet_count", "Exactly four bullet points, no more and no fewer, each under ten words"),  # a part
    ("two_responses", "Gives three answers separated by six asterisks"),  # another number
    ("letter_frequency", 'The letter "q" appears at least 3 times in uppercase'),  # a case the count does not take
    ("keywords_present", 'Uses each of the following terms in every paragraph: "harbor", "tide"'),  # a part
    ("paragraph_count", "Four paragraphs, each other line indented, split by ***"),  # 'each other line' is a part
    ("no_commas", "The response contains one comma"),  # one comma is not none
    ("no_commas", "The reply has one comma or fewer"),
    ("keywords_absent", 'Mentions "harbor" and does not mention "tide"'),  # one word asked for, one banned
    ("keywords_absent", 'Does not use "I think" to open the answer'),  # a position
    ("section_count", "Has at least 3 sections, each beginning with a summary"),  # a part
    ("ends_with", 'Concludes with "See you soon." and then adds a signature'),
]


@pytest.mark.parametrize("text,core", [
    ("TC-7: The output contains zero commas.", "The output contains zero commas"),
    ("REQ-12. The reply is in German.", "The reply is in German"),
    ("[AC3] Uses at most 40 words.", "Uses at most 40 words"),
    ("3 paragraphs: no more, no fewer.", "3 paragraphs: no more, no fewer"),  # a count, not an id
])
def test_requirement_ids_are_labels(text, core):
    assert lower_nearest._strip(text) == core


@pytest.mark.parametrize("check,text", READ)
def test_idioms_read(check, text):
    got = lower_nearest._extract(check, text)
    assert got is not None, (check, text)
    if text in ARGS:
        assert got == ARGS[text]


@pytest.mark.parametrize("check,text", NEURAL)
def test_near_misses_stay_unread(check, text):
    assert lower_nearest._extract(check, text) is None, (check, text)


@pytest.mark.parametrize("text,case", [
    ("only lowercase letters, with no capital letters anywhere", "lower"),
    ("set entirely in capitals; lower-case letters are not permitted", "upper"),
    ("contains no uppercase letters", "lower"),
    ("contains no lowercase letters", "upper"),
    ("all lowercase, zero caps", "lower"),
    ("don't use capital letters", "lower"),
    ("every letter in uppercase", "upper"),
    ("no uppercase or lowercase distinction", None),
    ("uppercase and lowercase letters", None),
    ("no lowercase letters and no capital letters", None),
    ("a short answer", None),
])
def test_required_case(text, case):
    assert required_case(text) == case
