"""Decide what the letter may say, item by item. Decisions only: :mod:`checks` derives every
warning and every reason the letter is not ready from them, in one pass.

The rules that keep a letter honest live here:

* every fact the seller gave goes into the letter, unless she marked it ``letter: false``;
* every root cause finds the reason it answers (:mod:`assign`); only a cause she tied to a reason
  outside the case is left out;
* an action is written as done only when the seller gave it as done (``done`` not false), dated no
  later than the case date, and worded as a one-off act; a standing rule ("Going forward…",
  "Refund buyers who complain…") or an intention goes to the preventive measures as she wrote it,
  and a planned or future-dated action becomes a preventive step with its due date;
* a preventive measure is *specific* when it has an owner, a start and a frequency: only specific
  measures are counted in the letter's connective sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from reinstate.case import ActionEntry, LoadedCase, MeasureEntry, RootCauseEntry
from reinstate.case.starter import PLACEHOLDER_NAME
from reinstate.kb import KnowledgeBase
from reinstate.kb.phrases import CJK
from reinstate.kb.schema import Document, Reason, RootCause
from reinstate.letters.assign import AssignedBy, assign
from reinstate.letters.english import ActionReading, read_action
from reinstate.letters.evidence import DataEvidence
from reinstate.letters.factlock import Mismatch, compare
from reinstate.notice import Notice, names_document, uncovered_items
from reinstate.notice.coverage import NOT_ATTACHED, CitedItem, cited_items

NON_ENGLISH = CJK  # the reviewer's own class (POA521), so draft and review agree
ActionStatus = Literal["done", "planned", "future", "standing_rule", "intention", "undated", "promise"]
TO_MEASURES: frozenset[str] = frozenset({"planned", "future", "standing_rule", "intention"})
UK_SPELLING = frozenset({"UK", "GB", "IE", "AU", "IN", "SG", "AE", "SA", "EG"})


@dataclass(frozen=True)
class PlannedFact:
    key: str
    text: str
    in_letter: bool
    text_zh: str | None = None


@dataclass(frozen=True)
class PlannedCause:
    key: str
    reason: Reason
    entry: RootCauseEntry
    kb_cause: RootCause | None
    assigned_by: AssignedBy = "given"
    proven: str | None = None  # what the seller's data shows for this cause (a finding's summary)
    proven_zh: str | None = None  # the same finding in Chinese, for the mirror


@dataclass(frozen=True)
class OmittedCause:
    key: str
    entry: RootCauseEntry
    reason_id: str


@dataclass(frozen=True)
class PlannedAction:
    key: str
    entry: ActionEntry
    status: ActionStatus
    reading: ActionReading


@dataclass(frozen=True)
class PlannedMeasure:
    key: str
    entry: MeasureEntry

    @property
    def specific(self) -> bool:
        entry = self.entry
        return entry.owner is not None and entry.start is not None and entry.frequency is not None


@dataclass
class LetterPlan:
    reasons: list[Reason]
    today: dt.date
    notice: Notice | None = None
    data: DataEvidence | None = None
    spelling: Literal["us", "uk"] = "us"
    facts: list[PlannedFact] = field(default_factory=list)
    causes: list[PlannedCause] = field(default_factory=list)
    omitted_causes: list[OmittedCause] = field(default_factory=list)
    actions: list[PlannedAction] = field(default_factory=list)
    measures: list[PlannedMeasure] = field(default_factory=list)
    not_english: list[str] = field(default_factory=list)  # case keys whose text is not English
    mismatches: list[tuple[str, Mismatch]] = field(default_factory=list)  # text vs text_zh (the fact lock)
    legal_name: str | None = None  # the Chinese registered name, allowed in brackets in the signature
    untranslated: list[str] = field(default_factory=list)  # points given only in Chinese: kept out, blocking
    unanswered: list[CitedItem] = field(default_factory=list)  # cited ids the seller's text never mentions
    answered: list[CitedItem] = field(default_factory=list)  # cited ids it does mention
    documents_missing: list[Document] = field(default_factory=list)  # requested by the notice, not listed
    documents_suggested: list[tuple[Reason, Document]] = field(default_factory=list)
    suggested_causes: list[tuple[str, str]] = field(default_factory=list)  # (kb cause id, finding summary)
    placeholder_seller: bool = False

    @property
    def done(self) -> list[PlannedAction]:
        done = [a for a in self.actions if a.status == "done"]
        return sorted(done, key=lambda a: a.entry.date or self.today)

    @property
    def steps(self) -> list[PlannedAction]:
        """Actions that belong with the preventive measures: planned, future, standing rules, intentions."""
        return [a for a in self.actions if a.status in TO_MEASURES]


def plan_letter(
    loaded: LoadedCase,
    kb: KnowledgeBase,
    reasons: list[Reason],
    notice: Notice | None = None,
    data: DataEvidence | None = None,
) -> LetterPlan:
    case = loaded.case
    plan = LetterPlan(
        reasons=reasons,
        today=case.as_of or dt.date.today(),
        notice=notice,
        data=data,
        spelling="uk" if case.seller.marketplace in UK_SPELLING else "us",
        placeholder_seller=case.seller.name == PLACEHOLDER_NAME,
        legal_name=case.seller.legal_name,
    )
    plan.facts = [PlannedFact(f"facts[{i}]", f.text, f.letter, f.text_zh) for i, f in enumerate(case.facts)]
    _sort_causes(plan, loaded, kb)
    plan.untranslated += [f"actions_taken[{i}]" for i, a in enumerate(case.actions_taken) if not a.text]
    plan.untranslated += [
        f"preventive_measures[{i}]" for i, m in enumerate(case.preventive_measures) if not m.text
    ]
    plan.actions = [
        _sort_action(f"actions_taken[{i}]", a, plan) for i, a in enumerate(case.actions_taken) if a.text
    ]
    plan.measures = [
        PlannedMeasure(f"preventive_measures[{i}]", m)
        for i, m in enumerate(case.preventive_measures)
        if m.text
    ]
    plan.not_english = _not_english(loaded)
    plan.mismatches = _fact_lock(loaded)
    plan.documents_suggested = _documents_suggested(plan, loaded, kb)
    if data is not None:
        plan.suggested_causes = _suggested_causes(plan, data)
    if notice is not None:
        _check_cited(plan, loaded, notice, kb)
    return plan


def _sort_causes(plan: LetterPlan, loaded: LoadedCase, kb: KnowledgeBase) -> None:
    case_ids = [r.id for r in plan.reasons]
    by_cause = plan.data.by_cause if plan.data else {}
    by_cause_zh = plan.data.by_cause_zh if plan.data else {}
    for i, entry in enumerate(loaded.case.root_causes):
        key = f"root_causes[{i}]"
        if not entry.text and not entry.kb:  # only her Chinese: the letter cannot state it yet
            plan.untranslated.append(key)
            continue
        found = assign(entry, kb, plan.reasons)
        if found.reason is None or found.reason.id not in case_ids:
            plan.omitted_causes.append(OmittedCause(key, entry, found.reason.id if found.reason else ""))
            continue
        kb_id = f"{found.reason.id}/{found.kb_cause.id}" if found.kb_cause else ""
        plan.causes.append(
            PlannedCause(
                key,
                found.reason,
                entry,
                found.kb_cause,
                found.assigned_by,
                by_cause.get(kb_id),
                by_cause_zh.get(kb_id),
            )
        )
    plan.causes.sort(key=lambda c: case_ids.index(c.reason.id))


def _sort_action(key: str, entry: ActionEntry, plan: LetterPlan) -> PlannedAction:
    reading = read_action(entry.text or "", spelling=plan.spelling)
    status: ActionStatus
    if reading.kind == "intention":
        status = "intention" if reading.base else "promise"
    elif not entry.done:
        status = "planned"  # the seller says it is planned: a step with its due date, whatever its wording
    elif reading.kind == "standing_rule":
        status = "standing_rule"
    elif entry.date is None:
        status = "undated"
    elif entry.date > plan.today:
        status = "future"
    else:
        status = "done"
    return PlannedAction(key, entry, status, reading)


def _not_english(loaded: LoadedCase) -> list[str]:
    case = loaded.case
    texts: list[tuple[str, str | None]] = [
        (f"facts[{i}]", f.text) for i, f in enumerate(case.facts) if f.letter
    ]
    for name, items in (
        ("root_causes", case.root_causes),
        ("actions_taken", case.actions_taken),
        ("preventive_measures", case.preventive_measures),
    ):
        for i, item in enumerate(items):
            for attr in ("text", "evidence", "owner", "frequency"):
                texts.append((f"{name}[{i}]", getattr(item, attr, None)))
    texts += [(f"attachments[{i}]", a) for i, a in enumerate(case.attachments)]
    seller = case.seller
    texts += [("seller.name", seller.name), ("seller.contact", seller.contact)]
    return list(dict.fromkeys(key for key, text in texts if text and NON_ENGLISH.search(text)))


def _fact_lock(loaded: LoadedCase) -> list[tuple[str, Mismatch]]:
    """Every point the seller wrote twice (``text`` and ``text_zh``) whose facts differ between the two."""
    case = loaded.case
    pairs: list[tuple[str, str | None, str | None]] = [
        (f"facts[{i}]", f.text, f.text_zh) for i, f in enumerate(case.facts)
    ]
    entries: list[tuple[str, RootCauseEntry | ActionEntry | MeasureEntry]] = [
        *((f"root_causes[{i}]", e) for i, e in enumerate(case.root_causes)),
        *((f"actions_taken[{i}]", e) for i, e in enumerate(case.actions_taken)),
        *((f"preventive_measures[{i}]", e) for i, e in enumerate(case.preventive_measures)),
    ]
    pairs += [(key, e.text, e.text_zh) for key, e in entries if not e.phrase]
    found = []
    for key, text, text_zh in pairs:
        if text and text_zh and (mismatch := compare(text, text_zh)):
            found.append((key, mismatch))
    return found


def cause_id(cause: PlannedCause) -> str | None:
    return f"{cause.reason.id}/{cause.kb_cause.id}" if cause.kb_cause else None


def _suggested_causes(plan: LetterPlan, data: DataEvidence) -> list[tuple[str, str]]:
    """Causes the data points to that the seller did not give (never asserted: only suggested)."""
    given = {cause_id(c) for c in plan.causes}
    explained = {
        row.get("order_id")
        for finding in data.findings
        if finding.get("kb_cause") in given
        for row in finding.get("evidence", {}).get("rows", [])
    } - {None}
    periods = [
        (f["evidence"]["start"], f["evidence"]["end"])
        for f in data.findings
        if f.get("kb_cause") in given and "start" in f.get("evidence", {}) and "end" in f["evidence"]
    ]

    def is_explained(row: dict[str, str]) -> bool:
        day = str(row.get("purchase_date", ""))
        return row.get("order_id") in explained or any(start <= day <= end for start, end in periods)

    suggested: dict[str, str] = {}
    for finding in data.findings:
        cause = finding.get("kb_cause")
        rows = finding.get("evidence", {}).get("rows", [])
        if rows and sum(1 for row in rows if is_explained(row)) >= 0.7 * len(rows):
            continue  # mostly the same orders as a cause the seller gave: not a separate cause
        if cause and cause not in given and cause not in suggested:
            suggested[cause] = finding["summary"]
    return list(suggested.items())


def seller_text(loaded: LoadedCase) -> str:
    """Everything the seller wrote in the case: what answers (or fails to answer) the notice."""
    case = loaded.case
    parts = [f.text for f in case.facts]
    for cause in case.root_causes:
        parts += [cause.text or "", cause.evidence or ""]
    for action in case.actions_taken:
        parts += [action.text or "", action.evidence or ""]
    parts += [m.text or "" for m in case.preventive_measures]
    return "\n".join(parts)


def _check_cited(plan: LetterPlan, loaded: LoadedCase, notice: Notice, kb: KnowledgeBase) -> None:
    """Which cited ids the seller's own text answers, and which requested documents are not listed."""
    answered_text = seller_text(loaded)
    attached = "\n".join(loaded.case.attachments)
    missing_in_text = uncovered_items(notice, answered_text)
    missing_in_list = uncovered_items(notice, attached)
    for item in cited_items(notice):
        if item.kind == "document":
            if item in missing_in_text and item in missing_in_list and item.value in kb.documents:
                plan.documents_missing.append(kb.documents[item.value])
        elif item in missing_in_text:
            plan.unanswered.append(item)
        else:
            plan.answered.append(item)


def _documents_suggested(
    plan: LetterPlan, loaded: LoadedCase, kb: KnowledgeBase
) -> list[tuple[Reason, Document]]:
    attached = "\n".join(loaded.case.attachments)
    return [
        (reason, kb.documents[doc_id])
        for reason in plan.reasons
        for doc_id in reason.documents
        if doc_id not in NOT_ATTACHED and not names_document(doc_id, attached)
    ]
