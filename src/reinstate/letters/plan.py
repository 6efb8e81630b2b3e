"""Sort a case into what the letter may say, and warn about everything a strong appeal still lacks.

The rules that keep a letter honest live here:

* an action is written as done only when the seller gave it as done (``done`` not false), with a
  date no later than the case date, and in words that do not state an intention;
* a planned action becomes a preventive step with its due date, never an action taken;
* a root cause answers one reason of the case; causes for other reasons are left out;
* every reason of the case without a root cause produces a warning, with the questions to answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reinstate.case import ActionEntry, LoadedCase, MeasureEntry, RootCauseEntry
from reinstate.case.starter import PLACEHOLDER_NAME
from reinstate.kb import KnowledgeBase
from reinstate.kb.schema import Reason, RootCause
from reinstate.letters import warnings as w
from reinstate.letters.evidence import DataEvidence
from reinstate.letters.model import DraftWarning
from reinstate.letters.tense import reads_as_plan
from reinstate.notice import Notice, names_document, uncovered_items
from reinstate.notice.coverage import NOT_ATTACHED

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class PlannedCause:
    key: str
    reason: Reason
    entry: RootCauseEntry
    kb_cause: RootCause | None


@dataclass(frozen=True)
class PlannedAction:
    key: str
    entry: ActionEntry


@dataclass(frozen=True)
class PlannedMeasure:
    key: str
    entry: MeasureEntry


@dataclass
class LetterPlan:
    reasons: list[Reason]
    today: dt.date
    notice: Notice | None = None
    data: DataEvidence | None = None
    causes: list[PlannedCause] = field(default_factory=list)
    done: list[PlannedAction] = field(default_factory=list)
    planned: list[PlannedAction] = field(default_factory=list)
    measures: list[PlannedMeasure] = field(default_factory=list)
    warnings: list[DraftWarning] = field(default_factory=list)


def plan_letter(
    loaded: LoadedCase,
    kb: KnowledgeBase,
    reasons: list[Reason],
    notice: Notice | None = None,
    data: DataEvidence | None = None,
) -> LetterPlan:
    case = loaded.case
    plan = LetterPlan(reasons=reasons, today=case.as_of or dt.date.today(), notice=notice, data=data)
    _sort_causes(plan, loaded, kb)
    if data is not None:
        _use_data(plan, data)
    _sort_actions(plan, case.actions_taken)
    _check_measures(plan, case.preventive_measures)
    _check_language(plan, loaded)
    _check_documents(plan, loaded, kb)
    if notice is not None:
        _check_cited(plan, loaded, notice)
    if case.seller.name == PLACEHOLDER_NAME:
        plan.warnings.append(w.placeholder_seller())
    return plan


def _cause_reason(
    entry: RootCauseEntry, kb: KnowledgeBase, reasons: list[Reason]
) -> tuple[Reason | None, RootCause | None]:
    kb_cause = None
    reason_id = entry.reason
    if entry.kb:
        found = kb.find_cause(entry.kb, entry.reason or (reasons[0].id if len(reasons) == 1 else None))
        if found:
            kb_reason, kb_cause = found
            reason_id = reason_id or kb_reason.id
    if reason_id is None and len(reasons) == 1:
        reason_id = reasons[0].id
    reason = kb.reasons.get(reason_id) if reason_id else None
    return reason, kb_cause


def _sort_causes(plan: LetterPlan, loaded: LoadedCase, kb: KnowledgeBase) -> None:
    case_ids = [r.id for r in plan.reasons]
    for i, entry in enumerate(loaded.case.root_causes):
        key = f"root_causes[{i}]"
        reason, kb_cause = _cause_reason(entry, kb, plan.reasons)
        if reason is None:
            plan.warnings.append(w.cause_without_reason(key, case_ids))
            continue
        if reason.id not in case_ids:
            plan.warnings.append(w.cause_for_other_reason(key, reason.id, case_ids))
            continue
        plan.causes.append(PlannedCause(key=key, reason=reason, entry=entry, kb_cause=kb_cause))
        if not entry.text:
            plan.warnings.append(w.cause_only_kb(key, kb_cause))
        if not entry.evidence:
            plan.warnings.append(w.cause_without_evidence(key, kb_cause))
    plan.causes.sort(key=lambda c: case_ids.index(c.reason.id))
    for reason in plan.reasons:
        if not any(c.reason.id == reason.id for c in plan.causes):
            plan.warnings.append(w.reason_without_cause(reason))


def _sort_actions(plan: LetterPlan, actions: list[ActionEntry]) -> None:
    for i, entry in enumerate(actions):
        key = f"actions_taken[{i}]"
        if reads_as_plan(entry.text):
            plan.warnings.append(w.action_reads_as_plan(key))
            continue
        if not entry.done:
            plan.planned.append(PlannedAction(key, entry))
            if entry.date is None:
                plan.warnings.append(w.planned_without_date(key))
            continue
        if entry.date is None:
            plan.warnings.append(w.action_without_date(key))
            continue
        if entry.date > plan.today:
            plan.warnings.append(w.action_in_future(key, entry.date, plan.today))
            plan.planned.append(PlannedAction(key, entry))
            continue
        plan.done.append(PlannedAction(key, entry))
        if not entry.evidence:
            plan.warnings.append(w.action_without_evidence(key))
    plan.done.sort(key=lambda a: a.entry.date or plan.today)
    if not plan.done:
        plan.warnings.append(w.no_actions_taken())


def _check_measures(plan: LetterPlan, measures: list[MeasureEntry]) -> None:
    for i, entry in enumerate(measures):
        key = f"preventive_measures[{i}]"
        plan.measures.append(PlannedMeasure(key, entry))
        missing = [name for name in ("owner", "start", "frequency") if getattr(entry, name) is None]
        if missing:
            plan.warnings.append(w.measure_incomplete(key, missing))
    if not measures and not plan.planned:
        plan.warnings.append(w.no_measures())


def _check_language(plan: LetterPlan, loaded: LoadedCase) -> None:
    case = loaded.case
    texts: list[tuple[str, str | None]] = [(f"facts[{i}]", t) for i, t in enumerate(case.facts)]
    for name, items in (
        ("root_causes", case.root_causes),
        ("actions_taken", case.actions_taken),
        ("preventive_measures", case.preventive_measures),
    ):
        texts += [(f"{name}[{i}]", getattr(item, "text", None)) for i, item in enumerate(items)]
        texts += [(f"{name}[{i}]", getattr(item, "evidence", None)) for i, item in enumerate(items)]
    seen: set[str] = set()
    for key, text in texts:
        if text and CJK.search(text) and key not in seen:
            seen.add(key)
            plan.warnings.append(w.not_english(key))


def cause_id(cause: PlannedCause) -> str | None:
    return f"{cause.reason.id}/{cause.kb_cause.id}" if cause.kb_cause else None


def _use_data(plan: LetterPlan, data: DataEvidence) -> None:
    """Back the seller's causes with what the data proves; suggest, never assert, the causes it shows."""
    given = {cause_id(c) for c in plan.causes}
    backed = {c.key for c in plan.causes if not c.entry.evidence and cause_id(c) in data.by_cause}
    plan.warnings = [
        x for x in plan.warnings if not (x.code == "root-cause-without-evidence" and x.key in backed)
    ]
    suggested: set[str] = set()
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

    for finding in data.findings:
        cause = finding.get("kb_cause")
        rows = finding.get("evidence", {}).get("rows", [])
        if rows and sum(1 for row in rows if is_explained(row)) >= 0.7 * len(rows):
            continue  # mostly the same orders as a cause the seller gave: not a separate cause
        if cause and cause not in given and cause not in suggested:
            suggested.add(cause)
            plan.warnings.append(w.data_suggests_cause(cause, finding["summary"]))
    plan.warnings += data.warnings


def seller_text(loaded: LoadedCase) -> str:
    """Everything the seller wrote in the case: what answers (or fails to answer) the notice."""
    case = loaded.case
    parts = list(case.facts)
    for cause in case.root_causes:
        parts += [cause.text or "", cause.evidence or ""]
    for action in case.actions_taken:
        parts += [action.text, action.evidence or ""]
    parts += [m.text for m in case.preventive_measures]
    return "\n".join(parts)


def _check_cited(plan: LetterPlan, loaded: LoadedCase, notice: Notice) -> None:
    """Warn, by id, about every item the notice cites that the seller's own text does not answer."""
    answered = seller_text(loaded)
    attached = "\n".join(loaded.case.attachments)
    for item in uncovered_items(notice, answered):
        if item.kind == "document":
            if not [i for i in uncovered_items(notice, attached) if i == item]:
                continue
            plan.warnings.append(w.requested_document_missing(item.value))
        else:
            plan.warnings.append(w.cited_item_not_covered(item.kind, item.value))


def _check_documents(plan: LetterPlan, loaded: LoadedCase, kb: KnowledgeBase) -> None:
    attached = "\n".join(loaded.case.attachments)
    for reason in plan.reasons:
        for doc_id in reason.documents:
            if doc_id in NOT_ATTACHED or names_document(doc_id, attached):
                continue
            doc = kb.documents[doc_id]
            plan.warnings.append(w.document_not_attached(reason, doc.name.en, doc.name.zh))
