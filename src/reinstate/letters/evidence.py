"""What the seller's downloads prove, turned into letter material: metric facts, cause evidence, an appendix.

Only numbers the analysis computed reach the letter, and a finding never becomes a root cause on its
own: it backs a cause the seller gave (the same knowledge-base cause), or it becomes a warning that
suggests the cause, for the seller to confirm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from reinstate.diagnose import Analysis
from reinstate.kb.schema import Reason
from reinstate.letters.dates import date_zh, span
from reinstate.letters.model import DraftWarning

METRICS_BY_REASON = {
    "order-defect-rate": ("order_defect_rate",),
    "late-shipment-rate": ("late_shipment_rate", "late_shipment_rate_10d"),
    "pre-fulfillment-cancel-rate": ("pre_fulfillment_cancel_rate",),
    "valid-tracking-rate": ("valid_tracking_rate",),
    "on-time-delivery-rate": ("on_time_delivery_rate",),
    "high-return-rate": ("return_rate",),
}
CHANNEL_SUFFIX = {"MFN": "_mfn", "FBA": "_afn"}
# How a letter names each metric, and what it counts.
NAMES = {
    "order_defect_rate": ("order defect rate", "orders"),
    "order_defect_rate_mfn": ("order defect rate on seller-fulfilled orders", "orders"),
    "order_defect_rate_afn": ("order defect rate on FBA orders", "orders"),
    "late_shipment_rate": ("late shipment rate over 30 days", "orders"),
    "late_shipment_rate_10d": ("late shipment rate over 10 days", "orders"),
    "pre_fulfillment_cancel_rate": ("pre-fulfillment cancel rate", "orders"),
    "valid_tracking_rate": ("valid tracking rate", "packages"),
    "on_time_delivery_rate": ("on-time delivery rate", "packages"),
    "return_rate": ("return rate", "units"),
}
NAMES_ZH = {
    "order_defect_rate": ("订单缺陷率", "个订单"),
    "order_defect_rate_mfn": ("自发货订单的订单缺陷率", "个订单"),
    "order_defect_rate_afn": ("FBA 订单的订单缺陷率", "个订单"),
    "late_shipment_rate": ("30 天迟发率", "个订单"),
    "late_shipment_rate_10d": ("10 天迟发率", "个订单"),
    "pre_fulfillment_cancel_rate": ("配送前取消率", "个订单"),
    "valid_tracking_rate": ("有效追踪率", "个包裹"),
    "on_time_delivery_rate": ("准时送达率", "个包裹"),
    "return_rate": ("退货率", "件商品"),
}
APPENDIX_ROWS = 25


@dataclass
class DataEvidence:
    facts: list[str] = field(default_factory=list)
    facts_zh: list[str] = field(default_factory=list)  # the same facts in Chinese, for the mirror
    by_cause: dict[str, str] = field(default_factory=dict)  # kb cause id ("reason/cause") -> finding summary
    by_cause_zh: dict[str, str] = field(default_factory=dict)  # the same, in Chinese
    findings: list[dict[str, Any]] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)  # metric key -> value, for the notice check
    appendix: list[dict[str, str]] = field(default_factory=list)
    warnings: list[DraftWarning] = field(default_factory=list)


def percent(value: float) -> str:
    return f"{value * 100:.2f}".rstrip("0").rstrip(".") + "%"


def metric_fact(key: str, metric: dict[str, Any], label: str) -> str | None:
    """One sentence stating a computed metric against its target, or ``None`` when there is no figure."""
    if metric.get("value") is None or not metric.get("window"):
        return None
    window = metric["window"]
    name, unit = NAMES.get(key, (label[0].lower() + label[1:], "items"))
    sentence = (
        f"Our {name} was {percent(metric['value'])} ({metric['numerator']:,} of {metric['denominator']:,} "
        f"{unit}) between {span(dt.date.fromisoformat(window['start']), dt.date.fromisoformat(window['end']))}"
    )
    target = metric.get("target")
    if target is not None:
        side = "under" if metric.get("comparison") == "less_than" else "at least"
        sentence += f", against Amazon's target of {side} {percent(target)}"
    return sentence + "."


def metric_fact_zh(key: str, metric: dict[str, Any]) -> str:
    """The Chinese of :func:`metric_fact` (called only when that gave a sentence)."""
    window = metric["window"]
    name, unit = NAMES_ZH.get(key, (key.replace("_", " "), "项"))
    start, end = dt.date.fromisoformat(window["start"]), dt.date.fromisoformat(window["end"])
    text = (
        f"{date_zh(start)}至{date_zh(end)}，我们的{name}为 {percent(metric['value'])}"
        f"（{metric['denominator']:,} {unit}中有 {metric['numerator']:,} {unit[0]}）"
    )
    target = metric.get("target")
    if target is not None:
        side = "低于" if metric.get("comparison") == "less_than" else "至少"
        text += f"，亚马逊的目标是{side} {percent(target)}"
    return text + "。"


def from_analysis(
    analysis: Analysis | dict[str, Any], reasons: list[Reason], fulfillment: str | None
) -> DataEvidence:
    """Letter material from an analysis, or from its ``reinstate.analysis/1`` JSON (as the web app stores it)."""
    data = analysis if isinstance(analysis, dict) else analysis.to_json()
    result = DataEvidence()
    labels = (
        {} if isinstance(analysis, dict) else {key: analysis.metrics[key].label for key in analysis.metrics}
    )
    reason_ids = {r.id for r in reasons}
    for reason in reasons:
        for key in METRICS_BY_REASON.get(reason.id, ()):
            chosen = key + CHANNEL_SUFFIX.get(fulfillment or "", "")
            chosen = chosen if chosen in data["metrics"] else key
            metric = data["metrics"].get(chosen)
            fact = (
                metric_fact(chosen, metric, labels.get(chosen, chosen.replace("_", " "))) if metric else None
            )
            if fact and metric is not None:
                result.facts.append(fact + _all_channels(key, chosen, data["metrics"]))
                result.facts_zh.append(
                    metric_fact_zh(chosen, metric) + _all_channels_zh(key, chosen, data["metrics"])
                )
                result.values[chosen] = float(metric["value"])
    for finding in data.get("findings", []):
        if finding["reason"] not in reason_ids:
            continue
        result.findings.append(finding)
        cause = finding.get("kb_cause")
        if cause and cause not in result.by_cause:
            result.by_cause[cause] = finding["summary"]
            result.by_cause_zh[cause] = finding.get("summary_zh") or ""
    result.appendix = appendix_rows(result.findings)
    return result


def _all_channels(key: str, chosen: str, metrics: dict[str, Any]) -> str:
    """The all-channel figure beside a channel's own, when they differ.

    The findings count every defective order; without this the letter would say "108 of 1,476 orders"
    and then "104 of the 110 defective orders", and a careful reader would ask where 110 came from.
    """
    overall = metrics.get(key)
    if chosen == key or not overall or overall.get("value") is None:
        return ""
    if overall["numerator"] == metrics[chosen]["numerator"]:
        return ""
    unit = NAMES.get(key, ("", "items"))[1]
    return (
        f" Across all our {unit} it was {percent(overall['value'])} "
        f"({overall['numerator']:,} of {overall['denominator']:,})."
    )


def _all_channels_zh(key: str, chosen: str, metrics: dict[str, Any]) -> str:
    if not _all_channels(key, chosen, metrics):
        return ""
    overall = metrics[key]
    unit = NAMES_ZH.get(key, ("", "项"))[1]
    return (
        f"按全部{unit[1:]}计算为 {percent(overall['value'])}"
        f"（{overall['denominator']:,} {unit}中有 {overall['numerator']:,} {unit[0]}）。"
    )


def appendix_rows(findings: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The defective orders the findings cite, once each, oldest first, at most ``APPENDIX_ROWS``."""
    rows: dict[str, dict[str, str]] = {}
    for finding in findings:
        for row in finding.get("evidence", {}).get("rows", []):
            order = row.get("order_id")
            if not order or order in rows or not row.get("defects"):
                continue
            rows[order] = {
                "order": order,
                "date": str(row.get("purchase_date", "")),
                "sku": str(row.get("sku", "")),
                "defect": ", ".join(str(d).replace("-", " ") for d in row["defects"]),
                "detail": str(row.get("claim_reason") or row.get("comment") or "")[:80],
            }
    ordered = sorted(rows.values(), key=lambda r: (r["date"], r["order"]))
    return ordered[:APPENDIX_ROWS]
