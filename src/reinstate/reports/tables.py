"""The normalised tables every report type is loaded into, and the SQL that types each value."""

from __future__ import annotations

from reinstate.reports.dates import date_sql
from reinstate.reports.formats import BY_TYPE, ReportFormat

TABLE_OF = {
    "all-orders": "orders",
    "seller-feedback": "feedback",
    "fba-returns": "returns",
    "mfn-returns": "returns",
    "claims": "claims",
    "late-shipment": "late_shipments",
    "cancellations": "cancellations",
    "valid-tracking": "tracking",
    "on-time-delivery": "deliveries",
}
INTEGERS = {"quantity", "rating"}
DECIMALS = {"amount", "item_price"}
FREE_TEXT = {"product_name", "comments", "customer_comments", "response"}


def table_columns(table: str) -> dict[str, str]:
    """Column -> SQL type of a normalised table (the union of the formats loaded into it)."""
    columns: dict[str, str] = {"file_id": "INTEGER", "line": "BIGINT"}
    if table == "returns":
        columns["kind"] = "VARCHAR"
    for fmt in BY_TYPE.values():
        if TABLE_OF[fmt.type] != table:
            continue
        for col in fmt.columns:
            if col not in fmt.unloaded:
                columns[col] = _sql_type(fmt, col)
    return columns


def _sql_type(fmt: ReportFormat, col: str) -> str:
    if col in fmt.date_columns:
        return "DATE"
    if col in INTEGERS:
        return "BIGINT"
    if col in DECIMALS:
        return "DOUBLE"
    return "VARCHAR"


def create_sql(table: str) -> str:
    cols = ", ".join(f"{name} {kind}" for name, kind in table_columns(table).items())
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols})"


def value_sql(
    fmt: ReportFormat,
    col: str,
    source: str,
    order: tuple[str, str | None],
    padded: frozenset[str] = frozenset(),
) -> str:
    """SQL giving the typed value of canonical column ``col`` from the text column ``source``.

    ``order`` is, for a date column, the day/month/year order of its slashed dates and the format
    most of its values use. A text column is trimmed only when it is in ``padded`` (values with
    spaces around them were seen): trimming a million values that need none costs a third of a second.
    """
    kind = _sql_type(fmt, col)
    if kind == "DATE":
        return date_sql(source, *order)
    if col == "rating":
        return f"try_cast(regexp_extract(trim({source}), '^[0-9]+') AS BIGINT)"
    # Each conversion tries the plain form first: the slow general one runs only where it fails.
    if kind == "BIGINT":
        slow = f"try_cast(try_cast(replace(trim({source}), ',', '.') AS DOUBLE) AS BIGINT)"
        return f"coalesce(try_cast({source} AS BIGINT), {slow})"
    if kind == "DOUBLE":
        digits = f"regexp_replace(trim({source}), '[^0-9.,-]', '', 'g')"
        slow = (
            f"try_cast(CASE WHEN {digits} ~ '.*,[0-9]{{1,2}}$' "
            f"THEN replace(replace({digits}, '.', ''), ',', '.') ELSE replace({digits}, ',', '') END AS DOUBLE)"
        )
        return f"coalesce(try_cast({source} AS DOUBLE), {slow})"
    if col == "fulfillment_channel":  # Amazon writes MFN/AFN or Merchant/Amazon: keep one spelling
        return (
            f"CASE upper(trim({source})) WHEN 'MERCHANT' THEN 'MFN' WHEN 'SELLER' THEN 'MFN' WHEN 'DEFAULT' THEN 'MFN' "
            f"WHEN 'AMAZON' THEN 'AFN' WHEN '' THEN NULL ELSE upper(trim({source})) END"
        )
    if col in FREE_TEXT or col not in padded:  # DuckDB already reads an empty field as NULL
        return source
    return f"nullif(trim({source}), '')"


def insert_sql(
    fmt: ReportFormat,
    staging: str,
    mapped: dict[str, str],
    file_id: int,
    orders: dict[str, tuple[str, str | None]],
    padded: frozenset[str] = frozenset(),
) -> str:
    """INSERT moving one staging table (text columns named by canonical column) into its table."""
    table = TABLE_OF[fmt.type]
    names: list[str] = ["file_id", "line"]
    values: list[str] = [str(file_id), "line"]
    if table == "returns":
        names.append("kind")
        values.append("'fba'" if fmt.type == "fba-returns" else "'mfn'")
    for col, source in mapped.items():
        names.append(col)
        values.append(value_sql(fmt, col, source, orders.get(col, ("mdy", None)), padded))
    not_blank = " OR ".join(f"nullif(trim({source}), '') IS NOT NULL" for source in mapped.values())
    return f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(values)} FROM {staging} WHERE {not_blank}"
