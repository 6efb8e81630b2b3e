"""A notice is a few thousand characters: a paste of megabytes is refused at once, not read for minutes."""

from __future__ import annotations

import pytest

from reinstate.errors import InputError
from reinstate.notice import MAX_NOTICE_CHARS, parse_notice


def test_a_huge_paste_is_refused_quickly_with_the_fix() -> None:
    text = "\t".join(["x"] * 2_000_000)  # the 10 MB tab line kept `notice` busy for over a minute
    with pytest.raises(InputError) as caught:
        parse_notice(text, source="big.txt")
    assert "not one notice" in caught.value.message and caught.value.message_zh


def test_markup_does_not_count_toward_the_limit() -> None:
    body = "Your order defect rate does not meet our performance target of less than 1%. "
    html = "<html><body>" + "<div style='x'></div>" * 20_000 + f"<p>{body}</p></body></html>"
    assert len(html) > MAX_NOTICE_CHARS / 2
    assert "order-defect-rate" in parse_notice(html).reason_ids


def test_a_paste_of_megabytes_is_not_reviewed_as_a_letter() -> None:
    from reinstate.review import MAX_LETTER_CHARS, review_text

    with pytest.raises(InputError) as caught:
        review_text("word " * (MAX_LETTER_CHARS // 5 + 1))
    assert "an appeal letter is a few thousand" in caught.value.message and caught.value.message_zh
    assert review_text("word " * (MAX_LETTER_CHARS // 5 - 1)).score >= 0  # at the limit: reviewed
