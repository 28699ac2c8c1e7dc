"""Everything the app reads from disk, checked before it serves: `python -m connectivity.startup`.

A part left out of an install (an image that did not copy docs/methodology/, a host
without the memo's fonts) used to show up only later and quietly: a blank
Methodology page, a memo printing "?" for every euro sign. Here each part is
looked for once, at start-up (deploy/serve.py) and when the image is built (the
Dockerfile runs this module), and a missing one stops the start with a message
that names it and says how to add it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .export.memo.fonts import CJK_FILES, TEXT_FACES, find
from .inputs.table import DEFAULT_PATH, read_default
from .views.methodology import DOCS, DocError, files, methodology

ROOT = Path(__file__).resolve().parents[1]
FONT_PACKAGES = "fonts-liberation and fonts-noto-cjk (Debian; packages.txt lists them)"


class MissingPart(RuntimeError):
    """A part the app needs is not installed; the message says which and how to add it."""


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def methodology_parts() -> str:
    parts = files(DOCS)
    if not parts:
        raise MissingPart(f"the Methodology page has no parts: no *.md file in {_where(DOCS)} "
                          "(copy docs/methodology/ with the app)")
    try:
        blocks = methodology(DOCS)  # a part that does not parse fails here, not on the page
    except DocError as error:
        raise MissingPart(f"a Methodology part does not parse: {error}") from error
    headers = sum(block.kind == "header" for block in blocks)
    if not headers:
        raise MissingPart(f"the Methodology parts in {_where(DOCS)} have no section (## line)")
    return f"{len(parts)} Methodology parts, {headers} sections"


def default_table() -> str:
    if not DEFAULT_PATH.is_file():
        raise MissingPart(f"the default options table {_where(DEFAULT_PATH)} is missing "
                          "(copy data/ with the app)")
    return f"default table: {len(read_default())} routes"


def memo_fonts() -> str:
    text = next((find(regular) for regular, bold in TEXT_FACES
                 if find(regular) and find(bold)), None)
    cjk = next((path for path in map(find, CJK_FILES) if path), None)
    missing = [what for what, path in (("a sans text face (Liberation Sans or DejaVu Sans) "
                                        "for the memo", text),
                                       ("a CJK face (Noto Sans CJK) for Chinese route names",
                                        cjk)) if path is None]
    if missing:
        raise MissingPart(f"no font for {' nor '.join(missing)} in /usr/share/fonts: "
                          f"install {FONT_PACKAGES}; without them the memo prints '?' "
                          "for €, ¥, dashes and Chinese")
    return f"memo fonts: {text.name}, {cjk.name}"


CHECKS: tuple[Callable[[], str], ...] = (methodology_parts, default_table, memo_fonts)


def check() -> list[str]:
    """One line per part found; MissingPart naming every part that is not."""
    found, missing = [], []
    for part in CHECKS:
        try:
            found.append(part())
        except MissingPart as error:
            missing.append(str(error))
    if missing:
        raise MissingPart("the app cannot start: " + "; ".join(missing))
    return found


def main() -> int:
    try:
        lines = check()
    except MissingPart as error:
        print(f"start-up check failed: {error}", file=sys.stderr)
        return 1
    print("start-up check: " + "; ".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
