"""Set 38's voices, developed on after its one blind measurement (issue 15, round 33): a lab notebook's observation
('Obs.: ... Commas seen: none.'), a building inspector's code citation ('Meets code section 4.2 (Length): X'), a
librarian's catalogue note ('Keywords in text: a, b'), a recipe's doneness cue ('Done when X'), a bug-bounty scope rule
('Eligible: responses containing X') and a scientific abstract's result claim ('We show that X'). Wordings written for
the tests, not set 38's sentences; NEURAL must stay neural: a finding or a cue about content, a code section whose
title names another check, a catalogue field with no keyword, a language code that is not the language's."""
from lowering_cases import lowering_tests

LOWERED = [
    # a lab notebook: the procedure asks for nothing when a finding follows it
    ("Obs.: scanned the reply sentence by sentence. Commas seen: none.", "no_commas", {}),
    ("Obs.: Commas counted: zero.", "no_commas", {}),
    ("Searched the reply for \"harbour\" and \"gull\", ignoring case: each one turns up at least once.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    ("Tally for the word \"anchor\" (case ignored): 4 or more occurrences in the reply.", "keyword_frequency",
     {"keyword": "anchor", "relation": "at least", "n": 4}),
    ("Count for the letter 'q', both cases: fewer than 3 in the reply.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 3}),
    ("Language of the reply, read line by line: Swahili, and nothing else.", "response_language", {"language": "sw"}),
    # a code citation: the section asks for nothing, its title must be about the check
    ("Meets code section 4.2 (Length): the reply is at least 250 words long.", "word_count", {"relation": "at least", "n": 250}),
    ("Conforms to Sec. 2.7 (Punctuation): not a single comma appears anywhere in the reply.", "no_commas", {}),
    ("Found compliant with \u00a79.1 (Letter case) on inspection: the reply is in English and all in capital letters.",
     "all_uppercase", {"language": "en"}),
    ("Inspected under Sec. 3.3 (Enclosure) and found satisfactory: the whole reply is wrapped in double quotation marks.",
     "wrapped_in_quotes", {}),
    ("Complies with section 8 (Vocabulary): the reply contains no occurrence of \"cheap\" or \"deal\" as a whole word.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    # a catalogue note: its keyword field quotes the plain words; its language field's code is the language's own
    ("Keywords in text: harbour, gull, tide (each occurs at least once, any case).", "keywords_present",
     {"keywords": ["harbour", "gull", "tide"]}),
    ("Text in Swahili throughout (language code sw).", "response_language", {"language": "sw"}),
    ("Words written in all capitals number at least 6 in the text.", "capital_word_frequency", {"relation": "at least", "n": 6}),
    # a doneness cue: 'done when' asks for nothing; its arrivals are appearing
    ("You'll know it's ready when the reply has no commas left in it at all.", "no_commas", {}),
    ("It's done once the word \"anchor\" has gone into the reply 3 times or more.", "keyword_frequency",
     {"keyword": "anchor", "relation": "at least", "n": 3}),
    ("Done when every one of these has found its way into the reply at least once: \"harbour\" and \"gull\".",
     "keywords_present", {"keywords": ["harbour", "gull"]}),
    ("Ready to plate when the reply has no trace of \"cheap\" or \"deal\" as a whole word.", "keywords_absent",
     {"keywords": ["cheap", "deal"]}),
    ("Take it off the heat once the reply has reached 7 sentences or more.", "sentence_count", {"relation": "at least", "n": 7}),
    # a scope rule: its subject is the response
    ("Eligible: responses containing at least 5 all-caps words, meaning words in which every letter is uppercase.",
     "capital_word_frequency", {"relation": "at least", "n": 5}),
    ("In scope: a submission that includes every one of the keywords \"harbour\" and \"gull\" (case-insensitive).",
     "keywords_present", {"keywords": ["harbour", "gull"]}),
    ("In scope for payout: responses with exactly 4 markdown bullet points.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("A valid submission has no commas anywhere in it.", "no_commas", {}),
    # a result claim: 'we show that' asks for nothing; a finding said as a noun phrase is said of the response
    ("We report that the reply contains fewer than 90 words.", "word_count", {"relation": "less than", "n": 90}),
    ("Here we demonstrate that the reply is written entirely in Swahili.", "response_language", {"language": "sw"}),
    ("We find exactly 4 markdown bullet points in the reply, each a line starting with a hyphen or an asterisk.",
     "bullet_count", {"relation": "exactly", "n": 4}),
    ("Our analysis identifies at least 3 markdown-highlighted sections within the reply.", "highlighted_sections",
     {"relation": "at least", "n": 3}),
    ("Our results show that the reply terminates in the exact phrase \"Fair winds.\", with nothing following it.",
     "ends_with", {"phrase": "Fair winds."}),
    # quoted data is never respelled ('terminates in' inside the end phrase stays as written)
    ("We show that the reply ends with the exact phrase \"The road terminates in the hills.\"", "ends_with",
     {"phrase": "The road terminates in the hills."}),
]

NEURAL = [
    # a finding, a cue, a scope rule about content
    "We find that the reply explains the tides clearly and accurately.",
    "Our analysis shows that the reply is persuasive and well organised.",
    "Done when the reply feels complete and answers every part of the question.",
    "Eligible: responses demonstrating a real security impact, with at least 3 steps to reproduce.",
    "Obs.: the tone seemed friendly throughout. Commas seen: none.",
    # an inspector's verdict word said of the response is a judgement ('satisfactory', a semantic cue)
    "The reply is satisfactory and uses no commas.",
    # a code section whose title names another check than the one its statement reads as
    "Conforms to Sec. 17.1 (Length): the reply contains no commas.",
    "Meets code section 6.1 (Title): the reply has exactly 4 markdown bullet points.",
    # a catalogue field with no keyword; a language code that is not the language's
    "Keywords in text: none.",
    "Text in Swahili throughout (language code de).",
    # a finding said of another party's text
    "We report that the user's message contains fewer than 90 words.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
