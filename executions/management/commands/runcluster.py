"""`manage.py runcluster`: a django-q2 cluster (qcluster) that runs the engine's steps,
plus the sweeper (executions/engine/sweeper.py) in this process, every
settings.SWEEP_EVERY seconds, and the plugin families' housekeeping (what their tasks
leave on this machine's disk, plugins/api/housekeeping.py) every
settings.HOUSEKEEPING_EVERY seconds. Ctrl-C or SIGTERM stops them.

The sweeper is a loop here, not a django-q2 Schedule: a Schedule's finest period is a
minute, and a Pause `delay: PT5S` or a retry `interval: PT2S` must not wait that long."""
import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection
from django_q.cluster import Cluster

from executions.engine.cluster import QUEUE
from executions.engine.sweeper import Sweeper
from kestraweb.preload import CLUSTER, preload
from kestraweb.schema import migrate_if_needed
from plugins.api.housekeeping import Housekeeping

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the engine's django-q2 cluster and its sweeper."

    def handle(self, *args, **options):
        migrate_if_needed()
        preload(CLUSTER)  # shared by the processes django-q2 forks
        cluster = Cluster()
        cluster.start()
        sweeper = Sweeper(QUEUE)
        housekeeping = Housekeeping(settings.HOUSEKEEPING_EVERY)
        while cluster.stop_event is not None and cluster.sentinel.is_alive():
            try:
                sweeper.sweep()
            except DatabaseError as exc:  # the database may be back at the next sweep
                log.warning("sweeper: %s", exc)
                connection.close()
            housekeeping.run_due()
            time.sleep(settings.SWEEP_EVERY)
        cluster.stop()
