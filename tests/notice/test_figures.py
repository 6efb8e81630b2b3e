"""The metric figures a notice states, and the targets it quotes that are not figures.

Every snippet here was written for these tests in the wording styles notices use; none is a copy
of a real notice. Each expected figure is ``(metric, value, numerator, denominator, window_days)``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import NoticeFigure, parse_notice
from reinstate.notice.figures import find_figures

FIXTURES = Path(__file__).parent / "fixtures"

Row = tuple[str, float, int | None, int | None, int | None]

ENGLISH: dict[str, tuple[str, list[Row]]] = {
    "plain-is": ("Your Order Defect Rate is 1.34%.", [("order_defect_rate", 0.0134, None, None, None)]),
    "label-with-target": (
        "Order Defect Rate: 2.5% (target: under 1%)",
        [("order_defect_rate", 0.025, None, None, None)],
    ),
    "of-with-window": (
        "We found that your late shipment rate of 8.7% over the last 30 days is too high.",
        [("late_shipment_rate", 0.087, None, None, 30)],
    ),
    "percent-of-orders": (
        "In the past 7 days, 13.8% of your orders were cancelled by you before shipping.",
        [("pre_fulfillment_cancel_rate", 0.138, None, None, 7)],
    ),
    "claims-count": (
        "Your store received 2 A-to-z Guarantee claims on 149 orders.",
        [("a_to_z_claim_rate", 0.013423, 2, 149, None)],
    ),
    "vtr-label": ("Valid Tracking Rate: 91.2%", [("valid_tracking_rate", 0.912, None, None, None)]),
    "percent-before-name": (
        "Your account shows a 1.34% order defect rate for seller-fulfilled orders.",
        [("order_defect_rate", 0.0134, None, None, None)],
    ),
    "abbreviation-and-period": (
        "Over a 60-day period your ODR reached 3.2 percent, above our target of less than 1%.",
        [("order_defect_rate", 0.032, None, None, 60)],
    ),
    "two-metrics-one-sentence": (
        "Your late dispatch rate is 6.4%, and 3% of your orders were cancelled.",
        [
            ("late_shipment_rate", 0.064, None, None, None),
            ("pre_fulfillment_cancel_rate", 0.03, None, None, None),
        ],
    ),
    "table-row": (
        "Order Defect Rate 0.8% Late Shipment Rate 5.5% Cancellation Rate 1.1%",
        [
            ("order_defect_rate", 0.008, None, None, None),
            ("late_shipment_rate", 0.055, None, None, None),
            ("pre_fulfillment_cancel_rate", 0.011, None, None, None),
        ],
    ),
    "count-explains-rate": (
        "Your order defect rate is 1.34% (2 A-to-z claims on 149 orders) in the last 60 days.",
        [("order_defect_rate", 0.0134, 2, 149, 60)],
    ),
    "count-of-a-part": (
        # the claims do not add up to the 2.1% stated, so they are a claim rate of their own
        "Your order defect rate was 2.1%, including 2 A-to-z claims out of 149 orders.",
        [("order_defect_rate", 0.021, None, None, None), ("a_to_z_claim_rate", 0.013423, 2, 149, None)],
    ),
    "count-says-what-happened": (
        "3 of your 149 orders had a defect during the 30 days ending 2026-10-31.",
        [("order_defect_rate", 0.020134, 3, 149, 30)],
    ),
    "late-count-sixty-days": (
        "12 out of 1,200 orders shipped late over the past sixty days.",
        [("late_shipment_rate", 0.01, 12, 1200, 60)],
    ),
    "otdr-below-target": (
        "Your OTDR is 85.3%, short of the required 90%.",
        [("on_time_delivery_rate", 0.853, None, None, None)],
    ),
    "three-rates": (
        "Your return dissatisfaction rate is 12.5%, your negative feedback rate is 2% and your chargeback rate 0.5%.",
        [
            ("return_rate", 0.125, None, None, None),
            ("negative_feedback_rate", 0.02, None, None, None),
            ("chargeback_rate", 0.005, None, None, None),
        ],
    ),
    "ten-day-rate-exceeds": (
        "The 10-day late shipment rate is 5.1%, which exceeds the 4% target.",
        [("late_shipment_rate", 0.051, None, None, 10)],
    ),
}

CHINESE: dict[str, tuple[str, list[Row]]] = {
    "odr-is": ("您的订单缺陷率为 1.34%。", [("order_defect_rate", 0.0134, None, None, None)]),
    "lsr-window-target": (
        "过去 30 天内，您的迟发率为 8.7%，我们的目标是低于 4%。",
        [("late_shipment_rate", 0.087, None, None, 30)],
    ),
    "three-metrics": (
        "过去 7 天内，您的配送前取消率为 3.9%。准时送达率为 85%，低于 90% 的目标。有效追踪率：91.2%",
        [
            ("pre_fulfillment_cancel_rate", 0.039, None, None, 7),
            ("on_time_delivery_rate", 0.85, None, None, None),
            ("valid_tracking_rate", 0.912, None, None, None),
        ],
    ),
    "count": (
        "在过去 60 天的 149 个订单中，有 2 个订单存在缺陷。",
        [("order_defect_rate", 0.013423, 2, 149, 60)],
    ),
    "late-dispatch-above-target": (
        "您的延迟发货率为 5%，高于 4% 的目标。",
        [("late_shipment_rate", 0.05, None, None, None)],
    ),
    "return-rate": ("最近 90 天您的退货率为 12%。", [("return_rate", 0.12, None, None, 90)]),
}


def rows(figures: list[NoticeFigure]) -> list[Row]:
    return [(f.metric, f.value or 0.0, f.numerator, f.denominator, f.window_days) for f in figures]


def check(text: str, expected: list[Row]) -> None:
    got = find_figures([text])
    assert [r[0] for r in rows(got)] == [r[0] for r in expected]
    for actual, wanted in zip(rows(got), expected, strict=True):
        assert actual[1] == pytest.approx(wanted[1], abs=1e-6)
        assert actual[2:] == wanted[2:]
    for figure in got:
        assert 0 < len(figure.text) <= 200


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_english_figures(name: str) -> None:
    check(*ENGLISH[name])


@pytest.mark.parametrize("name", sorted(CHINESE))
def test_chinese_figures(name: str) -> None:
    check(*CHINESE[name])


@pytest.mark.parametrize(
    "text",
    [
        "You must maintain an ODR under 1% to sell on Amazon.",
        "A late shipment rate below 4% and a cancellation rate less than 2.5% are required.",
        "Your Valid Tracking Rate is Below 95%",
        "Sellers should keep their on-time delivery rate above 90%.",
        "Our target is an order defect rate of 1%.",
        "Valid tracking rate: required 95%.",
        "Your late shipment rate exceeded 4% this month.",
        "您的订单缺陷率未达到我们低于 1% 的绩效目标。",
        "我们要求有效追踪率至少为 95%，迟发率保持在 4% 以下。",
    ],
)
def test_thresholds_are_not_figures(text: str) -> None:
    assert find_figures([text]) == []


def test_a_percent_beside_no_metric_or_another_rate_is_not_a_figure() -> None:
    text = "Your ODR is high and your contact response rate is 41%. We refunded 100% of the affected orders."
    assert find_figures([text]) == []
    assert find_figures(["Your ODR dropped, and we refunded 100% of the orders."]) == []


def test_same_metric_and_value_is_read_once_with_the_details_of_both() -> None:
    lines = [
        "Your order defect rate is 2.4%.",
        "",
        "Over the last 60 days your order defect rate was 2.4%, and your late shipment rate was 2.4%.",
    ]
    assert rows(find_figures(lines)) == [
        ("order_defect_rate", 0.024, None, None, 60),
        ("late_shipment_rate", 0.024, None, None, 60),
    ]


def test_long_sentence_gives_the_part_around_the_figure() -> None:
    filler = "we looked at the orders you shipped from your warehouse " * 8
    (figure,) = find_figures([filler + "and your late shipment rate was 9.9% " + filler])
    assert figure.metric == "late_shipment_rate"
    assert len(figure.text) <= 200 and "9.9%" in figure.text


def test_parse_notice_fills_figures_and_the_json(kb: KnowledgeBase) -> None:
    text = (FIXTURES / "lsr-cancel-uk.txt").read_text(encoding="utf-8")
    got = parse_notice(text, kb=kb).to_json()
    assert got["figures"] == [
        {
            "metric": "late_shipment_rate",
            "value": 0.113,
            "numerator": None,
            "denominator": None,
            "window_days": 30,
            "text": "Over the last 30 days your late shipment rate was 11.3%;",
        },
        {
            "metric": "pre_fulfillment_cancel_rate",
            "value": 0.059,
            "numerator": None,
            "denominator": None,
            "window_days": 7,
            "text": "Over the last 7 days your pre-fulfillment cancel rate was 5.9%;",
        },
    ]
    assert got["deadline_days"] is None and got["scope"] == "account"  # existing keys untouched


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("odr-account.txt", [("order_defect_rate", 0.024, None, None, None)]),
        ("zh-odr.txt", [("order_defect_rate", 0.021, None, None, 60)]),
        ("vtr-warning.txt", [("valid_tracking_rate", 0.882, None, None, 30)]),
        ("otdr-restricted.txt", [("on_time_delivery_rate", 0.81, None, None, None)]),
        # the replies around the notice name other metrics; only the notice is read
        ("forum-thread.txt", [("late_shipment_rate", 0.078, None, None, 30)]),
        ("ip-trademark.txt", []),
    ],
)
def test_fixture_notices(name: str, expected: list[Row], kb: KnowledgeBase) -> None:
    notice = parse_notice((FIXTURES / name).read_text(encoding="utf-8"), kb=kb)
    assert rows(notice.figures) == expected


@pytest.mark.parametrize(
    "text",
    [
        "rate " * 20000,
        "1." * 50000,
        "1% " * 33000,
        "order defect rate 1% " * 5000,
        "2 claims on 149 orders 1.3% ODR " * 3000,
        "over the last 30 days " * 4500,
        "订单缺陷率为 1%，" * 10000,
    ],
)
def test_adversarial_input_finishes(text: str) -> None:
    assert len(text) >= 90_000
    find_figures([text])
    find_figures(text.split(" "))
