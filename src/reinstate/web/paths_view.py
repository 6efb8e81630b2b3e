"""The case page's "how to answer this notice" and repeat-violation count, from ``reinstate.paths``
(the same advisor and counter as ``reinstate paths``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reinstate.kb import KnowledgeBase
from reinstate.notice import Notice
from reinstate.paths import Received, advise_path, count_repeats, policy_names
from reinstate.store import Case

PATH_NAMES = {
    "poa": ("A Plan of Action", "行动计划（POA）"),
    "dispute": ("A dispute: show there was no violation", "申诉不存在违规（不承认违规）"),
    "retraction": ("Ask the rights owner to retract the complaint", "请权利人撤回投诉"),
    "aha_acknowledgement": (
        "Account Health Assurance: acknowledge within 72 hours",
        "账户状况保障：72 小时内回复确认",
    ),
    "seller_challenge": ("A Seller Challenge", "卖家质询（Seller Challenge）"),
    "atoz_response": ("Answer the A-to-z claim", "回复亚马逊商城交易保障索赔"),
    "eu_statement_of_reasons": (
        "Ask for the statement of reasons (EU/UK)",
        "要求亚马逊说明理由（欧盟/英国）",
    ),
}
STATUS_WORDS = {
    "confirmed": ("confirmed on Amazon's pages or in the law", "已在亚马逊页面或法规中核实"),
    "secondary": ("reported by third parties only", "仅有第三方来源"),
    "unconfirmed": ("not confirmed", "未证实"),
}


def path_view(
    notice: Notice | None, notice_text: str, case_file: Any, outcomes: tuple[str, ...], lang: str
) -> list[dict[str, Any]]:
    """Every path that fits, the recommended one first, in the page's language with its sources."""
    if notice is None:
        return []
    i = 1 if lang == "zh" else 0
    report = advise_path(notice, notice_text, case_file, outcomes)
    return [
        {
            "path": advice.path,
            "name": PATH_NAMES[advice.path][i],
            "recommended": advice.recommended,
            "why": advice.why_zh if i else advice.why,
            "deadline": advice.deadline_zh if i else advice.deadline,
            "slots_left": advice.slots_left,
            "facts": [
                {
                    "status": STATUS_WORDS[f.status][i],
                    "source": f.sources[0] if f.sources else "",
                    "checked": f.last_verified,
                }
                for f in advice.facts
            ],
        }
        for advice in report.paths
    ]


def repeats_view(
    case: Case,
    notice: Notice | None,
    others: list[tuple[Case, Notice | None]],
    case_file: Any,
    kb: KnowledgeBase,
    lang: str,
) -> list[dict[str, Any]]:
    """Notices of one policy for this seller in the last 180 days: this case's, the seller's other cases'
    (same seller name) and the ones listed in the case file; only policies seen more than once."""
    received: list[Received] = []
    for one, parsed in [(case, notice), *others]:
        day = (
            dt.date.fromisoformat(parsed.dates[0])
            if parsed is not None and parsed.dates
            else one.created_at.date()
        )
        reasons = list(one.reasons) or (parsed.reason_ids if parsed is not None else [])
        received += [Received(day, reason) for reason in reasons]
    if case_file is not None:
        received += [Received(n.date, n.reason) for n in case_file.notices_received]
    unique = list(dict.fromkeys(received))  # the same notice listed twice counts once
    names = policy_names(kb)
    counts = count_repeats(unique, dt.date.today(), names)
    return [
        {"message": c.message_zh if lang == "zh" else c.message, "level": c.level, "count": c.count}
        for c in counts
        if c.count > 1
    ]
