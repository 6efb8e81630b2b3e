"""A case Amazon asked for more information is in its own state, not "submitted" (issue 15).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = "status IN ('draft', 'submitted', 'reinstated', 'rejected', 'closed')"
AFTER = "status IN ('draft', 'submitted', 'more-info', 'reinstated', 'rejected', 'closed')"


def _status_check(condition: str) -> None:
    # SQLite cannot alter a CHECK: batch mode copies the table with the new constraint in place.
    with op.batch_alter_table("cases", recreate="auto") as batch:
        batch.drop_constraint("ck_cases_status", type_="check")
        batch.create_check_constraint("ck_cases_status", condition)


def upgrade() -> None:
    _status_check(AFTER)


def downgrade() -> None:
    op.execute("UPDATE cases SET status = 'submitted' WHERE status = 'more-info'")
    _status_check(BEFORE)
