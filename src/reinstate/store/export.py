"""A whole case as plain JSON-ready data: for the export button, the JSON API and backups.

Dates become ISO strings, the stored JSON texts (analysis, draft, review) are parsed back into
data, and report files are included in base64 unless the caller leaves them out.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from reinstate.store.models import (
    AmazonReply,
    Base,
    Case,
    CaseDocument,
    CaseShare,
    DraftVersion,
    Report,
    Submission,
    User,
    utcnow,
)

EXPORT_FORMAT = "reinstate-case-export"
EXPORT_VERSION = 1
JSON_TEXT_COLUMNS = {"analysis_json": "analysis", "draft_json": "draft", "review_json": "review"}


def plain(value: Any) -> Any:
    """A column value as JSON-ready data."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def row_dict(row: Base, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The loaded columns of ``row`` as JSON-ready data; JSON text columns come back parsed."""
    out: dict[str, Any] = {}
    for column in row.__table__.columns:
        if column.key in skip or column.key not in row.__dict__:
            continue
        value = row.__dict__[column.key]
        if column.key in JSON_TEXT_COLUMNS:
            out[JSON_TEXT_COLUMNS[column.key]] = json.loads(value) if value is not None else None
        elif column.key == "content":
            out["content_base64"] = plain(value)
        else:
            out[column.key] = plain(value)
    return out


def case_export(session: Session, case: Case, *, include_report_content: bool) -> dict[str, Any]:
    """Everything stored for ``case`` (already access-checked by the caller)."""
    owner = session.get(User, case.owner_id)
    shares = (
        select(User.email).join(CaseShare, CaseShare.user_id == User.id).where(CaseShare.case_id == case.id)
    )
    reports = select(Report).where(Report.case_id == case.id).order_by(Report.id)
    documents = select(CaseDocument).where(CaseDocument.case_id == case.id).order_by(CaseDocument.id)
    if include_report_content:
        reports = reports.options(undefer(Report.content))
        documents = documents.options(undefer(CaseDocument.content))

    def children(model: type[Base], *order: Any) -> list[dict[str, Any]]:
        rows = session.scalars(select(model).where(model.case_id == case.id).order_by(*order))  # type: ignore[attr-defined]
        return [row_dict(row, skip=("case_id",)) for row in rows]

    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "exported_at": plain(utcnow()),
        "case": {**row_dict(case), "owner_email": owner.email if owner else None},
        "shared_with": sorted(session.scalars(shares)),
        "reports": [row_dict(r, skip=("case_id",)) for r in session.scalars(reports)],
        "documents": [row_dict(d, skip=("case_id",)) for d in session.scalars(documents)],
        "drafts": children(DraftVersion, DraftVersion.number),
        "submissions": children(Submission, Submission.submitted_on, Submission.id),
        "replies": children(AmazonReply, AmazonReply.received_on, AmazonReply.id),
    }
