"""Who may reach the app (allowed hosts against DNS rebinding) and what every response tells the browser."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import Client, make_app


def test_an_unknown_host_is_refused_before_any_page(tmp_path: Path) -> None:
    http = make_app(tmp_path)
    rebinding = http.get("/", headers={"Host": "attacker.example:18742"})
    assert rebinding.status_code == 400
    assert "csrf" not in rebinding.text.lower() and "--allowed-host" in rebinding.text
    assert http.get("/api/cases", headers={"Host": "attacker.example"}).status_code == 400
    for name in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "testserver"):
        assert http.get("/", headers={"Host": name}).status_code == 200, name


def test_allowed_host_adds_a_lan_name(tmp_path: Path) -> None:
    http = make_app(tmp_path, allowed_hosts=("testserver", "shop-pc.lan"))
    assert http.get("/api/cases", headers={"Host": "shop-pc.lan:8000"}).status_code == 200
    assert http.get("/api/cases", headers={"Host": "shop-pc.lan.evil.example"}).status_code == 400


def test_every_response_carries_the_security_headers(client: Client) -> None:
    for url in ("/", "/review", "/api/cases", "/static/app.css", "/nowhere"):
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"


def test_api_docs_load_nothing_from_elsewhere(client: Client) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text and "<script>" not in page.text
    assert client.get("/api/docs/static/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/api-docs.js").status_code == 200


def test_the_session_cookie_is_secure_off_loopback(tmp_path: Path) -> None:
    from reinstate.web.settings import Settings

    assert Settings(host="192.168.1.20").secure_cookies
    assert not Settings(host="127.0.0.1").secure_cookies


def test_on_a_network_address_only_the_token_holder_creates_the_admin(tmp_path: Path) -> None:
    """Issue 13 item 5: on a network host, whoever opened /setup first became the administrator."""
    from fastapi.testclient import TestClient

    from reinstate.web import Settings, create_app

    settings = Settings(
        db_url=f"sqlite:///{tmp_path / 'cases.db'}",
        secret_key="test-secret",
        host="192.168.1.20",
        setup_token="tok-123",
        allowed_hosts=("testserver",),
        background_analysis=False,
    )
    # off loopback the session cookie is Secure: the browser (and this client) must use HTTPS
    client = Client(TestClient(create_app(settings), base_url="https://testserver"))
    assert client.get("/setup").status_code == 403
    client.get("/setup?token=tok-123")
    refused = client.post("/setup", {"email": "eve@example.com", "password": "lantern warehouse october"})
    assert refused.status_code == 403
    made = client.post(
        "/setup", {"email": "boss@example.com", "password": "lantern warehouse october", "token": "tok-123"}
    )
    assert made.status_code == 303
    assert client.get("/setup?token=tok-123").url.path != "/setup"  # closed once an admin exists
