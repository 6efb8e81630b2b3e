"""Past-tense conversion of the seller's action text."""

from __future__ import annotations

import pytest

from reinstate.letters.tense import base_clause, lower_first, past_clause, reads_as_plan, sentence


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Refund all 12 affected buyers in full", "refunded all 12 affected buyers in full"),
        ("Refunded all 12 affected buyers in full.", "refunded all 12 affected buyers in full"),
        ("We refunded all 12 affected buyers", "refunded all 12 affected buyers"),
        ("We have updated the shipping templates", "updated the shipping templates"),
        ("Ship the backlog", "shipped the backlog"),
        ("Write a closure procedure", "wrote a closure procedure"),
        ("Set handling time to 3 days", "set handling time to 3 days"),
        ("Reclassify 46 SKUs", "reclassified 46 SKUs"),
        ("Fully refund the buyers", "fully refunded the buyers"),
        ("Buy Shipping labels for every order", "bought Shipping labels for every order"),
    ],
)
def test_past_clause(text: str, clause: str) -> None:
    assert past_clause(text) == clause


@pytest.mark.parametrize("text", ["All 12 buyers were refunded", "SKU audit of 340 items", "Inventory count"])
def test_unknown_shapes_are_left_alone(text: str) -> None:
    assert past_clause(text) is None


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("We will refund every buyer", True),
        ("We plan to retrain staff", True),
        ("Going to switch carriers", True),
        ("Refunded every buyer", False),
        ("Willow Street warehouse closed", False),
    ],
)
def test_reads_as_plan(text: str, plan: bool) -> None:
    assert reads_as_plan(text) is plan


def test_sentence_and_lower_first() -> None:
    assert sentence("refunded buyers") == "Refunded buyers."
    assert sentence("Done!") == "Done!"
    assert lower_first("Operations manager") == "operations manager"
    assert lower_first("SKU counts") == "SKU counts"
    assert lower_first("FBA removal") == "FBA removal"


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Refunded all buyers", "refund all buyers"),
        ("We shipped the backlog", "ship the backlog"),
        ("Wrote a procedure", "write a procedure"),
        ("Move every order to a tracked carrier", "Move every order to a tracked carrier"),
        ("All buyers were refunded", "All buyers were refunded"),
    ],
)
def test_base_clause(text: str, base: str) -> None:
    assert base_clause(text) == base
