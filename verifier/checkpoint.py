"""Training checkpoints of `rubricc distill`, written and read without pickle.

A checkpoint folder (by default ``OUT.ckpt`` beside the bundle ``OUT``, never inside it: a bundle ships
only what scoring needs) holds:

    state.safetensors   the model's weights (``model.*``), the optimizer's tensors (``opt.<param>.<key>``)
                        and torch's RNG state (``rng.torch``)
    state.json          everything else: the run's fingerprint, training progress, the scheduler's and
                        optimizer's plain settings, NumPy's and Python's RNG states
    best.safetensors    the weights of the best epoch so far

Why no pickle: rerunning a command resumes from these files, and ``torch.load`` of a pickle runs whatever
code the file names. safetensors holds only tensors and JSON only plain values, so a crafted file in
the folder can at worst fail to parse; it is then treated as a stale checkpoint and training starts
afresh. Files of older rubricc versions (``state.pt``, ``best.pt``) are never read.

``state.json`` is written after ``state.safetensors`` and names it by a random save id that both carry,
so a run killed between the two writes resumes from neither rather than from a mix.
"""
from __future__ import annotations

import dataclasses
import json
import os
import random
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

import numpy as np

STATE_TENSORS = "state.safetensors"
STATE_JSON = "state.json"
BEST_TENSORS = "best.safetensors"
OLD_FILES = ("state.pt", "best.pt")  # pickles of older versions: removed with a stale checkpoint, never read


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Calls ``write(tmp)`` then renames ``tmp`` to ``path``, so a reader never sees a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def optimizer_to_flat(state_dict: Dict[str, Any]) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """An optimizer's ``state_dict`` -> (tensors named ``opt.<param>.<key>``, the plain rest for JSON)."""
    import torch

    tensors, plain = {}, {}
    for pid, entries in state_dict["state"].items():
        for key, value in entries.items():
            if torch.is_tensor(value):
                tensors[f"opt.{pid}.{key}"] = value.detach().cpu().contiguous()
            else:
                plain.setdefault(str(pid), {})[key] = value
    return tensors, {"state": plain, "param_groups": state_dict["param_groups"]}


def optimizer_from_flat(tensors: Dict[str, Any], plain: Dict[str, Any]) -> Dict[str, Any]:
    """The inverse of :func:`optimizer_to_flat` (``betas`` back to a tuple, as torch writes it)."""
    state: Dict[int, Dict[str, Any]] = {}
    for name, value in tensors.items():
        if name.startswith("opt."):
            _, pid, key = name.split(".", 2)
            state.setdefault(int(pid), {})[key] = value
    for pid, entries in plain["state"].items():
        state.setdefault(int(pid), {}).update(entries)
    groups = [{**g, "betas": tuple(g["betas"])} if "betas" in g else g for g in plain["param_groups"]]
    return {"state": state, "param_groups": groups}


def rng_state() -> Tuple[Any, Dict[str, Any]]:
    """(torch's RNG state tensor, NumPy's and Python's states as JSON values)."""
    import torch

    name, keys, pos, has_gauss, cached = np.random.get_state()
    version, internal, gauss = random.getstate()
    return torch.get_rng_state(), {"numpy": [name, keys.tolist(), pos, has_gauss, cached],
                                   "python": [version, list(internal), gauss]}


def set_rng_state(torch_state, plain: Dict[str, Any]) -> None:
    import torch

    torch.set_rng_state(torch_state)
    name, keys, pos, has_gauss, cached = plain["numpy"]
    np.random.set_state((name, np.asarray(keys, dtype=np.uint32), pos, has_gauss, cached))
    version, internal, gauss = plain["python"]
    random.setstate((version, tuple(internal), gauss))


class Checkpoints:
    """A checkpoint folder of one run (see the module docstring). Only the writer (rank 0) writes."""

    def __init__(self, folder: Path, fingerprint: str, writer: bool):
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.writer = writer

    def path(self, name: str) -> Path:
        return self.folder / name

    def resume(self, model, opt, sched, log, progress_type):
        """Restores a run with the same fingerprint into ``model``, ``opt`` and ``sched``; returns
        (``progress_type(**saved progress)``, False). Else (``progress_type()``, stale): stale is True when
        the folder holds files of another run, an unreadable or incomplete checkpoint, or an older
        version's: :meth:`clear` then removes them."""
        state_json = self.path(STATE_JSON)
        if not state_json.exists():
            old = [n for n in (STATE_TENSORS, BEST_TENSORS, *OLD_FILES) if self.path(n).exists()]
            if old:
                log(f"distill: {self.folder} holds no resumable checkpoint ({', '.join(old)}); starting afresh")
            return progress_type(), bool(old)
        try:
            saved = json.loads(state_json.read_text(encoding="utf-8"))
            if saved.get("fingerprint") != self.fingerprint:
                log(f"distill: {self.folder} belongs to other data or options; starting afresh")
                return progress_type(), True
            tensors, meta = self._read_tensors(STATE_TENSORS)
            if meta.get("save_id") != saved.get("save_id"):
                raise ValueError("state.json and state.safetensors come from different saves")
            model.load_state_dict({k[len("model."):]: v for k, v in tensors.items() if k.startswith("model.")})
            opt.load_state_dict(optimizer_from_flat(tensors, saved["optimizer"]))
            sched.load_state_dict(saved["scheduler"])
            set_rng_state(tensors["rng.torch"], saved["rng"])
            progress = progress_type(**saved["progress"])
        except Exception as e:  # a damaged or crafted file: never trusted, never fatal
            log(f"distill: {self.folder} holds an unreadable checkpoint ({str(e).splitlines()[0][:120]}); "
                "starting afresh")
            return progress_type(), True
        log(f"distill: resuming from {self.folder} " + (f"(training done after {progress.epoch} epochs)"
            if progress.done else f"(epoch {progress.epoch + 1}, step {progress.step})"))
        return progress, False

    def _read_tensors(self, name: str) -> Tuple[Dict[str, Any], Dict[str, str]]:
        from safetensors import safe_open

        with safe_open(str(self.path(name)), framework="pt") as f:
            return {k: f.get_tensor(k) for k in f.keys()}, dict(f.metadata() or {})

    def clear(self) -> None:
        """Removes this folder's checkpoint files (and the folder when nothing else is left in it)."""
        if not self.writer:
            return
        for name in (STATE_JSON, STATE_TENSORS, BEST_TENSORS, *OLD_FILES):
            self.path(name).unlink(missing_ok=True)
        try:
            self.folder.rmdir()
        except OSError:
            pass

    def save(self, model, opt, sched, progress, best: bool = False) -> None:
        """Writes the state (and the best weights when ``best``): tensors first, then the JSON naming them."""
        if not self.writer:
            return
        from safetensors.torch import save_file

        save_id = uuid.uuid4().hex
        opt_tensors, opt_plain = optimizer_to_flat(opt.state_dict())
        torch_rng, rng_plain = rng_state()
        tensors = {**weights(model, "model."), **opt_tensors, "rng.torch": torch_rng}
        meta = {"fingerprint": self.fingerprint, "save_id": save_id}
        write_atomic(self.path(STATE_TENSORS), lambda p: save_file(tensors, str(p), metadata=meta))
        record = {"fingerprint": self.fingerprint, "save_id": save_id, "progress": dataclasses.asdict(progress),
                  "optimizer": opt_plain, "scheduler": sched.state_dict(), "rng": rng_plain}
        text = json.dumps(record)
        write_atomic(self.path(STATE_JSON), lambda p: p.write_text(text, encoding="utf-8"))
        if best:
            write_atomic(self.path(BEST_TENSORS),
                         lambda p: save_file(weights(model), str(p), metadata={"fingerprint": self.fingerprint}))

    def load_best(self, model) -> None:
        """Loads the best epoch's weights into ``model`` when this run wrote them."""
        if not self.path(BEST_TENSORS).exists():
            return
        tensors, meta = self._read_tensors(BEST_TENSORS)
        if meta.get("fingerprint") == self.fingerprint:
            model.load_state_dict(tensors)

    def size_bytes(self) -> int:
        return sum(self.path(n).stat().st_size for n in (STATE_TENSORS, STATE_JSON, BEST_TENSORS)
                   if self.path(n).exists())


def weights(model, prefix: str = "") -> Dict[str, Any]:
    """The model's state dict as contiguous CPU tensors (what safetensors stores), keys prefixed."""
    return {prefix + k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
