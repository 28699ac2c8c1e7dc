"""Methodology's Markdown: every file parses, every marker is known, a new file appears."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from connectivity.model.routes import WEEKS_PER_MONTH
from connectivity.schema.params import PARAM_BY_NAME
from connectivity.views.methodology import (
    DOCS,
    TABLES,
    VALUES,
    Block,
    DocError,
    files,
    methodology,
    param_row,
    parse,
)


def test_every_part_parses_and_no_marker_is_left() -> None:
    assert [path.name for path in files()] == sorted(p.name for p in DOCS.glob("*.md"))
    assert files(), "docs/methodology/ holds the page's prose"
    blocks = methodology()
    assert blocks[0] == Block("title", "Methodology")
    for block in blocks:
        assert not re.search(r"\{\{\w+:\w+\}\}", block.text), block
    # Every generated table and every value is placed somewhere.
    text = "\n".join(path.read_text(encoding="utf-8") for path in files())
    for name in TABLES:
        assert re.search(rf"^\{{\{{table:{name}\}}\}}$", text, re.M), name
    for name in VALUES:
        assert f"{{{{value:{name}}}}}" in text, name


def test_values_come_from_the_code() -> None:
    blocks = parse("Weeks: {{value:weeks_per_month}}.\n\n$$\nz = {{value:z95}}\n$$\n")
    assert blocks[0] == Block("markdown", f"Weeks: {WEEKS_PER_MONTH:.3f}.")
    assert blocks[1].kind == "latex" and blocks[1].text == f"z = {VALUES['z95']}"


def test_headings_formulas_tables_and_prose_become_blocks() -> None:
    text = ("# Title\n\nIntro line one\nline two.\n\n## Part\n\n### Sub\n\n$$\na = b\n\\\\ c\n$$\n"
            "\n{{table:outputs}}\n\nInline $x$ stays prose.\n")
    kinds = [(b.kind, b.text) for b in parse(text)]
    assert kinds == [("title", "Title"), ("markdown", "Intro line one\nline two."),
                     ("header", "Part"), ("subheader", "Sub"), ("latex", "a = b\n\\\\ c"),
                     ("table", ""), ("markdown", "Inline $x$ stays prose.")]
    assert parse(text)[5].rows == tuple(TABLES["outputs"]())


@pytest.mark.parametrize(("text", "why"), [
    ("Say {{value:nosuch}}.", r"x\.md, line 1: unknown marker \{\{value:nosuch\}\}"),
    ("\n{{table:nosuch}}", r"x\.md, line 2: unknown table 'nosuch'"),
    ("Inline {{table:params}} here.", r"line 1: unknown marker"),
    ("$$\na = b\n", r"x\.md: a formula opened with \$\$ is never closed"),
])
def test_a_bad_file_is_named_with_its_line(text: str, why: str) -> None:
    with pytest.raises(DocError, match=why):
        parse(text, "x.md")


def test_a_new_file_appears_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "20-second.md").write_text("## Second\n", encoding="utf-8")
    (tmp_path / "10-first.md").write_text("## First\n\nText.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("## Not a part\n", encoding="utf-8")
    assert [(b.kind, b.text) for b in methodology(tmp_path)] == [
        ("header", "First"), ("markdown", "Text."), ("header", "Second")]
    (tmp_path / "15-between.md").write_text("## Between\n", encoding="utf-8")
    assert [b.text for b in methodology(tmp_path) if b.kind == "header"] == [
        "First", "Between", "Second"]


def test_a_folder_without_parts_is_an_error_not_an_empty_page(tmp_path: Path) -> None:
    with pytest.raises(DocError, match="no Methodology part"):
        methodology(tmp_path / "missing")


def test_limits_and_defaults_read_as_people_write_them() -> None:
    # Through views/format: separators, no exponent, fx_rate's four decimals kept.
    rows = {name: param_row(PARAM_BY_NAME[name]) for name in ("fx_rate", "seed", "correlation")}
    assert rows["fx_rate"]["Allowed"] == "0.0001 to 1,000,000"
    assert rows["seed"]["Allowed"] == "whole number, 0 to 4,294,967,295"
    assert (rows["correlation"]["Allowed"], rows["correlation"]["Default"]) == ("0 to 1", "`0.8`")
    assert VALUES["z95"] == "1.6449" and VALUES["trials_default"] == "20,000"
