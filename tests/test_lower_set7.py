"""Lowering of the voices read off by :mod:`rubricc.compiler.lower_voices2` (issue 15, round 6): a user story
('As a <role>, I want the reply to ..., so that ...'), a frustrated user's complaint before the requirement, a test
name or a checklist label ('test_no_commas:', 'QA item 3 — Punctuation:', 'Target text:'), a search rater's or an
exam board's grant ('Rate as Meets if', 'The result Meets the requirement when', 'Credit is given only where',
"Candidates' answers are accepted only if") and the failure branch restating the complement. Every rule has
near misses beside it: negated, another scope, another count, polarity reversed, an aside asking for another
check. These wordings are written for the tests, not taken from a phrasing set."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_voices2 import read_voice

POSITIVE = [
    # a user story: the role and the benefit are no requirement
    ("As a copy editor, I want the reply to contain no commas, so that it reads well.", "no_commas", {}),
    ("As a student, I want the reply to be at least 300 words long, so that it covers the topic in depth.", "word_count",
     {"relation": "at least", "n": 300}),
    ("As a teacher, I need the reply to have exactly 3 paragraphs, so that it is accurate.", "paragraph_count", {"relation": "exactly", "n": 3}),
    ("As a translator, I want the whole reply written in German, so that our readers understand it.", "response_language", {"language": "de"}),
    ("As a reviewer, I want the word \"harbor\" to appear in the reply 3 or more times, so that it is remembered.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("As a mobile reader, I need at least 2 sections of the reply highlighted with markdown, so that I can skim it.", "highlighted_sections",
     {"relation": "at least", "n": 2}),
    ("As a bot owner, I want every reply to end with this exact phrase and nothing after it, so that chats close the same way: See you soon.",
     "ends_with", {"phrase": "See you soon."}),
    # a complaint, then the requirement
    ("why is every answer an essay?? The whole reply has to stay under 80 words.", "word_count", {"relation": "less than", "n": 80}),
    ("I asked for the whole thing in quotes. The entire reply needs to be wrapped in double quotation marks.", "wrapped_in_quotes", {}),
    ("it keeps ignoring me. ugh. The reply must not contain a single comma.", "no_commas", {}),
    # a test name, a checklist label
    ("test_short_reply: the response is under 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("test_letter_cap: the number of occurrences of \"q\" in the response, ignoring case, is less than 4.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 4}),
    ("QA item 7 — Word count: the target text must contain fewer than 90 words in total.", "word_count", {"relation": "less than", "n": 90}),
    ("QA item 2 — Closing line: the target text ends with the following exact phrase, and no text follows it: Thank you.", "ends_with",
     {"phrase": "Thank you."}),
    # grants
    ("Rate as Meets if the response is under 100 words; otherwise Fails to Meet.", "word_count", {"relation": "less than", "n": 100}),
    ("Rate as Meets if the response has fewer than 100 words; a response of 100 words or longer Fails.", "word_count",
     {"relation": "less than", "n": 100}),
    ("Rate as Meets if the response is written in Italian; a response in any other language Fails.", "response_language", {"language": "it"}),
    ("Rate as Meets if the response is in English and all of its letters are capitals; any lowercase letter Fails.", "all_uppercase", {}),
    ("The result Meets the requirement when the response contains a title wrapped in double angular brackets, like <<title>>.", "has_title", {}),
    ("Credit is given where the script is shorter than 100 words; scripts of 100 words or more receive no credit.", "word_count",
     {"relation": "less than", "n": 100}),
    ("Candidates' answers are accepted only if they avoid commas.", "no_commas", {}),
    ("Credit is given only where the whole script is valid JSON, with or without a markdown ``` fence around it.", "is_json", {}),
    ("Ensures the output contains no commas.", "no_commas", {}),
    ("should end the response with \"Bye\"", "ends_with", {"phrase": "Bye"}),
    # spellings read beside the voices
    ("The response must not have even one comma in it.", "no_commas", {}),
    ("The whole response begins and ends with a double quotation mark.", "wrapped_in_quotes", {}),
    ("The response has exactly 3 bullets such as \"* point\".", "bullet_count", {"relation": "exactly", "n": 3}),
    ("The response ends with the exact phrase below, with nothing written after it: Bye now.", "ends_with", {"phrase": "Bye now."}),
    # a checklist's terse spec beside its pass or fail condition, a topic before the spec
    ("Target text: minimum length 600 words; QA passes only if the word count is 600 or higher.", "word_count", {"relation": "at least", "n": 600}),
    ("Target text: English only, all lowercase; QA fails if any capital letter appears.", "all_lowercase", {}),
    ("Target text: placeholder count — no fewer than 3 placeholders enclosed in square brackets, e.g. [address].", "placeholder_count",
     {"relation": "at least", "n": 3}),
    ("Target text: mandatory terminology — each of the following keywords must appear: \"cat\" and \"dog\".", "keywords_present",
     {"keywords": ["cat", "dog"]}),
    # a count said as the number of units; a quoted word or letter counted
    ("The number of placeholders written in square brackets is 2 or more.", "placeholder_count", {"relation": "at least", "n": 2}),
    ("The count of sections highlighted in markdown must be no fewer than 5.", "highlighted_sections", {"relation": "at least", "n": 5}),
    ("The response must have a total number of sentences lower than 10.", "sentence_count", {"relation": "less than", "n": 10}),
    ("\"cat\" needs to be in the reply 6 or more times.", "keyword_frequency", {"keyword": "cat", "relation": "at least", "n": 6}),
    ("The reply needs \"cat\" 3 or more times.", "keyword_frequency", {"keyword": "cat", "relation": "at least", "n": 3}),
    ("Count the \"z\" in the reply: the total has to be less than 3.", "letter_frequency", {"letter": "z", "relation": "less than", "n": 3}),
    ("The reply avoids the words \"cat\" or \"dog\" entirely.", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("The response highlights 5 or more sections in markdown style.", "highlighted_sections", {"relation": "at least", "n": 5}),
    # the same voices in other words: a complaint after the requirement, a want after the complaint, camelCase and
    # bracketed test names, items without a prefix, stories without an article or about all replies
    ("The reply must be under 80 words. I'm so tired of essays.", "word_count", {"relation": "less than", "n": 80}),
    ("I asked for bullets and got none. I need the reply to have exactly 3 bullet points.", "bullet_count", {"relation": "exactly", "n": 3}),
    ("This is the third time I've asked. The whole reply has to be in French.", "response_language", {"language": "fr"}),
    ("testNoCommas: the response contains no commas.", "no_commas", {}),
    ("[test_short_reply]: the response is under 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("Item 4 — Word count: the target text must contain fewer than 90 words.", "word_count", {"relation": "less than", "n": 90}),
    ("As product owner, I want the reply to contain no commas, so that it fits.", "no_commas", {}),
    ("As a user, I want all replies to be under 50 words.", "word_count", {"relation": "less than", "n": 50}),
    # more grants: a bare 'Meets', 'A response Meets this criterion when', 'Award 2 marks where', 'Candidates must'
    ("Meets if the response is under 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("A response Meets this criterion when it has exactly 3 bullet points.", "bullet_count", {"relation": "exactly", "n": 3}),
    ("Award 2 marks only where the script has fewer than 5 sentences.", "sentence_count", {"relation": "less than", "n": 5}),
    ("Candidates must not use any commas in their script.", "no_commas", {}),
    ("Candidates are required to end their script with \"Good luck\".", "ends_with", {"phrase": "Good luck"}),
    ("Rate as Meets if the response has exactly 2 paragraphs; anything else Fails.", "paragraph_count", {"relation": "exactly", "n": 2}),
    # a Gherkin scenario, a house rule with a subjunctive, a definition of done, 'ought to' / 'is required to'
    ("Given a user prompt, when the model replies, then the reply contains no commas.", "no_commas", {}),
    ("Given any prompt, when the assistant responds, then the response has fewer than 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("Our house style requires that the reply be under 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("Done when the reply has fewer than 100 words.", "word_count", {"relation": "less than", "n": 100}),
    ("The answer ought to be written in French.", "response_language", {"language": "fr"}),
    ("The model's answer is required to be in French.", "response_language", {"language": "fr"}),
    # sentences after the requirement that are data or the frame's own, not a complaint: never cut off
    ("The last words are exactly Let me know how it works. I can give you next steps when you finish.", "ends_with",
     {"phrase": "Let me know how it works. I can give you next steps when you finish."}),
    ("it should start by copying my request back word for word. my request was: Write a song about a corgi.", "repeats_prompt",
     {"prompt_to_repeat": "Write a song about a corgi."}),
    # a grader frame the frames module reads already keeps its penalty clause read as a requirement
    ("Award the point only when the whole answer is in English and written entirely in CAPITAL LETTERS; any lowercase letter loses it.",
     "all_uppercase", {}),
]

NEURAL = [
    # a user story asking for content, or whose NP is a part of the response
    "As a reader, I want the reply to explain the dose in under 100 words, so that I understand.",
    "As a user, I want the title to be under 10 words, so that it fits.",
    # a benefit or a role that reads as another check
    "As an editor, I want the reply to be under 100 words, so that it has no commas.",
    "As a fan of all-caps text, I want the reply to be under 100 words, so that it is short.",
    # a complaint asking for another check
    "I asked for no commas and got some. The reply must be under 50 words.",
    "it never stops using commas. The reply must be in English.",
    # a name or a label naming another check or unit
    "test_no_commas: the response is under 100 words.",
    "test_sentence_limit: the response has fewer than 5 words.",
    "QA item 4 — Sentence count: the target text must have fewer than 10 words.",
    # failure and partial grants
    "Rate as Fails to Meet if the response contains a comma.",
    "Rate as Slightly Meets if the response is under 100 words.",
    "The result Meets the requirement when the response is long and detailed.",
    "Candidates' answers are rejected if they contain commas.",
    # penalties as the criterion's own predicate (polarity reversed)
    "No credit is given where the script uses commas.",
    "No credit is given where the response uses commas.",
    "A response that uses commas receives no credit.",
    # a failure branch that is not the complement
    "Rate as Meets if the response is under 100 words; a response with any commas Fails.",
    "Rate as Meets if the response is under 100 words; any lowercase letter Fails.",
    "Rate as Meets if the response is under 100 words; a response of 50 words or longer Fails.",
    # negated docstring; the target text outside a checklist; polarity of 'even one'
    "should not end the response with \"Bye\"",
    "The target text is wrapped in double quotation marks.",
    "The response must have even one comma in it.",
    # a checklist spec or fail condition asking for another check, or another count
    "Target text: minimum length 600 words; QA passes only if the text is in French.",
    "Target text: minimum sentence count 50; QA passes if the text has 40 sentences or more.",
    "Target text: English only, all lowercase; QA fails if any comma appears.",
    "Target text: sentence count — no fewer than 3 placeholders enclosed in square brackets, e.g. [address].",
    # negated keyword frames; counts of a part of the response
    "Each of these keywords must not appear: \"cat\" and \"dog\".",
    "\"cat\" must not be in the reply 6 or more times.",
    "The number of words in the title is less than 5.",
    "The number of sentences per paragraph is at most 3.",
    "The response must have a total number of sentences in each paragraph lower than 10.",
    "Count the \"z\" in the title: the total has to be less than 3.",
    # the totality adverb of a list that is not negated; a count of something no check counts
    "The reply uses the words \"cat\" or \"dog\" entirely.",
    "The number of examples is at least 3.",
    # a trailing complaint asking for another check; zero marks (a penalty); a failure grant; content
    "The reply must be under 80 words. I asked for no commas too.",
    "Award 0 marks where the script has fewer than 5 sentences.",
    "Give zero points where the response has fewer than 5 sentences.",
    "Fails to Meet if the response has commas.",
    "Meets if the response explains the law.",
    # a scenario that sets a condition on the prompt or the turn; a house rule that forbids; not done; not required
    "Given a prompt in Spanish, when the model replies, then the reply contains no commas.",
    "Given a user prompt, when the model replies twice, then the reply contains no commas.",
    "Given a user prompt, when the user asks for a list, then the reply contains no commas.",
    "Our house style forbids that the reply contain commas.",
    "Not done when the reply has fewer than 100 words.",
    "The model's answer is not required to be in French.",
    # a question, not an rspec docstring
    "should the response contain commas?",
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[t[0][:40] for t in POSITIVE])
def test_set7_voice_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (read as {read_voice(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_set7_near_miss_stays_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text))


def test_read_voice_leaves_plain_criteria_alone():
    for text in ("The response has exactly 3 paragraphs.", "Ends with \"Rate as Meets if so.\"", "I want the reply to have no commas."):
        assert read_voice(text) == (text, [])


def test_read_voice_never_cuts_inside_data():
    # the request after the colon is data: a failure branch at its end is the request's words
    text = "The response starts with the request copied word for word. Request: Write a poem; any other reply fails."
    core, asides = read_voice(text)
    assert core.endswith("any other reply fails.") and asides == []
