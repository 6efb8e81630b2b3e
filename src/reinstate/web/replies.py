"""Amazon's replies on the case page: what the latest one decided and asks, and what in the case must
change to answer it (the same reader and the same checks as ``reinstate reply`` and ``draft --reply``)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from reinstate.errors import ReinstateError
from reinstate.reply import Reply, check_against, read_reply
from reinstate.reply.render import CHANNEL_NAMES, KIND_NAMES, OUTCOME_NAMES

# What the store keeps for each outcome the reader finds (the store's outcomes are older and coarser).
STORED_OUTCOME = {
    "reinstated": "accepted",
    "more_information": "more-info",
    "rejected": "rejected",
    "final_decision": "rejected",
    "unknown": "other",
}
# And back, for the path advisor: the reader's outcome a stored one stands for (the first that maps to it).
READER_OUTCOME = {stored: read for read, stored in reversed(STORED_OUTCOME.items())}


def read_stored(text: str) -> Reply | None:
    """The reply as read, or None for a text the reader refuses (kept as typed, shown as typed)."""
    try:
        return read_reply(text, source="reply")
    except ReinstateError:
        return None


def answer_by(reply: Reply, received_on: dt.date) -> dt.date | None:
    """The day an answer is due: the date the reply gives, else its days or hours counted from the day
    it arrived (hours rounded up to whole days: a deadline is a day)."""
    deadline = reply.deadline
    if deadline is None:
        return None
    if deadline.date:
        try:
            return dt.date.fromisoformat(deadline.date)
        except ValueError:
            return None
    if deadline.days:
        return received_on + dt.timedelta(days=deadline.days)
    if deadline.hours:
        return received_on + dt.timedelta(days=math.ceil(deadline.hours / 24))
    return None


def reply_view(reply: Reply, case_file: Any, lang: str) -> dict[str, Any]:
    """The latest reply for the page: its outcome, asks and next steps in the page's language, and the
    checklist of what the case must change (empty when the case answers every ask)."""
    i = 1 if lang == "zh" else 0
    channel = None
    if reply.channel is not None:
        words = CHANNEL_NAMES[reply.channel.kind][i]
        channel = words.format(text=reply.channel.text, address=reply.channel.address or "")
    checklist = []
    if case_file is not None:
        for warning in check_against(reply, case_file):
            checklist.append(warning.seller_zh if lang == "zh" else warning.seller)
    return {
        "outcome": reply.outcome,
        "outcome_name": OUTCOME_NAMES[reply.outcome][i],
        "asks": [{"name": KIND_NAMES[a.kind][i], "text": a.text, "reason": a.reason} for a in reply.asks],
        "deadline": reply.deadline.text if reply.deadline else None,
        "channel": channel,
        "steps": [s.zh if lang == "zh" else s.en for s in reply.next_steps],
        "checklist": checklist,
    }
