"""Write ``compiler/format_words.txt``: the words surface requirements are said in (:mod:`rubricc.compiler.lower_lexicon`).

The vocabulary of every development phrasing set's templates (the list ``bench/lower_cross.py`` indexes, never the
blind held-out set), of IFEval's own instruction wording and of the IFBench phrasings (``bench/phrasings/ifbench.json``),
placeholders, quotations and examples removed; number words, layout words and language names are added at load time.

    python bench/format_words.py [--check]

``--check`` writes nothing and exits 1 when the file differs from what the sets give. Last line JSON.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.lower_cross import BLIND, SETS  # noqa: E402
from bench.phrasing_sets import DEV, PHRASINGS, load_set  # noqa: E402

HEADER = "# the words surface requirements are said in: written by python bench/format_words.py from the development phrasing sets\n"


def _strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, (list, tuple)):
        for x in v:
            yield from _strings(x)
    elif isinstance(v, dict):
        for x in v.values():
            yield from _strings(x)


def official_texts() -> List[str]:
    """IFEval's own instruction wording of each family (but the repeat request), rendered with the synthetic kwargs
    of ``bench/lower_cross.py`` and their data words removed."""
    from bench.ifeval_checks import render_official
    from bench.lower_cross import _KW, _SYNTH

    # every family of the development set but the repeat request (its official wording is the request itself)
    families = [f for f in load_set(DEV) if f != "combination:repeat_prompt"]
    out = []
    for synth in _SYNTH:
        data = {w for v in synth.values() for x in (v if isinstance(v, list) else [v]) for w in str(x).lower().split()}
        for fam in families:
            kw = {k: synth[k] for k in _KW.get(fam.split(":", 1)[1], ())}
            for rel in ("less than", "at least"):
                text = render_official(fam, dict(kw, relation=rel, let_relation=rel, capital_relation=rel))
                out.append(" ".join(w for w in text.split() if w.lower().strip(".,:;!?'\"") not in data))
    return out


def vocabulary(sets=SETS) -> List[str]:
    from rubricc.compiler.lower_lexicon import build

    assert not set(sets) & set(BLIND), "the blind held-out set is never read"
    texts = [t for s in (*sets, "ifbench") for t in _strings(load_set(PHRASINGS / f"{s}.json"))]
    return build(texts + official_texts())


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    a = ap.parse_args(argv)
    from rubricc.compiler.lower_lexicon import WORDS_FILE

    text = HEADER + "\n".join(vocabulary()) + "\n"
    same = WORDS_FILE.exists() and WORDS_FILE.read_text(encoding="utf-8") == text
    if not a.check and not same:
        WORDS_FILE.write_text(text, encoding="utf-8")
    n = text.count("\n") - 1
    print(json.dumps({"words": n, "file": str(WORDS_FILE), "up_to_date": same}))
    return 1 if a.check and not same else 0


if __name__ == "__main__":
    sys.exit(main())
