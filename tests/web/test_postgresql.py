"""The web app on PostgreSQL (`reinstate serve --db postgresql://...`): the whole flow of a case.

Runs when REINSTATE_TEST_POSTGRES_URL names an empty database the tests may wipe (CI starts one with
scripts/ci_postgres.sh); skipped otherwise. The store suite covers every store method on both
databases; this checks that the app, its uploads, drafts and exports work on PostgreSQL too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reinstate.web import Settings, create_app
from tests.store.conftest import wipe_postgres
from tests.web.conftest import Client
from tests.web.test_pages import ORDERS, PLAN, create, version_of

URL = os.environ.get("REINSTATE_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="needs a PostgreSQL server (REINSTATE_TEST_POSTGRES_URL)")


def test_a_case_from_notice_to_reply_on_postgresql(tmp_path: Path) -> None:
    assert URL is not None
    wipe_postgres(URL)
    settings = Settings(
        db_url=URL, secret_key="pg-test", background_analysis=False, allowed_hosts=("testserver",)
    )
    with TestClient(create_app(settings)) as http:
        client = Client(http)
        case_id = create(client)
        uploaded = client.post(
            f"/cases/{case_id}/reports", files={"file": ("orders.txt", ORDERS.read_bytes(), "text/plain")}
        )
        assert uploaded.status_code == 303, uploaded.text
        again = client.post(
            f"/cases/{case_id}/reports", files={"file": ("copy.txt", ORDERS.read_bytes(), "text/plain")}
        )
        assert again.status_code == 400  # the same file twice is kept once
        assert "this file is already in the case, as orders.txt." in again.text
        saved = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
        assert saved.status_code == 303, saved.text
        assert client.post(f"/cases/{case_id}/drafts").headers["location"].endswith("/drafts/1")
        assert client.post(f"/cases/{case_id}/drafts").headers["location"].endswith("/drafts/2")
        assert client.get(f"/cases/{case_id}/drafts/2/export.docx").content.startswith(b"PK")
        sent = client.post(
            f"/cases/{case_id}/submissions", {"submitted_on": "2026-11-10", "draft_number": "2"}
        )
        assert sent.status_code == 303
        reply = {"received_on": "2026-11-12", "text": "Your account is reinstated.", "outcome": "accepted"}
        assert client.post(f"/cases/{case_id}/replies", reply).status_code == 303
        data = client.get(f"/api/cases/{case_id}").json()
        assert data["reports"][0]["kind"] == "all-orders"
        assert data["analysis"]["metrics"]["order_defect_rate"]["denominator"] > 0
        assert [d["number"] for d in data["drafts"]] == [1, 2]
        assert data["case"]["status"] == "reinstated"
        assert client.get("/").status_code == 200


def test_sessions_end_on_the_server_on_postgresql(tmp_path: Path) -> None:
    """Issue 13 item 2 on PostgreSQL: a copy of the cookie is dead after sign-out and after a password change."""
    from tests.web.test_sessions import another_browser, assert_signed_out, cookie_of

    assert URL is not None
    wipe_postgres(URL)
    settings = Settings(
        db_url=URL,
        secret_key="pg-test",
        multi_user=True,
        background_analysis=False,
        allowed_hosts=("testserver",),
    )
    with TestClient(create_app(settings)) as http:
        client = Client(http)
        client.get("/setup")
        client.post("/setup", {"email": "admin@example.com", "password": "correct horse battery"})
        client.get("/")
        copy = another_browser(client, cookie_of(client))
        new = "lantern warehouse october"
        changed = client.post(
            "/account/password",
            {"current_password": "correct horse battery", "new_password": new, "new_password_again": new},
        )
        assert changed.status_code == 303
        assert_signed_out(copy)
        copy = another_browser(client, cookie_of(client))
        client.post("/logout")
        assert_signed_out(copy)
