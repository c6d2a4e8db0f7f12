"""verl and OpenRLHF adapters (signatures and values) and the `rubricc score` command."""
import inspect
import json

import pytest
from click.testing import CliRunner

from rubricc.formats import InputError
from test_runtime_support import RESPONSES, batch_tolerance, bundle_dir, sample_rubrics, write_rubrics


@pytest.fixture(scope="module")
def rubrics_file(tmp_path_factory):
    return write_rubrics(tmp_path_factory.mktemp("rub"))


@pytest.fixture(scope="module")
def reward(rubrics_file):
    from rubricc.integrations import get_reward

    return get_reward(bundle_dir(), rubrics_file, threads=1)


def test_verl_signatures():
    from rubricc import integrations

    params = list(inspect.signature(integrations.compute_score).parameters)
    assert params[:4] == ["data_source", "solution_str", "ground_truth", "extra_info"]
    assert inspect.signature(integrations.compute_score).parameters["extra_info"].default is None
    bparams = list(inspect.signature(integrations.compute_score_batch).parameters)
    assert bparams[:4] == ["data_sources", "solution_strs", "ground_truths", "extra_infos"]


def test_verl_values(reward, rubrics_file):
    from rubricc.integrations import compute_score, compute_score_batch, dumps_rubric

    rubs = {r.id: r for r in sample_rubrics()}
    kw = {"verifier": bundle_dir(), "rubrics": rubrics_file, "threads": 1}
    expect = reward.score_items([rubs["r1"], rubs["r2"], rubs["r3"]], [RESPONSES[0], RESPONSES[2], RESPONSES[2]])
    # rubric id as ground_truth (naive manager, one sample per call)
    one = compute_score("rubricc", RESPONSES[0], "r1", None, **kw)
    tol = batch_tolerance(reward)
    assert one["score"] == pytest.approx(expect[0]["reward"], abs=tol) and one["rubric_scored"] == 1
    # inline rubric in extra_info, JSON rubric in ground_truth, id in extra_info, undefined reward
    r2_no_prompt = {"criteria": [c.model_dump(mode="json") for c in rubs["r2"].criteria]}
    batch = compute_score_batch(
        data_sources=["a", "b", "c", "d"],
        solution_strs=[RESPONSES[2], RESPONSES[0], RESPONSES[2], RESPONSES[2]],
        ground_truths=[None, dumps_rubric(rubs["r1"]), "", None],
        extra_infos=[{"rubric": r2_no_prompt, "prompt": rubs["r2"].prompt}, None, {"rubric_id": "r2"},
                     {"rubric_id": "r3"}], **kw)
    assert [b["score"] for b in batch[:3]] == pytest.approx([expect[1]["reward"], expect[0]["reward"],
                                                             expect[1]["reward"]], abs=tol)
    # r3 holds one fault only: the reward is undefined, the logged mean is that fault's probability
    assert batch[3] == {"score": 0.0, "rubric_scored": 0,
                        "rubric_verdict_mean": pytest.approx(expect[2]["verdicts"]["bad"], abs=tol)}
    assert all(set(b) == {"score", "rubric_scored", "rubric_verdict_mean"} for b in batch)
    with pytest.raises(InputError, match="sample 0: ground_truth: rubric id 'zz'"):
        compute_score_batch(["a"], ["x"], ["zz"], None, **kw)


def test_dumps_rubric_takes_a_rubric_or_a_line_of_rubrics_jsonl(rubrics_file):
    from rubricc.formats import Rubric
    from rubricc.integrations import dumps_rubric

    with open(rubrics_file) as fh:
        line = json.loads(fh.readline())  # a dict, as a user reads rubrics.jsonl
    text = dumps_rubric(line)
    assert text == dumps_rubric(Rubric.model_validate(line))
    assert Rubric.model_validate_json(text).model_dump() == Rubric.model_validate(line).model_dump()
    bad = {**line, "criteria": [{**line["criteria"][0], "weight": 0}]}
    with pytest.raises(InputError, match=r"^dumps_rubric: .*\(at field criteria.0.weight\)"):
        dumps_rubric(bad)
    with pytest.raises(InputError, match="expected a Rubric or a dict, got str"):
        dumps_rubric(json.dumps(line))


def test_score_command_empty_responses(tmp_path, rubrics_file):
    from rubricc.cli import main

    resp = tmp_path / "responses.jsonl"
    resp.write_text("")
    out = tmp_path / "rewards.jsonl"
    args = ["score", "--verifier", bundle_dir(), "--rubrics", rubrics_file, "--responses", str(resp), "-o", str(out)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2 and res.output.strip() == (
        f"error: {resp}: no responses (the file is empty); --allow-empty accepts it and writes an empty output")
    assert not out.exists()
    res = CliRunner().invoke(main, args + ["--allow-empty"])
    assert res.exit_code == 0 and out.read_text() == ""
    assert res.output.strip() == f"scored 0 responses -> {out}"


def test_openrlhf_function(reward):
    from rubricc.integrations import openrlhf_rewards

    rubs = sample_rubrics()
    p = rubs[0].prompt_text
    # the query is prompt + response; a query not starting with the prompt is all response; r3: undefined
    out = openrlhf_rewards(reward, [p + RESPONSES[0], "unrelated " + RESPONSES[1], RESPONSES[2]], [p, p, None],
                           ["r1", "r1", "r3"])
    expect = reward.score_items([rubs[0], rubs[0], rubs[2]],
                                [RESPONSES[0], "unrelated " + RESPONSES[1], RESPONSES[2]])
    assert out["rewards"] == [expect[0]["reward"], expect[1]["reward"], 0.0] == out["scores"]
    assert out["extra_logs"]["rubric_scored"] == [1.0, 1.0, 0.0]
    means = [sum(float(v) for v in d["verdicts"].values()) / len(d["verdicts"]) for d in expect]
    assert out["extra_logs"]["rubric_verdict_mean"] == pytest.approx(means, abs=1e-12)


def test_score_command(tmp_path, rubrics_file):
    from rubricc.cli import main
    from rubricc.scoring import score

    resp = tmp_path / "responses.jsonl"
    rows = [{"prompt_id": "r1", "id": "a", "text": RESPONSES[0]}, {"prompt_id": "r2", "id": "b", "text": RESPONSES[2]},
            {"prompt_id": "r3", "id": "c", "text": RESPONSES[1]}]
    resp.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "rewards.jsonl"
    res = CliRunner().invoke(main, ["score", "--verifier", bundle_dir(), "--rubrics", rubrics_file, "--responses",
                                    str(resp), "-o", str(out), "--threads", "1"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(x["prompt_id"], x["response_id"]) for x in lines] == [("r1", "a"), ("r2", "b"), ("r3", "c")]
    rubs = {r.id: r for r in sample_rubrics()}
    for x in lines:
        rub = rubs[x["prompt_id"]]
        assert x["reward"] == score([c.weight for c in rub.criteria], [x["verdicts"][c.id] for c in rub.criteria])
    assert lines[0]["verdicts"]["c4"] is True and lines[2]["reward"] is None


def test_score_command_bad_input(tmp_path, rubrics_file):
    from rubricc.cli import main

    resp = tmp_path / "responses.jsonl"
    resp.write_text('{"prompt_id": "r1", "id": "a", "text": "x"}\n{"prompt_id": "nope", "id": "b", "text": "y"}\n')
    out = tmp_path / "rewards.jsonl"
    res = CliRunner().invoke(main, ["score", "--verifier", bundle_dir(), "--rubrics", rubrics_file, "--responses",
                                    str(resp), "-o", str(out)])
    assert res.exit_code == 2
    assert res.output.strip().splitlines()[-1].startswith("error: ") and ":2: prompt_id 'nope'" in res.output
    assert not out.exists()
    resp.write_text('{"prompt_id": "r1", "id": "a"}\n')
    res = CliRunner().invoke(main, ["score", "--verifier", bundle_dir(), "--rubrics", rubrics_file, "--responses",
                                    str(resp), "-o", str(out)])
    assert res.exit_code == 2 and ":1:" in res.output and "text" in res.output and not out.exists()
    res = CliRunner().invoke(main, ["score", "--verifier", str(tmp_path / "none"), "--rubrics", rubrics_file,
                                    "--responses", str(resp), "-o", str(out)])
    assert res.exit_code == 2 and "no such verifier folder" in res.output
