"""Escalation of uncertain verdicts to a judge (rubricc.escalation, rubricc.judge) against the scripted
OpenAI-compatible server: the judge's verdict replaces the verifier's; timeouts, 5xx, garbage answers, an
unreachable endpoint, a missed deadline and an exhausted budget keep the verifier's verdict, the reward is
still returned and counters say why."""
import json
import pickle
import re
import socket
import threading
import time

import numpy as np
import pytest

pytest.importorskip("openai", reason="the judge needs the llm extra (openai)")

from scripted_server import ScriptedServer  # noqa: E402
from test_runtime_support import RESPONSES, bundle_dir, sample_rubrics  # noqa: E402

from rubricc.escalation import DistanceIndex, Policy, rank_candidates, token_features, write_policy  # noqa: E402
from rubricc.judge import Judge, classify_failure  # noqa: E402
from rubricc.scoring import score  # noqa: E402

IDS = ["r1", "r1", "r2", "r2", "r1"]
TEXTS = [RESPONSES[0], RESPONSES[1], RESPONSES[2], RESPONSES[3], RESPONSES[4]]


def grade_ids(body):
    first = (body.get("messages") or [{}])[0].get("content", "")
    rub = first.split("RUBRIC:", 1)[1].split("RESPONSE:", 1)[0]
    return re.findall(r"^- (\S+):", rub, flags=re.M)


def says(answer):
    """A judge answering ``answer`` ("yes"/"no") to every criterion it is asked about."""
    return lambda body: {"content": json.dumps({i: answer for i in grade_ids(body)})}


def reward(judge=None, policy=None, **kw):
    from rubricc import RubricReward

    j = None if judge is None else {"judge": judge, "policy": policy or Policy(low=0.0, high=1.0, max_share=1.0)}
    return RubricReward(bundle_dir(), rubrics=sample_rubrics(), threads=1, judge=j, **kw)


def run(rw):
    return rw(completions=TEXTS, rubric_id=IDS, return_details=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_judge_verdicts_replace_the_verifiers():
    base = run(reward())
    rubs = {r.id: r for r in sample_rubrics()}
    with ScriptedServer(responder=says("no")) as s:
        rw = reward(Judge(s.url, "m", timeout=10))
        out = run(rw)
        for o, b, rid in zip(out, base, IDS):
            rub = rubs[rid]
            neural = [c.id for c in rub.criteria if c.check.kind == "neural"]
            assert sorted(o["escalated"]) == sorted(neural)  # everything is in the band [0, 1], share 1.0
            for cid in neural:
                assert o["verdicts"][cid] is False and o["escalated"][cid]["judge"] is False
                assert o["escalated"][cid]["reason"] == "band"
                assert o["escalated"][cid]["verifier"] == pytest.approx(b["verdicts"][cid], abs=1e-6)
            assert o["reward"] == score([c.weight for c in rub.criteria], [o["verdicts"][c.id] for c in rub.criteria])
        assert len(s.requests) == len(TEXTS)  # one request per response, all its escalated criteria
        assert rw.escalator.counters["replaced"] == rw.escalator.counters["escalated"] == 15
        assert rw.escalator.judge.counters["ok"] == len(TEXTS)
        # the answers are cached: the same call again sends nothing
        run(rw)
        assert len(s.requests) == len(TEXTS)
        rw.escalator.judge.close()


def test_budget_takes_the_most_uncertain_first_and_carries_the_rest():
    p = np.array([0.5, 0.9, 0.45, 0.7, 0.1, 0.52])
    ranked = rank_candidates(p, np.zeros(6), Policy(low=0.2, high=0.8))
    assert [k for _, k, _ in ranked] == [0, 5, 2, 3]
    with ScriptedServer(responder=says("yes")) as s:
        rw = reward(Judge(s.url, "m"), Policy(low=0.0, high=1.0, max_share=0.1))
        first = run(rw)  # 15 neural verdicts: 1.5 -> one escalated, 0.5 carried
        c = rw.escalator.counters
        assert c["escalated"] == 1 and c["over_budget"] == 14 and sum(len(o["escalated"]) for o in first) == 1
        run(rw)  # 1.5 + 0.5 = 2.0 -> two
        run(rw)  # 1.5 -> one, 0.5 carried
        run(rw)  # 2.0 -> two
        assert c["escalated"] == 6 and c["verdicts"] == 60
        # the chosen verdict is the one closest to 0.5
        base = run(reward())
        probs = [(abs(v - 0.5), rid, cid) for o, rid in zip(base, IDS) for cid, v in o["verdicts"].items()
                 if isinstance(v, float)]
        row = [i for i, o in enumerate(first) if o["escalated"]][0]
        (cid,) = first[row]["escalated"]
        assert abs(base[row]["verdicts"][cid] - 0.5) == pytest.approx(min(probs)[0])
        rw.escalator.judge.close()


@pytest.mark.parametrize("case", ["timeout", "5xx", "garbage", "unreachable", "deadline"])
def test_a_failing_judge_never_fails_the_reward(case):
    base = run(reward())
    replies = {"timeout": {"content": "{}", "delay": 1.5}, "5xx": {"status": 500},
               "garbage": {"content": "I am not sure what you mean."}, "deadline": {"content": "{}", "delay": 3}}
    with ScriptedServer(responder=lambda body: dict(replies.get(case, {}))) as s:
        url = f"http://127.0.0.1:{free_port()}/v1" if case == "unreachable" else s.url
        judge = Judge(url, "m", timeout=0.5 if case == "timeout" else 20, retries=1)
        policy = Policy(low=0.0, high=1.0, max_share=1.0, max_seconds=0.7 if case == "deadline" else 30)
        rw = reward(judge, policy)
        t0 = time.time()
        out = run(rw)
        took = time.time() - t0
        assert [o["reward"] for o in out] == pytest.approx([b["reward"] for b in base], abs=1e-6, nan_ok=True)
        assert [o["verdicts"] for o in out] == base_verdicts(base)
        want = {"timeout": "timeout", "5xx": "http", "garbage": "invalid", "unreachable": "error", "deadline": "late"}[case]
        assert judge.counters[want] == len(TEXTS) and judge.counters["ok"] == 0
        assert rw.escalator.counters["judge_failed"] == 15 and rw.escalator.counters["replaced"] == 0
        assert all(e["failure"] == want and e["judge"] is None for o in out for e in o["escalated"].values())
        if case == "deadline":
            assert took < 2.5  # waited max_seconds, not the judge
        judge.close()


def base_verdicts(base):
    return [{k: (pytest.approx(v, abs=1e-6) if isinstance(v, float) else v) for k, v in b["verdicts"].items()}
            for b in base]


def test_failure_classes():
    assert classify_failure(["grade x: http://h/v1: 2 attempts failed: Request timed out."]) == "timeout"
    assert classify_failure(["grade x: http://h/v1: 2 attempts failed: Error code: 503"]) == "http"
    assert classify_failure(["grade x: not yes/no: c1"]) == "invalid"


def test_distance_rule_and_bundle_policy(tmp_path):
    """A response far from every training response is escalated for its distance; one seen in training
    is not. The policy written into verifier.json is the one a RubricReward takes."""
    import shutil

    tok = reward().tokenizer
    enc = lambda texts: [e.ids for e in tok.encode_batch(list(texts), add_special_tokens=False)]  # noqa: E731
    feats = token_features(enc(["the cat sat on the mat", "the cat sat on the mat", ""]))
    assert feats[0] @ feats[1] == pytest.approx(1.0) and not feats[2].any()
    b = tmp_path / "b"
    shutil.copytree(bundle_dir(), b)
    DistanceIndex.build(enc([RESPONSES[0], RESPONSES[2]])).save(b)
    write_policy(b, {"low": 0.9, "high": 0.9, "distance": 0.5, "max_share": 1.0, "max_seconds": 10,
                     "note": "ignored field"})
    from rubricc import RubricReward

    with ScriptedServer(responder=says("yes")) as s:
        rw = RubricReward(str(b), rubrics=sample_rubrics(), threads=1, judge=Judge(s.url, "m"))
        assert rw.escalator.policy == Policy(low=0.9, high=0.9, distance=0.5, max_share=1.0, max_seconds=10)
        d = rw.escalator.index.distance(enc([RESPONSES[0], RESPONSES[1]]))
        assert d[0] == pytest.approx(0.0, abs=1e-3) and d[1] > 0.5
        out = rw(completions=[RESPONSES[0], RESPONSES[1]], rubric_id=["r1", "r1"], return_details=True)
        assert out[0]["escalated"] == {}
        assert {e["reason"] for e in out[1]["escalated"].values()} == {"distance"}
        assert all(v is True for k, v in out[1]["verdicts"].items())
        rw.escalator.judge.close()


def test_pickles_and_reloads_without_dropping_a_call():
    with ScriptedServer(responder=says("yes")) as s:
        rw = reward(Judge(s.url, "m"))
        first = run(rw)
        clone = pickle.loads(pickle.dumps(rw))
        assert clone.escalator.judge.counters == {}
        assert [o["reward"] for o in run(clone)] == pytest.approx([o["reward"] for o in first])
        assert clone.escalator.judge.counters["ok"] == len(TEXTS)
        results, errors = [], []

        def worker():
            try:
                for _ in range(3):
                    results.append(run(rw))
            except Exception as e:  # pragma: no cover - the assertion below reports it
                errors.append(e)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for t in threads:
            t.start()
        for _ in range(2):
            rw.reload(bundle_dir())
        for t in threads:
            t.join()
        assert not errors and len(results) == 6
        assert all(len(r) == len(TEXTS) for r in results)
        rw.escalator.judge.close()
        clone.escalator.judge.close()


def test_figures_reach_verl_openrlhf_and_a_trl_run(tmp_path):
    """verl's dicts and OpenRLHF's extra_logs carry the per-sample escalation / audit numbers; a real TRL
    GRPO run (2 CPU steps) with escalation and audit on logs rubric/escalation/... and rubric/audit/...
    through its callbacks (what W&B / TensorBoard receive)."""
    from rubricc.audit import Audit
    from rubricc.integrations import _verl_result, openrlhf_payload

    with ScriptedServer(responder=says("no")) as s:
        rw = reward(Judge(s.url, "m"))
        out = run(rw)
        pay = openrlhf_payload(out)
        assert pay["extra_logs"]["rubric_escalated"] == [3.0, 3.0, 3.0, 3.0, 3.0]
        assert pay["extra_logs"]["rubric_judge_replaced"] == [3.0] * 5
        assert _verl_result(out[0])["rubric_escalated"] == 3.0
        assert "rubric_escalated" not in openrlhf_payload(run(reward()))["extra_logs"]  # off: unchanged
        rw.escalator.judge.close()

        pytest.importorskip("trl")
        from rubricc import RubricReward
        from test_trl import train_with_rubric_logs

        rubs = sample_rubrics()[:2]
        rw = RubricReward(bundle_dir(), rubrics=rubs, threads=1, judge={"judge": Judge(s.url, "m"), "policy": {
            "low": 0.0, "high": 1.0, "max_share": 0.5}}, audit=Audit(Judge(s.url, "m"), per_step=2))
        trainer, logged = train_with_rubric_logs(rw, rubs, tmp_path, audit_wait=30)
        assert logged and logged[-1]["rubric/escalation/escalated"] > 0
        assert "rubric/audit/alarm" in logged[-1] and rw.audit.counters["audited"] > 0
        assert rw.audit.step == trainer.state.global_step - 1 or rw.audit.step == trainer.state.global_step
        rw.escalator.judge.close()
        rw.audit.judge.close()


def test_score_command_escalates(tmp_path):
    from click.testing import CliRunner

    from rubricc.cli import main

    rubs = tmp_path / "rubrics.jsonl"
    rubs.write_text("".join(json.dumps(r.model_dump(mode="json")) + "\n" for r in sample_rubrics()))
    resp = tmp_path / "responses.jsonl"
    resp.write_text("".join(json.dumps({"prompt_id": p, "id": f"x{k}", "text": t}) + "\n"
                            for k, (p, t) in enumerate(zip(IDS, TEXTS))))
    b = tmp_path / "b"
    import shutil

    shutil.copytree(bundle_dir(), b)
    write_policy(b, {"low": 0.0, "high": 1.0, "max_share": 1.0})
    with ScriptedServer(responder=says("no")) as s:
        args = ["score", "--verifier", str(b), "--rubrics", str(rubs), "--responses", str(resp), "-o",
                str(tmp_path / "out.jsonl"), "--threads", "1", "--backend", "onnx", "--judge-url", s.url,
                "--judge-model", "m", "--judge-cache", str(tmp_path / "judge.sqlite")]
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 0, r.output
        assert "escalated 15" in r.output and "replaced 15" in r.output
        rows = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
        assert all(v is False for row in rows for k, v in row["verdicts"].items() if k != "c4")
        assert (tmp_path / "judge.sqlite").exists() and len(s.requests) == 5
        r = CliRunner().invoke(main, args[:-6] + ["--judge-model", "m"])
        assert r.exit_code == 2 and "--judge-model needs --judge-url" in r.output
