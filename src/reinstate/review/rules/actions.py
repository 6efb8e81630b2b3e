"""Actions-taken rules (POA3xx): done, dated, and proven."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule
from reinstate.review.rules._phrases import hits

Hits = Iterator[tuple[int, int]]
DATE = re.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{4}\s*年\s*\d{1,2}\s*月|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?\b|"
    r"\b\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.I,
)
PROOF = re.compile(
    r"\b(attach\w*|enclos\w*|evidence|screenshots?|confirmations?|reports?|invoices?|records?|photos?|"
    r"receipts?|lists?|exports?|logs?|spreadsheets?|sheets?|exhibits? \d+|tracking (numbers?|ids?))\b",
    re.I,
)


@rule(
    "POA301",
    "actions.future_tense",
    "error",
    message="An 'action taken' written as an intention ('we will', 'we plan to'): Amazon rejects actions not yet implemented.",
    message_zh="“已采取的措施”写成了打算（we will、we plan to）：尚未落实的措施会被亚马逊驳回。",
    suggestion="Do it first, then write it in the past tense with its date; move what is still planned to the preventive measures.",
    suggestion_zh="先把事情做完，再用过去时并注明日期写进来；还在计划中的，移到预防措施里。",
)
def future_tense(doc: ReviewDoc) -> Hits:
    """Amazon's rejections say "the corrective action items you have listed have not been implemented"."""
    yield from hits(doc, "actions.future_tense", "actions_taken")


@rule(
    "POA302",
    "actions.no_dates",
    "warning",
    message="The actions taken carry no dates, so the reviewer cannot tell they are done.",
    message_zh="已采取的措施没有写日期，审核人员无法判断是否已经完成。",
    suggestion="Give each action the date it was completed, e.g. 'On 18 November 2026 we refunded all 12 buyers'.",
    suggestion_zh="给每条措施写上完成日期，例如“On 18 November 2026 we refunded all 12 buyers”。",
    cap=89,
)
def no_dates(doc: ReviewDoc) -> Hits:
    """Dated actions show implementation; undated ones read as promises."""
    if doc.sections["actions_taken"] and not DATE.search(doc.part_text("actions_taken")):
        yield doc.first("actions_taken")


@rule(
    "POA303",
    "actions.no_evidence",
    "info",
    message="The actions taken mention no evidence (screenshots, reports, confirmations).",
    message_zh="已采取的措施没有提到任何证明材料（截图、报表、确认记录）。",
    suggestion="Attach proof of each action and name it: refund report, updated listing screenshot, signed procedure.",
    suggestion_zh="为每条措施附上证明并在信中写明：退款报表、修改后的页面截图、签字的流程文件等。",
)
def no_evidence(doc: ReviewDoc) -> Hits:
    """Amazon asks for supporting evidence for all items; naming it lets the reviewer match it."""
    if doc.sections["actions_taken"] and not PROOF.search(doc.part_text("actions_taken")):
        yield doc.first("actions_taken")
