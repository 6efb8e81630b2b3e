"""`draft --documents`: the checked documents become attachments, and failing ones become warnings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from doc_samples import DOCS, SAMPLE
from typer.testing import CliRunner

from reinstate.cli import app


def test_draft_attaches_checked_documents_and_warns(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("case.yaml", "notice.txt"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    good, edited, confirmation = (
        DOCS / n for n in ("invoice-oakhaven.pdf", "invoice-word.pdf", "order-confirmation.pdf")
    )
    args = ["draft", str(tmp_path / "case.yaml"), "--format", "json"]
    for path in (good, edited, confirmation):
        args += ["--documents", str(path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    letter = data["letter"]["text"]
    assert "Invoice OH-2026-0714 from Qingdao Oakhaven Woodcraft Co., Ltd., 14 July 2026" in letter
    assert "Order confirmation GW-PO-2611" in letter
    warnings = " ".join(data["warnings"])
    assert "invoice-word.pdf" in warnings and "signs of editing" in warnings
    assert "order-confirmation.pdf" in warnings and "not an invoice" in warnings
    assert "invoice-oakhaven.pdf" not in warnings  # it passes every check


def test_draft_refuses_a_bad_document(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("case.yaml", "notice.txt"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    result = runner.invoke(
        app, ["draft", str(tmp_path / "case.yaml"), "--documents", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 2 and "x.pdf" in result.stderr


def test_the_signature_carries_the_registered_address(sample_case: object) -> None:
    """The business address invoices are checked against is the one the letter is signed with."""
    from reinstate.letters import draft_appeal

    letter = draft_appeal(sample_case).text  # type: ignore[arg-type]
    tail = letter[letter.rindex("Sincerely,") :]
    assert (
        "Larkspur Home & Apparel (深圳市云雀家居用品有限公司)\n2150 Harbor View Drive, Suite 400, Tacoma"
        in tail
    )
