"""Structure rules (POA1xx): the parts Amazon asks for, in a form a reviewer can read in minutes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule
from reinstate.review.rules._phrases import hits
from reinstate.review.sections import LIST_ITEM

Hits = Iterator[tuple[int, int]]
MAX_WORDS = 900


@rule(
    "POA101",
    "structure.missing_root_cause",
    "error",
    message="No root cause: the letter never says why the problem happened.",
    message_zh="缺少根本原因：信中没有说明问题为什么会发生。",
    suggestion="Add a 'Root causes' part: for each issue, what went wrong in your operation, when, and how many orders it affected.",
    suggestion_zh="增加“根本原因”部分：针对每个问题，写明您的运营中哪里出了错、什么时间、影响了多少订单。",
    cap=45,  # a letter without this part is not sendable (band 0–49), however good the rest
)
def missing_root_cause(doc: ReviewDoc) -> Hits:
    """Amazon's first question is the root cause; a letter without one is rejected for lack of detail."""
    if not doc.sections["root_causes"]:
        yield doc.first("opening")


@rule(
    "POA102",
    "structure.missing_actions_taken",
    "error",
    message="No actions taken: the letter does not say what has already been done to fix the problem.",
    message_zh="缺少已采取的措施：信中没有说明已经做了哪些补救。",
    suggestion="Add 'Actions we have taken': each completed fix in the past tense, with its date and the proof you attach.",
    suggestion_zh="增加“已采取的措施”：每一项已完成的补救用过去时写，并附上完成日期和证明材料。",
    cap=45,  # a letter without this part is not sendable (band 0–49), however good the rest
)
def missing_actions_taken(doc: ReviewDoc) -> Hits:
    """Amazon rejects plans whose corrective actions have not been implemented; completed actions must be shown."""
    if not doc.sections["actions_taken"]:
        yield doc.first("root_causes")


@rule(
    "POA103",
    "structure.missing_prevention",
    "error",
    message="No preventive measures: the letter does not say what stops the problem from happening again.",
    message_zh="缺少预防措施：信中没有说明如何防止问题再次发生。",
    suggestion="Add 'Preventive measures': standing rules or checks, each with an owner, a start date and how often it runs.",
    suggestion_zh="增加“预防措施”：写明长期执行的规则或检查，每条都要有负责人、开始日期和执行频率。",
    cap=45,  # a letter without this part is not sendable (band 0–49), however good the rest
)
def missing_prevention(doc: ReviewDoc) -> Hits:
    """Amazon's third question is prevention; without it the plan answers only part of the notice."""
    if not doc.sections["preventive_measures"]:
        yield doc.first("actions_taken")


@rule(
    "POA104",
    "structure.no_numbered_points",
    "warning",
    message="No numbered or bulleted points: the letter is one block of prose.",
    message_zh="没有分条列出：整封信是成段的文字。",
    suggestion="Number the root causes, the actions and the measures, one point each, so a reviewer can check them one by one.",
    suggestion_zh="把根本原因、已采取的措施和预防措施分条编号，每条一个要点，方便审核人员逐条核对。",
)
def no_numbered_points(doc: ReviewDoc) -> Hits:
    """Reviewers read quickly; separated, numbered points are easier to check than paragraphs."""
    if len(doc.text.split()) > 120 and not any(LIST_ITEM.match(line) for line in doc.text.splitlines()):
        yield doc.first("root_causes")


@rule(
    "POA105",
    "structure.too_long",
    "warning",
    message=f"The letter is over {MAX_WORDS} words; a reviewer spends a few minutes on it.",
    message_zh=f"信件超过 {MAX_WORDS} 个英文单词；审核人员只会花几分钟阅读。",
    suggestion="Cut background and repetition; keep one or two pages of facts, actions and measures.",
    suggestion_zh="删掉背景介绍和重复内容，把篇幅控制在一到两页，只保留事实、措施和预防。",
)
def too_long(doc: ReviewDoc) -> Hits:
    """Amazon asks for clear and concise appeals; reviewers spend minutes on each, so 1-2 pages is the norm."""
    words = list(re.finditer(r"\S+", doc.text))
    if len(words) > MAX_WORDS:
        yield words[MAX_WORDS].start(), len(doc.text.rstrip())


@rule(
    "POA106",
    "structure.business_introduction",
    "warning",
    message="Business introduction: Amazon asks for the facts of the issue, not an introduction of your company.",
    message_zh="介绍了公司情况：亚马逊要看的是问题本身的事实，而不是公司介绍。",
    suggestion="Delete the company background and start with one or two sentences owning the specific issue.",
    suggestion_zh="删掉公司背景介绍，直接用一两句话说明您对这个具体问题负责。",
)
def business_introduction(doc: ReviewDoc) -> Hits:
    """Amazon's own guidance: focus on the events that led to the issue, not on your product or business."""
    yield from hits(doc, "structure.business_introduction")


@rule(
    "POA107",
    "structure.support_case_reference",
    "error",
    message="Reference to a support case or ticket inside the appeal.",
    message_zh="申诉中引用了客服工单或案例编号。",
    suggestion="Remove case and ticket numbers and references to other conversations; the plan must stand on its own.",
    suggestion_zh="删掉工单号、案例编号以及对其他沟通记录的引用；行动计划本身要能独立说明问题。",
)
def support_case_reference(doc: ReviewDoc) -> Hits:
    """Amazon asks sellers to remove references to ongoing support cases from a plan of action."""
    yield from hits(doc, "structure.support_case_reference")


@rule(
    "POA108",
    "structure.question",
    "warning",
    message="A question inside the appeal: reviewers do not answer questions in a plan of action.",
    message_zh="申诉中提出了问题：审核人员不会回答行动计划里的提问。",
    suggestion="Replace the question with a statement of what you did; ask questions through Seller Support, not in the appeal.",
    suggestion_zh="把问题改成陈述您做了什么；如有疑问请通过卖家支持询问，不要写在申诉里。",
)
def question(doc: ReviewDoc) -> Hits:
    """Amazon asks sellers to remove other questions from the plan; a question also reads as uncertainty."""
    found = list(hits(doc, "structure.question"))
    for start, end, sentence in doc.sentences():
        if sentence.endswith("?") and not any(s <= start < e for s, e in found):
            found.append((start, end))
    yield from sorted(found)


@rule(
    "POA109",
    "structure.missing_opening",
    "info",
    message="No opening: the letter starts without saying what it is about.",
    message_zh="缺少开头：信件没有先说明是关于什么问题。",
    suggestion="Open with one or two factual sentences that name the issue and take responsibility for it.",
    suggestion_zh="开头用一两句事实性的话点明问题，并表明您对此负责。",
)
def missing_opening(doc: ReviewDoc) -> Hits:
    """A short ownership statement tells the reviewer at once which issue the plan answers."""
    if not doc.sections["opening"]:
        yield doc.first("root_causes")


@rule(
    "POA110",
    "structure.missing_closing",
    "info",
    message="No closing: the letter ends without asking for reinstatement.",
    message_zh="缺少结尾：信件结束时没有提出恢复请求。",
    suggestion="End with one short, polite sentence asking to reinstate the account or listings; add no new claims.",
    suggestion_zh="结尾用一句简短有礼的话请求恢复账户或商品，不要再加新的说法。",
)
def missing_closing(doc: ReviewDoc) -> Hits:
    """A short, firm request closes the plan; without it the reviewer has to infer what is asked."""
    if not doc.sections["closing"] and doc.text.strip():
        end = len(doc.text.rstrip())
        start = doc.text.rfind("\n\n", 0, end) + 2 if "\n\n" in doc.text[:end] else 0
        yield start, end
