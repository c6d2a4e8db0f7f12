"""Set 22's voices, developed on after its one blind measurement (issue 15, round 18): a rubric's 'Evaluates whether the
response ...' description, 'A strong response ...', a markdown checkbox item, a reward engineer's review comment ('nit:
this reward should only pay out when ...', 'Length check: pass when ...'; compiler/lower_review.py), the policy's own
first-person check before sending ('I kept my answer under 100 words', 'My reply has ...'; compiler/lower_wish.py), a
model-spec 'The assistant's reply ...'. Wordings written for the tests, not set 22's sentences; NEURAL must stay
neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # a rubric's description of what it evaluates
    ('Assesses whether the word "comet" is used at least 3 times in the reply.', "keyword_frequency",
     {"keyword": "comet", "relation": "at least", "n": 3}),
    ("Checks whether the reply contains exactly 4 bullet points, each a markdown item starting with * or -.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("Evaluates whether the reply avoids commas entirely; a single comma anywhere is enough to fail it.", "no_commas", {}),
    ('Checks whether the reply has exactly 3 paragraphs separated by blank lines and whether the second paragraph begins '
     'with the word "meanwhile".', "paragraph_first_word", {"nth": 2, "word": "meanwhile", "num_paragraphs": 3}),
    # the ideal response
    ('An excellent response works in the terms "lantern" and "comet".', "keywords_present", {"keywords": ["lantern", "comet"]}),
    ("The best answer is concise: fewer than 80 words in total.", "word_count", {"relation": "less than", "n": 80}),
    ("A high-quality response is nothing but valid JSON; wrapping it in a ``` code block is fine.", "is_json", {}),
    # a checklist box
    ("- [ ] None of these words used: lantern, comet", "keywords_absent", {"keywords": ["lantern", "comet"]}),
    ("[x] Keywords included: lantern, comet", "keywords_present", {"keywords": ["lantern", "comet"]}),
    # the policy's own check
    ("I kept my reply under 150 words.", "word_count", {"relation": "less than", "n": 150}),
    ('I never used the word "comet" in my answer.', "keywords_absent", {"keywords": ["comet"]}),
    ("I did not use a single comma anywhere in my reply.", "no_commas", {}),
    ("I added a postscript starting with P.S.", "postscript", {"marker": "P.S."}),
    ("My reply has exactly 5 paragraphs, separated by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 5, "separator": "***"}),
    ("I wrote my whole reply in Swahili and nothing else.", "response_language", {"language": "sw"}),
    ("Fewer than 4 of my words are in ALL CAPS.", "capital_word_frequency", {"relation": "less than", "n": 4}),
    # (found wrong while developing: 'my' inside the quoted options was respelled as 'the')
    ('My reply includes one of the exact phrases "My answer is yes.", "My answer is no." or "My answer is maybe."',
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    # a reward engineer's review comment
    ("nit: this reward should only pay out when the completion has no commas. One comma anywhere and it should fail.",
     "no_commas", {}),
    ("Length check: pass when the completion has 250 words or more; exactly 250 counts as a pass.", "word_count",
     {"relation": "at least", "n": 250}),
    ("The sentence gate here should pass only if the completion has fewer than 6 sentences (strict <, not <=).",
     "sentence_count", {"relation": "less than", "n": 6}),
    ('Suggest we make the keyword check case-insensitive: pass only when "comet" shows up at least 2 times in the completion.',
     "keyword_frequency", {"keyword": "comet", "relation": "at least", "n": 2}),
    ("Language gate: pass only if the whole completion is detected as Swahili.", "response_language", {"language": "sw"}),
    ('End check should be an exact suffix match: the completion must end with "Over." and nothing may come after it.',
     "ends_with", {"phrase": "Over."}),
    ("Postscript check just needs a postscript starting with \"P.S.\" somewhere in the completion.", "postscript",
     {"marker": "P.S."}),
]

NEURAL = [
    # content said in these voices
    "Evaluates whether the response is helpful and accurate.",
    "A strong response explains the cause before the fix.",
    "- [ ] Explains the cause before the fix",
    "I made sure my answer is accurate.",
    "I think my reply is fine.",
    "Length check: pass only if the completion is polite.",
    # a review comment whose name is another check, or whose boundary note contradicts its comparison
    "Caps check should pass only if the completion has fewer than 5 sentences.",
    "Sentence gate: pass only if the completion has at least 5 sentences (strict <, not <=).",
    "Length check: pass when the completion has fewer than 90 words; exactly 90 counts as a pass.",
    # the policy's check that it did not do something it names as content
    "I did not repeat myself.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
