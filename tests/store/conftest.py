"""Fixtures of the store tests: a fresh database per test, on SQLite and (when available) PostgreSQL.

Every test runs with ``REINSTATE_HOME`` pointing at its own temporary folder, so nothing touches the
real user data folder. Tests that take the ``store`` fixture run on SQLite, and also on PostgreSQL
when ``REINSTATE_TEST_POSTGRES_URL`` names a server (an empty database the tests may wipe), e.g.
``postgresql://postgres@127.0.0.1:55432/reinstate_test``. Passwords are hashed with cheap argon2
parameters here only, to keep the suite fast; one test checks the real defaults.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from reinstate.store import Store, User, open_store
from reinstate.store import passwords as passwords_module
from reinstate.store.engine import build_engine, migrate, normalise_url

PG_ENV = "REINSTATE_TEST_POSTGRES_URL"
PASSWORD = "correct horse battery"


def postgres_url() -> str | None:
    """The PostgreSQL test database named by the environment, if any."""
    return os.environ.get(PG_ENV) or None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        backends = ["sqlite", "postgresql"] if postgres_url() else ["sqlite"]
        metafunc.parametrize("backend", backends)


@pytest.fixture(autouse=True)
def reinstate_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("REINSTATE_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def cheap_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords_module, "hasher", lambda: cheap)
    passwords_module._dummy_hash.cache_clear()


def wipe_postgres(url: str) -> None:
    """Drop every table of the test database, so each test starts from empty."""
    engine = build_engine(normalise_url(url))
    try:
        migrate(engine, "base", downgrade=True)
    except Exception:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url = postgres_url()
    assert url is not None
    wipe_postgres(url)
    return url


@pytest.fixture
def postgres_server_url() -> str:
    """The PostgreSQL test database, for tests that need a live server; skipped when there is none."""
    url = postgres_url()
    if url is None:
        pytest.skip(f"needs a PostgreSQL server ({PG_ENV})")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def alice(store: Store) -> User:
    return store.create_user("alice@example.com", PASSWORD)


@pytest.fixture
def bob(store: Store) -> User:
    return store.create_user("bob@example.com", PASSWORD)


@pytest.fixture
def admin(store: Store) -> User:
    return store.create_user("admin@example.com", PASSWORD, is_admin=True)
