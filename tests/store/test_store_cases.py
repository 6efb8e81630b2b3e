"""Cases: create, list, read, update with optimistic concurrency, delete with confirmation and cascade."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from reinstate.errors import InputError
from reinstate.store import (
    AmazonReply,
    Case,
    CaseShare,
    ConfirmationRequired,
    ConflictError,
    DraftVersion,
    InvalidInput,
    NotFound,
    Report,
    Store,
    Submission,
    User,
)


def test_create_case_stores_every_field(store: Store, alice: User) -> None:
    case = store.create_case(
        alice,
        "  ODR over 1%  ",
        "Acme Goods",
        marketplace="US",
        reasons=["order-defect-rate", "late-shipment-rate", "order-defect-rate"],
        deadline="2026-12-24",
        notice_text="Your selling privileges have been removed.",
        case_yaml="seller: {name: Acme Goods}\n",
    )
    stored = store.get_case(alice, case.id)
    assert stored.title == "ODR over 1%"
    assert stored.seller_name == "Acme Goods"
    assert stored.marketplace == "US"
    assert stored.reasons == ["order-defect-rate", "late-shipment-rate"]
    assert stored.status == "draft"
    assert stored.deadline == date(2026, 12, 24)
    assert stored.notice_text == "Your selling privileges have been removed."
    assert stored.case_yaml == "seller: {name: Acme Goods}\n"
    assert stored.version == 1
    assert stored.owner_id == alice.id
    assert stored.created_at == stored.updated_at
    assert stored.created_at.tzinfo is not None


def test_html_and_script_are_stored_verbatim(store: Store, alice: User) -> None:
    """Escaping is the renderer's job; the store must keep the text exactly (no silent mangling)."""
    nasty = "<script>alert('x')</script> & <b>bold</b>"
    case = store.create_case(alice, nasty, nasty, notice_text=nasty)
    stored = store.get_case(alice, case.id)
    assert (stored.title, stored.seller_name, stored.notice_text) == (nasty, nasty, nasty)


def test_list_cases_newest_change_first(store: Store, alice: User) -> None:
    first = store.create_case(alice, "First", "Acme")
    second = store.create_case(alice, "Second", "Acme")
    assert [c.id for c in store.list_cases(alice)] == [second.id, first.id]
    store.update_case(alice, first.id, 1, status="submitted")
    assert [c.id for c in store.list_cases(alice)] == [first.id, second.id]


def test_update_case_changes_fields_and_version(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Title", "Acme")
    updated = store.update_case(alice, case.id, 1, title="New title", deadline=None, reasons=["inauthentic"])
    assert updated.version == 2
    assert updated.title == "New title"
    assert updated.reasons == ["inauthentic"]
    assert updated.updated_at > case.updated_at
    again = store.update_case(alice, case.id, 2, status="closed", deadline=date(2027, 1, 5))
    assert (again.version, again.status, again.deadline, again.title) == (
        3,
        "closed",
        date(2027, 1, 5),
        "New title",
    )


def test_stale_version_raises_conflict_and_keeps_the_earlier_save(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Title", "Acme")
    # Two tabs load version 1. The first saves; the second must not silently overwrite it.
    store.update_case(alice, case.id, 1, notice_text="saved by tab one")
    with pytest.raises(ConflictError) as caught:
        store.update_case(alice, case.id, 1, notice_text="saved by tab two")
    assert caught.value.expected_version == 1
    assert caught.value.current_version == 2
    assert "version 1" in str(caught.value) and "version 2" in str(caught.value)
    stored = store.get_case(alice, case.id)
    assert (stored.notice_text, stored.version) == ("saved by tab one", 2)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"title": "   "}, "title"),
        ({"title": "a\nb"}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"status": "won"}, "status"),
        ({"deadline": "24/12/2026"}, "deadline"),
        ({"reasons": "order-defect-rate"}, "reasons"),
        ({"reasons": [1]}, "reasons"),
        ({"notice_text": "x" * 1_000_001}, "notice_text"),
        ({"notice_text": "nul\x00byte"}, "notice_text"),
        ({"owner_id": 2}, "owner_id"),
        ({"version": 9}, "version"),
    ],
)
def test_bad_fields_are_refused_and_change_nothing(
    store: Store, alice: User, fields: dict[str, object], key: str
) -> None:
    case = store.create_case(alice, "Title", "Acme")
    with pytest.raises(InvalidInput) as caught:
        store.update_case(alice, case.id, 1, **fields)
    assert isinstance(caught.value, InputError)
    assert caught.value.key == key
    assert store.get_case(alice, case.id).version == 1


def test_a_one_megabyte_notice_is_refused_with_the_limit(store: Store, alice: User) -> None:
    with pytest.raises(InvalidInput, match="1,048,576 characters long; the limit is 200,000"):
        store.create_case(alice, "Big", "Acme", notice_text="n" * 1_048_576)
    assert store.list_cases(alice) == []


def test_expected_version_must_be_a_number(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Title", "Acme")
    with pytest.raises(InvalidInput, match="expected_version"):
        store.update_case(alice, case.id, "1", title="x")  # type: ignore[arg-type]


def test_delete_needs_confirmation(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Keep me", "Acme")
    with pytest.raises(ConfirmationRequired, match="Keep me"):
        store.delete_case(alice, case.id)
    with pytest.raises(ConfirmationRequired):
        store.delete_case(alice, case.id, confirm="yes")  # type: ignore[arg-type]
    assert store.get_case(alice, case.id).title == "Keep me"
    store.delete_case(alice, case.id, confirm=True)
    with pytest.raises(NotFound):
        store.get_case(alice, case.id)


def count(store: Store, model: Any, case_id: int) -> int:
    with store.engine.connect() as connection:
        return int(
            connection.scalar(select(func.count()).select_from(model).where(model.case_id == case_id)) or 0
        )


def test_deleting_a_case_deletes_all_its_children(store: Store, alice: User, bob: User) -> None:
    case = store.create_case(alice, "Doomed", "Acme")
    other = store.create_case(alice, "Survivor", "Acme")
    for target in (case, other):
        store.add_report(alice, target.id, "orders.txt", "orders", f"report of {target.id}".encode())
        store.add_draft(alice, target.id, "Dear Seller Performance team", {}, {}, 70)
        store.record_submission(alice, target.id, 1, date(2026, 11, 1))
        store.add_reply(alice, target.id, date(2026, 11, 3), "We need more information.", "more-info")
    store.share_case(alice, case.id, "bob@example.com")
    children = (Report, DraftVersion, Submission, AmazonReply, CaseShare)
    assert [count(store, m, case.id) for m in children] == [1, 1, 1, 1, 1]
    store.delete_case(alice, case.id, confirm=True)
    assert [count(store, m, case.id) for m in children] == [0, 0, 0, 0, 0]
    assert [count(store, m, other.id) for m in children] == [1, 1, 1, 1, 0]
    with store.engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Case)) == 1
