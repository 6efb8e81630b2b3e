"""The data behind each page, as plain dicts: the HTML page renders it, ``/api`` returns it as JSON."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

from reinstate.kb import KnowledgeBase
from reinstate.metrics import LABELS, LABELS_ZH
from reinstate.paths import LETTER_KINDS
from reinstate.reports import report_titles
from reinstate.reports.guide import downloads_for
from reinstate.review.model import band
from reinstate.store import (
    CASE_SORTS,
    CASE_STATUSES,
    Case,
    CaseQuery,
    CaseRow,
    DraftSummary,
    Store,
    User,
    row_dict,
)
from reinstate.web.deadlines import countdown, days_left, deadline_basis
from reinstate.web.documents import documents_view, stored_checks
from reinstate.web.paths_view import path_view, repeats_view
from reinstate.web.replies import READER_OUTCOME, read_stored, reply_view
from reinstate.web.workspace import case_data, case_model, notice_of


def case_summary(case: Case, last: DraftSummary | None) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "seller_name": case.seller_name,
        "marketplace": case.marketplace,
        "reasons": list(case.reasons),
        "status": case.status,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "days_left": days_left(case.deadline),
        "countdown": countdown(case.deadline, case.status),
        "score": last.score if last else None,
        "drafts": last.number if last else 0,
        "updated_at": case.updated_at.isoformat(),
    }


def case_list(store: Store, user: User) -> dict[str, Any]:
    cases = store.list_cases(user)
    latest = store.latest_drafts(user)
    return {"cases": [case_summary(c, latest.get(c.id)) for c in cases]}


def list_query(params: Mapping[str, str]) -> CaseQuery:
    """The case list's search, filters and order from the page's query string (``q``, ``status``,
    ``reason``, ``marketplace``, ``sort``). A status or an order the list does not offer is ignored: the
    page then shows every status, by deadline, never an error."""
    status = params.get("status", "")
    sort = params.get("sort", "")
    return CaseQuery(
        text=params.get("q", "").strip()[:200],
        status=status if status in CASE_STATUSES else None,
        reason=params.get("reason", "").strip()[:80] or None,
        marketplace=params.get("marketplace", "").strip().upper()[:40] or None,
        sort=sort if sort in CASE_SORTS else "deadline",
    )


def case_index(store: Store, kb: KnowledgeBase, user: User, lang: str, query: CaseQuery) -> dict[str, Any]:
    """The case list page: the matching cases (searched, filtered and ordered by the database), how many
    the user has in all, and the choices of each filter (only values found in the user's own cases)."""
    listing = store.case_listing(user, query)
    reasons, markets = list(listing.reasons), list(listing.marketplaces)
    if query.reason and query.reason not in reasons:  # asked for by address: keep it shown as chosen
        reasons.append(query.reason)
    if query.marketplace and query.marketplace not in markets:
        markets.append(query.marketplace)
    return {
        "cases": [case_row(kb, row, lang) for row in listing.rows],
        "total": listing.total,
        "query": {
            "q": query.text,
            "status": query.status or "",
            "reason": query.reason or "",
            "marketplace": query.marketplace or "",
            "sort": query.sort,
        },
        "filtered": bool(query.text or query.status or query.reason or query.marketplace),
        "options": {
            "statuses": list(listing.statuses),
            "reasons": sorted(reason_names(kb, reasons, lang), key=lambda r: r["name"]),
            "marketplaces": markets,
            "sorts": list(CASE_SORTS),
        },
    }


def case_row(kb: KnowledgeBase, row: CaseRow, lang: str) -> dict[str, Any]:
    """One case of the list, its reasons by name in the page's language."""
    return {
        "id": row.id,
        "title": row.title,
        "seller_name": row.seller_name,
        "marketplace": row.marketplace,
        "reasons": reason_names(kb, list(row.reasons), lang),
        "status": row.status,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "countdown": countdown(row.deadline, row.status),
        "score": row.score,
        "ready": row.ready,
        "score_tone": score_tone(row.score, row.ready, row.status),
        "drafts": row.drafts,
        "updated_at": row.updated_at.isoformat(),
    }


def score_tone(score: int | None, ready: bool | None, status: str) -> str | None:
    """The colour of a score in the list: green (``good``) only for a strong score (band 90 and up) of a
    newest draft that is ready to send, in a case Amazon has not rejected; amber (``fair``) for a strong
    score that is not ready or was rejected, and for 75-89; red (``poor``) below 75."""
    if score is None:
        return None
    low = int(band(score)["min"])
    if low >= 90 and ready is True and status != "rejected":
        return "good"
    return "fair" if low >= 75 else "poor"


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


def plan_lists(lang: str) -> dict[str, list[dict[str, str]]]:
    """The owners and frequencies a measure can pick from, each with its words in the page's language."""
    from reinstate.letters.mirror import plan_choices

    owners, frequencies = plan_choices()

    def listed(table: dict[str, str]) -> list[dict[str, str]]:
        return [{"en": en, "text": zh if lang == "zh" else en} for en, zh in table.items()]

    return {"owners": listed(owners), "frequencies": listed(frequencies)}


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


def case_page(
    store: Store, kb: KnowledgeBase, user: User, case_id: int, lang: str, *, accounts: bool = False
) -> dict[str, Any]:
    """Everything the case page shows; with ``accounts`` (multi-user mode) also who has access to it."""
    overview = store.case_overview(user, case_id)
    case, drafts, reports = overview.case, overview.drafts, overview.reports
    notice = notice_of(case, kb)
    reasons = list(case.reasons) or (notice.reason_ids if notice else [])
    analysis = next((json.loads(r.analysis_json) for r in reversed(reports) if r.analysis_json), None)
    ready = drafts_ready(store, user, case_id) if drafts else {}
    plan = case_data(case)  # the stored YAML, parsed once for the form and its phrase rows
    model = case_model(case)
    files = store.list_documents(user, case_id)
    return {
        "case": case_summary(case, drafts[-1] if drafts else None)
        | {"version": case.version, "notice_text": case.notice_text},
        "reasons": reason_names(kb, reasons, lang),
        "notice": notice.to_json() if notice else None,
        "deadline_basis": deadline_basis(
            notice.to_json() if notice else None,
            case.deadline,
            case.created_at.date(),
            case.updated_at.date(),
        ),
        "documents": [
            {"id": d, "name": kb.document_name(d, lang)}
            for d in (notice.documents_requested if notice else ())
        ],
        "plan": plan,
        "phrase_rows": phrase_rows(plan),
        "plan_lists": plan_lists(lang),
        "guide": kb_guide(kb, reasons, lang),
        "reports": [row_dict(r) for r in reports],
        "report_titles": report_titles(lang),
        "downloads": download_guide(reasons, lang),
        "checked_documents": documents_view(stored_checks(files), lang),
        "document_files": [row_dict(d) for d in files],
        "products": product_rows(plan, notice),
        "today": dt.date.today().isoformat(),
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
        "latest_reply": latest_reply(overview.replies, case, lang),
        "paths": path_view(
            notice, case.notice_text, model, tuple(READER_OUTCOME[r.outcome] for r in overview.replies), lang
        ),
        "kinds": LETTER_KINDS,
        "repeats": repeats_view(case, notice, same_seller(store, user, case, kb), model, kb, lang),
        "attempts": len(overview.submissions),
        "sharing": sharing_of(store, user, case) if accounts else None,
    }


def same_seller(store: Store, user: User, case: Case, kb: KnowledgeBase) -> list[tuple[Case, Any]]:
    """The user's other cases for the same seller (by name), each with its notice: earlier notices of the
    same policy count toward the repeat-violation limits."""
    name = case.seller_name.strip().casefold()
    others = [
        c for c in store.list_cases(user) if c.id != case.id and c.seller_name.strip().casefold() == name
    ]
    return [(c, notice_of(c, kb)) for c in others]


def product_rows(plan: dict[str, Any], notice: Any) -> list[dict[str, str]]:
    """The case's products for the identifiers form: those listed, then each ASIN of the notice not yet
    listed, then one empty row."""
    rows = [dict(p) for p in plan.get("products") or [] if isinstance(p, dict)]
    listed = {str(r.get("asin", "")).upper() for r in rows}
    rows += [{"asin": a} for a in (notice.asins if notice else ()) if a.upper() not in listed]
    return [*rows, {}]


def latest_reply(replies: list[Any], case: Case, lang: str) -> dict[str, Any] | None:
    """Amazon's newest reply, read: outcome, asks, next steps, and what the case must still change."""
    if not replies:
        return None
    newest = replies[-1]
    reply = read_stored(newest.text)
    if reply is None:
        return None
    return reply_view(reply, case_model(case), lang) | {"received_on": newest.received_on.isoformat()}


def download_guide(reasons: list[str], lang: str) -> list[dict[str, str]]:
    """Which downloads to get for the case's reasons and where they are in Seller Central."""
    zh = lang == "zh"
    return [
        {"type": d.type, "name": d.name_zh if zh else d.name, "where": d.where_zh if zh else d.where,
         "why": d.why_zh if zh else d.why}
        for d in downloads_for(reasons)
    ]  # fmt: skip


def sharing_of(store: Store, user: User, case: Case) -> dict[str, Any]:
    """Who has access to a case the user may see: its owner, the accounts it is shared with, the user's
    own account, and whether the user is the owner (only the owner shares and stops sharing)."""
    return {
        "owner": store.get_user(case.owner_id).email,
        "mine": case.owner_id == user.id,
        "you": user.email,
        "shared_with": store.list_shares(user, case.id),
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
    """Bars of the order defect rate week by week, scaled against Amazon's 1% target (drawn as a line),
    with the percent values of the vertical axis (``ticks``: a round step, at most five above zero)."""
    weeks = ((analysis or {}).get("timeline") or {}).get("order_defect_rate") or []
    if not weeks:
        return None
    target = 0.01
    highest = max([w["rate"] or 0 for w in weeks] + [target * 2])
    step = next(s for s in (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25) if highest / s <= 5)
    count = math.ceil(round(highest / step, 9))  # the axis ends on a tick at or above the highest bar
    top = step * count
    bars = [
        {
            "label": w["start"][5:],
            "title": f"{w['start']} – {w['end']}: {w['defects']}/{w['orders']} ({(w['rate'] or 0) * 100:.2f}%)",
            "height": round((w["rate"] or 0) / top * height, 1),
            "over": (w["rate"] or 0) >= target,
        }
        for w in weeks
    ]
    ticks = [
        {"label": f"{i * step * 100:g}%", "y": round(height - i * step / top * height, 1)}
        for i in range(count + 1)
    ]
    return {
        "bars": bars,
        "ticks": ticks,
        "target_y": round(height - target / top * height, 1),
        "height": height,
        "left": 44,  # room for the axis values
    }
