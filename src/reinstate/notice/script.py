"""Traditional Chinese in, simplified Chinese out, before anything reads the notice.

The knowledge base's Chinese phrases and the reader's Chinese patterns (headings, scope, deadlines,
documents) are written in simplified Chinese, the script of Amazon's Chinese Seller Central. A seller in
Taiwan or Hong Kong pastes the same notice in traditional characters (帳戶, 賣家, 銷售權限已被移除); each
line holding a traditional character is converted with OpenCC's ``t2s`` dictionaries (``opencc-purepy``,
pure Python, MIT, its dictionaries ship inside the package: nothing is downloaded). Lines keep their
number, so every line the reader reports is still the line the seller pasted.

The converter takes about 0.2 s to load, so it is imported only when the text holds a character that
OpenCC's own table (``TSCharacters.txt``, read without importing the converter) says is traditional:
English and simplified notices never load it.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# OpenCC writes 帳 as 帐 (its standard simplified form), but Amazon's Chinese notices write the
# account, the bill and the statement with 账 (账户, 账单, 对账单), as do the reader's patterns.
ACCOUNT_CHAR = str.maketrans("帐", "账")


@cache
def _traditional_chars() -> frozenset[str] | None:
    """The characters OpenCC turns into something else in ``t2s``, or ``None`` when its table
    cannot be read this way (then every text with Han characters goes through the converter)."""
    spec = importlib.util.find_spec("opencc_purepy")
    if spec is None or not spec.submodule_search_locations:
        return None
    table = Path(next(iter(spec.submodule_search_locations))) / "dicts" / "TSCharacters.txt"
    try:
        rows = table.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    chars = set()
    for row in rows:
        key, _, values = row.partition("\t")
        if key and values and values.split()[0] != key:
            chars.add(key)
    return frozenset(chars) or None


@cache
def _converter() -> Callable[[str], str]:
    from opencc_purepy import OpenCC  # imported lazily: only traditional text needs it

    return OpenCC("t2s").convert


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character that is written differently in simplified Chinese."""
    if not HAN.search(text):
        return False
    chars = _traditional_chars()
    return chars is None or not chars.isdisjoint(text)


def to_simplified(lines: tuple[str, ...]) -> tuple[str, ...]:
    """``lines`` with every line that holds a traditional character converted to simplified Chinese;
    other lines (English, simplified Chinese) are returned as they are."""
    if not has_traditional("".join(lines)):
        return lines
    convert = _converter()
    return tuple(convert(line).translate(ACCOUNT_CHAR) if has_traditional(line) else line for line in lines)
