"""Phrase each part of the letter from the plan: the seller's facts, in the structure that wins.

Wording comes from three places only: the seller's own case, the knowledge base's per-reason
phrasing, and the short connective sentences below, which are chosen by the shape of the case
(how many causes, whether actions are done, when measures start). No sentence states a fact
that the case does not give.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from reinstate.case import LoadedCase
from reinstate.case.schema import MARKETPLACE_DOMAINS
from reinstate.kb.schema import Reason
from reinstate.letters.model import Item, Letter
from reinstate.letters.plan import LetterPlan, PlannedAction, PlannedCause, PlannedMeasure, cause_id
from reinstate.letters.tense import base_clause, lower_first, past_clause, sentence

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
SCOPE_ORDER = ["account", "category", "fulfillment-method", "listing"]


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def count(n: int, noun: str, plural: str | None = None) -> str:
    """ "three root causes"; a single one is just "root cause" ("the root cause", never "the one root cause")."""
    if n == 1:
        return noun
    word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
    return f"{word} {plural or noun + 's'}"


def pick(variants: list[str], *keys: str) -> str:
    """A variant chosen by the case's own content, so different cases read differently."""
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).digest()
    return variants[int.from_bytes(digest[:4], "big") % len(variants)]


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def compose_letter(
    loaded: LoadedCase, plan: LetterPlan, *, compact: bool = False, appendix: bool = False
) -> Letter:
    case = loaded.case
    fingerprint = case.seller.name + "|" + "|".join(c.entry.text or c.entry.kb or "" for c in plan.causes)
    multi = len(plan.reasons) > 1
    return Letter(
        subject=subject(loaded, plan.reasons),
        salutation="Dear Seller Performance Team,",
        opening=opening(plan, fingerprint, compact=compact),
        facts=(plan.data.facts if plan.data else [])
        + (
            []
            if compact and all(c.entry.evidence for c in plan.causes)
            else [sentence(f) for f in case.facts]
        ),
        root_causes=[cause_item(c, multi, plan) for c in plan.causes],
        actions_taken=[action_item(a) for a in plan.done],
        preventive_measures=[measure_item(m, plan.today, compact) for m in plan.measures]
        + [planned_item(a, compact) for a in plan.planned],
        closing=closing(loaded, plan, fingerprint),
        attachments=list(case.attachments),
        signature=signature(loaded),
        cited=cited_sentence(plan),
        appendix=plan.data.appendix if plan.data and appendix else [],
    )


def cited_sentence(plan: LetterPlan) -> str:
    """One sentence naming every ASIN, order and complaint id the notice cites, so none is left unanswered."""
    notice = plan.notice
    if notice is None:
        return ""
    groups = [
        (notice.asins, "ASIN", "ASINs"),
        (notice.order_ids, "order", "orders"),
        (notice.complaint_ids, "complaint ID", "complaint IDs"),
    ]
    parts = [f"{one if len(ids) == 1 else many} {join_words(list(ids))}" for ids, one, many in groups if ids]
    if not parts:
        return ""
    return f"This plan answers the notice for {join_words(parts)}."


def subject(loaded: LoadedCase, reasons: list[Reason]) -> str:
    seller = loaded.case.seller
    issues = join_words(
        [r.letter.subject if i == 0 else lower_first(r.letter.subject) for i, r in enumerate(reasons)]
    )
    details = [MARKETPLACE_DOMAINS[seller.marketplace].capitalize()] if seller.marketplace else []
    if seller.merchant_token:
        details.append(f"merchant token {seller.merchant_token}")
    where = f" ({', '.join(details)})" if details else ""
    return f"Plan of Action: {issues} – {seller.name}{where}"


def opening(plan: LetterPlan, fingerprint: str, *, compact: bool) -> str:
    reasons = plan.reasons
    if len(reasons) == 1:
        first = pick(reasons[0].letter.ownership, fingerprint, reasons[0].id)
    else:
        issues = join_words([r.letter.issue for r in reasons])
        first = pick(
            [
                f"We take responsibility for {issues}; each had causes within our control.",
                f"The {issues} were caused by failures in our own operations, and we accept responsibility for them.",
            ],
            fingerprint,
        )
    if compact:
        return first
    return f"{first} {outline(plan, fingerprint)}".strip()


def outline(plan: LetterPlan, fingerprint: str) -> str:
    """The second opening sentence: what the letter contains, counted from the case itself."""
    n_causes, n_done = len(plan.causes), len(plan.done)
    n_measures = len(plan.measures) + len(plan.planned)
    if not n_causes:
        return ""
    causes = count(n_causes, "root cause")
    parts = [
        f"the {causes} we identified" if pick(["a", "b"], fingerprint) == "a" else f"the {causes} behind it"
    ]
    if n_done:
        parts.append(f"the {count(n_done, 'corrective action')} we completed{action_period(plan.done)}")
    if n_measures:
        verb = "prevents" if n_measures == 1 else "prevent"
        parts.append(f"the {count(n_measures, 'measure')} that {verb} a repeat")
    return f"Below are {join_words(parts)}."


def action_period(done: list[PlannedAction]) -> str:
    days = sorted({a.entry.date for a in done if a.entry.date})
    if not days:
        return ""
    if len(days) == 1:
        return f" on {long_date(days[0])}"
    first, last = days[0], days[-1]
    if first.year == last.year and first.month == last.month:
        return f" between {first.day} and {long_date(last)}"
    return f" between {long_date(first)} and {long_date(last)}"


def cause_item(cause: PlannedCause, multi: bool, plan: LetterPlan) -> Item:
    statement = cause.entry.text or (cause.kb_cause.statement if cause.kb_cause else "")
    body = sentence(statement)
    proven = plan.data.by_cause.get(cause_id(cause) or "") if plan.data else None
    if not cause.entry.evidence and proven:
        body += f" Our Seller Central data shows this: {lower_first(proven).rstrip('.')}."
    elif cause.entry.evidence:
        body += f" Evidence: {lower_first(cause.entry.evidence).rstrip('.')}."
    label = cause.reason.letter.subject if multi else None
    return Item(text=body, label=label, source=cause.key)


def action_item(action: PlannedAction) -> Item:
    entry = action.entry
    assert entry.date is not None
    clause = past_clause(entry.text)
    when = long_date(entry.date)
    body = f"On {when} we {clause}." if clause else f"{when}: {sentence(entry.text)}"
    if entry.evidence:
        body += f" Evidence: {lower_first(entry.evidence).rstrip('.')}."
    return Item(text=body, source=action.key)


def measure_item(measure: PlannedMeasure, today: dt.date, compact: bool) -> Item:
    entry = measure.entry
    parts = [sentence(entry.text)]
    if entry.owner:
        parts.append(f"Owner: {entry.owner.rstrip('.')}.")
    if entry.start:
        started = entry.start <= today
        parts.append(f"{'In place since' if started else 'Starts'} {long_date(entry.start)}.")
    if entry.frequency:
        parts.append(f"Frequency: {lower_first(entry.frequency).rstrip('.')}.")
    return Item(text=" ".join(parts), source=measure.key)


def planned_item(action: PlannedAction, compact: bool) -> Item:
    entry = action.entry
    parts = [sentence(base_clause(entry.text))]
    if entry.owner:
        parts.append(f"Owner: {entry.owner.rstrip('.')}.")
    if entry.date:
        parts.append(f"Due {long_date(entry.date)}.")
    return Item(text=" ".join(parts), source=action.key)


SCOPE_CLOSINGS = {
    "account": [
        "We ask you to reinstate our selling privileges.",
        "We respectfully request the reactivation of our account.",
    ],
    "listing": [
        "We ask you to reinstate the affected listings.",
        "We respectfully request that the removed listings be restored.",
    ],
    "category": [
        "We ask you to restore our ability to sell in the affected category.",
        "We respectfully request that our selling privileges in this category be restored.",
    ],
    "fulfillment-method": [
        "We ask you to restore our seller-fulfilled offers.",
        "We respectfully request that our ability to fulfil orders ourselves be restored.",
    ],
}


def closing(loaded: LoadedCase, plan: LetterPlan, fingerprint: str) -> str:
    """What is already true, then one request that fits what Amazon took away."""
    scope = loaded.case.scope
    if scope is None and plan.notice is not None and plan.notice.scope != "unknown":
        scope = plan.notice.scope
    if scope is None:
        reasons = sorted(plan.reasons, key=lambda r: SCOPE_ORDER.index(r.scope))
        variants = reasons[0].letter.closing
    else:
        matching = [r for r in plan.reasons if r.scope == scope]
        variants = matching[0].letter.closing if matching else SCOPE_CLOSINGS[scope]
    request = pick(variants, fingerprint, "closing")
    return f"{status_sentence(plan)} {request}".strip()


def status_sentence(plan: LetterPlan) -> str:
    """What is already true, counted from the case: actions done and measures running."""
    n_done = len(plan.done)
    total = len(plan.measures) + len(plan.planned)
    running = sum(1 for m in plan.measures if m.entry.start and m.entry.start <= plan.today)
    parts = []
    if n_done == 1:
        parts.append("the corrective action above is complete")
    elif n_done:
        whole = "both corrective actions" if n_done == 2 else f"all {count(n_done, 'corrective action')}"
        parts.append(f"{whole} above are complete")
    if running and running == total:
        parts.append(
            "the preventive measure is in operation"
            if total == 1
            else (
                "both preventive measures are in operation"
                if total == 2
                else f"all {count(total, 'preventive measure')} are in operation"
            )
        )
    elif running:
        verb = "is" if running == 1 else "are"
        parts.append(
            f"{_word(running)} of the {_word(total)} preventive measures {verb} already in operation"
        )
    return sentence(join_words(parts)) if parts else ""


def signature(loaded: LoadedCase) -> list[str]:
    seller = loaded.case.seller
    lines = ["Sincerely,"]
    if seller.contact:
        lines.append(seller.contact)
    lines.append(seller.name)
    if seller.merchant_token:
        lines.append(f"Merchant token: {seller.merchant_token}")
    if seller.marketplace:
        lines.append(f"Marketplace: {MARKETPLACE_DOMAINS[seller.marketplace].capitalize()}")
    return lines
