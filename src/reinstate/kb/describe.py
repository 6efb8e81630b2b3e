"""Plain-text and JSON views of the knowledge base, in English or Chinese (used by `reinstate reasons`)."""

from __future__ import annotations

import textwrap
from typing import Any

from reinstate.kb import KnowledgeBase
from reinstate.kb.schema import Reason

LABELS = {
    "en": {
        "category": {"performance": "performance", "policy": "policy", "account": "account"},
        "target": "Target",
        "window": "Window",
        "source": "Source",
        "verified": "last verified",
        "appeal": "How to respond",
        "causes": "Typical root causes",
        "ask": "Ask yourself",
        "proof": "Proof in your data",
        "actions": "Corrective actions (do these, then state them with dates)",
        "evidence": "evidence",
        "measures": "Preventive measures",
        "owner": "owner",
        "frequency": "how often",
        "checks": "checks",
        "documents": "Documents Amazon may ask for",
        "pitfalls": "Pitfalls that get appeals rejected",
        "playbooks": "Playbooks",
        "phrases": "Notice wording",
        "header": "Reasons the knowledge base knows ({n}). Show one with `reinstate reasons ID`.",
    },
    "zh": {
        "category": {"performance": "绩效指标", "policy": "政策违规", "account": "账户"},
        "target": "目标",
        "window": "统计周期",
        "source": "来源",
        "verified": "最后核实",
        "appeal": "处理方式",
        "causes": "常见根本原因",
        "ask": "需要弄清的问题",
        "proof": "数据中的证据",
        "actions": "已采取的措施（先做完，再连同日期写进申诉）",
        "evidence": "证明材料",
        "measures": "预防措施",
        "owner": "负责人",
        "frequency": "频率",
        "checks": "检查内容",
        "documents": "亚马逊可能要求的文件",
        "pitfalls": "导致申诉被拒的常见错误",
        "playbooks": "专项手册",
        "phrases": "通知中的常见措辞",
        "header": "知识库收录的原因（共 {n} 个）。查看某一项：`reinstate reasons ID --lang zh`。",
    },
}


def list_text(kb: KnowledgeBase, lang: str) -> str:
    labels = LABELS[lang]
    lines = [str(labels["header"]).format(n=len(kb.reasons)), ""]
    width = max(len(r) for r in kb.reasons)
    for reason in kb.reasons.values():
        category = labels["category"][reason.category]  # type: ignore[index]
        lines.append(f"  {reason.id:<{width}}  {reason.names.get(lang)}  [{category}]")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str, lang: str) -> list[str]:
    if lang == "zh":
        return [indent + text]
    return textwrap.wrap(text, width=100, initial_indent=indent, subsequent_indent=indent)


def reason_text(kb: KnowledgeBase, reason: Reason, lang: str) -> str:
    lab = LABELS[lang]
    out = [f"{reason.names.get(lang)}  ({reason.id})", ""]
    out += [*_wrap(reason.summary.get(lang), "", lang), ""]
    if reason.metric:
        m = reason.metric
        out.append(f"{lab['target']}: {m.name.get(lang)} {m.target}; {lab['window']}: {m.window.get(lang)}")
        out.append(f"{lab['source']}: {m.source} ({lab['verified']} {m.last_verified.isoformat()})")
        out.append("")
    out.append(f"{lab['appeal']}: {reason.appeal_note.get(lang)}")
    out += ["", f"{lab['causes']}:"]
    for n, cause in enumerate(reason.root_causes, start=1):
        out.append(f"  {n}. {cause.title.get(lang)}  [{cause.id}]")
        for q in cause.questions:
            out += _wrap(f"- {lab['ask']}: {q.zh if lang == 'zh' else q.en}", "       ", lang)
        out += _wrap(f"- {lab['proof']}: {cause.data_signal.get(lang)}", "       ", lang)
    out += ["", f"{lab['actions']}:"]
    for action in reason.corrective_actions:
        out += _wrap(
            f"- {action.text.get(lang)} ({lab['evidence']}: {action.evidence.get(lang)})", "  ", lang
        )
    out += ["", f"{lab['measures']}:"]
    for pm in reason.preventive_measures:
        detail = f"{lab['owner']}: {pm.owner.get(lang)}; {lab['frequency']}: {pm.frequency.get(lang)}"
        out += _wrap(f"- {pm.text.get(lang)} ({detail}; {lab['checks']}: {pm.checks.get(lang)})", "  ", lang)
    out += ["", f"{lab['documents']}:"]
    out += [f"  - {kb.document_name(d, lang)}" for d in reason.documents]
    out += ["", f"{lab['pitfalls']}:"]
    for pitfall in reason.pitfalls:
        out += _wrap(f"- {pitfall.get(lang)}", "  ", lang)
    if reason.playbooks:
        names = ", ".join(kb.playbooks[p].names.get(lang) for p in reason.playbooks)
        out += ["", f"{lab['playbooks']}: {names}"]
    phrases = reason.notice_phrases_zh if lang == "zh" else reason.notice_phrases
    out += ["", f"{lab['phrases']}: " + "; ".join(f"“{p}”" for p in phrases)]
    return "\n".join(out) + "\n"


def reason_json(kb: KnowledgeBase, reason: Reason) -> dict[str, Any]:
    data = reason.model_dump(mode="json")
    data["documents"] = [{"id": d, **kb.documents[d].model_dump(mode="json")} for d in reason.documents]
    return {"schema": "reinstate.reason/1", **data}


def list_json(kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "schema": "reinstate.reasons/1",
        "reasons": [
            {"id": r.id, "name": r.names.en, "name_zh": r.names.zh, "category": r.category, "scope": r.scope}
            for r in kb.reasons.values()
        ],
    }
