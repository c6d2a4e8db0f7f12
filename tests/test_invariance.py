"""Invariance examples (rubricc.verifier.invariance): which criteria they apply to, the label each rule
gives, that only training examples are used, and the hook in `rubricc distill`'s prepare step."""
import json

import pytest

from rubricc.verifier.invariance import RULES, invariance_examples, is_task_criterion

TASK = "Does the response properly address the specific request about the budget?"


def test_task_criteria():
    assert is_task_criterion(TASK, "anything")
    assert is_task_criterion("Does the user correctly interpret the mathematical problem?", "Solve 2x=4.")
    # restates the prompt's task without naming it
    assert is_task_criterion("Explains why the moon shows phases to children",
                             "Explain to children why the moon shows phases")
    # surface form, negation, quotes, and criteria about nothing in particular are never used
    assert not is_task_criterion("The response answers the question in fewer than 50 words.", "q")
    assert not is_task_criterion("The response is concise and answers the question.", "q")
    assert not is_task_criterion("The response does not ask the user for more details.", "q")
    assert not is_task_criterion('The answer to the question includes "banana".', "q")
    assert not is_task_criterion("The response mentions violin.", "Write a story.")
    assert not is_task_criterion("The tone is friendly and warm.", "Write a story.")


def make_set(n_prompts=6):
    topics = ["budget planning spreadsheet", "volcano eruption geology", "sonnet about autumn leaves",
              "python sorting algorithm", "medieval castle history", "marathon training schedule"]
    examples, prompts, responses = [], {}, {}
    for p in range(n_prompts):
        pid = f"p{p}"
        prompts[pid] = f"Please help me with {topics[p]}."
        for r in range(3):
            responses[(pid, f"r{r}")] = f"Answer {r} about {topics[p]}. It has detail."
            examples.append({"prompt_id": pid, "response_id": f"r{r}", "criterion_id": "task", "text": TASK,
                             "weight": 1, "label": [0.0, 0.4, 1.0][r], "program": False})
            examples.append({"prompt_id": pid, "response_id": f"r{r}", "criterion_id": "len",
                             "text": "The response has at most 40 words.", "weight": 1, "label": 1.0,
                             "program": False})
    return examples, prompts, responses


def test_rules_and_labels():
    examples, prompts, responses = make_set()
    train = [i for i, e in enumerate(examples) if e["prompt_id"] != "p5"]
    new, texts = invariance_examples(examples, prompts, responses, train, seed=0)
    assert new and {e["invariance"] for e in new} == set(RULES)
    for e in new:
        assert e["criterion_id"] == "task" and e["prompt_id"] != "p5"  # no surface criterion, no held-out prompt
        rid, rule = e["response_id"].split("~")
        orig = next(x for x in examples if x["prompt_id"] == e["prompt_id"] and x["response_id"] == rid
                    and x["criterion_id"] == "task")
        text = texts[(e["prompt_id"], e["response_id"])]
        if rule == "off_topic":
            assert e["label"] == 0.0 and text in responses.values()
            assert text not in [responses[(e["prompt_id"], f"r{k}")] for k in range(3)]
            assert text not in [responses[("p5", f"r{k}")] for k in range(3)]
        elif rule == "echo":
            assert e["label"] == orig["label"] and text.endswith(TASK)
        elif rule == "filler":
            assert e["label"] == orig["label"] < 0.5 and len(text.split()) > 900
        else:
            assert rule == "empty" and text == "" and e["label"] == 0.0
    again = invariance_examples(examples, prompts, responses, train, seed=0)
    assert again == (new, texts)


def test_no_task_criteria_no_examples():
    examples, prompts, responses = make_set()
    plain = [e for e in examples if e["criterion_id"] == "len"]
    assert invariance_examples(plain, prompts, responses, list(range(len(plain))), seed=0) == ([], {})


def test_prepare_hook(tmp_path):
    pytest.importorskip("tokenizers")
    from rubricc.verifier.config import DistillConfig
    from rubricc.verifier.model import default_backbone_path
    from rubricc.verifier.prepare import prepare

    examples, prompts, responses = make_set()
    rubrics = [{"id": p, "prompt": t, "criteria": [{"id": "task", "text": TASK, "weight": 1, "check": {"kind": "neural"}}]}
               for p, t in prompts.items()]
    resp = [{"prompt_id": p, "id": r, "text": t} for (p, r), t in responses.items()]
    judg = [{"prompt_id": e["prompt_id"], "response_id": e["response_id"], "criterion_id": "task",
             "verdict": e["label"] >= 0.5, "p_yes": e["label"], "judge": "t"} for e in examples if e["criterion_id"] == "task"]
    paths = {}
    for name, rows in (("rubrics", rubrics), ("responses", resp), ("judgments", judg)):
        paths[name] = tmp_path / f"{name}.jsonl"
        paths[name].write_text("".join(json.dumps(x) + "\n" for x in rows))
    logs = []
    kw = dict(max_prompt_len=16, max_context_len=48, max_criterion_len=24, val_fraction=0.34)
    on = prepare(paths["rubrics"], paths["responses"], paths["judgments"], default_backbone_path(),
                 DistillConfig(**kw), logs.append)
    off = prepare(paths["rubrics"], paths["responses"], paths["judgments"], default_backbone_path(),
                  DistillConfig(invariance=False, **kw), logs.append)
    assert on.invariance_idx and not off.invariance_idx
    new_responses = {(on.examples[i]["prompt_id"], on.examples[i]["response_id"]) for i in on.invariance_idx}
    assert len(on.train_rows) == len(off.train_rows) + len(new_responses)  # fused: one row per response
    assert on.train_idx == off.train_idx and on.val_prompts == off.val_prompts
    assert [r.keys for r in on.val_rows] == [r.keys for r in off.val_rows]
    assert all(on.examples[i]["prompt_id"] in on.train_prompts for i in on.invariance_idx)
    assert any("invariance verdicts" in line for line in logs)
