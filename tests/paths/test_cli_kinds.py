"""`reinstate draft --kind` and `reinstate paths` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from reinstate.cli import app
from tests.paths.conftest import IP_NOTICE, VARIATION_NOTICE

GROUNDS = """reasons: [listing-policy]
path:
  grounds:
    - text: The three child ASINs differ only in size (S, M and L), the variation theme of the family.
notices_received:
  - {date: 2026-07-01, reason: listing-policy}
  - {date: 2026-11-02, reason: listing-policy}
"""


def test_draft_kind_dispute_as_json(runner: CliRunner, write_case: Any) -> None:
    case = write_case(VARIATION_NOTICE, GROUNDS)
    result = runner.invoke(app, ["draft", str(case), "--kind", "dispute", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "reinstate.draft/1" and data["kind"] == "dispute" and data["ready"]
    assert data["letter"]["text"].startswith("Subject: Dispute of the listing policy violation")
    assert "repeat violations" in result.stderr  # draft warns about the two notices in 180 days


def test_draft_defaults_to_the_plan_of_action_and_says_a_dispute_fits(
    runner: CliRunner, write_case: Any
) -> None:
    case = write_case(VARIATION_NOTICE, GROUNDS)
    result = runner.invoke(app, ["draft", str(case), "--lang", "zh"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Subject: Plan of Action")
    assert "建议的途径是异议" in result.stderr and "--kind dispute" in result.stderr


def test_draft_writes_a_kind_over_its_own_earlier_draft(runner: CliRunner, write_case: Any) -> None:
    case = write_case(
        IP_NOTICE, "path:\n  grounds:\n    - text: We hold a licence from Keller Brands GmbH.\n"
    )
    out = case.parent / "retraction.txt"
    first = runner.invoke(app, ["draft", str(case), "--kind", "retraction", "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert out.read_text(encoding="utf-8").startswith("Subject: Request to retract complaint 8123456781")
    again = runner.invoke(app, ["draft", str(case), "--kind", "retraction", "-o", str(out)])
    assert again.exit_code == 0, again.output


def test_an_unknown_kind_exits_2_with_the_kinds(runner: CliRunner, write_case: Any) -> None:
    case = write_case(VARIATION_NOTICE, GROUNDS)
    result = runner.invoke(app, ["draft", str(case), "--kind", "appeal"])
    assert result.exit_code == 2
    assert "unknown letter kind 'appeal'" in result.stderr and "atoz-response" in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_paths_json_for_a_case(runner: CliRunner, write_case: Any) -> None:
    case = write_case(IP_NOTICE, "", marketplace="DE")
    result = runner.invoke(app, ["paths", str(case), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["recommended"] == "retraction"
    assert [p["path"] for p in data["paths"]] == ["retraction", "poa", "eu_statement_of_reasons"]
    assert data["repeats"] == []


def test_paths_text_for_a_notice_alone_with_an_outcome(runner: CliRunner, write_case: Any) -> None:
    case = write_case(VARIATION_NOTICE)
    result = runner.invoke(
        app, ["paths", "--notice", str(case.parent / "notice.txt"), "--outcome", "rejected"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Recommended: poa (draft --kind poa)")


def test_paths_needs_a_case_or_a_notice_and_known_outcomes(runner: CliRunner, write_case: Any) -> None:
    assert runner.invoke(app, ["paths"]).exit_code == 2
    case = write_case(VARIATION_NOTICE)
    bad = runner.invoke(app, ["paths", str(case), "--outcome", "lost"])
    assert bad.exit_code == 2 and "unknown --outcome 'lost'" in bad.stderr


def test_paths_with_an_empty_notice_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "notice.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["paths", "--notice", str(empty)])
    assert result.exit_code == 2 and "the notice is empty" in result.output
