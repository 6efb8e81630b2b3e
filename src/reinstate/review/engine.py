"""Run the rules over a letter, place each finding at its line and column, and score the letter.

Score: 100 minus a penalty per rule that fires, floored at 0. The first finding of a rule costs
its severity's weight (error 15, warning 6, info 2); each further finding of the same rule costs a
third of that, rounded up (5, 2, 1), for at most four more. Penalties only add up, so adding a flaw
to a letter can never raise its score, and the same text always gets the same score.
"""

from __future__ import annotations

from collections.abc import Iterable

from reinstate.review.document import ReviewDoc
from reinstate.review.model import Finding, Review
from reinstate.review.registry import RULES, Rule

WEIGHTS = {"error": 15, "warning": 6, "info": 2}
REPEAT = {"error": 5, "warning": 2, "info": 1}
MAX_REPEATS = 4
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
        seen: set[tuple[int, int]] = set()
        for start, end in rule.check(doc):
            if (start, end) in seen:
                continue
            seen.add((start, end))
            line, col = _position(line_starts, start)
            findings.append(
                Finding(
                    rule.code,
                    rule.name,
                    rule.severity,
                    rule.message,
                    rule.message_zh,
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
    counted: dict[str, int] = {}
    for finding in findings:
        n = counted.get(finding.code, 0)
        if n == 0:
            penalty += WEIGHTS[finding.severity]
        elif n <= MAX_REPEATS:
            penalty += REPEAT[finding.severity]
        counted[finding.code] = n + 1
    return max(0, 100 - penalty)


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
