"""Shared fixtures for the runtime / serve / integration tests (no tests here).

``bundle_dir()`` exports the real MiniLM backbone with a seeded random head as a verifier bundle once per
pytest process (``rubricc.verifier.export.make_untrained_bundle``) and returns its folder.
``sample_rubrics()`` builds a few rubrics with neural and program criteria and negative weights.
"""
import atexit
import os
import shutil
import tempfile

import pytest

_BUNDLE = None


def bundle_dir() -> str:
    global _BUNDLE
    if _BUNDLE is None:
        pytest.importorskip("torch", reason="exporting the test verifier bundle needs the train extra (torch)")
        try:
            from rubricc.verifier.export import make_untrained_bundle
            from rubricc.verifier.model import default_backbone_path

            default_backbone_path()
        except (ImportError, RuntimeError) as e:
            pytest.skip(f"cannot export a test verifier bundle: {e}")
        root = tempfile.mkdtemp(prefix="rubricc-test-bundle-")
        atexit.register(shutil.rmtree, root, True)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        make_untrained_bundle(os.path.join(root, "bundle"), layout="fused", seed=0, variants=("fp32", "int8"))
        _BUNDLE = os.path.join(root, "bundle")
    return _BUNDLE


def batch_tolerance(reward) -> float:
    """How far one response's reward may move with the batch it lands in: bf16 matrix products round a
    little differently with the batch shape (padding, kernel blocking); fp32 graphs do not."""
    return 2e-3 if reward.variant_used == "bf16" else 1e-6


def sample_rubrics():
    from rubricc.formats import Rubric

    return [
        Rubric(id="r1", prompt="Explain what a dull chest ache after a 10 hour drive could mean.", criteria=[
            {"id": "c1", "text": "Mentions muscle strain from sitting as a likely cause.", "weight": 5},
            {"id": "c2", "text": "Advises urgent care if shortness of breath or leg swelling appear.", "weight": 8},
            {"id": "c3", "text": "Claims it is certainly a heart attack.", "weight": -6},
            {"id": "c4", "text": "Answer is short", "weight": 2,
             "check": {"kind": "program", "name": "word_count", "args": {"relation": "less than", "n": 40}}},
        ]),
        Rubric(id="r2", prompt=[{"role": "system", "content": "Be brief."},
                                {"role": "user", "content": "Write a haiku about autumn leaves."}], criteria=[
            {"id": "a", "text": "The poem has three lines.", "weight": 3},
            {"id": "b", "text": "The poem mentions leaves or foliage.", "weight": 2},
            {"id": "c", "text": "Uses rhyme.", "weight": 1},
        ]),
        Rubric(id="r3", prompt="Only a fault can be found here.", criteria=[
            {"id": "bad", "text": "Contains an insult.", "weight": -3},
        ]),
    ]


RESPONSES = [
    "Most likely muscle strain from sitting so long. If you get shortness of breath or a swollen leg, get care now.",
    "It is certainly a heart attack, call an ambulance immediately and do not wait.",
    "Red leaves drifting down\nquiet paths beneath the oaks\nautumn breathes and sleeps",
    "Leaves fall. " * 60,
    "",
]


def write_rubrics(folder) -> str:
    """``sample_rubrics()`` as a rubrics JSONL file in ``folder``; returns its path."""
    p = os.path.join(str(folder), "rubrics.jsonl")
    with open(p, "w", encoding="utf-8") as fh:
        fh.write("".join(r.model_dump_json() + "\n" for r in sample_rubrics()))
    return p
