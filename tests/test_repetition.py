"""The guard's repetition rule (rubricc.repetition): the share of a response's tokens in repeated sentences."""
import numpy as np
import pytest

from rubricc import guard as G
from rubricc import repetition as R


def test_score_is_the_share_of_repeated_tokens_and_short_responses_have_none():
    assert R.score([128, 64], [128, 64]) == 0.0
    assert R.score([100, 50], [50, 0]) == pytest.approx(2 / 3)
    assert R.score([10], [0]) is None  # under MIN_TOKENS
    assert R.score([], []) is None


def test_part_ramps_from_min_to_off_and_is_one_without_a_rule():
    rec = {"min": 0.4, "off": 0.7}
    assert R.part(0.1, rec) == 1.0 and R.part(0.4, rec) == 1.0
    assert R.part(0.55, rec) == pytest.approx(0.5)
    assert R.part(0.7, rec) == 0.0 and R.part(0.9, rec) == 0.0
    assert R.part(None, rec) == 1.0 and R.part(0.9, None) == 1.0 and R.part(0.9, {}) == 1.0


def test_calibration_floors_the_threshold_and_needs_enough_responses():
    fields, rep = R.calibrate([0.0] * 50 + [0.05] * 2)
    assert fields["min"] == R.FLOOR and fields["off"] == pytest.approx((R.FLOOR + 1) / 2) and rep["own_below_1"] == 0
    fields, rep = R.calibrate([0.0] * 30 + [0.6] * 30)  # a corpus of loops: the quantile sets the threshold
    assert fields["min"] == pytest.approx(0.6) and fields["off"] == pytest.approx(0.8)
    fields, rep = R.calibrate([0.0] * 5 + [None] * 50)
    assert fields == {} and "no repetition rule" in rep["note"]


def test_factor_applies_the_repetition_part():
    rec = {"repetition": {"min": 0.4, "off": 0.7}}
    assert G.factor(0.9, 1.0, rec) == 1.0
    assert G.factor(0.9, 1.0, rec, repetition=2 / 3) == pytest.approx(R.part(2 / 3, rec["repetition"]))
    assert G.factor(0.9, 1.0, rec, repetition=2 / 3) < 0.15
    assert G.factor(0.9, 1.0, {}, repetition=2 / 3) == 1.0  # a bundle calibrated before the rule


def test_repeated_spans_feed_the_score():
    s = "The river floods every spring after the snow melts. Farmers plant rice on the wet plains afterwards."
    text = " ".join([s] * 3)
    spans = G.repeated_spans(text)
    covered = sum(b - a for a, b in spans)
    assert covered / len(text) == pytest.approx(2 / 3, abs=0.02)
    offsets = [(i, i + 1) for i in range(0, len(text), 3)]
    flags = G.repeated_tokens(offsets, spans)
    assert R.score([len(offsets)], [int(np.sum(~flags))]) == pytest.approx(2 / 3, abs=0.03)


def test_repeated_blocks_of_short_lines_count_as_repetition():
    data = '{\n  "reviews": [\n    {"rating": 5, "date": "2019"},\n    {"rating": 1, "date": "2022"}\n  ]\n}'
    text = "\n\n".join([data] * 3)  # JSON said three times: no sentence of five words, three equal blocks
    covered = sum(b - a for a, b in G.repeated_spans(text))
    assert covered / len(text) == pytest.approx(2 / 3, abs=0.03)
    prose = "First paragraph has several words here.\n\nSecond paragraph is different from it.\n\nNothing here repeats."
    assert G.repeated_spans(prose) == []
    chorus = "\n\n".join(["verse one has its own five words", "la la la we sing along now", "verse two has other words too",
                          "la la la we sing along now", "verse three is also new here"])
    share = sum(b - a for a, b in G.repeated_spans(chorus)) / len(chorus)
    assert 0 < share < R.FLOOR  # a chorus sung twice is not trimmed
