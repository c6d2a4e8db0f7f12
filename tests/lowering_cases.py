"""The two parametrized tests every phrasing-set lowering test file runs: each (text, check name, args) of ``lowered``
is lowered to that check with at least those arguments, and each text of ``neural`` stays neural."""
import pytest

from rubricc.compiler.lower import lower_criterion


def lowering_tests(lowered, neural):
    """(test_lowered, test_neural) for a test module to bind at top level."""

    @pytest.mark.parametrize("text,name,args", lowered)
    def test_lowered(text, name, args):
        got = lower_criterion(text)
        assert got is not None and got.name == name, (text, got)
        assert args.items() <= got.args.items(), (text, got.args)

    @pytest.mark.parametrize("text", neural)
    def test_neural(text):
        assert lower_criterion(text) is None, (text, lower_criterion(text))

    return test_lowered, test_neural
