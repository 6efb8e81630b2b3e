"""The reviewer: judge any appeal letter like a strict expert, with permanent rule codes and a score.

Public entry points: :func:`review_text` and :func:`context_for`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reinstate.errors import InputError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.notice import Notice, cited_items
from reinstate.review import rules as _rules  # noqa: F401  (registers every rule)
from reinstate.review.document import ReviewContext, ReviewDoc
from reinstate.review.engine import review_doc, selected_rules
from reinstate.review.model import Finding, Review
from reinstate.review.registry import RULES, Rule

__all__ = [
    "RULES",
    "Finding",
    "Review",
    "ReviewContext",
    "Rule",
    "context_for",
    "context_from_notice",
    "review_text",
]


MAX_LETTER_CHARS = 200_000  # the web app's limit for pasted text; a letter is a few thousand


def review_text(
    text: str,
    *,
    context: ReviewContext | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Review:
    """Review one letter. Empty text is an :class:`InputError`; anything else gets a review."""
    if not text.strip():
        raise InputError(
            "the letter is empty.", fix="give the file that holds your appeal letter, or paste it on stdin."
        )
    if len(text) > MAX_LETTER_CHARS:
        raise InputError(
            f"the text is {len(text):,} characters long; an appeal letter is a few thousand, and this reviews "
            f"at most {MAX_LETTER_CHARS:,} (as the web app does).",
            fix="give the file that holds the letter itself.",
            message_zh=f"这段文字有 {len(text):,} 个字符；一封申诉信一般只有几千字，这里最多审核 {MAX_LETTER_CHARS:,} 个字符。",
            fix_zh="请只提供申诉信本身。",
        )
    unknown = [p for p in [*select, *ignore] if not _known_selector(p)]
    if unknown:
        raise InputError(
            f"unknown rule selector '{unknown[0]}'.",
            fix="use a code (POA501), a name prefix (tone.blames) or a category "
            "(structure, root_cause, actions, prevention, tone, evidence); see docs/rules.md.",
        )
    doc = ReviewDoc(text=text.replace("\r\n", "\n"), context=context or ReviewContext())
    return review_doc(doc, selected_rules(select, ignore))


def _known_selector(pattern: str) -> bool:
    p = pattern.strip()
    return any(p.upper() == r.code or r.name.startswith(p) or p == r.category for r in RULES.values())


def context_for(
    reason_ids: Iterable[str] = (),
    *,
    asins: Iterable[str] = (),
    order_ids: Iterable[str] = (),
    complaint_ids: Iterable[str] = (),
    documents: Iterable[str] = (),
    kb: KnowledgeBase | None = None,
    kind: str = "poa",
) -> ReviewContext:
    """What a letter must answer, from reason ids and the items a notice cites (``kind``: the letter kind)."""
    kb = kb or load_kb()
    reasons = tuple(kb.reason(r) for r in dict.fromkeys(reason_ids))
    ids = {r.id for r in reasons}
    return ReviewContext(
        reasons=reasons,
        asins=tuple(dict.fromkeys(asins)),
        order_ids=tuple(dict.fromkeys(order_ids)),
        complaint_ids=tuple(dict.fromkeys(complaint_ids)),
        documents=tuple((d, kb.document_name(d)) for d in dict.fromkeys(documents)),
        other_reasons=tuple(r for r in kb.reasons.values() if r.id not in ids) if reasons else (),
        kind=kind,
    )


def context_from_notice(
    reason_ids: Iterable[str], notice: Notice, *, kb: KnowledgeBase | None = None
) -> ReviewContext:
    """What a letter must answer for a notice: the given reasons (else the notice's) and what it cites.

    Documents are those the seller can attach (:func:`reinstate.notice.cited_items`): never the Plan
    of Action itself, nor a retraction, which only the rights owner can send. ``review --notice`` and
    the letter composer both ask through here, so they never disagree about what is missing.
    """
    documents = [item.value for item in cited_items(notice) if item.kind == "document"]
    return context_for(
        list(reason_ids) or notice.reason_ids,
        asins=notice.asins,
        order_ids=notice.order_ids,
        complaint_ids=notice.complaint_ids,
        documents=documents,
        kb=kb,
    )
