"""LLM lowering validated by examples, measured: for criteria the rules leave neural, how many checks an
LLM proposes, how many its own example responses reject, and whether the kept ones agree with IFEval's
official strict verdicts on the real GPT-4 responses; plus how many semantic criteria (HealthBench) it
turns into a program (every one of those is a false lowering to read).

    python bench/llm_lower_checks.py --tiny [--n-ifeval 24] [--n-semantic 16] [--seed 0]
    python bench/llm_lower_checks.py --llm-url URL --llm-model NAME

``--tiny`` starts the bundled SmolLM2-135M server (scripts/llm_server.py, CPU, one thread). The IFEval
criteria are wordings of the held-out phrasing set that the rules leave neural (a seeded sample). The
"unvalidated" columns count what a name-and-arguments check alone (no examples) would have kept.
Last line: JSON with the counts.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _criteria(n_ifeval: int, n_semantic: int, seed: int) -> List[Dict[str, Any]]:
    from bench.data import shared_data
    from bench.ifeval_checks import load_ifeval
    from bench.phrasing_sets import HELDOUT, load_set, negative_voices, render_all
    from rubricc.compiler.lower import lower_criterion

    rng = random.Random(seed)
    fams = load_set(HELDOUT)
    negative = negative_voices(HELDOUT)
    pool = []
    for rec in load_ifeval():
        for iid, kw, official in zip(rec.instruction_ids, rec.kwargs, rec.strict):
            for voice, text in enumerate(render_all(fams, iid, kw)):
                if voice in negative:
                    continue  # compared with the official verdict below: a negative voice holds on a violation
                if lower_criterion(text) is None:
                    pool.append({"kind": "ifeval", "family": iid, "text": text, "prompt": rec.prompt,
                                 "response": rec.response, "official": official})
    out = rng.sample(pool, min(n_ifeval, len(pool)))
    hb = shared_data() / "healthbench_subset500" / "healthbench_eval.jsonl"
    sem = []
    for line in hb.open(encoding="utf-8"):
        x = json.loads(line)
        prompt = "\n".join(m["content"] for m in x["prompt"] if m.get("role") == "user")[-2000:]
        sem += [{"kind": "semantic", "text": r["criterion"], "prompt": prompt} for r in x["rubrics"]]
    return out + rng.sample(sem, min(n_semantic, len(sem)))


def measure(url: str, model: str, items: List[Dict[str, Any]], concurrency: int = 1) -> Dict[str, Any]:
    from rubricc.compiler.cache import Cache
    from rubricc.compiler.checks import run_check
    from rubricc.compiler.llm import LLMClient, run_closing
    from rubricc.compiler.llm_lower import llm_lower_rubric
    from rubricc.formats import Criterion, Rubric

    rows = []
    for i, it in enumerate(items):
        rub = Rubric(id=f"p{i}", prompt=it["prompt"], criteria=[Criterion(id="c1", text=it["text"], weight=1)])
        client = LLMClient(url, model, Cache(None))
        low, _ = run_closing(lambda: llm_lower_rubric(rub, client), client)
        c = low.criteria[0]
        row = {"kind": it["kind"], "family": it.get("family"), "criterion": it["text"][:200],
               "kept": c.check.kind == "program", "rejected": c.origin.get("llm_lower_rejected")}
        row["proposed"] = row["kept"] or bool(row["rejected"])
        # what validation of the name and arguments alone would have kept
        row["valid_unchecked"] = row["kept"] or (bool(row["rejected"]) and ("example" in row["rejected"]))
        if c.check.kind == "program":
            row["check"] = c.check.model_dump(exclude={"kind"})
        if it["kind"] == "ifeval" and row["kept"]:
            row["agrees"] = (bool(it["response"].strip()) and run_check(c.check, it["response"], it["prompt"])) == it["official"]
        rows.append(row)
    return {"rows": rows}


def summarise(rows: List[Dict[str, Any]]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for kind in ("ifeval", "semantic"):
        rs = [r for r in rows if r["kind"] == kind]
        out[kind] = {"criteria": len(rs), "proposed": sum(r["proposed"] for r in rs),
                     "valid_unvalidated": sum(r["valid_unchecked"] for r in rs),
                     "rejected_by_examples": sum(1 for r in rs if r["rejected"] and "example" in r["rejected"]),
                     "kept": sum(r["kept"] for r in rs)}
        if kind == "ifeval":
            out[kind]["kept_agreeing"] = sum(1 for r in rs if r.get("agrees"))
    return out


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", action="store_true", help="start the bundled SmolLM2-135M server")
    ap.add_argument("--llm-url")
    ap.add_argument("--llm-model", default="smollm2")
    ap.add_argument("--n-ifeval", type=int, default=24)
    ap.add_argument("--n-semantic", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print every row")
    a = ap.parse_args(argv)
    if not a.tiny and not a.llm_url:
        ap.error("give --tiny or --llm-url")
    items = _criteria(a.n_ifeval, a.n_semantic, a.seed)
    proc = None
    url = a.llm_url
    if a.tiny:
        spec = importlib.util.spec_from_file_location("llm_server", ROOT / "scripts" / "llm_server.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        proc, url = mod.start_server()
    try:
        res = measure(url, a.llm_model, items)
    finally:
        if proc is not None:
            mod.stop_server(proc)
    if a.show:
        for r in res["rows"]:
            print(json.dumps(r)[:400])
    s = summarise(res["rows"])
    for kind, v in s.items():
        print(kind, " ".join(f"{k}={x}" for k, x in v.items()))
    print(json.dumps(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
