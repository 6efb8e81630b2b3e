"""Every interface string has a Chinese translation, and the catalog compiles."""

from __future__ import annotations

import re
from pathlib import Path

from reinstate.web.i18n import translations

WEB = Path(__file__).parents[2] / "src" / "reinstate" / "web"
LITERAL = re.compile(r"""_\(\s*(["'])(.+?)\1\s*\)""")
DYNAMIC = ["draft", "submitted", "reinstated", "rejected", "closed", "accepted", "more-info", "other"]


def interface_strings() -> set[str]:
    found: set[str] = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py"), *WEB.glob("routes/*.py")]:
        found |= {m.group(2) for m in LITERAL.finditer(path.read_text(encoding="utf-8"))}
    return found | set(DYNAMIC)


def test_every_string_is_translated() -> None:
    zh = translations("zh")
    missing = sorted(s for s in interface_strings() if zh.gettext(s) == s)
    assert not missing, f"add these to locale/zh_CN/LC_MESSAGES/messages.po: {missing}"


def test_placeholders_survive_translation() -> None:
    zh = translations("zh")
    for text in interface_strings():
        assert re.findall(r"%\(\w+\)s", text) == re.findall(r"%\(\w+\)s", zh.gettext(text)), text
