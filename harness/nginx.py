"""Debian's nginx in front of local replicas, with the site config of deploy/.

The site is deploy/nginx/connectivity.conf itself, with only what must differ on a
test machine rewritten: the upstream's `server` lines (the replicas' ports, same
parameters), the `listen` line (127.0.0.1 and a free port) and, when asked, the
`proxy_pass` target, so that a `replica` cookie can pin a client to one replica
while a client without it gets the sticky upstream. A rewrite that finds the file
in another shape fails, so the test and the deployment cannot drift apart.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .ready import DidNotStart, tail, wait_until_ready
from .server import ROOT, free_port, healthy, stop_process

NGINX = "/usr/sbin/nginx"
SITE = ROOT / "deploy" / "nginx" / "connectivity.conf"
UPSTREAM = "connectivity_app"
PIN_COOKIE = "replica"
START_TIMEOUT_S = 20

MAIN = """worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


class ConfigDrift(ValueError):
    """deploy/nginx/connectivity.conf no longer has the shape the test rewrites."""


def _once(pattern: str, replace, text: str, what: str, flags: int = 0,
          at_least: int = 1) -> str:
    new, count = re.subn(pattern, replace, text, flags=flags)
    if count < at_least:
        raise ConfigDrift(f"{SITE.name}: expected {what}, found {count}")
    return new


def render_site(text: str, replicas: list[str], port: int, pinnable: bool = False) -> str:
    """The deploy site for `replicas` ('127.0.0.1:port' each), listening on 127.0.0.1:port."""
    block = re.search(rf"upstream {UPSTREAM} \{{\n(.*?)\n\}}", text, re.S)
    if not block:
        raise ConfigDrift(f"{SITE.name}: no `upstream {UPSTREAM} {{…}}` block")
    servers = re.findall(r"^\s*server\s+(\S+)([^;]*);", block.group(1), re.M)
    if len(servers) < 2:
        raise ConfigDrift(f"{SITE.name}: the upstream should list two or more replicas")
    params = servers[0][1]  # every replica gets the first line's parameters
    lines = [line for line in block.group(1).splitlines()
             if not re.match(r"^\s*server\s", line)]
    lines += [f"    server {address}{params};" for address in replicas]
    upstream = f"upstream {UPSTREAM} {{\n" + "\n".join(lines) + "\n}"
    text = text[:block.start()] + upstream + text[block.end():]
    text = _once(r"^(\s*)listen\s+80;", rf"\1listen 127.0.0.1:{port};", text,
                 "one `listen 80;`", re.M)
    if pinnable:
        target = "connectivity_pinned"
        text = _once(rf"proxy_pass http://{UPSTREAM};", f"proxy_pass http://${target};",
                     text, f"`proxy_pass http://{UPSTREAM};`", at_least=2)
        pins = "\n".join(f"    {i} replica_{i};" for i in range(len(replicas)))
        singles = "\n".join(f"upstream replica_{i} {{ server {address}; }}"
                            for i, address in enumerate(replicas))
        text += (f"\n# Test only: a `{PIN_COOKIE}` cookie pins a client to one replica.\n"
                 f"map $cookie_{PIN_COOKIE} ${target} {{\n    default {UPSTREAM};\n"
                 f"{pins}\n}}\n{singles}\n")
    return text


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _check(folder: Path) -> None:
    done = subprocess.run([NGINX, "-t", "-q", "-p", str(folder), "-c", str(folder / "nginx.conf"),
                           "-e", str(folder / "error.log")],
                          capture_output=True, text=True, timeout=30, check=False)
    if done.returncode:
        raise RuntimeError(f"nginx -t refused the config:\n{done.stderr}")


class Proxy:
    """One nginx process serving the rendered site; `restart()` drops every connection."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        conf = str(self.folder / "nginx.conf")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.folder), "-c", conf, "-e", str(self.folder / "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            wait_until_ready(self.process, lambda: _listening(self.port) and healthy(self.url),
                             "nginx", log=lambda: tail(self.folder / "error.log"),
                             timeout_s=START_TIMEOUT_S)
        except DidNotStart:
            self.stop()
            raise

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process)  # SIGTERM: nginx's fast shutdown closes every connection
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()


@contextlib.contextmanager
def nginx_proxy(replica_urls: list[str], pinnable: bool = False) -> Iterator[Proxy]:
    """nginx on 127.0.0.1 and a free port in front of `replica_urls`; stopped after."""
    if not Path(NGINX).exists():
        raise FileNotFoundError(f"{NGINX} is missing: `make nginx` installs Debian's nginx")
    with tempfile.TemporaryDirectory(prefix="nginx-") as name:
        folder = Path(name)
        port = free_port()
        replicas = [urlsplit(url).netloc for url in replica_urls]
        (folder / "site.conf").write_text(render_site(SITE.read_text(), replicas, port,
                                                      pinnable))
        (folder / "nginx.conf").write_text(MAIN.format(tmp=folder))
        _check(folder)
        proxy = Proxy(folder, port)
        proxy.start()
        try:
            yield proxy
        finally:
            proxy.stop()


def get(url: str, cookie: str | None = None) -> bytes:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()
