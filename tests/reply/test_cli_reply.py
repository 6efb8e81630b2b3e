"""`reinstate reply` and `reinstate draft --reply` on the command line: output, JSON, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reinstate.cli import app
from tests.reply import replies as r
from tests.reply.test_tocase import THIN


def write(tmp_path: Path, text: str, name: str = "reply.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reply_text_output(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["reply", str(write(tmp_path, r.MORE_INFO))])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Outcome: More information needed")
    assert "buyers receiving defective items" in result.stdout and "Next steps:" in result.stdout


def test_reply_chinese_output(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["reply", str(write(tmp_path, r.ZH_MORE)), "--lang", "zh"])
    assert result.exit_code == 0
    assert result.stdout.startswith("亚马逊的决定：需要补充信息") and "下一步：" in result.stdout


def test_reply_json_from_stdin_is_json_alone(runner: CliRunner) -> None:
    result = runner.invoke(app, ["reply", "-", "--format", "json"], input=r.DOCUMENTS)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "reinstate.reply/1" and data["outcome"] == "more_information"
    assert data["deadline"]["hours"] == 72 and data["channel"]["kind"] == "reply"
    assert "invoice_required" in [a["kind"] for a in data["asks"]]


def test_unknown_reply_is_not_an_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["reply", str(write(tmp_path, r.UNKNOWN)), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["outcome"] == "unknown" and data["asks"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02PK\x03\x04", "binary"), (b"   \n\n", "empty")],
)
def test_reply_bad_input_is_exit_2(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "reply.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["reply", str(path)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_reply_missing_file_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["reply", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "not found" in result.stderr


def test_draft_with_reply_warns_in_text_and_json(
    runner: CliRunner, tmp_path: Path, write_case: Callable[[str], Path]
) -> None:
    case = write_case(THIN)
    reply = write(tmp_path, r.MORE_INFO)
    text = runner.invoke(app, ["draft", str(case), "--reply", str(reply), "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert "no root cause mentions it" in text.stderr and "buyers receiving defective items" in text.stderr
    assert "preventive_measures[1]" in text.stderr
    data = json.loads(
        runner.invoke(app, ["draft", str(case), "--reply", str(reply), "--format", "json"]).stdout
    )
    codes = [w["code"] for w in data["warnings_detail"]]
    assert "reply-issue-not-answered" in codes and "reply-measure-vague" in codes
    assert any("buyers receiving defective items" in w for w in data["warnings"])
    without = json.loads(runner.invoke(app, ["draft", str(case), "--format", "json"]).stdout)
    assert not [w for w in without["warnings_detail"] if w["code"].startswith("reply-")]


def test_draft_with_bad_reply_is_exit_2(
    runner: CliRunner, tmp_path: Path, write_case: Callable[[str], Path]
) -> None:
    case = write_case(THIN)
    empty = write(tmp_path, "", "empty.txt")
    result = runner.invoke(app, ["draft", str(case), "--reply", str(empty)])
    assert result.exit_code == 2 and "empty" in result.stderr
    missing = runner.invoke(app, ["draft", str(case), "--reply", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
