"""The validated shape of the knowledge base's data files.

Every reason file (``data/reasons/<id>.yaml``), the document catalogue (``data/documents.yaml``)
and every playbook (``data/playbooks/<id>.yaml``) is loaded through these models. Unknown keys
are errors, so a typo in a data file fails the test suite instead of vanishing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Slug = str
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)


def tidy_chinese(text: str) -> str:
    """Drop the spaces that YAML line folding leaves between Chinese characters and punctuation."""
    return CJK_GAP.sub("", text.strip())


class Text(Strict):
    """One piece of text in English and in Chinese."""

    en: str = Field(min_length=1)
    zh: str = Field(min_length=1)

    @field_validator("zh")
    @classmethod
    def _tidy(cls, value: str) -> str:
        return tidy_chinese(value)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Metric(Strict):
    """The account-health metric behind a reason, as Amazon publishes it."""

    key: str | None = Field(default=None, description="metric key of spec section 5, if computed")
    name: Text
    target: str = Field(description="as Amazon states it, e.g. '< 1%'")
    comparison: Literal["less_than", "greater_than_or_equal", "equals"]
    value: float = Field(description="the target as a fraction (0.01 = 1%) or a count")
    window: Text
    applies_to: Text
    source: str = Field(pattern=r"^https?://")
    last_verified: dt.date


class LetterPhrasing(Strict):
    """The project's own wording a letter uses for this reason."""

    subject: str = Field(min_length=5, description="issue named in the subject line")
    issue: str = Field(min_length=5, description="noun phrase: what went wrong, e.g. 'late shipments'")
    ownership: list[str] = Field(min_length=2, description="variants of the ownership sentence")
    closing: list[str] = Field(min_length=2, description="variants of the closing request")

    @field_validator("ownership", "closing")
    @classmethod
    def _no_pleading(cls, variants: list[str]) -> list[str]:
        banned = ("beg", "please please", "heartbroken", "sorry", "apolog", "family", "livelihood")
        for variant in variants:
            low = variant.lower()
            for word in banned:
                if word in low:
                    raise ValueError(f"emotive wording {word!r} in letter phrasing: {variant!r}")
        return variants


class Question(Strict):
    en: str = Field(min_length=5)
    zh: str = Field(min_length=2)

    @field_validator("zh")
    @classmethod
    def _tidy(cls, value: str) -> str:
        return tidy_chinese(value)


class RootCause(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    title: Text
    statement: str = Field(
        min_length=10, description="a first-person, past-tense sentence a letter can state as the cause"
    )
    questions: list[Question] = Field(min_length=1)
    data_signal: Text = Field(description="what in the seller's data would prove this cause")
    corrective_actions: list[Slug] = Field(min_length=1)
    preventive_measures: list[Slug] = Field(min_length=1)
    playbook: Slug | None = None


class CorrectiveAction(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    text: Text = Field(description="imperative: what to do now to fix the damage")
    evidence: Text = Field(description="what proves it is done")


class PreventiveMeasure(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    text: Text
    owner: Text
    frequency: Text
    checks: Text = Field(description="what is checked each time")


class Reason(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    names: Text
    summary: Text
    category: Literal["performance", "policy", "account"]
    scope: Literal["account", "listing", "category", "fulfillment-method"]
    appeal_needed: bool
    appeal_note: Text
    metric: Metric | None = None
    sources: list[str] = Field(min_length=1)
    notice_phrases: list[str] = Field(min_length=2)
    notice_phrases_zh: list[str] = Field(min_length=1)
    letter: LetterPhrasing
    root_causes: list[RootCause] = Field(min_length=4, max_length=10)
    corrective_actions: list[CorrectiveAction] = Field(min_length=1)
    preventive_measures: list[PreventiveMeasure] = Field(min_length=1)
    documents: list[Slug] = Field(min_length=1)
    pitfalls: list[Text] = Field(min_length=1)
    playbooks: list[Slug] = Field(default_factory=list)

    @field_validator("sources")
    @classmethod
    def _urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"source is not a URL: {url!r}")
        return urls

    @field_validator("notice_phrases")
    @classmethod
    def _lowercase(cls, phrases: list[str]) -> list[str]:
        for phrase in phrases:
            if phrase != phrase.lower():
                raise ValueError(f"notice phrases are matched in lower case; write {phrase.lower()!r}")
        return phrases

    def cause(self, cause_id: str) -> RootCause | None:
        return next((c for c in self.root_causes if c.id == cause_id), None)

    def action(self, action_id: str) -> CorrectiveAction | None:
        return next((a for a in self.corrective_actions if a.id == action_id), None)

    def measure(self, measure_id: str) -> PreventiveMeasure | None:
        return next((m for m in self.preventive_measures if m.id == measure_id), None)


class Document(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    name: Text
    requirements: list[Text] = Field(default_factory=list)
    source: str | None = None


class DocumentCatalogue(Strict):
    documents: list[Document]


class PlaybookStep(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    title: Text
    text: Text
    owner: Text
    frequency: Text
    checks: Text


class PlaybookSignal(Strict):
    """A pattern in the seller's data and what it usually means."""

    signal: Text
    meaning: Text
    steps: list[Slug] = Field(min_length=1)


class Playbook(Strict):
    id: Slug = Field(pattern=SLUG_PATTERN)
    names: Text
    summary: Text
    used_by: list[Slug] = Field(min_length=1)
    signals: list[PlaybookSignal] = Field(min_length=3)
    steps: list[PlaybookStep] = Field(min_length=5)
    sources: list[str] = Field(min_length=1)
