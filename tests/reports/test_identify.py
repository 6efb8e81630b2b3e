"""identify(): one file's report type from its head, or a message that says what the file is instead."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from reinstate.errors import InputError
from reinstate.reports import identify, read_reports

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("basic/all-orders.txt", "all-orders"),
        ("basic/feedback.txt", "seller-feedback"),
        ("basic/claims.csv", "claims"),
        ("basic/fba-returns.txt", "fba-returns"),
        ("basic/mfn-returns.txt", "mfn-returns"),
        ("health/late-shipment.csv", "late-shipment"),
        ("health/cancellations.csv", "cancellations"),
        ("health/valid-tracking.txt", "valid-tracking"),
        ("health/on-time-delivery.csv", "on-time-delivery"),
        ("health/seller-performance.json", "seller-performance"),
        ("quirks/orders-utf16.txt", "all-orders"),
        ("quirks/orders-gbk.csv", "all-orders"),
        ("quirks/orders.txt.gz", "all-orders"),
        ("quirks/orders.xlsx", "all-orders"),
    ],
)
def test_every_supported_download_is_identified_as_the_reader_reads_it(path: str, kind: str) -> None:
    found = identify(FIXTURES / path)
    assert found.type == kind
    assert found.title
    read = read_reports([FIXTURES / path])
    assert [r.type for r in read.reports] == [kind]  # the same decision as the full reader


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("statement.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is a PDF document"),
        ("screenshot.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "this is a JPEG image"),
        ("reports.zip", b"PK\x03\x04\x14\x00\x00\x00", "this is a ZIP archive"),
        ("orders.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old-style Excel .xls"),
        ("blob.bin", bytes(range(256)) * 8, "binary data, not text"),
        ("other.json", b'{"orders": []}', "not the seller performance report"),
        ("empty.txt", b"", "the file is empty"),
        ("notes.txt", b"just some notes about the case\nsecond line\n", "not one of the supported"),
        ("orders.csv", b"order-id,purchase-date\n111-1-1,2026-11-01\n", "All Orders"),
    ],
)
def test_what_is_not_a_report_is_named_with_the_fix(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    with pytest.raises(InputError) as caught:
        identify(write(tmp_path, name, content), shown=name)
    message = str(caught.value)
    assert message.startswith(f"{name}") and said in message
    assert "Fix:" in message
    assert str(tmp_path) not in message  # the temporary path is never shown
    chinese = caught.value.render("zh")  # the web app's Chinese interface shows this
    assert chinese.startswith(name) and "解决办法：" in chinese
    assert re.search(r"[\u4e00-\u9fff]", chinese.split("解决办法")[0]), chinese


def test_a_broken_workbook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a readable Excel workbook"):
        identify(write(tmp_path, "orders.xlsx", b"PK\x03\x04 not really a workbook"), shown="orders.xlsx")


def test_a_gzipped_report_is_read_through(tmp_path: Path) -> None:
    text = (FIXTURES / "basic" / "feedback.txt").read_bytes()
    assert identify(write(tmp_path, "feedback.txt.gz", gzip.compress(text))).type == "seller-feedback"


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_is_identified_by_its_report_sheets_header_as_the_reader_takes_it(tmp_path: Path) -> None:
    orders = [
        ["amazon-order-id", "purchase-date", "order-status"],
        ["111-0000001-0000001", "2026-11-01", "Shipped"],
    ]
    path = workbook(tmp_path / "export.xlsx", {"Notes": [["my notes"], ["more"]], "Orders": orders})
    assert identify(path).type == "all-orders"
    assert [r.type for r in read_reports([path]).reports] == ["all-orders"]


def test_a_workbook_without_a_report_sheet_names_its_header(tmp_path: Path) -> None:
    path = workbook(tmp_path / "budget.xlsx", {"Budget": [["month", "spend"], ["October", 120]]})
    with pytest.raises(InputError, match=r"the header line \(month, spend\) is not one of the supported"):
        identify(path, shown="budget.xlsx")
