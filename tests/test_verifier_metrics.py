"""Verifier metrics on hand-computed cases."""

import numpy as np
import pytest

from rubricc.verifier.metrics import (classification, ece, evaluate, fit_temperature, format_table,
                                      spearman_within_groups, tail_mask, tail_pairwise_accuracy, text_prior)


def test_classification_by_hand():
    # labels 1,1,0,0 (soft 0.9 -> 1, 0.2 -> 0); preds 0.8, 0.4, 0.3, 0.6
    m = classification([0.8, 0.4, 0.3, 0.6], [1.0, 0.9, 0.0, 0.2])
    assert m["accuracy"] == pytest.approx(0.5)
    # class 1: tp=1 fp=1 fn=1 -> F1 0.5; class 0: tp=1 fp=1 fn=1 -> 0.5
    assert m["macro_f1"] == pytest.approx(0.5)
    # AUROC: positive scores {0.8, 0.4} vs negatives {0.3, 0.6}: pairs won 0.8>0.3, 0.8>0.6, 0.4>0.3 -> 3/4
    assert m["auroc"] == pytest.approx(0.75)


def test_one_class_gives_none_not_crash():
    m = classification([0.2, 0.9], [1.0, 1.0])
    assert m["auroc"] is None and m["accuracy"] == 0.5
    assert classification([], [])["auroc"] is None


def test_ece_by_hand():
    # bin 0.8-0.9: p 0.8, 0.8 labels 1, 0 -> |0.8-0.5| * 2/4 ; bin 0.1: p 0.1, 0.1 labels 0, 0 -> 0.1 * 2/4
    assert ece([0.8, 0.8, 0.1, 0.1], [1, 0, 0, 0]) == pytest.approx(0.3 * 0.5 + 0.1 * 0.5)


def test_temperature_recovers_scale():
    rng = np.random.default_rng(0)
    z = rng.normal(0, 3, 20000)
    y = (rng.random(z.size) < 1 / (1 + np.exp(-z))).astype(float)
    assert fit_temperature(z * 2.5, y) == pytest.approx(2.5, rel=0.1)
    assert fit_temperature([1.0, 1.0], [0, 1]) == 1.0


def test_spearman_and_tail():
    judge = [[0.1, 0.5, 0.9, 0.7, 0.3]]
    assert spearman_within_groups(judge, [[1, 3, 5, 4, 2]]) == pytest.approx(1.0)
    assert spearman_within_groups(judge, [[1, 2, 5, 4, 3]]) == pytest.approx(0.9)  # d^2 = 2: 1 - 6*2/120
    assert spearman_within_groups(judge, [[0.5] * 5]) == 0.0  # a constant predicts nothing
    assert spearman_within_groups([[0.5, 0.5]], [[0, 1]]) is None  # judge ties everything: undefined
    # top 40% of 5 = 2 responses (0.9, 0.7): one pair; right if pred keeps their order
    assert tail_pairwise_accuracy(judge, [[0, 0, 2, 1, 0]]) == 1.0
    assert tail_pairwise_accuracy(judge, [[0, 0, 1, 2, 0]]) == 0.0
    assert tail_pairwise_accuracy(judge, [[0, 0, 1, 1, 9]]) == 0.5  # tie counts half
    # 10 responses -> top 4 -> 6 pairs; swapping the top two loses one pair
    j = [list(range(10))]
    p = [[0, 1, 2, 3, 4, 5, 6, 7, 9, 8]]
    assert tail_pairwise_accuracy(j, p) == pytest.approx(5 / 6)
    assert tail_mask([0.1, 0.9, 0.5, 0.7, 0.3]).tolist() == [False, True, False, True, False]


def test_evaluate_and_baseline():
    prior = text_prior(["a", "a", "b"], [1.0, 0.0, 1.0])
    assert prior(["a", "b", "c"]).tolist() == pytest.approx([0.5, 1.0, 2 / 3])
    recs = []
    for r, verdicts in enumerate([(1, 1), (1, 0), (0, 0)]):
        for c, v in enumerate(verdicts):
            recs.append({"prompt_id": "p", "response_id": f"r{r}", "weight": c + 1, "label": float(v)})
    # one fixed (program) criterion, same on both sides
    recs.append({"prompt_id": "p", "response_id": "r0", "weight": 1, "label": 1.0, "fixed": True})
    probs = [0.9, 0.8, 0.7, 0.2, 0.1, 0.3, None]
    base = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, None]
    m = evaluate(recs, probs, base)
    assert m["criterion"]["verifier"]["n"] == 6 and m["criterion"]["verifier"]["accuracy"] == 1.0
    assert m["reward"]["verifier"]["spearman_within_prompt"] == pytest.approx(1.0)
    assert m["reward"]["baseline"]["spearman_within_prompt"] is not None
    assert "criterion AUROC" in format_table(m)


def test_table_shows_each_figure_with_its_sample():
    recs, probs, base = [], [], []
    for r, verdicts in enumerate([(1, 1), (1, 0), (0, 0)]):
        for c, v in enumerate(verdicts):
            recs.append({"prompt_id": "p", "response_id": f"r{r}", "weight": c + 1, "label": float(v)})
            probs.append(0.2 + 0.3 * v)
            base.append(0.5)
    m = evaluate(recs, probs, base)
    # judge rewards 1, 1/3, 0: one ranking group; top ceil(0.4 * 3) = 2 -> one untied pair
    assert m["reward"]["verifier"]["spearman_groups"] == 1 and m["reward"]["verifier"]["tail_pairs"] == 1
    table = format_table(m)
    assert "6 verdicts (3 yes)" in table and "1 prompt" in table and "1 pair" in table


def test_diagnose_constant_labels_and_small_validation():
    from rubricc.verifier.diagnose import label_signal, warning_lines

    ex = [{"prompt_id": "p", "response_id": f"r{r}", "criterion_id": c, "label": y}
          for r in range(3) for c, y in (("c1", 0.9), ("c2", 0.1 if r else 0.7))]
    both = label_signal(ex, range(len(ex)))
    assert both == {"criteria": 2, "constant_criteria": 1, "verdicts": 6, "yes_rate": pytest.approx(4 / 6)}
    c1 = label_signal(ex, [i for i, e in enumerate(ex) if e["criterion_id"] == "c1"])
    assert c1["constant_criteria"] == 1 and c1["yes_rate"] == 1.0
    big = {"split": "validation", "prompts": 5, "responses": 40, "verdicts": 100}
    assert warning_lines({"criteria": 10, "constant_criteria": 4, "verdicts": 400, "yes_rate": 0.5}, big) == []
    [half] = warning_lines({"criteria": 10, "constant_criteria": 5, "verdicts": 400, "yes_rate": 0.5}, big)
    assert half.startswith("5 of 10 criteria got the same verdict")
    [none] = warning_lines({"criteria": 10, "constant_criteria": 10, "verdicts": 400, "yes_rate": 0.5}, big)
    assert "carry no signal" in none
    [small] = warning_lines({"criteria": 10, "constant_criteria": 0, "verdicts": 400, "yes_rate": 0.5},
                            dict(big, verdicts=99))
    assert small.startswith("validation holds 5 prompts and 99 verdicts: too few")
    [train] = warning_lines({"criteria": 0, "constant_criteria": 0, "verdicts": 3, "yes_rate": 0.5},
                            dict(big, split="train"))
    assert train.startswith("no validation split")
