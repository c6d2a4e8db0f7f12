"""`rubricc calibrate`: replaying escalation bands on held-out judgments, the pick on one split reported
on the other, and the policy written into the bundle that RubricReward then uses."""
import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from distill_fixtures import write_tiny_set
from test_runtime_support import bundle_dir

from rubricc.calibrate import Verdicts, band_mask, calibrate_verdicts, figures, share_mask, share_needed


def synthetic(n_prompts=40, per=6, seed=0):
    """Verdicts whose errors sit near 0.5: a verdict is wrong with probability 1 - |2p - 1|."""
    rng = np.random.default_rng(seed)
    p, label, group, resp, split = [], [], [], [], []
    for g in range(n_prompts):
        for r in range(per):
            for c in range(3):
                q = rng.uniform()
                wrong = rng.uniform() < (1 - abs(2 * q - 1)) * 0.8
                p.append(q)
                label.append(float((q >= 0.5) != wrong))
                group.append(f"g{g}")
                resp.append(g * per + r)
                split.append(g % 2)
    return Verdicts(np.asarray(p), np.asarray(label), np.ones(len(p), np.int64), group, np.asarray(resp),
                    np.asarray(split))


def test_curve_pick_and_report():
    v = synthetic()
    cal = calibrate_verdicts(v, target=0.9)
    shares = [row["pick"]["share"] for row in cal.curve]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0
    assert cal.curve[-1]["pick"]["agreement"] == 1.0 and cal.curve[-1]["report"]["tail_acc"] == 1.0
    assert cal.curve[0]["pick"]["agreement"] < 0.9  # the verifier alone does not reach the target
    # the pick is the smallest band reaching the target on the pick split; the report is the other split's
    k = next(i for i, row in enumerate(cal.curve) if row["pick"]["agreement"] >= 0.9)
    assert cal.picked is cal.curve[k]["pick"] and cal.reported is cal.curve[k]["report"]
    assert k == 0 or cal.curve[k - 1]["pick"]["agreement"] < 0.9
    assert (cal.policy.low, cal.policy.high) == (cal.curve[k]["low"], cal.curve[k]["high"])
    esc = band_mask(v.p, cal.curve[k]["margin"])
    assert figures(v, v.split == 1, esc) == cal.reported
    assert cal.policy.max_share >= cal.picked["share"]
    need = share_needed(cal, 0.95)
    assert need is not None and need >= share_needed(cal, 0.9)
    # a budget escalates the most uncertain verdicts first: more agreement than the verifier alone
    b = cal.distance["budgets"]["0.1"]["report"]
    assert b["share"] == pytest.approx(0.1, abs=0.01) and b["agreement"] > cal.curve[0]["report"]["agreement"]
    m = share_mask(v, v.split == 0, 0.1)
    assert np.abs(v.p[m] - 0.5).max() <= np.abs(v.p[(v.split == 0) & ~m] - 0.5).min()


def test_distance_rule_is_picked_with_the_band_when_it_pays():
    """Responses far from the training data are wrong however confident the verifier is: the band alone
    needs a large share, the band plus the distance rule a smaller one; picked on one split, reported on
    the other. Without such responses, no distance rule is picked."""
    from rubricc.calibrate import distance_thresholds

    v = synthetic(seed=1)
    n_resp = int(v.response.max()) + 1
    rng = np.random.default_rng(2)
    far_resp = rng.uniform(size=n_resp) < 0.1
    dist_resp = np.where(far_resp, rng.uniform(0.8, 1.0, n_resp), rng.uniform(0.0, 0.6, n_resp))
    v.distance = dist_resp[v.response]
    far = far_resp[v.response]
    v.label[far] = (v.p[far] < 0.5).astype(float)  # confidently wrong on the far responses
    band_only = calibrate_verdicts(Verdicts(v.p, v.label, v.weight, v.group, v.response, v.split), target=0.9)
    cal = calibrate_verdicts(v, target=0.9)
    assert band_only.policy.distance is None and cal.policy.distance is not None
    assert cal.policy.distance in distance_thresholds(v) and cal.policy.distance > 0.6
    assert cal.picked["agreement"] >= 0.9 and cal.picked["share"] < band_only.picked["share"]
    esc = band_mask(v.p, 0.5 - cal.policy.low) | (v.distance >= cal.policy.distance)
    assert figures(v, v.split == 1, esc) == cal.reported and cal.reported["agreement"] > 0.85
    v.label = synthetic(seed=1).label  # the far responses are no worse than the others
    assert calibrate_verdicts(v, target=0.9).policy.distance is None


def test_unreachable_target_takes_everything():
    v = synthetic()
    v.label[:] = 1 - v.label  # the verifier is mostly wrong
    cal = calibrate_verdicts(v, target=1.0)
    assert cal.picked["agreement"] == 1.0 and cal.picked["share"] == 1.0  # only the whole band reaches it
    v.split[:] = 0
    with pytest.raises(Exception, match="report split has no judged neural verdict"):
        calibrate_verdicts(v)


def test_cli_writes_the_policy_the_reward_reads(tmp_path):
    from rubricc.cli import main
    from rubricc.escalation import INDEX_FILE

    paths = write_tiny_set(tmp_path, n_prompts=12, n_responses=5)
    rub = paths["rubrics"].read_text().replace('"name": "word_count_max", "args": {"n": 40}',
                                               '"name": "word_count", "args": {"relation": "at most", "n": 40}')
    paths["rubrics"].write_text(rub)
    b = tmp_path / "b"
    shutil.copytree(bundle_dir(), b)
    args = ["calibrate", "--verifier", str(b), "--rubrics", str(paths["rubrics"]), "--responses",
            str(paths["responses"]), "--judgments", str(paths["judgments"]), "--target", "0.95", "--threads", "1",
            "--train-responses", str(paths["responses"]), "--json", str(tmp_path / "curve.json")]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert "picked band" in r.output and "share needed for 0.95" in r.output
    cfg = json.loads((b / "verifier.json").read_text())
    esc = cfg["escalation"]
    assert esc["picked_on"]["agreement"] >= 0.95 and 0 <= esc["low"] <= 0.5 <= esc["high"] <= 1
    assert esc["counts"]["pick"] + esc["counts"]["report"] == 12 * 5 * 3  # the judged neural verdicts
    assert (b / INDEX_FILE).exists()
    curve = json.loads((tmp_path / "curve.json").read_text())
    assert 2 <= len(curve["curve"]) <= 52 and curve["curve"][0]["margin"] == 0.0 and curve["curve"][-1]["margin"] == 0.5
    from rubricc.escalation import Escalator, Policy

    pytest.importorskip("openai")
    from rubricc.judge import Judge

    esc_obj = Escalator(Judge("http://127.0.0.1:9/v1", "m")).bind(b, cfg)
    assert esc_obj.policy == Policy(low=esc["low"], high=esc["high"], max_share=esc["max_share"],
                                    max_seconds=esc["max_seconds"])
    assert esc_obj.index is not None
    # bad input is one line
    bad = tmp_path / "j.jsonl"
    bad.write_text('{"prompt_id": "nope", "response_id": "x", "criterion_id": "c0", "verdict": true}\n')
    r = CliRunner().invoke(main, args[:7] + ["--judgments", str(bad)])
    assert r.exit_code == 2 and "no judgment matches" in r.output
