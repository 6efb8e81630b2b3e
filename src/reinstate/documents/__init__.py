"""Supplier documents checked before Amazon checks them: invoices, order confirmations, letters of
authorization, utility bills (issue 16; docs/documents.md).

Public entry point: :func:`check_documents` reads each file (text PDFs with pdfplumber, scans and
photos through OCR, ``ocr.py``), extracts its fields (``extract.py``), runs the checks that apply to
its type (``checks.py``, ``other.py``, ``editing.py``) and the checks across files (``coverage.py``):
units invoiced per cited ASIN against units sold in All Orders, and the notice's documents still
missing. :func:`documents_text` renders the result for people, in English or Chinese.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reinstate.documents.checks import document_checks
from reinstate.documents.context import CheckContext, Product
from reinstate.documents.coverage import (
    INVOICE_LIKE,
    all_products,
    coverage,
    identifiers_match,
    missing_documents,
    quantity_covers_sales,
    sales_window,
)
from reinstate.documents.extract import extract_fields
from reinstate.documents.model import SCHEMA, Check, Coverage, Document, DocumentsReport, Missing
from reinstate.documents.read import read_document
from reinstate.documents.render import documents_text
from reinstate.errors import InputError

if TYPE_CHECKING:
    from reinstate.case import Case
    from reinstate.notice import Notice

__all__ = [
    "SCHEMA",
    "Check",
    "Coverage",
    "Document",
    "DocumentsReport",
    "Missing",
    "check_documents",
    "documents_text",
    "read_one",
]


def read_one(path: Path) -> Document:
    """Read one file and extract its fields, without checks."""
    read = read_document(path)
    return Document(path=str(path), read=read, fields=extract_fields(read.text))


def check_documents(
    paths: Sequence[Path],
    *,
    case: Case | None = None,
    notice: Notice | None = None,
    reports: Sequence[Path] = (),
    today: dt.date | None = None,
    web: bool = False,
) -> DocumentsReport:
    """Read and check every file; :class:`~reinstate.errors.InputError` names a file that cannot be read.
    ``web``: the messages say what to do in the web app rather than which option or case-file key to use."""
    docs = [read_one(Path(p)) for p in paths]
    ctx = replace(_context(case, notice, today or dt.date.today()), web=web)
    sku_asins: dict[str, str] = {}
    if reports:
        ctx, sku_asins = _with_sales(ctx, list(reports))
    products = all_products(ctx, sku_asins)
    checked = [replace(doc, checks=document_checks(doc, ctx)) for doc in docs]
    rows = coverage(checked, ctx, products)
    final = []
    for doc in checked:
        checks = list(doc.checks)
        if doc.type in INVOICE_LIKE:
            checks.insert(2, identifiers_match(doc, ctx, products))
            checks.insert(3, quantity_covers_sales(doc, rows, products, ctx))
        final.append(replace(doc, checks=checks))
    requested = notice.documents_requested if notice else ()
    return DocumentsReport(final, rows, missing_documents(requested, final, rows), ctx.notice_date,
                           ctx.notice_date_source)  # fmt: skip


def _context(case: Case | None, notice: Notice | None, today: dt.date) -> CheckContext:
    if notice is not None and notice.dates:
        day, source = dt.date.fromisoformat(notice.dates[0]), "notice"
    elif case is not None and case.as_of is not None:
        day, source = case.as_of, "case"
    else:
        day, source = today, "today"
    if case is None:
        return CheckContext(day, source, cited_asins=tuple(notice.asins) if notice else ())
    seller = case.seller
    products = tuple(Product(p.asin, p.sku, p.upc, p.model, p.brand) for p in case.products)
    return CheckContext(
        notice_date=day,
        notice_date_source=source,
        seller_names=tuple(n for n in (seller.name, seller.legal_name) if n),
        seller_address=seller.address,
        products=products,
        cited_asins=tuple(notice.asins) if notice else (),
        brands=tuple(dict.fromkeys(p.brand for p in case.products if p.brand)),
        has_case=True,
    )


def _with_sales(ctx: CheckContext, reports: list[Path]) -> tuple[CheckContext, dict[str, str]]:
    """Units sold per ASIN in the 365 days before the notice, and each SKU's ASIN, from All Orders."""
    from reinstate.metrics.engine import CANCELLED
    from reinstate.reports import read_reports

    for path in reports:
        if not path.exists():
            raise InputError("does not exist.", path=path, fix="give the All Orders download or its folder.",
                             message_zh="不存在。", fix_zh="请提供所有订单报告（All Orders）文件或其所在文件夹。")  # fmt: skip
    read = read_reports(reports)
    try:
        if not read.has("orders"):
            return ctx, {}
        start, end = sales_window(ctx.notice_date)
        rows = read.con.execute(
            "SELECT asin, sum(coalesce(quantity, 1)) FROM orders WHERE asin IS NOT NULL "
            f"AND CAST(purchase_date AS DATE) BETWEEN ? AND ? AND NOT {CANCELLED} GROUP BY asin",
            [start, end],
        ).fetchall()
        span = read.con.execute(
            "SELECT min(CAST(purchase_date AS DATE)), max(CAST(purchase_date AS DATE)) FROM orders"
        ).fetchone()
        pairs = read.con.execute(
            "SELECT DISTINCT sku, asin FROM orders WHERE sku IS NOT NULL AND asin IS NOT NULL"
        ).fetchall()
    finally:
        read.con.close()
    sold = {str(asin).upper(): int(units) for asin, units in rows}
    orders_span = (span[0], span[1]) if span and span[0] else None
    ctx = replace(ctx, units_sold=sold, sales_window=(start, end), orders_span=orders_span)
    return ctx, {str(sku): str(asin).upper() for sku, asin in pairs}
