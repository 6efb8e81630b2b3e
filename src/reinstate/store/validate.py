"""Checks on every value before it reaches the database.

Each check either returns the clean value or raises :class:`InvalidInput` naming the field and
the fix. Text is stored as given (escaping is the job of whoever renders it), but it must fit its
column, contain no NUL character (PostgreSQL refuses those) and, for the long fields, stay under
the store's text limit, so a 1 MB paste is refused with a message instead of filling the disk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath, PureWindowsPath

from reinstate.store.errors import InvalidInput
from reinstate.store.models import CASE_STATUSES, REPLY_OUTCOMES

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
MIN_PASSWORD = 8


def text(value: object, key: str, *, limit: int, required: bool = False) -> str:
    """A string of at most ``limit`` characters without NUL; stripped when it is a one-line field."""
    if not isinstance(value, str):
        raise InvalidInput(f"{key} must be text, not {type(value).__name__}.", key=key, fix="give a string.")
    if "\x00" in value:
        raise InvalidInput(f"{key} contains a NUL character.", key=key, fix="remove the binary data.")
    if len(value) > limit:
        raise InvalidInput(
            f"{key} is {len(value):,} characters long; the limit is {limit:,}.",
            key=key,
            fix="shorten it (paste only the relevant part).",
        )
    if required and not value.strip():
        raise InvalidInput(f"{key} is empty.", key=key, fix=f"give a {key.replace('_', ' ')}.")
    return value


def line(value: object, key: str, *, limit: int, required: bool = False) -> str:
    """A one-line field (title, name): stripped, with no line breaks."""
    clean = text(value, key, limit=limit, required=required).strip()
    if "\n" in clean or "\r" in clean:
        raise InvalidInput(f"{key} spans several lines.", key=key, fix="keep it on one line.")
    return clean


def email(value: object) -> str:
    """A lower-cased e-mail address of plausible shape."""
    clean = line(value, "email", limit=254, required=True).lower()
    if not EMAIL.match(clean):
        raise InvalidInput(f"{clean!r} is not an e-mail address.", key="email", fix="give name@example.com.")
    return clean


# Passwords that are long enough and still the first ones an attacker tries.
COMMON_PASSWORDS = frozenset(
    """1234567890 12345678910 0123456789 1234512345 1q2w3e4r5t qwertyuiop 1qaz2wsx3edc password123
    password1234 passwordpassword iloveyou123 qwerty12345 qwerty123456 abc1234567 a1234567890
    asdfghjkl1 zxcvbnm123 1111111111 0000000000 admin12345 administrator welcome123 letmein123
    changeme123 amazon1234 amazonseller sellercentral""".split()  # noqa: SIM905 - a word list
)


def password(value: object) -> str:
    """A password of at least ``MIN_PASSWORD`` characters that is not one an attacker tries first:
    not a well-known password, not one character or a run of digits repeated."""
    clean = text(value, "password", limit=1024)
    if len(clean) < MIN_PASSWORD:
        raise InvalidInput(
            f"the password is shorter than {MIN_PASSWORD} characters.",
            key="password",
            fix="choose a longer one.",
            message_zh=f"密码少于 {MIN_PASSWORD} 个字符。",
            fix_zh="请换一个更长的密码。",
        )
    folded = clean.lower()
    if folded in COMMON_PASSWORDS or len(set(folded)) <= 2 or folded.isdigit():
        raise InvalidInput(
            "this password is among the first an attacker tries.",
            key="password",
            fix="choose a phrase of several words, e.g. three words you will remember.",
            message_zh="这个密码是攻击者最先会尝试的密码之一。",
            fix_zh="请改用由几个词组成的短语，例如三个您记得住的词。",
        )
    return clean


def choice(value: object, key: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed``."""
    if value not in allowed:
        raise InvalidInput(f"{key} {value!r} is unknown.", key=key, fix=f"use one of: {', '.join(allowed)}.")
    return str(value)


def status(value: object) -> str:
    """A case status."""
    return choice(value, "status", CASE_STATUSES)


def outcome(value: object) -> str:
    """The outcome of one of Amazon's replies."""
    return choice(value, "outcome", REPLY_OUTCOMES)


def reasons(value: object) -> list[str]:
    """A list of reason ids (short strings), without repeats, in the order given."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidInput("reasons must be a list of reason ids.", key="reasons", fix="give a list.")
    clean: list[str] = []
    for item in value:
        rid = line(item, "reasons", limit=80, required=True)
        if rid not in clean:
            clean.append(rid)
    if len(clean) > 50:
        raise InvalidInput("more than 50 reasons.", key="reasons", fix="keep the reasons Amazon named.")
    return clean


def day(value: object, key: str, *, not_after_today: bool = False) -> date:
    """A date, from a ``date`` or an ISO ``YYYY-MM-DD`` string; optionally not in the future."""
    if value is None or value == "":
        raise InvalidInput(f"{key} is missing.", key=key, fix="give a date as YYYY-MM-DD.")
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError as error:
            raise InvalidInput(
                f"{key} {value!r} is not a date.", key=key, fix="write it as YYYY-MM-DD."
            ) from error
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidInput(f"{key} must be a date.", key=key, fix="give a date as YYYY-MM-DD.")
    # One day of slack: the user's clock may be ahead of the server's time zone.
    if not_after_today and value > date.today() + timedelta(days=1):
        raise InvalidInput(f"{key} {value.isoformat()} is in the future.", key=key, fix="give the real date.")
    return value


def optional_day(value: object, key: str) -> date | None:
    """A date, or ``None`` for no value."""
    return None if value is None or value == "" else day(value, key)


def json_text(value: object, key: str, *, limit: int, optional: bool = False) -> str | None:
    """JSON as text: a string is checked to parse, anything else is serialised."""
    if value is None:
        if optional:
            return None
        raise InvalidInput(f"{key} is missing.", key=key, fix="give a JSON value.")
    if isinstance(value, str):
        try:
            json.loads(value)
        except ValueError as error:
            raise InvalidInput(
                f"{key} is not valid JSON ({error}).", key=key, fix="give valid JSON."
            ) from error
        source = value
    else:
        try:
            source = json.dumps(value, ensure_ascii=False, sort_keys=True)
        except (TypeError, ValueError) as error:
            raise InvalidInput(
                f"{key} cannot be stored as JSON ({error}).", key=key, fix="give plain data."
            ) from error
    return text(source, key, limit=limit)


def filename(value: object) -> str:
    """The last part of an uploaded file's name (no folders), at most 255 characters."""
    raw = line(value, "filename", limit=4096, required=True)
    name = PureWindowsPath(PurePosixPath(raw).name).name.strip()
    if not name or name in {".", ".."}:
        raise InvalidInput(f"the file name {raw!r} is not usable.", key="filename", fix="rename the file.")
    return name[-255:]


def score(value: object) -> int | None:
    """A review score between 0 and 100, or ``None``."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise InvalidInput(
            f"score {value!r} is not a whole number from 0 to 100.", key="score", fix="give 0-100."
        )
    return value
