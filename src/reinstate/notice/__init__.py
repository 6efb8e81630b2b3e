"""The notice reader: what an Amazon performance notification says, and what the seller must do.

Public entry point: :func:`parse_notice` turns pasted text (plain, HTML, quoted-printable, a forum
thread around the notice; English or Chinese) into a :class:`Notice`. :func:`checklist_text`
renders it as a checklist, and :func:`uncovered_items` tells which cited ids a letter leaves out.
"""

from __future__ import annotations

from reinstate.errors import InputError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.notice import advice
from reinstate.notice.checklist import checklist_text
from reinstate.notice.classify import classify
from reinstate.notice.clean import clean_text
from reinstate.notice.coverage import CitedItem, cited_items, names_document, uncovered_items
from reinstate.notice.facts import action_taken, find_dates, find_infringement_types, find_scope
from reinstate.notice.figures import find_figures
from reinstate.notice.ids import (
    find_amazon_contacts,
    find_asins,
    find_complaint_ids,
    find_marketplace,
    find_order_ids,
    find_rights_owner,
)
from reinstate.notice.language import detect_language
from reinstate.notice.model import Deadline, Notice, NoticeFigure, ReasonMatch, RightsOwner
from reinstate.notice.region import Region, locate, unfold_headings
from reinstate.notice.requests import count_from, find_deadline, find_documents
from reinstate.notice.script import to_simplified

__all__ = [
    "CitedItem",
    "Deadline",
    "Notice",
    "NoticeFigure",
    "ReasonMatch",
    "RightsOwner",
    "checklist_text",
    "cited_items",
    "names_document",
    "parse_notice",
    "uncovered_items",
]

CLASSIFIED = {"en", "zh", "und"}
LANGUAGE_NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "ja": "Japanese", "ko": "Korean",
}  # fmt: skip
MONTH_FIRST = {None, "US", "CA"}


MAX_NOTICE_CHARS = 200_000  # the web app's limit for pasted text; a real notice is a few thousand


def parse_notice(text: str, *, kb: KnowledgeBase | None = None, source: str | None = None) -> Notice:
    """Read one notice. ``source`` names where the text came from, for messages and the JSON.

    Raises :class:`InputError` when the text is empty or has nothing readable in it.
    """
    kb = kb or load_kb()
    where = source or "the notice"
    if not text or not text.strip():
        raise InputError(
            "the notice is empty.",
            path=source,
            fix="paste the whole notification from Seller Central or the email.",
        )
    cleaned = clean_text(text)
    size = sum(len(line) + 1 for line in cleaned.lines)
    if size > MAX_NOTICE_CHARS:
        raise InputError(
            f"this is {size:,} characters of text once markup is removed; an Amazon notice is a few "
            "thousand, so this is not one notice.",
            path=source,
            fix="copy only Amazon's message (from its greeting to its signature) into the file.",
            message_zh=f"去掉格式后仍有 {size:,} 个字符；亚马逊的通知一般只有几千字，这不是一封通知。",
            fix_zh="请只复制亚马逊的那封通知（从称呼到落款）。",
        )
    if not any(cleaned.lines):
        raise InputError(
            "the notice has no readable text once markup is removed.",
            path=source,
            fix=f"copy the text of {where} itself rather than its HTML source.",
        )
    all_lines = unfold_headings(to_simplified(cleaned.lines))  # traditional Chinese read as simplified
    region = locate(all_lines)
    lines = all_lines[region.start : region.end]
    language = detect_language("\n".join(lines))
    reasons = classify(all_lines, region.sections, kb) if language in CLASSIFIED else ()
    if language == "und" and reasons:
        language = "en"
    return _assemble(all_lines, lines, region, language, reasons, kb, source)


def _assemble(
    all_lines: tuple[str, ...],
    lines: tuple[str, ...],
    region: Region,
    language: str,
    reasons: tuple[ReasonMatch, ...],
    kb: KnowledgeBase,
    source: str | None,
) -> Notice:
    marketplace = find_marketplace(lines) or find_marketplace(all_lines)
    scope, scope_evidence = find_scope(lines)
    action = action_taken(lines)
    documents, periods = find_documents(lines)
    day_first = marketplace not in MONTH_FIRST
    dates = find_dates(lines, day_first=day_first)
    deadline = count_from(find_deadline(lines, day_first=day_first), dates)
    complaint_ids = find_complaint_ids(lines)
    owner = find_rights_owner(lines)
    needed, step_en, step_zh = advice.advise(
        [r.id for r in reasons],
        scope,
        action,
        kb,
        owner=owner.name,
        complaint_ids=complaint_ids,
        deadline=deadline,
    )
    start, end = region.start, region.end
    warnings = _warnings(language, reasons, region.trimmed, start, end)
    return Notice(
        language=language,
        reasons=reasons,
        scope=scope,
        scope_evidence=scope_evidence,
        asins=find_asins(lines),
        order_ids=find_order_ids(lines),
        complaint_ids=complaint_ids,
        infringement_types=find_infringement_types(lines),
        rights_owner=owner,
        marketplace=marketplace,
        documents_requested=documents,
        document_periods_days=periods,
        deadline=deadline,
        dates=dates,
        appeal_needed=needed,
        next_step=step_en,
        next_step_zh=step_zh,
        amazon_contacts=find_amazon_contacts(lines),
        source=source,
        lines=(start + 1, end),
        warnings=warnings[0],
        warnings_zh=warnings[1],
        figures=find_figures(lines),
    )


def _warnings(
    language: str, reasons: tuple[ReasonMatch, ...], trimmed: bool, start: int, end: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the seller should know about how the notice was read, in English and in Chinese."""
    en: list[str] = []
    zh: list[str] = []
    if language not in CLASSIFIED:
        name = LANGUAGE_NAMES.get(language, f"language '{language}'")
        en.append(
            f"the notice is in {name} ({language}); reasons are read from English and Chinese notices only. "
            "Switch Seller Central to English and paste the notice again, or name the reason with --reason."
        )
        zh.append(
            f"这则通知的语言是 {language}，目前只能从英文和中文通知中识别原因。请把卖家平台切换为英文或中文后重新粘贴通知，"
            "或用 --reason 指定原因。"
        )
    elif not reasons:
        en.append(
            "no reason the knowledge base knows matched this notice; check that the whole notice was pasted, "
            "or name the reason with --reason."
        )
        zh.append("知识库中没有任何原因与这则通知匹配；请确认粘贴了完整的通知，或用 --reason 指定原因。")
    if trimmed:
        en.append(
            f"read lines {start + 1}-{end} as the notice; the text around it (a forum thread or email "
            "quote?) was left out."
        )
        zh.append(
            f"只把第 {start + 1}-{end} 行当作通知读取；前后的其他文字（论坛讨论或邮件引用？）没有计入。"
        )
    return tuple(en), tuple(zh)
