"""What the three corpus benchmarks share (`measure_notices.py`, `measure_replies.py`, `score_letters.py`):
reading a labels CSV of ``benchmarks/corpus/`` with its header checked, finding each row's text in the
local folder the public texts were saved to (never the repository), and printing a share."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TypeVar


class Labelled(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=Labelled)


def read_csv(path: Path, header: Sequence[str]) -> list[dict[str, str]]:
    """The rows of ``path`` with every value stripped; ``ValueError`` when the header is not ``header``."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != tuple(header):
            raise ValueError(
                f"{path}: header must be {','.join(header)}, got {','.join(reader.fieldnames or ())}"
            )
        return [{key: (value or "").strip() for key, value in record.items()} for record in reader]


def found(rows: Sequence[R], folder: Path) -> tuple[list[tuple[R, Path]], list[str]]:
    """The rows whose text ``folder/<id>.txt`` is there, each with its path, and the ids of the others."""
    present: list[tuple[R, Path]] = []
    missing: list[str] = []
    for row in rows:
        path = folder / f"{row.id}.txt"
        if path.is_file():
            present.append((row, path))
        else:
            missing.append(row.id)
    return present, missing


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"
