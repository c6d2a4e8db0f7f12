"""`rubricc compile` with an LLM endpoint (scripted server): generation, refinement rounds recorded,
atomize, llm-lower, zero requests on a rerun, kill-and-resume."""
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripted_server import ScriptedServer, rerun, run_until_killed
from rubricc.cli import main
from rubricc.compiler.endpoints import LLMConfig
from rubricc.compiler.pipeline import compile_file
from rubricc.formats import InputError, read_rubrics

ROOT = Path(__file__).resolve().parents[1]


def write_prompts(tmp_path, n=3, k=6, with_rubric=False):
    recs = []
    for p in range(n):
        rec = {"id": f"q{p}", "prompt": f"Question number {p}: explain something.",
               "responses": [{"text": f"Answer {i} " + "word " * (12 * i), "source": f"model{i % 3}"}
                             for i in range(k)]}
        if with_rubric:
            rec["rubrics"] = [{"criterion": "Explains the idea and gives an example", "weight": 2}]
        recs.append(rec)
    path = tmp_path / "prompts.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return path


def compile_(args):
    return CliRunner().invoke(main, ["compile", *args, "--no-progress", "--no-dedupe"], catch_exceptions=False)


def test_compile_generates_and_refines(tmp_path):
    inp = write_prompts(tmp_path)
    out = tmp_path / "rubrics.jsonl"
    with ScriptedServer() as s:
        r = compile_([str(inp), "-o", str(out), "--llm-url", s.url, "--llm-model", "m", "--rounds", "2"])
        assert r.exit_code == 0, r.output
        rubs = read_rubrics(out)
        assert [x.id for x in rubs] == ["q0", "q1", "q2"]
        for rub in rubs:
            ref = rub.meta["refine"]
            assert ref["rounds_run"] == 2 and [len(h["pool"]) for h in ref["history"]] == [6, 4]
            assert all(len(h["pair"]) == 2 for h in ref["history"])
            assert rub.meta["generate"]["model"] == "m"
            assert len(rub.criteria) == 5  # 3 generated + one per refinement round (scripted)
        # 3 x (1 generation + 6 + 4 gradings + 2 refinements + 5 llm-lower, on by default with an LLM)
        assert len(s.requests) == 54
        assert "54 calls" in r.output
        # identical rerun: ZERO requests
        r2 = compile_([str(inp), "-o", str(tmp_path / "again.jsonl"), "--llm-url", s.url, "--llm-model", "m",
                       "--rounds", "2", "--cache", str(tmp_path / "rubrics.jsonl.cache.sqlite")])
        assert r2.exit_code == 0, r2.output
        assert len(s.requests) == 54 and "0 calls, 54 cache hits" in r2.output
        assert (tmp_path / "again.jsonl").read_text() == out.read_text()


def test_rerun_against_a_local_server_on_another_port_makes_zero_requests(tmp_path):
    """The demo's local server takes a free port per run: the answers are the model's, not the port's.
    The servers reject json_schema (as llama.cpp does), so the rerun must also remember the mode that works
    instead of probing the new port."""
    inp = write_prompts(tmp_path, n=2, k=3)
    out = tmp_path / "rubrics.jsonl"
    args = [str(inp), "-o", str(out), "--llm-model", "m", "--rounds", "1"]
    with ScriptedServer(reject_json_schema=True) as first:
        r = compile_(args + ["--llm-url", first.url])
        assert r.exit_code == 0, r.output
        n = len(first.answered)
        written = out.read_text()
        with ScriptedServer(reject_json_schema=True) as second:  # started while the first holds its port
            assert second.url != first.url
            r2 = compile_(args + ["--llm-url", second.url])
    assert r2.exit_code == 0, r2.output
    assert second.requests == [] and len(first.answered) == n
    assert f"LLM: 0 calls, {n} cache hits" in r2.output
    assert out.read_text() == written


def test_compile_imported_rubric_atomize_and_llm_lower(tmp_path):
    inp = write_prompts(tmp_path, n=1, k=0, with_rubric=True)
    out = tmp_path / "rubrics.jsonl"
    with ScriptedServer() as s:
        r = compile_([str(inp), "-o", str(out), "--llm-url", s.url, "--llm-model", "m", "--atomize", "--llm-lower",
                      "--no-lower"])
        assert r.exit_code == 0, r.output
        rub = read_rubrics(out)[0]
        assert [c.text for c in rub.criteria] == ["Explains the idea", "gives an example"]
        assert all(c.weight == 2 for c in rub.criteria)
        assert "refine" not in rub.meta  # no candidates: nothing to refine


def test_compile_without_endpoint_still_needs_rubrics(tmp_path):
    inp = tmp_path / "p.jsonl"
    inp.write_text(json.dumps({"id": "a", "prompt": "hi"}) + "\n")
    r = compile_([str(inp), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2 and "--llm-url" in r.output


def test_compile_generation_failure_is_flagged(tmp_path):
    inp = write_prompts(tmp_path, n=2, k=0)
    out = tmp_path / "rubrics.jsonl"

    def responder(body):
        if "number 1" in body["messages"][0]["content"]:
            return {"content": "no rubric today"}
        from scripted_server import default_responder
        return default_responder(body)
    with ScriptedServer(responder) as s:
        r = compile_([str(inp), "-o", str(out), "--llm-url", s.url, "--llm-model", "m"])
        assert r.exit_code == 0, r.output
        assert [x.id for x in read_rubrics(out)] == ["q0"]
        assert "q1" in r.output and "generation failed" in r.output


def test_a_weak_proposers_non_criteria_never_make_a_rubric(tmp_path):
    """A proposer answering "yes" / "no" criteria: generation gets a repair request (q0 is written from the
    repaired answer), a refinement that never answers validly keeps the previous rubric (q1, flagged), and
    degenerate criteria of imported rubrics are dropped at the end (q1's "yes"; q2 had nothing else, so it
    is not written and is flagged, also after the LLM lowering pass recounts the report)."""
    from scripted_server import default_responder

    recs = [{"id": "q0", "prompt": "Question number 0: explain something."},
            {"id": "q1", "prompt": "Question number 1: explain something.",
             "rubrics": [{"criterion": "Explains the idea clearly", "weight": 2}, {"criterion": "yes", "weight": 1}],
             "responses": ["Short answer.", "A much longer answer with an example."]},
            {"id": "q2", "prompt": "Question number 2.", "rubrics": [{"criterion": "no", "weight": 1}]}]
    inp = tmp_path / "prompts.jsonl"
    inp.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out, rep = tmp_path / "rubrics.jsonl", tmp_path / "report.json"
    junk = {"content": json.dumps({"criteria": [{"criterion": "yes", "weight": 1}, {"criterion": "no", "weight": 1}]})}

    def responder(body):
        msgs = body["messages"]
        if "Write a grading rubric" in msgs[0]["content"]:
            return default_responder({**body, "messages": msgs[:1]}) if len(msgs) > 1 else junk
        if "improve the rubric so that it separates them" in msgs[0]["content"]:
            return junk
        return default_responder(body)
    with ScriptedServer(responder) as s:
        r = compile_([str(inp), "-o", str(out), "--llm-url", s.url, "--llm-model", "m", "--rounds", "1",
                      "--llm-lower", "--report", str(rep)])
    assert r.exit_code == 0, r.output
    q0, q1 = read_rubrics(out)
    assert len(q0.criteria) == 3 and not any(c.text in ("yes", "no") for c in q0.criteria)
    assert [c.text for c in q1.criteria] == ["Explains the idea clearly"]
    assert q1.meta["refine"]["history"][0]["proposer"].startswith("failed: ")
    assert [d["text"] for d in q1.meta["validation"]["dropped"]] == ["yes"]
    report = json.loads(rep.read_text())
    assert report["degenerate_dropped"] == 2 and report["prompts"] == 2
    assert "previous rubric kept" in report["flagged"]["q1"]
    assert report["flagged"]["q2"] == "every criterion is degenerate; no rubric written"
    assert "flagged            q2: every criterion is degenerate; no rubric written" in r.output


def test_compile_kill_and_resume(tmp_path):
    inp = write_prompts(tmp_path, n=3, k=4)
    out = tmp_path / "rubrics.jsonl"
    cmd = [sys.executable, "-m", "rubricc.cli", "compile", str(inp), "-o", str(out), "--llm-model", "m",
           "--rounds", "2", "--concurrency", "1", "--no-progress", "--no-dedupe", "--no-llm-lower"]
    total = 3 * (1 + 4 + 2 + 2)
    with ScriptedServer(hold_after=11) as s:
        first = run_until_killed(s, cmd, ROOT, kill_after=11)
        assert not out.exists()
        assert len(first) == 11
        r, second = rerun(s, cmd, ROOT)
        assert r.returncode == 0, r.stderr + r.stdout
        assert not first & set(second), "a request answered before the kill was sent again"
        assert len(second) == total - 11
        rubs = read_rubrics(out)
        assert len(rubs) == 3 and all(x.meta["refine"]["rounds_run"] == 2 for x in rubs)


def test_compile_file_library_with_endpoint(tmp_path):
    inp = write_prompts(tmp_path, n=1, k=2)
    out = tmp_path / "rubrics.jsonl"
    with pytest.raises(InputError, match="1 record.s. carry no rubric"):
        compile_file(inp, out, dedupe=False)
    with ScriptedServer() as s:
        result = compile_file(inp, out, dedupe=False, rounds=1, progress=False,
                              llm=LLMConfig(llm_url=s.url, llm_model="m"))
        # generation, two gradings, one refinement, then llm-lower (on by default) for the 4 criteria
        assert len(s.requests) == 1 + 2 + 1 + 4
    assert result.written == 1 and result.notes == [] and result.report.flagged == {}
    assert result.stats.calls == 8 and read_rubrics(out)[0].meta["refine"]["rounds_run"] == 1


# ---------------------------------------------------------------------------------------------------
# llm-lower: a proposed check is kept only when it decides the proposer's own examples right
# ---------------------------------------------------------------------------------------------------
def _lower_responder(answers):
    """Answers llm-lower requests from ``answers`` (criterion text -> JSON answer); others by default."""
    from scripted_server import default_responder

    def responder(body):
        first = body["messages"][0]["content"]
        if "translate a rubric criterion into a deterministic check" in first:
            crit = first.split("CRITERION:", 1)[1].strip().splitlines()[0]
            return {"content": json.dumps(answers.get(crit, {"check": None}))}
        return default_responder(body)
    return responder


def _rubric_file(tmp_path, criteria):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "p", "prompt": "Write a haiku about rain.",
                                "rubrics": [{"criterion": c, "weight": 1} for c in criteria]}) + "\n")
    return path


def test_llm_lower_keeps_only_checks_that_decide_their_examples(tmp_path):
    ok = {"check": {"name": "keywords_absent", "args": {"keywords": ["umbrella"]}},
          "passing": ["Soft rain on the roof.", "Grey clouds drift."], "failing": ["An umbrella opens wide."]}
    wrong = {"check": {"name": "word_count", "args": {"relation": "at least", "n": 3}},  # not what the examples say
             "passing": ["Rain."], "failing": ["Rain falls on the quiet town."]}
    no_fail = {"check": {"name": "no_commas", "args": {}}, "passing": ["Rain falls"]}
    answers = {"Never mentions the U-word (umbrella).": ok, "Is a very short poem.": wrong,
               "Reads smoothly without pauses.": no_fail}
    inp = _rubric_file(tmp_path, list(answers) + ["Evokes a calm mood."])
    out = tmp_path / "out.jsonl"
    with ScriptedServer(_lower_responder(answers)) as s:
        r = compile_([str(inp), "-o", str(out), "--llm-url", s.url, "--llm-model", "m", "--rounds", "0"])
        assert r.exit_code == 0, r.output
        lowered = [b for b in s.requests if "deterministic check" in b["messages"][0]["content"]]
        assert len(lowered) == 4  # on by default with an LLM, one request per neural criterion
    c1, c2, c3, c4 = read_rubrics(out)[0].criteria
    assert c1.check.kind == "program" and c1.check.name == "keywords_absent"
    assert c1.origin["lowered_by"] == "llm:m" and c1.origin["llm_lower_examples"] == {"passing": 2, "failing": 1}
    assert c2.check.kind == "neural" and "gives False on passing example 1" in c2.origin["llm_lower_rejected"]
    assert c3.check.kind == "neural" and "at least one passing and one failing" in c3.origin["llm_lower_rejected"]
    assert c4.check.kind == "neural" and "llm_lower_rejected" not in c4.origin


def test_no_llm_lower_sends_no_lowering_request(tmp_path):
    inp = _rubric_file(tmp_path, ["Is a very short poem."])
    with ScriptedServer(_lower_responder({})) as s:
        r = compile_([str(inp), "-o", str(tmp_path / "o.jsonl"), "--llm-url", s.url, "--llm-model", "m",
                      "--rounds", "0", "--no-llm-lower"])
        assert r.exit_code == 0, r.output
        assert not any("deterministic check" in b["messages"][0]["content"] for b in s.requests)


def test_accept_runs_only_library_primitives():
    from rubricc.compiler.llm_lower import accept, validate_shape

    ans = validate_shape({"check": {"name": "no_commas", "args": {}}, "passing": ["a b"], "failing": ["a, b"]})
    chk, why = accept(ans)
    assert chk.name == "no_commas" and why is None
    chk, why = accept(validate_shape({"check": {"name": "__import__", "args": {"name": "os"}},
                                      "passing": ["x"], "failing": ["y"]}))
    assert chk is None and "__import__" in why
    with pytest.raises(ValueError):
        validate_shape({"check": {"name": "no_commas", "args": {}}, "passing": "not a list"})
    assert validate_shape({"check": None}) is None
