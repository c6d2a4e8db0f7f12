"""Set 21's two unread voices, developed on after its one blind measurement (issue 15, round 17): a rubric table row
with the item's name before a pipe ('All caps | Pass only if ...': the name an aside that must not name another
check) and a points line ('+1 point if X; 0 otherwise.' read as 'Pass only if X.', '...; 0 if Y.' as 'Pass if X; fail
if Y.', the driver checking Y against X). A pre-existing wrong reading it exposed: a repeat item with a parenthesis in
its frame and the request given after 'Request:' took the parenthesis for the request. Wordings written for the
tests, not set 21's sentences; NEURAL must stay neural."""
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
]

NEURAL = [
    # a table row whose name is another check; a points line about content or with a branch that is no failure of it
    "Written without any commas | Pass only if the reply has fewer than 12 sentences.",
    "+1 point if the reply is polite; 0 otherwise.",
    "+1 point if the reply is in Swahili; 0 if it is rude.",
    "+1 point if the reply is in Swahili; 0.5 otherwise.",
    # the request after its label, a parenthesis in the frame ('; ' inside it is no branch)
    "+1 point if the reply begins with a verbatim copy of this request (nothing may precede it; case aside); 0 otherwise. "
    "Request: Write a poem.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
