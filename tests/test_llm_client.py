"""LLM client against the scripted OpenAI-compatible server: structured-output fallbacks, repair,
retries, timeouts, validation, cache, unreachable endpoints, logprobs."""
import json
import re

import pytest

from scripted_server import ScriptedServer
from rubricc.compiler.cache import Cache
from rubricc.compiler.generate import generate_rubric, validate_rubric_answer
from rubricc.compiler.answers import key_yes_probabilities, parse_json_lenient, yes_probability
from rubricc.compiler.llm import EndpointError, LLMClient, normalize_url, run_closing


def gen(client, prompt="What is 2+2?", weights="paper"):
    return run_closing(lambda: generate_rubric(client, "p1", prompt, weights), client)


RUBRIC = json.dumps({"criteria": [{"criterion": "States 4", "weight": 3}]})


def test_parse_json_lenient():
    assert parse_json_lenient('{"a": 1}') == {"a": 1}
    assert parse_json_lenient('<think>{"no": 1}</think>\n```json\n{"a": [1, 2]}\n```') == {"a": [1, 2]}
    assert parse_json_lenient('Sure! Here: [1, {"b": "]"}] hope it helps {x') == [1, {"b": "]"}]
    assert parse_json_lenient('<think>thinking forever\n</think>{"c1": "yes"}') == {"c1": "yes"}
    with pytest.raises(ValueError):
        parse_json_lenient('{"criteria": [{"criterion": "cut off')
    with pytest.raises(ValueError):
        parse_json_lenient("   ")


def test_validate_rubric_ranges():
    assert validate_rubric_answer([{"criterion": " a  b ", "weight": 2}]) == [("a b", 2)]
    with pytest.raises(ValueError, match="outside 1..3"):
        validate_rubric_answer({"criteria": [{"criterion": "Is short", "weight": 5}]})
    assert validate_rubric_answer({"criteria": [{"criterion": "Is rude", "weight": -7}]}, "signed") == [("Is rude", -7)]
    with pytest.raises(ValueError, match="or zero"):
        validate_rubric_answer({"criteria": [{"criterion": "Is rude", "weight": 0}]}, "signed")
    with pytest.raises(ValueError):
        validate_rubric_answer({"criteria": []})
    with pytest.raises(ValueError):
        validate_rubric_answer({"criteria": [{"criterion": "Is short"}]})  # a weight is required


def test_degenerate_criteria_make_an_answer_invalid():
    """A proposer answer with a criterion such as "yes" is invalid: the client repairs it, and a failure
    keeps what was there before instead of a rubric of non-criteria."""
    for junk in ("yes", "no", "2", "..."):
        with pytest.raises(ValueError, match=rf"criteria\[1\].criterion '{re.escape(junk)}' is not a criterion"):
            validate_rubric_answer([{"criterion": "Gives three tips", "weight": 2}, {"criterion": junk, "weight": 1}])
    with ScriptedServer() as s:
        junk = json.dumps({"criteria": [{"criterion": "yes", "weight": 3}]})
        s.script.extend([{"content": junk}, {"content": RUBRIC}])
        c = LLMClient(s.url, "m", Cache(None))
        crit, ans = gen(c)
        assert ans.ok and [x.text for x in crit] == ["States 4"] and c.stats.repairs == 1
        assert "'yes' is not a criterion" in s.requests[1]["messages"][-1]["content"]


def test_normalize_url():
    assert normalize_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080/v1"
    assert normalize_url("http://h:1/v1/") == "http://h:1/v1"


def test_json_schema_accepted_first():
    with ScriptedServer() as s:
        c = LLMClient(s.url, "m", Cache(None))
        crit, ans = gen(c)
        assert ans.mode == "json_schema" and len(crit) == 3
        assert s.requests[0]["response_format"]["type"] == "json_schema"
        assert [x.id for x in crit] == ["c1", "c2", "c3"]


def test_json_schema_rejected_falls_back_and_is_remembered(tmp_path):
    db = tmp_path / "c.sqlite"
    with ScriptedServer(reject_json_schema=True) as s:
        c = LLMClient(s.url, "m", Cache(db))
        crit, ans = gen(c)
        assert ans.ok and ans.mode == "json_object"
        assert [r["response_format"]["type"] for r in s.requests] == ["json_schema", "json_object"]
        assert s.requests[1]["response_format"]["schema"]["required"] == ["criteria"]
        # a new client on the same cache goes straight to json_object for a new request
        c2 = LLMClient(s.url, "m", Cache(db))
        _, ans2 = gen(c2, prompt="Another prompt")
        assert ans2.ok and s.requests[2]["response_format"]["type"] == "json_object" and len(s.requests) == 3


def test_json_schema_rejected_with_a_500_falls_back():
    def responder(body):
        if (body.get("response_format") or {}).get("type") == "json_schema":
            return {"status": 500, "raw": {"error": {"code": 500, "message": 'response_format type must be one of '
                                                     '"text" or "json_object", but got: json_schema'}}}
        return {"content": RUBRIC}
    with ScriptedServer(responder) as s:
        c = LLMClient(s.url, "m", Cache(None), backoff=0.01)
        crit, ans = gen(c)
        assert ans.ok and ans.mode == "json_object" and len(s.requests) == 2 and c.stats.http_retries == 0


def test_text_mode_when_all_formats_rejected():
    def responder(body):
        if body.get("response_format"):
            return {"status": 400, "raw": {"error": {"message": "unknown field response_format"}}}
        return {"content": "<think>hmm</think>Here you go:\n```json\n" + RUBRIC + "\n```"}
    with ScriptedServer(responder) as s:
        c = LLMClient(s.url, "m", Cache(None))
        crit, ans = gen(c)
        assert ans.ok and ans.mode == "text" and crit[0].text == "States 4"
        assert len(s.requests) == 3


def test_malformed_json_gets_one_repair():
    with ScriptedServer() as s:
        s.script.extend([{"content": '{"criteria": [{"criterion": "x", "weight": 2'}, {"content": RUBRIC}])
        c = LLMClient(s.url, "m", Cache(None))
        crit, ans = gen(c)
        assert ans.ok and crit[0].text == "States 4" and c.stats.repairs == 1
        assert len(s.requests) == 2
        repair = s.requests[1]["messages"]
        assert repair[-2]["role"] == "assistant" and "could not be used" in repair[-1]["content"]


def test_out_of_range_weight_is_repaired_then_retried_then_flagged():
    bad = {"content": json.dumps({"criteria": [{"criterion": "Is short", "weight": 9}]})}
    with ScriptedServer(lambda body: bad) as s:
        c = LLMClient(s.url, "m", Cache(None), parse_retries=1)
        crit, ans = gen(c)
        assert crit is None and not ans.ok and "outside 1..3" in ans.error
        # first try, one repair, one retry at temperature 1
        assert len(s.requests) == 3
        assert s.requests[2]["temperature"] == 1.0
        assert len(c.stats.failures) == 1 and "generate p1" in c.stats.failures[0]


def test_signed_weights_accepted():
    ans_ = {"content": json.dumps({"criteria": [{"criterion": "Recommends an unsafe dose", "weight": -8},
                                                {"criterion": "Advises seeing a doctor", "weight": 5}]})}
    with ScriptedServer(lambda body: ans_) as s:
        c = LLMClient(s.url, "m", Cache(None))
        crit, ans = gen(c, weights="signed")
        assert [x.weight for x in crit] == [-8, 5]
        assert s.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["criteria"]["items"][
            "properties"]["weight"]["minimum"] == -10


def test_retries_on_429_and_500():
    with ScriptedServer() as s:
        s.script.extend([{"status": 429, "headers": {"Retry-After": "0"}}, {"status": 500}, {"status": 503}])
        c = LLMClient(s.url, "m", Cache(None), backoff=0.01)
        crit, ans = gen(c)
        assert ans.ok and c.stats.http_retries == 3 and len(s.requests) == 4 and c.stats.calls == 1


def test_timeout_is_retried():
    with ScriptedServer() as s:
        s.script.append({"delay": 1.5, "content": RUBRIC})
        c = LLMClient(s.url, "m", Cache(None), timeout=0.3, backoff=0.01)
        crit, ans = gen(c)
        assert ans.ok and c.stats.http_retries >= 1


def test_persistent_500_is_a_flagged_failure_not_a_crash():
    with ScriptedServer(lambda body: {"status": 500}) as s:
        c = LLMClient(s.url, "m", Cache(None), backoff=0.01, retries=2, parse_retries=0)
        crit, ans = gen(c)
        assert crit is None and "attempts failed" in ans.error and len(c.stats.failures) == 1


def test_unreachable_endpoint_is_one_line_error():
    import socket
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    c = LLMClient(f"http://127.0.0.1:{port}/v1", "m", Cache(None), retries=1, backoff=0.01)
    with pytest.raises(EndpointError) as e:
        gen(c)
    assert f"127.0.0.1:{port}" in str(e.value) and "\n" not in str(e.value)


def test_cache_second_run_makes_zero_requests(tmp_path):
    db = tmp_path / "c.sqlite"
    with ScriptedServer() as s:
        c = LLMClient(s.url, "m", Cache(db))
        crit1, _ = gen(c)
        n = len(s.requests)
        c2 = LLMClient(s.url, "m", Cache(db))
        crit2, _ = gen(c2)
        assert len(s.requests) == n and c2.stats.cache_hits == 1 and c2.stats.calls == 0
        assert crit1 == crit2


def test_yes_probability_from_logprobs():
    import math
    top = [{"token": '"yes', "logprob": math.log(0.6)}, {"token": " no", "logprob": math.log(0.2)},
           {"token": "maybe", "logprob": math.log(0.2)}]
    assert yes_probability(top) == pytest.approx(0.75)
    raw = {"logprobs": [{"token": t, "logprob": -0.1, "top_logprobs": tops} for t, tops in [
        ('{"', []), ("c1", []), ('":', []), (' "', []),
        ("yes", [{"token": "yes", "logprob": math.log(0.9)}, {"token": "no", "logprob": math.log(0.1)}]),
        ('",', []), (' "', []), ("c2", []), ('":"', []),
        ("no", [{"token": "no", "logprob": math.log(0.7)}, {"token": "yes", "logprob": math.log(0.3)}]),
        ('"}', [])]]}
    p = key_yes_probabilities(raw, ["c1", "c2", "c3"])
    assert p["c1"] == pytest.approx(0.9) and p["c2"] == pytest.approx(0.3) and p["c3"] is None


def test_identical_requests_in_flight_are_sent_once(tmp_path):
    """Eight identical requests at once (and two different ones): the server sees each distinct request
    once; the duplicates get the same answer; the answer is in the cache as soon as it arrived."""
    import asyncio

    db = tmp_path / "c.sqlite"
    with ScriptedServer(lambda body: {"delay": 0.3, "content": "ok " + body["messages"][-1]["content"]}) as s:
        c = LLMClient(s.url, "m", Cache(db), concurrency=8)
        same = [{"role": "user", "content": "same"}]

        async def main():
            return await asyncio.gather(*[c.request(same, {"temperature": 0}) for _ in range(8)],
                                        c.request([{"role": "user", "content": "a"}], {"temperature": 0}),
                                        c.request([{"role": "user", "content": "b"}], {"temperature": 0}))
        recs = run_closing(main, c)
        assert len(s.requests) == 3 and c.stats.calls == 3 and c.stats.cache_hits == 7
        assert {r["content"] for r in recs[:8]} == {"ok same"} and sum(not r["cached"] for r in recs[:8]) == 1
        assert len({r["request_hash"] for r in recs[:8]}) == 1
        assert len(Cache(db)) == 3


def test_a_failed_request_fails_its_duplicates_too():
    import asyncio

    with ScriptedServer(lambda body: {"delay": 0.2, "status": 400}) as s:
        c = LLMClient(s.url, "m", Cache(None), retries=0)
        same = [{"role": "user", "content": "same"}]

        async def main():
            return await asyncio.gather(*[c.request(same, {"temperature": 0}) for _ in range(3)],
                                        return_exceptions=True)
        outs = run_closing(main, c)
        assert len(s.requests) == 1 and all(isinstance(o, Exception) for o in outs)
