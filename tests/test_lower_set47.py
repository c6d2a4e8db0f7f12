"""Set 47's voices, developed on after its one blind measurement (issue 15, round 39): a riddle answered by the reply
('What ...? A reply ...'), a lost-property notice ('LOST: a reply ... You will know it by ...', 'Any reply ... is not the
one'), a diner ticket in kitchen shorthand ('Reply, 86 "a".', 'hold the commas', 'N+', 'More is fine.'), a school
report's line on the reply as a pupil ('Vocabulary: the reply has used "a" in its work; I found each one.'), a map sheet
that names the reply ('on the sheet'), a figure glossed by a plain statement after a semicolon, and the core wordings they
brought: 'every word of it is in Russian', 'KW, each one present in the reply', 'leaving none of them out', 'each can be
found somewhere in it', 'the character "a" totals under 5', 'between one paragraph and the next', 'concise, using fewer
than N'. Wordings written for the tests, not set 47's sentences; NEURAL must stay neural: a riddle's question giving a
number, a unit, a quotation, a language or a bound side the answer does not, or a judgement; 'that word' with no one
word to point back to; a size word of a notice its bound does not bear out; a side word of a ticket against its bound; a
single quoted letter that may be a word ('a'); a figure whose number the plain statement does not give; a heading with a
negative word before a presence list; a school subject's comment with a finding against the check."""
from lowering_cases import lowering_tests

LOWERED = [
    # a riddle: the answer said of the reply, the question a figure that must agree with it
    ("What counts to 4 and then stops? A reply with exactly 4 bullet points, each line starting with * or -.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("What never runs short of 300 words? A reply of at least 300 words.", "word_count", {"relation": "at least", "n": 300}),
    ("What keeps \"z\" under 3 all the way through? A reply in which that character, in either case, occurs fewer than 3 times.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 3}),
    ("What holds \"pine\" and \"cedar\" and drops neither? A reply that mentions \"pine\" and \"cedar\", leaving none of them out.",
     "keywords_present", {"keywords": ["pine", "cedar"]}),
    ("What mutters in Finnish alone? A reply written entirely in Finnish.", "response_language", {"language": "fi"}),
    ("What never pauses for a comma? A reply with no comma anywhere in it.", "no_commas", {}),
    ("What always gets the last word? A reply that ends with the exact phrase \"That is all.\", with nothing after it.",
     "ends_with", {"phrase": "That is all."}),
    # a lost-property notice: the description, then the notice's ways of pointing at it
    ("LOST: a reply of at least 250 words. Any reply shorter than 250 words is not the one we are looking for.", "word_count",
     {"relation": "at least", "n": 250}),
    ("FOUND: a reply written in English and all in small letters. You will know it because no capital letter appears in it.",
     "all_lowercase", {"language": "en"}),
    ("LOST: a reply that speaks only Finnish. Every word of it is in Finnish.", "response_language", {"language": "fi"}),
    ("FOUND: a reply wrapped in double quotation marks; its first and last characters are both \".", "wrapped_in_quotes", {}),
    ("LOST: a reply answering to \"pine\" and \"cedar\"; each can be found somewhere in it.", "keywords_present",
     {"keywords": ["pine", "cedar"]}),
    ("LOST: a reply that goes easy on \"z\". It can be told by the count: that character, in either case, totals under 3.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 3}),
    ("LOST: a short reply, under 90 words. Anything of 90 words or more is not ours.", "word_count",
     {"relation": "less than", "n": 90}),
    ("LOST: a reply in sections, at least 4 of them. Each section is marked at its start with PART and a number.",
     "section_count", {"relation": "at least", "n": 4}),
    # a diner ticket: the order said plainly
    ("Reply, 86 \"pine\" and \"cedar\". No \"pine\" or \"cedar\" in it as a word, any case.", "keywords_absent",
     {"keywords": ["pine", "cedar"]}),
    ("1 reply, hold the commas. No commas anywhere in it.", "no_commas", {}),
    ("Reply with \"pine\" and \"cedar\" in it, each one.", "keywords_present", {"keywords": ["pine", "cedar"]}),
    ("Reply with \"z\" in it 3+ times, caps and lowercase both counted.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 3}),
    ("Reply with ALL-CAPS words thrown in, count 6+. More is fine.", "capital_word_frequency", {"relation": "at least", "n": 6}),
    ("Reply, easy on the caps: under 4 ALL-CAPS words in total.", "capital_word_frequency", {"relation": "less than", "n": 4}),
    # a school report: the subject a label, the comment said of the reply, a finding the check bears out
    ("Spelling: the reply has used \"pine\" and \"cedar\" in its work; I found each one.", "keywords_present",
     {"keywords": ["pine", "cedar"]}),
    ("Punctuation: I am delighted to report that the reply has done its whole piece without a comma. I could not find one "
     "anywhere in its work.", "no_commas", {}),
    ("Writing: the reply has learned to be brief, using fewer than 7 sentences in all.", "sentence_count",
     {"relation": "less than", "n": 7}),
    # a map sheet naming the reply; a figure glossed by a plain statement
    ("Index: the sheet shows \"pine\" and \"cedar\"; each appears somewhere in the reply.", "keywords_present",
     {"keywords": ["pine", "cedar"]}),
    ("Scale: the sheet runs to at least 12 sentences; the reply has 12 or more sentences in all.", "sentence_count",
     {"relation": "at least", "n": 12}),
    # core wordings
    ("Every word of the reply is in Finnish.", "response_language", {"language": "fi"}),
    ("Inclusions: \"pine\" and \"cedar\", each one present in the reply.", "keywords_present", {"keywords": ["pine", "cedar"]}),
    ("The reply has exactly 3 paragraphs, with the divider *** between one paragraph and the next.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The character \"z\" totals under 3 in the reply.", "letter_frequency", {"letter": "z", "relation": "less than", "n": 3}),
]

NEURAL = [
    # a riddle's question saying what the answer does not
    "What has 5 paragraphs? A reply with at least 5 sentences.",
    "What keeps \"z\" below 3? A reply in which \"z\" appears at least 3 times.",
    "What speaks Spanish? A reply written entirely in Finnish.",
    "What is witty and short? A reply of fewer than 50 words.",
    "What has exactly 4 legs? A reply with exactly 3 bullet points.",
    "What rarely raises its voice? A reply with at least 5 words in all capital letters.",
    "What keeps \"z\" and \"q\" scarce? A reply whose count of that character is under 3.",
    # 'that word' pointing back to nothing
    "A reply whose occurrences of that word number fewer than 2.",
    # a notice's size word against its bound
    "LOST: a short reply, at least 600 words. Anything shorter is not ours.",
    # a judgement in a notice's description before its colon, whatever the bound after it
    "FOUND: a reply that says \"pine\" in a funny way: its count of that word is at least 3.",
    # a ticket's side word against its bound; 'a' a letter or a word
    "Reply, easy on the caps: at least 4 ALL-CAPS words in total.",
    "Reply with \"a\" in it 5+ times, caps and lowercase both counted.",
    # a figure's number the plain statement does not give
    "Legend: exactly 5 entries, each a bullet point starting with * or -; the reply has no other bullet lines.",
    # a negative heading before a presence list
    "Forbidden words: \"pine\" and \"cedar\", each one present in the reply.",
    # a school report's finding against the check
    "Vocabulary: the reply has used \"pine\" and \"cedar\" in its work; I could not find one anywhere in its work.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
