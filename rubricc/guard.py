"""The relevance guard: the reward of a response that does not address its prompt is scaled down.

A distilled verifier learns what separates its judge's yes from no on the responses it was shown. Trained
on a few hundred verdicts it learns "what a good answer looks like" more than "whether this answers the
prompt", so an answer to another prompt, a reply in another language or a fluent answer padded with
1,000 words about nothing can score as high as the real answer (``bench/hacks.py``). The guard is a
second, independent reader that needs no labels: a sentence-embedding model (the backbone the verifier was
distilled from, before fine-tuning: all-MiniLM-L6-v2 was trained on a billion question-answer and
query-passage pairs to score exactly this relevance) embeds the prompt and every chunk of the response,
over the whole response, not only the verifier's head.

Per response (``chunk_tokens`` tokens a chunk, up to ``max_response_tokens``):

- ``relevance``: the largest cosine similarity between the prompt and a chunk (the prompt seen twice: its
  last 254 tokens and its last 48, the final request of a long multi-turn prompt);
- ``share``: the share of the response's tokens that lie in chunks whose similarity reaches
  ``chunk_min`` and are not a repeat of an earlier sentence (a sentence of :data:`MIN_REPEAT_WORDS` words
  or more that occurred before adds nothing);
- ``fluency``: the mean bigram PMI of its most common words (:mod:`rubricc.fluency`): word salad, such as
  an answer whose words were shuffled, reads as the same bag of words to the verifier but not to this;
- ``stuffing``: the share of its words that are content words of its rubric's criteria
  (:mod:`rubricc.stuffing`): a list of the rubric's keywords reads to the verifier like the answer they
  describe;
- ``order``: the share of its numbered-list markers in order (:mod:`rubricc.order`): sentences moved
  about read to the verifier as the same set of sentences, but a list numbered 3, 1, 5, 2 has been;
- ``repetition``: the share of its tokens in sentences or blocks repeating an earlier one (:mod:`rubricc.repetition`):
  the same answer said again reads to the verifier as well as once;
- ``factor`` = gate x min(1, share / ``share_min``) x the fluency, order, stuffing and repetition parts, where the gate
  is 1 at ``relevance_min`` and above, 0 at ``relevance_off`` and below, linear between, and the fluency
  part likewise between the record's ``fluency.min`` and ``fluency.off`` (1 for a response too short or
  too foreign to score), the order part between ``order.min`` and ``order.off`` (1 for a response with
  fewer than three list markers) and the stuffing part 1 at ``stuffing.min`` and below, 0 at
  ``stuffing.off`` and above (1 for a response with fewer than six content words), and the repetition
  part likewise between ``repetition.min`` and ``repetition.off`` (1 under 32 tokens). An empty response
  gets 0.

Before anything reads the response (program checks, verifier, embedder), every whole copy of one of its
rubric's criteria (:data:`MIN_ECHO_WORDS` words or more) is removed from it (:func:`strip_echo`): quoting
the rubric back is not an answer, and no natural response contains a criterion's full text.

The reward is multiplied by ``factor`` (a negative reward, from a fault criterion with ``clip=False``, is
left as it is: scaling it toward 0 would raise it). The thresholds are calibrated from the training data
by ``rubricc distill`` / ``rubricc guard`` (:mod:`rubricc.verifier.guard_build`): ``chunk_min``,
``relevance_min`` and ``share_min`` are low quantiles of the training responses' own values (about 2-3% of
training responses lose some reward; of held-out ones 13.8% on MT-Bench, 3.3% on AlpacaEval: README),
``relevance_off`` the median relevance of training responses to unrelated
prompts. A rubric whose criteria ask for a refusal (:data:`EXEMPT`) is exempt: a correct refusal does not
address the request.

The bundle holds the embedder as ``guard.onnx`` (inputs ``input_ids``, ``attention_mask``; output
L2-normalised mean-pooled embeddings) and its record as ``verifier.json``'s ``guard``. This module imports
NumPy and, when used, ONNX Runtime; no torch.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from rubricc import order as order_rule
from rubricc import repetition as repetition_rule
from rubricc import stuffing as stuffing_rule
from rubricc.fluency import MIN_PAIRS, Table, ramp
from rubricc.fluency import part as fluency_part

GUARD_FILE = "guard.onnx"
CHUNK_TOKENS = 128
PROMPT_VIEWS = (254, 48)  # the prompt's last tokens, twice: the whole turn and the final request (chat prompts end with it)
MAX_RESPONSE_TOKENS = 4096
MIN_REPEAT_WORDS = 5
MIN_ECHO_WORDS = 6  # a criterion this long, copied whole into a response, is removed before scoring
CHARS_PER_TOKEN = 6  # characters tokenized per token needed (a head of the response, as the runtime does)
# a criterion asking the response to refuse ("refuses to", "a refusal", "declines the request"); not any
# mention of the words ("a decline in kidney function")
EXEMPT = re.compile(r"\b(refus(?:e|es|ed|ing|al)\b|declin(?:e|es|ed|ing)\s+(?:to|the|this|that|any|all|politely)\b|"
                    r"politely\s+declin)", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_BLOCK = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")  # text between blank lines
_WORD = re.compile(r"\w+")


def echo_patterns(criteria: Sequence[str]) -> List["re.Pattern"]:
    """One pattern per criterion of at least :data:`MIN_ECHO_WORDS` words: its words in order, any
    punctuation or white space between them, case ignored (literal words only: linear to match)."""
    out = []
    for c in criteria:
        words = _WORD.findall(c or "")
        if len(words) >= MIN_ECHO_WORDS:
            # punctuation attached at either end goes with it ("(Score 4 or more: ...)?")
            out.append(re.compile(r"[^\w\s]*" + r"\W+".join(re.escape(w) for w in words) + r"[^\w\s]*", re.I))
    return out


def strip_echo(text: str, patterns: Sequence["re.Pattern"]) -> Tuple[str, bool]:
    """``text`` without any whole copy of a criterion's text (:func:`echo_patterns`), and whether one was
    found. The rubric quoted back is not content: a policy that learns to append the criteria gains nothing."""
    found = False
    for p in patterns:
        text, n = p.subn("", text)
        found |= n > 0
    return (text.strip() if found else text), found


def has_guard(cfg: Mapping[str, Any]) -> bool:
    """Whether a bundle's ``verifier.json`` record carries a calibrated guard."""
    g = cfg.get("guard")
    return isinstance(g, dict) and bool(g.get("file"))


_NEGATED = re.compile(r"\b(?:not|never|no|without|avoids?)\b[^.;:]{0,20}$|n't\s*$", re.I)


def exempt(criteria: Sequence[str]) -> bool:
    """Whether a rubric asks for a refusal somewhere (:data:`EXEMPT`, not negated: "should not refuse to
    reply" asks for the opposite): then the guard does not apply."""
    for c in criteria:
        for m in EXEMPT.finditer(c or ""):
            if not _NEGATED.search(c[max(0, m.start() - 30):m.start()]):
                return True
    return False


def repeated_spans(text: str) -> List[Tuple[int, int]]:
    """Character spans of sentences, and of blocks between blank lines, (each at least
    :data:`MIN_REPEAT_WORDS` words) that repeat an earlier one (compared as their lower-cased words:
    punctuation and spacing do not count). Blocks catch repeated structured text (JSON, YAML, lines of a
    few words) whose sentences are too short to count."""
    out = []
    for pattern in (_SENTENCE, _BLOCK):
        seen = set()
        for m in pattern.finditer(text):
            words = _WORD.findall(m.group(0).lower())
            if len(words) < MIN_REPEAT_WORDS:
                continue
            key = " ".join(words)
            if key in seen:
                out.append((m.start(), m.end()))
            else:
                seen.add(key)
    return out


def repeated_tokens(offsets: Sequence[Tuple[int, int]], spans: Sequence[Tuple[int, int]]) -> np.ndarray:
    """Per token (by its character ``offsets``), whether it starts inside one of ``spans``."""
    flags = np.zeros(len(offsets), bool)
    if not spans:
        return flags
    starts = np.fromiter((o[0] for o in offsets), np.int64, len(offsets))
    for a, b in spans:
        flags |= (starts >= a) & (starts < b)
    return flags


def summarize(chunk_cos: np.ndarray, chunk_tokens: np.ndarray, chunk_fresh: np.ndarray,
              chunk_min: float) -> Tuple[float, float]:
    """(relevance, share) of one response from its chunks' cosine similarity to the prompt, token counts
    and counts of tokens that repeat nothing; (-1, 0) for an empty response."""
    total = float(np.sum(chunk_tokens))
    if total <= 0:
        return -1.0, 0.0
    relevant = float(np.sum(chunk_fresh[chunk_cos >= chunk_min]))
    return float(np.max(chunk_cos)), relevant / total


def factor(relevance: float, share: float, record: Mapping[str, Any], fluency: Optional[float] = None,
           order: Optional[float] = None, stuffing: Optional[float] = None, repetition: Optional[float] = None) -> float:
    """The guard's factor in [0, 1] (module docstring). A record without ``relevance_min`` (calibration
    found no separation) has no gate; without ``share_min``, no share rule; without ``fluency`` (or a
    response without a ``fluency`` score), no fluency rule; likewise ``order``, ``stuffing`` and ``repetition``."""
    if relevance < -0.5:  # empty
        return 0.0
    gate = ramp(relevance, record.get("relevance_min"), record.get("relevance_off"))
    s0 = record.get("share_min")
    part = 1.0 if not s0 else float(min(1.0, share / s0))
    return (gate * part * fluency_part(fluency, record.get("fluency")) * order_rule.part(order, record.get("order"))
            * stuffing_rule.part(stuffing, record.get("stuffing")) * repetition_rule.part(repetition, record.get("repetition")))


def apply(reward: float, f: float) -> float:
    """``reward`` scaled by the factor ``f``; a negative reward is left as it is."""
    return reward * f if reward > 0 else reward


class Guard:
    """The guard of one bundle: ``Guard(bundle_dir, record, tokenizer)``; :meth:`measure` gives each
    response's chunk statistics, :meth:`details` the factors. ``providers`` and ``threads`` go to ONNX
    Runtime (the embedder runs where the reward's ONNX backend runs)."""

    def __init__(self, bundle_dir, record: Mapping[str, Any], tokenizer, cls_id: int, sep_id: int, pad_id: int,
                 providers: Sequence[Any] = ("CPUExecutionProvider",), threads: Optional[int] = None,
                 cache_size: int = 4096, session=None):
        from rubricc.plan import LRU

        self.record = dict(record)
        self.tokenizer = tokenizer
        self.cls_id, self.sep_id, self.pad_id = int(cls_id), int(sep_id), int(pad_id)
        self.chunk_tokens = int(self.record.get("chunk_tokens", CHUNK_TOKENS))
        self.prompt_views = tuple(int(v) for v in self.record.get("prompt_views", PROMPT_VIEWS))
        self.max_response_tokens = int(self.record.get("max_response_tokens", MAX_RESPONSE_TOKENS))
        if session is None:
            from rubricc.backends.onnx import make_session

            session = make_session(Path(bundle_dir) / self.record.get("file", GUARD_FILE), providers, threads)
        self.session = session
        self._prompts = LRU(cache_size)
        flu = self.record.get("fluency")
        self.fluency = Table.load(Path(bundle_dir) / flu["file"]) if isinstance(flu, dict) and flu.get("file") else None

    def embed(self, seqs: Sequence[Sequence[int]], batch: int = 64) -> np.ndarray:
        """L2-normalised embeddings of ``[CLS] ids [SEP]`` sequences, [N, D] float32."""
        out = []
        order = np.argsort([len(s) for s in seqs], kind="stable")
        for a in range(0, len(seqs), batch):
            idx = order[a:a + batch]
            width = max(len(seqs[i]) for i in idx) + 2
            ids = np.full((len(idx), width), self.pad_id, np.int64)
            mask = np.zeros((len(idx), width), np.int64)
            for r, i in enumerate(idx):
                s = [self.cls_id, *seqs[i], self.sep_id]
                ids[r, :len(s)] = s
                mask[r, :len(s)] = 1
            out.append(self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0])
        emb = np.concatenate(out) if out else np.zeros((0, 1), np.float32)
        res = np.empty_like(emb)
        res[order] = emb
        return res

    def prompt_embeddings(self, prompts: Sequence[str]) -> List[np.ndarray]:
        """Per prompt, the embeddings [views, D] of its last ``prompt_views`` tokens (one view when the
        prompt is no longer than the shortest; cached by text)."""
        todo = [p for p in dict.fromkeys(prompts) if self._prompts.get(p) is None]
        if todo:
            encs = self.tokenizer.encode_batch(todo, add_special_tokens=False)
            views = [[e.ids[-v:] for v in self.prompt_views if v == self.prompt_views[0] or len(e.ids) > v]
                     for e in encs]
            embs = self.embed([v for vs in views for v in vs])
            k = 0
            for p, vs in zip(todo, views):
                self._prompts.put(p, embs[k:k + len(vs)])
                k += len(vs)
        return [self._prompts.get(p) for p in prompts]

    def chunks(self, responses: Sequence[str]) -> List[Tuple[List[List[int]], np.ndarray, np.ndarray]]:
        """Per response: its chunks' token ids, token counts and counts of tokens that repeat nothing."""
        heads = [r[:CHARS_PER_TOKEN * self.max_response_tokens] for r in responses]
        out = []
        for text, enc in zip(heads, self.tokenizer.encode_batch(heads, add_special_tokens=False)):
            ids = enc.ids[:self.max_response_tokens]
            rep = repeated_tokens(enc.offsets[:len(ids)], repeated_spans(text))
            cuts = range(0, len(ids), self.chunk_tokens)
            out.append(([ids[a:a + self.chunk_tokens] for a in cuts],
                        np.array([min(self.chunk_tokens, len(ids) - a) for a in cuts], np.int64),
                        np.array([int(np.sum(~rep[a:a + self.chunk_tokens])) for a in cuts], np.int64)))
        return out

    def measure(self, prompts: Sequence[str], responses: Sequence[str]) -> List[Tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Per response: (its chunks' cosine similarity to its prompt, token counts, fresh token counts)."""
        pe = self.prompt_embeddings(list(prompts))
        parts = self.chunks(responses)
        flat = [c for ch, _, _ in parts for c in ch]
        emb = self.embed(flat) if flat else None
        out, k = [], 0
        for i, (ch, n, fresh) in enumerate(parts):
            cos = np.max(emb[k:k + len(ch)] @ pe[i].T, axis=1) if ch else np.zeros(0, np.float32)
            k += len(ch)
            out.append((cos.astype(np.float64), n, fresh))
        return out

    def fluency_scores(self, responses: Sequence[str]) -> List[Optional[float]]:
        """Per response, its fluency score (:mod:`rubricc.fluency`; None without the rule or a score)."""
        if self.fluency is None:
            return [None] * len(responses)
        k = int(self.record["fluency"].get("min_pairs", MIN_PAIRS))
        heads = [r[:CHARS_PER_TOKEN * self.max_response_tokens] for r in responses]
        return [self.fluency.score(r, k) for r in heads]

    def order_scores(self, responses: Sequence[str]) -> List[Optional[float]]:
        """Per response, its order score (:mod:`rubricc.order`; None without the rule or a score)."""
        rec = self.record.get("order")
        if not isinstance(rec, dict) or not rec:
            return [None] * len(responses)
        k = int(rec.get("min_markers", order_rule.MIN_MARKERS))
        return [order_rule.score(r[:CHARS_PER_TOKEN * self.max_response_tokens], k) for r in responses]

    def stuffing_scores(self, responses: Sequence[str], vocabs: Optional[Sequence[frozenset]]) -> List[Optional[float]]:
        """Per response, its stuffing score against its rubric's vocabulary (:mod:`rubricc.stuffing`; None
        without the rule, a vocabulary or a score)."""
        rec = self.record.get("stuffing")
        if not isinstance(rec, dict) or not rec or vocabs is None:
            return [None] * len(responses)
        k = int(rec.get("min_words", stuffing_rule.MIN_WORDS))
        return [stuffing_rule.score(r[:CHARS_PER_TOKEN * self.max_response_tokens], v, k)
                for r, v in zip(responses, vocabs)]

    def details(self, prompts: Sequence[str], responses: Sequence[str],
                vocabs: Optional[Sequence[frozenset]] = None) -> List[Dict[str, Any]]:
        """Per response: ``{"factor", "relevance", "share"}``, and ``"fluency"`` / ``"order"`` /
        ``"stuffing"`` (its score, or None) when the bundle has that rule. ``vocabs``: each response's
        rubric vocabulary (:func:`rubricc.stuffing.vocabulary`); without them the stuffing rule is off."""
        res = []
        cmin = float(self.record.get("chunk_min", -1.0))
        rules = [k for k in ("order", "stuffing", "repetition") if isinstance(self.record.get(k), dict) and self.record[k]]
        rep_tokens = int(self.record["repetition"].get("min_tokens", repetition_rule.MIN_TOKENS)) if "repetition" in rules else 0
        for (cos, n, fresh), flu, o, st in zip(self.measure(prompts, responses), self.fluency_scores(responses),
                                               self.order_scores(responses), self.stuffing_scores(responses, vocabs)):
            rel, share = summarize(cos, n, fresh, cmin)
            rep = repetition_rule.score(n, fresh, rep_tokens) if "repetition" in rules else None
            d = {"factor": factor(rel, share, self.record, flu, o, st, rep), "relevance": rel, "share": share}
            if self.fluency is not None:
                d["fluency"] = flu
            d.update((k, v) for k, v in (("order", o), ("stuffing", st), ("repetition", rep)) if k in rules)
            res.append(d)
        return res
