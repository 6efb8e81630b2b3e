"""Why shipments were late, untracked, delivered late or cancelled: bursts, carriers, services, places."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reinstate.diagnose.common import find_burst, notable, pct, rows_as_dicts, slug, source_sql, zh_word
from reinstate.diagnose.model import Finding
from reinstate.metrics.engine import CANCELLED, MFN, truthy
from reinstate.metrics.health import LATE
from reinstate.reports import ReadResult


@dataclass(frozen=True)
class Problem:
    """One metric's problem rows: which table, which rows are bad, which date places them."""

    reason: str
    metric: str
    table: str
    bad: str
    date: str
    noun: str  # "late shipments"
    columns: tuple[tuple[str, str, str | None], ...]  # (column, label, kb cause)
    burst_cause: str | None
    params: tuple[object, ...] = ()


# English noun of a problem -> (Chinese noun, measure word, what all the rows are, the date that places them)
NOUNS_ZH: dict[str, tuple[str, str, str, str]] = {
    "late shipments": ("迟发订单", "个", "发货订单", "预计发货日期"),
    "packages without valid tracking": ("没有有效追踪的包裹", "个", "包裹", "日期"),
    "late deliveries": ("未准时送达的包裹", "个", "包裹", "承诺送达日期"),
    "seller-fulfilled cancellations": ("被取消的自发货订单", "个", "自发货订单", "下单日期"),
}
LABELS_ZH = {"carrier": "承运商", "ship method": "配送方式", "ship state": "收货州/省", "SKU": "SKU"}


def _of_problems(problem: Problem, count: int, total: int) -> str:
    """Chinese opening shared by the sentences: "X 个迟发订单中有 Y 个（Z%）"."""
    noun, measure, _, _ = NOUNS_ZH[problem.noun]
    return f"{total} {measure}{noun}中有 {count} {measure}（{pct(count, total)}）"


def problems(as_of: dt.date) -> list[Problem]:
    invalid = f"({truthy('no_valid_tracking')} OR coalesce(lower(trim(valid_tracking)) IN ('n', 'no', 'false', '0'), false))"
    late_delivery = f"NOT ({truthy('on_time')} OR (on_time IS NULL AND delivered_date IS NOT NULL AND delivered_date <= promised_date))"
    return [
        Problem("late-shipment-rate", "late_shipment_rate", "late_shipments", LATE,
                "coalesce(expected_ship_date, order_date)", "late shipments",
                (("carrier", "carrier", None), ("ship_method", "ship method", None)),
                "late-shipment-rate/closure-without-vacation-mode", (as_of,)),
        Problem("valid-tracking-rate", "valid_tracking_rate", "tracking", invalid,
                "coalesce(promised_date, ship_date)", "packages without valid tracking",
                (("carrier", "carrier", "valid-tracking-rate/untracked-shipping-service"),
                 ("ship_method", "ship method", "valid-tracking-rate/untracked-shipping-service")), None),
        Problem("on-time-delivery-rate", "on_time_delivery_rate", "deliveries", late_delivery,
                "promised_date", "late deliveries",
                (("carrier", "carrier", "on-time-delivery-rate/slow-service-for-promise"),
                 ("ship_state", "ship state", "on-time-delivery-rate/remote-regions-same-promise")), None),
        Problem("pre-fulfillment-cancel-rate", "pre_fulfillment_cancel_rate", "orders",
                f"{CANCELLED} AND {MFN}", "purchase_date", "seller-fulfilled cancellations",
                (("sku", "SKU", None),), "pre-fulfillment-cancel-rate/unconfirmed-orders-auto-cancelled"),
    ]  # fmt: skip


def findings(read: ReadResult, problem: Problem, start: dt.date, end: dt.date) -> list[Finding]:
    """Bursts by date and concentrations by carrier, method, state or SKU for one metric."""
    scope = f"FROM {problem.table} WHERE {problem.date} BETWEEN ? AND ?"
    if problem.table == "orders":
        scope += f" AND {MFN}"
    params = [*problem.params, start, end]
    row = read.con.execute(f"SELECT count(*) FILTER ({problem.bad}), count(*) {scope}", params).fetchone()
    total, population = (int(row[0]), int(row[1])) if row else (0, 0)
    if total == 0:
        return []
    out: list[Finding] = []
    days = {
        d: (int(p), int(a))
        for d, p, a in read.con.execute(
            f"SELECT {problem.date}, count(*) FILTER ({problem.bad}), count(*) {scope} GROUP BY 1", params
        ).fetchall()
        if d is not None
    }
    burst = find_burst(days, total, population)
    if burst and problem.burst_cause:
        out.append(_burst(read, problem, scope, params, burst.start, burst.end, burst.count, total))
    for column, label, cause in problem.columns:
        out += _column(read, problem, scope, params, column, label, cause, (total, population))
    return out


def _evidence(read: ReadResult, problem: Problem, scope: str, where: str) -> str:
    source = source_sql(read, "file_id", read.line_sql(problem.table))
    return (
        f"SELECT * EXCLUDE (file_id, line), {source} AS source {scope} AND {problem.bad} AND ({where}) "
        f"ORDER BY {problem.date}, file_id, line"
    )


def _burst(read: ReadResult, problem: Problem, scope: str, params: list[object], start: dt.date, end: dt.date,
           count: int, total: int) -> Finding:  # fmt: skip
    where = f"{problem.date} BETWEEN DATE '{start}' AND DATE '{end}'"
    summary = f"{count} of the {total} {problem.noun} ({pct(count, total)}) fall between {start} and {end}."
    summary_zh = (
        f"{_of_problems(problem, count, total)}的{NOUNS_ZH[problem.noun][3]}在 {start} 至 {end} 之间。"
    )
    evidence: dict[str, object] = {"start": start.isoformat(), "end": end.isoformat()}
    if problem.table == "late_shipments":
        row = read.con.execute(
            "SELECT count(*) FROM late_shipments WHERE confirmed_ship_date BETWEEN ? AND ?", [start, end]
        ).fetchone()
        evidence["shipments_confirmed_in_period"] = int(row[0]) if row else 0
        if row and row[0] == 0 and (end - start).days >= 1:
            summary = summary[:-1] + ", and no shipment was confirmed in those days."
            summary_zh = summary_zh[:-1] + "；这几天也没有任何一笔订单确认发货。"
    evidence["rows"] = _rows(read, problem, scope, params, where)
    return Finding(f"{problem.metric}-burst-{start}", problem.reason, problem.metric, "date-burst", summary,
                   count / total, count, total, evidence, problem.burst_cause, summary_zh=summary_zh)  # fmt: skip


def _rows(
    read: ReadResult, problem: Problem, scope: str, params: list[object], where: str
) -> list[dict[str, object]]:
    return rows_as_dicts(read, _evidence(read, problem, scope, where), list(params))


def _column(read: ReadResult, problem: Problem, scope: str, params: list[object], column: str, label: str,
            cause: str | None, totals: tuple[int, int]) -> list[Finding]:  # fmt: skip
    total, population = totals
    rows = read.con.execute(
        f"SELECT {column}, count(*) FILTER ({problem.bad}), count(*) {scope} AND {column} IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3",
        params,
    ).fetchall()
    out = []
    for value, count, group in rows:
        if not notable(int(count), total, int(group), population, min_share=0.3):
            continue
        summary = (
            f"{count} of the {total} {problem.noun} ({pct(count, total)}) used {label} {value}, "
            f"which carried {pct(group, population)} of all of them."
        )
        label_zh, everything = zh_word(LABELS_ZH[label]), NOUNS_ZH[problem.noun][2]
        summary_zh = (
            f"{_of_problems(problem, int(count), total)}的{label_zh}为 {value}，"
            f"而{label_zh}为 {value} 的{everything}只占全部{everything}的 {pct(group, population)}。"
        )
        where = f"{column} = '{str(value).replace(chr(39), chr(39) * 2)}'"
        evidence = {"column": column, "value": value, "rows": _rows(read, problem, scope, params, where)}
        out.append(Finding(f"{problem.metric}-{slug(column)}-{slug(value)}", problem.reason, problem.metric,
                           column.replace("_", "-"), summary, count / total, int(count), total, evidence, cause,
                           summary_zh=summary_zh))  # fmt: skip
    return out
