"""Every warning a draft can carry, in English and Chinese, each saying exactly what to add.

Codes are stable: tools and the web app may key on them. Each warning is written twice: ``message``
for the command line, naming the case file's keys and the commands to run, and ``seller`` for the
web app, in a seller's words and the app's own terms (no keys, no commands, no knowledge-base ids:
reasons by their names, typical causes by their titles). In Chinese she is 您 and the punctuation is
full-width.
"""

from __future__ import annotations

import datetime as dt

from reinstate.kb.schema import Reason, RootCause
from reinstate.letters.dates import long_date
from reinstate.letters.model import DraftWarning, place_of


def _d(day: dt.date) -> str:
    return day.isoformat()


def _zh_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _and(items: list[str], word: str = "and") -> str:
    """English list: "A", "A and B", "A, B and C" (``word="or"`` after a negation)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _and_zh(items: list[str]) -> str:
    """Chinese list: "甲", "甲和乙", "甲、乙和丙"."""
    return "和".join(["、".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _quoted(names: list[str]) -> str:
    return _and([f"“{n}”" for n in names])


def _quoted_zh(names: list[str]) -> str:
    return "、".join(f"“{n}”" for n in names)


def _places(keys: list[str]) -> tuple[list[str], list[str]]:
    """The seller's names of case keys, in English and Chinese (keys we cannot name are left out)."""
    named = [place_of(k) for k in keys]
    return [en for en, _ in named if en], [zh for _, zh in named if zh]


def reason_without_cause(reason: Reason) -> DraftWarning:
    ids = ", ".join(c.id for c in reason.root_causes[:4])
    questions_en = " ".join(q.en for q in reason.root_causes[0].questions[:2])
    questions_zh = "".join(q.zh for q in reason.root_causes[0].questions[:2])
    titles = _quoted([c.title.en for c in reason.root_causes[:4]])
    titles_zh = _quoted_zh([c.title.zh for c in reason.root_causes[:4]])
    return DraftWarning(
        "reason-without-root-cause",
        f"the case gives no root cause for '{reason.id}', so the letter cannot answer it. Add an entry under "
        f"root_causes with `reason: {reason.id}` saying what happened, when and how many "
        f"(typical causes: {ids}; see `reinstate reasons {reason.id}`). For example: {questions_en}",
        f"申诉资料里没有给出“{reason.names.zh}”的根本原因，信中无法回答这一项。请在 root_causes 下添加一条，"
        f"写上 `reason: {reason.id}`，说明发生了什么、什么时间、涉及多少订单"
        f"（常见原因：{ids}；可运行 `reinstate reasons {reason.id} --lang zh` 查看）。",
        key="root_causes",
        seller=f"The appeal gives no root cause for “{reason.names.en}”, so the letter cannot answer it. Add a "
        "root cause saying what happened, when and how many orders, and choose this reason under “Reason it "
        f"answers”; or choose from ready sentences. Typical causes: {titles}. For example: {questions_en}",
        seller_zh=f"申诉中没有给出“{reason.names.zh}”的根本原因，信中无法回答这一项。请添加一条根本原因，"
        "说明发生了什么、什么时间、涉及多少订单，并在“对应的原因”中选择这一项；也可以从现成的句子里选。"
        f"常见原因：{titles_zh}。例如：{questions_zh}",
    )


def cause_for_other_reason(key: str, reason: Reason | None, case_reasons: list[Reason]) -> DraftWarning:
    reason_id = reason.id if reason else ""
    case_ids = [r.id for r in case_reasons]
    ours = _quoted([r.names.en for r in case_reasons])
    ours_zh = _quoted_zh([r.names.zh for r in case_reasons])
    if reason:
        said = f"This cause explains “{reason.names.en}”, which is not among the reasons of this appeal ({ours})."
        said_zh = f"这条原因对应的是“{reason.names.zh}”，不在本申诉的原因（{ours_zh}）之中。"
    else:
        said = f"This cause does not answer any reason of this appeal ({ours})."
        said_zh = f"这条原因不对应本申诉的任何原因（{ours_zh}）。"
    return DraftWarning(
        "root-cause-off-notice",
        f"this cause explains '{reason_id}', which is not among the case's reasons ({', '.join(case_ids)}). "
        "Amazon wants the cited issue answered, not others, so it was left out. Add the reason to `reasons:` "
        "only if the notice names it.",
        f"这条原因对应的是“{reason_id}”，不在本申诉的原因（{', '.join(case_ids)}）之中。亚马逊只要求回答通知里点名的"
        "问题，所以没有写入信中。只有通知确实提到时，才把它加到 `reasons:` 里。",
        key=key,
        seller=f"{said} Amazon wants the issues in the notice answered, not others, so it was left out of the "
        "letter. Choose one of this appeal's reasons under “Reason it answers”, or remove the cause.",
        seller_zh=f"{said_zh}亚马逊只要求回答通知里点名的问题，所以没有写入信中。请在“对应的原因”中选择本申诉的一个原因，"
        "或者删除这条原因。",
    )


def cause_only_kb(key: str, kb_cause: RootCause | None) -> DraftWarning:
    questions = " ".join(q.en for q in kb_cause.questions[:2]) if kb_cause else ""
    questions_zh = "".join(q.zh for q in kb_cause.questions[:2]) if kb_cause else ""
    title = f" (“{kb_cause.title.en}”)" if kb_cause else ""
    title_zh = f"（“{kb_cause.title.zh}”）" if kb_cause else ""
    return DraftWarning(
        "root-cause-generic",
        "this cause gives only a knowledge-base id, so the letter can name the kind of cause but not what "
        "happened in your case, and a reviewer rejects a general cause. Add `text:` with what happened: "
        f"dates, counts, ASINs or SKUs. {questions}".strip(),
        "这条原因只写了知识库编号，信中只能说出原因的类别，说不出您这次具体发生了什么，而审核人员会驳回笼统的原因。"
        f"请添加 `text:`，写明具体情况：日期、数量、ASIN 或 SKU。{questions_zh}",
        key=key,
        seller=f"This cause gives only a typical cause{title}, not what happened in your business, so the letter "
        "can name the kind of cause but not your case, and a reviewer rejects a general cause. Write what "
        "happened: dates, counts, ASINs or SKUs; or choose from ready sentences and fill in your details. "
        f"{questions}".strip(),
        seller_zh=f"这条原因只选了常见原因{title_zh}，没有写您这次具体发生了什么，信中只能说出原因的类别，"
        "而审核人员会驳回笼统的原因。请写明具体情况：日期、数量、ASIN 或 SKU；也可以从现成的句子里选，再填上您的数据。"
        f"{questions_zh}",
    )


def cause_without_evidence(key: str, kb_cause: RootCause | None) -> DraftWarning:
    hint = f" What would prove it: {kb_cause.data_signal.en}" if kb_cause else ""
    hint_zh = f"可以用来证明的数据：{kb_cause.data_signal.zh}" if kb_cause else ""
    return DraftWarning(
        "root-cause-without-evidence",
        "no `evidence:` backs this cause. Add the numbers that prove it, e.g. how many of the affected orders "
        f"it explains and over which dates.{hint}",
        f"这条原因没有 `evidence:` 支撑。请补充能证明它的数字，例如它解释了多少个问题订单、发生在哪些日期。{hint_zh}",
        key=key,
        seller="Nothing backs this cause. Add its evidence: the numbers that prove it, e.g. how many of the "
        f"affected orders it explains and over which dates.{hint}",
        seller_zh="这条原因没有证据支撑。请补充能证明它的数字，例如它解释了多少个问题订单、发生在哪些日期。"
        f"{hint_zh}",
    )


def action_reads_as_plan(key: str) -> DraftWarning:
    return DraftWarning(
        "action-reads-as-plan",
        "this action is written as an intention ('will', 'plan to'), and Amazon rejects actions that are not "
        "implemented, so the letter lists it with the preventive steps, not as done. If it is done, write what "
        "was done and its date; if not, move it to preventive_measures with an owner, a start date and a "
        "frequency.",
        "这条措施写成了打算（will、plan to），而亚马逊会驳回尚未落实的措施，所以信中把它列在预防步骤里，没有写成已完成。"
        "如果已经完成，请写明做了什么和完成日期；如果还没做，请移到 preventive_measures，并写上负责人、开始日期和频率。",
        key=key,
        seller="This action is written as an intention (“will”, “plan to”), and Amazon rejects actions that are "
        "not done yet, so the letter lists it with the preventive steps, not as done. If it is done, write what "
        "you did and add the date it was done; if not, mark it as planned, or make it a preventive measure with "
        "an owner, a start date and how often.",
        seller_zh="这条措施写成了打算（will、plan to），而亚马逊会驳回尚未落实的措施，所以信中把它列在预防步骤里，"
        "没有写成已完成。如果已经完成，请写明做了什么，并填上完成日期；如果还没做，请把它标为“计划中”，"
        "或者改成一项预防措施，写明负责人、开始日期和频率。",
    )


def action_is_promise(key: str) -> DraftWarning:
    return DraftWarning(
        "action-is-promise",
        "this is a promise ('will not happen again'), not an action or a measure, and a reviewer reads it as "
        "no commitment. It was left out of the letter: say instead what you changed, who checks it and how "
        "often.",
        "这是一句保证（例如“不会再发生”），既不是已采取的措施也不是预防措施，审核人员会当作没有承诺。信中没有写入这句话；"
        "请改写成您具体改了什么、由谁检查、多久检查一次。",
        key=key,
        seller="This is a promise (“will not happen again”), not an action or a measure, and a reviewer reads it "
        "as no commitment. It was left out of the letter: say instead what you changed, who checks it and how "
        "often.",
        seller_zh="这是一句保证（例如“不会再发生”），既不是已采取的措施也不是预防措施，审核人员会当作没有承诺。"
        "信中没有写入这句话；请改写成您具体改了什么、由谁检查、多久检查一次。",
    )


def action_is_standing_rule(key: str, why: str) -> DraftWarning:
    return DraftWarning(
        "action-is-standing-rule",
        f"this reads as a standing rule, not a one-off action that is done ({why}). A rule prevents a repeat, "
        "so the letter lists it with the preventive measures, as you wrote it. Move it to preventive_measures "
        "and add its owner, start date and frequency; keep under actions_taken only what was done once, "
        "with its date.",
        f"这条写的是一项长期规则，而不是已经做完的一次性措施（{why}）。规则的作用是防止再次发生，所以信中把它按原文列在预防措施里。"
        "请把它移到 preventive_measures，并补上负责人、开始日期和频率；actions_taken 下只保留已经做完的事和完成日期。",
        key=key,
        seller="This reads as a standing rule, not something done once. A rule prevents a repeat, so the letter "
        "lists it with the preventive measures, as you wrote it. Make it a preventive measure with its owner, "
        "start date and how often, and keep under the actions taken only what was done once, with the date it "
        "was done.",
        seller_zh="这条写的是一项长期规则，而不是已经做完的一次性措施。规则的作用是防止再次发生，所以信中把它按原文列在"
        "预防措施里。请把它改成一项预防措施，并补上负责人、开始日期和频率；“已采取的措施”下只保留已经做完的事和完成日期。",
    )


def action_kept_as_written(key: str) -> DraftWarning:
    return DraftWarning(
        "action-kept-as-written",
        "this action does not start with a verb the composer recognises ('Refunded…', 'Replaced…'), so the "
        "letter keeps your wording after its date. Check that it reads as something done; better, start it "
        "with what you did: 'Refunded all 12 buyers in full'.",
        "这条措施的开头不是能识别的动词（如 Refunded…、Replaced…），信中在日期后保留了您的原文。请确认它读起来是已完成的事；"
        "更好的写法是以做了什么开头，例如 “Refunded all 12 buyers in full”。",
        key=key,
        seller="This action does not start with a verb we recognise (“Refunded…”, “Replaced…”), so the letter "
        "keeps your words after its date. Check that it reads as something done; better, start it with what "
        "you did, e.g. “Refunded all 12 buyers in full”, or choose from ready sentences.",
        seller_zh="这条措施的开头不是能识别的动词（如 Refunded…、Replaced…），信中在日期后保留了您的原文。"
        "请确认它读起来是已完成的事；更好的写法是以做了什么开头，例如“Refunded all 12 buyers in full”，"
        "也可以从现成的句子里选。",
    )


def root_cause_reason_guessed(key: str, reason: Reason, case_reasons: list[Reason]) -> DraftWarning:
    case_ids = [r.id for r in case_reasons]
    return DraftWarning(
        "root-cause-reason-guessed",
        f"this case answers several reasons ({', '.join(case_ids)}) and neither this cause's `reason:`, its "
        f"`kb:` id nor its words tell which one it explains, so the letter places it under '{reason.id}'. "
        "If that is wrong, add `reason:` with the right id.",
        f"本申诉涉及多个原因（{', '.join(case_ids)}），这条根本原因既没有写 `reason:`，从 `kb:` 和文字也看不出它对应哪一项，"
        f"所以信中暂时把它放在“{reason.names.zh}”下面。如果不对，请添加 `reason:` 写明正确的原因。",
        key=key,
        seller=f"This appeal answers several reasons ({_quoted([r.names.en for r in case_reasons])}) and nothing "
        f"in this cause tells which one it explains, so the letter places it under “{reason.names.en}”. If that "
        "is wrong, choose the right one under “Reason it answers”.",
        seller_zh=f"本申诉涉及多个原因（{_quoted_zh([r.names.zh for r in case_reasons])}），从这条根本原因看不出"
        f"它对应哪一项，所以信中暂时把它放在“{reason.names.zh}”下面。如果不对，请在“对应的原因”中选择正确的原因。",
    )


def figure_differs(metric: str, notice_value: str, letter_value: str, metric_zh: str = "") -> DraftWarning:
    return DraftWarning(
        "figure-differs-from-notice",
        f"Amazon's notice gives the {metric} as {notice_value}, but the letter states {letter_value}. "
        "The windows may differ (check `as_of`); a reviewer who sees two figures asks which is true, "
        "so say in a fact which period your figure covers, or correct it.",
        f"亚马逊通知里的{metric}是 {notice_value}，而信中写的是 {letter_value}。可能是统计区间不同"
        "（请检查 `as_of`）；审核人员看到两个数字会问哪个是对的，请在事实中写明您的数字对应的时间段，或者改正它。",
        key="facts",
        seller=f"Amazon's notice gives the {metric} as {notice_value}, but the letter states {letter_value}. The two "
        "may cover different periods; a reviewer who sees two figures asks which is true, so add a fact saying "
        "which period your figure covers, or correct it.",
        seller_zh=f"亚马逊通知里的{metric_zh or metric}是 {notice_value}，而信中写的是 {letter_value}。两者统计的时间段"
        "可能不同；审核人员看到两个数字会问哪个是对的，请在基本情况里写明您的数字对应的时间段，或者改正它。",
    )


def letter_not_english(where: list[str]) -> DraftWarning:
    places = ", ".join(where)
    named, named_zh = _places(where)
    at = f" (in {_and(named)})" if named else ""
    at_zh = f"（在{'、'.join(named_zh)}）" if named_zh else ""
    return DraftWarning(
        "not-english",
        f"the letter contains Chinese or other non-English text (from {places}). Amazon reviews appeals in "
        "English: use the phrase bank for those parts, or write them in English (your Chinese can stay in "
        "`text_zh`) before sending.",
        f"信中有中文或其他非英文内容（来自 {places}）。亚马逊用英文审核申诉：请改用现成的句子，"
        "或者把这些内容改成英文（中文原文可以保留在“中文原文”里）再提交。",
        seller=f"The letter contains Chinese or other non-English text{at}. Amazon reviews appeals in English: "
        "choose from ready sentences for those parts, or write them in English, before you send it.",
        seller_zh=f"信中有中文或其他非英文内容{at_zh}。亚马逊用英文审核申诉：请从现成的句子里选，"
        "或者把这些内容改成英文，再提交。",
    )


def action_without_date(key: str) -> DraftWarning:
    return DraftWarning(
        "action-without-date",
        "this action has no date, so the letter cannot state it as done. Add `date: YYYY-MM-DD` (the day it was "
        "completed), or `done: false` if it is still planned. It was left out of the letter.",
        "这条措施没有日期，信中不能把它写成已完成。请添加 `date: YYYY-MM-DD`（完成的日期）；如果还没做，"
        "请写 `done: false`。这条暂未写入信中。",
        key=key,
        seller="This action has no date, so the letter cannot say it is done, and it was left out of the letter. "
        "Add the date it was done; if it is not done yet, mark it as planned.",
        seller_zh="这条措施没有日期，信中不能把它写成已完成，所以暂未写入信中。请填上完成的日期；"
        "如果还没做，请把它标为“计划中”。",
    )


def planned_without_date(key: str) -> DraftWarning:
    return DraftWarning(
        "planned-action-without-date",
        "this planned action has no date. Add `date:` with the day it will be done; Amazon reads an undated "
        "promise as no commitment.",
        "这条计划中的措施没有日期。请用 `date:` 写上预计完成的日期；没有日期的承诺，亚马逊会当作没有承诺。",
        key=key,
        seller="This planned action has no date. Add the date it will be done; Amazon reads a promise without a "
        "date as no commitment.",
        seller_zh="这条计划中的措施没有日期。请填上预计完成的日期；没有日期的承诺，亚马逊会当作没有承诺。",
    )


def action_in_future(key: str, day: dt.date, today: dt.date) -> DraftWarning:
    return DraftWarning(
        "action-in-future",
        f"the date {_d(day)} is after the case date {_d(today)}, so this action is not done yet. It is listed "
        "under the preventive steps with its due date, not as an action taken.",
        f"日期 {_d(day)} 晚于申诉日期 {_d(today)}，说明这条措施还没完成。信中把它列为带截止日期的预防步骤，"
        "而不是已采取的措施。",
        key=key,
        seller=f"The date {long_date(day)} is after the date of this appeal ({long_date(today)}), so this action is "
        "not done yet. The letter lists it with the preventive steps, with its due date, not as an action taken.",
        seller_zh=f"日期 {_zh_date(day)} 晚于本申诉的日期（{_zh_date(today)}），说明这条措施还没完成。"
        "信中把它列为带截止日期的预防步骤，而不是已采取的措施。",
    )


def action_without_evidence(key: str) -> DraftWarning:
    return DraftWarning(
        "action-without-evidence",
        "no `evidence:` shows this action is done. Add what proves it (a screenshot, an export, a refund "
        "list) and attach it.",
        "没有 `evidence:` 证明这条措施已完成。请补充证明材料（截图、导出的表格、退款清单等）并作为附件提交。",
        key=key,
        seller="Nothing shows this action is done. Say what proves it (a screenshot, an export, a refund list) "
        "and add it to the attachments.",
        seller_zh="没有材料证明这条措施已完成。请写明证明材料（截图、导出的表格、退款清单等），并把它加到附件里。",
    )


def no_actions_taken() -> DraftWarning:
    return DraftWarning(
        "no-actions-taken",
        "the case has no completed, dated action. Amazon rejects plans whose corrective actions have not been "
        "implemented: do the repairs first (refunds, listing fixes, stock checks), then add each under "
        "actions_taken with its date and evidence.",
        "申诉资料里没有任何带日期的已完成措施。亚马逊会驳回措施尚未落实的行动计划：请先完成补救（退款、修改页面、"
        "检查库存等），再把每一项连同日期和证明写到 actions_taken 下。",
        key="actions_taken",
        seller="The appeal has no action that is done and dated. Amazon rejects plans whose corrective actions "
        "are not done yet: do the repairs first (refunds, listing fixes, stock checks), then add each one as an "
        "action taken, with the date it was done and its proof.",
        seller_zh="申诉里没有任何带日期的已完成措施。亚马逊会驳回措施尚未落实的行动计划：请先完成补救（退款、修改页面、"
        "检查库存等），再把每一项连同完成日期和证明加到“已采取的措施”里。",
    )


def measure_incomplete(key: str, missing: list[str]) -> DraftWarning:
    names = {"owner": "负责人（owner）", "start": "开始日期（start）", "frequency": "频率（frequency）"}
    words = {
        "owner": ("owner", "负责人"),
        "start": ("start date", "开始日期"),
        "frequency": ("frequency", "频率"),
    }
    return DraftWarning(
        "measure-incomplete",
        f"this measure has no {', '.join(missing)}. Amazon expects every preventive measure to say who runs it, "
        "from when and how often.",
        f"这条预防措施缺少{'、'.join(names[m] for m in missing)}。亚马逊希望每条预防措施都写明谁负责、从何时开始、多久执行一次。",
        key=key,
        seller=f"This measure has no {_and([words[m][0] for m in missing], 'or')}. Amazon expects every preventive "
        "measure to say who runs it, from when and how often.",
        seller_zh=f"这条预防措施缺少{_and_zh([words[m][1] for m in missing])}。亚马逊希望每条预防措施都写明谁负责、"
        "从何时开始、多久执行一次。",
    )


def no_measures() -> DraftWarning:
    return DraftWarning(
        "no-preventive-measures",
        "the case has no preventive measure. Add at least one per root cause under preventive_measures, each "
        "with owner, start and frequency.",
        "申诉资料里没有预防措施。请在 preventive_measures 下为每条根本原因至少添加一条，并写明负责人、开始日期和频率。",
        key="preventive_measures",
        seller="The appeal has no preventive measure. Add at least one for each root cause, each with an owner, a "
        "start date and how often; or choose from ready sentences.",
        seller_zh="申诉里没有预防措施。请为每条根本原因至少添加一项预防措施，并写明负责人、开始日期和频率；"
        "也可以从现成的句子里选。",
    )


def not_english(key: str) -> DraftWarning:
    return DraftWarning(
        "not-english",
        "this text is not in English. Amazon reviews appeals in English: pick a sentence from the phrase bank "
        "(`phrase:` with `values:`, see `reinstate phrases`), or keep your Chinese in `text_zh` and put an "
        "English translation in `text` (the draft then checks that both give the same numbers, dates and ids).",
        "这段文字不是英文。亚马逊用英文审核申诉：可以从现成的句子里选一个，只填日期、数量等内容；"
        "也可以把中文写在“中文原文”里，再把任何翻译工具译出的英文填进正文，我们会核对两边的数字、日期和编号是否一致。",
        key=key,
        seller="This text is not in English. Amazon reviews appeals in English: choose from ready sentences and "
        "fill in only your dates, numbers and names, or write this point in English yourself.",
        seller_zh="这段文字不是英文。亚马逊用英文审核申诉：请从现成的句子里选，只填日期、数量和名称；"
        "或者自己用英文写这一条。",
    )


def seller_name_not_latin() -> DraftWarning:
    return DraftWarning(
        "not-english",
        "the seller name is not in Latin letters. Amazon reads the letter in English: write the business "
        "name in English or pinyin exactly as registered in Seller Central, and put the Chinese registered "
        "name in `seller.legal_name` (the signature shows it in brackets after the English name).",
        "卖家名称不是英文字母。亚马逊用英文审核申诉：请按卖家平台注册信息填写英文或拼音名称，"
        "中文注册名称可以填在 seller.legal_name 里（署名会在英文名称后面用括号列出）。",
        key="seller.name",
        seller="The business name is not in Latin letters. Write it in English or pinyin exactly as registered "
        "in Seller Central; the Chinese registered name can follow it in brackets in the signature.",
        seller_zh="卖家名称不是英文字母。请按卖家平台注册信息填写英文或拼音名称；中文注册名称可以放在署名里英文名称后面的括号中。",
    )


def english_missing(key: str) -> DraftWarning:
    return DraftWarning(
        "english-missing",
        "this point is given only in Chinese (`text_zh`), so the letter leaves it out. Add its English in "
        "`text` (from any translation tool: the draft checks that both give the same facts), or use a "
        "phrase (`phrase:` with `values:`).",
        "这一条只有中文（text_zh），信中暂时没有写入。请在 text 里补上英文（可以用任何翻译工具，我们会核对两边的事实是否一致），"
        "或者改用现成的句子（phrase 加 values）。",
        key=key,
        seller="This point is only in Chinese, so the letter leaves it out for now. Add its English (any "
        "translation tool will do: we check that both say the same facts), or choose from ready sentences.",
        seller_zh="这一条只有中文，信中暂时没有写入。请补上英文（可以用任何翻译工具，我们会核对两边的事实是否一致），"
        "或者从现成的句子里选。",
    )


def fact_mismatch(key: str, only_en: list[str], only_zh: list[str]) -> DraftWarning:
    en_side = ", ".join(only_en) or "nothing the Chinese lacks"
    zh_side = ", ".join(only_zh) or "nothing the English lacks"
    return DraftWarning(
        "fact-mismatch",
        f"the English and the Chinese of this point do not give the same facts: the English has {en_side}; "
        f"the Chinese has {zh_side}. A translation must not change a number, a date, an id or a name: "
        "correct whichever is wrong before sending.",
        f"这一条的英文和中文说的事实不一致：英文里是 {'、'.join(only_en) or '（无）'}，"
        f"中文里是 {'、'.join(only_zh) or '（无）'}。翻译不能改变数字、日期、编号或名称，请改正有误的一边后再提交。",
        key=key,
        seller=f"The English and the Chinese of this point do not give the same facts: the English has {en_side}; "
        f"the Chinese has {zh_side}. A translation must not change a number, a date, an order number or a name: "
        "correct whichever is wrong before you send the letter.",
        seller_zh=f"这一条的英文和中文说的事实不一致：英文里是 {'、'.join(only_en) or '（无）'}，"
        f"中文里是 {'、'.join(only_zh) or '（无）'}。翻译不能改变数字、日期、编号或名称，请改正有误的一边后再提交。",
    )


def document_not_attached(reason: Reason, name: str, name_zh: str) -> DraftWarning:
    named = name[0].lower() + name[1:]
    return DraftWarning(
        "document-not-listed",
        f"Amazon often asks for {name[0].lower() + name[1:]} for '{reason.id}'. If you send this, list it under attachments so "
        "the letter names it.",
        f"针对“{reason.names.zh}”，亚马逊常要求提供{name_zh}。如果你会提交，请写到 attachments 下，信中会列出。",
        key="attachments",
        seller=f"For “{reason.names.en}”, Amazon often asks for {named}. If you send this document, add it to the "
        "attachments so the letter names it.",
        seller_zh=f"针对“{reason.names.zh}”，亚马逊常要求提供{name_zh}。如果您会提交这份文件，请把它加到附件里，信中会列出。",
    )


KIND_NAMES = {"asin": ("ASIN", "ASIN"), "order": ("order", "订单"), "complaint": ("complaint ID", "投诉编号")}


def cited_item_not_covered(kind: str, value: str) -> DraftWarning:
    name, name_zh = KIND_NAMES.get(kind, (kind, kind))
    return DraftWarning(
        "cited-item-not-covered",
        f"the notice cites {name} {value}, but no root cause, action or fact in the case mentions it. Say what "
        f"you found and what you did for {value}; Amazon wants every cited item answered.",
        f"通知点名了{name_zh} {value}，但申诉资料里的根本原因、措施和事实都没有提到它。请写明针对 {value} 查到了什么、"
        "做了什么；亚马逊要求每个被点名的项目都有回应。",
        key="root_causes",
        seller=f"The notice names {name} {value}, but no root cause, action or fact in the appeal mentions it. "
        f"Say what you found and what you did for {value}; Amazon wants every item it names answered.",
        seller_zh=f"通知点名了{' ' if name_zh.isascii() else ''}{name_zh} {value}，但申诉里的根本原因、措施和基本情况都没有提到它。请写明针对 {value} "
        "查到了什么、做了什么；亚马逊要求每个被点名的项目都有回应。",
    )


def requested_document_missing(name: str, name_zh: str) -> DraftWarning:
    named = name[0].lower() + name[1:]
    return DraftWarning(
        "requested-document-missing",
        f"the notice asks for {named}, and neither the case's text nor its attachments name it. Attach it "
        "and list it under attachments; missing documents are a standard reason for rejection.",
        f"通知要求提供{name_zh}，但申诉资料和附件清单里都没有。请附上这份文件并写进 attachments；"
        "缺少文件是常见的驳回理由。",
        key="attachments",
        seller=f"The notice asks for {named}, and this document is neither mentioned in the appeal nor listed in "
        "the attachments. Send it with the appeal and add it to the attachments; a missing document is a common "
        "reason for rejection.",
        seller_zh=f"通知要求提供{name_zh}，但申诉内容和附件清单里都没有。请随申诉提交这份文件，并把它加到附件里；"
        "缺少文件是常见的驳回理由。",
    )


def placeholder_seller() -> DraftWarning:
    return DraftWarning(
        "placeholder-seller",
        "the seller name is still the starter file's placeholder. Write your business name exactly as "
        "registered in Seller Central.",
        "卖家名称还是模板里的占位文字。请填写与卖家平台注册信息完全一致的公司名称。",
        key="seller.name",
        seller="The seller name is still the example text. Write your business name exactly as registered in "
        "Seller Central.",
        seller_zh="卖家名称还是示例文字。请填写与卖家平台注册信息完全一致的公司名称。",
    )


def reports_unusable(message: str) -> DraftWarning:
    return DraftWarning(
        "reports-unusable",
        f"the reports could not be analysed, so the letter uses no figures from them: {message}",
        f"报表无法分析，信中没有使用其中的数据：{message}",
        key="reports",
        seller="The reports could not be analysed, so the letter uses no figures from them. Download them again "
        f"from Seller Central and upload them. What went wrong: {message}",
        seller_zh=f"报表无法分析，信中没有使用其中的任何数据。请从卖家平台重新下载并上传。原因：{message}",
    )


def report_skipped(path: str, reason: str) -> DraftWarning:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]  # the file as the seller downloaded it, not our folder
    why = reason.replace(path, name) if path else reason
    return DraftWarning(
        "report-skipped",
        f"{path} was not read: {reason}",
        f"{path} 没有被读取：{reason}",
        key="reports",
        seller=f"The file {name} was not read, so the letter uses no figures from it: {why}",
        seller_zh=f"文件 {name} 没有被读取，信中没有使用其中的数据。原因：{why}",
    )


def data_suggests_cause(
    cause: str, summary: str, kb_cause: RootCause | None = None, summary_zh: str = ""
) -> DraftWarning:
    title = f" “{kb_cause.title.en}”" if kb_cause else ""
    title_zh = f"“{kb_cause.title.zh}”" if kb_cause else ""
    said_zh = summary_zh or summary
    said_zh += "" if said_zh.endswith(("。", "！", "？")) else " "
    return DraftWarning(
        "data-suggests-cause",
        f"your reports show: {summary} This points to the cause '{cause}'. If it is what happened, add it under "
        f"root_causes with `kb: {cause}` and say in `text:` why it happened; the letter states no cause you did "
        "not give.",
        f"报表数据显示：{summary} 这指向根本原因“{cause}”。如果确实如此，请在 root_causes 下添加 `kb: {cause}`，"
        "并在 `text:` 中说明原因；信中不会写入你没有确认的原因。",
        key="root_causes",
        seller=f"Your reports show: {summary} This points to the cause{title}. If that is what happened, use "
        "“Use as a root cause” beside this finding on the case page, or add a root cause saying why it "
        "happened; the letter states no cause you did not give.",
        seller_zh=f"报表数据显示：{said_zh}这指向根本原因{title_zh}。如果确实如此，请在申诉页面上"
        "这条发现旁点“用作根本原因”，或者添加一条根本原因，说明为什么会发生；信中不会写入您没有确认的原因。",
    )


def over_length(words: int, budget: int, longest: list[tuple[str, int]]) -> DraftWarning:
    items = ", ".join(f"{k} ({n} words)" for k, n in longest)
    items_zh = "、".join(f"{k}（{n} 词）" for k, n in longest)
    named = [(place_of(k), n) for k, n in longest]
    parts = _and([f"{en} ({n} words)" for (en, _), n in named if en])
    parts_zh = "、".join(f"{zh}（{n} 词）" for (_, zh), n in named if zh)
    return DraftWarning(
        "over-length",
        f"the letter has {words} words, over the budget of {budget}, even after shortening what may be "
        "shortened; nothing you gave was cut, and a reviewer reads it in minutes. Shorten the longest parts "
        f"first: {items}.",
        f"这封信有 {words} 个英文单词，即使精简了可以精简的部分，仍超过 {budget} 词的上限；您提供的内容一条都没有删，"
        f"但审核人员只会花几分钟看。请先精简最长的几条：{items_zh}。",
        seller=f"The letter has {words} words, over the limit of {budget}, even after shortening what could be "
        "shortened; nothing you gave was cut, but a reviewer reads it in minutes. Shorten the longest parts "
        f"first: {parts}.",
        seller_zh=f"这封信有 {words} 个英文单词，即使精简了可以精简的部分，仍超过 {budget} 词的上限；"
        f"您提供的内容一条都没有删，但审核人员只会花几分钟看。请先精简最长的几条：{parts_zh}。",
    )


FORM_FIELD_NAMES = {
    "root_cause": ("Root cause", "根本原因"),
    "actions_taken": ("Actions taken", "已采取的措施"),
    "preventive_measures": ("Preventive measures", "预防措施"),
}


def form_truncated(field: str, limit: int, dropped: list[str]) -> DraftWarning:
    names = ", ".join(dropped)
    field_en, field_zh = FORM_FIELD_NAMES.get(field, (field, field))
    named, named_zh = _places(dropped)
    return DraftWarning(
        "form-over-limit",
        f"the '{field}' answer did not fit in {limit} characters even with its points shortened, so these "
        f"were left out of the form answer (they remain in the letter): {names}. Shorten them or raise the "
        "limit with --form-limit.",
        f"“{field}”这一栏即使精简了各条内容，仍超过 {limit} 个字符，以下几条没有放进表单答案（信件正文里仍然保留）：{names}。"
        "请精简这些内容，或用 --form-limit 调高上限。",
        key=f"form.{field}",
        seller=f"The “{field_en}” answer for Amazon's appeal form did not fit in {limit} characters even with its "
        f"points shortened, so these were left out of the form answer (they stay in the letter): {_and(named)}. "
        "Shorten them.",
        seller_zh=f"申诉表单的“{field_zh}”一栏即使精简了各条内容，仍超过 {limit} 个字符，以下几条没有放进表单答案"
        f"（信件正文里仍然保留）：{'、'.join(named_zh)}。请精简这些内容。",
    )
