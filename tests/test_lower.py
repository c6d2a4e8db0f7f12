"""Rule-based lowering: many phrasings of surface criteria compile to the right check; semantic
criteria stay neural, including on real HealthBench / WritingBench rubrics."""
import json

import pytest

from rubricc.compiler.checks import run_check
from rubricc.compiler.lower import lower_criterion
from bench.data import shared_data

DATA = shared_data()

# criterion -> (check name, subset of expected args)
LOWERED = [
    ("The response contains no commas", "no_commas", {}),
    ("Does not use a single comma.", "no_commas", {}),
    ("In the entire response, refrains from the use of any commas.", "no_commas", {}),
    ("Avoids commas entirely.", "no_commas", {}),
    ("The answer is at least 300 words long", "word_count", {"relation": "at least", "n": 300}),
    ("The response is under 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("Response is no more than 50 words.", "word_count", {"relation": "at most", "n": 50}),
    ("Keeps the answer to 200 words or fewer.", "word_count", {"relation": "at most", "n": 200}),
    ("Answers with at least three hundred words.", "word_count", {"relation": "at least", "n": 300}),
    ("The response is 250+ words.", "word_count", {"relation": "at least", "n": 250}),
    ("Response is longer than 1,000 words.", "word_count", {"relation": "more than", "n": 1000}),
    ("Uses the word 'banana' at least 3 times", "keyword_frequency", {"keyword": "banana", "relation": "at least", "n": 3}),
    ("Mentions \"banana\" at least twice.", "keyword_frequency", {"keyword": "banana", "n": 2}),
    ("Uses the word \"I\" fewer than 3 times.", "keyword_frequency", {"keyword": "I", "whole_word": True}),
    ("Limits the response to 3 paragraphs or fewer.", "paragraph_count", {"relation": "at most", "n": 3}),
    ("The word banana should appear fewer than 2 times.", "keyword_frequency", {"keyword": "banana", "relation": "less than"}),
    ("Wraps the entire response in double quotation marks", "wrapped_in_quotes", {}),
    ("The whole response is enclosed in double quotes.", "wrapped_in_quotes", {}),
    ("Written entirely in lowercase letters", "all_lowercase", {"language": None}),
    ("The entire response is in English and in all lowercase letters.", "all_lowercase", {"language": "en"}),
    ("The entire response is in capital letters.", "all_uppercase", {}),
    ("The response is written in all caps.", "all_uppercase", {}),
    ("Has exactly 3 bullet points.", "bullet_count", {"relation": "exactly", "n": 3}),
    ("Contains four bullet points.", "bullet_count", {"n": 4}),
    ("The response uses at most five bullet points.", "bullet_count", {"relation": "at most", "n": 5}),
    ("Does not use bullet points.", "bullet_count", {"relation": "exactly", "n": 0}),
    ("Includes a title wrapped in double angular brackets, like <<title>>.", "has_title", {}),
    ("The response is in valid JSON format.", "is_json", {}),
    ("The output is entirely JSON.", "is_json", {}),
    ("Ends with a postscript starting with P.S.", "postscript", {"marker": "P.S."}),
    ("Includes a P.P.S at the end.", "postscript", {"marker": "P.P.S"}),
    ("Contains at least 2 placeholders in square brackets like [name].", "placeholder_count", {"relation": "at least", "n": 2}),
    ("Starts with \"Dear Sir\".", "starts_with", {"phrase": "Dear Sir"}),
    ("Begins with the phrase \"Once upon a time\".", "starts_with", {"phrase": "Once upon a time"}),
    ("Ends with the exact phrase \"Any other questions?\"", "ends_with", {"phrase": "Any other questions?"}),
    ("Finish your response with this exact phrase Peace!. No other words should follow this phrase.", "ends_with", {"phrase": "Peace!"}),
    ("Written entirely in French.", "response_language", {"language": "fr"}),
    ("The response is in German.", "response_language", {"language": "de"}),
    ("Responds in Spanish.", "response_language", {"language": "es"}),
    ("The entire response is in Kannada, with no other language.", "response_language", {"language": "kn"}),
    ("Gives two different answers separated by ******.", "two_responses", {}),
    ("Contains the keywords \"alpha\" and \"beta\".", "keywords_present", {"keywords": ["alpha", "beta"]}),
    ("Include keywords ['correlated', 'experiencing'] in the response.", "keywords_present", {"keywords": ["correlated", "experiencing"]}),
    ("Does not include the words \"foo\" or \"bar\".", "keywords_absent", {"keywords": ["foo", "bar"]}),
    ("Never uses the word \"very\".", "keywords_absent", {"keywords": ["very"]}),
    ("Avoids the term 'synergy'.", "keywords_absent", {"keywords": ["synergy"]}),
    ("The letter q appears at least 5 times.", "letter_frequency", {"letter": "q", "relation": "at least", "n": 5}),
    ("Uses at least 3 exclamation marks.", "letter_frequency", {"letter": "!", "n": 3}),
    ("Has 5 paragraphs separated by ***.", "paragraph_count", {"n": 5, "separator": "***"}),
    ("The response has 3 paragraphs.", "paragraph_count", {"relation": "exactly", "n": 3, "separator": "blank_line"}),
    ("The second paragraph starts with the word \"However\".", "paragraph_first_word", {"nth": 2, "word": "However"}),
    ("There are 4 paragraphs, separated by two new lines, and paragraph 1 starts with the word \"weekend\".",
     "paragraph_first_word", {"nth": 1, "word": "weekend", "num_paragraphs": 4}),
    ("Contains at least 10 sentences.", "sentence_count", {"relation": "at least", "n": 10}),
    ("Is fewer than five sentences long.", "sentence_count", {"relation": "less than", "n": 5}),
    ("Highlights at least 2 sections with markdown, e.g. *highlighted*.", "highlighted_sections", {"n": 2}),
    ("Has 3 sections marked with SECTION X.", "section_count", {"splitter": "SECTION", "n": 3}),
    ("In the response, words with all capital letters appear at least 7 times.", "capital_word_frequency",
     {"relation": "at least", "n": 7}),
    ("Answers with one of the following options: ('My answer is yes.', 'My answer is no.', 'My answer is maybe.')",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("First repeats the request word for word without change, then answers. The request: \"Write a \"funny\" poem.\"",
     "repeats_prompt", {"prompt_to_repeat": "Write a \"funny\" poem."}),
]

NEURAL = [
    "Explains the causes of the French revolution.",
    "Mentions the risk of bleeding.",
    "Recommends seeing a doctor within 24 hours.",
    "Lists at least 3 symptoms of diabetes.",
    "Uses simple words a child would understand.",
    "Provides 3 examples of metaphors.",
    "Includes a short title.",
    "Is written in a formal tone.",
    "Gives at least two reasons for the decline.",
    "States the answer in the first sentence.",
    "Cites at least 2 sources.",
    "Uses a bulleted list.",
    "The response is concise.",
    "Describes 3 steps.",
    "Does not mention the Marburg virus within the first two sentences.",
    "The summary falls within the required four to eight sentence length.",
    "The two sentences flow naturally together.",
    "Uses the word 'history' instead of 'historia' while providing a response in Spanish.",
    "The generated question must start with \"What\" and include the word \"features\".",
    "Each slogan has at most 10 words.",
    "Uses informal words like \"a pleasant lady\" in a telemedicine sheet.",
    "Applies grammar incorrectly with the phrase \"thanks team.\" The comma is not indicated.",
    "The keyword \"SEO\" appears approximately 18 times, naturally integrated.",
    "Translates the answer into Spanish accurately.",
    "Explains the difference between JSON and XML.",
    "Uses all capital letters for warnings.",
    "Writes drug names in lowercase only.",
    "Mentions at least 2 words of encouragement.",
    "Writes 3 paragraphs about the causes.",
    "Has a word count between 100 and 200 pages.",
    "Includes a JSON example of the API call.",
    "The response includes three sections: Introduction, Methods, Results.",
    "Responds in the same language as the user.",
    "Mentions the English translation of the term.",
    "Ends with a question.",
    "Starts with a greeting.",
    "Keeps the response under 5 sentences when possible.",
    "",
    "   ",
]


@pytest.mark.parametrize("text,name,args", LOWERED, ids=[t[:40] for t, _, _ in LOWERED])
def test_lowered(text, name, args):
    check = lower_criterion(text)
    assert check is not None, text
    assert check.name == name, (text, check)
    for k, v in args.items():
        got = check.args[k]
        if isinstance(v, str) and k in ("word",):
            assert got.lower() == v.lower()
        else:
            assert got == v, (text, k, got)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] or "empty" for t in NEURAL])
def test_semantic_criteria_stay_neural(text):
    assert lower_criterion(text) is None


def test_lowered_checks_run():
    check = lower_criterion("The response contains no commas.")
    assert run_check(check, "No commas here.") and not run_check(check, "Well, yes.")
    check = lower_criterion("Uses the word 'banana' at least 3 times.")
    assert run_check(check, "banana banana Banana") and not run_check(check, "banana")


def test_long_or_enumerated_criteria_stay_neural():
    text = "The response contains no commas. " + "It also is nice. " * 30
    assert lower_criterion(text) is None
    assert lower_criterion("Must:\n- have no commas\n- be short\n- be kind\n- be clear") is None


def _healthbench():
    p = DATA / "healthbench_subset500" / "healthbench_eval.jsonl"
    if not p.exists():
        pytest.skip(f"shared data absent: {p}")
    out = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            out += [r["criterion"] for r in json.loads(line)["rubrics"]]
    return out


def test_healthbench_criteria_mostly_stay_neural():
    crits = _healthbench()
    assert len(crits) > 5000
    lowered = [(c, lower_criterion(c)) for c in crits]
    lowered = [(c, p) for c, p in lowered if p is not None]
    assert len(lowered) / len(crits) < 0.02
    # spot-check: every lowered HealthBench criterion is literally about the surface property
    unit = {"word_count": "word", "sentence_count": "sentence", "paragraph_count": "paragraph",
            "bullet_count": "bullet", "no_commas": "comma", "response_language": "",
            "keywords_present": "\"", "keywords_absent": "\""}
    for c, p in lowered:
        assert p.name in unit, (c, p)
        assert unit[p.name].lower() in c.lower(), (c, p)
    assert ("Response is longer than 300 words.", "word_count") in [(c, p.name) for c, p in lowered]


def test_writingbench_criteria_stay_neural():
    p = DATA / "writingbench" / "benchmark_all.jsonl"
    if not p.exists():
        pytest.skip(f"shared data absent: {p}")
    crits = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            for c in json.loads(line)["checklist"]:
                crits.append(f"{c['name']}: {c['criteria_description']}")
                crits.append(c["criteria_description"])
    lowered = [c for c in crits if lower_criterion(c) is not None]
    assert len(lowered) / len(crits) < 0.02, lowered[:10]


def test_unquoted_end_phrase_reads_the_words_not_a_description():
    from rubricc.compiler.lower_parse import unquoted_end_phrase

    assert unquoted_end_phrase("Concludes with this exact phrase: Peace!")[1] == "Peace!"
    assert unquoted_end_phrase("Finish your response with this exact phrase Peace!. No other words should follow this phrase.")[1] == "Peace!"
    assert unquoted_end_phrase("End with the exact phrase in India. and do not add anything after it.")[1] == "in India."
    assert unquoted_end_phrase("Ends with Is it done? and nothing after it.")[1] == "Is it done?"
    assert unquoted_end_phrase("The final words are exactly: See you.")[1] == "See you."
    for text in ("Ends with the exact phrase the user asked for.", "Ends with the exact phrase \"Peace!\"",
                 "Ends with a summary and nothing after it.", "Ends with the phrase Peace!", "Concludes with this exact phrase: that was requested"):
        assert unquoted_end_phrase(text) is None, text
