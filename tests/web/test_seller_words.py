"""The draft page speaks to a seller: each warning says where in the plan and what to do, in her
language, with no case keys (``root_causes[0]``), no commands and no knowledge-base ids."""

from __future__ import annotations

import html
import re

from tests.web.conftest import Client
from tests.web.test_pages import create, version_of
from tests.web.test_readiness import WARNING, store_draft

PLAN = {
    "fact": ["Our upload template filled empty condition cells with New on 2026-10-06."],
    "cause_text": ["Our template set 46 used SKUs to New."],
    "cause_evidence": [""],
    "cause_kb": [""],
    "cause_reason": ["condition-complaint"],
    "action_text": ["Corrected the condition of all 46 SKUs", "We will retrain the listing team"],
    "action_date": ["", ""],
    "action_done": ["yes", "yes"],
    "action_evidence": ["", ""],
    "measure_text": ["A second person checks every bulk upload."],
    "measure_owner": [""],
    "measure_start": [""],
    "measure_frequency": [""],
    "attachment": [""],
}
KEYS = re.compile(r"\w+\[\d+\]|<code>|`|root_causes|actions_taken|preventive_measures|reinstate |--")


def drafted(client: Client) -> int:
    case_id = create(client)
    saved = client.post(f"/cases/{case_id}/plan", {**PLAN, "version": str(version_of(client, case_id))})
    assert saved.status_code == 303, saved.text
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    return case_id


def parts(client: Client, url: str, lang: str) -> tuple[str, str]:
    """The readiness banner and the list of what the case still lacks, as the page shows them."""
    response = client.get(f"{url}?lang={lang}")
    assert response.status_code == 200, response.text[-500:]
    banner = re.search(r'<section class="readiness.*?</section>', response.text, re.S)
    lacks = re.search(r'<ul class="warnings">.*?</ul>', response.text, re.S)
    assert banner and lacks
    for part in (banner.group(0), lacks.group(0)):
        assert "<code>" not in part
    return plain(banner.group(0)), plain(lacks.group(0))


def plain(part: str) -> str:
    """A part of the page as the seller reads it: without tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", part))


def test_a_draft_made_in_the_app_shows_no_keys_in_english(client: Client) -> None:
    case_id = drafted(client)
    banner, lacks = parts(client, f"/cases/{case_id}/drafts/1", "en")
    for text in (banner, lacks):
        assert not KEYS.search(text), KEYS.search(text)
    assert "Action 1: This action has no date" in banner and "mark it as planned" in banner
    assert "Action 2: This action is written as an intention" in lacks
    assert "Preventive measure 1: This measure has no owner, start date or frequency." in lacks
    assert "Root cause 1: Nothing backs this cause." in lacks
    assert "根本原因" not in lacks  # English page, English words


def test_a_draft_made_in_the_app_shows_no_keys_in_chinese(client: Client) -> None:
    case_id = drafted(client)
    banner, lacks = parts(client, f"/cases/{case_id}/drafts/1", "zh")
    for text in (banner, lacks):
        assert not KEYS.search(text), KEYS.search(text)
    assert "第 1 项已采取的措施：这条措施没有日期" in banner and "“计划中”" in banner
    assert "第 2 项已采取的措施：这条措施写成了打算" in lacks
    assert "第 1 项预防措施：这条预防措施缺少负责人、开始日期和频率。" in lacks
    assert "第 1 条根本原因：这条原因没有证据支撑。" in lacks
    assert "This action" not in lacks and "案例里" not in lacks


def test_a_draft_stored_before_the_seller_words_shows_its_message_without_the_key(client: Client) -> None:
    case_id = create(client)
    blocking = [{"code": "no-actions-taken", "message": "No action.", "message_zh": "没有措施。"}]
    number = store_draft(client, case_id, ready=False, blocking=blocking)
    for lang, message in (("en", WARNING["message"]), ("zh", WARNING["message_zh"])):
        banner, lacks = parts(client, f"/cases/{case_id}/drafts/{number}", lang)
        assert message in lacks and WARNING["key"] not in lacks and "<code>" not in lacks
        assert blocking[0]["message" if lang == "en" else "message_zh"] in banner
