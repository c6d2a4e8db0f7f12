"""Set 50's voices, developed on after its one blind measurement (issue 15, round 42): a label's bracketed place in a
numbered document ('Handling (section 7): ...'), a listed lead's statement with the reply as its subject ('The reply's
tour stops at each of these words'), a list given last after the statement that points to it ('the reply weaves in each
of these at least once: "a", "b".'), 'the reply contains none of these words', notes ('case not mattering', 'even
inside a longer word', 'any capitalisation counting', 'whether written in upper or lower case', '; count every
occurrence'), the whole reply said as a span ('from the first line to the last', 'start to finish', 'from the reply's
first word to its last'), a lead that walks the reply ('Begin at the reply's first word and read on to the last.'),
'you will hear the word x', a pledge or a stock opening before the statement ('I promise ...', 'Let me be clear:'), a
stat block's named entry ('Bonus action — Whisper: ...'), JSON 'with nothing outside it except, optionally, ``` markdown
fences', a unit's layout as a label ('Section layout: exactly 3 paragraphs'), a separator named as the break between the
parts ('with the markdown divider *** as the break between them'), and a lead naming what the statement's 'it'
is ('Sparing with the letter "q": it appears ...').
Wordings written for the tests, not set 50's sentences. NEURAL must stay neural: a bracket that is no place (a count, a
condition); a statement pointing to a list that places its words, counts them, or explains them; a list's lead that
forbids beside a presence; a span that is only part of the reply; a promise of content; a lead whose side
is not the bound's; a unit counted under another unit's label; more than fences outside JSON."""
from lowering_cases import lowering_tests

LOWERED = [
    # a label's bracketed place in a numbered document
    ("Handling (section 7): the reply contains no comma anywhere in its text.", "no_commas", {}),
    ("Storage (section 7, conditions for safe storage): the whole reply is wrapped in double quotation marks.", "wrapped_in_quotes", {}),
    ("Toxicology (section 11). Word count: at most 120. The reply contains 120 words or fewer.", "word_count",
     {"relation": "at most", "n": 120}),
    # a listed lead, the reply the subject of the statement that points back to it
    ("Stops on the tour: \"castle\" and \"bridge\". The reply's tour visits every one of these words at least once, in any "
     "letter case.", "keywords_present", {"keywords": ["castle", "bridge"]}),
    ("Pantry staples: \"flour\" and \"yeast\". Each of these appears in the reply at least once, case not mattering, even "
     "inside a longer word.", "keywords_present", {"keywords": ["flour", "yeast"]}),
    ("Closed lanes: \"mud\" and \"ford\". The reply contains none of these words as a whole word, in any case.",
     "keywords_absent", {"keywords": ["mud", "ford"], "whole_word": True}),
    # the list given last, after the statement that points to it
    ("Palette: rich. The reply weaves in each of these at least once, capitalisation aside: \"ochre\" and \"umber\".",
     "keywords_present", {"keywords": ["ochre", "umber"]}),
    ("You asked, and here it is: the reply will include every one of these keywords at least once, in any capitalisation: "
     "kettle, spoon.", "keywords_present", {"keywords": ["kettle", "spoon"]}),
    # the whole reply said as a span; a lead that walks it
    ("The whole reply is in Italian, from the first line to the last.", "response_language", {"language": "it"}),
    ("The reply runs to 400 or more words from the reply's first word to its last.", "word_count", {"relation": "at least", "n": 400}),
    ("Begin at the reply's first word and read on to the last. Not one comma appears anywhere in the reply.", "no_commas", {}),
    # the reader told what they will hear; notes on counting; a pledge or stock opening
    ("You will hear the word harvest at least 4 times in the reply.", "keyword_frequency", {"keyword": "harvest", "n": 4}),
    ("In the reply you will meet the word lantern at least 3 times; count every occurrence, upper or lower case.",
     "keyword_frequency", {"keyword": "lantern", "n": 3}),
    ("Across the whole reply, you will meet the word tide fewer than 3 times.", "keyword_frequency",
     {"keyword": "tide", "relation": "less than", "n": 3}),
    ("The reply uses the word river at least 5 times, any capitalisation counting.", "keyword_frequency", {"keyword": "river", "n": 5}),
    ("I promise you will hear the word bread at least 2 times in the reply, whether written in upper or lower case.",
     "keyword_frequency", {"keyword": "bread", "n": 2}),
    ("Make no mistake: the reply will be in English, written in lowercase letters, with no capital letter anywhere in it.",
     "all_lowercase", {}),
    ("I stand before you to promise a reply written entirely in lowercase letters, in English.", "all_lowercase", {}),
    # a stat block's named entry; JSON's fences allowed; a unit's layout; a lead naming what 'it' is
    ("Bonus action — Whisper: the reply contains no comma anywhere in it.", "no_commas", {}),
    ("The whole reply is valid JSON, with nothing outside it except, optionally, ``` markdown fences around it.", "is_json", {}),
    ("Section layout: exactly 3 paragraphs, separated from one another by blank lines.", "paragraph_count", {"n": 3}),
    ("The reply has exactly 3 paragraphs, with the markdown divider *** as the break between them.", "paragraph_count",
     {"n": 3, "separator": "***"}),
    ("Sparing with the letter \"q\": it appears in the reply fewer than 4 times.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 4}),
]

NEURAL = [
    # a bracket that is no place
    "Handling (at least 3 paragraphs): the reply contains no comma anywhere in its text.",
    "Handling (if the user asks for a list): the reply contains no comma anywhere in its text.",
    # a statement pointing to a list that places, counts or explains its words
    "Stops on the tour: \"castle\" and \"bridge\". The reply's tour visits every one of these words in bold.",
    "Stops on the tour: \"castle\" and \"bridge\". The reply explains every one of these words at least once.",
    "Palette: rich. The reply weaves in each of these in its title: \"ochre\" and \"umber\".",
    "In the first paragraph: the reply will include each of these at least once: kettle, spoon.",
    "Banned from the tour: \"castle\" and \"bridge\". The reply's tour visits every one of these words at least once.",
    # a span that is only part of the reply; a promise of content
    "The reply is in Italian from the first line to the third.",
    "I promise the reply will explain the causes of the war in at least 300 words.",
    "Make no mistake: the reply will be persuasive and written in lowercase letters.",
    "I promise you a reply that makes everyone happy, in fewer than 50 words.",
    # a lead whose side is not the bound's; a count of one unit under another's label; more than fences outside JSON
    "Generous with the letter z: it appears in the reply fewer than 3 times.",
    "Fond of the word \"tea\": it appears in the title at least twice.",
    "Section count: exactly 6 paragraphs, separated by blank lines.",
    "The reply is valid JSON, with nothing outside it except a short greeting.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
