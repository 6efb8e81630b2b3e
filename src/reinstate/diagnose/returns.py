"""Why units came back: ASINs returned far more than the rest, and what the return reasons say."""

from __future__ import annotations

import datetime as dt

from reinstate.diagnose.common import pct, rows_as_dicts, slug, source_sql
from reinstate.diagnose.model import Finding
from reinstate.diagnose.themes import REASON_CAUSES, reason_class_sql, reason_code_zh
from reinstate.metrics.engine import CANCELLED
from reinstate.reports import ReadResult

REASON = "high-return-rate"
METRIC = "return_rate"
CLASS_WORDS = {"product": "point to the product or its listing", "logistics": "point to shipping or handling",
               "buyer": "are the buyer's own choice"}  # fmt: skip
CLASS_WORDS_ZH = {
    "product": "指向商品本身或商品详情页",
    "logistics": "指向配送或仓储环节",
    "buyer": "属于买家自身原因",
}
CLASS_NAMES = {"product": "product or listing", "logistics": "logistics", "buyer": "buyer"}
CLASS_NAMES_ZH = {"product": "商品或详情页问题", "logistics": "物流问题", "buyer": "买家原因"}


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
        f"""WITH r AS (SELECT asin, min(sku) AS sku, sum(quantity) AS units,
                first(reason ORDER BY n DESC, reason) AS top_reason, max(n) AS top_units
            FROM (SELECT asin, sku, reason, quantity, sum(quantity) OVER (PARTITION BY asin, reason) AS n
                  FROM returns WHERE return_date BETWEEN ? AND ? AND asin IS NOT NULL) GROUP BY asin),
        o AS (SELECT asin, sum(quantity) AS sold FROM orders WHERE purchase_date BETWEEN ? AND ?
              AND NOT {CANCELLED} GROUP BY asin)
        SELECT r.asin, r.sku, r.units, coalesce(o.sold, 0), r.top_reason, r.top_units,
            (SELECT sum(quantity) FROM orders WHERE purchase_date BETWEEN ? AND ? AND NOT {CANCELLED})
        FROM r LEFT JOIN o USING (asin) ORDER BY r.units DESC, r.asin LIMIT 5""",
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
        summary_zh = _asin_zh((sku, asin, reason), (units, total, sold, rest_units, rest_sold, reason_units))
        evidence = {"asin": asin, "sku": sku, "units_returned": int(units), "units_ordered": int(sold),
                    "top_reason": reason, "rows": _rows(read, start, end, f"asin = '{asin}'")}  # fmt: skip
        cause = REASON_CAUSES.get(str(reason).upper()) if reason_units * 2 >= units else None
        out.append(Finding(f"{METRIC}-asin-{slug(asin)}", REASON, METRIC, "asin", summary, units / total, int(units),
                           total, evidence, f"{REASON}/{cause}" if cause else None, summary_zh=summary_zh))  # fmt: skip
    return out


def _asin_zh(names: tuple[object, object, object], counts: tuple[int, int, int, int, int, int]) -> str:
    """The Chinese sentence of an ASIN finding.

    ``names`` = (SKU, ASIN, top reason code); ``counts`` = (units returned of the ASIN, all units
    returned, units of it sold, units of the other products returned, sold, units with the top reason).
    """
    sku, asin, reason = names
    units, total, sold, rest_units, rest_sold, reason_units = counts
    rate = f"，其退货率为 {pct(units, sold)}，而其他商品只有 {pct(rest_units, rest_sold)}" if sold else ""
    return (
        f"退回的 {total} 件商品中有 {units} 件（{pct(units, total)}）是 SKU {sku}（ASIN {asin}）{rate}；"
        f"其中 {reason_units} 件的退货原因是 {reason_code_zh(reason)}。"
    )


def _classes(read: ReadResult, start: dt.date, end: dt.date, total: int) -> list[Finding]:
    rows = read.con.execute(
        f"SELECT {reason_class_sql('reason')} AS cls, sum(quantity) AS units, arg_max(reason, quantity) "
        "FROM returns WHERE return_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1",
        [start, end],
    ).fetchall()
    split = {cls: int(units) for cls, units, _ in rows}
    cls, units, _ = rows[0]
    parts = ", ".join(f"{name} {split.get(key, 0)}" for key, name in CLASS_NAMES.items())
    parts_zh = "，".join(f"{name} {split.get(key, 0)} 件" for key, name in CLASS_NAMES_ZH.items())
    summary = f"{units} of the {total} returned units ({pct(units, total)}) give reasons that {CLASS_WORDS[cls]} ({parts})."
    summary_zh = f"退回的 {total} 件商品中有 {units} 件（{pct(units, total)}）的退货原因{CLASS_WORDS_ZH[cls]}（{parts_zh}）。"
    codes = read.con.execute(
        "SELECT reason, sum(quantity) FROM returns WHERE return_date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5",
        [start, end],
    ).fetchall()
    evidence = {"classes": split, "top_reasons": [{"reason": r, "units": int(u)} for r, u in codes],
                "rows": _rows(read, start, end, f"{reason_class_sql('reason')} = '{cls}'")}  # fmt: skip
    return [Finding(f"{METRIC}-reasons-{cls}", REASON, METRIC, "return-reason-class", summary, units / total,
                    int(units), total, evidence, summary_zh=summary_zh)]  # fmt: skip


def _rows(read: ReadResult, start: dt.date, end: dt.date, where: str) -> list[dict[str, object]]:
    src = source_sql(read, "file_id", read.line_sql("returns"))
    return rows_as_dicts(
        read,
        f"SELECT kind, order_id, return_date, sku, asin, quantity, reason, disposition, customer_comments, "
        f"{src} AS source FROM returns WHERE return_date BETWEEN ? AND ? AND ({where}) ORDER BY return_date, order_id, kind, line",
        [start, end],
    )
