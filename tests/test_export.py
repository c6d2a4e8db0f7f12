"""ONNX export of the verifier: the bundle follows the contract, holds only bundle files, names its
backbone without a machine's path, and the graph matches torch; quantizing keeps ONNX Runtime's advice
out of the terminal."""
import json
import logging
import os

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="needs the train extra (torch)")
ort = pytest.importorskip("onnxruntime", reason="needs onnxruntime (base install)")

from rubricc.backends.onnx import make_session  # noqa: E402
from rubricc.bundle import load_tokenizer, read_config  # noqa: E402
from rubricc.verifier.data import PackConfig, TokenCache, pack_texts  # noqa: E402
from rubricc.verifier.export import INPUT_NAMES, make_untrained_bundle, run_onnx  # noqa: E402
from rubricc.verifier.model import build_verifier  # noqa: E402


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("b") / "verifier"
    rec = make_untrained_bundle(out, layout="fused", seed=7, max_prompt_len=24, max_context_len=64,
                                max_criterion_len=16)
    return out, rec


def _batch(bundle_dir, n_crit=(3, 1, 9)):
    cfg = read_config(bundle_dir)
    tok = load_tokenizer(bundle_dir)  # the bundle's own tokenizer files
    pc = PackConfig(cfg["max_prompt_len"], cfg["max_context_len"], cfg["max_criterion_len"],
                    cfg["cls_id"], cfg["sep_id"], cfg["pad_id"])
    items = [(f"Prompt number {i}: write about topic {i} in detail. " * (i + 1),
              f"A response about topic {i}. " * (3 * i + 1),
              [f"criterion {j} of prompt {i}: mentions the topic and is polite" for j in range(n)])
             for i, n in enumerate(n_crit)]
    return pack_texts(items, pc, TokenCache(tok), layout=cfg["layout"])


def test_bundle_contract(bundle):
    out, rec = bundle
    cfg = json.loads((out / "verifier.json").read_text())
    assert cfg == json.loads(json.dumps(rec))
    for key in ("format", "layout", "max_prompt_len", "max_context_len", "max_criterion_len", "cls_id",
                "sep_id", "pad_id", "temperature", "variants", "backbone", "training_data_hash"):
        assert key in cfg, key
    assert cfg["format"] == "rubricc.verifier/1" and cfg["layout"] == "fused"
    assert (cfg["cls_id"], cfg["sep_id"], cfg["pad_id"]) == (101, 102, 0)
    for name in cfg["variants"].values():
        assert (out / name).exists(), name
    assert (out / "tokenizer.json").exists()
    s = make_session(out / "model.onnx")
    assert [i.name for i in s.get_inputs()] == INPUT_NAMES
    assert [o.name for o in s.get_outputs()] == ["logits"]
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no temp folder left


def test_backbone_recorded_by_name_and_read_back(bundle):
    """verifier.json names the packaged encoder symbolically, never by a path into a virtual environment,
    and the name loads the same encoder (what tests and benches rebuild the model from)."""
    from rubricc.verifier.model import PACKAGED_BACKBONE, packaged_backbone_path, resolve_backbone

    out, rec = bundle
    name = read_config(out)["backbone"]
    assert not os.path.isabs(name) and ".venv" not in name and "site-packages" not in name
    if not os.environ.get("RUBRICC_BACKBONE"):
        assert name == PACKAGED_BACKBONE
        assert resolve_backbone(name) == packaged_backbone_path()


def test_onnx_matches_torch_after_reload(bundle):
    out, rec = bundle
    model = build_verifier(rec["backbone"], seed=7).eval()
    for n_crit in [(3, 1, 9), (1,), (40, 2)]:
        b = _batch(out, n_crit)
        with torch.no_grad():
            ref = model(*(torch.from_numpy(b[k]) for k in INPUT_NAMES)).numpy()
        got = run_onnx(make_session(out / "model.onnx", threads=2), b)
        assert got.shape == ref.shape and got.dtype == np.float32
        valid = b["segment_ids"] >= 0
        assert np.abs(got - ref)[valid].max() < 1e-4
        # the variants load and give close logits at the read positions
        ri = b["read_index"]
        assert np.abs(run_onnx(make_session(out / "model.fp16.onnx"), b).reshape(-1)[ri] - ref.reshape(-1)[ri]).max() < 0.02
        int8 = run_onnx(make_session(out / "model.int8.onnx"), b).reshape(-1)[ri]
        assert np.isfinite(int8).all() and np.abs(int8 - ref.reshape(-1)[ri]).max() < 0.5
        if len(ri) >= 5:
            assert np.corrcoef(int8, ref.reshape(-1)[ri])[0, 1] > 0.5


def test_reexport_replaces_bundle_files_and_keeps_foreign_ones(tmp_path):
    """A re-export keeps a user's own file, but no bundle file of the earlier export it did not write
    again (a stale variant of another model) and no older version's in-bundle checkpoint (.ckpt)."""
    out = tmp_path / "v"
    small = dict(max_prompt_len=8, max_context_len=16, max_criterion_len=8)
    make_untrained_bundle(out, seed=1, variants=("fp32", "int8"), **small)
    (out / ".ckpt").mkdir()
    (out / ".ckpt" / "state.pt").write_text("x")
    (out / "notes.txt").write_text("mine")
    make_untrained_bundle(out, seed=2, variants=("fp32",), **small)
    assert (out / "notes.txt").read_text() == "mine"
    assert not (out / ".ckpt").exists() and not (out / "model.int8.onnx").exists()
    assert (out / "model.onnx").exists() and read_config(out)["variants"] == {"fp32": "model.onnx"}


def test_int8_quantization_keeps_ort_advice_out_of_the_terminal(bundle, tmp_path, capfd):
    """ONNX Runtime logs 'Please consider to run pre-processing before quantization' through the root
    logger (which, unconfigured, prints to stderr); export drops that one record, adds no handler for
    good, and lets other records through."""
    import inspect

    from onnxruntime.quantization import quantize_dynamic

    from rubricc.verifier.export import _int8, dropped_root_warning

    assert "Please consider to run pre-processing" in inspect.getsource(quantize_dynamic)  # what ORT says
    out, _ = bundle
    root = logging.getLogger()
    seen = []
    probe = logging.Handler()
    probe.emit = seen.append
    root.addHandler(probe)
    handlers = list(root.handlers)
    try:
        _int8(out / "model.onnx", tmp_path / "q.onnx")
        assert root.handlers == handlers and not root.filters  # nothing left behind
        with dropped_root_warning("Please consider"):
            logging.warning("Please consider to run pre-processing before quantization.")
            logging.warning("something else")
    finally:
        root.removeHandler(probe)
    assert (tmp_path / "q.onnx").exists()
    assert "pre-processing" not in capfd.readouterr().err
    assert [r.getMessage() for r in seen if r.levelno >= logging.WARNING] == ["something else"]
