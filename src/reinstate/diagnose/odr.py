"""Why orders were defective: bursts of order dates, SKUs, channels, services, places, themes, claims."""

from __future__ import annotations

import datetime as dt

from reinstate.diagnose.common import (
    Burst,
    find_burst,
    notable,
    pct,
    rows_as_dicts,
    slug,
    source_sql,
    zh_word,
)
from reinstate.diagnose.model import Finding
from reinstate.diagnose.themes import THEMES, theme_sql
from reinstate.metrics.engine import CLAIM_COUNTS, CLAIM_KIND
from reinstate.metrics.orders import window_orders
from reinstate.reports import ReadResult

REASON = "order-defect-rate"
METRIC = "order_defect_rate"
DIMENSIONS = (
    ("sku", "SKU", "sku"),
    ("channel", "fulfilment channel", "channel"),
    ("ship_service_level", "ship service level", "ship-service-level"),
    ("ship_state", "ship state", "ship-state"),
)
DIMENSIONS_ZH = {
    "sku": "SKU",
    "channel": "配送渠道",
    "ship_service_level": "配送服务级别",
    "ship_state": "收货州/省",
}
CHANNELS_ZH = {"MFN": "MFN（自发货）", "AFN": "AFN（亚马逊物流 FBA）", "other": "other（其他渠道）"}
COMPONENT_WORDS = {
    "negative-feedback": "had 1- or 2-star feedback",
    "a-to-z-claim": "had an A-to-z claim",
    "chargeback": "had a chargeback",
}
COMPONENT_WORDS_ZH = {
    "negative-feedback": "收到了 1 星或 2 星的负面反馈",
    "a-to-z-claim": "被买家提出了 A-to-z 索赔",
    "chargeback": "发生了信用卡拒付",
}
THEME_WORDS = {
    "never-arrived": "saying the item never arrived", "late": "complaining that the order was late",
    "damaged": "saying the item arrived damaged", "wrong-item": "saying the wrong item was sent",
    "not-as-described": "saying the item was not as described", "used": "saying the item was used",
    "counterfeit": "calling the item fake", "rude": "complaining about the seller's replies",
}  # fmt: skip
THEME_WORDS_ZH = {
    "never-arrived": "说没有收到货", "late": "抱怨订单送达太晚", "damaged": "说商品到货时已损坏",
    "wrong-item": "说发错了商品", "not-as-described": "说商品与描述不符", "used": "说商品是用过的",
    "counterfeit": "说商品是假货", "rude": "抱怨卖家的回复",
}  # fmt: skip


def _of_defective(count: int, total: int) -> str:
    """Chinese opening shared by the ODR sentences: "X 个缺陷订单中有 Y 个（Z%）"."""
    return f"{total} 个缺陷订单中有 {count} 个（{pct(count, total)}）"


def build(read: ReadResult, start: dt.date, end: dt.date) -> None:
    """Temp table ``odr``: one row per order counted in the ODR window, with its defects and texts."""
    read.con.execute(
        f"""CREATE OR REPLACE TEMP TABLE odr AS
        WITH o AS (SELECT * FROM {window_orders(read, start, end)}),
        f AS (SELECT order_id, min(rating) AS rating, string_agg(comments, ' | ') AS comment,
                min(file_id) AS f_file, min({read.line_sql("feedback")}) AS f_line FROM feedback WHERE rating IN (1, 2) GROUP BY order_id),
        c AS (SELECT order_id, bool_or({CLAIM_KIND} = 'a-to-z') AS az, bool_or({CLAIM_KIND} = 'chargeback') AS cb,
                string_agg(reason, ' | ') AS claim_reason, min(file_id) AS c_file, min({read.line_sql("claims")}) AS c_line
            FROM claims WHERE {CLAIM_KIND} IN ('a-to-z', 'chargeback') AND {CLAIM_COUNTS} GROUP BY order_id)
        SELECT o.*, f.rating IS NOT NULL AS neg, coalesce(c.az, false) AS az, coalesce(c.cb, false) AS cb,
            f.comment, f.rating, c.claim_reason, f.f_file, f.f_line, c.c_file, c.c_line,
            CASE WHEN f.comment IS NOT NULL OR c.claim_reason IS NOT NULL
                THEN coalesce({theme_sql("f.comment")}, {theme_sql("c.claim_reason")}) END AS theme
        FROM o LEFT JOIN f USING (order_id) LEFT JOIN c USING (order_id)"""
    )


def evidence_sql(read: ReadResult, where: str) -> str:
    src_o = source_sql(read, "o_file", "o_line")
    src_f = source_sql(read, "f_file", "f_line")
    src_c = source_sql(read, "c_file", "c_line")
    return (
        "SELECT order_id, purchase_date, sku, asin, channel, ship_service_level, ship_state, "
        "string_split(concat_ws(',', CASE WHEN neg THEN 'negative-feedback' END, CASE WHEN az THEN 'a-to-z-claim' END, "
        "CASE WHEN cb THEN 'chargeback' END), ',') AS defects, rating, comment, claim_reason, theme, "
        f"{src_o} AS order_source, {src_f} AS feedback_source, {src_c} AS claim_source "
        f"FROM odr WHERE (neg OR az OR cb) AND ({where}) ORDER BY purchase_date, order_id"
    )


def findings(read: ReadResult, start: dt.date, end: dt.date) -> list[Finding]:
    build(read, start, end)
    row = read.con.execute("SELECT count(*) FILTER (neg OR az OR cb), count(*) FROM odr").fetchone()
    total, orders = (int(row[0]), int(row[1])) if row else (0, 0)
    if total == 0:
        return []
    out = _components(read, total)
    burst = _burst(read, total, orders)
    if burst:
        out.append(burst)
    seen = {_orders_of(f) for f in out}
    for finding in _dimensions(read, total, orders):
        if _orders_of(finding) not in seen:  # the same orders seen through another column say nothing new
            seen.add(_orders_of(finding))
            out.append(finding)
    out += _themes(read, total)
    return out


def _orders_of(finding: Finding) -> frozenset[str]:
    return frozenset(str(row.get("order_id")) for row in finding.evidence.get("rows", []))


def _components(read: ReadResult, total: int) -> list[Finding]:
    row = read.con.execute(
        "SELECT count(*) FILTER (neg), count(*) FILTER (az), count(*) FILTER (cb) FROM odr"
    ).fetchone()
    neg, az, cb = (int(v) for v in row) if row else (0, 0, 0)
    kinds = sorted(
        [(neg, "negative-feedback", "neg"), (az, "a-to-z-claim", "az"), (cb, "chargeback", "cb")],
        reverse=True,
    )
    count, name, col = kinds[0]
    summary = (
        f"{count} of the {total} defective orders ({pct(count, total)}) {COMPONENT_WORDS[name]}; "
        f"negative feedback {neg}, A-to-z claims {az}, chargebacks {cb}."
    )
    summary_zh = (
        f"{_of_defective(count, total)}{COMPONENT_WORDS_ZH[name]}。"
        f"按类型分：负面反馈 {neg} 个，A-to-z 索赔 {az} 个，信用卡拒付 {cb} 个。"
    )
    return [
        Finding(
            f"{METRIC}-component-{name}", REASON, METRIC, "component", summary, count / total, count, total,
            {"negative_feedback": neg, "a_to_z_claims": az, "chargebacks": cb, "rows": rows_as_dicts(read, evidence_sql(read, col))},
            summary_zh=summary_zh,
        )
    ]  # fmt: skip


def _burst(read: ReadResult, total: int, orders: int) -> Finding | None:
    days = {
        d: (int(p), int(a))
        for d, p, a in read.con.execute(
            "SELECT purchase_date, count(*) FILTER (neg OR az OR cb), count(*) FROM odr GROUP BY 1"
        ).fetchall()
    }
    burst = find_burst(days, total, orders)
    if burst is None:
        return None
    return burst_finding(read, burst, total, orders)


def burst_finding(read: ReadResult, burst: Burst, total: int, orders: int) -> Finding:
    where = f"purchase_date BETWEEN DATE '{burst.start}' AND DATE '{burst.end}'"
    confirmed = read.con.execute(
        "SELECT count(*) FILTER (confirmed_ship_date BETWEEN ? AND ?), min(expected_ship_date) <= ? "
        "AND max(expected_ship_date) >= ? FROM late_shipments",
        [burst.start, burst.end, burst.start, burst.end],
    ).fetchone()
    has_lsr = bool(confirmed and confirmed[1])
    summary = (
        f"{burst.count} of the {total} defective orders ({pct(burst.count, total)}) were placed between "
        f"{burst.start} and {burst.end}, days that had only {pct(burst.population, orders)} of all orders."
    )
    summary_zh = (
        f"{_of_defective(burst.count, total)}的下单日期在 {burst.start} 至 {burst.end} 之间，"
        f"而这几天的订单只占全部订单的 {pct(burst.population, orders)}。"
    )
    evidence = {"start": burst.start.isoformat(), "end": burst.end.isoformat(), "orders_in_period": burst.population,
                "rows": rows_as_dicts(read, evidence_sql(read, where))}  # fmt: skip
    if has_lsr and confirmed:
        evidence["shipments_confirmed_in_period"] = int(confirmed[0])
        if confirmed[0] == 0:
            summary = summary[:-1] + ", and no shipment was confirmed in those days."
            summary_zh = summary_zh[:-1] + "；这几天也没有任何一笔订单确认发货。"
    return Finding(
        f"{METRIC}-burst-{burst.start}", REASON, METRIC, "order-date-burst", summary, burst.count / total,
        burst.count, total, evidence, f"{REASON}/listings-active-during-closure", summary_zh=summary_zh,
    )  # fmt: skip


def _dimensions(read: ReadResult, total: int, orders: int) -> list[Finding]:
    out = []
    for column, label, header in DIMENSIONS:
        rows = read.con.execute(
            f"SELECT {column}, count(*) FILTER (neg OR az OR cb), count(*), min(asin) FROM odr "
            f"WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3"
        ).fetchall()
        for value, count, population, asin in rows:
            if not notable(int(count), total, int(population), orders):
                continue
            extra = f" (ASIN {asin})" if column == "sku" and asin else ""
            summary = (
                f"{count} of the {total} defective orders ({pct(count, total)}) were {label} {value}{extra}, "
                f"which had {pct(population, orders)} of all orders."
            )
            summary_zh = _dimension_zh(
                column, value, asin if extra else None, (int(count), total, population, orders)
            )
            where = f"{column} = '{str(value).replace(chr(39), chr(39) * 2)}'"
            evidence = {"column": header, "value": value, "orders_in_group": int(population),
                        "rows": rows_as_dicts(read, evidence_sql(read, where))}  # fmt: skip
            out.append(Finding(f"{METRIC}-{slug(column)}-{slug(value)}", REASON, METRIC, column.replace("_", "-"),
                               summary, count / total, int(count), total, evidence, summary_zh=summary_zh))  # fmt: skip
    return out


def _dimension_zh(column: str, value: object, asin: object, counts: tuple[int, int, int, int]) -> str:
    """The Chinese sentence of a dimension finding; ``counts`` = (defects in group, defects, group, orders)."""
    count, total, population, orders = counts
    label = zh_word(DIMENSIONS_ZH[column])
    if column == "channel":
        shown = CHANNELS_ZH.get(str(value), str(value))
    else:
        shown = f"{value}（ASIN {asin}）" if asin else str(value)
    return (
        f"{_of_defective(count, total)}的{label}为 {shown}，"
        f"而这一{label}的订单只占全部订单的 {pct(population, orders)}。"
    )


def _themes(read: ReadResult, total: int) -> list[Finding]:
    rows = read.con.execute(
        "SELECT theme, count(*) FROM odr WHERE (neg OR az OR cb) AND theme IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    out = []
    for theme, count in rows:
        if count < 2 or count / total < 0.2:
            continue
        summary = f"{count} of the {total} defective orders ({pct(count, total)}) have feedback or a claim {THEME_WORDS[theme]}."
        summary_zh = f"{_of_defective(int(count), total)}的反馈或索赔{THEME_WORDS_ZH[theme]}。"
        evidence = {"theme": theme, "rows": rows_as_dicts(read, evidence_sql(read, f"theme = '{theme}'"))}
        cause = THEMES[theme][1]
        out.append(
            Finding(
                f"{METRIC}-theme-{theme}",
                REASON,
                METRIC,
                "theme",
                summary,
                count / total,
                int(count),
                total,
                evidence,
                cause,
                summary_zh=summary_zh,
            )
        )
    return out
