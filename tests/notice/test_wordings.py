"""Wordings found in public notices that the reader once missed, each in a snippet written for this test.

Measured on notices sellers posted publicly (see benchmarks/measure_notices.py): these are the ways
Amazon names a reason or a deadline that gave no reason, the wrong reason or no deadline. The
snippets below are our own sentences in the same style, never copies of a posted notice.
"""

from __future__ import annotations

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import checklist_text, parse_notice
from reinstate.notice.classify import phrase_pattern
from reinstate.notice.requests import find_deadline


def reasons(text: str, kb: KnowledgeBase) -> list[str]:
    return parse_notice(text, kb=kb).reason_ids


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "We have closed your selling account. Our records show that this account is related to another "
            "selling account that we closed earlier, and closed sellers may not open new accounts.",
            "related-accounts",
        ),
        (
            "Your seller account has been deactivated.\n\nWhy did this happen?\nYou added child ASINs that are not "
            "true variations of the parent, which breaks our ASIN creation policy.\n",
            "listing-policy",
        ),
        (
            "The products at the end of this message were taken off sale because of a potential safety and/or "
            "non-compliance issue. Read our safety and compliance policies before you list them again.",
            "product-safety",
        ),
        (
            "Several of your offers were attached to detail pages that describe a different edition than the "
            "item you ship, and they did not follow our Condition Guidelines.",
            "condition-complaint",
        ),
        (
            "Your account is at risk of deactivation. We found that you may have written to buyers to influence "
            "their reviews of your products.",
            "review-manipulation",
        ),
        (
            "We are reviewing your seller account. Please confirm that there is a valid credit card on file and "
            "upload a bank statement for your deposit account.",
            "seller-verification",
        ),
        (
            "Your selling privileges are on hold. To confirm who operates this account, attend a verification "
            "interview with our team and bring a photo ID.",
            "seller-verification",
        ),
    ],
)
def test_reasons_named_in_other_words(text: str, reason: str, kb: KnowledgeBase) -> None:
    assert reasons(text, kb)[:1] == [reason]


def test_an_account_review_with_a_reserve_is_not_a_late_shipment_notice(kb: KnowledgeBase) -> None:
    text = (
        "We are conducting a review of your selling account and will hold a rolling reserve on your sales "
        "meanwhile. Keep shipping every order by its expected ship date.\n"
    )
    assert reasons(text, kb)[0] == "account-under-review"


def test_a_review_named_in_passing_is_not_an_account_review(kb: KnowledgeBase) -> None:
    text = (
        "We need more information to finish the review of your selling account. Explain how your "
        "fulfillment complies with our Drop Shipping policy.\n"
    )
    assert reasons(text, kb) == ["drop-shipping"]


def test_chinese_direct_shipping_policy_leads_before_the_review_it_causes(kb: KnowledgeBase) -> None:
    text = "根据我们的直送政策，我们已对您的卖家账户进行临时审核。审核期间，您的自发货商品将停止销售。"
    assert reasons(text, kb)[0] == "drop-shipping"


def test_chinese_funds_boilerplate_about_claims_is_not_an_order_defect_notice(kb: KnowledgeBase) -> None:
    text = (
        "我们暂停了您的卖家账户。我们会从您的余额中扣除亚马逊商城交易保障索赔的金额。\n\n"
        "为什么会发生这种情况？\n我们需要其他文件来验证您的身份。\n"
    )
    assert reasons(text, kb) == ["seller-verification"]


def test_a_phrase_also_finds_the_plural_of_its_last_word() -> None:
    assert phrase_pattern("safety complaint").search("we received safety complaints about this item")
    assert phrase_pattern("related account").search("two related accounts")
    assert not phrase_pattern("odr").search("odrive")


# --- deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("We look forward to your response within 90 days.", 90),
        ("Please send your response within five (5) business days.", 5),
        ("Reply in 10 business days with your plan.", 10),
        ("请在 21 天内提交您的申诉。", 21),
    ],
)
def test_counted_deadlines(text: str, days: int) -> None:
    deadline = find_deadline((text,))
    assert deadline is not None
    assert (deadline.days, deadline.date) == (days, None)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Submit your plan of action by December 4, 2026.", "2026-12-04"),
        ("Please provide the invoices no later than 4 December 2026.", "2026-12-04"),
        ("Send the documents by Friday, December 4, 2026 to keep selling.", "2026-12-04"),
        ("请在 2026年11月30日之前提交行动计划。", "2026-11-30"),
        ("请于 2026-11-30 前回复此消息。", "2026-11-30"),
    ],
)
def test_dated_deadlines(text: str, date: str) -> None:
    deadline = find_deadline((text,))
    assert deadline is not None
    assert (deadline.date, deadline.days) == (date, None)


@pytest.mark.parametrize(
    "text",
    [
        "We recommend that you answer buyer messages within 24 hours.",
        "Sellers who answer 90% of their messages within 24 hours receive less negative feedback.",
        "If you do not appeal, after 90 days following this notification you may request a funds disbursement.",
        "Our team reviewed your account by November 3, 2026.",
    ],
)
def test_times_that_are_not_the_sellers_deadline(text: str) -> None:
    assert find_deadline((text,)) is None


def test_a_dated_deadline_counts_from_the_notice_date(kb: KnowledgeBase) -> None:
    text = (
        "Sent: 2 November 2026\n\nYour seller account has been deactivated because your order defect rate is "
        "above 1%.\n\nSubmit your plan of action by 30 November 2026.\n"
    )
    notice = parse_notice(text, kb=kb)
    assert (notice.deadline_days, notice.to_json()["deadline_date"]) == (28, "2026-11-30")
    assert "By 2026-11-30 (28 days from the notice)." in checklist_text(notice, kb)
    assert notice.next_step.endswith("by 2026-11-30.")


def test_a_dated_deadline_without_a_notice_date(kb: KnowledgeBase) -> None:
    text = "Your order defect rate is above 1%. 请在 2026年11月30日之前提交行动计划。"
    notice = parse_notice(text, kb=kb)
    assert notice.deadline is not None
    assert (notice.deadline_days, notice.deadline.date) == (None, "2026-11-30")
    assert "2026-11-30 之前。" in checklist_text(notice, kb, lang="zh")


def test_a_misspelt_month_is_no_date_and_no_crash() -> None:
    """Issue 13 item 13: "5 Sepember 2026" raised KeyError, so such a case could not be created."""
    from reinstate.notice import parse_notice

    notice = parse_notice(
        "We deactivated your account on 5 Sepember 2026 because of your late shipment rate."
    )
    assert notice.reason_ids == ["late-shipment-rate"] and notice.dates == ()
    assert parse_notice("Sent 5 Sept 2026, 6 Sep 2026 and September 7, 2026.").dates == (
        "2026-09-05",
        "2026-09-06",
        "2026-09-07",
    )
