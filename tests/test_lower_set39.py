"""Set 39's voices, developed on after its one blind measurement (issue 15, round 33): a chess annotator's move comment
('! Careful play: X'), a ship's log entry ('0800. Sentences logged in the reply: 9 or more.'), a customs declaration
line ('Sentences declared: at least 9. Count on inspection: 9 or more.'), a typesetter's proof mark ('Stet: X', '\u00b6'),
a tailor's fitting note ('Measures exactly: five bullet points') and a gymnastics judge's credit ('Full value credited:
X'). Wordings written for the tests, not set 39's sentences; NEURAL must stay neural: a comment or a note about content,
an inspection that finds another count than the one declared, a comment with data of its own."""
from lowering_cases import lowering_tests

LOWERED = [
    # a chess annotation: its glyphs and its idiom ask for nothing
    ("!! Sharp play: the reply steers clear of \"cheap\" and \"deal\"; none of these words appears, in any capitalisation.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("! Exactly 4 bullet points on the board: the reply lists 4 markdown bullets, no more and no fewer.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("The reply is written in Swahili from the opening to the endgame!", "response_language", {"language": "sw"}),
    ("! Generous with 'z': at least 5 occurrences in the reply, either case.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 5}),
    ("! Keeps returning to 'anchor': the word appears at least 3 times.", "keyword_frequency",
     {"keyword": "anchor", "relation": "at least", "n": 3}),
    # a chess comment's adjectives judge the move ('Economical', 'Loud play'), not the reply
    ("! Economical: 'anchor' appears fewer than 3 times in the reply.", "keyword_frequency",
     {"keyword": "anchor", "relation": "less than", "n": 3}),
    # a ship's log: the watch time and the survey ask for nothing
    ("0600. Reply surveyed stem to stern; not one comma sighted anywhere aboard.", "no_commas", {}),
    ("1200 hours. Sentences logged in the reply: 9 or more.", "sentence_count", {"relation": "at least", "n": 9}),
    ("Noon. 'anchor' counted in the reply: fewer than 4 times.", "keyword_frequency",
     {"keyword": "anchor", "relation": "less than", "n": 4}),
    ("2000. Reply swept for \"cheap\" and \"deal\": none of these words aboard.", "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Dusk. Final entry in the reply: \"Fair winds.\", word for word; nothing logged after it.", "ends_with",
     {"phrase": "Fair winds."}),
    ("0200. Reply logged in Swahili, from first line to last.", "response_language", {"language": "sw"}),
    # a customs declaration: the inspection says the same again
    ("Bullet points declared: exactly 4. Count on inspection: exactly 4.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Sentences declared: at least 9. Count on inspection: 9 or more in the reply.", "sentence_count",
     {"relation": "at least", "n": 9}),
    ("Prohibited words: cheap, deal. Quantity found in the reply: 0 of each.", "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Keywords declared: \"harbour\" and \"gull\". Each one found in the reply.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    ("Paragraphs declared: 4. Separator: the markdown divider ***. Both found as declared.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Character 'z' declared: fewer than 4 occurrences in the reply, capitals and small letters together.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4}),
    # a proof mark
    ("Stet: the reply carries no commas anywhere, in lists, numbers and quotations alike.", "no_commas", {}),
    ("'anchor' set fewer than 4 times in the reply (any capitalisation counts).", "keyword_frequency",
     {"keyword": "anchor", "relation": "less than", "n": 4}),
    ("Exactly 3 \u00b6\u00b6, divided by *** rules: the reply's paragraphs are separated by the markdown divider ***.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    # a fitting note, a judge's credit
    ("Fits clean: the reply is tailored in English and entirely in lowercase letters, capitals nowhere in the cut.",
     "all_lowercase", {"language": "en"}),
    ("Measures exactly: five markdown bullet points, with * or - at the start of each.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("Measures up: 'anchor' worked into the reply at least 3 times.", "keyword_frequency",
     {"keyword": "anchor", "relation": "at least", "n": 3}),
    ("Full value credited: the reply is written in English and held in uppercase from the first letter to the last.",
     "all_uppercase", {"language": "en"}),
]

NEURAL = [
    # a comment or a note about content
    "! A helpful, clear move: the reply has no commas.",
    "! Brilliant: the reply explains the opening well.",
    "0800. Reply surveyed bow to stern; the tone is friendly throughout.",
    "Fits as ordered: the reply is persuasive and has no commas.",
    # an inspection that finds another count than the one declared
    "Sentences declared: at least 9. Count on inspection: fewer than 9.",
    "Bullet points declared: exactly 4. Count on inspection: 3.",
    # the same adjectives said of the reply are judgements (semantic cues)
    "The reply is neat and has no commas.",
    "The reply is economical and uses no commas.",
    # a comment with data of its own, and 'the word' naming no word
    "! Keeps pressing with 'schedule': the argument is convincing.",
    "The word appears at least 6 times.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
