"""Set 36's voices, developed on after its one blind measurement (issue 15, round 31): a patent claim ('A response
comprising X, wherein Y'), a certifying officer's attestation ('This is to certify that X', 'Affirms that X'), a
training objective's Task / Condition / Standard, a game achievement's unlock condition ("Achievement 'X' unlocks when
...", 'Quest complete once ...'), a field guide's identification note ('Identified by its X: ...', 'Field marks: ...').
Also the keyword lists all those voices say in more words ('each at least once', 'none of them omitted', '(whole words,
any capitalisation)' after an unquoted list, 'zero whole-word occurrences of ...'). Wordings written for the tests,
not set 36's sentences; NEURAL must stay neural: a lead about content, a lead naming a language the statement does not
ask for, a presence note on words that must be absent, a whole-word note on words that must appear, a quoted
punctuation mark as a keyword."""
from lowering_cases import lowering_tests

LOWERED = [
    # a patent claim
    ("A reply comprising each of the terms \"tide\" and \"moon\", wherein every one of them appears at least once.",
     "keywords_present", {"keywords": ["tide", "moon"]}),
    ("A reply wherein the whole text is written in Swahili, no part of it in any other language.", "response_language",
     {"language": "sw"}),
    ("An answer consisting of exactly 4 paragraphs separated by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    # an attestation, a finding
    ("We hereby certify that the words \"tide\" and \"moon\" all appear in the reply, each at least once.", "keywords_present",
     {"keywords": ["tide", "moon"]}),
    ("Confirms that the reply includes each of the words \"tide\" and \"moon\", none of them omitted.", "keywords_present",
     {"keywords": ["tide", "moon"]}),
    ("Records that the reply contains no commas at all, from its first word to its last one.", "no_commas", {}),
    ("Observes that the reply is free of each of the words \"cheap\" and \"deal\", none of them appearing as a whole word.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Notes that the reply first restates the request exactly as given, \"Name three rivers.\", with no words before it and "
     "no change to it, and thereafter answers it.", "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    # Task / Condition / Standard
    ("Task: avoid the banned terms. Standard: zero whole-word occurrences of \"cheap\" or \"deal\" in the reply.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Task: format the points. Standard: exactly 6 markdown bullets, each on its own line beginning with * or -.",
     "bullet_count", {"relation": "exactly", "n": 6}),
    ("Task: limit one letter. Standard: fewer than 4 occurrences of the letter 'z' in the whole reply, any case.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Task: split the reply up. Condition: dividers are counted. Standard: exactly 3 paragraphs, the markdown divider *** "
     "between consecutive ones, and no empty paragraph.", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Task: stay brief. Standard: under 90 words; exactly 90 does not meet the standard.", "word_count",
     {"relation": "less than", "n": 90}),
    ("Task: frame it as a quote. Standard: the entire reply begins with a double quotation mark and ends with one.",
     "wrapped_in_quotes", {}),
    # an unlock condition
    ("Achievement 'Clean Copy' unlocks when the reply uses no commas from its first character to its last.", "no_commas", {}),
    ("Unlocks once the reply racks up at least 12 appearances of the letter 'k', upper or lower case.", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 12}),
    ("Unlocks when the reply gets all the way through without using any of these words: cheap, deal, offer (whole words, any "
     "capitalisation).", "keywords_absent", {"keywords": ["cheap", "deal", "offer"]}),
    ("Achievement unlocked when the reply has used every keyword on the list (tide, moon) at least once each.",
     "keywords_present", {"keywords": ["tide", "moon"]}),
    ("Quest complete once the reply has put down 20 sentences or more in total.", "sentence_count",
     {"relation": "at least", "n": 20}),
    ("The 'Loud' trophy is earned when the reply uses 8 or more all-caps words (every letter of the word a capital).",
     "capital_word_frequency", {"relation": "at least", "n": 8}),
    # a field guide's identification note
    ("Identified by its total absence of commas: not one ',' shows up anywhere in the reply.", "no_commas", {}),
    ("Identified by its language: Swahili (sw) throughout the whole reply.", "response_language", {"language": "sw"}),
    ("Identified by its numbered parts: at least five of them, each beginning with PART and a number, as in PART 1.",
     "section_count", {"splitter": "PART", "relation": "at least", "n": 5}),
    ("Identified by its three paragraphs, exactly that many, marked off from one another by the markdown divider ***.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Recognised by its lowercase letters: not one capital letter anywhere in the reply.", "all_lowercase", {}),
    ("Field marks: at least 3 sections highlighted with markdown, in the *like this* style.", "highlighted_sections",
     {"relation": "at least", "n": 3}),
]

NEURAL = [
    # a lead about content
    "Task: answer concisely. Standard: the reply contains fewer than 6 sentences altogether.",
    "Task: persuade the reader. Standard: the reply uses the word \"must\" at least twice.",
    # a lead naming a language the statement does not ask for
    "Recognised by its all-lowercase French: not one capital letter anywhere in the reply.",
    # presence restated beside absence; whole words beside presence
    "The reply is free of each of the words \"cheap\" and \"deal\", none of them omitted.",
    "The reply includes the keywords: tide, moon (whole words, any capitalisation).",
    # a punctuation mark as a keyword
    "The reply does not contain the words \",\" or \";\".",
    # a claim that is no statement of the reply
    "A reply wherein, as the user asked, the tone is warm.",
    # an unlock condition on content
    "Unlocks when the reply explains the tides clearly.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
