"""Lowering of wordings the rules were not written on (issue 15, round 3): decorations read off before the
rules (:mod:`rubricc.compiler.lower_decor`: reasons, scope broadeners, restated exactness, case notes, ISO
codes, label forms, rubric-item labels) and the wider frames they lead to, with near misses that must stay
neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_decor import undecorate

POSITIVE = [
    # end phrase: label, past tense, subject first, restated exactness in other words
    ('Closing phrase: "Any other questions?" (no further text).', "ends_with", {"phrase": "Any other questions?"}),
    ('You finished your answer with "Bye now." and added nothing afterwards.', "ends_with", {"phrase": "Bye now."}),
    ('The phrase "Bye now." is the last thing in the reply.', "ends_with", {"phrase": "Bye now."}),
    ('The closing text of the answer is the sentence "Bye now."; nothing else follows it.', "ends_with", {"phrase": "Bye now."}),
    ('Essential Criteria: The response concludes with "Bye now.", with no more text following it.', "ends_with", {"phrase": "Bye now."}),
    # whole-response quotation
    ('Is the reply placed inside double quotation marks from the very first character to the last one?', "wrapped_in_quotes", {}),
    ('The answer opens with " and closes with ", so the whole of it is quoted.', None, None),  # 'closes with' lone quote: not read
    ('The response begins with " and ends with ".', "wrapped_in_quotes", {}),
    ('Does the reply start and end with a double quote, surrounding the entire text?', "wrapped_in_quotes", {}),
    # forbidden words: unquoted lists inside the sentence, adjectives, scope broadeners, question form
    ('The terms rain, snow and hail are absent from the reply.', "keywords_absent", {"keywords": ["rain", "snow", "hail"]}),
    ('None of the banned words (rain, snow, hail) appear.', "keywords_absent", {"keywords": ["rain", "snow", "hail"]}),
    ('The reply has no mention of "rain", "snow" or "hail", not even in the title.', "keywords_absent",
     {"keywords": ["rain", "snow", "hail"]}),
    ('Does the reply avoid the following terms completely: rain, snow, hail?', "keywords_absent", {"keywords": ["rain", "snow", "hail"]}),
    ('Avoids the words "rain" and "snow" (even in headings).', "keywords_absent", {"keywords": ["rain", "snow"]}),
    # keywords that must all appear
    ('Each word from the following list is used in the answer: rain, snow.', "keywords_present", {"keywords": ["rain", "snow"]}),
    # JSON with a reason and a restatement
    ('The reply parses as JSON, so that a program can read it.', "is_json", {}),
    # language named with its code, scope said in other words
    ("The reply's language is German (ISO 639-1 code: de) throughout.", "response_language", {"language": "de"}),
    ('Response must be in English, with every letter in lowercase, even in proper nouns.', "all_lowercase", {"language": "en"}),
    # counts: labels, case notes, reasons, broadeners
    ('Maximum word count: 150 words.', "word_count", {"relation": "at most", "n": 150}),
    ('"dragon": fewer than 4 mentions.', "keyword_frequency", {"keyword": "dragon", "relation": "less than", "n": 4}),
    ("You used 'k' at least 9 times (case-insensitive).", "letter_frequency", {"letter": "k", "relation": "at least", "n": 9}),
    ('The reply contains no commas, not even once, so that it meets the no-comma rule.', "no_commas", {}),
    ('The word count is at least 300, so that the topic is treated in depth.', "word_count", {"relation": "at least", "n": 300}),
    ('Contains 3 sections, each introduced by the word "Part" followed by its number.', "section_count",
     {"splitter": "Part", "relation": "at least", "n": 3}),
    ('Does the reply include at least 2 placeholders in [square brackets]?', "placeholder_count", {"relation": "at least", "n": 2}),
    ('There are exactly 3 paragraphs with the divider *** between every two adjacent paragraphs.', "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ('The reply has exactly 3 paragraphs and starts the second one with "However".', "paragraph_first_word",
     {"word": "However", "nth": 2, "num_paragraphs": 3}),
    ('The reply contains the phrase "Yes.", "No." or "Maybe." as its answer.', "any_phrase_present", {"phrases": ["Yes.", "No.", "Maybe."]}),
]

NEURAL = [
    "Avoids jargon.",
    "Ends on an encouraging note.",
    "Quotes a source.",
    "Uses a JSON-like structure to explain the data.",
    "Ends with a question, so that the conversation continues.",
    'The response ends with "Thanks", so that it is 3 paragraphs long.',  # the reason asks for another check
    "Writes at least 300 words, so that every symptom is covered.",  # the reason is about content
    'Mentions "ibuprofen", so the patient knows an option.',
    'The response avoids the words "bad" and "evil" unless quoting the user.',
    "The response uses fewer than 3 exclamation marks, even when excited.",
    "The response is in English, even though the user wrote in Spanish.",
    'Uses "however" at least twice, even if it feels forced.',
    "The response is written in Hindi (ISO code de).",  # the code contradicts the language
    "The response is written in Hindi (ISO code hi), with no English words.",
    "The response contains fewer than 5 sentences, ignoring headings.",  # a scope the check does not know
    'Pitfall Criteria: Ends with "Thanks".',  # a pitfall names what a response must not do
    'The final answer is "42".',
    'The last section is titled "Summary".',
    'Every paragraph ends with "Amen".',
    'The story ends with "The end." and the moral is clear.',
    'The quote "Carpe diem" is the last thing in the essay\'s first paragraph.',
    "The words chosen and used are simple.",
    'Includes the phrases "rock or roll" or "yes or no".',
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_generalised_wordings_lower(text, name, args):
    got = lower_criterion(text)
    if name is None:
        assert got is None, (text, got)
        return
    assert got is not None, text
    assert got.name == name, (text, got)
    for k, v in args.items():
        assert got.args[k] == v, (text, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_near_misses_stay_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text))


def test_undecorate_keeps_quotations_and_returns_reasons():
    text, reasons = undecorate('Ends with "so that, even once (nothing after)", so that the reader smiles.')
    assert '"so that, even once (nothing after)"' in text
    assert reasons == [" the reader smiles."]
    assert undecorate("Written in Hindi (ISO code de).") == (None, [])
    assert undecorate("Criterion 2: Uses no commas.")[0] == "Uses no commas."
