"""Versioned file formats (DESIGN section 3): schemas, JSONL readers with line-level errors, atomic writers.

Every artifact is JSONL, one record a line. Readers report ``path:line: what is wrong (at field ...)``
for a bad record; writers write to a temporary file in the same folder and rename it, so a failure never
leaves a partial output.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Literal, Optional, Type, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rubricc.errors import InputError  # noqa: F401  (re-exported: the readers raise it)

RUBRIC_FORMAT = "rubricc.rubric/1"
MAX_WEIGHT = 1000  # far above any real scale (paper 1..3, HealthBench -10..10); keeps sums exact in float64
JUDGMENT_FORMAT = "rubricc.judgment/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProgramCheck(_Strict):
    kind: Literal["program"] = "program"
    name: str
    args: Dict[str, Any] = Field(default_factory=dict)


class NeuralCheck(_Strict):
    kind: Literal["neural"] = "neural"


Check = Union[ProgramCheck, NeuralCheck]


class Criterion(_Strict):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    weight: int
    check: Check = Field(default_factory=NeuralCheck, discriminator="kind")
    origin: Dict[str, Any] = Field(default_factory=dict)

    @field_validator("weight", mode="before")
    @classmethod
    def _weight(cls, v: Any) -> int:
        """A non-zero integer within +-MAX_WEIGHT (an integral float such as 3.0 is taken; a bool or a
        string is not: they are mistakes, not weights)."""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"weight must be an integer, not {type(v).__name__}")
        if v == 0 or abs(v) > MAX_WEIGHT:
            raise ValueError(f"weight must be a non-zero integer within +-{MAX_WEIGHT} (its sign is the polarity)")
        return v

    @field_validator("text")
    @classmethod
    def _strip(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("criterion text is empty")
        return v


Message = Dict[str, Any]
PromptT = Union[str, List[Message]]


class Rubric(_Strict):
    format: Literal["rubricc.rubric/1"] = RUBRIC_FORMAT
    id: str = Field(min_length=1)
    prompt: PromptT
    criteria: List[Criterion]
    meta: Dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Rubric":
        seen = set()
        for c in self.criteria:
            if c.id in seen:
                raise ValueError(f"duplicate criterion id {c.id!r}")
            seen.add(c.id)
        return self

    @property
    def prompt_text(self) -> str:
        return prompt_to_text(self.prompt)


class CandidateResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    text: str
    source: Optional[str] = None


class PromptRecord(BaseModel):
    """Input of `rubricc compile`: a prompt, optionally with a rubric to import and candidate responses."""

    model_config = ConfigDict(extra="allow")
    id: Optional[str] = None
    prompt: PromptT
    responses: Optional[List[CandidateResponse]] = None
    reference: Optional[str] = None


class Response(_Strict):
    prompt_id: str = Field(min_length=1)
    id: str = Field(min_length=1)
    text: str
    source: Optional[str] = None
    meta: Dict[str, Any] = Field(default_factory=dict)


class Judgment(_Strict):
    format: Literal["rubricc.judgment/1"] = JUDGMENT_FORMAT
    prompt_id: str
    response_id: str
    criterion_id: str
    verdict: Optional[bool]
    p_yes: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    judge: Optional[str] = None
    request_hash: Optional[str] = None


def prompt_to_text(prompt: PromptT) -> str:
    """A conversation rendered as plain text (the last user turn last); a string is returned as is."""
    if isinstance(prompt, str):
        return prompt
    parts = []
    for m in prompt:
        content = m.get("content", "")
        if isinstance(content, list):  # OpenAI content parts
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        parts.append(f"{m.get('role', 'user')}: {content}" if len(prompt) > 1 else str(content))
    return "\n".join(parts)


def valid_text(text: str) -> str:
    """``text`` with lone surrogates (invalid UTF-16 halves a policy or a JSON body can carry) replaced by
    U+FFFD, so that tokenizers and JSON writers accept it; valid text is returned as is."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def completion_to_text(completion: Any) -> str:
    """A completion as text: a string, or a message dict or list of them (TRL's conversational format),
    each with a ``content`` string or list of OpenAI content parts. Anything else is an InputError rather
    than a stringified guess."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    if not isinstance(completion, (list, tuple)):
        raise InputError(f"completion must be a string or a list of messages, got {type(completion).__name__}")
    parts = []
    for m in completion:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list):
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        if not isinstance(content, str):
            raise InputError("completion: each message must be a dict with a 'content' string "
                             f"(got {type(m).__name__}{'' if not isinstance(m, dict) else ' without content'})")
        parts.append(content)
    return "\n".join(parts)


# ----------------------------------------------------------------------------------------------
# JSONL reading and atomic writing
# ----------------------------------------------------------------------------------------------
M = TypeVar("M", bound=BaseModel)


def _describe(err: ValidationError) -> str:
    e = err.errors()[0]
    loc = ".".join(str(p) for p in e.get("loc", ()) if not str(p).startswith("function-"))
    msg = e.get("msg", "invalid")
    more = f" (and {len(err.errors()) - 1} more)" if len(err.errors()) > 1 else ""
    return f"{msg} (at field {loc or '<record>'}){more}"


def iter_json_lines(path: Union[str, Path]) -> Iterator[tuple]:
    """Yields (line_number, parsed JSON) for each non-blank line; raises InputError on bad JSON."""
    path = Path(path)
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a JSONL file") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            # without its newline: an error at the end of a line cut short is then at its last column + 1,
            # not at "column 1" of the (empty) next line
            line = line.rstrip("\r\n")
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: invalid JSON: {e.msg} (column {e.colno})") from None


def empty_input(path: Union[str, Path], what: str = "records") -> InputError:
    """The one-line error for an input file with nothing in it (a command that reads it writes nothing
    unless its ``--allow-empty`` is given)."""
    return InputError(f"{path}: no {what} (the file is empty); --allow-empty accepts it and writes an empty output")


def read_jsonl(path: Union[str, Path], model: Type[M]) -> List[M]:
    """Reads and validates every record; the first bad one raises InputError ``path:line: ...``."""
    out = []
    for n, obj in iter_json_lines(path):
        out.append(parse_record(obj, model, f"{path}:{n}"))
    return out


def parse_record(obj: Any, model: Type[M], where: str) -> M:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    try:
        return model.model_validate(obj)
    except ValidationError as e:
        raise InputError(f"{where}: {_describe(e)}") from None


def _dump(rec: Any) -> str:
    if isinstance(rec, BaseModel):
        rec = rec.model_dump(mode="json")
    return json.dumps(rec, ensure_ascii=False)


def write_jsonl(path: Union[str, Path], records: Iterable[Any]) -> int:
    """Writes records to ``path`` atomically (temp file in the same folder, fsync, rename)."""
    path = Path(path)
    n = 0
    with atomic_open(path) as fh:
        for rec in records:
            fh.write(_dump(rec) + "\n")
            n += 1
    return n


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class atomic_open:
    """``with atomic_open(path) as fh:`` writes text to a temp file that replaces ``path`` only on success."""

    def __init__(self, path: Union[str, Path], mode: str = "w"):
        self.path = Path(path)
        self.mode = mode

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        self.fh = os.fdopen(fd, self.mode, **({} if "b" in self.mode else {"encoding": "utf-8"}))
        return self.fh

    def __exit__(self, exc_type, exc, tb):
        try:
            if exc_type is None:
                self.fh.flush()
                os.fsync(self.fh.fileno())
            self.fh.close()
            if exc_type is None:
                os.replace(self.tmp, self.path)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)
        return False


def write_json(path: Union[str, Path], obj: Any) -> None:
    with atomic_open(path) as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def read_rubrics(path: Union[str, Path]) -> List[Rubric]:
    return read_jsonl(path, Rubric)


def read_responses(path: Union[str, Path]) -> List[Response]:
    return read_jsonl(path, Response)


def iter_responses(path: Union[str, Path]) -> Iterator[tuple]:
    """Yields (line_number, Response); a bad line or a repeated (prompt_id, id) is an InputError naming the
    line (the one uniqueness rule of every responses reader that keys by id)."""
    seen = set()
    for n, obj in iter_json_lines(path):
        r = parse_record(obj, Response, f"{path}:{n}")
        if (r.prompt_id, r.id) in seen:
            raise InputError(f"{path}:{n}: duplicate response id {r.id!r} for prompt {r.prompt_id!r} (at field id)")
        seen.add((r.prompt_id, r.id))
        yield n, r


def read_judgments(path: Union[str, Path]) -> List[Judgment]:
    return read_jsonl(path, Judgment)


def rubric_for(rubrics: Dict[str, "Rubric"], prompt_id: str, where: str, source: Any = None) -> "Rubric":
    """The rubric of ``prompt_id``, or InputError ``where: prompt_id ... has no rubric [in source]``: the one
    check every reader of responses and judgments makes."""
    rub = rubrics.get(prompt_id)
    if rub is None:
        suffix = f" in {source}" if source is not None else ""
        raise InputError(f"{where}: prompt_id {prompt_id!r} has no rubric{suffix}")
    return rub
