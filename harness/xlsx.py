"""Workbooks for the tests, made with openpyxl and zipfile (no binaries committed)."""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "data" / "options.csv"
SHEET_XML = "xl/worksheets/sheet1.xml"


def csv_rows(path: Path = DEFAULT) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def typed(text: str) -> object:
    """A CSV cell as a person types it into Excel: numbers become numbers, blanks empty."""
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text


def workbook(rows: list[list[object]], title: str = "Sheet1",
             before: tuple[str, ...] = ()) -> bytes:
    """A workbook whose sheet `title` holds `rows`; `before` adds sheets in front of it."""
    book = openpyxl.Workbook()
    first = book.active
    for name in before:
        book.create_sheet(name, 0).append(["not the table"])
    first.title = title
    for row in rows:
        first.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def options_workbook(path: Path = DEFAULT, title: str = "Sheet1",
                     before: tuple[str, ...] = ()) -> bytes:
    rows = csv_rows(path)
    return workbook([rows[0], *[[typed(c) for c in r] for r in rows[1:]]], title, before)


def rezip(data: bytes, change=lambda name, body: body, add: dict[str, bytes] | None = None,
          ) -> bytes:
    """The workbook with its parts changed by `change(name, bytes)` and parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
        for name, body in (add or {}).items():
            new.writestr(name, body)
    return out.getvalue()


def with_formula(data: bytes, cell: str, formula: str, cached: str | None) -> bytes:
    """Put `formula` in `cell` of the first sheet, with Excel's saved result or none."""
    def change(name: str, body: bytes) -> bytes:
        if name != SHEET_XML:
            return body
        value = "" if cached is None else f"<v>{cached}</v>"
        new, count = re.subn(rf'<c r="{cell}"( [^>]*)?(/>|>.*?</c>)'.encode(),
                             f'<c r="{cell}"><f>{formula}</f>{value}</c>'.encode(), body)
        assert count == 1, cell
        return new
    return rezip(data, change)


def as_xlsm(data: bytes) -> bytes:
    """The workbook as Excel saves it macro-enabled: a VBA part and its content type."""
    def change(name: str, body: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return body.replace(b"spreadsheetml.sheet.main+xml",
                                b"sheet.macroEnabled.main+xml")
        return body
    return rezip(data, change, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def _deflated(body: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(body) + packer.flush()


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand from (name, raw deflate data, CRC-32, unpacked size)."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, packed, crc, size in members:
        offset, encoded = out.tell(), name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(packed), size, len(encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded + packed)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0,
                                    0, offset) + encoded)
    start, listing = out.tell(), directory.getvalue()
    out.write(listing + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                                    len(listing), start, 0))
    return out.getvalue()


def zip_bomb(mebibytes: int = 950) -> bytes:
    """A workbook with one part of ~1 GB of zeros that packs into under 1 MB.

    Deflate with a full flush after each MiB of zeros writes the same bytes for every
    MiB, so the bomb is built by repeating them, not by compressing a gigabyte.
    """
    chunk = b"\0" * 2**20
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    packed = first + again * (mebibytes - 1) + packer.flush()
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    members = []
    with zipfile.ZipFile(io.BytesIO(options_workbook())) as archive:
        for info in archive.infolist():
            body = archive.read(info)
            members.append((info.filename, _deflated(body), zlib.crc32(body), len(body)))
    members.append(("xl/media/image1.png", packed, crc, mebibytes * 2**20))
    return _zip(members)


def corrupted() -> dict[str, bytes]:
    """Damaged workbooks as a broken download or disk leaves them."""
    good = options_workbook()
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        info = archive.getinfo(SHEET_XML)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    flipped = bytearray(good)
    for i in range(start + 10, start + 40):
        flipped[i] ^= 0xFF
    return {
        "cut in half": good[: len(good) // 2],
        "sheet bytes flipped": bytes(flipped),
        "zip header then garbage": b"PK\x03\x04" + b"\x17" * 4000,
        "empty zip": b"PK\x05\x06" + b"\0" * 18,
    }
