"""Every page and action of the single-user app, through HTTP, on a temporary database."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from tests.web.conftest import Client

ORDERS = Path(__file__).parents[1] / "fixtures" / "reports" / "basic" / "all-orders.txt"
NOTICE = (Path(__file__).parents[2] / "src/reinstate/samples/wrong-condition-upload/notice.txt").read_text(
    encoding="utf-8"
)


def create(client: Client, notice: str = NOTICE) -> int:
    response = client.post(
        "/cases",
        {"title": "Used sold as new", "seller_name": "Quayside Media Resale LLC", "notice_text": notice},
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def version_of(client: Client, case_id: int) -> int:
    return int(client.get(f"/api/cases/{case_id}").json()["case"]["version"])


PLAN = {
    "fact": ["Our upload template filled empty condition cells with New on 2026-10-06."],
    "cause_text": ["Our template set 46 used SKUs to New, including B0C4QZ7M21 and B0B9XK2L6P."],
    "cause_evidence": ["All 9 complaints came from orders placed between 2026-10-06 and 2026-11-02."],
    "cause_kb": [""],
    "cause_reason": ["condition-complaint"],
    "action_text": ["Corrected the condition of all 46 SKUs"],
    "action_date": ["2026-11-04"],
    "action_done": ["yes"],
    "action_evidence": ["inventory file processing report"],
    "measure_text": ["A second person checks every bulk upload."],
    "measure_owner": ["Listing lead"],
    "measure_start": ["2026-11-08"],
    "measure_frequency": ["every bulk upload"],
    "attachment": ["Inventory file processing report"],
}


def test_empty_list_then_a_case(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "No cases yet" in page.text
    case_id = create(client)
    listing = client.get("/api/cases").json()["cases"]
    assert listing[0]["id"] == case_id and listing[0]["reasons"] == ["condition-complaint"]
    assert "Used sold as new" in client.get("/").text


def test_case_page_shows_the_notice_checklist_and_guide(client: Client) -> None:
    case_id = create(client)
    page = client.get(f"/cases/{case_id}")
    assert page.status_code == 200
    assert "B0C4QZ7M21" in page.text and "Product condition complaints" in page.text
    assert "Questions to answer" in page.text
    data = client.get(f"/api/cases/{case_id}").json()
    assert data["notice"]["asins"][0] == "B0C4QZ7M21"
    assert data["guide"][0]["id"] == "condition-complaint"


def test_plan_draft_review_and_exports(client: Client) -> None:
    case_id = create(client)
    saved = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    assert saved.status_code == 303, saved.text
    plan = client.get(f"/api/cases/{case_id}").json()["plan"]
    assert plan["actions_taken"][0]["date"] == "2026-11-04"
    drafted = client.post(f"/cases/{case_id}/drafts")
    assert drafted.headers["location"] == f"/cases/{case_id}/drafts/1"
    page = client.get(f"/cases/{case_id}/drafts/1")
    assert page.status_code == 200 and "On 4 November 2026 we corrected the condition" in page.text
    assert 'id="review-text"' in page.text
    draft = client.get(f"/api/cases/{case_id}/drafts/1").json()
    assert draft["review"]["schema"] == "reinstate.review/1"
    assert draft["draft"]["form"]["actions_taken"].startswith("1. On 4 November 2026")
    for fmt, marker in (("txt", b"Subject: Plan of Action"), ("md", b"**Subject:**"), ("docx", b"PK")):
        exported = client.get(f"/cases/{case_id}/drafts/1/export.{fmt}")
        assert exported.status_code == 200 and exported.content.startswith(marker), fmt
    assert (
        json.loads(client.get(f"/cases/{case_id}/drafts/1/export.json").content)["schema"]
        == "reinstate.draft/1"
    )
    assert client.get(f"/cases/{case_id}/drafts/1/export.pdf").status_code == 404


def test_two_drafts_are_numbered(client: Client) -> None:
    case_id = create(client)
    client.post(f"/cases/{case_id}/drafts")
    second = client.post(f"/cases/{case_id}/drafts")
    assert second.headers["location"].endswith("/drafts/2")


def test_a_stale_save_is_refused_not_lost(client: Client) -> None:
    case_id = create(client)
    stale = version_of(client, case_id)
    first = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(stale)})
    assert first.status_code == 303
    second = client.post(
        f"/cases/{case_id}/plan", {**PLAN, "fact": ["Another tab's fact."], "version": str(stale)}
    )
    assert second.status_code == 409
    facts = client.get(f"/api/cases/{case_id}").json()["plan"]["facts"]
    assert facts == PLAN["fact"]


def test_bad_date_in_the_plan_is_a_clear_error(client: Client) -> None:
    case_id = create(client)
    response = client.post(f"/cases/{case_id}/plan", {**PLAN, "action_date": ["yesterday"], "version": "1"})
    assert response.status_code == 400 and "not a date" in response.text


def test_upload_submission_reply_and_delete(client: Client) -> None:
    case_id = create(client)
    uploaded = client.post(
        f"/cases/{case_id}/reports",
        files={"file": ("orders.txt", ORDERS.read_bytes(), "text/plain")},
    )
    assert uploaded.status_code == 303
    stored = client.get(f"/api/cases/{case_id}").json()["reports"][0]
    assert stored["filename"] == "orders.txt" and stored["kind"] == "all-orders"
    assert "All Orders report" in client.get(f"/cases/{case_id}").text
    assert (
        "所有订单报告（All Orders）" in client.get(f"/cases/{case_id}?lang=zh").text
    )  # reports.report_titles
    client.get("/?lang=en")  # the language is remembered: back to English for the rest
    client.post(f"/cases/{case_id}/drafts")
    sent = client.post(f"/cases/{case_id}/submissions", {"submitted_on": "2026-11-10", "draft_number": "1"})
    assert sent.status_code == 303
    reply = client.post(
        f"/cases/{case_id}/replies",
        {"received_on": "2026-11-12", "text": "Your account is reinstated.", "outcome": "accepted"},
    )
    assert reply.status_code == 303
    data = client.get(f"/api/cases/{case_id}").json()
    assert data["case"]["status"] == "reinstated" and data["submissions"][0]["draft_number"] == 1
    assert client.post(f"/cases/{case_id}/delete", {}).status_code == 400  # not confirmed: kept
    assert client.get(f"/api/cases/{case_id}").status_code == 200
    assert "cannot be undone" in client.get(f"/cases/{case_id}/delete").text
    assert client.post(f"/cases/{case_id}/delete", {"confirm": "yes"}).status_code == 303
    assert client.get(f"/api/cases/{case_id}").status_code == 404


def test_review_editor_and_api(client: Client) -> None:
    assert client.get("/review").status_code == 200
    letter = "Root cause:\nThe customer was lying about the damage.\n"
    page = client.post("/review", {"text": letter})
    assert page.status_code == 200 and "POA501" in page.text
    result = client.post_json("/api/review", {"text": letter}).json()
    assert result["schema"] == "reinstate.review/1" and any(f["code"] == "POA501" for f in result["findings"])


def test_every_user_text_is_escaped(client: Client) -> None:
    script = "<script>alert(1)</script>"
    response = client.post("/cases", {"title": script, "seller_name": script, "notice_text": script})
    case_id = int(response.headers["location"].rsplit("/", 1)[1])
    for url in ("/", f"/cases/{case_id}"):
        text = client.get(url).text
        assert script not in text and "&lt;script&gt;" in text
    page = client.post("/review", {"text": f"Root cause: {script}"}).text
    assert script not in page


def test_csrf_is_required(client: Client) -> None:
    response = client.http.post("/cases", data={"title": "x", "seller_name": "y"}, follow_redirects=False)
    assert response.status_code == 403
    api = client.http.post("/api/review", json={"text": "hello"})
    assert api.status_code == 403 and api.json()["ok"] is False


def test_error_shape_for_json(client: Client) -> None:
    response = client.get("/api/cases/999")
    body = response.json()
    assert (
        response.status_code == 404
        and set(body) == {"ok", "error", "errors", "status"}
        and body["status"] == 404
    )


def test_chinese_interface_is_remembered(client: Client) -> None:
    page = client.get("/?lang=zh")
    assert ("新建申诉" in page.text and page.cookies.get("lang") == "zh") or "lang=zh" in page.headers.get(
        "set-cookie", ""
    )
    assert "新建申诉" in client.get("/").text
    assert "New case" in client.get("/?lang=en").text


def test_openapi_documents_the_json(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/cases/{case_id}" in schema["paths"] and "/api/review" in schema["paths"]


ZH_NOTICE = (Path(__file__).parents[1] / "notice" / "fixtures" / "zh-ip.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "notice", ["a" * 1_000_001, (ZH_NOTICE + "\n") * 1000], ids=["ascii-1MB", "chinese-1MB"]
)
def test_huge_notice_is_refused_cleanly_and_no_case_is_made(client: Client, notice: str) -> None:
    response = client.post("/cases", {"title": "x", "seller_name": "y", "notice_text": notice})
    assert response.status_code == 400
    assert "the notice is longer than 200,000 characters. Fix: paste the notice itself only." in response.text
    assert client.get("/api/cases").json()["cases"] == []


def test_a_long_chinese_notice_within_the_limit_is_kept(client: Client) -> None:
    """About 190,000 Chinese characters: 570 KB of UTF-8, 1.7 MB as a browser sends the form, past
    the 1 MB a form field may have by default."""
    notice = (ZH_NOTICE + "\n") * (190_000 // (len(ZH_NOTICE) + 1))
    response = client.post("/cases", {"title": "x", "seller_name": "y", "notice_text": notice})
    assert response.status_code == 303, response.text[-300:]
    case = client.get("/api/cases").json()["cases"][0]
    assert case["reasons"] == ["intellectual-property"]


def test_database_trouble_is_a_clear_page(client: Client, monkeypatch: object) -> None:
    from reinstate.store import DatabaseUnavailable

    store = client.http.app.state.store  # type: ignore[attr-defined]

    def locked(*args: object, **kwargs: object) -> None:
        raise DatabaseUnavailable(
            "the database cases.db is locked by another program.", fix="close it and retry."
        )

    monkeypatch.setattr(store, "list_cases", locked)  # type: ignore[attr-defined]
    monkeypatch.setattr(store, "case_listing", locked)  # type: ignore[attr-defined]
    page = client.get("/")
    assert page.status_code == 503 and "locked by another program" in page.text
    api = client.get("/api/cases")
    assert api.status_code == 503 and api.json()["ok"] is False


def test_uploaded_reports_are_analysed_and_back_the_draft(client: Client, tmp_path: Path) -> None:
    from reinstate.sampledata import write_sample_data

    files = write_sample_data(tmp_path / "downloads", orders=1500, seed=7)
    case_id = create(
        client, notice="Your order defect rate does not meet our performance target of less than 1%."
    )
    for path in files:
        if path.suffix != ".md":
            response = client.post(
                f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
            )
            assert response.status_code == 303, response.text
    data = client.get(f"/api/cases/{case_id}").json()
    assert data["analysis"]["metrics"]["order_defect_rate"]["status"] == "fail"
    page = client.get(f"/cases/{case_id}").text
    assert "Order defect rate" in page and '<code class="muted">order_defect_rate</code>' not in page
    plan = {
        **PLAN,
        "cause_text": ["Our warehouse was closed from 12 to 20 October 2026 and listings stayed active."],
        "cause_evidence": [""],
        "cause_kb": ["listings-active-during-closure"],
        "cause_reason": ["order-defect-rate"],
    }
    client.post(f"/cases/{case_id}/plan", {**plan, "version": str(version_of(client, case_id))})
    client.post(f"/cases/{case_id}/drafts")
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    assert "Our order defect rate was" in letter and "Our Seller Central data shows this:" in letter


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("notes.txt", b"just some notes\n", "notes.txt:1: the header line (just some notes)"),
        ("statement.pdf", b"%PDF-1.7\n", "statement.pdf: this is a PDF document, not a report download."),
        ("orders.csv", b"order-id,purchase-date\n111-1-1,2026-11-01\n", "orders.csv:1: "),
        ("empty.txt", b"", "empty.txt: the file is empty."),
    ],
)
def test_what_is_not_a_report_is_refused_at_upload_and_nothing_is_stored(
    client: Client, name: str, content: bytes, said: str
) -> None:
    case_id = create(client)
    response = client.post(f"/cases/{case_id}/reports", files={"file": (name, content, "text/plain")})
    assert response.status_code == 400
    assert html.escape(said, quote=False) in response.text and "Fix:" in response.text
    assert client.get(f"/api/cases/{case_id}").json()["reports"] == []


def test_a_refused_upload_is_explained_in_chinese_in_the_chinese_interface(client: Client) -> None:
    case_id = create(client)
    client.get("/?lang=zh")  # remembered in a cookie
    response = client.post(
        f"/cases/{case_id}/reports", files={"file": ("scan.pdf", b"%PDF-1.7\n", "text/plain")}
    )
    assert response.status_code == 400
    assert "scan.pdf：这是PDF 文档，不是报表文件。 解决办法：请上传从卖家平台下载的原始报表" in response.text


def test_an_upload_to_another_users_case_is_refused_before_it_is_read(client: Client) -> None:
    response = client.post(
        "/cases/999/reports", files={"file": ("statement.pdf", b"%PDF-1.7\n", "text/plain")}
    )
    assert response.status_code == 404


def test_uploads_are_analysed_in_the_background(tmp_path: Path) -> None:
    import time

    from reinstate.sampledata import write_sample_data
    from tests.web.conftest import make_app

    orders = next(
        p for p in write_sample_data(tmp_path / "d", orders=600, seed=2) if p.name.startswith("All-Orders")
    )
    with make_app(tmp_path, background_analysis=True) as http:
        client = Client(http)
        case_id = create(client)
        response = client.post(
            f"/cases/{case_id}/reports", files={"file": (orders.name, orders.read_bytes(), "text/plain")}
        )
        assert response.status_code == 303
        deadline = time.monotonic() + 60
        while (data := client.get(f"/api/cases/{case_id}").json())["analysing"]:
            assert time.monotonic() < deadline, "the analysis never arrived"
            time.sleep(0.2)
        assert data["analysis"]["metrics"]["order_defect_rate"]["denominator"] > 0


def test_analyse_again_fills_a_missing_analysis(client: Client, tmp_path: Path) -> None:
    from reinstate.sampledata import write_sample_data

    orders = next(
        p for p in write_sample_data(tmp_path / "d", orders=600, seed=4) if p.name.startswith("All-Orders")
    )
    case_id = create(client)
    store = client.http.app.state.store  # type: ignore[attr-defined]
    store.add_report(store.local_user(), case_id, orders.name, "seller-central-download", orders.read_bytes())
    assert client.get(f"/api/cases/{case_id}").json()["analysing"] is True
    assert "Analyse now" in client.get(f"/cases/{case_id}").text
    assert client.post(f"/cases/{case_id}/analyse").status_code == 303
    data = client.get(f"/api/cases/{case_id}").json()
    assert data["analysing"] is False and data["analysis"]["metrics"]


def test_an_upload_past_the_limit_is_cut_off_with_a_message_and_nothing_is_stored(tmp_path: Path) -> None:
    from tests.web.conftest import make_app

    with make_app(tmp_path, max_upload_bytes=100_000) as http:
        client = Client(http)
        case_id = create(client)
        big = ORDERS.read_bytes() * 200  # about 300 KB: past the limit and the form's allowance
        response = client.post(f"/cases/{case_id}/reports", files={"file": ("orders.txt", big, "text/plain")})
        assert response.status_code == 413
        assert "The upload is larger than 97 KB." in response.text and "Fix:" in response.text
        zh = client.http.post(
            f"/cases/{case_id}/reports?lang=zh",
            data={"csrf_token": client.token},
            files={"file": ("orders.txt", big, "text/plain")},
        )
        assert zh.status_code == 413 and "只上传报表本身" in zh.text
        assert client.get(f"/api/cases/{case_id}").json()["reports"] == []
