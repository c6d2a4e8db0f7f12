"""Lowering of the voices and idioms of :mod:`rubricc.compiler.lower_voices6` (issue 15, round 10): shorthand ('w/',
'kw', 'paras', 'lang', 'N+', 'xN', 'a | b | c'), 'checks that X', a style guide's 'piece' / 'copy', 'stay clear of',
'work the terms into', 'call out' with asterisks, 'let nothing follow it', a repeat frame's 'brief' and 'no preamble',
a bare word list in parentheses, second sentences that only restate the first's bound, '<Language> only.', and a count
of 'such' items said in a second sentence. These wordings are written for the tests, not taken from a phrasing set; the
near misses (a second sentence adding content, a scope, another direction) must stay neural or lower to the right check."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_voices6 import read_voice, respeak

POSITIVE = [
    # shorthand
    ("exactly 5 paras, separated w/ ***", "paragraph_count", {"relation": "exactly", "n": 5, "separator": "***"}),
    ('exactly 3 paras (blank line between), para #3 begins w/ "so"', "paragraph_first_word", {"nth": 3, "word": "so", "num_paragraphs": 3}),
    ("includes kw: harbor, lantern", "keywords_present", {"keywords": ["harbor", "lantern"]}),
    ("written in French, no other lang", "response_language", {"language": "fr"}),
    ("seven+ sentences", "sentence_count", {"relation": "at least", "n": 7}),
    ("'tide' used three+ times", "keyword_frequency", {"keyword": "tide", "relation": "at least", "n": 3}),
    ("'z' x5 or more (either case)", "letter_frequency", {"letter": "z", "relation": "at least", "n": 5}),
    ("answers with one of: Yes I agree. | No I disagree. | I am not sure.", "any_phrase_present",
     {"phrases": ["Yes I agree.", "No I disagree.", "I am not sure."]}),
    # a test-case description with any clause after 'checks that'
    ('checks that none of the words "alpha", "beta" occur in the output', "keywords_absent", {"keywords": ["alpha", "beta"]}),
    ("verifies that at least 4 sentences are in the response", "sentence_count", {"relation": "at least", "n": 4}),
    # a bare word list in parentheses after a keyword noun
    ("verifies that each listed keyword (river, stone) is present in the response", "keywords_present", {"keywords": ["river", "stone"]}),
    ("checks that none of the banned words (foo, bar) appear in the response", "keywords_absent", {"keywords": ["foo", "bar"]}),
    # a style guide's names for the response, verbs in other words
    ("Each piece has a title wrapped in double angular brackets.", "has_title", {}),
    ('Weave all of the following terms into the copy: "oak" and "ash".', "keywords_present", {"keywords": ["oak", "ash"]}),
    ('Does the reply stay clear of the words "cheap" or "free" altogether?', "keywords_absent", {"keywords": ["cheap", "free"]}),
    ('End with this exact line and let nothing follow it: See you tomorrow.', "ends_with", {"phrase": "See you tomorrow."}),
    ("Repeat the brief word for word as the very first thing in the response, with no preamble. The brief: Name three rivers.",
     "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    ("opens w/ the request copied verbatim (nothing before it): List two fruits.", "repeats_prompt", {"prompt_to_repeat": "List two fruits."}),
    # second sentences that only restate the first's bound
    ("Include exactly 4 bullet points in markdown. No more, no fewer.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Minimum length is 150 words; anything shorter fails.", "word_count", {"relation": "at least", "n": 150}),
    ("Keep it to a maximum of 80 words; anything longer does not meet the requirement.", "word_count", {"relation": "at most", "n": 80}),
    ("Forbidden words: damp, soggy. Don't use them at all.", "keywords_absent", {"keywords": ["damp", "soggy"]}),
    ("German only. No text in any other language.", "response_language", {"language": "de"}),
    ("Spanish only.", "response_language", {"language": "es"}),
    ("Output pure JSON only. A ``` code fence around it is fine; any text outside it is not.", "is_json", {}),
    # a count of 'such' items in a second sentence
    ("Highlight important phrases by wrapping them in asterisks, markdown style (*so*). The response needs at least 3 such highlights.",
     "highlighted_sections", {"relation": "at least", "n": 3}),
]

NEURAL = [
    # a second sentence that adds content or asks for something else
    "Use exactly 3 bulleted items in markdown (* or -). Each must cite a source.",
    "Banned words: sleep, cloud. Use them sparingly.",
    "Forbidden words: damp, soggy. Do not use them in the title.",
    "Hindi only in the greeting.",
    "Hindi only. Use English for the technical terms.",
    "The minimum length is 150 words; anything longer is trimmed by the editor.",
    "Keep it under 80 words; anything shorter fails.",
    "Include exactly 4 bullet points. Each one starts with a verb.",
    # a 'such' count that is scoped, or whose first sentence is not a surface requirement
    "Highlight important phrases by wrapping them in asterisks. Each section needs at least 2 such highlights.",
    "Call out weak arguments in the essay. The response needs at least 2 such call-outs.",
    # 'call out' without asterisks or markdown is criticism, not highlighting
    "Call out at least 2 factual errors.",
    # the copy of the request in a repeat frame stays the copy; 'stay clear of' a topic is content
    "Stay clear of politics.",
    "checks that the response explains the cause",
    # 'w/' in the prompt to repeat is data
    "lang: polite register",
    # shorthand with a scope, or naming something else
    "'j' x20 or more per paragraph",
    "five+ words per sentence",
    "avoid kw stuffing",
    "never answers with one of: Yes I agree. | No I disagree.",
    "Each piece of advice is under 20 words.",
    "German only. No text in any other language except the quotes.",
    # a parenthesis after a keyword noun that is no word list; a bare 'xN' without a direction
    "Avoid the terms (jargon).",
    "Avoid the terms (all, any case) in the title.",
    "Uses the key terms (in bold) at least twice.",
    "'j' x3",
    # a 'such' count whose first sentence asks for a kind of unit the rules do not count
    "Use short sentences. The response needs at least 5 such sentences.",
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[t[0][:50] for t in POSITIVE])
def test_set12_voice_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (respoken {respeak(text)!r}, read as {read_voice(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:50] for t in NEURAL])
def test_set12_near_miss_stays_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text), respeak(text))


def test_respeak_leaves_quotes_and_data_alone():
    text = "Repeat this request word for word: write w/ 3 paras, kw: a, b. Hindi only."
    assert respeak(text) == text
    assert respeak('Ends with "see you w/ the piece"') == 'Ends with "see you w/ the piece"'
    # 'the copy' of a repeat frame is the copy of the request
    assert "the copy" in respeak("Starts with an exact copy of the request, with nothing before the copy: Name a bird.")


def test_a_note_on_a_label_is_no_word_list():
    text = "Mandatory terms (all, case-insensitive): maple, cedar."
    assert respeak(text) == text


def test_restating_second_sentence_needs_the_same_bound():
    assert respeak("Use exactly 3 bullets. Not one more, not one less.") == "Use exactly 3 bullets."
    assert respeak("Use at least 3 bullets. Not one more, not one less.").endswith("not one less.")
    assert respeak("At most 50 words; anything shorter fails.").endswith("fails.")
