"""Sharing a case from its page (multi-user mode): the owner shares and unshares by a colleague's account
e-mail, everyone with access sees who has it, nobody else can share, and the administrator manages
accounts without reading cases that were not shared with them."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import Client, make_app

PASSWORDS = {
    "admin@example.com": "admin-password-1",
    "seller@example.com": "seller-password-1",
    "colleague@example.com": "colleague-password-1",
    "stranger@example.com": "stranger-password-1",
}
TITLE = "Used sold as new, November"
NOTICE = (Path(__file__).parents[2] / "src/reinstate/samples/wrong-condition-upload/notice.txt").read_text(
    encoding="utf-8"
)


def signed_in(http: TestClient, email: str) -> Client:
    """A browser of its own (its own cookies) signed in as ``email``."""
    client = Client(TestClient(http.app))
    client.get("/login")
    response = client.post("/login", {"email": email, "password": PASSWORDS[email], "next": "/"})
    assert response.status_code == 303, response.text
    client.get("/")  # a new session: pick up its form token
    return client


@dataclass
class Team:
    admin: Client
    seller: Client
    colleague: Client
    stranger: Client
    case_id: int


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    """An administrator who added three accounts; the seller owns one case with one draft."""
    with make_app(tmp_path, multi_user=True) as http:
        admin = Client(http)
        admin.get("/setup")
        admin.post("/setup", {"email": "admin@example.com", "password": PASSWORDS["admin@example.com"]})
        admin.get("/users")
        for email in ("seller@example.com", "colleague@example.com", "stranger@example.com"):
            assert admin.post("/users", {"email": email, "password": PASSWORDS[email]}).status_code == 303
        seller = signed_in(http, "seller@example.com")
        created = seller.post(
            "/cases", {"title": TITLE, "seller_name": "Quayside Media Resale LLC", "notice_text": NOTICE}
        )
        case_id = int(created.headers["location"].rsplit("/", 1)[1])
        assert seller.post(f"/cases/{case_id}/drafts").status_code == 303
        yield Team(
            admin,
            seller,
            signed_in(http, "colleague@example.com"),
            signed_in(http, "stranger@example.com"),
            case_id,
        )


def listed(client: Client) -> list[int]:
    return [c["id"] for c in client.get("/api/cases").json()["cases"]]


def reach(client: Client, case_id: int) -> dict[str, int]:
    """The status of every way into the case: list, page, API and the exports."""
    urls = (
        f"/cases/{case_id}",
        f"/api/cases/{case_id}",
        f"/api/cases/{case_id}/export",
        f"/cases/{case_id}/drafts/1",
        f"/cases/{case_id}/drafts/1/export.txt",
        f"/cases/{case_id}/drafts/1/export.docx",
    )
    return {url: client.get(url).status_code for url in urls}


def test_share_then_unshare(team: Team) -> None:
    case_id = team.case_id
    page = team.seller.get(f"/cases/{case_id}").text
    assert 'id="sharing"' in page and "Only you can see this case." in page
    assert all(status == 404 for status in reach(team.colleague, case_id).values())

    shared = team.seller.post(f"/cases/{case_id}/share", {"email": " Colleague@Example.com "})
    assert shared.status_code == 303 and shared.headers["location"] == f"/cases/{case_id}#sharing"
    page = html.unescape(team.seller.get(f"/cases/{case_id}").text)
    assert "Shared with colleague@example.com." in page
    assert f'action="/cases/{case_id}/unshare"' in page and 'value="colleague@example.com"' in page
    sharing = team.seller.get(f"/api/cases/{case_id}").json()["sharing"]
    assert sharing == {
        "owner": "seller@example.com",
        "mine": True,
        "you": "seller@example.com",
        "shared_with": ["colleague@example.com"],
    }

    # The colleague sees it everywhere, and who shared it; she cannot share it on.
    assert case_id in listed(team.colleague) and TITLE in team.colleague.get("/").text
    assert all(status == 200 for status in reach(team.colleague, case_id).values())
    page = html.unescape(team.colleague.get(f"/cases/{case_id}").text)
    assert "Shared with you by seller@example.com." in page and "Only its owner can share" in page
    assert f'action="/cases/{case_id}/share"' not in page and f'action="/cases/{case_id}/unshare"' not in page
    assert team.colleague.get(f"/api/cases/{case_id}").json()["sharing"]["mine"] is False

    unshared = team.seller.post(f"/cases/{case_id}/unshare", {"email": "colleague@example.com"})
    assert unshared.status_code == 303 and unshared.headers["location"] == f"/cases/{case_id}#sharing"
    assert team.seller.get(f"/api/cases/{case_id}").json()["sharing"]["shared_with"] == []
    assert case_id not in listed(team.colleague) and TITLE not in team.colleague.get("/").text
    assert all(status == 404 for status in reach(team.colleague, case_id).values())
    gone = team.colleague.get(f"/cases/{case_id}")
    assert "This case is not open to you" in gone.text and "case_id" not in gone.text
    assert "ask its owner to share it with you" in gone.text  # true again: the owner has the button
    gone_zh = team.colleague.get(f"/cases/{case_id}?lang=zh")
    assert "您无法打开这个申诉" in gone_zh.text and "没有共享给您" in gone_zh.text
    assert "请让申诉的所有者共享给您" in gone_zh.text


def test_an_unknown_account_is_a_clear_400_in_the_pages_language(team: Team) -> None:
    case_id = team.case_id
    refused = team.seller.post(f"/cases/{case_id}/share", {"email": "nobody@example.com"})
    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert 'id="share-error"' in text and "No account signs in as nobody@example.com." in text
    assert 'value="nobody@example.com"' in text  # what she typed is still in the form

    team.seller.get(f"/cases/{case_id}?lang=zh")  # the Chinese interface, remembered
    refused_zh = team.seller.post(f"/cases/{case_id}/share", {"email": "wang"})  # a name, not an e-mail
    assert refused_zh.status_code == 400
    assert "没有用 wang 登录的账号。请核对同事登录时使用的邮箱" in html.unescape(refused_zh.text)

    api = team.seller.http.post(
        f"/cases/{case_id}/share",
        data={"email": "nobody@example.com", "csrf_token": team.seller.token},
        headers={"accept": "application/json"},
    )
    assert api.status_code == 400 and api.json()["status"] == 400 and "没有用" in api.json()["error"]
    assert team.seller.get(f"/api/cases/{case_id}").json()["sharing"]["shared_with"] == []


def test_only_the_owner_shares_and_unshares(team: Team) -> None:
    case_id = team.case_id
    team.seller.post(f"/cases/{case_id}/share", {"email": "colleague@example.com"})
    # The colleague can see the case, so she is told it is not hers to share (403, in her language).
    assert (
        team.colleague.post(f"/cases/{case_id}/share", {"email": "stranger@example.com"}).status_code == 403
    )
    assert (
        team.colleague.post(f"/cases/{case_id}/unshare", {"email": "colleague@example.com"}).status_code
        == 403
    )
    team.colleague.get("/?lang=zh")
    refused = team.colleague.post(f"/cases/{case_id}/share", {"email": "stranger@example.com"})
    assert refused.status_code == 403 and f"只有申诉 {case_id} 的所有者才能共享它" in refused.text
    # Others do not learn that the case exists: the stranger and the administrator alike.
    for outsider in (team.stranger, team.admin):
        for action in ("share", "unshare"):
            response = outsider.post(f"/cases/{case_id}/{action}", {"email": "colleague@example.com"})
            assert response.status_code == 404, action
    assert team.seller.get(f"/api/cases/{case_id}").json()["sharing"]["shared_with"] == [
        "colleague@example.com"
    ]


def test_the_administrator_manages_accounts_and_reads_no_case_not_shared_with_them(team: Team) -> None:
    case_id = team.case_id
    users = team.admin.get("/users")
    assert (
        users.status_code == 200 and "you see only the cases you own and those shared with you" in users.text
    )
    assert listed(team.admin) == [] and TITLE not in team.admin.get("/").text
    assert all(status == 404 for status in reach(team.admin, case_id).values())
    team.seller.post(f"/cases/{case_id}/share", {"email": "admin@example.com"})
    assert listed(team.admin) == [case_id]
    assert (
        team.admin.post(f"/cases/{case_id}/delete", {"confirm": "yes"}).status_code == 403
    )  # shared, not owned


def test_the_accounts_page_is_in_the_administrators_menu_only(team: Team) -> None:
    assert '<a href="/users">Accounts</a>' in team.admin.get("/").text
    assert '<a href="/users">账号管理</a>' in team.admin.get("/?lang=zh").text
    for member in (team.seller, team.colleague):
        assert 'href="/users"' not in member.get("/").text
        assert 'href="/users"' not in member.get(f"/cases/{team.case_id}").text


def test_sharing_needs_the_form_token(team: Team) -> None:
    case_id = team.case_id
    for action in ("share", "unshare"):
        response = team.seller.http.post(
            f"/cases/{case_id}/{action}", data={"email": "colleague@example.com"}, follow_redirects=False
        )
        assert response.status_code == 403, action
        forged = team.seller.http.post(
            f"/cases/{case_id}/{action}",
            data={"email": "colleague@example.com", "csrf_token": "not-the-token"},
            follow_redirects=False,
        )
        assert forged.status_code == 403, action
    assert team.seller.get(f"/api/cases/{case_id}").json()["sharing"]["shared_with"] == []
    assert case_id not in listed(team.colleague)


def test_single_user_mode_has_no_sharing(client: Client) -> None:
    created = client.post("/cases", {"title": TITLE, "seller_name": "Lanternway Trading", "notice_text": ""})
    case_id = int(created.headers["location"].rsplit("/", 1)[1])
    page = client.get(f"/cases/{case_id}").text
    assert 'id="sharing"' not in page and "/share" not in page and 'href="/users"' not in page
    assert client.get(f"/api/cases/{case_id}").json()["sharing"] is None
    assert client.post(f"/cases/{case_id}/share", {"email": "colleague@example.com"}).status_code == 404
