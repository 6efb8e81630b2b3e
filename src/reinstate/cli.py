"""The command line: parse, call the library, format. The only module that prints or exits.

Every library error becomes one line on stderr and exit code 2 (spec section 1).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import replace
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


def emit_json(payload: dict[str, Any]) -> None:
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


@app.command()
@handles_errors
def reasons(
    reason_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="A reason id; omit to list all.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the explanation.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """List the reasons the knowledge base knows, or show one: explanation, target, causes, documents."""
    from reinstate.kb import describe, load_kb

    kb = load_kb()
    if reason_id is None:
        if output is OutputFormat.json:
            emit_json(describe.list_json(kb))
        else:
            typer.echo(describe.list_text(kb, lang.value), nl=False)
        return
    reason = kb.reason(reason_id)
    if output is OutputFormat.json:
        emit_json(describe.reason_json(kb, reason))
    else:
        typer.echo(describe.reason_text(kb, reason, lang.value), nl=False)


@app.command()
@handles_errors
def init(
    path: Annotated[Path, typer.Argument(metavar="CASE.yaml", help="Where to write the case file.")] = Path(
        "case.yaml"
    ),
    notice: Annotated[Path | None, typer.Option(help="Amazon's notice: its reasons fill the case.")] = None,
    reason: Annotated[list[str] | None, typer.Option(help="A reason id (repeat for several).")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the comments and questions.")] = Lang.en,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter case file, with the questions to answer for each reason."""
    import os

    from reinstate.case.starter import starter_case
    from reinstate.kb import load_kb
    from reinstate.yamlio import read_text

    kb = load_kb()
    chosen = [kb.reason(r) for r in reason or []]
    notice_ref = None
    if notice is not None:
        text = read_text(notice)
        if not chosen:
            chosen = [kb.reason(rid) for rid, _ in kb.match_reasons(text)]
        notice_ref = os.path.relpath(notice.resolve(), path.resolve().parent)
    if path.exists() and not force:
        raise InputError(
            "already exists.", path=path, fix="choose another name, or add --force to overwrite it."
        )
    content = starter_case(kb, chosen, lang=lang.value, file_name=path.name, notice=notice_ref)
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot be written ({exc.strerror}).", path=path) from None
    found = ", ".join(r.id for r in chosen) or "none (add them under reasons:)"
    typer.echo(f"Wrote {path} (reasons: {found}). Fill it in, then run: reinstate draft {path}", err=True)


@app.command()
@handles_errors
def draft(
    case: Annotated[Path, typer.Argument(metavar="CASE.yaml", help="The case file.")],
    output_format: Annotated[
        DraftFormat | None,
        typer.Option("--format", help="md, txt, json or docx (default: from -o, else txt)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write to this file.")] = None,
    notice: Annotated[Path | None, typer.Option(help="Use this notice instead of the case file's.")] = None,
    reports: Annotated[
        Path | None, typer.Option(help="Use these reports instead of the case file's.")
    ] = None,
    max_words: Annotated[int | None, typer.Option(help="Word budget of the letter (default 650).")] = None,
    form_limit: Annotated[
        int | None, typer.Option(help="Characters per appeal-form answer (default 2000).")
    ] = None,
    lang: Annotated[Lang | None, typer.Option(help="Language of the warnings (default: the case's).")] = None,
) -> None:
    """Write the appeal (Plan of Action) for a case file; warnings say what the case still lacks."""
    from reinstate.case import load_case
    from reinstate.letters import DraftOptions, draft_appeal
    from reinstate.yamlio import read_text

    fmt = _draft_format(output_format, output)
    loaded = load_case(case)
    if notice is not None:
        loaded = replace(loaded, notice_text=read_text(notice))
    if reports is not None:
        if not reports.exists():
            raise InputError(
                "does not exist.", path=reports, fix="give a report file or a folder of reports."
            )
        loaded = replace(loaded, report_paths=(reports,))
    if (max_words is not None and max_words < 150) or (form_limit is not None and form_limit < 200):
        raise fail("--max-words must be at least 150 and --form-limit at least 200.")
    result = draft_appeal(loaded, options=DraftOptions(max_words=max_words, form_limit=form_limit))
    _write_draft(result, fmt, output)
    warn_lang = (lang or Lang(loaded.case.language)).value
    for warning in result.warnings:
        typer.secho(f"warning: {warning.text(warn_lang)}", fg=typer.colors.YELLOW, err=True)
    if result.review is not None:
        counts = result.review.counts()
        typer.echo(
            f"review: {result.review.score}/100 ({counts['error']} errors, {counts['warning']} warnings, "
            f"{counts['info']} notes); see it in full with `reinstate review` on the letter.",
            err=True,
        )
    if output is not None:
        summary = f"Wrote {output} ({result.words} words, {len(result.warnings)} warnings)."
        typer.echo(summary, err=True)


def _draft_format(chosen: DraftFormat | None, output: Path | None) -> str:
    if chosen is not None:
        fmt = "txt" if chosen is DraftFormat.text else chosen.value
    elif output is not None and output.suffix.lower().lstrip(".") in {"md", "txt", "json", "docx"}:
        fmt = output.suffix.lower().lstrip(".")
    else:
        fmt = "txt"
    if fmt == "docx" and output is None:
        raise fail("a Word file needs a file name: add -o appeal.docx.")
    return fmt


def _write_draft(result: Any, fmt: str, output: Path | None) -> None:
    from reinstate.letters import write_docx

    if fmt == "docx":
        assert output is not None
        write_docx(result, output)
        return
    if fmt == "json":
        content = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        content = result.markdown if fmt == "md" else result.text
    if output is None:
        typer.echo(content, nl=False)
        return
    try:
        output.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot be written ({exc.strerror}).", path=output) from None


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


MAX_LETTER_BYTES = 10 * 1024 * 1024


def _read_letter(source: str) -> str:
    from reinstate.yamlio import decode_text, read_text

    if source == "-":
        raw = sys.stdin.buffer.read(MAX_LETTER_BYTES + 1)
        name = "<stdin>"
    else:
        path = Path(source)
        if path.is_file() and path.stat().st_size > MAX_LETTER_BYTES:
            raise InputError(
                "is larger than 10 MB; an appeal letter is a few pages.",
                path=path,
                fix="give the letter itself, not a whole mailbox or document.",
            )
        return read_text(path)
    if len(raw) > MAX_LETTER_BYTES:
        raise InputError("the input is larger than 10 MB; an appeal letter is a few pages.", path=name)
    return decode_text(raw, source=name)


@app.command()
@handles_errors
def review(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", help="The letter (text, Markdown or pasted from Word); - for stdin."
        ),
    ],
    reason: Annotated[
        list[str] | None, typer.Option(help="A reason the letter must answer (repeat for several).")
    ] = None,
    notice: Annotated[
        Path | None, typer.Option(help="Amazon's notice: its reasons and cited items must be answered.")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.error,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules: code, name prefix or category.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules: code, name prefix or category.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the findings.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Review any appeal letter like a strict expert: a score, findings at their place, and fixes."""
    from reinstate.review import review_text
    from reinstate.review.render import review_text_report

    text = _read_letter(file)
    context = _review_context(reason or [], notice)
    result = review_text(text, context=context, select=select or [], ignore=ignore or [])
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(review_text_report(result, lang.value), nl=False)
    levels = {"error"} if fail_on is FailOn.error else {"error", "warning"}
    if any(f.severity in levels for f in result.findings):
        raise typer.Exit(code=1)


def _review_context(reasons: list[str], notice: Path | None) -> Any:
    from reinstate.kb import load_kb
    from reinstate.review import context_for
    from reinstate.yamlio import read_text

    kb = load_kb()
    if notice is None:
        return context_for(reasons, kb=kb) if reasons else None
    text = read_text(notice)
    found = [rid for rid, _ in kb.match_reasons(text)]
    return context_for(reasons or found, kb=kb)


@app.command()
@handles_errors
def demo(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write the results.")] = Path(
        "demo-output"
    ),
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Draft every bundled sample case into DIR (md, txt, json, docx) and say where."""
    from reinstate.demo import run_demo

    results = run_demo(folder)
    if output is OutputFormat.json:
        emit_json(
            {
                "schema": "reinstate.demo/1",
                "folder": str(folder),
                "cases": [
                    {
                        "name": r.name,
                        "folder": str(r.folder),
                        "reasons": r.draft.reasons,
                        "words": r.draft.words,
                        "warnings": [w.text() for w in r.draft.warnings],
                    }
                    for r in results
                ],
            }
        )
        return
    typer.echo(f"Drafted {len(results)} sample appeals into {folder}/:\n")
    for r in results:
        n = len(r.draft.warnings)
        reasons = ", ".join(r.draft.reasons)
        typer.echo(
            f"  {r.name:<28} {reasons:<48} {r.draft.words:>4} words  {n} warning{'' if n == 1 else 's'}"
        )
        for warning in r.draft.warnings:
            typer.secho(f"      - {warning.text()}", fg=typer.colors.YELLOW)
    first = results[0].folder / "appeal.md"
    typer.echo(
        f"\nEach folder holds case.yaml, notice.txt and appeal.md/.txt/.json/.docx. Start with {first}"
    )


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
