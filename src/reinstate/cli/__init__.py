"""The command line: parse, call the library, format. The only package that prints or exits.

Every library error becomes one line on stderr and exit code 2 (spec section 1). Each command
lives in a module of this package, by area; importing them registers them on ``app`` in the order
of spec section 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from reinstate import __version__
from reinstate.errors import InputError, ReinstateError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="reinstate",
    help="Write and check Plans of Action for suspended Amazon sellers, on your own machine.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(StrEnum):
    en = "en"
    zh = "zh"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class DraftFormat(StrEnum):
    md = "md"
    txt = "txt"
    text = "text"
    json = "json"
    docx = "docx"


def fail(message: str) -> typer.Exit:
    typer.secho(f"reinstate: error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=2)


def handles_errors(func: F) -> F:
    """Turn every library error into one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReinstateError as exc:
            raise fail(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def emit_json(payload: dict[str, Any] | list[Any]) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reinstate {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Write and check Plans of Action for suspended Amazon sellers, on your own machine."""


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()


def read_input(source: str, *, what: str = "file") -> str:
    """Text from a file or stdin (``-``) in any common encoding, within ``yamlio.MAX_TEXT_BYTES`` (10 MB)."""
    from reinstate.yamlio import MAX_TEXT_BYTES, decode_text, read_text

    if source != "-":
        return read_text(Path(source))  # regular files only, with the same cap
    raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    if len(raw) > MAX_TEXT_BYTES:
        raise InputError(f"the input is larger than 10 MB; a {what} is a few pages.", path="<stdin>")
    return decode_text(raw, source="<stdin>")


from reinstate.cli import commands  # noqa: E402  (registers every command on `app`)

__all__ = ["app", "commands", "main"]
