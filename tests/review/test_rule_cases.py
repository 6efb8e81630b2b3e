"""Every rule's pass and fail examples, from ``tests/review/cases/POAnnn.yml``, run by one generic test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reinstate.review import RULES, context_for, review_text
from reinstate.review.document import ReviewContext

CASES = Path(__file__).parent / "cases"


def load_cases() -> list[tuple[str, str, int, dict[str, Any]]]:
    params = []
    for path in sorted(CASES.glob("POA*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("fail", "pass"):
            for index, example in enumerate(data.get(kind) or []):
                params.append((data["code"], kind, index, example))
    return params


def context_of(example: dict[str, Any]) -> ReviewContext | None:
    raw = example.get("context")
    if not raw:
        return None
    return context_for(
        raw.get("reasons", []),
        asins=raw.get("asins", []),
        order_ids=raw.get("order_ids", []),
        complaint_ids=raw.get("complaint_ids", []),
        documents=raw.get("documents", []),
        kind=raw.get("kind", "poa"),
    )


@pytest.mark.parametrize(("code", "kind", "index", "example"), load_cases(), ids=lambda v: str(v)[:20])
def test_rule_example(code: str, kind: str, index: int, example: dict[str, Any]) -> None:
    text = example["text"]
    review = review_text(text, context=context_of(example))
    found = [f for f in review.findings if f.code == code]
    if kind == "pass":
        assert not found, f"{code} pass example {index} flagged: {[text[f.start : f.end] for f in found]}"
        return
    assert found, f"{code} fail example {index} not flagged"
    if "span" in example:
        spans = [text[f.start : f.end] for f in found]
        assert any(example["span"] in s for s in spans), (
            f"{code}: expected span {example['span']!r} in {spans}"
        )


def test_every_rule_has_examples_and_docs() -> None:
    files = {p.stem for p in CASES.glob("POA*.yml")}
    for code, rule in RULES.items():
        assert code in files, f"{code} has no tests/review/cases/{code}.yml"
        data = yaml.safe_load((CASES / f"{code}.yml").read_text(encoding="utf-8"))
        assert data["name"] == rule.name, code
        assert data.get("fail") and data.get("pass"), f"{code} needs at least one fail and one pass example"
        assert len(rule.doc) > 30, f"{code} needs a docstring saying why the rule exists"
        assert rule.message_zh and rule.suggestion_zh, code
