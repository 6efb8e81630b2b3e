"""Facts about Amazon's answer paths (retraction, dispute, AHA, Seller Challenge, A-to-z, EU routes).

Each fact lives in ``data/paths.yaml`` with the sources it was checked against and the day it was
checked, like a reason's thresholds. ``status`` says how far a fact is confirmed:

- ``confirmed``: stated on an Amazon page (Seller Central help, an Amazon announcement) or in the law;
- ``secondary``: only seen quoted by third parties (consultants, news sites) or in notices sellers posted;
- ``unconfirmed``: an idea we could not find stated anywhere reliable. The path advisor may mention it,
  always saying it is unconfirmed, and never builds a deadline or a count on it.

Public entry point: :func:`load_path_facts` (cached).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import Field, ValidationError

from reinstate.errors import KnowledgeBaseError
from reinstate.kb.schema import SLUG_PATTERN, Strict, Text
from reinstate.yamlio import load_located

Status = Literal["confirmed", "secondary", "unconfirmed"]


class Source(Strict):
    url: str = Field(pattern=r"^https?://")
    kind: Literal["amazon", "law", "regulator", "secondary"]
    says: str = Field(min_length=10, description="what the page says, in a few words of our own")


class PathFact(Strict):
    id: str = Field(pattern=SLUG_PATTERN)
    claim: Text
    status: Status
    sources: list[Source] = Field(default_factory=list)
    last_verified: dt.date
    hours: int | None = Field(default=None, ge=1, description="a time limit in hours")
    days: int | None = Field(default=None, ge=1, description="a time limit or window in days")
    count: int | None = Field(default=None, ge=0, description="a number the fact states (slots, attempts)")
    limits: dict[str, int] = Field(default_factory=dict, description="per reason id, e.g. repeat limits")
    note: Text | None = None

    def source_urls(self) -> list[str]:
        return [s.url for s in self.sources]


class PathFactFile(Strict):
    facts: list[PathFact] = Field(min_length=1)


def _check(facts: list[PathFact]) -> None:
    problems = []
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen:
            problems.append(f"{fact.id}: id used twice")
        seen.add(fact.id)
        if fact.status != "unconfirmed" and not fact.sources:
            problems.append(f"{fact.id}: a {fact.status} fact needs at least one source")
        if fact.status == "confirmed" and not any(s.kind != "secondary" for s in fact.sources):
            problems.append(f"{fact.id}: 'confirmed' needs an Amazon, law or regulator source")
    if problems:
        raise KnowledgeBaseError("broken path facts: " + "; ".join(problems), path="kb/data/paths.yaml")


@cache
def load_path_facts() -> dict[str, PathFact]:
    """The path facts by id, validated once per process."""
    entry = resources.files("reinstate.kb") / "data" / "paths.yaml"
    located = load_located(entry.read_text(encoding="utf-8"), path="kb/data/paths.yaml")
    try:
        parsed = PathFactFile.model_validate(located.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise KnowledgeBaseError(
            f"{'.'.join(map(str, loc))}: {first['msg']}", path="kb/data/paths.yaml", line=located.line_of(loc)
        ) from None
    _check(parsed.facts)
    return {f.id: f for f in parsed.facts}
