"""What the seller should do next, from the outcome, the asks, the deadline and the channel.

Written for a seller (English and Chinese, 您), with no ids or case-file keys: the command line and the
web app show the same steps.
"""

from __future__ import annotations

from reinstate.reply.model import Ask, Channel, ReplyDeadline, Step

OUTCOME_STEPS: dict[str, tuple[str, str]] = {
    "reinstated": (
        "Amazon has reinstated you. Keep every preventive measure of your plan running as you promised, "
        "and check Account Health every week: a repeat of the same problem is judged more harshly.",
        "亚马逊已恢复您的销售权限。请按行动计划中的承诺继续执行每一项预防措施，并每周查看一次账户状况：同样的问题再次出现时，"
        "处理会更严厉。",
    ),
    "more_information": (
        "Amazon has not decided yet: it needs more from you. Answer every point below in one complete "
        "submission; do not send the same letter again.",
        "亚马逊还没有做出决定，而是需要您补充信息。请在一次完整的提交中回答下面的每一项；不要把原来的申诉信原样再发一次。",
    ),
    "rejected": (
        "Amazon did not accept this appeal. Before you appeal again, change what it found lacking: a "
        "rewritten letter that says the same thing is usually rejected again, and each attempt counts.",
        "亚马逊没有接受这次申诉。再次申诉之前，请先修改亚马逊认为不足的地方：内容不变、只是换个说法的申诉信通常会再次被拒，"
        "而且每次申诉都会被记录。",
    ),
    "final_decision": (
        "Amazon calls this decision final and may not answer further messages on the same channel. Do not "
        "send the same appeal again. Appeal once more only with genuinely new facts or documents, and "
        "consider professional or legal advice; follow the reply's instructions about your funds and inventory.",
        "亚马逊表示这是最终决定，可能不会再回复同一渠道的消息。请不要再发送相同的申诉。只有掌握了真正新的事实或文件时才值得再申诉一次，"
        "也可以考虑寻求专业或法律意见；关于资金和库存，请按回复中的说明处理。",
    ),
    "unknown": (
        "We could not tell what Amazon decided. Check that you pasted the whole reply (from the greeting "
        "to the signature), then read it once more for what it asks you to send.",
        "没能读出亚马逊的决定。请确认粘贴的是完整的回复（从称呼到落款），再仔细读一遍，看亚马逊要求您提交什么。",
    ),
}

ASK_STEPS: dict[str, tuple[str, str]] = {
    "root_cause_detail": (
        "Rewrite the root causes{about}: say exactly what went wrong in your business, when, and how many "
        "orders or units it touched, with the records that prove it.",
        "重写根本原因{about_zh}：写清楚您的业务中具体哪里出了问题、什么时间、涉及多少订单或件数，并附上能证明的记录。",
    ),
    "actions_detail": (
        "Describe each action already taken{about} with its date and what proves it (refund records, "
        "screenshots, removed listings).",
        "逐条写明已采取的措施{about_zh}：每一项都写上完成日期和证明材料（退款记录、截图、已删除的商品等）。",
    ),
    "prevention_detail": (
        "Make each preventive measure{about} concrete: who owns it, when it started and how often it runs.",
        "把每一项预防措施{about_zh}写具体：由谁负责、从哪天开始、多久执行一次。",
    ),
    "actions_not_implemented": (
        "Amazon says actions you listed are not done. Finish them before you write again, and list only "
        "what is complete, with its date and proof; move anything still planned to the preventive measures.",
        "亚马逊认为您列出的措施还没有落实。请先把它们做完再回复，信中只写已经完成的措施，并写上日期和证明材料；"
        "还在计划中的放到预防措施里。",
    ),
    "documents_missing": (
        "Send the documents Amazon asks for{docs}; check each against Amazon's requirements before you attach it.",
        "请提交亚马逊要求的文件{docs_zh}，提交前请逐一对照亚马逊的要求检查。",
    ),
    "documents_invalid": (
        "Amazon could not accept the documents you sent. Replace them with complete, legible copies that meet "
        "its requirements (dates, names and addresses matching your account, quantities covering your sales).",
        "亚马逊无法接受您提交的文件。请换成完整、清晰并符合要求的版本（日期、名称和地址与账户一致，数量覆盖您的销量）。",
    ),
    "documents_forged": (
        "Amazon believes a document was altered. Never edit a document yourself; explain what was changed and "
        "why, and send the original as the supplier issued it, or a new one issued by the supplier.",
        "亚马逊认为某份文件被修改过。请不要自行修改任何文件；说明改了什么、为什么改，并提交供应商开具的原件，或请供应商重新开具。",
    ),
    "invoice_required": (
        "Send real supplier invoices (not order confirmations, receipts or pro formas) dated within the last "
        "365 days, with quantities that cover your sales and your business name and address on them.",
        "请提交真正的供应商发票（不是订单确认、收据或形式发票），开具日期在最近 365 天内，数量覆盖您的销量，并写有您的公司名称和地址。",
    ),
    "compliance_evidence": (
        "Send the proof of compliance Amazon asks for{docs}: for a product, test reports or certificates from an "
        "accredited lab that name it; for a policy, the records and examples that show how your account follows it.",
        "请提交亚马逊要求的合规证明{docs_zh}：如果针对商品，请提供由有资质的实验室出具、写明该商品的检测报告或证书；"
        "如果针对政策，请提供能说明您的账户如何遵守该政策的记录和实例。",
    ),
    "identity_verification": (
        "Complete the identity verification Amazon asks for, with documents whose name and address match your "
        "account exactly.",
        "请按要求完成身份验证，提交的文件上的姓名和地址必须与账户信息完全一致。",
    ),
    "other": (
        "Answer this point of Amazon's reply as well: “{text}”",
        "也请回答亚马逊回复中的这一项：“{text}”",
    ),
}
BUTTONS_ZH = {  # Account Health's buttons as the Chinese Seller Central labels them, the English kept beside
    "Submit new information": "提交新信息（Submit new information）",
    "Submit an appeal": "提交申诉（Submit an appeal）",
    "View appeal": "查看申诉（View appeal）",
    "Reactivate your account": "重新激活您的账户（Reactivate your account）",
    "Appeal": "申诉（Appeal）",
    "Account Health": "账户状况",
}
DOC_NAMES = {
    "invoices": ("supplier invoices", "供应商发票"),
    "letter-of-authorization": ("a letter of authorization", "授权书"),
    "supplier-contacts": ("your supplier's contact details", "供应商联系方式"),
    "trademark-registration": ("the trademark registration", "商标注册证明"),
    "retraction": ("the rights owner's retraction", "权利人的撤诉"),
    "utility-bill": ("a utility bill", "水电费账单"),
    "identity-document": ("an identity document", "身份证件"),
    "business-license": ("your business license", "营业执照"),
    "bank-statement": ("a bank statement", "银行对账单"),
    "safety-documents": ("test reports or certificates", "检测报告或证书"),
    "product-photos": ("product photos", "产品照片"),
    "shipping-records": ("shipping records", "物流记录"),
    "pricing-records": ("your price history", "定价记录"),
    "account-relationship-explanation": ("how the accounts are related", "账户之间关系的说明"),
    "account-reactivation-confirmation": ("the reinstated account's details", "已恢复账户的信息"),
    "dropship-supplier-agreement": ("your agreement with the supplier", "与供应商的代发货协议"),
}


def _ask_step(ask: Ask) -> Step:
    en, zh = ASK_STEPS[ask.kind]
    names = [DOC_NAMES[d] for d in ask.documents if d in DOC_NAMES]
    return Step(
        en=en.format(
            about=f" of “{ask.reason}”" if ask.reason else "",
            about_zh="",
            docs=f" ({', '.join(n[0] for n in names)})" if names else "",
            docs_zh="",
            text=ask.text,
        ),
        zh=zh.format(
            about=f"（“{ask.reason}”）" if ask.reason else "",
            about_zh=f"（“{ask.reason}”）" if ask.reason else "",
            docs="",
            docs_zh=f"（{'、'.join(n[1] for n in names)}）" if names else "",
            text=ask.text,
        ),
    )


def _where(channel: Channel | None, deadline: ReplyDeadline | None) -> Step | None:
    if channel is None and deadline is None:
        return None
    en, zh = [], []
    if channel is not None:
        if channel.kind == "reply":
            en.append("Answer by replying to Amazon's email (or case) itself")
            zh.append("请直接回复亚马逊的这封邮件（或工单）")
        elif channel.kind == "account_health":
            en.append(f"Answer in Seller Central, Account Health, with “{channel.text}”")
            zh.append(f"请在卖家平台的账户状况页面中通过“{BUTTONS_ZH.get(channel.text, channel.text)}”提交")
        else:
            en.append(f"Answer by email to {channel.address}")
            zh.append(f"请发邮件到 {channel.address}")
    if deadline is not None:
        if deadline.date:
            when_en, when_zh = f"by {deadline.date}", f"在 {deadline.date} 之前"
        elif deadline.hours:
            when_en, when_zh = f"within {deadline.hours} hours", f"在 {deadline.hours} 小时内"
        else:
            when_en, when_zh = f"within {deadline.days} days", f"在 {deadline.days} 天内"
        en.append(f"{'and do it ' if en else 'Answer '}{when_en}")
        zh.append(f"{'，并' if zh else '请'}{when_zh}完成")
    return Step(en=" ".join(en) + ".", zh="".join(zh) + "。")


def next_steps(
    outcome: str, asks: tuple[Ask, ...], channel: Channel | None, deadline: ReplyDeadline | None
) -> tuple[Step, ...]:
    """The steps in order: what the outcome means, one per ask, then where and by when to answer."""
    en, zh = OUTCOME_STEPS[outcome]
    steps = [Step(en=en, zh=zh)]
    if outcome != "reinstated":
        steps += [_ask_step(a) for a in asks]
        where = _where(channel, deadline)
        if where is not None and outcome != "final_decision":
            steps.append(where)
    return tuple(dict.fromkeys(steps))
