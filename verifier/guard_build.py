"""Adds the relevance guard (:mod:`rubricc.guard`) to a bundle: exports the embedder, calibrates it.

``add_guard(bundle, prompts, responses)`` exports the backbone the verifier was distilled from (before
fine-tuning) as ``guard.onnx``: the encoder, mean pooling over the attention mask and L2 normalisation
(all-MiniLM-L6-v2's own sentence-embedding recipe), checked against torch. It then measures, through
the runtime's own :class:`rubricc.guard.Guard`, every given response (a seeded sample of at most
:data:`MAX_RESPONSES`) against its own prompt and against
one unrelated prompt (distinctive-word overlap below :data:`rubricc.verifier.invariance.MAX_DONOR_OVERLAP`),
and sets the thresholds (:data:`QUANTILE` of the own values; the median of the unrelated relevances), then
calibrates the repetition, fluency, order and stuffing rules (:mod:`rubricc.repetition`, :mod:`rubricc.fluency`,
:mod:`rubricc.order`, :mod:`rubricc.stuffing`; the last from each prompt's criteria, when given). Give it training responses
only: the split the verifier is measured on must stay unseen.

Nothing is half-written: the graph goes to a temporary file that replaces ``guard.onnx`` and the record
is written last (an interrupted run leaves the bundle's old record, which the runtime reads).
"""
from __future__ import annotations

import os
import random
import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

import numpy as np

from rubricc import bundle, fluency
from rubricc import order as order_rule
from rubricc import repetition as repetition_rule
from rubricc import stuffing as stuffing_rule
from rubricc.formats import _umask
from rubricc.guard import CHUNK_TOKENS, GUARD_FILE, MAX_RESPONSE_TOKENS, PROMPT_VIEWS, Guard, factor, summarize

QUANTILE = 0.02  # share of training responses (and chunks) allowed below a threshold
MIN_RESPONSES = 20  # fewer calibration responses: thresholds are rough (said in the record and the log)
MAX_RESPONSES = 2000  # more: a seeded sample (2% quantiles need no more; 11.6k AlpacaEval answers took ~40 min)
OPSET = 17


def export_embedder(backbone: str, path: Path) -> float:
    """Writes the sentence embedder of ``backbone`` to ``path`` (ONNX); returns the largest difference
    from torch on a small batch."""
    import torch

    from rubricc.verifier.model import load_encoder

    class Pooled(torch.nn.Module):
        def __init__(self, enc):
            super().__init__()
            self.enc = enc

        def forward(self, input_ids, attention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            e = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(e, dim=-1)

    model = Pooled(load_encoder(backbone, "eager")).eval().float()
    ids = torch.tensor([[101, 2000, 2001, 2002, 102, 0], [101, 2003, 102, 0, 0, 0]])
    mask = (ids != 0).long()
    g = torch.Generator().manual_seed(0)
    other = torch.randint(1000, 5000, (3, 37), generator=g)  # parity at another batch size and length too
    other[:, 0], other[0, 20:], other[1, 9:] = 101, 0, 0
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
            "embeddings": {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on shape arithmetic: parity is checked below
        torch.onnx.export(model, (ids, mask), str(path), dynamo=False, input_names=["input_ids", "attention_mask"],
                          output_names=["embeddings"], dynamic_axes=axes, opset_version=OPSET,
                          do_constant_folding=True)
    from rubricc.backends.onnx import make_session

    sess = make_session(path)
    worst = 0.0
    for x in (ids, other):
        m = (x != 0).long()
        with torch.no_grad():
            want = model(x, m).numpy()
        got = sess.run(None, {"input_ids": x.numpy(), "attention_mask": m.numpy()})[0]
        worst = max(worst, float(np.max(np.abs(got - want))))
    return worst


def unrelated_pairs(prompts: Mapping[str, str], keys: Sequence[Tuple[str, str]], seed: int) -> Dict[Tuple[str, str], str]:
    """For each (prompt id, response id), another prompt id sharing no topic (None-free: keys without
    such a prompt are left out)."""
    from rubricc.verifier.invariance import MAX_DONOR_OVERLAP, distinctive_words, jaccard

    words = distinctive_words(dict(prompts))
    ids = sorted(prompts)
    rng = random.Random(seed)
    donors = {p: [q for q in ids if q != p and jaccard(words[q], words[p]) < MAX_DONOR_OVERLAP]
              for p in {pid for pid, _ in keys}}  # once per prompt, not per response
    return {(pid, rid): rng.choice(donors[pid]) for pid, rid in keys if donors[pid]}


def sample_keys(responses: Mapping[Tuple[str, str], str], seed: int) -> list:
    """The non-empty responses' keys, a seeded sample of at most :data:`MAX_RESPONSES`."""
    keys = sorted(k for k, t in responses.items() if t.strip())
    if len(keys) > MAX_RESPONSES:
        keys = sorted(random.Random(seed).sample(keys, MAX_RESPONSES))
    return keys


def calibrate(guard: Guard, prompts: Mapping[str, str], responses: Mapping[Tuple[str, str], str],
              seed: int = 0, quantile: float = QUANTILE) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """(threshold fields of the record, calibration report) from ``responses`` (``{(prompt id, response
    id): text}``, each scored against its own prompt in ``prompts`` and against an unrelated one)."""
    keys = sample_keys(responses, seed)
    own = guard.measure([prompts[p] for p, _ in keys], [responses[k] for k in keys])
    other_of = unrelated_pairs({p: prompts[p] for p in {p for p, _ in keys}}, keys, seed)
    okeys = [k for k in keys if k in other_of]
    off = guard.measure([prompts[other_of[k]] for k in okeys], [responses[k] for k in okeys])
    # a response of nothing but characters the tokenizer drops has no chunk: nothing to calibrate on
    own = [m for m in own if len(m[0])]
    off = [m for m in off if len(m[0])]
    chunk_cos = np.concatenate([c for c, _, _ in own]) if own else np.zeros(0)
    if len(chunk_cos) == 0:
        return {}, {"responses": 0, "note": "no non-empty responses to calibrate on: no guard"}
    fields: Dict[str, Any] = {"chunk_min": float(np.quantile(chunk_cos, quantile))}
    rel_own = np.array([np.max(c) for c, _, _ in own])
    rel_off = np.array([np.max(c) for c, _, _ in off]) if off else np.zeros(0)
    hi = float(np.quantile(rel_own, quantile))
    lo = float(np.median(rel_off)) if len(rel_off) else None
    report: Dict[str, Any] = {"responses": len(own), "prompts": len({p for p, _ in keys}),
                              "unrelated_pairs": len(okeys), "quantile": quantile,
                              "own_relevance_median": float(np.median(rel_own)),
                              "unrelated_relevance_median": lo}
    if lo is not None and hi > lo:
        fields.update(relevance_min=hi, relevance_off=lo)
    else:
        report["note"] = "relevance does not separate own from unrelated responses here: no relevance gate"
    # the share rule is about padding inside an on-topic answer: calibrated on the responses the gate
    # passes (an off-topic one has share 0 and would drag the quantile to 0, turning the rule off)
    floor = max(fields["chunk_min"], fields.get("relevance_min", -1.0))
    shares = np.array([summarize(c, n, f, fields["chunk_min"])[1] for c, n, f in own if np.max(c) >= floor])
    fields["share_min"] = max(float(np.quantile(shares, quantile)), 1e-3) if len(shares) else None
    rep_fields, report["repetition"] = repetition_rule.calibrate([repetition_rule.score(n, f) for _, n, f in own])
    if rep_fields:
        fields["repetition"] = rep_fields

    def rep(n, f):
        return repetition_rule.score(n, f) if rep_fields else None

    f_own = np.array([factor(*summarize(c, n, f, fields["chunk_min"]), fields, repetition=rep(n, f)) for c, n, f in own])
    f_off = np.array([factor(*summarize(c, n, f, fields["chunk_min"]), fields, repetition=rep(n, f)) for c, n, f in off])
    report.update(own_below_1=float(np.mean(f_own < 1.0)), own_mean_factor=float(np.mean(f_own)),
                  unrelated_mean_factor=float(np.mean(f_off)) if len(f_off) else None,
                  unrelated_below_half=float(np.mean(f_off < 0.5)) if len(f_off) else None)
    if len(own) < MIN_RESPONSES:
        report["note"] = "; ".join(x for x in (report.get("note"), f"calibrated on {len(own)} responses (fewer than "
                          f"{MIN_RESPONSES}): the thresholds are rough") if x)
    return fields, report


def add_guard(bundle_dir, prompts: Mapping[str, str], responses: Mapping[Tuple[str, str], str],
              backbone: Optional[str] = None, seed: int = 0, threads: Optional[int] = None,
              log: Callable[..., None] = print, criteria: Optional[Mapping[str, Sequence[str]]] = None) -> Dict[str, Any]:
    """Exports and calibrates the guard of ``bundle_dir`` (module docstring); returns the ``guard`` record
    (``{}`` when nothing could be calibrated: the bundle is then left without a guard). ``criteria``
    (prompt id -> its rubric's criterion texts) calibrates the stuffing rule; without it there is none."""
    from rubricc.verifier.model import resolve_backbone

    bundle_dir = Path(bundle_dir)
    cfg = bundle.read_config(bundle_dir)
    backbone = resolve_backbone(backbone or cfg.get("backbone"))
    parity = _write_whole(bundle_dir / GUARD_FILE, lambda tmp: export_embedder(backbone, tmp))
    record: Dict[str, Any] = {"file": GUARD_FILE, "chunk_tokens": CHUNK_TOKENS, "prompt_views": list(PROMPT_VIEWS),
                              "max_response_tokens": MAX_RESPONSE_TOKENS, "parity": parity}
    tok = bundle.load_tokenizer(bundle_dir)
    g = Guard(bundle_dir, record, tok, cfg["cls_id"], cfg["sep_id"], cfg["pad_id"], threads=threads)
    fields, report = calibrate(g, prompts, responses, seed)
    if not fields:
        (bundle_dir / GUARD_FILE).unlink(missing_ok=True)
        bundle.update_record(bundle_dir, guard=None)
        log(f"guard: not added ({report.get('note')})")
        return {}
    keys = sample_keys(responses, seed)
    texts = [responses[k] for k in keys]
    table, flu_fields, report["fluency"] = fluency.calibrate(texts, seed)
    if table is not None:
        _write_whole(bundle_dir / fluency.FILE, table.save)
        fields["fluency"] = flu_fields
    else:
        (bundle_dir / fluency.FILE).unlink(missing_ok=True)
    order_fields, report["order"] = order_rule.calibrate(texts, seed)
    if order_fields:
        fields["order"] = order_fields
    vocabs = {p: stuffing_rule.vocabulary(c) for p, c in (criteria or {}).items()}
    stuffing_fields, report["stuffing"] = stuffing_rule.calibrate([(responses[k], vocabs[k[0]]) for k in keys
                                                                   if k[0] in vocabs])
    if stuffing_fields:
        fields["stuffing"] = stuffing_fields
    record.update(fields, calibration=report)
    bundle.update_record(bundle_dir, guard=record)
    log(f"guard: calibrated on {report['responses']} responses of {report['prompts']} prompts: own responses "
        f"below factor 1: {report['own_below_1']:.1%} (mean factor {report['own_mean_factor']:.3f}); "
        f"unrelated prompt: mean factor {_fmt(report['unrelated_mean_factor'])}, below 0.5 for "
        f"{_fmt(report['unrelated_below_half'], '.1%')}" + (f"; {report['note']}" if report.get("note") else ""))
    fr = report["fluency"]
    log(f"guard: fluency rule: {fr['note']}" if fr.get("note") else
        f"guard: fluency rule: {fr['scored']} of {fr['of']} held-back calibration responses scored, "
        f"{fr['own_below_1']:.1%} below factor 1; their words shuffled: mean factor {fr['shuffled_mean_factor']:.3f}")
    orr = report["order"]
    log(f"guard: order rule: {orr['note']}" if orr.get("note") else
        f"guard: order rule: {orr['with_list']} of {orr['of']} calibration responses have a numbered list, "
        f"{orr['own_below_1']:.1%} of those below factor 1; their sentences shuffled: mean factor "
        f"{_fmt(orr['shuffled_mean_factor'])}")
    rr = report["repetition"]
    log(f"guard: repetition rule: {rr['note']}" if rr.get("note") else
        f"guard: repetition rule: {rr['scored']} of {rr['of']} calibration responses scored, 98% quantile of the "
        f"share of their tokens in repeated sentences {rr['own_quantile']:.3f} (largest {rr['own_max']:.3f}); trimmed "
        f"above {record['repetition']['min']:.3f} ({rr['own_below_1']:.1%} of them), to 0 at {record['repetition']['off']:.3f}")
    sr = report["stuffing"]
    log(f"guard: stuffing rule: {sr['note']}" if sr.get("note") else
        f"guard: stuffing rule: {sr['scored']} of {sr['of']} calibration responses scored, median share of their "
        f"words in their rubric {sr['own_median']:.3f}; trimmed above {record['stuffing']['min']:.3f} "
        f"({sr['own_below_1']:.1%} of them), to 0 at {record['stuffing']['off']:.3f}")
    return record


def _write_whole(path: Path, write: Callable[[Path], Any]) -> Any:
    """``write(tmp)`` to a temporary file beside ``path`` that then replaces it (nothing half-written);
    returns what ``write`` returned."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600: give it the bundle's other files' permissions
    try:
        out = write(Path(tmp))
        os.replace(tmp, path)
        return out
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _fmt(v, spec=".3f"):
    return "n/a" if v is None else format(v, spec)


def add_guard_from_files(bundle_dir, rubrics_path, responses_path, backbone: Optional[str] = None, seed: int = 0,
                         threads: Optional[int] = None, log: Callable[..., None] = print) -> Dict[str, Any]:
    """:func:`add_guard` on a rubrics JSONL (the prompts) and a responses JSONL (the verifier's training
    responses; perturbed copies from `rubricc perturb` are left out); a response whose prompt has no rubric is
    an InputError naming the file and line."""
    from rubricc.formats import iter_responses, read_rubrics, rubric_for
    from rubricc.perturb import is_perturbed

    rubrics = {r.id: r for r in read_rubrics(rubrics_path)}
    responses = {}
    for n, r in iter_responses(responses_path):
        rubric_for(rubrics, r.prompt_id, f"{responses_path}:{n}")
        if not is_perturbed(r):  # a perturbed copy is not a natural answer the guard must leave alone
            responses[(r.prompt_id, r.id)] = r.text
    return add_guard(bundle_dir, {p: r.prompt_text for p, r in rubrics.items()}, responses, backbone, seed, threads,
                     log, {p: [c.text for c in r.criteria] for p, r in rubrics.items()})
