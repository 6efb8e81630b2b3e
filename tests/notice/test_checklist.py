"""The checklist text a seller acts on, the traceability helpers, and the bundled sample notices."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reinstate.kb import KnowledgeBase
from reinstate.notice import CitedItem, Notice, checklist_text, cited_items, parse_notice, uncovered_items

FIXTURES = Path(__file__).parent / "fixtures"


def notice(name: str, kb: KnowledgeBase) -> Notice:
    return parse_notice((FIXTURES / name).read_text(encoding="utf-8"), kb=kb, source=name)


def test_english_checklist_for_a_listing_ip_complaint(kb: KnowledgeBase) -> None:
    text = checklist_text(notice("ip-trademark.txt", kb), kb, "en")
    lines = text.splitlines()
    assert lines[0] == "Notice checklist (ip-trademark.txt)"
    assert (
        "  - Intellectual property complaint (trademark, copyright, patent, design) [intellectual-property] "
        "(confidence 0.99)" in lines
    )
    assert '    Amazon\'s words: "Infringement type: Trademark"' in lines
    assert "  Scope: individual listings (the ASINs below)" in lines
    assert "  [ ] Retraction from the rights owner" in lines
    # no appeal needed: the page where the complaint is checked, without "> Appeal"
    assert "  Account Health > Product Policy Compliance > Received Intellectual Property Complaints" in lines
    assert "  Complaint IDs (1): 9023381176" in lines
    assert "  Rights owner: Margaret Ellison <trademarks@northwind-brands.com>" in lines
    assert "No appeal is needed for the complaint itself" in text
    assert "  The notice sets no deadline; answer as soon as your fixes are in place." in lines


def test_english_checklist_lists_documents_with_their_requirements_and_period(kb: KnowledgeBase) -> None:
    text = checklist_text(notice("inauthentic-account.txt", kb), kb)
    lines = text.splitlines()
    boxes = [line for line in lines if line.startswith("  [ ] ")]
    assert boxes == [
        "  [ ] Supplier invoices (must cover the last 365 days)",
        "  [ ] Letter of authorization from the brand owner",
        "  [ ] Supplier contact details",
        "  [ ] Plan of Action",
    ]
    assert "      - Issued within the 365 days before the notification." in lines
    assert "  Within 17 days of the notice." in lines
    assert "  Account Health > Reactivate your account" in lines
    assert "  ASINs (3): B0BQ4K7T9Z, B09XJ2M4LL, B0C1R8VW3P" in lines


def test_account_under_review_points_to_account_health_not_reactivation(kb: KnowledgeBase) -> None:
    lines = checklist_text(notice("account-under-review.txt", kb), kb).splitlines()
    where = lines.index("Where in Seller Central")
    assert lines[where + 1] == "  Account Health"


def test_hours_deadline_is_shown_in_hours(kb: KnowledgeBase) -> None:
    read = notice("restricted-account-72h.txt", kb)
    assert "  Within 72 hours of the notice (about 3 days)." in checklist_text(read, kb).splitlines()
    assert read.next_step.endswith("Account Health > Reactivate your account within 72 hours.")
    assert read.next_step_zh.endswith("期限为 72 小时。")


def test_chinese_checklist_is_chinese_throughout(kb: KnowledgeBase) -> None:
    text = checklist_text(notice("zh-inauthentic.txt", kb), kb, "zh")
    lines = text.splitlines()
    assert lines[0] == "通知处理清单 (zh-inauthentic.txt)"
    assert "  - 商品真实性投诉（假冒、非正品） [inauthentic]（置信度 0.99）" in lines
    assert "  影响范围：整个卖家账户" in lines
    assert "  [ ] 供应商发票（需覆盖最近 365 天）" in lines
    assert "  收到通知后 17 天内。" in lines
    assert "  账户状况 > 重新激活账户" in lines
    assert "  需要申诉：在“账户状况 > 重新激活账户”提交行动计划和通知要求的文件，期限为 17 天。" in lines
    assert "  此类原因通常还会要求：商标注册证书、营业执照" in lines


def test_checklist_for_an_unreadable_language_says_so_in_both_languages(kb: KnowledgeBase) -> None:
    read = notice("german.txt", kb)
    en = checklist_text(read, kb, "en")
    zh = checklist_text(read, kb, "zh")
    assert "  No reason could be read from this notice." in en.splitlines()
    assert "  Language of the notice: de" in en.splitlines()
    assert "  Account Health" in en.splitlines()
    assert "这则通知的语言是 de" in zh
    assert "the notice is in" not in zh


def test_cited_items_and_what_a_letter_leaves_out(kb: KnowledgeBase) -> None:
    read = notice("inauthentic-account.txt", kb)
    assert cited_items(read) == [
        CitedItem("asin", "B0BQ4K7T9Z"),
        CitedItem("asin", "B09XJ2M4LL"),
        CitedItem("asin", "B0C1R8VW3P"),
        CitedItem("document", "invoices"),
        CitedItem("document", "letter-of-authorization"),
        CitedItem("document", "supplier-contacts"),
    ]
    letter = (
        "We reviewed ASIN B0BQ4K7T9Z and b09xj2m4ll. Attached are supplier invoices and the supplier's "
        "contact details."
    )
    missing = uncovered_items(read, letter)
    assert [str(item) for item in missing] == ["asin B0C1R8VW3P", "document letter-of-authorization"]


def test_an_asin_inside_a_longer_token_does_not_count_as_covered(kb: KnowledgeBase) -> None:
    read = notice("ncx-listing.txt", kb)
    assert uncovered_items(read, "see XB0D7TQ5X2L2") == [CitedItem("asin", "B0D7TQ5X2L")]
    assert uncovered_items(read, "ASIN B0D7TQ5X2L was fixed.") == []


SAMPLES = {
    # the notices bundled with `reinstate demo`, read by the same reader
    "holiday-odr": ["order-defect-rate"],
    "new-account-late-shipments": ["late-shipment-rate", "pre-fulfillment-cancel-rate"],
    "packaging-damage": ["order-defect-rate"],
    "high-return-rate": ["high-return-rate"],
    "wrong-condition-upload": ["condition-complaint"],
}


@pytest.mark.parametrize(("sample", "reasons"), sorted(SAMPLES.items()))
def test_bundled_sample_notices(sample: str, reasons: list[str], kb: KnowledgeBase) -> None:
    folder = resources.files("reinstate.samples") / sample
    entry = folder / "notice.txt"
    if not entry.is_file():
        pytest.skip(f"sample {sample} has no notice.txt")
    assert parse_notice(entry.read_text(encoding="utf-8"), kb=kb).reason_ids == reasons


def test_chinese_checklist_for_an_ip_complaint(kb: KnowledgeBase) -> None:
    read = notice("zh-ip.txt", kb)
    lines = checklist_text(read, kb, "zh").splitlines()
    assert "  ASIN（1）：B0DK5R3M8Q" in lines
    assert "  侵权类型：商标" in lines
    assert "  账户状况 > 商品政策合规性 > 收到的知识产权投诉" in lines
    assert read.next_step_zh.startswith("投诉本身不需要申诉：请权利人（深圳市鼎新科技有限公司）撤诉")
    assert "写明投诉编号（13579086421）" in read.next_step_zh
