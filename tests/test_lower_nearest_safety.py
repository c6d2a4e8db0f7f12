"""Every near-miss of the lowering tests stays neural with the nearest-phrasing stage forced on.

The lists are imported from the test modules that own them (every tests/test_lower*.py: the criteria their
``lower_criterion(...) is None`` tests assert), so a near-miss added there is covered here too: the stage
(:mod:`rubricc.compiler.lower_nearest`) must never turn one of them into a program, whatever its default.
"""
import importlib.util
from pathlib import Path

import pytest

from rubricc.compiler import lower_nearest
from rubricc.compiler.lower import lower_criterion

_HERE = Path(__file__).resolve().parent


def _module(name: str):
    """A test module loaded under a private name (pytest does not collect it twice)."""
    spec = importlib.util.spec_from_file_location(f"_near_miss_{name}", _HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def near_misses():
    """(source, criterion) of every criterion a lowering test asserts stays neural: the string lists named
    ``*NEURAL*`` and the (text, None, ...) rows of the lists of expected checks, in every tests/test_lower*.py."""
    out = []
    for path in sorted(_HERE.glob("test_lower*.py")):
        if path.stem == Path(__file__).stem:
            continue
        mod = _module(path.stem)
        for attr, value in sorted(vars(mod).items()):
            if not attr.isupper() or not isinstance(value, list):
                continue
            for row in value:
                if isinstance(row, str) and "NEURAL" in attr:
                    out.append((f"{path.stem}.{attr}", row))
                elif isinstance(row, tuple) and len(row) >= 2 and isinstance(row[0], str) and row[1] is None:
                    out.append((f"{path.stem}.{attr}[None]", row[0]))
    return [(s, t) for s, t in dict.fromkeys(out) if t and t.strip()]


NEAR_MISSES = near_misses()

needs_model = pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None
                                 or not lower_nearest.INDEX_PATH.exists(), reason="compile extra or index absent")


@pytest.fixture(autouse=True)
def _stage_on():
    with lower_nearest.switched(True):
        yield


def test_the_lists_are_found():
    assert len(NEAR_MISSES) > 200
    assert any("double quotes" in t for _, t in NEAR_MISSES)


@needs_model
@pytest.mark.parametrize("source,text", NEAR_MISSES, ids=[f"{s}:{t[:40]}" for s, t in NEAR_MISSES])
def test_near_miss_stays_neural_with_the_stage_on(source, text):
    got = lower_criterion(text)
    assert got is None, (source, text, got)
