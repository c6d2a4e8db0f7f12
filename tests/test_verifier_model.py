"""The fused layout is exactly equivalent to scoring each criterion alone (DESIGN section 6)."""
import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="needs the train extra (torch)")

from rubricc.bundle import load_tokenizer, special_ids  # noqa: E402
from rubricc.kernels.pack import attention_allowed, pack_fused  # noqa: E402
from rubricc.verifier.data import PackConfig, TokenCache, encode_group, pack_texts  # noqa: E402
from rubricc.verifier.model import additive_mask, build_verifier, default_backbone_path  # noqa: E402


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    m = build_verifier(seed=3).eval()
    with torch.no_grad():  # a head with a real spread so differences would show
        m.head.weight.mul_(50.0)
    return m


@pytest.fixture(scope="module")
def tok():
    return load_tokenizer(default_backbone_path())


def _run(model, p):
    with torch.no_grad():
        out = model(*(torch.from_numpy(p[k]) for k in ("input_ids", "segment_ids", "position_ids")))
    return out.reshape(-1)[torch.from_numpy(p["read_index"])].numpy()


def _criteria(n, rng):
    words = "mentions the dose explains risks cites a source is concise uses bullet points avoids jargon".split()
    return [" ".join(rng.choice(words, size=int(rng.integers(1, 25)))) + f" ({i})" for i in range(n)]


def test_mask_matches_reference():
    seg = np.array([[0, 0, 0, 1, 1, 2, 2, 2, -1, -1], [0, 0, 1, 1, 1, 1, -1, -1, -1, -1]])
    mask = additive_mask(torch.from_numpy(seg)).numpy()[:, 0]
    assert mask.shape == (2, 10, 10)
    np.testing.assert_array_equal(mask == 0, attention_allowed(seg))


@pytest.mark.parametrize("n_criteria", [1, 7, 40])
def test_fused_equals_alone(model, tok, n_criteria):
    rng = np.random.default_rng(n_criteria)
    cls_id, sep_id, pad_id = special_ids(tok)
    # short limits so both truncation paths (prompt tail, response head, criterion) are exercised
    cfg = PackConfig(max_prompt_len=12, max_context_len=40, max_criterion_len=10,
                     cls_id=cls_id, sep_id=sep_id, pad_id=pad_id)
    cache = TokenCache(tok)
    items = [
        ("What is the capital of France? Answer briefly and explain why in one sentence.",
         "Paris is the capital of France because the government sits there. " * 4, _criteria(n_criteria, rng)),
        ("Hi", "Short.", _criteria(max(1, n_criteria // 2), rng)),  # shorter row: padding
    ]
    fused = pack_texts(items, cfg, cache, layout="fused")
    got = _run(model, fused)
    assert got.shape == (sum(len(c) for _, _, c in items),)
    # each criterion alone, padded to a different length
    alone = []
    for prompt, response, crits in items:
        ctx, cs = encode_group(prompt, response, crits, cfg, cache)
        assert len(ctx) <= cfg.max_context_len and all(len(c) <= cfg.max_criterion_len for c in cs)
        for j, c in enumerate(cs[:3]):  # a few truly alone (batch of one, extra padding)
            alone.append(_run(model, pack_fused([ctx], [[c]], pad_id, pad_to=len(ctx) + len(c) + 7))[0])
        if len(cs) > 3:  # the rest one sequence each, batched (each row is its own sequence)
            alone.extend(_run(model, pack_fused([ctx] * (len(cs) - 3), [[c] for c in cs[3:]], pad_id)))
    alone = np.asarray(alone)
    assert np.abs(got - alone).max() < 1e-5, np.abs(got - alone).max()
    # and the pairwise layout (one criterion per sequence, batched with padding) agrees too
    pair = _run(model, pack_texts(items, cfg, cache, layout="pairwise"))
    assert np.abs(pair - alone).max() < 1e-5
    assert np.std(alone) > 1e-3  # the head separates the criteria, so the comparison means something


def test_mask_changes_result(model, tok):
    """Without the block mask the criteria would see each other: the fused logits must then differ."""
    cls_id, sep_id, pad_id = special_ids(tok)
    cfg = PackConfig(max_prompt_len=12, max_context_len=40, max_criterion_len=10,
                     cls_id=cls_id, sep_id=sep_id, pad_id=pad_id)
    p = pack_texts([("Say hi", "hi there", ["says hi", "is rude", "is long"])], cfg, TokenCache(tok))
    seg_flat = p["segment_ids"].copy()
    seg_flat[seg_flat > 0] = 0
    q = dict(p, segment_ids=seg_flat)
    assert np.abs(_run(model, p) - _run(model, q)).max() > 1e-4
