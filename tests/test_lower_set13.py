"""The two wrong readings blind set 13 found (both extractions), fixed as general readings; the wordings are written
for the tests, not taken from the set.

- an unquoted end phrase followed by 'and then nothing else after it': the joiner is the frame's, not the phrase's;
- a request to repeat given in quotes after a few words opening it ('...: the response must begin with "..."'): the
  quotation is the request, not everything after the frame's colon."""
import pytest

from rubricc.compiler.lower import lower_criterion
from rubricc.compiler.lower_repeat import read_repeat

END = [
    ("ok so finish the response with exactly this phrase Peace! and then nothing else after it", "Peace!"),
    ("End your reply with the exact phrase Is there anything else I can help with? and then nothing else after it.",
     "Is there anything else I can help with?"),
    ("Conclude with this exact phrase Hope you agree with me. and nothing else after it", "Hope you agree with me."),
]


@pytest.mark.parametrize("text,phrase", END)
def test_end_phrase_leaves_the_joiner(text, phrase):
    got = lower_criterion(text)
    assert got is not None and got.name == "ends_with" and got.args["phrase"] == phrase


REPEAT = [
    ('The reply opens by repeating the request word for word, with nothing before it: the response must begin with '
     '"Write a short poem about rain."', "Write a short poem about rain."),
    ('Copy the prompt verbatim before answering: it reads "What is the capital of France?"', "What is the capital of France?"),
    ('Repeat the request exactly first: "Describe a sunset."', "Describe a sunset."),
]


@pytest.mark.parametrize("text,prompt", REPEAT)
def test_quoted_request_after_an_opening_phrase(text, prompt):
    got = lower_criterion(text)
    assert got is not None and got.name == "repeats_prompt" and got.args["prompt_to_repeat"] == prompt


def test_request_that_is_not_quoted_is_still_read_whole():
    # no quotation after the colon: the request runs to the end, as before
    got = read_repeat("Repeat the request word for word before answering: Write a haiku about moms.")
    assert got == {"prompt_to_repeat": "Write a haiku about moms."}


def test_phrase_ending_in_and_without_end_mark_is_not_cut():
    # 'and then' is cut only after the phrase's own end mark: a phrase without one keeps every word or stays neural
    got = lower_criterion("End with the exact phrase Rock and roll and nothing else after it")
    assert got is None or got.args["phrase"].startswith("Rock and roll")
