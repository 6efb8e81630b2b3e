"""Calendar dates as notices write them: "Nov 2, 2026", "2 November 2026", "2026-11-02", "2026年11月2日",
"11/02/2026". Shared by the dates the notice mentions and the dates it sets as a deadline."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for m in names
}  # fmt: skip
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<![\d-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d-])")),
    ("mdy_name", re.compile(MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)),
    ("dmy_name", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH + r"\.?,?\s+(\d{4})\b", re.IGNORECASE)),
    ("zh", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("numeric", re.compile(r"(?<![\d/.-])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/.-])")),
)
WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+", re.IGNORECASE)


def iso(kind: str, groups: tuple[str | None, ...], day_first: bool) -> str | None:
    """The ISO date a match of ``DATE_PATTERNS[kind]`` stands for, or ``None`` when it is no real date."""
    g = [str(x) for x in groups]
    if (
        kind in {"mdy_name", "dmy_name"}
        and g[0 if kind == "mdy_name" else 1].lower().rstrip(".") not in MONTHS
    ):
        return None  # a month name the pattern let through but no calendar knows
    if kind in {"ymd", "zh"}:
        y, m, d = int(g[0]), int(g[1]), int(g[2])
    elif kind == "mdy_name":
        y, m, d = int(g[2]), MONTHS[g[0].lower().rstrip(".")], int(g[1])
    elif kind == "dmy_name":
        y, m, d = int(g[2]), MONTHS[g[1].lower().rstrip(".")], int(g[0])
    else:
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        m, d = (b, a) if day_first or a > 12 else (a, b)
    try:
        return dt.date(y, m, d).isoformat() if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def date_at(text: str, pos: int, *, day_first: bool = False) -> tuple[str, int] | None:
    """The date that starts at ``pos`` in ``text`` (a weekday before it is skipped), as an ISO string
    and the position just after it; ``None`` when no date starts there."""
    weekday = WEEKDAY.match(text, pos)
    if weekday:
        pos = weekday.end()
    for kind, pattern in DATE_PATTERNS:
        found = pattern.match(text, pos)
        if found:
            value = iso(kind, found.groups(), day_first)
            return (value, found.end()) if value else None
    return None
