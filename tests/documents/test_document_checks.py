"""The checks on small texts: the cases the samples do not show (unknowns, edges, Chinese wording)."""

from __future__ import annotations

import datetime as dt

from reinstate.documents.checks import arithmetic, buyer_matches_seller, date_within_365_days, is_invoice
from reinstate.documents.context import CheckContext, address_matches, names_match
from reinstate.documents.editing import signs_of_editing
from reinstate.documents.extract import classify, extract_fields
from reinstate.documents.model import Document, ReadText
from reinstate.documents.other import bill_within_90_days, loa_signed_and_dated

NOTICE = dt.date(2026, 11, 21)
CTX = CheckContext(NOTICE, "notice", seller_names=("Larkspur Home & Apparel",),
                   seller_address="2150 Harbor View Drive, Suite 400, Tacoma, WA 98402")  # fmt: skip


def doc(text: str, **meta: str) -> Document:
    return Document("x.pdf", ReadText(text, "pdf-text", 1, dict(meta)), extract_fields(text))


def test_types_in_english_and_chinese() -> None:
    assert classify(["Acme Ltd", "SALES RECEIPT", "Total 5.00"])[0] == "receipt"
    assert classify(["PROFORMA INVOICE"])[0] == "pro_forma"
    assert classify(["Packing List"])[0] == "packing_list"
    assert classify(["增值税专用发票"])[0] == "invoice"
    assert classify(["营业执照", "统一社会信用代码 91440300MA5XXXXXX"])[0] == "business_license"
    assert classify(["Bank Statement"])[0] == "bank_statement"
    assert classify(["Hello"])[0] == "unknown"


def test_receipt_fails_and_unknown_is_unknown() -> None:
    assert is_invoice(extract_fields("Shop\nRECEIPT\nDate: 2026-10-01")).status == "fail"
    unknown = is_invoice(extract_fields("Some letter\nDate: 2026-10-01"))
    assert unknown.status == "unknown" and "by eye" in unknown.message


def test_date_after_the_notice_fails_and_no_date_is_unknown() -> None:
    later = date_within_365_days(extract_fields("INVOICE\nInvoice Date: 2026-11-25"), CTX)
    assert later.status == "fail" and "after the notice" in later.message
    edge = date_within_365_days(extract_fields("INVOICE\nInvoice Date: 2025-11-21"), CTX)  # exactly 365 days
    assert edge.status == "pass"
    assert date_within_365_days(extract_fields("INVOICE\nno date here"), CTX).status == "unknown"


def test_date_forms() -> None:
    for text, day in (
        ("Invoice Date: 5 October 2026", dt.date(2026, 10, 5)),
        ("Invoice Date: October 5, 2026", dt.date(2026, 10, 5)),
        ("Invoice Date: 10/05/2026", dt.date(2026, 10, 5)),  # US: month first
        ("Invoice Date: 25/10/2026", dt.date(2026, 10, 25)),  # only day first makes sense
        ("开票日期：2026年10月5日", dt.date(2026, 10, 5)),
        ("Due Date: 2026-12-01\nInvoice Date: 2026-10-05", dt.date(2026, 10, 5)),  # the due date is not it
    ):
        assert extract_fields("INVOICE\n" + text).issue_date == day, text


def test_buyer_without_case_or_address_is_unknown() -> None:
    fields = extract_fields(
        "INVOICE\nBill To:\nLarkspur Home & Apparel\n9 Other Road, Reno, NV 89501\nTerms: Net 30"
    )
    assert buyer_matches_seller(fields, CheckContext(NOTICE, "notice")).status == "unknown"
    no_address = CheckContext(NOTICE, "notice", seller_names=("Larkspur Home & Apparel",))
    assert buyer_matches_seller(fields, no_address).status == "unknown"
    wrong = buyer_matches_seller(fields, CTX)
    assert wrong.status == "fail" and "2150" in wrong.message


def test_names_and_addresses() -> None:
    assert names_match("LARKSPUR HOME AND APPAREL, LLC", ("Larkspur Home & Apparel",))
    assert not names_match("Larkspur Trading Co.", ("Larkspur Home & Apparel",))
    assert names_match("深圳市云雀家居用品有限公司", ("深圳市云雀家居用品有限公司",))
    assert address_matches("2150 Harbor View Dr., Ste 400, Tacoma WA 98402", CTX.seller_address or "")[0]
    assert not address_matches(
        "2105 Harbor View Drive, Suite 400, Tacoma, WA 98402", CTX.seller_address or ""
    )[0]


def test_hidden_prices_are_unknown_not_fail() -> None:
    fields = extract_fields("INVOICE\nOak board Model OH-CB-L 600 pcs ***\nTotal: ***")
    assert fields.items and fields.items[0].quantity == 600
    assert arithmetic(fields).status == "unknown"


def test_total_that_does_not_add_up() -> None:
    fields = extract_fields(
        "INVOICE\nWidget Model W-100 10 2.00 20.00\nGadget Model G-200 5 4.00 20.00\nTotal: 45.00"
    )
    check = arithmetic(fields)
    assert check.status == "fail" and "45.00" in check.message


def test_image_editor_and_later_change_are_flagged() -> None:
    text = "INVOICE\nInvoice Date: 2026-09-01\nTerms: Net 30"
    edited = signs_of_editing(doc(text, Producer="Adobe Photoshop 25.0", CreationDate="D:20260901"))
    assert edited.status == "fail" and "image or PDF editor" in edited.message
    changed = signs_of_editing(doc(text, Producer="SAP", CreationDate="D:20260901", ModDate="D:20261115"))
    assert changed.status == "fail" and "changed on 2026-11-15" in changed.message
    clean = signs_of_editing(doc(text, Producer="SAP", CreationDate="D:20260901"))
    assert clean.status == "pass"


def test_utility_bill_dates() -> None:
    assert (
        bill_within_90_days(extract_fields("ELECTRICITY BILL\nBill Date: 2026-08-23"), CTX).status == "pass"
    )
    assert (
        bill_within_90_days(extract_fields("ELECTRICITY BILL\nBill Date: 2026-08-22"), CTX).status == "fail"
    )
    assert bill_within_90_days(extract_fields("ELECTRICITY BILL"), CTX).status == "unknown"


def test_loa_expired_and_blank_signature() -> None:
    expired = extract_fields(
        "LETTER OF AUTHORIZATION\nDate: 2025-01-01\nValid until: 2026-01-01\nSignature: /s/ A B"
    )
    assert loa_signed_and_dated(expired, CTX).status == "fail"
    blank = extract_fields("LETTER OF AUTHORIZATION\nDate: 2026-05-01\nSignature: ________\n")
    result = loa_signed_and_dated(blank, CTX)
    assert result.status == "unknown" and "by eye" in result.message


def test_identifiers_survive_ocr_without_spaces() -> None:
    from reinstate.documents.items import identifiers_in

    assert identifiers_in("OakCuttingBoardLarge,ModelOH-CB-L,UPC840123450017") == {
        "model": "OH-CB-L",
        "upc": "840123450017",
    }
    assert identifiers_in("橡木砧板OakcuttingboardOH-CB-L") == {"model": "OH-CB-L"}  # model column, no label
    assert identifiers_in("Cotton T-Shirt, Blue, M") == {}
