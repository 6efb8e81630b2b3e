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
