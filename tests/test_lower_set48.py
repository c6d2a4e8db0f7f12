"""Set 48's voices, developed on after its one blind measurement (issue 15, round 40): a figure before a colon glossed by a
plain statement of the reply ('Quiet as a library: the whole answer is in lowercase letters'), a list named in a lead and
pointed back to ('Headlining "a" and "b": each of them turns up ...', 'Struck from the menu: "a". Not one of them ...'),
'that word' / 'the character' pointing back to a lead's one quotation, a trailer's fragments around the requirement ('In a
town that never pauses, one answer stands alone. No commas.'), an inspector's tally ('Commas counted in the response:
none.'), and the core wordings they brought: 'a comma is found nowhere in the answer', 'the sentences of the response
total fewer than 12', 'exactly 4 stops, listed as markdown bullet points', 'at least 2 blanks ..., each a placeholder in
square brackets', 'valid JSON, with no stray text outside it', 'no empty paragraph between dividers', 'sentence starts and
names included', 'great and small counted alike'; and two wrong readings fixed: 'every letter of it is a capital, none
lowercase' was all_lowercase, 'Capital letters found in the reply: none' was all_uppercase. Wordings written for the
tests, not set 48's sentences; NEURAL must stay neural: a lead that limits the statement or gives a count it does not, a
lead forbidding what the statement says appears, a statement saying more of the listed words than where they are, a
sentence that only describes the reply in words no rule reads ('A gloomy reply.') or with a size its bound
does not bear out, a judgement in the figure, a tally of a case the rules do not read."""
from lowering_cases import lowering_tests

LOWERED = [
    # case words and an inspector's tally of what must be absent
    ("The reply is in English and every letter of it is a capital, none lowercase.", "all_uppercase", {"language": "en"}),
    ("Lowercase letters spotted in the answer: zero.", "all_uppercase", {}),
    ("Capital letters seen in it: nil.", "all_lowercase", {}),
    ("Commas counted in the response: none.", "no_commas", {}),
    ("The response has no capital letters, sentence starts and names included.", "all_lowercase", {}),
    # a comma nowhere
    ("A comma is found nowhere in the answer.", "no_commas", {}),
    ("Commas show up nowhere in the response.", "no_commas", {}),
    # a list named in a lead, then pointed back to
    ("Headlining \"owl\" and \"moth\": each of them turns up in the answer at least once.", "keywords_present",
     {"keywords": ["owl", "moth"]}),
    ("Struck from the menu: \"kale\" and \"leek\". Not one of them occurs in the answer as a whole word.", "keywords_absent",
     {"keywords": ["kale", "leek"], "whole_word": True}),
    ("Props needed: lamp, rope. Each one present in the answer at least once.", "keywords_present", {"keywords": ["lamp", "rope"]}),
    # a figure before a colon, glossed by a plain statement of the reply; 'that word' / 'the character' its one quotation
    ("Quiet as a library: the whole answer is in lowercase letters.", "all_lowercase", {}),
    ("A fence with no gaps: the comma character appears nowhere in the answer.", "no_commas", {}),
    ("A scattering of \"plum\": that word appears at least 4 times in the response.", "keyword_frequency",
     {"keyword": "plum", "relation": "at least", "n": 4}),
    ("Sprinkled with 'z': the character appears at least 5 times in the response.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 5}),
    # a count said as its units' verb; a writer's name for bullet points and placeholders
    ("The sentences of the response total fewer than 12.", "sentence_count", {"relation": "less than", "n": 12}),
    ("Paragraphs in the answer come to exactly 4.", "paragraph_count", {"relation": "exactly", "n": 4}),
    ("The reply has exactly 4 stops, listed as markdown bullet points.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("The answer has at least 2 blanks left to fill, each a placeholder in square brackets.", "placeholder_count",
     {"relation": "at least", "n": 2}),
    # what the check does anyway, said again
    ("The whole answer is valid JSON, with no stray text outside it.", "is_json", {}),
    ("The reply has exactly 3 paragraphs, split by ***, and no empty paragraph between dividers.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The letter \"k\" appears at least 3 times in the response, great and small counted alike.", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 3}),
    # a trailer's fragments: the requirement among figures of speech
    ("Somewhere, a reply keeps its voice down. All in lowercase. Not one capital letter.", "all_lowercase", {}),
    ("In a town that never pauses, one answer stands alone. No commas.", "no_commas", {}),
    ("A reply that seldom uses 'q'. Fewer than 2 times in all.", "letter_frequency", {"letter": "q", "relation": "less than", "n": 2}),
]

NEURAL = [
    # a lead that limits the statement, or gives a count the check does not
    "Only in the list: the comma character appears nowhere in the answer.",
    "Five lanterns: the reply contains exactly 3 markdown bullet points.",
    "If the topic is birds, \"owl\": each of these appears in the answer.",
    "Headlining 2 times \"owl\": each of them appears in the answer.",
    # a lead forbidding what the statement says appears; more said of the words than where they are
    "Banned: \"owl\". Each one appears in the answer.",
    "Headlining \"owl\": each of them appears in the answer in bold.",
    # a sentence describing the reply in words no rule reads, or with a size its bound does not bear out
    "A brief reply. All in lowercase. Not one capital letter.",
    "A gloomy reply. No commas. Not a single one.",
    "Quiet as a library: the whole answer has at least 300 words.",
    # a judgement in the figure; a tally of a case the rules do not read (never read as the other case)
    "A great read: the whole answer is in lowercase letters.",
    "Capitals found: none.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
