"""The case file (spec section 3): what the seller tells us, validated strictly.

Unknown keys are errors. Dates must be real calendar dates written ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

MARKETPLACES = (
    "US", "CA", "MX", "BR", "UK", "GB", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE", "TR",
    "AE", "SA", "EG", "IN", "JP", "AU", "SG",
)  # fmt: skip

MARKETPLACE_DOMAINS = {
    "US": "amazon.com", "CA": "amazon.ca", "MX": "amazon.com.mx", "BR": "amazon.com.br",
    "UK": "amazon.co.uk", "GB": "amazon.co.uk", "DE": "amazon.de", "FR": "amazon.fr", "IT": "amazon.it",
    "ES": "amazon.es", "NL": "amazon.nl", "SE": "amazon.se", "PL": "amazon.pl", "BE": "amazon.com.be",
    "IE": "amazon.ie", "TR": "amazon.com.tr", "AE": "amazon.ae", "SA": "amazon.sa", "EG": "amazon.eg",
    "IN": "amazon.in", "JP": "amazon.co.jp", "AU": "amazon.com.au", "SG": "amazon.sg",
}  # fmt: skip


def _calendar_date(value: Any) -> Any:
    """Accept a YAML date or a ``YYYY-MM-DD`` string; refuse numbers, times and other formats."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")


CalendarDate = Annotated[dt.date, BeforeValidator(_calendar_date)]


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def _text(value: Any) -> Any:
    if isinstance(value, str):
        bad = CONTROL.search(value)
        if bad:
            raise ValueError(
                f"contains the invisible control character U+{ord(bad.group(0)):04X}, which no letter or Word "
                "file can hold; delete it (it often comes with text pasted from a PDF or a chat app)"
            )
        value = " ".join(value.split())
        if not value:
            raise ValueError("is empty")
    return value


Sentence = Annotated[str, BeforeValidator(_text)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Seller(Strict):
    name: Sentence = Field(description="the business name as registered in Seller Central")
    marketplace: str | None = Field(default=None, description="US UK DE FR IT ES CA MX JP AU IN ...")
    fulfillment: Literal["MFN", "FBA", "both"] | None = None
    merchant_token: str | None = Field(default=None, description="the seller ID shown in Seller Central")
    contact: str | None = Field(default=None, description="name and role signing the letter")
    legal_name: Sentence | None = Field(
        default=None,
        description="the registered name in Chinese, shown in brackets after `name` in the signature",
    )
    address: Sentence | None = Field(
        default=None,
        description="the business address as registered in Seller Central (invoices and bills must match it)",
    )

    @field_validator("marketplace")
    @classmethod
    def _marketplace(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = value.strip().upper()
        if code not in MARKETPLACES:
            raise ValueError(f"{value!r} is not a marketplace code; use one of {', '.join(MARKETPLACES)}")
        return code


class FactEntry(Strict):
    """A plain statement the letter relies on; ``letter: false`` keeps it out of the letter on purpose."""

    text: Sentence = Field(description="what happened, with its numbers, dates and names")
    text_zh: Sentence | None = Field(
        default=None, description="the same fact in Chinese, for the mirror and the fact lock"
    )
    letter: bool = Field(default=True, description="false keeps this fact out of the letter on purpose")


def _fact(value: Any) -> Any:
    """A fact may be written as a plain string (the usual form) or as ``{text, letter}``."""
    return {"text": value} if isinstance(value, str) else value


class RootCauseEntry(Strict):
    text: Sentence | None = Field(default=None, description="what happened, when, how many (or `phrase`)")
    phrase: str | None = Field(
        default=None, description="a phrase-bank id (`reinstate phrases`), used instead of `text`"
    )
    values: dict[str, Any] | None = Field(default=None, description="the phrase's slot values, by slot name")
    text_zh: Sentence | None = Field(
        default=None, description="the same content in Chinese, when `text` is your own English"
    )
    kb: str | None = Field(
        default=None, description="a knowledge-base root cause id, e.g. late-or-lost-deliveries"
    )
    evidence: Sentence | None = Field(default=None, description="the numbers or records that prove it")
    reason: str | None = Field(default=None, description="the reason id this cause answers")

    @model_validator(mode="after")
    def _text_or_kb(self) -> RootCauseEntry:
        if not self.text and not self.kb and not self.phrase and not self.text_zh:
            raise ValueError(
                "a root cause needs `text` (what happened), `phrase` (a phrase-bank id) or `kb` "
                "(a knowledge-base cause id)"
            )
        return self


class ActionEntry(Strict):
    text: Sentence | None = Field(default=None, description="what was done (or give `phrase`)")
    phrase: str | None = Field(
        default=None, description="a phrase-bank id (`reinstate phrases`), used instead of `text`"
    )
    values: dict[str, Any] | None = Field(default=None, description="the phrase's slot values, by slot name")
    text_zh: Sentence | None = Field(
        default=None, description="the same content in Chinese, when `text` is your own English"
    )
    date: CalendarDate | None = Field(default=None, description="the day it was completed")
    done: bool = Field(default=True, description="false for an action that is planned, not yet done")
    evidence: Sentence | None = Field(default=None, description="what proves it, e.g. a screenshot attached")
    owner: Sentence | None = Field(default=None, description="who carries out a planned action")

    @model_validator(mode="after")
    def _text_or_phrase(self) -> ActionEntry:
        if not self.text and not self.phrase and not self.text_zh:
            raise ValueError("an action needs `text` (what was done) or `phrase` (a phrase-bank id)")
        return self


class MeasureEntry(Strict):
    text: Sentence | None = Field(
        default=None, description="the rule or control that prevents a repeat (or give `phrase`)"
    )
    phrase: str | None = Field(
        default=None, description="a phrase-bank id (`reinstate phrases`), used instead of `text`"
    )
    values: dict[str, Any] | None = Field(default=None, description="the phrase's slot values, by slot name")
    text_zh: Sentence | None = Field(
        default=None, description="the same content in Chinese, when `text` is your own English"
    )
    owner: Sentence | None = Field(default=None, description="the role responsible")
    start: CalendarDate | None = Field(default=None, description="the day it started or starts")
    frequency: Sentence | None = Field(default=None, description="how often it runs")

    @model_validator(mode="after")
    def _text_or_phrase(self) -> MeasureEntry:
        if not self.text and not self.phrase and not self.text_zh:
            raise ValueError("a measure needs `text` (the rule) or `phrase` (a phrase-bank id)")
        return self


class ProductEntry(Strict):
    """One product and the identifiers a supplier's invoice may use for it (`reinstate documents`)."""

    asin: str = Field(description="the ASIN, e.g. B0LKBRDOAK")
    sku: str | None = Field(default=None, description="your seller SKU")
    upc: str | None = Field(default=None, description="the UPC or EAN printed on the invoice")
    model: str | None = Field(default=None, description="the supplier's model or item number")
    name: Sentence | None = Field(default=None, description="the product name")
    brand: Sentence | None = Field(default=None, description="the brand, for letters of authorization")

    @field_validator("asin")
    @classmethod
    def _asin(cls, value: str) -> str:
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z0-9]{10}", code):
            raise ValueError(f"{value!r} is not an ASIN (10 letters and digits, e.g. B0LKBRDOAK)")
        return code


class LetterOptions(Strict):
    max_words: int = Field(default=650, ge=150, le=5000, description="word budget of the letter")
    form_limit: int = Field(default=2000, ge=200, le=20000, description="characters per appeal-form answer")
    appendix: bool = Field(
        default=False, description="add a table of the defective orders found in the reports"
    )


Outcome = Literal["reinstated", "more_information", "rejected", "final_decision", "unknown"]


class Ground(Strict):
    """One reason, in the seller's own words, why there was no violation (a dispute, a retraction request)."""

    text: Sentence = Field(description="what shows there was no violation, with its dates, names and ids")
    text_zh: Sentence | None = Field(default=None, description="the same in Chinese, for the mirror")
    evidence: Sentence | None = Field(default=None, description="the document that proves it (an exhibit)")


class PathInfo(Strict):
    """What decides the path besides the notice (`reinstate draft --kind`); every key is optional."""

    aha: bool | None = Field(
        default=None, description="true when the account is enrolled in Account Health Assurance"
    )
    challenges_left: int | None = Field(
        default=None, ge=0, le=3, description="Seller Challenge slots left (AHA sellers; three at most)"
    )
    outcomes: list[Outcome] = Field(
        default_factory=list,
        description="Amazon's answers to earlier appeals of this notice, oldest first (`rejected`, ...)",
    )
    grounds: list[Ground] = Field(
        default_factory=list,
        description="your reasons for saying there was no violation (dispute, retraction, challenge)",
    )
    rights_owner: Sentence | None = Field(
        default=None, description="the complainant of an IP notice, when the notice does not name it"
    )
    claim_order: str | None = Field(default=None, description="the order id of an A-to-z claim")


class NoticeReceived(Strict):
    """One notice the account has received, for the repeat-violation counter."""

    date: CalendarDate = Field(description="the day the notice arrived")
    reason: str = Field(description="its reason id (`reinstate reasons`)")
    asins: list[str] = Field(default_factory=list, description="the ASINs it named")
    note: Sentence | None = Field(default=None, description="anything to remember about it")


def _none_is_empty(value: Any) -> Any:
    """``root_causes:`` with nothing (or only comments) under it is an empty list, not an error."""
    return [] if value is None else value


Listed = BeforeValidator(_none_is_empty)


class Case(Strict):
    version: Literal[1] = 1
    seller: Seller
    notice: str | None = Field(default=None, description="a path to the notice, or the notice text")
    reports: str | list[str] | None = Field(default=None, description="a folder or a list of downloads")
    as_of: CalendarDate | None = Field(default=None, description="the date the case is written for")
    language: Literal["en", "zh"] = Field(default="en", description="the seller's language for messages")
    scope: Literal["account", "listing", "category", "fulfillment-method"] | None = None
    reasons: Annotated[list[str], Listed] = Field(default_factory=list)
    facts: Annotated[list[Annotated[FactEntry, BeforeValidator(_fact)]], Listed] = Field(default_factory=list)
    root_causes: Annotated[list[RootCauseEntry], Listed] = Field(default_factory=list)
    actions_taken: Annotated[list[ActionEntry], Listed] = Field(default_factory=list)
    preventive_measures: Annotated[list[MeasureEntry], Listed] = Field(default_factory=list)
    attachments: Annotated[list[Sentence], Listed] = Field(
        default_factory=list, description="documents sent with the appeal"
    )
    products: Annotated[list[ProductEntry], Listed] = Field(
        default_factory=list, description="your products with their SKU, UPC and model (invoices → ASINs)"
    )
    letter: LetterOptions = Field(default_factory=LetterOptions)
    path: PathInfo | None = Field(
        default=None, description="what decides the answer path besides the notice (`draft --kind`)"
    )
    notices_received: Annotated[list[NoticeReceived], Listed] = Field(
        default_factory=list, description="the notices the account received, for the repeat counter"
    )
