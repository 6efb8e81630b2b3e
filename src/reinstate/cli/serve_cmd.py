"""`reinstate serve`: the local web app."""

from __future__ import annotations

from typing import Annotated

import typer

from reinstate.cli import app, handles_errors


@app.command()
@handles_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback turns on accounts.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: Annotated[
        str | None,
        typer.Option(help="Database URL (default: SQLite in the user data folder; postgresql://... works)."),
    ] = None,
    multi_user: Annotated[
        bool, typer.Option("--multi-user", help="Accounts, sign-in and per-user cases.")
    ] = False,
    workers: Annotated[
        int, typer.Option(help="Worker processes; one per CPU core serves the most users.", min=1, max=64)
    ] = 1,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            help="A name the app may be reached by besides 127.0.0.1/localhost and --host (repeatable), "
            "e.g. a LAN name. Requests naming any other host are refused (DNS rebinding).",
        ),
    ] = None,
) -> None:
    """Run the local web app: cases, notices, reports, drafts with their review, submissions, replies."""
    import os

    import uvicorn

    from reinstate.store import data_dir
    from reinstate.web import Settings, create_app
    from reinstate.web.serving import APP, Supervisor, can_share_port, check_port_free
    from reinstate.web.settings import secret_key_file

    hosts = tuple(allowed_host or ())
    settings = Settings(
        db_url=db,
        multi_user=multi_user,
        host=host,
        secret_key=secret_key_file(data_dir()),
        allowed_hosts=hosts,
    )
    application = create_app(settings)  # also migrates the database once, before any worker starts
    check_port_free(host, port)  # say so now, not after "running at"
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"reinstate is running at http://{shown}:{port}/  (Ctrl+C to stop)", err=True)
    if settings.needs_login and settings.setup_needs_token:
        typer.echo(
            f"Accounts are on. Create the administrator at http://{shown}:{port}/setup?token={settings.setup_token}",
            err=True,
        )
    elif settings.needs_login:
        typer.echo("Accounts are on: the first visit creates the administrator.", err=True)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    os.environ.update(
        REINSTATE_DB_URL=db or "",
        REINSTATE_MULTI_USER="1" if multi_user else "0",
        REINSTATE_SERVE_HOST=host,
        REINSTATE_ALLOWED_HOSTS=",".join(hosts),
        REINSTATE_SETUP_TOKEN=settings.setup_token,  # every worker accepts the token printed above
    )
    if can_share_port():  # a socket per worker: the kernel spreads connections evenly
        Supervisor(host, port, workers).run()
        return
    uvicorn.run(
        APP,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
