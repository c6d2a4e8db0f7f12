"""Invariance examples for `rubricc distill`: extra training verdicts made from the training data itself,
only where the label is certain by construction (``--no-invariance`` turns them off).

A distilled verifier learns what separates its judge's yes from no on the responses it was shown; it
never sees the cheap transformations a policy tries under RL (``rubricc.verifier.hacks``), so it may
reward them. Each rule below adds verdicts whose label follows from how the example was made, not from
a guess. The rules apply only to **task criteria**: criteria about doing their own prompt's task: they
restate it (at least half of the prompt's distinct content words, and at least :data:`MIN_SHARED` of them,
occur in the criterion's text) or name it (:data:`TASK_REFERENCE`: MT-Bench's "Does the response properly
address the specific request ...?", "Does the user correctly interpret the mathematical problem ...?");
they are not negated (:data:`NEGATION`: "does not ask the user for details" holds for many responses to
other prompts); and they say nothing about surface form (no quoted strings, none of
:data:`SURFACE_TERMS`: a criterion such as "mentions the word X" or "is concise" can change its verdict
when text is appended, so no label about it is certain). For such a criterion:

- ``off_topic``: a response written for an unrelated prompt (Jaccard overlap of the two prompts'
  distinctive content words below :data:`MAX_DONOR_OVERLAP`: no shared topic) gets label 0. It answers another task, so it cannot fulfil a
  criterion that consists of this task.
- ``echo``: the response followed by the criterion's own text keeps the response's label. Restating
  the task adds nothing that does the task.
- ``filler``: a response the judge said no to (label < 0.5), followed by irrelevant filler sentences,
  keeps its label. Text about nothing the task asks for cannot supply what the response lacked. (Not
  applied to yes labels: a judge may count padding against a response, so that label is not certain.)
- ``empty``: an empty response gets label 0. It does nothing.

Refusals, truncations, shuffles and repetitions are not used: whether they meet a criterion depends on
the criterion and the response (a task may call for a refusal; a first sentence may be a full answer).
Each eligible training response (a random sample of them) gets one example, the rules taking turns,
for at most ``share`` (:data:`SHARE`) x the training responses in all: training time grows by at most
that share.
"""
from __future__ import annotations

import random
import re
from typing import Dict, List, Sequence, Set, Tuple

from rubricc.verifier.hacks import STOPWORDS, filler

MIN_SHARED = 3
MAX_DONOR_OVERLAP = 0.1
SURFACE_TERMS = frozenset("""word words letter letters character characters comma commas sentence sentences
paragraph paragraphs bullet bullets heading headings title keyword keywords mention mentions mentioned include
includes included contain contains containing quote quotes quotation language lowercase uppercase capital
capitals capitalized format formatted json markdown length long short concise brief placeholder placeholders
postscript highlight highlighted section sections""".split())
RULES = ("off_topic", "echo", "filler", "empty")
SHARE = 0.3  # invariance examples per training response, at most (each costs a training row)
# a criterion that names the prompt's task ("address the specific request", "interpret the problem")
TASK_REFERENCE = re.compile(r"\b(request|question|instructions?|task|prompt|query|problem|scenario|user)\b")
# a negated criterion ("does not ask the user ...") may hold for any response
NEGATION = re.compile(r"\b(not|no|never|avoids?|without|nor|refuses?)\b|n't")


def content_words(text: str) -> Set[str]:
    """Lower-case words of 3+ letters that are not stop words."""
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in STOPWORDS}


def is_task_criterion(criterion: str, prompt: str) -> bool:
    """Whether ``criterion`` is about doing ``prompt``'s task (module docstring): it restates the task or
    names it (:data:`TASK_REFERENCE`), is not negated (:data:`NEGATION`) and says nothing about surface form."""
    text = criterion.lower()
    pw, cw = content_words(prompt), content_words(text)
    shared = len(pw & cw)
    restates = shared >= MIN_SHARED and shared >= 0.5 * len(pw)
    if not (restates or TASK_REFERENCE.search(text)) or NEGATION.search(text):
        return False
    if re.search(r"[\"“”«»]", criterion) or re.search(r"(?<![a-z])'[^']+'(?![a-z])", text):
        return False
    return not (set(re.findall(r"[a-z]+", text)) & SURFACE_TERMS)


def distinctive_words(prompts: Dict[str, str]) -> Dict[str, Set[str]]:
    """Each prompt's content words less those in more than max(2, 5%) of the prompts (boilerplate such
    as "Here is a previous dialogue ..." says nothing about the task)."""
    words = {p: content_words(t) for p, t in prompts.items()}
    df: Dict[str, int] = {}
    for ws in words.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    limit = max(2, int(0.05 * len(words)))
    return {p: {w for w in ws if df[w] <= limit} for p, ws in words.items()}


def jaccard(a: Set[str], b: Set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def invariance_examples(examples: Sequence[dict], prompts: Dict[str, str], responses: Dict[Tuple[str, str], str],
                        train_idx: Sequence[int], seed: int, share: float = SHARE
                        ) -> Tuple[List[dict], Dict[Tuple[str, str], str]]:
    """New examples (with ``invariance``: the rule's name) and the responses they refer to (new response
    ids ``<id>~<rule>``), made from the training examples ``train_idx`` (module docstring). Deterministic
    in ``seed``."""
    rng = random.Random(seed)
    by_resp: Dict[Tuple[str, str], List[int]] = {}
    for i in train_idx:
        e = examples[i]
        if not e["program"] and is_task_criterion(e["text"], prompts[e["prompt_id"]]):
            by_resp.setdefault((e["prompt_id"], e["response_id"]), []).append(i)
    keys = sorted(by_resp)
    if not keys:
        return [], {}
    train_prompts = sorted({e["prompt_id"] for e in (examples[i] for i in train_idx)})
    words = distinctive_words({p: prompts[p] for p in train_prompts})
    resp_of: Dict[str, List[str]] = {}
    for (pid, rid) in responses:
        if pid in words and "~" not in rid:
            resp_of.setdefault(pid, []).append(rid)
    rng.shuffle(keys)
    n_train = len({(examples[i]["prompt_id"], examples[i]["response_id"]) for i in train_idx})
    keys = keys[:max(1, int(round(share * n_train)))]
    new_examples: List[dict] = []
    new_responses: Dict[Tuple[str, str], str] = {}
    turn = 0
    for pid, rid in keys:
        members = [examples[i] for i in by_resp[(pid, rid)]]
        text = responses[(pid, rid)]
        made = None
        for k in range(len(RULES)):  # the rule whose turn it is, else the next that applies
            rule = RULES[(turn + k) % len(RULES)]
            made = _apply(rule, pid, text, members, prompts, words, resp_of, responses, rng)
            if made is not None:
                turn += k + 1
                break
        if made is None:
            continue
        rule, new_text, labels = made
        new_rid = f"{rid}~{rule}"
        new_responses[(pid, new_rid)] = new_text
        for e, y in zip(members, labels):
            if y is not None:
                new_examples.append({**e, "response_id": new_rid, "label": float(y), "invariance": rule})
    return new_examples, new_responses


def _apply(rule, pid, text, members, prompts, words, resp_of, responses, rng):
    """(rule, new response text, label per member or None) or None where ``rule`` does not apply."""
    if rule == "off_topic":
        donors = [p for p in words if p != pid and jaccard(words[p], words[pid]) < MAX_DONOR_OVERLAP and resp_of.get(p)]
        if not donors:
            return None
        p = rng.choice(sorted(donors))
        return rule, responses[(p, rng.choice(sorted(resp_of[p])))], [0.0] * len(members)
    if rule == "echo":
        return rule, text.rstrip() + "\n\n" + "\n".join(e["text"] for e in members), [e["label"] for e in members]
    if rule == "filler":
        labels = [e["label"] if e["label"] < 0.5 else None for e in members]
        if all(y is None for y in labels):
            return None
        return rule, filler(text, prompts[pid], [], rng, ()), labels
    if rule == "empty":
        return rule, "", [0.0] * len(members)
    raise ValueError(rule)

