"""analyze(): read, compute and diagnose in one call, with the spec's ``reinstate.analysis/1`` JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reinstate.diagnose import complaints, odr, returns, shipping
from reinstate.diagnose.common import ensure_tables
from reinstate.diagnose.model import Finding
from reinstate.diagnose.phrases import suggest_phrase
from reinstate.errors import InputError
from reinstate.metrics import MetricResult, Window, compute_metrics, default_as_of, missing_metrics
from reinstate.metrics.orders import weekly_defects
from reinstate.reports import ReadResult, read_reports

REASON_OF_METRIC = {
    "order_defect_rate": "order-defect-rate",
    "order_defect_rate_mfn": "order-defect-rate",
    "order_defect_rate_afn": "order-defect-rate",
    "late_shipment_rate": "late-shipment-rate",
    "late_shipment_rate_10d": "late-shipment-rate",
    "pre_fulfillment_cancel_rate": "pre-fulfillment-cancel-rate",
    "valid_tracking_rate": "valid-tracking-rate",
    "on_time_delivery_rate": "on-time-delivery-rate",
    "return_rate": "high-return-rate",
}
WINDOW_DAYS = {"order-defect-rate": 60, "late-shipment-rate": 30, "pre-fulfillment-cancel-rate": 7,
               "valid-tracking-rate": 30, "on-time-delivery-rate": 14, "high-return-rate": 60}  # fmt: skip


@dataclass
class Analysis:
    """Everything ``reinstate analyze`` reports: what was read, the metrics, the findings."""

    as_of: dt.date
    read: ReadResult
    metrics: dict[str, MetricResult]
    findings: list[Finding] = field(default_factory=list)
    timeline: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # per metric, week by week

    @property
    def missing(self) -> dict[str, str]:
        return missing_metrics(self.read, self.metrics)

    @property
    def missing_zh(self) -> dict[str, str]:
        """The same keys as :attr:`missing`, with where to get each download in Chinese."""
        return missing_metrics(self.read, self.metrics, lang="zh")

    def to_json(self) -> dict[str, Any]:
        """The ``reinstate.analysis/1`` document (spec section 4), with extra keys only added."""
        return {
            "schema": "reinstate.analysis/1",
            "as_of": self.as_of.isoformat(),
            "marketplace": self.read.marketplace,
            "reports": [r.to_json() for r in self.read.reports],
            "skipped": [s.to_json() for s in self.read.skipped],
            "notes": [n.to_json() for n in self.read.notes],
            "metrics": {key: metric.to_json() for key, metric in self.metrics.items()},
            "missing": self.missing,
            "missing_zh": self.missing_zh,
            "findings": [f.to_json() for f in self.findings],
            "timeline": self.timeline,
        }


def _targets(metrics: dict[str, MetricResult], reasons: list[str] | None) -> set[str]:
    """Reasons to explain: those of failing metrics, plus the ones asked for."""
    wanted = {REASON_OF_METRIC[k] for k, m in metrics.items() if m.status == "fail" and k in REASON_OF_METRIC}
    wanted |= set(reasons or [])
    if reasons is None:
        wanted.add("high-return-rate")
    return wanted


def find_findings(read: ReadResult, metrics: dict[str, MetricResult], reasons: list[str] | None = None,
                  as_of: dt.date | None = None) -> list[Finding]:  # fmt: skip
    """Findings for every failing metric and every reason asked for, ranked by the share they explain."""
    ensure_tables(read)
    as_of = as_of or _as_of_from(metrics) or default_as_of(read)
    wanted = _targets(metrics, reasons)
    found: list[Finding] = []

    def window(reason: str) -> Window:
        return Window.ending(as_of, WINDOW_DAYS[reason])

    if "order-defect-rate" in wanted and read.has("orders"):
        w = window("order-defect-rate")
        found += odr.findings(read, w.start, w.end)
    for problem in shipping.problems(as_of):
        if problem.reason in wanted:
            w = window(problem.reason)
            found += shipping.findings(read, problem, w.start, w.end)
    if "high-return-rate" in wanted and read.has("returns"):
        w = window("high-return-rate")
        found += returns.findings(read, w.start, w.end)
    for reason in complaints.REASON_THEMES:
        if reason in wanted:
            found += complaints.findings(read, reason)
    found.sort(key=lambda f: (-f.share, f.reason, f.id))
    return found


def _as_of_from(metrics: dict[str, MetricResult]) -> dt.date | None:
    for metric in metrics.values():
        if metric.source == "computed" and metric.window:
            return dt.date.fromisoformat(metric.window["end"])
    return None


def analyze(paths: list[Path], as_of: dt.date | None = None, reasons: list[str] | None = None,
            progress: Callable[[int, int], None] | None = None, threads: int | None = None) -> Analysis:  # fmt: skip
    """Read the downloads in ``paths``, compute the metrics as of ``as_of`` and find what explains them.

    Raises :class:`InputError` only when not one file could be read; otherwise problems with single
    files are listed in the result.
    """
    read = read_reports(paths, progress=progress, threads=threads)
    if not read.reports:
        reasons_text = "; ".join(s.reason for s in read.skipped[:3]) or "no files were found"
        raise InputError(
            f"none of the files could be read as a Seller Central download ({reasons_text}).",
            fix="give the All Orders, Seller Feedback, returns or claims files, or a folder that holds them.",
        )
    as_of = as_of or default_as_of(read)
    metrics = compute_metrics(read, as_of)
    findings = find_findings(read, metrics, reasons, as_of)
    for finding in findings:
        finding.phrase = suggest_phrase(finding)
    timeline = {"order_defect_rate": weekly_defects(read, as_of)} if "order_defect_rate" in metrics else {}
    return Analysis(as_of, read, metrics, findings, timeline)
