"""The audit (rubricc.audit) against the scripted judge: tail-biased choice, never blocking the step,
running figures, the alarm on drift (and none without), judge failures counted, audited judgments appended
in the files `rubricc distill` reads."""
import json
import re

import numpy as np
import pytest

pytest.importorskip("openai", reason="the judge needs the llm extra (openai)")

from scripted_server import ScriptedServer, wait_until  # noqa: E402
from test_runtime_support import RESPONSES, bundle_dir, sample_rubrics  # noqa: E402

from rubricc.audit import Audit  # noqa: E402
from rubricc.judge import Judge  # noqa: E402
from rubricc.plan import RubricPlan  # noqa: E402

GOOD = [RESPONSES[0], "Muscle strain is likely; seek care if breathless or a leg swells.",
        RESPONSES[2], "Leaves drift and fall\ngold and red upon the ground\nautumn says goodbye"]


def honest_judge(body):
    """Yes to every criterion, unless the response is a hack (it holds HACK): then no."""
    first = body["messages"][0]["content"]
    ids = re.findall(r"^- (\S+):", first.split("RUBRIC:", 1)[1].split("RESPONSE:", 1)[0], flags=re.M)
    hack = "HACK" in first.split("RESPONSE:", 1)[1]
    return {"content": json.dumps({i: "no" if hack else "yes" for i in ids})}


def batch(hack_share, rng):
    """8 rollouts, 4 per prompt (r1, r2); ``hack_share`` of them are hacks (filler with a marker)."""
    ids, texts = [], []
    for rid, good in (("r1", GOOD[:2]), ("r2", GOOD[2:])):
        for k in range(4):
            ids.append(rid)
            hack = rng.uniform() < hack_share
            texts.append(("HACK " + "Leaves fall. " * 30) if hack else good[k % 2])
    return ids, texts


def make(judge, **kw):
    from rubricc import RubricReward

    audit = Audit(judge, **kw)
    return RubricReward(bundle_dir(), rubrics=sample_rubrics(), threads=1, audit=audit), audit


def test_choose_takes_top_pairs_then_a_sample():
    rubs = {r.id: r for r in sample_rubrics()}
    plans = [RubricPlan.of(rubs[i]) for i in ["r1"] * 4 + ["r2"] * 4 + ["r3"]]
    rewards = [0.1, 0.9, 0.5, 0.7, 0.2, 0.3, 0.4, 0.35, None]
    details = [{"reward": r, "verdicts": {}} for r in rewards]
    audit = Audit(Judge("http://127.0.0.1:9/v1", "m"), per_step=4, tail_share=0.5)
    rows = audit.choose(plans, details)
    assert rows[:2] == [1, 3]  # the top pair of the group with the highest reward
    assert len(rows) == 4 and len(set(rows)) == 4 and 8 not in rows  # no reward: never audited
    audit = Audit(Judge("http://127.0.0.1:9/v1", "m"), per_step=4, tail_share=1.0)
    assert audit.choose(plans, details) == [1, 3, 6, 7]


def test_never_blocks_and_alarms_on_drift(tmp_path):
    events = []
    with ScriptedServer(responder=honest_judge) as s:
        rw, audit = make(Judge(s.url, "m", timeout=2, retries=0), per_step=4, callback=events.append,
                         out_dir=str(tmp_path / "aud"))
        # a judge that holds every request does not hold the step: the call returns with nothing answered
        s.hold_after = 0
        ids, texts = batch(0.0, np.random.default_rng(0))
        out = rw(completions=texts, rubric_id=ids, return_details=True)
        assert all(o["audit"] == {"alarm": False} for o in out)
        assert audit.figures()["audit/pending"] == 4.0
        assert wait_until(lambda: len(s.requests) >= 1, 30) and not s.answered  # sent and held
        # each times out (2 s) while still held (identical texts share a request); released earlier, a
        # held request would end as a hang-up rather than a timeout
        assert audit.wait(30)
        s.hold_after = None
        s.release()
        rng = np.random.default_rng(1)
        fired_at = None
        for step in range(1, 16):
            ids, texts = batch(0.0 if step < 5 else min(1.0, 0.15 * (step - 4)), rng)
            out = rw(completions=texts, rubric_id=ids, return_details=True)
            assert audit.wait(30)
            if audit.alarm and fired_at is None:
                fired_at = step
        assert fired_at is not None and fired_at >= 5, audit.figures()
        assert events and events[0]["reasons"] and events[0]["step"] >= 5  # never before the drift
        out = rw(completions=texts, rubric_id=ids, return_details=True)
        assert all(o["audit"]["alarm"] for o in out)
        figs = audit.figures()
        assert figs["audit/alarm"] == 1.0 and figs["audit/audited"] > 0 and figs["audit/reward_gap"] > 0.15
        assert audit.counters["judge_failed"] == 4 and audit.judge.counters["timeout"] == 4  # the held ones
        crit = audit.per_criterion()
        assert set(crit) >= {"The poem has three lines."} and all(0 <= v <= 1 for v in crit.values())
    # what the audit appended is what distill reads
    from rubricc.verifier.prepare import load_examples

    aud = tmp_path / "aud"
    ex = load_examples(aud / "rubrics.jsonl", aud / "responses.jsonl", aud / "judgments.jsonl")
    n_judgments = len((aud / "judgments.jsonl").read_text().splitlines())
    assert n_judgments == 3 * audit.counters["audited"]  # every rubric here has 3 neural criteria
    assert ex is not None


def test_no_alarm_without_drift_and_failures_are_counted():
    with ScriptedServer(responder=honest_judge) as s:
        rw, audit = make(Judge(s.url, "m"), per_step=4)
        rng = np.random.default_rng(2)
        for _ in range(12):
            ids, texts = batch(0.1, rng)
            rw(completions=texts, rubric_id=ids)
            assert audit.wait(30)
        assert not audit.alarm and not audit.events, audit.figures()
        assert audit.counters["audited"] == 48
    with ScriptedServer(responder=lambda body: {"status": 503}) as s:
        rw, audit = make(Judge(s.url, "m", retries=0), per_step=2)
        for _ in range(3):
            assert len(rw(completions=GOOD, rubric_id=["r1", "r1", "r2", "r2"])) == 4
        assert audit.wait(30)
        assert audit.counters["judge_failed"] == 6 and audit.counters["audited"] == 0
        assert audit.judge.counters["http"] == 6


@pytest.mark.slow
def test_refresh_init_from_continues_the_bundle(tmp_path):
    """`rubricc distill --init-from A` on old plus audited judgments starts from A's weights (with lr 0 they
    stay A's exactly, head included, where a fresh run has a random head), and RubricReward.reload swaps
    the new bundle in."""
    from safetensors.numpy import load_file

    from distill_fixtures import write_tiny_set
    from rubricc.audit import merge_sets
    from rubricc.errors import InputError
    from rubricc.verifier.distill import DistillConfig, distill

    old = write_tiny_set(tmp_path / "old", n_prompts=5, n_responses=3) if (tmp_path / "old").mkdir() is None else None
    rub = old["rubrics"].read_text().replace('"name": "word_count_max", "args": {"n": 40}',
                                             '"name": "word_count", "args": {"relation": "at most", "n": 40}')
    old["rubrics"].write_text(rub)
    new = tmp_path / "new"  # what an audit appends: a rubric again, a new response, its judgments
    new.mkdir()
    (new / "rubrics.jsonl").write_text(rub.splitlines()[0] + "\n")
    (new / "responses.jsonl").write_text(json.dumps({"prompt_id": "p0", "id": "audit-3-1", "text": "a violin"}) + "\n")
    (new / "judgments.jsonl").write_text("".join(json.dumps({"prompt_id": "p0", "response_id": "audit-3-1",
                                                             "criterion_id": f"c{k}", "verdict": False}) + "\n"
                                                 for k in range(3)))
    merged = merge_sets(tmp_path / "merged", tmp_path / "old", new)
    assert len(merged["responses"].read_text().splitlines()) == 16 and len(merged["rubrics"].read_text().splitlines()) == 5
    small = dict(max_prompt_len=12, max_context_len=40, max_criterion_len=12, token_budget=1024, threads=2,
                 progress=False, variants=("fp32",), check_variants=False, epochs=1, min_steps=2)
    a = tmp_path / "a"
    distill(old["rubrics"], old["responses"], old["judgments"], a, DistillConfig(seed=1, **small), log=lambda *x: None)
    b = tmp_path / "b"
    distill(merged["rubrics"], merged["responses"], merged["judgments"], b,
            DistillConfig(seed=2, lr=0.0, init_from=str(a), **small), log=lambda *x: None)
    wa, wb = (load_file(str(x / "torch" / "model.safetensors")) for x in (a, b))
    assert set(wa) == set(wb) and all(np.array_equal(wa[k], wb[k]) for k in wa)
    with pytest.raises(InputError, match="init-from"):
        distill(old["rubrics"], old["responses"], old["judgments"], tmp_path / "c",
                DistillConfig(init_from=str(tmp_path / "old"), **small), log=lambda *x: None)
    from rubricc import RubricReward

    rw = RubricReward(str(a), rubrics=str(old["rubrics"]), threads=1)
    rw(completions=["a violin"], rubric_id=["p0"])
    rw.reload(str(b))  # same weights, but b's own temperature (fitted on its validation split)
    fresh = RubricReward(str(b), rubrics=str(old["rubrics"]), threads=1)
    assert rw.verifier_dir == str(b) and rw.temperature == fresh.temperature
    assert rw(completions=["a violin"], rubric_id=["p0"]) == pytest.approx(fresh(completions=["a violin"],
                                                                                  rubric_id=["p0"]), abs=1e-6)
