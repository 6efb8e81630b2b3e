"""Findings name what they are about (the ASIN, the order, the document), never an internal id."""

from __future__ import annotations

from reinstate.review import context_for, review_text

LETTER = "Root causes:\n1. Our upload template set 46 used SKUs to New, including B0C4QZ7M21.\n"


def test_each_missing_id_and_document_is_named_in_both_languages() -> None:
    context = context_for(
        ["condition-complaint"],
        asins=["B0C4QZ7M21", "B0B9XK2L6P", "B07RTW5N9D"],
        order_ids=["112-1234567-1234567"],
        documents=["invoices", "supplier-contacts"],
    )
    findings = review_text(LETTER, context=context).findings
    asins = [f.message for f in findings if f.code == "POA602"]
    assert len(asins) == 2  # one finding per ASIN the letter does not name
    assert any(m.endswith(": ASIN B0B9XK2L6P.") for m in asins) and any("B07RTW5N9D" in m for m in asins)
    orders = [f for f in findings if f.code == "POA603"]
    assert orders and orders[0].message_zh.endswith("订单 112-1234567-1234567。")
    documents = [f for f in findings if f.code == "POA605"]
    assert len(documents) == 2
    for finding in documents:
        assert "supplier-contacts" not in finding.message and "supplier-contacts" not in finding.message_zh
        assert finding.message.count(":") == 1 and finding.message_zh.count("：") == 1
