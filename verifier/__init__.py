"""rubricc.verifier: the distilled cross-encoder (training, metrics, ONNX export). Imports torch lazily."""
