"""The tables of the case store, as typed SQLAlchemy 2 declarative models.

A :class:`Case` belongs to one owner and may be shared with other users (:class:`CaseShare`). It
holds the seller, the notice, the case file (``case_yaml``: root causes, actions and measures, in
the same YAML the command line reads) and, as child rows, the uploaded :class:`Report` files with
their analysis, every :class:`DraftVersion` of the letter with its review, each
:class:`Submission` of an appeal and each :class:`AmazonReply`. Children are deleted with their case
by ``ON DELETE CASCADE`` in the database, so no orphan survives even a crash mid-delete. A signed-in
browser is a :class:`UserSession` row (only the SHA-256 of its token is kept), deleted with its user.

The schema itself is created and changed only by the Alembic migrations in ``migrations/``; a test
checks that these models and the migrated database agree.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

CASE_STATUSES = ("draft", "submitted", "more-info", "reinstated", "rejected", "closed")
REPLY_OUTCOMES = ("accepted", "rejected", "more-info", "other")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (what every timestamp column stores)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no time zone and returns naive values; PostgreSQL returns aware ones. This type
    makes both look the same to the rest of the program.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (so migrations can refer to them)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _case_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)


class User(Base):
    """An account. In single-user mode there is one implicit local user (see ``Store.local_user``)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class UserSession(Base):
    """A signed-in browser: the SHA-256 of the token its cookie carries, and when the session ends.

    The token itself is never stored, so a copy of the database cannot be used to sign in. Ending a
    session deletes its row (see :mod:`reinstate.store.sessions`).
    """

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Case(Base):
    """One suspension case. ``version`` grows by one on every change, for optimistic concurrency."""

    __tablename__ = "cases"
    __table_args__ = (CheckConstraint(f"status IN {CASE_STATUSES!r}", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    seller_name: Mapped[str] = mapped_column(String(200))
    marketplace: Mapped[str] = mapped_column(String(40), default="")
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    deadline: Mapped[date | None] = mapped_column(Date)
    notice_text: Mapped[str] = mapped_column(Text, default="")
    case_yaml: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CaseShare(Base):
    """A user other than the owner who may read and edit a case."""

    __tablename__ = "case_shares"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Report(Base):
    """An uploaded Seller Central report, kept byte for byte, with its analysis as JSON text.

    ``content`` is deferred: listing reports never loads the files themselves.
    """

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("case_id", "sha256", name="uq_reports_case_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = _case_fk()
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    analysis_json: Mapped[str | None] = mapped_column(Text)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CaseDocument(Base):
    """A document the seller will send Amazon (an invoice, a letter of authorization, a utility bill),
    kept byte for byte, with what the document checks found in it as JSON text (``checks_json``).

    ``content`` is deferred like a report's.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("case_id", "sha256", name="uq_documents_case_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = _case_fk()
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    checks_json: Mapped[str | None] = mapped_column(Text)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DraftVersion(Base):
    """One saved draft of the letter; ``number`` counts 1, 2, 3 ... within its case, without gaps."""

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_draft_versions_case_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = _case_fk()
    number: Mapped[int] = mapped_column(Integer)
    letter_text: Mapped[str] = mapped_column(Text)
    draft_json: Mapped[str] = mapped_column(Text)
    review_json: Mapped[str] = mapped_column(Text)
    score: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Submission(Base):
    """An appeal the seller sent to Amazon, naming the draft it used when known."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = _case_fk()
    draft_number: Mapped[int | None] = mapped_column(Integer)
    submitted_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class AmazonReply(Base):
    """What Amazon answered, and how it ended."""

    __tablename__ = "amazon_replies"
    __table_args__ = (CheckConstraint(f"outcome IN {REPLY_OUTCOMES!r}", name="outcome"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = _case_fk()
    received_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20))


def column_values(row: Base) -> dict[str, Any]:
    """The loaded column values of a row (deferred columns that were not loaded are left out)."""
    loaded = row.__dict__
    return {c.key: loaded[c.key] for c in row.__table__.columns if c.key in loaded}
