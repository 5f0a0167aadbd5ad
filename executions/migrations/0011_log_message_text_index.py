"""An index of log messages for the logs search (executions.log_search): on SQLite an
FTS5 trigram table kept in step by triggers, on PostgreSQL a pg_trgm GIN index. Other
databases search without one."""
import logging

from django.db import migrations, transaction

from executions import log_search

log = logging.getLogger(__name__)


def _pg_trgm(cursor) -> bool:
    """pg_trgm is there or could be created: a trusted extension since PostgreSQL 13, so
    a database owner may create it. Without it the search still works, unindexed."""
    try:
        with transaction.atomic():  # a savepoint: a refusal must not abort the migration
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as exc:  # noqa: BLE001 - any refusal (no privilege, no contrib package) means: no index
        log.warning("pg_trgm could not be created (%s): the logs text search stays unindexed", exc)
        return False
    return True


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        if vendor == "sqlite":
            for statement in log_search.CREATE_SQLITE:
                cursor.execute(statement)
        elif vendor == "postgresql" and _pg_trgm(cursor):
            cursor.execute(log_search.CREATE_PG_INDEX)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": log_search.DROP_SQLITE, "postgresql": [log_search.DROP_PG_INDEX]}.get(vendor, [])
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('executions', '0010_execution_breakpoints'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
