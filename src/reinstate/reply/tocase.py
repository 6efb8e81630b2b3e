"""What in a case must change to answer Amazon's reply: each ask mapped to the entries it concerns.

:func:`check_against` returns draft warnings (``DraftWarning``, the same kind ``draft`` gives, with a
message for the command line naming the case file's keys and a ``seller`` wording in English and
Chinese): which root causes lack numbers or evidence, which issue the reply names that no root cause
mentions, which actions lack a date or proof or are still planned, which measures lack an owner, a
start or a frequency, which documents are not attached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reinstate.case.schema import Case
from reinstate.letters.model import DraftWarning
from reinstate.letters.phrasing import resolve_case
from reinstate.notice.coverage import names_document
from reinstate.reply.model import Ask, Reply
from reinstate.reply.steps import DOC_NAMES

if TYPE_CHECKING:
    from reinstate.letters.model import Draft

WORD = re.compile(r"[a-z]+")
HAN = re.compile(r"[\u4e00-\u9fff]")
STOP = frozenset(
    {"the", "a", "an", "of", "on", "in", "to", "for", "and", "or", "with", "from", "by", "at", "your", "you"}
    | {"their", "our", "this", "that", "these", "those", "was", "were"}
)
# Words nearly every cause and issue has; an issue is recognised by its other words.
COMMON = frozenset({"buyer", "customer", "receiv", "order", "item", "product", "complaint", "sell", "seller"})
COMMON_ZH = frozenset("买家顾客客户收到订单商品产品投诉")
PLANNED = re.compile(r"\b(?:will|plan(?:s|ned)? to|going to|intend to|shall)\b|将会|计划|打算", re.IGNORECASE)
DIGIT = re.compile(r"\d")
KIND_DOCUMENTS = {
    "invoice_required": ("invoices",),
    "identity_verification": ("identity-document",),
}
NOT_INVOICE = re.compile(r"order confirmation|receipt|pro ?forma|订单确认|收据|形式发票", re.IGNORECASE)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2}


def mentions(issue: str, texts: Iterable[str]) -> bool:
    """Whether any text speaks of the issue: its telling words ("defective", "different"; not "buyers",
    "received", "items", which every cause has), or in Chinese most of its character pairs."""
    texts = list(texts)
    if HAN.search(issue):
        pairs = {
            issue[i : i + 2] for i in range(len(issue) - 1) if HAN.match(issue[i]) and HAN.match(issue[i + 1])
        }
        telling_pairs = {p for p in pairs if not set(p) <= COMMON_ZH} or pairs
        return any(
            telling_pairs and sum(p in t for p in telling_pairs) >= 0.6 * len(telling_pairs) for t in texts
        )
    wanted = _words(issue)
    telling = wanted - COMMON or wanted
    need = math.ceil(0.6 * len(telling))
    return bool(telling) and any(len(telling & _words(t)) >= need for t in texts)


def _w(
    code: str, key: str | None, en: str, zh: str, seller: str | None = None, seller_zh: str | None = None
) -> DraftWarning:
    return DraftWarning(code, en, zh, key=key, seller=seller or en, seller_zh=seller_zh or zh)


def _root_causes(ask: Ask, case: Case, letter: Draft | None) -> list[DraftWarning]:
    said = (
        f"Amazon's reply asks for more detail on the root cause{f' of “{ask.reason}”' if ask.reason else ''}"
    )
    said_zh = f"亚马逊的回复要求把根本原因{f'（“{ask.reason}”）' if ask.reason else ''}写得更详细"
    if not case.root_causes:
        return [
            _w(
                "reply-no-root-cause",
                "root_causes",
                f"{said}, and the case gives none. Add what went wrong, when and how many.",
                f"{said_zh}，而申诉资料里没有任何根本原因。请补充具体出了什么问题、什么时间、涉及多少。",
            )
        ]
    out: list[DraftWarning] = []
    if ask.reason:
        texts = [" ".join(filter(None, (c.text, c.text_zh, c.evidence))) for c in case.root_causes]
        if letter is not None:
            texts += [i.text for i in letter.letter.root_causes]
        if not mentions(ask.reason, texts):
            out.append(
                _w(
                    "reply-issue-not-answered",
                    "root_causes",
                    f"{said}, and no root cause mentions it. Add a root cause that explains “{ask.reason}”: what went wrong, "
                    "when, how many orders, and the records that prove it.",
                    f"{said_zh}，但没有任何一条根本原因提到它。请添加一条根本原因，解释“{ask.reason}”：出了什么问题、什么时间、"
                    "涉及多少订单，以及能证明的记录。",
                )
            )
    for n, cause in enumerate(case.root_causes):
        text = " ".join(filter(None, (cause.text, cause.evidence)))
        lacks = [
            w
            for w, missing in (("evidence", not cause.evidence), ("numbers", not DIGIT.search(text)))
            if missing
        ]
        if lacks:
            zh = "、".join({"evidence": "证据", "numbers": "具体数字"}[x] for x in lacks)
            out.append(
                _w(
                    "reply-root-cause-thin",
                    f"root_causes[{n}]",
                    f"{said}; this cause has no {' and no '.join(lacks)}. Add how many orders or units it explains, over "
                    "which dates, and what proves it (evidence:).",
                    f"{said_zh}；这条原因缺少{zh}。请补充它解释了多少订单或件数、发生在哪些日期，以及证明它的记录（evidence:）。",
                    f"{said}; this cause has no {' and no '.join(lacks)}. Add how many orders or units it explains, over "
                    "which dates, and what proves it.",
                    f"{said_zh}；这条原因缺少{zh}。请补充它解释了多少订单或件数、发生在哪些日期，以及证明它的记录。",
                )
            )
    return out


def _actions(ask: Ask, case: Case) -> list[DraftWarning]:
    not_done = ask.kind == "actions_not_implemented"
    said = (
        "Amazon's reply says actions you listed are not implemented"
        if not_done
        else "Amazon's reply asks for more detail on the actions you have taken"
    )
    said_zh = (
        "亚马逊的回复认为您列出的措施尚未落实" if not_done else "亚马逊的回复要求把已采取的措施写得更详细"
    )
    if not case.actions_taken:
        return [
            _w(
                "reply-no-actions",
                "actions_taken",
                f"{said}, and the case lists none. Add each action already done, with its date and proof.",
                f"{said_zh}，而申诉资料里没有列出任何已采取的措施。请逐条补充已经完成的措施，写上日期和证明材料。",
            )
        ]
    out: list[DraftWarning] = []
    for n, action in enumerate(case.actions_taken):
        problems = _action_problems(action.done, action.text, action.date is not None, bool(action.evidence))
        if problems:
            out.append(
                _w(
                    "reply-action-unproven",
                    f"actions_taken[{n}]",
                    f"{said}; for this action {'; '.join(p[0] for p in problems)}.",
                    f"{said_zh}；这项措施{'；'.join(p[1] for p in problems)}。",
                    f"{said}; for this action {'; '.join(p[2] for p in problems)}.",
                    f"{said_zh}；这项措施{'；'.join(p[3] for p in problems)}。",
                )
            )
    return out


def _action_problems(
    done: bool, text: str | None, dated: bool, proven: bool
) -> list[tuple[str, str, str, str]]:
    """What an action lacks, for the command line (naming keys) and for the seller, in English and Chinese."""
    problems: list[tuple[str, str, str, str]] = []
    if not done or PLANNED.search(text or ""):
        en = "it is still planned: finish it and mark it done with its date, or move it to the preventive measures"
        zh = "它还在计划中：请先完成并写上完成日期，或者移到预防措施"
        problems.append((en, zh, en, zh))
    if not dated:
        problems.append(("it has no date (date:)", "没有完成日期（date:）", "it has no date", "没有完成日期"))
    if not proven:
        problems.append(
            (
                "nothing proves it (evidence:)",
                "没有证明材料（evidence:）",
                "nothing proves it",
                "没有证明材料",
            )
        )
    return problems


def _measures(case: Case) -> list[DraftWarning]:
    said, said_zh = (
        "Amazon's reply asks for more detail on the preventive measures",
        "亚马逊的回复要求把预防措施写得更详细",
    )
    if not case.preventive_measures:
        return [
            _w(
                "reply-no-measures",
                "preventive_measures",
                f"{said}, and the case lists none. Add each with its owner, start date and frequency.",
                f"{said_zh}，而申诉资料里没有任何预防措施。请逐条补充，并写上负责人、开始日期和执行频率。",
            )
        ]
    out: list[DraftWarning] = []
    for n, m in enumerate(case.preventive_measures):
        lacks = [
            (en, zh)
            for en, zh, value in (
                ("an owner", "负责人", m.owner),
                ("a start date", "开始日期", m.start),
                ("a frequency", "执行频率", m.frequency),
            )
            if not value
        ]
        if lacks:
            out.append(
                _w(
                    "reply-measure-vague",
                    f"preventive_measures[{n}]",
                    f"{said}; this measure has no {' and no '.join(x[0].split(' ', 1)[1] for x in lacks)}: add "
                    f"{', '.join(x[0] for x in lacks)} (owner:, start:, frequency:).",
                    f"{said_zh}；这项预防措施缺少{'、'.join(x[1] for x in lacks)}，请补充（owner:、start:、frequency:）。",
                    f"{said}; add to this measure {', '.join(x[0] for x in lacks)}.",
                    f"{said_zh}；请给这项预防措施补充{'、'.join(x[1] for x in lacks)}。",
                )
            )
    return out


def _documents(ask: Ask, case: Case) -> list[DraftWarning]:
    attached = " \n".join(
        [
            *case.attachments,
            *(a.evidence or "" for a in case.actions_taken),
            *(c.evidence or "" for c in case.root_causes),
        ]
    )
    out: list[DraftWarning] = []
    if ask.kind in {"documents_invalid", "documents_forged"}:
        forged = ask.kind == "documents_forged"
        en = (
            "Amazon's reply says a document you sent appears altered or forged. Send the originals exactly as the "
            "supplier issued them (or new ones from the supplier), explain any change, and never edit a document yourself."
            if forged
            else "Amazon's reply says the documents you sent were not accepted. Replace them with complete, "
            "legible copies that meet Amazon's requirements before you answer."
        )
        zh = (
            "亚马逊的回复认为您提交的文件经过修改或伪造。请提交供应商开具的原件（或请供应商重新开具），说明任何改动，切勿自行修改文件。"
            if forged
            else "亚马逊的回复表示您提交的文件不被接受。回复之前，请换成完整、清晰并符合亚马逊要求的文件。"
        )
        out.append(_w("reply-documents-replace", "attachments", en, zh))
    wanted = list(dict.fromkeys([*ask.documents, *KIND_DOCUMENTS.get(ask.kind, ())]))
    for doc_id in wanted:
        if doc_id in DOC_NAMES and not names_document(doc_id, attached):
            name, name_zh = DOC_NAMES[doc_id]
            out.append(
                _w(
                    "reply-document-missing",
                    "attachments",
                    f"Amazon's reply asks for {name}, and the case's attachments do not list it. Add it under attachments.",
                    f"亚马逊的回复要求提供{name_zh}，但申诉资料的附件中没有。请在 attachments 下添加。",
                    f"Amazon's reply asks for {name}, and your exhibits do not list it. Add it as an exhibit.",
                    f"亚马逊的回复要求提供{name_zh}，但您的附件中没有。请把它添加为附件。",
                )
            )
    if ask.kind == "invoice_required" and NOT_INVOICE.search(attached):
        out.append(
            _w(
                "reply-not-an-invoice",
                "attachments",
                "Amazon's reply asks for invoices, and the attachments name an order confirmation, receipt or pro forma; "
                "Amazon does not accept those as invoices. Attach the supplier's invoices.",
                "亚马逊的回复要求发票，而附件中是订单确认、收据或形式发票；亚马逊不接受这些作为发票。请附上供应商开具的发票。",
            )
        )
    compliance = ask.kind == "compliance_evidence"
    if not wanted and ask.kind in {"documents_missing", "compliance_evidence"}:
        out.append(
            _w(
                "reply-document-missing",
                "attachments",
                f"Amazon's reply asks for {'proof of compliance' if compliance else 'documents'}: “{ask.text}”. "
                "Check that the attachments answer it.",
                f"亚马逊的回复要求提供{'合规证明' if compliance else '文件'}：“{ask.text}”。请确认附件能满足这一要求。",
            )
        )
    return out


def check_against(reply: Reply, case: Case, letter: Draft | None = None) -> list[DraftWarning]:
    """Warnings for every ask of ``reply`` that ``case`` (and the drafted ``letter``, when given) does not answer."""
    if reply.outcome == "reinstated":
        return []
    case = resolve_case(case)  # phrase entries written out, so they are read like typed text
    out: list[DraftWarning] = []
    if reply.outcome == "final_decision":
        out.append(
            _w(
                "reply-final-decision",
                None,
                "Amazon's reply calls its decision final; sending this letter through the same channel may go unanswered. "
                "Send it only with genuinely new facts or documents.",
                "亚马逊的回复表示这是最终决定；通过同一渠道发送这封申诉信可能得不到回复。只有掌握了真正新的事实或文件时才发送。",
            )
        )
    done: set[str] = set()  # the actions and the measures are checked once, whatever asks about them
    for ask in reply.asks:
        if ask.kind == "root_cause_detail":
            out += _root_causes(ask, case, letter)
        elif ask.kind in {"actions_detail", "actions_not_implemented"}:
            if "actions" not in done:
                kinds = {a.kind for a in reply.asks}
                first = (
                    next(a for a in reply.asks if a.kind == "actions_not_implemented")
                    if ("actions_not_implemented" in kinds)
                    else ask
                )
                out += _actions(first, case)
                done.add("actions")
        elif ask.kind == "prevention_detail":
            if "measures" not in done:
                out += _measures(case)
                done.add("measures")
        elif ask.kind == "other":
            out.append(
                _w(
                    "reply-other-ask",
                    None,
                    f"Amazon's reply also asks: “{ask.text}”. Make sure the letter answers it.",
                    f"亚马逊的回复还要求：“{ask.text}”。请确认申诉信回答了这一项。",
                )
            )
        else:
            out += _documents(ask, case)
    return list(dict.fromkeys(out))
