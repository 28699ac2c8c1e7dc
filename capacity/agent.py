"""A client of Streamlit's agent API: one POST per interaction, the reply once the run is done.

`POST /_stcore/agent/interact` with `query_params` opens a new session on a link
(as a browser opening it would); with `session_id` and `widget_state` it sets a
widget, reruns the app and waits until the run has finished. The server has
the API only when started with `--server.enableAgentApi true` (tests only).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import parse_qsl

ROUTE = "/_stcore/agent/interact"
# For the servers `make capacity` starts, never for the shipped config: loopback
# only, enough agent sessions for the largest run, idle sessions closed soon.
AGENT_OPTIONS = ("--server.enableAgentApi", "true", "--server.agentMaxSessions", "400",
                 "--server.agentSessionTTL", "15", "--server.agentWaitTimeout", "120")


class AgentError(RuntimeError):
    pass


@dataclass
class Reply:
    seconds: float
    session_id: str
    query: dict[str, str]


def interact(url: str, body: dict, cookie: str | None = None, timeout: float = 180) -> Reply:
    """One interaction; raises AgentError unless the run finished ("ready")."""
    headers = {"Content-Type": "application/json"}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(url + ROUTE, data=json.dumps(body).encode(),
                                     headers=headers, method="POST")
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            document = json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise AgentError(f"HTTP {error.code}: {error.read()[:200]!r}") from None
    except (urllib.error.URLError, OSError) as error:
        raise AgentError(f"{type(error).__name__}: {error}") from None
    seconds = time.perf_counter() - start
    if document.get("status") != "ready":
        raise AgentError(f"status {document.get('status')!r}")
    query = {key: values[-1] for key, values in document.get("query_params", {}).items()
             if values}
    return Reply(seconds, document["session_id"], query)


def open_link(url: str, query: str, cookie: str | None = None) -> Reply:
    params: dict[str, list[str]] = {}
    for key, value in parse_qsl(query):
        params.setdefault(key, []).append(value)
    return interact(url, {"query_params": params}, cookie)


def set_value(url: str, session_id: str, name: str, value: object,
              cookie: str | None = None) -> Reply:
    reply = interact(url, {"session_id": session_id, "widget_state": {name: value}}, cookie)
    if reply.query.get(name) != str(value):
        raise AgentError(f"the run ended with {name}={reply.query.get(name)!r}, not {value!r}")
    return reply


def rerun(url: str, session_id: str, cookie: str | None = None) -> Reply:
    """A rerun with nothing changed (what a browser's rerun without input costs)."""
    return interact(url, {"session_id": session_id}, cookie)
