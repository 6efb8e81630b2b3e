"""The letter's first sentences: the figure and the event, before anything else.

A consultant opens with what Amazon measured and what happened ("Our seller-fulfilled ODR was
1.34% (2 A-to-z claims on 149 orders); both orders shipped the day before our 15-day absence"),
then owns it. The figure comes from, in order: the seller's own downloads (a computed metric), a fact
she gave that states a percentage, or the notice (the figure Amazon quoted). The event is the
first other fact she gave. The rest of her facts, and any further computed metrics, form a short
summary before the root causes. Nothing here invents: each sentence is hers, the data's or the
notice's, with its dates in the letter's format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reinstate.letters.dates import normalise_dates
from reinstate.letters.english import sentence
from reinstate.letters.evidence import METRICS_BY_REASON, NAMES, NAMES_ZH, percent
from reinstate.letters.plan import LetterPlan
from reinstate.notice.model import NoticeFigure

PERCENT = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s?%")


@dataclass
class Lead:
    sentences: list[str] = field(default_factory=list)  # the figure and the event, for the opening
    summary: list[str] = field(default_factory=list)  # every other fact, before the root causes
    sentences_zh: list[str | None] = field(default_factory=list)  # the same in Chinese (None: no Chinese)
    summary_zh: list[str | None] = field(default_factory=list)


def quoted_figure(plan: LetterPlan) -> NoticeFigure | None:
    """The first figure Amazon's notice quotes for one of the case's reasons."""
    if plan.notice is None:
        return None
    keys = {key for r in plan.reasons for key in METRICS_BY_REASON.get(r.id, ())}
    return next((f for f in plan.notice.figures if f.metric in keys and f.value is not None), None)


def notice_figure(figure: NoticeFigure) -> tuple[str, str]:
    """That figure as a sentence of the letter, and the same in Chinese for the mirror."""
    assert figure.value is not None
    name, unit = NAMES.get(figure.metric, (figure.metric.replace("_", " "), "orders"))
    name = name.split(" over ")[0]  # "late shipment rate over 30 days": the window is said below
    name_zh, unit_zh = NAMES_ZH.get(figure.metric, (figure.metric, "个订单"))
    name_zh = re.sub(r"^\d+ 天", "", name_zh)
    en = f"Amazon's notice gives our {name} as {percent(figure.value)}"
    zh = f"亚马逊通知中给出的{name_zh}为 {percent(figure.value)}"
    if figure.numerator is not None and figure.denominator is not None:
        en += f" ({figure.numerator:,} of {figure.denominator:,} {unit})"
        zh += f"（{figure.denominator:,} {unit_zh}中有 {figure.numerator:,} {unit_zh[0]}）"
    if figure.window_days:
        en += f" over {figure.window_days} days"
        zh += f"，统计期为 {figure.window_days} 天"
    return en + ".", zh + "。"


def lead_sentences(plan: LetterPlan) -> Lead:
    facts = [(normalise_dates(f.text), f.text_zh) for f in plan.facts if f.in_letter]
    computed = list(zip(plan.data.facts, plan.data.facts_zh, strict=True)) if plan.data else []
    lead = Lead()
    figure = computed.pop(0) if computed else next((f for f in facts if PERCENT.search(f[0])), None)
    if figure in facts:
        facts.remove(figure)
    if figure is None and (quoted := quoted_figure(plan)):
        figure = notice_figure(quoted)
    rest = [*computed, *facts]
    if figure:
        lead.sentences.append(sentence(figure[0]))
        lead.sentences_zh.append(figure[1])
    if facts:
        event = facts.pop(0)
        rest.remove(event)
        lead.sentences.append(sentence(event[0]))
        lead.sentences_zh.append(event[1])
    lead.summary = [sentence(en) for en, _ in rest]
    lead.summary_zh = [zh for _, zh in rest]
    return lead
