"""`reinstate init`: a commented starter case file, with the knowledge base's questions as comments."""

from __future__ import annotations

import datetime as dt

from reinstate.kb import KnowledgeBase
from reinstate.kb.schema import Reason

PLACEHOLDER_NAME = "Your Business Name LLC"

INTRO = {
    "en": [
        "reinstate case file. Fill it in, then run: reinstate draft {name}",
        "Write the letter's content in English: Amazon reviews appeals in English.",
        "Only seller.name is required; every empty part becomes a warning that says what to add.",
    ],
    "zh": [
        "reinstate 案例文件。填写完成后运行：reinstate draft {name}",
        "信件内容请用英文填写：亚马逊用英文审核申诉。注释里的中文只是帮你思考。",
        "只有 seller.name 是必填项；没填的部分会在生成时给出提示，告诉你还要补充什么。",
    ],
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
    ]
    if notice:
        lines.append(f"notice: {notice}")
    lines += [f"as_of: {(today or dt.date.today()).isoformat()}", f"language: {lang}"]
    lines.append(f"reasons: [{', '.join(r.id for r in reasons)}]" if reasons else "reasons: []")
    lines += ["", f"# {s['facts']}", "facts: []", "", f"# {s['causes']}"]
    for reason in reasons:
        lines += _cause_comments(reason, lang, multi=len(reasons) > 1)
    lines += ["root_causes: []", "", f"# {s['actions']}", "actions_taken: []"]
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
    return "\n".join(lines) + "\n"


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
