"""Rules register here with a permanent code (POA + 3 digits) and a dotted name.

The hundreds digit is the category (spec section 4): 1 structure, 2 root cause, 3 actions taken,
4 prevention, 5 tone and language, 6 evidence and consistency with the case. A rule's docstring is
its documentation; its pass and fail examples live in ``tests/review/cases/POAnnn.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reinstate.review.document import ReviewDoc
from reinstate.review.model import Severity

# A hit is a span, optionally with what it is about in English and Chinese ("ASIN B0C4QZ7M21",
# "supplier invoices" / "供应商发票"): the finding's message then names it.
Hit = tuple[int, int] | tuple[int, int, str, str]
Check = Callable[[ReviewDoc], Iterable[Hit]]

CATEGORIES = {
    "1": "structure",
    "2": "root_cause",
    "3": "actions",
    "4": "prevention",
    "5": "tone",
    "6": "evidence",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    message: str
    message_zh: str
    suggestion: str
    suggestion_zh: str
    check: Check
    needs_context: bool = False
    cap: int | None = None  # the highest score a letter with this finding can have
    pool: str | None = None  # findings of one pool share one penalty scale (see engine.score)

    @property
    def category(self) -> str:
        return CATEGORIES[self.code[3]]

    @property
    def doc(self) -> str:
        return " ".join((self.check.__doc__ or "").split())


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    message: str,
    message_zh: str,
    suggestion: str,
    suggestion_zh: str,
    needs_context: bool = False,
    cap: int | None = None,
    pool: str | None = None,
) -> Callable[[Check], Check]:
    """Register ``check`` as a rule; codes and names are unique and permanent."""
    if not re.fullmatch(r"POA[1-6]\d\d", code):
        raise ValueError(f"bad rule code {code!r}")
    if not name.startswith(CATEGORIES[code[3]] + "."):
        raise ValueError(f"rule {code} name {name!r} must start with {CATEGORIES[code[3]]!r}")

    def register(check: Check) -> Check:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        RULES[code] = Rule(
            code,
            name,
            severity,
            message,
            message_zh,
            suggestion,
            suggestion_zh,
            check,
            needs_context,
            cap,
            pool,
        )
        return check

    return register
