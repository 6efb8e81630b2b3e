"""No lost work (issue 14): the plan autosaves with its version, every button that leaves the plan saves
it first, several downloads go up at once, a wrong one can be removed, and the page can ask whether the
analysis is done. The browser side of the same is in test_browser.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import Client
from tests.web.test_pages import create, version_of

ODR_NOTICE = "Your order defect rate does not meet our performance target of less than 1%."
FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports" / "basic"


def plan_of(client: Client, case_id: int) -> dict:  # type: ignore[type-arg]
    return client.get(f"/api/cases/{case_id}").json()["plan"]


def autosave(client: Client, case_id: int, fields: dict[str, str], **headers: str) -> object:
    return client.post(f"/cases/{case_id}/plan", fields, headers={"Accept": "application/json", **headers})


def test_an_autosave_answers_with_the_new_version_and_a_stale_one_is_refused(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    first = version_of(client, case_id)
    saved = autosave(
        client, case_id, {"version": str(first), "cause_text": "Our warehouse closed for 9 days."}
    )
    body = saved.json()  # type: ignore[attr-defined]
    assert saved.status_code == 200 and body["ok"] and body["version"] == first + 1  # type: ignore[attr-defined]
    assert body["updated_at"].endswith("+00:00")
    assert plan_of(client, case_id)["root_causes"][0]["text"] == "Our warehouse closed for 9 days."
    # the page's next save carries the version it got back; an older tab's save is refused, not merged
    stale = autosave(
        client, case_id, {"version": str(first), "cause_text": "an older text"}, **{"Accept-Language": "zh"}
    )
    assert stale.status_code == 409 and stale.json()["error"]  # type: ignore[attr-defined]
    assert plan_of(client, case_id)["root_causes"][0]["text"] == "Our warehouse closed for 9 days."


def test_a_bad_date_in_an_autosave_is_said_in_json_and_nothing_changes(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    version = version_of(client, case_id)
    bad = autosave(
        client, case_id, {"version": str(version), "action_text": "Refunded", "action_date": "31/13/2026"}
    )
    assert bad.status_code == 400 and "31/13/2026" in bad.json()["error"]  # type: ignore[attr-defined]
    assert version_of(client, case_id) == version


def test_drafting_saves_the_plan_on_screen_first(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    page = client.get(f"/cases/{case_id}").text
    assert 'form="plan-form" name="then" value="draft"' in page  # the draft button belongs to the plan form
    typed = {
        "version": str(version_of(client, case_id)),
        "cause_text": "Our warehouse closed from 12 to 20 October 2026 while 71 orders stayed open.",
        "then": "draft",
    }
    drafted = client.post(f"/cases/{case_id}/plan", typed)
    assert drafted.status_code == 303 and drafted.headers["location"] == f"/cases/{case_id}/drafts/1"
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    assert "71 orders" in letter


@pytest.mark.parametrize(
    ("then", "where"),
    [
        ("phrases:root_cause", "/cases/{id}/phrases?kind=root_cause"),
        ("phrases:preventive_measure", "/cases/{id}/phrases?kind=preventive_measure"),
        ("phrases:nonsense", "/cases/{id}#plan"),
        ("https://evil.example/", "/cases/{id}#plan"),
        ("finding:../../users", "/cases/{id}#plan"),
        ("", "/cases/{id}#plan"),
    ],
)
def test_a_save_goes_on_only_to_pages_of_this_case(client: Client, then: str, where: str) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    saved = client.post(f"/cases/{case_id}/plan", {"version": str(version_of(client, case_id)), "then": then})
    assert saved.status_code == 303 and saved.headers["location"] == where.format(id=case_id)


def test_the_plan_form_has_visible_labels_remove_buttons_and_date_limits(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert (
        "根本原因（英文）" in page and "已采取的措施（英文）" in page and "同一内容的中文（可不填）" in page
    )
    assert 'class="link remove-row" hidden' in page  # shown by the script that makes it work
    assert 'name="action_date" value="" min="2000-01-01" max="' in page  # a done action is not in the future
    assert 'id="plan-state" role="status"' in page


def report(name: str) -> tuple[str, bytes, str]:
    return (name, (FIXTURES / name).read_bytes(), "text/plain")


def test_several_downloads_in_one_upload_are_kept_and_analysed_once(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    files = [
        ("file", report("all-orders.txt")),
        ("file", report("feedback.txt")),
        ("file", report("claims.csv")),
    ]
    answer = client.post(f"/cases/{case_id}/reports", files=files, headers={"Accept": "application/json"})
    assert answer.status_code == 200, answer.text
    kinds = [r["kind"] for r in answer.json()["reports"]]
    assert kinds == ["all-orders", "seller-feedback", "claims"]
    state = client.get(f"/cases/{case_id}/analysis").json()
    assert state == {"analysing": False, "reports": 3}
    assert 'id="metrics"' in client.get(f"/cases/{case_id}").text


def test_a_file_that_is_not_a_report_stops_the_whole_upload(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    files = [("file", report("all-orders.txt")), ("file", ("notes.txt", b"just some notes\n", "text/plain"))]
    refused = client.post(f"/cases/{case_id}/reports", files=files, headers={"Accept": "application/json"})
    assert refused.status_code == 400 and "notes.txt" in refused.json()["error"]
    assert client.get(f"/cases/{case_id}/analysis").json()["reports"] == 0


def test_a_file_already_in_the_case_is_skipped_among_others(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    client.post(f"/cases/{case_id}/reports", files=[("file", report("all-orders.txt"))])
    files = [("file", report("all-orders.txt")), ("file", report("feedback.txt"))]
    answer = client.post(
        f"/cases/{case_id}/reports", files=files, headers={"Accept": "application/json"}
    ).json()
    assert [r["kind"] for r in answer["reports"]] == ["seller-feedback"]
    assert (
        answer["skipped"][0]["filename"] == "all-orders.txt" and "already" in answer["skipped"][0]["message"]
    )
    alone = client.post(f"/cases/{case_id}/reports", files=[("file", report("feedback.txt"))])
    assert alone.status_code == 400 and "already in the case" in alone.text


def test_no_file_chosen_is_a_clear_message(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    empty = client.post(f"/cases/{case_id}/reports", headers={"Accept": "application/json"})
    assert empty.status_code == 400 and "choose one or more downloads" in empty.json()["error"]


def test_a_wrong_report_is_removed_and_the_rest_analysed_again(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    files = [("file", report("all-orders.txt")), ("file", report("feedback.txt"))]
    client.post(f"/cases/{case_id}/reports", files=files)
    page = client.get(f"/cases/{case_id}").text
    assert "feedback.txt" in page and f"/cases/{case_id}/reports/" in page
    reports = client.get(f"/api/cases/{case_id}").json()["reports"]
    wrong = next(r["id"] for r in reports if r["filename"] == "feedback.txt")
    removed = client.post(f"/cases/{case_id}/reports/{wrong}/delete")
    assert removed.status_code == 303
    after = client.get(f"/api/cases/{case_id}").json()["reports"]
    assert [r["filename"] for r in after] == ["all-orders.txt"]
    assert client.get(f"/cases/{case_id}/analysis").json() == {"analysing": False, "reports": 1}
    assert client.post(f"/cases/{case_id}/reports/{wrong}/delete").status_code == 404


def test_the_downloads_to_get_are_shown_before_the_first_upload(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert 'id="download-guide" open' in page
    assert (
        "所有订单报告" in page
        and "Feedback Manager（反馈管理器）" in page
        and "亚马逊商城交易保障索赔" in page
    )
    guide = client.get("/downloads?lang=zh").text
    assert "整理亚马逊商城交易保障索赔和信用卡拒付" in guide and "order-id\tclaim-type" in guide


def test_upload_times_carry_their_zone_for_the_browser_to_show_local_time(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    client.post(f"/cases/{case_id}/reports", files=[("file", report("all-orders.txt"))])
    page = client.get(f"/cases/{case_id}").text
    assert '<time class="local-time" datetime="' in page and "+00:00" in page


def test_a_row_with_only_a_date_is_refused_in_the_sellers_words(client: Client) -> None:
    case_id = create(client, notice=ODR_NOTICE)
    fields = {"version": str(version_of(client, case_id)), "action_text": ["Refunded 3 buyers", "", ""], "action_date": ["", "2026-11-03", ""],
              "action_done": ["yes", "yes", "yes"]}  # fmt: skip
    refused = client.post(f"/cases/{case_id}/plan?lang=zh", fields, headers={"Accept": "application/json"})
    error = refused.json()["error"]
    assert (
        refused.status_code == 400
        and "第 2 条已采取的措施只填了其他栏" in error
        and "actions_taken" not in error
    )
    # an untouched row ("done" is chosen by default) is no row at all
    saved = client.post(
        f"/cases/{case_id}/plan", {"version": str(version_of(client, case_id)), "action_done": "yes"}
    )
    assert saved.status_code == 303 and plan_of(client, case_id)["actions_taken"] == []
