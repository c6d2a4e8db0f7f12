"""The error classes of rubricc. The CLI turns a :class:`RubriccError` into one line and exit code 2.

* :class:`RubriccError` is the root: anything the user can fix (an input, an option, a missing extra).
* :class:`InputError` names the file and line (or URL, or field) of a bad input.
* :class:`MissingExtraError` says which optional extra to install (and, where there is one, the option
  that avoids needing it).
"""
from __future__ import annotations


class RubriccError(Exception):
    """A user-facing error: its message is one line that says what to fix."""


class InputError(RubriccError, ValueError):
    """A bad input: the message is one line naming the file and line (or URL, or field)."""


class MissingExtraError(RubriccError, ImportError):
    """An optional dependency is missing: the message names the extra to install."""

    def __init__(self, what: str, extra: str, alternative: str = ""):
        msg = f"{what} needs the '{extra}' extra: pip install 'rubricc[{extra}]'"
        if alternative:
            msg += f" (or {alternative})"
        super().__init__(msg)
        self.extra = extra
