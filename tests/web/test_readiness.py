"""The draft page says first whether the letter may be sent; the case page marks the versions that may not.

Drafts are stored straight through the store with a hand-made ``reinstate.draft/1`` document, so these
tests pin the page to the stored contract (``ready``, ``blocking``) rather than to what the drafter says.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from tests.web.conftest import Client

NOTICE = (Path(__file__).parents[2] / "src/reinstate/samples/wrong-condition-upload/notice.txt").read_text(
    encoding="utf-8"
)
LETTER = (
    "Dear Seller Performance Team,\n\nWe sold used books as new.\n\nSincerely,\nQuayside Media Resale LLC\n"
)
BLOCKING = [
    {
        "code": "no-actions-taken",
        "message": "The letter names no action you have already taken; Amazon asks what you did.",
        "message_zh": "信中没有写出任何已经采取的措施，而亚马逊要求说明您已经做了什么。",
    },
    {
        "code": "action-without-date",
        "message": "The action 'Corrected the condition of all 46 SKUs' has no date.",
        "message_zh": "措施“更正全部 46 个 SKU 的商品状况”没有填写日期。",
    },
]
WARNING = {
    "code": "no-evidence",
    "key": "root_causes[0].evidence",
    "message": "The root cause has no evidence.",
    "message_zh": "根本原因没有附上证据。",
}
BANNER_EN, BANNER_ZH = "Not ready to send", "还不能提交"
FIX_EN = "Fix these first: as it stands, the letter below would mislead Amazon's reviewer"
FIX_ZH = "请先解决以下问题"
CLEAR_EN = "Nothing blocks sending. Read the letter once more before you submit it."
CLEAR_ZH = "没有发现妨碍提交的问题"
BADGE_EN = "not ready"


def create(client: Client) -> int:
    response = client.post(
        "/cases",
        {"title": "Used sold as new", "seller_name": "Quayside Media Resale LLC", "notice_text": NOTICE},
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def store_draft(client: Client, case_id: int, **readiness: Any) -> int:
    """Save a draft whose stored document carries ``readiness`` (nothing: a draft saved before the check)."""
    draft = {
        "schema": "reinstate.draft/1",
        "reasons": ["condition-complaint"],
        "letter": {"subject": "Appeal", "text": LETTER, "markdown": LETTER, "words": 14},
        "form": {
            "root_cause": "Our template.",
            "actions_taken": "Corrected.",
            "preventive_measures": "Checks.",
        },
        "review": None,
        "warnings": [WARNING["message"]],
        "warnings_detail": [WARNING],
        **readiness,
    }
    review = {"score": 48, "findings": []}
    store = client.http.app.state.store  # type: ignore[attr-defined]
    saved = store.add_draft(
        store.local_user(), case_id, LETTER, json.dumps(draft, ensure_ascii=False), json.dumps(review), 48
    )
    return int(saved.number)


def page(client: Client, url: str, lang: str) -> str:
    response = client.get(f"{url}?lang={lang}")
    assert response.status_code == 200, response.text[-500:]
    return html.unescape(response.text)


def test_a_blocked_draft_opens_with_the_banner_in_english(client: Client) -> None:
    case_id = create(client)
    number = store_draft(client, case_id, ready=False, blocking=BLOCKING)
    text = page(client, f"/cases/{case_id}/drafts/{number}", "en")
    assert BANNER_EN in text and FIX_EN in text
    for item in BLOCKING:
        assert item["message"] in text
        assert item["message_zh"] not in text
    assert CLEAR_EN not in text
    banner = text.index('id="readiness"')
    assert 'role="alert"' in text[banner - 200 : banner + 200]
    # the first thing on the page: above the heading, the letter and its score
    assert banner < text.index("<h1>") < text.index('id="review-text"') < text.index('id="score"')
    # the list of what the case still lacks is kept, below
    assert text.index(BLOCKING[-1]["message"]) < text.index("What the case still lacks")
    assert WARNING["message"] in text


def test_a_blocked_draft_opens_with_the_banner_in_chinese(client: Client) -> None:
    case_id = create(client)
    number = store_draft(client, case_id, ready=False, blocking=BLOCKING)
    text = page(client, f"/cases/{case_id}/drafts/{number}", "zh")
    assert BANNER_ZH in text and FIX_ZH in text
    assert BANNER_EN not in text and FIX_EN not in text
    for item in BLOCKING:
        assert item["message_zh"] in text
        assert item["message"] not in text
    assert text.index('id="readiness"') < text.index("<h1>") < text.index('id="review-text"')
    assert WARNING["message_zh"] in text


def test_a_blocking_item_without_chinese_falls_back_to_english(client: Client) -> None:
    case_id = create(client)
    only_english = {"code": "not-english", "message": "The letter is not in English.", "message_zh": ""}
    number = store_draft(client, case_id, ready=False, blocking=[only_english])
    assert only_english["message"] in page(client, f"/cases/{case_id}/drafts/{number}", "zh")


def test_blocking_messages_are_escaped(client: Client) -> None:
    case_id = create(client)
    hostile = {"code": "x", "message": "<script>alert(1)</script>", "message_zh": "<script>alert(1)</script>"}
    number = store_draft(client, case_id, ready=False, blocking=[hostile])
    raw = client.get(f"/cases/{case_id}/drafts/{number}?lang=en").text
    assert "<script>alert(1)</script>" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw


def test_a_ready_draft_shows_a_plain_reminder_and_no_banner(client: Client) -> None:
    case_id = create(client)
    number = store_draft(client, case_id, ready=True, blocking=[])
    english = page(client, f"/cases/{case_id}/drafts/{number}", "en")
    assert CLEAR_EN in english and BANNER_EN not in english and 'role="alert"' not in english
    assert english.index(CLEAR_EN) < english.index('id="review-text"')
    chinese = page(client, f"/cases/{case_id}/drafts/{number}", "zh")
    assert CLEAR_ZH in chinese and BANNER_ZH not in chinese and CLEAR_EN not in chinese


def test_a_draft_saved_before_the_check_shows_neither(client: Client) -> None:
    case_id = create(client)
    number = store_draft(client, case_id)
    for lang in ("en", "zh"):
        text = page(client, f"/cases/{case_id}/drafts/{number}", lang)
        assert 'id="readiness"' not in text
        for marker in (BANNER_EN, BANNER_ZH, CLEAR_EN, CLEAR_ZH, FIX_EN, FIX_ZH):
            assert marker not in text, (lang, marker)
        assert "What the case still lacks" in text or "还需补充的内容" in text


def drafts_list(text: str) -> dict[int, str]:
    """Each line of the case page's drafts list, by version number."""
    found = re.search(r'<ul class="drafts">(.*?)</ul>', text, re.S)
    assert found, "the case page lists no drafts"
    items = re.findall(r'<li><a href="/cases/\d+/drafts/(\d+)">(.*?)</li>', found.group(1), re.S)
    return {int(n): line for n, line in items}


def test_the_case_page_marks_versions_not_ready(client: Client) -> None:
    case_id = create(client)
    blocked = store_draft(client, case_id, ready=False, blocking=BLOCKING)
    ready = store_draft(client, case_id, ready=True, blocking=[])
    older = store_draft(client, case_id)
    english = drafts_list(page(client, f"/cases/{case_id}", "en"))
    assert set(english) == {blocked, ready, older}
    assert BADGE_EN in english[blocked]
    assert BADGE_EN not in english[ready] and BADGE_EN not in english[older]
    chinese = drafts_list(page(client, f"/cases/{case_id}", "zh"))
    assert BANNER_ZH in chinese[blocked]
    assert BANNER_ZH not in chinese[ready] and BANNER_ZH not in chinese[older]
    assert BADGE_EN not in chinese[blocked]
    drafts = client.get(f"/api/cases/{case_id}").json()["drafts"]
    assert [(d["number"], d["ready"]) for d in drafts] == [(blocked, False), (ready, True), (older, None)]
