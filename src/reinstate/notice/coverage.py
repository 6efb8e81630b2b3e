"""Traceability: every item a notice cites, and which of them a letter leaves unanswered.

Amazon rejects appeals that skip a cited ASIN, order or complaint, or that do not attach what was
asked for. ``draft`` and ``review --notice`` use :func:`uncovered_items` to warn by id.
:func:`names_document` is the one test of whether a text (a letter, or the case's list of
attachments) names a document: the letter composer, the reviewer's POA605 and this module all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from reinstate.errors import KnowledgeBaseError
from reinstate.notice.model import Notice
from reinstate.notice.requests import DOCUMENTS

Kind = Literal["asin", "order", "complaint", "document"]
# The letter itself is the Plan of Action; the rights owner, not the seller, sends a retraction.
NOT_ATTACHED = {"plan-of-action", "retraction"}
# How sellers name a document in a letter or an attachment label, beyond the notice's own wording
# (notice.requests.DOCUMENTS, which is kept narrow so that a notice's other sentences are not read as
# requests). "Product photos" names the photos as surely as "photos of the product" does.
SELLER_WORDING = {
    "invoices": r"\bsupplier (?:bills|receipts)\b",
    "supplier-contacts": r"\bsupplier(?:'s|s')? (?:contacts?|phone|e-?mail|address)",
    "trademark-registration": r"\btrademark (?:certificate|registration number|reg\.? no)|注册证",
    "business-license": r"\b(?:company|business) registration\b",
    "safety-documents": r"\b(?:safety|compliance|conformity) (?:tests?|reports?|certificates?|certification)"
    r"|\btest certificates?\b|\bcertificates? of (?:analysis|origin)\b",
    "product-photos": r"\b(?:product|item|packaging|package|label|unit) (?:photos?|pictures?|images?)\b"
    r"|\b(?:photos?|pictures?|images?) of (?:[\w-]+ ){0,3}?(?:products?|items?|packag\w+|labels?|units?)\b",
    "shipping-records": r"\b(?:shipping|shipment|delivery|carrier) records?\b|\btracking (?:records?|numbers?|details|"
    r"information|history)\b|\bcarrier scans?\b",
    "pricing-records": r"\b(?:pricing|price|cost) (?:records?|history|sheets?)\b",
    "account-reactivation-confirmation": r"\b(?:reactivation|reinstatement) (?:confirmation|e-?mail|notice)",
    "dropship-supplier-agreement": r"\bdrop[- ]?ship(?:ping)? (?:agreement|contract)|\bsupplier (?:agreement|contract)",
}
_NAMES: dict[str, re.Pattern[str]] = {
    doc_id: re.compile(
        pattern.pattern + (f"|{SELLER_WORDING[doc_id]}" if doc_id in SELLER_WORDING else ""), re.IGNORECASE
    )
    for doc_id, pattern in DOCUMENTS
}


def names_document(doc_id: str, text: str) -> bool:
    """Whether ``text`` names the knowledge-base document ``doc_id`` as a notice or a seller would.

    "invoices", "LOA", "product photos", "tracking numbers", "营业执照" all count.
    """
    pattern = _NAMES.get(doc_id)
    if pattern is None:  # a document added to the knowledge base without its wording here
        raise KnowledgeBaseError(
            f"no wording is known for the document '{doc_id}'.",
            fix="add its pattern to DOCUMENTS in notice/requests.py.",
        )
    return pattern.search(text) is not None


@dataclass(frozen=True)
class CitedItem:
    """One thing the notice cites that an appeal must answer or attach."""

    kind: Kind
    value: str

    def __str__(self) -> str:
        return f"{self.kind} {self.value}"


def cited_items(notice: Notice) -> list[CitedItem]:
    """ASINs, order ids, complaint ids and requested documents, in that order."""
    items = [CitedItem("asin", a) for a in notice.asins]
    items += [CitedItem("order", o) for o in notice.order_ids]
    items += [CitedItem("complaint", c) for c in notice.complaint_ids]
    items += [CitedItem("document", d) for d in notice.documents_requested if d not in NOT_ATTACHED]
    return items


def uncovered_items(notice: Notice, letter_text: str) -> list[CitedItem]:
    """The cited items that ``letter_text`` never mentions (ids verbatim; documents by their usual names)."""
    upper = letter_text.upper()
    missing: list[CitedItem] = []
    for item in cited_items(notice):
        if item.kind == "document":
            covered = names_document(item.value, letter_text)
        else:
            covered = (
                re.search(r"(?<![A-Z0-9])" + re.escape(item.value.upper()) + r"(?![A-Z0-9])", upper)
                is not None
            )
        if not covered:
            missing.append(item)
    return missing
