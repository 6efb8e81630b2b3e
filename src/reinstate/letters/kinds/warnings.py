"""The warnings of the letter kinds (codes stable, English and Chinese; see ``letters/warnings.py``)."""

from __future__ import annotations

from reinstate.letters.model import DraftWarning
from reinstate.paths import PathAdvice, RepeatCount

KIND_NAMES = {
    "poa": ("Plan of Action", "行动计划"),
    "dispute": ("dispute", "异议"),
    "retraction": ("retraction request", "撤诉请求"),
    "aha-acknowledgement": ("AHA acknowledgement", "AHA 确认回复"),
    "seller-challenge": ("Seller Challenge", "卖家质疑"),
    "atoz-response": ("A-to-z claim response", "A-to-z 索赔回复"),
    "statement-of-reasons": ("request for the statement of reasons", "理由说明请求"),
}
BLOCKING = ("no-grounds", "no-challenge-left", "no-claim-order")


def _a(name: str) -> str:
    """The name with its article: "a dispute", "an AHA acknowledgement", "an A-to-z claim response"."""
    return ("an " if name[:1] in "aeiouAEIOU" else "a ") + name


def _w(code: str, en: str, zh: str, key: str | None, seller: str = "", seller_zh: str = "") -> DraftWarning:
    return DraftWarning(code, en, zh, key=key, seller=seller or en, seller_zh=seller_zh or zh)


def no_grounds(kind: str) -> DraftWarning:
    name, name_zh = KIND_NAMES[kind]
    if kind == "atoz-response":
        return _w(
            "no-grounds",
            "an A-to-z response needs the facts of the order: add them under path.grounds (dispatch date, carrier, "
            "tracking, delivery, what the buyer was told).",
            "A-to-z 索赔回复需要这笔订单的事实：请在 path.grounds 下写明发货日期、承运商、追踪号、妥投情况以及您对买家说过的话。",
            "path.grounds",
        )
    return _w(
        "no-grounds",
        f"{_a(name)} rests on your own grounds: add under path.grounds why there was no violation, each with the "
        "document that proves it (evidence:). Without them the letter says nothing Amazon can check.",
        f"{name_zh}要以您自己的理由为依据：请在 path.grounds 下逐条写明为什么没有违规，并用 evidence: 注明证明材料。没有理由，信中就没有亚马逊可以核实的内容。",
        "path.grounds",
    )


def no_rights_owner() -> DraftWarning:
    return _w(
        "no-rights-owner",
        "neither the notice nor the case names the rights owner: add path.rights_owner (the name in the notice's "
        "contact details) so the letter is addressed to them.",
        "通知和申诉资料文件中都没有权利人的名字：请填写 path.rights_owner（通知里联系方式中的名字），信件才能写给对方。",
        "path.rights_owner",
    )


def no_complaint_ids() -> DraftWarning:
    return _w(
        "no-complaint-ids",
        "the notice gives no complaint ID: the rights owner must quote it in the retraction, so add the notice "
        "(notice:) with its complaint IDs.",
        "通知中没有投诉编号：权利人撤诉时必须写明投诉编号，请在 notice: 中提供含投诉编号的通知。",
        "notice",
    )


def no_contact() -> DraftWarning:
    return _w(
        "no-contact",
        "add seller.contact (the name and role of the person Amazon can call): an AHA answer is about being reachable.",
        "请填写 seller.contact（亚马逊可以联系的人的姓名和职务）：AHA 回复的关键在于能联系到您。",
        "seller.contact",
    )


def no_challenge_left() -> DraftWarning:
    return _w(
        "no-challenge-left",
        "path.challenges_left is 0: no Seller Challenge slot is left (a denied challenge holds its slot for six "
        "months). Use another path.",
        "path.challenges_left 为 0：已没有卖家质疑名额（被驳回的质疑会占用名额 6 个月）。请选择其他途径。",
        "path.challenges_left",
    )


def no_claim_order() -> DraftWarning:
    return _w(
        "no-claim-order",
        "add path.claim_order (the order id of the A-to-z claim): the response is about one order.",
        "请填写 path.claim_order（A-to-z 索赔的订单编号）：回复只针对这一笔订单。",
        "path.claim_order",
    )


def atoz_no_attachments() -> DraftWarning:
    return _w(
        "atoz-no-attachments",
        "the A-to-z response box takes no attachments, so the response lists none: send your documents to the "
        "buyer through Buyer-Seller Messages, and add a fact saying you did.",
        "A-to-z 索赔的回复框不能上传附件，所以回复中不列附件：请通过买家与卖家消息把证明材料发给买家，并在 facts 中写明已发送。",
        "attachments",
    )


def out_of_court_routes(eu: bool) -> DraftWarning:
    dsa_en = (
        "; a certified out-of-court dispute settlement body under DSA article 21 (not binding)" if eu else ""
    )
    dsa_zh = "；《数字服务法》第 21 条规定的经认证的庭外争议解决机构（决定不具约束力）" if eu else ""
    return _w(
        "out-of-court-routes",
        "after the internal complaint, the out-of-court routes are: Amazon's mediation with CEDR (request it "
        f"within six months of Amazon's last message; a code then gives 30 days to contact CEDR){dsa_en}. See "
        "`reinstate paths` for the sources.",
        f"内部投诉之后的庭外途径：亚马逊通过 CEDR 提供的调解（须在亚马逊最后一次来信后六个月内申请；拿到代码后 30 天内联系 CEDR）{dsa_zh}。"
        "来源见 `reinstate paths`。",
        None,
    )


def repeat(count: RepeatCount) -> DraftWarning:
    return _w("repeat-violations", count.message, count.message_zh, "notices_received")


def path_not_advised(kind: str, advised: list[PathAdvice]) -> DraftWarning:
    name, name_zh = KIND_NAMES[kind]
    best = advised[0]
    best_name, best_zh = KIND_NAMES[best.letter_kind]
    return _w(
        "path-not-advised",
        f"the notice and the case do not point to {_a(name)}; the advised path is {_a(best_name)} "
        f"(`reinstate draft --kind {best.letter_kind}`): {best.why}",
        f"根据通知和申诉资料，这种情况不适合{name_zh}；建议的途径是{best_zh}（`reinstate draft --kind {best.letter_kind}`）：{best.why_zh}",
        None,
    )


def fact_unconfirmed(kind: str, fact_id: str, url: str) -> DraftWarning:
    name, name_zh = KIND_NAMES[kind]
    return _w(
        "path-fact-unconfirmed",
        f"the idea behind {_a(name)} for this notice is unconfirmed ({fact_id}; see {url}): send it only if your "
        "grounds are solid.",
        f"针对这类通知采用{name_zh}的依据尚未得到证实（{fact_id}，见 {url}）：只有在理由确凿时才提交。",
        None,
    )
