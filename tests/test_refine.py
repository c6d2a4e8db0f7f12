"""Refinement through differentiation (Algorithm 1) against the scripted server; pair selection rules."""
import random

from scripted_server import ScriptedServer, default_responder
from rubricc.compiler.atomize import atomize_rubric
from rubricc.compiler.cache import Cache
from rubricc.compiler.llm import LLMClient, run_closing
from rubricc.compiler.llm_lower import llm_lower_rubric
from rubricc.compiler.refine import Candidate, candidates_of, refine_rubric, select_pair
from rubricc.formats import Criterion, Rubric


def rubric():
    return Rubric(id="p1", prompt="Explain photosynthesis.", criteria=[
        Criterion(id="c1", text="Explains that light energy is converted", weight=3),
        Criterion(id="c2", text="Mentions chlorophyll", weight=2)])


def cands(n=6):
    return candidates_of([{"text": "x " * (15 * i), "source": f"m{i % 3}", "id": f"r{i}"} for i in range(n)], 16)


def test_select_pair_ties_prefer_two_sources_and_are_seeded():
    a, b, c = Candidate("a", "", "s1"), Candidate("b", "", "s1"), Candidate("c", "", "s2")
    scored = [(a, 1.0), (b, 1.0), (c, 1.0), (Candidate("d", "", "s3"), 0.2)]
    for seed in range(20):
        x, y, info = select_pair(scored, random.Random(seed))
        assert x.source != y.source and info["top_tied"] == 3 and info["cross_source"]
    picks = {select_pair(scored, random.Random(s))[0].id for s in range(30)}
    assert len(picks) > 1  # ties are broken at random, not by input order
    assert select_pair(scored, random.Random(7))[0].id == select_pair(scored, random.Random(7))[0].id
    # clear top, tied second place: second chosen across sources from the first
    scored = [(Candidate("t", "", "s1"), 0.9), (Candidate("u", "", "s1"), 0.5), (Candidate("v", "", "s2"), 0.5)]
    x, y, _ = select_pair(scored, random.Random(0))
    assert (x.id, y.id) == ("t", "v")


def test_refine_runs_rounds_and_records_history(tmp_path):
    with ScriptedServer() as s:
        client = LLMClient(s.url, "m", Cache(tmp_path / "c.sqlite"))
        out, flags = run_closing(lambda: refine_rubric(rubric(), cands(6), client, client, rounds=2, seed=3), client)
        assert flags == []
        h = out.meta["refine"]["history"]
        assert out.meta["refine"]["rounds_run"] == 2 and len(h) == 2
        assert [len(r["pool"]) for r in h] == [6, 4]
        used = {p["id"] for r in h for p in r["pair"]}
        assert len(used) == 4 and not {p["id"] for p in h[0]["pair"]} & set(h[1]["pool"])  # the pair leaves
        assert all(r["proposer"] == "ok" for r in h)
        assert len(h[0]["rubric"]) == 2 and len(h[1]["rubric"]) == 3 and len(out.criteria) == 4
        # the two chosen are the top two by reward
        sc = h[0]["scores"]
        assert sorted(sc.values(), reverse=True)[:2] == sorted([p["score"] for p in h[0]["pair"]], reverse=True)
        assert out.criteria[-1].origin["stage"] == "refine" and out.criteria[-1].origin["round"] == 2
        assert out.criteria[0].origin == {}  # unchanged criteria keep their origin
        # requests: 6 + 4 gradings, 2 proposer calls
        assert len(s.requests) == 12
        # a rerun is served from the cache
        client2 = LLMClient(s.url, "m", Cache(tmp_path / "c.sqlite"))
        out2, _ = run_closing(lambda: refine_rubric(rubric(), cands(6), client2, client2, rounds=2, seed=3), client2)
        assert len(s.requests) == 12 and out2 == out


def test_refine_stops_when_pool_exhausted():
    with ScriptedServer() as s:
        client = LLMClient(s.url, "m", Cache(None))
        out, _ = run_closing(lambda: refine_rubric(rubric(), cands(4), client, client, rounds=4), client)
        assert out.meta["refine"]["rounds_run"] == 2 and out.meta["refine"]["status"] == "responses_exhausted"


def test_proposer_failure_keeps_rubric_and_flags():
    def responder(body):
        if "improve the rubric" in body["messages"][0]["content"]:
            return {"content": "no json here"}
        return default_responder(body)
    with ScriptedServer(responder) as s:
        client = LLMClient(s.url, "m", Cache(None))
        out, flags = run_closing(lambda: refine_rubric(rubric(), cands(4), client, client, rounds=1), client)
        assert [c.text for c in out.criteria] == [c.text for c in rubric().criteria]
        assert flags and "proposer failed" in flags[0]
        assert out.meta["refine"]["history"][0]["proposer"].startswith("failed")
        assert out.meta["refine"]["flags"] == flags


def test_atomize_and_llm_lower():
    r = Rubric(id="p1", prompt="Write a short bio.", criteria=[
        Criterion(id="c1", text="Names the person and gives the birth year", weight=3),
        Criterion(id="c2", text="Uses at most 80 words", weight=1),
        Criterion(id="c3", text="Is a bogus surface rule", weight=1)])
    with ScriptedServer() as s:
        client = LLMClient(s.url, "m", Cache(None))
        out, flags = run_closing(lambda: atomize_rubric(r, client), client)
        assert [c.text for c in out.criteria][:2] == ["Names the person", "gives the birth year"]
        assert [c.id for c in out.criteria] == ["c1", "c2", "c3", "c4"] and out.criteria[1].weight == 3
        client = LLMClient(s.url, "m", Cache(None))
        low, flags = run_closing(lambda: llm_lower_rubric(out, client), client)
        chk = low.criteria[2].check
        assert chk.kind == "program" and chk.name == "word_count" and chk.args["n"] == 80
        assert low.criteria[3].check.kind == "neural" and "llm_lower_rejected" in low.criteria[3].origin
        assert low.criteria[0].check.kind == "neural"


def test_atomize_part_that_is_not_a_criterion_is_invalid():
    """"Explains X and Y" split into "Explains X" and "Y": the part "Y" is no criterion, the answer is
    repaired, and a failure keeps the rubric as it was (flagged)."""
    import json

    from rubricc.compiler.atomize import validate_splits

    assert validate_splits({"splits": [{"id": "c1", "parts": ["Names the person", "Gives the year"]}]}, ["c1"]) == {
        "c1": ["Names the person", "Gives the year"]}
    bad = {"content": json.dumps({"splits": [{"id": "c1", "parts": ["Names the person", "year"]}]})}
    r = Rubric(id="p1", prompt="Write a bio.",
               criteria=[Criterion(id="c1", text="Names the person and year", weight=2)])
    with ScriptedServer(lambda body: bad) as s:
        client = LLMClient(s.url, "m", Cache(None), parse_retries=0)
        out, flags = run_closing(lambda: atomize_rubric(r, client), client)
    assert out.criteria == r.criteria and len(s.requests) == 2  # the answer and its repair
    assert flags and "parts[1] 'year' is not a criterion" in flags[0]
