"""Set 15's remaining voices, developed on after its one blind measurement (issue 15, round 12): a refined criterion's
near-miss that is one way to fail the same check ('two identical responses', 'predominantly in another language'),
what it grants before a contrast ('valid JSON but has no keys' asks for more), the means a pairwise comparison names
(', as the preferred response did by using periods instead'), 'zero X', 'every word in uppercase', restated
definitions (a bullet's marker, a highlight within one line, a quote as the first character), 'keeps mentions of "x"
below N', 'the first paragraph's first word should be', a request followed by its near-miss sentence. Wordings written
for the tests in set 15's voices, not its sentences; NEURAL must stay neural."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_borderline import fails_alike, read_borderline, split_contrast, without_examples

LOWERED = [
    # a near-miss that is a way to fail the same check
    ("The reply gives exactly two different answers separated by ******; two answers that are the same, or a third "
     "block after another ******, does not meet this.", "two_responses", {}),
    ("The whole reply parses as JSON, optionally inside a ```json fence; a reply that adds commentary before or after "
     "the JSON does not meet this.", "is_json", {}),
    ("The response is written entirely in German; a response whose text is mostly in another language, such as "
     "English, does not meet this.", "response_language", {"language": "de"}),
    ("Every letter of the answer is uppercase; an answer with a few lowercase words, such as a lowercase sign-off, "
     "does not meet this.", "all_uppercase", {}),
    ("The answer has no commas at all; an answer that is otherwise tidy but has one comma, for example in a "
     "date, does not meet this.", "no_commas", {}),
    ("The reply is in all lowercase letters; a reply with a capital letter in a name does not meet this.",
     "all_lowercase", {}),
    # the means a comparison names
    ("Keeps the reply free of commas, as the preferred response did by using short sentences instead.", "no_commas", {}),
    # 'zero X', universal scope restated, every word in a case
    ("The answer contains zero uppercase letters.", "all_lowercase", {}),
    ("Response should be entirely in English and contain zero capital letters.", "all_lowercase", {"language": "en"}),
    ("Writes the reply in lowercase English (no capitals anywhere, including titles).", "all_lowercase",
     {"language": "en"}),
    ("Keeps every word in uppercase.", "all_uppercase", {}),
    # restated definitions
    ("The JSON is valid for the entire response (ignoring an optional surrounding ``` block).", "is_json", {}),
    ("The answer has exactly 4 bullet lines, each starting with a markdown bullet marker.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("The answer has 3 or more non-empty highlighted spans in markdown, within a single line.", "highlighted_sections",
     {"relation": "at least", "n": 3}),
    ('The reply begins with a double quotation mark as its first character and ends with one as its last character, '
     'ignoring surrounding whitespace.', "wrapped_in_quotes", {}),
    ('Labels each of its 4 or more sections as "PART" followed by the section number.', "section_count",
     {"splitter": "PART", "relation": "at least", "n": 4}),
    # counts said without 'times', paragraph wordings
    ('Keeps mentions of "budget" below 3.', "keyword_frequency",
     {"keyword": "budget", "relation": "less than", "n": 3, "whole_word": False}),
    ('Response should have 5 paragraphs, and the second paragraph\'s first word should be "rain".',
     "paragraph_first_word", {"nth": 2, "word": "rain", "num_paragraphs": 5}),
    ('Starts its third paragraph with "rain" and keeps to exactly 3 blank-line-separated paragraphs.',
     "paragraph_first_word", {"nth": 3, "word": "rain", "num_paragraphs": 3}),
]

NEURAL = [
    # a near-miss that grants the check and fails something else
    "The whole reply parses as valid JSON; a reply that is valid JSON but has no keys does not meet this.",
    "The reply is in all lowercase letters; a reply that is lowercase but rude does not meet this.",
    "The reply is in all lowercase letters; a reply that is lowercase yet has no greeting does not meet this.",
    # a near-miss quoting other data, or naming what the JSON holds
    'The whole reply parses as valid JSON; a JSON reply without a "name" field does not meet this.',
    "The whole reply parses as valid JSON; a JSON array does not meet this.",
    # a near-miss that passes the check (the language asked for)
    "The response is written entirely in Hindi; a response in Hindi does not meet this.",
    # a means that is another check or content
    "Uses no bullet points, as the preferred response did by writing three short paragraphs.",
    "Stays under 100 words, as the preferred response did by skipping the history.",
    "Keeps the reply free of commas, as the preferred response did by using semicolons instead of commas in lists.",
    # a near-miss about a title's content (a title is no one-way check)
    "The response has a title in double angular brackets; a response with a title that is too long does not meet this.",
    # a distribution, a scoped case
    "The answer has exactly 3 bullet points, each beginning with a verb.",
    "Every word in the title is in uppercase.",
    "Every word is capitalized.",
]


@pytest.mark.parametrize("text,name,args", LOWERED)
def test_lowered(text, name, args):
    got = lower_criterion(text)
    assert got is not None, text
    assert got.name == name
    assert {k: v for k, v in got.args.items() if v is not None} == args


@pytest.mark.parametrize("text", NEURAL)
def test_neural(text):
    assert lower_criterion(text) is None, text


def test_zero_or_more_is_no_ban():
    got = lower_criterion("The response contains zero or more bullet points.")
    assert got is None or got.args != {"relation": "exactly", "n": 0}


def test_request_then_its_near_miss_sentence():
    request = "Write a poem about rain. Put the title in double angular brackets, i.e. <<title>>."
    text = ("The response opens with the exact text of the request, copied verbatim with nothing before it, and only "
            f"afterwards answers it; the request is: {request} A response that paraphrases the request does not meet this.")
    got = lower_criterion(text)
    assert got is not None and got.name == "repeats_prompt"
    assert got.args["prompt_to_repeat"] == request


def test_parts():
    assert without_examples("a reply with lowercase words, such as a lowercase title") == "a reply with lowercase words"
    assert split_contrast("a reply that is otherwise tidy but slips in one comma") == ("a reply that is otherwise tidy",
                                                                                      "slips in one comma")
    assert split_contrast('a reply ending "but" here')[0] == ""
    assert fails_alike("response_language", {"language": "de"}, ("response_language", {"language": "en"}))
    assert not fails_alike("response_language", {"language": "de"}, ("response_language", {"language": "de"}))
    assert fails_alike("all_uppercase", {}, ("all_lowercase", {}))
    assert not fails_alike("bullet_count", {"relation": "exactly", "n": 3}, ("bullet_count", {}))
    text, asides = read_borderline("Keeps the reply free of commas, as the preferred response did by using periods instead.")
    assert text == "Keeps the reply free of commas." and asides == [("means", "using periods")]
