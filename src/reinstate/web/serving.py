"""Several worker processes, each with a listening socket of its own.

uvicorn's ``workers=N`` hands one listening socket to every worker. asyncio accepts every waiting
connection whenever its socket is readable, so when many browsers connect together the worker that
wakes first takes most of them and keeps them (keep-alive) while the other one idles: under the load
benchmark one worker did four times the work of the other, and its queue set the 95th percentile.
With ``SO_REUSEPORT`` each worker listens on its own socket bound to the same port, and the kernel
spreads new connections evenly between the sockets. Elsewhere than on Linux the caller falls back to
uvicorn's own workers.

The supervisor here restarts a worker that dies and, on Ctrl+C or SIGTERM, stops them all.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from types import FrameType

from reinstate.errors import OutputError

APP = "reinstate.web.app:create_app_from_env"  # the factory each worker calls
STOP_WAIT = 10.0  # seconds a worker has to finish its requests before it is killed
BACKLOG = 2048  # uvicorn's default
EARLY_DEATH = 5.0  # a worker that dies this soon after starting failed to start
MAX_EARLY_DEATHS = 3  # in a row: then the supervisor gives up instead of restarting forever


def can_share_port() -> bool:
    """Whether the kernel spreads connections between sockets sharing a port: Linux does (3.9 and later);
    the BSDs and macOS accept SO_REUSEPORT but do not balance, so they keep uvicorn's workers."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _address(host: str, port: int) -> tuple[socket.AddressFamily, tuple[str, int]]:
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    return family, (str(address[0]), int(address[1]))


def check_port_free(host: str, port: int) -> None:
    """Refuse a port something else listens on, with a message, before any worker starts."""
    family, address = _address(host, port)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise OutputError(
                f"cannot listen on {host}:{port} ({exc.strerror or exc}).",
                fix="stop the program that uses this port, or choose another with --port.",
            ) from None


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket of this worker's own, bound to the shared port; the kernel balances between them."""
    family, address = _address(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)  # at once: connections wait in the queue while the app loads, none is refused
    return sock


def run_worker(host: str, port: int) -> None:
    """One worker process: its own socket, the app from the environment, uvicorn's event loop."""
    import uvicorn

    _stop_with_supervisor()
    sock = listening_socket(host, port)
    config = uvicorn.Config(APP, factory=True, log_level="warning", backlog=BACKLOG)
    uvicorn.Server(config).run(sockets=[sock])


def _stop_with_supervisor() -> None:
    """A worker whose supervisor was killed stops too, rather than serve on unsupervised."""
    supervisor = os.getppid()

    def watch() -> None:
        while os.getppid() == supervisor:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's graceful stop

    threading.Thread(target=watch, daemon=True, name="supervisor-watch").start()


class Supervisor:
    """Starts ``workers`` processes, restarts one that dies, stops all of them on a signal."""

    def __init__(self, host: str, port: int, workers: int) -> None:
        self.host, self.port, self.workers = host, port, workers
        self.context = multiprocessing.get_context("spawn")
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.started: list[float] = []
        self.early_deaths = 0
        self.stopping = False

    def _start_one(self) -> multiprocessing.process.BaseProcess:
        process = self.context.Process(
            target=run_worker, args=(self.host, self.port), name="reinstate-worker"
        )
        process.start()
        return process

    def _replace(self, index: int) -> None:
        """Start a new worker in place of one that died; give up when workers die as they start."""
        dead = self.processes[index]
        if time.monotonic() - self.started[index] < EARLY_DEATH:
            self.early_deaths += 1
            if self.early_deaths >= MAX_EARLY_DEATHS:
                raise OutputError(
                    f"the web app's workers stop as soon as they start (exit code {dead.exitcode}).",
                    fix="run `reinstate serve --workers 1` to see the error.",
                )
        else:
            self.early_deaths = 0
        print(f"reinstate: worker {dead.pid} stopped; starting another.", file=sys.stderr)
        self.processes[index] = self._start_one()
        self.started[index] = time.monotonic()

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def run(self) -> None:
        check_port_free(self.host, self.port)
        before = {signum: signal.signal(signum, self._stop) for signum in (signal.SIGINT, signal.SIGTERM)}
        self.processes = [self._start_one() for _ in range(self.workers)]
        self.started = [time.monotonic()] * self.workers
        try:
            while not self.stopping:
                time.sleep(0.25)
                for index, process in enumerate(self.processes):
                    if not process.is_alive() and not self.stopping:
                        self._replace(index)
        finally:
            self._shutdown()
            for signum, handler in before.items():
                signal.signal(signum, handler)

    def _shutdown(self) -> None:
        for process in self.processes:
            if process.is_alive() and process.pid is not None:
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight, then exits
        deadline = time.monotonic() + STOP_WAIT
        for process in self.processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
