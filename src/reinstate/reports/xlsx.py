"""Excel workbooks: sellers open downloads in Excel and save them as ``.xlsx``.

The first sheet whose first row names a supported report is copied, streaming in openpyxl's
read-only mode, to a tab-separated UTF-8 file that the normal reader then loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reinstate.errors import InputError
from reinstate.reports.formats import FORMATS


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep="T")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _looks_like_report(row: list[str]) -> bool:
    return any(fmt.signed(fmt.match(row)) for fmt in FORMATS)


def _open(path: Path) -> Any:
    import openpyxl  # type: ignore[import-untyped]

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except MemoryError:  # the machine, not the file
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged or non-xlsx file
        raise InputError(
            f"is not a readable Excel workbook ({type(exc).__name__}).",
            path=path,
            fix="open it in Excel and save it again as .xlsx, or give the original .txt download.",
            message_zh=f"不是可以读取的 Excel 工作簿（{type(exc).__name__}）。",
            fix_zh="请在 Excel 中打开后重新另存为 .xlsx，或直接上传原始的 .txt 下载文件。",
        ) from None


def _report_sheet(book: Any, path: Path) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The header and the remaining rows (read lazily) of the report sheet: the first sheet whose header
    names a supported report, else the last sheet, when it has data."""
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            continue
        header = [_cell(v) for v in first]
        if _looks_like_report(header) or sheet is book.worksheets[-1]:
            return header, rows
    raise InputError("the workbook has no sheet with data.", path=path, fix="give the sheet with the report.")


def xlsx_header(path: Path) -> list[str]:
    """The header row of the sheet :func:`xlsx_to_tsv` copies, read without the rest of the sheet.

    The web app checks an uploaded workbook with it: a 50 MB workbook is identified in a moment.
    """
    book = _open(path)
    try:
        return _report_sheet(book, path)[0]
    finally:
        book.close()


def xlsx_to_tsv(path: Path, dest: Path) -> Path:
    """Write the report sheet of the workbook ``path`` to ``dest`` as TSV and return ``dest``."""
    book = _open(path)
    try:
        header, rows = _report_sheet(book, path)
        with dest.open("w", encoding="utf-8", newline="\n") as out:
            out.write("\t".join(header) + "\n")
            for row in rows:
                out.write("\t".join(_cell(v) for v in row) + "\n")
        return dest
    finally:
        book.close()
