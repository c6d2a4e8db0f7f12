"""Every development and test text lowered by one revision's code, and what changed between two such snapshots: the
precision run each round of issue 15 makes before it commits a reader.

    python bench/lowering_snapshot.py snapshot OUT.json [--repo DIR] [--workers N] [--limit N]
    python bench/lowering_snapshot.py diff BEFORE.json AFTER.json [--show N]

``snapshot`` lowers (``rubricc.compiler.lower.lower_criterion``, the nearest stage as configured) every wording of every
development phrasing set (``bench.phrasing_sets.DEV_SETS``: never the held-out set, never a set being written for a later
blind measurement) rendered for every IFEval instruction, and every string literal of the lowering tests
(``tests/test_lower*.py``, ``tests/test_nearest*.py``), with the code of ``--repo`` (a checkout or ``git worktree`` of
another revision; the texts always come from this checkout, so two snapshots compare the same texts). It writes
``{text: [check, args] or null}``. ``diff`` prints what was lost (lowered before, neural after), gained and changed, with
counts, and as the last line JSON. Both are read by a person: a change is right or wrong by reading it.
"""
from __future__ import annotations

import argparse
import ast
import importlib.util
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def texts(limit: Optional[int] = None) -> List[str]:
    """The development and test texts of this checkout, sorted (the first ``limit`` when given)."""
    from bench.ifeval_checks import data_dir, load_ifeval
    from bench.phrasing_sets import DEV_SETS, load_set, render_all

    out = set()
    d = data_dir()
    records = load_ifeval(d) if (d / "ifeval" / "input_data.jsonl").exists() else []
    for path, _ in DEV_SETS:
        families = load_set(path)
        for rec in records:
            for iid, kw in zip(rec.instruction_ids, rec.kwargs):
                out.update(render_all(families, iid, kw))
    for f in sorted(ROOT.glob("tests/test_lower*.py")) + sorted(ROOT.glob("tests/test_nearest*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 12 < len(node.value) < 1500:
                out.add(node.value)
    found = sorted(out)
    return found[:limit] if limit else found


def _load(repo: Path):
    """``lower_criterion`` from ``repo``'s code (its rubricc and compiler packages, whatever is installed)."""
    def pkg(name: str, path: Path):
        spec = importlib.util.spec_from_file_location(name, path / "__init__.py", submodule_search_locations=[str(path)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)

    if repo.resolve() != ROOT:
        pkg("rubricc", repo / "rubricc")
        for sub in ("compiler", "verifier", "kernels"):
            if (repo / sub / "__init__.py").exists():
                pkg(f"rubricc.{sub}", repo / sub)
    import rubricc.compiler.lower as lower

    if not Path(lower.__file__).resolve().is_relative_to(repo.resolve()):
        raise RuntimeError(f"{lower.__file__} is not {repo}'s code")
    return lower.lower_criterion


def _lower_part(args) -> Dict[str, Optional[list]]:
    repo, part = args
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    lower_criterion = _load(Path(repo))
    out: Dict[str, Optional[list]] = {}
    for text in part:
        try:
            got = lower_criterion(text)
            out[text] = None if got is None else [got.name, got.args]
        except Exception as e:  # a crash is a finding too: kept, never hidden
            out[text] = ["ERROR", repr(e)]
    return out


def snapshot(out: Path, repo: Path, workers: int, limit: Optional[int] = None) -> Dict[str, Optional[list]]:
    """Lower every text with ``repo``'s code in ``workers`` processes; write and return the snapshot."""
    todo = texts(limit)
    t0 = time.perf_counter()
    print(f"{len(todo)} texts, {workers} workers, code of {repo}", flush=True)
    parts = [todo[k::workers] for k in range(workers)]
    result: Dict[str, Optional[list]] = {}
    # fresh interpreters ('spawn'): another revision's modules never meet this one's, already imported here
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for got in pool.map(_lower_part, [(str(repo), p) for p in parts]):
            result.update(got)
    tmp = out.with_suffix(out.suffix + ".part")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    tmp.replace(out)  # never half-written
    print(f"wrote {out} in {time.perf_counter() - t0:.0f} s", flush=True)
    return result


def diff(before: Dict[str, Optional[list]], after: Dict[str, Optional[list]]) -> Dict[str, List[str]]:
    """The texts of both snapshots whose reading was lost, gained or changed."""
    both = sorted(set(before) & set(after))
    return {"lost": [t for t in both if before[t] is not None and after[t] is None],
            "gained": [t for t in both if before[t] is None and after[t] is not None],
            "changed": [t for t in both if before[t] is not None and after[t] is not None and before[t] != after[t]]}


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--repo", type=Path, default=ROOT, help="the checkout whose code lowers the texts (default: this one)")
    s.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    s.add_argument("--limit", type=int, default=None, help="only the first N texts (a quick look)")
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=30, help="texts shown per kind")
    a = ap.parse_args(argv)
    if a.cmd == "snapshot":
        if not (a.repo / "compiler" / "lower.py").exists():
            print(f"error: {a.repo}: no compiler/lower.py (not a rubricc checkout)", file=sys.stderr)
            return 2
        snapshot(a.out, a.repo, a.workers, a.limit)
        return 0
    loaded = []
    for path in (a.before, a.after):
        try:
            loaded.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            print(f"error: {path}: {e}", file=sys.stderr)
            return 2
    before, after = loaded
    found = diff(before, after)
    for kind, rows in found.items():
        print(f"{kind}: {len(rows)}")
        for t in rows[:a.show]:
            print(f"  {before[t]} -> {after[t]}  |  {t[:200]}")
    print(json.dumps({k: len(v) for k, v in found.items()} | {"compared": len(set(before) & set(after))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
