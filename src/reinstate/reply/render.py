"""A read reply as text for a seller, in English or Chinese."""

from __future__ import annotations

from reinstate.reply.model import Reply
from reinstate.reply.steps import BUTTONS_ZH

OUTCOME_NAMES = {
    "reinstated": ("Reinstated", "已恢复"),
    "more_information": ("More information needed", "需要补充信息"),
    "rejected": ("Appeal not accepted", "申诉未被接受"),
    "final_decision": ("Final decision: not reinstated", "最终决定：不予恢复"),
    "unknown": ("Not recognised", "未能识别"),
}
KIND_NAMES = {
    "root_cause_detail": ("More detail on the root cause", "根本原因需要更详细"),
    "actions_detail": ("More detail on the actions taken", "已采取的措施需要更详细"),
    "prevention_detail": ("More detail on the preventive measures", "预防措施需要更详细"),
    "actions_not_implemented": ("Actions not implemented yet", "措施尚未落实"),
    "documents_missing": ("Documents missing", "缺少文件"),
    "documents_invalid": ("Documents not accepted", "文件不被接受"),
    "documents_forged": ("Documents seen as altered or forged", "文件被认为经过修改或伪造"),
    "invoice_required": ("Supplier invoices required", "需要供应商发票"),
    "compliance_evidence": ("Compliance documents required", "需要合规文件"),
    "identity_verification": ("Identity verification", "身份验证"),
    "other": ("Other request", "其他要求"),
}
CHANNEL_NAMES = {
    "reply": ("reply to Amazon's email or case", "直接回复亚马逊的邮件或工单"),
    "account_health": ("Seller Central, Account Health: “{text}”", "卖家平台 → 账户状况 → {text}"),
    "notice_dispute": ("email {address}", "发邮件到 {address}"),
    "email": ("email {address}", "发邮件到 {address}"),
}


def reply_text(reply: Reply, lang: str = "en") -> str:
    """The reply as a short report: outcome, what Amazon asks, by when and where, next steps."""
    zh = lang == "zh"
    i = 1 if zh else 0
    colon = "：" if zh else ": "
    lines = [f"{'亚马逊的决定' if zh else 'Outcome'}{colon}{OUTCOME_NAMES[reply.outcome][i]}"]
    if reply.evidence:
        lines.append(f"  {'依据' if zh else 'from'}{colon}“{reply.evidence}”")
    if reply.asks:
        lines += ["", "亚马逊要求：" if zh else "Amazon asks for:"]
        for ask in reply.asks:
            about = f" ({ask.reason})" if ask.reason else ""
            lines.append(f"  - {KIND_NAMES[ask.kind][i]}{about}")
            lines.append(f"    “{ask.text}”")
    if reply.deadline:
        d = reply.deadline
        if d.date:
            when = d.date
        elif d.hours:
            when = f"{d.hours} 小时" if zh else f"{d.hours} hours"
        else:
            when = f"{d.days} 天" if zh else f"{d.days} days"
        lines += [
            "",
            f"{'期限' if zh else 'Deadline'}{colon}{when}（{d.text}）"
            if zh
            else f"Deadline: {when} ({d.text})",
        ]
    if reply.channel:
        c = reply.channel
        label = BUTTONS_ZH.get(c.text, c.text) if zh else c.text
        where = CHANNEL_NAMES[c.kind][i].format(text=label, address=c.address or "")
        lines.append(f"{'回复方式' if zh else 'Answer by'}{colon}{where}")
    lines += ["", "下一步：" if zh else "Next steps:"]
    for n, step in enumerate(reply.next_steps, start=1):
        lines.append(f"  {n}. {step.zh if zh else step.en}")
    return "\n".join(lines) + "\n"
