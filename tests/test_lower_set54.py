"""Two wrong readings blind set 54 found at its one measurement (issue 15, round 45), fixed after it: a count's side
said with 'even' ('eight times or even more' was read as exactly eight) and a request to repeat framed as saying it
'again' in 'the same words' (the frame was not read, so the request's own words were: its 'title wrapped in double
angular brackets' was read as the criterion). Wordings written for the tests, not set 54's sentences. NEURAL must
stay neural: a request said again whose frame is not read, with requirements inside the request.
"""
from lowering_cases import lowering_tests

LOWERED = [
    ('The word "harbor" appears in the reply 4 times or even more.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 4}),
    ('The reply uses the word "gull" three times or perhaps more.', "keyword_frequency",
     {"keyword": "gull", "relation": "at least", "n": 3}),
    ("The reply has 5 paragraphs or even fewer.", "paragraph_count", {"relation": "at most", "n": 5}),
    # (neural until round 46, when 'again in exactly the same words' became a frame read: the request is data)
    ("First the reply says my question again in exactly the same words. The request was: Write a story of at least 300 "
     "words.", "repeats_prompt", {"prompt_to_repeat": "Write a story of at least 300 words."}),
]

NEURAL = [
    # the request's words are data: a title, a comma rule, a count inside it are never the criterion
    "My reply starts by saying the request again in the same words. The request was: Write a memo. Put its title in "
    "double angular brackets, i.e. <<memo>>.",
    "The reply says the request again, exactly the same words, first. The request was: Describe a harbor without using "
    "any commas.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
