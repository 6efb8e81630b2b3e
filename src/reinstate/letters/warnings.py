"""Every warning a draft can carry, in English and Chinese, each saying exactly what to add.

Codes are stable: tools and the web app may key on them.
"""

from __future__ import annotations

import datetime as dt

from reinstate.kb.schema import Reason, RootCause
from reinstate.letters.model import DraftWarning


def _d(day: dt.date) -> str:
    return day.isoformat()


def reason_without_cause(reason: Reason) -> DraftWarning:
    ids = ", ".join(c.id for c in reason.root_causes[:4])
    questions_en = " ".join(q.en for q in reason.root_causes[0].questions[:2])
    return DraftWarning(
        "reason-without-root-cause",
        f"the case gives no root cause for '{reason.id}', so the letter cannot answer it. Add an entry under "
        f"root_causes with `reason: {reason.id}` saying what happened, when and how many "
        f"(typical causes: {ids}; see `reinstate reasons {reason.id}`). For example: {questions_en}",
        f"案例里没有给出“{reason.names.zh}”的根本原因，信中无法回答这一项。请在 root_causes 下添加一条，"
        f"写上 `reason: {reason.id}`，说明发生了什么、什么时间、涉及多少订单"
        f"（常见原因：{ids}；可运行 `reinstate reasons {reason.id} --lang zh` 查看）。",
        key="root_causes",
    )


def cause_without_reason(key: str, case_ids: list[str]) -> DraftWarning:
    return DraftWarning(
        "root-cause-without-reason",
        f"this case answers several reasons, so each root cause must say which one it explains. Add `reason:` "
        f"with one of {', '.join(case_ids)}. The cause was left out of the letter.",
        f"本案例涉及多个原因，每条根本原因都要注明对应哪一项。请添加 `reason:`，取值为 {', '.join(case_ids)} 之一。"
        "这条原因暂未写入信中。",
        key=key,
    )


def cause_for_other_reason(key: str, reason_id: str, case_ids: list[str]) -> DraftWarning:
    return DraftWarning(
        "root-cause-off-notice",
        f"this cause explains '{reason_id}', which is not among the case's reasons ({', '.join(case_ids)}). "
        "Amazon wants the cited issue answered, not others, so it was left out. Add the reason to `reasons:` "
        "only if the notice names it.",
        f"这条原因对应的是“{reason_id}”，不在本案例的原因（{', '.join(case_ids)}）之中。亚马逊只要求回答通知里点名的"
        "问题，所以没有写入信中。只有通知确实提到时，才把它加到 `reasons:` 里。",
        key=key,
    )


def cause_only_kb(key: str, kb_cause: RootCause | None) -> DraftWarning:
    questions = " ".join(q.en for q in kb_cause.questions[:2]) if kb_cause else ""
    questions_zh = " ".join(q.zh for q in kb_cause.questions[:2]) if kb_cause else ""
    return DraftWarning(
        "root-cause-generic",
        "this cause uses only the knowledge base's general wording. Add `text:` with what happened in your "
        f"case: dates, counts, ASINs or SKUs. {questions}".strip(),
        f"这条原因只用了知识库的通用表述。请添加 `text:`，写明你这次的具体情况：日期、数量、ASIN 或 SKU。{questions_zh}",
        key=key,
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
    )


def action_reads_as_plan(key: str) -> DraftWarning:
    return DraftWarning(
        "action-reads-as-plan",
        "this action is written as an intention ('will', 'plan to'), and Amazon rejects actions that are not "
        "implemented. If it is done, write what was done and the date; if not, move it to preventive_measures "
        "with an owner and a start date. It was left out of the letter.",
        "这条措施写成了打算（will、plan to），而亚马逊会驳回尚未落实的措施。如果已经完成，请写明做了什么和完成日期；"
        "如果还没做，请移到 preventive_measures，并写上负责人和开始日期。这条暂未写入信中。",
        key=key,
    )


def action_without_date(key: str) -> DraftWarning:
    return DraftWarning(
        "action-without-date",
        "this action has no date, so the letter cannot state it as done. Add `date: YYYY-MM-DD` (the day it was "
        "completed), or `done: false` if it is still planned. It was left out of the letter.",
        "这条措施没有日期，信中不能把它写成已完成。请添加 `date: YYYY-MM-DD`（完成的日期）；如果还没做，"
        "请写 `done: false`。这条暂未写入信中。",
        key=key,
    )


def planned_without_date(key: str) -> DraftWarning:
    return DraftWarning(
        "planned-action-without-date",
        "this planned action has no date. Add `date:` with the day it will be done; Amazon reads an undated "
        "promise as no commitment.",
        "这条计划中的措施没有日期。请用 `date:` 写上预计完成的日期；没有日期的承诺，亚马逊会当作没有承诺。",
        key=key,
    )


def action_in_future(key: str, day: dt.date, today: dt.date) -> DraftWarning:
    return DraftWarning(
        "action-in-future",
        f"the date {_d(day)} is after the case date {_d(today)}, so this action is not done yet. It is listed "
        "under the preventive steps with its due date, not as an action taken.",
        f"日期 {_d(day)} 晚于案例日期 {_d(today)}，说明这条措施还没完成。信中把它列为带截止日期的预防步骤，"
        "而不是已采取的措施。",
        key=key,
    )


def action_without_evidence(key: str) -> DraftWarning:
    return DraftWarning(
        "action-without-evidence",
        "no `evidence:` shows this action is done. Add what proves it (a screenshot, an export, a refund "
        "list) and attach it.",
        "没有 `evidence:` 证明这条措施已完成。请补充证明材料（截图、导出的表格、退款清单等）并作为附件提交。",
        key=key,
    )


def no_actions_taken() -> DraftWarning:
    return DraftWarning(
        "no-actions-taken",
        "the case has no completed, dated action. Amazon rejects plans whose corrective actions have not been "
        "implemented: do the repairs first (refunds, listing fixes, stock checks), then add each under "
        "actions_taken with its date and evidence.",
        "案例里没有任何带日期的已完成措施。亚马逊会驳回纠正措施尚未落实的行动计划：请先完成补救（退款、修改页面、"
        "检查库存等），再把每一项连同日期和证明写到 actions_taken 下。",
        key="actions_taken",
    )


def measure_incomplete(key: str, missing: list[str]) -> DraftWarning:
    names = {"owner": "负责人（owner）", "start": "开始日期（start）", "frequency": "频率（frequency）"}
    return DraftWarning(
        "measure-incomplete",
        f"this measure has no {', '.join(missing)}. Amazon expects every preventive measure to say who runs it, "
        "from when and how often.",
        f"这条预防措施缺少{'、'.join(names[m] for m in missing)}。亚马逊希望每条预防措施都写明谁负责、从何时开始、多久执行一次。",
        key=key,
    )


def no_measures() -> DraftWarning:
    return DraftWarning(
        "no-preventive-measures",
        "the case has no preventive measure. Add at least one per root cause under preventive_measures, each "
        "with owner, start and frequency.",
        "案例里没有预防措施。请在 preventive_measures 下为每条根本原因至少添加一条，并写明负责人、开始日期和频率。",
        key="preventive_measures",
    )


def not_english(key: str) -> DraftWarning:
    return DraftWarning(
        "not-english",
        "this text is not in English. Amazon reviews appeals in English: rewrite it in English before sending.",
        "这段文字不是英文。亚马逊用英文审核申诉，请改成英文后再提交。",
        key=key,
    )


def document_not_attached(reason: Reason, name: str, name_zh: str) -> DraftWarning:
    return DraftWarning(
        "document-not-listed",
        f"Amazon often asks for {name[0].lower() + name[1:]} for '{reason.id}'. If you send this, list it under attachments so "
        "the letter names it.",
        f"针对“{reason.names.zh}”，亚马逊常要求提供{name_zh}。如果你会提交，请写到 attachments 下，信中会列出。",
        key="attachments",
    )


KIND_NAMES = {"asin": ("ASIN", "ASIN"), "order": ("order", "订单"), "complaint": ("complaint ID", "投诉编号")}


def cited_item_not_covered(kind: str, value: str) -> DraftWarning:
    name, name_zh = KIND_NAMES.get(kind, (kind, kind))
    return DraftWarning(
        "cited-item-not-covered",
        f"the notice cites {name} {value}, but no root cause, action or fact in the case mentions it. Say what "
        f"you found and what you did for {value}; Amazon wants every cited item answered.",
        f"通知点名了{name_zh} {value}，但案例里的根本原因、措施和事实都没有提到它。请写明针对 {value} 查到了什么、"
        "做了什么；亚马逊要求每个被点名的项目都有回应。",
        key="root_causes",
    )


def requested_document_missing(doc_id: str) -> DraftWarning:
    return DraftWarning(
        "requested-document-missing",
        f"the notice asks for '{doc_id}', and neither the case's text nor its attachments name it. Attach it "
        "and list it under attachments; missing documents are a standard reason for rejection.",
        f"通知要求提供“{doc_id}”，但案例内容和附件清单里都没有。请附上这份文件并写进 attachments；"
        "缺少文件是常见的驳回理由。",
        key="attachments",
    )


def placeholder_seller() -> DraftWarning:
    return DraftWarning(
        "placeholder-seller",
        "the seller name is still the starter file's placeholder. Write your business name exactly as "
        "registered in Seller Central.",
        "卖家名称还是模板里的占位文字。请填写与卖家平台注册信息完全一致的公司名称。",
        key="seller.name",
    )


def reports_unusable(message: str) -> DraftWarning:
    return DraftWarning(
        "reports-unusable",
        f"the reports could not be analysed, so the letter uses no figures from them: {message}",
        f"报表无法分析，信中没有使用其中的数据：{message}",
        key="reports",
    )


def report_skipped(path: str, reason: str) -> DraftWarning:
    return DraftWarning(
        "report-skipped",
        f"{path} was not read: {reason}",
        f"{path} 没有被读取：{reason}",
        key="reports",
    )


def data_suggests_cause(cause: str, summary: str) -> DraftWarning:
    return DraftWarning(
        "data-suggests-cause",
        f"your reports show: {summary} This points to the cause '{cause}'. If it is what happened, add it under "
        f"root_causes with `kb: {cause}` and say in `text:` why it happened; the letter states no cause you did "
        "not give.",
        f"报表数据显示：{summary} 这指向根本原因“{cause}”。如果确实如此，请在 root_causes 下添加 `kb: {cause}`，"
        "并在 `text:` 中说明原因；信中不会写入你没有确认的原因。",
        key="root_causes",
    )


def over_length(words: int, budget: int, longest: list[tuple[str, int]]) -> DraftWarning:
    items = ", ".join(f"{k} ({n} words)" for k, n in longest)
    items_zh = "、".join(f"{k}（{n} 词）" for k, n in longest)
    return DraftWarning(
        "over-length",
        f"the letter has {words} words, over the budget of {budget}; a reviewer reads it in minutes. "
        f"Shorten the longest points first: {items}.",
        f"这封信有 {words} 个英文单词，超过了 {budget} 词的上限；审核人员只会花几分钟看。请先精简最长的几条：{items_zh}。",
    )


def form_truncated(field: str, limit: int, left_out: int) -> DraftWarning:
    return DraftWarning(
        "form-over-limit",
        f"the '{field}' answer did not fit in {limit} characters; its last {left_out} point(s) were left out of "
        "the form answer (they remain in the letter). Shorten the points or raise the limit with --form-limit.",
        f"“{field}”这一栏超过了 {limit} 个字符，最后 {left_out} 条没有放进表单答案（信件正文里仍然保留）。"
        "请精简内容，或用 --form-limit 调高上限。",
        key=f"form.{field}",
    )
