"""Cost of reading the whole response (issue 10): verdicts/s at responses of 256, 1k and 4k tokens.

Same backbone (MiniLM-L6 with a seeded 1-logit head: cost does not depend on training), same texts
(HealthBench physician completions from ../shared/data cycled to the length, else synthetic words), 16
responses x 20 criteria per length, prompt ~150 tokens, one thread each, interleaved rounds, medians:

* ``windowed_torch_fp32``: ``RubricReward(backend="torch")`` on a bundle with response windows
  (``window_len`` 448, ``max_response_len`` 8192): windows encoded as a batch, criteria by cascade
  attention over all windows' keys and values (``rubricc.verifier.segmented``). Reads every token.
* ``windowed_onnx_fp32``: ``RubricReward(backend="onnx")`` on the same bundle: one fused sequence per
  response with all its windows and the block mask; ONNX Runtime computes the masked [T, T] scores, so this
  grows with the square of the response (run up to ``--onnx-max`` tokens).
* ``head_torch_fp32``: the one-window layout (before windows): reads the first ~300 response tokens only.
* ``crossencoder_predict``: ``sentence_transformers.CrossEncoder(MiniLM, num_labels=1).predict`` on
  (criterion, prompt + response) pairs, batch 32, ``max_length`` 512: it TRUNCATES at 512 tokens, so past
  ~350 response tokens it reads no more of the response than the head-only layout.

    python bench/window_cost.py              # 256, 1024, 4096 tokens; 16 x 20 verdicts each; 3 rounds
    python bench/window_cost.py --quick      # 4 responses per length, 1 round
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.throughput import CrossEncoderContender, OrtContender, _fit, build_inputs, make_rubrics  # noqa: E402


def groups_at(tok, base, n_tokens: int, n_resp: int):
    """``base`` (from build_inputs) with every response cycled to ``n_tokens`` tokens."""
    out = []
    for prompt, responses, crits in base:
        words = " ".join(responses).split()
        out.append((prompt, [_fit(tok, words[i * 37:] + words[:i * 37], n_tokens) for i in range(n_resp)], crits))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lengths", default="256,1024,4096")
    ap.add_argument("--responses", type=int, default=16)
    ap.add_argument("--criteria", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--onnx-max", type=int, default=1024, help="longest response run through ONNX Runtime")
    ap.add_argument("--no-crossencoder", action="store_true")
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    if args.quick:
        args.responses, args.repeats = 4, 1
    import torch

    from rubricc.bundle import load_tokenizer
    from rubricc.verifier.export import make_untrained_bundle
    from rubricc.verifier.model import default_backbone_path

    torch.set_num_threads(1)
    backbone = default_backbone_path()
    tok = load_tokenizer(backbone)
    tmp = Path(tempfile.mkdtemp(prefix="rubricc-window-cost-"))
    make_untrained_bundle(tmp / "windowed", seed=0, variants=("fp32",), window_len=448, max_response_len=8192)
    make_untrained_bundle(tmp / "head", seed=0, variants=("fp32",))
    base, source = build_inputs(tok, 1, n_resp=args.responses, n_crit=args.criteria)
    rubrics = make_rubrics(base)
    rows = []
    for n_tokens in [int(x) for x in args.lengths.split(",")]:
        groups = groups_at(tok, base, n_tokens, args.responses)
        cont = {"windowed_torch_fp32": OrtContender(tmp / "windowed", rubrics, groups, 1, "fp32", None, "torch"),
                "head_torch_fp32": OrtContender(tmp / "head", rubrics, groups, 1, "fp32", None, "torch")}
        if n_tokens <= args.onnx_max:
            cont["windowed_onnx_fp32"] = OrtContender(tmp / "windowed", rubrics, groups, 1, "fp32", None, "onnx")
        if not args.no_crossencoder:
            cont["crossencoder_predict"] = CrossEncoderContender(backbone, groups)
        times = {k: [] for k in cont}
        for _ in range(args.repeats):
            for name, c in cont.items():
                t0 = time.perf_counter()
                n = c()
                times[name].append(time.perf_counter() - t0)
        for name in cont:
            med = statistics.median(times[name])
            rows.append({"tokens": n_tokens, "contender": name, "verdicts": n, "seconds": round(med, 3),
                         "verdicts_per_s": round(n / med, 1)})
            print(f"{n_tokens:>5} tokens  {name:<22} {n / med:8.1f} verdicts/s  ({n} verdicts, median of "
                  f"{args.repeats}: {med:.2f}s)", flush=True)
    print(f"\nsource {source}; 1 thread; responses x criteria = {args.responses} x {args.criteria}")
    print("| response tokens | " + " | ".join(dict.fromkeys(r["contender"] for r in rows)) + " |")
    names = list(dict.fromkeys(r["contender"] for r in rows))
    for n_tokens in dict.fromkeys(r["tokens"] for r in rows):
        got = {r["contender"]: r["verdicts_per_s"] for r in rows if r["tokens"] == n_tokens}
        print(f"| {n_tokens} | " + " | ".join(f"{got[k]:.1f}" if k in got else "-" for k in names) + " |")
    print(json.dumps({"rows": rows, "responses": args.responses, "criteria": args.criteria, "threads": 1,
                      "source": source}))


if __name__ == "__main__":
    main()
