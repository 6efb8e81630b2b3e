"""Every documented date form becomes the right calendar date in UTC."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from reinstate.reports.dates import choose_order, date_sql

D = dt.date


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    return connection


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        (
            "2026-09-21T23:30:00-07:00",
            "mdy",
            D(2026, 9, 22),
        ),  # All Orders: offset moves it to the next UTC day
        ("2026-09-21T23:30:00+00:00", "mdy", D(2026, 9, 21)),
        ("2026-09-21T23:30:00.123Z", "mdy", D(2026, 9, 21)),
        ("2026-09-21 23:30:00 UTC", "mdy", D(2026, 9, 21)),
        ("Sep 21, 2026 11:30:00 PM PDT", "mdy", D(2026, 9, 22)),  # Seller Central UI, US Pacific
        ("21.09.2026 23:30:00 CEST", "dmy", D(2026, 9, 21)),
        ("2026-09-21", "mdy", D(2026, 9, 21)),
        ("21-09-2026", "mdy", D(2026, 9, 21)),  # FBA returns help page form
        ("21-SEP-2026", "dmy", D(2026, 9, 21)),  # JP help page form
        ("21-Sep-2026", "dmy", D(2026, 9, 21)),  # seller-fulfilled returns
        ("9/21/26", "mdy", D(2026, 9, 21)),  # US feedback
        ("21/9/26", "dmy", D(2026, 9, 21)),  # UK, FR, IT, ES ... feedback
        ("21.9.26", "dmy", D(2026, 9, 21)),  # DE feedback
        ("26/9/21", "ymd", D(2026, 9, 21)),  # JP feedback
        ("2026/09/21", "ymd", D(2026, 9, 21)),
        ("2026年9月21日", "ymd", D(2026, 9, 21)),
        ("9/21/2026 11:30 PM", "mdy", D(2026, 9, 21)),  # Excel, US
        ("not a date", "mdy", None),
    ],
)
def test_date_forms(con: duckdb.DuckDBPyConnection, text: str, order: str, expected: D | None) -> None:
    row = con.execute(f"SELECT {date_sql('v', order)} FROM (SELECT ?::VARCHAR AS v)", [text]).fetchone()
    assert row == (expected,)


def test_order_is_read_from_the_data_then_the_marketplace() -> None:
    # scores: (plausible, parsed) for mdy, dmy, ymd
    assert choose_order((0, 0, 10, 10, 0, 10), "US") == "dmy"  # 21/9/26 reads only day first
    assert choose_order((10, 10, 10, 10, 0, 10), "UK") == "dmy"  # ambiguous: the marketplace decides
    assert choose_order((10, 10, 10, 10, 0, 10), "US") == "mdy"
    assert choose_order((0, 0, 0, 10, 10, 10), "US") == "ymd"  # 26/11/3 reads as 2003 day first
