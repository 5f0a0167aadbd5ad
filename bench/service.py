"""What the service benchmarks share: each broker (the ORM, and Redis when it answers)
in a child process of the script on a fresh data folder, `manage.py serve` started and
stopped there, its process tree and its memory (PSS) read from /proc."""
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
CHILD_FLAG = "BENCH_SERVICE_CHILD"
READY_SECONDS = 120  # migrations and static files on a loaded machine
STOP_SECONDS = 40


def run_per_broker(script: str, redis_db: int) -> None:
    """Runs `script` again as a child once per broker, each on a data folder of its own
    (the broker is chosen when Django's settings load); Redis's database is flushed
    before and after."""
    brokers = ["orm"] + (["redis"] if redis_answers() else [])
    for broker in brokers:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update({"KESTRAWEB_DATA_DIR": tempfile.mkdtemp(prefix="kestraweb-bench-service-"),
                    "BENCH_BROKER": broker, CHILD_FLAG: "1"})
        if broker == "redis":
            env["REDIS_URL"] = f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db}"
            flush_redis(redis_db)
        try:
            subprocess.run([sys.executable, script], env=env, cwd=ROOT, check=True)
        finally:
            if broker == "redis":
                flush_redis(redis_db)
    if len(brokers) == 1:
        print(f"redis: skipped, no Redis server answers on {REDIS_HOST}:{REDIS_PORT}")


def is_child() -> bool:
    return bool(os.environ.get(CHILD_FLAG))


def broker() -> str:
    return os.environ.get("BENCH_BROKER", "orm")


def redis_answers() -> bool:
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=1):
            return True
    except OSError:
        return False


def flush_redis(db: int) -> None:
    import redis

    redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db).flushdb()


def setup_django():
    """In the child: Django on the data folder and broker the parent chose, migrated."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Serve:
    """`manage.py serve --no-examples` on a free port, as `make run` starts it."""

    def __init__(self):
        self.port = free_port()
        self.log_path = Path(os.environ["KESTRAWEB_DATA_DIR"]) / "serve.log"
        self.process = None
        self.seen = set()  # every (pid, start time) of its tree seen, to kill any left behind

    def __enter__(self):
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "serve", "--no-examples", "--host", "127.0.0.1",
             "--port", str(self.port), "--grace", "20"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_web()
        return self

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_web(self) -> None:
        import httpx

        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve ended with {self.process.returncode}; see {self.log_path}")
            try:
                httpx.get(self.base + "/", timeout=2)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(f"serve did not answer within {READY_SECONDS} s; see {self.log_path}")

    def tree(self) -> list[int]:
        pids = process_tree(self.process.pid)
        self.seen.update((pid, start_time(pid)) for pid in pids)
        return pids

    def pss_bytes(self) -> int:
        return sum(pss_of(pid) for pid in self.tree())

    def cpu_seconds(self) -> float:
        """CPU time (user and system) its processes have used so far."""
        return sum(cpu_seconds_of(pid) for pid in self.tree())

    def breakdown(self) -> list[tuple[str, int]]:
        """Each process of the tree: its command (shortened) and PSS in bytes."""
        return [(command_of(pid), pss_of(pid)) for pid in self.tree()]

    def __exit__(self, *exc):
        self.tree()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for pid, started in self.seen:  # its children run in process groups of their own
            if started is not None and start_time(pid) == started:  # the same process, not a reused pid
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self.log.close()


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, from /proc's children lists."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):  # ended meanwhile
                todo.extend(int(child) for child in (task / "children").read_text().split())
    return pids


def start_time(pid: int) -> int | None:
    """A process's start time (clock ticks since boot, /proc/<pid>/stat's 22nd field)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except OSError:
        return None


def command_of(pid: int) -> str:
    """Its command (shortened), and its name when it differs: `serve` forks its
    processes, which keep its command line and take a name (kestraweb.supervisor)."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"
    words = [Path(w).name if "/" in w else w for w in words if w]
    command = " ".join(words[1:3] if len(words) > 1 else words)
    return f"{command} [{name}]" if name.startswith("kw-") else command


def cpu_seconds_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pss_of(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:  # ended meanwhile
        pass
    return 0


def parse_date(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


WEBHOOK_KEY = "bench-key"


def webhook_flow(flow_id: str) -> str:
    """The benchmarks' flow: a Webhook trigger (key WEBHOOK_KEY) and one Log of the
    request body, so an execution costs the trigger path plus one inline task."""
    return f"""id: {flow_id}
namespace: bench
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.body }}}}"
triggers:
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: {WEBHOOK_KEY}
"""


def webhook_url(flow_id: str) -> str:
    return f"/api/v1/main/executions/webhook/bench/{flow_id}/{WEBHOOK_KEY}"

