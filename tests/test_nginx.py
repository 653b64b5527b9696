"""The internal edition over HTTPS behind basic auth: deploy/nginx-internal.conf served by a real nginx on 127.0.0.1.

The test makes a throwaway certificate with the openssl command (Debian's openssl package), rewrites the
configuration's ports and paths into a temporary nginx.conf, and talks to it over real sockets with a client that
trusts that certificate (verification stays on).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import shutil
import ssl
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import EDISI
from support import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx-internal.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
USER, PASSWORD = "sekda", "rahasia-desk-2020"
ONE_YEAR = 365 * 24 * 3600


def ssha(password: str, salt: bytes = b"desk-uji") -> str:
    """An RFC 2307 {SSHA} entry, a scheme nginx reads in auth_basic_user_file."""
    digest = hashlib.sha1(password.encode() + salt).digest()
    return "{SSHA}" + base64.b64encode(digest + salt).decode()


def replace_once(text: str, old: str, new: str) -> str:
    """The configuration with one line rewritten; the line must be there, or the test would test something else."""
    assert text.count(old) == 1, f"{CONF.name} no longer holds exactly one {old!r}"
    return text.replace(old, new)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, standing in for one of the regency's CA."""
    assert Path(OPENSSL).exists(), "openssl is not installed: run scripts/system-deps (make test does)"
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=buletin-internal",
                    "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


class Server:
    """A running nginx: its two addresses and a client that trusts the throwaway certificate."""

    def __init__(self, http_port: int, https_port: int, cafile: Path):
        self.http = f"http://127.0.0.1:{http_port}"
        self.https = f"https://127.0.0.1:{https_port}"
        self.tls = ssl.create_default_context(cafile=str(cafile))

    def get(self, url: str, auth: tuple[str, str] | None = None) -> tuple[int, http.client.HTTPMessage, str]:
        """One GET on a new connection; redirects are returned, not followed."""
        parts = urlsplit(url)
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=5, context=self.tls)
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
        headers = {}
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        try:
            connection.request("GET", parts.path or "/", headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()


@pytest.fixture()
def nginx(tmp_path, built_site, certificate):
    """A fresh nginx per test, so that one test's requests never count against another's rate limit."""
    assert Path(NGINX).exists(), "nginx is not installed: run scripts/system-deps (make test does)"
    http_port, https_port = free_port(), free_port()
    cert, key = certificate
    htpasswd = tmp_path / "htpasswd"
    htpasswd.write_text(f"{USER}:{ssha(PASSWORD)}\n")
    server = CONF.read_text()
    server = replace_once(server, "listen 80;", f"listen 127.0.0.1:{http_port};")
    server = replace_once(server, "listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
    server = replace_once(server, "root /srv/buletin/internal;", f"root {built_site / 'internal'};")
    server = replace_once(server, "user_file /etc/nginx/buletin-internal.htpasswd;", f"user_file {htpasswd};")
    server = replace_once(server, "ssl_certificate /etc/ssl/buletin/fullchain.pem;", f"ssl_certificate {cert};")
    server = replace_once(server, "ssl_certificate_key /etc/ssl/buletin/privkey.pem;", f"ssl_certificate_key {key};")
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
    wait_for_port(http_port)
    wait_for_port(https_port)
    try:
        yield Server(http_port, https_port, cert)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_without_credentials_401(nginx):
    status, headers, _ = nginx.get(nginx.https + "/")
    assert status == 401
    assert "Basic" in headers.get("WWW-Authenticate", "")


def test_wrong_credentials_401(nginx):
    assert nginx.get(nginx.https + "/", (USER, "salah"))[0] == 401
    assert nginx.get(nginx.https + "/", ("orang-lain", PASSWORD))[0] == 401


def test_right_credentials_200(nginx):
    status, headers, body = nginx.get(nginx.https + f"/{EDISI}/", (USER, PASSWORD))
    assert status == 200
    assert "EDISI INTERNAL" in body
    assert '<meta name="robots" content="noindex' in body
    assert headers.get("X-Robots-Tag") == "noindex, nofollow"
    assert headers.get("Server") == "nginx"  # server_tokens off: no version
    assert nginx.get(nginx.https + f"/{EDISI}/kecamatan/jenamas/", (USER, PASSWORD))[0] == 200
    assert nginx.get(nginx.https + "/versions.json", (USER, PASSWORD))[0] == 200


def test_a_page_view_is_not_rate_limited(nginx):
    """A reader's page and everything it loads from the site are served: the limit leaves room to browse."""
    status, _, body = nginx.get(nginx.https + f"/{EDISI}/", (USER, PASSWORD))
    assets = sorted(set(re.findall(r'(?:src|href)="(assets/[^"]+)"', body)))
    assert len(assets) >= 5
    for _ in range(2):  # the page and its assets twice: a second page view right after the first
        statuses = {asset: nginx.get(nginx.https + f"/{EDISI}/{asset}", (USER, PASSWORD))[0] for asset in assets}
        assert set(statuses.values()) == {200}, statuses


def test_http_redirects_to_https(nginx):
    status, headers, _ = nginx.get(nginx.http + f"/{EDISI}/kecamatan/jenamas/")
    assert status == 301
    assert headers.get("Location") == f"https://127.0.0.1/{EDISI}/kecamatan/jenamas/"


def test_hsts_header(nginx):
    for auth in (None, (USER, PASSWORD)):  # on the login challenge too, not only on pages
        header = nginx.get(nginx.https + f"/{EDISI}/", auth)[1].get("Strict-Transport-Security", "")
        max_age = re.fullmatch(r"max-age=([0-9]+)(; ?includeSubDomains)?", header)
        assert max_age and int(max_age[1]) >= ONE_YEAR, header


def test_burst_of_wrong_passwords_is_refused(nginx):
    burst = int(re.search(r"limit_req zone=\S+ burst=([0-9]+)", CONF.read_text())[1])
    statuses = [nginx.get(nginx.https + "/", (USER, f"tebakan-{n}"))[0] for n in range(burst + 15)]
    assert statuses[0] == 401
    assert set(statuses) == {401, 429}
    assert statuses.count(429) >= 10, statuses
    # While the limit holds, even the right password gets 429: a right guess is not revealed.
    assert nginx.get(nginx.https + f"/{EDISI}/", (USER, PASSWORD))[0] == 429


def test_marker_file_not_served(nginx):
    status, headers, _ = nginx.get(nginx.https + "/.buletin-internal", (USER, PASSWORD))
    assert status == 404
    assert headers.get("X-Robots-Tag") == "noindex, nofollow"
