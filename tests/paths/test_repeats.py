"""The repeat-violation counter: per policy, over the last 180 days, against the recorded limits.

Window: as_of 2026-11-20 covers 2026-05-25 .. 2026-11-20 (180 days counted with both ends).
"""

from __future__ import annotations

import datetime as dt

from reinstate.paths import Received, count_repeats

AS_OF = dt.date(2026, 11, 20)


def received(reason: str, *days: str) -> list[Received]:
    return [Received(dt.date.fromisoformat(d), reason) for d in days]


def test_the_window_is_180_days_with_both_ends() -> None:
    counts = count_repeats(
        received("listing-policy", "2026-05-25", "2026-05-24", "2026-11-20", "2026-11-21"), AS_OF
    )
    (count,) = counts
    assert count.count == 2 and count.dates == (
        "2026-05-25",
        "2026-11-20",
    )  # 05-24 too old, 11-21 after as_of
    assert count.level == "warning" and count.limit is None
    assert "no limit" in count.message and "没有公布" in count.message_zh


def test_one_notice_is_not_a_repeat() -> None:
    (count,) = count_repeats(received("fair-pricing", "2026-10-01"), AS_OF)
    assert count.level == "ok" and count.message == ""


def test_intellectual_property_warns_one_before_the_limit_of_five() -> None:
    days = ["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01"]
    (count,) = count_repeats(received("intellectual-property", *days), AS_OF)
    assert count.level == "warning" and count.limit == 5
    assert "One more reaches the limit of 5" in count.message and "再有一次" in count.message_zh
    (at,) = count_repeats(received("intellectual-property", *days, "2026-10-01"), AS_OF)
    assert at.level == "at_limit" and "limit of 5" in at.message and "5 次上限" in at.message_zh


def test_restricted_products_reach_the_limit_at_two() -> None:
    (count,) = count_repeats(received("restricted-products", "2026-09-01", "2026-11-01"), AS_OF)
    assert count.level == "at_limit" and count.fact is not None and count.fact.status == "secondary"


def test_policies_are_counted_apart_most_first_and_named() -> None:
    items = received("listing-policy", "2026-09-01") + received(
        "restricted-products", "2026-09-01", "2026-10-01"
    )
    names = {"restricted-products": ("Restricted Products policy violation", "受限商品政策违规")}
    counts = count_repeats(items, AS_OF, names)
    assert [c.reason for c in counts] == ["restricted-products", "listing-policy"]
    assert (
        "Restricted Products policy violation" in counts[0].message
        and "受限商品政策违规" in counts[0].message_zh
    )
    assert counts[0].to_json()["dates"] == ["2026-09-01", "2026-10-01"]
