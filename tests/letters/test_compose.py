"""The composer: honest, specific, structured letters from case files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reinstate.case import load_case
from reinstate.kb import KnowledgeBase
from reinstate.letters import Draft, DraftOptions, draft_appeal

BASE = """
version: 1
seller:
  name: Evergreen Home Supply LLC
  marketplace: US
as_of: 2026-11-20
reasons: [order-defect-rate]
"""

FULL = (
    BASE
    + """
facts:
  - Our warehouse was closed from 2026-09-12 to 2026-09-20 for a move.
root_causes:
  - text: Orders kept arriving during an 8-day warehouse closure because listings stayed active.
    evidence: 9 of the 12 defective orders were placed between 2026-09-12 and 2026-09-20.
actions_taken:
  - text: Refunded all 12 affected buyers in full.
    date: 2026-11-18
    evidence: refund confirmations attached
preventive_measures:
  - text: Turn on Vacation Mode before any closure longer than one day.
    owner: Operations manager
    start: 2026-11-20
    frequency: before every closure
"""
)


def draft(write_case: Callable[[str], Path], text: str, **options: int) -> Draft:
    return draft_appeal(load_case(write_case(text)), options=DraftOptions(**options))


def codes(result: Draft) -> list[str]:
    return [w.code for w in result.warnings]


def test_complete_case_has_every_section_and_every_fact(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, FULL)
    text = result.text
    assert text.startswith("Subject: Plan of Action: Order defect rate above 1% – Evergreen Home Supply LLC")
    for heading in ("Root causes:", "Actions we have taken:", "Preventive measures:"):
        assert heading in text
    assert "Our warehouse was closed from 12 to 20 September 2026 for a move." in text
    assert (
        "Our records show that 9 of the 12 defective orders were placed between 12 and 20 September 2026."
        in text
    )
    assert "On 18 November 2026 we refunded all 12 affected buyers in full (Exhibit 1)." in text
    assert "Exhibits:\n1. Refund confirmations\n" in text
    assert (
        "Owner: Operations manager. In place since 20 November 2026. Frequency: before every closure." in text
    )
    assert text.rstrip().endswith("Evergreen Home Supply LLC\nMarketplace: Amazon.com")
    assert codes(result) == ["document-not-listed"]


def test_opening_owns_the_issue_without_pleading(
    write_case: Callable[[str], Path], kb: KnowledgeBase
) -> None:
    opening = draft(write_case, FULL).letter.opening
    event = "Our warehouse was closed from 12 to 20 September 2026 for a move. "
    assert opening.startswith(event)  # the event first, then ownership
    assert any(opening[len(event) :].startswith(v) for v in kb.reason("order-defect-rate").letter.ownership)
    assert not re.search(r"sorry|apolog|beg|please|our company|founded", opening, re.I)
    assert "the root cause" in opening and "the corrective action we completed on 18 November 2026" in opening
    assert "the one " not in opening


def test_closing_states_only_what_the_case_shows(write_case: Callable[[str], Path]) -> None:
    closing = draft(write_case, FULL).letter.closing
    assert closing.startswith(
        "The corrective action above is complete and the preventive measure is in operation."
    )
    future = FULL.replace("start: 2026-11-20", "start: 2026-12-01")
    closing = draft(write_case, future).letter.closing
    assert closing.startswith("The corrective action above is complete.")
    assert "in operation" not in closing


def test_undated_action_is_never_in_the_past_tense(write_case: Callable[[str], Path]) -> None:
    text = FULL.replace("    date: 2026-11-18\n", "")
    result = draft(write_case, text)
    assert "refunded" not in result.text.lower()
    assert "action-without-date" in codes(result) and "no-actions-taken" in codes(result)
    assert "Actions we have taken" not in result.text


def test_future_dated_action_becomes_a_planned_step(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, FULL.replace("date: 2026-11-18", "date: 2026-12-05"))
    assert "action-in-future" in codes(result)
    assert "refunded" not in result.text.lower()
    assert (
        result.letter.preventive_measures[-1].text
        == "Refund all 12 affected buyers in full. Due 5 December 2026."
    )


def test_planned_action_goes_to_prevention(write_case: Callable[[str], Path]) -> None:
    planned = (
        "    evidence: refund confirmations attached\n"
        "  - text: Move every order to a tracked carrier\n"
        "    done: false\n    date: 2026-12-01\n    owner: Shipping lead\n"
    )
    result = draft(write_case, FULL.replace("    evidence: refund confirmations attached\n", planned))
    assert len(result.letter.actions_taken) == 1
    last = result.letter.preventive_measures[-1].text
    assert last == "Move every order to a tracked carrier. Owner: Shipping lead. Due 1 December 2026."
    assert "moved every order" not in result.text.lower()


def test_intention_in_actions_is_left_out(write_case: Callable[[str], Path]) -> None:
    result = draft(
        write_case, FULL.replace("Refunded all 12 affected buyers in full.", "We will refund all buyers.")
    )
    assert "action-reads-as-plan" in codes(result)
    assert "refund all buyers" not in result.text


def test_reason_without_cause_is_flagged(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, BASE)
    assert "reason-without-root-cause" in codes(result)
    message = next(w for w in result.warnings if w.code == "reason-without-root-cause")
    assert "reinstate reasons order-defect-rate" in message.message and "根本原因" in message.message_zh


def test_cause_for_a_reason_not_in_the_case_is_left_out(write_case: Callable[[str], Path]) -> None:
    text = FULL.replace(
        "root_causes:\n",
        "root_causes:\n  - text: Our handling time was too short.\n    reason: late-shipment-rate\n",
    )
    result = draft(write_case, text)
    assert "root-cause-off-notice" in codes(result)
    assert "handling time was too short" not in result.text


def test_multi_reason_causes_are_labelled_and_need_a_reason(write_case: Callable[[str], Path]) -> None:
    text = BASE.replace("[order-defect-rate]", "[late-shipment-rate, pre-fulfillment-cancel-rate]") + (
        "root_causes:\n"
        "  - text: Pickers could not find stock, so orders shipped late.\n    reason: late-shipment-rate\n"
        "  - text: Our spreadsheet showed stock we did not have.\n    reason: pre-fulfillment-cancel-rate\n"
        "  - text: A cause with no reason.\n"
    )
    result = draft(write_case, text)
    assert "root-cause-reason-guessed" in codes(result)
    assert [i.label for i in result.letter.root_causes] == [
        "Late shipment rate above 4%",
        "Late shipment rate above 4%",
        "Pre-fulfillment cancel rate above 2.5%",
    ]
    assert "A cause with no reason." in result.text  # placed under the first reason, never dropped
    assert "late shipment rate" in result.letter.subject.lower()


def test_kb_only_cause_names_its_kind_and_blocks(
    write_case: Callable[[str], Path], kb: KnowledgeBase
) -> None:
    result = draft(write_case, BASE + "root_causes:\n  - kb: late-or-lost-deliveries\n")
    cause = kb.reason("order-defect-rate").cause("late-or-lost-deliveries")
    assert cause is not None and cause.statement not in result.text  # never the knowledge base's story
    assert result.letter.root_causes[0].text == "Late or lost deliveries."
    assert {"root-cause-generic", "root-cause-without-evidence"} <= set(codes(result))
    assert "root-cause-generic" in [b.code for b in result.blocking]


def test_incomplete_measure_is_flagged(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, BASE + "preventive_measures:\n  - text: Check metrics\n")
    warning = next(w for w in result.warnings if w.code == "measure-incomplete")
    assert "owner, start, frequency" in warning.message and "负责人" in warning.message_zh


def test_chinese_text_is_flagged(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, BASE + "facts:\n  - 仓库在国庆期间关闭。\n")
    assert "not-english" in codes(result)


def test_notice_supplies_reasons_when_the_case_has_none(write_case: Callable[[str], Path]) -> None:
    text = BASE.replace("reasons: [order-defect-rate]\n", "") + (
        "notice: |\n  Your late shipment rate does not meet our performance target.\n"
    )
    assert draft(write_case, text).reasons == ["late-shipment-rate"]


def test_length_budget_is_respected_or_explained(write_case: Callable[[str], Path]) -> None:
    long_causes = "".join(
        f"  - text: Cause number {n} " + "with a very long explanation " * 12 + "\n    evidence: 3 orders.\n"
        for n in range(6)
    )
    result = draft(write_case, BASE + "root_causes:\n" + long_causes, max_words=300)
    assert result.words > 300 and "over-length" in codes(result)
    warning = next(w for w in result.warnings if w.code == "over-length")
    assert "root_causes[" in warning.message
    assert draft(write_case, FULL, max_words=300).words <= 300


def test_form_answers_fit_their_limit(write_case: Callable[[str], Path]) -> None:
    measures = "".join(
        f"  - text: Measure {n} " + "checks many things " * 10 + "\n    owner: Lead\n    start: 2026-11-01\n"
        "    frequency: daily\n"
        for n in range(8)
    )
    result = draft(
        write_case,
        FULL.replace("preventive_measures:\n", "preventive_measures:\n" + measures),
        form_limit=600,
    )
    assert all(len(v) <= 600 for v in result.form.values())
    assert "form-over-limit" in codes(result)
    dropped = next(w for w in result.warnings if w.code == "form-over-limit")
    assert "preventive_measures[" in dropped.message  # the dropped points are named
    assert result.form["root_cause"].startswith("Our warehouse was closed from 12 to 20 September 2026")
    assert result.form["actions_taken"].startswith("1. On 18 November 2026 we refunded")


def test_different_cases_do_not_read_the_same(write_case: Callable[[str], Path]) -> None:
    first = draft(write_case, FULL)
    other = FULL.replace("Evergreen Home Supply LLC", "Harbour Lane Goods Ltd").replace(
        "Orders kept arriving", "Buyers kept ordering"
    )
    second = draft(write_case, other.replace("[order-defect-rate]", "[late-shipment-rate]"))
    assert first.letter.opening != second.letter.opening
    assert first.letter.closing != second.letter.closing or first.letter.subject != second.letter.subject


def test_json_shape_follows_the_spec(write_case: Callable[[str], Path]) -> None:
    payload = draft(write_case, FULL).to_json()
    assert payload["schema"] == "reinstate.draft/1"
    assert payload["reasons"] == ["order-defect-rate"]
    assert set(payload["letter"]) >= {"subject", "text", "sections"}
    assert set(payload["letter"]["sections"]) >= {
        "opening", "root_causes", "actions_taken", "preventive_measures", "closing"
    }  # fmt: skip
    assert set(payload["form"]) == {"root_cause", "actions_taken", "preventive_measures"}
    assert isinstance(payload["warnings"], list) and all(isinstance(w, str) for w in payload["warnings"])


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_rendered_text_has_no_template_gaps(write_case: Callable[[str], Path], fmt: str) -> None:
    result = draft(write_case, BASE)
    text = result.markdown if fmt == "md" else result.text
    assert "{{" not in text and "None" not in text and "\n\n\n" not in text


NOTICE_CASE = """
version: 1
seller:
  name: Quayside Media Resale LLC
as_of: 2026-11-19
notice: |
  We removed some of your listings because of customer complaints about items listed at the end of
  this email. Customers may be complaining because the items they received did not accurately match
  the condition or description on the detail page.
  Please send us copies of invoices issued in the last 365 days for the ASINs listed below.
  Complaint Type: Used items sold as new
  ASIN: B0C4QZ7M21
  ASIN: B0B9XK2L6P
  Order ID: 112-1234567-1234567
root_causes:
  - text: Our upload template set 46 used SKUs to New, including B0C4QZ7M21.
    evidence: All 9 complaints came from orders placed between 2026-10-06 and 2026-11-02.
actions_taken:
  - text: Corrected the condition of all 46 SKUs
    date: 2026-11-04
    evidence: inventory file processing report
preventive_measures:
  - text: A second person checks every bulk upload.
    owner: Listing lead
    start: 2026-11-08
    frequency: every bulk upload
"""


def test_notice_drives_reasons_and_every_cited_id_is_named(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, NOTICE_CASE)
    assert result.reasons == ["condition-complaint"]
    assert "B0C4QZ7M21" in result.text
    # only what the seller's own text answers is said to be answered
    assert result.letter.cited == "This plan answers the notice for ASIN B0C4QZ7M21."
    for unanswered in ("B0B9XK2L6P", "112-1234567-1234567"):
        assert unanswered not in result.text
        assert any(unanswered in b.message for b in result.blocking)


def test_uncovered_cited_items_are_warned_by_id(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, NOTICE_CASE)
    uncovered = [w.message for w in result.warnings if w.code == "cited-item-not-covered"]
    assert len(uncovered) == 2
    assert any("B0B9XK2L6P" in m for m in uncovered) and any("112-1234567-1234567" in m for m in uncovered)
    assert not any("B0C4QZ7M21" in m for m in uncovered)
    assert "requested-document-missing" in codes(result)
    attached = NOTICE_CASE + "attachments:\n  - Supplier invoices for both ASINs (2026)\n"
    assert "requested-document-missing" not in codes(draft(write_case, attached))


def test_draft_review_checks_the_notice(write_case: Callable[[str], Path]) -> None:
    result = draft(write_case, NOTICE_CASE)
    assert result.review is not None
    assert "POA605" in {f.code for f in result.review.findings}  # invoices asked for, not named
    assert "POA602" in {f.code for f in result.review.findings}  # B0B9XK2L6P is cited and not answered
    answered = NOTICE_CASE.replace("including B0C4QZ7M21.", "including B0C4QZ7M21 and B0B9XK2L6P.")
    answered = answered.replace(
        "between 2026-10-06", "(one was order 112-1234567-1234567) between 2026-10-06"
    )
    review = draft(write_case, answered).review
    assert review is not None and "POA602" not in {f.code for f in review.findings}


def test_reports_back_the_causes_with_computed_numbers(
    write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    from reinstate.sampledata import write_sample_data

    write_sample_data(tmp_path / "reports", orders=1500, seed=7)
    text = BASE.replace("reasons: [order-defect-rate]", "reasons: [order-defect-rate]\nreports: reports/") + (
        "root_causes:\n  - kb: listings-active-during-closure\n"
        "    text: Our warehouse was closed from 12 to 20 October 2026 and our listings stayed active.\n"
        "actions_taken:\n  - text: Refunded the affected buyers\n    date: 2026-11-12\n    evidence: refund report\n"
    )
    result = draft(write_case, text)
    opening = result.letter.opening
    assert (
        opening.startswith("Our order defect rate was ") and "against Amazon's target of under 1%" in opening
    )
    cause = result.letter.root_causes[0].text
    assert "Our Seller Central data shows this:" in cause and "between 12 and 20 October 2026" in cause
    assert "root-cause-without-evidence" not in codes(result)
    assert result.letter.appendix == []
    with_table = draft_appeal(load_case(write_case(text)), options=DraftOptions(appendix=True))
    assert with_table.letter.appendix and "| Purchase date |" in with_table.markdown
    assert with_table.words == result.words  # the appendix is not counted as letter


@pytest.mark.parametrize(
    ("attachment", "warned"),
    [
        ("Carrier scans for the 12 late orders", False),  # a seller's wording of the tracking records
        ("Tracking numbers of all 12 orders", False),
        ("Refund confirmations", True),
    ],
)
def test_an_attachment_counts_when_it_names_the_document_as_a_seller_would(
    write_case: Callable[[str], Path], attachment: str, warned: bool
) -> None:
    result = draft(write_case, FULL + f"attachments:\n  - {attachment}\n")
    assert ("document-not-listed" in codes(result)) is warned


def test_markdown_export_never_carries_user_html(write_case: Callable[[str], Path]) -> None:
    """Issue 13 item 17: `<script>` typed into a case reached the .md export as HTML."""
    result = draft(write_case, FULL.replace("for a move.", "for a move <script>alert(1)</script> & more."))
    assert "<script>" not in result.markdown and "&lt;script&gt;" in result.markdown
    assert "&amp; more" in result.markdown
    assert "<script>alert(1)</script> & more" in result.text  # plain text stays as typed
