"""The notice as a checklist a seller can work through, in English or Chinese.

Sections follow the order a seller acts in: what happened, whether an appeal is needed at all,
what to send (with each document's requirements from the knowledge base), by when, where in
Seller Central, and every id the appeal must answer.
"""

from __future__ import annotations

import textwrap

from reinstate.kb import KnowledgeBase
from reinstate.notice import advice
from reinstate.notice.model import Notice

WIDTH = 96
LABELS = {
    "en": {
        "title": "Notice checklist", "happened": "What happened", "unknown": "No reason could be read from this notice.",
        "confidence": "confidence", "words": "Amazon's words", "scope": "Scope",
        "appeal": "Is an appeal needed?", "colon": ": ", "sep": ", ", "open": " (", "close": ")",
        "send": "What to send", "nothing": "The notice names no documents.", "covers": "must cover the last {n} days",
        "also": "Often also asked for with this reason", "when": "By when",
        "days": "Within {n} days of the notice.", "hours": "Within {n} hours of the notice (about {days} days).", "date": "By {date}.", "date_days": "By {date} ({n} days from the notice).", "no_deadline": "The notice sets no deadline; answer as soon as your fixes are in place.",
        "where": "Where in Seller Central", "cited": "What the appeal must answer",
        "asins": "ASINs", "orders": "Orders", "complaints": "Complaint IDs", "owner": "Rights owner",
        "types": "Infringement type", "contacts": "Amazon addresses", "market": "Marketplace", "notes": "Notes",
        "language": "Language of the notice",
    },
    "zh": {
        "title": "通知处理清单", "happened": "发生了什么", "unknown": "无法从这则通知中读出原因。",
        "confidence": "置信度", "words": "通知原文", "scope": "影响范围",
        "appeal": "是否需要申诉？", "colon": "：", "sep": "、", "open": "（", "close": "）",
        "send": "需要提交的材料", "nothing": "通知没有点名要求任何文件。", "covers": "需覆盖最近 {n} 天",
        "also": "此类原因通常还会要求", "when": "截止时间",
        "days": "收到通知后 {n} 天内。", "hours": "收到通知后 {n} 小时内（约 {days} 天）。", "date": "{date} 之前。", "date_days": "{date} 之前（通知后 {n} 天）。", "no_deadline": "通知没有给出期限；纠正措施落实后尽快回复。",
        "where": "卖家平台中的位置", "cited": "申诉必须逐一回应的内容",
        "asins": "ASIN", "orders": "订单", "complaints": "投诉编号", "owner": "权利人",
        "types": "侵权类型", "contacts": "亚马逊邮箱", "market": "站点", "notes": "注意",
        "language": "通知语言",
    },
}  # fmt: skip
IP_TYPES_ZH = {"trademark": "商标", "copyright": "版权", "patent": "专利", "design": "外观设计"}
SCOPE_TEXT = {
    "en": {
        "account": "the whole selling account", "listing": "individual listings (the ASINs below)",
        "category": "selling in a product category", "fulfillment-method": "seller-fulfilled (merchant-fulfilled) selling",
        "unknown": "not stated in the notice",
    },
    "zh": {
        "account": "整个卖家账户", "listing": "部分商品（见下方 ASIN）", "category": "某个品类的销售权限",
        "fulfillment-method": "自发货（FBM）的销售权限", "unknown": "通知中没有说明",
    },
}  # fmt: skip


def checklist_text(notice: Notice, kb: KnowledgeBase, lang: str = "en") -> str:
    """The whole checklist as plain text; ``lang`` is ``en`` or ``zh``."""
    lang = "zh" if lang == "zh" else "en"
    t = LABELS[lang]
    head = t["title"] + (f" ({notice.source})" if notice.source else "")
    width = sum(2 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in head)
    parts = [head, "=" * min(WIDTH, width)]
    parts += _happened(notice, kb, lang)
    parts += _appeal(notice, lang)
    parts += _send(notice, kb, lang)
    parts += _when(notice, lang)
    parts += [
        "",
        t["where"],
        "  " + advice.where_to_act(notice.reason_ids, notice.scope, lang, notice.appeal_needed),
    ]
    parts += _cited(notice, lang)
    warnings = notice.warnings_zh if lang == "zh" else notice.warnings
    if warnings:
        parts += ["", t["notes"], *_bullets(warnings)]
    return "\n".join(parts) + "\n"


def _happened(notice: Notice, kb: KnowledgeBase, lang: str) -> list[str]:
    t = LABELS[lang]
    out = ["", t["happened"]]
    if not notice.reasons:
        out.append("  " + t["unknown"])
    for match in notice.reasons:
        name = kb.reason(match.id).names.get(lang)
        out.append(f"  - {name} [{match.id}]{t['open']}{t['confidence']} {match.confidence:.2f}{t['close']}")
        out += _wrap(f'{t["words"]}{t["colon"]}"{match.evidence}"', indent="    ")
    out.append(f"  {t['scope']}{t['colon']}{SCOPE_TEXT[lang][notice.scope]}")
    if notice.language not in {"en", "zh"}:
        out.append(f"  {t['language']}{t['colon']}{notice.language}")
    return out


def _appeal(notice: Notice, lang: str) -> list[str]:
    t = LABELS[lang]
    step = notice.next_step_zh if lang == "zh" else notice.next_step
    return ["", t["appeal"], *_wrap(step, indent="  ")]


def _send(notice: Notice, kb: KnowledgeBase, lang: str) -> list[str]:
    t = LABELS[lang]
    out = ["", t["send"]]
    if not notice.documents_requested:
        out.append("  " + t["nothing"])
    for doc_id in notice.documents_requested:
        doc = kb.documents.get(doc_id)
        name = doc.name.get(lang) if doc else doc_id
        period = notice.document_periods_days.get(doc_id)
        extra = f"{t['open']}{t['covers'].format(n=period)}{t['close']}" if period else ""
        out.append(f"  [ ] {name}{extra}")
        for requirement in doc.requirements if doc else []:
            out += _wrap("- " + requirement.get(lang), indent="      ", subsequent="        ")
    suggested = [
        d for r in notice.reason_ids for d in kb.reason(r).documents if d not in notice.documents_requested
    ]
    if suggested:
        names = t["sep"].join(kb.document_name(d, lang) for d in dict.fromkeys(suggested))
        out += _wrap(f"{t['also']}{t['colon']}{names}", indent="  ", subsequent="    ")
    return out


def _when(notice: Notice, lang: str) -> list[str]:
    t = LABELS[lang]
    if not notice.deadline:
        return ["", t["when"], "  " + t["no_deadline"]]
    deadline = notice.deadline
    if deadline.date:
        key = "date" if deadline.days is None else "date_days"
        line = t[key].format(date=deadline.date, n=deadline.days)
    elif deadline.hours:
        line = t["hours"].format(n=deadline.hours, days=deadline.days)
    else:
        line = t["days"].format(n=deadline.days)
    return ["", t["when"], "  " + line]


def _cited(notice: Notice, lang: str) -> list[str]:
    t = LABELS[lang]
    rows: list[tuple[str, str]] = []
    if notice.marketplace:
        rows.append((t["market"], notice.marketplace))
    for key, values in (
        ("asins", notice.asins),
        ("orders", notice.order_ids),
        ("complaints", notice.complaint_ids),
    ):
        if values:
            rows.append((f"{t[key]}{t['open']}{len(values)}{t['close']}", ", ".join(values)))
    if notice.infringement_types:
        types = [IP_TYPES_ZH.get(k, k) if lang == "zh" else k for k in notice.infringement_types]
        rows.append((t["types"], t["sep"].join(types)))
    if notice.rights_owner:
        owner = notice.rights_owner
        rows.append(
            (t["owner"], " ".join(x for x in (owner.name, f"<{owner.email}>" if owner.email else None) if x))
        )
    if notice.amazon_contacts:
        rows.append((t["contacts"], ", ".join(notice.amazon_contacts)))
    if not rows:
        return []
    out = ["", t["cited"]]
    for label, value in rows:
        out += _wrap(f"{label}{t['colon']}{value}", indent="  ", subsequent="      ")
    return out


def _bullets(items: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for item in items:
        out += _wrap("- " + item, indent="  ", subsequent="    ")
    return out


def _wrap(text: str, *, indent: str, subsequent: str | None = None) -> list[str]:
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    return textwrap.wrap(
        text,
        width=WIDTH * 2 // 3 if cjk else WIDTH,
        initial_indent=indent,
        subsequent_indent=subsequent if subsequent is not None else indent,
        break_on_hyphens=False,
    ) or [indent.rstrip()]
