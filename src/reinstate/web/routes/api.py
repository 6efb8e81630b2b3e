"""The JSON twins of the pages (``/api/...``), documented by the OpenAPI schema at ``/api/docs``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from reinstate.kb.describe import list_json, reason_json
from reinstate.notice import parse_notice
from reinstate.web.letter_views import draft_page
from reinstate.web.pages import language
from reinstate.web.routes.cases import UserDep, _text, json_object, store_of
from reinstate.web.security import check_csrf
from reinstate.web.views import case_list, case_page

router = APIRouter(prefix="/api", dependencies=[Depends(check_csrf)])


@router.get("/cases")
def api_cases(request: Request, user: UserDep) -> dict[str, Any]:
    """Every case the user may see, with status, reasons, deadline and latest score."""
    return case_list(store_of(request), user)


@router.get("/cases/{case_id}")
def api_case(request: Request, case_id: int, user: UserDep) -> dict[str, Any]:
    """One case: notice checklist data, plan, reports, drafts, submissions and replies; with accounts on,
    ``sharing``: its owner and the accounts it is shared with."""
    accounts = request.app.state.settings.needs_login
    return case_page(
        store_of(request), request.app.state.kb, user, case_id, language(request), accounts=accounts
    )


@router.get("/cases/{case_id}/drafts/{number}")
def api_draft(request: Request, case_id: int, number: int, user: UserDep) -> dict[str, Any]:
    """One saved draft with its review and the letter cut into flagged segments."""
    return draft_page(store_of(request), user, case_id, number)


@router.get("/cases/{case_id}/export")
def api_export(request: Request, case_id: int, user: UserDep) -> dict[str, Any]:
    """Everything of a case, for a backup or another tool (report files in base64)."""
    return store_of(request).export_case(user, case_id)


@router.post("/notice")
async def api_notice(request: Request, user: UserDep) -> dict[str, Any]:
    """Parse a pasted notice: ``{"text": "..."}`` in, ``reinstate.notice/1`` out."""
    body = await json_object(request)
    text = _text(str(body.get("text", "")), request, "notice")
    return parse_notice(text, kb=request.app.state.kb, source="notice").to_json()


@router.get("/reasons")
def api_reasons(request: Request, user: UserDep) -> dict[str, Any]:
    """The reasons the knowledge base knows."""
    return list_json(request.app.state.kb)


@router.get("/reasons/{reason_id}")
def api_reason(request: Request, reason_id: str, user: UserDep) -> dict[str, Any]:
    """One reason in full: explanation, target, causes with questions, actions, measures, documents."""
    kb = request.app.state.kb
    return reason_json(kb, kb.reason(reason_id))
