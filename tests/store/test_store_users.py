"""Accounts: creation, argon2 hashing, sign-in and the local user of single-user mode."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from reinstate.errors import InputError
from reinstate.store import AlreadyExists, InvalidInput, NotFound, PermissionDenied, Store, User
from reinstate.store import passwords as passwords_module
from reinstate.store.store import LOCAL_EMAIL

PASSWORD = "correct horse battery"


def test_create_user_keeps_only_an_argon2_hash(store: Store) -> None:
    user = store.create_user("  Carol@Example.COM ", PASSWORD)
    assert user.id >= 1
    assert user.email == "carol@example.com"
    assert user.is_admin is False
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert user.created_at.tzinfo is not None


def test_same_password_gives_different_hashes(store: Store) -> None:
    first = store.create_user("a1@example.com", PASSWORD)
    second = store.create_user("a2@example.com", PASSWORD)
    assert first.password_hash != second.password_hash


def test_real_hasher_uses_recommended_argon2id_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    passwords_module.hasher.cache_clear()
    digest = passwords_module.hash_password("another password")
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert passwords_module.verify_password(digest, "another password") == (True, None)


def test_duplicate_email_is_refused_whatever_its_case(store: Store, alice: User) -> None:
    with pytest.raises(AlreadyExists, match=r"alice@example\.com exists already"):
        store.create_user("ALICE@example.com", "another password")


@pytest.mark.parametrize(
    ("email", "password", "key"),
    [
        ("not-an-email", PASSWORD, "email"),
        ("", PASSWORD, "email"),
        ("a b@example.com", PASSWORD, "email"),
        ("dave@example.com", "short", "password"),
        ("dave@example.com", "pass\x00word!", "password"),
        ("LOCAL@reinstate.invalid", PASSWORD, "email"),
    ],
)
def test_bad_account_details_are_input_errors(store: Store, email: str, password: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        store.create_user(email, password)
    assert isinstance(caught.value, InputError)
    assert caught.value.key == key


def test_authenticate(store: Store, alice: User) -> None:
    signed_in = store.authenticate("Alice@Example.com", PASSWORD)
    assert signed_in is not None and signed_in.id == alice.id
    assert store.authenticate("alice@example.com", "wrong password") is None
    assert store.authenticate("nobody@example.com", PASSWORD) is None
    assert store.authenticate("not an email", PASSWORD) is None
    assert store.authenticate("alice@example.com", None) is None  # type: ignore[arg-type]


def test_authenticate_rehashes_when_parameters_were_raised(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    monkeypatch.setattr(passwords_module, "hasher", lambda: weak)
    user = store.create_user("old@example.com", PASSWORD)
    stronger = PasswordHasher(time_cost=2, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords_module, "hasher", lambda: stronger)
    assert store.authenticate("old@example.com", PASSWORD) is not None
    rehashed = store.get_user(user.id).password_hash
    assert rehashed != user.password_hash
    assert "m=1024,t=2" in rehashed
    assert store.authenticate("old@example.com", PASSWORD) is not None


def test_local_user_is_created_once_and_cannot_sign_in(store: Store) -> None:
    first = store.local_user()
    second = store.local_user()
    assert first.id == second.id
    assert first.email == LOCAL_EMAIL
    assert first.is_admin is True
    assert store.authenticate(LOCAL_EMAIL, "!") is None
    assert store.authenticate(LOCAL_EMAIL, "") is None


def test_get_user(store: Store, alice: User) -> None:
    assert store.get_user(alice.id).email == "alice@example.com"
    for missing in (alice.id + 100, 0, -1, 2**70):
        with pytest.raises(NotFound):
            store.get_user(missing)


def test_has_users_ignores_the_local_user(store: Store) -> None:
    assert store.has_users() is False
    store.local_user()
    assert store.has_users() is False
    store.create_user("erin@example.com", PASSWORD)
    assert store.has_users() is True


def test_create_first_admin_only_once(store: Store) -> None:
    store.local_user()
    first = store.create_first_admin("boss@example.com", PASSWORD)
    assert first.is_admin is True
    with pytest.raises(AlreadyExists, match="an administrator exists already"):
        store.create_first_admin("usurper@example.com", PASSWORD)
    assert [u.email for u in store.list_users(first)] == ["boss@example.com"]


def test_list_users_is_for_admins(store: Store, alice: User, bob: User, admin: User) -> None:
    store.local_user()
    assert [u.email for u in store.list_users(admin)] == [
        "admin@example.com",
        "alice@example.com",
        "bob@example.com",
    ]
    with pytest.raises(PermissionDenied, match="only an admin"):
        store.list_users(alice)


@pytest.mark.parametrize("weak", ["1234567890", "Password123", "aaaaaaaaaaaa", "ababababab", "55512345678"])
def test_passwords_an_attacker_tries_first_are_refused(store: Store, weak: str) -> None:
    """Issue 13 item 17: passwords were checked only for length."""
    with pytest.raises(InvalidInput) as error:
        store.create_user("weak@example.com", weak)
    assert "first an attacker tries" in str(error.value)
    store.create_user("strong@example.com", "lantern warehouse october")
