"""The bilingual phrase bank: sentences we wrote, in English and Chinese, with typed slots.

A seller who reads English poorly picks a phrase and fills its slots (dates, counts, ids, a carrier's
name) instead of typing English. The English in the letter then comes from our sentence and her
values, and the Chinese mirror from the same phrase and the same values, so she can read what she
sends and nothing in it was invented.

One file per reason or playbook, ``data/phrases/<id>.yaml``. A phrase's full id is
``<file id>/<local id>``; the local id alone is accepted wherever it is unique across the bank.

Template syntax, the same in both languages:

- ``{slot}``: the value, written for the language (dates as "14 November 2026" / "2026年11月14日").
- ``{slot|noun}`` (English only): a count or id list with its noun, in the right number:
  "1 order" / "12 orders", "ASIN B0C1234567" / "ASINs B0C1234567 and B0C7654321".
- ``{slot?one:many}`` (English only): a word that agrees with the slot's count, e.g. "{orders?was:were}".
- ``[...]``: an optional part, left out when a slot inside it has no value.

This module validates the data and the seller's values; rendering needs inflection and lives in
:mod:`reinstate.letters.phrasing`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from reinstate.kb.schema import SLUG_PATTERN, Strict, Text

Kind = Literal["root_cause", "action_taken", "preventive_measure"]
SlotType = Literal["date", "date_range", "number", "percent", "money", "id", "choice", "name", "text_en"]
IdKind = Literal["asin", "sku", "order", "shipment", "complaint", "tracking"]
KINDS: tuple[Kind, ...] = ("root_cause", "action_taken", "preventive_measure")

LOCAL_ID = r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)?$"
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([^{}?]+)|\?([^{}:]*):([^{}]*))?\}")
OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
# The one definition of "not English script" for the whole library (the reviewer's POA521, the
# draft's non-English check, the phrase bank, the web forms): CJK punctuation, CJK ideographs
# (extension A and the unified block), compatibility ideographs, and full-width forms (，：（）).
CJK_CLASS = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
CJK = re.compile(CJK_CLASS)
HAN = re.compile(r"[\u3400-\u9fff]")  # ideographs only: to weigh Chinese against Latin letters
LATIN_NAME = re.compile(r"^[A-Za-z0-9À-ɏ][A-Za-z0-9À-ɏ &'’.,()/+#-]*$")

ID_PATTERNS: dict[str, tuple[re.Pattern[str], Text]] = {
    "asin": (
        re.compile(r"^(B0[0-9A-Z]{8}|\d{9}[\dX])$"),
        Text(en="an ASIN is 10 characters, e.g. B0C1234567", zh="ASIN 是 10 位字符，例如 B0C1234567"),
    ),
    "sku": (
        re.compile(r"^[^\s,;]{1,40}$"),
        Text(en="a SKU has no spaces and at most 40 characters", zh="SKU 不含空格，最多 40 个字符"),
    ),
    "order": (
        re.compile(r"^\d{3}-\d{7}-\d{7}$"),
        Text(
            en="an Amazon order id reads 3-7-7 digits, e.g. 112-1234567-1234567",
            zh="亚马逊订单号是 3-7-7 位数字，例如 112-1234567-1234567",
        ),
    ),
    "shipment": (
        re.compile(r"^FBA[0-9A-Z]{6,12}$"),
        Text(
            en="an FBA shipment id starts with FBA, e.g. FBA17XYZ1234",
            zh="FBA 货件编号以 FBA 开头，例如 FBA17XYZ1234",
        ),
    ),
    "complaint": (
        re.compile(r"^\d{6,12}$"),
        Text(en="a complaint id is 6 to 12 digits", zh="投诉编号是 6 到 12 位数字"),
    ),
    "tracking": (
        re.compile(r"^[0-9A-Z]{8,34}$"),
        Text(en="a tracking number is 8 to 34 letters and digits", zh="追踪号是 8 到 34 位字母和数字"),
    ),
}

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "US$": "USD", "C$": "CAD", "A$": "AUD"}
MONEY = re.compile(
    r"^(?P<pre>US\$|C\$|A\$|[$£€¥]|[A-Z]{3})?\s*(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
    r"\s*(?P<post>[A-Z]{3})?$"
)


class Choice(Strict):
    id: str = Field(pattern=SLUG_PATTERN)
    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)


class Slot(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: SlotType
    label: Text
    required: bool = True
    example: Any = Field(description="a value that renders cleanly in both languages")
    choices: list[Choice] = Field(default_factory=list)
    of: IdKind | None = Field(default=None, description="for an id slot: which kind of id")
    many: bool = Field(default=False, description="for an id slot: a list of ids is allowed")

    @model_validator(mode="after")
    def _consistent(self) -> Slot:
        if self.type == "choice" and len(self.choices) < 2:
            raise ValueError(f"slot {self.name!r}: a choice slot lists at least two choices")
        if self.type != "choice" and self.choices:
            raise ValueError(f"slot {self.name!r}: only a choice slot has choices")
        if (self.type == "id") != (self.of is not None):
            raise ValueError(
                f"slot {self.name!r}: an id slot names `of` (asin, sku, order...), others do not"
            )
        problem = value_problem(self, self.example)
        if problem:
            raise ValueError(f"slot {self.name!r}: the example is not valid: {problem.en}")
        return self


class Phrase(Strict):
    id: str = Field(pattern=LOCAL_ID, description="local id, unique in its file")
    kb: str = Field(pattern=SLUG_PATTERN, description="the root cause, action, measure or step it serves")
    kind: Kind
    use_when: Text | None = Field(default=None, description="when a consultant would pick this phrasing")
    slots: list[Slot] = Field(default_factory=list)
    en: str = Field(min_length=10)
    zh: str = Field(min_length=4)

    @field_validator("zh")
    @classmethod
    def _tidy(cls, value: str) -> str:
        from reinstate.kb.schema import tidy_chinese

        return tidy_chinese(value)

    @model_validator(mode="after")
    def _slots_used(self) -> Phrase:
        names = [s.name for s in self.slots]
        if len(set(names)) != len(names):
            raise ValueError(f"phrase {self.id!r}: a slot name is used twice")
        for lang, template in (("en", self.en), ("zh", self.zh)):
            used = placeholders(template)
            unknown = used - set(names)
            if unknown:
                raise ValueError(f"phrase {self.id!r}: {lang} uses unknown slot(s) {sorted(unknown)}")
            missing = set(names) - used
            if missing:
                raise ValueError(f"phrase {self.id!r}: {lang} leaves out slot(s) {sorted(missing)}")
            for slot in self.slots:
                if not slot.required and not _inside_optional(template, slot.name):
                    raise ValueError(
                        f"phrase {self.id!r}: optional slot {slot.name!r} must stand inside [...] in {lang}"
                    )
        if CJK.search(self.en):
            raise ValueError(f"phrase {self.id!r}: the English template holds Chinese characters")
        for match in PLACEHOLDER.finditer(self.zh):
            if match.group(2) or match.group(3) is not None:
                raise ValueError(f"phrase {self.id!r}: zh templates use plain {{slot}} placeholders only")
        return self

    def slot(self, name: str) -> Slot | None:
        return next((s for s in self.slots if s.name == name), None)


class PhraseFile(Strict):
    phrases: list[Phrase] = Field(min_length=1)


def placeholders(template: str) -> set[str]:
    return {m.group(1) for m in PLACEHOLDER.finditer(template)}


def _inside_optional(template: str, name: str) -> bool:
    outside = OPTIONAL.sub("", template)
    return name not in placeholders(outside)


@dataclass(frozen=True)
class BankPhrase:
    """A phrase with where it belongs: its reason (or playbook) and its full id."""

    phrase: Phrase
    source: str  # the reason or playbook id of its file
    playbook: bool

    @property
    def id(self) -> str:
        return f"{self.source}/{self.phrase.id}"

    @property
    def reason(self) -> str | None:
        return None if self.playbook else self.source


# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date


Value = dt.date | DateRange | int | Decimal | Money | tuple[str, ...] | str


def value_problem(slot: Slot, raw: Any) -> Text | None:
    """What is wrong with a value for this slot (en and zh), or None when it is fine."""
    try:
        parse_value(slot, raw)
    except ValueError as exc:
        return exc.args[0] if exc.args and isinstance(exc.args[0], Text) else Text(en=str(exc), zh=str(exc))
    return None


def _bad(en: str, zh: str) -> ValueError:
    return ValueError(Text(en=en, zh=zh))


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise _bad(
        f"{raw!r} is not a date written YYYY-MM-DD", f"{raw!r} 不是日期，请写成 YYYY-MM-DD，例如 2026-11-14"
    )


def _date_range(raw: Any) -> DateRange:
    if isinstance(raw, dict) and set(raw) == {"from", "to"}:
        start, end = _date(raw["from"]), _date(raw["to"])
    elif isinstance(raw, str) and re.fullmatch(r"\s*\S+\s*(/|\.\.|\bto\b)\s*\S+\s*", raw):
        first, last = re.split(r"/|\.\.|\bto\b", raw, maxsplit=1)
        start, end = _date(first), _date(last)
    else:
        raise _bad(
            "a period is written {from: YYYY-MM-DD, to: YYYY-MM-DD}",
            "时间段请写成 {from: 开始日期, to: 结束日期}，日期格式 YYYY-MM-DD",
        )
    if end < start:
        raise _bad(
            f"the period ends ({end}) before it starts ({start})", f"结束日期（{end}）早于开始日期（{start}）"
        )
    return DateRange(start, end)


def _number(raw: Any, *, what: Text) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise _bad(f"{raw!r} is not {what.en}", f"{raw!r} 不是{what.zh}")
    text = str(raw).strip().replace(",", "") if isinstance(raw, str) else repr(raw)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _bad(f"{raw!r} is not {what.en}", f"{raw!r} 不是{what.zh}") from None
    if not number.is_finite() or number < 0:
        raise _bad(f"{raw!r} is not {what.en}", f"{raw!r} 不是{what.zh}")
    return number


def _count(raw: Any) -> int:
    number = _number(raw, what=Text(en="a whole number", zh="整数"))
    if number != number.to_integral_value() or number > 10**9:
        raise _bad(f"{raw!r} is not a whole number", f"{raw!r} 不是整数")
    return int(number)


def _percent(raw: Any) -> Decimal:
    text = raw.strip().removesuffix("%") if isinstance(raw, str) else raw
    number = _number(text, what=Text(en="a percentage such as 97 or 2.5%", zh="百分比，例如 97 或 2.5%"))
    if number > 100:
        raise _bad(f"{raw!r} is more than 100%", f"{raw!r} 超过了 100%")
    return number


def _money(raw: Any) -> Money:
    if isinstance(raw, dict) and set(raw) == {"amount", "currency"}:
        amount = _number(raw["amount"], what=Text(en="an amount", zh="金额"))
        currency = str(raw["currency"]).strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise _bad(
                f"{raw['currency']!r} is not a currency code such as USD",
                f"{raw['currency']!r} 不是货币代码，例如 USD",
            )
        return Money(amount, currency)
    match = MONEY.fullmatch(str(raw).strip()) if isinstance(raw, (str, int, float)) else None
    if not match or isinstance(raw, bool):
        raise _bad(
            f"{raw!r} is not an amount with its currency, e.g. USD 1,234.50 or $1,234.50",
            f"{raw!r} 不是带币种的金额，例如 USD 1,234.50 或 $1,234.50",
        )
    pre, post = match.group("pre"), match.group("post")
    if (pre and post) or not (pre or post):
        raise _bad(
            f"{raw!r} needs exactly one currency, e.g. USD 1,234.50",
            f"{raw!r} 需要写明一种币种，例如 USD 1,234.50",
        )
    currency = CURRENCY_SYMBOLS.get(pre or "", pre or post or "")
    return Money(Decimal(match.group("amount").replace(",", "")), currency)


def _ids(slot: Slot, raw: Any) -> tuple[str, ...]:
    values = raw if isinstance(raw, list) else [raw]
    if not values or (len(values) > 1 and not slot.many):
        raise _bad("give one id here", "这里只填一个编号")
    assert slot.of is not None
    pattern, rule = ID_PATTERNS[slot.of]
    ids = []
    for value in values:
        text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
        if slot.of in {"asin", "tracking", "shipment"}:
            text = text.upper()
        if not pattern.fullmatch(text):
            raise _bad(f"{value!r} is not valid: {rule.en}", f"{value!r} 格式不对：{rule.zh}")
        ids.append(text)
    if len(ids) > 50:
        raise _bad(
            "list at most 50 ids here; attach the rest as a file", "这里最多列 50 个编号，其余请作为附件提供"
        )
    return tuple(ids)


def _choice(slot: Slot, raw: Any) -> str:
    ids = [c.id for c in slot.choices]
    if raw in ids:
        return str(raw)
    raise _bad(f"{raw!r} is not one of: {', '.join(ids)}", f"{raw!r} 不在可选项里，请选择：{', '.join(ids)}")


def _name(raw: Any) -> str:
    text = " ".join(str(raw).split()) if isinstance(raw, str) else ""
    if not text or len(text) > 80:
        raise _bad("write a name of 1 to 80 characters", "请填写 1 到 80 个字符的名称")
    if not LATIN_NAME.fullmatch(text):
        raise _bad(
            f"{raw!r} is not in Latin letters; write the English or pinyin name the letter can use",
            f"{raw!r} 不是英文字母；信件是英文的，请填写英文名或拼音名",
        )
    return text


def _text_en(raw: Any) -> str:
    text = " ".join(str(raw).split()) if isinstance(raw, str) else ""
    if not text or len(text) > 160:
        raise _bad(
            "write a short English phrase (at most 160 characters)",
            "请填写一个简短的英文短语（最多 160 个字符）",
        )
    if CJK.search(text):
        raise _bad(
            f"{raw!r} holds Chinese characters; this part of the letter must be in English",
            f"{raw!r} 含有中文；这一项会直接写进英文信件，请填写英文",
        )
    return text


def parse_value(slot: Slot, raw: Any) -> Value:
    """The seller's value as a typed value; :class:`ValueError` carrying en/zh :class:`Text` otherwise."""
    match slot.type:
        case "date":
            return _date(raw)
        case "date_range":
            return _date_range(raw)
        case "number":
            return _count(raw)
        case "percent":
            return _percent(raw)
        case "money":
            return _money(raw)
        case "id":
            return _ids(slot, raw)
        case "choice":
            return _choice(slot, raw)
        case "name":
            return _name(raw)
        case "text_en":
            return _text_en(raw)
    raise AssertionError(slot.type)  # pragma: no cover


@dataclass(frozen=True)
class SlotProblem:
    """One wrong value, named so the seller can fix it."""

    slot: str
    message: Text
    fix: Text


def check_values(phrase: Phrase, values: dict[str, Any]) -> tuple[dict[str, Value], list[SlotProblem]]:
    """Parse every value; the problems name the slot, what is wrong and how to fix it."""
    parsed: dict[str, Value] = {}
    problems: list[SlotProblem] = []
    known = {s.name for s in phrase.slots}
    for name in values:
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            problems.append(
                SlotProblem(
                    str(name),
                    Text(en=f"this phrase has no slot '{name}'", zh=f"这个句子没有“{name}”这一项"),
                    Text(en=f"use one of its slots: {listed}", zh=f"可填写的项：{listed}"),
                )
            )
    for slot in phrase.slots:
        raw = values.get(slot.name)
        if raw is None or raw == "" or raw == []:
            if slot.required:
                problems.append(
                    SlotProblem(
                        slot.name,
                        Text(
                            en=f"'{slot.name}' ({slot.label.en}) is required", zh=f"必须填写“{slot.label.zh}”"
                        ),
                        Text(
                            en=f"add it, e.g. {slot.name}: {example_text(slot)}",
                            zh=f"例如：{example_text(slot)}",
                        ),
                    )
                )
            continue
        try:
            parsed[slot.name] = parse_value(slot, raw)
        except ValueError as exc:
            text = exc.args[0] if isinstance(exc.args[0], Text) else Text(en=str(exc), zh=str(exc))
            problems.append(
                SlotProblem(
                    slot.name,
                    text,
                    Text(
                        en=f"write it like {example_text(slot)}", zh=f"请按这个格式填写：{example_text(slot)}"
                    ),
                )
            )
    return parsed, problems


def example_text(slot: Slot) -> str:
    """The slot's example as a seller would type it in a case file."""
    example = slot.example
    if isinstance(example, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in example.items()) + "}"
    if isinstance(example, list):
        return "[" + ", ".join(map(str, example)) + "]"
    return str(example)


def example_json(value: Any) -> Any:
    """An example value as JSON can carry it (dates as YYYY-MM-DD)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: example_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [example_json(v) for v in value]
    return value


def phrase_json(item: BankPhrase) -> dict[str, Any]:
    """One phrase as ``reinstate phrases --format json`` gives it (spec section 7)."""
    phrase = item.phrase
    slots = []
    for slot in phrase.slots:
        data: dict[str, Any] = {
            "name": slot.name,
            "type": slot.type,
            "label_en": slot.label.en,
            "label_zh": slot.label.zh,
            "required": slot.required,
            "example": example_json(slot.example),
        }
        if slot.type == "choice":
            data["choices"] = [c.model_dump() for c in slot.choices]
        if slot.type == "id":
            data["of"], data["many"] = slot.of, slot.many
        slots.append(data)
    return {
        "id": item.id,
        "reason": item.reason,
        "playbook": item.source if item.playbook else None,
        "kb": phrase.kb,
        "kind": phrase.kind,
        "use_when": phrase.use_when.model_dump() if phrase.use_when else None,
        "slots": slots,
        "en": " ".join(phrase.en.split()),
        "zh": phrase.zh,
    }
