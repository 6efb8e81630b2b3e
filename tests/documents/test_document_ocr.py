"""OCR on generated images: a scanned-looking English invoice and a Chinese fapiao with its translation."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from doc_samples import DOCS

from reinstate.case import LoadedCase
from reinstate.documents import DocumentsReport, check_documents, read_one
from reinstate.notice import Notice

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr_onnxruntime") is None, reason="the [ocr] extra is not installed"
)


@pytest.fixture(scope="module")
def ocr_report(sample_case: LoadedCase, sample_notice: Notice) -> DocumentsReport:
    files = [DOCS / "invoice-scan.jpg"]
    if (DOCS / "fapiao-zh.png").exists():
        files.append(DOCS / "fapiao-zh.png")
    return check_documents(files, case=sample_case.case, notice=sample_notice)


def test_scan_is_read(ocr_report: DocumentsReport) -> None:
    doc = ocr_report.documents[0]
    assert doc.read.method == "ocr" and doc.type == "invoice"
    fields = doc.fields
    assert fields.issue_date == dt.date(2026, 3, 21)
    assert fields.supplier.website == "www.oakhaven-wood.com"
    assert fields.items and fields.items[0].quantity == 250 and fields.items[0].unit_price == 6.80
    checks = {c.id: c.status for c in doc.checks}
    assert checks["is_invoice"] == "pass"
    assert checks["identifiers_match"] == "pass"  # UPC and model read through OCR's missing spaces
    assert checks["buyer_matches_seller"] == "pass"  # "LarkspurHome&Apparel" is the seller
    assert checks["arithmetic"] == "pass"
    assert checks["quantity_covers_sales"] == "unknown"  # no All Orders given


def test_chinese_fapiao_is_read(ocr_report: DocumentsReport) -> None:
    if len(ocr_report.documents) < 2:
        pytest.skip("no CJK font was available when the samples were generated")
    doc = ocr_report.documents[1]
    fields = doc.fields
    assert doc.type == "invoice" and fields.language == "zh"
    assert fields.issue_date == dt.date(2026, 8, 20)  # 2026年08月20日
    assert fields.number == "37020211"
    assert fields.buyer.name == "深圳市云雀家居用品有限公司"
    assert fields.supplier.name == "青岛橡木工艺品有限公司" and fields.supplier.phone == "0532-88661200"
    assert fields.items[0].quantity == 300
    checks = {c.id: c for c in doc.checks}
    assert checks["is_invoice"].status == "pass"
    assert checks["identifiers_match"].status == "pass"  # model OH-CB-L
    # The legal name matches; the address is in Shenzhen, not the registered one in Tacoma.
    assert (
        checks["buyer_matches_seller"].status == "fail"
        and "地址" in checks["buyer_matches_seller"].message_zh
    )


def test_missing_ocr_is_one_bilingual_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from reinstate.documents import ocr
    from reinstate.errors import InputError

    real_import = builtins.__import__

    def refuse(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("rapidocr_onnxruntime"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_ENGINE", None)
    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(InputError) as caught:
        read_one(Path(DOCS / "invoice-scan.jpg"))
    assert "reinstate[ocr]" in str(caught.value) and "invoice-scan.jpg" in str(caught.value)
    assert "OCR" in caught.value.render("zh") and "安装" in caught.value.render("zh")


def test_scanned_pdf_goes_through_ocr(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "scan.pdf"
    with Image.open(DOCS / "invoice-scan.jpg") as image:
        image.convert("L").save(path, "PDF", resolution=150)  # an image-only PDF, as a scanner writes it
    doc = read_one(path)
    assert doc.read.method == "ocr" and doc.type == "invoice"
    assert doc.fields.issue_date == dt.date(2026, 3, 21)
