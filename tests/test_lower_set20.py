"""Set 20's voices, developed on after its one blind measurement (issue 15, round 17): a yes/no question followed by
its failure note ('Is the response free of the words "a" or "b"? Answer No if any of them appears.', '... ? Any other
text outside the JSON means No.'), a count asked as a question after a procedure ('Count the sentences. Does the
response have at least 50? Answer Yes if the count is 50 or more.'), a negative-form checklist item with its subject
implicit ('Lacks a title ...', 'Is written, wholly or partly, in a language other than Hindi.', 'Paragraph count is
not 2, or the paragraphs are not separated by ***'), the repeat of a request named by a note on exactness ('(any change
to the wording counts)'), shorthand ('w/', 'request = ...', 'bullets == 3 (markdown)', '"x" x6+ occurrences', 'must
contain: a, b', 'lang == fa (Persian)', 'para #2 first word = x'), 'MUST NOT contain any uppercase letters', and a
gloss and a purpose beside an all-caps count. Wordings written for the tests, not set 20's sentences; NEURAL must
stay neural."""
from lowering_cases import lowering_tests
from rubricc.compiler.lower_grader import read_grader

LOWERED = [
    # a question, then what answers No
    ('Is the reply free of the words "lantern" or "comet"? Answer No if any of them appears.', "keywords_absent",
     {"keywords": ["lantern", "comet"], "whole_word": True}),
    ('Do all of these keywords appear in the reply: "lantern" and "comet"? Answer No if any one of them is missing.',
     "keywords_present", {"keywords": ["lantern", "comet"]}),
    ("Is the whole reply in Swahili? Answer No if any part of it is written in another language.", "response_language",
     {"language": "sw"}),
    ("Does the reply have fewer than 12 sentences? Mark No if it has 12 or more.", "sentence_count",
     {"relation": "less than", "n": 12}),
    ('Does the word "lantern" occur less than 3 times? Answer No if it appears 3 or more times.', "keyword_frequency",
     {"keyword": "lantern", "relation": "less than", "n": 3}),
    ("Is the reply in English and in capitals throughout? Answer No if any lowercase letter appears or if it is not "
     "in English.", "all_uppercase", {"language": "en"}),
    ("Is the whole reply valid JSON? A code fence around it is fine; any text outside the JSON means No.", "is_json", {}),
    # a count asked after a procedure
    ("Count the words. Does the reply have at least 300? Answer Yes if the count is 300 or more.", "word_count",
     {"relation": "at least", "n": 300}),
    ("Count each occurrence of the letter 'q', in either case. Is the total less than 4?", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 4}),
    # negative-form checklist items, subject implicit
    ("Lacks a title in double angular brackets, such as <<x>>.", "not:has_title", {}),
    ("Is missing a final postscript beginning with P.S.", "not:postscript", {}),
    ("Is not enclosed in double quotation marks from beginning to end.", "not:wrapped_in_quotes", {}),
    ('Uses any of the banned words "lantern" or "comet".', "not:keywords_absent", {"keywords": ["lantern", "comet"]}),
    ('Leaves out one or more of the required keywords "lantern" and "comet".', "not:keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ("Is written, wholly or partly, in a language other than Swahili.", "not:response_language", {"language": "sw"}),
    ("Has a number of bullet points other than 4 (more or fewer).", "not:bullet_count", {"relation": "exactly", "n": 4}),
    ('Either does not have exactly 3 paragraphs separated by blank lines, or its second paragraph does not start '
     'with the word "harbor".', "not:paragraph_first_word", {"nth": 2, "word": "harbor", "num_paragraphs": 3}),
    ("Paragraph count is not 3, or the paragraphs are not separated by the markdown divider ***.", "not:paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ('Does not end with the exact phrase "See you soon. Take care.", or adds text after it.', "not:ends_with",
     {"phrase": "See you soon. Take care."}),
    ("Does not open with a word-for-word copy of the request below (any change to the wording counts): Is a tomato "
     "(the fruit) a vegetable? Do not use commas.", "not:repeats_prompt",
     {"prompt_to_repeat": "Is a tomato (the fruit) a vegetable? Do not use commas."}),
    # older near misses read since this round as they were with a subject: a requirement stated failed is its exact
    # complement ('Fails to stay under 100 words' holds when the response has 100 or more)
    ("Fails to stay under 100 words.", "word_count", {"relation": "at least", "n": 100}),
    ("Fails to stay under 100 words, as the user asked.", "word_count", {"relation": "at least", "n": 100}),
    ("Does not repeat the request verbatim.", "not:repeats_prompt", {}),
    ('Does not use the word "very" more than once.', "keyword_frequency", {"keyword": "very", "relation": "at most", "n": 1}),
    # shorthand
    ("starts w/ verbatim repeat of request, then answer. request = Write a poem about rain.", "repeats_prompt",
     {"prompt_to_repeat": "Write a poem about rain."}),
    ("starts w/ verbatim repeat of request. request = Write w/ love a poem.", "repeats_prompt",
     {"prompt_to_repeat": "Write w/ love a poem."}),
    ("bullets == 4 (markdown * or -)", "bullet_count", {"relation": "exactly", "n": 4}),
    ('"lantern" x3+ occurrences', "keyword_frequency", {"keyword": "lantern", "relation": "at least", "n": 3}),
    ("must contain: lantern, comet", "keywords_present", {"keywords": ["lantern", "comet"]}),
    ("lang == fa (Persian), whole response", "response_language", {"language": "fa"}),
    ("paras == 3 (blank-line separated); para #2 first word = harbor", "paragraph_first_word",
     {"nth": 2, "word": "harbor", "num_paragraphs": 3}),
    # a modal prohibition of any uppercase; an all-caps count's gloss and purpose
    ("The reply MUST be in English and MUST NOT contain any uppercase letters.", "all_lowercase", {"language": "en"}),
    ("Uses all-caps words (every letter uppercase) at least 8 times for emphasis.", "capital_word_frequency",
     {"relation": "at least", "n": 8}),
]

NEURAL = [
    # a failure note that is no way to fail the question's check, or another check
    "Does the reply have fewer than 12 sentences? Answer No if it is rude.",
    'Is the reply free of the words "lantern" or "comet"? Answer No if it mentions politics.',
    "Is the whole reply in Swahili? Answer No if it has fewer than 10 words.",
    "Is the whole reply valid JSON? Being vague means No.",
    "Is the reply free of commas? Answer No if the reply is very long.",
    # a question's decision that does not ask the same
    "Count the sentences. Does the reply have at least 50? Answer Yes if the count is 40 or more.",
    "Count the words. Does the reply have at least 50? Answer No if it is rude.",
    # a negative-form item beside a second mistake that is not read, or about content
    "Is rude, or lacks a title wrapped in double angular brackets.",
    "Lacks empathy.",
    "Does not answer the question.",
    "Fails to mention the side effects of aspirin.",
    'Uses any of the words "lantern" or "comet" in a derogatory way.',
    "Is written in a language other than Klingon.",
    "Does not begin with a word-for-word repetition of the request below, or is rude: Write a poem about rain.",
    # a second thing forbidden beside a count (wrong before, with a subject: the emoji were dropped)
    "Does not use more than 2 exclamation marks or any emoji.",
    "The reply does not use more than 3 question marks or any emoji.",
    # a bare list of words surface requirements are said in; a language and another named in parentheses
    "must contain: title, bullets",
    "lang == fa (German), whole response",
    "Uses all-caps words for every heading at least 8 times.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)


def test_question_after_procedure_is_read_as_the_decision():
    said, procedures = read_grader("Count the sentences. Is the total less than 9?")
    assert said == "Pass if the response has less than 9 sentences." and procedures == []
    assert read_grader("Is the total less than 9?") is None  # no procedure: nothing says what the total counts
