"""The guard's fluency rule (rubricc.fluency): fitted on real English prose (the standard library's own
docstrings, present wherever Python is), it scores fluent text far above the same words shuffled, leaves
short or foreign text and fenced code alone, and calibrates only when fluent and shuffled text separate."""
import importlib
import random

import numpy as np
import pytest

from rubricc import fluency as F
from rubricc import guard as G

MODULES = ("argparse", "asyncio", "collections", "configparser", "csv", "dataclasses", "decimal", "difflib",
           "email", "functools", "heapq", "http.client", "inspect", "json", "logging", "pathlib", "pickle",
           "random", "re", "shutil", "socket", "sqlite3", "string", "subprocess", "tarfile", "tempfile",
           "textwrap", "threading", "unittest", "urllib.request", "uuid", "zipfile")


def prose():
    out = []
    for name in MODULES:
        mod = importlib.import_module(name)
        for obj in [mod, *vars(mod).values()]:
            doc = getattr(obj, "__doc__", None) if callable(obj) or obj is mod else None
            for para in (doc if isinstance(doc, str) else "").split("\n\n"):
                text = " ".join(para.split())
                if len(F.words(text)) >= 25 and ">>>" not in text:
                    out.append(text)
    return list(dict.fromkeys(out))


@pytest.fixture(scope="module")
def corpus():
    texts = prose()
    assert len(texts) >= 200, len(texts)
    return texts


def test_fluent_text_outscores_its_own_words_shuffled(corpus):
    train, held = corpus[::2], corpus[1::2]
    t = F.fit(train)
    rng = random.Random(0)
    own = [s for s in (t.score(x) for x in held) if s is not None]
    mixed = [s for s in (t.score(F.salad(x, rng)) for x in held) if s is not None]
    assert len(own) > 50 and len(mixed) > 50
    assert np.median(own) > np.median(mixed) + 0.8, (np.median(own), np.median(mixed))
    assert np.mean(np.array(own) > np.quantile(mixed, 0.95)) > 0.9


def test_short_foreign_and_code_text_is_not_scored(corpus):
    t = F.fit(corpus)
    assert t.score("Paris.") is None and t.score("") is None
    assert t.score("Der Hund schläft unter dem Tisch, und die Katze sitzt auf dem Stuhl neben der Tür.") is None
    code = "```python\nfor i in range(10):\n    if i is not None and i in the_list: print(i, the, of, to)\n```"
    assert t.score(code * 5) is None  # fenced code is not prose
    assert F.words("It's in `x` ```a b c``` and 3 more") == ["it's", "in", "x", "and", "more"]


def test_part_is_a_ramp_and_absent_rules_change_nothing():
    rec = {"min": 0.5, "off": -0.5}
    assert F.part(0.7, rec) == 1.0 and F.part(-0.9, rec) == 0.0 and F.part(0.0, rec) == pytest.approx(0.5)
    assert F.part(None, rec) == 1.0 and F.part(-3.0, None) == 1.0 and F.part(-3.0, {"min": 0.1, "off": 0.2}) == 1.0
    g = {"relevance_min": 0.2, "relevance_off": 0.05, "share_min": 0.8, "fluency": rec}
    assert G.factor(0.5, 1.0, g, 0.0) == pytest.approx(0.5) and G.factor(0.5, 1.0, g, None) == 1.0
    assert G.factor(0.5, 0.4, g, -1.0) == 0.0


def test_calibration_is_cross_fitted_and_saved_whole(corpus, tmp_path):
    table, fields, report = F.calibrate(corpus, seed=0)
    assert table is not None and fields["file"] == F.FILE and fields["min"] > fields["off"]
    assert report["own_below_1"] <= 0.05 and report["shuffled_mean_factor"] < 0.3, report
    assert F.calibrate(corpus, seed=0)[1] == fields  # seeded
    table.save(tmp_path / F.FILE)
    back = F.Table.load(tmp_path / F.FILE)
    assert back.vocab == table.vocab and np.array_equal(back.pmi, table.pmi)
    assert back.score(corpus[0]) == table.score(corpus[0])
    none, nofields, rep = F.calibrate(corpus[:10])
    assert none is None and nofields == {} and "no fluency rule" in rep["note"]
