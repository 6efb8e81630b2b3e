"""When things go wrong: a failure half-way through a write, a crash, a locked or read-only database,
a server that is not there, a URL or file that is not a database. Each time: a clear message that
names the database and the fix, and the case exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, make_url

from reinstate.errors import InputError
from reinstate.store import DatabaseUnavailable, InvalidInput, Store, User, open_store


class Boom(RuntimeError):
    """The failure injected half-way through a transaction."""


def fail_on(store: Store, prefix: str) -> None:
    """Make the next SQL statement starting with ``prefix`` fail, after the earlier statements ran."""

    def hook(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(prefix):
            event.remove(store.engine, "before_cursor_execute", hook)
            raise Boom(statement)

    event.listen(store.engine, "before_cursor_execute", hook)


def state(store: Store, user: User, case_id: int) -> dict[str, Any]:
    exported = store.export_case(user, case_id)
    exported.pop("exported_at")
    return exported


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'cases.db'}", busy_seconds=0.2)
    yield opened
    opened.close()


def test_a_failure_mid_update_leaves_the_case_unchanged(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Original", "Acme", notice_text="original notice")
    before = state(store, alice, case.id)
    fail_on(store, "UPDATE CASES")
    with pytest.raises(Boom):
        store.update_case(alice, case.id, 1, title="Changed", notice_text="changed notice")
    assert state(store, alice, case.id) == before


@pytest.mark.parametrize(
    ("write", "failing"),
    [
        (lambda s, u, c: s.add_report(u, c, "orders.txt", "orders", b"rows"), "UPDATE CASES"),
        (lambda s, u, c: s.add_draft(u, c, "letter", {}, {}, 50), "UPDATE CASES"),
        (lambda s, u, c: s.record_submission(u, c, None, date(2026, 11, 2)), "UPDATE CASES"),
        (lambda s, u, c: s.add_reply(u, c, date(2026, 11, 3), "Reinstated!", "accepted"), "UPDATE CASES"),
        (lambda s, u, c: s.delete_case(u, c, confirm=True), "DELETE FROM CASES"),
    ],
)
def test_a_write_that_fails_after_its_first_statement_saves_nothing(
    store: Store, alice: User, write: Any, failing: str
) -> None:
    """The child row is inserted first and the case row updated second: the failure undoes both."""
    case = store.create_case(alice, "Intact", "Acme")
    store.add_report(alice, case.id, "old.txt", "orders", b"old rows")
    before = state(store, alice, case.id)
    fail_on(store, failing)
    with pytest.raises(Boom):
        write(store, alice, case.id)
    assert state(store, alice, case.id) == before


def test_a_process_killed_mid_transaction_loses_nothing_committed(tmp_path: Path) -> None:
    """A real crash: the process dies between two statements of one write; the database stays whole."""
    path = tmp_path / "crash.db"
    store = open_store(f"sqlite:///{path}")
    user = store.local_user()
    case = store.create_case(user, "Before the crash", "Acme")
    store.close()
    script = textwrap.dedent(f"""
        import os
        from sqlalchemy import event
        from reinstate.store import open_store
        store = open_store({f"sqlite:///{path}"!r})
        def die(conn, cursor, statement, *args):
            if statement.startswith("UPDATE cases"):
                os._exit(9)
        event.listen(store.engine, "before_cursor_execute", die)
        user = store.local_user()
        store.add_report(user, {case.id}, "orders.txt", "orders", b"half-written report")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    reopened = open_store(f"sqlite:///{path}")
    assert reopened.get_case(user, case.id).title == "Before the crash"
    assert reopened.list_reports(user, case.id) == []
    with reopened.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    reopened.close()


def test_a_locked_database_gives_a_clear_message_and_keeps_the_case(
    sqlite_store: Store, tmp_path: Path
) -> None:
    user = sqlite_store.local_user()
    case = sqlite_store.create_case(user, "Locked out", "Acme")
    other = sqlite3.connect(tmp_path / "cases.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            sqlite_store.update_case(user, case.id, 1, title="Changed while locked")
        message = str(caught.value)
        assert str(tmp_path / "cases.db") in message
        assert "is locked" in message and "nothing was saved" in message and "Fix: try again" in message
    finally:
        other.execute("ROLLBACK")
        other.close()
    stored = sqlite_store.get_case(user, case.id)
    assert (stored.title, stored.version) == ("Locked out", 1)
    assert sqlite_store.update_case(user, case.id, 1, title="Saved later").version == 2


def test_a_read_only_database_reads_but_refuses_writes_clearly(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    writable = open_store(f"sqlite:///{path}")
    user = writable.local_user()
    case = writable.create_case(user, "Read me", "Acme")
    writable.close()
    read_only = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert [c.title for c in read_only.list_cases(user)] == ["Read me"]
    with pytest.raises(DatabaseUnavailable) as caught:
        read_only.update_case(user, case.id, 1, title="Never saved")
    assert str(caught.value) == (
        f"the database {path} is read-only, so nothing was saved. Fix: make the file and its folder "
        f"{tmp_path} writable, or point REINSTATE_HOME or --db to another database."
    )
    with pytest.raises(DatabaseUnavailable, match="read-only"):
        read_only.add_draft(user, case.id, "letter", {}, {}, 10)
    read_only.close()
    assert open_store(f"sqlite:///{path}").get_case(user, case.id).title == "Read me"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="file permissions do not bind root; the mode=ro test above covers the same error path",
)
def test_a_file_without_write_permission_gives_database_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    writable = open_store(f"sqlite:///{path}")
    user = writable.local_user()
    case = writable.create_case(user, "Protected", "Acme")
    writable.close()
    path.chmod(0o444)
    try:
        store = open_store(f"sqlite:///{path}")
        with pytest.raises(DatabaseUnavailable, match=r"read-only|cannot open"):
            store.update_case(user, case.id, 1, title="Never saved")
        store.close()
    finally:
        path.chmod(0o644)


def test_an_unreachable_postgresql_server_names_it_without_the_password() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        open_store("postgresql://seller:s3cret@127.0.0.1:1/reinstate")
    message = str(caught.value)
    assert (
        "cannot reach the PostgreSQL server of postgresql+psycopg://seller:***@127.0.0.1:1/reinstate"
        in message
    )
    assert "s3cret" not in message
    assert "Fix: start the server" in message


@pytest.mark.parametrize(
    ("field", "value", "message", "fix"),
    [
        ("database", "reinstate_no_such_db", "the PostgreSQL database of", "createdb reinstate_no_such_db"),
        ("username", "no_such_seller", "the PostgreSQL server refused the login", "check the user"),
    ],
    ids=["missing-database", "unknown-role"],
)
def test_a_live_postgresql_server_that_refuses_says_why(
    postgres_server_url: str, field: str, value: str, message: str, fix: str
) -> None:
    """Messages that only a running server can provoke: a database or a login role that does not exist."""
    server = make_url(postgres_server_url)
    wrong = server.set(database=value) if field == "database" else server.set(username=value)
    url = wrong.render_as_string(hide_password=False)
    with pytest.raises(DatabaseUnavailable, match=message) as caught:
        open_store(url)
    assert caught.value.fix is not None and fix in caught.value.fix


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my notes, not a database. " * 100)
    with pytest.raises(DatabaseUnavailable, match="is not a reinstate database, or it is damaged"):
        open_store(str(path))


def test_a_folder_where_the_database_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "folder.db").mkdir()
    with pytest.raises(DatabaseUnavailable, match="cannot open the database"):
        open_store(str(tmp_path / "folder.db"))


def test_a_data_folder_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REINSTATE_HOME", str(blocker / "home"))
    with pytest.raises(DatabaseUnavailable, match="cannot create the folder") as caught:
        open_store()
    assert caught.value.fix is not None and "REINSTATE_HOME" in caught.value.fix


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@localhost/reinstate", "is not supported"),
        ("sqlite+nodriver:///x.db", "cannot read the database URL|not installed"),
        ("postgresql://user@host:notaport/db", "cannot read the database URL"),
        ("sqlite://", "in-memory SQLite database would lose every case"),
        ("sqlite:///:memory:", "in-memory SQLite database would lose every case"),
    ],
)
def test_urls_reinstate_cannot_use(url: str, message: str) -> None:
    with pytest.raises((InvalidInput, DatabaseUnavailable), match=message) as caught:
        open_store(url)
    assert isinstance(caught.value, InputError | DatabaseUnavailable)


def test_a_writer_queue_that_never_moves_gives_busy_not_a_hang(sqlite_store: Store) -> None:
    user = sqlite_store.local_user()
    case = sqlite_store.create_case(user, "Queued", "Acme")
    lock = sqlite_store._sqlite_writer
    assert lock is not None
    # Another request of this process holds the write turn and never gives it back.
    with lock, pytest.raises(DatabaseUnavailable, match=r"is busy: other requests kept it for 0\.2 s"):
        sqlite_store.update_case(user, case.id, 1, title="Waited too long")
    assert sqlite_store.get_case(user, case.id).title == "Queued"


def test_a_database_that_became_read_only_refuses_writes_on_every_backend(store: Store, alice: User) -> None:
    """PostgreSQL in read-only mode (a standby, a read-only role) and SQLite in query-only mode."""
    case = store.create_case(alice, "Frozen", "Acme")
    before = state(store, alice, case.id)
    sql = (
        "PRAGMA query_only=ON"
        if store.engine.dialect.name == "sqlite"
        else "SET default_transaction_read_only = on"
    )

    def make_read_only(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(sql)
        cursor.close()
        dbapi_connection.commit()

    store.engine.dispose()
    event.listen(store.engine, "connect", make_read_only)
    with pytest.raises(DatabaseUnavailable, match="is read-only, so nothing was saved") as caught:
        store.add_draft(alice, case.id, "letter", {}, {}, 40)
    assert caught.value.fix is not None and "writable" in caught.value.fix
    event.remove(store.engine, "connect", make_read_only)
    store.engine.dispose()
    assert state(store, alice, case.id) == before
