"""Why units came back: ASINs returned far more than the rest, and what the return reasons say."""

from __future__ import annotations

import datetime as dt

from reinstate.diagnose.common import pct, rows_as_dicts, slug, source_sql
from reinstate.diagnose.model import Finding
from reinstate.diagnose.themes import REASON_CAUSES, reason_class_sql
from reinstate.metrics.engine import CANCELLED
from reinstate.reports import ReadResult

REASON = "high-return-rate"
METRIC = "return_rate"


def findings(read: ReadResult, start: dt.date, end: dt.date) -> list[Finding]:
    row = read.con.execute(
        "SELECT coalesce(sum(quantity), 0) FROM returns WHERE return_date BETWEEN ? AND ?", [start, end]
    ).fetchone()
    total = int(row[0]) if row else 0
    if total == 0:
        return []
    return _asins(read, start, end, total) + _classes(read, start, end, total)


def _asins(read: ReadResult, start: dt.date, end: dt.date, total: int) -> list[Finding]:
    rows = read.con.execute(
        f"""WITH r AS (SELECT asin, any_value(sku) AS sku, sum(quantity) AS units,
                arg_max(reason, n) AS top_reason, max(n) AS top_units
            FROM (SELECT asin, sku, reason, quantity, sum(quantity) OVER (PARTITION BY asin, reason) AS n
                  FROM returns WHERE return_date BETWEEN ? AND ? AND asin IS NOT NULL) GROUP BY asin),
        o AS (SELECT asin, sum(quantity) AS sold FROM orders WHERE purchase_date BETWEEN ? AND ?
              AND NOT {CANCELLED} GROUP BY asin)
        SELECT r.asin, r.sku, r.units, coalesce(o.sold, 0), r.top_reason, r.top_units,
            (SELECT sum(quantity) FROM orders WHERE purchase_date BETWEEN ? AND ? AND NOT {CANCELLED})
        FROM r LEFT JOIN o USING (asin) ORDER BY r.units DESC LIMIT 5""",
        [start, end, start, end, start, end],
    ).fetchall()
    out = []
    for asin, sku, units, sold, reason, reason_units, all_sold in rows:
        rest_units, rest_sold = total - units, (all_sold or 0) - sold
        rate = units / sold if sold else None
        rest = rest_units / rest_sold if rest_sold else 0.0
        if units < 3 or units / total < 0.2 or (rate is not None and rate < 2 * rest):
            continue
        rate_text = (
            f", a return rate of {pct(units, sold)} against {pct(rest_units, rest_sold)} for the other products"
            if sold
            else ""
        )
        summary = (
            f"{units} of the {total} units returned ({pct(units, total)}) were SKU {sku} (ASIN {asin}){rate_text}; "
            f"{reason_units} of them gave the reason {reason}."
        )
        evidence = {"asin": asin, "sku": sku, "units_returned": int(units), "units_ordered": int(sold),
                    "top_reason": reason, "rows": _rows(read, start, end, f"asin = '{asin}'")}  # fmt: skip
        cause = REASON_CAUSES.get(str(reason).upper()) if reason_units * 2 >= units else None
        out.append(Finding(f"{METRIC}-asin-{slug(asin)}", REASON, METRIC, "asin", summary, units / total, int(units),
                           total, evidence, f"{REASON}/{cause}" if cause else None))  # fmt: skip
    return out


def _classes(read: ReadResult, start: dt.date, end: dt.date, total: int) -> list[Finding]:
    rows = read.con.execute(
        f"SELECT {reason_class_sql('reason')} AS cls, sum(quantity) AS units, arg_max(reason, quantity) "
        "FROM returns WHERE return_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC",
        [start, end],
    ).fetchall()
    split = {cls: int(units) for cls, units, _ in rows}
    cls, units, _ = rows[0]
    words = {"product": "point to the product or its listing", "logistics": "point to shipping or handling",
             "buyer": "are the buyer's own choice"}  # fmt: skip
    summary = (
        f"{units} of the {total} returned units ({pct(units, total)}) give reasons that {words[cls]} "
        f"(product or listing {split.get('product', 0)}, logistics {split.get('logistics', 0)}, buyer {split.get('buyer', 0)})."
    )
    codes = read.con.execute(
        "SELECT reason, sum(quantity) FROM returns WHERE return_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
        [start, end],
    ).fetchall()
    evidence = {"classes": split, "top_reasons": [{"reason": r, "units": int(u)} for r, u in codes],
                "rows": _rows(read, start, end, f"{reason_class_sql('reason')} = '{cls}'")}  # fmt: skip
    return [Finding(f"{METRIC}-reasons-{cls}", REASON, METRIC, "return-reason-class", summary, units / total,
                    int(units), total, evidence)]  # fmt: skip


def _rows(read: ReadResult, start: dt.date, end: dt.date, where: str) -> list[dict[str, object]]:
    src = source_sql(read, "file_id", read.line_sql("returns"))
    return rows_as_dicts(
        read,
        f"SELECT kind, order_id, return_date, sku, asin, quantity, reason, disposition, customer_comments, "
        f"{src} AS source FROM returns WHERE return_date BETWEEN ? AND ? AND ({where}) ORDER BY return_date",
        [start, end],
    )
