"""The packaged Alembic migrations: upgrade from empty, round trip, and agreement with the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from reinstate.store import open_store
from reinstate.store.engine import MIGRATIONS, build_engine, current_revision, migrate, normalise_url
from reinstate.store.models import Base

TABLES = {
    "users", "cases", "case_shares", "reports", "draft_versions", "submissions", "amazon_replies", "sessions",
    "documents",
}  # fmt: skip
HEAD = "0004"


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    engine = build_engine(normalise_url(db_url))
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == HEAD
    assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
    engine.dispose()


def test_downgrade_then_upgrade_round_trip(db_url: str) -> None:
    store = open_store(db_url)
    user = store.local_user()
    store.create_case(user, "Before the round trip", "Acme")
    migrate(store.engine, "base", downgrade=True)
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    assert current_revision(store.engine) is None
    migrate(store.engine)
    assert current_revision(store.engine) == HEAD
    # The schema is back and usable, and empty (the downgrade dropped the data).
    user = store.local_user()
    assert store.list_cases(user) == []
    assert store.create_case(user, "After", "Acme").id == 1
    store.close()


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    """Alembic's autogenerate finds nothing to add: the migration and the models describe the same schema."""
    store = open_store(db_url)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    store.close()
    assert differences == []


def test_opening_twice_does_not_migrate_again_or_lose_data(db_url: str) -> None:
    first = open_store(db_url)
    case = first.create_case(first.local_user(), "Kept", "Acme")
    first.close()
    second = open_store(db_url)
    assert [c.title for c in second.list_cases(second.local_user())] == ["Kept"]
    assert second.get_case(second.local_user(), case.id).version == 1
    second.close()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'pragmas.db'}", busy_seconds=2.5)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 2500
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    store.close()


def test_default_database_lives_in_reinstate_home(reinstate_home: Path) -> None:
    store = open_store()
    assert store.database == str(reinstate_home / "reinstate.db")
    assert (reinstate_home / "reinstate.db").is_file()
    store.close()


def test_a_bare_path_is_read_as_a_sqlite_file(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "bare.db"))
    assert (tmp_path / "bare.db").is_file()
    assert store.engine.dialect.name == "sqlite"
    store.close()


def test_postgresql_urls_use_the_psycopg_driver() -> None:
    assert normalise_url("postgresql://u:secret@db.example/reinstate").drivername == "postgresql+psycopg"
    assert normalise_url("postgres://u@db/reinstate").drivername == "postgresql+psycopg"
    assert normalise_url("postgresql+psycopg://u@db/r").drivername == "postgresql+psycopg"


def test_migration_files_are_where_package_data_expects_them() -> None:
    """The globs to list in pyproject's package-data must match these files, or an install cannot migrate."""
    names = {p.relative_to(MIGRATIONS.parent).as_posix() for p in MIGRATIONS.rglob("*") if p.is_file()}
    assert "migrations/env.py" in names
    assert "migrations/script.py.mako" in names
    assert "migrations/versions/0001_initial.py" in names
    assert "migrations/versions/0002_sessions.py" in names
    assert "migrations/versions/0003_more_info_status.py" in names
    assert "migrations/versions/0004_documents.py" in names


def test_downgrading_0002_drops_only_the_sessions(db_url: str) -> None:
    """Going back to 0001 signs everyone out and keeps every case; upgrading again makes sessions work."""
    store = open_store(db_url)
    user = store.create_user("alice@example.com", "correct horse battery")
    store.create_case(user, "Kept", "Acme")
    token = store.start_session(user)
    migrate(store.engine, "0001", downgrade=True)
    assert set(inspect(store.engine).get_table_names()) == (TABLES - {"sessions", "documents"}) | {
        "alembic_version"
    }
    migrate(store.engine)
    assert store.session_user(token) is None  # the sessions went with the table
    assert [c.title for c in store.list_cases(user)] == ["Kept"]
    assert getattr(store.session_user(store.start_session(user)), "id", None) == user.id
    store.close()


def test_a_case_waiting_on_more_information_has_its_own_status_and_a_downgrade_keeps_it(db_url: str) -> None:
    """0003: Amazon asking for more information moves the case out of "submitted"; going back to 0002
    turns it into "submitted" again rather than failing the old check."""
    store = open_store(db_url)
    user = store.local_user()
    case = store.create_case(user, "Asked for more", "Acme")
    store.record_submission(user, case.id, None, "2026-11-20")
    store.add_reply(user, case.id, "2026-11-23", "We need more information.", "more-info")
    assert store.get_case(user, case.id).status == "more-info"
    migrate(store.engine, "0002", downgrade=True)
    migrate(store.engine)
    assert store.get_case(user, case.id).status == "submitted"
    store.add_reply(user, case.id, "2026-11-24", "We need more information.", "more-info")
    assert store.get_case(user, case.id).status == "more-info"
    store.close()
