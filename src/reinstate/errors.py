"""The one error hierarchy of reinstate.

The library raises only these. Each shell translates them in one place: the CLI prints
``str(error)`` on one line and exits with code 2. Every message says what is wrong and how
to fix it, and names the file, the key and the line where it can.
"""

from __future__ import annotations

from pathlib import Path


class ReinstateError(Exception):
    """Base class: a problem with the user's input or the installation, never a bug."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        key: str | None = None,
        fix: str | None = None,
        message_zh: str | None = None,
        fix_zh: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.key = key
        self.fix = fix
        self.message_zh = message_zh  # for the Chinese interface, where a seller meets this error
        self.fix_zh = fix_zh
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        """The one-line message; in Chinese (``lang="zh"``) when the error has a Chinese text."""
        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        if lang == "zh" and self.message_zh:
            fix_zh = self.fix_zh or self.fix
            return (
                (f"{where}：" if where else "")
                + (f"{self.key}：" if self.key else "")
                + self.message_zh
                + (f" 解决办法：{fix_zh}" if fix_zh else "")
            )
        return (
            (f"{where}: " if where else "")
            + (f"{self.key}: " if self.key else "")
            + self.message
            + (f" Fix: {self.fix}" if self.fix else "")
        )


class InputError(ReinstateError):
    """A file the user gave cannot be read or parsed."""


class CaseFileError(InputError):
    """A case file is missing a key, has an unknown key or a wrong value."""


class UnknownReasonError(InputError):
    """A reason id that the knowledge base does not know."""


class KnowledgeBaseError(ReinstateError):
    """A knowledge-base data file is invalid (a bug in the package data, caught by tests)."""


class OutputError(ReinstateError):
    """A result cannot be written where the user asked."""
