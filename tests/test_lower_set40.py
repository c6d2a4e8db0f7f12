"""Set 40's voices, developed on after its one blind measurement (issue 15, round 34): a radiology report ('Findings: X.
Impression: Y.'), a tour guide ('Count the bullet points with me, everyone: ...'), an estate agent's listing ('Features
X, at least 2 of them.'), a breed standard ('Markings: the standard calls for X'), a play-by-play call ('Steered clear
all the way! ...!') and a knitting pattern ('Work each keyword on this list into the reply: a, b.'). Wordings written
for the tests, not set 40's sentences; NEURAL must stay neural: an impression, a lead or a call that judges content, a
restated bound that differs, a count check that does not rule out the other case."""
from lowering_cases import lowering_tests

LOWERED = [
    # a radiology report: the findings said of the response, the procedure and the impression asking for nothing
    ("Findings: numbered bullet points aside, markdown bullets (lines starting with * or -) counted across the reply: exactly 4. "
     "Impression: list of the right length.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Findings: sentences counted across the entire reply; 14 or more identified. Impression: lengthy report.",
     "sentence_count", {"relation": "at least", "n": 14}),
    ("Findings: occurrences of the letter \"z\" counted across the reply, either case; the total is below 4.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Findings: the whole reply examined line by line. No comma identified anywhere in the reply. Impression: no commas.",
     "no_commas", {}),
    ("Findings: a title in double angular brackets, such as <<Harbour notes>>, identified in the reply.", "has_title", {}),
    ("Findings: the reply searched for each listed word (\"harbour\" and \"gull\"); none identified as a whole word, in any case.",
     "keywords_absent", {"keywords": ["harbour", "gull"]}),
    ("Findings: every listed keyword (\"harbour\" and \"gull\") identified in the reply at least once.",
     "keywords_present", {"keywords": ["harbour", "gull"]}),
    ("Findings: exactly 5 paragraphs identified, separated by blank lines. Paragraph 3 begins with the word \"tide\".",
     "paragraph_first_word", {"nth": 3, "word": "tide", "num_paragraphs": 5}),
    # a tour guide: the address and the pointing ask for nothing; 'of them' counts what is pointed at
    ("Count the placeholders with me, folks: square brackets like [city], and the reply has at least 3 of them.",
     "placeholder_count", {"relation": "at least", "n": 3}),
    ("Keep an eye out for the bullet points as we go through the reply, everyone: you'll count 6 of them at the very least.",
     "bullet_count", {"relation": "at least", "n": 6}),
    ("As you can see on our way through it, ladies and gentlemen, the whole reply is written in Swahili.",
     "response_language", {"language": "sw"}),
    ("Here's the interesting thing about this reply, folks: search it as you like, you won't find the word \"cheap\" anywhere in it.",
     "keywords_absent", {"keywords": ["cheap"]}),
    ("As we walk through the reply you'll see the *** dividers, folks: they split it into exactly 3 paragraphs.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Count the letter \"z\" with me as we go, either case: you'll find it at least 4 times in the reply.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 4}),
    # data after a colon is not the guide's ('with me', 'everyone' inside the phrase)
    ("Ends exactly with: Hope you agree with me.", "ends_with", {"phrase": "Hope you agree with me."}),
    ("Finishes exactly at \"Hope you agree with me.\": the response ends with those words.", "ends_with",
     {"phrase": "Hope you agree with me."}),
    ("Keep count of the word \"tide\" as we go along, folks: across the whole reply it turns up fewer than 3 times.",
     "keyword_frequency", {"keyword": "tide", "relation": "less than", "n": 3}),
    ("It's a short reply, everyone: count the sentences and you'll reach 3 at the very least.", "sentence_count",
     {"relation": "at least", "n": 3}),
    # an estate agent's listing: the feature said of the response, the headline a label
    ("Features highlighted sections in markdown like *this*, at least 4 of them.", "highlighted_sections",
     {"relation": "at least", "n": 4}),
    ("Offered completely free of \"cheap\" and \"deal\": no listed word appears in the reply, in any case.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Presented entirely in Swahili: the whole reply, from the first line to the last, is in Swahili.", "response_language",
     {"language": "sw"}),
    ("Compact and bijou: the reply runs to fewer than 120 words.", "word_count", {"relation": "less than", "n": 120}),
    # a breed standard: 'calls for' states the requirement
    ("Head: the standard calls for fewer than six words in all capital letters anywhere in the reply; the count stays strictly below 6.",
     "capital_word_frequency", {"relation": "less than", "n": 6}),
    ("The standard calls for every listed keyword, \"harbour\", to appear somewhere in the reply.", "keywords_present",
     {"keywords": ["harbour"]}),
    ("The standard calls for a reply in which no listed word (\"cheap\") appears anywhere, in any letter case.", "keywords_absent",
     {"keywords": ["cheap"]}),
    ("Size: the standard calls for at least 300 words in the reply.", "word_count", {"relation": "at least", "n": 300}),
    # a play-by-play call: the exclamation a skill aside, the count said again dropped
    ("Stayed well clear! Not a single use of the word \"cheap\" or \"deal\" anywhere in the reply!", "keywords_absent",
     {"keywords": ["cheap", "deal"]}),
    ("Paragraph after paragraph! At least 4 of them, split by the markdown divider ***!", "paragraph_count",
     {"relation": "at least", "n": 4}),
    ("The letter \"z\" is everywhere! At least 9 appearances in the reply, capital or small!", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 9}),
    ("Short and sweet! The reply wraps up in fewer than 8 sentences!", "sentence_count", {"relation": "less than", "n": 8}),
    ("Exactly 5 bullet points, markdown style! Not one more, not one less!", "bullet_count", {"relation": "exactly", "n": 5}),
    # a knitting pattern: 'Work X' said of the reply, its count check a bound
    ("Work each word on this list into the reply at least once: harbour, gull, tide.", "keywords_present",
     {"keywords": ["harbour", "gull", "tide"]}),
    ("Work the reply without using any word on this list: cheap, deal; count check: 0 of each.", "keywords_absent",
     {"keywords": ["cheap", "deal"]}),
    ("Work the whole reply in Swahili in lowercase letters only; count check: 0 capital letters.", "all_lowercase",
     {"language": "sw"}),
    ("Count check: fewer than 5 of the letter \"z\", either case, in the whole reply.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 5}),
]

NEURAL = [
    # an impression, a lead or a call that judges content
    "Findings: no comma identified anywhere in the reply. Impression: clear and persuasive prose.",
    "It's a convincing reply, everyone: count the sentences and you'll reach 12 at the very least.",
    "Brilliant analysis, start to finish! The reply has no commas!",
    "Boasts a wonderfully helpful tone: the reply has no commas.",
    # the judgement words among set 40's vocabulary, said of the reply (a call's idiom is read off first)
    "The reply is sharp and has no commas.",
    "The reply is interesting and uses no commas.",
    # a lead that is not a listing's, a standard's, or a tour guide's
    "Compact and bijou: the reply has no commas.",
    # a tour guide pointing at one thing and stating another
    "Notice the bullet points here, everyone: the reply has no commas.",
    "Notice the *** dividers, folks: the reply has no commas.",
    # a restated bound that differs from the first
    "Markings: the standard calls for fewer than ten words in all capital letters; the count stays strictly below 12.",
    # a count check that does not rule out the other case
    "Work the whole reply in English in lowercase letters only; count check: 0 lowercase letters.",
    # findings about content, and findings of a count with no unit read
    "Findings: the argument identified in the reply is sound.",
    "Findings: the tone of the reply reviewed. Impression: friendly.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
