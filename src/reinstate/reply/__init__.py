"""The reply reader: Amazon's answer to an appeal, read into what it decided and what it asks.

Public entry points: :func:`read_reply` turns pasted text (plain, HTML, quoted-printable email source;
English or Chinese) into a :class:`Reply` (outcome, asks, deadline, channel, next steps);
:func:`reply_text` renders it for a seller; :func:`check_against` says what in a case must change to
answer each ask. The text is cleaned by the notice reader's ``clean_text`` and deadlines are read by its
``find_deadline``, so a reply and a notice are decoded the same way.
"""

from __future__ import annotations

import re

from reinstate.errors import InputError
from reinstate.notice.clean import clean_text
from reinstate.notice.ids import find_marketplace
from reinstate.notice.language import detect_language
from reinstate.notice.requests import find_deadline
from reinstate.reply.asks import find_asks
from reinstate.reply.channel import find_channel
from reinstate.reply.model import ASK_KINDS, OUTCOMES, Ask, Channel, Reply, ReplyDeadline, Step
from reinstate.reply.outcome import find_outcome
from reinstate.reply.render import reply_text
from reinstate.reply.steps import next_steps
from reinstate.reply.tocase import check_against
from reinstate.reply.units import Unit
from reinstate.reply.units import units as split_units

__all__ = [
    "ASK_KINDS",
    "MAX_REPLY_CHARS",
    "OUTCOMES",
    "Ask",
    "Channel",
    "Reply",
    "ReplyDeadline",
    "Step",
    "check_against",
    "read_reply",
    "reply_text",
]

MAX_REPLY_CHARS = 200_000  # as for notices: a real reply is a few hundred words
MONTH_FIRST = {None, "US", "CA"}
WITHIN_THE_NEXT = re.compile(r"\bwithin the (?:next|following)\b", re.IGNORECASE)


def read_reply(text: str, *, source: str | None = None) -> Reply:
    """Read Amazon's answer to an appeal. ``source`` names where it came from, for messages.

    Raises :class:`InputError` when the text is empty, too long to be one reply, or has nothing
    readable in it. Nothing recognised gives an honest ``unknown`` outcome with no asks.
    """
    if not text or not text.strip():
        raise InputError(
            "the reply is empty.",
            path=source,
            fix="paste Amazon's whole answer to your appeal, from its greeting to its signature.",
            message_zh="亚马逊的回复是空的。",
            fix_zh="请粘贴亚马逊对您申诉的完整回复（从称呼到落款）。",
        )
    if len(text) > 10 * MAX_REPLY_CHARS:  # do not even decode a text this size
        raise _too_long(len(text), source)
    cleaned = clean_text(text)
    size = sum(len(line) + 1 for line in cleaned.lines)
    if size > MAX_REPLY_CHARS:
        raise _too_long(size, source)
    if not any(cleaned.lines):
        raise InputError(
            "the reply has no readable text once markup is removed.",
            path=source,
            fix="copy the text of Amazon's email rather than its HTML source.",
            message_zh="去掉格式后，回复中没有可读的文字。",
            fix_zh="请复制亚马逊邮件的正文，而不是 HTML 源代码。",
        )
    lines = cleaned.lines
    parts = split_units(lines)
    asks = find_asks(parts)
    outcome, evidence = find_outcome(parts, bool(asks))
    if outcome == "reinstated":
        asks = ()
    marketplace = find_marketplace(lines)
    found = find_deadline(
        _as_lines(parts),
        day_first=marketplace not in MONTH_FIRST,
    )
    deadline = (
        ReplyDeadline(text=found.text, days=found.days, hours=found.hours, date=found.date) if found else None
    )
    channel = find_channel(parts)
    return Reply(
        outcome=outcome,
        evidence=evidence,
        language="zh" if detect_language(cleaned.text) == "zh" else "en",
        asks=asks,
        deadline=deadline if outcome not in {"reinstated", "final_decision"} else None,
        channel=channel if outcome not in {"reinstated"} else None,
        next_steps=next_steps(outcome, asks, channel, deadline),
        source=source,
    )


def _as_lines(parts: list[Unit]) -> list[str]:
    """Units as lines separated by blank lines, so the deadline reader takes each as one sentence
    ("within the next 14 days", which replies use and notices do not, read as "within 14 days")."""
    out: list[str] = []
    for unit in parts:
        out += [WITHIN_THE_NEXT.sub("within", unit.text), ""]
    return out


def _too_long(size: int, source: str | None) -> InputError:
    return InputError(
        f"this is {size:,} characters of text; an Amazon reply is a few thousand, so this is not one reply.",
        path=source,
        fix="copy only Amazon's answer (from its greeting to its signature) into the file.",
        message_zh=f"这段文字有 {size:,} 个字符；亚马逊的回复一般只有几千字，这不是一封回复。",
        fix_zh="请只复制亚马逊的那封回复（从称呼到落款）。",
    )
