"""Which path the advisor recommends for each kind of notice, and the facts it cites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reinstate.case import load_case
from reinstate.notice import parse_notice
from reinstate.paths import PathReport, advise_path
from tests.paths.conftest import AHA_NOTICE, ATOZ_NOTICE, IP_NOTICE, ODR_NOTICE, VARIATION_NOTICE

GROUNDS = """path:
  grounds:
    - text: The three child ASINs differ only in size (S, M and L), the variation theme of the family.
      evidence: manufacturer's size chart
"""


def advise(write_case: Any, notice: str, body: str = "", marketplace: str = "US", **kw: Any) -> PathReport:
    loaded = load_case(write_case(notice, body, marketplace))
    parsed = parse_notice(loaded.notice_text or "", source="notice")
    return advise_path(parsed, loaded.notice_text, loaded.case, **kw)


def paths(report: PathReport) -> list[str]:
    return [p.path for p in report.paths]


def test_a_metric_notice_gets_a_plan_of_action(write_case: Any) -> None:
    report = advise(write_case, ODR_NOTICE)
    assert paths(report) == ["poa"]
    assert report.recommended.recommended and report.recommended.letter_kind == "poa"


def test_an_ip_complaint_gets_a_retraction_request_first(write_case: Any) -> None:
    report = advise(write_case, IP_NOTICE, marketplace="US")
    assert paths(report)[:2] == ["retraction", "poa"]
    retraction = report.recommended
    assert "Keller Brands GmbH" in retraction.why and "Keller Brands GmbH" in retraction.why_zh
    ids = {f.id: f.status for f in retraction.facts}
    assert ids == {"ip-retraction": "secondary", "ip-notice-dispute": "unconfirmed"}
    assert "unconfirmed" in retraction.why  # the dispute address is said to be unconfirmed


def test_grounds_for_no_violation_make_a_dispute_the_answer(write_case: Any) -> None:
    report = advise(write_case, VARIATION_NOTICE, "reasons: [listing-policy]\n" + GROUNDS)
    assert paths(report)[:2] == ["dispute", "poa"]
    assert report.recommended.facts[0].status == "unconfirmed"
    assert "one ground" in report.recommended.why and "1 条" in report.recommended.why_zh


def test_without_grounds_a_variation_notice_keeps_the_dispute_as_an_alternative(write_case: Any) -> None:
    report = advise(write_case, VARIATION_NOTICE, "reasons: [listing-policy]\n")
    assert paths(report) == ["poa", "dispute"]
    assert "path.grounds" in report.find("dispute").why  # type: ignore[union-attr]


def test_aha_gives_72_hours_and_an_acknowledgement(write_case: Any) -> None:
    report = advise(write_case, AHA_NOTICE)
    assert paths(report)[:2] == ["aha_acknowledgement", "poa"]
    aha = report.recommended
    assert aha.deadline_hours == 72 and "72" in aha.deadline_zh
    assert [f.id for f in aha.facts] == ["aha-72-hours", "aha-acknowledgement"]
    assert aha.facts[0].status == "confirmed" and aha.facts[0].sources[0].startswith("https://sellercentral")


def test_aha_from_the_case_and_a_failed_listing_appeal_gives_a_seller_challenge(write_case: Any) -> None:
    body = "reasons: [listing-policy]\nscope: listing\npath:\n  aha: true\n  challenges_left: 2\n  outcomes: [rejected]\n"
    report = advise(write_case, VARIATION_NOTICE, body)
    challenge = report.recommended
    assert challenge.path == "seller_challenge" and challenge.slots_left == 2
    assert "2 of 3" in challenge.why and "还剩 2 个" in challenge.why_zh
    assert "aha_acknowledgement" not in paths(report)  # the 72 hours are over once an appeal failed


def test_no_challenge_slot_left_moves_the_challenge_last(write_case: Any) -> None:
    body = "scope: listing\npath:\n  aha: true\n  challenges_left: 0\n  outcomes: [rejected]\n"
    report = advise(write_case, VARIATION_NOTICE, body)
    assert report.recommended.path != "seller_challenge"
    assert paths(report)[-1] == "seller_challenge"
    assert "no challenge slot" in report.paths[-1].why


def test_outcomes_from_the_reply_reader_count_too(write_case: Any) -> None:
    body = "scope: listing\npath:\n  aha: true\n"
    assert advise(write_case, VARIATION_NOTICE, body).recommended.path == "aha_acknowledgement"
    report = advise(write_case, VARIATION_NOTICE, body, outcomes=("rejected",))
    assert report.recommended.path == "seller_challenge" and report.recommended.slots_left is None


def test_an_atoz_request_for_information_gets_a_48_hour_response(write_case: Any) -> None:
    report = advise(write_case, ATOZ_NOTICE)
    assert paths(report) == ["atoz_response"]
    atoz = report.recommended
    assert atoz.deadline_hours == 48 and "attachments" in atoz.why
    assert atoz.facts[0].id == "atoz-48-hours-no-attachments" and atoz.facts[0].status == "confirmed"


def test_an_odr_notice_mentioning_atoz_claims_is_not_a_claim(write_case: Any) -> None:
    assert "atoz_response" not in paths(advise(write_case, ODR_NOTICE))


def test_eu_marketplaces_add_the_statement_of_reasons(write_case: Any) -> None:
    report = advise(write_case, ODR_NOTICE, marketplace="DE")
    eu = report.find("eu_statement_of_reasons")
    assert eu is not None and not eu.recommended
    assert {f.id for f in eu.facts} >= {
        "eu-p2b-statement-of-reasons",
        "eu-dsa-out-of-court",
        "eu-amazon-mediation",
    }
    assert "DSA article 21" in eu.why and "CEDR" in eu.why_zh


def test_the_uk_has_p2b_and_mediation_but_not_the_dsa(write_case: Any) -> None:
    eu = advise(write_case, ODR_NOTICE, marketplace="UK").find("eu_statement_of_reasons")
    assert eu is not None and "DSA" not in eu.why
    assert {f.id for f in eu.facts} == {"eu-p2b-statement-of-reasons", "eu-amazon-mediation"}


def test_a_final_decision_in_the_eu_puts_the_out_of_court_routes_first(write_case: Any) -> None:
    report = advise(write_case, ODR_NOTICE, "path:\n  outcomes: [rejected, final_decision]\n", "FR")
    assert report.recommended.path == "eu_statement_of_reasons"


def test_the_json_names_every_path_with_its_kind_and_sources(write_case: Any, tmp_path: Path) -> None:
    data = advise(write_case, IP_NOTICE, marketplace="DE").to_json()
    assert data["schema"] == "reinstate.paths/1" and data["recommended"] == "retraction"
    kinds = {p["path"]: p["kind"] for p in data["paths"]}
    assert kinds["eu_statement_of_reasons"] == "statement-of-reasons"
    for path in data["paths"]:
        assert path["why"] and path["why_zh"]
        for fact in path["facts"]:
            assert fact["last_verified"] == "2026-12-03" and fact["status"] in {
                "confirmed",
                "secondary",
                "unconfirmed",
            }
    assert data["signals"]["marketplace"] == "DE" and data["signals"]["rights_owner"] == "Keller Brands GmbH"


def test_no_notice_and_no_case_still_advises_a_plan_of_action() -> None:
    assert [p.path for p in advise_path(None).paths] == ["poa"]
