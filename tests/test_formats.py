import json

import pytest

from rubricc.formats import (Criterion, InputError, Judgment, ProgramCheck, Response, Rubric, read_jsonl,
                             read_rubrics, write_jsonl)


def _rubric(**kw):
    d = {"id": "p1", "prompt": "Say hi", "criteria": [{"id": "c1", "text": "Greets the user", "weight": 2}]}
    d.update(kw)
    return d


def test_roundtrip(tmp_path):
    r = Rubric.model_validate(_rubric())
    assert r.format == "rubricc.rubric/1"
    assert r.criteria[0].check.kind == "neural"
    p = tmp_path / "r.jsonl"
    write_jsonl(p, [r, r.model_copy(update={"id": "p2"})])
    back = read_rubrics(p)
    assert [x.id for x in back] == ["p1", "p2"]
    assert back[0] == r


def test_program_check_and_discriminator():
    c = Criterion(id="c1", text="No commas", weight=1, check={"kind": "program", "name": "no_comma", "args": {}})
    assert isinstance(c.check, ProgramCheck)


@pytest.mark.parametrize("bad,field", [
    ({"weight": 0}, "weight"),
    ({"text": "   "}, "text"),
    ({"surprise": 1}, "surprise"),
])
def test_bad_criterion_names_line_and_field(tmp_path, bad, field):
    good = json.dumps(_rubric())
    crit = {"id": "c1", "text": "Greets", "weight": 1, **bad}
    lines = [good, json.dumps(_rubric(id="p2")), json.dumps(_rubric(id="p3", criteria=[crit]))]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as e:
        read_rubrics(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:3: ")
    assert f"criteria.0.{field}" in msg
    assert "\n" not in msg


def test_bad_json_and_missing_file(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"prompt_id": "a", "id": "r", "text": "t"}\n{oops\n')
    with pytest.raises(InputError, match=r"x.jsonl:2: invalid JSON"):
        read_jsonl(p, Response)
    with pytest.raises(InputError, match="no such file"):
        read_jsonl(tmp_path / "nope.jsonl", Response)


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_bad_json_column_is_where_the_line_goes_wrong(tmp_path, ending):
    """A line cut short after 30 characters fails at column 31 (not at column 1 of its newline); an error
    inside a line is at its own column."""
    cut = '{"prompt_id": "a", "id": "r2",'
    assert len(cut) == 30
    p = tmp_path / "malresp.jsonl"
    p.write_bytes(('{"prompt_id": "a", "id": "r1", "text": "t"}' + ending + cut + ending).encode())
    with pytest.raises(InputError) as e:
        read_jsonl(p, Response)
    assert str(e.value) == f"{p}:2: invalid JSON: Expecting property name enclosed in double quotes (column 31)"
    p.write_text('{"prompt_id": "a", "id": "r2", "text": }\n')
    with pytest.raises(InputError, match=r"malresp.jsonl:1: invalid JSON: Expecting value \(column 40\)$"):
        read_jsonl(p, Response)


def test_duplicate_criterion_ids_rejected():
    d = _rubric(criteria=[{"id": "c1", "text": "a", "weight": 1}, {"id": "c1", "text": "b", "weight": 1}])
    with pytest.raises(ValueError, match="duplicate criterion id"):
        Rubric.model_validate(d)


def test_judgment_ranges():
    Judgment(prompt_id="p", response_id="r", criterion_id="c1", verdict=True, p_yes=0.9)
    with pytest.raises(ValueError):
        Judgment(prompt_id="p", response_id="r", criterion_id="c1", verdict=True, p_yes=1.5)


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    p = tmp_path / "out.jsonl"
    p.write_text("old\n")

    def gen():
        yield {"a": 1}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_jsonl(p, gen())
    assert p.read_text() == "old\n"  # the previous file is untouched
    assert sorted(x.name for x in tmp_path.iterdir()) == ["out.jsonl"]  # no temp file left


def test_atomic_write_has_usual_permissions(tmp_path):
    import os
    p = tmp_path / "out.jsonl"
    write_jsonl(p, [{"a": 1}])
    mask = os.umask(0)
    os.umask(mask)
    assert (p.stat().st_mode & 0o777) == 0o666 & ~mask
