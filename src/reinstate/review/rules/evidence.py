"""Evidence and consistency rules (POA6xx): everything the notice cites is answered; numbers agree.

Rules that need the case (`--reason`, `--notice`) do nothing without it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from reinstate.kb import load_kb
from reinstate.notice.coverage import names_document
from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule

Hits = Iterator[tuple[int, int] | tuple[int, int, str, str]]
STOP = {
    "above",
    "below",
    "rate",
    "and",
    "the",
    "or",
    "of",
    "for",
    "policy",
    "violation",
    "complaints",
    "issue",
}


def _anchor(doc: ReviewDoc) -> tuple[int, int]:
    return doc.first("root_causes") if doc.sections["root_causes"] else doc.first("opening")


def _terms(phrases: list[str], name: str) -> list[str]:
    words = [w for w in re.findall(r"[a-z][a-z-]{2,}", name.lower()) if w not in STOP]
    return [p for p in phrases if len(p) >= 3] + [" ".join(words)] if words else phrases


@rule(
    "POA601",
    "evidence.reason_not_addressed",
    "error",
    message="The letter does not address one of the issues in the notice.",
    message_zh="信中没有回答通知里的某一个问题。",
    suggestion="Give this issue its own root cause, actions and measures; Amazon requires a response for each root cause.",
    suggestion_zh="为这个问题单独写出根本原因、已采取的措施和预防措施；亚马逊要求每个问题都要回答。",
    needs_context=True,
)
def reason_not_addressed(doc: ReviewDoc) -> Hits:
    """A deactivation can combine several issues; each must be answered, in the notice's own terms."""
    low = " ".join(doc.text.lower().split())
    for reason in doc.context.reasons:
        terms = [*_terms(reason.notice_phrases, reason.names.en), reason.letter.subject.lower()]
        if not any(re.search(r"(?<![a-z])" + re.escape(t) + r"(?![a-z])", low) for t in terms if t):
            yield _anchor(doc)


def _missing(doc: ReviewDoc, ids: tuple[str, ...], kind: str, kind_zh: str) -> Hits:
    """Each cited id the letter never names, named in the finding ("ASIN B0C4QZ7M21")."""
    for item in ids:
        if item.upper() not in doc.text.upper():
            yield (*_anchor(doc), f"{kind} {item}", f"{kind_zh} {item}")


@rule(
    "POA602",
    "evidence.asin_not_addressed",
    "error",
    message="An ASIN cited in the notice is not mentioned in the letter.",
    message_zh="通知中点名的某个 ASIN 在信中没有提到。",
    suggestion="Name every cited ASIN and say what you found and did for it (Amazon wants evidence for every ASIN under review).",
    suggestion_zh="逐一写出每个被点名的 ASIN，并说明针对它查到了什么、做了什么（亚马逊要求每个被审查的 ASIN 都有证据）。",
    needs_context=True,
)
def asin_not_addressed(doc: ReviewDoc) -> Hits:
    """Amazon asks for evidence for every product under review, listed at the bottom of the notice."""
    yield from _missing(doc, doc.context.asins, "ASIN", "ASIN")


@rule(
    "POA603",
    "evidence.order_not_addressed",
    "warning",
    message="An order cited in the notice is not mentioned in the letter.",
    message_zh="通知中点名的某个订单在信中没有提到。",
    suggestion="Name each cited order and what was done for that buyer (refund, replacement, reply).",
    suggestion_zh="写出每个被点名的订单，以及对该买家做了什么（退款、换货、回复）。",
    needs_context=True,
)
def order_not_addressed(doc: ReviewDoc) -> Hits:
    """Orders named in a notice are the ones the reviewer will check first."""
    yield from _missing(doc, doc.context.order_ids, "order", "订单")


@rule(
    "POA604",
    "evidence.complaint_not_addressed",
    "warning",
    message="A complaint ID from the notice is not mentioned in the letter.",
    message_zh="通知中的某个投诉编号在信中没有提到。",
    suggestion="Refer to each complaint ID so the reviewer can match your answer to it.",
    suggestion_zh="在信中写出每个投诉编号，方便审核人员对应。",
    needs_context=True,
)
def complaint_not_addressed(doc: ReviewDoc) -> Hits:
    """Complaint IDs identify the rights-owner or customer complaint the appeal answers."""
    yield from _missing(doc, doc.context.complaint_ids, "complaint ID", "投诉编号")


@rule(
    "POA605",
    "evidence.document_not_mentioned",
    "warning",
    message="A document the notice asks for is not mentioned in the letter.",
    message_zh="通知要求提供的某份文件在信中没有提到。",
    suggestion="Attach the requested document and name it in the letter; missing documents are a standard rejection.",
    suggestion_zh="附上通知要求的文件并在信中写明；缺少文件是常见的驳回理由。",
    needs_context=True,
)
def document_not_mentioned(doc: ReviewDoc) -> Hits:
    """ "You have not submitted required documents" is one of Amazon's standard rejection reasons."""
    documents = load_kb().documents
    for doc_id, name in doc.context.documents:
        if doc_id != "plan-of-action" and not names_document(doc_id, doc.text):
            name_zh = documents[doc_id].name.zh if doc_id in documents else name
            yield (*_anchor(doc), name[0].lower() + name[1:], name_zh)


RATIO = re.compile(r"\b(\d[\d,]*) (?:out )?of (?:the |our |all )?(\d[\d,]*)\b")
PERCENT = re.compile(r"\b(\d+(?:\.\d+)?) ?%")
GROWTH = re.compile(
    r"\b(rose|risen|grew|grown|increased?|up|growth|jump\w*|more than doubled)\W+(\w+\W+){0,2}$", re.I
)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@rule(
    "POA606",
    "evidence.inconsistent_numbers",
    "warning",
    message="A number that cannot be right: a part larger than its whole, a share over 100% or a date that does not exist.",
    message_zh="有不可能成立的数字：部分大于整体、比例超过 100%，或不存在的日期。",
    suggestion="Check the figure against your data; one wrong number makes the reviewer doubt the rest.",
    suggestion_zh="请对照数据核实这个数字；一个错误的数字会让审核人员怀疑其他内容。",
)
def inconsistent_numbers(doc: ReviewDoc) -> Hits:
    """Figures must agree with each other and with the documents; impossible ones undermine the plan."""
    for match in RATIO.finditer(doc.text):
        part, whole = (int(g.replace(",", "")) for g in match.groups())
        if part > whole:
            yield match.start(), match.end()
    for match in PERCENT.finditer(doc.text):
        before = doc.text[max(0, match.start() - 40) : match.start()]
        if float(match.group(1)) > 100 and not GROWTH.search(before):
            yield match.start(), match.end()
    for match in ISO_DATE.finditer(doc.text):
        try:
            dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            yield match.start(), match.end()
