"""Repeat violations: the notices of one policy in the last 180 days, against the limits the
knowledge base records (``repeat-violations`` in ``kb/data/paths.yaml``).

Amazon counts a repeat when the same policy is violated twice or more within 180 days; the limits
reported for intellectual property (5) and restricted products (2) come from third-party summaries,
and no other limit is published. So the counter warns from the second notice of any policy, and
says "at the limit" only where a limit is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reinstate.kb import KnowledgeBase
from reinstate.kb.facts import load_path_facts
from reinstate.paths.advisor import fact_ref
from reinstate.paths.model import RepeatCount


@dataclass(frozen=True)
class Received:
    """One notice received: its date and the reason (policy) id."""

    date: dt.date
    reason: str


def policy_names(kb: KnowledgeBase) -> dict[str, tuple[str, str]]:
    """Each reason's name in English and Chinese, as the repeat messages say it."""
    return {rid: (r.letter.subject, r.names.zh) for rid, r in kb.reasons.items()}


def count_repeats(
    received: Iterable[Received], as_of: dt.date, names: dict[str, tuple[str, str]] | None = None
) -> list[RepeatCount]:
    """Per policy, the notices dated in ``[as_of - 179 days, as_of]``, most notices first.

    ``names`` gives each reason's name in English and Chinese for the messages (ids otherwise).
    A notice dated after ``as_of`` is not counted.
    """
    fact = load_path_facts()["repeat-violations"]
    window = fact.days or 180
    start = as_of - dt.timedelta(days=window - 1)
    by_reason: dict[str, list[dt.date]] = {}
    for item in received:
        if start <= item.date <= as_of:
            by_reason.setdefault(item.reason, []).append(item.date)
    counts = []
    for reason, dates in by_reason.items():
        limit = fact.limits.get(reason)
        name_en, name_zh = (names or {}).get(reason, (reason, reason))
        counts.append(_count(reason, sorted(dates), window, limit, name_en, name_zh))
    return sorted(counts, key=lambda c: (-c.count, c.reason))


def _count(
    reason: str, dates: list[dt.date], window: int, limit: int | None, name_en: str, name_zh: str
) -> RepeatCount:
    n = len(dates)
    ref = fact_ref("repeat-violations")
    iso = tuple(d.isoformat() for d in dates)
    if limit is not None and n >= limit:
        return RepeatCount(
            reason, n, window, limit, iso, "at_limit",
            f"{n} notices for {name_en} in the last {window} days: that is the limit of {limit} reported for this "
            "policy, and the account can be deactivated whatever its health rating. Answer this notice with the "
            "strongest case you have and stop every listing that could draw another.",
            f"过去 {window} 天内收到 {n} 次“{name_zh}”通知：已达到该政策据报道的 {limit} 次上限，无论账户状况评级多高，账户都可能被停用。"
            "请用您最有力的材料回应这则通知，并暂停所有可能再次被投诉的商品。",
            ref,
        )  # fmt: skip
    if n >= 2:
        left = (
            (
                f" One more reaches the limit of {limit} reported for this policy.",
                f"再有一次就会达到该政策据报道的 {limit} 次上限。",
            )
            if limit is not None and n == limit - 1
            else (
                (f" The limit reported for this policy is {limit}.", f"该政策据报道的上限是 {limit} 次。")
                if limit is not None
                else (" Amazon publishes no limit for this policy.", "亚马逊没有公布该政策的次数上限。")
            )
        )
        return RepeatCount(
            reason, n, window, limit, iso, "warning",
            f"{n} notices for {name_en} in the last {window} days count as repeat violations: each one weighs more "
            f"on the Account Health Rating.{left[0]}",
            f"过去 {window} 天内收到 {n} 次“{name_zh}”通知，属于重复违规：每一次对账户状况评级的影响都更大。{left[1]}",
            ref,
        )  # fmt: skip
    return RepeatCount(reason, n, window, limit, iso, "ok", fact=ref)
