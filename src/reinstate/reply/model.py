"""What Amazon's answer to an appeal says, as a typed, validated model (``reinstate.reply/1``)."""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict

Outcome = Literal["reinstated", "more_information", "rejected", "final_decision", "unknown"]
AskKind = Literal[
    "root_cause_detail",
    "actions_detail",
    "prevention_detail",
    "actions_not_implemented",
    "documents_missing",
    "documents_invalid",
    "documents_forged",
    "invoice_required",
    "compliance_evidence",
    "identity_verification",
    "other",
]
ChannelKind = Literal["reply", "account_health", "notice_dispute", "email"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)  # in the order the contract lists them
ASK_KINDS: tuple[AskKind, ...] = get_args(AskKind)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ask(_Frozen):
    """One thing Amazon says is missing or wrong.

    ``text`` quotes the reply's sentence; ``reason`` is the issue the sentence names ("buyers receiving
    defective items"), ``None`` when it names none; ``documents`` the knowledge-base ids of the
    documents it names (``invoices``, ``letter-of-authorization``...).
    """

    kind: AskKind
    text: str
    reason: str | None = None
    documents: tuple[str, ...] = ()


class ReplyDeadline(_Frozen):
    """The time Amazon gives to answer: ``within 14 days`` (days), ``within 72 hours`` (hours and days),
    ``by December 12, 2026`` (date)."""

    text: str
    days: int | None = None
    hours: int | None = None
    date: str | None = None


class Channel(_Frozen):
    """Where to answer: ``reply`` (to this email or case), ``account_health`` (the Account Health page;
    ``text`` names the button), ``notice_dispute`` or ``email`` (``address``)."""

    kind: ChannelKind
    text: str
    address: str | None = None


class Step(_Frozen):
    """One next step for the seller, in English and Chinese."""

    en: str
    zh: str


class Reply(_Frozen):
    """Amazon's answer to an appeal, read."""

    outcome: Outcome
    evidence: str | None = None  # the sentence the outcome was read from
    language: str = "en"
    asks: tuple[Ask, ...] = ()
    deadline: ReplyDeadline | None = None
    channel: Channel | None = None
    next_steps: tuple[Step, ...] = ()
    source: str | None = None

    @property
    def ask_kinds(self) -> tuple[str, ...]:
        """The kinds asked for, each once, in the reply's order."""
        return tuple(dict.fromkeys(a.kind for a in self.asks))

    def to_json(self) -> dict[str, Any]:
        """The ``reinstate.reply/1`` document of spec section 7."""
        return {
            "schema": "reinstate.reply/1",
            "outcome": self.outcome,
            "evidence": self.evidence,
            "language": self.language,
            "asks": [a.model_dump() | {"documents": list(a.documents)} for a in self.asks],
            "deadline": self.deadline.model_dump() if self.deadline else None,
            "channel": self.channel.model_dump() if self.channel else None,
            "next_steps": [s.model_dump() for s in self.next_steps],
        }
