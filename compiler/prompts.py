"""Prompt templates of the LLM stages (our own wording; the paper's eleven writing tips and its 1-3
weighting scheme are carried over, paper-notes section 5).

Static instructions come first and the per-call parts last (prompt, rubric, then the response), so that
servers with a prefix cache (vLLM, SGLang, llama.cpp) reuse the shared prefix across calls.

Templates use ``str.format`` slots; JSON braces inside them are doubled.
"""
from __future__ import annotations

from typing import List, Sequence

from rubricc.formats import Criterion

WRITING_TIPS = """\
How to write the criteria:
1. Mutually exclusive and collectively exhaustive: together the criteria cover everything an ideal response \
must get right, and no two of them test the same thing.
2. Complete: cover the supporting reasoning, justification and caveats as well as the requested facts.
3. No overlap: one mistake must never be penalised by two criteria.
4. Varied: mix kinds of criteria (correctness, completeness, reasoning, safety, format, tone, length), not \
only "mentions A", "mentions B".
5. No fixed number: write as many criteria as an ideal response needs, no more.
6. Demanding: a strong model should fail about half of them.
7. Atomic: one requirement per criterion. Split anything joined by "and" (not "Names George Washington \
and gives his birth year" but two criteria).
8. Specific and objective: "Lists exactly three examples", not "Gives good examples".
9. Self-contained: state the fact needed to check it ("States that the capital of Canada is Ottawa").
10. Checkable without searching: when several answers are acceptable, list them.
11. Polarity: phrase every criterion so that "yes" means the response is better."""

WEIGHTS_PAPER = """\
Give every criterion an integer weight from 1 to 3, judged on two axes and taking the higher:
- what the user asked for: 3 if the user would be frustrated by a response that fails it, 1 if the user \
would hardly notice;
- correctness: 3 if failing it makes the response wrong or harmful, 1 if it only misses a rare edge case."""

WEIGHTS_SIGNED = """\
Give every criterion a non-zero integer weight from -10 to 10 (points, as in HealthBench):
- positive points (1 to 10) for something a good response does; 10 for essential, 1 for a minor nicety;
- negative points (-1 to -10) for a fault a response may commit ("Recommends an unsafe dose": -10); such a \
criterion is phrased so that "yes" means the fault is present.
Most criteria should be positive."""

GENERATE = """\
You are an expert evaluator. Write a grading rubric for responses to the prompt below: a list of binary \
criteria, each answered "yes" or "no" about a response. Only include criteria you are confident about.

{tips}

{weights}

PROMPT:
<<<
{prompt}
>>>

Reply with ONLY a JSON object of the form {{"criteria": [{{"criterion": "...", "weight": 2}}, ...]}}. \
Do not number the criteria or add ids."""

REFINE = """\
You are an expert evaluator. The rubric below is not yet good enough to tell apart two high-quality \
responses to the same prompt. Study both responses, find the features that make one of them better than \
the other (accuracy, depth, reasoning, completeness, safety, clarity, format), and improve the rubric so \
that it separates them: add criteria, rewrite vague ones, split compound ones, delete redundant ones and \
re-weight. The rubric must stay usable for any response to this prompt, not only these two.

{tips}

{weights}

PROMPT:
<<<
{prompt}
>>>

CURRENT RUBRIC:
{rubric}

RESPONSE 1:
<<<
{response1}
>>>

RESPONSE 2:
<<<
{response2}
>>>

Reply with ONLY the FULL improved rubric as a JSON object {{"criteria": [{{"criterion": "...", \
"weight": 2}}, ...]}}, including the criteria you keep unchanged. Do not add ids."""

GRADE = """\
You are a strict, consistent grader of responses written by leading language models. For each criterion \
of the rubric, decide whether the response meets it. Hold the response to a high standard; another careful \
grader should reach the same verdicts.

PROMPT:
<<<
{prompt}
>>>

RUBRIC:
{rubric}

RESPONSE:
<<<
{response}
>>>

Reply with ONLY a JSON object mapping every criterion id of the rubric to "yes" or "no", for example \
{example}."""

GRADE_ONE = """\
You are a strict, consistent grader. Decide whether the response meets the criterion.

PROMPT:
<<<
{prompt}
>>>

RESPONSE:
<<<
{response}
>>>

CRITERION: {criterion}

Does the response meet the criterion? Answer with one word: yes or no."""

ATOMIZE = """\
You are editing a grading rubric. A criterion is compound when it bundles several independent \
requirements (often joined by "and", commas or "as well as"), so that a response could satisfy one part \
and not another. Split every compound criterion into atomic criteria, each self-contained (repeat the \
context needed to check it) and phrased so that "yes" is good. Leave atomic criteria alone.

PROMPT (for context):
<<<
{prompt}
>>>

RUBRIC:
{rubric}

Reply with ONLY a JSON object {{"splits": [{{"id": "c3", "parts": ["...", "..."]}}, ...]}} listing only \
the compound criteria (an empty list if there are none)."""

LOWER = """\
You translate a rubric criterion into a deterministic check when, and only when, the criterion is fully \
decided by surface features of the response text (length, counts, presence of exact words or phrases, \
format, case, language, ...). Anything that needs understanding of meaning or facts stays with a human \
grader: answer null.

Available checks (name, arguments, meaning):
{library}

PROMPT (for context):
<<<
{prompt}
>>>

CRITERION: {criterion}

Reply with ONLY a JSON object: {{"check": null}} or {{"check": {{"name": "<check name>", "args": {{...}}}}, \
"passing": ["<a short response that meets the criterion>", ...], "failing": ["<a short response that \
does not>", ...]}} with 1 to 3 responses in each list. The check must return true exactly when the \
criterion is met: it is kept only if it accepts every passing response and rejects every failing one."""


def weights_text(weights: str) -> str:
    return WEIGHTS_SIGNED if weights == "signed" else WEIGHTS_PAPER


def rubric_text(criteria: Sequence[Criterion], with_ids: bool = True, with_weights: bool = False) -> str:
    """One line per criterion: ``- c1: text`` for graders (weights hidden, as in the paper); the proposer
    sees ``- text (weight 2)``."""
    lines: List[str] = []
    for c in criteria:
        head = f"- {c.id}: " if with_ids else "- "
        tail = f" (weight {c.weight})" if with_weights else ""
        lines.append(f"{head}{c.text}{tail}")
    return "\n".join(lines) if lines else "(empty)"


def user(content: str) -> list:
    """The messages of a one-turn request."""
    return [{"role": "user", "content": content}]


def clip(text: str, max_chars: int) -> str:
    """Shortens a very long response for a prompt (the middle goes; the grader sees both ends)."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    half = max_chars // 2
    return text[:half] + "\n[... truncated ...]\n" + text[-half:]
