"""A limit on failed sign-ins, per account and per address, so a password cannot be guessed by trying.

After ``PER_ACCOUNT`` failures for one e-mail address, or ``PER_ADDRESS`` from one network address,
within ``WINDOW`` seconds, sign-in is refused (HTTP 429) until the oldest failure leaves the window;
a successful sign-in clears the account's failures. The counts live in the memory of each server
process: a restart forgets them, and with ``--workers N`` each worker counts on its own (so an
attacker gets at most N times the allowance). Memory stays bounded: at most ``MAX_KEYS`` keys are
kept, the oldest forgotten first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

PER_ACCOUNT = 5
PER_ADDRESS = 20
WINDOW = 15 * 60.0
MAX_KEYS = 10_000


class LoginLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._now = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        found = self._failures.get(key) or deque()
        while found and now - found[0] > WINDOW:
            found.popleft()
        return found

    def wait_seconds(self, account: str, address: str) -> int:
        """0 when a sign-in may be tried now, else how long to wait."""
        now = self._now()
        with self._lock:
            waits = []
            for key, limit in (
                (f"account:{account.lower()}", PER_ACCOUNT),
                (f"address:{address}", PER_ADDRESS),
            ):
                recent = self._recent(key, now)
                if len(recent) >= limit:
                    waits.append(int(WINDOW - (now - recent[0])) + 1)
            return max(waits, default=0)

    def failed(self, account: str, address: str) -> None:
        now = self._now()
        with self._lock:
            for key in (f"account:{account.lower()}", f"address:{address}"):
                recent = self._recent(key, now)
                recent.append(now)
                self._failures[key] = recent
                self._failures.move_to_end(key)
            while len(self._failures) > MAX_KEYS:
                self._failures.popitem(last=False)

    def succeeded(self, account: str) -> None:
        with self._lock:
            self._failures.pop(f"account:{account.lower()}", None)
