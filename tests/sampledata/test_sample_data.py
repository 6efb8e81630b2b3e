"""The sample data: deterministic, in Amazon's formats, readable by the project's own readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.errors import InputError
from reinstate.reports import read_reports
from reinstate.sampledata import write_sample_data


def test_same_seed_same_files(tmp_path: Path) -> None:
    first = write_sample_data(tmp_path / "a", orders=300, seed=3)
    second = write_sample_data(tmp_path / "b", orders=300, seed=3)
    other = write_sample_data(tmp_path / "c", orders=300, seed=4)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert first[0].read_bytes() != other[0].read_bytes()


def test_every_file_is_detected(tmp_path: Path) -> None:
    write_sample_data(tmp_path, orders=500, seed=1)
    read = read_reports([tmp_path])
    assert {r.type for r in read.reports} == {
        "all-orders", "seller-feedback", "fba-returns", "mfn-returns", "claims",
        "late-shipment", "valid-tracking", "on-time-delivery",
    }  # fmt: skip
    assert not read.notes
    assert read.skipped == []
    orders = read.con.execute("SELECT count(DISTINCT order_id) FROM orders").fetchone()
    assert orders == (500,)


def test_readme_documents_the_planted_problems(tmp_path: Path) -> None:
    paths = write_sample_data(tmp_path, orders=800, seed=2)
    readme = paths[-1].read_text(encoding="utf-8")
    assert "Warehouse closure 2026-10-12 to 2026-10-20" in readme
    assert "TEE-BLUE-M" in readme and "LocalPost" in readme


def test_orders_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="at least 1"):
        write_sample_data(tmp_path, orders=0)
