"""`reinstate init`: a commented starter case file, with the knowledge base's questions as comments."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from reinstate.kb import KnowledgeBase, load_phrase_bank
from reinstate.kb.phrases import example_text
from reinstate.kb.schema import Reason

PLACEHOLDER_NAME = "Your Business Name LLC"

INTRO = {
    "en": [
        "reinstate case file. Fill it in, then run: reinstate draft {name}",
        "Amazon reviews appeals in English: write your own points in English, or use the phrase bank",
        "(`phrase:` with `values:`; `reinstate phrases` lists them) and fill in only dates, counts and names.",
        "Only seller.name is required; every empty part becomes a warning that says what to add.",
    ],
    "zh": [
        "reinstate 申诉资料文件。填写完成后运行：reinstate draft {name}",
        "亚马逊用英文审核申诉。可以用现成的句子（`phrase:` 加 `values:`，`reinstate phrases --lang zh` 列出全部），",
        "只填日期、数量和名称，英文由现成的句子生成；自己写的内容请用英文，中文原文可以放在 text_zh 里。",
        "只有 seller.name 是必填项；没填的部分会在生成时给出提示，告诉您还要补充什么。",
    ],
}

ADDRESS_HINT = {
    "en": "the business address as registered in Seller Central: invoices and bills are checked against it, "
    "and the letter is signed with it",
    "zh": "卖家平台注册的营业地址：发票和账单要与它核对，申诉信的署名也会用它",
}
PRODUCTS_HINT = {
    "en": "Your products' identifiers, so `reinstate documents` can tie invoice lines to the ASINs in question.",
    "zh": "商品编码：`reinstate documents` 用它把发票上的商品对应到相关 ASIN。",
}

SECTIONS = {
    "en": {
        "facts": "Plain facts the letter may rely on: dates, counts, what happened.",
        "causes": "Root causes: what happened, when, how many. One entry per cause. Typical causes for:",
        "ask": "ask",
        "proof": "proof",
        "actions": "Actions already DONE, each with the date it was completed and what proves it.\n"
        "# An action that is only planned: add `done: false` and the date it will be done.",
        "measures": "Preventive measures: what stops it happening again, who owns it, from when, how often.",
        "attachments": "Documents you send with the appeal (they are listed in the letter).",
        "example": "example",
        "found": "Found in your reports (confirm it, or delete it):",
        "fill": "Fill in {slots}, then remove the # signs to use it:",
    },
    "zh": {
        "facts": "信中可以引用的事实：日期、数量、发生了什么。",
        "causes": "根本原因：发生了什么、什么时间、涉及多少。每条原因写一项。以下是各原因的常见根本原因：",
        "ask": "请弄清",
        "proof": "证据",
        "actions": "已经完成的措施，每条都写上完成日期和证明材料。\n# 还没做、只是计划的措施：加上 `done: false` 和预计完成日期。",
        "measures": "预防措施：怎样防止再次发生、谁负责、从哪天开始、多久执行一次。",
        "attachments": "随申诉一起提交的文件（信中会列出）。",
        "example": "示例",
        "found": "从您的报表中发现（请确认；不对就删掉）：",
        "fill": "请补充 {slots}，然后删掉行首的 # 号：",
    },
}


def starter_case(
    kb: KnowledgeBase,
    reasons: list[Reason],
    *,
    lang: str,
    file_name: str,
    notice: str | None = None,
    today: dt.date | None = None,
    findings: list[dict[str, Any]] | None = None,
    reports: str | None = None,
) -> str:
    """The text of a starter case file; it loads and drafts as it is (with warnings)."""
    s = SECTIONS[lang]
    lines = [f"# {line.format(name=file_name)}" for line in INTRO[lang]]
    lines += [
        "version: 1",
        "seller:",
        f"  name: {PLACEHOLDER_NAME}    # as registered in Seller Central",
        "  marketplace: US                 # US UK DE FR IT ES CA MX JP AU IN ...",
        "  fulfillment: MFN                # MFN, FBA or both",
        f"  # address: <{ADDRESS_HINT[lang]}>",
    ]
    if notice:
        lines.append(f"notice: {notice}")
    if reports:
        lines.append(f"reports: {reports}")
    lines += [f"as_of: {(today or dt.date.today()).isoformat()}", f"language: {lang}"]
    lines.append(f"reasons: [{', '.join(r.id for r in reasons)}]" if reasons else "reasons: []")
    lines += ["", f"# {s['facts']}", "facts: []", "", f"# {s['causes']}"]
    for reason in reasons:
        lines += _cause_comments(reason, lang, multi=len(reasons) > 1)
    found = [f for f in findings or [] if f.get("phrase")]
    lines += _found_causes(found, lang) if found else ["root_causes: []"]
    lines += ["", f"# {s['actions']}", "actions_taken: []"]
    lines += [
        f"#   {s['example']}:",
        "#   - text: Refunded all 12 affected buyers in full",
        "#     date: 2026-11-18",
    ]
    lines += ["#     evidence: refund report for the 12 orders", ""]
    lines += [f"# {s['measures']}", "preventive_measures: []", f"#   {s['example']}:"]
    for reason in reasons[:1]:
        m = reason.preventive_measures[0]
        lines += [f"#   - text: {m.text.en}", f"#     owner: {m.owner.en}", "#     start: 2026-11-20"]
        lines += [f"#     frequency: {m.frequency.en}"]
    lines += ["", f"# {s['attachments']}", "attachments: []"]
    if any("invoices" in r.documents for r in reasons):  # documents will be checked: tie invoices to ASINs
        lines += ["", f"# {PRODUCTS_HINT[lang]}", "products: []", f"#   {s['example']}:"]
        lines += [
            "#   - asin: B0LKBRDOAK",
            "#     sku: BOARD-OAK-L",
            "#     model: OH-CB-L",
            '#     upc: "840123450017"',
        ]
    return "\n".join(lines) + "\n"


def _found_causes(findings: list[dict[str, Any]], lang: str) -> list[str]:
    """Root causes from the analysis: ready when the data fills every slot, else commented with what to add."""
    s = SECTIONS[lang]
    lines = ["root_causes:"]
    active = 0
    for finding in findings:
        phrase = finding["phrase"]
        summary = finding["summary_zh"] if lang == "zh" else finding["summary"]
        entry = [f"- phrase: {phrase['id']}", "  values:"]
        entry += [f"    {name}: {_yaml(value)}" for name, value in phrase["values"].items()]
        entry += [f"    {name}:    # {_slot_hint(phrase['id'], name, lang)}" for name in phrase["missing"]]
        lines.append(f"  # {s['found']} {summary}")
        if phrase["missing"]:
            lines.append("  # " + s["fill"].format(slots=", ".join(phrase["missing"])))
            lines += [f"  # {line}" for line in entry]
        else:
            lines += [f"  {line}" for line in entry]
            active += 1
    return lines


def _slot_hint(phrase_id: str, name: str, lang: str) -> str:
    found = load_phrase_bank().find(phrase_id)
    slot = found.phrase.slot(name) if found else None
    if slot is None:
        return ""
    hint = slot.label.get(lang)
    if slot.choices:
        hint += ": " + " | ".join(f"{c.id} ({c.zh if lang == 'zh' else c.en})" for c in slot.choices)
    else:
        hint += (", 例如 " if lang == "zh" else ", e.g. ") + example_text(slot)
    return hint


def _yaml(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, int) else str(value)


def _cause_comments(reason: Reason, lang: str, *, multi: bool) -> list[str]:
    s = SECTIONS[lang]
    out = [f"#   {reason.id} ({reason.names.get(lang)}):"]
    for cause in reason.root_causes:
        out.append(f"#   * kb: {cause.id}  ({cause.title.get(lang)})")
        for q in cause.questions:
            out.append(f"#       {s['ask']}: {q.zh if lang == 'zh' else q.en}")
        out.append(f"#       {s['proof']}: {cause.data_signal.get(lang)}")
    first = reason.root_causes[0]
    out += [f"#   {s['example']}:", f"#   - kb: {first.id}"]
    if multi:
        out.append(f"#     reason: {reason.id}")
    out += ["#     text: <what happened, when, how many>", "#     evidence: <the numbers that prove it>"]
    return out
