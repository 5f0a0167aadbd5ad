"""The SQLite Trigger on a database file, with the deprecated fetch flags Kestra's
renderFetchType still reads (fetch, then fetchOne, then store)."""
import sqlite3

import pytest

from plugins.api.trigger_events import TriggerFailed
from plugins.jdbc.sqlite import Trigger


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "orders.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER, item TEXT, price REAL, data BLOB)")
        conn.executemany("INSERT INTO orders VALUES (?, ?, ?, ?)", [(1, "pen", 1.5, b"\x01"), (2, "ink", 3.0, None)])
    return path


def trigger(database, **props):
    return Trigger({"id": "watch", "type": Trigger.type, "url": f"jdbc:sqlite:{database}",
                    "sql": "SELECT * FROM orders ORDER BY id", **props})


def test_the_default_fetch_type_is_fetch(database, trigger_ctx):
    event = trigger(database).poll(trigger_ctx())
    assert event.variables == {"size": 2, "rows": [{"id": 1, "item": "pen", "price": 1.5, "data": "AQ=="},
                                                   {"id": 2, "item": "ink", "price": 3.0, "data": None}]}


def test_fetch_one_true_is_fetch_type_fetch_one(database, trigger_ctx):
    assert trigger(database, fetchOne=True).poll(trigger_ctx()).variables["row"]["item"] == "pen"


def test_store_true_is_fetch_type_store(database, trigger_ctx):
    assert trigger(database, store=True, fetchType="FETCH").poll(trigger_ctx()).variables["uri"].endswith(".ion")


def test_named_parameters_are_bound(database, trigger_ctx):
    event = trigger(database, sql="SELECT item FROM orders WHERE id = :id", parameters={"id": 2}).poll(trigger_ctx())
    assert event.variables["rows"] == [{"item": "ink"}]


def test_bad_sql_fails_the_evaluation_with_the_drivers_words(database, trigger_ctx):
    with pytest.raises(TriggerFailed, match="no such table: missing_table"):
        trigger(database, sql="SELECT * FROM missing_table").poll(trigger_ctx())
