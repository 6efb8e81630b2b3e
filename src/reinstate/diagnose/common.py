"""Shared pieces of the breakdowns: bursts over days, lift of a group, sentence helpers, evidence rows."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from reinstate.reports import ReadResult
from reinstate.reports.tables import create_sql

MAX_ROWS = 25
TABLES = (
    "orders",
    "feedback",
    "returns",
    "claims",
    "late_shipments",
    "cancellations",
    "tracking",
    "deliveries",
)


def ensure_tables(read: ReadResult) -> None:
    """Create empty tables for downloads that were not given, so every query can name them."""
    for table in TABLES:
        read.con.execute(create_sql(table))


@dataclass(frozen=True)
class Burst:
    """Consecutive days holding far more of the problem than of the activity."""

    start: dt.date
    end: dt.date
    count: int
    population: int


def find_burst(days: dict[dt.date, tuple[int, int]], total: int, population: int) -> Burst | None:
    """The run of days with the largest excess of problems over what the activity would predict.

    ``days`` maps a date to (problems, activity). The excess of a day is its problems minus the
    overall problem rate times its activity: the best run is a maximum-sum subarray (Kadane). It
    counts as a burst when it holds at least 3 problems and 30% of them, at twice the overall rate.
    """
    if not days or total < 3 or population <= 0:
        return None
    rate = total / population
    first, last = min(days), max(days)
    best, best_span, run, run_start = 0.0, (first, first), 0.0, first
    day = first
    while day <= last:
        problems, activity = days.get(day, (0, 0))
        gain = problems - rate * activity
        if run <= 0:
            run, run_start = gain, day
        else:
            run += gain
        if run > best:
            best, best_span = run, (run_start, day)
        day += dt.timedelta(days=1)
    start, end = best_span
    count = sum(p for d, (p, _) in days.items() if start <= d <= end)
    active = sum(a for d, (_, a) in days.items() if start <= d <= end)
    if count < 3 or count < 0.3 * total or (active and count / active < 2 * rate):
        return None
    return Burst(start, end, count, active)


def notable(
    count: int, total: int, population: int, population_total: int, *, min_share: float = 0.25
) -> bool:
    """A group worth a finding: 2+ problems, a fair share of them, and over-represented (lift >= 1.5)."""
    if count < 2 or total == 0 or count / total < min_share:
        return False
    if population_total <= 0 or population <= 0:
        return True
    return (count / total) / (population / population_total) >= 1.5


def pct(part: int | float, whole: int | float) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


def zh_word(word: str) -> str:
    """``word`` ready to sit between Chinese characters: Latin words (``SKU``) get a space on each side."""
    return f" {word} " if word.isascii() else word


def slug(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:40] or "none"


def rows_as_dicts(read: ReadResult, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Evidence rows as JSON-ready dicts (dates as ISO text), at most MAX_ROWS."""
    cursor = read.con.execute(f"SELECT * FROM ({sql}) LIMIT {MAX_ROWS}", params or [])
    names = [d[0] for d in cursor.description or []]
    out = []
    for row in cursor.fetchall():
        item = {}
        for name, value in zip(names, row, strict=True):
            if value is None:
                continue
            item[name] = value.isoformat() if isinstance(value, dt.date) else value
        out.append(item)
    return out


def source_sql(read: ReadResult, file_col: str, line_col: str) -> str:
    """SQL giving ``file:line`` for a row, from the file ids of ``read``."""
    cases = " ".join(
        f"WHEN {fid} THEN '{path.name.replace(chr(39), '')}'" for fid, path in read.paths.items()
    )
    if not cases:
        return "NULL"
    return f"(CASE {file_col} {cases} END) || ':' || {line_col}"
