"""Password hashing with argon2 (argon2-cffi's recommended parameters).

Only the hash is stored. Checking an unknown account still runs one full verification against a
fixed dummy hash, so the time taken does not tell which e-mail addresses have an account.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


# argon2 takes 64 MiB per hash: 40 concurrent sign-ins took a server from 117 MB to 1.5 GB. At most
# this many run at once in a process; the others wait their turn (a few hundred milliseconds each).
CONCURRENT_HASHES = 2
_SLOTS = threading.BoundedSemaphore(CONCURRENT_HASHES)


@cache
def hasher() -> PasswordHasher:
    """The shared argon2 hasher (imported lazily: the command line does not need it)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return hasher().hash("not a password of anyone")


def hash_password(password: str) -> str:
    """The argon2 hash of ``password`` (salted, so the same password never gives the same hash)."""
    with _SLOTS:
        return hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> tuple[bool, str | None]:
    """Whether ``password`` matches ``stored_hash``, and a fresh hash when the parameters were raised.

    ``stored_hash`` is ``None`` for an unknown account, and anything that is not an argon2 hash (the
    local user's ``"!"``) never matches.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    if not stored_hash or not stored_hash.startswith("$argon2"):
        _check(_dummy_hash(), password)
        return False, None
    try:
        with _SLOTS:
            hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False, None
    return True, hash_password(password) if hasher().check_needs_rehash(stored_hash) else None


def _check(stored_hash: str, password: str) -> None:
    """Spend the time of one verification, whatever its result."""
    from argon2.exceptions import VerificationError

    with suppress(VerificationError), _SLOTS:
        hasher().verify(stored_hash, password)
