"""Benchmarks: ``python -m bench [name ...]`` (``make bench``). Each prints ratios against a
reference measured in the same run, so figures compare across machines."""
