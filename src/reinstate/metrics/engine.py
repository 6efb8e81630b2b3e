"""The one place metrics talk to DuckDB: run a query on the normalised tables."""

from __future__ import annotations

from typing import Any

from reinstate.reports import ReadResult

CANCELLED = "lower(trim(order_status)) IN ('cancelled', 'canceled')"
MFN = "fulfillment_channel = 'MFN'"  # the readers store MFN/AFN whatever the report's spelling
AFN = "fulfillment_channel = 'AFN'"
CLAIM_KIND = (
    "CASE WHEN regexp_replace(lower(claim_type), '[^a-z]', '', 'g') LIKE '%charge%' THEN 'chargeback' "
    "WHEN regexp_replace(lower(claim_type), '[^a-z]', '', 'g') SIMILAR TO '(atoz|az|atozclaim|atozguarantee|atozguaranteeclaim|guaranteeclaim)' "
    "THEN 'a-to-z' ELSE 'other' END"
)
CLAIM_COUNTS = "regexp_replace(lower(coalesce(status, '')), '[^a-z]', '', 'g') NOT IN ('denied', 'withdrawn')"


def truthy(column: str) -> str:
    """SQL: the column holds a yes-like flag (``Y``, ``Yes``, ``true``, ``1``, ``X``)."""
    return f"coalesce(lower(trim({column})) IN ('y', 'yes', 'true', '1', 'x', 'late', 'valid'), false)"


def run(read: ReadResult, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Run one query on the database of ``read`` and return all rows."""
    return read.con.execute(sql, params or []).fetchall()


def one(read: ReadResult, sql: str, params: list[Any] | None = None) -> tuple[Any, ...]:
    """The first row of a query (a row of NULLs when it returns none)."""
    rows = run(read, sql, params)
    return rows[0] if rows else ()
