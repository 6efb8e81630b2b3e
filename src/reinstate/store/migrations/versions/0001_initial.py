"""The first schema: users, cases, shares, reports, drafts, submissions and Amazon's replies.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    _users()
    _cases()
    _children()


def _users() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("email", name="uq_users_email"),
    )


def _cases() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("seller_name", sa.String(200), nullable=False),
        sa.Column("marketplace", sa.String(40), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("notice_text", sa.Text(), nullable=False),
        sa.Column("case_yaml", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_cases_owner_id_users", ondelete="CASCADE"
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'reinstated', 'rejected', 'closed')", name="ck_cases_status"
        ),
    )
    op.create_index("ix_cases_owner_id", "cases", ["owner_id"])
    op.create_table(
        "case_shares",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "user_id", name="pk_case_shares"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_shares_case_id_cases", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_case_shares_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_case_shares_user_id", "case_shares", ["user_id"])


def _children() -> None:
    _child(
        "reports",
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("analysis_json", sa.Text(), nullable=True),
        sa.Column("uploaded_at", STAMP, nullable=False),
        sa.UniqueConstraint("case_id", "sha256", name="uq_reports_case_sha256"),
    )
    _child(
        "draft_versions",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("letter_text", sa.Text(), nullable=False),
        sa.Column("draft_json", sa.Text(), nullable=False),
        sa.Column("review_json", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.UniqueConstraint("case_id", "number", name="uq_draft_versions_case_number"),
    )
    _child(
        "submissions",
        sa.Column("draft_number", sa.Integer(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    _child(
        "amazon_replies",
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('accepted', 'rejected', 'more-info', 'other')", name="ck_amazon_replies_outcome"
        ),
    )


def _child(table: str, *columns: sa.Column[object] | sa.Constraint) -> None:
    """A table that belongs to one case and disappears with it."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=f"fk_{table}_case_id_cases", ondelete="CASCADE"
        ),
    )
    op.create_index(f"ix_{table}_case_id", table, ["case_id"])


def downgrade() -> None:
    for table in ("amazon_replies", "submissions", "draft_versions", "reports"):
        op.drop_index(f"ix_{table}_case_id", table_name=table)
        op.drop_table(table)
    op.drop_index("ix_case_shares_user_id", table_name="case_shares")
    op.drop_table("case_shares")
    op.drop_index("ix_cases_owner_id", table_name="cases")
    op.drop_table("cases")
    op.drop_table("users")
