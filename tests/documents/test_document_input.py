"""Bad input: one line naming the file and the fix, exit code 2, and bounded work; the command itself."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from doc_samples import DOCS, SAMPLE
from typer.testing import CliRunner

from reinstate.cli import app
from reinstate.documents import read_one
from reinstate.errors import InputError

needs_fpdf = pytest.mark.skipif(importlib.util.find_spec("fpdf") is None, reason="fpdf2 is a dev extra")


def refused(runner: CliRunner, path: Path) -> str:
    result = runner.invoke(app, ["documents", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "Traceback" not in result.output
    return lines[0]


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    assert "no such file" in refused(runner, tmp_path / "nope.pdf")


def test_not_a_document(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "invoice.pdf.txt"
    path.write_text("INVOICE\n", encoding="utf-8")
    assert "not a PDF, JPEG or PNG" in refused(runner, path)
    assert "not a regular file" in refused(runner, tmp_path)


def test_corrupt_pdf_and_image(runner: CliRunner, tmp_path: Path) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert "cannot be read as a PDF" in refused(runner, pdf)
    png = tmp_path / "broken.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"nonsense" * 10)
    assert "cannot be read as an image" in refused(runner, png)


@needs_fpdf
def test_password_protected_pdf(runner: CliRunner, tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "INVOICE")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    assert "password" in refused(runner, path)


@needs_fpdf
def test_too_many_pages(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=8)
    for _ in range(101):
        pdf.add_page()
        pdf.cell(0, 10, "page")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="101 pages"):
        read_one(path)


def test_huge_image_is_refused_before_decoding(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "huge.png"
    Image.new("1", (8000, 6000), 1).save(path)  # 48 megapixels, a few kB on disk
    with pytest.raises(InputError, match="megapixels") as caught:
        read_one(path)
    assert "像素" in caught.value.render("zh")


def test_command_json_and_chinese(runner: CliRunner) -> None:
    files = [str(DOCS / "invoice-oakhaven.pdf"), str(DOCS / "order-confirmation.pdf")]
    case = ["--case", str(SAMPLE / "case.yaml")]
    result = runner.invoke(app, ["documents", *files, *case, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (
        data["schema"] == "reinstate.documents/1" and data["notice_date"] == "2026-11-21"
    )  # the case's notice
    assert [d["type"] for d in data["documents"]] == ["invoice", "order_confirmation"]
    assert {c["asin"] for c in data["coverage"]} == {"B0LKBRDOAK", "B0LKMUG012"}
    assert all(c["status"] == "unknown" for c in data["coverage"])  # no All Orders given
    zh = runner.invoke(app, ["documents", *files, *case, "--lang", "zh"])
    assert zh.exit_code == 0 and "订单确认" in zh.stdout and "不是发票" in zh.stdout


def test_sample_data_writes_the_documents(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sample-data", str(tmp_path), "--orders", "50", "--documents"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "documents" / "invoice-oakhaven.pdf").is_file()
    assert (tmp_path / "documents" / "MANIFEST.json").is_file()


def test_missing_reports_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["documents", str(DOCS / "invoice-oakhaven.pdf"), "--reports", str(tmp_path / "no")]
    )
    assert result.exit_code == 2 and "does not exist" in result.stderr
