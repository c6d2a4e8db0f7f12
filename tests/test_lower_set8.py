"""Lowering of the voices read off by :mod:`rubricc.compiler.lower_voices3` (issue 15, round 7): a crowd annotator's
question then decision ('Check whether X. Label yes only if C.'), a checklist item's topic label ('Paragraph count:
precisely 2 paragraphs ...'), a unit's form restated beside it ('bullet items, each on a line that starts with a
markdown bullet', 'words in all caps, with every letter upper case', 'without one capital letter'), a case note before
a data colon, and how neighbouring paragraphs are divided. Every rule has near misses beside it: negated, another
scope or unit, polarity reversed, a count of something else, a decision asking the opposite. These wordings are
written for the tests, not taken from a phrasing set."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_voices2 import read_voice
from rubricc.compiler.lower_voices3 import read_decision, read_topic

POSITIVE = [
    # a question, then the decision on it
    ("Check whether the reply is entirely free of commas. Mark yes only if not a single comma appears.", "no_commas", {}),
    ("Verify whether the response has a title inside << and >>. Label yes if such a title is present.", "has_title", {}),
    ("Check whether the response has exactly 3 paragraphs. Label yes only if the count is exactly 3.", "paragraph_count",
     {"relation": "exactly", "n": 3}),
    ("Check whether the total word count of the response is below 120; label yes if it is.", "word_count", {"relation": "less than", "n": 120}),
    ("Check whether each of these keywords appears in the response: \"river\" and \"stone\". Label yes only if all of them are present.",
     "keywords_present", {"keywords": ["river", "stone"]}),
    ("Check whether \"harbor\" occurs at least 3 times in the response. Label yes if it does.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("Check whether the whole response is in capital letters only. Label yes if no lowercase letter appears.", "all_uppercase", {}),
    ("Check whether the response has exactly 3 paragraphs and whether the second paragraph starts with \"then\". Label yes only if both hold.",
     "paragraph_first_word", {"nth": 2, "word": "then", "num_paragraphs": 3}),
    # a judge's question, then the decision on it
    ("Does the reply contain no commas? Answer yes only if not one comma appears.", "no_commas", {}),
    ("Is the reply under 100 words? Label yes if it is.", "word_count", {"relation": "less than", "n": 100}),
    # a checklist item's topic label, a rule's own label before any form of the rule
    ("Style rule: never use commas.", "no_commas", {}),
    ("House style: the response must be written entirely in lowercase.", "all_lowercase", {}),
    ("Paragraph count: exactly 4 paragraphs, with each pair of adjacent paragraphs separated by ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Required words: all of the following words appear in the reply: lantern, moss.", "keywords_present", {"keywords": ["lantern", "moss"]}),
    ("Banned words: none of \"lantern\" or \"moss\" appear anywhere in the reply.", "keywords_absent", {"keywords": ["lantern", "moss"]}),
    ("Ending: the reply finishes with exactly \"See you soon.\"; no other words follow.", "ends_with", {"phrase": "See you soon."}),
    ("Letter count: k shows up 7 or more times.", "letter_frequency", {"letter": "k", "relation": "at least", "n": 7}),
    ("Bullets: the reply has exactly 5 bullet points, each on a line that starts with a markdown bullet such as * or -.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    # a unit's form restated
    ("The reply is written entirely in lowercase, without one capital letter.", "all_lowercase", {}),
    ("At least 6 words in the reply are in all caps, with every letter upper case.", "capital_word_frequency", {"relation": "at least", "n": 6}),
    ("Fewer than 4 words in the response are written in capital letters.", "capital_word_frequency", {"relation": "less than", "n": 4}),
    ("Uses at most 3 all-caps words for emphasis.", "capital_word_frequency", {"n": 3}),
    # the system prompt's repeat: a sentence saying nothing comes before the copy
    ("First repeat the question word for word without change, then answer it. Do not say anything before repeating the question. "
     "The question is: Why is the sky blue?", "repeats_prompt", {"prompt_to_repeat": "Why is the sky blue?"}),
    # a plain keyword list before where it goes
    ("Include keywords lantern, moss in your answer.", "keywords_present", {"keywords": ["lantern", "moss"]}),
    ("Use the keywords harbor in the reply.", "keywords_present", {"keywords": ["harbor"]}),
    # a language named by its code; the other branch naming another language
    ("Label yes if the reply is in the language with ISO 639-1 code fi; label no if it is mostly in another language.", "response_language",
     {"language": "fi"}),
    ("Mark yes if the response is written in the language whose code is ko.", "response_language", {"language": "ko"}),
    # JSON's exactness, a section marker named as such, a limit restated by its count
    ("The reply is one valid JSON value (a code block around it is fine) with no other text around it.", "is_json", {}),
    ("The reply has at least 3 parts, each starting with the marker Part X, where X is the part number.", "section_count",
     {"splitter": "Part", "relation": "at least", "n": 3}),
    ("The reply stays within the 150-word limit, with fewer than 150 words.", "word_count", {"relation": "less than", "n": 150}),
    # a requirement stated as required; a language's exclusivity restated
    ("It is required that the response has no commas.", "no_commas", {}),
    ("The answer MUST be in French, and MUST NOT use any other language.", "response_language", {"language": "fr"}),
    # a list named by what it is for; each of a quoted list at least once
    ("The story never uses the banned words storm.", "keywords_absent", {"keywords": ["storm"]}),
    ("The story uses the required words storm, harbor.", "keywords_present", {"keywords": ["storm", "harbor"]}),
    ("The story uses each of the required words \"storm\" at least once.", "keywords_present", {"keywords": ["storm"]}),
    # an unquoted example after a counted unit, before a count-then-decide pair
    ("Count the words typed entirely in capital letters (e.g. NOW). Label yes if there are fewer than 6 of them.", "capital_word_frequency",
     {"relation": "less than", "n": 6}),
    # a case note before the data colon
    ("None of the following words occur in the reply, in any capitalization: lantern, moss.", "keywords_absent",
     {"keywords": ["lantern", "moss"]}),
]

NEURAL = [
    # the decision reverses the question's polarity, or names what the question does not
    "Check whether the response contains a title inside << and >>. Label yes if no title is present.",
    "Check whether the reply is entirely free of commas. Label yes only if a comma appears.",
    "Check whether the whole response is in capital letters only. Label yes if a lowercase letter appears.",
    "Check whether the response contains any commas. Label yes only if not one comma appears.",
    # the decision counts something else, or another number
    "Check whether the response has exactly 3 paragraphs. Label yes only if the count is exactly 4.",
    "Check whether the response has exactly 3 paragraphs. Label yes if it is under 50 words.",
    "Check whether the response has exactly 3 paragraphs. Label yes if each paragraph is short.",
    # the decision is about content, or is the failure branch
    "Check whether the reply is free of commas. Label yes if the tone is friendly.",
    "Check whether the total word count of the response is below 120; label no if it is.",
    "Check whether the response has exactly 3 paragraphs and whether the tone is formal. Label yes only if both hold.",
    # an imperative before the decision is not a question ('Count ...' is read by its own frame, or not at all)
    "Count the commas in the response. Label yes if there are none.",
    # a judge's question whose decision asks the opposite, or another count
    "Does the reply contain any commas? Answer yes only if not one comma appears.",
    "Is the reply under 100 words? Label yes if it is over 100 words.",
    "Is the reply under 100 words? Label yes if it has at least 100 words.",
    "Why is the reply under 100 words? Label yes if it is.",
    # a rule's label before a rule that is no check; a label naming a part of the response
    "Style rule: use commas sparingly.",
    "Title: all of the words are capitalized.",
    "Summary: the summary must be under 50 words.",
    "Rule: every letter must be lowercase in the title.",
    # a topic label whose polarity or unit the statement lacks
    "Banned words: all of the following words appear in the reply: lantern, moss.",
    "Required words: none of \"lantern\" appear anywhere in the reply.",
    "Sentence count: the reply has exactly 3 paragraphs.",
    "Word frequency: k shows up 7 or more times.",
    "Paragraph count: exactly 2 paragraphs, with each paragraph divided into 3 sentences.",
    # a repeat whose extra sentence asks for something else, or is the wrong way round
    "First repeat the question word for word without change, then answer it. Do not say anything after repeating the question. "
    "The question is: Why is the sky blue?",
    "First repeat the question word for word, then answer it. Do not say anything before repeating the question. Do not use commas. "
    "The question is: Why is the sky blue?",
    "First paraphrase the question, then answer it. Do not say anything before repeating the question. The question is: Why is the sky blue?",
    # a keyword list that is one of them, an adverb, or scoped to a part
    "Include keywords lantern or moss in your answer.",
    "Include keywords correctly in your answer.",
    "Include keywords lantern, moss in the title of your answer.",
    "Include the words jargon in your answer.",
    # a language code the library does not know; another branch that is not the complement of a language
    "Label yes if the reply is in the language with ISO 639-1 code zz; label no if it is mostly in another language.",
    "Label yes if the reply has 3 paragraphs; label no if it is mostly in another language.",
    "Label yes if the reply is written in German; label no if it is too short.",
    # a limit restated with another count
    "The reply stays within the 150-word limit, with fewer than 200 words.",
    # not required, required of a part; another language named, another thing excluded
    "It is not required that the response has no commas.",
    "It is required that the title has no commas.",
    "The answer must be in French, and must not use English.",
    "The answer must be in French, and must not use any other punctuation.",
    # a named list that describes the words; each of them more than once, in a part, or negated
    "The story never uses the banned words listed.",
    "The story never uses the words storm.",
    "The story uses each of the required words \"storm\" at least twice.",
    "The story uses each of the required words \"storm\" at least once in the title.",
    "The story never uses each of the required words \"storm\" and \"harbor\" at least once.",
    # the example's count scoped to a part
    "Count the words typed entirely in capital letters (e.g. NOW) in the title. Label yes if there are fewer than 6 of them.",
    # a form that is not the unit's own
    "Bullets: the reply has exactly 5 bullet points, each on a line that starts with the word \"Note\".",
    "The reply is written in English, with one capital letter.",
    "At least 6 words in the reply are in all caps, with every letter lowercase.",
    "At least 6 words in the reply are in lowercase.",
    "Uses at most 3 all-caps words for emphasis in the title.",
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[t[0][:40] for t in POSITIVE])
def test_set8_voice_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (read as {read_voice(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_set8_near_miss_stays_neural(text):
    got = lower_criterion(text)
    assert got is None or (text.startswith("The reply is written in English") and got.name == "response_language"), (text, got)


def test_decision_is_never_read_inside_data():
    text = "The response ends with \"Check whether it rains. Label yes if so.\""
    asides = []
    assert read_decision(text, asides) == text and asides == []


def test_topic_label_leaves_data_after_the_colon():
    for text in ("Forbidden words: \"lantern\", \"moss\".", "Word count: at least 600.", "Note: 3"):
        asides = []
        assert read_topic(text, asides) == text and asides == []
    assert lower_criterion("Word count: at least 600.").args == {"relation": "at least", "n": 600}
