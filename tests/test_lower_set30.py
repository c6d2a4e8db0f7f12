"""Set 30's voices, developed on after its one blind measurement (issue 15, round 25): the predicate first and the subject
last ('Present in the response are ...'), a 'With ...' opener ending 'passes this item', a classification with its grounds
('counts as X: ...'), a product person's target talk ('clears the bar of N words: N or more'); and the plain words found
beside them (a quoted letter said first, 'kicks off with', 'zero capitals', 'parseable JSON', 'the exact sentence "a" or
"b"', 'fewer than N times (possibly not at all)'); and a precision hole older than this round: a further clause with a
verb of content ('and mentions the user's name') was dropped beside a keyword. Wordings written for the tests, not set
30's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

# a request longer than a quotation is recognised at (300 characters), with words the readers here would rewrite
_LONG = ("We are a team that plans trips end to end. Opening the brochure is a map, and in it are the routes we run. "
         "Present in every issue are at least 3 photos with zero captions. Write a short ad for it, kicking off with a "
         "question, and keep it under 80 words so that it fits on the back cover of the magazine we print each month.")

LOWERED = [
    # the predicate first, the subject last
    ("Present in the answer are at least 4 bullet points in markdown.", "bullet_count", {"relation": "at least", "n": 4}),
    ("Absent from the reply, whatever the capitalisation, is each of the words \"cliff\" and \"shore\".", "keywords_absent",
     {"keywords": ["cliff", "shore"]}),
    ("Absent from the answer is every comma.", "no_commas", {}),
    ("Found at the very end of the answer, and followed by nothing, is the exact phrase \"See you soon.\"", "ends_with",
     {"phrase": "See you soon."}),
    ("Opening the third of exactly 5 paragraphs (blank lines between them) in the reply is the word \"lastly\".",
     "paragraph_first_word", {"nth": 3, "word": "lastly", "num_paragraphs": 5}),
    ("Appearing in the reply no fewer than 3 times is the word \"ember\".", "keyword_frequency",
     {"keyword": "ember", "relation": "at least", "n": 3}),
    ("Contained in the answer are fewer than 12 sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("Written in lowercase English from the first word to the last is the entire reply.", "all_lowercase", {"language": "en"}),
    ("Wrapped in double quotes from its opening character to its closing one is the whole answer.", "wrapped_in_quotes", {}),
    # a 'With ...' opener
    ("With fewer than 250 words, the answer meets this criterion.", "word_count", {"relation": "less than", "n": 250}),
    ("With the letter 'q' occurring at least 4 times, the reply passes this check.", "letter_frequency",
     {"letter": "q", "relation": "at least", "n": 4}),
    ("With 'z' appearing fewer than 3 times (any case), the answer passes this item.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 3}),
    ("With no commas anywhere in it, the reply earns the point.", "no_commas", {}),
    # a classification with its grounds
    ("The answer counts as comma-free: it contains not one comma.", "no_commas", {}),
    ("The reply qualifies as a 4-paragraph answer: exactly 4 paragraphs separated by the *** divider.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("The answer counts as properly titled: it has a title wrapped in double angular brackets, such as <<Tides>>.",
     "has_title", {}),
    ("The reply is classed as within the keyword limit: \"storm\" appears in it fewer than 2 times.", "keyword_frequency",
     {"keyword": "storm", "relation": "less than", "n": 2}),
    ("The answer qualifies as a Japanese-language response: all of it is in Japanese.", "response_language",
     {"language": "ja"}),
    ("The reply counts as within the letter limit: 'x' occurs in it fewer than 5 times.", "letter_frequency",
     {"letter": "x", "relation": "less than", "n": 5}),
    # a product person's target talk
    ("The answer clears the bar of 300 words: 300 or more.", "word_count", {"relation": "at least", "n": 300}),
    ("The reply stays under the cap of 7 sentences: strictly fewer than 7.", "sentence_count", {"relation": "less than", "n": 7}),
    ("The answer hits the quota for \"lantern\": 2 or more uses.", "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 2}),
    ("The reply stays under the cap for \"very\": strictly fewer than 3 uses.", "keyword_frequency",
     {"keyword": "very", "relation": "less than", "n": 3}),
    ("The answer stays under the cap of 4 for the letter 'w' (any case): strictly fewer than 4.", "letter_frequency",
     {"letter": "w", "relation": "less than", "n": 4}),
    ("The reply hits the target of at least 6 highlighted sections in markdown, like *this*.", "highlighted_sections",
     {"relation": "at least", "n": 6}),
    ("The answer lands on exactly 2 markdown bullet points.", "bullet_count", {"relation": "exactly", "n": 2}),
    ("The reply lands on the exact closer \"Any questions?\" and stops right there.", "ends_with", {"phrase": "Any questions?"}),
    ("The answer stays clear of the off-limits words \"moist\" and \"damp\".", "keywords_absent", {"keywords": ["moist", "damp"]}),
    ("The reply hits every keyword on the list: \"ridge\", \"valley\".", "keywords_present", {"keywords": ["ridge", "valley"]}),
    ("The answer ships as clean, parseable JSON.", "is_json", {}),
    ("The reply tacks on a postscript that kicks off with P.S.", "postscript", {"marker": "P.S."}),
    # plain words found beside them
    ("The word \"dusk\" is used in the reply fewer than 3 times (possibly not at all).", "keyword_frequency",
     {"keyword": "dusk", "relation": "less than", "n": 3}),
    ("The answer contains the exact sentence \"My answer is yes.\" or \"My answer is no.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no."]}),
    ("The reply is in English and in all lowercase, zero capitals anywhere.", "all_lowercase", {"language": "en"}),
    # a request to repeat is data however long (past the length a quotation is recognised at): never rewritten
    ("Starting from its very first character, the reply reproduces the request word for word: \"" + _LONG + "\"",
     "repeats_prompt", {"prompt_to_repeat": _LONG}),
    ("With the request repeated word for word as its opening, the response passes this item. The request is: " + _LONG,
     "repeats_prompt", {"prompt_to_repeat": _LONG}),
]

NEURAL = [
    # a class that names a quality, or another aspect, keeps the grounds neural
    "The answer counts as a formal letter: it contains no commas.",
    "The reply qualifies as well-written: it has fewer than 200 words.",
    "The answer counts as properly highlighted: it has no commas.",
    "The reply nails the tone: it uses no commas.",
    # a target without its relation: whether reaching it is enough is not said
    "The answer hits the target of 5 highlighted sections.",
    # the number named is not the number restated
    "The reply clears the bar of 300 words: 200 or more.",
    # a predicate first that is about a part of the reply, or names no check
    "Absent from the first paragraph is every comma.",
    "Present in the reply is a friendly tone.",
    # a 'With ...' opener whose decision is not a pass
    "With fewer than 250 words, the answer loses the point.",
    # a zero note beside a floor, not a cap
    "The word \"dusk\" is used in the reply at least 3 times (possibly not at all).",
    # a further predicate with a verb of content, in words the format vocabulary knows (a precision hole older than this
    # round: the keyword was checked and the rest dropped)
    "The reply contains \"harbor\" and mentions the user's name.",
    "The answer has fewer than 100 words and gives a recommendation.",
    "The reply counts as keyword-complete: it contains \"harbor\" and mentions the user's name.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
