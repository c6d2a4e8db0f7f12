"""Fuzz pass (hypothesis) over what hostile input reaches: the check library, the regex engine and the
reward server's request parser. Bounded to a few seconds each, so it runs in CI.

- every check, on random and on degenerate text (long runs of one short unit), returns a bool within a
  time bound;
- rubric regexes on RE2 decide as Python ``re`` decides (the semantics kept by
  :mod:`rubricc.compiler.safe_regex`), and the linear rewrites of sentence splitting, placeholder and
  postscript counting agree with the regexes they replace;
- ``rubricc.serve._parse_request`` turns any JSON body into a job or a clean 4xx, never another exception.
"""
import json
import re
import time

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="the fuzz pass needs hypothesis (the test extra)")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rubricc.compiler.checks import CHECKS, bind_check, count_placeholders, validate_check  # noqa: E402
from rubricc.compiler.safe_regex import RegexError, compile_regex  # noqa: E402
from rubricc.compiler.text_units import split_sentences  # noqa: E402

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
CHECK_SECONDS = 2.0  # per check call, on a busy 2-core CI machine; the quadratic versions took 2-60 s

# one valid argument set per check (every check in the library must be listed)
ARGS = {
    "word_count": {"n": 3}, "sentence_count": {"n": 2}, "paragraph_count": {"n": 2},
    "paragraph_first_word": {"nth": 1, "word": "mr"}, "keywords_present": {"keywords": ["a", "mr"]},
    "keywords_absent": {"keywords": ["b"]}, "keyword_frequency": {"keyword": "a", "n": 2},
    "letter_frequency": {"letter": "a", "n": 2}, "no_commas": {}, "all_lowercase": {}, "all_uppercase": {},
    "capital_word_frequency": {"n": 1}, "bullet_count": {"n": 1}, "highlighted_sections": {"n": 1},
    "section_count": {"n": 1}, "has_title": {}, "is_json": {}, "postscript": {"marker": "P.S."},
    "placeholder_count": {"n": 1}, "starts_with": {"phrase": "a"}, "ends_with": {"phrase": "a"},
    "wrapped_in_quotes": {}, "response_language": {"language": "en"}, "repeats_prompt": {},
    "two_responses": {}, "phrase_present": {"phrase": "Mr."}, "phrase_absent": {"phrase": "x"},
    "any_phrase_present": {"phrases": ["a", "b"]}, "regex_match": {"pattern": r".*.*.*x\s+\w+$"},
    # IFBench families (compiler/checks_ifbench.py)
    "word_count_range": {"min_words": 1, "max_words": 9}, "unique_word_count": {"n": 2}, "conjunction_count": {"n": 1},
    "number_count": {"n": 1}, "pronoun_count": {"n": 1}, "max_word_repeats": {"n": 2},
    "keyword_in_sentence": {"keyword": "a", "nth": 2}, "one_word_per_line": {}, "no_whitespace": {},
    "no_consecutive_first_letter": {}, "title_case": {}, "answer_is_option": {"options": ["a", "b"]},
    "response_equals": {"text": "a"}, "palindrome_count": {"n": 1}, "bracket_depth": {"n": 3},
}
BOUND = {name: bind_check(validate_check(name, args)) for name, args in ARGS.items()}
HOSTILE = "a [*<>-.!?'\"\n\t ,Mr.P.S.é中\ud7ff{}0123456789*** ******\x00"


def test_every_check_is_fuzzed():
    assert set(ARGS) == set(CHECKS)


def _timed(fn, *a):
    t = time.perf_counter()
    out = fn(*a)
    return out, time.perf_counter() - t


@FAST
@given(st.text(alphabet=st.sampled_from(list(HOSTILE)) | st.characters(), max_size=400))
def test_checks_on_random_text(text):
    for name, fn in BOUND.items():
        if name == "response_language":
            continue  # langdetect is slow per call; it is run on degenerate text below
        out, dt = _timed(fn, text, text[:50])
        assert isinstance(out, bool), name
        assert dt < CHECK_SECONDS, (name, dt)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(unit=st.text(alphabet=st.sampled_from(list(HOSTILE)), min_size=1, max_size=4),
       size=st.sampled_from([20_000, 60_000]))
def test_checks_on_degenerate_text(unit, size):
    text = unit * (size // len(unit))
    for name, fn in BOUND.items():
        out, dt = _timed(fn, text, "")
        assert isinstance(out, bool), name
        assert dt < CHECK_SECONDS, (name, repr(unit), dt)


# ---- rubric regexes on RE2 decide as Python re --------------------------------------------------
PIECES = ["a", "b", "é", "1", " ", ".", r"\w", r"\d", r"\s", r"\W", r"\S", r"\D", "[ab]", "[^a]", "[a-z]",
          r"[\w.]", "*", "+", "?", "*?", "{1,3}", "{2}", "(", ")", "(?:", "|", "^", "$", r"\A", r"\Z", r"\n"]
TEXT = "ab é1 \n_中Z."


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(pattern=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
       text=st.text(alphabet=st.sampled_from(list(TEXT)), max_size=30),
       ignore_case=st.booleans(), multiline=st.booleans())
def test_re2_decides_as_python_re(pattern, text, ignore_case, multiline):
    try:
        expected = re.compile(pattern, (re.I if ignore_case else 0) | (re.M if multiline else 0))
    except re.error:
        with pytest.raises(RegexError):
            compile_regex(pattern, ignore_case, multiline)
        return
    try:
        got = compile_regex(pattern, ignore_case, multiline)
    except RegexError as e:  # refused ones say why in one line
        assert "\n" not in str(e)
        return
    assert (got.search(text) is not None) == (expected.search(text) is not None), (pattern, text)


# ---- the linear rewrites agree with the regexes they replace -------------------------------------
_SENT_END = re.compile(r"([.!?]+)([\"'\u201d\u2019)\]]*)(?=\s|$)")


def _boundaries_by_regex(text):
    """The spans of ``_SENT_END`` matches: what the old splitter iterated over."""
    return [(m.start(), m.end(), m.group(1), m.group(2)) for m in _SENT_END.finditer(text)]


SENT = "Mr. a1!?\"')\u201d\n e.g.x"


@FAST
@given(st.text(alphabet=st.sampled_from(list(SENT)), max_size=60))
def test_sentence_ends_match_the_regex(text):
    from rubricc.compiler.text_units import _sentence_ends

    assert list(_sentence_ends(text)) == _boundaries_by_regex(text)
    assert all(s.strip() == s and s for s in split_sentences(text))


@FAST
@given(st.text(alphabet=st.sampled_from(list("[]a\n\r ")), max_size=60))
def test_placeholders_match_the_regex(text):
    assert count_placeholders(text) == len(re.findall(r"\[.*?\]", text))


@FAST
@given(text=st.text(alphabet=st.sampled_from(list("pP.sS \n\tx")), max_size=40),
       marker=st.sampled_from(["P.S.", "P.P.S", "p.s", "Note:"]))
def test_postscript_matches_ifeval_regex(text, marker):
    v, m = text.lower(), marker.strip()
    if m in ("P.P.S", "P.P.S."):
        pat = r"\s*p\.\s?p\.\s?s.*$"
    elif m in ("P.S.", "P.S"):
        pat = r"\s*p\.\s?s\..*$"
    else:
        pat = r"\s*" + re.escape(m.lower()) + r".*$"
    expected = bool(re.search(pat, v, flags=re.MULTILINE))
    assert BOUND_POSTSCRIPT[marker](text, "") == expected


BOUND_POSTSCRIPT = {m: bind_check(validate_check("postscript", {"marker": m}))
                    for m in ["P.S.", "P.P.S", "p.s", "Note:"]}


# ---- the reward server's request parser ------------------------------------------------------------
class _Reward:
    """What ``_parse_request`` needs of a RubricReward (``rubrics`` and ``plan``), without a verifier."""

    def __init__(self):
        from rubricc.formats import Rubric
        from rubricc.plan import Plans, load_rubrics

        self.rubrics = load_rubrics([Rubric(id="r1", prompt="Say hi.", criteria=[
            {"id": "c1", "text": "Is polite.", "weight": 2},
            {"id": "c2", "text": "Short", "weight": 1,
             "check": {"kind": "program", "name": "word_count", "args": {"relation": "less than", "n": 9}}}])])
        self._plans = Plans(self.rubrics)

    def plan(self, ref, prompt=None, where="rubric"):
        return self._plans.reference(ref, prompt, where)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
INLINE = st.fixed_dictionaries({"criteria": st.lists(st.fixed_dictionaries(
    {"text": JSON | st.text(max_size=10), "weight": JSON | st.integers(-5, 5)},
    optional={"check": JSON | st.just({"kind": "program", "name": "regex_match", "args": {"pattern": "(a)\\1"}}),
              "id": JSON}), max_size=3)}, optional={"id": JSON, "prompt": JSON})
LABEL = st.just("r1") | JSON | INLINE | INLINE.map(json.dumps)
BODY = JSON | st.fixed_dictionaries({}, optional={
    "query": JSON | st.lists(st.text(max_size=20) | JSON, max_size=3) | st.text(max_size=20),
    "prompts": JSON | st.lists(st.text(max_size=10) | st.none() | JSON, max_size=3),
    "labels": JSON | LABEL | st.lists(LABEL, max_size=3)})


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(BODY)
def test_parse_request_yields_a_job_or_a_clean_4xx(body):
    from rubricc.serve import ServeConfig, _HTTPError, _Job, _parse_request

    cfg = ServeConfig(max_samples_per_request=2, max_criteria_per_rubric=2)
    try:
        job = _parse_request(REWARD, body, cfg)
    except _HTTPError as e:
        assert 400 <= e.status < 500 and e.message and "\n" not in e.message
        return
    assert isinstance(job, _Job) and job.n == len(job.responses) == len(job.rubrics) == len(job.prompts)


REWARD = _Reward()


def test_parse_request_accepts_a_valid_body():
    from rubricc.serve import ServeConfig, _parse_request

    inline = {"prompt": "Be kind.", "criteria": [{"id": "k", "text": "Is kind.", "weight": 1}]}
    job = _parse_request(REWARD, {"query": ["Say hi. Hi!", "x"], "prompts": ["Say hi.", None],
                                  "labels": ["r1", json.dumps(inline)]}, ServeConfig())
    assert job.n == 2 and job.responses[0].strip() == "Hi!" and job.rubrics[0].rubric.id == "r1"
