"""Every fixture notice, read end to end, against what a person reads in it.

Each fixture in ``fixtures/`` is a notice written for these tests in the wording styles Amazon
uses (see ../shared/domain/data-and-metrics.md section 4). The expected values below were read
off the fixture by hand. Every key of ``DEFAULTS`` is compared for every fixture, so a value
that should be empty is checked to be empty, and nothing extra slips in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import parse_notice

FIXTURES = Path(__file__).parent / "fixtures"

DEFAULTS: dict[str, Any] = {
    "language": "en",
    "reasons": [],
    "scope": "unknown",
    "asins": [],
    "order_ids": [],
    "complaint_ids": [],
    "infringement_types": [],
    "rights_owner": {"name": None, "email": None},
    "marketplace": None,
    "documents_requested": [],
    "document_periods_days": {},
    "deadline_days": None,
    "deadline_hours": None,
    "dates": [],
    "appeal_needed": None,
}

CASES: dict[str, dict[str, Any]] = {
    "odr-account.txt": {
        "reasons": ["order-defect-rate"],
        "scope": "account",
        # three defect orders, the last one in the S01- format
        "order_ids": ["112-4839201-5567012", "113-0098812-3341290", "S01-2233445-6677889"],
        "marketplace": "US",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "dates": ["2026-09-03", "2026-11-01"],
        "appeal_needed": True,
    },
    "lsr-cancel-uk.txt": {
        # two metrics in one "why" section: both, in the order the notice names them
        "reasons": ["late-shipment-rate", "pre-fulfillment-cancel-rate"],
        "scope": "account",
        "marketplace": "UK",
        "documents_requested": ["plan-of-action"],
        "appeal_needed": True,
    },
    "vtr-warning.txt": {
        # a warning: nothing is removed yet ("may result in"), so no appeal
        "reasons": ["valid-tracking-rate"],
        "scope": "category",
        "marketplace": "US",
        "dates": ["2026-11-15"],
        "appeal_needed": False,
    },
    "otdr-restricted.txt": {
        "reasons": ["on-time-delivery-rate"],
        "scope": "fulfillment-method",
        "documents_requested": ["plan-of-action"],
        "appeal_needed": True,
    },
    "ncx-listing.txt": {
        "reasons": ["high-return-rate"],
        "scope": "listing",
        "asins": ["B0D7TQ5X2L"],
        "documents_requested": ["plan-of-action"],
        "appeal_needed": True,
    },
    "odr-customer-service.txt": {
        "reasons": ["order-defect-rate", "customer-service"],
        "scope": "account",
        "documents_requested": ["plan-of-action"],
        "appeal_needed": True,
    },
    "inauthentic-account.txt": {
        "reasons": ["inauthentic"],
        "scope": "account",
        "asins": ["B0BQ4K7T9Z", "B09XJ2M4LL", "B0C1R8VW3P"],
        "marketplace": "US",
        "documents_requested": ["invoices", "letter-of-authorization", "supplier-contacts", "plan-of-action"],
        "document_periods_days": {"invoices": 365},
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "inauthentic-listing-old.txt": {
        # the older listing-level form: invoices from the last 180 days
        "reasons": ["inauthentic"],
        "scope": "listing",
        "asins": ["B07PQ3RZ8M"],
        "complaint_ids": ["5510293847"],
        "documents_requested": ["invoices", "plan-of-action"],
        "document_periods_days": {"invoices": 180},
        "appeal_needed": True,
    },
    "condition-used-as-new.txt": {
        "reasons": ["condition-complaint"],
        "scope": "listing",
        "asins": ["B0CZ81TQ4N", "B0B5WQ2K7J"],
        "documents_requested": ["plan-of-action", "product-photos"],
        "appeal_needed": True,
    },
    "ip-trademark.txt": {
        # listing-level IP: the fix is a retraction, not an appeal
        "reasons": ["intellectual-property"],
        "scope": "listing",
        "asins": ["B08KXT4R2Q"],
        "complaint_ids": ["9023381176"],
        "infringement_types": ["trademark"],
        "rights_owner": {"name": "Margaret Ellison", "email": "trademarks@northwind-brands.com"},
        "documents_requested": ["retraction"],
        "appeal_needed": False,
    },
    "ip-copyright-image.txt": {
        # masked ids as sellers post them are kept as written
        "reasons": ["intellectual-property"],
        "scope": "listing",
        "asins": ["B07XXXXXXX"],
        "complaint_ids": ["640XCCCCC"],
        "infringement_types": ["copyright"],
        "rights_owner": {"name": "Lumen Photo Studio", "email": "legal@lumenphoto.example"},
        "appeal_needed": False,
    },
    "ip-account-level.txt": {
        # three ASINs on one line; an account-level IP deactivation does need an appeal
        "reasons": ["intellectual-property"],
        "scope": "account",
        "asins": ["B00KKF8ZA2", "B00YP41V8M", "B01N6QTX5E"],
        "infringement_types": ["copyright"],
        "marketplace": "DE",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "restricted-listing.txt": {
        "reasons": ["restricted-products"],
        "scope": "listing",
        "asins": ["B0CQ7VJ2H5", "B0CQ7VJ2H6"],
        "appeal_needed": True,
    },
    "restricted-account-72h.txt": {
        # 72 hours: reported as hours, and as 3 whole days
        "reasons": ["restricted-products"],
        "scope": "account",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 3,
        "deadline_hours": 72,
        "appeal_needed": True,
    },
    "product-safety.txt": {
        "reasons": ["product-safety"],
        "scope": "listing",
        "asins": ["B0B2FQ9M1C"],
        "documents_requested": ["plan-of-action", "safety-documents", "product-photos"],
        "appeal_needed": True,
    },
    "review-manipulation.txt": {
        "reasons": ["review-manipulation"],
        "scope": "account",
        "marketplace": "US",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "code-of-conduct.txt": {
        "reasons": ["code-of-conduct"],
        "scope": "account",
        "documents_requested": ["plan-of-action"],
        "appeal_needed": True,
    },
    "related-accounts.txt": {
        # section 3 notices give 90 days
        "reasons": ["related-accounts"],
        "scope": "account",
        "marketplace": "CA",
        "documents_requested": ["account-relationship-explanation", "account-reactivation-confirmation"],
        "deadline_days": 90,
        "appeal_needed": True,
    },
    "seller-verification.txt": {
        "reasons": ["seller-verification"],
        "scope": "account",
        "documents_requested": ["utility-bill", "identity-document", "business-license", "bank-statement"],
        "document_periods_days": {"utility-bill": 90},
        "deadline_days": 30,
        "appeal_needed": True,
    },
    "verification-dated.txt": {
        # a dated deadline: four weeks after the notice's own date
        "reasons": ["seller-verification"],
        "scope": "account",
        "marketplace": "US",
        "documents_requested": ["bank-statement"],
        "deadline_days": 28,
        "dates": ["2026-10-19", "2026-11-16"],
        "appeal_needed": True,
    },
    "fair-pricing.txt": {
        # the fix is the price, not an appeal
        "reasons": ["fair-pricing"],
        "scope": "listing",
        "asins": ["B0BT2JK8RX"],
        "appeal_needed": False,
    },
    "drop-shipping.txt": {
        # "packing slips and invoices that named another company" asks for no invoices
        "reasons": ["drop-shipping"],
        "scope": "fulfillment-method",
        "order_ids": ["114-7712093-4471182", "114-2201938-5510047"],
        "documents_requested": ["plan-of-action", "dropship-supplier-agreement"],
        "appeal_needed": True,
    },
    "listing-policy.txt": {
        "reasons": ["listing-policy"],
        "scope": "listing",
        "asins": ["B0C9LMV4T2", "B0C9LMV4T3"],
        "appeal_needed": True,
    },
    "account-under-review.txt": {
        # a review is not a deactivation: no appeal; "should not exceed 30 days" is no deadline
        "reasons": ["account-under-review"],
        "scope": "account",
        "appeal_needed": False,
    },
    "zh-odr.txt": {
        "language": "zh",
        "reasons": ["order-defect-rate"],
        "scope": "account",
        "marketplace": "US",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "zh-ip.txt": {
        "language": "zh",
        "reasons": ["intellectual-property"],
        "scope": "listing",
        "asins": ["B0DK5R3M8Q"],
        "complaint_ids": ["13579086421"],
        "infringement_types": ["trademark"],
        "rights_owner": {"name": "深圳市鼎新科技有限公司", "email": "ipr@dingxin-tech.example"},
        "documents_requested": ["retraction"],
        "appeal_needed": False,
    },
    "zh-inauthentic.txt": {
        # "过去 365 天内" is the invoices' period, "17 天内" the deadline
        "language": "zh",
        "reasons": ["inauthentic"],
        "scope": "account",
        "asins": ["B0CM4T8X2R", "B0CM4T8X2S"],
        "documents_requested": ["invoices", "letter-of-authorization", "supplier-contacts", "plan-of-action"],
        "document_periods_days": {"invoices": 365},
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "zh-forum-lsr-cancel.txt": {
        # a Chinese forum post: the poster's ODR warning, the reply's valid tracking rate and the
        # post date stay outside the notice (lines 6-17)
        "language": "zh",
        "reasons": ["late-shipment-rate", "pre-fulfillment-cancel-rate"],
        "scope": "account",
        "marketplace": "UK",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "inauthentic-email.html": {
        # the <script> mentions "order defect rate"; hidden text must not count
        "reasons": ["inauthentic"],
        "scope": "account",
        "asins": ["B0C6H2WQ9T", "B0C6H2WQ9V"],
        "marketplace": "US",
        "documents_requested": ["invoices", "plan-of-action"],
        "document_periods_days": {"invoices": 365},
        "appeal_needed": True,
    },
    "ip-quoted-printable.eml": {
        # soft line breaks split "rights owner" and "retract"; =E2=80=99 is a curly apostrophe
        "reasons": ["intellectual-property"],
        "scope": "listing",
        "asins": ["B0CW7PZ4K1"],
        "complaint_ids": ["8123456781"],
        "infringement_types": ["copyright"],
        "rights_owner": {"name": "Harbor & Finch Publishing", "email": "permissions@harborfinch.example"},
        "marketplace": "US",
        "documents_requested": ["retraction"],
        "appeal_needed": False,
    },
    "forum-thread.txt": {
        # replies mention ODR, counterfeit, valid tracking and cancellation rate, and two other
        # ASINs; only the quoted notice counts
        "reasons": ["late-shipment-rate"],
        "scope": "account",
        "marketplace": "US",
        "documents_requested": ["plan-of-action"],
        "deadline_days": 17,
        "appeal_needed": True,
    },
    "books-isbn.txt": {
        # 0316769487 and 0140449132 are ISBN-10 ASINs; 0306406152 has a valid check digit too
        # but is a complaint id, and 0123456789 is a phone number
        "reasons": ["condition-complaint"],
        "scope": "listing",
        "asins": ["0316769487", "0140449132"],
        "complaint_ids": ["8123456781", "0306406152"],
        "appeal_needed": True,
    },
    "unknown-english.txt": {
        # an FBA receiving note: an honest unknown, never a guess
        "dates": ["2026-11-12"],
    },
    "german.txt": {
        "language": "de",
        "asins": ["B0BR9N4K2W"],
        "marketplace": "DE",
    },
    "spanish.txt": {
        "language": "es",
        "order_ids": ["405-1234567-7654321"],
        "marketplace": "ES",
    },
}


def read(name: str, kb: KnowledgeBase) -> dict[str, Any]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return parse_notice(text, kb=kb, source=name).to_json()


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_reads_as_expected(name: str, kb: KnowledgeBase) -> None:
    got = read(name, kb)
    expected = {**DEFAULTS, **CASES[name]}
    actual = {key: got[key] for key in DEFAULTS}
    actual["reasons"] = [r["id"] for r in got["reasons"]]
    assert actual == expected


def test_every_reason_id_has_a_fixture(kb: KnowledgeBase) -> None:
    covered = {reason for case in CASES.values() for reason in case.get("reasons", [])}
    assert covered == set(kb.reasons)


def test_every_fixture_file_is_checked() -> None:
    files = {p.name for p in FIXTURES.iterdir()} - {"empty.txt", "blank.txt", "long-asin-list.txt"}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.get("reasons")))
def test_reasons_carry_confidence_and_evidence_from_the_notice(name: str, kb: KnowledgeBase) -> None:
    text = " ".join((FIXTURES / name).read_text(encoding="utf-8").split())
    for reason in read(name, kb)["reasons"]:
        assert 0.5 <= reason["confidence"] <= 0.99
        if not name.endswith((".html", ".eml")):
            assert reason["evidence"] in text


def test_evidence_is_the_deciding_sentence_or_line(kb: KnowledgeBase) -> None:
    odr = read("odr-account.txt", kb)["reasons"][0]
    assert odr["evidence"] == "Your order defect rate does not meet our performance target of less than 1%."
    ip = read("ip-trademark.txt", kb)["reasons"][0]
    assert ip["evidence"] == "Infringement type: Trademark"
    assert ip["confidence"] == 0.99


def test_sixty_asins_in_three_layouts_in_order_without_the_duplicate(kb: KnowledgeBase) -> None:
    # 20 "ASIN: x" lines, 20 in two comma-separated rows, 20 bare lines, then B0TEST0007 again.
    got = read("long-asin-list.txt", kb)
    assert got["asins"] == [f"B0TEST{n:04d}" for n in range(1, 61)]
    assert [r["id"] for r in got["reasons"]] == ["inauthentic"]
    assert got["document_periods_days"] == {"invoices": 365}
    assert got["invoices_period_days"] == 365


def test_forum_thread_says_what_was_left_out(kb: KnowledgeBase) -> None:
    got = read("forum-thread.txt", kb)
    assert got["notice_lines"] == [9, 28]
    assert any("read lines 9-28 as the notice" in w for w in got["warnings"])
    assert "B0AAAAAAA1" not in got["asins"] and "B0BBBBBBB2" not in got["asins"]


def test_other_language_is_named_and_not_guessed(kb: KnowledgeBase) -> None:
    got = read("german.txt", kb)
    assert got["reasons"] == [] and got["appeal_needed"] is None
    assert got["warnings"][0].startswith("the notice is in German (de)")


def test_unknown_english_warns_and_says_so_in_the_next_step(kb: KnowledgeBase) -> None:
    got = read("unknown-english.txt", kb)
    assert got["warnings"] == [
        "no reason the knowledge base knows matched this notice; check that the whole notice was "
        "pasted, or name the reason with --reason."
    ]
    assert got["next_step"].startswith("The reason could not be told from the notice")


def test_json_document_has_the_spec_keys(kb: KnowledgeBase) -> None:
    got = read("ip-trademark.txt", kb)
    spec_keys = {
        "schema", "language", "reasons", "scope", "asins", "order_ids", "complaint_ids",
        "infringement_types", "rights_owner", "documents_requested", "deadline_days", "dates",
    }  # fmt: skip
    assert spec_keys <= set(got)
    assert got["schema"] == "reinstate.notice/1"
    assert set(got["reasons"][0]) == {"id", "confidence", "evidence"}
