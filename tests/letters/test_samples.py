"""The bundled sample cases: golden letters, and the standards every sample letter must meet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reinstate.case import load_case
from reinstate.letters import Draft, draft_appeal
from reinstate.letters.dates import normalise_dates
from reinstate.samples import SAMPLE_CASES, sample_dir

GOLDEN = Path(__file__).parent / "golden"


def sample_draft(name: str) -> tuple[Draft, str]:
    folder = sample_dir(name)
    path = Path(str(folder)) / "case.yaml"
    loaded = load_case(path)
    return draft_appeal(loaded), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SAMPLE_CASES)
def test_golden_letter(name: str, request: pytest.FixtureRequest) -> None:
    draft, _ = sample_draft(name)
    golden = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden"):
        golden.write_text(draft.text, encoding="utf-8")
    assert draft.text == golden.read_text(encoding="utf-8"), "run pytest --update-golden on purpose"


@pytest.mark.parametrize("name", SAMPLE_CASES)
def test_sample_letters_meet_the_standard(name: str) -> None:
    draft, _ = sample_draft(name)
    assert draft.words <= draft.max_words
    assert not [w for w in draft.warnings if w.code not in {"document-not-listed"}], draft.warnings
    assert not re.search(r"\b(sorry|apologi[sz]e|beg|heartbroken|unfortunately)\b", draft.text, re.I)
    assert draft.letter.root_causes and draft.letter.actions_taken and draft.letter.preventive_measures
    assert draft.review is not None and draft.review.score >= 85
    assert not [f for f in draft.review.findings if f.severity == "error"], draft.review.findings
    for item in draft.letter.actions_taken:
        assert re.match(
            r"On \d{1,2} \w+ 20\d\d we \w+ed|On \d{1,2} \w+ 20\d\d we (set|made|sent|wrote|ran|put|bought)|\d",
            item.text,
        )


@pytest.mark.parametrize("name", SAMPLE_CASES)
def test_every_given_fact_reaches_the_letter(name: str) -> None:
    draft, _ = sample_draft(name)
    case = load_case(Path(str(sample_dir(name))) / "case.yaml").case
    flat = " ".join(draft.text.split())
    for fact in case.facts:
        assert normalise_dates(fact.text).rstrip(".") in flat
    for cause in case.root_causes:
        if cause.evidence:
            assert normalise_dates(cause.evidence).rstrip(".")[1:] in flat
    for measure in case.preventive_measures:
        assert measure.text.rstrip(".")[1:] in flat
        assert measure.owner is not None and measure.owner in flat


def test_samples_read_differently() -> None:
    openings = [sample_draft(n)[0].letter.opening for n in SAMPLE_CASES]
    assert len(set(openings)) == len(openings)
    paragraphs = [set(sample_draft(n)[0].text.split("\n\n")[2:]) for n in SAMPLE_CASES]
    for i, first in enumerate(paragraphs):
        for second in paragraphs[i + 1 :]:
            assert not (first & second - {"Sincerely,"}), first & second
