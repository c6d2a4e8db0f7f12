"""RubricReward on a real exported bundle (MiniLM + seeded random head) through real ONNX Runtime."""
import json
import pickle
import subprocess
import sys

import pytest

from rubricc.formats import InputError
from rubricc.scoring import score
from test_runtime_support import RESPONSES, bundle_dir, sample_rubrics


@pytest.fixture(scope="module")
def bundle():
    return bundle_dir()


@pytest.fixture(scope="module", params=["onnx", "torch"])
def reward(bundle, request):
    """Both backends: ONNX Runtime (fp32 graph) and torch (the segmented pass, bf16 under autocast)."""
    from rubricc import RubricReward

    return RubricReward(bundle, rubrics=sample_rubrics(), threads=1, backend=request.param)


def test_import_is_light():
    code = ("import sys, rubricc; from rubricc import RubricReward; import rubricc.runtime, rubricc.integrations;"
            "import rubricc.serve, rubricc.cli_serve;"
            "import rubricc.kernels.ops;"
            "bad = [m for m in ('torch', 'onnxruntime', 'transformers', 'aiohttp') if m in sys.modules];"
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True)


def _items():
    rubs = {r.id: r for r in sample_rubrics()}
    ids = ["r1", "r1", "r2", "r2", "r3", "r1"]
    resp = [RESPONSES[0], RESPONSES[1], RESPONSES[2], RESPONSES[3], RESPONSES[2], RESPONSES[4]]
    return rubs, ids, resp


def test_rewards_follow_the_scoring_rule(reward):
    rubs, ids, resp = _items()
    out = reward(prompts=[rubs[i].prompt for i in ids], completions=resp, rubric_id=ids, return_details=True)
    assert len(out) == len(resp)
    for o, rid, text in zip(out, ids, resp):
        rub = rubs[rid]
        assert list(o["verdicts"]) == [c.id for c in rub.criteria]
        v = [o["verdicts"][c.id] for c in rub.criteria]
        expect = score([c.weight for c in rub.criteria], v)
        assert o["reward"] == expect  # exactly the rule of rubricc.scoring.score
    # r3 has only a negative weight: the reward is undefined -> None
    assert out[4]["reward"] is None
    # the program check ran on the text (never the model): short answer yes, long no
    assert out[0]["verdicts"]["c4"] is True and out[5]["verdicts"]["c4"] is True
    assert out[1]["verdicts"]["c4"] is True
    assert isinstance(out[0]["verdicts"]["c1"], float) and 0 < out[0]["verdicts"]["c1"] < 1
    plain = reward(prompts=[rubs[i].prompt for i in ids], completions=resp, rubric_id=ids)
    assert plain == [o["reward"] for o in out]


def test_clip_and_missing_drop(bundle, monkeypatch):
    """clip=False keeps the raw value; missing="drop" takes a criterion without a verdict (a program check
    that raises while running) out of numerator and denominator, missing="no" counts it as not met."""
    import dataclasses

    from rubricc import RubricReward
    from rubricc.compiler import checks
    from rubricc.formats import Rubric

    rubs, ids, resp = _items()
    rw = RubricReward(bundle, rubrics=list(rubs.values()), clip=False, threads=1)
    out = rw(completions=resp, rubric_id=ids, return_details=True)
    for o, rid in zip(out, ids):
        rub = rubs[rid]
        expect = score([c.weight for c in rub.criteria], [o["verdicts"][c.id] for c in rub.criteria], clip=False)
        assert o["reward"] == expect

    def crash(response, prompt, args):
        raise RuntimeError("a check that fails while running")

    monkeypatch.setitem(checks.CHECKS, "no_commas", dataclasses.replace(checks.CHECKS["no_commas"], fn=crash))
    broken = Rubric(id="broken", prompt="p", criteria=[
        {"id": "ok", "text": "Answer is short", "weight": 1,
         "check": {"kind": "program", "name": "word_count", "args": {"relation": "less than", "n": 40}}},
        {"id": "bad", "text": "No commas", "weight": 3, "check": {"kind": "program", "name": "no_commas", "args": {}}},
    ])
    got = {m: RubricReward(bundle, rubrics=[broken], missing=m)(completions=["short"], rubric_id=["broken"],
                                                               return_details=True)[0] for m in ("no", "drop")}
    assert got["no"]["verdicts"] == {"ok": True, "bad": None} == got["drop"]["verdicts"]
    assert got["no"]["reward"] == score([1, 3], [True, None], missing="no") == 0.25
    assert got["drop"]["reward"] == score([1, 3], [True, None], missing="drop") == 1.0


def test_strict_inputs(bundle):
    """Mistakes in a call are one-line InputErrors, never a silent guess."""
    from rubricc import RubricReward

    rw = RubricReward(bundle, rubrics=sample_rubrics(), threads=1)
    with pytest.raises(InputError, match="completions: expected a list"):
        rw(completions="abc", rubric_id=["r1"])
    with pytest.raises(InputError, match="rubric_id: 1 entries but 3 completions"):
        rw(completions=["a", "b", "c"], rubric_id=["r1"])
    with pytest.raises(InputError, match="rubric_id: 3 entries but 2 completions"):
        rw(completions=["a", "b"], rubric_id=["r1", "r1", "r1"])
    with pytest.raises(InputError, match="prompts: expected a list"):
        rw(prompts="p", completions=["a"], rubric_id=["r1"])
    with pytest.raises(InputError, match="'content' string"):
        rw(completions=[[["nested"]]], rubric_id=["r1"])
    with pytest.raises(InputError, match="without content"):
        rw(completions=[[{"role": "assistant"}]], rubric_id=["r1"])
    unknown = {"prompt": "p", "criteria": [{"id": "k", "text": "Short.", "weight": 1,
                                            "check": {"kind": "program", "name": "no_such_check", "args": {}}}]}
    with pytest.raises(InputError, match="criterion 'k': unknown check 'no_such_check'"):
        rw(completions=["a"], rubric=[json.dumps(unknown)])
    for weight in (True, "3", 2 ** 63):
        bad = {"prompt": "p", "criteria": [{"id": "k", "text": "Short.", "weight": weight}]}
        with pytest.raises(InputError, match="weight"):
            rw(completions=["a"], rubric=[bad])
    # a lone surrogate in a completion is made valid, and scored like any text
    odd, fine = rw(completions=["x\ud800 y", "x y"], rubric_id=["r2", "r2"])
    assert isinstance(odd, float) and isinstance(fine, float)


def test_fused_equals_pairwise_and_split(bundle):
    from rubricc import RubricReward

    rubs, ids, resp = _items()
    kw = dict(rubrics=list(rubs.values()), threads=1, backend="onnx")
    fused = RubricReward(bundle, **kw)(completions=resp, rubric_id=ids, return_details=True)
    pair = RubricReward(bundle, layout="pairwise", **kw)(completions=resp, rubric_id=ids, return_details=True)
    split = RubricReward(bundle, max_seq_len=8, token_budget=64, prefetch=True, **kw)(
        completions=resp, rubric_id=ids, return_details=True)
    # the torch backend's segmented pass in fp32 computes the same function, fused or split
    kw.update(backend="torch", variant="fp32")
    seg = RubricReward(bundle, **kw)(completions=resp, rubric_id=ids, return_details=True)
    seg_split = RubricReward(bundle, max_seq_len=8, **kw)(completions=resp, rubric_id=ids, return_details=True)
    for a, *others in zip(fused, pair, split, seg, seg_split):
        for k, v in a["verdicts"].items():
            if isinstance(v, float):
                for o in others:
                    assert abs(v - o["verdicts"][k]) < 1e-5
            else:
                assert all(v == o["verdicts"][k] for o in others)


def test_native_and_numpy_kernels_identical(bundle):
    from rubricc import RubricReward
    from rubricc.kernels.native import load

    if load() is None:
        pytest.skip("native kernels not built")
    rubs, ids, resp = _items()
    a = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, kernels="native", backend="onnx")
    b = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, kernels="numpy", backend="onnx")
    assert a.ops.name == "native" and b.ops.name == "numpy"
    assert a(completions=resp, rubric_id=ids, return_details=True) == b(completions=resp, rubric_id=ids,
                                                                          return_details=True)


def test_long_inputs_keep_positions_in_range(bundle):
    """A very long prompt/response and many long criteria: positions stay < 512 and the rubric is split."""
    from rubricc import RubricReward
    from rubricc.formats import Rubric

    crits = [{"id": f"k{i}", "text": ("word%d " % i) * 150, "weight": 1 + i % 3} for i in range(30)]
    rub = Rubric(id="long", prompt="please " * 900, criteria=crits)
    rw = RubricReward(bundle, rubrics=[rub], threads=1, max_seq_len=1024, token_budget=4096, backend="onnx")
    seen = []
    backend = rw.load()
    orig = backend._run

    def spy(batch):
        seen.append((batch["position_ids"].max(), batch["input_ids"].shape))
        return orig(batch)

    backend._run = spy
    out = rw(completions=["answer " * 2000], rubric_id=["long"], return_details=True)
    assert 0 <= out[0]["reward"] <= 1 and len(out[0]["verdicts"]) == 30
    assert max(p for p, _ in seen) < 512
    assert all(shape[1] <= 1024 for _, shape in seen)
    seg = RubricReward(bundle, rubrics=[rub], threads=1, backend="torch", variant="fp32")
    got = seg(completions=["answer " * 2000], rubric_id=["long"], return_details=True)[0]["verdicts"]
    assert max(abs(got[k] - v) for k, v in out[0]["verdicts"].items()) < 1e-5


def test_formats_and_rubric_sources(reward):
    rubs = {r.id: r for r in sample_rubrics()}
    r2 = rubs["r2"]
    conv_prompt = r2.prompt
    conv_completion = [{"role": "assistant", "content": RESPONSES[2]}]
    by_id = reward(prompts=[conv_prompt], completions=[conv_completion], rubric_id=["r2"])
    by_prompt = reward(prompts=[conv_prompt], completions=[conv_completion])  # matched on the prompt text
    inline_dict = reward(prompts=[conv_prompt], completions=[RESPONSES[2]], rubric=[r2.model_dump(mode="json")])
    inline_json = reward(prompts=[conv_prompt], completions=[RESPONSES[2]], rubric=[r2.model_dump_json()])
    no_prompt_field = {"criteria": [c.model_dump(mode="json") for c in r2.criteria]}
    inline_partial = reward(prompts=[conv_prompt], completions=[RESPONSES[2]], rubric=[json.dumps(no_prompt_field)])
    assert by_id == by_prompt == inline_dict == inline_json == inline_partial
    assert isinstance(by_id[0], float)
    # no rubric for this prompt: None (TRL treats it as not applicable)
    assert reward(prompts=["unrelated"], completions=["x"]) == [None]
    with pytest.raises(InputError, match="rubric_id column, row 0: rubric id 'nope'"):
        reward(prompts=["p"], completions=["x"], rubric_id=["nope"])
    with pytest.raises(InputError, match="invalid JSON"):
        reward(prompts=["p"], completions=["x"], rubric=["{not json"])
    assert reward(prompts=[], completions=[]) == []
    assert reward.__name__ == "rubric_reward"


def test_batch_dedup_matches_single_calls(reward):
    rubs, ids, resp = _items()
    batch = reward(completions=resp, rubric_id=ids)
    single = [reward(completions=[t], rubric_id=[i])[0] for t, i in zip(resp, ids)]
    # bf16 rounding depends a little on the batch shape (padding, kernel blocking); fp32 does not
    tol = 2e-3 if reward.variant_used == "bf16" else 1e-6
    for a, b in zip(batch, single):
        assert (a is None and b is None) or abs(a - b) < tol


def test_pickle_roundtrip(reward):
    rubs, ids, resp = _items()
    before = reward(completions=resp, rubric_id=ids)
    clone = pickle.loads(pickle.dumps(reward))
    assert clone._backend is None and clone.__name__ == reward.__name__
    assert clone(completions=resp, rubric_id=ids) == before


def test_int8_variant_close(bundle):
    from rubricc import RubricReward

    rubs, ids, resp = _items()
    a = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, variant="fp32")
    b = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, variant="int8")
    ra, rb = a(completions=resp, rubric_id=ids), b(completions=resp, rubric_id=ids)
    assert b.variant_used == "int8" and a.variant_used == "fp32"
    for x, y in zip(ra, rb):
        assert (x is None and y is None) or abs(x - y) < 0.1


def test_session_selection_cpu_is_quiet(bundle):
    """On a CPU-only machine auto picks the CPU provider without printing any error line."""
    from rubricc import RubricReward
    from rubricc import bundle as bundle_contract
    from rubricc.backends.onnx import select_variant
    from rubricc.device import cuda_usable

    code = (f"from rubricc import RubricReward; r = RubricReward({bundle!r}, rubrics={[sample_rubrics()[1].model_dump(mode='json')]!r});"
            "print(r(completions=['Leaves fall'], rubric_id=['r2'])); print(r.device, r.backend_used, r.variant_used)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    if not cuda_usable():
        from rubricc.backends import choose_backend

        backend = choose_backend(bundle_contract.read_config(bundle), bundle)
        assert out.stdout.split()[-3:] == ["cpu", backend, "bf16" if backend == "torch" else "fp32"]
        assert out.stderr.strip() == "", out.stderr
    cfg = {"variants": {"fp32": "a", "int8": "b", "fp16": "c"}}
    assert select_variant(cfg, "cuda") == "fp16"
    assert select_variant(cfg, "cpu") == "fp32"
    assert select_variant({**cfg, "cpu_variant": "int8"}, "cpu") == "int8"
    with pytest.raises(InputError, match="variant 'fp16' is not in this bundle"):
        RubricReward(bundle, rubrics=sample_rubrics(), variant="fp16", backend="onnx").load()


def test_cuda_request_fails_clearly_without_gpu(bundle):
    from rubricc import RubricReward
    from rubricc.device import cuda_usable

    if cuda_usable():
        pytest.skip("a GPU is usable here")
    with pytest.raises(RuntimeError, match="CUDA is not usable"):
        RubricReward(bundle, rubrics=sample_rubrics(), providers="cuda").load()


def test_bad_bundle(tmp_path):
    from rubricc import RubricReward

    with pytest.raises(InputError, match="verifier.json: no such file"):
        RubricReward(tmp_path)
    (tmp_path / "verifier.json").write_text('{"format": "other"}')
    with pytest.raises(InputError, match="not a rubricc.verifier/1 bundle"):
        RubricReward(tmp_path)


def test_prompt_less_inline_rubric_takes_each_rows_prompt(bundle):
    """An inline rubric without a prompt, reused across rows and calls, is scored against each row's own
    prompt (its identity is its content together with the row's prompt), never the first row's."""
    from rubricc import RubricReward

    inline = json.dumps({"criteria": [{"id": "c1", "text": "Repeats the request first.", "weight": 1,
                                       "check": {"kind": "program", "name": "repeats_prompt", "args": {}}}]})
    prompts = ["Name a prime number.", "Name a colour.", "Name a river.", "Name a prime number."]
    rw = RubricReward(bundle, threads=1)
    for call in range(3):
        order = prompts[call:] + prompts[:call]
        got = rw(prompts=order, completions=[p + " Here it is." for p in order], rubric=[inline] * 4)
        assert got == [1.0, 1.0, 1.0, 1.0], (call, got)
        crossed = rw(prompts=order, completions=[p + " Here it is." for p in order[1:] + order[:1]],
                     rubric=[inline] * 4)
        assert crossed == [1.0 if a == b else 0.0 for a, b in zip(order, order[1:] + order[:1])]
    # a dict rubric and a Rubric object are keyed the same way
    as_dict = [json.loads(inline)] * 2
    assert rw(prompts=prompts[:2], completions=[p + " ok" for p in prompts[:2]], rubric=as_dict) == [1.0, 1.0]


def test_prompt_source(bundle):
    """prompt_source="rubric" checks against the rubric's prompt, "call" against the row's when given."""
    from rubricc import RubricReward
    from rubricc.formats import Rubric

    rub = Rubric(id="p", prompt="Name a colour.", criteria=[
        {"id": "r", "text": "Repeats the request.", "weight": 1,
         "check": {"kind": "program", "name": "repeats_prompt", "args": {}}}])
    kw = dict(prompts=["Name a river."], completions=["Name a river. The Nile."], rubric_id=["p"])
    assert RubricReward(bundle, rubrics=[rub], prompt_source="rubric")(**kw) == [0.0]
    assert RubricReward(bundle, rubrics=[rub], prompt_source="call")(**kw) == [1.0]
    # without a prompt in the call, "call" falls back to the rubric's
    assert RubricReward(bundle, rubrics=[rub], prompt_source="call")(
        completions=["Name a colour. Red."], rubric_id=["p"]) == [1.0]
    with pytest.raises(ValueError, match="prompt_source"):
        RubricReward(bundle, prompt_source="row")


def test_cache_size_bounds_the_token_cache(bundle):
    from rubricc import RubricReward

    rubs, ids, resp = _items()
    small = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, cache_size=2, backend="onnx")
    big = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, backend="onnx")
    for _ in range(2):
        assert small(completions=resp, rubric_id=ids) == big(completions=resp, rubric_id=ids)
    assert len(small._tok_cache) == 2 < len(big._tok_cache)


def test_max_batch_caps_sequences_per_run(bundle):
    from rubricc import RubricReward

    rubs, ids, resp = _items()
    rw = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, max_batch=2, backend="onnx")
    backend = rw.load()
    shapes = []
    orig = backend._run

    def spy(batch):
        shapes.append(batch["input_ids"].shape)
        return orig(batch)

    backend._run = spy
    got = rw(completions=resp, rubric_id=ids)
    ref = RubricReward(bundle, rubrics=list(rubs.values()), threads=1, backend="onnx")(completions=resp, rubric_id=ids)
    assert max(s[0] for s in shapes) == 2 and len(shapes) >= 3
    assert all((a is None and b is None) or abs(a - b) < 1e-6 for a, b in zip(got, ref))


def test_head_tokenization_equals_the_whole(bundle):
    """A response's context is tokenized from a head cut at whitespace: its first tokens are exactly the
    whole text's, for prose, whitespace padding, one giant word and mixed scripts."""
    import random

    from rubricc import RubricReward
    from rubricc.runtime import HEAD_CHARS

    rw = RubricReward(bundle, threads=1)
    rng = random.Random(0)
    words = ["alpha", "beta,", "gamma.", "naïve", "日本語", "x" * 150, "\n", "  ", "\t", "😀", "co-op", "(it's)"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6000))) for _ in range(20)]
    texts += [" " * (3 * HEAD_CHARS) + "hidden after the padding", "y" * (5 * HEAD_CHARS) + " tail",
              "word " * 50, ""]
    need = 448
    heads = rw.encode_heads(texts, need)
    whole = [e.ids for e in rw.tokenizer.encode_batch(texts, add_special_tokens=False)]
    for h, w in zip(heads, whole):
        assert h[:need] == w[:need] and (len(h) >= need or h == w)
