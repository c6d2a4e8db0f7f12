"""Where the shared data sets are: ``$RUBRICC_SHARED_DATA``, else ``../shared/data`` beside the repository.

The one definition used by the bench scripts and the tests, so that one variable points them all at
another copy of the data.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """The shared data folder (it may not exist: callers skip what needs it)."""
    return Path(os.environ.get("RUBRICC_SHARED_DATA") or ROOT.parent / "shared" / "data")
