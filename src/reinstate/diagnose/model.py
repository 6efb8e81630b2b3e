"""Findings: the facts in the data that explain a failing metric, each with its proof."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Finding:
    """One explanation, ranked by ``share``: the fraction of the problem it covers.

    ``summary`` is one sentence a letter can quote; ``evidence`` holds the group, the counts and the
    rows that prove it (order ids, dates, SKUs, with the file and line they come from);
    ``kb_cause`` is the knowledge-base root cause (``reason-id/cause-id``) the pattern points to.
    """

    id: str
    reason: str
    metric: str
    kind: str
    summary: str
    share: float
    count: int
    total: int
    evidence: dict[str, Any] = field(default_factory=dict)
    kb_cause: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reason": self.reason,
            "metric": self.metric,
            "kind": self.kind,
            "summary": self.summary,
            "share": round(self.share, 4),
            "count": self.count,
            "total": self.total,
            "kb_cause": self.kb_cause,
            "evidence": self.evidence,
        }
