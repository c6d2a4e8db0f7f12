"""Set 34's exam-board voice, developed on after its one blind measurement (issue 15, round 29): a mark scheme's
accepting sentence ('Accept a response that X', 'Credit answers with X') and its notes to the marker, each of which
must agree with the check ('Ignore ...': something the check does not depend on; 'Allow no ...': what the check
already forbids; 'Allow a repeated X to count each time', 'X still counts'; 'only X count'; 'no use at all also
qualifies'); a near-miss named by 'one' ('; one of exactly 80 words does not qualify'); a method said first, then what
a grader finds ('Counting the words one at a time, a marker gets to 250 or more'); an it-cleft ('It is at most 9 sentences
that the reply consists of'); a corpus linguist's register ('The lexical item "x" is attested at least twice in the
text', 'The text is monolingual Greek'); an essayist's fact between dashes ('The reply — X — fulfils the keyword
instruction'); a casual question answered by a fragment ('Paragraphs? Exactly 3, ...'). Wordings written for the tests,
not set 34's sentences; NEURAL must stay neural."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Accept answers of no more than 120 words. Ignore how long each paragraph is.", "word_count", {"relation": "at most", "n": 120}),
    ("Accept a reply with at least 8 sentences. Disregard the length of individual sentences.", "sentence_count",
     {"relation": "at least", "n": 8}),
    ("Credit a response that mentions \"glacier\" at least 3 times. Ignore case when counting.", "keyword_frequency",
     {"keyword": "glacier", "relation": "at least", "n": 3}),
    ("Accept only an answer written wholly in Portuguese. Allow no sentences in another language.", "response_language",
     {"language": "pt"}),
    ("Accept a response that ends with the exact words \"See you soon.\" Allow nothing after it.", "ends_with",
     {"phrase": "See you soon."}),
    ("Accept a reply whose whole text sits inside double quotation marks. Ignore quotation marks used within the response.",
     "wrapped_in_quotes", {}),
    ("Accept an answer with exactly 5 bullet points. Ignore the lines that are not bullets.", "bullet_count",
     {"relation": "exactly", "n": 5}),
    ("Accept a response containing a title in double angular brackets, such as <<My Day>>. Ignore where the title appears.",
     "has_title", {}),
    ("Accept a response that ends with a postscript starting with P.S. Ignore the content of the postscript.", "postscript",
     {"marker": "P.S."}),
    ("Accept a response that uses \"tide\" fewer than 4 times; zero occurrences are also accepted.", "keyword_frequency",
     {"keyword": "tide", "relation": "less than", "n": 4}),
    ("Accept a response with fewer than 6 words in all capital letters. Ignore words that only start with a capital letter; "
     "only words in capitals throughout count.", "capital_word_frequency", {"relation": "less than", "n": 6}),
    ("Accept a response that has no commas anywhere. Ignore all other punctuation; a comma in a list still counts as a comma.",
     "no_commas", {}),
    ("Accept a response giving two different answers separated by six asterisks (******). Ignore which answer is better.",
     "two_responses", {}),
    ("Accept a response that answers with one of \"Yes, definitely.\", \"No, never.\" or \"Not sure.\" Allow no paraphrase of "
     "the chosen option.", "any_phrase_present", {"phrases": ["Yes, definitely.", "No, never.", "Not sure."]}),
    ("Accept only a response shorter than 80 words; one of exactly 80 words does not qualify.", "word_count",
     {"relation": "less than", "n": 80}),
    ("Accept a response containing 4 or more words in all capital letters. Allow a repeated capitalized word to count each "
     "time it occurs.", "capital_word_frequency", {"relation": "at least", "n": 4}),
    ("Accept a response only if it avoids the words mud, rain entirely. Ignore capitalization: a capitalized form still "
     "counts as the word.", "keywords_absent", {"keywords": ["mud", "rain"]}),
    ("Accept answers with fewer than 4 occurrences of the letter \"k\", counting both cases.", "letter_frequency",
     {"letter": "k", "relation": "less than", "n": 4}),
    # a method said first, then what the grader finds
    ("Counting the words one at a time, a marker gets to 250 or more.", "word_count", {"relation": "at least", "n": 250}),
    ("Splitting the answer into its sentences, a reviewer counts at most 12.", "sentence_count", {"relation": "at most", "n": 12}),
    ("Searching the reply for each of \"ebb\" and \"flow\", a grader finds each of them.", "keywords_present",
     {"keywords": ["ebb", "flow"]}),
    ("Scanning the reply for \"alas\" or \"woe\", a grader finds nothing.", "keywords_absent", {"keywords": ["alas", "woe"]}),
    ("Tallying every \"z\" in the reply, capital or small, a marker stays under 4.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 4}),
    ("Counting each sentence one by one, the reply stays under 15 sentences.", "sentence_count", {"relation": "less than", "n": 15}),
    ("Running language identification over the whole answer, a reviewer gets Turkish and nothing else.", "response_language",
     {"language": "tr"}),
    ("Picking out every word written entirely in capital letters, a checker finds fewer than 3 of them.",
     "capital_word_frequency", {"relation": "less than", "n": 3}),
    ("Counting the lines that begin with a markdown bullet (* or -), a reviewer finds exactly 2.", "bullet_count",
     {"relation": "exactly", "n": 2}),
    ("Running a case-insensitive search for \"tide\" over the reply, a grader gets at least 4 hits.", "keyword_frequency",
     {"keyword": "tide", "relation": "at least", "n": 4}),
    ("Counting the exclamation marks, a grader finds exactly 3.", "letter_frequency", {"letter": "!", "relation": "exactly", "n": 3}),
    # an it-cleft
    ("It is at most 9 sentences that the reply consists of.", "sentence_count", {"relation": "at most", "n": 9}),
    ("It is in Greek that the whole answer is written.", "response_language", {"language": "el"}),
    ("It is fewer than 120 words that the reply is made of.", "word_count", {"relation": "less than", "n": 120}),
    ("It is without the words \"storm\" and \"gale\" that the answer is written.", "keywords_absent", {"keywords": ["storm", "gale"]}),
    ("It is every one of the keywords \"salt\" and \"pepper\", not just some, that the reply mentions.", "keywords_present",
     {"keywords": ["salt", "pepper"]}),
    ("It is at least 300 words that the answer runs to, and not one fewer.", "word_count", {"relation": "at least", "n": 300}),
    ("It is with the word \"today\" that the third of the reply's exactly 5 paragraphs opens, the paragraphs being separated by "
     "two newlines.", "paragraph_first_word", {"nth": 3, "word": "today", "num_paragraphs": 5}),
    ("It is not in French that the reply is written.", "not:response_language", {"language": "fr"}),
    ("It is 3 or more sentences that make up the reply.", "sentence_count", {"relation": "at least", "n": 3}),
    # a corpus linguist's register
    ("The lexical item \"harbor\" is attested at least 3 times in the text.", "keyword_frequency",
     {"keyword": "harbor", "relation": "at least", "n": 3}),
    ("None of the lexical items \"storm\" and \"gale\" is attested in the text.", "keywords_absent", {"keywords": ["storm", "gale"]}),
    ("The grapheme \"z\" is attested fewer than 5 times in the text, upper- and lower-case forms counted together.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 5}),
    ("Tokens written wholly in upper case are attested fewer than 4 times in the text.", "capital_word_frequency",
     {"relation": "less than", "n": 4}),
    ("The text terminates with the exact string \"Over and out.\", and no further material follows.", "ends_with",
     {"phrase": "Over and out."}),
    ("The text is monolingual Greek (language code el) throughout, with no passages in any other language.", "response_language",
     {"language": "el"}),
    ("The text contains exactly 3 list items, each marked with a markdown bullet.", "bullet_count", {"relation": "exactly", "n": 3}),
    # an essayist's fact between dashes
    ("The reply \u2014 with \"ebb\" and \"flow\" each appearing somewhere in it \u2014 fulfils the keyword instruction.",
     "keywords_present", {"keywords": ["ebb", "flow"]}),
    ("The answer \u2014 its all-capital words numbering at most 4 \u2014 stays under the capitalization cap.", "capital_word_frequency",
     {"relation": "at most", "n": 4}),
    ("The reply \u2014 free of the words \"alas\" and \"woe\" \u2014 keeps to the forbidden-words rule.", "keywords_absent",
     {"keywords": ["alas", "woe"]}),
    ("The reply \u2014 ending with the exact phrase \"Until next time.\", with nothing following \u2014 meets the ending instruction.",
     "ends_with", {"phrase": "Until next time."}),
    ("The answer \u2014 exactly 6 markdown bullet points \u2014 satisfies the bullet-point instruction.", "bullet_count",
     {"relation": "exactly", "n": 6}),
    ("The reply \u2014 with fewer than 3 uses of \"really\" \u2014 stays within the keyword limit.", "keyword_frequency",
     {"keyword": "really", "relation": "less than", "n": 3}),
    # a casual question answered by a fragment
    ("How many bullet points? Exactly 5.", "bullet_count", {"relation": "exactly", "n": 5}),
    ("Sentences? At most 12.", "sentence_count", {"relation": "at most", "n": 12}),
    ("The letter \"z\"? Fewer than 4 times.", "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("The words \"alas\" or \"woe\"? Nowhere in the reply.", "keywords_absent", {"keywords": ["alas", "woe"]}),
    ("Language? Greek, start to finish, and no other.", "response_language", {"language": "el"}),
    ("Capitals? None: the whole reply is lowercase.", "all_lowercase", {}),
    ("Paragraphs? Exactly 3, set apart by blank lines, and the first one opens with \"today\".", "paragraph_first_word",
     {"nth": 1, "word": "today", "num_paragraphs": 3}),
    ("Length? 200 words at the very most.", "word_count", {"relation": "at most", "n": 200}),
]

NEURAL = [
    # a note the check depends on, or one that asks for something else
    "Accept a response with exactly 4 bullet points. Ignore how many bullet points there are.",
    "Accept a response that is entirely in lowercase letters. Ignore capitalization.",
    "Accept a response that ends with the exact phrase \"Bye now.\" Ignore where the phrase appears.",
    "Accept a response that includes the keyword \"river\". Ignore what the response says.",
    "Accept a response written entirely in French. Allow no commas.",
    "Accept a response of at least 300 words. Ignore the words in the title.",
    "Accept a response with fewer than 3 words in all capital letters. Allow a repeated capitalized word to count once only.",
    "Accept a response that uses \"moon\" at least 3 times; no use at all also qualifies.",
    "Accept a response with no commas. Ignore commas inside numbers.",
    "Accept a response with exactly 3 paragraphs. Ignore the lines that are not bullet points.",
    "Accept a response of at least 200 words. Ignore how long the response is.",
    "Accept a response that contains a title in double angular brackets. Allow no title.",
    "Accept a response with fewer than 5 words in all capital letters. Ignore words that only start with a capital letter; "
    "only words in bold count.",
    "Accept a response with no commas. Ignore spelling mistakes.",
    # a method that narrows, or an outcome that asks for more
    "Counting the words of the first paragraph, a grader arrives at 50 or more.",
    "Searching the response for \"alas\", a grader finds it in the title.",
    "Tallying every word it contains, the response stays below 300 sentences.",
    "Breaking the response into its paragraphs, a grader counts fewer than 3 sentences.",
    "Running language identification over the first paragraph, a grader gets French and nothing else.",
    "Searching the response for each of \"ebb\" and \"flow\" in turn, a grader finds every one of them in bold.",
    "Splitting the response into its sentences, a grader finds that each is short.",
    # a cleft that is no requirement, or one about a part
    "It is true that the reply is short.",
    "It is in the first paragraph that the reply uses the word \"storm\".",
    "It is with a question that the reply ends.",
    "It is at least 300 words that the summary runs to.",
    "It is in French that the user asked the question.",
    "The user asked the question in French.",
    # the register said of a part, or of another text
    "The lexical item \"tide\" is attested in the title.",
    "The text is monolingual Greek, and the response summarises it.",
    # a fact between dashes named as another instruction, or about content
    "The reply \u2014 with \"ebb\" and \"flow\" each appearing somewhere in it \u2014 meets the paragraph instruction.",
    "The reply \u2014 with a warm tone \u2014 meets the instruction.",
    "The reply \u2014 its paragraphs numbering exactly 3 \u2014 meets the sentence instruction.",
    # a fragment that narrows, or a question that is about something else
    "Paragraphs? Exactly 3, and the first one is about dogs.",
    "The words \"alas\" or \"woe\"? Only in the title.",
    "Language? Greek, except for the quotes.",
    "Capitals? None: the title is lowercase.",
    "Tone? None: the whole reply is lowercase.",
    # an accepting sentence about content
    "Accept a response that explains the causes of the war.",
    "Accept answers with a clear thesis.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
