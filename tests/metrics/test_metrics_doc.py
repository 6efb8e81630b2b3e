"""docs/metrics.md names every metric the code can return, so the page cannot fall behind the code."""

from __future__ import annotations

from pathlib import Path

from reinstate.metrics import TARGETS
from reinstate.reports.formats import FORMATS

DOC = Path(__file__).parent.parent.parent / "docs" / "metrics.md"


def test_every_metric_key_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [key for key in TARGETS if f"`{key}`" not in text]
    assert not missing


def test_every_report_type_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [fmt.type for fmt in FORMATS if f"`{fmt.type}`" not in text]
    assert not missing
