"""After loading: drop duplicated rows, orders from other marketplaces, and say so.

Duplicates happen when the same download is given twice, or when the "by order date" and "by last
update" All Orders reports overlap: an order line found in several files is kept once, from the file
where it was updated last; identical lines inside one download are all kept (by ``last-updated-date``, compared as ISO text). Metrics are measured per marketplace, so order lines sold on another
Amazon site than most of the orders (or outside Amazon, ``Non-Amazon``) are left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reinstate.reports.dates import marketplace_of
from reinstate.reports.model import Note, ReadResult
from reinstate.reports.tables import table_columns

DEDUPED = ("feedback", "returns", "claims", "late_shipments", "cancellations", "tracking", "deliveries")


def clean(result: ReadResult) -> None:
    """Apply every clean-up step to the tables of ``result``, adding notes."""
    if result.has("orders"):
        _dedupe_orders(result)
        _other_marketplaces(result)
        _future_orders(result)
    for table in DEDUPED:
        if result.has(table):
            _dedupe(result, table)


def _count(result: ReadResult, sql: str) -> int:
    row = result.con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _dedupe_orders(result: ReadResult) -> None:
    con = result.con
    before = _count(result, "SELECT count(*) FROM orders")
    files = _count(result, "SELECT count(DISTINCT file_id) FROM orders")
    if files > 1:
        con.execute(
            f"CREATE OR REPLACE TABLE orders AS WITH k AS (SELECT {result.materialise_lines('orders')}, order_id || '|' || "
            "coalesce(order_item_id, sku, asin, '') AS item_key FROM orders), "
            "best AS (SELECT item_key, arg_max(file_id, (coalesce(last_updated, ''), file_id)) f "
            "FROM k GROUP BY item_key) "
            "SELECT k.* EXCLUDE (item_key) FROM k JOIN best USING (item_key) WHERE k.file_id = best.f"
        )
    _repeated_files(result)
    dropped = before - _count(result, "SELECT count(*) FROM orders")
    if dropped:
        result.notes.append(
            Note(
                _first_path(result, "orders"),
                f"{dropped} order lines appeared more than once (the same download given twice, or "
                "overlapping reports); each line is counted once.",
            )
        )


def _repeated_files(result: ReadResult) -> None:
    """Collapse a file that is one download pasted several times over (every line there k times).

    Otherwise lines of one download are never merged, even when identical: each is a real order line,
    and the return rate's denominator must count every unit. Only the same line in several files, or a
    whole download repeated inside one file, is one line.
    """
    if not _has_duplicates(
        result, "orders", exclude=(), only=("file_id", "order_id", "order_item_id", "sku")
    ):
        return  # no line can repeat: one cheap pass instead of grouping every column
    columns = ", ".join(c for c in table_columns("orders") if c != "line")
    repeated = result.con.execute(
        f"SELECT file_id FROM (SELECT file_id, count(*) AS n FROM orders GROUP BY file_id, {columns}) "
        "GROUP BY file_id HAVING min(n) = max(n) AND min(n) > 1"
    ).fetchall()
    for (file_id,) in repeated:
        result.con.execute(
            "CREATE OR REPLACE TABLE orders AS "
            f"SELECT * EXCLUDE (line), min(line) AS line FROM (SELECT {result.materialise_lines('orders')} "
            f"FROM orders WHERE file_id = {int(file_id)}) GROUP BY ALL "
            f"UNION ALL BY NAME SELECT {result.materialise_lines('orders')} FROM orders WHERE file_id <> {int(file_id)}"
        )


def _has_duplicates(
    result: ReadResult, table: str, exclude: tuple[str, ...], only: tuple[str, ...] | None = None
) -> bool:
    """Whether two rows of ``table`` are equal outside the ``exclude`` columns (by a hash: one cheap pass).

    ``only`` limits the comparison to the columns that identify a row, which is faster on big tables.
    """
    columns = list(only) if only else [c for c in table_columns(table) if c not in exclude]
    row = result.con.execute(
        f"SELECT count(*) - count(DISTINCT hash({', '.join(columns)})) FROM {table}"
    ).fetchone()
    return bool(row and row[0])


def _dedupe(result: ReadResult, table: str) -> None:
    if not _has_duplicates(result, table, exclude=("line", "file_id")):
        return
    before = _count(result, f"SELECT count(*) FROM {table}")
    result.con.execute(
        f"CREATE OR REPLACE TABLE {table} AS SELECT * EXCLUDE (line, file_id), min(file_id) AS file_id, "
        f"min(line) AS line FROM (SELECT {result.materialise_lines(table)} FROM {table}) GROUP BY ALL"
    )
    dropped = before - _count(result, f"SELECT count(*) FROM {table}")
    if dropped:
        result.notes.append(
            Note(
                _first_path(result, table),
                f"{dropped} {table.replace('_', ' ')} rows were exact duplicates of other rows; each is counted once.",
            )
        )


def _other_marketplaces(result: ReadResult) -> None:
    counts = result.con.execute(
        "SELECT sales_channel, count(*) FROM orders WHERE sales_channel IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    if len(counts) < 2:
        return
    main = next((marketplace_of(ch) for ch, _ in counts if marketplace_of(ch)), None)
    if main is None:
        return
    result.marketplace = main
    for channel, _ in counts:
        if marketplace_of(channel) == main:
            continue
        row = result.con.execute(
            f"SELECT count(DISTINCT order_id), min(file_id), min({result.line_sql('orders')}) FROM orders "
            "WHERE sales_channel = ?",
            [channel],
        ).fetchone()
        count, file_id, line = row if row else (0, None, None)
        result.con.execute("DELETE FROM orders WHERE sales_channel = ?", [channel])
        result.notes.append(
            Note(
                result.paths.get(file_id, _first_path(result, "orders"))
                if file_id
                else _first_path(result, "orders"),
                f"{count} orders were sold on '{channel}', not on the main marketplace ({main}); "
                "they are left out because Amazon measures each marketplace on its own.",
                line=line,
                column="sales-channel",
            )
        )


def _future_orders(result: ReadResult) -> None:
    today = dt.datetime.now(dt.UTC).date()
    row = result.con.execute(
        f"SELECT count(DISTINCT order_id), min(file_id), min({result.line_sql('orders')}), max(purchase_date) "
        "FROM orders WHERE purchase_date > ?",
        [today],
    ).fetchone()
    if row and row[0]:
        result.notes.append(
            Note(
                result.paths.get(row[1], _first_path(result, "orders")),
                f"{row[0]} orders have a purchase date after today ({today}), up to {row[3]}; "
                "check the computer's clock or the report. They count only when --as-of reaches them.",
                line=row[2],
                column="purchase-date",
            )
        )


def _first_path(result: ReadResult, table: str) -> Path:
    row = result.con.execute(f"SELECT min(file_id) FROM {table}").fetchone()
    return result.paths.get(row[0] if row else -1, next(iter(result.paths.values())))
