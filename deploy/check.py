"""`python -m deploy.check`: the Dockerfile's own commands, run without Docker.

Where no Docker daemon is at hand, this lints deploy/Dockerfile with hadolint,
then does what the image build and start would do, in a temporary folder: copies
what the COPY lines name, runs the RUN line that installs requirements.txt in a
fresh virtualenv (python -m venv, the machine's Python 3.11), starts the CMD
with that venv first on PATH, and runs the HEALTHCHECK command against it.
Only the port differs (a free one, not 8501), and the RUN line that adds the
non-root user is left out: it would change this machine's users.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from harness.ready import DidNotStart, wait_until_ready
from harness.server import ROOT, free_port, healthy

DOCKERFILE = ROOT / "deploy" / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per instruction, continuation lines joined."""
    found: list[tuple[str, str]] = []
    current = ""
    for line in text.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip("\\").strip() + " " if line.endswith("\\") else line.strip()
        if not line.endswith("\\"):
            word, _, rest = current.partition(" ")
            found.append((word.upper(), rest.strip()))
            current = ""
    return found


def exec_form(arguments: str) -> list[str]:
    """A JSON-array (exec form) argument list, e.g. CMD's."""
    if arguments.startswith("CMD "):
        arguments = arguments[4:]
    return json.loads(arguments)


def with_port(command: list[str], port: int) -> list[str]:
    return [part.replace("8501", str(port)) for part in command]


def log(message: str) -> None:
    print(f"[deploy.check] {message}", flush=True)


def main() -> int:
    log(f"hadolint {DOCKERFILE.relative_to(ROOT)}")
    lint = subprocess.run([str(HADOLINT), str(DOCKERFILE)], check=False)
    if lint.returncode:
        return 1
    steps = instructions(DOCKERFILE.read_text())
    with tempfile.TemporaryDirectory(prefix="deploy-check-") as name:
        folder = Path(name)
        app, venv = folder / "app", folder / "venv"
        app.mkdir()
        for kind, arguments in steps:
            if kind == "COPY":
                *sources, _target = [a for a in shlex.split(arguments)
                                     if not a.startswith("--")]
                for source in sources:
                    path = ROOT / source
                    if path.is_dir():
                        shutil.copytree(path, app / source.rstrip("/"),
                                        ignore=shutil.ignore_patterns("__pycache__"))
                    else:
                        (app / source).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(path, app / source)
        log(f"fresh venv with {sys.executable} -m venv")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        env = dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}",
                   PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("PYTHONPATH", None)
        for kind, arguments in steps:
            if kind == "RUN" and "pip install" in arguments:
                log(f"RUN {arguments}")
                subprocess.run(arguments, shell=True, cwd=app, env=env, check=True)
        command = next(exec_form(a) for k, a in steps if k == "CMD")
        probe = next(exec_form(a.split(" CMD ", 1)[1]) for k, a in steps if k == "HEALTHCHECK")
        port = free_port()
        log("CMD " + " ".join(with_port(command, port)))
        server = subprocess.Popen(with_port(command, port), cwd=app, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            try:
                wait_until_ready(server, lambda: healthy(f"http://127.0.0.1:{port}"),
                                 "the server", timeout_s=90, poll_s=0.5)
            except DidNotStart as exc:
                log(f"{exc}: not healthy")
                return 1
            check = subprocess.run(with_port(probe, port), cwd=app, env=env, check=False)
            log(f"HEALTHCHECK exited {check.returncode}")
            return check.returncode
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
