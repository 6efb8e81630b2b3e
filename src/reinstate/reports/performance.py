"""Amazon's own figures: the SP-API seller performance report (``GET_V2_SELLER_PERFORMANCE_REPORT``, JSON).

Only the counts and rates are used, never guessed: each metric object gives its rate (a fraction,
although the schema calls it a percentage), the counts behind it, the target and the reporting
window. Spellings that differ between Amazon's schema and real files are accepted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reinstate.errors import InputError

# metric key -> (JSON key(s), numerator key, denominator key)
METRICS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "order_defect_rate_mfn": (("orderDefectRate.mfn",), "orderWithDefects.count", "orderCount"),
    "order_defect_rate_afn": (("orderDefectRate.afn",), "orderWithDefects.count", "orderCount"),
    "late_shipment_rate": (("lateShipmentRate",), "lateShipmentCount", "orderCount"),
    "pre_fulfillment_cancel_rate": (
        ("preFulfillmentCancellationRate", "prefulfillmentCancelRate"),
        "cancellationCount",
        "orderCount",
    ),
    "valid_tracking_rate": (("validTrackingRate",), "validTrackingCount", "shipmentCount"),
    "on_time_delivery_rate": (
        ("onTimeDeliveryRate",),
        "onTimeDeliveryCount",
        "shipmentCountWithValidTracking",
    ),
    "unit_on_time_delivery_rate": (("unitOnTimeDeliveryRate",), "unitOnTimeDeliveryCount", "totalUnitCount"),
}


def is_performance_json(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    with path.open("rb") as handle:
        return b"performanceMetrics" in handle.read(1 << 20)


def _get(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def _window(obj: dict[str, Any]) -> dict[str, str] | None:
    rng = obj.get("reportingDateRange") or {}
    start, end = rng.get("reportingDateFrom"), rng.get("reportingDateTo")
    if not start or not end:
        return None
    return {"start": str(start)[:10], "end": str(end)[:10]}


def read_performance(path: Path) -> dict[str, Any]:
    """Amazon's figures per metric key: value, numerator, denominator, window, target, status."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(
            f"is not valid JSON ({exc}).", path=path, line=line, fix="download the report again."
        ) from None
    metrics = (data.get("performanceMetrics") or [None])[0] if isinstance(data, dict) else None
    if not isinstance(metrics, dict):
        raise InputError(
            "has no 'performanceMetrics' list.",
            path=path,
            fix="give the GET_V2_SELLER_PERFORMANCE_REPORT JSON.",
        )
    figures: dict[str, Any] = {}
    for key, (names, num, den) in METRICS.items():
        obj = next((_get(metrics, name) for name in names if isinstance(_get(metrics, name), dict)), None)
        if obj is None:
            continue
        figures[key] = _figure(obj, num, den)
    lsr_list = metrics.get("lateShipmentRateList")
    if isinstance(lsr_list, list):
        for obj in lsr_list:
            window = _window(obj) if isinstance(obj, dict) else None
            if window and _days(window) <= 15:
                figures["late_shipment_rate_10d"] = _figure(obj, "lateShipmentCount", "orderCount")
    status = (data.get("accountStatuses") or [{}])[0]
    figures["_account"] = {
        "status": status.get("status") if isinstance(status, dict) else None,
        "marketplace_id": metrics.get("marketplaceId"),
        "ahr": _get(metrics, "accountHealthRating.ahrScore"),
    }
    return figures


def _figure(obj: dict[str, Any], num: str, den: str) -> dict[str, Any]:
    """One metric object of the report, as value, numerator, denominator, window, target, status."""
    return {
        "value": obj.get("rate"),
        "numerator": _get(obj, num),
        "denominator": _get(obj, den),
        "window": _window(obj),
        "target": obj.get("targetValue"),
        "status": obj.get("status"),
    }


def _days(window: dict[str, str]) -> int:
    import datetime as dt

    return (dt.date.fromisoformat(window["end"]) - dt.date.fromisoformat(window["start"])).days + 1
