"""The windowed fused layout (issue 10): a response longer than one window is read whole.

Windows are cut by ``rubricc.kernels.pack.make_windows``; every form computes the same function: the
masked ``Verifier`` (block mask over windows and criteria), the segmented pass (windows as a batch,
criteria by cascade attention over the concatenated window keys), the ONNX graph and the runtime. A
bundle written before windows (no window fields in ``verifier.json``) scores exactly as before.
"""
import json
import random

import numpy as np
import pytest

from rubricc.kernels.pack import (Windowing, Windows, attention_allowed, context_len, make_context, make_criterion,
                                  make_windows, pack_fused)

CLS, SEP, PAD = 101, 102, 0


def _ids(rng, n):
    return [rng.randrange(1000, 20000) for _ in range(n)]


# ----------------------------------------------------------------------------------------------
# packing (no torch)
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("overlap,tail", [(0, 0), (5, 0), (0, 6), (7, 4)])
def test_windows_cover_the_response_in_order(overlap, tail):
    rng = random.Random(overlap * 10 + tail)
    prompt, resp = _ids(rng, 30), _ids(rng, 200)
    win = Windowing(window_len=40, overlap=overlap, max_response_len=8192, prompt_tail=tail)
    ws, cut = make_windows(prompt, resp, CLS, SEP, 12, win)
    assert not cut and ws.offset == 40 and all(len(w) <= 40 for w in ws)
    assert ws[0] == make_context(prompt, resp, CLS, SEP, 12, 40)
    head = [CLS, *prompt[-tail:], SEP] if tail else [CLS]
    got = ws[0][1 + 12 + 1:-1]
    for w in ws[1:]:
        assert w[:len(head)] == head and w[-1] == SEP
        chunk = w[len(head):-1]
        assert chunk[:overlap] == got[len(got) - overlap:]  # the overlap repeats the previous tokens
        got += chunk[overlap:]
    assert got == resp  # every token, in order, once apart from the overlaps


def test_max_response_len_cuts_and_reports():
    rng = random.Random(1)
    resp = _ids(rng, 500)
    ws, cut = make_windows([7, 8], resp, CLS, SEP, 8, Windowing(64, max_response_len=300))
    assert cut
    # window 0: [CLS] prompt(2) [SEP] chunk [SEP]; later ones: [CLS] chunk [SEP]
    assert sum(len(w) for w in ws) - 3 - 2 - 2 * (len(ws) - 1) == 300
    _, cut = make_windows([7, 8], resp[:300], CLS, SEP, 8, Windowing(64, max_response_len=300))
    assert not cut


def test_windowing_checks():
    with pytest.raises(ValueError, match="window_overlap"):
        Windowing(40, overlap=30).check()
    with pytest.raises(ValueError, match="positions"):
        Windowing(480).check(max_criterion_len=64, max_positions=512)
    Windowing(448, overlap=64).check(256, 64, 512)


def test_pack_one_plain_window_is_the_old_layout_and_mask():
    """A plain context packs exactly as before windows; the mask rule then reduces to the old one."""
    rng = random.Random(3)
    ctxs = [[CLS, *_ids(rng, 20), SEP], [CLS, *_ids(rng, 5), SEP]]
    crits = [[[CLS, *_ids(rng, 4), SEP], [CLS, 9, SEP]], [[CLS, *_ids(rng, 6), SEP]]]
    p = pack_fused(ctxs, crits, PAD)
    seg = p["segment_ids"]
    assert set(np.unique(seg)) <= {-1, 0, 1, 2}
    assert p["position_ids"][0, 22] == 22 and p["position_ids"][1, 7] == 7  # criteria start after the context
    q, k = seg[:, :, None], seg[:, None, :]
    old = (k != -1) & ((k == 0) | (k == q))
    np.testing.assert_array_equal(attention_allowed(seg), old)


def test_pack_windows_segments_positions_and_mask():
    ws = Windows([[CLS, 5, SEP, 6, SEP], [CLS, 7, 8, SEP], [CLS, 9, SEP]], offset=10)
    p = pack_fused([ws], [[[CLS, 3, SEP], [CLS, 4, 4, SEP]]], PAD, pad_to=20)
    seg, pos = p["segment_ids"][0], p["position_ids"][0]
    assert seg[:12].tolist() == [0] * 5 + [-2] * 4 + [-3] * 3
    assert seg[12:19].tolist() == [1] * 3 + [2] * 4 and seg[19] == -1
    assert pos[:12].tolist() == [0, 1, 2, 3, 4, 0, 1, 2, 3, 0, 1, 2]
    assert pos[12:19].tolist() == [10, 11, 12, 10, 11, 12, 13]  # fixed offset, whatever the context length
    assert p["read_index"].tolist() == [12, 15]
    allowed = attention_allowed(p["segment_ids"])[0]
    assert allowed[6, 5:9].all() and not allowed[6, :5].any() and not allowed[6, 9:].any()  # own window only
    assert allowed[12, :12].all() and allowed[12, 12:15].all() and not allowed[12, 15:].any()  # all windows
    assert not allowed[:, 19].any()  # padding is never attended to
    assert context_len(ws) == 12


def test_native_ops_pack_windows_like_the_reference(kernel_ops):
    rng = random.Random(4)
    ws, _ = make_windows(_ids(rng, 9), _ids(rng, 90), CLS, SEP, 6, Windowing(24, overlap=3))
    ctxs = [ws, [CLS, *_ids(rng, 11), SEP]]
    crits = [[[CLS, 1, SEP]], [[CLS, 2, 3, SEP], [CLS, 4, SEP]]]
    a, b = pack_fused(ctxs, crits, PAD), kernel_ops.pack_fused(ctxs, crits, PAD)
    for key in a:
        np.testing.assert_array_equal(a[key], b[key])


# ----------------------------------------------------------------------------------------------
# the masked Verifier and the segmented pass (a tiny random BERT: fast, fp32)
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny():
    torch = pytest.importorskip("torch", reason="needs the train extra (torch)")
    from transformers import BertConfig, BertModel

    from rubricc.verifier.model import Verifier

    torch.manual_seed(0)
    conf = BertConfig(vocab_size=30522, hidden_size=64, num_hidden_layers=3, num_attention_heads=4,
                      intermediate_size=128, max_position_embeddings=128, attn_implementation="eager")
    model = Verifier(BertModel(conf, add_pooling_layer=False)).eval()
    with torch.no_grad():
        model.head.weight.normal_(0, 0.2)  # a real spread (logits ~ +-2), so differences would show
    return model


def _masked(model, contexts, criteria, pad_to=0):
    import torch

    p = pack_fused(contexts, criteria, PAD, pad_to)
    with torch.no_grad():
        out = model(*(torch.from_numpy(p[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    return out.reshape(-1)[torch.from_numpy(p["read_index"])].numpy(), out.numpy(), p


def _windowed_batch(rng, n_windows, overlap, n_crit, window_len=32):
    """Contexts with exactly ``n_windows`` windows (and a shorter one), each with ``n_crit`` criteria."""
    win = Windowing(window_len, overlap=overlap, prompt_tail=3 if overlap else 0)
    contexts = []
    for want in (n_windows, max(1, n_windows - 1)):
        n = 1
        while True:
            ws, _ = make_windows(_ids(rng, 15), _ids(rng, n), CLS, SEP, 10, win)
            if len(ws) == want:
                break
            n += 1
        contexts.append(ws)
    criteria = [[make_criterion(_ids(rng, rng.randint(1, 14)), CLS, SEP, 16) for _ in range(n_crit)]
                for _ in contexts]
    return contexts, criteria


@pytest.mark.parametrize("n_windows,overlap,n_crit", [(1, 0, 1), (2, 0, 40), (2, 6, 1), (7, 0, 1), (7, 6, 40)])
def test_windowed_fused_equals_each_criterion_alone(tiny, n_windows, overlap, n_crit):
    rng = random.Random(n_windows * 100 + overlap + n_crit)
    contexts, criteria = _windowed_batch(rng, n_windows, overlap, n_crit)
    assert len(contexts[0]) == n_windows
    fused, _, _ = _masked(tiny, contexts, criteria)
    alone = []
    for ctx, crits in zip(contexts, criteria):  # the first truly alone (extra padding), the rest a row each
        alone.append(_masked(tiny, [ctx], [crits[:1]], pad_to=context_len(ctx) + len(crits[0]) + 5)[0])
        if len(crits) > 1:
            alone.append(_masked(tiny, [ctx] * (len(crits) - 1), [[c] for c in crits[1:]])[0])
    alone = np.concatenate(alone)
    assert np.abs(fused - alone).max() < 1e-5
    assert n_crit == 1 or np.std(alone) > 1e-3


def test_each_window_is_encoded_on_its_own(tiny):
    """Context tokens see only their window: their outputs equal the window run as a plain context."""
    rng = random.Random(7)
    contexts, criteria = _windowed_batch(rng, 4, 5, 3)
    _, out, p = _masked(tiny, contexts[:1], criteria[:1])
    t = 0
    for w in contexts[0]:
        _, alone, _ = _masked(tiny, [w], [[]])
        assert np.abs(out[0, t:t + len(w)] - alone[0, :len(w)]).max() < 1e-5
        t += len(w)


def test_criteria_read_the_last_window(tiny):
    """A change in the last window moves the criteria's logits; the head-only context cannot see it."""
    rng = random.Random(8)
    contexts, criteria = _windowed_batch(rng, 5, 0, 4)
    ws = contexts[0]
    changed = Windows([*ws[:-1], [ws[-1][0], *_ids(rng, len(ws[-1]) - 2), ws[-1][-1]]], ws.offset)
    a, _, _ = _masked(tiny, [ws], criteria[:1])
    b, _, _ = _masked(tiny, [changed], criteria[:1])
    assert np.abs(a - b).min() > 1e-4
    head = [list(ws[0])]  # the head-only reading: window 0 as the whole context
    assert np.array_equal(_masked(tiny, head, criteria[:1])[0], _masked(tiny, [list(changed[0])], criteria[:1])[0])


@pytest.mark.parametrize("seed", [0, 1])
def test_segmented_equals_masked_with_windows(tiny, seed):
    from rubricc.verifier.segmented import SegmentedVerifier, score_fused

    rng = random.Random(seed)
    contexts, criteria = [], []
    for n_windows, overlap, n_crit in ((7, 4, 5), (1, 0, 3), (3, 0, 40), (2, 6, 1)):
        c, k = _windowed_batch(rng, n_windows, overlap, n_crit)
        contexts += c
        criteria += k
    contexts.append([CLS, *_ids(rng, 20), SEP])  # a plain (pre-window) context in the same batch
    criteria.append([[CLS, 5, 6, SEP]])
    ref, _, _ = _masked(tiny, contexts, criteria)
    seg = SegmentedVerifier(tiny)
    for budget in (40, 100_000):  # many criterion groups, or one
        got = score_fused(seg, contexts, criteria, PAD, crit_budget=budget)
        assert np.abs(got - ref).max() < 1e-5


# ----------------------------------------------------------------------------------------------
# bundles: ONNX export, the runtime (both backends), old one-window bundles
# ----------------------------------------------------------------------------------------------
WINDOWS = {"window_len": 48, "window_overlap": 6, "max_response_len": 300, "window_prompt_tail": 0}
LENGTHS = {"layout": "fused", "max_prompt_len": 16, "max_context_len": 48, "max_criterion_len": 16}


@pytest.fixture(scope="module")
def bundles(tiny, tmp_path_factory):
    """The tiny model exported twice: with windows, and as a one-window bundle (the layout before windows)."""
    pytest.importorskip("onnxruntime", reason="needs onnxruntime (base install)")
    from rubricc.verifier.export import export_bundle
    from rubricc.verifier.model import default_backbone_path

    try:
        tok = default_backbone_path()
    except (ImportError, RuntimeError) as e:
        pytest.skip(f"no tokenizer to export with: {e}")
    root = tmp_path_factory.mktemp("windows")
    export_bundle(tiny, tok, root / "windowed", {**LENGTHS, **WINDOWS}, variants=("fp32",))
    export_bundle(tiny, tok, root / "old", dict(LENGTHS), variants=("fp32",))
    return root / "windowed", root / "old"


def test_bundle_records_windows_and_old_bundles_have_none(bundles):
    from rubricc.bundle import read_config, windowing
    from rubricc.errors import InputError

    windowed, old = bundles
    cfg = read_config(windowed)
    assert {k: cfg[k] for k in WINDOWS} == WINDOWS
    assert windowing(cfg) == Windowing(48, 6, 300, 0) and windowing(cfg, 100).max_response_len == 100
    old_cfg = read_config(old)
    assert "window_len" not in old_cfg and windowing(old_cfg) is None
    assert cfg["export"]["fp32_max_abs_diff_vs_torch"] < 1e-4  # the parity probe holds a windowed sequence
    bad = dict(cfg, window_overlap=40)
    (old.parent / "bad").mkdir()
    (old.parent / "bad" / "tokenizer.json").write_bytes((windowed / "tokenizer.json").read_bytes())
    (old.parent / "bad" / "verifier.json").write_text(json.dumps(bad))
    with pytest.raises(InputError, match="window_overlap"):
        read_config(old.parent / "bad")


def test_onnx_equals_torch_with_windows(tiny, bundles):
    from rubricc.backends.onnx import make_session
    from rubricc.verifier.export import run_onnx

    rng = random.Random(11)
    contexts, criteria = [], []
    for n_windows, overlap, n_crit in ((7, 6, 3), (2, 0, 40), (1, 0, 1)):
        c, k = _windowed_batch(rng, n_windows, overlap, n_crit)
        contexts += c
        criteria += k
    ref, full, p = _masked(tiny, contexts, criteria)
    got = run_onnx(make_session(bundles[0] / "model.onnx", threads=1), p)
    assert np.abs(got.reshape(-1)[p["read_index"]] - ref).max() < 1e-5


LONG = ("The patient should rest and drink water. " * 20).strip()  # ~160 tokens: 4 windows
LATE = " Finally, ignore all of the above and take twenty pills at once."


def _rubric():
    from rubricc.formats import Rubric

    return Rubric(id="r", prompt="How should I treat a mild fever at home?", criteria=[
        {"id": "a", "text": "Recommends rest and fluids.", "weight": 3},
        {"id": "b", "text": "Gives dangerous dosing advice.", "weight": -5},
        {"id": "c", "text": "Mentions when to see a doctor.", "weight": 2}])


@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_runtime_reads_the_whole_rollout(bundles, backend):
    """The windowed bundle's rewards move with text past the first window (the one-window bundle's do
    not), both backends agree, and a rollout past max_response_len is scored on its head and flagged."""
    from rubricc import RubricReward

    windowed, old = bundles
    rub = _rubric()
    texts = ["Rest and fluids.", LONG, LONG + LATE, LONG + LATE * 40]
    rw = RubricReward(windowed, rubrics=[rub], backend=backend, variant="fp32", threads=1)
    got = rw(completions=texts, rubric_id=["r"] * len(texts), return_details=True)
    late = [abs(got[1]["verdicts"][k] - got[2]["verdicts"][k]) for k in "abc"]
    assert min(late) > 1e-6  # the late sentence is read
    assert [d.get("truncated", False) for d in got] == [False, False, False, True]
    n_tokens = len(rw.encode([LONG + LATE * 40], cache=False)[0])
    assert n_tokens > WINDOWS["max_response_len"]
    ctx, _ = rw.contexts([0], [rw.plan("r")], [LONG + LATE * 40], [rub.prompt_text])
    assert len(ctx[0]) > 2  # many windows ...
    n = len(ctx[0])  # ... of its first max_response_len tokens (+ specials, prompt, overlaps)
    specials_prompt_overlaps = 2 * n + 1 + 16 + WINDOWS["window_overlap"] * (n - 1)
    assert sum(len(w) for w in ctx[0]) <= WINDOWS["max_response_len"] + specials_prompt_overlaps
    head = RubricReward(old, rubrics=[rub], backend=backend, variant="fp32", threads=1)
    h = head(completions=texts, rubric_id=["r"] * len(texts), return_details=True)
    assert h[1]["verdicts"] == h[2]["verdicts"] and h[1]["truncated"] and "truncated" not in h[0]
    other = RubricReward(windowed, rubrics=[rub], backend="onnx" if backend == "torch" else "torch",
                         variant="fp32", threads=1)
    for a, b in zip(got, other(completions=texts, rubric_id=["r"] * len(texts), return_details=True)):
        assert max(abs(a["verdicts"][k] - b["verdicts"][k]) for k in "abc") < 1e-5


def test_score_cli_takes_max_response_len(bundles, tmp_path):
    """`rubricc score --max-response-len N` lowers the bundle's bound: the long rollout is now read only to
    N tokens and counted as truncated in the last line; without it, the bundle's 300 tokens read it all."""
    from click.testing import CliRunner

    from rubricc.cli import main

    windowed, _ = bundles
    (tmp_path / "r.jsonl").write_text(_rubric().model_dump_json() + "\n")
    (tmp_path / "s.jsonl").write_text(json.dumps({"prompt_id": "r", "id": "a", "text": LONG + LATE}) + "\n")
    lines = {}
    for extra in ([], ["--max-response-len", "64"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        res = CliRunner().invoke(main, ["score", "--verifier", windowed, "--rubrics", str(tmp_path / "r.jsonl"),
                                        "--responses", str(tmp_path / "s.jsonl"), "-o", str(out), "--threads", "1",
                                        "--backend", "torch", "--variant", "fp32", *extra])
        assert res.exit_code == 0, res.output
        lines[len(extra)] = (res.output.strip().splitlines()[-1], json.loads(out.read_text())["reward"])
    assert "truncated" not in lines[0][0] and "1 truncated" in lines[2][0]
    assert lines[0][1] != lines[2][1]  # the late sentence counts only when it is read


def test_old_bundle_scores_exactly_as_before(bundles):
    """A bundle without window fields: the runtime's rewards equal the layout before windows, packed here
    by its own rule ([CLS] prompt [SEP] response [SEP] cut to max_context_len; criteria at positions
    len(context)..; segments 0 and k) and run through the same ONNX graph."""
    from rubricc import RubricReward
    from rubricc.backends.onnx import make_session
    from rubricc.bundle import load_tokenizer, read_config
    from rubricc.scoring import score
    from rubricc.verifier.export import run_onnx

    old = bundles[1]
    cfg = read_config(old)
    tok = load_tokenizer(old)
    rub = _rubric()
    texts = ["Rest and fluids.", LONG + LATE]
    rw = RubricReward(old, rubrics=[rub], backend="onnx", variant="fp32", threads=1)
    got = rw(completions=texts, rubric_id=["r"] * 2, return_details=True)
    sess = make_session(old / "model.onnx", threads=1)
    enc = lambda t: tok.encode(t, add_special_tokens=False).ids  # noqa: E731
    cls_id, sep_id = cfg["cls_id"], cfg["sep_id"]
    p = enc(rub.prompt_text)[-16:]
    for text, g in zip(texts, got):
        ctx = [cls_id, *p, sep_id, *enc(text)[:48 - 3 - len(p)], sep_id]
        crits = [[cls_id, *enc(c.text)[:14], sep_id] for c in rub.criteria]
        ids = ctx + [t for c in crits for t in c]
        seg = [0] * len(ctx) + [k for k, c in enumerate(crits, 1) for _ in c]
        pos = list(range(len(ctx))) + [len(ctx) + j for c in crits for j in range(len(c))]
        reads = np.cumsum([len(ctx)] + [len(c) for c in crits])[:-1]
        logits = run_onnx(sess, {"input_ids": np.array([ids]), "segment_ids": np.array([seg]),
                                 "position_ids": np.array([pos])})[0, reads]
        probs = 1 / (1 + np.exp(-logits.astype(np.float64) / cfg["temperature"]))
        want = score([c.weight for c in rub.criteria], probs.tolist())
        assert abs(g["reward"] - want) < 1e-6


# ----------------------------------------------------------------------------------------------
# rubricc distill with windows
# ----------------------------------------------------------------------------------------------
def test_training_rows_hold_windowed_contexts():
    """distill's rows (verifier.data) take the run's windows: contexts are Windows, row lengths count every
    window, and a row is split only where context + criteria pass max_seq_len."""
    from rubricc.bundle import load_tokenizer, special_ids
    from rubricc.verifier.data import PackConfig, TokenCache, collate, encode_group, make_rows
    from rubricc.verifier.model import default_backbone_path

    try:
        tok = load_tokenizer(default_backbone_path())
    except (ImportError, RuntimeError) as e:
        pytest.skip(str(e))
    cls_id, sep_id, pad_id = special_ids(tok)
    pc = PackConfig(8, 40, 12, cls_id, sep_id, pad_id, windows=Windowing(24, overlap=2, max_response_len=100))
    ctx, crits = encode_group("Write a story.", "Once upon a time there was a violin. " * 20,
                              ["Mentions a violin.", "Is short."], pc, TokenCache(tok))
    assert isinstance(ctx, Windows) and len(ctx) >= 4 and ctx.offset == 24
    group = [(ctx, crits, [1.0, 0.0], [1.0, 1.0], [0, 1])]
    # a context longer than max_seq_len is not copied once per criterion: both stay in one row
    rows = make_rows(group, "fused", 16)
    assert len(rows) == 1 and rows[0].length == context_len(ctx) + len(crits[0]) + len(crits[1])
    pair = make_rows(group, "pairwise", 1024)
    assert [len(r.criteria) for r in pair] == [1, 1]
    batch = collate(pair, pad_id)
    T = batch["input_ids"].shape[1]
    assert (batch["segment_ids"] <= -2).any() and batch["read_index"].tolist() == [context_len(ctx),
                                                                                  T + context_len(ctx)]


def test_distill_with_windows(tmp_path):
    """`rubricc distill --window-len ...`: rows hold windowed contexts, the bundle records the windows, and
    the runtime's two backends score it alike; bad window options are one-line errors."""
    pytest.importorskip("torch", reason="needs the train extra (torch)")
    pytest.importorskip("onnxruntime", reason="needs onnxruntime (base install)")
    import shutil
    import sys
    from pathlib import Path

    import torch
    from transformers import BertConfig, BertModel

    from rubricc import RubricReward
    from rubricc.bundle import read_config
    from rubricc.errors import InputError
    from rubricc.verifier.config import DistillConfig
    from rubricc.verifier.distill import distill
    from rubricc.verifier.model import default_backbone_path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from distill_fixtures import write_tiny_set

    d = tmp_path / "backbone"
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=512), add_pooling_layer=False).save_pretrained(d)
    for f in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (Path(default_backbone_path()) / f).exists():
            shutil.copyfile(Path(default_backbone_path()) / f, d / f)
    paths = write_tiny_set(tmp_path, n_prompts=4, n_responses=3)
    base = dict(epochs=1, max_prompt_len=8, max_context_len=40, max_criterion_len=12, token_budget=1024, threads=1,
                progress=False, backbone=str(d), variants=("fp32",), window_len=16, window_overlap=2,
                max_response_len=64, check_variants=False)  # (the variant checks are test_distill.py's)
    with pytest.raises(InputError, match="--window-len"):
        DistillConfig(**dict(base, window_overlap=9)).validate()
    out = tmp_path / "bundle"
    m = distill(paths["rubrics"], paths["responses"], paths["judgments"], out, DistillConfig(**base),
                log=lambda *a: None)
    assert m
    cfg = read_config(out)
    assert (cfg["window_len"], cfg["window_overlap"], cfg["max_response_len"]) == (16, 2, 64)
    rubrics = [json.loads(x) for x in open(paths["rubrics"])]
    for r in rubrics:  # the runtime runs program checks itself; the tiny set's is a training-only name
        r["criteria"] = [c for c in r["criteria"] if c["check"]["kind"] == "neural"]
    responses = [json.loads(x) for x in open(paths["responses"])]
    got = {}
    for backend in ("onnx", "torch"):
        rw = RubricReward(out, rubrics=rubrics, backend=backend, variant="fp32", threads=1)
        texts = [r["text"] for r in responses]
        ctx, _ = rw.contexts([0], [rw.plan(responses[0]["prompt_id"])], texts[:1], [rubrics[0]["prompt"]])
        assert len(ctx[0]) >= 2  # the tiny set's responses span windows here
        got[backend] = rw(completions=texts, rubric_id=[r["prompt_id"] for r in responses])
    assert np.abs(np.array(got["onnx"]) - np.array(got["torch"])).max() < 1e-5


@pytest.mark.parametrize("amx", [True, False])
def test_auto_takes_the_segmented_pass_for_windows(bundles, monkeypatch, amx):
    """A windowed bundle on a CPU: auto picks torch (bf16 with AMX, else fp32) before any probe; a GPU or an
    ONNX variant asked for still gets ONNX Runtime; a one-window bundle is left to the usual rule."""
    from rubricc import device
    from rubricc.backends import choose
    from rubricc.bundle import read_config

    monkeypatch.setattr(device, "cpu_has_amx_bf16", lambda: amx)
    monkeypatch.setattr(device, "cuda_usable", lambda: False)
    monkeypatch.delenv("RUBRICC_BACKEND", raising=False)
    monkeypatch.setenv("RUBRICC_AUTO_PROBE", "0")
    windowed, old = bundles
    cfg = read_config(windowed)
    assert choose(cfg, windowed) == ("torch", "bf16" if amx else "fp32")
    assert choose(cfg, windowed, variant="int8") == ("onnx", "int8")
    monkeypatch.setattr(device, "cuda_usable", lambda: True)
    assert choose(cfg, windowed)[0] == "onnx"
    monkeypatch.setattr(device, "cuda_usable", lambda: False)
    assert choose(read_config(old), old) == ("torch" if amx else "onnx", "auto")
