"""The interface in English and Chinese through gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``).

Catalogs are compiled in memory with Babel when the app starts, so the ``.po`` file is the only
source of truth. The language comes from ``?lang=``, then the ``lang`` cookie, then the browser.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

LANGS = ("en", "zh")
LOCALE_DIR = Path(__file__).parent / "locale"
CATALOGS = {"zh": "zh_CN"}


@cache
def translations(lang: str) -> gettext.NullTranslations:
    folder = CATALOGS.get(lang)
    if folder is None:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / folder / "LC_MESSAGES" / "messages.po").open("rb") as po:
        catalog = read_po(po, locale=folder)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def gettext_for(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    for candidate in (query, cookie):
        if candidate in LANGS:
            return candidate
    if accept and accept.lower().startswith("zh"):
        return "zh"
    return "en"
