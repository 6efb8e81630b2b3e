"""Section detection on letters written every way sellers write them."""

from __future__ import annotations

import pytest

from reinstate.review.sections import detect_sections, heading_kind, present

HEADED_MARKDOWN = """\
**Subject:** Plan of Action – late shipments

Dear Seller Performance Team,

We take responsibility for the late shipments on our seller-fulfilled orders in October.

## Root Cause(s) of the Issue

1. Our handling time was set to one day while our packing team needed two.

## Corrective Actions Taken

1. On 3 November 2026 we changed the handling time to two days in every shipping template.

## Steps to Prevent Recurrence

1. The operations manager reviews the late shipment rate every Monday.

We ask you to reinstate our selling privileges.

Sincerely,
Oakridge Goods
"""

WORD_PASTE = """\
Dear Amazon Seller Performance Team,\r
\r
I understand our performance fell below Amazon's standards.\r
\r
Root cause: our stock counts were kept by hand, so we sold items we did not have.\r
\r
What we have done:\r
•\tCounted all stock on 12 November 2026 and corrected 48 quantities.\r
\r
Preventive measures:\r
•\tThe stock controller compares counts with Seller Central daily.\r
\r
Thank you for reviewing our appeal.\r
"""

UNHEADED = """\
Hello,

We accept that the condition complaints on our listings were caused by our own grading mistakes.

This happened because our upload template filled empty condition cells with "New", so 46 used SKUs were listed as new.

On 4 November 2026 we corrected the condition of all 46 SKUs and refunded the 9 buyers who complained.

Going forward, a second person checks every bulk upload before it is submitted, and the catalogue manager reviews conditions weekly.

We respectfully ask you to reinstate our listings.
"""

CHINESE = """\
根本原因：
1. 我们的库存表格由人工更新。

纠正措施：
1. 2026年11月12日完成了全部盘点。

预防措施：
1. 仓库主管每天核对库存。
"""


@pytest.mark.parametrize(
    ("letter", "expected"),
    [
        (
            HEADED_MARKDOWN,
            dict.fromkeys(
                ("opening", "root_causes", "actions_taken", "preventive_measures", "closing"), True
            ),
        ),
        (
            WORD_PASTE.replace("\r", ""),
            dict.fromkeys(
                ("opening", "root_causes", "actions_taken", "preventive_measures", "closing"), True
            ),
        ),
        (
            UNHEADED,
            dict.fromkeys(
                ("opening", "root_causes", "actions_taken", "preventive_measures", "closing"), True
            ),
        ),
        (
            CHINESE,
            {
                "opening": False,
                "root_causes": True,
                "actions_taken": True,
                "preventive_measures": True,
                "closing": False,
            },
        ),
    ],
    ids=["markdown", "word", "unheaded", "chinese"],
)
def test_sections_found(letter: str, expected: dict[str, bool]) -> None:
    assert present(detect_sections(letter), letter) == expected


def test_spans_are_in_order_and_cover_the_right_text() -> None:
    spans = detect_sections(HEADED_MARKDOWN)
    kinds = [s.kind for s in spans]
    assert kinds == ["opening", "root_causes", "actions_taken", "preventive_measures", "closing"]
    actions = next(s for s in spans if s.kind == "actions_taken")
    assert "changed the handling time" in HEADED_MARKDOWN[actions.start : actions.end]
    assert "Root Cause" not in HEADED_MARKDOWN[actions.start : actions.end]


def test_missing_actions_in_a_promise_only_plan() -> None:
    letter = (
        "We understand our ODR is above 1%.\n\nThe claims came because we answered buyer messages slowly.\n\n"
        "Plan of Action:\n1. We will answer every message within 24 hours.\n2. We will check our metrics daily.\n"
    )
    found = present(detect_sections(letter), letter)
    assert found["root_causes"] and found["preventive_measures"] and not found["actions_taken"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Root Cause(s) of the Issue", "root_causes"),
        ("ROOT CAUSE:", "root_causes"),
        ("1. Root causes", "root_causes"),
        ("Corrective actions", "actions_taken"),
        ("Actions we have taken:", "actions_taken"),
        # headings sellers write in real letters (seen in public appeals)
        ("My actions to resolve the issue:", "actions_taken"),
        ("A) What we have done to fix the problems:", "actions_taken"),
        (
            "B) What we have done to prevent the problems from happening again in the future:",
            "preventive_measures",
        ),
        ("My actions to prevent this from happening again.", "preventive_measures"),
        ("Actions Taken to Resolve the Issue", "actions_taken"),
        ("Preventive measures", "preventive_measures"),
        ("Steps to prevent this from happening again:", "preventive_measures"),
        ("### Plan of Action", "plan"),
        ("Attachments:", "attachments"),
    ],
)
def test_heading_kinds(line: str, kind: str) -> None:
    found = heading_kind(line)
    assert found is not None and found[0] == kind


def test_prose_is_not_a_heading() -> None:
    assert heading_kind("We found that the cause of the late shipments was our handling time.") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Corrective actions we have taken:", "actions_taken"),
        ("- Root cause: our upload template defaulted to New.", "root_causes"),
        ("• Prevention: a second person checks every upload.", "preventive_measures"),
    ],
)
def test_more_headings(line: str, kind: str) -> None:
    found = heading_kind(line)
    assert found is not None and found[0] == kind
