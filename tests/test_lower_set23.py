"""Set 23's voices, developed on after its one blind measurement (issue 15, round 19): a severity-tagged item ('[Critical]
...'), a reason said first ('Because the user ..., the reply must ...'), a JSON rubric object ({"criterion": ...,
"weight": ..., "type": ...}; compiler/lower_envelope.py), a check function's docstring ('Return True if ...'), a bug
report's 'Expected behavior: ...', a conditional 'If the completion ..., this item is satisfied.'. Wordings written for
the tests, not set 23's sentences; NEURAL must stay neural (JSON that is no rubric item among them: read as text, its keys
gave wrong checks when set 23 was measured)."""
from lowering_cases import lowering_tests

LOWERED = [
    # a severity tag is a weight
    ('[Critical] The reply mentions the keywords "harbor" and "lantern".', "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("(Minor) The reply has fewer than 12 sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("[P1] No commas anywhere in the reply.", "no_commas", {}),
    # a JSON rubric item
    ('{"criterion": "The reply contains no commas at all.", "weight": 4, "type": "format"}', "no_commas", {}),
    ('{"description": "Reply is written entirely in Swahili.", "points": 5, "category": "language"}', "response_language",
     {"language": "sw"}),
    ('{"name": "Length", "criterion": "The reply has at least 300 words.", "weight": 2}', "word_count",
     {"relation": "at least", "n": 300}),
    # (an LLM's object with the inner quotes left unescaped)
    ('{"criterion": "Mentions "harbor" at least 3 times.", "weight": 2, "type": "keyword"}', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    # a reason first, its pronouns taken from the reason
    ("Since the reader wants a skimmable answer, the reply must have exactly 4 markdown bullet points.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ('Because the user is tired of "basically", the response must use it fewer than 2 times.', "keyword_frequency",
     {"keyword": "basically", "relation": "less than", "n": 2}),
    ("As the prompt asks for heavy use of the letter z, the answer must contain it at least 9 times.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 9}),
    ("Because the output is pasted into a form, the reply must not contain comet, lantern as whole words.", "keywords_absent",
     {"keywords": ["comet", "lantern"]}),
    # a check function's docstring
    ("Return True if none of the words comet, lantern appear in the response, ignoring case.", "keywords_absent",
     {"keywords": ["comet", "lantern"]}),
    # a bug report
    ('Expected behavior: the output never says "basically", whatever the case.', "keywords_absent", {"keywords": ["basically"]}),
    ("Expected behavior: the reply contains all of the words harbor.", "keywords_present", {"keywords": ["harbor"]}),
    ("Expected behavior: the reply is under 90 words; 90 words or more is a regression.", "word_count",
     {"relation": "less than", "n": 90}),
    ("Expected behavior: the reply has exactly 3 paragraphs, each pair divided by ***.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("Expected behavior: the model first repeats the request word for word, then answers. Request: Name three rivers.",
     "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    # a conditional
    ("If the completion has fewer than 7 sentences, this item is satisfied.", "sentence_count", {"relation": "less than", "n": 7}),
    ("If the completion contains at least 3 parts that each begin with Chapter and a number, the structure item is satisfied.",
     "section_count", {"splitter": "Chapter", "relation": "at least", "n": 3}),
    ("If the whole completion parses as JSON (with or without a ``` fence around it), this item is met.", "is_json", {}),
    ("None of these words appear (whole word, case-insensitive): comet, lantern.", "keywords_absent", {"keywords": ["comet", "lantern"]}),
    ("The reply is in English with not one capital letter.", "all_lowercase", {"language": "en"}),
]

NEURAL = [
    # JSON that is no rubric item, or one turned around
    '{"criterion": "The reply contains no commas.", "weight": -3, "type": "penalty"}',
    '{"criterion": "The reply contains no commas.", "negate": true}',
    '{"title": "Comma ban", "notes": "no commas"}',
    '{"criterion": "No commas", "description": "At least 5 sentences"}',
    '{"a": "starts with "x""}',
    "{criterion: The reply contains no commas}",
    # a whole-word note beside a substring check
    'The reply contains the words "harbor" and "lantern" (case-insensitive, whole word).',
    "The reply mentions harbor, lantern (whole words only).",
    # a reason whose pronoun the requirement cannot resolve, or content in these voices
    "Because the user wants two options, the reply must contain both of them separated by ******.",
    "[Critical] The reply is accurate and kind.",
    "If the completion is polite, this item is satisfied.",
    "Expected behavior: the model answers the question correctly.",
    # a condition is no reason
    "As long as the topic is sports, the reply must have exactly 3 paragraphs separated by ***.",
    "As soon as the user mentions a deadline, the reply must be under 50 words.",
    # 'with or without' is no negation
    "The response is written with or without commas.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
