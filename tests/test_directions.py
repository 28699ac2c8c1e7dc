"""The harness is shared one way: tests and measurement import it; it imports neither,
and nothing outside tests/ imports from tests/."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEASUREMENT = ("bench", "load", "capacity", "deploy")


def _tops(path: Path) -> set[str]:
    """The top-level packages a file imports absolutely (relative imports stay inside)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
    return found


def _files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _files("harness"), ids=lambda p: p.name)
def test_the_harness_imports_no_user_of_it(path: Path) -> None:
    assert not _tops(path) & {"tests", *MEASUREMENT}, path.name


@pytest.mark.parametrize("path", _files("connectivity", "pages", "harness", *MEASUREMENT)
                         + [ROOT / "app.py"], ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_imports_from_tests(path: Path) -> None:
    assert "tests" not in _tops(path), str(path.relative_to(ROOT))


def test_the_check_sees_an_import_from_tests(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from tests.harness import server\n")
    assert "tests" in _tops(probe)
    probe.write_text("from .server import ROOT\nimport harness.chromium\n")
    assert _tops(probe) == {"harness"}
