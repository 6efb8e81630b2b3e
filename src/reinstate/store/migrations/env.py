"""Alembic environment of the case store.

``reinstate.store.engine.migrate`` runs the migrations from code on a connection it passes in
``config.attributes["connection"]``; no ``alembic.ini`` is involved. To write a new revision after
changing ``models.py``, let Alembic compare the models with a database at the current head::

    from alembic import command
    from alembic.config import Config
    from reinstate.store.engine import MIGRATIONS
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", "sqlite:////tmp/head.db")  # opened once with open_store()
    command.revision(config, message="what changes", autogenerate=True, rev_id="0002")

then read the new file in ``versions/``, run ``ruff format`` and ``ruff check --fix`` on it, and
add a test that upgrades from the previous revision. SQLite gets batch mode, so later migrations
can alter its tables too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from reinstate.store.errors import InvalidInput
from reinstate.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_on(connection: Connection) -> None:
    """Configure the migration context on ``connection`` and run the migrations in a transaction."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Use the caller's connection when given, else connect to the URL given on the command line."""
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise InvalidInput(
            "no database to migrate.", key="sqlalchemy.url", fix="set sqlalchemy.url in the Config."
        )
    engine = create_engine(url)
    with engine.connect() as own:
        run_on(own)
    engine.dispose()


if context.is_offline_mode():
    raise InvalidInput("offline (--sql) migrations are not supported.", fix="run them against a database.")
run_online()
