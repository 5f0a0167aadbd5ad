"""End to end: `manage.py scheduler` polls a flow's io.kestra.plugin.jdbc.sqlite.Trigger
on a real SQLite file; rows found start one execution with `trigger.rows` and
`trigger.size`, and `afterSQL` (run in the query's transaction) marks them processed,
so the next poll finds nothing (Kestra's AbstractJdbcTrigger, jdbc-sqlite's
SqliteTriggerTest)."""
import sqlite3

import pytest

from executions.models import Execution
from flows.services import save_flow

from .conftest import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_rows_found_start_one_execution_and_are_marked_processed(processes, tmp_path):
    database = tmp_path / "orders.db"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER, item TEXT, done INTEGER DEFAULT 0)")
    save_flow(f"""
id: new-orders
namespace: tests.e2e
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.size }}}}"
triggers:
  - id: orders
    type: io.kestra.plugin.jdbc.sqlite.Trigger
    url: "jdbc:sqlite:{database}"
    sql: SELECT id, item FROM orders WHERE done = 0 ORDER BY id
    afterSQL: UPDATE orders SET done = 1 WHERE done = 0
    interval: PT1S
""")
    scheduler = processes.scheduler()
    with sqlite3.connect(database) as conn:
        conn.executemany("INSERT INTO orders (id, item) VALUES (?, ?)", [(1, "pen"), (2, "ink")])

    def processed():
        with sqlite3.connect(database) as conn:
            return conn.execute("SELECT count(*) FROM orders WHERE done = 0").fetchone()[0] == 0

    wait_for(scheduler, lambda: Execution.objects.filter(flow_id="new-orders").exists(), "an execution started")
    [execution] = Execution.objects.filter(flow_id="new-orders")
    assert execution.trigger == {"id": "orders", "type": "io.kestra.plugin.jdbc.sqlite.Trigger",
                                 "variables": {"size": 2, "rows": [{"id": 1, "item": "pen"},
                                                                   {"id": 2, "item": "ink"}]}}
    assert processed()
