"""A web app on a temporary database, and a client that carries the page's CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reinstate.web import Settings, create_app

TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


class Client:
    """A TestClient that reads the CSRF token from a page and sends it with every form."""

    def __init__(self, client: TestClient) -> None:
        self.http = client
        self.token = ""

    def get(self, url: str, **kwargs: Any) -> Any:
        response = self.http.get(url, **kwargs)
        found = TOKEN.search(response.text)
        if found:
            self.token = found.group(1)
        return response

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        if not self.token:
            self.get("/review")
        data = {**(data or {}), "csrf_token": self.token}
        return self.http.post(url, data=data, follow_redirects=False, **kwargs)

    def post_json(self, url: str, payload: dict[str, Any]) -> Any:
        if not self.token:
            self.get("/review")
        return self.http.post(url, json=payload, headers={"X-CSRF-Token": self.token})


def make_app(tmp_path: Path, **settings: Any) -> TestClient:
    db = f"sqlite:///{tmp_path / 'cases.db'}"
    settings.setdefault("background_analysis", False)  # analyse uploads before answering: tests stay exact
    settings.setdefault("allowed_hosts", ("testserver",))  # the test client's Host header
    return TestClient(create_app(Settings(db_url=db, secret_key="test-secret", **settings)))


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REINSTATE_HOME", str(tmp_path / "home"))


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    with make_app(tmp_path) as http:
        yield Client(http)
