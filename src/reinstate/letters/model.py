"""The typed result of composing an appeal: the letter's parts, the form answers and the warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reinstate.review import Review


@dataclass(frozen=True)
class DraftWarning:
    """Something a strong appeal needs and the case lacks, with what to add (English and Chinese)."""

    code: str
    message: str
    message_zh: str
    key: str | None = None

    def text(self, lang: str = "en") -> str:
        prefix = f"{self.key}: " if self.key else ""
        return prefix + (self.message_zh if lang == "zh" else self.message)


@dataclass(frozen=True)
class Item:
    """One numbered point of the letter; ``label`` names the reason when a letter answers several."""

    text: str
    label: str | None = None
    source: str | None = None  # the case key it came from, e.g. "root_causes[1]"
    zh: str | None = None  # the same point in Chinese for the seller (None: free English without text_zh)


@dataclass(frozen=True)
class Letter:
    subject: str
    salutation: str
    opening: str
    facts: list[str]  # the short summary between the opening and the root causes
    root_causes: list[Item]
    actions_taken: list[Item]
    preventive_measures: list[Item]
    closing: str
    attachments: list[
        str
    ]  # the numbered exhibits: the seller's attachments, then documents named as evidence
    signature: list[str]
    cited: str = ""  # the ASINs, orders and complaint ids the notice cites, named once
    appendix: list[dict[str, str]] = field(default_factory=list)  # defective orders from the reports
    lead: list[str] = field(default_factory=list)  # the figure and the event the opening states
    # every paragraph or point in order as {section, en, zh}: the Chinese mirror the seller reads
    mirror: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class Draft:
    reasons: list[str]
    letter: Letter
    text: str = ""
    markdown: str = ""
    form: dict[str, str] = field(default_factory=dict)
    warnings: list[DraftWarning] = field(default_factory=list)
    words: int = 0
    max_words: int = 0
    review: Review | None = None
    blocking: list[DraftWarning] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """Whether nothing blocks sending the letter as it is (see ``letters.checks.BLOCKING``)."""
        return not self.blocking

    def to_json(self) -> dict[str, Any]:
        """The ``reinstate.draft/1`` document of spec section 4."""
        letter = self.letter
        return {
            "schema": "reinstate.draft/1",
            "ready": self.ready,
            "blocking": [
                {"code": b.code, "message": b.message, "message_zh": b.message_zh} for b in self.blocking
            ],
            "reasons": self.reasons,
            "letter": {
                "subject": letter.subject,
                "text": self.text,
                "markdown": self.markdown,
                "words": self.words,
                "salutation": letter.salutation,
                "signature": letter.signature,
                "labels": [i.label for i in letter.root_causes],
                "lead": letter.lead,
                "mirror": letter.mirror,
                "sections": {
                    "opening": letter.opening,
                    "cited": letter.cited,
                    "facts": letter.facts,
                    "root_causes": [i.text for i in letter.root_causes],
                    "actions_taken": [i.text for i in letter.actions_taken],
                    "preventive_measures": [i.text for i in letter.preventive_measures],
                    "closing": letter.closing,
                    "attachments": letter.attachments,
                    "appendix": letter.appendix,
                },
            },
            "form": self.form,
            "review": self.review.to_json() if self.review else None,
            "warnings": [w.text("en") for w in self.warnings],
            "warnings_detail": [
                {"code": w.code, "key": w.key, "message": w.message, "message_zh": w.message_zh}
                for w in self.warnings
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        """A stored ``reinstate.draft/1`` document back as a draft (its review is not rebuilt)."""
        letter = data["letter"]
        sections = letter["sections"]
        labels = letter.get("labels") or [None] * len(sections["root_causes"])
        rebuilt = Letter(
            subject=letter["subject"],
            salutation=letter.get("salutation", "Dear Seller Performance Team,"),
            opening=sections["opening"],
            facts=list(sections.get("facts", [])),
            root_causes=[
                Item(text=t, label=lab) for t, lab in zip(sections["root_causes"], labels, strict=False)
            ],
            actions_taken=[Item(text=t) for t in sections["actions_taken"]],
            preventive_measures=[Item(text=t) for t in sections["preventive_measures"]],
            closing=sections["closing"],
            attachments=list(sections.get("attachments", [])),
            signature=list(letter.get("signature", [])),
            cited=sections.get("cited", ""),
            appendix=list(sections.get("appendix", [])),
            lead=list(letter.get("lead", [])),
            mirror=list(letter.get("mirror", [])),
        )
        return cls(
            reasons=list(data["reasons"]),
            letter=rebuilt,
            text=letter["text"],
            markdown=letter.get("markdown", ""),
            form=dict(data.get("form", {})),
            words=int(letter.get("words", 0)),
            blocking=[
                DraftWarning(str(b.get("code", "")), str(b.get("message", "")), str(b.get("message_zh", "")))
                for b in data.get("blocking", [])
            ],
        )
