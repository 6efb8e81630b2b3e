"""The case store: users, cases, sharing and export. Open it with :func:`open_store`.

Every method takes the acting user first (except the account methods) and checks the access rule
of :mod:`reinstate.store.base`. Returned rows are detached snapshots: their columns can be read
after the call, and changing them changes nothing in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reinstate.store import export, validate
from reinstate.store.base import DEFAULT_MAX_REPORT_BYTES, DEFAULT_MAX_TEXT_CHARS, valid_id
from reinstate.store.documents import DocumentsMixin
from reinstate.store.engine import (
    DEFAULT_BUSY_SECONDS,
    build_engine,
    migrate,
    normalise_url,
    unavailable_as_error,
)
from reinstate.store.errors import (
    AlreadyExists,
    ConfirmationRequired,
    ConflictError,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from reinstate.store.listing import ListingMixin
from reinstate.store.models import Case, CaseShare, DraftVersion, User, utcnow
from reinstate.store.passwords import hash_password, verify_password
from reinstate.store.records import DraftSummary, RecordsMixin
from reinstate.store.sessions import SessionsMixin

LOCAL_EMAIL = "local@reinstate.invalid"
LOCAL_PASSWORD_HASH = "!"  # not an argon2 hash: nobody can sign in as the local user
EDITABLE = (
    "title",
    "seller_name",
    "marketplace",
    "reasons",
    "status",
    "deadline",
    "notice_text",
    "case_yaml",
)


class Store(ListingMixin, RecordsMixin, DocumentsMixin, SessionsMixin):
    """All reads and writes of cases, accounts and sessions, each in one transaction with its access check.

    Open one per process with :func:`open_store` and share it between threads (web requests):
    every call takes its own connection from the pool. :meth:`close` releases the connections.
    """

    # Accounts -------------------------------------------------------------------------------

    def create_user(self, email: str, password: str, is_admin: bool = False) -> User:
        """A new account; the password is kept only as an argon2 hash. Refuses a known e-mail."""
        address = _account_email(email)
        digest = hash_password(validate.password(password))
        try:
            with self._write() as session:
                user = User(email=address, password_hash=digest, is_admin=bool(is_admin), created_at=utcnow())
                session.add(user)
                session.flush()
                return user
        except IntegrityError as error:
            raise AlreadyExists(
                f"an account with the e-mail {address} exists already.", key="email", fix="sign in instead."
            ) from error

    def authenticate(self, email: str, password: str) -> User | None:
        """The account with this e-mail and password, or ``None`` (same time taken either way)."""
        try:
            address = validate.email(email)
        except InvalidInput:
            return None
        if not isinstance(password, str):
            return None
        with self._read() as session:
            user = session.scalars(select(User).where(User.email == address)).one_or_none()
        ok, new_hash = verify_password(user.password_hash if user else None, password)
        if user is None or not ok:
            return None
        if new_hash:
            with self._write() as session:
                stored = session.get(User, user.id)
                if stored is not None:
                    stored.password_hash = new_hash
        return user

    def local_user(self) -> User:
        """The implicit admin of single-user mode, created on first use (safe if two requests race)."""
        for _attempt in range(2):
            with self._read() as session:
                found = session.scalars(select(User).where(User.email == LOCAL_EMAIL)).one_or_none()
            if found is not None:
                return found
            try:
                with self._write() as session:
                    user = User(
                        email=LOCAL_EMAIL,
                        password_hash=LOCAL_PASSWORD_HASH,
                        is_admin=True,
                        created_at=utcnow(),
                    )
                    session.add(user)
                    session.flush()
                    return user
            except IntegrityError:
                continue  # created by a concurrent request: read it on the next round
        raise NotFound("the local user could not be created.", fix="restart reinstate.")  # pragma: no cover

    def get_user(self, user_id: int) -> User:
        """The account with this id (for a signed-in session), or :class:`NotFound`."""
        with self._read() as session:
            user = session.get(User, user_id) if valid_id(user_id) else None
        if user is None:
            raise NotFound(f"account {user_id} does not exist.", fix="sign in again.")
        return user

    def has_users(self) -> bool:
        """Whether any account that can sign in exists (the implicit local user does not count)."""
        with self._read() as session:
            return session.scalar(select(exists().where(User.email != LOCAL_EMAIL))) is True

    def create_first_admin(self, email: str, password: str) -> User:
        """The first admin of a fresh multi-user install; :class:`AlreadyExists` if any account exists.

        Check and insert happen in one locked transaction, so two set-up forms sent at once cannot
        both create an admin.
        """
        address = _account_email(email)
        digest = hash_password(validate.password(password))
        with self._write() as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))
            if session.scalar(select(exists().where(User.email != LOCAL_EMAIL))):
                raise AlreadyExists("an administrator exists already.", key="email", fix="sign in instead.")
            user = User(email=address, password_hash=digest, is_admin=True, created_at=utcnow())
            session.add(user)
            session.flush()
            return user

    def list_users(self, user: User) -> list[User]:
        """Every account that can sign in, by e-mail (admins only)."""
        with self._read() as session:
            if not self._actor(session, user).is_admin:
                raise PermissionDenied("only an admin may list the accounts.", fix="ask an admin.")
            query = select(User).where(User.email != LOCAL_EMAIL).order_by(User.email)
            return list(session.scalars(query))

    # Cases ------------------------------------------------------------------------------------

    def create_case(
        self,
        user: User,
        title: str,
        seller_name: str = "",
        *,
        marketplace: str = "",
        reasons: Iterable[str] = (),
        status: str = "draft",
        deadline: date | str | None = None,
        notice_text: str = "",
        case_yaml: str = "",
    ) -> Case:
        """A new case owned by ``user``, at version 1."""
        fields = self._clean_fields(
            title=title, seller_name=seller_name, marketplace=marketplace, reasons=reasons, status=status,
            deadline=deadline, notice_text=notice_text, case_yaml=case_yaml,
        )  # fmt: skip
        with self._write() as session:
            owner = self._actor(session, user)
            now = utcnow()
            case = Case(owner_id=owner.id, version=1, created_at=now, updated_at=now, **fields)
            session.add(case)
            session.flush()
            return case

    def list_cases(self, user: User) -> list[Case]:
        """The cases ``user`` may see (own and shared, for an admin too), most recently changed first."""
        with self._read() as session:
            actor = self._actor(session, user)
            query = select(Case).order_by(Case.updated_at.desc(), Case.id.desc())
            shared = exists().where(CaseShare.case_id == Case.id, CaseShare.user_id == actor.id)
            query = query.where(or_(Case.owner_id == actor.id, shared))
            return list(session.scalars(query))

    def latest_drafts(self, user: User) -> dict[int, DraftSummary]:
        """The newest draft of every case the user may see, in one query (for the case list)."""
        with self._read() as session:
            actor = self._actor(session, user)
            newest = select(DraftVersion.case_id, func.max(DraftVersion.number).label("number"))
            shared = select(CaseShare.case_id).where(CaseShare.user_id == actor.id)
            owned = select(Case.id).where(Case.owner_id == actor.id)
            newest = newest.where(or_(DraftVersion.case_id.in_(owned), DraftVersion.case_id.in_(shared)))
            latest = newest.group_by(DraftVersion.case_id).subquery()
            query = select(
                DraftVersion.case_id, DraftVersion.number, DraftVersion.score, DraftVersion.created_at
            ).join(
                latest, (DraftVersion.case_id == latest.c.case_id) & (DraftVersion.number == latest.c.number)
            )
            return {cid: DraftSummary(n, score, at) for cid, n, score, at in session.execute(query)}

    def get_case(self, user: User, case_id: int) -> Case:
        """One case, or :class:`NotFound` when it does not exist or ``user`` may not see it."""
        with self._read() as session:
            return self._case(session, user, case_id)[1]

    def update_case(self, user: User, case_id: int, expected_version: int, **fields: Any) -> Case:
        """Change the given fields, if the case is still at ``expected_version``.

        Raises :class:`ConflictError` (with both versions, nothing saved) when someone saved the
        case since the caller loaded it, so a second tab never silently overwrites the first.
        """
        clean = self._clean_fields(**fields)
        if not isinstance(expected_version, int) or isinstance(expected_version, bool):
            raise InvalidInput(
                f"expected_version {expected_version!r} is not a version number.",
                key="expected_version",
                fix="send the version shown when the case was loaded.",
            )
        with self._write() as session:
            _, case = self._case(session, user, case_id, lock=True)
            if case.version != expected_version:
                raise ConflictError(
                    f"case {case_id} was changed elsewhere since you opened it (you edited version "
                    f"{expected_version}, it is now at version {case.version}); your changes were not saved.",
                    expected_version=expected_version,
                    current_version=case.version,
                    fix="reload the case, apply your changes again and save.",
                )
            for key, value in clean.items():
                setattr(case, key, value)
            self._touch(case)
            return case

    def delete_case(self, user: User, case_id: int, confirm: bool = False) -> None:
        """Delete a case and everything in it; only its owner, and only with ``confirm``."""
        with self._write() as session:
            actor, case = self._case(session, user, case_id, lock=True)
            if case.owner_id != actor.id:
                raise _only_the_owner(case_id, "delete")
            if confirm is not True:
                raise ConfirmationRequired(
                    f"deleting case {case_id} ({case.title}) removes its reports, drafts and replies for good.",
                    key="confirm",
                    fix="confirm the deletion to go ahead.",
                )
            session.execute(delete(Case).where(Case.id == case.id))

    # Sharing ----------------------------------------------------------------------------------

    def share_case(self, user: User, case_id: int, other_user_email: str) -> None:
        """Let the account with ``other_user_email`` read and edit the case (owner only)."""
        address = validate.email(other_user_email)
        with self._write() as session:
            _, case = self._owned_case(session, user, case_id, "share")
            other = session.scalars(select(User).where(User.email == address)).one_or_none()
            if other is None:
                raise NotFound(
                    f"no account has the e-mail {address}.",
                    key="email",
                    fix="check the address, or ask an administrator to add the account.",
                    message_zh=f"没有邮箱为 {address} 的账号。",
                    fix_zh="请核对邮箱地址，或请管理员添加这个账号。",
                )
            if other.id == case.owner_id or session.get(CaseShare, (case.id, other.id)) is not None:
                return
            session.add(CaseShare(case_id=case.id, user_id=other.id))

    def unshare_case(self, user: User, case_id: int, other_user_email: str) -> None:
        """Stop sharing the case with that account (owner only); nothing if it was not shared."""
        address = validate.email(other_user_email)
        with self._write() as session:
            _, case = self._owned_case(session, user, case_id, "unshare")
            other = session.scalars(select(User).where(User.email == address)).one_or_none()
            if other is not None:
                session.execute(
                    delete(CaseShare).where(CaseShare.case_id == case.id, CaseShare.user_id == other.id)
                )

    def list_shares(self, user: User, case_id: int) -> list[str]:
        """The e-mail addresses the case is shared with, sorted."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            query = (
                select(User.email)
                .join(CaseShare, CaseShare.user_id == User.id)
                .where(CaseShare.case_id == case.id)
            )
            return sorted(session.scalars(query))

    def export_case(self, user: User, case_id: int, *, include_report_content: bool = True) -> dict[str, Any]:
        """Everything of a case as JSON-ready data (report files in base64 unless left out)."""
        with self._read() as session:
            _, case = self._case(session, user, case_id)
            return export.case_export(session, case, include_report_content=include_report_content)

    # Helpers ----------------------------------------------------------------------------------

    def _owned_case(self, session: Session, user: User, case_id: int, action: str) -> tuple[User, Case]:
        actor, case = self._case(session, user, case_id, lock=True)
        if case.owner_id != actor.id:
            raise _only_the_owner(case_id, action)
        return actor, case

    def _clean_fields(self, **fields: Any) -> dict[str, Any]:
        """Validated case fields; an unknown name is an error, not silently dropped."""
        unknown = sorted(set(fields) - set(EDITABLE))
        if unknown:
            raise InvalidInput(
                f"a case has no field {', '.join(unknown)}.",
                key=unknown[0],
                fix=f"use: {', '.join(EDITABLE)}.",
            )
        limit = self.max_text_chars
        checks: dict[str, Any] = {
            "title": lambda v: validate.line(v, "title", limit=200, required=True),
            "seller_name": lambda v: validate.line(v, "seller_name", limit=200),
            "marketplace": lambda v: validate.line(v, "marketplace", limit=40),
            "reasons": validate.reasons,
            "status": validate.status,
            "deadline": lambda v: validate.optional_day(v, "deadline"),
            "notice_text": lambda v: validate.text(v, "notice_text", limit=limit),
            "case_yaml": lambda v: validate.text(v, "case_yaml", limit=limit),
        }
        return {key: checks[key](value) for key, value in fields.items()}


# What only a case's owner may do, in the Chinese of the interface.
OWNER_ACTIONS_ZH = {"share": "共享", "unshare": "取消共享", "delete": "删除"}


def _only_the_owner(case_id: int, action: str) -> PermissionDenied:
    return PermissionDenied(
        f"only the owner of case {case_id} may {action} it.",
        fix="ask its owner.",
        message_zh=f"只有申诉 {case_id} 的所有者才能{OWNER_ACTIONS_ZH.get(action, action)}它。",
        fix_zh="请联系申诉的所有者。",
    )


def _account_email(email: str) -> str:
    """A valid e-mail address that is not the reserved address of the local user."""
    address = validate.email(email)
    if address == LOCAL_EMAIL:
        raise InvalidInput(
            f"{address} is reserved for the local user.", key="email", fix="use your own address."
        )
    return address


def open_store(
    url: str | None = None,
    *,
    max_report_bytes: int = DEFAULT_MAX_REPORT_BYTES,
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
    busy_seconds: float = DEFAULT_BUSY_SECONDS,
    upgrade: bool = True,
) -> Store:
    """Open (creating and migrating when needed) the database at ``url`` and return its :class:`Store`.

    ``url`` is ``None`` for the default SQLite file (see :func:`reinstate.store.engine.default_url`),
    a ``sqlite:///`` or ``postgresql://`` URL, or a bare file path. Raises :class:`DatabaseUnavailable`
    when the database cannot be opened or migrated, and :class:`InvalidInput` for a URL it cannot use.
    """
    parsed = normalise_url(url)
    engine = build_engine(parsed, busy_seconds=busy_seconds)
    try:
        if upgrade:
            with unavailable_as_error(parsed):
                migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(
        engine,
        parsed,
        max_report_bytes=max_report_bytes,
        max_text_chars=max_text_chars,
        busy_seconds=busy_seconds,
    )
