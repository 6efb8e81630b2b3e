"""What Amazon's reply asks the seller to fix, sentence by sentence (English and Chinese).

Each kind has a *topic* (what the sentence is about: the root cause, the actions, documents...) and is
an ask only where the sentence, or the list it stands in, asks for something or says what is wrong
("greater detail on", "have not been implemented", "appear to be forged", "请提供"). One sentence may
hold several kinds ("Greater detail on the root cause, the actions and the preventive steps"). An
ask's ``reason`` is the issue the sentence names ("buyers receiving defective items"), never a
generic word ("the issue", "this violation").
"""

from __future__ import annotations

import re

from reinstate.notice.requests import DOCUMENTS
from reinstate.reply.model import Ask, AskKind
from reinstate.reply.units import Unit

IC = re.IGNORECASE

# "more detail", "not clear", "请详细说明": the sentence says a part of the plan falls short.
SHORT = re.compile(
    r"\b(?:greater|more|further|additional|sufficient|enough|specific|more specific) (?:detail|details|"
    r"information|explanation)|\bin detail\b|\bdetailed\b|\binsufficient\b|\b(?:un|not )clear\b|\bvague\b|"
    r"\bnot (?:specific|sufficient|enough|identified|explained|addressed|included|provided)\b|\bexplain\b|"
    r"\bidentify\b|\bdescribe\b|\bmissing\b|\black(?:s|ing)?\b|\bdid not (?:include|provide|explain|address)\b|"
    r"详细|具体|说明|补充|不清楚|不够|不足|未(?:能)?(?:说明|提供|解释)|缺少",
    IC,
)
TOPICS: dict[str, re.Pattern[str]] = {
    "root_cause_detail": re.compile(
        r"\broot[- ]?causes?\b|\bcause of (?:the|this|these)\b|\bissues?(?:\(s\))? (?:that|which) (?:you believe )?"
        r"(?:caused|led to)\b|\bwhat caused\b|根本原因|问题原因",
        IC,
    ),
    "actions_detail": re.compile(
        r"\b(?:corrective )?actions? (?:you(?:'ve| have)? )?(?:have )?(?:taken|implemented|completed)\b|"
        r"\bcorrective actions?\b|\b(?:steps|actions) (?:you(?:'ve| have)? )?(?:have )?taken to "
        r"(?:resolve|address|fix|correct|remedy)\b|已采取的(?:措施|行动)|纠正措施|采取的措施|解决(?:此|该|这个)?问题",
        IC,
    ),
    "prevention_detail": re.compile(
        r"\bprevent(?:ive|ative|ion|ing)?\b|\bgoing forward\b|\bin the future\b|\brecur|\bfrom happening again\b|"
        r"预防|防止|避免[^。]{0,20}再次",
        IC,
    ),
}
NOT_IMPLEMENTED = re.compile(
    r"\b(?:ha(?:ve|s)|had) not (?:yet )?been (?:implemented|completed|taken|closed|removed|deleted|resolved|"
    r"fixed|corrected|addressed)|\bnot (?:yet )?(?:been )?(?:implemented|put in place|in effect)\b|"
    r"\bmake sure all corrective actions have been completed\b|\bwithout (?:having )?implement|"
    r"\b(?:are|is|remain) still (?:active|live|available|listed|for sale|in violation)|\bstill (?:contain|include|show|"
    r"display)s?\b|尚未(?:落实|实施|执行|完成|删除|移除|生效)|没有(?:落实|实施|执行|完成)|未(?:落实|实施|执行)|仍(?:然)?(?:在售|存在)",
    IC,
)
DOC_WORD = (
    r"(?:documents?|documentation|invoices?|files?|attachments?|receipts?|letters?|statements?|bills?|"
    r"certificates?|licen[cs]es?|records?|evidence|information you (?:provided|submitted))"
)
FORGED = re.compile(
    r"\b(?:forged|manipulated|falsified|fabricated|tampered|doctored)\b|\baltered\b|\bnot (?:authentic|genuine)\b|"
    r"\bedited\b(?=[^.]{0,60}\b(?:documents?|invoices?|files?))|伪造|篡改|(?:被|经过)修改|不真实",
    IC,
)
INVALID = re.compile(
    DOC_WORD + r"[^.;]{0,80}?\b(?:invalid|not valid|illegible|unreadable|not legible|incomplete|could not be "
    r"(?:verified|validated|opened|read)|do(?:es)? not (?:meet|satisfy) (?:our |the )?requirements|not (?:acceptable|"
    r"accepted|sufficient)|insufficient|expired|blurry|out of date|older than)|\b(?:unable to|could not|cannot|can't) "
    r"(?:verify|validate|open|read|confirm)\b[^.;]{0,60}" + DOC_WORD + r"|\bdo(?:es)? not meet (?:our|the) "
    r"requirements\b|\bdocuments? (?:submitted|provided) (?:are|is|were|was) invalid|\binvalid\b|无效|无法(?:验证|核实|"
    r"打开|查看|识别)|不符合(?:要求|标准|规定)|不清晰|模糊不清|不完整|已过期",
    IC,
)
MISSING = re.compile(
    r"\b(?:not|never) (?:yet )?(?:submitted|provided|included|attached|sent|received)\b[^.;]{0,40}"
    + DOC_WORD
    + r"|\b(?:submitted|provided|included|attached) (?:no|none of the)\b|"
    + DOC_WORD
    + r"[^.;]{0,30}\b(?:missing|not (?:attached|included|received))\b|\bmissing (?:documents?|documentation|"
    r"attachments?|invoices?)\b|\b(?:submit|provide|send|attach|include|upload|resubmit)\b[^.;]{0,40}\b(?:documents?|"
    r"documentation|copies|copy of|proof|records|statements?|letters? of authori[sz]ation|licen[cs]e|"
    r"certificates?|confirmation)\b|未(?:提交|提供|附上)[^。]{0,20}(?:文件|材料|证明)|缺少[^。]{0,20}(?:文件|材料|证明)|"
    r"请(?:提供|提交|上传)[^。]{0,30}(?:文件|材料|证明|授权书|执照|记录|对账单)",
    IC,
)
INVOICE = re.compile(
    r"\b(?:provide|submit|send|include|attach|upload|need|require|resubmit)\b[^.;]{0,50}\binvoices?\b|"
    r"\binvoices?\b[^.;]{0,40}\b(?:required|needed|missing|must)\b|\border confirmation\b[^.;]{0,80}\binvoice|"
    r"\b(?:receipts?|pro ?forma|order confirmations?) (?:is|are) not (?:an )?invoices?|"
    r"请(?:提供|提交|上传)[^。]{0,20}发票|发票[^。]{0,10}(?:缺失|不足|不符合)|不是(?:正式)?发票",
    IC,
)
COMPLIANCE = re.compile(
    r"\btest reports?\b|\blab(?:oratory)? (?:tests?|reports?|results?)\b|\bcertificates? of (?:conformity|compliance|"
    r"analysis)\b|\bsafety data sheets?\b|\b(?:CPC|CPSIA|GCC|SDS|MSDS|EPA|FDA|FCC|UKCA)\b|\bCE (?:marking|"
    r"certificate|declaration)\b|\bdeclaration of conformity\b|\bcompliance (?:documents?|documentation|evidence|"
    r"information|certificates?)\b|\bproof of compliance\b|\bcomplies? with\b[^.;]{0,40}\b(?:regulations?|standards?|"
    r"laws?)\b|检测报告|合规(?:文件|证明|材料|信息)|认证证书|合格证书|符合性声明",
)
# "Evidence or examples that demonstrate that your account complies with our policy": proof of compliance.
COMPLIANCE = re.compile(
    COMPLIANCE.pattern
    + r"|\b(?:evidence|examples)\b[^.;]{0,60}\b(?:compl(?:y|ies|ied)|(?:is|are) compliant)\b"
    r"|\bhow your (?:account|products?) (?:has|have) not violated\b",
    IC,
)
IDENTITY = re.compile(
    r"\bverify (?:your |the )?(?:[^.;]{0,40}\b)?identity\b|\bidentity (?:verification|documents?|card)\b|\bgovernment[- ]issued "
    r"(?:photo )?(?:id|identification)\b|\bpassports?\b|\bnational id\b|\bid card\b|\bdriver'?s licen[cs]e\b|"
    r"\bvideo (?:call|interview|verification)\b|\bverification (?:call|interview)\b|\bin-person verification\b|"
    r"\butility bills?\b|身份(?:验证|证|信息|证明)|护照|视频(?:验证|通话|面谈|会议)|水电(?:费|煤)?账单",
    IC,
)
REPLACEMENT = re.compile(
    r"\b(?:updated|corrected|revised|new|valid|legible|complete|clearer|unaltered|original)\s+(?:copies|copy|versions?|"
    r"documents?|documentation|invoices?|files?)|重新(?:提交|上传)[^。]{0,10}(?:有效|清晰|完整)",
    IC,
)
# Documents bullets name that the knowledge base has no id for.
OTHER_DOCUMENTS = re.compile(
    r"\border confirmations?\b|\b(?:shipment |shipping )?tracking (?:information|numbers?|details)\b|"
    r"\bbrand registration\b|\bimport (?:and export )?documents?\b|\bcustoms\b|\bauthori[sz]ation letters?\b|"
    r"订单确认|物流(?:信息|单号)|进出口|报关",
    IC,
)
REASON_EN = (
    re.compile(
        r"\b(?:root[- ]?causes?(?:\(s\))? (?:of|for|behind|that led to|leading to)|issues?(?:\(s\))? (?:that|which) "
        r"(?:you believe )?(?:caused|led to)) (.+)",
        IC,
    ),
    re.compile(
        r"\b(?:actions?|steps)(?: (?:you(?:'ve| have)?|that you have))? (?:have )?(?:taken|implemented) to "
        r"(?:resolve|address|fix|correct|remedy) (.+)",
        IC,
    ),
    re.compile(r"\b(?:(?:steps|measures|actions)[^.;]{0,40}?\bto|how (?:you|to)(?: will)?) prevent (.+)", IC),
)
REASON_ZH = (
    re.compile(r"(?:导致|造成|引起)([^，。；：,;]{2,30}?)(?:问题)?的根本原因"),
    re.compile(r"关于([^，。；：,;]{2,30}?)(?:问题)?的根本原因"),
    re.compile(r"(?:解决|处理)([^，。；：,;]{2,30}?)(?:问题)?(?:而|所)?(?:已)?采取的"),
    re.compile(r"(?:防止|避免)([^，。；：,;]{2,30}?)(?:问题)?(?:再次发生|再次出现|重复发生)"),
)
REASON_END = re.compile(
    r"\s*(?:[.;:!?]|,? and (?:on |in )?(?:the )?(?:actions|steps|measures|corrective|preventive)|,? as well as\b| going forward\b|"
    r" in the future\b| from (?:happening|occurring|recurring)\b| (?:again|moving forward)\b|\(|$)",
    IC,
)
CAUSED_BY = re.compile(r"^issues?(?:\(s\))? (?:that|which) (?:you believe )?(?:caused|led to) ", IC)
ARTICLE = re.compile(r"^(?:(?:the|this|these|those|your|such|any|all|a|an|future|further|similar)\s+)+", IC)
GENERIC = re.compile(
    r"^(?:issues?|problems?|concerns?|violations?|policy violations?|complaints?|it|them|this|that|same|"
    r"(?:this|the|these) (?:issues?|problems?)|issues? (?:that|which) (?:caused|led to) .*|"
    r"(?:problems?|issues?) (?:identified|cited|mentioned)(?: above)?|[^ ]+ (?:above|below)|"
    r"future|recurrence|going forward|moving forward|in the future|(?:it|this|them) from .*)$",
    IC,
)
TRAILING_GENERIC = re.compile(r"\s+(?:issues?|problems?|concerns?)$", IC)
ZH_GENERIC = {"此", "该", "这个", "这些", "此类", "该问题", "此问题", "这一问题", "问题", "违规"}


def _reason(text: str, kind: AskKind) -> str | None:
    """The issue a sentence names, or ``None`` when it names only a generic one."""
    if kind not in {"root_cause_detail", "actions_detail", "prevention_detail"}:
        return None
    order = {"root_cause_detail": 0, "actions_detail": 1, "prevention_detail": 2}[kind]
    found = REASON_EN[order].search(text)
    if found:
        value = found.group(1)
        end = REASON_END.search(value)
        value = value[: end.start()] if end else value
        value = ARTICLE.sub("", CAUSED_BY.sub("", ARTICLE.sub("", value.strip(" ,\"'")))).strip()
        value = TRAILING_GENERIC.sub("", value) if len(value.split()) > 1 else value
        if value and not GENERIC.match(value) and len(value) <= 120:
            return value
        return None
    for pattern in REASON_ZH[order : order + 1] if order else REASON_ZH[:2]:
        zh = pattern.search(text)
        if zh and zh.group(1).strip() not in ZH_GENERIC:
            return zh.group(1).strip()
    return None


def _documents(text: str) -> tuple[str, ...]:
    """The knowledge-base ids of the documents a sentence names."""
    return tuple(
        doc_id for doc_id, pattern in DOCUMENTS if doc_id != "plan-of-action" and pattern.search(text)
    )


def _plan_kinds(unit: Unit) -> list[AskKind]:
    """Root cause, actions, prevention: each named part of the plan the sentence says falls short."""
    if not (unit.listed or SHORT.search(unit.text)):
        return []
    kinds: list[AskKind] = []
    text = unit.text
    plan_kinds: tuple[AskKind, ...] = ("root_cause_detail", "actions_detail", "prevention_detail")
    for kind in plan_kinds:
        if TOPICS[kind].search(text):
            kinds.append(kind)
    return kinds


def _document_kinds(unit: Unit) -> list[AskKind]:
    text = unit.text
    kinds: list[AskKind] = []
    if FORGED.search(text):
        kinds.append("documents_forged")
    elif INVALID.search(text):
        kinds.append("documents_invalid")
    if INVOICE.search(text) or (
        unit.listed and re.match(r"(?:copies of )?(?:supplier )?invoices?\b|发票", text, IC)
    ):
        kinds.append("invoice_required")
    if unit.asks and COMPLIANCE.search(text) and "documents_forged" not in kinds:  # forged: the same papers
        kinds.append("compliance_evidence")
    if unit.asks and IDENTITY.search(text):
        kinds.append("identity_verification")
    named = _documents(text) or OTHER_DOCUMENTS.search(text)
    missing = bool(MISSING.search(text))
    if (
        missing
        and REPLACEMENT.search(text)
        and "documents_invalid" not in kinds
        and "documents_forged" not in kinds
    ):
        kinds.append("documents_invalid")  # "provide updated documents": the ones sent were not accepted
    missing = missing and not REPLACEMENT.search(text)
    specific = {"invoice_required", "compliance_evidence", "identity_verification"} & set(kinds)
    if (missing and "documents_forged" not in kinds) or (
        unit.listed and named and not kinds and not specific
    ):
        kinds.append("documents_missing")
    return kinds


def kinds_of(unit: Unit) -> list[AskKind]:
    """Every ask kind one unit holds, in a fixed order."""
    kinds = _plan_kinds(unit)
    if NOT_IMPLEMENTED.search(unit.text):
        kinds.append("actions_not_implemented")
        if "actions_detail" in kinds and not SHORT.search(unit.text.split("implement")[0]):
            kinds.remove("actions_detail")
    kinds += _document_kinds(unit)
    if not kinds and unit.listed and unit.bullet:
        kinds.append("other")
    return list(dict.fromkeys(kinds))


def find_asks(units: list[Unit]) -> tuple[Ask, ...]:
    """The asks of the whole reply, each (kind, reason) once, quoting its first sentence."""
    seen: set[tuple[str, str | None]] = set()
    asks: list[Ask] = []
    for unit in units:
        for kind in kinds_of(unit):
            reason = _reason(unit.text, kind)
            if (kind, reason) in seen:
                continue
            seen.add((kind, reason))
            documents = (
                _documents(unit.text)
                if kind.startswith(("documents", "invoice", "compliance", "identity"))
                else ()
            )
            asks.append(Ask(kind=kind, text=unit.text[:500], reason=reason, documents=documents))
    return tuple(asks)
