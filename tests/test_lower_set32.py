"""Set 32's voices, developed on after its one blind measurement (issue 15, round 27): a restrictive 'Only a response
that X satisfies this item', a definition of compliance ('Compliance means X'), an agreement of the response and the
instruction on a point ('The response and the instruction agree on punctuation: X'), a reviewer's 'submission' and
'stipulated', an emphatic auxiliary ('The response does indeed V'), a quality-control spec line ('Spec: <parts>. The
response is within spec.'); and the plain words found beside them ('; not one of them appears in it', ', every one of
them at least once', ', meeting the stipulated minimum', 'uses Russian from start to finish', '(capitalisation may
differ)'); a frame of grading words only before the statement ('It is confirmed here that the reply X'); a letter or a
word as the topic with a counting note ('agree on the letter k: counting both cases, it occurs ...'); a statement
denied whole ('It is not true that X'), which stays neural. Wordings written for the tests, not set 32's sentences;
NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # a restrictive 'Only ...'
    ("Only an answer with no commas in it earns this point.", "no_commas", {}),
    ("Only a reply that has fewer than 120 words meets this criterion.", "word_count", {"relation": "less than", "n": 120}),
    ("Only a response in which the word \"orbit\" occurs at least 4 times passes this check.", "keyword_frequency",
     {"keyword": "orbit", "relation": "at least", "n": 4}),
    ("Only an answer containing at least 12 sentences satisfies the item.", "sentence_count", {"relation": "at least", "n": 12}),
    # a definition of compliance
    ("Compliance means the reply contains the keywords \"lantern\" and \"moth\".", "keywords_present",
     {"keywords": ["lantern", "moth"]}),
    ("Adherence here means that the answer is wrapped in double quotation marks.", "wrapped_in_quotes", {}),
    ("Compliance means the answer avoids each of the words \"rain\" and \"wind\"; none of them appears in it.",
     "keywords_absent", {"keywords": ["rain", "wind"]}),
    # an agreement on a point
    ("The answer and the instruction agree on length: the answer has at least 300 words.", "word_count",
     {"relation": "at least", "n": 300}),
    ("The reply and the request line up on vocabulary: none of the words \"cheap\" and \"easy\" appears in the reply.",
     "keywords_absent", {"keywords": ["cheap", "easy"]}),
    ("The response and the instruction agree on the word bridge: it appears in the response fewer than 3 times.",
     "keyword_frequency", {"keyword": "bridge", "relation": "less than", "n": 3}),
    ("The response and the instruction match on layout: the response has exactly 3 paragraphs separated by the markdown "
     "divider ***.", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The reply and the instruction agree on punctuation: not one comma appears in the reply.", "no_commas", {}),
    ("The reply and the instruction agree on the letter k: counting both cases, it occurs at least 7 times.", "letter_frequency",
     {"letter": "k", "relation": "at least", "n": 7}),
    ("The answer and the request agree on the word \"ferry\": ignoring case, it appears fewer than 4 times.", "keyword_frequency",
     {"keyword": "ferry", "relation": "less than", "n": 4}),
    ("The answer and the instruction match: the answer ends with the exact phrase \"See you soon.\"", "ends_with",
     {"phrase": "See you soon."}),
    # a reviewer's 'submission' and 'stipulated'
    ("The submission incorporates every one of the stipulated keywords: \"glacier\", \"fjord\".", "keywords_present",
     {"keywords": ["glacier", "fjord"]}),
    ("The submission mentions the word harvest no fewer than 5 times, meeting the stipulated minimum.", "keyword_frequency",
     {"keyword": "harvest", "relation": "at least", "n": 5}),
    ("The submission steers clear of the stipulated forbidden words \"very\" and \"really\".", "keywords_absent",
     {"keywords": ["very", "really"]}),
    # an emphatic auxiliary
    ("The reply does indeed contain at least 2 placeholders in square brackets, such as [city].", "placeholder_count",
     {"relation": "at least", "n": 2}),
    ("The answer does indeed use Korean from start to finish.", "response_language", {"language": "ko"}),
    ("The response does in fact stay in English throughout and does write every one of its letters in uppercase.",
     "all_uppercase", {"language": "en"}),
    ("The response does indeed keep its uses of the word \"maybe\" to fewer than 3.", "keyword_frequency",
     {"keyword": "maybe", "relation": "less than", "n": 3}),
    ("The answer does indeed keep every comma out of its text.", "no_commas", {}),
    ("The reply does indeed sit entirely within double quotation marks.", "wrapped_in_quotes", {}),
    ("The response does indeed include each of the keywords \"apple\" and \"pear\", every one of them at least once.",
     "keywords_present", {"keywords": ["apple", "pear"]}),
    # a quality-control spec line
    ("Spec: sentence count, upper limit below 9 (exclusive). The answer is within spec.", "sentence_count",
     {"relation": "less than", "n": 9}),
    ("Spec: word count, lower limit 250 (inclusive). The reply is within spec.", "word_count", {"relation": "at least", "n": 250}),
    ("Spec: occurrences of the word delta, lower limit 3 (inclusive). The response is within spec.", "keyword_frequency",
     {"keyword": "delta", "relation": "at least", "n": 3}),
    ("Spec: forbidden words \"alpha\" and \"beta\"; permitted occurrences 0 each. The response is within spec.", "keywords_absent",
     {"keywords": ["alpha", "beta"]}),
    ("Spec: required keywords \"ember\" and \"ash\"; each present at least once. The answer is within spec.", "keywords_present",
     {"keywords": ["ember", "ash"]}),
    ("Spec: markdown bullet points, nominal 5, tolerance zero. The reply is within spec.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("Spec: language English; letter case 100% lowercase across the full text. The response is within spec.", "all_lowercase",
     {"language": "en"}),
    ("Spec: 0 commas permitted. The answer is within spec.", "no_commas", {}),
    ("Spec: paragraphs separated by \\n\\n, count exactly 4; first word of paragraph 3 = finally. The response is within spec.",
     "paragraph_first_word", {"nth": 3, "word": "finally", "num_paragraphs": 4}),
    ("Spec: response language German (ISO code de), whole text. The response is within spec.", "response_language",
     {"language": "de"}),
    ("Spec: final text = \"Any questions?\" (exact phrase, no trailing content). The reply is within spec.", "ends_with",
     {"phrase": "Any questions?"}),
    ("Spec: full output parseable as JSON; no surrounding prose. The response is within spec.", "is_json", {}),
    # a frame of grading words only before the statement
    ("It is confirmed here that the reply contains no commas.", "no_commas", {}),
    ("The requirement is met: the answer contains at least 300 words.", "word_count", {"relation": "at least", "n": 300}),
    ("Credit is given if the response has at least 4 paragraphs separated by ***.", "paragraph_count",
     {"relation": "at least", "n": 4, "separator": "***"}),
    # a case note about the request to repeat
    ("The response begins with an exact, unchanged copy of the following request (capitalisation may differ), with no text "
     "ahead of it: Describe a lighthouse. Use no commas.", "repeats_prompt", {}),
]

NEURAL = [
    # 'Only ...' about content, or a condition on a part
    "Only a response that explains the risks clearly satisfies this item.",
    "Only a reply whose conclusion has no commas earns this point.",
    "The summary at the end contains no commas.",
    # a definition of compliance that asks for more
    "Compliance means the answer is polite and contains no commas.",
    # an agreement on a point the check is not about
    "The response and the instruction agree on tone: the response has fewer than 100 words.",
    "The reply and the request agree on the conclusion: it contains no commas.",
    # an emphatic auxiliary about content
    "The response does indeed explain the tax rules in fewer than 100 words.",
    # a spec line with a part no rule reads, a tolerance, or limits that disagree
    "Spec: word count, lower limit 300 (inclusive); tone formal. The response is within spec.",
    "Spec: markdown bullet points, nominal 5, tolerance 1. The response is within spec.",
    "Spec: sentence count, upper limit below 9 (inclusive); tone formal. The response is within spec.",
    "Spec: forbidden words \"alpha\"; permitted occurrences 2 each. The response is within spec.",
    # a language named beside what the response uses, not the language it is in
    "The response uses English idioms.",
    # a frame that is a condition, a partial grade, a person or a topic, not a grader's frame
    "If the response is long, it contains no commas.",
    "Award half credit when the reply contains no commas.",
    "The tone requirement is met: the answer contains at least 300 words.",
    "The user is satisfied when the reply contains no commas.",
    # a statement denied whole (the rules read the statement inside and kept it)
    "It is not the case that the reply contains no commas.",
    "It is false that the reply contains no commas.",
    "Not true: the reply contains no commas.",
    # a restated negation after a positive head is no restatement
    "The response includes the words \"cat\" and \"dog\"; none of them appears in the title.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
