"""One date format in a letter: "14 November 2026", everywhere, whatever the seller typed.

A reviewer who reads "2026-10-01" in one paragraph and "10 November 2026" in the next sees a
pasted-together letter. Calendar dates written ``YYYY-MM-DD`` or "November 14, 2026" in the seller's
text are rewritten in the letter's own format; a range within one month reads "1 to 8 October 2026".
Only the format changes: the day itself is never altered, and a string that is not a real calendar
date is left exactly as written.
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_ISO = r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])"
_US = r"\b(" + "|".join(MONTH_NAMES) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\b"
ISO_RANGE = re.compile(_ISO + r"(\s+(?:to|until|and|through)\s+|\s*[–-]\s*)" + _ISO)
ISO_DATE = re.compile(_ISO)
US_DATE = re.compile(_US)


def long_date(day: dt.date) -> str:
    """The letter's one date format: "14 November 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_zh(day: dt.date) -> str:
    """The same day as the Chinese mirror writes it: "2026年11月14日"."""
    return f"{day.year}年{day.month}月{day.day}日"


def period(first: dt.date, last: dt.date, word: str = "to") -> str:
    """Two days as "1 to 8 October 2026", "28 September to 3 October 2026" or with both years."""
    if first.year == last.year and first.month == last.month and first <= last:
        return f"{first.day} {word} {long_date(last)}"
    if first.year == last.year and first <= last:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} {word} {long_date(last)}"
    return f"{long_date(first)} {word} {long_date(last)}"


def span(first: dt.date, last: dt.date) -> str:
    """Two days as "22 September and 20 November 2026" (the year once when it is the same)."""
    if first.year == last.year and first.month == last.month:
        return f"{first.day} and {long_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} and {long_date(last)}"
    return f"{long_date(first)} and {long_date(last)}"


def _iso(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _range(match: re.Match[str]) -> str:
    first, last = _iso(*match.group(1, 2, 3)), _iso(*match.group(5, 6, 7))
    if first is None or last is None:
        return match.group(0)
    joint = match.group(4)
    return period(first, last, joint.strip() if joint.strip() not in {"-", "–"} else "to")


def _single(match: re.Match[str]) -> str:
    day = _iso(*match.group(1, 2, 3))
    return long_date(day) if day else match.group(0)


def _us(match: re.Match[str]) -> str:
    month = MONTH_NAMES.index(match.group(1)) + 1
    day = _iso(match.group(3), str(month), match.group(2))
    return long_date(day) if day else match.group(0)


def normalise_dates(text: str) -> str:
    """The text with every calendar date in the letter's format; nothing else changes."""
    text = ISO_RANGE.sub(_range, text)
    text = ISO_DATE.sub(_single, text)
    return US_DATE.sub(_us, text)
