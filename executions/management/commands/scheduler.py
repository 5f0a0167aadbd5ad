"""`manage.py scheduler`: the scheduler loop, one bounded round every
SCHEDULER_TICK_SECONDS (executions.scheduler.tick).

Why a process of its own and not a django-q2 Schedule: django-q2 runs its schedules
at most once a minute (Schedule.MINUTES, or a cron, both minute-grained), and Kestra's
Schedule fires to the second with `withSeconds`. `manage.py serve` starts it beside the
web server and the cluster; several may run against one database (each date still
fires once, see executions.scheduler.firing). SIGINT or SIGTERM ends it after its
round. It also keeps SQLite's planner statistics fresh (kestraweb.planner_statistics):
the one long-running loop of the service with time on its hands."""
import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from executions.scheduler.tick import Tick
from kestraweb import planner_statistics

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Fire the Schedule, ScheduleOnDates, polling and realtime triggers of the enabled flows, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run one round and exit")

    def handle(self, *args, once=False, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        tick, statistics = Tick(), planner_statistics.Every()
        while True:
            close_old_connections()
            try:
                tick.run()
                statistics.tick()
            except DatabaseError:  # the database went away a moment: the state is there, the next round resumes
                log.exception("scheduler round failed; the next round tries again")
            if once or stop.wait(settings.SCHEDULER_TICK_SECONDS):
                tick.stop()
                return
