"""A tiny synthetic distillation set (shared by the distill tests): criteria about words in the response."""
import json
import random

WORDS = ["apple", "river", "castle", "engine", "violin", "forest", "rocket", "garden", "candle", "mirror"]


def write_tiny_set(folder, n_prompts=8, n_responses=5, seed=0, soft=True):
    rng = random.Random(seed)
    rubrics, responses, judgments = [], [], []
    for p in range(n_prompts):
        pid = f"p{p}"
        crit_words = rng.sample(WORDS, 3)
        criteria = [{"id": f"c{k}", "text": f"The response mentions {w}.", "weight": k + 1,
                     "check": {"kind": "neural"}} for k, w in enumerate(crit_words)]
        criteria.append({"id": "len", "text": "The response has at most 40 words.", "weight": 1,
                         "check": {"kind": "program", "name": "word_count_max", "args": {"n": 40}}})
        rubrics.append({"id": pid, "prompt": f"Write a short story number {p}.", "criteria": criteria})
        for r in range(n_responses):
            used = rng.sample(WORDS, rng.randint(1, 4))
            text = "Once upon a time there was " + " and ".join(f"a {w}" for w in used) + "."
            rid = f"r{r}"
            responses.append({"prompt_id": pid, "id": rid, "text": text})
            for k, w in enumerate(crit_words):
                yes = w in used
                judgments.append({"prompt_id": pid, "response_id": rid, "criterion_id": f"c{k}", "verdict": yes,
                                  "p_yes": (0.9 if yes else 0.1) if soft and (r % 2) else None, "judge": "tiny"})
            judgments.append({"prompt_id": pid, "response_id": rid, "criterion_id": "len", "verdict": True,
                              "p_yes": None, "judge": "program"})
    paths = {}
    for name, rows in (("rubrics", rubrics), ("responses", responses), ("judgments", judgments)):
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(x) + "\n" for x in rows))
        paths[name] = path
    return paths
