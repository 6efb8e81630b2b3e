"""identify(): what one file is, from its first bytes, before anything is stored or loaded.

The web app calls it on every upload, so a PDF, a photo, a zip or a report of an unsupported kind is
refused at once with a message that says what the file is and what to upload instead, rather than
stored and found unreadable later. It reads only the head of a text file (an Excel workbook is
opened, as the reader would), and decides exactly as :func:`read_reports` does.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from reinstate.errors import InputError
from reinstate.reports import encoding as enc

# Signatures of files people upload by mistake, and what they are.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old-style Excel .xls or Word .doc file"),
    (b"PK\x03\x04", "a ZIP archive (or an Excel or Word file named without its .xlsx/.docx ending)"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)
WHAT_TO_GIVE = (
    "upload the report as Seller Central downloads it (a .txt or .csv file, or that file saved "
    "as .xlsx): All Orders, Seller Feedback, FBA or seller-fulfilled returns, claims, the Account "
    "Health downloads, or the seller performance JSON."
)


@dataclass(frozen=True)
class Identified:
    """A file that the reader can load: its report type and how its text is encoded."""

    type: str  # a report type of reports.formats, or "seller-performance"
    title: str
    encoding: str


def identify(path: Path, *, shown: str | None = None) -> Identified:
    """The report type of the file at ``path``; :class:`InputError` naming ``shown`` when it is none.

    ``shown`` is the name the user knows the file by (an upload is kept under a temporary path with
    the same ending: ``.xlsx`` and ``.json`` are told by the ending, as the reader tells them).
    """
    name = shown or str(path)
    try:
        return _identify(path, name)
    except InputError as exc:
        raise InputError(exc.message, path=name, line=exc.line, key=exc.key, fix=exc.fix) from None


def _identify(path: Path, name: str) -> Identified:
    from reinstate.reports.performance import is_performance_json

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):  # a zip by nature: the reader opens it and finds the report sheet
        return _sniffed(path)
    head = enc.head_bytes(path)
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise InputError(f"this is {what}, not a report download.", fix=WHAT_TO_GIVE)
    if suffix == ".json":
        if is_performance_json(path):
            return Identified("seller-performance", "seller performance report (SP-API JSON)", "utf-8")
        raise InputError(
            "this JSON file is not the seller performance report (it has no performanceMetrics).",
            fix=WHAT_TO_GIVE,
        )
    if b"\x00" in head and not enc.sniff_encoding(head).startswith("utf-16"):
        raise InputError("this file holds binary data, not text.", fix=WHAT_TO_GIVE)
    return _sniffed(path)


def _sniffed(path: Path) -> Identified:
    from reinstate.reports.load import sniff

    with tempfile.TemporaryDirectory(prefix="reinstate-identify-") as workdir:  # for an xlsx's TSV copy
        sniffed = sniff(path, Path(workdir))
    return Identified(sniffed.detected.format.type, sniffed.detected.format.title, sniffed.encoding)
