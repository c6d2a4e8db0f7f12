"""Set 44's voices, developed on after its one blind measurement (issue 15, round 36): an examiner's report in the first
person and the past tense ('At 14:05 hrs I inspected the reply ... I counted ... The total was ...'), a list given in a
lead and said of after ('Allergens: a, b. No listed word appears ...'), and a field label with a short summary before
the statement ('Dose: under 90 words. The reply ...'). Wordings written for the tests, not set 44's sentences; NEURAL
must stay neural: a report sentence no reader reads, a report of the user's text, a label that says the other side of
its list's statement, a summary whose number or bound the statement does not bear out."""
from lowering_cases import lowering_tests

LOWERED = [
    # an examiner's report: the time stamp and the examination itself ask for nothing; what was found is required
    ("At 14:05 hrs I inspected the reply carefully. No commas were found anywhere in it.", "no_commas", {}),
    ("I counted the sentences in the reply. The count was 12 or more.", "sentence_count", {"relation": "at least", "n": 12}),
    ("I counted the words in the reply, and the total came to fewer than 90.", "word_count", {"relation": "less than", "n": 90}),
    ("I counted every occurrence of the letter 'z' in the reply, in either case. The total was 4 or more.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 4}),
    ("I counted the occurrences of \"tide\" in the reply, regardless of case. There were fewer than 3.", "keyword_frequency",
     {"keyword": "tide", "relation": "less than", "n": 3}),
    ("I counted 5 paragraphs in the reply, divided by the markdown divider ***, no more and no fewer.", "paragraph_count",
     {"relation": "exactly", "n": 5, "separator": "***"}),
    ("I observed a postscript starting with P.S. in the reply.", "postscript", {"marker": "P.S."}),
    ("I examined the reply and found it written entirely in Finnish.", "response_language", {"language": "fi"}),
    ("On examination the reply was in English and in capital letters throughout. I observed no lower-case letter anywhere.",
     "all_uppercase", {"language": "en"}),
    ("I searched the reply for \"harbour\" and \"gull\" and found every listed word in it at least once.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    ("I searched the reply for the following: cheap, deal. No listed word was found in it as a whole word, in any case.",
     "keywords_absent", {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("The reply opened with the request, repeated exactly: Name three rivers in Spain. I found no words before it.",
     "repeats_prompt", {"prompt_to_repeat": "Name three rivers in Spain."}),
    # a list in the lead, said of after
    ("Allergens: cheap, deal. No listed word appears in the reply as a whole word, in any case.", "keywords_absent",
     {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("Shopping list: \"harbour\" and \"gull\". Each listed item turns up in the reply at least once.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    ("Checked: contains every listed word (\"harbour\", \"gull\") at least once; any capitalisation counts.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    # a field label and its summary, then the statement
    ("Dose: under 90 words. The reply comes to fewer than 90 words in total.", "word_count", {"relation": "less than", "n": 90}),
    ("Minimum size: 4 sections. A valid reply has at least 4 sections, each opening with PART and a number, such as PART 1.",
     "section_count", {"splitter": "PART", "relation": "at least", "n": 4}),
    ("Least catch of \"tide\": 3. A legal reply's count of \"tide\", any capitalisation, is no lower than 3.", "keyword_frequency",
     {"keyword": "tide", "relation": "at least", "n": 3}),
    # a label's abbreviated words ('Max. dose', 'Sig.') are a label like any other
    ("Max. dose: the count of words in the reply stays below 120.", "word_count", {"relation": "less than", "n": 120}),
]

NEURAL = [
    # a report sentence no reader reads
    "I counted the words in the reply and felt it was too long. The total was below 300.",
    "I examined the reply and wondered whether it was polite. No commas were found anywhere in it.",
    # a report of the user's text
    "I counted the sentences in the user's message. The total was below 5.",
    # a label that says the other side of its list's statement
    "Banned: cheap, deal. Every listed word appears in the reply at least once.",
    "Required words: cheap, deal. No listed word appears in the reply as a whole word.",
    # a list's statement beside a further requirement, in another sentence or after a semicolon
    "Key words: \"sun\", \"moon\". Every listed word appears in the reply at least once. The reply is polite.",
    "Banned: sun, moon. No listed word appears in the reply; the reply explains the tides.",
    # a report's finding beside a judgement
    "I counted the words in the reply. The total was below 300, and the tone was polite.",
    # a summary whose number or bound the statement does not bear out
    "Dose: under 90 words. The reply comes to fewer than 120 words in total.",
    "Minimum size: 4 sections. A valid reply has fewer than 4 sections, each opening with PART and a number.",
    "Minimum size: 4 sections. A valid reply has no more than 4 sections, each opening with PART and a number.",
    "Least catch of \"tide\": 3. A legal reply's count of \"gull\", any capitalisation, is no lower than 3.",
    # a label with no number summed up may be a requirement of its own
    "Obs.: the tone seemed friendly throughout. Commas seen: none.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
