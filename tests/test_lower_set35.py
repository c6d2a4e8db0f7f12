"""Set 35's voices, developed on after its one blind measurement (issue 15, round 30): lettered conditions that must all
hold ('Both hold: (a) ...; (b) ...', 'Conditions: (a) X is counted ...; (b) the total is N'), and a glossary-first item
that defines its term and then applies it ('By "T", this item means D; the response ...', '"T" here means D; the
response has N of them'); a competency descriptor and its observed fact ('Can X: this reply Y'); a preference judge's
principle ('Prefer the reply that X', '... in which the count of "x" is N'). Wordings written for the tests, not set 35's sentences; NEURAL must stay neural: a lead that
asks for one condition only, a condition about content, a condition or definition that changes the check, a definition
of something else."""
from lowering_cases import lowering_tests

LOWERED = [
    # lettered conditions
    ("Both must hold: (a) the reply is in Swahili; (b) this holds for the entire reply.", "response_language", {"language": "sw"}),
    ("All three hold: (a) the answer is in English; (b) each letter in it is a lowercase letter; (c) there is no capital "
     "letter anywhere.", "all_lowercase", {"language": "en"}),
    ("Conditions: (a) the word \"harbor\" is counted across the whole answer, case ignored; (b) the count is at most 4.",
     "keyword_frequency", {"keyword": "harbor", "relation": "at most", "n": 4}),
    ("Conditions: (a) paragraphs are counted over the whole reply; (b) there are exactly 5 of them.", "paragraph_count",
     {"relation": "exactly", "n": 5}),
    ("Conditions: (a) the letter \"q\" is counted over the whole reply, capitals included; (b) the total is fewer than 3.",
     "letter_frequency", {"letter": "q", "relation": "less than", "n": 3}),
    ("Both hold: (a) the reply uses square-bracket placeholders such as [date]; (b) there are at least 3 of them.",
     "placeholder_count", {"relation": "at least", "n": 3}),
    ("Requires all of: (a) the reply has exactly 3 paragraphs; (b) the paragraphs are separated by the markdown divider ***.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Met only if (a) the reply starts with a double quotation mark and (b) it ends with one too.", "wrapped_in_quotes", {}),
    ("All of the following hold: (a) none of the words \"cheap\" or \"deal\" appears in the reply; (b) that goes for any "
     "capitalisation.", "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("Both hold: (a) the reply has no comma anywhere; (b) that includes numbers and lists.", "no_commas", {}),
    # a glossary-first item
    ("By \"comma-free\", this item means not a single comma anywhere in the text; the reply is comma-free in that sense.",
     "no_commas", {}),
    ("\"Paragraphs\" here are the parts split by the markdown divider ***; the reply has exactly 3 of them.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("\"Length\" here is measured in sentences; the reply has at most 7 sentences.", "sentence_count", {"relation": "at most", "n": 7}),
    ("The \"banned words\" here are cheap, deal, offer; the reply uses none of them.", "keywords_absent",
     {"keywords": ["cheap", "deal", "offer"]}),
    ("\"In Swahili\" means the whole reply is written in Swahili rather than any other language; that describes the reply.",
     "response_language", {"language": "sw"}),
    ("\"Closes with\" here means the last words of the reply are exactly \"Any questions?\"; that is how the reply ends.",
     "ends_with", {"phrase": "Any questions?"}),
    ("\"Mentions\" of \"harbor\" are counted here in any capitalisation; the reply contains at most 4 of them.",
     "keyword_frequency", {"keyword": "harbor", "relation": "at most", "n": 4}),
    ("\"Uses of the letter q\" here include both its uppercase and lowercase forms; the reply has fewer than 3 of them.",
     "letter_frequency", {"letter": "q", "relation": "less than", "n": 3}),
    ("Here \"lowercase\" means no capital letter anywhere in the text, and \"in English\" means the text is English; the reply "
     "meets both.", "all_lowercase", {"language": "en"}),
    ("The \"answer options\" here are the exact phrases \"Yes.\", \"No.\" or \"Unsure.\"; the reply contains one of them.",
     "any_phrase_present", {"phrases": ["Yes.", "No.", "Unsure."]}),
    # a competency descriptor and its observed fact
    ("Can keep it short on request: this reply has at most 4 sentences.", "sentence_count", {"relation": "at most", "n": 4}),
    ("Can reply in Swahili: this entire reply is in Swahili.", "response_language", {"language": "sw"}),
    ("Can avoid listed terms: this reply uses none of \"cheap\", \"deal\" or \"offer\", in any capitalisation.", "keywords_absent",
     {"keywords": ["cheap", "deal", "offer"]}),
    ("Can use a term sparingly: counted case-insensitively, \"harbor\" occurs in this reply fewer times than 4.", "keyword_frequency",
     {"keyword": "harbor", "relation": "less than", "n": 4}),
    # a preference judge's principle
    ("Prefer the reply that contains no commas anywhere.", "no_commas", {}),
    ("Select the answer in which the count of the word \"harbor\", regardless of case, is at least 3.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("Pick the reply in which the count of the letter \"q\", capitals and lowercase together, is fewer than 5.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 5}),
]

NEURAL = [
    # a lead that asks for one condition only, or turns them around
    "Either holds: (a) the reply is in Swahili; (b) the reply has no commas.",
    "At least one of the following holds: (a) the reply has exactly 3 paragraphs; (b) the reply ends with \"Bye.\"",
    "None of the following holds: (a) the reply has a comma; (b) the reply has a title.",
    "(a) the reply has no commas; (b) the reply is polite.",
    # a condition about content, or one that changes the check
    "Both hold: (a) the reply has no commas; (b) it is polite and helpful.",
    "Both hold: (a) the reply has exactly 3 paragraphs; (b) each paragraph discusses a different benefit.",
    "Both hold: (a) the reply is in English; (b) the reply has no commas.",
    "Conditions: (a) words are counted in the first paragraph only; (b) the count is at least 50.",
    "Both hold: (a) the reply uses \"harbor\" at least twice; (b) it is used as a verb.",
    # a definition that changes the check, defines something else, or a statement about content
    "\"Length\" here is measured in paragraphs; the reply has at least 300 words.",
    "By \"no commas\", this item means no commas in the title; the reply has none.",
    "\"Highlighted sections\" here are sections that summarize the argument; the reply has at least 2 of them.",
    "\"In Swahili\" means the reply greets the user in Swahili; that describes the reply.",
    "By \"concise\", this item means a clear and focused answer; the reply is concise in that sense.",
    "\"Key terms\" here are the technical words of the field; the reply uses at least 3 of them.",
    # a descriptor about content, a fact not said of the reply, a negated descriptor, a principle turned around
    "Can explain the causes of the war clearly: this reply has at most 4 sentences.",
    "Can write persuasively: this reply uses the word \"must\" at least twice.",
    "Can keep it short: the user's message has at most 4 sentences.",
    "Cannot keep it short: this reply has at most 4 sentences.",
    "Reject the reply that contains no commas anywhere.",
    "Prefer the reply in which the count of the word \"harbor\" in the title is at least 3.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
