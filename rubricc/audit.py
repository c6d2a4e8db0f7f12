"""The audit: a few rollouts per step go to the judge, mostly from the top of their prompt's group by the
verifier's reward (the high-reward tail where over-optimisation finds the verifier's errors), without
ever blocking the training step; running figures over the steps, and an alarm when they drift.

``RubricReward(..., audit=Audit(judge))`` calls :meth:`Audit.observe` after every scoring call (one call is
one step unless :attr:`Audit.step` is set by a trainer callback). ``observe`` picks ``per_step`` scored
rollouts: ``tail_share`` of them are the top two of the groups with the highest verifier rewards (a pair
per group, so the judge's and the verifier's order can be compared), the rest a seeded uniform sample of
the others. They go to the judge in the background (:meth:`rubricc.judge.Judge.submit`); each answer,
when it arrives, updates per step:

* ``agreement``: verifier verdicts (p >= 0.5) agreeing with the judge's, per criterion too;
* ``reward_gap``: verifier reward - judge reward of the audited rollouts (positive: the verifier overpays);
* ``tail_acc``: pairwise accuracy of the verifier's order within the audited pairs (judge ties skipped).

Alarm: once ``baseline_steps`` steps are complete, the last ``window`` steps after them are compared with
the baseline steps: the mean gap grown by more than ``gap_threshold``, or the agreement fallen by more than
``disagreement_threshold``, each also by more than ``z`` standard errors (Welch's z on the gaps, the
two-proportion z on the verdicts: a few audited rollouts per step are noisy) raises it: a log warning, ``callback(event)``, ``alarm`` in
:meth:`figures` and ``{"audit": {"alarm": True}}`` in the reward's details. With ``out_dir`` every audited
rollout is appended to ``out_dir/{rubrics,responses,judgments}.jsonl`` as `rubricc distill` reads them.
"""
from __future__ import annotations

import json
import logging
import threading
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import numpy as np

from rubricc.judge import judge_from_options
from rubricc.scoring import score

log = logging.getLogger("rubricc.audit")


class Audit:
    def __init__(self, judge: Any, per_step: int = 4, tail_share: float = 0.75, window: int = 5,
                 baseline_steps: int = 5, gap_threshold: float = 0.1, disagreement_threshold: float = 0.1,
                 z: float = 3.0,
                 callback: Optional[Callable[[Dict[str, Any]], None]] = None, out_dir: Optional[str] = None,
                 max_pending: Optional[int] = None, seed: int = 0):
        if per_step < 1 or not 0.0 <= tail_share <= 1.0 or window < 1 or baseline_steps < 1:
            raise ValueError("audit: per_step, window and baseline_steps must be >= 1 and tail_share in [0, 1]")
        self.judge = judge_from_options(judge)
        self.per_step, self.tail_share, self.window, self.baseline_steps = int(per_step), float(tail_share), int(window), int(baseline_steps)
        self.gap_threshold, self.disagreement_threshold = float(gap_threshold), float(disagreement_threshold)
        self.z = float(z)
        self.callback = callback
        self.out_dir = None if out_dir is None else Path(out_dir)
        self.max_pending = int(max_pending or 4 * per_step)
        self.rng = np.random.default_rng(seed)
        self.step = 0
        self.alarm = False
        self.events: List[Dict[str, Any]] = []
        self.counters: Dict[str, int] = defaultdict(int)
        self._steps: Dict[int, Dict[str, Any]] = {}
        self._criteria: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        self._pending = 0
        self._written_rubrics: set = set()
        self._lock = threading.RLock()
        self._explicit_step = False

    def __getstate__(self):  # a copy sent to another process starts empty, with its own lock
        state = self.__dict__.copy()
        state.pop("_lock", None)
        state["_criteria"] = {}
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._criteria = defaultdict(lambda: [0, 0])
        self._lock = threading.RLock()

    def set_step(self, step: int) -> None:
        """Step number of the next observed calls (a trainer callback's ``global_step``)."""
        self.step, self._explicit_step = int(step), True

    # -- choosing and sending ------------------------------------------------------------------------
    def choose(self, plans: Sequence[Any], details: Sequence[Dict[str, Any]]) -> List[int]:
        """Rows to audit: top pairs of the groups with the highest verifier rewards, then a uniform sample."""
        groups: Dict[str, List[int]] = defaultdict(list)
        for i, (plan, d) in enumerate(zip(plans, details)):
            if plan is not None and d.get("reward") is not None and len(plan.neural):
                groups[plan.rubric.id].append(i)
        if not groups:
            return []
        for g in groups.values():
            g.sort(key=lambda i: -details[i]["reward"])
        n_tail = int(round(self.tail_share * self.per_step))
        chosen: List[int] = []
        for g in sorted(groups.values(), key=lambda g: -details[g[0]]["reward"]):
            if len(chosen) >= n_tail:
                break
            chosen += g[:min(2, n_tail - len(chosen))]
        rest = [i for g in groups.values() for i in g if i not in set(chosen)]
        k = min(len(rest), self.per_step - len(chosen))
        if k > 0:
            chosen += sorted(self.rng.choice(rest, k, replace=False).tolist())
        return chosen

    def observe(self, plans: Sequence[Any], responses: Sequence[str], details: List[Dict[str, Any]]) -> None:
        """Called after a scoring call: sends the chosen rollouts to the judge (returns at once) and flags
        the details with the alarm state."""
        with self._lock:
            step = self.step
            if not self._explicit_step:
                self.step += 1
            busy = self._pending >= self.max_pending
        for d in details:
            d["audit"] = {"alarm": self.alarm}
        if busy:
            self.counters["skipped_busy"] += 1
            return
        rows = self.choose(plans, details)
        if not rows:
            return
        items = [(plans[i].rubric, responses[i], [plans[i].ids[j] for j in plans[i].neural]) for i in rows]
        try:
            futures = self.judge.submit(items)
        except Exception as e:  # never fail the reward
            log.warning("audit: the judge cannot start: %s", e)
            self.counters["judge_failed"] += len(rows)
            return
        with self._lock:
            self._pending += len(rows)
            self._steps.setdefault(step, {"pairs": defaultdict(list), "gap": [], "agree": [0, 0], "done": 0,
                                          "sent": 0})["sent"] += len(rows)
        for i, f in zip(rows, futures):
            snap = {"step": step, "plan": plans[i], "response": responses[i], "detail": details[i], "row": i}
            f.add_done_callback(lambda fut, snap=snap: self._done(fut, snap))

    # -- receiving ----------------------------------------------------------------------------------
    def _done(self, fut, snap) -> None:
        try:
            ans = None if fut.cancelled() else fut.result()
        except Exception:
            ans = None
        try:
            self._record(ans, snap)
        except Exception as e:  # a bug here must not kill the judge's loop
            log.warning("audit: could not record an answer: %s", e)
        finally:
            with self._lock:
                self._pending -= 1

    def _record(self, ans, snap) -> None:
        plan, d, step = snap["plan"], snap["detail"], snap["step"]
        self.judge.counters[("late" if ans is None else ans.failure) or "ok"] += 1
        if ans is None or ans.failure is not None:
            with self._lock:
                self.counters["judge_failed"] += 1
                self._steps[step]["done"] += 1
            return
        verdicts, vprobs = [], []
        esc = d.get("escalated") or {}
        agree = 0
        for cid, c in zip(plan.ids, plan.rubric.criteria):
            mine = d["verdicts"].get(cid)
            if cid in ans.verdicts:
                theirs = bool(ans.verdicts[cid])
                own = esc[cid]["verifier"] if cid in esc else mine
                ok = own is not None and (float(own) >= 0.5) == theirs
                agree += ok
                with self._lock:
                    self._criteria[c.text][0] += ok
                    self._criteria[c.text][1] += 1
                verdicts.append(theirs)
            else:
                verdicts.append(mine)
            vprobs.append(mine)
        judge_reward = score(plan.weights.tolist(), verdicts)
        with self._lock:
            s = self._steps[step]
            s["done"] += 1
            s["agree"][0] += agree
            s["agree"][1] += len(ans.verdicts)
            if judge_reward is not None:
                s["gap"].append(d["reward"] - judge_reward)
                s["pairs"][plan.rubric.id].append((d["reward"], judge_reward))
            self.counters["audited"] += 1
        if self.out_dir is not None:
            self._append(plan, snap, ans)
        self._check_alarm()

    def _append(self, plan, snap, ans) -> None:
        from rubricc.formats import Judgment, Response

        self.out_dir.mkdir(parents=True, exist_ok=True)
        rid = f"audit-{snap['step']}-{snap['row']}"
        with self._lock:
            if plan.rubric.id not in self._written_rubrics:
                self._written_rubrics.add(plan.rubric.id)
                with open(self.out_dir / "rubrics.jsonl", "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(plan.rubric.model_dump(mode="json"), ensure_ascii=False) + "\n")
            with open(self.out_dir / "responses.jsonl", "a", encoding="utf-8") as fh:
                fh.write(Response(prompt_id=plan.rubric.id, id=rid, text=snap["response"], source="audit")
                         .model_dump_json() + "\n")
            with open(self.out_dir / "judgments.jsonl", "a", encoding="utf-8") as fh:
                for cid, v in ans.verdicts.items():
                    fh.write(Judgment(prompt_id=plan.rubric.id, response_id=rid, criterion_id=cid, verdict=v,
                                      p_yes=ans.p_yes.get(cid), judge=self.judge.name).model_dump_json() + "\n")

    # -- figures and the alarm ----------------------------------------------------------------------
    def step_figures(self, steps: Sequence[int]) -> Dict[str, Optional[float]]:
        """Pooled figures over ``steps``."""
        gaps = [g for s in steps for g in self._steps[s]["gap"]]
        agree = sum(self._steps[s]["agree"][0] for s in steps)
        n = sum(self._steps[s]["agree"][1] for s in steps)
        right = total = 0.0
        for s in steps:
            for pairs in self._steps[s]["pairs"].values():
                for a in range(len(pairs)):
                    for b in range(a + 1, len(pairs)):
                        dj = pairs[a][1] - pairs[b][1]
                        if dj == 0:
                            continue
                        dv = (pairs[a][0] - pairs[b][0]) * dj
                        right += 1.0 if dv > 0 else 0.5 if dv == 0 else 0.0
                        total += 1
        return {"reward_gap": float(np.mean(gaps)) if gaps else None, "agreement": agree / n if n else None,
                "tail_acc": right / total if total else None, "audited": len(gaps)}

    def _complete_steps(self) -> List[int]:
        return sorted(s for s, v in self._steps.items() if v["done"] >= v["sent"] > 0)

    def _check_alarm(self) -> None:
        with self._lock:
            done = self._complete_steps()
            if len(done) < self.baseline_steps + 1:
                return
            b_steps, r_steps = done[:self.baseline_steps], done[self.baseline_steps:][-self.window:]
            base, recent = self.step_figures(b_steps), self.step_figures(r_steps)
            reasons = []
            g0 = [g for s in b_steps for g in self._steps[s]["gap"]]
            g1 = [g for s in r_steps for g in self._steps[s]["gap"]]
            if len(g0) >= 2 and len(g1) >= 2:
                diff = float(np.mean(g1) - np.mean(g0))
                se = max(1e-6, float(np.sqrt(np.var(g0, ddof=1) / len(g0) + np.var(g1, ddof=1) / len(g1))))
                if diff > self.gap_threshold and diff / se > self.z:
                    reasons.append(f"reward gap {recent['reward_gap']:+.3f} (baseline {base['reward_gap']:+.3f}, "
                                   f"z {diff / se:.1f})")
            a0, n0 = (sum(self._steps[s]["agree"][k] for s in b_steps) for k in (0, 1))
            a1, n1 = (sum(self._steps[s]["agree"][k] for s in r_steps) for k in (0, 1))
            if n0 and n1:
                drop = a0 / n0 - a1 / n1
                pooled = (a0 + a1) / (n0 + n1)
                se = max(1e-6, float(np.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1))))
                if drop > self.disagreement_threshold and drop / se > self.z:
                    reasons.append(f"agreement {a1 / n1:.3f} (baseline {a0 / n0:.3f}, z {drop / se:.1f})")
            fire = bool(reasons) and not self.alarm
            self.alarm = bool(reasons)
            if fire:
                event = {"step": done[-1], "reasons": reasons, "recent": recent, "baseline": base}
                self.events.append(event)
        if fire:
            log.warning("audit alarm at step %d: %s: the verifier may be over-optimised (reward hacking); "
                        "refresh it with the audited judgments", event["step"], "; ".join(reasons))
            if self.callback is not None:
                try:
                    self.callback(event)
                except Exception as e:
                    log.warning("audit: the alarm callback failed: %s", e)

    def figures(self) -> Dict[str, float]:
        """Running figures for logs: the last ``window`` complete steps (``audit/...``) and counters."""
        with self._lock:
            done = self._complete_steps()
            recent = self.step_figures(done[-self.window:]) if done else {}
            out = {f"audit/{k}": float(v) for k, v in recent.items() if v is not None}
            out["audit/alarm"] = float(self.alarm)
            out["audit/pending"] = float(self._pending)
            out.update({f"audit/{k}": float(v) for k, v in self.counters.items()})
        return out

    def per_criterion(self) -> Dict[str, float]:
        """Agreement with the judge per criterion text, over everything audited."""
        with self._lock:
            return {t: a / n for t, (a, n) in self._criteria.items() if n}

    def wait(self, timeout: float = 60.0) -> bool:
        """Waits until no audit is in flight (tests, benchmarks, the end of training)."""
        import time

        t0 = time.time()
        while self._pending and time.time() - t0 < timeout:
            time.sleep(0.01)
        return self._pending == 0


def merge_sets(out_dir, *sources) -> Dict[str, Path]:
    """Writes ``out_dir/{rubrics,responses,judgments}.jsonl``: the union of the ``sources`` (folders holding
    those three files, e.g. the original training set and an audit's ``out_dir``), a rubric id or a
    (prompt_id, response id) kept from the first source that has it, judgments of kept responses only.
    The input of ``rubricc distill --init-from VERIFIER`` on old plus new judgments."""
    from rubricc.formats import iter_json_lines, write_jsonl

    rubrics, responses, judgments, kept = {}, {}, [], set()
    for src in sources:
        src = Path(src)
        for _, r in iter_json_lines(src / "rubrics.jsonl"):
            rubrics.setdefault(r.get("id"), r)
        mine = set()
        for _, r in iter_json_lines(src / "responses.jsonl"):
            key = (r.get("prompt_id"), r.get("id"))
            if key not in responses:
                responses[key] = r
                mine.add(key)
        for _, j in iter_json_lines(src / "judgments.jsonl"):
            if (j.get("prompt_id"), j.get("response_id")) in mine:
                judgments.append(j)
        kept |= mine
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {n: out / f"{n}.jsonl" for n in ("rubrics", "responses", "judgments")}
    write_jsonl(paths["rubrics"], rubrics.values())
    write_jsonl(paths["responses"], responses.values())
    write_jsonl(paths["judgments"], judgments)
    return paths
