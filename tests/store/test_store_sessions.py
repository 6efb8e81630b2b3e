"""Server-side sessions (issue 13, item 2): only a hash is kept, and every way a session ends is final.

Sign-out ends one session; "sign out everywhere", a password change and account deletion end every
session of the account; an expired session signs in nobody. Deleting an account never takes a case
with it: an account that still owns cases is refused, and cases only shared with it stay.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reinstate.store import (
    ConfirmationRequired,
    InvalidInput,
    NotFound,
    PermissionDenied,
    Store,
    User,
    UserSession,
    WrongPassword,
)
from reinstate.store.sessions import SEEN_EVERY, SESSION_LIFETIME, USER_AGENT_CHARS

PASSWORD = "correct horse battery"
NEW_PASSWORD = "lantern warehouse october"


def rows(store: Store) -> list[UserSession]:
    with Session(store.engine) as session:
        return list(session.scalars(select(UserSession)))


def signed_in(store: Store, token: str) -> int | None:
    user = store.session_user(token)
    return user.id if user else None


def age(store: Store, token: str, **fields: dt.datetime) -> None:
    """Move a session's times (what the clock would do in days)."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    with store.engine.begin() as connection:
        connection.execute(update(UserSession).where(UserSession.token_hash == digest).values(**fields))


def test_a_session_keeps_only_the_hash_of_its_token(store: Store, alice: User) -> None:
    token = store.start_session(alice, "Mozilla/5.0 (X11)")
    assert signed_in(store, token) == alice.id
    [row] = rows(store)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in row.token_hash
    assert row.user_agent == "Mozilla/5.0 (X11)"
    assert row.expires_at - row.created_at == SESSION_LIFETIME
    for nobody in ("", "not-a-token", None, 42, "x" * 5000, row.token_hash):
        assert store.session_user(nobody) is None


def test_sign_out_ends_that_session_only(store: Store, alice: User) -> None:
    laptop, phone = store.start_session(alice), store.start_session(alice)
    store.end_session(laptop)
    assert signed_in(store, laptop) is None
    assert signed_in(store, phone) == alice.id
    store.end_session(laptop)  # twice, or a token that never was: nothing happens
    store.end_session("never-issued")


def test_an_expired_session_signs_in_nobody_and_is_removed(store: Store, alice: User) -> None:
    token = store.start_session(alice)
    age(store, token, expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
    assert store.session_user(token) is None
    assert rows(store) == []
    assert store.list_sessions(alice) == []


def test_starting_a_session_removes_expired_ones(store: Store, alice: User, bob: User) -> None:
    old = store.start_session(bob)
    age(store, old, expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    store.start_session(alice)
    assert [r.user_id for r in rows(store)] == [alice.id]


def test_last_seen_is_written_only_now_and_then(store: Store, alice: User) -> None:
    token = store.start_session(alice)
    long_ago = dt.datetime.now(dt.UTC) - SEEN_EVERY - dt.timedelta(minutes=1)
    age(store, token, last_seen_at=long_ago)
    store.session_user(token)
    [row] = store.list_sessions(alice, token)
    assert row.last_seen_at > long_ago + dt.timedelta(minutes=1) and row.current
    seen = row.last_seen_at
    store.session_user(token)
    assert store.list_sessions(alice, token)[0].last_seen_at == seen  # within SEEN_EVERY: no write


def test_user_agent_is_cleaned_and_cut(store: Store, alice: User) -> None:
    store.start_session(alice, "Browser\x00\n" + "x" * 500)
    [info] = store.list_sessions(alice)
    assert info.user_agent.startswith("Browser") and len(info.user_agent) == USER_AGENT_CHARS
    assert "\x00" not in info.user_agent and "\n" not in info.user_agent and not info.current


def test_sign_out_everywhere_ends_every_session_of_that_user(store: Store, alice: User, bob: User) -> None:
    mine = [store.start_session(alice) for _ in range(3)]
    theirs = store.start_session(bob)
    store.end_all_sessions(alice)
    assert [signed_in(store, t) for t in mine] == [None, None, None]
    assert signed_in(store, theirs) == bob.id


def test_a_password_change_ends_every_other_session(store: Store, alice: User, bob: User) -> None:
    here, elsewhere = store.start_session(alice), store.start_session(alice)
    theirs = store.start_session(bob)
    fresh = store.change_password(alice, PASSWORD, NEW_PASSWORD, user_agent="Firefox")
    assert signed_in(store, here) is None and signed_in(store, elsewhere) is None
    assert signed_in(store, fresh) == alice.id
    assert signed_in(store, theirs) == bob.id
    assert store.authenticate("alice@example.com", PASSWORD) is None
    assert store.authenticate("alice@example.com", NEW_PASSWORD) is not None
    assert [s.user_agent for s in store.list_sessions(alice, fresh)] == ["Firefox"]


@pytest.mark.parametrize(
    ("current", "new", "error", "key"),
    [
        ("wrong password!", NEW_PASSWORD, WrongPassword, "current_password"),
        (PASSWORD, "short", InvalidInput, "password"),
        (PASSWORD, "password123", InvalidInput, "password"),  # among the first an attacker tries
        (PASSWORD, PASSWORD, InvalidInput, "new_password"),
    ],
)
def test_a_refused_password_change_changes_nothing(
    store: Store, alice: User, current: str, new: str, error: type[Exception], key: str
) -> None:
    token = store.start_session(alice)
    with pytest.raises(error) as caught:
        store.change_password(alice, current, new)
    assert getattr(caught.value, "key", None) == key
    assert getattr(caught.value, "message_zh", None)  # the Chinese interface shows it in Chinese
    assert signed_in(store, token) == alice.id
    assert store.authenticate("alice@example.com", PASSWORD) is not None


def test_the_local_user_has_no_password_to_change(store: Store) -> None:
    with pytest.raises(WrongPassword):
        store.change_password(store.local_user(), "!", NEW_PASSWORD)


def test_deleting_an_account_ends_its_sessions_and_keeps_others_cases(
    store: Store, admin: User, alice: User, bob: User
) -> None:
    case = store.create_case(alice, "Alice's case", "Acme")
    store.share_case(alice, case.id, "bob@example.com")
    token = store.start_session(bob)
    store.delete_user(admin, bob.id, confirm=True)
    assert signed_in(store, token) is None
    assert [u.email for u in store.list_users(admin)] == ["admin@example.com", "alice@example.com"]
    assert store.get_case(alice, case.id).title == "Alice's case"  # shared with bob: still alice's
    assert store.list_shares(alice, case.id) == []
    with pytest.raises(NotFound):
        store.start_session(bob)


def test_an_account_that_owns_cases_is_not_deleted(store: Store, admin: User, alice: User) -> None:
    case = store.create_case(alice, "Alice's case", "Acme")
    token = store.start_session(alice)
    with pytest.raises(InvalidInput, match=r"alice@example\.com still owns 1 case") as caught:
        store.delete_user(admin, alice.id, confirm=True)
    assert "导出并删除" in caught.value.render("zh")
    assert signed_in(store, token) == alice.id
    store.delete_case(alice, case.id, confirm=True)
    store.delete_user(admin, alice.id, confirm=True)
    assert signed_in(store, token) is None


def test_account_deletion_is_for_admins_with_confirmation(
    store: Store, admin: User, alice: User, bob: User
) -> None:
    with pytest.raises(PermissionDenied):
        store.delete_user(alice, bob.id, confirm=True)
    with pytest.raises(InvalidInput, match="your own account"):
        store.delete_user(admin, admin.id, confirm=True)
    with pytest.raises(ConfirmationRequired):
        store.delete_user(admin, bob.id)
    for missing in (999, 0, -1, "1", True):
        with pytest.raises(NotFound):
            store.delete_user(admin, missing, confirm=True)  # type: ignore[arg-type]
    assert len(store.list_users(admin)) == 3
