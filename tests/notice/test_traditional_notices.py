"""Notices in traditional Chinese (Taiwan, Hong Kong) are read as their simplified form.

Every snippet is our own sentence in the style of Amazon's notices, in Taiwan or Hong Kong wording
(帳戶, 賣家, 訂單瑕疵率, 智慧財產權, 身分驗證), never a copy of a posted notice.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import parse_notice
from reinstate.notice.script import has_traditional, to_simplified

WHY = "為什麼會發生這種情況？"
HOW = "如何重新啟用我的帳戶？"

NOTICES = {
    "order-defect-rate": (
        "您的賣家帳戶已被停用，銷售權限已被移除。\n\n"
        f"{WHY}\n您的訂單瑕疵率超過了我們 1% 的目標。在過去 60 天內，您的訂單瑕疵率為 3.2%。\n\n"
        f"{HOW}\n請提交一份行動計劃，說明問題的根本原因以及您為解決問題所採取的措施。\n"
    ),
    "late-shipment-rate": (
        "我們已暫停您的賣家帳戶。\n\n"
        f"{WHY}\n您的延遲出貨率高於 4% 的目標，影響了買家的購物體驗。\n\n"
        f"{HOW}\n請在賣家平台提交申訴並附上行動計劃。\n"
    ),
    "related-accounts": (
        "我們已停用您在 Amazon.com 上的賣家帳戶。\n\n"
        f"{WHY}\n我們發現您的帳戶與另一個帳戶存在關聯帳戶的情況，該帳戶因違反我們的政策已被停用。\n\n"
        f"{HOW}\n請說明帳戶之間的關係。\n"
    ),
    "intellectual-property": (
        "您的商品已被移除。\n\n"
        f"{WHY}\n我們收到了權利人的智慧財產權投訴，投訴編號：1234567890。侵權類型：商標。\n\n"
        f"{HOW}\n請聯絡權利人，取得撤回投訴的確認。\n"
    ),
    "seller-verification": (
        "我們暫停了您的賣家帳戶。\n\n"
        f"{WHY}\n我們需要完成身分驗證，以確認您提供的資訊。\n\n"
        f"{HOW}\n請上傳最近 90 天內的水電費帳單。\n"
    ),
    "inauthentic": (
        "您的銷售權限已被移除。\n\n"
        f"{WHY}\n我們收到了買家關於商品真實性的投訴，指出您銷售的是仿冒品。\n\n"
        f"{HOW}\n請提供過去 365 天內由供應商開具的發票。\n"
    ),
}


@pytest.mark.parametrize("reason", sorted(NOTICES))
def test_a_traditional_chinese_notice_gets_its_reason(reason: str, kb: KnowledgeBase) -> None:
    notice = parse_notice(NOTICES[reason], kb=kb)
    assert notice.language == "zh"
    assert notice.reason_ids[:1] == [reason]


def test_the_simplified_notice_and_its_traditional_form_read_alike(kb: KnowledgeBase) -> None:
    simplified = (
        "您的卖家账户已被停用，销售权限已被移除。\n\n为什么会发生这种情况？\n"
        "您的订单缺陷率超过了我们 1% 的目标。\n\n如何重新激活我的账户？\n请在 17 天内提交行动计划。\n"
    )
    traditional = (
        "您的賣家帳戶已被停用，銷售權限已被移除。\n\n為什麼會發生這種情況？\n"
        "您的訂單瑕疵率超過了我們 1% 的目標。\n\n如何重新啟用我的帳戶？\n請在 17 天內提交行動計劃。\n"
    )
    a, b = parse_notice(simplified, kb=kb), parse_notice(traditional, kb=kb)
    assert a.reason_ids == b.reason_ids == ["order-defect-rate"]
    assert a.scope == b.scope == "account"
    assert a.deadline is not None and b.deadline is not None
    assert a.deadline.days == b.deadline.days == 17
    assert a.documents_requested == b.documents_requested


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("請於 17 天內提交您的申訴。", 17),
        ("若您未能在30日內回覆，您的帳戶將被永久停用。", 30),
        ("請在 72 小時內回覆本通知。", None),
    ],
)
def test_deadlines_written_in_traditional_chinese_are_read(
    sentence: str, days: int | None, kb: KnowledgeBase
) -> None:
    text = f"您的賣家帳戶已被停用。\n\n{WHY}\n您的訂單瑕疵率超過了 1% 的目標。\n\n{HOW}\n{sentence}\n"
    deadline = parse_notice(text, kb=kb).deadline
    assert deadline is not None
    if days is not None:
        assert deadline.days == days
    else:
        assert deadline.hours == 72


def test_a_dated_deadline_in_traditional_chinese_is_read(kb: KnowledgeBase) -> None:
    text = (
        f"您的賣家帳戶已被停用。\n\n{WHY}\n您的訂單瑕疵率超過了 1% 的目標。\n\n"
        f"{HOW}\n請於 2026年12月15日之前提交行動計劃。\n"
    )
    deadline = parse_notice(text, kb=kb).deadline
    assert deadline is not None
    assert deadline.date == "2026-12-15"


def test_lines_keep_their_number_and_only_traditional_lines_change() -> None:
    lines = ("Dear Seller,", "您的帳戶已被停用。", "您的账户已被停用。", "")
    out = to_simplified(lines)
    assert out == ("Dear Seller,", "您的账户已被停用。", "您的账户已被停用。", "")


def test_english_and_simplified_notices_never_load_the_converter() -> None:
    code = (
        "import sys\n"
        "from reinstate.notice import parse_notice\n"
        "parse_notice('Your seller account has been deactivated. Your order defect rate is above 1%.')\n"
        "parse_notice('您的卖家账户已被停用。\\n为什么会发生这种情况？\\n您的订单缺陷率超过了 1% 的目标。')\n"
        "print('opencc_purepy' in sys.modules)\n"
        "parse_notice('您的賣家帳戶已被停用。\\n為什麼會發生這種情況？\\n您的訂單瑕疵率超過了 1% 的目標。')\n"
        "print('opencc_purepy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
    assert not has_traditional("您的账户已被停用，请在 17 天内提交申诉。")
    assert has_traditional("您的帳戶已被停用")
