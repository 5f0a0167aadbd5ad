"""`manage.py serve`: the whole service, as `make run` starts it.

Prepares the data folder (migrations, the admin account it prints, static files into
STATIC_ROOT for whitenoise, the example flows the first time), then runs the web server
(uvicorn on the ASGI app), the django-q2 cluster that runs executions and the scheduler
that fires the triggers, side by side
until Ctrl-C or SIGTERM stops both (kestraweb.supervisor). The same on every system,
with no shell job control. The three are forked from this process once it loaded what
they share (kestraweb.preload), so the service holds one Django, not four."""
import os
import sys

from django.conf import settings
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import BaseCommand

from kestraweb import planner_statistics
from kestraweb.preload import preload
from kestraweb.schema import migrate_if_needed
from kestraweb.supervisor import Child, Supervisor

# Seconds uvicorn gives open connections (server-sent event streams) to end on a stop.
WEB_GRACEFUL_SECONDS = 5


class Command(BaseCommand):
    help = "Run the web server, the cluster and the scheduler together; Ctrl-C stops them all."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("KESTRAWEB_HOST", "0.0.0.0"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("KESTRAWEB_PORT", "8080")))
        parser.add_argument("--web-workers", type=int, default=int(os.environ.get("KESTRAWEB_WEB_WORKERS", "1")),
                            help="uvicorn worker processes")
        parser.add_argument("--grace", type=float, default=float(os.environ.get("KESTRAWEB_STOP_GRACE", "30")),
                            help="seconds a process has to stop after Ctrl-C before it is killed")
        parser.add_argument("--no-examples", action="store_true", help="do not load the example flows")

    def handle(self, *args, host, port, web_workers, grace, no_examples, **options):
        migrate_if_needed()
        planner_statistics.refresh()  # what was loaded since the last run (SQLite; kestraweb.planner_statistics)
        call_command("ensureadmin", port=port, stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not no_examples:
            call_command("loadexamples", stdout=self.stdout)
        uvicorn_args = ["kestraweb.asgi:application", "--host", host, "--port", str(port), "--workers",
                        str(web_workers), "--lifespan", "off", "--timeout-graceful-shutdown", str(WEB_GRACEFUL_SECONDS)]
        children = [
            Child("web", [sys.executable, "-m", "uvicorn", *uvicorn_args], run=lambda: run_uvicorn(uvicorn_args)),
            manage_child("cluster", "runcluster"),
            # Its own process: django-q2's schedules are minute-grained, Kestra's fire to the second.
            manage_child("scheduler", "scheduler"),
        ]
        preload()  # before the fork: each child shares it (kestraweb.supervisor)
        self.stdout.flush()
        code = Supervisor(children, grace=grace, say=self._say).run()
        if code:
            raise SystemExit(code)

    def _say(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()


def manage_child(name: str, command: str) -> Child:
    argv = [sys.executable, str(settings.BASE_DIR / "manage.py"), command]
    return Child(name, argv, run=lambda: execute_from_command_line(argv[1:]))


def run_uvicorn(args: list[str]) -> None:
    import uvicorn.main

    uvicorn.main.main(args=args, prog_name="uvicorn")
