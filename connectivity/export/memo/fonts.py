"""The memo's fonts: a Unicode sans face for the text, a CJK face only when a name needs it.

Fonts are looked up by file name in the standard Debian font directories, in
order (fonts-liberation, fonts-dejavu-core, fonts-noto-cjk). Loading the CJK
collection costs about a second, so it happens only when some text holds a
character the text face lacks. Where no face can draw a character, it prints
as "?" and the memo names the routes concerned: it never fails for want of a font.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from fontTools.ttLib import TTCollection
from fpdf import FPDF

# Standard system font directories, searched in this order.
FONT_DIRS: tuple[str, ...] = ("/usr/share/fonts", "/usr/local/share/fonts")
# (regular, bold) files of a sans face that covers Latin, €, ¥ and dashes.
TEXT_FACES: tuple[tuple[str, str], ...] = (
    ("truetype/liberation/LiberationSans-Regular.ttf",
     "truetype/liberation/LiberationSans-Bold.ttf"),
    ("truetype/liberation2/LiberationSans-Regular.ttf",
     "truetype/liberation2/LiberationSans-Bold.ttf"),
    ("truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf"),
)
CJK_FILES: tuple[str, ...] = (
    "opentype/noto/NotoSansCJK-Regular.ttc",
    "opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "truetype/wqy/wqy-microhei.ttc",
)
CJK_FACE = "Noto Sans CJK SC"  # simplified Chinese glyph forms, from the collection
TEXT, CJK, CORE = "memo-text", "memo-cjk", "helvetica"
MISSING = "?"


def find(relative: str) -> Path | None:
    for base in FONT_DIRS:
        path = Path(base) / relative
        if path.is_file():
            return path
    return None


def _face_number(path: Path) -> int:
    """Which face of a .ttc collection draws simplified Chinese (0 when unsure)."""
    if path.suffix.lower() != ".ttc":
        return 0
    collection = TTCollection(str(path), lazy=True)
    names = [face["name"].getDebugName(1) for face in collection.fonts]
    return names.index(CJK_FACE) if CJK_FACE in names else 0


@dataclass
class Fonts:
    """The faces added to one document, and what they could not draw."""

    pdf: FPDF
    family: str = CORE
    cmap: set[int] | None = None  # None: the core font, which draws Latin-1 only
    cjk: set[int] = field(default_factory=set)
    cjk_tried: bool = False

    @classmethod
    def install(cls, pdf: FPDF) -> Fonts:
        for regular, bold in TEXT_FACES:
            paths = find(regular), find(bold)
            if paths[0] and paths[1]:
                pdf.add_font(TEXT, "", paths[0])
                pdf.add_font(TEXT, "B", paths[1])
                return cls(pdf, TEXT, set(pdf.fonts[TEXT.lower()].cmap))
        return cls(pdf)

    def _can(self, code: int) -> bool:
        if self.cmap is None:
            return code < 256
        return code in self.cmap

    def _load_cjk(self) -> None:
        self.cjk_tried = True
        for relative in CJK_FILES:
            path = find(relative)
            if path is None:
                continue
            self.pdf.add_font(CJK, "", path, collection_font_number=_face_number(path))
            self.cjk = set(self.pdf.fonts[CJK].cmap)
            if self.cmap is None:  # the core font cannot fall back: the CJK face leads
                self.family, self.cmap = CJK, set(self.cjk)
            else:
                self.pdf.set_fallback_fonts([CJK], exact_match=False)
            return

    def drawable(self, code: int) -> bool:
        if self._can(code) or code in self.cjk:
            return True
        if not self.cjk_tried and code > 0x2E7F:  # a CJK (or later) block: worth the load
            self._load_cjk()
            return self._can(code) or code in self.cjk
        return False

    def clean(self, text: object) -> str:
        """Text the document can draw: control characters become spaces, others '?'."""
        out = []
        for char in str(text):
            code = ord(char)
            if code < 32 or 0x7F <= code < 0xA0:
                out.append(" ")
            else:
                out.append(char if self.drawable(code) else MISSING)
        return "".join(out)

    def undrawable(self, texts: Iterable[str]) -> bool:
        """Whether any of these texts holds a character no face here draws."""
        return any(self.clean(t) != str(t).translate(_CONTROLS) for t in texts)


_CONTROLS = {c: " " for c in [*range(32), *range(0x7F, 0xA0)]}
