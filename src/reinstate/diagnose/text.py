"""The analysis for people: what was read, each metric against its target, what is missing, top findings."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from reinstate.metrics import LABELS_ZH, MetricResult

if TYPE_CHECKING:
    from reinstate.diagnose.analysis import Analysis

TOP = 8
WORDS = {
    "en": {
        "read": "Reports read", "skipped": "Skipped", "notes": "Notes", "metrics": "Metrics as of {as_of}",
        "missing": "Not computed (give this download to get it)", "findings": "What explains them",
        "none": "No finding stands out in the data.", "amazon": "Amazon", "target": "target", "cause": "likely cause",
        "rows": "rows", "pass": "pass", "fail": "FAIL", "info": "", "no-data": "no orders in the window",
        "incomplete": "missing input",
    },
    "zh": {
        "read": "已读取的报告", "skipped": "已跳过", "notes": "提示", "metrics": "指标（截至 {as_of}）",
        "missing": "无法计算（提供以下报告即可计算）", "findings": "原因分析",
        "none": "数据中没有明显的规律。", "amazon": "亚马逊数据", "target": "目标", "cause": "可能的根本原因",
        "rows": "行", "pass": "达标", "fail": "未达标", "info": "", "no-data": "窗口内没有订单",
        "incomplete": "缺少数据",
    },
}  # fmt: skip
SIGNS = {"less_than": "<", "greater_than_or_equal": "≥"}


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.2f}%"


def _pad(text: str, width: int) -> str:
    """Pad to ``width`` terminal columns: a Chinese character takes two, so columns line up in zh too."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - columns)


def _metric_line(metric: MetricResult, lang: str) -> str:
    w = WORDS[lang]
    label = LABELS_ZH.get(metric.key, metric.label) if lang == "zh" else metric.label
    line = f"  {_pad(label, 36)} {_rate(metric.value):>8} ({metric.numerator}/{metric.denominator})"
    if metric.target is not None:
        line += f"  {w['target']} {SIGNS.get(metric.comparison or '', '')} {_rate(metric.target)}"
    status = w.get(metric.status, metric.status)
    if status:
        line += f"  {status}"
    if metric.window:
        line += f"  [{metric.window['start']} – {metric.window['end']}]"
    if metric.amazon and metric.source == "computed":
        amazon = metric.amazon
        line += f"  {w['amazon']}: {_rate(amazon.get('value'))} ({amazon.get('numerator')}/{amazon.get('denominator')})"
    if metric.incomplete:
        line += f"  ({w['incomplete']}: {', '.join(metric.incomplete)})"
    return line


def analysis_text(analysis: Analysis, lang: str = "en") -> str:
    """A plain-text report of ``analysis`` in English (``en``) or Chinese (``zh``)."""
    w = WORDS["zh" if lang == "zh" else "en"]
    lang = "zh" if lang == "zh" else "en"
    read = analysis.read
    out = [f"{w['read']} ({len(read.reports)}):"]
    out += [f"  {r.type:<18} {r.rows:>9} {w['rows']}  {r.encoding:<12} {r.path}" for r in read.reports]
    if read.skipped:
        out += [f"{w['skipped']} ({len(read.skipped)}):"] + [f"  {s.reason}" for s in read.skipped]
    if read.notes:
        out += [f"{w['notes']}:"] + [f"  {n}" for n in read.notes]
    out += ["", w["metrics"].format(as_of=analysis.as_of.isoformat())]
    out += [_metric_line(m, lang) for m in analysis.metrics.values()]
    missing = analysis.missing_zh if lang == "zh" else analysis.missing
    if missing:
        out += ["", f"{w['missing']}:"]
        out += [f"  {LABELS_ZH.get(k, k) if lang == 'zh' else k}: {where}" for k, where in missing.items()]
    out += ["", f"{w['findings']}:"]
    if not analysis.findings:
        out.append(f"  {w['none']}")
    for number, finding in enumerate(analysis.findings[:TOP], start=1):
        cause = f" ({w['cause']}: {finding.kb_cause})" if finding.kb_cause else ""
        summary = finding.summary_zh if lang == "zh" else finding.summary
        out.append(f"  {number}. [{100 * finding.share:.0f}%] {summary}{cause}")
    return "\n".join(out) + "\n"
