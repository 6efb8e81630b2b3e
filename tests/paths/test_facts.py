"""The path facts of the knowledge base: each sourced and dated, statuses honest, numbers recorded."""

from __future__ import annotations

from reinstate.kb.facts import load_path_facts


def test_every_fact_is_dated_and_sourced_as_its_status_says() -> None:
    facts = load_path_facts()
    assert len(facts) >= 12
    for fact in facts.values():
        assert fact.claim.en and fact.claim.zh and fact.last_verified.year == 2026
        if fact.status == "confirmed":
            assert any(s.kind in {"amazon", "law", "regulator"} for s in fact.sources), fact.id
        if fact.status != "unconfirmed":
            assert fact.sources, fact.id


def test_the_numbers_the_advisor_and_the_counter_use() -> None:
    facts = load_path_facts()
    assert facts["aha-72-hours"].hours == 72 and facts["aha-72-hours"].status == "confirmed"
    assert facts["atoz-48-hours-no-attachments"].hours == 48
    assert facts["seller-challenge"].count == 3 and facts["seller-challenge"].status == "secondary"
    repeat = facts["repeat-violations"]
    assert repeat.days == 180 and repeat.limits == {"intellectual-property": 5, "restricted-products": 2}


def test_what_we_could_not_confirm_is_marked_so() -> None:
    facts = load_path_facts()
    assert facts["ip-notice-dispute"].status == "unconfirmed"
    assert facts["dispute-no-violation"].status == "unconfirmed"
    assert facts["ip-notice-dispute"].note is not None
