"""Finding log lines by a piece of their message (Kestra's `q` on the logs search): the
text anywhere in the message, ignoring case, `%`, `_` and quotes meaning themselves.
Over a million lines a scan takes seconds, so each database answers from an index.

- SQLite: `executions_logentry_text`, an FTS5 table with the trigram tokenizer over
  LogEntry.message (external content: it stores only the index), kept in step by
  triggers on insert, update and delete (migration 0011). A text of three characters
  or more is searched as one quoted phrase, which the trigram tokenizer matches
  exactly where the text occurs, whatever its words. Shorter texts have no trigram:
  they are searched with LIKE (a scan, but such a text is in most lines, so the
  newest ones are found at once). The trigram index folds the case of every letter,
  where SQLite's LIKE folds only ASCII: `é` also finds `É`, as on PostgreSQL.
- PostgreSQL: `UPPER(message) LIKE UPPER('%text%')` (Django's icontains), which a
  pg_trgm GIN index on UPPER(message) serves (migration 0011).

Anything that rebuilds the log table on SQLite (a later migration altering LogEntry:
Django copies the table into a new one) drops its triggers with it: such a migration
must create them again (TRIGGERS_SQL). tests/api/test_log_text_search.py notices."""
from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

TEXT_TABLE = "executions_logentry_text"
TRIGRAM = 3  # the trigram tokenizer indexes runs of three characters: shorter texts match nothing

TRIGGERS_SQL = [
    f"""CREATE TRIGGER {TEXT_TABLE}_insert AFTER INSERT ON executions_logentry BEGIN
        INSERT INTO {TEXT_TABLE}(rowid, message) VALUES (new.id, new.message);
    END""",
    f"""CREATE TRIGGER {TEXT_TABLE}_delete AFTER DELETE ON executions_logentry BEGIN
        INSERT INTO {TEXT_TABLE}({TEXT_TABLE}, rowid, message) VALUES ('delete', old.id, old.message);
    END""",
    f"""CREATE TRIGGER {TEXT_TABLE}_update AFTER UPDATE OF id, message ON executions_logentry BEGIN
        INSERT INTO {TEXT_TABLE}({TEXT_TABLE}, rowid, message) VALUES ('delete', old.id, old.message);
        INSERT INTO {TEXT_TABLE}(rowid, message) VALUES (new.id, new.message);
    END""",
]
CREATE_SQLITE = [
    f"CREATE VIRTUAL TABLE {TEXT_TABLE} USING fts5(message, content='executions_logentry', content_rowid='id', "
    "tokenize='trigram')",
    *TRIGGERS_SQL,
    f"INSERT INTO {TEXT_TABLE}({TEXT_TABLE}) VALUES ('rebuild')",  # the lines logged before the index
]
DROP_SQLITE = [*(f"DROP TRIGGER IF EXISTS {TEXT_TABLE}_{event}" for event in ("insert", "delete", "update")),
               f"DROP TABLE IF EXISTS {TEXT_TABLE}"]

PG_INDEX = "log_message_trgm"
CREATE_PG_INDEX = (f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON executions_logentry "
                   "USING gin (UPPER(message) gin_trgm_ops)")  # the expression Django's icontains compares
DROP_PG_INDEX = f"DROP INDEX IF EXISTS {PG_INDEX}"


def fts_phrase(text: str) -> str:
    """`text` as one FTS5 phrase: quoted, its own quotes doubled; nothing in it is syntax."""
    return '"' + text.replace('"', '""') + '"'


def message_contains(text: str) -> Q:
    """The log lines whose message holds `text`, ignoring case."""
    if connection.vendor == "sqlite" and len(text) >= TRIGRAM:
        found = RawSQL(f"SELECT rowid FROM {TEXT_TABLE} WHERE {TEXT_TABLE} MATCH %s", [fts_phrase(text)])
        return Q(id__in=found)
    return Q(message__icontains=text)
