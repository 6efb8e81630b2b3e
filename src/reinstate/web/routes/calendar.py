"""The case's deadline: corrected by the seller on the case page, and as a calendar file (.ics)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from reinstate.errors import InputError
from reinstate.store import Store, User
from reinstate.web.deadlines import calendar_file
from reinstate.web.i18n import gettext_for
from reinstate.web.pages import language
from reinstate.web.security import check_csrf, current_user
from reinstate.web.workspace import notice_of

router = APIRouter(dependencies=[Depends(check_csrf)])
UserDep = Annotated[User, Depends(current_user)]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"'{value[:40]}' is not a date.",
            fix="use the date picker or write YYYY-MM-DD.",
            message_zh=f"“{value[:40]}”不是有效的日期。",
            fix_zh="请用日期选择器选择，或按 YYYY-MM-DD 格式填写。",
        ) from None


@router.post("/cases/{case_id}/deadline")
def save_deadline(
    request: Request,
    case_id: int,
    user: UserDep,
    version: Annotated[int, Form()],
    deadline: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Set (or, left empty, clear) the deadline, with the version check of every edit; a date before the
    notice's own date is refused (400, in the page's language)."""
    store = _store(request)
    day = _date(deadline) if deadline.strip() else None
    notice = notice_of(store.get_case(user, case_id), request.app.state.kb)
    if day is not None and notice is not None and notice.dates:
        sent = dt.date.fromisoformat(notice.dates[0])
        if day < sent:
            raise InputError(
                f"the deadline {day.isoformat()} is before the notice's date, {sent.isoformat()}.",
                fix="choose the date by which Amazon expects your appeal.",
                message_zh=f"截止日期 {day.isoformat()} 早于亚马逊通知的日期 {sent.isoformat()}。",
                fix_zh="请选择亚马逊要求您提交申诉的最后日期。",
            )
    store.update_case(user, case_id, version, deadline=day)
    return RedirectResponse(f"/cases/{case_id}#notice", status_code=303)


@router.get("/cases/{case_id}/deadline.ics")
def deadline_calendar(request: Request, case_id: int, user: UserDep) -> Response:
    """The deadline as an all-day event with a reminder two days before, for the seller's own calendar;
    404 when the case has no deadline (and, like every case address, for a case not open to the user)."""
    case = _store(request).get_case(user, case_id)
    _ = gettext_for(language(request))
    if case.deadline is None:
        raise HTTPException(status_code=404, detail=_("This case has no deadline yet."))
    summary = _("Appeal deadline: %(title)s") % {"title": case.title}
    return Response(
        calendar_file(case.id, summary, case.deadline),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="case-{case.id}-deadline.ics"'},
    )
