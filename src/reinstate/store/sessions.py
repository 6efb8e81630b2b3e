"""Server-side sign-in sessions, and the account changes that end them.

A signed-in browser holds a random token in its cookie; the database keeps only the token's SHA-256,
in a :class:`~reinstate.store.models.UserSession` row with its account, when it started, when it was
last used and when it ends (``SESSION_LIFETIME`` after sign-in, however often it is used).
:meth:`SessionsMixin.session_user` is the only way from a token to an account: a token whose row is
gone or past its end belongs to nobody, whatever the cookie says.

Sessions end:

- at sign-out, that browser's row (:meth:`~SessionsMixin.end_session`);
- with "sign out everywhere", every row of the account (:meth:`~SessionsMixin.end_all_sessions`);
- at a password change, every row of the account; the browser that changed it gets a new token
  (:meth:`~SessionsMixin.change_password`);
- with the account (:meth:`~SessionsMixin.delete_user`), by ``ON DELETE CASCADE``. An account that
  still owns cases is not deleted: a case is its owner's (and the work of everyone it is shared with),
  so its owner deletes it first. Cases that were only shared with the account stay with their owners;
  only the sharing ends.

Expired rows are deleted when the next session starts.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from reinstate.store import validate
from reinstate.store.base import StoreBase, valid_id
from reinstate.store.errors import (
    ConfirmationRequired,
    InvalidInput,
    NotFound,
    PermissionDenied,
    WrongPassword,
)
from reinstate.store.models import Case, User, UserSession, utcnow
from reinstate.store.passwords import hash_password, verify_password

SESSION_LIFETIME = timedelta(days=14)
SEEN_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often, so most pages only read
TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 128
USER_AGENT_CHARS = 200


@dataclass(frozen=True)
class SessionInfo:
    """What the account page shows of one session (never its token nor the token's hash)."""

    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    user_agent: str
    current: bool


def token_hash(token: object) -> str | None:
    """The SHA-256 (hex) a session row keeps of its token; ``None`` for what cannot be a token."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def clean_user_agent(value: object) -> str:
    """The browser's name as the account page lists it: printable characters only, at most 200."""
    text = value if isinstance(value, str) else ""
    return "".join(ch for ch in text if ch.isprintable())[:USER_AGENT_CHARS]


class SessionsMixin(StoreBase):
    """Sessions, the password change and account deletion: everything that starts or ends a session."""

    def start_session(self, user: User, user_agent: str = "") -> str:
        """A new session of ``user``; returns its token, for the cookie (the database keeps only its hash)."""
        with self._write() as session:
            return _new_session(session, self._actor(session, user).id, user_agent)

    def session_user(self, token: object) -> User | None:
        """The account of the session with this token, or ``None`` when it ended, expired or never was."""
        digest = token_hash(token)
        if digest is None:
            return None
        query = (
            select(UserSession, User)
            .join(User, User.id == UserSession.user_id)
            .where(UserSession.token_hash == digest)
        )
        with self._read() as session:
            found = session.execute(query).one_or_none()
        if found is None:
            return None
        row, user = found
        now = utcnow()
        if row.expires_at <= now:
            self.end_session(token)
            return None
        if now - row.last_seen_at >= SEEN_EVERY:
            self._seen(row.id, now)
        return user

    def end_session(self, token: object) -> None:
        """End the session of this token (sign-out); nothing when there is none."""
        digest = token_hash(token)
        if digest is None:
            return
        with self._write() as session:
            session.execute(delete(UserSession).where(UserSession.token_hash == digest))

    def end_all_sessions(self, user: User) -> None:
        """End every session of ``user``, the caller's too ("sign out everywhere")."""
        with self._write() as session:
            _end_all(session, self._actor(session, user).id)

    def list_sessions(self, user: User, current_token: object = None) -> list[SessionInfo]:
        """The sessions of ``user`` that have not ended, newest first; ``current`` marks the caller's."""
        digest = token_hash(current_token)
        with self._read() as session:
            actor = self._actor(session, user)
            query = (
                select(UserSession)
                .where(UserSession.user_id == actor.id, UserSession.expires_at > utcnow())
                .order_by(UserSession.created_at.desc(), UserSession.id.desc())
            )
            rows = list(session.scalars(query))
        return [
            SessionInfo(r.created_at, r.last_seen_at, r.expires_at, r.user_agent, r.token_hash == digest)
            for r in rows
        ]

    def change_password(
        self, user: User, current_password: str, new_password: str, *, user_agent: str = ""
    ) -> str:
        """Set a new password once the current one is confirmed; every session of the account ends.

        Returns the token of a new session for the browser that asked, so it stays signed in while
        every other browser is signed out. Raises :class:`WrongPassword` when ``current_password`` is
        not the account's, and :class:`InvalidInput` when the new one breaks the password rules or is
        the current one again.
        """
        new = validate.password(new_password)
        current = current_password if isinstance(current_password, str) else ""
        if new == current:
            raise _same_password()
        with self._read() as session:
            checked_hash = self._actor(session, user).password_hash
        if not verify_password(checked_hash, current)[0]:  # argon2 runs outside any transaction
            raise _wrong_password()
        new_hash = hash_password(new)
        with self._write() as session:
            actor = self._actor(session, user)
            if actor.password_hash != checked_hash:  # changed by another request in the meantime
                raise _wrong_password()
            actor.password_hash = new_hash
            _end_all(session, actor.id)
            return _new_session(session, actor.id, user_agent)

    def delete_user(self, user: User, user_id: int, confirm: bool = False) -> None:
        """Delete another account with its sessions and sharing (admins only, and only with ``confirm``).

        Refused for one's own account (an administrator must remain) and for an account that still
        owns cases: they would go with it. Its row is locked first, so a case or session created at
        the same moment either is counted here or fails on its foreign key: nothing is left orphaned.
        """
        with self._write() as session:
            actor = self._actor(session, user)
            if not actor.is_admin:
                raise _admins_only()
            target = _account(session, user_id)
            if target.id == actor.id:
                raise _not_yourself()
            owned = (
                session.scalar(select(func.count()).select_from(Case).where(Case.owner_id == target.id)) or 0
            )
            if owned:
                raise _owns_cases(target.email, owned)
            if confirm is not True:
                raise _confirm_deletion(target.email)
            session.execute(delete(User).where(User.id == target.id))

    def _seen(self, session_id: int, now: datetime) -> None:
        """Note that a session was used (at most every ``SEEN_EVERY``, so most requests write nothing)."""
        with self._write() as session:
            session.execute(update(UserSession).where(UserSession.id == session_id).values(last_seen_at=now))


def _new_session(session: Session, user_id: int, user_agent: object) -> str:
    """Insert a session row and return its token; rows past their end are removed on the way."""
    now = utcnow()
    session.execute(delete(UserSession).where(UserSession.expires_at <= now))
    token = secrets.token_urlsafe(TOKEN_BYTES)
    session.add(
        UserSession(
            token_hash=token_hash(token),
            user_id=user_id,
            user_agent=clean_user_agent(user_agent),
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    return token


def _end_all(session: Session, user_id: int) -> None:
    session.execute(delete(UserSession).where(UserSession.user_id == user_id))


def _account(session: Session, user_id: int) -> User:
    """The account with this id, its row locked (PostgreSQL) until the transaction ends."""
    query = select(User).where(User.id == user_id).with_for_update()
    found = session.scalars(query).one_or_none() if valid_id(user_id) else None
    if found is None:
        raise NotFound(
            f"account {user_id} does not exist.",
            key="user_id",
            fix="pick one from the list of accounts.",
            message_zh=f"账号 {user_id} 不存在。",
            fix_zh="请从账号列表中选择。",
        )
    return found


# The errors a signed-in user meets here, in both languages of the interface.
def _wrong_password() -> WrongPassword:
    return WrongPassword(
        "the current password is not right.",
        key="current_password",
        fix="type the password you signed in with.",
        message_zh="当前密码不正确。",
        fix_zh="请输入您登录时使用的密码。",
    )


def _same_password() -> InvalidInput:
    return InvalidInput(
        "the new password is the current one.",
        key="new_password",
        fix="choose a different password.",
        message_zh="新密码与当前密码相同。",
        fix_zh="请换一个不同的密码。",
    )


def _admins_only() -> PermissionDenied:
    return PermissionDenied(
        "only an administrator may delete accounts.",
        fix="ask an administrator.",
        message_zh="只有管理员可以删除账号。",
        fix_zh="请联系管理员。",
    )


def _not_yourself() -> InvalidInput:
    return InvalidInput(
        "you cannot delete your own account.",
        key="user_id",
        fix="another administrator can delete it.",
        message_zh="您不能删除自己的账号。",
        fix_zh="可以请另一位管理员删除。",
    )


def _owns_cases(email: str, count: int) -> InvalidInput:
    return InvalidInput(
        f"{email} still owns {count} case(s); deleting the account would delete them too.",
        key="user_id",
        fix=f"ask {email} to export and delete those cases first, then delete the account.",
        message_zh=f"{email} 名下还有 {count} 个申诉；删除账号会把这些申诉一并删除。",
        fix_zh=f"请先让 {email} 导出并删除这些申诉，再删除账号。",
    )


def _confirm_deletion(email: str) -> ConfirmationRequired:
    return ConfirmationRequired(
        f"deleting the account {email} signs it out everywhere and cannot be undone.",
        key="confirm",
        fix="confirm the deletion to go ahead.",
        message_zh=f"删除账号 {email} 会让它在所有设备上退出登录，且无法撤销。",
        fix_zh="请确认删除后再继续。",
    )
