"""`reinstate serve` starts the app on the given port, prints where, and stops on a signal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_answers_and_stops(tmp_path: Path, workers: str) -> None:
    port = free_port()
    env = {**os.environ, "REINSTATE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "reinstate", "serve", "--port", str(port), "--workers", workers]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.HTTPError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and "reinstate" in response.text
        assert (tmp_path / "cases.db").exists() or any(tmp_path.glob("*.db"))
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err


def wait_until_up(server: subprocess.Popen[str], port: int) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
        except httpx.HTTPError:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_port_in_use_is_refused_with_a_message(tmp_path: Path, workers: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "REINSTATE_HOME": str(tmp_path)}
        command = [sys.executable, "-m", "reinstate", "serve", "--port", str(port), "--workers", workers]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert "running at" not in done.stderr


def worker_pids(supervisor: int) -> set[int]:
    """The supervisor's worker processes (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    return {int(pid) for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()}


def listeners(port: int) -> int:
    """Listening sockets on the port: one per worker, each its own (SO_REUSEPORT)."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(1 for row in rows if row[1].endswith(f":{port:04X}") and row[3] == "0A")  # 0A: LISTEN


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads processes and sockets from /proc")
def test_a_worker_that_dies_is_replaced(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "REINSTATE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "reinstate", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(server, port)
        wait_for(lambda: listeners(port) == 2, "each of the two workers listens on a socket of its own")
        before = worker_pids(server.pid)
        assert len(before) == 2
        victim = min(before)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(worker_pids(server.pid) - {victim}) == 2, "the dead worker was replaced")
        wait_for(lambda: listeners(port) == 2, "the new worker listens")
        for _ in range(20):  # fresh connections are answered, whichever socket the kernel picks
            with httpx.Client() as fresh:
                assert fresh.get(f"http://127.0.0.1:{port}/review", timeout=10).status_code == 200
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)
        _, err = server.communicate(timeout=30)
    assert f"worker {victim} stopped; starting another" in err
    assert server.returncode == 0


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads processes and sockets from /proc")
def test_workers_stop_when_their_supervisor_is_killed(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "REINSTATE_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "reinstate", "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    wait_for(lambda: server.poll() is None and listeners(port) == 2, "two workers listen")
    workers = worker_pids(server.pid)
    server.kill()
    server.wait(timeout=10)
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), "the workers stopped")
    assert listeners(port) == 0


def die_at_once(host: str, port: int) -> None:
    """A worker that fails as it starts (as one would on a broken installation)."""
    raise SystemExit(3)


def test_workers_that_die_as_they_start_make_the_supervisor_give_up_with_a_message() -> None:
    import multiprocessing.process

    from reinstate.errors import OutputError
    from reinstate.web.serving import Supervisor

    class Failing(Supervisor):
        def _start_one(self) -> multiprocessing.process.BaseProcess:
            process = self.context.Process(target=die_at_once, args=(self.host, self.port))
            process.start()
            return process

    supervisor = Failing("127.0.0.1", free_port(), 2)
    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(OutputError, match=r"stop as soon as they start \(exit code 3\).*--workers 1"):
        supervisor.run()
    assert not any(process.is_alive() for process in supervisor.processes)
    assert signal.getsignal(signal.SIGINT) is handler  # the caller's handlers are given back
