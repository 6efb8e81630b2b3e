"""Errors of the case store, all under :class:`reinstate.errors.ReinstateError`.

The web shell turns each into one error page and one JSON error shape:

- :class:`NotFound`: the record does not exist *or* the acting user may not see it. The two are
  deliberately the same, so nobody can learn which case ids exist by guessing them.
- :class:`PermissionDenied`: the user can see the case but asked for an action reserved to its
  owner or an admin (sharing it, deleting it).
- :class:`ConflictError`: the case changed since the user loaded it (another tab saved first).
- :class:`InvalidInput` (also an :class:`~reinstate.errors.InputError`): a value the user gave is
  wrong (too long, empty, unknown status, a file too big or uploaded twice, a wrong current password:
  :class:`WrongPassword`).
- :class:`DatabaseUnavailable`: the database cannot be used right now (locked, read-only,
  unreachable); the message names the database and the fix, and nothing was changed.
"""

from __future__ import annotations

from reinstate.errors import InputError, ReinstateError


class StoreError(ReinstateError):
    """Base class of every error the store raises."""


class NotFound(StoreError):
    """The record does not exist, or the acting user has no right to see it (never told apart)."""


class PermissionDenied(StoreError):
    """An explicit action (share, delete) by a user who may see the case but not do that."""


class ConflictError(StoreError):
    """The case was changed by someone else since the caller read it.

    ``expected_version`` is the version the caller edited; ``current_version`` is the one stored
    now. The caller's change was not saved; reload, merge and save again.
    """

    def __init__(self, message: str, *, expected_version: int, current_version: int, fix: str) -> None:
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(message, fix=fix)


class InvalidInput(StoreError, InputError):
    """A value given to the store is not acceptable; ``key`` names the field."""


class AlreadyExists(InvalidInput):
    """A record that must be unique exists already (an e-mail address, a report in a case)."""


class ConfirmationRequired(InvalidInput):
    """A destructive action was asked for without ``confirm=True``."""


class WrongPassword(InvalidInput):
    """The current password given to change a password is not the account's (a failed sign-in)."""


class DatabaseUnavailable(StoreError):
    """The database cannot be opened or written: locked, read-only, missing driver, unreachable server."""
