"""What every letter kind shares: the case's facts, the notice's items, the exhibits and the warnings.

Nothing here states a fact of its own: names, dates, ids and grounds come from the case file and the
notice; the sentences around them are ours, in English with their Chinese for the mirror.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reinstate.case import LoadedCase
from reinstate.case.schema import MARKETPLACE_DOMAINS, Ground
from reinstate.kb import KnowledgeBase
from reinstate.kb.schema import Reason
from reinstate.letters.compose import clean, join_words, signature
from reinstate.letters.dates import date_zh, long_date
from reinstate.letters.exhibits import label
from reinstate.letters.mirror import signature_zh
from reinstate.letters.model import DraftWarning, Item, Letter, Part
from reinstate.notice import Notice


@dataclass
class KindContext:
    """The material of one letter kind, read once from the case and the notice."""

    loaded: LoadedCase
    notice: Notice | None
    kb: KnowledgeBase
    reasons: list[Reason]
    exhibits: list[str] = field(default_factory=list)
    warnings: list[DraftWarning] = field(default_factory=list)
    blocking: list[DraftWarning] = field(default_factory=list)
    mirror: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def seller(self) -> str:
        return self.loaded.case.seller.name

    @property
    def asins(self) -> list[str]:
        return list(self.notice.asins) if self.notice else []

    @property
    def complaint_ids(self) -> list[str]:
        return list(self.notice.complaint_ids) if self.notice else []

    @property
    def grounds(self) -> list[Ground]:
        info = self.loaded.case.path
        return list(info.grounds) if info else []

    @property
    def notice_date(self) -> dt.date | None:
        if self.notice is None or not self.notice.dates:
            return None
        try:
            return dt.date.fromisoformat(self.notice.dates[0])
        except ValueError:
            return None

    @property
    def domain(self) -> str:
        code = self.loaded.case.seller.marketplace or (self.notice.marketplace if self.notice else None)
        return MARKETPLACE_DOMAINS[code].capitalize() if code in MARKETPLACE_DOMAINS else "Amazon"

    def issue(self) -> tuple[str, str]:
        """The notice's issue as a noun phrase ("listing policy violation") and its Chinese name."""
        if not self.reasons:
            return "policy notice", "政策通知"
        reason = self.reasons[0]
        words = reason.letter.subject.split()
        en = reason.letter.subject
        if len(words) > 1 and words[1][:1].islower():
            en = en[:1].lower() + en[1:]
        return en, reason.names.zh

    def of_notice(self) -> tuple[str, str]:
        """ "the listing policy violation notice of 2 November 2026 for ASIN B0…" and its Chinese."""
        issue, issue_zh = self.issue()
        day = self.notice_date
        en = f"the {issue} notice" + (f" of {long_date(day)}" if day else "")
        zh = (f"{date_zh(day)}" if day else "") + f"关于“{issue_zh}”的通知"
        if self.asins:
            en += f" for {'ASIN' if len(self.asins) == 1 else 'ASINs'} {join_words(self.asins)}"
            zh += f"（涉及 ASIN {'、'.join(self.asins)}）"
        return en, zh

    def exhibit(self, evidence: str | None) -> str:
        """The exhibit reference for a ground's evidence (" (Exhibit 2)"), adding it to the list."""
        if not evidence:
            return ""
        name = label(evidence)
        if name not in self.exhibits:
            self.exhibits.append(name)
        return f" (Exhibit {self.exhibits.index(name) + 1})"

    def ground_items(self) -> list[Item]:
        items = []
        for i, ground in enumerate(self.grounds):
            text = clean(ground.text)
            ref = self.exhibit(ground.evidence)
            if ref:
                text = text.rstrip(".") + ref + "."
            items.append(Item(text=text, source=f"path.grounds[{i}]", zh=ground.text_zh))
        return items

    def fact_lines(self) -> tuple[list[str], list[str | None]]:
        facts = [f for f in self.loaded.case.facts if f.letter]
        return [clean(f.text) for f in facts], [f.text_zh for f in facts]

    def done_items(self) -> list[Item]:
        """The case's actions marked done with a date no later than ``as_of``, each with its date."""
        as_of = self.loaded.case.as_of or dt.date.today()
        items = []
        for i, action in enumerate(self.loaded.case.actions_taken):
            if not action.done or action.date is None or action.date > as_of or not action.text:
                continue
            body = clean(action.text).rstrip(".")
            text = f"{body} on {long_date(action.date)}{self.exhibit(action.evidence)}."
            zh = f"{date_zh(action.date)}：{action.text_zh}" if action.text_zh else None
            items.append(Item(text=text, source=f"actions_taken[{i}]", zh=zh))
        return items

    def add(self, section: str, en: str, zh: str | None) -> None:
        self.mirror.append({"section": section, "en": en, "zh": zh})

    def letter(
        self,
        kind: str,
        subject: tuple[str, str],
        salutation: tuple[str, str],
        opening: tuple[str, str],
        parts: list[tuple[str, str, list[Item]]],
        closing: tuple[str, str],
        *,
        recipient: str = "Amazon",
        signed: list[str] | None = None,
        attachments: bool = True,
    ) -> Letter:
        """Assemble the letter and its Chinese mirror, in reading order."""
        facts, facts_zh = self.fact_lines()
        signed = signed if signed is not None else signature(self.loaded)
        self.add("subject", subject[0], subject[1])
        self.add("salutation", salutation[0], salutation[1])
        self.add("opening", opening[0], opening[1])
        for en, zh in zip(facts, facts_zh, strict=True):
            self.add("facts", en, zh)
        for title, title_zh, items in parts:
            self.add("parts", title, title_zh)
            for item in items:
                self.add("parts", item.text, item.zh)
        self.add("closing", closing[0], closing[1])
        names = list(self.exhibits) if attachments else []
        for n, name in enumerate(names, 1):
            self.add("attachments", f"Exhibit {n}: {name}", None)
        self.add("signature", "\n".join(signed), signature_zh(signed))
        return Letter(
            subject=subject[0],
            salutation=salutation[0],
            opening=opening[0],
            facts=facts,
            root_causes=[],
            actions_taken=[],
            preventive_measures=[],
            closing=closing[0],
            attachments=names,
            signature=signed,
            mirror=self.mirror,
            kind=kind,
            parts=[Part(title=t, items=items) for t, _, items in parts if items],
            recipient=recipient,
        )


def case_attachments(loaded: LoadedCase) -> list[str]:
    """The seller's own attachments, as exhibit names (they come first, in her order)."""
    return [clean(a).rstrip(".") for a in loaded.case.attachments]


__all__ = ["KindContext", "case_attachments", "date_zh", "long_date"]
