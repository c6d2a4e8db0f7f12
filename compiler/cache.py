"""On-disk cache of LLM requests (SQLite, WAL, one commit per answer).

Every request sent to an endpoint is keyed by :func:`request_key`, a sha256 of (endpoint, model, messages,
parameters). A finished answer is committed before anything else uses it, so a run killed at any point and
run again sends no request twice and loses no finished answer. The cache also remembers which structured
output mode each endpoint accepts, so a rerun takes the same path without probing the endpoint again.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Dict, Optional, Union


def request_key(endpoint: str, model: str, messages: Any, params: Dict[str, Any]) -> str:
    """sha256 of the canonical JSON of the full request."""
    blob = json.dumps({"endpoint": endpoint.rstrip("/"), "model": model, "messages": messages, "params": params},
                      sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class Cache:
    """``Cache(path)``; ``Cache(None)`` keeps everything in memory (``--no-cache``)."""

    def __init__(self, path: Optional[Union[str, Path]]):
        self.path = None if path is None else Path(path)
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.db = sqlite3.connect(":memory:" if self.path is None else str(self.path),
                                  check_same_thread=False, timeout=30.0, isolation_level=None)
        if self.path is not None:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                        "created REAL NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS endpoint_modes (endpoint TEXT PRIMARY KEY, mode TEXT NOT NULL)")

    def get(self, key: str) -> Optional[Dict[str, Any]]:
        with self._lock:
            row = self.db.execute("SELECT value FROM answers WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, key: str, value: Dict[str, Any]) -> None:
        blob = json.dumps(value, ensure_ascii=False)
        with self._lock:  # autocommit mode: the statement is its own transaction
            self.db.execute("INSERT OR REPLACE INTO answers (key, value, created) VALUES (?, ?, ?)",
                            (key, blob, time.time()))

    def get_mode(self, endpoint: str) -> Optional[str]:
        with self._lock:
            row = self.db.execute("SELECT mode FROM endpoint_modes WHERE endpoint = ?", (endpoint,)).fetchone()
        return None if row is None else row[0]

    def set_mode(self, endpoint: str, mode: str) -> None:
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO endpoint_modes (endpoint, mode) VALUES (?, ?)", (endpoint, mode))

    def __len__(self) -> int:
        with self._lock:
            return self.db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self.db.close()


def default_cache_path(output: Union[str, Path]) -> Path:
    """``OUT.cache.sqlite`` next to the output file."""
    output = Path(output)
    return output.with_name(output.name + ".cache.sqlite")
