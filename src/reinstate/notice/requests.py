"""What a notice asks for and by when: documents (with the period they must cover) and the deadline.

Both are read sentence by sentence, because a request and its period or its time limit stand in
the same sentence ("Copies of invoices ... issued in the last 365 days", "If you do not send an
acceptable plan within 17 days ..."). A sentence that says a document is *not* needed adds nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from reinstate.notice.dates import date_at
from reinstate.notice.model import Deadline

DOCUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (doc_id, re.compile(pattern, re.IGNORECASE))
    for doc_id, pattern in (
        ("plan-of-action", r"plan of action|\bPOA\b|行动计划"),
        ("invoices", r"\binvoices?\b|receipts? from (?:your|the) suppliers?|发票"),
        ("letter-of-authorization", r"letters? of authori[sz]ation|\bLOAs?\b|授权书|授权信|授权函"),
        (
            "supplier-contacts",
            r"suppliers?'?s?'? contact|contact (?:information|details|info) (?:of|for|from) (?:your |the )?suppliers?|"
            r"supplier(?:'s)? (?:name|information)[^.]{0,60}(?:phone|address|website)|供应商(?:的)?联系(?:方式|信息)",
        ),
        ("trademark-registration", r"trademark registration|registration certificate|商标注册"),
        ("retraction", r"\bretract(?:ion|ed|s)?\b|撤诉|撤回投诉"),
        (
            "utility-bill",
            r"utility bills?|(?:electricity|gas|water|internet|broadband) bills?|水电(?:煤)?(?:费)?账单|公用事业(?:费)?账单|(?:煤气|天然气|电力|自来水|互联网)[^。]{0,30}账单",
        ),
        (
            "identity-document",
            r"(?:government[- ]issued|photo|national) (?:id|identification)\b|identity (?:document|card)|"
            r"\bpassports?\b|driver'?s licen[cs]e|身份证|护照",
        ),
        (
            "business-license",
            r"business licen[cs]es?|business registration (?:document|certificate)s?|营业执照",
        ),
        ("bank-statement", r"(?:bank|credit card) (?:account )?statements?|银行对账单|信用卡对账单"),
        (
            "safety-documents",
            r"test reports?|lab(?:oratory)? (?:test|report)s?|certificates? of (?:conformity|compliance)|"
            r"safety data sheets?|\bCPC\b|检测报告|认证证书|合格证书",
        ),
        (
            "product-photos",
            r"(?:photos?|pictures?|images?) (?:of|showing) (?:the |your )?(?:products?|items?|packaging|labels?)|产品(?:及包装)?照片|实物照片",
        ),
        (
            "shipping-records",
            r"proof of delivery|delivery (?:confirmation|evidence)|tracking (?:numbers?|details) for|妥投证明|物流追踪记录",
        ),
        ("pricing-records", r"price history|pricing (?:records|history)|定价记录|历史售价"),
        (
            "account-relationship-explanation",
            r"relationship between (?:the |your )?accounts|how (?:the|your) accounts are (?:related|connected)|账户之间的关系",
        ),
        (
            "account-reactivation-confirmation",
            r"(?:name|date) of (?:the )?(?:reinstated|reactivated) account|已恢复账户",
        ),
        (
            "dropship-supplier-agreement",
            r"drop ?shipping agreement|agreement with (?:your |the )?(?:drop ?ship\w* )?supplier|代发货协议",
        ),
    )
)
NOT_NEEDED = re.compile(
    r"(?:do not|don't|no) need|not (?:required|necessary|needed)|without (?:a |an )?$|no appeal|无需|不需要|不用|不必",
    re.IGNORECASE,
)
PERIOD_EN = re.compile(
    r"(?:last|past|previous|preceding|(?:issued|dated) within(?: the)?)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+(days?|months?|years?)",
    re.IGNORECASE,
)
# "within 17 days" alone is a deadline, not a period: a period looks back ("last", "过去") or
# dates the document ("issued within", "内开具").
PERIOD_ZH = re.compile(
    r"(?:过去|最近|近)\s*(\d+)\s*(天|日|个月|年)|(\d+)\s*(天|日|个月)(?:内|以内|之内)(?:开具|出具|签发)"
)
PERIOD_DOCS = {"invoices", "letter-of-authorization", "utility-bill", "bank-statement"}
ALWAYS_ASKED = {"plan-of-action", "retraction"}
REQUEST = re.compile(
    r"\b(?:send|provide|submit|upload|include|attach|copies of|the following|explain|tell us)\b|请提供|提交|上传|提供|附上",
    re.IGNORECASE,
)
CJK_END = re.compile(r"[\u4e00-\u9fff，。：；]")
CJK_START = re.compile(r"[\u4e00-\u9fff]")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；])\s*")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fourteen": 14, "fifteen": 15, "seventeen": 17, "twenty": 20, "twenty-one": 21,
    "twenty-four": 24, "thirty": 30, "forty-five": 45, "forty-eight": 48, "sixty": 60, "seventy-two": 72,
    "ninety": 90, "a": 1,
}  # fmt: skip
COUNT = r"(\d+|[a-z]+(?:-[a-z]+)?)(?:\s*\(\d+\))?"  # "17", "seventeen", "seven (7)"
DEADLINE_EN = (
    re.compile(
        r"\b(?:within|in the next|in)\s+" + COUNT + r"\s+(?:calendar |business |working )?(days?|hours?)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b"
        + COUNT
        + r"\s+(?:calendar |business |working )?(days?|hours?)\s+(?:after|from|of|following) (?:receiving|receipt|the date|this notification|this notice|this message)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\byou have " + COUNT + r"\s+(?:calendar |business |working )?(days?|hours?)\b", re.IGNORECASE
    ),
)
# A dated deadline: "by November 30, 2026", "no later than 30 November 2026", "before 2026-11-30".
BY_DATE_EN = re.compile(
    r"\b(?:by|before|no later than|not later than|on or before)\s+(?:the\s+)?", re.IGNORECASE
)
# "在 2026年11月30日之前", "请于 2026-11-30 前": the date comes first, "之前/以前/前" after it.
DATE_THEN_BEFORE_ZH = re.compile(r"\s*(?:之前|以前|前)")
ZH_DATE_START = re.compile(r"(?<![\d-])\d{4}\s*(?:年|[-/.])")
DEADLINE_ZH = re.compile(
    r"(?<!\d)(?<!过去)(?<!最近)(?<!近)(?<!过去 )(?<!最近 )(?<!近 )(\d+)\s*(?:个)?\s*(天|日|工作日|小时)\s*(?:内|之内|以内)"
)
ACTS = re.compile(
    r"\b(?:send|submit|provide|appeal|respond|reply|responses?|choose|complete|receive|plan|take action|"
    r"if you do not|if you don't|otherwise)\b|提交|发送|提供|申诉|回复|答复|否则|如果",
    re.IGNORECASE,
)
# Sentences with a time in them that is not the seller's time to answer Amazon: what Amazon will do,
# how long a review lasts, when funds may be requested, how fast to answer buyers.
NOT_A_DEADLINE = re.compile(
    r"\b(?:we will|we'll|expect|usually|typically|generally|our decision|should not exceed|recommend|"
    r"disbursements?)\b|\b(?:buyer|customer)s?'? (?:messages|enquiries|inquiries|questions)|\bof their messages\b|"
    r"我们将|通常|建议|买家(?:的)?(?:消息|咨询|询问)",
    re.IGNORECASE,
)


def paragraphs(lines: Iterable[str]) -> list[str]:
    """Blocks of text between blank lines, each joined into one line again."""
    out: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line:
            current.append(line)
        elif current:
            out.append(join_lines(current))
            current = []
    return out


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_END.split(paragraph) if s.strip()]


def sentences(lines: Iterable[str]) -> list[str]:
    """The text cut into sentences; a wrapped sentence is joined again across its lines."""
    return [s for paragraph in paragraphs(lines) for s in split_sentences(paragraph)]


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one paragraph as one line: a space at each seam, none between two Chinese characters."""
    parts: list[str] = []
    previous = ""
    for line in lines:
        if parts:
            cjk_seam = CJK_END.match(previous[-1:]) and CJK_START.match(line[:1])
            parts.append("" if cjk_seam else " ")
        parts.append(line)
        previous = line
    return "".join(parts)


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _period(sentence: str) -> tuple[int, int] | None:
    """The period a sentence states, in days, and where it stands in the sentence."""
    found = PERIOD_EN.search(sentence)
    if found and (count := _number(found.group(1))) is not None:
        unit = found.group(2).lower()
        if unit.startswith("year") or (unit.startswith("month") and count == 12):
            return 365, found.start()
        return (count * 30 if unit.startswith("month") else count), found.start()
    zh = PERIOD_ZH.search(sentence)
    if zh:
        count, unit = int(zh.group(1) or zh.group(3)), zh.group(2) or zh.group(4)
        days = (
            365
            if unit == "年" or (unit == "个月" and count == 12)
            else count * 30
            if unit == "个月"
            else count
        )
        return days, zh.start()
    return None


def find_documents(lines: Iterable[str]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The document ids the notice asks for, in order, and the period in days each must cover.

    A document counts only in a paragraph that asks for something ("send", "provide", "the
    following"...), so "buyers received invoices that named another company" asks for nothing.
    A period ("issued in the last 365 days") belongs to the document named nearest to it.
    """
    found: dict[str, int] = {}
    periods: dict[str, int] = {}
    for paragraph in paragraphs(lines):
        asks = bool(REQUEST.search(paragraph))
        for sentence in split_sentences(paragraph):
            named: list[tuple[int, str]] = []
            for doc_id, pattern in DOCUMENTS:
                match = pattern.search(sentence)
                if not match or NOT_NEEDED.search(sentence[max(0, match.start() - 60) : match.start()]):
                    continue
                if asks or doc_id in ALWAYS_ASKED:
                    named.append((match.start(), doc_id))
            for _, doc_id in sorted(named):
                found.setdefault(doc_id, len(found))
            period = _period(sentence)
            candidates = (
                [(abs(pos - period[1]), doc_id) for pos, doc_id in named if doc_id in PERIOD_DOCS]
                if period
                else []
            )
            if period and candidates:
                nearest = min(candidates)[1]
                periods.setdefault(nearest, period[0])
    return tuple(sorted(found, key=lambda d: found[d])), periods


def find_deadline(lines: Iterable[str], *, day_first: bool = False) -> Deadline | None:
    """The first time limit the notice sets for the seller's answer: in days (and hours when given so),
    or a date ("by November 30, 2026", "在 2026年11月30日之前") with ``days`` left to :func:`count_from`."""
    for sentence in sentences(lines):
        if not ACTS.search(sentence) or NOT_A_DEADLINE.search(sentence):
            continue
        found = _counted(sentence) or _dated(sentence, day_first)
        if found:
            return found
    return None


def count_from(deadline: Deadline | None, dates: tuple[str, ...]) -> Deadline | None:
    """A dated deadline with its ``days`` counted from the notice's first date, when that date is earlier."""
    if deadline is None or deadline.date is None or deadline.days is not None or not dates:
        return deadline
    start, end = dt.date.fromisoformat(dates[0]), dt.date.fromisoformat(deadline.date)
    if start >= end:
        return deadline
    return Deadline(days=(end - start).days, hours=None, text=deadline.text, date=deadline.date)


def _counted(sentence: str) -> Deadline | None:
    for pattern in DEADLINE_EN:
        for found in pattern.finditer(sentence):
            if (count := _number(found.group(1))) and count > 0:
                return _deadline(count, found.group(2).lower().startswith("hour"), found.group(0))
    zh = DEADLINE_ZH.search(sentence)
    if zh:
        return _deadline(int(zh.group(1)), zh.group(2) == "小时", zh.group(0))
    return None


def _dated(sentence: str, day_first: bool) -> Deadline | None:
    for by in BY_DATE_EN.finditer(sentence):
        date = date_at(sentence, by.end(), day_first=day_first)
        if date:
            return Deadline(days=None, hours=None, text=sentence[by.start() : date[1]].strip(), date=date[0])
    for start in ZH_DATE_START.finditer(sentence):
        date = date_at(sentence, start.start(), day_first=day_first)
        if date and (before := DATE_THEN_BEFORE_ZH.match(sentence, date[1])):
            return Deadline(
                days=None, hours=None, text=sentence[start.start() : before.end()].strip(), date=date[0]
            )
    return None


def _deadline(count: int, hours: bool, text: str) -> Deadline:
    if hours:
        return Deadline(days=math.ceil(count / 24), hours=count, text=text.strip())
    return Deadline(days=count, hours=None, text=text.strip())
