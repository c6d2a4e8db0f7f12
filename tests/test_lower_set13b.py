"""Readings added on blind set 13 as a development set (:mod:`rubricc.compiler.lower_voices7`): judging rules, contract
clauses, hedged rubric items, client briefs, dictation, and matching notes read against the check's own semantics.
The wordings are written for the tests, not taken from the set."""
import pytest

from rubricc.compiler.lower import lower_criterion

POSITIVE = [
    # a judging rule: the point is awarded when the criterion holds
    ("Judges give the point only if the reply contains exactly 4 markdown bullet points.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("The panel awards a point when the response ends with the exact phrase \"See you soon.\"", "ends_with", {"phrase": "See you soon."}),
    ("Submissions are disqualified unless the whole reply is written in French.", "response_language", {"language": "fr"}),
    # a disqualification: the complement, a count's relation flipped
    ("Entries are disqualified if the response contains 12 or more sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("An entry is disqualified if the response has fewer than 200 words.", "word_count", {"relation": "at least", "n": 200}),
    ("Entries are disqualified if a comma appears anywhere in the text.", "no_commas", {}),
    ("Entries are disqualified if the letter 'z' occurs 4 or more times in the entry, upper and lower case counted together.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Entries are disqualified if the response contains the word \"banana\" or \"mango\", as whole words, ignoring case.",
     "keywords_absent", {"keywords": ["banana", "mango"], "whole_word": True}),
    # a contract clause
    ("The Deliverable shall comprise at least 300 words.", "word_count", {"relation": "at least", "n": 300}),
    ("The Deliverable shall contain fewer than 6 sentences; a Deliverable of 6 or more sentences shall be deemed non-compliant.",
     "sentence_count", {"relation": "less than", "n": 6}),
    ("The Deliverable shall consist of precisely 3 Paragraphs, separated by the markdown divider ***, and no Paragraph between two "
     "dividers shall be empty.", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The Deliverable shall contain precisely 2 markdown bullet points, each being a line starting with an asterisk or a hyphen, "
     "and neither more nor fewer.", "bullet_count", {"relation": "exactly", "n": 2}),
    # a hedged rubric item and its purpose clause
    ("The model's reply should ideally contain at least 12 sentences, in order to satisfy the user's length request.",
     "sentence_count", {"relation": "at least", "n": 12}),
    ("The model's answer should ideally avoid the words \"storm\" and \"rain\", so that none of them appears as a standalone word, "
     "in order to satisfy the user's request to exclude them.", "keywords_absent", {"keywords": ["storm", "rain"], "whole_word": True}),
    ("The model's answer should ideally contain under 90 words, in order to satisfy the user's request to stay under 90 words.",
     "word_count", {"relation": "less than", "n": 90}),
    # a client's brief
    ("Client wants 'harbor' used sparingly: fewer than 3 mentions in the copy, in any capitalization.",
     "keyword_frequency", {"keyword": "harbor", "relation": "less than", "n": 3}),
    ("Client wants these keywords in the copy: \"lagoon\", \"reef\" - each must appear at least once (any capitalization).",
     "keywords_present", {"keywords": ["lagoon", "reef"]}),
    ("Client wants it short: the copy must stay under 120 words - 120 words or more won't be accepted.",
     "word_count", {"relation": "less than", "n": 120}),
    # a repeat frame in a contract's or a translated constraint's words
    ("The Deliverable shall commence with a verbatim copy of the following request, no words or characters preceding it "
     "(letter case excepted): \"List three rivers.\"", "repeats_prompt", {"prompt_to_repeat": "List three rivers."}),
    ("The reply must first restate the request word for word without any change, not saying anything before it, then give the "
     "answer. The request is: \"Name a planet.\"", "repeats_prompt", {"prompt_to_repeat": "Name a planet."}),
    # restated definitions of what a check counts: the quotes at both ends, no other language
    ("The Deliverable shall be enclosed within double quotation marks, its first and last characters being the double quotation mark (\").",
     "wrapped_in_quotes", {}),
    ("The whole reply is required to use Thai language; reply content must not appear other languages.", "response_language", {"language": "th"}),
    # dictation
    ("uh so do not use the words pepper, salt at all not even once", "keywords_absent", {"keywords": ["pepper", "salt"]}),
    # matching notes that say what the check does
    ("The response must include the keywords \"tide\" and \"moon\", case-insensitively.", "keywords_present", {"keywords": ["tide", "moon"]}),
    ("The response must not use the words \"alpha\" or \"beta\", in any capitalization, as whole words.",
     "keywords_absent", {"keywords": ["alpha", "beta"], "whole_word": True}),
    ("The reply uses \"glow\" at least 3 times, counting occurrences inside other words as well, regardless of case.",
     "keyword_frequency", {"keyword": "glow", "relation": "at least", "n": 3}),
]


@pytest.mark.parametrize("text,name,args", POSITIVE)
def test_reads(text, name, args):
    got = lower_criterion(text)
    assert got is not None, text
    assert got.name == name and args.items() <= got.args.items(), (text, got)


NEUTRAL = [
    # a case-sensitive note on a check that ignores case
    "Judges award the point if the response mentions \"River\", case-sensitively.",
    "Entries are disqualified unless the response includes the keyword \"Tide\", matching case.",
    # a whole-word ban said to reach inside longer words: not the check's semantics
    "The response must not contain \"tide\", even as part of a longer word.",
    # a purpose clause that asks for something else
    "The model's response should ideally contain at least 50 words, in order to satisfy the user's request to keep it under 40 words.",
    "The model's response should ideally contain at least 50 words, in order to satisfy the user's request to explain the topic.",
    # a client's gist that is not about frequency
    "Client wants 'harbor' in bold: at least 3 mentions in the copy.",
    # a client's gist of a length that the length after it contradicts (lowered to the length before)
    "Client wants it long: the copy runs under 120 words.",
    "Client wants it brief: the copy must have at least 400 words.",
    # a purpose clause asking for another check beside a repeat
    "The response should begin by repeating the request word for word, with nothing before it, in order to satisfy the user's "
    "request to use fewer than 30 words. The request is: \"Write a poem about rain.\"",
    # a case-sensitive repeat: the check ignores case
    "The response must start with the request repeated verbatim (case-sensitive), with nothing before it: \"Write a poem.\"",
    # a translated prohibition that is not a restatement of the language
    "The whole reply is required to use Thai language; reply content must not appear English words.",
    # a restated rejection that is not the complement
    "The Deliverable shall contain fewer than 6 sentences; a Deliverable of 9 or more sentences shall be deemed non-compliant.",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_stays_neural(text):
    assert lower_criterion(text) is None, text


def test_disqualification_flips_the_right_way():
    # 'disqualified if fewer than N' asks for at least N; 'disqualified if N or more' for fewer than N
    a = lower_criterion("Entries are disqualified if the response has fewer than 8 sentences.")
    b = lower_criterion("Entries are disqualified if the response has 8 or more sentences.")
    assert a is not None and (a.args["relation"], a.args["n"]) == ("at least", 8)
    assert b is not None and (b.args["relation"], b.args["n"]) == ("less than", 8)


def test_a_failure_branch_on_a_count_stays_neural():
    # the round-5 policy (FLIP_COUNTS off) is unchanged outside a disqualifying rule
    assert lower_criterion("Mark No if the response has fewer than 300 words; otherwise mark Yes.") is None


def test_section_splitter_in_exact_case():
    got = lower_criterion("The Deliverable shall be divided into no fewer than 2 Sections, each marked by the word \"PART\" "
                          "(in that exact case) followed by its number.")
    assert got is None or (got.name == "section_count" and got.args["splitter"] == "PART")


def test_whole_word_note_on_a_presence_stays_neural():
    # keyword existence matches substrings: a whole-word note contradicts it outside a disqualifying rule
    assert lower_criterion("Judges award the point if the response contains the word \"sun\", matched as a whole word.") is None


@pytest.mark.parametrize("text,name", [
    ("Entries are disqualified if the response contains exactly 3 paragraphs.", "not:paragraph_count"),
    ("Entries are disqualified if the response is written in French.", "not:response_language"),
    ("Entries are disqualified if the response contains the keywords \"alpha\" and \"beta\".", "not:keywords_present"),
])
def test_disqualification_without_a_swapped_twin_is_the_not_complement(text, name):
    # these were neural (no check expressed their complement) until every primitive had its 'not:' one (round 15)
    got = lower_criterion(text)
    assert got is not None and got.name == name, got
