"""`reinstate draft`: the appeal from a case file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from reinstate.cli import DraftFormat, Lang, app, fail, handles_errors
from reinstate.errors import InputError


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
    appendix: Annotated[
        bool | None,
        typer.Option("--appendix/--no-appendix", help="Add a table of the defective orders in the reports."),
    ] = None,
    lang: Annotated[Lang | None, typer.Option(help="Language of the warnings (default: the case's).")] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with code 1 when the letter is not ready to send.")
    ] = False,
    allow_outside: Annotated[
        bool,
        typer.Option(
            "--allow-outside",
            help="Let the case file name a notice or reports outside its own folder (for a case you wrote).",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Write -o over an existing file that is not an earlier draft.")
    ] = False,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="The letter: poa (default), dispute, retraction, aha-acknowledgement, seller-challenge, "
            "atoz-response or statement-of-reasons. `reinstate paths` says which one fits the notice.",
        ),
    ] = "poa",
    reply: Annotated[
        Path | None,
        typer.Option(
            "--reply",
            help="Amazon's answer to the last appeal: warn about every ask the case and this draft do not answer.",
        ),
    ] = None,
    mirror: Annotated[
        bool,
        typer.Option(
            "--mirror",
            help="With -o x.docx, also write x.mirror-zh.docx: each point in English beside its Chinese, "
            "for you to read (never send it to Amazon).",
        ),
    ] = False,
    documents: Annotated[
        list[Path] | None,
        typer.Option(
            "--documents",
            metavar="FILE",
            help="A supplier document to attach (repeat): checked as `reinstate documents` does, listed "
            "among the attachments, and a warning when it fails one of Amazon's checks.",
        ),
    ] = None,
) -> None:
    """Write the appeal (Plan of Action) for a case file; warnings say what the case still lacks.

    `--kind` writes another answer instead: a dispute, a retraction request to the rights owner, an AHA
    acknowledgement, a Seller Challenge, an A-to-z claim response or a request for the statement of reasons.

    stderr starts with whether the letter is ready to send and, if not, what blocks it; `--strict`
    then exits with 1, so a script never sends a letter that is not ready.
    """
    from reinstate.case import load_case
    from reinstate.letters import DraftOptions
    from reinstate.letters.kinds import check_kind, draft_letter
    from reinstate.yamlio import read_text

    check_kind(kind)
    fmt = _draft_format(output_format, output)
    mirror_path = _mirror_path(output, fmt) if mirror else None
    loaded = load_case(case, allow_outside=allow_outside)
    if output is not None:
        inputs = [case, *(p for p in (notice, reports) if p is not None), *loaded.report_paths]
        _check_output(output, inputs, force)
        if mirror_path is not None:
            _check_output(mirror_path, inputs, force)
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
    answer = _read_reply(reply) if reply is not None else None
    document_warnings: list[Any] = []
    if documents:
        loaded, document_warnings = _with_documents(loaded, documents)
    result = draft_letter(
        loaded,
        kind,
        options=DraftOptions(max_words=max_words, form_limit=form_limit, appendix=appendix),
        outcomes=(str(answer.outcome),) if answer is not None else (),
    )
    if answer is not None:
        from reinstate.reply import check_against

        result = replace(result, warnings=[*result.warnings, *check_against(answer, loaded.case, result)])
    if document_warnings:
        result = replace(result, warnings=[*result.warnings, *document_warnings])
    _write_draft(result, fmt, output)
    if mirror_path is not None:
        from reinstate.letters import write_mirror_docx

        write_mirror_docx(result, mirror_path)
    warn_lang = (lang or Lang(loaded.case.language)).value
    _say_readiness(result, warn_lang)
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
        if mirror_path is not None:
            summary += f" Wrote {mirror_path}: the Chinese mirror, for you only."
        typer.echo(summary, err=True)
    if strict and not result.ready:
        raise typer.Exit(1)


def _with_documents(loaded: Any, files: list[Path]) -> tuple[Any, list[Any]]:
    """The case with the checked documents among its attachments, and the warnings they raise."""
    from reinstate.documents import check_documents
    from reinstate.letters.checked_documents import with_documents
    from reinstate.notice import parse_notice

    notice = parse_notice(loaded.notice_text, source="notice") if loaded.notice_text else None
    report = check_documents(files, case=loaded.case, notice=notice, reports=list(loaded.report_paths))
    return with_documents(loaded, report)


def _read_reply(path: Path) -> Any:
    """Amazon's reply read from a file (bad input is an ``InputError``: one line, exit code 2)."""
    from reinstate.reply import read_reply
    from reinstate.yamlio import read_text

    return read_reply(read_text(path), source=str(path))


def _say_readiness(result: Any, lang: str) -> None:
    """First thing on stderr: whether the letter can be sent, and if not, what blocks it."""
    if result.ready:
        title = (
            "可以提交：没有阻止提交的问题。提交前请再通读一遍。"
            if lang == "zh"
            else "Ready to send: nothing blocks it. Read it once more before you submit it."
        )
        typer.secho(title, fg=typer.colors.GREEN, err=True)
        return
    title = "还不能提交。请先解决以下问题：" if lang == "zh" else "NOT READY TO SEND. Fix these first:"
    typer.secho(title, fg=typer.colors.RED, bold=True, err=True)
    for item in result.blocking:
        typer.secho(f"  - {item.text(lang)}", fg=typer.colors.RED, err=True)


def _check_output(output: Path, inputs: list[Path], force: bool) -> None:
    """Never write the letter over an input, nor over a file that is not an earlier draft (unless --force)."""
    target = output.resolve()
    for given in inputs:
        if target == given.resolve() or (given.is_dir() and given.resolve() in target.parents):
            raise InputError(
                "is one of this draft's inputs; writing the letter there would destroy it.",
                path=output,
                fix="write the letter to another file, e.g. -o appeal.docx.",
            )
    if output.exists() and not force and not _earlier_draft(output):
        raise InputError(
            "already exists and is not an earlier draft of a letter.",
            path=output,
            fix="choose a new file name, or add --force to replace it.",
        )


def _earlier_draft(path: Path) -> bool:
    """Whether ``path`` holds a letter ``draft`` wrote before (so replacing it loses nothing)."""
    import zipfile

    if not path.is_file():
        return False
    try:
        if path.suffix.lower() == ".docx":
            with zipfile.ZipFile(path) as archive:
                body = archive.read("word/document.xml")
                return b"Seller Performance Team" in body or "中英对照".encode() in body
        head = path.read_bytes()[:4096].decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    from reinstate.letters.kinds import DRAFT_STARTS

    starts = ("Subject: Plan of Action", "**Subject:** Plan of Action", *DRAFT_STARTS)
    return head.lstrip().startswith(starts) or ('"schema": "reinstate.draft/1"' in head)


def _mirror_path(output: Path | None, fmt: str) -> Path:
    """Where --mirror writes: beside the Word letter, never inside it."""
    if output is None or fmt != "docx":
        raise fail("--mirror writes a second Word file beside the letter: add -o appeal.docx.")
    return output.with_name(output.stem + ".mirror-zh.docx")


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
