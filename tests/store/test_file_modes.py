"""The database file and its folder are private to their owner: other local users cannot read cases."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reinstate.store import open_store


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_default_database_is_0600_in_a_0700_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "data"
    monkeypatch.setenv("REINSTATE_HOME", str(home))
    open_store(None)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    database = home / "reinstate.db"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    for journal in home.glob("reinstate.db-*"):
        assert stat.S_IMODE(journal.stat().st_mode) & 0o077 == 0, journal


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_older_world_readable_database_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "cases.db"
    open_store(f"sqlite:///{database}")
    database.chmod(0o644)
    open_store(f"sqlite:///{database}")
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
