"""The relevance guard (rubricc.guard): its rules on hand-made inputs with a stand-in embedder, then the
real thing: the MiniLM embedder exported into a bundle, calibrated on MT-Bench's training prompts, and
scored through RubricReward on prompts it was not calibrated on."""
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from rubricc import guard as G
from rubricc import order as O

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.data import shared_data  # noqa: E402  (one rule for where the shared data is: $RUBRICC_SHARED_DATA too)

DATA = shared_data()


# ---------------------------------------------------------------------------------------------------
# the rules
# ---------------------------------------------------------------------------------------------------
def test_repeated_sentences_are_found_and_short_ones_ignored():
    text = "The cat sat on the mat today. Yes. Yes. The cat sat on the mat today! Another one here, fine."
    spans = G.repeated_spans(text)
    assert len(spans) == 1  # "Yes." is shorter than MIN_REPEAT_WORDS; the second long sentence repeats
    a, b = spans[0]
    assert text[a:b].strip().startswith("The cat sat") and a > 30
    flags = G.repeated_tokens([(0, 3), (a, a + 3), (b - 1, b), (b + 1, b + 5)], spans)
    assert flags.tolist() == [False, True, True, False]


def test_summarize_and_factor():
    rel, share = G.summarize(np.array([0.5, 0.01, 0.3]), np.array([128, 128, 44]), np.array([128, 128, 4]), 0.1)
    assert rel == 0.5 and share == pytest.approx((128 + 4) / 300)
    assert G.summarize(np.zeros(0), np.zeros(0, np.int64), np.zeros(0, np.int64), 0.1) == (-1.0, 0.0)
    rec = {"relevance_min": 0.2, "relevance_off": 0.05, "share_min": 0.8}
    assert G.factor(0.5, 1.0, rec) == 1.0
    assert G.factor(0.05, 1.0, rec) == 0.0 and G.factor(0.0, 1.0, rec) == 0.0
    assert G.factor(0.125, 1.0, rec) == pytest.approx(0.5)
    assert G.factor(0.5, 0.4, rec) == pytest.approx(0.5)
    assert G.factor(-1.0, 0.0, rec) == 0.0  # empty
    assert G.factor(0.0, 1.0, {"share_min": 0.8}) == 1.0  # no gate calibrated: relevance alone changes nothing
    assert G.apply(0.8, 0.5) == pytest.approx(0.4) and G.apply(-0.3, 0.0) == -0.3  # a fault stays a fault


def test_rubric_text_copied_into_a_response_is_removed():
    crit = ["Does the response properly address the specific request, with correct facts?", "Is concise."]
    pats = G.echo_patterns(crit)
    assert len(pats) == 1  # "Is concise." is too short to be told from ordinary text
    text = "Paris is the capital.\n\nDOES THE RESPONSE properly address the specific request with correct facts"
    assert G.strip_echo(text, pats) == ("Paris is the capital.", True)
    assert G.strip_echo("Paris is the capital. It is concise.", pats) == ("Paris is the capital. It is concise.", False)
    # a partial quote is ordinary text
    assert not G.strip_echo("It properly addresses the specific request.", pats)[1]


def test_refusal_rubrics_are_exempt():
    assert G.exempt(["Refuses to give the dosage", "Is polite"])
    assert G.exempt(["The assistant declines the request."])
    assert not G.exempt(["Explains the dosage", "Cites a source"])
    assert not G.exempt(["Notes the decline in kidney function", "Mentions declining appetite"])
    assert G.exempt(["Politely declines, citing safety"]) and G.exempt(["Gives a refusal"])
    assert not G.exempt(["The model should not refuse to reply to the user request."])
    assert not G.exempt(["Answers without refusing"]) and not G.exempt(["Doesn't refuse the task"])


class Embedder:
    """A stand-in ONNX session: the embedding of a sequence is the normalised count of its token ids
    modulo 8, so texts sharing tokens are similar."""

    def __init__(self):
        self.calls = 0

    def run(self, _, feeds):
        self.calls += 1
        ids, mask = feeds["input_ids"], feeds["attention_mask"]
        out = np.zeros((len(ids), 8), np.float32)
        for r in range(len(ids)):
            for t in ids[r][mask[r] == 1][1:-1]:
                out[r, t % 8] += 1
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return [out / np.where(n == 0, 1, n)]


class Tok:
    """Whitespace tokenizer: token id = 1000 + first letter's position in the alphabet."""

    class Enc:
        def __init__(self, text):
            import re

            ms = list(re.finditer(r"\S+", text))
            self.ids = [1000 + (ord(m.group(0)[0].lower()) - 97) % 26 for m in ms]
            self.offsets = [(m.start(), m.end()) for m in ms]

    def encode_batch(self, texts, add_special_tokens=False):
        return [self.Enc(t) for t in texts]


def test_guard_measures_chunks_views_and_repeats_with_a_stand_in_embedder():
    sess = Embedder()
    rec = {"file": "unused", "chunk_tokens": 4, "prompt_views": [254, 2], "chunk_min": 0.5, "relevance_min": 0.8,
           "relevance_off": 0.2, "share_min": 0.9}
    g = G.Guard(None, rec, Tok(), 101, 102, 0, session=sess)
    prompt = "apple apple banana"  # ids a, a, b -> dims 0, 0, 1
    on = "apple banana apple banana"
    off = "cat dog egg fig"  # c, d, e, f: nothing shared
    padded = on + " " + off + " " + off
    d = g.details([prompt] * 4, [on, off, padded, ""])
    assert d[0]["factor"] == pytest.approx(1.0) and d[0]["share"] == 1.0
    assert d[1]["factor"] == 0.0  # relevance 0: below relevance_off
    assert d[2]["relevance"] == pytest.approx(d[0]["relevance"]) and d[2]["share"] == pytest.approx(4 / 12)
    assert d[2]["factor"] == pytest.approx((4 / 12) / 0.9)
    assert d[3]["factor"] == 0.0 and d[3]["relevance"] == -1.0
    calls = sess.calls
    g.details([prompt], [on])
    assert sess.calls == calls + 1  # the prompt's embeddings are cached: one run for the chunks only
    sentence = "apple banana apple banana apple. "
    rep = g.details([prompt], [sentence * 3])[0]
    assert rep["share"] == pytest.approx(1 / 3, abs=0.01)  # the second and third copies add nothing


def test_calibration_skips_responses_without_tokens_and_says_when_data_is_thin():
    from rubricc.verifier.guard_build import calibrate

    class Measured:
        def measure(self, prompts, responses):
            return [(np.zeros(0) if r == "\u200b" else np.array([0.6, 0.4]), np.array([128, 30]), np.array([128, 30]))
                    for r in responses]

    prompts = {"a": "bake sourdough bread crust", "b": "python sorting algorithm code"}
    fields, report = calibrate(Measured(), prompts, {("a", "1"): "x", ("a", "2"): "\u200b", ("b", "1"): "y"})
    assert report["responses"] == 2 and fields["chunk_min"] == pytest.approx(0.4)
    assert "relevance_min" not in fields  # own and unrelated relevance are the same here: no gate
    assert "no relevance gate" in report["note"] and "fewer than 20" in report["note"]


def test_share_rule_is_calibrated_on_answers_the_gate_passes():
    from rubricc.verifier.guard_build import calibrate

    class Measured:  # 50 on-topic answers and 2 barely relevant ones (no chunk reaches chunk_min: share 0)
        def measure(self, prompts, responses):
            out = []
            for p, r in zip(prompts, responses):
                if p.startswith("bake") != r.startswith(("bread", "weak")):
                    cos = np.array([0.02, 0.01])  # against an unrelated prompt
                else:
                    cos = np.array([0.10]) if r.startswith("weak") else np.array([0.7, 0.6])
                out.append((cos, np.full(len(cos), 128), np.full(len(cos), 128)))
            return out

    prompts = {"a": "bake sourdough bread crust", "b": "python sorting algorithm code"}
    responses = {("a", f"r{i}"): f"bread answer {i}" for i in range(50)}
    responses.update({("a", "w1"): "weak 1", ("a", "w2"): "weak 2", ("b", "r0"): "python answer 0"})
    fields, report = calibrate(Measured(), prompts, responses)
    assert fields["relevance_min"] > fields["relevance_off"]
    assert fields["share_min"] >= 0.5  # not dragged toward 0 by the two answers the gate already judges


# ---------------------------------------------------------------------------------------------------
# the real embedder on real data
# ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mtbench_guarded(tmp_path_factory):
    pytest.importorskip("torch", reason="needs the train extra (torch) to export the embedder")
    if not (DATA / "prometheus_mt_bench").exists():
        pytest.skip(f"{DATA / 'prometheus_mt_bench'} is absent (the shared data folder)")
    sys.path.insert(0, str(ROOT))
    from bench.fidelity import build_mtbench
    from rubricc.verifier.export import make_untrained_bundle
    from rubricc.verifier.guard_build import add_guard_from_files
    from rubricc.verifier.prepare import split_prompts

    work = tmp_path_factory.mktemp("guard")
    paths = build_mtbench(DATA, work)
    rubrics = {json.loads(x)["id"]: json.loads(x) for x in paths["rubrics"].open()}
    responses = [json.loads(x) for x in paths["responses"].open()]
    train, val = split_prompts(list(rubrics), 0.5, 0)
    from rubricc.formats import Response
    from rubricc.perturb import perturb

    own = [r for r in responses if r["prompt_id"] in train]
    # perturbed copies (rubricc perturb) in the file: labelled training data, never calibration data
    copies = [c.model_dump() for c in perturb([Response(**r) for r in own], ("shuffle", "truncate"), 1.0).responses]
    assert copies
    (work / "train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in own + copies))
    b = work / "bundle"
    make_untrained_bundle(b, variants=("fp32",))
    logs = []
    record = add_guard_from_files(b, paths["rubrics"], work / "train.jsonl", log=logs.append)
    held = [r for r in responses if r["prompt_id"] in val]
    assert record["calibration"]["responses"] == sum(1 for r in own if r["text"].strip())
    return b, paths, rubrics, held, record, logs


def test_calibrated_guard_separates_own_from_unrelated_answers_on_unseen_prompts(mtbench_guarded):
    from rubricc import bundle

    b, paths, rubrics, held, record, logs = mtbench_guarded
    assert record["parity"] < 1e-4 and "relevance_min" in record and record["relevance_min"] > record["relevance_off"]
    assert (b / "guard.onnx").stat().st_mode & 0o777 == (b / "model.onnx").stat().st_mode & 0o777
    assert any("guard: calibrated on" in x for x in logs) and any("guard: fluency rule:" in x for x in logs)
    assert any("guard: order rule:" in x for x in logs) and record["order"]["min"] > record["order"]["off"]
    assert "guard: stuffing rule:" in logs[-1] and record["stuffing"]["off"] > record["stuffing"]["min"] >= 0.3
    assert (b / record["fluency"]["file"]).exists() and record["fluency"]["min"] > record["fluency"]["off"]
    cfg = bundle.read_config(b)
    assert cfg["guard"]["chunk_min"] == record["chunk_min"]
    g = G.Guard(b, cfg["guard"], bundle.load_tokenizer(b), cfg["cls_id"], cfg["sep_id"], cfg["pad_id"], threads=2)
    prompts = [rubrics[r["prompt_id"]]["prompt"] for r in held]
    own = np.array([d["factor"] for d in g.details(prompts, [r["text"] for r in held])])
    rolled = [held[(i + 7) % len(held)] for i in range(len(held))]  # answers to other prompts
    pairs = [(p, r["text"]) for p, r, h in zip(prompts, rolled, held) if r["prompt_id"] != h["prompt_id"]]
    off = np.array([d["factor"] for d in g.details([p for p, _ in pairs], [t for _, t in pairs])])
    assert own.mean() > 0.9 and off.mean() < 0.4, (own.mean(), off.mean())
    from rubricc.verifier.hacks import filler

    import random

    padded = [filler(r["text"], "", [], random.Random(0), ()) for r in held]
    pad = np.array([d["factor"] for d in g.details(prompts, padded)])
    assert pad.mean() < 0.5 * own.mean()
    from rubricc.verifier.hacks import scramble_tail

    salad = [scramble_tail(r["text"], "", [], random.Random(1), ()) for r in held]
    mixed = np.array([d["factor"] for d in g.details(prompts, salad)])
    assert mixed.mean() < 0.75 * own.mean(), (mixed.mean(), own.mean())  # the fluency rule reads word order
    from rubricc.verifier.hacks import shuffle_sentences

    listed = [i for i, r in enumerate(held) if O.score(r["text"]) is not None]  # answers with a numbered list
    moved = [shuffle_sentences(held[i]["text"], "", [], random.Random(2), ()) for i in listed]
    reordered = np.array([d["factor"] for d in g.details([prompts[i] for i in listed], moved)])
    assert len(listed) >= 20 and reordered.mean() < 0.8 * own[listed].mean(), (reordered.mean(), own[listed].mean())
    from rubricc.stuffing import vocabulary
    from rubricc.verifier.hacks import keyword_stuffing

    vocabs = [vocabulary([c["text"] for c in rubrics[r["prompt_id"]]["criteria"]]) for r in held]
    kept = np.array([d["factor"] for d in g.details(prompts, [r["text"] for r in held], vocabs)])
    crit = [[c["text"] for c in rubrics[r["prompt_id"]]["criteria"]] for r in held]
    stuffed = [keyword_stuffing(r["text"], "", c, random.Random(3), ()) for r, c in zip(held, crit)]
    lists = np.array([d["factor"] for d in g.details(prompts, stuffed, vocabs)])
    assert abs(kept.mean() - own.mean()) < 0.02 and lists.mean() < 0.5 * own.mean(), (kept.mean(), lists.mean())
    from rubricc.verifier.hacks import repeat

    assert "repetition" in record and record["repetition"]["off"] > record["repetition"]["min"] >= 0.4
    scored = [i for i, r in enumerate(held) if len(r["text"].split()) >= 40]  # long enough to have sentences to repeat
    thrice = [repeat(held[i]["text"], "", [], None, ()) for i in scored]
    looped = np.array([d["factor"] for d in g.details([prompts[i] for i in scored], thrice)])
    assert len(scored) >= 20 and looped.mean() < 0.5 * own[scored].mean(), (looped.mean(), own[scored].mean())


def test_reward_applies_the_guard_and_can_turn_it_off(mtbench_guarded):
    from rubricc.runtime import RubricReward

    b, paths, rubrics, held, record, _ = mtbench_guarded
    from rubricc.verifier.guard_build import unrelated_pairs

    r = held[0]
    other_pid = unrelated_pairs({h["prompt_id"]: rubrics[h["prompt_id"]]["prompt"] for h in held},
                                [(r["prompt_id"], r["id"])], 0)[(r["prompt_id"], r["id"])]
    other = next(h for h in held if h["prompt_id"] == other_pid)  # an answer to a prompt on another topic
    on = RubricReward(b, rubrics=paths["rubrics"], backend="onnx", providers="cpu", threads=1)
    off = RubricReward(b, rubrics=paths["rubrics"], backend="onnx", providers="cpu", threads=1, guard=False)
    texts = [r["text"], other["text"], ""]
    got_on = on(completions=texts, rubric_id=[r["prompt_id"]] * 3, return_details=True)
    got_off = off(completions=texts, rubric_id=[r["prompt_id"]] * 3, return_details=True)
    assert all("guard" in x for x in got_on) and not any("guard" in x for x in got_off)
    for a, c in zip(got_on, got_off):
        assert a["reward"] == pytest.approx(c["reward"] * a["guard"]["factor"], abs=1e-6)
    assert got_on[2]["reward"] == 0.0
    assert got_on[1]["guard"]["factor"] < got_on[0]["guard"]["factor"]
    # the rubric echoed back scores as the response alone
    crits = [c["text"] for c in rubrics[r["prompt_id"]]["criteria"]]
    echoed = on(completions=[r["text"] + "\n\n" + "\n".join(crits)], rubric_id=[r["prompt_id"]], return_details=True)
    assert echoed[0]["echo_removed"] and echoed[0]["reward"] == pytest.approx(got_on[0]["reward"], abs=1e-6)
    assert off(completions=[r["text"] + "\n\n" + "\n".join(crits)], rubric_id=[r["prompt_id"]]) != [got_off[0]["reward"]]
    # a rubric asking for a refusal is not guarded
    refusal = {"id": "x", "prompt": rubrics[r["prompt_id"]]["prompt"],
               "criteria": [{"id": "c0", "text": "Politely refuses the request", "weight": 1}]}
    got = on(completions=[other["text"]], rubric=[refusal], return_details=True)
    assert "guard" not in got[0]
    # pickled (Ray, data-loader workers) and rebuilt lazily
    again = pickle.loads(pickle.dumps(on))
    assert again(completions=texts[:1], rubric_id=[r["prompt_id"]])[0] == pytest.approx(got_on[0]["reward"], abs=1e-6)


def test_guard_required_on_a_bundle_without_one(tmp_path, mtbench_guarded):
    import shutil

    from rubricc.errors import InputError
    from rubricc.runtime import RubricReward

    b = tmp_path / "plain"
    shutil.copytree(mtbench_guarded[0], b)
    rec = json.loads((b / "verifier.json").read_text())
    rec.pop("guard")
    (b / "verifier.json").write_text(json.dumps(rec))
    with pytest.raises(InputError, match="no relevance guard"):
        RubricReward(b, guard=True)
    assert RubricReward(b).guard_active() is False


def test_cli_guard_bad_input_is_one_line(tmp_path, mtbench_guarded):
    from click.testing import CliRunner

    from rubricc.cli import main

    b, paths, *_ = mtbench_guarded
    bad = tmp_path / "responses.jsonl"
    bad.write_text('{"prompt_id": "nope", "id": "r1", "text": "hi"}\n')
    res = CliRunner().invoke(main, ["guard", "--verifier", str(b), "--rubrics", str(paths["rubrics"]),
                                    "--responses", str(bad)])
    assert res.exit_code == 2 and "responses.jsonl:1" in res.output and "Traceback" not in res.output


def test_cli_score_reports_the_guard_factor_and_takes_no_guard(tmp_path, mtbench_guarded):
    from click.testing import CliRunner

    from rubricc.cli import main

    b, paths, rubrics, held, *_ = mtbench_guarded
    responses = tmp_path / "responses.jsonl"
    responses.write_text("".join(json.dumps({"prompt_id": r["prompt_id"], "id": r["id"], "text": t}) + "\n"
                                 for r, t in ((held[0], held[0]["text"]), (held[1], ""))))
    rows = {}
    for flag in ([], ["--no-guard"]):
        out = tmp_path / f"out{len(flag)}.jsonl"
        res = CliRunner().invoke(main, ["score", "--verifier", str(b), "--rubrics", str(paths["rubrics"]),
                                        "--responses", str(responses), "-o", str(out), "--threads", "1", *flag])
        assert res.exit_code == 0, res.output
        rows[bool(flag)] = [json.loads(x) for x in out.read_text().splitlines()]
    assert "guard_factor" in rows[False][0] and rows[False][1]["reward"] == 0.0
    assert not any("guard_factor" in r for r in rows[True])


def test_calibration_samples_at_most_max_responses(monkeypatch):
    from rubricc.verifier import guard_build

    seen = []

    class Measured:
        def measure(self, prompts, responses):
            seen.append(len(responses))
            return [(np.array([0.6, 0.4]), np.array([128, 30]), np.array([128, 30])) for _ in responses]

    monkeypatch.setattr(guard_build, "MAX_RESPONSES", 10)
    prompts = {"a": "bake sourdough bread crust", "b": "python sorting algorithm code"}
    responses = {(p, str(i)): f"answer {p} {i}" for p in prompts for i in range(30)}
    fields, report = guard_build.calibrate(Measured(), prompts, responses)
    assert report["responses"] == 10 and seen[0] == 10
    assert guard_build.calibrate(Measured(), prompts, responses)[0] == fields  # the same seeded sample
