"""read_reports(): every download given, read into one DuckDB database; failures never stop the others."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from reinstate.errors import InputError, ReinstateError
from reinstate.reports.dates import marketplace_of
from reinstate.reports.load import Sniffed, load_file, make_workdir, sniff
from reinstate.reports.model import Note, ReadResult, ReportRead, Skipped
from reinstate.reports.performance import is_performance_json, read_performance

IGNORED_SUFFIXES = {".yaml", ".yml", ".md", ".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".zip"}
Progress = Callable[[int, int], None]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files given, with folders replaced by the files inside them.

    Inside a folder, hidden files and documents that are never downloads (.md, .yaml, .pdf, ...) are
    passed over silently; a file named on its own is always tried, or reported as skipped.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() not in IGNORED_SUFFIXES
            )
        else:
            files.append(path)
    return files


def read_reports(
    paths: list[Path], progress: Progress | None = None, threads: int | None = None
) -> ReadResult:
    """Read every download in ``paths`` (files or folders) into normalised tables.

    A file that cannot be read is listed in ``skipped`` with the reason and the others go on.
    ``progress(done, total)`` is called as files are loaded, in bytes of the files given.
    ``threads`` caps DuckDB's worker threads (a server keeps cores free for its requests).
    """
    import duckdb

    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads TO {int(threads)}")
    con.execute("SET TimeZone = 'UTC'")
    con.execute("SET enable_progress_bar = false")  # the library never prints; the CLI shows progress
    result = ReadResult(con=con)
    files = expand(paths)
    sizes = {path: _size(path) for path in files}
    total = sum(sizes.values()) or 1
    tabular: list[Sniffed] = []
    with make_workdir() as tmp:
        workdir = Path(tmp)
        for path in files:
            _sniff_one(path, workdir, result, tabular)
        done = total - sum(sizes[s.path] for s in tabular)  # what is left is loading the tables
        if progress:
            progress(done, total)
        tabular.sort(key=lambda s: s.detected.format.type != "all-orders")
        for index, sniffed in enumerate(tabular, start=1):
            if sniffed.detected.format.type != "all-orders" and result.marketplace is None:
                result.marketplace = _marketplace(result)
            _load_one(sniffed, index, workdir, result)
            done += sizes[sniffed.path]
            if progress:
                progress(min(done, total - 1), total)
    from reinstate.reports.clean import clean

    clean(result)
    if result.marketplace is None:
        result.marketplace = _marketplace(result)
    if progress:
        progress(total, total)
    return result


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _sniff_one(path: Path, workdir: Path, result: ReadResult, tabular: list[Sniffed]) -> None:
    if path.suffix.lower() in IGNORED_SUFFIXES:
        result.skipped.append(Skipped(path, f"{path}: not a report download ({path.suffix} file)."))
        return
    try:
        if not path.exists():
            raise InputError("file not found.", path=path, fix="check the path and the spelling.")
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO waits for a writer forever, /dev/zero never ends
            raise InputError(
                "is not a regular file (a device, a pipe or a socket).",
                path=path,
                fix="give the report file itself.",
                message_zh="不是普通文件（而是设备、管道或套接字）。",
                fix_zh="请提供报表文件本身。",
            )
        if is_performance_json(path):
            result.performance = read_performance(path)
            result.reports.append(
                ReportRead(path, "seller-performance", len(result.performance) - 1, "utf-8")
            )
            return
        tabular.append(sniff(path, workdir))
    except ReinstateError as exc:
        result.skipped.append(Skipped(path, str(exc)))
    except (OSError, UnicodeError) as exc:
        result.skipped.append(Skipped(path, f"{path}: cannot be read ({exc})."))


def _load_one(sniffed: Sniffed, file_id: int, workdir: Path, result: ReadResult) -> None:
    import duckdb

    try:
        rows, notes = load_file(result.con, sniffed, file_id, workdir, result.marketplace, result.line_bases)
    except ReinstateError as exc:
        result.skipped.append(Skipped(sniffed.path, str(exc)))
        return
    except duckdb.OutOfMemoryException as exc:  # the machine, not the file: metrics without it would mislead
        raise MemoryError(str(exc).strip().splitlines()[0] if str(exc).strip() else "DuckDB") from None
    except (duckdb.Error, OSError, UnicodeError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        result.skipped.append(
            Skipped(
                sniffed.path,
                f"{sniffed.path}: cannot be read as a {sniffed.detected.format.title} ({first}).",
            )
        )
        return
    from reinstate.reports.tables import TABLE_OF

    result.tables.add(TABLE_OF[sniffed.detected.format.type])
    result.paths[file_id] = sniffed.path
    result.notes += notes
    result.reports.append(ReportRead(sniffed.path, sniffed.detected.format.type, rows, sniffed.encoding))


def _marketplace(result: ReadResult) -> str | None:
    """The marketplace most orders were placed on (from ``sales-channel``)."""
    if not result.has("orders"):
        return None
    rows = result.con.execute(
        "SELECT sales_channel, count(*) n FROM orders WHERE sales_channel IS NOT NULL "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 5"
    ).fetchall()
    for channel, _ in rows:
        code = marketplace_of(channel)
        if code:
            return code
    return None


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


__all__ = ["Note", "read_reports"]
