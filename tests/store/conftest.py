"""The store's tests run on both backends: an SQLite file and a PostgreSQL of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.postgres import Postgres, postgres


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Postgres]:
    """One PostgreSQL cluster per test worker; each test gets a database of its own."""
    with postgres() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A fresh, empty store's URL on the backend under test."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'links.sqlite3'}"
    return request.getfixturevalue("pg_server").empty_url()
