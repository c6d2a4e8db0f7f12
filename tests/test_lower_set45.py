"""Set 45's voices, developed on after its one blind measurement (issue 15, round 37): a tax form's worksheet line, a
procedure ending in the form's box ('Line 8. Enter the number of ... If line 8 is 4 or more, answer Yes.', 'You qualify
only if ...', 'check box 3b'), and a grader's procedures read with it: a part looked at and then spoken of ('Copy out
the last words of the reply. ... if they read ...'), a decision naming JSON itself, words 'found' or 'not found', a
split whose decision follows a full stop. Wordings written for the tests, not set 45's sentences; NEURAL must stay
neural: another line's figure or box, a procedure that looks at something the check does not read, a decision with a
further condition, a worksheet line with no decision, a game's answer ('> SEARCH REPLY. You find ...') with a sentence
no reader reads; and, with set 45's words in the vocabulary (the rotation), its
judgements and verbs of content ('nice', 'smooth', 'showcases') beside a check."""
from lowering_cases import lowering_tests

LOWERED = [
    # a worksheet line: the line number read off, the figure entered on it is the count, the box is the grader's yes
    ("Line 8. Enter the number of sentences in the reply. If line 8 is 4 or more, answer Yes.", "sentence_count",
     {"relation": "at least", "n": 4}),
    ("Line 3. Count the words in the reply and enter the total. You qualify only if line 3 is less than 120.", "word_count",
     {"relation": "less than", "n": 120}),
    ("Line 12. Count the bullet points in the reply (lines that start with * or -). Enter that number on line 12. "
     "If line 12 is exactly 4, check box 12.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Line 5. Split the reply at the ****** separator. If you get exactly two parts that are not identical, check box 5a.",
     "two_responses", {}),
    ("Line 7. Check this box if the reply ends with a postscript starting with P.S.", "postscript", {"marker": "P.S."}),
    ("Line 2. Is the reply written wholly in Finnish? If so, answer Yes.", "response_language", {"language": "fi"}),
    ("Line 9. Language of the reply. You meet the test only if the whole reply is in German.", "response_language",
     {"language": "de"}),
    ("Line 4. Look for these words in the reply: \"tide\", \"gull\". Case does not matter. If every one of them is found, answer Yes.",
     "keywords_present", {"keywords": ["tide", "gull"]}),
    ("Line 5. Search the reply for the whole words \"cheap\" or \"deal\". If none of them is found, answer Yes.", "keywords_absent",
     {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("Line 6. Count every comma in the reply, including any inside numbers. If line 6 is zero, answer Yes.", "no_commas", {}),
    ("Line 11. If the reply contains one of these exact phrases, answer Yes: \"Yes, sir.\" or \"No, sir.\"", "any_phrase_present",
     {"phrases": ["Yes, sir.", "No, sir."]}),
    # a grader's procedure and its decision, in any voice
    ("Copy out the last words of the reply. Answer Yes if they read exactly \"See you soon.\"", "ends_with", {"phrase": "See you soon."}),
    ("Look at the first and last characters of the reply. Pass only if both are double quotation marks.", "wrapped_in_quotes", {}),
    ("Strip any ``` fence from around the reply. Answer Yes if what remains parses as valid JSON.", "is_json", {}),
    ("Split the reply at each *** divider. Answer Yes if that gives exactly 4 paragraphs.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("Count every 'q' in the reply, upper and lower case alike. Answer Yes if the count is 3 or more.", "letter_frequency",
     {"letter": "q", "relation": "at least", "n": 3}),
    ("The reply has at least 2 section headers of the form PART X, X being a number.", "section_count",
     {"splitter": "PART", "relation": "at least", "n": 2}),
    # a text adventure's command and the game's answer in the second person
    ("> SEARCH REPLY FOR DASHES. You go through the whole reply. There are no commas here, not even one.", "no_commas", {}),
    ("> SEARCH REPLY. You find each of the words \"tide\" and \"gull\" somewhere in the reply.", "keywords_present",
     {"keywords": ["tide", "gull"]}),
    ("> EXAMINE BLANKS. You spot at least 3 placeholders in square brackets, such as [date], about the reply.", "placeholder_count",
     {"relation": "at least", "n": 3}),
    ("> COUNT \"tide\". The word \"tide\" shows up fewer than 4 times in the reply, ignoring capitals.", "keyword_frequency",
     {"keyword": "tide", "relation": "less than", "n": 4}),
    ("The reply has 2 or more parts, each opening with a marker reading PART and a number.", "section_count",
     {"splitter": "PART", "relation": "at least", "n": 2}),
    ("> COUNT LINES. You count the bullet points in the reply (lines that start with * or -). There are exactly 4.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("> READ REPLY. The reply is in English, in lowercase letters only. You see no capital letter anywhere.", "all_lowercase",
     {"language": "en"}),
    # the nearest stage's splitter: the word after 'marker' as written ('reading' was taken for it)
    ("The reply has 3 or more sections, each opening with a marker reading CHAPTER X.", "section_count",
     {"splitter": "CHAPTER", "relation": "at least", "n": 3}),
    # parts of the text named as counted too; a list said of first; nothing placed before a request
    ("The reply uses no comma at all, headings, lists and numbers included.", "no_commas", {}),
    ("The reply has fewer than 200 words, including any in headings or titles.", "word_count", {"relation": "less than", "n": 200}),
    ("Each of these words appears in the response at least once: \"tide\", \"gull\".", "keywords_present", {"keywords": ["tide", "gull"]}),
    ("The reply opens with the request below copied word for word, no text being put before it: \"Name two birds.\"", "repeats_prompt",
     {"prompt_to_repeat": "Name two birds."}),
]

NEURAL = [
    # another line's figure, or another line's box
    "Line 8. Enter the number of sentences in the reply. If line 7 is 4 or more, answer Yes.",
    "Line 8. Count the words in the reply. If the count is 100 or more, check box 9.",
    "Line 8. Count the words in the reply. Enter that number on line 9. If line 8 is 100 or more, answer Yes.",
    # a procedure that looks at something the check does not read
    "Line 4. Count the words in the title of the reply. If line 4 is 6 or more, answer Yes.",
    "Copy out the first words of the reply. Answer Yes if they read exactly \"See you soon.\"",
    "Remove the first paragraph of the reply. Answer Yes if everything left parses as valid JSON.",
    # a decision with a further condition
    "Line 2. Is the reply written wholly in Finnish? If so, and it is polite, answer Yes.",
    "Line 6. Count every comma in the reply. If line 6 is zero and the reply is friendly, answer Yes.",
    # a worksheet line with no decision, or a question it does not answer
    "Line 3. Count the words in the reply and enter the total.",
    "Line 2. Is the reply written wholly in Finnish? If not, answer Yes.",
    # a game's answer with a sentence no reader reads, in the second person or not
    "> READ REPLY. You find the reply rude. There are no commas here.",
    "> SEARCH REPLY. There is no comma here. The reply is friendly.",
    "> COUNT LINES. You count the bullet points in the reply. They look tidy.",
    "> EXAMINE TITLE. You find each of the words \"tide\" and \"gull\" somewhere in the title.",
    # a list said of another part
    "Each of these words appears in the title at least once: \"tide\", \"gull\".",
    # set 45's words in the vocabulary: its judgements and verbs of content still ask for more
    "The reply has a title in double angular brackets. The title must mention the harbour.",
    "The response contains a title wrapped in << and >>. The title should name the city.",
    "The reply is nice and has no commas.",
    "The reply has no commas and is smooth.",
    "The reply is refined and has no commas.",
    "The reply is written in a vigorous style and has no commas.",
    "The reply showcases the product and has no commas.",
    "The reply has no commas and promotes the hotel.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
