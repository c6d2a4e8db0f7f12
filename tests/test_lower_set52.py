"""Set 52's voices, developed on after its one blind measurement (issue 15, round 44): a wedding toast to the reply (the
speaker's story of it before a colon, 'To the reply!', 'I counted its U, and there are N of them', a catchphrase named
in the story, a guest list the story ends with, 'I have watched this reply grow into ...'), a birth announcement ('We
are delighted to announce a reply born in at least 3 sections', 'a reply born X: Y', 'Baby's first words were the
request itself: ...'), 'starts by quoting the request word for word' and 'every letter in it, from start to finish, is
a capital'. Wordings written for the tests, not set 52's sentences. NEURAL must stay neural: a story that judges the
reply or asks for more than the statement (another language, a count, a tone), a word for brevity the bound does not
bear out, an announcement whose label judges, a quotation inside a story that is not the statement's data, and
'quoting' that is not a repeat of the request.
"""
from lowering_cases import lowering_tests

_REQ = "Describe a lighthouse at dusk. Use fewer than 80 words."

LOWERED = [
    # a toast: the speaker's story, then the statement
    ("I have known this reply since it was a draft, and I must say: it is written entirely in German, and in no other language.",
     "response_language", {"language": "de"}),
    ("I promised my speech would be short, and the reply kept it short too: it has fewer than 9 sentences.", "sentence_count",
     {"relation": "less than", "n": 9}),
    ("This reply has never been one for a short story: it runs to at least 450 words. Cheers!", "word_count",
     {"relation": "at least", "n": 450}),
    ("Raise your glasses to a reply that speaks its mind: I counted its words in all capital letters, and there are at least 7 of them.",
     "capital_word_frequency", {"relation": "at least", "n": 7}),
    ("If this reply has a favourite word, it is \"harbour\": I counted, and it comes up at least 4 times, in any case.",
     "keyword_frequency", {"keyword": "harbour", "relation": "at least", "n": 4}),
    ("I can say this reply made space for every name on the seating plan, \"moss\" and \"fern\": each of them appears in it at "
     "least once, capitalised or not.", "keywords_present", {"keywords": ["moss", "fern"]}),
    ("I have watched this reply grow into exactly 4 paragraphs, separated by blank lines, and I am proud to say its third "
     "paragraph opens with the word \"harbour\".", "paragraph_first_word", {"nth": 3, "word": "harbour", "num_paragraphs": 4}),
    (f"I will never forget how this reply began: with the request itself, word for word, nothing in front of it. Its opening "
     f"text is exactly: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    ("I would like to thank this reply for making my job easy: the whole of it is wrapped in double quotation marks. To the reply!",
     "wrapped_in_quotes", {}),
    ("My friends, I have seen this reply at its most restrained; it contains no commas at all.", "no_commas", {}),
    # a birth announcement
    ("We are thrilled to announce a reply born with exactly 4 markdown bullet points, lines starting with * or -.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("We are pleased to announce the arrival of a reply of exactly 3 paragraphs, separated by the markdown divider ***.",
     "paragraph_count", {"relation": "exactly", "n": 3}),
    ("We are happy to announce that the reply is all in English and in lowercase letters, with no capital letter anywhere.",
     "all_lowercase", {}),
    ("We are proud to announce a reply born without a single comma: no comma appears anywhere in it.", "no_commas", {}),
    (f"Baby's first words were the request itself: the reply begins by repeating it word for word, with nothing before it, "
     f"opening with exactly this text: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    # a wish for the reply is no toast's story: the request it gives is read as before
    (f"As a team lead, I want the reply to first repeat my request word for word, without any change, and only then give the "
     f"answer, so that the log shows the question. The request is: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    # quoting the request; the whole reply's letters
    (f"The reply starts by quoting the request word for word, with nothing before it. Its opening text is exactly: {_REQ}",
     "repeats_prompt", {"prompt_to_repeat": _REQ}),
    ("The reply is in English, and every letter in it, from start to finish, is a capital.", "all_uppercase", {}),
]

NEURAL = [
    # a story that judges the reply or asks for more than the statement
    "I have always admired how elegant this reply is: it contains fewer than 5 sentences.",
    "I love that this reply is so witty: it has at least 3 paragraphs.",
    "I have known this reply through three drafts: it has at least 3 paragraphs.",
    "I have always admired how this reply speaks French: it has at least 3 paragraphs.",
    "I would like to thank this reply for keeping things tidy: the whole of it is wrapped in double quotation marks.",
    # a word for brevity the bound does not bear out
    "I will keep this brief, and so did the reply: it contains at least 40 sentences.",
    # a quotation inside the story that is not the statement's data
    "I remember this reply saying \"never again\": it contains no commas.",
    "I have watched this reply grow into a lovely essay, and I am proud to say its second paragraph starts with the word \"sea\".",
    # a wish or a plan for the reply, a part of it, the request
    "I'll only read the opening of the reply: it has fewer than 50 words.",
    "I want the reply to sound like a pirate: it contains no commas.",
    "I have always loved the first paragraph of this reply: it contains no commas.",
    # an announcement whose label judges, or that asks for more
    "We are delighted to announce a reply born beautifully written: it contains no commas.",
    "We are thrilled to announce that the reply is insightful and has fewer than 5 sentences.",
    # 'quoting' that is not a repeat of the request
    "The reply begins by quoting a famous poet, then answers the request.",
    "The reply starts by quoting the request's key line and then explains it.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
