"""Upgrading from each earlier revision keeps every row.

For every revision of the packaged migrations, a database is migrated to exactly that revision, filled
through plain SQL written for that revision's schema (a user, a case with a notice and a plan, a report,
a draft, a submission and a reply; from 0002 on, a signed-in session), then opened with
:func:`open_store`, which migrates it to the newest revision. Everything must still be there, readable through the store. A new revision must come
with its seed in ``SEEDS`` (a test says so), so the path from it is tested from the day it lands.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from reinstate.store import open_store
from reinstate.store.engine import MIGRATIONS, build_engine, current_revision, migrate, normalise_url
from reinstate.store.store import LOCAL_EMAIL, LOCAL_PASSWORD_HASH

STAMP = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)
# Column types where the driver needs one (as the migrations declare them).
TYPES: dict[str, sa.types.TypeEngine[Any]] = {
    "reasons": sa.JSON(),
    "created_at": sa.DateTime(timezone=True),
    "updated_at": sa.DateTime(timezone=True),
    "uploaded_at": sa.DateTime(timezone=True),
    "last_seen_at": sa.DateTime(timezone=True),
    "expires_at": sa.DateTime(timezone=True),
    "content": sa.LargeBinary(),
}
SESSION_TOKEN = "a-session-token-from-before-the-upgrade"
REPORT = b"amazon-order-id\tpurchase-date\n111-0000001-0000001\t2026-11-01\n"


def revisions() -> list[str]:
    """Every revision, oldest first."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return [
        script.revision for script in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]


def rows_0001() -> dict[str, dict[str, Any]]:
    """A row for every table of revision 0001, as that revision's schema has them."""
    return {
        "users": {"id": 1, "email": LOCAL_EMAIL, "password_hash": LOCAL_PASSWORD_HASH, "is_admin": True,
                  "created_at": STAMP},
        "cases": {"id": 1, "owner_id": 1, "title": "Kept through upgrades", "seller_name": "Acme Home",
                  "marketplace": "US", "reasons": ["order-defect-rate"], "status": "submitted",
                  "deadline": dt.date(2026, 12, 4), "notice_text": "Your order defect rate is 2.1%.",
                  "case_yaml": "facts:\n- Our warehouse was closed.\n", "version": 3,
                  "created_at": STAMP, "updated_at": STAMP},
        "reports": {"id": 1, "case_id": 1, "filename": "orders.txt", "kind": "all-orders", "size": len(REPORT),
                    "sha256": "0" * 64, "content": REPORT, "analysis_json": '{"metrics": {}}',
                    "uploaded_at": STAMP},
        "draft_versions": {"id": 1, "case_id": 1, "number": 1, "letter_text": "Dear Seller Performance Team,",
                           "draft_json": "{}", "review_json": '{"score": 91}', "score": 91, "created_at": STAMP},
        "submissions": {"id": 1, "case_id": 1, "draft_number": 1, "submitted_on": dt.date(2026, 11, 21),
                        "note": "sent through the appeal form"},
        "amazon_replies": {"id": 1, "case_id": 1, "received_on": dt.date(2026, 11, 23),
                           "text": "Please send invoices.", "outcome": "more-info"},
    }  # fmt: skip


def rows_0002() -> dict[str, dict[str, Any]]:
    """Revision 0001's rows and a session of the user, still valid after the upgrade."""
    session = {"id": 1, "token_hash": hashlib.sha256(SESSION_TOKEN.encode()).hexdigest(), "user_id": 1,
               "user_agent": "Mozilla/5.0", "created_at": STAMP, "last_seen_at": STAMP,
               "expires_at": dt.datetime(2099, 1, 1, tzinfo=dt.UTC)}  # fmt: skip
    return rows_0001() | {"sessions": session}


def insert(connection: Connection, rows: dict[str, dict[str, Any]]) -> None:
    """Insert one row per table through plain SQL (explicit ids)."""
    for table, values in rows.items():
        columns = [sa.column(name, TYPES.get(name)) for name in values]
        connection.execute(sa.insert(sa.table(table, *columns)).values(**values))
    if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
        for table in rows:
            connection.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1)"))


def rows_0003() -> dict[str, dict[str, Any]]:
    """Revision 0002's rows: 0003 only widens the statuses a case may have."""
    return rows_0002()


def rows_0004() -> dict[str, dict[str, Any]]:
    """Revision 0003's rows and a document of the case with what its checks found."""
    document = {"id": 1, "case_id": 1, "filename": "invoice.pdf", "size": 4, "sha256": "1" * 64,
                "content": b"%PDF", "checks_json": '{"type": "invoice"}', "uploaded_at": STAMP}  # fmt: skip
    return rows_0003() | {"documents": document}


SEEDS: dict[str, Callable[[], dict[str, dict[str, Any]]]] = {
    "0001": rows_0001, "0002": rows_0002, "0003": rows_0003, "0004": rows_0004,
}  # fmt: skip


def test_every_revision_has_a_seed() -> None:
    assert list(SEEDS) == revisions(), "add a seed for the new revision to SEEDS"


@pytest.mark.parametrize("revision", revisions())
def test_upgrading_from_an_earlier_revision_keeps_every_row(db_url: str, revision: str) -> None:
    engine = build_engine(normalise_url(db_url))
    migrate(engine, revision)
    assert current_revision(engine) == revision
    with engine.begin() as connection:
        insert(connection, SEEDS[revision]())
    engine.dispose()

    store = open_store(db_url)  # migrates to the newest revision
    try:
        assert current_revision(store.engine) == revisions()[-1]
        user = store.local_user()
        assert user.id == 1
        overview = store.case_overview(user, 1)
        case = overview.case
        assert (case.title, case.seller_name, case.marketplace, case.status) == (
            "Kept through upgrades", "Acme Home", "US", "submitted",
        )  # fmt: skip
        assert case.reasons == ["order-defect-rate"] and case.deadline == dt.date(2026, 12, 4)
        assert case.notice_text.startswith("Your order defect rate") and case.version == 3
        assert store.get_report(user, 1, overview.reports[0].id).content == REPORT
        draft = store.get_draft(user, 1, 1)
        assert draft.letter_text.startswith("Dear") and draft.score == 91
        assert [(s.draft_number, s.submitted_on) for s in overview.submissions] == [
            (1, dt.date(2026, 11, 21))
        ]
        assert [(r.outcome, r.text) for r in overview.replies] == [("more-info", "Please send invoices.")]
        if "documents" in SEEDS[revision]():
            kept_document = store.get_document(user, 1, 1)
            assert (kept_document.filename, kept_document.content) == ("invoice.pdf", b"%PDF")
        # New rows still get fresh ids after the seeded ones.
        assert store.create_case(user, "After the upgrade", "Acme").id == 2
        assert store.add_draft(user, 1, "Second letter", "{}", "{}", 80).number == 2
        # A session from before the upgrade still signs in (0002 on); new sessions work on every path.
        kept = store.session_user(SESSION_TOKEN)
        assert (kept.id if kept else None) == (1 if "sessions" in SEEDS[revision]() else None)
        fresh = store.session_user(store.start_session(user))
        assert fresh is not None and fresh.id == 1
    finally:
        store.close()
