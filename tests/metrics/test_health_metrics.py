"""Late shipment, valid tracking and on-time delivery from the Account Health downloads, and Amazon's figures.

Expected numbers are worked out in tests/fixtures/reports/health/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reinstate.metrics import compute_metrics
from reinstate.reports import ReadResult, read_reports

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports"
HEALTH = FIXTURES / "health"
AS_OF = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def read() -> ReadResult:
    return read_reports([HEALTH, FIXTURES / "basic" / "all-orders.txt"])


def _counts(read: ReadResult, key: str) -> tuple[int, int]:
    metric = compute_metrics(read, AS_OF)[key]
    return metric.numerator, metric.denominator


def test_every_download_is_detected(read: ReadResult) -> None:
    types = {r.path.name: r.type for r in read.reports}
    assert types == {
        "late-shipment.csv": "late-shipment",
        "valid-tracking.txt": "valid-tracking",
        "on-time-delivery.csv": "on-time-delivery",
        "cancellations.csv": "cancellations",
        "seller-performance.json": "seller-performance",
        "all-orders.txt": "all-orders",
    }
    assert not read.notes  # blank optional dates are not unreadable dates


def test_late_shipment_rate_30_and_10_days(read: ReadResult) -> None:
    assert _counts(read, "late_shipment_rate") == (4, 8)
    assert _counts(read, "late_shipment_rate_10d") == (3, 5)
    lsr = compute_metrics(read, AS_OF)["late_shipment_rate_10d"]
    assert lsr.window == {"start": "2026-11-11", "end": "2026-11-20"}
    assert lsr.status == "fail"


def test_valid_tracking_rate(read: ReadResult) -> None:
    assert _counts(read, "valid_tracking_rate") == (4, 5)
    assert compute_metrics(read, AS_OF)["valid_tracking_rate"].comparison == "greater_than_or_equal"


def test_on_time_delivery_rate_counts_tracked_units(read: ReadResult) -> None:
    assert _counts(read, "on_time_delivery_rate") == (5, 7)


def test_cancellation_download_exempts_buyer_requested(read: ReadResult) -> None:
    assert _counts(read, "pre_fulfillment_cancel_rate") == (0, 4)


def test_amazon_figures_beside_computed_ones(read: ReadResult) -> None:
    metrics = compute_metrics(read, AS_OF)
    amazon = metrics["late_shipment_rate"].amazon
    assert amazon is not None
    assert (amazon["value"], amazon["numerator"], amazon["denominator"]) == (0.05, 10, 200)
    assert metrics["late_shipment_rate_10d"].amazon == {
        "value": 0.1,
        "numerator": 7,
        "denominator": 70,
        "window": {"start": "2026-11-10", "end": "2026-11-19"},
        "target": 0.04,
        "status": "BAD",
    }
    odr_mfn = metrics["order_defect_rate_mfn"]
    assert odr_mfn.source == "computed"
    assert odr_mfn.amazon is not None and odr_mfn.amazon["numerator"] == 12


def test_amazon_figures_alone_fill_metrics_the_files_cannot() -> None:
    metrics = compute_metrics(read_reports([HEALTH / "seller-performance.json"]), AS_OF)
    cancel = metrics["pre_fulfillment_cancel_rate"]  # schema-example spelling prefulfillmentCancelRate
    assert (cancel.numerator, cancel.denominator, cancel.value, cancel.source) == (
        1,
        50,
        0.02,
        "seller-performance",
    )
    assert metrics["order_defect_rate_mfn"].status == "fail"  # 0.012 >= 0.01
    assert metrics["valid_tracking_rate"].status == "pass"


def test_unreadable_dates_are_named_with_line_and_column() -> None:
    read = read_reports([FIXTURES / "quirks" / "orders-bad-date.txt"])
    note = next(n for n in read.notes if "cannot be read" in n.message)
    assert (note.line, note.column) == (3, "purchase-date")
    assert "'yesterday'" in note.message
