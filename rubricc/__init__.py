"""rubricc: compile rubric rewards into fast, exact verifiers for RL fine-tuning.

``import rubricc`` is light: it loads neither torch nor ONNX Runtime. ``RubricReward`` is imported on
first use.
"""
__version__ = "0.1.0"

from rubricc.scoring import score  # noqa: E402

__all__ = ["RubricReward", "score", "__version__"]


def __getattr__(name):
    if name == "RubricReward":
        from rubricc.runtime import RubricReward

        return RubricReward
    raise AttributeError(f"module 'rubricc' has no attribute {name!r}")
