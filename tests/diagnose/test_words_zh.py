"""Every English word table of the findings has a Chinese entry for each of its keys."""

from __future__ import annotations

import datetime as dt
import re

from reinstate.diagnose import complaints, odr, returns, shipping
from reinstate.diagnose.common import zh_word
from reinstate.diagnose.themes import (
    LOGISTICS,
    PRODUCT,
    REASON_CAUSES,
    REASON_CODES_ZH,
    THEMES,
    reason_code_zh,
)
from reinstate.sampledata.catalog import RETURN_REASONS

CJK = re.compile(r"[\u4e00-\u9fff]")


def _translated(english: dict[str, str], chinese: dict[str, str]) -> None:
    assert set(english) <= set(chinese), set(english) - set(chinese)
    for key in english:
        assert chinese[key].strip(), key


def test_odr_tables() -> None:
    _translated(odr.COMPONENT_WORDS, odr.COMPONENT_WORDS_ZH)
    _translated(odr.THEME_WORDS, odr.THEME_WORDS_ZH)
    _translated({column: label for column, label, _ in odr.DIMENSIONS}, odr.DIMENSIONS_ZH)
    assert set(THEMES) <= set(odr.THEME_WORDS), "every theme needs its words in odr"
    assert {"MFN", "AFN", "other"} <= set(odr.CHANNELS_ZH)
    for text in [*odr.COMPONENT_WORDS_ZH.values(), *odr.THEME_WORDS_ZH.values()]:
        assert CJK.search(text), text


def test_complaint_tables() -> None:
    _translated(complaints.WORDS, complaints.WORDS_ZH)
    themes = {theme for group in complaints.REASON_THEMES.values() for theme in group}
    assert themes <= set(complaints.WORDS)


def test_return_tables() -> None:
    _translated(returns.CLASS_WORDS, returns.CLASS_WORDS_ZH)
    _translated(returns.CLASS_NAMES, returns.CLASS_NAMES_ZH)
    codes = set(PRODUCT) | set(LOGISTICS) | set(REASON_CAUSES) | {code for code, _ in RETURN_REASONS}
    assert codes <= set(REASON_CODES_ZH), codes - set(REASON_CODES_ZH)
    assert reason_code_zh("apparel_too_small") == "apparel_too_small（尺码偏小）"
    assert reason_code_zh("SOMETHING_NEW") == "SOMETHING_NEW"


def test_shipping_tables() -> None:
    for problem in shipping.problems(dt.date(2026, 11, 20)):
        assert problem.noun in shipping.NOUNS_ZH, problem.noun
        assert all(CJK.search(part) for part in shipping.NOUNS_ZH[problem.noun])
        for _, label, _ in problem.columns:
            assert label in shipping.LABELS_ZH, label


def test_latin_words_get_spaces_in_chinese() -> None:
    assert zh_word("SKU") == " SKU "
    assert zh_word("承运商") == "承运商"
