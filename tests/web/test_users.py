"""Multi-user mode: sign-in, the first administrator, and no way into another user's case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import Client, make_app


@pytest.fixture
def multi(tmp_path: Path) -> Iterator[Client]:
    with make_app(tmp_path, multi_user=True) as http:
        yield Client(http)


def sign_in(client: Client, email: str, password: str) -> int:
    client.get("/login")
    status = int(client.post("/login", {"email": email, "password": password, "next": "/"}).status_code)
    client.get("/")  # a new session: pick up its form token
    return status


def test_first_visit_sets_up_the_administrator(multi: Client) -> None:
    assert multi.http.get("/", follow_redirects=False).headers["location"].startswith("/login")
    assert multi.http.get("/login", follow_redirects=False).headers["location"] == "/setup"
    multi.get("/setup")
    assert (
        multi.post("/setup", {"email": "admin@example.com", "password": "correct horse battery"}).status_code
        == 303
    )
    assert multi.get("/").status_code == 200
    multi.post("/logout")
    assert multi.get("/setup").url.path == "/login"  # set-up is closed once an account exists
    assert sign_in(multi, "admin@example.com", "wrong password!") == 401
    assert sign_in(multi, "admin@example.com", "correct horse battery") == 303


def test_json_needs_sign_in(multi: Client) -> None:
    response = multi.http.get("/api/cases")
    assert response.status_code == 401 and response.json()["ok"] is False


def test_user_b_cannot_reach_user_a_case(multi: Client) -> None:
    multi.get("/setup")
    multi.post("/setup", {"email": "a@example.com", "password": "password-of-a"})
    multi.get("/users")
    assert multi.post("/users", {"email": "b@example.com", "password": "password-of-b"}).status_code == 303
    created = multi.post("/cases", {"title": "A's case", "seller_name": "A Goods", "notice_text": ""})
    case_id = int(created.headers["location"].rsplit("/", 1)[1])
    multi.post("/logout")
    assert sign_in(multi, "b@example.com", "password-of-b") == 303
    assert multi.get("/api/cases").json()["cases"] == []
    for url in (
        f"/cases/{case_id}",
        f"/api/cases/{case_id}",
        f"/api/cases/{case_id}/export",
        f"/cases/{case_id}/delete",
    ):
        assert multi.get(url).status_code == 404, url
    for url, data in (
        (f"/cases/{case_id}/plan", {"version": "1", "fact": ["x"]}),
        (f"/cases/{case_id}/notice", {"version": "1", "notice_text": "x"}),
        (f"/cases/{case_id}/drafts", {}),
        (f"/cases/{case_id}/delete", {"confirm": "yes"}),
        (f"/cases/{case_id}/share", {"email": "b@example.com"}),
    ):
        assert multi.post(url, data).status_code == 404, url
    assert multi.get("/users").status_code == 403  # not an administrator
    multi.post("/logout")
    sign_in(multi, "a@example.com", "password-of-a")
    assert multi.post(f"/cases/{case_id}/share", {"email": "b@example.com"}).status_code == 303
    multi.post("/logout")
    sign_in(multi, "b@example.com", "password-of-b")
    assert multi.get(f"/api/cases/{case_id}").json()["case"]["title"] == "A's case"
    assert (
        multi.post(f"/cases/{case_id}/unshare", {"email": "b@example.com"}).status_code == 403
    )  # not the owner
    multi.post("/logout")
    sign_in(multi, "a@example.com", "password-of-a")
    assert multi.post(f"/cases/{case_id}/unshare", {"email": "b@example.com"}).status_code == 303
    multi.post("/logout")
    sign_in(multi, "b@example.com", "password-of-b")
    assert multi.get(f"/api/cases/{case_id}").status_code == 404  # sharing undone


def test_login_redirect_stays_on_this_site(multi: Client) -> None:
    multi.get("/setup")
    multi.post("/setup", {"email": "a@example.com", "password": "password-of-a"})
    multi.post("/logout")
    multi.get("/login")
    response = multi.post(
        "/login", {"email": "a@example.com", "password": "password-of-a", "next": "//evil.example/x"}
    )
    assert response.headers["location"] == "/"


def test_non_loopback_host_turns_accounts_on(tmp_path: Path) -> None:
    with make_app(tmp_path, host="0.0.0.0") as http:
        assert http.get("/", follow_redirects=False).status_code == 303
