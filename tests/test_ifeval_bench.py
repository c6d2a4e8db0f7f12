"""IFEval on real data: criteria rendered in rubric-writer phrasings, lowered from their text alone,
run on the real GPT-4 responses, must agree with the official strict verdicts."""
import json
import random
import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:  # bench/ is a plain folder of the project, not an installed package
    sys.path.insert(0, ROOT)

from bench.ifeval_checks import data_dir, evaluate, load_ifeval, main, render_criterion, render_official
from rubricc.compiler.lower import lower_criterion


@pytest.fixture(scope="module")
def records():
    d = data_dir()
    if not (d / "ifeval" / "input_data.jsonl").exists():
        pytest.skip(f"shared data absent: {d / 'ifeval'}")
    return load_ifeval(d)


def test_load_ifeval(records):
    assert len(records) == 540
    assert sum(len(r.strict) for r in records) == 832
    assert sum(sum(r.strict) for r in records) == 697
    for r in records:
        assert len(r.instruction_ids) == len(r.kwargs) == len(r.strict)
        assert r.prompt and isinstance(r.response, str)
        assert all(v is not None for kw in r.kwargs for v in kw.values())


def test_coverage_and_agreement_on_real_data(records):
    res = evaluate(records, seed=0)
    assert res["n"] == 832
    assert res["coverage"] >= 0.90, res["coverage"]
    assert res["agreement"] >= 0.97, res["agreement"]
    # every family is represented and none collapses
    for fam, v in res["families"].items():
        assert v["lowered"] >= 0.5 * v["criteria"], fam
        if v["lowered"]:
            assert v["agreement"] >= 0.8, (fam, v)


def test_official_wording_also_lowers(records):
    res = evaluate(records, official_wording=True)
    assert res["coverage"] >= 0.90 and res["agreement"] >= 0.97, (res["coverage"], res["agreement"])


def test_other_seed(records):
    res = evaluate(records, seed=3)
    assert res["coverage"] >= 0.90 and res["agreement"] >= 0.97


def test_rendering_is_varied_seeded_and_not_by_id(records):
    pairs = [(i, k) for r in records for i, k in zip(r.instruction_ids, r.kwargs)]
    a = [render_criterion(i, k, random.Random(7)) for i, k in pairs[:200]]
    b = [render_criterion(i, k, random.Random(7)) for i, k in pairs[:200]]
    assert a == b
    by_family = {}
    rng = random.Random(0)
    for i, k in pairs:
        by_family.setdefault(i, set()).add(render_criterion(i, k, rng).split(" ")[0])
    varied = [f for f, firsts in by_family.items() if len(firsts) > 1]
    assert len(varied) >= 15  # several templates per family
    for i, k in pairs[:50]:
        text = render_criterion(i, k, rng)
        assert i not in text and ":" not in text.split(" ")[0]
        assert render_official(i, k)


def test_lowering_uses_text_only():
    # same wording with no IFEval context compiles the same way
    c = lower_criterion("In the response, the word war should appear at least 8 times.")
    assert c.name == "keyword_frequency" and c.args["keyword"] == "war" and c.args["n"] == 8


def test_main_prints_json_last(records, capsys):
    assert main(["--seed", "0"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    import json

    last = json.loads(out[-1])
    assert set(last) == {"coverage", "agreement", "n", "heldout_coverage", "heldout_agreement", "heldout_n"}
    assert last["n"] == 832 and last["heldout_n"] == 4992
    assert any("sha256 verified" in line for line in out)


def test_heldout_phrasing_set_is_frozen_and_measured(records):
    # written blind (neither the rules nor the other sets read); frozen before the last lowering work
    from bench.phrasing_sets import HELDOUT, evaluate_set, frozen_ok, load_set

    assert frozen_ok(), f"{HELDOUT} changed since it was frozen"
    assert len(load_set(HELDOUT)) == 25
    res = evaluate_set(records, HELDOUT)
    assert res["n"] == 4992
    # regression guard at today's level (set 55: 0.6709 / 1.000 measured once at 051ffad with round 46's rotation, 0.6522 /
    # 1.000 with the rules alone; no verdict differed from IFEval's)
    assert res["coverage"] >= 0.67 and res["agreement"] >= 0.999, (res["coverage"], res["agreement"])
    from bench.phrasing_sets import voice_summary

    # per voice as measured: an intelligence dossier (1), a philatelist's catalogue entry (2), a spirit medium at a seance
    # (3), a returning officer's declaration (4), a tattoo artist's consultation sheet (5), a stand-up comedian's bit (6)
    voices = voice_summary(res["rows"])
    floors = (759, 651, 504, 341, 715, 379)
    assert len(voices) == 6 and all(voices[k]["lowered"] >= f for k, f in enumerate(floors)) and \
        all(voices[k]["agreement"] is None or voices[k]["agreement"] >= 0.999 for k in range(6)), voices


def _dev_guards():
    """One guard per earlier held-out set; all but the three newest are marked slow (each lowers 4,992 criteria, about a
    minute): plain `pytest` keeps the newest, CI (scripts/test.sh) runs them all."""
    from bench.phrasing_sets import DEV_SETS

    paths = [p for p, _ in DEV_SETS[2:]]
    return [pytest.param(p, id=p.stem, marks=() if k >= len(paths) - 3 else pytest.mark.slow) for k, p in enumerate(paths)]


@pytest.mark.parametrize("path", _dev_guards())
def test_earlier_heldout_sets_stay_lowered(records, path):
    # demoted to development once measured: guards against losing what was built on them
    from bench.phrasing_sets import DEV_AGREEMENT_FLOORS, DEV_FLOORS, evaluate_set

    res = evaluate_set(records, path)
    assert res["coverage"] >= DEV_FLOORS.get(path.name, 0.99) and res["agreement"] >= DEV_AGREEMENT_FLOORS.get(path.name, 0.999), \
        (path.name, res["coverage"], res["agreement"])


def test_dev_phrasing_set(records):
    from bench.phrasing_sets import DEV, evaluate_set, render_all, load_set

    fams = load_set(DEV)
    assert render_all(fams, "keywords:existence", {"keywords": ["cat", "dog"]})[1] == "Includes the keywords cat, dog."
    assert render_all(fams, "length_constraints:number_words", {"relation": "less than", "num_words": 50})[0] == \
        "Keeps the answer below 50 words."
    res = evaluate_set(records, DEV)
    assert res["coverage"] >= 0.97 and res["agreement"] >= 0.99, (res["coverage"], res["agreement"])


def test_main_missing_data(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path)]) == 2
    assert "not found" in capsys.readouterr().err


# The primitives alone, with arguments taken from the IFEval kwargs (test-only mapping, so that a
# disagreement can be attributed to the primitive rather than to the lowering).
_BY_ID = {
    "number_words": lambda k: ("word_count", {"relation": k["relation"], "n": k["num_words"]}),
    "number_sentences": lambda k: ("sentence_count", {"relation": k["relation"], "n": k["num_sentences"]}),
    "number_paragraphs": lambda k: ("paragraph_count", {"n": k["num_paragraphs"], "separator": "***"}),
    "nth_paragraph_first_word": lambda k: ("paragraph_first_word", {"nth": k["nth_paragraph"], "word": k["first_word"],
                                                                     "num_paragraphs": k["num_paragraphs"]}),
    "existence": lambda k: ("keywords_present", {"keywords": k["keywords"]}),
    "forbidden_words": lambda k: ("keywords_absent", {"keywords": k["forbidden_words"]}),
    "frequency": lambda k: ("keyword_frequency", {"keyword": k["keyword"], "relation": k["relation"], "n": k["frequency"]}),
    "letter_frequency": lambda k: ("letter_frequency", {"letter": k["letter"], "relation": k["let_relation"], "n": k["let_frequency"]}),
    "no_comma": lambda k: ("no_commas", {}),
    "english_lowercase": lambda k: ("all_lowercase", {"language": "en"}),
    "english_capital": lambda k: ("all_uppercase", {"language": "en"}),
    "capital_word_frequency": lambda k: ("capital_word_frequency", {"relation": k["capital_relation"], "n": k["capital_frequency"]}),
    "number_bullet_lists": lambda k: ("bullet_count", {"n": k["num_bullets"]}),
    "number_highlighted_sections": lambda k: ("highlighted_sections", {"n": k["num_highlights"]}),
    "multiple_sections": lambda k: ("section_count", {"splitter": k["section_spliter"], "n": k["num_sections"]}),
    "title": lambda k: ("has_title", {}),
    "json_format": lambda k: ("is_json", {}),
    "postscript": lambda k: ("postscript", {"marker": k["postscript_marker"]}),
    "number_placeholders": lambda k: ("placeholder_count", {"n": k["num_placeholders"]}),
    "end_checker": lambda k: ("ends_with", {"phrase": k["end_phrase"]}),
    "quotation": lambda k: ("wrapped_in_quotes", {}),
    "response_language": lambda k: ("response_language", {"language": k["language"]}),
    "repeat_prompt": lambda k: ("repeats_prompt", {"prompt_to_repeat": k["prompt_to_repeat"]}),
    "two_responses": lambda k: ("two_responses", {}),
    "constrained_response": lambda k: ("any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no.", "My answer is maybe."]}),
}


def test_primitives_reproduce_official_strict_verdicts(records):
    from rubricc.compiler.checks import run_check, validate_check

    agree = total = 0
    for r in records:
        for iid, kw, official in zip(r.instruction_ids, r.kwargs, r.strict):
            name, args = _BY_ID[iid.split(":", 1)[1]](kw)
            verdict = bool(r.response.strip()) and run_check(validate_check(name, args), r.response, r.prompt)
            agree += int(verdict == official)
            total += 1
    assert total == 832
    assert agree / total >= 0.995, agree / total


def test_negative_voice_is_scored_as_its_complement(records, tmp_path):
    # a voice in the negative form holds when the instruction is broken: its check is met on a violation, so the
    # instruction is followed when it is not met (bench.phrasing_sets.NEGATIVE_VOICES; declared before a set is read)
    from bench.phrasing_sets import NEGATIVE_VOICES, evaluate_set, voice_summary

    assert NEGATIVE_VOICES["ifeval_heldout18.json"] == (4,) and NEGATIVE_VOICES["ifeval_heldout19.json"] == (3,) and \
        NEGATIVE_VOICES["ifeval_heldout20.json"] == (5,)
    path = tmp_path / "negative.json"
    path.write_text(json.dumps({"about": "test", "families": {"length_constraints:number_sentences": {
        "less than": ["The response has fewer than {n} sentences.", "The response has {n} or more sentences."],
        "at least": ["The response has at least {n} sentences.", "The response has fewer than {n} sentences."]}}}))
    right, wrong = (voice_summary(evaluate_set(records, path, negative=neg)["rows"]) for neg in ((1,), ()))
    assert right[1]["lowered"] == wrong[1]["lowered"] > 0
    assert right[1]["agreement"] >= 0.95 and wrong[1]["agreement"] <= 0.05, (right, wrong)
    assert right[0] == wrong[0]  # the positive voice as before
