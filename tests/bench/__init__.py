"""Development tooling, not installed: the benchmark, the synthetic corpus and the endpoint's load client.

Run from a checkout: `python -m tests.bench --help`.
"""
