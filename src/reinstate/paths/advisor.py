"""Which path fits a notice: a Plan of Action, a dispute, a retraction request, an AHA acknowledgement,
a Seller Challenge, an A-to-z response or, in the EU, a request for the statement of reasons.

Every piece of advice names the knowledge-base facts it rests on (``kb/data/paths.yaml``) with their
status; a fact we could not confirm is said to be unconfirmed, and no deadline is built on it.
"""

from __future__ import annotations

from reinstate.kb.facts import PathFact, load_path_facts
from reinstate.paths.model import FactRef, PathAdvice, PathKind
from reinstate.paths.signals import Signals


def fact_ref(fact_id: str) -> FactRef:
    fact: PathFact = load_path_facts()[fact_id]
    return FactRef(fact.id, fact.status, tuple(fact.source_urls()), fact.last_verified.isoformat())


def _refs(*ids: str) -> tuple[FactRef, ...]:
    return tuple(fact_ref(i) for i in ids)


def _hours(fact_id: str) -> int | None:
    return load_path_facts()[fact_id].hours


def advise(signals: Signals) -> list[PathAdvice]:
    """Every path that fits, the recommended one first (always at least the Plan of Action)."""
    found: list[tuple[int, PathAdvice]] = []
    if signals.atoz_claim:
        found.append((0, _atoz()))
    if signals.aha and signals.appeal_failed and signals.scope in {"listing", "unknown"}:
        found.append((1, _challenge(signals)))
    if signals.aha and not signals.appeal_failed:
        found.append((2, _aha()))
    ip = "intellectual-property" in signals.reasons
    if ip:
        found.append((3 if signals.scope != "account" else 6, _retraction(signals)))
    if signals.grounds:
        found.append((4, _dispute(signals)))
    elif any(r in signals.reasons for r in ("listing-policy",)):
        found.append((8, _dispute(signals)))
    if not signals.atoz_claim:
        found.append((5, _poa(signals)))
    if signals.eu or signals.uk:
        final = "final_decision" in signals.outcomes
        found.append((1 if final else 9, _statement_of_reasons(signals)))
    found.sort(key=lambda pair: pair[0])
    paths = [advice for _, advice in found]
    if not paths:
        paths = [_poa(signals)]
    first = paths[0]
    if first.path == "seller_challenge" and first.slots_left == 0 and len(paths) > 1:
        paths = [*paths[1:], first]
    return [_recommend(p, i == 0) for i, p in enumerate(paths)]


def _recommend(advice: PathAdvice, first: bool) -> PathAdvice:
    from dataclasses import replace

    return replace(advice, recommended=first)


def _atoz() -> PathAdvice:
    return PathAdvice(
        "atoz_response",
        "Amazon is asking for your side of an A-to-z Guarantee claim. Answer in Respond to Amazon with the "
        "facts of the order only (dispatch date, carrier, tracking, what the buyer was told); the box takes no "
        "attachments, so send any document to the buyer through Buyer-Seller Messages and say so.",
        "亚马逊在就一笔 A-to-z 索赔询问您这一方的情况。请在“回复亚马逊”中只写这笔订单的事实（发货日期、承运商、追踪号、您对买家说了什么）；"
        "回复框不能上传附件，证明材料请通过买家与卖家消息发给买家，并在回复里说明。",
        "within 48 hours of Amazon's request, or the claim is granted to the buyer",
        "亚马逊发出请求后 48 小时内，否则索赔将判给买家",
        _hours("atoz-48-hours-no-attachments"),
        facts=_refs("atoz-48-hours-no-attachments", "atoz-appeal-30-days"),
    )


def _aha() -> PathAdvice:
    return PathAdvice(
        "aha_acknowledgement",
        "The notice comes under Account Health Assurance: the account is not deactivated as long as Amazon "
        "reaches you within 72 hours and you work with it. Answer at once with a short acknowledgement that "
        "names the issue, the listings and what you have already done, then send the full plan; do not let a "
        "rushed Plan of Action be your first answer.",
        "这则通知属于账户状况保障（AHA）：只要亚马逊能在 72 小时内联系到您并且您配合处理，账户就不会被停用。请先尽快回复一份简短的确认函，"
        "写明问题、涉及的商品和您已经做了什么，然后再提交完整的行动计划；不要把匆忙写成的行动计划当作第一份回复。",
        "within 72 hours of Amazon's contact",
        "亚马逊联系您之后 72 小时内",
        _hours("aha-72-hours"),
        facts=_refs("aha-72-hours", "aha-acknowledgement"),
    )


def _challenge(signals: Signals) -> PathAdvice:
    left = signals.challenges_left
    if left == 0:
        slots_en, slots_zh = (
            "Your case says no challenge slot is left: a denied challenge holds its slot for six months.",
            "您的申诉资料写明已没有质疑名额：被驳回的质疑会占用名额 6 个月。",
        )
    elif left is not None:
        slots_en = (
            f"You have {left} of 3 challenge slots left; a denied challenge holds its slot for six months."
        )
        slots_zh = f"您还剩 {left} 个质疑名额（共 3 个）；质疑被驳回，该名额要 6 个月后才能再用。"
    else:
        slots_en = "Check how many of your 3 challenge slots are left; a denied challenge holds its slot for six months."
        slots_zh = "请先确认 3 个质疑名额还剩几个；质疑被驳回，该名额要 6 个月后才能再用。"
    return PathAdvice(
        "seller_challenge",
        "Your appeal of this listing enforcement failed and the account is under Account Health Assurance, "
        "so a Seller Challenge (Product Policy Compliance) asks for one more review. Each enforcement can be "
        f"challenged once: send it only with grounds you can prove. {slots_en}",
        "这项商品层面处理的申诉已被驳回，而您的账户在账户状况保障（AHA）之下，可以在“商品政策合规性”里提交一次卖家质疑（Seller Challenge），"
        f"请亚马逊再审核一次。每项处理只能质疑一次：只有在理由能被证明时才提交。{slots_zh}",
        "Amazon aims to answer within 48 hours; the listing stays down meanwhile",
        "亚马逊目标在 48 小时内答复；期间商品仍处于下架状态",
        None,
        facts=_refs("seller-challenge"),
        slots_left=left,
    )


def _retraction(signals: Signals) -> PathAdvice:
    owner = f" ({signals.rights_owner})" if signals.rights_owner else ""
    route_en = (
        " The notice itself names notice-dispute@amazon.com for a complaint you believe is invalid."
        if signals.dispute_address
        else " If you believe the complaint is invalid, the documented route is the Appeal button next to it; "
        "a notice-dispute@amazon.com route is reported but unconfirmed."
    )
    route_zh = (
        "通知本身写明，如果您认为投诉不成立，可以写信到 notice-dispute@amazon.com。"
        if signals.dispute_address
        else "如果您认为投诉不成立，有据可查的途径是该投诉旁边的“申诉”按钮；通过 notice-dispute@amazon.com 提出异议的说法尚未得到证实。"
    )
    facts = ("ip-retraction", "ip-notice-dispute")
    return PathAdvice(
        "retraction",
        f"An intellectual-property complaint is settled fastest when the rights owner{owner} retracts it. "
        "Write to them, not to Amazon: say what you sell, why, and what you changed, and ask them to send a "
        "retraction quoting the complaint ID. Admit nothing you have not been shown." + route_en,
        f"知识产权投诉最快的解决办法是请权利人{owner}撤诉。这封信写给权利人，不是写给亚马逊：说明您卖的是什么、为什么、改了什么，"
        "并请对方写明投诉编号提交撤诉。对方没有拿出证据的事，不要承认。" + route_zh,
        "no deadline from Amazon; the listing stays down until the retraction arrives",
        "亚马逊没有规定期限；撤诉送达之前商品一直处于下架状态",
        None,
        facts=_refs(*facts),
    )


def _dispute(signals: Signals) -> PathAdvice:
    if signals.grounds:
        why_en = (
            f"You gave {'one ground' if signals.grounds == 1 else f'{signals.grounds} grounds'} for saying there "
            "was no violation. Then a Plan of Action, "
            "which admits a violation, is the wrong answer: send a dispute that shows, point by point with "
            "proof, why the listing met the policy, and admits nothing."
        )
        why_zh = (
            f"您写了 {signals.grounds} 条没有违规的理由。这种情况下，承认违规的行动计划是错误的回应：请提交异议，逐条用证明材料说明商品符合政策，"
            "不要承认任何违规。"
        )
    else:
        why_en = (
            "Only if you can show there was no violation (for example a variation family that is a true "
            "variation): then a dispute without admission fits better than a Plan of Action. Add your grounds "
            "under path.grounds in the case file."
        )
        why_zh = (
            "只有在您能证明没有违规时（例如变体确实是同一商品的不同规格）才适用：这时不承认违规的异议比行动计划更合适。"
            "请在申诉资料文件的 path.grounds 下写明理由。"
        )
    return PathAdvice(
        "dispute",
        why_en,
        why_zh,
        signals.notice_deadline or "the notice's deadline, if it gives one",
        signals.notice_deadline or "通知中的截止日期（如有）",
        None,
        facts=_refs("dispute-no-violation"),
    )


def _poa(signals: Signals) -> PathAdvice:
    return PathAdvice(
        "poa",
        "A Plan of Action (root causes, actions taken, preventive measures) is the answer Amazon expects when "
        "a violation happened and the account or listing must be reinstated.",
        "如果确实存在违规，并且需要恢复账户或商品，亚马逊期待的回应是行动计划（根本原因、已采取的措施、预防措施）。",
        signals.notice_deadline or "the notice's deadline, if it gives one",
        signals.notice_deadline or "通知中的截止日期（如有）",
        None,
    )


def _statement_of_reasons(signals: Signals) -> PathAdvice:
    if signals.eu:
        law_en = "Regulation (EU) 2019/1150 (P2B) article 4 and the Digital Services Act article 17"
        law_zh = "欧盟 P2B 条例（2019/1150）第 4 条和《数字服务法》第 17 条"
        routes_en = "internal complaint, Amazon's mediation with CEDR, and a certified out-of-court body under DSA article 21"
        routes_zh = (
            "内部投诉、亚马逊通过 CEDR 提供的调解，以及《数字服务法》第 21 条规定的经认证的庭外争议解决机构"
        )
        facts: tuple[str, ...] = (
            "eu-p2b-statement-of-reasons",
            "eu-dsa-statement-of-reasons",
            "eu-dsa-out-of-court",
            "eu-amazon-mediation",
        )
    else:
        law_en, law_zh = (
            "the P2B rules (Regulation 2019/1150, kept in UK law)",
            "P2B 规则（2019/1150 号条例，英国法律中保留）",
        )
        routes_en, routes_zh = (
            "internal complaint and Amazon's mediation with CEDR",
            "内部投诉和亚马逊通过 CEDR 提供的调解",
        )
        facts = ("eu-p2b-statement-of-reasons", "eu-amazon-mediation")
    return PathAdvice(
        "eu_statement_of_reasons",
        f"Your marketplace is in Europe: under {law_en} Amazon owes you a specific statement of reasons. If the "
        "notice does not say which listings, facts and rule the decision rests on, ask for it in writing; once "
        f"the appeal route is exhausted the out-of-court routes are: {routes_en}.",
        f"您的站点在欧洲：根据{law_zh}，亚马逊须向您提供具体的决定理由说明。如果通知没有写明涉及哪些商品、依据什么事实和哪条规则，"
        f"请书面要求对方提供；常规申诉途径用尽后，可以走以下庭外途径：{routes_zh}。",
        "mediation: request it within six months of Amazon's last message on the matter",
        "调解：须在亚马逊就此事最后一次来信后六个月内申请",
        None,
        facts=_refs(*facts),
    )


__all__ = ["PathKind", "advise", "fact_ref"]
