"""Amazon's reply on the case page (issue 15): read on arrival, the status and the deadline follow it, its
asks are listed with what the plan must change, and the attempts used are counted."""

from __future__ import annotations

import datetime as dt

from tests.reply.replies import MORE_INFO, REINSTATED
from tests.web.conftest import Client
from tests.web.test_pages import PLAN, create, version_of


def record(client: Client, case_id: int, text: str, outcome: str = "", lang: str = "en") -> object:
    fields = {"received_on": dt.date.today().isoformat(), "text": text, "outcome": outcome}
    return client.post(f"/cases/{case_id}/replies?lang={lang}", fields)


def test_a_reply_asking_for_more_moves_the_case_and_its_deadline_and_lists_what_to_change(
    client: Client,
) -> None:
    case_id = create(client)
    client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    client.post(f"/cases/{case_id}/submissions", {"submitted_on": dt.date.today().isoformat()})
    assert record(client, case_id, MORE_INFO).status_code == 303  # type: ignore[attr-defined]
    case = client.get(f"/api/cases/{case_id}").json()["case"]
    assert case["status"] == "more-info"  # not "submitted": Amazon waits on the seller
    assert case["deadline"] == (dt.date.today() + dt.timedelta(days=14)).isoformat()
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert "要求补充信息" in page and "已提交申诉次数：1" in page
    assert "亚马逊最新回复的解读" in page and "需要补充信息" in page
    assert "根本原因需要更详细" in page and "buyers receiving defective items" in page
    assert "回复前需要在计划里修改的内容" in page  # the plan names no defective items: said
    english = client.get(f"/cases/{case_id}?lang=en").text
    assert "more information asked" in english and "more-info</span>" not in english


def test_a_reinstatement_read_from_the_text_marks_the_case_reinstated(client: Client) -> None:
    case_id = create(client)
    record(client, case_id, REINSTATED)
    assert client.get(f"/api/cases/{case_id}").json()["case"]["status"] == "reinstated"


def test_the_sellers_own_choice_of_outcome_wins_over_the_reader(client: Client) -> None:
    case_id = create(client)
    record(client, case_id, REINSTATED, outcome="rejected")
    assert client.get(f"/api/cases/{case_id}").json()["case"]["status"] == "rejected"


def test_a_reply_the_reader_does_not_recognise_is_kept_as_typed(client: Client) -> None:
    case_id = create(client)
    assert record(client, case_id, "Thanks, noted.").status_code == 303  # type: ignore[attr-defined]
    case = client.get(f"/api/cases/{case_id}").json()
    assert case["replies"][0]["outcome"] == "other" and case["replies"][0]["text"] == "Thanks, noted."


def test_a_new_version_that_barely_changes_a_refused_one_is_called_out(client: Client) -> None:
    case_id = create(client)
    client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    client.post(f"/cases/{case_id}/drafts")
    client.post(
        f"/cases/{case_id}/submissions", {"submitted_on": dt.date.today().isoformat(), "draft_number": "1"}
    )
    record(client, case_id, MORE_INFO)
    client.post(f"/cases/{case_id}/drafts")  # the same plan: the same letter
    again = client.get(f"/cases/{case_id}/drafts/2?lang=zh").text
    assert 'id="same-as-refused"' in again and "与第 1 版相同" in again and "compare?a=1&amp;b=2" in again
    changed = {**PLAN, "version": str(version_of(client, case_id))}
    changed["cause_text"] = [
        "Our grading notes were never checked against the listing condition, so 46 used SKUs went live as New "
        "between 2026-10-06 and 2026-11-02; nobody compared the upload file with the physical stock."
    ]
    changed["fact"] = ["We found the defective units in lot 2608 after testing 120 of them on 2026-11-05."]
    client.post(f"/cases/{case_id}/plan", changed)
    client.post(f"/cases/{case_id}/drafts")
    assert 'id="same-as-refused"' not in client.get(f"/cases/{case_id}/drafts/3").text
    assert 'id="same-as-refused"' not in client.get(f"/cases/{case_id}/drafts/1").text  # the sent one itself
