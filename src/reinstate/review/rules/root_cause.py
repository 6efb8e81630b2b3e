"""Root-cause rules (POA2xx): a real cause, specific, about this notice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule
from reinstate.review.rules._phrases import hits

Hits = Iterator[tuple[int, int]]
EXPLAINS = re.compile(
    r"\b(because (?!(we|they) (received|got|had) )|since (?!\d)|caused by|as a result of|which (happened|occurred))",
    re.I,
)
MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|"
    r"nov(ember)?|dec(ember)?)"
)
SPECIFIC = re.compile(
    rf"\d|\b{MONTH}\.? \d|\b\d{{1,2}}(st|nd|rd|th)? (of )?{MONTH}\b|\b(one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|dozen|half|all)\b",
    re.I,
)
NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•])\s+", re.M)


def _sentence_of(doc: ReviewDoc, start: int, *kinds: str) -> str:
    return doc.sentence_at(start, *kinds)


@rule(
    "POA201",
    "root_cause.restates_symptom",
    "error",
    message="The root cause restates the symptom (the complaints, the metric) instead of saying why it happened.",
    message_zh="根本原因只是在复述现象（收到投诉、指标超标），没有说明为什么会发生。",
    suggestion="Name the failure in your operation that produced the complaints: what went wrong, when, on which orders or ASINs.",
    suggestion_zh="写出导致投诉的运营环节问题：哪里出了错、什么时间、涉及哪些订单或 ASIN。",
)
def restates_symptom(doc: ReviewDoc) -> Hits:
    """ "We received negative feedback" or "our ODR was high" is what Amazon already knows, not a cause."""
    for start, end in hits(doc, "root_cause.restates_symptom", "root_causes"):
        if not EXPLAINS.search(_sentence_of(doc, start, "root_causes")):
            yield start, end


@rule(
    "POA202",
    "root_cause.no_specifics",
    "warning",
    message="The root causes give no numbers, dates or names.",
    message_zh="根本原因里没有任何数字、日期或具体名称。",
    suggestion="Quantify each cause: how many orders, between which dates, which SKUs, carrier or step of the process.",
    suggestion_zh="给每条原因加上具体数据：多少订单、哪段日期、哪些 SKU、哪家承运商或哪个流程环节。",
    cap=89,
)
def no_specifics(doc: ReviewDoc) -> Hits:
    """Consultants and Amazon's reviewers look for data points; a cause without any reads as generic."""
    text = NUMBERING.sub("", doc.part_text("root_causes"))
    if doc.sections["root_causes"] and not SPECIFIC.search(text):
        yield doc.first("root_causes")


@rule(
    "POA203",
    "root_cause.vague",
    "warning",
    message="A vague cause ('human error', 'a misunderstanding', 'some issues') that explains nothing.",
    message_zh="原因写得很笼统（“人为失误”“误会”“一些问题”），等于什么都没说明。",
    suggestion="Say exactly which error, made where in the process, why your process allowed it, and how often it happened.",
    suggestion_zh="写清楚是什么错误、发生在流程的哪个环节、为什么流程没能拦住，以及发生了多少次。",
)
def vague(doc: ReviewDoc) -> Hits:
    """Generic causes are the most common reason for "greater detail on the root cause" rejections."""
    for start, end in hits(doc, "root_cause.vague", "root_causes"):
        if not re.search(r"\d(?![\d.]*\s?%)", _sentence_of(doc, start, "root_causes")):
            yield start, end


@rule(
    "POA204",
    "root_cause.other_reason",
    "warning",
    message="The root causes discuss an issue the notice does not raise.",
    message_zh="根本原因讨论了通知中没有提到的问题。",
    suggestion="Answer the cited issue only; explaining other problems invites new questions and can read as a confession.",
    suggestion_zh="只回答通知点名的问题；解释其他问题会引来新的追问，还可能被当作额外认错。",
    needs_context=True,
)
def other_reason(doc: ReviewDoc) -> Hits:
    """Answering a different problem than the one cited is a top reason appeals fail."""
    if not doc.context.reasons:
        return
    low = doc.text.lower()
    for reason in doc.context.other_reasons:
        for phrase in reason.notice_phrases:
            if len(phrase) < 12 or " " not in phrase:
                continue
            for span in doc.parts("root_causes"):
                index = low.find(phrase, span.start, span.end)
                if index >= 0:
                    yield index, index + len(phrase)
                    break
