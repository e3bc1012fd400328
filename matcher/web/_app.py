"""``create_app`` and ``serve``: the ASGI app over a data folder, and the server that runs it."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from matcher.errors import MatcherError
from matcher.web._api import TooLargeUpload, api_routes
from matcher.web._pages import page_routes
from matcher.web._security import LOOPBACK_HOSTS, Guard, csrf_token, needs_token
from matcher.web._uploads import UploadLimits
from matcher.web._workspace import NotFoundError, Workspace

__all__ = ["create_app", "default_data_dir", "running", "serve"]

_HERE = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """The user's data folder for the web app (platformdirs), e.g. ~/.local/share/matcher/web.

    Examples
    --------
    >>> default_data_dir().parts[-2:]
    ('matcher', 'web')
    """
    from platformdirs import user_data_dir

    return Path(user_data_dir("matcher")) / "web"


def _status(exc: Exception) -> int:
    if isinstance(exc, TooLargeUpload):
        return 413
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, PermissionError):
        return 403
    return 400


async def _error(request: Request, exc: Exception) -> Response:
    status = _status(exc)
    kind = exc.kind if isinstance(exc, MatcherError) else "csrf"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"kind": kind, "message": str(exc)}}, status_code=status)
    templates = request.app.state.templates
    response: Response = templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": str(exc), "csrf": request.app.state.csrf},
        status_code=status,
    )
    return response


def create_app(
    workspace: Workspace, *, token: str | None = None, allowed_hosts: frozenset[str] = LOOPBACK_HOSTS
) -> Any:
    """The ASGI app of the recruiter's web pages and JSON API over ``workspace``.

    ``token``: every request must carry it (``Authorization: Bearer``, ``?token=`` once, then a
    cookie); None serves the loopback only (requests naming another host are refused).

    Examples
    --------
    >>> import tempfile
    >>> from starlette.testclient import TestClient
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0)
    >>> with TestClient(create_app(ws), base_url="http://127.0.0.1") as client:
    ...     client.get("/").status_code, client.post("/api/jobs").status_code
    (200, 403)
    >>> ws.close()
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from starlette.templating import Jinja2Templates

    env = Environment(
        loader=FileSystemLoader(_HERE / "templates"), autoescape=select_autoescape(default=True)
    )
    app = Starlette(
        routes=[
            *api_routes(),
            *page_routes(),
            Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
        ],
        exception_handlers={MatcherError: _error, PermissionError: _error},
    )
    app.state.workspace = workspace
    app.state.templates = Jinja2Templates(env=env)
    app.state.csrf = csrf_token(workspace.store.secret())
    return Guard(
        app,
        token=token,
        csrf=app.state.csrf,
        max_request_bytes=workspace.limits.max_request_bytes,
        allowed_hosts=allowed_hosts,
    )


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    data: str | Path | None = None,
    workers: int | None = None,
    token: str | None = None,
    as_of: date | None = None,
    limits: UploadLimits | None = None,
    echo: Any = print,
) -> None:
    """Run the web app until interrupted, printing its address (with the token when one is needed).

    Any ``host`` but 127.0.0.1, ::1 or localhost needs an access token: ``token``, or one made
    here and printed. A port already in use stops it at once (``SystemExit``, uvicorn's).

    Examples
    --------
    Here the port is taken, so it prints its address and stops (a free port would serve until
    Ctrl+C; :func:`running` serves in a background thread instead):

    >>> import socket, tempfile
    >>> taken = socket.socket()
    >>> taken.bind(("127.0.0.1", 0))
    >>> taken.listen()
    >>> port = taken.getsockname()[1]
    >>> try:
    ...     serve(port=port, data=tempfile.mkdtemp(), workers=0, token="s3cret")
    ... except SystemExit:
    ...     print("port in use")
    matcher web app: http://127.0.0.1:...?token=s3cret  (data in ...; Ctrl+C stops it)
    port in use
    >>> taken.close()
    """
    import uvicorn

    if needs_token(host) and not token:
        token = secrets.token_urlsafe(24)
    workspace = Workspace(data or default_data_dir(), workers=workers, limits=limits, as_of=as_of)
    workspace.warm(background=True)
    app = create_app(workspace, token=token if needs_token(host) or token else None)
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    echo(f"matcher web app: {address}  (data in {workspace.store.folder}; Ctrl+C stops it)")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        workspace.close()


@contextlib.contextmanager
def running(workspace: Workspace, *, host: str = "127.0.0.1", token: str | None = None) -> Iterator[str]:
    """Serve ``workspace`` on a free port in a background thread (for scripts, benchmarks and
    browser tests); yield the base address, stop the server on exit (the workspace stays open).

    Examples
    --------
    >>> import tempfile, urllib.request
    >>> ws = Workspace(tempfile.mkdtemp(), workers=0)
    >>> with running(ws) as url:
    ...     urllib.request.urlopen(url).status
    200
    >>> ws.close()
    """
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.bind((host, 0))
        port = probe.getsockname()[1]
    app = create_app(workspace, token=token)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, name="matcher-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web app did not start on {host}:{port}")
        time.sleep(0.01)
    try:
        shown = f"[{host}]" if ":" in host else host
        yield f"http://{shown}:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
