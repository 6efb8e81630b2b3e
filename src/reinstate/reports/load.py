"""Load one tabular download (TSV, CSV, gzip, xlsx) into its normalised DuckDB table.

The file is never held in Python: DuckDB reads it directly when it is plain UTF-8, or a streamed
UTF-8 copy otherwise. Problems inside the file (a cut-off last line, rows with too many fields,
lines in another encoding, unreadable dates) become :class:`Note` objects; a problem that makes
the whole file unusable raises :class:`InputError`.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reinstate.errors import InputError
from reinstate.reports import encoding as enc
from reinstate.reports.dates import candidates, choose_order, date_sql, slash_order_sql
from reinstate.reports.formats import Detected, detect
from reinstate.reports.model import Note
from reinstate.reports.shape import check_shape
from reinstate.reports.tables import TABLE_OF, create_sql, insert_sql

if TYPE_CHECKING:
    import duckdb

MAX_NOTES = 5
SAMPLE_ROWS = 20000


@dataclass
class Sniffed:
    """What the first bytes of a file tell: encoding, delimiter, header and report type."""

    path: Path
    source: Path  # what DuckDB reads: the file itself or a UTF-8 copy
    encoding: str
    delimiter: str
    headers: list[str]
    detected: Detected
    gzip: bool


def sniff(path: Path, workdir: Path) -> Sniffed:
    """Encoding, delimiter, headers and type of a tabular file; xlsx is converted to TSV first."""
    source = path
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from reinstate.reports.xlsx import xlsx_to_tsv

        source = xlsx_to_tsv(path, workdir / f"{path.stem}.{id(path)}.tsv")
    head = enc.head_bytes(source)
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(
            "the file is empty.",
            path=path,
            fix="download the report again.",
            message_zh="文件是空的。",
            fix_zh="请重新下载报表。",
        )
    encoding = "utf-8" if source is not path else enc.sniff_encoding(head)
    text = head.decode(encoding.split("+")[0], errors="replace").lstrip("\ufeff")
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = max(("\t", ",", ";"), key=first.count)
    headers = [h.strip().strip('"') for h in first.split(delimiter)]
    detected = detect(headers, path=str(path))
    return Sniffed(path, source, encoding, delimiter, headers, detected, enc.is_gzip(source))


def load_file(
    con: duckdb.DuckDBPyConnection,
    sniffed: Sniffed,
    file_id: int,
    workdir: Path,
    marketplace: str | None,
    bases: dict[tuple[str, int], int],
) -> tuple[int, list[Note]]:
    """Load one sniffed file into its table; the rows kept and the notes about its content.

    ``bases`` receives the rowid of the file's first row (see ``ReadResult.line_sql``).
    """
    notes: list[Note] = []
    source = sniffed.source
    if sniffed.encoding.startswith("utf-8+"):
        fallback = sniffed.encoding.split("+", 1)[1]
        source = _plain_copy(sniffed, workdir / f"f{file_id}.txt", notes, per_line=True, fallback=fallback)
    elif sniffed.gzip or sniffed.encoding not in ("utf-8", "utf-8-sig"):
        source = _plain_copy(sniffed, workdir / f"f{file_id}.txt", notes, per_line=False)
    # DuckDB records every field past the header as a rejected row: a file far outside a download's
    # shape (a line of a million fields) is refused before it starts.
    check_shape(source, sniffed.delimiter, len(sniffed.headers), shown=sniffed.path)
    table = TABLE_OF[sniffed.detected.format.type]
    con.execute(create_sql(table))
    rejects = _insert(con, sniffed, source, file_id, marketplace)
    if any(kind == "INVALID ENCODING" for kind, _, _, _ in rejects):
        con.execute(f"DELETE FROM {table} WHERE file_id = ?", [file_id])
        fallback = _foreign_encoding(sniffed.source)
        sniffed.encoding = f"utf-8+{fallback}"
        source = _plain_copy(
            sniffed, workdir / f"f{file_id}.mixed.txt", notes, per_line=True, fallback=fallback
        )
        rejects = _insert(con, sniffed, source, file_id, marketplace, retry=True)
    notes += _reject_notes(sniffed, rejects)
    base = con.execute(f"SELECT min(rowid) FROM {table} WHERE file_id = ?", [file_id]).fetchone()
    bases[(table, file_id)] = int(base[0]) if base and base[0] is not None else 0
    notes += _drop_cut_line(con, sniffed, source, table, file_id)
    rows = _count(con, f"{table} WHERE file_id = {file_id}")
    notes += _date_notes(con, sniffed, source, table, file_id)
    con.execute("DROP TABLE IF EXISTS stg")
    if rows == 0:
        notes.append(Note(sniffed.path, "has a header line but no data rows."))
    return rows, notes


def _insert(
    con: duckdb.DuckDBPyConnection,
    sniffed: Sniffed,
    source: Path,
    file_id: int,
    marketplace: str | None,
    *,
    retry: bool = False,
) -> list[tuple[str, int, str, str]]:
    """Insert the typed rows of ``source`` into its table in one pass; the rejected lines.

    ``stg`` (the first rows of the file) serves the samples that choose each date column's format.
    """
    fmt = sniffed.detected.format
    loaded = {col: index for col, index in sniffed.detected.columns.items() if col not in fmt.unloaded}
    picks = ", ".join(f"c{index} AS {col}" for col, index in loaded.items())
    con.execute("DROP TABLE IF EXISTS stg")
    con.execute(
        f"CREATE TEMP TABLE stg AS SELECT {picks} FROM {_scan_sql(sniffed, source)} LIMIT {SAMPLE_ROWS}"
    )
    orders = {col: _date_format(con, col, marketplace) for col in fmt.date_columns if col in loaded}
    name = f"rej_{file_id}{'_retry' if retry else ''}"
    # DuckDB keeps insertion order, so a row's line is its rowid's distance from the file's first row
    # plus 2 (the header is line 1); ReadResult.line_sql() computes it when needed, at no cost here.
    rows = f"(SELECT {picks}, NULL::BIGINT AS line FROM {_scan_sql(sniffed, source, rejects=name)})"
    con.execute(
        insert_sql(fmt, rows, {col: col for col in loaded}, file_id, orders, _padded(con, list(loaded)))
    )
    found = con.execute(
        f"SELECT error_type::VARCHAR, line, coalesce(column_name, ''), error_message FROM {name} ORDER BY line"
    ).fetchall()
    return [(str(a), int(b), str(c), str(d)) for a, b, c, d in found]


def _padded(con: duckdb.DuckDBPyConnection, columns: list[str]) -> frozenset[str]:
    """Columns whose sampled values (the first rows, or the whole of a small file) have spaces to trim.

    Files that Amazon generates never pad their values; hand-made files (a claims file) may.
    """
    checks = ", ".join(f"bool_or({col} <> trim({col}) OR trim({col}) = '')" for col in columns)
    row = con.execute(f"SELECT {checks} FROM stg").fetchone()
    if row is None:
        return frozenset(columns)
    return frozenset(col for col, padded in zip(columns, row, strict=True) if padded is not False)


def _scan_sql(sniffed: Sniffed, source: Path, rejects: str | None = None) -> str:
    """``read_csv(...)`` of a file: every column as text named c0, c1, ..., never guessed by DuckDB."""
    width = len(sniffed.headers)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width)) + "}"
    quote = "" if sniffed.delimiter == "\t" else '"'
    store = (
        f", store_rejects=true, rejects_scan='{rejects}_scan', rejects_table='{rejects}'" if rejects else ""
    )
    return (
        f"read_csv({_sql_text(str(source))}, delim={_sql_text(sniffed.delimiter)}, quote={_sql_text(quote)}, "
        f"escape={_sql_text(quote)}, header=true, columns={columns}, auto_detect=false, null_padding=true, "
        f"ignore_errors=true{store})"
    )


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _plain_copy(
    sniffed: Sniffed, dest: Path, notes: list[Note], *, per_line: bool, fallback: str = "cp1252"
) -> Path:
    codec = fallback if per_line else sniffed.encoding
    facts = enc.transcode(sniffed.source, dest, codec, per_line=per_line)
    if facts.truncated:
        notes.append(
            Note(
                sniffed.path,
                f"the compressed file ends early (after line {facts.lines}); the rest is missing.",
            )
        )
    if facts.foreign_lines:
        shown = ", ".join(str(n) for n in facts.foreign_lines[:MAX_NOTES])
        more = (
            f" and {len(facts.foreign_lines) - MAX_NOTES} more"
            if len(facts.foreign_lines) > MAX_NOTES
            else ""
        )
        notes.append(
            Note(
                sniffed.path,
                f"mixed encodings: {'line' if len(facts.foreign_lines) == 1 else 'lines'} {shown}{more} "
                f"{'is' if len(facts.foreign_lines) == 1 else 'are'} not UTF-8 and were read as {fallback}.",
                line=facts.foreign_lines[0],
            )
        )
    return dest


def _foreign_encoding(path: Path) -> str:
    """The encoding of the lines of a mostly-UTF-8 file that are not UTF-8."""
    sample = b""
    for line in enc.iter_lines(path):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            sample += line
            if len(sample) > enc.SAMPLE:
                break
    return enc.guess_legacy(sample) if sample else "cp1252"


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _reject_notes(sniffed: Sniffed, rejects: list[tuple[str, int, str, str]]) -> list[Note]:
    if not rejects:
        return []
    kind, line, _, _ = rejects[0]
    what = {
        "TOO MANY COLUMNS": f"has more fields than the {len(sniffed.headers)} headers (a tab or comma inside a value?)",
        "INVALID ENCODING": "is not valid text in the file's encoding",
    }.get(kind, kind.lower())
    lines = len({found for _, found, _, _ in rejects})  # DuckDB rejects every extra field of a line
    more = f"; {lines - 1} more such lines were skipped" if lines > 1 else ""
    return [Note(sniffed.path, f"line {line} {what} and was skipped{more}.", line=line)]


def _drop_cut_line(
    con: duckdb.DuckDBPyConnection, sniffed: Sniffed, source: Path, table: str, file_id: int
) -> list[Note]:
    """Drop the last row of a file that ends in the middle of a line with fields missing."""
    if not enc.ends_mid_line(source):
        return []
    with source.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - (1 << 16)))
        last = handle.read().rsplit(b"\n", 1)[-1]
    fields = last.count(sniffed.delimiter.encode()) + 1
    if fields >= len(sniffed.headers):
        return []
    con.execute(
        f"DELETE FROM {table} WHERE file_id = ? AND rowid = (SELECT max(rowid) FROM {table} WHERE file_id = ?)",
        [file_id, file_id],
    )
    return [
        Note(
            sniffed.path,
            f"the file ends in the middle of a line ({fields} of {len(sniffed.headers)} fields); "
            "that line was left out. Download the report again for the full data.",
        )
    ]


def _date_format(con: duckdb.DuckDBPyConnection, col: str, marketplace: str | None) -> tuple[str, str | None]:
    """The slashed-date order of a column and the single format that reads a sample of its values."""
    order = _slash_order(con, col, marketplace)
    sample = [
        r[0]
        for r in con.execute(
            f"SELECT trim({col}) FROM stg WHERE nullif(trim({col}), '') IS NOT NULL LIMIT 500"
        ).fetchall()
    ]
    if not sample:
        return order, None
    formats = candidates(order)
    counts = ", ".join(f"count(try_strptime(v, '{fmt}'))" for fmt in formats)
    row = con.execute(f"SELECT {counts} FROM (SELECT unnest(?::VARCHAR[]) AS v)", [sample]).fetchone()
    for fmt, parsed in zip(formats, row or (), strict=False):
        if parsed == len(sample):
            return order, fmt
    return order, None


def _slash_order(con: duckdb.DuckDBPyConnection, col: str, marketplace: str | None) -> str:
    row = con.execute(slash_order_sql(col, "stg")).fetchone()
    return choose_order(tuple(int(v) for v in row) if row else (0,) * 6, marketplace)


def _date_notes(
    con: duckdb.DuckDBPyConnection, sniffed: Sniffed, source: Path, table: str, file_id: int
) -> list[Note]:
    """A note per date column with values that are there but cannot be read as a date."""
    notes = []
    for col in sniffed.detected.format.date_columns:
        if col not in sniffed.detected.columns:
            continue
        empty = con.execute(
            f"SELECT count(*) FROM {table} WHERE file_id = ? AND {col} IS NULL", [file_id]
        ).fetchone()
        if not empty or not empty[0]:
            continue
        order = _slash_order(con, col, None)
        row = con.execute(
            f"SELECT count(*), min(line), any_value(raw) FROM (SELECT c{sniffed.detected.columns[col]} AS raw, "
            f"row_number() OVER () + 1 AS line FROM {_scan_sql(sniffed, source)}) WHERE nullif(trim(raw), '') IS NOT NULL "
            f"AND {date_sql('raw', order)} IS NULL"
        ).fetchone()
        if row and row[0]:
            header = sniffed.headers[sniffed.detected.columns[col]]
            notes.append(
                Note(
                    sniffed.path,
                    f"{row[0]} rows have a date that cannot be read (such as '{row[2]}', first at line {row[1]}); "
                    "they are left out of every dated window.",
                    line=int(row[1]),
                    column=header,
                )
            )
    return notes


def make_workdir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="reinstate-")
