"""How many examples a property test draws: all of them in `make test`, a fifth in
`make test-fast` (CONNECTIVITY_TEST_FAST=1), whose inner loop wants its answer soon."""

from __future__ import annotations

import os

FAST = os.environ.get("CONNECTIVITY_TEST_FAST") == "1"


def examples(n: int) -> int:
    """`n` examples, or a fifth of them (at least 5) in the fast suite."""
    return max(5, n // 5) if FAST else n
