"""Where the database lives, how connections are set up, and how the schema is migrated.

SQLite is the default: one file, ``reinstate.db``, in the user data folder
(``platformdirs.user_data_dir("reinstate")``, or the folder named by ``REINSTATE_HOME``). Every
SQLite connection gets foreign keys on (so deleting a case deletes its children), WAL mode (readers
never wait for the writer), ``synchronous=FULL`` (a committed change survives a power cut) and a
busy timeout (a second writer waits instead of failing at once). Write transactions start with
``BEGIN IMMEDIATE``, so two writers queue up instead of one failing half-way with "database is
locked". PostgreSQL works by URL; ``postgresql://`` is read as ``postgresql+psycopg://``.

Alembic migrations ship inside the package (``migrations/``) and run from code; no ``alembic.ini``
is needed. Database errors that mean "cannot use the database now" become
:class:`DatabaseUnavailable` with a message that names the database and says what to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

from reinstate.store.errors import DatabaseUnavailable, InvalidInput

HOME_ENV = "REINSTATE_HOME"
DB_FILENAME = "reinstate.db"
MIGRATIONS = Path(__file__).parent / "migrations"
WRITE_OPTION = "reinstate_write"
DEFAULT_BUSY_SECONDS = 10.0
MIGRATION_LOCK_KEY = 0x5E1_1E12  # any fixed number: the advisory lock that serialises migrations


def data_dir() -> Path:
    """The folder that holds the default database: ``$REINSTATE_HOME`` or the user data folder."""
    home = os.environ.get(HOME_ENV, "").strip()
    if home:
        return Path(home).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("reinstate"))


def default_url() -> str:
    """The SQLite URL of the default database file."""
    return f"sqlite:///{data_dir() / DB_FILENAME}"


def normalise_url(url: str | None) -> URL:
    """Turn what the user typed (``None``, a URL or a bare file path) into a SQLAlchemy URL."""
    given = (url or "").strip() or default_url()
    if "://" not in given:
        given = f"sqlite:///{Path(given).expanduser()}"
    try:
        parsed = make_url(given)
    except (exc.ArgumentError, ValueError) as error:
        raise InvalidInput(
            f"cannot read the database URL {given!r} ({error}).",
            key="db",
            fix="give a URL like sqlite:////path/to/reinstate.db or postgresql://user:password@host/dbname.",
        ) from error
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and sqlite_file(parsed) is None:
        raise InvalidInput(
            "an in-memory SQLite database would lose every case when reinstate stops.",
            key="db",
            fix="give a file, e.g. sqlite:////path/to/reinstate.db (or leave --db out for the default).",
        )
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise InvalidInput(
            f"the database {describe(parsed)} is not supported; reinstate works with SQLite and PostgreSQL.",
            key="db",
            fix="give a sqlite:/// or postgresql:// URL.",
        )
    return parsed


def describe(url: URL) -> str:
    """How messages name the database: a SQLite file by its path, a server URL with the password hidden."""
    path = sqlite_file(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def sqlite_file(url: URL) -> Path | None:
    """The database file of a SQLite URL (``None`` for in-memory databases and other backends)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    name = url.database.removeprefix("file:") if url.query.get("uri") else url.database
    return Path(name)


def build_engine(url: URL, *, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> Engine:
    """An engine for ``url``, with the SQLite settings above. Raises :class:`DatabaseUnavailable`."""
    path = sqlite_file(url)
    if path is not None:
        _make_folder(path, url)
    try:
        if url.get_backend_name() == "sqlite":
            engine = create_engine(
                url, connect_args={"timeout": busy_seconds, "check_same_thread": False}, pool_size=10
            )
            _configure_sqlite(engine, busy_seconds)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    except (ImportError, exc.NoSuchModuleError) as error:
        postgres = url.get_backend_name() == "postgresql"
        raise DatabaseUnavailable(
            f"the database driver {url.drivername} for {describe(url)} is not installed ({error}).",
            fix="install it with: pip install 'psycopg[binary]'"
            if postgres
            else "use a plain sqlite:/// URL.",
        ) from error
    if path is not None:
        _private_file(path)  # only once the URL is usable: a bad URL leaves no empty file behind
    return engine


def _make_folder(path: Path, url: URL) -> None:
    """The database's folder, created readable by its owner only (0700); the default folder is kept so."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.parent.resolve() == data_dir().resolve():
            path.parent.chmod(0o700)
    except OSError as error:
        raise DatabaseUnavailable(
            f"cannot create the folder {path.parent} for the database ({error.strerror}).",
            fix=f"create it by hand, or set {HOME_ENV} (or --db) to a folder you can write to.",
        ) from error


def _private_file(path: Path) -> None:
    """Every case and password hash lives in this file: create it 0600 (SQLite gives its -wal and -shm
    files the same mode), and take back group and world access from a file an older version created."""
    try:
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif path.stat().st_mode & 0o077 and path.stat().st_uid == os.getuid():
            path.chmod(0o600)
    except OSError:
        pass  # a read-only or foreign file: opening it says what is wrong


def _configure_sqlite(engine: Engine, busy_seconds: float) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level, so that the "begin" hook below decides how a transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_seconds * 1000)}")
            cursor.execute("PRAGMA synchronous=FULL")
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def unavailable_as_error(url: URL) -> Iterator[None]:
    """Turn "cannot use the database now" errors into :class:`DatabaseUnavailable` (nothing is saved).

    Constraint violations and programming errors pass through unchanged: they mean something else.
    """
    try:
        yield
    except exc.DBAPIError as error:
        if _means_unavailable(error):
            raise unavailable(url, error) from error
        raise


def _means_unavailable(error: exc.DBAPIError) -> bool:
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        return True
    low = str(error.orig).lower()
    return not isinstance(error, exc.IntegrityError) and any(
        words in low for words in ("read-only", "readonly", "not a database", "malformed")
    )


def unavailable(url: URL, error: exc.DBAPIError) -> DatabaseUnavailable:
    """The :class:`DatabaseUnavailable` that explains ``error`` for the database at ``url``."""
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    message, fix = _explain(url, detail.rstrip("."), detail.lower())
    return DatabaseUnavailable(message, fix=fix)


def _explain(url: URL, detail: str, low: str) -> tuple[str, str]:
    """What went wrong and what to do, for the driver's message ``detail``."""
    name = describe(url)
    path = sqlite_file(url)
    elsewhere = f"or point {HOME_ENV} or --db to another database"
    if "locked" in low or "busy" in low:
        return (
            f"the database {name} is locked: another program or request is writing to it, so nothing was saved.",
            "try again in a moment; if it stays locked, close the other program using it (another `reinstate serve`?).",
        )
    if "readonly" in low or "read-only" in low:
        where = f"the file and its folder {path.parent}" if path else "the database writable for this user"
        return (
            f"the database {name} is read-only, so nothing was saved.",
            f"make {where} writable, {elsewhere}.",
        )
    if "not a database" in low or "malformed" in low:
        return (
            f"{name} is not a reinstate database, or it is damaged ({detail}).",
            f"restore it from a backup, {elsewhere}.",
        )
    if "disk is full" in low or "no space" in low:
        return f"the disk holding {name} is full, so nothing was saved.", "free some space and try again."
    if "unable to open" in low:
        return (
            f"cannot open the database {name}.",
            f"check that its folder exists and is writable, {elsewhere}.",
        )
    if url.get_backend_name() == "postgresql":
        return _explain_postgresql(url, name, detail, low)
    return f"the database {name} cannot be used: {detail}.", f"check the file and its folder, {elsewhere}."


def _explain_postgresql(url: URL, name: str, detail: str, low: str) -> tuple[str, str]:
    if "password authentication" in low or ("role" in low and "does not exist" in low):
        return (
            f"the PostgreSQL server refused the login for {name}: {detail}.",
            "check the user and password in --db.",
        )
    if "database" in low and "does not exist" in low:
        return (
            f"the PostgreSQL database of {name} does not exist.",
            f"create it (createdb {url.database}) or name an existing one in --db.",
        )
    return (
        f"cannot reach the PostgreSQL server of {name}: {detail}.",
        "start the server, or check the host, port and database name in --db.",
    )


def alembic_config(connection: Connection) -> Any:
    """An Alembic configuration built in code, running the packaged migrations on ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head", *, downgrade: bool = False) -> None:
    """Bring the schema to ``revision`` (upgrade, or downgrade when asked) in one transaction.

    SQLite and PostgreSQL both run DDL inside transactions, so a failed migration leaves the schema as
    it was. Concurrent starts are serialised (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
    PostgreSQL).
    """
    from alembic import command

    with engine.connect().execution_options(**{WRITE_OPTION: True}) as connection:
        # SQLite alters a table by copying it (batch mode) and dropping the old one, which would cascade
        # to every row that refers to it: foreign keys are off during a migration (the pragma only works
        # outside a transaction) and checked as a whole before it commits.
        raw = connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Two servers starting at once: the second waits, then finds the schema current.
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                config = alembic_config(connection)
                if downgrade:
                    command.downgrade(config, revision)
                else:
                    command.upgrade(config, revision)
                if raw is not None and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise InvalidInput(
                        "the database's rows no longer match after the upgrade; nothing was changed.",
                        fix="keep this database file and report the problem.",
                    )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
