"""Account-health metrics, exactly as spec section 5 defines them, computed with DuckDB.

Public entry point: :func:`compute_metrics`. Each metric is one documented function in
``orders.py`` or ``health.py`` returning a :class:`MetricResult` (value, numerator, denominator,
window, target, comparison, status, components). A metric the downloads cannot give is absent;
:func:`missing_metrics` says which download would supply it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reinstate.metrics import health, orders
from reinstate.metrics.engine import MFN, one
from reinstate.metrics.model import LABELS, LABELS_ZH, TARGETS, MetricResult, Window
from reinstate.reports import ReadResult

__all__ = [
    "LABELS",
    "LABELS_ZH",
    "SUPPLIED_BY",
    "SUPPLIED_BY_ZH",
    "TARGETS",
    "MetricResult",
    "Window",
    "compute_metrics",
    "default_as_of",
    "missing_metrics",
]

SUPPLIED_BY: dict[str, str] = {
    "order_defect_rate": "the All Orders report (Reports > Fulfillment > All Orders), plus Seller Feedback and the claims file",
    "negative_feedback_rate": "the Seller Feedback report (Performance > Feedback > Download)",
    "a_to_z_claim_rate": "a claims file copied from Performance > A-to-z Guarantee Claims (spec section 6)",
    "chargeback_rate": "a claims file copied from Performance > Chargeback Claims (spec section 6)",
    "pre_fulfillment_cancel_rate": "the All Orders report (seller-fulfilled orders)",
    "late_shipment_rate": "Account Health > Late Shipment Rate > Download report, or the seller performance JSON",
    "valid_tracking_rate": "Account Health > Valid Tracking Rate > Download report, or the seller performance JSON",
    "on_time_delivery_rate": "Account Health > On-Time Delivery Rate > Download report, or the seller performance JSON",
    "return_rate": "the FBA customer returns and/or seller-fulfilled returns reports, plus All Orders",
}
# The same hints for Chinese sellers, with the menu names of Seller Central in Chinese.
SUPPLIED_BY_ZH: dict[str, str] = {
    "order_defect_rate": "所有订单报告（数据报告 > 库存和销售报告 > 所有订单），以及卖家反馈报告和索赔文件",
    "negative_feedback_rate": "卖家反馈报告（绩效 > 反馈 > 下载）",
    "a_to_z_claim_rate": "从“绩效 > 亚马逊商城交易保障索赔”（A-to-z 索赔）复制整理的索赔文件（格式见规范第 6 节）",
    "chargeback_rate": "从“绩效 > 信用卡拒付索赔”复制整理的索赔文件（格式见规范第 6 节）",
    "pre_fulfillment_cancel_rate": "所有订单报告（自发货订单）",
    "late_shipment_rate": "账户状况 > 迟发率 > 下载报告，或卖家绩效 JSON 文件",
    "valid_tracking_rate": "账户状况 > 有效追踪率 > 下载报告，或卖家绩效 JSON 文件",
    "on_time_delivery_rate": "账户状况 > 准时交货率（准时送达率） > 下载报告，或卖家绩效 JSON 文件",
    "return_rate": "亚马逊物流（FBA）买家退货报告和/或自发货退货报告，以及所有订单报告",
}


def default_as_of(read: ReadResult) -> dt.date:
    """The latest order date in the data (not later than today when the data allows), else today."""
    today = dt.datetime.now(dt.UTC).date()
    candidates = [
        ("orders", "purchase_date"),
        ("returns", "return_date"),
        ("late_shipments", "coalesce(expected_ship_date, order_date)"),
        ("tracking", "coalesce(promised_date, ship_date)"),
        ("deliveries", "promised_date"),
        ("claims", "claim_date"),
    ]
    for table, column in candidates:
        if not read.has(table):
            continue
        row = one(read, f"SELECT max({column}) FILTER ({column} <= ?), max({column}) FROM {table}", [today])
        if row and (row[0] or row[1]):
            return row[0] or row[1]  # type: ignore[no-any-return]
    return today


def compute_metrics(read: ReadResult, as_of: dt.date | None = None) -> dict[str, MetricResult]:
    """Every metric the downloads allow, keyed as in spec section 5, with Amazon's figures beside."""
    as_of = as_of or default_as_of(read)
    results: dict[str, MetricResult] = {}
    if read.has("orders"):
        results.update(orders.order_defect_rates(read, as_of))
        if one(read, f"SELECT count(*) FROM orders WHERE {MFN}")[0]:
            results["pre_fulfillment_cancel_rate"] = orders.pre_fulfillment_cancel_rate(read, as_of)
        if read.has("returns") and orders.has_quantity(read):
            results["return_rate"] = orders.return_rate(read, as_of)
    if read.has("late_shipments"):
        results["late_shipment_rate"] = health.late_shipment_rate(read, as_of, 30)
        results["late_shipment_rate_10d"] = health.late_shipment_rate(read, as_of, 10)
    if read.has("tracking"):
        results["valid_tracking_rate"] = health.valid_tracking_rate(read, as_of)
    if read.has("deliveries"):
        results["on_time_delivery_rate"] = health.on_time_delivery_rate(read, as_of)
    if read.performance:
        _add_amazon(results, read.performance)
    return results


def _add_amazon(results: dict[str, MetricResult], figures: dict[str, Any]) -> None:
    """Put Amazon's own figure beside each computed metric, or use it where none was computed."""
    for key, fig in figures.items():
        if key.startswith("_"):
            continue
        if key in results:
            results[key].amazon = fig
            continue
        if fig.get("numerator") is None or fig.get("denominator") is None:
            continue
        results[key] = MetricResult(
            key,
            int(fig["numerator"]),
            int(fig["denominator"]),
            fig.get("window"),
            source="seller-performance",
            amazon=fig,
            value_override=fig.get("value"),
        )


def missing_metrics(read: ReadResult, metrics: dict[str, MetricResult], lang: str = "en") -> dict[str, str]:
    """Metric key -> the download that would supply it, for the main metrics that are absent.

    ``lang="zh"`` gives the same keys with the hint in Chinese (Seller Central's Chinese menu names).
    """
    hints = SUPPLIED_BY_ZH if lang == "zh" else SUPPLIED_BY
    return {key: hints[key] for key in SUPPLIED_BY if key not in metrics}
