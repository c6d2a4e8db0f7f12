"""IFBench (allenai/IFBench) constraint families in the closed check library.

Reports how many of IFBench's 58 constraint types have a primitive that decides them, and the lowering
coverage and exactness on IFBench-style criteria (``bench/phrasings/ifbench.json``): IFBench's own
instruction wording (not written with the rules) and rubric-writer wordings (written by the team before
the rules; optimistic). A criterion counts as correct when it lowers to the expected primitive with the
expected arguments. IFBench's responses are not in the shared data, so there is no verdict agreement
here; the primitives' semantics are tested on hand-made responses in tests/test_checks_ifbench.py.

    python bench/ifbench_checks.py

Prints per family and wording source the criteria, lowered and correct counts, and as the last line
JSON {"types", "with_primitive", "official": {...}, "rubric": {...}}.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PHRASINGS = Path(__file__).resolve().parent / "phrasings" / "ifbench.json"

# IFBench's 58 constraint types (instructions_registry.INSTRUCTION_DICT)
IFBENCH_TYPES = [
    "count:word_count_range", "count:unique_word_count", "ratio:stop_words", "ratio:sentence_type",
    "ratio:sentence_balance", "count:conjunctions", "count:person_names", "ratio:overlap", "count:numbers",
    "words:alphabet", "words:vowel", "words:consonants", "sentence:alliteration_increment", "words:palindrome",
    "count:punctuation", "format:parentheses", "format:quotes", "words:prime_lengths", "format:options",
    "format:newline", "format:emoji", "ratio:sentence_words", "count:words_japanese", "words:start_verb",
    "words:repeats", "sentence:keyword", "count:pronouns", "words:odd_even_syllables", "words:last_first",
    "words:paragraph_last_first", "sentence:increment", "words:no_consecutive", "format:line_indent",
    "format:quote_unquote", "format:list", "format:thesis", "format:sub-bullets", "format:no_bullets_bullets",
    "custom:multiples", "custom:mcq_count_length", "custom:reverse_newline", "custom:word_reverse",
    "custom:character_reverse", "custom:sentence_alphabet", "custom:european_capitals_sort", "custom:csv_city",
    "custom:csv_special_character", "custom:csv_quotes", "custom:date_format_list", "count:keywords_multiple",
    "words:keywords_specific_position", "words:words_position", "repeat:repeat_change", "repeat:repeat_simple",
    "repeat:repeat_span", "format:title_case", "format:output_template", "format:no_whitespace",
]


def evaluate(path: Path = PHRASINGS) -> Dict[str, Any]:
    from rubricc.compiler.lower import lower_criterion

    fams = json.loads(path.read_text(encoding="utf-8"))["families"]
    per: Dict[str, Dict[str, List[int]]] = {}
    rows = []
    for fam, spec in fams.items():
        for source in ("official", "rubric"):
            v = per.setdefault(fam, {}).setdefault(source, [0, 0, 0])
            for template in spec[source]:
                for kwargs, name, args in spec["instances"]:
                    text = template.format(**kwargs)
                    chk = lower_criterion(text)
                    ok = chk is not None and chk.name == name and all(chk.args.get(k) == a for k, a in args.items())
                    v[0] += 1
                    v[1] += chk is not None
                    v[2] += ok
                    rows.append({"family": fam, "source": source, "criterion": text,
                                 "check": chk.model_dump(exclude={"kind"}) if chk else None, "correct": ok})
    totals = {s: [sum(per[f][s][i] for f in per) for i in range(3)] for s in ("official", "rubric")}
    return {"families": per, "totals": totals, "rows": rows}


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="print criteria not lowered or lowered wrongly")
    a = ap.parse_args(argv)
    from rubricc.compiler.checks import CHECKS
    from rubricc.compiler.checks_ifbench import IFBENCH_PRIMITIVE

    have = [t for t in IFBENCH_TYPES if IFBENCH_PRIMITIVE.get(t) in CHECKS]
    print(f"IFBench constraint types with a primitive: {len(have)} of {len(IFBENCH_TYPES)}")
    res = evaluate()
    print(f"{'family':34s} {'source':8s} {'criteria':>8s} {'lowered':>8s} {'correct':>8s}")
    for fam, by in res["families"].items():
        for source, (n, k, ok) in by.items():
            if n:
                print(f"{fam:34s} {source:8s} {n:8d} {k:8d} {ok:8d}")
    if a.show_misses:
        for r in res["rows"]:
            if not r["correct"]:
                print(json.dumps(r)[:400])
    out = {"types": len(IFBENCH_TYPES), "with_primitive": len(have)}
    for s, (n, k, ok) in res["totals"].items():
        out[s] = {"criteria": n, "coverage": round(k / n, 4) if n else None, "correct": round(ok / n, 4) if n else None}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
