"""Bad form and JSON input gets 4xx with a message in the page's language, never a 500 (issue 13, items 12 and 15)."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Client, make_app
from tests.web.test_pages import PLAN, create


def quiet_client(tmp_path: Path) -> Client:
    """A client that sees the server's answer instead of re-raising its exceptions."""
    client = make_app(tmp_path)
    client.raise_server_exceptions = False
    return Client(client)


def test_bad_plan_and_submission_fields_are_400(tmp_path: Path) -> None:
    client = quiet_client(tmp_path)
    case_id = create(client)
    for data in (
        {"version": "abc"},
        {**PLAN, "version": "1", "as_of": "2026-13-45"},
        {**PLAN, "version": "1.5"},
    ):
        response = client.post(f"/cases/{case_id}/plan", data)
        assert response.status_code == 400, (data.get("version"), response.status_code)
        assert "Traceback" not in response.text
    submitted = client.post(
        f"/cases/{case_id}/submissions", {"draft_number": "²", "submitted_on": "2026-11-20"}
    )
    assert submitted.status_code == 400 and "whole number" in submitted.text


def test_a_form_field_of_the_wrong_kind_is_a_page_not_raw_json(tmp_path: Path) -> None:
    client = quiet_client(tmp_path)
    case_id = create(client)
    page = client.post(f"/cases/{case_id}/notice", {"version": "x", "notice_text": "hello"})
    assert page.status_code == 400
    assert page.headers["content-type"].startswith("text/html") and "version" in page.text
    client.http.cookies.set("lang", "zh")
    chinese = client.post(f"/cases/{case_id}/notice", {"version": "x", "notice_text": "hello"})
    assert "请刷新页面" in chinese.text


def test_the_notice_api_refuses_what_is_not_a_json_object(tmp_path: Path) -> None:
    client = quiet_client(tmp_path)
    client.get("/review")
    headers = {"X-CSRF-Token": client.token, "Content-Type": "application/json"}
    for body in (b'"x"', b"[1]", b"{not json", b'"\\ud800"'):
        response = client.http.post("/api/notice", content=body, headers=headers)
        assert response.status_code == 400, (body, response.status_code)
    lone = client.http.post("/api/review", content=b'{"text": "\\ud800 Root cause"}', headers=headers)
    assert lone.status_code < 500


def test_a_dated_deadline_in_the_notice_becomes_the_case_deadline(tmp_path: Path) -> None:
    """A notice that says "no later than November 30, 2026" and no other date: the deadline is that day."""
    client = quiet_client(tmp_path)
    notice = (
        "Your seller account has been deactivated because your late shipment rate is above our target. "
        "Please send us a plan of action no later than November 30, 2026."
    )
    case_id = create(client, notice)
    assert client.get(f"/api/cases/{case_id}").json()["case"]["deadline"] == "2026-11-30"
