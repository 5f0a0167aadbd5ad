"""`make run` (`manage.py serve`) is the real service: uvicorn serves the admin and,
with DEBUG off, whitenoise serves the collected static files; the cluster and the scheduler run beside
it; Ctrl-C stops them all. Kestra's standalone server (`kestra server standalone`) is the
model: one command, every component, stopped together."""
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
GUARD_SECONDS = 180  # only stops a broken server from hanging the suite; not a time window


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(KESTRAWEB_DATA_DIR=str(tmp_path), DEBUG="0", KESTRAWEB_STOP_GRACE="60")
    out = tmp_path / "serve.out"
    with open(out, "w") as sink:
        proc = subprocess.Popen([sys.executable, "manage.py", "serve", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        yield proc, f"http://127.0.0.1:{port}", out
    finally:
        if proc.poll() is None:  # a failed test: stop it as a user would, so its children go too
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=GUARD_SECONDS)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _get_when_up(proc, url: str) -> httpx.Response:
    deadline = time.monotonic() + GUARD_SECONDS
    while True:
        assert proc.poll() is None, "serve ended before answering"
        assert time.monotonic() < deadline, "serve never answered"
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.1)


def test_it_serves_the_admin_and_its_css_then_ctrl_c_stops_both_processes(server):
    proc, base, out = server
    login = _get_when_up(proc, f"{base}/admin/login/")
    assert login.status_code == 200 and 'name="csrfmiddlewaretoken"' in login.text
    css_href = re.search(r'href="(/static/admin/css/[^"]+\.css)"', login.text).group(1)
    css = httpx.get(f"{base}{css_href}", timeout=5)
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert css.content == (Path(out.parent) / "staticfiles" / css_href.removeprefix("/static/")).read_bytes()

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=GUARD_SECONDS) == 0
    printed = out.read_text()
    pids = {name: int(pid) for name, pid in re.findall(r"started (\w+) \(pid (\d+)\)", printed)}
    assert set(pids) == {"web", "cluster", "scheduler"}
    assert not any(_alive(pid) for pid in pids.values())
    assert "Admin account: admin / " in printed
    assert "Example flow saved: company.team.hello_world" in printed
    assert "Traceback" not in printed


def test_sigterm_stops_both_too(server):
    proc, base, out = server
    _get_when_up(proc, f"{base}/admin/login/")
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=GUARD_SECONDS) == 0
    pids = [int(pid) for pid in re.findall(r"started \w+ \(pid (\d+)\)", out.read_text())]
    assert len(pids) == 3 and not any(_alive(pid) for pid in pids)
