"""Bring the database schema up to date before a command uses it.

Kestra migrates its database when it starts; the commands people run on their own
(`runflow`, `loadflows`) do the same, so a fresh data folder needs no `migrate` first.
Checking the plan costs a few milliseconds; migrating only happens when it is not empty.

Several such commands may start at once on a fresh database: one migrates while the
others wait on a lock (an advisory lock on a database server, a file lock beside a
SQLite file), then find nothing left to do."""
import fcntl
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

# Any fixed 64-bit number: the key of PostgreSQL's advisory lock for migrating.
ADVISORY_LOCK_KEY = 0x6B65737472615F6D  # "kestra_m"


def _pending(using: str) -> list:
    executor = MigrationExecutor(connections[using])  # reads the applied migrations afresh
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _lock_file(using: str) -> Path:
    """Beside the SQLite file when there is one, else in the data folder."""
    db = connections[using].settings_dict
    if connections[using].vendor == "sqlite" and str(db["NAME"]) not in ("", ":memory:"):
        return Path(f"{db['NAME']}.migrate-lock")
    return Path(settings.DATA_DIR) / "migrate.lock"


@contextmanager
def migration_lock(using: str = DEFAULT_DB_ALIAS):
    """Held by one process at a time across every process using this database."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        return
    path = _lock_file(using)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed, or the process dies
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrate_if_needed(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Apply unapplied migrations; True when this process applied some."""
    if not _pending(using):
        return False
    with migration_lock(using):
        if not _pending(using):  # another process migrated while this one waited
            return False
        call_command("migrate", database=using, interactive=False, verbosity=0)
    return True
