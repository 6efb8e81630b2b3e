"""The phrase bank: every knowledge-base cause, action, measure and playbook step has a phrase, and
every phrase renders with its examples into English the reviewer finds nothing wrong with."""

from __future__ import annotations

import re

import pytest

from reinstate.kb import load_kb, load_phrase_bank
from reinstate.kb.phrases import CJK, Phrase, check_values
from reinstate.letters.english import read_action
from reinstate.letters.phrasing import PhraseValueError, render, render_example
from reinstate.review import review_text

BANK = load_phrase_bank()
PHRASES = sorted(BANK.phrases.values(), key=lambda p: p.id)
ENGLISH_AND_TONE = [
    "POA521",
    "POA522",
    "POA523",
    "POA524",
    "POA525",
    "POA526",
    "POA527",
    "POA528",
    "POA529",
    "tone",
]


def _needed() -> set[tuple[str, str, str]]:
    kb = load_kb()
    needed = set()
    for reason in kb.reasons.values():
        needed |= {(reason.id, "root_cause", c.id) for c in reason.root_causes}
        needed |= {(reason.id, "action_taken", a.id) for a in reason.corrective_actions}
        needed |= {(reason.id, "preventive_measure", m.id) for m in reason.preventive_measures}
    for playbook in kb.playbooks.values():
        needed |= {(playbook.id, "step", s.id) for s in playbook.steps}
    return needed


def test_every_knowledge_base_item_has_a_phrase() -> None:
    have = {(p.source, "step" if p.playbook else p.phrase.kind, p.phrase.kb) for p in PHRASES}
    missing = sorted(_needed() - have)
    assert not missing, f"{len(missing)} items have no phrase, e.g. {missing[:10]}"


@pytest.mark.parametrize("item", PHRASES, ids=lambda p: p.id)
def test_phrase_renders_cleanly(item) -> None:  # type: ignore[no-untyped-def]
    phrase: Phrase = item.phrase
    en, zh = render_example(phrase), render_example(phrase, "zh")
    assert not CJK.search(en), en
    assert not re.search(r"[{}\[\]|]", en + zh), (en, zh)
    assert CJK.search(zh), zh
    assert en[0].isupper() and en.endswith("."), en
    review = review_text(en, select=ENGLISH_AND_TONE)
    assert not review.findings, [(f.code, f.message, en[f.start : f.end]) for f in review.findings]


@pytest.mark.parametrize("item", [p for p in PHRASES if p.phrase.kind == "action_taken"], ids=lambda p: p.id)
def test_action_phrases_read_as_done_deeds(item) -> None:  # type: ignore[no-untyped-def]
    """The letter states a done action in the past and a planned one in the base form: both must work."""
    reading = read_action(render_example(item.phrase))
    assert reading.past and reading.base, (render_example(item.phrase), reading)


@pytest.mark.parametrize(
    "item", [p for p in PHRASES if any(not s.required for s in p.phrase.slots)], ids=lambda p: p.id
)
def test_optional_parts_drop_cleanly(item) -> None:  # type: ignore[no-untyped-def]
    values = {s.name: s.example for s in item.phrase.slots if s.required}
    en = render(item.phrase, values)
    assert "  " not in en and " ," not in en and not re.search(r"[{}\[\]]", en), en
    assert not review_text(en, select=ENGLISH_AND_TONE).findings, en


def test_counts_take_their_noun_in_the_right_number() -> None:
    phrase = BANK.find("order-defect-rate/listings-active-during-closure").phrase  # type: ignore[union-attr]
    values = {"closed": {"from": "2026-10-12", "to": "2026-10-12"}, "why": "move", "orders": 1}
    en = render(phrase, values)
    assert "1 defective order came" in en and "from 12 October 2026 because" in en
    assert "2026年10月12日期间" in render(phrase, values, "zh")
    assert "12 defective orders" in render(phrase, values | {"orders": 12})


def test_wrong_values_name_the_slot_and_the_fix() -> None:
    phrase = BANK.find("listings-active-during-closure").phrase  # type: ignore[union-attr]
    _, problems = check_values(
        phrase, {"closed": "2026-10-20/2026-10-12", "why": "party", "orders": "many", "who": 1}
    )
    by_slot = {p.slot: p for p in problems}
    assert set(by_slot) == {"closed", "why", "orders", "who"}
    assert "before it starts" in by_slot["closed"].message.en
    assert "holiday" in by_slot["why"].message.en and "可选项" in by_slot["why"].message.zh
    assert "whole number" in by_slot["orders"].message.en
    assert "no slot 'who'" in by_slot["who"].message.en
    with pytest.raises(PhraseValueError):
        render(phrase, {"why": "move", "orders": 3})


def test_local_ids_are_found_only_when_unique() -> None:
    for item in PHRASES:
        found = BANK.find(item.phrase.id)
        assert found is None or found is item or len(BANK.ambiguous(item.phrase.id)) == 1


def test_counts_read_as_a_consultant_writes_them() -> None:
    phrase = BANK.find("order-defect-rate/contact-and-refund-affected-buyers").phrase  # type: ignore[union-attr]
    assert render(phrase, {"buyers": 1240, "remedy": "refund"}).startswith("We contacted all 1,240 buyers")
    one = render(phrase, {"buyers": 1, "remedy": "refund"})
    assert one.startswith("We contacted the buyer with a defective order"), one


def test_irregular_plurals() -> None:
    from reinstate.letters.english import plural

    assert plural("person", 2) == "people" and plural("named person", 3) == "named people"
