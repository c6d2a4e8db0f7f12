"""Set 24's voices, developed on after its one blind measurement (issue 15, round 20): a noun-phrase headline ('Inclusion
of ...', 'Use of Swahili for ...'), an adjective or participle phrase ('Closed by the exact phrase ...', 'Low on all-caps,
...'), 'There is / There are ...', the counted thing as the subject ('At least six occurrences of "x" appear ...'), the
evaluating team as 'we' ("We're looking for ..."), an editor's participle first ('Counting every line that ..., the reply
has ...', 'Searched as whole words, ...'). Wordings written for the tests, not set 24's sentences; NEURAL must stay
neural."""
from lowering_cases import lowering_tests

LOWERED = [
    # keywords that must all appear, with a note restating it
    ('Inclusion of "harbor" and "lantern", with every given keyword used at least once.', "keywords_present",
     {"keywords": ["harbor", "lantern"]}),
    ('Use of "harbor" somewhere in the reply.', "keywords_present", {"keywords": ["harbor"]}),
    ('Each listed keyword ("harbor" and "lantern") turns up at least once in the answer.', "keywords_present",
     {"keywords": ["harbor", "lantern"]}),
    ('There is at least one occurrence of each keyword ("harbor", "lantern") in the response.', "keywords_present",
     {"keywords": ["harbor", "lantern"]}),
    ('Compared word by word against the list "harbor" and "lantern", the answer mentions every one.', "keywords_present",
     {"keywords": ["harbor", "lantern"]}),
    # words banned, the note said first or inside
    ('Matched as whole words and ignoring case, the answer contains none of "comet" or "lantern".', "keywords_absent",
     {"keywords": ["comet", "lantern"]}),
    ('No uses of "comet" or "lantern" as a word are found in the response.', "keywords_absent", {"keywords": ["comet", "lantern"]}),
    # counts with the counted thing as the subject, and notes inside
    ('At least seven instances of "harbor" appear in the response.', "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 7}),
    ('No fewer than nine occurrences of the letter "z", in either case, show up in the answer.', "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 9}),
    ('There are fewer than 4 occurrences of the word "harbor" (case-insensitive) in the answer.', "keyword_frequency",
     {"keyword": "harbor", "relation": "less than", "n": 4}),
    ('Heavy use of the letter "z": 9 or more occurrences, capitals included.', "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 9}),
    # the language as the subject or a use
    ("Swahili is the only language used in the response.", "response_language", {"language": "sw"}),
    ("There is no language other than Finnish in the answer.", "response_language", {"language": "fi"}),
    ("Use of Tamil for the whole response, and no other language.", "response_language", {"language": "ta"}),
    # the team's wish
    ("We're looking for a response that contains no commas; a single comma is enough to fail it.", "no_commas", {}),
    ("We are looking for under 12 sentences in total; exactly 12 doesn't qualify.", "sentence_count",
     {"relation": "less than", "n": 12}),
    ("We want 250 words or more here; anything shorter than 250 does not count.", "word_count", {"relation": "at least", "n": 250}),
    ("We'd like to see an answer that is valid JSON from start to end.", "is_json", {}),
    ("We want exactly 4 paragraphs separated by blank lines, with paragraph no. 3 starting with the word \"harbor\".",
     "paragraph_first_word", {"nth": 3, "word": "harbor", "num_paragraphs": 4}),
    # all-caps words glossed, a count said after what it counts
    ("The answer has at least 6 words in full capitals, where a word counts only if every letter in it is uppercase.",
     "capital_word_frequency", {"relation": "at least", "n": 6}),
    ("Light on all-caps, with fewer than 5 fully uppercase words (every letter a capital).", "capital_word_frequency",
     {"relation": "less than", "n": 5}),
    ("Counting each line which starts with a markdown bullet (* or -), the response has exactly 5.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    # adjective phrases with their restatements
    ("Bulleted with exactly 4 markdown bullet points, not one more or one fewer.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Under 90 words in total: strictly below the limit, not equal to it.", "word_count", {"relation": "less than", "n": 90}),
    ('Closed by the exact phrase "Any questions?", with no text following it.', "ends_with", {"phrase": "Any questions?"}),
    ('At its very end, the response ends with the phrase "Any questions?", followed by nothing else.', "ends_with",
     {"phrase": "Any questions?"}),
    ("Split into exactly 3 paragraphs by the markdown divider ***, with no empty paragraphs between them.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    # the whole as its content
    ("There is nothing in the answer except valid JSON.", "is_json", {}),
    ("Valid JSON makes up the whole response, with no text before or after it.", "is_json", {}),
    ("Every letter in the answer is a capital, and the answer is in English.", "all_uppercase", {"language": "en"}),
]

NEURAL = [
    # a case-sensitive note beside a caseless count; a whole-word note beside a substring count
    'There are at least 6 occurrences of the word "harbor" (case-sensitive) in the answer.',
    'Matched as whole words, the answer contains "harbor" at least 3 times.',
    # a language that is none, a use that is not of a language
    "Python is the only language used in the response.",
    "Use of humor for the entire reply.",
    # the team wants something no rule reads, or more than one thing
    "We're looking for a reply that is warm and encouraging.",
    "We want to see a thoughtful answer with exactly 3 bullet points and a friendly tone.",
    # a strict restatement beside a bound that is not strict
    "At most 90 words in total, not equal to it.",
    # JSON with more asked of it
    "Valid JSON makes up the entire reply, with a key for every city mentioned.",
    # a count said after what it counts, of something no rule counts
    "Counting every sentence that mentions a city, the response has at least 3.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
