"""Set 53's voices, developed on after its one blind measurement (issue 15, round 44, after the rotation): a scavenger
hunt's task and its total after a colon ('Count every "x" in the reply: your tally reaches 6 or more.', 'Count the
sentences in the reply: the total stays under 31.', 'Letter hunt: count every 'l' in the reply, capital or lowercase.
You'll find 15 or more.') and its word hunt ('Word hunt! Find "a" and "b" in the reply: every word on the list is in
there at least once.'), a town crier's formula read past ('Hear ye, hear ye!', 'Be it known that', 'Know ye that') with
its 'in the Russian tongue', 'and in no other' and '600 words or more, not one fewer than 600'. Wordings written for the
tests, not set 53's sentences. NEURAL must stay neural: a total with no side, a total whose tail says another side, a
hunt limited to a part of the reply or asking for a form, a proclamation of content, a tail with another number, a
tongue that is no language, and what the reply does to someone beside a count ('praises the king in at least 3
sentences': read as the count alone before this round).
"""
from lowering_cases import lowering_tests

LOWERED = [
    ("Count every \"lantern\" in the reply: your tally reaches 4 or more.", "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 4}),
    ("Count every \"storm\" in the reply: the total comes to less than 3.", "keyword_frequency",
     {"keyword": "storm", "relation": "less than", "n": 3}),
    ("Clue: count every 'e' in the reply, capital or lowercase. You'll find 20 or more.", "letter_frequency",
     {"letter": "e", "relation": "at least", "n": 20}),
    ("Count the paragraphs in the reply: the total stays under 5.", "paragraph_count", {"relation": "less than", "n": 5}),
    ("Count every word in the reply: you reach 250 or more.", "word_count", {"relation": "at least", "n": 250}),
    ("Count the bullet points in the reply (lines that start with * or -): you should end up with exactly 4, not one more "
     "and not one less.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Word hunt! Find \"moss\" and \"fern\" in the reply: every word on the list is in there at least once.",
     "keywords_present", {"keywords": ["moss", "fern"]}),
    ("Bonus find! Find \"comet\" in the reply: each word on the list is there at least once.", "keywords_present",
     {"keywords": ["comet"]}),
    # a town crier's formula read past
    ("Hear ye, hear ye! Be it known that the reply contains no commas.", "no_commas", {}),
    ("Oyez! Let it be known that the reply is spoken wholly in the German tongue, and in no other.", "response_language",
     {"language": "de"}),
    ("Let it be proclaimed that the reply runs to 300 words or more, not one fewer than 300.", "word_count",
     {"relation": "at least", "n": 300}),
    ("Know ye that the paragraphs of the reply number 4 or more.", "paragraph_count", {"relation": "at least", "n": 4}),
]

NEURAL = [
    # a total with no side, or a tail of the other side
    "Count every \"lantern\" in the reply: your tally reaches 4.",
    "Count every word in the reply: you reach 250 or fewer.",
    "Count the bullet points in the reply: you should end up with exactly 4, maybe more.",
    # a hunt limited to a part of the reply, or asking for a form
    "Count every \"storm\" in the reply's first paragraph: the total comes to less than 3.",
    "Word hunt! Find \"moss\" and \"fern\" in the reply: every word on the list is in there at least once, in bold.",
    "Word hunt! Find \"moss\" and \"fern\" in the reply's title: every word on the list is in there at least once.",
    # a proclamation of content, a tail with another number, a tongue that is no language
    "Hear ye! Be it known that the reply praises the king in at least 3 sentences.",
    "Let it be known that the reply runs to 300 words or more, not one fewer than 250.",
    "Oyez! The reply is spoken wholly in the Elvish tongue, and in no other.",
    # what the reply does to someone, beside a count: read as the count alone before this round
    "The reply praises the king in at least 3 sentences.",
    "The reply criticises the plan in at least 3 sentences.",
    "The reply apologises in fewer than 3 sentences.",
    "The reply argues for peace in at least 3 paragraphs.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
