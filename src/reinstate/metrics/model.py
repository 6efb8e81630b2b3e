"""A metric's result, with everything needed to show the working: value, numerator, denominator, window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# key -> (target, comparison) as Amazon states them (knowledge base, reasons/*.yaml)
TARGETS: dict[str, tuple[float | None, str | None]] = {
    "order_defect_rate": (0.01, "less_than"),
    "order_defect_rate_mfn": (0.01, "less_than"),
    "order_defect_rate_afn": (0.01, "less_than"),
    "negative_feedback_rate": (None, None),
    "a_to_z_claim_rate": (None, None),
    "chargeback_rate": (None, None),
    "pre_fulfillment_cancel_rate": (0.025, "less_than"),
    "late_shipment_rate": (0.04, "less_than"),
    "late_shipment_rate_10d": (0.04, "less_than"),
    "valid_tracking_rate": (0.95, "greater_than_or_equal"),
    "on_time_delivery_rate": (0.9, "greater_than_or_equal"),
    "unit_on_time_delivery_rate": (0.9, "greater_than_or_equal"),
    "return_rate": (None, None),
}

LABELS: dict[str, str] = {
    "order_defect_rate": "Order defect rate",
    "order_defect_rate_mfn": "Order defect rate, seller-fulfilled",
    "order_defect_rate_afn": "Order defect rate, FBA",
    "negative_feedback_rate": "Negative feedback rate",
    "a_to_z_claim_rate": "A-to-z claim rate",
    "chargeback_rate": "Chargeback rate",
    "pre_fulfillment_cancel_rate": "Pre-fulfillment cancel rate",
    "late_shipment_rate": "Late shipment rate (30 days)",
    "late_shipment_rate_10d": "Late shipment rate (10 days)",
    "valid_tracking_rate": "Valid tracking rate",
    "on_time_delivery_rate": "On-time delivery rate",
    "unit_on_time_delivery_rate": "Unit on-time delivery rate",
    "return_rate": "Return rate (units)",
}
LABELS_ZH: dict[str, str] = {  # the same, as Chinese Seller Central names them
    "order_defect_rate": "订单缺陷率", "order_defect_rate_mfn": "订单缺陷率（自发货）",
    "order_defect_rate_afn": "订单缺陷率（FBA）", "negative_feedback_rate": "负面反馈率",
    "a_to_z_claim_rate": "A-to-z 索赔率", "chargeback_rate": "信用卡拒付率",
    "pre_fulfillment_cancel_rate": "配送前取消率", "late_shipment_rate": "迟发率（30 天）",
    "late_shipment_rate_10d": "迟发率（10 天）", "valid_tracking_rate": "有效追踪率",
    "on_time_delivery_rate": "准时送达率", "unit_on_time_delivery_rate": "按件准时送达率", "return_rate": "退货率（按件）",
}  # fmt: skip


@dataclass(frozen=True)
class Window:
    """An inclusive range of calendar days: ``days`` days ending on ``end``."""

    start: dt.date
    end: dt.date

    @classmethod
    def ending(cls, end: dt.date, days: int) -> Window:
        return cls(end - dt.timedelta(days=days - 1), end)

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass
class MetricResult:
    """One metric: the fraction numerator / denominator over ``window``, judged against its target.

    ``status`` is ``pass`` or ``fail`` against the target, ``info`` for a metric without an official
    target, ``no-data`` when the window holds nothing to count. ``source`` says where the figure comes
    from (``computed`` from the downloads, or ``seller-performance`` for Amazon's own report);
    ``amazon`` holds Amazon's figure beside a computed one; ``incomplete`` names inputs that were
    missing, so the figure may be too low.
    """

    key: str
    numerator: int
    denominator: int
    window: dict[str, str] | None
    components: dict[str, int | None] = field(default_factory=dict)
    source: str = "computed"
    amazon: dict[str, Any] | None = None
    incomplete: list[str] = field(default_factory=list)
    value_override: float | None = None

    @property
    def value(self) -> float | None:
        if self.value_override is not None:
            return self.value_override
        if self.denominator == 0:
            return None
        return round(self.numerator / self.denominator, 6)

    @property
    def target(self) -> float | None:
        return TARGETS.get(self.key, (None, None))[0]

    @property
    def comparison(self) -> str | None:
        return TARGETS.get(self.key, (None, None))[1]

    @property
    def label(self) -> str:
        return LABELS.get(self.key, self.key)

    @property
    def status(self) -> str:
        value, target = self.value, self.target
        if value is None:
            return "no-data"
        if target is None:
            return "info"
        if self.comparison == "less_than":
            return "pass" if value < target else "fail"
        return "pass" if value >= target else "fail"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "window": self.window,
            "target": self.target,
            "comparison": self.comparison,
            "status": self.status,
            "source": self.source,
        }
        if self.components:
            out["components"] = dict(self.components)
        if self.amazon is not None:
            out["amazon"] = self.amazon
        if self.incomplete:
            out["incomplete"] = list(self.incomplete)
        return out
