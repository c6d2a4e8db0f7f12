"""Cost of a degenerate long rollout on the reward path: head-only tokenization vs the whole text.

A ~7.5 MiB response ("lorem ipsum ..." repeated) scored against one neural criterion through
``RubricReward`` (ONNX Runtime, an untrained bundle exported on the fly). Times, in one run:
``RubricReward.encode_heads`` (what the runtime does: a whitespace-cut head), the whole text through the
tokenizer (what it did before), and the full reward call. The ids of the two agree on every token the
verifier reads (tests/test_runtime.py::test_head_tokenization_equals_the_whole).

    python bench/long_rollout.py [--mib 7.5] [--threads 2]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mib", type=float, default=7.5, help="size of the rollout in MiB")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    from rubricc import RubricReward
    from rubricc.formats import Rubric
    from rubricc.verifier.export import make_untrained_bundle

    with tempfile.TemporaryDirectory() as tmp:
        make_untrained_bundle(Path(tmp) / "bundle", variants=("fp32",))
        rub = Rubric(id="r", prompt="Explain.", criteria=[{"id": "a", "text": "Is polite.", "weight": 1}])
        rw = RubricReward(Path(tmp) / "bundle", rubrics=[rub], threads=args.threads, backend="onnx")
        unit = "lorem ipsum dolor sit amet "
        big = unit * int(args.mib * 2**20 / len(unit))
        rw(completions=["warm up"], rubric_id=["r"])
        out = {"mib": round(len(big) / 2**20, 2)}
        for name, fn in (("encode_heads_s", lambda: rw.encode_heads([big], 445)),
                         ("encode_whole_s", lambda: rw.encode([big], cache=False)),
                         ("reward_call_s", lambda: rw(completions=[big], rubric_id=["r"]))):
            t = time.perf_counter()
            fn()
            out[name] = round(time.perf_counter() - t, 3)
        print(json.dumps(out))


if __name__ == "__main__":
    main()
