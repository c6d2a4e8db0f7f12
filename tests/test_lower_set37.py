"""Set 37's voices, developed on after its one blind measurement (issue 15, round 32): a telegram in capitals with STOP
between clauses, a pilot's checklist in challenge-and-response form ('Item ... VALUE. Checked.'), a referee's ruling
('Ruled good: X'), a museum wall label ('Title. Medium. The work X'), a weather bulletin's readings ('Sentence totals
across the reply: ...') and a tasting note's headings ('Palate: X'). Wordings written for the tests, not set 37's
sentences; NEURAL must stay neural: a telegram or a ruling about content, a wall label whose title names a language
the statement does not ask for, a quality word beside a form ('forceful', 'decisive', 'polite')."""
from lowering_cases import lowering_tests

LOWERED = [
    # a telegram: its capitals are the telegram's; a marker before a number keeps its case, quoted text keeps its case
    ("REPLY HAS EXACTLY 4 MARKDOWN BULLET POINTS STOP EACH A LINE STARTING WITH * OR - STOP", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("REPLY HAS AT LEAST 2 PARTS STOP EACH BEGINS WITH PART AND A NUMBER LIKE PART 1 STOP", "section_count",
     {"splitter": "PART", "relation": "at least", "n": 2}),
    ("REPLY HAS AT LEAST 2 PARTS STOP EACH BEGINS WITH Part AND A NUMBER LIKE Part 1 STOP", "section_count",
     {"splitter": "Part", "relation": "at least", "n": 2}),
    ("REPLY NEVER USES THE WORDS cheap, deal STOP", "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("REPLY INCLUDES KEYWORDS \"tide\" AND \"moon\" STOP EVERY ONE APPEARS STOP", "keywords_present",
     {"keywords": ["tide", "moon"]}),
    ("EXACTLY 5 PARAGRAPHS SEPARATED BY BLANK LINES STOP PARAGRAPH 3 STARTS WITH WORD harbour STOP", "paragraph_first_word",
     {"nth": 3, "word": "harbour", "num_paragraphs": 5}),
    ("REPLY WRITTEN ENTIRELY IN SWAHILI STOP", "response_language", {"language": "sw"}),
    # a pilot's checklist
    ("Sentences, whole reply ... 12 OR MORE. Counted and checked.", "sentence_count", {"relation": "at least", "n": 12}),
    ("Paragraphs ... EXACTLY 5, separated by blank lines. Paragraph 3, first word ... 'harbour'. Checked.",
     "paragraph_first_word", {"nth": 3, "word": "harbour", "num_paragraphs": 5}),
    ("Letter 'z' ... FEWER THAN 4, any case. Counted and checked.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4}),
    ("Language, whole reply ... Swahili. Checked throughout.", "response_language", {"language": "sw"}),
    ("Closing words ... EXACTLY \"Any further questions?\", nothing after. Confirmed.", "ends_with",
     {"phrase": "Any further questions?"}),
    ("Sections ... 2 OR MORE, each headed PART plus its number (PART 1, PART 2 ...). Checked.", "section_count",
     {"splitter": "PART", "relation": "at least", "n": 2}),
    # a referee's ruling, with the boundary called
    ("Good call: the reply runs to at least 12 sentences; exactly 12 is on the line and counts.", "sentence_count",
     {"relation": "at least", "n": 12}),
    ("The call stands: the reply keeps its fully capitalised words strictly under 7; reaching 7 would be out.",
     "capital_word_frequency", {"relation": "less than", "n": 7}),
    ("Ruled good: every one of the keywords \"tide\" and \"moon\" turns up in the reply.", "keywords_present",
     {"keywords": ["tide", "moon"]}),
    ("Play is good: the reply keeps clear of \"cheap\" or \"deal\"; none of them appears as a word anywhere in it.",
     "keywords_absent", {"keywords": ["cheap", "deal"]}),
    # a museum wall label
    ("Echoes. Ink on paper. The word 'harbour' recurs through the work 3 times or more.", "keyword_frequency",
     {"keyword": "harbour", "relation": "at least", "n": 3}),
    ("Untitled (Quiet). Plain text. The work is written without a comma; not one appears anywhere in it.", "no_commas", {}),
    # a weather bulletin
    ("Sentence totals across the reply: fewer than 9, below the 9 mark.", "sentence_count", {"relation": "less than", "n": 9}),
    ("Readings across the reply: zero occurrences of \"cheap\" or \"deal\", in any capitalisation.", "keywords_absent",
     {"keywords": ["cheap", "deal"]}),
    ("Letter totals across the reply: 'z' at least 6 times, upper and lower case together.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 6}),
    ("Totals recorded across the reply: 'harbour' under 4 occurrences, any capitalisation.", "keyword_frequency",
     {"keyword": "harbour", "relation": "less than", "n": 4}),
    ("Current conditions across the reply: entirely clear of commas, with zero recorded from top to bottom.", "no_commas", {}),
    ("Conditions across the reply: Swahili throughout, from start to finish.", "response_language", {"language": "sw"}),
    # a tasting note
    ("Finish: ends precisely on \"Any further questions?\", not a word after it.", "ends_with", {"phrase": "Any further questions?"}),
    # quoted data is never respelled ('free of any trace of' inside the end phrase stays as written)
    ("Finish: ends precisely on \"free of any trace of salt\", not a word after it.", "ends_with",
     {"phrase": "free of any trace of salt"}),
    ("Palate: rich in the letter 'z', at least 6 occurrences in either case across the reply.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 6}),
    ("Nose: a faint note of 'harbour', appearing at least 3 times across the reply.", "keyword_frequency",
     {"keyword": "harbour", "relation": "at least", "n": 3}),
    ("Structure: exactly 4 paragraphs, each parted from the next by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Structure: the whole reply pours out as valid JSON, with nothing outside it except, at most, a markdown code fence.",
     "is_json", {}),
    ("Notes of \"tide\" and \"moon\": every one of them present somewhere in the reply.", "keywords_present",
     {"keywords": ["tide", "moon"]}),
]

NEURAL = [
    # a telegram, a ruling, a bulletin about content
    "REPLY EXPLAINS THE TIDES CLEARLY STOP NO JARGON STOP",
    "Ruled good: the reply answers the question and stays polite throughout.",
    "Current conditions across the reply: a warm and friendly tone from start to finish.",
    # a wall label whose title names a language the statement does not ask for
    "In French. Plain text. The work is written in all lowercase letters, not one capital anywhere.",
    # a tasting note on quality; a quality word beside a form ('forceful', 'decisive', 'polite': more than a program reads)
    "Palate: balanced and persuasive, with a convincing argument across the reply.",
    "Palate: forceful, with at least 4 words in all capital letters across the reply.",
    "Structure: polite and English from start to finish, every letter a capital.",
    "The reply is decisive and uses no commas.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
