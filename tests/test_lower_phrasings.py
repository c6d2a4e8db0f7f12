"""Lowering of the plainer phrasings rubric writers use (issue 15): relations between the number and the
unit, '<unit> count is ...', unquoted word lists, 'the final words are', ISO language codes, case stated
by what is absent, whole-answer quotation, JSON with an optional fence, fixed options, 'restates'.
Each positive has near-miss negatives that must stay neural (precision first)."""
import pytest

from rubricc.compiler.checks import run_check
from rubricc.compiler.lower import lower_criterion

LOWERED = [
    ("Writes 20 or more sentences.", "sentence_count", {"relation": "at least", "n": 20}),
    ("Word count of 600 or higher.", "word_count", {"relation": "at least", "n": 600}),
    ("Sentence count is below 10.", "sentence_count", {"relation": "less than", "n": 10}),
    ("The number of sentences is at most 5.", "sentence_count", {"relation": "at most", "n": 5}),
    ("Uses no fewer than 12 [bracketed] placeholders.", "placeholder_count", {"relation": "at least", "n": 12}),
    ("The character 'l' is used 15 or more times.", "letter_frequency", {"letter": "l", "relation": "at least", "n": 15}),
    ("Occurrences of the letter i: fewer than 3.", "letter_frequency", {"letter": "i", "relation": "less than", "n": 3}),
    ("Uses 5 or more words in all capital letters.", "capital_word_frequency", {"relation": "at least", "n": 5}),
    ("Contains zero commas.", "no_commas", {}),
    ("The text is comma-free.", "no_commas", {}),
    ("Does not use the words sleep, cook, feed.", "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    ("Steers clear of the terms \"sleep\", \"cook\" and \"feed\".", "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    ("Includes the keywords cat and dog.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Mentions all of the following: \"cat\", \"dog\".", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("The final words are \"That is all you need!\".", "ends_with", {"phrase": "That is all you need!"}),
    ("Ends exactly with: Let me know if you have additional questions.", "ends_with",
     {"phrase": "Let me know if you have additional questions."}),
    ("The final words are exactly: Is there anything else?", "ends_with", {"phrase": "Is there anything else?"}),
    ("Language of the response: ru.", "response_language", {"language": "ru"}),
    ("The answer uses Russian only.", "response_language", {"language": "ru"}),
    ("Uses no uppercase letters at all; the text is English.", "all_lowercase", {"language": "en"}),
    ("Written in English with every character in lower case.", "all_lowercase", {"language": "en"}),
    ("THE WHOLE RESPONSE IS IN ENGLISH CAPITALS; no lowercase letters appear.", "all_uppercase", {"language": "en"}),
    ("The response is enclosed in double quotes.", "wrapped_in_quotes", {}),
    ("Starts and ends with a double quotation mark.", "wrapped_in_quotes", {}),
    ("The response is pure JSON, optionally inside a ```json code block.", "is_json", {}),
    ("Answers with exactly one of \"My answer is yes.\", \"My answer is no.\", \"My answer is maybe.\"",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("The reply includes one of: My answer is yes. / My answer is no. / My answer is maybe.",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Restates the request \"Write a poem about cats.\" verbatim at the very beginning, then answers.",
     "repeats_prompt", {"prompt_to_repeat": "Write a poem about cats."}),
    ("Emphasizes 5 or more passages with markdown, for example *important part*.", "highlighted_sections",
     {"relation": "at least", "n": 5}),
    ("The response is a bulleted list with 3 items.", "bullet_count", {"relation": "exactly", "n": 3}),
    ("Uses 3 sections, each introduced by the word SECTION and its number.", "section_count", {"splitter": "SECTION", "n": 3}),
    ("7 paragraphs separated by empty lines, with the seventh starting with 'summary'.", "paragraph_first_word",
     {"nth": 7, "word": "summary", "num_paragraphs": 7}),
    # IFBench families (compiler/lower_ifbench.py)
    ("Has a word count between 100 and 200 words.", "word_count_range", {"min_words": 100, "max_words": 200}),
    ("The response must contain between 120 and 130 words.", "word_count_range", {"min_words": 120, "max_words": 130}),
    ("Use at least 150 unique words in the response.", "unique_word_count", {"relation": "at least", "n": 150}),
    ("Include exactly 3 numbers in the response.", "number_count", {"relation": "exactly", "n": 3}),
    ("The response should include at least 20 pronouns.", "pronoun_count", {"relation": "at least", "n": 20}),
    ("Use at least 4 different coordinating conjunctions in the response.", "conjunction_count", {"n": 4}),
    ("The response should not repeat any word more than 3 times.", "max_word_repeats", {"n": 3}),
    ("The response must include keyword \"river\" in the 3-th sentence.", "keyword_in_sentence", {"keyword": "river", "nth": 3}),
    ("Write each word on a new line.", "one_word_per_line", {}),
    ("The output should not contain any whitespace.", "no_whitespace", {}),
    ("No two consecutive words can share the same first letter.", "no_consecutive_first_letter", {}),
    ("Write the entire response in title case (capitalize the first letter of every major word).", "title_case", {}),
    ("Answer with one of the following options: yes/no/maybe. Do not give any explanation.", "answer_is_option",
     {"options": ["yes", "no", "maybe"]}),
    ("The response is exactly \"No.\"", "response_equals", {"text": "No."}),
    ("Include at least 10 single-word palindromes, each at least 5 characters long.", "palindrome_count",
     {"min_length": 5, "n": 10}),
    ("Nest parentheses (and [brackets {and braces}]) at least 5 levels deep.", "bracket_depth", {"n": 5}),
    # issue 15, the weak held-out families: highlighted sections
    ("Highlights five or more parts of the answer using markdown.", "highlighted_sections", {"relation": "at least", "n": 5}),
    ("Includes 3 or more *highlighted* sections.", "highlighted_sections", {"relation": "at least", "n": 3}),
    ("The answer has at least two portions wrapped in single asterisks.", "highlighted_sections", {"relation": "at least", "n": 2}),
    ("Highlighted sections (markdown, *like this*): at least 4.", "highlighted_sections", {"relation": "at least", "n": 4}),
    ("The number of markdown-highlighted sections is at least 6.", "highlighted_sections", {"relation": "at least", "n": 6}),
    # multiple sections: a bare count of '<Word> X' sections is IFEval's minimum, a stated relation wins
    ("Has three sections marked SECTION 1, SECTION 2, and so on.", "section_count",
     {"splitter": "SECTION", "relation": "at least", "n": 3}),
    ("There are 4 sections, each labelled with Section followed by its number.", "section_count",
     {"splitter": "Section", "relation": "at least", "n": 4}),
    ("Divides the answer into 3 sections with headings Day 1 to Day 3.", "section_count", {"splitter": "Day", "relation": "at least", "n": 3}),
    ("Has exactly 3 sections, each starting with SECTION X.", "section_count", {"splitter": "SECTION", "relation": "exactly", "n": 3}),
    ("The response has at most 4 sections marked Section X.", "section_count", {"splitter": "Section", "relation": "at most", "n": 4}),
    # constrained response
    ("The response contains either \"My answer is yes.\", \"My answer is no.\" or \"My answer is maybe.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Responds with \"My answer is yes.\", \"My answer is no.\", or \"My answer is maybe.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Replies with exactly one of these: My answer is yes., My answer is no., My answer is maybe.", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    # end phrase: unquoted only after an explicit 'exact' cue, less a clause saying nothing may follow
    ("Concludes with this exact phrase: That is all you need!", "ends_with", {"phrase": "That is all you need!"}),
    ("End your response with the exact phrase Let me know if you have additional questions. and do not add anything after it.",
     "ends_with", {"phrase": "Let me know if you have additional questions."}),
    ("Finish your response with this exact phrase Hope you agree with me. No other words should follow this phrase.", "ends_with",
     {"phrase": "Hope you agree with me."}),
    ("Ends the response with the following phrase: in India.", "ends_with", {"phrase": "in India."}),
    ("Finishes with the phrase 'Peace!'.", "ends_with", {"phrase": "Peace!"}),
    ("The response ends in \"Peace!\"", "ends_with", {"phrase": "Peace!"}),
    # other rubric-writer forms found while writing bench/phrasings/ifeval_dev2.json
    ("The keywords \"sleep\" and \"cook\" are absent from the response.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("The words \"alpha\" and \"beta\" do not appear in the response.", "keywords_absent", {"keywords": ["alpha", "beta"]}),
    ("Response must include a minimum of 8 placeholders like [name].", "placeholder_count", {"relation": "at least", "n": 8}),
    ("Response must be 600 words or longer.", "word_count", {"relation": "at least", "n": 600}),
    ("Response must be enclosed in double quotes from start to finish.", "wrapped_in_quotes", {}),
    ("Response must be written in English using only lowercase letters; capital letters are not allowed.", "all_lowercase",
     {"language": "en"}),
    ("The output is a single JSON object and nothing else.", "is_json", {}),
    ("Meets a minimum length of 600 words.", "word_count", {"relation": "at least", "n": 600}),
    ("Everything is wrapped in \"double quotes\".", "wrapped_in_quotes", {}),
    ("Forbidden words: \"sleep\" and \"cook\" do not appear.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("Keywords present: \"friends\" and \"hanson\".", "keywords_present", {"keywords": ["friends", "hanson"]}),
    ("Language: Russian only.", "response_language", {"language": "ru"}),
    ("All of the response is in Kannada.", "response_language", {"language": "kn"}),
]

NEURAL = [
    # a title inside the request to repeat is data, not a requirement
    "Opens with a summary of the request \"Write an email with a title in double angular brackets, i.e. <<title>>.\"",
    "Uses the words patients understand.",  # not a word list
    "Uses the terms correctly.",
    "Uses the terms accurately and consistently.",
    "Avoids the words jargon.",
    "Includes the terms defined in the glossary.",
    "Steers clear of medical jargon.",
    "The final words are warm and encouraging.",  # no phrase
    "The final sentence summarises the advice.",
    "Ends with: a call to action.",
    "The final words are: a warm thank-you.",
    "Concludes with: a short summary of the key points.",
    "Explains the language of the response: en route vs. en masse.",
    "Uses no uppercase or lowercase distinction.",  # both negated
    "The response puts the drug names in double quotes.",
    "Includes a JSON example of the request body.",
    "Chooses one of the treatment options and justifies it.",
    "Does not repeat the question.",
    "Uses 5 or more words of encouragement.",
    "Highlights at least 3 risks of the procedure.",
    "Written with every word carefully chosen.",
    "Cites at least 3 numbers from the study.",
    "Uses page numbers for every citation.",
    "Includes at least 10 single-word answers.",
    "Has no trailing whitespace.",
    "Uses title case for the headings.",
    "Lists at least 3 treatment options and explains each.",
    "The response is exactly what the user asked for.",
    "Includes the keyword \"river\" but not in the first sentence.",
    "Mentions between 2 and 4 risks.",
    # issue 15 near misses
    "Highlights the key points in bold.",
    "Uses markdown to highlight at least 2 warnings about side effects.",
    "At least 3 sections are highlighted.",  # no markdown: may mean headings or colour
    "Wraps the drug names in asterisks.",
    "Has 3 sections covering causes, symptoms and treatment.",
    "Organizes the answer into 3 parts: Part 1 covers history.",
    "The response ends with the exact phrase the user asked for.",
    "Ends with the phrase that the user requested.",
    "Includes \"cat\" or \"dog\" but not both.",
    "Answers with \"yes\" or \"no\" and gives a reason.",
    "The keywords \"alpha\" and \"beta\" are not absent.",
    "The keywords \"alpha\" and \"beta\" are absent unless the user asks.",
    "Does not answer with one of the options \"A\", \"B\".",
    "Once scores are assigned, sum the squares for names that end with 'r'.",
    "Includes between 2 and 4 placeholders like [name].",
    "Forbidden words: \"sleep\" and \"cook\" are not absent.",
    "Keywords present: \"friends\" or \"hanson\" but not both.",
    "Language: Russian or English.",
    "All of the response is in Kannada except the code.",
]


@pytest.mark.parametrize("text,name,args", LOWERED, ids=[t[:40] for t, _, _ in LOWERED])
def test_lowered(text, name, args):
    c = lower_criterion(text)
    assert c is not None, text
    assert c.name == name, (text, c)
    for k, v in args.items():
        assert c.args.get(k) == v, (text, k, c.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_near_misses_stay_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text))


def test_lowered_checks_decide_right():
    c = lower_criterion("Does not use the words sleep, cook, feed.")
    assert run_check(c, "I like to read.") and not run_check(c, "Time to Sleep now.")
    c = lower_criterion("The final words are \"That is all you need!\".")
    assert run_check(c, "Here it is. That is all you need!") and not run_check(c, "That is all you need! Bye.")
    c = lower_criterion("Writes 3 or more sentences.")
    assert run_check(c, "One. Two. Three. Four.") and not run_check(c, "One. Two.")


def test_issue15_checks_decide_right():
    """The new forms decide as IFEval's checkers do: 'N sections' is a minimum, an end phrase is exact."""
    c = lower_criterion("Has two sections marked SECTION 1, SECTION 2, and so on.")
    assert run_check(c, "SECTION 1\nA\nSECTION 2\nB\nSECTION 3\nC") and not run_check(c, "SECTION 1\nonly one")
    c = lower_criterion("Has exactly 2 sections, each starting with SECTION X.")
    assert not run_check(c, "SECTION 1\nA\nSECTION 2\nB\nSECTION 3\nC") and run_check(c, "SECTION 1\nA\nSECTION 2\nB")
    c = lower_criterion("End your response with the exact phrase Peace! and do not add anything after it.")
    assert run_check(c, "Bye for now. Peace!") and not run_check(c, "Peace! See you.")
    c = lower_criterion("Includes 3 or more *highlighted* sections.")
    assert run_check(c, "*a* and *b* and **c**") and not run_check(c, "*a* and *b*")
    c = lower_criterion("Responds with \"My answer is yes.\", \"My answer is no.\", or \"My answer is maybe.\"")
    assert run_check(c, "My answer is no.") and not run_check(c, "Perhaps.")
    c = lower_criterion("The keywords \"sleep\" and \"cook\" are absent from the response.")
    assert run_check(c, "I read.") and not run_check(c, "I cook.")


def test_false_lowering_on_semantic_rubrics_stays_under_target():
    """HealthBench, WritingBench and the two Claude-generated rubric files: at most 0.1% of criteria become
    programs (each one read by hand when measured: all express their criterion)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.data import shared_data
    from bench.false_lowering import measure

    d = shared_data()
    if not (d / "healthbench_subset500").exists():
        pytest.skip(f"shared data absent: {d}")
    res = measure(d)
    n = sum(v[0] for v in res["sources"].values())
    assert n == 5965 + 5000 + 3480 + 2592
    assert len(res["lowered"]) <= 0.001 * n, [r["criterion"] for r in res["lowered"]]


def test_dev2_weak_families_on_real_ifeval(tmp_path):
    """bench/phrasings/ifeval_dev2.json (written while writing these rules: optimistic), its four families
    that were weakest on the held-out set, run on the real GPT-4 responses against the official verdicts."""
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.ifeval_checks import data_dir, load_ifeval
    from bench.phrasing_sets import PHRASINGS, evaluate_set

    d = data_dir()
    if not (d / "ifeval" / "input_data.jsonl").exists():
        pytest.skip(f"shared data absent: {d / 'ifeval'}")
    weak = ["detectable_format:number_highlighted_sections", "detectable_format:multiple_sections",
            "detectable_format:constrained_response", "startend:end_checker"]
    families = json.loads((PHRASINGS / "ifeval_dev2.json").read_text(encoding="utf-8"))["families"]
    subset = tmp_path / "weak.json"
    subset.write_text(json.dumps({"families": {k: families[k] for k in weak}}), encoding="utf-8")
    res = evaluate_set(load_ifeval(d), subset)
    assert set(res["families"]) == set(weak)
    for fam, v in res["families"].items():
        assert v["lowered"] >= 0.95 * v["criteria"] and v["agreement"] >= 0.99, (fam, v)
