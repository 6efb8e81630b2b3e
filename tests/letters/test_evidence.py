"""Letter facts from an analysis: the seller's channel, and the all-channel figure the findings count."""

from __future__ import annotations

from typing import Any

from reinstate.kb import load_kb
from reinstate.letters.evidence import from_analysis

WINDOW = {"start": "2026-09-22", "end": "2026-11-20"}


def odr(numerator: int, denominator: int) -> dict[str, Any]:
    return {"value": round(numerator / denominator, 6), "numerator": numerator, "denominator": denominator,
            "window": WINDOW, "target": 0.01, "comparison": "less_than"}  # fmt: skip


def analysis(mfn: tuple[int, int], overall: tuple[int, int]) -> dict[str, Any]:
    return {
        "metrics": {"order_defect_rate": odr(*overall), "order_defect_rate_mfn": odr(*mfn)},
        "findings": [],
    }


def test_a_seller_fulfilled_seller_gets_the_seller_fulfilled_rate_and_the_all_channel_count() -> None:
    reasons = [load_kb().reason("order-defect-rate")]
    facts = from_analysis(analysis((108, 1476), (110, 1984)), reasons, "MFN").facts
    assert facts == [
        "Our order defect rate on seller-fulfilled orders was 7.32% (108 of 1,476 orders) between "
        "22 September and 20 November 2026, against Amazon's target of under 1%. "
        "Across all our orders it was 5.54% (110 of 1,984)."  # 110 / 1984 = 0.05544
    ]


def test_no_all_channel_sentence_when_every_defect_is_in_the_sellers_channel() -> None:
    reasons = [load_kb().reason("order-defect-rate")]
    facts = from_analysis(analysis((108, 1476), (108, 1984)), reasons, "MFN").facts
    assert len(facts) == 1 and "Across all" not in facts[0]


def test_without_a_declared_channel_the_overall_rate_alone() -> None:
    reasons = [load_kb().reason("order-defect-rate")]
    facts = from_analysis(analysis((108, 1476), (110, 1984)), reasons, None).facts
    assert facts == [
        "Our order defect rate was 5.54% (110 of 1,984 orders) between 22 September and "
        "20 November 2026, against Amazon's target of under 1%."
    ]
