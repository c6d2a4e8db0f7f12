"""Set 41's voices, developed on after its one blind measurement (issue 15, round 35): a judge's direction to a jury
('Members of the jury, if you are sure that X, you must find this item proved.'), a railway announcement ('Passengers
are advised that ...'), a stage direction ('(The reply ...)'), marketplace feedback ('A+++ ... As described.'), a
deed's description ('All that text containing ...') and an honours citation ('Commended for brevity: ...'). Wordings
written for the tests, not set 41's sentences; NEURAL must stay neural: a direction whose condition is about content, a
verdict the readers do not know (the item not proved), a converse that is not the bound's other side, a list's lead
that says the opposite of its statement, a shortage that is not a bound from above, a citation's label the bound does
not bear out."""
from lowering_cases import lowering_tests

LOWERED = [
    # the condition the jury must be sure of is the requirement
    ("Members of the jury, if you are satisfied that the reply contains no commas at all, you must find this item proved.", "no_commas", {}),
    ("Ladies and gentlemen of the jury, if you are sure that the whole reply is in Swahili, then you must find this item proved.",
     "response_language", {"language": "sw"}),
    ("Jurors, if you are sure that none of these words appears in the reply as a whole word, in any case, you must find the item proved: "
     "harbour, gull.", "keywords_absent", {"keywords": ["harbour", "gull"]}),
    ("Members of the jury, if you are sure that the reply finishes with the exact words \"Over and out.\", you must find this item proved.",
     "ends_with", {"phrase": "Over and out."}),
    ("Members of the jury, you must be sure that the reply ends with a postscript starting with P.S.; if it does, find this item proved.",
     "postscript", {"marker": "P.S."}),
    ("Members of the jury, you must be sure of two things: that the reply is in English, and that it contains no capital letters. "
     "If both are proved, find this item proved.", "all_lowercase", {"language": "en"}),
    ("Members of the jury, you must decide whether the reply is wrapped in double quotation marks from start to finish. "
     "If you are sure that it is, the item is proved.", "wrapped_in_quotes", {}),
    ("Members of the jury, the question for you is whether the reply contains a title in double angular brackets, like <<Tide tables>>. "
     "If you are sure that it does, find this item proved.", "has_title", {}),
    ("Members of the jury, you must be sure that the reply first repeats the request word for word and only then answers it. "
     "If so, find this item proved. The request is: Describe a lighthouse keeper's morning.", "repeats_prompt",
     {"prompt_to_repeat": "Describe a lighthouse keeper's morning."}),
    # a count directed is the count said of the response
    ("Members of the jury, count the sentences in the reply. If the total is 9 or more, you must find this item proved.",
     "sentence_count", {"relation": "at least", "n": 9}),
    ("Members of the jury, count the words in the reply. If, and only if, the count is strictly below 75, you must find this item proved.",
     "word_count", {"relation": "less than", "n": 75}),
    ("Members of the jury, count how many times the word \"tide\" appears in the reply, in any case. If the count is at least 4, "
     "you must find this item proved.", "keyword_frequency", {"keyword": "tide", "relation": "at least", "n": 4}),
    ("Members of the jury, count each occurrence of the letter \"z\" in the reply, upper or lower case. If the total is fewer than 5, "
     "you must find this item proved; if it is 5 or more, you must not.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 5}),
    ("Members of the jury, count the square-bracket placeholders, such as [city], in the reply. If there are at least 3 of them, "
     "you must find this item proved.", "placeholder_count", {"relation": "at least", "n": 3}),
    ("Members of the jury, count the parts of the reply that start with PART followed by a number, such as PART 1. If there are 2 or more "
     "of them, find this item proved.", "section_count", {"splitter": "PART", "relation": "at least", "n": 2}),
    # a split directed is the paragraph count with its separator
    ("Members of the jury, split the reply at the *** dividers. If that gives exactly 3 paragraphs, you must find this item proved.",
     "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Members of the jury, split the reply into paragraphs at the blank lines. If there are exactly 5 paragraphs and the second "
     "paragraph starts with the word \"tide\", you must find this item proved.", "paragraph_first_word",
     {"nth": 2, "word": "tide", "num_paragraphs": 5}),
    # a railway announcement: the lead asks for nothing, a list called at is said, one run past is avoided
    ("Passengers are reminded that this service is calling at \"harbour\", \"gull\" and \"tide\": every keyword on that list appears "
     "somewhere in the reply, in any capitalisation.", "keywords_present", {"keywords": ["harbour", "gull", "tide"]}),
    ("Please note: this reply runs non-stop past \"cheap\"; not one word on that list appears in it as a whole word.", "keywords_absent",
     {"keywords": ["cheap"], "whole_word": True}),
    ("Please note: the letter \"z\" is in short supply on this route; counted in either case, its total across the reply is under 4.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Passengers are advised that the reply carries markdown bullet points: exactly 5 of them across the whole reply.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    # a stage direction: the parentheses and the theatre's idioms ask for nothing
    ("(In the course of its lines the reply says \"harbour\" and \"gull\"; every keyword on that list is spoken somewhere.)",
     "keywords_present", {"keywords": ["harbour", "gull"]}),
    ("(The reply speaks all of its lines in Swahili, from the first to the last; it never drops into another language.)",
     "response_language", {"language": "sw"}),
    ("(The reply keeps returning to the word \"tide\": in any capitalisation, it is spoken at least 3 times across its lines.)",
     "keyword_frequency", {"keyword": "tide", "relation": "at least", "n": 3}),
    ("(The reply holds the stage for 250 words or more, counting every word.)", "word_count", {"relation": "at least", "n": 250}),
    ("(The reply's lines go light on the letter 'k': counting capitals and small letters together, its total stays under 3.)",
     "letter_frequency", {"letter": "k", "relation": "less than", "n": 3}),
    # marketplace feedback: 'A+++' and the praise ask for nothing
    ("A+++ Arrived with no commas anywhere in the text. Would buy again.", "no_commas", {}),
    ("A+++ Counted the words in the whole reply: fewer than 90, exactly as advertised. Five stars.", "word_count",
     {"relation": "less than", "n": 90}),
    ("A+++ No sign of \"cheap\" or \"deal\" anywhere in the text as a whole word, in any case, as requested.", "keywords_absent",
     {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("A+++ Ended on exactly \"Fair winds.\" with nothing after it, as promised.", "ends_with", {"phrase": "Fair winds."}),
    ("A+++ Arrived with no commas anywhere in the text, as described. Happy buyer.", "no_commas", {}),
    # a deed's description: 'All that text' is the response
    ("All that text containing the letter 'k', reckoned in upper and lower case together, to a total of less than 4.", "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 4}),
    ("All that text excepting \"cheap\" and \"deal\", no such word occurring anywhere therein as a whole word.", "keywords_absent",
     {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("All that text, from its first word to its last, lying wholly within the Finnish language, no part of it in any other language.",
     "response_language", {"language": "fi"}),
    ("All that text containing paragraphs to the exact number of 4, no more and no fewer.", "paragraph_count", {"relation": "exactly", "n": 4}),
    # an honours citation: the label borne out by the bound
    ("Commended for brevity: the response's words number fewer than 80.", "word_count", {"relation": "less than", "n": 80}),
    ("Commended for concision: the entire response comes in at under 60 words.", "word_count", {"relation": "less than", "n": 60}),
    ("Commended for economy with the letter 'k': counted in either case, it totals fewer than 3 across the response.", "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 3}),
    ("Awarded for including \"harbour\" in the response, every keyword listed appearing at least once.", "keywords_present",
     {"keywords": ["harbour"]}),
    ("In recognition of highlighting sections with markdown, as in *key point*, at least 3 in number.", "highlighted_sections",
     {"relation": "at least", "n": 3}),
]

NEURAL = [
    # a condition about content
    "Members of the jury, if you are sure that the reply is persuasive and accurate, you must find this item proved.",
    "Members of the jury, count the arguments the reply makes for the defence. If there are 3 or more of them, you must find this item proved.",
    # a verdict the readers do not know
    "Members of the jury, if you are sure that the reply contains a comma, you must find this item not proved.",
    "Members of the jury, if you are sure that the reply has no commas, the item is not proved.",
    # a converse that is not the bound's other side
    "Members of the jury, count the sentences in the reply. If the count is fewer than 5, you must find this item proved; "
    "if it is 8 or more, you must not.",
    # a list's lead that says the opposite of its statement
    "Please note: this reply runs non-stop past \"cheap\"; every keyword on that list appears somewhere in the reply.",
    "This service is calling at \"cheap\": not one word on that list appears in the reply.",
    "A+++ Explained \"tide\" and \"gull\" in the text, every keyword I asked for, somewhere in the reply.",
    # a shortage that is not a bound from above
    "Please note: the letter \"z\" is in short supply on this service; counted in either case, its total across the reply is 4 or more.",
    # a citation's label the bound does not bear out, or one that judges
    "Commended for brevity: the response's sentences number at least 12.",
    "Commended for insight: the response's sentences number fewer than 12.",
    "Commended for economy with the letter 'k': counted in either case, it totals at least 3 across the response.",
    "Commended for insight: including \"tide\" in the response, every keyword listed appearing at least once.",
    # feedback about content
    "A+++ Arrived with helpful advice and no commas. Would buy again.",
    # the judgement words among set 41's vocabulary, said of the reply (a buyer's 'Happy buyer.' is read off first)
    "The reply is lovely and has no commas.",
    "The reply reads happy and uses no commas.",
    "The reply shows concision and has no commas.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
