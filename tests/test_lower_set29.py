"""Set 29's voices, developed on after its one blind measurement (issue 15, round 23): a 'That ...' clause as the subject,
the topic first ('As for ...', 'When it comes to ...'), a concessive opening ('Whatever ...'), a rubric lead's team chat,
a formal 'is to' obligation, a hypothetical observer ('A rater counting ... would ...'); and the precision hole it found: a
paragraph count said as 'has exactly 3 of them' dropped beside the first word of a paragraph. Wordings written for the
tests, not set 29's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # the paragraph count said by a pronoun is kept
    ("Regarding paragraphs, the answer has exactly 4 of them, and the second one begins with the word meanwhile.",
     "paragraph_first_word", {"nth": 2, "word": "meanwhile", "num_paragraphs": 4}),
    ("The reply has exactly 5 paragraphs, with *** between each one and the next.", "paragraph_count",
     {"relation": "exactly", "n": 5, "separator": "***"}),
    # a 'That ...' clause as the subject
    ("That the answer stays under 120 words is what this item checks.", "word_count", {"relation": "less than", "n": 120}),
    ("That the reply contains no commas at all is the only requirement here.", "no_commas", {}),
    ('That "harbor" appears at least twice in the response is all this criterion asks.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 2}),
    # the topic first
    ("As regards sentences, the answer has fewer than 8 of them.", "sentence_count", {"relation": "less than", "n": 8}),
    ("When it comes to commas, the reply uses none.", "no_commas", {}),
    ("In terms of bullets, the response has exactly 4, in markdown.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("As for the term lantern, the answer mentions it 3 or more times.", "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 3}),
    ("Regarding the words moss, fern, the reply avoids all of them.", "keywords_absent", {"keywords": ["moss", "fern"]}),
    ("As for language, the answer is in Swahili from start to end.", "response_language", {"language": "sw"}),
    ("As for the answer itself, the reply includes one of the options \"Yes.\" or \"No.\"", "any_phrase_present",
     {"phrases": ["Yes.", "No."]}),
    # a concessive opening
    ("No matter what it argues, the answer ends with the exact phrase \"Over to you.\"", "ends_with", {"phrase": "Over to you."}),
    ("Whatever the paragraphs discuss, the reply has exactly 3 of them, separated by ***.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Whatever it argues, the answer as a whole begins and ends with a double quotation mark.", "wrapped_in_quotes", {}),
    ("However the reply is organised, it is in English and none of its letters is uppercase.", "all_lowercase", {"language": "en"}),
    # a team-chat note
    ("keep it short: under 90 words. 90 or more = fail.", "word_count", {"relation": "less than", "n": 90}),
    ("make sure \"tide\" and \"moon\" show up in the reply somewhere. caps don't matter.", "keywords_present",
     {"keywords": ["tide", "moon"]}),
    ("last thing in the reply has to be exactly \"Cheers.\". nothing after it.", "ends_with", {"phrase": "Cheers."}),
    ("letter 'k' has to stay under 4 uses in the whole reply, caps included.", "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 4}),
    # a formal 'is to' obligation
    ("The answer is to contain the word orchard at least 3 times.", "keyword_frequency",
     {"keyword": "orchard", "relation": "at least", "n": 3}),
    # a hypothetical observer
    ("Counting the sentences in the answer, a grader would get at least 12.", "sentence_count", {"relation": "at least", "n": 12}),
    ("A reviewer counting the bullet points in the reply would arrive at exactly 5.", "bullet_count", {"relation": "exactly", "n": 5}),
    ("Anyone searching the answer for a comma would find nothing.", "no_commas", {}),
    ("A language detector applied to the response would classify it as German.", "response_language", {"language": "de"}),
    ("Passing the reply to a JSON validator would succeed.", "is_json", {}),
    ("A sentence count of the answer would come out under 9.", "sentence_count", {"relation": "less than", "n": 9}),
]

NEURAL = [
    # a count said by a pronoun with another relation: the first word's check needs an exact count
    "Regarding paragraphs, the answer has at least 4 of them, and the second one begins with the word meanwhile.",
    # a topic that narrows the reply, or names a quality or nothing a check is about
    "As for the conclusion, the reply has no commas.",
    "As for the first paragraph, the response has fewer than 3 sentences.",
    "As for tone, the answer stays under 100 words.",
    "When it comes to length, the reply has no commas.",
    # the 'That ...' clause or the concessive clause around something no check reads
    "That the reply is polite is what this item requires.",
    "Whatever it says, if the user asks in French, the reply is in French.",
    # a failure said last that is not the requirement's failure
    "keep it short: under 90 words. 40 or more = fail.",
    # an observer's judgement, or a count of a part
    "Someone reading the reply would find it convincing.",
    "A grader counting the sentences in the first paragraph of the reply would reach 3 or more.",
    "Anyone searching the reply for a comma would find one.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
