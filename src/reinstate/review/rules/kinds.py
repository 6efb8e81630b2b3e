"""Rules for the letters that are not a Plan of Action (``draft --kind``): a dispute, a retraction
request or a Seller Challenge must not admit a violation (POA560); an A-to-z response is short and
carries no attachments (POA150, POA151).

They hold for the letter kind the review context names (``ReviewContext.kind``); POA560 also holds for
any letter that presents itself as a dispute or a retraction request, so `reinstate review` catches a
self-contradicting dispute written elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule

NO_ADMISSION_KINDS = frozenset({"dispute", "retraction", "seller-challenge"})
ATOZ = "atoz-response"
ATOZ_MAX_WORDS = 150  # our budget, not Amazon's: the reviewer reads the claim, the order and this box
SELF_DISPUTE = re.compile(
    r"\bwe (?:respectfully )?(?:dispute|challenge)\b|\bdid not violate\b|\bno (?:policy )?violation (?:occurred|took place)\b|"
    r"\b(?:ask|request)(?:ing)? (?:you )?to retract\b|\bretract (?:the|your|this) complaint\b",
    re.I,
)
ADMISSION = re.compile(
    r"\b(?:we|i) (?:have |had )?(?:violated|infringed|breached|broke)\b|"
    r"\bour (?:mistake|error|fault|violation|infringement)s?\b|"
    r"\b(?:we|i) (?:fully |hereby )?(?:admit|confess)\b|"
    r"\b(?:we|i) (?:accept|acknowledge) (?:that )?(?=(?:we|our|the violation|the infringement|responsibility)\b)|"
    r"\b(?:we|i) take (?:full |complete )?responsibility\b|\bresponsibility (?:for [^.]{1,40} )?is ours\b|"
    r"\bwe (?:are|were) (?:at fault|wrong|responsible)\b|\broot causes?\b|"
    r"\b(?:sorry|apologi[sz]e) for (?:the|this|our) (?:violation|infringement|mistake|error)\b",
    re.I,
)
ATTACHMENT = re.compile(r"\b(?:attach\w*|enclos\w*|exhibits?\b|see the (?:file|document|screenshot))", re.I)
BSM = re.compile(r"buyer[- ]seller messag", re.I)


@rule(
    "POA560",
    "tone.admits_violation",
    "error",
    message="A dispute or retraction request that admits a violation: the admission is what Amazon (or the rights owner) will act on.",
    message_zh="异议或撤诉请求里承认了违规：亚马逊（或权利人）会依据这句承认来处理。",
    suggestion="State only what shows there was no violation, with its proof; if a violation did happen, send a Plan of Action instead.",
    suggestion_zh="只写能证明没有违规的事实和证明材料；如果确实违规了，请改为提交行动计划。",
)
def admits_violation(doc: ReviewDoc) -> Iterator[tuple[int, int]]:
    """A dispute, a retraction request or a Seller Challenge argues that there was no violation. A
    sentence that admits one ("we infringed", "our mistake", "we take responsibility", a "root cause")
    contradicts the letter and hands the reader the reason to refuse. Holds for those letter kinds, and
    for any letter that presents itself as a dispute or a request to retract."""
    if doc.context.kind not in NO_ADMISSION_KINDS and not SELF_DISPUTE.search(doc.text):
        return
    for match in ADMISSION.finditer(doc.text):
        yield match.start(), match.end()


@rule(
    "POA150",
    "structure.atoz_too_long",
    "warning",
    message=f"An A-to-z claim response over {ATOZ_MAX_WORDS} words: the box is for the facts of one order.",
    message_zh=f"A-to-z 索赔回复超过 {ATOZ_MAX_WORDS} 个词：回复框只用来说明这一笔订单的事实。",
    suggestion="Keep the dispatch date, carrier, tracking, delivery and what the buyer was told; cut the rest.",
    suggestion_zh="保留发货日期、承运商、追踪号、妥投情况和您对买家说过的话，其余删掉。",
)
def atoz_too_long(doc: ReviewDoc) -> Iterator[tuple[int, int]]:
    """Amazon's help asks for the information that helps it understand the claim (dispatch, proof of
    delivery, tracking, correspondence) within 48 hours. A long letter buries it. Holds only for the
    letter kind ``atoz-response``."""
    if doc.context.kind != ATOZ:
        return
    if len(doc.text.split()) > ATOZ_MAX_WORDS:
        yield doc.first("opening") if doc.parts("opening") else (0, min(len(doc.text), 80))


@rule(
    "POA151",
    "structure.atoz_attachment",
    "error",
    message="An A-to-z claim response that refers to an attachment: the Respond to Amazon box takes none.",
    message_zh="A-to-z 索赔回复里提到了附件：“回复亚马逊”的回复框不能上传附件。",
    suggestion="Send the document to the buyer through Buyer-Seller Messages and write that you sent it there.",
    suggestion_zh="请通过买家与卖家消息把证明材料发给买家，并在回复中写明已通过该渠道发送。",
)
def atoz_attachment(doc: ReviewDoc) -> Iterator[tuple[int, int]]:
    """Amazon's help: "the text box does not support attachments"; documents go to the buyer through
    Buyer-Seller Messages and the response says so. A sentence naming an attachment or exhibit without
    Buyer-Seller Messages fails. Holds only for the letter kind ``atoz-response``."""
    if doc.context.kind != ATOZ:
        return
    for start, _end, text in doc.sentences():
        if BSM.search(text):
            continue
        found = ATTACHMENT.search(text)
        if found:
            yield start + found.start(), start + found.end()
