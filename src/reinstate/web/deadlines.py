"""The deadline countdown, one rule for every page that shows one (the case list and the case page).

The count is whole calendar days from today to the deadline day: 0 is "due today", below 0 is
"overdue", and fewer than :data:`URGENT_DAYS` days is shown as urgent (red); a case that is over
(reinstated or closed) shows its deadline without a count. The server does not know the seller's
time zone (a Shenzhen seller's evening is the server's morning when it runs elsewhere), so every page
renders the deadline date with this count as of the server's day, for a browser without JavaScript,
through the one template macro ``templates/_countdown.html``; then ``static/app.js`` counts again in
the browser's own time zone with the same rule (the wording and the urgent limit travel in the
element's data attributes), so the list and the case page always agree.

Also here: where the case page says a deadline comes from (:func:`deadline_basis`) and the deadline
as an iCalendar file for the seller's own calendar (:func:`calendar_file`, ``GET
/cases/{id}/deadline.ics`` in ``routes/calendar.py``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reinstate.store.listing import FINISHED

URGENT_DAYS = 3


def days_left(deadline: dt.date | None, today: dt.date | None = None) -> int | None:
    """Whole days from ``today`` (the server's day by default) to the deadline; ``None`` without one."""
    if deadline is None:
        return None
    return (deadline - (today or dt.date.today())).days


def countdown(
    deadline: dt.date | None, status: str | None = None, today: dt.date | None = None
) -> dict[str, Any] | None:
    """What ``_countdown.html`` renders: the ISO date, the days left, whether that is urgent, the limit.

    ``None`` without a deadline, and for a case that is over (reinstated or closed): its deadline no
    longer counts down, so it is never "overdue".
    """
    days = days_left(deadline, today)
    if deadline is None or days is None or status in FINISHED:
        return None
    return {
        "date": deadline.isoformat(),
        "days": days,
        "urgent": days < URGENT_DAYS,
        "urgent_days": URGENT_DAYS,
    }


def deadline_basis(
    notice: dict[str, Any] | None,
    deadline: dt.date | None,
    created: dt.date | None = None,
    updated: dt.date | None = None,
) -> dict[str, Any]:
    """Where the case's deadline comes from, for the case page: the notice's own date (``notice_date``,
    shown beside the deadline) and whether the deadline was counted from the day the notice was pasted
    (``from_paste``: the notice gives a time, "within 17 days", but no date to count it from).

    No column records the day a notice was pasted or whether the seller corrected the deadline, so a
    deadline is taken as counted from the paste day only while ``deadline - days`` falls between the
    case's creation and its last change (one day either side for time zones): a date the seller typed
    in its place normally does not, and then the page stops saying it was counted.
    """
    notice = notice or {}
    dates = notice.get("dates") or []
    days = notice.get("deadline_days")
    from_paste = bool(deadline is not None and days and not dates and not notice.get("deadline_date"))
    if from_paste and deadline is not None and created is not None and days:
        start = deadline - dt.timedelta(days=int(days))
        first = created - dt.timedelta(days=1)
        last = (updated or created) + dt.timedelta(days=1)
        from_paste = first <= start <= last
    return {"notice_date": dates[0] if dates else None, "from_paste": from_paste}


def _escape(text: str) -> str:
    """A TEXT value of RFC 5545 (section 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not parts else 74  # a continuation line starts with one space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def calendar_file(
    case_id: int, summary: str, deadline: dt.date, stamp: dt.datetime | None = None, remind_days: int = 2
) -> str:
    """An iCalendar file (RFC 5545) with one all-day event on the deadline and a reminder ``remind_days``
    before it. It carries the summary (the case's title) and nothing else about the seller; the UID
    names only the case's number, so importing it again updates the same event."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//reinstate//appeal deadline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:case-{case_id}-deadline@reinstate.local",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        f"TRIGGER:-P{remind_days}D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
