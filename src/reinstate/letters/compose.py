"""Phrase each part of the letter from the plan: the seller's facts, in the structure that wins.

Wording comes from three places only: the seller's own case, the knowledge base's per-reason
phrasing, and the short connective sentences below, which are chosen by the shape of the case
(how many causes, whether actions are done, when measures start). No sentence states a fact
that the case does not give, and no count is announced for items that are not specific.

The layout is a consultant's: the opening states the figure and the event, then owns the issue;
the remaining facts form a short summary before the root causes; every point refers to its
exhibit; dates read one way throughout (:mod:`dates`).

``level`` shortens a letter that is over its word budget, one documented step at a time (see
:mod:`fit`): 1 drops the outline sentence, 2 moves the findings quoted as evidence to the exhibit
list, 3 writes each measure's owner, start and frequency in brackets. Nothing else is ever cut.
"""

from __future__ import annotations

import hashlib

from reinstate.case import LoadedCase
from reinstate.case.schema import MARKETPLACE_DOMAINS
from reinstate.kb.schema import Reason
from reinstate.letters.dates import date_zh, long_date, normalise_dates
from reinstate.letters.english import count_phrase, lower_first, sentence
from reinstate.letters.exhibits import Exhibits, names_a_document, statement
from reinstate.letters.mirror import (
    cited_zh,
    measure_zh,
    outline_zh,
    ownership_zh,
    request_zh,
    signature_zh,
    status_zh,
    step_zh,
    subject_zh,
    with_evidence_zh,
)
from reinstate.letters.model import Item, Letter
from reinstate.letters.opening import Lead, lead_sentences
from reinstate.letters.plan import LetterPlan, PlannedAction, PlannedCause, PlannedMeasure

NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
SCOPE_ORDER = ["account", "category", "fulfillment-method", "listing"]


def _word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def pick(variants: list[str], *keys: str) -> str:
    """A variant chosen by the case's own content, so different cases read differently."""
    digest = hashlib.sha256("\x1f".join(keys).encode("utf-8")).digest()
    return variants[int.from_bytes(digest[:4], "big") % len(variants)]


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def clean(text: str) -> str:
    """The seller's text as a sentence of the letter, its dates in the letter's format."""
    return sentence(normalise_dates(text))


def compose_letter(loaded: LoadedCase, plan: LetterPlan, *, level: int = 0, appendix: bool = False) -> Letter:
    case = loaded.case
    fingerprint = case.seller.name + "|" + "|".join(c.entry.text or c.entry.kb or "" for c in plan.causes)
    exhibits = Exhibits(names=[normalise_dates(a).rstrip(".") for a in case.attachments])
    lead = lead_sentences(plan)
    multi = len(plan.reasons) > 1
    opening_parts = opening(plan, lead, fingerprint, outline_too=level < 1)
    closing_parts = closing(loaded, plan, fingerprint)
    causes = [cause_item(c, multi, exhibits, level) for c in plan.causes]
    actions = [action_item(a, exhibits, level) for a in plan.done]
    measures = [measure_item(m, plan, level) for m in plan.measures] + [step_item(a) for a in plan.steps]
    cited = cited_sentence(plan)
    signed = signature(loaded)
    mirror: list[tuple[str, str, str | None]] = [
        ("subject", subject(loaded, plan.reasons), subject_zh(plan.reasons, case.seller.name)),
        ("salutation", "Dear Seller Performance Team,", "尊敬的卖家绩效团队："),
        *(("opening", en, zh) for en, zh in opening_parts),
        *([("cited", cited[0], cited[1])] if cited[0] else []),
        *(("facts", en, zh) for en, zh in zip(lead.summary, lead.summary_zh, strict=True)),
        *(("root_causes", i.text, i.zh) for i in causes),
        *(("actions_taken", i.text, i.zh) for i in actions),
        *(("preventive_measures", i.text, i.zh) for i in measures),
        *(("closing", en, zh) for en, zh in closing_parts),
        *(("attachments", f"Exhibit {n}: {name}", None) for n, name in enumerate(exhibits.names, 1)),
        ("signature", "\n".join(signed), signature_zh(signed)),
    ]
    return Letter(
        subject=mirror[0][1],
        salutation="Dear Seller Performance Team,",
        opening=" ".join(en for en, _ in opening_parts),
        facts=lead.summary,
        root_causes=causes,
        actions_taken=actions,
        preventive_measures=measures,
        closing=" ".join(en for en, _ in closing_parts),
        attachments=list(exhibits.names),
        signature=signed,
        cited=cited[0],
        appendix=_appendix(plan) if appendix else [],
        lead=lead.sentences,
        mirror=[{"section": section, "en": en, "zh": zh} for section, en, zh in mirror],
    )


def _appendix(plan: LetterPlan) -> list[dict[str, str]]:
    rows = plan.data.appendix if plan.data else []
    return [row | {"date": normalise_dates(row["date"])} for row in rows]


def cited_sentence(plan: LetterPlan) -> tuple[str, str]:
    """One sentence naming the cited ASINs, orders and complaint ids that the seller's own text answers."""
    groups = [
        ("asin", "ASIN", "ASINs"),
        ("order", "order", "orders"),
        ("complaint", "complaint ID", "complaint IDs"),
    ]
    parts = []
    found: list[tuple[str, list[str]]] = []
    for kind, one, many in groups:
        ids = [item.value for item in plan.answered if item.kind == kind]
        if ids:
            parts.append(f"{one if len(ids) == 1 else many} {join_words(ids)}")
            found.append((kind, ids))
    if not parts:
        return "", ""
    return f"This plan answers the notice for {join_words(parts)}.", cited_zh(found)


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


def opening(
    plan: LetterPlan, lead: Lead, fingerprint: str, *, outline_too: bool
) -> list[tuple[str, str | None]]:
    """The figure and the event (when the case, notice or data give them), ownership, then the outline."""
    reasons = plan.reasons
    if len(reasons) == 1:
        variants = reasons[0].letter.ownership
        if lead.sentences:  # the figure is already stated: do not restate the target
            variants = [v for v in variants if "%" not in v] or variants
        own = pick(variants, fingerprint, reasons[0].id)
    else:
        issues = join_words([r.letter.issue for r in reasons])
        own = pick(
            [
                f"We take responsibility for {issues}; each had causes within our control.",
                f"{issues[:1].upper()}{issues[1:]} were caused by failures in our own operations, and we accept "
                "responsibility for them.",
            ],
            fingerprint,
        )
    parts = [*zip(lead.sentences, lead.sentences_zh, strict=True), (own, ownership_zh(reasons))]
    if outline_too and plan.causes:
        parts.append((outline(plan, fingerprint), _outline_zh(plan)))
    return [(en, zh) for en, zh in parts if en]


def _outline_zh(plan: LetterPlan) -> str:
    specific = [m for m in plan.measures if m.specific]
    total = len(plan.measures) + len(plan.steps)
    days = sorted({a.entry.date for a in plan.done if a.entry.date})
    counted = bool(specific) and len(specific) == total
    return outline_zh(len(plan.causes), len(plan.done), days, total if specific else 0, counted)


def outline(plan: LetterPlan, fingerprint: str) -> str:
    """What the letter contains, counted from the case; a count is said only for specific items."""
    if not plan.causes:
        return ""
    causes = count_phrase(len(plan.causes), "root cause")
    parts = [
        f"the {causes} we identified" if pick(["a", "b"], fingerprint) == "a" else f"the {causes} behind it"
    ]
    if plan.done:
        parts.append(
            f"the {count_phrase(len(plan.done), 'corrective action')} we completed{action_period(plan.done)}"
        )
    specific = [m for m in plan.measures if m.specific]
    total = len(plan.measures) + len(plan.steps)
    if specific and len(specific) == total:
        verb = "prevents" if total == 1 else "prevent"
        parts.append(f"the {count_phrase(total, 'measure')} that {verb} a repeat")
    elif specific:
        parts.append("the measures that prevent a repeat")
    verb = "is" if len(parts) == 1 and len(plan.causes) == 1 else "are"
    return f"Below {verb} {join_words(parts)}."


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


def _with_evidence(body: str, evidence: str | None, exhibits: Exhibits, level: int) -> str:
    if not evidence:
        return body
    evidence = normalise_dates(evidence)
    if names_a_document(evidence):
        return (
            body[:-1] + exhibits.refer(evidence) + "."
            if body.endswith(".")
            else body + exhibits.refer(evidence)
        )
    if level >= 2:
        return body[:-1] + exhibits.move(evidence) + "."
    return f"{body} {statement(evidence)}"


def cause_item(cause: PlannedCause, multi: bool, exhibits: Exhibits, level: int) -> Item:
    entry = cause.entry
    zh: str | None
    if entry.text:
        body, zh = clean(entry.text), entry.text_zh
    else:  # only a knowledge-base id: name the kind of cause, never the knowledge base's example story
        body = sentence(cause.kb_cause.title.en) if cause.kb_cause else ""
        zh = cause.kb_cause.title.zh + "。" if cause.kb_cause else None
    if cause.proven and not entry.evidence:
        body += (
            f" Our Seller Central data shows this: {lower_first(normalise_dates(cause.proven)).rstrip('.')}."
        )
        if zh is not None:
            zh += f"我们的卖家平台数据可以证明：{cause.proven_zh}" if cause.proven_zh else ""
    body = _with_evidence(body, entry.evidence, exhibits, level)
    label = cause.reason.letter.subject if multi else None
    if zh is not None:
        zh = with_evidence_zh(zh, entry.evidence, body)
    return Item(text=body, label=label, source=cause.key, zh=zh)


def action_item(action: PlannedAction, exhibits: Exhibits, level: int) -> Item:
    entry, reading = action.entry, action.reading
    assert entry.date is not None
    when = long_date(entry.date)
    if reading.past:
        body = f"On {when} we {normalise_dates(reading.past)}."
    elif reading.has_finite_verb:
        body = f"On {when}, {lower_first(clean(reading.sentence))}"
    else:
        body = f"{when}: {clean(reading.sentence)}"
    body = _with_evidence(body, entry.evidence, exhibits, level)
    zh = None
    if entry.text_zh:
        zh = with_evidence_zh(f"{date_zh(entry.date)}完成：{entry.text_zh}", entry.evidence, body)
    return Item(text=body, source=action.key, zh=zh)


def measure_item(measure: PlannedMeasure, plan: LetterPlan, level: int) -> Item:
    entry = measure.entry
    details = []
    if entry.owner:
        details.append(("Owner: ", entry.owner.rstrip(".")))
    started = entry.start is not None and entry.start <= plan.today
    if entry.start:
        details.append(("In place since " if started else "Starts ", long_date(entry.start)))
    if entry.frequency:
        details.append(("Frequency: ", lower_first(normalise_dates(entry.frequency)).rstrip(".")))
    text = clean(entry.text or "")
    if level >= 3 and details:
        short = {"Owner: ": "", "In place since ": "since ", "Starts ": "from ", "Frequency: ": ""}
        text = text.rstrip(".") + " (" + "; ".join(short[k] + v for k, v in details) + ")."
    elif details:
        text += " " + " ".join(f"{k}{v}." for k, v in details)
    zh = (
        measure_zh(entry.text_zh, entry.owner, entry.start, started, entry.frequency)
        if entry.text_zh
        else None
    )
    return Item(text=text, source=measure.key, zh=zh)


def step_item(action: PlannedAction) -> Item:
    """An action that is not done: a planned step with its due date, a standing rule or an intention."""
    entry, reading = action.entry, action.reading
    parts = [clean(reading.base or reading.sentence)]
    if entry.owner:
        parts.append(f"Owner: {entry.owner.rstrip('.')}.")
    due = entry.date if entry.date and action.status != "standing_rule" else None
    if due:
        parts.append(f"Due {long_date(due)}.")
    zh = step_zh(entry.text_zh, entry.owner, due) if entry.text_zh else None
    return Item(text=" ".join(parts), source=action.key, zh=zh)


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


def closing(loaded: LoadedCase, plan: LetterPlan, fingerprint: str) -> list[tuple[str, str | None]]:
    """What is already true, then one request that fits what Amazon took away."""
    scope = loaded.case.scope
    if scope is None and plan.notice is not None and plan.notice.scope != "unknown":
        scope = plan.notice.scope
    if scope is None:
        reasons = sorted(plan.reasons, key=lambda r: SCOPE_ORDER.index(r.scope))
        variants, asked = reasons[0].letter.closing, reasons[0].scope
    else:
        matching = [r for r in plan.reasons if r.scope == scope]
        variants, asked = (matching[0].letter.closing if matching else SCOPE_CLOSINGS[scope]), scope
    request = pick(variants, fingerprint, "closing")
    parts: list[tuple[str, str | None]] = []
    status = status_sentence(plan)
    if status:
        parts.append((status, _status_zh(plan)))
    parts.append((request, request_zh(asked)))
    return parts


def _status_zh(plan: LetterPlan) -> str:
    total = len(plan.measures) + len(plan.steps)
    running = sum(1 for m in plan.measures if m.entry.start and m.entry.start <= plan.today)
    return status_zh(len(plan.done), running, total)


def status_sentence(plan: LetterPlan) -> str:
    """What is already true, counted from the case: actions really done and measures really running."""
    n_done = len(plan.done)
    total = len(plan.measures) + len(plan.steps)
    running = sum(1 for m in plan.measures if m.entry.start and m.entry.start <= plan.today)
    parts = []
    if n_done == 1:
        parts.append("the corrective action above is complete")
    elif n_done:
        whole = (
            "both corrective actions" if n_done == 2 else f"all {count_phrase(n_done, 'corrective action')}"
        )
        parts.append(f"{whole} above are complete")
    if running and running == total:
        if total == 1:
            parts.append("the preventive measure is in operation")
        elif total == 2:
            parts.append("both preventive measures are in operation")
        else:
            parts.append(f"all {count_phrase(total, 'preventive measure')} are in operation")
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
    lines.append(f"{seller.name} ({seller.legal_name})" if seller.legal_name else seller.name)
    if seller.address:  # as registered in Seller Central: the address invoices and bills are checked against
        lines.append(seller.address)
    if seller.merchant_token:
        lines.append(f"Merchant token: {seller.merchant_token}")
    if seller.marketplace:
        lines.append(f"Marketplace: {MARKETPLACE_DOMAINS[seller.marketplace].capitalize()}")
    return lines
