"""The core's layers import one way only: schema < inputs < model < views < export < store
< cli; and no module imports itself back through others (no circle, even inside a function)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "connectivity"
LAYERS = ("schema", "inputs", "model", "views", "export", "store")


def _layer(module: str) -> int:
    """A dotted module name inside the package → its layer's rank (the top level ranks last)."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else len(LAYERS)


def _imports(path: Path, root: Path = ROOT) -> list[str]:
    own = ["connectivity", *path.relative_to(root).with_suffix("").parts]
    package = own[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.append(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


MODULES = sorted(p for p in ROOT.rglob("*.py"))


def assert_no_climb(path: Path, root: Path = ROOT) -> None:
    rank = _layer(".".join(["connectivity", *path.relative_to(root).with_suffix("").parts]))
    for module in _imports(path, root):
        assert not module.startswith("streamlit"), f"{path.name} imports Streamlit"
        if module.startswith("connectivity."):
            assert _layer(module) <= rank, f"{path.relative_to(root)} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_never_climb(path: Path) -> None:
    assert_no_climb(path)


def test_every_module_sits_in_a_layer() -> None:
    top = {p.name for p in ROOT.glob("*.py")}
    # The top holds only entry points: the package, the CLI, the start-up check.
    assert top == {"__init__.py", "__main__.py", "cli.py", "startup.py"}
    assert {p.name for p in ROOT.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(
        LAYERS)


def test_the_check_catches_a_climbing_import(tmp_path: Path) -> None:
    # A package of its own: a probe in the real one could be collected by a parallel run.
    root = tmp_path / "connectivity"
    (root / "model").mkdir(parents=True)
    bad = root / "model" / "_probe_climb.py"
    bad.write_text("from ..views.format import usd\n")
    with pytest.raises(AssertionError, match="imports connectivity.views.format"):
        assert_no_climb(bad, root)
    bad.write_text("from ..schema.params import PARAMS\nfrom .routes import COMPONENTS\n")
    assert_no_climb(bad, root)


def _module_name(path: Path, root: Path) -> str:
    parts = ["connectivity", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(path: Path, root: Path, modules: set[str]) -> set[str]:
    """The package's modules a file imports: `from . import words` names the module words,
    `from .words import memo_text` the module too, `from . import NAME` the package."""
    package = ["connectivity", *path.relative_to(root).with_suffix("").parts][:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = (".".join(package[: len(package) - node.level + 1]
                             + ([node.module] if node.module else []))
                    if node.level else node.module or "")
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
    return found & modules


def import_cycle(root: Path = ROOT) -> list[str] | None:
    """The first circle of imports between the package's modules (imports made inside a
    function count: they only hide the circle), as [a, b, ..., a]; None when there is none."""
    files = {_module_name(p, root): p for p in root.rglob("*.py")}
    graph = {name: sorted(_targets(path, root, set(files)) - {name})
             for name, path in files.items()}
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        trail.append(name)
        for target in graph[name]:
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        trail.pop()
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_no_import_cycle_inside_the_package() -> None:
    cycle = import_cycle()
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_check_catches_an_import_cycle(tmp_path: Path) -> None:
    root = tmp_path / "connectivity"
    (root / "inputs").mkdir(parents=True)
    (root / "inputs" / "a.py").write_text("from .b import B\nA = 1\n")
    (root / "inputs" / "b.py").write_text("B = 2\n\ndef f():\n    from .a import A\n")
    assert import_cycle(root) == ["connectivity.inputs.a", "connectivity.inputs.b",
                                  "connectivity.inputs.a"]
    (root / "inputs" / "b.py").write_text("B = 2\n")
    assert import_cycle(root) is None
