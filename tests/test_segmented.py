"""The segmented fused pass (verifier/segmented.py), the torch backend (verifier/torch_backend.py) and the
backend choice (rubricc/backends)."""
import os
import random

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="needs the train extra (torch)")

from rubricc.formats import InputError  # noqa: E402
from test_runtime_support import RESPONSES, bundle_dir, sample_rubrics  # noqa: E402


@pytest.fixture(scope="module")
def model():
    from rubricc.verifier.model import build_verifier

    try:
        return build_verifier(seed=3).eval()
    except RuntimeError as e:
        pytest.skip(str(e))


def _random_batch(rng, n_ctx, max_crit=7):
    def seq(n):
        return [101] + [rng.randrange(1000, 20000) for _ in range(n - 2)] + [102]

    contexts = [seq(rng.randint(4, 300)) for _ in range(n_ctx)]
    criteria = [[seq(rng.randint(3, 60)) for _ in range(rng.randint(1, max_crit))] for _ in contexts]
    return contexts, criteria


def _masked_reference(model, contexts, criteria):
    from rubricc.kernels.pack import pack_fused

    batch = pack_fused(contexts, criteria, 0)
    with torch.inference_mode():
        out = model(*(torch.from_numpy(batch[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    return out.numpy().reshape(-1)[batch["read_index"]]


@pytest.mark.parametrize("seed", [0, 1])
def test_segmented_equals_masked_verifier(model, seed):
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    rng = random.Random(seed)
    contexts, criteria = _random_batch(rng, 5)
    ref = _masked_reference(model, contexts, criteria)
    seg = SegmentedVerifier(model)
    # tiny budgets force many criterion chunks, each padded to its own longest
    for budget in (64, 4096):
        got = score_fused(seg, contexts, criteria, pad_id=0, crit_budget=budget)
        assert got.shape == ref.shape
        assert np.abs(got - ref).max() < 1e-5
    # bf16 matrix products: close, not equal (logits of the random head are ~0.05 apart)
    got = score_fused(SegmentedVerifier(model, dtype=torch.bfloat16), contexts, criteria, pad_id=0)
    assert np.abs(got - ref).max() < 0.02


def test_segmented_pairwise_is_the_same_function(model):
    """One criterion per context (the pairwise layout) gives what the fused layout gives."""
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    rng = random.Random(5)
    contexts, criteria = _random_batch(rng, 2)
    seg = SegmentedVerifier(model)
    fused = score_fused(seg, contexts, criteria, 0)
    pc = [c for c, ks in zip(contexts, criteria) for _ in ks]
    pk = [[k] for ks in criteria for k in ks]
    assert np.abs(score_fused(seg, pc, pk, 0) - fused).max() < 1e-5


def test_non_bert_encoder_is_refused():
    from torch import nn

    from rubricc.verifier.segmented import SegmentedVerifier, supports

    class Fake(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Module()

    fake = Fake()
    assert not supports(fake)
    with pytest.raises(ValueError, match="not a BERT-style encoder"):
        SegmentedVerifier(fake)


# ----------------------------------------------------------------------------------------------
# the bundle's torch weights and the runtime backend
# ----------------------------------------------------------------------------------------------
def test_bundle_holds_loadable_torch_weights():
    from rubricc.bundle import has_torch_weights, read_config
    from rubricc.verifier.model import build_verifier
    from rubricc.verifier.torch_backend import load_torch_verifier

    bundle = bundle_dir()
    cfg = read_config(bundle)
    assert cfg["torch"] == "torch" and has_torch_weights(bundle, cfg)
    loaded = load_torch_verifier(bundle, cfg)
    ref = build_verifier(cfg["backbone"], seed=0).eval()  # what make_untrained_bundle exported
    for (k, a), (k2, b) in zip(sorted(loaded.state_dict().items()), sorted(ref.state_dict().items())):
        assert k == k2 and torch.equal(a, b), k
    assert oct(os.stat(os.path.join(bundle, "torch", "model.safetensors")).st_mode & 0o777) == "0o644"


def _light_copy(bundle, dst):
    """A bundle without torch weights (older exports): links to the ONNX graph and the tokenizer."""
    import json

    os.makedirs(dst)
    cfg = json.load(open(os.path.join(bundle, "verifier.json")))
    cfg.pop("torch")
    json.dump(cfg, open(os.path.join(dst, "verifier.json"), "w"))
    for name in ("tokenizer.json", "model.onnx", "model.int8.onnx"):
        os.symlink(os.path.join(bundle, name), os.path.join(dst, name))
    return dst


@pytest.mark.parametrize("amx,cuda", [(True, False), (False, False), (True, True)])
def test_backend_selection(tmp_path, monkeypatch, amx, cuda):
    """auto: torch bf16 exactly on a CPU-only machine with AMX bf16; anything ONNX-specific asked for, a
    usable GPU, or a bundle without torch weights: ONNX Runtime. The probes are set, not re-derived."""
    from rubricc import RubricReward, device
    from rubricc.backends import choose_backend
    from rubricc.bundle import read_config

    monkeypatch.setattr(device, "cpu_has_amx_bf16", lambda: amx)
    monkeypatch.setattr(device, "cuda_usable", lambda: cuda)
    monkeypatch.delenv("RUBRICC_BACKEND", raising=False)
    bundle = bundle_dir()
    cfg = read_config(bundle)
    assert choose_backend(cfg, bundle) == ("torch" if amx and not cuda else "onnx")
    assert choose_backend(cfg, bundle, variant="bf16") == ("torch" if amx and not cuda else "onnx")
    assert choose_backend(cfg, bundle, providers="cpu") == ("torch" if amx else "onnx")
    assert choose_backend(cfg, bundle, variant="int8") == "onnx"
    assert choose_backend(cfg, bundle, providers=["CPUExecutionProvider"]) == "onnx"
    assert choose_backend(cfg, bundle, backend="torch", variant="fp32") == "torch"
    with pytest.raises(InputError, match="not a torch variant"):
        choose_backend(cfg, bundle, backend="torch", variant="int8")
    monkeypatch.setenv("RUBRICC_BACKEND", "onnx")
    assert choose_backend(cfg, bundle) == "onnx"
    monkeypatch.setenv("RUBRICC_BACKEND", "tensorrt")
    with pytest.raises(ValueError, match="RUBRICC_BACKEND"):
        choose_backend(cfg, bundle)
    monkeypatch.delenv("RUBRICC_BACKEND")
    # torch not installed: auto quietly takes ONNX Runtime, torch asked for names the extra
    monkeypatch.setattr(device, "torch_installed", lambda: False)
    assert choose_backend(cfg, bundle) == "onnx"
    with pytest.raises(ImportError, match=r"rubricc\[train\]"):
        choose_backend(cfg, bundle, backend="torch")
    monkeypatch.undo()
    monkeypatch.setattr(device, "cuda_usable", lambda: False)
    # a bundle without torch weights: auto falls back to ONNX Runtime, torch says what is missing
    old = _light_copy(bundle, str(tmp_path / "old"))
    assert choose_backend(read_config(old), old) == "onnx"
    with pytest.raises(InputError, match="no torch weights"):
        RubricReward(old, rubrics=sample_rubrics(), backend="torch")(completions=["x"], rubric_id=["r1"])
    rw = RubricReward(old, rubrics=sample_rubrics())
    assert rw(completions=[RESPONSES[0]], rubric_id=["r1"])[0] is not None and rw.backend_used == "onnx"
    with pytest.raises(ValueError, match="backend must be"):
        RubricReward(bundle, backend="tvm")


def test_torch_backend_matches_onnx_on_a_batch():
    """End to end through RubricReward: torch fp32 == ONNX fp32; torch bf16 within 0.01 in probability."""
    from rubricc import RubricReward

    bundle = bundle_dir()
    rubs = sample_rubrics()
    ids = ["r1", "r2", "r1", "r3", "r2"]
    resp = [RESPONSES[i % len(RESPONSES)] for i in range(len(ids))]
    out = {}
    for name, kw in (("onnx", dict(backend="onnx", variant="fp32")), ("fp32", dict(backend="torch", variant="fp32")),
                     ("bf16", dict(backend="torch", variant="bf16"))):
        rw = RubricReward(bundle, rubrics=rubs, threads=1, **kw)
        out[name] = rw(completions=resp, rubric_id=ids, return_details=True)
        assert rw.backend_used == kw["backend"] and rw.variant_used == kw["variant"]
    for a, b, c in zip(out["onnx"], out["fp32"], out["bf16"]):
        for k, v in a["verdicts"].items():
            if isinstance(v, float):
                assert abs(v - b["verdicts"][k]) < 1e-5
                assert abs(v - c["verdicts"][k]) < 0.01
            else:
                assert v == b["verdicts"][k] == c["verdicts"][k]


def test_attention_choice(monkeypatch):
    """auto: the fused Triton kernel on CUDA only, torch math otherwise or when
    the head size does not suit the kernel; triton asked for on a CPU needs the interpreter."""
    from rubricc.verifier.segmented import choose_attention

    cpu, cuda = torch.device("cpu"), torch.device("cuda")
    assert choose_attention("auto", cpu, 32) == "torch"
    assert choose_attention("torch", cuda, 32) == "torch"
    with pytest.raises(ValueError, match="attention must be one of"):
        choose_attention("flash", cpu, 32)
    from rubricc.kernels import cascade

    monkeypatch.setattr(cascade, "available", lambda: True)
    assert choose_attention("auto", cuda, 32) == "triton"
    assert choose_attention("auto", cuda, 24) == "torch"  # not a power of two: the kernel cannot take it
    with pytest.raises(RuntimeError, match="power-of-two head size"):
        choose_attention("triton", cuda, 24)
    monkeypatch.setenv("TRITON_INTERPRET", "1")
    assert choose_attention("triton", cpu, 32) == "triton"
    monkeypatch.delenv("TRITON_INTERPRET")
    with pytest.raises(RuntimeError, match="TRITON_INTERPRET=1"):
        choose_attention("triton", cpu, 32)
    monkeypatch.setattr(cascade, "available", lambda: False)
    assert choose_attention("auto", cuda, 32) == "torch"
    with pytest.raises(RuntimeError, match="needs triton"):
        choose_attention("triton", cuda, 32)
