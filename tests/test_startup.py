"""connectivity.startup: a part the app reads that is missing stops the start, named."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from connectivity import startup
from connectivity.startup import MissingPart, check

ROOT = Path(__file__).resolve().parents[1]


def test_this_checkout_has_every_part() -> None:
    lines = check()
    parts = len(list((ROOT / "docs" / "methodology").glob("*.md")))
    assert lines[0].startswith(f"{parts} Methodology parts")
    assert any(line.startswith("memo fonts: ") for line in lines)


def test_each_missing_part_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "DOCS", tmp_path / "methodology")
    monkeypatch.setattr(startup, "DEFAULT_PATH", tmp_path / "options.csv")
    monkeypatch.setattr(startup, "find", lambda relative: None)
    with pytest.raises(MissingPart) as raised:
        check()
    message = str(raised.value)
    assert "no *.md file in" in message and "methodology" in message
    assert "options.csv is missing" in message
    assert "fonts-liberation and fonts-noto-cjk" in message and "'?'" in message


def test_a_part_without_sections_is_refused(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "10-only.md").write_text("# Title\n\nNo section.\n", encoding="utf-8")
    monkeypatch.setattr(startup, "DOCS", tmp_path)
    with pytest.raises(MissingPart, match="no section"):
        startup.methodology_parts()


def test_the_server_refuses_to_start_without_the_methodology(tmp_path: Path) -> None:
    """deploy/serve.py, what make run and the image start, exits with the reason."""
    for part in ("app.py", "pages", "connectivity", "data", "deploy", ".streamlit"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / part)
    done = subprocess.run(
        [sys.executable, "-m", "streamlit", "run", "deploy/serve.py", "--server.port", "0",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode != 0
    assert "start-up check failed" in done.stderr
    assert "no *.md file in docs/methodology" in done.stderr
