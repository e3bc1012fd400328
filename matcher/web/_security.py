"""Safe by default: an access token off the loopback, CSRF tokens on every state change, request
size caps answered with 413, and headers that forbid inline script and framing.

One pure ASGI middleware does all of it, before any route runs.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

__all__ = ["CSP", "CSRF_MESSAGE", "LOOPBACK_HOSTS", "Guard", "csrf_token", "needs_token"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Hosts that need no access token.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})

#: Scripts and styles only from this server: no inline script, no handler attributes, no eval.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "matcher_token"
CSRF_MESSAGE = "missing or wrong CSRF token: reload the page and try again"


def needs_token(host: str) -> bool:
    """Whether serving on ``host`` needs an access token (anything but the loopback)."""
    return host.strip("[]") not in LOOPBACK_HOSTS


def csrf_token(secret: str) -> str:
    """The CSRF token of a data folder's secret: forms carry it in ``csrf_token``, scripts in the
    ``X-CSRF-Token`` header (``GET /api/session`` gives it to a client that holds the access token)."""
    return hmac.new(secret.encode(), b"csrf", hashlib.sha256).hexdigest()


class _TooLarge(Exception):
    pass


class Guard:
    """The ASGI middleware: token, CSRF, body size, security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        csrf: str,
        max_request_bytes: int,
        allowed_hosts: frozenset[str],
    ) -> None:
        self.app, self.token, self.csrf = app, token, csrf
        self.max_request_bytes, self.allowed_hosts = max_request_bytes, allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}

        async def send_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        host = headers.get("host", "").rsplit(":", 1)[0].strip("[]") if headers.get("host") else ""
        if self.token is None and host not in self.allowed_hosts:
            # on the loopback, a page of another site that resolves its name to 127.0.0.1 is refused
            await _plain(
                send_headers, 421, f"this server answers only for {', '.join(sorted(self.allowed_hosts))}"
            )
            return
        set_cookie = None
        if self.token is not None:
            given = _given_token(scope, headers)
            if given is None or not hmac.compare_digest(given, self.token):
                await _plain(
                    send_headers, 401, "an access token is needed: open the address the server printed"
                )
                return
            if _query(scope).get("token"):
                set_cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
        method = scope.get("method", "GET")
        if method not in _SAFE_METHODS and not _csrf_ok(headers, self.csrf):
            if not _is_form(headers):
                await _plain(send_headers, 403, CSRF_MESSAGE)
                return
            # a form carries the token as a field, which only the route reads (web._pages.form_of)
            scope.setdefault("state", {})["csrf_in_form"] = True
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_request_bytes:
            await _plain(send_headers, 413, self._too_large())
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_request_bytes:
                    raise _TooLarge
            return message

        async def send_all(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if set_cookie:
                    message["headers"] = [*message.get("headers", []), (b"set-cookie", set_cookie.encode())]
            await send_headers(message)

        try:
            await self.app(scope, limited, send_all)
        except _TooLarge:
            if not started:
                await _plain(send_headers, 413, self._too_large())

    def _too_large(self) -> str:
        cap = f"{self.max_request_bytes:,}"
        return f"the upload is over the {cap}-byte limit per request; send fewer files at once"


def _query(scope: Scope) -> dict[str, list[str]]:
    return parse_qs(scope.get("query_string", b"").decode("latin-1"))


def _given_token(scope: Scope, headers: dict[str, str]) -> str | None:
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    query = _query(scope).get("token")
    if query:
        return query[0]
    cookie = SimpleCookie(headers.get("cookie", ""))
    return cookie[TOKEN_COOKIE].value if TOKEN_COOKIE in cookie else None


def _csrf_ok(headers: dict[str, str], expected: str) -> bool:
    given = headers.get("x-csrf-token", "")
    return bool(given) and hmac.compare_digest(given, expected)


def _is_form(headers: dict[str, str]) -> bool:
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind in ("application/x-www-form-urlencoded", "multipart/form-data")


async def _plain(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": {"kind": "http", "status": status, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
