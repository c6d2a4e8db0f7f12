"""Leave-one-set-out measurement of the nearest-phrasing lowering stage (:mod:`rubricc.compiler.lower_nearest`).

For each development phrasing set S among the once-held-out ones (heldout .. heldout54, set 27 excepted), the stage's index is
built WITHOUT S's templates (the other sets' templates, rendered with synthetic kwargs, plus the semantic
``neural`` class), and S is rendered with the real IFEval kwargs, lowered by the rules and then by the stage
for what the rules leave neural, and run on the GPT-4 responses against the official strict verdicts. The
rules were developed on every one of these sets after its one blind measurement (set 9 only for two general
precision fixes), so a row measures the stage on wordings its index did not hold, beside rules that know
them; the key row is heldout9, the set the rules were least developed on.

    python bench/lower_cross.py [--data-dir ../shared/data] [--write-index]

``--write-index`` also writes ``compiler/nearest_index.npz`` from all the development sets. Prints a table
and, as the last line, JSON. The sets are an explicit list (never a glob): a set being written for a later
blind measurement (``ifeval_heldout55``) is never read here. A voice in the negative form
(``bench.phrasing_sets.negative_voices``: it holds when the instruction is broken) is neither in the index nor measured.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
from bench.data import shared_data  # noqa: E402
from bench.phrasing_sets import PHRASINGS, load_set, negative_voices, render_all  # noqa: E402

HELD = ("ifeval_heldout", "ifeval_heldout2", "ifeval_heldout3", "ifeval_heldout4", "ifeval_heldout5",
        "ifeval_heldout6", "ifeval_heldout7", "ifeval_heldout8", "ifeval_heldout9", "ifeval_heldout10", "ifeval_heldout11",
        "ifeval_heldout12", "ifeval_heldout13", "ifeval_heldout14", "ifeval_heldout15", "ifeval_heldout16",
        "ifeval_heldout17", "ifeval_heldout18", "ifeval_heldout19", "ifeval_heldout20", "ifeval_heldout21",
        "ifeval_heldout22", "ifeval_heldout23", "ifeval_heldout24", "ifeval_heldout25",
        "ifeval_heldout26", "ifeval_heldout28", "ifeval_heldout29", "ifeval_heldout30",
        "ifeval_heldout31", "ifeval_heldout32", "ifeval_heldout33", "ifeval_heldout34",
        "ifeval_heldout35", "ifeval_heldout36", "ifeval_heldout37", "ifeval_heldout38",
        "ifeval_heldout39", "ifeval_heldout40", "ifeval_heldout41", "ifeval_heldout42",
        "ifeval_heldout43", "ifeval_heldout44", "ifeval_heldout45",
        "ifeval_heldout46", "ifeval_heldout47", "ifeval_heldout48", "ifeval_heldout49",
        "ifeval_heldout50", "ifeval_heldout51", "ifeval_heldout52",
        "ifeval_heldout53", "ifeval_heldout54")
SETS = ("ifeval_dev", "ifeval_dev2") + HELD
BLIND = ("ifeval_heldout55",)  # the frozen held-out set: never read here, never in the index
assert not set(SETS) & set(BLIND)

# two synthetic instructions per family: the index never sees IFEval's own kwargs
_SYNTH = [
    {"num_words": 120, "num_sentences": 6, "num_paragraphs": 4, "num_bullets": 3, "num_highlights": 2, "num_sections": 5,
     "num_placeholders": 2, "frequency": 3, "let_frequency": 7, "capital_frequency": 12, "keywords": ["harbor", "lantern"],
     "forbidden_words": ["cheap", "deal"], "keyword": "garden", "letter": "r", "language": "fr", "postscript_marker": "P.S.",
     "end_phrase": "Let me know if you have questions.", "prompt_to_repeat": "Write a short poem about the sea and the wind.",
     "section_spliter": "Section", "first_word": "summer", "nth_paragraph": 2},
    {"num_words": 35, "num_sentences": 15, "num_paragraphs": 2, "num_bullets": 5, "num_highlights": 4, "num_sections": 3,
     "num_placeholders": 1, "frequency": 2, "let_frequency": 3, "capital_frequency": 4, "keywords": ["budget"],
     "forbidden_words": ["very"], "keyword": "river", "letter": "k", "language": "ja", "postscript_marker": "P.P.S",
     "end_phrase": "Any other questions?", "prompt_to_repeat": "Describe your ideal weekend in a few sentences.",
     "section_spliter": "PART", "first_word": "today", "nth_paragraph": 3},
]
_KW = {  # which synthetic kwargs each family renders with
    "number_words": ("num_words",), "number_sentences": ("num_sentences",), "number_paragraphs": ("num_paragraphs",),
    "nth_paragraph_first_word": ("num_paragraphs", "nth_paragraph", "first_word"), "number_bullet_lists": ("num_bullets",),
    "number_highlighted_sections": ("num_highlights",), "multiple_sections": ("section_spliter", "num_sections"),
    "number_placeholders": ("num_placeholders",), "existence": ("keywords",), "forbidden_words": ("forbidden_words",),
    "frequency": ("keyword", "frequency"), "letter_frequency": ("letter", "let_frequency"),
    "capital_word_frequency": ("capital_frequency",), "response_language": ("language",), "postscript": ("postscript_marker",),
    "end_checker": ("end_phrase",), "repeat_prompt": ("prompt_to_repeat",),
}
_REL = {"frequency": "relation", "letter_frequency": "let_relation", "capital_word_frequency": "capital_relation",
        "number_words": "relation", "number_sentences": "relation"}


def template_texts(name: str) -> List[Tuple[str, str]]:
    """(family, text) of every template of a set rendered with the synthetic kwargs (each relation)."""
    out = []
    negative = negative_voices(PHRASINGS / f"{name}.json")  # a negative voice is not its family's check
    for fam, tmpl in load_set(PHRASINGS / f"{name}.json").items():
        short = fam.split(":", 1)[1]
        rels = list(tmpl) if isinstance(tmpl, dict) else [None]
        for synth in _SYNTH:
            kw = {k: synth[k] for k in _KW.get(short, ())}
            for rel in rels:
                if rel is not None:
                    kw = dict(kw, **{_REL.get(short, "relation"): rel})
                for voice, text in enumerate(render_all({fam: tmpl}, fam, kw)):
                    if voice not in negative:
                        out.append((fam, text))
    return list(dict.fromkeys(out))


def _in_negative_class(text: str) -> bool:
    """A quarter of HealthBench / WritingBench by a hash of the text (the rest is measured unseen)."""
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 4 == 0


def negative_texts(d: Path) -> List[str]:
    """Semantic criteria for the ``neural`` class: BiGGen-Bench criteria and a quarter of HealthBench /
    WritingBench (never the generated rubric files, which false_lowering measures in full)."""
    import ast

    out: List[str] = []
    bg = d / "biggen_bench" / "biggen_instances_with_rubrics.json"
    if bg.exists():
        for x in json.loads(bg.read_text(encoding="utf-8")).values():
            r = x.get("score_rubric")
            try:
                r = ast.literal_eval(r) if isinstance(r, str) else r
                out.append(r["criteria"])
            except (ValueError, SyntaxError, KeyError, TypeError):
                pass
    from bench.false_lowering import semantic_criteria

    for source, text in semantic_criteria(d):
        if source in ("healthbench", "writingbench") and _in_negative_class(text):
            out.append(text)
    return [t for t in dict.fromkeys(out) if t and len(t) <= 400]


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--write-index", action="store_true", help="write compiler/nearest_index.npz from all the development sets")
    ap.add_argument("--stage-alone", action="store_true",
                    help="measure the stage without the rules (every criterion goes to it): its own generalisation")
    ap.add_argument("--sets", default=None, help="comma list of the sets to measure (default: all of HELD)")
    a = ap.parse_args(argv)
    d = Path(a.data_dir) if a.data_dir else shared_data()
    if not (d / "ifeval" / "input_data.jsonl").exists() or not (d / "healthbench_subset500").exists():
        print(f"skipped: IFEval / semantic rubric data not found under {d}", file=sys.stderr)
        return 2
    import numpy as np
    import torch

    torch.set_num_threads(1)
    from bench.ifeval_checks import load_ifeval
    from rubricc.compiler import lower_nearest as ln
    from rubricc.compiler.checks import run_check
    from rubricc.compiler import lower as lower_mod
    from rubricc.compiler.lower import lower_criterion, lower_rules_only

    if a.stage_alone:  # the driver's gates stay (failure, voice vetoes, repeat), the rules' own result is dropped
        rules = lower_mod.lower_rules_only
        lower_mod.lower_rules_only = lambda text: (rules(text), None)[1]
        lower_rules_only = lower_mod.lower_rules_only

    ln.ENABLED = True  # measured on, whatever the default
    t0 = time.time()
    tmpl = {s: template_texts(s) for s in SETS}
    neg = negative_texts(d)
    tvec = {s: ln.embed([t for _, t in tmpl[s]]) for s in SETS}
    nvec = ln.embed(neg)
    print(f"index: {sum(len(v) for v in tmpl.values())} templates, {len(neg)} neural; embedded in {time.time() - t0:.0f}s")
    if a.write_index:
        labels = [f for s in SETS for f, _ in tmpl[s]] + [ln.NEURAL] * len(neg)
        ln.save_index(ln.INDEX_PATH, labels, np.concatenate([tvec[s] for s in SETS] + [nvec]))
        print(f"wrote {ln.INDEX_PATH}")

    records = load_ifeval(d)
    results: Dict[str, Dict[str, float]] = {}
    print(f"{'set (index without it)':28s} {'n':>5s} {'rules cov':>9s} {'agree':>7s} {'+stage cov':>10s} {'agree':>7s} {'stage n':>7s} {'stage agr':>9s}")
    for s in (a.sets.split(",") if a.sets else HELD):
        labels = [f for o in SETS if o != s for f, _ in tmpl[o]] + [ln.NEURAL] * len(neg)
        ln.set_index(labels, np.concatenate([tvec[o] for o in SETS if o != s] + [nvec]))
        fams = load_set(PHRASINGS / f"{s}.json")
        negative = negative_voices(PHRASINGS / f"{s}.json")
        rows, rules_memo, stage_memo = [], {}, {}  # a text is lowered once (many instructions render the same text)
        for rec in records:
            for iid, kw, official in zip(rec.instruction_ids, rec.kwargs, rec.strict):
                for voice, text in enumerate(render_all(fams, iid, kw)):
                    if voice in negative:
                        continue  # measured against the official verdict: a negative voice's check is its complement
                    if text not in rules_memo:
                        rules_memo[text] = lower_rules_only(text)
                    rows.append((rec, iid, text, official, rules_memo[text]))
        miss = [r[2] for r in rows if r[4] is None]
        n = len(rows)
        r_low = r_ok = s_low = s_ok = 0
        stage_s = 0.0
        wrong = []
        for rec, iid, text, official, check in rows:
            stage = False
            if check is None:
                t1 = time.perf_counter()
                if text not in stage_memo:
                    stage_memo[text] = lower_criterion(text)  # the driver: rules, then the stage (embeds the text itself)
                check = stage_memo[text]
                stage_s += time.perf_counter() - t1
                stage = check is not None
            if check is None:
                continue
            ok = (bool(rec.response.strip()) and run_check(check, rec.response, rec.prompt)) == official
            r_low += not stage
            r_ok += ok and not stage
            s_low += stage
            s_ok += ok and stage
            if stage and not ok:
                wrong.append((iid, text[:160], check.name, check.args))
        dt = stage_s / max(len(stage_memo), 1)
        res = {"n": n, "rules_coverage": r_low / n, "rules_agreement": r_ok / max(r_low, 1),
               "coverage": (r_low + s_low) / n, "agreement": (r_ok + s_ok) / max(r_low + s_low, 1),
               "stage_lowered": s_low, "stage_agreement": s_ok / max(s_low, 1), "ms_per_criterion_left_by_rules": 1000 * dt}
        results[s] = res
        print(f"{s:28s} {n:5d} {res['rules_coverage']:9.3f} {res['rules_agreement']:7.4f} {res['coverage']:10.3f} "
              f"{res['agreement']:7.4f} {s_low:7d} {res['stage_agreement']:9.4f}")
        for w in wrong[:8]:
            print("   disagree:", w)
    ln.reset_index()
    key = results.get("ifeval_heldout9", {})
    print(f"key figure (heldout9, index without heldout9): rules {key.get('rules_coverage', 0):.3f} -> "
          f"rules+stage {key.get('coverage', 0):.3f}, agreement {key.get('agreement', 0):.4f}")
    print(json.dumps({"sets": results, "key_heldout9": key}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
