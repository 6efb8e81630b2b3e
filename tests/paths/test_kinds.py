"""Each letter kind drafted from a small case: what it says, what it never says, what blocks it."""

from __future__ import annotations

from typing import Any

import pytest

from reinstate.case import load_case
from reinstate.errors import InputError
from reinstate.letters import Draft
from reinstate.letters.kinds import KINDS, draft_letter
from reinstate.review import context_for, review_text
from tests.paths.conftest import AHA_NOTICE, ATOZ_NOTICE, IP_NOTICE, VARIATION_NOTICE

DISPUTE = """reasons: [listing-policy]
path:
  grounds:
    - text: The three child ASINs differ only in size (S, M and L), the variation theme of the family.
      text_zh: 三个子 ASIN 只有尺码（S、M、L）不同，这正是该变体家族的变体主题。
      evidence: manufacturer's size chart for part number HX-200
    - text: All three children carry the manufacturer's part number HX-200.
"""


def draft(write_case: Any, notice: str, body: str, kind: str, marketplace: str = "US") -> Draft:
    return draft_letter(load_case(write_case(notice, body, marketplace)), kind)


def codes(result: Draft) -> set[str]:
    return {w.code for w in result.warnings}


def test_a_dispute_states_the_grounds_and_admits_nothing(write_case: Any) -> None:
    result = draft(write_case, VARIATION_NOTICE, DISPUTE, "dispute", "DE")
    text = result.text
    assert text.startswith("Subject: Dispute of the listing policy violation on ASIN B0C4QZ7M21 and two more")
    assert "We dispute the listing policy violation notice of 2 November 2026" in text
    assert (
        "1. The three child ASINs differ only in size (S, M and L), the variation theme of the family (Exhibit 1)."
        in text
    )
    assert "Exhibits:\n1. Manufacturer's size chart for part number HX-200" in text
    for word in ("root cause", "responsibility", "apolog", "mistake", "will not happen again"):
        assert word not in text.lower()
    assert result.ready and result.letter.kind == "dispute"
    assert result.review is not None and result.review.score >= 90
    assert "path-fact-unconfirmed" in codes(result)  # "dispute only" is an unconfirmed idea: said so
    zh = [m["zh"] for m in result.letter.mirror if m["section"] == "parts"]
    assert "三个子 ASIN 只有尺码（S、M、L）不同，这正是该变体家族的变体主题。" in zh


def test_a_dispute_without_grounds_is_not_ready(write_case: Any) -> None:
    result = draft(write_case, VARIATION_NOTICE, "reasons: [listing-policy]\n", "dispute")
    assert not result.ready and [b.code for b in result.blocking] == ["no-grounds"]
    assert "Why the listing met the policy" not in result.text  # no empty heading


def test_a_ground_that_admits_the_violation_fails_the_review(write_case: Any) -> None:
    body = DISPUTE + "    - text: The size change of 30 October 2026 was our mistake.\n"
    result = draft(write_case, VARIATION_NOTICE, body, "dispute")
    assert result.review is not None
    assert [f.code for f in result.review.findings if f.code == "POA560"] == ["POA560"]


def test_a_retraction_request_is_written_to_the_rights_owner(write_case: Any) -> None:
    body = "path:\n  grounds:\n    - text: We removed the word Keller from the title and the search terms on 5 November 2026.\n"
    result = draft(write_case, IP_NOTICE, body, "retraction", "DE")
    text = result.text
    assert "Dear Keller Brands GmbH," in text and result.letter.recipient == "Keller Brands GmbH"
    assert "a seller on Amazon.de. On 2 November 2026, Amazon removed our listing for ASIN B0C4QZ7M21" in text
    assert "after a trademark complaint filed in your name (complaint ID 8123456781)" in text
    assert "notice-retraction@amazon.com, quoting the complaint ID above, or through Brand Registry" in text
    assert "Seller Performance" not in text
    assert result.ready and not ({"no-rights-owner", "path-not-advised"} & codes(result))


def test_a_retraction_without_a_rights_owner_asks_for_one(write_case: Any) -> None:
    result = draft(write_case, VARIATION_NOTICE, "reasons: [intellectual-property]\n", "retraction")
    assert "Dear Sir or Madam," in result.text
    assert {"no-rights-owner", "no-complaint-ids", "no-grounds"} <= codes(result)


def test_an_aha_acknowledgement_is_short_and_lists_only_dated_done_actions(write_case: Any) -> None:
    body = """reasons: [order-defect-rate]
actions_taken:
  - text: Refunded all 14 buyers with an open claim
    date: 2026-11-18
    evidence: refund report
  - text: Retrain the packing team
    done: false
"""
    result = draft(write_case, AHA_NOTICE, body, "aha-acknowledgement")
    text = result.text
    assert "within the 72 hours of Account Health Assurance" in text
    assert "1. Refunded all 14 buyers with an open claim on 18 November 2026 (Exhibit 1)." in text
    assert "Retrain" not in text  # a planned action is not something done
    assert "Our contact for this matter is Lin Wei, account manager" in text
    assert result.words < 200 and result.ready


def test_a_seller_challenge_needs_a_slot_and_grounds(write_case: Any) -> None:
    body = DISPUTE + "  aha: true\n  challenges_left: 1\n  outcomes: [rejected]\nscope: listing\n"
    result = draft(write_case, VARIATION_NOTICE, body, "seller-challenge")
    assert result.text.startswith("Subject: Seller Challenge: listing policy violation")
    assert "our appeal of it was not accepted" in result.text and result.ready
    assert "path-not-advised" not in codes(result)
    empty = draft(
        write_case, VARIATION_NOTICE, "path:\n  aha: true\n  challenges_left: 0\n", "seller-challenge"
    )
    assert {b.code for b in empty.blocking} == {"no-challenge-left", "no-grounds"}


def test_an_atoz_response_is_short_has_no_attachments_and_names_the_order(write_case: Any) -> None:
    body = """attachments: [UPS proof of delivery]
path:
  grounds:
    - text: We shipped the order on 3 November 2026 with UPS, tracking 1Z999AA10123456784.
      evidence: UPS proof of delivery
    - text: UPS delivered it on 6 November 2026 to the address on the order.
"""
    result = draft(write_case, ATOZ_NOTICE, body, "atoz-response")
    text = result.text
    assert text.startswith("Order 112-1234567-1234567. We shipped the order on 3 November 2026 with UPS")
    assert "Subject" not in text and "Dear" not in text and "Exhibit" not in text
    assert result.letter.attachments == [] and "atoz-no-attachments" in codes(result)
    assert result.words <= 150 and result.ready
    assert result.review is not None and not [
        f for f in result.review.findings if f.code in {"POA150", "POA151"}
    ]


def test_an_atoz_response_without_the_order_is_not_ready(write_case: Any) -> None:
    result = draft(write_case, VARIATION_NOTICE, "", "atoz-response")
    assert {b.code for b in result.blocking} == {"no-claim-order", "no-grounds"}


def test_an_atoz_review_flags_attachments_and_length() -> None:
    context = context_for([], kind="atoz-response")
    found = review_text("Order 112-1234567-1234567. Proof of delivery is enclosed.", context=context)
    assert [f.code for f in found.findings if f.code == "POA151"] == ["POA151"]
    long = "Order 112-1234567-1234567. " + "We shipped it on time with tracking. " * 30
    assert "POA150" in {f.code for f in review_text(long, context=context).findings}


def test_a_statement_of_reasons_request_cites_the_law_without_threatening(write_case: Any) -> None:
    result = draft(write_case, VARIATION_NOTICE, "reasons: [listing-policy]\n", "statement-of-reasons", "DE")
    text = result.text
    assert "Article 4 of Regulation (EU) 2019/1150 and Article 17 of Regulation (EU) 2022/2065" in text
    assert "Whether the decision was taken or detected by automated means." in text
    assert result.review is not None and not [f for f in result.review.findings if f.severity == "error"]
    routes = next(w for w in result.warnings if w.code == "out-of-court-routes")
    assert "CEDR" in routes.message and "DSA article 21" in routes.message and "第 21 条" in routes.message_zh
    uk = draft(write_case, VARIATION_NOTICE, "reasons: [listing-policy]\n", "statement-of-reasons", "UK")
    assert "as it applies in the United Kingdom" in uk.text and "Digital Services Act" not in uk.text


def test_no_kind_invents_a_fact_the_case_does_not_give(write_case: Any) -> None:
    """Numbers in a letter come from the case or the notice: none of ours appears (except law articles)."""
    import re

    allowed = {"1150", "2019", "2022", "2065", "17", "72", "1", "2", "3", "4"}  # laws, point numbers
    for kind in KINDS[1:]:
        result = draft(write_case, VARIATION_NOTICE, DISPUTE, kind, "DE")
        given = set(re.findall(r"\d+", VARIATION_NOTICE + DISPUTE + "2026 11 20 2"))
        numbers = set(re.findall(r"\d+", result.text)) - given - allowed
        assert not numbers, (kind, numbers)


def test_a_kind_letter_round_trips_through_json(write_case: Any) -> None:
    result = draft(
        write_case,
        IP_NOTICE,
        "path:\n  grounds:\n    - text: We hold a licence from Keller Brands GmbH.\n",
        "retraction",
    )
    data = result.to_json()
    assert data["kind"] == "retraction" and data["recipient"] == "Keller Brands GmbH"
    assert data["letter"]["sections"]["parts"][0]["items"] == ["We hold a licence from Keller Brands GmbH."]
    back = Draft.from_json(data)
    assert back.letter.kind == "retraction" and back.letter.parts[0].items[0].text.startswith("We hold")
    assert "## Why we ask you to retract it" in result.markdown


def test_the_plan_of_action_is_unchanged_and_warns_about_repeats(write_case: Any) -> None:
    body = """reasons: [restricted-products]
notices_received:
  - {date: 2026-08-01, reason: restricted-products}
  - {date: 2026-11-02, reason: restricted-products}
"""
    result = draft(write_case, VARIATION_NOTICE, body, "poa")
    assert result.letter.kind == "poa" and "Root causes" not in result.letter.parts
    (repeat,) = [w for w in result.warnings if w.code == "repeat-violations"]
    assert "limit of 2" in repeat.message and repeat.key == "notices_received"


def test_an_unknown_kind_is_an_input_error(write_case: Any) -> None:
    with pytest.raises(InputError, match="unknown letter kind 'appeal'"):
        draft(write_case, VARIATION_NOTICE, "", "appeal")
