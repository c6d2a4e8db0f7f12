#!/usr/bin/env python3
"""The closing summary of the main job (scripts/demo.sh): what was compiled, what the program checks
decided, what the verifier learned, what the rewards are, and where to point --llm-url for real use.

Every statement is read from the job's outputs in OUT (rubrics.jsonl, compile-report.json,
program-verdicts.jsonl, verifier/metrics.json, rewards.jsonl, logs/*.log, timings.tsv), never assumed: in
particular "the judge's labels carried no signal" is said only when distill detected it.

    python scripts/demo_summary.py OUT [--seconds N]
"""
from __future__ import annotations

import argparse
import json
import re
import textwrap
from pathlib import Path
from typing import Dict, List

WIDTH = 100


def read_jsonl(path: Path) -> List[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def plural(n: int, word: str, many: str = "") -> str:
    """``1 prompt``, ``3 prompts``; ``many`` for an irregular plural."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def para(head: str, text: str) -> List[str]:
    """``text`` wrapped to WIDTH columns under a 10-column ``head`` (``  flagged`` and such)."""
    return textwrap.wrap(text, WIDTH, initial_indent=f"{head:10s}", subsequent_indent=" " * 10,
                         break_on_hyphens=False)


def clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 3] + "..."


def without_details(text: str) -> str:
    """``round 1: proposer failed (why (more)); previous rubric kept`` -> ``round 1: proposer failed;
    previous rubric kept`` (the details stay in compile-report.json)."""
    kept, depth = [], 0
    for ch in text:
        depth += ch == "("
        if depth == 0:
            kept.append(ch)
        depth -= ch == ")" and depth > 0
    return re.sub(r"\s+([;,.])", r"\1", "".join(kept)).strip()


def compiled(out: Path) -> List[str]:
    """Criteria per origin, every program check with its verdict on each example response, and the
    prompts compile flagged."""
    rubrics = read_jsonl(out / "rubrics.jsonl")
    report = json.loads((out / "compile-report.json").read_text())
    flagged = report.get("flagged") or {}
    dropped = sorted(set(flagged) - {r["id"] for r in rubrics})
    crits = [(r["id"], c) for r in rubrics for c in r["criteria"]]
    given = sum(1 for _, c in crits if "source" in c.get("origin", {}))
    programs = [(pid, c) for pid, c in crits if c["check"]["kind"] == "program"]
    lines = para("compiled", f"{len(rubrics)} of {plural(len(rubrics) + len(dropped), 'prompt')}, "
                 f"{plural(len(crits), 'criterion', 'criteria')} ({given} from the example's own rubrics, "
                 f"{len(crits) - given} by the LLM); "
                 f"{plural(len(programs), 'is an exact program check', 'are exact program checks')}"
                 + (", decided without a model:" if programs else ""))
    verdicts: Dict[tuple, Dict[str, bool]] = {}
    for v in read_jsonl(out / "program-verdicts.jsonl"):
        verdicts.setdefault((v["prompt_id"], v["criterion_id"]), {})[v["response_id"]] = v["verdict"]
    for pid, c in programs:
        got = verdicts.get((pid, c["id"]), {})
        shown = "  ".join(f"{rid.removeprefix(pid + '-')} {'yes' if ok else 'no'}" for rid, ok in sorted(got.items()))
        lines.append(f"          {pid:6s} {clip(c['text'], 44):44s} {shown}")
    for pid, why in sorted(flagged.items()):
        left_out = " (left out of the rest of the job)" if pid in dropped else ""
        lines += para("  flagged", f"{pid}: {without_details(why)}{left_out}")
    return lines


def perturbed(out: Path) -> str:
    """How many of the judge's verdicts are on the perturbed copies (rubricc perturb), as a clause."""
    from rubricc.perturb import META_KIND  # the one name of the copies' marker

    path = out / "responses+perturbed.jsonl"
    copies = {(r["prompt_id"], r["id"]) for r in read_jsonl(path) if META_KIND in r.get("meta", {})} \
        if path.exists() else set()
    if not copies:
        return ""
    on = sum(1 for j in read_jsonl(out / "judgments.jsonl")
             if (j["prompt_id"], j["response_id"]) in copies and not str(j.get("judge") or "").startswith("program:"))
    return f" ({on} of them on {plural(len(copies), 'truncated or reordered copy', 'truncated or reordered copies')})"


def learned(out: Path) -> List[str]:
    """What distill found in the labels and measured on validation, with sample sizes."""
    m = json.loads((out / "verifier" / "metrics.json").read_text())
    diag = m["diagnostics"]
    labels, size = diag["labels"], diag["evaluation"]
    lines = para("labels", f"the judge's {plural(labels['verdicts'], 'verdict')} on "
                 f"{plural(labels['criteria'], 'neural criterion', 'neural criteria')}: "
                 f"{labels['constant_criteria']} of those criteria got the same verdict on every response"
                 + perturbed(out))
    if diag["no_signal"]:
        text = ("the tiny judge's labels carried no signal (detected by distill): a per-criterion prior explains "
                "every verdict, so that prior is all the verifier could learn")
    else:
        c, b = m["criterion"]["verifier"], m["criterion"]["baseline"]
        fmt = lambda v: "n/a" if v is None else f"{v:.2f}"  # noqa: E731
        text = (f"{m['split']} AUROC {fmt(c['auroc'])} vs {fmt(b['auroc'])} for a per-criterion prior, on "
                f"{plural(c['n'], 'verdict')}")
    if diag["too_small"]:
        text += (f"; measured on {plural(size['prompts'], size['split'] + ' prompt')} "
                 f"({plural(size['verdicts'], 'verdict')}), too few for any figure to mean anything (distill warned)")
    return lines + para("verifier", text)


def rewards(out: Path) -> List[str]:
    """The rewards per prompt, and how much the verifier's part moves between responses (measured: the
    largest spread of one neural criterion's P(yes) across the responses of its prompt)."""
    rows = read_jsonl(out / "rewards.jsonl")
    by_prompt: Dict[str, List[str]] = {}
    p_yes: Dict[tuple, List[float]] = {}
    for r in rows:
        value = "none" if r["reward"] is None else f"{r['reward']:.2f}"
        short = r["response_id"].removeprefix(r["prompt_id"] + "-")
        by_prompt.setdefault(r["prompt_id"], []).append(f"{short} {value}")
        for cid, v in (r.get("verdicts") or {}).items():
            if isinstance(v, float):  # a program check's verdict is a bool
                p_yes.setdefault((r["prompt_id"], cid), []).append(v)
    spread = max((max(v) - min(v) for v in p_yes.values()), default=None)
    moved = "" if spread is None else (f"; the verifier's P(yes) of a criterion moves by at most {spread:.3f} "
                                       "between responses")
    lines = para("rewards", f"{plural(len(rows), 'response')} (program checks exact{moved}):")
    lines += [f"          {pid:6s} {'  '.join(v)}" for pid, v in by_prompt.items()]
    return lines


def llm_calls(out: Path) -> List[str]:
    """The "LLM: ..." line each LLM step printed."""
    parts = []
    for step in ("compile", "label"):
        log = out / "logs" / f"{step}.log"
        found = re.search(r"LLM: (\d+) calls, (\d+) cache hits", log.read_text()) if log.exists() else None
        if found:
            parts.append(f"{step} {found.group(1)} calls ({found.group(2)} cache hits)")
    return para("LLM", "; ".join(parts)) if parts else []


def timings(out: Path, seconds) -> List[str]:
    path = out / "timings.tsv"
    steps = [line.split("\t") for line in path.read_text().splitlines() if line] if path.exists() else []
    shown = ", ".join(f"{name} {s}s" for name, s in steps)
    total = f"{seconds}s: " if seconds is not None else ""
    return para("time", f"{total}{shown}") if steps else []


REAL_USE = [
    "real use  a 135M model is a poor rubric writer and judge: this job shows the machinery, not rubric",
    "          quality. Point --llm-url at an OpenAI-compatible endpoint serving a strong model (vLLM,",
    "          SGLang, OpenAI, LiteLLM), for compile and label alike, e.g.",
    "            rubricc compile examples/prompts.jsonl -o rubrics.jsonl \\",
    "              --llm-url http://127.0.0.1:8000/v1 --llm-model MODEL",
]


def summary(out: Path, seconds=None) -> str:
    lines = ["== summary", *compiled(out), *learned(out), *rewards(out), *llm_calls(out), *timings(out, seconds),
             *REAL_USE, f"outputs   {out}/"]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seconds", type=int, default=None, help="the job's wall time")
    args = ap.parse_args()
    print(summary(args.out, args.seconds))


if __name__ == "__main__":
    main()
