"""Drafts of a case (the letter with its review beside it, exports) and the editor that reviews any letter."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.letters import Draft, review_context, write_docx, write_mirror_docx
from reinstate.review import ReviewContext, review_text
from reinstate.review.render import review_text_report
from reinstate.store import User
from reinstate.web.pages import language, render
from reinstate.web.routes.cases import UserDep, _text, json_object, store_of
from reinstate.web.security import check_csrf, current_user
from reinstate.web.views import draft_page, highlight
from reinstate.web.workspace import notice_of

router = APIRouter(dependencies=[Depends(check_csrf)])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get("/cases/{case_id}/drafts/{number}", response_class=HTMLResponse)
def show_draft(request: Request, case_id: int, number: int, user: UserDep) -> Response:
    return render(request, "draft.html", draft_page(store_of(request), user, case_id, number))


@router.get("/cases/{case_id}/drafts/{number}/export.{fmt}")
def export_draft(request: Request, case_id: int, number: int, fmt: str, user: UserDep) -> Response:
    """The draft as a file: ``txt`` to paste, ``md``, ``docx`` to attach, ``json`` for tools."""
    page = draft_page(store_of(request), user, case_id, number)
    stem = f"appeal-case{case_id}-v{number}"
    headers = {"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'}
    draft = Draft.from_json(page["draft"])
    if fmt == "txt":
        return PlainTextResponse(draft.text, headers=headers)
    if fmt == "md":
        return Response(draft.markdown, media_type="text/markdown; charset=utf-8", headers=headers)
    if fmt == "json":
        return JSONResponse(page["draft"], headers=headers)
    if fmt in {"docx", "mirror-zh.docx"}:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{stem}.docx"
            (write_docx if fmt == "docx" else write_mirror_docx)(draft, path)
            data = path.read_bytes()
        return Response(data, media_type=DOCX, headers=headers)
    raise HTTPException(
        status_code=404, detail=f"No export format '{fmt}': use txt, md, docx, mirror-zh.docx or json."
    )


@router.get("/review", response_class=HTMLResponse)
def review_editor(request: Request, user: UserDep) -> Response:
    return render(request, "review.html", {"text": "", "review": None, "segments": []})


@router.post("/review", response_class=HTMLResponse)
def review_submit(request: Request, user: UserDep, text: Annotated[str, Form()] = "") -> Response:
    text = _text(text, request, "letter")
    review = review_text(text).to_json() if text.strip() else None
    segments = highlight(text, review["findings"]) if review else []
    return render(request, "review.html", {"text": text, "review": review, "segments": segments})


@router.post("/api/review")
async def review_api(request: Request, user: Annotated[User, Depends(current_user)]) -> JSONResponse:
    """Review a letter as it is typed; with ``case_id`` and ``draft``, in that draft's context."""
    body = await json_object(request)
    text = _text(str(body.get("text", "")), request, "letter")
    context = _draft_context(request, user, body.get("case_id"), body.get("draft"))
    return JSONResponse(await run_in_threadpool(_review_payload, text, language(request), context))


def _draft_context(request: Request, user: User, case_id: object, number: object) -> ReviewContext | None:
    """The context the draft was reviewed with: its reasons and its case's notice (None off a draft page)."""
    if case_id in (None, "") or number in (None, ""):
        return None
    try:
        case_number, draft_number = int(str(case_id)), int(str(number))
    except ValueError:
        raise HTTPException(status_code=400, detail="case_id and draft are whole numbers.") from None
    store = store_of(request)
    stored = store.get_draft(user, case_number, draft_number)
    kb = request.app.state.kb
    reasons = list(json.loads(stored.draft_json).get("reasons", []))
    return review_context(reasons, notice_of(store.get_case(user, case_number), kb), kb)


def _review_payload(text: str, lang: str, context: ReviewContext | None = None) -> dict[str, object]:
    review = review_text(text, context=context)
    return review.to_json() | {
        "segments": highlight(text, [f.to_json() for f in review.findings]),
        "report": review_text_report(review, lang),
    }
