"""The real image of deploy/Dockerfile, built and started on this machine.

No container registry is reachable here, and no Docker daemon runs as a service, so:

- `daemon()` starts Debian's dockerd in the background when ours is not answering
  (`--bridge=none --iptables=false`: no container network, nothing changes the
  host's firewall), with a data-root of its own under STATE that stays between
  runs, so the base and the layers of an earlier build are reused. It stops the
  daemon afterwards only if it started it.
- `ensure_base()` makes the Dockerfile's FROM image when the daemon lacks it and
  cannot pull it: a Debian bookworm root (debootstrap, minbase, with python3, pip
  and venv; bookworm's Python is 3.11 as python:3.11-slim's is) with this host's CA
  bundle (pip checks the package index against it), `python` linked to `python3`
  and PIP_BREAK_SYSTEM_PACKAGES=1 (the image's pip installs into that Python),
  imported under the FROM name.
- `build()` is `docker build --network host`; `running()` is `docker run --network
  host` on a free port, yielding the URL once its health check answers.

Every step logs a line with its time; `python -m deploy.image` builds and starts
the image, prints its URL, waits for Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from harness.ready import DidNotStart, tail, wait_until_ready
from harness.server import ROOT, free_port, healthy, stop_process

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
TAG = "connectivity-calculator:check"
STATE = Path(os.environ.get("CONNECTIVITY_IMAGE_STATE",
                            Path.home() / ".cache" / "connectivity-image"))
SOCKET = STATE / "docker.sock"
HOST = f"unix://{SOCKET}"
DEBIAN_MIRROR = "http://deb.debian.org/debian"
CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
HEALTH_TIMEOUT_S = 120
BUILD_LOG = ROOT / "tests" / "artifacts" / "image-build.log"


class ImageError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"[image] {time.strftime('%H:%M:%S')} {message}", flush=True)


def docker_client() -> str | None:
    # Debian's client matches Debian's daemon; another one on PATH may speak a newer API.
    return "/usr/bin/docker" if os.access("/usr/bin/docker", os.X_OK) else shutil.which("docker")


def why_no_docker() -> str | None:
    """Why Docker cannot run here at all (no daemon binary, no client, not root), or None."""
    if not shutil.which("dockerd"):
        return "dockerd is missing (Debian's docker.io)"
    if not docker_client():
        return "the docker client is missing (Debian's docker.io)"
    if os.geteuid() != 0:
        return "dockerd needs root and this user is not root"
    return None


def docker(*args: str, check: bool = True, capture: bool = False, timeout: float = 1800,
           stdin: int | None = None) -> subprocess.CompletedProcess:
    command = [docker_client() or "docker", "-H", HOST, *args]
    env = dict(os.environ, DOCKER_BUILDKIT="0")  # the classic builder: --network host as is
    done = subprocess.run(command, check=False, text=True, timeout=timeout, env=env,
                          stdin=stdin, capture_output=capture)
    if check and done.returncode:
        raise ImageError(f"docker {' '.join(args[:3])} exited {done.returncode}"
                         + (f": {done.stderr.strip()[-2000:]}" if capture else ""))
    return done


def output(*args: str, timeout: float = 300) -> bytes:
    """A docker command's standard output as bytes (a CSV's line ends kept)."""
    done = subprocess.run([docker_client() or "docker", "-H", HOST, *args], check=False,
                          capture_output=True, timeout=timeout)
    if done.returncode:
        raise ImageError(f"docker {' '.join(args[:4])} exited {done.returncode}: "
                         + done.stderr.decode(errors="replace").strip()[-2000:])
    return done.stdout


def answering() -> bool:
    if not SOCKET.exists():
        return False
    return docker("version", check=False, capture=True, timeout=20).returncode == 0


@contextlib.contextmanager
def daemon() -> Iterator[None]:
    """Our dockerd, answering on SOCKET; stopped on exit if this call started it."""
    if answering():
        log(f"dockerd already answering on {SOCKET}")
        yield
        return
    STATE.mkdir(parents=True, exist_ok=True)
    SOCKET.unlink(missing_ok=True)
    command = ["dockerd", "--host", HOST, "--data-root", str(STATE / "data"),
               "--exec-root", str(STATE / "exec"), "--pidfile", str(STATE / "dockerd.pid"),
               "--bridge=none", "--iptables=false", "--ip6tables=false"]
    log("starting " + " ".join(command))
    with open(STATE / "dockerd.log", "ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        try:
            wait_until_ready(process, answering, "dockerd", timeout_s=60, poll_s=0.5,
                             log=lambda: tail(STATE / "dockerd.log"))
        except DidNotStart as exc:
            raise ImageError(f"{exc} (log {STATE / 'dockerd.log'})") from None
        log("dockerd answering")
        yield
    finally:
        stop_process(process, timeout_s=30)
        log("dockerd stopped")


def base_name() -> str:
    for line in DOCKERFILE.read_text().splitlines():
        if line.upper().startswith("FROM "):
            return line.split()[1]
    raise ImageError(f"{DOCKERFILE} has no FROM line")


def has_image(name: str) -> bool:
    return docker("image", "inspect", name, check=False, capture=True).returncode == 0


def ensure_base() -> str:
    """The FROM image: present, pulled, or made from Debian's packages."""
    name = base_name()
    if has_image(name):
        log(f"base {name} present")
        return name
    try:
        if docker("pull", name, check=False, capture=True, timeout=60).returncode == 0:
            log(f"base {name} pulled")
            return name
    except subprocess.TimeoutExpired:
        pass
    log(f"base {name} cannot be pulled: making a stand-in with debootstrap (minutes)")
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="base-", dir=STATE) as folder:
        rootfs = Path(folder) / "rootfs"
        subprocess.run(["debootstrap", "--variant=minbase",
                        "--include=python3,python3-pip,python3-venv,ca-certificates",
                        "bookworm", str(rootfs), DEBIAN_MIRROR],
                       check=True, stdout=subprocess.DEVNULL, timeout=3600)
        if CA_BUNDLE.is_file():
            shutil.copy2(CA_BUNDLE, rootfs / "etc/ssl/certs/ca-certificates.crt")
        (rootfs / "usr/bin/python").unlink(missing_ok=True)
        (rootfs / "usr/bin/python").symlink_to("python3")
        shutil.rmtree(rootfs / "var/cache/apt/archives", ignore_errors=True)
        (rootfs / "var/cache/apt/archives/partial").mkdir(parents=True, exist_ok=True)
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "--numeric-owner", "-c", "."],
                               stdout=subprocess.PIPE)
        docker("import", "--change", "ENV PIP_BREAK_SYSTEM_PACKAGES=1",
               "--change", "ENV LANG=C.UTF-8", "--change", 'CMD ["python3"]',
               "-", name, stdin=tar.stdout, capture=True)
        tar.wait()
    log(f"stand-in base {name} imported ({time.monotonic() - start:.0f} s)")
    return name


def build(tag: str = TAG) -> None:
    """docker build; its output goes to BUILD_LOG (its end is shown when it fails)."""
    start = time.monotonic()
    BUILD_LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(BUILD_LOG, "w") as out:
        done = subprocess.run([docker_client() or "docker", "-H", HOST, "build", "--network",
                               "host", "-f", str(DOCKERFILE), "-t", tag, str(ROOT)],
                              stdout=out, stderr=subprocess.STDOUT, check=False,
                              env=dict(os.environ, DOCKER_BUILDKIT="0"), timeout=1800)
    if done.returncode:
        raise ImageError(f"docker build exited {done.returncode}; the end of its log "
                         f"({BUILD_LOG.relative_to(ROOT)}):\n"
                         + BUILD_LOG.read_text(errors="replace")[-3000:])
    cached = BUILD_LOG.read_text(errors="replace").count("Using cache")
    log(f"built {tag} ({time.monotonic() - start:.0f} s, {cached} steps from cache)")


def image_size(tag: str = TAG) -> int:
    return int(docker("image", "inspect", "-f", "{{.Size}}", tag, capture=True).stdout)


@contextlib.contextmanager
def running(tag: str = TAG) -> Iterator[tuple[str, str]]:
    """The image's CMD on a free port of the loopback: yields (url, container id)."""
    port = free_port()
    # The CMD with a port of our own: --network host shares the host's ports.
    cid = docker("run", "-d", "--network", "host", tag, "streamlit", "run",
                 "deploy/serve.py", "--server.address", "127.0.0.1", "--server.port",
                 str(port), "--server.headless", "true", capture=True).stdout.strip()
    url = f"http://127.0.0.1:{port}"
    try:
        start = time.monotonic()
        while not healthy(url):
            state = docker("inspect", "-f", "{{.State.Running}}", cid, check=False,
                           capture=True).stdout.strip()
            if state != "true" or time.monotonic() - start > HEALTH_TIMEOUT_S:
                logs = docker("logs", cid, check=False, capture=True)
                raise ImageError(f"the container did not answer ok on /_stcore/health "
                                 f"(running: {state}). Its log:\n"
                                 + (logs.stdout + logs.stderr)[-4000:])
            time.sleep(0.3)
        log(f"container healthy at {url} ({time.monotonic() - start:.1f} s)")
        yield url, cid
    finally:
        docker("rm", "-f", cid, check=False, capture=True)


def main() -> int:
    why = why_no_docker()
    if why:
        log(f"cannot run Docker here: {why}")
        return 1
    with daemon():
        ensure_base()
        build()
        with running() as (url, _cid):
            print(url, flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
