"""What reading the downloads produced: one DuckDB database of normalised tables, and an account of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True)
class ReportRead:
    """One file that was read: its path, detected type, rows kept and text encoding."""

    path: Path
    type: str
    rows: int
    encoding: str

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "type": self.type, "rows": self.rows, "encoding": self.encoding}


@dataclass(frozen=True)
class Skipped:
    """A file that was not used, and why (the message names file, line and fix)."""

    path: Path
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "reason": self.reason}


@dataclass(frozen=True)
class Note:
    """Something wrong inside a file that was still read: a skipped line, an unreadable date."""

    path: Path
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        column = f" column '{self.column}':" if self.column else ""
        return f"{where}:{column} {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "line": self.line, "column": self.column, "message": self.message}


@dataclass
class ReadResult:
    """The normalised data of every download that was read.

    ``con`` holds one table per report type (``orders``, ``feedback``, ``returns``, ``claims``,
    ``late_shipments``, ``cancellations``, ``tracking``, ``deliveries``), each with canonical columns,
    ``file_id`` and ``line`` (the line in the source file). ``performance`` is Amazon's own
    seller performance report (SP-API JSON), when one was given.
    """

    con: duckdb.DuckDBPyConnection
    reports: list[ReportRead] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)
    performance: dict[str, Any] | None = None
    marketplace: str | None = None
    paths: dict[int, Path] = field(default_factory=dict)
    line_bases: dict[tuple[str, int], int] = field(default_factory=dict)

    def line_sql(self, table: str) -> str:
        """SQL for the source line of a row of ``table`` (usable where ``rowid`` and ``file_id`` are).

        Lines are not stored while loading (that would cost a pass over every row): a row's line is
        its rowid's distance from its file's first row, plus 2 for the header. A table rewritten
        after loading stores the lines in its ``line`` column first (:meth:`materialise_lines`).
        """
        cases = " ".join(
            f"WHEN {file_id} THEN rowid - {base} + 2"
            for (name, file_id), base in self.line_bases.items()
            if name == table
        )
        return f"coalesce(line, CASE file_id {cases} END)" if cases else "line"

    def materialise_lines(self, table: str) -> str:
        """A ``SELECT * REPLACE`` list that keeps each row's line through a table rewrite."""
        return f"* REPLACE ({self.line_sql(table)} AS line)"

    def has(self, table: str) -> bool:
        """Whether at least one file filled ``table``."""
        return table in self.tables

    def types(self) -> set[str]:
        return {report.type for report in self.reports}
