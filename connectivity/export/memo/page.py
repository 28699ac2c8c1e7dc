"""The memo's pages, laid out with fpdf2: page 1 the answer, page 2 the assumptions."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, time

from fpdf import FPDF, FontFace, XPos, YPos
from fpdf.enums import TableBordersLayout, WrapMode

from ...model.compare import Result
from ...model.sensitivity import tornado_in_use
from ...schema.palette import PALETTE, ink
from ...views.address import local_note
from ...views.compare import breakdown_chart, breakdown_summary, caveat, headline
from ...views.format import number
from ...views.labels import route_labels
from ...views.risk import distribution_chart, distribution_summary
from . import assumptions, charts, qr, words
from .fonts import Fonts

Color = tuple[int, int, int]
INK, GREY, ACCENT, LINK = (20, 20, 20), (90, 90, 90), (0, 62, 116), (0, 80, 160)
CAVEAT_FILL, HEAD_FILL = (255, 243, 214), (232, 236, 241)
TITLE = "Decision memo: how the office should reach services abroad"
MOVERS, REOPEN = "What moves the answer most", "Reopen this exact comparison"
QR_SIDE = 30.0  # mm, quiet zone included
LINK_ON_PAGE_1 = 700  # characters; a longer link (it carries a table) goes to the appendix
CHART_MAX, SPREAD_MIN = 75.0, 52.0  # mm of chart height
HEADER_CHARS = 34  # a route's name heading a narrow column is cut to this, with "…"
MARKS = re.compile(r"(\[[GSV](?:/[GSV])*\])")  # estimate marks in sources: [G], [S/V]


def _rgb(hex_color: str) -> Color:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Document(FPDF):
    """One memo. Page 1 is laid out top-down; the charts take the height left over."""

    def __init__(self, result: Result, link: str, paper: str, day: date) -> None:
        super().__init__(orientation="portrait", unit="mm", format=paper)
        self.result, self.share, self.day = result, link, day
        self.labels = route_labels(result.table)
        self.set_margins(13, 10, 13)
        self.set_auto_page_break(True, margin=11)
        # Reproducible bytes: the creation date is the memo's own date, never the clock's.
        self.set_creation_date(datetime.combine(day, time(0), UTC))
        self.set_title(TITLE)
        self.set_creator("connectivity options calculator")
        self.set_lang("en")
        self.faces = Fonts.install(self)
        self.qr_box: tuple[int, float, float, float] | None = None
        table = result.table
        self.undrawn = [oid for oid, name in zip(table["option_id"], table["name"])
                        if self.faces.undrawable([name])]
        self.notes_undrawn = self.faces.undrawable(
            [str(v) for col in ("sources", "notes") if col in table for v in table[col]])

    def multi_cell(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        # fpdf2 (README, "Version notes"): a cell whose first line starts in the fallback
        # (CJK) face sets the text face inside that line's q...Q only, yet records it as
        # set for the page; a later line starting in the text face then drew in the page's
        # last face, garbage ("t600rt86," for "runner-up,"). An empty text() sets the face
        # for the page first.
        if not kwargs.get("dry_run") and not self.current_font_is_set_on_page:
            self.text(self.x, self.y, "")
        return super().multi_cell(*args, **kwargs)

    # --- small tools -------------------------------------------------------------------
    def font(self, size: float, bold: bool = False, color: Color = INK) -> None:
        self.set_font(self.faces.family, "B" if bold else "", size)
        self.set_text_color(*color)

    def para(self, text: str, size: float = 9, bold: bool = False, color: Color = INK,
             gap: float = 1.5, width: float = 0, **kw: object) -> None:
        """A paragraph at the left margin (or the current x when a width is given)."""
        self.font(size, bold, color)
        self.multi_cell(width, size * 0.45, self.faces.clean(text), align="L",
                        new_x=XPos.LEFT if width else XPos.LMARGIN, new_y=YPos.NEXT, **kw)
        self.ln(gap)

    def height_of(self, text: str, size: float, width: float = 0, bold: bool = False) -> float:
        self.font(size, bold)
        lines = self.multi_cell(width, size * 0.45, self.faces.clean(text), dry_run=True,
                                output="LINES", align="L")
        return len(lines) * size * 0.45

    def heading(self, text: str, size: float = 10, width: float = 0) -> None:
        self.para(text, size, bold=True, color=ACCENT, gap=0.8, width=width)

    def footer(self) -> None:
        self.set_y(-8.5)
        self.font(6.5, color=GREY)
        self.cell(0, 4, f"Decision memo, prepared {self.day:%d %B %Y} with the connectivity "
                  f"options calculator · page {self.page_no()} of {{nb}}", align="C")

    def grid(self, head: list[str] | None, rows: list[list[str]], widths: tuple[float, ...],
             size: float, aligns: tuple[str, ...], colors: list[Color] | None = None,
             pad: float = 0.6) -> None:
        """A table whose cells wrap; user text is cleaned and never read as markup.
        `colors` tints the second cell of each row (the route's name) in its chart colour."""
        self.font(size)
        self.set_fill_color(255, 255, 255)
        heads = FontFace(emphasis="BOLD", color=INK, fill_color=HEAD_FILL)
        with self.table(col_widths=widths, width=self.epw, text_align=aligns,
                        line_height=size * 0.42, padding=(pad, 1.0),
                        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                        headings_style=heads, markdown=False, wrapmode=WrapMode.WORD,
                        first_row_as_headings=head is not None, v_align="TOP") as table:
            if head is not None:
                header = table.row()
                for text in head:
                    header.cell(self.faces.clean(text))
            for k, cells in enumerate(rows):
                row = table.row()
                for j, text in enumerate(cells):
                    tint = colors[k] if colors and j == 1 else None
                    row.cell(self.faces.clean(text),
                             style=FontFace(emphasis="BOLD", color=tint) if tint else None)
        self.ln(1.5)

    # --- page 1: the answer --------------------------------------------------------------
    def compose(self) -> None:
        self.add_page()
        self.page_one()
        self.add_page()
        self.page_two()

    def page_one(self) -> None:
        r = self.result
        self.para(TITLE, 15, bold=True, color=ACCENT, gap=0.5)
        self.para(f"Prepared {self.day:%d %B %Y} with the connectivity options calculator; "
                  "page 2 lists every assumption behind these figures.", 7.5, color=GREY,
                  gap=1.5)
        self.para("Scenario: " + words.scenario_line(r), 8, gap=2)
        self.para(headline(r), 11, bold=True, gap=1.5)
        warning = caveat(r)
        if warning:
            self.set_fill_color(*CAVEAT_FILL)
            self.para(warning, 8, fill=True, gap=2, padding=(1.2, 2))
        self.ranked_table()
        if self.undrawn:
            self.para("This machine has no font for some characters in the names of these "
                      "routes, shown as ?: " + ", ".join(self.undrawn) + ".", 7.5, color=GREY)
        self.charts_and_foot()

    def ranked_table(self) -> None:
        head, rows, order = words.ranked_rows(self.result)
        if len(head) == 8:  # with expected regret
            widths = (5, 40, 29, 20, 20, 33, 15, 20)
        else:
            widths = (5, 46, 32, 23, 23, 35, 18)
        aligns = ("RIGHT", "LEFT", "LEFT") + ("RIGHT",) * (len(head) - 3)
        colors = [_rgb(ink(PALETTE[i % len(PALETTE)])) for i in order]
        size = 8 if len(rows) <= 4 else 7
        self.grid(head, rows, widths, size, aligns, colors)

    def charts_and_foot(self) -> None:
        r, n = self.result, len(self.labels)
        swings = tornado_in_use(r.table, r.scenario)
        # Six routes leave room for the lead sentence only (it names the top input).
        movers = words.mover_lines(swings, self.labels, r, top=3 if n <= 4 else 0)
        if swings.swings and self.labels:
            movers.insert(0, words.mover_lead(swings, self.labels, r, listed=bool(movers)))
        matrix = qr.qr_matrix(self.share)
        summaries = (breakdown_summary(r), distribution_summary(r))
        foot = self.foot_height(movers, matrix)
        text = sum(self.height_of(s, 7) + 2.5 for s in summaries)
        room = self.h - self.b_margin - self.get_y() - foot - text - 1
        # The spread needs room for its two legends; the bars about 4 mm a route.
        second = min(CHART_MAX, max(SPREAD_MIN, room * 0.55))
        first = min(CHART_MAX, max(16 + 3.5 * n, room - second))
        for figure, summary, height in ((breakdown_chart(r), summaries[0], first),
                                        (distribution_chart(r), summaries[1], second)):
            image = charts.png(figure, self.epw, height)
            self.image(io.BytesIO(image), x=self.l_margin, w=self.epw, h=height)
            self.para(summary, 7, color=GREY, gap=2.5)
        self.foot(movers, matrix)

    def _foot_width(self, matrix: object) -> float:
        return self.epw - (QR_SIDE + 3 if matrix else 0)

    def _link_text(self, matrix: object) -> tuple[str, str, str]:
        """The foot's heading about the link, then either a note or the link itself."""
        local = local_note(self.share)
        if len(self.share) <= LINK_ON_PAGE_1:
            how = "scan the code or open this link" if matrix else "open this link"
            return f"{REOPEN}: {how}", local, self.share
        what = ("it carries your own options table" if self.result.scenario.table
                else "it holds every figure of this comparison")
        return (REOPEN, f"Open the link printed in full at the end of this memo: {what} "
                f"({number(len(self.share))} characters). {local}".strip(), "")

    def foot_lines(self, movers: list[str]) -> list[str]:
        return movers[:1] + ["– " + line for line in movers[1:]]

    def foot_height(self, movers: list[str], matrix: object) -> float:
        """The height `foot` will take, measured the way it draws (plus a little slack)."""
        width = self._foot_width(matrix)
        title, note, link = self._link_text(matrix)

        def heading(text: str) -> float:
            return self.height_of(text, 9.5, width, bold=True) + 0.8

        height = heading(title) + (self.height_of(note, 7.5, width) + 0.3 if note else 0)
        if link:
            self.font(7)
            lines = self.multi_cell(width, 3.2, self.faces.clean(link), dry_run=True,
                                    output="LINES", align="L", wrapmode=WrapMode.CHAR)
            height += 3.2 * len(lines)
        if movers:
            height += heading(MOVERS) + 1.5 + sum(
                self.height_of(line, 8, width) + 0.5 for line in self.foot_lines(movers))
        return max(height + 2, QR_SIDE if matrix else 0.0)

    def foot(self, movers: list[str], matrix: tuple[tuple[bool, ...], ...] | None) -> None:
        """What moves the answer, and how to reopen it: text at the left, the QR code right."""
        top = self.get_y()
        width = self._foot_width(matrix)
        if movers:
            self.heading(MOVERS, 9.5, width=width)
            for line in self.foot_lines(movers):
                self.para(line, 8, gap=0.5, width=width)
            self.ln(1.5)
        title, note, link = self._link_text(matrix)
        self.heading(title, 9.5, width=width)
        if note:
            self.para(note, 7.5, color=GREY, gap=0.3, width=width)
        if link:
            self.font(7, color=LINK)
            self.multi_cell(width, 3.2, self.faces.clean(link), link=link, align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=WrapMode.CHAR)
        if matrix:
            x = self.w - self.r_margin - QR_SIDE + 1.5  # the quiet zone may reach the margin
            qr.draw(self, matrix, x, top, QR_SIDE)
            self.qr_box = (self.page_no(), x, top, QR_SIDE)

    # --- page 2: every assumption in use ------------------------------------------------
    def page_two(self) -> None:
        r = self.result
        self.para("Assumptions in use", 13, bold=True, color=ACCENT, gap=0.8)
        self.para(assumptions.table_source(r), 8, gap=1.5)
        self.heading("Scenario", 9.5)
        pairs = assumptions.scenario_values(r)
        per_row, space = 3, 4.0  # pairs a row, and a blank column between pairs
        pairs += [("", "")] * (-len(pairs) % per_row)
        rows = [[cell for pair in pairs[k:k + per_row] for cell in (*pair, "")][:-1]
                for k in range(0, len(pairs), per_row)]
        label = self.epw * 0.22
        value = (self.epw - space * (per_row - 1)) / per_row - label
        widths = ((label, value, space) * per_row)[:-1]
        self.grid(None, rows, widths, 6.8, (("LEFT", "RIGHT", "LEFT") * per_row)[:-1], pad=0.4)
        money = "US dollars" if r.scenario.currency == "USD" else r.scenario.currency
        self.heading(f"Each route: the options table in use ({money}), and its results", 9.5)
        edits = assumptions.edits(r)
        if edits:
            self.para(f"{assumptions.EDITED} edited in this scenario: " + "; ".join(edits) + ".",
                      7, gap=1)
        first = 44.0
        rest = (self.epw - first) / max(len(self.labels), 1)
        rows = [[label, *cells] for label, cells in
                assumptions.assumption_rows(r) + assumptions.csv_figures(r)]
        self.grid(["", *(words.short(label, HEADER_CHARS) for label in self.labels)], rows,
                  (first, *([rest] * len(self.labels))), 6.8,
                  ("LEFT",) + ("RIGHT",) * len(self.labels), pad=0.4)
        self.sources()
        if len(self.share) > LINK_ON_PAGE_1:
            self.heading("The share link in full", 9.5)
            self.font(6.5, color=LINK)
            self.multi_cell(0, 2.8, self.faces.clean(self.share), link=self.share, align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=WrapMode.CHAR)

    def sources(self) -> None:
        self.heading("Sources and notes of each route", 9.5)
        self.para("Marks: [S] a published source, [V] a vendor or informal figure, [G] our "
                  "estimate where no public figure was found.", 6.5, color=GREY, gap=0.8)
        size, line = 6.3, 2.55  # 2.7 until the talent rows: six routes still fit 2 pages
        for i, row in enumerate(self.result.table.to_dict("records")):
            self.font(size + 0.5, bold=True, color=_rgb(ink(PALETTE[i % len(PALETTE)])))
            self.write(line, self.faces.clean(f"{self.labels[i]} ({row['option_id']})"))
            self.ln(line)
            for key, title in (("sources", "Sources"), ("notes", "Notes")):
                text = str(row.get(key) or "").strip()
                if not text or text == "nan":
                    continue
                self.font(size, bold=True)
                self.write(line, f"{title}: ")
                for piece in MARKS.split(self.faces.clean(text)):
                    self.font(size, bold=bool(MARKS.fullmatch(piece)))
                    self.write(line, piece)
                self.ln(line)
            self.ln(0.8)
        if self.notes_undrawn:
            self.para("Some characters of these sources and notes have no font on this "
                      "machine and show as ?.", 6.5, color=GREY)
