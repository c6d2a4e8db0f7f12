"""Tokenization and packing for training and evaluation of the verifier.

Each unique string (prompt, response, criterion) is tokenized once, WITHOUT special tokens, with the
``tokenizers`` package and the bundle's ``tokenizer.json`` (exactly what the runtime does); sequences are
then assembled with :func:`rubricc.kernels.pack.make_context` / ``make_criterion`` and packed with
``pack_fused`` (fused layout: one sequence per response with its criteria appended; pairwise layout: one
criterion per sequence).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np

from rubricc.kernels.pack import make_context, make_criterion, pack_fused

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


@dataclass
class PackConfig:
    max_prompt_len: int = 256
    max_context_len: int = 448
    max_criterion_len: int = 64
    cls_id: int = 101
    sep_id: int = 102
    pad_id: int = 0


def load_tokenizer(path: Union[str, Path]):
    """A ``tokenizers.Tokenizer`` from a folder holding ``tokenizer.json`` (or the file itself), with its
    truncation and padding switched off."""
    from tokenizers import Tokenizer

    p = Path(path)
    if p.is_dir():
        p = p / "tokenizer.json"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no tokenizer.json")
    tok = Tokenizer.from_file(str(p))
    tok.no_truncation()
    tok.no_padding()
    return tok


def special_ids(tok) -> Tuple[int, int, int]:
    """(cls_id, sep_id, pad_id) of a BERT-style tokenizer."""
    def get(*names):
        for n in names:
            i = tok.token_to_id(n)
            if i is not None:
                return i
        raise ValueError(f"tokenizer has none of the tokens {names}")
    return get("[CLS]", "<s>"), get("[SEP]", "</s>"), get("[PAD]", "<pad>")


class TokenCache:
    """Tokenizes each unique string once (no special tokens)."""

    def __init__(self, tok):
        self.tok = tok
        self.ids: Dict[str, List[int]] = {}

    def __call__(self, text: str) -> List[int]:
        got = self.ids.get(text)
        if got is None:
            got = self.tok.encode(text, add_special_tokens=False).ids
            self.ids[text] = got
        return got

    def many(self, texts: Iterable[str]) -> List[List[int]]:
        texts = list(texts)
        todo = list(dict.fromkeys(t for t in texts if t not in self.ids))
        if todo:
            for t, enc in zip(todo, self.tok.encode_batch(todo, add_special_tokens=False)):
                self.ids[t] = enc.ids
        return [self.ids[t] for t in texts]


def encode_group(prompt: str, response: str, criteria: Sequence[str], cfg: PackConfig,
                 cache: TokenCache) -> Tuple[List[int], List[List[int]]]:
    """(context ids, list of criterion ids) for one response, truncated per ``cfg``."""
    ids = cache.many([prompt, response, *criteria])
    ctx = make_context(ids[0], ids[1], cfg.cls_id, cfg.sep_id, cfg.max_prompt_len, cfg.max_context_len)
    crits = [make_criterion(c, cfg.cls_id, cfg.sep_id, cfg.max_criterion_len) for c in ids[2:]]
    return ctx, crits


def pack_texts(items: Sequence[Tuple[str, str, Sequence[str]]], cfg: PackConfig, cache: TokenCache,
               layout: str = "fused") -> Dict[str, np.ndarray]:
    """Packs (prompt, response, criterion texts) items into one batch; ``read_index`` lists criteria in
    item order (pairwise: one sequence per criterion)."""
    contexts, crits = [], []
    for prompt, response, criteria in items:
        ctx, cs = encode_group(prompt, response, criteria, cfg, cache)
        if layout == "fused":
            contexts.append(ctx)
            crits.append(cs)
        elif layout == "pairwise":
            for c in cs:
                contexts.append(ctx)
                crits.append([c])
        else:
            raise ValueError(f"unknown layout {layout!r}")
    return pack_fused(contexts, crits, cfg.pad_id)


# ----------------------------------------------------------------------------------------------
# Training examples and token-budget batching
# ----------------------------------------------------------------------------------------------
@dataclass
class Row:
    """One packed sequence: a context and one or more criteria with their targets."""
    context: List[int]
    criteria: List[List[int]]
    labels: List[float]
    weights: List[float]
    keys: List[int] = field(default_factory=list)  # index of each criterion's example in the dataset

    @property
    def length(self) -> int:
        return len(self.context) + sum(len(c) for c in self.criteria)


def make_rows(groups: Sequence[Tuple[List[int], List[List[int]], List[float], List[float], List[int]]],
              layout: str, max_seq_len: int = 1024) -> List[Row]:
    """Turns per-response groups (context, criteria, labels, weights, keys) into rows.

    Fused: one row per response, criteria split into several rows only when the row would exceed
    ``max_seq_len`` tokens (each chunk is exactly equivalent, the criteria never see each other).
    Pairwise: one row per criterion.
    """
    rows: List[Row] = []
    for ctx, crits, labels, weights, keys in groups:
        if layout == "pairwise":
            for c, y, w, k in zip(crits, labels, weights, keys):
                rows.append(Row(ctx, [c], [y], [w], [k]))
            continue
        cur = Row(ctx, [], [], [], [])
        for c, y, w, k in zip(crits, labels, weights, keys):
            if cur.criteria and cur.length + len(c) > max_seq_len:
                rows.append(cur)
                cur = Row(ctx, [], [], [], [])
            cur.criteria.append(c)
            cur.labels.append(y)
            cur.weights.append(w)
            cur.keys.append(k)
        if cur.criteria:
            rows.append(cur)
    return rows


def token_budget_batches(rows: Sequence[Row], token_budget: int, rng: Optional[np.random.Generator] = None,
                         bucket_span: int = 64) -> List[List[int]]:
    """Groups row indices into batches whose padded size (rows x longest) stays within ``token_budget``.

    Rows are sorted by length (shuffled within buckets of similar length when ``rng`` is given) so
    padding is small; the batch order is shuffled with ``rng``.
    """
    lengths = np.array([r.length for r in rows], dtype=np.int64)
    if rng is not None:
        jitter = rng.random(len(rows))
        order = np.lexsort((jitter, lengths // bucket_span))
    else:
        order = np.argsort(lengths, kind="stable")
    batches: List[List[int]] = []
    cur: List[int] = []
    longest = 0
    for i in order:
        L = int(lengths[i])
        new_longest = max(longest, L)
        if cur and new_longest * (len(cur) + 1) > token_budget:
            batches.append(cur)
            cur, longest = [], 0
            new_longest = L
        cur.append(int(i))
        longest = new_longest
    if cur:
        batches.append(cur)
    if rng is not None:
        perm = rng.permutation(len(batches))
        batches = [batches[i] for i in perm]
    return batches


def collate(rows: Sequence[Row], pad_id: int) -> Dict[str, np.ndarray]:
    """Packs rows into arrays plus flat ``labels``/``weights``/``keys`` aligned with ``read_index``."""
    packed = pack_fused([r.context for r in rows], [r.criteria for r in rows], pad_id)
    packed["labels"] = np.asarray([y for r in rows for y in r.labels], dtype=np.float32)
    packed["weights"] = np.asarray([w for r in rows for w in r.weights], dtype=np.float32)
    packed["keys"] = np.asarray([k for r in rows for k in r.keys], dtype=np.int64)
    return packed


def copy_tokenizer_files(src: Union[str, Path], dst: Union[str, Path]) -> List[str]:
    """Copies the tokenizer files found in ``src`` to ``dst``; ``tokenizer.json`` is required."""
    import shutil

    src, dst = Path(src), Path(dst)
    if not (src / "tokenizer.json").exists():
        raise FileNotFoundError(f"{src}: no tokenizer.json")
    copied = []
    for name in TOKENIZER_FILES:
        if (src / name).exists():
            shutil.copyfile(src / name, dst / name)
            copied.append(name)
    return copied


def tokenizer_dir_of(backbone: Optional[Union[str, Path]] = None) -> str:
    from rubricc.verifier.model import default_backbone_path

    return str(backbone or default_backbone_path())
