"""Failed sign-ins are limited per account and per address; argon2 runs at most twice at once (issue 13 item 3)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reinstate.web.ratelimit import PER_ACCOUNT, PER_ADDRESS, WINDOW, LoginLimiter
from tests.web.conftest import Client, make_app
from tests.web.test_users import sign_in


@pytest.fixture
def multi(tmp_path: Path) -> Iterator[Client]:
    with make_app(tmp_path, multi_user=True) as http:
        client = Client(http)
        client.get("/setup")
        client.post("/setup", {"email": "admin@example.com", "password": "correct horse battery"})
        client.post("/logout")
        yield client


def test_guessing_a_password_is_stopped_after_five_tries(multi: Client) -> None:
    for _ in range(PER_ACCOUNT):
        assert sign_in(multi, "admin@example.com", "wrong password!") == 401
    assert sign_in(multi, "admin@example.com", "wrong password!") == 429
    # even the right password waits: the limit does not tell the guesser which try was right
    assert sign_in(multi, "admin@example.com", "correct horse battery") == 429
    page = multi.http.post(
        "/login", data={"email": "admin@example.com", "password": "x", "next": "/", "csrf_token": multi.token}
    )
    assert page.status_code == 429 and "Wait 15 minutes" in page.text


def test_the_limiter_counts_per_account_and_per_address_and_forgets() -> None:
    now = [1000.0]
    limiter = LoginLimiter(clock=lambda: now[0])
    for _ in range(PER_ACCOUNT):
        limiter.failed("A@example.com", "10.0.0.1")
    assert limiter.wait_seconds("a@example.com", "10.0.0.2") > 0  # the account, from anywhere
    assert limiter.wait_seconds("b@example.com", "10.0.0.1") == 0  # the address is still under its limit
    for n in range(PER_ADDRESS):
        limiter.failed(f"user{n}@example.com", "10.0.0.9")
    assert limiter.wait_seconds("new@example.com", "10.0.0.9") > 0  # spraying many accounts from one address
    now[0] += WINDOW + 1
    assert limiter.wait_seconds("a@example.com", "10.0.0.1") == 0
    limiter.failed("c@example.com", "10.0.0.3")
    limiter.succeeded("c@example.com")
    assert limiter.wait_seconds("c@example.com", "10.0.0.4") == 0


def test_at_most_two_password_hashes_run_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from reinstate.store import passwords

    running = [0]
    peak = [0]
    lock = threading.Lock()

    class SlowHasher:
        def hash(self, password: str) -> str:
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            time.sleep(0.05)
            with lock:
                running[0] -= 1
            return "$argon2id$fake"

    monkeypatch.setattr(passwords, "hasher", lambda: SlowHasher())
    threads = [threading.Thread(target=passwords.hash_password, args=("pw",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak[0] == passwords.CONCURRENT_HASHES
