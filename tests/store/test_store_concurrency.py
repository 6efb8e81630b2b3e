"""Two things at once: double-submitted drafts, two tabs saving a case, first use from two requests.

Each test starts its threads together at a barrier, so the calls really overlap; each uses its own
connection from the pool, as concurrent web requests do.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier
from typing import TypeVar

import pytest
from tests.store.test_store_upgrade_paths import revisions

from reinstate.store import AlreadyExists, ConflictError, Store, User, open_store
from reinstate.store.records import RecordsMixin

T = TypeVar("T")


def together(count: int, call: Callable[[int], T]) -> list[T | BaseException]:
    """Run ``call(i)`` for i in range(count) in threads released at the same moment; results or errors."""
    barrier = Barrier(count)

    def run(index: int) -> T | BaseException:
        barrier.wait()
        try:
            return call(index)
        except Exception as error:
            return error

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_a_double_submitted_draft_gets_numbers_n_and_n_plus_1(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Double click", "Acme")
    store.add_draft(alice, case.id, "Draft one", {}, {}, 50)
    results = together(2, lambda i: store.add_draft(alice, case.id, f"click {i}", {}, {}, 60))
    numbers = sorted(r.number for r in results if not isinstance(r, BaseException))
    assert numbers == [2, 3], results
    assert [d.number for d in store.list_drafts(alice, case.id)] == [1, 2, 3]


def test_many_concurrent_drafts_get_distinct_gapless_numbers(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Busy case", "Acme")

    def save_three(index: int) -> list[int]:
        return [
            store.add_draft(alice, case.id, f"writer {index} draft {k}", {}, {}, 50).number for k in range(3)
        ]

    results = together(8, save_three)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert errors == []
    numbers = sorted(n for r in results if isinstance(r, list) for n in r)
    assert numbers == list(range(1, 25))


def test_a_taken_draft_number_is_retried_not_an_error(
    store: Store, alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unique constraint is the last guard: a stale count fails the insert, and the save retries."""
    case = store.create_case(alice, "Stale count", "Acme")
    store.add_draft(alice, case.id, "Draft one", {}, {}, 50)
    real = RecordsMixin._next_draft_number
    calls: list[int] = []

    def stale_first(session: object, case_id: int) -> int:
        calls.append(case_id)
        return 1 if len(calls) == 1 else real(session, case_id)  # type: ignore[arg-type]

    monkeypatch.setattr(RecordsMixin, "_next_draft_number", staticmethod(stale_first))
    assert store.add_draft(alice, case.id, "Draft two", {}, {}, 60).number == 2
    assert len(calls) == 2
    assert [d.letter_text for d in store.list_drafts(alice, case.id)] == ["Draft one", "Draft two"]


def test_two_tabs_saving_the_same_version_one_wins_one_conflicts(store: Store, alice: User) -> None:
    case = store.create_case(alice, "Two tabs", "Acme")
    results = together(2, lambda i: store.update_case(alice, case.id, 1, notice_text=f"tab {i}"))
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    saved = [r for r in results if not isinstance(r, BaseException)]
    assert len(conflicts) == 1 and len(saved) == 1, results
    stored = store.get_case(alice, case.id)
    assert stored.version == 2
    assert stored.notice_text == saved[0].notice_text


def test_first_use_of_the_local_user_from_many_requests(db_url: str) -> None:
    store = open_store(db_url)
    results = together(6, lambda i: store.local_user().id)
    assert all(isinstance(r, int) for r in results), results
    assert len(set(results)) == 1
    store.close()


STARTER = """
import sys, time
from pathlib import Path
from sqlalchemy import Engine, event
from reinstate.store import open_store
from reinstate.store.engine import current_revision
folder, index, url = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
slowed = []

@event.listens_for(Engine, "before_cursor_execute")
def widen_the_race(conn, cursor, statement, *args):
    # Pause before this process's first CREATE TABLE, so unserialised migrations would surely collide.
    if statement.lstrip().upper().startswith("CREATE TABLE") and not slowed:
        slowed.append(True)
        time.sleep(0.3)

(folder / f"ready-{index}").touch()
while not (folder / "go").exists():
    time.sleep(0.001)
store = open_store(url)
print(current_revision(store.engine))
store.close()
"""


def test_servers_starting_at_once_on_an_empty_database_all_come_up_migrated(
    db_url: str, tmp_path: Path
) -> None:
    """Separate processes (imports done, then released together) each migrate the same empty database.

    The advisory lock (PostgreSQL) or ``BEGIN IMMEDIATE`` (SQLite) makes them queue; without it they
    create the same tables at once and all but one fail. Separate processes, as real servers are (and
    because Alembic's module-level context is not thread-safe: threads would hang, not fail).
    """
    count = 3
    starters = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, str(tmp_path), str(i), db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("ready-*"))) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        (tmp_path / "go").touch()
        outputs = [starter.communicate(timeout=60) for starter in starters]
    finally:
        for starter in starters:
            starter.kill()
    assert [starter.returncode for starter in starters] == [0] * count, [err for _, err in outputs]
    assert [out.strip() for out, _ in outputs] == [revisions()[-1]] * count
    store = open_store(db_url)
    assert store.create_case(store.local_user(), "After the race", "Acme").id == 1
    store.close()


def test_two_setup_forms_at_once_create_one_admin(store: Store) -> None:
    results = together(
        4, lambda i: store.create_first_admin(f"admin{i}@example.com", "correct horse battery")
    )
    created = [r for r in results if isinstance(r, User)]
    refused = [r for r in results if isinstance(r, AlreadyExists)]
    assert (len(created), len(refused)) == (1, 3), results
    assert [u.email for u in store.list_users(created[0])] == [created[0].email]
