"""Set 43's voices, developed on after its one blind measurement (issue 15, round 35): a horoscope ('Virgo (Aug 23 -
Sep 22): <advice>. Your reply ...'), a personal trainer's workout card ('Minimum reps: "x" x3. ...; 3 or more.') and an
auction catalogue's lot entry ('Lot 12. A reply rich in the letter ...'). Wordings written for the tests, not set 43's
sentences; NEURAL must stay neural: advice in words of judgement, advice a rule reads as a requirement of its own, a
saying before a statement without a sign, a card's count said again as another bound, a lot's description its bound
does not bear out. Its etiquette manual, analyst's note and rehearsal notes are not read yet (their sayings may be
requirements of their own)."""
from lowering_cases import lowering_tests

LOWERED = [
    # a horoscope: the sign and its advice ask for nothing
    ("Cancer (Jun 21 - Jul 22): A busy week ahead. Your reply has no commas at all.", "no_commas", {}),
    ("Leo (Jul 23 - Aug 22): Time to open up. Your reply has 15 sentences or more.", "sentence_count", {"relation": "at least", "n": 15}),
    ("Pisces (Feb 19 - Mar 20): Your reply is written entirely in Swahili.", "response_language", {"language": "sw"}),
    # a workout card: the label's bound and the count said again agree
    ("Minimum reps: \"tide\" x4. Count every use in the reply, any case; 4 or more.", "keyword_frequency",
     {"keyword": "tide", "relation": "at least", "n": 4}),
    ("Minimum reps: 12 sentences. The reply hits 12 or more.", "sentence_count", {"relation": "at least", "n": 12}),
    ("Cap: under 90 words total. Count every word in the reply and finish below 90.", "word_count", {"relation": "less than", "n": 90}),
    ("Cap: letter 'z' under 3. Tally it across the whole reply, upper and lowercase, and stay below 3.", "letter_frequency",
     {"letter": "z", "relation": "less than", "n": 3}),
    ("Banned moves: cheap, deal. None of these words appears in the reply as a whole word, any case. Zero uses.", "keywords_absent",
     {"keywords": ["cheap", "deal"], "whole_word": True}),
    ("Checklist set: harbour, gull. Every one of these words shows up in the reply at least once, any case.", "keywords_present",
     {"keywords": ["harbour", "gull"]}),
    ("Language: Finnish only. Whole reply in Finnish, start to finish; no switching.", "response_language", {"language": "fi"}),
    # an auction catalogue: the lot number asks for nothing, the cataloguer's words give the bound's side
    ("Lot 3. A reply rich in the letter 'z': no fewer than 7 occurrences, capitals and lowercase counted together.", "letter_frequency",
     {"letter": "z", "relation": "at least", "n": 7}),
    ("Lot 19. A reply using the word \"tide\" sparingly: fewer than 3 occurrences in the text, every capitalisation counted.",
     "keyword_frequency", {"keyword": "tide", "relation": "less than", "n": 3}),
    ("Lot 5. A compact reply of fewer than 120 words in total.", "word_count", {"relation": "less than", "n": 120}),
    ("Lot 2. A template reply with no fewer than 3 blanks left for completion, each shown in square brackets after the manner of [city].",
     "placeholder_count", {"relation": "at least", "n": 3}),
]

NEURAL = [
    # advice in words of judgement
    "Scorpio (Oct 23 - Nov 21): Be careful and kind. Your reply has no commas.",
    # a saying before a statement, without a sign, may be a requirement of its own
    "A title is required. The reply has no commas.",
    # a card's count said again as another bound
    "Minimum reps: 12 sentences. The reply hits 15 or more.",
    "Cap: under 90 words total. Count every word in the reply and finish below 120.",
    # the judgement words among set 43's vocabulary, said of the reply
    "The reply is honest and has no commas.",
    "The reply is thoughtful and uses no commas.",
    # a lot's description its bound does not bear out
    "Lot 3. A reply rich in the letter 'z': fewer than 7 occurrences, capitals and lowercase counted together.",
    "Lot 5. A compact reply of 300 or more words in total.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
