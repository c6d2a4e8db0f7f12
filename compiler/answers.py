"""Reading a model's answer: the record kept in the cache, tolerant JSON parsing with validation, and
P(yes) from token logprobs.

Kept apart from the client (:mod:`rubricc.compiler.llm`) because none of it talks to an endpoint: it
turns what an endpoint sent back into values the stages can use. A model's JSON is parsed leniently
(``<think>`` blocks and code fences stripped, the first balanced JSON value taken) and then validated by
the caller; the client sends a repair request when either step fails.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any, Callable, Dict, List, Optional, Tuple


def one_line(err: Any, n: int = 300) -> str:
    """``str(err)`` on one line, cut to ``n`` characters (error messages in flags and failures)."""
    s = str(err).replace("\n", " ")
    return s if len(s) <= n else s[:n] + "..."


def answer_record(resp: Any) -> Dict[str, Any]:
    """An OpenAI chat completion -> the record the cache keeps: content, finish reason, token logprobs
    ([{token, logprob, top_logprobs}] or None), usage and model."""
    d = resp.model_dump() if hasattr(resp, "model_dump") else dict(resp)
    choices = d.get("choices") or [{}]
    ch = choices[0] or {}
    msg = ch.get("message") or {}
    lps = None
    lp = ch.get("logprobs")
    if isinstance(lp, dict) and lp.get("content"):
        lps = [{"token": t.get("token", ""), "logprob": t.get("logprob", 0.0),
                "top_logprobs": [{"token": a.get("token", ""), "logprob": a.get("logprob", 0.0)}
                                 for a in (t.get("top_logprobs") or [])]}
               for t in lp["content"]]
    usage = d.get("usage") or {}
    return {"content": msg.get("content") or "", "finish_reason": ch.get("finish_reason"), "logprobs": lps,
            "usage": {"prompt_tokens": usage.get("prompt_tokens") or 0,
                      "completion_tokens": usage.get("completion_tokens") or 0},
            "model": d.get("model")}


# ----------------------------------------------------------------------------------------------
# tolerant JSON parsing
# ----------------------------------------------------------------------------------------------
_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)


def _first_balanced(text: str) -> Optional[str]:
    """The first balanced {...} or [...] in ``text`` that parses as JSON (string-aware)."""
    for start in range(len(text)):
        if text[start] not in "{[":
            continue
        stack, in_str, esc = [], False, False
        for i in range(start, len(text)):
            ch = text[i]
            if in_str:
                if esc:
                    esc = False
                elif ch == "\\":
                    esc = True
                elif ch == '"':
                    in_str = False
                continue
            if ch == '"':
                in_str = True
            elif ch in "{[":
                stack.append("}" if ch == "{" else "]")
            elif ch in "}]":
                if not stack or stack.pop() != ch:
                    break
                if not stack:
                    cand = text[start:i + 1]
                    try:
                        json.loads(cand)
                        return cand
                    except json.JSONDecodeError:
                        break
    return None


def parse_json_lenient(text: str) -> Any:
    """Parses a model's JSON answer; raises ValueError with a short reason."""
    if text is None:
        raise ValueError("empty answer")
    t = _THINK.sub("", text)
    if re.search(r"<think>", t, re.I):  # an unclosed think block: keep what follows the last tag
        t = re.split(r"</?think>", t, flags=re.I)[-1]
    t = t.strip()
    if not t:
        raise ValueError("empty answer")
    try:
        return json.loads(t)
    except json.JSONDecodeError:
        pass
    for block in _FENCE.findall(t):
        try:
            return json.loads(block.strip())
        except json.JSONDecodeError:
            continue
    cand = _first_balanced(t)
    if cand is not None:
        return json.loads(cand)
    raise ValueError("no JSON value found in the answer" + (" (it was cut off at max_tokens?)"
                                                            if t.count("{") + t.count("[") > 0 else ""))


def parse_validated(content: Optional[str], validate: Callable[[Any], Any]) -> Tuple[Any, Optional[str]]:
    """(``validate(parsed content)``, None), or (None, the reason on one line) when parsing or validation
    fails."""
    try:
        obj = parse_json_lenient(content or "")
    except ValueError as e:  # json.JSONDecodeError is a ValueError
        return None, one_line(e)
    try:
        return validate(obj), None
    except Exception as e:  # pydantic.ValidationError, ValueError, TypeError from the caller's schema
        return None, one_line(e)


# ----------------------------------------------------------------------------------------------
# logprobs
# ----------------------------------------------------------------------------------------------
def _norm_tok(tok: str) -> str:
    return tok.strip().strip('"\'').strip().lower()


def yes_probability(top: List[Dict[str, Any]]) -> Optional[float]:
    """P(yes) / (P(yes) + P(no)) from one position's top logprobs ([{token, logprob}]); None if neither."""
    py = pn = 0.0
    for alt in top or []:
        t = _norm_tok(alt.get("token", ""))
        if not t:
            continue
        p = math.exp(alt.get("logprob", -1e9))
        if "yes".startswith(t) or t == "true":
            py += p
        elif "no".startswith(t) or t == "false":
            pn += p
    if py + pn <= 0:
        return None
    return py / (py + pn)


def value_token_index(logprobs: List[Dict[str, Any]], char_pos: int) -> Optional[int]:
    """Index of the token that covers character ``char_pos`` of the concatenated answer text."""
    pos = 0
    for i, lp in enumerate(logprobs):
        tok = lp.get("token", "")
        if pos <= char_pos < pos + len(tok):
            return i
        pos += len(tok)
    return None


def key_yes_probabilities(raw: Dict[str, Any], keys: List[str]) -> Dict[str, Optional[float]]:
    """For an answer like ``{"c1": "yes", ...}`` with token logprobs: P(yes) for each key, read at the
    first token of its value. Keys whose value token cannot be located get None."""
    out: Dict[str, Optional[float]] = {k: None for k in keys}
    lps = raw.get("logprobs") or []
    if not lps:
        return out
    text = "".join(lp.get("token", "") for lp in lps)
    for k in keys:
        m = re.search(r'"' + re.escape(k) + r'"\s*:\s*"?\s*', text)
        if not m:
            continue
        i = value_token_index(lps, m.end())
        if i is None:
            continue
        # the value may start inside a token such as ' "yes' or '":"'; step to the first token with letters
        for j in range(i, min(i + 3, len(lps))):
            if re.search(r"[a-zA-Z]", lps[j].get("token", "")):
                top = lps[j].get("top_logprobs") or [{"token": lps[j]["token"], "logprob": lps[j]["logprob"]}]
                out[k] = yes_probability(top)
                break
    return out
