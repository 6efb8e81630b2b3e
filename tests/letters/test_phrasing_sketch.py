"""A phrase half filled in (the web form's live preview) is written by the same filler as the letter."""

from __future__ import annotations

from reinstate.kb import load_phrase_bank
from reinstate.kb.phrases import Phrase, Slot
from reinstate.letters.phrasing import render, sketch

CLOSURE = "order-defect-rate/listings-active-during-closure"
VALUES = {"closed": {"from": "2026-10-12", "to": "2026-10-20"}, "why": "move", "orders": 12}


def phrase(local_id: str) -> Phrase:
    item = load_phrase_bank().find(local_id)
    assert item is not None
    return item.phrase


def label(slot: Slot) -> str:
    return f"<{slot.name}>"


def test_the_callback_writes_every_slot_without_a_value() -> None:
    seen: list[str] = []

    def missing(slot: Slot) -> str:
        seen.append(slot.name)
        return label(slot)

    en = sketch(phrase(CLOSURE), {}, "en", missing)
    assert en.startswith("Our warehouse could not ship from <closed> because of <why>,")
    assert "<orders> of the <total> in the period" in en  # the optional part is kept, to be filled in
    assert seen == ["closed", "why", "orders", "total"]
    assert "<closed>期间" in sketch(phrase(CLOSURE), {}, "zh", label)


def test_given_values_are_written_as_the_letter_writes_them() -> None:
    en = sketch(phrase(CLOSURE), VALUES, "en", label)
    assert "could not ship from 12 to 20 October 2026 because of a warehouse move," in en
    assert (
        "12 defective orders of the <total> in the period" in en
    )  # the count takes its noun, as in the letter
    complete = VALUES | {"total": 73}
    assert sketch(phrase(CLOSURE), complete, "en", label) == render(phrase(CLOSURE), complete)


def test_a_value_that_does_not_parse_is_shown_as_missing() -> None:
    en = sketch(phrase(CLOSURE), {"orders": "many", "why": "a party"}, "en", label)
    assert "<orders>" in en and "<why>" in en


def test_a_count_agreeing_word_takes_its_plural_while_the_count_is_missing() -> None:
    agreeing = [
        item.phrase for item in load_phrase_bank().phrases.values() if "{late?was:were}" in item.phrase.en
    ]
    assert agreeing
    for item in agreeing:
        en = sketch(item, {}, "en", label)
        assert " were " in en, en  # "{late?was:were}" with no count: the plural
        assert "<late>" in en and "{" not in en and "}" not in en and "?" not in en, en
