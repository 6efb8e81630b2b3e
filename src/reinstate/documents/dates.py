"""Dates as printed on invoices, bills and letters: ISO, Chinese, day-month-year and US forms."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}  # fmt: skip
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"\b(20\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\b")),
    ("zh", re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("dmy_name", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*{MONTH},?\s*(20\d{{2}})\b", re.IGNORECASE)),
    ("mdy_name", re.compile(rf"\b{MONTH}\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(20\d{{2}})\b", re.IGNORECASE)),
    ("slash", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](20\d{2})\b")),
)

ISSUE_LABELS = re.compile(
    r"invoice\s*date|date\s*of\s*(?:issue|invoice)|issue\s*date|issued\s*on|date\s*issued|bill(?:ing)?\s*date|"
    r"statement\s*date|order\s*date|receipt\s*date|开票日期|出票日期|账单日期|签发日期|日\s*期|\bdated\b|\bdate\b",
    re.IGNORECASE,
)
NOT_ISSUE = re.compile(
    r"(?:due|ship|deliver|expir|valid|period|print|paid|payment|until|through|from|to)\w*\s*$", re.IGNORECASE
)
VALID_UNTIL = re.compile(
    r"valid\s*(?:until|through|till)|expir(?:es|y\s*date|ation)|有效期至|有效期限", re.IGNORECASE
)


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """The first date in ``text`` and the text it was read from."""
    best: tuple[int, dt.date, str] | None = None
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            day = _to_date(kind, match.groups())
            if day and (best is None or match.start() < best[0]):
                best = (match.start(), day, match.group(0))
                break
    return (best[1], best[2]) if best else None


def _to_date(kind: str, groups: tuple[str | None, ...]) -> dt.date | None:
    parts = [g or "" for g in groups]
    try:
        if kind in ("ymd", "zh"):
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if kind == "dmy_name":
            return dt.date(int(parts[2]), MONTHS[parts[1][:3].lower()], int(parts[0]))
        if kind == "mdy_name":
            return dt.date(int(parts[2]), MONTHS[parts[0][:3].lower()], int(parts[1]))
        first, second, year = int(parts[0]), int(parts[1]), int(parts[2])
        if first > 12:  # 25/10/2026 can only be day first
            return dt.date(year, second, first)
        return dt.date(year, first, second)  # month first, as US invoices write it
    except (ValueError, KeyError):
        return None


def all_dates(lines: list[str]) -> list[dt.date]:
    found: list[dt.date] = []
    for line in lines:
        rest = line
        while rest:
            hit = parse_date(rest)
            if not hit:
                break
            found.append(hit[0])
            rest = rest[rest.find(hit[1]) + len(hit[1]) :]
    return found


def issue_date(lines: list[str]) -> tuple[dt.date, str] | None:
    """The date the document was issued: after an issue-date label, else the first date not due or valid."""
    for line in lines:
        for label in ISSUE_LABELS.finditer(line):
            if NOT_ISSUE.search(line[: label.start()]) or VALID_UNTIL.search(line[: label.start()]):
                continue
            hit = parse_date(line[label.end() :])
            if hit:
                return hit[0], line.strip()
    for line in lines:
        if VALID_UNTIL.search(line) or re.search(r"\bdue\b|period|from|through", line, re.IGNORECASE):
            continue
        hit = parse_date(line)
        if hit:
            return hit[0], line.strip()
    return None


def valid_until(lines: list[str]) -> dt.date | None:
    for line in lines:
        label = VALID_UNTIL.search(line)
        if label:
            hit = parse_date(line[label.end() :])
            if hit:
                return hit[0]
    return None
