"""The case: load a case file, validate it, and resolve the notice and report paths it names.

Public entry point: :func:`load_case`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reinstate.case.schema import (
    ActionEntry,
    Case,
    FactEntry,
    MeasureEntry,
    RootCauseEntry,
    Seller,
)
from reinstate.errors import CaseFileError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.yamlio import LocatedYaml, load_located, read_text

__all__ = [
    "ActionEntry",
    "Case",
    "FactEntry",
    "LoadedCase",
    "MeasureEntry",
    "RootCauseEntry",
    "Seller",
    "case_from_data",
    "load_case",
]

NOTICE_SUFFIXES = (".txt", ".eml", ".html", ".htm", ".md", ".text")


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with its notice text read and its report paths resolved."""

    case: Case
    path: Path | None
    notice_text: str | None
    report_paths: tuple[Path, ...]
    lines: LocatedYaml

    def line(self, *loc: str | int) -> int | None:
        return self.lines.line_of(tuple(loc))


def load_case(path: Path, *, kb: KnowledgeBase | None = None, allow_outside: bool = False) -> LoadedCase:
    """Read and validate a case file; :class:`CaseFileError` names the key and line of any problem.

    The notice and report paths it names must lie inside the case file's folder: a case file from
    someone else must not make ``draft`` read (and quote in a warning) any file of this computer.
    ``allow_outside`` lifts that for a case the user wrote herself (``draft --allow-outside``).
    """
    located = load_located(read_text(path), path=path)
    return case_from_data(located, path=path, kb=kb, allow_outside=allow_outside)


def case_from_data(
    located: LocatedYaml, *, path: Path, kb: KnowledgeBase | None = None, allow_outside: bool = False
) -> LoadedCase:
    if located.data is None:
        raise CaseFileError(
            "the case file is empty.", path=path, fix="run `reinstate init` to write a starter case file."
        )
    if not isinstance(located.data, dict):
        raise CaseFileError(
            "a case file is a YAML mapping of keys (version, seller, reasons...).",
            path=path,
            line=1,
            fix="run `reinstate init` to see the layout.",
        )
    try:
        case = Case.model_validate(located.data)
    except ValidationError as exc:
        raise _translate(exc, located, path) from None
    kb = kb or load_kb()
    _check_reason_ids(case, located, path, kb)
    base = path.parent
    notice_text = _notice_text(case.notice, base, located, path, allow_outside)
    reports = _report_paths(case.reports, base, located, path, allow_outside)
    return LoadedCase(case=case, path=path, notice_text=notice_text, report_paths=reports, lines=located)


def _translate(exc: ValidationError, located: LocatedYaml, path: Path) -> CaseFileError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    key = _key_name(loc)
    line = located.line_of(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _key_name(loc[:-1]) or "the top level"
        return CaseFileError(
            f"unknown key '{loc[-1]}' in {parent}.",
            path=path,
            line=line,
            key=key,
            fix="remove it or correct its spelling; docs/case-file.md lists every key.",
        )
    if kind == "missing":
        return CaseFileError("this key is required.", path=path, line=line, key=key, fix=_fix_for(loc))
    message = str(error["msg"]).removeprefix("Value error, ")
    return CaseFileError(f"{message}.", path=path, line=line, key=key, fix=_fix_for(loc))


def _key_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        elif not part.startswith(("function-", "literal[")):
            name += f".{part}" if name else str(part)
    return name


def _fix_for(loc: tuple[Any, ...]) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    fixes = {
        "date": "write the day the action was completed as YYYY-MM-DD, e.g. 2026-11-18.",
        "start": "write the day the measure started or starts as YYYY-MM-DD.",
        "as_of": "write the date as YYYY-MM-DD.",
        "name": "write the business name exactly as registered in Seller Central.",
        "version": "write `version: 1`.",
        "fulfillment": "use MFN, FBA or both.",
        "text": "write one or two sentences saying what happened or what was done.",
        "seller": "add `seller:` with at least `name: <your business name>`.",
        "scope": "use account, listing, category or fulfillment-method.",
        "language": "use en or zh.",
    }
    return fixes.get(last, "see docs/case-file.md for the expected value.")


def _check_reason_ids(case: Case, located: LocatedYaml, path: Path, kb: KnowledgeBase) -> None:
    known = sorted(kb.reasons)
    for i, reason_id in enumerate(case.reasons):
        if reason_id not in kb.reasons:
            raise CaseFileError(
                f"unknown reason id '{reason_id}'.",
                path=path,
                line=located.line_of(("reasons", i)),
                key=f"reasons[{i}]",
                fix=f"use one of: {', '.join(known)}.",
            )
    for i, cause in enumerate(case.root_causes):
        if cause.reason and cause.reason not in kb.reasons:
            raise CaseFileError(
                f"unknown reason id '{cause.reason}'.",
                path=path,
                line=located.line_of(("root_causes", i, "reason")),
                key=f"root_causes[{i}].reason",
                fix=f"use one of: {', '.join(known)}.",
            )
        if cause.kb and not kb.find_cause(cause.kb, cause.reason or None):
            raise CaseFileError(
                f"the knowledge base has no root cause '{cause.kb}'.",
                path=path,
                line=located.line_of(("root_causes", i, "kb")),
                key=f"root_causes[{i}].kb",
                fix="run `reinstate reasons <reason-id>` to see the root-cause ids, or write `text:` instead.",
            )


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and (value.lower().endswith(NOTICE_SUFFIXES) or "/" in value or "\\" in value)


def _inside(
    target: Path,
    base: Path,
    allow_outside: bool,
    loc: tuple[str | int, ...],
    key: str,
    name: str,
    located: LocatedYaml,
    path: Path,
) -> Path:
    """``target`` resolved, refused when it lies outside the case folder (or is not a plain file or folder)."""
    resolved = target.resolve()
    if not allow_outside and not resolved.is_relative_to(base.resolve()):
        raise CaseFileError(
            f"'{name}' lies outside the case file's folder.",
            path=path,
            line=located.line_of(loc),
            key=key,
            fix="copy the file into the case's folder and name it relative to the case file, or run "
            "`reinstate draft --allow-outside` if you wrote this case yourself.",
        )
    return target


def _notice_text(
    notice: str | None, base: Path, located: LocatedYaml, path: Path, allow_outside: bool = False
) -> str | None:
    if notice is None:
        return None
    candidate = base / notice.strip() if "\n" not in notice and len(notice) < 400 else None
    if candidate is not None and candidate.is_file():
        _inside(candidate, base, allow_outside, ("notice",), "notice", notice.strip(), located, path)
        return read_text(candidate)
    if _looks_like_path(notice):
        raise CaseFileError(
            f"the notice file '{notice}' does not exist.",
            path=path,
            line=located.line_of(("notice",)),
            key="notice",
            fix="give a path relative to the case file, or paste the notice text after `notice: |`.",
        )
    return notice


def _report_paths(
    reports: str | list[str] | None, base: Path, located: LocatedYaml, path: Path, allow_outside: bool = False
) -> tuple[Path, ...]:
    if reports is None:
        return ()
    names = [reports] if isinstance(reports, str) else reports
    resolved = []
    for i, name in enumerate(names):
        target = base / name
        if not target.exists():
            loc: tuple[str | int, ...] = ("reports",) if isinstance(reports, str) else ("reports", i)
            raise CaseFileError(
                f"the report path '{name}' does not exist.",
                path=path,
                line=located.line_of(loc),
                key="reports" if isinstance(reports, str) else f"reports[{i}]",
                fix="give a file or folder path relative to the case file.",
            )
        loc = ("reports",) if isinstance(reports, str) else ("reports", i)
        key = "reports" if isinstance(reports, str) else f"reports[{i}]"
        resolved.append(_inside(target, base, allow_outside, loc, key, name, located, path))
    return tuple(resolved)
