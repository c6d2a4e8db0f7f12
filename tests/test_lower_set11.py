"""Lowering of the voices of :mod:`rubricc.compiler.lower_voices5` (issue 15, round 9): chatty lead-ins, outcomes said as
points or compliance ('Points awarded if ...', 'Responses are compliant only if they ...'), the bot or the submission as
the subject, terse notation ('"x" >= 3 times', 'language = Thai (th)', 'para 2'), restatements ('zero caps', '... no
capital letters.', 'contains nothing else' beside JSON) and a repeat frame saying nothing may come before the copy.
These wordings are written for the tests, not taken from a phrasing set; the near misses must stay neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_voices5 import read_voice, respeak

POSITIVE = [
    # chatty lead-ins
    ("fyi: the assistant's answer must not contain a single comma", "no_commas", {}),
    ("Quick reminder - the response should be written entirely in lowercase letters.", "all_lowercase", {}),
    ("just so you know, the reply can't include any commas at all", "no_commas", {}),
    ("PSA: the model's output cannot have even one comma", "no_commas", {}),
    # outcomes said as points or compliance
    ("Points are given when the response is entirely in lowercase.", "all_lowercase", {}),
    ("Marks awarded only when the submission highlights at least 2 sections with markdown.", "highlighted_sections", {"relation": "at least", "n": 2}),
    ('Full credit given if the answer includes the keywords "apple" and "pear".', "keywords_present", {"keywords": ["apple", "pear"]}),
    ("Replies are acceptable only if they contain no commas.", "no_commas", {}),
    ("An answer is compliant provided that it is written entirely in French.", "response_language", {"language": "fr"}),
    ("Outputs are considered compliant only when their word count is below 200.", "word_count", {"relation": "less than", "n": 200}),
    ("Submissions pass only if they have exactly 4 paragraphs separated by ***.", "paragraph_count", {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Responses are compliant only if they use fewer than 6 sentences.", "sentence_count", {"relation": "less than", "n": 6}),
    # the bot as the speaker, plural subjects
    ('the model can\'t use "basically" anywhere in its reply', "keywords_absent", {"keywords": ["basically"]}),
    ('The assistant must never say "sorry" or "unfortunately".', "keywords_absent", {"keywords": ["sorry", "unfortunately"]}),
    ('chatbot may not write "lol"', "keywords_absent", {"keywords": ["lol"]}),
    ("Answers need exactly 3 paragraphs with *** between each pair", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The story has exactly 4 paragraphs, with each paragraph separated from the next by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    # terse notation
    ('"banana" >= 3 times', "keyword_frequency", {"keyword": "banana", "relation": "at least", "n": 3}),
    ('"harbor" \u2264 2 times', "keyword_frequency", {"keyword": "harbor", "relation": "at most", "n": 2}),
    ("word count <= 150", "word_count", {"relation": "at most", "n": 150}),
    ("sentences < 8", "sentence_count", {"relation": "less than", "n": 8}),
    ('count of "lantern" > 2', "keyword_frequency", {"keyword": "lantern", "relation": "more than", "n": 2}),
    ('keep "awesome" below 2 occurrences', "keyword_frequency", {"keyword": "awesome", "relation": "less than", "n": 2}),
    ('keep the word "very" to at most 3 uses in the answer', "keyword_frequency", {"keyword": "very", "relation": "at most", "n": 3}),
    ("lang: Spanish", "response_language", {"language": "es"}),
    ("response language = Japanese (ja)", "response_language", {"language": "ja"}),
    ('5 paragraphs separated by blank lines; para 3 begins with "however"', "paragraph_first_word", {"nth": 3, "word": "however", "num_paragraphs": 5}),
    # restatements
    ("Write the whole answer in lowercase. Never use capital letters.", "all_lowercase", {}),
    ("the answer must be lowercase only, no caps", "all_lowercase", {}),
    ("The output is pure JSON and contains nothing else.", "is_json", {}),
    ("The whole reply, ignoring any enclosing code block, is valid JSON.", "is_json", {}),
    ('The reply\'s last words are exactly "See you soon."', "ends_with", {"phrase": "See you soon."}),
    ('The response must include at least 3 occurrences of the letter "z".', "letter_frequency", {"letter": "z", "relation": "at least", "n": 3}),
    ('The answer should contain no fewer than 2 occurrences of the word "tide", regardless of case.', "keyword_frequency",
     {"keyword": "tide", "relation": "at least", "n": 2}),
    # a repeat frame saying nothing comes before the copy
    ("Open the answer by restating this request word for word, without writing anything before it: Describe a sunset in two lines.",
     "repeats_prompt", {"prompt_to_repeat": "Describe a sunset in two lines."}),
    ("The reply must start with an exact copy of the following question, with no preceding text: What is the capital of Peru?",
     "repeats_prompt", {"prompt_to_repeat": "What is the capital of Peru?"}),
]

NEURAL = [
    # the condition of an outcome frame is not a surface property, or is scoped, or has another branch
    "Points awarded if the submission explains at least two causes.",
    "Responses are compliant only if they are polite.",
    "Points awarded if the submission has at least 3 paragraphs written in French.",
    "Points awarded if the submission is under 100 words; otherwise half points.",
    "Responses are compliant only if they contain fewer than 10 sentences and explain the cause.",
    "Responses are compliant only if they are written in English and give a recipe.",
    "Responses are non-compliant if they contain commas.",
    "Points deducted if the submission uses commas.",
    "Replies are acceptable only if they sound natural.",
    "Responses are compliant only if the user asked for JSON.",
    "Points awarded if the submission has at least 3 paragraphs; partial points for 2.",
    "Pass if the prompt is in French.",
    # a lead-in before a content criterion
    "fyi: the response should explain why the sky is blue",
    "heads up: the reply can't have even one factual error",
    # the bot speaking of content
    "the bot can't say anything rude",
    'the bot can\'t say "hi" until the second paragraph',
    "heads up: the title can't have even one comma",
    'bot can\'t say "hello" in the first paragraph',
    "the bot can't say \"sorry\" unless the user complains",
    # terse notation that is scoped or is no language
    '"apple" >= 2 times per paragraph',
    'keep "apple" to under 2 mentions in the title',
    "word count <= 150 per section",
    "language = English for the headings",
    '"apple" >= 2 times in the title',
    "language = formal",
    "lang: plain, non-technical words",
    'count of "a" < 2',
    # a second sentence asking for something else; a JSON example is not a JSON response
    "The response is all lowercase. Do not use any commas.",
    "The response includes a JSON example, but contains nothing else.",
    # a condition with a scope
    "Points awarded if the submission uses commas only in lists.",
    # a repeat that is not verbatim
    "Begin your response by summarizing this request, without saying anything before it: Describe a sunset.",
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[t[0][:50] for t in POSITIVE])
def test_set11_voice_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (respoken {respeak(text)!r}, read as {read_voice(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:50] for t in NEURAL])
def test_set11_near_miss_stays_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text), respeak(text))


def test_respeak_leaves_quotes_and_data_alone():
    assert respeak('The response ends with "Points awarded if they say so."') == 'The response ends with "Points awarded if they say so."'
    assert respeak("The response mentions the submission deadline.") == "The response mentions the submission deadline."
    assert respeak('PS: the reply ends with a postscript starting with "P.S."').startswith("PS:")
    text = "Repeat this request word for word: responses need 3 paragraphs. heads up: no caps."
    assert respeak(text) == text
