"""Whether the notice needs an appeal at all, where in Seller Central to act, and the next step.

Amazon does not want an appeal for everything: an intellectual-property complaint is usually
settled by a retraction from the rights owner, a fair-pricing violation by correcting the price,
an account under review by shipping on with valid tracking, and a metric warning by fixing the
metric before anything is taken away. A deactivated account always needs an appeal. The
knowledge base says which reasons need one (``appeal_needed``); this module adds what the notice
itself says (scope, deactivation, warning) and phrases the advice in English and Chinese.
"""

from __future__ import annotations

from reinstate.kb import KnowledgeBase
from reinstate.notice.model import Deadline

REACTIVATE = {"en": "Account Health > Reactivate your account", "zh": "账户状况 > 重新激活账户"}
POLICY_PLACE = {
    "intellectual-property": ("Received Intellectual Property Complaints", "收到的知识产权投诉"),
    "inauthentic": ("Product Authenticity Customer Complaints", "商品真实性买家投诉"),
    "condition-complaint": ("Product Condition Customer Complaints", "商品状况买家投诉"),
    "product-safety": ("Product Safety Customer Complaints", "商品安全买家投诉"),
    "restricted-products": ("Restricted Products Policy Violations", "受限商品政策违规"),
    "listing-policy": ("Listing Policy Violations", "违反商品政策"),
    "review-manipulation": ("Customer Product Reviews Policy Violations", "违反买家商品评论政策"),
    "fair-pricing": ("Marketplace Fair Pricing Policy Violations", "违反公平定价政策"),
    "high-return-rate": ("Voice of the Customer", "买家之声"),
}
NO_APPEAL_STEP = {
    "intellectual-property": (
        "No appeal is needed for the complaint itself: ask the rights owner{owner} to retract it; they write to "
        "notice-retraction@amazon.com (or use Brand Registry) quoting the complaint ID{ids}. If you hold an "
        "authorization or the complaint is wrong, use Appeal next to it under Account Health > Product Policy "
        "Compliance > Received Intellectual Property Complaints.",
        "投诉本身不需要申诉：请权利人{owner}撤诉，由对方发邮件到 notice-retraction@amazon.com（或通过品牌注册后台）"
        "并写明投诉编号{ids}。如果您有授权或投诉不成立，在“账户状况 > 商品政策合规性 > 收到的知识产权投诉”里点该投诉旁的“申诉”。",
    ),
    "fair-pricing": (
        "No appeal is needed: correct the price of each cited offer (and your repricer's maximum price), then "
        "check the violation under Account Health > Product Policy Compliance.",
        "不需要申诉：改正每个被点名报价的价格（以及调价软件的最高价），然后到“账户状况 > 商品政策合规性”查看该违规。",
    ),
    "account-under-review": (
        "No appeal while the review runs: keep shipping open orders with valid tracking, and send delivery "
        "evidence and anything Amazon asks for through Account Health.",
        "审核期间不需要申诉：继续按时发货并上传有效追踪号，通过账户状况页面提交妥投证明和亚马逊要求的其他信息。",
    ),
    "warning": (
        "This is a warning, not a deactivation: fix the cause now and watch the metric on Account Health. No "
        "appeal is needed unless Amazon takes action.",
        "这是一则警告，账户尚未被停用：现在就解决问题，并在账户状况页面关注该指标。除非亚马逊采取了处理措施，否则不需要申诉。",
    ),
}


def appeal_needed(reason_ids: list[str], scope: str, action: str, kb: KnowledgeBase) -> bool | None:
    """``True`` when an appeal (Plan of Action) is the way back; ``None`` when the reasons are unknown."""
    if not reason_ids:
        return None
    if action == "deactivated":
        return True
    if action in {"warning", "under-review"}:
        return False
    return any(kb.reason(r).appeal_needed for r in reason_ids)


def where_to_act(reason_ids: list[str], scope: str, lang: str, needed: bool | None = True) -> str:
    """The Seller Central page where this notice is answered (or, with no appeal, where to check it)."""
    zh = lang == "zh"
    health = "账户状况" if zh else "Account Health"
    policy = [r for r in reason_ids if r in POLICY_PLACE and r != "high-return-rate"]
    if needed is False:
        if not policy:
            return health
        name = POLICY_PLACE[policy[0]][zh]
        return (
            f"账户状况 > 商品政策合规性 > {name}"
            if zh
            else f"Account Health > Product Policy Compliance > {name}"
        )
    if scope == "account":
        return REACTIVATE["zh" if zh else "en"]
    if not reason_ids:
        return health
    if reason_ids[0] == "high-return-rate":
        return "绩效 > 买家之声" if zh else "Performance > Voice of the Customer"
    if reason_ids[0] in POLICY_PLACE:
        name = POLICY_PLACE[reason_ids[0]][zh]
        return (
            f"账户状况 > 商品政策合规性 > {name} > 申诉"
            if zh
            else f"Account Health > Product Policy Compliance > {name} > Appeal"
        )
    return (
        "账户状况（违规记录旁的“申诉”）" if zh else "Account Health (the Appeal link next to the violation)"
    )


UNKNOWN_STEP = (
    "The reason could not be told from the notice: find its 'Why is this happening?' part and pick the "
    "matching reason with `reinstate reasons`.",
    "无法从通知中判断原因：请找出通知里“为什么会出现这种情况？”一段，用 `reinstate reasons` 选择对应的原因。",
)
FIX_ELSEWHERE_STEP = (
    "No Plan of Action is needed: correct what the notice names, then check on Account Health that the "
    "issue is closed.",
    "不需要提交行动计划：按通知要求改正问题，然后到账户状况页面确认该问题已处理。",
)


def next_step(
    reason_ids: list[str],
    scope: str,
    action: str,
    needed: bool | None,
    *,
    owner: str | None,
    complaint_ids: tuple[str, ...],
    deadline: Deadline | None,
    lang: str,
) -> str:
    """One or two sentences telling the seller what to do next, in ``lang`` (``en`` or ``zh``)."""
    zh = lang == "zh"
    if needed is None:
        return UNKNOWN_STEP[zh]
    if not needed:
        key = "warning" if action == "warning" else next((r for r in reason_ids if r in NO_APPEAL_STEP), None)
        if not key:
            return FIX_ELSEWHERE_STEP[zh]
        if zh:
            ids = f"（{'、'.join(complaint_ids)}）" if complaint_ids else ""
            name = f"（{owner}）" if owner else ""
        else:
            ids = f" ({', '.join(complaint_ids)})" if complaint_ids else ""
            name = f" ({owner})" if owner else ""
        return NO_APPEAL_STEP[key][zh].format(owner=name, ids=ids)
    place = where_to_act(reason_ids, scope, lang)
    if zh:
        due = ""
        if deadline:
            due = (
                f"，截止日期为 {deadline.date}"
                if deadline.date
                else f"，期限为 {deadline.hours} 小时"
                if deadline.hours
                else f"，期限为 {deadline.days} 天"
            )
        return f"需要申诉：在“{place}”提交行动计划和通知要求的文件{due}。"
    due = ""
    if deadline:
        due = (
            f" by {deadline.date}"
            if deadline.date
            else f" within {deadline.hours} hours"
            if deadline.hours
            else f" within {deadline.days} days"
        )
    return f"An appeal is needed: submit a Plan of Action and the documents asked for through {place}{due}."


def advise(
    reason_ids: list[str],
    scope: str,
    action: str,
    kb: KnowledgeBase,
    *,
    owner: str | None,
    complaint_ids: tuple[str, ...],
    deadline: Deadline | None,
) -> tuple[bool | None, str, str]:
    """Whether an appeal is needed, and the next step in English and in Chinese."""
    needed = appeal_needed(reason_ids, scope, action, kb)
    en, zh = (
        next_step(
            reason_ids,
            scope,
            action,
            needed,
            owner=owner,
            complaint_ids=complaint_ids,
            deadline=deadline,
            lang=lang,
        )
        for lang in ("en", "zh")
    )
    return needed, en, zh
