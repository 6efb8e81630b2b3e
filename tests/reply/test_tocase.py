"""Each ask of a reply mapped to what in the case must change (``check_against``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reinstate.case import load_case
from reinstate.case.schema import Case
from reinstate.reply import check_against, read_reply
from reinstate.reply.tocase import mentions
from tests.reply import replies as r

THIN = """
seller:
  name: Harbour Lane Goods Ltd
as_of: 2026-11-20
reasons: [order-defect-rate]
root_causes:
  - text: Our packing was not careful enough.
  - text: A supplier batch of 400 kettles had loose lids, so 23 buyers received leaking kettles in October.
    evidence: 23 of the 31 claims name a leaking lid; all 23 orders were packed from batch 2026-09.
actions_taken:
  - text: Refunded the 23 buyers
    date: 2026-11-10
    evidence: refund report
  - text: We will retrain the packing team
    done: false
preventive_measures:
  - text: Inspect 5% of every incoming batch
    owner: Warehouse lead
    start: 2026-11-15
    frequency: every batch
  - text: Check packing quality
attachments:
  - Order confirmation from the supplier for batch 2026-09
"""


def case_of(write_case: Callable[[str], Path], text: str = THIN) -> Case:
    return load_case(write_case(text)).case


def by_code(warnings: list, code: str) -> list:  # type: ignore[type-arg]
    return [w for w in warnings if w.code == code]


def test_root_cause_ask_names_the_thin_causes_and_the_unanswered_issue(
    write_case: Callable[[str], Path],
) -> None:
    reply = read_reply(r.MORE_INFO)  # asks about "buyers receiving defective items"
    warnings = check_against(reply, case_of(write_case))
    thin = by_code(warnings, "reply-root-cause-thin")
    assert [w.key for w in thin] == ["root_causes[0]"]  # the second cause has numbers and evidence
    assert "no evidence and no numbers" in thin[0].message and "证据、具体数字" in thin[0].message_zh
    # "leaking kettles" does not say "defective items": the issue Amazon names is not answered
    issue = by_code(warnings, "reply-issue-not-answered")
    assert issue and "buyers receiving defective items" in issue[0].seller
    assert "根本原因" in issue[0].seller_zh


def test_issue_counts_as_answered_when_a_cause_speaks_of_it(write_case: Callable[[str], Path]) -> None:
    answered = THIN.replace("received leaking kettles", "received defective items (leaking kettles)")
    warnings = check_against(read_reply(r.MORE_INFO), case_of(write_case, answered))
    assert not by_code(warnings, "reply-issue-not-answered")


def test_actions_without_date_or_proof_and_planned_ones(write_case: Callable[[str], Path]) -> None:
    warnings = check_against(read_reply(r.MORE_INFO), case_of(write_case))
    actions = by_code(warnings, "reply-action-unproven")
    assert [w.key for w in actions] == ["actions_taken[1]"]  # the refund is dated and proven
    assert "still planned" in actions[0].message and "no date" in actions[0].message
    assert "date:" not in actions[0].seller and "计划中" in actions[0].seller_zh


def test_prevention_ask_names_vague_measures(write_case: Callable[[str], Path]) -> None:
    warnings = check_against(read_reply(r.MORE_INFO), case_of(write_case))
    measures = by_code(warnings, "reply-measure-vague")
    assert [w.key for w in measures] == ["preventive_measures[1]"]
    assert "负责人" in measures[0].seller_zh and "an owner" in measures[0].seller


def test_document_asks_name_the_documents(write_case: Callable[[str], Path]) -> None:
    warnings = check_against(read_reply(r.DOCUMENTS), case_of(write_case))
    missing = " ".join(w.message for w in by_code(warnings, "reply-document-missing"))
    assert "supplier invoices" in missing and "letter of authorization" in missing
    assert "test reports" in missing and "identity document" in missing
    assert by_code(warnings, "reply-not-an-invoice")  # an order confirmation is attached, not an invoice
    assert by_code(warnings, "reply-documents-replace")
    assert by_code(warnings, "reply-other-ask")


def test_attached_documents_are_not_asked_again(write_case: Callable[[str], Path]) -> None:
    case = THIN.replace(
        "  - Order confirmation from the supplier for batch 2026-09",
        "  - Supplier invoices for batch 2026-09\n  - Letter of authorization from the brand owner",
    )
    warnings = check_against(read_reply(r.DOCUMENTS), case_of(write_case, case))
    missing = " ".join(w.message for w in by_code(warnings, "reply-document-missing"))
    assert "invoices" not in missing and "letter of authorization" not in missing
    assert not by_code(warnings, "reply-not-an-invoice")


def test_reinstated_reply_warns_of_nothing_and_final_decision_says_so(
    write_case: Callable[[str], Path],
) -> None:
    case = case_of(write_case)
    assert check_against(read_reply(r.REINSTATED), case) == []
    assert [w.code for w in check_against(read_reply(r.FINAL), case)] == ["reply-final-decision"]


def test_empty_case_gets_one_warning_per_part(write_case: Callable[[str], Path]) -> None:
    case = case_of(write_case, "seller:\n  name: Harbour Lane Goods Ltd\n")
    codes = [w.code for w in check_against(read_reply(r.MORE_INFO), case)]
    assert codes == ["reply-no-root-cause", "reply-no-actions", "reply-no-measures"]


def test_chinese_issue_is_matched_by_its_characters() -> None:
    assert mentions("买家收到有缺陷商品", ["十月有23位买家收到有缺陷的商品（壶盖松动）"])
    assert not mentions("买家收到有缺陷商品", ["仓库关闭期间订单延迟发货"])
    assert mentions("buyers receiving different items", ["12 buyers received a different item than ordered"])


def test_account_compliance_ask_is_quoted_not_mapped_to_lab_reports(
    write_case: Callable[[str], Path],
) -> None:
    reply = read_reply(
        "We do not have enough information. Please send evidence or examples that demonstrate that your "
        "account complies with our Drop Shipping policy."
    )
    warnings = by_code(check_against(reply, case_of(write_case)), "reply-document-missing")
    assert len(warnings) == 1 and "proof of compliance" in warnings[0].message
    assert "test reports" not in warnings[0].message and "合规证明" in warnings[0].message_zh
