"""The six letter kinds besides the Plan of Action, each phrased like a consultant would write it.

Every sentence is built from the case (seller, facts, grounds, dated actions) and the notice (date,
ASINs, complaint ids, rights owner); where one of those is missing the sentence is left out and a
warning says what to add, so a letter never states a fact the seller did not give.
"""

from __future__ import annotations

from reinstate.letters.compose import clean, join_words
from reinstate.letters.dates import date_zh, long_date
from reinstate.letters.kinds import warnings as kw
from reinstate.letters.kinds.common import KindContext
from reinstate.letters.model import Item, Letter

WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TO_AMAZON = ("Dear Seller Performance Team,", "尊敬的卖家绩效团队：")
TO_ACCOUNT_HEALTH = ("Dear Account Health team,", "尊敬的账户状况团队：")


def _word(n: int) -> str:
    return WORDS[n] if n < len(WORDS) else str(n)


def _listings(ctx: KindContext) -> tuple[str, str]:
    n = len(ctx.asins)
    return ("the listing" if n <= 1 else f"the {_word(n)} listings"), (
        "该商品" if n <= 1 else f"这 {n} 个商品"
    )


def _on_asins(ctx: KindContext) -> tuple[str, str]:
    """ " on ASINs B0…, B0… and B0…" and its Chinese (empty without ASINs)."""
    if not ctx.asins:
        return "", ""
    label = "ASIN" if len(ctx.asins) == 1 else "ASINs"
    return f" on {label} {join_words(ctx.asins)}", f"（ASIN {'、'.join(ctx.asins)}）"


def _when(ctx: KindContext) -> tuple[str, str]:
    day = ctx.notice_date
    return (f" of {long_date(day)}", f"{date_zh(day)}") if day else ("", "")


def dispute(ctx: KindContext) -> Letter:
    of_notice, of_notice_zh = ctx.of_notice()
    listing, listing_zh = _listings(ctx)
    grounds = ctx.ground_items()
    if not grounds:
        ctx.blocking.append(kw.no_grounds("dispute"))
    pronoun = "it" if len(ctx.asins) <= 1 else "they"
    opening = (
        f"We dispute {of_notice}. We have checked {listing} against the policy the notice cites, and "
        f"{pronoun} complied with it, for the reasons below.",
        f"我们对{of_notice_zh}提出异议。我们已对照通知引用的政策逐条核对了{listing_zh}，认为其符合该政策，理由如下。",
    )
    closing = (
        f"We ask you to review {listing} again and to remove the violation from our Account Health page. If the "
        "review finds a specific element that does not meet the policy, please name it, so that we can correct it.",
        f"请重新审核{listing_zh}，并从我们的账户状况页面上移除这项违规。如果审核发现某个具体内容不符合政策，请指明，以便我们改正。",
    )
    issue = ctx.issue()[0]
    more = f" and {_word(len(ctx.asins) - 1)} more" if len(ctx.asins) > 1 else ""
    subject = f"Dispute of the {issue}" + (f" on ASIN {ctx.asins[0]}{more}" if ctx.asins else "")
    return ctx.letter(
        "dispute",
        (subject, f"对“{ctx.issue()[1]}”的异议"),
        TO_AMAZON,
        opening,
        [("Why the listing met the policy", "商品符合政策的理由", grounds)],
        closing,
    )


def retraction(ctx: KindContext) -> Letter:
    info = ctx.loaded.case.path
    owner = (info.rights_owner if info and info.rights_owner else None) or (
        ctx.notice.rights_owner.name if ctx.notice and ctx.notice.rights_owner.name else None
    )
    if owner is None:
        ctx.warnings.append(kw.no_rights_owner())
    if not ctx.complaint_ids:
        ctx.warnings.append(kw.no_complaint_ids())
    grounds = ctx.ground_items()
    if not grounds:
        ctx.warnings.append(kw.no_grounds("retraction"))
    kinds = list(ctx.notice.infringement_types) if ctx.notice else []
    complaint = f"a {join_words(kinds)} complaint" if kinds else "a complaint"
    day = ctx.notice_date
    when = f"On {long_date(day)}, " if day else ""
    listings = (
        f"our {'listing' if len(ctx.asins) == 1 else 'listings'} for {'ASIN' if len(ctx.asins) == 1 else 'ASINs'} "
        f"{join_words(ctx.asins)}"
        if ctx.asins
        else "our listings"
    )
    ids = f" (complaint {'ID' if len(ctx.complaint_ids) == 1 else 'IDs'} {join_words(ctx.complaint_ids)})"
    ids = ids if ctx.complaint_ids else ""
    opening = (
        f"We are {ctx.seller}, a seller on {ctx.domain}. {when}Amazon removed {listings} after {complaint} filed "
        f"in your name{ids}. We are writing to you directly to settle it.",
        f"我们是 {ctx.seller}，在 {ctx.domain} 上销售商品。"
        + (f"{date_zh(day)}，" if day else "")
        + f"亚马逊因以您的名义提交的投诉{'（投诉编号 ' + '、'.join(ctx.complaint_ids) + '）' if ctx.complaint_ids else ''}"
        f"下架了我们的商品{'（ASIN ' + '、'.join(ctx.asins) + '）' if ctx.asins else ''}。我们直接写信给您，希望解决此事。",
    )
    quote = (
        f"quoting {'the complaint ID' if len(ctx.complaint_ids) == 1 else 'the complaint IDs'} above, "
        if ids
        else ""
    )
    closing = (
        "We ask you to retract the complaint. A retraction is sent by email to notice-retraction@amazon.com, "
        f"{quote}or through Brand Registry. If you still see a problem with our listing, please tell us what it "
        "is.",
        "请您撤回这项投诉。撤诉方式是发邮件到 notice-retraction@amazon.com"
        + ("，并写明上述投诉编号" if ids else "")
        + "，或通过品牌注册后台提交。如果您认为我们的商品仍有问题，请告诉我们具体是什么。",
    )
    return ctx.letter(
        "retraction",
        (
            "Request to retract "
            + (f"complaint {join_words(ctx.complaint_ids)}" if ids else "your complaint"),
            "请求撤回投诉",
        ),
        (f"Dear {owner}," if owner else "Dear Sir or Madam,", f"尊敬的 {owner}：" if owner else "您好："),
        opening,
        [("Why we ask you to retract it", "请求撤诉的理由", grounds)],
        closing,
        recipient=owner or "the rights owner",
    )


def aha_acknowledgement(ctx: KindContext) -> Letter:
    done = ctx.done_items()
    issue, issue_zh = ctx.issue()
    when, when_zh = _when(ctx)
    on, on_zh = _on_asins(ctx)
    opening = (
        f"We have received your notice{when} about the {issue}{on}, and we are working on it now. This is our "
        "acknowledgement within the 72 hours of Account Health Assurance; our full plan of action follows.",
        f"我们已收到您{when_zh}关于“{issue_zh}”{on_zh}的通知，正在处理。这是我们在账户状况保障 72 小时内的确认回复；完整的行动计划随后提交。",
    )
    contact = ctx.loaded.case.seller.contact
    closing = (
        f"Our contact for this matter is {contact}, at the emergency contact number on file."
        if contact
        else "Please tell us if you need anything further from us on this issue.",
        f"此事由 {contact} 负责，可通过留存的紧急联系电话联系。"
        if contact
        else "如需我们就此事提供其他信息，请告知。",
    )
    if not contact:
        ctx.warnings.append(kw.no_contact())
    return ctx.letter(
        "aha-acknowledgement",
        (f"Acknowledgement: {ctx.issue()[0]}", f"确认回复：{ctx.issue()[1]}"),
        TO_ACCOUNT_HEALTH,
        opening,
        [("What we have done so far", "目前已采取的措施", done)],
        closing,
    )


def seller_challenge(ctx: KindContext) -> Letter:
    info = ctx.loaded.case.path
    if info and info.challenges_left == 0:
        ctx.blocking.append(kw.no_challenge_left())
    grounds = ctx.ground_items()
    if not grounds:
        ctx.blocking.append(kw.no_grounds("seller-challenge"))
    of_notice, of_notice_zh = ctx.of_notice()
    listing, listing_zh = _listings(ctx)
    opening = (
        f"We challenge the decision taken under {of_notice}; our appeal of it was not accepted. We ask for a "
        "further review on the grounds below, each with its proof.",
        f"我们对{of_notice_zh}中的处理决定提出质疑；此前的申诉未被接受。请依据以下理由和证明材料再审核一次。",
    )
    closing = (f"We ask you to reinstate {listing}.", f"请恢复{listing_zh}。")
    return ctx.letter(
        "seller-challenge",
        (f"Seller Challenge: {ctx.issue()[0]}", f"卖家质疑：{ctx.issue()[1]}"),
        TO_ACCOUNT_HEALTH,
        opening,
        [("Why the decision should be reviewed", "请求再审核的理由", grounds)],
        closing,
    )


def atoz_response(ctx: KindContext) -> Letter:
    info = ctx.loaded.case.path
    order = (info.claim_order if info and info.claim_order else None) or (
        ctx.notice.order_ids[0] if ctx.notice and ctx.notice.order_ids else None
    )
    if order is None:
        ctx.blocking.append(kw.no_claim_order())
    if ctx.loaded.case.attachments or any(g.evidence for g in ctx.grounds):
        ctx.warnings.append(kw.atoz_no_attachments())
    grounds = [g.text for g in ctx.grounds]
    body = " ".join(clean(g) for g in grounds)
    opening = (
        (f"Order {order}. " if order else "") + body,
        (f"订单 {order}。" if order else "") + "".join(g.text_zh or g.text for g in ctx.grounds),
    )
    if not grounds:
        ctx.blocking.append(kw.no_grounds("atoz-response"))
    closing = ("We ask you to decide the claim on these facts.", "请依据以上事实处理这笔索赔。")
    return ctx.letter(
        "atoz-response",
        (f"A-to-z Guarantee claim, order {order}" if order else "A-to-z Guarantee claim", "A-to-z 索赔回复"),
        ("", ""),
        opening,
        [],
        closing,
        signed=[ctx.seller],
        attachments=False,
    )


def statement_of_reasons(ctx: KindContext) -> Letter:
    of_notice, of_notice_zh = ctx.of_notice()
    code = ctx.loaded.case.seller.marketplace or (ctx.notice.marketplace if ctx.notice else None)
    eu = code not in {"UK", "GB"}
    law = (
        "Article 4 of Regulation (EU) 2019/1150 and Article 17 of Regulation (EU) 2022/2065 (the Digital Services Act)"
        if eu
        else "Article 4 of Regulation 2019/1150 as it applies in the United Kingdom"
    )
    law_zh = (
        "欧盟第 2019/1150 号条例第 4 条及第 2022/2065 号条例（《数字服务法》）第 17 条"
        if eu
        else "英国适用的第 2019/1150 号条例第 4 条"
    )
    opening = (
        f"We refer to {of_notice}. To answer it properly we need the statement of reasons for the decision, "
        f"as provided for in {law}.",
        f"关于{of_notice_zh}：为了准确回应，我们需要该决定的理由说明，依据是{law_zh}。",
    )
    asks = [
        (
            "The specific facts and circumstances the decision rests on, including which listings and which content are concerned.",
            "决定所依据的具体事实和情况，包括涉及哪些商品和哪些内容。",
        ),
        (
            "The rule of your terms and conditions, or of law, that the decision applies.",
            "决定所适用的服务条款或法律规定。",
        ),
        (
            "Whether the decision was taken or detected by automated means.",
            "该决定是否通过自动化方式作出或发现。",
        ),
        (
            "How we can clarify the facts through your internal complaint-handling system.",
            "我们如何通过内部投诉处理机制澄清事实。",
        ),
    ]
    items = [Item(text=en, zh=zh) for en, zh in asks]
    closing = (
        "Please send the statement in writing. We will answer each point it raises.",
        "请以书面形式提供理由说明。我们会逐条回应其中提出的问题。",
    )
    ctx.warnings.append(kw.out_of_court_routes(eu))
    return ctx.letter(
        "statement-of-reasons",
        (f"Request for a statement of reasons: {ctx.issue()[0]}", f"请求提供理由说明：{ctx.issue()[1]}"),
        TO_AMAZON,
        opening,
        [("What we ask you to state", "请说明的内容", items)],
        closing,
    )


COMPOSERS = {
    "dispute": dispute,
    "retraction": retraction,
    "aha-acknowledgement": aha_acknowledgement,
    "seller-challenge": seller_challenge,
    "atoz-response": atoz_response,
    "statement-of-reasons": statement_of_reasons,
}
