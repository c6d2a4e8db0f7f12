"""bench/lowering_snapshot.py: a revision's readings of every development and test text, and what changed between two."""
import json
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from bench.lowering_snapshot import diff, main, texts  # noqa: E402


def test_diff_sorts_lost_gained_changed():
    before = {"a": ["no_commas", {}], "b": None, "c": ["word_count", {"n": 3}], "d": None, "only_before": None}
    after = {"a": None, "b": ["no_commas", {}], "c": ["word_count", {"n": 4}], "d": None}
    assert diff(before, after) == {"lost": ["a"], "gained": ["b"], "changed": ["c"]}


def test_snapshot_lowers_this_checkout_and_diff_reads_it(tmp_path, capsys):
    some = texts(limit=6)
    assert len(some) == 6 and some == sorted(some)
    out = tmp_path / "snap.json"
    assert main(["snapshot", str(out), "--workers", "1", "--limit", "6"]) == 0
    snap = json.loads(out.read_text())
    assert set(snap) == set(some)
    assert all(v is None or (isinstance(v, list) and v[0] != "ERROR") for v in snap.values())
    assert main(["diff", str(out), str(out)]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == {"lost": 0, "gained": 0, "changed": 0, "compared": 6}


def test_bad_input_is_one_line(tmp_path, capsys):
    assert main(["snapshot", str(tmp_path / "x.json"), "--repo", str(tmp_path)]) == 2
    assert "not a rubricc checkout" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["diff", str(bad), str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err
