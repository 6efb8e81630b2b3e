"""Render a phrase of the bank with the seller's values, in English for the letter and Chinese for her.

The template syntax is described in :mod:`reinstate.kb.phrases`. English counts and id lists take
their noun in the right number through the composer's inflection helpers ("1 order", "12 orders");
dates use the letter's one format ("14 November 2026"); Chinese uses 2026年11月14日, 、 between ids
and the Chinese name of each choice and currency.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from reinstate.case.schema import ActionEntry, Case, MeasureEntry, RootCauseEntry
from reinstate.kb import BankPhrase, load_phrase_bank
from reinstate.kb.phrases import (
    OPTIONAL,
    PLACEHOLDER,
    DateRange,
    Money,
    Phrase,
    Slot,
    Value,
    check_values,
    example_text,
)
from reinstate.letters.dates import date_zh, long_date, period
from reinstate.letters.english.text import plural

CURRENCY_EN = {"USD": "$", "GBP": "£", "EUR": "€"}
CURRENCY_ZH = {
    "USD": "美元", "GBP": "英镑", "EUR": "欧元", "JPY": "日元", "CNY": "人民币", "CAD": "加元",
    "AUD": "澳元", "MXN": "墨西哥比索", "INR": "印度卢比", "SGD": "新加坡元", "AED": "迪拉姆",
}  # fmt: skip


E = TypeVar("E", RootCauseEntry, ActionEntry, MeasureEntry)
Missing = Callable[[Slot], str]  # what to write for a slot that has no value yet


class PhraseValueError(ValueError):
    """The values do not fit the phrase; ``problems`` name each slot."""

    def __init__(self, problems: list[Any]) -> None:
        super().__init__("; ".join(f"{p.slot}: {p.message.en}" for p in problems))
        self.problems = problems


def join_en(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _decimal(number: Decimal) -> str:
    text = f"{number:,.2f}" if number != number.to_integral_value() else f"{int(number):,}"
    return text


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def range_en(value: DateRange) -> str:
    return long_date(value.start) if value.start == value.end else period(value.start, value.end)


def range_zh(value: DateRange) -> str:
    first, last = value.start, value.end
    if first == last:
        return date_zh(first)
    if first.year == last.year and first.month == last.month:
        return f"{date_zh(first)}至{last.day}日"
    if first.year == last.year:
        return f"{date_zh(first)}至{last.month}月{last.day}日"
    return f"{date_zh(first)}至{date_zh(last)}"


def count_of(value: Value) -> int:
    if isinstance(value, tuple):
        return len(value)
    if isinstance(value, int):
        return value
    return 2


def value_text(slot: Slot, value: Value, lang: str) -> str:
    """One value as the language writes it."""
    if isinstance(value, DateRange):
        return range_zh(value) if lang == "zh" else range_en(value)
    if isinstance(value, dt.date):
        return date_zh(value) if lang == "zh" else long_date(value)
    if isinstance(value, Money):
        amount = _decimal(value.amount)
        if lang == "zh":
            return f"{amount} {CURRENCY_ZH.get(value.currency, value.currency)}"
        symbol = CURRENCY_EN.get(value.currency)
        return f"{symbol}{amount}" if symbol else f"{value.currency} {amount}"
    if isinstance(value, tuple):
        return "、".join(value) if lang == "zh" else join_en(list(value))
    if isinstance(value, Decimal):  # a percentage
        return f"{_plain(value)}%"
    if isinstance(value, int):
        return f"{value:,}"  # "1,240 units", as a consultant writes it
    if slot.type == "choice":
        choice = next(c for c in slot.choices if c.id == value)
        return choice.zh if lang == "zh" else choice.en
    return value


def _with_noun(slot: Slot, value: Value, noun: str) -> str:
    n = count_of(value)
    word = plural(noun, n)
    if isinstance(value, tuple):
        return f"{word} {value_text(slot, value, 'en')}"
    return f"{value_text(slot, value, 'en')} {word}"


def _fill(
    template: str, phrase: Phrase, values: dict[str, Value], lang: str, missing: Missing | None = None
) -> str:
    """``template`` filled with ``values``. Without ``missing`` every slot it names must have a value and an
    optional part ``[...]`` is kept only when all its slots have one; with ``missing`` (a form's preview of
    a phrase half filled in), a slot without a value is written as ``missing(slot)``, a count-agreeing form
    ``{n?one:many}`` takes its plural, and every optional part is kept, so the seller sees every slot."""

    def one(match: re.Match[str]) -> str:
        name, noun, one_form, many_form = match.groups()
        slot = phrase.slot(name)
        assert slot is not None
        if missing is not None and name not in values:
            return many_form if one_form is not None else missing(slot)
        value = values[name]
        if noun and lang == "en" and count_of(value) == 1 and match.string[: match.start()].endswith("all "):
            return "\x00" + plural(noun, 1)  # "all 1 order" reads "the order"
        if noun:
            return _with_noun(slot, value, noun)
        if one_form is not None:
            return one_form if count_of(value) == 1 else many_form
        return value_text(slot, value, lang)

    def optional(match: re.Match[str]) -> str:
        inside = match.group(1)
        names = {m.group(1) for m in PLACEHOLDER.finditer(inside)}
        return inside if missing is not None or all(n in values for n in names) else ""

    text = OPTIONAL.sub(optional, template)
    text = PLACEHOLDER.sub(one, text)
    text = re.sub(r"\b(all|All) \x00", lambda m: "the " if m.group(1) == "all" else "The ", text)
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split())) if lang == "en" else text.strip()
    return text


def render(phrase: Phrase, raw: dict[str, Any], lang: str = "en") -> str:
    """The phrase filled with the seller's values; :class:`PhraseValueError` when a value is wrong."""
    values, problems = check_values(phrase, raw)
    if problems:
        raise PhraseValueError(problems)
    text = _fill(phrase.zh if lang == "zh" else phrase.en, phrase, values, lang)
    return text[:1].upper() + text[1:] if lang == "en" else text


def sketch(phrase: Phrase, raw: dict[str, Any], lang: str, missing: Missing) -> str:
    """The phrase with the values given so far (each one that parses) and ``missing(slot)`` for every
    other slot: the live preview of a form the seller is still filling in. Never raises for a value."""
    values, _ = check_values(phrase, raw)
    return _fill(phrase.zh if lang == "zh" else phrase.en, phrase, values, lang, missing)


def render_example(phrase: Phrase, lang: str = "en") -> str:
    return render(phrase, {s.name: s.example for s in phrase.slots}, lang)


def resolve_case(case: Case) -> Case:
    """The case with every ``phrase:`` entry written out: ``text`` in English, ``text_zh`` in Chinese.

    A root cause from a phrase also takes the phrase's knowledge-base cause and reason when it names
    none. The case loader has already checked the ids and values, so this cannot fail on a loaded case.
    """

    def written(entry: E) -> E:
        if not entry.phrase:
            return entry
        item = bank.find(entry.phrase)
        assert item is not None, entry.phrase
        values = entry.values or {}
        update: dict[str, Any] = {
            "text": render(item.phrase, values),
            "text_zh": render(item.phrase, values, "zh"),
        }
        if isinstance(entry, RootCauseEntry):
            update["kb"] = entry.kb or item.phrase.kb
            update["reason"] = entry.reason or item.reason
        return entry.model_copy(update=update)

    entries: list[RootCauseEntry | ActionEntry | MeasureEntry] = [
        *case.root_causes,
        *case.actions_taken,
        *case.preventive_measures,
    ]
    if not any(e.phrase for e in entries):
        return case  # the bank is loaded only for a case that uses it
    bank = load_phrase_bank()
    return case.model_copy(
        update={
            "root_causes": [written(e) for e in case.root_causes],
            "actions_taken": [written(e) for e in case.actions_taken],
            "preventive_measures": [written(e) for e in case.preventive_measures],
        }
    )


KIND_LABELS = {
    "root_cause": ("root cause", "根本原因"),
    "action_taken": ("action taken", "已采取的措施"),
    "preventive_measure": ("preventive measure", "预防措施"),
}


def phrases_text(items: list[BankPhrase], lang: str = "en") -> str:
    """The phrase bank as ``reinstate phrases`` prints it: each phrase, its slots and a worked example."""
    zh = lang == "zh"
    lines: list[str] = []
    for item in items:
        phrase = item.phrase
        kind = KIND_LABELS[phrase.kind][1 if zh else 0]
        lines.append(f"{item.id}  ({kind}: {phrase.kb})")
        if phrase.use_when:
            lines.append(("  适用：" if zh else "  Use when: ") + phrase.use_when.get(lang))
        lines.append("  " + " ".join((phrase.zh if zh else phrase.en).split()))
        for slot in phrase.slots:
            optional = ("（选填）" if zh else " (optional)") if not slot.required else ""
            detail = f"    {slot.name}: {slot.type}{optional}, {slot.label.get(lang)}"
            if slot.choices:
                detail += " [" + " | ".join(f"{c.id} = {c.zh if zh else c.en}" for c in slot.choices) + "]"
            detail += ("，例如 " if zh else ", e.g. ") + example_text(slot)
            lines.append(detail)
        lines.append(("  例句（英文）：" if zh else "  Example: ") + render_example(phrase))
        if zh:
            lines.append("  例句（中文）：" + render_example(phrase, "zh"))
        lines.append("")
    if not items:
        lines.append("没有符合条件的现成句子。" if zh else "No phrase matches.")
    return "\n".join(lines) + "\n"
