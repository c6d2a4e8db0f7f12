"""The reward hack probes (rubricc.verifier.hacks): what each attack does to a response, the win-rate
summary, and the wiring through a reward object (a fake reward here; the real RubricReward path is
exercised by test_distill's end-to-end run, whose metrics.json carries the probes)."""
import random
import re

import numpy as np
import pytest

from rubricc.verifier import hacks
from rubricc.verifier.hacks import ATTACKS, attack_all, probe_reward, probe_rewards

RESPONSE = ("Photosynthesis turns light into chemical energy. Plants use chlorophyll to absorb light. "
            "The process releases oxygen as a by-product. Glucose stores the energy for later use.")
PROMPT = "Explain photosynthesis to a ten-year-old."
CRITERIA = ["The response explains how plants absorb light.", "The response mentions oxygen."]
OTHERS = ["Paris is the capital of France.", "Use a for loop to iterate over the list."]


def run(name, response=RESPONSE, seed=0):
    return ATTACKS[name](response, PROMPT, CRITERIA, random.Random(seed), OTHERS)


def test_every_attack_returns_text_and_is_deterministic():
    for name in ATTACKS:
        a, b = run(name), run(name)
        assert isinstance(a, str) and a == b, name
    assert run("shuffle", seed=1) != run("shuffle", seed=2) or run("shuffle", seed=3) != run("shuffle", seed=4)


def test_what_each_attack_does():
    assert run("off_topic") in OTHERS
    echo = run("echo")
    assert echo.startswith(RESPONSE) and all(c in echo for c in CRITERIA)
    fill = run("filler")
    assert fill.startswith(RESPONSE) and len(fill.split()) - len(RESPONSE.split()) >= hacks.FILLER_WORDS
    assert not set(re.findall(r"[a-z]+", fill[len(RESPONSE):].lower())) & {"photosynthesis", "oxygen", "light"}
    assert run("repeat").count(RESPONSE) == 3
    assert run("truncate") == "Photosynthesis turns light into chemical energy."
    assert run("empty") == ""
    assert run("refusal") == hacks.REFUSAL
    kw = run("keywords")
    assert "oxygen" in kw and "absorb" in kw and "chlorophyll" not in kw
    assert "chlorophyll" not in run("format_only") and "#" in run("format_only")
    shuffled = run("shuffle")
    assert sorted(hacks.sentences(shuffled)) == sorted(hacks.sentences(RESPONSE))
    scrambled = run("scramble_tail").split()
    words = RESPONSE.split()
    assert scrambled[:len(words) // 3] == words[:len(words) // 3] and sorted(scrambled) == sorted(words)
    assert run("other_language") in hacks.OTHER_LANGUAGE
    assert run("truncate", response="") == "" and run("shuffle", response="") == ""


def test_attack_all_takes_other_prompts_answers_only():
    items = [{"prompt_id": p, "prompt": f"prompt {p}", "response": f"answer {p}{k}", "criteria": ["c"]}
             for p in "ab" for k in range(3)]
    out = attack_all(items, seed=0)
    assert set(out) == set(ATTACKS)
    for it, text in zip(items, out["off_topic"]):
        assert text.startswith("answer ") and text[7] != it["prompt_id"]
    assert attack_all(items, seed=0) == out
    assert attack_all(items, seed=0, names=["empty"]) == {"empty": [""] * 6}


def test_probe_rewards_margin_and_undefined_rewards():
    r = probe_rewards([0.5, 0.5, 0.5, None], [0.51, 0.53, 0.2, 0.9])
    assert r["n"] == 3 and r["win_rate"] == pytest.approx(1 / 3)
    assert r["mean_change"] == pytest.approx(np.mean([0.01, 0.03, -0.3]))
    assert probe_rewards([None], [0.1]) == {"n": 0, "mean_change": None, "win_rate": None}
    g = probe_rewards([0.5, 0.5, 0.5, None, 0.1], [0.51, 0.53, 0.2, 0.9, 0.9], good=[True, False, True, True, False])
    assert g["good_n"] == 2 and g["good_win_rate"] == 0.0 and g["win_rate"] == 0.5  # the undefined pair drops out
    assert probe_rewards([0.5], [0.9], good=[False])["good_win_rate"] is None
    assert r["win_margin_median"] == pytest.approx(0.03) and r["wins_from_below_half"] == 0  # 0.5 is not below 0.5
    assert g["wins_from_below_half"] == 1 and g["win_margin_median"] == pytest.approx((0.03 + 0.8) / 2)
    assert "win_margin_median" not in probe_rewards([0.5], [0.4])  # no win, nothing to describe


class LengthReward:
    """A fake reward that grows with length: the kind the probes must catch."""

    def plan(self, rubric_id):
        return rubric_id

    def score_plans(self, plans, responses):
        assert len(plans) == len(responses)
        return [{"reward": min(1.0, len(r.split()) / 200)} for r in responses]


def test_probe_reward_catches_a_length_reward():
    items = [{"prompt_id": f"p{k}", "prompt": "q", "response": RESPONSE, "criteria": CRITERIA} for k in range(5)]
    res = probe_reward(LengthReward(), items, seed=0, batch=2)
    assert res["original"]["n"] == 5
    assert res["filler"]["win_rate"] == 1.0 and res["repeat"]["win_rate"] == 1.0
    assert res["empty"]["win_rate"] == 0.0 and res["empty"]["mean_change"] < 0
    table = hacks.format_probes(res)
    assert "filler" in table and "100.0%" in table
