"""Set 19's voices, developed on after its one blind measurement (issue 15, round 16), and the wrong readings it found:
a requirement stated negated as a plain statement ('Response lacks a closing postscript starting with P.S.', met when
the response breaks the instruction) is the exact complement of the requirement; an annotation guideline's
procedure, decision and failure branch ('Count the words in the response. Give credit if there are 600 or more
words; no credit if there are fewer than 600.'); a rubric engineer's code-like notation ('num_sentences >= 50',
'freq("x") < 2', 'lang(output) == ru'). Wrong before: 'has a number of bullet points other than 3' was exactly 3,
'does not have exactly 4 paragraphs, or its first paragraph does not start with "x"' was the paragraph check itself,
'lang == en AND output is all uppercase' dropped the language. Wordings written for the tests, not set 19's
sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests
from rubricc.compiler.lower_grader import read_grader, restates

LOWERED = [
    # a requirement stated negated: its exact complement
    ("Reply lacks a postscript beginning with P.P.S.", "not:postscript", {"marker": "P.P.S"}),
    ("Response fails to provide two different answers separated by ******.", "not:two_responses", {}),
    ("Answer has no title in double angular brackets such as <<x>>.", "not:has_title", {}),
    ("Response has a number of bullet points other than 4.", "not:bullet_count", {"relation": "exactly", "n": 4}),
    ('Response does not have exactly 3 paragraphs separated by blank lines, or its second paragraph does not start '
     'with "harbor".', "not:paragraph_first_word", {"nth": 2, "word": "harbor", "num_paragraphs": 3}),
    ('Response omits one or more of the keywords "lantern", "comet".', "not:keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ('Response includes any of the forbidden words "lantern" or "comet".', "not:keywords_absent",
     {"keywords": ["lantern", "comet"], "whole_word": True}),
    ("Response is not written entirely in Swahili.", "not:response_language", {"language": "sw"}),
    ("Response contains uppercase letters or is not written in English.", "not:all_lowercase", {"language": "en"}),
    # an annotation guideline: procedure, decision, failure branch
    ("Count the words in the response. Give credit if there are 250 or more words; no credit if there are fewer "
     "than 250.", "word_count", {"relation": "at least", "n": 250}),
    ("Count every word in the response. The item is met if the total is below 80; 80 words or more does not meet it.",
     "word_count", {"relation": "less than", "n": 80}),
    ('Count how often "lantern" appears in the response, ignoring case. Mark YES if it appears 3 or more times, NO '
     'if fewer.', "keyword_frequency", {"keyword": "lantern", "relation": "at least", "n": 3}),
    ("Count the sentences. Mark YES if the response has 12 or more sentences, NO otherwise.", "sentence_count",
     {"relation": "at least", "n": 12}),
    ('Search the response for each of these keywords: "lantern" and "comet". Mark YES only if every one of them '
     'appears.', "keywords_present", {"keywords": ["lantern", "comet"]}),
    ("Look at the end of the response. Mark YES if it ends with the exact phrase \"Over and out.\", NO otherwise.",
     "ends_with", {"phrase": "Over and out."}),
    ("Mark YES if the whole response is in Swahili (sw). Mark NO if it is in another language.", "response_language",
     {"language": "sw"}),
    # code-like notation
    ("num_sentences >= 12", "sentence_count", {"relation": "at least", "n": 12}),
    ("len(words) < 300", "word_count", {"relation": "less than", "n": 300}),
    ('freq("lantern") < 3', "keyword_frequency", {"keyword": "lantern", "relation": "less than", "n": 3}),
    ("count('q', ignore case) >= 4", "letter_frequency", {"letter": "q", "relation": "at least", "n": 4}),
    ("lang(output) == sw", "response_language", {"language": "sw"}),
    ("lang == en AND output is all lowercase", "all_lowercase", {"language": "en"}),
    ("bullets (* / -) == 4", "bullet_count", {"relation": "exactly", "n": 4}),
    ("banned: lantern, comet -> 0 occurrences", "keywords_absent", {"keywords": ["lantern", "comet"]}),
    ("zero ',' characters anywhere", "no_commas", {}),
    # an unquoted end phrase bounded by a parenthesised 'nothing after' note; a bare list bounded by 'each of ... at
    # least once'; the whole response named by its parts; a note that the count breaks its bound; one word 'any of'
    ("**Sign-off**: Finishes with exactly Over and out! (no further words after it).", "ends_with", {"phrase": "Over and out!"}),
    ("ends with: See you soon. (nothing after)", "ends_with", {"phrase": "See you soon."}),
    ("**Keywords**: Mentions each of lantern, comet at least once.", "keywords_present", {"keywords": ["lantern", "comet"]}),
    ("Every part of the reply is in English and in lowercase.", "all_lowercase", {"language": "en"}),
    ("Response has fewer than 12 sentences, falling short of the required minimum.", "sentence_count",
     {"relation": "less than", "n": 12}),
    ('Response includes any of the banned words "lantern".', "keywords_present", {"keywords": ["lantern"], "whole_word": True}),
    # read right since round 16 (neural before: the round-2 policy for 'is missing', set 18's grader reader)
    ("The response is missing a title in double angular brackets.", "not:has_title", {}),
    ("Search the response for each of these keywords (case-insensitive): cat, dog. PASS only if none of them appears.",
     "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("Count occurrences of 'PASS if' in the response (case does not matter). PASS if it appears at least 2 times.",
     "keyword_frequency", {"keyword": "PASS if", "relation": "at least", "n": 2}),
    # fixed answers are found verbatim (case matters), not as keywords; 'adds text after it' is something following it
    ('Reply does not use any of the allowed answers "Yes, it is.", "No, it is not." or "Unsure."', "not:any_phrase_present",
     {"phrases": ["Yes, it is.", "No, it is not.", "Unsure."]}),
    ('Response does not end with the exact phrase "Over and out.", or adds text after it.', "not:ends_with",
     {"phrase": "Over and out."}),
]

NEURAL = [
    # a procedure that narrows or changes what is checked, or a failure branch that asks for more
    "Count the words in the title. Give credit if there are 5 or more words.",
    "Count the words in the first paragraph. Mark YES if the total is below 50.",
    "Count the paragraphs as the chunks between *** dividers. Mark YES only if there are exactly 2 non-empty paragraphs.",
    "Count the words. Mark YES if there are 50 or more words; mark NO if the response is rude.",
    'Count how often "lantern" appears in the response. Mark YES if it appears 3 or more times, NO if more.',
    # a language said and not read
    "lang == zz AND output is all uppercase",
    "written in zz and output is all uppercase",
    "The response must use the language of the prompt, in all lowercase.",
    # a negation with a quantifier or no requirement under it
    "Each paragraph does not start with the word \"the\".",
    "Response does not mention the side effects.",
    # two comparisons of one count
    "Response has fewer than 3 bullets or more than 6.",
    # a second mistake no reading says avoided; a negation beside a second requirement
    'Response does not end with "Over and out.", or adds a signature.',
    "The response is not rude, and the response is in English.",
    # a requirement named by description, not said ('does not adhere to the 3-paragraph limit')
    "The response does not adhere to the 3-paragraph limit.",
    # a judgement word is never a surface word, whatever a set's reason clause said (was response_language)
    "The response is rude, and the response is in English.",
    # a description of the ending, not its words
    "ends with: a question (nothing after)",
    "The response ends with a summary paragraph (nothing after it).",
]


test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)


def test_grader_reading_moves_words_only():
    said, procedures = read_grader("Count the sentences. Mark YES if the response has 12 or more sentences, NO otherwise.")
    assert said == "Pass if the response has 12 or more sentences; otherwise fail." and procedures == ["Count the sentences"]
    assert read_grader("Mark YES if the response has 12 or more sentences.") is None  # one clause: the frame readers' own
    assert read_grader("Count the sentences. The response is polite.") is None  # no decision
    assert restates("word_count", {"relation": "at least", "n": 5}, "Count the words in the response")
    assert not restates("word_count", {"relation": "at least", "n": 5}, "Count the words in the title")
    assert not restates("paragraph_count", {"relation": "exactly", "n": 2, "separator": "blank_line"},
                        "Count the paragraphs as the chunks between *** dividers")
