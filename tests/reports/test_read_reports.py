"""Reading downloads: type detection, encodings, aliases, containers and bad input.

Fixture numbers: tests/fixtures/reports/basic/README.md (hand-worked) and, for the quirks folder,
each orders-* file holds the same 4 orders (A 11-01 Shipped MFN qty 2, B 11-02 Cancelled MFN,
C 11-03 Shipped AFN, D 11-03 Shipped MFN) with a non-ASCII product name in its own encoding.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reinstate.reports import read_reports

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports"
QUIRKS = FIXTURES / "quirks"
FOUR_ORDERS = [
    ("222-0000001-0000001", dt.date(2026, 11, 1), "Shipped", "MFN", 2),
    ("222-0000002-0000002", dt.date(2026, 11, 2), "Cancelled", "MFN", 1),
    ("222-0000003-0000003", dt.date(2026, 11, 3), "Shipped", "AFN", 1),
    ("222-0000004-0000004", dt.date(2026, 11, 3), "Shipped", "MFN", 1),
]


def _orders(path: Path) -> tuple[list[tuple[object, ...]], set[str], str]:
    read = read_reports([path])
    assert not read.skipped, read.skipped
    rows = read.con.execute(
        "SELECT order_id, purchase_date, order_status, fulfillment_channel, quantity FROM orders ORDER BY order_id"
    ).fetchall()
    names = {r[0] for r in read.con.execute("SELECT product_name FROM orders").fetchall()}
    return rows, names, read.reports[0].encoding


def test_folder_detects_every_type() -> None:
    read = read_reports([FIXTURES / "basic"])
    types = {(r.path.name, r.type, r.rows) for r in read.reports}
    assert types == {
        ("all-orders.txt", "all-orders", 18),
        ("feedback.txt", "seller-feedback", 5),
        ("claims.csv", "claims", 5),
        ("fba-returns.txt", "fba-returns", 3),
        ("mfn-returns.txt", "mfn-returns", 2),
    }
    assert read.skipped == []
    assert read.marketplace == "US"


def test_offset_timestamps_become_utc_dates() -> None:
    read = read_reports([FIXTURES / "basic" / "all-orders.txt"])
    row = read.con.execute(
        "SELECT purchase_date FROM orders WHERE order_id = '111-0000003-0000003'"
    ).fetchone()
    assert row == (dt.date(2026, 9, 22),)  # 2026-09-21T23:30-07:00


def test_us_feedback_dates_are_month_first_and_quoted_text_is_kept() -> None:
    read = read_reports([FIXTURES / "basic" / "feedback.txt"])
    rows = dict(read.con.execute("SELECT order_id, date FROM feedback").fetchall())
    assert rows["111-0000004-0000004"] == dt.date(2026, 10, 3)  # "10/3/26"
    comment = read.con.execute("SELECT comments FROM feedback WHERE order_id LIKE '999%'").fetchone()
    assert comment == ('who is this "seller"?',)


def test_returns_dates_in_three_formats() -> None:
    read = read_reports([FIXTURES / "basic" / "fba-returns.txt", FIXTURES / "basic" / "mfn-returns.txt"])
    rows = read.con.execute(
        "SELECT kind, order_id, return_date, quantity FROM returns ORDER BY kind, line"
    ).fetchall()
    assert rows == [
        ("fba", "111-0000004-0000004", dt.date(2026, 10, 10), 1),
        ("fba", "111-0000008-0000008", dt.date(2026, 11, 15), 1),  # 15-11-2026
        ("fba", "111-0000013-0000013", dt.date(2026, 11, 21), 1),
        ("mfn", "111-0000007-0000007", dt.date(2026, 10, 20), 3),  # 20-Oct-2026
        ("mfn", "111-0000002-0000002", dt.date(2026, 9, 21), 1),
    ]


@pytest.mark.parametrize(
    ("name", "encoding", "product"),
    [
        ("orders-gbk.csv", "gbk", "陶瓷杯子"),
        ("orders-cp932.txt", "cp932", "マグカップ"),
        ("orders-cp1252.txt", "cp1252", "Tasse café crème"),
        ("orders-utf16.txt", "utf-16", "Tasse café"),
        ("orders-bom-crlf.csv", "utf-8-sig", "Tasse café"),
        ("orders.txt.gz", "utf-8", "Tasse café"),
        ("orders.xlsx", "utf-8", "Tasse café"),
    ],
)
def test_encodings_containers_and_title_case_headers(name: str, encoding: str, product: str) -> None:
    rows, names, found = _orders(QUIRKS / name)
    assert rows == FOUR_ORDERS
    assert names == {product}
    assert found == encoding


def test_localised_feedback_dates() -> None:
    de = read_reports([QUIRKS / "feedback-de.txt"])
    assert de.con.execute("SELECT date FROM feedback ORDER BY line").fetchall() == [
        (dt.date(2026, 11, 3),),  # 3.11.26
        (dt.date(2026, 11, 14),),
    ]
    jp = read_reports([QUIRKS / "feedback-jp.txt"])
    assert jp.reports[0].encoding == "cp932"
    assert jp.con.execute("SELECT date, comments FROM feedback ORDER BY line").fetchall() == [
        (dt.date(2026, 11, 3), "配送が遅い"),  # 26/11/3, year first
        (dt.date(2026, 11, 4), "破損していた"),
    ]


def test_mixed_encodings_are_read_line_by_line_and_reported() -> None:
    read = read_reports([QUIRKS / "feedback-mixed.txt"])
    comments = [r[0] for r in read.con.execute("SELECT comments FROM feedback ORDER BY line").fetchall()]
    assert comments == ["late", "cassé à l'arrivée", "fine ✓"]
    assert any("mixed encodings" in n.message and n.line == 3 for n in read.notes)


def test_truncated_file_keeps_complete_lines() -> None:
    rows, _, _ = _orders(QUIRKS / "orders-truncated.txt")
    assert rows == FOUR_ORDERS
    read = read_reports([QUIRKS / "orders-truncated.txt"])
    assert any("ends in the middle of a line" in n.message for n in read.notes)


def test_cut_gzip_reads_what_is_there() -> None:
    read = read_reports([QUIRKS / "orders-cut.txt.gz"])
    assert read.con.execute("SELECT count(DISTINCT order_id) FROM orders").fetchone() == (4,)
    assert any("ends early" in n.message for n in read.notes)


def test_a_download_pasted_twice_into_one_file_counts_once() -> None:
    read = read_reports([QUIRKS / "orders-duplicated.txt"])
    assert read.con.execute("SELECT count(*), sum(quantity) FROM orders").fetchone() == (4, 5)
    assert any("4 order lines appeared more than once" in n.message for n in read.notes)


def test_same_report_twice_counts_once() -> None:
    path = FIXTURES / "basic" / "all-orders.txt"
    read = read_reports([path, path])
    assert read.con.execute("SELECT count(*) FROM orders").fetchone() == (18,)


def test_orders_from_another_marketplace_are_left_out() -> None:
    read = read_reports([QUIRKS / "orders-two-marketplaces.txt"])
    assert read.con.execute("SELECT count(*) FROM orders").fetchone() == (4,)
    note = next(n for n in read.notes if "Amazon.ca" in n.message)
    assert note.column == "sales-channel"
    assert note.line == 6


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("orders-no-status.txt", "looks like the All Orders report but has no column 'order-status'"),
        ("empty.txt", "the file is empty"),
        ("notes.txt", "is not one of the supported Seller Central downloads"),
        ("missing.txt", "file not found"),
    ],
)
def test_bad_files_are_skipped_with_a_reason_and_others_still_read(name: str, message: str) -> None:
    read = read_reports([QUIRKS / name, QUIRKS / "orders.txt.gz"])
    assert [r.path.name for r in read.reports] == ["orders.txt.gz"]
    assert len(read.skipped) == 1
    assert message in read.skipped[0].reason
    assert str(QUIRKS / name) in read.skipped[0].reason


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    read_reports([FIXTURES / "basic"], progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1]
    assert len(calls) > 3


def test_xlsx_report_on_a_later_sheet(tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    book.active.append(["Notes for the appeal"])
    sheet = book.create_sheet("Feedback")
    sheet.append(["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"])
    sheet.append([dt.datetime(2026, 11, 3, 9, 30), 1, "arrived broken", None, "222-0000001-0000001", "a@x"])
    sheet.append([dt.datetime(2026, 11, 4), 5.0, "great", None, "222-0000004-0000004", "b@x"])
    book.save(tmp_path / "feedback.xlsx")
    read = read_reports([tmp_path / "feedback.xlsx"])
    assert read.reports[0].type == "seller-feedback"
    rows = read.con.execute("SELECT date, rating, order_id FROM feedback ORDER BY line").fetchall()
    assert rows == [
        (dt.date(2026, 11, 3), 1, "222-0000001-0000001"),
        (dt.date(2026, 11, 4), 5, "222-0000004-0000004"),
    ]


def test_damaged_xlsx_and_json_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "orders.xlsx").write_bytes(b"this is not a zip file")
    (tmp_path / "performance.json").write_text('{"performanceMetrics": [', encoding="utf-8")
    read = read_reports([tmp_path / "orders.xlsx", tmp_path / "performance.json", QUIRKS / "orders.txt.gz"])
    reasons = {s.path.name: s.reason for s in read.skipped}
    assert "is not a readable Excel workbook" in reasons["orders.xlsx"]
    assert "is not valid JSON" in reasons["performance.json"]
    assert [r.type for r in read.reports] == ["all-orders"]


def test_gzip_feedback_with_windows_line_ends(tmp_path: Path) -> None:
    import gzip

    text = "Date\tRating\tComments\tResponse\tOrder ID\tRater Email\r\n11/3/26\t2\tslow\t\t222-0000001-0000001\ta@x\r\n"
    (tmp_path / "feedback.txt.gz").write_bytes(gzip.compress(text.encode("cp1252")))
    read = read_reports([tmp_path / "feedback.txt.gz"])
    assert read.con.execute("SELECT date, rating, rater_email FROM feedback").fetchall() == [
        (dt.date(2026, 11, 3), 2, "a@x")
    ]


def test_line_numbers_follow_the_file(tmp_path: Path) -> None:
    read = read_reports([FIXTURES / "basic" / "all-orders.txt"])
    sql = f"SELECT {read.line_sql('orders')} FROM orders WHERE order_id = '111-0000016-0000016'"
    assert read.con.execute(sql).fetchone() == (18,)


def test_header_aliases_of_each_report(tmp_path: Path) -> None:
    # FBA returns as the US help page spells it (amazon-order-id); feedback with "Your Response";
    # seller-fulfilled returns with lower-case variants; claims with spaced, capitalised headers.
    files = {
        "fba.txt": "Return Date\tAmazon Order ID\tSKU\tASIN\tFNSKU\tProduct Name\tQuantity\tFulfillment Center ID\t"
        "Detailed Disposition\tReason\n2026-11-02\t222-0000001-0000001\tCUP-1\tB0CUP00001\tX1\tCup\t2\tPHX7\t"
        "DEFECTIVE\tDEFECTIVE\n",
        "feedback.txt": "Date\tRating\tComments\tArrived on Time\tItem as Described\tCustomer Service\tOrder ID\t"
        "Rater Email\tRater Role\tYour Response\n11/3/26\t1\tlate\tNo\tYes\tNo\t222-0000001-0000001\ta@x\tBuyer\t\n",
        "mfn.txt": "order id\treturn request date\tseller rma id\tasin\tmerchant sku\treturn quantity\treturn reason\t"
        "a-to-z claim\n222-0000004-0000004\t05-Nov-2026\tR1\tB0CUP00001\tCUP-1\t1\tAPPAREL_TOO_SMALL\tY\n",
        "claims.csv": "Order ID , CLAIM TYPE,Claim Date,Status,Reason,Amount\n"
        "222-0000004-0000004,A-to-z Guarantee,11/10/2026,Closed - refunded,Item not received,$12.50\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    read = read_reports([tmp_path])
    assert {r.path.name: r.type for r in read.reports} == {
        "fba.txt": "fba-returns",
        "feedback.txt": "seller-feedback",
        "mfn.txt": "mfn-returns",
        "claims.csv": "claims",
    }
    returns = read.con.execute(
        "SELECT kind, order_id, return_date, quantity FROM returns ORDER BY kind"
    ).fetchall()
    assert returns == [
        ("fba", "222-0000001-0000001", dt.date(2026, 11, 2), 2),
        ("mfn", "222-0000004-0000004", dt.date(2026, 11, 5), 1),
    ]
    claim = read.con.execute("SELECT claim_type, claim_date, status, amount FROM claims").fetchone()
    assert claim == ("A-to-z Guarantee", dt.date(2026, 11, 10), "Closed - refunded", 12.5)


def test_identical_lines_inside_one_download_all_count(tmp_path: Path) -> None:
    """Issue 13 item 18: 153 identical lines of one All Orders file were dropped, so the return rate's
    denominator came out 4,965 units instead of 5,039. Lines of one download are real order lines."""
    lines = (QUIRKS / "orders-duplicated.txt").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:5]  # four order lines, then a repeat of the first one only
    path = tmp_path / "orders.txt"
    path.write_text("\n".join([header, *rows, rows[0]]) + "\n", encoding="utf-8")
    read = read_reports([path])
    # 5 lines, quantities 2 + 1 + 1 + 1 + 2 = 7
    assert read.con.execute("SELECT count(*), sum(quantity) FROM orders").fetchone() == (5, 7)
    assert not any("appeared more than once" in n.message for n in read.notes)


def test_two_columns_for_one_field_are_refused_not_guessed(tmp_path: Path) -> None:
    """Issue 13 item 16: duplicate headers were silently resolved to the first column."""
    lines = (QUIRKS / "orders-duplicated.txt").read_text(encoding="utf-8").splitlines()
    header = lines[0] + "\tquantity"
    rows = [line + "\t9" for line in lines[1:5]]
    path = tmp_path / "orders.txt"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    read = read_reports([path, FIXTURES / "basic" / "all-orders.txt"])
    skipped = [s for s in read.skipped if "orders.txt" in str(s.path) and s.path.parent == tmp_path]
    assert skipped and "both hold the field 'quantity'" in skipped[0].reason


def test_a_gzip_bomb_is_refused_not_inflated(tmp_path: Path) -> None:
    """Issue 13 item 9: a 3 MB gzip that inflates to 3 GB passed; analysis took 3.2 GB and failed."""
    import gzip

    header = (QUIRKS / "orders-duplicated.txt").read_text(encoding="utf-8").splitlines()[0] + "\n"
    bomb = tmp_path / "orders.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        handle.write(header.encode())
        zeros = (b"0" * 1023 + b"\n") * 1024  # lines of 1 KB: a line without end is refused sooner
        for _ in range(200):  # 200 MB of one repeated line: about 200 KB compressed
            handle.write(zeros)
    read = read_reports([bomb, FIXTURES / "basic" / "all-orders.txt"])
    skipped = [s for s in read.skipped if s.path.name == "orders.txt.gz"]
    assert skipped and "decompresses to more than" in skipped[0].reason
    assert read.con.execute("SELECT count(*) FROM orders").fetchone()[0] > 0  # the good file is still read
