"""``matcher serve`` as a user starts it: a real process on a real port, its printed address, the
token it asks for off the loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from click.testing import CliRunner

from matcher.cli import main


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(tmp_path: Path, host: str, *extra: str) -> Iterator[str]:
    port = _free_port(host)
    process = subprocess.Popen(
        [sys.executable, "-m", "matcher", "serve", "--host", host, "--port", str(port), "--data",
         str(tmp_path / "data"), "--workers", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("matcher web app: http://"), line
        address = line.split()[3]
        for _ in range(600):  # the address is printed before the server listens
            try:
                socket.create_connection((host, port), timeout=0.1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stdout.read()) from None
                time.sleep(0.05)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=60)
        if process.stdout is not None:
            process.stdout.close()


def _status(url: str, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=60) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_has_help_with_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--data", "--workers", "--token", "--max-file-mb", "--max-request-mb"):
        assert option in result.output


def test_serve_on_the_loopback_prints_its_address_and_answers(tmp_path: Path) -> None:
    with serving(tmp_path, "127.0.0.1") as address:
        assert "token" not in address
        assert _status(address) == 200
        assert _status(address, {"Host": "attacker.example"}) == 421
    assert (tmp_path / "data" / "matcher-web.sqlite").is_file()


def test_serve_off_the_loopback_makes_a_token_and_refuses_requests_without_it(tmp_path: Path) -> None:
    with serving(tmp_path, "127.0.0.2") as address:
        base, token = address.split("?token=")
        assert len(token) >= 20
        assert _status(base) == 401
        assert _status(base + "api/jobs") == 401
        assert _status(address) == 200
        assert _status(base + "api/jobs", {"Authorization": f"Bearer {token}"}) == 200


def test_serve_uses_the_token_it_is_given(tmp_path: Path) -> None:
    with serving(tmp_path, "127.0.0.2", "--token", "letmein-please-0123") as address:
        assert address.endswith("?token=letmein-please-0123")
        assert _status(address.split("?")[0], {"Authorization": "Bearer letmein-please-0123"}) == 200
