"""The command line: exit codes, one-line errors, JSON on stdout only, and the init → draft path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reinstate.cli import app

GOOD = """
seller:
  name: Evergreen Home Supply LLC
as_of: 2026-11-20
reasons: [order-defect-rate]
root_causes:
  - text: Listings stayed active during an 8-day closure.
    evidence: 9 of 12 defective orders were placed during it.
actions_taken:
  - text: Refunded all 12 buyers
    date: 2026-11-18
    evidence: refund report
preventive_measures:
  - text: Turn on Vacation Mode before closures
    owner: Operations manager
    start: 2026-11-19
    frequency: before every closure
"""


def test_reasons_lists_all_twenty(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reasons"])
    assert result.exit_code == 0
    assert "order-defect-rate" in result.output and "account-under-review" in result.output


def test_reasons_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reasons", "--format", "json"])
    payload = json.loads(result.stdout)
    assert payload["schema"] == "reinstate.reasons/1" and len(payload["reasons"]) == 20


def test_reason_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reasons", "late-shipment-rate", "--lang", "zh"])
    assert result.exit_code == 0 and "常见根本原因" in result.output


def test_unknown_reason_is_exit_2_with_the_ids(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reasons", "odr"])
    assert result.exit_code == 2
    assert "unknown reason id 'odr'" in result.stderr and "order-defect-rate" in result.stderr
    assert "Traceback" not in result.output


def test_draft_prints_the_letter_and_warnings_go_to_stderr(
    runner: CliRunner, write_case: Callable[[str], Path]
) -> None:
    result = runner.invoke(app, ["draft", str(write_case(GOOD))])
    assert result.exit_code == 0
    assert result.stdout.startswith("Subject: Plan of Action")
    assert "warning:" not in result.stdout


def test_draft_says_first_whether_the_letter_is_ready(runner: CliRunner) -> None:
    thin = Path(__file__).parent / "letters" / "cases" / "thin.yaml"
    result = runner.invoke(app, ["draft", str(thin)])
    assert result.exit_code == 0  # a thin case still drafts; only --strict refuses it
    assert result.stderr.startswith("NOT READY TO SEND. Fix these first:")
    assert "B0HPGTHIN2" in result.stderr.split("warning:")[0]  # the blocking list comes before the warnings
    strict = runner.invoke(app, ["draft", str(thin), "--strict", "--lang", "zh"])
    assert strict.exit_code == 1
    assert strict.stderr.startswith("还不能提交")
    assert strict.stdout.startswith("Subject: Plan of Action")  # the letter is still written


def test_draft_strict_passes_a_ready_letter(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    ready = Path(__file__).parent / "letters" / "cases" / "two-reasons.yaml"
    result = runner.invoke(app, ["draft", str(ready), "--strict", "--format", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["ready"] is True and payload["blocking"] == []


def test_draft_json_is_alone_on_stdout(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    result = runner.invoke(app, ["draft", str(write_case(GOOD)), "--format", "json"])
    payload = json.loads(result.stdout)
    assert payload["schema"] == "reinstate.draft/1"


@pytest.mark.parametrize("suffix", ["md", "txt", "json", "docx"])
def test_draft_to_file_takes_the_format_from_the_suffix(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"appeal.{suffix}"
    result = runner.invoke(app, ["draft", str(write_case(GOOD)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 500
    assert f"Wrote {out}" in result.stderr


def test_docx_needs_a_file(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    result = runner.invoke(app, ["draft", str(write_case(GOOD)), "--format", "docx"])
    assert result.exit_code == 2 and "-o appeal.docx" in result.stderr


def test_bad_case_is_one_line_and_exit_2(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    path = write_case(GOOD.replace("date: 2026-11-18", "date: yesterday"))
    result = runner.invoke(app, ["draft", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"{path}:10: actions_taken[0].date" in lines[0] and "YYYY-MM-DD" in lines[0]


def test_missing_case_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "file not found" in result.stderr


def test_usage_error_is_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["draft"]).exit_code == 2
    assert runner.invoke(app, ["reasons", "--lang", "fr"]).exit_code == 2


def test_init_then_draft(runner: CliRunner, tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("Your late shipment rate is above our target of 4%.", encoding="utf-8")
    case = tmp_path / "case.yaml"
    result = runner.invoke(app, ["init", str(case), "--notice", str(notice), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    text = case.read_text(encoding="utf-8")
    assert "reasons: [late-shipment-rate]" in text and "notice: notice.txt" in text
    assert "请弄清" in text
    drafted = runner.invoke(app, ["draft", str(case)])
    assert drafted.exit_code == 0, drafted.output
    assert "根本原因" in drafted.stderr and "占位" in drafted.stderr  # warnings follow `language: zh`


def test_init_offers_the_address_and_for_document_cases_the_products(
    runner: CliRunner, tmp_path: Path
) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "We received reports that items you sold were inauthentic. ASIN: B0LKBRDOAK", encoding="utf-8"
    )
    case = tmp_path / "case.yaml"
    assert runner.invoke(app, ["init", str(case), "--notice", str(notice)]).exit_code == 0
    text = case.read_text(encoding="utf-8")
    assert "  # address: <the business address as registered in Seller Central" in text
    assert "\nproducts: []\n" in text and "#   - asin: B0LKBRDOAK" in text
    assert runner.invoke(app, ["draft", str(case)]).exit_code == 0  # it still drafts as it is
    late = tmp_path / "late.yaml"
    notice.write_text("Your late shipment rate is above our target of 4%.", encoding="utf-8")
    assert runner.invoke(app, ["init", str(late), "--notice", str(notice)]).exit_code == 0
    assert "products:" not in late.read_text(encoding="utf-8")  # no documents to check for this reason


def test_init_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["init", str(case), "--reason", "order-defect-rate"])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert case.read_text(encoding="utf-8") == "keep me"


def test_init_with_unknown_reason(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "c.yaml"), "--reason", "nope"])
    assert result.exit_code == 2 and not (tmp_path / "c.yaml").exists()


def test_demo_writes_every_sample(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    folders = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(folders) == 7 and "from-reports" in folders and "inauthentic" in folders
    assert (tmp_path / "out" / "from-reports" / "analysis.json").is_file()
    assert "Our order defect rate on seller-fulfilled orders was" in (
        tmp_path / "out" / "from-reports" / "appeal.txt"
    ).read_text(encoding="utf-8")
    for folder in folders:
        for suffix in ("md", "txt", "json", "docx"):
            assert (tmp_path / "out" / folder / f"appeal.{suffix}").is_file()
    assert (tmp_path / "out" / "inauthentic" / "documents.json").is_file()
    assert "supplier documents checked" in result.stdout and "signs of editing" in result.stdout


def test_python_m_reinstate_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "reinstate", "--version"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0 and proc.stdout.startswith("reinstate ")


LETTERS = Path(__file__).parent / "review" / "letters"


def test_review_good_letter_exits_0(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", str(LETTERS / "won_headed.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Score: 100/100")


def test_review_bad_letter_exits_1_and_json_is_alone(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", str(LETTERS / "failed_blame.txt"), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["schema"] == "reinstate.review/1" and payload["score"] < 50


def test_review_fail_on_warning(runner: CliRunner) -> None:
    letter = str(LETTERS / "won_paragraphs.txt")  # one warning (no numbered points), no error
    assert runner.invoke(app, ["review", letter]).exit_code == 0
    assert runner.invoke(app, ["review", letter, "--fail-on", "warning"]).exit_code == 1


def test_review_reads_stdin_and_other_encodings(runner: CliRunner, tmp_path: Path) -> None:
    text = (LETTERS / "won_headed.txt").read_text(encoding="utf-8")
    assert runner.invoke(app, ["review", "-"], input=text).exit_code == 0
    for encoding in ("utf-16", "gbk"):
        path = tmp_path / f"letter-{encoding}.txt"
        path.write_bytes((text + "\n备注：已附上退款记录。\n").encode(encoding))
        result = runner.invoke(app, ["review", str(path)])
        assert result.exit_code == 0, (encoding, result.output)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02PK\x03\x04", "binary"), (b"   \n\n", "empty")],
)
def test_review_bad_input_is_exit_2(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_review_with_reason_and_notice(runner: CliRunner, tmp_path: Path) -> None:
    letter = str(LETTERS / "won_headed.txt")
    result = runner.invoke(app, ["review", letter, "--reason", "intellectual-property", "--format", "json"])
    assert "POA601" in {f["code"] for f in json.loads(result.stdout)["findings"]}
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Your order defect rate does not meet our performance target of less than 1%.", encoding="utf-8"
    )
    result = runner.invoke(app, ["review", letter, "--notice", str(notice), "--format", "json"])
    assert "POA601" not in {f["code"] for f in json.loads(result.stdout)["findings"]}


def test_review_with_an_ip_notice_never_asks_the_seller_for_the_retraction(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Only the rights owner can send a retraction; the notice mentions it, the letter need not."""
    notice = Path(__file__).parent / "notice" / "fixtures" / "ip-trademark.txt"
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Dear Seller Performance Team,\n\nWe listed ASIN B08KXT4R2Q (complaint 9023381176) without checking "
        "the trademark.\n\nOn 2026-11-01 we removed the listing.\n\nA compliance lead now checks every new "
        "listing against the trademark register.\n\nSincerely,\nAcme\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["review", str(letter), "--notice", str(notice), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert "POA605" not in {f["code"] for f in findings}
    assert "POA602" not in {f["code"] for f in findings}  # the ASIN and complaint are named: covered


def test_review_unknown_selector_is_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["review", str(LETTERS / "won_headed.txt"), "--select", "nonsense"])
    assert result.exit_code == 2 and "unknown rule selector" in result.stderr


def test_draft_json_carries_its_review(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    payload = json.loads(runner.invoke(app, ["draft", str(write_case(GOOD)), "--format", "json"]).stdout)
    assert payload["review"]["schema"] == "reinstate.review/1"
    assert payload["review"]["score"] >= 85
    assert not [f for f in payload["review"]["findings"] if f["severity"] == "error"]


def test_notice_checklist_and_json(runner: CliRunner, tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Your order defect rate does not meet our performance target of less than 1%.\n"
        "If you do not send an acceptable plan within 17 days, your account may remain deactivated.\n",
        encoding="utf-8",
    )
    text = runner.invoke(app, ["notice", str(notice)])
    assert text.exit_code == 0 and "order-defect-rate" in text.stdout
    zh = runner.invoke(app, ["notice", str(notice), "--lang", "zh"])
    assert "订单缺陷率" in zh.stdout
    payload = json.loads(runner.invoke(app, ["notice", str(notice), "--format", "json"]).stdout)
    assert payload["schema"] == "reinstate.notice/1" and payload["deadline_days"] == 17
    assert [r["id"] for r in payload["reasons"]] == ["order-defect-rate"]


def test_notice_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["notice", str(empty)])
    assert result.exit_code == 2 and "empty" in result.stderr
    assert runner.invoke(app, ["notice", str(tmp_path / "missing.txt")]).exit_code == 2


def test_sample_data_then_analyze(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    written = runner.invoke(app, ["sample-data", str(folder), "--orders", "1200", "--seed", "3"])
    assert written.exit_code == 0, written.output
    assert (folder / "All-Orders-Report.txt").is_file() and (folder / "README.md").is_file()
    text = runner.invoke(app, ["analyze", str(folder), "--as-of", "2026-11-20"])
    assert text.exit_code == 0, text.output
    assert "Order defect rate" in text.stdout
    payload = json.loads(runner.invoke(app, ["analyze", str(folder), "--format", "json"]).stdout)
    assert payload["schema"] == "reinstate.analysis/1"
    metric = payload["metrics"]["order_defect_rate"]
    assert metric["value"] == pytest.approx(metric["numerator"] / metric["denominator"], abs=1e-6)
    zh = runner.invoke(app, ["analyze", str(folder), "--lang", "zh"])
    assert zh.exit_code == 0 and "订单缺陷率" in zh.stdout


def test_analyze_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["analyze", str(tmp_path), "--as-of", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["analyze", str(tmp_path), "--reason", "nope"]).exit_code == 2


def test_draft_never_writes_over_its_case_file(runner: CliRunner, write_case: Callable[[str], Path]) -> None:
    case = write_case(GOOD)
    before = case.read_text(encoding="utf-8")
    result = runner.invoke(app, ["draft", str(case), "-o", str(case)])
    assert result.exit_code == 2 and "one of this draft's inputs" in result.stderr
    assert case.read_text(encoding="utf-8") == before
    forced = runner.invoke(app, ["draft", str(case), "-o", str(case), "--force"])
    assert forced.exit_code == 2 and case.read_text(encoding="utf-8") == before  # --force never covers inputs


def test_draft_replaces_an_earlier_draft_but_not_another_file(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    case = write_case(GOOD)
    for suffix in ("txt", "md", "json", "docx"):
        out = tmp_path / f"appeal.{suffix}"
        assert runner.invoke(app, ["draft", str(case), "-o", str(out)]).exit_code == 0
        again = runner.invoke(app, ["draft", str(case), "-o", str(out)])
        assert again.exit_code == 0, (suffix, again.stderr)
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes\n", encoding="utf-8")
    refused = runner.invoke(app, ["draft", str(case), "-o", str(notes)])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    assert runner.invoke(app, ["draft", str(case), "-o", str(notes), "--force"]).exit_code == 0


def test_a_control_character_in_the_case_is_a_clear_error_not_a_traceback(
    runner: CliRunner, write_case: Callable[[str], Path], tmp_path: Path
) -> None:
    case = write_case(GOOD.replace("name: ", 'name: "Evergreen\\u0001 ', 1).replace("LLC\n", 'LLC"\n', 1))
    result = runner.invoke(app, ["draft", str(case), "-o", str(tmp_path / "appeal.docx")])
    assert result.exit_code == 2, result.output
    assert "U+0001" in result.stderr and "Traceback" not in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize("command", ["notice", "review", "draft", "init"])
def test_devices_and_fifos_are_refused_not_read(command: str, tmp_path: Path) -> None:
    """Issue 13 item 11: reading /dev/zero or a FIFO hung or filled the memory."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/zero"):
        args = (
            [command, target]
            if command != "init"
            else [command, str(tmp_path / "c.yaml"), "--notice", target]
        )
        done = subprocess.run(
            [sys.executable, "-m", "reinstate", *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, (command, target, done.stderr)
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
