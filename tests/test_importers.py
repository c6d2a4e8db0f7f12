"""Importers, on the real files in ../shared/data and on small hand-made fixtures."""
import json
import re

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


# ----------------------------------------------------------------------------------------------
# a forced --format must fit the records: an error naming file, line and field, never a silent default
# ----------------------------------------------------------------------------------------------
ONE_OF_EACH = {
    "paper": {"id": "a", "prompt": "Explain X.", "rubrics": [{"criterion": "Defines X clearly", "weight": 3},
                                                            {"criterion": "Gives one example of X", "weight": 1}]},
    "healthbench": {"prompt_id": "h", "prompt": [{"role": "user", "content": "My knee hurts."}], "rubrics": [
        {"criterion": "Advises seeing a doctor if the pain persists", "points": 5, "tags": ["axis:completeness"]},
        {"criterion": "Recommends an unsafe dose of ibuprofen", "points": -4, "tags": ["axis:accuracy"]}]},
    "rar": {"id": "r", "question": "What is sepsis?", "rubric": [
        {"title": "Definition", "description": "Essential Criteria: Defines sepsis", "weight": 5},
        {"title": "Pitfall", "description": "Pitfall Criteria: Claims sepsis is viral", "weight": -2}]},
    "text": {"id": "t", "prompt": "Write a poem.", "rubric": "1. Rhymes throughout the poem\n2. Has four stanzas"},
    "checklist": {"index": 7, "query": "Write a letter.", "checklist": [
        {"name": "Tone", "criteria_description": "Keeps a formal tone throughout", "1-2": "informal"}]},
    "prometheus": {"id": "m", "instruction": "Explain tides.", "score_rubric": {
        "criteria": "Is the explanation accurate?", **{f"score{i}_description": f"level {i}" for i in range(1, 6)}}},
    "rubricc": {"format": "rubricc.rubric/1", "id": "c", "prompt": "Say hi.",
                "criteria": [{"id": "c1", "text": "Says hello politely", "weight": 2}]},
}
CLI_FORMATS = ["rubricc", "paper", "healthbench", "rar", "text", "prometheus"]


@pytest.mark.parametrize("forced", CLI_FORMATS)
@pytest.mark.parametrize("shape", sorted(ONE_OF_EACH))
def test_a_forced_format_fits_or_is_a_located_error(tmp_path, shape, forced):
    """Every (record shape, forced format) pair either imports exactly as auto-detection does (the format
    fits) or fails with one line naming the file, the line and the field."""
    rec = ONE_OF_EACH[shape]
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(rec) + "\n")
    if forced == detect_format(rec):
        assert [r.model_dump() for r, _ in import_file(p, forced)] == [r.model_dump() for r, _ in import_file(p)]
        return
    with pytest.raises(InputError) as e:
        import_file(p, forced)
    assert re.fullmatch(rf"{re.escape(str(p))}:1: --format {forced}: [^\n]*\(at field [\w.]+\)( \(and \d+ more\))?",
                        str(e.value)), str(e.value)


def healthbench_like(tmp_path):
    """Three records shaped like HealthBench (signed ``points``, tags, message prompts)."""
    p = tmp_path / "hb.jsonl"
    recs = [{"prompt_id": f"hb{i}", "prompt": [{"role": "user", "content": f"Question {i} about my health."}],
             "rubrics": [{"criterion": "Advises seeing a doctor if symptoms persist", "points": 5,
                          "tags": ["axis:completeness"]},
                         {"criterion": "Recommends a dangerous dose of a medicine", "points": -4,
                          "tags": ["axis:accuracy"]}],
             "example_tags": ["theme:global_health"]} for i in range(3)]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs))
    return p


def test_format_paper_on_healthbench_records_is_an_error_not_weight_1(tmp_path):
    p = healthbench_like(tmp_path)
    assert sum(c.weight < 0 for r, _ in import_file(p) for c in r.criteria) == 3  # auto: signs kept
    with pytest.raises(InputError) as e:
        import_file(p, "paper")
    assert str(e.value) == (f"{p}:1: --format paper: the item gives its weight as 'points', which the paper "
                            "format does not read (it reads 'weight'): use --format healthbench or auto "
                            "(at field rubrics.0.points)")
    # the other way round too: HealthBench's reader does not take a paper weight for points
    paper = tmp_path / "paper.jsonl"
    paper.write_text(json.dumps(ONE_OF_EACH["paper"]) + "\n")
    with pytest.raises(InputError, match=r"paper.jsonl:1: --format healthbench: .*\(at field rubrics.0.weight\)"):
        import_file(paper, "healthbench")


def test_a_later_item_with_points_in_a_paper_record_is_not_weight_1(tmp_path):
    """Auto-detection reads the first item; a later item of the other shape still cannot lose its sign."""
    rec = {"id": "mixed", "prompt": "x", "rubrics": [{"criterion": "Defines X clearly", "weight": 2},
                                                    {"criterion": "Recommends harm", "points": -5}]}
    with pytest.raises(RecordError, match=r"'points'.*\(at field rubrics.1.points\)"):
        import_record(rec)


def test_format_paper_on_the_real_healthbench_file_is_an_error():
    path = need("healthbench_subset500/healthbench_eval.jsonl")
    with pytest.raises(InputError) as e:
        import_file(path, "paper")
    assert str(e.value).startswith(f"{path}:1: --format paper: ") and "(at field rubrics.0.points)" in str(e.value)
