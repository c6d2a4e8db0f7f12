"""Set 26's voices, developed on after its one blind measurement (issue 15, rounds 21 and 22): an acceptance scenario
('Given the reply, when its words are counted, then the total comes out below N'), read as the instruction to a grader
it is; a tally-sheet line ('Commas in the reply: ___ (pass only at 0)'); a purpose said first ('To earn this item, ...');
the user as the subject ('The user receives a reply with ...'); 'It is necessary that the reply be ...'; a past-tense
report ('The model wrote ...'). Wordings written for the tests, not set 26's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Given the answer, when its sentences are counted, then the total comes out below 12.", "sentence_count",
     {"relation": "less than", "n": 12}),
    ("When the words of the answer are tallied, then there are 250 or more of them.", "word_count",
     {"relation": "at least", "n": 250}),
    ('Given the response, when "harbor" is searched for regardless of case, then it turns up 4 or more times.',
     "keyword_frequency", {"keyword": "harbor", "relation": "at least", "n": 4}),
    ('Given the response, when it is searched for "lantern" and "harbor" regardless of case, then each one is found.',
     "keywords_present", {"keywords": ["lantern", "harbor"]}),
    ('Given the answer, when it is scanned case-insensitively for "comet" or "orbit" as whole words, then no match is found.',
     "keywords_absent", {"keywords": ["comet", "orbit"]}),
    ("Given the response, when bracketed placeholders such as [city] are counted, then there are at least 2.",
     "placeholder_count", {"relation": "at least", "n": 2}),
    ("Given the answer, when it is read through, then it is in English and every letter in it is lowercase.",
     "all_lowercase", {"language": "en"}),
]

LOWERED += [
    # round 22: a scenario's count read whole when its decision alone is not read
    ('Given the answer, when occurrences of "lantern" are counted regardless of case, then fewer than 3 are found.',
     "keyword_frequency", {"keyword": "lantern", "relation": "less than", "n": 3}),
    # a scenario whose 'when' looks at the whole reply: its 'then' said of the reply
    ("Given the answer, when every character is checked, then not one comma appears in it.", "no_commas", {}),
    ("Given the answer, when it is checked for a title, then one wrapped in double angular brackets such as <<Morning>> is found.",
     "has_title", {}),
    ("Given the answer, when it is split on the divider ***, then exactly 3 non-empty paragraphs result.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Given the answer, when its language is determined, then the whole answer is in Hindi.", "response_language",
     {"language": "hi"}),
    ('Given the answer, with surrounding spaces ignored, then its first and last characters are double quotation marks (").',
     "wrapped_in_quotes", {}),
    ('Given the answer, when its opening is compared with the request "Say "hello" twice and stop.", then the answer '
     'begins with that request repeated word for word, with nothing before it.', "repeats_prompt",
     {"prompt_to_repeat": 'Say "hello" twice and stop.'}),
    # a request quoted before a parenthesis: the parenthesis is a note, not the request
    ('The reply begins with the request "Name three rivers" repeated word for word (letter case included).', "repeats_prompt",
     {"prompt_to_repeat": "Name three rivers"}),
    # tally-sheet lines
    ("Commas found in the answer: ___ (pass only at 0)", "no_commas", {}),
    ("Sentence count: ___ (must stay under 9)", "sentence_count", {"relation": "less than", "n": 9}),
    ('"ember" occurrences: ___ -> met at 4 or above', "keyword_frequency", {"keyword": "ember", "relation": "at least", "n": 4}),
    ("Bullet lines (* or -): ___ (exactly 4 to pass)", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Keywords present, out of harbor, lantern: ___ (all needed)", "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("Language: ___ (must be German)", "response_language", {"language": "de"}),
    ("Uppercase letters found: ___ ; language: ___ (pass: 0 uppercase, English)", "all_lowercase", {"language": "en"}),
    ("Postscript starting with P.S.: ___ (present to pass)", "postscript", {"marker": "P.S."}),
    # a purpose said first
    ("For this item to be awarded, the answer must contain fewer than 7 sentences.", "sentence_count",
     {"relation": "less than", "n": 7}),
    ("In order to earn this item, the reply needs 120 words or more.", "word_count", {"relation": "at least", "n": 120}),
    # the user as the subject
    ("The user receives an answer that is wrapped, start to finish, in double quotation marks.", "wrapped_in_quotes", {}),
    ('The user comes across the word "harbor" at least 3 times in the answer.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ('The last thing the user reads is the exact sentence "See you soon."', "ends_with", {"phrase": "See you soon."}),
    ("The user is handed a reply written entirely in French.", "response_language", {"language": "fr"}),
    ("The user gets an English answer in which no letter is capitalized.", "all_lowercase", {"language": "en"}),
    # the mandative subjunctive
    ("It is important that the answer be written entirely in Italian.", "response_language", {"language": "it"}),
    ('It is essential that "lantern" appear at least 2 times in the reply.', "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 2}),
    ("It is vital that the reply not contain a single comma.", "no_commas", {}),
    # a past-tense report
    ("The model kept its reply under 90 words.", "word_count", {"relation": "less than", "n": 90}),
    # quoted data stays as written, inner quotations and all ('went' is not the report's verb)
    ('The model began its answer by repeating the request verbatim: "Retell this: "They fled and went home.""', "repeats_prompt",
     {"prompt_to_repeat": 'Retell this: "They fled and went home."'}),
    ('The assistant\'s answer contained "harbor" no more than 2 times.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at most", "n": 2}),
    ("The model wrote its entire reply in Portuguese, never switching to another language.", "response_language",
     {"language": "pt"}),
    ('The model wrote exactly 3 paragraphs separated by blank lines and opened the second one with "Moreover".',
     "paragraph_first_word", {"nth": 2, "word": "Moreover", "num_paragraphs": 3}),
]

NEURAL = [
    # a 'then' clause that asks for more than the count, or for a judgment
    "Given the answer, when its sentences are counted, then the count is below 12 and the tone is friendly.",
    "Given the answer, when it is read through, then it feels encouraging.",
    # a scenario about something else than the answer
    "Given the user's question, when its words are counted, then the total comes out below 50.",
    # round 22: a 'when' that narrows what the 'then' is about
    "Given the reply, when its first paragraph is read, then it contains no commas.",
    "Given the reply, when its first paragraph is checked, then not a single comma turns up anywhere in it.",
    'Given the reply, when its last sentence is inspected, then it ends with "Thanks".',
    # a tally line without a pass value, or with one that says nothing checkable
    "Commas in the reply: ___",
    "Tone of the reply: ___ (friendly to pass)",
    # a negated mandative, a report of what the model did not do, a user who does more than read
    "It is not necessary that the reply contain commas.",
    "The model did not write more than 90 words.",
    "The user finds the reply helpful and clear.",
    # the past tense of something else than the reply
    "The model refused the request politely.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
