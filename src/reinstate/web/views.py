"""The data behind each page, as plain dicts: the HTML page renders it, ``/api`` returns it as JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from reinstate.kb import KnowledgeBase
from reinstate.metrics import LABELS, LABELS_ZH
from reinstate.reports import report_titles
from reinstate.store import Case, DraftSummary, Store, User, row_dict
from reinstate.web.workspace import case_data, notice_of


def case_summary(case: Case, last: DraftSummary | None) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "seller_name": case.seller_name,
        "marketplace": case.marketplace,
        "reasons": list(case.reasons),
        "status": case.status,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "days_left": (case.deadline - dt.date.today()).days if case.deadline else None,
        "score": last.score if last else None,
        "drafts": last.number if last else 0,
        "updated_at": case.updated_at.isoformat(),
    }


def case_list(store: Store, user: User) -> dict[str, Any]:
    cases = store.list_cases(user)
    latest = store.latest_drafts(user)
    return {"cases": [case_summary(c, latest.get(c.id)) for c in cases]}


def reason_names(kb: KnowledgeBase, ids: list[str], lang: str) -> list[dict[str, str]]:
    return [{"id": r, "name": kb.reasons[r].names.get(lang) if r in kb.reasons else r} for r in ids]


_GUIDES: dict[tuple[tuple[str, ...], str], list[dict[str, Any]]] = {}


def kb_guide(kb: KnowledgeBase, ids: list[str], lang: str) -> list[dict[str, Any]]:
    """The knowledge base's causes and questions for the case's reasons: what guides the plan editor.

    The knowledge base never changes while the app runs, so each guide is built once.
    """
    key = (tuple(ids), lang)
    if key not in _GUIDES:
        _GUIDES[key] = _build_guide(kb, ids, lang)
    return _GUIDES[key]


def _build_guide(kb: KnowledgeBase, ids: list[str], lang: str) -> list[dict[str, Any]]:
    guide = []
    for reason_id in ids:
        reason = kb.reasons.get(reason_id)
        if reason is None:
            continue
        guide.append(
            {
                "id": reason.id,
                "name": reason.names.get(lang),
                "causes": [
                    {
                        "id": c.id,
                        "title": c.title.get(lang),
                        "questions": [q.zh if lang == "zh" else q.en for q in c.questions],
                        "proof": c.data_signal.get(lang),
                    }
                    for c in reason.root_causes
                ],
                "measures": [
                    {
                        "text": m.text.en,
                        "owner": m.owner.en,
                        "frequency": m.frequency.en,
                        "hint": m.text.get(lang),
                    }
                    for m in reason.preventive_measures
                ],
            }
        )
    return guide


def phrase_rows(plan: dict[str, Any]) -> dict[str, list[dict[str, str] | None]]:
    """For each plan entry written from the phrase bank: its English, its Chinese and its values as JSON."""
    from reinstate.kb import load_phrase_bank
    from reinstate.letters.phrasing import render as render_phrase

    bank = load_phrase_bank()
    rows: dict[str, list[dict[str, str] | None]] = {}
    for key in ("root_causes", "actions_taken", "preventive_measures"):
        shown: list[dict[str, str] | None] = []
        for entry in plan.get(key) or []:
            item = (
                bank.find(str(entry.get("phrase")))
                if isinstance(entry, dict) and entry.get("phrase")
                else None
            )
            values = entry.get("values") or {} if isinstance(entry, dict) else {}
            try:
                shown.append(
                    {
                        "en": render_phrase(item.phrase, values),
                        "zh": render_phrase(item.phrase, values, "zh"),
                        "values_json": json.dumps(values, default=str, ensure_ascii=False),
                    }
                    if item and isinstance(values, dict)
                    else None
                )
            except ValueError:
                shown.append(None)
        rows[key] = shown
    return rows


def case_page(store: Store, kb: KnowledgeBase, user: User, case_id: int, lang: str) -> dict[str, Any]:
    overview = store.case_overview(user, case_id)
    case, drafts, reports = overview.case, overview.drafts, overview.reports
    notice = notice_of(case, kb)
    reasons = list(case.reasons) or (notice.reason_ids if notice else [])
    analysis = next((json.loads(r.analysis_json) for r in reversed(reports) if r.analysis_json), None)
    ready = drafts_ready(store, user, case_id) if drafts else {}
    return {
        "case": case_summary(case, drafts[-1] if drafts else None)
        | {"version": case.version, "notice_text": case.notice_text},
        "reasons": reason_names(kb, reasons, lang),
        "notice": notice.to_json() if notice else None,
        "documents": [
            {"id": d, "name": kb.document_name(d, lang)}
            for d in (notice.documents_requested if notice else ())
        ],
        "plan": case_data(case),
        "phrase_rows": phrase_rows(case_data(case)),
        "guide": kb_guide(kb, reasons, lang),
        "reports": [row_dict(r) for r in reports],
        "report_titles": report_titles(lang),
        "analysis": analysis,
        "metric_names": LABELS_ZH if lang == "zh" else LABELS,
        "chart": odr_chart(analysis),
        "analysing": bool(reports) and not reports[-1].analysis_json,
        "drafts": [
            {
                "number": d.number,
                "score": d.score,
                "created_at": d.created_at.isoformat(),
                "ready": ready.get(d.number),
            }
            for d in drafts
        ],
        "submissions": [row_dict(s) for s in overview.submissions],
        "replies": [row_dict(r) for r in overview.replies],
    }


def drafts_ready(store: Store, user: User, case_id: int) -> dict[int, bool]:
    """Draft number -> whether its stored draft says it may be sent as it is (drafts without a say are left out)."""
    found: dict[int, bool] = {}
    for version in store.list_drafts(user, case_id):
        ready = ready_of(version.draft_json)
        if ready is not None:
            found[version.number] = ready
    return found


def ready_of(draft_json: str) -> bool | None:
    """The stored draft's ``ready``: None when it was saved before drafts carried it (not known, never ready)."""
    if '"ready"' not in draft_json:
        return None  # older drafts: skip parsing the whole document
    try:
        data = json.loads(draft_json)
    except ValueError:
        return None
    ready = data.get("ready") if isinstance(data, dict) else None
    return ready if isinstance(ready, bool) else None


def odr_chart(analysis: dict[str, Any] | None, height: int = 100) -> dict[str, Any] | None:
    """Bars of the order defect rate week by week, scaled against Amazon's 1% target (drawn as a line)."""
    weeks = ((analysis or {}).get("timeline") or {}).get("order_defect_rate") or []
    if not weeks:
        return None
    target = 0.01
    top = max([w["rate"] or 0 for w in weeks] + [target * 2])
    bars = [
        {
            "label": w["start"][5:],
            "title": f"{w['start']} – {w['end']}: {w['defects']}/{w['orders']} ({(w['rate'] or 0) * 100:.2f}%)",
            "height": round((w["rate"] or 0) / top * height, 1),
            "over": (w["rate"] or 0) >= target,
        }
        for w in weeks
    ]
    return {"bars": bars, "target_y": round(height - target / top * height, 1), "height": height}


def draft_page(store: Store, user: User, case_id: int, number: int) -> dict[str, Any]:
    case = store.get_case(user, case_id)
    draft = store.get_draft(user, case_id, number)
    review = json.loads(draft.review_json)
    return {
        "case": {"id": case.id, "title": case.title, "seller_name": case.seller_name},
        "number": draft.number,
        "letter_text": draft.letter_text,
        "draft": json.loads(draft.draft_json),
        "review": review,
        "segments": highlight(draft.letter_text, review.get("findings", [])),
        "created_at": draft.created_at.isoformat(),
    }


def highlight(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The letter cut into plain and flagged segments, for marking findings in place (escaped by the template)."""
    segments: list[dict[str, Any]] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = max(finding["start"], position), finding["end"]
        if end <= start:
            continue
        if start > position:
            segments.append({"text": text[position:start], "finding": None})
        segments.append({"text": text[start:end], "finding": finding})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "finding": None})
    return segments
