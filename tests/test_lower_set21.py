"""Set 21's two unread voices, developed on after its one blind measurement (issue 15, round 17): a rubric table row
with the item's name before a pipe ('All caps | Pass only if ...': the name an aside that must not name another
check) and a points line ('+1 point if X; 0 otherwise.' read as 'Pass only if X.', '...; 0 if Y.' as 'Pass if X; fail
if Y.', the driver checking Y against X). A pre-existing wrong reading it exposed: a repeat item with a parenthesis in
its frame and the request given after 'Request:' took the parenthesis for the request. Wordings written for the
tests, not set 21's sentences; NEURAL must stay neural.

Round 18: the user's first-person voice ('I asked for X, so the reply should Y': Y read alone, its pronouns from X;
'I wanted / asked for X' said in the present; 'I need the reply in Hindi' as 'The reply is in Hindi'), a row name
holding quoted data, a points line's 'Y earns 0', a fail branch by ellipsis ('0 if it has fewer'), 'Verify the detected
language of ...', 'Expect X to be Y', 'each of "a" and "b" occurs in the output', 'are all required to appear', a
language's 'not a mix with English', and 'with the second one opening on the word "x"'."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Shouting | Pass only if at least 6 words in the reply are written entirely in capital letters.",
     "capital_word_frequency", {"relation": "at least", "n": 6}),
    ("Closing line | Pass only if the reply ends with the exact phrase \"Over and out.\"", "ends_with",
     {"phrase": "Over and out."}),
    ("+1 point if the reply is in Swahili (sw) throughout; 0 otherwise.", "response_language", {"language": "sw"}),
    ("+1 point if the reply has fewer than 12 sentences; 0 otherwise.", "sentence_count", {"relation": "less than", "n": 12}),
    ('+1 point if the reply uses none of the words "lantern" and "comet"; 0 if any of them appears.', "keywords_absent",
     {"keywords": ["lantern", "comet"], "whole_word": True}),
    ('1 point if every one of "lantern" and "comet" appears in the reply; 0 if any is missing.', "keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ("+1 point if the reply is in English and has no capital letters anywhere; 0 otherwise.", "all_lowercase",
     {"language": "en"}),
    # round 18: the user's own wish
    ("I asked for lots of 'z': the reply should contain that character at least 9 times.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 9}),
    ('I wanted "lantern" and "comet" in there, so the reply needs to include each one of them.', "keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ('I said to stay away from "lantern" or "comet"; the reply must not use any of those words.', "keywords_absent",
     {"keywords": ["lantern", "comet"]}),
    ('I don\'t want "comet" overused, so the reply should mention it fewer than 4 times.', "keyword_frequency",
     {"keyword": "comet", "relation": "less than", "n": 4}),
    ("I wanted a quick read, so the reply should stay under 90 words.", "word_count", {"relation": "less than", "n": 90}),
    ("I asked for a signature block at the end: the reply needs a postscript that starts with P.S.", "postscript",
     {"marker": "P.S."}),
    ("I wanted a title, so the reply should include one wrapped in double angular brackets like <<Notes>>.", "has_title", {}),
    ("I need the reply in Hindi, every word of it.", "response_language", {"language": "hi"}),
    ("I asked for exactly four paragraphs, separated by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("I asked for the reply to close with \"See you soon.\" and nothing after that.", "ends_with", {"phrase": "See you soon."}),
    ("I asked you to copy my question back first, so the reply must begin with it, word for word: Why is the sky blue?",
     "repeats_prompt", {"prompt_to_repeat": "Why is the sky blue?"}),
    # round 18: other voices of set 21
    ('Rare "comet" | Pass only if the word "comet" appears fewer than 3 times in the reply.', "keyword_frequency",
     {"keyword": "comet", "relation": "less than", "n": 3}),
    ("+1 point if the reply has 8 or more sentences; 0 if it has fewer.", "sentence_count", {"relation": "at least", "n": 8}),
    ("+1 point if the reply is under 60 words; 60 words or more earns 0.", "word_count", {"relation": "less than", "n": 60}),
    ("Verify the detected language of the reply is Swahili.", "response_language", {"language": "sw"}),
    ("Expect the output's sentence count to be at most 6.", "sentence_count", {"relation": "at most", "n": 6}),
    ('Verify that each of "lantern" and "comet" appears somewhere in the reply.', "keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ('The terms "lantern" and "comet" are all required to appear in the reply.', "keywords_present",
     {"keywords": ["lantern", "comet"]}),
    ("The reply is written in Hindi, not a mix of Hindi and English.", "response_language", {"language": "hi"}),
    ('The reply has 3 paragraphs separated by blank lines, with the third one opening on the word "finally".',
     "paragraph_first_word", {"nth": 3, "word": "finally", "num_paragraphs": 3}),
    # the request after its label, a parenthesis in the frame ('; ' inside it is no branch): neural from round 17 (the
    # parenthesis was once taken for the request); read from round 45, when a request's label needs no article
    # ('Request: ...'), with the request after the label (the check ignores case, as '(case aside)' says)
    ("+1 point if the reply begins with a verbatim copy of this request (nothing may precede it; case aside); 0 otherwise. "
     "Request: Write a poem.", "repeats_prompt", {"prompt_to_repeat": "Write a poem."}),
]

NEURAL = [
    # a table row whose name is another check; a points line about content or with a branch that is no failure of it
    "Written without any commas | Pass only if the reply has fewer than 12 sentences.",
    "+1 point if the reply is polite; 0 otherwise.",
    "+1 point if the reply is in Swahili; 0 if it is rude.",
    "+1 point if the reply is in Swahili; 0.5 otherwise.",
    # round 18: a wish whose pronoun stands for nothing it names, a wish not to have something, a lead with other data,
    # a fail branch by ellipsis on the wrong side, a user's wish about content
    "I asked for something short, so the reply should use them fewer than 3 times.",
    "I didn't want the reply in Hindi.",
    'I asked for "lantern" to show up, so the reply should contain "comet" at least twice.',
    "+1 point if the reply has 8 or more sentences; 0 if it has more.",
    "I asked for a kind tone, so the reply should be polite.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
