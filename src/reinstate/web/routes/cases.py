"""Case pages: the list, a new case, the case page with its steps, and every change to a case."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.errors import InputError
from reinstate.kb.phrases import CJK
from reinstate.notice import parse_notice
from reinstate.store import Store, User
from reinstate.web.documents import case_documents_report, check_case_documents
from reinstate.web.pages import language, render, wants_json
from reinstate.web.replies import STORED_OUTCOME, answer_by, read_stored
from reinstate.web.security import check_csrf, current_user
from reinstate.web.views import case_index, case_page, list_query
from reinstate.web.workspace import (
    case_data,
    draft_case,
    form_date,
    plan_from_form,
    validated_yaml,
    whole_number,
)

router = APIRouter(dependencies=[Depends(check_csrf)])
UserDep = Annotated[User, Depends(current_user)]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str, request: Request, what: str) -> str:
    if SURROGATE.search(value):  # half a character (from a broken copy): cannot be stored or shown
        raise InputError(
            f"the {what} holds a broken character (a lone UTF-16 surrogate).", fix="paste it again."
        )
    limit = request.app.state.settings.max_text_chars
    if len(value) > limit:
        raise InputError(
            f"the {what} is longer than {limit:,} characters.", fix=f"paste the {what} itself only."
        )
    return value


async def json_object(request: Request) -> dict[str, Any]:
    """The request's JSON body, which must be an object: anything else is 400, never a crash."""
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(status_code=400, detail='The body is not JSON: send {"text": "..."}.') from None
    if not isinstance(body, dict):
        raise HTTPException(status_code=400, detail='Send a JSON object: {"text": "..."}.')
    return body


def _deadline(notice: Any) -> dt.date | None:
    """The reply deadline: the date the notice sets, else the notice's date (or today) plus its days."""
    if notice is not None and notice.deadline is not None and notice.deadline.date:
        return dt.date.fromisoformat(notice.deadline.date)
    if notice is None or not notice.deadline_days:
        return None
    start = dt.date.fromisoformat(notice.dates[0]) if notice.dates else dt.date.today()
    return start + dt.timedelta(days=notice.deadline_days)


# The case list runs in a worker thread: its cost grows with the number of cases (about 25 ms for a
# consultant's 200, benchmarks/RESULTS.md), which must not hold the event loop and every other request.
@router.get("/", response_class=HTMLResponse)
def cases_index(request: Request, user: UserDep) -> Response:
    """The case list: search, filters and order from the query string (a GET form, so it works without
    JavaScript and every result has its own address)."""
    query = list_query(request.query_params)
    page = case_index(store_of(request), request.app.state.kb, user, language(request), query)
    return render(request, "cases.html", page)


@router.get("/cases/new", response_class=HTMLResponse)
def new_case_form(request: Request, user: UserDep) -> Response:
    return render(request, "case_new.html", {})


@router.post("/cases")
def create_case(
    request: Request,
    user: UserDep,
    title: Annotated[str, Form(max_length=200)],
    seller_name: Annotated[str, Form(max_length=200)],
    marketplace: Annotated[str, Form(max_length=40)] = "",
    notice_text: Annotated[str, Form()] = "",
    legal_name: Annotated[str, Form(max_length=200)] = "",
    address: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    kb = request.app.state.kb
    store = store_of(request)
    _english_name(seller_name)
    notice_text = _text(notice_text, request, "notice")
    notice = parse_notice(notice_text, kb=kb, source="notice") if notice_text.strip() else None
    case = store.create_case(  # one write: a refused field leaves no half-made case behind
        user, title.strip(), seller_name.strip(),
        marketplace=marketplace.strip().upper() or (notice.marketplace if notice else None) or "",
        notice_text=notice_text if notice else "",
        reasons=notice.reason_ids if notice else (),
        deadline=_deadline(notice) if notice else None,
        case_yaml=_seller_yaml(seller_name.strip(), legal_name.strip(), " ".join(address.split())),
    )  # fmt: skip
    return RedirectResponse(f"/cases/{case.id}", status_code=303)


def _seller_yaml(name: str, legal_name: str, address: str = "") -> str:
    """The case file's seller, with the Chinese registered name the signature puts in brackets and the
    business address invoices and bills must match."""
    seller = (
        {"name": name}
        | ({"legal_name": legal_name} if legal_name else {})
        | ({"address": address} if address else {})
    )
    if len(seller) == 1:
        return ""
    return validated_yaml({"version": 1, "seller": seller})


# The case page runs on the event loop: its reads take a few milliseconds, less than the hop to a
# worker thread costs under load (measured in benchmarks/RESULTS.md).
@router.get("/cases/{case_id}", response_class=HTMLResponse)
async def show_case(request: Request, case_id: int, user: UserDep) -> Response:
    accounts = request.app.state.settings.needs_login  # sharing exists only where there are accounts
    page = case_page(
        store_of(request), request.app.state.kb, user, case_id, language(request), accounts=accounts
    )
    page["upload_limit"] = f"{request.app.state.settings.max_upload_bytes // (1024 * 1024)} MB"
    return render(request, "case.html", page)


@router.post("/cases/{case_id}/details")
def save_details(
    request: Request,
    case_id: int,
    user: UserDep,
    version: Annotated[int, Form()],
    title: Annotated[str, Form(max_length=200)],
    seller_name: Annotated[str, Form(max_length=200)],
    legal_name: Annotated[str, Form(max_length=200)] = "",
    address: Annotated[str, Form(max_length=300)] = "",
    marketplace: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """The case's basic details, as on the new-case form: the title, the business name in English or
    pinyin, the Chinese registered name, the registered address and the marketplace."""
    _english_name(seller_name)
    store = store_of(request)
    case = store.get_case(user, case_id)
    data = case_data(case)
    seller = {k: v for k, v in dict(data.get("seller") or {}).items() if k not in ("legal_name", "address")}
    seller |= {"name": seller_name.strip()}
    if legal_name.strip():
        seller["legal_name"] = legal_name.strip()
    if address.split():
        seller["address"] = " ".join(address.split())
    if marketplace.strip():
        seller["marketplace"] = marketplace.strip().upper()
    else:
        seller.pop("marketplace", None)
    data["seller"] = seller
    store.update_case(
        user, case_id, version, title=title.strip(), seller_name=seller_name.strip(),
        marketplace=marketplace.strip().upper(), case_yaml=validated_yaml(data),
    )  # fmt: skip
    if store.list_documents(user, case_id):
        check_case_documents(store, user, case_id, request.app.state.kb)  # the name and address changed
    return RedirectResponse(f"/cases/{case_id}#details", status_code=303)


def _english_name(seller_name: str) -> None:
    if CJK.search(seller_name):
        raise InputError(
            "the business name must be in English or pinyin, as registered in Seller Central: the letter is "
            "in English.",
            fix="write the English or pinyin name, and the Chinese registered name in the field below it.",
            message_zh="卖家名称请填写英文或拼音（与卖家平台注册信息一致）：申诉信是英文的。",
            fix_zh="请填写英文或拼音名称；中文注册名称可以填在下面一栏。",
        )


@router.post("/cases/{case_id}/notice")
def save_notice(
    request: Request,
    case_id: int,
    user: UserDep,
    version: Annotated[int, Form()],
    notice_text: Annotated[str, Form()] = "",
) -> Response:
    store = store_of(request)
    notice_text = _text(notice_text, request, "notice")
    fields: dict[str, Any] = {"notice_text": notice_text}
    if notice_text.strip():
        notice = parse_notice(notice_text, kb=request.app.state.kb, source="notice")
        fields.update(reasons=notice.reason_ids, deadline=_deadline(notice))
    store.update_case(user, case_id, version, **fields)
    return RedirectResponse(f"/cases/{case_id}#notice", status_code=303)


@router.post("/cases/{case_id}/plan")
async def save_plan(request: Request, case_id: int, user: UserDep) -> Response:
    """Save the plan form. The page autosaves it (app.js, asking for JSON: the new version comes back);
    the buttons that leave the plan (draft, ready sentences, a finding as a cause) submit this form
    with ``then`` so the typed text is saved first, with or without JavaScript."""
    store = store_of(request)
    form = await request.form(max_part_size=request.app.state.settings.max_field_bytes)
    fields = {key: [str(v) for v in form.getlist(key)] for key in form}
    version = whole_number(fields.get("version", ["0"])[0], "version")
    then = _next_page(case_id, fields.get("then", [""])[0])
    case = await run_in_threadpool(store.get_case, user, case_id)
    data = case_data(case) | plan_from_form(fields)
    as_of = fields.get("as_of", [""])[0].strip()
    if as_of:
        data["as_of"] = form_date(as_of, "as_of")
    saved = await run_in_threadpool(store.update_case, user, case_id, version, case_yaml=validated_yaml(data))
    if wants_json(request):
        return JSONResponse(
            {"ok": True, "version": saved.version, "updated_at": saved.updated_at.isoformat()}
        )
    if then == "draft":
        kind = fields.get("kind", ["poa"])[0].strip() or "poa"
        number = await run_in_threadpool(_draft_now, request, user, case_id, kind)
        return RedirectResponse(f"/cases/{case_id}/drafts/{number}", status_code=303)
    return RedirectResponse(then or f"/cases/{case_id}#plan", status_code=303)


FINDING_ID = re.compile(r"[A-Za-z0-9_.:-]{1,120}")
PHRASE_KINDS = ("root_cause", "action_taken", "preventive_measure")


def _next_page(case_id: int, then: str) -> str:
    """Where a plan save goes next: the draft, a ready-sentence list or a finding's cause form; never
    an address from outside this case (``then`` comes from the page)."""
    then = then.strip()
    if then == "draft":
        return then
    kind = then.removeprefix("phrases:")
    if then.startswith("phrases:") and kind in PHRASE_KINDS:
        return f"/cases/{case_id}/phrases?kind={kind}"
    finding = then.removeprefix("finding:")
    if then.startswith("finding:") and FINDING_ID.fullmatch(finding):
        return f"/cases/{case_id}/findings/{quote(finding, safe='')}/cause"
    return ""


@router.post("/cases/{case_id}/drafts")
def create_draft(request: Request, case_id: int, user: UserDep) -> Response:
    number = _draft_now(request, user, case_id)
    return RedirectResponse(f"/cases/{case_id}/drafts/{number}", status_code=303)


def _draft_now(request: Request, user: User, case_id: int, kind: str = "poa") -> int:
    """Draft the case as stored (a Plan of Action, or the answer ``kind``), checked against Amazon's latest
    reply, review it and keep it as the next version; its number."""
    store = store_of(request)
    overview = store.case_overview(user, case_id)
    stored = [r.analysis_json for r in overview.reports if r.analysis_json]
    analysis = json.loads(stored[-1]) if stored else None  # the analysis made when the reports were uploaded
    reply = read_stored(overview.replies[-1].text) if overview.replies else None
    documents = case_documents_report(store, user, case_id, request.app.state.kb, overview)  # attachments
    result = draft_case(overview.case, request.app.state.kb, analysis, kind, reply, documents)
    review = result.review.to_json() if result.review else {}
    saved = store.add_draft(
        user, case_id, result.text, json.dumps(result.to_json(), ensure_ascii=False),
        json.dumps(review, ensure_ascii=False), review.get("score"),
    )  # fmt: skip
    return saved.number


@router.post("/cases/{case_id}/submissions")
def record_submission(
    request: Request,
    case_id: int,
    user: UserDep,
    submitted_on: Annotated[str, Form()],
    draft_number: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    number = whole_number(draft_number, "draft_number") if draft_number.strip() else None
    store_of(request).record_submission(user, case_id, number, submitted_on, _text(note, request, "note"))
    return RedirectResponse(f"/cases/{case_id}#history", status_code=303)


@router.post("/cases/{case_id}/replies")
def record_reply(
    request: Request,
    case_id: int,
    user: UserDep,
    received_on: Annotated[str, Form()],
    text: Annotated[str, Form()],
    outcome: Annotated[str, Form()] = "",
) -> Response:
    """Keep Amazon's reply. Unless the seller chose the outcome, the reply reader decides it (so the case's
    status follows: more information asked is not "submitted"); a deadline the reply sets replaces the
    case's deadline."""
    store = store_of(request)
    text = _text(text, request, "reply")
    reply = read_stored(text)
    chosen = outcome.strip() or (STORED_OUTCOME[reply.outcome] if reply else "other")
    saved = store.add_reply(user, case_id, received_on, text, chosen)
    due = answer_by(reply, saved.received_on) if reply is not None else None
    if due is not None:
        case = store.get_case(user, case_id)
        store.update_case(user, case_id, case.version, deadline=due)
    return RedirectResponse(f"/cases/{case_id}#history", status_code=303)


@router.get("/cases/{case_id}/delete", response_class=HTMLResponse)
def confirm_delete(request: Request, case_id: int, user: UserDep) -> Response:
    case = store_of(request).get_case(user, case_id)
    return render(request, "case_delete.html", {"case": {"id": case.id, "title": case.title}})


@router.post("/cases/{case_id}/delete")
def delete_case(
    request: Request, case_id: int, user: UserDep, confirm: Annotated[str, Form()] = ""
) -> Response:
    store_of(request).delete_case(user, case_id, confirm=confirm == "yes")
    return RedirectResponse("/", status_code=303)
