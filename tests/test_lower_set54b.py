"""Set 54's voices developed on (issue 15, round 46), in wordings written for the tests, not set 54's sentences: a note
that both letter cases count ('capitals or lowercase both count', 'in any mix of upper and lower case', 'not in capitals,
not in lowercase'); a letter's salutation ('Dear Puzzled in Leeds: ...'); 'your reply is on track as long as it ...'; a
speaker's assurance after the statement ('I counted!'); a report by a body or in the passive ('It was minuted that
...', 'Members confirmed that ...'), also after a minute's label; an examiner's count 'and there were N'; a request said
'again in exactly the same words' or introduced by "Here's what was asked:"; a postscript 'and begin it with'; a
language the reply 'talks'; blanks in square brackets; a searcher who found none; a word that 'turns up'; 'never once';
'break the reply into'; an exact count said again after a colon; a minute's topic label; a pitch's or newsreader's opener.
NEURAL must stay neural: a negation before a colon whose count after it is said, not negated; a reply 'fine if' it is
polite; a list left out and then said to be used; a search with a description beside it; 'breaks the rule'.
"""
from lowering_cases import lowering_tests

LOWERED = [
    # both cases counting, said as a note
    ('Mention "lantern" at least 4 times in your reply; capitals or lowercase both count.', "keyword_frequency",
     {"keyword": "lantern", "relation": "at least", "n": 4}),
    ('Make sure your reply includes "moss" and "fern"; capital or small letters, either is fine.', "keywords_present",
     {"keywords": ["moss", "fern"]}),
    ('The reply uses "kettle" somewhere in its text, in any mix of upper and lower case!', "keywords_present",
     {"keywords": ["kettle"]}),
    ('Keep the words "gloom" and "doom" out of your reply, every one of them, in capitals or otherwise.', "keywords_absent",
     {"keywords": ["gloom", "doom"]}),
    # a letter's salutation, and 'on track as long as'
    ('Dear Worried in Wichita: use the word "maple" at least 2 times in your reply.', "keyword_frequency",
     {"keyword": "maple", "relation": "at least", "n": 2}),
    ("Dear Stumped: your reply is on track as long as it has no commas in it at all.", "no_commas", {}),
    # the speaker's assurance after the statement
    ("My reply has fewer than eight sentences. I counted them all!", "sentence_count", {"relation": "less than", "n": 8}),
    ('My reply has less than 4 of the "k" character. I counted the big ones and the small ones together.', "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 4}),
    # a report by a body or in the passive, also after a minute's label
    ('It was minuted that the letter "q" occurs fewer than 3 times in the reply, capitals included.', "letter_frequency",
     {"letter": "q", "relation": "less than", "n": 3}),
    ("Banned words: it was recorded that none of the following words appears in the reply, in any capitalisation: "
     "storm, hail.", "keywords_absent", {"keywords": ["storm", "hail"]}),
    ('Our panel confirms that each of the following words appears in the reply: "cedar".', "keywords_present",
     {"keywords": ["cedar"]}),
    ("Good morning. Our lead item: a reply written from start to end without a single comma.", "no_commas", {}),
    # an examiner's count and what it came to
    ('I counted every "r" in the reply, big ones and small ones alike, and there were at least 12.', "letter_frequency",
     {"letter": "r", "relation": "at least", "n": 12}),
    ("I counted the words in the reply, and there were at least 250 of them.", "word_count",
     {"relation": "at least", "n": 250}),
    # a request said again, in the same words
    ("My reply first says the request again in exactly the same words, before anything else. The request was: Name "
     "three rivers.", "repeats_prompt", {"prompt_to_repeat": "Name three rivers."}),
    ("The reply began by saying the request back word for word, not a letter changed, before anything else. Here's "
     "what was asked: List two birds.", "repeats_prompt", {"prompt_to_repeat": "List two birds."}),
    # a postscript begun with its marker; a language talked; blanks in square brackets
    ('Add a postscript to the reply and begin it with "P.S.".', "postscript", {"marker": "P.S."}),
    ("The reply spoke Swahili, all of it. Not a word came out in any other language.", "response_language",
     {"language": "sw"}),
    ("My reply has two or more blanks with square brackets around them.", "placeholder_count",
     {"relation": "at least", "n": 2}),
    # a searcher who found none; letters said to have no place; a child's 'little ones'; a word that turns up
    ("The reply is in English. Every letter is lowercase; I looked for a capital anywhere in it and came up empty.",
     "all_lowercase", {"language": "en"}),
    ("Write the reply in English with every letter in capitals. Lowercase letters have no place in it.", "all_uppercase",
     {"language": "en"}),
    ("My reply is in English and all the letters are little ones.", "all_lowercase", {"language": "en"}),
    ('Every word on my list turned up somewhere in the reply: "oak" and "elm".', "keywords_present",
     {"keywords": ["oak", "elm"]}),
    # a search of the whole reply that found none; a count of how many times; 'never once'
    ("I combed through the reply line by line, and not one comma showed up anywhere.", "no_commas", {}),
    ('I counted how many times my reply says "pepper", with big or small letters, and it is fewer than 4.',
     "keyword_frequency", {"keyword": "pepper", "relation": "less than", "n": 4}),
    ('The reply never once mentions "winter" or "snow".', "keywords_absent", {"keywords": ["winter", "snow"]}),
    # 'break the reply into' divides it (no failure); a count said exactly again after a colon
    ("Break the reply into at least 3 sections and mark the start of each with PART and its number.", "section_count",
     {"splitter": "PART", "relation": "at least", "n": 3}),
    ("The reply has exactly 4 markdown bullet points: not one more, not one less.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    # a minute's topic label with 'confirmed as' or a repeat after it; a pitch's and a newsreader's openers
    ("Language of the reply: confirmed as Tamil throughout, with no other language used.", "response_language",
     {"language": "ta"}),
    ("Opening of the reply: the panel confirmed that it begins with the following request, repeated word for word with "
     "nothing before it: Describe a lighthouse.", "repeats_prompt", {"prompt_to_repeat": "Describe a lighthouse."}),
    ('But wait, there\'s more: the reply adds a postscript, and it starts with "P.P.S"!', "postscript", {"marker": "P.P.S"}),
    ("In other news, the reply has at least 5 paragraphs.", "paragraph_count", {"relation": "at least", "n": 5}),
    ("You get 200 words or more with this reply, folks: at least 200 words, guaranteed!", "word_count",
     {"relation": "at least", "n": 200}),
]

NEURAL = [
    # the count after the colon is said, not negated: 'does not say much' is no requirement to negate
    "The reply doesn't say much: fewer than 10 sentences.",
    # 'fine if' it is polite: a judgement beside the comma rule
    "Your reply is fine if it is polite and has no commas.",
    # a list said to be left out, then said to be used: contradictory
    'My reply has none of these words in it: "oak", "elm". I used every one of them.',
    # a search with something else said of the reply beside it
    "I went over the reply, which was polite, and not a single comma turned up anywhere.",
    # 'breaks the rule' is still a failure
    "The reply breaks the rule on commas.",
    # a tour guide's pointing at data before the address: the lead asks for the dividers
    "Notice the *** dividers, folks: the reply has no commas.",
    # a lower bound said to be exact too: contradictory
    "Use at least 4 bullets. Not one more, not one less.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
