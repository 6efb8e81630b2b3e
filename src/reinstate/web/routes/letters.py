"""Drafts of a case (the letter with its review beside it, exports) and the editor that reviews any letter."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.letters import Draft, review_context, write_docx, write_mirror_docx
from reinstate.review import ReviewContext, review_text
from reinstate.review.render import review_text_report
from reinstate.store import User
from reinstate.web.i18n import gettext_for
from reinstate.web.letter_views import compare_page, draft_page, edited_draft, highlight
from reinstate.web.pages import language, render
from reinstate.web.routes.cases import UserDep, _text, json_object, store_of
from reinstate.web.security import check_csrf, current_user
from reinstate.web.workspace import notice_of

router = APIRouter(dependencies=[Depends(check_csrf)])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LETTER_EXPORTS = ("docx", "md", "txt")  # the exports of the letter itself, which follow the text on screen


@router.get("/cases/{case_id}/drafts/{number}", response_class=HTMLResponse)
def show_draft(request: Request, case_id: int, number: int, user: UserDep) -> Response:
    page = draft_page(store_of(request), user, case_id, number)
    export = request.query_params.get("export", "")  # after "save, then export": the file to download now
    return render(request, "draft.html", page | {"export": export if export in LETTER_EXPORTS else ""})


@router.post("/cases/{case_id}/drafts/{number}/versions")
def save_version(
    request: Request,
    case_id: int,
    number: int,
    user: UserDep,
    text: Annotated[str, Form()] = "",
    then: Annotated[str, Form()] = "",
) -> Response:
    """The letter as edited on version ``number``'s page, saved as the case's next version (reviewed with
    that version's context); ``then`` names an export to download from it. Text that is already the
    source version's or the newest version's is not saved twice."""
    store = store_of(request)
    text = _text(text, request, "letter").replace("\r\n", "\n")  # browsers send a textarea's lines as CRLF
    fmt = then if then in LETTER_EXPORTS else ""
    source = store.get_draft(user, case_id, number)
    if text == source.letter_text:
        target = source.number
    else:
        newest = store.draft_summaries(user, case_id)[-1].number
        same = newest != number and store.get_draft(user, case_id, newest).letter_text == text
        target = (
            newest if same else _add_edited(request, user, case_id, source.number, source.draft_json, text)
        )
    if fmt and target == number:
        return RedirectResponse(f"/cases/{case_id}/drafts/{target}/export.{fmt}", status_code=303)
    suffix = f"?export={fmt}" if fmt else ""
    return RedirectResponse(f"/cases/{case_id}/drafts/{target}{suffix}", status_code=303)


def _add_edited(request: Request, user: User, case_id: int, source: int, draft_json: str, text: str) -> int:
    """Review the edited letter as its source version's page does and store it as the next version."""
    store = store_of(request)
    draft = json.loads(draft_json)
    draft = draft if isinstance(draft, dict) else {}
    context = _draft_context(request, user, case_id, source)
    review = review_text(text, context=context).to_json()
    data = edited_draft(draft, text, review, source)
    saved = store.add_draft(
        user, case_id, text, json.dumps(data, ensure_ascii=False), json.dumps(review, ensure_ascii=False),
        review.get("score"),
    )  # fmt: skip
    return saved.number


@router.get("/cases/{case_id}/compare", response_class=HTMLResponse)
def compare_versions(request: Request, case_id: int, user: UserDep) -> Response:
    """Two versions of the letter: ``?a=1&b=2`` (a word diff from a to b, and each one's score)."""
    store = store_of(request)
    _ = gettext_for(language(request))
    numbers = [d.number for d in store.draft_summaries(user, case_id)]  # refuses a case not open to the user
    chosen: list[int] = []
    for key in ("a", "b"):
        raw = request.query_params.get(key, "").strip()
        if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
            message = _("Name two versions to compare as whole numbers, e.g. ?a=1&b=2.")
            raise HTTPException(status_code=400, detail=message)
        if int(raw) not in numbers:
            message = _("This case has no version %(n)s. Pick one from the case page.") % {"n": raw[:12]}
            raise HTTPException(status_code=404, detail=message)
        chosen.append(int(raw))
    return render(request, "compare.html", compare_page(store, user, case_id, chosen[0], chosen[1]))


@router.get("/cases/{case_id}/drafts/{number}/export.{fmt}")
def export_draft(request: Request, case_id: int, number: int, fmt: str, user: UserDep) -> Response:
    """The draft as a file: ``txt`` to paste, ``md``, ``docx`` to attach, ``json`` for tools."""
    page = draft_page(store_of(request), user, case_id, number)
    stem = f"appeal-case{case_id}-v{number}"
    headers = {"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'}
    draft = Draft.from_json(page["draft"])
    if fmt == "docx" and page["edited"]:  # a version edited by hand: the Word file holds exactly its text
        return Response(_text_docx(draft.text), media_type=DOCX, headers=headers)
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


def _text_docx(text: str) -> bytes:
    """A Word document of a letter's plain text: one paragraph per block, its lines kept."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for block in text.strip("\n").split("\n\n"):
        run = doc.add_paragraph().add_run()
        for index, line in enumerate(block.split("\n")):
            if index:
                run.add_break()
            run.add_text(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


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
