"""Set 31's voices, developed on after its one blind measurement (issue 15, round 26): a reward item's description ('This
item rewards the response for X-ing'), a means clause after a requirement's name ('meets the length requirement by
X-ing'), a contrast said first ('Rather than X, the response Y'), 'one in which / whose / that / written ...', a result
clause ('is written so that X'), a possessive attribute ("The response's wording contains ..."); and the plain words
found beside them ('counting every capitalisation', 'optionally fenced as a markdown code block', 'no letter is a
capital letter', 'every keyword from this list'); and a precision hole older than this round: a result clause about a
reader ('so that a child understands it and no comma appears in it') was dropped beside the comma check. Wordings
written for the tests, not set 31's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

# a request longer than a quotation is recognised at (300 characters), with words the readers here would rewrite
_LONG = ("The reply is one in which we plan a trip for it and its friends. Rather than flying, they take the train, "
         "and this item rewards the response for being honest about the cost. The response is written so that it "
         "reads like a diary, and the response's wording contains no jargon at all so that anyone can follow along.")

LOWERED = [
    # a reward item's description
    ("This item rewards the answer for containing no commas anywhere.", "no_commas", {}),
    ("This criterion credits the reply for using the word \"harbor\" at least 3 times.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("This item rewards the response for having exactly 4 paragraphs separated by blank lines and for opening the "
     "third paragraph with the word \"meanwhile\".", "paragraph_first_word", {"nth": 3, "word": "meanwhile", "num_paragraphs": 4}),
    ("This item rewards the reply for being written entirely in German.", "response_language", {"language": "de"}),
    ("This item rewards the answer for not using any commas.", "no_commas", {}),
    ("This item rewards the reply for wrapping everything it says in double quotation marks.", "wrapped_in_quotes", {}),
    ("This item rewards the answer for keeping to fewer than 8 sentences.", "sentence_count", {"relation": "less than", "n": 8}),
    # a means clause after a requirement's name
    ("The reply satisfies the keyword requirement by using every one of the keywords \"dune\" and \"oasis\".",
     "keywords_present", {"keywords": ["dune", "oasis"]}),
    ("The answer meets the paragraph requirement by giving exactly 3 paragraphs, separated by blank lines, and opening "
     "the first paragraph with the word \"today\".", "paragraph_first_word", {"nth": 1, "word": "today", "num_paragraphs": 3}),
    # a contrast said first
    ("Rather than wrapping up early, the answer runs to at least 400 words.", "word_count", {"relation": "at least", "n": 400}),
    ("Rather than leaning on the word \"very\", the reply uses it fewer than 3 times.", "keyword_frequency",
     {"keyword": "very", "relation": "less than", "n": 3}),
    ("Instead of relying on blank lines alone, the answer splits into exactly 3 paragraphs separated by the markdown "
     "divider ***.", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    # 'one in which / whose / that / written ...'
    ("The reply is one in which not a single comma appears.", "no_commas", {}),
    ("The answer is one whose length is 250 words or more.", "word_count", {"relation": "at least", "n": 250}),
    ("The reply is one that ends with the exact phrase \"Over and out.\" and has nothing after it.", "ends_with",
     {"phrase": "Over and out."}),
    ("The answer is one written in English in which no letter is a capital letter.", "all_lowercase", {"language": "en"}),
    ("The reply is one in which each of these keywords appears: \"reef\" and \"tide\".", "keywords_present",
     {"keywords": ["reef", "tide"]}),
    ("The answer is one with exactly 5 blank-line-separated paragraphs, in which paragraph number 4 starts with the word "
     "\"finally\".", "paragraph_first_word", {"nth": 4, "word": "finally", "num_paragraphs": 5}),
    # a result clause
    ("The reply is written so that none of the words \"fog\" and \"mist\" appears in it, in any capitalisation.",
     "keywords_absent", {"keywords": ["fog", "mist"]}),
    ("The answer is written so that \"anchor\" appears fewer than 4 times, counting every capitalisation.",
     "keyword_frequency", {"keyword": "anchor", "relation": "less than", "n": 4}),
    ("The reply is formatted so that its whole content parses as valid JSON.", "is_json", {}),
    # a possessive attribute
    ("The answer's wording contains none of the words \"cheap\" and \"deal\".", "keywords_absent", {"keywords": ["cheap", "deal"]}),
    ("The reply's language, throughout, is Italian (it).", "response_language", {"language": "it"}),
    ("The answer's paragraph count (paragraphs separated by blank lines) is exactly 3, and its second paragraph's first "
     "word is \"however\".", "paragraph_first_word", {"nth": 2, "word": "however", "num_paragraphs": 3}),
    # plain words found beside them
    ("The answer includes every keyword from this list: \"kelp\" and \"coral\".", "keywords_present", {"keywords": ["kelp", "coral"]}),
    ("The reply avoids each word on the following list: \"damp\", \"soggy\".", "keywords_absent", {"keywords": ["damp", "soggy"]}),
    ("The reply puts its entire output in valid JSON, optionally fenced as a markdown code block.", "is_json", {}),
    # a relation after the unit and 'long' (a precision failure found by set 32's one measurement: 'N sentences long or
    # longer' was read as exactly N)
    ("The reply is 12 sentences long or longer.", "sentence_count", {"relation": "at least", "n": 12}),
    ("The answer is 5 paragraphs long or shorter.", "paragraph_count", {"relation": "at most", "n": 5}),
    # a request to repeat is data however long (past the length a quotation is recognised at): never rewritten
    ("This item rewards the response for opening with the request repeated word for word: " + _LONG, "repeats_prompt",
     {"prompt_to_repeat": _LONG}),
]

NEURAL = [
    # a reward item that is a penalty, or a description about content
    "This item penalises the answer for containing commas.",
    "This item rewards the reply for explaining the science clearly.",
    # a requirement's name that says nothing a check is about
    "The reply meets the tone requirement by using fewer than 100 words.",
    # a contrast whose alternative is another check, or names content the response must avoid
    "Rather than using bullet points, the answer has exactly 3 paragraphs.",
    "Rather than recommending a hotel, the reply contains no commas.",
    "Rather than discussing politics, the answer is written entirely in lowercase English.",
    # 'one in which' about a part, or about content
    "The reply is one in which the tone is friendly and no comma appears.",
    # a result clause that asks for more than the check
    "The answer is written so that its tone stays friendly and no comma appears in it.",
    "The reply is written so that its argument is persuasive and it has fewer than 100 words.",
    # a result clause about a reader (a precision hole older than this round: the comma check was read and the reader's
    # experience dropped)
    "The answer is written so that the reader feels welcome, with no commas in it.",
    "The reply is written so that a child understands it and no comma appears in it.",
    "The answer is written so that novice readers follow it and no comma appears in it.",
    # a possessive attribute that is not the response
    "The reply's title contains none of the words \"fog\" and \"mist\".",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
