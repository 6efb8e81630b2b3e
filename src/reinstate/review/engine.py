"""Run the rules over a letter, place each finding at its line and column, and score the letter.

Score: 100 minus a penalty per rule that fires, floored at 0. The first finding of a rule costs
its severity's weight (error 15, warning 6, info 2); each further finding of the same rule costs a
third of that, rounded up (5, 2, 1), for at most four more. English-quality findings (the rules of
pool ``english``: grammar, agreement, articles, punctuation) instead cost 5 each, whatever their
rule, up to 40 in all, so a letter with three of them cannot score above 85. Some rules cap the
score: text that is not English caps it at 40; root causes without any number, actions without
dates and measures without an owner each cap it at 89, so such a letter never reads as "strong".
At most 50 findings of one rule are listed (the score counts five at most).
Penalties and caps only lower the score, so adding a flaw to a letter can never raise it, and the
same text with the same context always gets the same score.

What a score means for a seller (``band``): 90 and above, strong (every part is there and specific;
the review cannot tell whether the facts are true); 75–89, workable (fix the warnings first); 50–74,
weak (likely to be rejected as it stands); below 50, not sendable (parts missing, not in English, or
arguing with Amazon).
"""

from __future__ import annotations

from collections.abc import Iterable

from reinstate.review.document import ReviewDoc
from reinstate.review.model import Finding, Review
from reinstate.review.registry import RULES, Rule

WEIGHTS = {"error": 15, "warning": 6, "info": 2}
POOL_COST, POOL_MAX = 5, 40
REPEAT = {"error": 5, "warning": 2, "info": 1}
MAX_REPEATS = 4
MAX_PER_RULE = 50  # findings listed per rule: enough to fix a letter, and a bounded answer for any paste
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def selected_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Rules chosen by code (POA501), name prefix (tone.blames) or category (tone)."""
    chosen = list(select)
    dropped = list(ignore)
    rules = [r for r in sorted(RULES.values(), key=lambda r: r.code) if not chosen or _matches(r, chosen)]
    return [r for r in rules if not _matches(r, dropped)]


def _matches(rule: Rule, patterns: list[str]) -> bool:
    for pattern in patterns:
        p = pattern.strip()
        if p.upper() == rule.code or rule.name.startswith(p) or p == rule.category:
            return True
    return False


def run(doc: ReviewDoc, rules: list[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    line_starts = _line_starts(doc.text)
    for rule in rules:
        if rule.needs_context and not doc.context.given:
            continue
        seen: set[tuple[int, int, str]] = set()
        for hit in rule.check(doc):
            if len(seen) >= MAX_PER_RULE:
                break
            start, end = hit[0], hit[1]
            about, about_zh = (hit[2], hit[3]) if len(hit) == 4 else ("", "")
            if (start, end, about) in seen:
                continue
            seen.add((start, end, about))
            line, col = _position(line_starts, start)
            message = f"{rule.message.rstrip('.')}: {about}." if about else rule.message
            message_zh = f"{rule.message_zh.rstrip('。')}：{about_zh}。" if about_zh else rule.message_zh
            findings.append(
                Finding(
                    rule.code,
                    rule.name,
                    rule.severity,
                    message,
                    message_zh,
                    rule.suggestion,
                    rule.suggestion_zh,
                    start,
                    end,
                    line,
                    col,
                )
            )
    findings.sort(key=lambda f: (f.start, SEVERITY_ORDER[f.severity], f.code))
    return findings


def score(findings: list[Finding]) -> int:
    penalty = 0
    pooled: dict[str, int] = {}
    counted: dict[str, int] = {}
    cap = 100
    for finding in findings:
        rule = RULES.get(finding.code)
        if rule is not None and rule.cap is not None:
            cap = min(cap, rule.cap)
        if rule is not None and rule.pool is not None:
            pooled[rule.pool] = min(POOL_MAX, pooled.get(rule.pool, 0) + POOL_COST)
            continue
        n = counted.get(finding.code, 0)
        if n == 0:
            penalty += WEIGHTS[finding.severity]
        elif n <= MAX_REPEATS:
            penalty += REPEAT[finding.severity]
        counted[finding.code] = n + 1
    return max(0, min(cap, 100 - penalty - sum(pooled.values())))


def review_doc(doc: ReviewDoc, rules: list[Rule]) -> Review:
    findings = run(doc, rules)
    return Review(
        text=doc.text,
        score=score(findings),
        sections=doc.sections,
        spans=doc.spans,
        findings=findings,
        words=len(doc.text.split()),
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index >= 0:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    from bisect import bisect_right

    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
