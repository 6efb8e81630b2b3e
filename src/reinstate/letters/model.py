"""The typed result of composing an appeal: the letter's parts, the form answers and the warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reinstate.review import Review


PLACE = re.compile(
    r"^(root_causes|actions_taken|preventive_measures|facts|attachments)(?:\[(\d+)\])?(?:\.\w+)?$"
)
PLACES = {  # case key -> (all of them, one of them numbered), each in English and Chinese
    "root_causes": (("Root causes", "根本原因"), ("Root cause {n}", "第 {n} 条根本原因")),
    "actions_taken": (("Actions taken", "已采取的措施"), ("Action {n}", "第 {n} 项已采取的措施")),
    "preventive_measures": (
        ("Preventive measures", "预防措施"),
        ("Preventive measure {n}", "第 {n} 项预防措施"),
    ),
    "facts": (("Facts", "基本情况"), ("Fact {n}", "第 {n} 条基本情况")),
    "attachments": (("Exhibits", "附件"), ("Exhibit {n}", "附件 {n}")),
}
OTHER_PLACES = {
    "seller.name": ("Seller name", "卖家名称"),
    "seller.contact": ("Seller contact", "卖家联系方式"),
    "reports": ("Reports", "报表"),
    "letter": ("The letter", "信件"),
    "the letter": ("The letter", "信件"),
    "the opening facts": ("Facts", "基本情况"),
    "form.root_cause": ("Appeal form, root cause", "申诉表单中的根本原因"),
    "form.actions_taken": ("Appeal form, actions taken", "申诉表单中的已采取的措施"),
    "form.preventive_measures": ("Appeal form, preventive measures", "申诉表单中的预防措施"),
}
POINT = re.compile(r"^point (\d+)$")


def place_of(key: str | None) -> tuple[str, str]:
    """Where in the plan a case key points, in the seller's words: ("Root cause 1", "第 1 条根本原因").

    A key we cannot name gives ("", ""): the page then shows no place rather than the key.
    """
    if not key:
        return "", ""
    if found := PLACE.match(key):
        every, one = PLACES[found.group(1)]
        if found.group(2) is None:
            return every
        n = int(found.group(2)) + 1
        return one[0].format(n=n), one[1].format(n=n)
    if found := POINT.match(key):
        return f"Point {found.group(1)}", f"第 {found.group(1)} 条"
    return OTHER_PLACES.get(key, ("", ""))


@dataclass(frozen=True)
class DraftWarning:
    """Something a strong appeal needs and the case lacks, with what to add (English and Chinese).

    ``message``/``message_zh`` are for the command line and name the case file's keys and commands;
    ``seller``/``seller_zh`` say the same for a seller in the web app, in its terms (no keys, commands
    or knowledge-base ids), and ``place``/``place_zh`` say where in the plan the problem is.
    """

    code: str
    message: str
    message_zh: str
    key: str | None = None
    seller: str = ""
    seller_zh: str = ""

    @property
    def place(self) -> str:
        return place_of(self.key)[0]

    @property
    def place_zh(self) -> str:
        return place_of(self.key)[1]

    def text(self, lang: str = "en") -> str:
        prefix = f"{self.key}: " if self.key else ""
        return prefix + (self.message_zh if lang == "zh" else self.message)

    def to_json(self) -> dict[str, Any]:
        """The warning as ``warnings_detail`` and ``blocking`` carry it."""
        return {
            "code": self.code,
            "key": self.key,
            "message": self.message,
            "message_zh": self.message_zh,
            "seller": self.seller,
            "seller_zh": self.seller_zh,
            "place": self.place,
            "place_zh": self.place_zh,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DraftWarning:
        """A stored warning back; one stored before the seller's words has none (empty strings)."""
        key = data.get("key")
        return cls(
            str(data.get("code", "")),
            str(data.get("message", "")),
            str(data.get("message_zh", "")),
            key=str(key) if key else None,
            seller=str(data.get("seller") or ""),
            seller_zh=str(data.get("seller_zh") or ""),
        )


@dataclass(frozen=True)
class Item:
    """One numbered point of the letter; ``label`` names the reason when a letter answers several."""

    text: str
    label: str | None = None
    source: str | None = None  # the case key it came from, e.g. "root_causes[1]"
    zh: str | None = None  # the same point in Chinese for the seller (None: free English without text_zh)


@dataclass(frozen=True)
class Part:
    """A titled group of numbered points in a letter that is not a Plan of Action (``Letter.parts``)."""

    title: str
    items: list[Item]


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
    kind: str = "poa"  # the letter kind (`draft --kind`): poa, dispute, retraction, ... (see letters/kinds)
    # a non-POA letter's titled points, between the facts and the closing
    parts: list[Part] = field(default_factory=list)
    recipient: str = "Amazon"  # who the letter is for: a retraction request goes to the rights owner


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
            "kind": letter.kind,
            "recipient": letter.recipient,
            "ready": self.ready,
            "blocking": [b.to_json() for b in self.blocking],
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
                    "parts": [{"title": p.title, "items": [i.text for i in p.items]} for p in letter.parts],
                },
            },
            "form": self.form,
            "review": self.review.to_json() if self.review else None,
            "warnings": [w.text("en") for w in self.warnings],
            "warnings_detail": [w.to_json() for w in self.warnings],
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
            kind=str(data.get("kind") or "poa"),
            parts=[
                Part(title=str(p["title"]), items=[Item(text=str(t)) for t in p["items"]])
                for p in sections.get("parts", [])
            ],
            recipient=str(data.get("recipient") or "Amazon"),
        )
        return cls(
            reasons=list(data["reasons"]),
            letter=rebuilt,
            text=letter["text"],
            markdown=letter.get("markdown", ""),
            form=dict(data.get("form", {})),
            words=int(letter.get("words", 0)),
            blocking=[DraftWarning.from_json(b) for b in data.get("blocking", [])],
        )
