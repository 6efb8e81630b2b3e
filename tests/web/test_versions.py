"""A letter edited on the draft page is kept as a numbered, reviewed version; versions can be compared."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Client, make_app
from tests.web.test_browser import CHROMIUM, page, server  # noqa: F401 (fixtures)
from tests.web.test_pages import NOTICE, PLAN, create, version_of
from tests.web.test_sharing import PASSWORDS, signed_in

browser = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (see .ci/run)")
ADDED = "We also retrained the listing team on condition grading on 9 November 2026."


def drafted(client: Client) -> int:
    case_id = create(client)
    saved = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    assert saved.status_code == 303, saved.text
    assert client.post(f"/cases/{case_id}/drafts").headers["location"] == f"/cases/{case_id}/drafts/1"
    return case_id


def edit(letter: str) -> str:
    """Add a word to a sentence and a paragraph after the first one, as a seller would."""
    assert "we corrected" in letter
    return letter.replace("we corrected", "we promptly corrected", 1).replace("\n\n", f"\n\n{ADDED}\n\n", 1)


def docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_an_edit_saved_as_version_2_is_reviewed_and_every_export_holds_it(client: Client) -> None:
    case_id = drafted(client)
    shown = client.get(f"/cases/{case_id}/drafts/1")
    assert 'id="version-form"' in shown.text and "Save as a new version" in shown.text
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    edited = edit(letter)
    # browsers send a textarea's lines as CRLF
    saved = client.post(f"/cases/{case_id}/drafts/1/versions", {"text": edited.replace("\n", "\r\n")})
    assert saved.status_code == 303 and saved.headers["location"] == f"/cases/{case_id}/drafts/2"

    stored = client.get(f"/api/cases/{case_id}/drafts/2").json()
    assert stored["letter_text"] == edited
    assert stored["draft"]["edited"] is True and stored["draft"]["edited_from"] == 1
    assert stored["draft"]["letter"]["text"] == edited and stored["draft"]["letter"]["markdown"] == edited
    live = client.post_json("/api/review", {"text": edited, "case_id": case_id, "draft": 1}).json()
    assert stored["review"]["score"] == live["score"]  # reviewed with the same context as the live editor
    assert stored["review"]["findings"] == live["findings"]
    assert [d["score"] for d in client.get(f"/api/cases/{case_id}").json()["drafts"]][-1] == live["score"]

    for fmt in ("txt", "md"):
        body = client.get(f"/cases/{case_id}/drafts/2/export.{fmt}").content.decode("utf-8")
        assert ADDED in body and "we promptly corrected" in body, fmt
    word = docx_text(client.get(f"/cases/{case_id}/drafts/2/export.docx").content)
    assert ADDED in word and "we promptly corrected" in word
    assert ADDED not in docx_text(client.get(f"/cases/{case_id}/drafts/1/export.docx").content)

    shown = client.get(f"/cases/{case_id}/drafts/2")
    assert "Edited by hand from version 1." in shown.text
    # the Chinese mirror is the drafted version's: said on the edited one, not on the drafted one
    if 'id="mirror"' in shown.text:
        assert 'id="mirror-stale"' in shown.text and "that of version 1 as drafted" in shown.text
        assert 'id="mirror-stale"' not in client.get(f"/cases/{case_id}/drafts/1").text
    assert f'href="/cases/{case_id}/compare?a=1&amp;b=2"' in shown.text


def test_export_with_unsaved_edits_saves_first_and_never_twice(client: Client) -> None:
    case_id = drafted(client)
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    unchanged = client.post(f"/cases/{case_id}/drafts/1/versions", {"text": letter, "then": "docx"})
    assert unchanged.headers["location"] == f"/cases/{case_id}/drafts/1/export.docx"  # nothing new to keep
    edited = edit(letter)
    first = client.post(f"/cases/{case_id}/drafts/1/versions", {"text": edited, "then": "docx"})
    assert first.headers["location"] == f"/cases/{case_id}/drafts/2?export=docx"
    shown = client.get(first.headers["location"])
    assert "Saved as version 2." in shown.text
    assert f'href="/cases/{case_id}/drafts/2/export.docx" data-auto-export' in shown.text
    again = client.post(f"/cases/{case_id}/drafts/1/versions", {"text": edited, "then": "txt"})
    assert again.headers["location"] == f"/cases/{case_id}/drafts/2?export=txt"  # the newest already holds it
    assert len(client.get(f"/api/cases/{case_id}").json()["drafts"]) == 2
    empty = client.post(f"/cases/{case_id}/drafts/1/versions", {"text": "  "})
    assert 400 <= empty.status_code < 500


def test_compare_shows_the_words_inserted_and_deleted_and_both_scores(client: Client) -> None:
    case_id = drafted(client)
    letter = client.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
    edited = edit(letter).replace("Dear", "Hello <b>dear</b>", 1)
    client.post(f"/cases/{case_id}/drafts/1/versions", {"text": edited})
    scores = [d["score"] for d in client.get(f"/api/cases/{case_id}").json()["drafts"]]
    shown = client.get(f"/cases/{case_id}/compare?a=1&b=2")
    assert shown.status_code == 200
    diff = shown.text[shown.text.index('id="diff"') :]
    assert re.search(r"<ins[^>]*>[^<]*promptly", diff)
    assert re.search(r"<ins[^>]*>[^<]*retrained the listing team", diff)
    assert re.search(r"<del[^>]*>\s*Dear", diff)
    assert "&lt;b&gt;dear&lt;/b&gt;" in diff and "<b>dear" not in diff  # the seller's text is escaped
    cards = re.findall(r'data-version="(\d)".*?<p class="score[^"]*">(\d+)/100', shown.text, re.S)
    assert cards == [("1", str(scores[0])), ("2", str(scores[1]))]
    assert shown.text.count("Findings: ") == 2
    zh = client.get(f"/cases/{case_id}/compare?a=1&b=2&lang=zh")
    assert "对比第 1 版和第 2 版" in zh.text and "发现的问题：" in zh.text


@pytest.mark.parametrize(
    ("query", "status", "english", "chinese"),
    [
        ("a=one&b=2", 400, "whole numbers", "整数"),
        ("a=1", 400, "whole numbers", "整数"),
        ("a=1&b=-2", 400, "whole numbers", "整数"),
        ("a=1&b=99999999999999999999", 400, "whole numbers", "整数"),
        ("a=1&b=7", 404, "no version 7", "没有第 7 版"),
        ("a=0&b=1", 404, "no version 0", "没有第 0 版"),
    ],
)
def test_bad_versions_are_refused_in_the_pages_language(
    client: Client, query: str, status: int, english: str, chinese: str
) -> None:
    case_id = drafted(client)
    shown = client.get(f"/cases/{case_id}/compare?{query}")
    assert shown.status_code == status and english in shown.text
    zh = client.get(f"/cases/{case_id}/compare?{query}&lang=zh")
    assert zh.status_code == status and chinese in zh.text


def test_another_users_case_is_refused(tmp_path: Path) -> None:
    with make_app(tmp_path, multi_user=True) as http:
        admin = Client(http)
        admin.get("/setup")
        admin.post("/setup", {"email": "admin@example.com", "password": PASSWORDS["admin@example.com"]})
        admin.get("/users")
        for email in ("seller@example.com", "stranger@example.com"):
            assert admin.post("/users", {"email": email, "password": PASSWORDS[email]}).status_code == 303
        seller, stranger = signed_in(http, "seller@example.com"), signed_in(http, "stranger@example.com")
        case_id = drafted(seller)
        letter = seller.get(f"/api/cases/{case_id}/drafts/1").json()["letter_text"]
        seller.post(f"/cases/{case_id}/drafts/1/versions", {"text": edit(letter)})
        assert seller.get(f"/cases/{case_id}/compare?a=1&b=2").status_code == 200

        assert stranger.get(f"/cases/{case_id}/compare?a=1&b=2").status_code == 404
        assert stranger.get(f"/cases/{case_id}/compare?a=x&b=2").status_code == 404  # no hint the case exists
        refused = stranger.post(f"/cases/{case_id}/drafts/1/versions", {"text": "Dear team, we fixed it."})
        assert refused.status_code == 404
        assert len(seller.get(f"/api/cases/{case_id}").json()["drafts"]) == 2


@browser
def test_in_a_browser_an_edited_letter_is_kept_exported_and_compared(page: object, server: str) -> None:  # noqa: F811
    """Edit in the page; leaving asks first; the Word export saves version 2 and holds the edit; the compare
    page shows it and fits a 390 px phone in English and Chinese."""
    p: Any = page
    p.goto("/review")
    token = p.get_attribute('meta[name="csrf-token"]', "content")
    created = p.request.post(
        "/cases",
        form={"title": "Used sold as new", "seller_name": "Quayside Media Resale LLC", "notice_text": NOTICE,
              "csrf_token": token},
        max_redirects=0,
    )  # fmt: skip
    case_id = int(created.headers["location"].rsplit("/", 1)[1])
    version = p.request.get(f"/api/cases/{case_id}").json()["case"]["version"]
    plan = {key: values[0] for key, values in PLAN.items()}
    p.request.post(f"/cases/{case_id}/plan", form={**plan, "version": str(version), "csrf_token": token})
    p.request.post(f"/cases/{case_id}/drafts", form={"csrf_token": token})

    p.goto(f"/cases/{case_id}/drafts/1")
    p.fill("#review-text", edit(p.input_value("#review-text")))
    p.wait_for_selector("#unsaved-state:not([hidden])")
    dialogs: list[str] = []

    def answer(dialog: Any) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    p.on("dialog", answer)
    p.click("h1 a")  # back to the case: the page asks first, and staying keeps the edit
    p.wait_for_timeout(300)
    assert dialogs == ["beforeunload"] and p.url.endswith(f"/cases/{case_id}/drafts/1")
    with p.expect_download() as download:
        p.click("text=Word (.docx)")
    assert download.value.suggested_filename == f"appeal-case{case_id}-v2.docx"
    word = docx_text(Path(download.value.path()).read_bytes())
    assert ADDED in word and "we promptly corrected" in word
    assert p.url.endswith(f"/cases/{case_id}/drafts/2?export=docx")

    p.click("text=Compare with version 1")
    assert any("promptly" in ins for ins in p.locator("#diff ins").all_inner_texts())
    p.set_viewport_size({"width": 390, "height": 844})
    for lang in ("en", "zh"):
        p.goto(f"/cases/{case_id}/compare?a=1&b=2&lang={lang}")
        width = p.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"the compare page is {width} px wide on a 390 px phone ({lang})"
    assert "对比第 1 版和第 2 版" in p.content()
