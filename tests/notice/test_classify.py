"""How the classifier weighs phrases: sections, weak phrases, several reasons, and honest unknowns.

The notices here are short and written for each behaviour; the expected reasons are what a
person reads in them.
"""

from __future__ import annotations

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import parse_notice
from reinstate.notice.classify import confidence, phrase_pattern, phrase_strength


def reasons(text: str, kb: KnowledgeBase) -> list[str]:
    return parse_notice(text, kb=kb).reason_ids


def test_phrases_forgive_case_line_breaks_commas_and_hyphens() -> None:
    pattern = phrase_pattern("returns, refunds, and contacts on orders")
    assert pattern.search("Returns, refunds and\ncontacts on orders")
    assert phrase_pattern("a-to-z guarantee claims, negative feedback, and chargebacks").search(
        "A to Z Guarantee claims, negative feedback and chargebacks"
    )
    assert not phrase_pattern("odr").search("the word odrive")
    assert phrase_pattern("订单缺陷率").search("订单缺\n陷率")


def test_strength_and_confidence_scale() -> None:
    assert phrase_strength("complaint id") == 0.3
    assert phrase_strength("inauthentic") == 0.7
    assert phrase_strength("order defect rate") == 1.0
    # one specific phrase in the "why" part (1.0 x 1.6) gives 1 - e^(-1.92) = 0.85
    assert confidence(1.6) == 0.85
    assert confidence(10) == 0.99


def test_documents_named_in_the_reactivate_part_do_not_decide(kb: KnowledgeBase) -> None:
    text = (
        "Your order defect rate is above our target of 1%.\n\n"
        "How do I reactivate my account?\n"
        "Send a plan of action. Keep copies of invoices or receipts from your supplier in case we ask.\n"
    )
    assert reasons(text, kb) == ["order-defect-rate"]


def test_weak_phrases_alone_give_an_honest_unknown(kb: KnowledgeBase) -> None:
    assert reasons("Complaint ID: 5566778899\nPlease keep this number for your records.", kb) == []


def test_section_3_alone_does_not_make_a_related_account_notice(kb: KnowledgeBase) -> None:
    text = (
        "Your listings have been removed in accordance with section 3 of Amazon's Business Solutions "
        "Agreement.\n\nWhy is this happening?\nBuyers told us the items below were inauthentic.\n"
    )
    assert reasons(text, kb) == ["inauthentic"]


def test_code_of_conduct_gives_way_to_the_specific_policy(kb: KnowledgeBase) -> None:
    text = (
        "Your selling account has been deactivated.\n\nWhy is this happening?\n"
        "You offered buyers gift cards for five-star ratings. This breaks the Seller Code of Conduct and "
        "our Customer Product Reviews policy.\n"
    )
    assert reasons(text, kb) == ["review-manipulation"]


def test_code_of_conduct_stays_when_it_is_the_whole_story(kb: KnowledgeBase) -> None:
    text = (
        "Why is this happening?\nYou sent excessive contacts to buyers, against the Seller Code of Conduct.\n"
    )
    assert reasons(text, kb) == ["code-of-conduct"]


def test_asins_under_review_in_an_inauthentic_notice_are_not_an_account_review(kb: KnowledgeBase) -> None:
    text = (
        "We removed some of your listings because of inauthentic complaints.\n"
        "Provide invoices for every ASIN under review.\n"
    )
    notice = parse_notice(text, kb=kb)
    assert notice.reason_ids == ["inauthentic"]
    assert notice.appeal_needed is True


def test_british_spelling_and_chinese_related_account(kb: KnowledgeBase) -> None:
    assert reasons("Your pre-fulfilment cancel rate is 4.2%. Your account has been deactivated.", kb) == [
        "pre-fulfillment-cancel-rate"
    ]
    zh = "您的卖家账户已根据《亚马逊商业解决方案协议》第 3 条被停用。您有另一个账户 ABC，该账户因违反政策已被处理。"
    notice = parse_notice(zh, kb=kb)
    assert (notice.language, notice.reason_ids, notice.scope) == ("zh", ["related-accounts"], "account")


def test_three_reasons_in_one_notice_in_their_order(kb: KnowledgeBase) -> None:
    text = (
        "Your Amazon.com seller account has been deactivated.\n\nWhy is this happening?\n"
        "Your late shipment rate is 8%, your pre-fulfillment cancel rate is 5%, and your valid tracking "
        "rate is 82%.\n"
    )
    assert reasons(text, kb) == ["late-shipment-rate", "pre-fulfillment-cancel-rate", "valid-tracking-rate"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Policy: Food and Product Safety Issues\nASIN: B0CM4T8X2R", "product-safety"),
        (
            "Rights Owner Name: Orbit Tools GmbH\nInfringement type: Patent\nComplaint ID: 77112233",
            "intellectual-property",
        ),
        ("Complaint Type: Counterfeit\nASIN: B0CM4T8X2R", "inauthentic"),
    ],
)
def test_labelled_lines_decide_on_their_own(text: str, reason: str, kb: KnowledgeBase) -> None:
    assert reasons(text, kb) == [reason]


def test_rights_owner_from_labelled_lines(kb: KnowledgeBase) -> None:
    text = "Rights Owner Name: Orbit Tools GmbH\nRights Owner Email: legal@orbit.example\nInfringement type: Patent"
    owner = parse_notice(text, kb=kb).rights_owner
    assert (owner.name, owner.email) == ("Orbit Tools GmbH", "legal@orbit.example")


def test_chinese_rights_owner_block(kb: KnowledgeBase) -> None:
    text = "权利所有人的联系方式如下：\n张伟\nzhangwei@patent.example\nASIN：B0CM4T8X2R\n侵权类型：专利\n投诉编号：88990011"
    notice = parse_notice(text, kb=kb)
    assert (notice.rights_owner.name, notice.rights_owner.email) == ("张伟", "zhangwei@patent.example")
    assert notice.infringement_types == ("patent",)
    assert notice.complaint_ids == ("88990011",)


def test_chinese_variant_characters_and_inline_headings(kb: KnowledgeBase) -> None:
    # 帐户 is a common variant of 账户; the headings here run into the text with ASCII "?"
    text = (
        "您的Amazon.co.uk卖家帐户已停用。\n"
        "为什么会这样? 我们发现您的帐户与一个不得在我们网站上销售的账户有关。\n"
        "如何发送所需信息? 请在 90 天内通过账户状况页面提交申诉。\n"
    )
    notice = parse_notice(text, kb=kb)
    assert (notice.language, notice.reason_ids, notice.scope) == ("zh", ["related-accounts"], "account")
    assert (notice.marketplace, notice.deadline_days) == ("UK", 90)


def test_ids_and_addresses_next_to_chinese_characters(kb: KnowledgeBase) -> None:
    text = "订单112-1234567-7654321被投诉，邮箱legal@brand.example，请联系notice-retraction@amazon.com撤诉。侵权类型：版权"
    notice = parse_notice(text, kb=kb)
    assert notice.order_ids == ("112-1234567-7654321",)
    assert notice.amazon_contacts == ("notice-retraction@amazon.com",)
    assert notice.reason_ids == ["intellectual-property"]


def test_chinese_notice_that_asks_for_a_reply_is_not_forum_chatter(kb: KnowledgeBase) -> None:
    text = (
        "您的卖家账户已被停用。\n\n为什么会发生这种情况？\n我们收到了买家关于商品真实性的投诉。\n\n"
        "如何发送所需信息？\n请回复此消息并附上发票。请在 17 天内回复。\n"
    )
    notice = parse_notice(text, kb=kb)
    assert notice.reason_ids == ["inauthentic"]
    assert notice.lines == (1, 7)
    assert (notice.deadline_days, notice.documents_requested) == (17, ("invoices",))
