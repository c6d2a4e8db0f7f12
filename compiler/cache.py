"""On-disk cache of LLM requests (SQLite, WAL, one commit per answer).

What identifies an answer: the model, the messages and the sampling parameters. Every request is keyed by
:func:`request_key`, a sha256 of (the endpoint's identity, the model name, the messages, the parameters),
where the endpoint's identity (:func:`endpoint_identity`) is only the part of its URL that says whose model
answers:

* a server on this machine (``localhost``, ``127.0.0.0/8``, ``::1``, ``0.0.0.0``) is ``loopback``, whatever
  its port: a local server (llama.cpp, vLLM) often takes a free port per run, and the same model name on
  another port of the same machine is expected to give the same answer;
* any other server is its host name (lowercased): the scheme, port, path and credentials only say how to
  reach it, and ``https://api.openai.com/v1`` and ``https://api.openai.com:443/v1/`` serve the same models.

So a rerun with the same model name, messages and parameters makes no request twice, even when the local
server came back on another port. Two different models served under one name on one machine share
answers: give them different names (``--llm-model``). A cache written by an older version (whose keys
held the full URL) stays readable; its entries just miss.

A finished answer is committed before anything else uses it, so a run killed at any point and run again
sends no request twice and loses no finished answer. The cache also remembers which structured output
mode each (endpoint identity, model) accepts, so a rerun takes the same path without probing again.

The file is created on the first answer stored (or mode remembered): a run that fails before any request
is answered (bad input, unreachable endpoint) leaves no cache file behind.

Every SQLite failure is a one-line InputError (exit code 2 through the CLI), never a traceback: a file that
is not a rubricc cache (not SQLite, corrupt, other tables) is refused when opened, before any request; a
path that cannot be written is found by :meth:`Cache.check_writable` before any request; a cache damaged
during the run stops it with the file named.
"""
from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Dict, Optional, Union
from urllib.parse import urlparse

from rubricc.errors import InputError

LOOPBACK = "loopback"


def is_loopback_host(host: str) -> bool:
    """True for a host name or address that always means this machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


def endpoint_identity(url: str) -> str:
    """The part of an endpoint URL that identifies the model behind it: ``loopback`` for this machine (any
    port), else the lowercased host name. A string that is not a URL is kept as given (stripped of ``/``)."""
    p = urlparse(url.strip())
    host = p.hostname
    if not host:
        return url.strip().rstrip("/")
    return LOOPBACK if is_loopback_host(host) else host.lower()


def request_key(endpoint: str, model: str, messages: Any, params: Dict[str, Any]) -> str:
    """sha256 of the canonical JSON of (endpoint identity, model, messages, parameters)."""
    blob = json.dumps({"endpoint": endpoint_identity(endpoint), "model": model, "messages": messages,
                       "params": params}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def mode_key(endpoint: str, model: str) -> str:
    """The key under which the structured-output mode of (endpoint, model) is remembered."""
    return f"{endpoint_identity(endpoint)}|{model}"


class Cache:
    """``Cache(path)``; ``Cache(None)`` keeps everything in memory (``--no-cache``).

    The file is opened when it exists and created on the first write; until then reads miss and nothing
    is written to disk."""

    def __init__(self, path: Optional[Union[str, Path]]):
        self.path = None if path is None else Path(path)
        if self.path is not None and self.path.is_dir():
            raise InputError(f"--cache {self.path}: is a directory, expected a file")
        self._lock = threading.Lock()
        self.db: Optional[sqlite3.Connection] = None
        if self.path is None or self.path.exists():
            self._open()

    def _open(self) -> sqlite3.Connection:
        if self.db is None:
            try:
                if self.path is not None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise InputError(f"--cache {self.path}: cannot create its folder ({e.strerror or e}); "
                                 "pass --cache elsewhere") from None
            db = sqlite3.connect(":memory:" if self.path is None else str(self.path),
                                 check_same_thread=False, timeout=30.0, isolation_level=None)
            try:
                if self.path is not None:
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                           "created REAL NOT NULL)")
                db.execute("CREATE TABLE IF NOT EXISTS endpoint_modes (endpoint TEXT PRIMARY KEY, "
                           "mode TEXT NOT NULL)")
                db.execute("SELECT key, value, created FROM answers LIMIT 1").fetchall()
                db.execute("SELECT endpoint, mode FROM endpoint_modes LIMIT 1").fetchall()
            except sqlite3.Error as e:
                db.close()
                raise self._error(e, opening=True) from None
            self.db = db
        return self.db

    def _error(self, e: Exception, opening: bool = False) -> InputError:
        """The one-line InputError for an SQLite failure on this cache."""
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        if "readonly" in msg or "unable to open" in msg or "read-only" in msg:
            return InputError(f"--cache {self.path}: cannot write the cache ({msg}); "
                              "pass --cache elsewhere or --no-cache")
        if opening:
            return InputError(f"{self.path}: not a rubricc cache ({msg}); delete it or pass --cache elsewhere")
        return InputError(f"{self.path}: the cache failed during the run ({msg}); answers stored so far are "
                          "kept when the file is intact; delete it and rerun if it is damaged")

    def check_writable(self) -> None:
        """InputError (one line) unless answers can be stored: called before the first request, so a
        read-only cache is not found after the first answer. Creates no file."""
        if self.path is None:
            return
        if self.path.exists():
            with self._lock:
                db = self._open()
                try:
                    db.execute("BEGIN IMMEDIATE")  # takes the write lock: fails on a read-only file
                    db.execute("ROLLBACK")
                except sqlite3.Error as e:
                    raise self._error(e) from None
            return
        folder = self.path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent  # the nearest folder that exists must let us create the rest
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(f"--cache {self.path}: cannot create the cache ({folder} is not a writable "
                             "folder); pass --cache elsewhere or --no-cache")

    def _read(self, sql: str, args: tuple) -> Optional[tuple]:
        with self._lock:
            if self.db is None:
                if self.path is None or not self.path.exists():
                    return None
                self._open()  # another process created it since
            try:
                return self.db.execute(sql, args).fetchone()
            except sqlite3.Error as e:
                raise self._error(e) from None

    def _write(self, sql: str, args: tuple) -> None:
        with self._lock:  # autocommit mode: the statement is its own transaction
            db = self._open()
            try:
                db.execute(sql, args)
            except sqlite3.Error as e:
                raise self._error(e) from None

    def get(self, key: str) -> Optional[Dict[str, Any]]:
        row = self._read("SELECT value FROM answers WHERE key = ?", (key,))
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):  # a damaged entry is a miss: the request is sent again
            return None

    def put(self, key: str, value: Dict[str, Any]) -> None:
        self._write("INSERT OR REPLACE INTO answers (key, value, created) VALUES (?, ?, ?)",
                    (key, json.dumps(value, ensure_ascii=False), time.time()))

    def get_mode(self, endpoint: str) -> Optional[str]:
        row = self._read("SELECT mode FROM endpoint_modes WHERE endpoint = ?", (endpoint,))
        return None if row is None else row[0]

    def set_mode(self, endpoint: str, mode: str) -> None:
        self._write("INSERT OR REPLACE INTO endpoint_modes (endpoint, mode) VALUES (?, ?)", (endpoint, mode))

    def __len__(self) -> int:
        row = self._read("SELECT COUNT(*) FROM answers", ())
        return 0 if row is None else row[0]

    def close(self) -> None:
        with self._lock:
            if self.db is not None:
                self.db.close()
                self.db = None


def default_cache_path(output: Union[str, Path]) -> Path:
    """``OUT.cache.sqlite`` next to the output file."""
    output = Path(output)
    return output.with_name(output.name + ".cache.sqlite")
