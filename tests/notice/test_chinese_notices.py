"""Chinese wordings of Amazon notices that the reader once missed, each in a snippet written for this test.

Measured on Chinese notices sellers posted publicly (see benchmarks/measure_notices.py and the
``zh`` rows of benchmarks/corpus/notices.csv). The snippets below are our own sentences in the
same style, never copies of a posted notice.
"""

from __future__ import annotations

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import parse_notice


def reasons(text: str, kb: KnowledgeBase) -> list[str]:
    return parse_notice(text, kb=kb).reason_ids


@pytest.mark.parametrize("account", ["账户", "帐户"])
def test_a_separate_account_that_was_deactivated_names_related_accounts(
    account: str, kb: KnowledgeBase
) -> None:
    """Amazon's Chinese "You have a separate account ..." notice names neither 关联账户 nor 另一个账户."""
    text = (
        f"我们已停用您在 Amazon.fr 上的卖家{account}，您的商品已下架。\n\n"
        "为什么会发生这种情况？\n"
        f"您还拥有一个单独的{account} Example Trading，该{account}因违反我们的政策已被停用。\n\n"
        "如何重新激活我的账户？\n"
        f"请先为 Example Trading 提交申诉，恢复后再为本{account}提交申诉。\n"
    )
    notice = parse_notice(text, kb=kb)
    assert notice.reason_ids == ["related-accounts"]
    assert "单独的" in notice.reasons[0].evidence


def test_the_separate_account_wording_does_not_turn_a_verification_notice_into_related_accounts(
    kb: KnowledgeBase,
) -> None:
    text = (
        "我们暂停了您的卖家账户。\n\n为什么会发生这种情况？\n我们需要其他文件来验证您的身份。\n\n"
        "如何重新激活我的账户？\n请上传最近 90 天内的水电费账单，并为每个站点单独提供一份。\n"
    )
    assert reasons(text, kb) == ["seller-verification"]
