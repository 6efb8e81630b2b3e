"""A case's documents checked as `reinstate documents` checks them: every document of the case together
(quantities add up across invoices), against the case's seller details, the notice and the All Orders
downloads uploaded to the case. The result is stored with the newest document, with a digest of what it
was checked against; the page shows it, and drafting reuses it while that digest still holds."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reinstate.kb import KnowledgeBase
from reinstate.store import CaseDocument, CaseOverview, Store, User
from reinstate.web.workspace import case_model, notice_of

if TYPE_CHECKING:
    from reinstate.documents import DocumentsReport


def checked_report(
    store: Store,
    user: User,
    case_id: int,
    kb: KnowledgeBase,
    documents: list[CaseDocument],
    overview: CaseOverview,
) -> DocumentsReport | None:
    """Every document of the case (``documents``, as listed by the caller with the case's ``overview``)
    checked together; None when there is none. Each file is read from a folder of its own under its own
    name, so messages and the letter name it as the seller does."""
    from reinstate.documents import check_documents

    if not documents:
        return None
    with tempfile.TemporaryDirectory(prefix="reinstate-documents-") as folder:
        base = Path(folder)
        paths = []
        for doc in documents:
            path = base / str(doc.id) / Path(doc.filename).name
            path.parent.mkdir()
            path.write_bytes(store.get_document(user, case_id, doc.id).content)
            paths.append(path)
        orders = []
        for upload in overview.reports:
            if upload.kind == "all-orders":  # units sold per ASIN, for quantity_covers_sales
                path = base / f"report-{upload.id}" / Path(upload.filename).name
                path.parent.mkdir()
                path.write_bytes(store.get_report(user, case_id, upload.id).content)
                orders.append(path)
        return check_documents(
            paths,
            case=case_model(overview.case),
            notice=notice_of(overview.case, kb),
            reports=orders,
            web=True,
        )


def inputs_digest(overview: CaseOverview, documents: list[CaseDocument]) -> str:
    """A digest of everything a check of the case's documents reads: the documents, the All Orders uploads,
    the seller's names and address, the product identifiers, the case's date and the notice. Editing the
    plan leaves it unchanged; anything the checks depend on changes it."""
    case = case_model(overview.case)
    seller = case.seller.model_dump(mode="json") if case else None
    products = [p.model_dump(mode="json") for p in case.products] if case else None
    inputs = {
        "documents": [d.id for d in documents],
        "orders": [r.id for r in overview.reports if r.kind == "all-orders"],
        "seller": seller,
        "products": products,
        "as_of": case.as_of.isoformat() if case and case.as_of else None,
        "notice": overview.case.notice_text or "",
    }
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_case_documents(
    store: Store,
    user: User,
    case_id: int,
    kb: KnowledgeBase,
    overview: CaseOverview | None = None,
    documents: list[CaseDocument] | None = None,
) -> dict[str, Any] | None:
    """Check every document of the case and keep the result with the newest one; the result, or None when
    the case has no document. A caller that has read the case's ``overview`` or listed its ``documents``
    passes them. An :class:`~reinstate.errors.InputError` names a file that cannot be read."""
    documents = store.list_documents(user, case_id) if documents is None else documents
    overview = store.case_overview(user, case_id) if overview is None else overview
    checked = checked_report(store, user, case_id, kb, documents, overview)
    if checked is None:
        return None
    result: dict[str, Any] = checked.to_json()
    for entry, doc in zip(result.get("documents", []), documents, strict=False):
        entry["path"] = doc.filename  # the seller's file name, not the temporary path
        entry["id"] = doc.id
    result["inputs"] = inputs_digest(overview, documents)
    store.set_document_checks(user, case_id, documents[-1].id, result)
    return result


def case_documents_report(
    store: Store, user: User, case_id: int, kb: KnowledgeBase, overview: CaseOverview
) -> DocumentsReport | None:
    """The case's documents as checked, for the letter: the stored check while nothing it read has changed
    (no file is read again, photos are not read by OCR again), else a new check, which is stored."""
    from reinstate.documents.model import report_from_json

    documents = store.list_documents(user, case_id)
    if not documents:
        return None
    stored = stored_checks(documents)
    if stored is None or stored.get("inputs") != inputs_digest(overview, documents):
        stored = check_case_documents(store, user, case_id, kb, overview, documents)
    return report_from_json(stored) if stored else None


def stored_checks(documents: list[CaseDocument]) -> dict[str, Any] | None:
    """The last stored result, if the newest of the case's documents carries one."""
    if not documents or not documents[-1].checks_json:
        return None
    data = json.loads(documents[-1].checks_json)
    return data if isinstance(data, dict) else None


def documents_view(result: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """The result in the page's language: each document with its type and its checks, the ASIN summary and
    what the notice still asks for."""
    if not result:
        return None
    from reinstate.documents.render import TYPE_NAMES

    i = 1 if lang == "zh" else 0
    docs = []
    for doc in result.get("documents") or []:
        checks = [
            {
                "status": c.get("status"),
                "message": c.get("message_zh") if i else c.get("message"),
                "evidence": c.get("evidence"),
            }
            for c in doc.get("checks") or []
        ]
        kind = TYPE_NAMES.get(doc.get("type"), TYPE_NAMES["unknown"])[i]
        docs.append({"id": doc.get("id"), "name": doc.get("path"), "type": kind, "checks": checks})
    missing = [
        m.get("message_zh") if i else m.get("message")
        for m in result.get("missing") or []
        if isinstance(m, dict)
    ]
    return {"documents": docs, "coverage": result.get("coverage") or [], "missing": [m for m in missing if m]}
