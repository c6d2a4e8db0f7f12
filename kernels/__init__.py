"""rubricc.kernels: fused-batch packing and reward aggregation (C++ with a NumPy twin)."""
