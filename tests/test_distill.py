"""`rubricc distill` end to end on tiny synthetic sets: bundle, ONNX parity, resume, tiny-data fallbacks,
bad-input one-liners and torchrun data parallelism."""
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
    cfg = read_config(bundle)
    model = Verifier(load_encoder(backbone))
    model.load_state_dict(torch.load(bundle / ".ckpt" / "best.pt", weights_only=False)["model"])
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
    assert _torch_vs_onnx(out, default_backbone_path()) < 1e-4


def test_resume_after_interruption(tmp_path, tiny_backbone):
    paths = write_tiny_set(tmp_path, n_prompts=6, n_responses=4)
    out = tmp_path / "v"
    base = dict(SMALL, epochs=2, layout="pairwise", backbone=tiny_backbone, variants=("fp32",),
                check_variants=False, ckpt_every=1)
    with pytest.raises(KeyboardInterrupt):
        distill(paths["rubrics"], paths["responses"], paths["judgments"], out,
                DistillConfig(stop_after_steps=10, **base), log=lambda *a: None)
    st = torch.load(out / ".ckpt" / "state.pt", weights_only=False)["state"]
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


def test_tiny_data_one_class_and_no_validation(tmp_path, tiny_backbone):
    paths = write_tiny_set(tmp_path, n_prompts=2, n_responses=2)
    # every verdict "yes": AUROC is undefined, reported as null
    js = [json.loads(x) for x in paths["judgments"].read_text().splitlines()]
    for j in js:
        j["verdict"], j["p_yes"] = True, None
    paths["judgments"].write_text("".join(json.dumps(j) + "\n" for j in js))
    base = dict(SMALL, epochs=1, backbone=tiny_backbone, variants=("fp32",))
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "a", DistillConfig(**base),
                log=lambda *a: None)
    saved = json.loads((tmp_path / "a" / "metrics.json").read_text())
    assert saved["criterion"]["verifier"]["auroc"] is None and m["criterion"]["verifier"]["accuracy"] is not None
    # no validation split: metrics on train, temperature 1
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], tmp_path / "b",
                DistillConfig(val_fraction=0.0, **base), log=lambda *a: None)
    assert m["split"] == "train" and m["temperature"] == 1.0


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
