"""deploy/: the Dockerfile's rules and the nginx site, checked without Docker.

`make deploy-check` also runs the Dockerfile's commands in a fresh virtualenv;
tests/browser/test_proxy.py runs the nginx site in front of two replicas.
"""

from __future__ import annotations

import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest

from deploy.check import DOCKERFILE, HADOLINT, exec_form, instructions
from harness.nginx import NGINX, SITE, ConfigDrift, render_site

ROOT = Path(__file__).resolve().parents[1]
STEPS = instructions(DOCKERFILE.read_text())
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def steps(kind: str) -> list[str]:
    return [arguments for name, arguments in STEPS if name == kind]


def test_hadolint_finds_nothing():
    done = subprocess.run([str(HADOLINT), str(DOCKERFILE)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_slim_python_311_and_a_non_root_user_that_runs_the_app():
    assert steps("FROM") == ["python:3.11-slim"]
    user = steps("USER")
    assert len(user) == 1 and user[0].split(":")[0] not in ("0", "root")
    names = [name for name, _ in STEPS]
    assert names.index("USER") < names.index("CMD")
    assert any(f"--uid {user[0].split(':')[0]}" in run for run in steps("RUN"))


def test_only_the_runtime_requirements_are_installed():
    installs = [run for run in steps("RUN") if "pip install" in run]
    assert installs == ["python -m pip install --no-cache-dir -r requirements.txt"]
    copied = [shlex.split(c)[-2] for c in steps("COPY")]
    assert "requirements.txt" in copied
    assert not [c for c in copied if c.startswith(("tests", "bench", "load", "requirements-"))]
    for source in copied:
        assert (ROOT / source).exists(), source
    # The build context leaves out what the image does not copy.
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignored[1] == "*" and "!tests/" not in ignored


def test_health_check_and_command():
    (health,) = steps("HEALTHCHECK")
    probe = exec_form(health.split(" CMD ", 1)[1])
    assert "/_stcore/health" in " ".join(probe)
    (command,) = [exec_form(c) for c in steps("CMD")]
    # The entry that serves app.py warmed (tests/test_serve.py); the image copies it.
    assert command[:3] == ["streamlit", "run", "deploy/serve.py"]
    assert "deploy/serve.py" in [shlex.split(c)[-2] for c in steps("COPY")]
    # The shipped config applies: no option here overrides what it sets.
    set_here = {part.lstrip("-") for part in command if part.startswith("--")}
    shipped = {f"{section}.{key}" for section, table in CONFIG.items() for key in table}
    assert not set_here & shipped


def test_the_shipped_config_keeps_usage_statistics_and_the_agent_api_off():
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert "enableAgentApi" not in CONFIG.get("server", {})


def test_nginx_upload_limit_matches_the_apps():
    site = SITE.read_text()
    assert f"client_max_body_size {CONFIG['server']['maxUploadSize']}m;" in site
    for needed in ("ip_hash;", "proxy_set_header Upgrade $http_upgrade;",
                   "proxy_set_header Connection $connection_upgrade;",
                   "location = /_stcore/health"):
        assert needed in site


def test_the_test_site_differs_from_the_deploy_site_only_where_it_must():
    site = SITE.read_text()
    rendered = render_site(site, ["127.0.0.1:1111", "127.0.0.1:2222"], 3333)
    assert "ip_hash;" in rendered and "listen 127.0.0.1:3333;" in rendered
    assert "server 127.0.0.1:1111 max_fails=2 fail_timeout=10s;" in rendered

    def shape(text: str) -> list[str]:
        return [line for line in text.splitlines()
                if not line.strip().startswith(("server 127.", "listen "))]

    assert shape(rendered) == shape(site)
    pinned = render_site(site, ["127.0.0.1:1111", "127.0.0.1:2222"], 3333, pinnable=True)
    assert "proxy_pass http://connectivity_app;" not in pinned
    assert "default connectivity_app;" in pinned
    with pytest.raises(ConfigDrift):
        render_site(site.replace("listen 80;", "listen 8080;"), ["127.0.0.1:1"], 1)


def test_nginx_accepts_the_deploy_site_as_shipped(tmp_path):
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{ include {SITE}; }}\n")
    done = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                           "-e", str(tmp_path / "error.log")],
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
