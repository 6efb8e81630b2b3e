"""Who may do what: owners, users a case is shared with, admins, and everyone else (who sees nothing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from reinstate.store import Case, NotFound, PermissionDenied, Store, User

Action = Callable[[Store, User, int], Any]

# Every method that takes a case id, with arguments that would succeed for someone allowed.
ACTIONS: dict[str, Action] = {
    "get_case": lambda s, u, c: s.get_case(u, c),
    "update_case": lambda s, u, c: s.update_case(u, c, 1, title="hijacked"),
    "delete_case": lambda s, u, c: s.delete_case(u, c, confirm=True),
    "share_case": lambda s, u, c: s.share_case(u, c, "bob@example.com"),
    "unshare_case": lambda s, u, c: s.unshare_case(u, c, "bob@example.com"),
    "list_shares": lambda s, u, c: s.list_shares(u, c),
    "export_case": lambda s, u, c: s.export_case(u, c),
    "add_report": lambda s, u, c: s.add_report(u, c, "new.txt", "orders", b"new report"),
    "set_report_analysis": lambda s, u, c: s.set_report_analysis(u, c, 1, {"x": 1}),
    "list_reports": lambda s, u, c: s.list_reports(u, c),
    "get_report": lambda s, u, c: s.get_report(u, c, 1),
    "delete_report": lambda s, u, c: s.delete_report(u, c, 1),
    "add_draft": lambda s, u, c: s.add_draft(u, c, "letter", {}, {}, 50),
    "list_drafts": lambda s, u, c: s.list_drafts(u, c),
    "get_draft": lambda s, u, c: s.get_draft(u, c, 1),
    "record_submission": lambda s, u, c: s.record_submission(u, c, 1, date(2026, 11, 2)),
    "list_submissions": lambda s, u, c: s.list_submissions(u, c),
    "add_reply": lambda s, u, c: s.add_reply(u, c, date(2026, 11, 4), "no", "rejected"),
    "list_replies": lambda s, u, c: s.list_replies(u, c),
}
READS = ("get_case", "list_shares", "export_case", "list_reports", "get_report", "list_drafts", "get_draft",
         "list_submissions", "list_replies")  # fmt: skip


@pytest.fixture
def carol(store: Store) -> User:
    return store.create_user("carol@example.com", "correct horse battery")


@pytest.fixture
def alices_case(store: Store, alice: User) -> Case:
    case = store.create_case(alice, "Alice's secret case", "Alice Ltd", notice_text="private")
    store.add_report(alice, case.id, "orders.txt", "orders", b"alice's orders")
    store.add_draft(alice, case.id, "Alice's letter", {"a": 1}, {"score": 80}, 80)
    store.record_submission(alice, case.id, 1, date(2026, 11, 1))
    store.add_reply(alice, case.id, date(2026, 11, 3), "more info please", "more-info")
    return store.get_case(alice, case.id)


def snapshot(store: Store, owner: User, case_id: int) -> dict[str, Any]:
    exported = store.export_case(owner, case_id)
    exported.pop("exported_at")
    return exported


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_stranger_gets_not_found_exactly_as_for_a_missing_id(
    store: Store, alice: User, bob: User, alices_case: Case, action: str
) -> None:
    before = snapshot(store, alice, alices_case.id)
    with pytest.raises(NotFound) as theirs:
        ACTIONS[action](store, bob, alices_case.id)
    missing_id = alices_case.id + 1000
    with pytest.raises(NotFound) as missing:
        ACTIONS[action](store, bob, missing_id)
    # The same words for "not yours" and "does not exist": guessing ids tells nothing.
    assert str(theirs.value).replace(str(alices_case.id), "N") == str(missing.value).replace(
        str(missing_id), "N"
    )
    assert snapshot(store, alice, alices_case.id) == before


@pytest.mark.parametrize("bad_id", [0, -1, 2**63, 2**100, True, "1", 1.0, None])
def test_nonsense_ids_are_not_found(store: Store, alice: User, alices_case: Case, bad_id: Any) -> None:
    with pytest.raises(NotFound):
        store.get_case(alice, bad_id)


def test_a_stranger_does_not_see_the_case_in_lists(
    store: Store, alice: User, bob: User, alices_case: Case
) -> None:
    assert store.list_cases(bob) == []
    assert [c.id for c in store.list_cases(alice)] == [alices_case.id]


def test_a_forged_admin_flag_counts_for_nothing(store: Store, bob: User, alices_case: Case) -> None:
    forged = User(id=bob.id, email=bob.email, password_hash="", is_admin=True)
    assert store.list_cases(forged) == []
    with pytest.raises(NotFound):
        store.get_case(forged, alices_case.id)


def test_an_unknown_acting_user_gets_not_found(store: Store, alices_case: Case) -> None:
    ghost = User(id=999, email="ghost@example.com", password_hash="", is_admin=True)
    with pytest.raises(NotFound, match="account no longer exists"):
        store.list_cases(ghost)


def test_sharing_lets_the_colleague_read_and_edit(
    store: Store, alice: User, bob: User, alices_case: Case
) -> None:
    store.share_case(alice, alices_case.id, "BOB@example.com")
    store.share_case(alice, alices_case.id, "bob@example.com")  # twice is harmless
    assert store.list_shares(alice, alices_case.id) == ["bob@example.com"]
    assert [c.id for c in store.list_cases(bob)] == [alices_case.id]
    for name in READS:
        ACTIONS[name](store, bob, alices_case.id)
    updated = store.update_case(bob, alices_case.id, alices_case.version, title="Edited by Bob")
    assert store.get_case(alice, alices_case.id).title == "Edited by Bob"
    assert store.add_draft(bob, alices_case.id, "Bob's letter", {}, {}, 60).number == 2
    assert updated.owner_id == alice.id


def test_a_shared_user_may_not_delete_or_reshare(
    store: Store, alice: User, bob: User, carol: User, alices_case: Case
) -> None:
    store.share_case(alice, alices_case.id, "bob@example.com")
    with pytest.raises(PermissionDenied, match="only the owner"):
        store.delete_case(bob, alices_case.id, confirm=True)
    with pytest.raises(PermissionDenied, match="only the owner"):
        store.share_case(bob, alices_case.id, "carol@example.com")
    with pytest.raises(PermissionDenied):
        store.unshare_case(bob, alices_case.id, "bob@example.com")
    assert store.list_cases(carol) == []
    assert store.get_case(alice, alices_case.id).title == "Alice's secret case"


def test_unsharing_takes_access_away(store: Store, alice: User, bob: User, alices_case: Case) -> None:
    store.share_case(alice, alices_case.id, "bob@example.com")
    store.unshare_case(alice, alices_case.id, "bob@example.com")
    assert store.list_shares(alice, alices_case.id) == []
    assert store.list_cases(bob) == []
    with pytest.raises(NotFound):
        store.get_case(bob, alices_case.id)


def test_sharing_with_an_unknown_address_says_so(store: Store, alice: User, alices_case: Case) -> None:
    with pytest.raises(NotFound, match=r"no account has the e-mail zed@example\.com"):
        store.share_case(alice, alices_case.id, "zed@example.com")


def test_sharing_with_the_owner_changes_nothing(store: Store, alice: User, alices_case: Case) -> None:
    store.share_case(alice, alices_case.id, "alice@example.com")
    assert store.list_shares(alice, alices_case.id) == []


def test_admin_manages_accounts_and_sees_no_case_not_shared_with_them(
    store: Store, alice: User, bob: User, admin: User, alices_case: Case
) -> None:
    """Issue 13 item 4: an admin could read and export every user's case, which the README says no one can."""
    bobs_case = store.create_case(bob, "Bob's case", "Bob Co")
    assert store.list_cases(admin) == []
    for action in (
        lambda: store.get_case(admin, alices_case.id),
        lambda: store.export_case(admin, alices_case.id),
        lambda: store.share_case(admin, alices_case.id, "bob@example.com"),
        lambda: store.delete_case(admin, bobs_case.id, confirm=True),
    ):
        with pytest.raises(NotFound):
            action()
    assert [u.email for u in store.list_users(admin)]  # accounts are still the admin's to manage
    store.share_case(alice, alices_case.id, "admin@example.com")
    assert [c.id for c in store.list_cases(admin)] == [alices_case.id]
    with pytest.raises(PermissionDenied):
        store.delete_case(admin, alices_case.id, confirm=True)  # shared is not owned


def test_child_ids_of_another_case_are_not_reachable(
    store: Store, alice: User, bob: User, alices_case: Case
) -> None:
    """Bob cannot reach Alice's report or draft through his own case id either."""
    bobs_case = store.create_case(bob, "Bob's case", "Bob Co")
    alices_report = store.list_reports(alice, alices_case.id)[0]
    with pytest.raises(NotFound, match="has no report"):
        store.get_report(bob, bobs_case.id, alices_report.id)
    with pytest.raises(NotFound, match="has no report"):
        store.delete_report(bob, bobs_case.id, alices_report.id)
    with pytest.raises(NotFound, match="has no report"):
        store.set_report_analysis(bob, bobs_case.id, alices_report.id, {"x": 1})
    with pytest.raises(NotFound, match="has no draft"):
        store.record_submission(bob, bobs_case.id, 1, date(2026, 11, 2))
    assert len(store.list_reports(alice, alices_case.id)) == 1
