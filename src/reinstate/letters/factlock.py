"""The fact lock: a translation may change words, never a number, a date, an id or a name.

A seller who writes her point in Chinese (``text_zh``) and pastes an English translation from any tool
(``text``) cannot check the English herself. Machine translation slips in exactly the places that
matter to Amazon's reviewer: "17" for "71", "13 November" for "11月3日", a dropped ASIN. This module
pulls the facts out of both texts (numbers, percentages, money, calendar days, ids, and the Latin-letter
names the Chinese keeps, such as USPS) and reports each one that the other text does not carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from reinstate.letters.dates import MONTH_NAMES

MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)} | {
    name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, 1)
}
EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100,
}  # fmt: skip
ZH_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

ID = re.compile(r"\b(?:B0[0-9A-Z]{8}|\d{3}-\d{7}-\d{7}|FBA[0-9A-Z]{6,12})\b", re.ASCII)
NUMBER = re.compile(
    r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])", re.ASCII
)  # ASCII word characters: "73个" is the number 73
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|％|per ?cent\b)", re.I)
ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", re.ASCII)
EN_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:to|and|-|–)\s+(\d{1,2})(?:st|nd|rd|th)?)?\s+("
    + "|".join(MONTHS)
    + r")\b",
    re.I,
)
EN_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
ZH_DATE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号](?:\s*[至到\-–~]\s*(?:(\d{1,2})月)?(\d{1,2})[日号])?"
)
ZH_NUMERAL = re.compile(r"[零一二两三四五六七八九十百]+(?=[个位件条项天次单名家笔%])")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9]|[A-Z]")
EN_WORD_NUMBER = re.compile(r"\b(" + "|".join(EN_NUMBERS) + r")\b", re.I)


@dataclass
class Facts:
    numbers: set[Decimal] = field(default_factory=set)
    days: set[tuple[int, int]] = field(default_factory=set)  # (month, day)
    ids: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # Latin-letter words (only gathered from the Chinese)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def zh_numeral(text: str) -> int | None:
    """一 to 九百九十九 as a number ("七十三" -> 73, "十二" -> 12), else None."""
    total, current = 0, 0
    for char in text:
        if char in ZH_DIGITS:
            current = ZH_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _days_en(text: str, facts: Facts) -> str:
    for m in ISO.finditer(text):
        facts.days.add((int(m.group(2)), int(m.group(3))))
    text = _blank(text, ISO)
    for m in EN_DAY_MONTH.finditer(text):
        month = MONTHS[m.group(3).lower()]
        facts.days.add((month, int(m.group(1))))
        if m.group(2):
            facts.days.add((month, int(m.group(2))))
    text = _blank(text, EN_DAY_MONTH)
    for m in EN_MONTH_DAY.finditer(text):
        facts.days.add((MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2))))
    text = _blank(text, EN_MONTH_DAY)
    return re.sub(r"\b(19|20)\d{2}\b", " ", text, flags=re.ASCII)  # a year alone is context, not a count


def _days_zh(text: str, facts: Facts) -> str:
    for m in ISO.finditer(text):
        facts.days.add((int(m.group(2)), int(m.group(3))))
    text = _blank(text, ISO)
    for m in ZH_DATE.finditer(text):
        month = int(m.group(2))
        facts.days.add((month, int(m.group(3))))
        if m.group(5):
            facts.days.add((int(m.group(4) or month), int(m.group(5))))
    text = _blank(text, ZH_DATE)
    text = re.sub(r"(19|20)\d{2}年", " ", text)
    return text


def _numbers(text: str, facts: Facts) -> None:
    for m in PERCENT.finditer(text):
        value = _decimal(m.group(1))
        if value is not None:
            facts.numbers.add(value)
    for m in NUMBER.finditer(_blank(text, PERCENT)):
        value = _decimal(m.group(0))
        if value is not None:
            facts.numbers.add(value)


def facts_en(text: str) -> Facts:
    facts = Facts(ids=set(ID.findall(text)))
    rest = _days_en(_blank(text, ID), facts)
    _numbers(rest, facts)
    for m in EN_WORD_NUMBER.finditer(rest):
        if m.group(1).lower() != "one":  # "one of our packers": too often not a count
            facts.numbers.add(Decimal(EN_NUMBERS[m.group(1).lower()]))
    return facts


def facts_zh(text: str) -> Facts:
    facts = Facts(ids=set(ID.findall(text)))
    rest = _days_zh(_blank(text, ID), facts)
    _numbers(rest, facts)
    for m in ZH_NUMERAL.finditer(rest):
        value = zh_numeral(m.group(0))
        if value is not None and value != 1:
            facts.numbers.add(Decimal(value))
    rest = _blank(rest, NUMBER)
    facts.names = {w for w in LATIN.findall(rest) if len(w) > 1}
    return facts


def _number_text(value: Decimal) -> str:
    return format(value, "f") if value == value.to_integral_value() else str(value)


@dataclass(frozen=True)
class Mismatch:
    """What one text holds that the other does not, for a warning that names both sides."""

    only_en: list[str]
    only_zh: list[str]


def compare(text: str, text_zh: str) -> Mismatch | None:
    """The facts that differ between the English and the Chinese of one point, or None when they agree."""
    en, zh = facts_en(text), facts_zh(text_zh)
    only_en: list[str] = []
    only_zh: list[str] = []
    only_en += [_number_text(n) for n in sorted(en.numbers - zh.numbers)]
    only_zh += [_number_text(n) for n in sorted(zh.numbers - en.numbers)]
    only_en += [f"{MONTH_NAMES[m - 1]} {d}" for m, d in sorted(en.days - zh.days) if 1 <= m <= 12]
    only_zh += [f"{m}月{d}日" for m, d in sorted(zh.days - en.days)]
    only_en += sorted(en.ids - zh.ids)
    only_zh += sorted(zh.ids - en.ids)
    lower = text.lower()
    only_zh += sorted(n for n in zh.names if n.lower() not in lower)
    return Mismatch(only_en, only_zh) if only_en or only_zh else None
