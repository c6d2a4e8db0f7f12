"""rubricc.kernels: fused-batch packing, bucketing and reward aggregation.

A C++17 library with a C interface (``rubricc_kernels.cpp``, loaded with ctypes by ``native.py``) and a
NumPy twin (``pack.py`` for the layout, ``twin.py`` for the rest) giving identical results;
``ops.get_ops()`` picks the native one when it is built.
"""
