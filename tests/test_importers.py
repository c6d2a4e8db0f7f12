"""Importers, on the real files in ../shared/data and on small hand-made fixtures."""
import json

import pytest

from rubricc.compiler.importers import RecordError, detect_format, import_file, import_record, parse_text_rubric
from rubricc.formats import InputError
from bench.data import shared_data

DATA = shared_data()


def need(rel):
    p = DATA / rel
    if not p.exists():
        pytest.skip(f"real data not found at {p} (needs ../shared/data)")
    return p


def test_healthbench_subset_imports_whole():
    recs = import_file(need("healthbench_subset500/healthbench_eval.jsonl"))
    rubrics = [r for r, _ in recs]
    assert len(rubrics) == 500
    crits = [c for r in rubrics for c in r.criteria]
    assert len(crits) == 5965
    assert sum(c.weight < 0 for c in crits) == 1859
    assert all(-10 <= c.weight <= 10 and c.weight != 0 for c in crits)
    assert all(c.origin["source"] == "healthbench" and c.origin["points"] == c.weight for c in crits)
    assert isinstance(rubrics[0].prompt, list) and rubrics[0].prompt[0]["role"] == "user"


def test_paper_format_and_sample_prompts():
    rec = {"prompt": "Explain covered calls.", "rubrics": [{"criterion": "Defines a covered call", "weight": 3},
                                                           {"criterion": "Mentions capped upside", "weight": 2}]}
    rub, prec = import_record(rec)
    assert detect_format(rec) == "paper"
    assert [(c.id, c.weight) for c in rub.criteria] == [("c1", 3), ("c2", 2)]
    with pytest.raises(RecordError, match=r"rubrics.1.weight"):
        import_record({"prompt": "x", "rubrics": [{"criterion": "a", "weight": 1}, {"criterion": "b", "weight": 5}]})
    # the paper's published prompts carry no rubric: they are prompts to generate for
    recs = import_file(need("paper_sample_prompts/sample_prompts.json"))
    assert len(recs) == 10 and all(r is None for r, _ in recs)
    assert len({p.id for _, p in recs}) == 10


def test_rar_format():
    rec = {"question": "What is sepsis?", "rubric": [
        {"title": "Definition", "description": "Essential Criteria: Defines sepsis as a dysregulated response", "weight": 5},
        {"title": "Pitfall", "description": "Pitfall Criteria: Claims sepsis is always viral", "weight": -2}]}
    rub, _ = import_record(rec)
    assert detect_format(rec) == "rar"
    assert rub.criteria[0].text == "Defines sepsis as a dysregulated response"
    assert rub.criteria[0].origin["category"] == "Essential"
    assert [c.weight for c in rub.criteria] == [5, -2]


def test_text_rubrics():
    assert parse_text_rubric("Rubric:\n1. Is concise.\n2. Cites a source\n   from the last decade.\n- Uses bullets") == [
        "Is concise.", "Cites a source from the last decade.", "Uses bullets"]
    recs = import_file(need("generated_rubrics/pointwise_helpsteer2_claude-sonnet-4.json"))
    assert len(recs) == 519
    sizes = [len(r.criteria) for r, _ in recs]
    assert min(sizes) >= 3 and sum(sizes) / len(sizes) == pytest.approx(5, abs=1)
    assert not any(c.text[:2].rstrip(".").isdigit() for r, _ in recs for c in r.criteria)  # markers stripped


def test_writingbench_checklists():
    path = need("writingbench/benchmark_all.jsonl")
    recs = import_file(path)
    assert len(recs) == 1000
    assert sum(len(r.criteria) for r, _ in recs) == 5000
    assert recs[0][0].meta["lang"] == "zh"
    assert "1-2" in recs[0][0].criteria[0].origin["levels"]


def test_prometheus_biggen_score_rubrics():
    recs = import_file(need("biggen_bench/biggen_instances_with_rubrics.json"))
    assert len(recs) == 765
    rub = recs[0][0]
    assert len(rub.criteria) == 1
    assert set(rub.criteria[0].origin["levels"]) == {"1", "2", "3", "4", "5"}
    assert rub.prompt[0]["role"] == "system"  # BiGGen's system prompt is kept


def test_bad_record_is_one_line_with_location(tmp_path):
    p = tmp_path / "in.jsonl"
    good = {"prompt": "a", "rubrics": [{"criterion": "x", "points": 3}]}
    p.write_text("\n".join([json.dumps({**good, "prompt_id": "1"}), json.dumps({**good, "prompt_id": "2"}),
                            json.dumps({"prompt_id": "3", "prompt": "b", "rubrics": [{"criterion": "y", "points": 0}]})]))
    with pytest.raises(InputError) as e:
        import_file(p)
    assert str(e.value).startswith(f"{p}:3: ") and "rubrics.0.points" in str(e.value)
    p.write_text(json.dumps({**good, "prompt_id": "1"}) + "\n" + json.dumps({**good, "prompt_id": "1"}) + "\n")
    with pytest.raises(InputError, match=r":2: duplicate prompt id"):
        import_file(p)
