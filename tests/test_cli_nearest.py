"""`rubricc compile --nearest/--no-nearest`: the switch of the nearest-phrasing lowering stage
(:mod:`rubricc.compiler.lower_nearest`), passed to the library around ``compile_file`` and restored after."""
import importlib.util
import json

import pytest
from click.testing import CliRunner

from rubricc.cli import main
from rubricc.compiler import lower_nearest
from rubricc.formats import read_rubrics

needs_model = pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None
                                 or not lower_nearest.INDEX_PATH.exists(), reason="compile extra or index absent")

# the rules leave the first neural (a label, 'Evaluates whether', a reason); the stage reads a word count
STAGE_ONLY = "Word Budget: Evaluates whether the piece comes in at fewer than 120 words, because the user set a hard cap."
RECORD = {"id": "p1", "prompt": "Write about the sea.", "rubrics": [
    {"criterion": STAGE_ONLY, "weight": 2},
    {"criterion": "The response contains no commas.", "weight": 1},
    {"criterion": "Mentions the tides as a cause of erosion.", "weight": 2}]}


def _compile(tmp_path, *flags):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(RECORD) + "\n")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["compile", str(src), "-o", str(out), "--no-dedupe", *flags])
    assert r.exit_code == 0, r.output
    return [(c.check.kind, getattr(c.check, "name", None)) for c in read_rubrics(out)[0].criteria]


@needs_model
def test_nearest_switch_turns_the_stage_on_and_off(tmp_path):
    before = lower_nearest.ENABLED
    assert _compile(tmp_path, "--nearest") == [("program", "word_count"), ("program", "no_commas"), ("neural", None)]
    assert lower_nearest.ENABLED == before  # restored after the command
    assert _compile(tmp_path, "--no-nearest") == [("neural", None), ("program", "no_commas"), ("neural", None)]
    assert lower_nearest.ENABLED == before
    # no flag: the library default
    default = _compile(tmp_path)
    assert default[0] == (("program", "word_count") if lower_nearest.ENABLED else ("neural", None))


def test_nearest_switch_is_documented():
    r = CliRunner().invoke(main, ["compile", "--help"])
    assert r.exit_code == 0
    text = " ".join(r.output.split())
    assert "--nearest / --no-nearest" in text and "nearest-phrasing lowering stage" in text


def test_switched_restores_the_flag_on_error():
    before = lower_nearest.ENABLED
    with pytest.raises(RuntimeError):
        with lower_nearest.switched(not before):
            assert lower_nearest.ENABLED == (not before)
            raise RuntimeError
    assert lower_nearest.ENABLED == before
    with lower_nearest.switched(None):
        assert lower_nearest.ENABLED == before
