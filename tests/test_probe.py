"""`auto` on a CPU by measurement (rubricc.backends.probe): the candidates, the validation rule, the
per-machine cache, and the backend a RubricReward really gets."""
import json

import pytest

from test_runtime_support import bundle_dir, sample_rubrics

from rubricc import bundle as bundle_contract
from rubricc import device
from rubricc.backends import choose, probe


@pytest.fixture
def probing(monkeypatch, tmp_path):
    monkeypatch.setenv("RUBRICC_AUTO_PROBE", "1")
    monkeypatch.setenv("RUBRICC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(probe, "WORKLOAD", {"responses": 2, "criteria": 2, "words": 20, "criterion_words": 5})
    monkeypatch.setattr(probe, "ROUNDS", 1)
    monkeypatch.setattr(device, "cuda_usable", lambda: False)
    return tmp_path / "cache" / "backend-probe.json"


def test_validated_variants_rule():
    checked = {"fp32": {"auroc": 0.90}, "int8": {"auroc": 0.895}, "fp16": {"auroc": 0.85},
               "torch_bf16": {"error": "no kernel"}}
    assert probe.validated_variants(checked) == ["fp32", "int8"]
    assert probe.validated_variants({"fp32": {"auroc": None}, "int8": {"auroc": 0.9}}) == []


def test_candidates(monkeypatch):
    b = bundle_dir()
    cfg = bundle_contract.read_config(b)
    monkeypatch.setattr(device, "cpu_has_bf16", lambda: False)
    assert probe.candidates(b, cfg) == [("onnx", "fp32"), ("torch", "fp32")]  # int8 not validated
    assert ("onnx", "int8") in probe.candidates(b, {**cfg, "validated_variants": ["fp32", "int8"]})
    monkeypatch.setattr(device, "cpu_has_bf16", lambda: True)
    assert ("torch", "bf16") in probe.candidates(b, cfg)  # a bundle from before validation: allowed
    assert ("torch", "bf16") not in probe.candidates(b, {**cfg, "validated_variants": ["fp32"]})
    assert ("torch", "bf16") in probe.candidates(b, {**cfg, "validated_variants": ["fp32", "torch_bf16"]})


def test_probe_measures_once_and_remembers(probing, monkeypatch):
    b = bundle_dir()
    cfg = bundle_contract.read_config(b)
    monkeypatch.setattr(device, "cpu_has_bf16", lambda: False)
    got = choose(cfg, b, threads=1)
    assert got in probe.candidates(b, cfg)
    entry = next(iter(json.loads(probing.read_text()).values()))
    assert tuple(entry["choice"]) == got and set(entry["seconds"]) == {"onnx:fp32", "torch:fp32"}
    assert entry["choice"] == list(min(entry["seconds"], key=entry["seconds"].get).split(":"))

    def no_measuring(*a, **k):
        raise AssertionError("measured again")

    monkeypatch.setattr(probe, "measure", no_measuring)
    assert choose(cfg, b, threads=1) == got  # remembered
    with pytest.raises(AssertionError):
        choose(cfg, b, threads=2)  # another thread count is another key
    probing.write_text("{not json")  # a damaged cache is measured again, not an error
    with pytest.raises(AssertionError):
        choose(cfg, b, threads=1)
    # an explicit request or probing off never measures
    assert choose(cfg, b, backend="onnx") == ("onnx", "auto")
    assert choose(cfg, b, variant="int8") == ("onnx", "int8")
    monkeypatch.setenv("RUBRICC_AUTO_PROBE", "0")
    assert choose(cfg, b)[0] in ("onnx", "torch")


def test_reward_uses_the_measured_backend(probing, monkeypatch):
    from rubricc import RubricReward

    b = bundle_dir()
    cfg = bundle_contract.read_config(b)
    monkeypatch.setattr(device, "cpu_has_bf16", lambda: False)
    # a remembered choice, as if measured earlier on this machine: the reward is built with it
    probing.parent.mkdir(parents=True)
    key = probe.probe_key(b, cfg, 1)
    probing.write_text(json.dumps({key: {"choice": ["torch", "fp32"], "seconds": {}}}))
    r = RubricReward(b, rubrics=sample_rubrics(), threads=1)
    r.load()
    assert (r.backend_used, r.variant_used) == ("torch", "fp32")
    probing.write_text(json.dumps({key: {"choice": ["onnx", "fp32"], "seconds": {}}}))
    r = RubricReward(b, rubrics=sample_rubrics(), threads=1)
    r.load()
    assert (r.backend_used, r.variant_used) == ("onnx", "fp32")


def test_a_gpu_only_torch_sees_takes_the_segmented_pass_there(monkeypatch):
    """Where torch sees a GPU and ONNX Runtime does not (onnxruntime without its CUDA provider, as on the
    project's GPU machine), `auto` runs the torch backend on CUDA in bf16, before any CPU probe; asking for
    the CPU keeps it there; CUDA asked for without a GPU is a clear error."""
    from rubricc.backends import torch_device
    from rubricc.errors import InputError

    b = bundle_dir()
    cfg = bundle_contract.read_config(b)
    monkeypatch.setenv("RUBRICC_AUTO_PROBE", "0")
    monkeypatch.setattr(device, "cuda_usable", lambda: False)
    monkeypatch.setattr(device, "cpu_has_amx_bf16", lambda: False)
    monkeypatch.setattr(device, "torch_cuda_usable", lambda: True)
    assert choose(cfg, b) == ("torch", "bf16") and torch_device("auto") == "cuda"
    assert choose(cfg, b, variant="fp32") == ("onnx", "fp32")  # fp32 names an ONNX variant too: as before
    assert choose(cfg, b, providers="cpu") == ("onnx", "auto") and torch_device("cpu") == "cpu"
    monkeypatch.setattr(device, "cuda_usable", lambda: True)
    assert choose(cfg, b) == ("onnx", "auto")  # ONNX Runtime's CUDA provider works: as before
    monkeypatch.setattr(device, "torch_cuda_usable", lambda: False)
    assert torch_device("auto") == "cpu"
    with pytest.raises(InputError, match="no CUDA device"):
        torch_device("cuda")


def test_torch_cuda_usable_is_cheap_and_false_without_a_driver(monkeypatch):
    import os

    if os.path.exists("/dev/nvidiactl"):
        pytest.skip("this machine has an NVIDIA driver")
    import sys

    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr("builtins.__import__", _no_torch_import(__import__))
    assert device.torch_cuda_usable() is False  # decided without importing torch


def _no_torch_import(real):
    def imp(name, *a, **k):
        if name == "torch" or name.startswith("torch."):
            raise AssertionError("torch imported")
        return real(name, *a, **k)
    return imp
