"""Set 51's voices, developed on after its one blind measurement (issue 15, round 43): a dictionary entry defining the
property ('terse, adj. (of a reply) Having fewer than 6 sentences. The reply is terse in this sense.'), a request to
repeat given last under its own label after a frame of whole sentences ('... Then it answers. The request: REQ'), the
frame's 'reads the request back', 'not a word before it', 'nothing in front of it', a later sentence's 'such words'
('The reply has 8 or more such words.'), places a comma-free reply has none in ('not in lists, not in dates'), a listed
lead's statement said negated ('The reply doesn't use a single one of them'), the list given last after a pointer that
is not said of the reply ('notice that each of these words appears in the reply: "a", "b". Every one of them is
there.'), pieces that say the list's side again ('All of them, every single one.'), hearsay ('Sources say the
reply ...', ', our spies report,') the audience addressed ('Okay guys, ...', ', folks!'), the reader sent to a unit and then its count ('Count the sentences of
the reply one by one. There are at least 50 of them.') and 'not another word' after a closing phrase.
Wordings written for the tests, not set 51's sentences. NEURAL must stay neural: an entry's pointing-back sentence
that asks for more, a definition that is a noun phrase, a frame before the request that asks for more than the repeat,
a place said where a comma is (the nearest stage read 'contains commas only in lists: not in numbers' as
no commas before this round), a negated statement beside a list's label that requires the words, a later piece of
the other side."""
from lowering_cases import lowering_tests

_REQ = "Describe a lighthouse at dusk. Use fewer than 80 words."

LOWERED = [
    # a dictionary entry defining the property
    ("terse, adj. (of a reply) Having fewer than 6 sentences. The reply is terse in this sense.", "sentence_count",
     {"relation": "less than", "n": 6}),
    ("clean-lipped, adj. (of a reply) Never using any of the words \"darn\" or \"heck\"; none of them appears anywhere in it. "
     "This reply answers to the definition.", "keywords_absent", {"keywords": ["darn", "heck"]}),
    ("polite, adj. (of a reply) Never using any of the words \"drat\" or \"blast\". The reply is polite in this sense.",
     "keywords_absent", {"keywords": ["drat", "blast"]}),
    ("loud, adj. (of a reply) Containing at least 8 words written entirely in capital letters. The reply has 8 or more such words.",
     "capital_word_frequency", {"relation": "at least", "n": 8}),
    ("starry, adj. (of a reply) Having at least 2 sections highlighted with markdown, as in *highlighted section*. The reply "
     "has 2 or more such sections.", "highlighted_sections", {"relation": "at least", "n": 2}),
    # a request to repeat given last under its own label
    (f"Playback first! The reply reads the request back word for word, no edits and not a word before it, and only then "
     f"gives its answer. The request: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    (f"Start where the reply starts: with the request itself, repeated word for word and unchanged, nothing in front of it. "
     f"After that the answer comes. Here is the request it repeats: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    (f"It begins by saying the request back, word for word, unchanged, with nothing coming before it; then its answer "
     f"follows. The request in question: {_REQ}", "repeats_prompt", {"prompt_to_repeat": _REQ}),
    # places a comma-free reply has none in
    ("The reply contains no comma anywhere in its text: not in lists, not in dates, not in addresses.", "no_commas", {}),
    ("The reply goes from top to bottom without a single comma. Not in a list, not in a date, nowhere!", "no_commas", {}),
    # a listed lead's statement said negated; a piece that says the side again
    ("Tonight's blocked words: \"storm\", \"rain\" and \"hail\". The reply doesn't use a single one of them; none of these "
     "words is heard anywhere.", "keywords_absent", {"keywords": ["storm", "rain", "hail"]}),
    ("Ticking off the keywords, folks: harbour, sail. Each of these words appears in the reply. All of them, every single one.",
     "keywords_present", {"keywords": ["harbour", "sail"]}),
    # hearsay: who reports the statement
    ("Word on the street is the reply has fewer than 12 sentences.", "sentence_count", {"relation": "less than", "n": 12}),
    ("The reply, our spies report, contains the word \"orbit\" at least 3 times.", "keyword_frequency",
     {"keyword": "orbit", "relation": "at least", "n": 3}),
    ("The reply ends with the exact phrase \"Over and out.\", we can reveal, and nothing follows it.", "ends_with",
     {"phrase": "Over and out."}),
    # the audience addressed
    ("Okay guys, the reply has exactly 4 bullet points.", "bullet_count", {"relation": "exactly", "n": 4}),
    ("Sentence count, folks: fewer than 9. The reply has fewer than 9 sentences.", "sentence_count",
     {"relation": "less than", "n": 9}),
    ("The reply is written entirely in Spanish, my friend.", "response_language", {"language": "es"}),
    # the reader sent to a unit, then its count
    ("Count the paragraphs of the reply slowly, one at a time. There are exactly 4 of them.", "paragraph_count", {"n": 4}),
    ("Let your attention rest on the highlighted parts of the reply, each marked in markdown like *this*. There are at least "
     "2 of them.", "highlighted_sections", {"relation": "at least", "n": 2}),
    ("Breathe out, and gently count the words in the reply that are written wholly in capital letters. You will find 4 of "
     "them, or more.", "capital_word_frequency", {"relation": "at least", "n": 4}),
    # nothing after the closing phrase, said as 'not another word'
    ("The reply ends with the exact phrase \"See you soon.\", and not another word after it.", "ends_with", {"phrase": "See you soon."}),
    # the list given last after a pointer not said of the reply
    ("As you look, notice that each of these words appears in the reply: \"moss\" and \"fern\". Every one of them is there.",
     "keywords_present", {"keywords": ["moss", "fern"]}),
    ("Big news! Every one of these words gets a mention in the reply: \"quay\" and \"tide\". Each one shows up at least once.",
     "keywords_present", {"keywords": ["quay", "tide"]}),
]

NEURAL = [
    # an entry's pointing-back sentence that asks for more; a definition that is a noun phrase
    "terse, adj. (of a reply) Having fewer than 6 sentences. The reply is terse and polite in this sense.",
    "terse, adj. (of a reply) Having fewer than 6 sentences. The reply is terse in this sense, with at least 3 bullet points.",
    "loud, adj. (of a reply) Containing at least 8 words written entirely in capital letters. The reply has 9 or more such words.",
    # hearsay read past leaves what is reported: 'sources' as content is no attribution
    "The reply cites sources, insiders say.",
    "The reply cites at least 3 sources, say insiders, and has no commas.",
    # the address read past leaves what is said to it
    "The reply thanks the people, guys.",
    "Hey everyone, the reply names at least 3 people.",
    # a count given for part of the reply, a count with no side, a side said against itself, a unit picked by content
    "Count the sentences of the reply slowly. There are at least 5 of them in the first paragraph.",
    "Count the sentences of the reply slowly. There are 5 of them.",
    "Notice the bullet points in the reply, gently. There are fewer than 4 of them, perhaps more.",
    "Gently count the sentences of the reply that mention the sea. There are at least 3 of them.",
    "Count the paragraphs of the reply, each about a different city. There are exactly 3.",
    "The reply ends with the phrase \"Bye\", and not one word of French after it.",
    # a frame before the request that asks for more than the repeat
    f"Playback first! The reply reads the request back word for word, then answers in French. The request: {_REQ}",
    f"The reply reads the request back twice, word for word, and then answers. The request: {_REQ}",
    f"The reply repeats the request word for word, then answers in French. The request: {_REQ}",
    # a place said where a comma is
    "The reply contains commas only in lists: not in numbers, not in dates.",
    "The reply uses commas just in addresses, not in lists, not in numbers.",
    # a negated statement beside a list's label that requires the words; a later piece of the other side
    "Required words: \"storm\" and \"rain\". The reply doesn't use a single one of them.",
    "As you look, notice that each of these words appears in the reply: \"moss\" and \"fern\". None of them is there.",
    "Ticking off the keywords, folks: harbour, sail. Each of these words appears in the reply. None of them, not one.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
