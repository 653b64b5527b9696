"""The internal edition behind HTTP basic auth: deploy/nginx-internal.conf served by a real nginx on 127.0.0.1."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import EDISI

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
USER, PASSWORD = "sekda", "rahasia-desk-2020"


def ssha(password: str, salt: bytes = b"desk-uji") -> str:
    """An RFC 2307 {SSHA} entry, a scheme nginx reads in auth_basic_user_file."""
    digest = hashlib.sha1(password.encode() + salt).digest()
    return "{SSHA}" + base64.b64encode(digest + salt).decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, auth: tuple[str, str] | None = None):
    request = urllib.request.Request(url)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


@pytest.fixture()
def nginx(tmp_path, built_site):
    assert Path(NGINX).exists(), "nginx is not installed: run scripts/system-deps (make test does)"
    port = free_port()
    htpasswd = tmp_path / "htpasswd"
    htpasswd.write_text(f"{USER}:{ssha(PASSWORD)}\n")
    server = (ROOT / "deploy" / "nginx-internal.conf").read_text()
    server = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", server)
    server = server.replace("/srv/buletin/internal", str(built_site / "internal"))
    server = server.replace("/etc/nginx/buletin-internal.htpasswd", str(htpasswd))
    temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    main = f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    {server}
}}
"""
    conf = tmp_path / "nginx.conf"
    conf.write_text(main)
    check = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_without_credentials_401(nginx):
    status, headers, _ = get(nginx + "/")
    assert status == 401
    assert "Basic" in headers.get("WWW-Authenticate", "")


def test_wrong_credentials_401(nginx):
    assert get(nginx + "/", (USER, "salah"))[0] == 401
    assert get(nginx + "/", ("orang-lain", PASSWORD))[0] == 401


def test_right_credentials_200(nginx):
    status, headers, body = get(nginx + f"/{EDISI}/", (USER, PASSWORD))
    assert status == 200
    assert "EDISI INTERNAL" in body
    assert '<meta name="robots" content="noindex' in body
    assert headers.get("X-Robots-Tag") == "noindex, nofollow"
    assert get(nginx + f"/{EDISI}/kecamatan/jenamas/", (USER, PASSWORD))[0] == 200
    assert get(nginx + "/versions.json", (USER, PASSWORD))[0] == 200


def test_marker_file_not_served(nginx):
    assert get(nginx + "/.buletin-internal", (USER, PASSWORD))[0] == 404
