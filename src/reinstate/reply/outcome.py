"""What Amazon decided: reinstated, more information needed, rejected, a final decision, or unknown.

Each outcome has phrases in English and Chinese; a sentence counts only when it states the decision,
not when it says what *would* happen ("If your plan is acceptable, we will reinstate your account",
"如果您的申诉被接受"). Precedence: a final decision outweighs everything (Amazon's last word often
repeats what was missing); a reinstatement counts when nothing negative stands beside it; a request for
more information outweighs a plain rejection, because the seller can still answer it.
"""

from __future__ import annotations

import re

from reinstate.reply.model import Outcome
from reinstate.reply.units import Unit

IC = re.IGNORECASE

CONDITIONAL = re.compile(
    r"^\s*(?:if|once|when|until|unless|to (?:reactivate|reinstate|restore))\b|\b(?:before|after) (?:you|we) (?:can|may|will)\b|\b(?:if|once|until|unless) "
    r"(?:you|we|your)\b|\bmay (?:be )?(?:reinstate|reactivate|eligible)|\bwill consider\b|\bin order to\b|"
    r"如果|若|一旦|为了|以便|之后才",
    IC,
)
FINAL = re.compile(
    r"\bfinal decision\b|\bdecision is final\b|\b(?:will|can) not (?:be )?(?:respond|reply)(?:ing)? to "
    r"(?:any )?(?:further|additional|more)\b|\bno (?:further|longer) (?:respond|reply|accept)|\bwill not (?:be )?"
    r"(?:reinstat|reactivat|restor)(?:e|ed|ing)\b|\b(?:have|has) decided not to (?:reinstate|reactivate|restore)\b|"
    r"\b(?:determined|decided) that (?:your )?(?:selling privileges|account) will not be (?:reinstated|reactivated|"
    r"restored)\b|\bnot (?:be )?eligible for (?:reinstatement|reactivation)\b|\bpermanently (?:deactivated|"
    r"removed|closed|suspended|revoked)\b|\bno longer (?:be )?(?:able|permitted|allowed) to sell\b|"
    r"\bnot (?:accept|consider) (?:any )?(?:further|additional|new) appeals?\b|最终决定|决定是最终|不会再(?:回复|答复|受理)|"
    r"不再(?:回复|答复|受理)|(?:不会|无法)恢复您的(?:销售权限|账户)|永久停用|永久(?:关闭|移除)",
    IC,
)
REINSTATED = re.compile(
    r"\b(?:has|have) been (?:reinstated|reactivated|restored|re-?enabled|unsuspended)\b|\b(?:we(?:'ve)?|have|has) "
    r"(?:now )?(?:reinstated|reactivated|restored|re-?enabled)\b|\b(?:is|are) (?:now )?(?:active|reinstated|reactivated) "
    r"(?:again|once again)\b|\b(?:is|are) now active\b|\byou (?:can|may) (?:now|again) (?:sell|list|resume)\b|\bresume "
    r"selling\b|\bappeal (?:has been|was|is) (?:approved|accepted|successful|granted)\b|\bwe(?:'ve| have) "
    r"(?:accepted|approved) your (?:appeal|plan of action)\b|\b(?:violation|complaint)s? (?:has|have) been "
    r"(?:removed|cleared|resolved)\b|\bnow eligible to sell\b|已(?:经)?(?:被)?恢复|已(?:经)?重新激活|已(?:经)?重新开启|"
    r"申诉(?:已)?(?:通过|获批|被接受)|已(?:经)?接受您的(?:申诉|行动计划)|可以(?:重新|继续)(?:销售|上架)|恢复了您的",
    IC,
)
NEGATIVE = re.compile(
    r"\b(?:not|n't|unable to|cannot|can't|never)\b[^.;]{0,30}\b(?:reinstat|reactivat|restor|accept|approv)|"
    r"\bremains? (?:deactivated|suspended|inactive|removed|blocked)|未(?:能)?恢复|无法恢复|不能恢复|仍(?:然)?(?:处于)?(?:停用|暂停)",
    IC,
)
# Amazon says outright that it needs more before it can decide.
MORE_INFO = re.compile(
    r"\b(?:do not|don't|did not) have (?:enough|sufficient) information\b|\b(?:need|needs|require|requires) "
    r"(?:more|additional|further) (?:information|details?|documents?)\b|\bmissing the following\b|\b(?:greater|more) "
    r"detail on\b|\bis (?:missing|incomplete)\b|\bcould not (?:complete|finish) (?:our|the) review\b|\bto (?:allow us "
    r"to )?continue (?:processing|our review|reviewing)\b|\bplease address the following\b|\bunable to complete (?:our|the) "
    r"review\b|(?:信息|资料|材料)(?:不足|不够|不完整)|没有足够的(?:信息|资料)|缺少以下|需要(?:更多|补充)(?:的)?(?:信息|资料)|无法完成(?:审核|审查)",
    IC,
)
# A plain request: the seller is asked to send something, whatever was decided.
REQUESTS = re.compile(
    r"\bplease (?:provide|submit|send|resubmit|include|upload|revise|write to us|reply|respond)\b|\b(?:resubmit|revise) "
    r"your\b|请(?:提供|提交|补充|上传|重新提交|修改)|需要(?:以下|您)",
    IC,
)
REJECTED = re.compile(
    r"\b(?:not|unable to|cannot|can't) (?:to )?(?:accept|approve|reinstate|reactivate|restore)\b|\bappeal (?:has been|was|is) "
    r"(?:denied|rejected|declined|unsuccessful|not (?:accepted|approved|successful))\b|\b(?:denied|rejected|declined) "
    r"your (?:appeal|request|plan)\b|\bremains? (?:deactivated|suspended|inactive|removed|blocked)\b|\bnot (?:sufficient|"
    r"acceptable|valid)\b|\bnot a valid plan\b|\bdoes not (?:meet|address|satisfy)\b|\bdetermined that\b[^.;]{0,60}"
    r"\b(?:not|invalid|forged|manipulated)\b|\b(?:has|have) been (?:temporarily |permanently )?deactivated\b|申诉(?:未|没有)(?:通过|被接受)|(?:拒绝|驳回)了?您的申诉|"
    r"无法(?:接受|批准|恢复)|不能(?:接受|恢复)|仍(?:然)?(?:处于)?(?:停用|暂停)|已被停用",
    IC,
)


# "We may not respond to further emails": a warning that comes with requests for more information too, so it
# decides only when nothing else in the reply does.
SOFT_FINAL = re.compile(
    r"\bmay not (?:be )?(?:respond|reply)(?:ing)? to (?:any )?(?:further|additional|more)\b", IC
)
# Wordings found in public replies beside the ones above (benchmarks/corpus/replies.csv).
FINAL = re.compile(FINAL.pattern + r"|\bineligible to sell\b", IC)
REINSTATED = re.compile(
    REINSTATED.pattern + r"|\b(?:have |has )?decided to (?:reinstate|reactivate|restore)\b|\bwelcome back\b",
    IC,
)
MORE_INFO = re.compile(
    MORE_INFO.pattern
    + r"|\bnot (?:consider (?:that|this|it) to be )?an? (?:valid|complete|acceptable|sufficient) plan\b"
    r"|\bplan (?:is|was) (?:not complete|incomplete|insufficient)\b",
    IC,
)


def _first(units: list[Unit], pattern: re.Pattern[str], *, conditional_ok: bool = False) -> str | None:
    for unit in units:
        found = pattern.search(unit.text)
        if found and (conditional_ok or not CONDITIONAL.search(unit.text[: found.start()] or unit.text)):
            return unit.text
    return None


def _reinstated(units: list[Unit]) -> str | None:
    for unit in units:
        found = REINSTATED.search(unit.text)
        if (
            found
            and not NEGATIVE.search(unit.text)
            and not CONDITIONAL.search(unit.text[: found.start()])
            and not re.search(r"\?|？", unit.text)
        ):
            return unit.text
    return None


def find_outcome(units: list[Unit], has_asks: bool) -> tuple[Outcome, str | None]:
    """The decision and the sentence it was read from (``("unknown", None)`` when nothing says).

    Order: a final decision; a reinstatement with nothing negative or asked beside it; Amazon saying it
    needs more; a warning that it may not answer again; a rejection (even one that lists what to send); a
    plain request or asks alone.
    """
    final = _first(units, FINAL)
    if final:
        return "final_decision", final
    reinstated = _reinstated(units)
    negative = _first(units, NEGATIVE) or _first(units, REJECTED)
    if reinstated and not negative and not has_asks:
        return "reinstated", reinstated
    more = _first(units, MORE_INFO, conditional_ok=True)
    if more:
        return "more_information", more
    soft_final = _first(units, SOFT_FINAL)
    if soft_final:
        return "final_decision", soft_final
    if negative:
        return "rejected", negative
    if reinstated:
        return "reinstated", reinstated
    request = _first(units, REQUESTS, conditional_ok=True)
    if request or has_asks:
        return "more_information", request
    return "unknown", None
