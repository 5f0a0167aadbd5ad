"""django-q2's ORM broker, woken instead of waiting for its poll.

django-q2's pusher asks the ORM broker for a task and, finding none, sleeps a fixed
`poll`: a step queued meanwhile waits on average half of it, and an execution's steps
queue behind each other. Here:

- whoever queues a task wakes the pushers of this machine once the task's row is
  committed (wakeup.py), and on PostgreSQL those of every machine (pg_listen.py), so a
  pusher takes it at once;
- an idle pusher polls all the same, after `poll_min` seconds, then twice as long each
  time it finds nothing, up to `poll` (Q_CLUSTER): a wake-up call lost, or a task
  queued on another machine, is found at the latest one idle poll later, and an idle
  cluster reads the database once every `poll` seconds.

A task is still claimed as django-q2 claims it (an update of its row's lock, which only
one pusher wins), so a wake-up can make a task start sooner, never twice."""
from __future__ import annotations

import os

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django_q.brokers.orm import ORM
from django_q.conf import Conf

from .wakeup import Listener, folder_for, notify


class Backoff:
    """How long an idle pusher waits before it looks again: `low` right after work,
    doubled each empty look, at most `high`."""

    def __init__(self, low: float, high: float):
        self.low, self.high = min(low, high), high
        self.current = self.low

    def reset(self) -> None:
        self.current = self.low

    def next(self) -> float:
        wait = self.current
        self.current = min(self.current * 2, self.high)
        return wait


class WakeableORM(ORM):
    def __init__(self, list_key: str | None = None):
        super().__init__(list_key=list_key)
        self._idle()

    def __setstate__(self, state):  # a broker handed to a spawned process
        super().__setstate__(state)
        self._idle()

    def _idle(self) -> None:
        self.listener: Listener | None = None
        self.backoff = Backoff(settings.Q_POLL_MIN, Conf.POLL)

    @property
    def wake_folder(self):
        database = connections[Conf.ORM].settings_dict
        name = str(database["NAME"])
        if database["ENGINE"].endswith("sqlite3"):
            name = os.path.abspath(name)
        return folder_for(database["ENGINE"], database.get("HOST") or "", str(database.get("PORT") or ""), name,
                          self.list_key)

    @property
    def on_postgresql(self) -> bool:
        return connections[Conf.ORM].vendor == "postgresql"

    def enqueue(self, task):
        task_id = super().enqueue(task)
        folder = self.wake_folder
        transaction.on_commit(lambda: notify(folder), using=Conf.ORM)
        if self.on_postgresql:
            from . import pg_listen  # psycopg is loaded on PostgreSQL only

            pg_listen.notify(connections[Conf.ORM], pg_listen.channel_for(self.list_key))
        return task_id

    def dequeue(self):
        if self.listener is None:  # bound in the pusher's own process, the only one that waits
            self.listener = Listener(self.wake_folder, self._sources())
        tasks = self.claim()
        if tasks:
            self.backoff.reset()
            return tasks
        if self.listener.wait(self.backoff.next()):
            self.backoff.reset()
        return None

    def _sources(self) -> list:
        if not self.on_postgresql:
            return []
        from . import pg_listen

        return [pg_listen.PostgresListen(connections[Conf.ORM].settings_dict, pg_listen.channel_for(self.list_key))]

    def claim(self) -> list:
        """Up to `bulk` due tasks whose lock this pusher won (django-q2's ORM dequeue,
        without its sleep)."""
        claimed = []
        for task in self.get_connection().filter(key=self.list_key, lock__lt=timezone.now())[:Conf.BULK]:
            if self.get_connection().filter(id=task.id, lock=task.lock).update(lock=self.timeout(task)):
                claimed.append((task.pk, task.payload))
        return claimed

