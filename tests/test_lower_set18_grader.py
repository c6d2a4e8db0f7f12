"""Set 18's fourth voice (instructions for a second grader): how to check, then in a new sentence when to mark PASS
or FAIL ('Count the all-uppercase words in the response (...). PASS if the count is 10 or more.'), or the decision
first with notes that only restate what the check counts or fails. :func:`rubricc.compiler.lower_procedure.procedure`
rewrites them into the plain statement they decide; each must lower to what the plain statement lowers to. Wordings
vary set 18's numbers and words; NEURAL must stay neural (a decision with another condition, a FAIL branch that is not
the complement, a count no check counts, a reversed polarity, quoted material)."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_procedure import procedure

_CAPS = "Count the all-uppercase words in the response (every letter of the word capitalized). PASS if the count is {n} or more."
_CAPS_LT = "Count the words written fully in uppercase (e.g. NASA, WOW, and the single-letter word I). PASS only if that number is less than {n}."
_WORDS = "Count every word in the response. Mark PASS if there are {n} or more, FAIL if there are fewer."
_SENT = "Tally the sentences in the response. PASS when there are at least {n}; FAIL if fewer."
_SENT_LT = ("Count the sentences across the entire response. The criterion is met only when the total is strictly less than {n}; "
            "{n} sentences is already too many (FAIL).")
_KW = "Count occurrences of {w} anywhere in the response (case does not matter). PASS if it appears at least {n} times, otherwise FAIL."
_KW_LT = ("Count how many times {w} occurs in the response, ignoring capitalization. PASS if that count is strictly below {n}; "
          "FAIL at {n} or above.")
_LET = "Count occurrences of {w} in the response (uppercase and lowercase both count, including inside words). PASS if the total reaches {n}."
_LET_LT = ("Count every occurrence of {w} in the response, case-insensitive, including inside words. PASS if the total is under {n}, "
           "FAIL if it is {n} or higher.")
_SECT = ("Count the section headers of the form {w} followed by a number ({w} 1, {w} 2, ...). PASS if there are at least {n} such "
         "headers; headers that use a different word or have no number do not count.")
_HIGH = "Count the spans highlighted with markdown asterisks (*text* or **text**; empty ones don't count). PASS if there are at least {n}."
_PLACE = "Count the square-bracket placeholders in the response (anything of the form [...]). PASS if there are at least {n}."
_BULLET = "Count every markdown bullet line (lines beginning with * or -), nested ones included. PASS only if the total is exactly {n}."
_PS = ("Look for a postscript introduced by {w} (normally placed at the end of the response). PASS if one is present; FAIL if "
       "there is no such postscript.")
_EACH = "Search the response for each of these keywords (case-insensitive): {w}. PASS only if every one of them appears."
_BANNED = ("Check the response for the banned words {w} (whole words, case-insensitive). PASS if none of them appears; a single "
           "occurrence of any of them is a FAIL.")
_LANG = ("Determine the language of the response as a whole. PASS if it is {w}; FAIL if it is written in any other language "
         "(e.g. English).")
_STARS = ("Split the response on the *** dividers. PASS if that gives exactly {n} non-empty paragraphs, with no empty chunk between "
          "two dividers; FAIL otherwise. Paragraph breaks made only with blank lines don't count as separators here.")
_TWO = ("Split the response on the ****** separator (six asterisks). PASS if this yields exactly two non-empty responses and the "
        "two are not identical; FAIL if the separator is missing, if there are more or fewer than two responses, or if both "
        "responses are the same.")
_JSON = ("Strip any surrounding ``` or ```json fence and try to parse what remains as JSON. PASS if it parses; FAIL if there is "
         "any explanatory text before or after it, or if the JSON is malformed.")
_LOWER = "Scan the full response for capital letters. PASS if there are none and the text is in English; FAIL on any uppercase character."
_END = ("Check how the response ends. PASS if its final text is exactly {w} (trailing whitespace aside); FAIL if the phrase is "
        "altered, missing, or followed by any additional text such as {s}.")
_TITLE = ("PASS if the response contains a non-empty title wrapped in << and >> on a single line, e.g. <<{w}>>. Titles given only "
          "as markdown headings, in bold, or in single brackets do not count.")
_COMMA = "PASS if there is not one comma anywhere in the response. Check lists, numbers like 1,000 and quoted text too. A single comma = FAIL."
_QUOTES = ('PASS if the very first character of the response is a double quote (") and the very last character is also a double '
           "quote (ignoring surrounding whitespace). Single quotes, or quoting only part of the text, = FAIL.")
_NTH = ("Split the response into paragraphs on blank lines (\\n\\n). PASS only if there are exactly {n} paragraphs AND paragraph "
        "#{k} begins with the word {w} (ignoring case and any leading quote mark). If either condition fails, FAIL.")


def _f(template, **kw):
    return template.format(**kw)


LOWERED = [
    (_f(_CAPS, n=10), "capital_word_frequency", {"relation": "at least", "n": 10}),
    (_f(_CAPS, n=3), "capital_word_frequency", {"relation": "at least", "n": 3}),
    (_f(_CAPS_LT, n=10), "capital_word_frequency", {"relation": "less than", "n": 10}),
    (_f(_CAPS_LT, n=4), "capital_word_frequency", {"relation": "less than", "n": 4}),
    (_f(_WORDS, n=600), "word_count", {"relation": "at least", "n": 600}),
    (_f(_WORDS, n=1200), "word_count", {"relation": "at least", "n": 1200}),
    (_f(_SENT, n=50), "sentence_count", {"relation": "at least", "n": 50}),
    (_f(_SENT, n=8), "sentence_count", {"relation": "at least", "n": 8}),
    (_f(_SENT_LT, n=10), "sentence_count", {"relation": "less than", "n": 10}),
    (_f(_SENT_LT, n=25), "sentence_count", {"relation": "less than", "n": 25}),
    (_f(_KW, w="schedule", n=6), "keyword_frequency", {"keyword": "schedule", "relation": "at least", "n": 6}),
    (_f(_KW, w="war", n=8), "keyword_frequency", {"keyword": "war", "relation": "at least", "n": 8}),
    (_f(_KW_LT, w="batted", n=2), "keyword_frequency", {"keyword": "batted", "relation": "less than", "n": 2}),
    (_f(_KW_LT, w="unfortunately", n=6), "keyword_frequency", {"keyword": "unfortunately", "relation": "less than", "n": 6}),
    (_f(_LET, w="q", n=4), "letter_frequency", {"letter": "q", "relation": "at least", "n": 4, "case_sensitive": False}),
    (_f(_LET, w="o", n=40), "letter_frequency", {"letter": "o", "relation": "at least", "n": 40, "case_sensitive": False}),
    (_f(_LET, w="!", n=6), "letter_frequency", {"letter": "!", "relation": "at least", "n": 6, "case_sensitive": False}),
    (_f(_LET_LT, w="a", n=2), "letter_frequency", {"letter": "a", "relation": "less than", "n": 2, "case_sensitive": False}),
    (_f(_LET_LT, w="n", n=7), "letter_frequency", {"letter": "n", "relation": "less than", "n": 7, "case_sensitive": False}),
    (_f(_SECT, w="SECTION", n=3), "section_count", {"splitter": "SECTION", "relation": "at least", "n": 3}),
    (_f(_SECT, w="Part", n=5), "section_count", {"splitter": "Part", "relation": "at least", "n": 5}),
    (_f(_HIGH, n=5), "highlighted_sections", {"relation": "at least", "n": 5}),
    (_f(_HIGH, n=2), "highlighted_sections", {"relation": "at least", "n": 2}),
    (_f(_PLACE, n=1), "placeholder_count", {"relation": "at least", "n": 1}),
    (_f(_PLACE, n=12), "placeholder_count", {"relation": "at least", "n": 12}),
    (_f(_BULLET, n=3), "bullet_count", {"relation": "exactly", "n": 3}),
    (_f(_BULLET, n=6), "bullet_count", {"relation": "exactly", "n": 6}),
    (_f(_PS, w="P.P.S"), "postscript", {"marker": "P.P.S"}),
    (_f(_PS, w="P.S."), "postscript", {"marker": "P.S."}),
    (_f(_EACH, w="cat, dog"), "keywords_present", {"keywords": ["cat", "dog"]}),
    (_f(_EACH, w="harbor, lantern, tide"), "keywords_present", {"keywords": ["harbor", "lantern", "tide"]}),
    (_f(_BANNED, w="sleep, cook, feed"), "keywords_absent", {"keywords": ["sleep", "cook", "feed"]}),
    (_f(_BANNED, w="rock"), "keywords_absent", {"keywords": ["rock"]}),
    (_f(_LANG, w="Hindi"), "response_language", {"language": "hi"}),
    (_f(_LANG, w="Kannada"), "response_language", {"language": "kn"}),
    (_f(_STARS, n=2), "paragraph_count", {"relation": "exactly", "n": 2, "separator": "***"}),
    (_f(_STARS, n=5), "paragraph_count", {"relation": "exactly", "n": 5, "separator": "***"}),
    (_TWO, "two_responses", {}),
    (_TWO.replace(", or if both responses are the same", ""), "two_responses", {}),
    (_JSON, "is_json", {}),
    (_JSON.replace("; FAIL if there is any explanatory text before or after it, or if the JSON is malformed", ""), "is_json", {}),
    (_LOWER, "all_lowercase", {"language": "en"}),
    (_LOWER.replace(" and the text is in English", ""), "all_lowercase", {}),
    (_f(_END, w="Is there anything else I can help with?", s="a signature"), "ends_with",
     {"phrase": "Is there anything else I can help with?", "case_sensitive": False}),
    (_f(_END, w="Peace!", s="a sign-off or a note"), "ends_with", {"phrase": "Peace!", "case_sensitive": False}),
    (_f(_TITLE, w="A Day at the Beach"), "has_title", {}),
    (_f(_TITLE, w="Ode to Rain"), "has_title", {}),
    (_COMMA, "no_commas", {}),
    (_COMMA.replace(" Check lists, numbers like 1,000 and quoted text too.", ""), "no_commas", {}),
    (_QUOTES, "wrapped_in_quotes", {}),
    (_QUOTES.replace("Single quotes, or quoting", "Quoting"), "wrapped_in_quotes", {}),
    (_f(_NTH, n=6, k=2, w="president"), "paragraph_first_word", {"nth": 2, "word": "president", "num_paragraphs": 6}),
    (_f(_NTH, n=4, k=3, w="summer"), "paragraph_first_word", {"nth": 3, "word": "summer", "num_paragraphs": 4}),
]

NEURAL = [
    # a decision that adds a semantic condition
    "Count the spans highlighted with markdown asterisks (*text* or **text**). PASS if there are at least 5 and they are relevant.",
    "Count the all-uppercase words in the response. PASS if the count is 10 or more and each is an acronym.",
    "Determine the language of the response as a whole. PASS if it is Hindi and formal; FAIL otherwise.",
    "Look for a postscript introduced by P.S. PASS if one is present and it thanks the reader.",
    "Strip any surrounding ``` or ```json fence and try to parse what remains as JSON. PASS if it parses and it has a \"name\" key.",
    "Split the response on the *** dividers. PASS if that gives exactly 2 non-empty paragraphs of similar length; FAIL otherwise.",
    ("Split the response into paragraphs on blank lines (\\n\\n). PASS only if there are exactly 6 paragraphs AND paragraph #2 "
     "begins with the word president AND paragraph #3 begins with the word war."),
    # a decision on something other than what was counted
    "Count the sentences in the response. PASS if there are at least 3 paragraphs.",
    "Count the sentences in the response. PASS if the paragraphs number at least 3.",
    "Count occurrences of q in the response (uppercase and lowercase both count). PASS if the total reaches 4 in each paragraph.",
    # a FAIL branch that is not the complement
    "Count the bullet points in the response. PASS if there are at least 3; FAIL if any is empty.",
    "Count the sentences in the response. PASS if there are at least 3; FAIL if any is longer than 20 words.",
    "Count every word in the response. Mark PASS if there are 600 or more, FAIL if there are more than 900.",
    "Count every word in the response. Mark PASS if there are 600 or more, FAIL if there are fewer than 500.",
    "Count the sentences in the response. PASS if the total is under 10, FAIL if it is 12 or higher.",
    ("Count the sentences across the entire response. The criterion is met only when the total is strictly less than 10; "
     "9 sentences is already too many (FAIL)."),
    "Determine the language of the response as a whole. PASS if it is Hindi; FAIL if it uses any English word.",
    ("Look for a postscript introduced by P.S. (normally placed at the end of the response). PASS if one is present; FAIL if "
     "it is not signed."),
    ("Split the response on the ****** separator (six asterisks). PASS if this yields exactly two non-empty responses and the "
     "two are not identical; FAIL if either response is shorter than 50 words."),
    "Strip any surrounding ``` or ```json fence and try to parse what remains as JSON. PASS if it parses; FAIL if any key is not in camelCase.",
    ("Check how the response ends. PASS if its final text is exactly Is there anything else I can help with? (trailing "
     "whitespace aside); FAIL if the phrase is not in bold."),
    "Split the response on the *** dividers. PASS if that gives exactly 2 non-empty paragraphs; FAIL otherwise. Each paragraph must have a heading.",
    # notes after a decision that add a requirement
    ("PASS if the response contains a non-empty title wrapped in << and >> on a single line, e.g. <<A Day at the Beach>>. "
     "Titles that are not capitalized do not count."),
    "PASS if there is not one comma anywhere in the response. Check spelling too. A single comma = FAIL.",
    "PASS if there is not one comma anywhere in the response. A single semicolon = FAIL.",
    ('PASS if the very first character of the response is a double quote (") and the very last character is also a double '
     "quote (ignoring surrounding whitespace). A response under 20 words = FAIL."),
    # a count of something no check counts
    "Count the jokes in the response. PASS if there are at least 3.",
    "Count the examples in the response. PASS if there are at least 3.",
    # a reversed polarity, or a FAIL branch on the other case
    "Scan the full response for capital letters. PASS if there are some.",
    "Scan the full response for capital letters. PASS if there is at least one.",
    "Scan the full response for lowercase letters. PASS if there are none; FAIL on any uppercase character.",
    "Scan the full response for capital letters. PASS if there are none and the text is in English; FAIL on any lowercase character.",
    "Check how the response ends. PASS if its final text is not Is there anything else I can help with? (trailing whitespace aside).",
    # a count whose case or matching is not the check's
    "Count occurrences of schedule in the response. PASS if it appears at least 6 times, otherwise FAIL.",
    "Count occurrences of schedule in the response (case matters). PASS if it appears at least 6 times, otherwise FAIL.",
    "Count occurrences of schedule as a whole word in the response (case does not matter). PASS if it appears at least 6 times.",
    # quoted material that contains the words 'PASS if' (two more of these are read right since round 16:
    # tests/test_lower_set19.py)
    'Count the words in the response. PASS if "PASS if there are 5" appears.',
    'Count the words in the response. PASS if there are 5 "PASS if" words.',
    'Look for "PASS if one is present". PASS if one is present.',
]


@pytest.mark.parametrize("text,name,args", LOWERED)
def test_lowered(text, name, args):
    got = lower_criterion(text)
    assert got is not None, text
    assert got.name == name
    assert {k: v for k, v in got.args.items() if v is not None and k not in ("whole_word", "case_sensitive")} == \
        {k: v for k, v in args.items() if k != "case_sensitive"}
    if "case_sensitive" in args:
        assert got.args.get("case_sensitive") == args["case_sensitive"]


@pytest.mark.parametrize("text", NEURAL)
def test_neural(text):
    assert lower_criterion(text) is None, text


def test_procedure_moves_words_only():
    assert procedure(_f(_CAPS, n=10), []) == "The response has at least 10 all-uppercase words."
    assert procedure(_f(_WORDS, n=600), []) == "The response has at least 600 words."
    assert procedure(_f(_LET, w="q", n=4), []) == "The letter q appears at least 4 times in the response, case-insensitively."
    # not one of its shapes, or quoted: as it is
    for text in ("Count the jokes in the response. PASS if at least 3.", 'Look for "PASS if one is present". PASS if one is present.'):
        assert procedure(text, []) == text
