"""The case list of a consultant with many clients: search, filters and order, done by the database.

:meth:`ListingMixin.case_listing` answers one list page in one read transaction with two queries: the
matching cases joined to their newest draft (number, score and whether it was ready to send), in the
order asked for, and the statuses, reasons and marketplaces of every case the user may see (what the
filters offer; never another user's). Only the columns a list shows are read: no notice, plan or
letter travels to Python.

Search: every word of the text must match. A word matches the case title or the seller name; a word
that looks like an identifier (letters, digits and hyphens, at least 4 characters, a digit among
them: an ASIN such as ``B0C4QZ7M21``, an order id such as ``112-3456789-1234567`` or part of one)
also matches the notice as pasted and the plan (``case_yaml``), which is where a case's ASINs and
order ids are. Matching ignores case (ASCII) and treats ``%`` and ``_`` as plain characters.

Order: ``deadline`` (the default) lists open cases (draft, submitted, rejected) by deadline, soonest
first and those without a deadline after them, then reinstated and closed cases the same way;
``activity`` lists the most recently changed first; ``score`` the highest score of the newest draft
first, cases without a draft last.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    SQLColumnExpression,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from reinstate.store.base import StoreBase
from reinstate.store.errors import InvalidInput
from reinstate.store.models import CASE_STATUSES, Case, CaseShare, DraftVersion, User

CASE_SORTS = ("deadline", "activity", "score")
FINISHED = ("reinstated", "closed")
MAX_TERMS = 8
MAX_TERM_CHARS = 100
IDENTIFIER = re.compile(r"^(?=.*\d)[A-Za-z0-9-]{4,}$")
LIST_COLUMNS = (
    Case.id, Case.title, Case.seller_name, Case.marketplace, Case.reasons, Case.status, Case.deadline,
    Case.updated_at,
)  # fmt: skip


@dataclass(frozen=True)
class CaseQuery:
    """What the list is asked for: search text, filters (``None``: any) and the order."""

    text: str = ""
    status: str | None = None
    reason: str | None = None
    marketplace: str | None = None
    sort: str = "deadline"

    def terms(self) -> list[str]:
        """The search words (at most :data:`MAX_TERMS`, each cut to :data:`MAX_TERM_CHARS`)."""
        return [word[:MAX_TERM_CHARS] for word in self.text.split()][:MAX_TERMS]


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: the case's own fields and its newest draft's number, score and readiness."""

    id: int
    title: str
    seller_name: str
    marketplace: str
    reasons: tuple[str, ...]
    status: str
    deadline: date | None
    updated_at: datetime
    drafts: int
    score: int | None
    ready: bool | None  # None: no draft, or a draft saved before drafts said whether they were ready


@dataclass(frozen=True)
class CaseListing:
    """The matching cases in order, how many cases the user may see, and what the filters can offer."""

    rows: list[CaseRow]
    total: int
    statuses: tuple[str, ...] = field(default_factory=tuple)
    reasons: tuple[str, ...] = field(default_factory=tuple)
    marketplaces: tuple[str, ...] = field(default_factory=tuple)


def is_identifier(word: str) -> bool:
    """Whether a search word looks like an ASIN or an order id (or part of one)."""
    return bool(IDENTIFIER.match(word))


class ListingMixin(StoreBase):
    """The searchable, filterable case list."""

    def case_listing(self, user: User, query: CaseQuery | None = None) -> CaseListing:
        """The cases ``user`` may see (own and shared) that match ``query``, in its order, with the facets."""
        query = query or CaseQuery()
        _check(query)
        with self._read() as session:
            actor = self._actor(session, user)
            visible = _visible(actor.id)
            facets = session.execute(select(Case.status, Case.marketplace, Case.reasons).where(visible)).all()
            newest = (
                select(func.max(DraftVersion.number))
                .where(DraftVersion.case_id == Case.id)
                .correlate(Case)
                .scalar_subquery()
            )
            statement = (
                select(*LIST_COLUMNS, DraftVersion.number, DraftVersion.score, _ready_flag(session))
                .outerjoin(DraftVersion, and_(DraftVersion.case_id == Case.id, DraftVersion.number == newest))
                .where(visible, *_filters(query))
                .order_by(*_order(query.sort))
            )
            rows = [_row(*found) for found in session.execute(statement)]
        return CaseListing(
            rows=rows,
            total=len(facets),
            statuses=tuple(s for s in CASE_STATUSES if any(f.status == s for f in facets)),
            reasons=tuple(sorted({r for f in facets for r in (f.reasons or ())})),
            marketplaces=tuple(sorted({f.marketplace for f in facets if f.marketplace})),
        )


def _row(
    case_id: int, title: str, seller: str, market: str | None, reasons: list[str] | None, status: str,
    deadline: date | None, updated: datetime, number: int | None, score: int | None, flag: object,
) -> CaseRow:  # fmt: skip
    return CaseRow(
        id=case_id, title=title, seller_name=seller, marketplace=market or "", reasons=tuple(reasons or ()),
        status=status, deadline=deadline, updated_at=updated, drafts=number or 0, score=score,
        ready=_flag(flag) if number else None,
    )  # fmt: skip


def _check(query: CaseQuery) -> None:
    if query.sort not in CASE_SORTS:
        raise InvalidInput(
            f"the list cannot be sorted by {query.sort!r}.", key="sort", fix=f"use {', '.join(CASE_SORTS)}."
        )
    if query.status is not None and query.status not in CASE_STATUSES:
        raise InvalidInput(
            f"{query.status!r} is not a case status.", key="status", fix=f"use {', '.join(CASE_STATUSES)}."
        )


def _visible(actor_id: int) -> ColumnElement[bool]:
    """The store's access rule for lists: the user's own cases and the cases shared with them."""
    shared = exists().where(CaseShare.case_id == Case.id, CaseShare.user_id == actor_id)
    return or_(Case.owner_id == actor_id, shared)


def _filters(query: CaseQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    for word in query.terms():
        columns = [Case.title, Case.seller_name]
        if is_identifier(word):
            columns += [Case.notice_text, Case.case_yaml]
        found.append(or_(*(column.icontains(word, autoescape=True) for column in columns)))
    if query.status:
        found.append(Case.status == query.status)
    if query.marketplace:
        found.append(func.upper(Case.marketplace) == query.marketplace.upper())
    if query.reason:
        # The reasons column holds a JSON list; its text holds the id JSON-quoted, exactly as written.
        found.append(cast(Case.reasons, String).contains(json.dumps(query.reason), autoescape=True))
    return found


def _order(sort: str) -> list[SQLColumnExpression[Any]]:
    by_deadline: list[SQLColumnExpression[Any]] = [
        case((Case.status.in_(FINISHED), 1), else_=0),
        Case.deadline.is_(None),
        Case.deadline,
        Case.updated_at.desc(),
        Case.id.desc(),
    ]
    if sort == "activity":
        return [Case.updated_at.desc(), Case.id.desc()]
    if sort == "score":
        return [DraftVersion.score.is_(None), DraftVersion.score.desc(), *by_deadline]
    return by_deadline


def _ready_flag(session: Session) -> ColumnElement[Any]:
    """The newest draft's top-level ``ready``, read by the database (the draft itself stays there)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.json_extract_path_text(cast(DraftVersion.draft_json, JSON), "ready")
    document = DraftVersion.draft_json
    return case((func.json_valid(document) == 1, func.json_extract(document, "$.ready")), else_=None)


def _flag(value: object) -> bool | None:
    """SQLite answers 1/0, PostgreSQL 'true'/'false'; anything else (a missing key, a string) is not known."""
    if isinstance(value, bool):
        return value
    if value in (1, "true"):
        return True
    if value in (0, "false"):
        return False
    return None
