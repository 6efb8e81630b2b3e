"""The typed answers of the path advisor and the repeat counter (JSON-ready, English and Chinese)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PathKind = Literal[
    "poa",
    "dispute",
    "retraction",
    "aha_acknowledgement",
    "seller_challenge",
    "atoz_response",
    "eu_statement_of_reasons",
]
# the letter kind `reinstate draft --kind` drafts for each path
LETTER_KINDS: dict[str, str] = {
    "poa": "poa",
    "dispute": "dispute",
    "retraction": "retraction",
    "aha_acknowledgement": "aha-acknowledgement",
    "seller_challenge": "seller-challenge",
    "atoz_response": "atoz-response",
    "eu_statement_of_reasons": "statement-of-reasons",
}
PATH_OF_KIND = {letter: path for path, letter in LETTER_KINDS.items()}


@dataclass(frozen=True)
class FactRef:
    """A knowledge-base fact a piece of advice rests on, with how far it is confirmed and where."""

    id: str
    status: str
    sources: tuple[str, ...]
    last_verified: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "sources": list(self.sources),
            "last_verified": self.last_verified,
        }


@dataclass(frozen=True)
class PathAdvice:
    """One way to answer the notice: why it fits, how long there is, and the facts behind it."""

    path: PathKind
    why: str
    why_zh: str
    deadline: str = ""
    deadline_zh: str = ""
    deadline_hours: int | None = None
    recommended: bool = False
    facts: tuple[FactRef, ...] = ()
    slots_left: int | None = None  # Seller Challenge slots left, when the case says

    @property
    def letter_kind(self) -> str:
        return LETTER_KINDS[self.path]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.letter_kind,
            "recommended": self.recommended,
            "why": self.why,
            "why_zh": self.why_zh,
            "deadline": self.deadline,
            "deadline_zh": self.deadline_zh,
            "deadline_hours": self.deadline_hours,
            "slots_left": self.slots_left,
            "facts": [f.to_json() for f in self.facts],
        }


@dataclass(frozen=True)
class RepeatCount:
    """How many notices of one policy arrived in the window, and how close that is to the limit."""

    reason: str
    count: int
    window_days: int
    limit: int | None  # the limit the knowledge base records for this policy (None: not published)
    dates: tuple[str, ...]
    level: Literal["ok", "warning", "at_limit"]
    message: str = ""
    message_zh: str = ""
    fact: FactRef | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "count": self.count,
            "window_days": self.window_days,
            "limit": self.limit,
            "dates": list(self.dates),
            "level": self.level,
            "message": self.message,
            "message_zh": self.message_zh,
            "fact": self.fact.to_json() if self.fact else None,
        }


@dataclass(frozen=True)
class PathReport:
    """The advisor's answer: every path that fits, the recommended one first."""

    paths: tuple[PathAdvice, ...]
    signals: dict[str, Any] = field(default_factory=dict)

    @property
    def recommended(self) -> PathAdvice:
        return self.paths[0]

    def find(self, path: str) -> PathAdvice | None:
        return next((p for p in self.paths if p.path == path), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "reinstate.paths/1",
            "recommended": self.recommended.path,
            "paths": [p.to_json() for p in self.paths],
            "signals": self.signals,
        }
