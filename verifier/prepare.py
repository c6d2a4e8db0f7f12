"""Step 1 of `rubricc distill`: the judged examples, their split by prompt, and their packed rows.

Reads rubrics, responses and judgments (errors name the file and line) -> one example per judged
criterion (program checks are kept for the metrics but never trained on) -> a seeded split by prompt ->
optional tail weighting -> rows tokenized with the backbone's tokenizer (:mod:`rubricc.verifier.data`).
Imports no torch.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Set, Tuple

import numpy as np

from rubricc.bundle import load_tokenizer, special_ids
from rubricc.formats import InputError, Judgment, Response, Rubric, iter_json_lines, iter_responses, parse_record
from rubricc.perturb import is_perturbed
from rubricc.scoring import score
from rubricc.verifier.config import DistillConfig
from rubricc.verifier.data import PackConfig, Row, TokenCache, encode_group, make_rows
from rubricc.verifier.metrics import tail_mask


@dataclass
class Verdicts:
    """The judged examples and the texts they refer to.

    Each example is a dict: prompt_id, response_id, criterion_id, text (of the criterion), weight, label
    (soft: the judge's ``p_yes`` where present, else its verdict), program (a program check's verdict)."""
    examples: List[dict]
    prompts: Dict[str, str]
    responses: Dict[Tuple[str, str], str]
    criteria: Dict[str, List[str]] = field(default_factory=dict)  # prompt id -> its rubric's criterion texts
    perturbed: Set[Tuple[str, str]] = field(default_factory=set)  # responses made by `rubricc perturb`


@dataclass
class Prepared:
    """What training and evaluation read. Metrics are taken on the validation split, or on the training
    split when there is none (fewer than 2 prompts, or ``val_fraction`` 0)."""
    examples: List[dict]
    data_hash: str
    train_prompts: Set[str]
    val_prompts: Set[str]
    train_idx: List[int]  # neural examples of the training prompts
    train_rows: List[Row]  # weighted per ``tail_weight``
    val_rows: List[Row]
    pad_id: int
    verdicts: Optional[Verdicts] = None  # the texts (probes in metrics.json)
    invariance_idx: List[int] = field(default_factory=list)  # invariance examples, trained on with train_idx

    @property
    def split(self) -> str:
        return "validation" if self.val_rows else "train"

    @property
    def eval_rows(self) -> List[Row]:
        return self.val_rows or self.train_rows

    @property
    def eval_prompts(self) -> Set[str]:
        return self.val_prompts if self.val_rows else self.train_prompts


def _read(path, model):
    return [(n, parse_record(obj, model, f"{path}:{n}")) for n, obj in iter_json_lines(path)]


def file_hash(*paths) -> str:
    """One hash of the files' bytes (the bundle's ``training_data_hash``, and part of the resume key)."""
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        h.update(b"\0")
    return "sha256:" + h.hexdigest()[:32]


def load_examples(rubrics_path, responses_path, judgments_path) -> Verdicts:
    """Reads the three files; unknown ids raise InputError naming the file and line."""
    rubrics: Dict[str, Rubric] = {}
    for n, r in _read(rubrics_path, Rubric):
        if r.id in rubrics:
            raise InputError(f"{rubrics_path}:{n}: duplicate rubric id {r.id!r}")
        rubrics[r.id] = r
    responses: Dict[Tuple[str, str], Response] = {}
    for n, r in iter_responses(responses_path):
        if r.prompt_id not in rubrics:
            raise InputError(f"{responses_path}:{n}: prompt_id {r.prompt_id!r} has no rubric in {rubrics_path}")
        responses[(r.prompt_id, r.id)] = r
    crit_index = {pid: {c.id: c for c in r.criteria} for pid, r in rubrics.items()}
    labels: Dict[Tuple[str, str, str], float] = {}
    for n, j in _read(judgments_path, Judgment):
        where = f"{judgments_path}:{n}"
        if j.prompt_id not in rubrics:
            raise InputError(f"{where}: prompt_id {j.prompt_id!r} has no rubric in {rubrics_path}")
        if (j.prompt_id, j.response_id) not in responses:
            raise InputError(f"{where}: response {j.response_id!r} of prompt {j.prompt_id!r} is not in "
                             f"{responses_path}")
        if j.criterion_id not in crit_index[j.prompt_id]:
            raise InputError(f"{where}: criterion {j.criterion_id!r} is not in the rubric of prompt {j.prompt_id!r}")
        if j.p_yes is not None:
            labels[(j.prompt_id, j.response_id, j.criterion_id)] = float(j.p_yes)
        elif j.verdict is not None:
            labels[(j.prompt_id, j.response_id, j.criterion_id)] = 1.0 if j.verdict else 0.0
    examples = []
    for (pid, rid, cid), y in labels.items():
        c = crit_index[pid][cid]
        examples.append({"prompt_id": pid, "response_id": rid, "criterion_id": cid, "text": c.text,
                         "weight": c.weight, "label": y, "program": c.check.kind == "program"})
    if all(e["program"] for e in examples):
        raise InputError(f"{judgments_path}: no verdicts on neural criteria to train on")
    return Verdicts(examples, {pid: r.prompt_text for pid, r in rubrics.items()},
                    {k: r.text for k, r in responses.items()},
                    {pid: [c.text for c in r.criteria] for pid, r in rubrics.items()},
                    {k for k, r in responses.items() if is_perturbed(r)})


def split_prompts(prompt_ids: Sequence[str], val_fraction: float, seed: int) -> Tuple[Set[str], Set[str]]:
    """Seeded split of prompt ids into (train, validation); validation is empty for fewer than 2 prompts."""
    ids = sorted(set(prompt_ids))
    rng = np.random.default_rng(seed)
    perm = [ids[i] for i in rng.permutation(len(ids))]
    n_val = 0
    if val_fraction > 0 and len(ids) >= 2:
        n_val = min(len(ids) - 1, max(1, int(round(val_fraction * len(ids)))))
    return set(perm[n_val:]), set(perm[:n_val])


def tail_weights(examples: Sequence[dict], tail_weight: float) -> np.ndarray:
    """Per-example weights: ``tail_weight`` for responses in the top 40% of their prompt group by the
    judge's reward (all judged criteria, program checks included), 1 elsewhere."""
    w = np.ones(len(examples), dtype=np.float64)
    if tail_weight == 1.0:
        return w
    by_resp: Dict[Tuple[str, str], List[int]] = {}
    for i, e in enumerate(examples):
        by_resp.setdefault((e["prompt_id"], e["response_id"]), []).append(i)
    by_prompt: Dict[str, List[Tuple[Tuple[str, str], float]]] = {}
    for key, idx in by_resp.items():
        r = score([examples[i]["weight"] for i in idx], [examples[i]["label"] for i in idx])
        by_prompt.setdefault(key[0], []).append((key, -1.0 if r is None else r))
    for items in by_prompt.values():
        for (key, _), m in zip(items, tail_mask([r for _, r in items])):
            if m:
                w[by_resp[key]] = tail_weight
    return w


def build_rows(verdicts: Verdicts, idx: Sequence[int], cfg: DistillConfig, pack_cfg: PackConfig,
               cache: TokenCache, weights: np.ndarray) -> List[Row]:
    """Rows (packed sequences) for the neural examples ``idx``, grouped per response."""
    examples = verdicts.examples
    groups: Dict[Tuple[str, str], List[int]] = {}
    for i in idx:
        groups.setdefault((examples[i]["prompt_id"], examples[i]["response_id"]), []).append(i)
    spec = []
    for (pid, rid), members in groups.items():
        ctx, crits = encode_group(verdicts.prompts[pid], verdicts.responses[(pid, rid)],
                                  [examples[i]["text"] for i in members], pack_cfg, cache)
        spec.append((ctx, crits, [examples[i]["label"] for i in members], [float(weights[i]) for i in members],
                     list(members)))
    return make_rows(spec, cfg.layout, cfg.max_seq_len)


def prepare(rubrics_path, responses_path, judgments_path, backbone: str, cfg: DistillConfig, log) -> Prepared:
    """Examples, split and rows of a run (see the module docstring)."""
    verdicts = load_examples(rubrics_path, responses_path, judgments_path)
    examples = verdicts.examples
    train_p, val_p = split_prompts([e["prompt_id"] for e in examples], cfg.val_fraction, cfg.seed)
    neural = [i for i, e in enumerate(examples) if not e["program"]]
    train_idx = [i for i in neural if examples[i]["prompt_id"] in train_p]
    val_idx = [i for i in neural if examples[i]["prompt_id"] in val_p]
    if not train_idx:
        raise InputError(f"{judgments_path}: no neural-criterion verdicts left for training after the split")
    log(f"distill: {len(neural)} neural verdicts ({len(examples) - len(neural)} program-check verdicts not "
        f"trained on), {len(train_p)} train / {len(val_p)} validation prompts, layout {cfg.layout}")
    if verdicts.perturbed:
        def on_perturbed(idx):
            return sum((examples[i]["prompt_id"], examples[i]["response_id"]) in verdicts.perturbed for i in idx)
        log(f"distill: {on_perturbed(train_idx)} training and {on_perturbed(val_idx)} validation verdicts are on "
            f"{len(verdicts.perturbed)} perturbed responses (rubricc perturb), labelled by the judge")
    tok = load_tokenizer(backbone)
    cls_id, sep_id, pad_id = special_ids(tok)
    pack_cfg = PackConfig(cfg.max_prompt_len, cfg.max_context_len, cfg.max_criterion_len, cls_id, sep_id, pad_id,
                          windows=cfg.windowing())
    cache = TokenCache(tok)
    weights = tail_weights(examples, cfg.tail_weight)
    extra = add_invariance(verdicts, train_idx, cfg, log) if cfg.invariance else []
    weights = np.concatenate([weights, np.ones(len(extra))])
    train_rows = build_rows(verdicts, train_idx + extra, cfg, pack_cfg, cache, weights)
    val_rows = build_rows(verdicts, val_idx, cfg, pack_cfg, cache, np.ones(len(examples)))
    return Prepared(examples, file_hash(rubrics_path, responses_path, judgments_path), train_p, val_p, train_idx,
                    train_rows, val_rows, pad_id, verdicts, extra)


def add_invariance(verdicts: Verdicts, train_idx: List[int], cfg: DistillConfig, log) -> List[int]:
    """Appends the invariance examples of the training split (:mod:`rubricc.verifier.invariance`) to
    ``verdicts``; returns their indices."""
    from rubricc.verifier.invariance import invariance_examples

    new, texts = invariance_examples(verdicts.examples, verdicts.prompts, verdicts.responses, train_idx, cfg.seed)
    start = len(verdicts.examples)
    verdicts.examples.extend(new)
    verdicts.responses.update(texts)
    rules = {}
    for e in new:
        rules[e["invariance"]] = rules.get(e["invariance"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(rules.items())) or "no criterion is about its prompt's task"
    log(f"distill: {len(new)} invariance verdicts ({summary}; --no-invariance turns them off)")
    return list(range(start, start + len(new)))
