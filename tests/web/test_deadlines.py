"""The case's deadline on the case page: corrected by the seller (with the version check, never before
the notice's date), said plainly when it was counted from the paste day, and as a calendar file; the ODR
chart's axis; no internal keys on the case page."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from reinstate.web.deadlines import calendar_file, deadline_basis
from reinstate.web.views import odr_chart
from tests.web.conftest import Client, make_app

ODR = "Your order defect rate does not meet our performance target of less than 1%."
RELATIVE = ODR + " Please submit a plan of action within 17 days."
DATED = "Date: 2026-11-20\n" + RELATIVE
TITLE = "ODR, November; shop 2, EU"


def create(client: Client, notice: str = RELATIVE, title: str = TITLE) -> int:
    response = client.post("/cases", {"title": title, "seller_name": "Quayside Media", "notice_text": notice})
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def version_of(client: Client, case_id: int) -> int:
    return int(client.get(f"/api/cases/{case_id}").json()["case"]["version"])


def test_a_deadline_without_a_notice_date_is_said_to_be_counted_from_the_paste_day(client: Client) -> None:
    case_id = create(client)
    page = html.unescape(client.get(f"/cases/{case_id}").text)
    due = (dt.date.today() + dt.timedelta(days=17)).isoformat()
    assert f"Deadline:</strong> {due}" in page
    assert "counted from the day you pasted the notice; correct it if the notice came earlier" in page
    assert '<label for="deadline-date">Reply to Amazon by</label>' in page
    assert f'href="/cases/{case_id}/deadline.ics"' in page and "Add to my calendar" in page
    zh = html.unescape(client.get(f"/cases/{case_id}?lang=zh").text)
    assert "从您粘贴通知的那天算起" in zh and "添加到我的日历" in zh and "最晚回复亚马逊的日期" in zh


def test_edit_the_deadline_in_english_and_chinese(client: Client) -> None:
    case_id = create(client, DATED)
    page = html.unescape(client.get(f"/cases/{case_id}").text)
    assert "Notice dated 2026-11-20" in page and "pasted the notice" not in page
    assert 'min="2026-11-20"' in page
    saved = client.post(
        f"/cases/{case_id}/deadline", {"version": version_of(client, case_id), "deadline": "2026-12-05"}
    )
    assert saved.status_code == 303 and saved.headers["location"] == f"/cases/{case_id}#notice"
    assert client.get(f"/api/cases/{case_id}").json()["case"]["deadline"] == "2026-12-05"
    zh = html.unescape(client.get(f"/cases/{case_id}?lang=zh").text)
    assert "截止日期：</strong> 2026-12-05" in zh
    assert "亚马逊通知日期：2026-11-20" in zh and "保存截止日期" in zh
    client.post(
        f"/cases/{case_id}/deadline", {"version": version_of(client, case_id), "deadline": "2026-12-07"}
    )
    assert client.get(f"/api/cases/{case_id}").json()["case"]["deadline"] == "2026-12-07"


def test_a_corrected_deadline_is_no_longer_said_to_be_counted(client: Client) -> None:
    case_id = create(client)
    earlier = (dt.date.today() - dt.timedelta(days=20)).isoformat()
    saved = client.post(
        f"/cases/{case_id}/deadline", {"version": version_of(client, case_id), "deadline": earlier}
    )
    assert saved.status_code == 303
    assert "pasted the notice" not in client.get(f"/cases/{case_id}").text


def test_a_stale_version_is_refused(client: Client) -> None:
    case_id = create(client)
    stale = version_of(client, case_id)
    client.post(f"/cases/{case_id}/deadline", {"version": stale, "deadline": "2027-01-10"})
    again = client.post(f"/cases/{case_id}/deadline", {"version": stale, "deadline": "2027-01-11"})
    assert again.status_code == 409
    assert client.get(f"/api/cases/{case_id}").json()["case"]["deadline"] == "2027-01-10"


def test_a_date_before_the_notice_is_refused_in_chinese(client: Client) -> None:
    case_id = create(client, DATED)
    client.get(f"/cases/{case_id}?lang=zh")  # the page's language, kept in a cookie
    before = version_of(client, case_id)
    refused = client.post(f"/cases/{case_id}/deadline", {"version": before, "deadline": "2026-11-01"})
    assert refused.status_code == 400
    text = html.unescape(refused.text)
    assert "截止日期 2026-11-01 早于亚马逊通知的日期 2026-11-20" in text
    not_a_date = client.post(f"/cases/{case_id}/deadline", {"version": before, "deadline": "明天"})
    assert not_a_date.status_code == 400 and "不是有效的日期" in html.unescape(not_a_date.text)
    assert version_of(client, case_id) == before  # nothing saved


def test_the_calendar_file(client: Client) -> None:
    case_id = create(client)
    client.post(
        f"/cases/{case_id}/deadline", {"version": version_of(client, case_id), "deadline": "2026-12-05"}
    )
    response = client.get(f"/cases/{case_id}/deadline.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    raw = response.content.decode("utf-8")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
    lines = raw.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = re.sub(r"\r\n[ \t]", "", raw).split("\r\n")[:-1]
    assert all(re.match(r"^[A-Z-]+[;:]", line) for line in unfolded), unfolded
    assert unfolded.count("BEGIN:VEVENT") == 1 and unfolded.count("BEGIN:VALARM") == 1
    assert "DTSTART;VALUE=DATE:20261205" in unfolded and "DTEND;VALUE=DATE:20261206" in unfolded
    assert "TRIGGER:-P2D" in unfolded
    assert r"SUMMARY:Appeal deadline: ODR\, November\; shop 2\, EU" in unfolded
    assert "Quayside" not in raw  # the title only: no seller name, notice or plan
    zh = client.get(f"/cases/{case_id}/deadline.ics?lang=zh").content.decode("utf-8")
    assert r"SUMMARY:申诉截止日期：ODR\, November\; shop 2\, EU" in re.sub(r"\r\n[ \t]", "", zh)


def test_a_long_chinese_title_is_folded_between_characters() -> None:
    text = calendar_file(3, "申诉截止日期：" + "订单缺陷率超标" * 20, dt.date(2026, 12, 5))
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "SUMMARY:申诉截止日期：" + "订单缺陷率超标" * 20 in re.sub(r"\r\n ", "", text)


def test_no_calendar_file_without_a_deadline(client: Client) -> None:
    case_id = create(client, ODR)  # no time given: no deadline
    assert client.get(f"/api/cases/{case_id}").json()["case"]["deadline"] is None
    missing = client.get(f"/cases/{case_id}/deadline.ics")
    assert missing.status_code == 404 and "no deadline" in missing.text
    assert "deadline.ics" not in client.get(f"/cases/{case_id}").text


def test_another_users_case_is_refused(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    with make_app(tmp_path, multi_user=True) as http:
        admin = Client(http)
        admin.get("/setup")
        admin.post("/setup", {"email": "admin@example.com", "password": "admin-password-1"})
        admin.get("/users")
        assert (
            admin.post("/users", {"email": "other@example.com", "password": "other-password-1"}).status_code
            == 303
        )
        case_id = create(admin)
        other = Client(TestClient(http.app))
        other.get("/login")
        other.post("/login", {"email": "other@example.com", "password": "other-password-1", "next": "/"})
        other.get("/")
        assert other.get(f"/cases/{case_id}/deadline.ics").status_code == 404
        refused = other.post(f"/cases/{case_id}/deadline", {"version": 1, "deadline": "2027-01-01"})
        assert refused.status_code == 404
        assert admin.get(f"/cases/{case_id}/deadline.ics").status_code == 200


def test_deadline_basis() -> None:
    notice = {"dates": [], "deadline_days": 17, "deadline_date": None}
    day = dt.date(2026, 12, 1)
    assert deadline_basis(notice, day + dt.timedelta(days=17), day, day)["from_paste"] is True
    assert deadline_basis(notice, day, day, day)["from_paste"] is False  # corrected by the seller
    dated = {"dates": ["2026-11-20"], "deadline_days": 17, "deadline_date": None}
    assert deadline_basis(dated, day, day, day) == {"notice_date": "2026-11-20", "from_paste": False}
    assert deadline_basis(None, None) == {"notice_date": None, "from_paste": False}


def test_the_odr_chart_has_percent_ticks_and_a_labelled_target() -> None:
    week = {"start": "2026-10-05", "end": "2026-10-11", "defects": 3, "orders": 100, "rate": 0.03}
    chart = odr_chart({"timeline": {"order_defect_rate": [week]}})
    assert chart is not None
    assert [t["label"] for t in chart["ticks"]] == ["0%", "1%", "2%", "3%"]
    assert chart["ticks"][1]["y"] == chart["target_y"]


def test_the_case_page_shows_metric_names_not_keys(client: Client, tmp_path: Path) -> None:
    from reinstate.sampledata import write_sample_data

    files = write_sample_data(tmp_path / "downloads", orders=1500, seed=7)
    case_id = create(client, ODR)
    for path in files:
        if path.suffix != ".md":
            client.post(
                f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
            )
    assert client.get(f"/api/cases/{case_id}").json()["analysis"]["metrics"]["order_defect_rate"]
    for lang, name, target in (
        ("en", "Order defect rate", "Amazon's target 1%"),
        ("zh", "订单缺陷率", "亚马逊的目标：1%"),
    ):
        page = html.unescape(client.get(f"/cases/{case_id}?lang={lang}").text)
        metrics = page[page.index('id="metrics"') :]
        assert name in metrics and target in metrics and ">0%</text>" in metrics
        shown = re.sub(r"<[^>]+>", " ", page)  # what the seller reads (addresses and form values are not)
        assert "order_defect_rate" not in shown
        assert not re.search(r"\b[a-z]+(?:_[a-z0-9]+)+_rate\b", shown)  # no metric key
        assert not re.search(r"\b[a-z]+(?:-[a-z]+)+/[a-z]+(?:-[a-z]+)+\b", shown)  # no knowledge-base id
