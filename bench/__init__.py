"""Benchmarks of the connectivity calculator: engine, peers, app and memory.

Run with `make bench` (or `python -m bench.run` in the project venv). A
benchmark reports: it prints figures and PASS/MISS against the targets and
always exits 0.
"""
