"""Lowering of criteria said in other voices (issue 15, round 4): a grader's frame ('Award the point if',
'Mark YES if', '...; mark YES if so'), an acceptance criterion ('AC3: The output SHALL ...', 'Given the
response, it MUST ...'), a count then a decision ('Count the X. Mark YES if there are fewer than N.'), a
checklist question, a non-native writer and a user's own words. The frame is decoration
(:mod:`rubricc.compiler.lower_frames`): only the inner criterion decides, so a semantic inner criterion,
a failure or penalty frame, and a grader speaking of themselves stay neural. These wordings are written
for the tests, not taken from a phrasing set."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_frames import unframe

POSITIVE = [
    # grader frames before the criterion
    ('Give full marks when the reply is written entirely in French.', "response_language", {"language": "fr"}),
    ('Award a point only if the answer contains fewer than 4 sentences.', "sentence_count", {"relation": "less than", "n": 4}),
    ('Answer YES only if the response has no more than 120 words.', "word_count", {"relation": "at most", "n": 120}),
    ('Score 1 if the reply includes the keywords "harbor" and "tide".', "keywords_present", {"keywords": ["harbor", "tide"]}),
    ('Pass if the reply is wrapped in double quotation marks from start to finish.', "wrapped_in_quotes", {}),
    ('The check passes only when the whole reply is in lowercase letters.', "all_lowercase", {}),
    ('Mark YES if the response does NOT contain any commas.', "no_commas", {}),
    ('Mark YES if the response does not use the words "delve" or "tapestry".', "keywords_absent", {"keywords": ["delve", "tapestry"]}),
    ('Full credit if the student ended the essay with "Stay curious."', "ends_with", {"phrase": "Stay curious."}),
    ('Tick YES when the letter "z" occurs at least 5 times in the reply.', "letter_frequency", {"letter": "z", "relation": "at least", "n": 5}),
    # a penalty clause restating the criterion: read as its requirement
    ('Award the point if the reply is written in all capital letters; any lowercase letter costs the point.', "all_uppercase", {}),
    # the grader's own search turned round
    ('Mark YES if you cannot find a single comma in the entire answer.', "no_commas", {}),
    # trailing decisions and checklist imperatives
    ('Check that the reply ends with "See you soon."; mark YES if so.', "ends_with", {"phrase": "See you soon."}),
    ('Verify that the answer has exactly 4 paragraphs separated by ***. Answer YES if that is the case.', "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ('there should be at least 3 placeholders in square brackets - are they there?', "placeholder_count", {"relation": "at least", "n": 3}),
    ('Look at the start of the reply. Mark YES if it begins with "Dear team".', "starts_with", {"phrase": "Dear team"}),
    # count, then decide
    ('Count the sentences of the reply. Mark YES if there are at most 6.', "sentence_count", {"relation": "at most", "n": 6}),
    ('Count each paragraph in the answer; answer YES if the total is exactly 2.', "paragraph_count",
     {"relation": "exactly", "n": 2, "separator": "blank_line"}),
    ('Count how many times "lantern" is used in the reply, ignoring case. Mark YES if it is 3 or more.', "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 3}),
    ("Count every occurrence of 'q' in the reply. Mark YES if the count is below 4.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 4}),
    # search, then decide on what was searched for
    ('Search the answer for "alpha" and "beta"; mark YES only if none of them appears.', "keywords_absent", {"keywords": ["alpha", "beta"]}),
    ('Check for the terms "alpha" and "beta". Mark YES if both of them are present in the reply.', "keywords_present",
     {"keywords": ["alpha", "beta"]}),
    ('Check for a postscript: mark YES if the reply contains a postscript starting with P.S.', "postscript", {"marker": "P.S."}),
    # acceptance criteria
    ('REQ-7: The reply SHALL NOT contain the word "delve".', "keywords_absent", {"keywords": ["delve"]}),
    ('AC12: The output MUST contain at least 4 bullet points.', "bullet_count", {"relation": "at least", "n": 4}),
    ('Given the output, it MUST be written entirely in lowercase letters.', "all_lowercase", {}),
    ('Given the final answer, its sentence count SHALL be less than or equal to 5.', "sentence_count", {"relation": "at most", "n": 5}),
    ('The output SHALL contain at most 2 occurrences of "indeed".', "keyword_frequency", {"keyword": "indeed", "relation": "at most", "n": 2}),
    ('The output SHALL be written in Italian throughout.', "response_language", {"language": "it"}),
    # checklist questions with the writer as the subject
    ('Has the author highlighted at least 2 sections with markdown, e.g. *key point*?', "highlighted_sections", {"relation": "at least", "n": 2}),
    ('Did it split the reply into at least 3 sections marked PART 1, PART 2 and so on?', "section_count",
     {"splitter": "PART", "relation": "at least", "n": 3}),
    # the decision after the criterion, answer-format labels, questions about a statement
    ('If the reply has exactly 3 paragraphs, mark YES.', "paragraph_count", {"relation": "exactly", "n": 3, "separator": "blank_line"}),
    ('Yes/No: Does the reply end with "Goodbye."?', "ends_with", {"phrase": "Goodbye."}),
    ('Is it true that the response contains fewer than 40 words?', "word_count", {"relation": "less than", "n": 40}),
    ('Does the reply use the word "maple" at least twice? If so, award the point.', "keyword_frequency",
     {"keyword": "maple", "relation": "at least", "n": 2}),
    ('The criterion is met if the reply is in Spanish only.', "response_language", {"language": "es"}),
    ('The reply receives full marks if it has at least 300 words.', "word_count", {"relation": "at least", "n": 300}),
    ('How many sentences does the reply have? Mark YES if fewer than 6.', "sentence_count", {"relation": "less than", "n": 6}),
    ('Count the words. If the total is below 80, mark YES.', "word_count", {"relation": "less than", "n": 80}),
    ('Search the reply for "ember" and "ash". Mark YES if they do not appear.', "keywords_absent", {"keywords": ["ember", "ash"]}),
    ('You should mark YES if the reply uses fewer than 5 sentences.', "sentence_count", {"relation": "less than", "n": 5}),
    ('Only mark YES when the reply is entirely in Hindi.', "response_language", {"language": "hi"}),
    ('1 point: the reply uses no commas.', "no_commas", {}),
    ('Score: 1 if the reply is in all lowercase letters.', "all_lowercase", {}),
    ('Is every letter in the reply capitalized?', "all_uppercase", {}),
    ('Requirement met when the reply has a title wrapped in double angular brackets.', "has_title", {}),
    ('LGTM if the reply has no commas.', "no_commas", {}),
    ('The reply has exactly 4 bullet points (lines starting with * or -).', "bullet_count", {"relation": "exactly", "n": 4}),
    ('The reply ends with "Bye.", exactly like that.', "ends_with", {"phrase": "Bye."}),
    ('Count the words in the reply. Mark YES if there are fewer than 50, otherwise NO.', "word_count", {"relation": "less than", "n": 50}),
    ('Mark YES if the reply is in Korean; otherwise mark NO.', "response_language", {"language": "ko"}),
    # an LLM rubric's labelled frame, its reason cut off as a reason
    ('Punctuation Rule: Evaluates whether the reply is written with zero commas, since the prompt forbids them.', "no_commas", {}),
    ('Length Limit: Assesses whether the text stays under 90 words, as the user requested.', "word_count", {"relation": "less than", "n": 90}),
    # a non-native writer
    ('The reply is not using the words apple, pear, plum, none of them.', "keywords_absent", {"keywords": ["apple", "pear", "plum"]}),
    ('The answer is having exactly 5 bullet points.', "bullet_count", {"relation": "exactly", "n": 5}),
    ('The text have less than 80 words.', "word_count", {"relation": "less than", "n": 80}),
    ('In the reply, all of these keywords are appearing: "moss" and "fern".', "keywords_present", {"keywords": ["moss", "fern"]}),
    ('In the answer there are minimum 3 parts which are highlighted with markdown.', "highlighted_sections", {"relation": "at least", "n": 3}),
    ('All of the reply is in German language, not in any other language.', "response_language", {"language": "de"}),
    # a user's own words
    ('i want "ocean" in there at least 4 times', "keyword_frequency", {"keyword": "ocean", "relation": "at least", "n": 4}),
    ('no "banana" or "mango" anywhere in the reply', "keywords_absent", {"keywords": ["banana", "mango"]}),
    ('it has to end on exactly "Cheers!", nothing after', "ends_with", {"phrase": "Cheers!"}),
    ('The response is finishing with this exact phrase, and nothing else is written after it: Good night.', "ends_with",
     {"phrase": "Good night."}),
    # round 5 (lower_voices): an LLM judge's system prompt, a test case, a house style, a definition, an audit question
    ('You are evaluating a chatbot response. Return 1 only if the response contains no more than 5 sentences; otherwise return 0.',
     "sentence_count", {"relation": "at most", "n": 5}),
    ('Print YES when the reply is written entirely in Italian; else print NO.', "response_language", {"language": "it"}),
    ('Return PASS if the reply contains at least 40 words; return FAIL when it is shorter.', "word_count", {"relation": "at least", "n": 40}),
    ('An answer is considered acceptable only if it ends with the exact phrase "Any questions?"', "ends_with", {"phrase": "Any questions?"}),
    ('Compliance means the reply containing at least 4 bullet points.', "bullet_count", {"relation": "at least", "n": 4}),
    ('Compliance is defined as the count of sentences being below 7.', "sentence_count", {"relation": "less than", "n": 7}),
    ('And then the response is wrapped in double quotation marks.', "wrapped_in_quotes", {}),
    ('Expected outcome: the reply has exactly 2 paragraphs separated by ***.', "paragraph_count", {"relation": "exactly", "n": 2, "separator": "***"}),
    ('Assert that the total of placeholders in square brackets is at least 2.', "placeholder_count", {"relation": "at least", "n": 2}),
    ('Did the assistant write its whole reply in lowercase letters?', "all_lowercase", {}),
    ('The copy should not contain any commas.', "no_commas", {}),
    ('Each piece should finish with the exact words "Stay tuned."', "ends_with", {"phrase": "Stay tuned."}),
    ('Keyword "harbor": 4+ occurrences.', "keyword_frequency", {"keyword": "harbor", "relation": "at least", "n": 4}),
    ('Every required keyword ("ember" and "frost") is present in the response.', "keywords_present", {"keywords": ["ember", "frost"]}),
    ('All of these terms appear in the response, regardless of case: "lime" and "basil".', "keywords_present", {"keywords": ["lime", "basil"]}),
    ('Commas: forbidden.', "no_commas", {}),
    ('Closing line: "See you at dawn."', "ends_with", {"phrase": "See you at dawn."}),
    ('The response contains no commas; not even one is allowed anywhere.', "no_commas", {}),
    ('The number of bullet points in the reply (lines starting with "- ") equals 3.', "bullet_count", {"relation": "exactly", "n": 3}),
    ('Writers must never use "quaint" or "nestled", in any letter case.', "keywords_absent", {"keywords": ["quaint", "nestled"]}),
    ('The reply must not include "verily" as a standalone word.', "keywords_absent", {"keywords": ["verily"]}),
    ('Mandatory terms (all, case-insensitive): maple, cedar.', "keywords_present", {"keywords": ["maple", "cedar"]}),
    ('Did the assistant produce at most 6 sentences?', "sentence_count", {"relation": "at most", "n": 6}),
    ('Did the model write exactly 3 paragraphs separated by blank lines, starting the third one with the word "Finally"?',
     "paragraph_first_word", {"nth": 3, "word": "Finally", "num_paragraphs": 3}),
    ('Rate the answer 1 if it contains fewer than 9 sentences, 0 otherwise.', "sentence_count", {"relation": "less than", "n": 9}),
    ('Grade it PASS when the reply is written in Portuguese only; otherwise grade it FAIL.', "response_language", {"language": "pt"}),
    ('The reply is acceptable iff it has no commas.', "no_commas", {}),
    ('The answer passes the test when it ends with "Over to you."', "ends_with", {"phrase": "Over to you."}),
    ('Determine whether the reply contains at least 2 placeholders in square brackets.', "placeholder_count", {"relation": "at least", "n": 2}),
]

NEURAL = [
    # a colon left after the end cue: the words before it may be the frame's, not the phrase's
    "Should finish the reply with the exact phrase below, with nothing else written after it: See you soon!",
    # failure and penalty frames keep their meaning: never read as the criterion
    "Mark NO if the response contains a comma.",
    "Fail if the response contains a comma.",
    "No credit if the answer uses more than 100 words.",
    "Score 0 if the reply is written in English.",
    "Award the point unless the reply uses commas.",
    "Count the words in the reply. Mark NO if there are more than 50.",
    'Check that the reply ends with "Bye."; mark NO if so.',
    "0 points: the reply uses commas.",
    "Score: 0 if the reply is in all lowercase letters.",
    "You should mark NO if the reply uses commas.",
    "The reply is in Korean; otherwise NO.",
    'Check for the words "alpha" and "beta"; mark YES if any of them is present.',
    "Count the words in the title. Mark YES if there are fewer than 8.",
    "Count the sentences in the first paragraph. Mark YES if there are 3.",
    'Full marks if the reply contains "sun"; half marks if it contains "moon".',
    "Mark YES if the reply has a title. Mark NO if it uses commas.",
    # two requirements inside a labelled frame (the second one a bare 'is in <language>')
    "Format Check: Assesses whether the reply has at most 80 words and is in Polish.",
    # labels naming what a response must not do
    "Bad: the response uses no commas.",
    "-1 point: the response has no commas.",
    "Incorrect: the reply is written in French.",
    # a semantic inner criterion stays neural, whatever the frame
    "Award the point if the response explains why the dosage matters.",
    "Full marks if the answer recommends seeing a doctor.",
    "Mark YES if the response is accurate and clearly written.",
    "AC2: The output SHALL explain the error to the user.",
    "Given the response, it MUST acknowledge the user's concern.",
    "Check that the reply is polite; mark YES if so.",
    # the grader as the subject
    "Mark YES if you think the answer is short enough.",
    # the frame's decision asks for more than the count
    'Count the paragraphs. Mark YES if there are exactly 3 and the first starts with "Once".',
    # a penalty clause that is a second requirement, and a negated inner criterion
    "Full marks if the reply is under 100 words; any comma loses the mark.",
    'Mark YES if the response does not end with "Thanks."',
    "Mark YES if the response is not written in English.",
    "Mark YES if the response fails to stay under 100 words.",
    # the reversed decision on a semantic or negated criterion; an unlabelled 'Evaluates whether' (mostly content)
    "If the reply is friendly, mark YES.",
    "If the reply contains a comma, mark NO.",
    "Evaluates whether the response includes all required sections and stays under 500 words.",
    "Tone: Evaluates whether the reply is under 100 words, since the user is grieving and needs empathy.",
    # a user's wish that is not a surface property
    "i want it to be funny and warm",
    # a count that is a position, not exactness: never read as a verbatim repeat
    'The text has exactly 4 paragraphs which are separated by blank lines, and the 2nd paragraph begins with "However" and ends with a question.',
    # round 5: a failure branch, a non-complement tail, a semantic or compound inner criterion in the new frames
    "Output 0 if the reply contains a comma.",
    "Return FAIL if the reply has fewer than 50 words; otherwise return PASS.",
    "Output 1 if the assistant's reply explains the causes of inflation; otherwise output 0.",
    "A response is deemed compliant when it explains the trade-offs clearly.",
    "Compliance is defined as the response being helpful and polite.",
    "Then the reply apologises for the delay.",
    "Did the model answer the question correctly?",
    "Copy must be engaging and free of jargon.",
    "Return PASS if the reply has at least 3 bullet points; return FAIL if it has more than 10.",
    'Keyword "harbor": 4+ occurrences in the title.',
    "Output 1 if the reply has fewer than 100 words and is in Polish; otherwise output 0.",
    'A response is deemed compliant when it does not end with "Thanks."',
    "Output 1 if the reply is not written in English; otherwise output 0.",
    # options, not all of them; a count of lines is not what the response starts or ends with
    'Then the reply contains "yes" / "no".',
    'The number of lines starting with "- " is exactly 3.',
    'The number of lines ending with "?" is exactly 2.',
    'The reply contains "sun" as a whole word.',
    "Contributors should explain their reasoning.",
    "Score 1 if the reply is persuasive, 0 otherwise.",
    "Rate the reply 1 if it has no commas; rate it 0 if it has more than 3 commas.",
    "Determine whether the reply explains the risks.",
    "Output 1 if the reply is over 100 words; otherwise output 1.",
    'Closing line: "Bye." is optional.',
    "Evaluate whether the reply is concise, under 50 words and friendly.",
    'Did the model write exactly 3 paragraphs, starting the third one with a question?',
]


@pytest.mark.parametrize("text,name,args", POSITIVE, ids=[p[0][:40] for p in POSITIVE])
def test_voice_lowers(text, name, args):
    got = lower_criterion(text)
    assert got is not None, f"stayed neural: {text!r} (unframed: {unframe(text)!r})"
    assert got.name == name, (text, got.name, got.args)
    for k, v in args.items():
        assert got.args.get(k) == v, (text, k, got.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_voice_near_miss_stays_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text))


def test_unframe_keeps_failure_frames():
    for text in ("Mark NO if the reply has 3 paragraphs.", "Deduct a point when the reply has 3 paragraphs."):
        assert unframe(text) == text


def test_unframe_never_reads_inside_quotes():
    text = 'Ends with "Mark YES if so."'
    assert unframe(text) == text


def test_penalty_and_negative_frame_are_read_as_met_on_the_mistake():
    # round 15: a penalty item is met when the response makes the mistake it names; a negative frame with its other
    # branch is the exact complement (these two were neural)
    got = lower_criterion("Deduct a point if the response contains a comma.")
    assert got is not None and (got.name, got.args.get("phrase")) == ("phrase_present", ",")
    got = lower_criterion("Score 0 if the reply contains no commas, 1 otherwise.")
    assert got is not None and got.name == "not:no_commas"
