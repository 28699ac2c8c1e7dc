"""One module formats numbers for people (issue 24): no format spec in connectivity/ or
pages/ outside connectivity/views/format.py, but for the machine forms allowed below.

A spec is an f-string's `{x:,.2f}`, `format(x, ".2f")`, a `"{:.1f}".format(x)` field or a
`"%.2f" % x` conversion. A strftime pattern (`{day:%d %B %Y}`) writes a date, not a number,
and is not counted; neither are d3 format strings for charts, which are plain strings.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("connectivity", "pages")
FORMATTER = "connectivity/views/format.py"
# file:function -> why it writes numbers itself. Keep it short: a new entry needs a reason
# that is not "people read it".
ALLOW = {
    "connectivity/inputs/cells.py:readable": "machine form by contract: a table's bound in "
    "its own notation (1,000,000,000), for inputs' messages, which may not import views",
    "connectivity/export/csv.py:_number": "machine form: the comparison CSV's cells, at "
    "each column's fixed decimals",
    "connectivity/schema/palette.py:ink": "a colour's hex channels (#RRGGBB), not a number",
}
_DATE = re.compile(r"%[a-zA-Z]")
_PERCENT = re.compile(r"%[-+ #0]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGc]")


def _spec_text(spec: ast.expr) -> str:
    """An f-string field's spec as written, a nested field shown as {}."""
    if isinstance(spec, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in spec.values)
    return "{}"


def _found(node: ast.AST) -> str | None:
    """The number format `node` writes, or None."""
    if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        spec = _spec_text(node.format_spec)
        return None if _DATE.search(spec) else spec
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "format" and len(node.args) == 2:
            spec = node.args[1]
            date = isinstance(spec, ast.Constant) and _DATE.search(str(spec.value))
            return None if date else "format()"
        if (isinstance(func, ast.Attribute) and func.attr == "format"
                and isinstance(func.value, ast.Constant) and isinstance(func.value.value, str)):
            specs = [s for _, _, s, _ in string.Formatter().parse(func.value.value) if s]
            return specs[0] if specs else None
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        conversion = _PERCENT.search(node.left.value)
        return conversion.group(0) if conversion else None
    return None


def find(source: str, name: str) -> list[tuple[str, int, str]]:
    """(name:function or name, line, spec) of every number format in a module's source."""
    tree = ast.parse(source)
    where: dict[int, str] = {}
    for node in ast.walk(tree):  # outer functions first: an inner one overwrites them
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                where[id(inner)] = node.name
    hits = []
    for node in ast.walk(tree):
        spec = _found(node)
        if spec is not None:
            place = f"{name}:{where[id(node)]}" if id(node) in where else name
            hits.append((place, node.lineno, node.col_offset, spec))
    return [(place, line, spec) for place, line, _, spec in sorted(hits, key=lambda h: h[1:3])]


def _every_hit() -> list[tuple[str, int, str]]:
    return [hit for folder in FOLDERS for path in sorted((ROOT / folder).rglob("*.py"))
            for hit in find(path.read_text(encoding="utf-8"),
                            path.relative_to(ROOT).as_posix())]


def _allowed(place: str) -> bool:
    return place.split(":")[0] == FORMATTER or place in ALLOW or place.split(":")[0] in ALLOW


def test_numbers_are_formatted_for_people_only_in_views_format():
    stray = [f"{place} line {line}: {spec!r}" for place, line, spec in _every_hit()
             if not _allowed(place)]
    assert not stray, "write these through connectivity/views/format.py: " + "; ".join(stray)


def test_every_allowance_is_still_used_and_the_formatter_is_seen():
    places = {place for place, _, _ in _every_hit()}
    assert set(ALLOW) <= places, f"no longer needed: {sorted(set(ALLOW) - places)}"
    assert f"{FORMATTER}:number" in places and f"{FORMATTER}:price" in places


def test_the_scanner_finds_each_way_of_writing_a_number():
    source = '''
x = 2.5
a = f"{x:,.2f}"
def share(y):
    def inner(z):
        return format(z, ".1%")
    return "{:.1f} and {}".format(y, y) + "%5.2f" % y
when = f"{day:%d %B %Y}"  # a date: not counted
plain = f"{x} and {x!r}" + "{} to {}".format(x, x) + "100%" + "%s" % x
'''
    assert find(source, "probe.py") == [
        ("probe.py", 3, ",.2f"), ("probe.py:inner", 6, "format()"),
        ("probe.py:share", 7, ".1f"), ("probe.py:share", 7, "%5.2f")]
    assert not _allowed("probe.py") and not _allowed("connectivity/views/story.py:swing")
