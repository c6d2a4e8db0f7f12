"""Set 49's voices, developed on after its one blind measurement (issue 15, round 41): a numbered heading before the
statement ('Clause 7: The reply shall ...', 'Exhibit 3. A reply that ...'), a programme's billed title ('Act: the Silent
Comma. ...'), a reason given a label of its own ('Reason: to match the approved house finish.'), a catalogue's 'A reply
that X' / 'A reply enclosed in X', a list named in a lead and pointed back to with its noun ('Seeds sown: "a". Every one
of these words ...', 'None left: not one of these words ...'), and a list of words said to be in the reply, or not,
whatever the figure around it ('the conjurer pulls out of the reply each of the words "a" and "b"', 'you won't hear her
say "a" or "b" anywhere in this reply'); JSON that 'parses as valid JSON' with the fences it may have said again; 'capital
and lowercase forms counted together'. Wordings written for the tests, not set 49's sentences. NEURAL must stay neural:
a heading whose word is a unit the checks count, or a paragraph's number; a reason that asks for more; a part of the
reply in JSON; a billed title giving a count or the other side; a figure that places the words (in bold, in the title),
counts them, chooses among them, speaks of the user's text or asks for content; a presence beside a figure that forbids;
a word list under a condition or a verdict, or with an adverb saying how the words are used."""
from lowering_cases import lowering_tests

LOWERED = [
    # a numbered heading: the place, not a count
    ("Clause 7: The reply shall include each of the following keywords: \"harbour\", in any letter case.", "keywords_present",
     {"keywords": ["harbour"]}),
    ("Exhibit 3. A reply that does not use any of the words \"tide\" or \"salt\" as a whole word.", "keywords_absent",
     {"keywords": ["tide", "salt"], "whole_word": True}),
    ("Lot 12. A reply that includes each of the keywords \"lamp\" and \"rope\".", "keywords_present", {"keywords": ["lamp", "rope"]}),
    ("Provision 2: The answer shall contain no comma anywhere in its text.", "no_commas", {}),
    # a list named in a lead, pointed back to with its noun
    ("Seeds sown: \"basil\" and \"mint\". Every one of these words turns up somewhere in the reply, upper or lower case.",
     "keywords_present", {"keywords": ["basil", "mint"]}),
    ("Weeds pulled: nettle, dock. None left: not one of these words appears in the reply as a whole word, in any letter case.",
     "keywords_absent", {"keywords": ["nettle", "dock"], "whole_word": True}),
    # a list of words in or out of the reply, whatever the figure around it
    ("Trick two: the conjurer pulls out of the reply each of the words \"dove\" and \"ring\"; every one of them appears, in "
     "capitals or lowercase.", "keywords_present", {"keywords": ["dove", "ring"]}),
    ("Hoards shiny words! Every one of \"gold\" and \"brass\" can be found somewhere in this reply, capitals or not.",
     "keywords_present", {"keywords": ["gold", "brass"]}),
    ("Meet Mabel, a prim one: you won't hear her say \"gosh\" or \"golly\" anywhere in this reply, not as a whole word, not "
     "in capitals.", "keywords_absent", {"keywords": ["gosh", "golly"], "whole_word": True}),
    ("A long time ago a reply fell under a curse that took away certain words, and so nowhere in it did \"oak\" or \"ash\" "
     "appear, in capitals or in small letters.", "keywords_absent", {"keywords": ["oak", "ash"], "whole_word": True}),
    # a reason given its own label; a programme's billed title; a catalogue's 'A reply that / enclosed in ...'
    ("Rule 5: The answer shall be entirely in lowercase letters. Reason: to match the approved house finish.", "all_lowercase", {}),
    ("Act: the Silent Comma. Ask anyone to look over the reply; no comma turns up anywhere in it.", "no_commas", {}),
    ("A reply enclosed in double quotation marks, starting with \" and finishing with \".", "wrapped_in_quotes", {}),
    ("A reply that includes a postscript starting with P.S.", "postscript", {"marker": "P.S."}),
    # JSON said as parsing, with what the check allows anyway
    ("The whole reply parses as valid JSON, with nothing outside it except, at most, markdown code fences (```).", "is_json", {}),
    ("The letter 'q' appears fewer than 4 times in the reply, capital and lowercase forms counted together.", "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 4}),
]

NEURAL = [
    # a reason that asks for something itself; a part of the reply in JSON; a billed title giving a count or the other side
    "The reply has no commas. Reason: it must also be in French.",
    "The reply has no commas, so that it reads like German.",
    "The title is valid JSON.",
    "Effect: the Five Doves. The reply has exactly 3 bullet points.",
    "Effect: the Loud Hands. The reply has fewer than 10 words written entirely in capital letters.",
    "The reply parses as valid JSON, with nothing outside it except a greeting.",
    # a word list with a condition or a verdict; an adverb that says how the words are used
    "This rule reports an error if the text does not mention \"otter\".",
    "Uses the terms \"mild\" and \"severe\" consistently.",
    # a heading whose word is a unit the checks count; a paragraph's number
    "Words 4: The reply shall include the keyword \"harbour\".",
    "Paragraph 2. A reply that includes each of the keywords \"lamp\" and \"rope\".",
    # a figure that places the words, counts them, chooses among them, or speaks of the user's text
    "Trick two: the conjurer pulls each of the words \"dove\" and \"ring\" out of the reply in bold.",
    "The conjurer pulls each of the words \"dove\" and \"ring\" out of the reply's title.",
    "Hoards shiny words! Every one of \"gold\" and \"brass\" can be found twice in this reply.",
    "The conjurer pulls one of the words \"dove\" and \"ring\" out of the reply.",
    "Every one of \"gold\" and \"brass\" can be found somewhere in the user's question.",
    "Featuring \"gold\" and \"brass\": every one of these words turns up in bold.",
    # content beside the list; a presence beside a figure that forbids; a condition
    "The conjurer pulls each of the words \"dove\" and \"ring\" out of the reply, and then explains how the trick works.",
    "Under a ban on certain words, every one of \"gold\" and \"brass\" can be found in this reply.",
    "You won't hear her say \"gosh\" or \"golly\" in this reply unless she is surprised.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
