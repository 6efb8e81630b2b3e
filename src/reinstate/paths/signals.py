"""What in a notice and a case decides the path: AHA, an A-to-z claim, the region, earlier outcomes.

The notice reader gives reasons, scope, marketplace, the rights owner and the Amazon addresses; the
two things it does not read (an Account Health Assurance mention, an A-to-z claim's request for
information) are found here in the notice text with our own short phrase lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reinstate.case.schema import Case
from reinstate.notice import Notice

EU = frozenset({"DE", "FR", "IT", "ES", "NL", "SE", "PL", "BE", "IE"})
UK = frozenset({"UK", "GB"})
AHA = re.compile(r"account health assurance|账户状况保障|账户健康保障", re.I)
ATOZ_CLAIM = re.compile(r"a-?to-?z (?:guarantee )?claim(?!s)|a-to-z\s*索赔", re.I)
ATOZ_ASK = re.compile(
    r"respond to amazon|(?:more|additional) information|within 48 hours|48 小时|补充信息", re.I
)


@dataclass(frozen=True)
class Signals:
    """Everything the advisor decides on, from the notice, its text and the case."""

    reasons: tuple[str, ...] = ()
    scope: str = "unknown"
    marketplace: str | None = None
    aha: bool = False
    atoz_claim: bool = False
    outcomes: tuple[str, ...] = ()
    grounds: int = 0  # how many grounds for "no violation" the seller gave
    challenges_left: int | None = None
    rights_owner: str | None = None
    dispute_address: bool = False  # the notice itself names notice-dispute@amazon.com
    notice_deadline: str = ""

    @property
    def eu(self) -> bool:
        return self.marketplace in EU

    @property
    def uk(self) -> bool:
        return self.marketplace in UK

    @property
    def appeal_failed(self) -> bool:
        return any(o in {"rejected", "final_decision"} for o in self.outcomes)

    def to_json(self) -> dict[str, object]:
        return {
            "reasons": list(self.reasons),
            "scope": self.scope,
            "marketplace": self.marketplace,
            "aha": self.aha,
            "atoz_claim": self.atoz_claim,
            "outcomes": list(self.outcomes),
            "grounds": self.grounds,
            "challenges_left": self.challenges_left,
            "rights_owner": self.rights_owner,
        }


def read_signals(
    notice: Notice | None,
    notice_text: str | None = None,
    case: Case | None = None,
    outcomes: tuple[str, ...] = (),
) -> Signals:
    """The signals of a notice (parsed and as text), a case and Amazon's earlier answers.

    ``outcomes`` (from the reply reader) come after the case's own ``path.outcomes``.
    """
    text = notice_text or ""
    info = case.path if case is not None else None
    reasons = tuple(case.reasons) if case is not None and case.reasons else ()
    if not reasons and notice is not None:
        reasons = tuple(notice.reason_ids)
    marketplace = (case.seller.marketplace if case is not None else None) or (
        notice.marketplace if notice is not None else None
    )
    rights_owner = info.rights_owner if info and info.rights_owner else None
    if rights_owner is None and notice is not None and notice.rights_owner.name:
        rights_owner = notice.rights_owner.name
    scope = (case.scope if case is not None and case.scope else None) or (
        notice.scope if notice is not None else "unknown"
    )
    return Signals(
        reasons=reasons,
        scope=scope,
        marketplace=marketplace,
        aha=bool(AHA.search(text)) or bool(info and info.aha),
        atoz_claim=bool(ATOZ_CLAIM.search(text) and ATOZ_ASK.search(text)),
        outcomes=tuple(info.outcomes if info else ()) + tuple(outcomes),
        grounds=len(info.grounds) if info else 0,
        challenges_left=info.challenges_left if info else None,
        rights_owner=rights_owner,
        dispute_address=notice is not None and "notice-dispute@amazon.com" in notice.amazon_contacts,
        notice_deadline=notice.deadline.text if notice is not None and notice.deadline else "",
    )
