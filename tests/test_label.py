"""`rubricc label` against the scripted server: judgments, program checks run locally, p_yes from logprobs,
per-criterion mode, zero requests on a rerun, kill-and-resume; the library function behind it (label_files)
and the missing 'llm' extra."""
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripted_server import ScriptedServer, rerun, run_until_killed
from rubricc.cli import main
from rubricc.compiler.endpoints import LLMConfig
from rubricc.compiler.label import label_files
from rubricc.formats import InputError, read_judgments

ROOT = Path(__file__).resolve().parents[1]


def write_inputs(tmp_path, n_prompts=2, n_resp=3):
    rubrics, responses = [], []
    for p in range(n_prompts):
        rubrics.append({"format": "rubricc.rubric/1", "id": f"p{p}", "prompt": f"Explain topic {p}.",
                        "criteria": [
                            {"id": "c1", "text": "Explains the main idea", "weight": 3},
                            {"id": "c2", "text": "Uses at most 50 words", "weight": 1,
                             "check": {"kind": "program", "name": "word_count",
                                       "args": {"relation": "at most", "n": 50}}},
                            {"id": "c3", "text": "Gives an example", "weight": 2}]})
        for r in range(n_resp):
            responses.append({"prompt_id": f"p{p}", "id": f"r{r}", "text": f"Answer {r} " + "word " * (30 * r),
                              "source": f"model{r}"})
    rp, sp = tmp_path / "rubrics.jsonl", tmp_path / "responses.jsonl"
    rp.write_text("".join(json.dumps(x) + "\n" for x in rubrics))
    sp.write_text("".join(json.dumps(x) + "\n" for x in responses))
    return rp, sp


def label(args):
    r = CliRunner().invoke(main, ["label", *args, "--no-progress"], catch_exceptions=False)
    return r


def test_label_all_criteria_in_one_call(tmp_path):
    rp, sp = write_inputs(tmp_path)
    out = tmp_path / "j.jsonl"
    with ScriptedServer() as s:
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(out), "--llm-url", s.url,
                   "--llm-model", "judge-m"])
        assert r.exit_code == 0, r.output
        assert len(s.requests) == 6  # one call per response; the program check is never sent
        for body in s.requests:
            assert "Uses at most 50 words" not in body["messages"][0]["content"]
            assert body["logprobs"] is True and body["top_logprobs"] == 5
        js = read_judgments(out)
        assert len(js) == 18
        byk = {(j.prompt_id, j.response_id, j.criterion_id): j for j in js}
        # program check evaluated locally: r0 is short, r2 has > 50 words
        assert byk[("p0", "r0", "c2")].verdict is True and byk[("p0", "r0", "c2")].judge == "program:word_count"
        assert byk[("p0", "r2", "c2")].verdict is False
        j = byk[("p1", "r2", "c1")]
        assert j.verdict is True and j.judge == "judge-m" and j.p_yes == pytest.approx(0.909, abs=0.01)
        assert len(j.request_hash) == 64
        assert (tmp_path / "j.jsonl.cache.sqlite").exists()
        # an identical second run makes ZERO requests and writes the same judgments
        out2 = tmp_path / "j2.jsonl"
        r2 = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(out2), "--llm-url", s.url,
                    "--llm-model", "judge-m", "--cache", str(tmp_path / "j.jsonl.cache.sqlite")])
        assert r2.exit_code == 0 and len(s.requests) == 6
        assert "0 calls, 6 cache hits" in r2.output
        assert out2.read_text() == out.read_text()


def test_label_rerun_on_another_port_makes_zero_requests_and_same_judgments(tmp_path):
    """Judgments (request hashes included) do not depend on the port of a local server."""
    rp, sp = write_inputs(tmp_path)
    out = tmp_path / "j.jsonl"
    args = ["--rubrics", str(rp), "--responses", str(sp), "-o", str(out), "--llm-model", "m"]
    with ScriptedServer() as first:
        assert label(args + ["--llm-url", first.url]).exit_code == 0
        written = out.read_text()
        with ScriptedServer() as second:
            assert second.url != first.url
            r = label(args + ["--llm-url", second.url.replace("127.0.0.1", "localhost")])
    assert r.exit_code == 0, r.output
    assert second.requests == [] and len(first.requests) == 6 and "0 calls, 6 cache hits" in r.output
    assert out.read_text() == written


def test_label_per_criterion_reads_p_yes(tmp_path):
    rp, sp = write_inputs(tmp_path, n_prompts=1, n_resp=2)
    out = tmp_path / "j.jsonl"
    with ScriptedServer() as s:
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(out), "--llm-url", s.url,
                   "--llm-model", "m", "--per-criterion"])
        assert r.exit_code == 0, r.output
        assert len(s.requests) == 4  # 2 responses x 2 neural criteria
        assert all("response_format" not in b and b["max_tokens"] == 4 for b in s.requests)
        js = [j for j in read_judgments(out) if j.judge == "m"]
        assert all(j.verdict is True and j.p_yes == pytest.approx(0.909, abs=0.01) for j in js)


def test_label_bad_inputs_are_one_line_errors(tmp_path):
    rp, sp = write_inputs(tmp_path, 1, 1)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"prompt_id": "nope", "id": "r1", "text": "x"}\n')
    r = label(["--rubrics", str(rp), "--responses", str(bad), "-o", str(tmp_path / "o.jsonl"),
               "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m"])
    assert r.exit_code == 2 and "bad.jsonl:1: prompt_id 'nope' has no rubric" in r.output
    assert not (tmp_path / "o.jsonl").exists()
    # every response skipped: nothing to label is an error, unless --allow-empty
    r = label(["--rubrics", str(rp), "--responses", str(bad), "-o", str(tmp_path / "o.jsonl"),
               "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--skip-unknown"])
    assert r.exit_code == 2 and r.output.strip() == (
        f"error: {bad}: no response has a rubric in {rp} (all 1 skipped, first: nope/r1); --allow-empty "
        "accepts it and writes an empty output")
    assert set(tmp_path.iterdir()) == {rp, sp, bad}  # no output, no cache file
    r = label(["--rubrics", str(rp), "--responses", str(bad), "-o", str(tmp_path / "o.jsonl"),
               "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--skip-unknown", "--allow-empty"])
    assert r.exit_code == 0 and "skipped 1 response(s) with no rubric: nope/r1" in r.output
    assert (tmp_path / "o.jsonl").read_text() == ""


@pytest.mark.parametrize("empty", ["rubrics", "responses"])
def test_label_empty_input_is_an_error_unless_allowed(tmp_path, empty):
    rp, sp = write_inputs(tmp_path, 1, 1)
    blank = {"rubrics": rp, "responses": sp}[empty]
    blank.write_text("\n")  # blank lines are no records
    out = tmp_path / "o.jsonl"
    args = ["--rubrics", str(rp), "--responses", str(sp), "-o", str(out), "--llm-url", "http://127.0.0.1:9/v1",
            "--llm-model", "m"]
    r = label(args)
    assert r.exit_code == 2
    assert r.output.strip() == (f"error: {blank}: no {empty} (the file is empty); --allow-empty accepts it and "
                                "writes an empty output")
    assert set(tmp_path.iterdir()) == {rp, sp}
    if empty == "responses":  # with --allow-empty: an empty output, no request, no cache file
        r = label(args + ["--allow-empty"])
        assert r.exit_code == 0, r.output
        assert out.read_text() == "" and set(tmp_path.iterdir()) == {rp, sp, out}


def test_label_unreachable_endpoint(tmp_path):
    """One line naming the URL; nothing written: no output and, since no answer was stored, no cache file."""
    rp, sp = write_inputs(tmp_path, 1, 1)
    r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "o.jsonl"),
               "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--retries", "1"])
    assert r.exit_code == 2
    lines = [ln for ln in r.output.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and "cannot reach LLM endpoint http://127.0.0.1:9/v1" in lines[0]
    assert set(tmp_path.iterdir()) == {rp, sp}


def test_label_judge_failure_is_flagged_not_dropped(tmp_path):
    rp, sp = write_inputs(tmp_path, 1, 2)
    out = tmp_path / "j.jsonl"
    with ScriptedServer(lambda body: {"content": "I refuse to answer in JSON."}) as s:
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(out), "--llm-url", s.url,
                   "--llm-model", "m", "--no-cache"])
        assert r.exit_code == 0, r.output
        js = read_judgments(out)
        assert len(js) == 6
        assert all(j.verdict is None for j in js if j.criterion_id != "c2")
        assert "2 failures" in r.output and "failed: grade p0/r0" in r.output


def test_label_kill_and_resume(tmp_path):
    rp, sp = write_inputs(tmp_path, n_prompts=3, n_resp=4)
    out = tmp_path / "j.jsonl"
    cmd = [sys.executable, "-m", "rubricc.cli", "label", "--rubrics", str(rp), "--responses", str(sp),
           "-o", str(out), "--llm-model", "m", "--concurrency", "1", "--no-progress"]
    with ScriptedServer(hold_after=5) as s:
        first = run_until_killed(s, cmd, ROOT, kill_after=5)
        assert not out.exists()
        assert len(first) == 5
        r, second = rerun(s, cmd, ROOT)
        assert r.returncode == 0, r.stderr
        assert len(second) == 12 - 5  # only the unanswered ones
        assert not first & set(second), "a request answered before the kill was sent again"
        assert "5 cache hits" in r.stderr
        assert len(read_judgments(out)) == 36


def test_label_files_library(tmp_path):
    rp, sp = write_inputs(tmp_path, n_prompts=1, n_resp=2)
    out = tmp_path / "j.jsonl"
    with pytest.raises(InputError, match="an LLM endpoint is needed"):
        label_files(rp, sp, out, LLMConfig())
    assert set(tmp_path.iterdir()) == {rp, sp}  # nothing created
    with ScriptedServer() as s:
        result = label_files(rp, sp, out, LLMConfig(judge_url=s.url, judge_model="j"), progress=False)
    assert (result.responses, result.judgments, result.program, result.ungraded) == (2, 6, 2, 0)
    assert result.skipped == [] and result.stats.calls == 2
    assert len(read_judgments(out)) == 6


def test_label_without_the_llm_extra_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openai", None)
    rp, sp = write_inputs(tmp_path, 1, 1)
    r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "o.jsonl"),
               "--llm-url", "http://127.0.0.1:9/v1", "--llm-model", "m"])
    assert r.exit_code == 2
    assert r.output.strip() == "error: an LLM endpoint (--llm-url) needs the 'llm' extra: pip install 'rubricc[llm]'"
    assert set(tmp_path.iterdir()) == {rp, sp}  # no output, no cache file


def _one_line_exit_2(r):
    assert r.exit_code == 2, r.output
    assert r.output.startswith("error: ") and r.output.count("\n") == 1, r.output
    return r.output


def test_label_corrupt_or_foreign_cache_is_one_line_before_any_request(tmp_path):
    rp, sp = write_inputs(tmp_path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database\n" * 100)
    other = tmp_path / "other.sqlite"
    import sqlite3
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE answers (a INTEGER)")  # SQLite, but not a rubricc cache
    db.commit()
    db.close()
    with ScriptedServer() as s:
        for cache in (junk, other):
            r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "j.jsonl"),
                       "--llm-url", s.url, "--llm-model", "m", "--cache", str(cache)])
            out = _one_line_exit_2(r)
            assert f"{cache}: not a rubricc cache" in out and "delete it or pass --cache elsewhere" in out
        assert len(s.requests) == 0 and not (tmp_path / "j.jsonl").exists()


def test_label_unwritable_output_is_found_before_any_request(tmp_path):
    rp, sp = write_inputs(tmp_path)
    (tmp_path / "a_dir").mkdir()
    (tmp_path / "a_file").write_text("x")
    with ScriptedServer() as s:
        cfg = LLMConfig(llm_url=s.url, llm_model="m", no_cache=True)
        with pytest.raises(InputError, match="is a directory"):  # the CLI's click option refuses it too
            label_files(rp, sp, tmp_path / "a_dir", cfg, progress=False)
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "a_file" / "j.jsonl"),
                   "--llm-url", s.url, "--llm-model", "m", "--no-cache"])
        assert "not a folder" in _one_line_exit_2(r)
        assert len(s.requests) == 0
        # a missing folder is created
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "new" / "j.jsonl"),
                   "--llm-url", s.url, "--llm-model", "m"])
        assert r.exit_code == 0 and (tmp_path / "new" / "j.jsonl").exists()


def test_label_cache_damaged_mid_run_is_one_line(tmp_path, monkeypatch):
    import sqlite3

    from rubricc.compiler.cache import Cache

    class Damaged:
        """The cache's connection once the file is damaged: storing an answer fails as SQLite reports it."""

        def __init__(self, db):
            self.db = db

        def execute(self, sql, args=()):
            if sql.startswith("INSERT OR REPLACE INTO answers"):
                raise sqlite3.DatabaseError("database disk image is malformed")
            return self.db.execute(sql, args)

        def close(self):
            self.db.close()

    real_open = Cache._open

    def open_damaged(self):
        db = real_open(self)
        if not isinstance(db, Damaged):
            self.db = db = Damaged(db)
        return db
    monkeypatch.setattr(Cache, "_open", open_damaged)
    rp, sp = write_inputs(tmp_path)
    with ScriptedServer() as s:
        r = label(["--rubrics", str(rp), "--responses", str(sp), "-o", str(tmp_path / "j.jsonl"),
                   "--llm-url", s.url, "--llm-model", "m"])
        assert "the cache failed during the run (database disk image is malformed)" in _one_line_exit_2(r)
    assert not (tmp_path / "j.jsonl").exists()
