"""The Chinese mirror: what each paragraph and point of the letter says, for a seller who reads Chinese.

The letter to Amazon is English; the seller must still know what she is about to send. Points written
from the phrase bank come with their Chinese from the same phrase and values; the connective
sentences (subject, ownership, outline, closing) get our own Chinese here, saying the same thing;
a point the seller wrote in English herself has Chinese only when she gave ``text_zh``, else ``None``
(we never machine-translate her words). What she typed in English beside a Chinese point (evidence,
an owner, a frequency) is shown as she typed it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from reinstate.kb import load_kb
from reinstate.kb.schema import Reason
from reinstate.letters.dates import date_zh

SCOPE_REQUESTS_ZH = {
    "account": "请恢复我们的销售权限。",
    "listing": "请恢复被移除的商品。",
    "category": "请恢复我们在该品类的销售权限。",
    "fulfillment-method": "请恢复我们的自发货报价。",
}
EXHIBIT = re.compile(r"\(Exhibit (\d+)\)\.?$")
CITED_ZH = {"asin": "ASIN", "order": "订单", "complaint": "投诉编号"}


def subject_zh(reasons: list[Reason], seller: str) -> str:
    return f"行动计划：{'、'.join(r.names.zh for r in reasons)}——{seller}"


def ownership_zh(reasons: list[Reason]) -> str:
    issues = "、".join(r.names.zh for r in reasons)
    gap = " " if issues[-1:].isascii() else ""  # "超过 1% 的原因": a space after a Latin character or %
    return f"我们承认，导致{issues}{gap}的原因都在我们自己的运营之中，我们对此负责。"


def outline_zh(causes: int, done: int, done_days: list[dt.date], measures: int, counted: bool) -> str:
    if not causes:
        return ""
    parts = [f"我们找到的 {causes} 条根本原因"]
    if done:
        period = ""
        if len(done_days) == 1:
            period = f"（{date_zh(done_days[0])}）"
        elif done_days:
            period = f"（{date_zh(done_days[0])}至{date_zh(done_days[-1])}）"
        parts.append(f"已完成的 {done} 项措施{period}")
    if measures:
        parts.append(f"防止再次发生的 {measures} 项预防措施" if counted else "防止再次发生的预防措施")
    joined = parts[0] if len(parts) == 1 else "、".join(parts[:-1]) + "，以及" + parts[-1]
    return f"下面依次列出{joined}。"


def status_zh(done: int, running: int, total: int) -> str:
    parts = []
    if done == 1:
        parts.append("上述措施已经完成")
    elif done:
        parts.append(f"上述 {done} 项措施均已完成")
    if running and running == total:
        parts.append("这项预防措施已开始执行" if total == 1 else f"{total} 项预防措施均已开始执行")
    elif running:
        parts.append(f"{total} 项预防措施中已有 {running} 项开始执行")
    return "，".join(parts) + "。" if parts else ""


def request_zh(scope: str) -> str:
    return SCOPE_REQUESTS_ZH.get(scope, SCOPE_REQUESTS_ZH["account"])


def cited_zh(groups: list[tuple[str, list[str]]]) -> str:
    parts = [f"{CITED_ZH[kind]} {'、'.join(ids)}" for kind, ids in groups if ids]
    return f"本计划回应通知中列出的{'、'.join(parts)}。" if parts else ""


def with_evidence_zh(zh: str, evidence: str | None, en: str) -> str:
    """The Chinese point with its evidence: the exhibit number the English gives, or her words as typed."""
    if not evidence:
        return zh
    exhibit = EXHIBIT.search(en)
    if exhibit:
        return zh.rstrip("。") + f"（附件 {exhibit.group(1)}）。"
    return f"{zh}证据（您填写的原文）：{evidence}"


@cache
def plan_choices() -> tuple[dict[str, str], dict[str, str]]:
    """The owners and frequencies the knowledge base's measures use, English to Chinese: the lists a
    seller picks from, and how the mirror says a value she picked."""
    kb = load_kb()
    owners: dict[str, str] = {}
    frequencies: dict[str, str] = {}
    measures = [m for r in kb.reasons.values() for m in r.preventive_measures]
    steps = [s for p in kb.playbooks.values() for s in p.steps]
    pairs = [(m.owner, m.frequency) for m in measures] + [(s.owner, s.frequency) for s in steps]
    for owner, frequency in pairs:
        owners.setdefault(owner.en, owner.zh)
        frequencies.setdefault(frequency.en, frequency.zh)
    return dict(sorted(owners.items())), frequencies


def in_chinese(value: str, table: dict[str, str]) -> str:
    """A listed owner or frequency in Chinese; anything she typed herself, as she typed it."""
    key = value.strip().rstrip(".").lower()
    return next((zh for en, zh in table.items() if en.lower() == key), value.rstrip("."))


def measure_zh(
    text_zh: str, owner: str | None, start: dt.date | None, started: bool, frequency: str | None
) -> str:
    owners, frequencies = plan_choices()
    parts = [text_zh]
    if owner:
        parts.append(f"负责人：{in_chinese(owner, owners)}。")
    if start:
        parts.append(f"自{date_zh(start)}起执行。" if started else f"{date_zh(start)}开始执行。")
    if frequency:
        parts.append(f"频率：{in_chinese(frequency, frequencies)}。")
    return "".join(parts)


def step_zh(text_zh: str, owner: str | None, due: dt.date | None) -> str:
    parts = [text_zh.rstrip("。") + "（计划中）。"]
    if owner:
        parts.append(f"负责人：{in_chinese(owner, plan_choices()[0])}。")
    if due:
        parts.append(f"截止日期：{date_zh(due)}。")
    return "".join(parts)


def signature_zh(lines: list[str]) -> str:
    """The signature block: "Sincerely," in Chinese, the names as they are, labels in Chinese."""
    out = []
    for line in lines:
        if line == "Sincerely,":
            out.append("此致")
        elif line.startswith("Merchant token: "):
            out.append("卖家编号：" + line.removeprefix("Merchant token: "))
        elif line.startswith("Marketplace: "):
            out.append("站点：" + line.removeprefix("Marketplace: "))
        else:
            out.append(line)
    return "\n".join(out)
