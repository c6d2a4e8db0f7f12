"""Set 46's voices, developed on after its one blind measurement (issue 15, round 38): a magazine interview with the
reply ('Q? — A', the reply answering in the first person), a newspaper obituary of the reply (its life story in the past
tense: 'lived its whole life without', 'never once uttered', an epithet, a metaphor for a count's side), a bookmaker's settlement rules
(a market's name, then the settlement and its condition: 'Over 3 paragraphs: pays out if ...', "If ..., bets on 'X'
are settled as winners", "'Quoted' wins if ...") and a referee's letter of recommendation (a lead that is the writer's
stance: 'I can confirm that', 'I am delighted to report that', 'You may rest assured that'; what was read to find it
out; a count and its total; a finding after a semicolon), an early-modern title page ('A SPARING REPLY, Wherein ... occurreth fewer than ...'), a hotel booking's list fields
('Barred from the premises: a, b. Occurrences of any of these in the reply ...: 0.'), and the core wordings they brought: a quoted list after 'not
one of the following appears in the reply', 'capitalised or not', 'counting every case', 'without a single lowercase
letter', a code fence allowed 'whether or not' JSON is set inside it, 'separating each one from the next', 'the reply's
words', 'concise, at fewer than N words'. Wordings written for the tests, not set 46's sentences; NEURAL must stay
neural: an obituary's epithet or metaphor its bound does not bear out, a judgement for an epithet, a finding against the
statement, a title's adjective its bound does not bear out, a listed field against its label, a note naming the whole reply beside a check of one place, an interview answer with a judgement or a finding against it, a question to someone else, a market's name giving another number or another unit, 'any other number loses' beside a bound, a settlement
on something other than the reply, a referee's reading of a part, a finding the check does not bear out, a fence
note beside a check other than JSON, a judgement beside the count."""
from lowering_cases import lowering_tests

LOWERED = [
    # a bookmaker's market: its name read off (agreeing), the settlement's condition said of the reply
    ("Over 3 paragraphs: pays out if the reply has at least 3 paragraphs separated by the markdown divider ***.", "paragraph_count",
     {"relation": "at least", "n": 3, "separator": "***"}),
    ("Exact sentence count 6: this selection wins if the reply contains exactly 6 sentences; any other number loses.",
     "sentence_count", {"relation": "exactly", "n": 6}),
    ("If the reply has fewer than 120 words, bets on 'Short answer' are settled as winners.", "word_count",
     {"relation": "less than", "n": 120}),
    ("Quotes market. 'Wrapped' is settled as the winning selection if the reply starts and ends with a double quotation mark.",
     "wrapped_in_quotes", {}),
    ("'Signed off' wins if the reply ends with a postscript starting with P.S.", "postscript", {"marker": "P.S."}),
    ("Language market, 'Finnish': winners are paid if the whole reply is in Finnish and no other language.", "response_language",
     {"language": "fi"}),
    ("Banned words market: the bet wins if not one of the following appears in the reply, in any case: \"tide\", \"gull\".",
     "keywords_absent", {"keywords": ["tide", "gull"]}),
    ("Echo special: where the reply opens by repeating the request word for word, with nothing before it, the bet wins. "
     "The request, as quoted: Is a tomato a fruit?", "repeats_prompt", {"prompt_to_repeat": "Is a tomato a fruit?"}),
    ("If the whole reply is valid JSON, the 'Machine-readable' bet wins.", "is_json", {}),
    # a referee's letter: the lead a stance, the statement said of the reply
    ("I am delighted to report that the reply is written entirely in German.", "response_language", {"language": "de"}),
    ("It is my privilege to confirm that the reply has no commas anywhere.", "no_commas", {}),
    ("You may rest assured that the reply avoids \"tide\" and \"gull\" entirely, capitalised or not; I searched it through "
     "and found no such word.", "keywords_absent", {"keywords": ["tide", "gull"]}),
    ("I can vouch that the reply uses each of the words \"tide\" and \"gull\"; every one of them appears in it at least once.",
     "keywords_present", {"keywords": ["tide", "gull"]}),
    ("In my assessment the reply is in English and all lowercase; I found no capital letter anywhere in it.", "all_lowercase",
     {"language": "en"}),
    ("I have examined the reply carefully, from its first word to its last, and I can say with certainty that it has no commas.",
     "no_commas", {}),
    ("I have counted the sentences in the reply, and I can confirm that there are at least 8 of them.", "sentence_count",
     {"relation": "at least", "n": 8}),
    ("I would draw your attention to the reply's use of emphasis: at least 2 sections are highlighted in markdown, as in *this*.",
     "highlighted_sections", {"relation": "at least", "n": 2}),
    ("I was impressed that the reply is careful to end with the exact phrase \"Over to you.\"", "ends_with",
     {"phrase": "Over to you."}),
    # an interview: the question a lead, the answer said of the reply ('I', 'me', 'my' are the reply)
    ("Do you keep it brief? — Under 80 words, all told.", "word_count", {"relation": "less than", "n": 80}),
    ("How do you close? — With the exact phrase \"Over to you.\" Nothing comes after it.", "ends_with", {"phrase": "Over to you."}),
    ("Do you have a postscript? — I do, starting with P.S.", "postscript", {"marker": "P.S."}),
    ("How many sections? — Exactly 4, each opening with SECTION and its number.", "section_count",
     {"splitter": "SECTION", "relation": "exactly", "n": 4}),
    ("Any commas? — Not one. There is no comma anywhere in me.", "no_commas", {}),
    ("Which language do you write in? — Finnish, and only Finnish, from my first word to my last.", "response_language",
     {"language": "fi"}),
    ("Which words did you make sure to include? — All of \"tide\" and \"gull\"; each one appears in me somewhere.",
     "keywords_present", {"keywords": ["tide", "gull"]}),
    ("Are there words you avoid? — Yes. You won't find \"tide\" or \"gull\" anywhere in me, in any case.", "keywords_absent",
     {"keywords": ["tide", "gull"]}),
    ("How many times does 'z' appear in you? — At least 4 times, capitals and small letters counted together.",
     "letter_frequency", {"letter": "z", "relation": "at least", "n": 4}),
    ("Any shouting? — Hardly: fewer than 3 of my words are written entirely in capital letters.", "capital_word_frequency",
     {"relation": "less than", "n": 3}),
    ("How do you start? — By repeating the request word for word. My opening words are exactly these: Can I see my notes?",
     "repeats_prompt", {"prompt_to_repeat": "Can I see my notes?"}),
    # an obituary: the life read off, the past tense the present
    ("The reply lived its whole life without commas.", "no_commas", {}),
    ("Brief to the end, the reply ran to fewer than 60 words.", "word_count", {"relation": "less than", "n": 60}),
    ("The reply was fond of the word \"tide\", which appeared in it at least 4 times.", "keyword_frequency",
     {"keyword": "tide", "relation": "at least", "n": 4}),
    ("The character 'z' was rare in the reply: it appeared fewer than 2 times, capitals and small letters counted together.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 2}),
    ("The reply spoke German all its life and no other language.", "response_language", {"language": "de"}),
    ("A postscript starting with P.P.S was found among the reply's effects.", "postscript", {"marker": "P.P.S"}),
    ("The reply seldom raised its voice: fewer than five of its words were written in all capital letters.",
     "capital_word_frequency", {"relation": "less than", "n": 5}),
    ("The reply's life fell into exactly 4 paragraphs, separated by the markdown divider ***.", "paragraph_count",
     {"relation": "exactly", "n": 4, "separator": "***"}),
    ("The reply went by a title in double angular brackets, such as <<tides>>.", "has_title", {}),
    ("Those who knew the reply will remember that it used the words \"tide\" and \"gull\"; every one of them appeared in it.",
     "keywords_present", {"keywords": ["tide", "gull"]}),
    ("The reply never once uttered \"tide\" or \"gull\", from its first word to its last.", "keywords_absent",
     {"keywords": ["tide", "gull"]}),
    ("The reply began life by repeating, word for word, the request that brought it into the world: Was I ever here? It was.", "repeats_prompt",
     {"prompt_to_repeat": "Was I ever here? It was."}),
    # a title page: the title a name (its side borne out), the description said of the reply in today's words
    ("A QUIET REPLY, Wherein fewer than 4 Words are set wholly in Capital Letters.", "capital_word_frequency",
     {"relation": "less than", "n": 4}),
    ("A REPLY, Entirely free of \"tide\" and \"gull\", in Letters great or small.", "keywords_absent", {"keywords": ["tide", "gull"]}),
    ("A REPLY IN MANY SECTIONS; Not fewer than four in Number, each marked at its Beginning with Part and its Number, as Part 1.",
     "section_count", {"splitter": "Part", "relation": "at least", "n": 4}),
    ("A REPLY SPARING OF THE LETTER 'z', Which appeareth therein fewer than four Times, whether Capital or small.",
     "letter_frequency", {"letter": "z", "relation": "less than", "n": 4}),
    ("A REPLY IN THE GERMAN TONGUE, Composed wholly in Capital Letters, no Letter of the small Sort appearing therein.",
     "all_uppercase", {"language": "de"}),
    ("A REPLY, Concluding with these very Words, \"Fare well.\", after which Nothing further is set down.", "ends_with",
     {"phrase": "Fare well."}),
    ("A SHORT REPLY, Of fewer than 9 Sentences in all.", "sentence_count", {"relation": "less than", "n": 9}),
    ("A REPLY, In which each of these Words is to be found, viz. \"tide\" and \"gull\".", "keywords_present",
     {"keywords": ["tide", "gull"]}),
    # a booking's list fields: the list in the lead, the field says it
    ("Not allowed in the lounge: tide, gull. Occurrences of any of these in the reply, in any letter case: 0.", "keywords_absent",
     {"keywords": ["tide", "gull"]}),
    ("Luggage to collect: the words \"tide\" and \"gull\". Status: each one present somewhere in the reply.", "keywords_present",
     {"keywords": ["tide", "gull"]}),
    # the core wordings the voices brought
    ("I note that at least 4 of the reply's words are written in all capital letters.", "capital_word_frequency",
     {"relation": "at least", "n": 4}),
    ("The reply mentions the word \"tide\" fewer than 3 times, counting every case.", "keyword_frequency",
     {"keyword": "tide", "relation": "less than", "n": 3}),
    ("The reply is in English and entirely in capitals, without a single lowercase letter.", "all_uppercase", {"language": "en"}),
    ("The whole reply is valid JSON, even if it is wrapped in a markdown code block.", "is_json", {}),
    ("The reply has exactly 3 paragraphs, with the divider *** separating each one from the next.", "paragraph_count",
     {"relation": "exactly", "n": 3, "separator": "***"}),
    ("The reply is concise, at fewer than 90 words.", "word_count", {"relation": "less than", "n": 90}),
]

NEURAL = [
    # an obituary's epithet or metaphor against its bound, a judgement for an epithet, a finding against the statement
    "Generous to the end, the reply left fewer than 3 placeholders in square brackets.",
    "Brief in life, the reply ran to at least 300 words.",
    "Funny to the end, the reply lived its whole life without commas.",
    "The reply was fond of the word \"tide\", which appeared in it fewer than 3 times.",
    "The reply spoke German all its life; every word of it was in French.",
    # a title's adjective against its bound; a listed field against its label
    "A QUIET REPLY, Wherein at least 4 Words are set wholly in Capital Letters.",
    "A COPIOUS REPLY, Of fewer than 9 Sentences in all.",
    "Barred from the lounge: tide, gull. Status: each one present somewhere in the reply.",
    # a note naming the whole reply beside a check of one place
    "The reply ends with the phrase \"Over to you.\", from its first word to its last.",
    # an interview answer with a judgement, a finding against it, another part, a question to someone else
    "Do you have a title? — I do, and it names the city.",
    "Why so short? — Because I explain the tides in fewer than 50 words.",
    "Which words did you avoid? — All of \"tide\"; each one appears in me somewhere.",
    "How many paragraphs? — Exactly 3, and my second one is the funniest.",
    "Did the user ask for bullet points? — Yes, exactly 3 of them.",
    # a market's name that gives another number or another unit
    ("Over 4 paragraphs: pays out if the reply has at least 3 paragraphs separated by the markdown divider ***."),
    "Under 10 sentences: pays out if the reply contains fewer than 10 words.",
    # 'any other number loses' beside a bound: which lose is unclear
    "Sentences: this bet wins if the reply contains at least 6 sentences; any other number loses.",
    # a market's name about content
    "Best joke market: wins if the reply contains fewer than 50 words.",
    # a settlement on something other than the reply
    "Title market: pays out if the favourite's title has fewer than 5 words.",
    # a referee's reading of a part, and a finding the check does not bear out
    "I have read the reply's first paragraph closely, and I can state with confidence that it contains no commas.",
    "You may rest assured that the reply avoids \"tide\" and \"gull\" entirely; I found no capital letter anywhere in it.",
    # a referee's judgement beside the check
    "I can confirm that the reply is witty and has no commas.",
    "I was pleased to see that the reply explains the tides clearly, in fewer than 90 words.",
    # a fence note beside another check
    "The reply has exactly 3 bullet points, whether or not it is set inside markdown code fences.",
    # a judgement beside the count that is not its brevity
    "The reply is insightful, at fewer than 90 words.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
