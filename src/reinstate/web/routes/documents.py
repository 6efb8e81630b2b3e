"""A case's documents: add one or several (each checked with all the others on arrival), remove one.

Reading a scan can take seconds (OCR), so the checks run in a worker thread; the reader bounds pages and
pixels (``reinstate.documents``), so no file can hold the server. A file that cannot be read is refused
with its name and nothing of that upload is kept.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.errors import ReinstateError
from reinstate.web.documents import check_case_documents
from reinstate.web.limits import chosen_files
from reinstate.web.pages import wants_json
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf
from reinstate.web.workspace import case_data, validated_yaml, whole_number

router = APIRouter(dependencies=[Depends(check_csrf)])


@router.post("/cases/{case_id}/documents")
async def add_documents(request: Request, case_id: int, user: UserDep) -> Response:
    chosen = await chosen_files(
        request,
        default_name="document.pdf",
        none_fix="choose one or more documents (PDF, JPEG or PNG), then add them.",
        many_fix="add at most {n} documents at a time.",
        too_large_fix="send a smaller scan (150–300 dpi is enough) or the PDF itself.",
    )
    store = store_of(request)
    kept = []
    try:
        for name, content in chosen:
            kept.append(await run_in_threadpool(store.add_document, user, case_id, name, content))
        result = await run_in_threadpool(check_case_documents, store, user, case_id, request.app.state.kb)
    except ReinstateError:
        for doc in kept:  # a file that cannot be read: nothing of this upload stays
            await run_in_threadpool(store.delete_document, user, case_id, doc.id)
        raise
    if wants_json(request):
        return JSONResponse({"ok": True, "documents": [d.id for d in kept], "result": result})
    return RedirectResponse(f"/cases/{case_id}#documents", status_code=303)


@router.post("/cases/{case_id}/documents/{document_id}/delete")
async def remove_document(request: Request, case_id: int, document_id: int, user: UserDep) -> Response:
    store = store_of(request)
    await run_in_threadpool(store.delete_document, user, case_id, document_id)
    await run_in_threadpool(check_case_documents, store, user, case_id, request.app.state.kb)
    return RedirectResponse(f"/cases/{case_id}#documents", status_code=303)


PRODUCT_FIELDS = ("asin", "sku", "model", "upc", "brand")


@router.post("/cases/{case_id}/products")
async def save_products(request: Request, case_id: int, user: UserDep) -> Response:
    """The products' identifiers (ASIN, SKU, model, UPC, brand) that tie invoice lines to the ASINs in
    question; the documents are checked again with them."""
    form = await request.form(max_part_size=request.app.state.settings.max_field_bytes)
    columns = {f: [str(v) for v in form.getlist(f"product_{f}")] for f in PRODUCT_FIELDS}
    rows = []
    for i in range(max(len(v) for v in columns.values())):
        row = {f: " ".join(columns[f][i].split()) for f in PRODUCT_FIELDS if i < len(columns[f])}
        if row.get("asin"):
            rows.append({k: v for k, v in row.items() if v})
    version = whole_number(str(form.get("version") or "0"), "version")
    store = store_of(request)
    case = await run_in_threadpool(store.get_case, user, case_id)
    data = case_data(case) | {"products": rows}
    await run_in_threadpool(store.update_case, user, case_id, version, case_yaml=validated_yaml(data))
    await run_in_threadpool(check_case_documents, store, user, case_id, request.app.state.kb)
    return RedirectResponse(f"/cases/{case_id}#documents", status_code=303)
