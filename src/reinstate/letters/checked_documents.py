"""Checked documents in the letter (`draft --documents`): they become its attachments, and a document
that fails one of Amazon's checks (docs/documents.md) becomes a warning before the letter relies on it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reinstate.case import LoadedCase
from reinstate.documents import Document, DocumentsReport
from reinstate.documents.render import CHECK_NAMES, TYPE_NAMES
from reinstate.letters.dates import long_date
from reinstate.letters.model import DraftWarning


def label(doc: Document) -> str:
    """The attachment's line in the letter: "Invoice OH-2026-0714 from Qingdao Oakhaven Woodcraft Co., Ltd.,
    14 July 2026" (the parts that were read)."""
    kind = TYPE_NAMES.get(doc.type, TYPE_NAMES["unknown"])[0]
    if doc.type == "unknown":
        kind = "Document"
    parts = [kind[0].upper() + kind[1:]]
    if doc.fields.number:
        parts.append(doc.fields.number)
    if doc.fields.supplier.name:
        parts.append(f"from {doc.fields.supplier.name}")
    text = " ".join(parts)
    if doc.fields.issue_date:
        text += f", {long_date(doc.fields.issue_date)}"
    return text


def with_documents(loaded: LoadedCase, report: DocumentsReport) -> tuple[LoadedCase, list[DraftWarning]]:
    """The case with each checked document listed under ``attachments`` (unless an attachment already names
    its file or number), and a warning for each document that fails a check and each ASIN whose invoices
    fall short of its sales."""
    attachments = list(loaded.case.attachments)
    warnings: list[DraftWarning] = []
    for doc in report.documents:
        name = Path(doc.path).name
        line = label(doc)
        if not any(_names(existing, name, doc.fields.number) for existing in attachments):
            attachments.append(line)
        # Short quantities are one warning per ASIN below: leaving an invoice out would not help.
        failed = [c for c in doc.checks if c.status == "fail" and c.id != "quantity_covers_sales"]
        if failed:
            en = "; ".join(CHECK_NAMES.get(c.id, (c.id, c.id))[0] for c in failed)
            zh = "；".join(CHECK_NAMES.get(c.id, (c.id, c.id))[1] for c in failed)
            warnings.append(
                DraftWarning(
                    "document-fails-check",
                    f"the letter attaches {name} ({line}), which fails a check Amazon applies: {en}. Fix it or "
                    f"leave it out before you send; `reinstate documents {name}` says why.",
                    f"信中附上了 {name}（{line}），但它未通过亚马逊会做的检查：{zh}。提交前请更正或不要附上；"
                    f"运行 `reinstate documents {name}` 可查看原因。",
                    key="attachments",
                    seller=f"The attachment {name} fails a check Amazon applies: {en}. Fix it or leave it out.",
                    seller_zh=f"附件 {name} 未通过亚马逊会做的检查：{zh}。请更正或不要附上。",
                )
            )
    for row in report.coverage:
        if row.status == "fail":
            warnings.append(
                DraftWarning(
                    "invoices-short-of-sales",
                    f"your invoices cover {row.units_invoiced} units of {row.asin}, but {row.units_sold} were sold in "
                    "the 365 days before the notice; Amazon wants invoices for at least the units sold.",
                    f"您的发票合计只有 {row.asin} 的 {row.units_invoiced} 件，而通知日期前 365 天内售出了 "
                    f"{row.units_sold} 件；亚马逊要求发票数量至少覆盖售出数量。",
                    key="attachments",
                    seller=f"Your invoices cover {row.units_invoiced} units of {row.asin}; {row.units_sold} were sold.",
                    seller_zh=f"发票只覆盖 {row.asin} 的 {row.units_invoiced} 件，实际售出 {row.units_sold} 件。",
                )
            )
    case = loaded.case.model_copy(update={"attachments": attachments})
    return replace(loaded, case=case), warnings


def _names(attachment: str, file_name: str, number: str | None) -> bool:
    text = attachment.lower()
    if file_name.lower() in text:
        return True
    return (
        bool(number)
        and re.search(rf"(?<![\w-]){re.escape((number or '').lower())}(?![\w-])", text) is not None
    )
