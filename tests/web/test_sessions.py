"""Issue 13, item 2: signing out ends the session on the server, and so do the other ways out.

Before, a session was only a signed cookie: a copy taken before sign-out still read and wrote for 14
days, and there was no password change, no "sign out everywhere" and no account deletion. Each test
here keeps a second browser (or a copy of the cookie) and checks that it is signed out for good.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from reinstate.store import Store, UserSession
from tests.web.conftest import Client, make_app
from tests.web.test_users import sign_in

ADMIN, PASSWORD = "admin@example.com", "correct horse battery"
NEW_PASSWORD = "lantern warehouse october"
COOKIE = "reinstate_session"


@pytest.fixture
def admin(tmp_path: Path) -> Iterator[Client]:
    """A multi-user app whose administrator is signed in."""
    with make_app(tmp_path, multi_user=True) as http:
        client = Client(http)
        client.get("/setup")
        assert client.post("/setup", {"email": ADMIN, "password": PASSWORD}).status_code == 303
        client.get("/")
        yield client


def another_browser(client: Client, cookie: str | None = None) -> Client:
    """A second browser on the same server: empty, or holding a copy of a cookie."""
    other = Client(TestClient(client.http.app))
    if cookie is not None:
        other.http.cookies.set(COOKIE, cookie)
        other.get("/account")  # the copy's form token, as the page shows it
    return other


def cookie_of(client: Client) -> str:
    value = client.http.cookies.get(COOKIE)
    assert isinstance(value, str) and value
    return value


def assert_signed_out(client: Client) -> None:
    page = client.http.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login"), page.status_code
    assert client.http.get("/api/cases").status_code == 401
    write = client.post("/cases", {"title": "written after sign-out", "seller_name": "X"})
    # to the sign-in page, or refused earlier when the form's token went with the session
    assert write.status_code == 403 or write.headers["location"].startswith("/login"), write.status_code


def test_a_cookie_copied_before_sign_out_is_dead_after_it(admin: Client) -> None:
    copy = another_browser(admin, cookie_of(admin))
    assert copy.http.get("/api/cases").status_code == 200  # a copy works while the session lives
    assert admin.post("/logout").headers["location"] == "/login"
    assert_signed_out(copy)
    # the copy still holds a good form token: its write reaches the session check, which refuses it
    write = copy.post("/cases", {"title": "written with a copied cookie", "seller_name": "X"})
    assert write.status_code == 303 and write.headers["location"] == "/login?next=/cases"
    assert_signed_out(admin)
    assert sign_in(admin, ADMIN, PASSWORD) == 303
    assert admin.get("/api/cases").json()["cases"] == []  # nothing was written by the dead copy


def test_a_password_change_signs_out_every_other_browser(admin: Client) -> None:
    laptop = another_browser(admin)
    assert sign_in(laptop, ADMIN, PASSWORD) == 303
    old_copy = another_browser(admin, cookie_of(admin))
    page = admin.get("/account")
    assert page.status_code == 200 and page.text.count("<tr>") == 3  # header and two sessions
    changed = admin.post(
        "/account/password",
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )
    assert changed.status_code == 303 and changed.headers["location"] == "/account?done=password"
    assert 'id="password-changed"' in admin.get("/account?done=password").text  # still signed in here
    assert admin.get("/api/cases").status_code == 200
    assert_signed_out(laptop)
    assert_signed_out(old_copy)
    assert sign_in(laptop, ADMIN, PASSWORD) == 401
    assert sign_in(laptop, ADMIN, NEW_PASSWORD) == 303


@pytest.mark.parametrize(
    ("form", "english", "chinese"),
    [
        ({"current_password": "not my password"}, "current password is not right", "当前密码不正确"),
        (
            {"new_password_again": "something else entirely"},
            "two new passwords differ",
            "两次输入的新密码不一致",
        ),
        ({"new_password": "short", "new_password_again": "short"}, "shorter than 10", "新密码少于 10 个字符"),
        (
            {"new_password": "password1234", "new_password_again": "password1234"},
            "among the first an attacker tries",
            "攻击者最先会尝试",
        ),
        ({"new_password": PASSWORD, "new_password_again": PASSWORD}, "is the current one", "与当前密码相同"),
    ],
)
def test_a_refused_password_change_is_400_in_the_page_language(
    admin: Client, form: dict[str, str], english: str, chinese: str
) -> None:
    sent = {"current_password": PASSWORD, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    sent |= form
    refused = admin.post("/account/password", sent)
    assert refused.status_code == 400 and english in refused.text
    admin.http.cookies.set("lang", "zh")
    refused = admin.post("/account/password", sent)
    assert refused.status_code == 400 and chinese in refused.text and "修改密码" in refused.text
    assert admin.get("/api/cases").status_code == 200  # still signed in, password unchanged
    admin.post("/logout")
    assert sign_in(admin, ADMIN, PASSWORD) == 303


def test_the_current_password_cannot_be_guessed_through_the_change_form(admin: Client) -> None:
    wrong = {"current_password": "a guess", "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    for _ in range(5):
        assert admin.post("/account/password", wrong).status_code == 400
    assert admin.post("/account/password", wrong).status_code == 429


def test_sign_out_everywhere_ends_every_session(admin: Client) -> None:
    phone = another_browser(admin)
    assert sign_in(phone, ADMIN, PASSWORD) == 303
    copy = another_browser(admin, cookie_of(admin))
    assert "Sign out everywhere" in admin.get("/account").text
    assert admin.post("/account/sign-out-everywhere").headers["location"] == "/login"
    for browser in (admin, phone, copy):
        assert_signed_out(browser)


def test_deleting_an_account_signs_it_out_everywhere(admin: Client) -> None:
    assert admin.post("/users", {"email": "bob@example.com", "password": PASSWORD}).status_code == 303
    bob = another_browser(admin)
    assert sign_in(bob, "bob@example.com", PASSWORD) == 303
    bob_id = account_id(admin, "bob@example.com")
    assert "bob@example.com" in admin.get(f"/users/{bob_id}/delete").text
    assert admin.post(f"/users/{bob_id}/delete", {"confirm": "yes"}).headers["location"] == "/users"
    assert_signed_out(bob)
    assert sign_in(bob, "bob@example.com", PASSWORD) == 401
    assert "bob@example.com" not in admin.get("/users").text
    assert admin.get(f"/users/{bob_id}/delete").status_code == 404


def test_an_account_that_owns_cases_is_kept(admin: Client) -> None:
    admin.post("/users", {"email": "bob@example.com", "password": PASSWORD})
    bob = another_browser(admin)
    sign_in(bob, "bob@example.com", PASSWORD)
    assert bob.post("/cases", {"title": "Bob's case", "seller_name": "Bob Goods"}).status_code == 303
    bob_id = account_id(admin, "bob@example.com")
    admin.http.cookies.set("lang", "zh")
    refused = admin.post(f"/users/{bob_id}/delete", {"confirm": "yes"})
    assert refused.status_code == 400 and "名下还有 1 个申诉" in refused.text
    assert [c["title"] for c in bob.get("/api/cases").json()["cases"]] == ["Bob's case"]


def test_only_an_administrator_deletes_and_never_themselves(admin: Client) -> None:
    admin.post("/users", {"email": "bob@example.com", "password": PASSWORD})
    admin_id = account_id(admin, ADMIN, own=True)
    assert admin.post(f"/users/{admin_id}/delete", {"confirm": "yes"}).status_code == 400
    bob = another_browser(admin)
    sign_in(bob, "bob@example.com", PASSWORD)
    assert bob.post(f"/users/{admin_id}/delete", {"confirm": "yes"}).status_code == 403
    assert bob.get(f"/users/{admin_id}/delete").status_code == 403
    assert admin.get("/api/cases").status_code == 200


def test_an_expired_session_is_refused(admin: Client) -> None:
    store: Store = admin.http.app.state.store  # type: ignore[attr-defined]
    with store.engine.begin() as connection:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        connection.execute(update(UserSession).values(expires_at=past))
    assert_signed_out(admin)


def test_the_account_page_in_chinese(admin: Client) -> None:
    page = admin.get("/account?lang=zh")
    for words in ("我的账号", "修改密码", "当前密码", "在所有设备上退出登录", "当前浏览器"):
        assert words in page.text


def test_single_user_mode_has_no_account_page(client: Client) -> None:
    assert client.http.get("/account", follow_redirects=False).headers["location"] == "/"
    assert client.post("/account/sign-out-everywhere").status_code == 404
    assert 'href="/account"' not in client.get("/").text


def account_id(admin: Client, email: str, *, own: bool = False) -> int:
    """The id of an account, from the accounts page (one's own has no delete link)."""
    page = admin.get("/users").text
    if own:
        store: Store = admin.http.app.state.store  # type: ignore[attr-defined]
        user = store.authenticate(email, PASSWORD)
        assert user is not None
        return user.id
    found = re.search(rf"{re.escape(email)}.*?/users/(\d+)/delete", page, re.S)
    assert found, page
    return int(found.group(1))
