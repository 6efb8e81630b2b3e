"""The typed result of reading a notice: what Amazon acted on and every item it cites.

A :class:`Notice` is frozen: the reader builds it once, the CLI, the letter composer and the
reviewer only read it. :meth:`Notice.to_json` gives the ``reinstate.notice/1`` document of spec
section 4 (extra keys are additions, never renames).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Scope = Literal["account", "listing", "category", "fulfillment-method", "unknown"]
SCHEMA = "reinstate.notice/1"


@dataclass(frozen=True)
class ReasonMatch:
    """One reason the notice names, how sure the reader is, and the line that decided it."""

    id: str
    confidence: float
    evidence: str
    phrases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "confidence": self.confidence, "evidence": self.evidence}


@dataclass(frozen=True)
class RightsOwner:
    """The complainant of an intellectual-property notice, as the notice gives it."""

    name: str | None = None
    email: str | None = None

    def __bool__(self) -> bool:
        return bool(self.name or self.email)


@dataclass(frozen=True)
class Deadline:
    """The time Amazon gives to answer, as written (``within 72 hours``, ``by November 30, 2026``).

    ``days`` is the time in whole days; for a dated deadline ("by November 30, 2026") it counts from the
    notice's first date, and is ``None`` when the notice gives no earlier date to count from. ``date``
    is the ISO date of a dated deadline.
    """

    days: int | None
    hours: int | None
    text: str
    date: str | None = None


@dataclass(frozen=True)
class NoticeFigure:
    """A metric figure the notice states: "Your Order Defect Rate is 1.34%" or "2 claims on 149 orders".

    ``metric`` is a metric key of spec section 3 (``order_defect_rate``, ``late_shipment_rate``...).
    ``value`` is a fraction (1.34% is 0.0134); ``numerator`` and ``denominator`` are the counts when
    the notice gives them; ``window_days`` the period it names ("over the last 60 days"). ``text``
    is the sentence (or the part of a long one) the figure was read from.
    """

    metric: str
    value: float | None
    numerator: int | None = None
    denominator: int | None = None
    window_days: int | None = None
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "window_days": self.window_days,
            "text": self.text,
        }


@dataclass(frozen=True)
class Notice:
    """Everything the reader found in one performance notification.

    ``reasons`` is empty when nothing in the notice matched (an honest "unknown"), and always
    empty for a language the reader does not classify. ``appeal_needed`` is ``None`` when the
    reasons are unknown. ``lines`` is the 1-based span of the cleaned text read as the notice
    (the rest of a pasted forum thread is left out). ``figures`` are the metric figures the
    notice states (thresholds and targets are not figures).
    """

    language: str
    reasons: tuple[ReasonMatch, ...] = ()
    scope: Scope = "unknown"
    scope_evidence: str | None = None
    asins: tuple[str, ...] = ()
    order_ids: tuple[str, ...] = ()
    complaint_ids: tuple[str, ...] = ()
    infringement_types: tuple[str, ...] = ()
    rights_owner: RightsOwner = field(default_factory=RightsOwner)
    marketplace: str | None = None
    documents_requested: tuple[str, ...] = ()
    document_periods_days: dict[str, int] = field(default_factory=dict, hash=False)
    deadline: Deadline | None = None
    dates: tuple[str, ...] = ()
    appeal_needed: bool | None = None
    next_step: str = ""
    next_step_zh: str = ""
    amazon_contacts: tuple[str, ...] = ()
    source: str | None = None
    lines: tuple[int, int] = (0, 0)
    warnings: tuple[str, ...] = ()
    warnings_zh: tuple[str, ...] = ()
    figures: list[NoticeFigure] = field(default_factory=list, hash=False)

    @property
    def reason_ids(self) -> list[str]:
        """The reason ids, most confident first."""
        return [r.id for r in self.reasons]

    @property
    def deadline_days(self) -> int | None:
        return self.deadline.days if self.deadline else None

    @property
    def deadline_hours(self) -> int | None:
        return self.deadline.hours if self.deadline else None

    @property
    def invoices_period_days(self) -> int | None:
        return self.document_periods_days.get("invoices")

    def to_json(self) -> dict[str, Any]:
        """The ``reinstate.notice/1`` document (a JSON-ready dict)."""
        return {
            "schema": SCHEMA,
            "source": self.source,
            "language": self.language,
            "reasons": [r.to_json() for r in self.reasons],
            "scope": self.scope,
            "scope_evidence": self.scope_evidence,
            "asins": list(self.asins),
            "order_ids": list(self.order_ids),
            "complaint_ids": list(self.complaint_ids),
            "infringement_types": list(self.infringement_types),
            "rights_owner": {"name": self.rights_owner.name, "email": self.rights_owner.email},
            "marketplace": self.marketplace,
            "documents_requested": list(self.documents_requested),
            "document_periods_days": dict(self.document_periods_days),
            "invoices_period_days": self.invoices_period_days,
            "deadline_days": self.deadline_days,
            "deadline_hours": self.deadline_hours,
            "deadline_text": self.deadline.text if self.deadline else None,
            "deadline_date": self.deadline.date if self.deadline else None,
            "dates": list(self.dates),
            "appeal_needed": self.appeal_needed,
            "next_step": self.next_step,
            "next_step_zh": self.next_step_zh,
            "amazon_contacts": list(self.amazon_contacts),
            "notice_lines": list(self.lines),
            "warnings": list(self.warnings),
            "warnings_zh": list(self.warnings_zh),
            "figures": [f.to_json() for f in self.figures],
        }
