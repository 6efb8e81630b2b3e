"""Metrics from the Account Health downloads (late shipment, valid tracking, on-time delivery).

These depend on timestamps the All Orders report does not have (ship confirmation, carrier scans,
delivery), so they are computed only from the downloads that carry them, or taken from Amazon's
seller performance JSON.
"""

from __future__ import annotations

import datetime as dt

from reinstate.metrics.engine import CANCELLED, MFN, one, truthy
from reinstate.metrics.model import MetricResult, Window
from reinstate.reports import ReadResult

VTR_DAYS = 30
OTDR_DAYS = 14
LATE = (
    f"({truthy('late')} OR confirmed_ship_date > expected_ship_date "
    "OR (confirmed_ship_date IS NULL AND late IS NULL AND expected_ship_date < ?))"
)


def late_shipment_rate(read: ReadResult, as_of: dt.date, days: int) -> MetricResult:
    """Orders ship-confirmed after their expected ship date ÷ orders, over ``days`` days ending ``as_of``.

    Each row of the download is one seller-fulfilled order, dated by its expected ship date (or its
    order date). A download that lists only late orders has no on-time rows; the denominator then
    comes from the seller-fulfilled orders of the All Orders report purchased in the window.
    """
    window = Window.ending(as_of, days)
    key = "late_shipment_rate" if days == 30 else f"late_shipment_rate_{days}d"
    row = one(
        read,
        f"SELECT count(DISTINCT order_id), count(DISTINCT order_id) FILTER ({LATE}) FROM late_shipments "
        "WHERE coalesce(expected_ship_date, order_date) BETWEEN ? AND ?",
        [as_of, window.start, window.end],
    )
    total, late = int(row[0]), int(row[1])
    incomplete: list[str] = []
    if total and late == total and read.has("orders"):
        orders = one(
            read,
            f"SELECT count(DISTINCT order_id) FROM orders WHERE purchase_date BETWEEN ? AND ? AND {MFN} "
            f"AND NOT {CANCELLED}",
            [window.start, window.end],
        )
        total = max(total, int(orders[0]))
        incomplete.append("denominator from all-orders")
    return MetricResult(key, late, total, window.to_json(), incomplete=incomplete)


def valid_tracking_rate(read: ReadResult, as_of: dt.date) -> MetricResult:
    """Packages with valid tracking ÷ packages, promised delivery (or ship) date in the 30 days ending ``as_of``."""
    window = Window.ending(as_of, VTR_DAYS)
    invalid = f"({truthy('no_valid_tracking')} OR coalesce(lower(trim(valid_tracking)) IN ('n', 'no', 'false', '0'), false))"
    row = one(
        read,
        f"SELECT count(*), count(*) FILTER (NOT {invalid}) FROM tracking "
        "WHERE coalesce(promised_date, ship_date) BETWEEN ? AND ?",
        [window.start, window.end],
    )
    return MetricResult("valid_tracking_rate", int(row[1]), int(row[0]), window.to_json())


def on_time_delivery_rate(read: ReadResult, as_of: dt.date) -> MetricResult:
    """Tracked units delivered by the promised date ÷ tracked units, promised in the 14 days ending ``as_of``.

    Rows with neither a delivery date nor an on-time flag have no tracking and are not counted.
    """
    window = Window.ending(as_of, OTDR_DAYS)
    on_time = (
        f"({truthy('on_time')} OR (on_time IS NULL AND delivered_date IS NOT NULL "
        "AND delivered_date <= promised_date))"
    )
    row = one(
        read,
        f"SELECT coalesce(sum(coalesce(quantity, 1)), 0), coalesce(sum(coalesce(quantity, 1)) FILTER ({on_time}), 0) "
        "FROM deliveries WHERE promised_date BETWEEN ? AND ? AND (delivered_date IS NOT NULL OR on_time IS NOT NULL)",
        [window.start, window.end],
    )
    return MetricResult("on_time_delivery_rate", int(row[1]), int(row[0]), window.to_json())
