"""Set 28's voices, developed on after its one blind measurement (issue 15, round 22): an OKR-style outcome ('Success looks
like a reply ...'), plural answers as the subject ('Compliant answers ...'), a subjectless passive ('Satisfied by a
response ...'), a rater's second person ('You should see ...'), a conformity adverbial first ('Per the instruction, /
As requested, ...'); and the precision hole it found: an unquoted end phrase read with the words after it. Wordings
written for the tests, not set 28's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # the end phrase bounded by the clause after it
    ("As asked, the answer closes with the exact phrase See you next week! and adds nothing afterward.", "ends_with",
     {"phrase": "See you next week!"}),
    ("The reply concludes with the exact phrase Stay safe out there. and writes nothing after it.", "ends_with",
     {"phrase": "Stay safe out there."}),
    # an OKR-style outcome
    ("Success looks like a reply that stays under 80 words.", "word_count", {"relation": "less than", "n": 80}),
    ("Success looks like an answer written entirely in Japanese.", "response_language", {"language": "ja"}),
    ('Success looks like a reply free of "storm" and "rain" as whole words.', "keywords_absent", {"keywords": ["storm", "rain"]}),
    # plural answers as the subject
    ("Passing answers contain no commas at all.", "no_commas", {}),
    ("Good responses have at least 4 sentences.", "sentence_count", {"relation": "at least", "n": 4}),
    # a subjectless passive
    ("Met by a response containing fewer than 3 bullet points.", "bullet_count", {"relation": "less than", "n": 3}),
    ("Satisfied by an answer composed wholly in Korean.", "response_language", {"language": "ko"}),
    # a rater's second person
    ("You should count at least six (6) sentences in the answer.", "sentence_count", {"relation": "at least", "n": 6}),
    ('You should find the answer clear of "storm" or "rain" as whole words, in any case.', "keywords_absent",
     {"keywords": ["storm", "rain"]}),
    ("You should see no commas when you scan the whole answer.", "no_commas", {}),
    # a conformity adverbial first
    ("Per the instruction, the answer is written in all lowercase English letters.", "all_lowercase", {"language": "en"}),
    ('As requested, the word "river" appears 3 or more times in the answer, in upper or lower case.', "keyword_frequency",
     {"keyword": "river", "relation": "at least", "n": 3}),
]

NEURAL = [
    # the end phrase's bound not known
    "The response ends with the exact phrase Peace! and then says goodbye.",
    # the frames around something no check reads
    "Success looks like a reply that feels warm and encouraging.",
    "Compliant answers are polite to the user.",
    "Satisfied by a response that cites its sources.",
    "You should see a friendly tone throughout the response.",
    "As requested, the response is persuasive.",
    # 'clear of' something else than words
    "The reply is clear of any doubt.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
