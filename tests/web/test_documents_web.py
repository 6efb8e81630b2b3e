"""Documents on the case page (issue 16): added several at once, checked together on arrival against the
case's seller, its notice and its All Orders download, shown with every verdict in the page's language;
a file that cannot be read is refused with nothing kept; a document can be removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.conftest import Client

SAMPLE = Path(__file__).parents[2] / "src" / "reinstate" / "samples" / "inauthentic"
DOCS = SAMPLE / "documents"


@pytest.fixture
def case_id(client: Client, tmp_path: Path) -> int:
    from reinstate.sampledata import write_sample_data

    made = client.post(
        "/cases",
        {
            "title": "Inauthentic, two products",
            "seller_name": "Larkspur Home & Apparel",
            "address": "2150 Harbor View Drive, Suite 400, Tacoma, WA 98402, USA",
            "notice_text": (SAMPLE / "notice.txt").read_text(encoding="utf-8"),
        },
    )
    assert made.status_code == 303, made.text
    number = int(made.headers["location"].rsplit("/", 1)[1])
    orders = next(
        p for p in write_sample_data(tmp_path / "dl", orders=3000, seed=7) if p.name.startswith("All-Orders")
    )
    client.post(
        f"/cases/{number}/reports", files=[("file", (orders.name, orders.read_bytes(), "text/plain"))]
    )
    return number


def doc(name: str) -> tuple[str, tuple[str, bytes, str]]:
    return ("file", (name, (DOCS / name).read_bytes(), "application/octet-stream"))


def test_documents_are_checked_together_and_shown_in_chinese(client: Client, case_id: int) -> None:
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert "亚马逊会审核的文件" in page
    added = client.post(
        f"/cases/{case_id}/documents",
        files=[doc("invoice-oakhaven.pdf"), doc("order-confirmation.pdf"), doc("loa-unsigned.pdf")],
    )
    assert added.status_code == 303, added.text
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert "invoice-oakhaven.pdf" in page and "order-confirmation.pdf" in page and "loa-unsigned.pdf" in page
    assert "发票" in page and "订单确认" in page
    assert 'class="check-pass"' in page and 'class="check-fail"' in page
    assert "每个 ASIN 的发票数量与销量对比" in page and "B0LKBRDOAK" in page
    english = client.get(f"/cases/{case_id}?lang=en").text
    assert "order confirmation" in english.lower()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_of_the_upload_stays(
    client: Client, case_id: int
) -> None:
    refused = client.post(
        f"/cases/{case_id}/documents",
        files=[doc("invoice-oakhaven.pdf"), ("file", ("notes.txt", b"just notes", "text/plain"))],
        headers={"Accept": "application/json"},
    )
    assert refused.status_code == 400 and "notes.txt" in refused.json()["error"]
    assert client.get(f"/api/cases/{case_id}/export").json()["documents"] == []


def test_a_document_is_removed_and_the_rest_checked_again(client: Client, case_id: int) -> None:
    client.post(
        f"/cases/{case_id}/documents", files=[doc("invoice-oakhaven.pdf"), doc("proforma-invoice.pdf")]
    )
    documents = client.get(f"/api/cases/{case_id}/export").json()["documents"]
    proforma = next(d["id"] for d in documents if d["filename"] == "proforma-invoice.pdf")
    assert client.post(f"/cases/{case_id}/documents/{proforma}/delete").status_code == 303
    page = client.get(f"/cases/{case_id}").text
    assert "proforma-invoice.pdf" not in page and "invoice-oakhaven.pdf" in page


def test_a_photographed_invoice_is_read_by_ocr(client: Client, case_id: int) -> None:
    pytest.importorskip("rapidocr_onnxruntime")
    added = client.post(f"/cases/{case_id}/documents", files=[doc("invoice-scan.jpg")])
    assert added.status_code == 303, added.text
    assert "invoice-scan.jpg" in client.get(f"/cases/{case_id}").text


def test_the_draft_attaches_the_checked_documents_and_warns_about_a_failing_one(
    client: Client, case_id: int
) -> None:
    client.post(
        f"/cases/{case_id}/documents", files=[doc("invoice-oakhaven.pdf"), doc("order-confirmation.pdf")]
    )
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    draft = client.get(f"/api/cases/{case_id}/drafts/1").json()
    assert "OH-2026-0714" in draft["letter_text"]  # the invoice, named by its number, among the attachments
    codes = [w.get("code") for w in draft["draft"].get("warnings_detail") or []]
    assert "document-fails-check" in codes, codes
    page = client.get(f"/cases/{case_id}/drafts/1?lang=zh").text
    assert "order-confirmation.pdf" in page and "未通过亚马逊会做的检查" in page


def test_document_messages_on_the_page_name_no_option_or_case_file_key(client: Client) -> None:
    """A case with no address and no All Orders: the page says what to do in the app, in both languages."""
    made = client.post(
        "/cases",
        {"title": "No address", "seller_name": "Larkspur Home & Apparel",
         "notice_text": (SAMPLE / "notice.txt").read_text(encoding="utf-8")},
    )  # fmt: skip
    number = int(made.headers["location"].rsplit("/", 1)[1])
    client.post(
        f"/cases/{number}/documents", files=[doc("invoice-oakhaven.pdf"), doc("invoice-glazeworks-short.pdf")]
    )
    for lang in ("en", "zh"):
        section = (
            client.get(f"/cases/{number}?lang={lang}").text.split('id="documents"')[1].split("</section>")[0]
        )
        assert "invoice-oakhaven.pdf" in section
        for internal in (
            "--reports",
            "--notice",
            "--case",
            "seller.address",
            "`",
            "case file",
            "申诉资料文件",
        ):
            assert internal not in section, (lang, internal)
    assert "upload All Orders to know" in client.get(f"/cases/{number}?lang=en").text


def test_the_products_identifiers_tie_invoice_lines_to_the_asins(client: Client, case_id: int) -> None:
    client.post(f"/cases/{case_id}/documents", files=[doc("invoice-oakhaven.pdf")])
    page = client.get(f"/cases/{case_id}?lang=zh").text
    assert "商品编码" in page and 'name="product_asin" value="B0LKBRDOAK"' in page  # the notice's ASINs first

    def identifiers() -> str:
        stored = json.loads(client.get(f"/api/cases/{case_id}/export").json()["documents"][-1]["checks_json"])
        return next(c["status"] for c in stored["documents"][0]["checks"] if c["id"] == "identifiers_match")

    assert identifiers() == "fail"
    version = client.get(f"/api/cases/{case_id}").json()["case"]["version"]
    saved = client.post(
        f"/cases/{case_id}/products",
        {"version": str(version), "product_asin": ["B0LKBRDOAK", ""], "product_model": ["OH-CB-L", ""],
         "product_upc": ["840123450017", ""], "product_sku": ["", ""], "product_brand": ["OAKHAVEN", ""]},
    )  # fmt: skip
    assert saved.status_code == 303
    assert identifiers() == "pass"
    bad = client.post(
        f"/cases/{case_id}/products?lang=zh",
        {"version": str(version + 1), "product_asin": "B0BAD"},
        headers={"Accept": "application/json"},
    )
    assert (
        bad.status_code == 400
        and "第 1 条商品" in bad.json()["error"]
        and "products" not in bad.json()["error"]
    )


def test_basic_details_can_be_corrected_later_and_the_documents_are_checked_again(client: Client) -> None:
    made = client.post(
        "/cases",
        {"title": "No address yet", "seller_name": "Larkspur Home & Apparel",
         "notice_text": (SAMPLE / "notice.txt").read_text(encoding="utf-8")},
    )  # fmt: skip
    number = int(made.headers["location"].rsplit("/", 1)[1])
    client.post(f"/cases/{number}/documents", files=[doc("invoice-oakhaven.pdf")])
    page = client.get(f"/cases/{number}?lang=zh").text
    assert "基本资料" in page and "还没有填写营业地址" in page
    version = client.get(f"/api/cases/{number}").json()["case"]["version"]
    chinese = client.post(
        f"/cases/{number}/details?lang=zh",
        {"version": str(version), "title": "x", "seller_name": "云雀家居"},
        headers={"Accept": "application/json"},
    )
    assert chinese.status_code == 400 and "英文或拼音" in chinese.json()["error"]
    saved = client.post(
        f"/cases/{number}/details",
        {"version": str(version), "title": "Inauthentic, two products", "seller_name": "Larkspur Home & Apparel",
         "legal_name": "深圳市云雀家居用品有限公司", "marketplace": "us",
         "address": "2150 Harbor View Drive, Suite 400,\n Tacoma, WA 98402, USA"},
    )  # fmt: skip
    assert saved.status_code == 303
    case = client.get(f"/api/cases/{number}").json()
    assert case["case"]["title"] == "Inauthentic, two products" and case["case"]["marketplace"] == "US"
    assert case["plan"]["seller"]["address"] == "2150 Harbor View Drive, Suite 400, Tacoma, WA 98402, USA"
    stored = json.loads(client.get(f"/api/cases/{number}/export").json()["documents"][-1]["checks_json"])
    buyer = next(c for c in stored["documents"][0]["checks"] if c["id"] == "buyer_matches_seller")
    assert buyer["status"] == "pass"  # checked again with the address
    assert "还没有填写营业地址" not in client.get(f"/cases/{number}?lang=zh").text


def test_drafting_reuses_the_stored_check_until_something_it_read_changes(
    client: Client, case_id: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import reinstate.documents as documents

    client.post(
        f"/cases/{case_id}/documents", files=[doc("invoice-oakhaven.pdf"), doc("order-confirmation.pdf")]
    )
    real = documents.check_documents
    calls: list[int] = []

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "check_documents", counting)
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    assert calls == []  # both drafts used the check made when the documents arrived
    second = client.get(f"/api/cases/{case_id}/drafts/2").json()
    assert "OH-2026-0714" in second["letter_text"]
    assert "document-fails-check" in [w.get("code") for w in second["draft"].get("warnings_detail") or []]
    version = client.get(f"/api/cases/{case_id}").json()["case"]["version"]
    client.post(
        f"/cases/{case_id}/details",
        {"version": str(version), "title": "Inauthentic, two products", "seller_name": "Larkspur Home & Apparel",
         "marketplace": "us", "address": "1 Other Street, Tacoma, WA 98402, USA"},
    )  # fmt: skip
    calls.clear()
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    assert calls == []  # the details form checked them again and stored the result
    from reinstate.sampledata import write_sample_data

    more = next(
        p
        for p in write_sample_data(tmp_path / "more", orders=500, seed=11)
        if p.name.startswith("All-Orders")
    )
    renamed = ("file", ("All-Orders-December.txt", more.read_bytes(), "text/plain"))
    assert client.post(f"/cases/{case_id}/reports", files=[renamed]).status_code == 303
    assert client.post(f"/cases/{case_id}/drafts").status_code == 303
    assert len(calls) == 1  # a new All Orders download: the documents were checked once more, not per draft
