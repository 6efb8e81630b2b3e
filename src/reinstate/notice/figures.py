"""The figures a notice states: the metric that triggered the action, its value, counts and window.

Performance notices quote the seller's own figure ("Your order defect rate is 1.34%", "13.8% of
your orders were cancelled", "2 A-to-z Guarantee claims on 149 orders", "您的迟发率为 8.7%") next
to Amazon's targets ("target: under 1%", "低于 4%"). Only the seller's figures are read; a percent
that a threshold word stands before ("under", "below", "at least", "target", "required", "低于",
"目标") or after ("95% requirement", "1% 以下") is a target, never a figure.

The text is read sentence by sentence. A percent belongs to the metric named just before it
("Order Defect Rate: 2.5%", "your late shipment rate was 11.3%"), else to one named right after
it ("a 1.34% order defect rate"), else to what "of your orders" says happened to the orders
("13.8% of your orders were cancelled"), else to the nearest metric named before it within 80
characters when no other percent or other rate ("response rate") stands between.

Counts ("2 A-to-z claims on 149 orders", "3 of your 149 orders had a defect", "149 个订单中有 2 个")
belong to the metric the sentence names, when the counted thing is that metric or a part of it
(claims, chargebacks and negative feedback are parts of the order defect rate): "Your ODR is
1.34% (2 A-to-z claims on 149 orders)" gives one order_defect_rate figure with both. When the
sentence names no metric, or its stated percent disagrees with the counts, the counted thing
decides (claims give a_to_z_claim_rate). The window is the period the same sentence names ("over
the last 60 days", "a 30-day period", "the 30 days ending", "过去 60 天").

Every pattern is compiled once and matches in linear time; lookups by position use bisection,
so a 100 KB paste of numbers or repeated words is read quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from reinstate.notice.model import NoticeFigure
from reinstate.notice.requests import NUMBER_WORDS, sentences


def _abbr(letters: str, *, exact_case: bool = False) -> str:
    pattern = f"(?<![A-Za-z]){letters}(?![A-Za-z])"
    return f"(?-i:{pattern})" if exact_case else pattern


METRIC_NAMES: tuple[tuple[str, str], ...] = (
    ("order_defect_rate", rf"\border[- ]defects?[- ]rate\b|{_abbr('ODR')}(?:[- ]rate\b)?|订单缺陷率"),
    (
        "late_shipment_rate",
        rf"\blate[- ](?:shipment|shipping|dispatch)[- ]rate\b|{_abbr('LSR')}|迟发率|延迟发货率|发货延迟率",
    ),
    (
        "pre_fulfillment_cancel_rate",
        r"\bpre[- ]?fulfil{1,2}ment[- ]cancel(?:lation)?[- ]rate\b|\bcancel(?:lation)?[- ]rate\b|"
        rf"{_abbr('CR', exact_case=True)}|{_abbr('PFCR')}|配送前取消率|取消率",
    ),
    ("valid_tracking_rate", rf"\bvalid[- ]tracking[- ]rate\b|{_abbr('VTR')}|有效追踪率|有效跟踪率"),
    (
        "on_time_delivery_rate",
        rf"\bon[- ]time[- ]delivery[- ]rate\b|{_abbr('OTDR')}|准时交货率|准时送达率|准时交付率",
    ),
    ("return_rate", r"\breturn[- ]dissatisfaction[- ]rate\b|\breturns?[- ]rate\b|退货不满意率|退货率"),
    ("negative_feedback_rate", r"\bnegative[- ]feedback[- ]rate\b|负面反馈率|差评率"),
    ("a_to_z_claim_rate", r"\ba[- ]to[- ]z(?:[- ]guarantee)?[- ]claims?[- ]rate\b|索赔率"),
    ("chargeback_rate", r"\bcharge[- ]?backs?[- ]rate\b|拒付率"),
)
METRICS = re.compile("|".join(f"(?P<{key}>{pattern})" for key, pattern in METRIC_NAMES), re.IGNORECASE)
# What was counted or what happened to the orders -> the metric it implies, first hit wins.
NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern, re.IGNORECASE))
    for key, pattern in (
        ("order_defect_rate", r"\bdefect|缺陷"),
        ("a_to_z_claim_rate", r"\ba[- ]to[- ]z\b|\bclaims?\b|索赔"),
        ("chargeback_rate", r"\bcharge[- ]?backs?\b|拒付"),
        ("negative_feedback_rate", r"\bnegative feedback\b|差评|负面反馈"),
        ("pre_fulfillment_cancel_rate", r"\bcancel|取消"),
        ("on_time_delivery_rate", r"\bon[- ]time\b|\bdelivered late\b|\blate deliver|准时"),
        ("late_shipment_rate", r"\blate\b|迟发|延迟发货"),
        ("valid_tracking_rate", r"\btracking\b|追踪|跟踪"),
        ("return_rate", r"\breturn|退货"),
    )
)
# The parts of a metric: a count of these in a sentence about the metric belongs to the metric.
PARTS = {"order_defect_rate": {"a_to_z_claim_rate", "chargeback_rate", "negative_feedback_rate"}}
PERCENT = re.compile(r"(?<![\d.])(\d{1,3})(?:\.(\d{1,4}))?(?:\s?[%％]|\s+per\s?cent\b)", re.IGNORECASE)
NUMBER = r"(\d{1,3}(?:,\d{3})+|\d{1,7})"
COUNT_EN = re.compile(
    rf"(?<![\d.,]){NUMBER}\s+((?:[A-Za-z][\w-]*\s+){{0,4}}?)(?:out\s+of|on|of|in|from|among|across)\s+"
    rf"(?:your\s+|the\s+|all\s+|a\s+total\s+of\s+)?{NUMBER}\s+((?:[\w-]+\s+)?)"
    r"(?:orders|shipments|packages|units|transactions)\b",
    re.IGNORECASE,
)
COUNT_ZH = re.compile(r"(\d{1,7})\s*(?:个|笔|份)?\s*订单中(?:的)?[，,]?\s*(?:共有|有|共)?\s*(\d{1,7})")
WINDOW_EN = re.compile(
    r"\b(?:last|past|previous|preceding|trailing|prior)\s+(\d{1,3}|[a-z]+)\s+(?:calendar\s+)?days?\b|"
    r"\b(\d{1,3})-(?:calendar-)?day\b|\b(\d{1,3}) (?:calendar )?day\s+(?:period|window)\b|"
    r"\b(?:the|a)\s+(\d{1,3})\s+days?\s+(?:ending|before|prior|up\s+to|through)\b",
    re.IGNORECASE,
)
WINDOW_ZH = re.compile(
    r"(?:过去|最近|近|前)\s*(\d{1,3})\s*(?:天|日)|(\d{1,3})\s*天(?:的)?(?:时间段|期间|周期)"
)
THRESHOLD_WORDS = frozenset((
    "target", "targets", "goal", "threshold", "requirement", "requirements", "required", "require", "requires",
    "under", "below", "beneath", "above", "over", "less", "more", "greater", "fewer", "lower", "higher", "least",
    "most", "exceed", "exceeds", "exceeded", "exceeding", "maximum", "minimum", "max", "min", "limit", "standard",
    "maintain", "must", "should", "benchmark", "within", "<", ">", "<=", ">=", "≤", "≥",
))  # fmt: skip
# Words that may stand between a threshold word and its percent ("target is an order defect rate of").
FILLER = frozenset((
    "is", "was", "are", "be", "been", "of", "at", "to", "than", "the", "a", "an", "our", "this", "that", "their",
    "for", "stay", "stays", "remain", "remains", "keep", "kept", "it", "its", "metric", "rate", "percent", "or",
    "currently", "set", ":", "=", "order", "defect", "shipment", "late", "dispatch", "shipping", "cancel",
    "cancellation", "pre", "fulfillment", "fulfilment", "valid", "tracking", "on", "time", "delivery", "return",
    "returns", "dissatisfaction", "negative", "feedback", "z", "guarantee", "claim", "claims", "chargeback", "odr",
    "lsr", "vtr", "otdr", "cr",
))  # fmt: skip
TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[<>≤≥]=?|[:=]", re.IGNORECASE)
# A threshold word, then at most a metric name or a few characters of the same clause: "至少为",
# "低于", "要求有效追踪率为", "目标是". "达到" (reached) is how a figure is stated, so it is not one.
THRESHOLD_ZH = re.compile(
    r"(?:低于|高于|不超过|不高于|不低于|不得超过|超过|小于|大于|少于|多于|至少|最多|保持在|维持在|控制在|"
    r"目标|要求|标准|阈值)[^，,。；;\d%]{0,12}?\s*[:：]?\s*$"
)
THRESHOLD_AFTER = re.compile(
    r"\s*(?:or (?:less|lower|below|fewer|more|higher|above|greater|better)\b|"
    r"(?:target|threshold|requirements?|limit|goal|benchmark|standard|maximum|minimum)\b|"
    r"或?(?:以下|以上|以内)|的?(?:绩效)?(?:目标|要求|标准|阈值))",
    re.IGNORECASE,
)
LABEL_GAP = re.compile(r"\s*(?:[:：=]|is|was|of|为|是)?\s*", re.IGNORECASE)
AFTER_GAP = re.compile(r"\s*(?:of\s+)?(?:your\s+|the\s+|an?\s+)?", re.IGNORECASE)
AFTER_ORDERS = re.compile(
    r"\s*of\s+(?:your\s+|the\s+|all\s+)?(?:[\w-]+\s+)?(?:orders|shipments|packages|units)\b", re.IGNORECASE
)
OTHER_RATE = re.compile(
    r"\b(?!(?:the|this|that|a|an|your|our|its|same)\b)[a-z]+[- ]rate\b|[\u4e00-\u9fff]率", re.IGNORECASE
)
NEAR = 80  # how far before its percent a metric may be named
TEXT_LIMIT = 200


@dataclass
class _Draft:
    """A figure being read from one sentence, with where it stands."""

    metric: str
    value: float
    at: int
    decimals: int | None = None  # of the stated percent; None for a figure computed from counts
    numerator: int | None = None
    denominator: int | None = None


@dataclass(frozen=True)
class _Sentence:
    """One sentence with its metric names, percents and windows, each in the order they stand."""

    text: str
    names: list[re.Match[str]]
    name_ends: list[int]
    name_starts: list[int]
    percents: list[re.Match[str]]
    percent_ends: list[int]
    windows: list[tuple[int, int]]

    @classmethod
    def read(cls, text: str) -> _Sentence:
        names = list(METRICS.finditer(text))
        percents = list(PERCENT.finditer(text))
        return cls(
            text,
            names,
            [m.end() for m in names],
            [m.start() for m in names],
            percents,
            [p.end() for p in percents],
            _windows(text),
        )


def find_figures(lines: Iterable[str]) -> list[NoticeFigure]:
    """The metric figures the notice states, in the order they stand, once per (metric, value)."""
    found: dict[tuple[str, float | None], NoticeFigure] = {}
    for sentence in sentences(lines):
        if not (PERCENT.search(sentence) or COUNT_EN.search(sentence) or COUNT_ZH.search(sentence)):
            continue
        for figure in sentence_figures(sentence):
            key = (figure.metric, figure.value)
            found[key] = _merge(found[key], figure) if key in found else figure
    return list(found.values())


def sentence_figures(text: str) -> list[NoticeFigure]:
    """The figures one sentence states."""
    said = _Sentence.read(text)
    stated: list[_Draft] = []
    for index, percent in enumerate(said.percents):
        metric = None if _is_threshold(said, index) else _tie(said, index)
        if metric:
            decimals = percent.group(2) or ""
            value = round(float(f"{percent.group(1)}.{decimals or '0'}") / 100, 6)
            stated.append(_Draft(metric, value, percent.start(), len(decimals)))
    positions = [d.at for d in stated]
    counted = [
        draft
        for at, numerator, denominator, noun in _counts(text)
        if (draft := _add_count(said, _near(stated, positions, at), at, (numerator, denominator), noun))
    ]
    return [
        NoticeFigure(
            metric=d.metric,
            value=d.value,
            numerator=d.numerator,
            denominator=d.denominator,
            window_days=_nearest_window(said.windows, d.at),
            text=_excerpt(text, d.at),
        )
        for d in sorted(stated + counted, key=lambda d: d.at)
    ]


def _is_threshold(said: _Sentence, index: int) -> bool:
    """True when the percent is a target or limit: a threshold word before it (past filler words
    such as "is", "of", "the" and metric names) or after it ("95% requirement", "1% 以下")."""
    percent = said.percents[index]
    start = percent.start()
    floor = said.percent_ends[index - 1] if index else 0
    before = said.text[max(floor, start - NEAR) : start]
    if THRESHOLD_ZH.search(before) or THRESHOLD_AFTER.match(said.text, percent.end()):
        return True
    for token in reversed(TOKEN.findall(before)[-12:]):
        word = token.lower()
        if word in THRESHOLD_WORDS:
            return True
        if word not in FILLER:
            return False
    return False


def _tie(said: _Sentence, index: int) -> str | None:
    """The metric a percent belongs to (see the module docstring for the order of the rules)."""
    percent = said.percents[index]
    start, end, text = percent.start(), percent.end(), said.text
    floor = said.percent_ends[index - 1] if index else 0
    before, gap = None, ""
    at = bisect_right(said.name_ends, start) - 1
    if at >= 0 and said.name_ends[at] >= max(floor, start - NEAR):
        gap = text[said.name_ends[at] : start]
        if LABEL_GAP.fullmatch(gap):
            return said.names[at].lastgroup
        if not OTHER_RATE.search(gap):
            before = said.names[at].lastgroup
    after = bisect_left(said.name_starts, end)
    if (
        after < len(said.names)
        and said.name_starts[after] - end <= 15
        and AFTER_GAP.fullmatch(text, end, said.name_starts[after])
    ):
        return said.names[after].lastgroup
    orders = AFTER_ORDERS.match(text, end)
    if orders:
        # "13.8% of your orders were cancelled": what happened to the orders decides; "we refunded
        # 100% of the orders" after a metric named a clause earlier is no figure of that metric.
        noun = _noun(text[orders.end() : orders.end() + 50])
        return noun or (before if len(gap) <= 20 else None)
    return before


def _noun(text: str) -> str | None:
    """The metric that what is counted or what happened implies: claims, cancelled, shipped late..."""
    return next((key for key, pattern in NOUNS if pattern.search(text)), None)


def _counts(text: str) -> Iterable[tuple[int, int, int, str | None]]:
    """(position, numerator, denominator, implied metric) of each count the sentence gives."""
    for found in COUNT_EN.finditer(text):
        numerator, denominator = _int(found.group(1)), _int(found.group(3))
        if denominator > 0 and numerator <= denominator:
            tail = text[found.end() : found.end() + 40]
            noun = _noun(found.group(2)) or _noun(found.group(4) + tail)
            yield (
                found.start(),
                numerator,
                denominator,
                noun or _noun(text[max(0, found.start() - 30) : found.start()]),
            )
    for found in COUNT_ZH.finditer(text):
        denominator, numerator = int(found.group(1)), int(found.group(2))
        if denominator > 0 and numerator <= denominator:
            tail = text[found.end() : found.end() + 30]
            yield found.start(), numerator, denominator, _noun(tail)


def _add_count(
    said: _Sentence, near: list[_Draft], at: int, count: tuple[int, int], noun: str | None
) -> _Draft | None:
    """Give a count to the stated percent near it that it explains, or make it a figure of its own."""
    named = _nearest_name(said, at)
    if named and (noun is None or noun == named or noun in PARTS.get(named, set())):
        metric = named
        named_near = [d for d in near if d.metric == named and d.numerator is None]
        if noun and noun != named and named_near and not any(_agrees(d, count) for d in named_near):
            metric = (
                noun  # "ODR 2.1%, 2 claims on 149 orders": the claims are a part with a rate of their own
            )
    elif noun:
        metric = noun
    else:
        return None
    for draft in near:
        if draft.metric == metric and draft.numerator is None and _agrees(draft, count):
            draft.numerator, draft.denominator = count
            return None
    return _Draft(metric, round(count[0] / count[1], 6), at, None, *count)


def _near(stated: list[_Draft], positions: list[int], at: int, span: int = 160) -> list[_Draft]:
    """The stated percents within ``span`` characters of a count (``positions`` are theirs, in order)."""
    return stated[bisect_left(positions, at - span) : bisect_right(positions, at + span)]


def _agrees(draft: _Draft, count: tuple[int, int]) -> bool:
    """True when the count rounds to the percent as stated (2 of 149 is "1.34%" or "1.3%")."""
    tolerance = 0.5 * 0.1 ** (draft.decimals or 0) / 100 + 1e-9
    return abs(draft.value - count[0] / count[1]) <= tolerance


def _nearest_name(said: _Sentence, at: int) -> str | None:
    if not said.names:
        return None
    index = bisect_left(said.name_starts, at)
    near = [i for i in (index - 1, index) if 0 <= i < len(said.names)]
    best = min(near, key=lambda i: min(abs(said.name_starts[i] - at), abs(said.name_ends[i] - at)))
    return said.names[best].lastgroup


def _windows(text: str) -> list[tuple[int, int]]:
    """(position, days) of each look-back period the sentence names."""
    out: list[tuple[int, int]] = []
    for found in WINDOW_EN.finditer(text):
        word = next(g for g in found.groups() if g)
        days = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())
        if days:
            out.append((found.start(), days))
    out += [(f.start(), int(f.group(1) or f.group(2))) for f in WINDOW_ZH.finditer(text)]
    out = [(at, days) for at, days in out if 0 < days <= 730]
    return sorted(out)


def _nearest_window(windows: list[tuple[int, int]], at: int) -> int | None:
    if not windows:
        return None
    index = bisect_left(windows, (at, 0))
    near = [windows[i] for i in (index - 1, index) if 0 <= i < len(windows)]
    return min(near, key=lambda w: abs(w[0] - at))[1]


def _int(number: str) -> int:
    return int(number.replace(",", ""))


def _excerpt(sentence: str, at: int) -> str:
    """The sentence, or when longer than 200 characters, the part around position ``at``."""
    if len(sentence) <= 2 * TEXT_LIMIT and len(text := " ".join(sentence.split())) <= TEXT_LIMIT:
        return text
    room = TEXT_LIMIT - 6
    low = max(0, min(at - room // 2, len(sentence) - room))
    piece = " ".join(sentence[low : low + room].split())
    return ("..." if low > 0 else "") + piece + ("..." if low + room < len(sentence) else "")


def _merge(first: NoticeFigure, again: NoticeFigure) -> NoticeFigure:
    """The figure read twice, keeping the counts and the window whichever reading gave them."""
    return replace(
        first,
        numerator=first.numerator if first.numerator is not None else again.numerator,
        denominator=first.denominator if first.denominator is not None else again.denominator,
        window_days=first.window_days if first.window_days is not None else again.window_days,
    )
