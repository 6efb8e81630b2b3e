"""One score for one text: the draft page, the live editor on it, `reinstate draft` and
`reinstate review --notice` review the same letter with the same context and give the same score."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from reinstate.cli import app
from tests.web.conftest import Client
from tests.web.test_pages import NOTICE, PLAN, create, version_of


def test_the_same_text_gets_the_same_score_everywhere(client: Client, tmp_path: Path) -> None:
    case_id = create(client)
    saved = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    assert saved.status_code == 303
    client.post(f"/cases/{case_id}/drafts")
    stored = client.get(f"/cases/{case_id}/drafts/1/export.json").json()
    text, page_score = stored["letter"]["text"], stored["review"]["score"]
    # the notice cites ASINs this letter does not answer, so the context lowers the score
    without_context = client.post_json("/api/review", {"text": text}).json()["score"]
    assert without_context > page_score

    live = client.post_json("/api/review", {"text": text, "case_id": case_id, "draft": 1}).json()
    assert live["score"] == page_score
    assert live["band"]["label"] and live["band"]["meaning_zh"]
    edited = client.post_json("/api/review", {"text": text + " ", "case_id": case_id, "draft": 1}).json()
    assert edited["score"] == page_score  # a space changes nothing

    (tmp_path / "letter.txt").write_text(text, encoding="utf-8")
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    reasons = [arg for r in stored["reasons"] for arg in ("--reason", r)]
    cli = CliRunner().invoke(
        app,
        [
            "review",
            str(tmp_path / "letter.txt"),
            "--notice",
            str(tmp_path / "notice.txt"),
            *reasons,
            "--format",
            "json",
        ],
    )
    assert cli.exit_code in (0, 1), cli.output
    assert json.loads(cli.stdout)["score"] == page_score


def test_live_review_of_a_draft_that_is_not_yours_or_not_there(client: Client) -> None:
    case_id = create(client)
    missing = client.post_json("/api/review", {"text": "Root cause: x", "case_id": case_id, "draft": 7})
    assert missing.status_code == 404
    bad = client.post_json("/api/review", {"text": "Root cause: x", "case_id": "abc", "draft": 1})
    assert bad.status_code == 400


def test_bad_json_bodies_are_refused_with_400(client: Client) -> None:
    client.get("/review")
    for body in (b"{not json", b"[1, 2]", b'"x"'):
        headers = {"X-CSRF-Token": client.token, "Content-Type": "application/json"}
        response = client.http.post("/api/review", content=body, headers=headers)
        assert response.status_code == 400, (body, response.status_code)
