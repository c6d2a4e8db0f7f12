"""Set 25's voices, developed on after its one blind measurement (issue 15, round 21): a score rubric's 'Whether ...'
clause, a verifier's 'Claim: ...', 'Good: ... Bad: ...' anchors, a test question with its answer key ('Q: ... Key:
...'), 'The <name> requirement holds only when ...', a grader speaking for itself ("I'll count ...; I need ..."). Wordings
written for the tests, not set 25's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # the grader's question as the statement
    ("Whether the answer has at least 4 paragraphs separated by the markdown divider ***.", "paragraph_count",
     {"relation": "at least", "n": 4, "separator": "***"}),
    ('Whether or not the response mentions "lantern" and "harbor", each listed keyword at least once.', "keywords_present",
     {"keywords": ["lantern", "harbor"]}),
    ('Whether the response avoids the words "comet" and "orbit": not one of them appears as a standalone word.',
     "keywords_absent", {"keywords": ["comet", "orbit"]}),
    ('Whether the term "harbor" occurs fewer than 3 times in the answer, counting every occurrence in any capitalization.',
     "keyword_frequency", {"keyword": "harbor", "relation": "less than", "n": 3}),
    ("Claim: nowhere in the response is there a comma.", "no_commas", {}),
    ("Claim: exactly 4 lines of the answer are markdown bullets beginning with * or -.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    # a requirement said to hold when a clause does; its pronouns from the name
    ("The word-count cap is respected only when the answer stays below 250 words.", "word_count",
     {"relation": "less than", "n": 250}),
    ('The frequency requirement on "harbor" holds only if the answer uses it at least 5 times.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 5}),
    ("The letter-count limit on 'z' is met only when its case-insensitive count in the response stays below 4.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("The emphasis requirement is met once the answer marks at least 3 sections with markdown.", "highlighted_sections",
     {"relation": "at least", "n": 3}),
    ("The comma rule holds only if the answer has no comma at all; even one anywhere breaks it.", "no_commas", {}),
    ('The keyword rule is satisfied when the response includes "lantern" and "harbor", every listed one.',
     "keywords_present", {"keywords": ["lantern", "harbor"]}),
    # a test question and its key
    ("Q: How many sentences does the answer contain? Key: 12 or any larger number.", "sentence_count",
     {"relation": "at least", "n": 12}),
    ('Q: How many times does "harbor" appear in the response, case ignored? Key: a count below 4.', "keyword_frequency",
     {"keyword": "harbor", "relation": "less than", "n": 4}),
    ("Q: How many commas appear anywhere in the answer? Key: 0 (any other count is wrong).", "no_commas", {}),
    ("Q: Which of the listed keywords (lantern, harbor) are missing from the response? Key: none.", "keywords_present",
     {"keywords": ["lantern", "harbor"]}),
    ("Q: What language is the answer written in? Key: Finnish (fi), throughout.", "response_language", {"language": "fi"}),
    ("Q: Into how many paragraphs do the *** dividers split the response? Key: exactly 3, none of them empty.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    # score anchors whose bad side restates the failure
    ('Good: none of "comet" and "orbit" is used as a word. Bad: any one of them appears as a word, in any case.',
     "keywords_absent", {"keywords": ["comet", "orbit"]}),
    ("Good: exactly 5 markdown bullet points. Bad: any other number of bullets, higher or lower.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("Good: the answer stays under 80 words. Bad: it reaches 80 words or goes beyond.", "word_count",
     {"relation": "less than", "n": 80}),
    ('Good: the answer closes on exactly "See you soon" as its last words. Bad: the phrase is missing, altered, or '
     "followed by more text.", "ends_with", {"phrase": "See you soon"}),
    # a grader speaking for itself
    ("I'll count the paragraphs split by ***; I need at least 3.", "paragraph_count", {"relation": "at least", "n": 3}),
    ("I'll count the words in ALL CAPS; 6 or more and it passes.", "capital_word_frequency", {"relation": "at least", "n": 6}),
    ("I'll tally every 'z', capital or not, and I need that tally to stay under 4.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4}),
    ('I will scan for "comet" or "orbit" as whole words; if I find any, it fails, and if none, it passes.', "keywords_absent",
     {"keywords": ["comet", "orbit"]}),
    ('I\'ll search the answer for "lantern" and "harbor"; each has to turn up at least once, upper- or lowercase.',
     "keywords_present", {"keywords": ["lantern", "harbor"]}),
    ("I'll count the sentences; the total has to be smaller than 20, so exactly 20 already fails.", "sentence_count",
     {"relation": "less than", "n": 20}),
    ('I\'ll read the very end: it has to be "See you soon", word for word, with nothing coming after.', "ends_with",
     {"phrase": "See you soon"}),
    ("For me to pass this, the whole answer has to be in English and in lowercase; one capital letter and it fails.",
     "all_lowercase", {"language": "en"}),
    ("I'd pass this if the word count comes out under 250; hitting exactly 250 already counts as too long for me.",
     "word_count", {"relation": "less than", "n": 250}),
    ("I'll only mark this met if I can't find a single comma anywhere in the answer.", "no_commas", {}),
    # a failure said as a condition at the end
    ("The whole answer is in Finnish; if it's in any other language, it's not met.", "response_language", {"language": "fi"}),
    # a comparison in other words
    ("The answer has smaller than 9 sentences.", "sentence_count", {"relation": "less than", "n": 9}),
]

NEURAL = [
    # a name that says the requirement is about something else than the clause
    "The comma rule holds only when the answer is written in English.",
    # a question whose key no rule reads, or that asks two things
    "Q: How many sentences does the answer contain? Key: enough to explain the idea.",
    "Q: What language is the answer in, and how many commas does it contain? Key: English; 0.",
    # a grader that decides by judgment
    "I'll read the whole answer; it has to feel warm and encouraging.",
    "I'd pass this if I enjoyed reading the answer.",
    "The whole answer is in Finnish; if it's rude, it's not met.",
    # two phrases where one start or end is asked
    'The answer ends with "See you soon", and then "Bye".',
    'The response starts with "Dear team", and then "Hello".',
    # a comparison no relation reads: never an exact count
    "The answer has tinier than 9 sentences.",
    # a bad anchor that adds a requirement
    "Good: exactly 5 markdown bullet points. Bad: bullets that are not about the topic.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
