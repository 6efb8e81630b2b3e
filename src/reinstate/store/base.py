"""Sessions, transactions and the one access rule every method of the store goes through.

Each public method runs in exactly one transaction (:meth:`StoreBase._read` or
:meth:`StoreBase._write`): it is committed whole or not at all, so an error or a crash half-way
leaves the database as it was. On SQLite a write transaction starts with ``BEGIN IMMEDIATE``, so
concurrent writers queue on the busy timeout; on PostgreSQL the case row is locked
(``SELECT ... FOR UPDATE``) before anything that depends on its current state.

Access rule (:meth:`StoreBase._case`): a user may use a case when they own it, it is shared with
them, or they are an admin. Anything else looks exactly like a case that does not exist
(:class:`NotFound`), so ids cannot be probed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from threading import Lock

from sqlalchemy import Engine, exists, or_, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from reinstate.store.engine import DEFAULT_BUSY_SECONDS, WRITE_OPTION, describe, unavailable_as_error
from reinstate.store.errors import DatabaseUnavailable, NotFound
from reinstate.store.models import Case, CaseShare, User, utcnow

MAX_ID = 2**31 - 1
DEFAULT_MAX_REPORT_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_TEXT_CHARS = 200_000


class StoreBase:
    """Holds the engine and the limits; the methods live in :class:`reinstate.store.store.Store`."""

    def __init__(
        self,
        engine: Engine,
        url: URL,
        *,
        max_report_bytes: int = DEFAULT_MAX_REPORT_BYTES,
        max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
        busy_seconds: float = DEFAULT_BUSY_SECONDS,
    ) -> None:
        self.engine = engine
        self.url = url
        self.max_report_bytes = max_report_bytes
        self.max_text_chars = max_text_chars
        self.busy_seconds = busy_seconds
        # SQLite has one writer at a time. Writers of this process queue on a lock, which wakes the next
        # one at once; SQLite's own busy wait (for other processes) polls with growing sleeps instead.
        self._sqlite_writer = Lock() if engine.dialect.name == "sqlite" else None
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    @property
    def database(self) -> str:
        """The database URL with any password hidden, for messages and the about page."""
        return describe(self.url)

    def close(self) -> None:
        """Close every pooled connection (the store cannot be used afterwards)."""
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """A read-only transaction."""
        with unavailable_as_error(self.url), self._reads.begin() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """A write transaction, committed when the block ends without an exception, else rolled back."""
        with self._writer_turn(), unavailable_as_error(self.url), self._writes.begin() as session:
            yield session

    @contextmanager
    def _writer_turn(self) -> Iterator[None]:
        lock = self._sqlite_writer
        if lock is None:
            yield
            return
        if not lock.acquire(timeout=self.busy_seconds):
            raise DatabaseUnavailable(
                f"the database {self.database} is busy: other requests kept it for {self.busy_seconds:g} s.",
                fix="try again in a moment.",
            )
        try:
            yield
        finally:
            lock.release()

    def _actor(self, session: Session, user: User) -> User:
        """The acting user as stored now (so a stale or forged ``is_admin`` flag counts for nothing)."""
        actor = session.get(User, user.id) if valid_id(user.id) else None
        if actor is None:
            raise NotFound("your account no longer exists.", fix="sign in again.")
        return actor

    def _case(self, session: Session, user: User, case_id: int, *, lock: bool = False) -> tuple[User, Case]:
        """The acting user and the case, if they may use it; otherwise :class:`NotFound`.

        ``lock`` takes a row lock on PostgreSQL (SQLite's ``BEGIN IMMEDIATE`` already serialises writers).
        """
        actor = self._actor(session, user)
        if not valid_id(case_id):
            raise case_not_found(case_id)
        query = select(Case).where(Case.id == case_id)
        # An administrator manages accounts; like everyone, they see only the cases they own or that
        # were shared with them (a seller's case is hers, whoever runs the server).
        shared = exists().where(CaseShare.case_id == Case.id, CaseShare.user_id == actor.id)
        query = query.where(or_(Case.owner_id == actor.id, shared))
        if lock:
            query = query.with_for_update()
        case = session.scalars(query).one_or_none()
        if case is None:
            raise case_not_found(case_id)
        return actor, case

    @staticmethod
    def _touch(case: Case) -> None:
        """Record a change to the case: a new version and a new ``updated_at`` (case row locked)."""
        case.version += 1
        case.updated_at = utcnow()


def valid_id(value: object) -> bool:
    """Whether ``value`` can be a record id (a whole number the database can hold); others match nothing."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def case_not_found(case_id: object) -> NotFound:
    """The one answer for a case that does not exist and a case the user may not see."""
    return NotFound(
        f"case {case_id} does not exist or is not shared with you.",
        key="case_id",
        fix="open it from your case list, or ask its owner to share it with you.",
        message_zh=f"申诉 {case_id} 不存在，或者没有共享给您。",
        fix_zh="请从申诉列表中打开；如需查看同事的申诉，请让申诉的所有者共享给您。",
    )
