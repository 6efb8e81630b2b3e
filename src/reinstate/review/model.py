"""What a review produces: findings at character spans, the sections found, and a score."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
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
            "sections": self.sections,
            "words": self.words,
            "counts": self.counts(),
            "findings": [f.to_json() for f in self.findings],
        }
