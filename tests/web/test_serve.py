"""`reinstate serve` starts the app on the given port, prints where, and stops on a signal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
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
