"""Set 42's voices, developed on after its one blind measurement (issue 15, round 35): a food-packaging label
('Contains: ...', 'Free from: ...'), a lonely-hearts advertisement ('Seeking a reply that ...'), a job advert's person
specification ('The successful candidate will ...'), software release notes ('Removed: ...'), a mission-control go/no-go
poll ('Flight, Paragraphs are go: ...') and an archaic prayer-book rubric ('And ... shall ...'). Wordings written for
the tests, not set 42's sentences; NEURAL must stay neural: a label, an advertisement or a poll that asks for content,
an advertisement's adjective its statement does not bear out, a poll's topic no check counts, release notes of a change
to the product."""
from lowering_cases import lowering_tests

LOWERED = [
    # a food-packaging label
    ("Contains: \"oats\" and \"honey\", each somewhere in the reply.", "keywords_present", {"keywords": ["oats", "honey"]}),
    ("Free from: gluten, nuts. Not found anywhere in the reply, in any case.", "keywords_absent", {"keywords": ["gluten", "nuts"]}),
    ("Contains, first of all: the request repeated word for word, with nothing ahead of it: Name three rivers.", "repeats_prompt",
     {"prompt_to_repeat": "Name three rivers."}),
    # a lonely-hearts advertisement
    ("Seeking a reply that mentions \"harbour\", somewhere along the way.", "keywords_present", {"keywords": ["harbour"]}),
    ("Seeking a reply who speaks Swahili and only Swahili, from first word to last.", "response_language", {"language": "sw"}),
    ("Seeking a reply that can't stop saying \"tide\": 4 times or more.", "keyword_frequency", {"keyword": "tide", "relation": "at least", "n": 4}),
    ("Seeking a reply of few words: fewer than 6 sentences, all told.", "sentence_count", {"relation": "less than", "n": 6}),
    ("Seeking a talkative reply: 9 sentences or more.", "sentence_count", {"relation": "at least", "n": 9}),
    ("Seeking a quiet reply: fewer than 3 words in all capital letters.", "capital_word_frequency", {"relation": "less than", "n": 3}),
    ("Seeking a reply that is sparing with the letter 'k': fewer than 3 of them, upper or lower case.", "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 3}),
    # a job advert's person specification
    ("The successful candidate will present exactly 5 bullet points in markdown, using * or - at the start of each.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("The successful candidate will complete the reply without using any of the words \"cheap\" or \"deal\".", "keywords_absent",
     {"keywords": ["cheap", "deal"]}),
    ("The successful candidate will structure the reply as exactly 3 paragraphs, divided by markdown *** lines.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    # software release notes
    ("Removed: the words \"legacy\" and \"deprecated\". None of them appears anywhere in the reply.", "keywords_absent",
     {"keywords": ["legacy", "deprecated"]}),
    # a mission-control go/no-go poll: the call asks for nothing, the topic is the unit a bare count counts
    ("Flight, Paragraphs are go: exactly 4, split by ***, Flight.", "paragraph_count", {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Keywords, go: \"orbit\" and \"burn\" present in the reply, Flight.", "keywords_present", {"keywords": ["orbit", "burn"]}),
    ("Flight, Vocabulary is go: \"abort\" not used anywhere in the reply.", "keywords_absent", {"keywords": ["abort"]}),
    ("Language is go: the reply is all Finnish, Flight, no other language on the loop.", "response_language", {"language": "fi"}),
    ("Flight, Sections are go: 2 or more numbered STAGE headings in the reply (STAGE 1, STAGE 2, and on).", "section_count",
     {"splitter": "STAGE", "relation": "at least", "n": 2}),
    # an archaic prayer-book rubric
    ("And the reply shall end with these words, Go in peace, friend., and after them nothing more shall be said.", "ends_with",
     {"phrase": "Go in peace, friend."}),
    ("And the word mercy shall be said at the least 3 times in the reply.", "keyword_frequency", {"keyword": "mercy", "relation": "at least", "n": 3}),
    ("And the letter z shall be found in the reply fewer than 4 times, whether great or small.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4}),
    ("Then shall the whole reply be said in the Finnish tongue, and in none other.", "response_language", {"language": "fi"}),
    ("And it is to be noted that the reply shall contain five bullet points in markdown, and neither more nor fewer.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("And in the reply shall be said these words: grace, mercy.", "keywords_present", {"keywords": ["grace", "mercy"]}),
]

NEURAL = [
    # a label, an advertisement or a poll that asks for content
    "Contains: a warm greeting and an apology, each somewhere in the reply.",
    "Seeking a reply that makes me laugh, somewhere along the way.",
    "Flight, Tone is go: calm and reassuring throughout, Flight.",
    # an advertisement's adjective the statement does not bear out
    "Seeking a calm reply: the reply has no commas.",
    "Seeking a talkative reply: fewer than 8 sentences.",
    # the judgement words among set 42's vocabulary, said of the reply
    "The reply is calm and has no commas.",
    "The reply is great and uses no commas.",
    "The reply is talkative, with 9 sentences or more.",
    # a poll's topic no check counts
    "Flight, Arguments are go: exactly 3, split by ***, Flight.",
    # release notes of a change to the product, not to the reply
    "Removed: the settings page. None of them appears anywhere in the app.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
