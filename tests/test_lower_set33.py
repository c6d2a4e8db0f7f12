"""Set 33's voices, developed on after its one blind measurement (issue 15, round 28): an annotation guide that defines
by example ('(e.g. ...)', ', for instance ...', 'each written like ...'), read off as an example that must agree with
the check (a quoted sample run through the check, a unit it counts as one, no scope, no negation, no content); an
easy-read guide's short sentences that say the same requirement again ('The answer has no commas. Not one comma is in
it.'); an auditor's 'proves to be', 'is found to be' and a grader's 'On inspection, ...'; an episode reviewer's present
perfect ('The assistant has kept ...'); a judge's 'lines in the response start with * or -' and 'the exact sentence A,
B or C'; a case rule that says it covers names too ('names included'). Wordings written for the tests, not set 33's
sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # an example given of the check
    ("The answer runs to at least 250 words (all of it counts, for example a heading as well as the body).", "word_count",
     {"relation": "at least", "n": 250}),
    ("The reply has fewer than 9 sentences (a one-word sentence such as 'Sure.' counts as one).", "sentence_count",
     {"relation": "less than", "n": 9}),
    ("The answer is entirely lowercase, e.g. 'we met at noon.' rather than 'We met at noon.'", "all_lowercase", {}),
    ("The reply is written in capital letters only (e.g. 'GOOD MORNING TO YOU').", "all_uppercase", {}),
    ("The response has exactly 4 bullet points, each written like '- a point'.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("The reply contains at least 2 words in all caps (for example WARNING or USA count as one each).",
     "capital_word_frequency", {"relation": "at least", "n": 2}),
    ("The reply has fewer than 6 words in all capital letters (a word such as NOTE counts; one like Paris does not).",
     "capital_word_frequency", {"relation": "less than", "n": 6}),
    ("The answer finishes with the exact phrase \"Talk soon.\" (e.g. nothing comes after it, not even an emoji).", "ends_with",
     {"phrase": "Talk soon."}),
    ("The answer contains the letter 'r' at least 9 times, both cases counted (e.g. 'R' and 'r' are the same letter).",
     "letter_frequency", {"letter": "r", "relation": "at least", "n": 9}),
    ("The reply uses the word 'harbor' at least 3 times (every use counts, for instance one in a title).", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("The whole reply is enclosed in double quotation marks, for example \"This is all I have to say.\"", "wrapped_in_quotes", {}),
    ("The reply is a single JSON object, e.g. {\"title\": \"...\", \"tags\": [\"...\"]}, optionally in a ``` code fence.",
     "is_json", {}),
    ("The answer ends with a postscript beginning with P.S. (e.g. 'P.S. Call me tomorrow.').", "postscript", {"marker": "P.S."}),
    ("The reply has at least 3 sections, each starting with 'PART' and its number (e.g. 'PART 1', then 'PART 2').",
     "section_count", {"splitter": "PART", "relation": "at least", "n": 3}),
    # a permission note with an example in it is no example of the check ('(markdown ticks such as ``` are allowed)')
    ("The whole reply is valid JSON (markdown ticks such as ``` are allowed).", "is_json", {}),
    # how to comply, as an example: no further requirement
    ("The answer has no commas, e.g. writing short sentences where a comma would have gone.", "no_commas", {}),
    # short sentences saying the same again
    ("The reply has no commas. Not one comma appears anywhere in it.", "no_commas", {}),
    ("The answer is in Swahili. All of it is in Swahili.", "response_language", {"language": "sw"}),
    ("The answer contains no commas. Not one comma is in it, from the start to the finish.", "no_commas", {}),
    ("These words are in the reply: lantern, moth. Each one is there at least once.", "keywords_present",
     {"keywords": ["lantern", "moth"]}),
    ("These words are not in the reply: rain, wind. None of them is used, in big or small letters.", "keywords_absent",
     {"keywords": ["rain", "wind"]}),
    ("These words are in the reply: parrot, json.", "keywords_present", {"keywords": ["parrot", "json"]}),
    # an auditor's finding, a grader's inspection
    ("The reply proves to be written in Thai.", "response_language", {"language": "th"}),
    ("The answer is found to be free of commas.", "no_commas", {}),
    ("On closer inspection, the reply contains no commas.", "no_commas", {}),
    ("Upon review, the answer is entirely in lowercase.", "all_lowercase", {}),
    # a present-perfect report
    ("The assistant has kept the words \"sugar\" and \"salt\" out of its answer.", "keywords_absent", {"keywords": ["sugar", "salt"]}),
    ("The model has written its whole reply without a single comma.", "no_commas", {}),
    # lines that start with the bullet markers; the exact sentence among options
    ("Exactly 5 lines in the answer begin with a markdown bullet.", "bullet_count", {"relation": "exactly", "n": 5}),
    ("Exactly four lines of the reply start with * or -.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("The reply contains the exact sentence \"My answer is yes.\", \"My answer is no.\" or \"My answer is maybe.\"",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    # a case rule that covers names too
    ("The reply is in English and all lowercase, proper names included.", "all_lowercase", {"language": "en"}),
    ("The answer is all lowercase, including names and headings.", "all_lowercase", {}),
]

NEURAL = [
    # an example that scopes, adds content, narrows or contradicts the check
    "The answer has fewer than 50 words (e.g. in the summary).",
    "The reply mentions the word \"aspirin\" (e.g. as a treatment option).",
    "The answer is all lowercase (e.g. 'Hello there').",
    "The reply has at least 3 bullet points (e.g. '1. first').",
    "The answer has at least 300 words (for example, headings do not count).",
    "The reply has fewer than 100 words (for example, a short summary of the main symptoms).",
    "The reply is valid JSON, e.g. {\"name\": \"x\"} with a \"name\" key.",
    "The reply is valid JSON, e.g. {\"name\": x}.",
    "The answer ends with a postscript beginning with P.S. (e.g. 'Thanks, Bob').",
    "The reply has at least 3 sections, each starting with 'PART' and its number (e.g. 'Chapter 1').",
    "The reply contains at least 3 words in all caps (for instance Monday or Paris).",
    "The reply mentions \"cat\" at least twice (e.g. 'the cat sat').",
    "The answer has at least 20 sentences (except one-word ones such as 'Yes.').",
    # sentences that say something else
    "The answer has no commas. It is polite.",
    "The answer is in English. It is in French.",
    "The answer has fewer than 100 words. It has fewer than 50 words.",
    "The answer has no commas. Not one comma is in its first paragraph.",
    "The answer is in Kannada. All of it is in Kannada. Not one word is in English.",
    "These words are in the reply: lantern, moth. None of them is used.",
    "These words are not in the reply: rain, wind. Each one is there at least once.",
    "These words are in the reply: lantern, moth. Each one is there at least twice.",
    # a listed word that names a format is data (the nearest stage had read these as the JSON check)
    "Words the reply uses: parrot, json.",
    "Some words are in the reply: parrot, json.",
    # a scoped case rule
    "Drug names are in all lowercase.",
    "The title is in all caps.",
    "The reply is in all lowercase, names.",
    # a grader's frame that is about content
    "On inspection, the reply mentions the patient's symptoms.",
    # a present-perfect report of what was not done stays with its own readers
    "The assistant has kept the reply polite.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
