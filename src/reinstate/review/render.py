"""The review as text for people: the letter with findings marked in place, then the fixes."""

from __future__ import annotations

from reinstate.review.model import SECTION_NAMES, Finding, Review, band

LABELS = {
    "en": {
        "score": "Score",
        "counts": "{error} errors, {warning} warnings, {info} notes",
        "sections": "Parts found",
        "names": {
            "opening": "opening",
            "root_causes": "root causes",
            "actions_taken": "actions taken",
            "preventive_measures": "preventive measures",
            "closing": "closing",
        },
        "fixes": "How to fix it",
        "line": "line",
        "clean": "No findings: the letter has every part and none of the flaws the reviewer checks.",
        "skipped": "({n} lines without findings not shown)",
        "severity": {"error": "error", "warning": "warning", "info": "note"},
    },
    "zh": {
        "score": "得分",
        "counts": "{error} 个错误，{warning} 个警告，{info} 个提示",
        "sections": "识别到的部分",
        "names": {
            "opening": "开头",
            "root_causes": "根本原因",
            "actions_taken": "已采取的措施",
            "preventive_measures": "预防措施",
            "closing": "结尾",
        },
        "fixes": "修改建议",
        "line": "第 {n} 行",
        "clean": "没有发现问题：信件各部分齐全，也没有审查规则所检查的任何缺陷。",
        "skipped": "（另有 {n} 行没有问题，未显示）",
        "severity": {"error": "错误", "warning": "警告", "info": "提示"},
    },
}
MAX_FULL_LINES = 200
MAX_LINE = 200  # a longer line is shown as a window around each finding, so the report stays small
CONTEXT = 60


def review_text_report(review: Review, lang: str = "en") -> str:
    lab = LABELS[lang]
    names: dict[str, str] = lab["names"]  # type: ignore[assignment]
    meaning = band(review.score)
    label, explain = (
        (meaning["label_zh"], meaning["meaning_zh"])
        if lang == "zh"
        else (meaning["label"], meaning["meaning"])
    )
    out = [
        f"{lab['score']}: {review.score}/100 {label}  ({str(lab['counts']).format(**review.counts())})",
        str(explain),
    ]
    marks = " · ".join(f"{'✓' if review.sections[s] else '✗'} {names[s]}" for s in SECTION_NAMES)
    out += [f"{lab['sections']}: {marks}", ""]
    out += _annotated(review, lang)
    if not review.findings:
        out += ["", str(lab["clean"])]
        return "\n".join(out) + "\n"
    out += ["", f"{lab['fixes']}:"]
    for finding in _unique(review.findings):
        where = str(lab["line"]).format(n=finding.line) if lang == "zh" else f"line {finding.line}"
        message = finding.message_zh if lang == "zh" else finding.message
        suggestion = finding.suggestion_zh if lang == "zh" else finding.suggestion
        out.append(f"  {finding.code} {finding.name} ({where}): {message}")
        out.append(f"      → {suggestion}")
    return "\n".join(out) + "\n"


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    result = []
    for finding in sorted(findings, key=lambda f: f.code):
        if finding.code not in seen:
            seen.add(finding.code)
            result.append(finding)
    return result


def _annotated(review: Review, lang: str) -> list[str]:
    """Every line of the letter (or only flagged ones for long letters) with carets under findings."""
    lab = LABELS[lang]
    severity: dict[str, str] = lab["severity"]  # type: ignore[assignment]
    lines = review.text.split("\n")
    by_line: dict[int, list[Finding]] = {}
    for finding in review.findings:
        by_line.setdefault(finding.line, []).append(finding)
    show_all = len(lines) <= MAX_FULL_LINES
    width = len(str(len(lines)))
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        flagged = by_line.get(number, [])
        if not show_all and not flagged:
            continue
        if len(line) <= MAX_LINE:
            out.append(f"{number:>{width}} | {line}")
        elif not flagged:
            out.append(f"{number:>{width}} | {line[:MAX_LINE]}…")
        for finding in flagged:
            col = finding.col - 1
            length = max(1, min(finding.end - finding.start, len(line) - col))
            label = f"{finding.code} {severity[finding.severity]}: {finding.name}"
            if len(line) > MAX_LINE:  # a long line: a window around each finding, never the whole line
                start = max(0, col - CONTEXT)
                length = min(length, MAX_LINE - 2 * CONTEXT)
                shown = ("…" if start else "") + line[start : col + length + CONTEXT]
                out.append(f"{number:>{width}} | {shown}")
                col = col - start + (1 if start else 0)
            out.append(f"{'':>{width}} | {' ' * col}{'^' * length} {label}")
    if not show_all:
        out.append(str(lab["skipped"]).format(n=len(lines) - len(by_line)))
    return out
