"""How large a brief may be: a module of its own, so that what only needs the limit (taking a
file's state before the reader loads it) does not import the loader."""

MAX_BRIEF_BYTES = 8 * 1024 * 1024
"""A brief is read and checked in under 2 s up to this size (bench/bench_validate.py)."""
