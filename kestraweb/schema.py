"""Bring the database schema up to date before a command uses it.

Kestra migrates its database when it starts; the commands people run on their own
(`runflow`, `loadflows`) do the same, so a fresh data folder needs no `migrate` first.
Checking the plan costs a few milliseconds; migrating only happens when it is not empty."""
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def migrate_if_needed(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Apply unapplied migrations; True when some were applied."""
    executor = MigrationExecutor(connections[using])
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", database=using, interactive=False, verbosity=0)
    return True
