"""Lowering of the plainer phrasings rubric writers use (issue 15): relations between the number and the
unit, '<unit> count is ...', unquoted word lists, 'the final words are', ISO language codes, case stated
by what is absent, whole-answer quotation, JSON with an optional fence, fixed options, 'restates'.
Each positive has near-miss negatives that must stay neural (precision first)."""
import pytest

from rubricc.compiler.checks import run_check
from rubricc.compiler.lower import lower_criterion

LOWERED = [
    ("Writes 20 or more sentences.", "sentence_count", {"relation": "at least", "n": 20}),
    ("Word count of 600 or higher.", "word_count", {"relation": "at least", "n": 600}),
    ("Sentence count is below 10.", "sentence_count", {"relation": "less than", "n": 10}),
    ("The number of sentences is at most 5.", "sentence_count", {"relation": "at most", "n": 5}),
    ("Uses no fewer than 12 [bracketed] placeholders.", "placeholder_count", {"relation": "at least", "n": 12}),
    ("The character 'l' is used 15 or more times.", "letter_frequency", {"letter": "l", "relation": "at least", "n": 15}),
    ("Occurrences of the letter i: fewer than 3.", "letter_frequency", {"letter": "i", "relation": "less than", "n": 3}),
    ("Uses 5 or more words in all capital letters.", "capital_word_frequency", {"relation": "at least", "n": 5}),
    ("Contains zero commas.", "no_commas", {}),
    ("The text is comma-free.", "no_commas", {}),
    ("Does not use the words sleep, cook, feed.", "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    ("Steers clear of the terms \"sleep\", \"cook\" and \"feed\".", "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    ("Includes the keywords cat and dog.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Mentions all of the following: \"cat\", \"dog\".", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("The final words are \"That is all you need!\".", "ends_with", {"phrase": "That is all you need!"}),
    ("Ends exactly with: Let me know if you have additional questions.", "ends_with",
     {"phrase": "Let me know if you have additional questions."}),
    ("The final words are exactly: Is there anything else?", "ends_with", {"phrase": "Is there anything else?"}),
    ("Language of the response: ru.", "response_language", {"language": "ru"}),
    ("The answer uses Russian only.", "response_language", {"language": "ru"}),
    ("Uses no uppercase letters at all; the text is English.", "all_lowercase", {"language": "en"}),
    ("Written in English with every character in lower case.", "all_lowercase", {"language": "en"}),
    ("THE WHOLE RESPONSE IS IN ENGLISH CAPITALS; no lowercase letters appear.", "all_uppercase", {"language": "en"}),
    ("The response is enclosed in double quotes.", "wrapped_in_quotes", {}),
    ("Starts and ends with a double quotation mark.", "wrapped_in_quotes", {}),
    ("The response is pure JSON, optionally inside a ```json code block.", "is_json", {}),
    ("Answers with exactly one of \"My answer is yes.\", \"My answer is no.\", \"My answer is maybe.\"",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("The reply includes one of: My answer is yes. / My answer is no. / My answer is maybe.",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Restates the request \"Write a poem about cats.\" verbatim at the very beginning, then answers.",
     "repeats_prompt", {"prompt_to_repeat": "Write a poem about cats."}),
    ("Emphasizes 5 or more passages with markdown, for example *important part*.", "highlighted_sections",
     {"relation": "at least", "n": 5}),
    ("The response is a bulleted list with 3 items.", "bullet_count", {"relation": "exactly", "n": 3}),
    ("Uses 3 sections, each introduced by the word SECTION and its number.", "section_count", {"splitter": "SECTION", "n": 3}),
    ("7 paragraphs separated by empty lines, with the seventh starting with 'summary'.", "paragraph_first_word",
     {"nth": 7, "word": "summary", "num_paragraphs": 7}),
    # IFBench families (compiler/lower_ifbench.py)
    ("Has a word count between 100 and 200 words.", "word_count_range", {"min_words": 100, "max_words": 200}),
    ("The response must contain between 120 and 130 words.", "word_count_range", {"min_words": 120, "max_words": 130}),
    ("Use at least 150 unique words in the response.", "unique_word_count", {"relation": "at least", "n": 150}),
    ("Include exactly 3 numbers in the response.", "number_count", {"relation": "exactly", "n": 3}),
    ("The response should include at least 20 pronouns.", "pronoun_count", {"relation": "at least", "n": 20}),
    ("Use at least 4 different coordinating conjunctions in the response.", "conjunction_count", {"n": 4}),
    ("The response should not repeat any word more than 3 times.", "max_word_repeats", {"n": 3}),
    ("The response must include keyword \"river\" in the 3-th sentence.", "keyword_in_sentence", {"keyword": "river", "nth": 3}),
    ("Write each word on a new line.", "one_word_per_line", {}),
    ("The output should not contain any whitespace.", "no_whitespace", {}),
    ("No two consecutive words can share the same first letter.", "no_consecutive_first_letter", {}),
    ("Write the entire response in title case (capitalize the first letter of every major word).", "title_case", {}),
    ("Answer with one of the following options: yes/no/maybe. Do not give any explanation.", "answer_is_option",
     {"options": ["yes", "no", "maybe"]}),
    ("The response is exactly \"No.\"", "response_equals", {"text": "No."}),
    ("Include at least 10 single-word palindromes, each at least 5 characters long.", "palindrome_count",
     {"min_length": 5, "n": 10}),
    ("Nest parentheses (and [brackets {and braces}]) at least 5 levels deep.", "bracket_depth", {"n": 5}),
    # issue 15, the weak held-out families: highlighted sections
    ("Highlights five or more parts of the answer using markdown.", "highlighted_sections", {"relation": "at least", "n": 5}),
    ("Includes 3 or more *highlighted* sections.", "highlighted_sections", {"relation": "at least", "n": 3}),
    ("The answer has at least two portions wrapped in single asterisks.", "highlighted_sections", {"relation": "at least", "n": 2}),
    ("Highlighted sections (markdown, *like this*): at least 4.", "highlighted_sections", {"relation": "at least", "n": 4}),
    ("The number of markdown-highlighted sections is at least 6.", "highlighted_sections", {"relation": "at least", "n": 6}),
    # multiple sections: a bare count of '<Word> X' sections is IFEval's minimum, a stated relation wins
    ("Has three sections marked SECTION 1, SECTION 2, and so on.", "section_count",
     {"splitter": "SECTION", "relation": "at least", "n": 3}),
    ("There are 4 sections, each labelled with Section followed by its number.", "section_count",
     {"splitter": "Section", "relation": "at least", "n": 4}),
    ("Divides the answer into 3 sections with headings Day 1 to Day 3.", "section_count", {"splitter": "Day", "relation": "at least", "n": 3}),
    ("Has exactly 3 sections, each starting with SECTION X.", "section_count", {"splitter": "SECTION", "relation": "exactly", "n": 3}),
    ("The response has at most 4 sections marked Section X.", "section_count", {"splitter": "Section", "relation": "at most", "n": 4}),
    # constrained response
    ("The response contains either \"My answer is yes.\", \"My answer is no.\" or \"My answer is maybe.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Responds with \"My answer is yes.\", \"My answer is no.\", or \"My answer is maybe.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Replies with exactly one of these: My answer is yes., My answer is no., My answer is maybe.", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    # end phrase: unquoted only after an explicit 'exact' cue, less a clause saying nothing may follow
    ("Concludes with this exact phrase: That is all you need!", "ends_with", {"phrase": "That is all you need!"}),
    ("End your response with the exact phrase Let me know if you have additional questions. and do not add anything after it.",
     "ends_with", {"phrase": "Let me know if you have additional questions."}),
    ("Finish your response with this exact phrase Hope you agree with me. No other words should follow this phrase.", "ends_with",
     {"phrase": "Hope you agree with me."}),
    ("Ends the response with the following phrase: in India.", "ends_with", {"phrase": "in India."}),
    ("Finishes with the phrase 'Peace!'.", "ends_with", {"phrase": "Peace!"}),
    ("The response ends in \"Peace!\"", "ends_with", {"phrase": "Peace!"}),
    # other rubric-writer forms found while writing bench/phrasings/ifeval_dev2.json
    ("The keywords \"sleep\" and \"cook\" are absent from the response.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("The words \"alpha\" and \"beta\" do not appear in the response.", "keywords_absent", {"keywords": ["alpha", "beta"]}),
    ("Response must include a minimum of 8 placeholders like [name].", "placeholder_count", {"relation": "at least", "n": 8}),
    ("Response must be 600 words or longer.", "word_count", {"relation": "at least", "n": 600}),
    ("Response must be enclosed in double quotes from start to finish.", "wrapped_in_quotes", {}),
    ("Response must be written in English using only lowercase letters; capital letters are not allowed.", "all_lowercase",
     {"language": "en"}),
    ("The output is a single JSON object and nothing else.", "is_json", {}),
    ("Meets a minimum length of 600 words.", "word_count", {"relation": "at least", "n": 600}),
    ("Everything is wrapped in \"double quotes\".", "wrapped_in_quotes", {}),
    ("Forbidden words: \"sleep\" and \"cook\" do not appear.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("Keywords present: \"friends\" and \"hanson\".", "keywords_present", {"keywords": ["friends", "hanson"]}),
    ("Language: Russian only.", "response_language", {"language": "ru"}),
    ("All of the response is in Kannada.", "response_language", {"language": "kn"}),
    # issue 15, second pass: general wordings of the families that still fell through (many voices)
    # repeat the request: the request is data, quoted or after the cue's colon
    ("Starts with a verbatim copy of the following text before anything else: \"Write a poem. Do not use any commas.\"",
     "repeats_prompt", {"prompt_to_repeat": "Write a poem. Do not use any commas."}),
    ("The answer opens with the exact request \"Write a poem.\", unchanged, followed by the response.", "repeats_prompt",
     {"prompt_to_repeat": "Write a poem."}),
    ("The prompt \"Write a plot. In your response please avoid using commas.\" is copied exactly at the start of the response.",
     "repeats_prompt", {"prompt_to_repeat": "Write a plot. In your response please avoid using commas."}),
    ("Does the answer start by repeating the prompt verbatim (\"Write a poem.\")?", "repeats_prompt", {"prompt_to_repeat": "Write a poem."}),
    ("Response must first restate the user's request word for word: \"Name a dog, i.e. <<name>>.\"", "repeats_prompt",
     {"prompt_to_repeat": "Name a dog, i.e. <<name>>."}),
    ("Repeats the request word for word before answering: Write an essay. Do not use any commas.", "repeats_prompt",
     {"prompt_to_repeat": "Write an essay. Do not use any commas."}),
    ("Verbatim repetition of the request at the top: \"Write a poem.\"", "repeats_prompt", {"prompt_to_repeat": "Write a poem."}),
    ("Repeats the user's request verbatim before answering.", "repeats_prompt", {}),
    # keywords that must appear / must not appear, read as a whole frame around the word list
    ("None of these words appear in the answer: \"bark\" and \"run\".", "keywords_absent", {"keywords": ["bark", "run"]}),
    ("The response never uses \"sleep\", \"cook\" or \"feed\".", "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    ("Does the response avoid using \"sleep\" or \"cook\"?", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("Forbidden words (\"sleep\" and \"cook\") are not used.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("None of the following words are used: \"sleep\" and \"cook\".", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("Neither \"sleep\" nor \"cook\" appears in the response.", "keywords_absent", {"keywords": ["sleep", "cook"]}),
    ("The words \"cat\" and \"dog\" are off-limits.", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("Avoid the use of \"cat\" and \"dog\".", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("Avoids using any of the following words: economy, demand, supply.", "keywords_absent",
     {"keywords": ["economy", "demand", "supply"]}),
    ("All of these keywords appear in the answer: \"adoption\" and \"carriage\".", "keywords_present",
     {"keywords": ["adoption", "carriage"]}),
    ("Each of the keywords \"cat\" and \"dog\" is used at least once.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Does the response use the keywords \"cat\" and \"dog\"?", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("\"cat\" and \"dog\" are both mentioned.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Includes each of the following words: engages, lightly.", "keywords_present", {"keywords": ["engages", "lightly"]}),
    ("The answer uses all of these words: cat.", "keywords_present", {"keywords": ["cat"]}),
    # a word's frequency, unquoted after a verb that names a word or after 'the word'
    ("Mentions schedule at least six times.", "keyword_frequency", {"keyword": "schedule", "relation": "at least", "n": 6}),
    ("Mentions the under 2 times.", "keyword_frequency", {"keyword": "the", "relation": "less than", "n": 2}),
    ("Use the word dose at least 5 times.", "keyword_frequency", {"keyword": "dose", "relation": "at least", "n": 5}),
    ("Occurrences of \"peace\": fewer than 3.", "keyword_frequency", {"keyword": "peace", "relation": "less than", "n": 3}),
    # capital words: the ways of naming a word in capitals, read as one unit
    ("Uses 10 or more fully capitalized words.", "capital_word_frequency", {"relation": "at least", "n": 10}),
    ("The number of words in all capital letters is less than 10.", "capital_word_frequency", {"relation": "less than", "n": 10}),
    ("Words in ALL CAPS: at least 3.", "capital_word_frequency", {"relation": "at least", "n": 3}),
    ("At least 4 words are written in capitals.", "capital_word_frequency", {"relation": "at least", "n": 4}),
    ("Uses capitalized words (all letters uppercase) fewer than 5 times.", "capital_word_frequency", {"relation": "less than", "n": 5}),
    # case of the whole response, 'every letter of the answer'
    ("Every letter in the answer is lower case, and the answer is in English.", "all_lowercase", {"language": "en"}),
    ("Every letter of the answer is uppercase, and it is written in English.", "all_uppercase", {"language": "en"}),
    # whole-response quotation
    ("Puts the complete response inside double quotes.", "wrapped_in_quotes", {}),
    ("Is the response wrapped in double quotation marks?", "wrapped_in_quotes", {}),
    ("Make sure the response is wrapped in double quotation marks.", "wrapped_in_quotes", {}),
    # end phrase: after a bare colon of 'the last words are', and label forms with a quoted phrase
    ("The last words of the response are: Call me at 631-481-4867", "ends_with", {"phrase": "Call me at 631-481-4867"}),
    ("The last words of the response are: That is all you need!", "ends_with", {"phrase": "That is all you need!"}),
    ("Response must end with the exact phrase 'Peace!'.", "ends_with", {"phrase": "Peace!"}),
    ("Last words: \"Peace!\"", "ends_with", {"phrase": "Peace!"}),
    ("The response's final words are \"Peace!\", with nothing after them.", "ends_with", {"phrase": "Peace!"}),
    ("The very end of the response is the phrase \"Peace!\".", "ends_with", {"phrase": "Peace!"}),
    # fixed options
    ("The response contains one of the phrases My answer is yes., My answer is no., or My answer is maybe.",
     "any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    ("Does the response answer with 'My answer is yes.' or 'My answer is no.'?", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no."]}),
    ("Chooses among \"My answer is yes.\", \"My answer is no.\" and \"My answer is maybe.\"", "any_phrase_present",
     {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
    # other families, other voices
    ("At least 1 [placeholders] in square brackets.", "placeholder_count", {"relation": "at least", "n": 1}),
    ("Uses at least 3 placeholder fields of the form [placeholder].", "placeholder_count", {"relation": "at least", "n": 3}),
    ("Is the generated text written in Russian?", "response_language", {"language": "ru"}),
    ("The response uses only Russian, no other language.", "response_language", {"language": "ru"}),
    ("The response consists solely of JSON.", "is_json", {}),
    ("Commas are absent from the response.", "no_commas", {}),
    # terse labels and symbols
    ("Forbidden: \"cat\", \"dog\".", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("Each keyword in \"cat\" and \"dog\" appears in the response.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Include the following keywords in your response: \"cat\", \"dog\".", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("There are no occurrences of \"cat\" or \"dog\".", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("The word \"peace\" appears >= 3 times.", "keyword_frequency", {"keyword": "peace", "relation": "at least", "n": 3}),
    ("Word count < 100.", "word_count", {"relation": "less than", "n": 100}),
    ("Max 100 words.", "word_count", {"relation": "at most", "n": 100}),
    ("Final words of the response: \"Peace!\"", "ends_with", {"phrase": "Peace!"}),
    ("No capitals; English only.", "all_lowercase", {"language": "en"}),
    ("Without using the words \"cat\" or \"dog\".", "keywords_absent", {"keywords": ["cat", "dog"]}),
    ("The response cannot mention \"cat\" and \"dog\".", "keywords_absent", {"keywords": ["cat", "dog"]}),  # not 'present'
    ("Please include the keywords \"cat\" and \"dog\" in your response.", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("Are the keywords \"cat\" and \"dog\" present?", "keywords_present", {"keywords": ["cat", "dog"]}),
    ("The response should contain the request \"Write a poem.\" verbatim at the start.", "repeats_prompt",
     {"prompt_to_repeat": "Write a poem."}),
    # two clauses asking for compatible checks: one requirement
    ("The response is written in French, and it is entirely in lowercase letters.", "all_lowercase", {"language": "fr"}),
]

NEURAL = [
    # a title inside the request to repeat is data, not a requirement
    "Opens with a summary of the request \"Write an email with a title in double angular brackets, i.e. <<title>>.\"",
    "Uses the words patients understand.",  # not a word list
    "Uses the terms correctly.",
    "Uses the terms accurately and consistently.",
    "Avoids the words jargon.",
    "Includes the terms defined in the glossary.",
    "Steers clear of medical jargon.",
    "The final words are warm and encouraging.",  # no phrase
    "The final sentence summarises the advice.",
    "Ends with: a call to action.",
    "The final words are: a warm thank-you.",
    "Concludes with: a short summary of the key points.",
    "Explains the language of the response: en route vs. en masse.",
    "Uses no uppercase or lowercase distinction.",  # both negated
    "The response puts the drug names in double quotes.",
    "Includes a JSON example of the request body.",
    "Chooses one of the treatment options and justifies it.",
    "Does not repeat the question.",
    "Uses 5 or more words of encouragement.",
    "Highlights at least 3 risks of the procedure.",
    "Written with every word carefully chosen.",
    "Cites at least 3 numbers from the study.",
    "Uses page numbers for every citation.",
    "Includes at least 10 single-word answers.",
    "Has no trailing whitespace.",
    "Uses title case for the headings.",
    "Lists at least 3 treatment options and explains each.",
    "The response is exactly what the user asked for.",
    "Includes the keyword \"river\" but not in the first sentence.",
    "Mentions between 2 and 4 risks.",
    # issue 15 near misses
    "Highlights the key points in bold.",
    "Uses markdown to highlight at least 2 warnings about side effects.",
    "At least 3 sections are highlighted.",  # no markdown: may mean headings or colour
    "Wraps the drug names in asterisks.",
    "Has 3 sections covering causes, symptoms and treatment.",
    "Organizes the answer into 3 parts: Part 1 covers history.",
    "The response ends with the exact phrase the user asked for.",
    "Ends with the phrase that the user requested.",
    "Includes \"cat\" or \"dog\" but not both.",
    "Answers with \"yes\" or \"no\" and gives a reason.",
    "The keywords \"alpha\" and \"beta\" are not absent.",
    "The keywords \"alpha\" and \"beta\" are absent unless the user asks.",
    "Does not answer with one of the options \"A\", \"B\".",
    "Once scores are assigned, sum the squares for names that end with 'r'.",
    "Includes between 2 and 4 placeholders like [name].",
    "Forbidden words: \"sleep\" and \"cook\" are not absent.",
    "Keywords present: \"friends\" or \"hanson\" but not both.",
    "Language: Russian or English.",
    "All of the response is in Kannada except the code.",
    # issue 15, second pass: negations, scoped or semantic criteria that merely mention a word
    "The response never repeats the prompt word for word.",
    "Avoids copying the question verbatim.",
    "The response copies the prompt's formatting exactly.",
    # a request that cannot be delimited is not read: its own words are no requirement either
    # (the same request in balanced parentheses is delimited and read as the request: tests/test_lower_borderline.py)
    "Begins by restating the request exactly (Write a title in double angular brackets, i.e. <<title>>. before answering.",
    "Starts with the exact text of the request, Write an essay without any commas., then answers.",
    "Mentions \"911\" or \"emergency services\".",  # one of them, not all
    "Includes the words cat or dog.",
    "Includes \"a\" but not \"b\".",
    "Includes the keywords \"cat\" and \"dog\" in the title.",
    "The first sentence includes \"hello\" and \"world\".",
    "None of the bullet points use the word \"cure\".",
    "Uses the terms \"mild\", \"moderate\", \"severe\" consistently.",
    "The response includes the phrase \"I am not a doctor\" in the disclaimer.",
    "Mentions \"aspirin\" when discussing pain relief.",
    "Avoids words like \"cure\" and \"guarantee\".",
    "Avoids \"a\" and \"b\" unless asked.",
    "The word \"cure\" does not appear in the heading.",
    "Keywords: \"cat\", \"dog\".",
    "The answer avoids the words key.",  # one word after a plain 'the words'
    "Uses the terms correctly and consistently.",
    "Mentions it at least twice.",
    "Uses emojis at least 3 times.",  # a kind of thing, not a word
    "The response mentions risks at least twice.",
    "The last words are: a question to the user.",
    "The final words are: your name and title.",
    "Last words: the user's name.",
    "Has 2 uppercase words, one per heading.",
    "Uses uppercase words for the drug names at least 3 times.",
    "Fewer than 3 words are in all caps in each paragraph.",
    "The headings use at least 3 all-caps words.",
    "The response's words in all caps are fewer than 5 per paragraph.",
    "Uses at most 3 sentences per paragraph.",
    "Uses only English terms for drug names.",
    "Does the response not answer with \"A\" or \"B\"?",
    "Chooses among \"A\" and \"B\" and explains why.",
    "Answers the exact question before anything else.",  # not a repeat
    "Commas are absent from the list items.",
    "The JSON file perfectly represents all aspects of the XML file.",
    "The response includes three rephrased sentences maintaining the original context.",
    "The last line is: Sincerely, [Name]",
    "Includes the phrases \"rock or roll\" or \"yes or no\".",
    "Answers the exact question at the start.",
    "The response repeats the same question verbatim several times.",
    "Repeats the request \"Write a poem.\" verbatim, then starts the answer with \"Sure\".",
    # two requirements joined by 'and': each alone is a program, together they are left to the judge
    "The response starts with \"Dear Sir\" and has exactly 3 paragraphs.",
    "The response starts with the exact phrase \"Dear Sir\" and uses the word \"kind\".",
    "The response is valid JSON, and it contains no commas.",
    "The response has at least 3 words in all capital letters and has a title in double angular brackets.",
    "The response includes the keywords \"cat\" and \"dog\" and is at least 300 words long.",
    "The response does not use the words \"bad\" or \"ugly\" and ends with \"Peace!\".",
    "The response uses the word \"kind\" at least 3 times and mentions peace at least 3 times.",
    "The response uses the word \"kind\" at least 3 times and contains no commas.",
    "The response answers with \"My answer is yes.\" or \"My answer is no.\", and it has exactly 4 bullet points.",
    "The response has at least 3 words in all capital letters and is at least 300 words long.",
]


@pytest.mark.parametrize("text,name,args", LOWERED, ids=[t[:40] for t, _, _ in LOWERED])
def test_lowered(text, name, args):
    c = lower_criterion(text)
    assert c is not None, text
    assert c.name == name, (text, c)
    for k, v in args.items():
        assert c.args.get(k) == v, (text, k, c.args)


@pytest.mark.parametrize("text", NEURAL, ids=[t[:40] for t in NEURAL])
def test_near_misses_stay_neural(text):
    assert lower_criterion(text) is None, (text, lower_criterion(text))


def test_lowered_checks_decide_right():
    c = lower_criterion("Does not use the words sleep, cook, feed.")
    assert run_check(c, "I like to read.") and not run_check(c, "Time to Sleep now.")
    c = lower_criterion("The final words are \"That is all you need!\".")
    assert run_check(c, "Here it is. That is all you need!") and not run_check(c, "That is all you need! Bye.")
    c = lower_criterion("Writes 3 or more sentences.")
    assert run_check(c, "One. Two. Three. Four.") and not run_check(c, "One. Two.")


def test_issue15_checks_decide_right():
    """The new forms decide as IFEval's checkers do: 'N sections' is a minimum, an end phrase is exact."""
    c = lower_criterion("Has two sections marked SECTION 1, SECTION 2, and so on.")
    assert run_check(c, "SECTION 1\nA\nSECTION 2\nB\nSECTION 3\nC") and not run_check(c, "SECTION 1\nonly one")
    c = lower_criterion("Has exactly 2 sections, each starting with SECTION X.")
    assert not run_check(c, "SECTION 1\nA\nSECTION 2\nB\nSECTION 3\nC") and run_check(c, "SECTION 1\nA\nSECTION 2\nB")
    c = lower_criterion("End your response with the exact phrase Peace! and do not add anything after it.")
    assert run_check(c, "Bye for now. Peace!") and not run_check(c, "Peace! See you.")
    c = lower_criterion("Includes 3 or more *highlighted* sections.")
    assert run_check(c, "*a* and *b* and **c**") and not run_check(c, "*a* and *b*")
    c = lower_criterion("Responds with \"My answer is yes.\", \"My answer is no.\", or \"My answer is maybe.\"")
    assert run_check(c, "My answer is no.") and not run_check(c, "Perhaps.")
    c = lower_criterion("The keywords \"sleep\" and \"cook\" are absent from the response.")
    assert run_check(c, "I read.") and not run_check(c, "I cook.")


def test_issue15_second_pass_checks_decide_right():
    """The request to repeat is data (its 'do not use any commas' is not a comma check); keyword frames keep
    IFEval's matching (present: substring, absent: whole word); the capital-word unit counts all-caps words."""
    c = lower_criterion("Repeats the request word for word before answering: Write an essay. Do not use any commas.")
    assert c.name == "repeats_prompt"
    assert run_check(c, "Write an essay. Do not use any commas. Here, it is.") and not run_check(c, "An essay, here.")
    c = lower_criterion("None of these words appear in the answer: \"bark\" and \"run\".")
    assert run_check(c, "The dog barks and runs.") and not run_check(c, "The dog can run.")
    c = lower_criterion("All of these keywords appear in the answer: \"adoption\" and \"carriage\".")
    assert run_check(c, "Adoptions by carriage.") and not run_check(c, "A carriage.")
    c = lower_criterion("Uses 2 or more fully capitalized words.")
    assert run_check(c, "THE END IS near") and not run_check(c, "The END is near")
    c = lower_criterion("The last words of the response are: Call me at 631-481-4867")
    assert run_check(c, "Thanks. Call me at 631-481-4867") and not run_check(c, "Call me at 631-481-4867 tomorrow.")


def test_false_lowering_on_semantic_rubrics_stays_under_target():
    """HealthBench, WritingBench and the two Claude-generated rubric files: at most 0.1% of criteria become
    programs (each one read by hand when measured: all express their criterion)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.data import shared_data
    from bench.false_lowering import measure

    d = shared_data()
    if not (d / "healthbench_subset500").exists():
        pytest.skip(f"shared data absent: {d}")
    res = measure(d)
    n = sum(v[0] for v in res["sources"].values())
    assert n == 5965 + 5000 + 3480 + 2592
    assert len(res["lowered"]) <= 0.001 * n, [r["criterion"] for r in res["lowered"]]


def test_dev2_weak_families_on_real_ifeval(tmp_path):
    """bench/phrasings/ifeval_dev2.json (written while writing these rules: optimistic), its four families
    that were weakest on the held-out set, run on the real GPT-4 responses against the official verdicts."""
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.ifeval_checks import data_dir, load_ifeval
    from bench.phrasing_sets import PHRASINGS, evaluate_set

    d = data_dir()
    if not (d / "ifeval" / "input_data.jsonl").exists():
        pytest.skip(f"shared data absent: {d / 'ifeval'}")
    weak = ["detectable_format:number_highlighted_sections", "detectable_format:multiple_sections",
            "detectable_format:constrained_response", "startend:end_checker"]
    families = json.loads((PHRASINGS / "ifeval_dev2.json").read_text(encoding="utf-8"))["families"]
    subset = tmp_path / "weak.json"
    subset.write_text(json.dumps({"families": {k: families[k] for k in weak}}), encoding="utf-8")
    res = evaluate_set(load_ifeval(d), subset)
    assert set(res["families"]) == set(weak)
    for fam, v in res["families"].items():
        assert v["lowered"] >= 0.95 * v["criteria"] and v["agreement"] >= 0.99, (fam, v)


# issue 15, round 2 (developed on bench/phrasings/ifeval_heldout2.json, demoted to a development set): the
# general causes of its misses, each tried on wordings of our own in other voices
R2_LOWERED = [
    # a single quoted character counted is a letter (IFEval: case-insensitive) or that character, not a word
    ("Does 'l' occur 15 or more times in the answer?", "letter_frequency", {"letter": "l", "relation": "at least", "n": 15}),
    ("Occurrences of 'g': at least 8.", "letter_frequency", {"letter": "g", "relation": "at least", "n": 8}),
    ("'Z' should show up fewer than 4 times.", "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("Occurrences of '#': at least 2.", "letter_frequency", {"letter": "#", "relation": "at least", "n": 2}),
    ("The word 'a' appears at least 5 times.", "keyword_frequency", {"keyword": "a", "whole_word": True}),
    # second person feedback, 'the output', optional plurals, 'strictly'
    ("You wrote at least 600 words.", "word_count", {"relation": "at least", "n": 600}),
    ("You kept your answer under 12 sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("You used the character 'q' three or more times.", "letter_frequency", {"letter": "q", "relation": "at least", "n": 3}),
    ("The word 'river' appears at least 2 time(s) in the output.", "keyword_frequency", {"keyword": "river", "n": 2}),
    ("Includes at least 2 placeholder(s) such as [name].", "placeholder_count", {"relation": "at least", "n": 2}),
    ("The total number of words in the output is strictly less than 90.", "word_count", {"relation": "less than", "n": 90}),
    ("The number of sentences in the reply is no fewer than 7.", "sentence_count", {"relation": "at least", "n": 7}),
    # the nth paragraph's first word, in other sentence shapes
    ("Six paragraphs separated by blank lines, and the first word of the 2 paragraph is \"president\".",
     "paragraph_first_word", {"nth": 2, "word": "president", "num_paragraphs": 6}),
    ("You wrote exactly 4 paragraphs separated by blank lines and started the third paragraph with the word \"Next\".",
     "paragraph_first_word", {"nth": 3, "word": "Next", "num_paragraphs": 4}),
    ("Has 4 paragraphs; begin paragraph 2 with \"However\".", "paragraph_first_word", {"nth": 2, "word": "However"}),
    # 'the number of times X occurs ... is REL N', capital words by what every letter is
    ("The number of times the word \"river\" shows up in the reply is at most 3.", "keyword_frequency",
     {"keyword": "river", "relation": "at most", "n": 3}),
    ("The number of times the letter \"e\" occurs in the response is below 20.", "letter_frequency",
     {"letter": "e", "relation": "less than", "n": 20}),
    ("The count of words in which all letters are uppercase is under 4.", "capital_word_frequency", {"relation": "less than", "n": 4}),
    # case, language, JSON and commas restated with 'without ...' / 'no ... outside'
    ("You wrote everything without any uppercase letters.", "all_lowercase", {}),
    ("Written in lowercase throughout, without using any capital letters.", "all_lowercase", {}),
    ("Answered entirely in French, without switching to any other language.", "response_language", {"language": "fr"}),
    ("Language: German throughout.", "response_language", {"language": "de"}),
    ("The reply is valid JSON with no text outside it.", "is_json", {}),
    ("No ',' characters are used.", "no_commas", {}),
    ("Commas are missing from the whole answer.", "no_commas", {}),
    # keyword frames: past tense, 'kept ... out of', the list after a colon ending the frame
    ("You mentioned \"Paris\" and \"Lyon\".", "keywords_present", {"keywords": ["Paris", "Lyon"]}),
    ("All of the required keywords appear in the reply: cat, hat.", "keywords_present", {"keywords": ["cat", "hat"]}),
    ("Keeps \"lol\" and \"omg\" out of the reply.", "keywords_absent", {"keywords": ["lol", "omg"]}),
    ("You left out the words \"very\" and \"really\".", "keywords_absent", {"keywords": ["very", "really"]}),
    ("None of the banned terms show up in the answer: crypto, blockchain.", "keywords_absent", {"keywords": ["crypto", "blockchain"]}),
    # yes/no questions read as statements; a quote character shown in parentheses is not a quotation
    ("Does the answer begin and end with a double quote character (\")?", "wrapped_in_quotes", {}),
    ("Does the reply contain at least 3 bullet points?", "bullet_count", {"relation": "at least", "n": 3}),
    ("Was the response written entirely in Spanish?", "response_language", {"language": "es"}),
    ("Did the response use the word \"river\" at least twice?", "keyword_frequency", {"keyword": "river", "n": 2}),
    ("Does the letter l appear at least 15 times?", "letter_frequency", {"letter": "l", "n": 15}),
    # quotation, JSON, sections and bullets in other shapes
    ("The reply is surrounded by double quotation marks, one at the very start and one at the very end.", "wrapped_in_quotes", {}),
    ("Is the whole answer valid JSON, optionally placed inside a ``` code block?", "is_json", {}),
    ("Has at least 2 sections whose headers read 'Part' followed by the section number.", "section_count",
     {"splitter": "Part", "relation": "at least", "n": 2}),
    ("The number of bullet-list items (lines starting with * or -) in the reply is exactly 4.", "bullet_count",
     {"relation": "exactly", "n": 4}),
    ("The number of italicized phrases in the answer is at most 3.", "highlighted_sections", {"relation": "at most", "n": 3}),
    ("The number of passages of the reply set off as highlighted sections using markdown, e.g. *this one*, is at least 2.",
     "highlighted_sections", {"relation": "at least", "n": 2}),
    ("You kept the word(s) \"flea\" and \"json\" out of your answer entirely.", "keywords_absent", {"keywords": ["flea", "json"]}),
    # limits stated as 'does not exceed', 'the N-word limit', 'limit ... to N', informal negation
    ("Your answer must not exceed 100 words.", "word_count", {"relation": "at most", "n": 100}),
    ("Response length does not exceed 80 words.", "word_count", {"relation": "at most", "n": 80}),
    ("The response adheres to the 300-word limit.", "word_count", {"relation": "at most", "n": 300}),
    ("Meets the 400-word minimum.", "word_count", {"relation": "at least", "n": 400}),
    ("Limit your answer to 3 paragraphs.", "paragraph_count", {"relation": "at most", "n": 3}),
    ("Limits the response to three sentences.", "sentence_count", {"relation": "at most", "n": 3}),
    ("dont use any commas", "no_commas", {}),
    ("The response should be written in the Spanish language.", "response_language", {"language": "es"}),
    ("Response must contain 3 paragraphs, no more and no fewer.", "paragraph_count", {"relation": "exactly", "n": 3}),
    ("The letter \"x\" appears no more than 2 times.", "letter_frequency", {"letter": "x", "relation": "at most", "n": 2}),
    ("WRITE EVERYTHING IN CAPITAL LETTERS.", "all_uppercase", {}),
    # requests ('pls', 'can you not ...'), other ways of naming the language, JSON and whole-response quotes
    ("pls make sure to mention \"blockchain\" and \"ledger\" somewhere", "keywords_present", {"keywords": ["blockchain", "ledger"]}),
    ("can you not say \"basically\"", "keywords_absent", {"keywords": ["basically"]}),
    ("Could you keep it under 100 words?", "word_count", {"relation": "less than", "n": 100}),
    ("The response's language is French.", "response_language", {"language": "fr"}),
    ("The response is composed in Portuguese.", "response_language", {"language": "pt"}),
    ("Written in Arabic.", "response_language", {"language": "ar"}),
    ("The response is in the form of a JSON object.", "is_json", {}),
    ("The response is placed within double quotes.", "wrapped_in_quotes", {}),
    ("The following words must be present: apple, banana.", "keywords_present", {"keywords": ["apple", "banana"]}),
    ("These words are forbidden in the reply: cheap, free.", "keywords_absent", {"keywords": ["cheap", "free"]}),
    # terse requests
    ("no bullet points", "bullet_count", {"relation": "exactly", "n": 0}),
    ("all in spanish pls", "response_language", {"language": "es"}),
    ("answer in json", "is_json", {}),
    ("Avoid the words: sorry, please", "keywords_absent", {"keywords": ["sorry", "please"]}),
    ("Is in English but uses no capital letters.", "all_lowercase", {"language": "en"}),
    # checklist questions about 'the output'
    ("Are all letters in the response capitalized?", "all_uppercase", {}),
    ("Is the response's final phrase \"Peace out\"?", "ends_with", {"phrase": "Peace out"}),
    ("Is the number of words in the output less than 100?", "word_count", {"relation": "less than", "n": 100}),
    ("Does the letter \"k\" appear at least 4 times in the output?", "letter_frequency", {"letter": "k", "n": 4}),
    ("Are fewer than 4 words in the response in all capital letters?", "capital_word_frequency", {"relation": "less than", "n": 4}),
    ("There are 3 paragraphs divided by double line breaks and the second one starts with \"jasper\".", "paragraph_first_word",
     {"nth": 2, "word": "jasper", "num_paragraphs": 3}),
]

R2_NEURAL = [
    # 'a', 'A' and 'I' are words as well as letters: without a cue it is not clear which is counted
    "Uses 'I' fewer than 3 times.",
    "Mentions \"a\" at least 5 times.",
    # a compound: the paragraph count is only half of it
    "You wrote 3 paragraphs and started each paragraph with a question.",
    "Exactly 2 paragraphs, opening with a greeting.",
    # second person about content stays with the judge
    "You explained why the patient needs at least 3 doses.",
    "You should mention the word 'river' to the user when it helps.",
    # scoped counts and scoped commas are not about the whole response
    "The number of times the letter \"e\" occurs in each paragraph is below 20.",
    "There are no commas in the list items.",
    "The list items contain no ',' at all.",
    "Every sentence is written without using any capital letters.",
    # 'capitalized' alone may mean a capital initial
    "Capitalized words appear at least 3 times.",
    "Words starting with capital letters appear at least 3 times.",
    # a template slot is not the exact words
    "Ends with \"Sincerely, [Name]\"",
    "Ends with \"Best, <your name>\"",
    "The answer explains the JSON with no prose outside the code block.",
    # a list after a colon that is not a keyword frame
    "The words in this order: first, second, third.",
    "The keywords should be explained in the answer: photosynthesis.",
    "Uses the words below in the order given: alpha, beta.",
    "Does the response explain why it uses at least 3 bullet points?",
    "Has 4 bullet points (one per section).",
    "The number of passages in each paragraph highlighted with markdown is at least 2.",
    # a negation outside the relation would invert it; a part of the response is not the response (a count negated as a
    # whole, 'does not have more than 5 sentences', is read as its exact complement since round 13: test_lower_set16c.py)
    "The answer never goes over 5 sentences.",
    "The title has at most 8 words.",
    "The first sentence is under 20 words.",
    "The conclusion is at most 3 sentences.",
    "Each bullet does not exceed 10 words.",
    "The response does not exceed the length the user asked for.",
    "Write a 300-word essay.",
    "The letter \"x\" should not appear more than 2 times.",
    "Uses the word \"river\" at least 3 times in the first paragraph.",
    "The response language is not French.",
    "The response is composed in Portuguese and English.",
    # quotation marks around a part of the response, not the whole of it
    "Wraps the entire title in double quotation marks.",
    "The whole dialogue is enclosed in double quotes.",
    "Puts the entire quote in double quotes.",
    "Stays below a 100-word limit.",
    "The following words must be explained: apple, banana.",
    "The following words must be present in the title: apple, banana.",
    "The following words must be present: apple or banana.",
    "answer in json with keys name and age",
    "no bullet points in the intro",
    # stated as a failure or a violation: the program would decide the opposite
    "The response neglects to end with \"Peace!\".",
    "The response misses the 100-word limit.",
    "The response ignores the instruction to write in all lowercase.",
    "The response violates the requirement of no commas.",
    "You answered in under 100 words but missed the key point.",
    "The response does not adhere to the 3-paragraph limit.",
    "Are all the characters capitalized in the title?",
    # ("Fails to stay under 100 words.", "Does not repeat the request verbatim.", 'Does not use the word "very" more than
    # once.' are read as their exact complements since round 17, as they were with a subject: tests/test_lower_set20.py)
    # ("The response is missing a title in double angular brackets." is read as not:has_title since round 16:
    # tests/test_lower_set19.py)
]


@pytest.mark.parametrize("text,name,args", R2_LOWERED, ids=[t[:40] for t, _, _ in R2_LOWERED])
def test_round2_lowered(text, name, args):
    test_lowered(text, name, args)


@pytest.mark.parametrize("text", R2_NEURAL, ids=[t[:40] for t in R2_NEURAL])
def test_round2_stays_neural(text):
    test_near_misses_stay_neural(text)


def test_round2_letter_counts_decide_like_ifeval():
    """A quoted letter is counted case-insensitively anywhere in the text (IFEval's letter_frequency), not
    as a whole word; a quoted '#' counts '#' characters."""
    c = lower_criterion("Does 'l' occur 3 or more times in the answer?")
    assert run_check(c, "Hello, Lily.") and not run_check(c, "Hello.")
    c = lower_criterion("Occurrences of '#': at least 2.")
    assert run_check(c, "#a #b") and not run_check(c, "#a")
