"""A case's Seller Central downloads: upload one or several, remove a wrong one, and follow the analysis.

The page uploads each file in its own request so it can show a progress bar per file (app.js), and
asks ``/cases/{id}/analysis`` until the analysis is stored, then redraws the reports section in
place; without JavaScript the form posts every chosen file at once and the page says to reload.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.reports.guide import ALL_DOWNLOADS
from reinstate.store import AlreadyExists, Store, User
from reinstate.web.jobs import JobLimits, analysis_job
from reinstate.web.limits import chosen_files
from reinstate.web.pages import language, render, wants_json
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf
from reinstate.web.workspace import analyse_reports, identify_upload

router = APIRouter(dependencies=[Depends(check_csrf)])


def queue_analysis(request: Request, user: User, case_id: int, report_id: int) -> None:
    """Have the background process analyse the case's reports, as a job with a time and a memory limit
    (``web/jobs.py``): a job past them is stopped and the case page says why."""
    settings = request.app.state.settings
    limits = JobLimits(settings.analysis_seconds, settings.analysis_memory_bytes)
    request.app.state.analysis_queue.submit(
        analysis_job, settings.db_url, user.id, case_id, report_id, limits
    )


def analyse_upload(store: Store, user: User, case_id: int, report_id: int) -> None:
    """Analyse all of a case's reports together in this process and keep the result with the newest one
    (without ``background_analysis``: tests).

    Uploads that arrive while an analysis waits are coalesced: only the job for the newest report
    runs, since it reads every report of the case anyway.
    """
    overview = store.case_overview(user, case_id)
    if overview.reports and overview.reports[-1].id != report_id:
        return
    store.set_report_analysis(user, case_id, report_id, analyse_reports(store, user, overview.case))


async def _analyse(request: Request, store: Store, user: User, case_id: int, report_id: int) -> None:
    if request.app.state.settings.background_analysis:
        # A low-priority process analyses it; the page shows "analysing" until the result is stored.
        queue_analysis(request, user, case_id, report_id)
    else:
        await run_in_threadpool(analyse_upload, store, user, case_id, report_id)


@router.post("/cases/{case_id}/reports")
async def upload_reports(request: Request, case_id: int, user: UserDep) -> Response:
    """Keep every chosen file that is a report we read, then analyse the case once. Every file is
    checked before any is kept: one that is not a report is refused with its name and nothing is kept;
    a file already in the case is skipped (said in the JSON answer; alone, it is refused)."""
    store = store_of(request)
    await run_in_threadpool(store.get_case, user, case_id)  # another user's case: refused before reading
    chosen = await chosen_files(
        request,
        default_name="report.txt",
        none_fix="choose one or more downloads, then upload.",
        many_fix="upload at most {n} downloads at a time.",
        too_large_fix="upload the report only.",
    )
    files: list[tuple[str, bytes, str]] = []
    for name, content in chosen:
        found = await run_in_threadpool(identify_upload, name, content)  # not a report: 400, nothing kept
        files.append((name, content, found.type))
    kept, skipped = [], []
    for name, content, kind in files:
        try:
            kept.append(await run_in_threadpool(store.add_report, user, case_id, name, kind, content))
        except AlreadyExists as exc:  # already in the case: nothing to add, the others still count
            if len(files) == 1:
                raise
            skipped.append({"filename": name, "message": exc.render(language(request))})
    if kept:
        await _analyse(request, store, user, case_id, kept[-1].id)
    if wants_json(request):
        rows = [{"id": r.id, "filename": r.filename, "kind": r.kind} for r in kept]
        return JSONResponse({"ok": True, "reports": rows, "skipped": skipped})
    return RedirectResponse(f"/cases/{case_id}#reports", status_code=303)


@router.post("/cases/{case_id}/reports/{report_id}/delete")
async def remove_report(request: Request, case_id: int, report_id: int, user: UserDep) -> Response:
    """Remove a wrong upload; the remaining reports are analysed again (the old result counted it)."""
    store = store_of(request)
    await run_in_threadpool(store.delete_report, user, case_id, report_id)
    remaining = (await run_in_threadpool(store.case_overview, user, case_id)).reports
    if remaining:
        last = remaining[-1].id
        await run_in_threadpool(
            store.set_report_analysis, user, case_id, last, None
        )  # "analysing" until redone
        await _analyse(request, store, user, case_id, last)
    if wants_json(request):
        return JSONResponse({"ok": True, "reports": len(remaining)})
    return RedirectResponse(f"/cases/{case_id}#reports", status_code=303)


@router.get("/cases/{case_id}/analysis")
def analysis_state(request: Request, case_id: int, user: UserDep) -> Response:
    """Whether the case's reports are still being analysed: the page asks this every few seconds."""
    reports = store_of(request).case_overview(user, case_id).reports
    analysing = bool(reports) and not reports[-1].analysis_json
    return JSONResponse({"analysing": analysing, "reports": len(reports)})


@router.post("/cases/{case_id}/analyse")
async def analyse_again(request: Request, case_id: int, user: UserDep) -> Response:
    """Analyse the case's reports again (after a restart interrupted a background analysis), as a job
    within the limits when analyses run in the background."""
    store = store_of(request)
    overview = await run_in_threadpool(store.case_overview, user, case_id)
    if overview.reports:
        await _analyse(request, store, user, case_id, overview.reports[-1].id)
    return RedirectResponse(f"/cases/{case_id}#reports", status_code=303)


@router.get("/downloads", response_class=HTMLResponse)
def downloads_page(request: Request) -> Response:
    """Every download we read, where it is in Seller Central, and how to copy the claims by hand."""
    zh = language(request) == "zh"
    rows = [
        {
            "name": d.name_zh if zh else d.name,
            "where": d.where_zh if zh else d.where,
            "why": d.why_zh if zh else d.why,
        }
        for d in ALL_DOWNLOADS
    ]
    return render(request, "downloads.html", {"downloads": rows})
