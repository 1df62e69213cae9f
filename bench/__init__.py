"""Benchmarks against the stand-in: ``python -m bench.run`` from the repository root."""
