"""What a review produces: findings at character spans, the sections found, and a score."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
BANDS = (
    (90, "strong", "强", "Every part is there and specific. The review cannot tell whether your facts are true: read it once more.", "各部分齐全且具体。审核工具无法判断内容是否属实，请再通读一遍。"),
    (75, "workable", "尚可", "Close: fix the warnings before you send it.", "接近可提交：请先处理警告再提交。"),
    (50, "weak", "较弱", "Likely to be rejected as it stands: fix the errors first.", "按现在的内容很可能被驳回：请先改正错误。"),
    (0, "not sendable", "不能提交", "Parts are missing, not in English, or the letter argues with Amazon.", "缺少必要部分、含非英文内容，或在和亚马逊争辩。"),
)  # fmt: skip
SECTION_NAMES = ("opening", "root_causes", "actions_taken", "preventive_measures", "closing")


@dataclass(frozen=True)
class Span:
    """A part of the letter: ``text[start:end]``."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    message_zh: str
    suggestion: str
    suggestion_zh: str
    start: int
    end: int
    line: int
    col: int

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "message_zh": self.message_zh,
            "suggestion": self.suggestion,
            "suggestion_zh": self.suggestion_zh,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
        }


@dataclass
class Review:
    text: str
    score: int
    sections: dict[str, bool]
    spans: list[Span] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    words: int = 0

    def counts(self) -> dict[str, int]:
        result = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            result[finding.severity] += 1
        return result

    def to_json(self) -> dict[str, Any]:
        """The ``reinstate.review/1`` document of spec section 4."""
        return {
            "schema": "reinstate.review/1",
            "score": self.score,
            "band": band(self.score),
            "sections": self.sections,
            "words": self.words,
            "counts": self.counts(),
            "findings": [f.to_json() for f in self.findings],
        }


def band(value: int) -> dict[str, str | int]:
    """What a score means for a seller, in English and Chinese."""
    low, label, label_zh, meaning, meaning_zh = next(b for b in BANDS if value >= b[0])
    return {"min": low, "label": label, "label_zh": label_zh, "meaning": meaning, "meaning_zh": meaning_zh}
