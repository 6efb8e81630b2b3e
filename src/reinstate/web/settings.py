"""How the web app runs: database, users, limits. Built once by the shell and passed to ``create_app``."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from reinstate.store.base import DEFAULT_MAX_TEXT_CHARS

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None  # None: the SQLite file in the user data folder
    multi_user: bool = False  # accounts, sessions and CSRF; forced on for non-loopback hosts
    host: str = "127.0.0.1"
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    max_upload_bytes: int = 50 * 1024 * 1024
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS  # a pasted notice or letter: the store's own limit
    background_analysis: bool = True  # analyse uploads after answering, one at a time, on one core
    # A background analysis that runs longer, or needs more memory, is stopped and the case says why
    # (web/jobs.py); with background_analysis off (tests) uploads are analysed in the request, unlimited.
    analysis_seconds: float = 300.0
    analysis_memory_bytes: int = 2 * 1024 * 1024 * 1024
    # Names besides loopback and `host` that requests may use (--allowed-host).
    allowed_hosts: tuple[str, ...] = ()
    # On a network address, the first administrator is created only with this token (printed by
    # `serve`), so a stranger on the network who opens /setup first cannot take the server.
    setup_token: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    @property
    def max_field_bytes(self) -> int:
        """The largest form field to parse: ``max_text_chars`` characters of up to 4 UTF-8 bytes, each byte
        sent as ``%XX`` by a browser's form. Longer text is refused after parsing, counted in characters."""
        return self.max_text_chars * 12 + 1024

    @property
    def needs_login(self) -> bool:
        return self.multi_user or self.host not in LOOPBACK

    @property
    def setup_needs_token(self) -> bool:
        return self.host not in LOOPBACK

    @property
    def secure_cookies(self) -> bool:
        """Off loopback the session cookie is marked Secure: put the app behind HTTPS on a network."""
        return self.host not in LOOPBACK


def secret_key_file(folder: Path) -> str:
    """A secret kept beside the database, so sessions survive a restart."""
    path = folder / "secret.key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
