"""`rubricc perturb`: perturbed copies of responses for the judge to label; labelled through the scripted
server (relabelling the originals is free through the request cache), read by distill's loader (perturbed
responses known, left out of the guard's calibration and of the probes)."""
import json

import pytest
from click.testing import CliRunner

from scripted_server import ScriptedServer
from test_label import write_inputs
from rubricc.cli import main
from rubricc.formats import Response, read_judgments, read_responses
from rubricc.perturb import KINDS, is_perturbed, parse_kinds, perturb

LONG = "First point here. Second point follows! Third one ends it? A fourth closes the answer."


def responses(n=40, text=LONG):
    return [Response(prompt_id=f"p{i % 4}", id=f"r{i}", text=text) for i in range(n)]


def test_perturb_is_seeded_nested_and_marks_its_copies():
    base = responses()
    a, b = perturb(base, ("truncate", "shuffle"), 0.25, seed=3), perturb(base, ("truncate", "shuffle"), 0.25, seed=3)
    assert [r.model_dump() for r in a.responses] == [r.model_dump() for r in b.responses]
    assert 0 < a.selected < len(base)
    wider = perturb(base, ("truncate",), 0.6, seed=3)
    picked = {r.meta["of"] for r in a.responses}
    assert picked <= {r.meta["of"] for r in wider.responses}  # a larger share keeps the smaller one's picks
    assert perturb(base, ("truncate",), 0.0).responses == []
    assert len(perturb(base, ("truncate",), 1.0).responses) == len(base)
    for r in a.responses:
        kind = r.meta["perturbation"]
        assert is_perturbed(r) and r.id == f"{r.meta['of']}~{kind}"
        if kind == "truncate":
            assert r.text == "First point here."
        else:
            assert sorted(r.text.split()) == sorted(LONG.split()) and r.text != LONG


def test_unchanged_or_already_perturbed_responses_get_no_copy():
    one = [Response(prompt_id="p", id="a", text="Only one sentence here."),
           Response(prompt_id="p", id="b", text=""),
           Response(prompt_id="p", id="c~truncate", text=LONG, meta={"perturbation": "truncate", "of": "c"})]
    out = perturb(one, ("truncate", "shuffle"), 1.0)
    assert out.responses == []
    assert out.unchanged == {"truncate": 2, "shuffle": 2} and out.selected == 2


def test_kinds_are_checked():
    assert parse_kinds("truncate, shuffle,truncate") == ("truncate", "shuffle")
    with pytest.raises(ValueError, match="unknown perturbation off_topic"):
        parse_kinds("truncate,off_topic")
    assert set(KINDS) >= {"truncate", "shuffle"}


def run(args):
    return CliRunner().invoke(main, ["perturb", *args], catch_exceptions=False)


def test_cli_writes_originals_then_copies_and_bad_input_is_one_line(tmp_path):
    src = tmp_path / "r.jsonl"
    src.write_text("".join(json.dumps(r.model_dump()) + "\n" for r in responses(8)))
    out = tmp_path / "out.jsonl"
    r = run(["--responses", str(src), "-o", str(out), "--share", "1", "--kinds", "truncate"])
    assert r.exit_code == 0, r.output
    rows = read_responses(out)
    assert [x.id for x in rows[:8]] == [f"r{i}" for i in range(8)] and len(rows) == 16
    assert "wrote 8 perturbed responses of 8 picked" in r.output
    only = tmp_path / "only.jsonl"
    assert run(["--responses", str(src), "-o", str(only), "--share", "1", "--only-perturbed"]).exit_code == 0
    assert all(is_perturbed(x) for x in read_responses(only))

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"prompt_id": "p", "id": "a", "text": "x"}) + "\n{not json\n")
    target = tmp_path / "never.jsonl"
    r = run(["--responses", str(bad), "-o", str(target)])
    assert r.exit_code == 2 and r.output.strip().count("\n") == 0 and f"{bad}:2" in r.output
    assert not target.exists()
    dup = tmp_path / "dup.jsonl"
    dup.write_text(2 * (json.dumps({"prompt_id": "p", "id": "a", "text": "x"}) + "\n"))
    r = run(["--responses", str(dup), "-o", str(target)])
    assert r.exit_code == 2 and "dup.jsonl:2: duplicate response id 'a'" in r.output and not target.exists()
    r = run(["--responses", str(src), "-o", str(target), "--kinds", "empty"])
    assert r.exit_code == 2 and "unknown perturbation empty" in r.output and not target.exists()


def test_label_grades_the_copies_and_the_originals_come_from_the_cache(tmp_path):
    rp, sp = write_inputs(tmp_path, n_prompts=2, n_resp=3)
    rows = [json.loads(x) for x in sp.read_text().splitlines()]
    for x in rows:  # several sentences each, the first its own
        x["text"] = f"Answer {x['prompt_id']} {x['id']} opens here. " + LONG
    sp.write_text("".join(json.dumps(x) + "\n" for x in rows))
    out = tmp_path / "j.jsonl"
    both = tmp_path / "with_perturbed.jsonl"
    assert run(["--responses", str(sp), "-o", str(both), "--share", "1", "--kinds", "truncate"]).exit_code == 0
    with ScriptedServer() as s:
        args = ["label", "--rubrics", str(rp), "-o", str(out), "--llm-url", s.url, "--llm-model", "judge-m",
                "--no-progress"]
        assert CliRunner().invoke(main, args + ["--responses", str(sp)]).exit_code == 0
        first = len(s.requests)
        r = CliRunner().invoke(main, args + ["--responses", str(both)])
        assert r.exit_code == 0, r.output
        assert first == 6 and len(s.requests) - first == 6  # only the six copies were sent
        assert all("opens here." in b["messages"][0]["content"] and "First point" not in b["messages"][0]["content"]
                   for b in s.requests[first:])
    js = read_judgments(out)
    assert {j.response_id for j in js} == {f"r{i}" for i in range(3)} | {f"r{i}~truncate" for i in range(3)}

    from rubricc.verifier.prepare import load_examples
    v = load_examples(rp, both, out)
    assert v.perturbed == {(f"p{p}", f"r{i}~truncate") for p in range(2) for i in range(3)}
    assert any(e["response_id"].endswith("~truncate") and not e["program"] for e in v.examples)


def test_distill_trains_on_judged_copies_and_probes_only_originals(tmp_path):
    """prepare(): the copies' verdicts are training (or validation) rows like any other, counted in the log;
    the probes start from the original answers only."""
    from distill_fixtures import write_tiny_set
    from rubricc.bundle import default_backbone_path
    from rubricc.verifier.config import DistillConfig
    from rubricc.verifier.evaluate import probe_items
    from rubricc.verifier.prepare import prepare

    paths = write_tiny_set(tmp_path, n_prompts=6, n_responses=4)
    rows = [Response(**json.loads(x)) for x in paths["responses"].read_text().splitlines()]
    for r in rows:  # two sentences each, so truncation changes them
        r.text += " It ended well."
    copies = perturb(rows, ("truncate",), 1.0).responses
    assert len(copies) == len(rows)
    paths["responses"].write_text("".join(json.dumps(r.model_dump()) + "\n" for r in rows + copies))
    judged = [json.loads(x) for x in paths["judgments"].read_text().splitlines()]
    extra = [{**j, "response_id": j["response_id"] + "~truncate", "verdict": False, "p_yes": None}
             for j in judged if j["criterion_id"] != "len"]
    paths["judgments"].write_text("".join(json.dumps(x) + "\n" for x in judged + extra))
    logs = []
    prep = prepare(paths["rubrics"], paths["responses"], paths["judgments"], default_backbone_path(),
                   DistillConfig(max_prompt_len=16, max_context_len=48, max_criterion_len=24, val_fraction=0.34,
                                 invariance=False), logs.append)
    line = next(x for x in logs if "perturbed responses" in x)
    n_train = sum(e["response_id"].endswith("~truncate") and e["prompt_id"] in prep.train_prompts for e in prep.examples)
    assert line.startswith(f"distill: {n_train} training and {len(extra) - n_train} validation verdicts are on "
                           f"{len(copies)} perturbed responses")
    assert any(prep.examples[i]["response_id"].endswith("~truncate") for i in prep.train_idx)
    items = probe_items(prep)
    assert items and not any(it["response_id"].endswith("~truncate") for it in items)
