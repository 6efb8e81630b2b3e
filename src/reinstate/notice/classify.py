"""Decide which reasons a notice names, from the knowledge base's phrases and the notice's skeleton.

Every reason file lists the phrases Amazon's notices use for it (``notice_phrases`` and
``notice_phrases_zh``). A phrase found in the notice scores its *strength* (long, specific
phrases score more than one generic word) times the *weight* of the section it stands in: the
subject, the opening and "Why is this happening?" say what Amazon acted on, while "How do I
reactivate my account?" and the sections after it list documents and steps that several reasons
share. Labelled lines such as ``Complaint Type: Inauthentic`` or ``Infringement type: Trademark``
count as strongly as the "why" part. A reason is kept when its score is high enough on its own
and not far below the best one, so a notice that names two metrics gives both, and a notice that
matches nothing gives none: an honest unknown, never a guess.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from reinstate.kb import KnowledgeBase
from reinstate.notice.model import ReasonMatch
from reinstate.notice.region import Section
from reinstate.notice.requests import join_lines

SECTION_WEIGHT = {
    "subject": 1.5, "intro": 1.3, "body": 1.2, "why": 1.6, "field": 1.6,
    "reactivate": 0.5, "submit": 0.4, "consequence": 0.3, "error": 0.3,
}  # fmt: skip
DECISIVE = {"subject", "intro", "body", "why", "field"}
# Phrases that also turn up in notices about other things: they support a reason, never decide it.
WEAK_PHRASES = {
    "complaint id": 0.3, "投诉编号": 0.3, "verification": 0.45, "packing slip": 0.5, "装箱单": 0.5,
    "seller of record": 0.6, "expiration date": 0.5, "sales rank": 0.6, "issued in the last 365 days": 0.4,
    "recent seller-fulfilled orders": 0.4, "considerably higher than expected": 0.6, "utility bill": 0.6,
    "权利人": 0.6, "过期": 0.5, "变体": 0.5,
    # Chinese notices name A-to-z claims in the funds boilerplate of every deactivation ("we deduct
    # any A-to-z Guarantee claims from your funds"), not only in order-defect notices.
    "亚马逊商城交易保障索赔": 0.3,
    # Section 3 of the Business Solutions Agreement is cited for related accounts, but also for
    # inauthentic and other deactivations: the "separate account" wording decides.
    "section 3 of amazon's business solutions agreement": 0.4, "商业解决方案协议": 0.4,
}  # fmt: skip
# A reason named only by these general phrases gives way to a more specific reason the notice
# also names: "this violates our Seller Code of Conduct and Customer Product Reviews policy" is a
# review-manipulation notice.
SUBSUMED = {
    "code-of-conduct": (
        {"seller code of conduct", "code of conduct", "卖家行为准则"},
        {"review-manipulation", "related-accounts", "fair-pricing", "listing-policy", "drop-shipping"},
    ),
}
ACRONYMS = {"odr", "lsr", "vtr", "ncx", "otdr"}
# Values of labelled lines ("Complaint Type: ...") that name a reason in one or two words.
FIELD_LABEL = re.compile(
    r"^(complaint type|infringement type|policy|violation|violation type|reason|issue|投诉类型|侵权类型|违规类型|违规原因)"
    r"\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
FIELD_VALUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        (r"trademark|copyright|patent|design|商标|版权|著作权|专利|外观设计", "intellectual-property"),
        (r"inauthentic|counterfeit|authenticity|假冒|真实性", "inauthentic"),
        (r"used .*sold as new|condition|not as described|二手|商品状况", "condition-complaint"),
        (r"safety|expir|安全|保质期", "product-safety"),
        (r"restricted|prohibited|受限|禁售", "restricted-products"),
        (r"(?:customer|product) reviews?|reviews? (?:abuse|manipulation|policy)|评论", "review-manipulation"),
        (r"fair pricing|price gouging|公平定价", "fair-pricing"),
        (r"drop ?shipping|代发货", "drop-shipping"),
        (r"listing policy|detail page|variation|商品政策|详情页", "listing-policy"),
    )
)
KEEP_SCORE = 0.8
KEEP_SHARE = 0.4
SEP = r"[\s,;:\"()\-/]+"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|(?<=:)\s+(?=[A-Z])")


@dataclass(frozen=True)
class Hit:
    """One phrase found in one section."""

    reason_id: str
    phrase: str
    score: float
    section: str
    line: int
    column: int = 0


def phrase_strength(phrase: str) -> float:
    """How much one phrase says on its own: specific multi-word phrases more than one word."""
    if phrase in WEAK_PHRASES:
        return WEAK_PHRASES[phrase]
    if phrase in ACRONYMS:
        return 0.6
    if re.search(r"[\u4e00-\u9fff]", phrase):
        return 0.7 if len(phrase) <= 2 else 0.85 if len(phrase) <= 4 else 1.0
    words = len(re.split(SEP, phrase))
    return 0.7 if words == 1 else 0.85 if words == 2 else 1.0


@cache
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern for ``phrase`` that forgives case, line breaks, commas and hyphens between words,
    and a plural of its last word ("safety complaint" also finds "safety complaints").

    Chinese phrases may be broken by a line wrap anywhere, so any whitespace between their
    characters is allowed.
    """
    if re.search(r"[\u4e00-\u9fff]", phrase):
        chars = ["[账帐]" if ch == "账" else re.escape(ch) for ch in phrase if not ch.isspace()]
        return re.compile(r"\s*".join(chars))
    words = [w for w in re.split(SEP, phrase.lower()) if w]
    plural = "(?:s|es)?" if words[-1][-1:].isalpha() else ""
    return re.compile(
        r"(?<![a-z0-9])" + SEP.join(re.escape(w) for w in words) + plural + r"(?![a-z0-9])",
        re.IGNORECASE,
    )


def _line_at(offsets: list[int], pos: int) -> int:
    index = 0
    for i, start in enumerate(offsets):
        if start > pos:
            break
        index = i
    return index


def find_hits(lines: tuple[str, ...], sections: tuple[Section, ...], kb: KnowledgeBase) -> list[Hit]:
    """Every knowledge-base phrase found in every section, with the section's weight applied."""
    hits: list[Hit] = []
    for name, start, end in sections:
        block = "\n".join(lines[start:end])
        offsets = [start]
        for line in lines[start : end - 1]:
            offsets.append(offsets[-1] + len(line) + 1)
        offsets = [o - offsets[0] for o in offsets]
        weight = SECTION_WEIGHT.get(name, 1.0)
        for reason in kb.reasons.values():
            for phrase in (*reason.notice_phrases, *reason.notice_phrases_zh):
                match = phrase_pattern(phrase).search(block)
                if match:
                    index = _line_at(offsets, match.start())
                    column = match.start() - offsets[index]
                    hits.append(
                        Hit(reason.id, phrase, phrase_strength(phrase) * weight, name, start + index, column)
                    )
    return hits + field_hits(lines, sections)


def field_hits(lines: tuple[str, ...], sections: tuple[Section, ...]) -> list[Hit]:
    """Labelled lines whose value names a reason (``Complaint Type: Used items sold as new``)."""
    hits: list[Hit] = []
    for _, start, end in sections:
        for i in range(start, end):
            found = FIELD_LABEL.match(lines[i])
            if not found:
                continue
            label, value = found.group(1).lower(), found.group(2)
            if label.startswith("infringement") or label == "侵权类型":
                hits.append(Hit("intellectual-property", label, SECTION_WEIGHT["field"], "field", i))
            for pattern, reason_id in FIELD_VALUES:
                if pattern.search(value):
                    hits.append(Hit(reason_id, f"{label}: {value}", SECTION_WEIGHT["field"], "field", i))
                    break
    return hits


def confidence(score: float) -> float:
    """Map a score onto 0..1: one specific phrase in the "why" part gives about 0.85."""
    return round(min(0.99, 1 - math.exp(-1.2 * score)), 2)


Scored = tuple[float, tuple[int, int], str, list[Hit]]


def classify(
    lines: tuple[str, ...], sections: tuple[Section, ...], kb: KnowledgeBase
) -> tuple[ReasonMatch, ...]:
    """The reasons the notice names, in the order it names them; empty when none is clear enough.

    Only reasons with a phrase in a deciding part (subject, opening, "why", labelled lines)
    compete. When no reason has one, as in a notice whose "why" part describes the product
    without naming the policy, the policy named under "How do I reactivate" is taken at its low
    weight.
    """
    by_reason: dict[str, list[Hit]] = {}
    for hit in find_hits(lines, sections, kb):
        by_reason.setdefault(hit.reason_id, []).append(hit)
    scored = _score(by_reason, decisive_only=True) or _score(by_reason, decisive_only=False)
    if not scored:
        return ()
    top = max(s for s, *_ in scored)
    kept = [s for s in scored if s[0] >= KEEP_SCORE and s[0] >= KEEP_SHARE * top]
    kept = _drop_subsumed(kept)
    kept.sort(key=lambda s: (s[1], -s[0]))
    return tuple(
        ReasonMatch(
            id=reason_id,
            confidence=confidence(score),
            evidence=evidence_line(lines, hits[0]),
            phrases=tuple(h.phrase for h in hits),
        )
        for score, _, reason_id, hits in kept
    )


def _score(by_reason: dict[str, list[Hit]], *, decisive_only: bool) -> list[Scored]:
    """Each reason's score (its best hit per distinct phrase), where it first appears, and its hits."""
    scored: list[Scored] = []
    for reason_id, hits in by_reason.items():
        best_per_phrase: dict[str, Hit] = {}
        for hit in hits:
            if hit.phrase not in best_per_phrase or hit.score > best_per_phrase[hit.phrase].score:
                best_per_phrase[hit.phrase] = hit
        distinct = sorted(best_per_phrase.values(), key=lambda h: (-h.score, h.line, h.column))
        deciding = [h for h in distinct if h.section in DECISIVE] if decisive_only else distinct
        if deciding:
            first = min((h.line, h.column) for h in deciding)
            scored.append((sum(h.score for h in distinct), first, reason_id, distinct))
    return scored


def _drop_subsumed(kept: list[Scored]) -> list[Scored]:
    ids = {reason_id for _, _, reason_id, _ in kept}
    out = []
    for entry in kept:
        general, specific = SUBSUMED.get(entry[2], (set(), set()))
        only_general = all(h.phrase in general for h in entry[3])
        if not (general and only_general and ids & specific):
            out.append(entry)
    return out


def evidence_line(lines: tuple[str, ...], hit: Hit) -> str:
    """The sentence that holds the deciding phrase (the whole line for a labelled line like ``ASIN: ...``)."""
    if hit.section == "field" or FIELD_LABEL.match(lines[hit.line]):
        return _clip(lines[hit.line])
    first = hit.line
    while first > max(0, hit.line - 3) and lines[first - 1] and not FIELD_LABEL.match(lines[first - 1]):
        first -= 1
    last = hit.line
    while (
        last + 1 < min(len(lines), hit.line + 4)
        and lines[last + 1]
        and not FIELD_LABEL.match(lines[last + 1])
    ):
        last += 1
    paragraph = join_lines(lines[first : last + 1])
    offset = len(join_lines(lines[first : hit.line])) + (1 if hit.line > first else 0)
    match = next((m for m in phrase_pattern(hit.phrase).finditer(paragraph) if m.end() > offset), None)
    if match is None:
        return _clip(lines[hit.line])
    begin = 0
    for end in [*(m.start() for m in SENTENCE_END.finditer(paragraph)), len(paragraph)]:
        if begin <= match.start() < end:
            return _clip(paragraph[begin:end])
        begin = end
    return _clip(lines[hit.line])


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 240 else text[:237] + "..."
