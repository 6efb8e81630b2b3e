"""Findings: the facts in the data that explain a failing metric, each with its proof."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Finding:
    """One explanation, ranked by ``share``: the fraction of the problem it covers.

    ``summary`` is one English sentence a letter can quote; ``summary_zh`` gives the same facts and
    numbers in Chinese for the seller to read (letters to Amazon stay English); ``evidence`` holds the
    group, the counts and the rows that prove it (order ids, dates, SKUs, with their file and line);
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
    summary_zh: str = field(kw_only=True)  # keyword-only, so the positional order above is unchanged
    # the phrase of ``kb_cause`` filled from the evidence: {id, values, missing} (see diagnose.phrases)
    phrase: dict[str, Any] | None = field(default=None, kw_only=True)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reason": self.reason,
            "metric": self.metric,
            "kind": self.kind,
            "summary": self.summary,
            "summary_zh": self.summary_zh,
            "share": round(self.share, 4),
            "count": self.count,
            "total": self.total,
            "kb_cause": self.kb_cause,
            "phrase": self.phrase,
            "evidence": self.evidence,
        }
