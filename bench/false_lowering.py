"""False lowering on semantic rubrics: how many criteria written by physicians (HealthBench), by the
WritingBench authors and by Claude (the generated rubric files) the rule lowering turns into a program
check. Almost none of them state a surface property, so every lowered one must be read by hand: a
program that does not express its criterion is a wrong reward.

    python bench/false_lowering.py [--data-dir ../shared/data] [--show] [--nearest {default,on,off}]

Prints per source the criteria and the lowered count, with ``--show`` every lowered criterion and its
check (to read), and as the last line JSON {"criteria", "lowered"}. ``--nearest on``/``off`` forces the
nearest-phrasing lowering stage (:mod:`rubricc.compiler.lower_nearest`); ``default`` keeps the library's.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.data import shared_data  # noqa: E402


def semantic_criteria(d: Path) -> Iterator[Tuple[str, str]]:
    """(source, criterion text) of every criterion of the semantic rubric sets present under ``d``."""
    from rubricc.compiler.importers import parse_text_rubric

    hb = d / "healthbench_subset500" / "healthbench_eval.jsonl"
    if hb.exists():
        for line in hb.open(encoding="utf-8"):
            if line.strip():
                for it in json.loads(line)["rubrics"]:
                    yield "healthbench", it["criterion"]
    wb = d / "writingbench" / "benchmark_all.jsonl"
    if wb.exists():
        for line in wb.open(encoding="utf-8"):
            if line.strip():
                for it in json.loads(line)["checklist"]:
                    yield "writingbench", it["criteria_description"]
    for p in sorted((d / "generated_rubrics").glob("pointwise_*.json")):
        for text in json.loads(p.read_text(encoding="utf-8")).values():
            for crit in parse_text_rubric(text):
                yield p.stem, crit


def measure(d: Path) -> Dict[str, object]:
    from rubricc.compiler.lower import lower_criterion

    per: Dict[str, List[int]] = {}
    lowered: List[Dict[str, object]] = []
    for source, text in semantic_criteria(d):
        check = lower_criterion(text)
        v = per.setdefault(source, [0, 0])
        v[0] += 1
        if check is not None:
            v[1] += 1
            lowered.append({"source": source, "criterion": text, "check": check.model_dump(exclude={"kind"})})
    return {"sources": per, "lowered": lowered}


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None, help="shared data folder (default ../shared/data or $RUBRICC_SHARED_DATA)")
    ap.add_argument("--show", action="store_true", help="print every lowered criterion with its check")
    ap.add_argument("--nearest", choices=("default", "on", "off"), default="default",
                    help="the nearest-phrasing lowering stage (rubricc.compiler.lower_nearest): as the library "
                         "sets it, or forced on / off")
    a = ap.parse_args(argv)
    d = Path(a.data_dir) if a.data_dir else shared_data()
    if not (d / "healthbench_subset500").exists():
        print(f"error: semantic rubric data not found under {d}", file=sys.stderr)
        return 2
    from rubricc.compiler import lower_nearest

    with lower_nearest.switched(None if a.nearest == "default" else a.nearest == "on"):
        res = measure(d)
    for source, (n, k) in res["sources"].items():
        print(f"{source:44s} criteria {n:6d} lowered {k:4d} ({k / n:.4%})")
    if a.show:
        for r in res["lowered"]:
            print(json.dumps(r, ensure_ascii=False)[:500])
    n = sum(v[0] for v in res["sources"].values())
    k = sum(v[1] for v in res["sources"].values())
    print(json.dumps({"criteria": n, "lowered": k}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
