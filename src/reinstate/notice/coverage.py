"""Traceability: every item a notice cites, and which of them a letter leaves unanswered.

Amazon rejects appeals that skip a cited ASIN, order or complaint, or that do not attach what was
asked for. ``draft`` and ``review --notice`` use :func:`uncovered_items` to warn by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reinstate.notice.model import Notice
from reinstate.notice.requests import DOCUMENTS

Kind = Literal["asin", "order", "complaint", "document"]
# The letter itself is the Plan of Action; the rights owner, not the seller, sends a retraction.
NOT_ATTACHED = {"plan-of-action", "retraction"}


@dataclass(frozen=True)
class CitedItem:
    """One thing the notice cites that an appeal must answer or attach."""

    kind: Kind
    value: str

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


def cited_items(notice: Notice) -> list[CitedItem]:
    """ASINs, order ids, complaint ids and requested documents, in that order."""
    items = [CitedItem("asin", a) for a in notice.asins]
    items += [CitedItem("order", o) for o in notice.order_ids]
    items += [CitedItem("complaint", c) for c in notice.complaint_ids]
    items += [CitedItem("document", d) for d in notice.documents_requested if d not in NOT_ATTACHED]
    return items


def uncovered_items(notice: Notice, letter_text: str) -> list[CitedItem]:
    """The cited items that ``letter_text`` never mentions (ids verbatim; documents by their usual names)."""
    upper = letter_text.upper()
    patterns = dict(DOCUMENTS)
    missing: list[CitedItem] = []
    for item in cited_items(notice):
        if item.kind == "document":
            covered = bool(patterns[item.value].search(letter_text))
        else:
            covered = (
                re.search(r"(?<![A-Z0-9])" + re.escape(item.value.upper()) + r"(?![A-Z0-9])", upper)
                is not None
            )
        if not covered:
            missing.append(item)
    return missing
