"""Benchmarks (run as scripts: ``python bench/NAME.py``) and what they share with the tests: bench/data.py
says where the shared data sets are."""
