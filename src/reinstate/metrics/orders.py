"""Metrics computed from the All Orders report joined to feedback, claims and returns (spec section 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reinstate.metrics.engine import AFN, CANCELLED, CLAIM_COUNTS, CLAIM_KIND, MFN, one, run, truthy
from reinstate.metrics.model import MetricResult, Window
from reinstate.reports import ReadResult

ODR_DAYS = 60
CANCEL_DAYS = 7
RETURN_DAYS = 60


def defect_sets_sql(read: ReadResult) -> str:
    """SQL CTEs ``fb``, ``az`` and ``cb``: the order ids with each kind of defect."""
    fb = "SELECT DISTINCT order_id FROM feedback WHERE rating IN (1, 2)" if read.has("feedback") else _none()
    if read.has("claims"):
        az = f"SELECT DISTINCT order_id FROM claims WHERE {CLAIM_KIND} = 'a-to-z' AND {CLAIM_COUNTS}"
        cb = f"SELECT DISTINCT order_id FROM claims WHERE {CLAIM_KIND} = 'chargeback' AND {CLAIM_COUNTS}"
    else:
        az = cb = _none()
    return f"fb AS ({fb}), az AS ({az}), cb AS ({cb})"


def _none() -> str:
    return "SELECT NULL::VARCHAR AS order_id WHERE false"


def window_orders(read: ReadResult, start: dt.date, end: dt.date) -> str:
    """A temp table of the orders counted in [start, end]: not cancelled, one row per order.

    Columns: order_id, purchase_date, channel (MFN, AFN or other), sku, asin, ship_service_level,
    ship_state, o_file, o_line. Built once per window and shared with the findings.
    """
    name = f"window_orders_{start:%Y%m%d}_{end:%Y%m%d}"
    read.con.execute(
        f"""CREATE TEMP TABLE IF NOT EXISTS {name} AS SELECT order_id, min(purchase_date) AS purchase_date,
            CASE WHEN bool_or({MFN}) THEN 'MFN' WHEN bool_or({AFN}) THEN 'AFN' ELSE 'other' END AS channel,
            min(sku) AS sku, min(asin) AS asin, min(ship_service_level) AS ship_service_level,
            min(ship_state) AS ship_state, min(file_id) AS o_file, min({read.line_sql("orders")}) AS o_line
        FROM orders WHERE purchase_date BETWEEN ? AND ? GROUP BY order_id HAVING bool_or(NOT {CANCELLED})""",
        [start, end],
    )
    return name


def order_defect_rates(read: ReadResult, as_of: dt.date) -> dict[str, MetricResult]:
    """ODR (all, MFN, AFN) and its three component rates.

    Orders = distinct ``amazon-order-id`` not ``Cancelled``, purchased in the 60 days ending ``as_of``.
    A defect is 1- or 2-star feedback, an A-to-z claim or a chargeback whose status is not
    ``denied`` or ``withdrawn``; an order with several defects counts once.
    """
    window = Window.ending(as_of, ODR_DAYS)
    orders_table = window_orders(read, window.start, window.end)
    rows = run(
        read,
        f"WITH o AS (SELECT order_id, channel FROM {orders_table}), {defect_sets_sql(read)} "
        "SELECT coalesce(o.channel, 'all') AS grp, count(*), "
        "count(*) FILTER (fb.order_id IS NOT NULL OR az.order_id IS NOT NULL OR cb.order_id IS NOT NULL), "
        "count(fb.order_id), count(az.order_id), count(cb.order_id) "
        "FROM o LEFT JOIN (SELECT DISTINCT order_id FROM fb) fb USING (order_id) "
        "LEFT JOIN (SELECT DISTINCT order_id FROM az) az USING (order_id) "
        "LEFT JOIN (SELECT DISTINCT order_id FROM cb) cb USING (order_id) "
        "GROUP BY GROUPING SETS ((), (o.channel))",
    )
    by_group = {("all" if grp is None or (grp == "all") else grp): row for grp, *row in rows}
    incomplete = _odr_incomplete(read)
    results: dict[str, MetricResult] = {}
    for key, group in (
        ("order_defect_rate", "all"),
        ("order_defect_rate_mfn", "MFN"),
        ("order_defect_rate_afn", "AFN"),
    ):
        orders, defects, neg, az, cb = by_group.get(group, (0, 0, 0, 0, 0))
        if group != "all" and orders == 0:
            continue
        results[key] = MetricResult(
            key,
            int(defects),
            int(orders),
            window.to_json(),
            components={
                "negative_feedback": int(neg) if read.has("feedback") else None,
                "a_to_z_claims": int(az) if read.has("claims") else None,
                "chargebacks": int(cb) if read.has("claims") else None,
            },
            incomplete=incomplete,
        )
    results.update(_component_rates(read, by_group.get("all", (0, 0, 0, 0, 0)), window))
    return results


def weekly_defects(read: ReadResult, as_of: dt.date) -> list[dict[str, object]]:
    """Orders and defective orders per week of the ODR window, by purchase date (for a chart over time).

    Weeks are counted back from ``as_of`` so the last one ends on it: week 0 is the oldest. The
    definitions are those of :func:`order_defect_rates`, so the weeks add up to its figures.
    """
    if not read.has("orders"):
        return []
    window = Window.ending(as_of, ODR_DAYS)
    orders_table = window_orders(read, window.start, window.end)
    rows = run(
        read,
        f"WITH o AS (SELECT order_id, purchase_date FROM {orders_table}), {defect_sets_sql(read)}, "
        "d AS (SELECT order_id FROM fb UNION SELECT order_id FROM az UNION SELECT order_id FROM cb) "
        "SELECT (? - o.purchase_date::DATE) // 7 AS back, count(*), "
        "count(d.order_id) FROM o LEFT JOIN (SELECT DISTINCT order_id FROM d) d USING (order_id) "
        "GROUP BY back ORDER BY back DESC",
        [as_of],
    )
    weeks = []
    for back, orders, defects in rows:
        end = as_of - dt.timedelta(days=7 * int(back))
        start = max(window.start, end - dt.timedelta(days=6))
        weeks.append(
            {"start": start.isoformat(), "end": end.isoformat(), "orders": int(orders), "defects": int(defects),
             "rate": round(int(defects) / int(orders), 6) if orders else None}
        )  # fmt: skip
    return weeks


def _component_rates(read: ReadResult, counts: Sequence[int], window: Window) -> dict[str, MetricResult]:
    """The three ODR components as rates over the same orders (absent when their download is)."""
    orders, _, neg, az, cb = counts
    results = {}
    for key, count, table in (
        ("negative_feedback_rate", neg, "feedback"),
        ("a_to_z_claim_rate", az, "claims"),
        ("chargeback_rate", cb, "claims"),
    ):
        if read.has(table):
            results[key] = MetricResult(key, int(count), int(orders), window.to_json())
    return results


def _odr_incomplete(read: ReadResult) -> list[str]:
    missing = []
    if not read.has("feedback"):
        missing.append("seller-feedback")
    if not read.has("claims"):
        missing.append("claims")
    return missing


def pre_fulfillment_cancel_rate(read: ReadResult, as_of: dt.date) -> MetricResult:
    """Seller-fulfilled orders cancelled ÷ seller-fulfilled orders purchased in the 7 days ending ``as_of``.

    An order is cancelled when its ``order-status`` is ``Cancelled``; a cancellation the data marks
    as requested by the buyer (an ``is-buyer-requested-cancellation`` column, or the Account Health
    cancellation download saying it does not impact account health) is not counted.
    """
    window = Window.ending(as_of, CANCEL_DAYS)
    exempt = _none()
    if read.has("cancellations"):
        exempt = "SELECT order_id FROM cancellations WHERE lower(trim(impacts)) IN ('no', 'n', 'false', '0')"
    row = one(
        read,
        f"WITH x AS ({exempt}), m AS (SELECT order_id, bool_and({CANCELLED}) AS cancelled, "
        f"bool_or({truthy('buyer_cancel')}) AS by_buyer FROM orders "
        f"WHERE purchase_date BETWEEN ? AND ? AND {MFN} GROUP BY order_id) "
        "SELECT count(*), count(*) FILTER (cancelled AND NOT by_buyer AND order_id NOT IN (SELECT order_id FROM x)) FROM m",
        [window.start, window.end],
    )
    return MetricResult("pre_fulfillment_cancel_rate", int(row[1]), int(row[0]), window.to_json())


def return_rate(read: ReadResult, as_of: dt.date) -> MetricResult:
    """Units returned with a return date in the 60 days ending ``as_of`` ÷ units ordered in them.

    Returned units are the FBA ``quantity`` plus the seller-fulfilled ``Return quantity``; ordered
    units are the ``quantity`` of order lines whose order is not ``Cancelled``.
    """
    window = Window.ending(as_of, RETURN_DAYS)
    returned = one(
        read,
        "SELECT coalesce(sum(quantity), 0), count(*) FILTER (kind = 'fba'), count(*) FILTER (kind = 'mfn') "
        "FROM returns WHERE return_date BETWEEN ? AND ?",
        [window.start, window.end],
    )
    ordered = one(
        read,
        f"SELECT coalesce(sum(quantity), 0) FROM orders WHERE purchase_date BETWEEN ? AND ? AND NOT {CANCELLED}",
        [window.start, window.end],
    )
    kinds = {r[0] for r in run(read, "SELECT DISTINCT kind FROM returns")}
    incomplete = [f"{k}-returns" for k in ("fba", "mfn") if k not in kinds and _has_channel(read, k)]
    return MetricResult(
        "return_rate",
        int(returned[0]),
        int(ordered[0]),
        window.to_json(),
        components={"fba_units": _units(read, window, "fba"), "mfn_units": _units(read, window, "mfn")},
        incomplete=incomplete,
    )


def _units(read: ReadResult, window: Window, kind: str) -> int:
    row = one(
        read,
        "SELECT coalesce(sum(quantity), 0) FROM returns WHERE kind = ? AND return_date BETWEEN ? AND ?",
        [kind, window.start, window.end],
    )
    return int(row[0])


def _has_channel(read: ReadResult, kind: str) -> bool:
    cond = AFN if kind == "fba" else MFN
    row = one(read, f"SELECT count(*) FROM orders WHERE {cond}")
    return bool(row and row[0])


def has_quantity(read: ReadResult) -> bool:
    row = one(read, "SELECT count(quantity) FROM orders")
    return bool(row and row[0])
