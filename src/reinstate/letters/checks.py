"""Everything a draft warns about, and what keeps it from being ready to send, from the plan's decisions.

One pass over the plan, in the letter's own order (causes, actions, measures, language, documents,
the notice, the data), so a reader can follow a case from :func:`plan.plan_letter` to its warnings
without jumping back and forth. Blocking items are the warnings a seller must act on before she
sends the letter: a reason left unanswered, nothing done yet, text that is not English, a cited item
or a requested document the case does not answer, an action that had to be left out for lack of a
date, and a cause given only as a knowledge-base id that her data does not back.
"""

from __future__ import annotations

from reinstate.kb import load_kb
from reinstate.letters import warnings as w
from reinstate.letters.evidence import NAMES, NAMES_ZH, percent
from reinstate.letters.model import DraftWarning
from reinstate.letters.plan import NON_ENGLISH, LetterPlan
from reinstate.notice.figures import find_figures

BLOCKING = (
    "reason-without-root-cause",
    "root-cause-generic",
    "no-actions-taken",
    "action-without-date",
    "not-english",
    "english-missing",
    "fact-mismatch",
    "cited-item-not-covered",
    "requested-document-missing",
)


def warnings_for(plan: LetterPlan) -> list[DraftWarning]:
    """Every warning of the plan, in the letter's order."""
    return [
        *_causes(plan),
        *_actions(plan),
        *_measures(plan),
        *(
            w.seller_name_not_latin() if key == "seller.name" else w.not_english(key)
            for key in plan.not_english
        ),
        *(w.english_missing(key) for key in plan.untranslated),
        *(w.fact_mismatch(key, m.only_en, m.only_zh) for key, m in plan.mismatches),
        *(w.document_not_attached(r, d.name.en, d.name.zh) for r, d in plan.documents_suggested),
        *(w.cited_item_not_covered(item.kind, item.value) for item in plan.unanswered),
        *(w.requested_document_missing(d.name.en, d.name.zh) for d in plan.documents_missing),
        *([w.placeholder_seller()] if plan.placeholder_seller else []),
        *(_suggested(plan, cause, summary) for cause, summary in plan.suggested_causes),
        *(plan.data.warnings if plan.data else []),
    ]


def _suggested(plan: LetterPlan, cause: str, summary: str) -> DraftWarning:
    """The data's suggestion of a cause ("reason/cause" id), named by its title and said in both languages."""
    reason_id, _, cause_id = cause.partition("/")
    reason = next((r for r in plan.reasons if r.id == reason_id), None)
    findings = plan.data.findings if plan.data else []
    summary_zh = next((str(f.get("summary_zh") or "") for f in findings if f.get("kb_cause") == cause), "")
    return w.data_suggests_cause(cause, summary, reason.cause(cause_id) if reason else None, summary_zh)


def _causes(plan: LetterPlan) -> list[DraftWarning]:
    others = load_kb().reasons if plan.omitted_causes else {}  # the reasons outside the case, by name
    found = [
        w.cause_for_other_reason(c.key, others.get(c.reason_id), plan.reasons) for c in plan.omitted_causes
    ]
    for cause in plan.causes:
        if cause.assigned_by == "first":
            found.append(w.root_cause_reason_guessed(cause.key, cause.reason, plan.reasons))
        if not cause.entry.text and not cause.proven:
            found.append(w.cause_only_kb(cause.key, cause.kb_cause))
        if not cause.entry.evidence and not cause.proven:
            found.append(w.cause_without_evidence(cause.key, cause.kb_cause))
    answered = {c.reason.id for c in plan.causes}
    found += [w.reason_without_cause(r) for r in plan.reasons if r.id not in answered]
    return found


def _actions(plan: LetterPlan) -> list[DraftWarning]:
    found: list[DraftWarning] = []
    for action in plan.actions:
        key, entry, status = action.key, action.entry, action.status
        if status == "intention":
            found.append(w.action_reads_as_plan(key))
        elif status == "promise":
            found.append(w.action_is_promise(key))
        elif status == "standing_rule":
            found.append(w.action_is_standing_rule(key, action.reading.why))
        elif status == "undated":
            found.append(w.action_without_date(key))
        elif status == "future" and entry.date is not None:
            found.append(w.action_in_future(key, entry.date, plan.today))
        if status in {"planned", "intention"} and entry.date is None:
            found.append(w.planned_without_date(key))
        if status == "done" and action.reading.past is None:
            found.append(w.action_kept_as_written(key))
        if status == "done" and not entry.evidence:
            found.append(w.action_without_evidence(key))
    if not plan.done:
        found.append(w.no_actions_taken())
    return found


def _measures(plan: LetterPlan) -> list[DraftWarning]:
    found = []
    for measure in plan.measures:
        missing = [name for name in ("owner", "start", "frequency") if getattr(measure.entry, name) is None]
        if missing:
            found.append(w.measure_incomplete(measure.key, missing))
    if not plan.measures and not plan.steps:
        found.append(w.no_measures())
    return found


def blocking_for(warnings: list[DraftWarning], letter_text: str, plan: LetterPlan) -> list[DraftWarning]:
    """What must change before the letter is sent: the blocking warnings, and non-English text in it."""
    chosen = [x for x in warnings if x.code in BLOCKING and x.code != "not-english"]
    if plan.legal_name:  # the Chinese registered name, in brackets after the English one, is allowed
        letter_text = letter_text.replace(f"({plan.legal_name})", "")
    if NON_ENGLISH.search(letter_text):
        chosen.append(w.letter_not_english(plan.not_english or ["the letter"]))
    unique: dict[tuple[str, str | None, str], DraftWarning] = {}
    for item in chosen:
        unique.setdefault((item.code, item.key, item.message), item)
    return list(unique.values())


FIGURE_TOLERANCE = 0.0005  # half a hundredth of a percentage point either way is rounding, not a difference


def _letter_figures(plan: LetterPlan) -> dict[str, float]:
    """The figures the letter states: computed from the reports, else those in the seller's own facts."""
    if plan.data is not None and plan.data.values:
        return dict(plan.data.values)
    stated = find_figures(f.text for f in plan.facts if f.in_letter)
    return {f.metric: f.value for f in stated if f.value is not None}


def figure_warnings(plan: LetterPlan) -> list[DraftWarning]:
    """A warning for each figure the notice quotes that the letter's own figure contradicts."""
    if plan.notice is None:
        return []
    letter_figures = _letter_figures(plan)
    found = []
    for figure in plan.notice.figures:
        if figure.value is None:
            continue
        mine = {k: v for k, v in letter_figures.items() if k.startswith(figure.metric)}
        if not mine or any(abs(v - figure.value) <= FIGURE_TOLERANCE for v in mine.values()):
            continue
        key, value = next(iter(mine.items()))
        name = NAMES.get(key, (key.replace("_", " "), ""))[0]
        name_zh = NAMES_ZH.get(key, (name, ""))[0]
        found.append(w.figure_differs(name, percent(figure.value), percent(value), name_zh))
    return found
