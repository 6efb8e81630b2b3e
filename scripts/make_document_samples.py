"""Write the sample documents of the `inauthentic` sample case (invented; issue 16).

    .venv/bin/python scripts/make_document_samples.py [DIR]

Default DIR: src/reinstate/samples/inauthentic/documents. The PDFs are made with fpdf2 (a dev
extra), the photos and scans with Pillow; the files are shipped as package data, so `reinstate demo`
and `reinstate sample-data --documents` need neither library. `tests/documents/test_samples.py` re-runs
this script and compares what each file says with the shipped copy. MANIFEST.json lists every file with
the check it is meant to pass or fail.

The Chinese sample needs a CJK font (Debian's fonts-wqy-zenhei, installed by .ci/run); without one it is
skipped with a message, and the tests that read it are skipped too.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "src" / "reinstate" / "samples" / "inauthentic" / "documents"
CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
)
TABLE = ("head", "item", "sum")
LATIN_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)

BUYER = ["Bill To:", "Larkspur Home & Apparel", "2150 Harbor View Drive, Suite 400", "Tacoma, WA 98402, USA"]
OAKHAVEN = [
    "Qingdao Oakhaven Woodcraft Co., Ltd.",
    "166 Zhengyang Road, Chengyang District, Qingdao 266109, China",
    "Tel: +86 532 8866 1200   Email: sales@oakhaven-wood.com",
    "Website: www.oakhaven-wood.com",
]
STONEWARE = [
    "Jingdezhen Glazeworks Ceramics Co., Ltd.",
    "28 Taoxi Road, Zhushan District, Jingdezhen 333000, China",
    "Tel: +86 798 822 5566   Email: export@glazeworks.cn",
    "Website: www.glazeworks.cn",
]
BOARD = "Oak Cutting Board Large, Model OH-CB-L, UPC 840123450017"
MUG = "Stoneware Mug 12 oz Sage, Model SW-M12, UPC 840123450024"


def invoice(title: str, number: str, date: str, supplier: list[str], lines: list[tuple[str, int, float]], *,
            buyer: list[str] = BUYER, terms: str | None = "Payment terms: FOB Qingdao, T/T 30 days after B/L",
            freight: float = 0.0, total_delta: float = 0.0, amounts: dict[int, float] | None = None) -> list[Any]:  # fmt: skip
    """The rows of a supplier document: letterhead, title, number and date, buyer, terms, lines, totals."""
    rows: list[Any] = [
        *supplier,
        "",
        ("title", title),
        f"Invoice No.: {number}    Invoice Date: {date}",
        "",
        *buyer,
        "",
    ]
    if terms:
        rows.append(terms)
    rows.append(("head", "Description", "Qty", "Unit Price", "Amount"))
    subtotal = 0.0
    for index, (desc, qty, price) in enumerate(lines):
        amount = (amounts or {}).get(index, round(qty * price, 2))
        subtotal += amount
        rows.append(("item", desc, str(qty), f"{price:.2f}", f"{amount:,.2f}"))
    rows.append(("sum", "Subtotal (USD)", f"{subtotal:,.2f}"))
    if freight:
        rows.append(("sum", "Freight", f"{freight:,.2f}"))
    rows.append(("sum", "Total (USD)", f"{subtotal + freight + total_delta:,.2f}"))
    return rows


def samples() -> dict[str, dict[str, Any]]:
    """Every sample: its rows, its PDF metadata, and what the checks should say about it."""
    loa = ["Oakhaven Brands Ltd.", "Unit 1203, 18 Harbour Road, Wan Chai, Hong Kong", "", ("title", "LETTER OF AUTHORIZATION"),
           "Date: 1 May 2026", "",
           "Oakhaven Brands Ltd., owner of the trademark OAKHAVEN (US Reg. No. 7123456), authorizes",
           "Licensee: Larkspur Home & Apparel, 2150 Harbor View Drive, Suite 400, Tacoma, WA 98402, USA",
           "to sell genuine OAKHAVEN cutting boards (Model OH-CB-L) on Amazon.com.",
           "Valid until: 30 April 2027", "", "Signature: /s/ Wei Zhang", "Wei Zhang, Director, Oakhaven Brands Ltd."]  # fmt: skip
    return {
        "invoice-oakhaven.pdf": {
            "rows": invoice(
                "COMMERCIAL INVOICE",
                "OH-2026-0714",
                "2026-07-14",
                OAKHAVEN,
                [(BOARD, 600, 6.80)],
                freight=320.0,
            ),
            "date": "2026-07-14",
            "expect": {"*": "pass"},
        },
        "invoice-glazeworks-short.pdf": {
            "rows": invoice(
                "INVOICE",
                "GW-260903",
                "2026-09-03",
                STONEWARE,
                [(MUG, 200, 2.15)],
                terms="Payment terms: EXW Jingdezhen, paid in full",
            ),
            "date": "2026-09-03",
            "expect": {"quantity_covers_sales": "fail"},
        },
        "order-confirmation.pdf": {
            "rows": invoice("ORDER CONFIRMATION", "GW-PO-2611", "2026-10-30", STONEWARE, [(MUG, 800, 2.15)]),
            "date": "2026-10-30",
            "expect": {"is_invoice": "fail"},
        },
        "proforma-invoice.pdf": {
            "rows": invoice("PROFORMA INVOICE", "OH-PI-2611", "2026-11-02", OAKHAVEN, [(BOARD, 400, 6.80)]),
            "date": "2026-11-02",
            "expect": {"is_invoice": "fail"},
        },
        "invoice-2025.pdf": {
            "rows": invoice(
                "COMMERCIAL INVOICE", "OH-2025-0812", "2025-08-12", OAKHAVEN, [(BOARD, 300, 6.50)]
            ),
            "date": "2025-08-12",
            "expect": {"date_within_365_days": "fail"},
        },
        "invoice-word.pdf": {
            "rows": invoice(
                "COMMERCIAL INVOICE", "OH-2026-1002", "2026-10-02", OAKHAVEN, [(BOARD, 150, 6.80)]
            ),
            "date": "2026-11-19",
            "producer": "Microsoft® Word for Microsoft 365",
            "creator": "Microsoft® Word for Microsoft 365",
            "mixed_fonts": True,
            "expect": {"signs_of_editing": "fail"},
        },
        "invoice-bad-sums.pdf": {
            "rows": invoice(
                "INVOICE",
                "HX-0921",
                "2026-09-21",
                ["Hexin Trading Co., Ltd.", "Room 5, 9 Bao'an Avenue, Shenzhen 518000, China"],
                [("Ceramic mug, sage glaze", 500, 3.20)],
                buyer=["Bill To:", "Larkspur Trading Co.", "88 Pine Street", "Portland, OR 97204, USA"],
                amounts={0: 1700.0},
            ),
            "date": "2026-09-21",
            "expect": {
                "arithmetic": "fail",
                "supplier_contact_complete": "fail",
                "buyer_matches_seller": "fail",
                "identifiers_match": "fail",
            },
        },
        "utility-bill.pdf": {
            "rows": [
                "Tacoma Public Utilities",
                "3628 South 35th Street, Tacoma, WA 98409",
                ("title", "ELECTRICITY BILL"),
                "Account No.: 5512-0087-33",
                "Bill Date: 2026-10-28",
                "Account Holder: Larkspur Home & Apparel",
                "Service Address: 2150 Harbor View Drive, Suite 400, Tacoma, WA 98402",
                "Billing period: 2026-09-20 to 2026-10-19",
                "Usage: 4,210 kWh",
                "Amount due: 612.40 USD by 2026-11-18",
            ],
            "date": "2026-10-28",
            "expect": {"*": "pass"},
        },
        "utility-bill-old.pdf": {
            "rows": [
                "Tacoma Public Utilities",
                "3628 South 35th Street, Tacoma, WA 98409",
                ("title", "ELECTRICITY BILL"),
                "Account No.: 5512-0099-10",
                "Bill Date: 2026-06-30",
                "Account Holder: Jordan Smith",
                "Service Address: 41 Cedar Lane, Tacoma, WA 98406",
                "Billing period: 2026-05-25 to 2026-06-24",
                "Amount due: 88.10 USD by 2026-07-20",
            ],
            "date": "2026-06-30",
            "expect": {"bill_within_90_days": "fail", "name_address_match": "fail"},
        },
        "loa-oakhaven.pdf": {"rows": loa, "date": "2026-05-01", "expect": {"*": "pass"}},
        "loa-unsigned.pdf": {
            "rows": [
                r
                for r in loa
                if not (isinstance(r, str) and r.startswith(("Date:", "Signature", "Wei Zhang", "Licensee")))
            ],
            "date": "2026-05-01",
            "expect": {"loa_names_brand_and_seller": "fail", "loa_signed_and_dated": "fail"},
        },
        "invoice-scan.jpg": {
            "rows": invoice(
                "COMMERCIAL INVOICE", "OH-2026-0321", "2026-03-21", OAKHAVEN, [(BOARD, 250, 6.80)]
            ),
            "image": "scan",
            "expect": {"is_invoice": "pass", "identifiers_match": "pass"},
        },
        "fapiao-zh.png": {
            "rows": [
                "青岛橡木工艺品有限公司",
                ("title", "增值税普通发票 VAT INVOICE (translation)"),
                "发票号码 Invoice No.: 37020211",
                "开票日期 Date: 2026年08月20日",
                "购买方 Buyer: 深圳市云雀家居用品有限公司",
                "地址 Address: 深圳市南山区科技园南路88号",
                "销售方 Seller: 青岛橡木工艺品有限公司",
                "地址、电话: 青岛市城阳区正阳路166号 0532-88661200",
                "网址 Website: www.oakhaven-wood.com",
                "付款方式 Payment terms: T/T",
                ("item", "橡木砧板 Oak cutting board OH-CB-L", "300", "6.80", "2040.00"),
                ("sum", "合计 Total", "2040.00"),
            ],
            "image": "cjk",
            "expect": {"is_invoice": "pass", "buyer_matches_seller": "fail"},
        },
    }


def text_of(row: Any) -> str:
    if isinstance(row, str):
        return row
    return "  ".join(row[1:])


def write_pdf(path: Path, spec: dict[str, Any]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime.fromisoformat(spec["date"] + "T10:00:00+00:00"))
    pdf.set_producer(spec.get("producer", "Oakhaven ERP 4.2 (PDF export)"))
    pdf.set_creator(spec.get("creator", "Oakhaven ERP"))
    pdf.set_margins(18, 18)
    pdf.add_page()
    for row in spec["rows"]:
        _pdf_row(pdf, row, spec.get("mixed_fonts", False))
    pdf.output(str(path))


def _pdf_row(pdf: Any, row: Any, mixed: bool) -> None:
    if isinstance(row, str):
        pdf.set_font("Helvetica", size=10)
        pdf.cell(0, 6, row or " ", new_x="LMARGIN", new_y="NEXT")
        return
    kind, *cells = row
    if kind == "title":
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 16)
        pdf.cell(0, 10, cells[0], new_x="LMARGIN", new_y="NEXT")
    elif kind in ("head", "item"):
        pdf.set_font("Helvetica", "B" if kind == "head" else "", 9)
        for text, width, align in zip(cells, (104, 18, 26, 26), "LRRR", strict=True):
            pdf.cell(width, 7, text, align=align)
        pdf.ln(7)
    elif kind == "sum":
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(148, 7, cells[0], align="R")
        pdf.set_font(
            "Times" if mixed and "Total" in cells[0] and "Sub" not in cells[0] else "Helvetica", "B", 10
        )
        pdf.cell(26, 7, cells[1], align="R", new_x="LMARGIN", new_y="NEXT")


def write_image(path: Path, spec: dict[str, Any]) -> bool:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    fonts = CJK_FONTS if spec["image"] == "cjk" else (*LATIN_FONTS, *CJK_FONTS)
    font_path = next((f for f in fonts if f.exists()), None)
    if font_path is None:
        print(f"skipped {path.name}: no font found ({', '.join(str(f) for f in fonts)})", file=sys.stderr)
        return False
    font = ImageFont.truetype(str(font_path), 24)
    rows = spec["rows"]
    image = Image.new("L", (1500, 60 + 42 * len(rows)), 255)
    draw = ImageDraw.Draw(image)
    for index, row in enumerate(rows):
        y = 30 + 42 * index
        if isinstance(row, tuple) and row[0] in TABLE:  # table columns, figures aligned right
            cells = row[1:]
            draw.text((50, y), cells[0], fill=20, font=font)
            for cell, right in zip(cells[1:], (1010, 1200, 1440)[-(len(cells) - 1) :], strict=True):
                draw.text((right - draw.textlength(cell, font=font), y), cell, fill=20, font=font)
        else:
            draw.text((50, y), text_of(row), fill=20, font=font)
    if spec["image"] == "scan":  # a scanner's grey, speckles, a slight tilt and JPEG
        rng = random.Random(16)
        pixels = image.load()
        assert pixels is not None
        for _ in range(4000):
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            pixels[x, y] = rng.randrange(120, 230)
        image = image.filter(ImageFilter.GaussianBlur(0.6)).rotate(0.6, fillcolor=235, expand=False)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=70)
        path.write_bytes(buffer.getvalue())
    else:
        image.save(path, "PNG", optimize=True)
    return True


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, spec in samples().items():
        path = folder / name
        if "image" in spec:
            if not write_image(path, spec):
                continue
        else:
            write_pdf(path, spec)
        manifest[name] = {"text": [text_of(r) for r in spec["rows"]], "expect": spec["expect"]}
    (folder / "MANIFEST.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(manifest)} documents into {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
