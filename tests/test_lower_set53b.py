"""Set 53's voices, developed on in round 45 (issue 15; set 53 was measured once in round 44): the request given last
under a label of its own ('Request on file: ...', 'Request as transmitted: ...', 'The request to match: ...'), a
crier's 'cries out the request exactly', 'without a single change'; an example in the middle of a sentence that goes
on ('..., for example <<x>>, appears in the reply'); a bullet's form in brackets ('(* or -)') or as an aside ('the
bullet points of the reply, being lines that begin with * or -, number ...'); a count said as its units' verb with
the count in words and said again ('number exactly three, neither more nor fewer'); a hunt's total said as 'the reply
has N or more of them'; a list said as items on a sheet (lower_itemised); ', none of those words at all'; an
emphatic adverb ('it actually uses'); 'ok but'; an air-traffic sign-off ('Readback correct, Reply.'); a crier's 'great
letters' and 'small letter'; 'a capital one'; 'not even a sentence or a name begins with a capital'; a hunt's total
'below N' or 'N or higher'; a label's summary with a comma in the label ('Minimum usage, counted in ...: 50.'). Wordings
written for the tests, not set 53's sentences. NEURAL must stay neural: a label that places the list, a statement
with more after it, a request label with no frame, a bracket that is no bullet form, an exact tail beside a bound, a
summary on the other side or with another number, a title said to be in one line of the reply (a title said anywhere
with a place of its own: read as the title alone before this round).
"""
from lowering_cases import lowering_tests

LOWERED = [
    # the request under a label of its own, after a complete frame
    ("The reply opens with the request, copied word for word with nothing ahead of it, and then answers. Request on file: "
     "Describe a lighthouse at dusk.", "repeats_prompt", {"prompt_to_repeat": "Describe a lighthouse at dusk."}),
    ("Tower to Reply: repeat the request first, verbatim and unchanged, then give the answer. Request as transmitted: Name "
     "three rivers.", "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    ("The reply begins by repeating the request word for word without a single change. The request to match: List two "
     "birds.", "repeats_prompt", {"prompt_to_repeat": "List two birds."}),
    ("Oyez! The reply cries out the request exactly as given, word for word, before anything else. The request reads: "
     "Write a limerick.", "repeats_prompt", {"prompt_to_repeat": "Write a limerick."}),
    # an example in the middle, the sentence going on
    ("A title wrapped in double angular brackets, for example <<Winter Road>>, appears in the reply.", "has_title", {}),
    ("An account heading: the reply includes a title in double angle brackets, in the style <<Quarterly Note>>.", "has_title", {}),
    # a bullet's form in brackets or as an aside; a count as its units' verb, in words, said again
    ("The markdown bullet points (* or -) in the reply total 5.", "bullet_count", {"relation": "exactly", "n": 5}),
    ("The bullet points of the reply, being lines that begin with * or -, number exactly four.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("The bullet points in the reply total 6, no more, no less.", "bullet_count", {"relation": "exactly", "n": 6}),
    ("The paragraphs of the reply number exactly two, neither more nor fewer.", "paragraph_count",
     {"relation": "exactly", "n": 2}),
    # a hunt's total said as what the reply has
    ("Count the sentences in the reply: the reply has 12 or more of them.", "sentence_count", {"relation": "at least", "n": 12}),
    ("Count the bullet points (lines that start with * or -): you should end up with exactly 2.", "bullet_count",
     {"relation": "exactly", "n": 2}),
    # a list as items on a sheet
    ("Every word of this list is used in the reply at least once: \"harbor\" and \"gull\".", "keywords_present",
     {"keywords": ["harbor", "gull"]}),
    ("Mandatory items (\"quartz\" and \"basalt\"): all included in the reply, each at least once.", "keywords_present",
     {"keywords": ["quartz", "basalt"]}),
    ("Banned words (\"very\" and \"really\"): none found. Not one of these words appears anywhere in the reply.",
     "keywords_absent", {"keywords": ["very", "really"]}),
    ("it uses every one of these words: \"maple\" and \"birch\". each shows up at least once", "keywords_present",
     {"keywords": ["maple", "birch"]}),
    ("the reply has zero mentions of \"tired\" or \"bored\", none of those words at all", "keywords_absent",
     {"keywords": ["tired", "bored"]}),
    # an emphatic adverb, a chat opener, a radio sign-off
    ("it actually uses every one of these words: \"north\" and \"south\".", "keywords_present", {"keywords": ["north", "south"]}),
    ("ok but the reply has no commas at all.", "no_commas", {}),
    ("The reply is written entirely in lowercase letters. Roger.", "all_lowercase", {}),
    ("Two different responses, split by six asterisks ******, make up the reply. Readback correct, Reply.", "two_responses", {}),
    # a crier's great and small letters; a capital said as 'a capital one'; capitals denied at a sentence's start
    ("Oyez! The reply is written in great letters only, and not one small letter is found in it.", "all_uppercase", {}),
    ("the reply is in english and every single letter is a capital one.", "all_uppercase", {"language": "en"}),
    ("The reply is in English, and every letter in it is lowercase: not even a sentence or a name begins with a capital.",
     "all_lowercase", {"language": "en"}),
    # a hunt's total said below a number or 'or higher'; a label's summary with a comma in the label
    ("Count every word in the reply: the total stays below 420.", "word_count", {"relation": "less than", "n": 420}),
    ("Count the paragraphs in the reply: your count comes to 7 or higher.", "paragraph_count", {"relation": "at least", "n": 7}),
    ("Minimum charge, counted in paragraphs: 4. The reply's paragraph count is 4 or higher.", "paragraph_count",
     {"relation": "at least", "n": 4}),
    # a sign-off inside a quotation is the quotation's
    ("The reply ends with the exact phrase \"Readback correct. Roger.\"", "ends_with", {"phrase": "Readback correct. Roger."}),
]

NEURAL = [
    # a label that places or scopes the list; a statement with more after it
    "Items in the heading (\"quartz\" and \"basalt\"): all included in the reply, each at least once.",
    "Mandatory items (\"quartz\"): all included in the reply, each at least once. Also in bold.",
    "Every word of this list is used in the reply's title at least once: \"harbor\" and \"gull\".",
    # a request label with no frame before it
    "Request on file: Describe a lighthouse at dusk.",
    # a bracket that is no bullet form; an exact tail beside another bound
    "The markdown bullet points (numbered) in the reply total 5.",
    "The bullet points in the reply total at most 6, no more, no less.",
    # a summary on the other side of the statement; a label's summary with another number
    "Maximum charge, counted in paragraphs: 4. The reply's paragraph count is 4 or higher.",
    "Minimum charge, counted in paragraphs: 5. The reply's paragraph count is 4 or higher.",
    # a style that is no example of the title's form
    "The reply is written in the style of a sonnet.",
    # a hunt's total with another side after it
    "Count every word in the reply: the total stays below 420 or higher.",
    # an example whose sentence goes on to another condition
    "A title wrapped in double angular brackets, for example <<Winter Road>>, appears in the reply's last line.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
