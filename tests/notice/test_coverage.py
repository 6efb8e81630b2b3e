"""names_document(): the one test of whether a letter or an attachment list names a document."""

from __future__ import annotations

import pytest

from reinstate.errors import KnowledgeBaseError
from reinstate.kb import load_kb
from reinstate.notice import names_document


def test_every_knowledge_base_document_has_its_wording() -> None:
    for doc_id in load_kb().documents:
        names_document(doc_id, "")  # raises for a document without wording


def test_an_unknown_document_is_a_knowledge_base_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="no wording is known for the document 'fax'"):
        names_document("fax", "the fax")


@pytest.mark.parametrize(
    ("doc_id", "text", "named"),
    [
        ("invoices", "We attach the supplier invoices for 300 units.", True),
        ("letter-of-authorization", "LOA from Northwind Brands, dated 2 May 2026", True),
        ("product-photos", "The product photos of all 46 units are attached.", True),
        ("product-photos", "Photos of the packaging after the change", True),
        ("product-photos", "Photos of the regraded units and their packaging", True),
        ("product-photos", "Photos of our new warehouse", False),
        ("shipping-records", "tracking numbers for the 12 orders", True),
        ("pricing-records", "our price history for the ASIN", True),
        ("safety-documents", "a CPC and the lab test report from SGS", True),
        ("business-license", "营业执照扫描件", True),
        ("bank-statement", "our Amazon account statements", False),  # not a bank's statement
        ("invoices", "We checked our records.", False),
        ("product-photos", "We improved the product page.", False),
        ("supplier-contacts", "We contacted the supplier.", False),  # contacting is not the contact details
        ("supplier-contacts", "the supplier's phone and address", True),
    ],
)
def test_names_document(doc_id: str, text: str, named: bool) -> None:
    assert names_document(doc_id, text) is named
