"""bench/perturb_labels.py's inputs on real IFEval data: the judge of the copies (program checks lowered from
the official wording) agrees with every official strict verdict, copies are made from training prompts
only, and each copy gets one verdict per instruction of its prompt."""
import json
import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from bench.fidelity import parser  # noqa: E402
from bench.ifeval_checks import data_dir  # noqa: E402


def test_build_labels_copies_of_training_prompts_with_the_checker(tmp_path):
    d = data_dir()
    if not (d / "ifeval" / "input_data.jsonl").exists():
        pytest.skip(f"shared data absent: {d / 'ifeval'}")
    from bench.perturb_labels import build
    from rubricc.verifier.prepare import load_examples, split_prompts

    ap = parser("x\n\ny", "ifeval", "fused")
    ap.add_argument("--kinds", default="truncate,shuffle")
    ap.add_argument("--share", type=float, default=0.5)
    args = ap.parse_args(["--data-dir", str(d)])
    built = build(d, tmp_path, args)
    assert built["judge_agreement"] == 1.0
    assert built["copies"]["truncate"] > 100 and built["copies"]["shuffle"] > 100
    v = load_examples(*(built["perturbed"][k] for k in ("rubrics", "responses", "judgments")))
    train, _ = split_prompts([e["prompt_id"] for e in v.examples], args.val_fraction, args.seed)
    assert v.perturbed and all(p in train for p, _ in v.perturbed)
    on_copies = [e for e in v.examples if (e["prompt_id"], e["response_id"]) in v.perturbed]
    assert len(on_copies) == built["copy_verdicts"] and 0 < sum(e["label"] for e in on_copies) < len(on_copies)
    rows = [json.loads(x) for x in built["perturbed"]["judgments"].read_text().splitlines()]
    assert len(rows) == 832 + built["copy_verdicts"]
