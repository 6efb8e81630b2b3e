"""Prevention rules (POA4xx): specific, owned, scheduled controls."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reinstate.review.document import ReviewDoc
from reinstate.review.registry import rule
from reinstate.review.rules._phrases import hits
from reinstate.review.rules.actions import DATE

Hits = Iterator[tuple[int, int]]
OWNER = re.compile(
    r"\b(owner|manager|lead(?! to)|leader|supervisor|head of|director|team|staff|officer|controller|coordinator|"
    r"specialist|assistant|responsible|assigned to|accountable|department|employee|clerk|agent|founder|"
    r"ceo|coo|i personally)\b",
    re.I,
)
FREQUENCY = re.compile(
    r"\b(daily|weekly|monthly|quarterly|annually|hourly|every|each|per (day|week|month|order|batch)|"
    r"twice a|once a|before (any|every|each)|always|at all times|frequency|continuous(ly)?|"
    r"\d+ days a week|seven days a week|within \d+ (hours?|days?)|around the clock|24/7)\b",
    re.I,
)
STARTED = re.compile(r"\b(since|from|starting|effective|as of|began|begins|starts?|in place)\b", re.I)


@rule(
    "POA401",
    "prevention.vague",
    "warning",
    message="A vague promise ('be more careful', 'try our best', 'as soon as possible') instead of a control.",
    message_zh="空泛的承诺（“更加小心”“尽最大努力”“尽快”），而不是具体的管控措施。",
    suggestion="State the rule or check itself: what is checked, by whom, how often, and from which date.",
    suggestion_zh="写出具体的规则或检查：检查什么、谁来检查、多久一次、从哪天开始。",
)
def vague(doc: ReviewDoc) -> Hits:
    """Generic prevention is a common rejection reason; Amazon asks for specific, long-term measures."""
    yield from hits(doc, "prevention.vague", "preventive_measures")


@rule(
    "POA402",
    "prevention.no_owner",
    "warning",
    message="No one is named as responsible for the preventive measures.",
    message_zh="预防措施没有指定负责人。",
    suggestion="Give each measure an owner by role, e.g. 'Owner: warehouse supervisor'.",
    suggestion_zh="为每条措施按岗位指定负责人，例如“Owner: warehouse supervisor”。",
    cap=89,
)
def no_owner(doc: ReviewDoc) -> Hits:
    """A control without an owner is a wish; reviewers look for who runs it."""
    if doc.sections["preventive_measures"] and not OWNER.search(doc.part_text("preventive_measures")):
        yield doc.first("preventive_measures")


@rule(
    "POA403",
    "prevention.no_frequency",
    "warning",
    message="The preventive measures do not say how often they run.",
    message_zh="预防措施没有写明执行频率。",
    suggestion="Say how often each runs: every order, daily, weekly, before every holiday.",
    suggestion_zh="写明每条措施的执行频率：每一单、每天、每周、每个假期之前。",
)
def no_frequency(doc: ReviewDoc) -> Hits:
    """A measure with no rhythm cannot be checked; frequency makes it a process."""
    if doc.sections["preventive_measures"] and not FREQUENCY.search(doc.part_text("preventive_measures")):
        yield doc.first("preventive_measures")


@rule(
    "POA404",
    "prevention.no_start_date",
    "info",
    message="The preventive measures have no start date.",
    message_zh="预防措施没有开始日期。",
    suggestion="Say when each measure started or starts, e.g. 'in place since 20 November 2026'.",
    suggestion_zh="写明每条措施从哪天开始执行，例如“in place since 20 November 2026”。",
)
def no_start_date(doc: ReviewDoc) -> Hits:
    """Amazon's staff advise including the start date of each preventive measure and its impact so far."""
    text = doc.part_text("preventive_measures")
    if doc.sections["preventive_measures"] and not (DATE.search(text) and STARTED.search(text)):
        yield doc.first("preventive_measures")
