"""Benchmarks: outside the package, on its public API only. See benchmarks/README.md."""
