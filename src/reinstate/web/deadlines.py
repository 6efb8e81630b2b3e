"""The deadline countdown, one rule for every page that shows one (the case list and the case page).

The count is whole calendar days from today to the deadline day: 0 is "due today", below 0 is
"overdue", and fewer than :data:`URGENT_DAYS` days is shown as urgent (red); a case that is over
(reinstated or closed) shows its deadline without a count. The server does not know the seller's
time zone (a Shenzhen seller's evening is the server's morning when it runs elsewhere), so every page
renders the deadline date with this count as of the server's day, for a browser without JavaScript,
through the one template macro ``templates/_countdown.html``; then ``static/app.js`` counts again in
the browser's own time zone with the same rule (the wording and the urgent limit travel in the
element's data attributes), so the list and the case page always agree.
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
